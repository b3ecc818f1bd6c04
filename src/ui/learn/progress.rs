//! The student's progress on the learn path, kept in `localStorage` under [`STORAGE_KEY`]:
//! the steps seen, the predictions answered right, and the last step open (for "Continuar").
//!
//! The stored value is a short text, `v1|seen=1.1,1.2|right=1.3|last=1.2`. Reading it is a pure
//! function of that string: anything else (an old format, a value edited by hand, a step that no
//! longer exists) is corrupt, and the caller starts afresh with one notice. Nothing here panics.

use super::model::Place;
use std::collections::BTreeSet;

/// The `localStorage` key.
pub const STORAGE_KEY: &str = "kinesis-playground.learn";
/// The format's tag, first in the value.
const VERSION: &str = "v1";
/// Longest value read; anything longer is corrupt (the whole path is far shorter).
const MAX_CHARS: usize = 4_096;

/// Steps seen and predictions answered right.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Steps opened at least once.
    pub seen: BTreeSet<Place>,
    /// Steps whose prediction was answered right at least once.
    pub right: BTreeSet<Place>,
    /// The last step open.
    pub last: Option<Place>,
}

/// The stored value could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Corrupt;

fn place(text: &str) -> Result<Place, Corrupt> {
    let (c, s) = text.split_once('.').ok_or(Corrupt)?;
    let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(c) || !digits(s) {
        return Err(Corrupt);
    }
    let p = Place { chapter: c.parse().map_err(|_| Corrupt)?, step: s.parse().map_err(|_| Corrupt)? };
    if p.exists() {
        Ok(p)
    } else {
        Err(Corrupt)
    }
}

fn places(list: &str) -> Result<BTreeSet<Place>, Corrupt> {
    list.split(',').filter(|s| !s.is_empty()).map(place).collect()
}

impl Progress {
    /// Reads a stored value.
    pub fn parse(text: &str) -> Result<Progress, Corrupt> {
        if text.chars().count() > MAX_CHARS {
            return Err(Corrupt);
        }
        let mut parts = text.split('|');
        if parts.next() != Some(VERSION) {
            return Err(Corrupt);
        }
        let mut p = Progress::default();
        let mut named = BTreeSet::new();
        for part in parts {
            let (name, value) = part.split_once('=').ok_or(Corrupt)?;
            if !named.insert(name) {
                return Err(Corrupt);
            }
            match name {
                "seen" => p.seen = places(value)?,
                "right" => p.right = places(value)?,
                "last" if value.is_empty() => p.last = None,
                "last" => p.last = Some(place(value)?),
                _ => return Err(Corrupt),
            }
        }
        Ok(p)
    }

    /// What `localStorage` held (`None`: nothing yet): the progress, and whether the value was
    /// corrupt and has been dropped (the caller says so once and overwrites it).
    pub fn load(stored: Option<&str>) -> (Progress, bool) {
        match stored.map(Progress::parse) {
            None => (Progress::default(), false),
            Some(Ok(p)) => (p, false),
            Some(Err(Corrupt)) => (Progress::default(), true),
        }
    }

    /// The value to store.
    pub fn serialize(&self) -> String {
        let list = |set: &BTreeSet<Place>| {
            set.iter().map(|p| format!("{}.{}", p.chapter, p.step)).collect::<Vec<_>>().join(",")
        };
        let last = self.last.map(|p| format!("{}.{}", p.chapter, p.step)).unwrap_or_default();
        format!("{VERSION}|seen={}|right={}|last={last}", list(&self.seen), list(&self.right))
    }

    /// The progress after opening `place`.
    pub fn visit(&self, place: Place) -> Progress {
        let mut p = self.clone();
        p.seen.insert(place);
        p.last = Some(place);
        p
    }

    /// The progress after answering `place`'s prediction right.
    pub fn answered_right(&self, place: Place) -> Progress {
        let mut p = self.clone();
        p.right.insert(place);
        p
    }

    /// Whether every step of chapter `chapter` (from 1) has been seen.
    pub fn chapter_done(&self, chapter: u8) -> bool {
        let mut steps = super::model::all_places().filter(|p| p.chapter == chapter).peekable();
        steps.peek().is_some() && steps.all(|p| self.seen.contains(&p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(chapter: u8, step: u8) -> Place {
        Place { chapter, step }
    }

    #[test]
    fn progress_round_trips() {
        let p = Progress::default().visit(at(1, 1)).visit(at(2, 3)).answered_right(at(2, 3)).visit(at(1, 2));
        let text = p.serialize();
        assert_eq!(text, "v1|seen=1.1,1.2,2.3|right=2.3|last=1.2");
        assert_eq!(Progress::parse(&text), Ok(p));
        assert_eq!(Progress::parse(&Progress::default().serialize()), Ok(Progress::default()));
    }

    #[test]
    fn nothing_stored_is_a_fresh_start_without_a_notice() {
        assert_eq!(Progress::load(None), (Progress::default(), false));
    }

    #[test]
    fn garbage_resets_with_a_notice_and_never_panics() {
        let long = "v1|seen=".to_string() + &"1.1,".repeat(2_000);
        let garbage = [
            "",
            "v2|seen=1.1",
            "{\"seen\":[1]}",
            "v1|seen=1.1|seen=1.2",
            "v1|seen=99.1",
            "v1|seen=1.99",
            "v1|seen=0.0",
            "v1|seen=1.-1",
            "v1|seen=1.1.1",
            "v1|last=x",
            "v1|right=1.1,,a",
            "v1|what=1.1",
            "v1|seen",
            "v1|seen=99999999999999999999.1",
            "v1|seen=١.١",
            "\u{0}\u{ffff}",
            long.as_str(),
        ];
        for g in garbage {
            assert_eq!(Progress::load(Some(g)), (Progress::default(), true), "{g:?}");
        }
        // Every prefix of a good value is harmless too.
        let good = Progress::default().visit(at(3, 2)).answered_right(at(3, 2)).serialize();
        for end in 0..good.len() {
            let _ = Progress::load(Some(&good[..end]));
        }
    }

    #[test]
    fn a_chapter_is_done_when_all_its_steps_were_seen() {
        let mut p = Progress::default();
        assert!(!p.chapter_done(10));
        for place in super::super::model::all_places().filter(|p| p.chapter == 10) {
            p = p.visit(place);
        }
        assert!(p.chapter_done(10) && !p.chapter_done(9) && !p.chapter_done(11));
    }
}
