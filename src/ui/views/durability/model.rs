//! The durability view's pure model: the geometry of the two drawings (record strips with locks,
//! Availability Zone columns with fill bars) and the KeyId form check, tested natively.
//!
//! ```text
//!  strip:  shardId-…0 │ ▢ ▢ ▢ ▢ ┃🔒 🔒 🔒 …      (STRIP_RECORDS slots, newest right; ┃ = a switch)
//!  zones:             │ us-east-1a  us-east-1b  us-east-1c
//!          shardId-…0 │ ████████    ███░░░░░    ████████      (fill = held / acknowledged)
//! ```

/// Records drawn per shard in the strip (the newest ones).
pub const STRIP_RECORDS: usize = 16;
/// Logical width of both drawings.
pub const VIEW_W: f64 = 640.0;
/// Width of the shard label column.
pub const LABEL_W: f64 = 150.0;
/// Height of one shard row.
pub const ROW_H: f64 = 40.0;
/// Height of the zones drawing's header (zone names and states).
pub const HEADER_H: f64 = 44.0;
/// Width of one zone column.
pub const ZONE_W: f64 = 150.0;
/// Gap between zone columns.
pub const ZONE_GAP: f64 = 13.0;
/// Side of one record's square in the strip.
pub const MARK: f64 = 20.0;

/// Logical width of the narrow (phone) zones drawing: one block per shard, a row per zone.
pub const NARROW_W: f64 = 340.0;
/// Width of the zone-name column of the narrow drawing.
pub const NARROW_LABEL_W: f64 = 100.0;
/// Height of one zone row of the narrow drawing.
pub const NARROW_ROW_H: f64 = 28.0;
/// Height of a shard's title line in the narrow drawing.
pub const NARROW_TITLE_H: f64 = 24.0;

/// Width of a bar in the narrow drawing.
pub fn narrow_bar_w() -> f64 {
    NARROW_W - NARROW_LABEL_W - 4.0
}

/// Height of one shard's block in the narrow drawing.
pub fn narrow_block_h() -> f64 {
    NARROW_TITLE_H + 3.0 * NARROW_ROW_H + 8.0
}

/// Height of the narrow drawing with `rows` shards.
pub fn narrow_height(rows: usize) -> f64 {
    rows.max(1) as f64 * narrow_block_h()
}

/// Left edge of zone column `zone`.
pub fn zone_x(zone: usize) -> f64 {
    LABEL_W + zone as f64 * (ZONE_W + ZONE_GAP)
}

/// Width of the fill bar of a zone holding `held` of `written` records, in a bar `full` wide.
pub fn fill_width(held: u64, written: u64, full: f64) -> f64 {
    if written == 0 {
        return full;
    }
    full * (held.min(written) as f64 / written as f64)
}

/// Height of the zones drawing with `rows` shards.
pub fn zones_height(rows: usize) -> f64 {
    HEADER_H + rows.max(1) as f64 * ROW_H
}

/// Height of the strip drawing with `rows` shards.
pub fn strip_height(rows: usize) -> f64 {
    rows.max(1) as f64 * ROW_H
}

/// Left edge of slot `i` of the strip (0 = oldest drawn).
pub fn slot_x(i: usize) -> f64 {
    LABEL_W + i as f64 * ((VIEW_W - LABEL_W) / STRIP_RECORDS as f64)
}

/// Slots where the encryption changes from the record before (a switch instant).
pub fn switches(kms: &[bool]) -> Vec<usize> {
    (1..kms.len()).filter(|&i| kms[i] != kms[i - 1]).collect()
}

/// Which of AWS's documented KeyId forms a text is
/// (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html>).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyForm {
    /// `alias/MyAliasName` (and AWS's `alias/aws/kinesis`).
    AliasName,
    /// `arn:aws:kms:us-east-1:123456789012:alias/MyAliasName`.
    AliasArn,
    /// `arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012`.
    KeyArn,
    /// `12345678-1234-1234-1234-123456789012` (or a multi-Region `mrk-…` id).
    KeyId,
    /// None of those.
    Unknown,
}

