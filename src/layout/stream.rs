//! Streaming layout: each page laid out as soon as it is read, so that a
//! document's glyphs are never all held at once and memory stays flat in
//! its page count.
//!
//! [`lay_out`](super::lay_out) learns three things from the whole document
//! before it lays out any page: the usual advance of each character (bold),
//! the running headers and footers, and the column edges and prose margins.
//! A [`PageStream`] lays out each page at once with what the pages read so far
//! say (provisional statistics, its own page included), keeps the page's
//! text, what the page contributes to the statistics, and every answer the
//! statistics gave it, and drops the glyphs. [`settle`] then learns the final
//! statistics from the contributions, exactly as `lay_out` does, and lays out
//! again every page that got another answer than the final statistics give,
//! from its glyphs read again. A page's layout depends on the statistics only
//! through those answers (the usual advance of a character it draws, whether
//! a margin line's key runs, whether an x is a column edge or a prose
//! margin), so the result is byte-identical to `lay_out` on all the pages at
//! once. Pages laid out again are the price: few once the statistics have
//! settled, which they do early in a long document.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::columns::{Asked, ColumnPart, DocumentColumns};
use super::lines::{text_lines, TextLine};
use super::running::{in_margins, margin_keys, running_key, RunningCounts};
use super::weight::{AdvanceCounts, Advances};
use super::{page_layout, PageLayout};
use crate::read::GlyphPage;

/// How many pages [`settle`] asks to be read again at once: enough for the
/// reader to share its font cache and threads, few enough to keep memory
/// flat.
const REREAD_BATCH: usize = 32;

/// Lays out the pages of one document (or one contiguous share of its pages)
/// one at a time, in page order, with the statistics of the pages seen so far.
#[derive(Debug, Default)]
pub struct PageStream {
    counts: AdvanceCounts,
    running_counts: RunningCounts,
    column_parts: Vec<ColumnPart>,
    advances: Advances,
    running: Vec<String>,
    columns: DocumentColumns,
    /// How many prose and chunk starts the provisional columns were learnt
    /// from: they are learnt again when a quarter more are known.
    columns_learnt_from: usize,
    starts_known: usize,
}

/// One page laid out by a [`PageStream`]: its layout, final once
/// [`settle`] has run.
#[derive(Debug, Clone, Default)]
pub struct StreamedPage {
    layout: PageLayout,
    part: Part,
    answers: Answers,
}

impl StreamedPage {
    /// The page's layout.
    pub fn into_layout(self) -> PageLayout {
        self.layout
    }
}

/// What a page contributes to the running keys (its contribution to the
/// columns stays with its [`PageStream`], in page order).
#[derive(Debug, Clone, Default)]
struct Part {
    margin_keys: Vec<String>,
    has_lines: bool,
}

impl Part {
    fn of(page: &GlyphPage, lines: &[TextLine]) -> Self {
        Self {
            margin_keys: margin_keys(page, lines),
            has_lines: !lines.is_empty(),
        }
    }
}

/// The answers a page's layout got from the statistics, kept small: a
/// long document holds one per page until it is settled.
#[derive(Debug, Clone, Default)]
struct Answers {
    /// Every character the page draws, once each, in order.
    characters: Box<str>,
    /// A digest of their usual advances ([`advances_digest`]).
    advances: u64,
    /// The key of every line in the page's margins, and whether it runs.
    running: Vec<(String, bool)>,
    /// Every question asked of the columns.
    columns: Box<[Asked]>,
}

/// A digest of what `advances` says of each of `characters`.
fn advances_digest(characters: &str, advances: &Advances) -> u64 {
    let mut hasher = DefaultHasher::new();
    for character in characters.chars() {
        advances.entry(character).hash(&mut hasher);
    }
    hasher.finish()
}

impl Answers {
    fn characters(page: &GlyphPage) -> Box<str> {
        let mut characters: Vec<char> = page.text.chars().collect();
        characters.sort_unstable();
        characters.dedup();
        characters.into_iter().collect::<String>().into_boxed_str()
    }

