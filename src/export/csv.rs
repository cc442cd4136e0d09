//! CSV: one row per study, the evidence-table columns plus identifiers and
//! title; RFC 4180 quoting by the `csv` crate; UTF-8 with a BOM so that
//! spreadsheets read the Chinese right.

use crate::evidence::Column;
use crate::model::Study;

pub fn render(studies: &[&Study]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{FEFF}".as_bytes()));
    let mut header: Vec<&str> = vec!["id", "title", "journal"];
    header.extend(Column::ALL.iter().map(|c| c.title()));
    header.extend(["doi", "pmid", "pmcid"]);
    writer.write_record(&header)?;
    for study in studies {
        let mut row = vec![
            study.id.to_string(),
            study.title.to_string(),
            study.journal.as_deref().unwrap_or_default().into(),
        ];
        row.extend(Column::ALL.iter().map(|c| c.cell(study)));
        row.extend(
            [&study.doi, &study.pmid, &study.pmcid]
                .map(|v| v.as_deref().unwrap_or_default().to_string()),
        );
        writer.write_record(&row)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}
