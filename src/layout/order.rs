//! Reading order: the kept lines of a page as text, tables as rows in place
//! and prose with its paragraph breaks.

use super::columns::DocumentColumns;
use super::lines::TextLine;
use super::tables::find_regions;
use super::thresholds::*;
use super::weight::marked_prose;

/// Lays out the kept lines of one page.
///
/// Bold runs of prose lines come out as Markdown `**…**`, so the extractors
/// read a PDF's emphasis as they read a Markdown file's; table rows stay
/// plain, as the extractors of tables expect.
pub(super) fn render(lines: &[TextLine], document: &DocumentColumns) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut prose: Vec<&TextLine> = Vec::new();
    let mut index = 0;
    let mut regions = find_regions(lines, document).into_iter().peekable();
    let pitch = usual_pitch(lines);
    while index < lines.len() {
        match regions.next_if(|region| region.first == index) {
            Some(region) => {
                out.extend(marked_prose(&prose, pitch));
                prose.clear();
                out.extend(region.rows.into_iter().map(|(_, row)| row));
                index = region.last + 1;
            }
            None => {
                prose.extend(lines.get(index));
                index += 1;
            }
        }
    }
    out.extend(marked_prose(&prose, pitch));
    let mut text = String::new();
    for line in out {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Whether `below` starts a new paragraph after `above` (see [`PARAGRAPH_GAP`]).
pub(super) fn starts_paragraph(above: &TextLine, below: &TextLine, usual_pitch: f32) -> bool {
    let size = above.size.max(below.size);
    let pitch = (below.y - above.y) / size;
    pitch > PARAGRAPH_GAP && pitch > PARAGRAPH_PITCH * usual_pitch
}

/// The page's usual line pitch, in font sizes: the lower quartile of the
/// pitches between consecutive lines of one size, so that a page of many
/// short paragraphs still shows its line spacing; 0 when no two lines follow.
pub(super) fn usual_pitch(lines: &[TextLine]) -> f32 {
    let mut pitches: Vec<f32> = lines
        .windows(2)
        .filter_map(|pair| {
            let (above, below) = (pair.first()?, pair.get(1)?);
            let (small, large) = (above.size.min(below.size), above.size.max(below.size));
            (large <= small * SAME_SIZE && small > 0.0).then(|| (below.y - above.y) / large)
        })
        .filter(|pitch| pitch.is_finite() && *pitch > 0.0)
        .collect();
    pitches.sort_by(f32::total_cmp);
    pitches.get(pitches.len() / 4).copied().unwrap_or(0.0)
}
