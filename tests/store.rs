//! The store's rules, natively, over a storage in memory: saving and loading, conflicts between
//! two tabs (two stores over one storage) both ways, quarantine of each kind of bad record and
//! when setting aside itself fails, a full quota in the middle of saves, the migration of a single
//! stored policy into a history, and the space check of an import.

mod common;

use std::rc::Rc;

use common::demo;
use encours::domain::client::ClientFile;
use encours::domain::policy::Policy;
use encours::domain::policy_history::PolicyHistory;
use encours::domain::storage_space::PROBE_STEP_BYTES;
use encours::store::{
    client_key, client_record, External, MemoryKv, NoSpace, RemoveOutcome, SaveOutcome, Store,
    Theirs, WriteError, HISTORY_KEY, POLICY_KEY, QUARANTINE_PREFIX,
};

use common::saved_at as clock;

/// A store over `kv`, as a tab opening the app.
fn tab(kv: &Rc<MemoryKv>) -> Store {
    Store::new(Box::new(kv.clone()), clock)
}

fn file(id: &str, name: &str) -> ClientFile {
    ClientFile {
        id: id.into(),
        name: name.into(),
        ..ClientFile::default()
    }
}

/// The revision stored under a file's key.
fn stored_rev(kv: &MemoryKv, id: &str) -> Option<u64> {
    let raw = kv.snapshot().get(&client_key(id))?.clone();
    let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
    v.get("rev")?.as_u64()
}

#[test]
fn a_saved_file_loads_back_with_its_revision() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    let f = file("c1", "Alpha");
    assert_eq!(a.save(&f), SaveOutcome::Saved);
    // Saving the same content again writes nothing.
    assert_eq!(a.save(&f), SaveOutcome::Unchanged);
    assert_eq!(stored_rev(&kv, "c1"), Some(1));
    let mut renamed = f.clone();
    renamed.name = "Alpha SA".into();
    assert_eq!(a.save(&renamed), SaveOutcome::Saved);
    assert_eq!(stored_rev(&kv, "c1"), Some(2));

    let loaded = tab(&kv).load();
    assert_eq!(loaded.files, vec![renamed]);
    assert!(loaded.quarantined.is_empty());
}

#[test]
fn every_demo_file_survives_a_save_and_a_load() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    let files = demo();
    for f in &files {
        assert_eq!(a.save(f), SaveOutcome::Saved, "{}", f.id);
    }
    let mut loaded = tab(&kv).load().files;
    let mut expected = files;
    loaded.sort_by(|x, y| x.id.cmp(&y.id));
    expected.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(loaded, expected);
}

#[test]
fn an_edit_in_another_tab_is_never_overwritten_silently() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    let mut b = tab(&kv);
    b.load();

    // Tab A edits (rev 2); tab B, still on rev 1, edits too: refused, with A's version.
    assert_eq!(a.save(&file("c1", "Alpha by A")), SaveOutcome::Saved);
    match b.save(&file("c1", "Alpha by B")) {
        SaveOutcome::Conflict(Theirs::Changed { file, rev }) => {
            assert_eq!(file.name, "Alpha by A");
            assert_eq!(rev, 2);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(stored_rev(&kv, "c1"), Some(2));

    // B keeps its own ("keep mine"): rev 3; now A is the one behind.
    assert_eq!(b.force_save(&file("c1", "Alpha by B")), SaveOutcome::Saved);
    assert_eq!(stored_rev(&kv, "c1"), Some(3));
    assert!(matches!(
        a.save(&file("c1", "Alpha by A again")),
        SaveOutcome::Conflict(Theirs::Changed { rev: 3, .. })
    ));
}

#[test]
fn a_file_deleted_in_another_tab_is_not_written_back() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    let mut b = tab(&kv);
    b.load();
    assert_eq!(a.remove("c1"), RemoveOutcome::Removed);
    assert_eq!(
        b.save(&file("c1", "edited in B")),
        SaveOutcome::Conflict(Theirs::Deleted)
    );
    assert!(kv.snapshot().is_empty());
}

#[test]
fn a_removal_keeps_a_version_another_tab_saved_since() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    let mut b = tab(&kv);
    b.load();
    b.save(&file("c1", "newer in B"));
    match a.remove("c1") {
        RemoveOutcome::Conflict { file, rev } => {
            assert_eq!(file.name, "newer in B");
            assert_eq!(rev, 2);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(stored_rev(&kv, "c1"), Some(2));
}

#[test]
fn another_tabs_events_are_read_by_revision() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    let key = client_key("c1");
    // The same revision A wrote: nothing new.
    let same = kv.snapshot()[&key].clone();
    assert_eq!(a.external(&key, Some(same)), External::Stale);
    // A newer revision written elsewhere.
    let newer = client_record(&file("c1", "from B"), 2, &clock());
    match a.external(&key, Some(newer)) {
        External::Changed { id, file, rev } => {
            assert_eq!((id.as_str(), file.name.as_str(), rev), ("c1", "from B", 2));
        }
        other => panic!("expected a change, got {other:?}"),
    }
    assert_eq!(
        a.external(&key, Some("{not json".into())),
        External::Unreadable { id: "c1".into() }
    );
    assert_eq!(
        a.external(&key, None),
        External::Deleted { id: "c1".into() }
    );
}

