//! Text of the live input fields (`ui::views::live_input`): the note that shows a value the
//! scenario changes by itself next to the field that sets it, and the hints of a field being
//! edited. Spanish and English, one exhaustive match each.

use super::lang::{keys, Message, Phrase};

keys! {
    /// A fixed string of the live inputs.
    pub enum Text {
        /// Placeholder of a rate field whose producer follows a varying rate (a ramp, spikes).
        RateVaries,
        /// Tooltip of a field being edited: Enter keeps it, Escape goes back.
        EditHint,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::RateVaries => "variable",
            Text::EditHint => "Intro o salir del campo lo aplica; Esc lo deshace",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::RateVaries => "varies",
            Text::EditHint => "Enter or leaving the field applies it; Esc undoes it",
        }
    }
}

/// A live value shown next to the field that sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The producer's rate right now (a ramp or spikes move it).
    RateNow {
        /// Records per second, written out.
        per_sec: String,
    },
    /// The stream's open shards right now (UpdateShardCount, a split or a merge change them).
    ShardsNow {
        /// Open shards.
        open: usize,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::RateNow { per_sec } => format!("ahora: {per_sec} registros/s"),
            Msg::ShardsNow { open: 1 } => "ahora: 1 shard abierto".into(),
            Msg::ShardsNow { open } => format!("ahora: {open} shards abiertos"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::RateNow { per_sec } => format!("now: {per_sec} records/s"),
            Msg::ShardsNow { open: 1 } => "now: 1 open shard".into(),
            Msg::ShardsNow { open } => format!("now: {open} open shards"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_text_is_translated_and_non_empty() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
    }

    #[test]
    fn live_notes_carry_their_value_and_agree_in_number() {
        for lang in Lang::ALL {
            assert!(Msg::RateNow { per_sec: "210".into() }.text(lang).contains("210"));
            assert!(Msg::ShardsNow { open: 8 }.text(lang).contains('8'));
        }
        assert_eq!(Msg::ShardsNow { open: 1 }.text(Lang::Es), "ahora: 1 shard abierto");
        assert_eq!(Msg::ShardsNow { open: 2 }.text(Lang::Es), "ahora: 2 shards abiertos");
        assert_eq!(Msg::RateNow { per_sec: "210".into() }.text(Lang::En), "now: 210 records/s");
    }
}
