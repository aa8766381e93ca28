//! Stage 1 of 6: bytes in, pages of text or positioned glyphs out.
//!
//! This is the only stage that touches files. It sniffs the format from the
//! content (never the file name), decodes text, runs the PDF extractor behind a
//! panic guard, and records everything it had to guess as diagnostics. It does
//! not interpret the text: turning glyphs into lines belongs to
//! [`normalize`](crate::normalize).

mod fallback;
mod glyphs;
mod grid;
mod pdf;
mod text;

use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::config::{Config, Fallback, Limits};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::ReadError;
use crate::layout::PageLayout;
use crate::model::{Backend, SourceFormat, TextEncoding};

pub use glyphs::{Direction, Font, Glyph, GlyphPage, Rule, RuleKind};

/// One input as read: its identity, its format and its pages.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// The input's path as given (`-` for standard input).
    pub path: PathBuf,
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
    /// Number of bytes read.
    pub bytes: u64,
    /// Format sniffed from the content.
    pub format: SourceFormat,
    /// Text encoding, for text inputs.
    pub encoding: Option<TextEncoding>,
    /// Which extractor produced the pages.
    pub backend: Backend,
    /// Pages in order; a PDF page that failed is missing (and diagnosed).
    pub pages: Vec<RawPage>,
    /// Total number of pages in the source, including failed ones.
    pub page_count: u32,
    /// Doubts raised while reading.
    pub diagnostics: Vec<Diagnostic>,
}

impl RawDocument {
    /// The glyph pages of a PDF, in page order (none for text inputs).
    pub fn glyph_pages(&self) -> Vec<&GlyphPage> {
        self.pages
            .iter()
            .filter_map(|page| match &page.content {
                PageContent::Glyphs(glyphs) => Some(glyphs),
                PageContent::Text(_) | PageContent::Laid(_) => None,
            })
            .collect()
    }
}

/// One page of an input.
#[derive(Debug, Clone, PartialEq)]
pub struct RawPage {
    /// 1-based page number in the source.
    pub number: u32,
    /// What the page holds.
    pub content: PageContent,
}

/// The content of a page: text as written, or glyphs with positions.
#[derive(Debug, Clone, PartialEq)]
pub enum PageContent {
    /// Already-linear text (text and Markdown inputs).
    Text(String),
    /// Glyphs with their positions, from a PDF.
    Glyphs(GlyphPage),
    /// A PDF page laid out as it was read, its glyphs not kept (see
    /// [`layout::settle`](crate::layout::settle)): the same layout
    /// [`layout::lay_out`](crate::layout::lay_out) gives on every glyph page
    /// of the document at once.
    Laid(PageLayout),
}

/// Reads the file at `path`.
///
/// # Errors
/// [`ReadError::Io`] when it cannot be opened, [`ReadError::TooLarge`] over
/// [`Limits::max_bytes`], and every error of [`read_bytes`].
pub fn read_file(path: &Path, config: &Config) -> Result<RawDocument, ReadError> {
    let limits = &config.limits;
    let io_error = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let metadata = fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::InvalidInput, "is a directory");
        return Err(io_error(source));
    }
    within_limit(path, metadata.len(), limits)?;
    let file = fs::File::open(path).map_err(io_error)?;
    // Sized from the metadata: grown by doubling, a file's buffer would be up
    // to twice its size for as long as it is read.
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let bytes = read_limited_into(Vec::with_capacity(capacity), file, path, limits)?;
    read_input(path, Cow::Owned(bytes), config)
}

/// Reads everything from `reader` (standard input, a pipe), refusing more than
/// [`Limits::max_bytes`] without buffering the excess.
///
/// # Errors
/// [`ReadError::Io`] and [`ReadError::TooLarge`].
pub fn read_limited(reader: impl Read, path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    read_limited_into(Vec::new(), reader, path, limits)
}

/// As [`read_limited`], into `bytes` (empty, with the capacity expected).
fn read_limited_into(
    mut bytes: Vec<u8>,
    reader: impl Read,
    path: &Path,
    limits: &Limits,
) -> Result<Vec<u8>, ReadError> {
    reader
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: path.to_owned(),
            source,
        })?;
    within_limit(path, bytes.len() as u64, limits)?;
    Ok(bytes)
}

/// [`ReadError::TooLarge`] when `size` is over [`Limits::max_bytes`].
fn within_limit(path: &Path, size: u64, limits: &Limits) -> Result<(), ReadError> {
    if size > limits.max_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            bytes: size,
            limit: limits.max_bytes,
        });
    }
    Ok(())
}

