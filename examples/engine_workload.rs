//! The PutRecord workload of `benches/engine.rs` (`benches/workload/mod.rs`), timed by the
//! same code natively and in the browser: `make bench-wasm` runs both and prints them side by
//! side (`benches/wasm.mjs`).
//!
//! ```text
//! cargo run --release --example engine_workload                  # one JSON line per workload
//! cargo run --release --example engine_workload -- --profile put_record_steady 3
//! ```
//!
//! `--profile <workload> [batches]` runs one workload untimed, for
//! `valgrind --tool=callgrind` (benches/README.md has the breakdown it gives). Built for
//! wasm32 and passed through wasm-bindgen, `main` runs when the page loads it and logs the
//! same JSON lines to the console, timed with `performance.now()`.

#[path = "../benches/workload/mod.rs"]
mod workload;

/// Warm-up batches before the timed ones.
const WARMUP: usize = 2;
/// Timed batches per workload (the figure is their median).
const SAMPLES: usize = 9;

fn json_line(f: &workload::Figure, target: &str) -> String {
    format!(
        "{{\"workload\":\"{}\",\"target\":\"{target}\",\"records_per_s\":{:.0},\"samples\":{}}}",
        f.name, f.records_per_s, f.samples
    )
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::print_stdout, clippy::print_stderr)] // a command-line runner
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(ix) = args.iter().position(|a| a == "--profile") {
        let name = args.get(ix + 1).map(String::as_str).unwrap_or("");
        let batches = args.get(ix + 2).and_then(|b| b.parse().ok()).unwrap_or(1);
        if !workload::profile(name, batches) {
            eprintln!("engine_workload: --profile takes one of {:?}", workload::WORKLOADS);
            return std::process::ExitCode::FAILURE;
        }
        return std::process::ExitCode::SUCCESS;
    }
    #[allow(clippy::disallowed_methods)] // wall time is what a benchmark measures
    let start = std::time::Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    for f in workload::measure(&clock, WARMUP, SAMPLES) {
        println!("{}", json_line(&f, "native"));
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.now()`: milliseconds, sub-millisecond resolution.
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        pub fn performance_now() -> f64;
        /// `console.log`.
        #[wasm_bindgen(js_namespace = console, js_name = log)]
        pub fn console_log(s: &str);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    let clock = || browser::performance_now();
    for f in workload::measure(&clock, WARMUP, SAMPLES) {
        browser::console_log(&json_line(&f, "wasm"));
    }
    browser::console_log("engine_workload: done");
}
