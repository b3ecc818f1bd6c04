//! The pipelines view's snapshot (pure, tested natively): what the Lambda and Kappa panels show,
//! measured from the running world, and the cache that takes it at most every [`REFRESH_MS`]
//! of wall time.
//!
//! Every time is milliseconds since the stream became `ACTIVE` (the app's clock). Values per
//! group (product) are aligned with [`PipelinesSnapshot::groups`].

use crate::engine::state::shard::ShardId;
use crate::engine::time::{SimTime, HOUR_MS};
use crate::ui::sim::Sim;
use crate::world::pipelines::{complete_through, distance, Pipelines, Swap};
use crate::world::{ConsumerApp, World};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// What both panels show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelinesSnapshot {
    /// Now.
    pub elapsed_ms: u64,
    /// Stream name.
    pub stream: String,
    /// Field grouped by (`product`).
    pub group_by: String,
    /// Field summed (`qty`; empty = count).
    pub sum_of: String,
    /// Groups, sorted.
    pub groups: Vec<String>,
    /// Ground truth per group.
    pub truth: Vec<u64>,
    /// Records the stream accepted.
    pub truth_records: u64,
    /// Records per second into the stream (last second).
    pub ingest_per_sec: u64,
    /// Stream retention, ms.
    pub retention_ms: u64,
    /// Lambda panel.
    pub lambda: LambdaPanel,
    /// Kappa panel.
    pub kappa: KappaPanel,
}

/// Measured facts of one architecture, side by side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Measures {
    /// Age of the oldest record missing from the answer (0 = complete up to now), ms.
    pub freshness_ms: u64,
    /// `Σ |answer − truth|` over groups.
    pub error: u64,
    /// Of which caused by wrong code (`Σ |answer − what correct code gives on the same records|`).
    pub wrong: u64,
    /// `Σ truth`.
    pub truth_total: u64,
    /// Code bases implementing the query.
    pub code_paths: u32,
    /// Bytes it stores besides the stream (master dataset and views, or output tables).
    pub storage_bytes: u64,
    /// Time to apply a logic change to all history: the last batch cycle (Lambda) or the
    /// last replay's catch-up (Kappa), ms; `None` before the first.
    pub reprocess_ms: Option<u64>,
}

/// The Lambda architecture panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaPanel {
    /// Batch architecture only (no speed layer).
    pub batch_only: bool,
    /// The speed layer's code has the bug.
    pub speed_bug: bool,
    /// Master dataset: records (facts) appended.
    pub archive_records: u64,
    /// Master dataset: bytes of those records.
    pub archive_bytes: u64,
    /// Master dataset: objects its Firehose delivery stream wrote.
    pub archive_objects: u64,
    /// The master dataset holds every record that arrived before this.
    pub sealed_through_ms: u64,
    /// The newest objects written: (object number, 1 = the first, records), newest last (at
    /// most 4).
    pub recent_objects: Vec<(u64, u64)>,
    /// Records per second the archiver delivered.
    pub archiver_per_sec: u64,
    /// The batch cycle running: (version, started, horizon, ends, facts).
    pub cycle: Option<(u64, u64, u64, u64, u64)>,
    /// Cycles completed.
    pub cycles_done: u64,
    /// In batch-only mode, the next cycle's start.
    pub next_batch_ms: Option<u64>,
    /// The serving layer's batch view: version, horizon, when swapped in.
    pub batch_version: u64,
    /// Batch horizon: records that arrived before it are in the batch view.
    pub batch_horizon_ms: u64,
    /// When the batch view was swapped in.
    pub batch_swapped_ms: Option<u64>,
    /// Batch view per group.
    pub batch: Vec<u64>,
    /// Realtime view per group (minutes at or after the horizon).
    pub realtime: Vec<u64>,
    /// Records in the realtime view.
    pub realtime_records: u64,
    /// Minutes (buckets) in the realtime view.
    pub realtime_buckets: u64,
    /// Records per second the speed layer processed.
    pub speed_per_sec: u64,
    /// The speed layer's lag (`MillisBehindLatest`), ms.
    pub speed_lag_ms: u64,
    /// The last swap: when, version, horizon, minutes and records the realtime view dropped.
    pub last_swap: Option<Swap>,
    /// Batch + realtime per group.
    pub answer: Vec<u64>,
    /// Side-by-side facts.
    pub measures: Measures,
}

