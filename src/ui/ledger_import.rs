//! The ledger import flow (docs/receivables.md §2–4): a FEC or an open-items CSV picked in the
//! portfolio (`ledger-import-file`), read in slices with the progress indicator painted between
//! them so the page stays usable, then the dialogue: the situation date, the à-nouveaux journals
//! (FEC) or the column mapping and the mode (CSV), matched customers with what changes, unmatched
//! ones with a choice each (`ledger-create-all` creates a file for every one), and
//! `import-confirm`. Nothing is stored before it; a refused file says why with its line and
//! column in `import-error`. The rules are the workspace's ([`Workspace::plan_ledger`],
//! [`Workspace::apply_ledger`]) and the readers' (`domain::receivables`).

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::receivables::fec::{FecOptions, FecReader, FecTable, Journal};
use crate::domain::receivables::open_items::{
    preview, read_open_items, ColumnMapping, CsvPreview, Field,
};
use crate::domain::receivables::source::{CsvMode, ReadError, Source};
use crate::store::Bilingual;
use crate::workspace::{CustomerChoice, LedgerPlan};

use super::busy::after_paint;
use super::format::{format_amount_places, format_date};
use super::import::ImportStatus;
use super::io::read_picked_bytes;
use super::{display_name, use_state, AppState, Lang};

/// Largest ledger file read (a FEC of a few hundred thousand lines is tens of MB).
const MAX_LEDGER_BYTES: f64 = 150_000_000.0;
/// Time a slice of reading may take before the page gets a frame (ms).
const SLICE_MS: f64 = 40.0;

/// What the file is, with what the dialogue can change.
#[derive(Clone)]
pub enum LedgerData {
    Fec {
        table: Arc<FecTable>,
        journals: Vec<Journal>,
        opening: Vec<String>,
    },
    Csv {
        bytes: Arc<Vec<u8>>,
        preview: CsvPreview,
        mapping: ColumnMapping,
        mode: CsvMode,
    },
}

/// An import waiting in the dialogue.
#[derive(Clone)]
pub struct LedgerImport {
    pub name: String,
    pub data: LedgerData,
    pub as_of: NaiveDate,
    /// `None` while the options do not give a readable source (a CSV mapping missing a column);
    /// the reason is `problem`.
    pub plan: Option<LedgerPlan>,
    pub problem: Option<ReadError>,
}

fn refused(name: &str, e: &ReadError) -> Bilingual {
    Bilingual::new(
        format!(
            "Fichier refusé (« {name} ») — {}. Rien n'a été modifié.",
            e.message(Lang::Fr)
        ),
        format!(
            "File refused (“{name}”) — {}. Nothing was changed.",
            e.message(Lang::En)
        ),
    )
}

/// True when the first line names the FEC's columns.
fn looks_like_fec(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .copied()
        .take_while(|b| *b != b'\n' && *b != b'\r')
        .collect();
    let head = String::from_utf8_lossy(&head).to_lowercase();
    head.contains("journalcode") && head.contains("ecriturenum")
}

/// Reads the file picked in `input` and opens the dialogue, or says why it was refused.
pub fn ledger_from_input(state: AppState, input: &web_sys::HtmlInputElement) {
    state.import_status.set(ImportStatus::Idle);
    read_picked_bytes(input, MAX_LEDGER_BYTES, move |read| match read {
        Err(e) => state.import_status.set(ImportStatus::Error(Bilingual::new(
            e.message(Lang::Fr),
            e.message(Lang::En),
        ))),
        Ok((name, bytes)) => {
            state.busy.set(Some(Bilingual::new(
                format!("Lecture de « {name} »…"),
                format!("Reading “{name}”…"),
            )));
            after_paint(move || {
                if looks_like_fec(&bytes) {
                    match FecReader::new(&bytes) {
                        Ok(reader) => read_slices(state, name, reader),
                        Err(e) => fail(state, &name, &e),
                    }
                } else {
                    open_csv(state, name, bytes);
                }
            });
        }
    });
}

fn fail(state: AppState, name: &str, e: &ReadError) {
    state.busy.set(None);
    state
        .import_status
        .set(ImportStatus::Error(refused(name, e)));
}

