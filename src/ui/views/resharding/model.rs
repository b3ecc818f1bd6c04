//! The shard lineage over time (pure, tested natively).
//!
//! ```text
//!  y = hash-key space (0 at the top, 2^128−1 at the bottom)      x = simulated time →
//!  ┌ #0 ─────────────┐ ParentShardId ┌ #2 ───────────────
//!  │                 ├──────────────►├──────────────────
//!  │                 │               └ #3 ───┐ AdjacentParentShardId
//!  └─────────────────┘                       ├──► #5 ─────
//!  ┌ #1 ──────────────────────────────────────┘
//! ```
//!
//! Each shard is a bar from its creation to its close (or now), at its hash range's vertical
//! position. At any instant the open shards tile the hash space and a child starts after its
//! parents closed, so bars never overlap. Splits fork and merges join; each parent → child edge
//! is labelled with the field that names the parent.

use super::snapshot::{LineageShard, LineageSnapshot};
use crate::engine::state::shard::ShardId;
use crate::i18n::Lang;
use crate::ui::format::{duration, hash_fraction, shard_short, DurationStyle};

/// viewBox width on wide screens.
pub const WIDTH: f64 = 800.0;
/// viewBox width on phones.
pub const NARROW_WIDTH: f64 = 420.0;
/// Height of the hash axis.
pub const HASH_H: f64 = 300.0;
/// Top margin.
pub const TOP: f64 = 10.0;
/// Left margin (hash axis labels).
pub const LEFT: f64 = 40.0;
/// Space for the time axis.
pub const AXIS_H: f64 = 30.0;
/// Half the gap between a closed parent's bar and its children's, where the arrows run.
pub const GAP: f64 = 5.0;

/// A shard's state, as the lineage colours it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Accepts writes.
    Open,
    /// Closed by a reshard; its records are still readable.
    Closed,
    /// Closed and past retention: it is gone from the listings.
    Expired,
}

impl State {
    /// The state of a shard of the lineage.
    pub fn of(s: &LineageShard) -> State {
        match (s.closed_ms, s.expired) {
            (None, _) => State::Open,
            (Some(_), false) => State::Closed,
            (Some(_), true) => State::Expired,
        }
    }

    /// AWS's word for it (`ShardFilter` types / DescribeStream).
    pub fn word(self) -> &'static str {
        match self {
            State::Open => "OPEN",
            State::Closed => "CLOSED",
            State::Expired => "EXPIRED",
        }
    }
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The shard.
    pub id: ShardId,
    /// Short label (`#7`).
    pub label: String,
    /// State.
    pub state: State,
    /// Left (creation).
    pub x: f64,
    /// Width (to its close or now), at least 1.
    pub w: f64,
    /// Top (StartingHashKey).
    pub y: f64,
    /// Height (the range's share of the space), at least 1.
    pub h: f64,
}

/// A parent → child edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// The parent.
    pub parent: ShardId,
    /// The child.
    pub child: ShardId,
    /// `ParentShardId` or `AdjacentParentShardId`.
    pub field: &'static str,
    /// From (the parent's close, its middle).
    pub x1: f64,
    /// From.
    pub y1: f64,
    /// To (the child's creation, its middle).
    pub x2: f64,
    /// To.
    pub y2: f64,
}

/// One reshard: children created together from their parents.
#[derive(Clone, Debug, PartialEq)]
pub struct Reshard {
    /// When the children were created, ms since the stream started.
    pub at_ms: u64,
    /// The parents.
    pub parents: Vec<ShardId>,
    /// The children.
    pub children: Vec<ShardId>,
    /// Share of the hash space (so of uniformly spread keys) whose shard changed, per mille.
    pub moved_per_mille: u64,
}

/// The drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Bars, in shard order.
    pub bars: Vec<Bar>,
    /// Edges.
    pub edges: Vec<Edge>,
    /// Time ticks `(x, label)`.
    pub ticks: Vec<(f64, String)>,
    /// Axis y.
    pub axis_y: f64,
}

