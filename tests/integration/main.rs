//! Integration tests, one module per concern (the list is the table of contents).

// planex batch: outputs, order, jobs, resume, isolation, schemas
mod batch;
mod cli;
// planex batch over ../shared/corpus: one record per input, no crash escapes
mod corpus;
mod detect;
mod schema;
mod util;
