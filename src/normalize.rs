//! Stage 2 of 6: pages in, clean numbered lines out.
//!
//! Owns everything that makes text comparable regardless of the converter that
//! produced it: Unicode NFC, ligatures, soft hyphens, exotic spaces, line
//! endings and words hyphenated across line ends. Glyph pages from a PDF are
//! first turned into lines by `layout`. Tabs are kept because
//! converters use them to separate table cells (seed 000). Every line keeps its
//! page and its 1-based number within the page, so later stages can say where
//! an item or a doubt comes from. Beside the lines, [`Text::blocks`] holds the
//! [page model](crate::page): a PDF page's blocks as layout found them (cells
//! normalized as the lines are), a text page's built from its final lines;
//! extractors ask [`Text::cells`] for a line's cells. Running headers,
//! footers and page numbers, which the layout keeps out of the lines, are
//! reported once per kind as `layout.running_text` info diagnostics.

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::layout;
use crate::lexicon;
use crate::markup;
use crate::model::SourceFormat;
use crate::page::{packed_entry, text_blocks, Block, Cell, Row, Table};
use crate::read::{GlyphPage, PageContent, RawDocument, RawPage};

/// One line of normalized text, borrowed from its document's [`Lines`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based page number.
    pub page: u32,
    /// 1-based line number within the page.
    pub number: u32,
    /// The text, normalized; may be empty.
    pub text: &'a str,
    /// The text without inline markup, trimmed: [`markup::plain`] of it,
    /// worked out once when the line is added, since every extractor reads it.
    pub plain: &'a str,
}

impl Line<'_> {
    /// Where this line is.
    pub fn location(self) -> Location {
        Location::new(self.page, self.number)
    }
}

/// Every line of a document, packed: each page's texts end to end in a
/// string of the page's own, and per line where its text ends, where it
/// is and where its plain form is (20 bytes a line; a plain form other than
/// the trimmed text, a line with markup, is packed in one more string). A long document's lines cost their bytes and a few
/// more, not an allocation each, and no buffer the size of the document:
/// page-sized buffers fit in the memory that reading the pages freed.
/// Read as [`Line`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// The buffers, each with its page number, in line order.
    pages: Vec<(u32, String)>,
    entries: Vec<LineEntry>,
    /// The plain forms that are not their line's trimmed text, end to end.
    plains: String,
    /// Where each of those ends in `plains`.
    plain_ends: Vec<u32>,
}

/// Where a line of [`Lines`] is: its buffer (an index into `pages`), its
/// number on its page, where its text ends in the buffer, and where its
/// plain form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineEntry {
    buffer: u32,
    number: u32,
    end: u32,
    plain: PlainAt,
}

/// Where a line's plain form is: cut out of its text (the text trimmed, as
/// for most lines: the bytes cut are kept, so that reading the line does
/// not trim it again), or string `n` of [`Lines`]'s `plains`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlainAt {
    Cut { lead: u16, trail: u16 },
    Packed(u32),
}

/// A line's plain form, worked out before [`Lines`] keeps it as a [`PlainAt`].
enum PlainForm {
    Cut { lead: u16, trail: u16 },
    Own(String),
}

/// No lines, for [`LinesIter`]'s default.
static NO_LINES: Lines = Lines {
    pages: Vec::new(),
    entries: Vec::new(),
    plains: String::new(),
    plain_ends: Vec::new(),
};

impl Lines {
    /// Adds line `number` of `page` at the end: in the last buffer when it
    /// holds the same page and has room (a buffer ends before 4 GiB), else
    /// in a new one.
    pub fn push(&mut self, page: u32, number: u32, text: &str) {
        let fits = |texts: &String| u32::try_from(texts.len().saturating_add(text.len())).is_ok();
        let same_page = self
            .pages
            .last()
            .is_some_and(|(last, texts)| *last == page && fits(texts));
        if !same_page {
            self.pages.push((page, String::with_capacity(text.len())));
        }
        let buffer = self.pages.len() - 1;
        let plain = self.plain_of(text);
        if let Some((_, texts)) = self.pages.last_mut() {
            texts.push_str(text);
            self.entries.push(LineEntry {
                buffer: u32::try_from(buffer).unwrap_or(u32::MAX),
                number,
                end: u32::try_from(texts.len()).unwrap_or(u32::MAX),
                plain,
            });
        }
    }

    /// The [`LineEntry::plain`] of a line of `text`.
    fn plain_of(&mut self, text: &str) -> PlainAt {
        self.pack_plain(plain_form(text))
    }

    /// Where `form` is kept: a form of its own is packed in `plains` (past
    /// 4 GiB of them, past every input limit, its end saturates as
    /// [`PackedLines`]' do).
    fn pack_plain(&mut self, form: PlainForm) -> PlainAt {
        match form {
            PlainForm::Cut { lead, trail } => PlainAt::Cut { lead, trail },
            PlainForm::Own(plain) => {
                self.plains.push_str(&plain);
                self.plain_ends
                    .push(u32::try_from(self.plains.len()).unwrap_or(u32::MAX));
                PlainAt::Packed(u32::try_from(self.plain_ends.len() - 1).unwrap_or(u32::MAX))
            }
        }
    }

