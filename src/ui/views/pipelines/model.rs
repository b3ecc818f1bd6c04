//! The pipelines view's data (pure, tested natively): what the Lambda and Kappa panels show,
//! measured from the running world.
//!
//! Every time is milliseconds since the stream became `ACTIVE` (the app's clock). Values per
//! group (product) are aligned with [`PipelinesSnapshot::groups`].

use crate::engine::time::SimTime;
use crate::world::pipelines::{distance, Pipelines, Swap};
use crate::world::sink::BUCKET_MS;
use crate::world::{ConsumerApp, World};
use std::collections::BTreeMap;

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
    /// Master dataset: objects sealed (one per arrival minute).
    pub archive_objects: u64,
    /// The master dataset holds every record that arrived before this.
    pub sealed_through_ms: u64,
    /// The newest sealed objects: (object number, 1 = the first, records), newest last (at
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
    /// The log's shards (`shardId-…`), in the stream's order.
    pub shards: Vec<String>,
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
        if let Some(s) = stream {
            for sh in &s.shards {
                shards.push(sh.id.to_string());
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
                now.saturating_sub(crate::world::pipelines::complete_through(engine, world.stream_name(), c))
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
        let retention_ms = stream.map_or(0, |s| u64::from(s.retention_hours) * crate::engine::time::HOUR_MS);
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
        let sealed = archive.map_or(0, |a| a.shadow.buckets.range(..l.sealed_through_ms).count() as u64);
        let objects: Vec<(u64, u64)> = archive
            .map(|a| {
                let newest = a.shadow.buckets.range(..l.sealed_through_ms).rev().take(4);
                newest.enumerate().map(|(i, (_, b))| (sealed - i as u64, b.records)).collect()
            })
            .unwrap_or_default();
        let mut recent_objects = objects;
        recent_objects.reverse();
        let realtime = speed.map(|s| s.table.totals_from(l.serving.horizon_ms)).unwrap_or_default();
        let fresh_through = if l.batch_only {
            l.serving.horizon_ms
        } else {
            speed_consumer
                .map_or(start, |c| crate::world::pipelines::complete_through(world.engine(), world.stream_name(), c))
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

// ---------------------------------------------------------------------------------------------
// Diagram geometry: fixed logical units (the SVG's viewBox); CSS scales it. Floats appear only
// here, in view geometry.

/// Logical width of a diagram on wide screens.
pub const WIDE: f64 = 480.0;
/// Logical width of a diagram on phones (drawn at about 1:1 in a 375 px window).
pub const NARROW: f64 = 340.0;
/// Wall milliseconds a record dot takes to run along an edge.
pub const DOT_PERIOD_MS: f64 = 1_600.0;
/// Most dots on one edge.
pub const MAX_DOTS_PER_EDGE: usize = 4;
const M: f64 = 6.0;

/// A box, in viewBox units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }

    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }

    /// The two boxes share some area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
}

/// A cubic Bézier edge between two boxes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    /// Start, two control points, end.
    pub p: [(f64, f64); 4],
}

impl Curve {
    /// From `a` down (or up) to `b`, leaving and arriving vertically.
    pub fn vertical(a: (f64, f64), b: (f64, f64)) -> Self {
        let my = (a.1 + b.1) / 2.0;
        Self { p: [a, (a.0, my), (b.0, my), b] }
    }

    /// From `a` across to `b`, leaving and arriving horizontally.
    pub fn horizontal(a: (f64, f64), b: (f64, f64)) -> Self {
        let mx = (a.0 + b.0) / 2.0;
        Self { p: [a, (mx, a.1), (mx, b.1), b] }
    }

    /// The point at `t` (0 = start, 1 = end).
    pub fn at(&self, t: f64) -> (f64, f64) {
        let t = t.clamp(0.0, 1.0);
        let u = 1.0 - t;
        let [a, b, c, d] = self.p;
        let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
        (w[0] * a.0 + w[1] * b.0 + w[2] * c.0 + w[3] * d.0, w[0] * a.1 + w[1] * b.1 + w[2] * c.1 + w[3] * d.1)
    }

    /// SVG path data.
    pub fn d(&self) -> String {
        let [a, b, c, d] = self.p;
        format!("M{:.1} {:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}", a.0, a.1, b.0, b.1, c.0, c.1, d.0, d.1)
    }
}

