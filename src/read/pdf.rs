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
//!
//! Geometry comes from the text rendering matrix of each glyph, never from
//! the producer's spaces or string boundaries: the baseline direction gives
//! the advance vector (`width · size · (m11, m12)`) and the glyph's
//! direction, quantised to quarter turns (diagonal beyond a tangent of 0.1);
//! the em square's height `size · |(m21, m22)|` is the font size, so
//! horizontal scaling (`Tz`) widens advances without inflating sizes. When
//! the page ends, it is turned by whole quarter turns so that its most
//! common glyph direction reads upright: `/Rotate`, a rotated CTM and a
//! rotated text matrix all give the same upright page, and `/Rotate` only
//! decides for a page without straight text. Horizontal and vertical
//! strokes and axis-aligned filled rectangles become [`Rule`](super::Rule)s in the same
//! coordinates, and glyphs drawn twice at nearly the same place (fake bold)
//! become one glyph flagged [`overprinted`](Glyph::overprinted). The
//! vendored pdf-extract (vendor/pdf-extract/PATCHES.md) tells us the font of
//! each string, its line widths and fill colours.

mod geometry;
pub(super) mod text_grid;

use std::any::Any;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use rayon::prelude::*;

use pdf_extract::{
    ColorSpace, Document, FastMap, FontInfo, MediaBox, Object, ObjectId, OutputDev, OutputError,
    Path as PdfPath, Transform,
};

use super::glyphs::{Font, Glyph, GlyphPage};
use super::{PageContent, RawPage};
use crate::config::Password;
use crate::diagnostic::{Code, Diagnostic};
use crate::error::ReadError;
use crate::layout::{self, PageStream, StreamedPage};

/// What the extractor produced for one PDF.
pub(super) struct Extracted {
    pub pages: Vec<RawPage>,
    pub page_count: u32,
    pub diagnostics: Vec<Diagnostic>,
}

/// Fewest pages worth a thread of their own: below this, starting a thread
/// and parsing the fonts again costs more than the pages.
const MIN_PAGES_PER_THREAD: usize = 4;

/// How many pages a thread's [`PageStream`] learns from before it lays out
/// the first of them: a thread that starts far into the document knows none
/// of its statistics, and its first pages, laid out without them, would have
/// to be read and laid out again. Enough pages for the statistics to settle,
/// few enough that holding their glyphs keeps memory flat.
const WARM_UP_PAGES: usize = 128;

/// How a PDF's pages come out of [`extract`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pages {
    /// As glyph pages, every one held until the end.
    Glyphs,
    /// Laid out as they are read ([`PageContent::Laid`]): each page's glyphs
    /// are dropped once it is laid out, so memory stays flat in the page
    /// count (see [`layout::settle`]).
    Laid,
}

/// Parses the PDF in `bytes`, opening an encrypted one with the empty
/// password or one of `passwords`. The document owns what it needs of the
/// bytes, which the caller may drop before [`extract`] reads the pages.
pub(super) fn open(
    bytes: &[u8],
    path: &Path,
    passwords: &[Password],
) -> Result<Document, ReadError> {
    guarded(|| load(bytes, path, passwords)).map_err(|message| ReadError::ExtractorPanicked {
        path: path.to_owned(),
        message,
    })?
}

