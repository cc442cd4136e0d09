//! [`SharedStr`]: a paragraph, section or sentence that shares one buffer
//! with the rest of its study's text.
//!
//! A study's sections, paragraphs and outcome sentences are mostly the same
//! text cut in different places. Holding each as its own `String` stored the
//! abstract three times over; a folder of 100k studies then needed several
//! times its size in memory. A `SharedStr` is a range of a reference-counted
//! buffer, so each cut costs 16 bytes and the text is stored once. It reads,
//! compares, prints and serialises as the plain string it stands for.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::{Arc, LazyLock};

use foldhash::HashSet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The shared text. A thin pointer (to a boxed `str`) rather than `Arc<str>`
/// keeps a `SharedStr` at 16 bytes: a study holds dozens of them.
type Buffer = Arc<Box<str>>;

#[derive(Clone)]
pub struct SharedStr {
    buf: Buffer,
    start: u32,
    end: u32,
}

/// Names longer than this are not interned: they are rarely repeated.
const MAX_INTERNED_LEN: usize = 80;
/// A thread interns at most this many names; past that, new ones are fresh.
const MAX_INTERNED: usize = 8192;

const _: () = assert!(std::mem::size_of::<SharedStr>() == 16);

impl SharedStr {
    /// Every piece of `parts` as a `SharedStr`, all in one buffer.
    pub fn many<S: AsRef<str>>(parts: &[S]) -> Vec<SharedStr> {
        let mut buf = String::with_capacity(parts.iter().map(|p| p.as_ref().len()).sum());
        let ranges: Vec<Range<usize>> = parts
            .iter()
            .map(|p| {
                let start = buf.len();
                buf.push_str(p.as_ref());
                start..buf.len()
            })
            .collect();
        let buf: Buffer = Arc::new(buf.into_boxed_str());
        ranges.into_iter().map(|r| Self::within(&buf, r)).collect()
    }

    fn within(buf: &Buffer, range: Range<usize>) -> Self {
        // Studies are read from files of at most 256 MB, so offsets fit.
        Self {
            buf: Arc::clone(buf),
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.buf[self.start as usize..self.end as usize]
    }

    /// Moves every string of `fields` into one new buffer, so that a record's
    /// short strings cost one allocation between them.
    pub fn pack(fields: &mut [&mut SharedStr]) {
        let packed = Self::many(fields);
        for (field, text) in fields.iter_mut().zip(packed) {
            **field = text;
        }
    }

    /// `part` as a `SharedStr` on this one's buffer, when `part` is a slice
    /// of this string (as `trim` or a sentence split gives).
    pub fn slice_of(&self, part: &str) -> Option<SharedStr> {
        let whole = self.as_str();
        let offset = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
        (offset + part.len() <= whole.len()).then(|| {
            let start = self.start as usize + offset;
            Self::within(&self.buf, start..start + part.len())
        })
    }

    /// `text` as a name shared with every equal name this thread interned
    /// before: a drug, condition, section label, design or journal repeats
    /// across a folder, and each repeat then costs no allocation.
    pub fn interned(text: &str) -> SharedStr {
        thread_local! {
            static NAMES: RefCell<HashSet<SharedStr>> = RefCell::new(HashSet::default());
        }
        if text.len() > MAX_INTERNED_LEN {
            return Self::from(text);
        }
        NAMES.with_borrow_mut(|names| {
            if let Some(found) = names.get(text) {
                return found.clone();
            }
            let name = Self::from(text);
            if names.len() < MAX_INTERNED {
                names.insert(name.clone());
            }
            name
        })
    }

    /// Whether both are cut from one buffer (no copy was made).
    pub fn same_buffer(&self, other: &SharedStr) -> bool {
        Arc::ptr_eq(&self.buf, &other.buf)
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        // Every empty string shares one buffer: a study has many.
        static EMPTY: LazyLock<Buffer> = LazyLock::new(|| Arc::new(Box::from("")));
        Self::within(&EMPTY, 0..0)
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        let buf: Buffer = Arc::new(Box::from(text));
        Self::within(&buf, 0..text.len())
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        let len = text.len();
        let buf: Buffer = Arc::new(text.into_boxed_str());
        Self::within(&buf, 0..len)
    }
}

impl From<SharedStr> for String {
    fn from(text: SharedStr) -> Self {
        text.as_str().to_string()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SharedStr::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_share_one_buffer_and_read_as_themselves() {
        let parts = SharedStr::many(&["Tofacitinib works. ", "Chinese 中文"]);
        assert_eq!(parts[0], "Tofacitinib works. ");
        assert_eq!(parts[1], "Chinese 中文");
        assert!(Arc::ptr_eq(&parts[0].buf, &parts[1].buf));
        let trimmed = parts[0].slice_of(parts[0].trim()).expect("a slice of it");
        assert_eq!(trimmed, "Tofacitinib works.");
        assert!(Arc::ptr_eq(&trimmed.buf, &parts[0].buf));
        assert!(
            parts[0].slice_of("Tofacitinib").is_none(),
            "not a slice of it"
        );
    }

    #[test]
    fn interned_names_are_one_buffer_per_thread() {
        let a = SharedStr::interned("tofacitinib");
        let b = SharedStr::interned(&String::from("tofacitinib"));
        assert_eq!(a, b);
        assert!(a.same_buffer(&b));
        assert!(!a.same_buffer(&SharedStr::interned("baricitinib")));
        let long = "x".repeat(MAX_INTERNED_LEN + 1);
        assert!(!SharedStr::interned(&long).same_buffer(&SharedStr::interned(&long)));
    }

    #[test]
    fn packing_moves_fields_into_one_buffer_and_keeps_their_text() {
        let (mut id, mut title, mut empty) = (
            SharedStr::from("case-7"),
            SharedStr::from(String::from("Tofacitinib for alopecia")),
            SharedStr::default(),
        );
        assert!(!id.same_buffer(&title));
        SharedStr::pack(&mut [&mut id, &mut title, &mut empty]);
        assert_eq!(
            (id.as_str(), title.as_str(), empty.as_str()),
            ("case-7", "Tofacitinib for alopecia", "")
        );
        assert!(id.same_buffer(&title) && title.same_buffer(&empty));
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let s = SharedStr::many(&["ab", "cd"]).remove(1);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"cd\"");
        let back: SharedStr = serde_json::from_str("\"cd\"").unwrap();
        assert_eq!(back, s);
    }
}
