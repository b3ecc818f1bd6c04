//! The draft of a live field and when a live value is worth a note beside it. Pure.

use crate::world::producer::Rate;

/// What the student typed into a field since it was last committed; `None` while not editing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    typed: Option<String>,
}

impl Draft {
    /// The text the field shows: the draft while editing, else `setting`.
    pub fn shown<'a>(&'a self, setting: &'a str) -> &'a str {
        self.typed.as_deref().unwrap_or(setting)
    }

    /// True while the student is editing (typed something not yet committed).
    pub fn is_editing(&self) -> bool {
        self.typed.is_some()
    }

    /// The student typed: the field now holds `text`, whatever the live state does.
    pub fn edit(&mut self, text: String) {
        self.typed = Some(text);
    }

    /// Enter or blur: the typed text, exactly, to commit (`None` when nothing was typed); the
    /// field goes back to showing its setting.
    pub fn commit(&mut self) -> Option<String> {
        self.typed.take()
    }

    /// Escape: forget the draft without committing it.
    pub fn cancel(&mut self) {
        self.typed = None;
    }
}

/// The live value to note beside a field set to `setting`: `Some(live)` when the two differ
/// (a ramp moved the rate, UpdateShardCount changed the shards), `None` when the field already
/// says it. A setting of `None` (no single number, e.g. a ramp) always shows the live value.
pub fn live_note(setting: Option<u64>, live: u64) -> Option<u64> {
    (setting != Some(live)).then_some(live)
}

/// The records per second a producer is set to, when that is one number (`Rate::Constant`);
/// `None` for a rate that moves by itself (a ramp, spikes), whose value now is live state.
pub fn set_rate(rate: &Rate) -> Option<u64> {
    match rate {
        Rate::Constant { per_sec } => Some(u64::from(*per_sec)),
        Rate::Ramp { .. } | Rate::Spikes { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bug of #14: while the clock runs, every frame renders the field from live state.
    /// A draft makes the field show the typed text, and commit gives back exactly that text.
    #[test]
    fn frames_do_not_overwrite_a_draft_and_commit_gives_the_typed_text() {
        let mut d = Draft::default();
        assert_eq!(d.shown("4"), "4");
        d.edit("8".into());
        // Frames re-render with the live value (a ramp at 204, then 210): the field keeps "8".
        for live in ["204", "210"] {
            assert_eq!(d.shown(live), "8");
        }
        assert!(d.is_editing());
        assert_eq!(d.commit(), Some("8".to_string()));
        assert!(!d.is_editing());
        assert_eq!(d.shown("8"), "8");
        assert_eq!(d.commit(), None, "a second change event commits nothing new");
    }

    #[test]
    fn escape_forgets_the_draft() {
        let mut d = Draft::default();
        d.edit("50".into());
        d.cancel();
        assert_eq!(d.shown("210"), "210");
        assert_eq!(d.commit(), None);
    }

    #[test]
    fn a_live_value_is_noted_only_when_the_field_does_not_say_it() {
        assert_eq!(live_note(Some(4), 4), None);
        assert_eq!(live_note(Some(4), 8), Some(8));
        assert_eq!(live_note(None, 210), Some(210));
    }

    #[test]
    fn only_a_constant_rate_is_a_setting() {
        assert_eq!(set_rate(&Rate::Constant { per_sec: 50 }), Some(50));
        assert_eq!(set_rate(&Rate::Ramp { from: 10, to: 1_600, over_ms: 60_000 }), None);
        assert_eq!(set_rate(&Rate::Spikes { base: 10, peak: 100, every_ms: 1_000, spike_ms: 100 }), None);
    }
}