    /// Adds the lines of `page`, with their numbers, in a buffer of their own
    /// that holds `bytes` bytes before it grows.
    fn push_page<'t>(
        &mut self,
        page: u32,
        bytes: usize,
        lines: impl IntoIterator<Item = (u32, Cow<'t, str>)>,
    ) {
        self.pages.push((page, String::with_capacity(bytes)));
        for (number, text) in lines {
            self.push(page, number, &text);
        }
        if let Some((_, texts)) = self.pages.last_mut() {
            texts.shrink_to_fit();
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no line.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Line `index` (a `usize`) or the lines of a range of indices, as a
    /// slice's `get` gives them: `None` past the last line.
    pub fn get<I: LinesIndex>(&self, index: I) -> Option<I::Output<'_>> {
        index.of(self)
    }

    /// Line `index`, if there is one.
    fn line(&self, index: usize) -> Option<Line<'_>> {
        let entry = self.entries.get(index)?;
        let start = index
            .checked_sub(1)
            .and_then(|before| self.entries.get(before))
            .filter(|before| before.buffer == entry.buffer)
            .map_or(0, |before| before.end as usize);
        let (page, texts) = self.pages.get(entry.buffer as usize)?;
        let text = texts.get(start..entry.end as usize).unwrap_or("");
        let plain = match entry.plain {
            PlainAt::Cut { lead, trail } => text
                .get(usize::from(lead)..text.len().saturating_sub(usize::from(trail)))
                .unwrap_or(""),
            PlainAt::Packed(packed) => {
                packed_entry(&self.plains, &self.plain_ends, packed as usize).unwrap_or("")
            }
        };
        Some(Line {
            page: *page,
            number: entry.number,
            text,
            plain,
        })
    }

    /// The first line.
    pub fn first(&self) -> Option<Line<'_>> {
        self.line(0)
    }

    /// The last line.
    pub fn last(&self) -> Option<Line<'_>> {
        self.line(self.len().checked_sub(1)?)
    }

    /// The lines in order.
    pub fn iter(&self) -> LinesIter<'_> {
        self.range(0..self.len())
    }

    /// The lines of `range` in order (those of it there are).
    pub fn range(&self, range: std::ops::Range<usize>) -> LinesIter<'_> {
        let end = range.end.min(self.len());
        LinesIter {
            lines: self,
            next: range.start.min(end),
            end,
        }
    }

    /// Gives back the spare capacity: a document's lines live as long as it.
    fn shrink_to_fit(&mut self) {
        for (_, texts) in &mut self.pages {
            texts.shrink_to_fit();
        }
        self.pages.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.plains.shrink_to_fit();
        self.plain_ends.shrink_to_fit();
    }
}

/// The plain form of a line of `text` ([`markup::plain`]): a cut of it when
/// it is the trimmed text (with fewer than 64 KiB of spaces at either end),
/// else a string of its own.
fn plain_form(text: &str) -> PlainForm {
    let plain = markup::plain(text);
    let started = text.trim_start();
    let trimmed = started.trim_end();
    let lead = u16::try_from(text.len() - started.len());
    let trail = u16::try_from(started.len() - trimmed.len());
    match (lead, trail) {
        (Ok(lead), Ok(trail)) if plain == trimmed => PlainForm::Cut { lead, trail },
        _ => PlainForm::Own(plain),
    }
}

/// What [`Lines::get`] takes: a line's index or a range of them.
pub trait LinesIndex {
    /// A line for an index, the lines of a range for a range.
    type Output<'a>;

    /// `self` of `lines`, if they have it.
    fn of(self, lines: &Lines) -> Option<Self::Output<'_>>;
}

impl LinesIndex for usize {
    type Output<'a> = Line<'a>;

    fn of(self, lines: &Lines) -> Option<Line<'_>> {
        lines.line(self)
    }
}

/// The lines `start..end`, when that is a range of `lines`.
fn lines_range(lines: &Lines, start: usize, end: usize) -> Option<LinesIter<'_>> {
    (start <= end && end <= lines.len()).then_some(LinesIter {
        lines,
        next: start,
        end,
    })
}

impl LinesIndex for std::ops::Range<usize> {
    type Output<'a> = LinesIter<'a>;

    fn of(self, lines: &Lines) -> Option<LinesIter<'_>> {
        lines_range(lines, self.start, self.end)
    }
}

impl LinesIndex for std::ops::RangeInclusive<usize> {
    type Output<'a> = LinesIter<'a>;

    fn of(self, lines: &Lines) -> Option<LinesIter<'_>> {
        lines_range(lines, *self.start(), self.end().checked_add(1)?)
    }
}

impl LinesIndex for std::ops::RangeTo<usize> {
    type Output<'a> = LinesIter<'a>;

    fn of(self, lines: &Lines) -> Option<LinesIter<'_>> {
        lines_range(lines, 0, self.end)
    }
}

impl LinesIndex for std::ops::RangeFrom<usize> {
    type Output<'a> = LinesIter<'a>;

    fn of(self, lines: &Lines) -> Option<LinesIter<'_>> {
        lines_range(lines, self.start, lines.len())
    }
}

impl<'a> IntoIterator for &'a Lines {
    type Item = Line<'a>;
    type IntoIter = LinesIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Lines of a [`Lines`], in order: a range of them, as cheap to copy as
/// a slice.
#[derive(Debug, Clone, Copy)]
pub struct LinesIter<'a> {
    lines: &'a Lines,
    next: usize,
    end: usize,
}

impl Default for LinesIter<'_> {
    /// No lines.
    fn default() -> Self {
        NO_LINES.iter()
    }
}

impl<'a> LinesIter<'a> {
    /// The lines left, from the start (the iterator is a range of lines).
    pub fn iter(&self) -> Self {
        *self
    }

    /// The first line left.
    pub fn first(&self) -> Option<Line<'a>> {
        self.iter().next()
    }

    /// Line `index` of those left.
    pub fn get(&self, index: usize) -> Option<Line<'a>> {
        self.iter().nth(index)
    }
}

impl<'a> Iterator for LinesIter<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.next >= self.end {
            return None;
        }
        let line = self.lines.line(self.next)?;
        self.next += 1;
        Some(line)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end.saturating_sub(self.next);
        (left, Some(left))
    }

    fn nth(&mut self, n: usize) -> Option<Line<'a>> {
        self.next = self.next.saturating_add(n).min(self.end);
        self.next()
    }
}

impl DoubleEndedIterator for LinesIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.lines.line(self.end)
    }
}

