//! The typed page model that layout and the text readers build and the
//! extractors read: blocks of lines (paragraphs, headings, list items and
//! tables), table rows, and cells with their lines, words and boxes.
//!
//! A document's [`Text`] keeps its lines as text (the
//! rendering every output and diagnostic location refers to) and, beside
//! them, the [`Block`]s those lines form. A block names its lines by index
//! into `Text::lines`; a table row names the one line it renders to, so an
//! extractor that walks lines asks [`Text::row`](crate::normalize::Text::row)
//! for the cells of a line instead of splitting the line's text again.
//!
//! Every input builds the same model. PDF pages get their tables from
//! geometry (`layout`): cells hold their lines, their box and their words
//! (box, size, weight). Text and Markdown get theirs from the lines
//! ([`text_blocks`]): consecutive tab-separated lines are one table, as are
//! consecutive pipe-table lines (the `|---|` separator row belongs to the
//! table but is no row); `#` headings, list items (`-`, `*`, `+`, `•`, `1.`,
//! `1)`) and paragraphs are the other blocks. Only table cells keep words: a
//! long document's prose keeps its text alone, so memory stays the text's.

mod text;

use std::ops::Range;

use serde::Serialize;
use serde_json::{json, Value};

pub use text::text_blocks;

use crate::normalize::Text;

/// A rectangle on a page, in points, in upright page space: `x` grows to the
/// right and `y` downwards from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BoundingBox {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl BoundingBox {
    /// The smallest box holding both.
    pub fn union(self, other: Self) -> Self {
        Self {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The smallest box holding every box given, if any.
    pub fn enclosing(boxes: impl IntoIterator<Item = Self>) -> Option<Self> {
        boxes.into_iter().reduce(Self::union)
    }
}

/// A word drawn on a page: glyphs with no gap wider than a word space.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Word {
    /// The word's characters.
    pub text: String,
    /// Where it is drawn.
    pub bbox: BoundingBox,
    /// Font size, in points.
    pub size: f32,
    /// `Some(true)` when drawn in a bold face, `Some(false)` when regular,
    /// `None` when its glyphs do not tell (see `layout`'s weight pass).
    pub bold: Option<bool>,
}

/// Words drawn on one line for tests, each starting at its `x0` and
/// `char_width` points a character wide.
#[cfg(test)]
pub(crate) fn words_at(words: &[(&str, f32)], char_width: f32) -> Words {
    words
        .iter()
        .map(|&(word, x0)| Word {
            text: word.to_owned(),
            bbox: BoundingBox {
                x0,
                y0: 0.0,
                x1: x0 + char_width * word.chars().count() as f32,
                y1: 10.0,
            },
            size: 10.0,
            bold: None,
        })
        .collect()
}

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// 0-based column of the table.
    pub column: usize,
    /// The cell's lines when they are other than its text alone (see
    /// [`Cell::lines`]): most cells are one line, which their text already
    /// holds, and a long document's tables hold tens of thousands of cells.
    lines: Option<Box<CellLines>>,
    /// See [`Cell::text`], when it is other than the words joined by single
    /// spaces ([`Words::joined`]): a PDF cell's text mostly is, and a long
    /// document's cells would hold their characters twice.
    text: Option<Box<str>>,
    /// Where the cell's words are drawn (PDF only).
    pub bbox: Option<BoundingBox>,
    /// See [`Cell::words`].
    words: Words,
}

/// A cell's lines when they are other than its text alone.
#[derive(Debug, Clone, PartialEq)]
enum CellLines {
    /// The lines are the cell's text cut at single spaces: where each line
    /// but the last ends in the text (the commonest case, a title wrapped
    /// without hyphenation, costs no second copy of its characters).
    Cut(Box<[u32]>),
    /// The lines packed into one string: where each ends in `texts`.
    Packed { texts: Box<str>, ends: Box<[u32]> },
}

