//! Integration tests, one module per concern (the list is the table of contents).

// planex batch: outputs, order, jobs, resume, isolation, schemas
mod batch;
mod cli;
// planex batch over ../shared/corpus: one record per input, no crash escapes
mod corpus;
mod detect;
// Real-world development set (gitignored texts, committed gold) and real-shapes fixtures, GROBID-style scores
mod devset;
// Issue 14: locked output, any file name, any tree, every signal
mod hostile;
// The library as other tools use it (batch lines from bytes).
mod library;
// One lexicon file per language: a German fixture read with the German tables
mod lexicon;
// Text laid out by position (pdftotext -layout, paginated fixed-width reports) read as pages of glyphs
mod layout_text;
// Mark columns in several blocks beside codes no anchor pattern knows (fixtures/mark-blocks/)
mod mark_blocks;
mod pair;
// The read stage's page geometry on hand-built PDFs: rotation, rulings, fake bold, fonts
mod geometry;
// Text from embedded TrueType programs when ToUnicode is missing or a placeholder
mod fonts;
// The rendering matrix of fixtures/matrix/: planex on other producers and layouts, scored
mod matrix;
mod pdf; // PDF renderings of the seeds: rows from positions, pages, running texts, fallback
mod python; // the Python package: wheel, pytest, Ray recipe (skips without python3/maturin)
            // A PDF writer for tests: runs and rules, in any encoding, order and rotation
            // A PDF writer for tests: runs and rules, in any encoding, order and rotation
mod page_model;
mod pdfgen;
// Random tables drawn into PDFs: the read stage and the whole pipeline recover them
mod random_tables;
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
