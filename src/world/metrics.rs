//! Metrics: CloudWatch-style per-second time series in bounded ring buffers.
//!
//! Size: one registry of CloudWatch metric names (each with its spelling, unit and statistic:
//! exhaustive matches that grow with every metric) beside the ring, the per-minute rollup and the
//! sampler that share them; splitting would scatter one metric's facts across files.
//!
//! # What is modelled
//!
//! Kinesis Data Streams publishes stream-level ("basic") and shard-level ("enhanced") metrics to
//! Amazon CloudWatch, and the Kinesis Client Library publishes per-consumer metrics. This module
//! keeps the same series, named exactly as AWS names them, one value per simulated second, so
//! views can draw them and tests can assert exact numbers.
//!
//! AWS facts reproduced (AWS developer guide "Monitoring the Amazon Kinesis Data Streams Service
//! with Amazon CloudWatch", <https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html>;
//! API reference `EnhancedMetrics`, <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_EnhancedMetrics.html>;
//! KCL `ProcessTask` metric names):
//! - Stream level: `IncomingBytes`, `IncomingRecords` (successful puts), `GetRecords.Bytes`,
//!   `GetRecords.Records`, `GetRecords.Success` (successful GetRecords calls),
//!   `GetRecords.IteratorAgeMilliseconds` ("the age of the last record in all GetRecords calls",
//!   read with the Maximum statistic), `WriteProvisionedThroughputExceeded` (records rejected by
//!   throttling) and `ReadProvisionedThroughputExceeded` (GetRecords calls throttled).
//! - Shard level (the seven `ShardLevelMetrics` of EnableEnhancedMonitoring): `IncomingBytes`,
//!   `IncomingRecords`, `OutgoingBytes`, `OutgoingRecords`, `WriteProvisionedThroughputExceeded`,
//!   `ReadProvisionedThroughputExceeded`, `IteratorAgeMilliseconds`.
//! - Consumer level (KCL names): `RecordsProcessed`, `DataBytesProcessed`, `MillisBehindLatest`.
//! - Producer calls (stream level): `PutRecord.Success`, `PutRecord.Bytes`, `PutRecords.Success`
//!   ("calls where at least one record succeeded"), `PutRecords.Bytes`, `PutRecords.Records`
//!   (deprecated by AWS), `PutRecords.TotalRecords`, `PutRecords.SuccessfulRecords`,
//!   `PutRecords.FailedRecords`, `PutRecords.ThrottledRecords`; enhanced fan-out:
//!   `SubscribeToShardEvent.Records`, `.Bytes`, `.MillisBehindLatest`, `.Success`.
//! - CloudWatch statistics over a period (`Sum`, `Average`, `Minimum`, `Maximum`,
//!   `SampleCount`): each series is also rolled up per minute ([`MinuteStat`]: sum, min, max and
//!   data-point count), kept 24 h by default, so a view can draw 1 min, 5 min and 1 h periods.
//! - Shard-level rollups hold only the metrics enabled with EnableEnhancedMonitoring, from the
//!   second after the call (CloudWatch publishes enhanced metrics only while they are enabled).
//!
//! # What is simplified
//!
//! - The period is one simulated second, not CloudWatch's one minute (basic and enhanced
//!   metrics are published per minute); a view can sum 60 seconds to get the AWS figure.
//! - Shard-level per-second series are always kept, whether or not EnableEnhancedMonitoring was
//!   called (the views use them for shard colours); only the per-minute rollups, which the
//!   metrics view draws, follow the enabled set.
//! - A data point is one simulated second (zeros included), so `SampleCount` counts seconds and
//!   `Average` is a per-second average; on AWS a data point is usually one API call.
//! - Latencies (`PutRecord.Latency`, `PutRecords.Latency`, `GetRecords.Latency`) are not
//!   modelled: the engine answers at once and has no network time. `SubscribeToShard.RateExceeded`
//!   is not counted. The engine has no internal failures, so `PutRecords.FailedRecords` is 0 and
//!   every record PutRecords rejects is throttled. These call metrics come from the simulated
//!   producers and fan-out consumers (calls typed at the console are not counted).
//! - `RecordsExpired` is not an AWS metric: it counts records that outlived the retention period
//!   (per shard and stream), or that a consumer never read before they expired.
//! - `ReadProvisionedThroughputExceeded` also counts throttled GetShardIterator calls, because the
//!   engine counts both in one counter.
//! - Memory is bounded: each series holds `capacity` seconds (default 3600), and a stream or shard
//!   that disappears (deleted, or expired after a reshard) keeps getting zeros until its whole
//!   window is zeros, then it is dropped together with its totals.
//!
//! # Lifecycle
//!
//! 1. Build [`Metrics::new`] (or `default()`, 3600 s).
//! 2. Once per simulated second, after advancing the engine to the boundary and before issuing
//!    the commands of that instant, call [`Metrics::sample`]. It reads every shard's cumulative
//!    [`ShardCounters`] and stores the difference from the previous sample in the second that just
//!    ended (the second containing `now − 1 ms`).
//! 3. Whenever a consumer reads, call [`Metrics::record_iterator_age`] and
//!    [`Metrics::record_consumer`]; they land in the second containing their `at`.
//! 4. Views read [`Metrics::series`] and [`Metrics::total`].
//!
//! ```text
//!   Engine ── ShardCounters (cumulative) ──► sample() ── Δ per shard ──► shard series ─┐
//!                                                                                      ├─► Σ / max ─► stream series
//!   consumer loop ── record_iterator_age() ─────────────────────────────► shard series ┘
//!                 └─ record_consumer() ──────────────────────────────────► consumer series
//! ```

