//! Where the store meets the metrics view: reads the simulation, builds the view's props and
//! turns its callbacks into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use crate::ui::views::metrics::MetricsView;
use yew::prelude::*;

/// The metrics view's host.
#[component]
pub fn MetricsHost(props: &HostProps) -> Html {
    let store = &props.store;
    html! { <MetricsView lang={store.lang} /> }
}