/// Lays out the lineage for a viewBox `width` wide, its tick labels in `lang`.
pub fn layout(snap: &LineageSnapshot, width: f64, lang: Lang) -> Layout {
    let span = snap.elapsed_ms.max(1) as f64;
    let plot_w = width - LEFT - 10.0;
    let x_of = |t: u64| LEFT + (t.min(snap.elapsed_ms) as f64 / span) * plot_w;
    let bars: Vec<Bar> = snap
        .shards
        .iter()
        .map(|s| {
            // A small gap at each reshard, so the parent → child arrows show.
            let x = x_of(s.created_ms) + if s.parent.is_some() { GAP } else { 0.0 };
            let end = x_of(s.closed_ms.unwrap_or(snap.elapsed_ms)) - if s.closed_ms.is_some() { GAP } else { 0.0 };
            let y = TOP + hash_fraction(s.start) * HASH_H;
            let h = ((hash_fraction(s.end) - hash_fraction(s.start)) * HASH_H).max(1.0);
            Bar { id: s.id, label: shard_short(s.id), state: State::of(s), x, w: (end - x).max(1.0), y, h }
        })
        .collect();
    let mut edges = Vec::new();
    for (s, b) in snap.shards.iter().zip(&bars) {
        for (parent, field) in [(&s.parent, "ParentShardId"), (&s.adjacent_parent, "AdjacentParentShardId")] {
            let Some(p) = parent else { continue };
            let Some(pb) = bars.iter().find(|x| x.id == *p) else { continue };
            edges.push(Edge {
                parent: *p,
                child: s.id,
                field,
                x1: pb.x + pb.w,
                y1: pb.y + pb.h / 2.0,
                x2: b.x,
                y2: b.y + b.h / 2.0,
            });
        }
    }
    let axis_y = TOP + HASH_H + 8.0;
    // Five ticks across the span; a label equal to the one before it (a short or empty span,
    // e.g. "0 s" five times at t = 0) is left out, so every label on the axis is different.
    let mut ticks: Vec<(f64, String)> = Vec::with_capacity(5);
    for k in 0..=4u64 {
        let label = duration(snap.elapsed_ms * k / 4, DurationStyle::Axis, lang);
        if ticks.last().is_none_or(|(_, last)| *last != label) {
            ticks.push((LEFT + plot_w * k as f64 / 4.0, label));
        }
    }
    Layout { width, height: axis_y + AXIS_H, bars, edges, ticks, axis_y }
}

