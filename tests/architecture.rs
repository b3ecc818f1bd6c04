#![allow(clippy::print_stdout)]
//! Architecture checks, read from the sources (nothing of the app is built or run):
//!
//! 1. **The engine is pure** (STYLE rule 1): `src/engine/` never touches the web stack, a wall
//!    clock, unordered hash collections or `unwrap`, and every engine file starts with a `//!` doc.
//! 2. **No import circles between files of `src/`.** The test builds the file-level import graph
//!    and fails listing every circle (strongly connected component) as `a.rs → b.rs → a.rs`.
//! 3. **Layering:** each layer imports only the layers below it (see [`FORBIDDEN_IMPORTS`]):
//!    `src/engine` nothing from `world`, `ui`, `i18n`; `src/world` nothing from `ui`, `i18n`;
//!    `src/i18n` nothing from `ui`; `src/console` nothing from `ui` (and nothing below imports it); in `src/ui`, the read model nothing from `views` or `app`,
//!    and `views` nothing from `app`.
//! 4. **File size:** no production file in `src/` is over [`MAX_LINES`] lines (the lines before its
//!    first `#[cfg(test)]`), unless its `//!` header states why in a line containing `Size:`, e.g.
//!    `//! Size: AWS's error table as one match, so that a reader finds every message at once.`
//!
//! Each test prints a one-line summary, `architecture: N files, M import edges, …`.
//!
//! ## How the import graph is built
//!
//! Comments, strings and character literals are dropped first, then every `#[cfg(test)]` item
//! (test code may import freely; a `#[cfg(test)] mod x;` file is left out of the graph). An edge
//! `a.rs → b.rs` is any path from `a.rs` into module `b`:
//! - `use` and `pub use` declarations, grouped (`use crate::{a, b::c}`), renamed (`as`) or glob;
//! - paths in code without a `use`, such as `crate::engine::time::SimTime` or
//!   `super::stream::StreamStatus::Active`;
//! - paths starting with `crate::`, `super::` (also `super::super::`), `self::`, the crate's own
//!   name (from `main.rs`), or a child module the file declares (`use model::Layout;` in a
//!   `mod.rs`).
//!
//! A path maps to the deepest existing file: `crate::engine::time::SimTime` is
//! `src/engine/time.rs`, `crate::engine::Engine` is `src/engine/mod.rs`, an item of an inline
//! module is the file holding that module. A re-export is not followed: `crate::engine::Foo`
//! is an edge to `src/engine/mod.rs` even if that file only re-exports it. Declaring a child (`mod x;`, `pub mod x;`) is not an
//! edge, but a child using its parent's items (`use super::Foo` into `mod.rs`) is: if `mod.rs`
//! also uses that child, the two form a circle.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

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

/// The layer of a file: the longest folder prefix (under `src/`) that matches its path.
/// `ui` is the read model (`sim.rs`, `snapshot.rs`, `format.rs`, `route.rs`, `answers.rs`…),
/// under the views (`ui/views`), under the app that hosts them (`ui/app`).
const LAYERS: &[(&str, &str)] = &[
    ("engine/", "engine"),
    ("world/", "world"),
    ("i18n/", "i18n"),
    ("console/", "console"),
    ("ui/", "ui"),
    ("ui/views/", "ui/views"),
    ("ui/app/", "ui/app"),
];

/// Which layers each layer must not import from.
const FORBIDDEN_IMPORTS: &[(&str, &[&str])] = &[
    ("engine", &["world", "ui", "ui/views", "ui/app", "i18n", "console"]),
    ("world", &["ui", "ui/views", "ui/app", "i18n", "console"]),
    ("i18n", &["ui", "ui/views", "ui/app", "console"]),
    ("console", &["ui", "ui/views", "ui/app"]),
    ("ui", &["ui/views", "ui/app"]),
    ("ui/views", &["ui/app"]),
];

/// Lines a production file may have (before its first `#[cfg(test)]`) without a `Size:` reason.
const MAX_LINES: usize = 700;

