//! Dates as printed, in the languages of a document's lexicons: a pure parser.
//!
//! Shapes read (words from the [`Lexicons`]: months, weekdays, ordinal
//! endings, date links, range openers and joiners):
//! - day first: `14 de marzo de 2019`, `Jueves, 14 de marzo de 2019`,
//!   `du 3 au 6 octobre 2016`, `28 février - 2 mars`, `21/22 May`, `1er juin`,
//!   `1.º de julio`, `10. März 2022`,
//!   and lists of days before their month (`los días 22, 23 y 24 de
//!   noviembre`: one span when the days follow one another; days apart
//!   joined by a conjunction are each their own day, `3 and 17 June`, `les
//!   5, 12 et 19 mars`, unless a pair opener makes them the ends of a
//!   range, `between 3 and 17 June`);
//! - month first: `September 9`, `October 3rd - November 30th`, `March 3-5, 2019`;
//! - month and year: `octubre de 2019`, `Janvier-Décembre 2012`;
//! - numeric, day first: `12.04.2018`, `del 11 al 12.04.2018`, `12/04/2018`,
//!   `27.07.17` (a two-digit year, day and month printed with two digits),
//!   and ISO `2018-04-12` (`2019-09-17 to 2019-09-19` a range); month first when only that reading is a date
//!   (`04/25/2018`). A day whose two numbers could each be the month is
//!   marked [`FoundDate::swappable`]: [`numeric_order`] reads the
//!   document's order.
//!
//! Text is [`fold`](crate::lexicon::fold)ed by the caller; offsets index it.
//! [`unglued`] puts back the spaces a lost layout took from around dates
//! (`octobre 2013Atholville`).

use std::borrow::Cow;
use std::sync::Arc;

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

use crate::lexicon::{Lexicons, Probed};
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
    /// A numeric day read day first whose two first numbers could each be
    /// the month (`03/04/2019`): [`NumericOrder`] says which it is.
    pub swappable: bool,
    /// The weekday printed before the first day (`jueves 14 de marzo`,
    /// `Tuesday, May 3`), Monday = 1: [`weekday_of`] checks it against the
    /// day's year.
    pub weekday: Option<u8>,
    /// The other days of a list of days apart, after `start` (`3 and 17
    /// June`: the 17th; `les 5, 12 et 19 mars`: the 12th and the 19th),
    /// each its own day (`end` is then `None`); unused places are `None`.
    pub listed: [Option<EventDate>; LISTED_DAYS],
}

/// Most days of a list of days apart a [`FoundDate`] keeps after its first.
pub const LISTED_DAYS: usize = 7;

impl FoundDate {
    /// The days of a list of days apart after the first (see
    /// [`FoundDate::listed`]); none for a single day or a span.
    pub fn more_days(&self) -> impl Iterator<Item = EventDate> + '_ {
        self.listed.iter().flatten().copied()
    }
}

impl FoundDate {
    /// The date read month first (`03/04/2019` as the 4th of March).
    pub fn swapped(self) -> Option<FoundDate> {
        let day = self.start.day?;
        let start = EventDate {
            month: day,
            day: Some(self.start.month),
            ..self.start
        };
        Some(FoundDate {
            start,
            swappable: false,
            ..self
        })
    }
}

/// How a document orders the numbers of its numeric dates where both could
/// be the month (`03/04/2019`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// Day first (`03/04/2019` is the 3rd of April).
    DayFirst,
    /// Month first (the 4th of March).
    MonthFirst,
    /// Nothing decides: such a date is left out, with a note naming both readings.
    Undecided,
}

/// The order of a document's numeric dates. Day first when its main
/// language (the first of `lex`) writes them so; otherwise the document's own evidence, the
/// first of these that leans one way: its numeric dates whose first or
/// second number is over 12 (`25/03/2019`, `3/25/2019`), the order of its
/// dates in words (`5 April 2023` against `April 5, 2023`), and the
/// spellings of a region (`organisation`, `councillor` against
/// `organization`, `councilor`).
pub fn numeric_order<'t>(lines: impl Iterator<Item = &'t str>, lex: &Lexicons) -> NumericOrder {
    if lex
        .languages()
        .first()
        .is_none_or(|language| language.lexicon().numeric_day_first)
    {
        return NumericOrder::DayFirst;
    }
    let (mut numeric, mut worded, mut spelled) = ([0usize; 2], [0usize; 2], [0usize; 2]);
    for line in lines {
        let lower = line.to_lowercase();
        for date in find_dates(&lower, lex) {
            let Some(printed) = lower.get(date.from..date.to) else {
                continue;
            };
            let numbers: Vec<u16> = printed
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            let worded_month = printed.chars().any(char::is_alphabetic);
            if worded_month {
                if date.start.day.is_some() {
                    // Which comes first in print, the day's number or the month's name.
                    let day_first = printed
                        .split_whitespace()
                        .find(|word| {
                            word.starts_with(|c: char| c.is_ascii_digit())
                                || lex.month(word.trim_end_matches(['.', ','])).is_some()
                        })
                        .is_some_and(|word| word.starts_with(|c: char| c.is_ascii_digit()));
                    worded[usize::from(!day_first)] += 1;
                }
            } else if let [first, second, ..] = numbers.as_slice() {
                if *first > 12 && *first <= 31 && *second <= 12 {
                    numeric[0] += 1;
                } else if *second > 12 && *second <= 31 && *first <= 12 {
                    numeric[1] += 1;
                }
            }
        }
        for word in lower.split(|c: char| !c.is_alphabetic()) {
            if lex.has(|l| l.day_first_spellings, word) {
                spelled[0] += 1;
            } else if lex.has(|l| l.month_first_spellings, word) {
                spelled[1] += 1;
            }
        }
    }
    [numeric, worded, spelled]
        .into_iter()
        .find(|[day, month]| day != month)
        .map_or(NumericOrder::Undecided, |[day, month]| {
            if day > month {
                NumericOrder::DayFirst
            } else {
                NumericOrder::MonthFirst
            }
        })
}

/// The date pattern, for searches anchored where a date may start (see
/// [`find_dates`]); None when it does not compile, and then no date is found.
fn anchored(lex: &Lexicons) -> Arc<Option<meta::Regex>> {
    lex.cached("dates-anchored", |lex| {
        meta::Regex::new(&pattern_text(lex)).ok()
    })
}

