#![allow(clippy::print_stdout)]
//! The engine is pure (STYLE rule 1): `src/engine/` never touches the web stack, a wall clock,
//! unordered hash collections or `unwrap`. This test reads the sources and fails on any of them.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[(&str, &str)] = &[
    ("yew", "the engine must not depend on the UI framework"),
    ("web_sys", "the engine must not touch the browser"),
    ("js_sys", "the engine must not touch JavaScript"),
    ("gloo", "the engine must not touch the browser"),
    ("wasm_bindgen", "the engine must compile the same natively and for wasm32"),
    ("Html", "the engine never returns markup"),
    ("HashMap", "iteration order must be deterministic: use BTreeMap"),
    ("HashSet", "iteration order must be deterministic: use BTreeSet"),
    ("Instant::now", "time is virtual (SimTime)"),
    ("SystemTime", "time is virtual (SimTime)"),
    ("thread_rng", "randomness must be seeded"),
    ("SmallRng", "its algorithm differs between 32- and 64-bit targets"),
    (".unwrap()", "use typed errors and let-else"),
    (".expect(", "use typed errors and let-else"),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Source text without `#[cfg(test)]` modules (tests may assert with panics).
fn production_part(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

#[test]
fn engine_is_pure() {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine")), &mut files);
    files.sort();
    assert!(files.len() >= 10, "engine sources not found");
    let mut violations = Vec::new();
    for file in &files {
        let Ok(text) = fs::read_to_string(file) else { continue };
        for (line_no, line) in production_part(&text).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (word, why) in FORBIDDEN {
                if code.contains(word) {
                    violations.push(format!("{}:{}: `{word}`: {why}", file.display(), line_no + 1));
                }
            }
        }
    }
    println!("architecture: {} engine files checked, {} violations", files.len(), violations.len());
    assert!(violations.is_empty(), "engine purity violations:\n{}", violations.join("\n"));
}

#[test]
fn every_engine_file_starts_with_a_module_doc() {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine")), &mut files);
    let missing: Vec<String> = files
        .iter()
        .filter(|f| fs::read_to_string(f).map(|t| !t.trim_start().starts_with("//!")).unwrap_or(true))
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "engine files without a //! doc: {missing:?}");
}
