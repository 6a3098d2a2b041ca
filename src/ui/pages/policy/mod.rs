//! The policy screen: the credit manager's own editor of the credit policy (FINANCE.md §3–6),
//! versioned and shareable.
//!
//! - Every number of the policy is one field, addressed by a [`Field`] (which criterion, which
//!   band, which class…): one generic field and one generic band editor render every criterion,
//!   class and ratio. Percentages are shown and typed as percentages ("20" for 20 %) and stored
//!   as fractions; numbers are typed the French or the English way (`parse::parse_amount`).
//! - The draft is validated on every change by `policy_check::validate`; each problem shows at
//!   the field whose [`Place`] it names (the same typed place gives each field its label), or
//!   at its group (weights, classes, a
//!   ratio, a zone). An invalid draft, or text that is not a number, cannot be previewed or
//!   saved.
//! - Saving needs an up-to-date preview (`policy_history::preview`): the portfolio re-rated under
//!   the draft, the files that change class or limit listed and counted. It then adds a version
//!   to the history (`AppState::save_policy`), with its date and an optional comment.
//! - Earlier versions stay readable (the same form, read-only) and can be made current again;
//!   the defaults of FINANCE.md come back after one confirmation. The policy in force is
//!   exported as JSON, and a policy file is imported into the draft (validated the same way;
//!   refused with the place of each problem, and then nothing changes).
//!
//! The screen computes nothing financial: it edits data and calls the domain.
//!
//! The page's state and handlers are one component, [`PolicyPage`] (longer than the other rooms:
//! it holds the draft, the preview, the versions, import and export together, as one screen);
//! the form and its parts are in the sibling files.

mod field;
mod labels;
mod penalties_dunning;
mod preview;
mod receivables;
mod sections;
mod widgets;

use std::rc::Rc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::domain::policy::Policy;
use crate::domain::policy_check::validate;
use crate::domain::policy_history::{
    needs_rerate, policy_to_json, preview, read_policy_json, same_rules, HistoryError, Preview,
};
use crate::store::Bilingual;
use crate::ui::io::{download, export_filename, read_picked_file};
use crate::ui::{use_state, Lang};
use field::*;
use labels::*;
use preview::*;
use sections::*;
use widgets::*;

