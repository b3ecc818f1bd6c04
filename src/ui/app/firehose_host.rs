//! Where the store meets the firehose view: reads the simulation, builds the view's snapshot
//! (O(shards + objects listed)) and turns its commands (create a delivery stream, change its
//! buffering hints) into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use super::store::Action;
use crate::ui::views::firehose::snapshot::FirehoseSnapshot;
use crate::ui::views::firehose::FirehoseView;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// The firehose view's host.
#[component]
pub fn FirehoseHost(props: &HostProps) -> Html {
    let store = &props.store;
    let on_command = {
        let dispatch = store.dispatcher();
        use_callback((), move |c: Command, _| dispatch.dispatch(Action::World(c)))
    };
    let snapshot = Rc::new(FirehoseSnapshot::of(&store.sim.borrow()));
    html! { <FirehoseView lang={store.lang} {snapshot} {on_command} /> }
}
