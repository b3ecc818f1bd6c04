//! What a consumer's code computes from the records it reads: the pipelines' query, folded
//! into a table.
//!
//! The Lambda vs Kappa pipelines (`pipelines.rs`) all answer one query, "sum of field
//! `sum_of` per value of field `group_by`" (units sold per product for the e-commerce orders),
//! over records' JSON data. A [`Sink`] is that code running inside a consumer (the speed layer,
//! a Kappa job, the archiver): each record it processes is folded into its [`Table`], bucketed
//! by the record's `ApproximateArrivalTimestamp` minute so a view can say which records it
//! covers. It also keeps a *shadow* table computed by the correct code over the same records,
//! which measures what an injected bug changed without knowing anything else.
//!
//! An archiver's sink also feeds a Firehose delivery stream (`firehose.rs`): the master dataset
//! is what that delivery stream has written to S3. A delivery stream on its own (created from
//! the Firehose view) has a sink with the delivery stream only, and evaluates no query.
//!
//! Simplifications: a result is written when the record is processed, and writes are
//! idempotent per sequence number (re-reads after a failover are not folded twice).

use super::firehose::DeliveryStream;
use crate::engine::time::{SimTime, MINUTE_MS};
use crate::engine::wire::shapes::RecordShape;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Width of a table bucket and of a master-dataset object, ms.
pub const BUCKET_MS: u64 = MINUTE_MS;

/// Group of records whose data is not a JSON object with the `group_by` field.
pub const NO_GROUP: &str = "(none)";

/// The query every pipeline answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// JSON field to group by (`product`).
    pub group_by: String,
    /// JSON field to sum (`qty`); empty counts records.
    pub sum_of: String,
}

impl Default for Query {
    fn default() -> Self {
        Self { group_by: "product".into(), sum_of: "qty".into() }
    }
}

impl Query {
    /// `(group, amount)` of a record's data: the group field's value (strings as they are,
    /// other JSON values as text) and the summed field (1 when counting). A record without the
    /// group field counts under [`NO_GROUP`]; one whose sum field is missing or not a
    /// non-negative integer adds 0.
    pub fn eval(&self, data: &[u8]) -> (String, u64) {
        eval_fields(data, &self.group_by, &self.sum_of)
    }
}

/// [`Query::eval`] with the two field names given separately (`sum_of` empty counts).
pub fn eval_fields(data: &[u8], group_by: &str, sum_of: &str) -> (String, u64) {
    let fields = Fields(Names { group_by, sum_of });
    // Valid UTF-8 (every JSON record is) is checked once for the whole record, so serde_json
    // does not check each string again; other bytes take the slice reader, which fails as before.
    let found = match std::str::from_utf8(data) {
        Ok(text) => de::Deserializer::deserialize_map(&mut serde_json::Deserializer::from_str(text), fields),
        Err(_) => de::Deserializer::deserialize_map(&mut serde_json::Deserializer::from_slice(data), fields),
    }
    .unwrap_or_default();
    let amount = if sum_of.is_empty() { 1 } else { found.1.unwrap_or(0) };
    (found.0.unwrap_or_else(|| NO_GROUP.to_string()), amount)
}

/// Reads only the two fields a query needs, named by its [`Names`]; everything else is skipped
/// unparsed.
struct Fields<'q>(Names<'q>);

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = (Option<String>, Option<u64>);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut group, mut amount) = (None, None);
        while let Some(key) = map.next_key_seed(self.0)? {
            if key == Name::GroupBy {
                let v: serde_json::Value = map.next_value()?;
                group = Some(match v {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                });
            } else if key == Name::SumOf {
                amount = map.next_value::<serde_json::Value>()?.as_u64();
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok((group, amount))
    }
}

/// Which of the query's fields a key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    GroupBy,
    SumOf,
    Other,
}

/// Reads an object key as the [`Name`] it matches, without allocating it: a key deserialised as
/// a `String` (or a `Cow`, which serde makes owned) was about a tenth of a native profile of
/// activity-logs, whose Lambda reads every record (issue #19, eleventh round).
#[derive(Clone, Copy)]
struct Names<'q> {
    group_by: &'q str,
    sum_of: &'q str,
}

impl Visitor<'_> for Names<'_> {
    type Value = Name;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Name, E> {
        Ok(if key == self.group_by {
            Name::GroupBy
        } else if !self.sum_of.is_empty() && key == self.sum_of {
            Name::SumOf
        } else {
            Name::Other
        })
    }
}

impl<'de> DeserializeSeed<'de> for Names<'_> {
    type Value = Name;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Name, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = (Option<String>, Option<u64>);

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

/// One bucket of a table: the records of one arrival minute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    /// Records folded in.
    pub records: u64,
    /// Sum per group.
    pub sums: BTreeMap<String, u64>,
}

