//! Imports in the workspace, natively: what needs choices, the choices applied and counted, a
//! refusal that changes nothing (a bad document, or one that does not fit in the storage), and
//! the demo's reset.

mod common;

use std::rc::Rc;

use common::demo;
use encours::domain::exchange::{self, ConflictChoice};
use encours::store::{Bilingual, MemoryKv};
use encours::workspace::{Workspace, DEMO_PORTFOLIO};

fn open(kv: &Rc<MemoryKv>) -> Workspace {
    common::open_workspace(kv)
}

fn source() -> Bilingual {
    Bilingual::new("« test.json »", "“test.json”")
}

/// The plan of importing `text`; a refusal fails the test.
fn plan(ws: &mut Workspace, text: &str) -> encours::workspace::ImportPlan {
    ws.plan_import(source(), text)
        .unwrap_or_else(|e| panic!("{e:?}"))
}

/// Imports the demo portfolio (six files, no choices to make).
fn import_demo(ws: &mut Workspace) {
    let p = plan(ws, DEMO_PORTFOLIO);
    if let Err(e) = ws.apply_import(p) {
        panic!("{e:?}");
    }
}

#[test]
fn an_import_without_choices_adds_everything_and_saves_it() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    let plan = plan(&mut ws, DEMO_PORTFOLIO);
    assert!(!plan.needs_choices());
    let summary = ws.apply_import(plan).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(summary.added, 6);
    assert_eq!(
        summary.message(encours::workspace::Lang::Fr),
        "Import terminé (« test.json ») : 6 dossiers ajoutés."
    );
    assert_eq!(open(&kv).files().len(), 6, "saved");
    assert!(ws.files().iter().all(|f| f.rating.is_some()), "rated");
}

#[test]
fn ids_in_use_wait_for_a_choice_each_and_are_counted_as_chosen() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    import_demo(&mut ws);
    let mut plan = plan(&mut ws, DEMO_PORTFOLIO);
    assert!(plan.needs_choices());
    assert_eq!(plan.conflicts.len(), 6);
    assert!(!plan.ready());
    plan.choose(None, ConflictChoice::Skip);
    plan.choose(Some(0), ConflictChoice::Replace);
    plan.choose(Some(1), ConflictChoice::KeepBoth);
    assert!(plan.ready());
    let summary = ws.apply_import(plan).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        (
            summary.added,
            summary.replaced,
            summary.kept_both,
            summary.skipped
        ),
        (0, 1, 1, 4)
    );
    assert_eq!(ws.files().len(), 7, "six, and one kept as a copy");
}

#[test]
fn a_bad_document_is_refused_with_its_place_and_nothing_changes() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    let refusal = ws
        .plan_import(
            source(),
            "{\"format\": \"encours\", \"version\": 1, \"clients\": [1]}",
        )
        .err()
        .unwrap_or_default();
    assert!(
        refusal.fr.starts_with("Fichier refusé (« test.json ») — "),
        "{}",
        refusal.fr
    );
    assert!(refusal.fr.ends_with("Rien n'a été modifié."));
    assert!(
        refusal.en.contains("clients[0]") || refusal.fr.contains("clients[0]"),
        "{}",
        refusal.fr
    );
    assert!(ws.files().is_empty());
    assert!(kv.snapshot().is_empty());
}

#[test]
fn an_import_that_does_not_fit_is_refused_whole_in_memory_and_in_storage() {
    // Room for the demo, not for 200 more files.
    let kv = Rc::new(MemoryKv::with_quota(250_000));
    let mut ws = open(&kv);
    import_demo(&mut ws);
    let before = kv.snapshot();
    let files_before = ws.files().to_vec();

    let many: Vec<_> = (0..200)
        .map(|i| {
            let mut f = demo()[i % 6].clone();
            f.id = format!("gen-{i:03}");
            f
        })
        .collect();
    let text = exchange::write_document(&exchange::Document {
        exported_at: None,
        policy: None,
        clients: many,
    });
    let plan = plan(&mut ws, &text);
    let refusal = ws.apply_import(plan).err().unwrap_or_default();
    assert!(refusal.fr.contains("ce fichier demande"), "{}", refusal.fr);
    assert!(refusal.fr.contains(", il reste "), "{}", refusal.fr);
    assert!(refusal.en.contains("this file needs"), "{}", refusal.en);
    assert_eq!(kv.snapshot(), before, "storage byte for byte");
    assert_eq!(
        ws.files(),
        files_before.as_slice(),
        "nothing in memory either"
    );
}

#[test]
fn the_demo_reset_puts_back_the_demo_files_only() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    import_demo(&mut ws);
    let mine = ws.create_file("mine");
    ws.update_file("demo-menuiserie-leroy", |f| f.name = "Renamed".into());
    ws.delete_file("demo-btp-renov");
    let done = ws.reset_demo().unwrap_or_default();
    assert_eq!((done.restored, done.recreated, done.unchanged), (1, 1, 4));
    assert!(ws.file(&mine).is_some(), "the user's own file is untouched");
    assert_eq!(
        ws.file("demo-menuiserie-leroy").map(|f| f.name.as_str()),
        Some("Menuiserie Leroy")
    );
    assert_eq!(ws.reset_demo().map(|d| d.unchanged), Some(6));
}
