//! Amount, count and months inputs, each a parsed input with its parser.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::parsed::*;
use crate::ui::components::entry;
use crate::ui::components::fmt::input_text;
use crate::ui::Lang;

/// An amount field (`inputmode="decimal"`).
pub fn amount_input(
    suffix: String,
    aria_label: Option<Signal<String>>,
    value: Signal<Option<Decimal>>,
    set: impl Fn(Option<Decimal>) + Send + Sync + 'static,
) -> AnyView {
    amount_input_with(suffix, aria_label, None, None, value, set)
}

/// An amount field with a placeholder.
pub fn amount_input_with(
    suffix: String,
    aria_label: Option<Signal<String>>,
    placeholder: Option<Signal<String>>,
    col: Option<usize>,
    value: Signal<Option<Decimal>>,
    set: impl Fn(Option<Decimal>) + Send + Sync + 'static,
) -> AnyView {
    parsed_input(
        ParsedField {
            suffix,
            aria_label,
            value,
            parse: entry::amount,
            render: input_text,
            inputmode: "decimal",
            class: "input amount-input",
            placeholder,
            col,
        },
        set,
    )
}

// Whole numbers go through the amount fields' code as decimals: one copy of `parsed_input_dyn`
// in the wasm instead of one per number type.

pub(super) fn whole_text(_: Lang, v: Option<Decimal>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

pub(super) fn count_parse(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    entry::count(text, lang).map(|v| v.map(Decimal::from))
}

pub(super) fn months_parse(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    entry::duration(text, lang).map(|v| v.map(Decimal::from))
}

/// A whole-number field (days, incidents, headcount).
pub fn count_input(
    suffix: String,
    aria_label: Option<Signal<String>>,
    value: Signal<Option<u32>>,
    set: impl Fn(Option<u32>) + Send + Sync + 'static,
) -> AnyView {
    parsed_input(
        ParsedField {
            suffix,
            aria_label,
            value: Signal::derive(move || value.get().map(Decimal::from)),
            parse: count_parse,
            render: whole_text,
            inputmode: "numeric",
            class: "input count-input",
            placeholder: None,
            col: None,
        },
        // The parser only lets whole numbers in range through.
        move |v: Option<Decimal>| set(v.and_then(|d| u32::try_from(d).ok())),
    )
}

/// The duration of a fiscal year, 1–24 months.
pub fn months_input(
    suffix: String,
    aria_label: Option<Signal<String>>,
    value: Signal<Option<u8>>,
    set: impl Fn(Option<u8>) + Send + Sync + 'static,
) -> AnyView {
    parsed_input(
        ParsedField {
            suffix,
            aria_label,
            value: Signal::derive(move || value.get().map(Decimal::from)),
            parse: months_parse,
            render: whole_text,
            inputmode: "numeric",
            class: "input count-input",
            placeholder: None,
            col: None,
        },
        move |v: Option<Decimal>| set(v.and_then(|d| u8::try_from(d).ok())),
    )
}
