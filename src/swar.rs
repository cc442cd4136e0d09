//! Byte scans without a branch per byte: tests on eight bytes at once, in a
//! `u64` ("SIMD within a register"), and tallies of byte pairs that the
//! compiler vectorizes. Word scans use them where a byte loop would
//! mispredict at nearly every word end: most words end within the first
//! eight bytes.

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const LOW_BITS: u64 = !HIGH_BITS;

/// `b` in every byte.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each byte of `x` in `lo..=hi` (both below 0x80).
fn bytes_within(x: u64, lo: u8, hi: u8) -> u64 {
    // Each byte below 0x80, with its high bit set, minus `lo` cannot borrow
    // from the next byte; nor can `0x80 + hi` minus it. Bytes with the high
    // bit set are cleared at the end.
    let low7 = x & LOW_BITS;
    ((low7 | HIGH_BITS) - splat(lo)) & (splat(0x80 + hi) - low7) & HIGH_BITS & !x
}

/// The high bit of each byte of `x` that is an ASCII digit.
fn ascii_digit_bytes(x: u64) -> u64 {
    bytes_within(x, b'0', b'9')
}

/// The high bit of each byte of `x` that is an ASCII letter or digit.
fn ascii_alphanumeric_bytes(x: u64) -> u64 {
    // `| 0x20` lower-cases letters and maps no other byte onto `a..=z`
    // (nor a byte with the high bit set, which keeps it).
    bytes_within(x | splat(0x20), b'a', b'z') | ascii_digit_bytes(x)
}

/// The high bit of each byte of `x` that opens a non-ASCII character (0xC0
/// and up): bit 6 shifted onto bit 7 of the same byte.
fn lead_bytes(x: u64) -> u64 {
    x & (x << 1) & HIGH_BITS
}

/// The high bit of each byte of `x` equal to `b`.
fn bytes_equal(x: u64, b: u8) -> u64 {
    let t = x ^ splat(b);
    // A zero byte, and only a zero byte, keeps its high bit clear in both
    // `t` and `(t & LOW_BITS) + LOW_BITS`; no carry crosses bytes.
    !(((t & LOW_BITS) + LOW_BITS) | t) & HIGH_BITS
}

/// The length of the run of ASCII letters and digits that opens `text`.
pub fn ascii_word_len(text: &[u8]) -> usize {
    run_len(text, ascii_alphanumeric_bytes, u8::is_ascii_alphanumeric)
}

/// The length of the run of ASCII letters, digits and apostrophes that
/// opens `text`: where a word of `counts::tokenize` ends or meets a
/// non-ASCII character.
pub fn ascii_token_len(text: &[u8]) -> usize {
    run_len(
        text,
        |x| ascii_alphanumeric_bytes(x) | bytes_equal(x, b'\''),
        |b| b.is_ascii_alphanumeric() || *b == b'\'',
    )
}

/// The length of the run of ASCII digits that opens `text`.
pub fn ascii_digits_len(text: &[u8]) -> usize {
    run_len(text, ascii_digit_bytes, u8::is_ascii_digit)
}

/// The length of the run that opens `text` of bytes that are neither ASCII
/// digits nor the first byte of a non-ASCII character.
pub fn len_before_digit_or_lead(text: &[u8]) -> usize {
    run_len(
        text,
        |x| !(ascii_digit_bytes(x) | lead_bytes(x)),
        |&b| !(b.is_ascii_digit() || b >= 0xC0),
    )
}

/// The length of the run of bytes in the class that `lanes` (eight at a
/// time) and `one` (the tail) tell.
#[inline]
fn run_len(text: &[u8], lanes: impl Fn(u64) -> u64, one: impl Fn(&u8) -> bool) -> usize {
    let mut len = 0;
    while let Some(chunk) = text[len..].first_chunk::<8>() {
        let others = !lanes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if others != 0 {
            return len + (others.trailing_zeros() / 8) as usize;
        }
        len += 8;
    }
    len + text[len..]
        .iter()
        .position(|b| !one(b))
        .unwrap_or(text.len() - len)
}

/// For each block of up to `block` (at most 255) adjacent byte pairs
/// `(text[i], text[i + 1])`, how many `test` holds for. No state is carried
/// from pair to pair, so the loop vectorizes; a caller may stop after any
/// block.
pub fn pair_counts(
    text: &[u8],
    block: usize,
    test: impl Fn(u8, u8) -> bool,
) -> impl Iterator<Item = usize> {
    debug_assert!((1..=255).contains(&block));
    let seconds = text.get(1..).unwrap_or_default();
    text.chunks(block)
        .zip(seconds.chunks(block))
        .map(move |(firsts, seconds)| {
            let found: u8 = firsts
                .iter()
                .zip(seconds)
                .map(|(&a, &b)| u8::from(test(a, b)))
                .sum();
            usize::from(found)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a 20-byte run, so each lane and
    /// the tail after the last 8-byte block see every byte.
    fn agrees(fast: fn(&[u8]) -> usize, class: fn(u8) -> bool) {
        let slow = |t: &[u8]| t.iter().position(|&b| !class(b)).unwrap_or(t.len());
        // A word and a run of digits, so that runs of every class reach
        // every lane.
        for base in [b"Tofacitinib0Bar'citin", b"123456789012345678901"] {
            agrees_around(base, fast, slow);
        }
    }

    fn agrees_around(base: &[u8], fast: fn(&[u8]) -> usize, slow: impl Fn(&[u8]) -> usize) {
        for at in 0..20 {
            for b in 0..=255u8 {
                let mut text = base.to_vec();
                text[at] = b;
                for end in [20, 19, 16, 9, 8, 7, 1, 0] {
                    let t = &text[..end];
                    assert_eq!(fast(t), slow(t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn runs_are_measured_eight_bytes_at_a_time() {
        agrees(ascii_word_len, |b| b.is_ascii_alphanumeric());
        agrees(ascii_token_len, |b| b.is_ascii_alphanumeric() || b == b'\'');
        agrees(ascii_digits_len, |b| b.is_ascii_digit());
        agrees(len_before_digit_or_lead, |b| {
            !(b.is_ascii_digit() || b >= 0xC0)
        });
    }

    #[test]
    fn pairs_are_counted_across_blocks() {
        let text = b"aab aab aab".repeat(40);
        let by_pair = text.windows(2).filter(|w| w == b"ab").count();
        for block in [1, 7, 64, 255] {
            let total: usize = pair_counts(&text, block, |a, b| a == b'a' && b == b'b').sum();
            assert_eq!(total, by_pair, "block {block}");
        }
        assert_eq!(pair_counts(b"", 8, |_, _| true).count(), 0);
        assert_eq!(pair_counts(b"a", 8, |_, _| true).sum::<usize>(), 0);
    }

    #[test]
    fn equal_bytes_are_found_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'\''.wrapping_add(1); 8];
                bytes[lane] = b;
                let found = bytes_equal(u64::from_le_bytes(bytes), b'\'');
                let expect = if b == b'\'' { 0x80u64 << (8 * lane) } else { 0 };
                assert_eq!(found, expect, "{b} in lane {lane}");
            }
        }
    }
}
