//! Text laid out by position (issues 9 and 11): `pdftotext -layout` output
//! and paginated fixed-width reports are read as pages of positioned glyphs,
//! so side-by-side tables, wrapped titles and marks on lines of their own
//! are read by the layout passes PDFs go through. Hand-written pages in
//! en and fr, then the committed layout texts of fixtures/layout-text/ scored
//! against planex's reading of their source texts (floors in its manifest).

use std::collections::HashMap;

use planex::model::Status;
use planex::{Config, Document};

use crate::util::fixture;

fn convert(name: &str, text: &str) -> Document {
    planex::convert_bytes(name, text.as_bytes(), &Config::default())
        .unwrap_or_else(|err| panic!("{name}: {err}"))
}

/// Every item's status by code (the first occurrence of a code).
fn statuses(document: &Document) -> HashMap<String, Option<Status>> {
    let mut found = HashMap::new();
    for item in &document.items {
        found.entry(item.code.clone()).or_insert(item.status);
    }
    found
}

fn assert_statuses(document: &Document, expected: &[(&str, Status)]) {
    let found = statuses(document);
    for (code, status) in expected {
        assert_eq!(
            found.get(*code),
            Some(&Some(*status)),
            "{code} in {:?}",
            document.items
        );
    }
}

use Status::{Achieved, InProgress, NotDeveloped};

#[test]
fn wrapped_titles_with_their_marks_centred_across_a_page_break() {
    let text = "\
Work plan 2024: progress report

Legend: ✓ achieved ○ in progress ✗ not developed

Code        Deliverable                                         Status
A1M1D1      Town centre lighting survey                           ✓
A1M1D2      Training for the school crossing patrol
            volunteers, their coordinators and the                ○
            head teachers of the four schools
A1M1D3      New signal crossing on the ring road                  ✗
\u{c}
Code        Deliverable                                         Status
A1M2D1      Lower speed limit on Mill Lane and on the             ✓
            approach roads to the primary school
A1M2D2      Safe routes map for the town                          ○
\u{c}";
    let document = convert("plan.en.txt", text);
    assert_statuses(
        &document,
        &[
            ("A1M1D1", Achieved),
            ("A1M1D2", InProgress),
            ("A1M1D3", NotDeveloped),
            ("A1M2D1", Achieved),
            ("A1M2D2", InProgress),
        ],
    );
    let title = |code: &str| {
        document
            .items
            .iter()
            .find(|item| item.code == code)
            .and_then(|item| item.title.clone())
    };
    assert_eq!(
        title("A1M1D2").as_deref(),
        Some(
            "Training for the school crossing patrol volunteers, their coordinators and the head teachers of the four schools"
        )
    );
    assert_eq!(document.source.pages, 2);
}

#[test]
fn two_tables_side_by_side() {
    let text = "\
Rapport d'exécution 2022

Légende : ✔ atteint ◯ en cours ✘ non réalisé

Code      Livrable                    État       Code      Livrable                    État
L1M1D1    Calendrier des événements    ✔         L2M1D1    Rapports financiers          ◯
L1M1D2    Publication de la série      ✘         L2M1D2    Appel à projets pilotes      ✔
L1M1D3    Présence aux événements      ✔         L2M1D3    Plan de formation            ✘
\u{c}";
    let document = convert("rapport.fr.txt", text);
    assert_statuses(
        &document,
        &[
            ("L1M1D1", Achieved),
            ("L1M1D2", NotDeveloped),
            ("L1M1D3", Achieved),
            ("L2M1D1", InProgress),
            ("L2M1D2", Achieved),
            ("L2M1D3", NotDeveloped),
        ],
    );
}

/// One committed layout text with its source and floor.
struct Layout {
    file: String,
    source: String,
    statuses: usize,
}

fn manifest() -> Vec<Layout> {
    let text = std::fs::read_to_string(fixture("layout-text/manifest.tsv"))
        .expect("the manifest is readable");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("file\t"))
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "manifest line {line:?}");
            Layout {
                file: fields[0].to_owned(),
                source: fields[1].to_owned(),
                statuses: fields[2].parse().expect("a floor"),
            }
        })
        .collect()
}