/// The date pattern without its word boundaries. It matches wherever the
/// pattern does (an assertion only narrows a match), and without Unicode
/// word boundaries it runs on the fast automaton whatever the text, where
/// the pattern falls back to a slow engine on any non-ASCII text: a text it
/// does not match holds no date.
fn probe(lex: &Lexicons) -> Arc<Probed> {
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
        // An ordinal ending may be set apart (`1 st February`), tried
        // last: `28 to January` is a range. Spanish sets it after a dot
        // (`1.º de julio`).
        let day = format!(r"[0-3]?[0-9](?:\.?(?:{ordinals})|\b|\s(?:{ordinals})\b)\.?");
        let month = format!(r"(?:{months})\b\.?");
        // A year may be printed with a thousands dot (`28 de abril de 2.016`).
        let year = r"(?:19|20)[0-9]{2}\b|(?:1\.9|2\.0)[0-9]{2}\b";
        let link = format!(r"(?:(?:{links})\s+)?");
        let join = format!(r"\s*(?:[-–—]|\b(?:{joiners})\b)\s*");
        let opener = format!(r"(?:\b(?:{openers})\s+)?");
        let weekday = format!(r"(?:\b(?:{weekdays})\b\.?,?\s+)?");
        // The weekday opening a date is kept (`w1`, `w2`): it names the day.
        let opening = |group: &str| format!(r"(?:\b(?P<{group}>{weekdays})\b\.?,?\s+)?");
        let (opening_day, opening_month) = (opening("w1"), opening("w2"));
        // The opener and the last joiner of days printed before their month
        // are kept (`o1`, `j1`): a conjunction joins a list of days unless a
        // pair opener opened it (`3 and 17 June`, `between 3 and 17 June`).
        // A slash joins two days as a dash does (`21/22 May`).
        let day_opener = format!(r"(?:\b(?P<o1>{openers})\s+)?");
        let day_join = format!(r"\s*(?:[-–—/]|\b(?P<j1>{joiners})\b)\s*");
        format!(
            r"(?xi)
            # numeric: 12.04.2018, del 11 al 12.04.2018, 12/04/2018
            (?: {opener} (?: \b(?P<n0>[0-3]?[0-9]) {join} )?
                \b(?P<nd>[0-3]?[0-9]) [./-] (?P<nm>[0-3]?[0-9]) [./-] (?P<ny>(?:19|20)[0-9]{{2}}) \b )
          # numeric with a two-digit year, day and month of two digits each: 27.07.17, 14/03/30
          | (?: \b(?P<sd>[0-3][0-9]) [./] (?P<sm>[01][0-9]) [./] (?P<sy>[0-9]{{2}}) \b )
          # ISO, alone or as a range: 2018-04-12, from 2019-09-17 to 2019-09-19
          | (?: {opener} \b(?P<iy>(?:19|20)[0-9]{{2}}) - (?P<im>[01][0-9]) - (?P<id>[0-3][0-9]) \b
                (?: {join} (?P<jy>(?:19|20)[0-9]{{2}}) - (?P<jm>[01][0-9]) - (?P<jd>[0-3][0-9]) \b )? )
          # day first; a list of days before their month (`los días 22, 23 y 24
          # de noviembre`, `mardi 16, mercredi 17 et jeudi 18 novembre`)
          | (?: {opening_day} {day_opener} \b(?P<d1>{day})
                (?: \s+ {link} (?P<m1>{month}) (?: ,?\s+ {link} (?P<y1>{year}) )? )?
                (?: (?P<dl> (?: \s*,\s* {weekday} {day} )+ ,? )? {day_join} {weekday} (?P<d2>{day}) )?
                \s+ {link} (?P<m2>{month}) (?: ,?\s+ {link} (?P<y2>{year}) )? )
          # month first
          | (?: {opening_month} {opener} \b(?P<mb1>{month}) \s+ (?P<db1>{day}) (?: ,?\s+ {link} (?P<yb1>{year}) )?
                (?: {join} {weekday} (?: (?P<mb2>{month}) \s+ )? (?P<db2>{day}) \b )?
                (?: ,?\s+ {link} (?P<yb2>{year}) )? )
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
    let (probe, anchored) = (probe(lex), anchored(lex));
    let Some(pattern) = anchored.as_ref() else {
        return found;
    };
    // Made for the first start the probe finds: most lines that hold a
    // number hold no date.
    let mut slots: Option<Captures> = None;
    // On non-ASCII text the pattern runs on a slow engine, and an unanchored
    // search tries it at every position from where it starts to the end of
    // the text. A date starts only where the probe matches (a match of the
    // pattern is one of the probe), so the pattern is tried anchored at the
    // probe's starts alone, left to right: the first that holds a date is
    // where the leftmost date starts, and the pattern, which sees the whole
    // text around that start, matches there as the unanchored search would.
    let mut from = 0;
    while let Some(start) = probe.find_at(text, from) {
        let at = start.start();
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let caps = slots.get_or_insert_with(|| pattern.create_captures());
        pattern.search_captures(&input, caps);
        let Some(whole) = caps.get_match() else {
            // No date starts here: the next start the probe finds after it.
            from = after_char(text, at);
            if from > text.len() {
                break;
            }
            continue;
        };
        let Some(date) = read(&AnchoredGroups { text, caps }, lex) else {
            // A reading no calendar has (`2021/22 – Wednesday 12th May`
            // read as days 22 to 12) hides no date inside it: the search
            // goes on one char later, where the real date may start.
            from = after_char(text, at);
            if from > text.len() {
                break;
            }
            continue;
        };
        found.push(date);
        // The pattern has no empty match (every shape holds a number or a
        // month); should one come, the next search starts one char later.
        from = if whole.is_empty() {
            after_char(text, whole.end())
        } else {
            whole.end()
        };
        if from > text.len() {
            break;
        }
    }
    found
}

/// The position after the char at `at` in `text`; past its end when `at`
/// is its end.
fn after_char(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// The groups of a date's match, as [`read`] takes them.
trait Groups<'h> {
    /// The whole match.
    fn whole(&self) -> Option<Group<'h>>;
    /// The group named `name`, when it took part in the match.
    fn name(&self, name: &str) -> Option<Group<'h>>;
}

/// A group of a date's match: where it is in its text.
#[derive(Debug, Clone, Copy)]
struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    fn as_str(&self) -> &'h str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }

    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }
}

/// The groups of the anchored pattern's match in `text`.
struct AnchoredGroups<'c, 'h> {
    text: &'h str,
    caps: &'c Captures,
}

