//! `items.csv`: one row per plan item of every converted document, in any
//! code grammar (the generic counterpart of `deliverables.csv`).
//!
//! Columns, in order: `document` (the input path), `code` (`Action 1.2.3`,
//! `A1.1`, `L1M2D3`), `depth` (1 for the top level), `level` (the level's
//! name, empty when unknown), `parent` (the parent's code, empty at the top),
//! `title`, `status` (`achieved`, `in_progress`, `not_developed` or empty),
//! `status_label` (a state outside those, such as `cancelled`), `mark` (as
//! printed), `inferred`, `tracked` (`true` for the levels that carry
//! statuses) and `page`. RFC 4180 quoting, `\n` line ends.

use std::io::{self, Write};

use super::csv::write_row;
use crate::model::Document;

/// The header row's columns.
pub const COLUMNS: [&str; 12] = [
    "document",
    "code",
    "depth",
    "level",
    "parent",
    "title",
    "status",
    "status_label",
    "mark",
    "inferred",
    "tracked",
    "page",
];

/// Writes the header row.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    write_row(out, &COLUMNS.map(str::to_owned))
}

/// Writes one row per item of `document`, which came from `input`.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_rows(out: &mut impl Write, input: &str, document: &Document) -> io::Result<()> {
    for item in &document.items {
        write_row(
            out,
            &[
                input.to_owned(),
                item.code.clone(),
                item.depth.to_string(),
                item.level.clone().unwrap_or_default(),
                item.parent.clone().unwrap_or_default(),
                item.title.clone().unwrap_or_default(),
                item.status
                    .map(|status| status.as_str().to_owned())
                    .unwrap_or_default(),
                item.status_label.clone().unwrap_or_default(),
                item.mark.clone().unwrap_or_default(),
                item.inferred.to_string(),
                item.tracked.to_string(),
                item.page.to_string(),
            ],
        )?;
    }
    Ok(())
}