/// Boxes of the Lambda diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LambdaNode {
    /// The shop's producers.
    Producers,
    /// The Kinesis stream.
    Stream,
    /// The master dataset (S3 objects written by `firehose-s3`).
    Master,
    /// The speed layer (an AWS Lambda function).
    Speed,
    /// The batch layer and its running cycle.
    Batch,
    /// The realtime view (minutes after the batch horizon).
    Realtime,
    /// The serving layer's batch view.
    Serving,
    /// The query: batch view + realtime view.
    Query,
}

/// Edges of the Lambda diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LambdaEdge {
    /// Producers → stream.
    Ingest,
    /// Stream → master dataset (the archiver).
    Archive,
    /// Stream → speed layer.
    ToSpeed,
    /// Master dataset → batch layer (a cycle reads every fact).
    BatchRead,
    /// Batch layer → serving layer (the atomic swap).
    Swap,
    /// Speed layer → realtime view.
    SpeedWrite,
    /// Serving layer → query.
    BatchQuery,
    /// Realtime view → query.
    RealtimeQuery,
}

/// Where everything of a diagram goes: boxes named by `N`, edges named by `E`.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram<N, E> {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Boxes.
    pub nodes: Vec<(N, Rect)>,
    /// Edges.
    pub edges: Vec<(E, Curve)>,
}

impl<N: PartialEq, E: PartialEq> Diagram<N, E> {
    /// The box of `n` (empty if the layout has none).
    pub fn node(&self, n: N) -> Rect {
        self.nodes.iter().find(|(k, _)| *k == n).map_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }, |(_, r)| *r)
    }

    /// The curve of `e` (degenerate if the layout has none).
    pub fn edge(&self, e: E) -> Curve {
        self.edges.iter().find(|(k, _)| *k == e).map_or(Curve { p: [(0.0, 0.0); 4] }, |(_, c)| *c)
    }
}

/// Where everything of the Lambda diagram goes.
pub type LambdaLayout = Diagram<LambdaNode, LambdaEdge>;

fn bottom_center(r: &Rect) -> (f64, f64) {
    (r.cx(), r.bottom())
}

fn top_center(r: &Rect) -> (f64, f64) {
    (r.cx(), r.y)
}

impl Diagram<LambdaNode, LambdaEdge> {
    /// The layout for a diagram `width` units wide ([`WIDE`] or [`NARROW`]): the stream on top
    /// fans out to the batch path (left column) and the speed path (right column), which
    /// merge in the query at the bottom.
    pub fn new(width: f64) -> Self {
        let cw = (width - 3.0 * M) / 2.0;
        let (l, r) = (M, 2.0 * M + cw);
        let pw = (cw * 0.6).round();
        let producers = Rect { x: l, y: M, w: pw, h: 44.0 };
        let stream = Rect { x: l + pw + 40.0, y: M, w: width - M - (l + pw + 40.0), h: 44.0 };
        let master = Rect { x: l, y: 96.0, w: cw, h: 132.0 };
        let speed = Rect { x: r, y: 96.0, w: cw, h: 70.0 };
        let batch = Rect { x: l, y: 256.0, w: cw, h: 82.0 };
        let realtime = Rect { x: r, y: 194.0, w: cw, h: 144.0 };
        let serving = Rect { x: l, y: 366.0, w: cw, h: 66.0 };
        let query = Rect { x: l, y: 462.0, w: width - 2.0 * M, h: 62.0 };
        let fan = bottom_center(&stream);
        let edges = vec![
            (LambdaEdge::Ingest, Curve::horizontal((producers.right(), producers.cy()), (stream.x, stream.cy()))),
            (LambdaEdge::Archive, Curve::vertical(fan, top_center(&master))),
            (LambdaEdge::ToSpeed, Curve::vertical(fan, top_center(&speed))),
            (LambdaEdge::BatchRead, Curve::vertical(bottom_center(&master), top_center(&batch))),
            (LambdaEdge::Swap, Curve::vertical(bottom_center(&batch), top_center(&serving))),
            (LambdaEdge::SpeedWrite, Curve::vertical(bottom_center(&speed), top_center(&realtime))),
            (LambdaEdge::BatchQuery, Curve::vertical(bottom_center(&serving), (serving.cx(), query.y))),
            (LambdaEdge::RealtimeQuery, Curve::vertical(bottom_center(&realtime), (realtime.cx(), query.y))),
        ];
        Self {
            width,
            height: query.bottom() + M,
            nodes: vec![
                (LambdaNode::Producers, producers),
                (LambdaNode::Stream, stream),
                (LambdaNode::Master, master),
                (LambdaNode::Speed, speed),
                (LambdaNode::Batch, batch),
                (LambdaNode::Realtime, realtime),
                (LambdaNode::Serving, serving),
                (LambdaNode::Query, query),
            ],
            edges,
        }
    }
}

