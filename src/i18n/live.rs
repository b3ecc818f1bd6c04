//! Text of the live window (`ui::live`, `ui::app::live`): the "En directo / Live" badge and its
//! connection states, the digests side by side, the calls received, and what live mode is.
//! Spanish and English, one exhaustive match each.

use super::lang::{keys, Message, Phrase};

keys! {
    /// A fixed string of the live window.
    pub enum Text {
        /// The badge.
        Live,
        /// Connection: opening the first connection.
        Connecting,
        /// Connection: events arrive.
        Connected,
        /// Connection: dropped, the browser reconnects.
        Reconnecting,
        /// Connection: the browser gave up.
        Disconnected,
        /// The button that opens the log again.
        Reconnect,
        /// What live mode is, in one sentence, and how to start the endpoint.
        Explain,
        /// Label of the endpoint's digest.
        ServerDigest,
        /// Label of the browser's digest.
        OurDigest,
        /// No tick compared yet.
        NotCompared,
        /// The region's accessible name.
        Region,
        /// The client reader's cursor, in the flow view's legend.
        ReaderLegend,
        /// A record the student's client put (the badge).
        Yours,
        /// The legend of the records the student's client put.
        YoursLegend,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Live => "En directo",
            Text::Connecting => "conectando",
            Text::Connected => "conectado",
            Text::Reconnecting => "reconectando",
            Text::Disconnected => "desconectado",
            Text::Reconnect => "Reconectar",
            Text::Explain => "Modo en directo: esta ventana repite, en su propio motor y con la misma configuración, cada llamada que tu código (boto3, la AWS CLI) hace al endpoint local; arráncalo con «make endpoint» y apunta tu cliente a --endpoint-url http://127.0.0.1:4567.",
            Text::ServerDigest => "servidor",
            Text::OurDigest => "navegador",
            Text::NotCompared => "aún sin comparar",
            Text::Region => "Ventana en directo",
            Text::Yours => "tuyo (tu cliente)",
            Text::YoursLegend => "◎ tuyo: cada registro que tu cliente puso con PutRecord o PutRecords en el endpoint local.",
            Text::ReaderLegend => "GetRecords #n: hasta dónde ha leído tu cliente en ese shard (el último registro que recibió).",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Live => "Live",
            Text::Connecting => "connecting",
            Text::Connected => "connected",
            Text::Reconnecting => "reconnecting",
            Text::Disconnected => "disconnected",
            Text::Reconnect => "Reconnect",
            Text::Explain => "Live mode: this window replays, in its own engine with the same settings, every call your code (boto3, the AWS CLI) makes to the local endpoint; start it with “make endpoint” and point your client at --endpoint-url http://127.0.0.1:4567.",
            Text::ServerDigest => "server",
            Text::OurDigest => "browser",
            Text::NotCompared => "not compared yet",
            Text::Region => "Live window",
            Text::Yours => "yours (your client)",
            Text::YoursLegend => "◎ yours: each record your client put with PutRecord or PutRecords on the local endpoint.",
            Text::ReaderLegend => "GetRecords #n: how far your client has read that shard (the last record it got).",
        }
    }
}

/// A live-window message with values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Calls received from the log.
    Calls {
        /// How many.
        n: u64,
    },
    /// Both digests agree at this point.
    Agree {
        /// Calls applied.
        calls: u64,
        /// The instant, written out.
        at: String,
    },
    /// The digests differ at this point.
    Differ {
        /// Calls applied.
        calls: u64,
        /// The instant, written out.
        at: String,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Calls { n: 1 } => "1 llamada recibida".into(),
            Msg::Calls { n } => format!("{n} llamadas recibidas"),
            Msg::Agree { calls, at } => format!("✓ iguales tras {calls} llamadas, en t = {at}"),
            Msg::Differ { calls, at } => {
                format!(
                    "⚠ distintos tras {calls} llamadas, en t = {at}: el navegador no reproduce lo que hizo el servidor"
                )
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Calls { n: 1 } => "1 call received".into(),
            Msg::Calls { n } => format!("{n} calls received"),
            Msg::Agree { calls, at } => format!("✓ equal after {calls} calls, at t = {at}"),
            Msg::Differ { calls, at } => {
                format!(
                    "⚠ different after {calls} calls, at t = {at}: the browser does not reproduce what the server did"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;
    use crate::i18n::Lang;

    #[test]
    fn every_text_is_translated_and_the_counts_agree_in_number() {
        assert_eq!(same_in_both(Text::ALL), Vec::<Text>::new());
        assert_eq!(Msg::Calls { n: 1 }.text(Lang::Es), "1 llamada recibida");
        assert_eq!(Msg::Calls { n: 16 }.text(Lang::En), "16 calls received");
        assert!(Text::Explain.text(Lang::Es).contains("make endpoint"));
        assert!(Text::Explain.text(Lang::En).contains("make endpoint"));
    }
}
