//! Cue phrases found in text: word sets (`Words`) and the cue sets of a
//! single line (`LineCues`), ASCII case ignored.

use aho_corasick::{AhoCorasick, Span, packed};

use super::Vocab;

/// A set of cue phrases that is looked for in single lines.
#[derive(Debug, Clone, Copy)]
pub enum CueSet {
    /// Page furniture: calls to action, cookie notices, menus.
    Furniture = 1,
    /// Words without which a line holds no metadata (besides a year).
    Metadata = 2,
    /// Institution words of an affiliation.
    Affiliation = 4,
}

/// The cue sets that occur in one line, ASCII case ignored (anywhere, inside
/// words too). All sets are found in one pass, the first time one is asked
/// for.
pub struct LineCues<'a> {
    line: &'a str,
    vocab: &'a Vocab,
    found: std::cell::OnceCell<u8>,
}

impl<'a> LineCues<'a> {
    pub fn new(line: &'a str, vocab: &'a Vocab) -> Self {
        Self {
            line,
            vocab,
            found: std::cell::OnceCell::new(),
        }
    }

    pub fn has(&self, set: CueSet) -> bool {
        let found = self.found.get_or_init(|| {
            const ALL: u8 =
                CueSet::Furniture as u8 | CueSet::Metadata as u8 | CueSet::Affiliation as u8;
            let lower = self.line.to_ascii_lowercase();
            let mut found = 0;
            for m in self.vocab.line_cues.find_overlapping_iter(&lower) {
                found |= self.vocab.line_cue_sets[m.pattern().as_usize()];
                if found == ALL {
                    break;
                }
            }
            found
        });
        found & set as u8 != 0
    }
}

/// Where a cue word counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// A whole word or phrase: a boundary on both sides, as regex `\b`
    /// puts it.
    Whole,
    /// The start of a word (`patient` in `patients`), or anywhere for a
    /// cue that does not begin with a letter or digit.
    WordStart,
    Anywhere,
}

/// A set of cue words, ASCII case ignored, found at every place they occur
/// (overlapping ones included). One SIMD multi-substring scan ("Teddy",
/// `aho_corasick::packed`) jumps from one place where some cue occurs to the
/// next; each place is then checked for its word boundaries. Cue words are
/// short and common and often sit inside other words ("men" in
/// "treatment"): a scan that skips text costs far less than an automaton
/// stepping through every byte. Where the SIMD scan is not available (other
/// targets, or cue sets past its limits: more than 64 cues, or many one-byte
/// ones) an overlapping Aho-Corasick automaton reports the same places.
#[derive(Debug)]
pub struct Words {
    /// The cues, ASCII lower case.
    words: Vec<Box<[u8]>>,
    packed: Option<packed::Searcher>,
    automaton: Option<AhoCorasick>,
    place: Place,
}

impl Words {
    /// Whole words or phrases, as `\b(?:w1|w2|...)\b` finds them.
    pub fn whole(words: &[&str]) -> Self {
        Self::new(words, Place::Whole)
    }

