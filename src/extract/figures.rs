//! Key figures: the numbers a document highlights, with label, unit and qualifier.
//!
//! A number is a key figure when the document puts it forward: it opens a
//! line or a list item (`17  Profesionales`, `+2.4K` over its label), it is
//! in bold (`**24 eventos globales**`), it carries a unit (`63%`,
//! `7.000,00 €`, `600 km`) or it is abbreviated (`35,3k`). Years, dates (`8 de octubre`), ordinals (`1ª`,
//! `3er`, `2nd`), codes (`C40`, `U20`), page numbers (`07`, numbers under a
//! table of contents) and the numbers of numbered headings (`1 Día Mundial
//! Metropolitano`, `6` over `Seminario Internacional…`) are not.
//!
//! A PDF's bold reaches this module only as far as the layout sees it in the
//! glyphs' advance widths ([`layout`](crate::layout)): a font whose bold
//! digits and letters keep their widths loses it. So list items do not rely
//! on it: in an item a
//! number with a `+` is a figure, and so is a count (a number before a plural
//! noun, `24 eventos globales`, or a partitive, `3 de ellas`) when most items
//! of the list state counts, as achievement lists do (a work plan's `Closure
//! of 6 Pilot Projects` among items without numbers is not). The label of a
//! figure in an item is the noun phrase after the number, read across the
//! item's wrapped lines ([`noun_phrase`]), with or without bold, so the
//! Markdown and the PDF of a report give the same figures. Likewise, without
//! blank lines a numbered subheading is told by its shape (a title, then
//! running text), and a label stops at a web address or a line another
//! extractor claimed. Where a PDF wraps a paragraph, a bold span, the label
//! of a number ending a line and a qualifier ending the line above (`… un
//! total de más` / `de 300 participantes`) are read across the line end, and
//! the label of a bold figure ends with its span.
//!
//! Values are normalized ([`parse_number`]): `+2.4K` → 2400, `16,8%` → 16.8,
//! `7.000,00 €` → 7000, `1,400` and `1 400` → 1400, `Fr. 225'000.--` (Swiss
//! thousands, a dash for no cents) → 225000 CHF. Qualifiers come from a
//! leading `+` or from the lexicon's qualifier words (`más de`, `plus de`…).
//!
//! This module also says which figures are stated as a whole and its parts
//! (`30 ALIANZAS ACTIVAS` followed by `5`, `3`, `8`, `5`, `2`) or as shares of
//! 100 % (`59%`, `6%`, `33%`, `2%`); whether they add up is checked later, in
//! [`figures_check`](crate::figures_check).

use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::dates;
use super::sections::Heading;
use super::shape::{bullet, folded, is_blank, is_number_only, is_scattered_folios, is_table_row};
use crate::lexicon::{self, Lexicons, Probed};
use crate::markup::plain;
use crate::model::{FigureRole, KeyFigure, Qualifier};
use crate::normalize::{Line, Text};

/// Whether `head` closes with a year (`… the 2016`, `19` or `20` and two
/// digits after no digit), the start of a span whose end follows. Asked of
/// the text before every number of a line: its last bytes are read, where a
/// pattern would scan the whole text.
fn ends_in_year(head: &str) -> bool {
    let bytes = head.as_bytes();
    let Some(year) = bytes.len().checked_sub(4).and_then(|at| bytes.get(at..)) else {
        return false;
    };
    let before = bytes.len().checked_sub(5).and_then(|at| bytes.get(at));
    matches!(year, [b'1', b'9', c, d] | [b'2', b'0', c, d] if c.is_ascii_digit() && d.is_ascii_digit())
        && !before.is_some_and(u8::is_ascii_digit)
}

/// Longest label, in words, taken from running text.
const PHRASE_WORDS: usize = 8;
/// A line longer than this (in characters) is a paragraph: labels are phrases.
const PARAGRAPH_CHARS: usize = 100;
/// Largest number of continuation lines read as a label.
const LABEL_LINES: usize = 4;
/// A whole run of shares within this distance of 100 is one rounded group.
const ROUNDED_SHARES: f64 = 5.0;
/// Tolerance when shares must add up to 100.
const SHARE_TOLERANCE: f64 = 0.5;
/// A line at least this long (in characters) that goes on in lower case on
/// the next line is running text wrapped by a PDF.
const WRAPPED_CHARS: usize = 60;
/// Most words in the title of a numbered subheading.
const TITLE_WORDS: usize = 12;
/// Fewest items of a list whose counts are figures without bold.
const ENUMERATIVE_ITEMS: usize = 3;

/// A number as printed: groups of thousands parted by dots, commas, spaces
/// or apostrophes, or a millions mark (an apostrophe or an acute accent)
/// before groups parted by commas or dots (`1´024,196`, as Andean
/// municipalities print amounts), then maybe two decimals; or plain digits.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let signs: Vec<String> = lexicon::CURRENCY_SIGNS
        .iter()
        .map(|(sign, _)| format!(r"\\?{}", regex::escape(sign)))
        .collect();
    Regex::new(&format!(
        r"(?x)
        (?P<sign> [+~≈] \s? )?
        (?P<currency> (?: {} ) \s? )?
        (?P<num> [0-9]{{1,3}} (?: ['’´][0-9]{{3}} (?:[.,][0-9]{{3}})+ | (?:\.[0-9]{{3}})+ | (?:,[0-9]{{3}})+ | (?:\ [0-9]{{3}})+ | (?:['’][0-9]{{3}})+ ) (?: [.,] [0-9]{{1,2}} )?
               | [0-9]+ (?: [.,] [0-9]+ )? )
        (?P<suffix> [kKmM] )?",
        signs.join(" | ")
    ))
    .expect("NUMBER is built from literal signs")
});
/// A month right after a number (`8 de octubre`, `12-15 junio`, joined by
/// a dash or a slash: `26-Apr-2020`, `3/mai`), or after
/// a list of days (`19, 20 et 21 mai`, with a `1` read as `l` by a text
/// layer: `2l mai`): a date.
fn month_after(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("figures_month_after", |lex| {
        format!(
            r"(?i)^\s*(?:(?:[-–—,]|(?:{})\b)\s*[0-9]{{1,2}}[lI]?\s*)*(?:[-/]|(?:{})\s+)?(?:{})\b",
            lex.alternation(lex.each(|l| l.conjunctions).copied()),
            lex.alternation(lex.each(|l| l.date_links).copied()),
            lex.alternation(lex.each(|l| l.months).map(|(m, _)| *m))
        )
    })
}

/// A month right before a number (`October 3`): a date.
fn month_before(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("figures_month_before", |lex| {
        format!(
            r"(?i)\b(?:{})\s*$",
            lex.alternation(lex.each(|l| l.months).map(|(m, _)| *m))
        )
    })
}

/// Parses a number as printed, with the separators of any of es, en, fr.
///
/// Two different separators: the last one is the decimal mark (`7.000,00`,
/// `1,234.5`). One kind repeated, or spaces: thousands (`1.234.567`,
/// `1 400`). A single separator followed by exactly three digits is a
/// thousands separator (`1,400`, `1.400`), because key figures rarely have
/// three decimals; otherwise it is the decimal mark (`16,8`, `9.3`). With a
/// `K`/`M` suffix a single separator is always decimal (`2.4K`, `35,3k`).
///
/// ```
/// use planex::extract::parse_number;
/// assert_eq!(parse_number("16,8", None), Some(16.8));
/// assert_eq!(parse_number("7.000,00", None), Some(7000.0));
/// assert_eq!(parse_number("2.4", Some('K')), Some(2400.0));
/// ```
pub fn parse_number(text: &str, suffix: Option<char>) -> Option<f64> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let spaced = compact.len() != text.len();
    let dots = compact.matches('.').count();
    let commas = compact.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) if spaced => Some(if dots > 0 { '.' } else { ',' }),
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let after = compact.rsplit(mark).next().map_or(0, str::len);
            if dots + commas > 1 || (after == 3 && suffix.is_none()) {
                None
            } else {
                Some(mark)
            }
        }
        _ => compact.chars().rfind(|c| *c == '.' || *c == ','),
    };
    let mut digits = String::with_capacity(compact.len());
    for c in compact.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if Some(c) == decimal {
            digits.push('.');
        }
    }
    let value: f64 = digits.parse().ok()?;
    let factor = match suffix {
        Some('k' | 'K') => 1_000.0,
        Some('M' | 'm') => 1_000_000.0,
        _ => 1.0,
    };
    Some(((value * factor) * 1e6).round() / 1e6)
}

/// A figure with what the parts-and-wholes rule needs to know about its line.
#[derive(Debug, Clone)]
struct Found {
    figure: KeyFigure,
    index: usize,
    leading: bool,
    in_list: bool,
    label_on_line: bool,
    section: usize,
}

/// The figure `m` of `line` (whose text is `raw`) standing on its own,
/// named by `label`.
fn standalone(
    m: &Match,
    raw: &str,
    line: Line<'_>,
    unit: Option<String>,
    qualifier: Qualifier,
    label: String,
) -> KeyFigure {
    KeyFigure {
        value: m.value,
        unit,
        qualifier,
        text: m.printed(raw).to_owned(),
        label,
        page: line.page,
        line: line.number,
        role: FigureRole::Standalone,
        group: None,
    }
}

/// One number as matched in a line.
#[derive(Debug, Clone)]
struct Match {
    start: usize,
    end: usize,
    value: f64,
    /// Boxed: a long document's tables hold numbers by the hundred thousand,
    /// all of them held until the figures are chosen.
    unit: Option<Box<str>>,
    qualifier: Qualifier,
    /// The printed form when it is other than `start..end` of the line's
    /// text (markup inside it); most numbers cost no string of their own.
    own_printed: Option<Box<str>>,
    bold: bool,
    has_suffix: bool,
    /// Written with a leading `+` (`+30 ciudades`).
    plus: bool,
    /// Followed by a plural noun or a partitive (`24 eventos`, `3 de ellas`).
    counted: bool,
}

impl Match {
    /// The number as printed, with its unit, without markup: `raw` is the
    /// text of the line it was found in.
    fn printed<'a>(&'a self, raw: &'a str) -> &'a str {
        match &self.own_printed {
            Some(printed) => printed,
            None => raw.get(self.start..self.end).unwrap_or(""),
        }
    }
}

/// The numbers of every line of a text, packed: one vector of matches in
/// line order and where each line's matches start, so that a long document
/// costs a word per line and its matches, not a vector per line (most lines
/// hold no number; a vector grown by pushes holds room for four).
struct LineNumbers {
    matches: Vec<Match>,
    /// Where line `i`'s matches start in `matches`; one more than lines.
    starts: Vec<u32>,
}

impl LineNumbers {
    fn of(text: &Text, bold_open: &[bool], lex: &Lexicons) -> Self {
        let mut matches = Vec::new();
        let mut starts = Vec::with_capacity(text.lines.len() + 1);
        starts.push(0);
        let footnotes = footnote_marks(text);
        for (index, line) in text.lines.iter().enumerate() {
            let bold = bold_open.get(index).copied().unwrap_or(false);
            if footnotes.get(index).copied().unwrap_or(false) {
                // Spaces in place of the mark keep every offset of the line;
                // a number printed across the mark keeps the spaced form.
                let spaced = line.text.replacen("**", "  ", 1);
                matches.extend(numbers(&spaced, bold, lex).into_iter().map(|mut m| {
                    if m.own_printed.is_none()
                        && line.text.get(m.start..m.end) != spaced.get(m.start..m.end)
                    {
                        m.own_printed = Some(m.printed(&spaced).into());
                    }
                    m
                }));
            } else {
                matches.extend(numbers(line.text, bold, lex));
            }
            starts.push(u32::try_from(matches.len()).unwrap_or(u32::MAX));
        }
        matches.shrink_to_fit();
        Self { matches, starts }
    }

    /// The numbers of line `index` (none past the last line).
    fn line(&self, index: usize) -> &[Match] {
        let (Some(&start), Some(&end)) = (self.starts.get(index), self.starts.get(index + 1))
        else {
            return &[];
        };
        self.matches
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }
}

/// Finds key figures, skipping headings and the lines in `claimed`.
pub fn extract_figures(
    text: &Text,
    headings: &[Heading],
    claimed: &BTreeSet<usize>,
    lex: &Lexicons,
) -> Vec<KeyFigure> {
    let heading_lines: BTreeSet<usize> = headings.iter().flat_map(|h| h.index..=h.last).collect();
    // A label never runs into a heading or a line another extractor claimed
    // (a member's or a person's name): in a PDF no blank line keeps them apart.
    let label_stops: BTreeSet<usize> = heading_lines.union(claimed).copied().collect();
    let contents = contents_lines(text, headings, lex);
    let counters = counter_lines(text);
    let headers = running_headers(text);
    let codes = code_lines(text);
    let bold_open = bold_state(text);
    let all_numbers = LineNumbers::of(text, &bold_open, lex);
    let items = item_of_lines(text, &heading_lines);
    let (statements, prose) = statement_lines(text, &label_stops, &items);
    // A document that sets its key figures in bold says which counts it puts
    // forward: there, counts in passing in a narrative paragraph are not key
    // figures (seed 003's `Participaron 20 ciudades y 6 organizaciones`).
    // Without any emphasis (plain text, a PDF whose bold is lost), counts
    // stated in prose are the figures the document reports.
    let emphasis = text.lines.iter().any(|line| line.text.contains("**"));
    let enumerative = enumerative_items(&items, &all_numbers);
    let mut found: Vec<Found> = Vec::new();
    // Headings at or before the current line: it only grows as the lines go on,
    // so the count is carried along rather than taken again for every line.
    let mut section = 0;
    for (index, line) in text.lines.iter().enumerate() {
        while headings.get(section).is_some_and(|h| h.index <= index) {
            section += 1;
        }
        if heading_lines.contains(&index) || contents.contains(&index) || claimed.contains(&index) {
            continue;
        }
        let raw = line.text;
        let matches = all_numbers.line(index);
        let in_item = item_at(&items, index);
        // A count written in words (`thirty-five local government
        // authorities`, `seis municipios`) is read only in a sentence, and
        // only of the units the lexicon names: in words, most numbers count
        // in passing (`two sessions`, `trois réseaux`). A document that
        // sets its key figures in bold puts none forward in words (seed
        // 2023's `para dos ciudades miembro`).
        let worded_sentence = in_item.is_none()
            && !emphasis
            && (prose.get(index).copied().unwrap_or(false)
                || statements.get(index).copied().unwrap_or(false));
        // Most lines hold no number in digits and are no sentence that may
        // count in words: nothing below can come of them, and the tests of
        // the line's shape are not run.
        if matches.is_empty() && !worded_sentence {
            continue;
        }
        // The line's plain form is the line's own, worked out once.
        if is_contents_entry(raw)
            || codes.contains(&index)
            || is_page_pair(line.plain)
            || is_row_of_numbers(line.plain)
            || is_scattered_folios(raw)
            || is_page_count(line.plain, lex)
        {
            continue;
        }
        let item = bullet(raw);
        let continuation = in_item.is_some() && item.is_none();
        let content_start = item.as_ref().map_or(0, |b| raw.len() - b.text.len());
        let in_row = numbers_in_rows(raw, matches);
        for (position, m) in matches.iter().enumerate() {
            if in_row.get(position).copied().unwrap_or(false) {
                continue;
            }
            let before = raw.get(content_start..m.start).unwrap_or("");
            // A duration is no figure, unless the author set it in bold
            // (`financiación … para los próximos **3 años**`, annual-report-2023.es).
            let duration = !m.bold && counts_time(raw.get(m.end..).unwrap_or(""), lex);
            // Nothing is counted by naught (`0,00 €`, a nil amount).
            if counts_pages(before, lex)
                || names_a_street(raw.get(m.end..).unwrap_or(""), lex)
                || sizes_a_file(raw.get(m.end..).unwrap_or(""), lex)
                || classes_by_size(before, raw.get(m.end..).unwrap_or(""), lex)
                || ordinal_set_apart(raw.get(m.end..).unwrap_or(""), lex)
                || is_compact_date(m.printed(raw))
                || refers_to_a_part(before, lex)
                || duration
                || is_rate(m, raw)
                || m.value == 0.0
            {
                continue;
            }
            let leading = position == 0 && !continuation && leads(before, lex);
            if leading && is_item_code(m, raw) {
                continue;
            }
            // A number opening a line that another bare number follows (`34
            // 35 Financial facts…`) is one of a row of page numbers whose
            // titles a lost layout ran together; and one that opens a title
            // in capitals running on (`1 REPORT ON THE SESSION OF THE…`) is
            // the page's folio or the title's number.
            let next_follows = matches.get(position + 1).is_some_and(|next| {
                raw.get(m.end..next.start)
                    .is_some_and(|gap| !gap.is_empty() && is_blank(gap))
            });
            let over_header = || {
                raw.get(m.end..)
                    .and_then(|rest| opening_words(&plain(rest)))
                    .and_then(|opening| headers.get(&opening))
                    .is_some_and(|&first| first < index)
            };
            if leading
                && in_item.is_none()
                && (next_follows
                    || opens_title_in_capitals(m, raw)
                    || counters.contains(&index)
                    || over_header())
            {
                continue;
            }
            // In a list item a `+` marks a figure, and so does a count in a
            // list whose items are mostly counts (seed 004's achievements):
            // no bold needed, so a PDF gives what its Markdown gives.
            let listed = in_item
                .is_some_and(|opening| m.plus || (m.counted && enumerative.contains(&opening)));
            // A count in a sentence: `received 14 proposals, 5 of them…`,
            // `plus de 2 700 participants venus de 41 villes`.
            let in_prose = !emphasis && prose.get(index).copied().unwrap_or(false);
            let sentence = in_item.is_none()
                && !leading
                && (in_prose || statements.get(index).copied().unwrap_or(false));
            let counted_in_sentence = sentence && (m.counted || partitive_before(before, lex));
            let colon_label = colon_label(before, raw, m, lex);
            if !(leading
                || m.bold
                || m.unit.is_some()
                || m.has_suffix
                || listed
                || counted_in_sentence
                || colon_label.is_some())
            {
                continue;
            }
            let next_start = matches.get(position + 1).map_or(raw.len(), |n| n.start);
            let labelled = match (colon_label, in_item) {
                (Some(label), _) => Some((label, true, None)),
                (None, Some(opening)) => item_label(text, index, m, opening, &items, lex),
                (None, None) => label_for(text, index, m, leading, next_start, &label_stops, lex),
            };
            let Some((label, label_on_line, unit_fix)) = labelled else {
                continue;
            };
            if counts_page_use(&label) || counts_pages_of_a_file(&label, lex) {
                continue;
            }
            if leading && is_number_only(&plain(raw)) && m.printed(raw).starts_with('0') {
                continue;
            }
            if is_zero_led_code(m.printed(raw)) {
                continue;
            }
            if leading && in_item.is_none() && !label_on_line && !labels_a_count(&label, lex) {
                continue;
            }
            // A bare number opening a line, with words after it there,
            // counts what those words name, a plural (`25 municipalities
            // joined`, `30 ALIANZAS ACTIVAS`, `12 Member cities`, `82 The
            // number of state association meetings …`); before a
            // title (`4 President's foreword`, `3 METODOLOGÍA EMPLEADA`,
            // `7 Rapport du trésorier`) or a running head (`5 | A Look
            // Inside the League`) it is a page's or a section's number.
            let bare = m.unit.is_none()
                && unit_fix.is_none()
                && !m.bold
                && !m.plus
                && !m.has_suffix
                && m.qualifier == Qualifier::Exact;
            let rest = raw.get(m.end..).unwrap_or("");
            if leading
                && bare
                && in_item.is_none()
                && rest.contains(char::is_alphabetic)
                && !counts_a_noun(rest, lex)
                && !names_a_plural_first(&label, DESCRIBED_COUNT_WORDS)
            {
                continue;
            }
            if leading && in_item.is_none() && numbers_a_heading(text, index, m) {
                continue;
            }
            let figure = standalone(
                m,
                raw,
                line,
                unit_fix.or_else(|| m.unit.as_deref().map(str::to_owned)),
                wrapped_qualifier(text, index, before, m, lex),
                label,
            );
            found.push(Found {
                figure,
                index,
                leading,
                in_list: in_item.is_some(),
                label_on_line,
                section,
            });
        }
        if worded_sentence {
            for m in worded_counts(raw, content_start, lex) {
                let next_start = matches
                    .iter()
                    .find(|next| next.start >= m.end)
                    .map_or(raw.len(), |next| next.start);
                let Some((label, label_on_line, _)) =
                    label_for(text, index, &m, false, next_start, &label_stops, lex)
                else {
                    continue;
                };
                let figure = standalone(&m, raw, line, None, m.qualifier, label);
                found.push(Found {
                    figure,
                    index,
                    leading: false,
                    in_list: false,
                    label_on_line,
                    section,
                });
            }
        }
    }
    // Counts written in words were pushed after the line's digits: the
    // figures keep the order of their lines.
    found.sort_by_key(|f| f.index);
    group_parts(&mut found);
    // A fact restated (`our 77 member councils` in the opening and the
    // closing paragraph) is one figure: same value, unit and label.
    let mut figures: Vec<KeyFigure> = Vec::with_capacity(found.len());
    for figure in found.into_iter().map(|f| f.figure) {
        let restated = figures.iter().any(|seen| {
            seen.value == figure.value
                && seen.unit == figure.unit
                && (seen.label == figure.label || same_counted_noun(&seen.label, &figure.label))
                && seen.group.is_none()
                && figure.group.is_none()
        });
        if !restated {
            figures.push(figure);
        }
    }
    figures
}

