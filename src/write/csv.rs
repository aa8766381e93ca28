//! `deliverables.csv`: one row per deliverable of every converted document.
//!
//! Columns, in order: `document` (the input path), `code` (`L1M2D3`), `line`
//! (the action line number, the `1` of `L1`), `measure`, `number` (the
//! deliverable's number within its measure), `title`, `status`
//! (`achieved`, `in_progress`, `not_developed` or empty when unknown), `mark`
//! (as printed, empty when none), `inferred` (`true` when the status was
//! deduced from declared totals) and `page`. RFC 4180 quoting, `\n` line ends.

use std::io::{self, Write};

use crate::model::{Document, Status};

/// The header row's columns.
pub const COLUMNS: [&str; 10] = [
    "document", "code", "line", "measure", "number", "title", "status", "mark", "inferred", "page",
];

/// Writes the header row.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    write_row(out, &COLUMNS.map(str::to_owned))
}

/// Writes one row per deliverable of `document`, which came from `input`.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_rows(out: &mut impl Write, input: &str, document: &Document) -> io::Result<()> {
    for deliverable in &document.deliverables {
        write_row(
            out,
            &[
                input.to_owned(),
                deliverable.code.clone(),
                deliverable.action_line.to_string(),
                deliverable.measure.to_string(),
                deliverable.number.to_string(),
                deliverable.title.clone(),
                deliverable
                    .status
                    .map(status_name)
                    .unwrap_or_default()
                    .to_owned(),
                deliverable.mark.clone().unwrap_or_default(),
                deliverable.inferred.to_string(),
                deliverable.page.to_string(),
            ],
        )?;
    }
    Ok(())
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Achieved => "achieved",
        Status::InProgress => "in_progress",
        Status::NotDeveloped => "not_developed",
    }
}

/// Writes one RFC 4180 row.
pub(super) fn write_row(out: &mut impl Write, fields: &[String]) -> io::Result<()> {
    let row: Vec<String> = fields.iter().map(|field| quoted(field)).collect();
    out.write_all(row.join(",").as_bytes())?;
    out.write_all(b"\n")
}

/// The field, quoted when it holds a comma, a quote or a line break.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        for (field, want) in [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ] {
            assert_eq!(quoted(field), want, "{field:?}");
        }
    }

    #[test]
    fn status_names_match_the_json_enum() {
        for status in [Status::Achieved, Status::InProgress, Status::NotDeveloped] {
            assert_eq!(
                serde_json::to_value(status).unwrap().as_str(),
                Some(status_name(status))
            );
        }
    }
}
