//! Where the store meets the cost view: reads the simulation, builds the view's props and
//! turns its callbacks into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use crate::ui::views::cost::CostView;
use yew::prelude::*;

/// The cost view's host.
#[component]
pub fn CostHost(props: &HostProps) -> Html {
    let store = &props.store;
    html! { <CostView lang={store.lang} /> }
}
