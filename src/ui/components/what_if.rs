//! The what-if panel of the analysis: other expected sales, terms, delay, insurance cover or
//! guarantees, and the need, capacity, secured part, limit, binding constraint and terms they
//! give, beside the file's own figures. The panel keeps its overrides in memory
//! (`domain::what_if::TradeOverrides`); the saved file changes only on "Appliquer au dossier".
//!
//! Test ids: inputs `whatif-sales`, `whatif-terms-days`, `whatif-terms-basis`, `whatif-delay`,
//! `whatif-insurance`, `whatif-guarantees` are on each field's `<label>`, so Playwright's `fill`,
//! `selectOption` and `toHaveValue` reach the field through it (the field itself is
//! `field-whatif-…`, its message `error-whatif-…`, as every entry field). Outputs `whatif-need`,
//! `whatif-capacity`, `whatif-secured`, `whatif-limit` (amounts), `whatif-binding` (`need`, `tnw`,
//! `revenue`, `secured`), `whatif-terms` (days), with data-values as the verdict's `limit-*`;
//! differences `whatif-delta-<need|capacity|secured|limit>`. Buttons `whatif-apply`,
//! `whatif-reset`.

use std::fmt::Write;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::fmt::{esc, format_amount, not_available, tr};
use super::inputs::{amount_input, count_input, select_input};
use super::verdict::{binding_sentence, terms_text};
use crate::domain::analysis::{analyse, Analysis};
use crate::domain::client::{TermsBasis, Trade};
use crate::domain::figure::amount_value;
use crate::domain::policy::Policy;
use crate::domain::what_if::{LimitDelta, TradeOverrides};
use crate::store::Bilingual;
use crate::ui::{AppState, Lang};

/// Reads a field's value: the override when there is one, else the file's.
type FieldGet<T> = fn(&TradeOverrides, &Trade) -> Option<T>;
/// Sets a field's override.
type FieldPut<T> = fn(&mut TradeOverrides, Option<T>);

/// The file's trade terms (default when no file is open).
fn file_trade(state: AppState) -> Trade {
    state
        .current_file
        .with(|f| f.as_ref().map(|f| f.trade.clone()).unwrap_or_default())
}

/// The value a field shows: the override, else the file's.
fn shown<T: Send + Sync + 'static>(
    state: AppState,
    o: RwSignal<TradeOverrides>,
    get: FieldGet<T>,
) -> Signal<Option<T>> {
    Signal::derive(move || {
        let t = file_trade(state);
        o.with(|o| get(o, &t))
    })
}

/// A labelled what-if field; the label carries the test id.
fn field(
    lang: RwSignal<Lang>,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    input: AnyView,
) -> AnyView {
    view! {
        <div class="form-field">
            <label for=format!("f-{suffix}") data-testid=suffix>{tr(lang, fr, en)}</label>
            {input}
        </div>
    }
    .into_any()
}

fn amount(
    state: AppState,
    o: RwSignal<TradeOverrides>,
    suffix: &'static str,
    label: (&'static str, &'static str),
    get: FieldGet<Decimal>,
    put: FieldPut<Decimal>,
) -> AnyView {
    let input = amount_input(suffix.to_string(), None, shown(state, o, get), move |v| {
        o.update(|o| put(o, v))
    });
    field(state.lang, suffix, label.0, label.1, input)
}

fn days(
    state: AppState,
    o: RwSignal<TradeOverrides>,
    suffix: &'static str,
    label: (&'static str, &'static str),
    get: FieldGet<u32>,
    put: FieldPut<u32>,
) -> AnyView {
    let input = count_input(suffix.to_string(), None, shown(state, o, get), move |v| {
        o.update(|o| put(o, v))
    });
    field(state.lang, suffix, label.0, label.1, input)
}

/// A difference: "+3 500 €", "-16 000 €", "—" when none.
fn signed(lang: Lang, v: Option<Decimal>) -> String {
    match v {
        Some(d) if d > Decimal::ZERO => format!("+{}", format_amount(lang, d)),
        Some(d) if d < Decimal::ZERO => format_amount(lang, d),
        _ => "—".to_string(),
    }
}

