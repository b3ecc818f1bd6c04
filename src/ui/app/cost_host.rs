//! Where the store meets the cost view: reads the simulation, builds the view's props and
//! turns its callbacks into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use super::store::Action;
use crate::ui::views::cost::snapshot::CostSnapshot;
use crate::ui::views::cost::CostView;
use std::rc::Rc;
use yew::prelude::*;

/// The cost view's host: this frame's snapshot, and AWS's answer to the last UpdateStreamMode or
/// UpdateStreamRecordDistributionStrategy (when it was the last API call).
#[component]
pub fn CostHost(props: &HostProps) -> Html {
    let store = &props.store;
    let on_api = {
        let dispatch = store.dispatcher();
        use_callback((), move |(operation, request): (String, serde_json::Value), _| {
            dispatch.dispatch(Action::Api(operation, request))
        })
    };
    let snapshot = Rc::new(CostSnapshot::of(&store.sim.borrow()));
    let last_call = store
        .last_api
        .clone()
        .filter(|a| a.operation == "UpdateStreamMode" || a.operation == "UpdateStreamRecordDistributionStrategy");
    html! { <CostView {snapshot} lang={store.lang} {last_call} {on_api} /> }
}
