//! `NextToken`: the opaque page tokens of ListStreams, ListShards and ListStreamConsumers.
//!
//! AWS facts reproduced (KINESIS.md B10; API reference `ListShards`, `ListStreamConsumers`): a
//! `NextToken` is opaque, is passed back unchanged to get the next page, and expires 300 s after
//! it was issued (ExpiredNextTokenException).
//!
//! Simplifications: our tokens are base64 of a small text record (where the page ends, when the
//! token was issued and, for ListShards, its `ShardFilter`); AWS's are encrypted. The messages for
//! a token we did not issue and for an expired one are our wording (AWS's text is not published).

use crate::engine::error::{invalid_argument, ApiError, ErrorType};
use crate::engine::state::consumer::ConsumerKey;
use crate::engine::state::stream::StreamKey;
use crate::engine::time::SimTime;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// Lifetime of a `NextToken`, ms (300 s).
pub const NEXT_TOKEN_TTL_MS: u64 = 300_000;

/// What a ListShards / ListStreams token carries.
pub(crate) struct PageToken {
    /// The stream whose shards are listed (empty for ListStreams).
    pub(crate) stream: String,
    /// The last name or shard id of the page.
    pub(crate) after: String,
    /// When it was issued.
    pub(crate) issued: SimTime,
    /// ListShards' `ShardFilter`: type, shard id, timestamp in ms.
    pub(crate) filter: Option<(String, Option<String>, Option<u64>)>,
}

impl PageToken {
    /// The opaque text.
    pub(crate) fn encode(&self) -> String {
        let (ft, fs, fts) = self.filter.clone().unwrap_or_default();
        let raw = format!(
            "v1\n{}\n{}\n{}\n{}\n{}\n{}",
            self.stream,
            self.after,
            self.issued.0,
            ft,
            fs.unwrap_or_default(),
            fts.map(|x| x.to_string()).unwrap_or_default()
        );
        STANDARD.encode(raw.as_bytes())
    }

    /// Reads a token; `None` for anything this engine did not issue.
    pub(crate) fn decode(text: &str) -> Option<Self> {
        let bytes = STANDARD.decode(text.as_bytes()).ok()?;
        let raw = String::from_utf8(bytes).ok()?;
        let parts: Vec<&str> = raw.split('\n').collect();
        let [version, stream, after, issued, ft, fs, fts] = parts.as_slice() else {
            return None;
        };
        if *version != "v1" {
            return None;
        }
        let filter = (!ft.is_empty())
            .then(|| (ft.to_string(), (!fs.is_empty()).then(|| fs.to_string()), fts.parse::<u64>().ok()));
        Some(Self {
            stream: stream.to_string(),
            after: after.to_string(),
            issued: SimTime(issued.parse().ok()?),
            filter,
        })
    }
}

/// What a ListStreamConsumers token carries.
pub(crate) struct ConsumerPageToken {
    /// The stream whose consumers are listed.
    pub(crate) stream: StreamKey,
    /// The last consumer of the page.
    pub(crate) after: ConsumerKey,
    /// When it was issued.
    pub(crate) issued: SimTime,
}

impl ConsumerPageToken {
    /// The opaque text.
    pub(crate) fn encode(&self) -> String {
        STANDARD.encode(format!("efo1\n{}\n{}\n{}", self.stream, self.after, self.issued.0))
    }

    /// Reads a token; `None` for anything this engine did not issue.
    pub(crate) fn decode(text: &str) -> Option<Self> {
        let raw = String::from_utf8(STANDARD.decode(text.as_bytes()).ok()?).ok()?;
        let parts: Vec<&str> = raw.split('\n').collect();
        let [version, stream, after, issued] = parts.as_slice() else {
            return None;
        };
        (*version == "efo1").then_some(())?;
        Some(Self { stream: stream.parse().ok()?, after: after.parse().ok()?, issued: SimTime(issued.parse().ok()?) })
    }
}

/// A token this engine did not issue, or issued for another stream (our wording).
pub(crate) fn invalid_next_token() -> ApiError {
    invalid_argument("Invalid NextToken.")
}

/// ExpiredNextTokenException once a token issued at `issued` is older than
/// [`NEXT_TOKEN_TTL_MS`] at `now` (our wording).
pub(crate) fn check_token_age(issued: SimTime, now: SimTime) -> Result<(), ApiError> {
    if now.since(issued) > NEXT_TOKEN_TTL_MS {
        return Err(ApiError::new(ErrorType::ExpiredNextTokenException, "The NextToken has expired."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_expire_after_300_s() {
        let t = PageToken {
            stream: "s".into(),
            after: "shardId-000000000001".into(),
            issued: SimTime(7),
            filter: Some(("AT_TIMESTAMP".into(), None, Some(5))),
        };
        let back = PageToken::decode(&t.encode());
        assert_eq!(
            back.map(|b| (b.stream, b.after, b.issued, b.filter)),
            Some((t.stream, t.after, t.issued, t.filter))
        );
        let c = ConsumerPageToken { stream: 3, after: 9, issued: SimTime(11) };
        let back = ConsumerPageToken::decode(&c.encode());
        assert_eq!(back.map(|b| (b.stream, b.after, b.issued)), Some((3, 9, SimTime(11))));
        assert!(PageToken::decode(&c.encode()).is_none() && ConsumerPageToken::decode("x").is_none());
        assert!(check_token_age(SimTime(0), SimTime(NEXT_TOKEN_TTL_MS)).is_ok());
        let expired = check_token_age(SimTime(0), SimTime(NEXT_TOKEN_TTL_MS + 1));
        assert_eq!(expired.map_err(|e| e.error_type), Err(ErrorType::ExpiredNextTokenException));
    }
}
