//! URL state: the view and the settings in the hash, e.g.
//! `#/overview?seed=7&shards=4&rate=50&lang=es&speed=10`. The simulation's part is one
//! [`Settings`] value, the very one the world is built from (`seed`, `scenario`, `shards`,
//! `rate`, `keys`, `limits`); the rest is the app's (`view`, panel, `speed`, `lang`, `embed`).
//!
//! Opening such a link restores that state; changing a control rewrites the hash. `embed=1`
//! may also sit in the page's query (`?embed=1#/overview`). A bad value never stops the page: it
//! falls back to its default and leaves a [`Msg`] for a visible, localized notice.
//!
//! Views form a registry ([`View`]) with lowercase slugs, as in egui's demo app. The pipelines
//! view also takes a panel (`#/pipelines/lambda`, `#/pipelines/kappa`) to show one diagram alone,
//! e.g. in an iframe with `embed=1`. A link to `#/pipelines` that names no `scenario=` opens the
//! `e-commerce` preset, the only one that runs the pipelines; to keep links round-tripping, the
//! hash of the pipelines view always names its scenario.

pub use super::cards::Card;
use super::learn::model::Place;
use super::pacer::{Pacer, DEFAULT_SPEED_MILLI, SPEEDS_MILLI};
use super::sim::{KeyMode, Settings, DEFAULT_SCENARIO};
use super::timeline::{parse_seek, seek_text};
use crate::console::CliVersion;
use crate::i18n::app::{Msg, Text};
use crate::i18n::links::Msg as LinkMsg;
use crate::i18n::Lang;
use crate::world::presets::Preset;

/// The views of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum View {
    /// Shards as lanes with records flowing in.
    #[default]
    Overview,
    /// Partition keys hashed onto the 128-bit hash-key ranges.
    Hashing,
    /// Producers → shards → consumers, record by record.
    Flow,
    /// Records on a time axis against the retention window; iterators.
    Retention,
    /// Shard lineage over time: splits, merges, parent-first reading.
    Resharding,
    /// The Kinesis Client Library: lease table, workers, checkpoints, failover (#17).
    Kcl,
    /// The Lambda and Kappa architectures fed by the same stream.
    Pipelines,
    /// Firehose reading the stream and writing S3 objects (#17).
    Firehose,
    /// CloudWatch metrics, statistics and alarms (#17).
    Metrics,
    /// Cost and capacity: provisioned vs on-demand, quotas (#17).
    Cost,
    /// Server-side encryption and the three Availability Zone copies (#17).
    Durability,
    /// The `aws kinesis` console and the CLI tutorial as a guided level.
    Console,
    /// The glossary: AWS's terms and the Spanish names of each concept.
    Glossary,
    /// The learn path: the start page (`#/learn`) or one step (`#/learn/3/2`).
    Learn,
    /// The teacher page: every step's link and iframe snippet.
    Teach,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 15] = [
        View::Learn,
        View::Overview,
        View::Hashing,
        View::Flow,
        View::Retention,
        View::Resharding,
        View::Kcl,
        View::Pipelines,
        View::Firehose,
        View::Metrics,
        View::Cost,
        View::Durability,
        View::Console,
        View::Glossary,
        View::Teach,
    ];

    /// The slug in the hash (`#/overview`).
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Hashing => "hashing",
            View::Flow => "flow",
            View::Retention => "retention",
            View::Resharding => "resharding",
            View::Pipelines => "pipelines",
            View::Kcl => "kcl",
            View::Firehose => "firehose",
            View::Metrics => "metrics",
            View::Cost => "cost",
            View::Durability => "durability",
            View::Console => "console",
            View::Glossary => "glossary",
            View::Learn => "learn",
            View::Teach => "teach",
        }
    }

    /// The tab title.
    pub fn title(self) -> Text {
        match self {
            View::Overview => Text::ViewOverview,
            View::Hashing => Text::ViewHashing,
            View::Flow => Text::ViewFlow,
            View::Retention => Text::ViewRetention,
            View::Resharding => Text::ViewResharding,
            View::Pipelines => Text::ViewPipelines,
            View::Kcl => Text::ViewKcl,
            View::Firehose => Text::ViewFirehose,
            View::Metrics => Text::ViewMetrics,
            View::Cost => Text::ViewCost,
            View::Durability => Text::ViewDurability,
            View::Console => Text::ViewConsole,
            View::Glossary => Text::ViewGlossary,
            View::Learn => Text::ViewLearn,
            View::Teach => Text::ViewTeach,
        }
    }

    /// The view of a slug.
    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// One panel of the pipelines view, shown alone (`#/pipelines/lambda`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Panel {
    /// The Lambda architecture (Marz).
    Lambda,
    /// The Kappa architecture (Kreps).
    Kappa,
}

impl Panel {
    /// Both panels.
    pub const ALL: [Panel; 2] = [Panel::Lambda, Panel::Kappa];

    /// The sub-path (`lambda`).
    pub fn slug(self) -> &'static str {
        match self {
            Panel::Lambda => "lambda",
            Panel::Kappa => "kappa",
        }
    }

    /// The panel of a sub-path.
    pub fn from_slug(slug: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

impl Card {
    /// The view it belongs to.
    pub fn view(self) -> View {
        View::from_slug(self.view_slug()).unwrap_or_default()
    }

    /// The slugs `panel=` takes on `view` (the pipelines view's are [`Panel`]s).
    pub fn slugs(view: View) -> Vec<&'static str> {
        match view {
            View::Pipelines => Panel::ALL.map(Panel::slug).to_vec(),
            _ => Card::slugs_of(view.slug()),
        }
    }

    /// The card of `view` named `slug`.
    pub fn of(view: View, slug: &str) -> Option<Card> {
        Card::named(view.slug(), slug)
    }
}

