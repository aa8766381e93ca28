//! The page model: one plan written as tab-separated text, as a Markdown pipe
//! table and as a PDF (a title wrapped over two lines of its cell) builds
//! table rows whose cells the deliverables extractor reads, and gives the
//! same deliverables in every format.

use std::path::Path;

use planex::normalize::{normalize, Text};
use planex::{read, Config};

use crate::pdfgen::{self, Face, Page, Run, Style};

/// Measure, deliverable title (its cell's lines in the PDF) and mark, per row.
const ROWS: [(&str, &[&str], &str); 4] = [
    (
        "L1M1 Follow the main global events.",
        &["L1M1D1 Calendar of", "international events"],
        "V",
    ),
    ("", &["L1M1D2 Presence in global forums"], "X"),
    (
        "L1M2 Support the members.",
        &["L1M2D1 Guide of practices"],
        "V",
    ),
    ("", &["L1M2D2 Network of experts"], "0"),
];

const TITLE: &str = "IMPLEMENTATION REPORT 2019-2021";
const LEGEND: &str = "Legend: V achieved, 0 in progress, X not developed";
const HEADER: [&str; 3] = ["Measures", "Results and deliverables", "Status"];

fn text_version() -> String {
    let mut out = format!("{TITLE}\n\n{}\n", HEADER.join("\t"));
    for (measure, title, mark) in ROWS {
        out.push_str(&format!("{measure}\t{}\t{mark}\n", title.join(" ")));
    }
    out.push_str(&format!("\n{LEGEND}\n"));
    out
}

fn markdown_version() -> String {
    let mut out = format!("# {TITLE}\n\n| {} |\n|---|---|:---:|\n", HEADER.join(" | "));
    for (measure, title, mark) in ROWS {
        out.push_str(&format!("| {measure} | {} | {mark} |\n", title.join(" ")));
    }
    out.push_str(&format!("\n{LEGEND}\n"));
    out
}

fn pdf_version() -> Vec<u8> {
    pdf_with_note(None)
}

/// The plan as a PDF, with `note` set apart under the table's last row,
/// starting at the given x, when there is one.
fn pdf_with_note(note: Option<(&str, f32)>) -> Vec<u8> {
    let run = |text: &str, x: f32, y: f32| Run {
        text: text.to_owned(),
        x,
        y,
        face: Face::Helvetica,
        size: 10.0,
        twice: false,
    };
    let mut runs = vec![run(TITLE, 50.0, 60.0)];
    for (text, x) in HEADER.iter().zip([50.0, 250.0, 480.0]) {
        runs.push(run(text, x, 100.0));
    }
    let mut y = 130.0;
    for (measure, title, mark) in ROWS {
        if !measure.is_empty() {
            runs.push(run(measure, 50.0, y));
        }
        for (offset, line) in title.iter().enumerate() {
            runs.push(run(line, 250.0, y + 12.0 * offset as f32));
        }
        runs.push(run(mark, 480.0, y));
        y += 12.0 * title.len() as f32 + 18.0;
    }
    if let Some((note, x)) = note {
        runs.push(run(note, x, y + 6.0));
    }
    runs.push(run(LEGEND, 50.0, y + 30.0));
    let page = Page {
        width: 595.0,
        height: 842.0,
        runs,
        shapes: Vec::new(),
    };
    pdfgen::write(&[page], &Style::default())
}

fn text_of(name: &str, bytes: &[u8]) -> Text {
    let raw = read::read_bytes(Path::new(name), bytes, &Config::default())
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    normalize(&raw)
}