impl<'h> Groups<'h> for AnchoredGroups<'_, 'h> {
    fn whole(&self) -> Option<Group<'h>> {
        self.caps.get_match().map(|m| Group {
            text: self.text,
            start: m.start(),
            end: m.end(),
        })
    }

    fn name(&self, name: &str) -> Option<Group<'h>> {
        self.caps.get_group_by_name(name).map(|span| Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
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

/// Last two-digit year read in this century (`30` is 2030, `75` is 1975).
const LAST_SHORT_YEAR: u16 = 69;

/// The year a two-digit year stands for.
fn full_year(short: u16) -> u16 {
    if short <= LAST_SHORT_YEAR {
        2000 + short
    } else {
        1900 + short
    }
}

/// The year of the first day of a range or list whose year is printed once,
/// after its last day: that year, or the one before when the months run
/// backwards (`du 28 décembre au 3 janvier 2021`, `December 28 – January 3,
/// 2021`: the 28th of December 2020).
fn year_before(last_year: Option<u16>, first_month: u8, last_month: u8) -> Option<u16> {
    last_year.map(|year| {
        if first_month > last_month {
            year.saturating_sub(1)
        } else {
            year
        }
    })
}

fn read<'h>(caps: &impl Groups<'h>, lex: &Lexicons) -> Option<FoundDate> {
    let whole = caps.whole()?;
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
    // A year printed with a thousands dot (`2.016`) is read without it.
    let year_of = |name: &str| {
        caps.name(name).and_then(|m| {
            let digits: String = m.as_str().chars().filter(|c| *c != '.').collect();
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
    let mut swappable = false;
    let mut from = whole.start();
    let mut weekday = caps
        .name("w1")
        .or_else(|| caps.name("w2"))
        .and_then(|w| lex.weekday(w.as_str()));
    let mut listed = [None; LISTED_DAYS];
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
        swappable = caps.name("n0").is_none() && first != second && first <= 12 && second <= 12;
        match day("n0") {
            Some(first) => (date(y, m, Some(first)), Some(date(y, m, Some(end_day)))),
            None => (date(y, m, Some(end_day)), None),
        }
    } else if let Some(short) = number("sy") {
        let m = number("sm")
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m))?;
        let d = day("sd")?;
        swappable = d <= 12 && d != m;
        (date(Some(full_year(short)), m, Some(d)), None)
    } else if let Some(iy) = number("iy") {
        let m = number("im")
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m))?;
        let end = match number("jy") {
            Some(end_year) => {
                let m2 = number("jm")
                    .and_then(|m| u8::try_from(m).ok())
                    .filter(|m| (1..=12).contains(m))?;
                Some(date(Some(end_year), m2, Some(day("jd")?)))
            }
            None => None,
        };
        (date(Some(iy), m, Some(day("id")?)), end)
    } else if let Some(m2) = month("m2") {
        let year = year_of("y2").or(year_of("y1"));
        let d1 = day("d1")?;
        let m1 = month("m1").unwrap_or(m2);
        let start_year = year_of("y1").or_else(|| year_before(year, m1, m2));
        // Days joined by a conjunction with no pair opener before them are
        // days apart (`3 and 17 June`), unless they follow one another.
        let word = |name: &str| {
            caps.name(name).map(|m| {
                m.as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
        };
        let apart = word("j1").is_some_and(|j| lex.has(|l| l.conjunctions, &j))
            && !word("o1").is_some_and(|o| lex.has(|l| l.pair_openers, &o));
        if let Some(list) = caps.name("dl") {
            // Days that follow one another are one span from the first to the
            // last; days apart after a conjunction are each their own day;
            // others are read as before the list was a shape: the last two
            // days joined (`3, 10-17 mai` as `10-17 mai`).
            let middle = list_days(list.as_str());
            let d2 = day("d2")?;
            let mut days = vec![d1];
            days.extend(middle.iter().map(|&(_, day)| day));
            days.push(d2);
            let every_day = days.len() == listed_count(list.as_str()) + 2;
            let following = every_day
                && days
                    .windows(2)
                    .all(|pair| pair[1] == pair[0].saturating_add(1));
            if apart && every_day && !following && days.len() <= LISTED_DAYS + 1 {
                for (place, &later) in listed.iter_mut().zip(days.iter().skip(1)) {
                    *place = Some(date(year, m2, Some(later)));
                }
                (date(start_year, m1, Some(d1)), None)
            } else if !following {
                let &(at, last) = middle.last()?;
                from = list.start() + at;
                // The first day's weekday is no weekday of the days read.
                weekday = None;
                (
                    date(start_year, m1, Some(last)),
                    Some(date(year, m2, Some(d2))),
                )
            } else {
                (
                    date(start_year, m1, Some(d1)),
                    Some(date(year, m2, Some(d2))),
                )
            }
        } else {
            match caps.name("d2") {
                Some(_) if apart && (m1 != m2 || day("d2")? != d1.saturating_add(1)) => {
                    listed[0] = Some(date(year, m2, Some(day("d2")?)));
                    (date(start_year, m1, Some(d1)), None)
                }
                Some(_) => {
                    let d2 = day("d2")?;
                    // A span ending before it starts in its one month (`2030/31
                    // – Wednesday 14th May` read as days 31 to 14) is no
                    // span: the search goes on inside it.
                    if m1 == m2 && d2 < d1 {
                        return None;
                    }
                    (
                        date(start_year, m1, Some(d1)),
                        Some(date(year, m2, Some(d2))),
                    )
                }
                None if caps.name("m1").is_some() => {
                    (date(start_year, m1, Some(d1)), Some(date(year, m2, None)))
                }
                None => (date(year, m2, Some(d1)), None),
            }
        }
    } else if let Some(mb1) = month("mb1") {
        let year = year_of("yb2").or(year_of("yb1"));
        let last_month = month("mb2").unwrap_or(mb1);
        let start = date(
            year_of("yb1").or_else(|| year_before(year, mb1, last_month)),
            mb1,
            Some(day("db1")?),
        );
        let end = match caps.name("db2") {
            Some(_) => Some(date(year, month("mb2").unwrap_or(mb1), Some(day("db2")?))),
            None => None,
        };
        (start, end)
    } else {
        let mc1 = month("mc1")?;
        let year = year_of("yc");
        let end = month("mc2").map(|m| date(year, m, None));
        (date(year, mc1, None), end)
    };
    Some(FoundDate {
        start,
        end,
        from,
        to: whole.end(),
        swappable,
        weekday,
        listed,
    })
}

/// The weekday of a day of the Gregorian calendar, Monday = 1; `None`
/// without its year or day, or for a day its month does not have (`31 April`).
pub fn weekday_of(date: EventDate) -> Option<u8> {
    let (year, month, day) = (
        i64::from(date.year?),
        i64::from(date.month),
        i64::from(date.day?),
    );
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1..=length).contains(&day) {
        return None;
    }
    // Days since 1 March of year 0 (Gregorian), March opening the year so
    // that a leap day closes it.
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1;
    // 1 March of year 0 was a Wednesday (3).
    u8::try_from((days + 2).rem_euclid(7) + 1).ok()
}

/// The days of a list's middle (`, 23`, `, mercredi 17,`), each with its
/// offset in `list`; a number that is no day of a month is left out.
fn list_days(list: &str) -> Vec<(usize, u8)> {
    list_numbers(list)
        .filter_map(|(at, digits)| {
            let day = digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?;
            Some((at, day))
        })
        .collect()
}

/// How many numbers a list's middle holds, days or not.
fn listed_count(list: &str) -> usize {
    list_numbers(list).count()
}

/// The runs of digits of `text`, each with its offset.
fn list_numbers(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.char_indices()
        .filter(move |&(at, c)| {
            c.is_ascii_digit()
                && !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|before| before.is_ascii_digit())
        })
        .map(move |(at, _)| {
            let run = text[at..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(&text[at..], |end| &text[at..at + end]);
            (at, run)
        })
}

