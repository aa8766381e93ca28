//! Every distance and ratio the layout passes decide by, in one place.

/// Gap, in multiples of the font size, above which two glyphs are separate words.
pub(super) const WORD_GAP: f32 = 0.15;
/// Glyphs of one size whose baselines differ by more than this, in font
/// sizes, are never one word (see `words`).
pub(super) const WORD_BASELINE: f32 = 0.25;
/// A glyph starting more than this many font sizes before the advance of
/// the glyph before it ends is no letter of the same word (kerning pulls a
/// glyph back a seventh of an em at most; see `words`).
pub(super) const WORD_OVERLAP: f32 = 0.18;
/// Two digits whose origins are at most this multiple of the first digit's
/// usual advance apart belong to one number (a bold digit's stated advance
/// may be too narrow; a space after a digit adds at least a fifth of an em).
pub(super) const DIGIT_PITCH: f32 = 1.2;
/// Fewest dots in a row that make a dot leader.
pub(super) const LEADER_RUN: usize = 4;
/// A stated advance above this multiple of the font size is impossible.
pub(super) const MAX_ADVANCE: f32 = 2.0;
/// The advance, in multiples of the font size, of a glyph whose stated
/// advance is unusable and whose character the document never states: a
/// digit's, about the widest common advance, so a number stays whole while a
/// space after it (a third of an em more) still breaks.
pub(super) const UNSTATED_ADVANCE: f32 = 0.65;
/// Gap, in multiples of the font size, above which two words are in separate
/// chunks (table cells, columns).
pub(super) const CELL_GAP: f32 = 1.2;
/// Two gaps of a line within this many font sizes of each other are the
/// same stretched space of justified text (justification adds the same width
/// to every gap of a line).
pub(super) const JUSTIFIED_SPREAD: f32 = 0.12;
/// Two gaps within this many font sizes of each other are one word space
/// (a face draws every space alike; reading keeps positions to a hundredth
/// of a point).
pub(super) const SAME_SPACE: f32 = 0.02;
/// A plain (unstretched) word space is at most this many font sizes wide
/// (most faces set it at a quarter to a third of an em, monospaced faces
/// at 0.6).
pub(super) const PLAIN_SPACE: f32 = 0.65;
/// Two word pitches (origin to origin) further apart than this many font
/// sizes come from words of different widths: what justified text has and
/// equal columns of equal tokens do not.
pub(super) const JUSTIFIED_PITCH: f32 = 0.3;
/// Smallest gap, in multiples of the font size, before a word that lands on a
/// known column edge for the line to be split there (narrow gutters).
pub(super) const GUTTER_GAP: f32 = 0.55;
/// A gap narrower than a cell gap starts a column (when aligned on
/// several lines) only when it is this many times the line's word space:
/// a monospaced face's space (0.6 em) is as wide as a narrow gutter.
pub(super) const NARROW_GUTTER: f32 = 1.25;
/// A gap is a gutter narrower than a word space when every word space of
/// its line, on either side, is at least this many times as wide (a face's
/// space is a quarter to a third of an em, a tight cell's padding a tenth).
pub(super) const BELOW_SPACES: f32 = 1.6;
/// A line's last word is a mark set against its title when the gap before
/// it is narrower than this share of every other gap of the line (a word
/// space): a title set flush right against the mark column.
pub(super) const TIGHT_MARK: f32 = 0.9;
/// Fewest lines whose tight marks start at one x for that x to be a mark
/// column's edge.
pub(super) const TIGHT_MARKS: usize = 3;
/// Marks of one column start within this many font sizes of each other
/// (one x when set flush left; centred marks of different widths, a
/// fraction of an em apart).
pub(super) const MARK_EDGE_SPREAD: f32 = 0.25;
/// Word spaces a line needs on each side of such a gap.
pub(super) const SPACES_AROUND: usize = 2;
/// A vertical ruling is at most this many font sizes wide (wider, it is a
/// fill).
pub(super) const RULING_WIDTH: f32 = 0.5;
/// Baselines closer than this fraction of the font size are the same line.
pub(super) const SAME_LINE: f32 = 0.45;
/// Two lines whose baselines are closer than this many font sizes (and
/// further than [`SAME_LINE`]) are not consecutive lines of one column:
/// side by side, they are the lines of two cells whose baselines alternate
/// (see `TextLine::beside`).
pub(super) const INTERLEAVED_PITCH: f32 = 0.9;
/// Two left edges closer than this fraction of the font size are one column edge.
pub(super) const EDGE_TOLERANCE: f32 = 0.8;
/// A vertical gap above this multiple of the font size ends a table.
pub(super) const TABLE_BREAK: f32 = 3.5;
/// Within a column, a line pitch above this multiple of the column's usual
/// pitch starts a new cell.
pub(super) const BLOCK_BREAK: f32 = 1.42;
/// A line without wide gaps spanning this share of the page's text width is prose.
pub(super) const PROSE_WIDTH: f32 = 0.6;
/// Narrowest gutter between two page columns, in font sizes.
pub(super) const PAGE_GUTTER: f32 = 1.0;
/// A run of lines beside a page gutter may cross it on one line in this
/// many (a word set too wide for its narrow column runs into the gutter).
pub(super) const PAGE_GUTTER_STRAYS: usize = 25;
/// A word set too wide for its page column may run this many font sizes
/// past the gutter after it (into the next column's first letters, as a
/// table wider than its column overprints them) and still be its column's,
/// where most lines leave the gutter wholly clear (see `columns`).
pub(super) const PAGE_OVERFLOW: f32 = 1.5;
/// Fewest lines on each side of a page gutter.
pub(super) const PAGE_COLUMN_LINES: usize = 5;
/// A side of a page gutter holds a table of its own when at least one line
/// in this many has a cell gap (cells wrap over many lines in a narrow
/// page column).
pub(super) const PAGE_TABLE_SHARE: usize = 12;
/// Fewest anchors of one shape on each side of a page gutter that a table
/// flows through (see `order::flows_through`).
pub(super) const FLOW_ANCHORS: usize = 2;
/// Fewest lines of a run that open with a code at one place, right of its
/// left margin, for that place to be a column edge (see `code_edges`).
pub(super) const CODE_EDGE_LINES: usize = 2;
/// Fewest lines of a run that open at one place right of its left margin
/// and go on into its later columns, for that place to be a column edge
/// when those lines open with no code (see `code_edges`): two rows could
/// be a wrapped cell's indented lines by chance.
pub(super) const INDENTED_ROW_LINES: usize = 3;
/// Fewest prose lines of a page column that run across the gutter of a
/// table set in that column (see `order::table_in_prose`).
pub(super) const PAGE_COLUMN_PROSE_LINES: usize = 3;
/// A line in the page margins set at most this share of the page's usual
/// line size is running text (a producer's imprint), however seldom it runs.
pub(super) const TINY_RUNNING: f32 = 0.4;
/// Running texts live in this fraction of the page height at the top and bottom.
pub(super) const MARGIN_ZONE: f32 = 0.07;
/// A letter is drawn heavy (bold) when its advance per unit of font size
/// exceeds the usual advance of that letter in the document by this factor:
/// bold faces are 5 to 25 % wider (Helvetica `r` 333 → 389, DejaVu Sans `i`
/// 278 → 343 thousandths of an em), while one face's advances never vary.
pub(super) const HEAVY: f32 = 1.04;
/// A bold run goes on to the next line when the baselines are at most this
/// multiple of the font size apart (line pitch or a paragraph's spacing,
/// not a gap that sets a block apart).
pub(super) const BOLD_BLOCK_PITCH: f32 = 2.0;
/// Two prose lines are separate paragraphs (a blank line between them, as in
/// the text a PDF was made from) when their baselines are further apart than
/// this multiple of the font size, and than [`PARAGRAPH_PITCH`] times the
/// page's usual line pitch: single-spaced text sets lines about 1.2 sizes
/// apart and adds spacing between paragraphs; a page set wider throughout
/// raises the bar with it.
pub(super) const PARAGRAPH_GAP: f32 = 1.45;
/// See [`PARAGRAPH_GAP`].
pub(super) const PARAGRAPH_PITCH: f32 = 1.2;
/// Two font sizes within this factor are the same size.
pub(super) const SAME_SIZE: f32 = 1.1;
/// No bold face widens a character by more than this factor.
pub(super) const BOLDEST: f32 = 1.35;
/// Bullets that open list items: drawn in the text's face, never part of a
/// bold run.
pub(super) const BULLETS: [&str; 7] = ["•", "◦", "▪", "●", "–", "-", "·"];

