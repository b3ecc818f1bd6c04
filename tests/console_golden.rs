//! The console against the real AWS CLI: every entry of `tests/console/fixtures/*.txt` (CLI v1)
//! and `tests/console/fixtures/v2/*.txt` (CLI v2), recorded by `tests/console/record.py`
//! against kinesalite, is typed into the console on a fresh engine, and its exit status, stdout
//! and stderr, normalised with the recorder's placeholders, must equal the fixture's.
//!
//! Where kinesalite 3.3.3 answers differently from current AWS, the engine follows AWS: those
//! entries are listed, with the reason, in `tests/console/divergences.txt` (`file`, a tab, the
//! `$` line, a tab, why); they are run (nothing may panic) but not compared. A listed line that
//! now matches at every occurrence fails the test, so the list cannot go stale.

use kinesis_playground::console::shell::Shell;
use kinesis_playground::console::{CliVersion, Host, Settings};
use kinesis_playground::engine::error::ApiError;
use kinesis_playground::engine::{Engine, EngineConfig};
use kinesis_playground::i18n::Lang;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The engine alone, as the endpoint kinesalite was: no scenario, no other stream.
struct Bare(Engine);

impl Host for Bare {
    fn call(&mut self, operation: &str, request: &Value) -> Result<Value, ApiError> {
        self.0.call(operation, request)
    }
    fn sleep(&mut self, ms: u64) {
        self.0.advance_by(ms);
    }
    fn region(&self) -> String {
        self.0.config().region.clone()
    }
    fn stream_names(&self) -> Vec<String> {
        self.0.streams().keys().cloned().collect()
    }
}

/// One recorded command.
#[derive(Debug)]
struct Entry {
    line: String,
    status: i32,
    stdout: String,
    stderr: String,
}

/// The entries of a fixture file (format: tests/console/README.md).
fn parse(text: &str) -> Vec<Entry> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    let block = |i: &mut usize, name: &str| -> String {
        let head = lines[*i];
        let rest = head.strip_prefix(&format!("--- {name} ")).unwrap_or_else(|| panic!("expected --- {name}: {head}"));
        let mut parts = rest.split(' ');
        let n: usize = parts.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("bad count: {head}"));
        let noeol = parts.next() == Some("noeol");
        *i += 1;
        let body: Vec<&str> = lines[*i..*i + n].to_vec();
        *i += n;
        let mut s = body.join("\n");
        if n > 0 && !noeol {
            s.push('\n');
        }
        s
    };
    while i < lines.len() {
        let Some(line) = lines[i].strip_prefix("$ ") else {
            i += 1;
            continue;
        };
        let status: i32 = lines[i + 1]
            .strip_prefix("? ")
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status after {line}"));
        i += 2;
        let stdout = block(&mut i, "stdout");
        let stderr = block(&mut i, "stderr");
        out.push(Entry { line: line.to_string(), status, stdout, stderr });
    }
    out
}