/// Whether `text` has the characters that each shape of glue [`unglued`]
/// mends needs where its space goes (see [`glue_pattern`]): a year run
/// into a capital (`2013Atholville`); a run of letters right after a digit
/// run into a year (a day's ordinal ending: `2nd2016`); or a run of letters
/// where a letter runs into one that is not lower case, then spaces and a
/// digit (a word and a capitalised month or weekday, whose names are
/// letters only, then the date's number: `AGMSeptember 30th`). Most lines
/// have none of them (codes such as `L1M2D3` run digits into capitals, but
/// no year) and are passed over without the pattern, whose Unicode classes
/// and word boundaries make it slow on any text that is not ASCII. One pass
/// over the characters, no allocation.
fn has_glue(text: &str) -> bool {
    let bytes = text.as_bytes();
    let year = |at: usize, to: usize| {
        matches!(bytes.get(at..to), Some([b'1', b'9', c, d] | [b'2', b'0', c, d])
            if c.is_ascii_digit() && d.is_ascii_digit())
    };
    let mut chars = text.char_indices();
    let Some((_, mut before)) = chars.next() else {
        return false;
    };
    // Inside a run of letters that follows a digit (an ordinal ending).
    let mut after_digit = false;
    // Inside a run of letters where a letter runs into a capital (a month
    // or weekday may close the run).
    let mut named = false;
    // Inside the spaces after such a run.
    let mut spaced = false;
    for (at, after) in chars {
        if before.is_ascii_digit() {
            if after.is_uppercase() && at.checked_sub(4).is_some_and(|from| year(from, at)) {
                return true;
            }
            after_digit = after.is_alphabetic();
        } else if before.is_alphabetic() {
            if after_digit && year(at, at + 4) {
                return true;
            }
            if after.is_alphabetic() {
                named |= !after.is_lowercase();
            } else {
                spaced = named && after.is_whitespace();
                named = false;
                after_digit = false;
            }
        } else if spaced {
            if after.is_ascii_digit() {
                return true;
            }
            spaced = after.is_whitespace();
        }
        before = after;
    }
    false
}

/// `text` with the spaces put back that a lost layout took from around its
/// dates: a year run into the capitalised word after it (`18 au 20 octobre
/// 2013Atholville`), a day's ordinal ending run into its year (`October
/// 2nd2016`), and a word run into the capitalised month or weekday of a
/// date after it (`AGMSeptember 30th`, `nouvelle èreVendredi 18 octobre`).
/// Only a month or weekday a number follows is split off, so words that
/// merely end like one are left whole. Borrowed when nothing changes.
pub fn unglued<'t>(text: &'t str, lex: &Lexicons) -> Cow<'t, str> {
    if !has_glue(text) {
        return Cow::Borrowed(text);
    }
    let cuts: Vec<usize> = glue_pattern(lex)
        .captures_iter(text)
        .filter_map(|caps| {
            ["year", "ordinal", "name"]
                .iter()
                .find_map(|name| caps.name(name))
                .map(|cut| cut.start())
        })
        .collect();
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut spaced = String::with_capacity(text.len() + cuts.len());
    let mut last = 0;
    for cut in cuts {
        spaced.push_str(text.get(last..cut).unwrap_or_default());
        spaced.push(' ');
        last = cut;
    }
    spaced.push_str(text.get(last..).unwrap_or_default());
    Cow::Owned(spaced)
}

/// The pattern of the glue [`unglued`] mends: a group named `year`,
/// `ordinal` or `name` where a space goes.
fn glue_pattern(lex: &Lexicons) -> std::sync::Arc<Probed> {
    lex.pattern("dates-glue", |lex| {
        // Ordinal endings in letters only: a German day's dot (`29.`) run
        // into a year is a numeric date's (`29.03.2021`).
        let ordinals = lex.alternation(
            lex.each(|l| l.ordinal_suffixes)
                .copied()
                .filter(|suffix| suffix.chars().all(char::is_alphabetic)),
        );
        // No such ending (German alone): a pattern that matches nothing.
        let ordinals = if ordinals.is_empty() {
            r"[^\s\S]".to_owned()
        } else {
            ordinals
        };
        let mut names: Vec<String> = lex
            .each(|l| l.months)
            .map(|(m, _)| *m)
            .chain(lex.each(|l| l.weekdays).map(|(w, _)| *w))
            .filter(|name| name.chars().count() >= 4)
            .map(|name| {
                let mut chars = name.chars();
                chars.next().map_or_else(String::new, |first| {
                    regex::escape(&format!("{}{}", first.to_uppercase(), chars.as_str()))
                })
            })
            .collect();
        names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
        names.dedup();
        let names = names.join("|");
        format!(
            r"(?x)
            \b(?:19|20)[0-9]{{2}} (?P<year>) \p{{Lu}}
          | \b[0-3]?[0-9](?:{ordinals}) (?P<ordinal>) (?:19|20)[0-9]{{2}}\b
          | \p{{L}} (?P<name>) (?:{names}) \s+ [0-9]"
        )
    })
}

