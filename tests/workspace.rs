//! The workspace's rules, natively: what happens on an edit, a creation, a copy, a delete and
//! its undo, another tab's changes and the conflicts they make (two workspaces over one storage
//! stand for two tabs), a full quota mid-save, records set aside at opening, policy versions and
//! re-rating, the language and the day.

mod common;

use std::rc::Rc;

use common::{date, demo, today};
use encours::domain::client::ClientFile;
use encours::store::{client_key, client_record, MemoryKv, WriteError, HISTORY_KEY};
use encours::workspace::{Lang, SaveStatus, Workspace};

/// A tab opening the app on `kv`.
fn open(kv: &Rc<MemoryKv>) -> Workspace {
    common::open_workspace(kv)
}

/// A workspace holding the demo portfolio, saved.
fn with_demo(kv: &Rc<MemoryKv>) -> Workspace {
    let mut ws = open(kv);
    ws.replace_files(demo());
    ws.flush();
    ws.take_outcome();
    ws
}

fn stored(kv: &MemoryKv, id: &str) -> Option<ClientFile> {
    let raw = kv.snapshot().get(&client_key(id))?.clone();
    encours::store::parse_record(&client_key(id), &raw)
        .ok()
        .map(|(f, _)| f)
}

const LEROY: &str = "demo-menuiserie-leroy";

#[test]
fn an_edit_is_rated_marked_and_saved_at_the_next_flush() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = with_demo(&kv);
    let shipped = stored(&kv, LEROY).map(|f| f.notes);
    ws.update_file(LEROY, |f| f.notes = "Appel du 22/11.".into());
    let o = ws.take_outcome();
    assert!(o.changed.files && o.save_due);
    // Not written before the flush (the shell runs it in the next task).
    assert_eq!(stored(&kv, LEROY).map(|f| f.notes), shipped);
    ws.flush();
    assert_eq!(
        stored(&kv, LEROY).map(|f| f.notes),
        Some("Appel du 22/11.".to_string())
    );
    assert_eq!(ws.status().save_status, SaveStatus::Saved("10:00".into()));
    let rating = stored(&kv, LEROY).and_then(|f| f.rating);
    assert_eq!(rating.map(|r| r.rated_on), Some(today()));
}

#[test]
fn files_stored_without_a_rating_are_rated_when_the_workspace_opens() {
    let kv = Rc::new(MemoryKv::new());
    let mut f = demo().remove(0);
    f.rating = None;
    kv.put(
        &client_key(&f.id),
        &client_record(&f, 3, &common::saved_at()),
    );
    let mut ws = open(&kv);
    assert!(ws.files()[0].rating.is_some());
    assert!(ws.take_outcome().save_due);
    ws.flush();
    assert!(stored(&kv, &f.id).and_then(|f| f.rating).is_some());
}

#[test]
fn a_new_file_gets_a_fresh_id_and_a_copy_is_placed_after_its_original() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = with_demo(&kv);
    let id = ws.create_file(LEROY);
    assert_ne!(id, LEROY, "an id in use is never reused");
    let copy = ws.duplicate_file(LEROY).unwrap_or_default();
    let i = ws.files().iter().position(|f| f.id == LEROY).unwrap_or(99);
    assert_eq!(ws.files()[i + 1].id, copy);
    assert_eq!(ws.files()[i + 1].name, "Menuiserie Leroy (copie)");
    let o = ws.take_outcome();
    assert_eq!(
        o.messages[0].text.fr,
        "Copie créée : « Menuiserie Leroy (copie) »."
    );
    // In English, the copy says so in English.
    ws.set_lang(Lang::En);
    let copy = ws.duplicate_file(LEROY).unwrap_or_default();
    assert!(ws
        .file(&copy)
        .is_some_and(|f| f.name == "Menuiserie Leroy (copy)"));
}

#[test]
fn a_deleted_file_keeps_its_key_until_its_undo_window_ends() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = with_demo(&kv);
    let seq = ws.delete_file(LEROY).unwrap_or_default();
    let o = ws.take_outcome();
    assert_eq!(o.closed, vec![LEROY.to_string()]);
    assert_eq!(o.messages[0].undo, Some(seq));
    assert!(ws.file(LEROY).is_none());
    assert!(stored(&kv, LEROY).is_some(), "still stored in the window");

    // Undo: back at its place, nothing rewritten.
    ws.undo_delete();
    assert_eq!(ws.files()[1].id, LEROY);
    assert!(ws.status().pending_delete.is_none());

    // Delete again; the end of the first window does not end the second.
    let second = ws.delete_file(LEROY).unwrap_or_default();
    ws.finish_delete_of(seq);
    assert!(stored(&kv, LEROY).is_some());
    ws.finish_delete_of(second);
    assert!(stored(&kv, LEROY).is_none());
    assert!(ws.status().pending_delete.is_none());
}