/// Boxes of the Kappa diagram. Two job slots show the last two job versions deployed
/// ([`job_slots`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KappaNode {
    /// The shop's producers.
    Producers,
    /// The retained log: the Kinesis stream.
    Log,
    /// The older job shown.
    JobA,
    /// The newer job shown (or the place of the next deploy).
    JobB,
    /// The older job's table.
    TableA,
    /// The newer job's table.
    TableB,
    /// The application that reads one table.
    App,
}

/// Edges of the Kappa diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KappaEdge {
    /// Producers → log.
    Ingest,
    /// Log → job A.
    ReadA,
    /// Log → job B.
    ReadB,
    /// Job A → its table.
    WriteA,
    /// Job B → its table.
    WriteB,
    /// The app's pointer at table A.
    AppA,
    /// The app's pointer at table B.
    AppB,
}

/// Where everything of the Kappa diagram goes.
pub type KappaLayout = Diagram<KappaNode, KappaEdge>;

impl Diagram<KappaNode, KappaEdge> {
    /// The layout for a diagram `width` units wide: the log across the top, the two job slots
    /// under it, their tables, and the app at the bottom pointing at the table it reads.
    pub fn new(width: f64) -> Self {
        let cw = (width - 3.0 * M) / 2.0;
        let (l, r) = (M, 2.0 * M + cw);
        let pw = (cw * 0.5).round();
        let producers = Rect { x: l, y: M, w: pw, h: 44.0 };
        let log = Rect { x: l + pw + 34.0, y: M, w: width - M - (l + pw + 34.0), h: 128.0 };
        let job_a = Rect { x: l, y: 170.0, w: cw, h: 104.0 };
        let job_b = Rect { x: r, y: 170.0, w: cw, h: 104.0 };
        let table_a = Rect { x: l, y: 302.0, w: cw, h: 52.0 };
        let table_b = Rect { x: r, y: 302.0, w: cw, h: 52.0 };
        let app = Rect { x: width / 2.0 - cw / 2.0, y: 410.0, w: cw, h: 40.0 };
        let read = |job: &Rect| {
            let x = job.cx().clamp(log.x + 12.0, log.right() - 12.0);
            Curve::vertical((x, log.bottom()), top_center(job))
        };
        let pointer = |table: &Rect| {
            let x = table.cx().clamp(app.x + 16.0, app.right() - 16.0);
            Curve::vertical((x, app.y), bottom_center(table))
        };
        let edges = vec![
            (KappaEdge::Ingest, Curve::horizontal((producers.right(), producers.cy()), (log.x, producers.cy()))),
            (KappaEdge::ReadA, read(&job_a)),
            (KappaEdge::ReadB, read(&job_b)),
            (KappaEdge::WriteA, Curve::vertical(bottom_center(&job_a), top_center(&table_a))),
            (KappaEdge::WriteB, Curve::vertical(bottom_center(&job_b), top_center(&table_b))),
            (KappaEdge::AppA, pointer(&table_a)),
            (KappaEdge::AppB, pointer(&table_b)),
        ];
        Self {
            width,
            height: app.bottom() + M,
            nodes: vec![
                (KappaNode::Producers, producers),
                (KappaNode::Log, log),
                (KappaNode::JobA, job_a),
                (KappaNode::JobB, job_b),
                (KappaNode::TableA, table_a),
                (KappaNode::TableB, table_b),
                (KappaNode::App, app),
            ],
            edges,
        }
    }

    /// The bars of the log's shards inside the log box, top to bottom (at most 4 drawn).
    pub fn shard_rows(&self, shards: usize) -> Vec<Rect> {
        let log = self.node(KappaNode::Log);
        let n = shards.clamp(1, 4);
        let (top, bottom) = (log.y + 40.0, log.bottom() - 30.0);
        let pitch = (bottom - top) / n as f64;
        let h = (pitch - 16.0).clamp(6.0, 16.0);
        (0..shards.min(4))
            .map(|i| Rect { x: log.x + 10.0, y: top + pitch * i as f64 + (pitch - h) / 2.0, w: log.w - 20.0, h })
            .collect()
    }
}

