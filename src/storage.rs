//! The browser's storage: the only module that touches `window.localStorage`. It gives the
//! store ([`crate::store`], plain Rust, where every rule lives) a [`KeyValue`] over
//! `web_sys::Storage`, and the browser's clock for the records' timestamps.
//!
//! The module reads `window.localStorage` through `web_sys::Storage` rather than gloo-storage:
//! gloo-storage 0.3's `LocalStorage::raw()` panics when storage is disabled or blocked, and with
//! `panic = "abort"` that would kill the app instead of showing the banner. Every failure of the
//! browser's storage is a [`WriteError`] here, never a panic.

use wasm_bindgen::JsCast;

use crate::store::{KeyValue, Store, WriteError};

/// `window.localStorage`.
struct LocalStorage(web_sys::Storage);

impl KeyValue for LocalStorage {
    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                WriteError::Quota
            } else {
                WriteError::Other(js_message(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.0
            .remove_item(key)
            .map_err(|e| WriteError::Other(js_message(&e)))
    }
}

/// The store over the browser's local storage; a store in memory when there is none
/// (`available()` is then false).
pub fn open_store() -> Store {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        // Some browsers hand out a storage that throws on every use (blocked cookies).
        .filter(|s| s.length().is_ok());
    match storage {
        Some(s) => Store::new(Box::new(LocalStorage(s)), now_iso),
        None => Store::memory(),
    }
}

/// The browser clock as an ISO timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
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