#[test]
fn a_deletion_whose_file_was_changed_in_another_tab_keeps_their_version() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = with_demo(&kv);
    let mut b = open(&kv);
    a.delete_file(LEROY);
    b.update_file(LEROY, |f| f.notes = "vu par B".into());
    b.flush();
    a.finish_delete();
    assert_eq!(a.file(LEROY).map(|f| f.notes.as_str()), Some("vu par B"));
    let o = a.take_outcome();
    assert!(o
        .messages
        .iter()
        .any(|m| m.text.fr.contains("modifié dans un autre onglet")));
    assert!(stored(&kv, LEROY).is_some());
}

#[test]
fn another_tabs_edit_is_taken_when_this_tab_has_not_changed_the_file() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = with_demo(&kv);
    let mut b = open(&kv);
    b.update_file(LEROY, |f| f.notes = "de B".into());
    b.flush();
    let key = client_key(LEROY);
    a.external_change(Some(&key), kv.snapshot().get(&key).cloned());
    assert_eq!(a.file(LEROY).map(|f| f.notes.as_str()), Some("de B"));
    assert!(a.status().tab_conflicts.is_empty());
    // And A's next edit builds on B's revision: no conflict.
    a.update_file(LEROY, |f| f.notes = "de A après B".into());
    a.flush();
    assert_eq!(
        stored(&kv, LEROY).map(|f| f.notes),
        Some("de A après B".into())
    );
}

#[test]
fn edits_in_both_tabs_meet_in_a_conflict_settled_either_way() {
    for keep_mine in [true, false] {
        let kv = Rc::new(MemoryKv::new());
        let mut a = with_demo(&kv);
        let mut b = open(&kv);
        b.update_file(LEROY, |f| f.notes = "de B".into());
        b.flush();
        a.update_file(LEROY, |f| f.notes = "de A".into());
        // A's save finds B's revision: nothing written over it.
        a.flush();
        assert_eq!(stored(&kv, LEROY).map(|f| f.notes), Some("de B".into()));
        assert_eq!(a.status().tab_conflicts.len(), 1);

        a.resolve_conflict(LEROY, keep_mine);
        a.flush();
        let want = if keep_mine { "de A" } else { "de B" };
        assert_eq!(stored(&kv, LEROY).map(|f| f.notes), Some(want.into()));
        assert_eq!(a.file(LEROY).map(|f| f.notes.clone()), Some(want.into()));
        assert!(a.status().tab_conflicts.is_empty());
    }
}

#[test]
fn a_file_deleted_in_another_tab_leaves_this_one_unless_it_was_changed_here() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = with_demo(&kv);
    let mut b = open(&kv);
    b.delete_file(LEROY);
    b.finish_delete();
    // Clean here: removed, said, its screen closed.
    a.external_change(Some(&client_key(LEROY)), None);
    assert!(a.file(LEROY).is_none());
    let o = a.take_outcome();
    assert_eq!(o.closed, vec![LEROY.to_string()]);
    assert!(o.messages[0]
        .text
        .fr
        .contains("supprimé dans un autre onglet"));

    // Changed here: a conflict; "keep mine" writes it back.
    let kv = Rc::new(MemoryKv::new());
    let mut a = with_demo(&kv);
    let mut b = open(&kv);
    a.update_file(LEROY, |f| f.notes = "à garder".into());
    b.delete_file(LEROY);
    b.finish_delete();
    a.external_change(Some(&client_key(LEROY)), None);
    assert!(a.file(LEROY).is_some());
    assert_eq!(a.status().tab_conflicts[0].theirs, None);
    a.resolve_conflict(LEROY, true);
    assert_eq!(stored(&kv, LEROY).map(|f| f.notes), Some("à garder".into()));
}

#[test]
fn a_storage_cleared_elsewhere_is_said_and_everything_can_be_written_again() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = with_demo(&kv);
    for k in kv.snapshot().keys() {
        let _ = encours::store::KeyValue::remove(&*kv, k);
    }
    a.external_change(None, None);
    assert!(a.status().storage_cleared);
    assert_eq!(a.files().len(), 6, "everything stays in memory");
    a.save_all_again();
    assert!(!a.status().storage_cleared);
    assert_eq!(open(&kv).files().len(), 6);
}

