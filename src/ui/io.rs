//! Files in and out of the browser: downloading a document, reading a file the user picked.
//!
//! Nothing here touches storage or the network: a download is a Blob turned into an object URL
//! and clicked through a temporary anchor; a picked file is read by a `FileReader`.

use crate::domain::lang::Lang;
use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::client::ClientFile;
use crate::domain::exchange::write_parts;
use crate::domain::policy::Policy;

/// Largest file an import reads (the exchange reader's limit, 20 MB): anything bigger is refused
/// before reading.
pub const MAX_IMPORT_BYTES: f64 = crate::domain::exchange::MAX_INPUT_BYTES as f64;

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "blob refused")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL")?;
    let anchor = document
        .create_element("a")
        .map_err(|_| "no anchor")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no anchor")?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    // Some browsers only follow a click on an anchor that is in the document.
    let body = document.body().ok_or("no body")?;
    let _ = anchor.set_attribute("hidden", "");
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers: give it a moment.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// The exchange document (format v1) of some client files with the policy, as text.
pub fn exchange_text(clients: &[ClientFile], policy: &Policy) -> String {
    // Written in place: no copy of every client and the policy.
    let at = crate::storage::now_iso();
    write_parts(Some(&at), Some(policy), clients)
}

/// Downloads the exchange document of `clients` with `policy` as `filename`.
/// A failure (rare: the browser refused the Blob) is reported in an alert in the page's language.
pub fn export_clients(clients: &[ClientFile], policy: &Policy, filename: &str) {
    let text = exchange_text(clients, policy);
    if download(filename, "application/json", &text).is_err() {
        let french = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .is_none_or(|l| l != "en");
        let msg = if french {
            "Le navigateur a refusé le téléchargement. Réessayez, ou vérifiez qu'il autorise les téléchargements."
        } else {
            "The browser refused the download. Try again, or check that it allows downloads."
        };
        if let Some(w) = web_sys::window() {
            let _ = w.alert_with_message(msg);
        }
    }
}

/// A file name for an export: `encours-<stem>-<YYYY-MM-DD>.json`, the stem reduced to
/// letters, digits and dashes.
pub fn export_filename(stem: &str) -> String {
    let mut slug = String::new();
    for c in stem.chars() {
        let c = fold_char(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let date: String = crate::storage::now_iso().chars().take(10).collect();
    if slug.is_empty() {
        format!("encours-{date}.json")
    } else {
        format!("encours-{slug}-{date}.json")
    }
}

/// A Latin letter without its accent, for file names, search and sorting.
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        _ => c,
    }
}

/// Lower case without accents: the key of search and sorting by name.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'œ' => 'o',
            'æ' => 'a',
            c => c,
        })
        .collect()
}

/// Why a picked file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Over [`MAX_IMPORT_BYTES`]; the size in bytes.
    TooLarge {
        name: String,
        bytes: f64,
        limit: f64,
    },
    /// The browser could not read it.
    Unreadable { name: String },
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        match (self, french) {
            (ReadError::TooLarge { name, bytes, limit }, true) => format!(
                "« {name} » fait {} Mo : au-delà de {} Mo, un fichier n'est pas lu. Rien n'a été modifié.",
                megabytes(*bytes).replace('.', ","),
                whole_megabytes(*limit)
            ),
            (ReadError::TooLarge { name, bytes, limit }, false) => format!(
                "“{name}” is {} MB: files over {} MB are not read. Nothing was changed.",
                megabytes(*bytes),
                whole_megabytes(*limit)
            ),
            (ReadError::Unreadable { name }, true) => {
                format!("Le navigateur n'a pas pu lire « {name} ». Rien n'a été modifié.")
            }
            (ReadError::Unreadable { name }, false) => {
                format!("The browser could not read “{name}”. Nothing was changed.")
            }
        }
    }
}