/// Each kind of record the app cannot read, with a word its reason must contain.
fn bad_records() -> Vec<(&'static str, String, &'static str)> {
    let good = client_record(&file("ok", "Good"), 1, &clock());
    vec![
        (
            "encours.client.cut",
            r#"{"schema":1,"rev":4,"client":{"id":"cut","name":"Tronqu"#.to_string(),
            "JSON illisible (ligne 1, colonne",
        ),
        (
            "encours.client.list",
            "[1,2]".to_string(),
            "pas un enregistrement",
        ),
        (
            "encours.client.newer",
            r#"{"schema":2,"rev":1,"client":{}}"#.to_string(),
            "version d'enregistrement 2 inconnue",
        ),
        (
            "encours.client.noschema",
            r#"{"rev":1,"client":{}}"#.to_string(),
            "version d'enregistrement absente",
        ),
        (
            "encours.client.noclient",
            r#"{"schema":1,"rev":1}"#.to_string(),
            "dossier absent",
        ),
        // A good record under the key of another id.
        ("encours.client.other", good, "ne correspond pas à la clé"),
    ]
}

#[test]
fn each_kind_of_bad_record_is_set_aside_verbatim_with_its_reason() {
    let kv = Rc::new(MemoryKv::new());
    for (key, raw, _) in bad_records() {
        kv.put(key, &raw);
    }
    kv.put(
        &client_key("ok"),
        &client_record(&file("ok", "Good"), 1, &clock()),
    );
    let loaded = tab(&kv).load();
    assert_eq!(loaded.files.len(), 1, "the good file loads");
    assert_eq!(loaded.quarantined.len(), bad_records().len());
    let stored = kv.snapshot();
    for (key, raw, why) in bad_records() {
        let q = loaded
            .quarantined
            .iter()
            .find(|q| q.key == key)
            .unwrap_or_else(|| panic!("{key} not set aside"));
        assert!(q.reason.fr.contains(why), "{key}: {}", q.reason.fr);
        assert!(!q.reason.en.is_empty());
        assert_eq!(q.failure, None);
        let qkey = format!("{QUARANTINE_PREFIX}{key}");
        assert_eq!(q.quarantine_key.as_deref(), Some(qkey.as_str()));
        // Moved: the copy holds the original text verbatim, the original key is gone.
        let copy: serde_json::Value = serde_json::from_str(&stored[&qkey]).unwrap_or_default();
        assert_eq!(copy["raw"].as_str(), Some(raw.as_str()), "{key}");
        assert!(!stored.contains_key(key), "{key} still there");
    }
    // Listed again from storage by a later session.
    assert_eq!(tab(&kv).quarantined().len(), bad_records().len());
}

#[test]
fn a_bad_record_that_cannot_be_set_aside_stays_and_says_why() {
    for refusal in [WriteError::Quota, WriteError::Other("SecurityError".into())] {
        let kv = Rc::new(MemoryKv::new());
        kv.put("encours.client.cut", "{oops");
        kv.refuse(QUARANTINE_PREFIX, refusal.clone());
        let loaded = tab(&kv).load();
        let q = &loaded.quarantined[0];
        assert_eq!(q.quarantine_key, None);
        assert_eq!(q.failure.as_ref(), Some(&refusal));
        assert_eq!(kv.snapshot()["encours.client.cut"], "{oops");
    }
}

#[test]
fn a_record_gone_bad_before_a_save_is_set_aside_then_replaced() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    kv.put(&client_key("c1"), "{garbage");
    assert_eq!(a.save(&file("c1", "Alpha 2")), SaveOutcome::Saved);
    let stored = kv.snapshot();
    assert!(stored[&client_key("c1")].contains("Alpha 2"));
    let copy = &stored[&format!("{QUARANTINE_PREFIX}encours.client.c1")];
    assert!(copy.contains("{garbage"));
}

#[test]
fn a_save_over_a_bad_record_that_cannot_be_set_aside_fails_with_the_real_reason() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    kv.put(&client_key("c1"), "{garbage");
    kv.refuse(QUARANTINE_PREFIX, WriteError::Other("SecurityError".into()));
    assert_eq!(
        a.save(&file("c1", "Alpha 2")),
        SaveOutcome::Failed(WriteError::Other("SecurityError".into()))
    );
    // Nothing lost: the bad record is still there, untouched.
    assert_eq!(kv.snapshot()[&client_key("c1")], "{garbage");
}

