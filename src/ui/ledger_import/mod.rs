//! The ledger import flow (docs/receivables.md §2–4): a FEC or an open-items CSV picked in the
//! portfolio (`ledger-import-file`), read in slices with the progress indicator painted between
//! them so the page stays usable, then the dialogue: the situation date, the à-nouveaux journals
//! (FEC) or the column mapping and the mode (CSV), matched customers with what changes, unmatched
//! ones with a choice each (`ledger-create-all` creates a file for every one), and
//! `import-confirm`. Nothing is stored before it; a refused file says why with its line and
//! column in `import-error`. The rules are the workspace's ([`Workspace::plan_ledger`],
//! [`Workspace::apply_ledger`]) and the readers' (`domain::receivables`).
//!
//! Rooms: this file reads and plans; `dialog` draws the dialogue and sends its choices back
//! through [`edit`] and [`confirm`].

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

mod dialog;

pub use dialog::LedgerImportDialog;

use crate::domain::receivables::fec::{FecOptions, FecReader, FecTable, Journal};
use crate::domain::receivables::open_items::{preview, read_open_items, ColumnMapping, CsvPreview};
use crate::domain::receivables::source::{CsvMode, ReadError, Source};
use crate::store::Bilingual;
use crate::workspace::LedgerPlan;

use super::busy::after_paint;
use super::import::ImportStatus;
use super::io::read_picked_bytes;
use super::{use_state, AppState, Lang};

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
const DEMO_SITUATION: &str = include_str!("../../../samples/demo-situation.csv");

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
pub(super) fn edit(state: AppState, change: impl FnOnce(&mut LedgerImport)) {
    let Some(mut import) = state.ledger_import.get_untracked() else {
        return;
    };
    change(&mut import);
    replan(state, &mut import);
    state.ledger_import.set(Some(import));
}

pub(super) fn confirm(state: AppState) {
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
