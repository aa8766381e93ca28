//! Integration tests, one module per concern (the list is the table of contents).

// planex batch: outputs, order, jobs, resume, isolation, schemas
mod batch;
mod cli;
// planex batch over ../shared/corpus: one record per input, no crash escapes
mod corpus;
mod detect;
// Real-world development set (gitignored texts, committed gold) and real-shapes fixtures, GROBID-style scores
mod devset;
// One lexicon file per language: a German fixture read with the German tables
mod lexicon;
mod pair;
mod pdf; // PDF renderings of the seeds: rows from positions, pages, running texts, fallback
mod robustness; // fixtures/bad/ and the shared corpus: error records, never a panic
mod schema;
mod structure;
mod util;
// Plan deliverables, measures, action lines and totals against hand-written gold files.
mod deliverables;
// Whole-document JSON snapshots (insta).
mod snapshots;