impl ExactSizeIterator for LinesIter<'_> {}

/// A whole document as normalized lines, and the blocks they form.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Format of the source, so extractors know whether to expect Markdown.
    pub format: SourceFormat,
    /// Every line of every page, in reading order.
    pub lines: Lines,
    /// The [page model](crate::page)'s blocks of every page, in line order:
    /// paragraphs, headings, list items and tables, whose rows name the line
    /// they render to. No block spans two pages.
    pub blocks: Vec<Block>,
    /// Doubts raised while normalizing.
    pub diagnostics: Vec<Diagnostic>,
}

impl Text {
    /// Normalizes plain text given as a string, as if it were a one-page text file.
    /// Meant for tests and for callers that already hold text.
    ///
    /// ```
    /// let text = planex::normalize::Text::from_plain("ﬁnal re-\nport\u{a0}2019");
    /// assert_eq!(text.lines.get(0).unwrap().text, "final report");
    /// assert_eq!(text.lines.get(1).unwrap().text, "2019");
    /// ```
    pub fn from_plain(text: &str) -> Self {
        let format = SourceFormat::Text;
        let mut lines = Lines::default();
        page_lines(1, text, &mut lines);
        join_hyphenated(&mut lines, &[]);
        let blocks = page_blocks(lines.iter(), Vec::new());
        Self {
            format,
            lines,
            blocks,
            diagnostics: Vec::new(),
        }
    }

    /// The block that holds line `index` (an index into [`lines`](Self::lines)).
    pub fn block_of(&self, index: usize) -> Option<&Block> {
        let after = self
            .blocks
            .partition_point(|block| block.lines.start <= index);
        let block = self.blocks.get(after.checked_sub(1)?)?;
        block.lines.contains(&index).then_some(block)
    }

    /// The table that holds line `index`, whether or not the line is one of
    /// its rows (a Markdown table's `|---|` separator is not).
    pub fn table_of(&self, index: usize) -> Option<&Table> {
        self.block_of(index)?.table()
    }

    /// The cells of line `index`, as the extractors of tables read a line:
    /// a table row's cells (empty ones keep their column), none for a line of
    /// a table that is no row (a Markdown `|---|` separator), and the whole
    /// line as one cell for any other line (or none past the last line).
    pub fn cells(&self, index: usize) -> Vec<&str> {
        match (self.row(index), self.table_of(index)) {
            (Some(row), _) => row.cells.iter().map(Cell::text).collect(),
            (None, Some(_)) => Vec::new(),
            (None, None) => self
                .lines
                .get(index)
                .map(|line| vec![line.text])
                .unwrap_or_default(),
        }
    }

    /// The text of line `index` with its cells joined by spaces, for readers
    /// of phrases that a table may split over cells (a legend, a heading).
    pub fn joined_cells(&self, index: usize) -> String {
        self.cells(index).join(" ")
    }

    /// The table row that line `index` renders, with its cells.
    pub fn row(&self, index: usize) -> Option<&Row> {
        let rows = &self.table_of(index)?.rows;
        let at = rows.binary_search_by_key(&index, |row| row.line).ok()?;
        rows.get(at)
    }

    /// Whether line `index` is the first row of a laid-out table that
    /// repeats, cell for cell, the first row of a laid-out table on an
    /// earlier page: the header a producer draws again on every page a
    /// table goes on to, which belongs to no row of the body (a row cut by
    /// the page break goes on under it).
    pub fn repeats_a_table_header(&self, index: usize) -> bool {
        let Some(block) = self.block_of(index).filter(|block| block.bbox.is_some()) else {
            return false;
        };
        let Some(first) = block
            .table()
            .and_then(|table| table.rows.first())
            .filter(|row| row.line == index)
        else {
            return false;
        };
        fn texts(row: &Row) -> Vec<&str> {
            row.cells.iter().map(Cell::text).collect()
        }
        let header = texts(first);
        if header.iter().filter(|cell| !cell.trim().is_empty()).count() < 2 {
            return false;
        }
        let page_of = |line: usize| self.lines.get(line).map(|line| line.page);
        let page = page_of(index);
        self.blocks
            .iter()
            .take_while(|earlier| earlier.lines.start < block.lines.start)
            .filter(|earlier| earlier.bbox.is_some())
            .filter_map(|earlier| earlier.table()?.rows.first())
            .any(|row| page_of(row.line) < page && texts(row) == header)
    }

    /// Number of pages that have at least one line.
    pub fn page_count(&self) -> u32 {
        self.lines.last().map_or(0, |line| line.page)
    }
}

/// One string per line of a document: an extractor's per-line form of the
/// text (folded, plain). A form is most often the line itself or the line
/// trimmed, which it borrows from the text's lines: only the other forms
/// are copied, packed into one buffer, so a long document's form costs a
/// byte a line and the bytes of the lines it changes, not a second copy of
/// the text (changed text past 4 GiB is past every input limit: a longer
/// form saturates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PackedLines<'a> {
    lines: &'a Lines,
    /// How each line's form is kept.
    kinds: Vec<FormKind>,
    /// The forms kept as [`FormKind::Packed`], end to end.
    texts: String,
    /// Where each of those ends in `texts`, in line order.
    ends: Vec<u32>,
    /// The line index of each of those, ascending.
    changed: Vec<u32>,
}

/// How [`PackedLines`] keeps one line's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormKind {
    /// The line's text.
    Same,
    /// The line's text, trimmed.
    Trimmed,
    /// A string of its own, in the packed buffer.
    Packed,
}

impl<'a> PackedLines<'a> {
    /// The lines of `text` themselves.
    pub(crate) fn of_text(text: &'a Text) -> Self {
        Self {
            lines: &text.lines,
            kinds: vec![FormKind::Same; text.lines.len()],
            texts: String::new(),
            ends: Vec::new(),
            changed: Vec::new(),
        }
    }

