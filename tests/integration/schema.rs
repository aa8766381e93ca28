//! The published contract: `schemas/document.schema.json` matches the types, and outputs validate.

use std::fs;

use crate::util;

/// Regenerate with `cargo run -- schema > schemas/document.schema.json`.
#[test]
fn committed_schema_matches_the_types() {
    let path = util::root().join("schemas/document.schema.json");
    let committed: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(&path).expect("schemas/document.schema.json exists"),
    )
    .expect("the committed schema is JSON");
    let generated = planex::model::document_schema();
    assert!(
        committed == generated,
        "schemas/document.schema.json is out of date with src/model; regenerate it with\n  cargo run -- schema > schemas/document.schema.json"
    );
}

#[test]
fn schema_is_valid_json_schema_2020_12() {
    let schema = planex::model::document_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::meta::validate(&schema).expect("the schema is a valid 2020-12 schema");
}

#[test]
fn every_fixture_document_validates() {
    let mut checked = 0;
    for path in util::fixture_documents() {
        let document = planex::convert_file(&path, &planex::Config::default())
            .unwrap_or_else(|err| panic!("{} converts: {err}", path.display()));
        util::assert_valid_document(&serde_json::to_value(&document).expect("documents serialize"));
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} fixture documents found");
}
