//! Mark columns in several blocks (issue 9): dashboards whose status column
//! of marks (`✔ ➜ ✘`) stands beside codes no row-anchor pattern knows
//! (`II-a-3`, `C-I-2`), one line a row at one pitch, heading rows without
//! a mark between the actions. Each run of marks is one block of lines in
//! its column; each line of it is its own row's mark. The PDFs of
//! `fixtures/mark-blocks/` (two producers, the mark column first or last,
//! marks at the top, middle or bottom of rows twice a line's height) are
//! read against their Markdown sources.

use std::collections::HashMap;

use planex::model::Status;
use planex::{Config, Document};

use crate::util::fixture;

/// Every item's status by code (the first occurrence of a code).
fn statuses(document: &Document) -> HashMap<String, Option<Status>> {
    let mut found = HashMap::new();
    for item in &document.items {
        found.entry(item.code.clone()).or_insert(item.status);
    }
    found
}

fn convert(path: &std::path::Path) -> Document {
    planex::convert_file(path, &Config::default())
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Codes found, statuses right and statuses silently wrong over every PDF,
/// and how many PDFs there are.
#[test]
fn every_mark_of_a_block_reads_as_its_rows_mark() {
    let dir = fixture("mark-blocks");
    let mut pdfs: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/mark-blocks is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .collect();
    pdfs.sort();
    assert_eq!(pdfs.len(), 36, "{pdfs:?}");
    let (mut codes, mut wanted, mut right, mut silent) = (0, 0, 0, Vec::new());
    for pdf in &pdfs {
        let name = pdf
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        let lang = name.split('.').nth(1).unwrap_or_default();
        let source = convert(&dir.join(format!("plan.{lang}.md")));
        let expected = statuses(&source);
        assert_eq!(expected.len(), 16, "plan.{lang}.md: {expected:?}");
        let found = statuses(&convert(pdf));
        for (code, status) in &expected {
            wanted += 1;
            if let Some(got) = found.get(code) {
                codes += 1;
                if status.is_some() && got == status {
                    right += 1;
                } else if got.is_some() && got != status {
                    silent.push(format!("{name}: {code}"));
                }
            }
        }
    }
    println!(
        "mark-blocks: codes {codes}/{wanted}, statuses {right}/360, silent {}",
        silent.len()
    );
    assert!(silent.is_empty(), "silently wrong: {silent:#?}");
    // Floors: what planex reads of them now; they only rise.
    assert!(codes >= 576, "codes {codes}/{wanted}");
    assert!(right >= 360, "statuses {right}/360");
}
