//! Shared helpers: fixture paths, and skipping with a reason when `../shared` is absent.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    root().join("fixtures").join(relative)
}

/// `../shared` beside the repository, or `None` (with the reason printed) when absent.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let shared = root().join("..").join("shared");
    if shared.is_dir() {
        Some(shared)
    } else {
        println!(
            "skipping {test}: ../shared is absent (it holds the real-world corpus; see README.md)"
        );
        None
    }
}

/// Every file under `fixtures/docs` and `fixtures/pdf`, sorted.
pub fn fixture_documents() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in ["docs", "pdf"] {
        let Ok(entries) = std::fs::read_dir(fixture(dir)) else {
            continue;
        };
        paths.extend(
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_file()),
        );
    }
    paths.sort();
    paths
}

/// Panics with every validation error when `value` does not follow `schemas/document.schema.json`.
pub fn assert_valid_document(value: &serde_json::Value) {
    assert_valid(value, &planex::model::document_schema());
}

/// Panics with every validation error when `value` does not follow `schema`.
pub fn assert_valid(value: &serde_json::Value, schema: &serde_json::Value) {
    let validator = jsonschema::draft202012::new(schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "output does not follow the schema:\n{}",
        errors.join("\n")
    );
}

/// A PDF built from `objects` (numbered from 1, object 1 the catalog), with a
/// correct cross-reference table.
pub fn pdf_from_objects(objects: &[String]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", index + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A stream object holding `content`, with the extra `dictionary` entries.
pub fn stream(content: &str, dictionary: &str) -> String {
    format!(
        "<< {dictionary} /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}