/// The partition key a link may set (`pk=`): AWS takes 1 to 256 Unicode characters
/// (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html>, PartitionKey).
pub const MAX_PK_CHARS: usize = 256;

/// An `ehk=` value as AWS's pattern `0|([1-9]\d{0,38})` takes it, within 0…2¹²⁸−1
/// (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html>,
/// ExplicitHashKey).
fn explicit_hash_key(value: &str) -> Option<u128> {
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    let canonical = value == "0" || !value.starts_with('0');
    value.parse::<u128>().ok().filter(|_| digits && canonical)
}

/// Percent-encodes a URL component: unreserved characters (RFC 3986) stay, every other byte of
/// its UTF-8 becomes `%XX`, so [`decode`] gives it back exactly.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Seeds the UI accepts (what a number field round-trips exactly).
pub const MAX_SEED: u64 = u32::MAX as u64;
/// Shards the overview draws at most.
pub const MAX_SHARDS: u32 = 64;
/// Characters a `cmd=` link may pre-type into the console.
pub const MAX_CMD_CHARS: usize = 4_000;
/// Steps of the console's tutorial level (`step=` takes 1 to this).
pub const MAX_STEP: u8 = 12;
/// Highest producer rate the UI offers, records/s.
pub const MAX_RATE: u32 = 10_000;
/// The scenario a pipelines link opens when it names none: the only preset with pipelines.
pub const PIPELINES_SCENARIO: Preset = Preset::ECommerce;

/// Everything the URL carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlState {
    /// The view.
    pub view: View,
    /// The pipelines view's panel shown alone (`None`: both).
    pub panel: Option<Panel>,
    /// The simulation's settings: `seed`, `scenario`, `shards`, `rate`, `keys` and `limits` in
    /// the hash; the stream name is never in a link (`None` when parsed).
    pub sim: Settings,
    /// Clock speed, per-mille.
    pub speed_milli: u64,
    /// Language, if the link names one.
    pub lang: Option<Lang>,
    /// Embed mode: minimal chrome.
    pub embed: bool,
    /// The console: lines typed into its prompt when it opens (`cmd=`, URL-encoded, lines
    /// separated by `%0A`), not run: the student presses Enter.
    pub cmd: Option<String>,
    /// The console's tutorial level open at this step (`step=`, from 1).
    pub step: Option<u8>,
    /// The AWS CLI the console emulates (`cli=v1`; v2 by default).
    pub cli: CliVersion,
    /// The one card of the view shown alone (`panel=walk`; `None`: the whole view).
    pub card: Option<Card>,
    /// The hashing view's partition key (`pk=`; `None`: its default key).
    pub pk: Option<String>,
    /// The hashing view's ExplicitHashKey field (`ehk=`, decimal; `None`: empty).
    pub ehk: Option<String>,
    /// The learn path's step open (`#/learn/3/2`; `None`: the start page).
    pub learn: Option<Place>,
    /// `t=`: simulated ms the page plays forward to when it opens (`t=32h`), at most
    /// [`super::timeline::MAX_SEEK_MS`]. It is the link's starting point, not the running
    /// clock: it stays in the hash until the world is rebuilt (reset, seed, scenario…).
    pub seek_ms: Option<u64>,
    /// `autoplay=1`: the clock runs as soon as the page opens (after a `t=` seek, from there).
    pub autoplay: bool,
    /// `live=1` (or `live=/a/path`): the live window, reading the local endpoint's command
    /// log at this path on the page's origin ([`crate::ui::live`]). The simulation's settings
    /// do not apply then and links leave them out.
    pub live: Option<String>,
}

impl Default for UrlState {
    fn default() -> Self {
        Self {
            view: View::Overview,
            panel: None,
            sim: Settings::default(),
            speed_milli: DEFAULT_SPEED_MILLI,
            lang: None,
            embed: false,
            cmd: None,
            step: None,
            cli: CliVersion::V2,
            card: None,
            pk: None,
            ehk: None,
            learn: None,
            seek_ms: None,
            autoplay: false,
            live: None,
        }
    }
}

/// Longest log path `live=` takes.
const MAX_LIVE_PATH: usize = 200;

/// The log path a `live=` value names: `1` (or nothing) for the default, an absolute path on
/// this origin (not `//host`), else `Err`; `0` turns live mode off (`Ok(None)`).
fn live_path(value: &str) -> Result<Option<String>, ()> {
    match value {
        "1" | "true" | "" => Ok(Some(crate::ui::live::DEFAULT_LOG_PATH.to_string())),
        "0" | "false" => Ok(None),
        p if p.starts_with('/')
            && !p.starts_with("//")
            && p.len() <= MAX_LIVE_PATH
            && p.bytes().all(|b| b.is_ascii_graphic() && b != b'\\' && b != b'#') =>
        {
            Ok(Some(p.to_string()))
        }
        _ => Err(()),
    }
}

