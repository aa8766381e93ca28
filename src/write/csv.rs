//! The CSV tables of a batch: one row per item of every converted document,
//! documents in input order, items in document order, so that analysts can
//! load them without unnesting JSON. Each table is a [`Table`]; [`TABLES`]
//! lists them. RFC 4180 quoting, `\n` line ends; every table starts with
//! `document`, the input path (when it is not UTF-8, its escaped form, see
//! [`crate::record::path_text`]).
//!
//! `deliverables.csv`, one row per deliverable. Columns, in order: `document` (the input path; when it is not UTF-8, its
//! escaped form, see [`crate::record::path_text`]), `code` (`L1M2D3`), `line`
//! (the action line number, the `1` of `L1`), `measure`, `number` (the
//! deliverable's number within its measure), `title`, `status`
//! (`achieved`, `in_progress`, `not_developed` or empty when unknown), `mark`
//! (as printed, empty when none), `inferred` (`true` when the status was
//! deduced from declared totals) and `page`.
//!
//! `calendar.csv`, one row per calendar event: `document`, `start_year`,
//! `start_month`, `start_day`, `end_year`, `end_month`, `end_day` (empty
//! when unknown or not a range), `text`, `to_be_confirmed`, `page`, `line`.
//!
//! `key_figures.csv`, one row per key figure: `document`, `value` (as in the
//! JSON), `unit`, `qualifier` (`exact`, `at_least`, `approximately`,
//! `at_most`), `label`, `text` (as printed), `role` (`standalone`, `whole`,
//! `part`), `group` (figures of one whole share it), `page`, `line`.
//!
//! `people.csv`, one row per person: `document`, `name`, `role`, `place`,
//! `group`, `page`, `line`.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Document, EventDate, Status};

/// One CSV table: its file name, its columns, and its rows for a document.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// File name in the output directory.
    pub file: &'static str,
    /// The header row.
    pub columns: &'static [&'static str],
    /// The rows of one document (each as long as `columns`), given its input path.
    pub rows: fn(&str, &Document) -> Vec<Vec<String>>,
}

impl Table {
    /// Writes the header row.
    ///
    /// # Errors
    /// When `out` cannot be written.
    pub fn write_header(&self, out: &mut impl Write) -> io::Result<()> {
        let header: Vec<String> = self.columns.iter().map(|&c| c.to_owned()).collect();
        write_row(out, &header)
    }

    /// Writes the rows of `document`, which came from `input`.
    ///
    /// # Errors
    /// When `out` cannot be written.
    pub fn write_rows(
        &self,
        out: &mut impl Write,
        input: &str,
        document: &Document,
    ) -> io::Result<()> {
        for row in (self.rows)(input, document) {
            write_row(out, &row)?;
        }
        Ok(())
    }
}

/// `deliverables.csv`.
pub const DELIVERABLES: Table = Table {
    file: "deliverables.csv",
    columns: &[
        "document", "code", "line", "measure", "number", "title", "status", "mark", "inferred",
        "page",
    ],
    rows: deliverable_rows,
};

/// `calendar.csv`.
pub const CALENDAR: Table = Table {
    file: "calendar.csv",
    columns: &[
        "document",
        "start_year",
        "start_month",
        "start_day",
        "end_year",
        "end_month",
        "end_day",
        "text",
        "to_be_confirmed",
        "page",
        "line",
    ],
    rows: calendar_rows,
};

/// `key_figures.csv`.
pub const KEY_FIGURES: Table = Table {
    file: "key_figures.csv",
    columns: &[
        "document",
        "value",
        "unit",
        "qualifier",
        "label",
        "text",
        "role",
        "group",
        "page",
        "line",
    ],
    rows: key_figure_rows,
};

