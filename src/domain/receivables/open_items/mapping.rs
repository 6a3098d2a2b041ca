//! Which column feeds which field (docs/receivables.md §3): detected from the header names, set
//! by hand in the dialogue, and remembered by header name.

use crate::domain::lang::Lang;
use crate::domain::receivables::text::fold;

/// The fields a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    CustomerCode,
    CustomerName,
    Siren,
    Reference,
    Kind,
    IssueDate,
    DueDate,
    Amount,
    OpenAmount,
    PaymentDate,
    SalesRep,
}

impl Field {
    /// Every field, in the dialogue's order.
    pub const ALL: [Field; 11] = [
        Field::CustomerCode,
        Field::CustomerName,
        Field::Siren,
        Field::Reference,
        Field::Kind,
        Field::IssueDate,
        Field::DueDate,
        Field::Amount,
        Field::OpenAmount,
        Field::PaymentDate,
        Field::SalesRep,
    ];

    /// The name under which a remembered mapping is stored.
    pub const fn key(self) -> &'static str {
        match self {
            Field::CustomerCode => "customer_code",
            Field::CustomerName => "customer_name",
            Field::Siren => "siren",
            Field::Reference => "reference",
            Field::Kind => "kind",
            Field::IssueDate => "issue_date",
            Field::DueDate => "due_date",
            Field::Amount => "amount",
            Field::OpenAmount => "open_amount",
            Field::PaymentDate => "payment_date",
            Field::SalesRep => "sales_rep",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The label shown in the dialogue and in a missing-column refusal.
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::CustomerCode => lang.pick("Code client", "Customer code"),
            Field::CustomerName => lang.pick("Nom du client", "Customer name"),
            Field::Siren => lang.pick("SIREN", "SIREN"),
            Field::Reference => lang.pick("Pièce", "Reference"),
            Field::Kind => lang.pick("Type", "Kind"),
            Field::IssueDate => lang.pick("Date pièce", "Issue date"),
            Field::DueDate => lang.pick("Échéance", "Due date"),
            Field::Amount => lang.pick("Montant", "Amount"),
            Field::OpenAmount => lang.pick("Solde", "Open amount"),
            Field::PaymentDate => lang.pick("Date de règlement", "Payment date"),
            Field::SalesRep => lang.pick("Commercial", "Sales rep"),
        }
    }

    /// Customer code, reference, issue date and amount: a file without them is refused.
    pub const fn required(self) -> bool {
        matches!(
            self,
            Field::CustomerCode | Field::Reference | Field::IssueDate | Field::Amount
        )
    }

    /// The header names of §3, folded by [`header_key`].
    const fn names(self) -> &'static [&'static str] {
        match self {
            Field::CustomerCode => &[
                "code client",
                "client",
                "customer",
                "customer code",
                "compte",
            ],
            Field::CustomerName => &["nom", "raison sociale", "customer name"],
            Field::Siren => &["siren", "siret"],
            Field::Reference => &[
                "piece",
                "facture",
                "numero",
                "document",
                "reference",
                "invoice",
            ],
            Field::Kind => &["type"],
            Field::IssueDate => &["date", "date piece", "date facture", "invoice date"],
            Field::DueDate => &["echeance", "date echeance", "due date"],
            Field::Amount => &["montant", "montant ttc", "amount"],
            Field::OpenAmount => &[
                "solde",
                "reste du",
                "montant ouvert",
                "open amount",
                "balance",
            ],
            Field::PaymentDate => &["date de reglement", "payment date"],
            Field::SalesRep => &["commercial", "sales rep"],
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// A header name as compared: case and accents ignored (as §3 says), surrounding spaces trimmed,
/// and — a small generosity for ERP exports — `_` read as a space and runs of spaces as one
/// (`Date_Echeance`, `Code  client`).
pub fn header_key(name: &str) -> String {
    let folded = fold(&name.replace('_', " "));
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which column (0-based) feeds each field; `None` when no column does.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ColumnMapping {
    columns: [Option<usize>; 11],
}

impl ColumnMapping {
    /// The mapping found from the header names of §3: for each field, the first column whose name
    /// is one of its names (of duplicate names the first is used).
    pub fn detect(header: &[String]) -> ColumnMapping {
        let mut mapping = ColumnMapping::default();
        for (column, name) in header.iter().enumerate() {
            let key = header_key(name);
            let field = Field::ALL
                .into_iter()
                .find(|f| f.names().contains(&key.as_str()));
            if let Some(field) = field {
                if mapping.get(field).is_none() {
                    mapping.set(field, Some(column));
                }
            }
        }
        mapping
    }

    /// The column feeding `field`.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns.get(field.index()).copied().flatten()
    }

    /// Maps `field` to `column` (a hand choice in the dialogue), or unmaps it with `None`. One
    /// column may feed two fields (amount and open amount, say).
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        if let Some(slot) = self.columns.get_mut(field.index()) {
            *slot = column;
        }
    }

    /// The required fields no column feeds, in [`Field::ALL`] order.
    pub fn missing_required(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| f.required() && self.get(*f).is_none())
            .collect()
    }

    /// The mapped fields with their columns, in [`Field::ALL`] order.
    pub fn mapped(&self) -> Vec<(Field, usize)> {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|c| (f, c)))
            .collect()
    }

    /// How many fields a row must have for every mapped column to be there.
    pub fn columns_needed(&self) -> usize {
        self.columns
            .iter()
            .flatten()
            .map(|c| c + 1)
            .max()
            .unwrap_or(0)
    }

    /// The mapping as it is remembered: (field key, header name) for each mapped field whose
    /// column has a name in `header`. A column past the header (an unnamed extra column mapped
    /// by hand) cannot be remembered by name and is left out.
    pub fn by_names(&self, header: &[String]) -> Vec<(String, String)> {
        self.mapped()
            .into_iter()
            .filter_map(|(f, c)| {
                header
                    .get(c)
                    .map(|name| (f.key().to_string(), name.clone()))
            })
            .collect()
    }

    /// A remembered mapping applied to `header`: each field goes to the first column whose name
    /// matches the remembered one (compared like the detection). Unknown field keys and names
    /// the header does not hold are skipped; fields not remembered stay unmapped.
    pub fn from_names(pairs: &[(String, String)], header: &[String]) -> ColumnMapping {
        let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
        let mut mapping = ColumnMapping::default();
        for (field, name) in pairs {
            let Some(field) = Field::from_key(field) else {
                continue;
            };
            let wanted = header_key(name);
            if let Some(column) = keys.iter().position(|k| *k == wanted) {
                mapping.set(field, Some(column));
            }
        }
        mapping
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keys_round_trip_and_labels_exist() {
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
            assert!(!f.label(Lang::Fr).is_empty() && !f.label(Lang::En).is_empty());
        }
        assert_eq!(Field::from_key("nope"), None);
    }

    #[test]
    fn detection_ignores_case_accents_and_keeps_the_first_duplicate() {
        let h = header(&[
            " Code Client ",
            "DATE ÉCHÉANCE",
            "Montant TTC",
            "montant",
            "Pièce",
            "Date_pièce",
        ]);
        let m = ColumnMapping::detect(&h);
        assert_eq!(m.get(Field::CustomerCode), Some(0));
        assert_eq!(m.get(Field::DueDate), Some(1));
        assert_eq!(m.get(Field::Amount), Some(2));
        assert_eq!(m.get(Field::Reference), Some(4));
        assert_eq!(m.get(Field::IssueDate), Some(5));
        assert_eq!(m.get(Field::OpenAmount), None);
        assert!(m.missing_required().is_empty());
        assert_eq!(m.columns_needed(), 6);
    }
}