/// Reads an input already in memory; `path` only names it in errors and output.
///
/// A PDF is read by pdf-extract; when that fails, or leaves pages without
/// text, the [`Config::fallback`] backend (if any) is tried on the file.
///
/// # Errors
/// [`ReadError::Empty`] for no bytes or no text, [`ReadError::TooLarge`],
/// [`ReadError::UnsupportedFormat`] for binary data that is not a PDF, and the
/// PDF errors ([`ReadError::Encrypted`], [`ReadError::Pdf`],
/// [`ReadError::ExtractorPanicked`], [`ReadError::NoPages`]) when no backend
/// could read it.
pub fn read_bytes(path: &Path, bytes: &[u8], config: &Config) -> Result<RawDocument, ReadError> {
    read_input(path, Cow::Borrowed(bytes), config)
}

/// [`read_bytes`], the bytes owned when the caller has no further use for
/// them: a PDF's are then dropped once parsed, before its pages are read.
fn read_input(
    path: &Path,
    bytes: Cow<'_, [u8]>,
    config: &Config,
) -> Result<RawDocument, ReadError> {
    let limits = &config.limits;
    let size = bytes.len() as u64;
    within_limit(path, size, limits)?;
    if bytes.is_empty() {
        return Err(ReadError::Empty {
            path: path.to_owned(),
        });
    }
    let sha256 = hex_sha256(&bytes);
    if is_pdf(&bytes) {
        let read = read_pdf(path, bytes, config)?;
        return Ok(RawDocument {
            path: path.to_owned(),
            sha256,
            bytes: size,
            format: SourceFormat::Pdf,
            encoding: None,
            backend: read.backend,
            pages: read.pages,
            page_count: read.page_count,
            diagnostics: read.diagnostics,
        });
    }
    let decoded = text::decode(&bytes).map_err(|reason| ReadError::UnsupportedFormat {
        path: path.to_owned(),
        reason,
    })?;
    // The decoded text is all that is read from here on.
    drop(bytes);
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_owned(),
        });
    }
    let format = if text::looks_like_markdown(&decoded.text) {
        SourceFormat::Markdown
    } else {
        SourceFormat::Text
    };
    // A page layout printed as text is read by position, as a PDF is.
    let positional = format == SourceFormat::Text && grid::is_positional(&decoded.text);
    let pages: Vec<RawPage> = if positional && config.glyph_pages {
        numbered(grid::pages(&decoded.text))
    } else if positional {
        grid::laid_pages(&decoded.text)
            .into_iter()
            .zip(1..)
            .map(|(layout, number)| RawPage {
                number,
                content: PageContent::Laid(layout),
            })
            .collect()
    } else {
        decoded
            .text
            .split('\u{c}')
            .zip(1..)
            .map(|(page, number)| RawPage {
                number,
                content: PageContent::Text(page.to_owned()),
            })
            .collect()
    };
    Ok(RawDocument {
        path: path.to_owned(),
        sha256,
        bytes: size,
        format,
        encoding: Some(decoded.encoding),
        backend: Backend::Plain,
        page_count: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        pages,
        diagnostics: decoded.diagnostics,
    })
}

/// A PDF's pages as read by one or two backends.
struct PdfRead {
    backend: Backend,
    pages: Vec<RawPage>,
    page_count: u32,
    diagnostics: Vec<Diagnostic>,
}

/// pdf-extract first; the fallback for a file it cannot read and for pages
/// on which it finds no text.
fn read_pdf(path: &Path, bytes: Cow<'_, [u8]>, config: &Config) -> Result<PdfRead, ReadError> {
    let fallback = config.fallback;
    // The fallback's pages are laid out with pdf-extract's, as one document,
    // so every glyph page is kept until then.
    let mode = if fallback == Fallback::None && !config.glyph_pages {
        pdf::Pages::Laid
    } else {
        pdf::Pages::Glyphs
    };
    let opened = pdf::open(&bytes, path, &config.passwords);
    if fallback == Fallback::None {
        // Only the fallback reads the bytes again: the parsed document
        // holds what the pages need, and a long file's bytes would be held
        // beside every page read.
        drop(bytes);
        let document = opened?;
        return pdf::extract(&document, path, config.page_threads, mode).map(|extracted| PdfRead {
            backend: Backend::PdfExtract,
            pages: extracted.pages,
            page_count: extracted.page_count,
            diagnostics: extracted.diagnostics,
        });
    }
    let primary =
        opened.and_then(|document| pdf::extract(&document, path, config.page_threads, mode));
    match primary {
        Ok(extracted) => Ok(fill_missing_pages(extracted, &bytes)),
        // Encrypted files too: poppler opens some that lopdf cannot decrypt.
        Err(err) => {
            let Ok(pages) = fallback::pdftotext_pages(&bytes) else {
                return Err(err);
            };
            if !pages.iter().any(has_text) {
                return Err(err);
            }
            let page_count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
            let diagnostic = Diagnostic::warning(
                Code::ReadFallback,
                format!(
                    "pdf-extract could not read the file ({err}); its text comes from pdftotext"
                ),
            );
            Ok(PdfRead {
                backend: Backend::Pdftotext,
                pages: numbered(pages),
                page_count,
                diagnostics: vec![diagnostic],
            })
        }
    }
}

