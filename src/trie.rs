//! A byte trie over short ASCII-case-folded terms, and a bit set of term
//! heads to pass over most text positions without touching the trie.
//!
//! The lexicon (2,117 terms) uses these instead of an Aho-Corasick DFA:
//! its terms only start at a word or a non-ASCII character, so a lookup at
//! those positions, filtered by a hash of the head, reads far less memory
//! than a 16 MB DFA stepped on every byte. (The small cue sets stay with
//! `aho_corasick`, `vocab::Words` and `vocab::LineCues`: a trie lookup at
//! every word start measured 5% slower there.)

use std::collections::BTreeMap;

use crate::swar;

/// Terms as a byte trie, ASCII case folded. Node `n` is `nodes[n]`: its
/// edges are `edges[first..next node's first]`, sorted by byte; the root's
/// are also kept in a table by byte, since every lookup starts there. Nodes
/// and edges are 8-byte records in two arrays, so a step down the trie reads
/// a node and a short run of edges (most nodes have one to three).
pub struct Trie {
    root: [u32; 256],
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Clone, Copy)]
struct Node {
    first: u32,
    /// The term spelled by the path here, plus one (0: none); the first
    /// added when several terms fold to the same bytes.
    terminal: u32,
}

#[derive(Clone, Copy)]
struct Edge {
    byte: u8,
    target: u32,
}

impl Trie {
    const NONE: u32 = u32::MAX;

    /// A trie of `texts` (an empty text can never be found).
    pub fn new(texts: &[impl AsRef<str>]) -> Self {
        let mut children: Vec<BTreeMap<u8, u32>> = vec![BTreeMap::new()];
        let mut terminal: Vec<Option<u32>> = vec![None];
        for (index, text) in texts.iter().enumerate() {
            let mut node = 0;
            for b in text.as_ref().bytes().map(|b| b.to_ascii_lowercase()) {
                let next = children.len() as u32;
                let child = *children[node].entry(b).or_insert(next);
                if child == next {
                    children.push(BTreeMap::new());
                    terminal.push(None);
                }
                node = child as usize;
            }
            terminal[node].get_or_insert(index as u32);
        }
        let mut trie = Trie {
            root: [Self::NONE; 256],
            nodes: Vec::with_capacity(children.len() + 1),
            edges: Vec::new(),
        };
        for (edges, terminal) in children.iter().zip(&terminal) {
            trie.nodes.push(Node {
                first: trie.edges.len() as u32,
                terminal: terminal.map_or(0, |i| i + 1),
            });
            trie.edges
                .extend(edges.iter().map(|(&byte, &target)| Edge { byte, target }));
        }
        trie.nodes.push(Node {
            first: trie.edges.len() as u32,
            terminal: 0,
        });
        for (&b, &child) in &children[0] {
            trie.root[b as usize] = child;
        }
        trie
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let (from, to) = (
            self.nodes[node].first as usize,
            self.nodes[node + 1].first as usize,
        );
        self.edges[from..to]
            .iter()
            .find(|e| e.byte == byte)
            .map(|e| e.target as usize)
    }

    /// Every term that `text` starts with, as (length, term index),
    /// shortest first.
    pub fn prefixes(&self, text: &[u8], out: &mut Vec<(usize, u32)>) {
        let Some((&first, rest)) = text.split_first() else {
            return;
        };
        let mut node = match self.root[first.to_ascii_lowercase() as usize] {
            Self::NONE => return,
            n => n as usize,
        };
        let mut len = 1;
        loop {
            if let Some(index) = self.nodes[node].terminal.checked_sub(1) {
                out.push((len, index));
            }
            let Some(&b) = rest.get(len - 1) else {
                return;
            };
            match self.child(node, b.to_ascii_lowercase()) {
                Some(next) => node = next,
                None => return,
            }
            len += 1;
        }
    }
}

/// The length of the head of a term or a text position: its leading ASCII
/// word, or its first character when that is not ASCII.
#[inline]
pub fn word_head(text: &[u8]) -> usize {
    let len = match text.first() {
        Some(b) if b.is_ascii_alphanumeric() => swar::ascii_word_len(text),
        Some(&b) if b >= 0xF0 => 4,
        Some(&b) if b >= 0xE0 => 3,
        Some(&b) if b >= 0xC0 => 2,
        _ => 1,
    };
    len.min(text.len())
}

/// A set of heads kept as bits of a hash: `contains` may say yes wrongly
/// (under 2% of the time for the lexicon's heads), never no wrongly.
pub struct HeadSet {
    bits: Vec<u64>,
}

impl HeadSet {
    const BITS: u32 = 16;

    pub fn new<'a>(heads: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut set = HeadSet {
            bits: vec![0; 1 << (Self::BITS - 6)],
        };
        for head in heads {
            let h = Self::hash(head, head.len());
            set.bits[h / 64] |= 1 << (h % 64);
        }
        set
    }

    /// Whether the first `head` bytes of `text` may be in the set.
    pub fn contains(&self, text: &[u8], head: usize) -> bool {
        let h = Self::hash(text, head);
        self.bits[h / 64] & (1 << (h % 64)) != 0
    }

    /// A cheap hash of the first `head` bytes of `text`: their length and
    /// first eight bytes, ASCII letters folded (`| 0x20` lower-cases letters
    /// and keeps digits; other bytes only need to hash alike in `new` and
    /// `contains`).
    fn hash(text: &[u8], head: usize) -> usize {
        let n = head.min(8).min(text.len());
        let mask = |m: u64| if n == 0 { 0 } else { m >> (8 * (8 - n)) };
        let word = match text.first_chunk::<8>() {
            // One unaligned load, the bytes past the head masked off.
            Some(chunk) => u64::from_le_bytes(*chunk) & mask(u64::MAX),
            None => text[..n]
                .iter()
                .enumerate()
                .fold(0, |w, (i, &b)| w | u64::from(b) << (8 * i)),
        };
        let key = (word | mask(0x2020_2020_2020_2020)) ^ (head as u64).rotate_right(8);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_fold_ascii_case_and_come_shortest_first() {
        let trie = Trie::new(&["jak", "JAK inhibitor", "jak抑制剂", "x"]);
        let mut out = Vec::new();
        trie.prefixes(b"Jak Inhibitors", &mut out);
        assert_eq!(out, [(3, 0), (13, 1)]);
        out.clear();
        trie.prefixes("JAK抑制剂".as_bytes(), &mut out);
        assert_eq!(out, [(3, 0), (12, 2)]);
        out.clear();
        trie.prefixes(b"ja", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn head_sets_never_miss_a_member() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}x")).collect();
        let set = HeadSet::new(words.iter().map(|w| w.as_bytes()));
        for w in &words {
            let text = format!("{} and more", w.to_uppercase());
            assert!(set.contains(text.as_bytes(), word_head(text.as_bytes())));
            assert!(set.contains(w.as_bytes(), w.len()));
        }
        let misses = (0..3000)
            .filter(|i| {
                let w = format!("v{i}y");
                set.contains(w.as_bytes(), w.len())
            })
            .count();
        assert!(misses < 300, "{misses} false positives of 3000");
        assert_eq!(word_head("托法替布".as_bytes()), 3);
        assert_eq!(word_head(b"CP-690"), 2);
    }
}
