//! Deterministic record payloads: what simulated producers write, rebuilt on demand.
//!
//! A simulated producer does not invent bytes at random and keep them: the `n`-th record of a
//! [`PayloadTemplate`] is a pure function of `(seed, template, n, event time)`. Its partition key
//! is drawn from the template's [`KeyDistribution`] and its data is a small JSON event like the
//! course's boto3 producer (`{"event_id", "user", "action", "ts"}`), a sensor reading, a
//! clickstream hit, an order, or opaque bytes, padded to the template's [`RecordSize`].
//!
//! Because of that, each template is registered with the engine as a [`RecordSource`] and
//! producers write their records by reference: the shard keeps only a 16-byte `(n, event time)`
//! and renders key and data again when a consumer reads them (see the engine's `store.rs`); this
//! is what keeps a retained record within one or two bytes once its chunk is packed (`packed.rs`).
//!
//! Random choices use the stateless [`crate::world::rng::mix`] hash and integer arithmetic only
//! (no floats, no `pow`), so a payload is byte-identical natively and in wasm.

use crate::engine::state::record_source::{RecordSource, RenderedRecord, SourceId};
use crate::engine::time::SimTime;
use crate::engine::Engine;
use crate::world::rng::{mix, scale};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Most distinct keys a distribution may have.
pub const MAX_KEYS: u32 = 1_000_000;
/// Largest payload a template may produce, bytes (AWS's classic 1 MiB record limit).
pub const MAX_PAYLOAD_BYTES: u32 = 1024 * 1024;

/// What the data of each record looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayloadKind {
    /// The course's activity log: `{"event_id","user","action","ts"}`, keyed by user.
    #[default]
    Activity,
    /// A web clickstream hit: `{"event_id","session","page","ts"}`, keyed by session.
    Clickstream,
    /// An IoT temperature reading: `{"sensor","temp_c","ts"}`, keyed by sensor.
    Sensor,
    /// An e-commerce order: `{"order_id","customer","product","qty","ts"}`, keyed by customer.
    Order,
    /// Opaque bytes of the record size.
    Opaque,
}

impl PayloadKind {
    /// The partition-key prefix (`user-7`, `sensor-3`, …).
    pub fn key_prefix(self) -> &'static str {
        match self {
            PayloadKind::Activity => "user",
            PayloadKind::Clickstream => "session",
            PayloadKind::Sensor => "sensor",
            PayloadKind::Order => "customer",
            PayloadKind::Opaque => "key",
        }
    }
}

/// Actions of the activity log, with integer weights (out of 100).
pub const ACTIONS: [(&str, u64); 6] =
    [("view", 40), ("click", 30), ("login", 10), ("add_to_cart", 10), ("purchase", 5), ("logout", 5)];
/// Pages of the clickstream.
pub const PAGES: [&str; 6] = ["/", "/search", "/product", "/cart", "/checkout", "/help"];
/// Products of the order stream, most popular first (weights out of 100).
pub const PRODUCTS: [(&str, u64); 6] =
    [("laptop", 30), ("phone", 25), ("headphones", 20), ("monitor", 12), ("keyboard", 8), ("camera", 5)];

/// How a producer picks partition keys.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum KeyDistribution {
    /// Each of `keys` keys equally likely.
    Uniform {
        /// Number of distinct keys.
        keys: u32,
    },
    /// Zipf-like: key `k` (0-based) has weight `1/(k+1)`, so a few keys are hot.
    Zipf {
        /// Number of distinct keys.
        keys: u32,
    },
    /// `hot` keys share `hot_percent` % of the records; the rest spread uniformly.
    HotKeys {
        /// Number of distinct keys (hot ones included).
        keys: u32,
        /// How many keys are hot (the first ones).
        hot: u32,
        /// Share of records that carry a hot key, percent (0..=100).
        hot_percent: u32,
    },
    /// Every record has the same key.
    Single,
    /// Records carry an ExplicitHashKey chosen uniformly from this list (the partition key is
    /// still sent, as AWS requires).
    ExplicitHashKeys {
        /// Decimal hash keys, each in `[0, 2^128 − 1]`.
        hash_keys: Vec<u128>,
    },
}

impl Default for KeyDistribution {
    fn default() -> Self {
        KeyDistribution::Uniform { keys: 100 }
    }
}

