//! A full chunk of records written by reference, packed column by column.
//!
//! What it models: nothing AWS does (see `record_source.rs`); it is how a shard keeps a day of a
//! simulated producer's traffic in a browser tab. A record written by reference is eight
//! integers — `seqIx`, arrival, its source, its number `n` in that source, its event time, its
//! data and key lengths, two flags — and within one shard most of them change by the same small
//! step from one record to the next: `n` grows by about the number of shards, arrival by a few
//! milliseconds, the event time equals the arrival, the source, lengths and flags repeat.
//!
//! Layout. A chunk of `len` rows keeps row 0 whole, and for each of eight **columns** the step
//! from row `i - 1` to row `i` (for the event time: arrival minus event time):
//! - a column whose steps are all equal is one number ([`Column::Same`]), 0 bytes per record;
//! - otherwise it keeps its most common step `base` and, per record, one 4-bit nibble holding
//!   `zigzag(step - base)`; a nibble of 15 means the value follows as a LEB128 varint in the
//!   column's escape bytes (a retried record sent out of order, a long pause).
//!
//! A steady producer's record costs 1 to 2 bytes (about 1.5 for the course's activity log on
//! two shards) instead of 48. Reading decodes rows in order from the checkpoint before the
//! row asked for (one every 256 rows): random access costs at most 256 steps, sequential reading
//! one step per record.
//! Every value round-trips exactly (deltas are taken in `i128`), so nothing a reader sees
//! changes.

/// One record as the store keeps it: what a [`super::store::StoredRecord`] is built from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// Its `seqIx`.
    pub seq_ix: u64,
    /// When the shard accepted it, ms.
    pub arrival: u64,
    /// Its number within its source.
    pub n: u64,
    /// When the client made it, ms.
    pub event_time: u64,
    /// Data length, bytes.
    pub data_len: u32,
    /// Partition key length, bytes.
    pub key_len: u16,
    /// Its record source.
    pub source: u16,
    /// The store's flag bits.
    pub flags: u8,
}

/// Number of columns.
const COLUMNS: usize = 8;
/// Rows between two checkpoints: reading row `i` decodes at most this many rows.
const CHECKPOINT_ROWS: usize = 256;
/// Most rows a packed chunk takes: a checkpoint keeps escape cursors in 16 bits, and a chunk's
/// escapes (at most 19 bytes per row, the longest varint of a 128-bit value) must fit.
pub const MAX_ROWS: usize = 2048;
const _: () = assert!(MAX_ROWS * 19 <= u16::MAX as usize);
/// The nibble that says "the value is in the escape bytes".
const ESCAPE: u8 = 15;

/// How a chunk predicts `n` and `seqIx`; [`Packed::pack`] picks, per chunk, whichever encodes
/// smaller.
///
/// - `n` as its step from the row before (a steady producer: about the number of shards), or
///   **by time**: as its distance from a line through the chunk's `(event time, n)` points.
///   A throttled shard mixes fresh records with retries made seconds earlier, whose `n` jumps
///   back and forth by thousands; their distance from the line stays small.
/// - `seqIx` as its step beyond `n`'s step (one producer alone in its shard group), or plainly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Model {
    by_time: bool,
    plain_seq: bool,
    /// `n` per ms of event time, in 1/65,536 (clamped to 0..=2^40, so no product overflows).
    slope: i128,
    /// The line's origin: the first row's event time and `n`.
    origin: (i128, i128),
}

impl Model {
    /// `n`'s distance from the line at `row`'s event time.
    fn residual(&self, row: &Row) -> i128 {
        i128::from(row.n) - self.line(row.event_time)
    }

    fn line(&self, event_time: u64) -> i128 {
        self.origin.1 + (((i128::from(event_time) - self.origin.0) * self.slope) >> 16)
    }

    /// The eight steps from `prev` to `row`: n, seqIx, arrival, arrival minus event time (not a
    /// step), key length, data length, source, flags.
    fn steps(&self, prev: &Row, row: &Row) -> [i128; COLUMNS] {
        let d = |a: u64, b: u64| i128::from(a) - i128::from(b);
        let dn = d(row.n, prev.n);
        [
            if self.by_time { self.residual(row) - self.residual(prev) } else { dn },
            d(row.seq_ix, prev.seq_ix) - if self.plain_seq { 0 } else { dn },
            d(row.arrival, prev.arrival),
            d(row.arrival, row.event_time),
            i128::from(row.key_len) - i128::from(prev.key_len),
            i128::from(row.data_len) - i128::from(prev.data_len),
            i128::from(row.source) - i128::from(prev.source),
            i128::from(row.flags) - i128::from(prev.flags),
        ]
    }

