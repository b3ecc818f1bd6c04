//! The live protocol the browser's live window reads (server-sent events, `text/event-stream`).
//!
//! - `GET /live/log`: first `event: config` (`{"config", "speed", "calls"}`), then every logged
//!   call with id > N (`Last-Event-ID` header, else `?after=N`, else 0) as `event: call`,
//!   `id: <n>`, `data: <replay line>`; then each new call as it is logged, and every 250 ms an
//!   `event: tick` with `{"at_ms", "calls", "digest"}`.
//! - `GET /live/status`: the tick's JSON.
//!
//! A reader too slow for the broadcast (it lagged) is caught up from the log itself, so it
//! never misses a call.

use crate::endpoint::hub::{Hub, Live};
use crate::endpoint::protocol::{response, Body};
use bytes::Bytes;
use http_body_util::channel::Channel;
use http_body_util::BodyExt;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{HeaderMap, Response};
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

/// `GET /live/status`.
pub fn status(hub: &Hub) -> Response<Body> {
    response(200, Some("application/json"), hub.status().to_string())
}

/// The id to resume after: `Last-Event-ID`, else `?after=N`, else 0.
pub fn resume_after(headers: &HeaderMap, query: Option<&str>) -> u64 {
    if let Some(n) = headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(|s| s.trim().parse().ok()) {
        return n;
    }
    query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|p| p.strip_prefix("after=").and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn call_event(id: u64, line: &str) -> Bytes {
    Bytes::from(format!("event: call\nid: {id}\ndata: {line}\n\n"))
}

/// `GET /live/log`.
pub fn log(hub: Arc<Hub>, after: u64) -> Response<Body> {
    let (mut tx, body) = Channel::<Bytes, std::io::Error>::new(64);
    tokio::spawn(async move {
        let (backlog, calls, mut rx) = hub.follow(after);
        let config = serde_json::json!({ "config": hub.config(), "speed": hub.speed(), "calls": calls });
        if tx.send_data(Bytes::from(format!("event: config\ndata: {config}\n\n"))).await.is_err() {
            return;
        }
        let mut last = after;
        for (id, line) in backlog {
            if tx.send_data(call_event(id, &line)).await.is_err() {
                return;
            }
            last = id;
        }
        loop {
            let chunk = match rx.recv().await {
                Ok(Live::Call(id, line)) if id > last => {
                    last = id;
                    call_event(id, &line)
                }
                Ok(Live::Call(..)) => continue,
                Ok(Live::Tick(status)) => Bytes::from(format!("event: tick\ndata: {status}\n\n")),
                Err(RecvError::Lagged(_)) => {
                    let mut out = String::new();
                    for (id, line) in hub.calls_after(last) {
                        out.push_str(&format!("event: call\nid: {id}\ndata: {line}\n\n"));
                        last = id;
                    }
                    Bytes::from(out)
                }
                Err(RecvError::Closed) => return,
            };
            if !chunk.is_empty() && tx.send_data(chunk).await.is_err() {
                return;
            }
        }
    });
    let mut r = Response::new(body.boxed_unsync());
    r.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    r.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}
