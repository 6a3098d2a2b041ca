//! Encours: the credit-scoring workbench.
//!
//! `domain` and `store` are plain Rust (tested and benchmarked natively); `storage` (the
//! browser's storage under the store) and `ui` are the browser app, compiled for wasm only.

pub mod domain;
pub mod store;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Mounts the app on the page body.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::App);
}