impl CellLines {
    /// The cut points of `lines` in `text` when `text` is `lines` joined by
    /// single spaces.
    fn cuts(lines: &[String], text: &str) -> Option<Box<[u32]>> {
        let mut rest = text;
        let mut at = 0;
        let mut cuts = Vec::with_capacity(lines.len().saturating_sub(1));
        for (index, line) in lines.iter().enumerate() {
            rest = rest.strip_prefix(line.as_str())?;
            at += line.len();
            if index + 1 < lines.len() {
                rest = rest.strip_prefix(' ')?;
                cuts.push(u32::try_from(at).ok()?);
                at += 1;
            }
        }
        rest.is_empty().then(|| cuts.into_boxed_slice())
    }

    /// `lines` packed into one string.
    fn packed(lines: &[String]) -> Self {
        let mut texts = String::with_capacity(lines.iter().map(String::len).sum());
        let ends = lines
            .iter()
            .map(|line| {
                texts.push_str(line);
                u32::try_from(texts.len()).unwrap_or(u32::MAX)
            })
            .collect();
        Self::Packed {
            texts: texts.into_boxed_str(),
            ends,
        }
    }

    fn len(&self) -> usize {
        match self {
            Self::Cut(cuts) => cuts.len() + 1,
            Self::Packed { ends, .. } => ends.len(),
        }
    }

    /// Line `index`, `text` being the cell's text.
    fn get<'a>(&'a self, text: &'a str, index: usize) -> Option<&'a str> {
        match self {
            Self::Cut(cuts) => {
                let start = match index.checked_sub(1) {
                    Some(before) => *cuts.get(before)? as usize + 1,
                    None => 0,
                };
                let end = match cuts.get(index) {
                    Some(&end) => end as usize,
                    None if index == cuts.len() => text.len(),
                    None => return None,
                };
                text.get(start..end)
            }
            Self::Packed { texts, ends } => packed_entry(texts, ends, index),
        }
    }
}

/// String `index` of strings packed end to end into `texts`, where `ends`
/// holds the end of each in order.
pub(crate) fn packed_entry<'a>(texts: &'a str, ends: &[u32], index: usize) -> Option<&'a str> {
    let end = *ends.get(index)? as usize;
    let start = index
        .checked_sub(1)
        .and_then(|before| ends.get(before))
        .map_or(0, |&end| end as usize);
    texts.get(start..end)
}

impl Cell {
    /// A cell of `column` drawn as `lines` (top to bottom) whose text, as the
    /// row's line shows it, is `text` (see `join_cell`).
    pub fn new(
        column: usize,
        lines: Vec<String>,
        text: String,
        bbox: Option<BoundingBox>,
        words: Words,
    ) -> Self {
        let mut cell = Self {
            column,
            lines: None,
            text: None,
            bbox,
            words,
        };
        cell.set_text(text);
        cell.set_lines(lines);
        cell
    }

    /// A cell of a text input: one line, no geometry.
    pub fn of_text(column: usize, text: &str) -> Self {
        Self::new(
            column,
            vec![text.to_owned()],
            text.to_owned(),
            None,
            Words::default(),
        )
    }

    /// The cell's lines, top to bottom (one for text inputs).
    pub fn lines(&self) -> Vec<&str> {
        let text = self.text();
        match &self.lines {
            None => vec![text],
            Some(lines) => (0..lines.len())
                .map(|index| lines.get(text, index).unwrap_or(""))
                .collect(),
        }
    }

