//! Spanish and English text for everything a person reads (STYLE rule 8).
//!
//! [`Text`] names every fixed string and [`Msg`] every message with values in it. Each language
//! is one exhaustive `match` ([`es`], [`en`]): adding a key without its translation does not
//! compile. AWS API terms (`shard`, `TRIM_HORIZON`, `PartitionKey`) stay visible next to their
//! Spanish glosses. The engine never produces prose; AWS error messages are shown as AWS words them.

mod en;
mod es;
pub mod flow;
pub mod hashing;
pub mod pipelines;
pub mod resharding;
pub mod retention;

use crate::world::error::WorldError;
use crate::world::presets::Preset;
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

    /// The fixed string `t` in this language.
    pub fn t(self, t: Text) -> &'static str {
        match self {
            Lang::Es => es::text(t),
            Lang::En => en::text(t),
        }
    }

    /// The message `m` in this language.
    pub fn msg(self, m: &Msg) -> String {
        match self {
            Lang::Es => es::msg(m),
            Lang::En => en::msg(m),
        }
    }

    /// Why a world command failed, in this language.
    pub fn world_error(self, e: &WorldError) -> String {
        match self {
            Lang::Es => es::world_error(e),
            Lang::En => en::world_error(e),
        }
    }
}

macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// A fixed string of the UI.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Text {
            $($(#[$doc])* $name,)*
        }

        impl Text {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Text] = &[$(Text::$name,)*];
        }
    };
}

texts! {
    /// The app's name.
    AppTitle,
    /// What the app is, under the title.
    Tagline,
    /// Tab: the overview view.
    ViewOverview,
    /// Tab: the hashing view.
    ViewHashing,
    /// Tab: the record flow view.
    ViewFlow,
    /// Tab: the retention view.
    ViewRetention,
    /// Tab: the resharding view.
    ViewResharding,
    /// Tab: the pipelines (Lambda vs Kappa) view.
    ViewPipelines,
    /// Label of the view tabs.
    Views,
    /// Play button.
    Play,
    /// Pause button.
    Pause,
    /// Step button.
    Step,
    /// Step button tooltip.
    StepHelp,
    /// Reset button.
    Reset,
    /// Reset button tooltip.
    ResetHelp,
    /// Speed selector label.
    Speed,
    /// Speed selector tooltip.
    SpeedHelp,
    /// Label of the simulated clock.
    SimTime,
    /// Seed field label.
    Seed,
    /// Seed field tooltip.
    SeedHelp,
    /// Language switch label.
    Language,
    /// Side panel heading.
    StreamControls,
    /// Scenario picker label.
    Scenario,
    /// Shard count label.
    Shards,
    /// Shard count tooltip.
    ShardsHelp,
    /// Producer rate label.
    Rate,
    /// Key distribution label.
    Keys,
    /// Uniform keys option.
    KeysUniform,
    /// Few hot keys option.
    KeysHot,
    /// Limits switch label.
    Limits,
    /// Limits switch tooltip.
    LimitsHelp,
    /// Stream name field label.
    StreamName,
    /// Stream name field tooltip.
    StreamNameHelp,
    /// Heading of the model assumptions.
    ModelAssumptions,
    /// Assumption: virtual time.
    AssumeTime,
    /// Assumption: token buckets.
    AssumeBuckets,
    /// Assumption: consumers.
    AssumeConsumers,
    /// Assumption: payloads.
    AssumePayloads,
    /// Assumption: resharding timing.
    AssumeReshard,
    /// Assumption: what the Lambda and Kappa pipelines simplify.
    AssumePipelines,
    /// Overview: what the lanes show.
    OverviewHelp,
    /// Shard lane counter: records accepted.
    Incoming,
    /// Shard lane counter: records/s.
    PerSecond,
    /// Shard lane counter: throttled puts.
    Throttled,
    /// Shard lane counter: records retained.
    Stored,
    /// Shard state CLOSED gloss.
    Closed,
    /// Totals: records accepted by the stream.
    Accepted,
    /// Totals: records produced.
    Produced,
    /// Totals: dropped after retries.
    Dropped,
    /// Consumers table heading.
    Consumers,
    /// Consumer column: delivered records.
    Delivered,
    /// Consumer column: lag.
    Lag,
    /// Consumer column: lost records.
    Lost,
    /// Consumers table column: the consumer's kind.
    ConsumerKindCol,
    /// Consumer kind: polling.
    KindPolling,
    /// Consumer kind: enhanced fan-out.
    KindFanOut,
    /// Consumer kind: Lambda.
    KindLambda,
    /// Digest label.
    Digest,
    /// Digest tooltip.
    DigestHelp,
    /// Dismiss a notice.
    Dismiss,
    /// Link from embed mode to the full app.
    OpenFull,
    /// Keyboard shortcuts hint.
    Shortcuts,
    /// The time axis of the lanes: age of records.
    AgeAxis,
    /// Footer: this is a simulation.
    Disclaimer,
    /// Notice: the simulation paused itself because the browser's memory guard was reached.
    MemoryPaused,
    /// Notice: the clock runs slower than asked because a frame's work is capped.
    CpuCapped,
    /// Preset description: activity-logs.
    PresetActivityLogs,
    /// Preset description: clickstream.
    PresetClickstream,
    /// Preset description: hot-key.
    PresetHotKey,
    /// Preset description: slow-consumer.
    PresetSlowConsumer,
    /// Preset description: resharding.
    PresetResharding,
    /// Preset description: fan-out.
    PresetFanOut,
    /// Preset description: iot-sensors.
    PresetIotSensors,
    /// Preset description: e-commerce.
    PresetECommerce,
}

