//! From the parsed options to the call parameters (`ServiceOperation._build_call_parameters`).
//!
//! For each option of the table, in order, the CLI:
//!
//! 1. loads a `file://`/`fileb://` value (`paramfile.py`; v1 also fetches `http(s)://`): the
//!    console has no files and no network, so such a value is the CLI's error for a missing
//!    file (or an unreachable URL);
//! 2. reads the value by the member's shape (`argprocess.py`): a structure, map or list of
//!    structures as shorthand unless it looks like JSON (`{…}`, `[…]`), then parsed with
//!    Python's `json`; a list of strings from its words; an integer with Python's `int` (an
//!    uncaught `ValueError` when it is not one); strings, blobs and timestamps as typed;
//!    booleans from `--x`/`--no-x`;
//! 3. puts it under the API name (`StreamName`); the paging options go to a
//!    `PaginationConfig` parameter (`--max-items` 0 or less prints a warning), which the
//!    paginator takes out again (a waiter passes it on, and botocore refuses it).
//!
//! Then `--cli-input-json` adds the members the line did not give
//! (`customizations/cliinputjson.py`).

use super::argparse::{Namespace, Value as ArgValue};
use super::errors::Failure;
use super::model::{self, Kind, ShapeId};
use super::pyjson::loads;
use super::pyval::{py_float, py_int, py_strip, Py, PyDict};
use super::shorthand::{self, missing_paramfile, ShorthandError};
use super::table::{Arg, ArgKind};
use crate::console::CliVersion;
use crate::i18n::console::Msg;

/// The call parameters and what else the options asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Built {
    /// The API parameters, in the order the CLI puts them.
    pub params: PyDict,
    /// The `--cli-input-json` text, merged later.
    pub cli_input_json: Option<String>,
    /// `--generate-cli-skeleton`'s value.
    pub skeleton: Option<String>,
    /// What the CLI wrote on standard error on the way (`warning: Non-positive values…`).
    pub warnings: String,
    /// Notes for the student.
    pub notes: Vec<Msg>,
}

fn param_error(cli_name: &str, msg: &str) -> Failure {
    Failure::Param(format!("Error parsing parameter '{cli_name}': {msg}"))
}

/// `URIArgumentHandler`: the value of an option that names a file or (v1) a URL.
fn load_paramfile(option: &str, value: &ArgValue, version: CliVersion, notes: &mut Vec<Msg>) -> Result<(), Failure> {
    let text = match value {
        ArgValue::Str(s) => s.as_str(),
        ArgValue::List(l) if l.len() == 1 => l[0].as_str(),
        _ => return Ok(()),
    };
    if let Some(msg) = missing_paramfile(text) {
        notes.push(Msg::NoFiles { value: text.to_string() });
        return Err(param_error(option, &msg));
    }
    let is_url = text.starts_with("http://") || text.starts_with("https://");
    if version == CliVersion::V1 && is_url {
        notes.push(Msg::NoUrlFetch { url: text.to_string() });
        let msg = format!("Unable to retrieve {text}: Could not connect to the endpoint URL: \"{text}\"");
        return Err(param_error(option, &msg));
    }
    Ok(())
}

fn is_complex(shape: ShapeId) -> bool {
    match model::shape(shape).kind {
        Kind::Structure { .. } | Kind::Map { .. } => true,
        Kind::List { member } => {
            matches!(model::shape(member).kind, Kind::Structure { .. } | Kind::Map { .. } | Kind::List { .. })
        }
        _ => false,
    }
}

fn json_value(option: &str, text: &str) -> Result<Py, Failure> {
    loads(text, true).map_err(|e| {
        if e.recursion {
            return Failure::General(e.text);
        }
        param_error(option, &format!("Invalid JSON: {}\nJSON received: {text}", e.text))
    })
}

fn shorthand_value(option: &str, text: &str, version: CliVersion) -> Result<Py, Failure> {
    shorthand::parse(text, version).map_err(|e| match e {
        ShorthandError::Parse(m) => param_error(option, &m),
        ShorthandError::Uncaught(m) => Failure::General(m),
    })
}

/// `unpack_scalar_cli_arg`.
fn scalar(shape: ShapeId, text: &str) -> Result<Py, Failure> {
    match model::shape(shape).kind {
        Kind::Integer | Kind::Long => py_int(text).map(Py::Int).map_err(Failure::General),
        Kind::Double | Kind::Float => py_float(text).map(Py::Float).map_err(Failure::General),
        _ => Ok(Py::Str(text.to_string())),
    }
}

/// `_unpack_complex_cli_arg` for one word of a structure or map.
fn complex_word(option: &str, shape: ShapeId, text: &str) -> Result<Py, Failure> {
    match model::shape(shape).kind {
        Kind::Structure { .. } | Kind::Map { .. } => {
            let trimmed = text.trim_start_matches(super::pyval::is_py_space);
            match trimmed.chars().next() {
                Some('{') => json_value(option, text),
                Some(_) => Err(param_error(option, &format!("Invalid JSON:\n{text}"))),
                None => Err(Failure::General("string index out of range".into())),
            }
        }
        Kind::List { .. } => {
            let trimmed = text.trim_start_matches(super::pyval::is_py_space);
            if trimmed.starts_with('[') {
                json_value(option, text)
            } else {
                Err(param_error(option, text))
            }
        }
        _ => scalar(shape, text),
    }
}

