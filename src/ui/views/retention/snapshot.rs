//! The retention view's snapshot (pure, tested natively): every shard of the stream with its
//! retained records sampled into marks, each consumer's position and losses per shard, and
//! what the cost line needs. Times are ms since the stream became `ACTIVE`.

use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::{ShardId, ShardState};
use crate::engine::state::stream::StreamMode;
use crate::engine::time::{SimTime, HOUR_MS};
use crate::ui::sim::Sim;
use crate::ui::snapshot::{sampled_positions, ConsumerKind};

/// One record drawn as a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Its position in the shard (0, 1, 2… in acceptance order; stable DOM key).
    pub position: u64,
    /// ApproximateArrivalTimestamp, ms since the stream became ACTIVE.
    pub at_ms: u64,
    /// Its SequenceNumber (for `AT_`/`AFTER_SEQUENCE_NUMBER` once it is chosen).
    pub sequence_number: SequenceNumber,
    /// Put by a person through [`crate::world::World::call`] (the console): always drawn.
    pub yours: bool,
}

/// One shard, closed ones included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetRow {
    /// The shard.
    pub id: ShardId,
    /// Open (accepts writes).
    pub open: bool,
    /// Position of the oldest retained record (= records expired so far).
    pub first_index: u64,
    /// Position after the newest record.
    pub end_index: u64,
    /// Arrival of the oldest retained record, ms since start.
    pub oldest_ms: Option<u64>,
    /// Arrival of the newest record, ms since start.
    pub newest_ms: Option<u64>,
    /// SequenceNumber of the oldest retained record.
    pub oldest_seq: Option<String>,
    /// When it closed, ms since start.
    pub closed_ms: Option<u64>,
    /// Sampled records, oldest first (every `stride`-th position), and every record of yours.
    pub marks: Vec<Mark>,
    /// One mark stands for this many records.
    pub stride: u64,
}

impl RetRow {
    /// Records retained now.
    pub fn retained(&self) -> u64 {
        self.end_index - self.first_index
    }
}

/// A consumer's position in one shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetCursor {
    /// The shard.
    pub shard: ShardId,
    /// Position of its next unread record.
    pub read_pos: u64,
    /// Arrival of its next unread record (or, when overtaken, of the last one it read), ms since
    /// start; `None` when it has read everything.
    pub at_ms: Option<u64>,
    /// Records it has not read that expired already (`first_index − read_pos`; > 0 = overtaken).
    pub expired_unread: u64,
    /// Read to the end of a closed shard.
    pub finished: bool,
}

/// Records of one shard a consumer lost: positions `from..to`, expired before it read them.
///
/// Their arrival times are gone with them; `after_ms … before_ms` bounds them (the last record
/// it read before them, the first one returned after them). A range that stands for several
/// reads' losses also spans the records read in between; `lost` is the exact count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetLoss {
    /// The shard.
    pub shard: ShardId,
    /// Position of the first lost record.
    pub from: u64,
    /// Position after the last lost record.
    pub to: u64,
    /// Records lost in `from..to`.
    pub lost: u64,
    /// They arrived at or after this, ms since start.
    pub after_ms: u64,
    /// They arrived at or before this, ms since start.
    pub before_ms: u64,
    /// When the consumer noticed the first of them, ms since start.
    pub noticed_ms: u64,
    /// When it noticed the last of them, ms since start.
    pub last_noticed_ms: u64,
}

impl RetLoss {
    /// Positions spanned (`to − from`): more than `lost` when it read some in between.
    pub fn span(&self) -> u64 {
        self.to - self.from
    }
}

/// One consumer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetConsumer {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// Records delivered.
    pub delivered: u64,
    /// Records lost (expired before it read them), all shards.
    pub lost: u64,
    /// Where they were, per shard in shard order, oldest first.
    pub losses: Vec<RetLoss>,
    /// Per shard.
    pub cursors: Vec<RetCursor>,
}

/// What the retention view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// The stream's start, epoch ms (to turn axis times into AWS timestamps).
    pub started_epoch_ms: u64,
    /// The name of the stream drawn ([`Sim::shown_stream`]).
    pub stream_name: String,
    /// The scenario's stream, when the stream drawn is another one (created in the console):
    /// the scenario's consumers read that one, so they are left out, and no producer writes
    /// to the one drawn.
    pub scenario_stream: Option<String>,
    /// Retention period, hours.
    pub retention_hours: u32,
    /// Open shards.
    pub open_shards: u64,
    /// Records per second the producers aim at now (0 when they write another stream).
    pub records_per_sec: u64,
    /// Average record size so far (data + key), bytes.
    pub avg_record_bytes: u64,
    /// Enhanced fan-out consumers.
    pub efo_consumers: u64,
    /// On-demand capacity mode (else provisioned).
    pub on_demand: bool,
    /// Shards: open in hash order, then closed ones.
    pub rows: Vec<RetRow>,
    /// Consumers.
    pub consumers: Vec<RetConsumer>,
    /// The live window: the records of yours came from the student's own client.
    pub live: bool,
}

