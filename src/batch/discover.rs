//! Input discovery: command-line paths and lists become an ordered list of [`Input`]s.
//!
//! Directories are walked recursively in byte order of file names, so the
//! input order (and therefore every output) does not depend on the file
//! system. Hidden entries (names starting with `.`) are skipped, and so are
//! files that are not documents (by extension, or not matching `--glob`);
//! both are counted. Files named explicitly are always taken: their format is
//! sniffed from the content later.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Component, Path, PathBuf};

use globset::GlobSet;

use crate::record::Input;

/// File extensions (lower case) taken from directories when no `--glob` is given.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "txt", "text", "md", "markdown"];

/// The inputs found, in order, and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Inputs in batch order.
    pub inputs: Vec<Input>,
    /// Hidden files and directories skipped while walking.
    pub skipped_hidden: u64,
    /// Files skipped while walking because they are not documents (or do not match `--glob`).
    pub skipped_other: u64,
}

/// Why the inputs could not be listed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiscoverError {
    /// A directory could not be listed.
    #[error("{}: cannot list directory", .path.display())]
    Io {
        /// The directory.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

/// Lists the inputs named by `roots` (files or directories), in order.
///
/// `glob`, when given, replaces the extension filter for files found in
/// directories (it is matched against the path relative to the directory).
/// `exclude` (the output directory) is never walked into, so re-running a
/// batch whose output lies inside its input does not read its own outputs.
///
/// # Errors
/// [`DiscoverError::Io`] when a directory cannot be listed.
pub fn discover(
    roots: &[PathBuf],
    glob: Option<&GlobSet>,
    exclude: Option<&Path>,
) -> Result<Discovery, DiscoverError> {
    let exclude = exclude.and_then(|path| fs::canonicalize(path).ok());
    let mut discovery = Discovery::default();
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    for root in roots {
        if root.is_dir() {
            walk(
                root,
                root,
                glob,
                exclude.as_deref(),
                &mut discovery,
                &mut found,
            )?;
        } else {
            found.push((root.clone(), sanitized(root)));
        }
    }
    let mut taken = HashSet::new();
    discovery.inputs = found
        .into_iter()
        .map(|(path, relative)| Input {
            output: unique_output(&relative, &mut taken),
            path,
        })
        .collect();
    Ok(discovery)
}

fn walk(
    root: &Path,
    dir: &Path,
    glob: Option<&GlobSet>,
    exclude: Option<&Path>,
    discovery: &mut Discovery,
    found: &mut Vec<(PathBuf, PathBuf)>,
) -> Result<(), DiscoverError> {
    let io_error = |source| DiscoverError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut entries = fs::read_dir(dir)
        .map_err(io_error)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(io_error)?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(OsStr::to_str)
            .is_some_and(|name| name.starts_with('.'));
        if hidden {
            discovery.skipped_hidden += 1;
            continue;
        }
        let Ok(metadata) = fs::symlink_metadata(&path) else {
            continue;
        };
        if metadata.is_dir() {
            let excluded = exclude.is_some_and(|exclude| {
                fs::canonicalize(&path).is_ok_and(|canonical| canonical == exclude)
            });
            if !excluded {
                walk(root, &path, glob, exclude, discovery, found)?;
            }
            continue;
        }
        // Symlinks to directories are not followed (no cycles); to files they are taken.
        if metadata.file_type().is_symlink() && !path.is_file() {
            discovery.skipped_other += 1;
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path).to_owned();
        let wanted = match glob {
            Some(glob) => glob.is_match(&relative),
            None => is_document_name(&path),
        };
        if wanted {
            found.push((path, relative));
        } else {
            discovery.skipped_other += 1;
        }
    }
    Ok(())
}

/// True when the file name has one of the [`DOCUMENT_EXTENSIONS`] (any case).
pub fn is_document_name(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|ext| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    })
}

/// The path with its root, `.` and `..` components removed, so it can be
/// mirrored under the output directory without escaping it.
fn sanitized(path: &Path) -> PathBuf {
    let cleaned: PathBuf = path
        .components()
        .filter_map(|component| match component {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    if cleaned.as_os_str().is_empty() {
        PathBuf::from("input")
    } else {
        cleaned
    }
}

/// `relative` + `.json`, or `.2.json`, `.3.json`… when an earlier input took that name.
fn unique_output(relative: &Path, taken: &mut HashSet<PathBuf>) -> PathBuf {
    let mut candidate = with_suffix(relative, ".json");
    let mut number = 2;
    while !taken.insert(candidate.clone()) {
        candidate = with_suffix(relative, &format!(".{number}.json"));
        number += 1;
    }
    candidate
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, b"x").unwrap();
    }

    #[test]
    fn walks_in_name_order_and_counts_what_it_skips() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b/2.pdf",
            "b/1.md",
            "a.txt",
            ".hidden.pdf",
            ".git/x.pdf",
            "c.png",
            "B.PDF",
        ] {
            touch(&dir.path().join(name));
        }
        let found = discover(&[dir.path().to_owned()], None, None).unwrap();
        let outputs: Vec<_> = found.inputs.iter().map(|i| i.output.clone()).collect();
        assert_eq!(
            outputs,
            ["B.PDF.json", "a.txt.json", "b/1.md.json", "b/2.pdf.json"].map(PathBuf::from)
        );
        assert_eq!(found.skipped_hidden, 2);
        assert_eq!(found.skipped_other, 1);
    }

    #[test]
    fn glob_replaces_the_extension_filter() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["x/a.pdf", "x/b.txt", "y/c.pdf"] {
            touch(&dir.path().join(name));
        }
        let glob = globset::GlobSetBuilder::new()
            .add(globset::Glob::new("x/*.pdf").unwrap())
            .build()
            .unwrap();
        let found = discover(&[dir.path().to_owned()], Some(&glob), None).unwrap();
        assert_eq!(found.inputs.len(), 1);
        assert_eq!(found.skipped_other, 2);
    }

    #[test]
    fn output_directory_inside_the_input_is_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        touch(&dir.path().join("a.txt"));
        touch(&dir.path().join("out/a.txt"));
        let out = dir.path().join("out");
        let found = discover(&[dir.path().to_owned()], None, Some(&out)).unwrap();
        assert_eq!(found.inputs.len(), 1);
    }

    #[test]
    fn explicit_files_are_mirrored_without_escaping_and_never_collide() {
        let roots = [
            "/data/x/a.pdf",
            "../up/a.pdf",
            "data/x/a.pdf",
            "./data/x/a.pdf",
        ]
        .map(PathBuf::from);
        let found = discover(&roots, None, None).unwrap();
        let outputs: Vec<_> = found.inputs.iter().map(|i| i.output.clone()).collect();
        assert_eq!(
            outputs,
            [
                "data/x/a.pdf.json",
                "up/a.pdf.json",
                "data/x/a.pdf.2.json",
                "data/x/a.pdf.3.json"
            ]
            .map(PathBuf::from)
        );
    }
}
