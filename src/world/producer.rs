//! Simulated producers: the applications that write into the stream.
//!
//! What it models:
//! - A **rate** in records per second that may vary over time (constant, a linear ramp, or
//!   periodic spikes). Records are spaced exactly: a producer keeps a credit in milli-records
//!   and sends each record at the millisecond its credit reaches one.
//! - **Keys and payloads** from a [`PayloadTemplate`]: record `n` is a pure function of the seed,
//!   the producer and `n` (see `payload.rs`).
//! - **Sending** one record per `PutRecord` call (the course's boto3 loop), or in `PutRecords`
//!   batches of up to 500 with a linger time, as the Kinesis Producer Library does with
//!   `RecordMaxBufferedTime` (default 100 ms) and its 500-record limit per request.
//! - **Retries** of throttled records with exponential backoff and *full jitter* — sleep a
//!   uniform random time in `[0, min(cap, base · 2^attempt)]` (AWS Architecture Blog, "Exponential
//!   Backoff And Jitter", 2015) — drawn from the producer's own seeded stream, up to a retry
//!   limit; then the record is **dropped** and counted.
//!
//! Every record is accounted for: `produced = accepted + dropped + in flight`.
//!
//! # The send path
//!
//! The world runs a producer's tasks on its queue and calls the methods below:
//! 1. **Produce** (`make`): the records due now by the rate, numbered on.
//! 2. **Buffer** (batching only): records wait in the buffer until it holds `max_records` or the
//!    first one has lingered `linger_ms`; then `take_batches` cuts requests of at most 500
//!    entries.
//! 3. **Send** (`send`): one `PutRecord` (a single-record producer's record) or one `PutRecords`
//!    call; each record is accepted, scheduled for a retry with backoff, or dropped after the
//!    last retry.
//! 4. **Retry** (`take_due_retries`): records whose backoff has passed go out again, in
//!    requests of the producer's batch size.
//!
//! Simplifications: a producer's calls take no network time; an `InternalFailure` never happens;
//! retried records are sent again at their retry time in their own request, so, as with the real
//! KPL, a retry can reorder records of one key relative to later ones.

use super::rng::SimRng;
use crate::engine::ops::put_records::{PutRecordInput, PutRecordsInput, PutRecordsRequestEntry, PutRecordsResultEntry};
use crate::engine::state::record_source::RecordRef;
use crate::engine::state::shard::ShardId;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::Engine;
use crate::world::payload::{KeyDistribution, PayloadKind, PayloadTemplate, RecordSize};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// PutRecords' limit of entries per request (AWS API reference, PutRecords).
pub const MAX_BATCH: u32 = 500;
/// Highest rate a producer may ask for, records per second.
pub const MAX_RATE: u32 = 1_000_000;

/// How a producer's rate changes over time (records per second).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Rate {
    /// Always the same.
    Constant {
        /// Records per second.
        per_sec: u32,
    },
    /// From `from` to `to` linearly over `over_ms`, then stays at `to`.
    Ramp {
        /// Records per second at the start.
        from: u32,
        /// Records per second at the end.
        to: u32,
        /// Length of the ramp, ms.
        over_ms: u64,
    },
    /// `base`, except for `spike_ms` at the start of every `every_ms`, where it is `peak`.
    Spikes {
        /// Records per second normally.
        base: u32,
        /// Records per second during a spike.
        peak: u32,
        /// Period, ms.
        every_ms: u64,
        /// Spike length, ms.
        spike_ms: u64,
    },
}

impl Default for Rate {
    fn default() -> Self {
        Rate::Constant { per_sec: 10 }
    }
}

impl Rate {
    /// Records per second at `elapsed_ms` since the producer started.
    pub fn at(&self, elapsed_ms: u64) -> u64 {
        let r = match *self {
            Rate::Constant { per_sec } => u64::from(per_sec),
            Rate::Ramp { from, to, over_ms } => {
                if elapsed_ms >= over_ms || over_ms == 0 {
                    u64::from(to)
                } else {
                    let (from, to) = (i128::from(from), i128::from(to));
                    (from + (to - from) * i128::from(elapsed_ms) / i128::from(over_ms)) as u64
                }
            }
            Rate::Spikes { base, peak, every_ms, spike_ms } => {
                if every_ms > 0 && elapsed_ms % every_ms < spike_ms {
                    u64::from(peak)
                } else {
                    u64::from(base)
                }
            }
        };
        r.min(u64::from(MAX_RATE))
    }
}