/// The name the binary (`src/main.rs`) uses for the library.
const CRATE_NAME: &str = "kinesis_playground";

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
    rust_files(&src_dir().join("engine"), &mut files);
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
    rust_files(&src_dir().join("engine"), &mut files);
    let missing: Vec<String> = files
        .iter()
        .filter(|f| fs::read_to_string(f).map(|t| !t.trim_start().starts_with("//!")).unwrap_or(true))
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "engine files without a //! doc: {missing:?}");
}

#[test]
fn no_import_circles() {
    let graph = ImportGraph::of(&src_dir());
    assert!(graph.files.len() >= 20, "sources not found under {}", src_dir().display());
    let circles = graph.circles();
    println!(
        "architecture: {} files, {} import edges, {} circles",
        graph.files.len(),
        graph.edge_count(),
        circles.len()
    );
    let mut report = Vec::new();
    for (n, scc) in circles.iter().enumerate() {
        let members: Vec<&str> = scc.iter().map(|&f| graph.files[f].as_str()).collect();
        report.push(format!("circle {} ({} files: {}):", n + 1, scc.len(), members.join(", ")));
        for cycle in graph.cycles_covering(scc) {
            let names: Vec<&str> = cycle.iter().map(|&f| graph.files[f].as_str()).collect();
            let lines: Vec<String> =
                cycle.windows(2).map(|w| format!("{}:{}", graph.files[w[0]], graph.edges[&(w[0], w[1])])).collect();
            report.push(format!("  {}   [{}]", names.join(" → "), lines.join(", ")));
        }
    }
    assert!(
        circles.is_empty(),
        "import circles between files of src/ (paths under src/, [file:line of each import]):\n{}",
        report.join("\n")
    );
}

#[test]
fn layers_import_only_layers_below() {
    let graph = ImportGraph::of(&src_dir());
    assert!(graph.files.len() >= 20, "sources not found under {}", src_dir().display());
    let mut violations = Vec::new();
    for (&(from, to), line) in &graph.edges {
        let (Some(from_layer), Some(to_layer)) = (layer_of(&graph.files[from]), layer_of(&graph.files[to])) else {
            continue;
        };
        let forbidden = FORBIDDEN_IMPORTS.iter().find(|(layer, _)| *layer == from_layer).map_or(&[][..], |(_, f)| *f);
        if forbidden.contains(&to_layer) {
            violations
                .push(format!("{}:{line}: {from_layer} imports {} ({to_layer})", graph.files[from], graph.files[to]));
        }
    }
    println!(
        "architecture: {} files, {} import edges, {} layering violations",
        graph.files.len(),
        graph.edge_count(),
        violations.len()
    );
    assert!(violations.is_empty(), "imports against the layering (paths under src/):\n{}", violations.join("\n"));
}

#[test]
fn no_oversized_file_without_a_reason() {
    let root = src_dir();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(files.len() >= 20, "sources not found under {}", root.display());
    let mut oversized = Vec::new();
    for file in &files {
        let Ok(text) = fs::read_to_string(file) else { continue };
        let lines = production_part(&text).lines().count();
        let has_reason = text.lines().any(|l| l.trim_start().starts_with("//!") && l.contains("Size:"));
        if lines > MAX_LINES && !has_reason {
            oversized.push(format!("{}: {lines} lines", relative(&root, file)));
        }
    }
    println!(
        "architecture: {} files, {} over {MAX_LINES} lines without a `Size:` reason",
        files.len(),
        oversized.len()
    );
    assert!(
        oversized.is_empty(),
        "production files over {MAX_LINES} lines (split them, or state why in a `//! Size: …` header line):\n{}",
        oversized.join("\n")
    );
}

fn layer_of(file: &str) -> Option<&'static str> {
    LAYERS.iter().filter(|(prefix, _)| file.starts_with(prefix)).max_by_key(|(prefix, _)| prefix.len()).map(|(_, l)| *l)
}

