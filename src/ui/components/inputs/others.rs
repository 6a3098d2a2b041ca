//! Text, date and choice inputs, and the form field that labels an input.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::parsed::*;
use crate::ui::components::fmt::tr;
use crate::ui::use_state;

/// A plain text field written to the file on every keystroke.
pub fn text_input(
    suffix: &str,
    value: Signal<String>,
    set: impl Fn(String) + Send + Sync + 'static,
) -> AnyView {
    text_input_dyn(suffix, value, Arc::new(set))
}

#[inline(never)]
pub(super) fn text_input_dyn(suffix: &str, value: Signal<String>, set: Setter<String>) -> AnyView {
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
pub(super) fn date_input_dyn(
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
    crate::ui::components::effect(move || {
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
pub(super) fn select_input_dyn(
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
