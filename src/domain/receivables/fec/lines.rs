//! Physical lines: CR LF, a lone CR and a lone LF each end one. On text the terminators are
//! found with `str::find` (memchr), each searched once over the whole file; on raw bytes (a
//! single-byte encoding, checked before decoding) a plain scan.

/// The next line of `bytes` at `pos`: its start, its end (before the terminator) and where the
/// following line starts.
pub(super) fn next_line(bytes: &[u8], pos: usize) -> Option<(usize, usize, usize)> {
    let rest = bytes.get(pos..).filter(|r| !r.is_empty())?;
    let Some(at) = rest.iter().position(|&b| b == b'\n' || b == b'\r') else {
        return Some((pos, bytes.len(), bytes.len()));
    };
    let end = pos + at;
    let crlf = rest.get(at..at + 2) == Some(b"\r\n");
    Some((pos, end, end + if crlf { 2 } else { 1 }))
}

/// The next occurrence of one terminator, remembered until the scan passes it: a file with
/// only CRs is not searched for an LF once per line.
#[derive(Debug, Clone, Copy, Default)]
struct Finder {
    searched: bool,
    at: Option<usize>,
}

impl Finder {
    fn next(&mut self, text: &str, pos: usize, c: char) -> Option<usize> {
        if !self.searched || self.at.is_some_and(|a| a < pos) {
            self.searched = true;
            self.at = text.get(pos..).and_then(|r| r.find(c)).map(|i| pos + i);
        }
        self.at
    }
}

/// Walks the lines of one text, resumable between calls.
#[derive(Debug, Clone, Default)]
pub(super) struct Scanner {
    /// Byte offset of the next line.
    pub pos: usize,
    lf: Finder,
    cr: Finder,
}

impl Scanner {
    /// The next line's (start, end) in `text` (always the same text), moving past its
    /// terminator.
    pub(super) fn next(&mut self, text: &str) -> Option<(usize, usize)> {
        let pos = self.pos;
        if pos >= text.len() {
            return None;
        }
        let lf = self.lf.next(text, pos, '\n');
        let cr = self.cr.next(text, pos, '\r');
        let end = match (lf, cr) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => text.len(),
        };
        let crlf = cr == Some(end) && lf == Some(end + 1);
        self.pos = if end >= text.len() {
            text.len()
        } else if crlf {
            end + 2
        } else {
            end + 1
        };
        Some((pos, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        let mut s = Scanner::default();
        let mut out = Vec::new();
        while let Some((a, b)) = s.next(text) {
            out.push(text.get(a..b).unwrap_or("?"));
        }
        out
    }

    fn byte_lines(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((a, b, next)) = next_line(text.as_bytes(), pos) {
            out.push(text.get(a..b).unwrap_or("?"));
            pos = next;
        }
        out
    }

    #[test]
    fn every_terminator_ends_one_line() {
        for text in [
            "a\r\nb\rc\nd",
            "a\r\nb\rc\nd\n",
            "\n\n",
            "a\r\r\nb",
            "",
            "x",
        ] {
            assert_eq!(lines(text), byte_lines(text), "{text:?}");
        }
        assert_eq!(lines("a\r\nb\rc\nd\n"), vec!["a", "b", "c", "d"]);
        assert_eq!(lines("a\r\r\nb"), vec!["a", "", "b"]);
        assert_eq!(lines("\n\n"), vec!["", ""]);
    }
}