    fn running(page: &GlyphPage, lines: &[TextLine], running: &[String]) -> Vec<(String, bool)> {
        lines
            .iter()
            .filter(|line| in_margins(page, line))
            .map(|line| {
                let key = running_key(&line.plain());
                let runs = running.contains(&key);
                (key, runs)
            })
            .collect()
    }

    fn hold_for_advances(&self, advances: &Advances) -> bool {
        advances_digest(&self.characters, advances) == self.advances
    }

    fn hold_for_lines(&self, running: &[String], columns: &DocumentColumns) -> bool {
        self.running
            .iter()
            .all(|(key, runs)| running.contains(key) == *runs)
            && columns.answers_as(&self.columns)
    }
}

impl PageStream {
    /// A stream that has seen no page yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays out the next page with the statistics of the pages seen so far,
    /// this one included.
    pub fn page(&mut self, page: &GlyphPage) -> StreamedPage {
        let (lines, part) = self.learn(page);
        self.lay_out(page, lines, part, Answers::characters(page))
    }

    /// Learns the advances of the next page without laying it out yet: a
    /// stream that starts far into a document (one of several threads) has
    /// no statistics, and its first pages would be laid out again by
    /// [`settle`]; learning from a window of pages before laying them out
    /// (with [`lay_out_learnt`](Self::lay_out_learnt), in the same order)
    /// spares most of that. The result after `settle` is the same either way.
    pub fn learn_page(&mut self, page: &GlyphPage) {
        self.counts.add_page(page);
    }

    /// Lays out the pages [`learn_page`](Self::learn_page) has seen, in the
    /// order it saw them, as the first pages of this stream: each page's
    /// lines are found once, with the advances of the whole window, and its
    /// glyphs dropped; the running keys and columns are learnt from all of
    /// them before any is laid out.
    pub fn lay_out_learnt(&mut self, pages: Vec<GlyphPage>) -> Vec<StreamedPage> {
        self.advances = Advances::from_counts(&self.counts);
        let lined: Vec<(GlyphPage, Vec<TextLine>, Part, Box<str>)> = pages
            .into_iter()
            .map(|mut page| {
                let lines = text_lines(&page, &self.advances);
                let part = Part::of(&page, &lines);
                self.add_parts(&part, &lines);
                let characters = Answers::characters(&page);
                // What laying the page out still reads of it is its size
                // and rules: the glyphs, the largest part, go now.
                page.glyphs = Vec::new();
                page.text = String::new();
                page.fonts = Vec::new();
                (page, lines, part, characters)
            })
            .collect();
        self.running = self.running_counts.running_keys();
        self.learn_columns();
        lined
            .into_iter()
            .map(|(page, lines, part, characters)| self.lay_out(&page, lines, part, characters))
            .collect()
    }

    /// Adds what a page whose lines are `lines` contributes to the running
    /// keys (`part`) and columns to their counts.
    fn add_parts(&mut self, part: &Part, lines: &[TextLine]) {
        self.running_counts
            .add_page(&part.margin_keys, part.has_lines);
        let mut columns = ColumnPart::of(lines);
        columns.prose.shrink_to_fit();
        columns.starts.shrink_to_fit();
        self.starts_known += columns.prose.len() + columns.starts.len();
        self.column_parts.push(columns);
    }

    /// Adds the page to the statistics; returns its lines and what it
    /// contributes to the running keys, as the statistics now give them.
    fn learn(&mut self, page: &GlyphPage) -> (Vec<TextLine>, Part) {
        self.counts.add_page(page);
        self.advances = Advances::from_counts(&self.counts);
        let lines = text_lines(page, &self.advances);
        let part = Part::of(page, &lines);
        self.add_parts(&part, &lines);
        self.running = self.running_counts.running_keys();
        self.learn_columns();
        (lines, part)
    }