/// Reads a FEC a slice at a time, painting the progress between slices.
fn read_slices(state: AppState, name: String, mut reader: FecReader) {
    let started = js_sys::Date::now();
    loop {
        match reader.step(2_000) {
            Err(e) => return fail(state, &name, &e),
            Ok(true) => break,
            Ok(false) if js_sys::Date::now() - started > SLICE_MS => {
                let (done, total) = reader.progress();
                let pct = done.saturating_mul(100).checked_div(total).unwrap_or(100);
                state.busy.set(Some(Bilingual::new(
                    format!("Lecture de « {name} »… {pct} %"),
                    format!("Reading “{name}”… {pct}%"),
                )));
                return after_paint(move || read_slices(state, name, reader));
            }
            Ok(false) => {}
        }
    }
    state.busy.set(Some(Bilingual::new(
        format!("Rapprochement des clients de « {name} »…"),
        format!("Matching the customers of “{name}”…"),
    )));
    after_paint(move || match reader.finish() {
        Err(e) => fail(state, &name, &e),
        Ok(table) => {
            let journals = table.journals();
            let opening = journals
                .iter()
                .filter(|j| j.opening)
                .map(|j| j.code.clone())
                .collect();
            let prefixes = state
                .policy
                .with_untracked(|p| p.receivables.receivable_prefixes.clone());
            let as_of = table
                .latest_receivable_date(&prefixes)
                .unwrap_or_else(|| state.today.get_untracked());
            let data = LedgerData::Fec {
                table: Arc::new(table),
                journals,
                opening,
            };
            open_dialog(state, name, data, as_of);
        }
    });
}

/// The demo's situation (`samples/demo-situation.csv`): four demo clients' open items and recent
/// payments on 15/11/2026, matched to the demo files by their SIREN.
const DEMO_SITUATION: &str = include_str!("../../samples/demo-situation.csv");

/// Opens the import dialogue on the demo's situation, dated 15/11/2026.
pub fn load_demo_situation(state: AppState) {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 15);
    let name = state
        .lang
        .get_untracked()
        .pick("situation de démo", "demo situation")
        .to_string();
    open_csv_at(state, name, DEMO_SITUATION.as_bytes().to_vec(), as_of);
}

/// The button that loads the demo's situation (`load-demo-ledger`).
#[component]
pub fn DemoSituationButton() -> impl IntoView {
    let state = use_state();
    view! {
        <button type="button" class="btn" data-testid="load-demo-ledger" on:click=move |_| load_demo_situation(state)>
            {move || state.lang.get().pick("Charger la situation de démo", "Load the demo situation")}
        </button>
    }
}

fn open_csv(state: AppState, name: String, bytes: Vec<u8>) {
    open_csv_at(state, name, bytes, None);
}

/// Opens the dialogue on a CSV, at `as_of` (default: today).
fn open_csv_at(state: AppState, name: String, bytes: Vec<u8>, as_of: Option<NaiveDate>) {
    match preview(&bytes) {
        Err(e) => fail(state, &name, &e),
        Ok(p) => {
            let remembered = state.read(|w| w.remembered_csv_mapping());
            let mapping = if remembered.is_empty() {
                p.mapping.clone()
            } else {
                let m = ColumnMapping::from_names(&remembered, &p.header);
                if m.missing_required().is_empty() {
                    m
                } else {
                    p.mapping.clone()
                }
            };
            let data = LedgerData::Csv {
                bytes: Arc::new(bytes),
                preview: p,
                mapping,
                mode: CsvMode::Stock,
            };
            let as_of = as_of.unwrap_or_else(|| state.today.get_untracked());
            open_dialog(state, name, data, as_of);
        }
    }
}

/// Reads the source with the dialogue's options.
fn source_of(state: AppState, data: &LedgerData, as_of: NaiveDate) -> Result<Source, ReadError> {
    match data {
        LedgerData::Fec { table, opening, .. } => {
            let prefixes = state
                .policy
                .with_untracked(|p| p.receivables.receivable_prefixes.clone());
            table.summarise(&FecOptions {
                as_of: Some(as_of),
                opening_journals: Some(opening.clone()),
                prefixes,
            })
        }
        LedgerData::Csv {
            bytes,
            mapping,
            mode,
            ..
        } => read_open_items(bytes, mapping, as_of, *mode),
    }
}

