//! The global options (`aws --output text …`) as parsed, and the checks and texts that go
//! with them: `--endpoint-url` (`_resolve_endpoint_url`, then botocore's
//! `is_valid_endpoint_url`), `--region` (`validate_region_name`), and v1's `--v2-debug`
//! migration warnings (`customizations/globalargs.py`, `clidriver.py`,
//! `customizations/scalarparse.py`).

use super::argparse::{Namespace, Value as ArgValue};

/// The global options as parsed.
pub struct Globals {
    /// The main parser's values, by dest.
    pub ns: Namespace,
}

impl Globals {
    /// The value of a global option that takes one (`output`).
    pub fn str(&self, dest: &str) -> Option<&str> {
        match self.ns.get(dest) {
            Some(ArgValue::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The value of a global flag (`paginate` is `Some(false)` with `--no-paginate`).
    pub fn flag(&self, dest: &str) -> Option<bool> {
        match self.ns.get(dest) {
            Some(ArgValue::Bool(b)) => Some(*b),
            _ => None,
        }
    }
}

/// Python's `urlparse(url).scheme` is empty (the `--endpoint-url` check).
pub fn has_no_scheme(url: &str) -> bool {
    let Some(i) = url.find(':') else {
        return true;
    };
    let head = &url[..i];
    let valid = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !valid
}

/// botocore's `is_valid_endpoint_url` (or its IPv6 twin): the URL has a host name made of
/// DNS labels, or a bracketed IPv6 address.
pub fn valid_endpoint(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let netloc = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = netloc.rsplit_once('@').map_or(netloc, |(_, h)| h);
    if let Some(v6) = host_port.strip_prefix('[') {
        let inner = v6.split(']').next().unwrap_or("");
        return !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.' | '%'));
    }
    let host = host_port.split(':').next().unwrap_or("");
    let host = host.strip_suffix('.').unwrap_or(host);
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    !host.is_empty() && host.len() <= 255 && host.split('.').all(label_ok)
}

/// botocore's `validate_region_name`.
pub fn valid_region(region: &str) -> bool {
    let b = region.as_bytes();
    let ok_char = |c: &u8| c.is_ascii_alphanumeric() || *c == b'-';
    !b.is_empty()
        && b.len() <= 63
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(ok_char)
}

/// v1's `--v2-debug` warning about v2's pager (`customizations/globalargs.py`).
pub const V2_PAGER_WARNING: &str = "\nAWS CLI v2 UPGRADE WARNING: By default, the AWS CLI v2 returns all output through your operating system’s default pager program. This is different from v1 behavior, where the system pager is not used by default. To retain AWS CLI v1 behavior in AWS CLI v2, set the `cli_pager` configuration setting, or the `AWS_PAGER` environment variable, to the empty string. See https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-output-pager.\n";

/// v1's `--v2-debug` warning about blobs (`clidriver.py`).
pub const V2_BLOB_WARNING: &str = "\nAWS CLI v2 UPGRADE WARNING: When specifying a blob-type parameter, AWS CLI v2 will assume the parameter value is base64-encoded. This is different from v1 behavior, where the AWS CLI will automatically encode the value to base64. To retain v1 behavior in AWS CLI v2, set the `cli_binary_format` configuration variable to `raw-in-base64-out`. See https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-binaryparam.\n";

/// v1's `--v2-debug` warning about timestamps, once per command (`customizations/scalarparse.py`).
pub const V2_TIMESTAMP_WARNING: &str = "\nAWS CLI v2 UPGRADE WARNING: In AWS CLI v2, all timestamp response values are returned in the ISO 8601 format. This is different from v1 behavior, where the timestamps are returned as they appear in the service API response. To retain AWS CLI v1 behavior in AWS CLI v2, set the configuration variable `cli_timestamp_format` to `wire`. See https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-timestamp.\n";

/// How `console::output::query` begins the message of an expression that does not compile.
pub const BAD_QUERY: &str = "Bad value for --query ";
