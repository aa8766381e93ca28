//! PDF text through pdf-extract, page by page in one pass, with positions.
//!
//! pdf-extract's `extract_text` loses page breaks and `extract_text_by_pages`
//! re-walks the page tree for every page and stops at the first page that
//! fails. Instead we implement its [`OutputDev`] and record every glyph with
//! its page and position in a single `output_doc` pass. pdf-extract panics on
//! malformed input by design (jrmuizel/pdf-extract#47), so every call runs
//! under `catch_unwind`; when a page fails, the pages already collected are
//! kept and the remaining pages are retried one at a time, so one bad page
//! costs that page only.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use super::{PageContent, RawPage};
use crate::config::Password;
use crate::diagnostic::{Code, Diagnostic};
use crate::error::ReadError;

/// One glyph drawn on a page, in points, with the origin at the page's top-left
/// corner and `y` growing downwards (reading order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Byte offset of the glyph's text in [`GlyphPage::text`].
    pub start: u32,
    /// Byte offset just past the glyph's text.
    pub end: u32,
    /// Left edge of the glyph's origin.
    pub x: f32,
    /// Baseline, measured from the top of the page.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Effective font size (the text matrix's scale applied).
    pub font_size: f32,
}

/// The glyphs of one PDF page, in content-stream order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlyphPage {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The text of every glyph, concatenated; glyphs index into it.
    pub text: String,
    /// Glyphs in the order the content stream draws them.
    pub glyphs: Vec<Glyph>,
}

impl GlyphPage {
    /// The text of one glyph of this page.
    pub fn glyph_text(&self, glyph: &Glyph) -> &str {
        self.text
            .get(glyph.start as usize..glyph.end as usize)
            .unwrap_or("")
    }

    /// Appends a glyph; used by the extractor and by tests that build pages by hand.
    pub fn push(&mut self, text: &str, x: f32, y: f32, width: f32, font_size: f32) {
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(text);
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.glyphs.push(Glyph {
            start,
            end,
            x,
            y,
            width,
            font_size,
        });
    }
}

/// What the extractor produced for one PDF.
pub(super) struct Extracted {
    pub pages: Vec<RawPage>,
    pub page_count: u32,
    pub diagnostics: Vec<Diagnostic>,
}

pub(super) fn extract(
    bytes: &[u8],
    path: &Path,
    passwords: &[Password],
) -> Result<Extracted, ReadError> {
    let document = guarded(|| load(bytes, path, passwords)).map_err(|message| {
        ReadError::ExtractorPanicked {
            path: path.to_owned(),
            message,
        }
    })??;
    let page_numbers: Vec<u32> = document.get_pages().into_keys().collect();
    let page_count = u32::try_from(page_numbers.len()).unwrap_or(u32::MAX);
    if page_numbers.is_empty() {
        return Err(ReadError::NoPages {
            path: path.to_owned(),
        });
    }

    let mut collector = Collector::default();
    let mut diagnostics = Vec::new();
    let whole = guarded(|| pdf_extract::output_doc(&document, &mut collector));
    if let Some(failure) = failure_text(whole) {
        let failed_page = collector
            .abandon_page()
            .or_else(|| next_page(&page_numbers, collector.pages.last()));
        let mut first_failure = failure;
        if let Some(failed) = failed_page {
            diagnostics.push(page_failed(failed, &first_failure));
            for &number in page_numbers.iter().filter(|&&n| n > failed) {
                let single =
                    guarded(|| pdf_extract::output_doc_page(&document, &mut collector, number));
                if let Some(failure) = failure_text(single) {
                    collector.abandon_page();
                    diagnostics.push(page_failed(number, &failure));
                    first_failure = failure;
                }
            }
        }
        if collector.pages.is_empty() {
            return Err(match first_failure.strip_prefix(PANICKED) {
                Some(message) => ReadError::ExtractorPanicked {
                    path: path.to_owned(),
                    message: message.to_owned(),
                },
                None => ReadError::Pdf {
                    path: path.to_owned(),
                    reason: first_failure,
                },
            });
        }
    }
    Ok(Extracted {
        pages: collector.pages,
        page_count,
        diagnostics,
    })
}

/// Loads the PDF, opening an encrypted one with the empty user password or,
/// failing that, the first of `passwords` that works.
fn load(bytes: &[u8], path: &Path, passwords: &[Password]) -> Result<Document, ReadError> {
    let candidates = std::iter::once("").chain(passwords.iter().map(Password::expose));
    let mut last = None;
    for password in candidates {
        match load_with(bytes, path, password) {
            Err(err @ ReadError::Encrypted { .. }) => last = Some(err),
            other => return other,
        }
    }
    Err(last.unwrap_or_else(|| ReadError::Encrypted {
        path: path.to_owned(),
    }))
}