impl KeyDistribution {
    /// Number of distinct keys.
    pub fn key_count(&self) -> u32 {
        match self {
            KeyDistribution::Uniform { keys }
            | KeyDistribution::Zipf { keys }
            | KeyDistribution::HotKeys { keys, .. } => (*keys).clamp(1, MAX_KEYS),
            KeyDistribution::Single => 1,
            KeyDistribution::ExplicitHashKeys { hash_keys } => (hash_keys.len() as u32).clamp(1, MAX_KEYS),
        }
    }
}

/// Size of each record's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum RecordSize {
    /// Every record has this many bytes (JSON kinds never go below their natural size).
    Fixed {
        /// Bytes.
        bytes: u32,
    },
    /// Uniform between `min` and `max` bytes, inclusive.
    Uniform {
        /// Smallest, bytes.
        min: u32,
        /// Largest, bytes.
        max: u32,
    },
}

impl Default for RecordSize {
    fn default() -> Self {
        RecordSize::Fixed { bytes: 0 }
    }
}

/// Everything needed to rebuild the `n`-th record of a producer.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PayloadTemplate {
    /// Data format.
    pub kind: PayloadKind,
    /// Key choice.
    pub keys: KeyDistribution,
    /// Data size.
    pub size: RecordSize,
    /// Distinguishes producers (their index), so two producers with equal settings differ.
    pub salt: u64,
}

/// A template under a seed, with its key distribution prepared for sampling: the record source
/// the engine renders a producer's records with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateSource {
    seed: u64,
    template: PayloadTemplate,
    /// Cumulative integer weights for Zipf; empty for the other distributions.
    cdf: Vec<u64>,
}

