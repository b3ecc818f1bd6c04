//! Where the store meets the views (STYLE rule 9): one host per view reads the simulation,
//! builds the view's snapshot with the view's own `snapshot.rs`, keeps the view's cache between
//! frames (a new one each time the view is opened), and turns the view's callbacks into store
//! actions. The views never see the store and never borrow the simulation.
//!
//! ```text
//!  Store ─► OverviewHost   ─► OverviewSnapshot::of(sim, window, dots per lane)
//!                          ─► <Overview>
//!        ─► FlowHost       ─► FlowSnapshot::of(sim, window, dots per lane),
//!                             flow::RecentCache (every 3 s of wall time), Selected::of(picked record)
//!                          ─► <Flow>       ─► on_select, on_command
//!                          ─► CodeSnapshot::of(sim, code::CodeTracker) ─► <CodePanel>
//!        ─► ReshardingHost ─► LineageSnapshot::of(sim), the last API call's answer
//!                          ─► <Resharding> ─► on_api, on_command
//!        ─► HashingHost   ─► hashing::SnapshotCache (recent keys every 250 simulated ms)
//!                         ─► <Hashing>   ─► on_api
//!        ─► RetentionHost ─► RetentionSnapshot::of(sim, MAX_MARKS)
//!                         ─► <Retention> ─► on_api, on_read, on_read_again
//!        ─► PipelinesHost ─► pipelines::SnapshotCache (at most every 100 ms of wall time)
//!                         ─► <Pipelines> ─► on_step, on_panel, on_open
//!        ─► ConsoleHost   ─► ConsoleSnapshot::of(engine, session, step) (lists shared while
//!                             the session is unchanged)
//!                         ─► <Console>   ─► on_run, on_clear, on_cli, complete
//! ```

use super::store::{Action, Store};
use crate::console::CliVersion;
use crate::engine::state::shard::ShardId;
use crate::ui::console::Session;
use crate::ui::route::{Panel, PIPELINES_SCENARIO};
use crate::ui::views::code::snapshot::{CodeSnapshot, CodeTracker};
use crate::ui::views::code::CodePanel;
use crate::ui::views::console::snapshot::ConsoleSnapshot;
use crate::ui::views::console::Console;
use crate::ui::views::flow::snapshot::{dots_per_lane as flow_dots_per_lane, FlowSnapshot, RecentCache, Selected};
use crate::ui::views::flow::Flow;
use crate::ui::views::hashing::snapshot::SnapshotCache as HashingCache;
use crate::ui::views::hashing::Hashing;
use crate::ui::views::overview::model::window_ms;
use crate::ui::views::overview::snapshot::{dots_per_lane, OverviewSnapshot};
use crate::ui::views::overview::Overview;
use crate::ui::views::pipelines::snapshot::SnapshotCache as PipelinesCache;
use crate::ui::views::pipelines::Pipelines;
use crate::ui::views::resharding::snapshot::{CallAnswer, LineageSnapshot};
use crate::ui::views::resharding::Resharding;
use crate::ui::views::retention::snapshot::{RetentionSnapshot, MAX_MARKS};
use crate::ui::views::retention::Retention;
use crate::world::pipeline_spec::PipelineAction;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the hosts.
#[derive(Properties, PartialEq)]
pub struct HostProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
}

/// A callback that sends a view's Kinesis API call to the store, the same one every render.
#[hook]
fn use_api(store: &UseReducerHandle<Store>) -> Callback<(String, serde_json::Value)> {
    let dispatch = store.dispatcher();
    use_callback((), move |(operation, request): (String, serde_json::Value), _| {
        dispatch.dispatch(Action::Api(operation, request))
    })
}

/// A callback that sends world commands to the store, the same one every render.
#[hook]
fn use_command(store: &UseReducerHandle<Store>) -> Callback<Command> {
    let dispatch = store.dispatcher();
    use_callback((), move |c: Command, _| dispatch.dispatch(Action::World(c)))
}

/// The overview, with this frame's snapshot.
#[component]
pub fn OverviewHost(props: &HostProps) -> Html {
    let store = &props.store;
    let snapshot = {
        let sim = store.sim.borrow();
        Rc::new(OverviewSnapshot::of(&sim, window_ms(store.pacer.speed_milli), dots_per_lane(sim.open_shards())))
    };
    html! { <Overview {snapshot} lang={store.lang} /> }
}

/// The flow view, with this frame's snapshot, the recent records (refreshed every few wall
/// seconds) and the record picked for the details panel.
#[component]
pub fn FlowHost(props: &HostProps) -> Html {
    let store = &props.store;
    let picked = use_state(|| None::<(ShardId, u64)>);
    let recent_cache = use_mut_ref(RecentCache::default);
    let code_tracker = use_mut_ref(CodeTracker::default);
    // Stable callbacks, so the lanes' dot layers can skip frames in which they did not change.
    let on_select = {
        let setter = picked.setter();
        use_callback((), move |key: Option<(ShardId, u64)>, _| setter.set(key))
    };
    let on_command = use_command(store);
    let (snapshot, recent, selected) = {
        let sim = store.sim.borrow();
        // The live window keeps a minute of the student's records in sight (a script that
        // sleeps a second between puts, as the course's does, fills it).
        let window = match store.live {
            Some(_) => window_ms(store.pacer.speed_milli).max(crate::ui::live::LIVE_WINDOW_MS),
            None => window_ms(store.pacer.speed_milli),
        };
        let snapshot = FlowSnapshot::of(&sim, window, flow_dots_per_lane(sim.open_shards()));
        let recent = recent_cache.borrow_mut().get(&sim, js_sys::Date::now(), store.pacer.paused);
        let selected = picked.map(|(shard, position)| Selected::of(&sim, shard, position));
        (Rc::new(snapshot), recent, selected)
    };
    // The code panel is the flow view's last card (`#/flow?panel=code`).
    let code = Rc::new(CodeSnapshot::of(&store.sim.borrow(), &mut code_tracker.borrow_mut(), store.lang));
    // The live window runs the student's own code, not the simulated producer the panel shows.
    let live = store.live.is_some();
    html! {
        <>
            <Flow {snapshot} {recent} {selected} lang={store.lang} {on_select} {on_command} paused={store.pacer.paused} />
            if !live { <CodePanel snapshot={code} lang={store.lang} /> }
        </>
    }
}