/// Reads every page of `document` (see [`open`]), on up to `threads`
/// threads (0 or 1: this thread only).
///
/// Each thread takes a contiguous share of the pages, with its own collector
/// and font cache, in the current rayon pool (so a batch's pool is shared,
/// never added to). The shares are joined in page order and their font
/// tables merged as one pass would have built them, so the result is the
/// same for any number of threads. A document short enough that no share
/// gets past its warm-up window ([`WARM_UP_PAGES`]) is laid out after the
/// join, as one window, so no page is read twice.
pub(super) fn extract(
    document: &Document,
    path: &Path,
    threads: usize,
    mode: Pages,
) -> Result<Extracted, ReadError> {
    let pages = document.get_pages();
    let page_count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    if pages.is_empty() {
        return Err(ReadError::NoPages {
            path: path.to_owned(),
        });
    }
    let rotations: BTreeMap<u32, u8> = pages
        .iter()
        .map(|(&number, &id)| (number, page_rotation(document, id)))
        .collect();
    let page_numbers: Vec<u32> = pages.into_keys().collect();
    let mut joined = read_shares(document, &rotations, &page_numbers, threads, mode);
    let last_failure = joined.failure.take();
    if joined.pages.is_empty() && joined.streamed.is_empty() {
        if let Some(failure) = last_failure {
            return Err(match failure.strip_prefix(PANICKED) {
                Some(message) => ReadError::ExtractorPanicked {
                    path: path.to_owned(),
                    message: message.to_owned(),
                },
                None => ReadError::Pdf {
                    path: path.to_owned(),
                    reason: failure,
                },
            });
        }
    }
    let mut pages = joined.pages;
    if mode == Pages::Laid {
        let numbers: Vec<u32> = joined.streamed.iter().map(|(number, _)| *number).collect();
        // Collected in place, in the pages' own buffer (no second copy of
        // every laid-out page at the peak of the read).
        let mut laid: Vec<StreamedPage> =
            joined.streamed.into_iter().map(|(_, page)| page).collect();
        let mut reread = |indices: &[usize]| {
            let wanted: Vec<u32> = indices
                .iter()
                .filter_map(|&i| numbers.get(i))
                .copied()
                .collect();
            let mut read = read_shares(document, &rotations, &wanted, threads, Pages::Glyphs)
                .pages
                .into_iter()
                .peekable();
            wanted
                .iter()
                .map(|&number| {
                    while read.next_if(|page| page.number < number).is_some() {}
                    match read.next_if(|page| page.number == number)?.content {
                        PageContent::Glyphs(glyphs) => Some(glyphs),
                        _ => None,
                    }
                })
                .collect()
        };
        layout::settle(&mut laid, joined.streams, &mut reread);
        pages = laid
            .into_iter()
            .zip(numbers)
            .map(|(page, number)| RawPage {
                number,
                content: PageContent::Laid(page.into_layout()),
            })
            .collect();
    }
    Ok(Extracted {
        pages,
        page_count,
        diagnostics: joined.diagnostics,
    })
}

/// Reads the pages numbered in `page_numbers` on up to `threads` threads,
/// each a contiguous share of them, and joins the shares in page order; the
/// joined share's failure is the last one.
fn read_shares(
    document: &Document,
    rotations: &BTreeMap<u32, u8>,
    page_numbers: &[u32],
    threads: usize,
    mode: Pages,
) -> Share {
    let shares = threads
        .min(page_numbers.len() / MIN_PAGES_PER_THREAD)
        .max(1);
    let share_len = page_numbers.len().div_ceil(shares).max(1);
    // Fonts (and their ToUnicode maps) are built once for all the shares.
    let fonts = pdf_extract::FontCache::new();
    let mut read: Vec<Share> = if shares == 1 {
        vec![read_share(document, rotations, page_numbers, mode, &fonts)]
    } else {
        page_numbers
            .par_chunks(share_len)
            .map(|numbers| read_share(document, rotations, numbers, mode, &fonts))
            .collect()
    };
    // When no share got past its warm-up window, their windows are laid out
    // as one, with the statistics of every page read, as one thread reading
    // them all would: a share laid out with its own statistics alone would
    // leave [`layout::settle`] most of its pages to read and lay out again.
    let one_window = mode == Pages::Laid && read.iter().all(|share| share.streamed.is_empty());
    if !one_window {
        for share in &mut read {
            share.lay_out_warming();
        }
    }
    let mut joined = Share {
        streamed: Vec::with_capacity(read.iter().map(|share| share.streamed.len()).sum()),
        ..Share::default()
    };
    let mut last_failure = None;
    for share in read {
        joined.append(share);
        last_failure = joined.failure.take().or(last_failure);
    }
    joined.failure = last_failure;
    if one_window {
        joined.streams = vec![PageStream::new()];
        joined.lay_out_warming();
    }
    joined
}