    /// A form of every line of `text` (`form` of each), in line order.
    pub(crate) fn of_lines<S: AsRef<str>>(
        text: &'a Text,
        mut form: impl FnMut(&Line<'a>) -> S,
    ) -> Self {
        // Room for every line to have a form of its own as long as the
        // line: forms are rarely longer (folded, lowered, markup dropped),
        // and room never written to costs no memory, where a buffer grown
        // by doubling is copied, old and new held at once, near the end.
        let text_bytes = text.lines.iter().map(|line| line.text.len()).sum();
        let mut lines = Self {
            lines: &text.lines,
            kinds: Vec::with_capacity(text.lines.len()),
            texts: String::with_capacity(text_bytes),
            ends: Vec::with_capacity(text.lines.len()),
            changed: Vec::with_capacity(text.lines.len()),
        };
        for (index, line) in text.lines.iter().enumerate() {
            let form = form(&line);
            let form = form.as_ref();
            let kind = if form == line.text {
                FormKind::Same
            } else if form == line.text.trim() {
                FormKind::Trimmed
            } else {
                lines.texts.push_str(form);
                lines
                    .ends
                    .push(u32::try_from(lines.texts.len()).unwrap_or(u32::MAX));
                lines.changed.push(u32::try_from(index).unwrap_or(u32::MAX));
                FormKind::Packed
            };
            lines.kinds.push(kind);
        }
        lines.texts.shrink_to_fit();
        lines.ends.shrink_to_fit();
        lines.changed.shrink_to_fit();
        lines
    }

    /// Line `index`, if there is one.
    pub(crate) fn get(&self, index: usize) -> Option<&str> {
        let text = self.lines.get(index)?.text;
        match self.kinds.get(index)? {
            FormKind::Same => Some(text),
            FormKind::Trimmed => Some(text.trim()),
            FormKind::Packed => {
                let at = u32::try_from(index).ok()?;
                let packed = self.changed.binary_search(&at).ok()?;
                packed_entry(&self.texts, &self.ends, packed)
            }
        }
    }

    /// Line `index`, or the empty string past the last line.
    pub(crate) fn line(&self, index: usize) -> &str {
        self.get(index).unwrap_or("")
    }

    /// Number of lines.
    pub(crate) fn len(&self) -> usize {
        self.kinds.len()
    }

    /// The lines in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|index| self.line(index))
    }
}

impl std::ops::Index<usize> for PackedLines<'_> {
    type Output = str;

    /// As [`PackedLines::line`]: the empty string past the last line.
    fn index(&self, index: usize) -> &str {
        self.line(index)
    }
}

/// Turns a raw document into normalized lines.
pub fn normalize(raw: &RawDocument) -> Text {
    normalize_pages(raw.format, raw.page_count, raw.pages.clone())
}

/// As [`normalize`], consuming the pages of a document of `format` whose
/// source has `page_count` pages: a laid-out page's blocks move into the
/// text instead of being copied, and each page is dropped once read, so a
/// long PDF's tables are not held twice.
pub fn normalize_pages(format: SourceFormat, page_count: u32, raw_pages: Vec<RawPage>) -> Text {
    let mut lines = Lines::default();
    // Each page's first line, and the blocks layout found on a PDF page
    // (document line indices); text pages get theirs once their lines are final.
    let mut pages: Vec<(usize, Option<Vec<Block>>)> = Vec::new();
    let mut diagnostics = Vec::new();
    let glyph_pages: Vec<&GlyphPage> = raw_pages
        .iter()
        .filter_map(|page| match &page.content {
            PageContent::Glyphs(glyphs) => Some(glyphs),
            PageContent::Text(_) | PageContent::Laid(_) => None,
        })
        .collect();
    let mut laid_out = layout::lay_out(&glyph_pages).into_iter();
    let had_pages = !raw_pages.is_empty();
    // Running texts grouped by their shape, so page numbers 1, 2, 3 are one.
    let mut running: Vec<(String, String, Vec<u32>)> = Vec::new();
    for page in raw_pages {
        match page.content {
            PageContent::Text(text) => {
                pages.push((lines.len(), None));
                page_lines(page.number, &text, &mut lines);
            }
            PageContent::Glyphs(_) => {
                if let Some(layout) = laid_out.next() {
                    let notes =
                        add_layout(page.number, layout, &mut lines, &mut pages, &mut running);
                    diagnostics.extend(notes);
                }
            }
            PageContent::Laid(layout) => {
                let notes = add_layout(page.number, layout, &mut lines, &mut pages, &mut running);
                diagnostics.extend(notes);
            }
        }
    }
    for (_, text, pages) in running {
        let first = pages.first().copied().unwrap_or(1);
        diagnostics.push(
            Diagnostic::info(
                Code::LayoutRunningText,
                format!(
                    "`{text}` recurs in the page margins of {} page(s), numbers aside (running header, footer or page number); kept out of the text",
                    pages.len()
                ),
            )
            .on_page(first),
        );
    }
    // A PDF table row's cells are final: layout rejoined the words its cells
    // hyphenate, and a row is no continuation of the line above it.
    let mut laid_rows: Vec<usize> = pages
        .iter()
        .filter_map(|(_, blocks)| blocks.as_ref())
        .flatten()
        .filter_map(Block::table)
        .flat_map(|table| table.rows.iter().map(|row| row.line))
        .collect();
    laid_rows.sort_unstable();
    join_hyphenated(&mut lines, &laid_rows);
    // Sized once: grown by doubling, a long document's blocks would be held
    // twice over (the per-page vectors and the doubled one) at its peak.
    let block_count = pages
        .iter()
        .map(|(_, laid)| laid.as_ref().map_or(0, Vec::len))
        .sum();
    let mut blocks = Vec::with_capacity(block_count);
    let ends = pages
        .iter()
        .skip(1)
        .map(|(first, _)| *first)
        .chain(std::iter::once(lines.len()))
        .collect::<Vec<_>>();
    for ((first, laid), end) in pages.into_iter().zip(ends) {
        match laid {
            Some(laid) => blocks.extend(laid),
            None => blocks.extend(
                page_blocks(lines.range(first..end), Vec::new())
                    .into_iter()
                    .map(|block| block.shifted(first)),
            ),
        }
    }
    // All grew by doubling; they live as long as the document does.
    lines.shrink_to_fit();
    blocks.shrink_to_fit();
    for block in &mut blocks {
        block.shrink_to_fit();
    }
    let has_text = lines.iter().any(|line| !line.text.trim().is_empty());
    if format == SourceFormat::Pdf && !has_text && had_pages {
        diagnostics.push(Diagnostic::warning(
            Code::ReadNoTextLayer,
            format!(
                "the PDF has {page_count} page(s) but no text layer; it is probably scanned (OCR is not supported)"
            ),
        ));
    }
    Text {
        format,
        lines,
        blocks,
        diagnostics,
    }
}

