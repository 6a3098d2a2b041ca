//! Local storage: the only module that touches the browser's storage.
//!
//! # Key layout
//!
//! | key | value |
//! |---|---|
//! | `encours.client.<id>` | one client file: `{"schema":1,"rev":N,"saved_at":"<ISO>","client":{…}}`, the client in the exchange format (`exchange::client_to_json`) |
//! | `encours.settings` | `{"schema":1,"lang":"fr"}` |
//! | `encours.policy_history` | every version of the credit policy: `{"schema":1,"saved_at":"<ISO>","history":{"versions":[policy, …]}}` (`PolicyHistory`'s serde form, oldest first, the last in force) |
//! | `encours.policy` | *before versions*: `{"schema":1,"saved_at":"<ISO>","policy":{…}}`; read once, moved into `encours.policy_history`, then removed |
//! | `encours.quarantine.<original key>[.<n>]` | a record set aside: `{"schema":1,"key":…,"quarantined_at":…,"reason_fr":…,"reason_en":…,"raw":"<the original value, verbatim>"}` |
//!
//! One key per client file, so saving a file never rewrites the others. `rev` grows by one on
//! every write; a write first checks that the stored `rev` is still the one this tab loaded or
//! wrote, so an edit made in another tab is never overwritten silently (the caller gets a
//! [`SaveOutcome::Conflict`] and asks the user).
//!
//! A record that cannot be read (bad JSON, unknown schema, refused by the exchange reader) is
//! copied under a quarantine key, then — only once the copy is verified — removed from its
//! client key; it is never deleted. The same goes for the policy history: an unreadable one (or
//! one whose version in force breaks the rules of `policy_check`) is set aside and the defaults
//! of FINANCE.md apply, with the banner. Every failure of the browser's storage is a value here,
//! never a panic: the app keeps working in memory.
//!
//! The module reads `window.localStorage` through `web_sys::Storage` rather than gloo-storage:
//! gloo-storage 0.3's `LocalStorage::raw()` panics when storage is disabled or blocked, and with
//! `panic = "abort"` that would kill the app instead of showing the banner.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde_json::{json, Value};
use wasm_bindgen::JsCast;

use crate::domain::client::ClientFile;
use crate::domain::exchange::{client_from_json, client_to_json};
use crate::domain::json_tree::Json;
use crate::domain::policy::Policy;
use crate::domain::policy_check::validate;
use crate::domain::policy_history::PolicyHistory;
use crate::domain::storage_space::{utf16_len, Needed, NoRoom, PROBE_STEP_BYTES};

/// Prefix of every key of the app.
pub const PREFIX: &str = "encours.";
/// Prefix of a client file's key; the id follows.
pub const CLIENT_PREFIX: &str = "encours.client.";
/// Prefix of a record set aside; the original key follows.
pub const QUARANTINE_PREFIX: &str = "encours.quarantine.";
pub const SETTINGS_KEY: &str = "encours.settings";
/// The single policy stored before there were versions; migrated into [`HISTORY_KEY`].
pub const POLICY_KEY: &str = "encours.policy";
/// Every version of the credit policy.
pub const HISTORY_KEY: &str = "encours.policy_history";
/// Version of the policy history record.
pub const HISTORY_SCHEMA: u64 = 1;
/// Version of the record layout; a record with another version is set aside, not guessed at.
pub const SCHEMA: u64 = 1;

/// A message in both languages; the interface picks one at display time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub fr: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, french: bool) -> &str {
        if french {
            &self.fr
        } else {
            &self.en
        }
    }
}

/// A record set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// The key it was found under.
    pub key: String,
    /// Where it is kept now; `None` when the copy failed and it stays under its own key.
    pub quarantine_key: Option<String>,
    /// Why it could not be moved, when it stays under its own key.
    pub failure: Option<WriteError>,
    pub reason: Bilingual,
    /// ISO timestamp of when it was set aside.
    pub at: String,
    /// The original value, verbatim.
    pub raw: String,
}

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's quota is full.
    Quota,
    /// No storage (disabled, private mode, blocked by policy).
    Unavailable,
    /// A copy was written but did not read back as written.
    ReadBack,
    /// Anything else the browser reported.
    Other(String),
}

