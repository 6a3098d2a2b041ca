//! A denser form for the records that hold a ledger. Browsers count localStorage in UTF-16 code
//! units (Chromium: 2 bytes each, whatever the character), and a record's JSON is nearly all
//! ASCII, so each unit carries 7 useful bits. Packed, the record's UTF-8 bytes are cut into
//! 15-bit pieces, each written as one character of U+0100–U+80FF (never a surrogate, never a
//! control character): 15 bits per unit, 1.875 times denser. A packed value starts with
//! [`MARK`], which no JSON text starts with, so a plain record (every record without a ledger,
//! and every record written before) is read as it always was.
//!
//! Why not a compressor: the contract is a portfolio of 1,000 three-year files with their
//! ledgers, about 7.3 M units as JSON against the 5.24 M a browser gives; packing brings it to
//! about 3.9 M with forty lines of plain code and no dependency.

/// The first character of a packed value.
pub const MARK: char = '\u{2B58}';
/// Where the 15-bit pieces start: U+0100 + 0x7FFF = U+80FF, below the surrogates (U+D800).
const BASE: u32 = 0x0100;

/// `text` packed: [`MARK`], its byte length in two pieces, then its bytes, 15 bits a piece.
pub fn pack(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 8);
    out.push(MARK);
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX) & 0x3FFF_FFFF;
    push_piece(&mut out, len >> 15);
    push_piece(&mut out, len & 0x7FFF);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push_piece(&mut out, (acc >> bits) & 0x7FFF);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push_piece(&mut out, (acc << (15 - bits)) & 0x7FFF);
    }
    out
}

fn push_piece(out: &mut String, v: u32) {
    // BASE + v ≤ U+80FF: always a valid scalar value.
    out.push(char::from_u32(BASE + v).unwrap_or('\u{0100}'));
}

/// A packed value that cannot be unpacked (a piece out of range, cut short, not UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged;

/// The text of a packed value; `None` when `raw` is not packed (a plain record), `Some(Err)`
/// when it is packed but damaged (a piece out of range, cut short, not UTF-8).
pub fn unpack(raw: &str) -> Option<Result<String, Damaged>> {
    let body = raw.strip_prefix(MARK)?;
    Some(unpack_body(body))
}

fn unpack_body(body: &str) -> Result<String, Damaged> {
    let mut pieces = body.chars().map(|c| {
        let v = u32::from(c).wrapping_sub(BASE);
        if v <= 0x7FFF {
            Ok(v)
        } else {
            Err(Damaged)
        }
    });
    let mut next = || pieces.next().unwrap_or(Err(Damaged));
    let len = (next()? << 15) | next()?;
    let len = usize::try_from(len).map_err(|_| Damaged)?;
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    while bytes.len() < len {
        if bits < 8 {
            acc = (acc << 15) | next()?;
            bits += 15;
        }
        bits -= 8;
        bytes.push(((acc >> bits) & 0xFF) as u8);
        acc &= (1 << bits) - 1;
    }
    String::from_utf8(bytes).map_err(|_| Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_denser() {
        for text in [
            "",
            "a",
            "{\"schema\":1}",
            "é€あ😀 with every byte width",
            &"x".repeat(1001),
        ] {
            let packed = pack(text);
            assert_eq!(unpack(&packed), Some(Ok(text.to_string())), "{text}");
            assert!(packed.chars().all(|c| (c as u32) < 0xD800), "no surrogate");
        }
        // 15 bits a unit against 8 bits of ASCII: 1,500 bytes → 800 pieces + mark + length.
        let text = "a".repeat(1_500);
        assert_eq!(pack(&text).encode_utf16().count(), 1 + 2 + 800);
    }

    #[test]
    fn plain_and_damaged_values() {
        assert_eq!(unpack("{\"schema\":1}"), None);
        let packed = pack("{\"schema\":1}");
        let cut: String = packed.chars().take(4).collect();
        assert!(matches!(unpack(&cut), Some(Err(_))));
        let mut bad = packed.clone();
        bad.push('\u{9000}');
        // A piece after the end is ignored only if in range; out of range inside is an error.
        let wrong: String = std::iter::once(MARK)
            .chain("\u{9000}\u{9000}".chars())
            .collect();
        assert!(matches!(unpack(&wrong), Some(Err(_))));
        assert!(unpack(&bad).is_some());
    }
}