    /// The lines joined with spaces, a word hyphenated across a line end
    /// rejoined: the cell's text as the row's line shows it. May be empty.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or_else(|| self.words.joined())
    }

    /// The cell's words, top to bottom and left to right (PDF only).
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// Replaces the cell's words; its text and lines stay as they are.
    pub fn set_words(&mut self, words: Words) {
        let text = self.text().to_owned();
        self.words = words;
        self.set_text(text);
    }

    /// Replaces the cell's text and each of its lines by `change` of it.
    pub(crate) fn map_texts(&mut self, change: impl Fn(&str) -> String) {
        let lines = self
            .lines
            .is_some()
            .then(|| self.lines().into_iter().map(&change).collect::<Vec<_>>());
        self.set_text(change(self.text()));
        self.lines = None;
        if let Some(lines) = lines {
            self.set_lines(lines);
        }
    }

    /// Stores `text`, nothing when it is the words joined.
    fn set_text(&mut self, text: String) {
        self.text = (text != self.words.joined()).then(|| text.into_boxed_str());
    }

    /// Stores `lines`, nothing when they are the text alone.
    fn set_lines(&mut self, lines: Vec<String>) {
        let text = self.text();
        self.lines = match lines.as_slice() {
            [line] if **line == *text => None,
            _ if lines.len() > 1 => match CellLines::cuts(&lines, text) {
                Some(cuts) => Some(Box::new(CellLines::Cut(cuts))),
                None => Some(Box::new(CellLines::packed(&lines))),
            },
            _ => Some(Box::new(CellLines::packed(&lines))),
        };
    }
}

impl Serialize for Cell {
    /// As the fields would: `column`, `lines`, `text`, `bbox`, `words`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Fields<'a> {
            column: usize,
            lines: Vec<&'a str>,
            text: &'a str,
            bbox: Option<BoundingBox>,
            words: &'a Words,
        }
        Fields {
            column: self.column,
            lines: self.lines(),
            text: self.text(),
            bbox: self.bbox,
            words: &self.words,
        }
        .serialize(serializer)
    }
}

/// A cell's words, packed in one buffer: per word its horizontal extent
/// and where its text ends, per run of words on one visual line its
/// vertical extent and size (words of a line share them), then the words'
/// texts joined by single spaces (mostly the cell's text, which is then
/// not held again: see [`Words::joined`]). A long document's table words are its most numerous item: this
/// costs 12 bytes a word and 16 a line where separate boxes and sizes took
/// 24 a word, and one allocation a cell instead of two (memory stays flat
/// in the page count). Built from [`Word`]s; read as [`WordRef`]s.
///
/// The layout, in little-endian `u32`s: the number of words `n` and of runs
/// `m`; `n` times `x0`, `x1` (bits) and `Words::END`-packed end and
/// weight; `m` times `y0`, `y1`, size (bits) and the index past the run's
/// last word; then the texts, a space between two. Empty when there is no
/// word.
/// Equality compares the stored bits.
#[derive(Clone, Default, PartialEq)]
pub struct Words {
    data: Box<[u8]>,
}

/// Words being packed into a [`Words`].
#[derive(Default)]
struct WordsPacker {
    words: Vec<[u32; 3]>,
    runs: Vec<[u32; 4]>,
    texts: String,
}

impl WordsPacker {
    /// Adds a word at the end: a run of its own unless the last word's
    /// vertical extent and size are its own, bit for bit.
    fn add(&mut self, text: &str, bbox: BoundingBox, size: f32, bold: Option<bool>) {
        if !self.words.is_empty() {
            self.texts.push(' ');
        }
        self.texts.push_str(text);
        // A cell's words never reach a gigabyte: past that the end
        // saturates, as a `u32` did.
        let end = u32::try_from(self.texts.len())
            .unwrap_or(u32::MAX)
            .min(Words::END);
        let weight = match bold {
            None => 0,
            Some(false) => Words::KNOWN,
            Some(true) => Words::KNOWN | Words::BOLD,
        };
        self.words
            .push([bbox.x0.to_bits(), bbox.x1.to_bits(), end | weight]);
        let line = [bbox.y0.to_bits(), bbox.y1.to_bits(), size.to_bits()];
        let count = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        match self.runs.last_mut() {
            Some(run) if run[..3] == line => run[3] = count,
            _ => self.runs.push([line[0], line[1], line[2], count]),
        }
    }

    fn finish(self) -> Words {
        if self.words.is_empty() {
            return Words::default();
        }
        let mut data =
            Vec::with_capacity(8 + 12 * self.words.len() + 16 * self.runs.len() + self.texts.len());
        let count = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let fields = [count(self.words.len()), count(self.runs.len())];
        let all = fields
            .iter()
            .chain(self.words.iter().flatten())
            .chain(self.runs.iter().flatten());
        for field in all {
            data.extend_from_slice(&field.to_le_bytes());
        }
        data.extend_from_slice(self.texts.as_bytes());
        Words {
            data: data.into_boxed_slice(),
        }
    }
}