/// A result table, bucketed by arrival minute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Buckets by their start (virtual ms).
    pub buckets: BTreeMap<u64, Bucket>,
    /// Records folded in since the table was created (dropped buckets included).
    pub records: u64,
    /// Arrival of the newest record folded in.
    pub newest_arrival: Option<SimTime>,
}

impl Table {
    /// Adds `amount` to `group` for a record that arrived at `arrival`.
    pub fn add(&mut self, group: &str, arrival: SimTime, amount: u64) {
        let start = arrival.millis() / BUCKET_MS * BUCKET_MS;
        let b = self.buckets.entry(start).or_default();
        b.records += 1;
        match b.sums.get_mut(group) {
            Some(v) => *v += amount,
            None => {
                b.sums.insert(group.to_string(), amount);
            }
        }
        self.records += 1;
        self.newest_arrival = Some(self.newest_arrival.map_or(arrival, |t| t.max(arrival)));
    }

    /// Sums per group over the buckets that start at or after `from_ms`.
    pub fn totals_from(&self, from_ms: u64) -> BTreeMap<String, u64> {
        // Called for every view frame: a group name is cloned once, not once per bucket.
        let mut out: BTreeMap<String, u64> = BTreeMap::new();
        for b in self.buckets.range(from_ms..).map(|(_, b)| b) {
            for (g, v) in &b.sums {
                match out.get_mut(g) {
                    Some(sum) => *sum += v,
                    None => {
                        out.insert(g.clone(), *v);
                    }
                }
            }
        }
        out
    }

    /// Sums per group over every bucket.
    pub fn totals(&self) -> BTreeMap<String, u64> {
        self.totals_from(0)
    }

    /// Records in the buckets that start at or after `from_ms`.
    pub fn records_from(&self, from_ms: u64) -> u64 {
        self.buckets.range(from_ms..).map(|(_, b)| b.records).sum()
    }

    /// Drops the buckets that start before `before_ms`; returns how many.
    pub fn drop_before(&mut self, before_ms: u64) -> u64 {
        let keep = self.buckets.split_off(&before_ms);
        let dropped = self.buckets.len() as u64;
        self.buckets = keep;
        dropped
    }

    /// Bytes a key-value store would hold for it: one row per bucket and group (key, minute
    /// and an 8-byte value).
    pub fn bytes(&self) -> u64 {
        self.buckets.values().flat_map(|b| b.sums.keys()).map(|g| g.len() as u64 + 16).sum()
    }
}

/// One raw fact of the master dataset: what the batch code reads of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    /// `ApproximateArrivalTimestamp`, virtual ms.
    pub arrival_ms: u64,
    /// Index into the dataset's group names.
    pub group: u16,
    /// The summed field (1 when counting).
    pub amount: u32,
}

/// An append-only list of facts with interned group names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FactLog {
    /// Group names by index.
    pub groups: Vec<String>,
    /// Facts in the order they were appended.
    pub facts: Vec<Fact>,
    /// Bytes of the records they came from (data + partition key).
    pub bytes: u64,
}

impl FactLog {
    /// Appends a fact.
    pub fn push(&mut self, group: &str, arrival: SimTime, amount: u64, bytes: u64) {
        let g = match self.groups.iter().position(|n| n == group) {
            Some(i) => i,
            None => {
                self.groups.push(group.to_string());
                self.groups.len() - 1
            }
        };
        self.facts.push(Fact {
            arrival_ms: arrival.millis(),
            group: g.min(usize::from(u16::MAX)) as u16,
            amount: amount.min(u64::from(u32::MAX)) as u32,
        });
        self.bytes += bytes;
    }

    /// Sums per group of the facts that arrived before `before_ms`, recomputed from every fact
    /// (a batch job's "recompute from scratch").
    pub fn sums_before(&self, before_ms: u64) -> (BTreeMap<String, u64>, u64) {
        let mut sums = vec![0u64; self.groups.len()];
        let mut n = 0;
        for f in self.facts.iter().filter(|f| f.arrival_ms < before_ms) {
            if let Some(s) = sums.get_mut(usize::from(f.group)) {
                *s += u64::from(f.amount);
            }
            n += 1;
        }
        (self.groups.iter().cloned().zip(sums).collect(), n)
    }

    /// Sums per group of a slice of facts.
    pub fn sums_of(&self, facts: &[Fact]) -> BTreeMap<String, u64> {
        // Summed by group index first: a replay can miss millions of facts.
        let mut sums: Vec<Option<u64>> = vec![None; self.groups.len()];
        for f in facts {
            if let Some(s) = sums.get_mut(usize::from(f.group)) {
                *s = Some(s.unwrap_or(0) + u64::from(f.amount));
            }
        }
        self.groups.iter().zip(sums).filter_map(|(g, s)| s.map(|s| (g.clone(), s))).collect()
    }
}

