//! Status words and marks: legend labels, the conventional mark table, the
//! words of declared totals and the headings of action lines, in es/en/fr.
//!
//! Labels are lower case; matching code lower-cases the text it compares.
//! Longer phrases come first where one contains another (`no desarrollado`
//! before any shorter label), so a left-to-right scan takes the longest.

use crate::model::Status;

/// A printed label of a status, as legends and totals write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusLabel {
    /// Lower-case label (`alcanzado`, `in progress`, `non réalisé`).
    pub label: &'static str,
    /// What it means.
    pub status: Status,
}

const fn label(label: &'static str, status: Status) -> StatusLabel {
    StatusLabel { label, status }
}

use Status::{Achieved, InProgress, NotDeveloped};

/// Labels a legend uses next to a mark, singular and plural, longest
/// negative forms first (`not achieved` must win over `achieved`).
pub const LEGEND_LABELS: &[StatusLabel] = &[
    // Spanish.
    label("no desarrollados", NotDeveloped),
    label("no desarrollado", NotDeveloped),
    label("no alcanzados", NotDeveloped),
    label("no alcanzado", NotDeveloped),
    label("no realizados", NotDeveloped),
    label("no realizado", NotDeveloped),
    label("alcanzados", Achieved),
    label("alcanzado", Achieved),
    label("logrados", Achieved),
    label("logrado", Achieved),
    label("en proceso", InProgress),
    label("en curso", InProgress),
    // English.
    label("not developed", NotDeveloped),
    label("not achieved", NotDeveloped),
    label("not started", NotDeveloped),
    label("achieved", Achieved),
    label("completed", Achieved),
    label("in progress", InProgress),
    label("ongoing", InProgress),
    // French.
    label("non réalisés", NotDeveloped),
    label("non réalisé", NotDeveloped),
    label("non atteints", NotDeveloped),
    label("non atteint", NotDeveloped),
    label("non développés", NotDeveloped),
    label("non développé", NotDeveloped),
    label("atteints", Achieved),
    label("atteint", Achieved),
    label("réalisés", Achieved),
    label("réalisé", Achieved),
    label("en cours", InProgress),
];

/// A mark and the status it conventionally means, used when a document
/// states no legend, and to read OCR variants of a legend's marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConventionalMark {
    /// The mark as printed.
    pub mark: &'static str,
    /// What it conventionally means.
    pub status: Status,
}

const fn mark(mark: &'static str, status: Status) -> ConventionalMark {
    ConventionalMark { mark, status }
}

/// The conventional table. `٧` (Arabic-Indic seven) is what OCR makes of a
/// hand-drawn tick (seed 000 has five); `0` and `o` are OCR for `○`.
pub const CONVENTIONAL_MARKS: &[ConventionalMark] = &[
    mark("V", Achieved),
    mark("v", Achieved),
    mark("✓", Achieved),
    mark("✔", Achieved),
    mark("√", Achieved),
    mark("٧", Achieved),
    mark("0", InProgress),
    mark("o", InProgress),
    mark("O", InProgress),
    mark("○", InProgress),
    mark("◯", InProgress),
    mark("◦", InProgress),
    mark("×", NotDeveloped),
    mark("x", NotDeveloped),
    mark("X", NotDeveloped),
    mark("✗", NotDeveloped),
    mark("✘", NotDeveloped),
];

/// Words that name the whole of a plan's deliverables in a totals sentence
/// (`65 resultados y entregables`, `20 deliverables`, `18 livrables`).
pub const TOTAL_NOUNS: &[&str] = &[
    "resultados y entregables",
    "entregables",
    "resultados",
    "results and deliverables",
    "deliverables",
    "outputs",
    "résultats et livrables",
    "livrables",
    "résultats",
];

/// Words that introduce an explicit grand total (`Total: 20`).
pub const TOTAL_LABELS: &[&str] = &["total", "totales", "totaux"];

/// Words that open an action line heading, before its number
/// (`LÍNEA DE ACCIÓN 1`, `ACTION LINE 2`, `LIGNE D'ACTION 3`).
pub const ACTION_LINE_WORDS: &[&str] = &[
    "línea de acción",
    "linea de accion",
    "línea de actuación",
    "action line",
    "line of action",
    "ligne d'action",
    "ligne d’action",
    "axe d'action",
    "axe d’action",
];

/// Column headings of plan tables, repeated at the top of every page of a
/// PDF (`Medidas | Resultados y entregables`); a line made only of these is
/// a table heading, never part of a title.
pub const TABLE_HEADINGS: &[&str] = &[
    "medidas",
    "resultados y entregables",
    "resultados",
    "entregables",
    "estado",
    "código",
    "measures",
    "results and deliverables",
    "deliverables",
    "results",
    "status",
    "code",
    "mesures",
    "résultats et livrables",
    "livrables",
    "résultats",
    "statut",
    "état",
];