/// Replaces pages that pdf-extract failed on or found empty with pdftotext's
/// text for them, when it has some.
fn fill_missing_pages(extracted: pdf::Extracted, bytes: &[u8]) -> PdfRead {
    let pdf::Extracted {
        mut pages,
        page_count,
        mut diagnostics,
    } = extracted;
    let missing: Vec<u32> = (1..=page_count)
        .filter(|number| {
            !pages
                .iter()
                .any(|page| page.number == *number && page_has_text(page))
        })
        .collect();
    let mut backend = Backend::PdfExtract;
    if missing.is_empty() {
        return PdfRead {
            backend,
            pages,
            page_count,
            diagnostics,
        };
    }
    match fallback::pdftotext_pages(bytes) {
        Ok(fallback_pages) => {
            let mut filled = Vec::new();
            for page in numbered(fallback_pages) {
                if missing.contains(&page.number) && page_has_text(&page) {
                    filled.push(page.number);
                    pages.retain(|kept| kept.number != page.number);
                    pages.push(page);
                }
            }
            pages.sort_by_key(|page| page.number);
            if !filled.is_empty() {
                if !pages.iter().any(|page| !filled.contains(&page.number) && page_has_text(page)) {
                    backend = Backend::Pdftotext;
                }
                diagnostics.push(Diagnostic::info(
                    Code::ReadFallback,
                    format!(
                        "pdf-extract found no text on page(s) {}; their text comes from pdftotext",
                        list(&filled)
                    ),
                ));
            }
        }
        Err(reason) => diagnostics.push(Diagnostic::warning(
            Code::ReadFallbackFailed,
            format!(
                "pdf-extract found no text on page(s) {} and the pdftotext fallback failed: {reason}",
                list(&missing)
            ),
        )),
    }
    PdfRead {
        backend,
        pages,
        page_count,
        diagnostics,
    }
}

fn numbered(pages: Vec<GlyphPage>) -> Vec<RawPage> {
    pages
        .into_iter()
        .zip(1..)
        .map(|(page, number)| RawPage {
            number,
            content: PageContent::Glyphs(page),
        })
        .collect()
}

fn has_text(page: &GlyphPage) -> bool {
    page.glyphs
        .iter()
        .any(|glyph| !page.glyph_text(glyph).trim().is_empty())
}

fn page_has_text(page: &RawPage) -> bool {
    match &page.content {
        PageContent::Glyphs(glyphs) => has_text(glyphs),
        PageContent::Text(text) => !text.trim().is_empty(),
        PageContent::Laid(layout) => !(layout.text.trim().is_empty() && layout.running.is_empty()),
    }
}

/// `1, 3, 4`
fn list(numbers: &[u32]) -> String {
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// True when `%PDF-` appears within the first 1024 bytes, as PDF readers accept.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|window| window == b"%PDF-")
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<RawDocument, ReadError> {
        read_bytes(Path::new("input"), bytes, &Config::default())
    }

    #[test]
    fn pdf_signature_is_found_after_leading_junk() {
        let mut bytes = vec![b' '; 1000];
        bytes.extend_from_slice(b"%PDF-1.4");
        assert!(is_pdf(&bytes));
        let mut late = vec![b' '; 1024];
        late.extend_from_slice(b"%PDF-1.4");
        assert!(!is_pdf(&late));
    }

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        assert!(matches!(read(b""), Err(ReadError::Empty { .. })));
        assert!(matches!(read(b"  \n\t\n"), Err(ReadError::Empty { .. })));
    }

    #[test]
    fn size_limit_is_enforced() {
        let config = Config::with_limits(Limits { max_bytes: 4 });
        let err = read_bytes(Path::new("big.txt"), b"hello", &config).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::TooLarge {
                    bytes: 5,
                    limit: 4,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn form_feeds_split_pages() {
        let raw = read(b"one\x0ctwo\x0cthree").unwrap();
        assert_eq!(raw.pages.len(), 3);
        assert_eq!(raw.page_count, 3);
        assert_eq!(raw.pages[2].content, PageContent::Text("three".into()));
    }

    #[test]
    fn sha256_is_lowercase_hex() {
        let raw = read(b"abc").unwrap();
        assert_eq!(
            raw.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn random_binary_is_unsupported() {
        let bytes: Vec<u8> = (0..2048u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(
            read(&bytes),
            Err(ReadError::UnsupportedFormat { .. })
        ));
    }
}
