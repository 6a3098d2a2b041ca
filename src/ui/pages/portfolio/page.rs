//! The portfolio screen: search, sort, the first rows at once and the rest in slices, the
//! portfolio's charts, import, export and the demo.

use leptos::prelude::*;

use super::row_view::*;
use super::rows::*;
use crate::domain::analysis::verdict;
use crate::domain::policy_history::rating_status;
use crate::domain::receivables::figures::figures;
use crate::domain::receivables::monitoring::is_overrun;
use crate::ui::import::{load_demo, ImportButton, ImportFeedback};
use crate::ui::io::fold;
use crate::ui::ledger_import::LedgerImportButton;
use crate::ui::use_state;

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
                        let overrun = f.ledger.as_ref().is_some_and(|l| {
                            let rules = policy.receivables.figure_rules();
                            is_overrun(&figures(l, Some(a.limit.recommended), &rules))
                        });
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
                            overrun,
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
                <LedgerImportButton/>
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
                    <LedgerImportButton/>
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