#[test]
fn a_full_quota_mid_save_fails_that_file_and_keeps_what_was_stored() {
    let one = client_record(&file("c1", "Alpha"), 1, &clock());
    // Room for two records of this size, not three.
    let quota = 2 * encours::domain::storage_space::entry_bytes(&client_key("c1"), &one) + 10;
    let kv = Rc::new(MemoryKv::with_quota(quota));
    let mut a = tab(&kv);
    assert_eq!(a.save(&file("c1", "Alpha")), SaveOutcome::Saved);
    assert_eq!(a.save(&file("c2", "Alpha")), SaveOutcome::Saved);
    let before = kv.snapshot();
    assert_eq!(
        a.save(&file("c3", "Alpha")),
        SaveOutcome::Failed(WriteError::Quota)
    );
    assert_eq!(kv.snapshot(), before);
    // Once there is room again, the same save goes through.
    a.remove("c1");
    assert_eq!(a.save(&file("c3", "Alpha")), SaveOutcome::Saved);
}

#[test]
fn a_single_stored_policy_is_moved_into_a_history() {
    let kv = Rc::new(MemoryKv::new());
    let policy = Policy::default();
    let legacy = serde_json::json!({
        "schema": 1,
        "saved_at": clock(),
        "policy": serde_json::to_value(&policy).unwrap_or_default(),
    });
    kv.put(POLICY_KEY, &legacy.to_string());
    let loaded = tab(&kv).load();
    assert_eq!(loaded.history, Some(PolicyHistory::from_policy(policy)));
    let stored = kv.snapshot();
    assert!(!stored.contains_key(POLICY_KEY), "the old key is removed");
    assert!(stored.contains_key(HISTORY_KEY));
    // A second load reads the history alone.
    assert!(tab(&kv).load().history.is_some());
}

#[test]
fn an_unreadable_history_is_set_aside_and_the_defaults_apply() {
    let kv = Rc::new(MemoryKv::new());
    kv.put(HISTORY_KEY, r#"{"schema":1,"history":{"versions":"#);
    let loaded = tab(&kv).load();
    assert_eq!(loaded.history, None);
    assert_eq!(loaded.quarantined.len(), 1);
    assert!(loaded.quarantined[0]
        .reason
        .fr
        .contains("politique par défaut"));
    assert!(!kv.snapshot().contains_key(HISTORY_KEY));
}

#[test]
fn an_import_that_fits_leaves_the_storage_as_it_was() {
    let kv = Rc::new(MemoryKv::with_quota(1_000_000));
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    let before = kv.snapshot();
    let incoming: Vec<ClientFile> = demo();
    let needed = a.space_for(&incoming);
    assert!(needed.net() > 0);
    assert_eq!(a.room_for(needed.net()), Ok(()));
    assert_eq!(kv.snapshot(), before, "the probe is removed");
}

#[test]
fn an_import_that_does_not_fit_gets_both_sizes_and_changes_nothing() {
    // 300 kB of quota, about 100 kB used: 200 kB left, to within one probe step.
    let kv = Rc::new(MemoryKv::with_quota(300_000));
    let mut a = tab(&kv);
    a.save(&file("c1", "Alpha"));
    kv.put("encours.other", &"x".repeat(50_000)); // 100,000 bytes (and some)
    let left = 300_000 - kv.used();
    let before = kv.snapshot();
    match a.room_for(1_000_000) {
        Err(NoSpace::Short(r)) => {
            assert_eq!(r.needed, 1_000_000);
            assert!(r.left <= left, "never overstated: {} > {left}", r.left);
            assert!(left - r.left <= PROBE_STEP_BYTES, "{} vs {left}", r.left);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(kv.snapshot(), before);
}

#[test]
fn the_space_of_an_import_counts_what_replaced_records_free() {
    let kv = Rc::new(MemoryKv::new());
    let mut a = tab(&kv);
    let big = ClientFile {
        notes: "n".repeat(10_000),
        ..file("c1", "Alpha")
    };
    a.save(&big);
    // Replacing the big record by a small one frees more than it writes.
    let needed = a.space_for(&[file("c1", "Alpha")]);
    assert!(needed.freed > needed.written);
    assert_eq!(needed.net(), 0);
    // A file identical to what is stored is not written at all.
    assert_eq!(a.space_for(std::slice::from_ref(&big)).written, 0);
}

#[test]
fn a_probe_the_storage_refuses_for_another_reason_is_an_error() {
    let kv = Rc::new(MemoryKv::new());
    kv.refuse("encours.", WriteError::Other("SecurityError".into()));
    assert_eq!(
        tab(&kv).room_for(100),
        Err(NoSpace::Failed(WriteError::Other("SecurityError".into())))
    );
}