fn load_with(bytes: &[u8], path: &Path, password: &str) -> Result<Document, ReadError> {
    let options = pdf_extract::LoadOptions::with_password(password);
    let mut document =
        Document::load_mem_with_options(bytes, options).map_err(|err| classify(err, path))?;
    if document.is_encrypted() && document.decrypt(password).is_err() {
        return Err(ReadError::Encrypted {
            path: path.to_owned(),
        });
    }
    Ok(document)
}

fn classify(err: pdf_extract::Error, path: &Path) -> ReadError {
    match err {
        pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword => {
            ReadError::Encrypted {
                path: path.to_owned(),
            }
        }
        other => ReadError::Pdf {
            path: path.to_owned(),
            reason: other.to_string(),
        },
    }
}

fn next_page(page_numbers: &[u32], last_done: Option<&RawPage>) -> Option<u32> {
    match last_done {
        Some(page) => page_numbers.iter().copied().find(|&n| n > page.number),
        None => page_numbers.first().copied(),
    }
}

fn page_failed(page: u32, failure: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::ReadPageFailed,
        format!("no text from page {page}: {failure}"),
    )
    .on_page(page)
}

/// How [`failure_text`] introduces a panic's message.
const PANICKED: &str = "extractor panicked: ";

/// `Some(reason)` when the guarded call panicked or returned an error.
fn failure_text(outcome: Result<Result<(), OutputError>, String>) -> Option<String> {
    match outcome {
        Ok(Ok(())) => None,
        Ok(Err(err)) => Some(err.to_string()),
        Err(panic) => Some(format!("{PANICKED}{panic}")),
    }
}

thread_local! {
    /// Set while this thread runs the extractor, so the panic hook stays quiet.
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into `Err(message)` without printing it.
///
/// The default hook would print every caught panic of pdf-extract on stderr;
/// ours stays silent on threads that are inside the extractor and defers to
/// the previous hook everywhere else.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !EXTRACTING.with(Cell::get) {
                previous(info);
            }
        }));
    });
    // Restore rather than clear the flag, so nested guards stay quiet.
    let was_extracting = EXTRACTING.with(|flag| flag.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    EXTRACTING.with(|flag| flag.set(was_extracting));
    outcome.map_err(|payload| panic_message(payload.as_ref()))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// Our `OutputDev`: collects glyphs into pages.
#[derive(Default)]
struct Collector {
    pages: Vec<RawPage>,
    current: Option<(u32, GlyphPage, MediaBox)>,
}

impl Collector {
    /// Drops a page that was begun but not finished; returns its number.
    fn abandon_page(&mut self) -> Option<u32> {
        self.current.take().map(|(number, _, _)| number)
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let page = GlyphPage {
            width: (media_box.urx - media_box.llx).abs() as f32,
            height: (media_box.ury - media_box.lly).abs() as f32,
            ..GlyphPage::default()
        };
        self.current = Some((page_num, page, *media_box));
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if let Some((number, page, _)) = self.current.take() {
            self.pages.push(RawPage {
                number,
                content: PageContent::Glyphs(page),
            });
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some((_, page, media_box)) = self.current.as_mut() else {
            return Ok(());
        };
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let x = trm.m31 - media_box.llx;
        let y = media_box.ury - trm.m32;
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        page.push(text, x as f32, y as f32, (width * size) as f32, size as f32);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_turns_panics_into_messages() {
        assert_eq!(guarded(|| 7), Ok(7));
        assert_eq!(guarded(|| -> u8 { panic!("boom") }), Err("boom".to_owned()));
        let nested = guarded(|| guarded(|| -> u8 { panic!("inner {}", 1) }));
        assert_eq!(nested, Ok(Err("inner 1".to_owned())));
        assert!(
            !EXTRACTING.with(Cell::get),
            "the flag is cleared afterwards"
        );
    }

    #[test]
    fn failures_name_panics() {
        assert_eq!(failure_text(Ok(Ok(()))), None);
        assert_eq!(
            failure_text(Err("index out of bounds".to_owned())),
            Some("extractor panicked: index out of bounds".to_owned())
        );
    }

    #[test]
    fn glyph_text_out_of_range_is_empty() {
        let mut page = GlyphPage::default();
        page.push("ﬁ", 1.0, 2.0, 3.0, 4.0);
        assert_eq!(page.glyph_text(&page.glyphs[0]), "ﬁ");
        let stray = Glyph {
            start: 5,
            end: 9,
            ..page.glyphs[0]
        };
        assert_eq!(page.glyph_text(&stray), "");
    }
}
