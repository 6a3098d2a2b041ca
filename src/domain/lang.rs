//! The language of the interface and of every message: French first, English one tap away.
//!
//! The one way text is translated: a [`Lang`] chooses between a French and an English text —
//! `lang.pick(fr, en)` for a pair known when compiling, a function of the domain taking the
//! language (`label(lang)`, `message(lang)`) for a label or a message it builds, and
//! [`Bilingual`] for a message made before the language it will be read in is known (a
//! notice, a record's reason), read with `get(lang)`.

/// Interface language; French first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const fn is_fr(self) -> bool {
        matches!(self, Lang::Fr)
    }

    /// Picks the string of the language: every visible string goes through here.
    pub const fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The ISO code, for `<html lang>` and the settings record.
    pub const fn code(self) -> &'static str {
        self.pick("fr", "en")
    }
}

/// A message in both languages; the interface picks one at display time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub fr: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}
