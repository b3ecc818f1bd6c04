//! The kcl view's pure model: what each lease row's state is, when a row counts as just moved,
//! and how a 56-digit sequence number is shortened for the table. Tested natively.

use crate::engine::time::SimTime;

/// How long a row stays highlighted after its owner changed, ms of simulated time.
pub const HIGHLIGHT_MS: u64 = 3_000;

/// Digits of a sequence number kept in the table (the full number is in the cell's title).
pub const SEQ_TAIL: usize = 6;

/// What the workers make of a lease row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowState {
    /// Read to its end: checkpoint `SHARD_END`.
    Finished,
    /// Its live owner renews it.
    Renewed,
    /// Nobody owns it yet.
    Unowned,
    /// Its owner is dead: it expires in this many ms unless renewed.
    ExpiresIn(u64),
    /// Expired: the next taker run takes it.
    ExpiredWaiting,
}

/// The state of a row: `finished`, `held` (its owner is alive and renews it), `owned` (the
/// table names an owner), and `expires_at` (last renewal + failover time).
pub fn row_state(finished: bool, held: bool, owned: bool, expires_at: SimTime, now: SimTime) -> RowState {
    match (finished, held, owned) {
        (true, _, _) => RowState::Finished,
        (false, true, _) => RowState::Renewed,
        (false, false, false) => RowState::Unowned,
        (false, false, true) if now <= expires_at => RowState::ExpiresIn(expires_at.since(now)),
        (false, false, true) => RowState::ExpiredWaiting,
    }
}

/// A row changed owner recently enough to be highlighted.
pub fn recently_moved(moved: bool, taken_at: SimTime, now: SimTime) -> bool {
    moved && now.since(taken_at) < HIGHLIGHT_MS
}

/// A sequence number shortened to its last [`SEQ_TAIL`] digits, after an ellipsis.
pub fn short_seq(seq: &str) -> String {
    let n = seq.chars().count();
    if n <= SEQ_TAIL {
        return seq.to_string();
    }
    let tail: String = seq.chars().skip(n - SEQ_TAIL).collect();
    format!("…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_owner_s_lease_counts_down_then_waits() {
        let at = SimTime(10_000);
        assert_eq!(row_state(false, false, true, at, SimTime(4_000)), RowState::ExpiresIn(6_000));
        assert_eq!(row_state(false, false, true, at, SimTime(10_001)), RowState::ExpiredWaiting);
        assert_eq!(row_state(false, true, true, at, SimTime(20_000)), RowState::Renewed);
        assert_eq!(row_state(true, false, true, at, SimTime(20_000)), RowState::Finished);
        assert_eq!(row_state(false, false, false, at, SimTime(0)), RowState::Unowned);
    }

    #[test]
    fn highlight_lasts_three_seconds() {
        assert!(recently_moved(true, SimTime(1_000), SimTime(3_999)));
        assert!(!recently_moved(true, SimTime(1_000), SimTime(4_000)));
        assert!(!recently_moved(false, SimTime(1_000), SimTime(1_000)));
    }

    #[test]
    fn sequence_numbers_keep_their_tail() {
        assert_eq!(short_seq("49590338271490256608559692538361571095921575989136588898"), "…588898");
        assert_eq!(short_seq("123"), "123");
    }
}