/// Adds a laid-out page's lines and blocks, and its running texts grouped by their
/// shape with the pages they run on; returns the layout's notes, placed on
/// their page.
fn add_layout(
    number: u32,
    layout: layout::PageLayout,
    lines: &mut Lines,
    pages: &mut Vec<(usize, Option<Vec<Block>>)>,
    running: &mut Vec<(String, String, Vec<u32>)>,
) -> impl Iterator<Item = Diagnostic> {
    let first = lines.len();
    page_lines(number, &layout.text, lines);
    let blocks = layout
        .blocks
        .into_iter()
        .map(|block| normalized_block(block.shifted(first), lines.len()))
        .collect();
    pages.push((first, Some(blocks)));
    for text in &layout.running {
        let key = layout::running_key(text);
        match running.iter_mut().find(|(seen, _, _)| *seen == key) {
            Some((_, _, pages)) => pages.push(number),
            None => running.push((key, normalize_line(text), vec![number])),
        }
    }
    layout
        .notes
        .into_iter()
        .map(move |note| note.on_page(number))
}

/// The blocks of one page's lines (indices relative to the first of them).
fn page_blocks<'a>(lines: impl Iterator<Item = Line<'a>>, given: Vec<Block>) -> Vec<Block> {
    let texts: Vec<&str> = lines.map(|line| line.text).collect();
    text_blocks(&texts, given)
}

/// A block laid out on a PDF page, its cells' text normalized as the lines
/// are; a block reaching past the page's `line_count` lines (none should) is
/// cut there.
fn normalized_block(mut block: Block, line_count: usize) -> Block {
    block.lines.end = block.lines.end.min(line_count);
    if let Some(table) = block.table_mut() {
        table.rows.retain(|row| row.line < line_count);
        // Most cells are already normal (ASCII, no trailing space): those
        // keep their strings instead of being copied into equal ones.
        for cell in table.rows.iter_mut().flat_map(|row| row.cells.iter_mut()) {
            if !(is_normal(cell.text()) && cell.lines().into_iter().all(is_normal)) {
                cell.map_texts(normalize_line);
            }
            if !cell.words().iter().all(|word| is_normal(word.text)) {
                cell.set_words(cell.words().map_texts(normalize_line));
            }
        }
    }
    block
}

/// Splits one page into normalized, numbered lines, added to `lines`.
fn page_lines(page: u32, text: &str, lines: &mut Lines) {
    let mut raw = raw_lines(text).zip(1..).peekable();
    let numbered = std::iter::from_fn(|| {
        let (line, number) = raw.next()?;
        let line = normalize_line(line);
        // The line end that ends the text opens no line of its own.
        let last = raw.peek().is_none();
        if last && line.is_empty() && text.ends_with(['\n', '\r']) {
            return None;
        }
        Some((number, Cow::Owned(line)))
    });
    lines.push_page(page, text.len(), numbered);
}

/// The lines of `text` split at `\r\n`, `\n` and a lone `\r`, borrowed
/// from it: a text input is one page, which a copy with unified line
/// endings would hold twice.
fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut pieces = text.split('\n').peekable();
    std::iter::from_fn(move || {
        let piece = pieces.next()?;
        // A `\r` before the `\n` that ends the piece is part of that break.
        Some(match pieces.peek() {
            Some(_) => piece.strip_suffix('\r').unwrap_or(piece),
            None => piece,
        })
    })
    .flat_map(|piece| piece.split('\r'))
}

/// Whether [`normalize_line`] gives `line` back unchanged without looking
/// further: ASCII (in NFC, none of the characters it replaces) that ends in
/// no space.
fn is_normal(line: &str) -> bool {
    line.is_ascii() && !line.ends_with(char::is_whitespace)
}

