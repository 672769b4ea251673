//! Values as the browser hands them over (storage, messages) and as they are written back, and
//! their typed readers and writers. Pure, and without serde on the shipped path: the glue turns
//! a JS value into a [`Loose`] and back (`web/js_values.rs`), each type says how it reads and
//! writes itself ([`FromLoose`], [`ToLoose`]). serde-wasm-bindgen, serde's visitors and the float
//! formatting of their error messages made up a third of the worker's wasm (issue 23).
//!
//! The serde derives on the same types stay as the wire format's specification: the host tests
//! check that both read every value alike (`tests/loose_wire.rs`, and the fuzz targets).

use crate::prelude::*;
/// A value of any type: the decoder takes what it finds and the reader decides.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Loose {
    /// `undefined`, or a field that is not there.
    #[default]
    Missing,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Array(Vec<Loose>),
    /// An object's entries, in stored order.
    Object(Vec<(String, Loose)>),
    /// Anything else (functions, objects nested too deep): present but unusable.
    Other,
}

impl Loose {
    /// An object from its entries.
    pub fn object<'k>(entries: impl IntoIterator<Item = (&'k str, Loose)>) -> Loose {
        Loose::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }

    /// An object's field.
    pub fn get(&self, key: &str) -> Option<&Loose> {
        match self {
            Loose::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Loose::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl From<&str> for Loose {
    fn from(s: &str) -> Loose {
        Loose::Text(s.to_string())
    }
}

impl From<String> for Loose {
    fn from(s: String) -> Loose {
        Loose::Text(s)
    }
}

impl From<&String> for Loose {
    fn from(s: &String) -> Loose {
        Loose::Text(s.clone())
    }
}

impl From<&[String]> for Loose {
    fn from(items: &[String]) -> Loose {
        Loose::Array(items.iter().map(Loose::from).collect())
    }
}

impl From<bool> for Loose {
    fn from(b: bool) -> Loose {
        Loose::Bool(b)
    }
}

impl From<f64> for Loose {
    fn from(n: f64) -> Loose {
        Loose::Number(n)
    }
}

impl From<i32> for Loose {
    fn from(n: i32) -> Loose {
        Loose::Number(n.into())
    }
}

impl<T: Into<Loose>> From<Option<T>> for Loose {
    fn from(v: Option<T>) -> Loose {
        v.map_or(Loose::Null, Into::into)
    }
}

impl<T: Into<Loose>> From<Vec<T>> for Loose {
    fn from(items: Vec<T>) -> Loose {
        Loose::Array(items.into_iter().map(Into::into).collect())
    }
}

/// A [`Loose`] value written like JSON (the `chrome.*` calls' parameter objects): keys are
/// literals, values single tokens or parenthesised expressions.
#[macro_export]
macro_rules! loose {
    ({ $($k:literal : $v:tt),* $(,)? }) => {
        $crate::loose::Loose::object([ $( ($k, $crate::loose!($v)) ),* ])
    };
    ([ $($v:tt),* $(,)? ]) => {
        $crate::loose::Loose::Array(vec![ $( $crate::loose!($v) ),* ])
    };
    ($e:expr) => {
        $crate::loose::Loose::from($e)
    };
}

/// What a type writes into storage or a message.
pub trait ToLoose {
    fn to_loose(&self) -> Loose;
}

impl ToLoose for Loose {
    fn to_loose(&self) -> Loose {
        self.clone()
    }
}

impl ToLoose for bool {
    fn to_loose(&self) -> Loose {
        Loose::Bool(*self)
    }
}

impl ToLoose for [String] {
    fn to_loose(&self) -> Loose {
        self.into()
    }
}

/// How a type reads itself; an error names what did not fit (never the value itself).
pub trait FromLoose: Sized {
    fn from_loose(value: &Loose) -> Result<Self, String>;
}

impl FromLoose for bool {
    fn from_loose(value: &Loose) -> Result<bool, String> {
        value.as_bool().ok_or_else(|| "not a boolean".to_string())
    }
}

/// An object read field by field, as serde reads a struct: `strict` refuses fields it does not
/// know (serde's `deny_unknown_fields`).
pub struct Fields<'a>(&'a [(String, Loose)]);

impl<'a> Fields<'a> {
    /// The object's fields; anything but an object is refused.
    pub fn of(value: &'a Loose) -> Result<Fields<'a>, String> {
        match value {
            Loose::Object(entries) => Ok(Fields(entries)),
            _ => Err("not an object".to_string()),
        }
    }

    /// Like `of`, refusing any field not in `known`.
    pub fn strict(value: &'a Loose, known: &[&str]) -> Result<Fields<'a>, String> {
        let fields = Fields::of(value)?;
        match fields.0.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(["unknown field `", k, "`"].concat()),
            None => Ok(fields),
        }
    }

    fn field(&self, name: &str) -> &'a Loose {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or(&Loose::Missing, |(_, v)| v)
    }

    /// A field that must be there.
    pub fn required<T: FromLoose>(&self, name: &str) -> Result<T, String> {
        match self.field(name) {
            Loose::Missing => Err(["missing field `", name, "`"].concat()),
            v => T::from_loose(v).map_err(|e| [name, ": ", &e].concat()),
        }
    }

    /// A field that may be left out (serde's `default`).
    pub fn or_default<T: FromLoose + Default>(&self, name: &str) -> Result<T, String> {
        match self.field(name) {
            Loose::Missing => Ok(T::default()),
            v => T::from_loose(v).map_err(|e| [name, ": ", &e].concat()),
        }
    }

    /// A field that may be left out or `null`.
    pub fn optional<T: FromLoose>(&self, name: &str) -> Result<Option<T>, String> {
        match self.field(name) {
            Loose::Missing | Loose::Null => Ok(None),
            v => T::from_loose(v)
                .map(Some)
                .map_err(|e| [name, ": ", &e].concat()),
        }
    }

    /// A text field that must be there.
    pub fn text(&self, name: &str) -> Result<String, String> {
        self.required(name)
    }
}

impl FromLoose for String {
    fn from_loose(value: &Loose) -> Result<String, String> {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "not a string".to_string())
    }
}

