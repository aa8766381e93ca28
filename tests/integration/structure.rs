//! Sections, calendars, key figures, members and people against hand-written gold files.
//!
//! Each `fixtures/gold/<document>.structure.json` was written by reading
//! `fixtures/docs/<document>`. Items are matched on a key (below); the test
//! prints precision and recall per item type and document, and requires
//! 100 % for calendar events, members and people, and at least 95 % for
//! sections and key figures. Labels, levels, list shapes, roles and places
//! are compared on matched items and printed as agreement rates.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use planex::{Config, Document};
use serde_json::Value;

use crate::util::fixture;

/// The documents with a structure gold file: four seeds and two of our own.
const DOCUMENTS: &[&str] = &[
    "work-plan-2019.es.md",
    "work-plan-2019.en.md",
    "annual-report-2023.es.md",
    "annual-report-2021.es.md",
    "plan-de-travail-2022.fr.txt",
    "rapport-annuel-2022.fr.md",
];

/// Matched, extracted and expected counts for one item type.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    matched: usize,
    found: usize,
    expected: usize,
}

impl Score {
    fn precision(self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }

    fn recall(self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.matched as f64 / self.expected as f64
        }
    }

    fn add(&mut self, other: Score) {
        self.matched += other.matched;
        self.found += other.found;
        self.expected += other.expected;
    }
}

/// Multiset matching of keys; returns the score and the matched pairs of indices.
fn score(found: &[String], expected: &[String]) -> (Score, Vec<(usize, usize)>) {
    let mut pool: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, key) in expected.iter().enumerate() {
        pool.entry(key.as_str()).or_default().push(index);
    }
    let mut pairs = Vec::new();
    for (index, key) in found.iter().enumerate() {
        if let Some(slots) = pool.get_mut(key.as_str()) {
            if !slots.is_empty() {
                pairs.push((index, slots.remove(0)));
            }
        }
    }
    let score = Score {
        matched: pairs.len(),
        found: found.len(),
        expected: expected.len(),
    };
    (score, pairs)
}

