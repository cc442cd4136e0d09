//! Query parsing, matching and ranking over a corpus. Returns indices and
//! match ranges, never cloned studies.

mod index;
mod query;
mod resolve;

pub use index::{Hit, SearchIndex, highlight};
pub use query::{Field, Lang, Mode, Query, QueryError, Term, TermKind, parse};
pub use resolve::{Resolved, Vocabulary, within_edits};
