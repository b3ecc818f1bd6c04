//! Text of the timeline (`ui::timeline`, `ui::app::rewind`): the "−10 s" button, the scrubber
//! over the last minutes, the progress of a `t=` seek and the model assumption about rewinding.
//! Spanish and English, one exhaustive match each.

use super::lang::{keys, Lang, Message, Phrase};
use super::numbers::percent_sign;

keys! {
    /// A fixed string of the timeline.
    pub enum Text {
        /// The rewind button ("−10 s").
        Back10,
        /// The rewind button's accessible name and tooltip.
        Back10Help,
        /// The scrubber's label.
        Scrubber,
        /// The scrubber's tooltip: what it does and its bound.
        ScrubberHelp,
        /// Model assumption: how rewinding works and what it costs.
        AssumeRewind,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Back10 => "−10 s",
            Text::Back10Help => "Rebobinar 10 segundos simulados",
            Text::Scrubber => "Rebobinar",
            Text::ScrubberHelp => "Vuelve a cualquier instante de los últimos 5 minutos simulados; con ← y → se mueve de segundo en segundo. Lo que hiciste después se repite al reproducir, hasta que hagas algo nuevo.",
            Text::AssumeRewind => "Rebobinar: la simulación es determinista, así que guarda una copia cada 30 s simulados (11 como mucho: los últimos 5 minutos) y tus acciones con su instante; volver a un instante recalcula desde la copia anterior, como mucho 30 s simulados, y da exactamente el mismo estado (mismo digest). Las copias comparten los registros ya empaquetados.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Back10 => "−10 s",
            Text::Back10Help => "Rewind 10 simulated seconds",
            Text::Scrubber => "Rewind",
            Text::ScrubberHelp => "Goes back to any instant of the last 5 simulated minutes; ← and → move one second at a time. What you did later is replayed when you play, until you do something new.",
            Text::AssumeRewind => "Rewind: the simulation is deterministic, so it keeps a copy every 30 simulated seconds (11 at most: the last 5 minutes) and your actions with their instants; going back to an instant re-simulates from the copy before it, 30 simulated seconds at most, and gives exactly the same state (same digest). Copies share the records already packed.",
        }
    }
}

/// A timeline message with values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A `t=` link is being played forward.
    Seeking {
        /// The target, written out (`32 h`).
        to: String,
        /// Done so far, whole percent.
        percent: u64,
    },
    /// How far back the scrubber reaches now.
    Span {
        /// The span, written out (`4 min 30 s`).
        span: String,
        /// True when it is shorter than the usual five minutes for a reason other than the
        /// simulation's youth (a seek started it late).
        short: bool,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Seeking { to, percent } => {
                format!("Avanzando a {to}… {}", percent_sign(percent.to_string(), Lang::Es))
            }
            Msg::Span { span, short: false } => format!("últimos {span}"),
            Msg::Span { span, short: true } => format!("solo los últimos {span}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Seeking { to, percent } => {
                format!("Moving on to {to}… {}", percent_sign(percent.to_string(), Lang::En))
            }
            Msg::Span { span, short: false } => format!("last {span}"),
            Msg::Span { span, short: true } => format!("only the last {span}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_text_is_translated_and_non_empty() {
        assert_eq!(same_in_both(Text::ALL), vec![Text::Back10]);
    }

    #[test]
    fn the_seek_progress_reads_naturally_in_both_languages() {
        let m = Msg::Seeking { to: "32 h".into(), percent: 40 };
        assert_eq!(m.text(Lang::Es), "Avanzando a 32 h… 40\u{a0}%");
        assert_eq!(m.text(Lang::En), "Moving on to 32 h… 40%");
        assert_eq!(Msg::Span { span: "5 min".into(), short: false }.text(Lang::Es), "últimos 5 min");
    }
}
