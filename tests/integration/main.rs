//! Integration tests, one module per concern (the list is the table of contents).

mod pair;
mod structure;
mod util;