/// What the KeyId field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCheck {
    /// Empty: AWS requires 1 to 2048 characters.
    Empty,
    /// More than 2048 characters.
    TooLong,
    /// A length AWS accepts, in this form.
    Fits(KeyForm),
}

/// Checks a KeyId as AWS's constraints say (length 1–2048) and names its form.
pub fn check_key(text: &str) -> KeyCheck {
    let text = text.trim();
    match text.chars().count() {
        0 => KeyCheck::Empty,
        n if n > 2048 => KeyCheck::TooLong,
        _ => KeyCheck::Fits(key_form(text)),
    }
}

fn is_key_id(s: &str) -> bool {
    let hex = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit());
    if let Some(rest) = s.strip_prefix("mrk-") {
        return hex(rest, 32);
    }
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5 && [8, 4, 4, 4, 12].iter().zip(&parts).all(|(n, p)| hex(p, *n))
}

fn is_alias(s: &str) -> bool {
    s.strip_prefix("alias/")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || "/_-".contains(c)))
}

/// The form of a (trimmed) KeyId.
pub fn key_form(s: &str) -> KeyForm {
    if is_alias(s) {
        return KeyForm::AliasName;
    }
    if is_key_id(s) {
        return KeyForm::KeyId;
    }
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    if let [arn, partition, "kms", region, account, resource] = parts[..] {
        let account_ok = account.len() == 12 && account.chars().all(|c| c.is_ascii_digit());
        if arn == "arn" && partition.starts_with("aws") && !region.is_empty() && account_ok {
            if is_alias(resource) {
                return KeyForm::AliasArn;
            }
            if resource.strip_prefix("key/").is_some_and(is_key_id) {
                return KeyForm::KeyArn;
            }
        }
    }
    KeyForm::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_columns_fit_the_drawing() {
        assert!(zone_x(2) + ZONE_W <= VIEW_W);
        assert_eq!(fill_width(50, 100, ZONE_W), ZONE_W / 2.0);
        assert_eq!(fill_width(0, 0, ZONE_W), ZONE_W, "no records: nothing is missing");
        assert_eq!(fill_width(7, 5, ZONE_W), ZONE_W);
        assert!(NARROW_LABEL_W + narrow_bar_w() <= NARROW_W);
        assert_eq!(narrow_height(2), 2.0 * (NARROW_TITLE_H + 3.0 * NARROW_ROW_H + 8.0));
        assert!(slot_x(STRIP_RECORDS - 1) + MARK <= VIEW_W);
        assert_eq!(zones_height(0), HEADER_H + ROW_H);
    }

    #[test]
    fn switches_are_where_the_encryption_changes() {
        assert_eq!(switches(&[false, false, true, true, false]), vec![2, 4]);
        assert_eq!(switches(&[]), Vec::<usize>::new());
    }

    #[test]
    fn key_forms_are_aws_s_four() {
        assert_eq!(check_key("alias/aws/kinesis"), KeyCheck::Fits(KeyForm::AliasName));
        assert_eq!(check_key("  alias/MyAliasName "), KeyCheck::Fits(KeyForm::AliasName));
        assert_eq!(check_key("12345678-1234-1234-1234-123456789012"), KeyCheck::Fits(KeyForm::KeyId));
        assert_eq!(check_key("mrk-1234abcd12ab34cd56ef1234567890ab"), KeyCheck::Fits(KeyForm::KeyId));
        assert_eq!(
            check_key("arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012"),
            KeyCheck::Fits(KeyForm::KeyArn)
        );
        assert_eq!(
            check_key("arn:aws:kms:us-east-1:123456789012:alias/MyAliasName"),
            KeyCheck::Fits(KeyForm::AliasArn)
        );
        assert_eq!(check_key("my key"), KeyCheck::Fits(KeyForm::Unknown));
        assert_eq!(check_key("alias/"), KeyCheck::Fits(KeyForm::Unknown));
        assert_eq!(check_key(""), KeyCheck::Empty);
        assert_eq!(check_key(&"k".repeat(2049)), KeyCheck::TooLong);
        assert_eq!(check_key(&"k".repeat(2048)), KeyCheck::Fits(KeyForm::Unknown));
    }
}