/// The policy screen.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let draft = RwSignal::new(state.policy.get_untracked());
    // The version the draft started from: when the policy in force changes under an untouched
    // draft (a revert, another tab), the draft follows it.
    let base = RwSignal::new(state.policy.get_untracked());
    // Flips when the draft is replaced, so that the form is drawn anew.
    let generation = RwSignal::new(false);
    let bad = RwSignal::new(Vec::<Field>::new());
    let errors = crate::ui::components::memo(move || draft.with(validate));
    let preview_of = RwSignal::new(None::<(Policy, Preview)>);
    let fresh = crate::ui::components::memo(move || {
        preview_of.with(|pv| pv.as_ref().is_some_and(|(p, _)| draft.with(|d| d == p)))
    });
    let comment = RwSignal::new(String::new());
    let note = RwSignal::new(None::<Note>);
    // The version shown read-only, if any.
    let viewing = RwSignal::new(None::<usize>);
    let confirm_reset = RwSignal::new(false);

    let dirty = crate::ui::components::memo(move || {
        state.policy.with(|cur| draft.with(|d| !same_rules(d, cur)))
    });
    let valid =
        crate::ui::components::memo(move || errors.with(Vec::is_empty) && bad.with(Vec::is_empty));

    let replace_draft = move |p: Policy| {
        draft.set(p);
        bad.set(Vec::new());
        generation.update(|g| *g = !*g);
    };
    crate::ui::components::effect(move || {
        let cur = state.policy.get();
        if base.with_untracked(|b| *b != cur) {
            if base.with_untracked(|b| draft.with_untracked(|d| same_rules(d, b))) {
                replace_draft(cur.clone());
            }
            base.set(cur);
        }
    });

    let run_preview = move || {
        let d = draft.get_untracked();
        let r = state.files.with_untracked(|fs| {
            state
                .policy
                .with_untracked(|cur| preview(fs, cur, &d, state.today.get_untracked()))
        });
        preview_of.set(r.ok().map(|pv| (d, pv)));
    };

    let done = move |r: Result<u32, HistoryError>| {
        if r.is_ok() {
            viewing.set(None);
            comment.set(String::new());
            preview_of.set(None);
        }
        note.set(Some(match r {
            Ok(v) => Note {
                testid: "policy-saved",
                value: v.to_string(),
                ok: true,
                text: Bilingual::new(
                    format!("Version {v} enregistrée : c'est la politique en vigueur."),
                    format!("Version {v} saved: it is the policy in force."),
                ),
            },
            Err(e) => Note {
                testid: "policy-save-error",
                value: String::new(),
                ok: false,
                text: Bilingual::new(e.message(Lang::Fr), e.message(Lang::En)),
            },
        }));
    };
    let save = move || {
        if valid.get_untracked() && fresh.get_untracked() {
            done(state.save_policy(draft.get_untracked(), &comment.get_untracked()));
            // The draft is the version saved; its fields keep what was typed.
            draft.set(state.policy.get_untracked());
        }
    };
    let revert = move |v: u32| {
        let comment = if lang.get_untracked().is_fr() {
            format!("Retour à la version {v}")
        } else {
            format!("Back to version {v}")
        };
        done(state.revert_policy(v, &comment));
    };
    let reset = move || {
        confirm_reset.set(false);
        let comment = lang.get_untracked().pick(
            "Retour à la politique par défaut",
            "Back to the default policy",
        );
        done(state.reset_policy(comment));
    };
    let export = move || {
        let p = state.policy.get_untracked();
        let name = export_filename(&format!("politique v{}", p.version));
        let _ = download(&name, "application/json", &policy_to_json(&p));
    };

    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        note.set(None);
        read_picked_file(&input, move |r| {
            let (ok, text) = match r {
                Err(e) => (false, Bilingual::new(e.message(Lang::Fr), e.message(Lang::En))),
                Ok((name, text)) => match read_policy_json(&text) {
                    Err(errs) => (
                        false,
                        Bilingual::new(
                            format!(
                                "Fichier refusé (« {name} ») — {}. Rien n'a été modifié.",
                                problems_text(&errs, Lang::Fr)
                            ),
                            format!(
                                "File refused (“{name}”) — {}. Nothing was changed.",
                                problems_text(&errs, Lang::En)
                            ),
                        ),
                    ),
                    Ok(p) if state.policy.with_untracked(|cur| same_rules(cur, &p)) => (
                        true,
                        Bilingual::new(
                            format!("« {name} » a les règles de la politique en vigueur : rien à enregistrer."),
                            format!("“{name}” has the rules of the policy in force: nothing to save."),
                        ),
                    ),
                    Ok(p) => {
                        viewing.set(None);
                        replace_draft(p);
                        comment.set(if lang.get_untracked().is_fr() {
                            format!("Importée de « {name} »")
                        } else {
                            format!("Imported from “{name}”")
                        });
                        run_preview();
                        (
                            true,
                            Bilingual::new(
                                format!("« {name} » est chargé dans le brouillon : vérifiez l'aperçu, puis enregistrez."),
                                format!("“{name}” is loaded into the draft: check the preview, then save."),
                            ),
                        )
                    }
                },
            };
            note.set(Some(Note {
                testid: if ok {
                    "policy-import-ok"
                } else {
                    "policy-import-error"
                },
                value: String::new(),
                ok,
                text,
            }));
        });
    };

    let head = move || {
        let l = lang.get();
        let (version, title) = state.policy.with(|p| (p.version, version_title(p, l)));
        view! {
            <div class="page-head policy-head">
                <div>
                    <h1 class="page-title">{l.pick("Politique de crédit", "Credit policy")}</h1>
                    <p class="muted">
                        <span data-testid="policy-version" data-value=version.to_string()>{title}</span>
                        {l.pick(" — en vigueur.", " — in force.")}
                    </p>
                </div>
                <div class="policy-actions">
                    {button("btn", "policy-export".into(), l.pick("⤒ Exporter la politique", "⤒ Export the policy"), Rc::new(export))}
                    <label class="btn file-btn">
                        <input type="file" class="visually-hidden" accept=".json,application/json" data-testid="policy-import-file" on:change=import/>
                        {l.pick("⤓ Importer une politique", "⤓ Import a policy")}
                    </label>
                    {button("btn btn-ghost", "policy-reset".into(), l.pick("Politique par défaut…", "Default policy…"), Rc::new(move || confirm_reset.set(true)))}
                </div>
            </div>
        }
        .into_any()
    };

    // Confirmations and messages of the page's actions.
    let notices = move || {
        let l = lang.get();
        let fr = l.is_fr();
        let mut out: Vec<AnyView> = Vec::new();
        if confirm_reset.get() {
            out.push(notice(
                "alert policy-confirm",
                "policy-reset-dialog",
                String::new(),
                text("", l.pick(
                    "Revenir aux valeurs par défaut de la politique ? Elles seront enregistrées comme une nouvelle version ; les versions actuelles restent consultables.",
                    "Go back to the policy's default values? They will be saved as a new version; the current versions stay readable.",
                ).into()),
                vec![
                    button("btn btn-primary", "policy-reset-confirm".into(), l.pick("Rétablir les valeurs par défaut", "Restore the defaults"), Rc::new(reset)),
                    button("btn", "policy-reset-cancel".into(), l.pick("Annuler", "Cancel"), Rc::new(move || confirm_reset.set(false))),
                ],
            ));
        }
        if let Some(n) = note.get() {
            out.push(notice(
                if n.ok {
                    "alert alert-ok"
                } else {
                    "alert alert-error"
                },
                n.testid,
                n.value,
                text("", n.text.get(l).to_string()),
                vec![button(
                    "btn-icon btn-close",
                    "policy-note-close".into(),
                    "",
                    Rc::new(move || note.set(None)),
                )],
            ));
        }
        let n = state.policy.with(|p| {
            state
                .files
                .with(|fs| fs.iter().filter(|f| needs_rerate(f, p)).count())
        });
        if n > 0 {
            out.push(notice(
                "alert policy-outdated",
                "policy-outdated",
                n.to_string(),
                text("", if fr {
                    format!("{n} dossier(s) gardent une notation faite avec une autre version de la politique.")
                } else {
                    format!("{n} file(s) keep a rating made with another version of the policy.")
                }),
                vec![button("btn", "policy-rerate-all".into(), l.pick("Re-noter tous les dossiers", "Re-rate every file"), Rc::new(move || {
                    state.rerate_all();
                }))],
            ));
        }
        out
    };

    // The editor, drawn again when the draft is replaced or the language changes (what was
    // typed is kept otherwise); or an earlier version, read-only.
    let main = move || {
        let l = lang.get();
        match viewing.get() {
            // A replaced draft gets new fields, not fields patched in place: a field keeps the
            // text typed into it, which a new value must not leave behind.
            None => {
                let form = policy_form(Editor {
                    draft,
                    errors,
                    bad,
                    readonly: false,
                    lang: l,
                });
                if generation.get() {
                    Either::<AnyView, AnyView>::Left(form).into_any()
                } else {
                    Either::<AnyView, AnyView>::Right(form).into_any()
                }
            }
            Some(v) => {
                let v = v as u32;
                let Some(p) = state.history.with(|h| h.get(v).cloned()) else {
                    return ().into_any();
                };
                let is_current = state.policy.with(|c| c.version == v);
                let mut body = version_title(&p, l);
                body.push_str(l.pick(" — consultation seule. ", " — read only. "));
                body.push_str(&p.comment);
                let mut actions = Vec::new();
                if !is_current {
                    actions.push(button(
                        "btn",
                        "policy-view-revert".into(),
                        l.pick("Revenir à cette version", "Go back to this version"),
                        Rc::new(move || revert(v)),
                    ));
                }
                actions.push(button(
                    "btn btn-primary",
                    "policy-view-close".into(),
                    l.pick("Retour au brouillon", "Back to the draft"),
                    Rc::new(move || viewing.set(None)),
                ));
                let banner = notice(
                    "alert policy-viewing",
                    "policy-viewing",
                    v.to_string(),
                    text("", body),
                    actions,
                );
                let form = policy_form(Editor {
                    draft: RwSignal::new(p),
                    errors: Memo::new(|_| Vec::new()),
                    bad: RwSignal::new(Vec::new()),
                    readonly: true,
                    lang: l,
                });
                vec![banner, form].into_any()
            }
        }
    };

    // Problems, preview, comment and save; drawn again when one of them changes.
    let save_card = move || {
        if viewing.get().is_some() {
            return ().into_any();
        }
        let l = lang.get();
        let fr = l.is_fr();
        let (is_dirty, is_valid, is_fresh) = (dirty.get(), valid.get(), fresh.get());
        let status = match (is_dirty, is_valid, is_fresh) {
            (false, _, _) => l.pick(
                "Le brouillon est la politique en vigueur : modifiez une valeur pour créer une version.",
                "The draft is the policy in force: change a value to make a version.",
            ),
            (true, false, _) => l.pick("Corrigez les problèmes ci-dessous pour continuer.", "Fix the problems below to go on."),
            (true, true, false) => l.pick("Prévisualisez l'effet sur le portefeuille avant d'enregistrer.", "Preview the effect on the portfolio before saving."),
            (true, true, true) => l.pick("Vérifiez l'aperçu, puis enregistrez.", "Check the preview, then save."),
        };
        let n = errors.with(Vec::len) + bad.with(Vec::len);
        let problems = (n > 0).then(|| {
            let mut items: Vec<(String, String)> = errors.with(|es| {
                es.iter()
                    .map(|e| {
                        (
                            e.path(),
                            format!("{} : {}", place_label(e.place, l), problem_text(e, l)),
                        )
                    })
                    .collect()
            });
            if bad.with(|b| !b.is_empty()) {
                items.push((
                    String::new(),
                    l.pick(
                        "des champs ne contiennent pas un nombre",
                        "some fields do not hold a number",
                    )
                    .into(),
                ));
            }
            let title = if fr {
                format!("{n} problème(s) à corriger avant d'enregistrer :")
            } else {
                format!("{n} problem(s) to fix before saving:")
            };
            let mut lines = vec![text("problems-title", title)];
            lines.extend(items.into_iter().map(|(_, m)| text("problem-item", m)));
            notice(
                "alert alert-error policy-problems",
                "policy-problems",
                n.to_string(),
                lines.into_any(),
                Vec::new(),
            )
        });
        let preview_list = is_fresh
            .then(|| preview_of.with(|pv| pv.as_ref().map(|(_, pv)| preview_view(pv, l))))
            .flatten();
        let preview_button = button_if(
            "btn",
            "policy-preview".into(),
            l.pick(
                "Prévisualiser l'effet sur le portefeuille",
                "Preview the effect on the portfolio",
            ),
            !is_valid,
            Rc::new(run_preview),
        );
        let save_button = button_if(
            "btn btn-primary",
            "policy-save".into(),
            l.pick("Enregistrer la version", "Save the version"),
            !(is_dirty && is_valid && is_fresh),
            Rc::new(save),
        );
        let comment_field = view! {
            <label class="policy-comment">
                <span>{l.pick("Commentaire (facultatif)", "Comment (optional)")}</span>
                <input type="text" data-testid="policy-comment" maxlength="300" prop:value=comment.get_untracked() on:input=move |ev| comment.set(event_target_value(&ev))/>
            </label>
        }
        .into_any();
        let mut body: Vec<AnyView> = problems.into_iter().collect();
        body.push(preview_button);
        body.extend(preview_list);
        body.push(comment_field);
        body.push(save_button);
        section(
            "card policy-save",
            l.pick("Enregistrer une nouvelle version", "Save a new version"),
            status,
            body,
        )
    };

    let versions = move || {
        let l = lang.get();
        let current = state.policy.with(|p| p.version);
        let items = state.history.with(|h| {
            h.versions()
                .rev()
                .map(|p| {
                    let v = p.version;
                    let is_current = v == current;
                    let mut actions = vec![button("btn btn-ghost", format!("policy-view-{v}"), l.pick("Consulter", "View"), Rc::new(move || viewing.set(Some(v as usize))))];
                    if !is_current {
                        actions.push(button("btn", format!("policy-revert-{v}"), l.pick("Revenir à cette version", "Go back to this version"), Rc::new(move || revert(v))));
                    }
                    let mut what = version_title(p, l);
                    if is_current {
                        what.push_str(l.pick(" · en vigueur", " · in force"));
                    }
                    view! {
                        <li class="version-item" class:current=is_current data-testid="policy-version-item" data-version=v.to_string()>
                            <span class="version-what">
                                <strong>{what}</strong>
                                <span class="muted version-comment">{p.comment.clone()}</span>
                            </span>
                            <span class="policy-actions">{actions}</span>
                        </li>
                    }
                })
                .collect_view()
        });
        section(
            "card policy-section",
            l.pick("Versions", "Versions"),
            l.pick(
                "Chaque enregistrement crée une version ; revenir à une version l'enregistre de nouveau, sans effacer l'historique.",
                "Each save makes a version; going back to a version saves it again, without erasing the history.",
            ),
            vec![view! { <ol class="version-list" data-testid="policy-versions">{items}</ol> }.into_any()],
        )
    };

    view! {
        <section class="page policy-page" data-testid="policy-page">
            {head}
            {notices}
            {main}
            {save_card}
            {versions}
        </section>
    }
}
