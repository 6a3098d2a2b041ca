//! The shapes the policy form is built from — a field, a check box, a line, a table row, a
//! section, a button, a message — each erased to `AnyView`: one copy of the rendering code per
//! shape, not per criterion, class or ratio; and the [`Editor`] every field reads.

use std::rc::Rc;

use leptos::prelude::*;

use super::field::*;
use super::labels::*;
use crate::domain::grid::RiskClass;
use crate::domain::policy::Policy;
use crate::domain::policy_check::PolicyError;
use crate::domain::policy_place::Place;
use crate::ui::Lang;

/// Everything a field needs: the policy shown, its problems, and the fields whose text is not
/// a number.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    pub(super) draft: RwSignal<Policy>,
    pub(super) errors: Memo<Vec<PolicyError>>,
    pub(super) bad: RwSignal<Vec<Field>>,
    pub(super) readonly: bool,
    pub(super) lang: Lang,
}

// The markup below is built from a few shapes reused everywhere (a field, a line, a table row,
// a section, a button, a message), each erased to `AnyView`: one copy of the rendering code per
// shape, not per criterion, class or ratio.

/// A button; `act` runs on a tap.
pub(super) type Action = Rc<dyn Fn()>;

pub(super) fn button(
    class: &'static str,
    testid: String,
    label: &'static str,
    act: Action,
) -> AnyView {
    button_if(class, testid, label, false, act)
}

/// A button, disabled when `off`.
pub(super) fn button_if(
    class: &'static str,
    testid: String,
    label: &'static str,
    off: bool,
    act: Action,
) -> AnyView {
    view! {
        <button type="button" class=class data-testid=testid disabled=off on:click=move |_| act()>{label}</button>
    }
    .into_any()
}

/// Messages with their place (`policy-error`, `data-path`).
pub(super) fn messages(items: Vec<(String, String)>) -> AnyView {
    items
        .into_iter()
        .map(|(path, m)| {
            view! { <span class="policy-error" role="alert" data-testid="policy-error" data-path=path>{m}</span> }
        })
        .collect_view()
        .into_any()
}

/// The problem alone, without its place (shown at the field).
pub(super) fn problem_text(e: &PolicyError, lang: Lang) -> String {
    e.problem_message(lang)
}

/// The problems found exactly at `place`, with its path (`data-path`).
pub(super) fn problems_at(ed: Editor, place: Place) -> Vec<(String, String)> {
    ed.errors.with(|es| {
        es.iter()
            .filter(|e| e.place == place)
            .map(|e| (e.path(), problem_text(e, ed.lang)))
            .collect()
    })
}

/// The problems of a group (the weights, the classes, a ratio…), where they show.
pub(super) fn errors_at(ed: Editor, place: Place) -> AnyView {
    (move || messages(problems_at(ed, place))).into_any()
}

/// One number of the policy: what was typed stays on screen; a number goes to the draft at
/// once; anything else shows why and leaves the draft as it was.
pub(super) fn num_field(ed: Editor, f: Field) -> AnyView {
    let lang = ed.lang;
    let (kind, value, path, testid, unit) = ed.draft.with_untracked(|p| {
        (
            f.kind(p),
            f.value(p),
            f.place(p),
            f.testid(p),
            f.unit(p, lang),
        )
    });
    let label = place_label(path, lang);
    let initial = value.map(|v| show(kind, v, lang)).unwrap_or_default();
    let typo = RwSignal::new(None::<String>);
    let on_input = move |ev: leptos::ev::Event| match parse(kind, &event_target_value(&ev), lang) {
        Ok(v) => {
            typo.set(None);
            ed.bad.update(|b| b.retain(|x| *x != f));
            ed.draft.update(|p| f.set(p, v));
        }
        Err(m) => {
            typo.set(Some(m));
            ed.bad.update(|b| {
                if !b.contains(&f) {
                    b.push(f);
                }
            });
        }
    };
    let shown = move || {
        let mut all: Vec<(String, String)> = typo
            .get()
            .map(|m| (path.to_string(), m))
            .into_iter()
            .collect();
        all.extend(problems_at(ed, path));
        all
    };
    view! {
        <span class="pf">
            <span class="pf-box">
                <input
                    type="text"
                    class="pf-input"
                    inputmode=if kind == Kind::Whole { "numeric" } else { "decimal" }
                    autocomplete="off"
                    data-testid=testid
                    aria-label=label
                    aria-invalid=move || (!shown().is_empty()).to_string()
                    prop:value=initial
                    disabled=ed.readonly
                    on:input=on_input
                />
                <span class="pf-unit" aria-hidden="true">{unit}</span>
            </span>
            {move || messages(shown())}
        </span>
    }
    .into_any()
}

/// A checkbox of the policy.
pub(super) fn check_field(
    ed: Editor,
    testid: String,
    label: String,
    get: fn(&Policy, usize) -> bool,
    set: fn(&mut Policy, usize, bool),
    at: usize,
) -> AnyView {
    let checked = ed.draft.with_untracked(|p| get(p, at));
    view! {
        <label class="check policy-check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=checked
                disabled=ed.readonly
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ed.draft.update(|p| set(p, at, on));
                }
            />
            <span>{label}</span>
        </label>
    }
    .into_any()
}

/// Text in a span of a class.
pub(super) fn text(class: &'static str, s: String) -> AnyView {
    view! { <span class=class>{s}</span> }.into_any()
}

/// "≥" then a field.
pub(super) fn prefixed(prefix: &'static str, field: AnyView) -> AnyView {
    view! { <span class="band-cmp" aria-hidden="true">{prefix}</span>{field} }.into_any()
}

/// A line of a band list: the condition, then the points.
pub(super) fn band_line(cond: AnyView, points: AnyView) -> AnyView {
    view! {
        <li class="band-row">
            <span class="band-cond">{cond}</span>
            <span class="band-arrow" aria-hidden="true">"→"</span>
            {points}
        </li>
    }
    .into_any()
}

/// A labelled line of fields.
pub(super) fn line(label: AnyView, fields: Vec<AnyView>) -> AnyView {
    view! { <div class="policy-row"><span class="policy-row-label">{label}</span>{fields}</div> }
        .into_any()
}

/// A table row: its header cell, then one cell per view.
pub(super) fn row(
    id: &'static str,
    inactive: Option<Memo<bool>>,
    th: AnyView,
    cells: Vec<AnyView>,
) -> AnyView {
    let cells = cells
        .into_iter()
        .map(|c| view! { <td>{c}</td> })
        .collect_view();
    view! {
        <tr data-id=id class:inactive=move || inactive.is_some_and(|m| m.get())>
            <th scope="row">{th}</th>
            {cells}
        </tr>
    }
    .into_any()
}

/// A table with its column headers and rows.
pub(super) fn table(head: Vec<&'static str>, rows: Vec<AnyView>, foot: AnyView) -> AnyView {
    let head = head
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table policy-table">
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot>{foot}</tfoot>
            </table>
        </div>
    }
    .into_any()
}

/// A section of the form: title, a note, its content.
pub(super) fn section(
    class: &'static str,
    title: &'static str,
    note: &'static str,
    body: Vec<AnyView>,
) -> AnyView {
    view! {
        <section class=class>
            <h2>{title}</h2>
            <p class="muted small">{note}</p>
            {body}
        </section>
    }
    .into_any()
}

/// A class as a small badge (the letter; colour is never alone).
pub(super) fn small_class(class: RiskClass) -> AnyView {
    view! {
        <span class=format!("class-badge class-{}", class.key())><span class="class-letter">{class.key()}</span></span>
    }
    .into_any()
}
