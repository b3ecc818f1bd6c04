//! Where the store meets the kcl view: reads the simulation, builds the view's snapshot
//! ([`KclSnapshot::of`], O(leases + workers)) and turns its callbacks into store actions
//! (world commands: kill or add a worker, add a KCL application; see `hosts.rs`).

use super::hosts::HostProps;
use super::store::Action;
use crate::ui::views::kcl::snapshot::KclSnapshot;
use crate::ui::views::kcl::KclView;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// The kcl view's host.
#[component]
pub fn KclHost(props: &HostProps) -> Html {
    let store = &props.store;
    let on_command = {
        let dispatch = store.dispatcher();
        use_callback((), move |c: Command, _| dispatch.dispatch(Action::World(c)))
    };
    let snapshot = Rc::new(KclSnapshot::of(store.sim.borrow().world()));
    html! { <KclView lang={store.lang} {snapshot} {on_command} /> }
}