/// The learn step a path names (`3`, `3/2`), or the nearest one, and whether it had to be fixed.
fn learn_place(sub: &str) -> (Place, bool) {
    let mut parts = sub.split('/');
    let field = |part: Option<&str>| match part {
        None => (1, false),
        Some(p) if !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) => {
            (p.parse::<u64>().unwrap_or(0), false)
        }
        Some(_) => (1, true),
    };
    let (chapter, bad_chapter) = field(parts.next());
    let (step, bad_step) = field(parts.next());
    let extra = parts.next().is_some();
    let place = Place::nearest(chapter, step);
    let asked_exists = Place { chapter: chapter.min(255) as u8, step: step.min(255) as u8 } == place;
    (place, bad_chapter || bad_step || extra || !asked_exists)
}

fn bad(name: &str, value: &str, allowed: &str) -> Msg {
    Msg::BadParam { name: name.into(), value: value.into(), allowed: allowed.into() }
}

fn number<T: std::str::FromStr + PartialOrd>(value: &str, min: T, max: T) -> Option<T> {
    // Only plain decimal digits: no sign, no exponent, no spaces.
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse::<T>().ok().filter(|v| *v >= min && *v <= max)
}

/// Percent-decodes a URL component (`+` stays `+`); invalid escapes are kept as typed.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl UrlState {
    /// Reads `location.hash` (`#/overview?seed=7…`) and `location.search` (`?embed=1`).
    /// Returns the state and a notice for each value that was ignored.
    pub fn parse(hash: &str, search: &str) -> (UrlState, Vec<Msg>) {
        let mut st = UrlState::default();
        let mut notes = Vec::new();
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let slug = path.trim_start_matches('/').trim_end_matches('/');
        let pipelines = View::Pipelines.slug();
        let learn = View::Learn.slug();
        match slug.split_once('/') {
            // The first screen: a newcomer opening the bare address starts the learn path.
            _ if slug.is_empty() => st.view = View::Learn,
            Some((view, sub)) if view == learn => {
                st.view = View::Learn;
                let (place, fixed) = learn_place(sub);
                st.learn = Some(place);
                if fixed {
                    notes.push(Msg::BadLearnStep { asked: decode(sub), shown: place.path() });
                }
            }
            Some((view, sub)) if view == pipelines => {
                st.view = View::Pipelines;
                match Panel::from_slug(sub) {
                    Some(p) => st.panel = Some(p),
                    None => notes.push(Msg::UnknownPanel {
                        view: pipelines.into(),
                        panel: decode(sub),
                        allowed: Panel::ALL.map(Panel::slug).join(", "),
                    }),
                }
            }
            _ => match View::from_slug(slug) {
                Some(v) => st.view = v,
                None => notes.push(Msg::UnknownView { slug: decode(slug) }),
            },
        }
        let mut scenario_named = false;
        let search = search.strip_prefix('?').unwrap_or(search);
        let pairs = search.split('&').chain(query.split('&')).filter(|p| !p.is_empty());
        for pair in pairs {
            let (name, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let (name, value) = (decode(name), decode(raw));
            let value = value.as_str();
            match name.as_str() {
                "seed" => match number(value, 0, MAX_SEED) {
                    Some(v) => st.sim.seed = v,
                    None => notes.push(bad("seed", value, &format!("0–{MAX_SEED}"))),
                },
                "shards" => match number(value, 1, MAX_SHARDS) {
                    Some(v) => st.sim.shards = Some(v),
                    None => notes.push(bad("shards", value, &format!("1–{MAX_SHARDS}"))),
                },
                "rate" => match number(value, 0, MAX_RATE) {
                    Some(v) => st.sim.rate = Some(v),
                    None => notes.push(bad("rate", value, &format!("0–{MAX_RATE}"))),
                },
                "keys" => match KeyMode::from_slug(value) {
                    Some(k) => st.sim.keys = Some(k),
                    None => notes.push(bad("keys", value, "uniform, hot")),
                },
                "scenario" => match Preset::from_slug(value) {
                    Some(p) => {
                        st.sim.scenario = p;
                        scenario_named = true;
                    }
                    None => notes.push(bad("scenario", value, &Preset::ALL.map(Preset::slug).join(", "))),
                },
                "limits" => match value {
                    "on" | "1" | "true" => st.sim.limits = true,
                    "off" | "0" | "false" => st.sim.limits = false,
                    _ => notes.push(bad("limits", value, "on, off")),
                },
                "speed" => match Pacer::parse_speed(value) {
                    Some(s) => st.speed_milli = s,
                    None => {
                        let allowed: Vec<String> = SPEEDS_MILLI.iter().map(|s| Pacer::speed_text(*s)).collect();
                        notes.push(bad("speed", value, &allowed.join(", ")));
                    }
                },
                "lang" => match Lang::from_code(value) {
                    Some(l) => st.lang = Some(l),
                    None => notes.push(bad("lang", value, "es, en")),
                },
                "embed" => match value {
                    "1" | "true" | "" => st.embed = true,
                    "0" | "false" => st.embed = false,
                    _ => notes.push(bad("embed", value, "1, 0")),
                },
                "cmd" if value.chars().count() <= MAX_CMD_CHARS => st.cmd = Some(value.to_string()),
                "cmd" => {
                    notes.push(bad("cmd", &value.chars().take(40).collect::<String>(), &format!("≤ {MAX_CMD_CHARS}")))
                }
                "step" => match number(value, 1, MAX_STEP) {
                    Some(v) => st.step = Some(v),
                    None => notes.push(bad("step", value, &format!("1–{MAX_STEP}"))),
                },
                "cli" => match value {
                    "v1" | "1" => st.cli = CliVersion::V1,
                    "v2" | "2" => st.cli = CliVersion::V2,
                    _ => notes.push(bad("cli", value, "v1, v2")),
                },
                "panel" => match (st.view, Panel::from_slug(value), Card::of(st.view, value)) {
                    (View::Pipelines, Some(p), _) => st.panel = Some(p),
                    (View::Pipelines, None, _) => notes.push(Msg::UnknownPanel {
                        view: pipelines.into(),
                        panel: value.into(),
                        allowed: Card::slugs(View::Pipelines).join(", "),
                    }),
                    (_, _, Some(card)) => st.card = Some(card),
                    (view, _, None) => notes.push(Msg::Link(LinkMsg::UnknownCard {
                        view: view.slug().into(),
                        panel: value.chars().take(40).collect(),
                        allowed: Card::slugs(view).join(", "),
                    })),
                },
                "pk" if (1..=MAX_PK_CHARS).contains(&value.chars().count()) => st.pk = Some(value.to_string()),
                "pk" => notes.push(Msg::Link(LinkMsg::BadKey { value: value.chars().take(40).collect() })),
                "ehk" if value.is_empty() => st.ehk = None,
                "ehk" => match explicit_hash_key(value) {
                    Some(_) => st.ehk = Some(value.to_string()),
                    None => {
                        notes.push(bad("ehk", &value.chars().take(45).collect::<String>(), &format!("0–{}", u128::MAX)))
                    }
                },
                "t" => match parse_seek(value) {
                    Some(ms) => st.seek_ms = Some(ms),
                    None => notes.push(bad("t", value, "90s, 10m, 32h, 1h30m (≤ 168h)")),
                },
                "autoplay" => match value {
                    "1" | "true" | "" => st.autoplay = true,
                    "0" | "false" => st.autoplay = false,
                    _ => notes.push(bad("autoplay", value, "1, 0")),
                },
                "live" => match live_path(value) {
                    Ok(path) => st.live = path,
                    Err(()) => notes.push(bad("live", &value.chars().take(40).collect::<String>(), "1, 0, /path")),
                },
                _ => notes.push(Msg::UnknownParam { name: name.clone() }),
            }
        }
        // The live window opens on the record flow when the address names no view.
        if slug.is_empty() && st.live.is_some() {
            (st.view, st.learn) = (View::Flow, None);
        }
        if st.view == View::Pipelines && !scenario_named {
            st.sim.scenario = PIPELINES_SCENARIO;
        }
        // The same bad value twice (in `search` and in the hash, say) is one mistake: one notice.
        let mut unique: Vec<Msg> = Vec::with_capacity(notes.len());
        for n in notes {
            if !unique.contains(&n) {
                unique.push(n);
            }
        }
        (st, unique)
    }

    /// The hash for this state (`#/overview?seed=…`); `lang` is the language in use. Values equal
    /// to their defaults are left out, except the seed and the language, which a shared link
    /// should always pin.
    pub fn to_hash(&self, lang: Lang) -> String {
        if matches!(self.view, View::Learn | View::Teach) {
            return self.learn_hash(lang);
        }
        let sim = &self.sim;
        let mut q = vec![format!("seed={}", sim.seed)];
        if let Some(path) = &self.live {
            // The live window: the endpoint's log, not a simulation's settings.
            q = vec![if path == crate::ui::live::DEFAULT_LOG_PATH {
                "live=1".into()
            } else {
                format!("live={}", encode(path))
            }];
        }
        // A pipelines link without a scenario opens e-commerce, so it always names its own.
        let simulated = self.live.is_none();
        if simulated && (sim.scenario != DEFAULT_SCENARIO || self.view == View::Pipelines) {
            q.push(format!("scenario={}", sim.scenario.slug()));
        }
        if let Some(n) = sim.shards.filter(|_| simulated) {
            q.push(format!("shards={n}"));
        }
        if let Some(r) = sim.rate.filter(|_| simulated) {
            q.push(format!("rate={r}"));
        }
        if let Some(k) = sim.keys.filter(|_| simulated) {
            q.push(format!("keys={}", k.slug()));
        }
        if !sim.limits && simulated {
            q.push("limits=off".into());
        }
        q.push(format!("lang={}", lang.code()));
        if self.speed_milli != DEFAULT_SPEED_MILLI {
            q.push(format!("speed={}", Pacer::speed_text(self.speed_milli)));
        }
        if self.embed {
            q.push("embed=1".into());
        }
        if let Some(ms) = self.seek_ms {
            q.push(format!("t={}", seek_text(ms)));
        }
        if self.autoplay {
            q.push("autoplay=1".into());
        }
        if self.view == View::Console {
            if let Some(step) = self.step {
                q.push(format!("step={step}"));
            }
            if self.cli == CliVersion::V1 {
                q.push("cli=v1".into());
            }
        }
        if let Some(card) = self.card.filter(|c| c.view() == self.view) {
            q.push(format!("panel={}", card.slug()));
        }
        if self.view == View::Hashing {
            if let Some(pk) = self.pk.as_ref().filter(|k| !k.is_empty()) {
                q.push(format!("pk={}", encode(pk)));
            }
            if let Some(ehk) = self.ehk.as_ref().filter(|e| !e.is_empty()) {
                q.push(format!("ehk={}", encode(ehk)));
            }
        }
        let panel = match (self.view, self.panel) {
            (View::Pipelines, Some(p)) => format!("/{}", p.slug()),
            _ => String::new(),
        };
        format!("#/{}{panel}?{}", self.view.slug(), q.join("&"))
    }
}