impl RetentionSnapshot {
    /// Retention, ms.
    pub fn retention_ms(&self) -> u64 {
        u64::from(self.retention_hours) * HOUR_MS
    }

    /// The trim horizon: now − retention, ms since start (negative before a full period ran).
    pub fn trim_horizon_ms(&self) -> i64 {
        self.elapsed_ms as i64 - self.retention_ms() as i64
    }
}

/// Marks per row at most (the rest are counted, not drawn).
pub const MAX_MARKS: usize = 64;

/// The stride that samples `len` records into at most `budget` marks: a power of two, so that
/// positions that are multiples of it stay marked while records arrive and expire.
pub fn stride(len: u64, budget: u64) -> u64 {
    len.div_ceil(budget.max(1)).max(1).next_power_of_two()
}

impl RetentionSnapshot {
    /// The snapshot of the stream `sim` shows: every shard (closed ones included, until they
    /// expire) with its retained records sampled into at most about `max_marks` marks plus
    /// every record of yours, and each consumer's position per shard (the scenario's stream
    /// only).
    pub fn of(sim: &Sim, max_marks: usize) -> RetentionSnapshot {
        let w = sim.world();
        let engine = w.engine();
        let now = w.now();
        let start = w.started();
        let since = |t: SimTime| t.since(start);
        let shown = sim.shown_stream();
        let scenario_stream = (!sim.shows_scenario_stream()).then(|| w.stream_name().to_string());
        let stream = engine.stream(shown);
        let yours = w.yours(shown);
        let mut rows = Vec::new();
        let (mut records, mut bytes) = (0u64, 0u64);
        if let Some(s) = stream {
            let mut memo = sim.dot_cache().marks();
            let mut listed: Vec<_> = s.shards.iter().filter(|sh| sh.state() != ShardState::Expired).collect();
            listed.sort_by_key(|sh| (!sh.is_open(), sh.hash_key_range.starting_hash_key, sh.id));
            for sh in listed {
                records += sh.counters.incoming_records;
                bytes += sh.counters.incoming_bytes;
                let store = &sh.records;
                let first = store.first_index();
                let stride = stride(store.len() as u64, max_marks as u64);
                let end = store.end_index();
                let mine: Vec<u64> = yours.range((sh.id, first)..(sh.id, end)).map(|(_, p)| *p).collect();
                // Arrival and sequence number by position, kept from the last snapshot: the
                // sampled positions stay the same while records arrive and expire (a
                // power-of-two stride), and a packed chunk decodes from its start.
                let mut read_at = |pos: u64| {
                    let read =
                        || store.get(pos.checked_sub(first)? as usize).map(|r| (r.arrival, sh.sequence_number_of(&r)));
                    memo.get_or((s.key, sh.id, pos), read)
                };
                let mut marks = Vec::with_capacity(max_marks + 1 + mine.len());
                for pos in sampled_positions(first, end, stride, &mine) {
                    let Some((arrival, sequence_number)) = read_at(pos) else { break };
                    marks.push(Mark {
                        position: pos,
                        at_ms: since(arrival),
                        sequence_number,
                        yours: mine.binary_search(&pos).is_ok(),
                    });
                }
                let oldest = read_at(first);
                rows.push(RetRow {
                    id: sh.id,
                    open: sh.is_open(),
                    first_index: first,
                    end_index: end,
                    oldest_ms: oldest.map(|(arrival, _)| since(arrival)),
                    newest_ms: store.back().map(|r| since(r.arrival)),
                    oldest_seq: oldest.map(|(_, seq)| seq.to_string()),
                    closed_ms: sh.closed.map(since),
                    marks,
                    stride,
                });
            }
            memo.finish();
        }
        let consumers = w
            .consumers()
            .iter()
            .enumerate()
            .filter(|(i, _)| !w.is_removed(*i) && scenario_stream.is_none())
            .map(|(_, c)| {
                let cursors = stream
                    .map(|s| {
                        s.shards
                            .iter()
                            .filter(|sh| sh.state() != ShardState::Expired)
                            .filter_map(|sh| {
                                let r = c.reader(sh.id)?;
                                let store = &sh.records;
                                let first = store.first_index();
                                let next = r.read_pos.max(first);
                                let at_ms = if r.read_pos < first {
                                    // Overtaken: the records after its last read are gone; the
                                    // last read one's time is in its sequence number.
                                    r.read_to.map(|q| (q.seq_time_secs * 1000).saturating_sub(start.millis()))
                                } else {
                                    store.get((next - first) as usize).map(|rec| since(rec.arrival))
                                };
                                Some(RetCursor {
                                    shard: sh.id,
                                    read_pos: r.read_pos,
                                    at_ms,
                                    expired_unread: first.saturating_sub(r.read_pos),
                                    finished: r.finished,
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                // Every shard's losses, expired shards' too (listed, not drawn).
                let losses = stream
                    .map(|s| {
                        s.shards
                            .iter()
                            .filter_map(|sh| Some((sh.id, c.reader(sh.id)?)))
                            .flat_map(|(id, r)| {
                                r.lost_ranges.iter().map(move |l| RetLoss {
                                    shard: id,
                                    from: l.from,
                                    to: l.to,
                                    lost: l.lost,
                                    after_ms: since(l.arrived_after),
                                    before_ms: since(l.arrived_before),
                                    noticed_ms: since(l.noticed),
                                    last_noticed_ms: since(l.last_noticed),
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                RetConsumer {
                    name: c.name().to_string(),
                    kind: ConsumerKind::of(c),
                    delivered: c.tally().delivered,
                    lost: c.tally().lost,
                    losses,
                    cursors,
                }
            })
            .collect::<Vec<_>>();
        RetentionSnapshot {
            live: sim.is_live(),
            elapsed_ms: now.since(start),
            started_epoch_ms: start.millis(),
            stream_name: shown.to_string(),
            retention_hours: stream.map_or(24, |s| s.retention_hours),
            open_shards: sim.open_shards() as u64,
            records_per_sec: if scenario_stream.is_none() { sim.target_rate() } else { 0 },
            scenario_stream,
            avg_record_bytes: bytes / records.max(1),
            efo_consumers: consumers.iter().filter(|c| c.kind == ConsumerKind::FanOut).count() as u64,
            on_demand: stream.is_some_and(|s| s.mode == StreamMode::OnDemand),
            rows,
            consumers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::UrlState;

    #[test]
    fn sampling_strides() {
        assert_eq!(stride(10, 64), 1);
        assert_eq!(stride(1_728_000, 64), 32_768);
    }

    #[test]
    fn the_slow_consumer_s_stream_expires_records_after_a_day() {
        let (url, _) = UrlState::parse("#/retention?seed=1&scenario=slow-consumer", "");
        let mut sim = Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"));
        sim.sleep(26 * HOUR_MS);
        let snap = RetentionSnapshot::of(&sim, MAX_MARKS);
        assert_eq!(snap.retention_hours, 24);
        assert_eq!(snap.trim_horizon_ms(), 2 * 3_600_000);
        let r = &snap.rows[0];
        assert!(r.first_index > 0, "records expired");
        assert!(r.oldest_ms.is_some_and(|t| (2 * HOUR_MS..2 * HOUR_MS + 1_000).contains(&t)), "{:?}", r.oldest_ms);
        assert!(r.marks.len() <= 65 && r.marks.iter().all(|m| m.position % r.stride == 0));
        // A mark carries the SequenceNumber GetShardIterator names it by.
        for m in [r.marks[0], r.marks[r.marks.len() / 2]] {
            let seq = crate::ui::snapshot::RecentRecord::at(sim.world(), sim.shown_stream(), r.id, m.position)
                .map(|rec| rec.sequence_number);
            assert_eq!(seq, Some(m.sequence_number.to_string()));
        }
        // 20 records/s for 24 h; a record exactly 24 h old is still retained.
        assert_eq!(r.retained(), 24 * 3600 * 20 + 1);
        // The slow consumer (5 records/s of 20) is 19.5 h behind: not overtaken yet.
        let c = &snap.consumers[0].cursors[0];
        assert_eq!(c.expired_unread, 0);
        assert!(c.at_ms.is_some_and(|t| (6 * HOUR_MS..7 * HOUR_MS).contains(&t)), "{:?}", c.at_ms);
    }

    #[test]
    fn marks_kept_from_the_last_snapshot_are_the_ones_a_fresh_read_gives() {
        let (url, _) = UrlState::parse("#/retention?seed=3&scenario=slow-consumer", "");
        let mut watched = Sim::new(url.sim.clone()).unwrap_or_else(|e| panic!("{e:?}"));
        let mut fresh = Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"));
        // Snapshots every 20 minutes across the first expiries (records older than 24 h go):
        // each one keeps its marks for the next.
        let mut t = 23 * HOUR_MS;
        let mut last = None;
        while t <= 25 * HOUR_MS + 30 * 60_000 {
            watched.sleep(t - watched.elapsed_ms());
            last = Some(RetentionSnapshot::of(&watched, MAX_MARKS));
            t += 20 * 60_000;
        }
        let last = last.unwrap_or_else(|| panic!("no snapshot"));
        fresh.sleep(last.elapsed_ms);
        let first_read = RetentionSnapshot::of(&fresh, MAX_MARKS);
        assert!(last.rows[0].first_index > 0, "records expired");
        assert_eq!(last.rows, first_read.rows);
        assert_eq!(last, first_read);
    }
}