impl TemplateSource {
    /// The records of `template` under `seed`.
    pub fn new(seed: u64, template: PayloadTemplate) -> Self {
        let cdf = match template.keys {
            KeyDistribution::Zipf { .. } => {
                let n = u64::from(template.keys.key_count());
                // Weight of key k is floor(2^40 / (k + 1)): integer Zipf with exponent 1.
                let mut acc = 0u64;
                (0..n)
                    .map(|k| {
                        acc += (1u64 << 40) / (k + 1);
                        acc
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        Self { seed, template, cdf }
    }

    /// The template.
    pub fn template(&self) -> &PayloadTemplate {
        &self.template
    }

    /// The key index (0-based) the `n`-th record carries.
    pub fn key_index(&self, n: u64) -> u32 {
        self.key_index_of(mix(self.seed, self.template.salt, n))
    }

    fn key_index_of(&self, bits: u64) -> u32 {
        let t = &self.template;
        let n = u64::from(t.keys.key_count());
        let k = match &t.keys {
            KeyDistribution::Uniform { .. } | KeyDistribution::ExplicitHashKeys { .. } => scale(bits, n),
            KeyDistribution::Single => 0,
            KeyDistribution::Zipf { .. } => {
                let total = self.cdf.last().copied().unwrap_or(1);
                let x = scale(bits, total);
                self.cdf.partition_point(|c| *c <= x) as u64
            }
            KeyDistribution::HotKeys { hot, hot_percent, .. } => {
                let hot = u64::from(*hot).clamp(1, n);
                let roll = scale(bits, 100);
                let rest = bits.rotate_left(17);
                if roll < u64::from((*hot_percent).min(100)) || hot == n {
                    scale(rest, hot)
                } else {
                    hot + scale(rest, n - hot)
                }
            }
        };
        k.min(n.saturating_sub(1)) as u32
    }

    /// The `n`-th record, made at `event_time`.
    ///
    /// The JSON is written byte by byte, its numbers by `itoa`: through `core::fmt` (`write!`)
    /// rendering was about a sixth of a native profile of activity-logs, since each record is
    /// rendered when produced and again when read (issue #19, eleventh round).
    pub fn render(&self, n: u64, event_time: SimTime) -> RenderedRecord {
        let (seed, t) = (self.seed, &self.template);
        let bits = mix(seed, t.salt, n);
        let k = self.key_index_of(bits);
        let mut ints = itoa::Buffer::new();
        let prefix = t.kind.key_prefix();
        let mut partition_key = String::with_capacity(prefix.len() + 11);
        partition_key.push_str(prefix);
        partition_key.push('-');
        partition_key.push_str(ints.format(k));
        let explicit_hash_key = match &t.keys {
            KeyDistribution::ExplicitHashKeys { hash_keys } => hash_keys.get(k as usize).copied(),
            _ => None,
        };
        let more = mix(seed, t.salt ^ 0x9e37_79b9_7f4a_7c15, n);
        let target = match t.size {
            RecordSize::Fixed { bytes } => bytes,
            RecordSize::Uniform { min, max } => {
                let (lo, hi) = (min.min(max), max.max(min));
                lo + scale(more, u64::from(hi - lo) + 1) as u32
            }
        }
        .min(MAX_PAYLOAD_BYTES) as usize;
        let ts = event_time.millis();
        // Room for the padded record (its target size, and the closing brace), so that padding
        // never grows the buffer: growing it char by char was 11 % of a native profile of a day
        // of activity-logs (benches/README, ninth round).
        let mut data: Vec<u8> = Vec::with_capacity(target.max(96) + 1);
        // `"name":"value"` after the opening brace or a comma.
        let text = |data: &mut Vec<u8>, name: &str, value: &str| {
            data.push(if data.is_empty() { b'{' } else { b',' });
            data.push(b'"');
            data.extend_from_slice(name.as_bytes());
            data.extend_from_slice(b"\":\"");
            data.extend_from_slice(value.as_bytes());
            data.push(b'"');
        };
        let event_id = |ints: &mut itoa::Buffer| {
            let mut id = String::with_capacity(24);
            id.push_str(ints.format(t.salt));
            id.push('-');
            id.push_str(ints.format(n));
            id
        };
        match t.kind {
            PayloadKind::Activity => {
                let action = weighted(&ACTIONS, more);
                text(&mut data, "event_id", &event_id(&mut ints));
                text(&mut data, "user", &partition_key);
                text(&mut data, "action", action);
            }
            PayloadKind::Clickstream => {
                let page = PAGES[scale(more, PAGES.len() as u64) as usize];
                text(&mut data, "event_id", &event_id(&mut ints));
                text(&mut data, "session", &partition_key);
                text(&mut data, "page", page);
            }
            PayloadKind::Sensor => {
                // Tenths of a degree: a per-sensor base of 18.0..23.9 °C plus noise of ±1.5 °C.
                let tenths = 180 + i64::from(k % 60) + scale(more, 31) as i64 - 15;
                text(&mut data, "sensor", &partition_key);
                data.extend_from_slice(b",\"temp_c\":");
                if tenths < 0 {
                    data.push(b'-');
                }
                let a = tenths.unsigned_abs();
                data.extend_from_slice(ints.format(a / 10).as_bytes());
                data.push(b'.');
                data.extend_from_slice(ints.format(a % 10).as_bytes());
            }
            PayloadKind::Order => {
                let product = weighted(&PRODUCTS, more);
                let qty = 1 + scale(more.rotate_left(23), 3);
                text(&mut data, "order_id", &event_id(&mut ints));
                text(&mut data, "customer", &partition_key);
                text(&mut data, "product", product);
                data.extend_from_slice(b",\"qty\":");
                data.extend_from_slice(ints.format(qty).as_bytes());
            }
            PayloadKind::Opaque => {
                let mut i = 0u64;
                while data.len() < target {
                    let w = mix(seed, t.salt ^ 0x0bad_5eed, n.wrapping_mul(0x1_0000).wrapping_add(i));
                    let take = (target - data.len()).min(8);
                    data.extend_from_slice(&w.to_le_bytes()[..take]);
                    i += 1;
                }
                return RenderedRecord { partition_key, data, explicit_hash_key };
            }
        }
        data.extend_from_slice(b",\"ts\":");
        data.extend_from_slice(ints.format(ts).as_bytes());
        // Pad JSON to the target size with a `"pad"` field when there is room for it.
        const PAD_OVERHEAD: usize = r#","pad":""}"#.len();
        if target >= data.len() + PAD_OVERHEAD {
            data.extend_from_slice(br#","pad":""#);
            data.resize(target - 2, b'x');
            data.push(b'"');
        }
        data.push(b'}');
        RenderedRecord { partition_key, data, explicit_hash_key }
    }
}

impl RecordSource for TemplateSource {
    fn render(&self, n: u64, event_time: SimTime) -> RenderedRecord {
        TemplateSource::render(self, n, event_time)
    }
}

/// Picks from integer weights with the random `bits`.
fn weighted<'a>(table: &[(&'a str, u64)], bits: u64) -> &'a str {
    let total: u64 = table.iter().map(|(_, w)| w).sum();
    let mut x = scale(bits, total);
    for (name, w) in table {
        if x < *w {
            return name;
        }
        x -= w;
    }
    table.last().map_or("", |(n, _)| n)
}

/// The world's payload templates under one seed, each registered once with the engine as a
/// record source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PayloadBook {
    seed: u64,
    /// Templates in registration order, with the engine's id for each.
    registered: Vec<(PayloadTemplate, SourceId)>,
}

