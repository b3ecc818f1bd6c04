//! Python's `difflib.get_close_matches`, which the CLI's argparse uses to suggest a command
//! (`Invalid choice: 'describe-streams', maybe you meant: * describe-stream …`).
//!
//! A port of CPython 3.11's `SequenceMatcher` without a junk function (as `get_close_matches`
//! uses it): the matching blocks come from the longest common substring, recursively, with the
//! "popular element" heuristic for sequences of 200 characters or more. Strings are sequences of
//! characters (code points), as in Python.

use std::collections::BTreeMap;

struct Matcher<'a> {
    a: &'a [char],
    b: &'a [char],
    b2j: BTreeMap<char, Vec<usize>>,
}

impl<'a> Matcher<'a> {
    fn new(a: &'a [char], b: &'a [char]) -> Self {
        let mut b2j: BTreeMap<char, Vec<usize>> = BTreeMap::new();
        for (i, &c) in b.iter().enumerate() {
            b2j.entry(c).or_default().push(i);
        }
        let n = b.len();
        if n >= 200 {
            let ntest = n / 100 + 1;
            b2j.retain(|_, idxs| idxs.len() <= ntest);
        }
        Self { a, b, b2j }
    }

    fn find_longest_match(&self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (a, b) = (self.a, self.b);
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
        let mut j2len: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, ai) in a.iter().enumerate().take(ahi).skip(alo) {
            let mut newj2len = BTreeMap::new();
            if let Some(js) = self.b2j.get(ai) {
                for &j in js {
                    if j < blo {
                        continue;
                    }
                    if j >= bhi {
                        break;
                    }
                    let k = j.checked_sub(1).and_then(|p| j2len.get(&p)).copied().unwrap_or(0) + 1;
                    newj2len.insert(j, k);
                    if k > bestsize {
                        besti = i + 1 - k;
                        bestj = j + 1 - k;
                        bestsize = k;
                    }
                }
            }
            j2len = newj2len;
        }
        // Extend over elements the b2j index left out (popular ones): no junk function here.
        while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize] {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }

    fn matches(&self) -> usize {
        let mut queue = vec![(0, self.a.len(), 0, self.b.len())];
        let mut total = 0;
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.find_longest_match(alo, ahi, blo, bhi);
            if k > 0 {
                total += k;
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        total
    }

    fn ratio(&self) -> f64 {
        ratio_of(self.matches(), self.a.len() + self.b.len())
    }

    fn quick_ratio(&self) -> f64 {
        let mut counts: BTreeMap<char, isize> = BTreeMap::new();
        for &c in self.b {
            *counts.entry(c).or_default() += 1;
        }
        let mut matches = 0;
        for &c in self.a {
            let n = counts.entry(c).or_default();
            if *n > 0 {
                matches += 1;
            }
            *n -= 1;
        }
        ratio_of(matches, self.a.len() + self.b.len())
    }

    fn real_quick_ratio(&self) -> f64 {
        ratio_of(self.a.len().min(self.b.len()), self.a.len() + self.b.len())
    }
}

fn ratio_of(matches: usize, length: usize) -> f64 {
    if length == 0 {
        1.0
    } else {
        2.0 * matches as f64 / length as f64
    }
}

/// `difflib.get_close_matches(word, possibilities, n, cutoff)`: the best `n` possibilities
/// whose ratio to `word` is at least `cutoff`, best first (ties: the greater string first).
pub fn get_close_matches<'p>(word: &str, possibilities: &[&'p str], n: usize, cutoff: f64) -> Vec<&'p str> {
    let b: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &'p str)> = Vec::new();
    for &x in possibilities {
        let a: Vec<char> = x.chars().collect();
        let m = Matcher::new(&a, &b);
        if m.real_quick_ratio() >= cutoff && m.quick_ratio() >= cutoff {
            let r = m.ratio();
            if r >= cutoff {
                scored.push((r, x));
            }
        }
    }
    scored.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| q.1.cmp(p.1)));
    scored.into_iter().take(n).map(|(_, x)| x).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checked against CPython 3.11.7 (and the CLI's own answers in the fixtures).
    #[test]
    fn close_matches_as_python_finds_them() {
        let ops = ["describe-limits", "describe-stream", "describe-stream-consumer", "describe-stream-summary"];
        assert_eq!(
            get_close_matches("describe-streams", &ops, 3, 0.8),
            vec!["describe-stream", "describe-stream-summary", "describe-stream-consumer"]
        );
        let waiters = ["stream-exists", "stream-not-exists"];
        assert_eq!(get_close_matches("stream-exist", &waiters, 3, 0.8), vec!["stream-exists", "stream-not-exists"]);
        assert_eq!(get_close_matches("frobnicate", &ops, 3, 0.8), Vec::<&str>::new());
        assert_eq!(get_close_matches("kinesys", &["kinesis", "kinesisvideo", "kms"], 3, 0.8), vec!["kinesis"]);
    }
}