/// What one thread read of a share of the pages.
#[derive(Default)]
struct Share {
    pages: Vec<RawPage>,
    /// Pages laid out as they were read, with their numbers.
    streamed: Vec<(u32, StreamedPage)>,
    /// The streams that laid them out, one per thread.
    streams: Vec<PageStream>,
    /// Pages read but not laid out yet, with their numbers: a share that
    /// ended within its stream's warm-up window (see [`WARM_UP_PAGES`]).
    warming: Vec<(u32, GlyphPage)>,
    /// The faces the pages' glyphs and font lists index.
    faces: Vec<Font>,
    diagnostics: Vec<Diagnostic>,
    /// The last failure, if any page failed.
    failure: Option<String>,
}

impl Share {
    /// Appends a later share: its face indices become indices into this
    /// share's faces (new faces appended in their order of appearance), and
    /// each page lists the faces seen up to its end, as one pass gives.
    fn append(&mut self, later: Share) {
        let index_here: Vec<u16> = later
            .faces
            .into_iter()
            .map(|face| {
                let index = match self.faces.iter().position(|known| *known == face) {
                    Some(index) => index,
                    None => {
                        self.faces.push(face);
                        self.faces.len() - 1
                    }
                };
                u16::try_from(index).unwrap_or(u16::MAX)
            })
            .collect();
        let mut seen = self.pages_faces_known();
        for mut page in later.pages {
            if let PageContent::Glyphs(glyphs) = &mut page.content {
                for glyph in &mut glyphs.glyphs {
                    glyph.font = index_here
                        .get(usize::from(glyph.font))
                        .copied()
                        .unwrap_or(glyph.font);
                }
                let known_here = index_here
                    .iter()
                    .take(glyphs.fonts.len())
                    .map(|&index| usize::from(index) + 1)
                    .max()
                    .unwrap_or(0);
                seen = seen.max(known_here);
                glyphs.fonts = self.faces[..seen.min(self.faces.len())].to_vec();
            }
            self.pages.push(page);
        }
        self.streamed.extend(later.streamed);
        self.warming.extend(later.warming);
        self.streams.extend(later.streams);
        self.diagnostics.extend(later.diagnostics);
        self.failure = later.failure;
    }

    /// Lays out the warm-up window's pages with the share's last stream,
    /// which learns them all first ([`PageStream::lay_out_learnt`]).
    fn lay_out_warming(&mut self) {
        if self.warming.is_empty() {
            return;
        }
        if let Some(stream) = self.streams.last_mut() {
            lay_out_window(stream, &mut self.warming, &mut self.streamed);
        }
    }

    /// How many faces the last page read so far lists.
    fn pages_faces_known(&self) -> usize {
        self.pages
            .iter()
            .rev()
            .find_map(|page| match &page.content {
                PageContent::Glyphs(glyphs) => Some(glyphs.fonts.len()),
                PageContent::Text(_) | PageContent::Laid(_) => None,
            })
            .unwrap_or(0)
    }
}