impl WriteError {
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (WriteError::Quota, true) => "l'espace de stockage du navigateur est plein".into(),
            (WriteError::Quota, false) => "the browser's storage is full".into(),
            (WriteError::Unavailable, true) => {
                "le stockage du navigateur n'est pas disponible".into()
            }
            (WriteError::Unavailable, false) => "the browser's storage is not available".into(),
            (WriteError::ReadBack, true) => {
                "la copie relue ne correspond pas à ce qui a été écrit".into()
            }
            (WriteError::ReadBack, false) => {
                "the copy read back differs from what was written".into()
            }
            (WriteError::Other(m), true) => format!("le navigateur a refusé l'écriture ({m})"),
            (WriteError::Other(m), false) => format!("the browser refused the write ({m})"),
        }
    }
}

/// What is stored under a client key now, as seen by a write that found another revision.
#[derive(Debug, Clone, PartialEq)]
pub enum Theirs {
    /// Another tab saved this version.
    Changed { file: Box<ClientFile>, rev: u64 },
    /// Another tab deleted the file.
    Deleted,
}

/// The result of saving one file.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written, with its new revision.
    Saved,
    /// Identical to what is stored: nothing written.
    Unchanged,
    /// Another tab changed the stored file since this tab read it: nothing written.
    Conflict(Theirs),
    Failed(WriteError),
}

/// The result of removing one file.
#[derive(Debug, Clone, PartialEq)]
pub enum RemoveOutcome {
    Removed,
    /// Another tab saved a newer version since: kept.
    Conflict {
        file: Box<ClientFile>,
        rev: u64,
    },
    Failed(WriteError),
}

/// What a `storage` event from another tab means for a client key.
#[derive(Debug, Clone, PartialEq)]
pub enum External {
    Changed {
        id: String,
        file: Box<ClientFile>,
        rev: u64,
    },
    Deleted {
        id: String,
    },
    /// A record this version cannot read (a newer app in another tab?): left alone.
    Unreadable {
        id: String,
    },
    /// Not newer than what this tab already has.
    Stale,
}

/// Everything read at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sorted by key, so the order is stable from one load to the next.
    pub files: Vec<ClientFile>,
    /// Records set aside during this load.
    pub quarantined: Vec<Quarantined>,
    pub lang_fr: Option<bool>,
    /// The policy in force: the current version of `history`.
    pub policy: Option<Policy>,
    /// Every version of the policy (migrated from a single stored policy if need be).
    pub history: Option<PolicyHistory>,
}

/// Storage use, for the settings screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// Bytes used by the app's keys and values (UTF-16, as browsers count the quota).
    pub bytes: u64,
    pub files: usize,
    pub quarantined: usize,
}

/// What this tab knows of one stored file.
#[derive(Debug, Clone, Copy)]
struct Known {
    rev: u64,
    /// Hash of the file as last read or written: "unchanged" is decided without serialising.
    hash: u64,
    /// Hash of the record's text as last read or written (`None` when adopted from a parsed
    /// file): a save finding the same text stored knows its revision without parsing it.
    record: Option<u64>,
}

/// The storage of this tab, with what it last read or wrote of each file.
pub struct Store {
    storage: Option<web_sys::Storage>,
    known: HashMap<String, Known>,
    /// The policy as last saved.
    policy_json: Option<String>,
    /// The policy history as last read or written.
    history_json: Option<String>,
}

/// FNV-1a, 64 bits: change detection within one tab, not a defence against crafted input,
/// and several times faster than the standard SipHash on a whole file in wasm.
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    // Whole words at once: lengths and enum tags, most of what a file's `Hash` feeds.
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x0100_0000_01b3);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Hash of a client file's content.
pub fn file_hash(f: &ClientFile) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    f.hash(&mut h);
    h.finish()
}

/// Hash of a record's text.
fn text_hash(raw: &str) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    h.write(raw.as_bytes());
    h.finish()
}

