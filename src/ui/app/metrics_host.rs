//! Where the store meets the metrics view: keeps the view's choices (metrics, period,
//! statistic, range, alarm) between frames, builds its snapshot from the simulation, and turns
//! its Enable/Disable enhanced monitoring buttons into `Action::Api` calls.
//!
//! ```text
//!  Store ─► MetricsHost ─► MetricsSnapshot::of(sim, choices) ─► <MetricsView> ─► on_choices, on_api
//! ```

use super::hosts::HostProps;
use super::store::Action;
use crate::ui::views::metrics::snapshot::{Choices, MetricsSnapshot};
use crate::ui::views::metrics::MetricsView;
use std::rc::Rc;
use yew::prelude::*;

/// The metrics view's host.
#[component]
pub fn MetricsHost(props: &HostProps) -> Html {
    let store = &props.store;
    let choices = use_state(Choices::default);
    let on_choices = {
        let choices = choices.clone();
        use_callback((), move |c: Choices, _| choices.set(c))
    };
    let on_api = {
        let dispatch = store.dispatcher();
        use_callback((), move |(operation, request): (String, serde_json::Value), _| {
            dispatch.dispatch(Action::Api(operation, request))
        })
    };
    let api_error = store.last_api.as_ref().and_then(|a| {
        let ours = a.operation.ends_with("EnhancedMonitoring");
        match (&a.result, ours) {
            (Err(e), true) => Some(e.to_string()),
            _ => None,
        }
    });
    let snapshot = Rc::new(MetricsSnapshot::of(&store.sim.borrow(), &choices));
    html! {
        <MetricsView lang={store.lang} {snapshot} choices={(*choices).clone()} {on_choices} {on_api} {api_error} />
    }
}
