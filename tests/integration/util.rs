//! Shared helpers: fixture paths, and skipping with a reason when `../shared` is absent.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    root().join("fixtures").join(relative)
}

/// `../shared` beside the repository, or `None` (with the reason printed) when absent.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let shared = root().join("..").join("shared");
    if shared.is_dir() {
        Some(shared)
    } else {
        println!(
            "skipping {test}: ../shared is absent (it holds the real-world corpus; see README.md)"
        );
        None
    }
}