fn open_dialog(state: AppState, name: String, data: LedgerData, as_of: NaiveDate) {
    let mut import = LedgerImport {
        name,
        data,
        as_of,
        plan: None,
        problem: None,
    };
    replan(state, &mut import);
    state.busy.set(None);
    if import.plan.is_none() && matches!(import.data, LedgerData::Fec { .. }) {
        if let Some(e) = &import.problem {
            return fail(state, &import.name.clone(), e);
        }
    }
    state.ledger_import.set(Some(import));
}

/// Reads the source again with the options as they are now, keeping the choices made.
fn replan(state: AppState, import: &mut LedgerImport) {
    match source_of(state, &import.data, import.as_of) {
        Ok(source) => {
            let previous = import.plan.take();
            import.plan =
                Some(state.read(|w| w.plan_ledger(&import.name, source, previous.as_ref())));
            import.problem = None;
        }
        Err(e) => {
            import.plan = None;
            import.problem = Some(e);
        }
    }
}

/// Changes the pending import and plans it again.
fn edit(state: AppState, change: impl FnOnce(&mut LedgerImport)) {
    let Some(mut import) = state.ledger_import.get_untracked() else {
        return;
    };
    change(&mut import);
    replan(state, &mut import);
    state.ledger_import.set(Some(import));
}

fn confirm(state: AppState) {
    let Some(import) = state.ledger_import.get_untracked() else {
        return;
    };
    let Some(plan) = import.plan.clone() else {
        return;
    };
    if let LedgerData::Csv {
        preview, mapping, ..
    } = &import.data
    {
        let pairs = mapping.by_names(&preview.header);
        state.act(|w| w.remember_csv_mapping(&pairs));
    }
    state.busy.set(Some(Bilingual::new(
        "Enregistrement de la situation…",
        "Saving the situation…",
    )));
    after_paint(move || {
        let result = state.act(|w| w.apply_ledger(&plan));
        state.busy.set(None);
        match result {
            Some(Ok(_)) => state.ledger_import.set(None),
            Some(Err(refusal)) => {
                state.ledger_import.set(None);
                state.import_status.set(ImportStatus::Error(refusal));
            }
            None => {}
        }
    });
}

/// The button and file input of the portfolio (`ledger-import-file`).
#[component]
pub fn LedgerImportButton() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <label class="btn file-btn">
            <input type="file" class="visually-hidden" accept=".txt,.csv,.tsv,text/plain,text/csv" data-testid="ledger-import-file"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    ledger_from_input(state, &input);
                }/>
            <span aria-hidden="true">"⤓ "</span>
            {move || lang.get().pick("Importer un FEC ou une balance âgée", "Import a FEC or an aged balance")}
        </label>
    }
}

/// The dialogue of a ledger import.
#[component]
pub fn LedgerImportDialog() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let import = state.ledger_import.get()?;
        Some(dialog(state, lang, &import))
    }
}

fn dialog(state: AppState, lang: Lang, import: &LedgerImport) -> AnyView {
    let fr = lang.is_fr();
    let options = match &import.data {
        LedgerData::Fec {
            journals, opening, ..
        } => fec_options(state, lang, journals, opening).into_any(),
        LedgerData::Csv {
            preview,
            mapping,
            mode,
            ..
        } => csv_options(state, lang, preview, mapping, *mode).into_any(),
    };
    let problem = import.problem.as_ref().map(|e| e.message(lang));
    let plan_view = import.plan.as_ref().map(|p| plan_view(state, lang, p));
    let ready = import.plan.is_some();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="ledger-import-title" data-testid="ledger-import-dialog">
                <h2 id="ledger-import-title">{lang.pick("Importer une situation — ", "Import a situation — ")}{import.name.clone()}</h2>
                <label class="field">
                    <span>{lang.pick("Date de situation", "Situation date")}</span>
                    <input type="date" data-testid="ledger-as-of-input" prop:value=import.as_of.to_string()
                        on:change=move |ev| {
                            if let Some(d) = crate::domain::parse::parse_iso_date(&event_target_value(&ev)) {
                                edit(state, |i| i.as_of = d);
                            }
                        }/>
                </label>
                {options}
                {problem.map(|p| view! { <p class="field-error" data-testid="ledger-import-problem">{p}</p> })}
                {plan_view}
                <div class="dialog-actions">
                    <button class="btn" data-testid="import-cancel" on:click=move |_| state.ledger_import.set(None)>
                        {lang.pick("Annuler", "Cancel")}
                    </button>
                    <button class="btn btn-primary" data-testid="import-confirm" disabled=!ready on:click=move |_| confirm(state)>
                        {if fr { "Importer" } else { "Import" }}
                    </button>
                </div>
            </div>
        </div>
    }
    .into_any()
}