/// One Kappa job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRow {
    /// Version; it writes `table_v{version}`.
    pub version: u32,
    /// Parallelism.
    pub parallelism: u32,
    /// Reads with enhanced fan-out.
    pub enhanced_fan_out: bool,
    /// Its code has the bug.
    pub bug: bool,
    /// Still running.
    pub running: bool,
    /// Its table was deleted.
    pub table_deleted: bool,
    /// Its table per group.
    pub table: Vec<u64>,
    /// Records folded into its table.
    pub records: u64,
    /// Bytes of its table (0 once deleted).
    pub table_bytes: u64,
    /// Records per second it processed.
    pub per_sec: u64,
    /// Largest `MillisBehindLatest` of its last reads, ms.
    pub millis_behind_latest: u64,
    /// Records it has read of those the stream holds, per mille.
    pub progress_permille: u32,
    /// It has caught up (at that time).
    pub caught_up_ms: Option<u64>,
    /// When it started.
    pub started_ms: u64,
    /// Read calls and throttled calls.
    pub calls: u64,
    /// Throttled read calls.
    pub throttled: u64,
    /// Its position in each shard of the log ([`KappaPanel::shards`]), per mille of the
    /// records retained there (0 = at `TRIM_HORIZON`, 1000 = at the tip).
    pub positions: Vec<u32>,
    /// Records it never saw because retention had expired them: count, arrival range, units
    /// per group.
    pub missed: Option<Missed>,
}

/// What a replay could not see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    /// Records.
    pub records: u64,
    /// Arrival of the first.
    pub from_ms: u64,
    /// Arrival of the last.
    pub to_ms: u64,
    /// Per group.
    pub values: Vec<u64>,
}

/// The Kappa architecture panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KappaPanel {
    /// The log: records retained.
    pub log_records: u64,
    /// The log: records expired.
    pub log_expired: u64,
    /// The log: bytes retained.
    pub log_bytes: u64,
    /// Arrival of the oldest retained record (the trim horizon).
    pub trim_horizon_ms: Option<u64>,
    /// The log's shards, in the stream's order (closed ones too).
    pub shards: Vec<ShardId>,
    /// How many of them are open now (the stream's live shard count).
    pub open_shards: usize,
    /// Jobs, oldest first (deleted ones included).
    pub jobs: Vec<JobRow>,
    /// Version whose table the app reads.
    pub serving: u32,
    /// Allowed now: deploy, switch, revert, stop old, delete old table.
    pub allowed: [bool; 5],
    /// Bytes of the live output tables.
    pub tables_bytes: u64,
    /// Bytes of the table the app reads.
    pub serving_bytes: u64,
    /// The app's answer per group.
    pub answer: Vec<u64>,
    /// Side-by-side facts.
    pub measures: Measures,
}

fn aligned(groups: &[String], m: &BTreeMap<String, u64>) -> Vec<u64> {
    groups.iter().map(|g| m.get(g).copied().unwrap_or(0)).collect()
}

