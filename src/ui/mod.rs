//! The Leptos user interface: renders domain values, computes nothing financial.

pub mod components;
pub mod pages;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::analysis::{analyse, Analysis};
use crate::domain::client::ClientFile;
use crate::domain::policy::Policy;

/// Interface language; French first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn is_fr(self) -> bool {
        self == Lang::Fr
    }

    /// Picks the string of the language: every visible string goes through here.
    pub fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// The screens; switched by a signal (and mirrored in the URL hash), never by path routes, so
/// the build works from any sub-path of a plain static server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Portfolio,
    Client,
    Analysis,
    Policy,
    Settings,
}

/// State shared by every screen, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every client file, in storage order.
    pub files: RwSignal<Vec<ClientFile>>,
    /// Id of the file open in the client and analysis views.
    pub current: RwSignal<Option<String>>,
    pub view: RwSignal<View>,
    pub lang: RwSignal<Lang>,
    pub policy: RwSignal<Policy>,
    /// The analysis date: today, in the browser's time zone.
    pub today: NaiveDate,
    /// The open file, derived from `files` and `current`.
    pub current_file: Memo<Option<ClientFile>>,
    /// The analysis of the open file: derived, never stored.
    pub analysis: Memo<Option<Analysis>>,
}

impl AppState {
    pub fn new(today: NaiveDate) -> Self {
        let files = RwSignal::new(Vec::<ClientFile>::new());
        let current = RwSignal::new(None::<String>);
        let policy = RwSignal::new(Policy::default());
        let current_file = Memo::new(move |_| {
            let id = current.get()?;
            files.with(|fs| fs.iter().find(|f| f.id == id).cloned())
        });
        let analysis = Memo::new(move |_| {
            current_file
                .get()
                .map(|f| policy.with(|p| analyse(&f, p, today)))
        });
        Self {
            files,
            current,
            view: RwSignal::new(View::Portfolio),
            lang: RwSignal::new(Lang::Fr),
            policy,
            today,
            current_file,
            analysis,
        }
    }

    /// Edits the file `id` in place; the storage effect saves it.
    pub fn update_file(&self, id: &str, edit: impl FnOnce(&mut ClientFile)) {
        self.files.update(|fs| {
            if let Some(f) = fs.iter_mut().find(|f| f.id == id) {
                edit(f);
            }
        });
    }

    /// Opens a file in the given view.
    pub fn open(&self, id: &str, view: View) {
        self.current.set(Some(id.to_string()));
        self.view.set(view);
    }
}

/// The state provided by [`App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// Today in the browser's local time zone.
fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(today());
    provide_context(state);
    view! {
        <main data-testid="app">
            {move || match state.view.get() {
                View::Portfolio => view! { <pages::portfolio::PortfolioPage/> }.into_any(),
                View::Client => view! { <pages::client::ClientPage/> }.into_any(),
                View::Analysis => view! { <pages::analysis::AnalysisPage/> }.into_any(),
                View::Policy | View::Settings => view! { <pages::portfolio::PortfolioPage/> }.into_any(),
            }}
        </main>
    }
}
