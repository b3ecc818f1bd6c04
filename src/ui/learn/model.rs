//! The learn path's registry, as data: ten chapters that follow the course's notes in order,
//! each a few steps, each step one idea with the world it runs, the view shown under its text,
//! the "Prueba esto / Try this" actions and, in one step per chapter, a prediction.
//!
//! ```text
//!  CHAPTERS ─► Chapter { title, steps: [Step { text, world, stage, tries, predict }] }
//!  Place { chapter, step } (1-based, as in `#/learn/3/2`) ─► step(place) ─► &Step
//!  Place::nearest(chapter, step): a bad link opens the nearest step that exists
//! ```
//!
//! Pure: no yew, no browser. The texts are keys into `i18n::learn*`, so a step without its
//! Spanish or English text does not compile.

use super::predict::Kind;
use crate::i18n::learn::{Chapter as ChapterText, StepText};
use crate::i18n::learn_a::Step as A;
use crate::i18n::learn_b::Step as B;
use crate::i18n::learn_c::Step as C;
use crate::ui::sim::{KeyMode, Settings};
use crate::world::presets::Preset;

/// The seed of every lesson world: a step shows the same thing each time it opens.
pub const LESSON_SEED: u64 = 1;

/// Where the student is: chapter and step, both from 1 (`#/learn/3/2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// Chapter, 1 to [`CHAPTERS`]`.len()`.
    pub chapter: u8,
    /// Step within the chapter, from 1.
    pub step: u8,
}

impl Place {
    /// The step that exists nearest to `chapter`/`step` (out-of-range values are clamped).
    pub fn nearest(chapter: u64, step: u64) -> Place {
        let c = chapter.clamp(1, CHAPTERS.len() as u64) as usize;
        let steps = CHAPTERS[c - 1].steps.len() as u64;
        Place { chapter: c as u8, step: step.clamp(1, steps) as u8 }
    }

    /// Whether this step exists.
    pub fn exists(self) -> bool {
        step(self).is_some()
    }

    /// The path after `#/learn/` (`3/2`).
    pub fn path(self) -> String {
        format!("{}/{}", self.chapter, self.step)
    }

    /// The next step, across chapters (`None` after the last).
    pub fn next(self) -> Option<Place> {
        let here = all_places().position(|p| p == self)?;
        all_places().nth(here + 1)
    }

    /// The previous step, across chapters (`None` before the first).
    pub fn prev(self) -> Option<Place> {
        let here = all_places().position(|p| p == self)?;
        here.checked_sub(1).and_then(|i| all_places().nth(i))
    }
}

/// Every step in path order.
pub fn all_places() -> impl Iterator<Item = Place> {
    CHAPTERS
        .iter()
        .enumerate()
        .flat_map(|(c, ch)| (0..ch.steps.len()).map(move |s| Place { chapter: c as u8 + 1, step: s as u8 + 1 }))
}

/// How many steps the path has.
pub fn step_count() -> usize {
    CHAPTERS.iter().map(|c| c.steps.len()).sum()
}

/// The step at `place`.
pub fn step(place: Place) -> Option<&'static Step> {
    let ch = CHAPTERS.get(usize::from(place.chapter).checked_sub(1)?)?;
    ch.steps.get(usize::from(place.step).checked_sub(1)?)
}

/// The view shown under a step's text (one of the app's hosts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Shards as lanes.
    Overview,
    /// Key → MD5 → hash range → shard.
    Hashing,
    /// Producers → shards → consumers, record by record.
    Flow,
    /// The retention window and iterators.
    Retention,
    /// Shard lineage.
    Resharding,
    /// Lambda and Kappa.
    Pipelines,
    /// The console at this step of its tutorial level (from 1).
    Console(u8),
    /// The cost card (provisioned vs on-demand for the running load) over the overview.
    Cost,
    /// The KCL's lease table (`#/kcl`).
    Kcl,
    /// Firehose writing S3 objects (`#/firehose`).
    Firehose,
    /// CloudWatch metrics (`#/metrics`).
    Metrics,
    /// Encryption and the three Availability Zones (`#/durability`).
    Durability,
}