use crate::engine::state::shard::{ShardCounters, ShardId};
use crate::engine::state::stream::StreamKey;
use crate::engine::time::SimTime;
use crate::engine::Engine;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Seconds of history each series keeps by default (one hour).
pub const DEFAULT_CAPACITY_SECS: usize = 3600;

/// A fixed-capacity, dense time series: one value per whole simulated second, oldest dropped.
///
/// Seconds are whole seconds since the Unix epoch of the simulated world ([`SimTime::secs`]).
/// Once a ring has a value for a second, it has one for every later second up to its newest
/// (gaps are filled with `T::default()`, i.e. zero), and it never holds more than `capacity`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ring<T> {
    /// Maximum number of seconds kept.
    capacity: usize,
    /// Second of `values[0]` (the oldest kept).
    start: u64,
    /// Values, oldest first.
    values: VecDeque<T>,
}

impl<T: Copy + Default> Ring<T> {
    /// An empty ring that keeps at most `capacity` seconds (at least 1).
    pub fn new(capacity: usize) -> Self {
        Self { capacity: capacity.max(1), start: 0, values: VecDeque::new() }
    }

    /// Maximum number of seconds kept.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Number of seconds held.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True before the first value.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The oldest second held.
    pub fn first_second(&self) -> Option<u64> {
        (!self.values.is_empty()).then_some(self.start)
    }

    /// The newest second held.
    pub fn last_second(&self) -> Option<u64> {
        let len = self.values.len() as u64;
        len.checked_sub(1).map(|n| self.start + n)
    }

    /// The value of `second` (epoch seconds), if it is still held.
    pub fn get(&self, second: u64) -> Option<T> {
        let i = usize::try_from(second.checked_sub(self.start)?).ok()?;
        self.values.get(i).copied()
    }

    /// The value of the second containing `t`, if it is still held.
    pub fn get_at(&self, t: SimTime) -> Option<T> {
        self.get(t.secs())
    }

    /// Extends the series with zeros through `second`, dropping the oldest values beyond the
    /// capacity. Does nothing if `second` is not newer than the newest value.
    pub fn extend_to(&mut self, second: u64) {
        let Some(last) = self.last_second() else {
            self.start = second;
            self.values.push_back(T::default());
            return;
        };
        if second <= last {
            return;
        }
        let cap = self.capacity as u64;
        let new_start = (second + 1).saturating_sub(cap);
        if new_start > last {
            // The gap is longer than the window: nothing old survives.
            self.values.clear();
            self.start = new_start;
            for _ in new_start..=second {
                self.values.push_back(T::default());
            }
            return;
        }
        for _ in last..second {
            self.values.push_back(T::default());
        }
        while self.values.len() > self.capacity {
            self.values.pop_front();
            self.start += 1;
        }
    }

    /// The value slot of `second`, extending the series to it first; `None` if `second` is older
    /// than the oldest value held (it has already been dropped).
    pub fn slot(&mut self, second: u64) -> Option<&mut T> {
        self.extend_to(second);
        let i = usize::try_from(second.checked_sub(self.start)?).ok()?;
        self.values.get_mut(i)
    }

    /// `(second, value)` pairs, oldest to newest.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (u64, T)> + ExactSizeIterator + '_ {
        let start = self.start;
        self.values.iter().enumerate().map(move |(i, v)| (start + i as u64, *v))
    }

    /// The values alone, oldest to newest.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = T> + ExactSizeIterator + '_ {
        self.values.iter().copied()
    }

    /// The newest `(second, value)`.
    pub fn latest(&self) -> Option<(u64, T)> {
        Some((self.last_second()?, *self.values.back()?))
    }

    /// The last `n` `(second, value)` pairs (fewer if the ring holds fewer), oldest to newest.
    pub fn last_n(&self, n: usize) -> impl DoubleEndedIterator<Item = (u64, T)> + '_ {
        let skip = self.values.len().saturating_sub(n);
        self.iter().skip(skip)
    }
}

impl<T: Copy + Default + Ord> Ring<T> {
    /// The largest of the last `n` values; `T::default()` (zero) if the ring is empty.
    pub fn max_last(&self, n: usize) -> T {
        self.last_n(n).map(|(_, v)| v).max().unwrap_or_default()
    }
}

impl Ring<u64> {
    /// The sum of the last `n` values (saturating).
    pub fn sum_last(&self, n: usize) -> u64 {
        self.last_n(n).fold(0u64, |acc, (_, v)| acc.saturating_add(v))
    }
}

/// What a metric is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScopeKind {
    /// A stream (CloudWatch dimension `StreamName`).
    Stream,
    /// A shard (dimensions `StreamName`, `ShardId`).
    Shard,
    /// A consumer application (KCL metrics, dimension by application name).
    Consumer,
}

/// One metric's owner: a stream, a shard of a stream, or a consumer by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope<'a> {
    /// A stream, by its identity.
    Stream(StreamKey),
    /// A shard of a stream.
    Shard(StreamKey, ShardId),
    /// A consumer, by its name.
    Consumer(&'a str),
}

