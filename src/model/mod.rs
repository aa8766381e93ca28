//! The output data model: what planex promises to write, one type per JSON object.
//!
//! These types *are* the published contract: `schemas/document.schema.json` is
//! generated from them (see [`document_schema`]) and a test fails when the
//! committed file and the types drift apart. Every collection is a `Vec` in
//! document order (never a `HashMap`), enums serialize as `snake_case`
//! strings, and every key is always present (empty arrays and `null`s rather
//! than missing keys), so downstream tools can rely on the shape.
//!
//! Sub-modules group the items by the extractor that fills them.

mod deliverable;
mod figures;
mod item;
mod people;
mod structure;

pub use deliverable::{
    ActionLine, CodeError, Deliverable, DeliverableCode, Legend, LegendEntry, LegendSource,
    Measure, Status, Totals, TotalsCounts,
};
pub use figures::{FigureRole, KeyFigure, Qualifier};
pub use item::{GrammarLevel, GrammarSource, GrammarSummary, Item};
pub use people::{Member, MemberList, Person};
pub use structure::{CalendarEvent, EventDate, ListItem, Section};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

/// Version of the output format. Bumped on any change a consumer could notice:
/// major for removals or renames, minor for additions.
pub const SCHEMA_VERSION: &str = "1.1.0";

/// Everything planex extracted from one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "planex document",
    description = "Structured data extracted by planex from one report, work plan or similar document. Schema 1.1 adds `items` and `grammar`: every coded plan item in any code grammar (1.0 consumers are unaffected; `action_lines`, `measures` and `deliverables` keep the L/M/D items in the 1.0 shape and will be dropped at 2.0 in favour of `items`)."
)]
pub struct Document {
    /// Version of this output format ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    /// Version of planex that produced the document.
    pub planex_version: String,
    /// What was read.
    pub source: Source,
    /// Dominant language (`es`, `en`, `fr`) or `und` when undetermined.
    pub language: String,
    /// Every language present, with its share of the text, largest first.
    pub languages: Vec<LanguageShare>,
    /// What kind of document this is, with the evidence.
    pub kind: KindDetection,
    /// Year or period the document covers, with the evidence.
    pub period: Option<Period>,
    /// The document's title, as printed.
    pub title: Option<String>,
    /// Every coded item of a plan, in any code grammar and at any depth, in
    /// document order (since 1.1). For L/M/D plans these are the action
    /// lines, measures and deliverables below, in one shape.
    pub items: Vec<Item>,
    /// The code grammar of `items`: built in, detected or from a grammar file (since 1.1).
    pub grammar: Option<GrammarSummary>,
    /// Action lines of a plan (`L1`, `L2`…), in document order. L/M/D plans
    /// only; `items` (depth 1) carries them for every grammar.
    pub action_lines: Vec<ActionLine>,
    /// Measures (`L1M1`…), in code order. L/M/D plans only; `items` (depth 2)
    /// carries them for every grammar.
    pub measures: Vec<Measure>,
    /// Deliverables (`L1M1D1`…), in document order. L/M/D plans only;
    /// `items` (tracked, depth 3) carries them for every grammar.
    pub deliverables: Vec<Deliverable>,
    /// The document's own legend of status marks, or the conventional table used instead.
    pub legend: Option<Legend>,
    /// Totals the document declares, what planex counted, and whether they
    /// agree. Counts deliverables for L/M/D plans, else the deepest tracked
    /// level of `items`.
    pub totals: Option<Totals>,
    /// The heading tree, flattened in document order (`level` gives the depth).
    pub sections: Vec<Section>,
    /// Dated events (calendar tables and dated lines), in document order.
    pub calendar: Vec<CalendarEvent>,
    /// Key figures such as `+2.4K participants`, in document order.
    pub key_figures: Vec<KeyFigure>,
    /// Member organisations or cities listed by the document.
    pub members: Vec<Member>,
    /// The member lists those members come from, with declared counts and totals.
    pub member_lists: Vec<MemberList>,
    /// People listed by the document (board, secretariat…).
    pub people: Vec<Person>,
    /// Every doubt planex had, with where it happened.
    pub diagnostics: Vec<Diagnostic>,
}

