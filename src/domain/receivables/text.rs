//! Bytes to text as accounting exports write them: UTF-8 (a BOM dropped), else a single-byte
//! encoding — ISO-8859-15 for a FEC (the encoding art. A47 A-1 names), Windows-1252 for an ERP's
//! CSV (what Excel writes on a French Windows). Two small tables rather than a whole encoding
//! crate: these are the only two the contract names.

/// The single-byte encoding tried when the bytes are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    Iso8859_15,
    Windows1252,
}

/// Windows-1252's 0x80–0x9F; the five bytes it leaves undefined map to the C1 control of the
/// same value, as the WHATWG Encoding Standard decodes them.
const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// ISO-8859-15 is Latin-1 except for these eight bytes (€, Š, š, Ž, ž, Œ, œ, Ÿ).
fn iso_8859_15(b: u8) -> char {
    match b {
        0xA4 => '€',
        0xA6 => 'Š',
        0xA8 => 'š',
        0xB4 => 'Ž',
        0xB8 => 'ž',
        0xBC => 'Œ',
        0xBD => 'œ',
        0xBE => 'Ÿ',
        _ => char::from(b),
    }
}

fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => WINDOWS_1252_80_9F[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The text of `bytes`: UTF-8 without its BOM when the bytes are valid UTF-8, else every byte
/// through the fallback table (which accepts any byte).
pub fn decode(bytes: &[u8], fallback: Fallback) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let table = match fallback {
                Fallback::Iso8859_15 => iso_8859_15,
                Fallback::Windows1252 => windows_1252,
            };
            bytes.iter().map(|&b| table(b)).collect()
        }
    }
}

/// True when the bytes hold a control byte no text export writes (NUL and the C0 controls other
/// than TAB, LF, CR, form feed and SUB): the sign of a binary file.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .take(64 * 1024)
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
}

/// `s` folded for comparing header names: lower case, accents removed, spaces trimmed.
pub fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("\u{FEFF}Société".as_bytes(), Fallback::Iso8859_15),
            "Société"
        );
        assert_eq!(
            decode("Société".as_bytes(), Fallback::Windows1252),
            "Société"
        );
    }

    #[test]
    fn single_byte_fallbacks_differ_where_they_should() {
        // 0xA4 is € in ISO-8859-15 and ¤ in Windows-1252; 0x80 is € in Windows-1252.
        assert_eq!(decode(b"\xA4 \xE9", Fallback::Iso8859_15), "€ é");
        assert_eq!(decode(b"\xA4 \xE9", Fallback::Windows1252), "¤ é");
        assert_eq!(decode(b"\x80\x9C", Fallback::Windows1252), "€œ");
        assert_eq!(decode(b"\xBD", Fallback::Iso8859_15), "œ");
    }

    #[test]
    fn binary_detection_and_folding() {
        assert!(looks_binary(b"PK\x03\x04\x00"));
        assert!(!looks_binary(b"a\tb\r\nc;d\n"));
        assert_eq!(fold("  ÉcritureDate "), "ecrituredate");
        assert_eq!(fold("Date Échéance"), "date echeance");
    }
}