/// Fewest letters of the noun a restated count is told by.
const COUNTED_NOUN_LETTERS: usize = 3;

/// Whether two labels open on the same noun (`703 communes au Mali` and
/// `703 communes du pays`, `500 maires …` twice): the same count of the
/// same things, restated in other words.
fn same_counted_noun(a: &str, b: &str) -> bool {
    let noun = |label: &str| {
        label
            .split_whitespace()
            .next()
            .map(str::to_lowercase)
            .filter(|word| {
                word.chars().count() >= COUNTED_NOUN_LETTERS
                    && word.chars().all(char::is_alphabetic)
            })
    };
    noun(a).is_some_and(|first| noun(b) == Some(first))
}

/// Fewest digits of a number printed with a leading zero that makes it a
/// code.
const ZERO_LED_CODE_DIGITS: usize = 4;

/// Whether a number is printed as a code: digits only, with a leading zero
/// (`08002 Barcelona`, a postal code; `0100`, a line of a phone number).
/// No count or amount is printed so; a share written `0,5` has its
/// separator.
fn is_zero_led_code(printed: &str) -> bool {
    printed.starts_with('0')
        && printed.len() >= ZERO_LED_CODE_DIGITS
        && printed.chars().all(|c| c.is_ascii_digit())
}

/// The label of a value set after it and a colon (`Présents : 29 -
/// Votants : 33`, `Les services extérieurs : 169 200,00 € ;`, `Members
/// present: 14`): the phrase before the colon, whose last word is in
/// lower case (a label in capitals heads a list: `ORDEN DEL DÍA: 1`), the
/// value closing its clause (the end of the line, a dash, a semicolon, a
/// comma, a parenthesis, a full stop ending the line or the next label of
/// a run-on line), and not printed with a leading zero (`Phone no: 020
/// 7664 3213` is a code). A count under a status label (`En proceso: 10`,
/// `No desarrollados: 6`) is a declared total of a plan's items, which
/// [`totals`](super::totals) reads, not a key figure.
fn colon_label(before: &str, raw: &str, m: &Match, lex: &Lexicons) -> Option<String> {
    let rest = raw.get(m.end..).unwrap_or("");
    let flat = plain(before);
    let label = flat.trim_end().strip_suffix(':')?.trim_end();
    let last = label.split_whitespace().next_back()?;
    let worded = last.chars().all(char::is_alphabetic) && last.chars().any(char::is_lowercase);
    let folded_label = folded(label);
    let status = lex.each(|l| l.legend_labels).any(|status| {
        folded_label
            .strip_suffix(status.label)
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
    });
    if !worded || status || m.printed(raw).starts_with('0') {
        return None;
    }
    let tail = rest.trim_start();
    let closes = tail.is_empty()
        || tail.starts_with(['-', '–', '—', ';', ',', '('])
        || tail.starts_with(char::is_uppercase)
        || tail
            .strip_prefix('.')
            .is_some_and(|after| after.trim().is_empty());
    // The dash that parts it from the value before (`33 - Présents : 29`).
    let label = phrase_before(label);
    let label = label.trim_start_matches(['-', '–', '—', ' ']);
    (closes && !label.is_empty()).then(|| label.to_owned())
}

/// Whether a number with a unit of measure is a rate (`250 km/h`, `3 m/s`):
/// a speed or flow that describes something, not a quantity reported.
/// Money per period (`1 200 €/mois`) stays a figure.
fn is_rate(m: &Match, raw: &str) -> bool {
    let measured = m.unit.as_deref().is_some_and(|unit| {
        unit != "%" && !(unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()))
    });
    let tail = raw.get(m.end..).unwrap_or("");
    let token = tail.split_whitespace().next().unwrap_or("");
    measured
        && token
            .split_once('/')
            .is_some_and(|(_, per)| per.chars().next().is_some_and(char::is_alphabetic))
}

/// Whether a label makes its number a web page's counter (`1 views`, `0
/// download`, `4 • Download`): the label is a navigation word of any
/// lexicon (a site's furniture is often in another language than its
/// page), give or take a word.
fn counts_page_use(label: &str) -> bool {
    let lex = Lexicons::all();
    let folded_label = lexicon::fold(label).to_lowercase();
    // A host prints its counters in a row (`1 downloads 113 Views 3MB
    // Size`): the label's words up to the next number are the counter's.
    let words: Vec<&str> = folded_label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    // The phrases are read in place, not split into vectors for each label.
    let counter = lex.each(|l| l.navigation_words).any(|phrase| {
        let length = phrase.split_whitespace().count();
        (length..=length + 1).contains(&words.len())
            && phrase
                .split_whitespace()
                .zip(&words)
                .all(|(expected, word)| expected == *word)
    });
    counter
}

/// Whether a line is a page counter alone (`1 de 67`, `3 of 12`, `2 sur
/// 9`): a number, a page link of the lexicons and a number no smaller.
/// `flat` is the line without its markup ([`plain`]).
fn is_page_count(flat: &str, lex: &Lexicons) -> bool {
    // Asked of every line: one of other than three words is none, before
    // it is lowered (lowering keeps the words).
    if flat.split_whitespace().count() != 3 {
        return false;
    }
    let lower = flat.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [page, link, count] => {
            let (Ok(page), Ok(count)) = (page.parse::<u32>(), count.parse::<u32>()) else {
                return false;
            };
            page <= count && lex.has(|l| l.page_links, link)
        }
        _ => false,
    }
}

/// Whether an ordinal ending set apart follows a number (`1 st February`,
/// `1 ère délibération`): a rank or a day, not a quantity.
fn ordinal_set_apart(after: &str, lex: &Lexicons) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    !word.is_empty() && lex.has(|l| l.ordinal_suffixes, &word.to_lowercase())
}

/// Whether a number of eight digits is a date written year, month and day
/// without separators (`20200604`, as file names print it).
fn is_compact_date(printed: &str) -> bool {
    if printed.len() != 8 || !printed.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let part = |range: std::ops::Range<usize>| {
        printed
            .get(range)
            .and_then(|digits| digits.parse::<u16>().ok())
    };
    matches!(
        (part(0..4), part(4..6), part(6..8)),
        (Some(1900..=2099), Some(1..=12), Some(1..=31))
    )
}

/// Whether a label makes its number a count of pages (`(9 pages)`, the
/// length of a file): a page word, plural or not, opens it.
fn counts_pages_of_a_file(label: &str, lex: &Lexicons) -> bool {
    let first = label
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let single = first.strip_suffix('s').unwrap_or(&first);
    single.chars().count() > 1 && lex.has(|l| l.page_words, single)
}

/// A table-of-contents entry: a title, dot leaders and a page number
/// (`Housing programme ........ 5`), or leaders whose page a cut left out
/// (`2.4 ADMINISTRATIVE DECENTRALISATION ......`); its numbers are page
/// numbers and section codes.
fn is_contents_entry(raw: &str) -> bool {
    static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\.\s?){4,}\s*(?:[0-9]{1,4}\s*)?$|…{2,}\s*(?:[0-9]{1,4}\s*)?$")
            .expect("ENTRY is a valid literal pattern")
    });
    ENTRY.is_match(raw)
}

/// Words of a line's opening compared with the lines before it
/// ([`running_headers`]).
const HEADER_WORDS: usize = 4;

/// The folded opening words ([`HEADER_WORDS`] of them) of every line that
/// opens on a letter, with the first line that prints them: a number
/// before such an opening printed again further on (`1 Servicio de
/// soporte a la evaluación…` under the cover's `Servicio de soporte a la
/// evaluación…`) is a page's folio over its running header.
fn running_headers(text: &Text) -> std::collections::HashMap<String, usize> {
    let mut openings = std::collections::HashMap::new();
    for (index, line) in text.lines.iter().enumerate() {
        if line.plain.trim_start().starts_with(char::is_alphabetic) {
            if let Some(opening) = opening_words(line.plain) {
                openings.entry(opening).or_insert(index);
            }
        }
    }
    openings
}

/// The first [`HEADER_WORDS`] words of `text`, folded, if it has that many.
fn opening_words(text: &str) -> Option<String> {
    let folded = lexicon::fold(text).to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().take(HEADER_WORDS).collect();
    (words.len() == HEADER_WORDS).then(|| words.join(" "))
}

/// Most words of the line that labels a number standing on its own line.
const STANDING_LABEL_WORDS: usize = 12;

/// Whether the line under a number standing alone labels it as a count
/// (`5` / `Colaboradoras`): a short phrase, not running text or a title
/// line that happens to follow a page count, and not a month (`18` /
/// `novembre` / `2015` is a date printed over three lines).
fn labels_a_count(label: &str, lex: &Lexicons) -> bool {
    let first = label.split_whitespace().next().unwrap_or("");
    let words = super::shape::word_count(label);
    // A longer label names what it counts in its first words (`registered
    // participants`, `ALIANZAS ACTIVAS`); a title line over a page number
    // (`REPORT ON THE THIRTY-EIGHTH SESSION…`, `Agenda for the…`) does not.
    let plural_ahead = names_a_plural_first(label, 2);
    // A short phrase in sentence case without numbers labels its count
    // (`1` / `Reunión de la Junta Directiva online`); a line in capitals or
    // holding numbers or dates is a title.
    let phrase = words <= PHRASE_LABEL_WORDS
        && !super::shape::is_all_caps(label, 4)
        && !label.chars().any(|c| c.is_ascii_digit());
    // A line printing a year (`Assemblée générale 2031`) or a label and
    // its value (`Chair: Mayor of …`) under a number alone is a page's
    // title or a field under its folio: it counts nothing.
    let titled = label.contains(':')
        || label.split(|c: char| !c.is_ascii_digit()).any(|digits| {
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
        });
    // A running head sets its folio apart with a bar (`5 | Annual report`);
    // a short line in capitals names what it counts in a plural (`ALIANZAS
    // ACTIVAS`), where a numbered heading names a subject (`METODOLOGÍA
    // EMPLEADA`).
    let running_head = label.starts_with('|');
    let capital_heading = super::shape::is_all_caps(label, 4) && !plural_ahead;
    // An entry of a list under a bare number (`69` / `- L'Association et
    // ses partenaires`) is a contents line under its page number; an
    // ordinal's letters alone (`17` / `ème`) are its superscript, drawn on
    // a line of their own.
    let listed = super::shape::bullet(label).is_some();
    let superscript = words == 1 && lex.has(|l| l.ordinal_suffixes, &first.to_lowercase());
    words <= STANDING_LABEL_WORDS
        && !titled
        && !running_head
        && !listed
        && !superscript
        && !capital_heading
        && lex.month(first).is_none()
        && (words <= SHORT_LABEL_WORDS || plural_ahead || phrase)
}

/// Whether one of a label's first `within` words is a plural (`registered
/// participants`, `ALIANZAS ACTIVAS`, `Member cities`, `The number of
/// state association meetings`).
fn names_a_plural_first(label: &str, within: usize) -> bool {
    label.split_whitespace().take(within).any(|word| {
        let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        bare.chars().count() >= 3
            && bare.chars().all(char::is_alphabetic)
            && bare.to_lowercase().ends_with(['s', 'x'])
    })
}

/// Most words before the plural that a bare number opening a line counts
/// (`82 The number of state association meetings`).
const DESCRIBED_COUNT_WORDS: usize = 6;

/// Most words of a standing number's label that need not name a plural first.
const SHORT_LABEL_WORDS: usize = 3;
/// Most words of a standing number's label in sentence case.
const PHRASE_LABEL_WORDS: usize = 6;

/// Whether the words after a number make it a duration (`the past 12
/// months`, `durante 20 años`): a length of time, not a quantity reported.
fn counts_time(after: &str, lex: &Lexicons) -> bool {
    let mut words = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let first = words.next().unwrap_or_default();
    // One modifier may stand before the unit of time (`les 18 derniers mois`).
    let second = words
        .next()
        .filter(|_| first.chars().all(char::is_alphabetic))
        .unwrap_or_default();
    lex.has(|l| l.duration_words, &first) || lex.has(|l| l.duration_words, &second)
}

/// Whether the words right after a number are a kind of street (`sis 18
/// avenue des écoles`), or a street's name and its kind (`18 Harbour
/// Square, Porthaven`): the number is a house's, an address.
fn names_a_street(after: &str, lex: &Lexicons) -> bool {
    // French addresses set the number apart with a comma (`55, promenade
    // Colonel By`).
    let after = after.strip_prefix(',').unwrap_or(after);
    if !after.starts_with(' ') {
        return false;
    }
    let first = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if lex.has(|l| l.street_words, &first) {
        return true;
    }
    // The words up to the first mark: a street's name is one or two
    // capitalised words before its kind.
    let words: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric() && c != ' ')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(STREET_NAME_WORDS + 1)
        .collect();
    words.iter().enumerate().any(|(at, word)| {
        lex.has(|l| l.street_words, &word.to_lowercase())
            && words
                .get(..at)
                .unwrap_or_default()
                .iter()
                .all(|name| name.starts_with(char::is_uppercase))
    })
}

/// Most words of a street's name before its kind (`18 Old Harbour Square`).
const STREET_NAME_WORDS: usize = 2;

/// Whether a unit of a file's size follows a number (`Taille du document:
/// 770 Ko`, `(PDF - 2.3 MB)`): a download's size, not a figure.
fn sizes_a_file(after: &str, lex: &Lexicons) -> bool {
    let unit: String = after
        .strip_prefix(' ')
        .unwrap_or(after)
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !unit.is_empty() && lex.has(|l| l.file_size_units, &unit.to_lowercase())
}

/// Whether a count of inhabitants classes a noun by size rather than states
/// a population: joined to that noun by a preposition, with or without a
/// qualifier (`municipios de 2.500 habitantes`, `les territoires (de plus
/// de 20 000 habitants)`, `municipalities of over 20,000 inhabitants`), or
/// the upper bound of a bracket (`de 2.501 a 5.000 habitantes`). After a
/// noun of population (`una población de 4.156 habitantes`) it is a figure.
fn classes_by_size(before: &str, after: &str, lex: &Lexicons) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let counted: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if !lex.has(|l| l.inhabitant_words, &counted.to_lowercase()) {
        return false;
    }
    let clause = before.rsplit([',', ';', ':', '(']).next().unwrap_or("");
    let lower = folded(&plain(clause));
    let lower = lower.trim_end();
    let unqualified = lex
        .each(|l| l.qualifier_words)
        .find_map(|(phrase, _)| {
            lower
                .strip_suffix(phrase)
                .filter(|head| head.is_empty() || head.ends_with(' '))
        })
        .unwrap_or(lower);
    let words: Vec<&str> = unqualified.split_whitespace().collect();
    match words.as_slice() {
        [.., bound, joiner]
            if lex.has(|l| l.range_joiners, joiner)
                && bound.contains(|c: char| c.is_ascii_digit())
                && bound
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,".contains(c)) =>
        {
            true
        }
        [.., noun, link] if lex.has(|l| l.size_class_links, link) => {
            !lex.has(|l| l.population_words, noun)
        }
        [link] => lex.has(|l| l.size_class_links, link),
        _ => false,
    }
}

/// A `k` or `M` set apart from its number, right before a currency sign
/// (`2,4 M$`, `350 k€`): the scale and how much of `rest` it takes (the
/// sign is read next as the unit).
fn abbreviation_before_sign(rest: &str) -> Option<(f64, usize)> {
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let mut chars = spaced.chars();
    let scale = match chars.next()? {
        'k' | 'K' => 1e3,
        'M' => 1e6,
        _ => return None,
    };
    let after = chars.as_str();
    lexicon::CURRENCY_SIGNS
        .iter()
        .any(|(sign, _)| after.starts_with(sign))
        .then(|| (scale, rest.len() - after.len()))
}

/// A currency code printed right before a number (`USD 2.5 million`, `EUR
/// 480,000`): its ISO code.
fn code_before(before: &str) -> Option<String> {
    let word = before.split_whitespace().next_back()?;
    let is_code = word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase());
    if !is_code || !before.ends_with(char::is_whitespace) {
        return None;
    }
    lexicon::UNIT_SYMBOLS
        .iter()
        .find(|(printed, code)| printed.eq_ignore_ascii_case(word) && code == &word)
        .map(|(_, code)| (*code).to_owned())
}

/// Whether a number gives the minutes of a time written with its unit of
/// hours (`à 20 heures 30`, `a las 18 horas 15`): a number, then a unit of
/// time, right before it.
fn minutes_of_a_time(before: &str, lex: &Lexicons) -> bool {
    let mut words = before.split_whitespace().rev();
    let (Some(unit), Some(hours)) = (words.next(), words.next()) else {
        return false;
    };
    hours.chars().all(|c| c.is_ascii_digit()) && lex.has(|l| l.duration_words, &unit.to_lowercase())
}

/// Whether a number is a page counter's (`Page 2 of 4`, `Página 3`): the
/// word before it is a page word of the lexicons, or it follows `of`/`sur`
/// after one (`Page 2 of 4`).
fn counts_pages(before: &str, lex: &Lexicons) -> bool {
    let lower = plain(before).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [.., last] if lex.has(|l| l.page_words, last) => true,
        [.., page, number, link] => {
            lex.has(|l| l.page_words, page)
                && number.chars().all(|c| c.is_ascii_digit())
                && lex.has(|l| l.page_links, link)
        }
        _ => false,
    }
}

