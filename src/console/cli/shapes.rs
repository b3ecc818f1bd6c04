//! The types of the service model the CLI is built from: botocore's `Shape`, `OperationModel`,
//! paginator and waiter configurations, as plain data for the generated tables of
//! [`service_model`](super::service_model).

/// Index of a shape in the generated `SHAPES` table.
pub type ShapeId = usize;

/// A shape's type (botocore's `type_name`), with its parts for the container types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `string`.
    String,
    /// `integer` (Python `int`).
    Integer,
    /// `long` (Python `int`).
    Long,
    /// `boolean`.
    Boolean,
    /// `blob`: bytes, base64 in the JSON body.
    Blob,
    /// `timestamp`: epoch seconds in the JSON body.
    Timestamp,
    /// `double`.
    Double,
    /// `float`.
    Float,
    /// `structure`: named members, some required.
    Structure {
        /// The members, in the model's order (the CLI's option order).
        members: &'static [Member],
        /// The names of the required members.
        required: &'static [&'static str],
    },
    /// `list` of one member shape.
    List {
        /// The shape of every element.
        member: ShapeId,
    },
    /// `map` from a key shape to a value shape.
    Map {
        /// The shape of the keys (a string).
        key: ShapeId,
        /// The shape of the values.
        value: ShapeId,
    },
}

/// A member of a structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// The API name (`StreamName`).
    pub name: &'static str,
    /// The CLI option name without dashes (`stream-name`): botocore's `xform_name(name, '-')`.
    pub cli: &'static str,
    /// Its shape.
    pub shape: ShapeId,
}

/// A shape of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The model's name of the shape (`StreamName`, `PutRecordsRequestEntry`).
    pub name: &'static str,
    /// Its type.
    pub kind: Kind,
    /// `min`: the least length (string, list, map) or value (number). botocore checks it.
    pub min: Option<i64>,
    /// `max`: the greatest length or value. Only the service checks it.
    pub max: Option<i64>,
    /// `pattern`: the regular expression a string must match (only the service checks it).
    pub pattern: Option<&'static str>,
    /// `enum`: the values the service accepts (documentation only on the client).
    pub enums: &'static [&'static str],
}

/// An operation of the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The API name (`CreateStream`), as in `X-Amz-Target: Kinesis_20131202.CreateStream`.
    pub name: &'static str,
    /// The CLI command (`create-stream`): botocore's `xform_name(name, '-')`.
    pub command: &'static str,
    /// The input structure.
    pub input: Option<ShapeId>,
    /// The output structure.
    pub output: Option<ShapeId>,
    /// Deprecated operations are hidden from the help.
    pub deprecated: bool,
}

/// A paginator (`paginators-1.json`): how the CLI pages through an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paginator {
    /// The operation it pages.
    pub operation: &'static str,
    /// The request members that carry the position (`NextToken`, `ExclusiveStartShardId`).
    pub input_tokens: &'static [&'static str],
    /// The response paths that give the next position (`StreamDescription.Shards[-1].ShardId`).
    pub output_tokens: &'static [&'static str],
    /// The response path that says whether there are more pages (`HasMoreStreams`).
    pub more_results: Option<&'static str>,
    /// The request member that limits a page (`Limit`, `MaxResults`): `--page-size`.
    pub limit_key: Option<&'static str>,
    /// The response paths whose lists are concatenated across pages; the first is counted by
    /// `--max-items`.
    pub result_keys: &'static [&'static str],
    /// The response paths taken from the first page only.
    pub non_aggregate_keys: &'static [&'static str],
}

/// What a waiter's acceptor concludes when it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcceptorState {
    /// The wait is over, successfully.
    Success,
    /// The wait is over, failed.
    Failure,
    /// Keep waiting.
    Retry,
}

/// How an acceptor looks at an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matcher {
    /// The value at a JMESPath (`StreamDescription.StreamStatus`) equals the expected one.
    Path {
        /// The path into the answer.
        argument: &'static str,
    },
    /// The answer is the error whose code is the expected one.
    Error,
}

/// One acceptor of a waiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acceptor {
    /// What a match means.
    pub state: AcceptorState,
    /// How to match.
    pub matcher: Matcher,
    /// The expected value (`ACTIVE`) or error code (`ResourceNotFoundException`).
    pub expected: &'static str,
}

/// A waiter (`waiters-2.json`): `aws kinesis wait <command>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiter {
    /// The model name (`StreamExists`), as in `Waiter StreamExists failed: …`.
    pub name: &'static str,
    /// The CLI subcommand (`stream-exists`).
    pub command: &'static str,
    /// The operation it polls.
    pub operation: &'static str,
    /// Seconds between two polls.
    pub delay_s: u64,
    /// Polls at most.
    pub max_attempts: u32,
    /// The acceptors, tried in order on every answer.
    pub acceptors: &'static [Acceptor],
}