/// The browser clock as an ISO timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The key of a client file.
pub fn client_key(id: &str) -> String {
    format!("{CLIENT_PREFIX}{id}")
}

fn is_quota(e: &wasm_bindgen::JsValue) -> bool {
    match e.dyn_ref::<web_sys::DomException>() {
        // 22: QUOTA_EXCEEDED_ERR; 1014: Firefox's NS_ERROR_DOM_QUOTA_REACHED.
        Some(d) => {
            d.code() == 22
                || d.code() == 1014
                || d.name() == "QuotaExceededError"
                || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
        }
        None => false,
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return d.name();
    }
    e.as_string().unwrap_or_else(|| "?".into())
}

/// The record a client file is stored as, at a revision.
fn client_record(file: &ClientFile, rev: u64) -> String {
    json!({
        "schema": SCHEMA,
        "rev": rev,
        "saved_at": now_iso(),
        "client": client_to_json(file),
    })
    .to_string()
}

/// Key of the probe that measures the space left (written, then removed at once).
const PROBE_KEY: &str = "encours.space-probe";

/// Why a batch of writes cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoSpace {
    /// Not enough room: what is left.
    Short(NoRoom),
    /// The storage refused the probe for another reason.
    Failed(WriteError),
}

/// Reads a client record: the file and its revision, or why it cannot be read.
pub fn parse_record(key: &str, raw: &str) -> Result<(ClientFile, u64), Bilingual> {
    // The fast tree of the exchange reader: this runs for every file when the app opens.
    let v = Json::parse(raw).map_err(|e| {
        Bilingual::new(
            format!(
                "JSON illisible (ligne {}, colonne {})",
                e.line(),
                e.column()
            ),
            format!("unreadable JSON (line {}, column {})", e.line(), e.column()),
        )
    })?;
    if !v.is_object() {
        return Err(Bilingual::new(
            "ce n'est pas un enregistrement Encours",
            "not an Encours record",
        ));
    }
    let obj = &v;
    match obj.get("schema").and_then(Json::as_u64) {
        Some(SCHEMA) => {}
        Some(n) => {
            return Err(Bilingual::new(
                format!(
                    "version d'enregistrement {n} inconnue (écrit par une version plus récente ?)"
                ),
                format!("unknown record version {n} (written by a newer version?)"),
            ))
        }
        None => {
            return Err(Bilingual::new(
                "version d'enregistrement absente",
                "record version missing",
            ))
        }
    }
    let rev = obj.get("rev").and_then(Json::as_u64).unwrap_or(0);
    let Some(client) = obj.get("client") else {
        return Err(Bilingual::new("dossier absent", "client file missing"));
    };
    let file = client_from_json(client, "client")
        .map_err(|e| Bilingual::new(e.message(true), e.message(false)))?;
    let id = key.strip_prefix(CLIENT_PREFIX).unwrap_or(key);
    if file.id != id {
        return Err(Bilingual::new(
            format!(
                "l'identifiant du dossier ({}) ne correspond pas à la clé",
                file.id
            ),
            format!("the file's id ({}) does not match its key", file.id),
        ));
    }
    Ok((file, rev))
}

/// Reads a policy history record: every version, or why it cannot be read. A history whose
/// version in force breaks the rules of `policy_check` (a record edited by hand) is refused too:
/// the engine never runs on an invalid policy.
pub fn parse_history_record(raw: &str) -> Result<PolicyHistory, Bilingual> {
    let v: Value = serde_json::from_str(raw).map_err(|e| {
        Bilingual::new(
            format!(
                "historique de la politique de crédit illisible (ligne {}, colonne {}) : la politique par défaut s'applique",
                e.line(),
                e.column()
            ),
            format!(
                "unreadable credit policy history (line {}, column {}): the default policy applies",
                e.line(),
                e.column()
            ),
        )
    })?;
    match v.get("schema").and_then(Value::as_u64) {
        Some(HISTORY_SCHEMA) => {}
        other => {
            let n = other.map(|n| n.to_string()).unwrap_or_else(|| "?".into());
            return Err(Bilingual::new(
                format!("historique de la politique de crédit en version {n} inconnue : la politique par défaut s'applique"),
                format!("credit policy history in unknown version {n}: the default policy applies"),
            ));
        }
    }
    let history = v
        .get("history")
        .ok_or_else(|| "history missing".to_string())
        .and_then(PolicyHistory::from_json)
        .map_err(|e| {
            Bilingual::new(
                format!("historique de la politique de crédit illisible ({e}) : la politique par défaut s'applique"),
                format!("unreadable credit policy history ({e}): the default policy applies"),
            )
        })?;
    if let Some(e) = validate(history.current()).first() {
        return Err(Bilingual::new(
            format!(
                "politique de crédit en vigueur invalide ({}) : la politique par défaut s'applique",
                e.message(true)
            ),
            format!(
                "the credit policy in force is invalid ({}): the default policy applies",
                e.message(false)
            ),
        ));
    }
    Ok(history)
}