/// Whether the word before a number makes it a reference to a part of a
/// text (`l'article 1609 nonies`, `la Ley 152 de 1994`, `chapter 3`): a
/// reference word or a numbered heading's prefix of the lexicons. The
/// later numbers of a list of references (`articles 22 et 25`, `sections
/// 4, 5 and 7`) refer as the first does.
fn refers_to_a_part(before: &str, lex: &Lexicons) -> bool {
    let lower = folded(&plain(before));
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.truncate(words.len() - listed_before(&lower, lex));
    let Some(last) = words.last() else {
        return false;
    };
    let joined = words.join(" ");
    lex.has(|l| l.reference_words, last)
        || lex.each(|l| l.numbered_heading_prefixes).any(|prefix| {
            joined
                .strip_suffix(prefix)
                .is_some_and(|head| head.is_empty() || head.ends_with(' '))
        })
}

/// How many of the last words of `lower` (the text before a number) are
/// the earlier numbers of a list the number closes, with the link before
/// it: numbers joined by commas, the last one by a comma or a conjunction
/// (`articles 22 et`, `sections 4, 5 and`, `articles 4,`). Numbers set
/// side by side with no link make no list (`n°3 12 028.29 €`: a number
/// and an amount), and a list must leave a word before it.
fn listed_before(lower: &str, lex: &Lexicons) -> usize {
    let mut spans: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (at, c) in lower.char_indices().chain([(lower.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                spans.push((from, &lower[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    let comma_after = |index: usize| {
        let end = spans.get(index).map_or(lower.len(), |(at, w)| at + w.len());
        let next = spans.get(index + 1).map_or(lower.len(), |(at, _)| *at);
        lower.get(end..next).is_some_and(|gap| gap.contains(','))
    };
    let Some(last) = spans.len().checked_sub(1) else {
        return 0;
    };
    let conjunction = spans
        .get(last)
        .is_some_and(|(_, word)| lex.has(|l| l.conjunctions, word));
    if !conjunction && !comma_after(last) {
        return 0;
    }
    let linked = usize::from(conjunction);
    let is_number = |index: usize| {
        spans
            .get(index)
            .is_some_and(|(_, word)| word.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut numbers = 0;
    while let Some(index) = (last + 1).checked_sub(linked + numbers + 1) {
        let joined = numbers == 0 || comma_after(index);
        if !is_number(index) || !joined {
            break;
        }
        numbers += 1;
    }
    if numbers == 0 || numbers + linked >= spans.len() {
        return 0;
    }
    numbers + linked
}

/// Most words of a statement of counts.
const STATEMENT_WORDS: usize = 40;

/// For each line, whether its paragraph is a statement: one sentence of at
/// most [`STATEMENT_WORDS`] words (`The call for projects received 14
/// proposals, 5 of them from rural councils.`). Such a paragraph is built
/// around its counts, which are key figures; counts in passing inside a
/// narrative paragraph of several sentences are not, when the document
/// marks its figures with emphasis. Second, whether its paragraph is prose
/// at all (sentences, not a title or a label). Paragraphs are read across
/// the lines a PDF wraps them on, so a rendering gives what its text gives.
fn statement_lines(
    text: &Text,
    stops: &BTreeSet<usize>,
    items: &[Option<u32>],
) -> (Vec<bool>, Vec<bool>) {
    let mut out = vec![false; text.lines.len()];
    let mut prose = vec![false; text.lines.len()];
    let mut index = 0;
    while index < text.lines.len() {
        let in_paragraph = |i: usize| {
            text.lines.get(i).is_some_and(|l| {
                !is_blank(l.text)
                    && !stops.contains(&i)
                    && !is_table_row(l.text)
                    && item_at(items, i).is_none()
            })
        };
        if !in_paragraph(index) {
            index += 1;
            continue;
        }
        // A line ending in a stop ends a paragraph of plain text, where each
        // sentence may have a line of its own.
        let first = index;
        while in_paragraph(index) {
            index += 1;
            let ended = text
                .lines
                .get(index - 1)
                .is_some_and(|l| l.plain.trim_end().ends_with(['.', '!', '?']));
            if ended {
                break;
            }
        }
        let joined: Vec<&str> = (first..index)
            .filter_map(|i| text.lines.get(i).map(|l| l.plain))
            .collect();
        let paragraph = joined.join(" ");
        if is_statement(&paragraph) {
            for flag in out.iter_mut().take(index).skip(first) {
                *flag = true;
            }
        }
        if is_sentence(&paragraph) {
            for flag in prose.iter_mut().take(index).skip(first) {
                *flag = true;
            }
        }
    }
    (out, prose)
}

/// One sentence, ended by a stop, of at most [`STATEMENT_WORDS`] words.
fn is_statement(paragraph: &str) -> bool {
    let trimmed = paragraph.trim();
    let words = trimmed.split_whitespace().count();
    let stops = trimmed
        .split_whitespace()
        .filter(|word| word.ends_with(['.', '!', '?']))
        .count();
    (5..=STATEMENT_WORDS).contains(&words) && stops == 1 && trimmed.ends_with(['.', '!', '?'])
}

/// A line of running text: a sentence that ends with a stop, or a long line.
fn is_sentence(raw: &str) -> bool {
    let flat = plain(raw);
    let trimmed = flat.trim();
    trimmed.split_whitespace().count() >= 5
        && (trimmed.ends_with(['.', '!', '?', ';']) || trimmed.chars().count() > PARAGRAPH_CHARS)
}

/// Whether a partitive word right before a number makes it a part of a
/// count (`dont 5`, `of which 3`).
fn partitive_before(before: &str, lex: &Lexicons) -> bool {
    let lower = folded(&lexicon::fold(&plain(before)));
    lex.each(|l| l.partitive_words).any(|phrase| {
        lower
            .strip_suffix(phrase)
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
    })
}

/// Whether `before` (the line up to a number) holds only markup and qualifiers.
fn leads(before: &str, lex: &Lexicons) -> bool {
    let cleaned = folded(&before.replace("**", " ").replace('*', " "));
    cleaned.is_empty()
        || lex
            .each(|l| l.qualifier_words)
            .any(|(phrase, _)| cleaned == *phrase)
}

/// Lines under a table-of-contents heading, whose numbers are page numbers.
fn contents_lines(text: &Text, headings: &[Heading], lex: &Lexicons) -> BTreeSet<usize> {
    let mut lines = BTreeSet::new();
    for (position, heading) in headings.iter().enumerate() {
        let whole = lex.contents_heading(&folded(&heading.title));
        if whole {
            let end = headings
                .get(position + 1)
                .map_or(text.lines.len(), |h| h.index);
            lines.extend(heading.last + 1..end);
        }
        // Entries read one a line apart from their pages (a contents page
        // set in columns, its heading run into the other column's first
        // title: `TABLE DES MATIÈRES 4. SUJETS POLITIQUES`): the pages
        // standing alone on their lines, down to the text's first sentence
        // and no further than the contents page.
        if whole || opens_on_contents_heading(&heading.title, lex) {
            let page = text.lines.get(heading.index).map(|line| line.page);
            let body = (heading.last + 1..text.lines.len())
                .find(|&i| {
                    text.lines
                        .get(i)
                        .is_none_or(|line| is_sentence(line.text) || Some(line.page) != page)
                })
                .unwrap_or(text.lines.len());
            lines.extend((heading.last + 1..body).filter(|&i| {
                text.lines
                    .get(i)
                    .is_some_and(|line| is_number_only(line.plain))
            }));
        }
        // An entry's page on a line of its own, under its title or over it
        // (`Editorial` / `3`, `3` / `Foreword`), is the entry's.
        if let Some(page) = heading.printed_page {
            let own_page = |index: usize| {
                text.lines.get(index).is_some_and(|line| {
                    is_number_only(line.plain) && line.plain.trim().parse() == Ok(page)
                })
            };
            let written = |i: &usize| text.lines.get(*i).is_some_and(|line| !is_blank(line.plain));
            let below = (heading.last + 1..text.lines.len()).find(written);
            let above = (0..heading.index).rev().find(written);
            lines.extend(below.into_iter().chain(above).filter(|&i| own_page(i)));
        }
    }
    lines
}

/// Most words of a contents heading that opens a longer heading.
const OPENING_CONTENTS_WORDS: usize = 3;

/// Whether a heading opens on a contents heading followed by a numbered
/// title (`TABLE DES MATIÈRES 4. SUJETS POLITIQUES`, `Contents 1 Foreword`):
/// the contents heading of a page read across its columns.
fn opens_on_contents_heading(title: &str, lex: &Lexicons) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    (1..=OPENING_CONTENTS_WORDS.min(words.len().saturating_sub(1))).any(|n| {
        words
            .get(n)
            .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()))
            && words
                .get(..n)
                .is_some_and(|head| lex.contents_heading(&folded(&lexicon::fold(&head.join(" ")))))
    })
}

/// For each line, whether a `**` bold span opened on an earlier line of the
/// same block is still open at its start.
fn bold_state(text: &Text) -> Vec<bool> {
    let footnotes = footnote_marks(text);
    let mut open = false;
    text.lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            if is_blank(line.text) {
                open = false;
            }
            let at_start = open;
            let footnote = usize::from(footnotes.get(index).copied().unwrap_or(false));
            if (line.text.matches("**").count() - footnote) % 2 == 1 {
                open = !open;
            }
            at_start
        })
        .collect()
}

/// For each line, whether it opens on a footnote's mark `**` rather than on
/// a bold span (`**Annual meeting – held within 14 days…`): the mark is never
/// closed, neither on its line nor further down its block.
fn footnote_marks(text: &Text) -> Vec<bool> {
    text.lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let start = line.text.trim_start();
            let opens = start.starts_with("**")
                && !start.starts_with("***")
                && line.text.matches("**").count() % 2 == 1;
            opens
                && text
                    .lines
                    .iter()
                    .skip(index + 1)
                    .take_while(|next| !is_blank(next.text))
                    .all(|next| !next.text.contains("**"))
        })
        .collect()
}

/// Every number of a line that is a quantity (not a year, date, ordinal or code).
fn numbers(raw: &str, bold_at_start: bool, lex: &Lexicons) -> Vec<Match> {
    let mut out = Vec::new();
    // Every number has a digit; most lines of prose have none, and are
    // asked for numbers once each.
    if !raw.bytes().any(|byte| byte.is_ascii_digit()) {
        return out;
    }
    let (months_after, months_before) = (month_after(lex), month_before(lex));
    // Numbers inside a date (`du 18 au 21 novembre 2019`) are not quantities.
    let dated: Vec<std::ops::Range<usize>> = dates::find_dates(raw, lex)
        .iter()
        .filter(|date| date.start.day.is_some())
        .map(|date| date.from..date.to)
        .collect();
    // Where the last number's printed form (with its unit) ends: a currency
    // sign inside it (`1 000.00 € 274`) is that number's, not the next one's.
    let mut last_end = 0;
    // Where a grouping broken by a space ends (`11, 879.40`): the digits
    // after the break belong to the number before it.
    let mut broken_end = 0;
    for caps in NUMBER.captures_iter(raw) {
        let (Some(whole), Some(num)) = (caps.get(0), caps.name("num")) else {
            continue;
        };
        if whole.start() < broken_end {
            continue;
        }
        let owned_currency = whole.start() < last_end;
        let start = if owned_currency {
            num.start()
        } else {
            whole.start()
        };
        // `US$5 million`, `NZ$ 40`: letters run into the sign name whose
        // dollar it is, and the amount opens on them.
        let prefixed = caps
            .name("currency")
            .filter(|_| !owned_currency)
            .and_then(|sign| sign_prefix(&raw[..start], sign.as_str()));
        let start = prefixed.map_or(start, |(letters, _)| start - letters);
        let end = whole.end();
        let previous = raw[..start].chars().next_back();
        // `N°22`, `Nº31-13`: a number's sign makes it a code.
        if previous.is_some_and(|c| c.is_alphanumeric() || ".,/°º#".contains(c)) {
            continue;
        }
        // `10:30 hrs.`: the minutes of a time, right after its hour and colon.
        let clock_minutes = previous == Some(':')
            && raw[..start]
                .strip_suffix(':')
                .and_then(|head| head.chars().next_back())
                .is_some_and(|c| c.is_ascii_digit());
        if clock_minutes {
            continue;
        }
        // `COVID-19`, `G-20`: a number hyphenated to a word is part of a name.
        let hyphenated = raw[..start]
            .strip_suffix(['-', '‑'])
            .and_then(|head| head.chars().next_back())
            .is_some_and(char::is_alphabetic);
        if hyphenated {
            continue;
        }
        // `the 2016-17 accounts`: the end of a span of years is a year.
        let span_end = raw[..start]
            .strip_suffix(['-', '–', '‑'])
            .is_some_and(ends_in_year);
        if span_end {
            continue;
        }
        if dated.iter().any(|span| span.contains(&start)) {
            continue;
        }
        let following = raw[end..].chars().next();
        if following.is_some_and(|c| c.is_alphanumeric() || "ºª°^'’".contains(c)) {
            continue;
        }
        let rest = &raw[end..];
        // `1.1.1`, `2.3.1.4`: a multi-level code goes on after the number read.
        let code_goes_on = rest
            .strip_prefix('.')
            .is_some_and(|tail| tail.starts_with(|c: char| c.is_ascii_digit()));
        if code_goes_on
            || is_time_or_numeric_date(rest)
            || is_enumerator(&raw[..start], rest)
            || minutes_of_a_time(&raw[..start], lex)
        {
            continue;
        }
        if months_after.is_match(rest) || months_before.is_match(&raw[..start]) {
            continue;
        }
        let range = rest
            .strip_prefix(['-', '–', '—'])
            .is_some_and(|tail| tail.starts_with(|c: char| c.is_ascii_digit()));
        if range {
            continue;
        }
        // `£11, 879.40`: a thousands separator and a space before a group of
        // three digits. After a currency sign the groups are one amount;
        // otherwise the comma may part two numbers, and neither is read.
        if let Some(group) = broken_group(num.as_str(), rest) {
            broken_end = end + group.len();
            let joined = format!("{}{}", num.as_str(), group.replacen(' ', "", 1));
            let amount = caps.name("currency").filter(|_| !owned_currency);
            let Some(value) = amount.and_then(|_| parse_number(&joined, None)) else {
                continue;
            };
            let end = broken_end;
            let unit = amount.and_then(|m| sign_code(m.as_str()));
            last_end = end;
            let printed = plain(raw.get(start..end).unwrap_or(whole.as_str()));
            let own_printed =
                (raw.get(start..end) != Some(printed.as_str())).then(|| printed.into());
            out.push(Match {
                start,
                end,
                value,
                unit: unit.map(String::into_boxed_str),
                qualifier: qualifier_before(&raw[..start], lex),
                own_printed,
                bold: bold_at_start ^ (raw[..start].matches("**").count() % 2 == 1),
                has_suffix: false,
                plus: false,
                counted: false,
            });
            continue;
        }
        let suffix = caps.name("suffix").and_then(|m| m.as_str().chars().next());
        // A lower-case `m` abbreviates millions only after a currency sign
        // (`£14m`); after a bare number it is a unit (`600m`).
        if suffix == Some('m') && caps.name("currency").is_none() {
            continue;
        }
        // A day run into the capital of its month after a word that places
        // a day (`el pasado 28M`, `tras el 15M`) names that day, as the press
        // names elections and protests: no millions.
        let day_named = suffix == Some('M')
            && caps.name("currency").is_none()
            && num
                .as_str()
                .parse::<u8>()
                .is_ok_and(|day| (1..=31).contains(&day))
            && raw[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(|word| {
                    let word = word.to_lowercase();
                    lex.has(|l| l.relative_date_words, &word)
                        || lex.has(|l| l.date_prepositions, &word)
                });
        if day_named {
            continue;
        }
        let Some(value) = parse_number(num.as_str(), suffix) else {
            continue;
        };
        let (scale, scale_len) = match suffix {
            Some(_) => (1.0, 0),
            None => match abbreviation_before_sign(rest) {
                Some(found) => found,
                None => scale_after(rest, lex),
            },
        };
        let value = value * scale;
        let rest = rest.get(scale_len..).unwrap_or("");
        // An amount of two scales (`3 milliards cinq cents millions`) is
        // not the first alone, and its words are not read here: no figure.
        if (scale_len > 0 && scale_goes_on(rest, lex)) || follows_a_scale_word(&raw[..start], lex) {
            continue;
        }
        let end = end + scale_len;
        let (unit_text, unit_len) = match unit_after(rest, lex) {
            (None, _) if scale_len > 0 => unit_after_link(rest, lex),
            found => found,
        };
        // `AFMNB 2013€_propos`: a sign run into a word on both sides is part
        // of a name (a file's or a link's), no amount.
        let printed_unit = rest.get(..unit_len).unwrap_or("");
        let sign_runs_on = unit_len > 0
            && !printed_unit.chars().any(char::is_alphabetic)
            && unit_text.as_deref().is_some_and(is_currency_code)
            && rest
                .get(unit_len..)
                .is_some_and(|after| after.starts_with(|c: char| c.is_alphanumeric() || c == '_'));
        if sign_runs_on {
            continue;
        }
        let currency = prefixed.map(|(_, code)| code.to_owned()).or_else(|| {
            caps.name("currency")
                .filter(|_| !owned_currency)
                .and_then(|m| sign_code(m.as_str()))
        });
        let unit = unit_text
            .or(currency)
            .or_else(|| code_before(&raw[..start]));
        let sign = caps.name("sign").map(|m| m.as_str().trim());
        let qualifier = match sign {
            Some("+") => Qualifier::AtLeast,
            Some(_) => Qualifier::Approximately,
            None => qualifier_before(&raw[..start], lex),
        };
        if is_threshold(&raw[..start], rest.get(unit_len..).unwrap_or(""), lex) {
            continue;
        }
        // A year run into the next word reads as one with a suffix
        // (`RAPPORT FINANCIER 2022M. GIMENEZ`, the `M.` of a name): still a year.
        let is_year = sign.is_none()
            && scale_len == 0
            && unit.is_none()
            && !num.as_str().contains(['.', ',', ' ', '\'', '’'])
            && parse_number(num.as_str(), None)
                .is_some_and(|bare| (1900.0..=2100.0).contains(&bare));
        if is_year {
            continue;
        }
        let bold = bold_at_start ^ (raw[..start].matches("**").count() % 2 == 1);
        let counted = value >= 2.0 && value.fract() == 0.0 && counts_a_noun(rest, lex);
        let printed_end = end + unit_len;
        last_end = printed_end;
        let printed = plain(raw.get(start..printed_end).unwrap_or(whole.as_str()));
        let own_printed =
            (raw.get(start..printed_end) != Some(printed.as_str())).then(|| printed.into());
        out.push(Match {
            start,
            end: printed_end,
            value,
            unit: unit.map(String::into_boxed_str),
            qualifier,
            own_printed,
            bold,
            // A scale word abbreviates like a suffix (`13 milliards`, `47 millones`).
            has_suffix: suffix.is_some() || scale_len > 0,
            plus: sign == Some("+"),
            counted,
        });
    }
    out
}

/// The rest of a grouping broken by a space after its separator (`, 879.40`
/// after `11`): a comma or dot, one space, exactly three digits and maybe
/// decimals, after a number of one to three digits printed without
/// separators.
fn broken_group<'r>(num: &str, rest: &'r str) -> Option<&'r str> {
    static GROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[,.] [0-9]{3}(?:[.,][0-9]{1,2})?").expect("GROUP is a valid literal pattern")
    });
    if num.len() > 3 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let group = GROUP.find(rest)?;
    let next = rest[group.end()..].chars().next();
    next.is_none_or(|c| !c.is_alphanumeric())
        .then(|| group.as_str())
}

/// The code of a currency sign as matched before a number (`£ `, `\\$`).
fn sign_code(printed: &str) -> Option<String> {
    let sign = printed.trim().trim_start_matches('\\');
    lexicon::CURRENCY_SIGNS
        .iter()
        .find(|(printed, _)| *printed == sign)
        .map(|(_, code)| (*code).to_owned())
}