impl Scope<'_> {
    /// Which kind of owner this is.
    pub fn kind(&self) -> ScopeKind {
        match self {
            Scope::Stream(_) => ScopeKind::Stream,
            Scope::Shard(..) => ScopeKind::Shard,
            Scope::Consumer(_) => ScopeKind::Consumer,
        }
    }
}

/// How values of one second (and of several shards) combine, as the CloudWatch statistic a
/// view should show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Statistic {
    /// Values add up (`Sum`).
    Sum,
    /// The largest value wins (`Maximum`).
    Maximum,
}

/// The metrics kept, spelled as CloudWatch / the KCL spell them ([`MetricName::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MetricName {
    /// `IncomingBytes`: bytes successfully put (data + partition key), stream and shard level.
    IncomingBytes,
    /// `IncomingRecords`: records successfully put, stream and shard level.
    IncomingRecords,
    /// `WriteProvisionedThroughputExceeded`: records rejected by the write limits.
    WriteProvisionedThroughputExceeded,
    /// `ReadProvisionedThroughputExceeded`: read calls rejected by the read limits.
    ReadProvisionedThroughputExceeded,
    /// `GetRecords.Records`: records returned by GetRecords (stream level).
    GetRecordsRecords,
    /// `GetRecords.Bytes`: bytes returned by GetRecords (stream level).
    GetRecordsBytes,
    /// `GetRecords.Success`: successful GetRecords calls (stream level).
    GetRecordsSuccess,
    /// `GetRecords.IteratorAgeMilliseconds`: ms, age of the last record returned by GetRecords,
    /// maximum over the second and over the stream's shards (stream level).
    GetRecordsIteratorAgeMilliseconds,
    /// `OutgoingBytes`: bytes returned by GetRecords (shard level).
    OutgoingBytes,
    /// `OutgoingRecords`: records returned by GetRecords (shard level).
    OutgoingRecords,
    /// `IteratorAgeMilliseconds`: ms, maximum age of the last record returned (shard level).
    IteratorAgeMilliseconds,
    /// `RecordsProcessed` (KCL): records a consumer processed.
    RecordsProcessed,
    /// `DataBytesProcessed` (KCL): bytes a consumer processed.
    DataBytesProcessed,
    /// `MillisBehindLatest` (KCL / GetRecords): ms a consumer is behind the tip, maximum over
    /// the second.
    MillisBehindLatest,
    /// `RecordsExpired` (simulator only, not an AWS metric): records removed by retention
    /// (stream, shard), or lost to expiry before a consumer read them (consumer).
    RecordsExpired,
    /// `PutRecord.Success`: successful PutRecord calls (stream level).
    PutRecordSuccess,
    /// `PutRecord.Bytes`: bytes put with PutRecord (stream level).
    PutRecordBytes,
    /// `PutRecords.Success`: PutRecords calls where at least one record succeeded.
    PutRecordsSuccess,
    /// `PutRecords.Bytes`: bytes put with PutRecords (successful records).
    PutRecordsBytes,
    /// `PutRecords.Records` (deprecated by AWS for `SuccessfulRecords`): successful records.
    PutRecordsRecords,
    /// `PutRecords.TotalRecords`: records sent in PutRecords calls.
    PutRecordsTotalRecords,
    /// `PutRecords.SuccessfulRecords`: records PutRecords stored.
    PutRecordsSuccessfulRecords,
    /// `PutRecords.FailedRecords`: records rejected by internal failures (always 0 here: the
    /// engine has none).
    PutRecordsFailedRecords,
    /// `PutRecords.ThrottledRecords`: records PutRecords rejected by throttling.
    PutRecordsThrottledRecords,
    /// `SubscribeToShardEvent.Records`: records pushed to enhanced fan-out consumers.
    SubscribeToShardEventRecords,
    /// `SubscribeToShardEvent.Bytes`: bytes pushed to enhanced fan-out consumers.
    SubscribeToShardEventBytes,
    /// `SubscribeToShardEvent.MillisBehindLatest`: ms, maximum lag of the pushed events.
    SubscribeToShardEventMillisBehindLatest,
    /// `SubscribeToShardEvent.Success`: collections of pushed events that delivered records.
    SubscribeToShardEventSuccess,
}

impl MetricName {
    /// Every metric, in display order.
    pub const ALL: [MetricName; 28] = [
        MetricName::IncomingBytes,
        MetricName::IncomingRecords,
        MetricName::WriteProvisionedThroughputExceeded,
        MetricName::ReadProvisionedThroughputExceeded,
        MetricName::GetRecordsRecords,
        MetricName::GetRecordsBytes,
        MetricName::GetRecordsSuccess,
        MetricName::GetRecordsIteratorAgeMilliseconds,
        MetricName::OutgoingBytes,
        MetricName::OutgoingRecords,
        MetricName::IteratorAgeMilliseconds,
        MetricName::RecordsProcessed,
        MetricName::DataBytesProcessed,
        MetricName::MillisBehindLatest,
        MetricName::RecordsExpired,
        MetricName::PutRecordSuccess,
        MetricName::PutRecordBytes,
        MetricName::PutRecordsSuccess,
        MetricName::PutRecordsBytes,
        MetricName::PutRecordsRecords,
        MetricName::PutRecordsTotalRecords,
        MetricName::PutRecordsSuccessfulRecords,
        MetricName::PutRecordsFailedRecords,
        MetricName::PutRecordsThrottledRecords,
        MetricName::SubscribeToShardEventRecords,
        MetricName::SubscribeToShardEventBytes,
        MetricName::SubscribeToShardEventMillisBehindLatest,
        MetricName::SubscribeToShardEventSuccess,
    ];

