//! A ledger import (docs/receivables.md §4): each customer of a FEC or an open-items CSV goes to
//! the file that lists its code, else to the file with its SIREN, else waits for the user's
//! choice (link to a file, create a file from its name and code, skip). The plan shows what
//! changes before anything is stored; applying it is refused whole when it does not fit.
//!
//! (About 400 lines: the plan, its choices and its application are one flow, read together.)

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::import::refused;
use super::{display_name, Lang, Workspace};
use crate::domain::client::ClientFile;
use crate::domain::policy_history::rate_file;
use crate::domain::receivables::merge::{merge, Changes};
use crate::domain::receivables::source::{Source, SourceCustomer};
use crate::store::{Bilingual, NoSpace};

/// Why a customer went to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The file lists the customer's code.
    Code,
    /// The file has the customer's SIREN.
    Siren,
}

/// What happens to one customer of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomerChoice {
    /// Into the ledger of this file.
    Link(String),
    /// A new file named after the customer, with its code.
    Create,
    Skip,
}

/// One customer of the source and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCustomer {
    pub customer: SourceCustomer,
    /// The file found by code or SIREN; `None`: unmatched, the user chooses.
    pub matched: Option<(String, MatchedBy)>,
    pub choice: CustomerChoice,
    /// What the choice changes in the target ledger.
    pub changes: Changes,
}

/// A source read and matched, waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerPlan {
    /// The file's name.
    pub source_name: String,
    pub source: Source,
    pub customers: Vec<PlannedCustomer>,
}

impl LedgerPlan {
    /// Matched customers first, then the unmatched ones, each in code order.
    pub fn unmatched(&self) -> impl Iterator<Item = (usize, &PlannedCustomer)> {
        self.customers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.matched.is_none())
    }

    /// Σ of the encours the import leaves on the customers it does not skip.
    pub fn encours_after(&self) -> Decimal {
        self.customers
            .iter()
            .filter(|c| c.choice != CustomerChoice::Skip)
            .map(|c| c.changes.encours_after)
            .sum()
    }
}

/// What an applied import did, for the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LedgerSummary {
    pub updated_files: usize,
    pub created_files: usize,
    pub skipped: usize,
    pub as_of: Option<NaiveDate>,
}

impl LedgerSummary {
    pub fn message(&self, source: &str, lang: Lang) -> String {
        // 31/03/2025 in French; the ISO date in English, which reads the same everywhere.
        let date = self
            .as_of
            .map(|d| match lang {
                Lang::Fr => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
                Lang::En => d.to_string(),
            })
            .unwrap_or_default();
        if lang.is_fr() {
            format!(
                "Situation au {date} importée ({source}) : {} dossier(s) mis à jour, {} créé(s), {} client(s) ignoré(s).",
                self.updated_files, self.created_files, self.skipped
            )
        } else {
            format!(
                "Situation at {date} imported ({source}): {} file(s) updated, {} created, {} customer(s) skipped.",
                self.updated_files, self.created_files, self.skipped
            )
        }
    }
}

/// The SIREN a customer and a file share, compared on digits only.
fn same_siren(a: &str, b: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let a = digits(a);
    a.len() == 9 && a == digits(b)
}

impl Workspace {
    /// The file that owns a customer code, if any.
    pub fn file_with_code(&self, code: &str) -> Option<&ClientFile> {
        self.files.iter().find(|f| {
            f.ledger
                .as_ref()
                .is_some_and(|l| l.customer_codes.iter().any(|c| c == code))
        })
    }

    fn find_match(&self, c: &SourceCustomer) -> Option<(String, MatchedBy)> {
        if let Some(f) = self.file_with_code(&c.code) {
            return Some((f.id.clone(), MatchedBy::Code));
        }
        let siren = c.siren.as_deref()?;
        self.files
            .iter()
            .find(|f| same_siren(siren, &f.siren))
            .map(|f| (f.id.clone(), MatchedBy::Siren))
    }