/// A consumer's output: the query's code, maybe with a bug, and what it wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sink {
    /// The query.
    pub query: Query,
    /// The code has the teaching bug: it writes every result twice (a non-idempotent retry),
    /// so each record adds its amount twice.
    pub bug: bool,
    /// What the code wrote.
    pub table: Table,
    /// What the correct code would have written over the same records.
    pub shadow: Table,
    /// Raw facts, for an archiver (the master dataset): every record it read, in S3 once its
    /// delivery stream wrote the object that holds it.
    pub archive: Option<FactLog>,
    /// The Firehose delivery stream this consumer feeds (the archiver, or a delivery stream
    /// created on its own).
    pub firehose: Option<DeliveryStream>,
    /// Only the delivery stream: no query, no tables (a delivery stream created on its own).
    pub delivery_only: bool,
}

impl Sink {
    /// A sink for `query`; `archive` keeps every raw fact.
    pub fn new(query: Query, archive: bool) -> Self {
        Self { query, archive: archive.then(FactLog::default), ..Self::default() }
    }

    /// A sink that only feeds delivery stream `f` (no query, no tables).
    pub fn delivery(f: DeliveryStream) -> Self {
        Self { firehose: Some(f), delivery_only: true, ..Self::default() }
    }

    /// Processes one record.
    pub fn fold(&mut self, r: &RecordShape) {
        let bytes = (r.data.len() + r.partition_key.len()) as u64;
        if let Some(f) = &mut self.firehose {
            f.put(bytes, r.approximate_arrival_timestamp);
        }
        if self.delivery_only {
            return;
        }
        let (group, amount) = self.query.eval(&r.data);
        self.fold_fact(&group, r.approximate_arrival_timestamp, amount, bytes);
    }

    /// Processes a record already evaluated (`bytes` is its size).
    pub fn fold_fact(&mut self, group: &str, arrival: SimTime, amount: u64, bytes: u64) {
        let written = if self.bug { amount * 2 } else { amount };
        self.table.add(group, arrival, written);
        self.shadow.add(group, arrival, amount);
        if let Some(a) = &mut self.archive {
            a.push(group, arrival, amount, bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_reads_the_two_fields_only() {
        let q = Query::default();
        let data = br#"{"order_id":"a-1","customer":"c7","product":"phone","qty":3,"ts":1,"pad":"xx"}"#;
        assert_eq!(q.eval(data), ("phone".to_string(), 3));
        assert_eq!(q.eval(br#"{"qty":2}"#), (NO_GROUP.to_string(), 2));
        assert_eq!(q.eval(br#"{"product":7,"qty":"x"}"#), ("7".to_string(), 0));
        assert_eq!(q.eval(b"not json"), (NO_GROUP.to_string(), 0));
        let count = Query { group_by: "action".into(), sum_of: String::new() };
        assert_eq!(count.eval(br#"{"action":"view"}"#), ("view".to_string(), 1));
        // A key written with an escape names its field as JSON reads it; an escaped value too.
        assert_eq!(q.eval(br#"{"pro\u0064uct":"t\u00e9","q\u0074y":4}"#), ("t\u{e9}".to_string(), 4));
        // Bytes that are not UTF-8 take serde_json's slice reader, as every record did before:
        // it refuses them in a field it reads and does not look inside a value it skips.
        assert_eq!(q.eval(b"{\"product\":\"\xff\",\"qty\":1}"), (NO_GROUP.to_string(), 0));
        assert_eq!(q.eval(b"{\"product\":\"p\",\"qty\":1,\"pad\":\"\xfe\"}"), ("p".to_string(), 1));
    }

    #[test]
    fn buckets_split_and_drop_by_minute() {
        let mut t = Table::default();
        t.add("a", SimTime(59_999), 1);
        t.add("a", SimTime(60_000), 2);
        t.add("b", SimTime(125_000), 5);
        assert_eq!(t.totals().get("a"), Some(&3));
        assert_eq!(t.totals_from(60_000).get("a"), Some(&2));
        assert_eq!(t.records_from(120_000), 1);
        assert_eq!(t.drop_before(120_000), 2);
        assert_eq!(t.totals().get("a"), None);
        assert_eq!(t.records, 3);
    }

    #[test]
    fn the_bug_doubles_the_table_not_the_shadow() {
        let mut s = Sink::new(Query::default(), true);
        s.bug = true;
        s.fold_fact("phone", SimTime(0), 3, 100);
        assert_eq!(s.table.totals().get("phone"), Some(&6));
        assert_eq!(s.shadow.totals().get("phone"), Some(&3));
        let log = s.archive.as_ref().map(|a| a.sums_before(1)).unwrap_or_default();
        assert_eq!(log.0.get("phone"), Some(&3));
        assert_eq!(log.1, 1);
    }
}
