//! The accept loop, timeouts and routing.
//!
//! One port serves HTTP/1.1 and HTTP/2 with prior knowledge (h2c), which the JS SDK v3's
//! `NodeHttp2Handler` uses (hyper-util's `auto` server tells them apart by the preface).
//! Routes: `POST` (any path: "AWS doesn't seem to care about the HTTP path", kinesalite) is the
//! Kinesis API; `GET /live/log` and `/live/status` the live protocol; other `GET`/`HEAD`s serve
//! the built web app from `--dist`; anything else is AWS's `AccessDeniedException`.
//!
//! Slow or abandoned clients cannot hold the server: request headers must arrive within
//! [`HEADER_TIMEOUT`], a body within [`BODY_TIMEOUT`], and at most [`MAX_CONNECTIONS`] are served
//! at once (further ones wait in the accept queue).

use crate::endpoint::eventstream::{self, Payload};
use crate::endpoint::hub::Hub;
use crate::endpoint::live;
use crate::endpoint::protocol::{
    api_error, bare, check_auth, encoded, error_with_message, full, parse_target, response, xml_error, Body, Protocol,
    RequestIds, MAX_BODY_BYTES, NO_OUTPUT, SERVICE,
};
use crate::engine::api::OPERATIONS;
use crate::engine::state::subscription::SubscriptionEnd;
use crate::engine::ErrorType;
use bytes::Bytes;
use http_body_util::channel::Channel;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::service::service_fn;
use hyper::{Method, Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use serde_json::{json, Value};
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Time a client has to send a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a client has to send a request's body.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 1024;
/// How often a SubscribeToShard stream looks for new events (wall time).
const SUBSCRIPTION_POLL: Duration = Duration::from_millis(50);

/// What every request handler shares.
pub struct Shared {
    /// The engine and its log.
    pub hub: Arc<Hub>,
    /// Request ids.
    pub ids: RequestIds,
    /// The built web app.
    pub dist: PathBuf,
}

/// Serves connections from `listener` until the task is dropped.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = permits.clone().acquire_owned().await else { return };
        let (stream, _) = match listener.accept().await {
            Ok(s) => s,
            Err(_) => {
                // Out of file descriptors and the like: wait a little rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let shared = shared.clone();
        tokio::spawn(async move {
            // A connection that never sends a byte would wait in the HTTP/1-or-2 detection with
            // no timeout; give it the header timeout to start.
            let mut first = [0u8; 1];
            if !matches!(tokio::time::timeout(HEADER_TIMEOUT, stream.peek(&mut first)).await, Ok(Ok(1..))) {
                drop(permit);
                return;
            }
            let mut builder = auto::Builder::new(TokioExecutor::new());
            builder.http1().timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT).keep_alive(true);
            builder.http2().timer(TokioTimer::new()).keep_alive_interval(Duration::from_secs(20));
            let service = service_fn(move |req| {
                let shared = shared.clone();
                async move { Ok::<_, Infallible>(route(shared, req).await) }
            });
            let _ = builder.serve_connection(TokioIo::new(stream), service).await;
            drop(permit);
        });
    }
}

async fn route(shared: Arc<Shared>, req: Request<Incoming>) -> Response<Body> {
    let path = req.uri().path();
    if req.method() == Method::GET && path == "/live/log" {
        let after = live::resume_after(req.headers(), req.uri().query());
        return live::log(shared.hub.clone(), after);
    }
    if req.method() == Method::GET && path == "/live/status" {
        return live::status(&shared.hub);
    }
    if (req.method() == Method::GET || req.method() == Method::HEAD) && req.headers().get("x-amz-target").is_none() {
        return static_file(&shared, req).await;
    }
    api(&shared, req).await
}

