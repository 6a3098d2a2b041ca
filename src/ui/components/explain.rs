//! Why a figure is absent, and what a formula reads, in the user's language.

use crate::domain::aggregates::Aggregate;
use crate::domain::figure::{Input, Why};
use crate::domain::lang::Lang;
use crate::domain::statement::{BalanceLine, IncomeLine};

/// A statement line with its liasse code: "Clients et comptes rattachés (BX)".
pub fn balance_label(l: BalanceLine, lang: Lang) -> String {
    format!("{} ({})", l.label(lang), l.liasse())
}

/// An income-statement line with its liasse code.
pub fn income_label(l: IncomeLine, lang: Lang) -> String {
    format!("{} ({})", l.label(lang), l.liasse())
}

/// What a formula reads, named as on screen.
pub fn input_label(input: Input, lang: Lang) -> String {
    let french = lang.is_fr();
    match input {
        Input::Agg(a) => a.label(lang).to_string(),
        Input::Bs(l) => balance_label(l, lang),
        Input::Is(l) => income_label(l, lang),
        Input::Purchases => if french {
            "Achats (FS + FU + FW)"
        } else {
            "Purchases (FS + FU + FW)"
        }
        .to_string(),
        Input::LiquidAssets => if french {
            "Disponibilités et VMP (CF + CD)"
        } else {
            "Cash and securities (CF + CD)"
        }
        .to_string(),
        Input::OutsideLiabilities => if french {
            "Dettes totales (total bilan − capitaux propres)"
        } else {
            "Total liabilities (total assets − equity)"
        }
        .to_string(),
        Input::PreviousRevenue => if french {
            "Chiffre d'affaires de l'exercice précédent"
        } else {
            "Previous year's revenue"
        }
        .to_string(),
        Input::CreationDate => if french {
            "Date de création"
        } else {
            "Creation date"
        }
        .to_string(),
        Input::Qualitative => if french {
            "Information qualitative du dossier"
        } else {
            "Qualitative information of the file"
        }
        .to_string(),
    }
}

/// Why a figure is absent, as one short sentence ("Non saisi : total bilan (EE)").
pub fn why_text(why: Why, lang: Lang) -> String {
    let french = lang.is_fr();
    match why {
        Why::Missing(input) => {
            let what = input_label(input, lang);
            if french {
                format!("Non saisi : {what}")
            } else {
                format!("Not entered: {what}")
            }
        }
        Why::ZeroDenominator(input) => {
            let what = input_label(input, lang);
            if french {
                format!("Division par zéro : {what} égal à 0")
            } else {
                format!("Division by zero: {what} is 0")
            }
        }
        Why::NotPositive(Input::Agg(Aggregate::Equity)) => if french {
            "Capitaux propres négatifs ou nuls"
        } else {
            "Negative or zero equity"
        }
        .to_string(),
        Why::NotPositive(Input::Agg(Aggregate::Caf)) => if french {
            "CAF négative ou nulle"
        } else {
            "Negative or zero cash flow (CAF)"
        }
        .to_string(),
        Why::NotPositive(input) => {
            let what = input_label(input, lang);
            if french {
                format!("Négatif ou nul : {what}")
            } else {
                format!("Zero or negative: {what}")
            }
        }
        Why::NoPreviousYear => if french {
            "Pas d'exercice précédent saisi"
        } else {
            "No previous year entered"
        }
        .to_string(),
        Why::NoStatement => if french {
            "Aucun exercice saisi"
        } else {
            "No fiscal year entered"
        }
        .to_string(),
        Why::Inactive => if french {
            "Critère désactivé dans la politique de crédit"
        } else {
            "Criterion switched off in the credit policy"
        }
        .to_string(),
        Why::OutOfRange => if french {
            "Montants trop grands pour être combinés"
        } else {
            "Amounts too large to combine"
        }
        .to_string(),
    }
}
