//! Runs a scenario headless, as fast as possible, for course authors and tests.
//!
//! ```text
//! cargo run --release --example simulate -- --scenario hot-key --seed 7 --duration 1h
//! cargo run --release --example simulate -- --scenario my-scenario.json --duration 90m
//! cargo run --release --example simulate -- --scenario activity-logs --print-scenario
//! ```
//!
//! `--scenario` is a preset name (activity-logs, clickstream, hot-key, slow-consumer, resharding,
//! fan-out, iot-sensors, e-commerce) or a path to a scenario JSON file. `--seed` overrides the scenario's
//! seed. `--duration` takes `90s`, `10m`, `1h`, `2d`, … of virtual time (default 1h).
//! `--every` sets the summary period (default 1m). `--quiet` prints only the final line.
//! `--memory` prints, before it, a line with the records retained and the bytes their stores
//! hold (the figures README's memory table gives).
//!
//! Output: one summary row per period (records in, throttled, per-shard load, consumer lag,
//! lost), then one JSON line with the totals and the determinism `digest`. The same inputs give
//! the same digest; different seeds give different ones.

use kinesis_playground::engine::time::MINUTE_MS;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::scenario::Scenario;
use kinesis_playground::world::World;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

struct Args {
    scenario: String,
    seed: Option<u64>,
    duration_ms: u64,
    every_ms: u64,
    quiet: bool,
    memory: bool,
    print_scenario: bool,
}

fn parse_duration(text: &str) -> Result<u64, String> {
    humantime::parse_duration(text)
        .map(|d| d.as_millis() as u64)
        .map_err(|e| format!("invalid duration '{text}': {e} (use e.g. 90s, 10m, 1h, 2d)"))
}

fn parse_args() -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut args = Args {
        scenario: "activity-logs".into(),
        seed: None,
        duration_ms: 60 * MINUTE_MS,
        every_ms: MINUTE_MS,
        quiet: false,
        memory: false,
        print_scenario: false,
    };
    let mut parser = lexopt::Parser::from_env();
    fn value(parser: &mut lexopt::Parser) -> Result<String, String> {
        parser.value().map_err(|e| e.to_string())?.into_string().map_err(|_| "argument is not UTF-8".to_string())
    }
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let key = match arg {
            Long(l) => l.to_string(),
            Short(c) => c.to_string(),
            Value(_) => return Err(arg.unexpected().to_string()),
        };
        match key.as_str() {
            "scenario" => args.scenario = value(&mut parser)?,
            "seed" => {
                let v = value(&mut parser)?;
                args.seed = Some(v.parse().map_err(|_| format!("invalid seed '{v}': expected 0..=18446744073709551615"))?);
            }
            "duration" => args.duration_ms = parse_duration(&value(&mut parser)?)?,
            "every" => args.every_ms = parse_duration(&value(&mut parser)?)?.max(1_000),
            "quiet" => args.quiet = true,
            "memory" => args.memory = true,
            "print-scenario" => args.print_scenario = true,
            "help" | "h" => {
                return Err("usage: simulate [--scenario NAME|FILE.json] [--seed N] [--duration 1h] [--every 1m] [--quiet] [--memory] [--print-scenario]".into())
            }
            other => return Err(format!("unknown option --{other}")),
        }
    }
    Ok(args)
}

fn load(args: &Args) -> Result<Scenario, String> {
    let mut s = if args.scenario.ends_with(".json") {
        let text = std::fs::read_to_string(&args.scenario).map_err(|e| format!("{}: {e}", args.scenario))?;
        Scenario::from_json(&text).map_err(|e| format!("{}: {e}", args.scenario))?
    } else {
        let Some(preset) = Preset::from_slug(&args.scenario) else {
            let presets = Preset::ALL.map(Preset::slug).join(", ");
            return Err(format!("unknown preset {}; presets: {presets}", args.scenario));
        };
        preset.scenario(1)
    };
    if let Some(seed) = args.seed {
        s.seed = seed;
    }
    Ok(s)
}

#[allow(clippy::print_stdout)]
fn run(args: &Args) -> Result<(), String> {
    let scenario = load(args)?;
    if args.print_scenario {
        println!("{}", scenario.to_json());
        return Ok(());
    }
    let mut world = World::new(scenario).map_err(|e| e.to_string())?;
    let out = std::io::stdout();
    let mut out = out.lock();
    if !args.quiet {
        let _ = writeln!(
            out,
            "{:>8} {:>10} {:>10} {:>9} {:>10} {:>8} {:>11}  shard load (records/s)",
            "time", "in", "throttled", "dropped", "max lag ms", "lost", "retained MB"
        );
    }
    let mut last_in = 0;
    let mut last_throttled = 0;
    let mut last_dropped = 0;
    let mut last_shard: BTreeMap<u32, u64> = BTreeMap::new();
    let mut elapsed = 0;
    while elapsed < args.duration_ms {
        let step = args.every_ms.min(args.duration_ms - elapsed);
        world.advance_by(step);
        elapsed += step;
        if args.quiet {
            continue;
        }
        let r = world.report();
        let stream = world.engine().stream(world.stream_name());
        let throttled: u64 = stream.map_or(0, |s| s.shards.iter().map(|sh| sh.counters.write_throttled).sum());
        let mut load = String::new();
        if let Some(s) = stream {
            for sh in &s.shards {
                if !sh.is_open() && !last_shard.contains_key(&sh.id.0) {
                    continue;
                }
                let total = sh.counters.incoming_records;
                let before = last_shard.insert(sh.id.0, total).unwrap_or(0);
                if sh.is_open() || total > before {
                    load.push_str(&format!(" {}:{}", sh.id.0, (total - before) * 1000 / step));
                }
            }
        }
        let lag = world.consumers().iter().map(|c| c.tally().millis_behind).max().unwrap_or(0);
        let lost: u64 = r.consumers.iter().map(|c| c.tally.lost + c.expired_unread).sum();
        let _ = writeln!(
            out,
            "{:>8} {:>10} {:>10} {:>9} {:>10} {:>8} {:>11.1} {load}",
            humantime::format_duration(std::time::Duration::from_secs(elapsed / 1000)).to_string(),
            r.accepted - last_in,
            throttled - last_throttled,
            r.dropped - last_dropped,
            lag,
            lost,
            stream.map_or(0, |s| s.retained().1) as f64 / 1e6
        );
        last_in = r.accepted;
        last_throttled = throttled;
        last_dropped = r.dropped;
    }
    if args.memory {
        let (records, bytes) =
            world.engine().streams().values().map(|s| s.retained()).fold((0, 0), |(n, b), (sn, sb)| (n + sn, b + sb));
        let per = if records == 0 { 0.0 } else { bytes as f64 / records as f64 };
        let _ = writeln!(
            out,
            "memory: {records} records retained, {:.1} MB in their stores ({per:.2} bytes each)",
            bytes as f64 / 1e6
        );
    }
    let r = world.report();
    let _ = writeln!(out, "{}", serde_json::to_string(&r).unwrap_or_default());
    Ok(())
}

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("simulate: {e}");
            ExitCode::from(2)
        }
    }
}