/// NFC, ligatures expanded, soft hyphens dropped, exotic spaces made plain,
/// typographic hyphens and minus signs made the ASCII hyphen-minus: fonts
/// and producers print the one `-` a writer typed as any of them (a2ps sets
/// every `-` as U+2212 MINUS SIGN, Word turns some into U+2011 NON-BREAKING
/// HYPHEN), so `2018−2020` and `co‐creation` read as the text has them.
/// Dashes (`–`, `—`) are another sign, and stay.
pub fn normalize_line(line: &str) -> String {
    // ASCII is in NFC and holds none of the characters replaced below.
    if line.is_ascii() {
        return line.trim_end().to_owned();
    }
    let mut out = String::with_capacity(line.len());
    // A line the quick check finds in NFC (most are) gives its own
    // characters, without the NFC stream's buffering.
    if unicode_normalization::is_nfc_quick(line.chars()) == unicode_normalization::IsNormalized::Yes
    {
        line.chars().for_each(|c| push_normal(&mut out, c));
    } else {
        line.nfc().for_each(|c| push_normal(&mut out, c));
    }
    let trimmed = out.trim_end();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// Pushes the normal form of one character of a line in NFC (see
/// [`normalize_line`]).
fn push_normal(out: &mut String, c: char) {
    match c {
        '\u{ad}' | '\u{200b}' | '\u{feff}' => {}
        '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{2002}' | '\u{2003}' => {
            out.push(' ');
        }
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => out.push('-'),
        'ﬀ' => out.push_str("ff"),
        'ﬁ' => out.push_str("fi"),
        'ﬂ' => out.push_str("fl"),
        'ﬃ' => out.push_str("ffi"),
        'ﬄ' => out.push_str("ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("st"),
        _ => out.push(c),
    }
}

/// `acontecimien-` + `tos internacionales` → `acontecimientos` + `internacionales`.
///
/// Lines listed in `rows` (sorted), a PDF's table rows, are left alone.
///
/// Only a letter, a hyphen and a line end followed by a lower-case letter on
/// the same page count: `2018-` + `2020` and `Bruselas-` + `Capital` stay as
/// they are. The hyphen is kept, and the word still rejoined, when it joins
/// two words rather than splitting one ([`keeps_hyphen`]): `febrero-` +
/// `marzo` → `febrero-marzo`.
///
/// Only the pages where a word is rejoined are packed anew.
fn join_hyphenated(lines: &mut Lines, rows: &[usize]) {
    let words = word_counts(lines, rows);
    if words.is_empty() {
        return;
    }
    let mut first = 0;
    while first < lines.len() {
        let buffer = lines.entries[first].buffer;
        let end = lines.entries[first..]
            .iter()
            .position(|entry| entry.buffer != buffer)
            .map_or(lines.len(), |after| first + after);
        join_in_buffer(lines, first..end, rows, &words);
        first = end;
    }
}

/// [`join_hyphenated`] on the lines `range`, which share one buffer.
fn join_in_buffer(
    lines: &mut Lines,
    range: std::ops::Range<usize>,
    rows: &[usize],
    words: &HashMap<String, usize>,
) {
    let mut texts: Vec<Cow<str>> = Vec::new();
    let mut changed = false;
    for index in range.clone() {
        let Some(line) = lines.line(index) else {
            return;
        };
        let mut next = Cow::Borrowed(line.text);
        if let Some(previous) = texts.last_mut() {
            if let Some((stem, rest)) = hyphen_join((line.page, previous), line, index, rows, words)
            {
                *previous = Cow::Owned(stem);
                next = Cow::Owned(rest);
                changed = true;
            }
        }
        texts.push(next);
    }
    if !changed {
        return;
    }
    let mut joined = String::with_capacity(texts.iter().map(|text| text.len()).sum());
    let ends: Vec<u32> = texts
        .iter()
        .map(|text| {
            joined.push_str(text);
            u32::try_from(joined.len()).unwrap_or(u32::MAX)
        })
        .collect();
    // A joined line's plain form is that of its new text; the others keep theirs.
    let plains: Vec<Option<PlainForm>> = texts
        .iter()
        .map(|text| match text {
            Cow::Owned(text) => Some(plain_form(text)),
            Cow::Borrowed(_) => None,
        })
        .collect();
    drop(texts);
    for (index, (end, plain)) in range.clone().zip(ends.into_iter().zip(plains)) {
        let plain = plain.map(|form| lines.pack_plain(form));
        if let Some(entry) = lines.entries.get_mut(index) {
            entry.end = end;
            if let Some(plain) = plain {
                entry.plain = plain;
            }
        }
    }
    if let Some(buffer) = lines
        .entries
        .get(range.start)
        .and_then(|entry| lines.pages.get_mut(entry.buffer as usize))
    {
        buffer.1 = joined;
    }
}

/// Where a hyphen at the end of line `index - 1` (on `page`, its text as
/// earlier joins left it: `previous`) may split a word that line `index`
/// (`next`) goes on with: the stem before the hyphen, the word that goes on
/// and the rest of the next line (see [`join_hyphenated`]).
fn hyphen_split<'p, 'n>(
    (page, previous): (u32, &'p str),
    next: Line<'n>,
    index: usize,
    rows: &[usize],
) -> Option<(&'p str, &'n str, &'n str)> {
    let is_row = |at: usize| rows.binary_search(&at).is_ok();
    if is_row(index.checked_sub(1)?) || is_row(index) || page != next.page {
        return None;
    }
    let stem = previous.strip_suffix('-')?;
    let ends_in_letter = stem.chars().next_back().is_some_and(char::is_alphabetic);
    let next_trimmed = next.text.trim_start();
    let continues_lower = next_trimmed.chars().next().is_some_and(char::is_lowercase);
    if !(ends_in_letter && continues_lower) {
        return None;
    }
    let word_end = next_trimmed
        .find(|c: char| c.is_whitespace())
        .unwrap_or(next_trimmed.len());
    let (word, rest) = next_trimmed.split_at(word_end);
    Some((stem, word, rest))
}

/// The texts of lines `index - 1` and `index` once the word that the first
/// hyphenates at its end is rejoined, if it does (see [`join_hyphenated`]).
fn hyphen_join(
    previous: (u32, &str),
    next: Line<'_>,
    index: usize,
    rows: &[usize],
    words: &HashMap<String, usize>,
) -> Option<(String, String)> {
    let (stem, word, rest) = hyphen_split(previous, next, index, rows)?;
    let joined = if keeps_hyphen(last_word(stem), first_word(word), words) {
        format!("{stem}-{word}")
    } else {
        format!("{stem}{word}")
    };
    Some((joined, rest.trim_start().to_owned()))
}

/// How often each word (a run of letters, lower case) that
/// [`keeps_hyphen`] may ask about occurs in the lines: the words on both
/// sides of every hyphen at a line end that may split a word, and the two
/// written together; empty when no hyphen may. A join leaves the end of the
/// line it shortens as it was, so the hyphens of the lines as read are all
/// those a join can meet.
fn word_counts(lines: &Lines, rows: &[usize]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for index in 1..lines.len() {
        let (Some(previous), Some(next)) = (lines.line(index - 1), lines.line(index)) else {
            continue;
        };
        let split = hyphen_split((previous.page, previous.text), next, index, rows);
        if let Some((stem, word, _)) = split {
            let (first, second) = (last_word(stem), first_word(word));
            for asked in [
                first.to_owned(),
                second.to_owned(),
                format!("{first}{second}"),
            ] {
                counts.insert(asked.to_lowercase(), 0);
            }
        }
    }
    if counts.is_empty() {
        return counts;
    }
    // Every word of the document is looked up: an ASCII word (most of them)
    // is lowered into one buffer rather than into a new string each.
    let mut lowered = String::new();
    for line in lines {
        for word in line.text.split(|c: char| !c.is_alphabetic()) {
            if word.is_empty() {
                continue;
            }
            let key = if word.is_ascii() {
                lowered.clear();
                lowered.push_str(word);
                lowered.make_ascii_lowercase();
                Cow::Borrowed(lowered.as_str())
            } else {
                Cow::Owned(word.to_lowercase())
            };
            if let Some(count) = counts.get_mut(key.as_ref()) {
                *count += 1;
            }
        }
    }
    counts
}

/// The run of letters that ends `text`.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(text.len(), |(at, _)| at);
    text.get(start..).unwrap_or("")
}

/// The run of letters that starts `text`.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    text.get(..end).unwrap_or("")
}

/// Whether a hyphen at a line end between `first` and `next` is part of the
/// text, not a word break: both are month names (`febrero-marzo`), or both
/// occur elsewhere in the document as words of their own while the two
/// written together never do (`socio-` + `económico`, when `socio` and
/// `económico` occur elsewhere and `socioeconómico` does not). `words` counts
/// the document's words, these two included, so "elsewhere" means twice.
fn keeps_hyphen(first: &str, next: &str, words: &HashMap<String, usize>) -> bool {
    if first.is_empty() || next.is_empty() {
        return false;
    }
    if lexicon::month_number(first).is_some() && lexicon::month_number(next).is_some() {
        return true;
    }
    let count = |word: &str| words.get(&word.to_lowercase()).copied().unwrap_or(0);
    count(first) >= 2 && count(next) >= 2 && count(&format!("{first}{next}")) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &Text) -> Vec<&str> {
        text.lines.iter().map(|line| line.text).collect()
    }

    #[test]
    fn a_normal_line_is_its_own_normal_form() {
        for line in [
            "L1M2D3",
            "plan 2019",
            "",
            "a\tb",
            "café",
            "x ",
            "x\u{b}",
            "ﬁn",
            "x\u{a0}",
        ] {
            if is_normal(line) {
                assert_eq!(normalize_line(line), line, "{line:?}");
            }
        }
        assert!(is_normal("L1M2D3 en curso"));
        assert!(!is_normal("trailing\u{b}"));
        assert!(!is_normal("café"));
    }

    #[test]
    fn lines_read_back_as_pushed_by_index_and_range() {
        let mut lines = Lines::default();
        lines.push(1, 1, "uno");
        lines.push(1, 2, "");
        lines.push(2, 1, "tr\u{e9}s");
        fn text(line: Line<'_>) -> &str {
            line.text
        }
        assert_eq!(lines.len(), 3);
        assert_eq!(lines.get(0).map(text), Some("uno"));
        assert_eq!(lines.get(1).map(text), Some(""));
        assert_eq!(
            lines.get(2),
            Some(Line {
                page: 2,
                number: 1,
                text: "trés",
                plain: "trés"
            })
        );
        assert_eq!(lines.get(3), None);
        assert_eq!(lines.last().map(text), Some("trés"));
        assert_eq!(
            lines.iter().rev().map(text).collect::<Vec<_>>(),
            ["trés", "", "uno"]
        );
        // Ranges as a slice's `get` takes them: none past the end.
        assert_eq!(
            lines.get(1..3).map(|r| r.map(text).collect::<Vec<_>>()),
            Some(vec!["", "trés"])
        );
        assert_eq!(lines.get(..1).map(|r| r.len()), Some(1));
        assert_eq!(
            lines.get(0..=2).and_then(|mut r| r.next_back()).map(text),
            Some("trés")
        );
        assert_eq!(
            lines.get(2..).and_then(|r| r.first()).map(text),
            Some("trés")
        );
        assert_eq!(
            lines.get(1..3).and_then(|r| r.get(1)).map(text),
            Some("trés")
        );
        assert!(lines.get(2..4).is_none());
        assert!(lines.get(0..=3).is_none());
        assert_eq!(lines.range(2..9).count(), 1);
        assert_eq!(LinesIter::default().count(), 0);
    }

    #[test]
    fn hyphenated_words_rejoin_across_a_chain_of_lines() {
        // The middle line is both the end of one join and the start of the next.
        let text = Text::from_plain("acontecimien-\ntos interna-\ncionales hoy\n");
        assert_eq!(texts(&text), ["acontecimientos", "internacionales", "hoy"]);
    }

    #[test]
    fn packed_lines_read_back_as_built() {
        let text = Text::from_plain("Uno\n\nTres");
        let lines = PackedLines::of_lines(&text, |line| line.text.to_lowercase());
        assert_eq!(lines.get(0), Some("uno"));
        assert_eq!(lines.get(1), Some(""));
        assert_eq!(lines.line(2), "tres");
        assert_eq!(lines.get(3), None);
        assert_eq!(lines.line(3), "");
        assert_eq!(lines.len(), 3);
        assert_eq!(&lines[2], "tres");
        assert_eq!(lines.iter().collect::<Vec<_>>(), ["uno", "", "tres"]);
    }

    #[test]
    fn packed_lines_borrow_unchanged_and_trimmed_forms() {
        let mut lines = Lines::default();
        for (number, line) in
            (1..).zip(["  Plan de trabajo  ", "Objetivo", " Meta 2 ", "", "Última"])
        {
            lines.push(1, number, line);
        }
        let text = Text {
            format: SourceFormat::Text,
            lines,
            blocks: Vec::new(),
            diagnostics: Vec::new(),
        };
        let forms = PackedLines::of_lines(&text, |line| match line.number {
            1 | 4 => line.text.trim().to_owned(),
            3 => line.text.to_uppercase(),
            _ => line.text.to_owned(),
        });
        assert_eq!(
            forms.iter().collect::<Vec<_>>(),
            ["Plan de trabajo", "Objetivo", " META 2 ", "", "Última"]
        );
        assert_eq!(forms.kinds[0], FormKind::Trimmed);
        assert_eq!(forms.kinds[1], FormKind::Same);
        assert_eq!(forms.texts, " META 2 ");
        assert_eq!(forms.get(5), None);
        let same = PackedLines::of_text(&text);
        assert_eq!(same.line(0), "  Plan de trabajo  ");
        assert_eq!(same.len(), 5);
    }

    #[test]
    fn ligatures_spaces_and_soft_hyphens() {
        let text = Text::from_plain("ﬁn de l'eﬀort\u{202f}: of\u{ad}ficial\u{a0}plan");
        assert_eq!(texts(&text), ["fin de l'effort : official plan"]);
    }

    #[test]
    fn typographic_hyphens_and_minus_signs_are_hyphen_minus() {
        let text = Text::from_plain(
            "Bilan 2011\u{2212}2013 : co\u{2010}op\u{e9}ration, \u{2212}4\u{a0}%, Jean\u{2011}Luc \u{2013} fin",
        );
        assert_eq!(
            texts(&text),
            ["Bilan 2011-2013 : co-op\u{e9}ration, -4 %, Jean-Luc \u{2013} fin"]
        );
    }

    #[test]
    fn a_minus_sign_ending_a_line_rejoins_the_word_it_splits() {
        let text = Text::from_plain("le d\u{e9}veloppe\u{2212}\nment durable");
        assert_eq!(texts(&text), ["le d\u{e9}veloppement", "durable"]);
    }

    #[test]
    fn nfc_composes_accents() {
        let text = Text::from_plain("Informacio\u{301}n");
        assert_eq!(text.lines.get(0).map(|line| line.text), Some("Información"));
    }

    #[test]
    fn line_endings_are_unified_and_tabs_kept() {
        let text = Text::from_plain("a\tb\r\nc\rd\n");
        assert_eq!(texts(&text), ["a\tb", "c", "d"]);
        assert_eq!(text.lines.get(2).map(|line| line.number), Some(3));
    }

    #[test]
    fn raw_lines_break_as_unified_line_endings_would() {
        for text in [
            "",
            "\n",
            "\r",
            "\r\n",
            "a",
            "a\r\r\nb",
            "a\n\rb",
            "a\r\n\r\n",
            "a\r",
            "\r\r\n\n\r",
        ] {
            let unified = text.replace("\r\n", "\n").replace('\r', "\n");
            let expected: Vec<&str> = unified.split('\n').collect();
            assert_eq!(raw_lines(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn hyphenated_words_are_joined() {
        let text = Text::from_plain("Calendario de acontecimien-\ntos internacionales\nPlan 2018-\n2020\nBruselas-\nCapital");
        assert_eq!(
            texts(&text),
            [
                "Calendario de acontecimientos",
                "internacionales",
                "Plan 2018-",
                "2020",
                "Bruselas-",
                "Capital"
            ]
        );
    }

    #[test]
    fn hyphens_between_two_words_are_kept() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Reuniones de febrero-\nmarzo y abril",
                &["Reuniones de febrero-marzo", "y abril"],
            ),
            ("del 3 de juin-\njuillet", &["del 3 de juin-juillet", ""]),
            (
                "impacto socio-\neconómico\nel socio y lo económico",
                &["impacto socio-económico", "", "el socio y lo económico"],
            ),
            (
                "impacto socio-\neconómico\nsocio, económico, socioeconómico",
                &[
                    "impacto socioeconómico",
                    "",
                    "socio, económico, socioeconómico",
                ],
            ),
            (
                "los acontecimien-\ntos y otros acontecimientos",
                &["los acontecimientos", "y otros acontecimientos"],
            ),
        ];
        for (source, want) in cases {
            assert_eq!(texts(&Text::from_plain(source)), *want, "{source:?}");
        }
    }

    #[test]
    fn table_rows_are_found_by_line() {
        let text = Text::from_plain("intro\na\tb\n\n| x | y |\n|---|---|\n| 1 | 2 |\n");
        let cells = |index: usize| -> Option<Vec<&str>> {
            let row = text.row(index)?;
            Some(row.cells.iter().map(Cell::text).collect())
        };
        assert_eq!(cells(0), None);
        assert_eq!(cells(1), Some(vec!["a", "b"]));
        assert!(text.table_of(2).is_none(), "a blank line is in no block");
        assert_eq!(cells(3), Some(vec!["x", "y"]));
        assert!(text.table_of(4).is_some() && cells(4).is_none());
        assert_eq!(cells(5), Some(vec!["1", "2"]));
        assert!(text.block_of(6).is_none());
    }

    #[test]
    fn hyphen_join_that_empties_a_line_keeps_numbering() {
        let text = Text::from_plain("parti-\ncipación\nnext");
        assert_eq!(texts(&text), ["participación", "", "next"]);
        assert_eq!(text.lines.get(2).map(|line| line.number), Some(3));
    }
}