/// How far a word's box reaches above its baseline, in font sizes (the
/// ascent of most faces).
pub(super) const WORD_ASCENT: f32 = 0.8;

/// How far a word's box reaches below its baseline, in font sizes.
pub(super) const WORD_DESCENT: f32 = 0.2;

/// Two lines within this many em of each other stand on one baseline (the
/// lines of one table row's cells, drawn by one producer).
pub(super) const ROW_BASELINE: f32 = 0.3;
/// Fewest anchor lines on one side of a page gutter for the two sides to
/// be one table's columns when nine in ten of them have a line of the other
/// side on their baseline.
pub(super) const ANSWERED_ANCHORS: usize = 3;
/// Horizontal ruling segments on baselines this many points apart, and
/// ending this close to where the next starts, are one ruling drawn cell by
/// cell (a stroke's width, with room).
pub(super) const JOINED_RULING: f32 = 1.5;

/// A glyph at most this share of the size of the glyph it is glued to, and
/// raised by at least [`SUPERSCRIPT_RISE`] of that size, is a superscript:
/// word processors and browsers set superscripts at 58 to 70 % (a smaller
/// glyph on the same baseline is a change of size, not a superscript).
pub(super) const SUPERSCRIPT_SIZE: f32 = 0.8;

/// See [`SUPERSCRIPT_SIZE`]: producers raise superscripts by a third of an
/// em; a fifth leaves room for tighter settings, far above the jitter of
/// one baseline.
pub(super) const SUPERSCRIPT_RISE: f32 = 0.2;

