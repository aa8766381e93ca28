//! A pattern with Unicode word boundaries behind a cheap probe.
//!
//! The regex crate runs a pattern on its lazy DFA unless the pattern holds a
//! Unicode word boundary (`\b`, `\B`) and the text is not ASCII: then it falls
//! back to its backtracker or PikeVM, ten to a hundred times slower. Lexicon
//! patterns are `\b…\b` around accented words, run on every line of a
//! document, and most lines hold none of the words. A [`Probed`] pattern first
//! runs the same pattern with its word boundaries taken out (the probe), which
//! the DFA runs on any text: every match of the whole pattern is a match of
//! the probe (an assertion taken out only widens what matches), so a line the
//! probe does not match is no match, and the whole pattern runs only on the
//! few lines the probe lets through. Results are those of the whole pattern.

use std::borrow::Cow;

use regex::{CaptureMatches, Captures, Match, Matches, Regex};

use super::narrowed::Narrowed;

/// A compiled pattern and, when it holds word boundaries, its probe.
#[derive(Debug, Clone)]
pub struct Probed {
    whole: Narrowed,
    /// The pattern without its word boundaries, when it has any, compiled
    /// the first time a text that is not ASCII needs it: on ASCII text the
    /// whole pattern runs on the DFA already, and a run that meets no
    /// accented line pays no compile.
    probe: Option<Narrowed>,
}

impl Probed {
    /// `pattern` and its probe (none when the pattern has no word boundary
    /// to take out, or the probe does not compile), each compiled when first
    /// needed for the texts of its kind ([`Narrowed`]). A pattern that does
    /// not compile matches nothing.
    pub fn new(pattern: &str) -> Probed {
        Probed {
            whole: Narrowed::new(pattern.to_owned()),
            probe: without_boundaries(pattern).map(Narrowed::new),
        }
    }

    /// The probe to run before the whole pattern on `text`: none for ASCII
    /// text or a pattern without word boundaries.
    fn probe_for(&self, text: &str) -> Option<&Regex> {
        if text.is_ascii() {
            return None;
        }
        self.probe.as_ref()?.try_on(text)
    }

    /// Where the whole pattern's first match can start in `text`: where the
    /// probe's first match starts (no match of the whole pattern starts
    /// before it), the start of the text without a probe, None when the
    /// probe finds nothing. The whole pattern searched from there still sees
    /// the text before it, so its word boundaries read as from the start.
    fn first_start(&self, text: &str) -> Option<usize> {
        match self.probe_for(text) {
            Some(probe) => probe.find(text).map(|found| found.start()),
            None => Some(0),
        }
    }

    /// Whether the whole pattern can match in `text`: false when the probe
    /// finds nothing.
    fn may_match(&self, text: &str) -> bool {
        self.probe_for(text)
            .is_none_or(|probe| probe.is_match(text))
    }

    /// As [`Regex::is_match`].
    pub fn is_match(&self, text: &str) -> bool {
        self.first_start(text)
            .is_some_and(|start| self.whole.is_match_at(text, start))
    }

    /// As [`Regex::find`].
    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.first_start(text)
            .and_then(|start| self.whole.find_at(text, start))
    }

    /// As [`Regex::captures`].
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.first_start(text)
            .and_then(|start| self.whole.captures_at(text, start))
    }

    /// As [`Regex::find_at`].
    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        self.may_match(text)
            .then(|| self.whole.find_at(text, start))
            .flatten()
    }

    /// As [`Regex::captures_at`].
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        self.may_match(text)
            .then(|| self.whole.captures_at(text, start))
            .flatten()
    }

    /// As [`Regex::replace_all`] with a string replacement.
    pub fn replace_all<'h>(&self, text: &'h str, with: &str) -> Cow<'h, str> {
        if self.may_match(text) {
            self.whole.replace_all(text, with)
        } else {
            Cow::Borrowed(text)
        }
    }

    /// As [`Regex::find_iter`].
    pub fn find_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> std::iter::Flatten<std::option::IntoIter<Matches<'r, 'h>>> {
        self.may_match(text)
            .then(|| self.whole.find_iter(text))
            .into_iter()
            .flatten()
    }

    /// As [`Regex::captures_iter`].
    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> std::iter::Flatten<std::option::IntoIter<CaptureMatches<'r, 'h>>> {
        self.may_match(text)
            .then(|| self.whole.captures_iter(text))
            .into_iter()
            .flatten()
    }

    /// As [`Regex::as_str`].
    pub fn as_str(&self) -> &str {
        self.whole.as_str()
    }
}

/// `pattern` with its word-boundary assertions (`\b`, `\B`) taken out, or
/// None when it has none, or has one of the bracketed forms (`\b{start}`),
/// which are left to the whole pattern.
fn without_boundaries(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut taken = false;
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b' | 'B') if chars.peek() == Some(&'{') => return None,
            Some('b' | 'B') => taken = true,
            Some(escaped) => {
                out.push('\\');
                out.push(escaped);
            }
            None => out.push('\\'),
        }
    }
    taken.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_taken_out_and_escapes_kept() {
        assert_eq!(
            without_boundaries(r"(?i)\b(?:índice|sommaire)\b").as_deref(),
            Some(r"(?i)(?:índice|sommaire)")
        );
        assert_eq!(
            without_boundaries(r"\\b\.\Bx\b").as_deref(),
            Some(r"\\b\.x")
        );
        assert_eq!(without_boundaries(r"^[0-9]+\s"), None);
        assert_eq!(without_boundaries(r"\b{start}x"), None);
    }

    #[test]
    fn a_probed_pattern_matches_as_its_whole_pattern() {
        let pattern = r"(?i)\b(?:page|pages|índice)\b";
        let probed = Probed::new(pattern);
        let whole = Regex::new(pattern).expect("valid pattern");
        for text in [
            "pages 3",
            "Índice général",
            "paginé",
            "àpage",
            "les pagesà 4 page",
            "ÍNDICE",
            "",
        ] {
            assert_eq!(probed.is_match(text), whole.is_match(text), "{text}");
            assert_eq!(
                probed.find(text).map(|m| m.range()),
                whole.find(text).map(|m| m.range()),
                "{text}"
            );
            assert_eq!(
                probed
                    .find_iter(text)
                    .map(|m| m.range())
                    .collect::<Vec<_>>(),
                whole.find_iter(text).map(|m| m.range()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }
}