/// The recorder's placeholders (`Normaliser` in tests/console/record.py), numbered per file.
struct Normaliser {
    seq: Regex,
    iterator: Regex,
    number: Regex,
    iso: Regex,
    version: Regex,
    tokens: BTreeMap<(&'static str, String), String>,
    counts: BTreeMap<&'static str, usize>,
    now_s: i64,
}

impl Normaliser {
    fn new(now_s: i64) -> Self {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        Normaliser {
            seq: re(r"[0-9]{40,}"),
            iterator: re(r"AAAAAAAAAA[A-Za-z0-9+/]{20,}={0,2}"),
            number: re(r"([0-9]{10}|[0-9]{13})(\.[0-9]+)?"),
            iso: re(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?"),
            // v1: `aws-cli/1.45.11 Python/3.11.7 Linux/6.1.0 botocore/1.43.11`; v2: `aws-cli/2.36.7
            // Python/3.11.7 Linux/6.1.0 source/x86_64.debian.12` (record.py's VERSION_V1/V2).
            version: re(r"aws-cli/\S+ Python/\S+ (\S+?)/\S+(?: botocore/\S+| (\S+?)/([^.\s]+)\S*)"),
            tokens: BTreeMap::new(),
            counts: BTreeMap::new(),
            now_s,
        }
    }

    fn token(&mut self, kind: &'static str, value: &str) -> String {
        if let Some(t) = self.tokens.get(&(kind, value.to_string())) {
            return t.clone();
        }
        let n = self.counts.entry(kind).or_insert(0);
        *n += 1;
        let t = format!("<{kind}:{n}>");
        self.tokens.insert((kind, value.to_string()), t.clone());
        t
    }

    /// `s` with every match of `which` replaced (by `repl`, `None`: kept), in a table eating
    /// the spaces after it and padding back to the same width.
    fn sub(
        &mut self,
        s: &str,
        which: fn(&Normaliser) -> &Regex,
        table: bool,
        repl: &mut dyn FnMut(&mut Normaliser, &str, &str, usize) -> Option<String>,
    ) -> String {
        let matches: Vec<(usize, usize)> = which(self).find_iter(s).map(|m| (m.start(), m.end())).collect();
        let mut out = String::with_capacity(s.len());
        let mut at = 0;
        for (start, end) in matches {
            if start < at {
                continue;
            }
            let Some(r) = repl(self, &s[start..end], s, start) else { continue };
            let mut end2 = end;
            if table {
                while s.as_bytes().get(end2) == Some(&b' ') {
                    end2 += 1;
                }
            }
            out.push_str(&s[at..start]);
            if table && r.len() < end2 - start {
                out.push_str(&format!("{r:<width$}", width = end2 - start));
            } else {
                out.push_str(&r);
                if !table {
                    end2 = end;
                }
            }
            at = end2;
        }
        out.push_str(&s[at..]);
        out
    }

    fn text(&mut self, s: &str, table: bool) -> String {
        let digit = |s: &str, i: Option<usize>| {
            i.and_then(|i| s.as_bytes().get(i)).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.')
        };
        let s = self
            .version
            .replace_all(s, |c: &regex::Captures<'_>| match (c.get(2), c.get(3)) {
                (Some(_), Some(arch)) => {
                    format!(
                        "aws-cli/<cli-version> Python/<python-version> {}/<os-release> <source>/{}.<distro>",
                        &c[1],
                        arch.as_str()
                    )
                }
                _ => format!(
                    "aws-cli/<cli-version> Python/<python-version> {}/<os-release> botocore/<botocore-version>",
                    &c[1]
                ),
            })
            .into_owned();
        let s = self.sub(&s, |n| &n.iterator, table, &mut |n, m, _, _| {
            (!m.bytes().all(|b| b == b'A')).then(|| n.token("iterator", m))
        });
        let s = self.sub(&s, |n| &n.seq, table, &mut |n, m, whole, start| {
            let before = start.checked_sub(1).and_then(|i| whole.as_bytes().get(i)).is_some_and(u8::is_ascii_digit);
            let after = whole.as_bytes().get(start + m.len()).is_some_and(u8::is_ascii_digit);
            (!before && !after).then(|| n.token("seq", m))
        });
        let s = self.sub(&s, |n| &n.iso, table, &mut |_, _, _, _| Some("<timestamp>".into()));
        self.sub(&s, |n| &n.number, table, &mut |n, m, whole, start| {
            if digit(whole, start.checked_sub(1)) || digit(whole, Some(start + m.len())) {
                return None;
            }
            let int: String = m.chars().take_while(char::is_ascii_digit).collect();
            let mut secs: i64 = int.parse().ok()?;
            if int.len() == 13 {
                secs /= 1000;
            }
            ((n.now_s - secs).abs() <= 2 * 86_400).then(|| "<timestamp>".into())
        })
    }
}

/// `(status, stdout, stderr)` with its `<seq:N>` and `<iterator:N>` numbered by first
/// appearance in the entry (stdout first, then stderr). In a table, a shorter or longer number
/// keeps the cell's width (the padding after the token absorbs the difference).
fn renumber(entry: (i32, String, String)) -> (i32, String, String) {
    let token = Regex::new(r"<(seq|iterator):([0-9]+)>( *)").unwrap_or_else(|e| panic!("{e}"));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut one = |text: &str| {
        token
            .replace_all(text, |c: &regex::Captures<'_>| {
                let key = format!("{}:{}", &c[1], &c[2]);
                let n = match seen.get(&key) {
                    Some(n) => *n,
                    None => {
                        let k = counts.entry(c[1].to_string()).or_insert(0);
                        *k += 1;
                        seen.insert(key, *k);
                        *k
                    }
                };
                let new = format!("<{}:{n}>", &c[1]);
                let width = c[0].len();
                if c[3].is_empty() {
                    new
                } else {
                    format!("{new:<width$}")
                }
            })
            .into_owned()
    };
    let stdout = one(&entry.1);
    let stderr = one(&entry.2);
    (entry.0, stdout, stderr)
}

