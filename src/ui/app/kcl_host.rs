//! Where the store meets the kcl view: reads the simulation, builds the view's props and
//! turns its callbacks into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use crate::ui::views::kcl::KclView;
use yew::prelude::*;

/// The kcl view's host.
#[component]
pub fn KclHost(props: &HostProps) -> Html {
    let store = &props.store;
    html! { <KclView lang={store.lang} /> }
}
