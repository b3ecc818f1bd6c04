//! The world's half of the determinism digest: XXH3 over the world's own decisions (which
//! consumer read which shard when, what a drain delivered), combined with the engine's digest
//! of its events. Two runs of one scenario and seed give the same digest natively and in wasm32.

use xxhash_rust::xxh3::Xxh3;

/// XXH3 over the world's own decisions (the engine digests its events separately).
#[derive(Clone, Default)]
pub struct DecisionDigest(Box<Xxh3>);

impl std::fmt::Debug for DecisionDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DecisionDigest({:016x})", self.0.digest())
    }
}

impl DecisionDigest {
    /// Adds one decision, as a few words (a tag first, then its values).
    pub fn words(&mut self, words: &[u64]) {
        for w in words {
            self.0.update(&w.to_le_bytes());
        }
    }

    /// The world's digest: `engine` (the engine's event digest) followed by this one, hashed.
    pub fn combined_with(&self, engine: u64) -> u64 {
        let mut h = Xxh3::new();
        h.update(&engine.to_le_bytes());
        h.update(&self.0.digest().to_le_bytes());
        h.digest()
    }
}