/// How records are sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Batching {
    /// One `PutRecord` call per record.
    #[default]
    Single,
    /// `PutRecords` with up to `max_records` entries, sent when full or `linger_ms` after the
    /// first buffered record (KPL `RecordMaxBufferedTime`).
    Batch {
        /// Entries per request, 1..=500.
        max_records: u32,
        /// Longest a record waits in the buffer, ms.
        linger_ms: u64,
    },
}

/// Retry policy for throttled records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetryPolicy {
    /// Retries after the first attempt before a record is dropped.
    pub max_retries: u32,
    /// Backoff base, ms.
    pub base_ms: u64,
    /// Backoff cap, ms.
    pub cap_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        // The AWS SDKs' standard retry mode: 3 attempts in all, base 100 ms, cap 20 s.
        Self { max_retries: 2, base_ms: 100, cap_ms: 20_000 }
    }
}

/// Everything that defines a producer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProducerSpec {
    /// Unique name (`producer-1`, `sensors`, …).
    pub name: String,
    /// Records per second over time.
    pub rate: Rate,
    /// Data format.
    pub kind: PayloadKind,
    /// Partition-key choice.
    pub keys: KeyDistribution,
    /// Data size.
    pub size: RecordSize,
    /// PutRecord or PutRecords.
    pub batching: Batching,
    /// Retries.
    pub retry: RetryPolicy,
}

impl Default for ProducerSpec {
    fn default() -> Self {
        Self {
            name: "producer".into(),
            rate: Rate::default(),
            kind: PayloadKind::Activity,
            keys: KeyDistribution::default(),
            size: RecordSize::default(),
            batching: Batching::Single,
            retry: RetryPolicy::default(),
        }
    }
}

/// A record waiting to be sent (first time or again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    /// Template id in the engine's payload book.
    pub template: u16,
    /// Record number within the producer.
    pub n: u64,
    /// When it was made.
    pub event_time: SimTime,
    /// Attempts so far.
    pub attempts: u32,
    /// Earliest time to send it.
    pub due: SimTime,
}

/// A producer's running totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerStats {
    /// Records made.
    pub produced: u64,
    /// Records the stream accepted.
    pub accepted: u64,
    /// Throttled attempts that were retried.
    pub retried: u64,
    /// Records given up after the last retry.
    pub dropped: u64,
    /// API calls made.
    pub calls: u64,
    /// Bytes accepted (data + key).
    pub accepted_bytes: u64,
}

/// What one `PutRecord` or `PutRecords` call did with its records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sent {
    /// When the caller asked for data: each record the stream accepted, in request order, with
    /// its shard, its data and its size (data + key), bytes. Empty otherwise.
    pub(crate) accepted: Vec<(ShardId, Vec<u8>, u64)>,
    /// Records accepted.
    pub(crate) ok: u64,
    /// Records refused and scheduled for a retry.
    pub(crate) retried: u64,
    /// Records refused after their last retry.
    pub(crate) dropped: u64,
    /// The earliest retry scheduled, if any.
    pub(crate) retry_at: Option<SimTime>,
}

/// A running producer.
#[derive(Clone, Debug)]
pub struct Producer {
    /// Its settings.
    pub spec: ProducerSpec,
    /// Index among the world's producers ever added (its payload salt).
    pub index: u64,
    /// Current payload template id.
    pub template: u16,
    /// When it started (rate shapes count from here).
    pub started: SimTime,
    /// Its totals.
    pub stats: ProducerStats,
    /// Milli-records of credit not yet sent.
    pub(crate) credit: u64,
    /// When credit was last added.
    pub(crate) last_tick: SimTime,
    /// Records waiting in the batch buffer or for a retry, in due order of arrival.
    pub(crate) buffer: VecDeque<Pending>,
    /// Retries waiting, ordered by due time.
    pub(crate) retries: VecDeque<Pending>,
    /// Jitter stream.
    pub(crate) rng: SimRng,
    /// Stopped producers keep their totals but send nothing.
    pub stopped: bool,
}

impl Producer {
    /// A producer started at `now`.
    pub fn new(spec: ProducerSpec, index: u64, template: u16, seed: u64, now: SimTime) -> Self {
        let rng = SimRng::fork(seed, &format!("producer/{index}/retry"));
        Self {
            spec,
            index,
            template,
            started: now,
            stats: ProducerStats::default(),
            credit: 0,
            last_tick: now,
            buffer: VecDeque::new(),
            retries: VecDeque::new(),
            rng,
            stopped: false,
        }
    }