/// A message with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A URL parameter was ignored.
    BadParam {
        /// The parameter.
        name: String,
        /// What it held.
        value: String,
        /// What is allowed, e.g. `1–64`.
        allowed: String,
    },
    /// A URL parameter is not known.
    UnknownParam {
        /// The parameter.
        name: String,
    },
    /// A view in the URL does not exist.
    UnknownView {
        /// The slug.
        slug: String,
    },
    /// A view's sub-path in the URL does not exist (`#/pipelines/gamma`).
    UnknownPanel {
        /// The view's slug.
        view: String,
        /// The sub-path.
        panel: String,
        /// The sub-paths it takes.
        allowed: String,
    },
    /// A form field value was refused.
    BadField {
        /// The field's label.
        field: &'static str,
        /// What it held.
        value: String,
        /// What is allowed.
        allowed: String,
    },
    /// The stream could not be created: AWS's error.
    AwsError {
        /// AWS error type.
        error: String,
        /// AWS message.
        message: String,
    },
    /// A world command failed (a notice).
    World(WorldError),
    /// `n` shards open.
    OpenShards {
        /// Count.
        n: usize,
    },
    /// Speed as a multiplier, with what it means.
    SpeedOption {
        /// Multiplier text (`0.1`, `3600`).
        factor: String,
    },
}

/// The description key of a scenario preset.
pub fn preset_text(preset: Preset) -> Text {
    match preset {
        Preset::ActivityLogs => Text::PresetActivityLogs,
        Preset::Clickstream => Text::PresetClickstream,
        Preset::HotKey => Text::PresetHotKey,
        Preset::SlowConsumer => Text::PresetSlowConsumer,
        Preset::Resharding => Text::PresetResharding,
        Preset::FanOut => Text::PresetFanOut,
        Preset::IotSensors => Text::PresetIotSensors,
        Preset::ECommerce => Text::PresetECommerce,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated_and_non_empty() {
        let mut same = Vec::new();
        for t in Text::ALL {
            let (es, en) = (Lang::Es.t(*t), Lang::En.t(*t));
            assert!(!es.trim().is_empty() && !en.trim().is_empty(), "{t:?} is empty");
            if es == en {
                same.push(*t);
            }
        }
        // Only names that are the same in both languages may be identical.
        assert_eq!(same, vec![Text::AppTitle], "untranslated keys");
        assert!(Text::ALL.len() > 50, "every key is listed in Text::ALL");
    }

    #[test]
    fn every_preset_has_its_own_description() {
        let texts: std::collections::BTreeSet<Text> = Preset::ALL.into_iter().map(preset_text).collect();
        assert_eq!(texts.len(), Preset::ALL.len());
        for p in Preset::ALL {
            assert!(Lang::En.t(preset_text(p)).starts_with(p.slug()), "{p:?}");
        }
    }

    #[test]
    fn world_errors_carry_their_values_in_both_languages() {
        use crate::world::error::Named;
        for kind in Named::ALL {
            let e = WorldError::NotFound { kind, name: "app-7".into() };
            for lang in Lang::ALL {
                assert!(lang.world_error(&e).contains("app-7"), "{kind:?} {lang:?}");
                assert_eq!(lang.msg(&Msg::World(e.clone())), lang.world_error(&e));
            }
        }
        let aws = crate::engine::error::ApiError {
            error_type: crate::engine::ErrorType::ResourceInUseException,
            message: Some("Stream x is in use".into()),
        };
        let text = Lang::Es.world_error(&WorldError::Aws(aws));
        assert!(text.contains("ResourceInUseException: Stream x is in use"), "{text}");
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

    #[test]
    fn messages_carry_their_values_in_both_languages() {
        let m = Msg::BadParam { name: "shards".into(), value: "abc".into(), allowed: "1–64".into() };
        for lang in Lang::ALL {
            let text = lang.msg(&m);
            assert!(text.contains("shards") && text.contains("abc") && text.contains("1–64"), "{text}");
        }
    }
}
