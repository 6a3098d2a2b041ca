//! The qualitative, trade and notes cards of the client form.

use leptos::prelude::*;

use crate::domain::client::{CollectiveProceeding, TermsBasis};

use super::fields::*;
use crate::ui::components::edit_current;
use crate::ui::components::fmt::tr;
use crate::ui::AppState;

pub(super) fn qualitative(state: AppState) -> AnyView {
    let lang = state.lang;
    let new_client = read(state, |f| f.qualitative.payment_history.new_client, false);
    let fields = vec![
        view! {
            <div class="form-field checkbox-field">
                <label for="f-new_client" class="checkbox-label">
                    <input
                        type="checkbox"
                        id="f-new_client"
                        data-testid="field-new_client"
                        prop:checked=move || new_client.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_current(&state, |f| f.qualitative.payment_history.new_client = on);
                        }
                    />
                    <span>{tr(lang, "Nouveau client (pas d'historique de paiement)", "New client (no payment history)")}</span>
                </label>
            </div>
        }
        .into_any(),
        count_field(
            state,
            "avg_days_late",
            "Retard moyen de paiement (jours)",
            "Average days late",
            Some(("Avec nous, sur les 12 derniers mois.", "With us, over the last 12 months.")),
            |f| f.qualitative.payment_history.avg_days_late,
            |f, v| f.qualitative.payment_history.avg_days_late = v,
        ),
        count_field(
            state,
            "payment_incidents_12m",
            "Incidents de paiement (12 mois)",
            "Payment incidents (12 months)",
            None,
            |f| f.qualitative.payment_incidents_12m,
            |f, v| f.qualitative.payment_incidents_12m = v,
        ),
        select_field(
            state,
            "collective_proceeding",
            "Procédure collective",
            "Insolvency proceedings",
            &[
                ("none", "Aucune", "None"),
                ("safeguard", "Sauvegarde", "Safeguard"),
                ("receivership", "Redressement judiciaire", "Receivership"),
                ("liquidation", "Liquidation judiciaire", "Liquidation"),
            ],
            "none",
            |f| f.qualitative.collective_proceeding.key().to_string(),
            |f, k| {
                f.qualitative.collective_proceeding =
                    CollectiveProceeding::from_key(k).unwrap_or_default()
            },
        ),
        select_field(
            state,
            "information_quality",
            "Qualité de l'information (1 à 5)",
            "Information quality (1 to 5)",
            &[
                ("", "Non évaluée", "Not assessed"),
                ("1", "1 — très faible", "1 — very poor"),
                ("2", "2 — faible", "2 — poor"),
                ("3", "3 — correcte", "3 — fair"),
                ("4", "4 — bonne", "4 — good"),
                ("5", "5 — excellente (comptes certifiés)", "5 — excellent (audited accounts)"),
            ],
            "",
            |f| {
                f.qualitative
                    .information_quality
                    .map(|q| q.to_string())
                    .unwrap_or_default()
            },
            |f, k| {
                f.qualitative.information_quality =
                    k.parse::<u8>().ok().filter(|q| (1..=5).contains(q))
            },
        ),
    ];
    card(
        state,
        "qualitative",
        "Informations qualitatives",
        "Qualitative information",
        fields,
    )
}

pub(super) fn trade(state: AppState) -> AnyView {
    let fields = vec![
        amount_field(
            state,
            "trade-expected_annual_sales",
            "Ventes annuelles prévues (€ HT)",
            "Expected annual sales (€ excl. VAT)",
            None,
            |f| f.trade.expected_annual_sales,
            |f, v| f.trade.expected_annual_sales = v,
        ),
        count_field(
            state,
            "trade-terms_days",
            "Délai de paiement demandé (jours)",
            "Requested payment terms (days)",
            Some((
                "Vide : 30 jours nets (délai légal par défaut).",
                "Empty: 30 days net (legal default).",
            )),
            |f| f.trade.terms_days,
            |f, v| f.trade.terms_days = v,
        ),
        select_field(
            state,
            "trade-terms_basis",
            "Point de départ du délai",
            "Terms basis",
            &[
                ("net", "Nets, date de facture", "Net, from invoice date"),
                ("end_of_month", "Fin de mois", "End of month"),
            ],
            "net",
            |f| f.trade.terms_basis.key().to_string(),
            |f, k| f.trade.terms_basis = TermsBasis::from_key(k).unwrap_or_default(),
        ),
        count_field(
            state,
            "trade-expected_delay_days",
            "Retard attendu au-delà du délai (jours)",
            "Expected delay beyond terms (days)",
            Some((
                "Vide : le retard moyen constaté.",
                "Empty: the average days late observed.",
            )),
            |f| f.trade.expected_delay_days,
            |f, v| f.trade.expected_delay_days = v,
        ),
        amount_field(
            state,
            "trade-insurance_cover",
            "Couverture assurance-crédit (€)",
            "Credit insurance cover (€)",
            None,
            |f| f.trade.insurance_cover,
            |f, v| f.trade.insurance_cover = v,
        ),
        amount_field(
            state,
            "trade-guarantees",
            "Autres garanties (€)",
            "Other guarantees (€)",
            Some((
                "Caution bancaire, garantie maison mère.",
                "Bank guarantee, parent company guarantee.",
            )),
            |f| f.trade.guarantees,
            |f, v| f.trade.guarantees = v,
        ),
        amount_field(
            state,
            "trade-requested_limit",
            "Encours demandé (€)",
            "Requested credit limit (€)",
            None,
            |f| f.trade.requested_limit,
            |f, v| f.trade.requested_limit = v,
        ),
    ];
    card(
        state,
        "trade",
        "Conditions commerciales",
        "Trade terms",
        fields,
    )
}

pub(super) fn notes(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let text = read(state, |f| f.notes.clone(), String::new());
    view! {
        <section class="card" data-testid="notes">
            <h2><label for="f-notes">{tr(lang, "Notes", "Notes")}</label></h2>
            <textarea
                id="f-notes"
                class="input notes-input"
                rows="5"
                data-testid="field-notes"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit_current(&state, |f| f.notes = v);
                }
            ></textarea>
        </section>
    }
}
