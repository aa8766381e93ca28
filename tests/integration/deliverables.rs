//! Deliverables, measures, action lines and totals of whole documents against
//! hand-written gold files (`fixtures/gold/<document>.deliverables.json`).
//!
//! Every difference is reported with the item and field it concerns, so a
//! failure reads like a review comment rather than a JSON diff.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::fixture;

/// Converts a fixture document and its gold file into JSON values.
fn load(document: &str) -> (Value, Value) {
    let path = fixture(&format!("docs/{document}"));
    let output = planex::convert_file(&path, &planex::Config::default())
        .unwrap_or_else(|err| panic!("{document}: {err}"));
    let output = serde_json::to_value(&output).expect("documents serialize");
    let gold_path = fixture(&format!("gold/{document}.deliverables.json"));
    let gold_text = std::fs::read_to_string(&gold_path)
        .unwrap_or_else(|err| panic!("{}: {err}", gold_path.display()));
    let gold = serde_json::from_str(&gold_text).expect("gold files are JSON");
    (output, gold)
}

/// Compares `fields` of two lists of items matched by position, and their codes first.
fn compare_items(
    document: &str,
    kind: &str,
    got: &Value,
    want: &Value,
    fields: &[&str],
    problems: &mut Vec<String>,
) {
    let empty = Vec::new();
    let got = got.as_array().unwrap_or(&empty);
    let want = want.as_array().unwrap_or(&empty);
    let codes = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .map(|item| item["code"].as_str().unwrap_or("?").to_owned())
            .collect()
    };
    if codes(got) != codes(want) {
        let got_codes: BTreeSet<String> = codes(got).into_iter().collect();
        let want_codes: BTreeSet<String> = codes(want).into_iter().collect();
        problems.push(format!(
            "{document}: {kind}: {} extracted, {} expected; missing {:?}, unexpected {:?} (or order differs)",
            got.len(),
            want.len(),
            want_codes.difference(&got_codes).collect::<Vec<_>>(),
            got_codes.difference(&want_codes).collect::<Vec<_>>(),
        ));
    }
    for want_item in want {
        let code = want_item["code"].as_str().unwrap_or("?");
        let Some(got_item) = got.iter().find(|item| item["code"] == want_item["code"]) else {
            continue;
        };
        for field in fields {
            if got_item[field] != want_item[field] {
                problems.push(format!(
                    "{document}: {kind} {code}: {field} is {}, expected {}",
                    got_item[field], want_item[field]
                ));
            }
        }
    }
}

/// Compares measures (by text) and deliverables (by `deliverable_fields`) with the gold file.
fn compare_plan(
    name: &str,
    output: &Value,
    gold: &Value,
    deliverable_fields: &[&str],
    problems: &mut Vec<String>,
) {
    compare_items(
        name,
        "measure",
        &output["measures"],
        &gold["measures"],
        &["text"],
        problems,
    );
    compare_items(
        name,
        "deliverable",
        &output["deliverables"],
        &gold["deliverables"],
        deliverable_fields,
        problems,
    );
}