/// A word of a cell, borrowed from its [`Words`]: the fields of a [`Word`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WordRef<'a> {
    /// The word's characters.
    pub text: &'a str,
    /// Where it is drawn.
    pub bbox: BoundingBox,
    /// Font size, in points.
    pub size: f32,
    /// As [`Word::bold`].
    pub bold: Option<bool>,
}

impl WordRef<'_> {
    /// The word as an owned [`Word`].
    pub fn to_word(&self) -> Word {
        Word {
            text: self.text.to_owned(),
            bbox: self.bbox,
            size: self.size,
            bold: self.bold,
        }
    }
}

impl Words {
    /// The low 30 bits of a word's third field: the end of its text.
    const END: u32 = (1 << 30) - 1;
    /// Bit 31: the weight is known; bit 30: it is bold.
    const KNOWN: u32 = 1 << 31;
    const BOLD: u32 = 1 << 30;

    /// The `u32` at byte `at` of the buffer (0 past its end).
    fn field(&self, at: usize) -> u32 {
        self.data
            .get(at..at + 4)
            .and_then(|bytes| bytes.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    }

    fn runs(&self) -> usize {
        self.field(4) as usize
    }

    /// Where the texts start in the buffer.
    fn texts_start(&self) -> usize {
        8 + 12 * self.len() + 16 * self.runs()
    }

    /// The end of word `index`'s text among the texts.
    fn end(&self, index: usize) -> usize {
        (self.field(8 + 12 * index + 8) & Self::END) as usize
    }

    /// The words' texts joined by single spaces (empty when there is no
    /// word).
    pub fn joined(&self) -> &str {
        self.data
            .get(self.texts_start().min(self.data.len())..)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or("")
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.field(0) as usize
    }

    /// Whether there is no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The words in order.
    pub fn iter(&self) -> WordsIter<'_> {
        WordsIter {
            words: self,
            next: 0,
        }
    }

