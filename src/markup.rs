//! Inline markup that converters leave in text: Markdown emphasis, links,
//! headings, escapes, struck text, and the HTML of some PDF-to-Markdown
//! tools.
//!
//! Extractors compare words, not markup, so they call [`plain`] on a line
//! before matching. The normalize stage keeps markup because Markdown
//! structure (headings, tables, lists) is evidence for later stages.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?P<text>[^\]]*)\]\([^)]*\)").expect("LINK is a valid literal pattern")
});
/// Struck text (`~~En curso~~`, `<del>…</del>`, `<s>…</s>`): what the
/// document withdrew, a status changed at a review (`~~En curso~~
/// Cumplida`) or a title reworded.
static STRUCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)~~[^~\s](?:[^~]*[^~\s])?~~|<(del|s|strike)>[^<]*</(?:del|s|strike)>")
        .expect("STRUCK is a valid literal pattern")
});
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:a|b|i|u|em|strong|span|sup|sub|br|p|div)\b[^>]*>")
        .expect("TAG is a valid literal pattern")
});

/// The line without inline markup: `**bold**`, `[text](url)`, `<a href>…</a>`,
/// `<br>`, `\$` escapes and a leading `#` heading marker; struck text
/// (`~~old~~`, `<del>old</del>`) is left out, as the document withdrew it.
///
/// ```
/// assert_eq!(planex::markup::plain("## **Work** [plan](#) <a href=\"#\">2019</a>"), "Work plan 2019");
/// ```
pub fn plain(line: &str) -> String {
    // Most lines carry no markup at all; every extractor calls this on every line.
    let has_markup = line
        .bytes()
        .any(|b| matches!(b, b'#' | b'[' | b'<' | b'*' | b'_' | b'\\' | b'~'));
    if !has_markup && !line.contains("  ") {
        return line.trim().to_owned();
    }
    let trimmed = line.trim_start();
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let without_heading = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        trimmed[hashes..].trim_start()
    } else {
        trimmed
    };
    // The patterns need a `[` or a `<`, which most lines with markup lack.
    let linked = if without_heading.contains('[') {
        LINK.replace_all(without_heading, "$text")
    } else {
        Cow::Borrowed(without_heading)
    };
    let unstruck = if linked.contains("~~") || linked.contains('<') {
        Cow::Owned(STRUCK.replace_all(&linked, " ").into_owned())
    } else {
        linked
    };
    let linked = unstruck;
    let untagged = if linked.contains('<') {
        TAG.replace_all(&linked, " ")
    } else {
        Cow::Borrowed(linked.as_ref())
    };
    // Markup removed and runs of spaces collapsed in one pass. Every byte
    // dropped is ASCII, so the text kept between them is copied as runs
    // (slices at char boundaries), not char by char.
    let untagged: &str = &untagged;
    let bytes = untagged.as_bytes();
    let mut out = String::with_capacity(untagged.len());
    let mut pending_space = false;
    let mut run: Option<usize> = None;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        let dropped = match byte {
            b'\\' if next.is_some_and(|next| next.is_ascii_punctuation()) => 1,
            b'*' | b'_' if next == Some(byte) => 2,
            b' ' => 1,
            _ => 0,
        };
        if dropped == 0 {
            if run.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run = Some(at);
            }
            at += 1;
            continue;
        }
        if let Some(start) = run.take() {
            out.push_str(untagged.get(start..at).unwrap_or_default());
        }
        if byte == b' ' {
            pending_space = !out.is_empty();
        }
        at += dropped;
    }
    if let Some(start) = run {
        out.push_str(untagged.get(start..).unwrap_or_default());
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_keeps_words() {
        assert_eq!(plain("**+750k \\$"), "+750k $");
        assert_eq!(
            plain("• <a href=\"#\">II Urban 20 Mayors Summit</a>"),
            "• II Urban 20 Mayors Summit"
        );
        assert_eq!(plain("a<br>b"), "a b");
        assert_eq!(plain("snake_case stays"), "snake_case stays");
        assert_eq!(plain("#MetroGovernance"), "#MetroGovernance");
        // Runs of spaces collapse, other white space is kept inside and trimmed at the ends.
        assert_eq!(plain("  **a**   b\tc  \t"), "a b\tc");
        assert_eq!(plain("\t **x** "), "x");
        assert_eq!(plain("a **  ** b"), "a b");
        assert_eq!(plain("## <b>T</b>  [x](y)"), "T x");
    }

    #[test]
    fn struck_text_is_withdrawn() {
        assert_eq!(plain("| ~~En curso~~ Cumplida |"), "| Cumplida |");
        assert_eq!(plain("<del>Non démarrée</del> En cours"), "En cours");
        // Tildes that strike nothing stay.
        assert_eq!(plain("ORDRE DU JOUR ~~~ 1- AG"), "ORDRE DU JOUR ~~~ 1- AG");
        assert_eq!(plain("~~ a ~~ b"), "~~ a ~~ b");
    }

    /// The markup loop read char by char, as it was written first: the
    /// faster loop over runs of bytes must agree with it.
    fn by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek().is_some_and(|next| next.is_ascii_punctuation()) => {}
                '*' | '_' if chars.peek() == Some(&c) => {
                    chars.next();
                }
                ' ' => pending_space = !out.is_empty(),
                _ => {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(c);
                }
            }
        }
        out.trim().to_owned()
    }

    proptest::proptest! {
        #[test]
        fn runs_of_bytes_read_as_chars_do(text in "[ a\\\\*_$.é€\t]{0,24}") {
            // No `#`, `[` or `<`: the heading and the patterns stay out of it.
            proptest::prop_assert_eq!(plain(&text), by_chars(&text));
        }
    }
}