/// The value of a member option, as the CLI reads it.
fn member_value(option: &str, shape: ShapeId, value: &ArgValue, version: CliVersion) -> Result<Option<Py>, Failure> {
    let looks_json = |s: &str| {
        let t = py_strip(s);
        t.starts_with('[') || t.starts_with('{')
    };
    match value {
        ArgValue::Bool(b) => Ok(Some(Py::Bool(*b))),
        ArgValue::Int(n) => Ok(Some(Py::Int(n.clone()))),
        ArgValue::Str(text) => {
            if is_complex(shape) && !looks_json(text) {
                let mut parsed = shorthand_value(option, text, version)?;
                shorthand::visit(&mut parsed, shape).map_err(|e| match e {
                    ShorthandError::Parse(m) => param_error(option, &m),
                    ShorthandError::Uncaught(m) => Failure::General(m),
                })?;
                return Ok(Some(parsed));
            }
            match model::shape(shape).kind {
                Kind::Structure { .. } | Kind::Map { .. } | Kind::List { .. } => {
                    complex_word(option, shape, text).map(Some)
                }
                _ => scalar(shape, text).map(Some),
            }
        }
        ArgValue::List(words) => {
            let Kind::List { member } = model::shape(shape).kind else {
                return Ok(None);
            };
            let first_json = words.first().is_some_and(|w| looks_json(w));
            if is_complex(shape) && !first_json {
                let mut items = Vec::with_capacity(words.len());
                for w in words {
                    items.push(shorthand_value(option, w, version)?);
                }
                let mut parsed = Py::List(items);
                shorthand::visit(&mut parsed, shape).map_err(|e| match e {
                    ShorthandError::Parse(m) => param_error(option, &m),
                    ShorthandError::Uncaught(m) => Failure::General(m),
                })?;
                return Ok(Some(parsed));
            }
            if let [single] = words.as_slice() {
                if py_strip(single).starts_with('[') {
                    return json_value(option, single).map(Some);
                }
            }
            let member_is_complex =
                matches!(model::shape(member).kind, Kind::Structure { .. } | Kind::Map { .. } | Kind::List { .. });
            let mut items = Vec::with_capacity(words.len());
            for w in words {
                let item = if member_is_complex {
                    complex_word(option, member, w)?
                } else {
                    // A scalar that does not convert: the CLI names the option and the first word.
                    scalar(member, w).map_err(|_| param_error(option, words.first().map_or("", String::as_str)))?
                };
                items.push(item);
            }
            Ok(Some(Py::List(items)))
        }
    }
}

/// Builds the call parameters from the parsed options `ns` of the table `args`.
pub fn build(args: &[Arg], ns: &Namespace, version: CliVersion) -> Result<Built, Failure> {
    let mut built = Built::default();
    for arg in args {
        if matches!(arg.kind, ArgKind::NegatedMember { .. }) {
            continue;
        }
        let Some(value) = ns.get(&arg.dest()) else {
            continue;
        };
        let option = arg.option();
        load_paramfile(&option, value, version, &mut built.notes)?;
        match arg.kind {
            ArgKind::Member { member, shape } => {
                if let Some(v) = member_value(&option, shape, value, version)? {
                    built.params.insert(member, v);
                }
            }
            ArgKind::NegatedMember { .. } => {}
            ArgKind::CliInputJson => {
                if let ArgValue::Str(s) = value {
                    built.cli_input_json = Some(s.clone());
                }
            }
            ArgKind::CliInputYaml => {
                return Err(Failure::Console(Msg::NoYaml));
            }
            ArgKind::Skeleton => {
                if let ArgValue::Str(s) = value {
                    built.skeleton = Some(s.clone());
                }
            }
            ArgKind::StartingToken | ArgKind::PageSize | ArgKind::MaxItems => {
                let (key, v) = match (arg.kind, value) {
                    (ArgKind::StartingToken, ArgValue::Str(s)) => ("StartingToken", Py::Str(s.clone())),
                    (ArgKind::PageSize, ArgValue::Int(n)) => ("PageSize", Py::Int(n.clone())),
                    (ArgKind::MaxItems, ArgValue::Int(n)) => {
                        if n.saturating() <= 0 {
                            built.warnings.push_str(
                                "warning: Non-positive values for --max-items may result in undefined behavior.\n",
                            );
                        }
                        ("MaxItems", Py::Int(n.clone()))
                    }
                    _ => continue,
                };
                if !matches!(built.params.get("PaginationConfig"), Some(Py::Dict(_))) {
                    built.params.insert("PaginationConfig", Py::Dict(PyDict::new()));
                }
                if let Some(Py::Dict(config)) = built.params.get_mut("PaginationConfig") {
                    config.insert(key, v);
                }
            }
        }
    }
    Ok(built)
}

/// `--cli-input-json`: its members go under those the line gave.
pub fn merge_cli_input_json(built: &mut Built, version: CliVersion) -> Result<(), Failure> {
    let Some(text) = built.cli_input_json.clone() else {
        return Ok(());
    };
    let data = match (loads(&text, false), version) {
        (Ok(v), _) => v,
        (Err(e), _) if e.recursion => return Err(Failure::General(e.text)),
        (Err(e), CliVersion::V1) => {
            return Err(Failure::Param(format!(
                "Error parsing parameter 'cli-input-json': Invalid JSON: {}\nJSON received: {text}",
                e.text
            )))
        }
        (Err(_), CliVersion::V2) => {
            return Err(Failure::Param("Error parsing parameter 'cli-input-json': Invalid JSON received.".into()))
        }
    };
    let Py::Dict(d) = data else {
        return Err(match version {
            CliVersion::V1 => Failure::General(format!("'{}' object has no attribute 'keys'", data.type_name())),
            CliVersion::V2 => Failure::Param(format!(
                "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received {}",
                data.py_type()
            )),
        });
    };
    for (k, v) in d.items {
        if !built.params.contains(&k) {
            built.params.insert(&k, v);
        }
    }
    Ok(())
}