/// The letters run into a currency sign before it that make one symbol of
/// [`lexicon::UNIT_SYMBOLS`] with it (`US` of `US$`, `NZ` of `NZ$`): how
/// many bytes they take and the symbol's unit. `None` when no letters
/// stand right before the sign, when they are the end of a longer word,
/// or when they and the sign are no symbol.
fn sign_prefix(before: &str, sign: &str) -> Option<(usize, &'static str)> {
    let head = before.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let letters = before.len() - head.len();
    if letters == 0 || head.ends_with(char::is_alphanumeric) {
        return None;
    }
    let symbol = format!("{}{}", &before[head.len()..], sign.trim());
    lexicon::UNIT_SYMBOLS
        .iter()
        .find(|(printed, _)| printed.eq_ignore_ascii_case(&symbol))
        .map(|(_, unit)| (letters, *unit))
}

/// Prices in the money of the document's land the amounts read as US
/// dollars from a bare `$` or the word dollar (`$200 million` in a report of
/// Queensland's councils, `$ 12.349.810` in a Chilean council's minutes):
/// the sign and the word name every dollar and the peso. The land is the one
/// money whose places the text names ([`lexicon::DOLLAR_LANDS`]), at least
/// [`LAND_MENTIONS`] times; a text naming none, places of several moneys, or
/// a land only in passing keeps the US dollar. An amount printed with the US
/// dollar's own code (`USD 50,000`, `4 million USD`, `US$ 3`) keeps it.
/// The word peso (`242 millones de pesos`) names the peso of the land the
/// text names, and no money where it names none or a land of another.
pub fn localize_dollars(figures: &mut [KeyFigure], text: &Text, lex: &Lexicons) {
    if !figures.iter().any(|figure| {
        matches!(figure.unit.as_deref(), Some(unit) if unit == "USD" || unit == lexicon::LAND_PESO)
    }) {
        return;
    }
    let land = dollar_land(text);
    let peso = land.filter(|code| lexicon::PESO_MONEYS.contains(code));
    for figure in figures.iter_mut() {
        if figure.unit.as_deref() == Some(lexicon::LAND_PESO) {
            figure.unit = peso.map(str::to_owned);
        }
    }
    let Some(code) = land else {
        return;
    };
    for figure in figures {
        let printed = figure.text.to_lowercase();
        // The code before the number (`USD 3 million`) is not in the
        // printed number: the sign or the word must be. A sign run into
        // its land's letters (`US$`, `NZ$`) names its own dollar.
        let by_sign = printed
            .match_indices('$')
            .any(|(at, _)| !printed[..at].ends_with(char::is_alphabetic));
        let by_word = lex
            .each(|l| l.unit_words)
            .any(|(word, unit)| *unit == "USD" && printed.contains(word));
        if figure.unit.as_deref() == Some("USD") && !printed.contains("usd") && (by_sign || by_word)
        {
            figure.unit = Some(code.to_owned());
        }
    }
}

/// Fewest mentions of a land's places that make its money the document's:
/// an international report names a land in passing (`partners in Canada`)
/// and prices in US dollars all the same.
const LAND_MENTIONS: usize = 2;

/// The one money of [`lexicon::DOLLAR_LANDS`] whose places `text` names
/// (whole words, in any case) at least [`LAND_MENTIONS`] times; `None` when
/// none does, or when places of another money are named too.
fn dollar_land(text: &Text) -> Option<&'static str> {
    // Each land as its words, found by its first word: a line is split
    // into words once and each word looked up, rather than every land
    // searched for in every line (most of a long text's time here).
    let lands: Vec<(Vec<&'static str>, &'static str)> = lexicon::DOLLAR_LANDS
        .iter()
        .map(|(land, code)| (land.split(' ').collect(), *code))
        .collect();
    let mut by_first: std::collections::HashMap<&'static str, Vec<usize>> =
        std::collections::HashMap::new();
    for (at, (words, _)) in lands.iter().enumerate() {
        if let Some(first) = words.first() {
            by_first.entry(first).or_default().push(at);
        }
    }
    let mut named: std::collections::BTreeMap<&'static str, usize> =
        lands.iter().map(|(_, code)| (*code, 0)).collect();
    // Where each land's next mention may start in the line: a mention
    // takes the space after it, so the same land named twice in a row
    // (`canada canada`) is one mention.
    let mut next = vec![0; lands.len()];
    for line in &text.lines {
        let folded = lexicon::fold(line.plain);
        let words: Vec<std::borrow::Cow<'_, str>> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(lowercase)
            .collect();
        next.iter_mut().for_each(|at| *at = 0);
        for (start, word) in words.iter().enumerate() {
            let Some(candidates) = by_first.get(word.as_ref()) else {
                continue;
            };
            for &land in candidates {
                let (land_words, code) = &lands[land];
                let end = start + land_words.len();
                let here = start >= next[land]
                    && words.get(start..end).is_some_and(|run| {
                        run.iter()
                            .zip(land_words)
                            .all(|(word, land_word)| word == land_word)
                    });
                if here {
                    *named.entry(code).or_default() += 1;
                    next[land] = end + 1;
                }
            }
        }
    }
    let mut codes = named.into_iter().filter(|(_, count)| *count > 0);
    let (code, count) = codes.next()?;
    (codes.next().is_none() && count >= LAND_MENTIONS).then_some(code)
}

/// `word` in lower case, borrowed when it already is (most words of a text).
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Whether a unit is a currency's code (`EUR`, `GBP`): a sign's reading.
fn is_currency_code(unit: &str) -> bool {
    lexicon::CURRENCY_SIGNS
        .iter()
        .any(|(_, code)| *code == unit)
}

/// Whether the text right after a number makes it part of a time or a
/// numeric date (`9:00`, `2/22/2022`): a colon or slash, then a digit; or
/// an hour set apart (`10 H`, `12 H 30`, `19 h 30`): a lone `h`, then
/// nothing, a space or the minutes.
fn is_time_or_numeric_date(rest: &str) -> bool {
    let mut chars = rest.chars();
    let numeric =
        matches!(chars.next(), Some(':' | '/')) && chars.next().is_some_and(|c| c.is_ascii_digit());
    let hour = rest
        .strip_prefix(' ')
        .and_then(|tail| tail.strip_prefix(['h', 'H']))
        .is_some_and(|tail| !tail.starts_with(char::is_alphabetic));
    numeric || hour
}

/// Whether a number opening a line enumerates it (`1- Internet`, `2) Budget`,
/// `3.- Correspondence`, `1.2. Background. 30`): nothing before it but
/// spacing or a bullet, then a dash or closing parenthesis (after a stop or
/// not) or a stop alone, a space and a word. A stop or a dash closing the
/// line (`7.`, an item cut off at the end of an excerpt; `3.1-` over its
/// item's text, as Québec councils print their agendas) enumerates too, and
/// so does a stop the item's title runs into (`1.OPENING ADDRESS`, its
/// space lost).
fn is_enumerator(before: &str, rest: &str) -> bool {
    let opens_line = before
        .chars()
        .all(|c| c.is_whitespace() || "-•*".contains(c));
    let stop = rest.strip_prefix('.');
    let after_stop = stop.unwrap_or(rest);
    let tail = match after_stop.strip_prefix(['-', '–', ')']) {
        Some(tail) => Some(tail),
        None => stop,
    };
    let word_follows = tail
        .and_then(|tail| tail.strip_prefix(' '))
        .is_some_and(|tail| tail.trim_start().starts_with(char::is_alphabetic));
    let glued_title = stop.is_some_and(|tail| tail.starts_with(char::is_uppercase));
    let closes_line = tail.is_some_and(|tail| tail.trim().is_empty());
    opens_line && (word_follows || glued_title || closes_line)
}

/// Whether a line is nothing but three or more numbers (`630 210 70 57%
/// 43%`, `28 33 35 39`): a row of counters or page numbers whose labels
/// were set apart (a lost layout). Which number counts what cannot be told,
/// and spaces there part numbers rather than group thousands. `flat` is
/// the line without its markup ([`plain`]).
fn is_row_of_numbers(flat: &str) -> bool {
    let tokens: Vec<&str> = flat.split_whitespace().collect();
    tokens.len() >= 3
        && !flat.contains('|')
        && tokens.iter().all(|token| {
            let digits = token.trim_start_matches(['+', '~']).trim_end_matches('%');
            !digits.is_empty()
                && digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,".contains(c))
        })
}

/// Fewest numbers in a row, parted by spaces only, that make table cells.
const ROW_NUMBERS: usize = 3;

/// For each number of a line, whether it stands in a row of at least
/// [`ROW_NUMBERS`] numbers parted only by spaces (`… Acuerdo. 100% 100% 100%
/// 100% Secretaría…`): the cells of a table row run into the text, whose
/// columns say what each counts; the text cannot.
fn numbers_in_rows(raw: &str, matches: &[Match]) -> Vec<bool> {
    let mut out = vec![false; matches.len()];
    let mut start = 0;
    for end in 1..=matches.len() {
        let joined = end < matches.len()
            && matches
                .get(end - 1)
                .zip(matches.get(end))
                .and_then(|(a, b)| raw.get(a.end..b.start))
                .is_some_and(|gap| !gap.is_empty() && is_blank(gap));
        if !joined {
            if end - start >= ROW_NUMBERS {
                for flag in out.iter_mut().take(end).skip(start) {
                    *flag = true;
                }
            }
            start = end;
        }
    }
    out
}

/// Whether a number opening a line is a multi-level item code before its
/// title (`1.1 Opening of the Session`, `2.3.1 Budget`): parts of one or two
/// digits joined by dots, then a capitalised word.
fn is_item_code(m: &Match, raw: &str) -> bool {
    let code = m.printed(raw).trim_end_matches('.');
    let multi_level = code.contains('.') && is_heading_number(code) && m.unit.is_none();
    let after = raw.get(m.end..).unwrap_or("");
    multi_level
        && after
            .strip_prefix(' ')
            .is_some_and(|title| title.starts_with(char::is_uppercase))
}

/// Fewest lines in a row whose opening numbers count on one by one.
const COUNTER_RUN: usize = 3;

/// Whether a line is nothing but two numbers parted by a slash (`44 /
/// 181`): the pages of one entry in the two language parts of a bilingual
/// edition, a score or a ratio; the line does not say which, nor what is
/// counted.
fn is_page_pair(flat: &str) -> bool {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*[0-9]{1,4}\s*/\s*[0-9]{1,4}\s*$").expect("PAIR is a valid literal pattern")
    });
    PAIR.is_match(flat)
}

/// Lines holding nothing but a code of two levels (`1.2`, `2.10`) whose
/// neighbour in the numbering (`1.1` or `1.3`) also stands on a line of its
/// own: the codes of the sections of a contents page or of a plan, set
/// over their titles, and no decimal figures.
fn code_lines(text: &Text) -> BTreeSet<usize> {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*([0-9]{1,2})\.([0-9]{1,2})\s*$").expect("CODE is a valid literal pattern")
    });
    let codes: Vec<(usize, (u32, u32))> = text
        .lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| {
            let caps = CODE.captures(line.plain)?;
            Some((index, (caps[1].parse().ok()?, caps[2].parse().ok()?)))
        })
        .collect();
    let present: BTreeSet<(u32, u32)> = codes.iter().map(|&(_, code)| code).collect();
    codes
        .into_iter()
        .filter(|&(_, (major, minor))| {
            present.contains(&(major, minor + 1))
                || (minor > 0 && present.contains(&(major, minor - 1)))
        })
        .map(|(index, _)| index)
        .collect()
}

/// Lines whose opening bare number counts on from the line before (`1 Our
/// mission…` / `2 The trust…` / `3 Letter…`): the page numbers of a
/// transcription set a page a line, or the numbers of a list, and no
/// figures. A run of at least [`COUNTER_RUN`] written lines in a row, each
/// number one more than the last.
fn counter_lines(text: &Text) -> BTreeSet<usize> {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*([0-9]{1,3})\s+\S").expect("OPENING is a valid literal pattern")
    });
    let opening = |line: &Line| -> Option<u32> {
        OPENING
            .captures(line.text)
            .and_then(|caps| caps.get(1)?.as_str().parse().ok())
    };
    let mut found = BTreeSet::new();
    let mut run: Vec<(usize, u32)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, u32)>| {
        if run.len() >= COUNTER_RUN {
            found.extend(run.iter().map(|&(index, _)| index));
        }
        run.clear();
    };
    for (index, line) in text.lines.iter().enumerate() {
        if is_blank(line.text) {
            continue;
        }
        match opening(&line) {
            Some(number) if run.last().is_some_and(|&(_, last)| number == last + 1) => {
                run.push((index, number));
            }
            Some(number) => {
                flush(&mut run);
                run.push((index, number));
            }
            None => flush(&mut run),
        }
    }
    flush(&mut run);
    found
}

/// Fewest words of a title in capitals after a folio or title number.
const CAPITAL_TITLE_WORDS: usize = 5;

/// Whether a bare number opening a line opens a title in capitals that
/// runs on (`1 REPORT ON THE THIRTY-EIGHTH SESSION OF THE…`, `1 ACTA
/// SESIÓN ORDINARIA N° 1 DE FECHA…`): at least [`CAPITAL_TITLE_WORDS`]
/// words in capitals, then more. A short label in capitals (`30 ALIANZAS
/// ACTIVAS`) names a count.
fn opens_title_in_capitals(m: &Match, raw: &str) -> bool {
    let words: Vec<&str> = raw.get(m.end..).unwrap_or("").split_whitespace().collect();
    let bare = m.unit.is_none() && !m.plus && !m.has_suffix && m.qualifier == Qualifier::Exact;
    bare && words.len() > CAPITAL_TITLE_WORDS
        && super::shape::is_all_caps(&words[..CAPITAL_TITLE_WORDS].join(" "), 12)
}

/// Words on each side of a number within which a comparative makes it a threshold.
const THRESHOLD_REACH: usize = 3;

/// Whether a comparative word of the lexicons near a number makes it a
/// threshold of a scale or legend (`si el valor es menor e igual al 20%`,
/// `greater than 75%`, `un porcentaje del 75% o superior`): within the
/// [`THRESHOLD_REACH`] words on either side of it in its clause.
fn is_threshold(before: &str, after: &str, lex: &Lexicons) -> bool {
    let clause = before.rsplit([',', ';', ':', '(']).next().unwrap_or("");
    let words = |text: &str| -> Vec<String> {
        folded(&plain(text))
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let before_words = words(clause);
    let after_clause = after.split([',', ';', ':', '.', ')']).next().unwrap_or("");
    let after_words = words(after_clause);
    // Only short link words (`a`, `al`, `than`, `à`, `or`) may stand
    // between the comparative and the number: `the Mayor welcomed 300
    // guests` states a count.
    let reaches = |mut words: Box<dyn Iterator<Item = &String> + '_>| {
        words
            .find(|word| {
                word.chars().count() > LINK_LETTERS || lex.has(|l| l.threshold_words, word)
            })
            .is_some_and(|word| lex.has(|l| l.threshold_words, word))
    };
    reaches(Box::new(before_words.iter().rev().take(THRESHOLD_REACH)))
        || reaches(Box::new(after_words.iter().take(THRESHOLD_REACH)))
}

/// Most letters of a link word between a comparative and its number.
const LINK_LETTERS: usize = 4;

/// Most words (adjectives, a compound's first noun) between a count in
/// words and the unit it counts (`five local councils`).
const WORDED_MODIFIERS: usize = 2;

/// The value of a number written as one word, or as tens and units joined
/// by a hyphen (`thirty-five`, `vingt-cinq`), from 2 to 99: one is no
/// count, and hundreds and thousands in words go with other words (`cinq
/// cents`, `dos mil`).
fn worded_value(word: &str, lex: &Lexicons) -> Option<u16> {
    let value = |part: &str| lex.number_value(&lexicon::unaccented(&part.to_lowercase()));
    let total = match word.split_once('-') {
        Some((tens, units)) => {
            let (tens, units) = (value(tens)?, value(units)?);
            ((20..=90).contains(&tens) && tens % 10 == 0 && (1..=9).contains(&units))
                .then_some(tens + units)?
        }
        None => value(word)?,
    };
    (2..=99).contains(&total).then_some(total)
}

/// Counts written in words before a unit of the lexicon's
/// `worded_count_nouns`, at most [`WORDED_MODIFIERS`] lower-case words
/// apart, from byte `from` of the line on. A count after an article (`the
/// two organisations`, `les trois villes`) refers back to units named
/// before: no figure. Neither is a number word next to another (`dos
/// mil`).
fn worded_counts(raw: &str, from: usize, lex: &Lexicons) -> Vec<Match> {
    // Dashes set an aside apart as spaces do (`members—five local
    // councils—for`).
    let words: Vec<(usize, &str)> = raw
        .get(from..)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - raw.as_ptr() as usize, w))
        .collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut out = Vec::new();
    for (at, &(start, word)) in words.iter().enumerate() {
        // The number word stands alone, no mark around it (`five,`).
        if !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            continue;
        }
        let Some(value) = worded_value(word, lex) else {
            continue;
        };
        let previous = at
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .map(|&(_, w)| bare(w));
        let next = words.get(at + 1).map(|&(_, w)| bare(w));
        let in_words = |w: &str| lex.number_value(&lexicon::unaccented(w)).is_some();
        if previous
            .as_deref()
            .is_some_and(|p| lex.has(|l| l.totals_articles, p) || in_words(p))
            || next.as_deref().is_some_and(in_words)
        {
            continue;
        }
        let counts_a_unit = words
            .iter()
            .skip(at + 1)
            .take(WORDED_MODIFIERS + 1)
            .map(|&(_, w)| w)
            .enumerate()
            .find_map(|(gap, w)| {
                let noun = bare(w);
                if lex.has(|l| l.worded_count_nouns, &noun) {
                    return Some(true);
                }
                // A modifier is a lower-case word that goes on to the noun,
                // no preposition or link (`tres por ayuntamientos`).
                let modifier = gap < WORDED_MODIFIERS
                    && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                    && !lex.has(|l| l.label_stop_words, &noun);
                (!modifier).then_some(false)
            })
            .unwrap_or(false);
        if !counts_a_unit {
            continue;
        }
        out.push(Match {
            start,
            end: start + word.len(),
            value: f64::from(value),
            unit: None,
            qualifier: qualifier_before(&raw[..start], lex),
            own_printed: None,
            bold: false,
            has_suffix: false,
            plus: false,
            counted: true,
        });
    }
    out
}

/// Most words between a scale word and the next of the same amount
/// (`milliards` / `cinq cents` / `millions`).
const SCALE_GAP_WORDS: usize = 3;

/// Whether the text after a scale word goes on with the same amount: a
/// number, in digits or words, then another scale word within
/// [`SCALE_GAP_WORDS`] words (`… cinq cents millions de francs`).
fn scale_goes_on(rest: &str, lex: &Lexicons) -> bool {
    let mut words = rest.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let first = word(first);
    let numeric = !first.is_empty() && first.chars().all(|c| c.is_ascii_digit());
    if !numeric && lex.number_value(&lexicon::unaccented(&first)).is_none() {
        return false;
    }
    words.take(SCALE_GAP_WORDS).any(|w| {
        lex.each(|l| l.scale_words)
            .any(|(scale, _)| *scale == word(w))
    })
}

/// Whether the text before a number ends on a scale word (`12 millones`
/// before `722 mil 500 quetzales`, `integra a mil` before `625 alcaldes`,
/// Spanish `mil` being a thousand by itself): the number is the tail of an
/// amount of several scales, no amount of its own.
fn follows_a_scale_word(before: &str, lex: &Lexicons) -> bool {
    let Some(last) = before.split_whitespace().next_back() else {
        return false;
    };
    let last = last.to_lowercase();
    lex.each(|l| l.scale_words).any(|(word, _)| *word == last)
}