impl FromLoose for i32 {
    /// A whole number in range, as serde reads a JS number into an `i32`.
    fn from_loose(value: &Loose) -> Result<i32, String> {
        match value {
            Loose::Number(n)
                // `as` saturates and turns NaN into 0: equal again only for a whole i32.
                if f64::from(*n as i32) == *n =>
            {
                Ok(*n as i32)
            }
            _ => Err("not a 32-bit integer".to_string()),
        }
    }
}

impl<T: FromLoose> FromLoose for Vec<T> {
    fn from_loose(value: &Loose) -> Result<Vec<T>, String> {
        match value {
            Loose::Array(items) => items.iter().map(T::from_loose).collect(),
            _ => Err("not an array".to_string()),
        }
    }
}

/// One of a closed set of names (`all`, each written as `name` gives it): a launch mode, a
/// connect state.
pub fn one_of<T: Copy>(value: &Loose, all: &[T], name: fn(T) -> &'static str) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|&v| value.as_str() == Some(name(v)))
        .ok_or_else(|| "not a known name".to_string())
}

/// The `type` tag of a message (serde's internally tagged enums).
pub fn tag(value: &Loose) -> Result<&str, String> {
    match value.get("type") {
        Some(Loose::Text(t)) => Ok(t),
        Some(_) => Err("`type` is not a string".to_string()),
        None => Err("missing field `type`".to_string()),
    }
}

/// A JSON text parser as the glue provides it (the browser's `JSON.parse`), for the few JSON
/// texts the core reads (Gitpod's error detail); `None`: not JSON.
pub type JsonParser = fn(text: &str) -> Option<Loose>;

#[cfg(target_arch = "wasm32")]
static JSON: crate::handed_in::HandedIn<JsonParser> = crate::handed_in::HandedIn::new();

/// In the extension: where JSON texts are parsed (the worker's entry sets it first).
#[cfg(target_arch = "wasm32")]
pub fn use_json_parser(parser: JsonParser) {
    JSON.set(parser);
}

/// A JSON text as a value (`None`: not JSON, or no parser handed in).
#[cfg(target_arch = "wasm32")]
pub fn parse_json(text: &str) -> Option<Loose> {
    JSON.get().and_then(|parse| parse(text))
}

/// A JSON text as a value, by serde_json on the host (`None`: not JSON).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Option<Loose> {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .map(|v| Loose::from(&v))
}

/// A JSON value as the browser would hand it over (host tests and the host's `parse_json`).
#[cfg(not(target_arch = "wasm32"))]
impl From<&serde_json::Value> for Loose {
    fn from(v: &serde_json::Value) -> Loose {
        use serde_json::Value;
        match v {
            Value::Null => Loose::Null,
            Value::Bool(b) => Loose::Bool(*b),
            Value::Number(n) => n.as_f64().map_or(Loose::Other, Loose::Number),
            Value::String(s) => Loose::Text(s.clone()),
            Value::Array(items) => Loose::Array(items.iter().map(Loose::from).collect()),
            Value::Object(m) => {
                Loose::Object(m.iter().map(|(k, v)| (k.clone(), Loose::from(v))).collect())
            }
        }
    }
}

/// serde on the host only, for the host tests: every type's serde impls go through its
/// [`FromLoose`] / [`ToLoose`] (`serde_via_loose!`), so `serde_json` in a test exercises exactly
/// the readers and writers the extension ships.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! serde_via_loose {
    (read $($t:ty),* $(,)?) => {$(
        #[cfg(not(target_arch = "wasm32"))]
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <crate::loose::Loose as serde::Deserialize>::deserialize(d)?;
                <$t as crate::loose::FromLoose>::from_loose(&value).map_err(serde::de::Error::custom)
            }
        }
    )*};
    (write $($t:ty),* $(,)?) => {$(
        #[cfg(not(target_arch = "wasm32"))]
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&crate::loose::ToLoose::to_loose(self), s)
            }
        }
    )*};
}
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use serde_via_loose;

/// The wasm builds have no serde: the impls are not made there.
#[cfg(target_arch = "wasm32")]
macro_rules! serde_via_loose {
    ($($t:tt)*) => {};
}
#[cfg(target_arch = "wasm32")]
pub(crate) use serde_via_loose;

#[cfg(not(target_arch = "wasm32"))]
impl serde::Serialize for Loose {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Loose::Missing | Loose::Null | Loose::Other => s.serialize_unit(),
            Loose::Bool(b) => s.serialize_bool(*b),
            // Whole numbers as integers, as JSON.stringify writes them.
            Loose::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            Loose::Number(n) => s.serialize_f64(*n),
            Loose::Text(t) => s.serialize_str(t),
            Loose::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Loose::Object(entries) => {
                let mut map = s.serialize_map(None)?;
                for (k, v) in entries.iter().filter(|(_, v)| *v != Loose::Missing) {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Any JSON value (the host tests' way to make stored values and messages).
#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Loose {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
struct LooseVisitor;

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::de::Visitor<'de> for LooseVisitor {
    type Value = Loose;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Number(v))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Loose>()? {
            items.push(item);
        }
        Ok(Loose::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Loose>()? {
            let value = map.next_value::<Loose>()?;
            if let Loose::Text(key) = key {
                entries.push((key, value));
            }
        }
        Ok(Loose::Object(entries))
    }
}