    /// Word `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<WordRef<'_>> {
        if index >= self.len() {
            return None;
        }
        let at = 8 + 12 * index;
        let packed = self.field(at + 8);
        // Past the space after the word before.
        let start = index
            .checked_sub(1)
            .map_or(0, |before| self.end(before) + 1);
        let texts = self.texts_start();
        let text = self
            .data
            .get(texts + start..texts + (packed & Self::END) as usize)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or("");
        let runs = 8 + 12 * self.len();
        let run = (0..self.runs())
            .map(|run| runs + 16 * run)
            .find(|&run| self.field(run + 12) as usize > index)?;
        Some(WordRef {
            text,
            bbox: BoundingBox {
                x0: f32::from_bits(self.field(at)),
                y0: f32::from_bits(self.field(run)),
                x1: f32::from_bits(self.field(at + 4)),
                y1: f32::from_bits(self.field(run + 4)),
            },
            size: f32::from_bits(self.field(run + 8)),
            bold: (packed & Self::KNOWN != 0).then_some(packed & Self::BOLD != 0),
        })
    }

    /// The first word.
    pub fn first(&self) -> Option<WordRef<'_>> {
        self.get(0)
    }

    /// Adds a word at the end (packing every word anew: for a few words;
    /// many are collected).
    pub fn push(&mut self, word: &Word) {
        let mut packer = WordsPacker::default();
        for old in self.iter() {
            packer.add(old.text, old.bbox, old.size, old.bold);
        }
        packer.add(&word.text, word.bbox, word.size, word.bold);
        *self = packer.finish();
    }

    /// The same words, each text replaced by `change` of it.
    pub fn map_texts(&self, change: impl Fn(&str) -> String) -> Self {
        let mut packer = WordsPacker::default();
        for word in self {
            packer.add(&change(word.text), word.bbox, word.size, word.bold);
        }
        packer.finish()
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl FromIterator<Word> for Words {
    fn from_iter<I: IntoIterator<Item = Word>>(iter: I) -> Self {
        let mut packer = WordsPacker::default();
        for word in iter {
            packer.add(&word.text, word.bbox, word.size, word.bold);
        }
        packer.finish()
    }
}

impl From<Vec<Word>> for Words {
    fn from(words: Vec<Word>) -> Self {
        words.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = WordRef<'a>;
    type IntoIter = WordsIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The words of a [`Words`], in order.
#[derive(Debug, Clone)]
pub struct WordsIter<'a> {
    words: &'a Words,
    next: usize,
}

impl<'a> Iterator for WordsIter<'a> {
    type Item = WordRef<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let word = self.words.get(self.next)?;
        self.next += 1;
        Some(word)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.words.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for WordsIter<'_> {}

impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// One logical row of a table, rendered as one line of the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Index of the line this row renders to (into `Text::lines`, or into
    /// the page's lines before the document is assembled).
    pub line: usize,
    /// The row's cells, one per column up to its last filled one, in column
    /// order. The row's line is their texts joined by tabs.
    pub cells: Vec<Cell>,
    /// Where the row's words are drawn (PDF only).
    pub bbox: Option<BoundingBox>,
}

/// A table: rows of cells in columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Number of columns (the most cells of any row).
    pub columns: usize,
    /// Rows, top to bottom.
    pub rows: Vec<Row>,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    /// Running prose.
    Paragraph,
    /// A heading (a Markdown `#` heading).
    Heading {
        /// 1 for `#`, up to 6.
        level: u8,
    },
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A table.
    Table(Table),
}

/// Consecutive lines that belong together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// What the lines are.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// The block's lines: indices into `Text::lines` (or into the page's
    /// lines before the document is assembled). Blank lines around a block
    /// are not part of it; a table's separator row is.
    pub lines: Range<usize>,
    /// Where the block is drawn (PDF tables only).
    pub bbox: Option<BoundingBox>,
}

impl Block {
    /// The block's table, if it is one.
    pub fn table(&self) -> Option<&Table> {
        match &self.kind {
            BlockKind::Table(table) => Some(table),
            _ => None,
        }
    }

    /// The block's table, to change.
    pub fn table_mut(&mut self) -> Option<&mut Table> {
        match &mut self.kind {
            BlockKind::Table(table) => Some(table),
            _ => None,
        }
    }

    /// Gives back the spare capacity of the block's table: its rows and
    /// their cells (a cell's text and words are boxed). A laid-out page is held until
    /// the document's statistics settle, and then for the document's life,
    /// so the slack of vectors grown by pushing (or collected in place from
    /// larger items) would grow with the page count.
    pub(crate) fn shrink_to_fit(&mut self) {
        if let BlockKind::Table(table) = &mut self.kind {
            table.rows.shrink_to_fit();
            for row in &mut table.rows {
                row.cells.shrink_to_fit();
            }
        }
    }

    /// The same block with every line index moved by `offset` (page lines
    /// to document lines).
    pub fn shifted(mut self, offset: usize) -> Self {
        self.lines = self.lines.start + offset..self.lines.end + offset;
        if let BlockKind::Table(table) = &mut self.kind {
            for row in &mut table.rows {
                row.line += offset;
            }
        }
        self
    }
}

/// A table of rows, its column count taken from the rows.
pub fn table(rows: Vec<Row>) -> Table {
    let columns = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
    Table { columns, rows }
}

