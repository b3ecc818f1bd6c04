//! Where the store meets the durability view: reads the simulation, builds the view's snapshot
//! (O(shards), every frame) and turns its callbacks into store actions: the encryption buttons
//! into `Action::Api`, the GetRecords buttons into `Action::ReadFrom`, and the teacher's zone
//! buttons into the world command `SetAvailabilityZone` (see `hosts.rs`).

use super::hosts::HostProps;
use super::store::Action;
use crate::ui::views::durability::snapshot::SnapshotCache;
use crate::ui::views::durability::DurabilityView;
use crate::world::scenario::Command;
use yew::prelude::*;

/// The durability view's host.
#[component]
pub fn DurabilityHost(props: &HostProps) -> Html {
    let store = &props.store;
    let on_api = {
        let dispatch = store.dispatcher();
        use_callback((), move |(op, request): (String, serde_json::Value), _| {
            dispatch.dispatch(Action::Api(op, request))
        })
    };
    let on_read = {
        let dispatch = store.dispatcher();
        use_callback((), move |request: serde_json::Value, _| dispatch.dispatch(Action::ReadFrom(request)))
    };
    let on_zone = {
        let dispatch = store.dispatcher();
        use_callback((), move |(zone, up): (usize, bool), _| {
            dispatch.dispatch(Action::World(Command::SetAvailabilityZone { zone, up }))
        })
    };
    let cache = use_mut_ref(SnapshotCache::default);
    let snapshot = cache.borrow_mut().get(&store.sim, store.pacer.paused, js_sys::Date::now());
    html! {
        <DurabilityView lang={store.lang} {snapshot} last_api={store.last_api.clone()} last_read={store.last_read.clone()}
                        {on_api} {on_read} {on_zone} />
    }
}
