//! Dates as printed, in the languages of a document's lexicons: a pure parser.
//!
//! Shapes read (words from the [`Lexicons`]: months, weekdays, ordinal
//! endings, date links, range openers and joiners):
//! - day first: `14 de marzo de 2019`, `Jueves, 14 de marzo de 2019`,
//!   `du 3 au 6 octobre 2016`, `28 février - 2 mars`, `1er juin`, `10. März 2022`;
//! - month first: `September 9`, `October 3rd - November 30th`, `March 3-5, 2019`;
//! - month and year: `octubre de 2019`, `Janvier-Décembre 2012`;
//! - numeric, day first: `12.04.2018`, `del 11 al 12.04.2018`, `12/04/2018`,
//!   and ISO `2018-04-12`.
//!
//! Text is [`fold`](crate::lexicon::fold)ed by the caller; offsets index it.

use std::sync::Arc;

use regex::{Captures, Regex};

use crate::lexicon::Lexicons;
use crate::model::EventDate;

/// A date (or range of dates) found in a text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// First day (or month) of the range.
    pub start: EventDate,
    /// Last day (or month), for a range.
    pub end: Option<EventDate>,
    /// Byte offset where the date starts.
    pub from: usize,
    /// Byte offset where it ends.
    pub to: usize,
}

fn pattern(lex: &Lexicons) -> Arc<Regex> {
    lex.pattern("dates", pattern_text)
}

/// The date pattern without its word boundaries. It matches wherever the
/// pattern does (an assertion only narrows a match), and without Unicode
/// word boundaries it runs on the fast automaton whatever the text, where
/// the pattern falls back to a slow engine on any non-ASCII text: a text it
/// does not match holds no date.
fn probe(lex: &Lexicons) -> Arc<Regex> {
    lex.pattern("dates-probe", |lex| {
        let pattern = pattern_text(lex);
        if pattern.contains(r"\\") {
            // A literal backslash could be taken for one of `\b`: no probe
            // (the empty pattern matches every text).
            String::new()
        } else {
            pattern.replace(r"\b", "")
        }
    })
}

fn pattern_text(lex: &Lexicons) -> String {
    {
        let months = lex.alternation(lex.each(|l| l.months).map(|(m, _)| *m));
        let weekdays = lex.alternation(lex.each(|l| l.weekdays).map(|(w, _)| *w));
        let ordinals = lex.alternation(lex.each(|l| l.ordinal_suffixes).copied());
        let links = lex.alternation(lex.each(|l| l.date_links).copied());
        let openers = lex.alternation(lex.each(|l| l.range_openers).copied());
        let joiners = lex.alternation(lex.each(|l| l.range_joiners).copied());
        // A day is one or two digits, never the start of a longer number
        // (`September 2022` is no 20th of September).
        let day = format!(r"[0-3]?[0-9](?:(?:{ordinals})|\b)\.?");
        let month = format!(r"(?:{months})\b\.?");
        let year = r"(?:19|20)[0-9]{2}\b";
        let link = format!(r"(?:(?:{links})\s+)?");
        let join = format!(r"\s*(?:[-–—]|\b(?:{joiners})\b)\s*");
        let opener = format!(r"(?:\b(?:{openers})\s+)?");
        let weekday = format!(r"(?:\b(?:{weekdays})\b\.?,?\s+)?");
        format!(
            r"(?xi)
            # numeric: 12.04.2018, del 11 al 12.04.2018, 12/04/2018
            (?: {opener} (?: \b(?P<n0>[0-3]?[0-9]) {join} )?
                \b(?P<nd>[0-3]?[0-9]) [./-] (?P<nm>[0-3]?[0-9]) [./-] (?P<ny>(?:19|20)[0-9]{{2}}) \b )
          | (?: \b(?P<iy>(?:19|20)[0-9]{{2}}) - (?P<im>[01][0-9]) - (?P<id>[0-3][0-9]) \b )
          # day first
          | (?: {weekday} {opener} \b(?P<d1>{day})
                (?: \s+ {link} (?P<m1>{month}) (?: ,?\s+ {link} (?P<y1>{year}) )? )?
                (?: {join} {weekday} (?P<d2>{day}) )?
                \s+ {link} (?P<m2>{month}) (?: ,?\s+ {link} (?P<y2>{year}) )? )
          # month first
          | (?: {weekday} {opener} \b(?P<mb1>{month}) \s+ (?P<db1>{day}) (?: ,?\s+ (?P<yb1>{year}) )?
                (?: {join} {weekday} (?: (?P<mb2>{month}) \s+ )? (?P<db2>{day}) \b )?
                (?: ,?\s+ (?P<yb2>{year}) )? )
          # month and year: octubre de 2019, Janvier-Décembre 2012
          | (?: \b(?P<mc1>{month}) (?: {join} (?P<mc2>{month}) )? ,?\s+ {link} (?P<yc>{year}) )
            "
        )
    }
}

