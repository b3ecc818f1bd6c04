//! Where the store meets the views that take snapshot props (STYLE rule 9): one host per view
//! reads the simulation, builds the view's snapshot with the view's own `snapshot.rs`, keeps the
//! view's caches between frames, and turns the view's callbacks into store actions. The view
//! components themselves never see the store and never borrow the simulation.
//!
//! ```text
//!  Store ─► OverviewHost   ─► OverviewSnapshot::of(sim)              ─► <Overview>
//!        ─► FlowHost       ─► FlowSnapshot::of(sim), RecentCache,     ─► <Flow>   ─► on_select, on_command
//!                             Selected::of(sim, picked record)
//!        ─► ReshardingHost ─► LineageSnapshot::of(sim), last API call ─► <Resharding> ─► on_api, on_command
//! ```

use super::store::{Action, Store};
use crate::engine::shard::ShardId;
use crate::ui::views::flow::snapshot::{dots_per_lane as flow_dots_per_lane, FlowSnapshot, RecentCache, Selected};
use crate::ui::views::flow::Flow;
use crate::ui::views::overview::model::window_ms;
use crate::ui::views::overview::snapshot::{dots_per_lane, OverviewSnapshot};
use crate::ui::views::overview::Overview;
use crate::ui::views::resharding::snapshot::{CallAnswer, LineageSnapshot};
use crate::ui::views::resharding::Resharding;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the hosts.
#[derive(Properties, PartialEq)]
pub struct HostProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
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
    // Stable callbacks, so the lanes' dot layers can skip frames in which they did not change.
    let on_select = {
        let setter = picked.setter();
        use_callback((), move |key: Option<(ShardId, u64)>, _| setter.set(key))
    };
    let on_command = use_command(store);
    let (snapshot, recent, selected) = {
        let sim = store.sim.borrow();
        let snapshot =
            FlowSnapshot::of(&sim, window_ms(store.pacer.speed_milli), flow_dots_per_lane(sim.open_shards()));
        let recent = recent_cache.borrow_mut().get(&sim, js_sys::Date::now(), store.pacer.paused);
        let selected = picked.map(|(shard, position)| Selected::of(&sim, shard, position));
        (Rc::new(snapshot), recent, selected)
    };
    html! { <Flow {snapshot} {recent} {selected} lang={store.lang} {on_select} {on_command} /> }
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