/// A text's days and years written in words beside a month's name, as
/// minutes print the day of their meeting (`del día veintiocho de abril de
/// dos mil dieciséis`, `le vingt-trois mars deux mille vingt`), rewritten
/// in digits (`del día 28 de abril de 2016`) so that [`find_dates`] reads
/// them. Only a run of number words right before a month (a date link
/// allowed between) that makes a day, or right after it that makes a year,
/// is rewritten; other number words are left as printed. Borrowed when
/// nothing changes.
pub fn spell_out_dates<'t>(text: &'t str, lex: &Lexicons) -> Cow<'t, str> {
    let value = |word: &str| lex.number_value(word);
    // Asked of many lines, most with no number word: each word is tried in
    // one buffer before any is kept.
    let mut buffer = String::new();
    let spelled = word_spans(text).any(|(from, to)| {
        buffer.clear();
        crate::lexicon::unaccented_into(&mut buffer, &text[from..to]);
        value(&buffer).is_some()
    });
    if !spelled {
        return Cow::Borrowed(text);
    }
    let words: Vec<(usize, usize, String)> = word_spans(text)
        .map(|(from, to)| (from, to, crate::lexicon::unaccented(&text[from..to])))
        .collect();
    let link = |at: usize| {
        words
            .get(at)
            .is_some_and(|(_, _, word)| lex.has(|l| l.date_links, word))
    };
    // Only spaces and hyphens part the words of one number or date.
    let joined = |left: usize, right: usize| match (words.get(left), words.get(right)) {
        (Some(a), Some(b)) => text[a.1..b.0].chars().all(|c| c == ' ' || c == '-'),
        _ => false,
    };
    // The words of a number from `at` on, in the given direction: number
    // words, a conjunction allowed between two of them.
    let run = |at: usize, forward: bool| -> Vec<usize> {
        let mut taken = Vec::new();
        let mut position = at;
        while let Some((_, _, word)) = words.get(position) {
            let last = taken.last().copied();
            let adjacent = last.is_none_or(|last| {
                let (a, b) = if forward {
                    (last, position)
                } else {
                    (position, last)
                };
                (a..b).all(|i| joined(i, i + 1))
            });
            if !adjacent {
                break;
            }
            if value(word).is_some() {
                taken.push(position);
            } else if !(last.is_some() && lex.has(|l| l.conjunctions, word)) {
                break;
            }
            let next = if forward {
                position.checked_add(1)
            } else {
                position.checked_sub(1)
            };
            match next {
                Some(next) => position = next,
                None => break,
            }
        }
        if !forward {
            taken.reverse();
        }
        taken
    };
    let number = |taken: &[usize]| -> Option<u16> {
        let values: Vec<u16> = taken
            .iter()
            .filter_map(|&at| words.get(at).and_then(|(_, _, word)| value(word)))
            .collect();
        spelled_value(&values)
    };
    // The link after a month, one word or two (`de`, `del año`).
    let links_after = |at: usize| -> usize {
        let pair = match (words.get(at), words.get(at + 1)) {
            (Some(a), Some(b)) if joined(at, at + 1) => format!("{} {}", a.2, b.2),
            _ => String::new(),
        };
        if lex
            .each(|l| l.date_links)
            .any(|l| crate::lexicon::unaccented(l) == pair)
        {
            2
        } else {
            usize::from(link(at))
        }
    };
    let mut rewrites: Vec<(usize, usize, u16)> = Vec::new();
    for (at, (_, month_end, word)) in words.iter().enumerate() {
        if lex.month(word).is_none() {
            continue;
        }
        let after = at + 1 + links_after(at + 1);
        let year = run(after, true);
        // A year ending the text on a thousand or a hundred may go on
        // on the next line (`de dos mil` / `doce`): not read.
        let cut = |last: usize| {
            text[words[last].1..].trim().is_empty()
                && words
                    .get(last)
                    .and_then(|(_, _, word)| value(word))
                    .is_some_and(|v| v == 100 || v == 1000)
        };
        let spelled_year = match (year.first(), year.last()) {
            (Some(&first), Some(&last)) if !cut(last) => number(&year)
                .filter(|y| (1900..=2099).contains(y))
                .map(|value| (words[first].0, words[last].1, value)),
            _ => None,
        };
        // A day in words is read only in a date that has its year, in
        // words or in digits: `two may` is no date.
        let printed_year = {
            let rest = text[*month_end..].trim_start_matches([' ', ',']);
            let skipped = words
                .get(at + 1..after)
                .and_then(|links| links.last())
                .map_or(rest, |(_, end, _)| text[*end..].trim_start());
            let digits: String = skipped.chars().take(5).filter(|c| *c != '.').collect();
            digits.len() >= 4
                && (digits.starts_with("19") || digits.starts_with("20"))
                && digits
                    .get(..4)
                    .is_some_and(|year| year.chars().all(|c| c.is_ascii_digit()))
        };
        if let Some(rewrite) = spelled_year {
            rewrites.push(rewrite);
        }
        if at == 0 || !(printed_year || spelled_year.is_some()) {
            continue;
        }
        let before = if at >= 2 && link(at - 1) {
            at - 2
        } else {
            at - 1
        };
        let day = run(before, false);
        if let (Some(&first), Some(&last)) = (day.first(), day.last()) {
            if let Some(value) = number(&day).filter(|d| (1..=31).contains(d)) {
                rewrites.push((words[first].0, words[last].1, value));
            }
        }
    }
    if rewrites.is_empty() {
        return Cow::Borrowed(text);
    }
    rewrites.sort_unstable();
    rewrites.dedup();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (from, to, value) in rewrites {
        if from < copied {
            continue;
        }
        out.push_str(&text[copied..from]);
        out.push_str(&value.to_string());
        copied = to;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Byte spans of the words of `text`: runs of letters.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (from, _) = chars.by_ref().find(|(_, c)| c.is_alphabetic())?;
        let mut to = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphabetic() {
                to = at;
                break;
            }
            chars.next();
        }
        Some((from, to))
    })
}

