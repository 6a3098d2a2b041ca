//! The portfolio screen: every client file with its verdict, search, sort, and the file actions
//! (new, duplicate, delete with undo, import, export all, demo portfolio).
//!
//! Each row's verdict (the engine on the latest year only: `analysis::verdict`) is computed in a
//! memo keyed on the files and the policy, which lives only while this screen is shown; searching
//! and sorting work on that memo's rows and never re-run the engine.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::analysis::verdict;
use crate::domain::figure::{amount_value, ratio_value};
use crate::domain::grid::RiskClass;
use crate::domain::policy_history::{rating_status, RatingStatus};
use crate::ui::components::rating_status::rating_badge;
use crate::ui::format::{format_amount, format_date, format_number, not_available};
use crate::ui::import::{load_demo, ImportButton, ImportFeedback};
use crate::ui::io::fold;
use crate::ui::{display_name, use_state, Lang, View};

/// One row of the table: what the engine said of one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    /// Lower case without accents: search and sort.
    name_key: String,
    siren: String,
    class: RiskClass,
    provisional: bool,
    score: Option<Decimal>,
    limit: Decimal,
    review_due: NaiveDate,
    /// Closing date of the latest statement.
    latest: Option<NaiveDate>,
    /// The latest statement is older than the policy allows.
    stale: bool,
    /// The recorded rating against the policy in force (version `policy_version`).
    rating: RatingStatus,
    policy_version: u32,
}

/// Rows drawn at once when the screen opens (more than a tablet shows below the chart); then, per
/// animation frame, as many again (25, 50, 100, …) up to `MAX_SLICE`: each frame's style and layout covers the whole table, so growing
/// slices keep the total work near linear (fixed slices of 80 made it quadratic), and the cap keeps
/// each frame short enough for the page to answer a tap meanwhile.
const FIRST_SLICE: usize = 25;
const MAX_SLICE: usize = 250;

/// Columns that sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    Siren,
    Class,
    Score,
    Limit,
    Review,
    Statements,
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        m -= 1;
    }
    m.max(0) as u32
}

/// SIREN grouped by three for reading ("552 100 554"); anything else as typed.
fn siren_display(s: &str) -> String {
    if s.len() == 9 && s.chars().all(|c| c.is_ascii_digit()) {
        format!("{}\u{A0}{}\u{A0}{}", &s[0..3], &s[3..6], &s[6..9])
    } else {
        s.to_string()
    }
}

fn compare(a: &Row, b: &Row, key: SortKey) -> Ordering {
    // Absent values sort after present ones, whatever the direction of the rest.
    fn opt<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let primary = match key {
        SortKey::Name => a.name_key.cmp(&b.name_key),
        SortKey::Siren => a.siren.cmp(&b.siren),
        SortKey::Class => a.class.cmp(&b.class),
        SortKey::Score => opt(&a.score, &b.score),
        SortKey::Limit => a.limit.cmp(&b.limit),
        SortKey::Review => a.review_due.cmp(&b.review_due),
        SortKey::Statements => opt(&a.latest, &b.latest),
    };
    primary
        .then_with(|| a.name_key.cmp(&b.name_key))
        .then_with(|| a.id.cmp(&b.id))
}

/// The coloured class badge: the letter and the word, never colour alone.
pub fn class_badge(class: RiskClass, lang: Lang, provisional: bool) -> impl IntoView {
    let key = class.key();
    view! {
        <span class=format!("class-badge class-{key}") data-testid="row-class" data-value=key>
            <span class="class-letter">{key}</span>
            <span class="class-word">{class.label(lang)}</span>
            {provisional.then(|| view! {
                <span class="class-prov" title=lang.pick("Notation provisoire : dossier incomplet", "Provisional rating: incomplete file")>
                    {lang.pick("prov.", "prov.")}
                </span>
            })}
        </span>
    }
}