    /// Learns the provisional columns again when a quarter more starts are
    /// known than they were learnt from.
    fn learn_columns(&mut self) {
        if self.starts_known >= self.columns_learnt_from + 8 + self.columns_learnt_from / 4 {
            self.columns = DocumentColumns::from_parts(self.column_parts.iter()).recording();
            self.columns_learnt_from = self.starts_known;
        }
    }

    /// Lays out a page from its `lines` (and `part`, its contribution to the
    /// running keys), both found with the current advances; `characters`
    /// are the page's ([`Answers::characters`]).
    fn lay_out(
        &mut self,
        page: &GlyphPage,
        lines: Vec<TextLine>,
        part: Part,
        characters: Box<str>,
    ) -> StreamedPage {
        let advances = advances_digest(&characters, &self.advances);
        let running = Answers::running(page, &lines, &self.running);
        self.columns.take_asked();
        let mut layout = page_layout(page, lines, &self.running, &self.columns);
        layout.text.shrink_to_fit();
        let mut asked = self.columns.take_asked();
        asked.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.about.cmp(&b.about)));
        asked.dedup();
        StreamedPage {
            layout,
            part,
            answers: Answers {
                characters,
                advances,
                running,
                columns: asked.into_boxed_slice(),
            },
        }
    }
}

/// Makes the layouts of `pages` (every page of one document, in page order,
/// from one or more [`PageStream`]s: `streams`) what
/// [`lay_out`](super::lay_out) gives on all of them at once.
///
/// `reread` reads pages again: given indices into `pages`, it returns their
/// glyph pages in that order (`None` for a page it cannot read, which keeps
/// its provisional layout). Returns how many pages were laid out again.
pub fn settle(
    pages: &mut [StreamedPage],
    streams: Vec<PageStream>,
    reread: &mut dyn FnMut(&[usize]) -> Vec<Option<GlyphPage>>,
) -> usize {
    let mut counts = AdvanceCounts::default();
    let mut column_parts = Vec::with_capacity(pages.len());
    for stream in streams {
        counts.merge(stream.counts);
        column_parts.extend(stream.column_parts);
    }
    // One part per page laid out, in page order.
    column_parts.resize_with(pages.len(), ColumnPart::default);
    let advances = Advances::from_counts(&counts);
    // A page that saw other advances may have other lines, so other
    // contributions to the running keys and columns.
    let mut stale: Vec<usize> = (0..pages.len())
        .filter(|&index| !pages[index].answers.hold_for_advances(&advances))
        .collect();
    for batch in stale.chunks(REREAD_BATCH) {
        for (&index, glyphs) in batch.iter().zip(reread(batch)) {
            if let Some(glyphs) = glyphs {
                let lines = text_lines(&glyphs, &advances);
                pages[index].part = Part::of(&glyphs, &lines);
                if let Some(part) = column_parts.get_mut(index) {
                    *part = ColumnPart::of(&lines);
                }
            }
        }
    }
    let mut running_counts = RunningCounts::default();
    for page in pages.iter() {
        running_counts.add_page(&page.part.margin_keys, page.part.has_lines);
    }
    let running = running_counts.running_keys();
    let columns = DocumentColumns::from_parts(column_parts.iter());
    drop(column_parts);
    let mut fresh = stale.iter().copied().peekable();
    let mut changed = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        if fresh.next_if_eq(&index).is_some() {
            continue;
        }
        if !page.answers.hold_for_lines(&running, &columns) {
            changed.push(index);
        }
    }
    stale.extend(changed);
    stale.sort_unstable();
    for batch in stale.chunks(REREAD_BATCH) {
        for (&index, glyphs) in batch.iter().zip(reread(batch)) {
            if let Some(glyphs) = glyphs {
                let lines = text_lines(&glyphs, &advances);
                pages[index].layout = page_layout(&glyphs, lines, &running, &columns);
            }
        }
    }
    for page in pages.iter_mut() {
        page.part = Part::default();
        page.answers = Answers::default();
    }
    stale.len()
}

#[cfg(test)]
mod tests {
    use super::super::lay_out;
    use super::*;

