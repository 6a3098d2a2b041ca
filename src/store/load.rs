//! Reading everything at start-up, and setting aside what cannot be read: a bad record is
//! copied under a quarantine key and removed from its own key only once the copy reads back.

use serde_json::{json, Value};

use super::records::{
    file_hash, history_record, history_to_json, parse_history_record, parse_record,
};
use super::{
    Bilingual, Known, Loaded, Quarantined, Store, WriteError, CLIENT_PREFIX, HISTORY_KEY,
    POLICY_KEY, QUARANTINE_PREFIX, SCHEMA, SETTINGS_KEY,
};
use crate::domain::policy::Policy;
use crate::domain::policy_check::validate;
use crate::domain::policy_history::PolicyHistory;

impl Store {
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
            let record = history_record(&json, &self.now());
            let written = self.set(HISTORY_KEY, &record).is_ok()
                && self.get(HISTORY_KEY).as_deref() == Some(record.as_str());
            if written {
                self.history_json = Some(json);
                let _ = self.remove_key(POLICY_KEY);
            }
        }
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
    pub(super) fn quarantine(&self, key: &str, raw: String, reason: Bilingual) -> Quarantined {
        let at = self.now();
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
}
