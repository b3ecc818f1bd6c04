//! AddTagsToStream, ListTagsForStream and RemoveTagsFromStream.
//!
//! AWS facts reproduced (KINESIS.md B10, B11; kinesalite's AWS-validated tests): at most 10 tags
//! per AddTags call and 50 per stream (the message says "10", an AWS quirk kept verbatim); keys
//! 1..=128 and values 0..=256 characters; characters outside Unicode letters, digits, white space
//! and `_ . / = + - % @` are refused, and `%` is refused with a second message.
//!
//! TagResource, UntagResource and ListTagsForResource (API reference
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_TagResource.html>,
//! `API_UntagResource.html`, `API_ListTagsForResource.html`; botocore's current model) tag a
//! stream or an enhanced fan-out consumer by its `ResourceARN`
//! (`arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+`): up to 50 tags per resource, `TagKeys` 1..=50
//! keys, and ListTagsForResource answers `{"Tags": [{"Key", "Value"}, …]}` in key order with no
//! paging. A stream's tags are the same set AddTagsToStream and ListTagsForStream see. An unknown
//! stream is the usual ResourceNotFoundException; an unknown consumer ARN is the consumer
//! operations' (our wording). Exceeding 50 tags reuses AddTagsToStream's AWS-validated message,
//! worded for the resource (AWS publishes no text for TagResource).

use crate::engine::error::{invalid_argument, ApiError};
use crate::engine::state::consumer::ConsumerKey;
use crate::engine::wire::validation::{parse_consumer_arn, parse_stream_arn};
use crate::engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Tags per stream.
pub const MAX_TAGS_PER_STREAM: usize = 50;

/// AddTagsToStream request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AddTagsInput {
    /// Stream name.
    pub stream_name: String,
    /// Tags to set.
    pub tags: BTreeMap<String, String>,
}

/// RemoveTagsFromStream request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RemoveTagsInput {
    /// Stream name.
    pub stream_name: String,
    /// Keys to remove.
    pub tag_keys: Vec<String>,
}

/// ListTagsForStream request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsInput {
    /// Stream name.
    pub stream_name: String,
    /// List keys after this one.
    #[serde(default)]
    pub exclusive_start_tag_key: Option<String>,
    /// Page size (1..=10; default 100 as kinesalite, which AWS's 1..=10 bound then caps).
    #[serde(default)]
    pub limit: Option<i64>,
}

/// TagResource request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TagResourceInput {
    /// A stream or consumer ARN.
    #[serde(rename = "ResourceARN")]
    pub resource_arn: String,
    /// Tags to set.
    pub tags: BTreeMap<String, String>,
}

/// UntagResource request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UntagResourceInput {
    /// A stream or consumer ARN.
    #[serde(rename = "ResourceARN")]
    pub resource_arn: String,
    /// Keys to remove.
    pub tag_keys: Vec<String>,
}

/// ListTagsForResource request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsForResourceInput {
    /// A stream or consumer ARN.
    #[serde(rename = "ResourceARN")]
    pub resource_arn: String,
}

/// ListTagsForResource response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsForResourceOutput {
    /// Every tag, in key order.
    pub tags: Vec<Tag>,
}

/// What a `ResourceARN` names.
enum Resource {
    /// A stream, by name.
    Stream(String),
    /// A consumer, by registration.
    Consumer(ConsumerKey),
}

/// A tag on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

/// ListTagsForStream response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsOutput {
    /// Tags in key order.
    pub tags: Vec<Tag>,
    /// More pages follow.
    pub has_more_tags: bool,
}

/// Kinesalite's (AWS-validated) tag character class: word characters, `. / - = + _ space @ %`,
/// and the Unicode ranges U+00C0–U+1FFF and U+2C00–U+D7FF.
fn tag_char_ok(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '.' | '/' | '-' | '=' | '+' | ' ' | '@' | '%')
        || ('\u{00C0}'..='\u{1FFF}').contains(&c)
        || ('\u{2C00}'..='\u{D7FF}').contains(&c)
}

fn check_tag_chars<'a>(
    engine: &Engine,
    stream: &str,
    texts: impl Iterator<Item = &'a String> + Clone,
    verb: &str,
) -> Result<(), ApiError> {
    if texts.clone().any(|t| !t.chars().all(tag_char_ok)) {
        return Err(invalid_argument(
            "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.",
        ));
    }
    if texts.clone().any(|t| t.contains('%')) {
        return Err(invalid_argument(format!(
            "Failed to {verb} stream {stream} under account {} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
            engine.identity.account_id
        )));
    }
    Ok(())
}