    /// Matches every customer of `source` and computes what the import would change. The
    /// choices of `previous` (the same import before its date or journals changed) are kept
    /// for the customers it had. Nothing changes.
    pub fn plan_ledger(
        &self,
        source_name: &str,
        source: Source,
        previous: Option<&LedgerPlan>,
    ) -> LedgerPlan {
        let mut customers: Vec<PlannedCustomer> = source
            .customers
            .iter()
            .map(|c| {
                let matched = self.find_match(c);
                let earlier = previous
                    .and_then(|p| p.customers.iter().find(|p| p.customer.code == c.code))
                    .map(|p| p.choice.clone());
                let choice = earlier.unwrap_or_else(|| match &matched {
                    Some((id, _)) => CustomerChoice::Link(id.clone()),
                    None => CustomerChoice::Skip,
                });
                PlannedCustomer {
                    customer: c.clone(),
                    matched,
                    choice,
                    changes: Changes::default(),
                }
            })
            .collect();
        customers.sort_by(|a, b| {
            (a.matched.is_none(), &a.customer.code).cmp(&(b.matched.is_none(), &b.customer.code))
        });
        let mut plan = LedgerPlan {
            source_name: source_name.to_string(),
            source,
            customers,
        };
        self.refresh_changes(&mut plan);
        plan
    }

    /// Sets the choice of the customer at `index` and recomputes what changes.
    pub fn choose_for_customer(&self, plan: &mut LedgerPlan, index: usize, choice: CustomerChoice) {
        if let Some(c) = plan.customers.get_mut(index) {
            c.choice = choice;
        }
        self.refresh_changes(plan);
    }

    /// Creates a file for every unmatched customer (`ledger-create-all`).
    pub fn create_all_unmatched(&self, plan: &mut LedgerPlan) {
        for c in plan.customers.iter_mut().filter(|c| c.matched.is_none()) {
            c.choice = CustomerChoice::Create;
        }
        self.refresh_changes(plan);
    }

    fn refresh_changes(&self, plan: &mut LedgerPlan) {
        let files = self.apply_to(plan, &mut |_| String::new()).0;
        for c in &mut plan.customers {
            c.changes = match &c.choice {
                CustomerChoice::Skip => Changes::default(),
                _ => files.changes_of(&c.customer.code),
            };
        }
    }

    /// The files after the plan, and what it did; `new_id` names created files.
    fn apply_to(
        &self,
        plan: &LedgerPlan,
        new_id: &mut dyn FnMut(&SourceCustomer) -> String,
    ) -> (Applied, LedgerSummary) {
        let mut applied = Applied::default();
        let mut summary = LedgerSummary {
            as_of: Some(plan.source.as_of),
            ..LedgerSummary::default()
        };
        let rule = self.policy().receivables.end_of_month;
        for planned in &plan.customers {
            let c = &planned.customer;
            let mut file = match &planned.choice {
                CustomerChoice::Skip => {
                    summary.skipped += 1;
                    continue;
                }
                CustomerChoice::Link(id) => {
                    match applied.take(id).or_else(|| self.file(id).cloned()) {
                        Some(f) => f,
                        None => {
                            summary.skipped += 1;
                            continue;
                        }
                    }
                }
                CustomerChoice::Create => ClientFile {
                    id: new_id(c),
                    name: if c.name.trim().is_empty() {
                        c.code.clone()
                    } else {
                        c.name.clone()
                    },
                    siren: c.siren.clone().unwrap_or_default(),
                    sales_rep: c.sales_rep.clone().unwrap_or_default(),
                    ..ClientFile::default()
                },
            };
            let (ledger, changes) = merge(
                file.ledger.as_ref(),
                c,
                plan.source.kind,
                plan.source.as_of,
                &file.trade,
                rule,
            );
            if file.sales_rep.is_empty() {
                file.sales_rep = c.sales_rep.clone().unwrap_or_default();
            }
            file.ledger = Some(ledger);
            applied.changes.push((c.code.clone(), changes));
            applied.put(file, planned.choice == CustomerChoice::Create);
        }
        // A code belongs to one file at most: taken from any other file that listed it.
        let moved: Vec<(String, String)> = applied
            .files
            .iter()
            .flat_map(|(f, _)| {
                let codes = f
                    .ledger
                    .as_ref()
                    .map(|l| l.customer_codes.clone())
                    .unwrap_or_default();
                codes.into_iter().map(move |c| (f.id.clone(), c))
            })
            .collect();
        for (owner, code) in moved {
            for other in self.files.iter().filter(|f| f.id != owner) {
                if other
                    .ledger
                    .as_ref()
                    .is_some_and(|l| l.customer_codes.contains(&code))
                {
                    let mut f = applied.take(&other.id).unwrap_or_else(|| other.clone());
                    if let Some(l) = f.ledger.as_mut() {
                        l.customer_codes.retain(|c| c != &code);
                    }
                    applied.put(f, false);
                }
            }
        }
        summary.created_files = applied.files.iter().filter(|(_, new)| *new).count();
        summary.updated_files = applied.files.len() - summary.created_files;
        (applied, summary)
    }