    /// Rebuilds a row from the previous one and its steps (the inverse of [`Model::steps`]).
    fn apply(&self, prev: &Row, s: &[i128; COLUMNS]) -> Row {
        let add = |a: u64, b: i128| (i128::from(a) + b) as u64;
        let arrival = add(prev.arrival, s[2]);
        let event_time = (i128::from(arrival) - s[3]) as u64;
        let n =
            if self.by_time { (self.line(event_time) + self.residual(prev) + s[0]) as u64 } else { add(prev.n, s[0]) };
        let dn = i128::from(n) - i128::from(prev.n);
        Row {
            n,
            seq_ix: add(prev.seq_ix, s[1] + if self.plain_seq { 0 } else { dn }),
            arrival,
            event_time,
            key_len: (i128::from(prev.key_len) + s[4]) as u16,
            data_len: (i128::from(prev.data_len) + s[5]) as u32,
            source: (i128::from(prev.source) + s[6]) as u16,
            flags: (i128::from(prev.flags) + s[7]) as u8,
        }
    }
}

fn zigzag(v: i128) -> u128 {
    ((v << 1) ^ (v >> 127)) as u128
}

fn unzigzag(z: u128) -> i128 {
    ((z >> 1) as i128) ^ -((z & 1) as i128)
}

fn put_varint(out: &mut Vec<u8>, mut z: u128) {
    loop {
        let byte = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn get_varint(bytes: &[u8], at: &mut usize) -> u128 {
    let mut z = 0u128;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        if shift < 128 {
            z |= u128::from(b & 0x7f) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    z
}

/// One column of a packed chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    /// Every step is this value.
    Same(i128),
    /// Steps as nibbles around a base, with escapes (boxed: most columns are [`Column::Same`]).
    Nibbles(Box<Nibbles>),
}

/// A column's steps, one nibble each.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Nibbles {
    /// The most common step.
    base: i128,
    /// Two nibbles per byte, low nibble first; row `i` (from 1) is nibble `i - 1`.
    nibbles: Box<[u8]>,
    /// Varints of the escaped values, in row order.
    escapes: Box<[u8]>,
}

impl Column {
    fn encode(values: &[i128]) -> Column {
        let mut sorted = values.to_vec();
        sorted.sort_unstable();
        // The most common value (ties: the smallest).
        let (mut base, mut best, mut run) = (sorted.first().copied().unwrap_or(0), 0usize, 0usize);
        for (i, v) in sorted.iter().enumerate() {
            run = if i > 0 && sorted[i - 1] == *v { run + 1 } else { 1 };
            if run > best {
                (best, base) = (run, *v);
            }
        }
        if best == values.len() {
            return Column::Same(base);
        }
        let mut nibbles = vec![0u8; values.len().div_ceil(2)];
        let mut escapes = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let z = zigzag(*v - base);
            let nib = if z < u128::from(ESCAPE) {
                z as u8
            } else {
                put_varint(&mut escapes, z);
                ESCAPE
            };
            nibbles[i / 2] |= nib << ((i % 2) * 4);
        }
        Column::Nibbles(Box::new(Nibbles { base, nibbles: nibbles.into(), escapes: escapes.into() }))
    }

    /// The step of row `i + 1`, reading escapes from `cursor`.
    fn step(&self, i: usize, cursor: &mut usize) -> i128 {
        match self {
            Column::Same(v) => *v,
            Column::Nibbles(c) => {
                let Nibbles { base, nibbles, escapes } = c.as_ref();
                let nib = nibbles.get(i / 2).map_or(0, |b| (b >> ((i % 2) * 4)) & 0x0f);
                let z = if nib == ESCAPE { get_varint(escapes, cursor) } else { u128::from(nib) };
                base + unzigzag(z)
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Column::Same(_) => 0,
            Column::Nibbles(c) => std::mem::size_of::<Nibbles>() + c.nibbles.len() + c.escapes.len(),
        }
    }
}

/// A packed chunk: row 0 whole, then the columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    first: Row,
    /// Arrival of the last row, ms (trimming a whole chunk needs no decoding).
    last_arrival: u64,
    len: usize,
    model: Model,
    columns: [Column; COLUMNS],
    /// The decoder's state just before rows 256, 512 and 768: the row before and the escape
    /// cursors (64 bytes per 256 rows, a quarter byte per record), so that reading any row decodes at
    /// most [`CHECKPOINT_ROWS`] rows, not the whole chunk (a consumer reading 5 records per call
    /// deep in the backlog).
    checkpoints: Box<[(Row, [u16; COLUMNS])]>,
}