    /// Stream-level metrics, in display order.
    pub const STREAM: [MetricName; 22] = [
        MetricName::IncomingBytes,
        MetricName::IncomingRecords,
        MetricName::WriteProvisionedThroughputExceeded,
        MetricName::ReadProvisionedThroughputExceeded,
        MetricName::GetRecordsRecords,
        MetricName::GetRecordsBytes,
        MetricName::GetRecordsSuccess,
        MetricName::GetRecordsIteratorAgeMilliseconds,
        MetricName::RecordsExpired,
        MetricName::PutRecordSuccess,
        MetricName::PutRecordBytes,
        MetricName::PutRecordsSuccess,
        MetricName::PutRecordsBytes,
        MetricName::PutRecordsRecords,
        MetricName::PutRecordsTotalRecords,
        MetricName::PutRecordsSuccessfulRecords,
        MetricName::PutRecordsFailedRecords,
        MetricName::PutRecordsThrottledRecords,
        MetricName::SubscribeToShardEventRecords,
        MetricName::SubscribeToShardEventBytes,
        MetricName::SubscribeToShardEventMillisBehindLatest,
        MetricName::SubscribeToShardEventSuccess,
    ];

    /// Shard-level metrics, in display order.
    pub const SHARD: [MetricName; 8] = [
        MetricName::IncomingBytes,
        MetricName::IncomingRecords,
        MetricName::WriteProvisionedThroughputExceeded,
        MetricName::ReadProvisionedThroughputExceeded,
        MetricName::OutgoingBytes,
        MetricName::OutgoingRecords,
        MetricName::IteratorAgeMilliseconds,
        MetricName::RecordsExpired,
    ];

    /// Consumer-level metrics, in display order.
    pub const CONSUMER: [MetricName; 4] = [
        MetricName::RecordsProcessed,
        MetricName::DataBytesProcessed,
        MetricName::MillisBehindLatest,
        MetricName::RecordsExpired,
    ];

    /// The metrics kept for one kind of owner.
    pub fn for_kind(kind: ScopeKind) -> &'static [MetricName] {
        match kind {
            ScopeKind::Stream => &Self::STREAM,
            ScopeKind::Shard => &Self::SHARD,
            ScopeKind::Consumer => &Self::CONSUMER,
        }
    }

    /// The name as CloudWatch (or the KCL) spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricName::IncomingBytes => "IncomingBytes",
            MetricName::IncomingRecords => "IncomingRecords",
            MetricName::WriteProvisionedThroughputExceeded => "WriteProvisionedThroughputExceeded",
            MetricName::ReadProvisionedThroughputExceeded => "ReadProvisionedThroughputExceeded",
            MetricName::GetRecordsRecords => "GetRecords.Records",
            MetricName::GetRecordsBytes => "GetRecords.Bytes",
            MetricName::GetRecordsSuccess => "GetRecords.Success",
            MetricName::GetRecordsIteratorAgeMilliseconds => "GetRecords.IteratorAgeMilliseconds",
            MetricName::OutgoingBytes => "OutgoingBytes",
            MetricName::OutgoingRecords => "OutgoingRecords",
            MetricName::IteratorAgeMilliseconds => "IteratorAgeMilliseconds",
            MetricName::RecordsProcessed => "RecordsProcessed",
            MetricName::DataBytesProcessed => "DataBytesProcessed",
            MetricName::MillisBehindLatest => "MillisBehindLatest",
            MetricName::RecordsExpired => "RecordsExpired",
            MetricName::PutRecordSuccess => "PutRecord.Success",
            MetricName::PutRecordBytes => "PutRecord.Bytes",
            MetricName::PutRecordsSuccess => "PutRecords.Success",
            MetricName::PutRecordsBytes => "PutRecords.Bytes",
            MetricName::PutRecordsRecords => "PutRecords.Records",
            MetricName::PutRecordsTotalRecords => "PutRecords.TotalRecords",
            MetricName::PutRecordsSuccessfulRecords => "PutRecords.SuccessfulRecords",
            MetricName::PutRecordsFailedRecords => "PutRecords.FailedRecords",
            MetricName::PutRecordsThrottledRecords => "PutRecords.ThrottledRecords",
            MetricName::SubscribeToShardEventRecords => "SubscribeToShardEvent.Records",
            MetricName::SubscribeToShardEventBytes => "SubscribeToShardEvent.Bytes",
            MetricName::SubscribeToShardEventMillisBehindLatest => "SubscribeToShardEvent.MillisBehindLatest",
            MetricName::SubscribeToShardEventSuccess => "SubscribeToShardEvent.Success",
        }
    }

    /// The metric spelled `name`, if any.
    pub fn parse(name: &str) -> Option<MetricName> {
        Self::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// The CloudWatch unit (`Bytes`, `Count` or `Milliseconds`).
    pub fn unit(self) -> &'static str {
        match self {
            MetricName::IncomingBytes
            | MetricName::GetRecordsBytes
            | MetricName::OutgoingBytes
            | MetricName::DataBytesProcessed
            | MetricName::PutRecordBytes
            | MetricName::PutRecordsBytes
            | MetricName::SubscribeToShardEventBytes => "Bytes",
            MetricName::GetRecordsIteratorAgeMilliseconds
            | MetricName::IteratorAgeMilliseconds
            | MetricName::MillisBehindLatest
            | MetricName::SubscribeToShardEventMillisBehindLatest => "Milliseconds",
            MetricName::IncomingRecords
            | MetricName::WriteProvisionedThroughputExceeded
            | MetricName::ReadProvisionedThroughputExceeded
            | MetricName::GetRecordsRecords
            | MetricName::GetRecordsSuccess
            | MetricName::OutgoingRecords
            | MetricName::RecordsProcessed
            | MetricName::RecordsExpired
            | MetricName::PutRecordSuccess
            | MetricName::PutRecordsSuccess
            | MetricName::PutRecordsRecords
            | MetricName::PutRecordsTotalRecords
            | MetricName::PutRecordsSuccessfulRecords
            | MetricName::PutRecordsFailedRecords
            | MetricName::PutRecordsThrottledRecords
            | MetricName::SubscribeToShardEventRecords
            | MetricName::SubscribeToShardEventSuccess => "Count",
        }
    }

    /// How values combine within a second and across shards (ages and lags take the maximum,
    /// everything else adds up).
    pub fn statistic(self) -> Statistic {
        match self {
            MetricName::GetRecordsIteratorAgeMilliseconds
            | MetricName::IteratorAgeMilliseconds
            | MetricName::MillisBehindLatest
            | MetricName::SubscribeToShardEventMillisBehindLatest => Statistic::Maximum,
            _ => Statistic::Sum,
        }
    }

    /// False for the simulator's own `RecordsExpired`, which AWS does not publish.
    pub fn is_aws_metric(self) -> bool {
        self != MetricName::RecordsExpired
    }
}