    /// Applies the plan: the ledgers merged, files created, ratings brought up to date (the
    /// measured payment behaviour feeds the grid), saved. Refused whole, with the sizes, when
    /// the records do not fit in what is left of the storage.
    pub fn apply_ledger(&mut self, plan: &LedgerPlan) -> Result<LedgerSummary, Bilingual> {
        self.finish_delete();
        let mut taken: Vec<String> = Vec::new();
        let (applied, summary) = self.apply_to(plan, &mut |c| {
            let base = format!("client-{}", slug(&c.code));
            let mut id = self.fresh_id(&base);
            while taken.contains(&id) {
                id = self.fresh_id(&format!("{id}-"));
            }
            taken.push(id.clone());
            id
        });
        let source = Bilingual::new(plan.source_name.clone(), plan.source_name.clone());
        let (policy, today) = (self.history.current(), self.today);
        let mut files = self.files.clone();
        for (mut file, _) in applied.files {
            // The measured payment behaviour may change the rating: the files the import
            // touched are rated again; the others keep theirs.
            rate_file(&mut file, policy, today);
            match files.iter_mut().find(|f| f.id == file.id) {
                Some(slot) => *slot = file,
                None => files.push(file),
            }
        }
        self.room_for(&files, None)
            .map_err(|no_space| match &no_space {
                NoSpace::Short(r) => refused(&source, r.message(Lang::Fr), r.message(Lang::En)),
                NoSpace::Failed(e) => refused(&source, e.message(Lang::Fr), e.message(Lang::En)),
            })?;
        self.replace_files(files);
        self.flush();
        let fr = summary.message(&plan.source_name, Lang::Fr);
        let en = summary.message(&plan.source_name, Lang::En);
        self.say(fr, en);
        Ok(summary)
    }

    /// Sets the authorised limit of a file's ledger (`None`: the recommended limit applies).
    pub fn set_authorised_limit(&mut self, id: &str, limit: Option<Decimal>) {
        self.update_file(id, |f| {
            if let Some(l) = f.ledger.as_mut() {
                l.authorised_limit = limit;
            }
        });
    }

    /// The column mapping remembered from the last open-items CSV imported.
    pub fn remembered_csv_mapping(&self) -> Vec<(String, String)> {
        self.store.csv_mapping()
    }

    /// Remembers the column mapping of a CSV being imported (a failure to write it only loses
    /// the convenience).
    pub fn remember_csv_mapping(&mut self, pairs: &[(String, String)]) {
        let _ = self.store.save_csv_mapping(pairs);
    }

    /// A file's name for a message.
    pub fn name_of(&self, id: &str, lang: Lang) -> String {
        display_name(self.file(id).map(|f| f.name.as_str()).unwrap_or(""), lang)
    }
}

/// An id-safe form of a customer code.
fn slug(code: &str) -> String {
    let s: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(32)
        .collect();
    if s.trim_matches('-').is_empty() {
        "import".into()
    } else {
        s
    }
}

/// The files an import writes, each with whether it is new, and each customer's changes.
#[derive(Default)]
struct Applied {
    files: Vec<(ClientFile, bool)>,
    changes: Vec<(String, Changes)>,
}

impl Applied {
    fn take(&mut self, id: &str) -> Option<ClientFile> {
        let i = self.files.iter().position(|(f, _)| f.id == id)?;
        Some(self.files.remove(i).0)
    }

    fn put(&mut self, file: ClientFile, new: bool) {
        self.files.push((file, new));
    }

    fn changes_of(&self, code: &str) -> Changes {
        self.changes
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, ch)| *ch)
            .unwrap_or_default()
    }
}
