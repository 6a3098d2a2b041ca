//! The space an import takes in the storage, and whether it is there: the records as they
//! would be written, against what a probe finds left (the browser tells no quota).

use super::records::{client_key, client_record, file_hash};
use super::{Store, WriteError};
use crate::domain::client::ClientFile;
use crate::domain::policy::Policy;
use crate::domain::storage_space::{utf16_len, Needed, NoRoom, PROBE_STEP_BYTES};

/// Key of the probe that measures the space left (written, then removed at once).
const PROBE_KEY: &str = "encours.space-probe";

/// Why a batch of writes cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoSpace {
    /// Not enough room: what is left.
    Short(NoRoom),
    /// The storage refused the probe for another reason.
    Failed(WriteError),
}

impl Store {
    /// The space saving `files` takes, as the save would write them (a file identical to what
    /// this tab stored is not written), less the records they overwrite.
    pub fn space_for<'a>(&self, files: impl IntoIterator<Item = &'a ClientFile>) -> Needed {
        let mut needed = Needed::default();
        if self.storage.is_none() {
            return needed;
        }
        for f in files {
            let known = self.known.get(&f.id);
            if known.is_some_and(|k| k.hash == file_hash(f)) {
                continue;
            }
            let key = client_key(&f.id);
            let rev = known.map_or(1, |k| k.rev + 1);
            let old = known.and_then(|_| self.get(&key));
            needed.add(&key, &client_record(f, rev, &self.now()), old.as_deref());
        }
        needed
    }

    /// What one more version of the policy adds to the history record.
    pub fn policy_space(&self, policy: &Policy) -> u64 {
        serde_json::to_string(policy).map_or(0, |j| 2 * utf16_len(&j))
    }

    /// Whether `bytes` more fit in the storage. The browser tells no quota, so a probe finds
    /// out: one entry of that size is written and removed; when it does not fit, halving finds
    /// what is left, to within [`PROBE_STEP_BYTES`] and never more than there is. Nothing of
    /// the app's records changes.
    pub fn room_for(&self, bytes: u64) -> Result<(), NoSpace> {
        let Some(s) = &self.storage else {
            return Ok(());
        };
        let key_units = utf16_len(PROBE_KEY);
        // The probe holds `units` UTF-16 units of value: 2 × (key + units) bytes.
        let units_for = |bytes: u64| (bytes / 2).saturating_sub(key_units);
        // (`bytes` rounded up to a whole unit, so the probe is never smaller than the need.)
        let fits = |units: u64| -> Result<bool, WriteError> {
            let value = "0".repeat(usize::try_from(units).unwrap_or(usize::MAX / 2));
            let r = match s.set(PROBE_KEY, &value) {
                Ok(()) => Ok(true),
                Err(WriteError::Quota) => Ok(false),
                Err(e) => Err(e),
            };
            let _ = s.remove(PROBE_KEY);
            r
        };
        let want = units_for(bytes.div_ceil(2) * 2);
        if bytes == 0 || fits(want).map_err(NoSpace::Failed)? {
            return Ok(());
        }
        let (mut lo, mut hi) = (0u64, want);
        if !fits(0).map_err(NoSpace::Failed)? {
            return Err(NoSpace::Short(NoRoom {
                needed: bytes,
                left: 0,
            }));
        }
        while hi - lo > PROBE_STEP_BYTES / 2 {
            let mid = lo + (hi - lo) / 2;
            if fits(mid).map_err(NoSpace::Failed)? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Err(NoSpace::Short(NoRoom {
            needed: bytes,
            left: 2 * (lo + key_units),
        }))
    }
}
