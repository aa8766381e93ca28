//! Integration tests, one module per concern (the list is the table of contents).

mod cli;
mod detect;
mod pair;
mod schema;
mod structure;
mod util;
