//! An import's clients against the stored ones: ids already in use, the user's choice for each,
//! fresh ids for the copies kept.

use std::collections::{HashMap, HashSet};

use crate::domain::client::ClientFile;

/// What to do with an incoming client whose id is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictChoice {
    /// The incoming file takes the place of the stored one.
    Replace,
    /// Both are kept; the incoming one gets a fresh id.
    KeepBoth,
    /// The incoming file is dropped.
    Skip,
}

/// Indices in `incoming` of the clients whose id is already in `existing`.
pub fn conflicts(existing: &[ClientFile], incoming: &[ClientFile]) -> Vec<usize> {
    let ids: HashSet<&str> = existing.iter().map(|c| c.id.as_str()).collect();
    incoming
        .iter()
        .enumerate()
        .filter(|(_, c)| ids.contains(c.id.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// `existing` followed by the incoming clients. An incoming client whose id is free is appended;
/// for one whose id is taken (by a stored client or an incoming one already merged), `choice`
/// decides: `Replace` puts it in the place of the one holding the id, `KeepBoth` appends it under
/// [`fresh_id`] (free among stored and incoming ids), `Skip` drops it.
pub fn merge(
    existing: Vec<ClientFile>,
    incoming: Vec<ClientFile>,
    choice: impl Fn(&ClientFile) -> ConflictChoice,
) -> Vec<ClientFile> {
    let mut out = existing;
    let mut position: HashMap<String, usize> = HashMap::with_capacity(out.len() + incoming.len());
    for (i, c) in out.iter().enumerate() {
        position.entry(c.id.clone()).or_insert(i);
    }
    let incoming_ids: HashSet<String> = incoming.iter().map(|c| c.id.clone()).collect();
    out.reserve(incoming.len());
    for mut c in incoming {
        match position.get(&c.id).copied() {
            None => {
                position.insert(c.id.clone(), out.len());
                out.push(c);
            }
            Some(pos) => match choice(&c) {
                ConflictChoice::Replace => {
                    if let Some(slot) = out.get_mut(pos) {
                        *slot = c;
                    }
                }
                ConflictChoice::KeepBoth => {
                    c.id = fresh_id(&c.id, |id| {
                        position.contains_key(id) || incoming_ids.contains(id)
                    });
                    position.insert(c.id.clone(), out.len());
                    out.push(c);
                }
                ConflictChoice::Skip => {}
            },
        }
    }
    out
}

/// `base` when it is free, else the first free of `base-2`, `base-3`, …
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    let mut n: u64 = 2;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken(&candidate) || n == u64::MAX {
            return candidate;
        }
        n += 1;
    }
}
