//! Bytes to text: BOMs, UTF-16, invalid UTF-8 (replaced and reported), and the
//! checks that tell an empty or binary file from a text.

use std::borrow::Cow;

use super::IngestError;

/// Decoded text and the warnings decoding raised.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warnings: Vec<String>,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, IngestError> {
    let mut decoded = decode_text(bytes)?;
    if has_controls(decoded.text.as_bytes()) {
        let (clean, removed) = strip_controls(&decoded.text);
        decoded.text = Cow::Owned(clean);
        decoded
            .warnings
            .push(format!("{removed} control character(s) removed"));
    }
    Ok(decoded)
}

fn decode_text(bytes: &[u8]) -> Result<Decoded<'_>, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    if let Some(text) = decode_utf16(bytes) {
        return Ok(Decoded {
            text: Cow::Owned(text),
            warnings: vec!["decoded from UTF-16".into()],
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(IngestError::Binary);
    }
    // The SIMD check is several times faster on Chinese text; only a file
    // that fails it is checked again, for the place of the first bad byte.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            warnings: Vec::new(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            warnings: Vec::new(),
        }),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes);
            let bad = text.matches('\u{FFFD}').count();
            let chars = text.chars().count().max(1);
            if bad * 10 > chars {
                return Err(IngestError::NotText(bad * 100 / chars));
            }
            Ok(Decoded {
                text,
                warnings: vec![format!(
                    "invalid UTF-8 from byte {}: {bad} sequence(s) replaced with U+FFFD",
                    e.valid_up_to()
                )],
            })
        }
    }
}

/// A control character other than line breaks and tabs: C0 (with form feed,
/// which pages use as a break, counted too), DEL, or C1 (`U+0080`-`U+009F`,
/// `C2 80`-`C2 9F` in UTF-8). Tallied per block without branches, so that it
/// vectorizes: most files have none and pay one pass.
fn has_controls(bytes: &[u8]) -> bool {
    let c0 = bytes.chunks(255).any(|block| {
        let found: u8 = block
            .iter()
            .map(|&b| u8::from(((b < 0x20) & !matches!(b, b'\n' | b'\r' | b'\t')) | (b == 0x7F)))
            .sum();
        found > 0
    });
    c0 || memchr::memchr_iter(0xC2, bytes)
        .any(|at| bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
}

/// The text without control characters: terminal escape sequences (`ESC [
/// ... m`, `ESC ] ... BEL`) go whole, a form feed or vertical tab becomes a
/// line break, any other control character a space. Returns how many
/// characters went.
fn strip_controls(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' | '\t' => out.push(c),
            '\u{1b}' => {
                removed += 1;
                match chars.peek() {
                    // CSI: parameters and intermediates, then one final byte.
                    Some('[') => {
                        chars.next();
                        while let Some(&p) = chars.peek() {
                            chars.next();
                            if ('@'..='~').contains(&p) {
                                break;
                            }
                        }
                    }
                    // OSC: up to BEL or ESC \.
                    Some(']') => {
                        chars.next();
                        while let Some(p) = chars.next() {
                            if p == '\u{7}' {
                                break;
                            }
                            if p == '\u{1b}' {
                                chars.next_if_eq(&'\\');
                                break;
                            }
                        }
                    }
                    // A two-character escape (`ESC c`, `ESC (B`'s first half).
                    Some(p) if ('@'..='_').contains(p) => {
                        chars.next();
                    }
                    _ => {}
                }
            }
            '\u{b}' | '\u{c}' => {
                removed += 1;
                out.push('\n');
            }
            c if c.is_control() => {
                removed += 1;
                out.push(' ');
            }
            c => out.push(c),
        }
    }
    (out, removed)
}

/// A NUL byte, or many control characters, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Tallied per block of bytes, without branches, so that it vectorizes.
    let control: usize = head
        .chunks(255)
        .map(|block| {
            let found: u8 = block
                .iter()
                .map(|&b| u8::from((b < 0x20) & !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
                .sum();
            usize::from(found)
        })
        .sum();
    control * 10 > head.len()
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (body, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(matches!(decode(b""), Err(IngestError::Empty)));
        assert!(matches!(decode(b" \n\t\n"), Err(IngestError::Empty)));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x00\x00"),
            Err(IngestError::Binary)
        ));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let d = decode(b"Tofacitinib \xff\xfe works").unwrap();
        assert_eq!(d.text, "Tofacitinib \u{FFFD}\u{FFFD} works");
        assert!(d.warnings[0].contains("byte 12"));
    }

    #[test]
    fn mostly_invalid_utf8_is_not_text() {
        let noise: Vec<u8> = (0..2000u32)
            .map(|i| (i * 7919 % 251) as u8 | 0x80)
            .collect();
        assert!(matches!(decode(&noise), Err(IngestError::NotText(_))));
    }

    #[test]
    fn control_characters_are_removed_and_reported() {
        let d =
            decode(b"\x1b[1;31mTofacitinib\x1b[0m for\x07 vitiligo\x0cResults\x1b]0;title\x07.")
                .unwrap();
        assert_eq!(d.text, "Tofacitinib for  vitiligo\nResults.");
        assert!(d.warnings[0].contains("control character"));
        let d = decode("C1\u{85}here\u{7f}".as_bytes()).unwrap();
        assert_eq!(d.text, "C1 here ");
        let clean = decode("Line one\r\nTab\there, 中文".as_bytes()).unwrap();
        assert!(matches!(clean.text, Cow::Borrowed(_)));
        assert!(clean.warnings.is_empty());
    }

    #[test]
    fn boms_are_handled() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().text, "abc");
        let utf16: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&utf16).unwrap().text, "hi");
    }
}
