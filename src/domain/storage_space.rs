//! The space a write needs in the browser's storage, counted as browsers count their quota, and
//! the refusal an import gets when it does not fit.
//!
//! Browsers count a `localStorage` entry as its key plus its value in UTF-16 code units, two
//! bytes each, against a fixed quota per origin (10 MiB in Chromium, whatever the characters:
//! measured by filling it with ASCII, Latin-1, `€` and CJK text, each time 5,242,880 units). An
//! import is checked before anything is written: the records as they would be stored, less what
//! the records they replace free, against what is left. A file that does not fit is refused whole
//! — otherwise a part would be saved and the rest would live only in the open tab.

use crate::domain::lang::Lang;

/// Bytes a key and its value take in the quota: two per UTF-16 code unit.
pub fn entry_bytes(key: &str, value: &str) -> u64 {
    2 * (utf16_len(key) + utf16_len(value))
}

/// Length in UTF-16 code units: one per character, two for those beyond the BMP.
pub fn utf16_len(s: &str) -> u64 {
    s.chars().map(|c| c.len_utf16() as u64).sum()
}

/// What a batch of writes adds to the storage: the new entries, less the entries they replace.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needed {
    /// Bytes of every entry to be written.
    pub written: u64,
    /// Bytes of the entries they overwrite (freed by the writes).
    pub freed: u64,
}

impl Needed {
    /// Counts one write: the new entry, and the one stored under its key (if any).
    pub fn add(&mut self, key: &str, value: &str, replaced: Option<&str>) {
        self.written += entry_bytes(key, value);
        if let Some(old) = replaced {
            self.freed += entry_bytes(key, old);
        }
    }

    /// The storage the writes take beyond what they free (zero when they free more).
    pub fn net(&self) -> u64 {
        self.written.saturating_sub(self.freed)
    }
}

/// An import refused because its records do not fit in what is left of the storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoRoom {
    /// Bytes the import's records need beyond what they free.
    pub needed: u64,
    /// Bytes left in the storage (measured to within [`PROBE_STEP_BYTES`], never overstated).
    pub left: u64,
}

/// How finely the space left is measured: a probe of the storage halves its range down to this.
pub const PROBE_STEP_BYTES: u64 = 25_000;

impl NoRoom {
    /// "ce fichier demande 24,8 Mo, il reste 1,7 Mo : …", in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        let (needed, left) = sizes(self.needed, self.left, lang);
        if french {
            format!(
                "ce fichier demande {needed}, il reste {left} dans le stockage du navigateur : \
                 exportez vos dossiers pour en garder une copie, supprimez ceux dont vous n'avez \
                 plus besoin, ou importez un fichier plus petit"
            )
        } else {
            format!(
                "this file needs {needed}, {left} is left in the browser's storage: export your \
                 files to keep a copy, delete those you no longer need, or import a smaller file"
            )
        }
    }
}

/// The two sizes of a refusal, in megabytes to one decimal: the need rounded up, what is left
/// rounded down, so that a refusal (need above what is left) never reads as if it fitted.
fn sizes(needed: u64, left: u64, lang: Lang) -> (String, String) {
    let french = lang.is_fr();
    let mb = |tenths: u64| {
        let sep = if french { ',' } else { '.' };
        let unit = if french { "Mo" } else { "MB" };
        format!("{}{sep}{} {unit}", tenths / 10, tenths % 10)
    };
    (mb(needed.div_ceil(100_000)), mb(left / 100_000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_refusal_shows_a_need_above_what_is_left(left in 0u64..(u64::MAX / 4), over in 1u64..50_000_000) {
            let (needed, shown_left) = sizes(left + over, left, Lang::Fr);
            prop_assert_ne!(needed, shown_left);
        }
    }

    #[test]
    fn an_entry_counts_two_bytes_per_utf16_unit_of_key_and_value() {
        // "k" + "abc": 4 units, 8 bytes; "é" and "€" are one unit each; "𝄞" is a surrogate pair.
        assert_eq!(entry_bytes("k", "abc"), 8);
        assert_eq!(entry_bytes("é", "€"), 4);
        assert_eq!(entry_bytes("", "𝄞"), 4);
        assert_eq!(entry_bytes("", ""), 0);
    }

    #[test]
    fn a_batch_needs_what_it_writes_less_what_it_overwrites() {
        let mut n = Needed::default();
        n.add("a", "1234", None); // 2 × 5 = 10
        n.add("b", "12", Some("1234567")); // writes 2 × 3 = 6, frees 2 × 8 = 16
        assert_eq!(n.written, 16);
        assert_eq!(n.freed, 16);
        assert_eq!(n.net(), 0);
        n.add("c", "123", None); // 2 × 4 = 8
        assert_eq!(n.net(), 8);
    }

    #[test]
    fn a_batch_that_frees_more_than_it_writes_needs_nothing() {
        let mut n = Needed::default();
        n.add("a", "", Some("a long value that was stored before"));
        assert_eq!(n.net(), 0);
    }

    #[test]
    fn the_refusal_gives_both_sizes_in_megabytes() {
        // 24,800,000 bytes → 248 tenths; 1,712,000 → 17 tenths (rounded down).
        let r = NoRoom {
            needed: 24_800_000,
            left: 1_712_000,
        };
        let fr = r.message(Lang::Fr);
        assert!(
            fr.starts_with("ce fichier demande 24,8 Mo, il reste 1,7 Mo"),
            "{fr}"
        );
        assert!(r
            .message(Lang::En)
            .starts_with("this file needs 24.8 MB, 1.7 MB is left"));
    }

    #[test]
    fn the_need_rounds_up_and_what_is_left_rounds_down() {
        // 1,700,001 → 18 tenths up; 1,799,999 → 17 tenths down.
        let r = NoRoom {
            needed: 1_700_001,
            left: 1_799_999,
        };
        assert_eq!(
            sizes(r.needed, r.left, Lang::Fr),
            ("1,8 Mo".into(), "1,7 Mo".into())
        );
    }

    #[test]
    fn a_refusal_never_reads_as_if_it_fitted() {
        // Just over what is left: 1,700,001 needed (18 tenths up) against 1,700,000 (17).
        assert_eq!(
            sizes(1_700_001, 1_700_000, Lang::Fr),
            ("1,8 Mo".into(), "1,7 Mo".into())
        );
        // Nothing left: 0,0.
        assert_eq!(sizes(1, 0, Lang::En), ("0.1 MB".into(), "0.0 MB".into()));
    }
}