impl Packed {
    /// Packs `rows` (at least one, at most [`MAX_ROWS`]).
    pub fn pack(rows: &[Row]) -> Option<Packed> {
        if rows.len() > MAX_ROWS {
            return None;
        }
        let (first, last) = (*rows.first()?, rows.last()?);
        // The line through the rows made first and last.
        let (lo, hi) = (
            rows.iter().min_by_key(|r| r.event_time).unwrap_or(&first),
            rows.iter().max_by_key(|r| r.event_time).unwrap_or(&first),
        );
        let span = i128::from(hi.event_time - lo.event_time).max(1);
        let slope = (((i128::from(hi.n) - i128::from(lo.n)) << 16) / span).clamp(0, 1 << 40);
        let origin = (i128::from(first.event_time), i128::from(first.n));
        let plain = Model { by_time: false, plain_seq: false, slope, origin };
        // Columns 2 to 7 do not depend on the model: their steps are computed once.
        let steps: Vec<[i128; COLUMNS]> = rows.windows(2).map(|w| plain.steps(&w[0], &w[1])).collect();
        let column = |c: usize| Column::encode(&steps.iter().map(|s| s[c]).collect::<Vec<_>>());
        let other = |model: Model, c: usize| {
            Column::encode(&rows.windows(2).map(|w| model.steps(&w[0], &w[1])[c]).collect::<Vec<_>>())
        };
        let cheaper = |a: Column, b: Column| if b.heap_bytes() < a.heap_bytes() { (b, true) } else { (a, false) };
        let (n_column, by_time) = cheaper(column(0), other(Model { by_time: true, ..plain }, 0));
        let (seq_column, plain_seq) = cheaper(column(1), other(Model { plain_seq: true, ..plain }, 1));
        let model = Model { by_time, plain_seq, slope, origin };
        let mut columns: [Column; COLUMNS] = std::array::from_fn(|c| if c < 2 { Column::Same(0) } else { column(c) });
        columns[0] = n_column;
        columns[1] = seq_column;
        let mut packed =
            Packed { first, last_arrival: last.arrival, len: rows.len(), model, columns, checkpoints: Box::default() };
        let mut checkpoints = Vec::with_capacity(rows.len() / CHECKPOINT_ROWS);
        let mut it = packed.rows();
        while it.next < packed.len {
            if it.next > 0 && it.next % CHECKPOINT_ROWS == 0 {
                checkpoints.push((it.prev, it.cursors.map(|c| c as u16)));
            }
            it.next();
        }
        packed.checkpoints = checkpoints.into();
        Some(packed)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when it holds no row (never, once packed).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Arrival of its last row, ms.
    pub fn last_arrival(&self) -> u64 {
        self.last_arrival
    }

    /// Its rows, in order.
    pub fn rows(&self) -> Rows<'_> {
        Rows { packed: self, next: 0, prev: self.first, cursors: [0; COLUMNS] }
    }

    /// Its rows from row `i` on, decoding from the checkpoint at or before `i`.
    pub fn rows_from(&self, i: usize) -> Rows<'_> {
        let k = (i / CHECKPOINT_ROWS).min(self.checkpoints.len());
        let mut it = match k.checked_sub(1).and_then(|c| self.checkpoints.get(c)) {
            Some((prev, cursors)) => {
                Rows { packed: self, next: k * CHECKPOINT_ROWS, prev: *prev, cursors: cursors.map(|c| c as usize) }
            }
            None => self.rows(),
        };
        let skip = i - it.next.min(i);
        if skip > 0 {
            it.nth(skip - 1);
        }
        it
    }

    /// From row `from` on, how many rows satisfy `pred`, given that it holds for a prefix of
    /// the rows: checkpoints are searched first, so this decodes at most 256 rows.
    pub fn prefix_from(&self, from: usize, pred: impl Fn(&Row) -> bool) -> usize {
        // Checkpoint k holds row 256 (k + 1) − 1: when it satisfies `pred`, so do all before it.
        let k = self.checkpoints.partition_point(|(row, _)| pred(row));
        let start = (k * CHECKPOINT_ROWS).max(from);
        (start - from) + self.rows_from(start).take_while(|r| pred(r)).count()
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> Option<Row> {
        self.rows_from(i).next()
    }

    /// Heap bytes held beyond the struct itself.
    pub fn heap_bytes(&self) -> usize {
        self.columns.iter().map(Column::heap_bytes).sum::<usize>()
            + self.checkpoints.len() * std::mem::size_of::<(Row, [u16; COLUMNS])>()
    }
}

/// Decodes a packed chunk's rows in order.
#[derive(Clone, Debug)]
pub struct Rows<'a> {
    packed: &'a Packed,
    next: usize,
    prev: Row,
    cursors: [usize; COLUMNS],
}

