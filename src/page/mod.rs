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

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// 0-based column of the table.
    pub column: usize,
    /// The cell's lines, top to bottom (one for text inputs).
    pub lines: Vec<String>,
    /// The lines joined with spaces, a word hyphenated across a line end
    /// rejoined: the cell's text as the row's line shows it. May be empty.
    pub text: String,
    /// Where the cell's words are drawn (PDF only).
    pub bbox: Option<BoundingBox>,
    /// The cell's words, top to bottom and left to right (PDF only).
    pub words: Vec<Word>,
}

impl Cell {
    /// A cell of a text input: one line, no geometry.
    pub fn of_text(column: usize, text: &str) -> Self {
        Self {
            column,
            lines: vec![text.to_owned()],
            text: text.to_owned(),
            bbox: None,
            words: Vec::new(),
        }
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
                "last_line": lines.last().map(|line| line.number),
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
                    let texts: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
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
/// `2019`, `Bruselas-` + `Capital`).
pub(crate) fn join_cell(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let continues_word = line.chars().next().is_some_and(char::is_lowercase);
        match out.strip_suffix('-') {
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
