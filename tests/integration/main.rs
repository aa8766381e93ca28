//! Integration tests, one module per concern (the list is the table of contents).

mod batch; // planex batch: outputs, order, jobs, resume, isolation, schemas
mod corpus;
mod util; // planex batch over ../shared/corpus: one record per input, no crash escapes