#[test]
fn committed_layout_texts_read_as_their_sources() {
    let layouts = manifest();
    assert!(layouts.len() >= 4);
    let mut failures = Vec::new();
    for layout in layouts {
        let config = Config::default();
        let source = planex::convert_file(&fixture(&layout.source), &config)
            .unwrap_or_else(|err| panic!("{}: {err}", layout.source));
        let path = fixture(&format!("layout-text/{}", layout.file));
        let read = planex::convert_file(&path, &config)
            .unwrap_or_else(|err| panic!("{}: {err}", layout.file));
        let expected = statuses(&source);
        let found = statuses(&read);
        let codes = expected
            .keys()
            .filter(|code| found.contains_key(*code))
            .count();
        let right = expected
            .iter()
            .filter(|(code, status)| status.is_some() && found.get(*code) == Some(status))
            .count();
        let silent: Vec<&String> = expected
            .iter()
            .filter(|(code, status)| {
                found
                    .get(*code)
                    .is_some_and(|got| got.is_some() && got != *status)
            })
            .map(|(code, _)| code)
            .collect();
        println!(
            "{}: codes {codes}/{}, statuses {right} (floor {}), silent {}",
            layout.file,
            expected.len(),
            layout.statuses,
            silent.len()
        );
        if codes < expected.len() || right < layout.statuses || !silent.is_empty() {
            failures.push(format!(
                "{}: codes {codes}/{}, statuses {right} < {}, silent {silent:?}",
                layout.file,
                expected.len(),
                layout.statuses
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Hand-written layout texts (`fixtures/layout-text/marks-*.txt`,
/// `codes-*.txt`): marks on lines of their own between codes, above, below
/// or in the middle of their rows, raised from a wrapped title's line,
/// codes cut at a hyphen or set on their row's last line, with and without
/// heading rows, a mark column at a page gutter with a folio in it, rows
/// numbered under a `#` header, in en, es and fr, read with every status of
/// their gold (`gold/NAME.tsv`: code, status).
#[test]
fn marks_on_lines_of_their_own_go_to_their_codes() {
    let dir = fixture("layout-text/gold");
    let mut golds: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("the gold folder is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    golds.sort();
    assert!(golds.len() >= 27, "{} gold files", golds.len());
    let mut failures = Vec::new();
    for gold in golds {
        let name = gold
            .file_stem()
            .and_then(|stem| stem.to_str())
            .expect("a gold file name");
        let text = std::fs::read_to_string(fixture(&format!("layout-text/{name}.txt")))
            .expect("the layout text is readable");
        let document = convert(&format!("{name}.txt"), &text);
        let found = statuses(&document);
        let expected = std::fs::read_to_string(&gold).expect("the gold is readable");
        for line in expected.lines().filter(|line| !line.is_empty()) {
            let (code, status) = line.split_once('\t').expect("code and status");
            let got = found
                .get(code)
                .map(|status| status.map_or("null", Status::as_str));
            if got != Some(status) {
                failures.push(format!("{name}: {code} {got:?}, expected {status}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Hand-written layout texts in en, es and fr whose marks each stand on a
/// line of their own halfway between two codes, one in every gap, with no
/// heading row: nothing tells whether a mark is the code's above or below,
/// so no code gets a status and each mark is named with both its codes.
#[test]
fn marks_halfway_between_two_codes_name_both() {
    for lang in ["en", "es", "fr"] {
        let name = format!("marks-between.{lang}.flat.symbols.txt");
        let text = std::fs::read_to_string(fixture(&format!("layout-text/{name}")))
            .expect("the layout text is readable");
        let document = convert(&name, &text);
        // Every code is an item, none with a status.
        let found = statuses(&document);
        let mut codes: Vec<&str> = found.keys().map(String::as_str).collect();
        codes.sort_unstable();
        assert_eq!(codes, ["B1M1D1", "B1M1D2", "B1M1D3", "B1M1D4"], "{name}");
        assert!(found.values().all(Option::is_none), "{name}: {found:?}");
        let notes: Vec<&str> = document
            .diagnostics
            .iter()
            .filter(|note| note.code == "layout.mark_undecided")
            .map(|note| note.message.as_str())
            .collect();
        assert_eq!(notes.len(), 3, "{name}: {notes:?}");
        for (note, (above, below)) in notes.iter().zip([
            ("B1M1D1", "B1M1D2"),
            ("B1M1D2", "B1M1D3"),
            ("B1M1D3", "B1M1D4"),
        ]) {
            assert!(
                note.contains(&format!("`{above}`")) && note.contains(&format!("`{below}`")),
                "{name}: {note}"
            );
        }
    }
}

/// Every text and Markdown file under `dir` (recursively).
fn texts_under(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            texts_under(&path, found);
        } else if path
            .extension()
            .is_some_and(|ext| ext == "txt" || ext == "md")
        {
            found.push(path);
        }
    }
}

#[test]
fn only_layout_texts_are_read_by_position() {
    let mut texts = Vec::new();
    for dir in ["docs", "grammars", "real-shapes", "pairs", "layout-text"] {
        texts_under(&fixture(dir), &mut texts);
    }
    assert!(texts.len() > 100, "{} texts", texts.len());
    let mut wrong = Vec::new();
    for path in texts {
        let bytes = std::fs::read(&path).expect("a fixture is readable");
        let Ok(raw) = planex::read::read_bytes(&path, &bytes, &Config::default()) else {
            continue;
        };
        let positional = raw
            .pages
            .iter()
            .any(|page| !matches!(page.content, planex::read::PageContent::Text(_)));
        let layout = path
            .components()
            .any(|part| part.as_os_str() == "layout-text")
            && path.extension().is_some_and(|ext| ext == "txt");
        if positional != layout {
            wrong.push(path.display().to_string());
        }
    }
    assert!(wrong.is_empty(), "read the wrong way: {wrong:#?}");
}