/// Reads the pages numbered in `page_numbers` in one pass; when a page fails,
/// the pages read before it are kept and the later ones are retried one at a
/// time, so one bad page costs that page only.
fn read_share<'d>(
    document: &'d Document,
    rotations: &BTreeMap<u32, u8>,
    page_numbers: &[u32],
    mode: Pages,
    fonts: &pdf_extract::FontCache<'d>,
) -> Share {
    let mut collector = Collector::new(rotations.clone(), mode, page_numbers.len());
    let mut diagnostics = Vec::new();
    let whole =
        guarded(|| pdf_extract::output_doc_pages(document, &mut collector, page_numbers, fonts));
    let mut last_failure = None;
    if let Some(failure) = failure_text(whole) {
        let failed_page = collector
            .abandon_page()
            .or_else(|| next_page(page_numbers, collector.last_page()));
        last_failure = Some(failure);
        if let Some(failed) = failed_page {
            if let Some(failure) = &last_failure {
                diagnostics.push(page_failed(failed, failure));
            }
            for &number in page_numbers.iter().filter(|&&n| n > failed) {
                let single =
                    guarded(|| pdf_extract::output_doc_page(document, &mut collector, number));
                if let Some(failure) = failure_text(single) {
                    collector.abandon_page();
                    diagnostics.push(page_failed(number, &failure));
                    last_failure = Some(failure);
                }
            }
        }
    }
    Share {
        pages: collector.pages,
        streamed: collector.streamed,
        streams: collector.stream.into_iter().collect(),
        warming: collector.warming,
        faces: collector.faces,
        diagnostics,
        failure: last_failure,
    }
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
    let options = || {
        let mut options = pdf_extract::LoadOptions::with_password(password);
        options.filter = Some(unread_parts_dropped);
        options
    };
    let loaded = match Document::load_mem_with_options(bytes, options()) {
        Err(err @ pdf_extract::Error::Xref(_)) => match tail_repaired(bytes) {
            Some(repaired) => Document::load_mem_with_options(&repaired, options()),
            None => Err(err),
        },
        other => other,
    };
    let mut document = loaded.map_err(|err| classify(err, path))?;
    if document.is_encrypted() && document.decrypt(password).is_err() {
        return Err(ReadError::Encrypted {
            path: path.to_owned(),
        });
    }
    Ok(document)
}

/// How far from the end of the file the last `startxref` is looked for.
const TAIL: usize = 1024;

/// The file with its last `startxref` written as the parser reads it (the
/// keyword, the offset and `%%EOF` a line each), when other white space
/// stands between them (FreeHEP's PDF driver writes an empty line before
/// `%%EOF`); `None` when the end holds no `startxref`, offset and `%%EOF`.
/// Only the end changes, so every offset in the file still holds.
fn tail_repaired(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEYWORD: &[u8] = b"startxref";
    let from = bytes.len().saturating_sub(TAIL);
    let start = from
        + bytes
            .get(from..)?
            .windows(KEYWORD.len())
            .rposition(|window| window == KEYWORD)?;
    let rest = bytes.get(start + KEYWORD.len()..)?;
    let blank = |rest: &[u8]| rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let digits_at = blank(rest);
    let digits = rest
        .get(digits_at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let offset = rest.get(digits_at..digits_at + digits)?;
    let after = rest.get(digits_at + digits..)?;
    if digits == 0 || !after.get(blank(after)..)?.starts_with(b"%%EOF") {
        return None;
    }
    let mut repaired = bytes.get(..start)?.to_vec();
    repaired.extend_from_slice(KEYWORD);
    repaired.push(b'\n');
    repaired.extend_from_slice(offset);
    repaired.extend_from_slice(b"\n%%EOF\n");
    Some(repaired)
}

/// Keys of a page dictionary that the text is never read from (transition,
/// thumbnail, private data, annotations, article beads, metadata).
const UNREAD_PAGE_KEYS: [&[u8]; 7] = [
    b"Trans",
    b"Thumb",
    b"PieceInfo",
    b"Annots",
    b"B",
    b"Metadata",
    b"AA",
];

/// Drops, as the document is loaded, what reading its text never looks at,
/// so that it is not held while every page is read (the document lives
/// through the whole read): the unread keys of page dictionaries and the
/// obsolete `/ProcSet` of resource dictionaries, and an image's data, whose
/// dictionary is kept (with one byte of content, as lopdf reads an empty
/// stream's content again) so that drawing it still finds an image.
/// Returns the object as it now is: lopdf keeps the returned one for objects
/// of object streams and the changed one for the others.
fn unread_parts_dropped(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    fn resources_without_procset(dictionary: &mut pdf_extract::Dictionary) {
        if let Ok(Object::Dictionary(resources)) = dictionary.get_mut(b"Resources") {
            resources.remove(b"ProcSet");
        }
    }
    match object {
        Object::Dictionary(dictionary) => {
            if dictionary.has_type(b"Page") {
                for key in UNREAD_PAGE_KEYS {
                    dictionary.remove(key);
                }
            }
            resources_without_procset(dictionary);
            if dictionary.has(b"ProcSet") && dictionary.has(b"Font") {
                dictionary.remove(b"ProcSet");
            }
        }
        Object::Stream(stream) => {
            let image = stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|subtype| subtype == b"Image");
            if image && stream.content.len() > 1 {
                stream.content = vec![0];
            } else {
                resources_without_procset(&mut stream.dict);
            }
        }
        _ => {}
    }
    compacted(object);
    Some((id, object.clone()))
}