/// What one consumer did in one call (several calls in a second add up).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConsumerSample {
    /// Records processed.
    pub records: u64,
    /// Bytes processed (data + partition key).
    pub bytes: u64,
    /// `MillisBehindLatest` seen, ms (the second keeps the maximum).
    pub millis_behind_latest: u64,
    /// Records that expired before this consumer read them.
    pub expired_records: u64,
}

/// Series and totals of one owner; every series of it covers the same seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entity {
    series: BTreeMap<MetricName, Ring<u64>>,
    /// Sum since the owner was first seen (maximum ever for `Maximum` metrics).
    totals: BTreeMap<MetricName, u64>,
    /// Second at which it disappeared from the engine (streams and shards only).
    retired: Option<u64>,
    /// Per-minute rollups (index: epoch minute), made as each second is complete.
    minutes: BTreeMap<MetricName, Ring<MinuteStat>>,
    /// The second every series has been extended to: a put in the same second (most of them)
    /// skips the walk over the series.
    reached: u64,
}

impl Entity {
    fn new(kind: ScopeKind, capacity: usize, second: u64) -> Self {
        let mut series = BTreeMap::new();
        let mut totals = BTreeMap::new();
        for m in MetricName::for_kind(kind) {
            let mut ring = Ring::new(capacity);
            ring.extend_to(second);
            series.insert(*m, ring);
            totals.insert(*m, 0);
        }
        Self { series, totals, retired: None, minutes: BTreeMap::new(), reached: second }
    }

    fn extend_to(&mut self, second: u64) {
        if second <= self.reached {
            return;
        }
        self.reached = second;
        for ring in self.series.values_mut() {
            ring.extend_to(second);
        }
    }

    /// Adds `v` to `metric` at `second` (or keeps the maximum, per the metric's statistic).
    fn put(&mut self, metric: MetricName, second: u64, v: u64) {
        // Extend every series, so they stay aligned.
        self.extend_to(second);
        let stat = metric.statistic();
        if let Some(slot) = self.series.get_mut(&metric).and_then(|r| r.slot(second)) {
            *slot = combine(stat, *slot, v);
        }
        if let Some(total) = self.totals.get_mut(&metric) {
            *total = combine(stat, *total, v);
        }
    }
}

impl Entity {
    /// Folds the finished `second` of each metric `wanted` accepts into its minute rollup.
    fn fold(&mut self, second: u64, minute_capacity: usize, wanted: impl Fn(MetricName) -> bool) {
        for (metric, ring) in &self.series {
            if !wanted(*metric) {
                continue;
            }
            let Some(v) = ring.get(second) else { continue };
            let minutes = self.minutes.entry(*metric).or_insert_with(|| Ring::new(minute_capacity));
            if let Some(slot) = minutes.slot(second / 60) {
                slot.add(v);
            }
        }
    }
}

/// One minute of one metric: CloudWatch's statistics over its data points, one data point per
/// simulated second (see the module doc).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MinuteStat {
    /// `Sum` of the data points (in the metric's unit).
    pub sum: u64,
    /// `Minimum` data point (meaningless while `count` is 0).
    pub min: u64,
    /// `Maximum` data point.
    pub max: u64,
    /// `SampleCount`: data points (seconds) folded in; 0 means no data (e.g. an enhanced metric
    /// not enabled then).
    pub count: u64,
}

impl MinuteStat {
    /// Adds one data point.
    pub fn add(&mut self, v: u64) {
        self.min = if self.count == 0 { v } else { self.min.min(v) };
        self.max = self.max.max(v);
        self.sum = self.sum.saturating_add(v);
        self.count += 1;
    }

