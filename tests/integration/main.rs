//! Integration tests, one module per concern (the list is the table of contents).

// planex batch: outputs, order, jobs, resume, isolation, schemas
mod batch;
mod cli;
// planex batch over ../shared/corpus: one record per input, no crash escapes
mod corpus;
mod detect;
mod pair;
// The rendering matrix of fixtures/matrix/: planex on other producers and layouts, scored
mod matrix;
mod pdf; // PDF renderings of the seeds: rows from positions, pages, running texts, fallback
mod robustness; // fixtures/bad/ and the shared corpus: error records, never a panic
mod schema;
mod structure;
mod util;
// Plan deliverables, measures, action lines and totals against hand-written gold files.
mod deliverables;
// Whole-document JSON snapshots (insta).
mod snapshots;
// Plans in five code grammars (es/en/fr; text, Markdown, PDF) against gold items and totals.
mod grammars;
