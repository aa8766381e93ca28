//! The catalogue: every diagnostic code, error kind and skip kind planex
//! writes, with its severity and meaning, in one place.
//!
//! Stages raise diagnostics with a [`Code`], never with a string, so a code
//! that is not in the catalogue cannot be written. [`markdown`] renders the
//! catalogue as the README's table; a test keeps the two equal.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;

/// Declares [`Code`] and its table: variant, code, severities, meaning.
macro_rules! codes {
    ($($variant:ident = $code:literal, [$($severity:ident),+], $meaning:literal;)+) => {
        /// A diagnostic code: the `code` of a [`Diagnostic`](crate::Diagnostic).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(#[doc = $meaning] $variant,)+
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The code as written in documents (`stage.name`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)+
                }
            }

            /// The severities it is raised with (the first is the usual one).
            pub fn severities(self) -> &'static [Severity] {
                match self {
                    $(Code::$variant => &[$(Severity::$severity),+],)+
                }
            }

            /// What it means.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)+
                }
            }
        }
    };
}

codes! {
    ReadLossyDecoding = "read.lossy_decoding", [Warning],
        "A text input is not valid UTF-8 (or UTF-16); it was decoded as Windows-1252 or with replacement characters, so some characters may be wrong.";
    ReadPageFailed = "read.page_failed", [Warning],
        "The PDF extractor gave no text for one page (it failed or panicked there); the other pages are kept.";
    ReadNoTextLayer = "read.no_text_layer", [Warning],
        "The PDF has pages but no text layer: probably scanned (OCR is out of scope).";
    ReadFallback = "read.fallback", [Warning, Info],
        "Text came from the pdftotext fallback: for the whole file (warning, pdf-extract could not read it) or for pages without text (info).";
    ReadFallbackFailed = "read.fallback_failed", [Warning],
        "The pdftotext fallback was asked for but is not installed or failed; the result is what pdf-extract gave.";
    LayoutRunningText = "layout.running_text", [Info],
        "Text recurring in the page margins (running header, footer, page number) was kept out of the text.";
    LayoutPageGutterStray = "layout.page_gutter_stray", [Info],
        "A word runs across the gutter between two page columns; it was read in the column it starts in, and the message names it.";
    LayoutPageColumnMark = "layout.page_column_mark", [Info],
        "A status mark a gutter after a row's code opens the next page column: it was read there, not as that row's mark, and no mark column was learnt from it; the message names the mark.";
    LayoutRowLifted = "layout.row_lifted", [Info],
        "Lines opening a page above a code were joined to that code's row (the table sets that column above its codes and a page break cut it); the message names the code.";
    LayoutMarkUndecided = "layout.mark_undecided", [Warning],
        "A status mark stands on a line of its own halfway between two codes, and nothing in the table tells which of the two rows its marks go with: it was read as neither's; the message names the mark and both codes.";
    DetectLanguageUndetermined = "detect.language_undetermined", [Warning],
        "Too little text to tell the language; the language is `und`.";
    DetectUnsupportedLanguage = "detect.unsupported_language", [Warning],
        "The text looks like a language planex does not support (only es, en, fr); the language is `und`.";
    DetectKindUnknown = "detect.kind_unknown", [Info],
        "No phrase names the kind of document; the kind is `other`.";
    DetectPeriodUnknown = "detect.period_unknown", [Info],
        "No year or period was found; `period` is null.";
    DetectKindTie = "detect.kind_tie", [Warning],
        "Two kinds of document are named with equal weight in the title area; the first named is kept and the other is named in the message.";
    DetectPeriodTie = "detect.period_tie", [Warning],
        "Two periods are stated with equal weight; the one kept and its rivals are named in the message.";
    DetectTitleTie = "detect.title_tie", [Info],
        "No line names the kind and two heading lines open the document, neither clearly its title; `title` is null and both are named in the message.";
    LegendConventional = "legend.conventional", [Info],
        "The document states no legend of status marks; marks are read with the conventional table.";
    LegendConflict = "legend.conflict", [Warning],
        "The legend gives one mark two meanings; for L/M/D deliverables the first is kept, for items of other grammars the mark is left undefined.";
    DeliverablesCodeRepaired = "deliverables.code_repaired", [Warning],
        "A damaged deliverable code (`L2M1 D3`, `L2.M1.D3`) was read as the code it most likely is.";
    DeliverablesMissingMark = "deliverables.missing_mark", [Warning],
        "A deliverable has no status mark; its status is unknown.";
    DeliverablesUnknownMark = "deliverables.unknown_mark", [Warning],
        "A deliverable's mark is defined neither by the legend nor by the conventional table; its status is unknown.";
    DeliverablesOwnMarks = "deliverables.own_marks", [Warning],
        "The document states no legend and marks deliverables with several symbols the conventional table does not define: its marks are its own, so the marks the conventional table knows are not read with it either; the message names the mark and its deliverables, whose status is unknown.";
    DeliverablesMarkVariant = "deliverables.mark_variant", [Info],
        "A mark that is a variant of a legend mark (another glyph or case) was read as that mark.";
    DeliverablesMissingTitle = "deliverables.missing_title", [Warning],
        "A deliverable code has no title next to it.";
    DeliverablesConflictingMarks = "deliverables.conflicting_marks", [Error],
        "One deliverable appears twice with different marks; the first is kept and both are listed.";
    DeliverablesDuplicate = "deliverables.duplicate", [Info],
        "One deliverable appears again with the same mark; the first occurrence is kept. One diagnostic a code, at its first repeat, counting the repeats and the pages they span.";
    DeliverablesRepeatedBlock = "deliverables.repeated_block", [Warning],
        "A run of codes is repeated without marks (a summary table, a table of contents); the repetition is ignored.";
    DeliverablesMeasureWithoutText = "deliverables.measure_without_text", [Warning],
        "A measure has deliverables but the document never states its text.";
    DeliverablesActionLineWithoutTitle = "deliverables.action_line_without_title", [Info],
        "An action line has items but no heading.";
    DeliverablesNumberingGap = "deliverables.numbering_gap", [Info],
        "A measure or deliverable number is missing from an otherwise continuous numbering.";
    DeliverablesStatusInferred = "deliverables.status_inferred", [Info],
        "An unknown status was inferred from the document's declared totals (the only assignment that makes the counts add up); `inferred` is true.";
    DeliverablesStatusNotInferred = "deliverables.status_not_inferred", [Warning],
        "Deliverables with unknown status could not be inferred from the declared totals (none or several assignments fit, or the document declares the count of the one status that fits twice with different numbers).";
    DeliverablesFusedRows = "deliverables.fused_rows", [Warning],
        "Two codes were read as one table row; the row's mark may be either's, so both statuses are left unknown.";
    DeliverablesAmbiguousMark = "deliverables.ambiguous_mark", [Warning],
        "A table row holds several different marks; its status is left unknown and the candidates are named.";
    ItemsConflictingMarks = "items.conflicting_marks", [Error],
        "A plan item is marked twice with different statuses; its status is left null and both marks are named.";
    ItemsStatusOutsideClasses = "items.status_outside_classes", [Info],
        "A plan item's mark is a state outside achieved / in progress / not developed (cancelled, postponed…); its status is null and `status_label` keeps it.";
    ItemsUnknownMark = "items.unknown_mark", [Warning],
        "A plan item's mark is defined by neither the legend, the status words nor a grammar file; its status is unknown.";
    ItemsPartialStatus = "items.partial_status", [Warning],
        "A plan item's mark says it is partly done (`Partly`, `Completed (partially)`): achieved or in progress, the report does not say which; its status is left null and both candidates are named.";
    ItemsAmbiguousStatus = "items.ambiguous_status", [Warning],
        "A plan item's row holds two different statuses; its status is left null and both are named.";
    ItemsDatesOutOfOrder = "items.dates_out_of_order", [Info],
        "A plan item whose state its dates give ends in a year before the one it starts in; the state follows the document's rule from the end date, and both dates are named.";
    ItemsMissingMark = "items.missing_mark", [Warning],
        "A tracked plan item has no status; its status is unknown.";
    ItemsStatusInferred = "items.status_inferred", [Info],
        "A plan item's unknown status was inferred from the declared totals: the only assignment that makes the counts agree.";
    ItemsStatusNotInferred = "items.status_not_inferred", [Warning],
        "Plan items with unknown status could not be inferred from the declared totals (none or several assignments fit, or the document declares the count of the one status that fits twice with different numbers).";
    TotalsUnreadable = "totals.unreadable", [Warning],
        "A totals line holds a number split by spaces (`4 9`); it is not read as other numbers.";
    TotalsConflictingDeclarations = "totals.conflicting_declarations", [Warning],
        "The document declares the same total twice with different numbers; the first is used.";
    TotalsMismatch = "totals.mismatch", [Error],
        "A total the document declares differs from what planex counted.";
    CalendarMonthAmbiguous = "calendar.month_ambiguous", [Warning],
        "A calendar table's event could be in two months (a month label's place in its row, top, middle or bottom, leaves both open); the event is left out and the message names both.";
    CalendarYearUnknown = "calendar.year_unknown", [Info],
        "A day told as past (`el pasado 14 de marzo`, `le 7 juin dernier`) in a text that prints no day of writing: its year is left null and the message names the years it could be.";
    CalendarDateOrderAmbiguous = "calendar.date_order_ambiguous", [Warning],
        "A numeric date whose two first parts are both 12 or less (`03/04/2019`) in a language that writes either order, with no other date of the document deciding: the date is left out and the message names both readings.";
    CalendarWeekdayMismatch = "calendar.weekday_mismatch", [Warning],
        "A day printed with its weekday (`jueves 14 de marzo`) whose weekday is not that day's in the year printed or inherited: the day or the year is wrong, so no event is kept and the message names both weekdays.";
    FiguresPartsConsistent = "figures.parts_consistent", [Info],
        "The parts of a key figure add up to the whole the document states.";
    FiguresPartsMismatch = "figures.parts_mismatch", [Warning],
        "The parts of a key figure do not add up to the whole the document states.";
    MembersCountMismatch = "members.count_mismatch", [Warning],
        "A member list announces a number of members but another number of names follows.";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares a kind enum (snake_case in JSON) with a meaning per variant.
macro_rules! kinds {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal, $meaning:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name {
            $(#[doc = $meaning] $variant,)+
        }

        impl $name {
            /// Every kind, in catalogue order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The kind as written in records.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// What it means.
            pub fn meaning(self) -> &'static str {
                match self {
                    $($name::$variant => $meaning,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

kinds! {
    /// Why an input has no document: the `error.kind` of its batch line.
    ErrorKind {
        Io = "io", "The file could not be opened or read (missing, permissions, vanished).";
        TooLarge = "too_large", "The input is larger than `--max-bytes`.";
        Empty = "empty", "The input has no bytes, or no text at all.";
        UnsupportedFormat = "unsupported_format", "Neither a PDF nor text (an image, random bytes).";
        Encrypted = "encrypted", "An encrypted PDF that neither the empty password nor any password given opens.";
        PdfError = "pdf_error", "A PDF malformed beyond what the extractor tolerates.";
        NoPages = "no_pages", "A PDF without pages.";
        Crashed = "crashed", "The extractor panicked on the whole document, or its worker died (abort, stack overflow).";
        Timeout = "timeout", "No result within `--timeout`; the worker was killed and replaced.";
        MemoryLimit = "memory_limit", "The worker ran out of `--max-memory`; it was replaced.";
        WorkerError = "worker_error", "A worker could not be started or answered nonsense.";
    }
}

kinds! {
    /// Why an entry found while walking was skipped with a record.
    SkipKind {
        Unreadable = "unreadable", "A directory that could not be listed, or an entry that could not be examined.";
        BrokenLink = "broken_link", "A symbolic link to nothing.";
        SpecialFile = "special_file", "A FIFO, socket or device, never opened (reading one can block forever).";
    }
}

/// The catalogue as Markdown tables, as in the README.
pub fn markdown() -> String {
    let mut text = String::from("| diagnostic code | severity | meaning |\n|---|---|---|\n");
    for code in Code::ALL {
        let severities: Vec<String> = code
            .severities()
            .iter()
            .map(|severity| format!("{severity:?}").to_lowercase())
            .collect();
        text.push_str(&format!(
            "| `{code}` | {} | {} |\n",
            severities.join(", "),
            code.meaning()
        ));
    }
    text.push_str("\n| error kind | meaning |\n|---|---|\n");
    for kind in ErrorKind::ALL {
        text.push_str(&format!("| `{kind}` | {} |\n", kind.meaning()));
    }
    text.push_str("\n| skip kind | meaning |\n|---|---|\n");
    for kind in SkipKind::ALL {
        text.push_str(&format!("| `{kind}` | {} |\n", kind.meaning()));
    }
    text
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_are_unique_and_name_their_stage() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            let (stage, name) = code.as_str().split_once('.').unwrap();
            assert!(!stage.is_empty() && !name.is_empty(), "{code}");
        }
    }

    /// Every source file except this one, concatenated.
    fn other_sources() -> String {
        let mut text = String::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.file_name().is_some_and(|name| name != "catalogue.rs") {
                    text.push_str(&std::fs::read_to_string(path).unwrap_or_default());
                }
            }
        }
        text
    }

    #[test]
    fn every_code_is_raised_somewhere() {
        let sources = other_sources();
        for code in Code::ALL {
            let variant = format!("Code::{code:?}");
            assert!(
                sources.contains(&variant),
                "{variant} is never raised: remove it"
            );
        }
    }

    #[test]
    fn kinds_serialize_as_their_names() {
        for kind in ErrorKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        for kind in SkipKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