/// The portfolio screen.
#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let today = state.today;

    // The engine's verdict on every file; recomputed only when a file or the policy changes.
    let rows = crate::ui::components::memo(move || {
        state.policy.with(|policy| {
            state.files.with(|files| {
                files
                    .iter()
                    .map(|f| {
                        let a = verdict(f, policy, today.get());
                        let latest = a.latest().map(|y| y.closing_date);
                        Row {
                            id: f.id.clone(),
                            name: f.name.clone(),
                            name_key: fold(f.name.trim()),
                            siren: f.siren.clone(),
                            class: a.grid.class,
                            provisional: a.grid.provisional,
                            score: a.grid.score,
                            limit: a.limit.recommended,
                            review_due: a.limit.review_due,
                            latest,
                            stale: a.stale,
                            rating: rating_status(f, policy),
                            policy_version: policy.version,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });

    let query = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Name, true));

    let shown = crate::ui::components::memo(move || {
        let q = fold(query.get().trim());
        let q_digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        let (key, asc) = sort.get();
        rows.with(|rows| {
            let mut v: Vec<Row> = rows
                .iter()
                .filter(|r| {
                    q.is_empty()
                        || r.name_key.contains(&q)
                        || (!q_digits.is_empty() && r.siren.contains(&q_digits))
                        || r.id.contains(&q)
                })
                .cloned()
                .collect();
            crate::domain::sorting::sort_by(&mut v, |a, b| {
                let o = compare(a, b, key);
                if asc {
                    o
                } else {
                    o.reverse()
                }
            });
            v
        })
    });

    let count = move || state.files.with(<[_]>::len);

    // A large portfolio is drawn in slices, one per animation frame: the first rows are on screen
    // and the page answers at once, the rest follows within a few frames.
    let limit = RwSignal::new(FIRST_SLICE);
    let growing = StoredValue::new(false);
    fn grow(limit: RwSignal<usize>, total: Memo<Vec<Row>>, growing: StoredValue<bool>) {
        let n = total.try_with_untracked(Vec::len).unwrap_or(0);
        match limit.try_get_untracked() {
            Some(cur) if cur < n => {
                limit.set(cur + cur.clamp(1, MAX_SLICE));
                request_animation_frame(move || grow(limit, total, growing));
            }
            _ => {
                let _ = growing.try_set_value(false);
            }
        }
    }
    crate::ui::components::effect(move || {
        let n = shown.with(Vec::len);
        if limit.get_untracked() < n && !growing.get_value() {
            growing.set_value(true);
            request_animation_frame(move || grow(limit, shown, growing));
        }
    });

    let header = move |key: SortKey, fr: &'static str, en: &'static str, class: &'static str| {
        let aria = move || {
            let (k, asc) = sort.get();
            if k == key {
                if asc {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            }
        };
        let arrow = move || {
            let (k, asc) = sort.get();
            if k != key {
                ""
            } else if asc {
                " ▲"
            } else {
                " ▼"
            }
        };
        view! {
            <th scope="col" class=class aria-sort=aria>
                <button class="th-sort" on:click=move |_| sort.update(|(k, asc)| {
                    if *k == key { *asc = !*asc } else { *k = key; *asc = true }
                })>
                    {move || lang.get().pick(fr, en)}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let export_all = move |_| state.export_all();

    let empty_state = move || {
        let l = lang.get();
        view! {
            <div class="empty-state" data-testid="portfolio-empty">
                <h1>{l.pick("Aucun dossier pour l'instant", "No client file yet")}</h1>
                <p class="empty-lead">{l.pick(
                    "Créez un dossier pour noter un client, ou chargez le portefeuille de démonstration pour découvrir l'outil.",
                    "Create a file to rate a client, or load the demo portfolio to discover the tool.",
                )}</p>
                <div class="empty-actions">
                    <button class="btn btn-primary btn-large" data-testid="new-client" on:click=move |_| state.create_file()>
                        {l.pick("+ Nouveau client", "+ New client")}
                    </button>
                    <button class="btn btn-large" data-testid="load-demo" on:click=move |_| load_demo(state)>
                        {l.pick("Charger la démo", "Load the demo")}
                    </button>
                </div>
                <p class="muted">{l.pick("Vos dossiers restent dans ce navigateur.", "Your files stay in this browser.")}</p>
                <p class="muted">
                    {l.pick("Vous avez un fichier d'échange ? ", "Have an exchange file? ")}
                </p>
                <ImportButton testid="import-file" label=Signal::derive(move || lang.get().pick("Importer un fichier", "Import a file"))/>
            </div>
        }
    };

    let table = move || {
        view! {
            <div class="toolbar">
                <div class="search">
                    <label class="visually-hidden" for="portfolio-search">{move || lang.get().pick("Rechercher", "Search")}</label>
                    <input
                        id="portfolio-search"
                        type="search"
                        data-testid="portfolio-search"
                        autocomplete="off"
                        placeholder=move || lang.get().pick("Rechercher un nom ou un SIREN", "Search a name or SIREN")
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </div>
                <div class="toolbar-actions">
                    <button class="btn btn-primary" data-testid="new-client" on:click=move |_| state.create_file()>
                        {move || lang.get().pick("+ Nouveau client", "+ New client")}
                    </button>
                    <ImportButton testid="import-file" label=Signal::derive(move || lang.get().pick("Importer", "Import"))/>
                    <button class="btn" data-testid="export-all" on:click=export_all>
                        <span aria-hidden="true">"⤒ "</span>
                        {move || lang.get().pick("Exporter tout", "Export all")}
                    </button>
                    {crate::ui::io::share_export_button(state)}
                    <button class="btn btn-ghost" data-testid="load-demo" on:click=move |_| load_demo(state)>
                        {move || lang.get().pick("Charger la démo", "Load the demo")}
                    </button>
                    {crate::ui::import::reset_demo_control(state, false)}
                </div>
            </div>
            // Exposure and count by class, over every file (not only those the search shows).
            {move || {
                let ratings: Vec<_> = rows.with(|rows| rows.iter().map(|r| (r.class, r.limit)).collect());
                let totals = crate::domain::portfolio::exposure_by_class(&ratings);
                crate::ui::components::charts::class_chart(lang.get(), &totals)
            }}
            <p class="table-count muted" data-testid="portfolio-count" data-value=move || shown.with(Vec::len).to_string()>
                {move || {
                    let l = lang.get();
                    let n = shown.with(Vec::len);
                    let total = count();
                    match (l.is_fr(), n == total) {
                        (true, true) => format!("{total} dossier{}", if total > 1 { "s" } else { "" }),
                        (false, true) => format!("{total} file{}", if total > 1 { "s" } else { "" }),
                        (true, false) => format!("{n} sur {total} dossiers"),
                        (false, false) => format!("{n} of {total} files"),
                    }
                }}
            </p>
            <div class="table-wrap">
                <table class="portfolio-table" data-testid="portfolio-table">
                    <thead>
                        <tr>
                            {header(SortKey::Name, "Client", "Client", "col-name")}
                            {header(SortKey::Siren, "SIREN", "SIREN", "col-siren")}
                            {header(SortKey::Class, "Classe", "Class", "col-class")}
                            {header(SortKey::Score, "Score", "Score", "col-num")}
                            {header(SortKey::Limit, "Encours recommandé", "Recommended limit", "col-num")}
                            {header(SortKey::Review, "Révision", "Review due", "col-date")}
                            {header(SortKey::Statements, "Derniers comptes", "Latest statements", "col-date")}
                            <th scope="col" class="col-actions"><span class="visually-hidden">{move || lang.get().pick("Actions", "Actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || {
                                let l = lang.get();
                                let n = limit.get();
                                // The day is part of the key: past midnight, overdue reviews and
                                // ages are drawn anew.
                                let d = today.get();
                                shown.with(|rows| rows.iter().take(n).map(|r| (l, r.clone(), d)).collect::<Vec<_>>())
                            }
                            key=|row| row.clone()
                            children=move |(l, r, d)| view! { <RowView row=r lang=l today=d/> }
                        />
                    </tbody>
                </table>
                {move || (shown.with(Vec::is_empty) && count() > 0).then(|| {
                    let l = lang.get();
                    let q = query.get();
                    view! {
                        <p class="no-match" data-testid="portfolio-no-match">
                            {if l.is_fr() { format!("Aucun dossier ne correspond à « {q} ».") } else { format!("No file matches “{q}”.") }}
                        </p>
                    }
                })}
            </div>
        }
    };

    view! {
        <section class="page portfolio-page" data-testid="portfolio-page">
            <div class="page-head">
                <h1 class="page-title">{move || lang.get().pick("Portefeuille", "Portfolio")}</h1>
            </div>
            <ImportFeedback/>
            {move || if count() == 0 { empty_state().into_any() } else { table().into_any() }}
        </section>
    }
}

/// One row; a tap anywhere on it opens the file.
#[component]
fn RowView(row: Row, lang: Lang, today: NaiveDate) -> impl IntoView {
    let state = use_state();
    let fr = lang.is_fr();
    let open_id = row.id.clone();
    let open = move || state.open(&open_id, View::Client);
    let open_click = open.clone();
    let dup_id = row.id.clone();
    let del_id = row.id.clone();
    let name = display_name(&row.name, lang);
    let unnamed = row.name.trim().is_empty();
    let overdue = row.review_due < today;
    let age = row.latest.map(|d| months_between(d, today));
    let statements = match (row.latest, age) {
        (Some(d), Some(m)) => {
            let age = if fr {
                format!("{m} mois")
            } else {
                format!("{m} mo")
            };
            view! {
                <span>{age}</span>
                <span class="row-date">{format_date(lang, d)}</span>
                {row.stale.then(|| view! {
                    <span class="flag flag-warn" data-testid="row-stale">
                        <span aria-hidden="true">"⚠ "</span>{lang.pick("ancien", "stale")}
                    </span>
                })}
            }
            .into_any()
        }
        _ => view! { <span class="muted">{lang.pick("aucun", "none")}</span> }.into_any(),
    };
    let score_text = row
        .score
        .map(|s| format_number(lang, s, 0))
        .unwrap_or_else(|| not_available(lang).to_string());
    let name_label = if fr {
        format!("Ouvrir le dossier {name}")
    } else {
        format!("Open file {name}")
    };
    view! {
        <tr
            class="client-row"
            data-testid="client-row"
            data-id=row.id.clone()
            on:click=move |_| open_click()
        >
            <td class="col-name">
                <button
                    class="row-open"
                    class:unnamed=unnamed
                    data-testid="row-name"
                    aria-label=name_label
                >
                    {name.clone()}
                </button>
                <span class="row-sub">{siren_display(&row.siren)}</span>
            </td>
            <td class="col-siren" data-testid="row-siren" data-value=row.siren.clone()>{siren_display(&row.siren)}</td>
            <td class="col-class">
                {class_badge(row.class, lang, row.provisional)}
                {rating_badge(state, row.id.clone(), row.rating, None, row.policy_version, lang, true)}
            </td>
            <td class="col-num" data-testid="row-score" data-value=ratio_value(row.score)>{score_text}</td>
            <td class="col-num" data-testid="row-limit" data-value=amount_value(Some(row.limit))>{format_amount(lang, row.limit)}</td>
            <td class="col-date" class:overdue=overdue data-testid="row-review" data-value=row.review_due.to_string()>
                {format_date(lang, row.review_due)}
                {overdue.then(|| view! { <span class="flag flag-warn">{lang.pick(" à revoir", " overdue")}</span> })}
            </td>
            <td class="col-date" data-testid="row-statements" data-value=row.latest.map(|d| d.to_string()).unwrap_or_default() data-stale=row.stale.to_string()>
                {statements}
            </td>
            <td class="col-actions">
                <button
                    class="btn-icon"
                    data-testid="row-duplicate"
                    title=lang.pick("Dupliquer", "Duplicate")
                    aria-label=if fr { format!("Dupliquer {name}") } else { format!("Duplicate {name}") }
                    on:click=move |ev| { ev.stop_propagation(); state.duplicate_file(&dup_id); }
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <rect x="8" y="8" width="12" height="12" rx="2"/>
                        <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2"/>
                    </svg>
                </button>
                <button
                    class="btn-icon btn-danger"
                    data-testid="row-delete"
                    title=lang.pick("Supprimer", "Delete")
                    aria-label=if fr { format!("Supprimer {name}") } else { format!("Delete {name}") }
                    on:click=move |ev| { ev.stop_propagation(); state.delete_file(&del_id); }
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"/>
                    </svg>
                </button>
            </td>
        </tr>
    }
}
