//! Running text: headers, footers and page numbers that recur in the page
//! margins across pages, and producers' imprints set far smaller than the
//! body in the margins.

use std::collections::BTreeMap;

use super::lines::TextLine;
use super::thresholds::*;
use crate::read::GlyphPage;

/// The keys (text with digit runs as `#`) of lines that run across pages.
pub(super) fn running_keys(pages: &[&GlyphPage], lined: &[Vec<TextLine>]) -> Vec<String> {
    let mut counts = RunningCounts::default();
    for (page, lines) in pages.iter().zip(lined) {
        counts.add_page(&margin_keys(page, lines), !lines.is_empty());
    }
    counts.running_keys()
}

/// The distinct keys of a page's [`margin_lines`], sorted.
pub(super) fn margin_keys(page: &GlyphPage, lines: &[TextLine]) -> Vec<String> {
    let mut keys: Vec<String> = margin_lines(page, lines)
        .map(|line| running_key(&line.plain()))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// On how many pages each margin key occurs, and how many pages have text:
/// what [`running_keys`] are decided from, page by page.
#[derive(Debug, Clone, Default)]
pub(super) struct RunningCounts {
    pages_with: BTreeMap<String, usize>,
    pages_with_text: usize,
}

impl RunningCounts {
    /// Counts one more page: its [`margin_keys`], and whether it has lines.
    pub(super) fn add_page(&mut self, keys: &[String], has_lines: bool) {
        if has_lines {
            self.pages_with_text += 1;
        }
        for key in keys {
            match self.pages_with.get_mut(key) {
                Some(count) => *count += 1,
                None => {
                    self.pages_with.insert(key.clone(), 1);
                }
            }
        }
    }

    /// The keys that run across the pages counted: on two pages at least
    /// and on 40 % of the pages with text.
    pub(super) fn running_keys(&self) -> Vec<String> {
        self.pages_with
            .iter()
            .filter(|(key, &count)| {
                !key.is_empty() && count >= 2 && count * 5 >= self.pages_with_text * 2
            })
            .map(|(key, _)| key.clone())
            .collect()
    }
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

/// Whether a line of a page is running text: in the page's margins, with
/// a running key, or set far smaller than the page's body text (at most
/// [`TINY_RUNNING`] of `body`, its lines' median size): a producer's imprint
/// at the page foot (`Powered by …` at 1 pt), which may run on one page only.
pub(super) fn is_running(page: &GlyphPage, line: &TextLine, running: &[String], body: f32) -> bool {
    in_margins(page, line)
        && ((!running.is_empty() && running.contains(&running_key(&line.plain())))
            || line.size <= TINY_RUNNING * body)
}

/// True when a line lies in the top or bottom margin zone of its page, where
/// running text is looked for.
pub(super) fn in_margins(page: &GlyphPage, line: &TextLine) -> bool {
    let top = page.height * MARGIN_ZONE;
    let bottom = page.height * (1.0 - MARGIN_ZONE);
    line.y <= top || line.y >= bottom
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::words::Word;

    fn line(y: f32, size: f32, text: &str) -> TextLine {
        TextLine {
            y,
            size,
            words: vec![Word::unweighed(
                text.to_owned(),
                50.0,
                50.0 + size * 4.0,
                size,
            )],
        }
    }

    #[test]
    fn an_imprint_far_smaller_than_the_body_in_the_margins_is_running_text() {
        let page = GlyphPage {
            width: 595.0,
            height: 842.0,
            ..GlyphPage::default()
        };
        // Body at 10 pt: a 1 pt imprint at the page foot is running text
        // on its own page, with no running key; the same line in the body,
        // or a footnote at 8 pt at the foot, is not.
        assert!(is_running(&page, &line(840.0, 1.0, "Powered"), &[], 10.0));
        assert!(!is_running(&page, &line(400.0, 1.0, "Powered"), &[], 10.0));
        assert!(!is_running(&page, &line(830.0, 8.0, "Note"), &[], 10.0));
        let keys = vec![running_key("Page 3")];
        assert!(is_running(&page, &line(830.0, 8.0, "Page 4"), &keys, 10.0));
    }
}