/// A limit in whole megabytes ("20"), for the limits the app sets itself.
fn whole_megabytes(bytes: f64) -> String {
    megabytes(bytes)
        .split('.')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// `bytes / 1e6` with one decimal, rounded as `format!("{:.1}")` rounds it (half to even on the
/// float's exact value), in integers: `{:.1}` was the app's only float formatting and linked
/// about 4 KB gzip of it. The float is `m × 2^e`; tenths = round(10·m × 2^e).
fn megabytes(bytes: f64) -> String {
    let q = bytes / 1_000_000.0;
    let bits = q.to_bits();
    let m = 10 * u128::from((bits & ((1 << 52) - 1)) | (1 << 52));
    let e = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let tenths = if e >= 0 {
        m.checked_shl(e as u32).unwrap_or(0)
    } else if e > -120 {
        let s = e.unsigned_abs();
        let (floor, rem, half) = (m >> s, m & ((1 << s) - 1), 1u128 << (s - 1));
        floor + u128::from(rem > half || (rem == half && floor % 2 == 1))
    } else {
        0
    };
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Reads the first file picked in `input` as text, then calls `done` with its name and
/// content. Files over [`MAX_IMPORT_BYTES`] are refused before reading. The input is cleared, so
/// picking the same file again reads it again. Returns false when no file was picked.
pub fn read_picked_file(
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(Result<(String, String), ReadError>) + 'static,
) -> bool {
    read_picked(input, MAX_IMPORT_BYTES, false, move |r| {
        done(r.and_then(|(name, v)| match v.as_string() {
            Some(text) => Ok((name, text)),
            None => Err(ReadError::Unreadable { name }),
        }))
    })
}

/// Reads the first file picked in `input` as bytes (a FEC or a CSV, whose encoding the reader
/// decides), refusing files over `max_bytes` before reading; as [`read_picked_file`].
pub fn read_picked_bytes(
    input: &web_sys::HtmlInputElement,
    max_bytes: f64,
    done: impl FnOnce(Result<(String, Vec<u8>), ReadError>) + 'static,
) -> bool {
    read_picked(input, max_bytes, true, move |r| {
        done(
            r.and_then(|(name, v)| match v.dyn_into::<js_sys::ArrayBuffer>() {
                Ok(buffer) => Ok((name, js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => Err(ReadError::Unreadable { name }),
            }),
        )
    })
}

/// The `FileReader` behind both: the result as a JS value (a string or an `ArrayBuffer`).
fn read_picked(
    input: &web_sys::HtmlInputElement,
    max_bytes: f64,
    binary: bool,
    done: impl FnOnce(Result<(String, JsValue), ReadError>) + 'static,
) -> bool {
    let Some(file) = input.files().and_then(|l| l.get(0)) else {
        return false;
    };
    input.set_value("");
    let name = file.name();
    if file.size() > max_bytes {
        done(Err(ReadError::TooLarge {
            name,
            bytes: file.size(),
            limit: max_bytes,
        }));
        return true;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(ReadError::Unreadable { name }));
        return true;
    };
    let finish = {
        let name = name.clone();
        move |r: Result<JsValue, ()>| {
            done(
                r.map(|v| (name.clone(), v))
                    .map_err(|_| ReadError::Unreadable { name }),
            );
        }
    };
    let finish = std::rc::Rc::new(std::cell::RefCell::new(Some(finish)));
    let on_load = {
        let reader = reader.clone();
        let finish = finish.clone();
        Closure::once_into_js(move || {
            let value = reader.result().ok();
            if let Some(f) = finish.borrow_mut().take() {
                f(value.ok_or(()));
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move || {
            if let Some(f) = finish.borrow_mut().take() {
                f(Err(()));
            }
        })
    };
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    let started = if binary {
        reader.read_as_array_buffer(&file)
    } else {
        reader.read_as_text(&file)
    };
    if started.is_err() {
        if let Some(f) = finish.borrow_mut().take() {
            f(Err(()));
        }
    }
    true
}

// --- Web Share ---------------------------------------------------------------------------------
// Sharing files (`navigator.canShare` / `navigator.share`, Web Share Level 2) is reached through
// `Reflect`, so nothing depends on web-sys's unstable share API, and a browser without it simply
// has no share button. Nothing here panics.

/// `navigator` and one of its functions, when the browser has it.
fn navigator_fn(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let f = js_sys::Reflect::get(&nav, &JsValue::from_str(name)).ok()?;
    Some((nav, f.dyn_into().ok()?))
}

/// `{ files: [File(text, name, application/json)] }`, what `canShare` and `share` take.
fn share_data(filename: &str, text: &str) -> Option<JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type("application/json");
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, filename, &opts).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    Some(data.into())
}

/// Whether the browser can share a JSON file (asked with a small file of the same kind).
pub fn can_share_json() -> bool {
    let (Some((nav, can)), Some(_)) = (navigator_fn("canShare"), navigator_fn("share")) else {
        return false;
    };
    share_data("encours.json", "{}")
        .and_then(|d| can.call1(&nav, &d).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Shares `text` as the JSON file `filename`. `failed` is called when the browser refuses or the
/// share fails, but not when the user cancels it (`AbortError`).
pub fn share_json(filename: &str, text: &str, failed: impl FnOnce() + 'static) {
    let promise = navigator_fn("share").and_then(|(nav, share)| {
        let data = share_data(filename, text)?;
        share
            .call1(&nav, &data)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = promise else {
        failed();
        return;
    };
    let on_error = Closure::once(move |e: JsValue| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() != Some("AbortError") {
            failed();
        }
    });
    let on_ok = Closure::once(|_: JsValue| {});
    let _ = promise.then2(&on_ok, &on_error);
    // Each is called at most once, when the share ends: JavaScript owns them from here.
    on_ok.forget();
    on_error.forget();
}

/// "Partager" (`share-export`): the same file as "Exporter tout" (same JSON, same name), through
/// the system's share sheet. Nothing where the browser cannot share files.
pub fn share_export_button(state: super::AppState) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    if !can_share_json() {
        return ().into_any();
    }
    let lang = state.lang;
    let share = move |_| {
        let files = state.files.get_untracked();
        let text = state.policy.with_untracked(|p| exchange_text(&files, p));
        share_json(&export_filename("portefeuille"), &text, move || {
            state.notify(crate::store::Bilingual::new(
                "Le partage n'a pas abouti. Utilisez « Exporter tout » pour télécharger le fichier.",
                "Sharing did not work. Use “Export all” to download the file.",
            ));
        });
    };
    view! {
        <button type="button" class="btn" data-testid="share-export" on:click=share>
            <span aria-hidden="true">"⇪ "</span>
            {crate::ui::components::fmt::tr(lang, "Partager", "Share")}
        </button>
    }
    .into_any()
}
