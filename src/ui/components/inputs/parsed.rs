//! The one parsed input every number field of the app is: what was typed stays on screen, a
//! value read goes to the file at once, anything else shows why at the field.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::{use_state, Lang};

/// Parses what was typed: the value (None when empty) or a message in the user's language.
pub type Parser<T> = fn(&str, Lang) -> Result<Option<T>, String>;

/// What a field does with a new value (shared, so the field's code is not generic over it).
pub(super) type Setter<T> = Arc<dyn Fn(T) + Send + Sync>;

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
pub(super) fn parsed_input_dyn<T>(field: ParsedField<T>, set: Setter<Option<T>>) -> AnyView
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

    crate::ui::components::effect(move || {
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
pub(super) fn focus_below(el: &web_sys::Element, col: usize) {
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
