//! Shared helpers for the world tests.

use kinesis_playground::engine::time::MINUTE_MS;
use kinesis_playground::world::scenario::{preset, Scenario};
use kinesis_playground::world::World;

/// The preset `name` with `seed`, built and run for `minutes` of virtual time.
pub fn run_preset(name: &str, seed: u64, minutes: u64) -> World {
    let scenario = preset(name, seed).unwrap_or_else(|e| panic!("preset {name}: {e}"));
    run(scenario, minutes)
}

/// Builds `scenario` and runs it for `minutes`.
pub fn run(scenario: Scenario, minutes: u64) -> World {
    let name = scenario.name.clone();
    let seed = scenario.seed;
    let mut w = World::new(scenario).unwrap_or_else(|e| panic!("{name} seed {seed}: {e}"));
    w.advance_by(minutes * MINUTE_MS);
    w
}
