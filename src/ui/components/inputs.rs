//! Entry fields of the client file: amounts and counts that keep what was typed, text, dates and
//! choices. Every field carries `data-testid="field-<suffix>"`; a parse error shows under it with
//! `data-testid="error-<suffix>"`.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use super::entry;
use super::fmt::{input_text, tr};
use crate::ui::{use_state, Lang};

/// Parses what was typed: the value (None when empty) or a message in the user's language.
pub type Parser<T> = fn(&str, Lang) -> Result<Option<T>, String>;

/// What a field does with a new value (shared, so the field's code is not generic over it).
type Setter<T> = Arc<dyn Fn(T) + Send + Sync>;

/// Renders a stored value as the text of its field.
pub type Render<T> = fn(Lang, Option<T>) -> String;

/// How a parsed field looks and behaves.
pub struct ParsedField<T: Send + Sync + 'static> {
    /// `field-<suffix>` / `error-<suffix>`.
    pub suffix: String,
    /// The accessible name when no `<label>` points at the field (table cells).
    pub aria_label: Option<Signal<String>>,
    /// The value in the file.
    pub value: Signal<Option<T>>,
    pub parse: Parser<T>,
    pub render: Render<T>,
    /// `decimal` for amounts, `numeric` for counts.
    pub inputmode: &'static str,
    pub class: &'static str,
    /// Shown when the field is empty (e.g. the figure the engine derives from the lines).
    pub placeholder: Option<Signal<String>>,
    /// The statement column of the field: Enter moves to the field below in the same year.
    pub col: Option<usize>,
}

/// A text field whose value is parsed on every keystroke.
///
/// The raw text lives here: a valid entry goes to the file at once (`set`), an invalid one stays
/// on screen with its message and leaves the file unchanged. When the file changes from elsewhere
/// (another tab, an import), the field shows the new value unless the user is typing in it.
pub fn parsed_input<T>(
    field: ParsedField<T>,
    set: impl Fn(Option<T>) + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    parsed_input_dyn(field, Arc::new(set))
}

