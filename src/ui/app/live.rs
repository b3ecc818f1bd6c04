//! The live window's browser side (wasm32): the EventSource on the endpoint's command log,
//! owned by a hook (dropping it closes the connection), and the banner with the "En directo /
//! Live" badge, the connection state, the calls received and both digests side by side.
//!
//! The browser's EventSource reconnects by itself and sends `Last-Event-ID`, so the server
//! resends only the calls after the last one received; a reload starts from call 0 and
//! replays the whole log. What the events do to the world is `ui::live` (pure).

use super::store::{Action, Store};
use crate::i18n::live::{Msg, Text};
use crate::i18n::{Message, Phrase};
use crate::ui::format::{duration, DurationStyle};
use crate::ui::live::{Connection, LiveEvent};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Opens `url` (the log) as an EventSource while `key` stays the same, and dispatches its
/// events; `None`: nothing open.
#[hook]
pub fn use_live_log(key: Option<(String, u64)>, url: String, dispatch: UseReducerDispatcher<Store>) {
    use_effect_with(key, move |key| {
        let source = key.as_ref().and_then(|_| web_sys::EventSource::new(&url).ok());
        let mut listeners = Vec::new();
        if let Some(es) = &source {
            for kind in ["config", "call", "tick"] {
                let d = dispatch.clone();
                listeners.push(EventListener::new(es, kind, move |e| {
                    let Some(m) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
                    let data = m.data().as_string().unwrap_or_default();
                    match LiveEvent::parse(kind, &m.last_event_id(), &data) {
                        Ok(ev) => d.dispatch(Action::Live(ev)),
                        Err(_) => d.dispatch(Action::LiveRejected),
                    }
                }));
            }
            let d = dispatch.clone();
            listeners
                .push(EventListener::new(es, "open", move |_| d.dispatch(Action::LiveConnection(Connection::Live))));
            let d = dispatch.clone();
            let es2 = es.clone();
            listeners.push(EventListener::new(es, "error", move |_| {
                // CONNECTING: the browser tries again by itself; CLOSED: it gave up.
                let state = if es2.ready_state() == web_sys::EventSource::CLOSED {
                    Connection::Disconnected
                } else {
                    Connection::Reconnecting
                };
                d.dispatch(Action::LiveConnection(state));
            }));
        }
        move || {
            drop(listeners);
            if let Some(es) = source {
                es.close();
            }
        }
    });
}

/// The live window's banner: badge and connection, calls received, the digests, one sentence
/// on what live mode is.
///
/// A function, not a component: it reads the store, which changes every frame the clock runs,
/// so a component boundary would re-render it every frame all the same.
pub fn live_banner(store: &UseReducerHandle<Store>) -> Html {
    let lang = store.lang;
    let Some(live) = &store.live else { return html! {} };
    let feed = live.borrow();
    let (state, state_text) = match feed.connection {
        Connection::Connecting => ("connecting", Text::Connecting),
        Connection::Live => ("live", Text::Connected),
        Connection::Reconnecting => ("reconnecting", Text::Reconnecting),
        Connection::Disconnected => ("disconnected", Text::Disconnected),
    };
    let ours = store.sim.borrow().engine_digest();
    let (server, verdict, agrees) = match &feed.check {
        Some(c) => {
            let at = duration(c.tick.at_ms, DurationStyle::Precise, lang);
            let calls = c.tick.calls;
            let m = if c.agrees() { Msg::Agree { calls, at } } else { Msg::Differ { calls, at } };
            (c.tick.digest.clone(), m.text(lang), Some(c.agrees()))
        }
        None => (
            feed.server.as_ref().map_or_else(|| "—".to_string(), |t| t.digest.clone()),
            Text::NotCompared.text(lang).to_string(),
            None,
        ),
    };
    // Ours as compared (at the tick), else as it is now.
    let ours = feed.check.as_ref().map_or(ours, |c| c.ours.clone());
    let reconnect = {
        let d = store.dispatcher();
        Callback::from(move |_| d.dispatch(Action::LiveReconnect))
    };
    html! {
        <section class="live-banner" data-testid="live-banner" aria-label={Text::Region.text(lang)}>
            <div class="live-row">
                <span class={classes!("live-badge", state)} data-testid="live-badge" data-state={state}>
                    <span class="live-dot" aria-hidden="true">{ "●" }</span>
                    <strong>{ Text::Live.text(lang) }</strong>{ " · " }
                    <span role="status" data-testid="live-state">{ state_text.text(lang) }</span>
                </span>
                <span class="live-calls" data-testid="live-calls" data-n={feed.received.to_string()} data-applied={feed.applied.to_string()}>{ Msg::Calls { n: feed.received }.text(lang) }</span>
                if feed.connection == Connection::Disconnected {
                    <button type="button" class="ghost" data-testid="live-reconnect" onclick={reconnect}>{ Text::Reconnect.text(lang) }</button>
                }
            </div>
            <div class={classes!("live-digests", agrees.map(|a| if a { "agree" } else { "differ" }))}>
                <span>{ Text::ServerDigest.text(lang) }{ " " }<code data-testid="live-server-digest">{ server }</code></span>
                <span>{ Text::OurDigest.text(lang) }{ " " }<code data-testid="live-our-digest">{ ours }</code></span>
                <span class="live-verdict" data-testid="live-check" data-agrees={agrees.map(|a| a.to_string())}
                      data-calls={feed.check.as_ref().map(|c| c.tick.calls.to_string())}
                      role={if agrees == Some(false) { "alert" } else { "status" }}>{ verdict }</span>
            </div>
            <p class="help live-explain">{ Text::Explain.text(lang) }</p>
        </section>
    }
}