/// Which jobs the two Kappa slots show: indexes into `jobs` of the older (A) and newer (B) of
/// the last two deployed. With one job, slot B is the place of the next deploy.
pub fn job_slots(jobs: &[JobRow]) -> (Option<usize>, Option<usize>) {
    match jobs.len() {
        0 => (None, None),
        1 => (Some(0), None),
        n => (Some(n - 2), Some(n - 1)),
    }
}

/// The records/s a job's edge shows at `now_ms`: while it replays, its average since it
/// started (a replay reads 10 000 records at a time and then processes them, so its count per
/// second jumps between 0 and thousands); once caught up or stopped, the last second's count.
pub fn job_rate(j: &JobRow, now_ms: u64) -> u64 {
    if j.running && j.caught_up_ms.is_none() {
        j.records * 1000 / now_ms.saturating_sub(j.started_ms).max(1000)
    } else {
        j.per_sec
    }
}

/// Where a job's position marker sits on a shard bar, `permille` of the way to the tip.
pub fn marker_x(row: &Rect, permille: u32) -> f64 {
    row.x + row.w * f64::from(permille.min(1000)) / 1000.0
}

/// Dots drawn on an edge carrying `per_sec` records/s: none when idle, then one more per
/// decade (1, 10, 100, 1000 records/s), at most [`MAX_DOTS_PER_EDGE`].
pub fn dots_for(per_sec: u64) -> usize {
    let mut n = 0;
    let mut r = per_sec;
    while r > 0 && n < MAX_DOTS_PER_EDGE {
        n += 1;
        r /= 10;
    }
    n
}

/// The dots on `curve` at animation `phase` (0..1, one run along the edge per period), evenly
/// spaced.
pub fn dot_points(curve: &Curve, per_sec: u64, phase: f64) -> Vec<(f64, f64)> {
    let n = dots_for(per_sec);
    (0..n).map(|i| curve.at((phase + i as f64 / n as f64).fract())).collect()
}

// ---------------------------------------------------------------------------------------------
// Numbers as the panels print them (the same in both languages).

/// `1 234 567`: thousands grouped with a narrow no-break space (SI style, read the same in
/// Spanish and English).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// `HH:MM:SS` since the stream became ACTIVE (hours grow past 24), as the app's clock.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// A duration: `850 ms`, `12.3 s`, `21 min 35 s`, `3 h 05 min`.
pub fn duration(ms: u64) -> String {
    match ms {
        0..=999 => format!("{ms} ms"),
        1_000..=59_999 => format!("{}.{} s", ms / 1000, ms % 1000 / 100),
        60_000..=3_599_999 => format!("{} min {:02} s", ms / 60_000, ms % 60_000 / 1000),
        _ => format!("{} h {:02} min", ms / 3_600_000, ms % 3_600_000 / 60_000),
    }
}

/// Bytes in decimal units: `940 B`, `2.3 KB`, `3.4 MB`, `1.2 GB`.
pub fn bytes(b: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")];
    for (size, unit) in UNITS {
        if b >= size {
            let tenths = b * 10 / size;
            return format!("{}.{} {unit}", tenths / 10, tenths % 10);
        }
    }
    format!("{b} B")
}

/// Share of the truth an answer gets right: `1 − error / truth`, as `99.98 %` (two decimals,
/// rounded down so that a wrong answer never shows 100 %).
pub fn accuracy(error: u64, truth_total: u64) -> String {
    if truth_total == 0 {
        return if error == 0 { "100.00 %".into() } else { "0.00 %".into() };
    }
    let right = truth_total.saturating_sub(error);
    let bp = u128::from(right) * 10_000 / u128::from(truth_total);
    format!("{}.{:02} %", bp / 100, bp % 100)
}

/// `tables / serving` as `×2.0` (the storage gauge: about 2× while both tables exist).
pub fn storage_ratio(tables: u64, serving: u64) -> String {
    match (tables * 10).checked_div(serving) {
        Some(tenths) => format!("×{}.{}", tenths / 10, tenths % 10),
        None => "—".into(),
    }
}