impl UrlState {
    /// The hash of the learn path and the teacher page: each step builds its own world, so the
    /// link names only the step, the language, the speed and embed mode
    /// (`#/learn/3/2?lang=es&embed=1`).
    fn learn_hash(&self, lang: Lang) -> String {
        let mut q = vec![format!("lang={}", lang.code())];
        if self.speed_milli != DEFAULT_SPEED_MILLI {
            q.push(format!("speed={}", Pacer::speed_text(self.speed_milli)));
        }
        if self.embed {
            q.push("embed=1".into());
        }
        let step = match (self.view, self.learn) {
            (View::Learn, Some(p)) => format!("/{}", p.path()),
            _ => String::new(),
        };
        format!("#/{}{step}?{}", self.view.slug(), q.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_links_name_the_log_and_bad_values_get_a_notice() {
        let (st, notes) = UrlState::parse("", "?live=1");
        assert_eq!((st.live.as_deref(), st.view, notes.len()), (Some("/live/log"), View::Flow, 0));
        assert_eq!(st.to_hash(Lang::Es), "#/flow?live=1&lang=es");
        let (st, notes) = UrlState::parse("#/hashing?live=%2Fother%2Flog&seed=9", "");
        assert_eq!((st.live.as_deref(), st.view, notes.len()), (Some("/other/log"), View::Hashing, 0));
        assert_eq!(st.to_hash(Lang::En), "#/hashing?live=%2Fother%2Flog&lang=en", "no simulation settings");
        assert_eq!(UrlState::parse(&st.to_hash(Lang::En), "").0.live, st.live, "the hash keeps it");
        for bad in ["//evil.example/log", "http://x/log", "yes", "/a b", "/a\\b"] {
            let (st, notes) = UrlState::parse("#/flow", &format!("?live={}", encode(bad)));
            assert_eq!(st.live, None, "{bad}");
            assert!(matches!(&notes[..], [Msg::BadParam { name, .. }] if name == "live"), "{bad}: {notes:?}");
        }
        assert_eq!(UrlState::parse("#/flow?live=0", "").0.live, None);
    }

    #[test]
    fn the_issue_example_link_restores_its_state() {
        let (st, notes) = UrlState::parse("#/overview?seed=7&shards=4&rate=50&lang=es&speed=10", "");
        assert_eq!(notes, vec![]);
        assert_eq!(
            st,
            UrlState {
                sim: Settings { seed: 7, shards: Some(4), rate: Some(50), ..Settings::default() },
                lang: Some(Lang::Es),
                speed_milli: 10_000,
                ..UrlState::default()
            }
        );
        assert_eq!(st.to_hash(Lang::Es), "#/overview?seed=7&shards=4&rate=50&lang=es&speed=10");
    }

    #[test]
    fn console_links_pretype_lines_and_open_a_step() {
        let (st, notes) = UrlState::parse("#/console?cmd=aws%20kinesis%20list-streams%0Aecho%20a+b&step=3&cli=v1", "");
        assert_eq!(notes, vec![]);
        assert_eq!(st.view, View::Console);
        assert_eq!(st.cmd.as_deref(), Some("aws kinesis list-streams\necho a+b"));
        assert_eq!((st.step, st.cli), (Some(3), CliVersion::V1));
        assert!(st.to_hash(Lang::Es).ends_with("&step=3&cli=v1"), "{}", st.to_hash(Lang::Es));
        for bad in ["step=0", "step=99", "step=x", "cli=v3"] {
            let (_, notes) = UrlState::parse(&format!("#/console?{bad}"), "");
            assert_eq!(notes.len(), 1, "{bad}");
        }
        let long = format!("#/console?cmd={}", "a".repeat(MAX_CMD_CHARS + 1));
        let (st, notes) = UrlState::parse(&long, "");
        assert_eq!((st.cmd, notes.len()), (None, 1));
    }

    #[test]
    fn every_state_round_trips() {
        let st = UrlState {
            view: View::Overview,
            panel: None,
            sim: Settings {
                seed: MAX_SEED,
                scenario: Preset::HotKey,
                shards: Some(64),
                rate: Some(0),
                keys: Some(KeyMode::Hot),
                limits: false,
                stream_name: None,
            },
            speed_milli: 100,
            lang: Some(Lang::En),
            embed: true,
            ..UrlState::default()
        };
        let hash = st.to_hash(Lang::En);
        assert_eq!(UrlState::parse(&hash, ""), (st, vec![]));
    }

    #[test]
    fn a_typed_stream_name_never_goes_into_a_link() {
        let named = UrlState {
            sim: Settings { stream_name: Some("orders".into()), ..Settings::default() },
            ..UrlState::default()
        };
        assert_eq!(named.to_hash(Lang::Es), UrlState::default().to_hash(Lang::Es));
        assert_eq!(UrlState::parse(&named.to_hash(Lang::Es), "").0.sim.stream_name, None);
    }

    #[test]
    fn bad_values_fall_back_with_a_notice() {
        let (st, notes) = UrlState::parse("#/overview?shards=abc&seed=-1&rate=1e3&speed=7&lang=de&keys=%3Cb%3E", "");
        assert_eq!(st, UrlState::default());
        assert_eq!(notes.len(), 6, "{notes:?}");
        assert_eq!(notes[0], bad("shards", "abc", "1–64"));
        assert_eq!(notes[1], bad("seed", "-1", "0–4294967295"));
        assert_eq!(notes[5], bad("keys", "<b>", "uniform, hot"), "values are decoded and kept as text");
        let (st, notes) = UrlState::parse("#/overview?shards=100000&seed=99999999999999999999999&x=1", "");
        assert_eq!(st, UrlState::default());
        assert_eq!(notes.len(), 3);
        assert_eq!(notes[2], Msg::UnknownParam { name: "x".into() });
        let (st, notes) = UrlState::parse("#/nope?shards=0", "");
        assert_eq!(st.view, View::Overview);
        assert_eq!(notes, vec![Msg::UnknownView { slug: "nope".into() }, bad("shards", "0", "1–64")]);
    }

    #[test]
    fn an_unknown_scenario_keeps_the_default_with_a_notice() {
        let presets =
            "activity-logs, clickstream, hot-key, slow-consumer, resharding, fan-out, iot-sensors, e-commerce";
        let (st, notes) = UrlState::parse("#/overview?scenario=nope%3Cb%3E&seed=3", "");
        assert_eq!(st, UrlState { sim: Settings { seed: 3, ..Settings::default() }, ..UrlState::default() });
        assert_eq!(notes, vec![bad("scenario", "nope<b>", presets)]);
        // On the pipelines view it opens e-commerce, as a link naming no scenario does.
        let (st, notes) = UrlState::parse("#/pipelines?scenario=HOT-KEY", "");
        assert_eq!((st.sim.scenario, notes), (PIPELINES_SCENARIO, vec![bad("scenario", "HOT-KEY", presets)]));
        // Every preset round-trips by its slug.
        for p in Preset::ALL {
            let sim = Settings { scenario: p, ..Settings::default() };
            let st = UrlState { sim, lang: Some(Lang::Es), ..UrlState::default() };
            let hash = st.to_hash(Lang::Es);
            assert_eq!(hash.contains(&format!("scenario={}", p.slug())), p != DEFAULT_SCENARIO, "{hash}");
            assert_eq!(UrlState::parse(&hash, ""), (st, vec![]));
        }
    }

    #[test]
    fn embed_can_sit_in_the_query_or_the_hash() {
        assert!(UrlState::parse("#/overview", "?embed=1").0.embed);
        assert!(UrlState::parse("#/overview?embed=1", "").0.embed);
        assert!(UrlState::parse("", "?embed").0.embed);
        assert!(!UrlState::parse("#/overview", "").0.embed);
    }

    #[test]
    fn pipelines_links_open_e_commerce_and_name_their_panel_and_scenario() {
        let (st, notes) = UrlState::parse("#/pipelines", "");
        assert_eq!(notes, vec![]);
        assert_eq!((st.view, st.panel, st.sim.scenario), (View::Pipelines, None, PIPELINES_SCENARIO));
        assert_eq!(st.to_hash(Lang::Es), "#/pipelines?seed=1&scenario=e-commerce&lang=es");
        // An explicit scenario wins, even the default one, and the hash keeps naming it.
        let (st, _) = UrlState::parse("#/pipelines?scenario=activity-logs&lang=en", "");
        assert_eq!(st.sim.scenario, DEFAULT_SCENARIO);
        assert_eq!(UrlState::parse(&st.to_hash(Lang::En), ""), (st, vec![]));
        for p in Panel::ALL {
            let (st, notes) = UrlState::parse(&format!("#/pipelines/{}/?embed=1&lang=en", p.slug()), "");
            assert_eq!(notes, vec![]);
            assert_eq!((st.view, st.panel, st.embed), (View::Pipelines, Some(p), true));
            assert_eq!(
                st.to_hash(Lang::En),
                format!("#/pipelines/{}?seed=1&scenario=e-commerce&lang=en&embed=1", p.slug())
            );
            assert_eq!(UrlState::parse(&st.to_hash(Lang::En), ""), (st, vec![]));
        }
        // Other views ignore a panel.
        let st = UrlState { panel: Some(Panel::Kappa), ..UrlState::default() };
        assert_eq!(st.to_hash(Lang::Es), "#/overview?seed=1&lang=es");
    }

    #[test]
    fn a_bad_pipelines_panel_shows_both_with_a_notice() {
        let (st, notes) = UrlState::parse("#/pipelines/gamma%3Cb%3E?seed=3", "");
        assert_eq!((st.view, st.panel, st.sim.seed), (View::Pipelines, None, 3));
        assert_eq!(
            notes,
            vec![Msg::UnknownPanel {
                view: "pipelines".into(),
                panel: "gamma<b>".into(),
                allowed: "lambda, kappa".into()
            }]
        );
        // A sub-path of another view is an unknown view, as before.
        let (st, notes) = UrlState::parse("#/flow/lambda", "");
        assert_eq!(st.view, View::Overview);
        assert_eq!(notes, vec![Msg::UnknownView { slug: "flow/lambda".into() }]);
    }

    #[test]
    fn seek_and_autoplay_links_round_trip_and_bad_values_get_a_notice() {
        let (st, notes) = UrlState::parse("#/retention?scenario=slow-consumer&t=32h&autoplay=1", "");
        assert_eq!(notes, vec![]);
        assert_eq!((st.seek_ms, st.autoplay, st.view), (Some(32 * 3_600_000), true, View::Retention));
        assert_eq!(st.to_hash(Lang::Es), "#/retention?seed=1&scenario=slow-consumer&lang=es&t=32h&autoplay=1");
        let (st, _) = UrlState::parse("#/overview?t=1h%2030m", "");
        assert_eq!(st.to_hash(Lang::En), "#/overview?seed=1&lang=en&t=1h30m");
        for bad_t in ["32", "8d", "-1s", "soon", "1e9h"] {
            let (st, notes) = UrlState::parse(&format!("#/overview?t={bad_t}"), "");
            assert_eq!(st.seek_ms, None, "{bad_t}");
            assert!(matches!(&notes[..], [Msg::BadParam { name, .. }] if name == "t"), "{bad_t}: {notes:?}");
        }
        let (st, notes) = UrlState::parse("#/overview?autoplay=yes", "");
        assert!(!st.autoplay);
        assert!(matches!(&notes[..], [Msg::BadParam { name, .. }] if name == "autoplay"));
    }

    #[test]
    fn empty_and_odd_hashes_are_harmless() {
        // No view named: the first screen, the learn path's start page.
        for h in ["", "#", "#/", "#/?"] {
            let (st, _) = UrlState::parse(h, "");
            assert_eq!((st.view, st.learn), (View::Learn, None), "{h}");
        }
        for h in ["#/overview?", "#/overview?&&=&", "#%", "#/overview?seed=%"] {
            let (st, _) = UrlState::parse(h, "");
            assert_eq!(st.view, View::Overview, "{h}");
        }
    }

    #[test]
    fn learn_links_name_a_step_and_round_trip() {
        let (st, notes) = UrlState::parse("#/learn", "");
        assert_eq!((st.view, st.learn, notes), (View::Learn, None, vec![]));
        assert_eq!(st.to_hash(Lang::Es), "#/learn?lang=es");
        let (st, notes) = UrlState::parse("#/learn/3", "");
        assert_eq!((st.learn, notes), (Some(Place { chapter: 3, step: 1 }), vec![]));
        for place in crate::ui::learn::model::all_places() {
            let st = UrlState {
                view: View::Learn,
                learn: Some(place),
                lang: Some(Lang::En),
                embed: true,
                ..UrlState::default()
            };
            let hash = st.to_hash(Lang::En);
            assert_eq!(hash, format!("#/learn/{}/{}?lang=en&embed=1", place.chapter, place.step));
            assert_eq!(UrlState::parse(&hash, ""), (st, vec![]));
        }
        let (st, notes) = UrlState::parse("#/teach?lang=en", "");
        assert_eq!((st.view, notes), (View::Teach, vec![]));
        assert_eq!(st.to_hash(Lang::En), "#/teach?lang=en");
    }

    #[test]
    fn a_bad_learn_step_opens_the_nearest_with_a_notice() {
        let last = crate::ui::learn::model::CHAPTERS[2].steps.len() as u8;
        let cases = [
            ("3/99", Place { chapter: 3, step: last }),
            ("0", Place { chapter: 1, step: 1 }),
            ("99/1", Place { chapter: 10, step: 1 }),
            ("x/2", Place { chapter: 1, step: 2 }),
            ("3/%3Cb%3E", Place { chapter: 3, step: 1 }),
            ("3/1/7", Place { chapter: 3, step: 1 }),
            ("99999999999999999999/1", Place { chapter: 1, step: 1 }),
        ];
        for (sub, place) in cases {
            let (st, notes) = UrlState::parse(&format!("#/learn/{sub}"), "");
            assert_eq!((st.view, st.learn), (View::Learn, Some(place)), "{sub}");
            assert_eq!(notes, vec![Msg::BadLearnStep { asked: decode(sub), shown: place.path() }], "{sub}");
        }
    }

    /// Issue #14: garbage in every parameter gives one notice per bad parameter; the same bad
    /// value in `search` and in the hash is one notice, two different bad values are two.
    #[test]
    fn garbage_in_every_parameter_gives_one_notice_each() {
        let q = "seed=-1&shards=%F0%9F%A6%80&rate=1e9&keys=%3Cb%3E&scenario=%E2%80%AEevil&limits=maybe&speed=NaN&lang=xx&embed=%00&zzz=1";
        let (st, notes) = UrlState::parse(&format!("#/nowhere?{q}"), "");
        assert_eq!(st, UrlState::default());
        assert_eq!(notes.len(), 11, "{notes:?}");
        let (st, notes) = UrlState::parse(&format!("#/pipelines/%E2%80%AE?{q}"), &format!("?{q}"));
        assert_eq!((st.view, st.panel, st.embed), (View::Pipelines, None, false));
        assert_eq!(notes.len(), 11, "{notes:?}");
        let (_, notes) = UrlState::parse("#/flow?seed=x&seed=y&shards=&=&&", "");
        assert_eq!(notes.len(), 4, "{notes:?}");
    }

    /// Issue #16: `pk=` and `ehk=` set the hashing view's fields and round-trip, encoded.
    #[test]
    fn key_links_set_the_hashing_fields_and_round_trip() {
        let (st, notes) =
            UrlState::parse("#/hashing?pk=user-42&ehk=170141183460469231731687303715884105728&lang=es", "");
        assert_eq!(notes, vec![]);
        assert_eq!(st.pk.as_deref(), Some("user-42"));
        assert_eq!(st.ehk.as_deref(), Some("170141183460469231731687303715884105728"));
        assert_eq!(
            st.to_hash(Lang::Es),
            "#/hashing?seed=1&lang=es&pk=user-42&ehk=170141183460469231731687303715884105728"
        );
        // Any key AWS takes round-trips: spaces, `&`, `=`, `+`, `#`, `%`, accents, emoji.
        for key in ["a b&c=d+e#f%g", "señal-ñ", "🦀", "x", &"k".repeat(MAX_PK_CHARS)] {
            let st =
                UrlState { view: View::Hashing, pk: Some(key.into()), lang: Some(Lang::En), ..UrlState::default() };
            let hash = st.to_hash(Lang::En);
            assert!(!hash[1..].contains('#') && !hash.contains(' '), "{hash}");
            assert_eq!(UrlState::parse(&hash, ""), (st, vec![]), "{key}");
        }
        // Other views keep the key but do not write it.
        let st = UrlState { pk: Some("user-7".into()), ehk: Some("5".into()), ..UrlState::default() };
        assert_eq!(st.to_hash(Lang::Es), "#/overview?seed=1&lang=es");
        // An emptied field is left out of the link (it would not parse back).
        let st =
            UrlState { view: View::Hashing, pk: Some(String::new()), ehk: Some(String::new()), ..UrlState::default() };
        assert_eq!(st.to_hash(Lang::Es), "#/hashing?seed=1&lang=es");
    }

    #[test]
    fn bad_keys_fall_back_with_a_notice() {
        let long = "k".repeat(MAX_PK_CHARS + 1);
        let (st, notes) = UrlState::parse(&format!("#/hashing?pk=&pk={long}"), "");
        assert_eq!(st.pk, None);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(notes[0], Msg::Link(LinkMsg::BadKey { value: String::new() }));
        let max = u128::MAX.to_string();
        let over = "340282366920938463463374607431768211456";
        for ehk in ["-1", "1e3", "007", "0x10", over, "１２"] {
            let (st, notes) = UrlState::parse(&format!("#/hashing?ehk={ehk}"), "");
            assert_eq!(st.ehk, None, "{ehk}");
            assert_eq!(notes, vec![bad("ehk", &decode(ehk), &format!("0–{max}"))], "{ehk}");
        }
        for ehk in ["0", "1", max.as_str()] {
            let (st, notes) = UrlState::parse(&format!("#/hashing?ehk={ehk}"), "");
            assert_eq!((st.ehk.as_deref(), notes), (Some(ehk), vec![]));
        }
    }

    /// Issue #16: `panel=` shows one card of a view; every card round-trips; the pipelines
    /// view takes `panel=lambda|kappa` as well as its sub-path.
    #[test]
    fn panel_links_pick_one_card_and_round_trip() {
        let (st, notes) = UrlState::parse("#/hashing?panel=walk&pk=user-42&embed=1", "");
        assert_eq!(notes, vec![]);
        assert_eq!(
            (st.view, st.card, st.embed, st.pk.as_deref()),
            (View::Hashing, Some(Card::HashingWalk), true, Some("user-42"))
        );
        for card in Card::ALL {
            let st = UrlState { view: card.view(), card: Some(card), lang: Some(Lang::Es), ..UrlState::default() };
            let hash = st.to_hash(Lang::Es);
            assert!(hash.contains(&format!("panel={}", card.slug())), "{hash}");
            assert_eq!(UrlState::parse(&hash, ""), (st, vec![]), "{card:?}");
            assert_eq!(Card::of(card.view(), card.slug()), Some(card));
            assert_eq!(View::from_slug(card.view_slug()), Some(card.view()), "{card:?} names a real view");
            assert_ne!(card.view(), View::Pipelines);
        }
        // Slugs are unique within a view.
        for v in View::ALL {
            let slugs = Card::slugs(v);
            let unique: std::collections::BTreeSet<_> = slugs.iter().collect();
            assert_eq!(unique.len(), slugs.len(), "{v:?}");
        }
        for p in Panel::ALL {
            let (st, notes) = UrlState::parse(&format!("#/pipelines?panel={}", p.slug()), "");
            assert_eq!((st.panel, st.card, notes), (Some(p), None, vec![]));
        }
        // A card of another view is not written.
        let st = UrlState { card: Some(Card::HashingWalk), ..UrlState::default() };
        assert_eq!(st.to_hash(Lang::Es), "#/overview?seed=1&lang=es");
    }

    #[test]
    fn an_unknown_panel_lists_the_allowed_ones() {
        let (st, notes) = UrlState::parse("#/hashing?panel=nope%3Cb%3E", "");
        assert_eq!(st.card, None);
        assert_eq!(
            notes,
            vec![Msg::Link(LinkMsg::UnknownCard {
                view: "hashing".into(),
                panel: "nope<b>".into(),
                allowed: "walk, bar, many, reshard".into()
            })]
        );
        let (_, notes) = UrlState::parse("#/flow?panel=walk", "");
        assert!(
            matches!(&notes[..], [Msg::Link(LinkMsg::UnknownCard { allowed, .. })] if allowed == "lanes, records, controls, code")
        );
        let (_, notes) = UrlState::parse("#/glossary?panel=walk", "");
        assert!(matches!(&notes[..], [Msg::Link(LinkMsg::UnknownCard { allowed, .. })] if allowed.is_empty()));
        let (st, notes) = UrlState::parse("#/pipelines?panel=gamma", "");
        assert_eq!(st.panel, None);
        assert_eq!(
            notes,
            vec![Msg::UnknownPanel {
                view: "pipelines".into(),
                panel: "gamma".into(),
                allowed: "lambda, kappa".into()
            }]
        );
    }
}