/// The reshards, oldest first: children grouped by creation time, with the share of keys that
/// moved (the parents' share of the hash space; a key outside the parents' ranges keeps its
/// shard).
pub fn reshards(snap: &LineageSnapshot) -> Vec<Reshard> {
    let mut out: Vec<Reshard> = Vec::new();
    for s in snap.shards.iter().filter(|s| s.parent.is_some()) {
        let parents: Vec<ShardId> = [s.parent, s.adjacent_parent].into_iter().flatten().collect();
        match out.iter_mut().find(|r| r.at_ms == s.created_ms) {
            Some(r) => {
                r.children.push(s.id);
                for p in parents {
                    if !r.parents.contains(&p) {
                        r.parents.push(p);
                    }
                }
            }
            None => out.push(Reshard { at_ms: s.created_ms, parents, children: vec![s.id], moved_per_mille: 0 }),
        }
    }
    for r in &mut out {
        let moved: f64 = snap
            .shards
            .iter()
            .filter(|s| r.parents.contains(&s.id))
            .map(|s| hash_fraction(s.end) - hash_fraction(s.start))
            .sum();
        r.moved_per_mille = ((moved * 1000.0).round() as u64).min(1000);
    }
    out.sort_by_key(|r| r.at_ms);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::UrlState;
    use crate::ui::sim::Sim;

    fn sim() -> Sim {
        let (url, _) = UrlState::parse("#/resharding?seed=2&shards=2&rate=100", "");
        Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn api(s: &mut Sim, op: &str, req: serde_json::Value) {
        let mut req = req;
        req["StreamName"] = serde_json::Value::from(s.world().stream_name().to_string());
        s.api(op, &req).unwrap_or_else(|e| panic!("{op}: {e:?}"));
        for _ in 0..5 {
            s.step_second();
        }
    }

    #[test]
    fn the_axis_never_repeats_a_label() {
        // At t = 0 the axis once read "0 s 0 s 0 s 0 s 0 s" (#14).
        let mut s = sim();
        let labels = |s: &Sim| -> Vec<String> {
            layout(&LineageSnapshot::of(s), WIDTH, Lang::Es).ticks.into_iter().map(|(_, label)| label).collect()
        };
        assert_eq!(labels(&s), ["0 s"]);
        for _ in 0..400 {
            s.step_second();
            let l = labels(&s);
            assert!(l.windows(2).all(|w| w[0] != w[1]), "repeated tick label: {l:?}");
            assert_eq!(l.first().map(String::as_str), Some("0 s"));
        }
        assert_eq!(labels(&s).len(), 5, "a long enough span has its five ticks: {:?}", labels(&s));
    }

    #[test]
    fn two_splits_and_a_merge_give_six_shards_with_their_parents() {
        let mut s = sim();
        s.step_second();
        let half = u128::MAX / 2;
        api(
            &mut s,
            "SplitShard",
            serde_json::json!({"ShardToSplit": "shardId-000000000000", "NewStartingHashKey": (half / 2).to_string()}),
        );
        api(
            &mut s,
            "SplitShard",
            serde_json::json!({"ShardToSplit": "shardId-000000000001", "NewStartingHashKey": (half + half / 2).to_string()}),
        );
        api(
            &mut s,
            "MergeShards",
            serde_json::json!({"ShardToMerge": "shardId-000000000003", "AdjacentShardToMerge": "shardId-000000000004"}),
        );
        let snap = LineageSnapshot::of(&s);
        assert_eq!(snap.shards.len(), 7, "2 + 2 + 2 + 1");
        let child = snap.shards.iter().find(|x| x.id == ShardId(6)).unwrap_or_else(|| panic!("no merge child"));
        assert_eq!((child.parent, child.adjacent_parent), (Some(ShardId(3)), Some(ShardId(4))));
        let l = layout(&snap, WIDTH, Lang::En);
        // No two bars overlap.
        for (i, a) in l.bars.iter().enumerate() {
            for b in &l.bars[i + 1..] {
                let x_overlap = a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6;
                let y_overlap = a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6;
                assert!(!(x_overlap && y_overlap), "{} overlaps {}", a.id, b.id);
            }
        }
        // Vertical positions follow the hash ranges: shard 0 on top, shard 1 below, children inside.
        let bar = |id: u32| l.bars.iter().find(|b| b.id == ShardId(id)).cloned().unwrap_or_else(|| panic!("{id}"));
        assert!((bar(0).y - TOP).abs() < 1e-6);
        assert!((bar(1).y - (TOP + HASH_H / 2.0)).abs() < 1e-3);
        assert!((bar(2).h - HASH_H / 4.0).abs() < 1e-3);
        assert_eq!(bar(6).label, "#6");
        assert_eq!(l.edges.len(), 6, "two per split, two into the merge");
        assert_eq!(l.edges.iter().filter(|e| e.field == "AdjacentParentShardId").count(), 1);
        assert!(l.edges.iter().all(|e| e.x2 >= e.x1));
        let states: Vec<State> = l.bars.iter().map(|b| b.state).collect();
        assert_eq!(states.iter().filter(|x| **x == State::Open).count(), 3);
        let r = reshards(&snap);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].moved_per_mille, 500, "splitting half the space moves half the keys");
        assert_eq!(r[2].moved_per_mille, 500, "the merge moves the keys of both quarter shards");
    }
}
