//! The local Kinesis endpoint: real AWS clients (the AWS CLI, boto3, the JS SDK v3, the Java
//! SDK's CBOR) talk to one [`Engine`](crate::engine::Engine) on the wall clock, and the browser's
//! live window replays its command log.
//!
//! ```text
//!   client ──HTTP/1.1 or h2c──► server ──► protocol (JSON 1.1 / CBOR 1.1, errors)
//!                                              │
//!                                              ▼
//!   clock (wall × speed) ──────────────────► hub: engine + command log ──► state file
//!                                              │                 └──► live: /live/log (SSE)
//!                                              └──► eventstream (SubscribeToShard)
//! ```
//!
//! Lifecycle: 1. [`Hub::open`] builds the engine (replaying `--state`); 2. [`start`] binds and
//! spawns the accept loop and the 250 ms ticker, which steps the engine so streams turn ACTIVE
//! with no request; 3. each request that reaches the engine is logged, then answered.
//!
//! Native only (tokio); the browser build never compiles it. Signatures are not checked.

pub mod cbor;
pub mod clock;
pub mod eventstream;
pub mod hub;
pub mod live;
pub mod protocol;
pub mod server;
pub mod state;

use crate::engine::time::SimTime;
use crate::engine::EngineConfig;
pub use hub::Hub;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;

/// Wall-time period of the live ticks.
pub const TICK: Duration = Duration::from_millis(250);

/// How the endpoint is started (the binary's flags).
#[derive(Clone, Debug)]
pub struct Options {
    /// Address to bind (loopback by default: the endpoint checks no signature).
    pub host: String,
    /// Port (0 picks a free one).
    pub port: u16,
    /// Virtual ms per wall ms.
    pub speed: f64,
    /// The command log on disk, reloaded on start.
    pub state: Option<PathBuf>,
    /// The built web app.
    pub dist: PathBuf,
    /// `--no-limits`: per-shard throughput limits off.
    pub no_limits: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 4567,
            speed: 1.0,
            state: None,
            dist: PathBuf::from("dist"),
            no_limits: false,
        }
    }
}

/// A running endpoint.
pub struct Running {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its engine and log.
    pub hub: Arc<Hub>,
    /// Lines of the state file that were dropped on load.
    pub dropped: Vec<String>,
    server: JoinHandle<()>,
    ticker: JoinHandle<()>,
}

impl Running {
    /// Stops accepting and ticking (open connections end with their tasks).
    pub fn stop(&self) {
        self.server.abort();
        self.ticker.abort();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Binds, then serves in the background on the current tokio runtime.
pub async fn start(options: &Options) -> io::Result<Running> {
    // A fresh endpoint starts its virtual clock at today's wall time (a --state file keeps the
    // start it was created with).
    let config = EngineConfig {
        limits_enabled: !options.no_limits,
        start: SimTime(clock::Clock::wall_epoch_ms()),
        ..EngineConfig::default()
    };
    let (hub, dropped) = Hub::open(config, options.speed, options.state.as_deref())?;
    let hub = Arc::new(hub);
    let listener = tokio::net::TcpListener::bind((options.host.as_str(), options.port)).await?;
    let addr = listener.local_addr()?;
    let shared = Arc::new(server::Shared { hub: hub.clone(), ids: Default::default(), dist: options.dist.clone() });
    let server = tokio::spawn(server::serve(listener, shared));
    let ticker_hub = hub.clone();
    let ticker = tokio::spawn(async move {
        let mut every = tokio::time::interval(TICK);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            every.tick().await;
            ticker_hub.tick();
        }
    });
    Ok(Running { addr, hub, dropped, server, ticker })
}