/// The scale word right after a number (`million`, `millones`), and how
/// many bytes it takes with its space.
fn scale_after(rest: &str, lex: &Lexicons) -> (f64, usize) {
    let Some(spaced) = rest.strip_prefix(' ') else {
        return (1.0, 0);
    };
    let lower = spaced.to_lowercase();
    if lower.len() != spaced.len() {
        return (1.0, 0);
    }
    let mut scales: Vec<&(&str, f64)> = lex.each(|l| l.scale_words).collect();
    scales.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
    scales
        .into_iter()
        .find(|(word, _)| {
            lower
                .strip_prefix(word)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
        .map_or((1.0, 0), |&(word, scale)| (scale, 1 + word.len()))
}

/// The unit after a scale word and a noun link (`19 millones de euros`,
/// `3 millions d'euros`), and how many bytes it takes with the link.
fn unit_after_link(rest: &str, lex: &Lexicons) -> (Option<String>, usize) {
    for link in lex.each(|l| l.noun_links) {
        // A link ending in `e` may be elided before a vowel (`d'euros`).
        let elided = link.strip_suffix('e').filter(|stem| !stem.is_empty());
        let Some(tail) = rest.strip_prefix(' ').and_then(|t| {
            t.strip_prefix(link)
                .and_then(|t| t.strip_prefix(' '))
                .or_else(|| {
                    elided
                        .and_then(|stem| t.strip_prefix(stem))
                        .and_then(|t| t.strip_prefix(['\'', '’']))
                })
        }) else {
            continue;
        };
        if let (Some(unit), used) = unit_after(tail, lex) {
            return (Some(unit), rest.len() - tail.len() + used);
        }
    }
    (None, 0)
}

/// The unit symbols and the unit words of `lex`, longest first (in table
/// order among those of one length): asked after every number, sorted once
/// per set of languages.
fn units_longest_first(lex: &Lexicons) -> Arc<Vec<(&'static str, &'static str)>> {
    lex.cached("units-longest-first", |lex| {
        let mut units: Vec<(&'static str, &'static str)> = lexicon::UNIT_SYMBOLS
            .iter()
            .chain(lex.each(|l| l.unit_words))
            .copied()
            .collect();
        units.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        units
    })
}

/// The unit written right after a number, and how many bytes it takes.
///
/// A bold span may open between the two (`59 **% Partenariados**`): a PDF
/// whose unit is drawn in the label's font (or whose weights the layout
/// reads from advance widths) puts the unit inside the label's emphasis,
/// and the unit is still the number's.
fn unit_after(rest: &str, lex: &Lexicons) -> (Option<String>, usize) {
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let spaced = spaced.strip_prefix("**").unwrap_or(spaced);
    let candidate = spaced.strip_prefix('\\').unwrap_or(spaced);
    let skipped = rest.len() - candidate.len();
    for (word, unit) in units_longest_first(lex).iter() {
        let Some(head) = candidate.get(..word.len()) else {
            continue;
        };
        // Compared char by char: asked of every unit after every number.
        if !head.chars().flat_map(char::to_lowercase).eq(word.chars()) {
            continue;
        }
        let alphabetic = word.chars().next_back().is_some_and(char::is_alphabetic);
        let after = candidate.get(word.len()..).unwrap_or("");
        if alphabetic && after.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        // A unit's letters opening a verb phrase are the verb (`el
        // período 2012 ha sido elaborado`: `ha` is no hectare).
        let opens_verb = alphabetic
            && lex.each(|l| l.auxiliaries).any(|auxiliary| {
                auxiliary.len() > word.len()
                    && auxiliary.starts_with(word)
                    && auxiliary[word.len()..].starts_with(' ')
                    && candidate
                        .get(..auxiliary.len())
                        .is_some_and(|head| head.to_lowercase() == *auxiliary)
            });
        if opens_verb {
            continue;
        }
        return (Some((*unit).to_owned()), skipped + word.len());
    }
    (None, 0)
}

/// The qualifier of a figure, read across a line wrap when the words before
/// it on its line continue a wrapped line (`… con un total de más` / `de 300
/// participantes`).
fn wrapped_qualifier(
    text: &Text,
    index: usize,
    before: &str,
    m: &Match,
    lex: &Lexicons,
) -> Qualifier {
    if m.qualifier != Qualifier::Exact || m.plus {
        return m.qualifier;
    }
    let Some(above) = index.checked_sub(1).filter(|&above| wraps(text, above)) else {
        return m.qualifier;
    };
    let joined = format!(
        "{} {before}",
        text.lines.get(above).map_or("", |line| line.text)
    );
    qualifier_before(&joined, lex)
}

/// The qualifier phrase ending right before a number, if any.
fn qualifier_before(before: &str, lex: &Lexicons) -> Qualifier {
    let cleaned = folded(&before.replace("**", " "));
    lex.each(|l| l.qualifier_words)
        .find(|(phrase, _)| {
            cleaned
                .strip_suffix(phrase)
                .is_some_and(|head| head.is_empty() || head.ends_with(' '))
        })
        .map_or(Qualifier::Exact, |&(_, qualifier)| qualifier)
}

/// The label of a figure: `(label, on the number's line, unit found on a continuation line)`.
fn label_for(
    text: &Text,
    index: usize,
    m: &Match,
    leading: bool,
    next_start: usize,
    headings: &BTreeSet<usize>,
    lex: &Lexicons,
) -> Option<(String, bool, Option<String>)> {
    let raw = text.lines.get(index)?.text;
    let after = raw.get(m.end..)?;
    let line_plain = plain(raw);
    // A bold span left open at the end of the line goes on below: a number
    // inside a paragraph takes its label there (a PDF wraps `**… de 322` /
    // `ciudades y 82 países.**`).
    let span_goes_on = m.bold && !after.contains("**");
    if m.bold {
        let span_end = after.find("**").map_or(after.len(), |at| at);
        let inside = after
            .get(..span_end.min(next_start.saturating_sub(m.end)))
            .unwrap_or("");
        let mut label = phrase(inside);
        let wrapped = !leading && span_goes_on && next_start >= raw.len();
        if label.is_empty() && wrapped && is_blank(inside) {
            if let Some(below) = text.lines.get(index + 1) {
                label = phrase(below.text.split("**").next().unwrap_or(""));
            }
        }
        if !label.is_empty() {
            return Some((label, true, None));
        }
    }
    if !leading || line_plain.chars().count() > PARAGRAPH_CHARS || wraps(text, index) {
        let mut label = phrase(
            after
                .get(..next_start.saturating_sub(m.end).min(after.len()))
                .unwrap_or(after),
        );
        if label.is_empty() {
            // An amount in parentheses is labelled by the words before them
            // (`les recettes (110 449 €) ont diminué`).
            let before = raw.get(..m.start).unwrap_or("");
            let before = before.trim_end().strip_suffix('(').unwrap_or(before);
            label = phrase_before(before);
        }
        return (!label.is_empty()).then_some((label, true, None));
    }
    let mut label = plain(after).trim_matches([':', '-', '–', ' ']).to_owned();
    let label_on_line = !label.is_empty();
    let mut unit_fix = None;
    let mut cursor = index + 1;
    let mut taken = 0;
    while let Some((at, line)) = next_label_line(text, cursor, taken, headings) {
        taken += 1;
        cursor = at + 1;
        let part = line.plain;
        let (unit, used) = unit_after(part, lex);
        if unit.is_some() && used == part.len() && label.is_empty() {
            unit_fix = unit;
        } else {
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(part);
        }
        // The label of a bold figure ends with its bold span (`**+ 3302` /
        // `seguidores**` / `en LinkedIn…`), blank line or not; a span that
        // holds only the unit (`**+750k $` / `USD**`) leaves the label below.
        if span_goes_on && line.text.contains("**") && !label.is_empty() {
            break;
        }
    }
    if label.is_empty() {
        while text.lines.get(cursor).is_some_and(|l| is_blank(l.text)) {
            cursor += 1;
        }
        if headings.contains(&cursor) {
            return None;
        }
        let mut taken = 0;
        while let Some((at, line)) = next_label_line(text, cursor, taken, headings) {
            taken += 1;
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(line.plain);
            cursor = at + 1;
        }
    }
    (!label.is_empty()).then_some((label, label_on_line, unit_fix))
}

/// The next line of a label at or after `cursor`, with `taken` lines already
/// in it: a blank line that a lower-case phrase goes on over is passed; a
/// blank line, heading, number, address or [`LABEL_LINES`] ends the label.
fn next_label_line<'t>(
    text: &'t Text,
    mut cursor: usize,
    taken: usize,
    headings: &BTreeSet<usize>,
) -> Option<(usize, Line<'t>)> {
    while text
        .lines
        .get(cursor)
        .is_some_and(|line| is_blank(line.text))
        && phrase_goes_on_below(text, cursor, headings)
    {
        cursor += 1;
    }
    let line = text.lines.get(cursor)?;
    let ends = taken >= LABEL_LINES
        || is_blank(line.text)
        || headings.contains(&cursor)
        || starts_with_number(line.text)
        || is_address(line.text);
    (!ends).then_some((cursor, line))
}

/// Whether the phrase of a label goes on over the blank line at `blank`: the
/// next line is no heading and starts in lower case (`16,8%` / `de nuestras
/// metrópolis` / `están gobernadas`), as when a PDF sets the lines of an
/// infographic's phrase a paragraph apart.
fn phrase_goes_on_below(text: &Text, blank: usize, headings: &BTreeSet<usize>) -> bool {
    let below = blank + 1;
    !headings.contains(&below)
        && text
            .lines
            .get(below)
            .is_some_and(|line| line.plain.chars().next().is_some_and(char::is_lowercase))
}

/// For each line, the index of the bullet line that opens the list item it
/// belongs to: the bullet line itself, and the lines that continue it (a PDF
/// wraps long items: not blank, not a bullet, heading or table row, starting
/// in lower case or with a sign).
fn item_of_lines(text: &Text, headings: &BTreeSet<usize>) -> Vec<Option<u32>> {
    let mut out: Vec<Option<u32>> = Vec::with_capacity(text.lines.len());
    let mut current = None;
    for (index, line) in text.lines.iter().enumerate() {
        let raw = line.text;
        if headings.contains(&index) || is_blank(raw) || is_table_row(raw) {
            current = None;
        } else if bullet(raw).is_some() {
            current = u32::try_from(index).ok();
        } else {
            let continues = plain(raw)
                .trim_start()
                .starts_with(|c: char| c.is_lowercase() || c == '+');
            if !continues {
                current = None;
            }
        }
        out.push(current);
    }
    out
}

/// Opening lines of the items of enumerative lists: lists of at least
/// [`ENUMERATIVE_ITEMS`] items, most of which state a count (`24 eventos
/// globales`, `+100 líderes`). A list is a run of items, blank lines allowed
/// between them; sub-items do not count as items of their own.
fn enumerative_items(items: &[Option<u32>], numbers: &LineNumbers) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut list: Vec<usize> = Vec::new();
    let mut counting: BTreeSet<usize> = BTreeSet::new();
    let mut close = |list: &mut Vec<usize>, counting: &mut BTreeSet<usize>| {
        if list.len() >= ENUMERATIVE_ITEMS && counting.len() * 2 > list.len() {
            out.extend(list.iter().copied());
        }
        list.clear();
        counting.clear();
    };
    for index in 0..items.len() {
        let line_numbers = numbers.line(index);
        match item_at(items, index) {
            Some(opening) => {
                if opening == index {
                    list.push(index);
                }
                if line_numbers
                    .iter()
                    .any(|m| m.counted || m.plus || m.has_suffix || m.unit.is_some())
                {
                    counting.insert(opening);
                }
            }
            None if line_numbers.is_empty() && !list.is_empty() && items_resume(items, index) => {}
            None => close(&mut list, &mut counting),
        }
    }
    close(&mut list, &mut counting);
    out
}

/// The opening line of the item line `index` belongs to, if any, in the
/// lines' items (`u32`: one per line of a long document, held together).
fn item_at(items: &[Option<u32>], index: usize) -> Option<usize> {
    items
        .get(index)
        .copied()
        .flatten()
        .map(|opening| opening as usize)
}

/// Whether the run of lines without an item from `index` ends at an item
/// (blank lines between two items of one list).
fn items_resume(items: &[Option<u32>], index: usize) -> bool {
    items
        .get(index..)
        .and_then(|rest| rest.iter().position(Option::is_some))
        .is_some_and(|offset| offset <= 2)
}

/// Whether the text after a number starts with what it counts: a plural
/// noun or adjective in lower case (`dibujos`, `nuevas publicaciones`) or a
/// partitive (`de ellas`).
fn counts_a_noun(rest: &str, lex: &Lexicons) -> bool {
    let flat = plain(rest);
    let after = folded(&flat);
    if lex.each(|l| l.partitive_words).any(|phrase| {
        after
            .strip_prefix(phrase)
            .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric))
    }) {
        return true;
    }
    let words: Vec<&str> = flat.split_whitespace().take(3).collect();
    let lower_word = |word: &str| {
        word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && word.starts_with(char::is_lowercase)
    };
    let plural = |word: &str| {
        lower_word(word)
            && (word.ends_with(['s', 'x']) || lex.has(|l| l.count_nouns, &word.to_lowercase()))
    };
    fn bare(word: &str) -> &str {
        word.trim_end_matches(|c: char| c.is_ascii_punctuation())
    }
    match words.as_slice() {
        // `98 tasks`, or one or two modifiers before the plural noun (`77
        // member councils`, `41 new mayors`, `80 working group meetings`),
        // the modifiers not closed by punctuation.
        [first, ..] if plural(bare(first)) => true,
        [first, second, ..] if lower_word(first) && plural(bare(second)) => true,
        [first, second, third] => lower_word(first) && lower_word(second) && plural(bare(third)),
        _ => false,
    }
}

/// The label of a figure in a list item, the same whatever the markup: the
/// noun phrase after the number ([`noun_phrase`]), else the words after it up
/// to punctuation, else the words before it. The item's continuation lines
/// are read too, so a PDF that wraps the item gives the Markdown's label.
fn item_label(
    text: &Text,
    index: usize,
    m: &Match,
    opening: usize,
    items: &[Option<u32>],
    lex: &Lexicons,
) -> Option<(String, bool, Option<String>)> {
    let raw = text.lines.get(index)?.text;
    let mut tail = plain(raw.get(m.end..)?);
    for (offset, line) in text.lines.iter().enumerate().skip(index + 1) {
        if item_at(items, offset) != Some(opening) || bullet(line.text).is_some() {
            break;
        }
        tail.push(' ');
        tail.push_str(line.plain);
    }
    let mut label = noun_phrase(&tail, lex);
    if label.is_empty() {
        label = phrase(&tail);
    }
    if label.is_empty() {
        label = phrase_before(raw.get(..m.start).unwrap_or(""));
    }
    (!label.is_empty()).then_some((label, true, None))
}

/// The noun phrase that opens `text`: words up to punctuation, a number or a
/// label stop word of the lexicon (`prácticas urbanas en la…` →
/// `prácticas urbanas`). `de`/`of` before a bare noun continues it
/// (`actividades de aprendizaje`); before an article, a pronoun or a
/// coordinated pair (`dibujos de niñas y niños`) it ends it.
fn noun_phrase(text: &str, lex: &Lexicons) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut words: Vec<&str> = Vec::new();
    let mut position = 0;
    while let Some(&token) = tokens.get(position) {
        let word = token.trim_end_matches(|c: char| ",.;:!?)".contains(c));
        let ends = word.len() != token.len();
        if word.is_empty()
            || !word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            break;
        }
        let lower = word.to_lowercase();
        if lex.has(|l| l.label_stop_words, &lower) {
            let coordinated = tokens
                .get(position + 2)
                .is_some_and(|after| lex.has(|l| l.conjunctions, &after.to_lowercase()));
            let compound = !words.is_empty()
                && !ends
                && lex.has(|l| l.noun_links, &lower)
                && tokens
                    .get(position + 1)
                    .is_some_and(|next| is_bare_word(next, lex))
                && !coordinated;
            if !compound {
                break;
            }
        }
        words.push(word);
        if ends || words.len() >= PHRASE_WORDS {
            break;
        }
        position += 1;
    }
    while words
        .last()
        .is_some_and(|w| lex.has(|l| l.label_stop_words, &w.to_lowercase()))
    {
        words.pop();
    }
    words.join(" ")
}

/// A word that can follow `de` in a compound noun: letters only, not a stop word.
fn is_bare_word(token: &str, lex: &Lexicons) -> bool {
    let word = token.trim_end_matches(|c: char| ",.;:!?)".contains(c));
    !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && !lex.has(|l| l.label_stop_words, &word.to_lowercase())
        && !lex
            .each(|l| l.partitive_words)
            .any(|p| p.ends_with(&format!(" {}", word.to_lowercase())))
}

/// A web address or a hashtag on a line of its own (`metropolis.org`,
/// `#MetroGovernance`): page furniture, never part of a label.
fn is_address(raw: &str) -> bool {
    let flat = plain(raw);
    let trimmed = flat.trim();
    !trimmed.is_empty()
        && !trimmed.contains(' ')
        && (trimmed.starts_with('#')
            || trimmed.starts_with("http")
            || trimmed.starts_with("www.")
            || trimmed.split_once('.').is_some_and(|(name, tld)| {
                !name.is_empty()
                    && tld.len() >= 2
                    && tld.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
            }))
}

/// Whether the line at `index` is running text wrapped onto the next line:
/// long, and the next line goes on in lower case (a PDF's paragraph lines).
fn wraps(text: &Text, index: usize) -> bool {
    let long = text
        .lines
        .get(index)
        .is_some_and(|line| line.plain.chars().count() >= WRAPPED_CHARS);
    long && text
        .lines
        .get(index + 1)
        .is_some_and(|next| next.plain.trim_start().starts_with(char::is_lowercase))
}

/// Whether a leading number is the number of a numbered subheading
/// (`1 Día Mundial Metropolitano`, or `6` over `Seminario Internacional…`)
/// followed by its body text: a plain small integer, a title in sentence or
/// title case (capital first, no comma, no final stop, at most
/// [`TITLE_WORDS`] words) and then a line of running text. Markdown keeps
/// such headings apart with blank lines and the sections extractor takes
/// them; a PDF's text has no blank lines, so the shape must say it here.
fn numbers_a_heading(text: &Text, index: usize, m: &Match) -> bool {
    let Some(line) = text.lines.get(index) else {
        return false;
    };
    let plain_integer = m.qualifier == Qualifier::Exact
        && m.unit.is_none()
        && !m.has_suffix
        && !m.bold
        && m.value < 100.0
        && is_heading_number(m.printed(line.text));
    if !plain_integer {
        return false;
    }
    let rest = plain(line.text.get(m.end..).unwrap_or(""));
    let (title, title_index) = if rest.trim().is_empty() {
        let Some(next) = next_non_blank(text, index) else {
            return false;
        };
        (
            text.lines
                .get(next)
                .map_or(String::new(), |l| l.plain.to_owned()),
            next,
        )
    } else {
        (rest, index)
    };
    let title = title.trim();
    let is_title = title.starts_with(char::is_uppercase)
        && !title.contains(',')
        && !title.ends_with(['.', ':', ';'])
        && title.split_whitespace().count() <= TITLE_WORDS;
    let body_follows = next_non_blank(text, title_index)
        .and_then(|next| text.lines.get(next))
        .is_some_and(|next| {
            let body = next.plain;
            body.starts_with(char::is_uppercase)
                && (body.chars().count() >= WRAPPED_CHARS || is_sentence(next.text))
        });
    is_title && body_follows
}