#[test]
fn a_full_quota_fails_the_save_keeps_the_edit_and_a_retry_saves_it() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = with_demo(&kv);
    let before = kv.snapshot();
    kv.refuse("encours.client.", WriteError::Quota);
    ws.update_file(LEROY, |f| f.notes = "pendant que c'est plein".into());
    ws.flush();
    assert_eq!(ws.status().storage_error, Some(WriteError::Quota));
    assert_eq!(ws.status().save_status, SaveStatus::Failed);
    assert_eq!(kv.snapshot(), before, "nothing half-written");
    assert_eq!(
        ws.file(LEROY).map(|f| f.notes.as_str()),
        Some("pendant que c'est plein")
    );
    // Room again: the failed file is retried at the next save.
    kv.accept_all();
    ws.flush();
    assert_eq!(ws.status().storage_error, None);
    assert_eq!(
        stored(&kv, LEROY).map(|f| f.notes),
        Some("pendant que c'est plein".into())
    );
}

#[test]
fn records_that_cannot_be_read_are_listed_when_the_workspace_opens() {
    let kv = Rc::new(MemoryKv::new());
    kv.put("encours.client.cut", "{\"schema\":1,");
    kv.put(HISTORY_KEY, "not json");
    let mut ws = open(&kv);
    assert_eq!(ws.status().quarantined_now.len(), 2);
    assert_eq!(ws.policy().version, 1, "the defaults apply");
    ws.dismiss_quarantine();
    assert!(ws.status().quarantined_now.is_empty());
    assert_eq!(ws.quarantined_all().len(), 2, "kept in storage");
}

#[test]
fn a_policy_version_is_dated_saved_and_files_keep_their_rating_until_re_rated() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = with_demo(&kv);
    let mut draft = ws.policy().clone();
    draft.stale_after_months += 6;
    assert_eq!(ws.save_policy(draft, "plus tolérant"), Ok(2));
    assert!(ws.take_outcome().changed.history);
    assert_eq!(ws.policy().created_on, Some(today()));
    assert_eq!(open(&kv).policy().version, 2, "saved");
    // The files were rated under version 1 and keep it until re-rated.
    assert!(ws
        .files()
        .iter()
        .all(|f| f.rating.as_ref().is_some_and(|r| r.policy_version == 1)));
    assert_eq!(ws.rerate_all(), 6);
    assert!(ws
        .files()
        .iter()
        .all(|f| f.rating.as_ref().is_some_and(|r| r.policy_version == 2)));
}

#[test]
fn a_newer_history_from_another_tab_is_taken_before_a_change_so_no_version_is_lost() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = with_demo(&kv);
    let mut b = open(&kv);
    let mut draft = b.policy().clone();
    draft.stale_after_months += 1;
    assert_eq!(b.save_policy(draft, "B"), Ok(2));
    // A never got the event; its change builds on B's version 2.
    let mut draft = a.policy().clone();
    draft.stale_after_months += 2;
    assert_eq!(a.save_policy(draft, "A"), Ok(3));
    assert_eq!(a.history().len(), 3);
}

#[test]
fn past_midnight_an_edit_rates_the_file_with_the_new_day() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = with_demo(&kv);
    ws.set_today(date(2026, 11, 23));
    ws.update_file(LEROY, |f| f.notes = "après minuit".into());
    let r = ws.file(LEROY).and_then(|f| f.rating.clone());
    assert_eq!(r.map(|r| r.rated_on), Some(date(2026, 11, 23)));
    // A new policy version is dated the new day too.
    let mut draft = ws.policy().clone();
    draft.stale_after_months += 1;
    let _ = ws.save_policy(draft, "");
    assert_eq!(ws.policy().created_on, Some(date(2026, 11, 23)));
}

#[test]
fn the_language_is_saved_and_follows_another_tab() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = open(&kv);
    a.set_lang(Lang::En);
    assert_eq!(open(&kv).lang(), Lang::En);
    a.external_change(
        Some("encours.settings"),
        Some(r#"{"schema":1,"lang":"fr"}"#.into()),
    );
    assert_eq!(a.lang(), Lang::Fr);
    assert!(a.take_outcome().changed.lang);
}