/// A one-digit note call glued to a word may be set this large (a tenth
/// smaller than the word) and still be a superscript (see `words`).
pub(super) const NOTE_CALL_SIZE: f32 = 0.92;

/// See [`NOTE_CALL_SIZE`]: a note call is raised by at most this share of
/// its word's size (producers raise by a third to a half of an em).
pub(super) const NOTE_CALL_RISE: f32 = 0.6;
/// Fewest lines of a page that must open on a number for a column of margin
/// line numbers (drafts and legal texts number every line or every fifth).
pub(super) const LINE_NUMBER_LINES: usize = 4;
/// Least gap, in multiples of a line number's size, between the column of
/// margin line numbers and the leftmost text of its page.
pub(super) const LINE_NUMBER_GAP: f32 = 1.0;
/// Margin line numbers are aligned (on their right or their left edge) to
/// within this multiple of their size.
pub(super) const LINE_NUMBER_ALIGN: f32 = 0.3;
/// Margin line numbers are set smaller than the text they number: at most
/// this multiple of its size (a table's row numbers are set as its text).
pub(super) const LINE_NUMBER_SIZE: f32 = 0.9;
/// The tail of a code cut inside its cell lies at most this many font sizes
/// below the head (a cell's line pitch is 1.1 to 1.3 em; a paragraph
/// further down is no wrap).
pub(super) const CUT_PITCH: f32 = 1.6;
/// The tail of a cut code starts within this many font sizes of the head's
/// left edge: both open the cell's lines at the column's edge.
pub(super) const CUT_EDGE: f32 = 0.3;
