//! Language, kind and period of every fixture document, against what the documents say.

use planex::model::DocumentKind;

use crate::util;

/// (fixture, language, kind, period, other languages that must be reported).
const EXPECTED: &[(&str, &str, DocumentKind, &str, &[&str])] = &[
    (
        "docs/triennial-report-2018-2020.es.txt",
        "es",
        DocumentKind::TriennialReport,
        "2018-2020",
        &[],
    ),
    (
        "docs/work-plan-2019.es.md",
        "es",
        DocumentKind::WorkPlan,
        "2019",
        &[],
    ),
    (
        "docs/work-plan-2019.en.md",
        "en",
        DocumentKind::WorkPlan,
        "2019",
        &["es"],
    ),
    (
        "docs/annual-report-2023.es.md",
        "es",
        DocumentKind::AnnualReport,
        "2023",
        &[],
    ),
    (
        "docs/annual-report-2021.es.md",
        "es",
        DocumentKind::AnnualReport,
        "2021",
        &[],
    ),
];

#[test]
fn seeds_language_kind_and_period() {
    for &(fixture, language, kind, period, others) in EXPECTED {
        let document = planex::convert_file(&util::fixture(fixture), &planex::Config::default())
            .expect("converts");
        assert_eq!(document.language, language, "{fixture}");
        assert_eq!(document.kind.value, kind, "{fixture}");
        assert!(
            !document.kind.evidence.is_empty(),
            "{fixture}: kind without evidence"
        );
        let found = document
            .period
            .as_ref()
            .unwrap_or_else(|| panic!("{fixture}: no period"));
        assert_eq!(found.label, period, "{fixture}");
        assert!(
            !found.evidence.is_empty(),
            "{fixture}: period without evidence"
        );
        for other in others {
            assert!(
                document
                    .languages
                    .iter()
                    .any(|share| share.language == *other),
                "{fixture}: {other} not reported"
            );
        }
        let total: f64 = document.languages.iter().map(|share| share.share).sum();
        assert!(
            (total - 1.0).abs() < 0.01,
            "{fixture}: shares add up to {total}"
        );
    }
}

#[test]
fn trilingual_cover_does_not_decide_the_language() {
    let es = planex::convert_file(
        &util::fixture("docs/work-plan-2019.es.md"),
        &planex::Config::default(),
    )
    .expect("converts");
    let en = planex::convert_file(
        &util::fixture("docs/work-plan-2019.en.md"),
        &planex::Config::default(),
    )
    .expect("converts");
    assert_eq!((es.language.as_str(), en.language.as_str()), ("es", "en"));
}

#[test]
fn titles_are_in_the_document_language() {
    for (fixture, title) in [
        (
            "docs/triennial-report-2018-2020.es.txt",
            "INFORME TRIENAL: RESUMEN",
        ),
        (
            "docs/work-plan-2019.es.md",
            "Plan de trabajo 2019 de la Secretaría General",
        ),
        (
            "docs/work-plan-2019.en.md",
            "Secretariat General Work Plan 2019",
        ),
        ("docs/annual-report-2023.es.md", "Informe Anual 2023"),
    ] {
        let document = planex::convert_file(&util::fixture(fixture), &planex::Config::default())
            .expect("converts");
        assert_eq!(document.title.as_deref(), Some(title), "{fixture}");
    }
}