/// The resharding view, with this frame's lineage and AWS's answer to the last call.
#[component]
pub fn ReshardingHost(props: &HostProps) -> Html {
    let store = &props.store;
    let on_command = use_command(store);
    let on_api = {
        let dispatch = store.dispatcher();
        use_callback((), move |(operation, request): (String, serde_json::Value), _| {
            dispatch.dispatch(Action::Api(operation, request))
        })
    };
    let snapshot = Rc::new(LineageSnapshot::of(&store.sim.borrow()));
    let answer = store
        .last_api
        .as_ref()
        .map(|a| CallAnswer { operation: a.operation.clone(), error: a.result.as_ref().err().cloned() });
    html! { <Resharding {snapshot} {answer} lang={store.lang} {on_api} {on_command} /> }
}

/// The hashing view, with this frame's stream view and the recent keys.
#[component]
pub fn HashingHost(props: &HostProps) -> Html {
    let store = &props.store;
    let cache = use_mut_ref(HashingCache::default);
    let on_api = use_api(store);
    let snapshot = Rc::new(cache.borrow_mut().get(&store.sim));
    let on_key = {
        let dispatch = store.dispatcher();
        use_callback((), move |(pk, ehk): (String, String), _| dispatch.dispatch(Action::SetKey(pk, ehk)))
    };
    let (pk, ehk) = (store.url.pk.clone(), store.url.ehk.clone());
    html! { <Hashing {snapshot} lang={store.lang} last_api={store.last_api.clone()} {on_api} {pk} {ehk} {on_key} /> }
}

/// The retention view, with this frame's snapshot and the iterator panel's last read.
#[component]
pub fn RetentionHost(props: &HostProps) -> Html {
    let store = &props.store;
    let on_api = use_api(store);
    let on_read = {
        let dispatch = store.dispatcher();
        use_callback((), move |request: serde_json::Value, _| dispatch.dispatch(Action::ReadFrom(request)))
    };
    let on_read_again = {
        let dispatch = store.dispatcher();
        use_callback((), move |(), _| dispatch.dispatch(Action::ReadAgain))
    };
    let snapshot = Rc::new(RetentionSnapshot::of(&store.sim.borrow(), MAX_MARKS));
    html! {
        <Retention {snapshot} lang={store.lang} last_api={store.last_api.clone()} last_read={store.last_read.clone()}
                   {on_api} {on_read} {on_read_again} />
    }
}

/// The pipelines view, with its snapshot (retaken at most every 100 ms of wall time while
/// playing) and the clock that moves its record dots.
#[component]
pub fn PipelinesHost(props: &HostProps) -> Html {
    let store = &props.store;
    let cache = use_mut_ref(PipelinesCache::default);
    let on_step = {
        let dispatch = store.dispatcher();
        use_callback((), move |action: PipelineAction, _| {
            dispatch.dispatch(Action::World(Command::Pipeline { action }))
        })
    };
    let on_panel = {
        let dispatch = store.dispatcher();
        use_callback((), move |panel: Option<Panel>, _| dispatch.dispatch(Action::SetPanel(panel)))
    };
    let on_open = {
        let dispatch = store.dispatcher();
        use_callback((), move |(), _| dispatch.dispatch(Action::SetScenario(PIPELINES_SCENARIO)))
    };
    let step = store.last_pipeline.as_ref().map(|o| o.version);
    let snapshot = cache.borrow_mut().get(&store.sim, step, store.pacer.paused, js_sys::Date::now());
    let elapsed_ms = store.sim.borrow().elapsed_ms();
    html! {
        <Pipelines {snapshot} {elapsed_ms} lang={store.lang} url={store.url.clone()} outcome={store.last_pipeline.clone()}
                   {on_step} {on_panel} {on_open} />
    }
}

/// Hosts the console view.
#[component]
pub fn ConsoleHost(props: &HostProps) -> Html {
    let store = &props.store;
    let last = use_mut_ref(|| None::<ConsoleSnapshot>);
    let open_step = store.url.step.map(|s| usize::from(s).saturating_sub(1));
    let snapshot = {
        let sim = store.sim.borrow();
        let session = store.console.borrow();
        let snap = ConsoleSnapshot::of(sim.world().engine(), &session, open_step, last.borrow().as_ref());
        *last.borrow_mut() = Some(snap.clone());
        snap
    };
    let d = store.dispatcher();
    let on_run = use_callback((), move |text: String, _| d.dispatch(Action::Console(text)));
    let d = store.dispatcher();
    let on_clear = use_callback((), move |(), _| d.dispatch(Action::ConsoleClear));
    let d = store.dispatcher();
    let on_cli = use_callback((), move |v: CliVersion, _| d.dispatch(Action::SetCli(v)));
    let sim = store.sim.clone();
    let complete = use_callback(store.version, move |line: String, _| Session::complete(&line, &mut sim.borrow_mut()));
    html! {
        <Console lang={store.lang} {snapshot} pretyped={store.url.cmd.clone()} {on_run} {on_clear} {on_cli} {complete} />
    }
}