/// The page model of a document as JSON, for reading what the extractors
/// see (`planex pages FILE`): every block with its kind, page, first and
/// last line numbers and its lines' text; a table with its rows, each row's
/// line number and cells (lines, text, box and words where drawn).
pub fn to_json(text: &Text) -> Value {
    let blocks: Vec<Value> = text
        .blocks
        .iter()
        .map(|block| {
            let lines = text.lines.get(block.lines.clone()).unwrap_or_default();
            let mut value = json!({
                "page": lines.first().map(|line| line.page),
                "first_line": lines.first().map(|line| line.number),
                "last_line": lines.iter().next_back().map(|line| line.number),
                "bbox": block.bbox,
            });
            match &block.kind {
                BlockKind::Table(table) => {
                    let rows: Vec<Value> = table
                        .rows
                        .iter()
                        .map(|row| {
                            json!({
                                "line": text.lines.get(row.line).map(|line| line.number),
                                "bbox": row.bbox,
                                "cells": row.cells,
                            })
                        })
                        .collect();
                    value["kind"] = json!("table");
                    value["columns"] = json!(table.columns);
                    value["rows"] = json!(rows);
                }
                kind => {
                    if let (Value::Object(fields), Ok(Value::Object(kind))) =
                        (&mut value, serde_json::to_value(kind))
                    {
                        fields.extend(kind);
                    }
                    let texts: Vec<&str> = lines.iter().map(|line| line.text).collect();
                    value["text"] = json!(texts);
                }
            }
            value
        })
        .collect();
    json!({ "blocks": blocks })
}

