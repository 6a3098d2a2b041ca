//! Entry point: the browser build mounts the app; natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    encours::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Encours runs in the browser: see README.md (npm run serve).");
}
