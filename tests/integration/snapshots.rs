//! Whole-document snapshots: any change to the JSON of a reference document
//! shows up as a reviewable diff (`cargo insta review`). Gold files assert
//! correctness; snapshots catch drift. Nothing is redacted: the output has no
//! timestamps and the same input always gives the same bytes.

use crate::util::fixture;

#[test]
fn seed_000_triennial_report_json() {
    let name = "fixtures/docs/triennial-report-2018-2020.es.txt";
    let bytes = std::fs::read(fixture("docs/triennial-report-2018-2020.es.txt"))
        .expect("seed 000 is readable");
    // Converted from bytes under its repository-relative name, so the
    // snapshot does not depend on where the repository is checked out.
    let document =
        planex::convert_bytes(name, &bytes, &planex::Config::default()).expect("seed 000 converts");
    insta::assert_json_snapshot!("triennial-report-2018-2020.es.txt", document);
}