    /// Draws `text` glyph by glyph from `x` on baseline `y`.
    fn word(page: &mut GlyphPage, text: &str, x: f32, y: f32, advance: f32) {
        for (i, c) in text.chars().enumerate() {
            page.push(&c.to_string(), x + i as f32 * advance, y, advance, 10.0);
        }
    }

    /// Pages whose statistics change as the document goes on: a running
    /// header from the third page, a table whose column edge appears late,
    /// and bold (wider) words on some pages.
    fn document() -> Vec<GlyphPage> {
        (1..=12)
            .map(|number| {
                let mut page = GlyphPage {
                    width: 600.0,
                    height: 800.0,
                    ..GlyphPage::default()
                };
                if number >= 3 {
                    word(&mut page, "Informe anual 2023", 50.0, 30.0, 5.0);
                }
                let advance = if number % 4 == 0 { 5.6 } else { 5.0 };
                word(&mut page, "con la participación de", 50.0, 200.0, 5.0);
                word(&mut page, "más asistentes", 170.0, 200.0, advance);
                word(&mut page, "procedentes de ciudades", 50.0, 212.0, 5.0);
                if number > 6 {
                    word(&mut page, "Mes", 50.0, 300.0, 5.0);
                    word(&mut page, &format!("Evento {number}"), 250.0, 300.0, 5.0);
                    word(&mut page, "Marzo", 50.0, 312.0, 5.0);
                    word(&mut page, "Reunión", 250.0, 312.0, 5.0);
                }
                word(&mut page, &number.to_string(), 300.0, 780.0, 5.0);
                page
            })
            .collect()
    }

    /// Lays out `pages` in `shares` streams, each learning from its first
    /// `warm_up` pages before laying them out.
    fn streamed(pages: &[GlyphPage], shares: usize, warm_up: usize) -> (Vec<PageLayout>, usize) {
        let share_len = pages.len().div_ceil(shares);
        let mut streams = Vec::new();
        let mut laid = Vec::new();
        for share in pages.chunks(share_len) {
            let mut stream = PageStream::new();
            let (warming, rest) = share.split_at(warm_up.min(share.len()));
            for page in warming {
                stream.learn_page(page);
            }
            laid.extend(stream.lay_out_learnt(warming.to_vec()));
            laid.extend(rest.iter().map(|page| stream.page(page)));
            streams.push(stream);
        }
        let mut reread = |indices: &[usize]| {
            indices
                .iter()
                .map(|&index| pages.get(index).cloned())
                .collect()
        };
        let again = settle(&mut laid, streams, &mut reread);
        (
            laid.into_iter().map(StreamedPage::into_layout).collect(),
            again,
        )
    }

    #[test]
    fn streamed_pages_are_laid_out_as_all_pages_at_once() {
        let pages = document();
        let refs: Vec<&GlyphPage> = pages.iter().collect();
        let whole = lay_out(&refs);
        assert!(whole[5].running.contains(&"Informe anual 2023".to_owned()));
        for shares in [1, 2, 5] {
            let (laid, again) = streamed(&pages, shares, 0);
            assert_eq!(laid, whole, "{shares} share(s)");
            assert!(again > 0, "the first pages saw other statistics");
        }
    }

    #[test]
    fn a_warm_up_window_gives_the_same_layouts_with_fewer_pages_again() {
        let pages = document();
        let refs: Vec<&GlyphPage> = pages.iter().collect();
        let whole = lay_out(&refs);
        for shares in [1, 2, 5] {
            let (_, cold) = streamed(&pages, shares, 0);
            for warm_up in [1, 3, 12] {
                let (laid, again) = streamed(&pages, shares, warm_up);
                assert_eq!(laid, whole, "{shares} share(s), warm-up {warm_up}");
                assert!(again <= cold, "{shares} share(s), warm-up {warm_up}");
            }
        }
        let (_, again) = streamed(&pages, 1, pages.len());
        assert_eq!(
            again, 0,
            "a window of the whole document learns every statistic"
        );
    }
}
