//! Where the store meets the durability view: reads the simulation, builds the view's props and
//! turns its callbacks into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use crate::ui::views::durability::DurabilityView;
use yew::prelude::*;

/// The durability view's host.
#[component]
pub fn DurabilityHost(props: &HostProps) -> Html {
    let store = &props.store;
    html! { <DurabilityView lang={store.lang} /> }
}
