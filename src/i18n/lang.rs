//! The UI language and the two traits every text key implements.
//!
//! [`Phrase`] is a fixed string (`&'static str`), [`Message`] a message with values in it
//! (`String`). Each implementor writes one exhaustive `match self` per language (`es`, `en`);
//! callers ask for `key.text(lang)`. The `keys!` macro declares a module's `Text` enum with
//! its `ALL` list, so that the completeness tests see every key.

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Español (the course's language).
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in menu order.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The BCP 47 code, as in `<html lang>` and the URL (`lang=es`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Parses a URL or saved code (`es`, `en`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language for a browser's `navigator.language`: any `es*` tag is Spanish, anything
    /// else English.
    pub fn from_navigator(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("es")) {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
        }
    }
}

/// U+2068 FIRST STRONG ISOLATE: opens the isolate around text a person typed (or a link
/// carried) when a message echoes it, so that a right-to-left override inside it (U+202E)
/// cannot reverse the message around it (Unicode UAX #9, rule X6a: the matching [`PDI`] closes
/// every embedding and override opened inside).
pub const FSI: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE: closes the isolate [`FSI`] opened.
pub const PDI: char = '\u{2069}';

/// `text` between [`FSI`] and [`PDI`]: user text echoed in a message.
pub fn isolate(text: &str) -> String {
    format!("{FSI}{text}{PDI}")
}

/// AWS's validation message with the value it quotes isolated: AWS writes
/// `1 validation error detected: Value '<value>' at '<member>' failed to satisfy constraint: …`
/// (<https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html>,
/// ValidationException), and the value is what the person typed. Other messages are returned
/// as they are.
pub fn isolate_quoted_value(message: &str) -> String {
    const OPEN: &str = "Value '";
    const CLOSE: &str = "' at '";
    let Some(start) = message.find(OPEN).map(|i| i + OPEN.len()) else {
        return message.to_string();
    };
    // The last "' at '": the value itself may contain the same characters.
    let Some(end) = message.rfind(CLOSE).filter(|e| *e >= start) else {
        return message.to_string();
    };
    format!("{}{}{}", &message[..start], isolate(&message[start..end]), &message[end..])
}

/// A fixed string of the UI: a key with one `&'static str` per language.
pub trait Phrase: Copy {
    /// The Spanish text.
    fn es(self) -> &'static str;

    /// The English text.
    fn en(self) -> &'static str;

    /// The text in `lang`.
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => self.es(),
            Lang::En => self.en(),
        }
    }
}

/// A message with values in it: the values are the variant's fields, so a message can be kept
/// (a notice in the store) and written out later in whichever language is chosen then.
pub trait Message {
    /// The Spanish text.
    fn es(&self) -> String;

    /// The English text.
    fn en(&self) -> String;

    /// The text in `lang`.
    fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Es => self.es(),
            Lang::En => self.en(),
        }
    }
}

/// Declares a module's fixed-string enum (`Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
/// Hash`) and its `ALL` list, in declaration order, from one list of variants.
macro_rules! keys {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$doc:meta])* $key:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$doc])* $key,)*
        }

        impl $name {
            /// Every key, in declaration order, for completeness tests.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }
    };
}
pub(crate) use keys;

/// The keys of `all` that read the same in both languages (after checking that none is empty):
/// the completeness tests allow only AWS API names there.
#[cfg(test)]
pub(crate) fn same_in_both<P: Phrase + std::fmt::Debug>(all: &[P]) -> Vec<P> {
    let mut same = Vec::new();
    for &key in all {
        let (es, en) = (key.es(), key.en());
        assert!(!es.trim().is_empty() && !en.trim().is_empty(), "{key:?} is empty");
        if es == en {
            same.push(key);
        }
    }
    same
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_in_aws_messages_is_isolated() {
        let m = "1 validation error detected: Value 'ab\u{202e}cd' at 'streamName' failed to satisfy constraint: x";
        assert_eq!(
            isolate_quoted_value(m),
            "1 validation error detected: Value '\u{2068}ab\u{202e}cd\u{2069}' at 'streamName' failed to satisfy constraint: x"
        );
        let tricky = "Value 'a' at 'b' at 'streamName' failed";
        assert_eq!(isolate_quoted_value(tricky), "Value '\u{2068}a' at 'b\u{2069}' at 'streamName' failed");
        assert_eq!(isolate_quoted_value("Stream s not found"), "Stream s not found");
        assert_eq!(isolate_quoted_value("Value 'x"), "Value 'x");
        assert_eq!(isolate("\u{202e}x"), "\u{2068}\u{202e}x\u{2069}");
    }

    #[test]
    fn navigator_language_picks_spanish_for_any_es_tag() {
        for tag in ["es", "es-ES", "es-419", "ES-mx"] {
            assert_eq!(Lang::from_navigator(tag), Lang::Es, "{tag}");
        }
        for tag in ["en-US", "fr", "", "e"] {
            assert_eq!(Lang::from_navigator(tag), Lang::En, "{tag}");
        }
        assert_eq!(Lang::from_code("es"), Some(Lang::Es));
        assert_eq!(Lang::from_code("de"), None);
    }
}