/// Joins the lines of one cell with spaces. A line ending in a hyphen after a
/// letter or digit continues on the next line without a space: before a
/// lower-case letter the hyphen was a word break and goes (`acontecimien-` +
/// `tos`), before anything else it is part of the text and stays (`2018-` +
/// `2019`, `Bruselas-` + `Capital`). Likewise a line ending in a slash glued
/// to a letter or digit: typesetters break lines after a slash inside a word
/// (`y/` + `o urbana`, `and/` + `or`, a web address), while a slash that
/// stands alone (`anual /` + `Annual`) was followed by a space.
pub(crate) fn join_cell<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        let continues_word = line.chars().next().is_some_and(char::is_lowercase);
        let after_slash = out
            .strip_suffix('/')
            .is_some_and(|stem| stem.chars().next_back().is_some_and(char::is_alphanumeric))
            && line.chars().next().is_some_and(char::is_alphanumeric);
        match out.strip_suffix('-') {
            _ if after_slash => {}
            Some(stem) if stem.chars().next_back().is_some_and(char::is_alphanumeric) => {
                let letter = stem.chars().next_back().is_some_and(char::is_alphabetic);
                if continues_word && letter {
                    out.truncate(stem.len());
                }
            }
            _ if out.is_empty() => {}
            _ => out.push(' '),
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f32, bold: Option<bool>) -> Word {
        Word {
            text: text.to_owned(),
            bbox: BoundingBox {
                x0,
                y0: 10.0,
                x1: x0 + 5.0,
                y1: 20.0,
            },
            size: 9.5,
            bold,
        }
    }

    #[test]
    fn cell_lines_read_back_as_given_whether_cut_from_the_text_or_packed() {
        let cases: [(&[&str], &str); 7] = [
            (&["Informe de", "actividades"], "Informe de actividades"),
            (&["acontecimien-", "tos"], "acontecimientos"),
            (&["", "Año"], " Año"),
            (&["Ende", ""], "Ende "),
            (&["one"], "one"),
            (&["one"], "another"),
            (&[], ""),
        ];
        for (lines, text) in cases {
            let owned: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
            let cell = Cell::new(2, owned.clone(), text.to_owned(), None, Words::default());
            let expected: Vec<&str> = if owned.len() == 1 && owned[0] == text {
                vec![text]
            } else {
                lines.to_vec()
            };
            assert_eq!(cell.lines(), expected, "{lines:?} in {text:?}");
            assert_eq!(cell.text(), text);
            let mut mapped = cell.clone();
            mapped.map_texts(|t| t.to_uppercase());
            let upper: Vec<String> = expected.iter().map(|l| l.to_uppercase()).collect();
            assert_eq!(mapped.lines(), upper, "{lines:?} in {text:?}, mapped");
        }
    }

    #[test]
    fn packed_words_read_back_as_built_and_serialize_as_words() {
        let built = vec![
            word("L1M2D3", 1.0, Some(true)),
            word("", 2.0, None),
            word("Año", 3.0, Some(false)),
        ];
        let words = Words::from(built.clone());
        assert_eq!(words.len(), 3);
        let read: Vec<Word> = words.iter().map(|word| word.to_word()).collect();
        assert_eq!(read, built);
        assert_eq!(words.get(2).map(|word| word.text), Some("Año"));
        assert!(words.get(3).is_none());
        assert_eq!(
            serde_json::to_value(&words).ok(),
            serde_json::to_value(&built).ok()
        );
        let upper = words.map_texts(|text| text.to_uppercase());
        let texts: Vec<&str> = upper.iter().map(|word| word.text).collect();
        assert_eq!(texts, ["L1M2D3", "", "AÑO"]);
        assert_eq!(upper.get(2).map(|word| word.bbox.x0), Some(3.0));
    }

    #[test]
    fn words_of_several_lines_and_sizes_keep_each_words_geometry() {
        let mut second_line = word("dos", 1.0, Some(true));
        second_line.bbox.y0 = 22.0;
        second_line.bbox.y1 = 31.5;
        let mut smaller = second_line.clone();
        smaller.text = "tres".to_owned();
        smaller.size = 7.0;
        let mut back = word("uno", 9.0, None);
        back.bbox.x1 = 40.25;
        let built = vec![
            word("un", 1.0, None),
            word("día", 6.5, Some(false)),
            second_line,
            smaller.clone(),
            back,
        ];
        let words = Words::from(built.clone());
        let read: Vec<Word> = words.iter().map(|word| word.to_word()).collect();
        assert_eq!(read, built);
        // Four runs: the first line, the second in two sizes, the first
        // again; the texts joined by four spaces.
        let texts: usize = built.iter().map(|word| word.text.len()).sum();
        assert_eq!(words.data.len(), 8 + 12 * 5 + 16 * 4 + texts + 4);
        assert_eq!(words.joined(), "un día dos tres uno");
        assert_eq!(std::mem::size_of::<Words>(), 16);
        let mut pushed: Words = built[..3].iter().cloned().collect();
        pushed.push(&smaller);
        pushed.push(&built[4]);
        assert_eq!(pushed, words);
        assert_eq!(format!("{:?}", Words::default()), "[]");
        assert!(Words::default().get(0).is_none());
        assert_eq!(Words::default().joined(), "");
    }

    #[test]
    fn a_cell_holds_its_text_apart_only_when_its_words_joined_are_another() {
        let words = || Words::from(vec![word("Plan", 1.0, None), word("2024", 9.0, None)]);
        let lines = |lines: &[&str]| lines.iter().map(|line| (*line).to_owned()).collect();
        let joined = Cell::new(
            0,
            lines(&["Plan", "2024"]),
            "Plan 2024".to_owned(),
            None,
            words(),
        );
        assert!(joined.text.is_none());
        assert_eq!(joined.text(), "Plan 2024");
        assert_eq!(joined.lines(), ["Plan", "2024"]);
        let rejoined = Cell::new(
            0,
            lines(&["Plan-", "2024"]),
            "Plan2024".to_owned(),
            None,
            words(),
        );
        assert_eq!(rejoined.text.as_deref(), Some("Plan2024"));
        // New words leave the text as it was, whichever way it was held.
        for cell in [joined, rejoined] {
            let text = cell.text().to_owned();
            let mut moved = cell.clone();
            moved.set_words(Words::from(vec![word("other", 3.0, None)]));
            assert_eq!(moved.text(), text);
            assert_eq!(moved.lines(), cell.lines());
            moved.set_words(words());
            assert_eq!(moved, cell, "the same words give the same cell");
        }
        let mut upper = Cell::new(
            0,
            lines(&["Plan 2024"]),
            "Plan 2024".to_owned(),
            None,
            words(),
        );
        upper.map_texts(|text| text.to_uppercase());
        assert_eq!(
            (upper.text(), upper.lines()),
            ("PLAN 2024", vec!["PLAN 2024"])
        );
        assert_eq!(upper.words().joined(), "Plan 2024");
    }
}
