//! Input discovery: command-line paths and lists become an ordered list of [`Input`]s.
//!
//! Directories are walked recursively (walkdir) in byte order of file names,
//! so the input order (and therefore every output) does not depend on the
//! file system. Hidden entries (names starting with `.`) are skipped, and so
//! are files that are not documents (by extension, or not matching
//! `--glob`); both are counted. What cannot be examined or is not a regular
//! file gets a [`SkipEntry`] and the walk goes on. Files named explicitly
//! are taken unless they are special files: their format is sniffed from
//! the content later.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Component, Path, PathBuf};

use globset::GlobSet;
use walkdir::WalkDir;

use crate::record::{Input, SkipEntry, SkipKind, Skipped};

/// File extensions (lower case) taken from directories when no `--glob` is given.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "txt", "text", "md", "markdown"];

/// The inputs found, in order, and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Inputs in batch order.
    pub inputs: Vec<Input>,
    /// What was left out, with a record for each entry that could not be
    /// examined or is not a regular file.
    pub skipped: Skipped,
}

/// Why the inputs could not be listed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiscoverError {
    /// An input directory lies inside the output directory (or is it): its
    /// outputs would become inputs.
    #[error(
        "{}: this input is inside the output directory {}; choose an output directory outside the inputs",
        .input.display(),
        .output.display()
    )]
    InputInsideOutput {
        /// The input directory.
        input: PathBuf,
        /// The output directory.
        output: PathBuf,
    },
}

/// Lists the inputs named by `roots` (files or directories), in order.
///
/// `glob`, when given, replaces the extension filter for files found in
/// directories (it is matched against the path relative to the directory).
/// `exclude` (the output directory) is never walked into and no file in it
/// is taken, whatever the glob, so a batch never reads its own outputs.
///
/// Nothing found while walking stops the walk: a directory that cannot be
/// listed, an entry that cannot be examined, a symbolic link to nothing and
/// a FIFO, socket or device that would have been taken each become a
/// [`SkipEntry`] (FIFOs and devices are never opened: reading one can block
/// forever). Symbolic links to files are taken; to directories, they are
/// not followed (so there are no loops).
///
/// # Errors
/// [`DiscoverError::InputInsideOutput`] when an input directory is the
/// output directory or lies inside it.
pub fn discover(
    roots: &[PathBuf],
    glob: Option<&GlobSet>,
    exclude: Option<&Path>,
) -> Result<Discovery, DiscoverError> {
    let exclude_canonical = exclude.and_then(|path| fs::canonicalize(path).ok());
    let inside_output = |path: &Path| {
        exclude_canonical.as_ref().is_some_and(|out| {
            fs::canonicalize(path).is_ok_and(|canonical| canonical.starts_with(out))
        })
    };
    let mut skipped = Skipped::default();
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    for root in roots {
        if root.is_dir() {
            if inside_output(root) {
                return Err(DiscoverError::InputInsideOutput {
                    input: root.clone(),
                    output: exclude.map(Path::to_owned).unwrap_or_default(),
                });
            }
            walk(root, glob, &inside_output, &mut skipped, &mut found);
        } else if inside_output(root) {
            skipped.other += 1;
        } else {
            match fs::symlink_metadata(root) {
                Ok(metadata) if is_special(&metadata.file_type()) => {
                    skipped.add(SkipEntry::new(
                        root,
                        SkipKind::SpecialFile,
                        "not a regular file (FIFO, socket or device), not opened",
                    ));
                }
                // Missing or unreadable files named explicitly get an error
                // record when converted, like any input.
                _ => found.push((root.clone(), sanitized(root))),
            }
        }
    }
    let mut taken = HashSet::new();
    let inputs = found
        .into_iter()
        .map(|(path, relative)| Input {
            output: unique_output(&relative, &mut taken),
            path,
        })
        .collect();
    Ok(Discovery { inputs, skipped })
}

fn walk(
    root: &Path,
    glob: Option<&GlobSet>,
    inside_output: &dyn Fn(&Path) -> bool,
    skipped: &mut Skipped,
    found: &mut Vec<(PathBuf, PathBuf)>,
) {
    let mut hidden = 0;
    let entries = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 {
                return true;
            }
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                hidden += 1;
                return false;
            }
            !(entry.file_type().is_dir() && inside_output(entry.path()))
        });
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_owned();
                let message = err
                    .io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string);
                skipped.add(SkipEntry::new(
                    &path,
                    SkipKind::Unreadable,
                    format!("cannot read: {message}"),
                ));
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(root).unwrap_or(path).to_owned();
        let wanted = match glob {
            Some(glob) => glob.is_match(&relative),
            None => is_document_name(path),
        };
        if !wanted {
            skipped.other += 1;
            continue;
        }
        if file_type.is_symlink() {
            match fs::metadata(path) {
                Ok(target) if target.is_file() => {}
                Ok(target) if target.is_dir() => {
                    // Not followed: no loops, and no tree counted twice.
                    skipped.other += 1;
                    continue;
                }
                Ok(_) => {
                    skipped.add(SkipEntry::new(
                        path,
                        SkipKind::SpecialFile,
                        "a link to something that is not a regular file, not opened",
                    ));
                    continue;
                }
                Err(err) => {
                    skipped.add(SkipEntry::new(
                        path,
                        SkipKind::BrokenLink,
                        format!("broken symbolic link: {err}"),
                    ));
                    continue;
                }
            }
        } else if is_special(&file_type) {
            skipped.add(SkipEntry::new(
                path,
                SkipKind::SpecialFile,
                "not a regular file (FIFO, socket or device), not opened",
            ));
            continue;
        }
        // The walk never enters the output directory; only a link can lead into it.
        if file_type.is_symlink() && inside_output(path) {
            skipped.other += 1;
            continue;
        }
        found.push((path.to_owned(), relative));
    }
    skipped.hidden += hidden;
}

/// FIFOs, sockets, block and character devices.
fn is_special(file_type: &fs::FileType) -> bool {
    !(file_type.is_file() || file_type.is_dir() || file_type.is_symlink())
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
        assert_eq!(found.skipped.hidden, 2);
        assert_eq!(found.skipped.other, 1);
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
        assert_eq!(found.skipped.other, 2);
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
    fn an_output_directory_holding_the_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        touch(&dir.path().join("in/a.txt"));
        let root = dir.path().join("in");
        for out in [dir.path().to_owned(), root.clone()] {
            let err = discover(std::slice::from_ref(&root), None, Some(&out)).unwrap_err();
            assert!(
                matches!(err, DiscoverError::InputInsideOutput { .. }),
                "{err}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn broken_links_and_special_files_get_records_and_the_walk_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        touch(&dir.path().join("a.md"));
        touch(&dir.path().join("z.md"));
        std::os::unix::fs::symlink(dir.path().join("nowhere.pdf"), dir.path().join("gone.pdf"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("a.md"), dir.path().join("link.md")).unwrap();
        std::os::unix::net::UnixListener::bind(dir.path().join("socket.md")).unwrap();
        // Neither a document name nor a record: just `other`.
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("gone")).unwrap();
        let found = discover(&[dir.path().to_owned()], None, None).unwrap();
        let names: Vec<_> = found.inputs.iter().map(|i| i.output.clone()).collect();
        assert_eq!(
            names,
            ["a.md.json", "link.md.json", "z.md.json"].map(PathBuf::from)
        );
        let kinds: Vec<_> = found.skipped.entries.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [SkipKind::BrokenLink, SkipKind::SpecialFile]);
        assert_eq!(found.skipped.recorded(), 2);
        assert_eq!(found.skipped.other, 1);
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
