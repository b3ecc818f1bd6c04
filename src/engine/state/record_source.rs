//! Records written by reference: the client keeps the bytes, the shard keeps a reference.
//!
//! What it models: nothing AWS does. A real shard stores every byte it accepts; a simulation that
//! retains a day of traffic in a browser tab cannot. A client whose records are a pure function
//! of a number and a time registers a [`RecordSource`] once, and then writes each record with a
//! [`RecordRef`] beside its key and data. The shard checks, routes, sizes and throttles the
//! record exactly as if it had only the bytes, but keeps just the reference (see `store.rs`:
//! 48 bytes per record whatever its size, and one or two once its chunk is full and packed), and asks the source to render key and data
//! again whenever the record is read.
//!
//! The engine trusts the client: the key and data sent with a reference must be what its source
//! renders for it, or readers see different bytes than were routed.

use crate::engine::time::SimTime;
use std::fmt;
use std::sync::Arc;

/// The number of a registered [`RecordSource`] (what a [`RecordRef`] names).
pub type SourceId = u16;

/// Most sources one engine keeps; a client whose source does not fit writes its bytes.
pub const MAX_RECORD_SOURCES: usize = SourceId::MAX as usize;

/// Rebuilds the partition key and data of records a client wrote by reference.
///
/// `render` must be a pure function of its arguments: the engine calls it on every read, on any
/// target, and expects the bytes the client sent.
pub trait RecordSource: fmt::Debug + Send + Sync {
    /// Partition key, data and ExplicitHashKey of the `n`-th record, made at `event_time`.
    fn render(&self, n: u64, event_time: SimTime) -> RenderedRecord;
}

/// The client-held part of a record: what a [`RecordSource`] renders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedRecord {
    /// The partition key.
    pub partition_key: String,
    /// The data blob.
    pub data: Vec<u8>,
    /// The ExplicitHashKey, when the record was routed by one.
    pub explicit_hash_key: Option<u128>,
}

/// A reference to client-held data: the `n`-th record of a registered source, made at
/// `event_time`. 16 bytes are stored for it (the source id lives in the store's entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// The source that renders it (see [`crate::engine::Engine::register_record_source`]).
    pub source: SourceId,
    /// The record's number within its source.
    pub n: u64,
    /// When the client made it, passed back to the source.
    pub event_time: SimTime,
}

/// The engine's registry of record sources, numbered in registration order.
#[derive(Clone, Debug, Default)]
pub struct RecordSources {
    sources: Vec<Arc<dyn RecordSource>>,
}

impl RecordSources {
    /// Registers `source`; `None` when [`MAX_RECORD_SOURCES`] are registered already.
    pub fn register(&mut self, source: Arc<dyn RecordSource>) -> Option<SourceId> {
        if self.sources.len() >= MAX_RECORD_SOURCES {
            return None;
        }
        self.sources.push(source);
        SourceId::try_from(self.sources.len() - 1).ok()
    }

    /// A registered source.
    pub fn get(&self, id: SourceId) -> Option<&dyn RecordSource> {
        self.sources.get(usize::from(id)).map(|s| s.as_ref())
    }

    /// The record `reference` names; `None` for an unknown source.
    pub fn render(&self, reference: RecordRef) -> Option<RenderedRecord> {
        self.get(reference.source).map(|s| s.render(reference.n, reference.event_time))
    }

    /// Number of registered sources.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// True when none is registered.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Key `k<n>`, data `n` bytes of `n as u8`.
    #[derive(Debug)]
    struct Counting;

    impl RecordSource for Counting {
        fn render(&self, n: u64, event_time: SimTime) -> RenderedRecord {
            RenderedRecord {
                partition_key: format!("k{n}"),
                data: vec![n as u8; n as usize],
                explicit_hash_key: Some(u128::from(event_time.millis())),
            }
        }
    }

    #[test]
    fn sources_are_numbered_in_order_and_render_by_reference() {
        let mut book = RecordSources::default();
        assert!(book.is_empty());
        assert_eq!(book.register(Arc::new(Counting)), Some(0));
        assert_eq!(book.register(Arc::new(Counting)), Some(1));
        assert_eq!(book.len(), 2);
        let r = book.render(RecordRef { source: 1, n: 3, event_time: SimTime(9) });
        assert_eq!(
            r,
            Some(RenderedRecord { partition_key: "k3".into(), data: vec![3, 3, 3], explicit_hash_key: Some(9) })
        );
        assert_eq!(book.render(RecordRef { source: 2, n: 0, event_time: SimTime(0) }), None);
    }
}
