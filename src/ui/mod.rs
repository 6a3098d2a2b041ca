//! The Leptos user interface: the shell around the workspace. It renders domain values and
//! computes nothing financial; the app's rules live in [`crate::workspace`] (plain Rust).
//!
//! [`AppState`] (state.rs) is the shared state, provided as context by [`App`] (app.rs): the
//! workspace, read through tracked slices, and the signals of the screens. Every change goes
//! through one call on the workspace ([`AppState::act`]).

pub mod app;
pub mod busy;
pub mod components;
/// Display formatting lives in the domain (letters use it too); the screens reach it here.
pub use crate::domain::format;
pub mod import;
pub mod io;
pub mod ledger_import;
pub mod offline;
pub mod pages;
pub mod shell;
pub mod slice;
pub mod state;

use leptos::prelude::*;

pub use crate::workspace::{display_name, Lang, SaveStatus, TabConflict};
pub use app::App;
pub use slice::Slice;
pub use state::{AppState, Notice};

/// The screens; switched by a signal (and mirrored in the URL hash), never by path routes, so
/// the build works from any sub-path of a plain static server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Portfolio,
    Client,
    Analysis,
    /// The open file's ledger: what the client owes.
    Ledger,
    /// The portfolio's encours, overdue and overruns.
    Monitoring,
    Policy,
    Settings,
}

impl View {
    /// The hash of the view: `#portfolio`, `#client/<id>`, `#analysis/<id>`, `#ledger/<id>`,
    /// `#monitoring`, `#policy`,
    /// `#settings`. The id is URI-encoded.
    pub fn hash(self, id: Option<&str>) -> String {
        let with_id = |name: &str| match id {
            Some(id) => format!("#{name}/{}", String::from(js_sys::encode_uri_component(id))),
            None => format!("#{name}"),
        };
        match self {
            View::Portfolio => "#portfolio".into(),
            View::Client => with_id("client"),
            View::Analysis => with_id("analysis"),
            View::Ledger => with_id("ledger"),
            View::Monitoring => "#monitoring".into(),
            View::Policy => "#policy".into(),
            View::Settings => "#settings".into(),
        }
    }

    /// True for the screens of one file (they show the open file and carry its id).
    pub fn of_file(self) -> bool {
        matches!(self, View::Client | View::Analysis | View::Ledger)
    }

    /// Reads a hash; an unknown one is the portfolio.
    pub fn from_hash(hash: &str) -> (View, Option<String>) {
        let h = hash.trim_start_matches('#');
        let (name, id) = match h.split_once('/') {
            Some((n, id)) => (n, Some(id)),
            None => (h, None),
        };
        let id = id.filter(|s| !s.is_empty()).map(|s| {
            js_sys::decode_uri_component(s)
                .map(String::from)
                .unwrap_or_else(|_| s.to_string())
        });
        match name {
            "client" => (View::Client, id),
            "analysis" => (View::Analysis, id),
            "ledger" => (View::Ledger, id),
            "monitoring" => (View::Monitoring, None),
            "policy" => (View::Policy, None),
            "settings" => (View::Settings, None),
            _ => (View::Portfolio, None),
        }
    }
}

/// The state provided by [`App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
