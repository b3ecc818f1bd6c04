//! IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod.
//!
//! AWS facts reproduced (KINESIS.md B9, B11): retention is 24..=8760 hours (AWS raised the maximum
//! from 168 h to 8760 h in 2020; kinesalite still enforces 168). An increase must be ≥ the current
//! value and a decrease ≤ it (equal values are accepted). A decrease makes older records
//! inaccessible at once; an increase does not bring back records that already expired, because
//! expired records are deleted, not hidden.

use crate::engine::error::{invalid_argument, ApiError};
use crate::engine::events::Event;
use crate::engine::state::stream::{StreamStatus, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS};
use crate::engine::Engine;
use serde::Deserialize;

/// Least `RetentionPeriodHours` a request may carry at all. AWS's API model declares the field
/// `1..=`[`MAX_RETENTION_HOURS`]; outside that range the request fails its validation
/// (ValidationException) before the retention rules of [`Engine::increase_stream_retention_period`]
/// run, so their "Maximum allowed" message never reaches a client.
pub const RETENTION_FIELD_MIN_HOURS: i64 = 1;

/// Increase/DecreaseStreamRetentionPeriod request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RetentionInput {
    /// Stream name.
    pub stream_name: String,
    /// New retention, hours.
    pub retention_period_hours: i64,
}

impl Engine {
    /// IncreaseStreamRetentionPeriod.
    pub fn increase_stream_retention_period(&mut self, input: RetentionInput) -> Result<(), ApiError> {
        self.change_retention(input, true)
    }

    /// DecreaseStreamRetentionPeriod.
    pub fn decrease_stream_retention_period(&mut self, input: RetentionInput) -> Result<(), ApiError> {
        self.change_retention(input, false)
    }

    fn change_retention(&mut self, input: RetentionInput, increase: bool) -> Result<(), ApiError> {
        let stream = self.existing_stream(&input.stream_name)?;
        let hours = input.retention_period_hours;
        if hours < i64::from(MIN_RETENTION_HOURS) {
            return Err(invalid_argument(format!(
                "Minimum allowed retention period is {MIN_RETENTION_HOURS} hours. Requested retention period ({hours} hours) is too short."
            )));
        }
        if hours > i64::from(MAX_RETENTION_HOURS) {
            // AWS wording for this case is not captured in our sources; this mirrors the minimum's.
            return Err(invalid_argument(format!(
                "Maximum allowed retention period is {MAX_RETENTION_HOURS} hours. Requested retention period ({hours} hours) is too long."
            )));
        }
        let current = i64::from(stream.retention_hours);
        if increase && hours < current {
            return Err(invalid_argument(format!(
                "Requested retention period ({hours} hours) for stream {} can not be shorter than existing retention period ({current} hours). Use DecreaseRetentionPeriod API.",
                input.stream_name
            )));
        }
        if !increase && hours > current {
            return Err(invalid_argument(format!(
                "Requested retention period ({hours} hours) for stream {} can not be longer than existing retention period ({current} hours). Use IncreaseRetentionPeriod API.",
                input.stream_name
            )));
        }
        if matches!(stream.status, StreamStatus::Creating | StreamStatus::Deleting) {
            return Err(self.identity.stream_not_active(&input.stream_name, stream.status.as_str()));
        }
        let key = stream.key;
        let hours = u32::try_from(hours).unwrap_or(MAX_RETENTION_HOURS);
        if let Some(s) = self.streams.get_mut(&input.stream_name) {
            s.retention_hours = hours;
        }
        self.emit(Event::RetentionChanged { at: self.now, stream: key, hours });
        // A decrease takes effect immediately: trim now rather than at the next step.
        self.step_until(self.now);
        Ok(())
    }
}
