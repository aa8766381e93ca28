//! Integration tests, one module per concern (the list is the table of contents).

mod pdf; // PDF renderings of the seeds: rows from positions, pages, running texts, fallback
mod robustness;
mod util; // fixtures/bad/ and the shared corpus: error records, never a panic