fn check_against_gold(document: &str) {
    let (output, gold) = load(document);
    let mut problems = Vec::new();
    compare_items(
        document,
        "action line",
        &output["action_lines"],
        &gold["action_lines"],
        &["title"],
        &mut problems,
    );
    compare_plan(
        document,
        &output,
        &gold,
        &[
            "title", "mark", "status", "inferred", "repaired", "page", "line",
        ],
        &mut problems,
    );
    for part in ["declared", "counted", "unknown", "inferred", "agree"] {
        if output["totals"][part] != gold["totals"][part] {
            problems.push(format!(
                "{document}: totals.{part} is {}, expected {}",
                output["totals"][part], gold["totals"][part]
            ));
        }
    }
    let ours = ["deliverables.", "legend.", "totals."];
    let got_codes: BTreeSet<&str> = output["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .filter(|code| ours.iter().any(|prefix| code.starts_with(prefix)))
        .collect();
    let want_codes: BTreeSet<&str> = gold["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if got_codes != want_codes {
        problems.push(format!(
            "{document}: diagnostic codes are {got_codes:?}, expected {want_codes:?}"
        ));
    }
    assert!(
        problems.is_empty(),
        "{} difference(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn seed_000_triennial_report_matches_gold() {
    check_against_gold("triennial-report-2018-2020.es.txt");
}

#[test]
fn english_implementation_report_matches_gold() {
    check_against_gold("implementation-report-2019-2021.en.md");
}

/// Written for the rendering matrix's fresh producers (issue 9), gold written before planex read it.
#[test]
fn spanish_execution_report_matches_gold() {
    check_against_gold("informe-ejecucion-2022-2024.es.md");
}

#[test]
fn french_implementation_report_matches_gold() {
    check_against_gold("implementation-report-2019-2021.fr.txt");
}

/// The acceptance figures for seed 000, stated directly.
#[test]
fn seed_000_acceptance_figures() {
    let (output, _) = load("triennial-report-2018-2020.es.txt");
    let deliverables = output["deliverables"].as_array().expect("deliverables");
    let measures = output["measures"].as_array().expect("measures");
    assert_eq!(deliverables.len(), 65);
    assert_eq!(measures.len(), 27);
    assert_eq!(
        measures.iter().filter(|m| m["text"].is_string()).count(),
        23
    );
    assert_eq!(output["action_lines"].as_array().map(Vec::len), Some(3));
    let inferred: Vec<&str> = deliverables
        .iter()
        .filter(|d| d["inferred"] == true)
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(inferred, ["L1M4D1", "L2M10D1", "L2M10D2"]);
    let repeated = output["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "deliverables.repeated_block")
        .count();
    assert_eq!(repeated, 1);
    assert_eq!(output["totals"]["agree"], true);
}

/// The non-plan seeds have no deliverables, hence no legend and no totals.
#[test]
fn documents_without_plan_tables_have_no_deliverables() {
    for document in [
        "work-plan-2019.es.md",
        "work-plan-2019.en.md",
        "annual-report-2021.es.md",
        "annual-report-2023.es.md",
    ] {
        let output = planex::convert_file(
            &fixture(&format!("docs/{document}")),
            &planex::Config::default(),
        )
        .unwrap_or_else(|err| panic!("{document}: {err}"));
        assert!(output.deliverables.is_empty(), "{document}");
        assert_eq!(output.legend, None, "{document}");
        assert_eq!(output.totals, None, "{document}");
    }
}

/// How a PDF might lay out seed 000's table rows.
#[derive(Debug, Clone, Copy)]
enum Layout {
    /// Every tab became a single space: measure, title and mark on one line.
    NoTabs,
    /// Two columns wrapped at 50 and 40 characters, the mark beside the
    /// first line of the row (top-aligned cells).
    ColumnsMarkOnTop,
    /// Two columns, the mark glued to the last line of the title.
    ColumnsMarkGlued,
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Re-renders the table rows of a tab-separated report in `layout`; every
/// other line is kept as it is.
fn render(text: &str, layout: Layout) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        let row = match cells.as_slice() {
            [measure, deliverable, mark] if deliverable.starts_with('L') && !mark.is_empty() => {
                Some((*measure, *deliverable, *mark))
            }
            [deliverable, mark] if deliverable.starts_with('L') && !mark.is_empty() => {
                Some(("", *deliverable, *mark))
            }
            _ => None,
        };
        let Some((measure, deliverable, mark)) = row else {
            out.push(line.to_owned());
            continue;
        };
        if let Layout::NoTabs = layout {
            out.push(format!("{measure} {deliverable} {mark}").trim().to_owned());
            continue;
        }
        let left = if measure.is_empty() {
            Vec::new()
        } else {
            wrap(measure, 50)
        };
        let right = wrap(deliverable, 40);
        for k in 0..left.len().max(right.len()) {
            let mut right_part = right.get(k).cloned();
            if let (Layout::ColumnsMarkGlued, Some(part)) = (layout, right_part.as_mut()) {
                if k + 1 == right.len() {
                    part.push(' ');
                    part.push_str(mark);
                }
            }
            let mut cells: Vec<String> =
                left.get(k).cloned().into_iter().chain(right_part).collect();
            if let (Layout::ColumnsMarkOnTop, 0) = (layout, k) {
                cells.push(mark.to_owned());
            }
            out.push(cells.join("\t"));
        }
    }
    out.join("\n")
}

/// The PDF reader rebuilds lines from glyph positions (tabs only for wide
/// gaps), so the extractor must not depend on the text export's tabs.
#[test]
fn seed_000_layouts_give_the_same_deliverables() {
    let document = "triennial-report-2018-2020.es.txt";
    let text = std::fs::read_to_string(fixture(&format!("docs/{document}")))
        .expect("seed 000 is readable");
    let (_, gold) = load(document);
    for layout in [
        Layout::NoTabs,
        Layout::ColumnsMarkOnTop,
        Layout::ColumnsMarkGlued,
    ] {
        let rendered = render(&text, layout);
        let output =
            planex::convert_bytes(document, rendered.as_bytes(), &planex::Config::default())
                .unwrap_or_else(|err| panic!("{layout:?}: {err}"));
        let output = serde_json::to_value(&output).expect("documents serialize");
        let mut problems = Vec::new();
        let name = format!("{document} ({layout:?})");
        compare_plan(
            &name,
            &output,
            &gold,
            &["title", "mark", "status", "inferred"],
            &mut problems,
        );
        if output["totals"]["agree"] != true {
            problems.push(format!("{name}: totals do not agree: {}", output["totals"]));
        }
        assert!(
            problems.is_empty(),
            "{} difference(s):\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
