//! Offline use: registers the service worker (`sw.js`, written into each build by
//! `scripts/post-build.mjs`) where the browser allows one, says in the settings where things
//! stand, and offers to reload when another build has taken over.
//!
//! Browsers only allow a service worker in a secure context (HTTPS, localhost): served in plain
//! HTTP from an intranet host, the app keeps working while the page is open (all data is local)
//! but cannot open without network; the settings say so. Every step tolerates failure: nothing
//! here panics or leaves an unhandled promise rejection (a console error).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::use_state;

/// Where offline use stands (shown in the settings, `data-value` of `offline-status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not a secure context (plain HTTP other than localhost): no service worker allowed.
    Insecure,
    /// A secure context, but this browser offers no service worker (or it is turned off).
    Unsupported,
    /// The worker is being registered or is storing the app's files.
    Pending,
    /// Every file of the build is stored: the app opens without network.
    Ready,
    /// The registration failed (sw.js missing or refused by the server).
    Failed,
}

impl Status {
    fn code(self) -> &'static str {
        match self {
            Status::Insecure => "insecure",
            Status::Unsupported => "unsupported",
            Status::Pending => "pending",
            Status::Ready => "ready",
            Status::Failed => "failed",
        }
    }
}

/// Offline state, provided as context by [`start`].
#[derive(Clone, Copy)]
pub struct Offline {
    pub status: RwSignal<Status>,
    /// A worker of another build took over: the page should be reloaded.
    pub update: RwSignal<bool>,
}

/// Registers the worker when the context allows it; called once by the app root.
pub fn start() {
    let offline = Offline {
        status: RwSignal::new(Status::Pending),
        update: RwSignal::new(false),
    };
    provide_context(offline);
    offline.status.set(register(offline));
}

/// This page's build (`<meta name="encours-build">`, written by the post-build script).
fn page_build() -> Option<String> {
    document()
        .query_selector("meta[name=encours-build]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

fn register(offline: Offline) -> Status {
    let Some(window) = web_sys::window() else {
        return Status::Unsupported;
    };
    if !window.is_secure_context() {
        return Status::Insecure;
    }
    let navigator = window.navigator();
    // Absent where turned off: reading it through web-sys would then throw.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if !present {
        return Status::Unsupported;
    }
    let container = navigator.service_worker();

    // A new worker says which build it holds once it has taken over: another build than this
    // page's means the page is out of date (the worker's files are stored either way).
    let own = page_build();
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok();
        let Some(data) = get(&event, "data") else {
            return;
        };
        if get(&data, "type").and_then(|t| t.as_string()).as_deref() != Some("encours-build") {
            return;
        }
        offline.status.try_set(Status::Ready);
        let theirs = get(&data, "version").and_then(|v| v.as_string());
        if theirs.is_some() && theirs != own {
            offline.update.try_set(true);
        }
    });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // These callbacks live as long as the page: leaked once on purpose.
    on_message.forget();

    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        offline.status.try_set(Status::Failed);
    });
    // Relative to the page: the worker sits beside index.html, whatever the sub-path.
    let _ = container.register("./sw.js").catch(&failed);
    failed.forget();

    // A page left open (an installed app brought back from the background) never navigates, so
    // the browser would not look for a new build for a long time: look each time the page comes
    // back to the front or the network comes back.
    // The promise callbacks are made once and live as long as the page (no closure per look).
    let ignore_update = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let update = Closure::<dyn FnMut(JsValue)>::new(move |registration: JsValue| {
        update_registration(&registration, &ignore_update)
    });
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let look_container = container.clone();
    let look = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if !page_hidden() {
            let _ = look_container
                .get_registration()
                .then(&update)
                .catch(&ignore);
        }
    });
    let target: &web_sys::EventTarget = window.as_ref();
    let _ = target.add_event_listener_with_callback("online", look.as_ref().unchecked_ref());
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", look.as_ref().unchecked_ref());
    look.forget();

    // `ready` settles once a worker is active, i.e. has stored every file of its build.
    if let Ok(ready) = container.ready() {
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            offline.status.try_set(Status::Ready);
        });
        let _ = ready.then(&done);
        done.forget();
    }
    Status::Pending
}