/// `items.csv`: plan items in any code grammar, the generic counterpart of
/// `deliverables.csv`. `depth` is 1 for the top level, `level` the level's
/// name (empty when unknown), `parent` the parent's code (empty at the top),
/// `status_label` a state outside the three statuses (`cancelled`…) and
/// `tracked` is `true` for the levels that carry statuses.
pub const ITEMS: Table = Table {
    file: "items.csv",
    columns: &[
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
    ],
    rows: item_rows,
};

/// `people.csv`.
pub const PEOPLE: Table = Table {
    file: "people.csv",
    columns: &["document", "name", "role", "place", "group", "page", "line"],
    rows: people_rows,
};

/// Every table an output directory gets, in this order.
pub const TABLES: [Table; 5] = [DELIVERABLES, ITEMS, CALENDAR, KEY_FIGURES, PEOPLE];

/// The header row's columns of `deliverables.csv` (what `-o - --format csv` streams).
pub const COLUMNS: &[&str] = DELIVERABLES.columns;

/// Writes the header row of `deliverables.csv`.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    DELIVERABLES.write_header(out)
}

/// Writes one `deliverables.csv` row per deliverable of `document`, which came from `input`.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_rows(out: &mut impl Write, input: &str, document: &Document) -> io::Result<()> {
    DELIVERABLES.write_rows(out, input, document)
}

fn deliverable_rows(input: &str, document: &Document) -> Vec<Vec<String>> {
    document
        .deliverables
        .iter()
        .map(|deliverable| {
            vec![
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
            ]
        })
        .collect()
}

fn calendar_rows(input: &str, document: &Document) -> Vec<Vec<String>> {
    document
        .calendar
        .iter()
        .map(|event| {
            let mut row = vec![input.to_owned()];
            row.extend(date_fields(Some(&event.start)));
            row.extend(date_fields(event.end.as_ref()));
            row.extend([
                event.text.clone(),
                event.to_be_confirmed.to_string(),
                event.page.to_string(),
                event.line.to_string(),
            ]);
            row
        })
        .collect()
}

/// Year, month and day, each empty when unknown.
fn date_fields(date: Option<&EventDate>) -> [String; 3] {
    let Some(date) = date else {
        return Default::default();
    };
    [
        date.year.map(|year| year.to_string()).unwrap_or_default(),
        date.month.to_string(),
        date.day.map(|day| day.to_string()).unwrap_or_default(),
    ]
}

fn key_figure_rows(input: &str, document: &Document) -> Vec<Vec<String>> {
    document
        .key_figures
        .iter()
        .map(|figure| {
            vec![
                input.to_owned(),
                serde_json::to_string(&figure.value).unwrap_or_default(),
                figure.unit.clone().unwrap_or_default(),
                json_name(&figure.qualifier),
                figure.label.clone(),
                figure.text.clone(),
                json_name(&figure.role),
                figure
                    .group
                    .map(|group| group.to_string())
                    .unwrap_or_default(),
                figure.page.to_string(),
                figure.line.to_string(),
            ]
        })
        .collect()
}

fn people_rows(input: &str, document: &Document) -> Vec<Vec<String>> {
    document
        .people
        .iter()
        .map(|person| {
            vec![
                input.to_owned(),
                person.name.clone(),
                person.role.clone().unwrap_or_default(),
                person.place.clone().unwrap_or_default(),
                person.group.clone().unwrap_or_default(),
                person.page.to_string(),
                person.line.to_string(),
            ]
        })
        .collect()
}

/// The name of a unit enum value as the JSON writes it (`at_least`).
fn json_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Achieved => "achieved",
        Status::InProgress => "in_progress",
        Status::NotDeveloped => "not_developed",
    }
}

/// Writes one RFC 4180 row.
fn write_row(out: &mut impl Write, fields: &[String]) -> io::Result<()> {
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

fn item_rows(input: &str, document: &Document) -> Vec<Vec<String>> {
    document
        .items
        .iter()
        .map(|item| {
            vec![
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
            ]
        })
        .collect()
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