/// What was read, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// Path as given on the command line (`-` for standard input).
    pub path: String,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// Format detected from the content (not the file name).
    pub format: SourceFormat,
    /// Text encoding, for text and Markdown inputs.
    pub encoding: Option<TextEncoding>,
    /// Which text extractor produced the text.
    pub backend: Backend,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Number of pages (1 for text without form feeds).
    pub pages: u32,
}

/// Input format, sniffed from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// A PDF file (`%PDF-` within the first 1024 bytes).
    Pdf,
    /// Plain text.
    Text,
    /// Markdown (headings, pipe tables, lists or inline HTML).
    Markdown,
}

/// Character encoding of a text input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    /// UTF-8 (with or without BOM).
    Utf8,
    /// UTF-16, little endian, with BOM.
    Utf16le,
    /// UTF-16, big endian, with BOM.
    Utf16be,
    /// Not valid UTF-8: decoded as Windows-1252 (a superset of Latin-1), lossily.
    Windows1252,
}

/// The program or library that turned the input into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// The input was already text.
    Plain,
    /// The pdf-extract crate.
    PdfExtract,
    /// poppler's `pdftotext`, as a fallback.
    Pdftotext,
}

/// One language found in the document and its share of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LanguageShare {
    /// ISO 639-1 code: `es`, `en` or `fr`.
    pub language: String,
    /// Share of the classified text (by characters), from 0 to 1.
    pub share: f64,
    /// Number of text blocks classified as this language.
    pub blocks: u32,
}

/// The kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A yearly report of what was done.
    AnnualReport,
    /// A report over a three-year plan.
    TriennialReport,
    /// A yearly work plan.
    WorkPlan,
    /// A multi-year action or strategic plan.
    ActionPlan,
    /// A report of activities that is not tied to a year.
    ActivityReport,
    /// None of the above, or undetermined.
    Other,
}

/// The detected kind and why planex thinks so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KindDetection {
    /// The kind.
    pub value: DocumentKind,
    /// From 0 (a guess) to 1 (stated plainly in the title).
    pub confidence: f64,
    /// The phrases that decided it.
    pub evidence: Vec<Evidence>,
}

/// A phrase of the document that supports a detection, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The matched text, as printed.
    pub text: String,
    /// 1-based page.
    pub page: u32,
    /// 1-based line within the page.
    pub line: u32,
}

/// The year or span of years a document covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// First year.
    pub start: u16,
    /// Last year (equal to `start` for a single year).
    pub end: u16,
    /// `2019` or `2018-2020`.
    pub label: String,
    /// From 0 to 1.
    pub confidence: f64,
    /// The phrases that decided it.
    pub evidence: Vec<Evidence>,
}

/// The JSON Schema (2020-12) of [`Document`], as published in `schemas/document.schema.json`.
///
/// ```
/// let schema = planex::model::document_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["required"].as_array().unwrap().iter().any(|key| key == "deliverables"));
/// ```
pub fn document_schema() -> serde_json::Value {
    published_schema::<Document>("document")
}

/// The published JSON Schema of an output type: generated by schemars, with
/// every property required (planex never omits a key; absent values are
/// `null`) and a versioned `$id` of the form `urn:planex:schema:NAME:VERSION`.
pub fn published_schema<T: JsonSchema>(name: &str) -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default();
    require_every_property(&mut schema);
    if let Some(object) = schema.as_object_mut() {
        object.insert(
            "$id".to_owned(),
            serde_json::Value::String(format!("urn:planex:schema:{name}:{SCHEMA_VERSION}")),
        );
    }
    schema
}

fn require_every_property(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(object) => {
            if let Some(serde_json::Value::Object(properties)) = object.get("properties") {
                let keys = properties
                    .keys()
                    .cloned()
                    .map(serde_json::Value::String)
                    .collect();
                object.insert("required".to_owned(), serde_json::Value::Array(keys));
            }
            object.values_mut().for_each(require_every_property);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(require_every_property),
        _ => {}
    }
}
