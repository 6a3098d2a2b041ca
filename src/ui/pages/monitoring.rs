//! The monitoring screen (docs/receivables.md §5, "Portfolio"): total encours, overdue, aged
//! balance and files over their limit, for the portfolio, by risk class and by sales rep, then
//! the files that need attention first; a tap opens the client's ledger.
//!
//! Test ids: `portfolio-encours`, `portfolio-overdue`, `portfolio-overruns` (data-value: amounts
//! 2 places, the count), `portfolio-aged-<bucket>`; `monitoring-by-class` / `monitoring-by-rep`
//! tables (rows `data-key`); each file `monitoring-row` (`data-id`); the empty state
//! `monitoring-empty`; today's dunning `todays-actions`, each client `todays-action` (`data-id`,
//! `data-stage`); `portfolio-cost-lateness`, `portfolio-cost-dunning`.

use leptos::prelude::*;

use crate::domain::analysis::{ledger_figures, verdict};
use crate::domain::figure::amount_value;
use crate::domain::ids::RiskClass;
use crate::domain::receivables::dunning::{
    cost_of_dunning, cost_of_lateness, todays_actions, ActionLine, Stage,
};
use crate::domain::receivables::figures::{Bucket, LedgerFigures};
use crate::domain::receivables::ledger::Ledger;
use crate::domain::receivables::monitoring::{is_overrun, monitor, FileLine, Monitoring, Totals};
use crate::ui::components::fmt::tr;
use crate::ui::format::{format_amount_places, format_date};
use crate::ui::{display_name, use_state, AppState, Lang, View};
use rust_decimal::Decimal;

/// One file with a ledger, as the screen shows it.
#[derive(Clone, PartialEq)]
struct Line {
    id: String,
    name: String,
    class: Option<crate::domain::ids::RiskClass>,
    sales_rep: String,
    figures: LedgerFigures,
    ledger: Ledger,
}