async fn static_file(shared: &Shared, req: Request<Incoming>) -> Response<Body> {
    let mut serve = tower_http::services::ServeDir::new(&shared.dist).append_index_html_on_directories(true);
    match serve.try_call(req).await {
        Ok(r) if r.status() != hyper::StatusCode::NOT_FOUND || shared.dist.join("index.html").exists() => {
            r.map(|b| b.map_err(std::io::Error::other).boxed_unsync())
        }
        Ok(_) | Err(_) => response(
            404,
            Some("text/plain; charset=utf-8"),
            format!(
                "Not found. The web app is served from {} (build it with `make build`); the Kinesis API is POST /.\n",
                shared.dist.display()
            ),
        ),
    }
}

fn with_ids(mut r: Response<Body>, ids: &(String, String), origin: bool) -> Response<Body> {
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&ids.0) {
        h.insert("x-amzn-RequestId", v);
    }
    if let Ok(v) = HeaderValue::from_str(&ids.1) {
        h.insert("x-amz-id-2", v);
    }
    if origin {
        h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
        h.insert(
            "access-control-expose-headers",
            HeaderValue::from_static(
                "x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date",
            ),
        );
    }
    r
}

async fn api(shared: &Shared, req: Request<Incoming>) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = match tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, MAX_BODY_BYTES).collect()).await {
        Ok(Ok(b)) => b.to_bytes(),
        Ok(Err(e)) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => {
            return response(413, None, Bytes::new());
        }
        // A broken or timed-out upload: the client is gone or too slow; answer 408 and close.
        Ok(Err(_)) | Err(_) => return response(408, None, Bytes::new()),
    };
    let ids = shared.ids.next();
    let origin = parts.headers.contains_key("origin");
    if origin && parts.method == Method::OPTIONS {
        let mut r = response(200, None, Bytes::new());
        let h = r.headers_mut();
        h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
        if let Some(v) = parts.headers.get("access-control-request-headers") {
            h.insert("access-control-allow-headers", v.clone());
        }
        if let Some(v) = parts.headers.get("access-control-request-method") {
            h.insert("access-control-allow-methods", v.clone());
        }
        h.insert("access-control-max-age", HeaderValue::from_static("172800"));
        if let Ok(v) = HeaderValue::from_str(&ids.0) {
            h.insert("x-amzn-RequestId", v);
        }
        return r;
    }
    let r = api_answer(shared, &parts, &body).await;
    with_ids(r, &ids, origin)
}

async fn api_answer(shared: &Shared, parts: &hyper::http::request::Parts, body: &[u8]) -> Response<Body> {
    if parts.method != Method::POST {
        return xml_error(
            "AccessDeniedException",
            Some("Unable to determine service/operation name to be authorized"),
            403,
        );
    }
    let content_type = parts.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let protocol = Protocol::of(content_type);
    let target = parts.headers.get("x-amz-target").and_then(|v| v.to_str().ok());
    let (service, operation) = parse_target(target);
    let service_valid = service == Some(SERVICE);
    let operation = operation.filter(|op| OPERATIONS.contains(op));
    if body.is_empty() {
        let p = if protocol == Some(Protocol::Json) { Protocol::Json } else { Protocol::Cbor };
        let t = if service_valid && operation.is_some() {
            ErrorType::SerializationException
        } else {
            ErrorType::UnknownOperationException
        };
        return bare(p, t);
    }
    let Some(protocol) = protocol else {
        if service.is_none() || parse_target(target).1.is_none() {
            return xml_error(
                "AccessDeniedException",
                Some("Unable to determine service/operation name to be authorized"),
                403,
            );
        }
        return xml_error("UnknownOperationException", None, 404);
    };
    let Some(request) = protocol.decode(body) else {
        if protocol == Protocol::PlainJson {
            return encoded(
                protocol,
                400,
                &json!({"Output": {"__type": "com.amazon.coral.service#SerializationException"}, "Version": "1.0"}),
            );
        }
        return bare(protocol, ErrorType::SerializationException);
    };
    if protocol == Protocol::PlainJson {
        return encoded(
            protocol,
            404,
            &json!({"Output": {"__type": "com.amazon.coral.service#UnknownOperationException"}, "Version": "1.0"}),
        );
    }
    let (true, Some(op)) = (service_valid, operation) else {
        return bare(protocol, ErrorType::UnknownOperationException);
    };
    if let Some((t, msg)) = check_auth(&parts.headers, parts.uri.query()) {
        return error_with_message(Some(protocol), t, &msg);
    }
    if op == "SubscribeToShard" {
        return subscribe(shared, protocol, &request);
    }
    match shared.hub.call(op, &request) {
        // No output shape: 200 with an empty body (kinesalite suite: "should create a basic
        // 3-shard stream" and every `res.body.should.equal('')`).
        Ok(_) if NO_OUTPUT.contains(&op) => response(200, Some(protocol.content_type()), Bytes::new()),
        Ok(v) => encoded(protocol, 200, &v),
        Err(e) => api_error(protocol, &e),
    }
}