/// The value of number words read in order (`dos mil dieciséis` = 2, 1000,
/// 16 → 2016; `mil novecientos noventa y ocho` → 1998; `quatre vingt dix`
/// → 90): a thousand multiplies what comes before it, a hundred or a score
/// multiplies a unit just before it (`deux cents`, `quatre-vingts`), any
/// other word adds.
fn spelled_value(values: &[u16]) -> Option<u16> {
    let (mut total, mut current, mut tail) = (0u32, 0u32, 0u32);
    for &value in values {
        let value = u32::from(value);
        if value == 1000 {
            total += current.max(1) * 1000;
            current = 0;
            tail = 0;
        } else if (value == 100 || value == 20) && (1..10).contains(&tail) {
            current = current - tail + tail * value;
            tail *= value;
        } else {
            current += value;
            tail = value;
        }
    }
    u16::try_from(total + current)
        .ok()
        .filter(|_| !values.is_empty())
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
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;

    /// The date pattern of every language as the regex crate runs it,
    /// unanchored from the start of the text: what [`find_dates`] must find.
    static REFERENCE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&pattern_text(&Lexicons::all())).expect("the date pattern compiles")
    });

    /// The reference pattern's match in its text.
    struct ReferenceGroups<'h> {
        text: &'h str,
        caps: regex::Captures<'h>,
    }

    impl<'h> Groups<'h> for ReferenceGroups<'h> {
        fn whole(&self) -> Option<Group<'h>> {
            self.caps.get(0).map(|m| Group {
                text: self.text,
                start: m.start(),
                end: m.end(),
            })
        }

        fn name(&self, name: &str) -> Option<Group<'h>> {
            self.caps.name(name).map(|m| Group {
                text: self.text,
                start: m.start(),
                end: m.end(),
            })
        }
    }

    /// Every date of `text` by an unanchored search of the whole text.
    fn unfiltered(text: &str) -> Vec<FoundDate> {
        let lex = Lexicons::all();
        REFERENCE
            .captures_iter(text)
            .filter_map(|caps| read(&ReferenceGroups { text, caps }, &lex))
            .collect()
    }

    #[test]
    fn dates_among_accented_words_are_those_of_an_unanchored_search() {
        let lex = Lexicons::all();
        for text in [
            "du 18 au 21 novembre 2019 à Sète",
            "Réunion du 3 décembre 2019 – ordre du jour",
            "el 1.º de julio de 2.016, sesión ordinaria",
            "Fête: 14 juillet 2020, 15 août 2020",
            "é3 mars 2020 et 4é avril 2021",
            "Année 2019 : 12 févr. – 3 mars",
            "März 2020 – 5. Mai 2021 in Köln",
            "nouvelle èreVendredi 18 octobre 2019",
        ] {
            assert_eq!(find_dates(text, &lex), unfiltered(text), "{text}");
        }
    }

    #[test]
    fn a_reading_no_calendar_has_hides_no_date_after_it() {
        let lex = Lexicons::all();
        let starts = |text: &str| -> Vec<(Option<u16>, u8, Option<u8>)> {
            find_dates(text, &lex)
                .iter()
                .map(|d| (d.start.year, d.start.month, d.start.day))
                .collect()
        };
        // The split year's `32` is no day before `14th May`.
        assert_eq!(
            starts("meetings for 2031/32 – Wednesday 14th May, 11th June"),
            [(None, 5, Some(14)), (None, 6, Some(11))]
        );
        assert_eq!(
            starts("sesiones del ejercicio 2031/32 – miércoles 14 de mayo"),
            [(None, 5, Some(14))]
        );
        // Nor is `31`, a day, before a later one of the same month: a span
        // cannot end before it starts.
        assert_eq!(
            starts("meetings for 2030/31 – Wednesday 14th May"),
            [(None, 5, Some(14))]
        );
        assert_eq!(
            starts("séances de l'exercice 2031/32 – mercredi 14 mai"),
            [(None, 5, Some(14))]
        );
    }

    #[test]
    fn the_weekday_opening_a_date_is_kept() {
        let lex = Lexicons::all();
        let weekdays = |text: &str| -> Vec<Option<u8>> {
            find_dates(text, &lex).iter().map(|d| d.weekday).collect()
        };
        assert_eq!(weekdays("el jueves 14 de marzo de 2019"), [Some(4)]);
        assert_eq!(weekdays("on Tuesday, May 3"), [Some(2)]);
        assert_eq!(weekdays("le mardi 3 mai et le 5 juin"), [Some(2), None]);
        // Days apart in a list: the first day's weekday is the list's.
        assert_eq!(weekdays("lundi 3, mercredi 12 et jeudi 20 mai"), [Some(1)]);
        // Days apart after a dash: the last two are read, not the first's weekday.
        assert_eq!(weekdays("lundi 3, mercredi 12 - jeudi 20 mai"), [None]);
    }

    #[test]
    fn a_range_across_new_year_starts_in_the_year_before_its_printed_one() {
        let lex = Lexicons::all();
        let span = |text: &str| -> Vec<(Option<u16>, u8, Option<u16>, u8)> {
            find_dates(text, &lex)
                .iter()
                .map(|d| {
                    let end = d.end.or(d.more_days().next());
                    (
                        d.start.year,
                        d.start.month,
                        end.and_then(|e| e.year),
                        end.map_or(0, |e| e.month),
                    )
                })
                .collect()
        };
        for text in [
            "du 28 décembre au 3 janvier 2031",
            "del 28 de diciembre al 3 de enero de 2031",
            "from 28 December to 3 January 2031",
            "December 28 – January 3, 2031",
            "on 3 December and 7 January 2031",
        ] {
            assert_eq!(span(text), [(Some(2030), 12, Some(2031), 1)], "{text}");
        }
        // Months running forward share the printed year; a printed first
        // year is kept as printed.
        assert_eq!(
            span("du 3 mars au 5 avril 2031"),
            [(Some(2031), 3, Some(2031), 4)]
        );
        assert_eq!(
            span("from 28 December 2029 to 3 January 2031"),
            [(Some(2029), 12, Some(2031), 1)]
        );
    }

    #[test]
    fn weekdays_of_days_in_the_gregorian_calendar() {
        let day = |year, month, day| EventDate {
            year: Some(year),
            month,
            day: Some(day),
        };
        assert_eq!(weekday_of(day(2019, 3, 14)), Some(4));
        assert_eq!(weekday_of(day(2000, 2, 29)), Some(2));
        assert_eq!(weekday_of(day(2031, 1, 27)), Some(1));
        assert_eq!(weekday_of(day(2024, 12, 31)), Some(2));
        assert_eq!(weekday_of(day(1900, 3, 1)), Some(4));
        // Days a month does not have, and days without a year.
        assert_eq!(weekday_of(day(2031, 4, 31)), None);
        assert_eq!(weekday_of(day(2100, 2, 29)), None);
        assert_eq!(
            weekday_of(EventDate {
                year: None,
                month: 3,
                day: Some(14)
            }),
            None
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The cheap test before the pattern never hides a date.
        #[test]
        fn texts_skipped_hold_no_date(
            text in "([0-9]{1,4}|[a-zA-Zé_²º]{1,6}|marzo|march|mars|février|de|au|[ .,/–-]){0,12}",
        ) {
            let lex = Lexicons::all();
            prop_assert_eq!(find_dates(&text, &lex), unfiltered(&text));
        }

        /// Tried anchored at the probe's starts, the pattern finds what an
        /// unanchored search of the whole text finds, accented words and
        /// typographic marks around the dates included.
        #[test]
        fn anchored_tries_find_the_dates_of_an_unanchored_search(
            text in "([0-9]{1,4}|décembre|févr|août|mars|März|juillet|1er|1\\.º|º|é[a-z]{0,3}|[a-z]{1,4}é|ère|el|del|de|al|au|du|to|[ .,/–—-]){0,14}",
        ) {
            let lex = Lexicons::all();
            prop_assert_eq!(find_dates(&text, &lex), unfiltered(&text));
        }

        /// The cheap test before the glue pattern never hides a glue.
        #[test]
        fn texts_without_glue_match_no_glue(
            text in "([0-9]{1,4}|[a-zA-Zéè_²º]{1,6}|Octobre|October|Septembre|Vendredi|AGM|th|nd|er|[ .,/–-]){0,12}",
        ) {
            let lex = Lexicons::all();
            if !has_glue(&text) {
                prop_assert!(glue_pattern(&lex).captures_iter(&text).next().is_none());
            }
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

    /// [`has_glue`] reads a month or weekday run into the word before it
    /// as a run of letters.
    #[test]
    fn month_and_weekday_names_are_letters_only() {
        let lex = Lexicons::all();
        let names = lex
            .each(|l| l.months)
            .chain(lex.each(|l| l.weekdays))
            .map(|(name, _)| *name);
        for name in names {
            assert!(name.chars().all(char::is_alphabetic), "{name}");
        }
    }

    #[test]
    fn only_lines_with_the_characters_of_a_glue_are_read_for_one() {
        // A line in capitals has letters run into capitals, but no number
        // after them; a number alone is run into nothing.
        assert!(!has_glue("INFORME ANUAL DE LA ONU"));
        assert!(!has_glue("30 members of the AGM"));
        assert!(!has_glue("the AGM and the UN, 30 members"));
        assert!(!has_glue("L1M2D3 Publicación 2019"));
        assert!(!has_glue("Le 3 mars 2031 à 9h00"));
        assert!(has_glue("the AGMSeptember 30th"));
        assert!(has_glue("October 2nd2016"));
        assert!(has_glue("2013Atholville"));
    }

    #[test]
    fn dates_run_into_the_words_around_them_are_set_apart() {
        let lex = Lexicons::all();
        let unglue = |text: &str| unglued(text, &lex).into_owned();
        assert_eq!(
            unglue("du 7 au 9 mai 2031Rivière-Haute - salle des fêtes"),
            "du 7 au 9 mai 2031 Rivière-Haute - salle des fêtes"
        );
        assert_eq!(
            unglue("Congress of the valleyOctober 3rd– October 5th2031"),
            "Congress of the valley October 3rd– October 5th 2031"
        );
        assert_eq!(
            unglue("un nouveau départJeudi 4 mars 2031 9h00 accueil"),
            "un nouveau départ Jeudi 4 mars 2031 9h00 accueil"
        );
        assert_eq!(
            first(&unglue("Réunion du bureau : 4 mars 2031Chers membres")),
            Some(((Some(2031), 3, Some(4)), None))
        );
        // No date run on: left as printed, words ending like a month too.
        for text in [
            "the 1990s and the 2000s",
            "Rapport 2031 annuel",
            "a Summary of the DecemberMeeting",
            "code AB2031X and ISO 9001",
            "Date Name Drawn 29.03.2031 Lucas Berg",
            "am 3. 2031 und 4.2031",
        ] {
            assert_eq!(unglue(text), text);
        }
    }

    #[test]
    fn days_listed_one_after_another_are_one_span() {
        assert_eq!(
            first("se reunirán los días 4, 5 y 6 de octubre de 2031 en la sede"),
            Some(((Some(2031), 10, Some(4)), Some((Some(2031), 10, Some(6)))))
        );
        assert_eq!(
            first("les journées du lundi 3, mardi 4 et mercredi 5 mars 2031"),
            Some(((Some(2031), 3, Some(3)), Some((Some(2031), 3, Some(5)))))
        );
        assert_eq!(
            first("on the 7th, 8th, 9th and 10th May 2031"),
            Some(((Some(2031), 5, Some(7)), Some((Some(2031), 5, Some(10)))))
        );
        // Days apart after a dash are no span of the list: the last two, as before.
        assert_eq!(
            first("sesiones los días 3, 10 - 17 de mayo de 2031"),
            Some(((Some(2031), 5, Some(10)), Some((Some(2031), 5, Some(17)))))
        );
        let lex = Lexicons::all();
        let text = "sesiones los días 3, 10 - 17 de mayo de 2031";
        let found = find_dates(text, &lex);
        assert_eq!(
            found.first().and_then(|d| text.get(d.from..d.to)),
            Some("10 - 17 de mayo de 2031")
        );
    }

    /// A day as (year, month, day).
    type Day = (Option<u16>, u8, Option<u8>);

    /// The days of the first date of `text`, and its end as (month, day).
    fn days(text: &str) -> (Vec<Day>, Option<(u8, Option<u8>)>) {
        let lex = Lexicons::all();
        let found = find_dates(text, &lex);
        let Some(date) = found.first() else {
            return (Vec::new(), None);
        };
        let each = std::iter::once(date.start)
            .chain(date.more_days())
            .map(|d| (d.year, d.month, d.day))
            .collect();
        (each, date.end.map(|e| (e.month, e.day)))
    }

    #[test]
    fn days_apart_joined_by_a_conjunction_are_each_a_day() {
        // en, es, fr: two days apart, three days apart, days of two months.
        assert_eq!(
            days("The board meets on 3 and 17 June 2031."),
            (
                vec![(Some(2031), 6, Some(3)), (Some(2031), 6, Some(17))],
                None
            )
        );
        assert_eq!(
            days("Sesiones ordinarias los días 4 y 11 de abril de 2031"),
            (
                vec![(Some(2031), 4, Some(4)), (Some(2031), 4, Some(11))],
                None
            )
        );
        assert_eq!(
            days("Le bureau se réunira les 5, 12 et 19 mars 2031."),
            (
                vec![
                    (Some(2031), 3, Some(5)),
                    (Some(2031), 3, Some(12)),
                    (Some(2031), 3, Some(19))
                ],
                None
            )
        );
        assert_eq!(
            days("sesiones los días 3, 10 y 17 de mayo de 2031"),
            (
                vec![
                    (Some(2031), 5, Some(3)),
                    (Some(2031), 5, Some(10)),
                    (Some(2031), 5, Some(17))
                ],
                None
            )
        );
        assert_eq!(
            days("workshops on 30 May and 6 June 2031"),
            (
                vec![(Some(2031), 5, Some(30)), (Some(2031), 6, Some(6))],
                None
            )
        );
        // A range stays a range: opened by its own word, joined by a dash,
        // a conjunction after a pair opener, or two days that follow one another.
        for (text, end) in [
            ("from 3 to 17 June 2031", (6, Some(17))),
            ("3-17 June 2031", (6, Some(17))),
            ("between 3 and 17 June 2031", (6, Some(17))),
            ("entre el 3 y 17 de junio de 2031", (6, Some(17))),
            ("du 3 au 17 juin 2031", (6, Some(17))),
            ("entre le 3 et 17 juin 2031", (6, Some(17))),
            ("los días 4 y 5 de abril de 2031", (4, Some(5))),
            ("les 12 et 13 mai 2031", (5, Some(13))),
        ] {
            let (each, found_end) = days(text);
            assert_eq!(each.len(), 1, "{text}");
            assert_eq!(found_end, Some(end), "{text}");
        }
    }

    #[test]
    fn a_pair_opener_with_its_day_noun_opens_a_range_of_days_apart() {
        // `entre los días 29 y 31 de marzo` is one span, as `between the
        // 29th and 31st March` is: the day noun after the opener keeps it.
        for (text, start, end) in [
            (
                "Las jornadas se celebrarán entre los días 29 y 31 de marzo de 2031.",
                (Some(2031), 3, Some(29)),
                (3, Some(31)),
            ),
            (
                "entre el día 3 y 17 de junio",
                (None, 6, Some(3)),
                (6, Some(17)),
            ),
            (
                "Les ateliers auront lieu entre les 29 et 31 mars 2031.",
                (Some(2031), 3, Some(29)),
                (3, Some(31)),
            ),
            (
                "entre les jours 3 et 17 juin 2031",
                (Some(2031), 6, Some(3)),
                (6, Some(17)),
            ),
            (
                "The fair runs between the 29th and 31st March 2031.",
                (Some(2031), 3, Some(29)),
                (3, Some(31)),
            ),
        ] {
            assert_eq!(days(text), (vec![start], Some(end)), "{text}");
        }
        // Without the opener, days apart stay each its own day.
        assert_eq!(
            days("sesiones los días 29 y 31 de marzo de 2031").0.len(),
            2
        );
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
                "En la comuna a 06 días de Enero del 2016, siendo las 10:30 hrs.",
                Some(((Some(2016), 1, Some(6)), None)),
            ),
            (
                "En la comuna a 2 días del mes de marzo del 2021",
                Some(((Some(2021), 3, Some(2)), None)),
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
                "acuerdo plenario de fecha 27.07.17",
                Some(((Some(2017), 7, Some(27)), None)),
            ),
            (
                "Next meeting: 14/03/30",
                Some(((Some(2030), 3, Some(14)), None)),
            ),
            (
                "Minutes of 03.11.98",
                Some(((Some(1998), 11, Some(3)), None)),
            ),
            // A section number with one-digit parts is no date.
            ("see article 3.3.14", None),
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
            (
                "Forum: 2019-09-17 to 2019-09-19",
                Some(((Some(2019), 9, Some(17)), Some((Some(2019), 9, Some(19))))),
            ),
            (
                "del 2019-12-30 al 2020-01-02",
                Some(((Some(2019), 12, Some(30)), Some((Some(2020), 1, Some(2))))),
            ),
            (
                "General assembly: 21/22 May",
                Some(((None, 5, Some(21)), Some((None, 5, Some(22))))),
            ),
            (
                "les 30/31 janvier 2020",
                Some(((Some(2020), 1, Some(30)), Some((Some(2020), 1, Some(31))))),
            ),
            ("Seminario: 1.º de julio", Some(((None, 7, Some(1)), None))),
            ("el 2.º semestre", None),
            ("Ratio 3/4 of the budget", None),
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
            // Month first, the year after its link word (Latin American usage).
            (
                "Noviembre 23 de 2015",
                Some(((Some(2015), 11, Some(23)), None)),
            ),
            (
                "la sesión de abril 7 del 2021",
                Some(((Some(2021), 4, Some(7)), None)),
            ),
            (
                "September 9 of 2019",
                Some(((Some(2019), 9, Some(9)), None)),
            ),
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
    #[test]
    fn days_and_years_in_words_beside_a_month_are_read_as_digits() {
        let lex = Lexicons::all();
        let spelled = |text: &str| spell_out_dates(text, &lex).into_owned();
        assert_eq!(
            spelled(
                "a las diez horas del día treinta y uno de enero de dos mil diecinueve, se reúne"
            ),
            "a las diez horas del día 31 de enero de 2019, se reúne"
        );
        assert_eq!(
            spelled("EL DIA NUEVE DE MAYO DE MIL NOVECIENTOS NOVENTA Y OCHO"),
            "EL DIA 9 DE MAYO DE 1998"
        );
        assert_eq!(
            spelled("le vingt-deux juin deux mille vingt et un"),
            "le 22 juin 2021"
        );
        assert_eq!(
            spelled("jeudi quatre-vingt-dix mars"),
            "jeudi quatre-vingt-dix mars"
        );
        // A year cut at the end of a line may go on on the next one.
        assert_eq!(
            spelled("DIECISIETE DE OCTUBRE DE DOS MIL"),
            "DIECISIETE DE OCTUBRE DE DOS MIL"
        );
        // Numbers away from a month are left alone.
        assert_eq!(
            spelled("tres concejales y dos vecinos"),
            "tres concejales y dos vecinos"
        );
        assert_eq!(
            first("el martes catorce de octubre del año dos mil veinticinco"),
            None,
            "the spelled date is read only once rewritten"
        );
        assert_eq!(
            first(&spelled(
                "el martes catorce de octubre del año dos mil veinticinco"
            )),
            Some(((Some(2025), 10, Some(14)), None))
        );
    }

    #[test]
    fn an_ordinal_ending_set_apart_still_makes_a_day() {
        assert_eq!(
            first("1 st March Full Meeting"),
            Some(((None, 3, Some(1)), None))
        );
    }

    #[test]
    fn a_year_with_a_thousands_dot_is_a_year() {
        assert_eq!(
            first("celebrada el 3 de junio de 2.017 en la sala"),
            Some(((Some(2017), 6, Some(3)), None))
        );
        assert_eq!(
            first("del día 4 de marzo del año 2021"),
            Some(((Some(2021), 3, Some(4)), None))
        );
        // Only beside a date: a count or a year alone is no date.
        assert_eq!(first("asistieron 2.016 personas al congreso"), None);
        assert_eq!(first("el ejercicio 2.016"), None);
    }

    #[test]
    fn a_numeric_day_says_when_its_order_is_open() {
        let lex = Lexicons::all();
        let swappable = |text: &str| find_dates(text, &lex).first().map(|d| d.swappable);
        assert_eq!(swappable("03/04/2019"), Some(true));
        assert_eq!(swappable("27.07.17"), Some(false));
        assert_eq!(swappable("03.04.19"), Some(true));
        assert_eq!(swappable("25/03/2019"), Some(false));
        assert_eq!(swappable("3/25/2019"), Some(false));
        assert_eq!(swappable("04/04/2019"), Some(false));
        assert_eq!(swappable("del 11 al 12.04.2018"), Some(false));
        assert_eq!(swappable("14 de marzo de 2019"), Some(false));
        let swapped = find_dates("03/04/2019", &lex)
            .first()
            .and_then(|d| d.swapped())
            .map(|d| (d.start.year, d.start.month, d.start.day));
        assert_eq!(swapped, Some((Some(2019), 3, Some(4))));
    }

    #[test]
    fn a_document_decides_the_order_of_its_numeric_days() {
        let english = Lexicons::for_codes(["en"]);
        let order = |lines: &[&str], lex: &Lexicons| numeric_order(lines.iter().copied(), lex);
        assert_eq!(
            order(&["Meeting: 05/04/2031"], &english),
            NumericOrder::Undecided
        );
        assert_eq!(
            order(&["Meeting: 05/04/2031", "Draft of 17/03/2031"], &english),
            NumericOrder::DayFirst
        );
        assert_eq!(
            order(&["Meeting: 05/04/2031", "Draft of 3/17/2031"], &english),
            NumericOrder::MonthFirst
        );
        // Numeric evidence first, then dates in words, then spellings.
        assert_eq!(
            order(
                &["5/4/2031", "Posted April 5, 2031 by the organisation"],
                &english
            ),
            NumericOrder::MonthFirst
        );
        assert_eq!(
            order(&["5/4/2031", "Councillors present"], &english),
            NumericOrder::DayFirst
        );
        // Evenly split evidence decides nothing.
        assert_eq!(
            order(&["5/4/2031", "organisation and organization"], &english),
            NumericOrder::Undecided
        );
        // Spanish and French write the day first.
        assert_eq!(
            order(&["05/04/2031"], &Lexicons::for_codes(["es", "en"])),
            NumericOrder::DayFirst
        );
        assert_eq!(
            order(&["05/04/2031"], &Lexicons::for_codes(["fr"])),
            NumericOrder::DayFirst
        );
    }
}
