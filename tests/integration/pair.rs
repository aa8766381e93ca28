//! `planex pair`: translation pairs are claimed for the same document in two
//! languages, and only for it.

use planex::pair::{pair, pair_schema};
use planex::{Config, Document};

use crate::util::{fixture, root};

fn convert(name: &str) -> Document {
    convert_fixture(&format!("docs/{name}"))
}

/// A fixture converted with the default configuration, `path` under
/// `fixtures/`.
fn convert_fixture(path: &str) -> Document {
    planex::convert_file(&fixture(path), &Config::default())
        .unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// Fixtures converted with the default configuration, in order.
fn convert_fixtures(paths: &[&str]) -> Vec<Document> {
    paths.iter().map(|path| convert_fixture(path)).collect()
}

fn batch() -> Vec<Document> {
    [
        "work-plan-2019.es.md",
        "annual-report-2023.es.md",
        "work-plan-2019.en.md",
        "annual-report-2021.es.md",
        "plan-de-travail-2022.fr.txt",
        "rapport-annuel-2022.fr.md",
        "triennial-report-2018-2020.es.txt",
    ]
    .iter()
    .map(|name| convert(name))
    .collect()
}

#[test]
fn only_the_work_plan_and_its_translation_pair() {
    let report = pair(&batch());
    for comparison in &report.comparisons {
        println!(
            "{} ~ {}: score {} paired {} {:?}",
            comparison.left,
            comparison.right,
            comparison.score,
            comparison.paired,
            comparison.rejected_because
        );
    }
    assert_eq!(report.pairs.len(), 1, "{:#?}", report.pairs);
    let claimed = &report.pairs[0];
    assert!(
        claimed.left.ends_with("work-plan-2019.es.md")
            && claimed.right.ends_with("work-plan-2019.en.md")
    );
    assert!(claimed.score >= 0.8, "score {}", claimed.score);
    assert_eq!(claimed.sections.len(), 13);
    assert_eq!(claimed.events.len(), 13);
    let implementation = claimed
        .sections
        .iter()
        .find(|s| s.left_text == "Implementación de conocimiento")
        .expect("the pilot-project section is aligned");
    assert_eq!(implementation.right_text, "Implementation of knowledge");
    let chicago = claimed
        .events
        .iter()
        .find(|e| e.left_text.starts_with("Foro Chicago"))
        .expect("the Chicago forum is aligned");
    assert_eq!(chicago.right_text, "2019 Chicago Forum on Global Cities");
    assert_eq!(report.unpaired.len(), 5);
}

#[test]
fn two_annual_reports_are_not_a_pair_even_by_evidence() {
    let documents = [
        convert("annual-report-2023.es.md"),
        convert("annual-report-2021.es.md"),
    ];
    let comparison = planex::pair::compare(&documents[0], &documents[1]);
    assert!(!comparison.paired);
    assert!(
        comparison.score < planex::pair::PAIR_THRESHOLD,
        "score {}",
        comparison.score
    );
}

#[test]
fn pair_report_validates_against_its_published_schema() {
    let committed = std::fs::read_to_string(root().join("schemas/pair.schema.json"))
        .expect("schemas/pair.schema.json is committed");
    let committed: serde_json::Value =
        serde_json::from_str(&committed).expect("the schema is JSON");
    assert_eq!(
        committed,
        pair_schema(),
        "regenerate with `planex pair --schema > schemas/pair.schema.json`"
    );
    let validator = jsonschema::validator_for(&committed).expect("the pair schema compiles");
    let report = serde_json::to_value(pair(&batch())).expect("reports serialize");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn pair_command_prints_the_report() {
    let output = assert_cmd::Command::cargo_bin("planex")
        .expect("the binary is built")
        .arg("pair")
        .arg(fixture("docs/work-plan-2019.es.md"))
        .arg(fixture("docs/work-plan-2019.en.md"))
        .arg(fixture("docs/annual-report-2021.es.md"))
        .output()
        .expect("planex runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(report["pairs"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["unpaired"].as_array().map(Vec::len), Some(1));
}

/// An annual report in English and its French version, written for this
/// test: names lose or gain accents (`Helen` / `Hélène`), numbers change
/// separators (`41,208` / `41 208`, `$3.2M` / `3,2 M$`), one section more.
#[test]
fn versions_that_differ_slightly_still_pair() {
    let documents = convert_fixtures(&[
        "real-shapes/docs/annual-activity-report-2012.en.txt",
        "pairs/rapport-annuel-activite-2012.fr.txt",
    ]);
    let report = pair(&documents);
    let comparison = &report.comparisons[0];
    assert!(
        comparison.paired,
        "score {} ({:?}): {:?}",
        comparison.score, comparison.rejected_because, comparison.evidence
    );
    let people = comparison
        .evidence
        .iter()
        .find(|e| e.kind == planex::pair::EvidenceKind::MembersAndPeople)
        .map(|e| e.score);
    assert_eq!(people, Some(1.0), "Helen and Hélène Okafor are one person");
    // A heading's number does not make its first word a name (`1 Highlights
    // of the year` / `1 Les temps forts`), nor is a month one.
    let names = comparison
        .evidence
        .iter()
        .find(|e| e.kind == planex::pair::EvidenceKind::ProperNames)
        .map(|e| e.score);
    assert_eq!(names, Some(1.0), "{:?}", comparison.evidence);
}

/// Pairs in other shapes, written for this test after the pairing rules:
/// an English report in Markdown with title-case headings and a French one
/// in plain text with sentence-case headings, a section more, rounded
/// figures (`1,340` / `Plus de 1 300`) and shifted contents pages; a
/// Spanish and an English report of one year, one named an activity report
/// without its year beside the kind phrase. A French report of another
/// association, of the same kind and year, pairs with neither.
#[test]
fn versions_in_other_shapes_pair_and_a_report_of_another_body_does_not() {
    let paths = [
        "pairs/annual-report-2019.en.md",
        "pairs/rapport-activite-2019.fr.txt",
        "pairs/rapport-annuel-2019.fr.txt",
        "pairs/activity-report-2020.en.txt",
        "pairs/memoria-actividades-2020.es.txt",
    ];
    let documents = convert_fixtures(&paths);
    let report = pair(&documents);
    let mut claimed: Vec<(String, String)> = report
        .pairs
        .iter()
        .map(|c| {
            let name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_owned();
            (name(&c.left), name(&c.right))
        })
        .collect();
    claimed.sort();
    assert_eq!(
        claimed,
        [
            (
                "activity-report-2020.en.txt".to_owned(),
                "memoria-actividades-2020.es.txt".to_owned()
            ),
            (
                "annual-report-2019.en.md".to_owned(),
                "rapport-activite-2019.fr.txt".to_owned()
            ),
        ],
        "{:#?}",
        report
            .comparisons
            .iter()
            .map(|c| (&c.left, &c.right, c.score, &c.rejected_because))
            .collect::<Vec<_>>()
    );
    assert_eq!(report.unpaired.len(), 1);
    assert!(report.unpaired[0].ends_with("rapport-annuel-2019.fr.txt"));
}
