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
