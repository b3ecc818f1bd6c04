//! The pipelines view's diagram geometry (pure, tested natively): where the boxes and edges of
//! the Lambda and Kappa diagrams go, in fixed logical units (the SVG's viewBox; CSS scales it),
//! the Kappa log's shard bars and job markers, and the record dots on busy edges. Floats appear
//! only here, in view geometry.
//!
//! ```text
//!  Lambda:  producers ─► stream ─┬─► master dataset ─► batch ─► serving ─┐
//!                                └─► speed layer ─► realtime view ───────┴─► query
//!  Kappa:   producers ─► log (shard bars, job markers) ─► job A │ job B ─► table A │ table B ◄─ app
//! ```

use super::snapshot::JobRow;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::MINUTE_MS;
    use crate::ui::views::pipelines::snapshot::PipelinesSnapshot;
    use crate::world::pipeline_spec::PipelineAction;
    use crate::world::presets::Preset;
    use crate::world::scenario::Command;
    use crate::world::World;

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
    fn job_slots_show_the_last_two_versions_and_positions_follow_the_replay() {
        let s = Preset::ECommerce.scenario(1);
        let mut w = World::new(s).unwrap_or_else(|e| panic!("{e:?}"));
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