fn fec_options(
    state: AppState,
    lang: Lang,
    journals: &[Journal],
    opening: &[String],
) -> impl IntoView {
    let boxes = journals
        .iter()
        .map(|j| {
            let code = j.code.clone();
            let checked = opening.contains(&j.code);
            view! {
                <label class="check">
                    <input type="checkbox" data-testid="ledger-opening-journal" data-value=j.code.clone() prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let code = code.clone();
                            edit(state, move |i| if let LedgerData::Fec { opening, .. } = &mut i.data {
                                opening.retain(|c| c != &code);
                                if on { opening.push(code); }
                            });
                        }/>
                    {format!(" {} — {}", j.code, j.label)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="journals">
            <legend>{lang.pick("Journaux d'à-nouveaux", "Opening-balance journals")}</legend>
            {boxes}
        </fieldset>
    }
}

fn csv_options(
    state: AppState,
    lang: Lang,
    preview: &CsvPreview,
    mapping: &ColumnMapping,
    mode: CsvMode,
) -> impl IntoView {
    let header = preview.header.clone();
    let selects = Field::ALL
        .iter()
        .map(|&field| {
            let options = std::iter::once((String::new(), lang.pick("— aucune —", "— none —").to_string()))
                .chain(header.iter().enumerate().map(|(i, h)| (i.to_string(), h.clone())))
                .map(|(v, label)| {
                    let selected = mapping.get(field).map(|c| c.to_string()).unwrap_or_default() == v;
                    view! { <option value=v selected=selected>{label}</option> }
                })
                .collect_view();
            let required = if field.required() { " *" } else { "" };
            view! {
                <label class="field">
                    <span>{field.label(lang)}{required}</span>
                    <select data-testid=format!("ledger-map-{}", field.key()) on:change=move |ev| {
                        let column = event_target_value(&ev).parse::<usize>().ok();
                        edit(state, move |i| if let LedgerData::Csv { mapping, .. } = &mut i.data { mapping.set(field, column) });
                    }>{options}</select>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="mapping">
            <legend>{lang.pick("Colonnes du fichier", "The file's columns")}</legend>
            <div class="mapping-grid">{selects}</div>
        </fieldset>
        <label class="field">
            <span>{lang.pick("Le fichier liste", "The file lists")}</span>
            <select data-testid="ledger-mode" on:change=move |ev| {
                let mode = if event_target_value(&ev) == "delta" { CsvMode::Delta } else { CsvMode::Stock };
                edit(state, move |i| if let LedgerData::Csv { mode: m, .. } = &mut i.data { *m = mode });
            }>
                <option value="stock" selected=mode == CsvMode::Stock>{lang.pick("toutes les pièces ouvertes (les autres sont soldées)", "every open item (the others are closed)")}</option>
                <option value="delta" selected=mode == CsvMode::Delta>{lang.pick("seulement des changements", "only changes")}</option>
            </select>
        </label>
    }
}

fn plan_view(state: AppState, lang: Lang, plan: &LedgerPlan) -> impl IntoView {
    let files: Vec<(String, String)> = state.files.with_untracked(|fs| {
        fs.iter()
            .map(|f| (f.id.clone(), display_name(&f.name, lang)))
            .collect()
    });
    let matched = plan
        .customers
        .iter()
        .filter(|c| c.matched.is_some())
        .count();
    let unmatched = plan.customers.len() - matched;
    let rows = plan
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = if c.customer.name.trim().is_empty() { lang.pick("(sans nom)", "(no name)").to_string() } else { c.customer.name.clone() };
            let ch = c.changes;
            let what = if lang.is_fr() {
                format!("{} ajoutée(s), {} soldée(s), {} modifiée(s) · encours {} → {}", ch.added, ch.closed, ch.updated,
                    format_amount_places(lang, ch.encours_before, 2), format_amount_places(lang, ch.encours_after, 2))
            } else {
                format!("{} added, {} closed, {} updated · outstanding {} → {}", ch.added, ch.closed, ch.updated,
                    format_amount_places(lang, ch.encours_before, 2), format_amount_places(lang, ch.encours_after, 2))
            };
            let value = match &c.choice {
                CustomerChoice::Link(id) => format!("link:{id}"),
                CustomerChoice::Create => "create".into(),
                CustomerChoice::Skip => "skip".into(),
            };
            let options = [("create".to_string(), lang.pick("Créer un dossier", "Create a file").to_string()), ("skip".to_string(), lang.pick("Ignorer", "Skip").to_string())]
                .into_iter()
                .chain(files.iter().map(|(id, n)| (format!("link:{id}"), format!("{} {n}", lang.pick("Rattacher à", "Link to")))))
                .map(|(v, label)| { let sel = v == value; view! { <option value=v selected=sel>{label}</option> } })
                .collect_view();
            view! {
                <li class="ledger-customer" data-testid="ledger-customer" data-code=c.customer.code.clone() data-matched=c.matched.is_some().to_string()>
                    <div><strong>{name}</strong>" · "<code>{c.customer.code.clone()}</code></div>
                    <div class="muted">{what}</div>
                    <select data-testid="ledger-customer-choice" aria-label=lang.pick("Que faire de ce client ?", "What to do with this customer?") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let choice = match v.as_str() {
                            "create" => CustomerChoice::Create,
                            "skip" => CustomerChoice::Skip,
                            other => CustomerChoice::Link(other.trim_start_matches("link:").to_string()),
                        };
                        if let Some(mut import) = state.ledger_import.get_untracked() {
                            if let Some(p) = import.plan.as_mut() { state.read(|w| w.choose_for_customer(p, i, choice)); }
                            state.ledger_import.set(Some(import));
                        }
                    }>{options}</select>
                </li>
            }
        })
        .collect_view();
    let r = plan.source.report;
    let report = if lang.is_fr() {
        format!("{} lignes lues, {} lignes clients, {} après la date ignorées, {} écritures déséquilibrées, {} dates de pièce remplacées.", r.lines, r.receivable_lines, r.after_as_of, r.unbalanced_entries, r.piece_date_fallbacks)
    } else {
        format!("{} lines read, {} customer lines, {} after the date ignored, {} unbalanced entries, {} document dates replaced.", r.lines, r.receivable_lines, r.after_as_of, r.unbalanced_entries, r.piece_date_fallbacks)
    };
    let summary = if lang.is_fr() {
        format!("Situation au {} : {matched} client(s) reconnu(s), {unmatched} à rattacher. Encours importé : {}.", format_date(lang, plan.source.as_of), format_amount_places(lang, plan.encours_after(), 2))
    } else {
        format!("Situation at {}: {matched} customer(s) matched, {unmatched} to place. Outstanding imported: {}.", format_date(lang, plan.source.as_of), format_amount_places(lang, plan.encours_after(), 2))
    };
    view! {
        <p data-testid="ledger-plan-summary">{summary}</p>
        <p class="muted" data-testid="ledger-report">{report}</p>
        {(unmatched > 0).then(|| view! {
            <button class="btn" data-testid="ledger-create-all" on:click=move |_| {
                if let Some(mut import) = state.ledger_import.get_untracked() {
                    if let Some(p) = import.plan.as_mut() { state.read(|w| w.create_all_unmatched(p)); }
                    state.ledger_import.set(Some(import));
                }
            }>{lang.pick("Créer un dossier pour chaque client non reconnu", "Create a file for each unmatched customer")}</button>
        })}
        <ul class="ledger-customers">{rows}</ul>
    }
}