/// SubscribeToShard as an event stream (see `eventstream.rs`): the engine's pushes are sent as
/// they happen on the virtual clock, until the subscription ends (5 minutes of virtual time,
/// the shard's end, a takeover) or the client goes away.
fn subscribe(shared: &Shared, protocol: Protocol, request: &Value) -> Response<Body> {
    let (out, first) = match shared.hub.subscribe(request) {
        Ok(x) => x,
        Err(e) => return api_error(protocol, &e),
    };
    let encoding = if protocol == Protocol::Cbor { Payload::Cbor } else { Payload::Json };
    let (mut tx, body) = Channel::<Bytes, std::io::Error>::new(16);
    let hub = shared.hub.clone();
    tokio::spawn(async move {
        if tx.send_data(eventstream::initial_response(encoding)).await.is_err() {
            return;
        }
        let mut pending = first;
        loop {
            for (_, event) in pending.drain(..) {
                let payload = serde_json::to_value(&event).unwrap_or_default();
                if tx.send_data(eventstream::event("SubscribeToShardEvent", &payload, encoding)).await.is_err() {
                    return;
                }
            }
            tokio::time::sleep(SUBSCRIPTION_POLL).await;
            // An empty chunk never reaches the wire (hyper discards it) but fails once the
            // client has gone, so an abandoned stream stops here rather than at its 5 minutes.
            if tx.send_data(Bytes::new()).await.is_err() {
                return;
            }
            let (events, ended) = hub.poll_subscription(out.subscription);
            pending = events;
            if let Some(why) = ended {
                for (_, event) in pending.drain(..) {
                    let payload = serde_json::to_value(&event).unwrap_or_default();
                    if tx.send_data(eventstream::event("SubscribeToShardEvent", &payload, encoding)).await.is_err() {
                        return;
                    }
                }
                let error = match why {
                    SubscriptionEnd::Expired | SubscriptionEnd::ShardEnd => None,
                    // Our wording: AWS ends a taken-over subscription with ResourceInUseException
                    // and a vanished consumer or stream with ResourceNotFoundException.
                    SubscriptionEnd::TakenOver => {
                        Some(("ResourceInUseException", "Another subscription took over this shard."))
                    }
                    SubscriptionEnd::ConsumerDeleted => {
                        Some(("ResourceNotFoundException", "The consumer was deregistered."))
                    }
                    SubscriptionEnd::StreamDeleted => Some(("ResourceNotFoundException", "The stream was deleted.")),
                    SubscriptionEnd::ShardExpired => Some(("ResourceNotFoundException", "The shard expired.")),
                };
                if let Some((t, m)) = error {
                    let body = json!({ "__type": t, "message": m });
                    let _ = tx.send_data(eventstream::exception(t, &body, encoding)).await;
                }
                return;
            }
        }
    });
    let mut r = Response::new(body.boxed_unsync());
    r.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(eventstream::CONTENT_TYPE));
    r
}

/// An empty body (for handlers that need one).
pub fn empty() -> Body {
    full(Bytes::new())
}