fn relative(root: &Path, file: &Path) -> String {
    file.strip_prefix(root).unwrap_or(file).to_string_lossy().replace('\\', "/")
}

// ---------------------------------------------------------------------------------------------
// The import graph.

/// Files of `src/` (paths under `src/`) and the imports between them.
struct ImportGraph {
    /// Paths under `src/`, sorted: `engine/efo.rs`, `lib.rs`, …
    files: Vec<String>,
    /// `(from, to)` → the line (1-based) of the first path in `from` that leads into `to`.
    edges: BTreeMap<(usize, usize), usize>,
}

/// What one file declares and refers to, before resolution.
#[derive(Default)]
struct Scan {
    /// Modules declared with `mod x;` or `mod x { … }`, as full module paths.
    declared: Vec<Vec<String>>,
    /// Modules declared only under `#[cfg(test)]`: their files are test code.
    test_modules: Vec<Vec<String>>,
    /// Paths used: the module they are written in, their segments, their line.
    paths: Vec<(Vec<String>, Vec<String>, usize)>,
}

impl ImportGraph {
    fn of(root: &Path) -> ImportGraph {
        let mut paths = Vec::new();
        rust_files(root, &mut paths);
        let mut files: Vec<String> = paths.iter().map(|p| relative(root, p)).collect();
        files.sort();

        let mut scans = BTreeMap::new();
        let mut declared = BTreeSet::new();
        let mut test_modules = Vec::new();
        for file in &files {
            let text = fs::read_to_string(root.join(file)).unwrap_or_default();
            let scan = scan(&tokenize(&text), &module_of(file));
            declared.extend(scan.declared.iter().cloned());
            test_modules.extend(scan.test_modules.iter().cloned());
            scans.insert(file.clone(), scan);
        }
        // A file that only a `#[cfg(test)] mod x;` brings in is test code.
        files.retain(|f| f == "main.rs" || !test_modules.iter().any(|t| module_of(f).starts_with(t)));
        // Module path → file, for the library's modules (`main.rs` is a crate of its own).
        let module_files: BTreeMap<Vec<String>, usize> =
            files.iter().enumerate().filter(|(_, f)| *f != "main.rs").map(|(i, f)| (module_of(f), i)).collect();

        let mut edges = BTreeMap::new();
        for (from, file) in files.iter().enumerate() {
            let Some(scan) = scans.get(file) else { continue };
            for (module, path, line) in &scan.paths {
                let Some(target) = resolve(module, path, &declared, file == "main.rs") else { continue };
                // The deepest prefix of the module path that is a file.
                let to = (0..=target.len()).rev().find_map(|n| module_files.get(&target[..n]).copied());
                if let Some(to) = to.filter(|&to| to != from) {
                    let line = *line;
                    edges.entry((from, to)).and_modify(|l: &mut usize| *l = (*l).min(line)).or_insert(line);
                }
            }
        }
        ImportGraph { files, edges }
    }

    fn edge_count(&self) -> usize {
        self.edges.len()
    }

    fn successors(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.edges.range((node, 0)..(node + 1, 0)).map(|(&(_, to), _)| to)
    }