/// Every date of `text`, left to right, without overlaps.
pub fn find_dates(text: &str, lex: &Lexicons) -> Vec<FoundDate> {
    let mut found = Vec::new();
    if !may_hold_a_date(text) {
        return found;
    }
    let (probe, pattern) = (probe(lex), pattern(lex));
    // On non-ASCII text the pattern runs on its slow engine from where it
    // starts to the end of the text. No date starts before the probe's
    // first match (a match of the pattern is one of the probe), so each
    // search starts there, and the text after the last date that the probe
    // does not match is not searched at all. The pattern sees the whole
    // text around that start, so its word boundaries are unchanged.
    let mut from = 0;
    while let Some(start) = probe.find_at(text, from) {
        let Some(caps) = pattern.captures_at(text, start.start()) else {
            break;
        };
        let Some(whole) = caps.get(0) else {
            break;
        };
        found.extend(read(&caps, lex));
        // The pattern has no empty match (every shape holds a number or a
        // month); should one come, the next search starts one char later.
        from = if whole.is_empty() {
            text[whole.end()..]
                .chars()
                .next()
                .map_or(text.len() + 1, |c| whole.end() + c.len_utf8())
        } else {
            whole.end()
        };
        if from > text.len() {
            break;
        }
    }
    found
}

/// False when no date can be in `text`: every shape opens a number (a day
/// or a year) at a word boundary, so it needs a digit that follows no ASCII
/// letter, digit or `_` (codes such as `L1M2D3` do not count). Most lines of
/// prose have none, and the pattern is costly.
fn may_hold_a_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, byte)| {
        byte.is_ascii_digit()
            && at
                .checked_sub(1)
                .and_then(|before| bytes.get(before))
                .is_none_or(|&before| !(before.is_ascii_alphanumeric() || before == b'_'))
    })
}

/// The date that opens `text` (after spaces), if any.
pub fn date_at_start(text: &str, lex: &Lexicons) -> Option<FoundDate> {
    let start = text.len() - text.trim_start().len();
    find_dates(text, lex)
        .into_iter()
        .next()
        .filter(|date| date.from == start)
}

fn read(caps: &Captures<'_>, lex: &Lexicons) -> Option<FoundDate> {
    let whole = caps.get(0)?;
    let number = |name: &str| {
        caps.name(name).and_then(|m| {
            let digits: String = m
                .as_str()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<u16>().ok()
        })
    };
    let month = |name: &str| caps.name(name).and_then(|m| lex.month(m.as_str()));
    let day = |name: &str| {
        number(name)
            .and_then(|d| u8::try_from(d).ok())
            .filter(|d| (1..=31).contains(d))
    };
    let date = |year: Option<u16>, month: u8, day: Option<u8>| EventDate { year, month, day };
    let (start, end) = if let Some(nm) = number("nm") {
        // Day first (`12/04/2018`, `10-01-2011`), unless the second number
        // cannot be a month: then month first (`04/25/2018`, US).
        let (first, second) = (number("nd")?, nm);
        let (nm, nd) = if second > 12 && first <= 12 {
            (first, second)
        } else {
            (second, first)
        };
        let m = u8::try_from(nm).ok().filter(|m| (1..=12).contains(m))?;
        let y = number("ny");
        let end_day = u8::try_from(nd).ok().filter(|d| (1..=31).contains(d))?;
        match day("n0") {
            Some(first) => (date(y, m, Some(first)), Some(date(y, m, Some(end_day)))),
            None => (date(y, m, Some(end_day)), None),
        }
    } else if let Some(iy) = number("iy") {
        let m = number("im")
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m))?;
        (date(Some(iy), m, Some(day("id")?)), None)
    } else if let Some(m2) = month("m2") {
        let year = number("y2").or(number("y1"));
        let d1 = day("d1")?;
        let m1 = month("m1").unwrap_or(m2);
        let start_year = number("y1").or(year);
        match caps.name("d2") {
            Some(_) => (
                date(start_year, m1, Some(d1)),
                Some(date(year, m2, Some(day("d2")?))),
            ),
            None if caps.name("m1").is_some() => {
                (date(start_year, m1, Some(d1)), Some(date(year, m2, None)))
            }
            None => (date(year, m2, Some(d1)), None),
        }
    } else if let Some(mb1) = month("mb1") {
        let year = number("yb2").or(number("yb1"));
        let start = date(number("yb1").or(year), mb1, Some(day("db1")?));
        let end = match caps.name("db2") {
            Some(_) => Some(date(year, month("mb2").unwrap_or(mb1), Some(day("db2")?))),
            None => None,
        };
        (start, end)
    } else {
        let mc1 = month("mc1")?;
        let year = number("yc");
        let end = month("mc2").map(|m| date(year, m, None));
        (date(year, mc1, None), end)
    };
    Some(FoundDate {
        start,
        end,
        from: whole.start(),
        to: whole.end(),
    })
}