    /// Merges another rollup into this one (for longer periods).
    pub fn merge(&mut self, other: MinuteStat) {
        if other.count == 0 {
            return;
        }
        self.min = if self.count == 0 { other.min } else { self.min.min(other.min) };
        self.max = self.max.max(other.max);
        self.sum = self.sum.saturating_add(other.sum);
        self.count += other.count;
    }
}

/// Minutes of history each per-minute rollup keeps by default (24 h).
pub const DEFAULT_MINUTES: usize = 1440;

/// One PutRecord or PutRecords call, for the `PutRecord.*` and `PutRecords.*` metrics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PutCall {
    /// True for PutRecord (one record), false for PutRecords.
    pub single: bool,
    /// Records sent in the call.
    pub records: u64,
    /// Records stored.
    pub ok: u64,
    /// Bytes stored (data + partition key).
    pub bytes: u64,
}

fn combine(stat: Statistic, a: u64, b: u64) -> u64 {
    match stat {
        Statistic::Sum => a.saturating_add(b),
        Statistic::Maximum => a.max(b),
    }
}

/// Per-second differences of one shard's counters, as `(shard metric, stream metric, value)`;
/// `None` where CloudWatch has no shard-level counterpart (`GetRecords.Success`).
fn counter_deltas(now: &ShardCounters, prev: &ShardCounters) -> [(Option<MetricName>, MetricName, u64); 8] {
    use MetricName as M;
    let d = |a: u64, b: u64| a.saturating_sub(b);
    [
        (Some(M::IncomingBytes), M::IncomingBytes, d(now.incoming_bytes, prev.incoming_bytes)),
        (Some(M::IncomingRecords), M::IncomingRecords, d(now.incoming_records, prev.incoming_records)),
        (
            Some(M::WriteProvisionedThroughputExceeded),
            M::WriteProvisionedThroughputExceeded,
            d(now.write_throttled, prev.write_throttled),
        ),
        (
            Some(M::ReadProvisionedThroughputExceeded),
            M::ReadProvisionedThroughputExceeded,
            d(now.read_throttled, prev.read_throttled),
        ),
        (Some(M::OutgoingRecords), M::GetRecordsRecords, d(now.outgoing_records, prev.outgoing_records)),
        (Some(M::OutgoingBytes), M::GetRecordsBytes, d(now.outgoing_bytes, prev.outgoing_bytes)),
        (Some(M::RecordsExpired), M::RecordsExpired, d(now.expired_records, prev.expired_records)),
        (None, M::GetRecordsSuccess, d(now.get_records_calls, prev.get_records_calls)),
    ]
}

/// All metric series of a run: per stream, per shard and per consumer, each bounded to
/// `capacity` seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metrics {
    /// Seconds kept per series.
    capacity: usize,
    streams: BTreeMap<StreamKey, Entity>,
    shards: BTreeMap<(StreamKey, ShardId), Entity>,
    consumers: BTreeMap<String, Entity>,
    /// Counters at the previous sample, for every shard not yet expired.
    previous: BTreeMap<(StreamKey, ShardId), ShardCounters>,
    /// Second the last sample was stored in.
    last_sample: Option<u64>,
    /// Minutes kept per rollup.
    minute_capacity: usize,
    /// Per stream, the shard-level metrics enabled (EnableEnhancedMonitoring) and the first
    /// second published for each: shard rollups fold only those seconds.
    enhanced: BTreeMap<StreamKey, BTreeMap<MetricName, u64>>,
    /// The last second folded into the rollups (a second is folded once the next one is
    /// sampled, so a repeated sample of the same second never counts it twice).
    folded: Option<u64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new(DEFAULT_CAPACITY_SECS)
    }
}

impl Metrics {
    /// Empty metrics whose series keep `capacity_secs` seconds (at least 1).
    pub fn new(capacity_secs: usize) -> Self {
        Self {
            capacity: capacity_secs.max(1),
            streams: BTreeMap::new(),
            shards: BTreeMap::new(),
            consumers: BTreeMap::new(),
            previous: BTreeMap::new(),
            last_sample: None,
            minute_capacity: DEFAULT_MINUTES,
            enhanced: BTreeMap::new(),
            folded: None,
        }
    }

    /// Seconds kept per series.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The second the last [`Metrics::sample`] stored its differences in (epoch seconds).
    pub fn last_sample_second(&self) -> Option<u64> {
        self.last_sample
    }