    /// Strongly connected components of more than one file (Tarjan), each sorted, in file order.
    fn circles(&self) -> Vec<Vec<usize>> {
        struct Tarjan<'g> {
            graph: &'g ImportGraph,
            next_index: usize,
            index: Vec<Option<usize>>,
            low: Vec<usize>,
            on_stack: Vec<bool>,
            stack: Vec<usize>,
            components: Vec<Vec<usize>>,
        }
        impl Tarjan<'_> {
            fn visit(&mut self, v: usize) {
                self.index[v] = Some(self.next_index);
                self.low[v] = self.next_index;
                self.next_index += 1;
                self.stack.push(v);
                self.on_stack[v] = true;
                let successors: Vec<usize> = self.graph.successors(v).collect();
                for w in successors {
                    match self.index[w] {
                        None => {
                            self.visit(w);
                            self.low[v] = self.low[v].min(self.low[w]);
                        }
                        Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                        Some(_) => {}
                    }
                }
                if Some(self.low[v]) == self.index[v] {
                    let mut component = Vec::new();
                    while let Some(w) = self.stack.pop() {
                        self.on_stack[w] = false;
                        component.push(w);
                        if w == v {
                            break;
                        }
                    }
                    if component.len() > 1 {
                        component.sort_unstable();
                        self.components.push(component);
                    }
                }
            }
        }
        let n = self.files.len();
        let mut t = Tarjan {
            graph: self,
            next_index: 0,
            index: vec![None; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            components: Vec::new(),
        };
        for v in 0..n {
            if t.index[v].is_none() {
                t.visit(v);
            }
        }
        let mut components = t.components;
        components.sort();
        components
    }

    /// Simple cycles inside one component that together use every import edge of it: for each
    /// edge not yet shown, the edge followed by the shortest way back.
    fn cycles_covering(&self, component: &[usize]) -> Vec<Vec<usize>> {
        let inside: BTreeSet<usize> = component.iter().copied().collect();
        let mut shown = BTreeSet::new();
        let mut cycles = Vec::new();
        for &(u, v) in self.edges.keys() {
            if !inside.contains(&u) || !inside.contains(&v) || shown.contains(&(u, v)) {
                continue;
            }
            // Breadth-first from v back to u, inside the component.
            let mut parent = BTreeMap::new();
            let mut queue = VecDeque::from([v]);
            parent.insert(v, v);
            while let Some(x) = queue.pop_front() {
                if x == u {
                    break;
                }
                for y in self.successors(x).filter(|y| inside.contains(y)) {
                    if let std::collections::btree_map::Entry::Vacant(e) = parent.entry(y) {
                        e.insert(x);
                        queue.push_back(y);
                    }
                }
            }
            let mut back = vec![u];
            let mut x = u;
            while x != v {
                let Some(&p) = parent.get(&x) else { break };
                back.push(p);
                x = p;
            }
            back.reverse(); // v … u
            let mut cycle = vec![u];
            cycle.extend(back);
            for w in cycle.windows(2) {
                shown.insert((w[0], w[1]));
            }
            cycles.push(cycle);
        }
        cycles
    }
}

/// The module path of a file under `src/`: `engine/efo.rs` → `[engine, efo]`,
/// `engine/mod.rs` → `[engine]`, `lib.rs` → `[]`.
fn module_of(file: &str) -> Vec<String> {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts
}