/// The body of [`parsed_input`], compiled once per value type rather than once per field.
#[inline(never)]
fn parsed_input_dyn<T>(field: ParsedField<T>, set: Setter<Option<T>>) -> AnyView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let state = use_state();
    let lang = state.lang;
    let ParsedField {
        suffix,
        aria_label,
        value,
        parse,
        render,
        inputmode,
        class,
        placeholder,
        col,
    } = field;
    let initial = value.get_untracked();
    let raw = RwSignal::new(render(lang.get_untracked(), initial.clone()));
    let error = RwSignal::new(None::<String>);
    let focused = RwSignal::new(false);
    // The value this field last knew the file to hold: set by our own edits and by resyncs.
    let last = StoredValue::new(initial);

    super::effect(move || {
        let v = value.get();
        let known = last.with_value(|l| l == &v);
        if !known {
            last.set_value(v.clone());
            if !focused.get_untracked() {
                raw.set(render(lang.get_untracked(), v));
                error.set(None);
            }
        }
    });

    let on_input = {
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            match parse(&text, lang.get_untracked()) {
                Ok(v) => {
                    // Only a change notifies: on every keystroke, the field's error attributes
                    // would otherwise be re-set for nothing.
                    if error.with_untracked(Option::is_some) {
                        error.set(None);
                    }
                    let changed = last.with_value(|l| l != &v);
                    last.set_value(v.clone());
                    if changed {
                        set(v);
                    }
                }
                Err(msg) => error.set(Some(msg)),
            }
            // The field already shows what was typed: writing it back would only re-set it.
            raw.update_untracked(|r| *r = text);
        }
    };
    let on_blur = move |_| {
        // Chromium blurs a focused input as it leaves the page: when the screen is already
        // disposed (back button while typing), there is nothing to update.
        if focused.try_set(false).is_some() {
            return;
        }
        // A change from elsewhere while the user was in the field: show it now, unless the
        // field holds an entry the user still has to correct.
        if error.with_untracked(Option::is_none) {
            let typed = parse(&raw.get_untracked(), lang.get_untracked())
                .ok()
                .flatten();
            let stored = value.get_untracked();
            if typed != stored {
                last.set_value(stored.clone());
                raw.set(render(lang.get_untracked(), stored));
            }
        }
    };

    let id = format!("f-{suffix}");
    let err_id = format!("e-{suffix}");
    let testid = format!("field-{suffix}");
    let err_testid = format!("error-{suffix}");
    view! {
        <div class="field-box">
            <input
                type="text"
                id=id
                class=class
                class:invalid=move || error.with(Option::is_some)
                inputmode=inputmode
                autocomplete="off"
                enterkeyhint="next"
                data-testid=testid
                aria-label=move || aria_label.map(|l| l.get())
                placeholder=move || placeholder.map(|p| p.get())
                aria-invalid=move || error.with(|e| if e.is_some() { "true" } else { "false" })
                aria-describedby=err_id.clone()
                prop:value=move || raw.get()
                on:input=on_input
                data-col=col
                on:focus=move |_| focused.set(true)
                on:blur=on_blur
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if let (Some(c), "Enter") = (col, ev.key().as_str()) {
                        ev.prevent_default();
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            focus_below(&el, c);
                        }
                    }
                }
            />
            {move || {
                error
                    .get()
                    .map(|msg| {
                        view! {
                            <p class="field-error" id=err_id.clone() data-testid=err_testid.clone() role="alert">
                                {msg}
                            </p>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}

/// Focuses the field of column `col` in the next table row that has one (Enter in a statement
/// column goes down the year, as a sales rep types a column of figures).
fn focus_below(el: &web_sys::Element, col: usize) {
    let selector = format!("input[data-col=\"{col}\"]");
    let mut row = el.closest("tr").ok().flatten();
    while let Some(r) = row {
        let next = r.next_element_sibling().or_else(|| {
            r.parent_element()
                .and_then(|body| body.next_element_sibling())
                .and_then(|body| body.first_element_child())
        });
        if let Some(n) = &next {
            if let Ok(Some(input)) = n.query_selector(&selector) {
                if let Ok(h) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
                return;
            }
        }
        row = next;
    }
}

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

fn whole_text(_: Lang, v: Option<Decimal>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn count_parse(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    entry::count(text, lang).map(|v| v.map(Decimal::from))
}

fn months_parse(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
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

/// A plain text field written to the file on every keystroke.
pub fn text_input(
    suffix: &str,
    value: Signal<String>,
    set: impl Fn(String) + Send + Sync + 'static,
) -> AnyView {
    text_input_dyn(suffix, value, Arc::new(set))
}

#[inline(never)]
fn text_input_dyn(suffix: &str, value: Signal<String>, set: Setter<String>) -> AnyView {
    view! {
        <input
            type="text"
            id=format!("f-{suffix}")
            class="input text-input"
            autocomplete="off"
            data-testid=format!("field-{suffix}")
            prop:value=move || value.get()
            on:input=move |ev| set(event_target_value(&ev))
        />
    }
    .into_any()
}

/// A date field (`<input type=date>`, ISO value); clearing it gives `None`.
///
/// While the field has the focus the browser owns its text (a date is typed segment by
/// segment, and setting the value would reset that); changes from elsewhere show on blur.
/// Partial dates the browser reports while a year is being typed (year 0002…) are not written.
pub fn date_input(
    suffix: &str,
    aria_label: Option<Signal<String>>,
    value: Signal<Option<NaiveDate>>,
    set: impl Fn(Option<NaiveDate>) + Send + Sync + 'static,
) -> AnyView {
    date_input_dyn(suffix, aria_label, value, Arc::new(set))
}

#[inline(never)]
fn date_input_dyn(
    suffix: &str,
    aria_label: Option<Signal<String>>,
    value: Signal<Option<NaiveDate>>,
    set: Setter<Option<NaiveDate>>,
) -> AnyView {
    use chrono::Datelike;
    // `NaiveDate`'s `Display` is ISO 8601 (`YYYY-MM-DD`), as the date input wants: no strftime.
    let iso = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let node = NodeRef::<leptos::html::Input>::new();
    let focused = RwSignal::new(false);
    let show = move |v: Option<NaiveDate>| {
        if let Some(el) = node.get_untracked() {
            let text = iso(v);
            if el.value() != text {
                el.set_value(&text);
            }
        }
    };
    super::effect(move || {
        let v = value.get();
        if !focused.get_untracked() {
            show(v);
        }
    });
    view! {
        <input
            type="date"
            node_ref=node
            id=format!("f-{suffix}")
            class="input date-input"
            min="1900-01-01"
            max="2199-12-31"
            data-testid=format!("field-{suffix}")
            aria-label=move || aria_label.map(|l| l.get())
            value=iso(value.get_untracked())
            on:focus=move |_| focused.set(true)
            on:blur=move |_| {
                // Disposed screen (see parsed_input): nothing to update.
                if focused.try_set(false).is_none() {
                    if let Some(v) = value.try_get_untracked() {
                        show(v);
                    }
                }
            }
            on:input=move |ev| {
                let text = event_target_value(&ev);
                if text.trim().is_empty() {
                    set(None);
                } else if let Some(d) = crate::domain::exchange::parse_iso_date(text.trim()) {
                    if (1900..2200).contains(&d.year()) {
                        set(Some(d));
                    }
                }
            }
        />
    }
    .into_any()
}

/// A choice among fixed options: `(key, French, English)`; the empty key means "not given".
pub fn select_input(
    suffix: &str,
    options: &'static [(&'static str, &'static str, &'static str)],
    value: Signal<String>,
    set: impl Fn(String) + Send + Sync + 'static,
) -> AnyView {
    select_input_dyn(suffix, options, value, Arc::new(set))
}

#[inline(never)]
fn select_input_dyn(
    suffix: &str,
    options: &'static [(&'static str, &'static str, &'static str)],
    value: Signal<String>,
    set: Setter<String>,
) -> AnyView {
    let lang = use_state().lang;
    view! {
        <select
            id=format!("f-{suffix}")
            class="input select-input"
            data-testid=format!("field-{suffix}")
            on:change=move |ev| set(event_target_value(&ev))
        >
            {options
                .iter()
                .map(|&(key, fr, en)| {
                    view! {
                        <option value=key prop:selected=move || value.with(|v| v == key)>
                            {tr(lang, fr, en)}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
    .into_any()
}

/// A labelled form field: the label, the field, an optional hint.
pub fn form_field(
    suffix: &str,
    label_fr: &'static str,
    label_en: &'static str,
    input: AnyView,
    hint: Option<(&'static str, &'static str)>,
) -> AnyView {
    let lang = use_state().lang;
    view! {
        <div class="form-field">
            <label for=format!("f-{suffix}")>{tr(lang, label_fr, label_en)}</label>
            {input}
            {hint.map(|(fr, en)| view! { <p class="field-hint">{tr(lang, fr, en)}</p> })}
        </div>
    }
    .into_any()
}
