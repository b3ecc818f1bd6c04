//! `endpoint`: the local Kinesis endpoint (see `src/endpoint/`).
//!
//! ```text
//! cargo run --release --bin endpoint -- --host 127.0.0.1 --port 4567 --speed 1 --state FILE --dist dist --no-limits
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    native::main().await
}

/// The server: native only (the browser build has no sockets).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use kinesis_playground::endpoint::{start, Options};
    use std::path::PathBuf;
    use std::process::ExitCode;

    const HELP: &str = "\
endpoint: a local Amazon Kinesis Data Streams endpoint over the playground's engine.

Real clients (AWS CLI, boto3, JS SDK v3, Java SDK CBOR) talk to it with --endpoint-url;
the browser at http://HOST:PORT/?live=1#/flow draws their traffic live.

Usage: endpoint [--host ADDR] [--port N] [--speed X] [--state FILE] [--dist DIR] [--no-limits]

  --host ADDR    address to bind (default 127.0.0.1; request signatures are NOT checked,
                 so keep it on loopback)
  --port N       port (default 4567; 0 picks a free one)
  --speed X      virtual seconds per wall second (default 1)
  --state FILE   keep the command log in FILE and replay it on start (restarts lose nothing
                 acknowledged)
  --dist DIR     the built web app to serve (default dist/; `make build` writes it)
  --no-limits    turn the per-shard throughput limits off
  -h, --help     this text
";

    fn parse() -> Result<Option<Options>, lexopt::Error> {
        use lexopt::prelude::*;
        let mut o = Options::default();
        let mut args = lexopt::Parser::from_env();
        while let Some(arg) = args.next()? {
            match arg {
                Long("host") => o.host = args.value()?.string()?,
                Long("port") => o.port = args.value()?.parse()?,
                Long("speed") => {
                    let s: f64 = args.value()?.parse()?;
                    if !(s.is_finite() && s > 0.0) {
                        return Err("--speed must be a positive number".into());
                    }
                    o.speed = s;
                }
                Long("state") => o.state = Some(PathBuf::from(args.value()?)),
                Long("dist") => o.dist = PathBuf::from(args.value()?),
                Long("no-limits") => o.no_limits = true,
                Short('h') | Long("help") => return Ok(None),
                _ => return Err(arg.unexpected()),
            }
        }
        Ok(Some(o))
    }

    pub async fn main() -> ExitCode {
        let options = match parse() {
            Ok(Some(o)) => o,
            Ok(None) => {
                eprint!("{HELP}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("endpoint: {e}\n\n{HELP}");
                return ExitCode::from(2);
            }
        };
        let running = match start(&options).await {
            Ok(r) => r,
            Err(e) => {
                eprintln!("endpoint: cannot start on {}:{}: {e}", options.host, options.port);
                return ExitCode::FAILURE;
            }
        };
        for d in &running.dropped {
            eprintln!("endpoint: state file: dropped {d}");
        }
        let a = running.addr;
        eprintln!("Kinesis endpoint on http://{a} (signatures are not checked)");
        eprintln!("  aws kinesis list-streams --endpoint-url http://{a}");
        eprintln!("Live window: http://{a}/?live=1#/flow");
        if let Some(s) = &options.state {
            eprintln!("State file: {} ({} calls replayed)", s.display(), running.hub.calls());
        }
        let _ = tokio::signal::ctrl_c().await;
        ExitCode::SUCCESS
    }
}