/// The one year a heading gives the lines under it (`The calendar for 2022:`,
/// `Calendario 2019`), when it states exactly one.
pub fn heading_year(text: &str) -> Option<u16> {
    let mut years = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .filter_map(|w| w.parse::<u16>().ok());
    let year = years.next()?;
    years.all(|other| other == year).then_some(year)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The cheap test before the pattern never hides a date.
        #[test]
        fn texts_skipped_hold_no_date(
            text in "([0-9]{1,4}|[a-zA-Zé_²º]{1,6}|marzo|march|mars|février|de|au|[ .,/–-]){0,12}",
        ) {
            let lex = Lexicons::all();
            let unfiltered: Vec<FoundDate> = pattern(&lex)
                .captures_iter(&text)
                .filter_map(|caps| read(&caps, &lex))
                .collect();
            prop_assert_eq!(find_dates(&text, &lex), unfiltered);
        }
    }

    type Short = (
        (Option<u16>, u8, Option<u8>),
        Option<(Option<u16>, u8, Option<u8>)>,
    );

    fn first(text: &str) -> Option<Short> {
        let lex = Lexicons::all();
        find_dates(&crate::lexicon::fold(text), &lex)
            .first()
            .map(|d| {
                (
                    (d.start.year, d.start.month, d.start.day),
                    d.end.map(|e| (e.year, e.month, e.day)),
                )
            })
    }

    #[test]
    fn the_probe_turns_away_numbers_that_are_no_dates() {
        let lex = Lexicons::all();
        assert!(!probe(&lex).as_str().is_empty());
        assert!(!probe(&lex).is_match("Más de 1200 asistentes, un 35 % más."));
        assert!(probe(&lex).is_match("el 14 de marzo de 2019"));
    }

    #[test]
    fn dates_in_three_languages() {
        let cases: &[(&str, Option<Short>)] = &[
            (
                "Jueves, 14 de marzo de 2019",
                Some(((Some(2019), 3, Some(14)), None)),
            ),
            (
                "du 3 au 6 octobre 2016",
                Some(((Some(2016), 10, Some(3)), Some((Some(2016), 10, Some(6))))),
            ),
            (
                "del 11 al 12.04.2018",
                Some(((Some(2018), 4, Some(11)), Some((Some(2018), 4, Some(12))))),
            ),
            (
                "will be held on September 9",
                Some(((None, 9, Some(9)), None)),
            ),
            (
                "October 3rd – November 30th",
                Some(((None, 10, Some(3)), Some((None, 11, Some(30))))),
            ),
            ("le 1er juin 2015", Some(((Some(2015), 6, Some(1)), None))),
            (
                "28 février - 2 mars",
                Some(((None, 2, Some(28)), Some((None, 3, Some(2))))),
            ),
            (
                "March 3-5, 2019",
                Some(((Some(2019), 3, Some(3)), Some((Some(2019), 3, Some(5))))),
            ),
            (
                "Janvier–Décembre 2012",
                Some(((Some(2012), 1, None), Some((Some(2012), 12, None)))),
            ),
            (
                "Donnerstag, 10. März 2022",
                Some(((Some(2022), 3, Some(10)), None)),
            ),
            ("2018-04-12", Some(((Some(2018), 4, Some(12)), None))),
            ("el 10-01-2011", Some(((Some(2011), 1, Some(10)), None))),
            (
                "Meeting: 05/04/2023 - Council",
                Some(((Some(2023), 4, Some(5)), None)),
            ),
            ("signed 04/25/2018", Some(((Some(2018), 4, Some(25)), None))),
            ("14/25/2018", None),
            ("Acta 60-2011 (O)", None),
            (
                "approved in September 2022",
                Some(((Some(2022), 9, None), None)),
            ),
            ("32 de mayo", None),
            ("5.1 Objectives", None),
            ("Page 3 of 12", None),
        ];
        for (text, want) in cases {
            assert_eq!(first(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_heading_gives_its_one_year() {
        assert_eq!(heading_year("The calendar for 2022:"), Some(2022));
        assert_eq!(heading_year("Plan 2018-2020"), None);
        assert_eq!(heading_year("Events"), None);
    }
}