/// One amount row: label, the file's figure, the what-if figure, the difference.
fn amount_row(
    out: &mut String,
    lang: Lang,
    label: (&'static str, &'static str),
    key: &'static str,
    file: Option<Decimal>,
    tried: Option<Decimal>,
    delta: Option<Decimal>,
) {
    let text = |v: Option<Decimal>| {
        esc(&v
            .map(|x| format_amount(lang, x))
            .unwrap_or_else(|| not_available(lang).to_string()))
    };
    let _ = write!(
        out,
        r#"<tr><th scope="row">{}</th><td class="num">{}</td><td class="num" data-testid="whatif-{key}" data-value="{}"><strong>{}</strong></td><td class="num whatif-delta" data-testid="whatif-delta-{key}" data-value="{}">{}</td></tr>"#,
        esc(lang.pick(label.0, label.1)),
        text(file),
        amount_value(tried),
        text(tried),
        amount_value(delta),
        esc(&signed(lang, delta)),
    );
}

/// The figures of the file beside those of the what-if (empty values when no file is open).
///
/// The table is written as markup and set as the inner HTML of its box, as the charts are: a
/// string costs far less wasm than a view tree of some forty elements. Every text is escaped.
fn results(
    lang: Lang,
    base: Option<&Analysis>,
    tried: Option<&Analysis>,
    policy: &Policy,
) -> AnyView {
    let (b, t) = (base.map(|a| &a.limit), tried.map(|a| &a.limit));
    let delta = b.zip(t).map(|(b, t)| LimitDelta::between(b, t));
    let binding = tried.map(|a| binding_sentence(lang, &a.limit, a.grid.class, policy));
    let terms = |l: Option<&crate::domain::limit::LimitResult>| {
        esc(&l
            .map(|l| terms_text(lang, &l.terms))
            .unwrap_or_else(|| "—".to_string()))
    };
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<table class="data-table whatif-table"><thead><tr><th scope="col"></th><th scope="col" class="num">{}</th><th scope="col" class="num">{}</th><th scope="col" class="num">{}</th></tr></thead><tbody>"#,
        lang.pick("Dossier", "File"),
        lang.pick("Simulation", "What-if"),
        esc(lang.pick("Écart", "Difference")),
    );
    amount_row(
        &mut html,
        lang,
        ("Besoin d'encours", "Credit need"),
        "need",
        b.and_then(|l| l.need),
        t.and_then(|l| l.need),
        delta.and_then(|d| d.need),
    );
    amount_row(
        &mut html,
        lang,
        ("Capacité", "Capacity"),
        "capacity",
        b.map(|l| l.capacity),
        t.map(|l| l.capacity),
        delta.map(|d| d.capacity),
    );
    amount_row(
        &mut html,
        lang,
        ("Part garantie", "Secured part"),
        "secured",
        b.map(|l| l.secured),
        t.map(|l| l.secured),
        delta.map(|d| d.secured),
    );
    amount_row(
        &mut html,
        lang,
        ("Encours recommandé", "Recommended credit limit"),
        "limit",
        b.map(|l| l.recommended),
        t.map(|l| l.recommended),
        delta.map(|d| d.recommended),
    );
    let _ = write!(
        html,
        r#"<tr><th scope="row">{}</th><td class="num">{}</td><td class="num" data-testid="whatif-terms" data-value="{}">{}</td><td></td></tr></tbody></table>"#,
        esc(lang.pick("Délai maximal", "Longest terms")),
        terms(b),
        t.map(|l| l.terms.max_days.to_string()).unwrap_or_default(),
        terms(t),
    );
    view! {
        <div class="table-scroll" inner_html=html></div>
        <p class="verdict-binding" data-testid="whatif-binding"
            data-value=t.map(|l| l.binding.key()).unwrap_or("")>
            {binding.unwrap_or_default()}
        </p>
    }
    .into_any()
}