/// The "Hors ligne" card of the settings: whether the app opens without network, and why not.
pub fn status_card() -> AnyView {
    let lang = use_state().lang;
    let status = use_context::<Offline>().map(|o| o.status);
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let body = move || {
        let l = lang.get();
        let s = status.map_or(Status::Unsupported, |s| s.get());
        let text = match s {
            Status::Ready => l.pick(
                "Prête hors ligne : les fichiers de l'application sont enregistrés dans ce navigateur, elle s'ouvre même sans réseau. Pour l'installer sur l'écran d'accueil, choisissez « Installer » ou « Ajouter à l'écran d'accueil » dans le menu du navigateur.",
                "Ready offline: the app's files are stored in this browser, so it opens even without a network. To install it on the home screen, choose “Install” or “Add to Home screen” in the browser's menu.",
            ),
            Status::Pending => l.pick(
                "Préparation du démarrage hors ligne : enregistrement des fichiers de l'application…",
                "Getting ready to start offline: storing the app's files…",
            ),
            Status::Insecure => l.pick(
                "Démarrage hors ligne impossible ici : la page est servie en HTTP simple, et les navigateurs ne permettent d'enregistrer une application pour l'ouvrir sans réseau (service worker) que sur HTTPS ou sur localhost. L'application fonctionne tant que cette page reste ouverte, même sans réseau ; pour l'ouvrir hors ligne, faites-la servir en HTTPS.",
                "Cannot start offline here: the page is served over plain HTTP, and browsers only let an app be stored to open without network (service worker) over HTTPS or on localhost. The app works while this page stays open, even without network; to open it offline, have it served over HTTPS.",
            ),
            Status::Unsupported => l.pick(
                "Démarrage hors ligne impossible : ce navigateur ne le permet pas ici (service worker absent ou désactivé, par exemple en navigation privée). L'application fonctionne tant que cette page reste ouverte.",
                "Cannot start offline: this browser does not allow it here (no service worker, or turned off, e.g. in private browsing). The app works while this page stays open.",
            ),
            Status::Failed => l.pick(
                "Le démarrage hors ligne n'a pas pu être préparé (le fichier sw.js manque ou le serveur le refuse). L'application fonctionne tant que cette page reste ouverte.",
                "Starting offline could not be set up (the file sw.js is missing or refused by the server). The app works while this page stays open.",
            ),
        };
        let place = (s == Status::Insecure).then(|| {
            view! { <p class="muted small">{l.pick("Adresse : ", "Address: ")}<code>{origin.clone()}</code></p> }
        });
        view! {
            <p data-testid="offline-status" data-value=s.code()>{text}</p>
            {place}
        }
    };
    view! {
        <div class="card" data-testid="offline-card">
            <h2>{move || lang.get().pick("Hors ligne et installation", "Offline and installation")}</h2>
            {body}
        </div>
    }
    .into_any()
}

/// "Nouvelle version disponible — Recharger": shown once another build's worker took over.
pub fn update_banner() -> AnyView {
    let state = use_state();
    let update = use_context::<Offline>().map(|o| o.update);
    (move || {
        if !update.is_some_and(|u| u.get()) {
            return None;
        }
        let l = state.lang.get();
        // Reloading drops what is only in memory: say so when saving does not work.
        let unsaved = state.status.with(|s| !s.storage_available || s.storage_error.is_some());
        Some(view! {
            <div class="banner banner-update" role="status" data-testid="update-banner">
                <p>
                    <strong>{l.pick("Nouvelle version disponible", "New version available")}</strong>
                    {unsaved.then(|| l.pick(
                        " — exportez d'abord vos dossiers : ils ne sont pas enregistrés.",
                        " — export your files first: they are not saved.",
                    ))}
                </p>
                <div class="banner-actions">
                    <button class="btn btn-primary" data-testid="update-reload" on:click=|_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }>
                        {l.pick("Recharger", "Reload")}
                    </button>
                    <button class="btn" data-testid="update-later" on:click=move |_| {
                        if let Some(u) = update {
                            u.set(false);
                        }
                    }>
                        {l.pick("Plus tard", "Later")}
                    </button>
                </div>
            </div>
        })
    })
    .into_any()
}

/// The page is in the background (another tab, app switched away).
fn page_hidden() -> bool {
    js_sys::Reflect::get(&document(), &JsValue::from_str("hidden"))
        .ok()
        .and_then(|h| h.as_bool())
        .unwrap_or(false)
}

/// Asks the registration (if any) to fetch `sw.js` again: a new build installs and takes over,
/// and the page then offers to reload. A failure (offline, say) is ignored: the next look tries
/// again.
fn update_registration(registration: &JsValue, ignore: &Closure<dyn FnMut(JsValue)>) {
    let Ok(update) = js_sys::Reflect::get(registration, &JsValue::from_str("update")) else {
        return;
    };
    let Some(update) = update.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(promise) = update.call0(registration) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            let _ = promise.catch(ignore);
        }
    }
}