/// Gives back the spare capacity of `object`'s dictionaries and arrays, at
/// every depth: they are parsed by growing, and a long document's page
/// dictionaries, held through the whole read, would keep a third more
/// than they hold.
fn compacted(object: &mut Object) {
    let dictionary = match object {
        Object::Dictionary(dictionary) => dictionary,
        Object::Stream(stream) => &mut stream.dict,
        Object::Array(array) => {
            array.iter_mut().for_each(compacted);
            array.shrink_to_fit();
            return;
        }
        _ => return,
    };
    let entries = dictionary.as_hashmap_mut();
    entries.values_mut().for_each(compacted);
    entries.shrink_to_fit();
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

fn next_page(page_numbers: &[u32], last_done: Option<u32>) -> Option<u32> {
    match last_done {
        Some(last) => page_numbers.iter().copied().find(|&n| n > last),
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

/// Our `OutputDev`: collects glyphs and rules into pages.
#[derive(Default)]
struct Collector {
    pages: Vec<RawPage>,
    /// Lays out each page as it ends, when pages are [`Pages::Laid`].
    stream: Option<PageStream>,
    /// The pages it laid out, with their numbers.
    streamed: Vec<(u32, StreamedPage)>,
    /// The stream's first pages, learnt from but not laid out yet (see
    /// [`WARM_UP_PAGES`]).
    warming: Vec<(u32, GlyphPage)>,
    current: Option<PageInProgress>,
    /// Each page's `/Rotate`, in quarter turns clockwise.
    rotations: BTreeMap<u32, u8>,
    /// The document's faces, as [`GlyphPage::fonts`] lists them.
    faces: Vec<Font>,
    /// Face index of each font dictionary seen (by [`FontInfo::key`]).
    face_of_font: FastMap<usize, u16>,
    /// The face of the glyphs being shown.
    face: u16,
}

/// A page being collected, in unturned page coordinates: top-left origin
/// of the media box, `y` down.
struct PageInProgress {
    number: u32,
    media_box: MediaBox,
    page: GlyphPage,
    /// Each glyph's direction in quarter turns (`None`: diagonal).
    directions: Vec<Option<u8>>,
}

impl Collector {
    /// A collector of the `pages` pages of one share.
    fn new(rotations: BTreeMap<u32, u8>, mode: Pages, pages: usize) -> Self {
        let laid = mode == Pages::Laid;
        Self {
            rotations,
            stream: laid.then(PageStream::new),
            // Sized once: grown by doubling, a long share's laid-out pages
            // would keep up to as many slots again spare, and be copied
            // whole at each growth at the peak of the read.
            streamed: Vec::with_capacity(if laid { pages } else { 0 }),
            ..Self::default()
        }
    }

    /// The number of the last page finished.
    fn last_page(&self) -> Option<u32> {
        let glyphs = self.pages.last().map(|page| page.number);
        let laid = self.streamed.last().map(|(number, _)| *number);
        let warming = self.warming.last().map(|(number, _)| *number);
        glyphs.max(laid).max(warming)
    }

    /// Lays out the pages held while the stream warmed up.
    fn end_warm_up(&mut self) {
        if self.warming.is_empty() {
            return;
        }
        if let Some(stream) = &mut self.stream {
            lay_out_window(stream, &mut self.warming, &mut self.streamed);
        }
    }

    /// Drops a page that was begun but not finished; returns its number.
    fn abandon_page(&mut self) -> Option<u32> {
        self.current.take().map(|page| page.number)
    }

    /// Adds the rulings and fills of a painted path (`line_width` for a
    /// stroke, `None` for a fill) to the current page.
    fn paint(&mut self, path: &PdfPath, ctm: &Transform, line_width: Option<f64>) {
        let Some(current) = self.current.as_mut() else {
            return;
        };
        let room = geometry::MAX_RULES.saturating_sub(current.page.rules.len());
        if room == 0 {
            return;
        }
        let media_box = current.media_box;
        let rules = geometry::path_rules(path, ctm, line_width, |x, y| {
            (x - media_box.llx, media_box.ury - y)
        });
        current.page.rules.extend(rules.into_iter().take(room));
    }
}

/// Lays out the pages of a warm-up window (emptied) with `stream`, which
/// learns them all first, and appends them to `streamed`.
fn lay_out_window(
    stream: &mut PageStream,
    warming: &mut Vec<(u32, GlyphPage)>,
    streamed: &mut Vec<(u32, StreamedPage)>,
) {
    let (numbers, pages): (Vec<u32>, Vec<GlyphPage>) = warming.drain(..).unzip();
    for page in &pages {
        stream.learn_page(page);
    }
    let laid = stream.lay_out_learnt(pages);
    streamed.extend(numbers.into_iter().zip(laid));
}

/// A page's `/Rotate` (inherited from the page tree), in quarter turns
/// clockwise; 0 when absent or not a multiple of 90.
fn page_rotation(document: &Document, page: ObjectId) -> u8 {
    let mut node = document.get_dictionary(page).ok();
    // The depth bound guards against a page tree whose parents form a cycle.
    for _ in 0..32 {
        let Some(dictionary) = node else {
            break;
        };
        if let Ok(rotate) = dictionary.get(b"Rotate") {
            let degrees = document
                .dereference(rotate)
                .ok()
                .and_then(|(_, value)| value.as_i64().ok())
                .unwrap_or(0);
            return if degrees % 90 == 0 {
                u8::try_from(degrees.rem_euclid(360) / 90).unwrap_or(0)
            } else {
                0
            };
        }
        node = dictionary
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|parent| document.get_dictionary(parent))
            .ok();
    }
    0
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
        self.current = Some(PageInProgress {
            number: page_num,
            media_box: *media_box,
            page,
            directions: Vec::new(),
        });
        Ok(())
    }

    /// Turns the page so that its most common glyph direction reads
    /// upright, flags the glyphs that run otherwise, and merges glyphs drawn
    /// twice.
    fn end_page(&mut self) -> Result<(), OutputError> {
        let Some(PageInProgress {
            number,
            mut page,
            directions,
            ..
        }) = self.current.take()
        else {
            return Ok(());
        };
        let rotation = self.rotations.get(&number).copied().unwrap_or(0);
        let turns = geometry::frame_turns(&directions, rotation);
        let (width, height) = (page.width, page.height);
        for (glyph, direction) in page.glyphs.iter_mut().zip(&directions) {
            (glyph.x, glyph.y) = geometry::turn_point(glyph.x, glyph.y, width, height, turns);
            glyph.direction = geometry::direction(*direction, turns);
        }
        for rule in &mut page.rules {
            *rule = geometry::turn_rule(rule, width, height, turns);
        }
        (page.width, page.height) = geometry::turned_size(width, height, turns);
        geometry::merge_overprints(&mut page);
        text_grid::text_grid_rulings(&mut page);
        page.fonts.clone_from(&self.faces);
        if let Some(stream) = &mut self.stream {
            if self.streamed.is_empty() && self.warming.len() < WARM_UP_PAGES {
                // The warm-up window is held whole, on every thread: the
                // slack of vectors grown by doubling would be a quarter to a
                // half of it, the largest item of a short document's peak.
                page.glyphs.shrink_to_fit();
                page.text.shrink_to_fit();
                page.rules.shrink_to_fit();
                self.warming.push((number, page));
                if self.warming.len() == WARM_UP_PAGES {
                    self.end_warm_up();
                }
            } else {
                let laid = stream.page(&page);
                self.streamed.push((number, laid));
            }
            return Ok(());
        }
        // Every page is kept until the layout's document-wide passes: drop
        // the spare capacity that growing the vectors left behind.
        page.glyphs.shrink_to_fit();
        page.text.shrink_to_fit();
        page.rules.shrink_to_fit();
        self.pages.push(RawPage {
            number,
            content: PageContent::Glyphs(page),
        });
        Ok(())
    }

    /// One glyph, from the text rendering matrix `trm` (text matrix, CTM,
    /// horizontal scaling and rise, but not the font size): the baseline
    /// runs along `(m11, m12)` and the em square's height along
    /// `(m21, m22)`.
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(current) = self.current.as_mut() else {
            return Ok(());
        };
        let size = font_size * trm.m21.hypot(trm.m22);
        let advance = width * font_size * trm.m11.hypot(trm.m12);
        let x = trm.m31 - current.media_box.llx;
        let y = current.media_box.ury - trm.m32;
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        current.page.push_glyph(
            text,
            Glyph {
                x: x as f32,
                y: y as f32,
                width: if advance.is_finite() {
                    advance.abs() as f32
                } else {
                    0.0
                },
                font_size: size.abs() as f32,
                font: self.face,
                ..Glyph::default()
            },
        );
        // Page coordinates run downwards: the baseline's y flips.
        current
            .directions
            .push(geometry::quarter_turns(trm.m11, -trm.m12));
        Ok(())
    }

    fn set_font(&mut self, font: &FontInfo) -> Result<(), OutputError> {
        self.face = match self.face_of_font.get(&font.key) {
            Some(&face) => face,
            None => {
                let face = geometry::font_face(font);
                let index = match self.faces.iter().position(|known| *known == face) {
                    Some(index) => index,
                    None => {
                        self.faces.push(face);
                        self.faces.len() - 1
                    }
                };
                let index = u16::try_from(index).unwrap_or(u16::MAX);
                self.face_of_font.insert(font.key, index);
                index
            }
        };
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        path: &PdfPath,
    ) -> Result<(), OutputError> {
        if !geometry::is_white(color, colorspace) {
            self.paint(path, ctm, None);
        }
        Ok(())
    }

    fn stroke_with_width(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        line_width: f64,
        path: &PdfPath,
    ) -> Result<(), OutputError> {
        if !geometry::is_white(color, colorspace) {
            self.paint(path, ctm, Some(line_width));
        }
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
    fn a_tail_is_repaired_only_around_a_startxref_offset_and_end_marker() {
        let body = b"%PDF-1.4\n1 0 obj << >> endobj\nxref\n".to_vec();
        let with = |tail: &[u8]| [body.as_slice(), tail].concat();
        assert_eq!(
            tail_repaired(&with(b"startxref\n31\n\n%%EOF\n")),
            Some(with(b"startxref\n31\n%%EOF\n"))
        );
        assert_eq!(
            tail_repaired(&with(b"startxref \r\n 31 \r\n\r\n%%EOF")),
            Some(with(b"startxref\n31\n%%EOF\n"))
        );
        assert_eq!(tail_repaired(&with(b"startxref\n\n%%EOF\n")), None);
        assert_eq!(tail_repaired(&with(b"startxref\n31\n")), None);
        assert_eq!(tail_repaired(&body), None);
    }

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
    fn loading_drops_what_the_text_is_never_read_from_and_keeps_the_rest() {
        use pdf_extract::{Dictionary, Stream};
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Reference((7, 0)));
        resources.set(
            "ProcSet",
            Object::Array(vec![Object::Name(b"PDF".to_vec())]),
        );
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Resources", Object::Dictionary(resources));
        page.set("Contents", Object::Reference((8, 0)));
        page.set("Rotate", Object::Integer(90));
        page.set("Annots", Object::Array(vec![Object::Reference((9, 0))]));
        page.set("Trans", Object::Dictionary(Dictionary::new()));
        let mut object = Object::Dictionary(page);
        let (id, returned) = unread_parts_dropped((3, 0), &mut object).expect("kept");
        assert_eq!(id, (3, 0));
        assert_eq!(returned, object, "the returned object is the changed one");
        let page = object.as_dict().expect("a dictionary");
        for kept in [&b"Type"[..], b"Resources", b"Contents", b"Rotate"] {
            assert!(page.has(kept), "{}", String::from_utf8_lossy(kept));
        }
        assert!(!page.has(b"Annots") && !page.has(b"Trans"));
        let resources = page
            .get(b"Resources")
            .and_then(Object::as_dict)
            .expect("kept");
        assert!(resources.has(b"Font") && !resources.has(b"ProcSet"));
        for dictionary in [page, resources] {
            let entries = dictionary.as_hashmap();
            assert_eq!(entries.capacity(), entries.len(), "no spare room kept");
        }

        let mut image_dict = Dictionary::new();
        image_dict.set("Subtype", Object::Name(b"Image".to_vec()));
        image_dict.set("Width", Object::Integer(640));
        let mut image = Object::Stream(Stream::new(image_dict, vec![1; 4096]));
        unread_parts_dropped((4, 0), &mut image).expect("kept");
        let image = image.as_stream().expect("a stream");
        assert_eq!(
            image.content.len(),
            1,
            "one byte: lopdf reads no empty stream again"
        );
        assert!(image.dict.has(b"Width"));

        let mut form_dict = Dictionary::new();
        form_dict.set("Subtype", Object::Name(b"Form".to_vec()));
        let mut form = Object::Stream(Stream::new(form_dict, b"BT ET".to_vec()));
        unread_parts_dropped((5, 0), &mut form).expect("kept");
        assert_eq!(form.as_stream().expect("a stream").content, b"BT ET");
    }

    #[test]
    fn shares_that_end_within_their_warm_up_are_laid_out_as_one_window() {
        // Two shares of an 11-page report, each shorter than a warm-up
        // window: one stream lays them all out with the statistics of every
        // page, so settling them reads no page again.
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/matrix/pdf/triennial-2018-2020.14pt-split.weasyprint.pdf");
        let bytes = std::fs::read(&path).expect("fixture is readable");
        let document = open(&bytes, &path, &[]).expect("opens");
        let pages = document.get_pages();
        let rotations: BTreeMap<u32, u8> = pages
            .iter()
            .map(|(&number, &id)| (number, page_rotation(&document, id)))
            .collect();
        let numbers: Vec<u32> = pages.into_keys().collect();
        assert!(numbers.len() >= 2 * MIN_PAGES_PER_THREAD);
        let share = read_shares(&document, &rotations, &numbers, 2, Pages::Laid);
        assert!(share.warming.is_empty());
        assert_eq!(share.streams.len(), 1);
        let read: Vec<u32> = share.streamed.iter().map(|(number, _)| *number).collect();
        assert_eq!(read, numbers);
        let mut laid: Vec<StreamedPage> =
            share.streamed.into_iter().map(|(_, page)| page).collect();
        let again = layout::settle(&mut laid, share.streams, &mut |_: &[usize]| Vec::new());
        assert_eq!(again, 0, "pages laid out again");
    }

    #[test]
    fn failures_name_panics() {
        assert_eq!(failure_text(Ok(Ok(()))), None);
        assert_eq!(
            failure_text(Err("index out of bounds".to_owned())),
            Some("extractor panicked: index out of bounds".to_owned())
        );
    }
}