    /// Words that start a word of the text. A word that starts with another
    /// of them is left out (it starts at the same places).
    pub fn starting<S: AsRef<str>>(words: &[S]) -> Self {
        let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        let kept: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                !words
                    .iter()
                    .any(|o| !o.is_empty() && o.len() < w.len() && starts_with_ignore_case(w, o))
            })
            .collect();
        Self::new(&kept, Place::WordStart)
    }

    /// Phrases anywhere, inside words too.
    pub fn anywhere<S: AsRef<str>>(words: &[S]) -> Self {
        let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        Self::new(&words, Place::Anywhere)
    }

    fn new(words: &[&str], place: Place) -> Self {
        // An empty cue would match everywhere.
        let words: Vec<Box<[u8]>> = words
            .iter()
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase().into_bytes().into())
            .collect();
        let packed = packed::Config::new().builder().extend(&words).build();
        let automaton = match packed {
            Some(_) => None,
            None => AhoCorasick::new(&words).ok(),
        };
        Self {
            words,
            packed,
            automaton,
            place,
        }
    }

    /// Whether a cue occurs in ASCII-lower-cased text.
    pub fn any_in(&self, lower: &str) -> bool {
        self.starts(lower).next().is_some()
    }

    /// Where the cues start in ASCII-lower-cased text, in no particular
    /// order; the automaton (without the SIMD scan) may give a place more
    /// than once.
    pub fn starts<'t>(&'t self, lower: &'t str) -> Box<dyn Iterator<Item = usize> + 't> {
        let bytes = lower.as_bytes();
        if let Some(packed) = &self.packed {
            // The scan resumes one byte after each place, so overlapping
            // places are all seen; where only word starts count, it resumes
            // after the word (no later place in it starts one).
            let mut from = 0;
            return Box::new(std::iter::from_fn(move || {
                while from < bytes.len() {
                    let Some(found) = packed.find_in(bytes, Span::from(from..bytes.len())) else {
                        // Nothing more: later calls need not search again.
                        from = bytes.len();
                        return None;
                    };
                    let at = found.start();
                    from = at + 1;
                    if self.place != Place::Anywhere && bytes[at].is_ascii_alphanumeric() {
                        from += bytes[from..]
                            .iter()
                            .take_while(|b| b.is_ascii_alphanumeric())
                            .count();
                    }
                    if self.stands_at(bytes, at) {
                        return Some(at);
                    }
                }
                None
            }));
        }
        Box::new(
            self.automaton
                .iter()
                .flat_map(move |a| a.find_overlapping_iter(bytes))
                .map(|m| m.start())
                .filter(move |&at| self.stands_at(bytes, at)),
        )
    }

    /// Whether some cue that occurs at `at` stands where it counts.
    fn stands_at(&self, bytes: &[u8], at: usize) -> bool {
        let word = |i: usize| {
            bytes
                .get(i)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        match self.place {
            Place::Anywhere => true,
            Place::WordStart => {
                !bytes[at].is_ascii_alphanumeric()
                    || at == 0
                    || !bytes[at - 1].is_ascii_alphanumeric()
            }
            Place::Whole => {
                (at == 0 || !word(at - 1))
                    && self
                        .words
                        .iter()
                        .any(|w| bytes[at..].starts_with(w) && !word(at + w.len()))
            }
        }
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same cues searched without the SIMD scan, as other targets do.
    fn without_simd(words: Words) -> Words {
        Words {
            automaton: AhoCorasick::new(&words.words).ok(),
            packed: None,
            ..words
        }
    }

    /// Whether a cue occurs in `text`, ASCII case ignored.
    fn occur_in(words: &Words, text: &str) -> bool {
        words.any_in(&text.to_ascii_lowercase())
    }

    /// The starts from both search paths, sorted.
    fn starts_both(words: Words, text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = words.starts(text).collect();
        found.sort_unstable();
        assert!(found.windows(2).all(|w| w[0] < w[1]), "a place twice");
        let slow = without_simd(words);
        let mut again: Vec<usize> = slow.starts(text).collect();
        again.sort_unstable();
        again.dedup();
        assert_eq!(found, again, "the two search paths differ on {text:?}");
        found
    }

    #[test]
    fn empty_cues_are_ignored() {
        let text = "women and men";
        assert_eq!(starts_both(Words::starting(&["", "men"]), text), [10]);
        assert_eq!(starts_both(Words::anywhere(&["", "men"]), text), [2, 10]);
        assert_eq!(starts_both(Words::whole(&["", "men"]), text), [10]);
    }

    #[test]
    fn words_are_found_whole_and_not_inside_other_words() {
        let words = Words::whole(&["we", "this study", "men"]);
        let text = "we were in this study; between_we treatment, men. this study";
        assert_eq!(starts_both(words, text), [0, 11, 45, 50]);
        // The shorter word does not hide the longer one at the same place.
        assert_eq!(
            starts_both(Words::whole(&["case", "cases"]), "two cases"),
            [4]
        );
    }

    #[test]
    fn every_place_is_found_overlapping_ones_too() {
        assert_eq!(starts_both(Words::anywhere(&["aba"]), "ababa"), [0, 2]);
        assert_eq!(
            starts_both(
                Words::anywhere(&["well tolerated", "tolerated"]),
                "was well tolerated"
            ),
            [4, 9]
        );
    }

    #[test]
    fn word_starts_and_case() {
        let cues = || Words::starting(&["Improve", "improved", "改善"]);
        assert_eq!(
            starts_both(cues(), "improved; unimproved, 皮损a改善"),
            [0, 29]
        );
        assert!(occur_in(&cues(), "SKIN IMPROVED"));
        assert!(!occur_in(&cues(), "unimproved"));
        assert!(occur_in(
            &Words::anywhere(&["Department"]),
            "DEPARTMENT OF DERMATOLOGY"
        ));
    }

    #[test]
    fn line_cues_find_every_set_in_one_pass() {
        let v = Vocab::builtin();
        let sets = |line: &str| {
            let cues = LineCues::new(line, v);
            [CueSet::Furniture, CueSet::Metadata, CueSet::Affiliation].map(|set| cues.has(set))
        };
        assert_eq!(sets("PRIVACY POLICY"), [true, false, false]);
        // Inside words too: "issue" in "tissue" (metadata), "research" and
        // "center" (affiliation).
        assert_eq!(sets("Tissue Research Center, Boston"), [false, true, true]);
        // Overlapping cues of two sets: "research" (affiliation) and "search
        // results" (furniture) share bytes, and both count.
        assert_eq!(sets("Research results"), [true, false, true]);
        assert_eq!(
            sets("Tofacitinib improved alopecia."),
            [false, false, false]
        );
    }
}