    /// Records the per-second change of every shard's counters since the previous call.
    ///
    /// Call it once per simulated second, at the boundary, after `step_until(boundary)` and
    /// before the commands issued at that instant. The differences are stored in the second
    /// containing `now − 1 ms` (the second that just ended). A shard seen for the first time
    /// counts from zero; a shard that expired or whose stream is gone gets its last difference,
    /// then zeros until its window is all zeros, then it is dropped. If calls are skipped, the
    /// whole difference lands in the second of the late call and the skipped seconds read zero.
    pub fn sample(&mut self, engine: &Engine) {
        let second = engine.now().minus(1).secs();
        self.last_sample = Some(second);
        let capacity = self.capacity;
        let mut seen_streams = BTreeSet::new();
        for stream in engine.streams().values() {
            seen_streams.insert(stream.key);
            let on = self.enhanced.entry(stream.key).or_default();
            on.retain(|m, _| stream.shard_level_metrics.iter().any(|n| n == m.as_str()));
            for name in &stream.shard_level_metrics {
                if let Some(m) = MetricName::parse(name) {
                    // Published from the next whole second on.
                    on.entry(m).or_insert(second + 1);
                }
            }
            let mut sums: BTreeMap<MetricName, u64> = BTreeMap::new();
            for shard in &stream.shards {
                let id = (stream.key, shard.id);
                let prev = self.previous.get(&id).copied();
                if shard.expired && prev.is_none() {
                    // Already retired, or gone before any sample saw it.
                    if let Some(e) = self.shards.get_mut(&id) {
                        e.retired.get_or_insert(second);
                    }
                    continue;
                }
                let entity = self.shards.entry(id).or_insert_with(|| Entity::new(ScopeKind::Shard, capacity, second));
                entity.extend_to(second);
                for (shard_metric, stream_metric, v) in counter_deltas(&shard.counters, &prev.unwrap_or_default()) {
                    if let Some(m) = shard_metric {
                        entity.put(m, second, v);
                    }
                    let sum = sums.entry(stream_metric).or_insert(0);
                    *sum = sum.saturating_add(v);
                }
                if shard.expired {
                    entity.retired = Some(second);
                    self.previous.remove(&id);
                } else {
                    entity.retired = None;
                    self.previous.insert(id, shard.counters);
                }
            }
            let entity =
                self.streams.entry(stream.key).or_insert_with(|| Entity::new(ScopeKind::Stream, capacity, second));
            entity.retired = None;
            entity.extend_to(second);
            for (metric, v) in sums {
                entity.put(metric, second, v);
            }
        }
        // Streams that are gone, and their shards.
        for (key, entity) in &mut self.streams {
            if !seen_streams.contains(key) {
                entity.retired.get_or_insert(second);
            }
        }
        for (id, entity) in &mut self.shards {
            if !seen_streams.contains(&id.0) {
                entity.retired.get_or_insert(second);
            }
        }
        self.previous.retain(|id, _| seen_streams.contains(&id.0));
        // Dense zeros for everything still kept; drop what has been gone for a whole window.
        let window = capacity as u64;
        let keep = |e: &Entity| e.retired.is_none_or(|r| second.saturating_sub(r) < window);
        self.streams.retain(|_, e| keep(e));
        self.shards.retain(|_, e| keep(e));
        for e in self.streams.values_mut().chain(self.shards.values_mut()).chain(self.consumers.values_mut()) {
            e.extend_to(second);
        }
        self.enhanced.retain(|k, _| seen_streams.contains(k));
        // Every metric of the seconds before this one goes into its minute (shards: enabled
        // ones only); at most one window of seconds after a gap.
        let minute_capacity = self.minute_capacity;
        let from = self.folded.map_or(second, |f| (f + 1).max(second.saturating_sub(window)));
        for sec in from..second {
            for e in self.streams.values_mut() {
                e.fold(sec, minute_capacity, |_| true);
            }
            for ((stream, _), e) in &mut self.shards {
                let on = self.enhanced.get(stream);
                e.fold(sec, minute_capacity, |m| on.and_then(|on| on.get(&m)).is_some_and(|since| sec >= *since));
            }
        }
        self.folded = Some(self.folded.map_or(second.saturating_sub(1), |f| f.max(second.saturating_sub(1))));
    }

    /// Books one PutRecord / PutRecords call of `stream` at `at`.
    pub fn record_put(&mut self, at: SimTime, stream: StreamKey, call: PutCall) {
        let second = at.secs();
        let capacity = self.capacity;
        let e = self.streams.entry(stream).or_insert_with(|| Entity::new(ScopeKind::Stream, capacity, second));
        use MetricName as M;
        if call.single {
            e.put(M::PutRecordSuccess, second, call.ok.min(1));
            e.put(M::PutRecordBytes, second, call.bytes);
        } else {
            e.put(M::PutRecordsSuccess, second, u64::from(call.ok > 0));
            e.put(M::PutRecordsBytes, second, call.bytes);
            e.put(M::PutRecordsRecords, second, call.ok);
            e.put(M::PutRecordsTotalRecords, second, call.records);
            e.put(M::PutRecordsSuccessfulRecords, second, call.ok);
            e.put(M::PutRecordsFailedRecords, second, 0);
            e.put(M::PutRecordsThrottledRecords, second, call.records.saturating_sub(call.ok));
        }
    }

    /// Books what an enhanced fan-out consumer collected from `stream` at `at`: records, bytes
    /// and the largest `MillisBehindLatest` of the events.
    pub fn record_subscribe_event(&mut self, at: SimTime, stream: StreamKey, records: u64, bytes: u64, lag_ms: u64) {
        let second = at.secs();
        let capacity = self.capacity;
        let e = self.streams.entry(stream).or_insert_with(|| Entity::new(ScopeKind::Stream, capacity, second));
        use MetricName as M;
        e.put(M::SubscribeToShardEventRecords, second, records);
        e.put(M::SubscribeToShardEventBytes, second, bytes);
        e.put(M::SubscribeToShardEventMillisBehindLatest, second, lag_ms);
        e.put(M::SubscribeToShardEventSuccess, second, 1);
    }

    /// The per-minute rollup of `metric` for `scope` (epoch minutes), through the second before
    /// the last sampled one; `None` before its first folded second (for a shard: before the metric was enabled).
    pub fn minutes(&self, scope: Scope<'_>, metric: MetricName) -> Option<&Ring<MinuteStat>> {
        self.entity(&scope)?.minutes.get(&metric)
    }