/// The absolute module path a path leads to, or `None` when it leaves the library (std, other
/// crates, the binary's own items) or names an item of the current module.
fn resolve(module: &[String], path: &[String], declared: &BTreeSet<Vec<String>>, in_main: bool) -> Option<Vec<String>> {
    let first = path.first()?;
    match first.as_str() {
        "crate" if in_main => None,
        "crate" => Some(path[1..].to_vec()),
        name if name == CRATE_NAME => Some(path[1..].to_vec()),
        "self" if in_main => None,
        "self" => Some([module, &path[1..]].concat()),
        "super" => {
            let mut base = module.to_vec();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
            Some([&base[..], rest].concat())
        }
        _ => {
            // A child module of the current one (`use model::Layout;` in a `mod.rs`).
            let child = [module, &path[..1]].concat();
            (!in_main && declared.contains(&child)).then(|| [module, path].concat())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the sources: tokens without comments and literals, then `mod`, `use` and paths.

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    /// 1-based.
    line: usize,
}

/// Identifiers, `::` and punctuation, with their lines; comments, strings, characters, numbers
/// and lifetimes' quotes are dropped.
fn tokenize(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let is_ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Skips a quoted literal whose opening quote is at i; returns the index after it.
    let skip_quoted = |mut i: usize, quote: char, line: &mut usize| {
        i += 1;
        while i < c.len() && c[i] != quote {
            if c[i] == '\\' {
                i += 1;
            }
            if at(i) == '\n' {
                *line += 1;
            }
            i += 1;
        }
        i + 1
    };
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_quoted(i, '"', &mut line);
        } else if ch == '\'' {
            if at(i + 1) == '\\' || (at(i + 2) == '\'' && at(i + 1) != '\'') {
                i = skip_quoted(i, '\'', &mut line); // a character literal
            } else {
                i += 1; // a lifetime or label: its name follows as an identifier
            }
        } else if (ch == 'r' || (ch == 'b' && at(i + 1) == 'r')) && {
            let j = if ch == 'b' { i + 2 } else { i + 1 };
            let hashes = (j..).take_while(|&k| at(k) == '#').count();
            at(j + hashes) == '"'
        } {
            // A raw string: r"…", r#"…"#, br##"…"##.
            let j = if ch == 'b' { i + 2 } else { i + 1 };
            let hashes = (j..).take_while(|&k| at(k) == '#').count();
            i = j + hashes + 1;
            while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#')) {
                if c[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 1 + hashes;
        } else if ch == 'b' && (at(i + 1) == '"' || at(i + 1) == '\'') {
            i = skip_quoted(i + 1, at(i + 1), &mut line);
        } else if ch == 'r' && at(i + 1) == '#' && is_ident(at(i + 2)) {
            i += 2; // a raw identifier: r#type
        } else if ch.is_ascii_digit() {
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
        } else if is_ident(ch) {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            tokens.push(Token { tok: Tok::Ident(c[start..i].iter().collect()), line });
        } else if ch == ':' && at(i + 1) == ':' {
            tokens.push(Token { tok: Tok::PathSep, line });
            i += 2;
        } else {
            tokens.push(Token { tok: Tok::Punct(ch), line });
            i += 1;
        }
    }
    tokens
}

fn is_ident(t: Option<&Token>, name: &str) -> bool {
    matches!(t, Some(Token { tok: Tok::Ident(s), .. }) if s == name)
}

fn is_punct(t: Option<&Token>, p: char) -> bool {
    matches!(t, Some(Token { tok: Tok::Punct(q), .. }) if *q == p)
}

/// The index after the bracketed group opening at `i` (`(…)`, `[…]` or `{…}`).
fn after_group(toks: &[Token], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(t) = toks.get(i) {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// The index after the item starting at `i`: its `;`, or its first top-level `{…}` block.
fn after_item(toks: &[Token], mut i: usize) -> usize {
    while let Some(t) = toks.get(i) {
        match t.tok {
            Tok::Punct(';') => return i + 1,
            Tok::Punct('{') => return after_group(toks, i),
            Tok::Punct('(' | '[') => i = after_group(toks, i),
            _ => i += 1,
        }
    }
    i
}

/// Whether an attribute's tokens (between `[` and `]`) are a `cfg` that holds only under test.
fn is_cfg_test(attr: &[Token]) -> bool {
    is_ident(attr.first(), "cfg")
        && attr.iter().any(|t| is_ident(Some(t), "test"))
        && !attr.iter().any(|t| is_ident(Some(t), "not"))
}

/// Module declarations and paths of one file, whose module path is `file_module`.
fn scan(toks: &[Token], file_module: &[String]) -> Scan {
    let mut out = Scan::default();
    // Inline modules (`mod blob { … }`) open at a brace depth.
    let mut modules: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    let current = |modules: &[(String, usize)]| -> Vec<String> {
        file_module.iter().cloned().chain(modules.iter().map(|(m, _)| m.clone())).collect()
    };
    while let Some(t) = toks.get(i) {
        match &t.tok {
            Tok::Punct('#')
                if is_punct(toks.get(i + 1), '[')
                    || (is_punct(toks.get(i + 1), '!') && is_punct(toks.get(i + 2), '[')) =>
            {
                let inner = is_punct(toks.get(i + 1), '!');
                let open = if inner { i + 2 } else { i + 1 };
                let close = after_group(toks, open);
                let attr = toks.get(open + 1..close.saturating_sub(1)).unwrap_or(&[]);
                i = close;
                if is_cfg_test(attr) {
                    if inner {
                        // `#![cfg(test)]`: the rest of this module is test code.
                        break;
                    }
                    let end = after_item(toks, i);
                    let item = toks.get(i..end).unwrap_or(&[]);
                    if let Some(k) = item.iter().position(|t| is_ident(Some(t), "mod")) {
                        if let Some(Token { tok: Tok::Ident(name), .. }) = item.get(k + 1) {
                            out.test_modules.push([current(&modules), vec![name.clone()]].concat());
                        }
                    }
                    i = end;
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                let Some(Token { tok: Tok::Ident(name), .. }) = toks.get(i + 1) else {
                    i += 1;
                    continue;
                };
                out.declared.push([current(&modules), vec![name.clone()]].concat());
                if is_punct(toks.get(i + 2), '{') {
                    depth += 1;
                    modules.push((name.clone(), depth));
                    i += 3;
                } else {
                    i += 2;
                }
            }
            Tok::Ident(kw) if kw == "use" => {
                let module = current(&modules);
                let mut leaves = Vec::new();
                let end = use_tree(toks, i + 1, Vec::new(), &mut leaves);
                for (path, line) in leaves {
                    out.paths.push((module.clone(), path, line));
                }
                i = end;
            }
            Tok::Ident(first) if matches!(toks.get(i + 1).map(|t| &t.tok), Some(Tok::PathSep)) => {
                // A path in code, unless it continues another one or follows a `.` or `$`
                // (`$crate::…` in a macro is the crate: keep it).
                let continues = i > 0 && matches!(toks[i - 1].tok, Tok::PathSep | Tok::Punct('.'));
                let mut path = vec![first.clone()];
                let mut j = i + 1;
                while matches!(toks.get(j).map(|t| &t.tok), Some(Tok::PathSep)) {
                    let Some(Token { tok: Tok::Ident(s), .. }) = toks.get(j + 1) else { break };
                    path.push(s.clone());
                    j += 2;
                }
                if !continues {
                    out.paths.push((current(&modules), path, t.line));
                }
                i = j;
            }
            Tok::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Tok::Punct('}') => {
                if modules.last().is_some_and(|&(_, d)| d == depth) {
                    modules.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads a use tree from `i` (after `use`, or inside a group) and pushes each leaf path with
/// its line; returns the index after the tree (and after the final `;` at top level).
fn use_tree(toks: &[Token], mut i: usize, mut path: Vec<String>, out: &mut Vec<(Vec<String>, usize)>) -> usize {
    let top = path.is_empty();
    let mut line = toks.get(i).map_or(0, |t| t.line);
    while let Some(t) = toks.get(i) {
        match &t.tok {
            Tok::PathSep => {
                if path.is_empty() {
                    path.push("::".to_owned()); // `use ::std::…`: another crate
                }
                i += 1;
            }
            Tok::Ident(s) if s == "as" => i += 2, // a rename keeps the path
            Tok::Ident(s) => {
                path.push(s.clone());
                line = t.line;
                i += 1;
            }
            Tok::Punct('*') => i += 1, // a glob: the module itself
            Tok::Punct('{') => {
                i += 1;
                while !matches!(toks.get(i).map(|t| &t.tok), None | Some(Tok::Punct('}'))) {
                    let before = i;
                    i = use_tree(toks, i, path.clone(), out);
                    if is_punct(toks.get(i), ',') {
                        i += 1;
                    }
                    if i == before {
                        i += 1; // never loop on something unexpected
                    }
                }
                i += 1;
                if top && is_punct(toks.get(i), ';') {
                    i += 1;
                }
                return i;
            }
            _ => break,
        }
    }
    if path.last().is_some_and(|s| s == "self") {
        path.pop();
    }
    if !path.is_empty() {
        out.push((path, line));
    }
    if top && is_punct(toks.get(i), ';') {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------------------------------------
// The checker checks itself on small sources.

#[cfg(test)]
mod self_checks {
    use super::{module_of, resolve, scan, tokenize};
    use std::collections::BTreeSet;

    fn paths(src: &str, module: &[&str]) -> Vec<String> {
        let module: Vec<String> = module.iter().map(|s| (*s).to_owned()).collect();
        scan(&tokenize(src), &module)
            .paths
            .into_iter()
            .map(|(m, p, l)| format!("{}|{}@{l}", m.join("::"), p.join("::")))
            .collect()
    }

    #[test]
    fn reads_use_trees_inline_paths_and_skips_tests_comments_strings() {
        let src = "use crate::{a, b::{c, d as e}, f::*};\n\
                   pub use super::super::g::H;\n\
                   // use crate::commented;\n\
                   /* crate::block /* nested */ crate::still */\n\
                   fn f() { let s = \"crate::in_string\"; let r = r#\"crate::raw\"#; x.y::<T>(); \
                   crate::engine::time::SimTime::ZERO; }\n\
                   mod inner { use super::k::L; }\n\
                   #[cfg(test)]\nmod tests { use crate::test_only; }\n\
                   #[cfg(not(test))] use self::m;\n";
        assert_eq!(
            paths(src, &["w", "x"]),
            [
                "w::x|crate::a@1",
                "w::x|crate::b::c@1",
                "w::x|crate::b::d@1",
                "w::x|crate::f@1",
                "w::x|super::super::g::H@2",
                "w::x|crate::engine::time::SimTime::ZERO@5",
                "w::x::inner|super::k::L@6",
                "w::x|self::m@9",
            ]
        );
    }

    #[test]
    fn finds_the_circles_of_a_small_tree() {
        let root = std::env::temp_dir().join(format!("architecture-self-check-{}", std::process::id()));
        let files: &[(&str, &str)] = &[
            ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
            // a/mod.rs uses its child, which uses its parent's item: a circle.
            ("a/mod.rs", "mod child;\npub use child::Thing;\npub struct Parent;\n"),
            ("a/child.rs", "use super::Parent;\npub struct Thing;\n"),
            // b → c by an inline path, c → b by a grouped use: a circle.
            ("b.rs", "pub fn f() { crate::c::g(); }\n"),
            ("c.rs", "use crate::{b::f, a};\npub fn g() {}\n#[cfg(test)]\nmod tests { use crate::b; }\n"),
        ];
        for (path, text) in files {
            let file = root.join(path);
            if let Some(dir) = file.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::write(&file, text);
        }
        let graph = super::ImportGraph::of(&root);
        let _ = std::fs::remove_dir_all(&root);
        let name = |scc: &Vec<usize>| scc.iter().map(|&f| graph.files[f].clone()).collect::<Vec<_>>().join(" ");
        let circles: Vec<String> = graph.circles().iter().map(name).collect();
        assert_eq!(circles, ["a/child.rs a/mod.rs", "b.rs c.rs"]);
        assert_eq!(graph.edge_count(), 5, "{:?}", graph.edges);
    }

    #[test]
    fn resolves_relative_to_the_module() {
        let v = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let declared: BTreeSet<Vec<String>> = [v(&["ui", "views", "flow", "model"])].into();
        let flow = v(&["ui", "views", "flow"]);
        assert_eq!(
            resolve(&v(&["ui", "views", "flow", "component"]), &v(&["super", "model", "X"]), &declared, false),
            Some(v(&["ui", "views", "flow", "model", "X"]))
        );
        assert_eq!(
            resolve(&flow, &v(&["model", "X"]), &declared, false),
            Some(v(&["ui", "views", "flow", "model", "X"]))
        );
        assert_eq!(resolve(&flow, &v(&["serde", "Serialize"]), &declared, false), None);
        assert_eq!(resolve(&flow, &v(&["super", "super", "super", "engine"]), &declared, false), Some(v(&["engine"])));
        assert_eq!(module_of("ui/views/flow/mod.rs"), flow);
        assert_eq!(module_of("lib.rs"), Vec::<String>::new());
    }
}
