//! What the kcl view shows, built from the world: the first polling (KCL) application's lease
//! table, its workers with the leases they hold, the last lease moves and the records read
//! twice. O(leases + workers); never walks records.

use super::model::{recently_moved, row_state, short_seq, RowState};
use crate::engine::state::shard::ShardId;
use crate::engine::time::SimTime;
use crate::world::lease::{renewer_interval_ms, taker_interval_ms, Checkpoint};
use crate::world::polling::{LeaseMove, PollingApp};
use crate::world::{ConsumerApp, World};

/// The `checkpoint` cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckpointCell {
    /// `TRIM_HORIZON`.
    TrimHorizon,
    /// `LATEST`.
    Latest,
    /// `SHARD_END`.
    ShardEnd,
    /// A sequence number: shortened, and in full.
    Sequence {
        /// Its last digits.
        short: String,
        /// All of it.
        full: String,
    },
}

/// One row of the lease table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaseRow {
    /// `leaseKey`.
    pub shard: ShardId,
    /// `leaseOwner`.
    pub owner: Option<u32>,
    /// `checkpoint`.
    pub checkpoint: CheckpointCell,
    /// `leaseCounter`.
    pub counter: u64,
    /// `ownerSwitchesSinceCheckpoint`.
    pub owner_switches: u64,
    /// `parentShardId` (and the adjacent parent of a merge).
    pub parents: Vec<ShardId>,
    /// What the workers make of it.
    pub state: RowState,
    /// Its owner changed in the last [`super::model::HIGHLIGHT_MS`].
    pub moved: bool,
}

/// A worker box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerBox {
    /// Its number.
    pub n: u32,
    /// Alive.
    pub alive: bool,
    /// Leases it holds (alive) or that still name it (dead), unfinished only.
    pub leases: Vec<ShardId>,
}

/// One record read twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RereadLine {
    /// When, ms on the app's clock (since the stream became ACTIVE).
    pub at_ms: u64,
    /// Its shard.
    pub shard: ShardId,
    /// Its sequence number, shortened.
    pub seq: String,
    /// The worker that read it again.
    pub worker: u32,
}

/// The application drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppView {
    /// Its name (what the world commands need).
    pub name: String,
    /// failoverTimeMillis, ms.
    pub failover_ms: u64,
    /// Renewal period, ms.
    pub renew_ms: u64,
    /// Taker period, ms.
    pub taker_ms: u64,
    /// Time to the next taker run of any live worker, ms.
    pub next_taker_ms: Option<u64>,
    /// The lease table, by shard id.
    pub rows: Vec<LeaseRow>,
    /// The workers.
    pub workers: Vec<WorkerBox>,
    /// Records read twice so far.
    pub duplicates: u64,
    /// The latest of them, newest first.
    pub rereads: Vec<RereadLine>,
    /// Lease moves so far.
    pub move_count: u64,
    /// The latest, newest first (times on the app's clock).
    pub moves: Vec<LeaseMove>,
}

/// Everything the view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KclSnapshot {
    /// Simulated time since the stream became ACTIVE (the app's clock), ms.
    pub now_ms: u64,
    /// The first polling application, if the scenario has one.
    pub app: Option<AppView>,
}

impl KclSnapshot {
    /// The snapshot of `world` now.
    pub fn of(world: &World) -> KclSnapshot {
        let now = world.engine().now();
        let app = world.consumers().iter().find_map(|c| match c {
            ConsumerApp::Polling(p) => Some(app_view(world, p)),
            _ => None,
        });
        KclSnapshot { now_ms: now.since(world.started()), app }
    }
}

