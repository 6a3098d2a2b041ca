//! The field shapes of the client form (text, amount, count, choice) and its cards, each reading
//! the open file and writing it through the workspace.

use leptos::prelude::*;

use rust_decimal::Decimal;

use super::identity::*;
use crate::domain::client::ClientFile;
use crate::ui::components::edit_current;
use crate::ui::components::inputs::{
    amount_input, count_input, form_field, select_input, text_input,
};
use crate::ui::AppState;

/// A reactive read of the open file. `get` is a plain function, so there is one memo type per
/// value type rather than one per field.
pub(super) fn read<T>(state: AppState, get: fn(&ClientFile) -> T, default: T) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Signal::from(crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map(get).unwrap_or_else(|| default.clone()))
    }))
}

/// A hint under a field: `(French, English)`.
pub(super) type Hint = Option<(&'static str, &'static str)>;

/// A labelled text field of the file.
pub(super) fn text_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    get: fn(&ClientFile) -> String,
    set: fn(&mut ClientFile, String),
) -> AnyView {
    let value = read(state, get, String::new());
    let input = text_input(suffix, value, move |v| edit_current(&state, |f| set(f, v)));
    form_field(suffix, fr, en, input, None)
}

/// A labelled amount field of the file.
pub(super) fn amount_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    hint: Hint,
    get: fn(&ClientFile) -> Option<Decimal>,
    set: fn(&mut ClientFile, Option<Decimal>),
) -> AnyView {
    let value = read(state, get, None);
    let input = amount_input(suffix.to_string(), None, value, move |v| {
        edit_current(&state, |f| set(f, v))
    });
    form_field(suffix, fr, en, input, hint)
}

/// A labelled whole-number field of the file.
pub(super) fn count_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    hint: Hint,
    get: fn(&ClientFile) -> Option<u32>,
    set: fn(&mut ClientFile, Option<u32>),
) -> AnyView {
    let value = read(state, get, None);
    let input = count_input(suffix.to_string(), None, value, move |v| {
        edit_current(&state, |f| set(f, v))
    });
    form_field(suffix, fr, en, input, hint)
}

/// Options of a select: `(key, French, English)`.
pub(super) type Options = &'static [(&'static str, &'static str, &'static str)];

/// A labelled choice of the file: `get` gives the selected key, `set` applies a chosen key.
#[allow(clippy::too_many_arguments)]
pub(super) fn select_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    options: Options,
    default: &'static str,
    get: fn(&ClientFile) -> String,
    set: fn(&mut ClientFile, &str),
) -> AnyView {
    let value = read(state, get, default.to_string());
    let input = select_input(suffix, options, value, move |k| {
        edit_current(&state, |f| set(f, &k))
    });
    form_field(suffix, fr, en, input, None)
}

/// A card of the form: its title, then its fields in a grid.
pub(super) fn card(
    state: AppState,
    testid: &'static str,
    fr: &'static str,
    en: &'static str,
    fields: Vec<AnyView>,
) -> AnyView {
    view! {
        <section class="card" data-testid=testid>
            {section_title(state, fr, en)}
            <div class="form-grid">{fields}</div>
        </section>
    }
    .into_any()
}
