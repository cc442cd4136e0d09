//! The evidence table: one row per study, the columns a clinician compares
//! (year, drugs, regimen, condition, design, n, outcome, adverse events,
//! source). Cells come from the extraction; an empty one is `—`, never
//! invented text.

use crate::model::Study;

/// What an empty cell shows.
pub const EMPTY: &str = "—";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Year,
    Drugs,
    Dose,
    Condition,
    Design,
    Patients,
    Outcome,
    AdverseEvents,
    Source,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Year,
        Column::Drugs,
        Column::Dose,
        Column::Condition,
        Column::Design,
        Column::Patients,
        Column::Outcome,
        Column::AdverseEvents,
        Column::Source,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Year => "Year",
            Column::Drugs => "Drug(s)",
            Column::Dose => "Dose/regimen",
            Column::Condition => "Condition",
            Column::Design => "Design",
            Column::Patients => "n",
            Column::Outcome => "Outcome",
            Column::AdverseEvents => "AEs",
            Column::Source => "Source",
        }
    }

    /// The cell of a study in this column.
    pub fn cell(self, study: &Study) -> String {
        let text = match self {
            Column::Year => study.year.map(|y| y.to_string()).unwrap_or_default(),
            Column::Drugs => study.drugs.join(", "),
            Column::Dose => dose_cell(study),
            Column::Condition => study.conditions.join(", "),
            Column::Design => study.design.as_deref().unwrap_or_default().to_string(),
            Column::Patients => study.n_patients.map(|n| n.to_string()).unwrap_or_default(),
            Column::Outcome => outcome_cell(study),
            Column::AdverseEvents => adverse_event_cell(study),
            Column::Source => study.source.to_string(),
        };
        if text.is_empty() {
            EMPTY.to_string()
        } else {
            text
        }
    }

    /// What the column sorts by, computed once per study.
    pub fn sort_key(self, study: &Study) -> SortKey {
        let number = |n: Option<i64>| SortKey {
            empty: n.is_none(),
            number: n.unwrap_or(0),
            text: String::new(),
        };
        match self {
            Column::Year => number(study.year.map(i64::from)),
            Column::Patients => number(study.n_patients.map(i64::from)),
            _ => {
                let text = self.cell(study);
                SortKey {
                    empty: text == EMPTY,
                    number: 0,
                    text: text.to_lowercase(),
                }
            }
        }
    }
}

/// A column value for sorting; empty cells sort last in either direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    empty: bool,
    number: i64,
    text: String,
}

impl SortKey {
    pub fn compare(&self, other: &Self, descending: bool) -> std::cmp::Ordering {
        self.empty.cmp(&other.empty).then_with(|| {
            let order = (self.number, &self.text).cmp(&(other.number, &other.text));
            if descending { order.reverse() } else { order }
        })
    }
}