/// The parallelism typed in the deploy form: plain digits, 1 to 64 (`None` otherwise).
pub fn parse_parallelism(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u32>().ok().filter(|p| (1..=crate::world::pipelines::MAX_PARALLELISM).contains(p))
}

/// Minute label of a bucket start, for object names (`…/minute=0042`).
pub fn object_minute(start_ms: u64) -> u64 {
    start_ms / BUCKET_MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::MINUTE_MS;
    use crate::world::pipelines::PipelineAction;
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

    fn on_border(r: &Rect, (x, y): (f64, f64)) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() < 0.5;
        let within = |v: f64, lo: f64, hi: f64| v >= lo - 0.5 && v <= hi + 0.5;
        ((near(y, r.y) || near(y, r.bottom())) && within(x, r.x, r.right()))
            || ((near(x, r.x) || near(x, r.right())) && within(y, r.y, r.bottom()))
    }

    fn check_boxes(what: &str, width: f64, height: f64, nodes: &[Rect], curves: &[Curve]) {
        for (i, a) in nodes.iter().enumerate() {
            assert!(a.x >= 0.0 && a.y >= 0.0 && a.right() <= width && a.bottom() <= height, "{what}: box {i} {a:?}");
            assert!(a.w >= 70.0 && a.h >= 40.0, "{what}: box {i} too small for its text {a:?}");
            for (j, b) in nodes.iter().enumerate().skip(i + 1) {
                assert!(!a.overlaps(b), "{what}: boxes {i} and {j} overlap");
            }
        }
        for (k, c) in curves.iter().enumerate() {
            let (start, end) = (c.at(0.0), c.at(1.0));
            assert_eq!((start, end), (c.p[0], c.p[3]));
            assert!(nodes.iter().any(|r| on_border(r, start)), "{what}: edge {k} starts off any box");
            assert!(nodes.iter().any(|r| on_border(r, end)), "{what}: edge {k} ends off any box");
            // An edge runs between boxes, never through one.
            for t in 1..20 {
                let (x, y) = c.at(f64::from(t) / 20.0);
                let inside = nodes
                    .iter()
                    .filter(|r| x > r.x + 1.0 && x < r.right() - 1.0 && y > r.y + 1.0 && y < r.bottom() - 1.0);
                assert_eq!(inside.count(), 0, "{what}: edge {k} crosses a box at t={t}/20");
            }
        }
    }

    #[test]
    fn diagrams_fit_their_view_box_without_overlaps_and_edges_join_boxes() {
        for width in [WIDE, NARROW] {
            let l = LambdaLayout::new(width);
            let nodes: Vec<Rect> = l.nodes.iter().map(|(_, r)| *r).collect();
            let curves: Vec<Curve> = l.edges.iter().map(|(_, c)| *c).collect();
            check_boxes("lambda", l.width, l.height, &nodes, &curves);
            assert_eq!((l.nodes.len(), l.edges.len()), (8, 8));
            // The stream fans out to both layers from one point.
            assert_eq!(l.edge(LambdaEdge::Archive).p[0], l.edge(LambdaEdge::ToSpeed).p[0]);
            assert!(l.node(LambdaNode::Master).x < l.node(LambdaNode::Speed).x, "batch path left, speed path right");
            let k = KappaLayout::new(width);
            let nodes: Vec<Rect> = k.nodes.iter().map(|(_, r)| *r).collect();
            let curves: Vec<Curve> = k.edges.iter().map(|(_, c)| *c).collect();
            check_boxes("kappa", k.width, k.height, &nodes, &curves);
            let log = k.node(KappaNode::Log);
            for n in 1..=6 {
                let rows = k.shard_rows(n);
                assert_eq!(rows.len(), n.min(4));
                for (i, r) in rows.iter().enumerate() {
                    assert!(
                        r.x > log.x
                            && r.right() < log.right()
                            && r.y > log.y + 30.0
                            && r.bottom() < log.bottom() - 20.0,
                        "{r:?}"
                    );
                    assert!(rows.iter().skip(i + 1).all(|o| !o.overlaps(r)));
                }
            }
            let row = k.shard_rows(2)[0];
            assert_eq!(
                (marker_x(&row, 0), marker_x(&row, 1000), marker_x(&row, 5000)),
                (row.x, row.right(), row.right())
            );
        }
    }

    #[test]
    fn dots_grow_by_decade_and_stay_on_their_edge() {
        assert_eq!([0, 1, 9, 10, 20, 100, 40_000].map(dots_for), [0, 1, 1, 2, 2, 3, 4]);
        let c = Curve::vertical((10.0, 0.0), (50.0, 100.0));
        assert_eq!(dot_points(&c, 0, 0.3), vec![]);
        let dots = dot_points(&c, 20, 0.75);
        assert_eq!(dots.len(), 2);
        assert_eq!(dots[1], c.at(0.25), "the second dot is half an edge ahead, wrapped");
        for (x, y) in dots {
            assert!((10.0..=50.0).contains(&x) && (0.0..=100.0).contains(&y));
        }
        assert_eq!(c.d(), "M10.0 0.0C10.0 50.0 50.0 50.0 50.0 100.0");
    }

    #[test]
    fn numbers_print_the_same_in_both_languages() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!((clock(3_723_400), clock(90_000_000)), ("01:02:03".into(), "25:00:00".into()));
        assert_eq!(
            [850, 12_345, 1_295_000, 91_000_000].map(duration),
            ["850 ms", "12.3 s", "21 min 35 s", "25 h 16 min"].map(String::from)
        );
        assert_eq!(
            [940, 2_346, 3_401_413, 1_200_000_000].map(bytes),
            ["940 B", "2.3 KB", "3.4 MB", "1.2 GB"].map(String::from)
        );
        assert_eq!(accuracy(0, 0), "100.00 %");
        assert_eq!(accuracy(36, 39_196), "99.90 %");
        assert_eq!(accuracy(1, 1_000_000), "99.99 %", "never rounds up to 100 %");
        assert_eq!(accuracy(5, 1), "0.00 %");
        assert_eq!((storage_ratio(4_692, 2_346), storage_ratio(1, 0)), ("×2.0".into(), "—".into()));
        assert_eq!(["8", " 64 ", "1"].map(parse_parallelism), [Some(8), Some(64), Some(1)]);
        for bad in ["0", "65", "", "-1", "1e3", "8.5", "abc", "99999999999", "٣"] {
            assert_eq!(parse_parallelism(bad), None, "{bad}");
        }
    }

    #[test]
    fn job_slots_show_the_last_two_versions_and_positions_follow_the_replay() {
        let mut w = shop();
        // 18 000 orders per shard: more than one GetRecords call (10 000 records) each.
        w.advance_by(30 * MINUTE_MS);
        let s = PipelinesSnapshot::of(&w).unwrap_or_else(|| panic!("snapshot"));
        assert_eq!(job_slots(&s.kappa.jobs), (Some(0), None));
        assert_eq!(s.kappa.shards.len(), 2);
        assert!(s.kappa.jobs[0].positions.iter().all(|p| *p >= 990), "{:?}", s.kappa.jobs[0].positions);
        w.apply(Command::Pipeline { action: PipelineAction::Deploy { parallelism: 1, enhanced_fan_out: false } })
            .unwrap_or_else(|e| panic!("{e:?}"));
        w.advance_by(1_000);
        let s = PipelinesSnapshot::of(&w).unwrap_or_else(|| panic!("snapshot"));
        assert_eq!(job_slots(&s.kappa.jobs), (Some(0), Some(1)));
        let v2 = &s.kappa.jobs[1];
        assert_eq!(v2.positions.len(), 2);
        assert!(v2.positions.iter().all(|p| *p < 900), "v2 replays from TRIM_HORIZON: {:?}", v2.positions);
        assert!(v2.caught_up_ms.is_none() && v2.progress_permille < 900);
        assert_eq!(job_slots(&[s.kappa.jobs[0].clone(), v2.clone(), v2.clone()]), (Some(1), Some(2)));
        assert_eq!(job_slots(&[]), (None, None));
        // A replay's rate is its average since it started; a caught-up job's, the last second's.
        let replay = JobRow { records: 30_000, started_ms: 10_000, per_sec: 0, ..v2.clone() };
        assert_eq!(job_rate(&replay, 13_000), 10_000);
        assert_eq!(job_rate(&replay, 10_200), 30_000, "at least a second");
        assert_eq!(job_rate(&s.kappa.jobs[0], 13_000), s.kappa.jobs[0].per_sec);
    }
}