/// The monitoring screen.
#[component]
pub fn MonitoringPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let lines = crate::ui::components::memo(move || {
        let today = state.today.get();
        state.policy.with(|p| {
            state.files.with(|files| {
                files
                    .iter()
                    .filter_map(|f| {
                        let figures = ledger_figures(f, p, today)?.published();
                        let ledger = f.ledger.clone()?;
                        Some(Line {
                            ledger,
                            id: f.id.clone(),
                            name: f.name.clone(),
                            class: Some(verdict(f, p, today).grid.class),
                            sales_rep: f.sales_rep.clone(),
                            figures,
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="monitoring-page" data-testid="monitoring-page">
            <h1>{tr(lang, "Suivi du portefeuille", "Portfolio monitoring")}</h1>
            {move || lines.with(|lines| {
                let lang = lang.get();
                if lines.is_empty() {
                    return view! {
                        <div class="empty-state" data-testid="monitoring-empty">
                            <p>{lang.pick(
                                "Aucun dossier n'a encore d'encours : importez un FEC ou une balance âgée depuis le portefeuille.",
                                "No file has a ledger yet: import a FEC or an aged balance from the portfolio.",
                            )}</p>
                            <button type="button" class="btn btn-primary" on:click=move |_| state.view.set(View::Portfolio)>
                                {lang.pick("Aller au portefeuille", "Go to the portfolio")}
                            </button>
                            <crate::ui::ledger_import::DemoSituationButton/>
                        </div>
                    }.into_any();
                }
                let file_lines: Vec<FileLine> = lines
                    .iter()
                    .map(|l| FileLine { id: &l.id, name: &l.name, class: l.class, sales_rep: &l.sales_rep, figures: &l.figures })
                    .collect();
                let m = monitor(&file_lines);
                let (rules, today) = (state.policy.with_untracked(|p| p.receivables.dunning.clone()), state.today.get_untracked());
                let dunning_lines: Vec<_> = lines
                    .iter()
                    .map(|l| (l.id.as_str(), l.name.as_str(), l.class.unwrap_or(RiskClass::NotRated), &l.ledger))
                    .collect();
                let actions = todays_actions(&dunning_lines, &rules, today);
                view! {
                    {todays_block(state, lang, &actions)}
                    {body(state, lang, &m, lines)}
                }
                .into_any()
            })}
        </section>
    }
}

/// Today's dunning across the portfolio: each client with a due stage, under its next stage,
/// by amount; a situation older than the policy's days is flagged.
fn todays_block(state: AppState, lang: Lang, groups: &[(Stage, Vec<ActionLine>)]) -> impl IntoView {
    let groups: Vec<&(Stage, Vec<ActionLine>)> =
        groups.iter().filter(|(_, l)| !l.is_empty()).collect();
    let empty = groups.is_empty();
    let sections = groups
        .into_iter()
        .map(|(stage, lines)| {
            let rows = lines
                .iter()
                .map(|a| {
                    let id = a.file_id.clone();
                    let refs = a.invoices.iter().map(|i| i.reference.clone()).collect::<Vec<_>>().join(", ");
                    let late = a.invoices.iter().map(|i| i.days_late).max().unwrap_or(0).max(0);
                    let stale = a.stale.then(|| {
                        let text = if lang.is_fr() {
                            format!(" situation du {}, importez une situation récente", format_date(lang, a.as_of))
                        } else {
                            format!(" situation of {}, import a recent one", format_date(lang, a.as_of))
                        };
                        view! { <span class="flag flag-warn" data-testid="todays-stale">{text}</span> }
                    });
                    view! {
                        <tr class="monitoring-row" data-testid="todays-action" data-id=a.file_id.clone() data-stage=stage.key() on:click=move |_| state.open(&id, View::Ledger)>
                            <td><button type="button" class="row-open">{display_name(&a.name, lang)}</button>{stale}</td>
                            <td>{refs}</td>
                            <td class="num">{format!("{late} {}", lang.pick("j", "d"))}</td>
                            <td class="num" data-value=amount_value(Some(a.amount))>{format_amount_places(lang, a.amount, 2)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{stage.label(lang)}</h3>
                <div class="table-wrap"><table class="monitoring-table">
                    <thead><tr><th>{lang.pick("Client", "Client")}</th><th>{lang.pick("Factures", "Invoices")}</th>
                    <th class="num">{lang.pick("Retard", "Late")}</th><th class="num">{lang.pick("Montant", "Amount")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="todays-actions">
            <h2>{lang.pick("Relances du jour", "Today's dunning")}</h2>
            {empty.then(|| view! { <p class="muted">{lang.pick("Aucune relance due.", "No reminder due.")}</p> })}
            {sections}
        </section>
    }
}

fn body(state: AppState, lang: Lang, m: &Monitoring, lines: &[Line]) -> impl IntoView {
    let t = &m.total;
    // The portfolio's cost of lateness per year and cost of the dunning done: the sums of the
    // files' (docs/receivables.md "Dunning").
    let rules = state
        .policy
        .with_untracked(|p| p.receivables.dunning.clone());
    let costs = lines
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(late, done), l| {
            let class = l.class.unwrap_or(RiskClass::NotRated);
            let lateness = l
                .figures
                .dso_add
                .ok()
                .and_then(|add| cost_of_lateness(l.figures.encours, add, &rules))
                .unwrap_or_default();
            let dunning = cost_of_dunning(&l.ledger, class, &rules).total;
            (late.saturating_add(lateness), done.saturating_add(dunning))
        });
    let aged = t
        .aged
        .iter()
        .map(|(b, v)| view! {
            <div class="figure"><dt>{b.label(lang, state.policy.with_untracked(|p| p.receivables.aged_bounds))}</dt>
            <dd data-testid=format!("portfolio-aged-{}", b.key()) data-value=amount_value(Some(*v))>{format_amount_places(lang, *v, 2)}</dd></div>
        })
        .collect_view();
    let by_class = m
        .by_class
        .iter()
        .map(|(c, t)| {
            (
                c.map(|c| c.key().to_string()).unwrap_or_else(|| "—".into()),
                t.clone(),
            )
        })
        .collect::<Vec<_>>();
    let by_rep = m
        .by_rep
        .iter()
        .map(|(r, t)| {
            let shown = if r.trim().is_empty() {
                lang.pick("(sans commercial)", "(no sales rep)").to_string()
            } else {
                r.clone()
            };
            (shown, t.clone())
        })
        .collect::<Vec<_>>();
    let rows = m
        .attention
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| file_row(state, lang, l))
        .collect_view();
    view! {
        <section class="card">
            <dl class="figures">
                <div class="figure"><dt>{lang.pick("Encours total", "Total outstanding")}</dt><dd class="big" data-testid="portfolio-encours" data-value=amount_value(Some(t.encours))>{format_amount_places(lang, t.encours, 2)}</dd></div>
                <div class="figure"><dt>{lang.pick("Dont échu", "Of which overdue")}</dt><dd class="big" data-testid="portfolio-overdue" data-value=amount_value(Some(t.overdue))>{format_amount_places(lang, t.overdue, 2)}</dd></div>
                <div class="figure"><dt>{lang.pick("Dossiers en dépassement", "Files over their limit")}</dt><dd class="big" data-testid="portfolio-overruns" data-value=t.overruns.to_string()>{t.overruns}</dd></div>
            </dl>
            <h2>{lang.pick("Balance âgée", "Aged balance")}</h2>
            <dl class="figures">{aged}</dl>
            <h2>{lang.pick("Coût du retard et des relances", "Cost of lateness and of dunning")}</h2>
            <dl class="figures">
                <div class="figure"><dt>{lang.pick("Coût du retard (par an)", "Cost of lateness (per year)")}</dt>
                    <dd data-testid="portfolio-cost-lateness" data-value=amount_value(Some(costs.0))>{format_amount_places(lang, costs.0, 2)}</dd></div>
                <div class="figure"><dt>{lang.pick("Coût des relances faites", "Cost of the dunning done")}</dt>
                    <dd data-testid="portfolio-cost-dunning" data-value=amount_value(Some(costs.1))>{format_amount_places(lang, costs.1, 2)}</dd></div>
            </dl>
        </section>
        {totals_table(lang, "monitoring-by-class", lang.pick("Par classe de risque", "By risk class"), lang.pick("Classe", "Class"), by_class)}
        {totals_table(lang, "monitoring-by-rep", lang.pick("Par commercial", "By sales rep"), lang.pick("Commercial", "Sales rep"), by_rep)}
        <section class="card">
            <h2>{lang.pick("À traiter d'abord", "Needs attention first")}</h2>
            <div class="table-wrap"><table class="monitoring-table">
                <thead><tr>
                    <th>{lang.pick("Client", "Client")}</th><th>{lang.pick("Classe", "Class")}</th>
                    <th class="num">{lang.pick("Encours", "Outstanding")}</th><th class="num">{lang.pick("Limite", "Limit")}</th>
                    <th class="num">{lang.pick("Échu", "Overdue")}</th><th class="num">{lang.pick("> 90 j", "> 90 d")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        </section>
    }
}

fn totals_table(
    lang: Lang,
    testid: &'static str,
    title: &'static str,
    head: &'static str,
    rows: Vec<(String, Totals)>,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(key, t)| view! {
            <tr data-key=key.clone()>
                <td>{key.clone()}</td><td class="num">{t.files}</td>
                <td class="num" data-value=amount_value(Some(t.encours))>{format_amount_places(lang, t.encours, 2)}</td>
                <td class="num" data-value=amount_value(Some(t.overdue))>{format_amount_places(lang, t.overdue, 2)}</td>
                <td class="num" data-value=amount_value(Some(t.aged_in(Bucket::Over90)))>{format_amount_places(lang, t.aged_in(Bucket::Over90), 2)}</td>
                <td class="num" data-value=t.overruns.to_string()>{t.overruns}</td>
            </tr>
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{title}</h2>
            <div class="table-wrap"><table data-testid=testid>
                <thead><tr><th>{head}</th><th class="num">{lang.pick("Dossiers", "Files")}</th>
                <th class="num">{lang.pick("Encours", "Outstanding")}</th><th class="num">{lang.pick("Échu", "Overdue")}</th>
                <th class="num">{lang.pick("> 90 j", "> 90 d")}</th><th class="num">{lang.pick("Dépassements", "Overruns")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        </section>
    }
}

fn file_row(state: AppState, lang: Lang, l: &Line) -> impl IntoView {
    let id = l.id.clone();
    let over = is_overrun(&l.figures);
    let f = &l.figures;
    view! {
        <tr class="monitoring-row" data-testid="monitoring-row" data-id=l.id.clone() class:overrun=over on:click=move |_| state.open(&id, View::Ledger)>
            <td><button type="button" class="row-open">{display_name(&l.name, lang)}</button>
                {over.then(|| view! { <span class="flag flag-bad" data-testid="row-overrun">{lang.pick(" dépassement", " over limit")}</span> })}</td>
            <td>{l.class.map(|c| c.key()).unwrap_or("—")}</td>
            <td class="num">{format_amount_places(lang, f.encours, 2)}</td>
            <td class="num">{f.limit.map(|v| format_amount_places(lang, v, 2)).unwrap_or_default()}</td>
            <td class="num">{format_amount_places(lang, f.overdue, 2)}</td>
            <td class="num">{format_amount_places(lang, f.aged_in(Bucket::Over90), 2)}</td>
        </tr>
    }
}
