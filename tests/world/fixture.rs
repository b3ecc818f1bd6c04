//! Every preset at seed 7, run for 30 minutes of virtual time, gives exactly the report pinned in
//! `tests/fixtures/preset-digests.json` (the determinism digest and every tally). The fixture was
//! taken before the #13 renovation moved the code around; a change to it must be deliberate.

use crate::helpers::run_preset;
use kinesis_playground::world::presets::Preset;

const FIXTURE: &str = include_str!("../fixtures/preset-digests.json");

#[test]
fn every_preset_matches_its_pinned_report() {
    let fixture: serde_json::Value = serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("fixture: {e}"));
    let seed = fixture["seed"].as_u64().unwrap_or_else(|| panic!("fixture without seed"));
    let minutes = fixture["duration_ms"].as_u64().unwrap_or_else(|| panic!("fixture without duration")) / 60_000;
    let pinned = fixture["presets"].as_object().unwrap_or_else(|| panic!("fixture without presets"));
    assert_eq!(pinned.len(), Preset::ALL.len(), "the fixture pins every preset");
    let mut changed = Vec::new();
    for preset in Preset::ALL {
        let name = preset.slug();
        let world = run_preset(preset, seed, minutes);
        let report = serde_json::to_value(world.report()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let Some(expected) = pinned.get(name) else { panic!("the fixture lacks preset {name}") };
        if &report != expected {
            changed.push(format!("{name} (seed {seed}): expected {expected}\n  got {report}"));
        }
    }
    assert!(changed.is_empty(), "reports differ from the pinned fixture:\n{}", changed.join("\n"));
}
