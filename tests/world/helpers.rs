//! Shared helpers for the world tests.

use kinesis_playground::engine::time::MINUTE_MS;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::scenario::Scenario;
use kinesis_playground::world::World;

/// `preset` with `seed`, built and run for `minutes` of virtual time.
pub fn run_preset(preset: Preset, seed: u64, minutes: u64) -> World {
    run(preset.scenario(seed), minutes)
}

/// Builds `scenario` and runs it for `minutes`.
pub fn run(scenario: Scenario, minutes: u64) -> World {
    let name = scenario.name.clone();
    let seed = scenario.seed;
    let mut w = World::new(scenario).unwrap_or_else(|e| panic!("{name} seed {seed}: {e}"));
    w.advance_by(minutes * MINUTE_MS);
    w
}