impl Iterator for Rows<'_> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        let i = self.next;
        if i >= self.packed.len {
            return None;
        }
        self.next += 1;
        if i == 0 {
            return Some(self.prev);
        }
        let mut s = [0i128; COLUMNS];
        for (c, col) in self.packed.columns.iter().enumerate() {
            s[c] = col.step(i - 1, &mut self.cursors[c]);
        }
        self.prev = self.packed.model.apply(&self.prev, &s);
        Some(self.prev)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.packed.len - self.next;
        (left, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: u64) -> Row {
        Row {
            seq_ix: 10 + i * 2,
            arrival: 1_000 + i / 2,
            n: 5 + i * 2,
            event_time: 1_000 + i / 2,
            data_len: 120,
            key_len: 6 + (i % 3) as u16,
            source: 1,
            flags: 4,
        }
    }

    #[test]
    fn steady_rows_round_trip_in_a_byte_or_two_each() {
        let rows: Vec<Row> = (0..1024).map(row).collect();
        let p = Packed::pack(&rows).unwrap_or_else(|| panic!("no rows"));
        assert_eq!(p.rows().collect::<Vec<_>>(), rows);
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(p.prefix_from(0, |r| r.seq_ix < row.seq_ix), i);
            assert_eq!(p.prefix_from(i.min(300), |r| r.seq_ix < row.seq_ix), i - i.min(300));
        }
        assert_eq!(p.prefix_from(0, |_| true), 1024);
        for i in [0, 1, 127, 128, 129, 255, 256, 700, 1023] {
            assert_eq!(p.row(i), Some(rows[i]), "row {i}");
            assert_eq!(p.rows_from(i).collect::<Vec<_>>(), rows[i..], "rows from {i}");
        }
        assert_eq!(p.row(1024), None);
        assert_eq!(p.last_arrival(), rows[1023].arrival);
        // Arrival and key length vary: two nibble columns, one byte per record.
        let bytes = p.heap_bytes() + std::mem::size_of::<Packed>();
        assert!(bytes <= 1024 + 1024, "{bytes} bytes");
    }

    #[test]
    fn extreme_and_out_of_order_values_round_trip() {
        let mut rows: Vec<Row> = (0..300).map(row).collect();
        rows[7] = Row { n: 0, event_time: 0, ..rows[7] };
        rows[8] = Row { n: u64::MAX, arrival: u64::MAX, event_time: 3, data_len: u32::MAX, ..rows[8] };
        rows[9] = Row { key_len: u16::MAX, source: u16::MAX, flags: u8::MAX, seq_ix: 0, ..rows[9] };
        rows[200].event_time = rows[200].arrival + 5;
        let p = Packed::pack(&rows).unwrap_or_else(|| panic!("no rows"));
        assert_eq!(p.rows().collect::<Vec<_>>(), rows);
        for i in [7, 8, 9, 10, 127, 128, 200, 256, 299] {
            assert_eq!(p.rows_from(i).collect::<Vec<_>>(), rows[i..], "rows from {i}");
        }
        assert_eq!(Packed::pack(&rows[..1]).map(|p| p.rows().collect::<Vec<_>>()), Some(rows[..1].to_vec()));
        assert_eq!(Packed::pack(&[]), None);
    }

    #[test]
    fn a_throttled_shard_s_retries_are_predicted_by_their_event_time() {
        // A hot shard: 1 ms apart, every other record a retry made 0.5 to 3 s earlier by a
        // producer writing 1.5 records per ms, its seqIx counted with three other shards.
        let rows: Vec<Row> = (0..1024u64)
            .map(|i| {
                let back = if i % 2 == 1 { 500 + (i * 7919) % 2_500 } else { 0 };
                let event_time = 10_000 + i - back;
                Row {
                    seq_ix: 40 + i * 3,
                    arrival: 10_000 + i,
                    n: event_time * 3 / 2 + i % 2,
                    event_time,
                    data_len: 200,
                    key_len: 5,
                    source: 0,
                    flags: 4,
                }
            })
            .collect();
        let p = Packed::pack(&rows).unwrap_or_else(|| panic!("no rows"));
        assert!(p.model.by_time && p.model.plain_seq, "{:?}", p.model);
        assert_eq!(p.rows().collect::<Vec<_>>(), rows);
        assert_eq!(p.rows_from(513).collect::<Vec<_>>(), rows[513..]);
        let per = p.heap_bytes() as f64 / 1024.0;
        assert!(per < 4.0, "{per:.2} bytes per record");
    }

    #[test]
    fn varints_and_zigzag_are_inverse() {
        for v in [0i128, 1, -1, 14, -15, 1 << 70, i128::from(u64::MAX), -i128::from(u64::MAX)] {
            let mut b = Vec::new();
            put_varint(&mut b, zigzag(v));
            let mut at = 0;
            assert_eq!(unzigzag(get_varint(&b, &mut at)), v);
            assert_eq!(at, b.len());
        }
    }
}