    /// The payload template its settings describe.
    pub fn payload_template(spec: &ProducerSpec, index: u64) -> PayloadTemplate {
        PayloadTemplate { kind: spec.kind, keys: spec.keys.clone(), size: spec.size, salt: index }
    }

    /// Records currently buffered or waiting for a retry.
    pub fn in_flight(&self) -> u64 {
        (self.buffer.len() + self.retries.len()) as u64
    }

    /// Adds the credit earned since the last tick and returns how many new records are due now.
    pub(crate) fn accrue(&mut self, now: SimTime) -> u64 {
        let dt = now.since(self.last_tick);
        // The rate at the start of the interval; intervals are at most a second long.
        let rate = self.spec.rate.at(self.last_tick.since(self.started));
        self.last_tick = now;
        if self.stopped {
            self.credit = 0;
            return 0;
        }
        self.credit += rate * dt;
        let due = self.credit / SECOND_MS;
        self.credit %= SECOND_MS;
        due
    }

    /// When the next record will be due (at most a second ahead, so rate changes take effect).
    pub(crate) fn next_tick(&self, now: SimTime) -> SimTime {
        let rate = self.spec.rate.at(now.since(self.started));
        if rate == 0 || self.stopped {
            return now.plus(SECOND_MS);
        }
        let missing = SECOND_MS - self.credit;
        now.plus(missing.div_ceil(rate).clamp(1, SECOND_MS))
    }

    /// The backoff before retry number `attempt` (1-based): full jitter.
    pub(crate) fn backoff(&mut self, attempt: u32) -> u64 {
        let p = self.spec.retry;
        let ceiling = p.base_ms.saturating_mul(1u64 << attempt.min(30)).min(p.cap_ms).max(1);
        self.rng.between(0, ceiling)
    }

    /// The records due at `now` by the rate (see [`Producer::accrue`]), numbered on.
    pub(crate) fn make(&mut self, now: SimTime) -> Vec<Pending> {
        let due = self.accrue(now);
        let mut fresh = Vec::with_capacity(due as usize);
        for _ in 0..due {
            let n = self.stats.produced;
            self.stats.produced += 1;
            fresh.push(Pending { template: self.template, n, event_time: now, attempts: 0, due: now });
        }
        fresh
    }

    /// The requests to send from the batch buffer: every full one and, when `lingered`, the
    /// partial rest. Also the linger time, ms, after which a partial rest left behind is due
    /// (`None` when nothing is left). A single-record producer has no buffer: `None`.
    pub(crate) fn take_batches(&mut self, lingered: bool) -> Option<(Vec<Vec<Pending>>, Option<u64>)> {
        let Batching::Batch { max_records, linger_ms } = self.spec.batching else {
            return None;
        };
        let max = (max_records as usize).clamp(1, MAX_BATCH as usize);
        let mut batches = Vec::new();
        while self.buffer.len() >= max || (lingered && !self.buffer.is_empty()) {
            let n = self.buffer.len().min(max);
            batches.push(self.buffer.drain(..n).collect::<Vec<_>>());
        }
        // A partial buffer left after sending full batches waits its own linger time.
        let rest = !self.buffer.is_empty() && !lingered;
        Some((batches, rest.then_some(linger_ms)))
    }

    /// The retries due at `now`, cut into requests of the producer's batch size (one record
    /// for a single-record producer); later ones keep waiting.
    pub(crate) fn take_due_retries(&mut self, now: SimTime) -> Vec<Vec<Pending>> {
        let mut due = Vec::new();
        let mut later = VecDeque::new();
        for r in self.retries.drain(..) {
            if r.due <= now {
                due.push(r);
            } else {
                later.push_back(r);
            }
        }
        self.retries = later;
        let batch = match self.spec.batching {
            Batching::Single => 1,
            Batching::Batch { max_records, .. } => (max_records as usize).clamp(1, MAX_BATCH as usize),
        };
        due.chunks(batch).map(<[Pending]>::to_vec).collect()
    }