/// A heading's number: `2`, `2.`, or a section code such as `5.1`.
fn is_heading_number(printed: &str) -> bool {
    let code = printed.trim_end_matches('.');
    !code.is_empty()
        && code
            .split('.')
            .all(|part| (1..=2).contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit()))
}

/// Index of the next non-blank line after `index`.
fn next_non_blank(text: &Text, index: usize) -> Option<usize> {
    (index + 1..text.lines.len()).find(|&i| text.lines.get(i).is_some_and(|l| !is_blank(l.text)))
}

/// Whether a line opens with a number (after bullets, markup and a sign).
fn starts_with_number(raw: &str) -> bool {
    let flat = plain(raw);
    let body = flat.trim_start_matches(['-', '•', '+', '~', ' ', '$', '€']);
    body.starts_with(|c: char| c.is_ascii_digit())
}

/// A label taken from running text: up to the next punctuation or number,
/// at most [`PHRASE_WORDS`] words, without dangling short words at the end.
fn phrase(text: &str) -> String {
    let flat = plain(text);
    let cut = flat
        .find(|c: char| ",.;:()!?".contains(c) || c.is_ascii_digit())
        .unwrap_or(flat.len());
    let mut words: Vec<&str> = flat[..cut].split_whitespace().take(PHRASE_WORDS).collect();
    while words
        .last()
        .is_some_and(|w| w.chars().count() <= 2 || lexicon::DANGLING_WORDS.contains(w))
    {
        words.pop();
    }
    words.join(" ")
}

/// A label from the words before a number (`total a 35,3k` → `total`),
/// for a number that ends its line.
fn phrase_before(text: &str) -> String {
    let flat = plain(text);
    let start = flat
        .rfind(|c: char| ",.;:()!?".contains(c) || c.is_ascii_digit())
        .map_or(0, |at| at + 1);
    let words: Vec<&str> = flat.get(start..).unwrap_or("").split_whitespace().collect();
    let kept = words.len().saturating_sub(PHRASE_WORDS);
    phrase(&words[kept..].join(" "))
}

/// Marks wholes with their parts, and runs of shares adding up to 100 %.
fn group_parts(found: &mut [Found]) {
    let mut group = 0;
    let mut position = 0;
    while position < found.len() {
        let Some(whole) = found.get(position) else {
            break;
        };
        let can_be_whole = whole.leading
            && !whole.in_list
            && whole.label_on_line
            && whole.figure.qualifier == Qualifier::Exact
            && whole.figure.unit.is_none();
        if !can_be_whole {
            position += 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut last_line = whole.index;
        for (offset, part) in found.iter().enumerate().skip(position + 1) {
            let fits = part.leading
                && !part.in_list
                && part.figure.unit.is_none()
                && part.figure.qualifier == Qualifier::Exact
                && part.figure.value < whole.figure.value
                && part.index != last_line
                && part.section == whole.section;
            if !fits {
                break;
            }
            last_line = part.index;
            parts.push(offset);
        }
        if parts.len() < 2 {
            position += 1;
            continue;
        }
        group += 1;
        if let Some(whole) = found.get_mut(position) {
            whole.figure.role = FigureRole::Whole;
            whole.figure.group = Some(group);
        }
        for &offset in &parts {
            if let Some(part) = found.get_mut(offset) {
                part.figure.role = FigureRole::Part;
                part.figure.group = Some(group);
            }
        }
        position = parts.last().map_or(position + 1, |last| last + 1);
    }
    group_shares(found, group);
    renumber_groups(found);
}

/// Left-to-right, non-overlapping stretches of at least two shares whose sum is 100.
fn windows_of_100(run: &[usize], values: &[f64]) -> Vec<Vec<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < values.len() {
        match stretch_of_100(values, start) {
            Some(end) => {
                chunks.push(
                    run.get(start..=end)
                        .map(<[usize]>::to_vec)
                        .unwrap_or_default(),
                );
                start = end + 1;
            }
            None => start += 1,
        }
    }
    chunks
}

/// The end of the shortest stretch of at least two values from `start` that adds up to 100.
fn stretch_of_100(values: &[f64], start: usize) -> Option<usize> {
    let mut sum = 0.0;
    for (end, value) in values.iter().enumerate().skip(start) {
        sum += value;
        if end > start && (sum - 100.0).abs() <= SHARE_TOLERANCE {
            return Some(end);
        }
        if sum > 100.0 + SHARE_TOLERANCE {
            return None;
        }
    }
    None
}

/// Numbers groups 1, 2… in order of their first figure.
fn renumber_groups(found: &mut [Found]) {
    let mut order: Vec<u32> = Vec::new();
    for item in found.iter() {
        if let Some(group) = item.figure.group {
            if !order.contains(&group) {
                order.push(group);
            }
        }
    }
    for item in found.iter_mut() {
        item.figure.group = item
            .figure
            .group
            .and_then(|group| order.iter().position(|&g| g == group))
            .and_then(|position| u32::try_from(position + 1).ok());
    }
}