/// The what-if section of the analysis screen.
pub fn what_if_section(state: AppState) -> AnyView {
    let lang = state.lang;
    let o = RwSignal::new(TradeOverrides::default());
    // Another file opened: its own terms, not the previous file's overrides.
    let mut shown: Option<Option<String>> = None;
    super::effect(move || {
        let id = state.current.get();
        if shown.as_ref().is_some_and(|p| *p != id) {
            o.set(TradeOverrides::default());
        }
        shown = Some(id);
    });
    // The engine on the file with the overrides; the file itself when nothing is overridden.
    let tried = super::memo(move || {
        let ov = o.get();
        if ov.is_empty() {
            return state.analysis.get();
        }
        state.current_file.with(|f| {
            f.as_ref().map(|f| {
                state
                    .policy
                    .with(|p| analyse(&ov.apply(f), p, state.today.get()))
            })
        })
    });
    let changes = super::memo(move || o.with(|ov| ov.changes(&file_trade(state))));

    let apply = move |_| {
        let ov = o.get_untracked();
        super::edit_current(&state, |f| ov.apply_to(&mut f.trade));
        o.set(TradeOverrides::default());
        state.notify(Bilingual::new(
            "Conditions de la simulation appliquées au dossier.",
            "What-if terms applied to the file.",
        ));
    };

    let fields = view! {
        <div class="form-grid">
            {amount(state, o, "whatif-sales", ("Ventes annuelles prévues (€ HT)", "Expected annual sales (€ excl. VAT)"),
                |o, t| o.expected_annual_sales.unwrap_or(t.expected_annual_sales),
                |o, v| o.expected_annual_sales = Some(v))}
            {days(state, o, "whatif-terms-days", ("Délai de paiement (jours)", "Payment terms (days)"),
                |o, t| o.terms_days.unwrap_or(t.terms_days),
                |o, v| o.terms_days = Some(v))}
            {field(lang, "whatif-terms-basis", "Point de départ du délai", "Terms basis",
                select_input(
                    "whatif-terms-basis",
                    &[
                        ("net", "Nets, date de facture", "Net, from invoice date"),
                        ("end_of_month", "Fin de mois", "End of month"),
                    ],
                    Signal::derive(move || {
                        let t = file_trade(state);
                        o.with(|o| o.terms_basis.unwrap_or(t.terms_basis)).key().to_string()
                    }),
                    move |k| o.update(|o| o.terms_basis = TermsBasis::from_key(&k)),
                ))}
            {days(state, o, "whatif-delay", ("Retard attendu (jours)", "Expected delay (days)"),
                |o, t| o.expected_delay_days.unwrap_or(t.expected_delay_days),
                |o, v| o.expected_delay_days = Some(v))}
            {amount(state, o, "whatif-insurance", ("Couverture assurance-crédit (€)", "Credit insurance cover (€)"),
                |o, t| o.insurance_cover.unwrap_or(t.insurance_cover),
                |o, v| o.insurance_cover = Some(v))}
            {amount(state, o, "whatif-guarantees", ("Autres garanties (€)", "Other guarantees (€)"),
                |o, t| o.guarantees.unwrap_or(t.guarantees),
                |o, v| o.guarantees = Some(v))}
        </div>
    };

    view! {
        <section class="card analysis-section no-print" data-testid="whatif-block">
            <h2>{tr(lang, "Simulation : et si…", "What-if")}</h2>
            <p class="muted">{tr(lang,
                "Essayez d'autres conditions : les résultats suivent, le dossier n'est modifié que si vous appliquez.",
                "Try other terms: the results follow, the file changes only if you apply them.",
            )}</p>
            {fields}
            {move || {
                let policy = state.policy.get();
                state.analysis.with(|base| {
                    tried.with(|t| results(lang.get(), base.as_ref(), t.as_ref(), &policy))
                })
            }}
            <div class="toolbar-actions">
                <button type="button" class="btn btn-primary" data-testid="whatif-apply"
                    disabled=move || !changes.get() on:click=apply>
                    {tr(lang, "Appliquer au dossier", "Apply to the file")}
                </button>
                <button type="button" class="btn" data-testid="whatif-reset"
                    disabled=move || o.with(TradeOverrides::is_empty)
                    on:click=move |_| o.set(TradeOverrides::default())>
                    {tr(lang, "Revenir au dossier", "Back to the file")}
                </button>
            </div>
        </section>
    }
    .into_any()
}