fn app_view(world: &World, p: &PollingApp) -> AppView {
    let now = world.engine().now();
    let failover = p.failover_ms();
    let stream = world.engine().stream(world.stream_name());
    let rows: Vec<LeaseRow> = p
        .core
        .shards
        .iter()
        .map(|(id, l)| {
            let checkpoint = match l.checkpoint() {
                Checkpoint::TrimHorizon => CheckpointCell::TrimHorizon,
                Checkpoint::Latest => CheckpointCell::Latest,
                Checkpoint::ShardEnd => CheckpointCell::ShardEnd,
                Checkpoint::Sequence(s) => {
                    let full = s.to_string();
                    CheckpointCell::Sequence { short: short_seq(&full), full }
                }
            };
            let parents = stream
                .and_then(|s| s.shard(*id))
                .map(|sh| [sh.parent, sh.adjacent_parent].into_iter().flatten().collect())
                .unwrap_or_default();
            LeaseRow {
                shard: *id,
                owner: l.owner,
                checkpoint,
                counter: l.counter,
                owner_switches: l.owner_switches,
                parents,
                state: row_state(l.reader.finished, l.held, l.owner.is_some(), l.expires_at(failover), now),
                moved: recently_moved(l.owner.is_some(), l.taken_at, now),
            }
        })
        .collect();
    let workers = p
        .workers
        .iter()
        .enumerate()
        .map(|(w, alive)| WorkerBox {
            n: w as u32,
            alive: *alive,
            leases: p
                .core
                .shards
                .iter()
                .filter(|(_, l)| !l.reader.finished && l.owner == Some(w as u32))
                .map(|(id, _)| *id)
                .collect(),
        })
        .collect();
    let next_taker_ms = p.clocks.iter().zip(&p.workers).filter(|(_, a)| **a).map(|(c, _)| c.next_take.since(now)).min();
    AppView {
        name: p.spec.name.clone(),
        failover_ms: failover,
        renew_ms: renewer_interval_ms(failover),
        taker_ms: taker_interval_ms(failover),
        next_taker_ms,
        rows,
        workers,
        duplicates: p.core.tally.duplicates,
        rereads: p
            .rereads
            .iter()
            .rev()
            .map(|r| RereadLine {
                at_ms: r.at.since(world.started()),
                shard: r.shard,
                seq: short_seq(&r.sequence_number.to_string()),
                worker: r.worker,
            })
            .collect(),
        move_count: p.move_count,
        moves: p.moves.iter().rev().map(|m| LeaseMove { at: SimTime(m.at.since(world.started())), ..*m }).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::consumer::ConsumerSpec;
    use crate::world::polling::PollingSpec;
    use crate::world::presets::Preset;
    use crate::world::scenario::Command;

    fn world() -> World {
        let mut s = Preset::ActivityLogs.scenario(7);
        s.settings.shards = 2;
        s.commands.clear();
        let mut w = World::new(s).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(KclSnapshot::of(&w).app, None, "activity-logs has no polling application");
        let spec = PollingSpec { name: "kcl-app".into(), workers: 2, ..PollingSpec::default() };
        w.apply(Command::AddConsumer { consumer: ConsumerSpec::Polling(spec) }).unwrap_or_else(|e| panic!("{e:?}"));
        w
    }

    #[test]
    fn the_table_names_owners_and_counts_down_a_dead_worker_s_leases() {
        let mut w = world();
        w.advance_by(5_000);
        let snap = KclSnapshot::of(&w);
        let app = snap.app.unwrap_or_else(|| panic!("no app"));
        assert_eq!(app.rows.len(), 2);
        assert_eq!((app.renew_ms, app.taker_ms), (3_308, 20_050));
        // Worker 0 took both at start, worker 1 stole shard 0.
        assert_eq!(app.rows.iter().map(|r| r.owner).collect::<Vec<_>>(), vec![Some(1), Some(0)]);
        assert!(app.rows.iter().all(|r| r.state == RowState::Renewed && r.counter >= 2));
        assert!(app.rows.iter().all(|r| matches!(r.checkpoint, CheckpointCell::Sequence { .. })));
        assert_eq!(app.workers.iter().map(|w| w.leases.len()).collect::<Vec<_>>(), vec![1, 1]);
        w.apply(Command::KillWorker { name: "kcl-app".into(), worker: 0 }).unwrap_or_else(|e| panic!("{e:?}"));
        w.advance_by(1_000);
        let app = KclSnapshot::of(&w).app.unwrap_or_else(|| panic!("no app"));
        let row = &app.rows[1];
        assert_eq!(row.owner, Some(0));
        assert!(matches!(row.state, RowState::ExpiresIn(ms) if ms > 0 && ms <= 10_000), "{:?}", row.state);
        assert!(!app.workers[0].alive && app.workers[0].leases.len() == 1);
    }
}