/// Runs of leading percentages in one section: one group if the whole run
/// adds up to about 100 (rounded shares), else every stretch of consecutive
/// shares adding up to exactly 100 (`50 % 50 % 52 % 48 %` → two groups).
fn group_shares(found: &mut [Found], mut group: u32) {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut section = None;
    for (offset, item) in found.iter().enumerate() {
        let share = item.figure.unit.as_deref() == Some("%")
            && item.leading
            && !item.in_list
            && item.figure.group.is_none();
        if section != Some(item.section) || (item.figure.unit.as_deref() == Some("%") && !share) {
            runs.push(std::mem::take(&mut current));
            section = Some(item.section);
        }
        if share {
            current.push(offset);
        }
    }
    runs.push(current);
    for run in runs.into_iter().filter(|run| run.len() >= 2) {
        let values: Vec<f64> = run
            .iter()
            .filter_map(|&i| found.get(i))
            .map(|f| f.figure.value)
            .collect();
        let total: f64 = values.iter().sum();
        let chunks = if (100.0 - ROUNDED_SHARES..=100.0 + ROUNDED_SHARES).contains(&total) {
            vec![run.clone()]
        } else {
            windows_of_100(&run, &values)
        };
        for chunk in chunks.into_iter().filter(|chunk| chunk.len() >= 2) {
            group += 1;
            for i in chunk {
                if let Some(item) = found.get_mut(i) {
                    item.figure.role = FigureRole::Part;
                    item.figure.group = Some(group);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A label counts a page's use exactly when its words up to a number
    /// open with a navigation phrase and add at most one word, as read by
    /// splitting each phrase into words: for every phrase, and for the
    /// phrase with a word more, two more, a word less and another first word.
    #[test]
    fn page_counters_are_the_navigation_phrases_and_a_word() {
        let lex = Lexicons::all();
        let reference = |label: &str| {
            let folded = lexicon::fold(label).to_lowercase();
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
                .collect();
            lex.each(|l| l.navigation_words).any(|phrase| {
                let phrase: Vec<&str> = phrase.split_whitespace().collect();
                words.len() <= phrase.len() + 1 && words.starts_with(&phrase)
            })
        };
        for phrase in lex.each(|l| l.navigation_words) {
            let shorter = phrase.rsplit_once(' ').map_or("", |(head, _)| head);
            for label in [
                (*phrase).to_owned(),
                format!("{phrase} more"),
                format!("{phrase} two more"),
                format!("{phrase} 3 downloads"),
                shorter.to_owned(),
                format!("other {phrase}"),
                phrase.to_uppercase(),
            ] {
                assert_eq!(counts_page_use(&label), reference(&label), "{label}");
            }
        }
    }

    /// Every text of up to five characters over digits, letters (ASCII and
    /// not), a space and a dash ends in a year exactly when the pattern of
    /// a year closing a text matches it.
    #[test]
    fn a_year_closing_a_text_is_read_from_its_last_bytes() {
        const ALPHABET: [char; 9] = ['1', '9', '2', '0', '5', 'a', 'é', ' ', '-'];
        let year = Regex::new(r"(?:^|[^0-9])(?:19|20)[0-9]{2}$").expect("a valid literal pattern");
        let mut years = 0;
        for text in crate::every_string(&ALPHABET, 5) {
            assert_eq!(ends_in_year(&text), year.is_match(&text), "{text:?}");
            years += usize::from(year.is_match(&text));
        }
        assert!(years > 100, "the texts hold years");
        assert!(ends_in_year("the 2016") && !ends_in_year("12016") && !ends_in_year("2116"));
    }

    #[test]
    fn a_numbers_printed_form_is_its_lines_bytes_unless_markup_or_spacing_changes_it() {
        let lex = Lexicons::all();
        let lines = [
            "Participaron 20 ciudades y **6 organizaciones**",
            "Budget: 1 000.00 € 274 and 12 %",
            "Se lograron **1**4 proyectos con +2.4K personas",
            "un total de 3  millones de euros",
        ];
        let mut found = 0;
        for raw in lines {
            for m in numbers(raw, false, &lex) {
                let slice = &raw[m.start..m.end];
                assert_eq!(m.printed(raw), plain(slice), "{raw:?}");
                assert_eq!(m.own_printed.is_none(), plain(slice) == slice, "{raw:?}");
                found += 1;
            }
        }
        assert!(found >= 5, "{found} numbers");
    }

    #[test]
    fn numbers_parse_by_separator_rules() {
        let cases: &[(&str, Option<char>, f64)] = &[
            ("16,8", None, 16.8),
            ("7.000,00", None, 7000.0),
            ("1,400", None, 1400.0),
            ("1.400", None, 1400.0),
            ("1 400", None, 1400.0),
            ("2.4", Some('K'), 2400.0),
            ("36.4", Some('K'), 36400.0),
            ("750", Some('k'), 750_000.0),
            ("35,3", Some('k'), 35_300.0),
            ("9.3", None, 9.3),
            ("1,234.5", None, 1234.5),
            ("1.234.567", None, 1_234_567.0),
            ("12,50", None, 12.5),
            ("154", None, 154.0),
        ];
        for (text, suffix, want) in cases {
            assert_eq!(parse_number(text, *suffix), Some(*want), "{text:?}");
        }
    }

    fn figures(source: &str) -> Vec<(f64, Option<String>, Qualifier, String)> {
        let text = Text::from_plain(source);
        extract_figures(&text, &[], &BTreeSet::new(), &Lexicons::all())
            .into_iter()
            .map(|f| (f.value, f.unit, f.qualifier, f.label))
            .collect()
    }

    fn values(source: &str) -> Vec<f64> {
        figures(source).into_iter().map(|f| f.0).collect()
    }

    /// A figure's value and unit.
    type Amount = (f64, Option<String>);

    fn with_units(source: &str) -> Vec<Amount> {
        figures(source).into_iter().map(|f| (f.0, f.1)).collect()
    }

    #[test]
    fn a_number_opening_a_line_counts_only_what_the_words_after_it_name() {
        let source = "25 municipalities joined the network this year.\n\n\
                      30 ALIANZAS ACTIVAS\n\n\
                      1.200 Participants from member cities\n\n\
                      4 President's foreword\n\n\
                      3 METODOLOGÍA EMPLEADA\n\n\
                      5 | A Look Inside the League\n\n\
                      2 | P a g e\n\n\
                      7 Rapport du trésorier\n\n\
                      82 The number of state association meetings we attended\n\n\
                      29.6 |\n";
        assert_eq!(values(source), vec![25.0, 30.0, 1200.0, 82.0, 29.6]);
    }

    #[test]
    fn a_number_after_a_scale_word_is_the_tail_of_a_larger_amount() {
        let source = "La federación integra a mil 625 alcaldes de todo el país.\n\n\
                      El fondo suma 12 millones 722 mil 500 quetzales.\n\n\
                      La asociación agrupa a 430 alcaldes de la región.\n";
        assert_eq!(values(source), vec![430.0]);
    }

    #[test]
    fn a_day_joined_to_its_month_by_a_dash_or_a_slash_is_a_date() {
        let source = "Date post: 26-Apr-2020\n\n\
                      Publié le : 3/mai/2021\n\n\
                      The network has 40 members.\n";
        assert_eq!(values(source), vec![40.0]);
    }

    #[test]
    fn a_count_restated_in_other_words_is_one_figure() {
        let source = "Nous travaillons pour les 703 communes au Mali, a dit le coordinateur.\n\nL’association agit pour les 703 communes du pays et leurs 704 maires.\n\nThe plan has 12 goals and the council set 12 targets.\n";
        assert_eq!(values(source), vec![703.0, 704.0, 12.0, 12.0]);
    }

    #[test]
    fn counts_written_in_words_of_the_units_a_network_counts() {
        let source = "The association brings together thirty-five local government authorities across the country.\n\nThe network awarded its members—five local councils—for their work.\n\nLa asociación agrupa a seis municipios del departamento.\n\nLe réseau compte dix communes et a tenu deux sessions cette année.\n\nThe two councils agreed to work together with the secretariat.\n\nThe board held three meetings and approved five projects this year.\n\nEl congreso reunió a dos mil alcaldes de la región.\n\nLa ley reparte los votos, tres por ayuntamientos y uno por provincia.\n";
        assert_eq!(values(source), vec![35.0, 5.0, 6.0, 10.0]);
    }

    #[test]
    fn a_grouping_broken_by_a_space_is_one_amount_after_a_sign_and_none_otherwise() {
        let lex = Lexicons::all();
        let read = |raw: &str| -> Vec<Amount> {
            numbers(raw, false, &lex)
                .into_iter()
                .map(|m| (m.value, m.unit.as_deref().map(str::to_owned)))
                .collect()
        };
        // After a currency sign the groups are one amount.
        assert_eq!(
            read("The council made community grants worth £11, 879.40 to local clubs."),
            vec![(11_879.4, Some("GBP".to_owned()))]
        );
        // Without one, the comma may part two numbers: neither is read.
        assert!(read("Of the 12, 450 came to the meeting of the association.").is_empty());
        // A list of small numbers is no broken grouping.
        let listed: Vec<f64> = read("The council funded 12 parks, 45 schools and 7 halls.")
            .into_iter()
            .map(|(value, _)| value)
            .collect();
        assert_eq!(listed, vec![12.0, 45.0, 7.0]);
    }

    #[test]
    fn a_currency_sign_run_into_a_word_on_both_sides_is_part_of_a_name() {
        assert!(values("ASSOCIATION 2031€_documents/Rapports_annuels 8h30 Ouverture\n").is_empty());
        assert!(values("See the file budget2031$draft for the figures.\n").is_empty());
        // A sign set after an amount and before a word stays the amount's.
        assert_eq!(
            with_units("La commune a versé 4 500 € aux associations.\n"),
            vec![(4_500.0, Some("EUR".to_owned()))]
        );
    }

    #[test]
    fn currency_signs_codes_and_abbreviations_around_amounts() {
        let usd = || Some("USD".to_owned());
        let gbp = || Some("GBP".to_owned());
        let cases: Vec<(&str, Vec<Amount>)> = vec![
            // A pound sign with a lower-case `m` or `k` (`£14m`, `£900k`).
            (
                "The trust spent £14m on bridges and over £900k on parks in 2031.\n",
                vec![(14_000_000.0, gbp()), (900_000.0, gbp())],
            ),
            // A scale letter set apart before its sign (`3,6 M$`) and a sign
            // after grouped digits (`2 450 000 $`).
            (
                "La régie a reçu 3,6 M$ de l'État et 2 450 000 $ des communes.\n",
                vec![(3_600_000.0, usd()), (2_450_000.0, usd())],
            ),
            // An ISO code before the amount (`USD 4.5 million`).
            (
                "The fund raised USD 4.5 million from the partner cities.\n",
                vec![(4_500_000.0, usd())],
            ),
            // The kwacha's sign run into the amount, a scale word after it.
            (
                "The association awarded the town council MK1 million for its clean markets.\n",
                vec![(1_000_000.0, Some("MWK".to_owned()))],
            ),
            // Percentages in words.
            (
                "Se atendió al 97,2 por ciento de las solicitudes recibidas.\n",
                vec![(97.2, Some("%".to_owned()))],
            ),
        ];
        for (source, want) in cases {
            assert_eq!(with_units(source), want, "{source:?}");
        }
        // A bare `m` after a number is a length, no million.
        assert!(values("The new quay is 600m long and opens in May.\n").is_empty());
    }

    #[test]
    fn an_amount_in_parentheses_takes_the_words_before_them() {
        assert_eq!(
            with_units("L'an passé, les dons (48 320 €) ont nettement baissé.\n"),
            vec![(48_320.0, Some("EUR".to_owned()))]
        );
    }

    #[test]
    fn counts_of_nouns_that_do_not_look_plural_and_clock_minutes() {
        assert_eq!(
            values("Some 3,400 people came to the harbour festival this summer.\n"),
            vec![3400.0]
        );
        // `21 heures 45` is a time, `45 minutes` a duration.
        assert!(
            values("La séance s'ouvre à 21 heures 45 et dure 45 minutes environ.\n").is_empty()
        );
        // `10:30 hrs.`: neither the hour nor its minutes is a figure.
        assert!(
            values("En la comuna, siendo las 10:30 hrs., se da inicio a la sesión.\n").is_empty()
        );
    }

    #[test]
    fn swiss_amounts_with_apostrophes_and_the_franc_sign() {
        // Swiss thousands are parted by apostrophes, straight or curly, and a
        // dash stands for no cents; `Fr.` and `CHF` are the franc's.
        let chf = || Some("CHF".to_owned());
        let cases: Vec<(&str, Vec<Amount>)> = vec![
            (
                "La Municipalité demande un crédit de Fr. 148'500.-- pour la salle.\n",
                vec![(148_500.0, chf())],
            ),
            (
                "Le budget prévoit CHF 1’250’000 de recettes et 12'400.50 CHF de frais.\n",
                vec![(1_250_000.0, chf()), (12_400.5, chf())],
            ),
        ];
        for (source, want) in cases {
            assert_eq!(with_units(source), want, "{source:?}");
        }
    }

    #[test]
    fn house_numbers_before_a_kind_of_street_are_addresses() {
        // The house number of an address counts nothing; the rent does.
        assert_eq!(
            values("Le contrat de bail de l'immeuble, sis 24 avenue des Tilleuls, prévoit 980 € de travaux.\n"),
            vec![980.0]
        );
        assert_eq!(
            values(
                "La oficina de la calle Mayor se traslada al 7 calle del Sol con 12 empleados.\n"
            ),
            vec![12.0]
        );
        // English order: the street's name, then its kind.
        assert_eq!(
            values("Harbour Towns Association, 18 Quayside Square, Porthaven, PH1 2AB\n\nThe association held 14 regional forums.\n"),
            vec![14.0]
        );
        // French order sets the number apart with a comma.
        assert_eq!(
            values("Lieu : 12, promenade du Lac, Valmont.\n\nLe congrès réunit 900 délégués.\n"),
            vec![900.0]
        );
    }

    #[test]
    fn file_sizes_population_brackets_and_plural_comparatives_are_not_figures() {
        for source in [
            // A download's size, in each language's units.
            "Taille du document : 640 Ko (12 pages).\n\nRapport annuel (PDF - 3.1 Mo)\n",
            "Annual report (PDF, 4.2 MB)\n",
            // A count of inhabitants joined to a noun classes it by size.
            "Seuls les territoires (de plus de 30 000 habitants) doivent rendre un bilan.\n",
            "Cada voto corresponde a municipios de 1.500 habitantes; cuatro a los de 1.501 a 8.000 habitantes.\n",
            "The grant is open to municipalities of over 15,000 inhabitants.\n",
            // A comparative in the plural bounds a number as in the singular.
            "L'interdiction ne vise pas les jauges inférieures à 4 000 personnes.\n",
        ] {
            assert_eq!(values(source), Vec::<f64>::new(), "{source:?}");
        }
        // After a noun of population, a count of inhabitants states one.
        assert_eq!(
            values("Robledal es un municipio con una población de 3.712 habitantes.\n"),
            vec![3712.0]
        );
    }

    #[test]
    fn a_units_letters_opening_a_verb_phrase_are_the_verb() {
        assert_eq!(
            values("El informe del período 2019 ha sido elaborado por la Gerencia.\n"),
            Vec::<f64>::new()
        );
        assert_eq!(
            with_units("La reserva protege 2.400 ha de bosque nativo.\n"),
            vec![(2400.0, Some("ha".to_owned()))]
        );
    }

    #[test]
    fn a_bare_number_over_a_list_entry_or_its_ordinal_letters_is_no_count() {
        // A contents list printing each page number over its entry.
        let contents =
            "41\n\n- Le Service juridique\n\n44\n\n- Les Publications\n\n47\n\n• Le Site web\n";
        assert_eq!(values(contents), Vec::<f64>::new());
        // An ordinal whose superscript letters were drawn on a line of their own.
        assert_eq!(
            values("12\n\nème\n\nRéunion du Bureau exécutif tenue à Valmont\n"),
            Vec::<f64>::new()
        );
        // A count over its label stays one.
        assert_eq!(values("36\n\nmember towns\n"), vec![36.0]);
    }

    #[test]
    fn numbers_hyphenated_to_a_word_name_something() {
        // The virus's and the summit's names hold numbers that count nothing;
        // the count beside them does.
        assert_eq!(
            values("The team wrote more than 60 articles on the COVID-19 response and the G-20 talks.\n"),
            vec![60.0]
        );
    }

    #[test]
    fn numbers_printed_with_a_leading_zero_are_codes() {
        // A postal code over its city, in a publication's credits.
        assert_eq!(
            values("Published by the secretariat\n\nCalle Mayor\n\n08002 Barcelona\n\nThe network gathers 29 cities.\n"),
            vec![29.0]
        );
    }

    #[test]
    fn years_ending_a_span_folios_over_running_headers_and_cut_entries_are_not_figures() {
        // The end of a span of years is a year, not a count.
        assert_eq!(
            values("Annual Report of the Board 2031 (with the 2030-31 accounts)\n"),
            Vec::<f64>::new()
        );
        assert_eq!(
            values("The league welcomed 14 new member towns during 2030–31.\n"),
            vec![14.0]
        );
        // A page's folio before its running header, the cover's opening
        // printed again: no count.
        assert_eq!(
            values("Review of the Valley Towns Plans (2031)\n\nPrepared for the towns of the valley.\n\n3 Review of the Valley Towns Plans (2031) SUMMARY OF RESULTS\n"),
            Vec::<f64>::new()
        );
        // A contents entry whose page a cut left out keeps its code.
        assert_eq!(
            values("2.4      FINANCE AND ADMINISTRATION ..........................\n"),
            Vec::<f64>::new()
        );
        // A host's counters printed in a row.
        assert_eq!(
            values("Uploaded by a member\n\n1 downloads 113 Views 3MB Size\n"),
            Vec::<f64>::new()
        );
    }

    #[test]
    fn durations_standing_dates_and_page_counts_are_not_figures() {
        // A length of time, a day printed over three lines, a page count
        // standing over a title line that runs on: none is a figure.
        assert_eq!(
            values("The past 12 months brought a new board to the valley.\n"),
            Vec::<f64>::new()
        );
        assert_eq!(
            values("18\nnovembre\n2030\n\nLes maires se sont réunis à Lyon.\n"),
            Vec::<f64>::new()
        );
        assert_eq!(
            values("31\nMINUTES OF THE ORDINARY SESSION OF THE TOWN COUNCIL HELD IN THE HALL OF THE OLD MARKET BUILDING\n"),
            Vec::<f64>::new()
        );
        // A number standing over a short label still is one.
        assert_eq!(
            values("5\n\nPartner networks\n\nThe year in brief.\n"),
            vec![5.0]
        );
        // A folio over a title printing its year, or over a field and its
        // value, counts nothing.
        assert_eq!(
            values("1\n\nAssemblée générale 2031\n\nLes membres se sont réunis à Lyon.\n"),
            Vec::<f64>::new()
        );
        assert_eq!(
            values("3\nChair: Mayor of the Valley\n\nThe council met in the town hall.\n"),
            Vec::<f64>::new()
        );
    }

    #[test]
    fn values_set_after_their_label_and_a_colon() {
        // Counters of minutes run into one line, amounts of a budget's
        // items: the label is the phrase before the colon.
        let labels: Vec<(f64, String)> = figures(
            "Secretary: Ann Hollis Members in office : 21 - Present : 17 - Majority : 11 SECOND ITEM\n\n- Road repairs : 84 300,00 € ;\n- Street lighting: 12 500 €.\n",
        )
        .into_iter()
        .map(|f| (f.0, f.3))
        .collect();
        assert_eq!(
            labels,
            [
                (21.0, "Ann Hollis Members in office".to_owned()),
                (17.0, "Present".to_owned()),
                (11.0, "Majority".to_owned()),
                (84300.0, "Road repairs".to_owned()),
                (12500.0, "Street lighting".to_owned()),
            ]
        );
        // A heading in capitals over its first item, an enumerator, a
        // phone number, a year and the totals of a plan's statuses are none.
        assert_eq!(
            values("Results:\n\nV Achieved: 12In progress: 4X Not developed: 3\n"),
            Vec::<f64>::new()
        );
        assert_eq!(
            values("AGENDA: 1. Opening\n\nItems to treat: 2. Budget\n\nPhone no: 020 7664 3213\n\nAcademic year: 2030\n"),
            Vec::<f64>::new()
        );
    }

    #[test]
    fn hours_set_apart_are_not_figures() {
        assert_eq!(
            values("PROGRAMME\n\n10 H Accueil des maires\n\n12 H 30 / 13 H Échanges\n\nLa séance est ouverte à 19 h 30 devant 45 habitants.\n\n12 hectares de forêt\n"),
            vec![45.0, 12.0]
        );
    }

    #[test]
    fn years_run_into_a_name_and_centuries_are_not_figures() {
        assert_eq!(
            values("RAPPORT FINANCIER 2030M. DURAND Paul, trésorier, a présenté les comptes.\n\nUn village de 12 siglos de historia recibió a 300 visitantes.\n"),
            vec![300.0]
        );
    }

    #[test]
    fn counts_with_a_modifier_before_the_noun_once_each() {
        let source = "The association serves our 77 member councils.\n\nThe elections brought 41 new mayors to office.\n\nWe thank our 77 member councils.\n";
        assert_eq!(values(source), vec![77.0, 41.0]);
    }

    #[test]
    fn a_day_named_with_its_months_capital_is_no_amount_in_millions() {
        assert_eq!(
            values("Ganó en las elecciones del pasado 28M y sumó 3.220 municipios."),
            vec![3220.0]
        );
        assert_eq!(
            values("El programa costó 28M de pesos."),
            vec![28_000_000.0]
        );
    }

    #[test]
    fn counts_in_one_sentence_statements_with_every_separator() {
        for (source, want) in [
            (
                "The call for projects received 14 proposals, 5 of them from rural councils.",
                vec![14.0, 5.0],
            ),
            (
                "By December the programme had delivered 41,208 homes in the region.",
                vec![41208.0],
            ),
            (
                "Le forum a réuni plus de 2 700 participants venus de 41 villes.",
                vec![2700.0, 41.0],
            ),
            (
                "Le réseau a reçu 14 candidatures, dont 5 de communes rurales.",
                vec![14.0, 5.0],
            ),
            (
                "La red reunió a 3.500 personas en sus actividades.",
                vec![3500.0],
            ),
            // A millions mark before the thousands' comma, as Andean
            // municipalities print their amounts (`1´024,196`), folded or not.
            (
                "Al cierre del semestre, el saldo de balance asciende a 1´024,196 soles.",
                vec![1_024_196.0],
            ),
            (
                "La red reunió a 2'310,500 personas en sus actividades.",
                vec![2_310_500.0],
            ),
            // Counts in passing in a narrative paragraph are not put forward
            // when the document marks its figures in bold (the one opening
            // the paragraph is)…
            (
                "**Más de 30 proyectos** se presentaron. Participaron 20 ciudades y 6 organizaciones.",
                vec![30.0],
            ),
            // … and they are the figures of a document without emphasis.
            (
                "Más de 30 proyectos se presentaron. Participaron 20 ciudades y 6 organizaciones.",
                vec![30.0, 20.0, 6.0],
            ),
            (
                "Over the past year, we have held 16 forum meetings, over 80 working group meetings and issued some 30 policy statements. This year also marked 20 years of our office in Brussels.",
                vec![16.0, 80.0, 30.0],
            ),
        ] {
            assert_eq!(values(source), want, "{source:?}");
        }
    }

    /// The units of a text's figures once its dollars are priced in its land's money.
    fn localized_units(source: &str) -> Vec<Option<String>> {
        let text = Text::from_plain(source);
        let mut found = extract_figures(&text, &[], &BTreeSet::new(), &Lexicons::all());
        localize_dollars(&mut found, &text, &Lexicons::all());
        found.into_iter().map(|figure| figure.unit).collect()
    }

    #[test]
    fn dollars_take_the_money_of_the_one_land_the_text_names() {
        let aud = Some("AUD".to_owned());
        let usd = Some("USD".to_owned());
        // A land named twice prices the bare sign and the word; the US
        // dollar's own code keeps it.
        assert_eq!(
            localized_units(
                "Councils across Queensland won $26 million for roads.\n\nThe Queensland budget adds 12 million dollars.\n\nThe bank lent USD 4 million.\n\nThe fund gave 3 million USD.\n"
            ),
            [aud.clone(), aud, usd.clone(), usd.clone()]
        );
        assert_eq!(
            localized_units(
                "El Concejo aprueba la subvención de $ 12.349.810 al club.\n\nLas municipalidades chilenas y la Asociación de Chile.\n"
            ),
            [Some("CLP".to_owned())]
        );
        // Named once, or beside another money's land, the land leaves the
        // US dollar.
        for source in [
            "Councils in Canada won $26 million for roads.\n",
            "Councils of Chile and Colombia, and of Chile again, won $26 million for roads.\n",
            "Councils won $26 million for roads.\n",
        ] {
            assert_eq!(
                localized_units(source),
                std::slice::from_ref(&usd),
                "{source:?}"
            );
        }
    }

    #[test]
    fn a_land_of_several_words_is_named_by_its_words_in_a_row() {
        let named = |source: &str| dollar_land(&Text::from_plain(source));
        // Any case, split by any non-word characters, across lines.
        assert_eq!(
            named("In NEW SOUTH-WALES.\n\nAnd new south wales again.\n"),
            Some("AUD")
        );
        // The words apart, or one of them missing, name nothing.
        assert_eq!(
            named("New roads south of Wales.\n\nA new south road.\n"),
            None
        );
        // Accented words are looked up as the lexicon writes them.
        assert_eq!(
            named("Nouvelle-Zélande et la Nouvelle Zélande.\n"),
            Some("NZD")
        );
        // A land named twice in a row is one mention.
        assert_eq!(named("Canada canada.\n"), None);
        assert_eq!(named("Nouvelle-Zélande, Nouvelle Zélande.\n"), None);
        assert_eq!(named("Canada and canada.\n"), Some("CAD"));
    }

    #[test]
    fn a_sign_run_into_its_lands_letters_names_that_dollar() {
        // The letters open the amount and keep their dollar, whatever land
        // the text names.
        assert_eq!(
            localized_units(
                "Councils across Queensland won US$5 million and NZ$ 40 million for roads.\n\nThe Queensland budget adds $3 million.\n"
            ),
            [
                Some("USD".to_owned()),
                Some("NZD".to_owned()),
                Some("AUD".to_owned())
            ]
        );
        let got = figures("The council received US$5 million from the fund.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1.as_deref()), (5e6, Some("USD")));
        // Letters ending a longer word are no land's.
        assert_eq!(
            localized_units("The BONUS$5 offer.\n"),
            Vec::<Option<String>>::new()
        );
    }

    #[test]
    fn the_word_peso_names_the_peso_of_the_one_land_the_text_names() {
        assert_eq!(
            localized_units(
                "La alcaldía de la Ciudad de México prevé 150 millones de pesos para obras en la Ciudad de México.\n"
            ),
            [Some("MXN".to_owned())]
        );
        // No land, or a land of the dollar: the peso of no land.
        for source in [
            "La alcaldía prevé 150 millones de pesos para obras.\n",
            "Ecuador y el Ecuador andino prevén 150 millones de pesos.\n",
        ] {
            assert_eq!(localized_units(source), [None], "{source:?}");
        }
    }

    #[test]
    fn scale_words_dates_and_numbered_codes() {
        let got: Vec<(f64, Option<String>)> =
            figures("We secured $200 million in additional funding for councils.")
                .into_iter()
                .map(|f| (f.0, f.1))
                .collect();
        assert_eq!(got, [(200_000_000.0, Some("USD".to_owned()))]);
        assert_eq!(
            values("Le congrès se tiendra du 18 au 21 novembre 2019 à Paris."),
            Vec::<f64>::new()
        );
        assert_eq!(
            values("ACTA SESIÓN N°22 del concejo, con 9 regidores presentes."),
            vec![9.0]
        );
    }

    #[test]
    fn rates_are_not_figures_but_money_per_period_is() {
        assert_eq!(
            values("Le cyclone a frappé la côte avec des vents atteignant jusqu’à 250 km/h.\n"),
            Vec::<f64>::new()
        );
    }

    #[test]
    fn times_numeric_dates_enumerators_codes_and_folios_are_not_figures() {
        // A page count over a title line, an agenda with times and item codes, a
        // slide's numeric date, an enumerated heading and a title line under
        // a page number: none is a quantity the document reports.
        let source = "29\n\nREPORT ON THE SESSION OF THE COMMITTEE\n\n9:00-9:10 I. Opening\n\n1.1 Opening of the Session by the Chair\n\n2/22/2022\nBackground\n\n1- Internet / Social networks\n\n2\n\nAgenda for the Executive Committee Meeting on 7 November 2019\n\n5\n\nCollaborators\n";
        assert_eq!(values(source), vec![5.0]);
        // A short phrase in sentence case still labels its count.
        assert_eq!(
            values("1\n\nReunión de la Junta Directiva online\n\nTexto.\n"),
            vec![1.0]
        );
    }

    #[test]
    fn numbers_of_items_and_of_contents_entries_are_not_figures() {
        // Items numbered with a stop and a dash, sub-items of a contents
        // page with a stop and no dash, an item cut off after its number;
        // the count in the middle line is one.
        let source = "Puntos tratados:\n1.- Lectura del acta anterior.\n2.- Cartas recibidas:\nSe inscribieron 45 vecinos al taller.\n\nSommaire\n2.1. Historique de la ville\n2.2. Les quartiers\n3.\n";
        assert_eq!(values(source), vec![45.0]);
        // Codes closed by a dash over their item, numbers run into their
        // item's title.
        let source = "ORDRE DU JOUR\n3.1-\nAdoption des procès-verbaux;\n3.2-\nCorrespondance;\n\n1.OPENING ADDRESS\nThe president opened the meeting.\n2.AGENDA\nThe agenda was adopted by 54 municipalities.\n";
        assert_eq!(values(source), vec![54.0]);
        // A decimal opening a line and going on as prose is still a figure.
        assert_eq!(
            values("2.5 millones de visitantes en el año.\n"),
            vec![2_500_000.0]
        );
    }

    #[test]
    fn rows_of_bare_numbers_nil_amounts_and_a_neighbour_s_currency_are_not_figures() {
        let source = "630 210 70 57% 43%\nregistered participants cities countries\n\n28 33 35 39\n\nBudget line 020 - 1 000.00 € 274 - loans\n\nTotal of the amendment 0,00 €\n";
        let found = values(source);
        assert!(found.iter().all(|&value| value == 1000.0), "{found:?}");
    }

    #[test]
    fn scale_words_abbreviate_and_take_their_currency_after_a_link() {
        let got: Vec<(f64, Option<String>)> = figures(
            "Se firmaron convenios por valor de más de 19 millones de euros, y el Estado anunció 3 millions d’euros. La baisse des dépenses atteint 13 milliards.",
        )
        .into_iter()
        .map(|f| (f.0, f.1))
        .collect();
        assert_eq!(
            got,
            [
                (19_000_000.0, Some("EUR".to_owned())),
                (3_000_000.0, Some("EUR".to_owned())),
                (13_000_000_000.0, None),
            ]
        );
        // An amount of two scales is no amount of the first alone.
        let two_scales = figures(
            "Le plan d’action s’élève à près de 3 milliards cinq cents millions de francs. La asociación recibe 12 millones 722 mil 500 quetzales al año.",
        );
        assert!(two_scales.is_empty(), "{two_scales:?}");
    }

    #[test]
    fn table_rows_run_into_text_and_contents_pages_of_lost_layouts_are_not_figures() {
        // The cells of a table row read into running text, a contents page
        // whose titles and folios ran together, a span of time with a
        // modifier before its unit: none is a count the text can label.
        let source = "1.1.1 Integrar la Comisión Especial. 100% 100% 100% 100% Secretaría General y Dirección Jurídica.\n\n13 17 Improving Climate social cohesion 14 commitments Breathable 14 cities Green and healthy cities 16 Circular cities 18 Smarter cities 23 Looking forward\n\nLes 18 derniers mois ont connu 12 congrès régionaux.\n";
        assert_eq!(values(source), vec![12.0]);
    }

    #[test]
    fn references_to_articles_laws_and_chapters_are_not_figures() {
        let source = "Définie par l’article 1609 nonies C du Code général des impôts, l’attribution est versée aux 28 communes membres.\n\nSegún la Ley 152 de 1994 el plan fue aprobado por los 15 concejales presentes.\n\nAs chapter 3 shows, the network welcomed 12 new cities.\n";
        assert_eq!(values(source), vec![28.0, 15.0, 12.0]);
    }

    #[test]
    fn later_numbers_of_a_list_of_references_are_not_figures() {
        // The reference word stands once, before the list, in the plural
        // or not, the numbers joined by commas and a conjunction; a count
        // after a list of years or of other counts stays.
        let source = "La participation se fera dans les conditions fixées aux articles 22 et 25 des statuts, devant les 201 communes.\n\nSelon les articles 22, 23 et 25 des statuts, les 48 maires votent.\n\nSections 4, 5 and 7 of the rules bind the 35 councils.\n\nLos artículos 12, 14 y 19 de los estatutos obligan a los 310 municipios.\n\nSe reunieron en 2019 y 2020 los 48 alcaldes.\n";
        assert_eq!(values(source), vec![201.0, 48.0, 35.0, 310.0, 48.0]);
        // Numbers set side by side with no comma or conjunction make no
        // list: an amount after an item's number is a figure.
        let source = "Le marché n°3 12 028.29 € a été signé pour la halle.\n\nLe lot n° 2 4 500 € a été payé aux 12 artisans.\n\nItem 4 1,250 USD went to the 12 markets.\n\nLa partida n.º 7 3.450 € se destinó a las obras.\n";
        assert_eq!(
            values(source),
            vec![12_028.29, 4_500.0, 12.0, 1_250.0, 12.0, 3_450.0]
        );
    }

    #[test]
    fn thresholds_of_a_legend_are_not_figures() {
        // A legend's scale states when a goal takes a colour: its
        // percentages are cut-offs, not results; a count beside a
        // comparative word of another sense is still one.
        let source = "Goals whose value is less than or equal to 20% are not started, if the value is greater than 20% and lower than 75% they are delayed.\n\nLas metas cuyo valor es menor e igual al 20% están en rojo, si es mayor a 20% y menor a 75% en amarillo.\n\nÀ la fin de l’année les objectifs devraient atteindre un taux de 75 % ou supérieur.\n\nThe Mayor welcomed 300 guests to the hall.\n";
        assert_eq!(values(source), vec![300.0]);
    }

    #[test]
    fn folios_over_titles_rows_of_page_numbers_and_lists_of_days_are_not_figures() {
        // A folio run into the title line of a page in capitals, the page
        // numbers of a contents page whose layout was lost, days listed
        // before their month (one read as `2l` by a text layer): none
        // counts anything. A short label in capitals still names a count.
        let source = "1 MINUTES OF THE ORDINARY SESSION OF THE TOWN COUNCIL HELD ON 3 MARCH, with the mayor presiding.\n\n34 35 Financial facts Members and partners 3\n\n19,20 et 2l mai 2016 : Assemblée générale à Lyon\n\n30 ALIANZAS ACTIVAS\n";
        assert_eq!(values(source), vec![30.0]);
    }

    #[test]
    fn counters_of_web_pages_are_not_figures() {
        let source =
            "Post on 18-Jul-2020\n\n1 views\n\nCategory:\n\n0 download\n\n  • View\n    4\n";
        assert_eq!(values(source), Vec::<f64>::new());
    }

    #[test]
    fn codes_standing_over_their_titles_and_page_pairs_are_not_figures() {
        // A bilingual contents page: codes on lines of their own, then the
        // title, then its pages in the two parts.
        let source = "1.1\n\nAgreements with other cities\n\n44 / 181\n\n1.2\n\nNetworks of cities\n\n52 / 189\n\nThe city signed 24 agreements.\n";
        assert_eq!(values(source), vec![24.0]);
        // A decimal alone with no neighbouring code is a figure still.
        assert_eq!(values("4.5\n\nAverage rating\n"), vec![4.5]);
        // Counters of a Spanish host: views and downloads.
        assert_eq!(
            values("14MB 30 descargas 83 vistas\n\nEl municipio firmó 12 convenios.\n"),
            vec![12.0]
        );
    }

    /// The figures of a text given with form feeds between its pages, read
    /// with its headings as the pipeline reads them.
    fn paged_values(source: &str) -> Vec<f64> {
        let config = crate::config::Config::default();
        let Ok(raw) = crate::read::read_bytes(
            std::path::Path::new("paged.txt"),
            source.as_bytes(),
            &config,
        ) else {
            return Vec::new();
        };
        let text = crate::normalize::normalize(&raw);
        let lex = Lexicons::all();
        let headings = super::super::sections::find_headings(&text, &BTreeSet::new(), &lex);
        extract_figures(&text, &headings, &BTreeSet::new(), &lex)
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn pages_alone_under_a_contents_page_read_across_columns_are_not_figures() {
        // A contents page set in two columns, read across: its heading runs
        // into the right column's first title, the entries of both columns
        // alternate, each page number alone on its line under its entry.
        for source in [
            "RAPPORT ANNUEL 2031\n\nTABLE DES MATIÈRES 4. SUJETS POLITIQUES\n\n1. L'ASSOCIATION\n\n4\n\nLe logement\n\n14\n\n2. NOS MEMBRES\n\n6\n\nLes transports\n\n17\n\n3. NOS ACTIVITÉS\n\n9\n\nLes finances locales\n\n21\n\nL'association a réuni 120 communes membres en 2031.\n",
            "ANNUAL REPORT 2031\n\nCONTENTS 4. OUR PROJECTS\n\n1. ABOUT US\n\n3\n\nHousing\n\n14\n\n2. OUR MEMBERS\n\n6\n\nTransport\n\n17\n\n3. EVENTS\n\n9\n\nLocal finance\n\n21\n\nThe association brought together 120 member towns in 2031.\n",
            "INFORME ANUAL 2031\n\nÍNDICE 4. NUESTROS PROYECTOS\n\n1. LA ASOCIACIÓN\n\n3\n\nVivienda\n\n14\n\n2. NUESTROS MIEMBROS\n\n6\n\nTransporte\n\n17\n\n3. EVENTOS\n\n9\n\nFinanzas locales\n\n21\n\nLa asociación reunió a 120 municipios miembros en 2031.\n",
        ] {
            assert_eq!(paged_values(source), vec![120.0], "{source}");
        }
        // The contents page ends with its page: a number over its label on
        // the next page, before any sentence, is a figure.
        let source = "ANNUAL REPORT 2031\n\nCONTENTS 4. OUR PROJECTS\n\n1. ABOUT US\n\n3\n\nHousing\n\n14\n\x0cOUR YEAR\n\n120\n\nMember towns\n\nThe association grew again in 2031.\n";
        assert_eq!(paged_values(source), vec![120.0]);
    }

    #[test]
    fn contents_page_counters_and_section_codes_are_not_figures() {
        let source = "Contents\nForeword ........................ 2\n1 Highlights of the year ........ 3\n\nPage 1 of 4\n\n5.1 Accounts summary\n\nMembership fees brought in 1,250,000 USD.\n\nPágina 3 de 10\n";
        assert_eq!(values(source), vec![1_250_000.0]);
    }

    #[test]
    fn page_numbers_counting_on_line_by_line_and_numbered_references_are_not_figures() {
        // A transcription set a page a line, each opening on its page number.
        let pages = "1 Yearly Report of the Valley Towns Trust for the year ended in June\n\n2 Valley Towns Trust 12 Mill Road Northfield Founding members\n\n3 Letter of the Chair The trust served 140 towns this year.\n";
        assert_eq!(values(pages), vec![140.0]);
        // Two lines that count on are no run; a count opening a line stays.
        let two = "12 towns joined the trust\n13 staff serve them\n";
        assert_eq!(values(two), vec![12.0, 13.0]);
        // A number after a number sign refers to a decree or a resolution.
        for source in [
            "Se dio cuenta de los decretos de la Nº 4 a la Nº 27, ambos incluidos.\n",
            "Le conseil adopte la délibération n° 31 à l'unanimité.\n",
            "The council passed Resolution No. 18 and Order No 22 on the day.\n",
        ] {
            assert_eq!(values(source), Vec::<f64>::new(), "{source}");
        }
    }

    /// (value, unit, qualifier, label) of each figure a source must give.
    type Expected<'a> = Vec<(f64, Option<String>, Qualifier, &'a str)>;

    fn assert_figures(cases: Vec<(&str, Expected<'_>)>) {
        for (source, want) in cases {
            let want: Vec<_> = want
                .into_iter()
                .map(|(v, u, q, l)| (v, u, q, l.to_owned()))
                .collect();
            assert_eq!(figures(source), want, "{source:?}");
        }
    }

    #[test]
    fn key_figures_from_lines() {
        use Qualifier::{AtLeast, AtMost, Exact};
        let pct = Some("%".to_owned());
        let cases: Vec<(&str, Expected<'_>)> = vec![
            (
                "+2.4K \n\nParticipantes\nen eventos",
                vec![(2400.0, None, AtLeast, "Participantes en eventos")],
            ),
            (
                // An infographic's phrase set a paragraph apart, line by line.
                "16,8%\n\nde nuestras metrópolis\n\nestán gobernadas\n\nSeguidores",
                vec![(16.8, pct.clone(), Exact, "de nuestras metrópolis están gobernadas")],
            ),
            (
                "**+750k \\$\nUSD**\n\nrecaudados\npara proyectos",
                vec![(
                    750_000.0,
                    Some("USD".to_owned()),
                    AtLeast,
                    "recaudados para proyectos",
                )],
            ),
            // A PDF's text: no blank lines, the bold spans wrapped.
            (
                "**+750k \\$\nUSD**\nrecaudados\npara proyectos\n**+ 3302\nseguidores**\nen LinkedIn y X,\nlo que eleva el",
                vec![
                    (
                        750_000.0,
                        Some("USD".to_owned()),
                        AtLeast,
                        "recaudados para proyectos",
                    ),
                    (3302.0, None, AtLeast, "seguidores"),
                ],
            ),
            (
                "El encuentro ha sido un éxito, con la participación de **más de 1400 asistentes procedentes de 322\nciudades y 82 países.**",
                vec![
                    (1400.0, None, AtLeast, "asistentes procedentes"),
                    (322.0, None, Exact, "ciudades"),
                    (82.0, None, Exact, "países"),
                ],
            ),
            (
                "A lo largo de 2023, Metropolis organizó **6 actividades de aprendizaje en línea con un total de más\nde 300 participantes.** Incluyó seminarios web del **Proyecto Clearing House,** en los que",
                vec![
                    (6.0, None, Exact, "actividades de aprendizaje en línea con un total"),
                    (300.0, None, AtLeast, "participantes"),
                ],
            ),
            (
                "+750k $ USD recaudados",
                vec![(750_000.0, Some("USD".to_owned()), AtLeast, "recaudados")],
            ),
            (
                "16,8%\n\nde nuestras metrópolis",
                vec![(16.8, pct.clone(), Exact, "de nuestras metrópolis")],
            ),
            (
                "154 ciudades miembro en total",
                vec![(154.0, None, Exact, "ciudades miembro en total")],
            ),
            (
                "**+ 9.3% de\nincremento**",
                vec![(9.3, pct.clone(), AtLeast, "de incremento")],
            ),
            (
                "17  Profesionales",
                vec![(17.0, None, Exact, "Profesionales")],
            ),
            (
                "Un budget de **7.000,00 €** pour",
                vec![(7000.0, Some("EUR".to_owned()), Exact, "pour")],
            ),
            (
                "Plus de 1 400 participants",
                vec![(1400.0, None, AtLeast, "participants")],
            ),
            (
                "More than 1,400 attendees",
                vec![(1400.0, None, AtLeast, "attendees")],
            ),
            (
                "las mujeres representan **menos del 2% del personal**",
                vec![(2.0, pct.clone(), AtMost, "del personal")],
            ),
            (
                "- **+1.2K dibujos** de niñas y niños",
                vec![(1200.0, None, AtLeast, "dibujos")],
            ),
            (
                "16,8%\nde nuestras metrópolis\npor mujeres\nmetropolis.org\n#MetroGovernance",
                vec![(
                    16.8,
                    pct.clone(),
                    Exact,
                    "de nuestras metrópolis por mujeres",
                )],
            ),
            ("Informe Anual 2023", vec![]),
            ("1^a\n\nReunión de vicepresidencias", vec![]),
            ("- 2ª fase de Seguridad", vec![]),
            ("El **8 de octubre, Estambul**", vec![]),
            ("Bélgica | 12—15 junio de 2023", vec![]),
            ("• Conferencia Women4Climate 2019 (C40)", vec![]),
            ("07\n\nCUMBRE", vec![]),
            ("Closure of 6 Pilot Projects and a single event", vec![]),
            (
                // Numbered subheadings over their body text, without blank
                // lines (a PDF): heading numbers, not figures.
                "1 Día Mundial Metropolitano\nLa Unión de Municipios organizó el Día Mundial Metropolitano, en el marco\n6\nSeminario Internacional de Diplomacia\nEn una visita a Guangzhou, el equipo de Metropolis colaboró con CGLU para",
                vec![],
            ),
            (
                "17 Profesionales\n7 Estudiantes en prácticas\n\nFUENTES DE FINANCIACIÓN",
                vec![
                    (17.0, None, Exact, "Profesionales"),
                    (7.0, None, Exact, "Estudiantes en prácticas"),
                ],
            ),
            (
                "Más de 90 oradores han presentado conocimientos innovadores sobre temas de actualidad para los\ngobiernos locales, como el clima",
                vec![(
                    90.0,
                    None,
                    AtLeast,
                    "oradores han presentado conocimientos innovadores sobre temas",
                )],
            ),
            (
                "lo que eleva el\ntotal a 35,3k",
                vec![(35_300.0, None, Exact, "total")],
            ),
        ];
        assert_figures(cases);
    }

    #[test]
    fn counts_in_enumerative_lists_need_no_bold() {
        use Qualifier::{AtLeast, Exact};
        let cases: Vec<(&str, Expected<'_>)> = vec![
            (
                // Seed 004 as a PDF gives it: no bold, a wrapped item.
                "• Lanzamiento de Vista, donde recibimos +1.2K dibujos de niñas y\nniños de +30 ciudades alrededor del mundo\n• Contribución y promoción de 4 declaraciones políticas, 3 de ellas con visión de género\n• Participación activa en 24 eventos globales\n• Lanzamiento de la Station, donde se pueden encontrar 21 productos generadores de\nconocimiento",
                vec![
                    (1200.0, None, AtLeast, "dibujos"),
                    (30.0, None, AtLeast, "ciudades"),
                    (4.0, None, Exact, "declaraciones políticas"),
                    (3.0, None, Exact, "de ellas con visión de género"),
                    (24.0, None, Exact, "eventos globales"),
                    (21.0, None, Exact, "productos generadores de conocimiento"),
                ],
            ),
            (
                "- 423 prácticas urbanas en la plataforma USE con 540 autoridades municipales registradas\n\n- 17 ciudades han participado en la iniciativa\n- Celebración de nuestro 1r congreso online en 2021",
                vec![
                    (423.0, None, Exact, "prácticas urbanas"),
                    (540.0, None, Exact, "autoridades municipales registradas"),
                    (17.0, None, Exact, "ciudades"),
                ],
            ),
            (
                // A work plan: two items of five hold a count; planned
                // activities, not figures.
                "- Closure of 6 Pilot Projects and a single event:\n- Ongoing Pilot Projects:\n- Start of 4 new Pilot Projects (subject to budget)\n- Several workshops will take place\n- A single event to present the conclusions of 2019",
                vec![],
            ),
            (
                "- Adhesión a algunas campañas (sobre todo, 8 de marzo)\n- 2ª fase de Seguridad\n- Reunión anual 2019",
                vec![],
            ),
        ];
        assert_figures(cases);
    }

    #[test]
    fn noun_phrases_end_at_function_words() {
        for (text, want) in [
            ("prácticas urbanas en la plataforma", "prácticas urbanas"),
            (
                "líderes metropolitanos, representantes y",
                "líderes metropolitanos",
            ),
            ("actividades de aprendizaje", "actividades de aprendizaje"),
            ("dibujos de niñas y niños de", "dibujos"),
            ("miembros de todas las regiones", "miembros"),
            ("ciudades han participado", "ciudades"),
            ("de ellas con visión", ""),
            ("members of staff in 3 offices", "members of staff"),
            ("participants à nos événements", "participants"),
            ("cities in 12 countries", "cities"),
        ] {
            assert_eq!(noun_phrase(text, &Lexicons::all()), want, "{text:?}");
        }
    }

    #[test]
    fn addresses_and_hashtags() {
        for (line, want) in [
            ("metropolis.org", true),
            ("#MetroGovernance", true),
            ("www.example.com", true),
            ("https://x.org/a", true),
            ("por mujeres", false),
            ("1.2K", false),
            ("Total.", false),
        ] {
            assert_eq!(is_address(line), want, "{line:?}");
        }
    }

    #[test]
    fn shares_split_into_stretches_of_100() {
        let cases: &[(&[f64], &[&[usize]])] = &[
            (&[50.0, 50.0, 52.0, 48.0], &[&[0, 1], &[2, 3]]),
            (&[16.8, 50.0, 50.0, 52.0, 48.0], &[&[1, 2], &[3, 4]]),
            (&[61.0, 63.0], &[]),
            (&[100.0, 20.0], &[]),
        ];
        for (values, want) in cases {
            let run: Vec<usize> = (0..values.len()).collect();
            let want: Vec<Vec<usize>> = want.iter().map(|w| w.to_vec()).collect();
            assert_eq!(windows_of_100(&run, values), want, "{values:?}");
        }
    }

    #[test]
    fn a_footnotes_double_asterisk_sets_nothing_in_bold() {
        // Durations are no figures unless set in bold: a footnote's mark
        // opening a line and never closed is no bold span.
        let footnote = "Meeting dates for 2031\n\n\
                        *Spring meeting – held between March and June.\n\n\
                        **Autumn meeting – must be held within 21 days of the election.\n";
        assert!(values(footnote).is_empty(), "{:?}", values(footnote));
        // A closed span is bold, its duration a figure.
        let bold = "Meeting dates for 2031\n\n\
                    La financiación está asegurada para los próximos **4 años**.\n";
        assert_eq!(values(bold), vec![4.0]);
    }

    #[test]
    fn a_unit_inside_the_labels_bold_span_is_the_numbers() {
        assert_eq!(
            figures("59 **% Partenariados con la membresía**\n\n6 **%** Alianzas\n"),
            [
                (
                    59.0,
                    Some("%".to_owned()),
                    Qualifier::Exact,
                    "Partenariados con la membresía".to_owned()
                ),
                (
                    6.0,
                    Some("%".to_owned()),
                    Qualifier::Exact,
                    "Alianzas".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn wholes_and_parts_are_grouped() {
        let source = "FUENTES\n\n59%  Partenariados\n\n3 acuerdos firmados\n\n6% Alianzas\n\n33% Cuotas\n\n2% Otras\n\n30 ALIANZAS ACTIVAS\n\n5 \n\nColaboradoras\n\n3 \n\nMiembros benefactores\n\n8 \n\nConocimiento\n";
        let text = Text::from_plain(source);
        let found = extract_figures(&text, &[], &BTreeSet::new(), &Lexicons::all());
        let roles: Vec<(f64, FigureRole, Option<u32>)> =
            found.iter().map(|f| (f.value, f.role, f.group)).collect();
        assert_eq!(
            roles,
            [
                (59.0, FigureRole::Part, Some(1)),
                (3.0, FigureRole::Standalone, None),
                (6.0, FigureRole::Part, Some(1)),
                (33.0, FigureRole::Part, Some(1)),
                (2.0, FigureRole::Part, Some(1)),
                (30.0, FigureRole::Whole, Some(2)),
                (5.0, FigureRole::Part, Some(2)),
                (3.0, FigureRole::Part, Some(2)),
                (8.0, FigureRole::Part, Some(2)),
            ]
        );
    }
    #[test]
    fn ordinals_set_apart_compact_dates_counters_and_file_lengths_are_not_figures() {
        let lex = Lexicons::all();
        assert!(ordinal_set_apart(" st March Full Meeting", &lex));
        assert!(ordinal_set_apart(" ère séance du conseil", &lex));
        assert!(!ordinal_set_apart(" stations opened", &lex));
        assert!(!ordinal_set_apart(" members", &lex));
        assert!(is_compact_date("20310604"));
        assert!(!is_compact_date("20311304"));
        assert!(!is_compact_date("12500000"));
        assert!(counts_pages_of_a_file("pages", &lex));
        assert!(!counts_pages_of_a_file("participants", &lex));
        assert!(counts_page_use("fois"));
        assert!(is_page_count("1 de 67", &lex));
        assert!(is_page_count("3 of 12", &lex));
        assert!(!is_page_count("12 of 3", &lex));
        assert!(!is_page_count("3 de 12 concejales", &lex));
        assert_eq!(values("Descargar\n1 de 67\nTexto.\n"), Vec::<f64>::new());
        assert!(!values("Taille : 770 Ko (9 pages). Vue 184 fois.\n").contains(&9.0));
        assert!(!values("Taille : 770 Ko (9 pages). Vue 184 fois.\n").contains(&184.0));
    }
}