fn convert(name: &str) -> Document {
    planex::convert_file(&fixture(&format!("docs/{name}")), &Config::default())
        .unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn gold(name: &str) -> Value {
    let path = fixture(&format!("gold/{name}.structure.json"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value[key].as_array().map_or(&[], Vec::as_slice)
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or("").to_owned()
}

/// Case, spaces and hyphens do not count: `Vice-\npresident` is joined by normalization.
fn loose(value: Option<&str>) -> String {
    value
        .unwrap_or("")
        .replace('-', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn date_key(value: &Value) -> String {
    if value.is_null() {
        "-".to_owned()
    } else {
        format!("{}-{}-{}", value["year"], value["month"], value["day"])
    }
}

fn number_key(value: f64) -> String {
    format!("{:.3}", value)
}

/// Agreement counter for a compared attribute of matched items.
#[derive(Debug, Default)]
struct Agreement {
    same: usize,
    total: usize,
}

impl Agreement {
    fn note(&mut self, same: bool) {
        self.total += 1;
        self.same += usize::from(same);
    }

    fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.same as f64 / self.total as f64
        }
    }
}

#[test]
fn structure_matches_gold_files() {
    let mut report = String::new();
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    let mut failures = Vec::new();
    for name in DOCUMENTS {
        let document = convert(name);
        let gold = gold(name);
        let out = serde_json::to_value(&document).expect("documents serialize");

        let section_keys = |items: &[Value]| -> Vec<String> {
            items
                .iter()
                .map(|s| format!("{}|{}", s["line"], text(&s["title"])))
                .collect()
        };
        let (sections, section_pairs) = score(
            &section_keys(array(&out, "sections")),
            &section_keys(array(&gold, "sections")),
        );
        let mut levels = Agreement::default();
        let mut shapes = Agreement::default();
        for (f, e) in &section_pairs {
            let (found, expected) = (&array(&out, "sections")[*f], &array(&gold, "sections")[*e]);
            levels.note(found["level"] == expected["level"]);
            let children: Vec<Value> = array(found, "items")
                .iter()
                .map(|i| Value::from(array(i, "children").len()))
                .collect();
            shapes.note(
                expected["items"] == array(found, "items").len()
                    && Value::from(children) == expected["children"],
            );
        }

        let event_keys = |items: &[Value]| -> Vec<String> {
            items
                .iter()
                .map(|e| {
                    format!(
                        "{}|{}|{}|{}|{}",
                        e["line"],
                        date_key(&e["start"]),
                        date_key(&e["end"]),
                        e["to_be_confirmed"],
                        text(&e["text"])
                    )
                })
                .collect()
        };
        let (calendar, _) = score(
            &event_keys(array(&out, "calendar")),
            &event_keys(array(&gold, "calendar")),
        );

        let figure_keys = |items: &[Value]| -> Vec<String> {
            items
                .iter()
                .map(|k| {
                    format!(
                        "{}|{}|{}|{}",
                        k["line"],
                        number_key(k["value"].as_f64().unwrap_or(f64::NAN)),
                        k["unit"],
                        k["qualifier"]
                    )
                })
                .collect()
        };
        let (figures, figure_pairs) = score(
            &figure_keys(array(&out, "key_figures")),
            &figure_keys(array(&gold, "key_figures")),
        );
        let mut labels = Agreement::default();
        for (f, e) in &figure_pairs {
            labels.note(
                array(&out, "key_figures")[*f]["label"] == array(&gold, "key_figures")[*e]["label"],
            );
        }

        let member_keys = |items: &[Value]| -> Vec<String> {
            items
                .iter()
                .map(|m| format!("{}|{}", text(&m["name"]), m["list"]))
                .collect()
        };
        let (members, _) = score(
            &member_keys(array(&out, "members")),
            &member_keys(array(&gold, "members")),
        );
        let total = array(&out, "member_lists")
            .first()
            .map_or(Value::Null, |l| l["total_members"].clone());
        if total != gold["member_total"] {
            failures.push(format!(
                "{name}: member total {total} != {}",
                gold["member_total"]
            ));
        }

        let person_keys = |items: &[Value]| -> Vec<String> {
            items
                .iter()
                .map(|p| format!("{}|{}", text(&p["name"]), p["group"]))
                .collect()
        };
        let (people, person_pairs) = score(
            &person_keys(array(&out, "people")),
            &person_keys(array(&gold, "people")),
        );
        let mut roles = Agreement::default();
        for (f, e) in &person_pairs {
            let (found, expected) = (&array(&out, "people")[*f], &array(&gold, "people")[*e]);
            roles.note(
                loose(found["role"].as_str()) == loose(expected["role"].as_str())
                    && loose(found["place"].as_str()) == loose(expected["place"].as_str()),
            );
        }

        let rows = [
            ("sections", sections, 0.95),
            ("calendar", calendar, 1.0),
            ("key_figures", figures, 0.95),
            ("members", members, 1.0),
            ("people", people, 1.0),
        ];
        for (kind, score, required) in rows {
            let _ = writeln!(
                report,
                "{name:32} {kind:12} precision {:6.1}% recall {:6.1}% ({} matched, {} found, {} expected)",
                score.precision() * 100.0,
                score.recall() * 100.0,
                score.matched,
                score.found,
                score.expected
            );
            totals.entry(kind).or_default().add(score);
            if score.precision() < required || score.recall() < required {
                failures.push(format!("{name}: {kind} below {:.0}%", required * 100.0));
            }
        }
        let _ = writeln!(
            report,
            "{name:32} agreement    levels {:.0}% list shapes {:.0}% figure labels {:.0}% roles/places {:.0}%",
            levels.rate() * 100.0,
            shapes.rate() * 100.0,
            labels.rate() * 100.0,
            roles.rate() * 100.0
        );
        for (what, agreement) in [
            ("list shapes", &shapes),
            ("figure labels", &labels),
            ("roles/places", &roles),
        ] {
            if agreement.rate() < 0.95 {
                failures.push(format!("{name}: {what} agreement below 95%"));
            }
        }

        let codes: Vec<&str> = document.diagnostics.iter().map(|d| &*d.code).collect();
        let expected_parts = array(&gold, "parts");
        let consistent = expected_parts
            .iter()
            .filter(|p| p["consistent"] == true)
            .count();
        let mismatched = expected_parts.len() - consistent;
        let count = |code: &str| codes.iter().filter(|c| **c == code).count();
        if count("figures.parts_consistent") != consistent
            || count("figures.parts_mismatch") != mismatched
        {
            failures.push(format!("{name}: parts diagnostics {codes:?}, expected {consistent} consistent and {mismatched} mismatched"));
        }
    }
    for (kind, score) in &totals {
        let _ = writeln!(
            report,
            "{:32} {kind:12} precision {:6.1}% recall {:6.1}% ({} matched, {} found, {} expected)",
            "ALL",
            score.precision() * 100.0,
            score.recall() * 100.0,
            score.matched,
            score.found,
            score.expected
        );
    }
    println!("{report}");
    assert!(failures.is_empty(), "{report}\n{}", failures.join("\n"));
}

#[test]
fn alliances_mismatch_names_both_numbers() {
    let document = convert("annual-report-2021.es.md");
    let mismatch = document
        .diagnostics
        .iter()
        .find(|d| d.code == "figures.parts_mismatch")
        .expect("seed 004 states 30 alliances whose parts add up to 23");
    assert_eq!(mismatch.severity, planex::Severity::Warning);
    assert!(
        mismatch.message.contains("30") && mismatch.message.contains("23"),
        "{}",
        mismatch.message
    );
    assert_eq!((mismatch.page, mismatch.line), (Some(1), Some(39)));
}

#[test]
fn member_list_declares_and_lists_ten() {
    let document = convert("annual-report-2023.es.md");
    let list = document
        .member_lists
        .first()
        .expect("seed 002 has a member list");
    assert_eq!(
        (list.declared_count, list.listed_count, list.total_members),
        (Some(10), 10, Some(154))
    );
    assert!(!document
        .diagnostics
        .iter()
        .any(|d| d.code == "members.count_mismatch"));
}

#[test]
fn structure_documents_validate_against_the_schema() {
    let schema = planex::model::document_schema();
    let validator = jsonschema::validator_for(&schema).expect("the document schema compiles");
    for name in DOCUMENTS {
        let value = serde_json::to_value(convert(name)).expect("documents serialize");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

/// PDF converters lose blank lines and bold markers; the rules must not depend on them alone.
#[test]
fn seeds_without_blank_lines_or_bold_keep_their_structure() {
    let flatten = |name: &str| -> Document {
        let source = std::fs::read_to_string(fixture(&format!("docs/{name}")))
            .expect("the seed is readable");
        let flat: Vec<String> = source
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.replace("**", ""))
            .collect();
        planex::convert_bytes(
            format!("{name}.txt"),
            flat.join("\n").as_bytes(),
            &Config::default(),
        )
        .unwrap_or_else(|err| panic!("{name}: {err}"))
    };
    let plan = flatten("work-plan-2019.es.md");
    assert_eq!(plan.calendar.len(), 13);
    let report = flatten("annual-report-2023.es.md");
    assert_eq!(report.people.len(), 57);
    assert_eq!(report.members.len(), 10);
    let infographic = flatten("annual-report-2021.es.md");
    let codes: Vec<&str> = infographic.diagnostics.iter().map(|d| &*d.code).collect();
    assert!(codes.contains(&"figures.parts_mismatch"), "{codes:?}");
}
