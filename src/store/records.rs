//! The records the store writes and reads: a client file, a policy history, their text and
//! their hashes. Pure functions: what a record is does not depend on where it is kept.

use crate::domain::lang::Lang;
use std::hash::{Hash, Hasher};

use serde_json::{json, Value};

use super::outcomes::Bilingual;
use super::packing::{pack, unpack, Damaged};
use super::{CLIENT_PREFIX, HISTORY_SCHEMA, SCHEMA};
use crate::domain::client::ClientFile;
use crate::domain::exchange::{client_from_json, client_to_json};
use crate::domain::json_tree::Json;
use crate::domain::policy_check::validate;
use crate::domain::policy_history::PolicyHistory;

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
pub fn text_hash(raw: &str) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    h.write(raw.as_bytes());
    h.finish()
}

/// The key of a client file.
pub fn client_key(id: &str) -> String {
    format!("{CLIENT_PREFIX}{id}")
}

/// The record a client file is stored as, at a revision: its JSON, packed when the file holds
/// a ledger (the bulk of a portfolio's storage, see [`super::packing`]).
pub fn client_record(file: &ClientFile, rev: u64, saved_at: &str) -> String {
    let json = json!({
        "schema": SCHEMA,
        "rev": rev,
        "saved_at": saved_at,
        "client": client_to_json(file),
    })
    .to_string();
    if file.ledger.is_some() {
        pack(&json)
    } else {
        json
    }
}

/// Reads a client record: the file and its revision, or why it cannot be read.
pub fn parse_record(key: &str, raw: &str) -> Result<(ClientFile, u64), Bilingual> {
    let unpacked = match unpack(raw) {
        None => None,
        Some(Ok(text)) => Some(text),
        Some(Err(Damaged)) => {
            return Err(Bilingual::new(
                "enregistrement compacté illisible (abîmé ou tronqué)",
                "unreadable packed record (damaged or cut short)",
            ))
        }
    };
    let raw = unpacked.as_deref().unwrap_or(raw);
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
        .map_err(|e| Bilingual::new(e.message(Lang::Fr), e.message(Lang::En)))?;
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
                e.message(Lang::Fr)
            ),
            format!(
                "the credit policy in force is invalid ({}): the default policy applies",
                e.message(Lang::En)
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
pub fn history_record(history_json: &str, saved_at: &str) -> String {
    format!(
        "{{\"schema\":{HISTORY_SCHEMA},\"saved_at\":{},\"history\":{history_json}}}",
        Value::String(saved_at.to_string())
    )
}
