#![allow(clippy::print_stdout)] // the figures are the point of this test
//! What a rewind checkpoint costs in memory, per preset: the resident set grows by about this
//! much for each clone of the simulation the timeline keeps (`src/ui/timeline.rs`), against the
//! bytes the record stores hold. The record stores' full chunks are shared (`Arc`), so a
//! checkpoint costs the world's metadata and open chunks, not its records.
//!
//! Alone in its binary, so that no other test allocates while it measures. Linux only (it reads
//! `/proc/self/statm`); an estimate: the allocator may reuse memory freed earlier, so the
//! figure is a lower bound on what was copied, printed with `-- --nocapture`.

use kinesis_playground::ui::sim::{Settings, Sim};
use kinesis_playground::ui::timeline::MAX_CHECKPOINTS;
use kinesis_playground::world::presets::Preset;

/// Resident bytes of this process, if the system says.
fn resident() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[test]
fn a_checkpoint_costs_far_less_than_the_records_it_can_rewind_over() {
    if resident().is_none() {
        println!("timeline memory: no /proc/self/statm here, nothing measured");
        return;
    }
    for preset in Preset::ALL {
        let mut sim =
            Sim::new(Settings { scenario: preset, ..Settings::default() }).unwrap_or_else(|e| panic!("{e:?}"));
        // Ten minutes: the record stores already hold many packed chunks (a few seconds here).
        sim.sleep(10 * 60_000);
        let retained = sim.retained_bytes();
        let before = resident().unwrap_or(0);
        let copies: Vec<Sim> = (0..MAX_CHECKPOINTS).map(|_| sim.clone()).collect();
        let after = resident().unwrap_or(0);
        let per = after.saturating_sub(before) / MAX_CHECKPOINTS as u64;
        println!(
            "timeline memory: {:<14} ≈{:>9} bytes per checkpoint ({} at most: ≈{} MB), record stores {:>10} bytes",
            preset.slug(),
            per,
            MAX_CHECKPOINTS,
            per * MAX_CHECKPOINTS as u64 / 1_000_000,
            retained
        );
        assert!(copies.iter().all(|c| c.digest() == sim.digest()));
        // e-commerce's pipelines (master dataset, serving tables) are copied whole: ≈4 MB.
        assert!(per < 8_000_000, "{}: {per} bytes per checkpoint", preset.slug());
    }
}