/// `(code, title, mark, status)` of every deliverable.
fn deliverables(name: &str, bytes: &[u8]) -> Vec<(String, String, Option<String>, String)> {
    let document = planex::convert_bytes(name, bytes, &Config::default())
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    let value = serde_json::to_value(&document).expect("documents serialize");
    value["deliverables"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    let text = |field: &str| item[field].as_str().map(str::to_owned);
                    (
                        text("code").unwrap_or_default(),
                        text("title").unwrap_or_default(),
                        text("mark"),
                        text("status").unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_format_builds_table_rows_with_the_cells_of_the_plan() {
    let inputs: [(&str, Vec<u8>); 3] = [
        ("plan.txt", text_version().into_bytes()),
        ("plan.md", markdown_version().into_bytes()),
        ("plan.pdf", pdf_version()),
    ];
    for (name, bytes) in &inputs {
        let text = text_of(name, bytes);
        let rows: Vec<Vec<&str>> = text
            .blocks
            .iter()
            .filter_map(|block| block.table())
            .flat_map(|table| &table.rows)
            .map(|row| row.cells.iter().map(|cell| cell.text()).collect())
            .collect();
        let mut want: Vec<Vec<String>> = vec![HEADER.iter().map(|s| (*s).to_owned()).collect()];
        for (measure, title, mark) in ROWS {
            want.push(vec![measure.to_owned(), title.join(" "), mark.to_owned()]);
        }
        assert_eq!(rows, want, "{name}");
        if name.ends_with(".pdf") {
            let row = text
                .blocks
                .iter()
                .find_map(|block| block.table())
                .map(|t| &t.rows[1]);
            let cell = row
                .map(|row| &row.cells[1])
                .expect("the first deliverable's cell");
            assert_eq!(cell.lines(), ROWS[0].1, "{name}: the cell keeps its lines");
            assert!(cell.bbox.is_some() && !cell.words().is_empty(), "{name}");
        }
    }
    let results: Vec<_> = inputs
        .iter()
        .map(|(name, bytes)| (name, deliverables(name, bytes)))
        .collect();
    let want: Vec<(String, String, Option<String>, String)> = ROWS
        .iter()
        .zip(["achieved", "not_developed", "achieved", "in_progress"])
        .map(|((_, title, mark), status)| {
            let (code, rest) = title.join(" ").split_once(' ').map_or_else(
                || (String::new(), String::new()),
                |(code, rest)| (code.to_owned(), rest.to_owned()),
            );
            (code, rest, Some((*mark).to_owned()), status.to_owned())
        })
        .collect();
    for (name, got) in &results {
        assert_eq!(got, &want, "{name}");
    }
}

#[test]
fn a_paragraph_under_a_laid_table_is_no_line_of_its_last_title() {
    // A signature set apart under the table, starting in the measures' or
    // the titles' column and running across the columns after it.
    for x in [50.0, 250.0] {
        let note = "Prepared by Ilse Moravec Quint, programme officer of the network secretariat.";
        let got = deliverables("plan.pdf", &pdf_with_note(Some((note, x))));
        let last = got
            .last()
            .map(|(code, title, ..)| (code.as_str(), title.as_str()));
        assert_eq!(
            last,
            Some(("L1M2D2", "Network of experts")),
            "note at x = {x}"
        );
    }
}

#[test]
fn pages_prints_the_model_of_standard_input() {
    let output = assert_cmd::Command::cargo_bin("planex")
        .expect("the planex binary is built")
        .args(["pages", "-"])
        .write_stdin(markdown_version())
        .output()
        .expect("planex runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let model: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the model is JSON");
    let blocks = model["blocks"].as_array().expect("blocks");
    let kinds: Vec<&str> = blocks
        .iter()
        .map(|block| block["kind"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(kinds, ["heading", "table", "paragraph"]);
    // Every block's lines are printed, its last one included.
    assert_eq!(blocks[0]["text"], serde_json::json!([format!("# {TITLE}")]));
    assert_eq!(blocks[2]["text"], serde_json::json!([LEGEND]));
    let table = &blocks[1];
    assert_eq!(
        (table["first_line"].as_u64(), table["last_line"].as_u64()),
        (Some(3), Some(8))
    );
    assert_eq!(table["rows"][1]["line"], 5, "the separator row is line 4");
    assert_eq!(table["rows"][1]["cells"][2]["text"], "V");
}

#[test]
fn the_rows_of_every_pdf_rendering_are_the_lines_they_render() {
    let directory = crate::util::fixture("pdf");
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .expect("fixtures/pdf is readable")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no PDF in {}", directory.display());
    let mut rows = 0;
    for path in &paths {
        let raw = read::read_file(path, &Config::default())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let text = normalize(&raw);
        for table in text.blocks.iter().filter_map(|block| block.table()) {
            for row in &table.rows {
                rows += 1;
                let cells: Vec<&str> = row.cells.iter().map(|cell| cell.text()).collect();
                let line = text.lines.get(row.line).expect("a row renders to a line");
                // Prose lines carry bold as `**`, their cells do not.
                assert_eq!(
                    planex::markup::plain(&cells.join("\t")),
                    planex::markup::plain(line.text),
                    "{} page {} line {}",
                    path.display(),
                    line.page,
                    line.number
                );
                assert!(
                    row.cells.iter().any(|cell| cell.bbox.is_some()),
                    "{}: a drawn row has a box",
                    path.display()
                );
            }
        }
    }
    assert!(
        rows > 100,
        "{rows} table rows in {} renderings",
        paths.len()
    );
}