impl PipelinesSnapshot {
    /// The snapshot of `world`, or `None` when its scenario runs no pipelines.
    pub fn of(world: &World) -> Option<Self> {
        let p = world.pipelines()?;
        let engine = world.engine();
        let stream = engine.stream(world.stream_name());
        let start = world.started().millis();
        let now = world.now().millis();
        let rel = |t: u64| t.saturating_sub(start);
        let consumers = world.consumers();
        let sink = |i: usize| consumers.get(i).and_then(ConsumerApp::sink);
        // Each answer is computed once per snapshot: the groups, the panels and the measures
        // all read these.
        let lambda_answer = p.lambda_answer(consumers, false);
        let kappa_answer = p.kappa_answer(consumers, false);
        let mut groups: Vec<String> = p.truth.sums.keys().cloned().collect();
        for t in [&lambda_answer, &kappa_answer] {
            groups.extend(t.keys().filter(|g| !p.truth.sums.contains_key(*g)).cloned());
        }
        groups.sort();
        groups.dedup();
        let truth_total: u64 = p.truth.sums.values().sum();
        let lambda = Self::lambda_panel(world, p, &groups, truth_total, lambda_answer);
        let (mut log_records, mut log_expired, mut log_bytes, mut trim) = (0, 0, 0, None::<u64>);
        let mut shards = Vec::new();
        let mut open_shards = 0;
        if let Some(s) = stream {
            for sh in &s.shards {
                shards.push(sh.id);
                open_shards += usize::from(sh.is_open());
                log_records += sh.records.len() as u64;
                log_expired += sh.records.first_index();
                // Retained bytes at the shard's average record size (summing every record's
                // size each frame would cost O(records)).
                let avg = sh.counters.incoming_bytes.checked_div(sh.counters.incoming_records).unwrap_or(0);
                log_bytes += sh.records.len() as u64 * avg;
                if let Some(r) = sh.records.front() {
                    let t = rel(r.arrival.millis());
                    trim = Some(trim.map_or(t, |x| x.min(t)));
                }
            }
        }
        let mut jobs = Vec::new();
        let mut tables_bytes = 0;
        for j in &p.kappa.jobs {
            let Some(c) = consumers.get(j.consumer) else { continue };
            let s = sink(j.consumer);
            let table = s.map(|s| s.table.totals()).unwrap_or_default();
            let table_bytes = if j.table_deleted { 0 } else { s.map_or(0, |s| s.table.bytes()) };
            tables_bytes += table_bytes;
            let (unread, expired) = c.unread(engine, world.stream_name());
            let read = c.tally().delivered;
            let missed = &j.missed;
            let positions = stream
                .map(|s| {
                    s.shards
                        .iter()
                        .map(|sh| {
                            let (first, end) = (sh.records.first_index(), sh.records.end_index());
                            match c.reader(sh.id) {
                                Some(r) if r.finished => 1000,
                                Some(r) => ((r.high_water.clamp(first, end) - first) * 1000)
                                    .checked_div(end - first)
                                    .unwrap_or(1000) as u32,
                                None if first == end => 1000,
                                None => 0,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            jobs.push(JobRow {
                version: j.version,
                parallelism: j.parallelism,
                enhanced_fan_out: j.enhanced_fan_out,
                bug: s.is_some_and(|s| s.bug),
                running: j.stopped.is_none(),
                table_deleted: j.table_deleted,
                table: aligned(&groups, &table),
                records: s.map_or(0, |s| s.table.records),
                table_bytes,
                per_sec: p.rates.jobs.get(&j.version).copied().unwrap_or(0),
                millis_behind_latest: c.lag(),
                progress_permille: (read * 1000).checked_div(read + unread - expired).unwrap_or(1000) as u32,
                caught_up_ms: j.caught_up_at.map(|t| rel(t.millis())),
                started_ms: rel(j.started.millis()),
                calls: c.tally().calls,
                throttled: c.tally().throttled,
                positions,
                missed: (missed.records > 0).then(|| Missed {
                    records: missed.records,
                    from_ms: rel(missed.range.map_or(0, |r| r.0)),
                    to_ms: rel(missed.range.map_or(0, |r| r.1)),
                    values: aligned(&groups, &missed.sums),
                }),
            });
        }
        let serving_job = p.job(p.kappa.serving);
        let serving_bytes =
            serving_job.filter(|j| !j.table_deleted).and_then(|j| sink(j.consumer)).map_or(0, |s| s.table.bytes());
        let kappa_fresh = serving_job
            .filter(|j| j.stopped.is_none())
            .and_then(|j| consumers.get(j.consumer))
            .map_or(now.saturating_sub(start), |c| {
                now.saturating_sub(complete_through(engine, world.stream_name(), c))
            });
        let reprocess_ms = p.kappa.jobs.iter().rev().find_map(|j| {
            if j.version == 1 {
                return None;
            }
            j.caught_up_at.map(|t| t.since(j.started))
        });
        let kappa = KappaPanel {
            log_records,
            log_expired,
            log_bytes,
            trim_horizon_ms: trim,
            shards,
            open_shards,
            jobs,
            serving: p.kappa.serving,
            allowed: p.allowed(),
            tables_bytes,
            serving_bytes,
            answer: aligned(&groups, &kappa_answer),
            measures: Measures {
                freshness_ms: kappa_fresh,
                error: distance(&kappa_answer, &p.truth.sums),
                wrong: distance(&kappa_answer, &p.kappa_answer(consumers, true)),
                truth_total,
                code_paths: 1,
                storage_bytes: tables_bytes,
                reprocess_ms,
            },
        };
        let retention_ms = stream.map_or(0, |s| u64::from(s.retention_hours) * HOUR_MS);
        Some(Self {
            elapsed_ms: rel(now),
            stream: world.stream_name().to_string(),
            group_by: p.spec.query.group_by.clone(),
            sum_of: p.spec.query.sum_of.clone(),
            truth: aligned(&groups, &p.truth.sums),
            groups,
            truth_records: p.truth.records,
            ingest_per_sec: p.rates.ingest,
            retention_ms,
            lambda,
            kappa,
        })
    }

    fn lambda_panel(
        world: &World,
        p: &Pipelines,
        groups: &[String],
        truth_total: u64,
        answer: BTreeMap<String, u64>,
    ) -> LambdaPanel {
        let start = world.started().millis();
        let now = world.now().millis();
        let rel = |t: u64| t.saturating_sub(start);
        let consumers = world.consumers();
        let l = &p.lambda;
        let archive = consumers.get(l.archiver).and_then(ConsumerApp::sink);
        let speed_consumer: Option<&ConsumerApp> = consumers.get(l.speed);
        let speed = speed_consumer.and_then(ConsumerApp::sink);
        // The objects the archiver's Firehose delivery stream wrote (the same component as the
        // Firehose view's).
        let delivery = archive.and_then(|a| a.firehose.as_ref());
        let sealed = delivery.map_or(0, |f| f.objects);
        let skip = delivery.map_or(0, |f| f.recent.len().saturating_sub(4));
        let recent_objects: Vec<(u64, u64)> =
            delivery.map(|f| f.recent.iter().skip(skip).map(|o| (o.number, o.records)).collect()).unwrap_or_default();
        let realtime = speed.map(|s| s.table.totals_from(l.serving.horizon_ms)).unwrap_or_default();
        let fresh_through = if l.batch_only {
            l.serving.horizon_ms
        } else {
            speed_consumer.map_or(start, |c| complete_through(world.engine(), world.stream_name(), c))
        };
        let views_bytes =
            speed.map_or(0, |s| s.table.bytes()) + l.serving.sums.keys().map(|g| g.len() as u64 + 16).sum::<u64>();
        LambdaPanel {
            batch_only: l.batch_only,
            speed_bug: speed.is_some_and(|s| s.bug),
            archive_records: archive.and_then(|a| a.archive.as_ref()).map_or(0, |a| a.facts.len() as u64),
            archive_bytes: archive.and_then(|a| a.archive.as_ref()).map_or(0, |a| a.bytes),
            archive_objects: sealed,
            sealed_through_ms: rel(l.sealed_through_ms),
            recent_objects,
            archiver_per_sec: p.rates.archiver,
            cycle: l
                .cycle
                .as_ref()
                .map(|c| (c.version, rel(c.started.millis()), rel(c.horizon_ms), rel(c.ends.millis()), c.records)),
            cycles_done: l.cycles_done,
            next_batch_ms: l.batch_only.then(|| rel(l.next_batch_at.millis())),
            batch_version: l.serving.version,
            batch_horizon_ms: rel(l.serving.horizon_ms),
            batch_swapped_ms: l.serving.swapped_at.map(|t: SimTime| rel(t.millis())),
            batch: aligned(groups, &l.serving.sums),
            realtime: aligned(groups, &realtime),
            realtime_records: speed.map_or(0, |s| s.table.records_from(l.serving.horizon_ms)),
            realtime_buckets: speed.map_or(0, |s| s.table.buckets.range(l.serving.horizon_ms..).count() as u64),
            speed_per_sec: p.rates.speed,
            speed_lag_ms: speed_consumer.map_or(0, ConsumerApp::lag),
            last_swap: l.last_swap.map(|s| Swap { at_ms: rel(s.at_ms), horizon_ms: rel(s.horizon_ms), ..s }),
            answer: aligned(groups, &answer),
            measures: Measures {
                freshness_ms: now.saturating_sub(fresh_through),
                error: distance(&answer, &p.truth.sums),
                wrong: distance(&answer, &p.lambda_answer(consumers, true)),
                truth_total,
                code_paths: if l.batch_only { 1 } else { 2 },
                storage_bytes: archive.and_then(|a| a.archive.as_ref()).map_or(0, |a| a.bytes) + views_bytes,
                reprocess_ms: l.last_cycle_ms,
            },
        }
    }
}

/// Wall milliseconds between two snapshots while playing.
pub const REFRESH_MS: f64 = 100.0;

/// The last snapshot and what it was taken from. Building a snapshot reads every sink and job,
/// so while playing it is retaken at most every [`REFRESH_MS`] of wall time; at once when
/// paused (after a step), for a rebuilt world, or after a pipeline step.
#[derive(Debug, Default)]
pub struct SnapshotCache {
    /// Wall ms when taken.
    wall_ms: f64,
    /// Simulated ms it shows.
    elapsed_ms: u64,
    /// The world it came from (a rebuilt world is a new `Rc`).
    sim: usize,
    /// The pipeline step it saw last (the store version when the last step ran).
    step: Option<u64>,
    /// `None` before the first.
    snap: Option<Option<Rc<PipelinesSnapshot>>>,
}

impl SnapshotCache {
    /// The snapshot of `sim` at wall time `wall_ms` (ms, any origin): the cached one unless it
    /// is stale. `step` names the last pipeline step (any change retakes it); `paused` retakes it
    /// as soon as the clock moved.
    pub fn get(
        &mut self,
        sim: &Rc<RefCell<Sim>>,
        step: Option<u64>,
        paused: bool,
        wall_ms: f64,
    ) -> Option<Rc<PipelinesSnapshot>> {
        let s = sim.borrow();
        let elapsed_ms = s.elapsed_ms();
        let ptr = Rc::as_ptr(sim) as usize;
        let moved = elapsed_ms != self.elapsed_ms;
        let stale = self.snap.is_none()
            || self.sim != ptr
            || self.step != step
            || (moved && (paused || wall_ms - self.wall_ms >= REFRESH_MS));
        if stale {
            let snap = Some(PipelinesSnapshot::of(s.world()).map(Rc::new));
            *self = SnapshotCache { wall_ms, elapsed_ms, sim: ptr, step, snap };
        }
        self.snap.clone().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::MINUTE_MS;
    use crate::world::pipeline_spec::PipelineAction;
    use crate::world::presets::Preset;
    use crate::world::scenario::Command;

    fn shop() -> World {
        let s = Preset::ECommerce.scenario(1);
        World::new(s).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn no_pipelines_no_snapshot() {
        let w = World::new(Preset::HotKey.scenario(1)).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(PipelinesSnapshot::of(&w).is_none());
    }

    #[test]
    fn lambda_answer_is_batch_plus_realtime_per_group() {
        let mut w = shop();
        w.advance_by(12 * MINUTE_MS);
        let s = PipelinesSnapshot::of(&w).unwrap_or_else(|| panic!("snapshot"));
        assert_eq!(s.groups.len(), 6, "{:?}", s.groups);
        assert_eq!(s.kappa.shards, [ShardId(0), ShardId(1)], "the log's shards, in the stream's order");
        assert_eq!(s.kappa.open_shards, 2, "the stream card counts the open shards from the live state");
        let l = &s.lambda;
        assert!(l.batch_version >= 1 && l.batch_horizon_ms > 0);
        for i in 0..s.groups.len() {
            assert_eq!(l.answer[i], l.batch[i] + l.realtime[i]);
            assert!(l.answer[i] <= s.truth[i]);
        }
        assert_eq!(l.measures.code_paths, 2);
        assert_eq!(s.kappa.measures.code_paths, 1);
        assert!(l.measures.freshness_ms < 5_000, "{}", l.measures.freshness_ms);
        assert!(l.archive_objects >= 10 && l.recent_objects.len() == 4);
        let numbers: Vec<u64> = l.recent_objects.iter().map(|o| o.0).collect();
        assert_eq!(numbers, (l.archive_objects - 3..=l.archive_objects).collect::<Vec<_>>(), "newest last");
        assert!(l.measures.storage_bytes > l.archive_records * 100);
        assert_eq!(l.measures.wrong, 0);
        // The error is only what is still in flight: a few seconds of orders.
        assert!(l.measures.error * 100 < l.measures.truth_total, "{:?}", l.measures);
    }

    #[test]
    fn storage_doubles_during_the_overlap_and_drops_after_the_delete() {
        let mut w = shop();
        w.advance_by(10 * MINUTE_MS);
        let step = |w: &mut World, action| {
            w.apply(Command::Pipeline { action }).unwrap_or_else(|e| panic!("{e:?}"));
        };
        step(&mut w, PipelineAction::Deploy { parallelism: 8, enhanced_fan_out: false });
        w.advance_by(3 * MINUTE_MS);
        let s = PipelinesSnapshot::of(&w).unwrap_or_else(|| panic!("snapshot"));
        let k = &s.kappa;
        assert!(k.jobs[1].caught_up_ms.is_some(), "{:?}", k.jobs[1]);
        assert_eq!(k.allowed, [false, true, false, false, false]);
        assert_eq!(k.tables_bytes, 2 * k.serving_bytes);
        step(&mut w, PipelineAction::Switch);
        step(&mut w, PipelineAction::StopOld);
        step(&mut w, PipelineAction::DeleteOldTable);
        let s = PipelinesSnapshot::of(&w).unwrap_or_else(|| panic!("snapshot"));
        assert_eq!(s.kappa.tables_bytes, s.kappa.serving_bytes);
        assert_eq!(s.kappa.serving, 2);
        assert!(s.kappa.measures.reprocess_ms.is_some_and(|ms| ms < 3 * MINUTE_MS));
        assert_eq!(s.kappa.allowed, [true, false, false, false, false]);
    }

    #[test]
    fn the_cache_retakes_the_snapshot_only_when_stale() {
        use crate::ui::sim::Settings;
        let settings = Settings { seed: 1, scenario: Preset::ECommerce, ..Settings::default() };
        let sim = Rc::new(RefCell::new(Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"))));
        let mut cache = SnapshotCache::default();
        let first = cache.get(&sim, None, false, 0.0).unwrap_or_else(|| panic!("snapshot"));
        sim.borrow_mut().step_second();
        let same =
            |a: &Option<Rc<PipelinesSnapshot>>, b: &Rc<PipelinesSnapshot>| a.as_ref().is_some_and(|a| Rc::ptr_eq(a, b));
        assert!(same(&cache.get(&sim, None, false, 50.0), &first), "playing: kept for 100 ms of wall time");
        let second = cache.get(&sim, None, false, 100.0).unwrap_or_else(|| panic!("snapshot"));
        assert!(!Rc::ptr_eq(&first, &second) && second.elapsed_ms > first.elapsed_ms);
        assert!(same(&cache.get(&sim, None, true, 101.0), &second), "the clock did not move");
        sim.borrow_mut().step_second();
        let third = cache.get(&sim, None, true, 102.0).unwrap_or_else(|| panic!("snapshot"));
        assert!(!Rc::ptr_eq(&second, &third), "paused: retaken as soon as the clock moved");
        assert!(!same(&cache.get(&sim, Some(7), true, 103.0), &third), "a pipeline step retakes it");
        let rebuilt = Rc::new(RefCell::new(sim.borrow().clone()));
        assert!(!same(&cache.get(&rebuilt, Some(7), true, 104.0), &third), "another world retakes it");
    }
}