impl Engine {
    /// AddTagsToStream.
    pub fn add_tags_to_stream(&mut self, input: AddTagsInput) -> Result<(), ApiError> {
        let stream = self.existing_stream(&input.stream_name)?;
        check_tag_chars(self, &input.stream_name, input.tags.keys().chain(input.tags.values()), "add tags to")?;
        let total = stream.tags.keys().chain(input.tags.keys()).collect::<std::collections::BTreeSet<_>>().len();
        if total > MAX_TAGS_PER_STREAM {
            return Err(invalid_argument(format!(
                "Failed to add tags to stream {} under account {} because a given stream cannot have more than 10 tags associated with it.",
                input.stream_name, self.identity.account_id
            )));
        }
        if let Some(s) = self.streams.get_mut(&input.stream_name) {
            s.tags.extend(input.tags);
        }
        Ok(())
    }

    /// RemoveTagsFromStream.
    pub fn remove_tags_from_stream(&mut self, input: RemoveTagsInput) -> Result<(), ApiError> {
        self.existing_stream(&input.stream_name)?;
        check_tag_chars(self, &input.stream_name, input.tag_keys.iter(), "remove tags from")?;
        if let Some(s) = self.streams.get_mut(&input.stream_name) {
            for k in &input.tag_keys {
                s.tags.remove(k);
            }
        }
        Ok(())
    }

    /// ListTagsForStream.
    pub fn list_tags_for_stream(&self, input: ListTagsInput) -> Result<ListTagsOutput, ApiError> {
        let s = self.existing_stream(&input.stream_name)?;
        let limit = usize::try_from(input.limit.unwrap_or(100).max(1)).unwrap_or(100);
        let keys: Vec<(&String, &String)> = s
            .tags
            .iter()
            .filter(|(k, _)| input.exclusive_start_tag_key.as_ref().is_none_or(|after| *k > after))
            .collect();
        Ok(ListTagsOutput {
            has_more_tags: keys.len() > limit,
            tags: keys.into_iter().take(limit).map(|(k, v)| Tag { key: k.clone(), value: v.clone() }).collect(),
        })
    }

    /// The stream or consumer a `ResourceARN` names, or AWS's "not found".
    fn resource(&self, arn: &str) -> Result<Resource, ApiError> {
        if parse_consumer_arn(arn).is_some() {
            return self
                .consumers()
                .find(|c| c.arn == arn)
                .map(|c| Resource::Consumer(c.key))
                .ok_or_else(|| self.identity.consumer_arn_not_found(arn));
        }
        let Some((region, account, name)) = parse_stream_arn(arn) else {
            return Err(invalid_argument(format!("Invalid ResourceARN {arn}.")));
        };
        let stream = self.existing_stream(name)?;
        if region != self.identity.region || account != self.identity.account_id || stream.arn != arn {
            return Err(self.identity.stream_not_found(name));
        }
        Ok(Resource::Stream(stream.name.clone()))
    }

    fn resource_tags_mut(&mut self, resource: &Resource) -> Option<&mut BTreeMap<String, String>> {
        match resource {
            Resource::Stream(name) => self.streams.get_mut(name).map(|s| &mut s.tags),
            Resource::Consumer(key) => self.consumers.by_key.get_mut(key).map(|c| &mut c.tags),
        }
    }

    /// TagResource: adds or replaces tags on a stream or consumer.
    pub fn tag_resource(&mut self, input: TagResourceInput) -> Result<(), ApiError> {
        let resource = self.resource(&input.resource_arn)?;
        check_tag_chars(self, &input.resource_arn, input.tags.keys().chain(input.tags.values()), "add tags to")?;
        let account = self.identity.account_id.clone();
        let Some(tags) = self.resource_tags_mut(&resource) else {
            return Err(self.identity.stream_not_found(&input.resource_arn));
        };
        let total = tags.keys().chain(input.tags.keys()).collect::<std::collections::BTreeSet<_>>().len();
        if total > MAX_TAGS_PER_STREAM {
            return Err(invalid_argument(format!(
                "Failed to add tags to resource {} under account {account} because a given resource cannot have more than {MAX_TAGS_PER_STREAM} tags associated with it.",
                input.resource_arn
            )));
        }
        tags.extend(input.tags);
        Ok(())
    }

    /// UntagResource: removes tags from a stream or consumer (absent keys are ignored).
    pub fn untag_resource(&mut self, input: UntagResourceInput) -> Result<(), ApiError> {
        let resource = self.resource(&input.resource_arn)?;
        check_tag_chars(self, &input.resource_arn, input.tag_keys.iter(), "remove tags from")?;
        if let Some(tags) = self.resource_tags_mut(&resource) {
            for k in &input.tag_keys {
                tags.remove(k);
            }
        }
        Ok(())
    }

    /// ListTagsForResource: every tag of a stream or consumer, in key order.
    pub fn list_tags_for_resource(
        &self,
        input: ListTagsForResourceInput,
    ) -> Result<ListTagsForResourceOutput, ApiError> {
        let tags = match self.resource(&input.resource_arn)? {
            Resource::Stream(name) => self.existing_stream(&name)?.tags.clone(),
            Resource::Consumer(key) => self.consumers.get(key).map(|c| c.tags.clone()).unwrap_or_default(),
        };
        Ok(ListTagsForResourceOutput { tags: tags.into_iter().map(|(key, value)| Tag { key, value }).collect() })
    }
}