    /// Minutes kept per rollup.
    pub fn minute_capacity(&self) -> usize {
        self.minute_capacity
    }

    /// The shard-level metrics enabled on `stream`, with the first epoch second each publishes.
    pub fn enhanced(&self, stream: StreamKey) -> impl Iterator<Item = (MetricName, u64)> + '_ {
        self.enhanced.get(&stream).into_iter().flat_map(|m| m.iter().map(|(k, v)| (*k, *v)))
    }

    /// Records the iterator age a GetRecords call saw on `shard` at `at` (ms): the shard's
    /// `IteratorAgeMilliseconds` and the stream's `GetRecords.IteratorAgeMilliseconds` keep the
    /// maximum of their second.
    pub fn record_iterator_age(&mut self, at: SimTime, stream: StreamKey, shard: ShardId, ms: u64) {
        let second = at.secs();
        let capacity = self.capacity;
        self.shards.entry((stream, shard)).or_insert_with(|| Entity::new(ScopeKind::Shard, capacity, second)).put(
            MetricName::IteratorAgeMilliseconds,
            second,
            ms,
        );
        self.streams.entry(stream).or_insert_with(|| Entity::new(ScopeKind::Stream, capacity, second)).put(
            MetricName::GetRecordsIteratorAgeMilliseconds,
            second,
            ms,
        );
    }

    /// Adds what consumer `consumer` did at `at` to the second containing `at`: records, bytes
    /// and expired records add up; `MillisBehindLatest` keeps the maximum.
    pub fn record_consumer(&mut self, at: SimTime, consumer: &str, sample: ConsumerSample) {
        let second = at.secs();
        let capacity = self.capacity;
        if !self.consumers.contains_key(consumer) {
            self.consumers.insert(consumer.to_string(), Entity::new(ScopeKind::Consumer, capacity, second));
        }
        let Some(entity) = self.consumers.get_mut(consumer) else {
            return;
        };
        entity.put(MetricName::RecordsProcessed, second, sample.records);
        entity.put(MetricName::DataBytesProcessed, second, sample.bytes);
        entity.put(MetricName::MillisBehindLatest, second, sample.millis_behind_latest);
        entity.put(MetricName::RecordsExpired, second, sample.expired_records);
    }

    /// Forgets a consumer's series and totals (consumers are otherwise kept for the whole run).
    pub fn remove_consumer(&mut self, consumer: &str) {
        self.consumers.remove(consumer);
    }

    fn entity(&self, scope: &Scope<'_>) -> Option<&Entity> {
        match scope {
            Scope::Stream(k) => self.streams.get(k),
            Scope::Shard(k, s) => self.shards.get(&(*k, *s)),
            Scope::Consumer(name) => self.consumers.get(*name),
        }
    }

    /// The series of `metric` for `scope`; `None` if the owner is unknown (never seen, or
    /// dropped) or does not have that metric (see [`MetricName::for_kind`]).
    pub fn series(&self, scope: Scope<'_>, metric: MetricName) -> Option<&Ring<u64>> {
        self.entity(&scope)?.series.get(&metric)
    }

    /// The total of `metric` for `scope` since it was first seen: a sum, or the maximum ever for
    /// `Maximum` metrics ([`MetricName::statistic`]).
    pub fn total(&self, scope: Scope<'_>, metric: MetricName) -> Option<u64> {
        self.entity(&scope)?.totals.get(&metric).copied()
    }

    /// Streams with series, by identity.
    pub fn stream_keys(&self) -> impl Iterator<Item = StreamKey> + '_ {
        self.streams.keys().copied()
    }

    /// Shards of `stream` with series, by index.
    pub fn shard_ids(&self, stream: StreamKey) -> impl Iterator<Item = ShardId> + '_ {
        self.shards.range((stream, ShardId(0))..=(stream, ShardId(u32::MAX))).map(|((_, s), _)| *s)
    }

    /// Consumers with series, by name.
    pub fn consumer_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.consumers.keys().map(String::as_str)
    }

    /// True once `scope` disappeared from the engine (its series now only get zeros).
    pub fn is_retired(&self, scope: Scope<'_>) -> bool {
        self.entity(&scope).is_some_and(|e| e.retired.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_is_dense_and_wraps_at_capacity() {
        let mut r: Ring<u64> = Ring::new(3);
        assert_eq!(r.latest(), None);
        for (second, add) in [(10, 5), (12, 7)] {
            if let Some(v) = r.slot(second) {
                *v += add;
            }
        }
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![(10, 5), (11, 0), (12, 7)]);
        r.extend_to(13);
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![(11, 0), (12, 7), (13, 0)]);
        assert_eq!(r.slot(10), None, "dropped seconds are not writable");
        assert_eq!((r.sum_last(2), r.max_last(3), r.latest()), (7, 7, Some((13, 0))));
        r.extend_to(100);
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![(98, 0), (99, 0), (100, 0)]);
        r.extend_to(50);
        assert_eq!((r.first_second(), r.last_second(), r.len()), (Some(98), Some(100), 3));
    }

    #[test]
    fn metric_names_round_trip() {
        for m in MetricName::ALL {
            assert_eq!(MetricName::parse(m.as_str()), Some(m));
        }
        assert_eq!(MetricName::GetRecordsIteratorAgeMilliseconds.as_str(), "GetRecords.IteratorAgeMilliseconds");
    }
}
