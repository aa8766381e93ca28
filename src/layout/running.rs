//! Running text: headers, footers and page numbers that recur in the page
//! margins across pages.

use std::collections::BTreeMap;

use super::lines::TextLine;
use super::thresholds::*;
use crate::read::GlyphPage;

/// The keys (text with digit runs as `#`) of lines that run across pages.
pub(super) fn running_keys(pages: &[&GlyphPage], lined: &[Vec<TextLine>]) -> Vec<String> {
    let mut pages_with: BTreeMap<String, usize> = BTreeMap::new();
    let mut pages_with_text = 0;
    for (page, lines) in pages.iter().zip(lined) {
        if !lines.is_empty() {
            pages_with_text += 1;
        }
        let mut keys: Vec<String> = margin_lines(page, lines)
            .map(|line| running_key(&line.plain()))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *pages_with.entry(key).or_default() += 1;
        }
    }
    pages_with
        .into_iter()
        .filter(|(key, count)| !key.is_empty() && *count >= 2 && *count * 5 >= pages_with_text * 2)
        .map(|(key, _)| key)
        .collect()
}

/// The first two and last two lines of a page, when they lie in its margins.
pub(super) fn margin_lines<'a>(
    page: &GlyphPage,
    lines: &'a [TextLine],
) -> impl Iterator<Item = &'a TextLine> {
    let top = page.height * MARGIN_ZONE;
    let bottom = page.height * (1.0 - MARGIN_ZONE);
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .filter(move |(index, line)| {
            (*index < 2 && line.y <= top) || (*index + 2 >= count && line.y >= bottom)
        })
        .map(|(_, line)| line)
}

pub(super) fn is_running(page: &GlyphPage, line: &TextLine, running: &[String]) -> bool {
    if running.is_empty() {
        return false;
    }
    let top = page.height * MARGIN_ZONE;
    let bottom = page.height * (1.0 - MARGIN_ZONE);
    (line.y <= top || line.y >= bottom) && running.contains(&running_key(&line.plain()))
}

/// The shape of a running text: lower case, digit runs as `#`, whitespace
/// collapsed, so `Página 12` and `página 13` are the same (`página #`).
pub fn running_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            key.extend(c.to_lowercase());
        }
    }
    key
}