    /// Sends `records` in one call (PutRecord for one record of a single-record producer, else
    /// PutRecords) to `stream` and books the outcome of each: accepted, retried later (with
    /// backoff) or dropped. With `keep_data`, [`Sent::accepted`] carries each accepted record's
    /// data. `None` when nothing was sent.
    pub(crate) fn send(
        &mut self,
        engine: &mut Engine,
        stream: &str,
        records: Vec<Pending>,
        keep_data: bool,
    ) -> Option<Sent> {
        if records.is_empty() {
            return None;
        }
        let now = engine.now();
        let single = self.spec.batching == Batching::Single && records.len() == 1;
        let mut entries = Vec::with_capacity(records.len());
        for r in &records {
            let reference = RecordRef { source: r.template, n: r.n, event_time: r.event_time };
            let Some(body) = engine.record_sources().render(reference) else {
                continue;
            };
            entries.push(PutRecordsRequestEntry {
                data: body.data,
                partition_key: body.partition_key,
                explicit_hash_key: body.explicit_hash_key.map(|h| h.to_string()),
                by_reference: Some(reference),
            });
        }
        let sizes: Vec<u64> = entries.iter().map(|e| (e.data.len() + e.partition_key.len()) as u64).collect();
        let bodies: Vec<Vec<u8>> =
            if keep_data { entries.iter().map(|e| e.data.clone()).collect() } else { Vec::new() };
        // Per record: the shard that accepted it, or `None` (throttled or failed).
        let outcomes: Vec<Option<ShardId>> = if single {
            let e = entries.pop()?;
            let r = engine.put_record(PutRecordInput {
                stream_name: stream.to_string(),
                data: e.data,
                partition_key: e.partition_key,
                explicit_hash_key: e.explicit_hash_key,
                sequence_number_for_ordering: None,
                by_reference: e.by_reference,
            });
            vec![r.ok().map(|o| o.shard_id)]
        } else {
            match engine.put_records(PutRecordsInput { stream_name: stream.to_string(), records: entries }) {
                Ok(out) => out
                    .records
                    .iter()
                    .map(|r| match r {
                        PutRecordsResultEntry::Ok { shard_id, .. } => Some(*shard_id),
                        PutRecordsResultEntry::Failed { .. } => None,
                    })
                    .collect(),
                // The whole request failed (e.g. the stream is gone): every record failed once.
                Err(_) => vec![None; records.len()],
            }
        };
        let mut sent = Sent::default();
        for ((shard, data), size) in outcomes.iter().zip(bodies).zip(&sizes) {
            if let Some(shard) = shard {
                sent.accepted.push((*shard, data, *size));
            }
        }
        self.stats.calls += 1;
        for ((r, accepted), size) in records.into_iter().zip(outcomes).zip(sizes) {
            if accepted.is_some() {
                self.stats.accepted += 1;
                self.stats.accepted_bytes += size;
                sent.ok += 1;
            } else if r.attempts < self.spec.retry.max_retries {
                let attempts = r.attempts + 1;
                let due = now.plus(self.backoff(attempts));
                self.stats.retried += 1;
                sent.retried += 1;
                self.retries.push_back(Pending { attempts, due, ..r });
                sent.retry_at = Some(sent.retry_at.map_or(due, |t: SimTime| t.min(due)));
            } else {
                self.stats.dropped += 1;
                sent.dropped += 1;
            }
        }
        Some(sent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_shapes() {
        assert_eq!(Rate::Constant { per_sec: 7 }.at(123), 7);
        let ramp = Rate::Ramp { from: 100, to: 200, over_ms: 10_000 };
        assert_eq!((ramp.at(0), ramp.at(5_000), ramp.at(20_000)), (100, 150, 200));
        let spikes = Rate::Spikes { base: 10, peak: 500, every_ms: 60_000, spike_ms: 5_000 };
        assert_eq!((spikes.at(1_000), spikes.at(10_000), spikes.at(61_000)), (500, 10, 500));
    }

    #[test]
    fn exact_spacing_from_credit() {
        let spec = ProducerSpec { rate: Rate::Constant { per_sec: 3 }, ..Default::default() };
        let mut p = Producer::new(spec, 0, 0, 1, SimTime(0));
        let mut now = SimTime(0);
        let mut sent = 0;
        while now < SimTime(10_000) {
            now = p.next_tick(now);
            sent += p.accrue(now);
        }
        assert_eq!(sent, 30);
    }

    #[test]
    fn backoff_is_bounded_by_the_exponential_ceiling() {
        let mut p = Producer::new(ProducerSpec::default(), 0, 0, 1, SimTime(0));
        for attempt in 1..8 {
            for _ in 0..50 {
                let b = p.backoff(attempt);
                assert!(b <= (100u64 << attempt).min(20_000));
            }
        }
    }
}
