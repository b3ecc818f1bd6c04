//! Where the store meets the firehose view: reads the simulation, builds the view's props and
//! turns its callbacks into store actions (see `hosts.rs`).

use super::hosts::HostProps;
use crate::ui::views::firehose::FirehoseView;
use yew::prelude::*;

/// The firehose view's host.
#[component]
pub fn FirehoseHost(props: &HostProps) -> Html {
    let store = &props.store;
    html! { <FirehoseView lang={store.lang} /> }
}
