//! Phrases that name a document's kind, and the words that place it in time.

use crate::model::DocumentKind;

/// A phrase that names a kind of document, with how strongly it does.
#[derive(Debug, Clone, Copy)]
pub struct KindPhrase {
    /// Lower-case phrase, matched on word boundaries.
    pub phrase: &'static str,
    /// The kind it names.
    pub kind: DocumentKind,
    /// Weight when it appears in the title area; halved in the body.
    pub weight: f64,
}

const fn phrase(phrase: &'static str, kind: DocumentKind, weight: f64) -> KindPhrase {
    KindPhrase {
        phrase,
        kind,
        weight,
    }
}

use DocumentKind::{ActionPlan, ActivityReport, AnnualReport, TriennialReport, WorkPlan};

/// Kind phrases in Spanish, English and French.
pub const KIND_PHRASES: &[KindPhrase] = &[
    // Triennial reports.
    phrase("informe trienal", TriennialReport, 1.0),
    phrase("informe de implementación trienal", TriennialReport, 1.0),
    phrase("triennial report", TriennialReport, 1.0),
    phrase("triennial implementation report", TriennialReport, 1.0),
    phrase("rapport triennal", TriennialReport, 1.0),
    phrase("rapport de mise en œuvre triennal", TriennialReport, 1.0),
    // Annual reports.
    phrase("informe anual", AnnualReport, 1.0),
    phrase("memoria anual", AnnualReport, 1.0),
    phrase("annual report", AnnualReport, 1.0),
    phrase("rapport annuel", AnnualReport, 1.0),
    phrase("primer año de implementación", AnnualReport, 0.6),
    phrase("segundo año de implementación", AnnualReport, 0.6),
    phrase("tercer año de implementación", AnnualReport, 0.6),
    phrase("first year of implementation", AnnualReport, 0.6),
    phrase("second year of implementation", AnnualReport, 0.6),
    phrase("third year of implementation", AnnualReport, 0.6),
    phrase("première année de mise en œuvre", AnnualReport, 0.6),
    phrase("deuxième année de mise en œuvre", AnnualReport, 0.6),
    phrase("troisième année de mise en œuvre", AnnualReport, 0.6),
    // Work plans.
    phrase("plan de trabajo", WorkPlan, 1.0),
    phrase("programa de trabajo", WorkPlan, 0.8),
    phrase("work plan", WorkPlan, 1.0),
    phrase("workplan", WorkPlan, 1.0),
    phrase("work programme", WorkPlan, 0.8),
    phrase("plan de travail", WorkPlan, 1.0),
    phrase("programme de travail", WorkPlan, 0.8),
    // Action and strategic plans.
    phrase("plan de acción", ActionPlan, 0.7),
    phrase("plan de acción estratégico", ActionPlan, 0.8),
    phrase("plan estratégico", ActionPlan, 0.7),
    phrase("action plan", ActionPlan, 0.7),
    phrase("strategic action plan", ActionPlan, 0.8),
    phrase("strategic plan", ActionPlan, 0.7),
    phrase("plan d'action", ActionPlan, 0.7),
    phrase("plan d'action stratégique", ActionPlan, 0.8),
    phrase("plan stratégique", ActionPlan, 0.7),
    // Activity reports.
    phrase("informe de actividades", ActivityReport, 1.0),
    phrase("memoria de actividades", ActivityReport, 1.0),
    phrase("activity report", ActivityReport, 1.0),
    phrase("activities report", ActivityReport, 1.0),
    phrase("rapport d'activité", ActivityReport, 1.0),
    phrase("rapport d'activités", ActivityReport, 1.0),
];

/// Words that join the two years of a span: `entre 2018 y 2020`, `between 2018 and 2020`.
pub const PERIOD_BETWEEN: &[(&str, &str)] = &[
    ("entre", "y"),
    ("between", "and"),
    ("entre", "et"),
    ("from", "to"),
    ("de", "a"),
    ("de", "à"),
];

/// Ordinal words for "the Nth year of a plan", with N (0 = the last year).
pub const YEAR_ORDINALS: &[(&str, u16)] = &[
    ("primer", 1),
    ("segundo", 2),
    ("tercer", 3),
    ("último", 0),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("last", 0),
    ("final", 0),
    ("première", 1),
    ("premier", 1),
    ("deuxième", 2),
    ("troisième", 3),
    ("dernière", 0),
];
