//! A language is one lexicon file: a German report, written for this test,
//! is read with the German tables alone (kind, period, figures, people, dates).

use planex::model::DocumentKind;

use crate::util;

#[test]
fn a_german_report_is_read_with_the_german_lexicon() {
    let document = planex::convert_file(
        &util::fixture("docs/jahresbericht-2022.de.md"),
        &planex::Config::default(),
    )
    .expect("converts");
    assert_eq!(document.language, "de");
    assert_eq!(document.kind.value, DocumentKind::AnnualReport);
    assert_eq!(
        document.period.as_ref().map(|p| p.label.as_str()),
        Some("2022")
    );
    let figures: Vec<(f64, Option<&str>)> = document
        .key_figures
        .iter()
        .map(|f| (f.value, f.unit.as_deref()))
        .collect();
    assert!(figures.contains(&(120.0, None)), "{figures:?}");
    assert!(figures.contains(&(3500.0, None)), "{figures:?}");
    assert!(figures.contains(&(45.0, Some("%"))), "{figures:?}");
    let over = document.key_figures.iter().find(|f| f.value == 3500.0);
    assert_eq!(
        over.map(|f| f.qualifier),
        Some(planex::model::Qualifier::AtLeast),
        "`mehr als` is a German qualifier"
    );
    let people: Vec<(&str, Option<&str>)> = document
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("ANNA BEISPIEL", Some("Präsidentin")),
            ("KARL MUSTERMANN", Some("Schatzmeister"))
        ]
    );
}