/// A policy history as compact JSON. Written with the serializer the exchange writer and the
/// policy export use (pretty), then compacted through a JSON value: the wasm carries one copy of
/// the policy's serializer, not two.
pub fn history_to_json(history: &PolicyHistory) -> Option<String> {
    let pretty = serde_json::to_string_pretty(history).ok()?;
    serde_json::from_str::<Value>(&pretty)
        .ok()
        .map(|v| v.to_string())
}

/// The record of a policy history, from its JSON.
fn history_record(history_json: &str) -> String {
    format!(
        "{{\"schema\":{HISTORY_SCHEMA},\"saved_at\":{},\"history\":{history_json}}}",
        Value::String(now_iso())
    )
}

impl Store {
    /// Opens the browser's local storage; `available()` is false when there is none.
    pub fn open() -> Self {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            // Some browsers hand out a storage that throws on every use (blocked cookies).
            .filter(|s| s.length().is_ok());
        Self {
            storage,
            known: HashMap::new(),
            policy_json: None,
            history_json: None,
        }
    }

    /// A store without storage: everything stays in memory (tests, or no storage at all).
    pub fn memory() -> Self {
        Self {
            storage: None,
            known: HashMap::new(),
            policy_json: None,
            history_json: None,
        }
    }

    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// Every key of the app.
    fn keys(&self) -> Vec<String> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        let n = s.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(PREFIX))
            .collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let Some(s) = &self.storage else {
            return Err(WriteError::Unavailable);
        };
        s.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                WriteError::Quota
            } else {
                WriteError::Other(js_message(&e))
            }
        })
    }

    fn remove_key(&self, key: &str) -> Result<(), WriteError> {
        let Some(s) = &self.storage else {
            return Err(WriteError::Unavailable);
        };
        s.remove_item(key)
            .map_err(|e| WriteError::Other(js_message(&e)))
    }

    /// Reads everything: client files, settings, the policy history. Unreadable records are set
    /// aside.
    pub fn load(&mut self) -> Loaded {
        let mut out = Loaded::default();
        let mut keys = self.keys();
        crate::domain::sorting::sort_by(&mut keys, |a, b| a.cmp(b));
        for key in &keys {
            if let Some(id) = key.strip_prefix(CLIENT_PREFIX) {
                let Some(raw) = self.get(key) else { continue };
                match parse_record(key, &raw) {
                    Ok((file, rev)) => {
                        self.known.insert(
                            id.to_string(),
                            Known {
                                rev,
                                hash: file_hash(&file),
                                // Hashed at the first save rather than for every file here.
                                record: None,
                            },
                        );
                        out.files.push(file);
                    }
                    Err(reason) => out.quarantined.push(self.quarantine(key, raw, reason)),
                }
            }
        }
        if let Some(raw) = self.get(SETTINGS_KEY) {
            if let Ok(v) = serde_json::from_str::<Value>(&raw) {
                out.lang_fr = v.get("lang").and_then(Value::as_str).map(|l| l != "en");
            }
        }
        self.load_history(&mut out);
        out
    }

    /// Reads the policy history; without one, moves a single stored policy into a history of
    /// its own (the record is written, read back, and only then the old key removed).
    fn load_history(&mut self, out: &mut Loaded) {
        if let Some(raw) = self.get(HISTORY_KEY) {
            match parse_history_record(&raw) {
                Ok(h) => {
                    self.history_json = history_to_json(&h);
                    out.policy = Some(h.current().clone());
                    out.history = Some(h);
                    // A single policy left over from an interrupted migration: the history wins.
                    if self.get(POLICY_KEY).is_some() {
                        let _ = self.remove_key(POLICY_KEY);
                    }
                }
                Err(reason) => out
                    .quarantined
                    .push(self.quarantine(HISTORY_KEY, raw, reason)),
            }
            return;
        }
        let Some(policy) = self.load_legacy_policy(out) else {
            return;
        };
        let history = PolicyHistory::from_policy(policy);
        if let Some(json) = history_to_json(&history) {
            let record = history_record(&json);
            let written = self.set(HISTORY_KEY, &record).is_ok()
                && self.get(HISTORY_KEY).as_deref() == Some(record.as_str());
            if written {
                self.history_json = Some(json);
                let _ = self.remove_key(POLICY_KEY);
            }
        }
        out.policy = Some(history.current().clone());
        out.history = Some(history);
    }

    /// The single policy stored before there were versions; set aside when unreadable.
    fn load_legacy_policy(&mut self, out: &mut Loaded) -> Option<Policy> {
        if let Some(raw) = self.get(POLICY_KEY) {
            let policy = serde_json::from_str::<Value>(&raw)
                .ok()
                .filter(|v| v.get("schema").and_then(Value::as_u64) == Some(SCHEMA))
                .and_then(|v| v.get("policy").and_then(|p| Policy::from_json(p).ok()))
                .filter(|p| validate(p).is_empty());
            match policy {
                Some(p) => return Some(p),
                None => out.quarantined.push(self.quarantine(
                    POLICY_KEY,
                    raw,
                    Bilingual::new(
                        "politique de crédit illisible ou invalide : la politique par défaut s'applique",
                        "unreadable or invalid credit policy: the default policy applies",
                    ),
                )),
            }
        }
        None
    }

    /// Copies a bad record under a quarantine key, then removes the original once the copy
    /// reads back identical. When the copy fails, the original stays where it is.
    fn quarantine(&self, key: &str, raw: String, reason: Bilingual) -> Quarantined {
        let at = now_iso();
        let record = json!({
            "schema": SCHEMA,
            "key": key,
            "quarantined_at": at,
            "reason_fr": reason.fr,
            "reason_en": reason.en,
            "raw": raw,
        })
        .to_string();
        let base = format!("{QUARANTINE_PREFIX}{key}");
        let mut qkey = base.clone();
        let mut n = 2;
        while let Some(existing) = self.get(&qkey) {
            // The same record set aside before (the removal failed): reuse that copy.
            let same = serde_json::from_str::<Value>(&existing)
                .ok()
                .and_then(|v| v.get("raw").and_then(Value::as_str).map(|r| r == raw))
                .unwrap_or(false);
            if same {
                break;
            }
            qkey = format!("{base}.{n}");
            n += 1;
        }
        let copied = match self.get(&qkey) {
            Some(_) => Ok(()),
            None => self.set(&qkey, &record).and_then(|()| {
                if self.get(&qkey).as_deref() == Some(record.as_str()) {
                    Ok(())
                } else {
                    Err(WriteError::ReadBack)
                }
            }),
        };
        let moved = copied.and_then(|()| self.remove_key(key));
        Quarantined {
            key: key.to_string(),
            quarantine_key: moved.is_ok().then_some(qkey),
            failure: moved.err(),
            reason,
            at,
            raw,
        }
    }

    /// Every record set aside, oldest first.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        let mut out: Vec<Quarantined> = self
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| {
                let raw = self.get(&k)?;
                let v: Value = serde_json::from_str(&raw).ok()?;
                let s = |f: &str| v.get(f).and_then(Value::as_str).unwrap_or("").to_string();
                Some(Quarantined {
                    key: s("key"),
                    quarantine_key: Some(k),
                    failure: None,
                    reason: Bilingual::new(s("reason_fr"), s("reason_en")),
                    at: s("quarantined_at"),
                    raw: s("raw"),
                })
            })
            .collect();
        crate::domain::sorting::sort_by(&mut out, |a, b| a.at.cmp(&b.at));
        out
    }

    /// The stored revision of a client key: `Ok(None)` when absent, `Err` when unreadable.
    fn stored(&self, id: &str) -> Result<Option<(ClientFile, u64)>, ()> {
        let key = client_key(id);
        match self.get(&key) {
            None => Ok(None),
            Some(raw) => parse_record(&key, &raw).map(Some).map_err(|_| ()),
        }
    }

    /// True when `file` is what this tab last read or wrote for its id.
    pub fn is_clean(&self, file: &ClientFile) -> bool {
        self.known
            .get(&file.id)
            .is_some_and(|k| k.hash == file_hash(file))
    }

    /// True when this tab has read or written the id.
    pub fn knows(&self, id: &str) -> bool {
        self.known.contains_key(id)
    }

    /// Ids this tab has read or written.
    pub fn known_ids(&self) -> impl Iterator<Item = &String> {
        self.known.keys()
    }

    pub fn known_count(&self) -> usize {
        self.known.len()
    }

    /// True when a key exists for the id (in this tab or another).
    pub fn exists(&self, id: &str) -> bool {
        self.get(&client_key(id)).is_some()
    }

    /// Saves one file unless it is unchanged; refuses (with what is stored) when another tab
    /// wrote a revision this tab has not seen.
    pub fn save(&mut self, file: &ClientFile) -> SaveOutcome {
        let hash = file_hash(file);
        let known = self.known.get(&file.id).copied();
        if known.is_some_and(|k| k.hash == hash) {
            return SaveOutcome::Unchanged;
        }
        if self.storage.is_none() {
            return SaveOutcome::Failed(WriteError::Unavailable);
        }
        // The text this tab last read or wrote is still there: its revision is known, nothing
        // to parse (the common case, once per keystroke while typing).
        if let Some(
            k @ Known {
                record: Some(record),
                ..
            },
        ) = known
        {
            if self.get(&client_key(&file.id)).as_deref().map(text_hash) == Some(record) {
                return self.write(file, k.rev + 1, hash);
            }
        }
        let stored_rev = match self.stored(&file.id) {
            Ok(Some((theirs, rev))) => {
                if known.map(|k| k.rev) != Some(rev) {
                    return SaveOutcome::Conflict(Theirs::Changed {
                        file: Box::new(theirs),
                        rev,
                    });
                }
                rev
            }
            Ok(None) => {
                if known.is_some() {
                    return SaveOutcome::Conflict(Theirs::Deleted);
                }
                0
            }
            // Unreadable: set it aside, then write ours.
            Err(()) => {
                let key = client_key(&file.id);
                if let Some(raw) = self.get(&key) {
                    let q = self.quarantine(
                        &key,
                        raw,
                        Bilingual::new(
                            "enregistrement illisible remplacé par une sauvegarde",
                            "unreadable record replaced by a save",
                        ),
                    );
                    if q.quarantine_key.is_none() {
                        // The real reason: a full quota, a refusal, a copy that read back wrong.
                        let why = q.failure.unwrap_or(WriteError::Other("?".into()));
                        return SaveOutcome::Failed(why);
                    }
                }
                known.map(|k| k.rev).unwrap_or(0)
            }
        };
        self.write(file, stored_rev + 1, hash)
    }

    /// Saves one file over whatever another tab stored ("keep mine").
    pub fn force_save(&mut self, file: &ClientFile) -> SaveOutcome {
        let rev = match self.stored(&file.id) {
            Ok(Some((_, rev))) => rev,
            _ => self.known.get(&file.id).map(|k| k.rev).unwrap_or(0),
        };
        self.write(file, rev + 1, file_hash(file))
    }

    fn write(&mut self, file: &ClientFile, rev: u64, hash: u64) -> SaveOutcome {
        let record = client_record(file, rev);
        match self.set(&client_key(&file.id), &record) {
            Ok(()) => {
                let record = Some(text_hash(&record));
                self.known
                    .insert(file.id.clone(), Known { rev, hash, record });
                SaveOutcome::Saved
            }
            Err(e) => SaveOutcome::Failed(e),
        }
    }

    /// Takes another tab's version as this tab's reference ("take theirs", or a clean reload).
    pub fn adopt(&mut self, file: &ClientFile, rev: u64) {
        self.known.insert(
            file.id.clone(),
            Known {
                rev,
                hash: file_hash(file),
                record: None,
            },
        );
    }

    /// Forgets an id (deleted in another tab and removed from memory here).
    pub fn forget(&mut self, id: &str) {
        self.known.remove(id);
    }

    /// Forgets every revision (the storage was cleared elsewhere): the next save rewrites all.
    pub fn forget_all(&mut self) {
        self.known.clear();
    }

    /// Removes a file's key, unless another tab saved a revision this tab has not seen.
    pub fn remove(&mut self, id: &str) -> RemoveOutcome {
        if self.storage.is_none() {
            self.known.remove(id);
            return RemoveOutcome::Removed;
        }
        let known = self.known.get(id).map(|k| k.rev);
        if let Ok(Some((file, rev))) = self.stored(id) {
            if known.is_some_and(|k| k != rev) {
                return RemoveOutcome::Conflict {
                    file: Box::new(file),
                    rev,
                };
            }
        }
        match self.remove_key(&client_key(id)) {
            Ok(()) => {
                self.known.remove(id);
                RemoveOutcome::Removed
            }
            Err(e) => RemoveOutcome::Failed(e),
        }
    }

    /// Reads a `storage` event on a client key from another tab.
    pub fn external(&self, key: &str, new_value: Option<String>) -> External {
        let Some(id) = key.strip_prefix(CLIENT_PREFIX) else {
            return External::Stale;
        };
        let id = id.to_string();
        match new_value {
            None => External::Deleted { id },
            Some(raw) => match parse_record(key, &raw) {
                Ok((file, rev)) => {
                    if self.known.get(&id).is_some_and(|k| k.rev >= rev) {
                        External::Stale
                    } else {
                        External::Changed {
                            id,
                            file: Box::new(file),
                            rev,
                        }
                    }
                }
                Err(_) => External::Unreadable { id },
            },
        }
    }

    /// Saves the language.
    pub fn save_lang(&self, french: bool) -> Result<(), WriteError> {
        let v = json!({"schema": SCHEMA, "lang": if french { "fr" } else { "en" }}).to_string();
        if self.get(SETTINGS_KEY).as_deref() == Some(v.as_str()) {
            return Ok(());
        }
        self.set(SETTINGS_KEY, &v)
    }

    /// Saves the policy history when it differs from the one last read or written. A history
    /// holding only the defaults is not written until something was stored: the defaults apply
    /// anyway.
    pub fn save_history(&mut self, history: &PolicyHistory) -> Result<(), WriteError> {
        let Some(json) = history_to_json(history) else {
            return Ok(());
        };
        if self.history_json.as_deref() == Some(json.as_str()) {
            return Ok(());
        }
        if self.history_json.is_none() && *history == PolicyHistory::new() {
            self.history_json = Some(json);
            return Ok(());
        }
        self.set(HISTORY_KEY, &history_record(&json))?;
        self.history_json = Some(json);
        Ok(())
    }

    /// The policy history stored now (another tab may have saved a version since this tab read
    /// it); `None` when absent or unreadable.
    pub fn stored_history(&self) -> Option<PolicyHistory> {
        parse_history_record(&self.get(HISTORY_KEY)?).ok()
    }

    /// Takes a history read from storage (another tab's) as what this tab last read.
    pub fn adopt_history(&mut self, history: &PolicyHistory) {
        self.history_json = history_to_json(history);
    }

    /// Saves a single policy under the key used before there were versions (kept for
    /// compatibility: the app stores the whole history with [`Store::save_history`]).
    pub fn save_policy(&mut self, policy: &Policy) -> Result<(), WriteError> {
        let Ok(p) = serde_json::to_string(policy) else {
            return Ok(());
        };
        if self.policy_json.as_deref() == Some(p.as_str()) {
            return Ok(());
        }
        if self.policy_json.is_none() && *policy == Policy::default() {
            // Nothing to remember: the default applies anyway.
            self.policy_json = Some(p);
            return Ok(());
        }
        let record = format!(
            "{{\"schema\":{SCHEMA},\"saved_at\":{},\"policy\":{p}}}",
            Value::String(now_iso())
        );
        self.set(POLICY_KEY, &record)?;
        self.policy_json = Some(p);
        Ok(())
    }

    /// The space saving `files` takes, as the save would write them (a file identical to what
    /// this tab stored is not written), less the records they overwrite.
    pub fn space_for<'a>(&self, files: impl IntoIterator<Item = &'a ClientFile>) -> Needed {
        let mut needed = Needed::default();
        if self.storage.is_none() {
            return needed;
        }
        for f in files {
            let known = self.known.get(&f.id);
            if known.is_some_and(|k| k.hash == file_hash(f)) {
                continue;
            }
            let key = client_key(&f.id);
            let rev = known.map_or(1, |k| k.rev + 1);
            let old = known.and_then(|_| self.get(&key));
            needed.add(&key, &client_record(f, rev), old.as_deref());
        }
        needed
    }

    /// What one more version of the policy adds to the history record.
    pub fn policy_space(&self, policy: &Policy) -> u64 {
        serde_json::to_string(policy).map_or(0, |j| 2 * utf16_len(&j))
    }

    /// Whether `bytes` more fit in the storage. The browser tells no quota, so a probe finds
    /// out: one entry of that size is written and removed; when it does not fit, halving finds
    /// what is left, to within [`PROBE_STEP_BYTES`] and never more than there is. Nothing of
    /// the app's records changes.
    pub fn room_for(&self, bytes: u64) -> Result<(), NoSpace> {
        let Some(s) = &self.storage else {
            return Ok(());
        };
        let key_units = utf16_len(PROBE_KEY);
        // The probe holds `units` UTF-16 units of value: 2 × (key + units) bytes.
        let units_for = |bytes: u64| (bytes / 2).saturating_sub(key_units);
        // (`bytes` rounded up to a whole unit, so the probe is never smaller than the need.)
        let fits = |units: u64| -> Result<bool, WriteError> {
            let value = "0".repeat(usize::try_from(units).unwrap_or(usize::MAX / 2));
            let r = match s.set_item(PROBE_KEY, &value) {
                Ok(()) => Ok(true),
                Err(e) if is_quota(&e) => Ok(false),
                Err(e) => Err(WriteError::Other(js_message(&e))),
            };
            let _ = s.remove_item(PROBE_KEY);
            r
        };
        let want = units_for(bytes.div_ceil(2) * 2);
        if bytes == 0 || fits(want).map_err(NoSpace::Failed)? {
            return Ok(());
        }
        let (mut lo, mut hi) = (0u64, want);
        if !fits(0).map_err(NoSpace::Failed)? {
            return Err(NoSpace::Short(NoRoom {
                needed: bytes,
                left: 0,
            }));
        }
        while hi - lo > PROBE_STEP_BYTES / 2 {
            let mid = lo + (hi - lo) / 2;
            if fits(mid).map_err(NoSpace::Failed)? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Err(NoSpace::Short(NoRoom {
            needed: bytes,
            left: 2 * (lo + key_units),
        }))
    }

    /// Bytes and records of the app in storage.
    pub fn usage(&self) -> Usage {
        let mut u = Usage::default();
        for k in self.keys() {
            let v = self.get(&k).unwrap_or_default();
            u.bytes += 2 * (k.encode_utf16().count() + v.encode_utf16().count()) as u64;
            if k.starts_with(CLIENT_PREFIX) {
                u.files += 1;
            } else if k.starts_with(QUARANTINE_PREFIX) {
                u.quarantined += 1;
            }
        }
        u
    }
}