/// `5 to 10 mg twice daily` for one drug; `drug dose; drug dose` for more.
fn dose_cell(study: &Study) -> String {
    let drugs: Vec<&str> = study.doses.iter().map(|d| d.drug.as_str()).collect();
    let single = drugs.windows(2).all(|w| w[0] == w[1]);
    study
        .doses
        .iter()
        .map(|d| {
            if single {
                d.text.to_string()
            } else {
                format!("{} {}", d.drug, d.text)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A compact result: "5/6 (83.3%) PPPASI-80 at week 12" when a result
/// sentence gives a count, a rate and a measure; else the first outcome
/// sentence, shortened.
pub fn outcome_cell(study: &Study) -> String {
    let count = regex!(
        r"(?i)(\d+)(?: of (?:the )?(\d+))? (?:patients? )?\((\d+(?:\.\d+)?)%\)(?: (?:of )?patients?)? (?:had|achieved|reached|showed|attained|experienced|were)",
    );
    let score =
        regex!(r"(\d+)% (?:reduction|improvement|decrease) in (?:the )?([A-Z][A-Za-z0-9-]*[A-Z])",);
    let week = regex!(r"(?i)(?:at|by|after) (?:week|wk) (\d+)|(?:at|by|after) (\d+) (?:weeks|wk)",);
    for sentence in &study.outcomes {
        let Some(c) = count.captures(sentence) else {
            continue;
        };
        let k = &c[1];
        let of = c
            .get(2)
            .map(|m| m.as_str().to_string())
            .or_else(|| study.n_patients.map(|n| n.to_string()));
        let rate = &c[3];
        let rest = &sentence[c.get(0).map_or(0, |m| m.end())..];
        let measure = score
            .captures(rest)
            .map(|s| format!("{}-{}", &s[2], &s[1]))
            .unwrap_or_else(|| shorten(rest.trim(), 40));
        // The time point of the clause that holds the count.
        let (start, end) = c
            .get(0)
            .map_or((0, sentence.len()), |m| (m.start(), m.end()));
        let clause_start = sentence[..start].rfind(';').map_or(0, |i| i + 1);
        let clause_end = sentence[end..]
            .find(';')
            .map_or(sentence.len(), |i| end + i);
        let when = week
            .captures(&sentence[clause_start..clause_end])
            .and_then(|w| w.get(1).or_else(|| w.get(2)))
            .map(|w| format!(" at week {}", w.as_str()))
            .unwrap_or_default();
        let head = match of {
            Some(n) => format!("{k}/{n}"),
            None => k.to_string(),
        };
        return format!("{head} ({rate}%) {measure}{when}");
    }
    study
        .outcomes
        .first()
        .map(|o| shorten(o, 90))
        .unwrap_or_default()
}

/// The adverse events, with the severity the text gives them; or the
/// text's own statement that there were none.
pub fn adverse_event_cell(study: &Study) -> String {
    let text = study.english.join(" ").to_lowercase();
    if study.adverse_events.is_empty() {
        let none = regex!(
            r"no (serious |severe |major )?(?:adverse (?:events?|reactions?|effects?)|side[- ]effects?|aes?)(?: were| was)? (?:reported|observed|occurred|noted)|without (serious )?(?:adverse|side)",
        );
        return match none.captures(&text) {
            Some(c) if c.get(1).is_some() || c.get(2).is_some() => "no serious AEs".to_string(),
            Some(_) => "no AEs reported".to_string(),
            None => String::new(),
        };
    }
    study
        .adverse_events
        .iter()
        .map(|ae| {
            let severe = ["severe", "serious"]
                .into_iter()
                .find(|s| text.contains(&format!("{s} {ae}")));
            match severe {
                Some(s) => format!("{s} {ae}"),
                None => ae.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn shorten(text: &str, max: usize) -> String {
    let text = text.trim().trim_end_matches('.');
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load_seeds;

    fn seed(prefix: &str) -> Study {
        load_seeds()
            .studies
            .into_iter()
            .find(|s| s.id.starts_with(prefix))
            .expect("seed")
    }

    #[test]
    fn cells_of_the_seeds() {
        let s = seed("003");
        assert_eq!(Column::Outcome.cell(&s), "5/6 (83.3%) PPPASI-80 at week 12");
        assert_eq!(Column::AdverseEvents.cell(&s), "no serious AEs");
        let s = seed("004");
        assert_eq!(
            Column::AdverseEvents.cell(&s),
            "severe allergic reaction; neutropenia"
        );
        assert_eq!(Column::Dose.cell(&s), "10 mg/day");
        let s = seed("001");
        assert_eq!(
            Column::Dose.cell(&s),
            "tofacitinib 5 to 10 mg twice daily; upadacitinib 15 mg once daily"
        );
        let s = seed("002");
        assert_eq!(Column::Patients.cell(&s), EMPTY);
    }

    #[test]
    fn sorting_puts_empty_cells_last() {
        let corpus = load_seeds();
        let mut studies: Vec<&Study> = corpus.studies.iter().collect();
        studies.sort_by(|a, b| {
            Column::Year
                .sort_key(a)
                .compare(&Column::Year.sort_key(b), false)
        });
        assert_eq!(studies.last().and_then(|s| s.year), None);
        assert_eq!(studies[0].year, Some(2021));
    }
}
