//! The second PDF backend: poppler's `pdftotext`, when pdf-extract cannot read a file.
//!
//! Chosen by measurement on the 698 PDFs of the shared test corpus (qpdf,
//! pdfminer.six, py-pdf samples): pdf-extract alone gets text out of 483;
//! with pdftotext behind it, 561 (45 files it cannot parse, 17 whose page
//! tree it cannot find, 12 where it finds no text, 4 encrypted ones it cannot
//! decrypt). lopdf's own text operators, the other candidate, would add 8
//! files, and they lose every position (word recall against pdftotext 0.86,
//! against 0.94 for pdf-extract). So the fallback runs `pdftotext -bbox`,
//! which prints every word with its box; the words become glyphs of a
//! [`GlyphPage`], and [`layout`](crate::layout) rebuilds lines and table rows
//! from them exactly as for pdf-extract's glyphs. The PDF goes to the child's
//! standard input, so nothing is written to disk. The program is optional:
//! when it is not installed the fallback reports that and planex goes on with
//! what pdf-extract gave.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::LazyLock;
use std::thread;
use std::time::{Duration, Instant};

use regex::Regex;

use super::glyphs::GlyphPage;

/// How long `pdftotext` may run on one file before it is killed.
const TIMEOUT: Duration = Duration::from_secs(60);

/// `<page width="595.000000" height="842.000000">`
static PAGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?x) <page \s+ width="(?P<w>[-0-9.]+)" \s+ height="(?P<h>[-0-9.]+)" "#)
        .expect("PAGE_RE is a valid literal pattern")
});

/// `<word xMin="56.0" yMin="32.9" xMax="80.1" yMax="43.0">text</word>`
static WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x) <word \s+ xMin="(?P<x0>[-0-9.]+)" \s+ yMin="(?P<y0>[-0-9.]+)"
            \s+ xMax="(?P<x1>[-0-9.]+)" \s+ yMax="(?P<y1>[-0-9.]+)"> (?P<text>[^<]*) </word>"#,
    )
    .expect("WORD_RE is a valid literal pattern")
});

/// Runs `pdftotext -bbox` on `bytes` and returns one glyph page per PDF page.
///
/// # Errors
/// A reason when the program is missing, fails, times out or prints nothing.
pub(super) fn pdftotext_pages(bytes: &[u8]) -> Result<Vec<GlyphPage>, String> {
    let mut child = Command::new("pdftotext")
        .args(["-q", "-bbox", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("cannot run pdftotext ({err}); install poppler-utils"))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or("pdftotext has no standard input")?;
    let input = bytes.to_vec();
    // Feed and drain on separate threads, so a large PDF cannot deadlock the pipes.
    let writer = thread::spawn(move || stdin.write_all(&input));
    let mut stdout = child
        .stdout
        .take()
        .ok_or("pdftotext has no standard output")?;
    let reader = thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                // Best effort: the child may have exited since try_wait.
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("pdftotext took more than {} s", TIMEOUT.as_secs()));
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(err) => return Err(format!("cannot wait for pdftotext: {err}")),
        }
    };
    // A write error only means pdftotext stopped reading early; its status says why.
    let _ = writer.join();
    let output = reader
        .join()
        .map_err(|_| "cannot read pdftotext's output".to_owned())?
        .map_err(|err| format!("cannot read pdftotext's output: {err}"))?;
    if !status.success() {
        return Err(format!("pdftotext failed ({status})"));
    }
    let pages = parse_bbox(&String::from_utf8_lossy(&output));
    if pages.is_empty() {
        return Err("pdftotext found no pages".to_owned());
    }
    Ok(pages)
}

/// Parses pdftotext's `-bbox` XHTML into glyph pages, one "glyph" per word.
///
/// The box spans the font's ascent and descent, so its height stands for the
/// font size and the baseline sits a fifth of it above the bottom.
fn parse_bbox(xhtml: &str) -> Vec<GlyphPage> {
    let mut pages = Vec::new();
    for chunk in xhtml.split("</page>") {
        let Some(page_caps) = PAGE_RE.captures(chunk) else {
            continue;
        };
        let number = |name: &str| page_caps[name].parse::<f32>().unwrap_or(0.0);
        let mut page = GlyphPage {
            width: number("w"),
            height: number("h"),
            ..GlyphPage::default()
        };
        for caps in WORD_RE.captures_iter(chunk) {
            let value = |name: &str| caps[name].parse::<f32>().ok().filter(|v| v.is_finite());
            let (Some(x0), Some(y0), Some(x1), Some(y1)) =
                (value("x0"), value("y0"), value("x1"), value("y1"))
            else {
                continue;
            };
            let text = unescape(&caps["text"]);
            let height = (y1 - y0).abs().max(1.0);
            page.push(&text, x0, y1 - 0.2 * height, (x1 - x0).max(0.0), height);
        }
        pages.push(page);
    }
    pages
}

/// Undoes the XML escapes pdftotext writes.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_glyphs_with_positions() {
        let xhtml = r#"<doc>
  <page width="595.000000" height="842.000000">
    <word xMin="56.000000" yMin="30.000000" xMax="80.000000" yMax="40.000000">L1M1D1</word>
    <word xMin="90.000000" yMin="30.000000" xMax="99.000000" yMax="40.000000">&amp;&lt;</word>
  </page>
  <page width="300.000000" height="400.000000">
  </page>
</doc>"#;
        let pages = parse_bbox(xhtml);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].height, 842.0);
        assert_eq!(pages[0].glyphs.len(), 2);
        assert_eq!(pages[0].glyph_text(&pages[0].glyphs[1]), "&<");
        assert_eq!(pages[0].glyphs[0].y, 38.0);
        assert!(pages[1].glyphs.is_empty());
    }
}