impl PayloadBook {
    /// An empty book for `seed`.
    pub fn new(seed: u64) -> Self {
        Self { seed, registered: Vec::new() }
    }

    /// The seed payloads derive from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The engine's source id of `template`, registering it with `engine` the first time; `None`
    /// when the engine holds no more sources.
    pub fn source_id(&mut self, engine: &mut Engine, template: PayloadTemplate) -> Option<SourceId> {
        if let Some((_, id)) = self.registered.iter().find(|(t, _)| *t == template) {
            return Some(*id);
        }
        let id = engine.register_record_source(Arc::new(TemplateSource::new(self.seed, template.clone())))?;
        self.registered.push((template, id));
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(t: PayloadTemplate) -> TemplateSource {
        TemplateSource::new(42, t)
    }

    #[test]
    fn activity_event_is_json_with_the_course_fields() {
        let b = source(PayloadTemplate::default());
        let r = b.render(5, SimTime(1_735_689_600_123));
        let v: serde_json::Value = serde_json::from_slice(&r.data).unwrap_or_default();
        assert_eq!(v["event_id"], "0-5");
        assert_eq!(v["user"], r.partition_key.as_str());
        assert_eq!(v["ts"], 1_735_689_600_123u64);
        assert!(ACTIONS.iter().any(|(a, _)| v["action"] == *a));
        assert!(r.partition_key.starts_with("user-"));
    }

    #[test]
    fn rendering_is_a_pure_function() {
        let t =
            PayloadTemplate { kind: PayloadKind::Order, size: RecordSize::Fixed { bytes: 200 }, ..Default::default() };
        let b = source(t);
        let a = b.render(77, SimTime(9));
        let again = b.render(77, SimTime(9));
        assert_eq!(a, again);
        assert_eq!(a.data.len(), 200, "padded to the fixed size");
        assert!(serde_json::from_slice::<serde_json::Value>(&a.data).is_ok());
    }

    #[test]
    fn sizes_and_opaque_bytes() {
        let t = PayloadTemplate {
            kind: PayloadKind::Opaque,
            size: RecordSize::Uniform { min: 10, max: 20 },
            ..Default::default()
        };
        let b = source(t);
        for n in 0..100 {
            let len = b.render(n, SimTime(0)).data.len();
            assert!((10..=20).contains(&len));
        }
    }

    #[test]
    fn hot_keys_take_their_share() {
        let t = PayloadTemplate {
            keys: KeyDistribution::HotKeys { keys: 100, hot: 1, hot_percent: 80 },
            ..Default::default()
        };
        let b = source(t);
        let hot = (0..10_000).filter(|n| b.key_index(*n) == 0).count();
        assert!((7_700..=8_300).contains(&hot), "{hot}");
    }

    #[test]
    fn zipf_puts_most_weight_on_the_first_keys() {
        let t = PayloadTemplate { keys: KeyDistribution::Zipf { keys: 50 }, ..Default::default() };
        let b = source(t);
        let mut counts = [0u32; 50];
        for n in 0..20_000 {
            counts[b.key_index(n) as usize] += 1;
        }
        // 1/H(50) ≈ 22% for key 0, ≈ 11% for key 1, < 1% for key 49.
        assert!(counts[0] > 4_000 && counts[0] < 5_000, "{}", counts[0]);
        assert!(counts[0] > counts[1] && counts[1] > counts[10] && counts[10] > counts[49]);
    }

    #[test]
    fn registering_twice_gives_the_same_id() {
        let mut engine = Engine::default();
        let mut b = PayloadBook::new(1);
        let a = b.source_id(&mut engine, PayloadTemplate::default());
        assert_eq!(a, b.source_id(&mut engine, PayloadTemplate::default()));
        assert_ne!(a, b.source_id(&mut engine, PayloadTemplate { salt: 1, ..Default::default() }));
        assert_eq!(engine.record_sources().len(), 2);
    }

    #[test]
    fn the_engine_renders_a_registered_template_like_the_template() {
        let mut engine = Engine::default();
        let mut b = PayloadBook::new(42);
        let t = PayloadTemplate { kind: PayloadKind::Sensor, ..Default::default() };
        let id = b.source_id(&mut engine, t.clone());
        let reference = crate::engine::state::record_source::RecordRef {
            source: id.unwrap_or(u16::MAX),
            n: 12,
            event_time: SimTime(3),
        };
        assert_eq!(engine.record_sources().render(reference), Some(source(t).render(12, SimTime(3))));
    }
}
