//! The key-value storage the store runs over: the browser's `localStorage` in the app (the
//! `storage` module, the only code that touches it), [`MemoryKv`] in native tests, with a quota
//! and refusals to inject.

use crate::domain::lang::Lang;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::domain::storage_space::entry_bytes;

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
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
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
/// A string key-value storage: what the store needs of `localStorage`. Methods take `&self`:
/// the browser's storage is shared by every tab of the origin, and so is a [`MemoryKv`] shared
/// by two stores standing for two tabs.
pub trait KeyValue {
    /// Every key, in any order (an empty list when the storage cannot be listed).
    fn keys(&self) -> Vec<String>;
    /// The value under a key; `None` when absent or unreadable.
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&self, key: &str) -> Result<(), WriteError>;
}

impl<T: KeyValue + ?Sized> KeyValue for Rc<T> {
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        (**self).remove(key)
    }
}

/// A storage in memory, counting its quota as Chromium does (two bytes per UTF-16 unit of
/// every key and value), with refusals to inject: what the native tests run the store over.
#[derive(Debug, Default)]
pub struct MemoryKv {
    entries: RefCell<BTreeMap<String, String>>,
    /// Bytes the storage holds at most; `None` for no limit.
    quota: Option<u64>,
    /// Writes under a key starting with the prefix fail with the error.
    refusals: RefCell<Vec<(String, WriteError)>>,
}

impl MemoryKv {
    /// An empty storage without a limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty storage of `bytes` at most.
    pub fn with_quota(bytes: u64) -> Self {
        Self {
            quota: Some(bytes),
            ..Self::default()
        }
    }

    /// From now on, writes (and removals) under keys starting with `prefix` fail with `error`.
    pub fn refuse(&self, prefix: &str, error: WriteError) {
        self.refusals.borrow_mut().push((prefix.to_string(), error));
    }

    /// Writes succeed again.
    pub fn accept_all(&self) {
        self.refusals.borrow_mut().clear();
    }

    /// Bytes used, as the quota counts them.
    pub fn used(&self) -> u64 {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| entry_bytes(k, v))
            .sum()
    }

    /// A copy of every entry, to compare storage before and after.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }

    /// Writes an entry as another program would, bypassing quota and refusals.
    pub fn put(&self, key: &str, value: &str) {
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
    }

    fn refusal(&self, key: &str) -> Option<WriteError> {
        self.refusals
            .borrow()
            .iter()
            .find(|(p, _)| key.starts_with(p.as_str()))
            .map(|(_, e)| e.clone())
    }
}

impl KeyValue for MemoryKv {
    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(e) = self.refusal(key) {
            return Err(e);
        }
        if let Some(quota) = self.quota {
            let old = self.get(key).map_or(0, |v| entry_bytes(key, &v));
            if self.used() - old + entry_bytes(key, value) > quota {
                return Err(WriteError::Quota);
            }
        }
        self.put(key, value);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), WriteError> {
        if let Some(e) = self.refusal(key) {
            return Err(e);
        }
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_over_the_quota_is_refused_and_changes_nothing() {
        // Quota 20 bytes: "a" + "1234" is 2 × 5 = 10; "b" + "12345" would make 10 + 12 = 22.
        let kv = MemoryKv::with_quota(20);
        assert_eq!(kv.set("a", "1234"), Ok(()));
        assert_eq!(kv.set("b", "12345"), Err(WriteError::Quota));
        assert_eq!(kv.get("b"), None);
        assert_eq!(kv.used(), 10);
        // Overwriting counts the new value in place of the old: 2 × (1 + 9) = 20 fits.
        assert_eq!(kv.set("a", "123456789"), Ok(()));
        assert_eq!(kv.used(), 20);
    }

    #[test]
    fn refusals_apply_to_their_prefix_only() {
        let kv = MemoryKv::new();
        kv.refuse("q.", WriteError::Other("SecurityError".into()));
        assert_eq!(
            kv.set("q.x", "1"),
            Err(WriteError::Other("SecurityError".into()))
        );
        assert_eq!(kv.set("c.x", "1"), Ok(()));
        kv.accept_all();
        assert_eq!(kv.set("q.x", "1"), Ok(()));
    }
}
