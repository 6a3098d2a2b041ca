//! Local storage: the only module that touches the browser's storage.
