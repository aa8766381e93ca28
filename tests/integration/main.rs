//! Integration tests, one module per concern (the list is the table of contents).

mod cli;
mod detect;
mod pdf; // PDF renderings of the seeds: rows from positions, pages, running texts, fallback
mod robustness; // fixtures/bad/ and the shared corpus: error records, never a panic
mod schema;
mod util;