/// A "Prueba esto / Try this" action on the running simulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Try {
    /// `PutRecord` on the shown stream with this `PartitionKey`.
    Put(&'static str),
    /// The first producer's rate, records/s.
    Rate(u32),
    /// The first producer's key distribution.
    Keys(KeyMode),
    /// `UpdateShardCount` to this many shards (`UNIFORM_SCALING`).
    Shards(u32),
    /// Clock speed, per-mille (60 000: one simulated minute per second).
    Speed(u64),
    /// A line typed and run in the console.
    Console(&'static str),
}

/// The world a step runs: a preset and its overrides, seeded with [`LESSON_SEED`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct World {
    /// The preset.
    pub preset: Preset,
    /// Shard count override.
    pub shards: Option<u32>,
    /// First producer's rate override, records/s.
    pub rate: Option<u32>,
    /// Key distribution override.
    pub keys: Option<KeyMode>,
}

impl World {
    const fn of(preset: Preset) -> World {
        World { preset, shards: None, rate: None, keys: None }
    }

    const fn shards(self, n: u32) -> World {
        World { shards: Some(n), ..self }
    }

    const fn rate(self, r: u32) -> World {
        World { rate: Some(r), ..self }
    }

    /// The simulation settings of this world.
    pub fn settings(self) -> Settings {
        Settings {
            seed: LESSON_SEED,
            scenario: self.preset,
            shards: self.shards,
            rate: self.rate,
            keys: self.keys,
            ..Settings::default()
        }
    }
}

/// One step: one idea.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// Its title and text.
    pub text: StepText,
    /// The world it runs (a step with a prediction runs the prediction's world instead).
    pub world: World,
    /// The view under the text.
    pub stage: Stage,
    /// "Try this" actions.
    pub tries: &'static [Try],
    /// The prediction asked in this step, if any.
    pub predict: Option<Kind>,
}

impl Step {
    /// The settings the step builds when it opens: the prediction's world if it has one.
    pub fn settings(&self) -> Settings {
        match self.predict {
            Some(kind) => kind.settings(LESSON_SEED),
            None => self.world.settings(),
        }
    }
}

/// A chapter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chapter {
    /// Its title.
    pub title: ChapterText,
    /// Its steps, 2 to 4.
    pub steps: &'static [Step],
}

const fn idea(text: StepText, world: World, stage: Stage, tries: &'static [Try]) -> Step {
    Step { text, world, stage, tries, predict: None }
}

const fn quiz(text: StepText, world: World, stage: Stage, tries: &'static [Try], kind: Kind) -> Step {
    Step { text, world, stage, tries, predict: Some(kind) }
}

const LOGS: World = World::of(Preset::ActivityLogs);
const HOT: World = World::of(Preset::HotKey);
const FAN: World = World::of(Preset::FanOut);
const SLOW: World = World::of(Preset::SlowConsumer);
const RESHARD: World = World::of(Preset::Resharding);
const SHOP: World = World::of(Preset::ECommerce);
const CLICKS: World = World::of(Preset::Clickstream);