/// The listed divergences: (fixture file, start of the `$` line) → why.
fn divergences() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string("tests/console/divergences.txt").unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut p = l.splitn(3, '\t');
            Some((p.next()?.to_string(), p.next()?.to_string(), p.next().unwrap_or("").to_string()))
        })
        .collect()
}

fn run_fixture(path: &Path, version: CliVersion, report: &mut Vec<String>, failures: &mut Vec<String>) {
    let name = path.strip_prefix("tests/console/fixtures").unwrap_or(path).display().to_string();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let listed = divergences();
    let mut host = Bare(Engine::new(EngineConfig::default()));
    let mut shell = Shell::new();
    let mut norm = Normaliser::new(0);
    let settings = Settings { version, lang: Lang::En };
    let (mut equal, mut skipped) = (0, 0);
    let mut used = vec![false; listed.len()];
    for e in parse(&text) {
        norm.now_s = (host.0.now().millis() / 1000) as i64;
        let ran = shell.run(&e.line, &mut host, settings);
        let table = e.line.contains("--output table");
        let got = (ran.outcome.status, norm.text(&ran.outcome.stdout, table), norm.text(&ran.outcome.stderr, table));
        // Tokens numbered within the entry on both sides: an earlier entry where kinesalite
        // and the engine differ (or the engine's deterministic iterators, equal for equal
        // requests at the same instant) must not shift the numbers of every later one.
        let got = renumber(got);
        let want = renumber((e.status, e.stdout.clone(), e.stderr.clone()));
        let reason = listed.iter().position(|(f, line, _)| *f == name && e.line == *line);
        match (got == want, reason) {
            (true, None) => equal += 1,
            (false, Some(i)) => {
                skipped += 1;
                used[i] = true;
            }
            (true, Some(_)) => equal += 1,
            (false, None) => failures.push(format!(
                "{name}: $ {}\n  want status {}\n--- want stdout\n{}--- got stdout (status {})\n{}--- want stderr\n{}--- got stderr\n{}",
                e.line, want.0, want.1, got.0, got.1, want.2, got.2
            )),
        }
    }
    for (i, (f, line, _)) in listed.iter().enumerate() {
        if *f == name && !used[i] {
            failures.push(format!("{name}: listed divergence now matches everywhere, remove it: {line}"));
        }
    }
    report.push(format!("{name}: {equal} equal, {skipped} listed divergences"));
}

#[test]
fn the_console_answers_as_the_real_aws_cli() {
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (dir, version) in [("tests/console/fixtures", CliVersion::V1), ("tests/console/fixtures/v2", CliVersion::V2)] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|f| f.ok().map(|f| f.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            run_fixture(&f, version, &mut report, &mut failures);
        }
    }
    #[allow(clippy::print_stdout)]
    {
        println!("console golden: {}", report.join("; "));
    }
    assert!(failures.is_empty(), "{} entries differ from the real CLI:\n\n{}", failures.len(), failures.join("\n\n"));
}
