//! A JSON document as a tree borrowing its text: what the exchange reader walks.
//!
//! `serde_json::Value` owns every key and string and keeps each object in a `BTreeMap`: reading
//! a stored portfolio of 1,000 files spent most of its time allocating and freeing those. Here
//! strings without escapes borrow the input, objects are lists of pairs (the reader looks a few
//! known keys up in each), and numbers stay `serde_json::Number`, so a value reads exactly as
//! through `Value` (same parser, same errors, same recursion limit, the last of duplicate keys).

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// One step of a place in a JSON document, as the readers name the place of an error:
/// `criteria[3].scale.bands[1].bound` (the exchange format, storage, the policy).
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Step<'_> {
    /// Appends the step to a place written so far (a key after a dot unless it comes first).
    pub fn push_to(self, out: &mut String) {
        match self {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

impl<'a> Json<'a> {
    /// Parses `text` with serde_json (its errors, line and column, recursion limit).
    pub fn parse(text: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The value of `key` in an object (the last one, as `Value` keeps), `None` otherwise.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(pairs) => pairs
                .iter()
                .rev()
                .find(|(k, _)| k.as_ref() == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number of 0 or more that fits a u64 (as `Value::as_u64`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The same value as a `serde_json::Value` (for the parts read through serde derive).
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.to_string()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(pairs) => {
                let mut m = Map::new();
                for (k, v) in pairs {
                    m.insert(k.to_string(), v.to_value());
                }
                Value::Object(m)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }

    // As `Value`: a float that is not finite becomes null. This is the JSON parser's own number,
    // not an amount: the readers take amounts from its shortest text (`parse_decimal`), never
    // compute with the float.
    fn visit_f64<E>(self, n: f64) -> Result<Json<'de>, E> {
        Ok(Number::from_f64(n).map_or(Json::Null, Json::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            pairs.push((key.0, map.next_value()?));
        }
        Ok(Json::Object(pairs))
    }
}

/// An object key, borrowed when it has no escape.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree reads every text as `serde_json::Value` does: same values, same refusals.
    #[test]
    fn reads_as_value_does() {
        let texts = [
            r#"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
            // Duplicate keys: the last one counts.
            r#"{"a": 1, "a": 2}"#,
            // Escapes (owned strings), in keys and values.
            r#"{"k\u00e9y": "line\nbreak \"quoted\" \ud83d\ude00"}"#,
            "[1, -1, 1.5, 1e21, 18446744073709551615, 18446744073709551616, -9223372036854775809, 2.5e-7]",
            r#""plain""#,
            "null",
            "[[[[[]]]]]",
        ];
        for text in texts {
            let tree = Json::parse(text)
                .map(|t| t.to_value())
                .map_err(|e| e.to_string());
            let value = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
            assert_eq!(tree, value, "{text}");
        }
        let bad = ["{", "[1,]", "1e400", r#"{"a" 1}"#, "\"\\x\""];
        for text in bad {
            let tree = Json::parse(text)
                .map(|t| t.to_value())
                .map_err(|e| e.to_string());
            let value = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
            assert!(tree.is_err(), "{text}");
            assert_eq!(tree, value, "{text}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(
            Json::parse(&deep).map_err(|e| e.to_string()),
            serde_json::from_str::<Value>(&deep)
                .map(|_| Json::Null)
                .map_err(|e| e.to_string())
        );
    }

    #[test]
    fn looks_keys_up_and_borrows_plain_strings() {
        let text = r#"{"id": "abc", "id": "last", "n": 7, "esc": "a\tb"}"#;
        let tree = Json::parse(text).unwrap_or(Json::Null);
        assert_eq!(tree.get("id").and_then(Json::as_str), Some("last"));
        assert_eq!(tree.get("n").and_then(Json::as_u64), Some(7));
        assert_eq!(tree.get("missing"), None);
        assert!(matches!(tree.get("esc"), Some(Json::String(Cow::Owned(s))) if s == "a\tb"));
        assert!(matches!(
            tree.get("id"),
            Some(Json::String(Cow::Borrowed(_)))
        ));
    }
}