/// The path: the course's notes in their order.
pub const CHAPTERS: [Chapter; 10] = [
    Chapter {
        title: ChapterText::Stream,
        steps: &[
            idea(StepText::A(A::StreamWhat), LOGS, Stage::Overview, &[Try::Speed(10_000)]),
            idea(StepText::A(A::StreamShards), LOGS.shards(4), Stage::Overview, &[Try::Shards(8), Try::Shards(2)]),
            quiz(StepText::A(A::StreamCapacity), LOGS, Stage::Overview, &[Try::Rate(1_500)], Kind::StreamCapacity),
        ],
    },
    Chapter {
        title: ChapterText::Hashing,
        steps: &[
            idea(StepText::A(A::KeyMd5), LOGS.shards(4), Stage::Hashing, &[Try::Put("user-42"), Try::Put("user-7")]),
            idea(StepText::A(A::KeyRanges), LOGS.shards(4), Stage::Hashing, &[Try::Put("user-42"), Try::Shards(8)]),
            quiz(StepText::A(A::KeyPredict), LOGS.shards(4), Stage::Hashing, &[], Kind::ShardOfKey),
        ],
    },
    Chapter {
        title: ChapterText::Records,
        steps: &[
            idea(StepText::A(A::RecordParts), LOGS.shards(2).rate(20), Stage::Flow, &[Try::Put("user-42")]),
            idea(
                StepText::A(A::RecordOrder),
                LOGS.shards(2).rate(20),
                Stage::Flow,
                &[Try::Put("user-42"), Try::Put("user-7")],
            ),
            quiz(StepText::A(A::RecordPredict), LOGS.shards(2).rate(20), Stage::Flow, &[], Kind::OrderInShard),
        ],
    },
    Chapter {
        title: ChapterText::Producers,
        steps: &[
            idea(StepText::B(B::Limits), LOGS.shards(2), Stage::Overview, &[Try::Rate(2_500), Try::Rate(500)]),
            idea(StepText::B(B::HotKey), HOT, Stage::Overview, &[Try::Keys(KeyMode::Uniform), Try::Keys(KeyMode::Hot)]),
            quiz(StepText::B(B::HotPredict), HOT, Stage::Hashing, &[], Kind::HotKeyThrottle),
        ],
    },
    Chapter {
        title: ChapterText::Consumers,
        steps: &[
            idea(StepText::B(B::Polling), FAN, Stage::Flow, &[Try::Speed(10_000)]),
            idea(StepText::B(B::FanOut), FAN, Stage::Flow, &[Try::Speed(10_000)]),
            idea(StepText::B(B::Kcl), CLICKS, Stage::Kcl, &[Try::Speed(10_000)]),
            quiz(StepText::B(B::ReadersPredict), FAN, Stage::Flow, &[], Kind::ReadersShare),
        ],
    },
    Chapter {
        title: ChapterText::Retention,
        steps: &[
            idea(StepText::B(B::Window), SLOW, Stage::Retention, &[Try::Speed(3_600_000)]),
            idea(StepText::B(B::Iterators), SLOW, Stage::Retention, &[Try::Speed(600_000)]),
            quiz(StepText::B(B::LossPredict), SLOW, Stage::Retention, &[], Kind::RetentionLoss),
        ],
    },
    Chapter {
        title: ChapterText::Resharding,
        steps: &[
            idea(StepText::C(C::SplitMerge), RESHARD, Stage::Resharding, &[Try::Speed(60_000)]),
            idea(StepText::C(C::ParentFirst), RESHARD, Stage::Resharding, &[Try::Shards(4), Try::Shards(2)]),
            quiz(StepText::C(C::ReshardPredict), LOGS.shards(3), Stage::Resharding, &[], Kind::ReshardCount),
        ],
    },
    Chapter {
        title: ChapterText::Cli,
        steps: &[
            idea(StepText::C(C::CliCreate), LOGS, Stage::Console(1), &[Try::Console("aws kinesis list-streams")]),
            idea(StepText::C(C::CliPut), LOGS, Stage::Console(6), &[]),
            quiz(StepText::C(C::CliRead), LOGS, Stage::Console(9), &[], Kind::CliOutput),
        ],
    },
    Chapter {
        title: ChapterText::Pipelines,
        steps: &[
            idea(StepText::C(C::Batch), SHOP, Stage::Pipelines, &[Try::Speed(600_000)]),
            idea(StepText::C(C::LambdaKappa), SHOP, Stage::Pipelines, &[Try::Speed(60_000)]),
            quiz(StepText::C(C::PipelinesPredict), SHOP, Stage::Pipelines, &[], Kind::Pipelines),
            idea(StepText::C(C::Firehose), SHOP, Stage::Firehose, &[Try::Speed(60_000)]),
        ],
    },
    Chapter {
        title: ChapterText::Costs,
        steps: &[
            idea(StepText::C(C::CostModes), LOGS, Stage::Cost, &[Try::Shards(10), Try::Rate(5_000)]),
            quiz(
                StepText::C(C::CostPredict),
                LOGS,
                Stage::Cost,
                &[Try::Rate(100), Try::Rate(5_000)],
                Kind::CheaperMode,
            ),
            idea(StepText::C(C::Metrics), HOT, Stage::Metrics, &[Try::Speed(10_000), Try::Keys(KeyMode::Uniform)]),
            idea(StepText::C(C::Safety), LOGS, Stage::Durability, &[Try::Speed(10_000)]),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_chapter_has_two_to_four_steps_and_one_prediction() {
        for (i, ch) in CHAPTERS.iter().enumerate() {
            assert!((2..=4).contains(&ch.steps.len()), "chapter {} has {} steps", i + 1, ch.steps.len());
            let quizzes = ch.steps.iter().filter(|s| s.predict.is_some()).count();
            assert_eq!(quizzes, 1, "chapter {}", i + 1);
        }
        // The predictions follow the chapters, one kind each, in order.
        let kinds: Vec<Kind> = CHAPTERS.iter().filter_map(|c| c.steps.iter().find_map(|s| s.predict)).collect();
        assert_eq!(kinds, Kind::ALL.to_vec());
        assert_eq!(step_count(), all_places().count());
        assert!(step_count() >= 25, "{}", step_count());
    }

    #[test]
    fn every_step_has_a_title_and_a_text_of_a_few_sentences_in_both_languages() {
        for p in all_places() {
            let Some(s) = step(p) else { panic!("{p:?}") };
            for lang in Lang::ALL {
                let title = s.text.title(lang);
                let body = s.text.body(lang);
                assert!(!title.trim().is_empty() && title.len() < 80, "{p:?} {lang:?} {title}");
                let sentences = body.matches(". ").count() + 1;
                assert!((2..=7).contains(&sentences), "{p:?} {lang:?}: {sentences} sentences");
            }
            assert_ne!(s.text.body(Lang::Es), s.text.body(Lang::En), "{p:?}");
        }
    }

    #[test]
    fn every_link_path_parses_back_to_its_step() {
        for p in all_places() {
            let (c, s) =
                p.path().split_once('/').map(|(c, s)| (c.parse().ok(), s.parse().ok())).unwrap_or((None, None));
            assert_eq!(Place::nearest(c.unwrap_or(0), s.unwrap_or(0)), p);
            assert!(p.exists());
        }
    }

    #[test]
    fn nearest_clamps_to_a_step_that_exists() {
        assert_eq!(Place::nearest(0, 0), Place { chapter: 1, step: 1 });
        assert_eq!(Place::nearest(99, 1), Place { chapter: 10, step: 1 });
        assert_eq!(Place::nearest(3, 99), Place { chapter: 3, step: CHAPTERS[2].steps.len() as u8 });
        assert!(!Place { chapter: 3, step: 9 }.exists());
        assert!(!Place { chapter: 0, step: 1 }.exists());
    }

    #[test]
    fn next_and_prev_walk_the_whole_path() {
        let first = Place { chapter: 1, step: 1 };
        let mut p = first;
        let mut n = 1;
        while let Some(q) = p.next() {
            assert_eq!(q.prev(), Some(p));
            p = q;
            n += 1;
        }
        assert_eq!(n, step_count());
        assert_eq!(first.prev(), None);
        assert_eq!(p.chapter as usize, CHAPTERS.len());
    }

    #[test]
    fn every_step_world_builds() {
        for p in all_places() {
            let Some(s) = step(p) else { panic!("{p:?}") };
            assert!(crate::ui::sim::Sim::new(s.settings()).is_ok(), "{p:?}");
        }
    }
}
