//! Calendars: month → events tables and dated lines.
//!
//! Two shapes are read. A calendar row is a table row (Markdown pipes or
//! tabs) whose first cell is a month name (its last, in a table whose
//! columns run right to left); its other cells, and the bullet
//! lines that continue an unclosed row, hold events separated by `•` or
//! `<br>` (seeds 001 and 003). A dated line starts with a date, or holds a
//! date as a cell of its own: `26 de febrero: …`, `February 26th: …`,
//! `du 12 au 15 mai : …`, `Mars (à confirmer) : …`, `Bélgica | 12—15 junio de 2023`.
//! A date inside running prose is an event when a cue introduces it, a word
//! anchors it to the time of writing, or a preposition places something on
//! a full date ([`prose_dates`]); otherwise (`El 7 de octubre, más de…`), and
//! for months at the end of list items (`Webinar, marzo`), it is a mention.
//!
//! Month names and date words come from the document's lexicons; the
//! shapes of dates in prose are read by [`dates`]. The year is the one
//! printed with the date, else the year of the heading above, else the
//! document's single-year period; a day told as past takes it from the
//! text's own day only, and a month named alone (`in May`) only from a
//! sure year (`months_alone`). A numeric day whose order is open
//! (`03/04/2019`) is read as the document's evidence says
//! ([`dates::numeric_order`]), or left out with a note. The day of the
//! meeting a page's head names is kept to date a document that states no
//! period ([`meeting_period`]).

mod geometry;
mod grid;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::dates;
use super::sections::Heading;
use super::shape::{bullet, is_blank, word_count};
use crate::diagnostic::Diagnostic;
use crate::lexicon::{fold, unaccented, Language, Lexicons, Probed, FUNCTION_WORDS};
use crate::markup::plain;
use crate::model::{CalendarEvent, EventDate, Evidence, Period};
use crate::normalize::Text;

/// A date opening a line or filling a cell, in the shapes calendars print
/// (`26 de febrero`, `du 12 au 15 mai`, `12—15 junio de 2023`, `February
/// 26th`, `March 3-5`, `Septembre (à confirmer)`), with the words of `lex`.
fn line_date_pattern(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("calendar_line_date", |lex| {
        let months = lex.alternation(lex.each(|l| l.months).map(|(m, _)| *m));
        let ordinals = lex.alternation(lex.each(|l| l.ordinal_suffixes).copied());
        let links = lex.alternation(lex.each(|l| l.date_links).copied());
        let openers = lex.alternation(lex.each(|l| l.range_openers).copied());
        let joiners = lex.alternation(lex.each(|l| l.range_joiners).copied());
        format!(
            r"(?xi) ^ \s*
            (?:
                # 26 de febrero / du 12 au 15 mai / 12—15 junio de 2023 / 28 février - 2 mars
                (?: (?:{openers}) \s+ )?
                (?P<d1>[0-9]{{1,2}}) (?:{ordinals})?
                (?: \s+ (?:(?:{links}) \s+)? (?P<m1>{months}) \b \.? )?
                (?: \s* (?: [-–—] | \b(?:{joiners})\b ) \s*
                    (?P<d2>[0-9]{{1,2}}) (?:{ordinals})? )?
                \s+ (?:(?:{links}) \s+)? (?P<m2>{months}) \b \.?
              |
                # February 26th / March 3-5 / June
                (?P<m3>{months}) \b \.?
                (?: \s+ (?P<d3>[0-9]{{1,2}}) (?:{ordinals})?
                    (?: \s* [-–—] \s* (?P<d4>[0-9]{{1,2}}) (?:{ordinals})? )? )?
                (?: \s* [-–—] \s* (?P<m4>{months}) \b \.? )?
            )
            (?: ,? \s+ (?:(?:{links}) \s+)? (?P<year>(?:19|20)[0-9]{{2}}) )?
            (?: \s* \( (?P<note>[^)]*) \) )?
            "
        )
    })
}

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[:–—-]|\|)\s*(?P<rest>\S.*)$")
        .expect("SEPARATOR is a valid literal pattern")
});
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?P<note>[^)]*)\)").expect("NOTE is a valid literal pattern")
});
static BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>|•").expect("BREAK is a valid literal pattern"));

/// The events of a document's calendars, and the doubts met reading them.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Events, in the order of the text.
    pub events: Vec<CalendarEvent>,
    /// Events left out because their month is ambiguous, days told as
    /// past whose year is unknown.
    pub diagnostics: Vec<Diagnostic>,
    /// The day of the meeting the page's head names (`Pleno Ordinario` /
    /// `Comienza` / `01/04/2019`, `Meeting: 05/04/2023 - Council`, `ACTA
    /// … CELEBRADA EL DÍA` / `28 DE ABRIL DE 2.016`): the first event
    /// with its day and year found above the page's running text, under
    /// or on a line naming a meeting or its record.
    pub meeting_day: Option<CalendarEvent>,
}

/// The period the day of a meeting gives a document that states none:
/// the record or agenda of that meeting is of its year.
pub fn meeting_period(day: &CalendarEvent) -> Option<Period> {
    let year = day.start.year?;
    Some(Period {
        start: year,
        end: year,
        label: year.to_string(),
        confidence: SCHEDULE_CONFIDENCE,
        evidence: vec![Evidence {
            text: day.text.chars().take(EVIDENCE_CHARS).collect(),
            page: day.page,
            line: day.line,
        }],
    })
}

/// Fewest dated events of a schedule that dates its document.
const SCHEDULE_EVENTS: usize = 4;
/// Fewest months, each of its own, over which those events spread.
const SCHEDULE_MONTHS: usize = 3;
/// Most calendar years a schedule that dates its document spans.
const SCHEDULE_YEARS: u16 = 2;

/// The year (or two years) a document's own schedule covers, for a
/// document that states no period: a calendar of sessions or meetings (`24
/// January 2031`, `21 February 2031`, … one a month) is the calendar of
/// that year. Only a run of at least [`SCHEDULE_EVENTS`] dated events over
/// [`SCHEDULE_MONTHS`] months or more, each on a line of its own, all
/// within [`SCHEDULE_YEARS`] calendar years, dates a document: a few dates
/// in passing (a news item's paragraph, the week of a congress) do not.
pub fn schedule_period(events: &[CalendarEvent]) -> Option<Period> {
    let dated: Vec<(u16, u8, &CalendarEvent)> = events
        .iter()
        .filter_map(|event| Some((event.start.year?, event.start.month, event)))
        .collect();
    let months: HashSet<(u16, u8)> = dated.iter().map(|&(y, m, _)| (y, m)).collect();
    // A schedule sets its dates one a line (a list, a table's rows); a
    // paragraph naming several is a news item's.
    let lines: HashSet<(u32, u32)> = dated.iter().map(|&(_, _, e)| (e.page, e.line)).collect();
    let start = dated.iter().map(|&(year, _, _)| year).min()?;
    let end = dated.iter().map(|&(year, _, _)| year).max()?;
    if lines.len() < SCHEDULE_EVENTS
        || months.len() < SCHEDULE_MONTHS
        || end - start >= SCHEDULE_YEARS
    {
        return None;
    }
    let label = if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    };
    let evidence = [dated.first(), dated.last()]
        .into_iter()
        .flatten()
        .map(|&(_, _, event)| Evidence {
            text: event.text.chars().take(EVIDENCE_CHARS).collect(),
            page: event.page,
            line: event.line,
        })
        .collect();
    Some(Period {
        start,
        end,
        label,
        confidence: SCHEDULE_CONFIDENCE,
        evidence,
    })
}

/// Most characters of an event's text kept as evidence of a period.
const EVIDENCE_CHARS: usize = 80;
/// Confidence in a period read from a schedule rather than stated.
const SCHEDULE_CONFIDENCE: f64 = 0.5;

/// Finds calendar rows, dated lines and sentences dating an event. `year`
/// is the document's year; a heading (or a line ending in `:`) that states
/// one year gives it to the lines under it, up to the next heading.
///
/// A PDF table of month labels beside bulleted events is read from its
/// geometry ([`geometry`]), whichever way its months sit in their rows.
pub fn extract_calendar(
    text: &Text,
    time: DocumentTime,
    headings: &[Heading],
    lex: &Lexicons,
) -> Calendar {
    let mut events: Vec<CalendarEvent> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    // The last month of the calendar table read last, and the line after it.
    let mut last_table: Option<(usize, Carried)> = None;
    // The dates of the events found so far (all of them from `counted` on),
    // so that a prose date found again is known at once.
    let mut dated: HashSet<(EventDate, Option<EventDate>)> = HashSet::new();
    let mut counted = 0;
    let mut heading_at: HashMap<usize, &Heading> = HashMap::new();
    for heading in headings {
        heading_at.entry(heading.index).or_insert(heading);
    }
    let mut index = 0;
    let mut heading_year: Option<u16> = None;
    let mut running_year: Option<u16> = None;
    let headline = headline_year(text, lex);
    let printed_window = printed_window(text);
    let yearless_text = !text.lines.iter().any(|line| {
        line.plain
            .split(|c: char| !c.is_ascii_digit())
            .any(|word| word.len() == 4 && (word.starts_with("19") || word.starts_with("20")))
    });
    let opening = text.lines.iter().position(|line| !is_blank(line.text));
    // The day the page was posted (a byline's or dateline's date): its year
    // dates the days printed without one where no heading, period or
    // headline does, and the page's other items repeat it.
    let mut posted: Option<EventDate> = None;
    // The last full day the text prints, read once a day without its year
    // asks for the day of writing.
    let mut last_full_day: Option<Option<EventDate>> = None;
    let mut in_body = false;
    let mut head_names = HeadNames::new(text, lex);
    let mut meeting_day: Option<CalendarEvent> = None;
    // Whether a line of the head so far approves a record: the days under
    // it are an earlier meeting's (`To approve the minutes of:` / `(a) The
    // meeting held on 25 July 2019`).
    let mut head_approves = false;
    // Read once, at the first numeric day whose order is open.
    let mut numeric_order: Option<dates::NumericOrder> = None;
    while index < text.lines.len() {
        let Some(line) = text.lines.get(index) else {
            break;
        };
        if let Some(heading) = heading_at.get(&index) {
            heading_year = dates::heading_year(&heading.title);
        } else if line.plain.trim_end().ends_with(':') || heads_a_date_list(text, index, lex) {
            heading_year = dates::heading_year(line.plain).or(heading_year);
        }
        let year = heading_year
            .or(time.year)
            .or(headline)
            .or(posted.and_then(|day| day.year));
        let carried = last_table
            .as_ref()
            .filter(|(end, _)| {
                text.lines
                    .get(*end..index)
                    .is_some_and(|between| between.iter().all(|l| is_blank(l.text)))
            })
            .map(|(_, carried)| carried.clone());
        if let Some((end, month)) = geometric_table(
            text,
            index,
            year,
            carried,
            lex,
            &mut events,
            &mut diagnostics,
        ) {
            last_table = month.map(|month| (end, month));
            index = end;
            continue;
        }
        if let Some(end) = year_grid(text, index, year, lex, &mut events) {
            index = end;
            continue;
        }
        if let Some(consumed) = calendar_row(text, index, year, lex, &mut events) {
            index += consumed;
            continue;
        }
        if let Some(consumed) = month_list(text, index, year, lex, &mut events) {
            index += consumed;
            continue;
        }
        if !crate::extract::shape::is_blank(line.text) {
            // The line's dates, read once for its prose events and the running year.
            // Minutes write their day in words (`el día veintiocho de abril
            // de dos mil dieciséis`): read as digits. A date a lost layout
            // ran into the words around it (`octobre 2013Atholville`) is set apart.
            let folded = fold(line.plain);
            let spelled = dates::spell_out_dates(&folded, lex);
            let flat = dates::unglued(&spelled, lex).into_owned();
            let mut found = dates::find_dates(&flat, lex);
            // Lowered once for the readers of the line below.
            let lower = flat.to_lowercase();
            // Numeric days whose order the document leaves open, and what
            // each becomes (nothing when the order is undecided).
            let mut reordered: Vec<(EventDate, Option<EventDate>)> = Vec::new();
            if found.iter().any(|date| date.swappable) {
                let order = *numeric_order.get_or_insert_with(|| {
                    dates::numeric_order(text.lines.iter().map(|l| l.plain), lex)
                });
                found = found
                    .into_iter()
                    .filter_map(|date| {
                        if !date.swappable || order == dates::NumericOrder::DayFirst {
                            return Some(date);
                        }
                        let swapped = date.swapped();
                        if order == dates::NumericOrder::MonthFirst {
                            reordered.push((date.start, swapped.map(|d| d.start)));
                            return swapped;
                        }
                        reordered.push((date.start, None));
                        diagnostics.push(order_ambiguous(&line, &flat, &date, swapped.as_ref()));
                        None
                    })
                    .collect();
            }
            let line_year = found
                .iter()
                .rev()
                .find_map(|date| date.end.and_then(|e| e.year).or(date.start.year));
            // Whether the line's first day prints its year (see `placed_from_text`).
            let opens_on_its_year = found.first().is_some_and(|date| date.start.year.is_some());
            // Whether the line's days without a year were placed from the
            // text's last full day: such a day opening the line is told
            // before the meeting's (`El pasado 17 de junio, … hasta el 28
            // de junio de 2021`), not the day the meeting is held.
            let mut placed_from_text = false;
            let head = if in_body {
                Head::Passed
            } else if head_names.record_above(index) {
                Head::NamesRecord
            } else if head_names.event_above(index, lex) {
                Head::NamesMeeting
            } else {
                Head::Plain
            };
            let before = events.len();
            if let Some(day) = posting_date(&flat, &found, head, posted, lex) {
                posted = posted.or(Some(day));
            } else if let Some((mut event, more)) = dated_line(text, index, year, headings, lex) {
                let reread = reordered.iter().find(|(printed, _)| {
                    (printed.month, printed.day) == (event.start.month, event.start.day)
                });
                match reread {
                    Some((_, Some(day))) => {
                        event.start = *day;
                        events.push(event);
                    }
                    Some((_, None)) => {}
                    None => {
                        events.push(event);
                        events.extend(more);
                    }
                }
            } else if Some(index) == opening && dates_the_page(&flat, &found) {
                // The text opens on a day alone: the page's date, not an event's.
            } else {
                // Without a heading's or the document's year, a date in prose
                // takes the year of the last date printed with one.
                let running = year.or(running_year);
                // A day printed without its year is placed from the day of
                // writing: the page's posting day, else the first full day
                // of the events read so far, else, for a day told before
                // any, the last full day the text prints (a story telling
                // of `du 26 au 28 novembre prochain` before its `lundi 19
                // novembre 2012`; a founding year is earlier).
                let yearless_day = found
                    .iter()
                    .any(|date| date.start.year.is_none() && date.start.day.is_some());
                let read_today = posted.or_else(|| {
                    events
                        .iter()
                        .map(|event| event.start)
                        .find(|day| day.day.is_some() && day.year.is_some())
                });
                let text_today = read_today
                    .is_none()
                    .then(|| {
                        yearless_day
                            .then(|| *last_full_day.get_or_insert_with(|| text_full_day(text, lex)))
                            .flatten()
                    })
                    .flatten();
                placed_from_text = text_today.is_some();
                let today = read_today.or(text_today);
                let time = DocumentTime { today, ..time };
                // A report's single year is the year it tells; another
                // document's (minutes, a plan) is no sure year for a month.
                let certain = heading_year.or(time.year.filter(|_| time.report_end.is_some()));
                let alone = months_alone(&line, (&flat, &lower), &found, certain, lex);
                // The years printed nearby are asked only of a day with its
                // weekday and no year: not gathered for the other lines.
                let printed_near = if found
                    .iter()
                    .any(|date| date.weekday.is_some() && date.start.year.is_none())
                {
                    SpanYears::near(text, index, time.span)
                } else {
                    SpanYears::default()
                };
                let prose = prose_dates(
                    &line,
                    (&flat, &lower),
                    found,
                    InheritedYear {
                        year: running,
                        known: year.is_some(),
                        printed_near,
                        yearless_text,
                        printed_window,
                    },
                    time,
                    lex,
                    &mut diagnostics,
                );
                // A month already dated to the day is that day told again
                // (`adopted on June 22, 2021` … `adopted in June`).
                let alone: Vec<CalendarEvent> = alone
                    .into_iter()
                    .filter(|month| {
                        !events.iter().chain(&prose).any(|known| {
                            (known.start.year, known.start.month)
                                == (month.start.year, month.start.month)
                        })
                    })
                    .collect();
                for event in prose.into_iter().chain(alone) {
                    for known in events.get(counted..).unwrap_or_default() {
                        dated.insert((known.start, known.end));
                    }
                    counted = events.len();
                    if !dated.contains(&(event.start, event.end)) {
                        events.push(event);
                    }
                }
            }
            head_approves = head_approves || approves_lowered(&lower, lex);
            // The record of an earlier meeting being approved (`To approve
            // the minutes of the meeting held on…`) is not this one's day.
            // A meeting's day dates its record (`ACTA … CELEBRADA EL DÍA`
            // / `28 DE ABRIL DE 2.016`), or the page of a meeting that sets
            // it under a label of its own (`Pleno Ordinario` / `Comienza` /
            // `01/04/2019`); a page announcing an event or telling of one
            // (news, a programme) is left undated, and so is a record
            // approved by the page. Asked last, of a line that may still
            // date the meeting: most lines are in the body, or come after
            // the meeting's day.
            let names_meeting = || {
                head == Head::NamesRecord
                    || {
                        let head_flat = flat_line(line.plain);
                        line_names_record(&head_flat, &head_names.phrases)
                            || labels_meeting_day(&head_flat, &head_names.nouns)
                    }
                    || (head == Head::NamesMeeting && under_date_label(text, index, lex))
            };
            if head != Head::Passed && !head_approves && meeting_day.is_none() && names_meeting() {
                // The line's first day, printed with its year: a day told
                // before it (`El pasado 17 de junio, … hasta el 28 de junio
                // de 2021`) leaves the meeting undated.
                meeting_day = events
                    .get(before)
                    .filter(|event| event.start.day.is_some() && event.start.year.is_some())
                    .filter(|_| opens_on_its_year || !placed_from_text)
                    .cloned();
            }
            running_year = line_year.or(running_year);
            in_body = in_body || is_prose(&flat);
        }
        index += 1;
    }
    // A day told without its year and again with it (a headline's `les 12
    // et 13 mai` over the article's `les 12 et 13 mai 2031`) is one event,
    // the dated one.
    let days = |event: &CalendarEvent| {
        (
            event.start.month,
            event.start.day,
            event.end.map(|end| (end.month, end.day)),
        )
    };
    let with_year: HashSet<_> = events
        .iter()
        .filter(|event| event.start.year.is_some())
        .map(days)
        .collect();
    events.retain(|event| event.start.year.is_some() || !with_year.contains(&days(event)));
    Calendar {
        events,
        diagnostics,
        meeting_day,
    }
}

/// Whether `flat` is one day and nothing else (`5 octobre 2020`, `jueves,
/// enero 8, 2026`): on the text's first line, the date of the page. A span
/// (`21 April 2022 – 22 April 2022`) is the event the page announces.
fn dates_the_page(flat: &str, found: &[dates::FoundDate]) -> bool {
    match found {
        [date] => {
            date.end.is_none()
                && date.start.day.is_some()
                && flat.get(..date.from).unwrap_or("").trim().is_empty()
                && flat
                    .get(date.to..)
                    .unwrap_or("")
                    .chars()
                    .all(|c| !c.is_alphanumeric())
        }
        _ => false,
    }
}

/// Most words of the place a press dateline opens on (`México, DF.
/// 08/07/2015`).
const DATELINE_PLACE_WORDS: usize = 4;

/// Whether a line is running text: a sentence longer than a dated title,
/// or a line longer than a headline. The lines above the first one are
/// the page's head (masthead, headline, byline).
fn is_prose(flat: &str) -> bool {
    let words = word_count(flat);
    words > HEADLINE_WORDS
        || (words > DATED_TITLE_WORDS && flat.trim_end().ends_with(['.', '!', '?']))
}

/// The day a line says the page was posted, when it says so: a byline with
/// a date (`By Ann Lee, Director | Nov 4, 2019 | BLOG POST`), or, in the
/// page's head, one full day with nothing else but a word, a time or the
/// place of a press dateline (`September 19, 2011`, `jeu, 13/12/2018 -
/// 10:27`, `Le 21/12/2017`, `México, DF. 08/07/2015`). Under a head naming
/// a meeting, a day alone is the meeting's; a press dateline still dates
/// the page. A feed prints the posting day again over each
/// item: the same day alone is then posted too, in the body as well. A day
/// without its year is a programme's day heading, never a posting date; a
/// word that cues an event (`Adopted September 22, 2020`) makes it that
/// event's.
fn posting_date(
    flat: &str,
    found: &[dates::FoundDate],
    head: Head,
    posted: Option<EventDate>,
    lex: &Lexicons,
) -> Option<EventDate> {
    let words: Vec<&str> = flat.split_whitespace().collect();
    let byline = words.first().is_some_and(|first| {
        lex.has(|l| l.byline_words, &first.to_lowercase())
            && words
                .get(1)
                .and_then(|name| name.chars().next())
                .is_some_and(char::is_uppercase)
    });
    if byline {
        return found
            .iter()
            .find(|date| date.start.day.is_some() && date.start.year.is_some())
            .map(|date| date.start);
    }
    let [date] = found else {
        return None;
    };
    if date.end.is_some() || date.start.day.is_none() || date.start.year.is_none() {
        return None;
    }
    let repeated = posted == Some(date.start);
    if head == Head::Passed && !repeated {
        return None;
    }
    let before = flat.get(..date.from).unwrap_or("");
    let after = flat.get(date.to..).unwrap_or("");
    let alphabetic = |text: &str| {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
            .count()
    };
    let cue = before.split(|c: char| !c.is_alphabetic()).any(|word| {
        !word.is_empty()
            && lex.each(|l| l.event_cues).any(|cue| {
                cue.split_whitespace()
                    .next()
                    .is_some_and(|first| first == word.to_lowercase())
            })
    });
    let alone = !cue && alphabetic(before) + alphabetic(after) <= DATE_LINE_WORDS;
    let place = alphabetic(after) == 0
        && before.trim_end().ends_with([',', '.'])
        && word_count(before) <= DATELINE_PLACE_WORDS;
    let meeting_day = matches!(head, Head::NamesMeeting | Head::NamesRecord) && !repeated;
    let record_day = head == Head::NamesRecord;
    ((alone && !meeting_day) || (place && !record_day)).then_some(date.start)
}

/// Where a line stands against the page's head (the lines above its first
/// running text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// In the head, under no line naming a meeting.
    Plain,
    /// In the head, under a line naming a meeting.
    NamesMeeting,
    /// In the head of a meeting's record (`ACTA DE LA REUNIÓN…`, `Minutes
    /// of…`): even a place before the day (`Santa Marta, 22 de noviembre de
    /// 2018`) dates the meeting, not a posting.
    NamesRecord,
    /// Past the head.
    Passed,
}

/// What the lines of the page's head above a line name: a meeting
/// ([`line_names_event`]) or a meeting's record ([`line_names_record`]). Asked of each
/// line of the head in turn, from the top: each line above is read once,
/// not once per line below it (a head of many short lines, a table or a
/// list, cost the square of its length).
struct HeadNames<'t> {
    text: &'t Text,
    /// The lexicons' minutes words, unaccented, found in one pass over a
    /// line (one automaton for every document read with these lexicons).
    phrases: Arc<AhoCorasick>,
    /// The lexicons' event nouns, unaccented.
    nouns: Vec<String>,
    record: HeadScan,
    event: HeadScan,
}

/// How far a [`HeadNames`] question has read the head, and whether a line
/// read so far answered yes (the answer only grows downwards).
#[derive(Default)]
struct HeadScan {
    read: usize,
    found: bool,
}

impl HeadScan {
    /// Whether one of the lines above `index` answers yes, reading only the
    /// lines not read yet (all of them again if `index` went up the page).
    fn above(&mut self, text: &Text, index: usize, says: impl Fn(&str) -> bool) -> bool {
        if index < self.read {
            return text
                .lines
                .get(..index)
                .unwrap_or_default()
                .iter()
                .any(|line| says(&flat_line(line.plain)));
        }
        if !self.found && index > self.read {
            self.found = text
                .lines
                .get(self.read..index)
                .unwrap_or_default()
                .iter()
                .any(|line| says(&flat_line(line.plain)));
            self.read = index;
        }
        self.found
    }
}

impl<'t> HeadNames<'t> {
    fn new(text: &'t Text, lex: &Lexicons) -> Self {
        Self {
            text,
            phrases: lex.cached("minutes_words", |lex| {
                AhoCorasick::new(lex.each(|l| l.minutes_words).map(|p| unaccented(p)))
                    .expect("minutes words are a few short literals")
            }),
            nouns: lex.each(|l| l.event_nouns).map(|n| unaccented(n)).collect(),
            record: HeadScan::default(),
            event: HeadScan::default(),
        }
    }

    /// Whether a line of the page's head above line `index` names a meeting
    /// (`City Council Briefing Meeting`, `CONGRES` / `DE L'ASSOCIATION…`,
    /// `ASSEMBLÉE GÉNÉRALE DE L'AMICALE…`): a day alone under it is that
    /// meeting's. A meeting noun followed by a date link names a body instead
    /// (`The United States Conference of Mayors`).
    fn event_above(&mut self, index: usize, lex: &Lexicons) -> bool {
        let nouns = &self.nouns;
        self.event
            .above(self.text, index, |line| line_names_event(line, nouns, lex))
    }

    /// Whether a line of the page's head above line `index` names a meeting's
    /// record (`ACTA DE LA REUNIÓN DE LA JUNTA DIRECTIVA`, `Compte rendu du
    /// conseil`): the lexicons' minutes words.
    fn record_above(&mut self, index: usize) -> bool {
        let phrases = &self.phrases;
        self.record
            .above(self.text, index, |line| line_names_record(line, phrases))
    }
}

/// A line's plain text as the head's phrases and nouns are matched in:
/// folded and [`unaccented`], which lowers its case too. Worked out once per
/// line and question.
fn flat_line(plain: &str) -> String {
    unaccented(&fold(plain))
}

/// Whether the [`flat_line`] `flat` holds one of the event `nouns` not
/// followed by a date link.
fn line_names_event(flat: &str, nouns: &[String], lex: &Lexicons) -> bool {
    let words: Vec<&str> = flat
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(at, word)| {
        nouns.iter().any(|noun| noun == word)
            && !words.get(at + 1).is_some_and(|next| {
                lex.has(|l| l.date_links, next) || lex.has(|l| l.range_openers, next)
            })
    })
}

/// Whether the [`flat_line`] `flat` holds one of the minutes `phrases` as
/// whole words. Each phrase's occurrences are read as `match_indices` reads
/// them, leftmost and not overlapping one another, though all come from one
/// pass over the line.
fn line_names_record(flat: &str, phrases: &AhoCorasick) -> bool {
    let mut next = vec![0; phrases.patterns_len()];
    phrases.find_overlapping_iter(flat).any(|found| {
        let Some(next) = next.get_mut(found.pattern().as_usize()) else {
            return false;
        };
        if found.start() < *next {
            return false;
        }
        *next = found.end();
        let before = flat[..found.start()].chars().next_back();
        let after = flat[found.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the [`flat_line`] `flat` opens on a meeting's noun used as the
/// label of its day (`Meeting: 05/04/2031 - Council`, `Séance : 3 mars
/// 2031`): the page of that meeting.
fn labels_meeting_day(flat: &str, nouns: &[String]) -> bool {
    flat.split_once(':').is_some_and(|(label, day)| {
        nouns.iter().any(|noun| noun == label.trim())
            && day.trim_start().starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Most words besides its dates of a line that only dates the page (`Le
/// 21/12/2017`, `jueves, enero 8, 2026`).
const DATE_LINE_WORDS: usize = 1;

/// Most words of a headline (`2021 Annual Town Meeting Cancelled, but … in
/// July 2021`); a longer line is running text.
const HEADLINE_WORDS: usize = 24;

/// The single year of the document's headline: the first line carrying a
/// year among the title lines that open the text, before any sentence
/// (`Winter 2019 Policy Meeting` over `Friday, January 25`). Lines that are
/// dates themselves (a site's date, a posting date) are passed over: they
/// date the page, not what it announces. It dates the days printed without
/// a year only where no heading and no single-year period does.
fn headline_year(text: &Text, lex: &Lexicons) -> Option<u16> {
    for line in &text.lines {
        let flat = line.plain;
        let line = flat.trim();
        if line.is_empty() {
            continue;
        }
        if line.ends_with(['.', '!', '?', ';']) || word_count(line) > HEADLINE_WORDS {
            return None;
        }
        let folded = fold(line);
        let mut rest = folded.to_string();
        for date in dates::find_dates(&folded, lex).iter().rev() {
            rest.replace_range(date.from..date.to, " ");
        }
        if rest.trim() != folded.trim() && word_count(&rest) <= DATE_LINE_WORDS {
            continue;
        }
        if let Some(year) = dates::heading_year(line) {
            return Some(year);
        }
    }
    None
}

/// The month a calendar table ends on, which a table continuing it opens on.
#[derive(Debug, Clone)]
struct Carried {
    /// As printed.
    name: String,
    date: EventDate,
}

/// Reads the calendar table whose block starts at line `index` from its
/// geometry, when it is one ([`geometry::read`]). Returns the line after
/// the table and the month it ends on.
fn geometric_table(
    text: &Text,
    index: usize,
    year: Option<u16>,
    carried: Option<Carried>,
    lex: &Lexicons,
    events: &mut Vec<CalendarEvent>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(usize, Option<Carried>)> {
    let block = text.block_of(index).filter(|b| b.lines.start == index)?;
    let read = geometry::read(block, |word| lex.month(word), carried.is_some())?;
    let date_of = |label: &geometry::Label| EventDate {
        year: label.year.or(year),
        month: label.month,
        day: None,
    };
    for (item, assigned) in read.events.iter().zip(&read.months) {
        let Some(line) = text.lines.get(item.line) else {
            continue;
        };
        let date = match assigned {
            geometry::Assigned::Label(at) => read.labels.get(*at).map(date_of),
            geometry::Assigned::Carried => carried.as_ref().map(|c| c.date),
            geometry::Assigned::Ambiguous(candidates) => {
                diagnostics.push(
                    geometry::ambiguity(
                        item,
                        candidates,
                        &read.labels,
                        carried.as_ref().map(|c| c.name.as_str()),
                    )
                    .at(line.location()),
                );
                None
            }
            geometry::Assigned::Unplaced => None,
        };
        let cleaned = plain(&item.text);
        let cleaned = cleaned.trim();
        let Some(date) = date.filter(|_| !cleaned.is_empty()) else {
            continue;
        };
        // Lines opening the table on no bullet, in the month carried over,
        // finish the event the page (or page column) break cut: the last
        // one read, which the table before ended on. They go on with its
        // sentence (a small letter, or after a hyphen); a capital opens
        // a line of its own (a header the producer repeats on the page).
        let goes_on = cleaned.starts_with(char::is_lowercase)
            || events.last().is_some_and(|last| last.text.ends_with('-'));
        let finishes = item.continues && goes_on && *assigned == geometry::Assigned::Carried;
        match events
            .last_mut()
            .filter(|last| finishes && last.start == date)
        {
            Some(last) => last.text = crate::page::join_cell(&[last.text.as_str(), cleaned]),
            None => events.push(cell_event(&line, date, cleaned, lex)),
        }
    }
    let last = read.labels.last().map(|label| Carried {
        name: label.name.clone(),
        date: date_of(label),
    });
    Some((block.lines.end, last.or(carried)))
}

/// Reads the table whose block starts at line `index` as a year grid
/// ([`grid`]), when it is one with events. Returns the line after the table.
fn year_grid(
    text: &Text,
    index: usize,
    year: Option<u16>,
    lex: &Lexicons,
    events: &mut Vec<CalendarEvent>,
) -> Option<usize> {
    let block = text.block_of(index).filter(|b| b.lines.start == index)?;
    // A grid whose rows and month columns the page model cut apart is read
    // from its cells; one it did not, from its words.
    let read = match grid::read(block.table()?, |word| lex.month(word)) {
        Some(read) if !read.is_empty() => read,
        _ => grid::read_words(block, |word| lex.month(word))?,
    };
    if read.is_empty() {
        return None;
    }
    for found in read {
        let Some(line) = text.lines.get(found.line) else {
            continue;
        };
        let (first, last) = found.months;
        let date = |month| EventDate {
            year,
            month,
            day: None,
        };
        let mut dated = cell_event(&line, date(first), &found.text, lex);
        dated.end = (last != first).then(|| date(last));
        events.push(dated);
    }
    Some(block.lines.end)
}

/// What the calendar knows of the document as a whole.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentTime {
    /// The document's single year, given to dates printed without one.
    pub year: Option<u16>,
    /// The last year a report covers: in a report, a later date with its
    /// year is about the report itself (approval, publication), not an
    /// event of the period. `None` for plans and unknown kinds.
    pub report_end: Option<u16>,
    /// The day of writing, when the text prints it (the page's posting
    /// day, else the first full day it states: the meeting's, the dated
    /// title's); a day the text places before it (`le 7 juin dernier`, the
    /// minutes of an earlier meeting being approved) takes its year from it.
    pub today: Option<EventDate>,
    /// The years the document's period spans when it spans several
    /// (`2028-2031`): a day printed with its weekday and no year takes the
    /// one year of the span whose calendar has that weekday on that day.
    pub span: Option<(u16, u16)>,
}

/// The one year of `span` in which `date` (printed without a year) falls
/// on `weekday` (Monday = 1): `None` when no year or several do.
fn weekday_year(date: EventDate, weekday: u8, span: Option<(u16, u16)>) -> Option<u16> {
    let (first, last) = span?;
    let mut fitting = (first..=last).filter(|&year| {
        dates::weekday_of(EventDate {
            year: Some(year),
            ..date
        }) == Some(weekday)
    });
    let year = fitting.next()?;
    fitting.next().is_none().then_some(year)
}

/// Maximum words of a line that is a dated title (`AG du 30 mai 2015`).
const DATED_TITLE_WORDS: usize = 12;

/// A time of day closing a line, with the dots of its clock and of its
/// half of the day (`2.00 p.m.`, `7.30 pm`, `10h30`).
static TRAILING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s[0-9]{1,2}(?:[.:h][0-9]{2}(?:\s?[ap]\.?m\.?)?|\s?[ap]\.?m\.?)$")
        .expect("TRAILING_TIME is a valid literal pattern")
});

/// The year a line's dates printed without one inherit: the heading's, else
/// the running or document's year, and whether a heading printed it.
#[derive(Debug, Clone, Copy)]
struct InheritedYear {
    year: Option<u16>,
    known: bool,
    /// The years of the document's span printed near the line.
    printed_near: SpanYears,
    /// Whether the text prints no year at all (a wire's story).
    yearless_text: bool,
    /// The years printed in the text, widened by one either side, when
    /// they are few (see [`printed_window`]).
    printed_window: Option<(u16, u16)>,
}

/// Widest window of years, those the text prints widened by one either
/// side, among which a weekday chooses the year of a day printed without
/// one: over more years two of them share most weekdays.
const PRINTED_WINDOW_YEARS: u16 = 5;

/// The years the text prints (four digits, 19xx or 20xx), from the first
/// less one to the last plus one (a news page of 2020 tells of the next
/// year's congress), when that window spans at most
/// [`PRINTED_WINDOW_YEARS`] years; `None` when it prints none or the
/// window is wider.
fn printed_window(text: &Text) -> Option<(u16, u16)> {
    let years = text.lines.iter().flat_map(|line| {
        line.plain
            .split(|c: char| !c.is_ascii_digit())
            .filter(|word| word.len() == 4 && (word.starts_with("19") || word.starts_with("20")))
            .filter_map(|word| word.parse::<u16>().ok())
    });
    let (first, last) = years.fold(None, |span: Option<(u16, u16)>, year| {
        Some(span.map_or((year, year), |(a, b)| (a.min(year), b.max(year))))
    })?;
    let window = (first.saturating_sub(1), last.saturating_add(1));
    (window.1 - window.0 < PRINTED_WINDOW_YEARS).then_some(window)
}

/// Lines either side of a line whose printed years confirm the year of
/// the document's span a weekday agrees with (see [`weekday_year`]).
const NEAR_LINES: usize = 5;

/// A set of the years of the document's span (at most 64 from its first).
#[derive(Debug, Clone, Copy, Default)]
struct SpanYears {
    first: u16,
    bits: u64,
}

impl SpanYears {
    /// The years of `span` printed (as four digits) within [`NEAR_LINES`]
    /// lines of line `index` of `text`.
    fn near(text: &Text, index: usize, span: Option<(u16, u16)>) -> SpanYears {
        let Some((first, last)) = span else {
            return SpanYears::default();
        };
        let lines = text
            .lines
            .get(index.saturating_sub(NEAR_LINES)..)
            .unwrap_or_default()
            .iter()
            .take(2 * NEAR_LINES + 1);
        let bits = lines
            .flat_map(|line| line.plain.split(|c: char| !c.is_ascii_digit()))
            .filter(|word| word.len() == 4)
            .filter_map(|word| word.parse::<u16>().ok())
            .filter(|year| (first..=last).contains(year))
            .filter_map(|year| 1u64.checked_shl(u32::from(year - first)))
            .fold(0, |bits, bit| bits | bit);
        SpanYears { first, bits }
    }

    /// Whether `year` is in the set.
    fn has(self, year: u16) -> bool {
        year.checked_sub(self.first)
            .and_then(|offset| 1u64.checked_shl(u32::from(offset)))
            .is_some_and(|bit| self.bits & bit != 0)
    }
}

/// Events dated in running text. A date is an event's date when a cue
/// introduces it (`will be held on`, `se celebrará el`, `aura lieu du`), when
/// a word anchors it to the time of writing (`le 17 mai dernier`, `el
/// pasado viernes 3 de diciembre`), when a preposition places something on
/// a full date with its year (`on January 16, 2018`, `le 14 août 2021`) or
/// in a month with its year (`in September 2022`), or
/// when a short line that is not a sentence holds a full date (`4 November
/// 2013`, `Compte rendu du conseil, samedi 17 octobre 2020`). A day without a
/// year and without a cue or anchor is a mention (`El 7 de octubre, más
/// de…`): which year it is would be a guess. The line is the event's text;
/// `flat` is its flat form and `lower` that in lower case.
fn prose_dates(
    line: &crate::normalize::Line,
    (flat, lower): (&str, &str),
    found: Vec<dates::FoundDate>,
    inherited: InheritedYear,
    time: DocumentTime,
    lex: &Lexicons,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<CalendarEvent> {
    let InheritedYear {
        year,
        known: year_known,
        printed_near,
        yearless_text,
        printed_window,
    } = inherited;
    if lower.len() != flat.len() || flat.contains('|') {
        return Vec::new();
    }
    // A time of day closing the line (`Council - Thursday, 26 July 2012
    // 2.00 p.m.`) ends it with its own dots, not a sentence's full stop.
    let unclocked = TRAILING_TIME.replace(flat.trim_end(), "");
    let short_title =
        word_count(flat) <= DATED_TITLE_WORDS && !unclocked.trim_end().ends_with(['.', ',', ';']);
    // Where the last date taken as an event ends: a date joined to it by a
    // conjunction alone shares its reading (`par délibérations du 4 juin
    // 2020 et du 10 juillet 2020`).
    let mut taken_until: Option<usize> = None;
    let years = sentence_years(lower, &found, lex);
    // Days listed after a year split over two (`2031/32 – Wednesday 14th
    // May, 11th June, …`) take the one of the two years their weekday or
    // their order gives, or are left out: the document's own year may be
    // the wrong one of the two.
    let splits = split_years(lower, &found);
    let years: Vec<Option<u16>> = years
        .into_iter()
        .zip(&splits)
        .map(|(year, split)| match split {
            SplitYear::Known(known) => Some(*known),
            SplitYear::Outside | SplitYear::Either(..) => year,
        })
        .collect();
    // Printed with its weekday and no year, in a text whose period spans
    // years and that gives it no year otherwise, a day is in the one year
    // of the span whose calendar agrees (`Tuesday 3 March` in a report on
    // 2028-2031: 2029).
    // The weekday's agreeing with one year of the span is no evidence
    // alone (a host's notice of a `Sunday, June 26th` in a report on
    // 2016-2017 agrees with 2016 and is of another year): that year must
    // also be printed near the line.
    let span_candidate = |date: &dates::FoundDate, sentence_year: Option<u16>| {
        date.weekday
            .filter(|_| date.start.year.is_none() && sentence_year.is_none() && year.is_none())
            .and_then(|weekday| weekday_year(date.start, weekday, time.span))
    };
    let spanned_year = |date: &dates::FoundDate, sentence_year: Option<u16>| {
        span_candidate(date, sentence_year).filter(|&candidate| printed_near.has(candidate))
    };
    // With no period's span, nor a year of its own, its sentence's or one
    // the document states, a day printed with its weekday is in the one
    // year of the few the text prints (see [`printed_window`]) whose
    // calendar agrees (`lundi 15 novembre` on a page printing 2020 alone:
    // 2021); a year merely printed on an earlier line yields to it. Two
    // agreeing years leave the day undated.
    let window_year = |date: &dates::FoundDate, sentence_year: Option<u16>| {
        date.weekday
            .filter(|_| {
                time.span.is_none()
                    && !year_known
                    && date.start.year.is_none()
                    && sentence_year.is_none()
            })
            .and_then(|weekday| weekday_year(date.start, weekday, printed_window))
    };
    for (date, sentence_year) in found.iter().zip(&years) {
        if let Some(candidate) =
            span_candidate(date, *sentence_year).filter(|&candidate| !printed_near.has(candidate))
        {
            diagnostics.push(weekday_year_unconfirmed(line, flat, date, candidate));
        }
    }
    // A dateline opening the line (`MONTRÉAL, le 5 mai 2031 /CNW/ - …`)
    // prints the day of writing for the days the line tells as coming
    // (the document's first full day may be a later event's).
    let line_today = found
        .iter()
        .find(|date| {
            let before = lower.get(..date.from).unwrap_or("").trim_end();
            let after = lower.get(date.to..).unwrap_or("").trim_start();
            date.start.day.is_some()
                && date.start.year.is_some()
                && (is_dateline(lower, before, after, lex)
                    || is_wire_dateline(flat.get(..date.from).unwrap_or(""), after))
        })
        .map(|date| date.start);
    found
        .into_iter()
        .zip(years)
        .zip(splits)
        .filter(|((date, sentence_year), _)| {
            // A date listed after a taken one, after a conjunction or a
            // comma (`on 3 May, 5 June and 7 July`), is another such day.
            let coordinated = taken_until.is_some_and(|end| {
                let between = lower.get(end..date.from).unwrap_or("").trim();
                let between = between.trim_start_matches([',', ';']).trim_start();
                between.is_empty() || lex.has(|l| l.conjunctions, between)
            });
            let before = lower.get(..date.from).unwrap_or("").trim_end();
            let after = lower.get(date.to..).unwrap_or("").trim_start();
            let first_word = lower
                .get(date.from..)
                .and_then(|d| d.split_whitespace().next())
                .unwrap_or("");
            let ends_with = |window: &str, phrase: &str| {
                window
                    .strip_suffix(phrase)
                    .is_some_and(|head| head.is_empty() || head.ends_with([' ', '(', ',']))
            };
            // The date may open with the cue's last word (`aura lieu` + `du 3 au 6`).
            let with_first = format!("{before} {first_word}");
            let cued = lex
                .each(|l| l.event_cues)
                .any(|cue| ends_with(before, cue) || ends_with(&with_first, cue));
            let next_word = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            // A weekday a demonstrative points at (`ce vendredi, 27 janvier
            // 2017`, `this Friday, May 3`) is the day of writing's week: the
            // day is when something happens, as a relative word anchors it.
            // The weekday may open the date as read, or stand before it.
            let demonstrative = |head: &str| {
                lex.each(|l| l.weekday_demonstratives)
                    .any(|word| ends_with(head.trim_end(), word))
            };
            let pointed = date.start.year.is_some()
                && lex.each(|l| l.weekdays).any(|(weekday, _)| {
                    (first_word.trim_end_matches(',') == *weekday && demonstrative(before))
                        || before
                            .trim_end_matches(',')
                            .trim_end()
                            .strip_suffix(weekday)
                            .is_some_and(demonstrative)
                });
            let anchored = pointed
                || lex.has(|l| l.relative_date_words, next_word)
                || lex
                    .each(|l| l.relative_date_words)
                    .any(|word| ends_with(before, word));
            let full = date.start.day.is_some() && date.start.year.is_some();
            let about_the_report = time
                .report_end
                .zip(date.start.year)
                .is_some_and(|(end, year)| year > end);
            // A date printed without its year takes the heading's or the
            // document's year; with neither it stays a mention.
            let inherits = date.start.year.is_none() && (year_known || sentence_year.is_some());
            // Without its year, a day is placed only inside a sentence
            // (`the elections on 19 March when…`): a sentence that opens
            // on it (`El 7 de octubre, más de…`) merely mentions it. In a
            // text that prints no year at all (a news story), such a day
            // is placed all the same, its year left unknown (`realizada el
            // 30 de julio en la ciudad de…`), as a range opened by its word is.
            let inside_sentence = |word: &str| {
                before.strip_suffix(word).is_some_and(|head| {
                    let head = head.trim_end();
                    !head.is_empty() && !head.ends_with(['.', '!', '?', ':', ';'])
                })
            };
            let placed_on = |word: &str| ends_with(before, word) || ends_with(&with_first, word);
            // A span of more than a month (`from 1 September 2024 to 31 March
            // 2025`) is a reporting span, not an event a preposition places.
            // Printed without years, an end before the start runs into the
            // next year: `from July 1 to June 30` is a fiscal year, not an event.
            let long_span = longer_than_a_month(date.start, date.end);
            // A range opened by its own word (`du 7 au 9 octobre 2015`, `del
            // 11 al 12 de abril`) is placed as `from` places one; a single day
            // after that word is a reference (`la loi du 17 mai 2013`).
            // In a text that prints no year at all, such a range is placed
            // all the same, its year left unknown (`Del 27 al 29 de
            // noviembre la ciudad será sede…`). Days after a date preposition
            // are such a range too, where the sentence opens on them (`Los
            // días 18 y 19 de septiembre diseñará sus planes`).
            // A preposition's range with no year to take is placed so only
            // in a text that prints no year at all: elsewhere the year it
            // leaves unknown is most often one the text prints.
            let by_opener = lex.has(|l| l.range_openers, first_word);
            let by_preposition = date.start.day.is_some()
                && lex
                    .each(|l| l.date_prepositions)
                    .any(|word| placed_on(word));
            let opened_range = date.end.is_some()
                && (full
                    || inherits
                    || (!year_known && sentence_year.is_none() && (by_opener || yearless_text)))
                && (by_opener || by_preposition);
            let placed = !long_span
                && (lex.each(|l| l.date_prepositions).any(|word| {
                    placed_on(word)
                        && (full
                            || (date.start.day.is_some()
                                && (inherits || yearless_text)
                                && inside_sentence(word)))
                }) || opened_range);
            let named = date.start.day.is_some()
                && (date.start.year.is_some() || year.is_some())
                && names_event(before, lex);
            // `approved by the Board in September 2022`: a month with its year.
            let in_month = date.start.day.is_none()
                && date.end.is_none()
                && (date.start.year.is_some() || inherits)
                && lex
                    .each(|l| l.month_prepositions)
                    .any(|word| ends_with(before, word));
            let dateline = is_dateline(lower, before, after, lex)
                || is_wire_dateline(flat.get(..date.from).unwrap_or(""), after);
            // A sentence that opens on a full day and goes on after a comma
            // tells what happened that day (`Vendredi 29 mars 2019, la salle
            // … a accueilli 176 maires`); alone on its line, the day is a
            // posting date (see [`is_dateline`]).
            let weekday_only = lex
                .each(|l| l.weekdays)
                .any(|(weekday, _)| before.trim_end_matches(',').trim_end() == *weekday);
            // A list item's bullet is no word before the date (`• 11th January`).
            let unbulleted = before.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '•' | '·' | '*' | '-' | '–')
            });
            let listed_weekday = lex
                .each(|l| l.weekdays)
                .any(|(weekday, _)| unbulleted.trim_end_matches(',').trim_end() == *weekday);
            let goes_on = after.strip_prefix(',').is_some_and(|rest| {
                rest.split_whitespace()
                    .filter(|word| word.chars().any(char::is_alphabetic))
                    .count()
                    >= 2
            });
            let opens_sentence = full && (before.is_empty() || weekday_only) && goes_on;
            // A record opens on where and when it sits (`En Osorno, a 28 de
            // febrero de 2017, siendo las 15.02 hrs., …`): a full day after
            // a place's name and its link word, the sentence going on after
            // a comma. A letter's dateline ends on its day (`Santiago, a 5 de
            // mayo de 2017`).
            let at_place =
                full && goes_on && sits_at_place(flat.get(..date.from).unwrap_or(""), lex);
            // `avant le 15 février de chaque année`: a rule, not an event.
            let recurs = lex
                .each(|l| l.recurrence_words)
                .any(|word| after.trim_start_matches([' ', ',']).starts_with(word));
            // `Year ended 31 March 2017`, `as at 31st March 2017`: where a
            // reporting period stops, or the day a list stands at.
            // The words may follow an elided article (`de l'exercice clos le`).
            let ends_on_words = |window: &str, words: &str| {
                window.strip_suffix(words).is_some_and(|head| {
                    head.is_empty() || head.ends_with([' ', '(', ',', '\'', '’'])
                })
            };
            let period_end = lex
                .each(|l| l.period_end_words)
                .any(|words| ends_on_words(before, words) || ends_on_words(&with_first, words));
            // `Published: 3 March 2019`, `mis à jour le 5 avril 2019`: the
            // day the page was posted or revised.
            let posting = {
                let head = before.trim_end_matches(':').trim_end();
                let head = lex
                    .each(|l| l.date_prepositions)
                    .find_map(|word| {
                        head.strip_suffix(word)
                            .filter(|rest| rest.is_empty() || rest.ends_with(' '))
                    })
                    .map_or(head, str::trim_end);
                lex.each(|l| l.posting_labels)
                    .any(|label| ends_on_words(head, label))
            };
            // A line that is the day alone (`Friday, January 25 - Saturday,
            // January 26` under the meeting's title) dates what it stands under.
            let date_only = (unbulleted.is_empty() || listed_weekday)
                && after.chars().all(|c| !c.is_alphanumeric())
                && date.start.day.is_some()
                && (date.start.year.is_some() || inherits);
            // A day named by its weekday, its day and its month inside a
            // line (`el jueves 14 de marzo`, `on Tuesday 3 May`, `le mardi 3
            // mai`) is a day of the calendar something is set on: a cue in
            // itself, when a year is there to check the weekday against (see
            // below). A line opening on such a day is a masthead's or a
            // dateline's (`Viernes 11 de Noviembre del 2016 Año 6 · Nº 28`);
            // without a year (a host's notice of a `Sunday, June 26th`) the
            // day could be of any year.
            let weekday_named = date.weekday.is_some()
                && date.start.day.is_some()
                && !before.is_empty()
                && (date.start.year.is_some()
                    || sentence_year.is_some()
                    || year.is_some()
                    || spanned_year(date, *sentence_year).is_some()
                    || window_year(date, *sentence_year).is_some());
            // A window longer than a month (`must be held between 1st
            // March and 1st June`) is a rule, whatever cues it.
            let taken = !dateline
                && !recurs
                && !period_end
                && !posting
                && (((cued || weekday_named) && !long_span)
                    || named
                    || anchored
                    || coordinated
                    || opens_sentence
                    || ((placed || at_place || in_month || (full && short_title) || date_only)
                        && !about_the_report));
            if taken {
                taken_until = Some(date.to);
            }
            taken
        })
        .filter_map(|((date, sentence_year), split)| {
            if let SplitYear::Either(first, second) = split {
                diagnostics.push(split_year_unknown(line, flat, &date, (first, second)));
                return None;
            }
            let tbc = is_tbc(flat, lex);
            let before = lower.get(..date.from).unwrap_or("").trim_end();
            let after = lower.get(date.to..).unwrap_or("");
            let told = date.start.year.is_none()
                && sentence_year.is_none()
                && told_as_past(lower, before, after, lex);
            let coming = date.start.year.is_none()
                && sentence_year.is_none()
                && told_as_coming(before, after, lex);
            let year = if told {
                // Told as past, a day takes its year from the day of
                // writing alone: the document's year is what it reports
                // on, and the day may fall in the year before it.
                let past = time.today.and_then(|today| past_year(date.start, today));
                if past.is_none() {
                    diagnostics.push(year_unknown(line, flat, &date, year));
                }
                past
            } else if coming {
                // Told as coming (`les 12 et 13 mai prochains`), a day is
                // the next such day after the dateline's.
                // Without one, the day of writing places it.
                line_today
                    .and_then(|today| next_year(date.start, today))
                    .or(year)
                    .or_else(|| time.today.and_then(|today| next_year(date.start, today)))
            } else {
                sentence_year
                    .or_else(|| window_year(&date, sentence_year))
                    .or(year)
                    .or_else(|| spanned_year(&date, sentence_year))
                    .or_else(|| time.today.and_then(|today| nearest_year(date.start, today)))
            };
            // A weekday that is not the day's in the year read says the day or
            // the year is wrong: no event, rather than a wrong one.
            let printed = date
                .weekday
                .zip(date.start.year.or(year))
                .and_then(|(weekday, year)| {
                    let day = EventDate {
                        year: Some(year),
                        ..date.start
                    };
                    dates::weekday_of(day).map(|actual| (weekday, actual, day))
                });
            if let Some((weekday, actual, day)) = printed.filter(|(w, a, _)| w != a) {
                diagnostics.push(weekday_mismatch(line, flat, &date, day, weekday, actual));
                return None;
            }
            // Each day of a list of days apart (`les 5, 12 et 19 mars`) is
            // its own event, read as the first.
            let text = flat.trim().to_owned();
            let days: Vec<CalendarEvent> = std::iter::once((date.start, date.end))
                .chain(date.more_days().map(|day| (day, None)))
                .map(|(start, end)| event(line, start, end, text.clone(), tbc, year))
                .collect();
            Some(days)
        })
        .flatten()
        .collect()
}

/// The note left for a day whose printed weekday is not its weekday in the
/// year read (`jueves 14 de marzo` in 2020, a Saturday): both are named.
fn weekday_mismatch(
    line: &crate::normalize::Line,
    flat: &str,
    date: &dates::FoundDate,
    day: EventDate,
    printed: u8,
    actual: u8,
) -> Diagnostic {
    let shown = flat.get(date.from..date.to).unwrap_or(flat).trim();
    let year = day.year.unwrap_or_default();
    Diagnostic::warning(
        crate::catalogue::Code::CalendarWeekdayMismatch,
        format!(
            "`{shown}` names weekday {printed} (Monday = 1), but {year}-{:02}-{:02} is weekday {actual}: the day or its year is wrong, and no event is kept",
            day.month,
            day.day.unwrap_or_default()
        ),
    )
    .at(crate::diagnostic::Location::new(line.page, line.number))
}

/// Whether `before` (as printed) ends on a place's name and the word that
/// links it to a day (`En Osorno, a`, `En San Ramón a`): one to three
/// capitalised words, a comma allowed after them.
fn sits_at_place(before: &str, lex: &Lexicons) -> bool {
    let before = before.trim_end();
    let lower = before.to_lowercase();
    lex.each(|l| l.place_date_links).any(|link| {
        let Some(head) = lower.strip_suffix(link) else {
            return false;
        };
        if !(head.is_empty() || head.ends_with([' ', ','])) {
            return false;
        }
        let place = before
            .get(..head.len())
            .unwrap_or("")
            .trim_end()
            .trim_end_matches(',');
        let names = place
            .split_whitespace()
            .rev()
            .take_while(|word| {
                word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().all(char::is_alphabetic)
            })
            .count();
        (1..=PLACE_NAME_WORDS).contains(&names)
    })
}

/// Most capitalised words of a place and its preposition before its day (`En San Ramón a`).
const PLACE_NAME_WORDS: usize = 3;

/// Months named alone after a month preposition in running text (`launched
/// in May`, `en octubre`, `en mars`): an event of that month when its year
/// is certain, the heading's or the document's single year (`certain`), else
/// the year of the last date before it on the same line when every date
/// printed there before it has that year and its month is not later (`began
/// in January 2021 … followed in February`: a paragraph telling a year in
/// order). Otherwise the month is left out: which year it is would be a
/// guess. An abbreviation (`Mar`, `ago`) is no month alone, and a month
/// followed by a number belongs to a date the date shapes read. Months a
/// conjunction or a comma joins to the first (`in February and March`)
/// span one event from the first to the last. `flat` is the line's flat
/// form and `lower` that in lower case.
fn months_alone(
    line: &crate::normalize::Line,
    (flat, lower): (&str, &str),
    found: &[dates::FoundDate],
    certain: Option<u16>,
    lex: &Lexicons,
) -> Vec<CalendarEvent> {
    if lower.len() != flat.len() || flat.contains('|') || !is_prose(flat) {
        return Vec::new();
    }
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in lower
        .char_indices()
        .chain(std::iter::once((lower.len(), ' ')))
    {
        match (open, c.is_alphanumeric()) {
            (None, true) => open = Some(at),
            (Some(from), false) => {
                words.push((from, lower.get(from..at).unwrap_or("")));
                open = None;
            }
            _ => {}
        }
    }
    // The months after a month preposition, each preposition followed by
    // its month and the months a conjunction or a comma joins to it (`in
    // February and March`, `en enero, febrero y marzo`), with the
    // preposition that opens the run.
    let mut named: Vec<(&str, usize, usize, &str)> = Vec::new();
    for (index, pair) in words.windows(2).enumerate() {
        let [(_, preposition), (at, word)] = *pair else {
            continue;
        };
        if !lex.has(|l| l.month_prepositions, preposition) || !is_month_name(word, lex) {
            continue;
        }
        named.push((preposition, at, at, word));
        let mut last_end = at + word.len();
        let mut rest = words.iter().skip(index + 2).peekable();
        while let Some(&&(joiner_at, joiner)) = rest.peek() {
            let joined = lex.has(|l| l.conjunctions, joiner);
            if joined {
                rest.next();
            }
            let Some(&&(next_at, next)) = rest.peek() else {
                break;
            };
            let comma = lower
                .get(last_end..joiner_at)
                .is_some_and(|gap| gap.contains(','));
            if !is_month_name(next, lex) || !(joined || comma) {
                break;
            }
            named.push((preposition, at, next_at, next));
            last_end = next_at + next.len();
            rest.next();
        }
    }
    let mut events: Vec<CalendarEvent> = Vec::new();
    // The run each event opened, by its first month's offset.
    let mut runs: Vec<usize> = Vec::new();
    for (preposition, run_at, at, word) in named {
        let Some(month) = lex.month(word) else {
            continue;
        };
        // A sentence that opens on its month (`En décembre, le programme
        // avait livré…`) tells a state at that time, as one opening on its
        // day merely mentions it.
        let opening = lower
            .get(..run_at)
            .and_then(|head| head.trim_end().strip_suffix(preposition))
            .is_some_and(|head| {
                let head = head.trim_end();
                head.is_empty() || head.ends_with(['.', '!', '?', ':', ';'])
            });
        if opening {
            continue;
        }
        let end = at + word.len();
        let numbered = lower
            .get(end..)
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if numbered || found.iter().any(|date| date.from <= at && at < date.to) {
            continue;
        }
        let earlier: Vec<&dates::FoundDate> = found
            .iter()
            .filter(|date| date.to <= at && date.start.year.is_some())
            .collect();
        let told = earlier.last().and_then(|last| {
            let year = last.start.year?;
            (earlier.iter().all(|date| date.start.year == Some(year)) && last.start.month <= month)
                .then_some(year)
        });
        let Some(year) = certain.or(told) else {
            continue;
        };
        let start = EventDate {
            year: Some(year),
            month,
            day: None,
        };
        // A month joined to the one before it in its run (`in February and
        // March`) ends what that month starts: one happening over both.
        let joined = runs.last() == Some(&run_at);
        if let Some(last) = events.last_mut().filter(|last: &&mut CalendarEvent| {
            joined && last.start.year == start.year && last.start.month < month
        }) {
            last.end = Some(start);
            continue;
        }
        runs.push(run_at);
        events.push(event(
            line,
            start,
            None,
            flat.trim().to_owned(),
            is_tbc(flat, lex),
            None,
        ));
    }
    events
}

/// Whether `word` is a month's name as written out in one language, not
/// an abbreviation of a longer name of that month in the same language
/// (`mar` for `march`, `sept`): English `may` is a name though Spanish
/// `mayo` starts with it.
fn is_month_name(word: &str, lex: &Lexicons) -> bool {
    lex.languages().iter().any(|language| {
        let months = language.lexicon().months;
        months.iter().any(|(name, month)| {
            *name == word
                && !months.iter().any(|(longer, same)| {
                    same == month && longer.len() > word.len() && longer.starts_with(word)
                })
        })
    })
}

/// The note left for a day told as past (`el pasado 14 de marzo`) in a
/// text that prints no day of its own: its year stays unknown, and the
/// note names the years it could be when the document has one.
fn year_unknown(
    line: &crate::normalize::Line,
    flat: &str,
    date: &dates::FoundDate,
    year: Option<u16>,
) -> Diagnostic {
    let printed = flat.get(date.from..date.to).unwrap_or(flat).trim();
    let candidates = match year {
        Some(year) => format!("{} or {year}", year.saturating_sub(1)),
        None => "any year".to_owned(),
    };
    Diagnostic::info(
        crate::catalogue::Code::CalendarYearUnknown,
        format!(
            "`{printed}` is told as past but the text prints no day of writing to count back from: its year ({candidates}) is left unknown"
        ),
    )
    .at(crate::diagnostic::Location::new(line.page, line.number))
}

/// The note left for a day printed with its weekday and no year whose
/// weekday agrees with one year of the document's span, a year printed
/// nowhere near it: the day may be of a year outside the span.
fn weekday_year_unconfirmed(
    line: &crate::normalize::Line,
    flat: &str,
    date: &dates::FoundDate,
    candidate: u16,
) -> Diagnostic {
    let printed = flat.get(date.from..date.to).unwrap_or(flat).trim();
    Diagnostic::info(
        crate::catalogue::Code::CalendarYearUnknown,
        format!(
            "`{printed}` is printed without a year; its weekday agrees with {candidate} in the document's span, but no year printed near it confirms it and the weekday agrees with years outside the span too: its year is left unknown"
        ),
    )
    .at(crate::diagnostic::Location::new(line.page, line.number))
}

/// The note left for a numeric day whose order the document leaves open
/// (`03/04/2019` in an English text with no other evidence): both readings.
fn order_ambiguous(
    line: &crate::normalize::Line,
    flat: &str,
    date: &dates::FoundDate,
    swapped: Option<&dates::FoundDate>,
) -> Diagnostic {
    let printed = flat.get(date.from..date.to).unwrap_or(flat).trim();
    let reading = |day: EventDate| {
        format!(
            "{}-{:02}-{:02}",
            day.year.map_or("????".to_owned(), |y| y.to_string()),
            day.month,
            day.day.unwrap_or(0)
        )
    };
    let other = swapped.map_or_else(String::new, |s| format!(" or {}", reading(s.start)));
    Diagnostic::warning(
        crate::catalogue::Code::CalendarDateOrderAmbiguous,
        format!(
            "`{printed}` could be {}{other}: nothing in the document says whether its numeric dates put the day or the month first; left out",
            reading(date.start)
        ),
    )
    .at(crate::diagnostic::Location::new(line.page, line.number))
}

/// Whether the line above line `index` (blank lines skipped) is a date
/// label alone (`Fecha:`, `Comienza`, `Date`).
fn under_date_label(text: &Text, index: usize, lex: &Lexicons) -> bool {
    text.lines
        .get(..index)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|line| !is_blank(line.text))
        .is_some_and(|line| {
            let label = fold(line.plain).to_lowercase();
            let label = label.trim().trim_end_matches(':').trim_end();
            lex.has(|l| l.date_labels, label)
        })
}

/// Whether a line holds one of the lexicons' approval words (`approve`,
/// `aprobación`, `approbation`).
fn approves(flat: &str, lex: &Lexicons) -> bool {
    approves_lowered(&flat.to_lowercase(), lex)
}

/// [`approves`] of a line already in lower case.
fn approves_lowered(lower: &str, lex: &Lexicons) -> bool {
    // Asked of every line of a document: each language's words are
    // unaccented once, and the line is split into words once.
    static WORDS: LazyLock<Vec<(Language, Vec<String>)>> = LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|&language| {
                let words = language.lexicon().approval_words;
                (
                    language,
                    words.iter().map(|word| unaccented(word)).collect(),
                )
            })
            .collect()
    });
    let whole = unaccented(lower);
    whole
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            WORDS.iter().any(|(language, words)| {
                lex.languages().contains(language) && words.iter().any(|word| word == w)
            })
        })
}

/// Whether a line tells a day as past: a word anchors it before the time
/// of writing (`le 7 juin dernier`, `el pasado 17 de junio`), or the line
/// approves the record of the meeting held that day (`Approbation du
/// compte-rendu de la réunion du 23 novembre`).
fn told_as_past(lower: &str, before: &str, after: &str, lex: &Lexicons) -> bool {
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    // A weekday may stand between the word and the day (`el pasado viernes 3`).
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .find(|word| !lex.each(|l| l.weekdays).any(|(weekday, _)| weekday == word))
        .unwrap_or("");
    if lex.has(|l| l.past_date_words, next_word) || lex.has(|l| l.past_date_words, last_word) {
        return true;
    }
    let flat = unaccented(before);
    let says = |phrase: &&str| {
        let phrase = unaccented(phrase);
        flat.match_indices(phrase.as_str()).any(|(at, _)| {
            let open = flat[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let close = flat[at + phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            open && close
        })
    };
    lex.each(|l| l.minutes_words).any(says) && approves(lower, lex)
}

/// Whether a word right after a day, or right before it, tells it as
/// coming (`les 12 et 13 mai prochains`, `el próximo 3 de junio`): a
/// relative word that places no day before the time of writing.
fn told_as_coming(before: &str, after: &str, lex: &Lexicons) -> bool {
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    [next_word, last_word].into_iter().any(|word| {
        lex.has(|l| l.relative_date_words, word) && !lex.has(|l| l.past_date_words, word)
    })
}

/// The last full day (day, month and year) `text` prints.
fn text_full_day(text: &Text, lex: &Lexicons) -> Option<EventDate> {
    text.lines
        .iter()
        .flat_map(|line| {
            dates::find_dates(&fold(line.plain), lex)
                .into_iter()
                .flat_map(|date| std::iter::once(date.start).chain(date.end))
        })
        .filter(|day| day.year.is_some() && day.day.is_some())
        .max_by_key(|day| (day.year, day.month, day.day))
}

/// Most days between the day of writing and a day printed without its
/// year, told neither as past nor as coming, that it is placed in the
/// year nearest: within a season, the other years' days are far.
const NEAREST_DAYS: i32 = 120;

/// The year of a day printed without one and told neither as past nor as
/// coming: the year in which it falls nearest `today`, within
/// [`NEAREST_DAYS`]. `None` when `today` prints no year or no day, or
/// when every such day is farther.
fn nearest_year(date: EventDate, today: EventDate) -> Option<u16> {
    let year = today.year?;
    today.day?;
    [year.checked_sub(1), Some(year), year.checked_add(1)]
        .into_iter()
        .flatten()
        .map(|candidate| {
            let day = EventDate {
                year: Some(candidate),
                ..date
            };
            (span_days(today, day).abs(), candidate)
        })
        .min()
        .filter(|(days, _)| *days <= NEAREST_DAYS)
        .map(|(_, year)| year)
}

/// The year of a day printed without one and told as coming: the year of
/// the first such day on or after `today`. `None` when `today` prints no
/// year or no day.
fn next_year(date: EventDate, today: EventDate) -> Option<u16> {
    let year = today.year?;
    let day = today.day?;
    if (date.month, date.day.unwrap_or(1)) < (today.month, day) {
        year.checked_add(1)
    } else {
        Some(year)
    }
}

/// The year of a day printed without one and told as past: the year of
/// the last such day on or before `today`. `None` when `today` prints no
/// year or no day.
fn past_year(date: EventDate, today: EventDate) -> Option<u16> {
    let year = today.year?;
    let day = today.day?;
    if (date.month, date.day.unwrap_or(1)) > (today.month, day) {
        year.checked_sub(1)
    } else {
        Some(year)
    }
}

/// For each date of a line, the year of the last date before it in the
/// same sentence that prints one (`lors de sa séance du 30 août 2018, a
/// arrêté ses observations … transmises le 15 octobre`): a day without its
/// year belongs to the year the sentence is telling, before the document's.
/// A list of days that prints its year once, after the last (`on 3 May, 5
/// June and 7 July 2031`, `les 3 mai, 5 juin et 7 juillet 2031`), gives
/// that year to every day listed before it, months running forward.
fn sentence_years(lower: &str, found: &[dates::FoundDate], lex: &Lexicons) -> Vec<Option<u16>> {
    let mut last: Option<(usize, u16)> = None;
    let mut years: Vec<Option<u16>> = found
        .iter()
        .map(|date| {
            let year = last.and_then(|(end, year)| {
                let between = lower.get(end..date.from).unwrap_or("");
                (!between.contains(". ") && !between.contains("! ") && !between.contains("? "))
                    .then_some(year)
            });
            if let Some(printed) = date.end.and_then(|e| e.year).or(date.start.year) {
                last = Some((date.to, printed));
            }
            year
        })
        .collect();
    // The listed day after, as (where it starts, its year, its month).
    let mut listed_after: Option<(usize, u16, u8)> = None;
    for (date, year) in found.iter().zip(years.iter_mut()).rev() {
        let printed = date.start.year.or(date.end.and_then(|e| e.year));
        listed_after = match (printed, listed_after) {
            (Some(printed), _) => Some((date.from, printed, date.start.month)),
            (None, Some((from, after_year, after_month))) if year.is_none() => {
                let between = lower.get(date.to..from).unwrap_or("").trim();
                let between = between.trim_start_matches([',', ';']).trim_start();
                let listed = between.is_empty() || lex.has(|l| l.conjunctions, between);
                let last_month = date.end.map_or(date.start.month, |end| end.month);
                let forward = date.start.month <= last_month && last_month <= after_month;
                if listed && forward {
                    *year = Some(after_year);
                    Some((date.from, after_year, date.start.month))
                } else {
                    None
                }
            }
            _ => None,
        };
    }
    years
}

/// A year split over two, the second printed in full or by its last two
/// digits (`2031/32`, `2031-2032`): a fiscal, school or council year.
static SPLIT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)[0-9]{2}) ?[/–-] ?([0-9]{2}|(?:19|20)[0-9]{2})\b")
        .expect("SPLIT_YEAR is a valid literal pattern")
});

/// The year of a day printed without one, listed after a year split over
/// two in its sentence (see [`split_years`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SplitYear {
    /// No split year stands before the day in its sentence.
    Outside,
    /// The one of the two years the day falls in.
    Known(u16),
    /// Either of the two years: nothing tells which.
    Either(u16, u16),
}

/// The years of the days `found` on a line after a year split over two
/// (`calendar of meetings for 2031/32 – Wednesday 14th May, 11th June, 9th
/// July, 8th Jan`). Such a year runs from a month of its first year to the
/// month before in its second, and which month that is the text may not
/// say, so the document's single year is no answer: a day takes the one of
/// the two years whose calendar has its printed weekday on it, else the
/// year of the day listed before it, the next one when its month comes
/// earlier (a list of days runs forward). A day neither gives a year to,
/// or whose weekday and order disagree, is [`SplitYear::Either`]. Days
/// printed with their year, and days in a later sentence, are outside.
fn split_years(lower: &str, found: &[dates::FoundDate]) -> Vec<SplitYear> {
    let mut years = vec![SplitYear::Outside; found.len()];
    let split = SPLIT_YEAR.captures_iter(lower).find_map(|caps| {
        let first: u16 = caps.get(1)?.as_str().parse().ok()?;
        let second: u16 = caps.get(2)?.as_str().parse().ok()?;
        let next = first.checked_add(1)?;
        let follows = if second < 100 {
            second == next % 100
        } else {
            second == next
        };
        // A split year inside a date (`2031-12-05`) is that date's.
        let at = caps.get(0)?;
        let in_date = found
            .iter()
            .any(|date| date.from <= at.start() && at.start() < date.to);
        (follows && !in_date).then_some((at.end(), first, next))
    });
    let Some((end, first, second)) = split else {
        return years;
    };
    // The year and the last month of the day listed before.
    let mut before: Option<(u16, u8)> = None;
    let mut last_end = end;
    for (date, year) in found.iter().zip(years.iter_mut()) {
        if date.to <= end {
            continue;
        }
        let between = lower.get(last_end..date.from).unwrap_or("");
        if between.contains(". ") || between.contains("! ") || between.contains("? ") {
            break;
        }
        last_end = date.to;
        // Days listed with it (`8 octobre et 14 janvier`) share its year:
        // a list running on into the next year within it is placed in
        // neither.
        let mut month = date.start.month;
        let wraps = date.more_days().any(|day| {
            let earlier = day.month < month;
            month = day.month;
            earlier
        });
        let last_month = date
            .more_days()
            .last()
            .map_or(date.end.map_or(date.start.month, |end| end.month), |day| {
                day.month
            });
        if let Some(printed) = date.start.year {
            before = Some((printed, last_month));
            continue;
        }
        let by_weekday = date.weekday.and_then(|weekday| {
            let mut fitting = [first, second].into_iter().filter(|&candidate| {
                dates::weekday_of(EventDate {
                    year: Some(candidate),
                    ..date.start
                }) == Some(weekday)
            });
            let year = fitting.next()?;
            fitting.next().is_none().then_some(year)
        });
        let by_order = before
            .map(|(year, month)| {
                if date.start.month >= month {
                    year
                } else {
                    year.saturating_add(1)
                }
            })
            .filter(|&year| year == first || year == second);
        *year = match (by_weekday, by_order) {
            _ if wraps => SplitYear::Either(first, second),
            (Some(a), Some(b)) if a != b => SplitYear::Either(first, second),
            (Some(known), _) | (None, Some(known)) => SplitYear::Known(known),
            (None, None) => SplitYear::Either(first, second),
        };
        before = match *year {
            SplitYear::Known(known) => Some((known, last_month)),
            _ => None,
        };
    }
    years
}

/// The note left for a day listed after a year split over two that
/// nothing places in one of them (see [`split_years`]).
fn split_year_unknown(
    line: &crate::normalize::Line,
    flat: &str,
    date: &dates::FoundDate,
    (first, second): (u16, u16),
) -> Diagnostic {
    let printed = flat.get(date.from..date.to).unwrap_or(flat).trim();
    Diagnostic::info(
        crate::catalogue::Code::CalendarYearUnknown,
        format!(
            "`{printed}` is listed under the year {first}/{second}, and neither a weekday nor a day listed before it tells which of the two it falls in ({first} or {second}): no event is kept"
        ),
    )
    .at(crate::diagnostic::Location::new(line.page, line.number))
}

/// Whether the words before a date end on a noun naming a meeting or its
/// record, with date links, prepositions, a label's colon, words
/// qualifying the meeting and its number between them (`Annual Conference
/// August 11-13`, `sesión de 13 de octubre`, `séance du 3 mars`, `prochaine
/// réunion : 4 mai`, `sesión extraordinaria de 19 de diciembre`, `Sesión
/// Ordinaria Nº 10 del 24 de abril`, `meeting held on the 25 July`, `le
/// dernier Conseil en date du 6 mai`): the date is the day it was held.
fn names_event(before: &str, lex: &Lexicons) -> bool {
    // A label's colon parts the meeting from its day, a weekday may open
    // the day (`the next meeting: Thursday 14 July`, `Séance : 3 mars`).
    let mut head = before.trim_end();
    // A phrase ending `head` on a word boundary: what is left before it.
    let without = |head: &'_ str, phrase: &str| -> Option<usize> {
        let rest = head.strip_suffix(phrase)?;
        (rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
            .then(|| rest.trim_end().len())
    };
    // A day set in brackets after its meeting's name is that meeting's
    // (`the 105th Congress (20-23 November 2023, Paris)`).
    for _ in 0..MEETING_REACH {
        head = head.trim_end_matches([':', ',', '(']).trim_end();
        let last = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if last.is_empty() || head.len() == last.len() {
            break;
        }
        let link = lex
            .each(|l| l.date_links)
            .chain(lex.each(|l| l.date_prepositions))
            .chain(lex.each(|l| l.range_openers))
            .chain(lex.each(|l| l.dating_links))
            .filter_map(|phrase| without(head, phrase))
            .min();
        let weekday = lex.weekday(last).is_some();
        let qualifier = lex
            .each(|l| l.meeting_qualifiers)
            .any(|word| unaccented(word) == unaccented(last));
        if let Some(rest) = link {
            head = &head[..rest];
        } else if weekday || qualifier {
            head = head[..head.len() - last.len()].trim_end();
        } else if last.chars().all(|c| c.is_ascii_digit()) {
            // The meeting's number after its sign (`Nº 10`, `n°11`, `Nº
            // 2017/9`).
            let rest = head[..head.len() - last.len()]
                .trim_end_matches(|c: char| {
                    c.is_ascii_digit() || matches!(c, '/' | '.' | '-' | '°' | 'º')
                })
                .trim_end();
            let sign = rest
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if sign.is_empty() || !lex.has(|l| l.reference_words, sign) {
                break;
            }
            head = rest[..rest.len() - sign.len()].trim_end();
        } else {
            break;
        }
    }
    let head = head.trim_end_matches(':').trim_end();
    lex.each(|l| l.event_nouns).any(|noun| {
        head.strip_suffix(noun)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '(', '-']))
    })
}

/// Most words (links, qualifiers, a number) read back from a date to the
/// meeting's noun that names it.
const MEETING_REACH: usize = 6;

/// How many words before a date a dateline word may stand (`Édition du
/// mardi 8 novembre`, `Date de convocation : 11 septembre`).
const DATELINE_REACH: usize = 4;

/// Whether a date is a posting date rather than an event's: a dateline
/// word before it (`Édition du 7 novembre 2017`, `Posted on 3 March`), or
/// a line that is the date alone and ends in a comma (`Le 23 février
/// 2026,` over the headline of the item it dates).
fn is_dateline(lower: &str, before: &str, after: &str, lex: &Lexicons) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let before_words = words(before);
    // The dateline word stands right before the date (`Édition du mardi 8
    // novembre`), not anywhere earlier in a sentence (`en esta edición
    // anunciamos … su reunión del 4 de julio`).
    let near = &before_words[before_words.len().saturating_sub(DATELINE_REACH)..];
    let posted = lex.each(|l| l.dateline_words).any(|word| {
        let word: Vec<&str> = word.split_whitespace().collect();
        near.windows(word.len())
            .any(|window| window.iter().map(String::as_str).eq(word.iter().copied()))
    });
    let date_alone = lower.trim_end().ends_with(',')
        && words(after).is_empty()
        && before_words
            .iter()
            .all(|word| lex.has(|l| l.date_prepositions, word));
    posted || date_alone
}

/// Whether a date is a news wire's dateline: the place in capitals, a
/// comma, the day, then the wire's slash or a dash (`OTTAWA, ON, le 6 mai
/// 2025 /CNW/ -`, `LOS ANGELES, Nov. 7, 2018 /PRNewswire/`). `before` is the
/// line before the date as printed (not folded), where capitals still show.
fn is_wire_dateline(before: &str, after: &str) -> bool {
    // The place follows whatever ends before it (a number, a sentence).
    let tail = before
        .rsplit(|c: char| c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | ':'))
        .next()
        .unwrap_or(before);
    let place: Vec<&str> = tail
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    let capitals = place
        .iter()
        .filter(|word| word.chars().count() >= 2 && word.chars().all(char::is_uppercase))
        .count();
    // A preposition may stand between the place and the day (`le`, `el`).
    let lower_words = place.len() - capitals;
    capitals >= 1
        && lower_words <= 1
        && tail.contains(',')
        && (after.starts_with('/') || after.starts_with(['-', '–', '—']))
}

/// Whether line `index` reads as cells: a table row, or a line that sets
/// parts apart with a pipe (`Bélgica | 12—15 junio de 2023`).
fn has_cells(text: &Text, index: usize) -> bool {
    text.row(index).is_some()
        || text
            .lines
            .get(index)
            .is_some_and(|line| line.text.contains('|'))
}

/// The cells of line `index`: a table row's ([`Text::cells`]), else the
/// parts a pipe sets apart (without the empty edges); a list bullet before
/// the first cell is dropped.
fn cells(text: &Text, index: usize) -> Vec<&str> {
    if text.row(index).is_some() {
        let mut row = text.cells(index);
        if let Some(first) = row.first_mut() {
            *first = first.strip_prefix("- ").unwrap_or(first).trim();
        }
        return row;
    }
    let line = text.lines.get(index).map_or("", |line| line.text);
    let trimmed = line.trim();
    let inner = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    let parts: Vec<&str> = inner.split('|').map(str::trim).collect();
    let start = usize::from(parts.first().is_some_and(|c| c.is_empty()) && inner.starts_with('|'));
    let end = parts.len() - usize::from(inner.ends_with('|') && parts.len() > start);
    parts
        .get(start..end)
        .map(<[&str]>::to_vec)
        .unwrap_or_default()
}

/// A `| Month | • event • event |` row starting at `index`, possibly
/// continued on following bullet lines. Returns how many lines it used.
fn calendar_row(
    text: &Text,
    index: usize,
    year: Option<u16>,
    lex: &Lexicons,
    events: &mut Vec<CalendarEvent>,
) -> Option<usize> {
    let line = text.lines.get(index)?;
    let raw = line.text;
    if !has_cells(text, index) {
        return None;
    }
    let row = cells(text, index);
    // The month opens the row, or closes it in a table whose columns run
    // right to left (`• event • event | February`).
    let (month, row_year, rest) = match row.split_first() {
        Some((first, rest)) if month_cell(first, year, lex).is_some() => {
            let (month, row_year) = month_cell(first, year, lex)?;
            (month, row_year, rest)
        }
        // A row of month names (a Gantt table's header) is no such row, nor
        // is a lone line that ends on a month (a masthead's `Nº 327 |
        // SEPTIEMBRE 2019`, repeated page after page): a calendar's month
        // column names another month on a row near it.
        _ => {
            let (month, row_year) = closing_month(text, index, year, lex)?;
            let calendar_near = (index.saturating_sub(CLOSING_MONTH_REACH)
                ..=index + CLOSING_MONTH_REACH)
                .filter(|&near| near != index)
                .filter_map(|near| closing_month(text, near, year, lex))
                .any(|(other, _)| other != month);
            let rest = row.split_last().map_or(&[][..], |(_, rest)| rest);
            calendar_near.then_some((month, row_year, rest))?
        }
    };
    // A row whose next cell is the full date of a day of its month (`March
    // | 2 March | Opening session`) dates its event to that day.
    let day_cell = rest
        .first()
        .and_then(|cell| full_date(plain(cell).trim(), lex))
        .filter(|(day, _, _)| {
            day.month == month && day.day.is_some() && day.year.is_none_or(|y| Some(y) == row_year)
        });
    let (rest, day, end) = match day_cell {
        Some((day, end, _)) => (rest.get(1..).unwrap_or_default(), day.day, end),
        None => (rest, None, None),
    };
    // A drawn cell whose lines stand a paragraph's space apart holds an
    // event per paragraph: the producer broke the events onto lines of their
    // own, as a text's `<br>` does.
    let page_row = text.row(index);
    let pieces: Vec<String> = rest
        .iter()
        .map(|cell| {
            let parts = page_row
                .and_then(|row| row.cells.iter().find(|c| c.text().trim() == cell.trim()))
                .map(geometry::paragraphs)
                .unwrap_or_default();
            if parts.len() > 1 {
                parts.join(" • ")
            } else {
                (*cell).to_owned()
            }
        })
        .collect();
    let mut body = pieces.join(" ");
    let mut used = 1;
    let open = raw.trim_start().starts_with('|') && !raw.trim_end().ends_with('|');
    let mut continued = open;
    while continued || next_is_continuation(text, index + used) {
        let Some(next) = text.lines.get(index + used) else {
            break;
        };
        if is_blank(next.text) {
            break;
        }
        let trimmed = next.text.trim();
        body.push_str(" • ");
        body.push_str(trimmed.trim_end_matches('|'));
        used += 1;
        continued = continued && !trimmed.ends_with('|');
    }
    let date = EventDate {
        year: row_year,
        month,
        day,
    };
    let end = end.map(|end| EventDate {
        year: end.year.or(row_year),
        ..end
    });
    for piece in BREAK.split(&body) {
        let cleaned = plain(piece.trim_end_matches('|'));
        let cleaned = cleaned.trim().trim_end_matches('|').trim();
        if cleaned.is_empty() {
            continue;
        }
        events.push(CalendarEvent {
            end,
            ..cell_event(&line, date, cleaned, lex)
        });
    }
    Some(used)
}

/// How many lines away a right-to-left calendar row looks for another row
/// closing on a month (a row's events may wrap over several lines).
const CLOSING_MONTH_REACH: usize = 12;

/// The month and year that close the cells of line `index` (`• event |
/// February`), when no other cell of the line names a month (a Gantt
/// header) and some cell comes before it.
fn closing_month(
    text: &Text,
    index: usize,
    year: Option<u16>,
    lex: &Lexicons,
) -> Option<(u8, Option<u16>)> {
    if !has_cells(text, index) {
        return None;
    }
    let row = cells(text, index);
    let (last, rest) = row.split_last()?;
    let names_months = rest
        .iter()
        .any(|cell| month_cell(cell, year, lex).is_some());
    (!rest.is_empty() && !names_months)
        .then(|| month_cell(last, year, lex))
        .flatten()
}

/// The month and year a calendar row's key cell names (`Febrero`, `March
/// 2019`), the year `year` when the cell prints none; `None` for a cell
/// that holds anything else.
fn month_cell(cell: &str, year: Option<u16>, lex: &Lexicons) -> Option<(u8, Option<u16>)> {
    let cell = plain(cell);
    let mut words = cell.split_whitespace();
    let month = lex.month(words.next()?)?;
    let row_year = match words.next() {
        Some(word) => Some(word.parse::<u16>().ok()?),
        None => year,
    };
    words.next().is_none().then_some((month, row_year))
}

/// A month alone on its line (`February`, `**March 2019**`, `Juin :`) over
/// the list of its events: every list item below it (a bullet line, and
/// the lines its item's block wraps onto) is an event of that month, blank
/// lines between items allowed, up to the first line that is neither. A
/// calendar set as a heading per month instead of a table row per month.
/// Returns how many lines it used; `None` when no item follows the month.
fn month_list(
    text: &Text,
    index: usize,
    year: Option<u16>,
    lex: &Lexicons,
    events: &mut Vec<CalendarEvent>,
) -> Option<usize> {
    if has_cells(text, index) {
        return None;
    }
    let line = text.lines.get(index)?;
    let (month, month_year) = month_alone(line.plain, lex)?;
    let month_year = month_year.or(year);
    // (line of the item's bullet, the item's text)
    let mut items: Vec<(usize, String)> = Vec::new();
    let mut at = index + 1;
    let mut end = index + 1;
    while let Some(next) = text.lines.get(at) {
        if is_blank(next.text) {
            at += 1;
            continue;
        }
        if month_alone(next.plain, lex).is_some() {
            break;
        }
        let flat = next.plain;
        // A line of the item's block that goes on with its sentence: it
        // starts in lower case, or the item so far ends on a function word
        // (`… and Local and` / `Regional Governments Forum`). A capital
        // after a finished phrase opens a paragraph the page model left in
        // the list (`Other: …` under the last event).
        let wraps_item = items.last().is_some_and(|(first, item)| {
            let same_block = text.block_of(*first).is_some_and(|block| {
                matches!(block.kind, crate::page::BlockKind::ListItem) && block.lines.contains(&at)
            });
            let goes_on = flat
                .trim()
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || !c.is_alphabetic())
                || item.split_whitespace().last().is_some_and(|word| {
                    let word = word.to_lowercase();
                    FUNCTION_WORDS
                        .iter()
                        .any(|(_, words)| words.contains(&word.as_str()))
                });
            same_block && goes_on
        });
        match bullet(flat.trim()) {
            Some(item) if !item.text.trim().is_empty() => {
                items.push((at, item.text.trim().to_owned()));
            }
            _ if wraps_item => {
                if let Some((_, item)) = items.last_mut() {
                    item.push(' ');
                    item.push_str(flat.trim());
                }
            }
            _ => break,
        }
        at += 1;
        end = at;
    }
    if items.is_empty() {
        return None;
    }
    let date = EventDate {
        year: month_year,
        month,
        day: None,
    };
    for (first, item) in items {
        if let Some(item_line) = text.lines.get(first) {
            events.push(cell_event(&item_line, date, &item, lex));
        }
    }
    Some(end - index)
}

/// The month (and the year printed after it) of a line that holds nothing
/// else (`February`, `**Marzo 2019**`, `Juin :`), given without its markup
/// ([`plain`], worked out once for every line).
fn month_alone(flat: &str, lex: &Lexicons) -> Option<(u8, Option<u16>)> {
    let head = flat.trim().trim_end_matches(':').trim_end();
    let mut words = head.split_whitespace();
    let month = lex.month(words.next()?)?;
    let year = match words.next() {
        Some(word) => Some(word.parse::<u16>().ok()?),
        None => None,
    };
    words.next().is_none().then_some((month, year))
}

/// A line that continues a tab-separated calendar row: a bullet on its own.
fn next_is_continuation(text: &Text, index: usize) -> bool {
    text.lines
        .get(index)
        .is_some_and(|line| line.text.trim_start().starts_with('•'))
}

/// A line that starts with a date and goes on with text, or holds a date
/// as a cell of its own; with the events of the other days of a list of
/// days apart opening it.
fn dated_line(
    text: &Text,
    index: usize,
    year: Option<u16>,
    headings: &[Heading],
    lex: &Lexicons,
) -> Option<(CalendarEvent, Vec<CalendarEvent>)> {
    let line = text.lines.get(index)?;
    let raw = line.text;
    let body = bullet(raw).map_or(raw, |b| b.text);
    let flat = plain(body);
    if has_cells(text, index) {
        let row = cells(text, index);
        if names_months(&row, lex) {
            return None;
        }
        let position = row
            .iter()
            .position(|cell| full_date(&plain(cell), lex).is_some())?;
        let cell = plain(row.get(position)?);
        let (start, end, tbc) = full_date(&cell, lex)?;
        let mut parts: Vec<String> = Vec::new();
        if let Some(heading) = heading_just_before(text, index, headings) {
            parts.push(heading.title.clone());
        }
        parts.extend(
            row.iter()
                .enumerate()
                .filter(|(i, c)| *i != position && !c.is_empty())
                .map(|(_, c)| plain(c)),
        );
        if parts.is_empty() {
            return None;
        }
        return Some((
            event(&line, start, end, parts.join(" | "), tbc, year),
            Vec::new(),
        ));
    }
    let (start, end, note_tbc, rest) = line_date(&flat, lex)
        .or_else(|| listed_date(text, index, &flat, lex))
        .or_else(|| labelled_date(text, index, &flat, year, lex))?;
    let tbc = note_tbc || is_tbc(&rest, lex);
    let first = event(&line, start, end, without_tbc_note(&rest, lex), tbc, year);
    let more = line_list(&flat, lex)
        .unwrap_or_default()
        .into_iter()
        .map(|day| CalendarEvent {
            start: EventDate {
                year: day.year.or(first.start.year),
                ..day
            },
            end: None,
            ..first.clone()
        })
        .collect();
    Some((first, more))
}

/// Whether a table row names months rather than dates something: two cells
/// or more made of month names only, three months in all (a year grid's
/// header, `Jan Feb | Mar | Apr May`, its columns merged or not). A month
/// alone in one of its cells is a column's name, not the row's date.
fn names_months(row: &[&str], lex: &Lexicons) -> bool {
    let months: Vec<usize> = row
        .iter()
        .map(|cell| {
            let cell = plain(cell);
            let words: Vec<&str> = cell.split_whitespace().collect();
            let all_months = !words.is_empty() && words.iter().all(|w| lex.month(w).is_some());
            if all_months {
                words.len()
            } else {
                0
            }
        })
        .filter(|&count| count > 0)
        .collect();
    months.len() >= 2 && months.iter().sum::<usize>() >= 3
}

/// The date opening a line and the text after its separator: the seeds'
/// shapes first, then every shape of the [`dates`] module.
fn line_date(flat: &str, lex: &Lexicons) -> Option<(EventDate, Option<EventDate>, bool, String)> {
    // What follows a date and its separator labels it, unless it is
    // another date alone: the line is then a span from one to the other
    // (`April 2015 – March 2016` under a report's title, its period), no
    // day with what happens on it.
    let date_alone = |rest: &str| {
        let folded = fold(rest);
        dates::date_at_start(&folded, lex).is_some_and(|found| {
            !folded
                .get(found.to..)
                .unwrap_or_default()
                .chars()
                .any(char::is_alphanumeric)
        })
    };
    let rest_after = |after: &str| {
        SEPARATOR
            .captures(after)
            .and_then(|caps| caps.name("rest"))
            .map(|rest| rest.as_str().trim().to_owned())
            .filter(|rest| !date_alone(rest))
    };
    let old = line_date_pattern(lex).captures(flat).and_then(|caps| {
        // Days apart joined by a conjunction are a list (see `line_list`),
        // not the seeds' range.
        if line_list(flat, lex).is_some() {
            return None;
        }
        let (start, end, tbc) = date_of(&caps, lex)?;
        let rest = rest_after(flat.get(caps.get(0)?.end()..)?)?;
        Some((start, end, tbc, rest))
    });
    old.or_else(|| {
        let folded = fold(flat).into_owned();
        let found = dates::date_at_start(&folded, lex)?;
        let rest = rest_after(folded.get(found.to..)?)?;
        Some((found.start, found.end, false, rest))
    })
}

/// The days after the first of a list of days apart opening a line (`3
/// and 17 June: Board meeting`), each its own event; `None` when the
/// line opens on no such list.
fn line_list(flat: &str, lex: &Lexicons) -> Option<Vec<EventDate>> {
    let folded = fold(flat);
    let found = dates::date_at_start(&folded, lex)?;
    let more: Vec<EventDate> = found.more_days().collect();
    (!more.is_empty()).then_some(more)
}

/// A line of a list of days, each opening on its date with no separator
/// before what happens that day (`4th January Full Parish Meeting` /
/// `1st February …`): the date, and the words after it, which open on a
/// capital. Another line opening on a date stands within
/// [`DATE_LIST_REACH`] lines of text around it.
fn listed_date(
    text: &Text,
    index: usize,
    flat: &str,
    lex: &Lexicons,
) -> Option<(EventDate, Option<EventDate>, bool, String)> {
    let (start, end, rest) = opening_date(flat, lex)?;
    let rest = rest.trim_start_matches([',', ' ']).trim();
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    near_line_is(text, index, |body| opening_date(body, lex).is_some())
        .then(|| (start, end, false, rest.to_owned()))
}

/// Whether a line of text within [`DATE_LIST_REACH`] of line `index` says
/// `is` of its plain body (its bullet set aside): another line of a list.
fn near_line_is(text: &Text, index: usize, is: impl Fn(&str) -> bool) -> bool {
    text_lines_around(text, index).iter().any(|&i| {
        text.lines.get(i).is_some_and(|line| {
            let body = bullet(line.text).map_or(line.text, |b| b.text);
            is(&plain(body))
        })
    })
}

/// A line of a list of labelled days, what happens before a colon and its
/// date closing the line (`Training: October 3 – November 30` / `Board:
/// 5 June (to be confirmed)`): the date, its note, and the label. A
/// calendar is often set so, and the label need not name a meeting: a line
/// of the same shape within [`DATE_LIST_REACH`] lines around it makes the
/// lines a list. The date needs a day and a year, its own or the one the
/// heading or document gives (`year`).
fn labelled_date(
    text: &Text,
    index: usize,
    flat: &str,
    year: Option<u16>,
    lex: &Lexicons,
) -> Option<(EventDate, Option<EventDate>, bool, String)> {
    let labelled = label_and_date(flat, lex)?;
    labelled.start.year.or(year)?;
    near_line_is(text, index, |body| label_and_date(body, lex).is_some()).then_some((
        labelled.start,
        labelled.end,
        labelled.tbc,
        labelled.label,
    ))
}

/// Whether a span runs more than a month: a reporting period (`from 1
/// September 2024 to 31 March 2025`), not an event a sentence places.
fn longer_than_a_month(start: EventDate, end: Option<EventDate>) -> bool {
    end.is_some_and(|end| span_days(start, end) > MONTH_DAYS)
}

/// About how many days a span runs, each month counted as 31 days.
/// Printed without years, an end before the start runs into the next year
/// (`from July 1 to June 30` is a fiscal year).
fn span_days(start: EventDate, end: EventDate) -> i32 {
    let ordinal = |d: EventDate| {
        i32::from(d.year.unwrap_or(0)) * 372
            + i32::from(d.month) * 31
            + i32::from(d.day.unwrap_or(1))
    };
    let length = ordinal(end) - ordinal(start);
    if length < 0 && end.year.is_none() {
        length + 372
    } else {
        length
    }
}

/// The days of a month, as [`span_days`] counts them.
const MONTH_DAYS: i32 = 31;

/// Most days of a labelled day's span (a quarter, as [`span_days`] counts
/// them): a call or a campaign runs weeks (`Call for proposals: October 3 –
/// November 30`); a longer span is a period, whatever its label.
const LABELLED_SPAN_DAYS: i32 = 93;

/// A day a label names, read by [`label_and_date`].
#[derive(Debug, PartialEq)]
struct LabelledDay {
    label: String,
    start: EventDate,
    end: Option<EventDate>,
    tbc: bool,
}

/// Most words of a label before a day's colon (`Regional training for
/// mayors:`); a longer head is a sentence.
const DAY_LABEL_WORDS: usize = 8;

/// `flat` as a label, a colon and a day closing it (a to-be-confirmed note
/// may follow the day). A label that names a date (`Date:`, `Fecha:`), the
/// day a page was posted (`Published:`) or a span of time (`Reporting
/// period:`) gives the line's own date, not what happens on it; a list of
/// days apart is left to the readers of such lists.
fn label_and_date(flat: &str, lex: &Lexicons) -> Option<LabelledDay> {
    // Asked of the lines around every line with a colon: the day after the
    // colon needs a digit (every date opens a number, and folding makes
    // none), so a line without one is let go before its label is read.
    if !flat
        .split_once(':')
        .is_some_and(|(_, after)| has_digit(after))
    {
        return None;
    }
    read_label_and_date(flat, lex)
}

/// [`label_and_date`] without its test of digits.
fn read_label_and_date(flat: &str, lex: &Lexicons) -> Option<LabelledDay> {
    let (label, after) = flat.split_once(':')?;
    let label = label.trim();
    if !label.chars().any(char::is_alphabetic) || word_count(label) > DAY_LABEL_WORDS {
        return None;
    }
    let folded_label = fold(label).to_lowercase();
    let names_a_day = lex
        .each(|l| l.date_labels)
        .chain(lex.each(|l| l.posting_labels))
        .chain(lex.each(|l| l.period_labels))
        .any(|phrase| holds_phrase(&folded_label, phrase));
    if names_a_day {
        return None;
    }
    let folded = fold(after);
    let found = dates::date_at_start(&folded, lex)?;
    found.start.day?;
    if found.more_days().next().is_some() {
        return None;
    }
    let rest = folded.get(found.to..)?;
    if without_tbc_note(rest, lex)
        .chars()
        .any(char::is_alphanumeric)
    {
        return None;
    }
    if found
        .end
        .is_some_and(|end| span_days(found.start, end) > LABELLED_SPAN_DAYS)
    {
        return None;
    }
    Some(LabelledDay {
        label: label.to_owned(),
        start: found.start,
        end: found.end,
        tbc: is_tbc(rest, lex),
    })
}

/// Lines of text within [`DATE_LIST_REACH`] of line `index` on either side,
/// blank lines not counted.
fn text_lines_around(text: &Text, index: usize) -> Vec<usize> {
    let filled = |i: &usize| text.lines.get(*i).is_some_and(|l| !is_blank(l.text));
    let before = (0..index).rev().filter(filled).take(DATE_LIST_REACH);
    let after = (index + 1..text.lines.len())
        .filter(filled)
        .take(DATE_LIST_REACH);
    before.chain(after).collect()
}

/// How many lines of text around a line a list of days is looked for in.
const DATE_LIST_REACH: usize = 2;

/// The date a line opens on, a day at least, its weekday allowed before it
/// (`Tuesday 12th January`), and the text after it.
fn opening_date(flat: &str, lex: &Lexicons) -> Option<(EventDate, Option<EventDate>, String)> {
    // Asked of the lines around many lines: a date needs a digit, and
    // neither folding nor a weekday set aside makes one.
    if !has_digit(flat) {
        return None;
    }
    read_opening_date(flat, lex)
}

/// [`opening_date`] without its test of digits.
fn read_opening_date(flat: &str, lex: &Lexicons) -> Option<(EventDate, Option<EventDate>, String)> {
    let folded = fold(flat).into_owned();
    let trimmed = folded.trim_start();
    let first = trimmed.split_whitespace().next().unwrap_or("");
    let folded = if lex
        .weekday(&first.trim_end_matches(',').to_lowercase())
        .is_some()
    {
        trimmed[first.len()..].trim_start_matches(',').to_owned()
    } else {
        folded
    };
    let found = dates::date_at_start(&folded, lex)?;
    found.start.day?;
    Some((found.start, found.end, folded.get(found.to..)?.to_owned()))
}

/// Whether line `index` is a short line printing a year (`2021 Meeting
/// Dates`) over a list of days: the year dates the days printed without
/// one, as a heading's does.
fn heads_a_date_list(text: &Text, index: usize, lex: &Lexicons) -> bool {
    let Some(line) = text.lines.get(index) else {
        return false;
    };
    let flat = line.plain;
    // Asked of every line: the cheap tests first, the fold only for a short
    // line that prints a year.
    word_count(flat) <= HEADING_YEAR_WORDS
        && dates::heading_year(flat).is_some()
        && dates::find_dates(&fold(flat), lex).is_empty()
        && text_lines_around(text, index)
            .into_iter()
            .find(|&i| i > index)
            .and_then(|i| text.lines.get(i))
            .is_some_and(|next| {
                let body = bullet(next.text).map_or(next.text, |b| b.text);
                opening_date(&plain(body), lex).is_some()
            })
}

/// Most words of a line whose year dates the list of days under it.
const HEADING_YEAR_WORDS: usize = 6;

/// The heading right above `index` (only blank lines between), if any.
fn heading_just_before<'h>(
    text: &Text,
    index: usize,
    headings: &'h [Heading],
) -> Option<&'h Heading> {
    let previous = (0..index)
        .rev()
        .find(|&i| text.lines.get(i).is_some_and(|l| !is_blank(l.text)))?;
    headings.iter().find(|h| h.last == previous)
}

fn event(
    line: &crate::normalize::Line,
    mut start: EventDate,
    mut end: Option<EventDate>,
    text: String,
    to_be_confirmed: bool,
    year: Option<u16>,
) -> CalendarEvent {
    start.year = start.year.or(year);
    if let Some(end) = end.as_mut() {
        end.year = end.year.or(start.year);
    }
    CalendarEvent {
        start,
        end,
        text,
        to_be_confirmed,
        page: line.page,
        line: line.number,
    }
}

/// One event of a calendar table's cell, dated by its row or label, with
/// its to-be-confirmed note read off.
fn cell_event(
    line: &crate::normalize::Line,
    start: EventDate,
    cell: &str,
    lex: &Lexicons,
) -> CalendarEvent {
    CalendarEvent {
        start,
        end: None,
        text: without_tbc_note(cell, lex),
        to_be_confirmed: is_tbc(cell, lex),
        page: line.page,
        line: line.number,
    }
}

/// A cell that is a date and nothing else.
fn full_date(cell: &str, lex: &Lexicons) -> Option<(EventDate, Option<EventDate>, bool)> {
    // A weekday may open the cell (`Mardi 16 janvier 2024 | 19 h 30`).
    let cell = cell.trim_start();
    let first = cell.split_whitespace().next().unwrap_or("");
    let cell = if lex
        .weekday(&first.trim_end_matches([',', '.']).to_lowercase())
        .is_some()
    {
        cell[first.len()..].trim_start()
    } else {
        cell
    };
    let caps = line_date_pattern(lex).captures(cell)?;
    if caps.get(0)?.end() != cell.len() {
        return None;
    }
    date_of(&caps, lex)
}

/// Start, end and "to be confirmed" from a [`DATE`] match.
fn date_of(
    caps: &regex::Captures<'_>,
    lex: &Lexicons,
) -> Option<(EventDate, Option<EventDate>, bool)> {
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u8>().ok());
    let month = |name: &str| caps.name(name).and_then(|m| lex.month(m.as_str()));
    let year = caps
        .name("year")
        .and_then(|m| m.as_str().parse::<u16>().ok());
    let tbc = caps.name("note").is_some_and(|m| is_tbc(m.as_str(), lex));
    let valid = |day: Option<u8>| day.is_none_or(|d| (1..=31).contains(&d));
    let (start, end) = if let Some(m2) = month("m2") {
        let d1 = number("d1");
        let m1 = month("m1").unwrap_or(m2);
        let start = EventDate {
            year,
            month: m1,
            day: d1,
        };
        let end = number("d2").map(|d2| EventDate {
            year,
            month: m2,
            day: Some(d2),
        });
        if !(valid(d1) && valid(end.and_then(|e| e.day))) {
            return None;
        }
        (start, end)
    } else {
        let m3 = month("m3")?;
        let d3 = number("d3");
        let start = EventDate {
            year,
            month: m3,
            day: d3,
        };
        let end = match (number("d4"), month("m4")) {
            (Some(d4), _) => Some(EventDate {
                year,
                month: m3,
                day: Some(d4),
            }),
            (None, Some(m4)) => Some(EventDate {
                year,
                month: m4,
                day: None,
            }),
            (None, None) => None,
        };
        if !valid(d3) {
            return None;
        }
        (start, end)
    };
    Some((start, end, tbc))
}

/// The text without a parenthesized "to be confirmed" note: `Forum (tbc)` → `Forum`.
fn without_tbc_note(text: &str, lex: &Lexicons) -> String {
    NOTE.replace_all(text, |caps: &regex::Captures<'_>| {
        let note = caps.name("note").map_or("", |m| m.as_str());
        if is_tbc(note, lex) {
            String::new()
        } else {
            caps.get(0).map_or("", |m| m.as_str()).to_owned()
        }
    })
    .trim()
    .to_owned()
}

/// Whether `text` says "to be confirmed" in one of the phrasings of `lex`.
pub fn is_tbc(text: &str, lex: &Lexicons) -> bool {
    let lower = fold(text).to_lowercase();
    lex.each(|l| l.to_be_confirmed)
        .any(|phrase| holds_phrase(&lower, phrase))
}

/// Whether `text` holds an ASCII digit: what [`dates::find_dates`] needs of
/// a text before it can find any date in it.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|byte| byte.is_ascii_digit())
}

/// Whether `phrase` stands in `lower` as whole words.
fn holds_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Words a date may be read from, in every language of the lexicons:
    /// months, weekdays, date links, ordinal endings, number words, labels,
    /// with typographic marks that fold and a few numbers.
    fn date_words() -> Vec<String> {
        let lex = Lexicons::all();
        let mut words: Vec<String> = lex
            .each(|l| l.months)
            .chain(lex.each(|l| l.weekdays))
            .map(|(word, _)| (*word).to_owned())
            .chain(
                lex.each(|l| l.number_words)
                    .map(|(word, _)| (*word).to_owned()),
            )
            .chain(
                lex.each(|l| l.date_links)
                    .chain(lex.each(|l| l.ordinal_suffixes))
                    .chain(lex.each(|l| l.range_joiners))
                    .chain(lex.each(|l| l.date_labels))
                    .chain(lex.each(|l| l.posting_labels))
                    .map(|word| (*word).to_owned()),
            )
            .collect();
        for mark in [
            ":",
            ",",
            "-",
            "–",
            "—",
            "’",
            "«",
            "»",
            "(tbc)",
            "\u{a0}",
            "Meeting",
            "Séance",
            "Board",
            "Pleno",
            "12",
            "3rd",
            "1er",
            "2021",
            "05/04/2031",
            "31.",
            "20",
        ] {
            words.push(mark.to_owned());
        }
        words
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The test of digits before a label's day and before a line's
        /// opening date lets go of no line either reader takes.
        #[test]
        fn the_digit_gates_reject_no_date(
            picked in proptest::collection::vec(proptest::sample::select(date_words()), 1..10),
            upper in any::<bool>(),
        ) {
            let lex = Lexicons::all();
            let line = picked.join(" ");
            let line = if upper { line.to_uppercase() } else { line };
            prop_assert_eq!(label_and_date(&line, &lex), read_label_and_date(&line, &lex));
            prop_assert_eq!(opening_date(&line, &lex), read_opening_date(&line, &lex));
            let glued = picked.concat();
            prop_assert_eq!(label_and_date(&glued, &lex), read_label_and_date(&glued, &lex));
            prop_assert_eq!(opening_date(&glued, &lex), read_opening_date(&glued, &lex));
        }
    }

    #[test]
    fn minutes_phrases_are_whole_words_read_as_match_indices_reads_them() {
        // Each phrase alone, as `str::match_indices` gives its occurrences.
        let one_by_one = |flat: &str, phrases: &[&str]| {
            phrases.iter().any(|phrase| {
                flat.match_indices(phrase).any(|(at, _)| {
                    let before = flat[..at].chars().next_back();
                    let after = flat[at + phrase.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
        };
        let phrases = ["a a", "acta", "acta de", "compte rendu", "minutes"];
        let automaton = AhoCorasick::new(phrases).expect("test phrases compile");
        for flat in [
            "ba a a",
            "a a",
            "x a a a",
            "acta de la reunion",
            "actas",
            "exacta de",
            "compte rendu du conseil",
            "les comptes rendus",
            "draft minutes:",
            "",
        ] {
            assert_eq!(
                line_names_record(flat, &automaton),
                one_by_one(flat, &phrases),
                "{flat:?}"
            );
        }
        assert!(!line_names_record("ba a a", &automaton));
        assert!(line_names_record(
            &flat_line("ACTA DE LA REUNIÓN"),
            &automaton
        ));
    }

    fn session(year: u16, month: u8, day: u8) -> CalendarEvent {
        CalendarEvent {
            start: EventDate {
                year: Some(year),
                month,
                day: Some(day),
            },
            end: None,
            text: format!("session of {day}/{month}/{year}"),
            to_be_confirmed: false,
            page: 1,
            line: u32::from(month),
        }
    }

    #[test]
    fn a_schedule_of_sessions_over_months_dates_its_document() {
        let year: Vec<CalendarEvent> = [(1, 24), (2, 21), (3, 28), (4, 25), (5, 23)]
            .into_iter()
            .map(|(month, day)| session(2031, month, day))
            .collect();
        let period = schedule_period(&year).expect("a year of sessions");
        assert_eq!(
            (period.start, period.end, period.label.as_str()),
            (2031, 2031, "2031")
        );
        // A season running over the new year spans both years.
        let season: Vec<CalendarEvent> = [(2031, 9), (2031, 11), (2032, 1), (2032, 3)]
            .into_iter()
            .map(|(year, month)| session(year, month, 12))
            .collect();
        let period = schedule_period(&season).expect("a season");
        assert_eq!((period.start, period.end), (2031, 2032));
        // A congress's week, a few dates in passing, or dates strewn over
        // years date nothing.
        let week: Vec<CalendarEvent> = (9..14).map(|day| session(2031, 11, day)).collect();
        assert_eq!(schedule_period(&week), None);
        assert_eq!(schedule_period(&year[..3]), None);
        let strewn = vec![
            session(2029, 1, 2),
            session(2030, 4, 2),
            session(2031, 6, 2),
            session(2031, 8, 2),
        ];
        assert_eq!(schedule_period(&strewn), None);
        // Dates named together in one paragraph are no schedule.
        let paragraph: Vec<CalendarEvent> = year
            .iter()
            .cloned()
            .map(|event| CalendarEvent { line: 7, ..event })
            .collect();
        assert_eq!(schedule_period(&paragraph), None);
    }

    fn time(year: u16) -> DocumentTime {
        DocumentTime {
            year: Some(year),
            report_end: None,
            today: None,
            span: None,
        }
    }

    #[test]
    fn a_head_scan_answers_as_reading_every_line_above() {
        let text = Text::from_plain("Informe\nACTA DE LA REUNIÓN\nJunta\n\nOrden del día");
        // The scan hands `says` each line's flat form, lowered.
        let says = |line: &str| line.starts_with("acta");
        let mut scan = HeadScan::default();
        // Down the head, then up again (the scan reads afresh).
        for index in [0, 1, 2, 4, 5, 1, 3, 0] {
            let whole = text
                .lines
                .get(..index)
                .unwrap_or_default()
                .iter()
                .any(|line| says(&flat_line(line.plain)));
            assert_eq!(scan.above(&text, index, says), whole, "above line {index}");
        }
    }

    /// Start month and day, end, text and "to be confirmed" of an event.
    type Summary<T> = (u8, Option<u8>, Option<(u8, Option<u8>)>, T, bool);

    fn one(line: &str) -> Option<Summary<String>> {
        let text = Text::from_plain(line);
        let events = extract_calendar(&text, time(2019), &[], &Lexicons::all()).events;
        events.first().map(|e| {
            (
                e.start.month,
                e.start.day,
                e.end.map(|end| (end.month, end.day)),
                e.text.clone(),
                e.to_be_confirmed,
            )
        })
    }

    /// A list of days, each opening its line with no separator before what
    /// happens (`3rd March Town Meeting`), and a short line printing a year
    /// over bulleted days without one (`2031 Meeting Dates` / `• Monday 6th
    /// January`): each day is an event, in the year above it.
    #[test]
    fn lists_of_days_without_separators() {
        let source = "Meetings of the Board\n\n\
                      3rd March Town Meeting\n\
                      7th April Budget Review\n\
                      5th May Annual Assembly\n\n\
                      2031 Meeting Dates\n\n\
                      \u{2022} Monday 6th January\n\n\
                      \u{2022} Monday 3rd February\n";
        let text = Text::from_plain(source);
        let events = extract_calendar(&text, time(2030), &[], &Lexicons::all()).events;
        let dates: Vec<(Option<u16>, u8, Option<u8>)> = events
            .iter()
            .map(|e| (e.start.year, e.start.month, e.start.day))
            .collect();
        assert_eq!(
            dates,
            [
                (Some(2030), 3, Some(3)),
                (Some(2030), 4, Some(7)),
                (Some(2030), 5, Some(5)),
                (Some(2031), 1, Some(6)),
                (Some(2031), 2, Some(3)),
            ]
        );
        assert_eq!(
            events.first().map(|e| e.text.as_str()),
            Some("Town Meeting")
        );
        // A day opening a sentence of prose, with no list around it, stays
        // a mention.
        assert!(one("12th March Council members met to discuss the plan.").is_none());
    }

    #[test]
    fn dated_lines() {
        let cases: &[(&str, Option<Summary<&str>>)] = &[
            (
                "26 février : appel à candidatures",
                Some((2, Some(26), None, "appel à candidatures", false)),
            ),
            (
                "26 de febrero: convocatoria",
                Some((2, Some(26), None, "convocatoria", false)),
            ),
            (
                "February 26th : call for applications",
                Some((2, Some(26), None, "call for applications", false)),
            ),
            (
                "du 12 au 15 mai : séminaire",
                Some((5, Some(12), Some((5, Some(15))), "séminaire", false)),
            ),
            (
                "12—15 junio de 2023 – Cumbre",
                Some((6, Some(12), Some((6, Some(15))), "Cumbre", false)),
            ),
            (
                "28 février - 2 mars : atelier",
                Some((2, Some(28), Some((3, Some(2))), "atelier", false)),
            ),
            (
                "Septembre (à confirmer) : forum",
                Some((9, None, None, "forum", true)),
            ),
            (
                "- 3 mars : réunion, à confirmer",
                Some((3, Some(3), None, "réunion, à confirmer", true)),
            ),
            ("El 7 de octubre, más de 240 participantes", None),
            // A span from one date to another is no day with its label.
            ("April 2030 – March 2031", None),
            ("Janvier 2030 - Décembre 2030", None),
            ("Abril de 2030 – marzo de 2031", None),
            ("- Webinar sobre Innovación Urbana, marzo", None),
            ("Mayo", None),
            ("32 de mayo: nada", None),
            ("Marketing: plan", None),
        ];
        for (line, want) in cases {
            let want = want.map(|(m, d, e, t, c)| (m, d, e, t.to_owned(), c));
            assert_eq!(one(line), want, "{line:?}");
        }
    }

    #[test]
    fn a_row_of_month_names_dates_nothing() {
        // A year grid whose columns merged: its header is no dated row, and
        // a month alone in one of its cells is no event of that month; a
        // row whose one date cell is a month still is.
        let header = "Actividad\tEne Feb\tMar\tAbr May Jun\tJul\n";
        assert_eq!(one(header), None);
        let dated = "Asamblea anual\tmarzo\n";
        assert_eq!(
            one(dated).map(|(month, ..)| month),
            Some(3),
            "a dated row still dates"
        );
    }

    #[test]
    fn a_meeting_labelled_before_its_day_and_days_listed_after_commas() {
        // The day after a meeting's label and its colon is the meeting's.
        assert_eq!(
            starts(
                "Orden del día\n\n5.- Fijar la próxima sesión: jueves 11 de julio de 2024.\n",
                time(2024)
            ),
            [(Some(2024), 7, Some(11))]
        );
        // A date's own label is still no meeting.
        assert_eq!(one("Date : 29 mai 2019"), None);
        // Days listed after a placed one, parted by commas.
        assert_eq!(
            starts(
                "The council will meet on 3 May 2024, 7 June 2024, 5 July 2024.\n",
                time(2024)
            ),
            [
                (Some(2024), 5, Some(3)),
                (Some(2024), 6, Some(7)),
                (Some(2024), 7, Some(5))
            ]
        );
    }

    #[test]
    fn the_end_of_a_reporting_period_and_the_day_of_a_list_are_no_events() {
        for line in [
            "Chief Executive's report Year ended 31 March 2019",
            "The full list of members as at 31st March 2019 is given below:",
            "Comptes de l'exercice clos le 31 décembre 2019",
            "Estados financieros del ejercicio terminado el 31 de diciembre de 2019",
            // A progress report's cut-off day, month first or day first.
            "Informe de avance con corte a Septiembre 30 de 2019",
            "Seguimiento de metas, corte al 31 de marzo de 2019",
            "Tableau de suivi des actions : état au 30 septembre 2019",
            "Progress of the measures as of 30 September 2019",
        ] {
            assert_eq!(one(line), None, "{line:?}");
        }
        assert!(one("The board met on 31 March 2019 to adopt the accounts.").is_some());
    }

    #[test]
    fn posting_dates_are_no_events() {
        for line in [
            "date 2017-11 Édition du 7 novembre 2017",
            "Posted on 3 March 2013",
            "Le 23 février 2026,",
            "Date de convocation : 11 septembre 2019",
            "Son montant doit être communiqué avant le 15 février de chaque année.",
            "Reports are due on 31 March 2031 of each year.",
        ] {
            assert_eq!(one(line), None, "{line:?}");
        }
        assert!(one("Son montant a été communiqué le 15 février 2031.").is_some());
        // A day alone under a title dates the meeting; opening the text, the page.
        assert!(
            extract_calendar(
                &Text::from_plain("EXECUTIVE COMMITTEE\n4 November 2013\n"),
                time(2013),
                &[],
                &Lexicons::all()
            )
            .events
            .len()
                == 1
        );
        assert!(one("4 November 2013").is_none());
        assert!(one("Le 10 février 2026, la côte a été frappée par le cyclone.").is_some());
    }

    #[test]
    fn table_cells_opening_on_their_weekday_date_the_row() {
        // Read as a whole text is: the weekday before each date cell does
        // not hide the date; a weekday alone dates nothing.
        let source = "Calendrier des séances du conseil 2031\n\nLes séances ordinaires du conseil municipal sont publiques et se tiennent dans la salle du conseil de la mairie.\n\n| Date | Heure |\n|---|---|\n| Mardi 14 janvier 2031 | 19 h 30 |\n| Mardi 11 février 2031 | 19 h 30 |\n| Lundi | 19 h 30 |\n";
        let document = crate::convert_bytes(
            "calendrier.txt",
            source.as_bytes(),
            &crate::Config::default(),
        )
        .expect("a text converts");
        let days: Vec<(Option<u16>, u8, Option<u8>)> = document
            .calendar
            .iter()
            .map(|e| (e.start.year, e.start.month, e.start.day))
            .collect();
        assert_eq!(days, [(Some(2031), 1, Some(14)), (Some(2031), 2, Some(11))]);
    }

    #[test]
    fn table_rows_split_events() {
        let text = Text::from_plain(
            "| Junio | • V Foro European Metropolitan Authorities\n• Conferencia internacional\n• Foro Chicago 2019 |\n| June | • <a href=\"#\">A</a><br>• <a href=\"#\">B</a> |\n| Bélgica | 12 |\n",
        );
        let events = extract_calendar(&text, time(2019), &[], &Lexicons::all()).events;
        let texts: Vec<(&str, u8, u32)> = events
            .iter()
            .map(|e| (e.text.as_str(), e.start.month, e.line))
            .collect();
        assert_eq!(
            texts,
            [
                ("V Foro European Metropolitan Authorities", 6, 1),
                ("Conferencia internacional", 6, 1),
                ("Foro Chicago 2019", 6, 1),
                ("A", 6, 4),
                ("B", 6, 4)
            ]
        );
        assert!(events.iter().all(|e| e.start.year == Some(2019)));
    }

    #[test]
    fn a_month_closing_a_right_to_left_row_dates_its_events() {
        let text = Text::from_plain(
            "| Eventos | Mes |\n|---|---|\n| • Foro de alcaldes<br>• Conferencia anual | Junio |\n| • Cumbre | Julio 2020 |\n| • Taller | Sede |\n",
        );
        let events = extract_calendar(&text, time(2019), &[], &Lexicons::all()).events;
        let texts: Vec<(&str, u8, Option<u16>)> = events
            .iter()
            .map(|e| (e.text.as_str(), e.start.month, e.start.year))
            .collect();
        assert_eq!(
            texts,
            [
                ("Foro de alcaldes", 6, Some(2019)),
                ("Conferencia anual", 6, Some(2019)),
                ("Cumbre", 7, Some(2020)),
            ]
        );
    }

    #[test]
    fn a_lone_line_ending_on_a_month_is_no_calendar_row() {
        // A magazine's masthead, on one page or on each.
        for masthead in [
            "carta local Nº 327 | SEPTIEMBRE 2019\nEl mandato acaba de empezar.\n",
            "Nº 12 | JUNIO 2023\nTexto.\n\u{c}\nNº 12 | JUNIO 2023\nMás texto.\n",
        ] {
            let text = Text::from_plain(masthead);
            let events = extract_calendar(&text, time(2019), &[], &Lexicons::all()).events;
            assert!(events.is_empty(), "{masthead:?}: {events:#?}");
        }
    }

    #[test]
    fn a_month_row_whose_next_cell_is_a_day_of_it_dates_its_event_to_that_day() {
        let text = Text::from_plain(
            "| Mes | Fecha | Sesión |\n|---|---|---|\n| ENERO | 9 DE ENERO | Sesión de apertura |\n\
             | FEBRERO | Receso |\n| MARCH | 4 March | Budget hearing |\n",
        );
        let events = extract_calendar(&text, time(2031), &[], &Lexicons::all()).events;
        let found: Vec<(&str, u8, Option<u8>)> = events
            .iter()
            .map(|e| (e.text.as_str(), e.start.month, e.start.day))
            .collect();
        assert_eq!(
            found,
            [
                ("Sesión de apertura", 1, Some(9)),
                ("Receso", 2, None),
                ("Budget hearing", 3, Some(4)),
            ]
        );
        // A day of another month is no day of the row: the cell stays text.
        let other = Text::from_plain("| ENERO | 9 DE MARZO | Sesión |\n");
        let events = extract_calendar(&other, time(2031), &[], &Lexicons::all()).events;
        assert!(events.iter().all(|e| e.start.day.is_none()), "{events:?}");
    }

    #[test]
    fn prose_events_need_a_cue_and_headings_give_their_year() {
        let text = Text::from_plain(
            "The calendar for 2022:\n\
             - October 3rd – November 30th: call for proposals\n\
             The general assembly will be held on September 9 in Lisbon.\n\
             On 7 October more than 200 people came.\n\
             Jueves, 14 de marzo de 2019: reunión de la junta\n\
             L'assemblée aura lieu du 3 au 6 octobre 2016 à Lyon.\n",
        );
        let events = extract_calendar(&text, time(2021), &[], &Lexicons::all()).events;
        type Dated = (Option<u16>, u8, Option<u8>, Option<(u8, Option<u8>)>);
        let got: Vec<Dated> = events
            .iter()
            .map(|e| {
                (
                    e.start.year,
                    e.start.month,
                    e.start.day,
                    e.end.map(|d| (d.month, d.day)),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(2022), 10, Some(3), Some((11, Some(30)))),
                (Some(2022), 9, Some(9), None),
                (Some(2019), 3, Some(14), None),
                (Some(2016), 10, Some(3), Some((10, Some(6)))),
            ]
        );
        assert_eq!(events[1].line, 3, "each event keeps its source line");
    }

    #[test]
    fn days_placed_by_a_period_phrase_or_an_acts_date() {
        let text = Text::from_plain(
            "The joint conference was held in Riverton during the period 6th to 10th May 2031.\n\
             El plan fue aprobado con Resolución de Alcaldía Nº 12-2030 de fecha 28 de diciembre de 2030, y rige el año.\n\
             The report covers the activities carried out during the period 1st January to 31st December 2031.\n",
        );
        let events = extract_calendar(&text, time(2031), &[], &Lexicons::all()).events;
        type Placed = (Option<u16>, u8, Option<u8>, Option<Option<u8>>);
        let got: Vec<Placed> = events
            .iter()
            .map(|e| {
                (
                    e.start.year,
                    e.start.month,
                    e.start.day,
                    e.end.map(|d| d.day),
                )
            })
            .collect();
        // A reporting span of a year is no event, whatever places it.
        assert_eq!(
            got,
            [
                (Some(2031), 5, Some(6), Some(Some(10))),
                (Some(2030), 12, Some(28), None),
            ]
        );
    }

    #[test]
    fn a_day_placed_inside_a_sentence_takes_the_document_year() {
        let text = Text::from_plain(
            "Turnout rose at the town elections on 19 March when nine mayors changed.

             Le bureau se réunira avec les maires le dimanche 24 novembre, à Lyon.

             El 7 de octubre, más de 240 personas asistieron.
",
        );
        let days = |time: DocumentTime| -> Vec<(Option<u16>, u8, Option<u8>)> {
            extract_calendar(&text, time, &[], &Lexicons::all())
                .events
                .iter()
                .map(|e| (e.start.year, e.start.month, e.start.day))
                .collect()
        };
        assert_eq!(
            days(time(2030)),
            [(Some(2030), 3, Some(19)), (Some(2030), 11, Some(24))]
        );
        // In a text that prints no year at all, the same days are events
        // of an unknown year; the day opening its sentence stays a mention.
        assert_eq!(
            days(DocumentTime::default()),
            [(None, 3, Some(19)), (None, 11, Some(24))]
        );
    }

    #[test]
    fn a_day_placed_in_a_text_printing_no_year_keeps_its_year_unknown() {
        for (source, month, day) in [
            (
                "Los alcaldes firmaron el 30 de julio un acuerdo en la ciudad de Lomas.",
                7,
                30,
            ),
            (
                "Les maires ont signé la charte le 22 novembre (14h30) à Lyon.",
                11,
                22,
            ),
            (
                "The mayors signed the accord on 22 November at the town hall.",
                11,
                22,
            ),
        ] {
            assert_eq!(dated(source), [(None, month, Some(day), None)], "{source}");
        }
        // A text printing a year somewhere gives no such day: its year
        // could be that one or another.
        assert_eq!(
            dated("Fundada en 1990.\n\nLos alcaldes firmaron el 30 de julio un acuerdo en Lomas."),
            []
        );
    }

    #[test]
    fn days_listed_after_a_split_year_take_the_year_their_weekday_and_order_give() {
        let calendar = |source: &str| {
            extract_calendar(&Text::from_plain(source), time(2031), &[], &Lexicons::all())
        };
        let days = |source: &str| -> Vec<(Option<u16>, u8, Option<u8>)> {
            calendar(source)
                .events
                .iter()
                .map(|e| (e.start.year, e.start.month, e.start.day))
                .collect()
        };
        // 14 May is a Wednesday in 2031, not in 2032; the list runs on
        // into the next year at January.
        for source in [
            "7. To approve the dates of Council meetings for 2031/32 – Wednesday 14th May, 11th June, 8th Oct, 14th Jan",
            "Calendrier des conseils 2031/2032 : mercredi 14 mai, 11 juin, 8 octobre, 14 janvier.",
            "Calendario de sesiones del ejercicio 2031-32: miércoles 14 de mayo, 11 de junio, 8 de octubre, 14 de enero.",
        ] {
            assert_eq!(
                days(source),
                [
                    (Some(2031), 5, Some(14)),
                    (Some(2031), 6, Some(11)),
                    (Some(2031), 10, Some(8)),
                    (Some(2032), 1, Some(14)),
                ],
                "{source}"
            );
        }
        // Without a weekday to start from, or with one neither year has
        // on that day, the days could be of either year: left out, noted.
        for source in [
            "The Council will meet in 2031/32 on 14th May and 11th June.",
            "Calendrier des conseils 2031/2032 : mercredi 8 octobre et 14 janvier.",
            "7. To approve the dates of Council meetings for 2031/32 – Thursday 14th May, 11th June",
        ] {
            let read = calendar(source);
            assert_eq!(read.events.len(), 0, "{source}");
            assert!(
                read.diagnostics
                    .iter()
                    .any(|d| d.code == crate::catalogue::Code::CalendarYearUnknown.as_str()
                        && d.message.contains("2031 or 2032")),
                "{source}: {:?}",
                read.diagnostics
            );
        }
    }

    #[test]
    fn the_headline_year_dates_days_printed_without_one() {
        // A title line over a line that is the days alone, weekdays on both ends.
        assert_eq!(
            dated("Spring 2031 Members' Forum\n\nTuesday, March 4 - Wednesday, March 5\nLyon\n"),
            [(Some(2031), 3, Some(4), Some(5))]
        );
        // A headline naming its month and year dates a day placed in a sentence under it.
        assert_eq!(
            dated("Harvest Fair Moves Indoors in October 2031\n\nStallholders may set up on Friday, 10 October. The fair opens at noon.\n"),
            [(Some(2031), 10, None, None), (Some(2031), 10, Some(10), None)]
        );
        // A line that only dates the page is no event, but its year is the
        // year of the days the page prints without one; a sentence above a
        // title gives none (and Monday 9 May is in none of 2030-2032, the
        // years the page prints widened by one, that would choose it).
        assert_eq!(
            dated("Saturday, 3 May 2031\nGarden News\n\nVolunteers meet on Friday, 9 May at the hall.\n"),
            [(Some(2031), 5, Some(9), None)]
        );
        assert_eq!(
            dated("Our volunteers planted trees.\nAutumn 2031 Planting\n\nVolunteers meet on Monday, 9 May.\n"),
            []
        );
    }

    /// A calendar set as a list of labels and the days closing them
    /// (`Training programme: October 3 – November 30`): each line is an
    /// event named by its label, whatever the label's words, once two such
    /// lines stand together; in es, en and fr. A label naming the page's
    /// day, a span longer than a month, words after the day, or such a line
    /// alone are no list.
    #[test]
    fn a_list_of_labelled_days_is_a_calendar() {
        type Labelled = (u16, u8, u8, Option<(u8, u8)>, String, bool);
        let dated = |source: &str| -> Vec<Labelled> {
            let text = Text::from_plain(source);
            extract_calendar(&text, time(2019), &[], &Lexicons::all())
                .events
                .iter()
                .map(|e| {
                    (
                        e.start.year.unwrap_or(0),
                        e.start.month,
                        e.start.day.unwrap_or(0),
                        e.end.map(|end| (end.month, end.day.unwrap_or(0))),
                        e.text.clone(),
                        e.to_be_confirmed,
                    )
                })
                .collect()
        };
        let label = |text: &str| text.to_owned();
        assert_eq!(
            dated(
                "Calendar 2020:\n\n\
                 - Training programme: October 3 \u{2013} November 30\n\
                 - Study visit: 21/22 May (to be confirmed)\n\
                 - Regional course: 2020-09-17 to 2020-09-19\n"
            ),
            [
                (
                    2020,
                    10,
                    3,
                    Some((11, 30)),
                    label("Training programme"),
                    false
                ),
                (2020, 5, 21, Some((5, 22)), label("Study visit"), true),
                (2020, 9, 17, Some((9, 19)), label("Regional course"), false),
            ]
        );
        assert_eq!(
            dated(
                "Visita t\u{e9}cnica: 1.\u{ba} de julio\n\
                 Formaci\u{f3}n de equipos: del 14 al 16 de octubre\n\n\
                 Lancement du r\u{e9}seau : 5 juin 2021\n"
            ),
            [
                (2019, 7, 1, None, label("Visita t\u{e9}cnica"), false),
                (
                    2019,
                    10,
                    14,
                    Some((10, 16)),
                    label("Formaci\u{f3}n de equipos"),
                    false
                ),
                (2021, 6, 5, None, label("Lancement du r\u{e9}seau"), false),
            ]
        );
        // The page's days, a period, a sentence going on after its day, and
        // a labelled day alone in prose.
        assert!(dated(
            "The network grew again this year.\n\n\
             Published: 3 March 2019\n\
             Last updated: 5 April 2019\n\
             Reporting period: 1 January \u{2013} 31 March\n\
             Budget: 12 May, when the council votes on it\n\n\
             Our members met often and worked together on the plan.\n\
             Launch: 5 June\n\
             The plan was then sent to every member city for comment.\n"
        )
        .is_empty());
    }

    #[test]
    fn a_day_alone_opening_the_text_dates_the_page() {
        let days = |source: &str| starts(source, time(2031));
        assert_eq!(
            days("martes, 4 de marzo de 2031\n\nLa asamblea de la red se celebró el 28 de febrero de 2031 en Cádiz.\n"),
            [(Some(2031), 2, Some(28))]
        );
        // A span opening the page is the event it announces.
        assert_eq!(
            days("12 May 2031 – 13 May 2031\nThe forum of the network.\n"),
            [(Some(2031), 5, Some(12))]
        );
    }

    #[test]
    fn a_meeting_named_by_its_date_after_at_the_is_an_event() {
        assert_eq!(
            starts(
                "The mayor gave her address at the March 3, 2031 council meeting.\n",
                DocumentTime::default()
            ),
            [(Some(2031), 3, Some(3))]
        );
    }

    #[test]
    fn tbc_words() {
        for (text, want) in [
            ("Líderes de pensamiento. Guangzhou, por confirmar", true),
            ("Thought leaders. Guangzhou, tbc", true),
            ("date à confirmer", true),
            ("subtbcx", false),
            ("confirmed", false),
        ] {
            assert_eq!(is_tbc(text, &Lexicons::all()), want, "{text:?}");
        }
    }

    #[test]
    fn meetings_named_by_their_date_and_datelines_near_the_date() {
        let dates = |source: &str| starts(source, time(2021));
        // A meeting, a session or a decision named by its date is an event.
        assert_eq!(
            dates("Le compte rendu du conseil municipal du 2 novembre 2021 est approuvé."),
            [(Some(2021), 11, Some(2))]
        );
        assert_eq!(
            dates("(b) The ordinary council meeting held on the 25 July 2019;"),
            [(Some(2019), 7, Some(25))]
        );
        assert_eq!(
            dates("La junta, en su reunión del 4 de julio, convocó el pleno."),
            [(Some(2021), 7, Some(4))]
        );
        // A dateline word far before the date dates no posting.
        assert_eq!(
            dates("En esta edición anunciamos que la junta, en su reunión del 4 de julio, convocó el pleno."),
            [(Some(2021), 7, Some(4))]
        );
        assert_eq!(dates("Édition du mardi 8 novembre 2022"), []);
        // A date joined by a conjunction to an event's date is one too.
        assert_eq!(
            dates("Par délibérations du 4 juin 2020 et du 10 juillet 2020, le conseil a fixé les commissions."),
            [(Some(2020), 6, Some(4)), (Some(2020), 7, Some(10))]
        );
        // Joined to a date that is no event's, a date is none either.
        assert_eq!(
            dates("El informe cita 3 de mayo y 5 de mayo como fechas de cierre."),
            []
        );
        // A list of days printing its year once, after the last: every
        // day listed is of that year, not of the document's.
        for list in [
            "The council will meet on 3 May, 5 June and 7 July 2024 in the hall.",
            "Le conseil se réunira les 3 mai, 5 juin et 7 juillet 2024 à la mairie.",
            "El pleno se reunirá el 3 de mayo, 5 de junio y 7 de julio de 2024 en el salón.",
        ] {
            assert_eq!(
                dates(list),
                [
                    (Some(2024), 5, Some(3)),
                    (Some(2024), 6, Some(5)),
                    (Some(2024), 7, Some(7))
                ],
                "{list}"
            );
        }
        // Months running backwards cross a new year.
        assert_eq!(
            dates("The council will meet on 3 December and 7 January 2025 in the hall."),
            [(Some(2024), 12, Some(3)), (Some(2025), 1, Some(7))]
        );
        // A span of days placed by a preposition is an event; a span of months is none.
        assert_eq!(
            dates("From 20-23 September 2022, the network held its congress."),
            [(Some(2022), 9, Some(20))]
        );
        assert_eq!(
            dates("This update covers the period from 1 September 2024 to 31 March 2025."),
            []
        );
        // A day in brackets after its meeting's name is that meeting's.
        for named in [
            "The programme of the 12th Congress (20-23 November 2023, Lyon) is online.",
            "Le programme du 12e congrès (20-23 novembre 2023, à Lyon) est en ligne.",
            "El programa del XII Congreso (20-23 de noviembre de 2023, Lyon) ya está publicado.",
        ] {
            assert_eq!(dates(named), [(Some(2023), 11, Some(20))], "{named}");
        }
        // In brackets after any other word, a day is a mention.
        assert_eq!(
            dates("The figures of the survey (20 November 2023) are in the annex."),
            []
        );
    }

    #[test]
    fn a_record_opening_on_its_place_and_day_dates_its_sitting() {
        let dates = |source: &str| starts(source, time(2031));
        assert_eq!(
            dates("ACTA N°4.- En Valdivia, a 12 de MARZO de 2031, siendo las 10.05 hrs., se abre la sesión."),
            [(Some(2031), 3, Some(12))]
        );
        assert_eq!(
            dates("En Villa Alta a 03 días de Junio del 2031, siendo las 9:30 hrs., se da inicio a la sesión."),
            [(Some(2031), 6, Some(3))]
        );
        // A letter's dateline ends on its day; a small word is no place.
        assert_eq!(dates("Firmado en Valdivia, a 12 de marzo de 2031."), []);
        assert_eq!(
            dates("El plazo vence a 12 de marzo de 2031, según la ordenanza vigente."),
            []
        );
    }

    #[test]
    fn days_listed_or_run_into_words_are_read() {
        let dates = |source: &str| starts(source, time(2031));
        assert_eq!(
            dates("La asamblea se realizará en la ciudad de Temuco, los días 4, 5 y 6 de octubre de 2031."),
            [(Some(2031), 10, Some(4))]
        );
        assert_eq!(
            dates("Congrès annuel : du 7 au 9 mai 2031Rivière-Haute - salle des fêtes"),
            [(Some(2031), 5, Some(7))]
        );
    }

    #[test]
    fn days_apart_in_a_list_are_each_an_event_and_a_range_stays_one() {
        let dates = |source: &str| dated_with(source, time(2031));
        assert_eq!(
            dates("The committee will meet on 3 and 17 June to review the budget."),
            [
                (Some(2031), 6, Some(3), None),
                (Some(2031), 6, Some(17), None)
            ]
        );
        assert_eq!(
            dates("Le bureau se réunira les 5, 12 et 19 mars à la mairie."),
            [
                (Some(2031), 3, Some(5), None),
                (Some(2031), 3, Some(12), None),
                (Some(2031), 3, Some(19), None)
            ]
        );
        assert_eq!(
            dates("Las sesiones se celebrarán los días 4 y 11 de abril en el salón de plenos."),
            [
                (Some(2031), 4, Some(4), None),
                (Some(2031), 4, Some(11), None)
            ]
        );
        assert_eq!(
            dates("3 and 17 June: Board meeting"),
            [
                (Some(2031), 6, Some(3), None),
                (Some(2031), 6, Some(17), None)
            ]
        );
        // A range stays one event.
        assert_eq!(
            dates("The exhibition will be held from 3 to 17 June in the town hall."),
            [(Some(2031), 6, Some(3), Some(17))]
        );
        assert_eq!(
            dates("L'exposition aura lieu du 3 au 17 juin à la mairie."),
            [(Some(2031), 6, Some(3), Some(17))]
        );
        // `entre … y` opens a range as `between … and` does, a day noun
        // between them or not.
        assert_eq!(
            dates("Las jornadas se celebrarán entre los días 29 y 31 de marzo en el palacio."),
            [(Some(2031), 3, Some(29), Some(31))]
        );
        assert_eq!(
            dates("Les rencontres se tiendront entre les 29 et 31 mars à Lyon."),
            [(Some(2031), 3, Some(29), Some(31))]
        );
        assert_eq!(
            dates("The fair will be held between the 29th and 31st March in the park."),
            [(Some(2031), 3, Some(29), Some(31))]
        );
    }

    #[test]
    fn the_dates_of_cited_acts_and_letters_are_no_events() {
        let dates = |source: &str| dated_with(source, time(2031));
        for source in [
            "De conformidad con la Ley 7/1985, de 2 de abril, Reguladora de las Bases del Régimen Local, el Pleno se reunió.",
            "Según el Real Decreto 2568/1986, de 28 de noviembre, la sesión se convocó en plazo.",
            "Further to our Letter of 3 May 2031, the council replied in writing.",
            "Under the Local Government Act 2030, the council keeps its accounts.",
            "Conformément à la loi n° 2030-991 du 7 août 2030, le conseil délibère.",
            "Par courrier du 3 mai 2031, le préfet a répondu.",
        ] {
            assert_eq!(dates(source), [], "{source}");
        }
        // The day an act was adopted, told as such, is an event.
        assert_eq!(
            dates("El Pleno se celebró el 14 de marzo de 2031 en el salón de sesiones."),
            [(Some(2031), 3, Some(14), None)]
        );
    }

    #[test]
    fn a_weekday_chooses_the_year_inside_the_periods_span_a_near_year_confirms() {
        let span = DocumentTime {
            span: Some((2028, 2031)),
            ..DocumentTime::default()
        };
        // 3 March is a Monday in 2031 alone, 17 June a Tuesday in 2031
        // alone, 3 March a Friday in 2028 alone: the year printed near the
        // day (a line above, or below) confirms the weekday's.
        assert_eq!(
            starts(
                "Progress in 2031 and what comes next.\nThe steering group met on Monday 3 March to review the plan.",
                span
            ),
            [(Some(2031), 3, Some(3))]
        );
        assert_eq!(
            starts(
                "La comisión se reunió el martes 17 de junio en el ayuntamiento.\nBalance de 2028 a 2031.",
                span
            ),
            [(Some(2031), 6, Some(17))]
        );
        assert_eq!(
            starts(
                "Bilan des années 2028 et 2029.\nLe comité s'est réuni le vendredi 3 mars à la mairie.",
                span
            ),
            [(Some(2028), 3, Some(3))]
        );
        // Without a span, the day keeps no year.
        assert_eq!(
            starts(
                "The steering group met on Monday 3 March to review the plan.",
                DocumentTime::default()
            ),
            [(None, 3, Some(3))]
        );
    }

    #[test]
    fn a_weekday_agreeing_with_a_year_of_the_span_alone_gives_no_year() {
        // `Sunday, June 26th` is a Sunday in 2016 of a 2016-2017 span, and in
        // 2022: with no year printed near it, the weekday is no evidence.
        let time = DocumentTime {
            span: Some((2016, 2017)),
            ..DocumentTime::default()
        };
        let unconfirmed = |source: &str| {
            let calendar = extract_calendar(&Text::from_plain(source), time, &[], &Lexicons::all());
            let years: Vec<Option<u16>> = calendar.events.iter().map(|e| e.start.year).collect();
            let noted = calendar
                .diagnostics
                .iter()
                .any(|d| d.message.contains("agrees with 2016"));
            (years, noted)
        };
        for source in [
            "Important Announcement\nScheduled server maintenance on (GMT) Sunday, June 26th, 2:00 am - 8:00 am.\nThe site will be inoperative.",
            "Aviso\nEl servidor estará en mantenimiento el domingo 26 de junio por la mañana.",
            "Avis\nLe serveur sera en maintenance le dimanche 26 juin au matin.",
        ] {
            let (years, noted) = unconfirmed(source);
            assert!(years.iter().all(Option::is_none), "{source}: {years:?}");
            assert!(noted, "{source}");
        }
        // A year of the span printed near the day confirms it.
        let (years, _) = unconfirmed(
            "Activities of 2016\nThe server was down on Sunday, June 26th for maintenance.",
        );
        assert_eq!(years, [Some(2016)]);
    }

    #[test]
    fn a_weekday_a_demonstrative_points_at_dates_what_happens_that_day() {
        // `ce mercredi 20 août`, `ce lundi, 27 janvier`, `this Saturday, May
        // 3`, `este viernes 4 de abril`: the day something happens.
        let source = "Les maires ont tenu leur assemblée ce lundi, 27 janvier 2031 à Dori.\nLe ministre a clos les travaux du congrès ce mercredi 20 août 2031 au siège.\nThe board met this Saturday, May 3, 2031 in the town hall.\nLa junta sesionó este viernes 4 de abril de 2031 en la sede.\n";
        assert_eq!(
            starts(source, DocumentTime::default()),
            [
                (Some(2031), 1, Some(27)),
                (Some(2031), 8, Some(20)),
                (Some(2031), 5, Some(3)),
                (Some(2031), 4, Some(4)),
            ]
        );
        // Without the demonstrative, a weekday still names the day, but
        // 27 January 2031 is a Monday: no event.
        let source = "Les maires, qui se sont vus vendredi, 27 janvier 2031, ont parlé.\n";
        assert_eq!(starts(source, DocumentTime::default()), []);
    }

    #[test]
    fn a_weekday_with_its_day_and_month_dates_an_event_in_prose() {
        // No cue, anchor or preposition: the weekday names the day.
        let source = "La asamblea de alcaldes se reunió el jueves 13 de marzo en la sede.\nThe board agreed its budget on Tuesday 6 May after a long debate.\nLes maires ont voté le mardi 3 juin pour la charte.\n";
        assert_eq!(
            starts(source, time(2031)),
            [
                (Some(2031), 3, Some(13)),
                (Some(2031), 5, Some(6)),
                (Some(2031), 6, Some(3)),
            ]
        );
    }

    #[test]
    fn a_weekday_that_is_not_the_days_in_its_year_keeps_no_event() {
        // 14 March 2031 is a Friday, 3 May 2031 a Saturday: the weekday
        // contradicts the year, inherited or printed, and a note names both.
        let source = "La asamblea de alcaldes se reunió el jueves 14 de marzo en la sede.\nThe board agreed its budget on Tuesday 3 May 2031 after a long debate.\n";
        let calendar =
            extract_calendar(&Text::from_plain(source), time(2031), &[], &Lexicons::all());
        assert!(calendar.events.is_empty(), "{:?}", calendar.events);
        let notes: Vec<&Diagnostic> = calendar
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::catalogue::Code::CalendarWeekdayMismatch.as_str())
            .collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].message.contains("2031-03-14"), "{notes:?}");
        // A day cued otherwise is checked too.
        let source = "The congress will be held on Tuesday 3 May 2031 in the city hall.\n";
        assert_eq!(starts(source, DocumentTime::default()), []);
        // The year printed with the day is the one checked, not the
        // document's (6 May 2031 is a Tuesday, 6 May 2030 a Monday).
        let source = "The next congress will be held on Tuesday 6 May 2031 in the city hall.\n";
        assert_eq!(starts(source, time(2030)), [(Some(2031), 5, Some(6))]);
    }

    #[test]
    fn a_weekday_opening_its_line_or_without_a_year_is_no_cue() {
        // A newsletter's masthead, and a host's notice in a text with no year.
        let source = "Jueves 13 de marzo de 2031 Año 6 · Nº 28 Boletín de la Federación\n";
        assert_eq!(starts(source, DocumentTime::default()), []);
        let source = "Server maintenance on (GMT) Sunday, June 26th, 2:00 am - 8:00 am.\n";
        assert_eq!(starts(source, DocumentTime::default()), []);
    }

    #[test]
    fn plural_and_feminine_relative_words_anchor_a_day_to_the_time_of_writing() {
        // `les 12 et 13 mai prochains`: the plural of `prochain`; the year
        // is the one the dateline prints.
        let source = "QUÉBEC, le 5 mai 2031 - Les assises se tiendront les 12 et 13 mai prochains au centre des congrès.\n";
        assert_eq!(
            dated_with(source, time(2031)),
            [(Some(2031), 5, Some(12), Some(13))]
        );
        let source = "QUÉBEC, le 5 mai 2031 - C'est le thème de l'année. Les assises se tiendront les 12 et 13 mai prochains au centre des congrès.\n";
        assert_eq!(
            dated_with(source, DocumentTime::default()),
            [(Some(2031), 5, Some(12), Some(13))]
        );
        let source =
            "Los alcaldes tendrán sus jornadas los días 3 y 4 de junio próximos en la sede.\n";
        assert_eq!(
            dated_with(source, time(2031)),
            [(Some(2031), 6, Some(3), Some(4))]
        );
    }

    #[test]
    fn a_time_of_day_closing_a_dated_heading_is_no_full_stop() {
        // The meeting's heading on a council's page ends with its hour.
        let source = "Council - Saturday, 26 July 2031 2.00 p.m.\n\nVenue: Council Chamber\n";
        assert_eq!(
            starts(source, DocumentTime::default()),
            [(Some(2031), 7, Some(26))]
        );
        let source = "Annual Council - Tuesday 13 May 2031 7.30 pm\n\nVenue: Civic Centre\n";
        assert_eq!(
            starts(source, DocumentTime::default()),
            [(Some(2031), 5, Some(13))]
        );
        // A sentence's full stop still ends a sentence.
        let source = "The works ended 26 July 2031 at 2.00 p.m. and the hall reopened.\n";
        assert_eq!(starts(source, DocumentTime::default()), []);
    }

    /// Year, month and day of each event of a text read with `time`.
    #[test]
    fn a_day_told_as_past_takes_the_year_before_the_text_when_it_falls_after_it() {
        // The text's day is its first full one; `dernier` and an approved
        // record place a day before it, so a later month is the year before.
        let source = "Assemblée générale du 14 mars 2031\n\nLors de notre assemblée, le 9 avril dernier, nous avions accueilli les élus.\nLe 2 février dernier, le bureau a rencontré le préfet.\nLe procès-verbal de la séance du 5 décembre est approuvé.\n";
        assert_eq!(
            starts(source, time(2031)),
            [
                (Some(2031), 3, Some(14)),
                (Some(2030), 4, Some(9)),
                (Some(2031), 2, Some(2)),
                (Some(2030), 12, Some(5)),
            ]
        );
        let source = "Sesión del 20 de febrero de 2031\n\nEl pasado jueves 12 de diciembre se celebró la asamblea de la red.\n";
        assert_eq!(
            starts(source, time(2031)),
            [(Some(2031), 2, Some(20)), (Some(2030), 12, Some(12))]
        );
        // Without a day of its own, the text dates nothing so: the
        // document's year is what it reports on, and the day may fall in
        // the year before it. The year stays unknown, and a note names both.
        let text = Text::from_plain("Le 9 avril dernier, le bureau a rencontré le préfet.\n");
        let calendar = extract_calendar(&text, time(2031), &[], &Lexicons::all());
        let found: Vec<(Option<u16>, u8, Option<u8>)> = calendar
            .events
            .iter()
            .map(|e| (e.start.year, e.start.month, e.start.day))
            .collect();
        assert_eq!(found, [(None, 4, Some(9))]);
        let notes: Vec<&str> = calendar
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::catalogue::Code::CalendarYearUnknown.as_str())
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(notes.len(), 1, "{:?}", calendar.diagnostics);
        assert!(
            notes.iter().all(|note| note.contains("2030 or 2031")),
            "{notes:?}"
        );
        let text = Text::from_plain("El pasado 14 de marzo se reunió la comisión de la red.\n");
        let calendar = extract_calendar(&text, DocumentTime::default(), &[], &Lexicons::all());
        assert_eq!(calendar.events.first().map(|e| e.start.year), Some(None));
        assert_eq!(calendar.diagnostics.len(), 1);
        let today = EventDate {
            year: Some(2031),
            month: 3,
            day: Some(14),
        };
        let day = |month, day| EventDate {
            year: None,
            month,
            day,
        };
        assert_eq!(past_year(day(3, Some(14)), today), Some(2031));
        assert_eq!(past_year(day(3, Some(15)), today), Some(2030));
        assert_eq!(past_year(day(1, None), today), Some(2031));
    }

    /// A month named alone after a month preposition in running text is
    /// an event of that month when its year is certain: the document's
    /// single year, the heading's, or the year a paragraph is telling in
    /// order. Otherwise it is left out.
    #[test]
    fn a_month_alone_is_an_event_only_in_a_certain_year() {
        let report = DocumentTime {
            report_end: Some(2031),
            ..time(2031)
        };
        let source = "The network launched its campaign for citizens in May, and the board met the ministers in October to present it.\n";
        assert_eq!(
            starts(source, report),
            [(Some(2031), 5, None), (Some(2031), 10, None)]
        );
        // No year the document is sure of: nothing. The single year of a
        // document that is no report (minutes, a plan) is not sure either.
        assert_eq!(starts(source, DocumentTime::default()), []);
        assert_eq!(starts(source, time(2031)), []);
        // A month already dated to the day is that day told again.
        let source = "The council adopted the plan on June 22, 2031.\nThe plan was drafted over the spring and adopted by the council in June after a survey.\n";
        assert_eq!(starts(source, report), [(Some(2031), 6, Some(22))]);
        // A heading's year is carried to the lines under it.
        let source = "Calendar for 2031:\nLa asamblea de la red se reunirá en junio para aprobar las cuentas del ejercicio.\n";
        assert_eq!(
            starts(source, DocumentTime::default()),
            [(Some(2031), 6, None)]
        );
        // A paragraph telling a year in order dates the months after its
        // first dated one; a month before it could be the next year.
        let source = "The planning process began in January 2031 with interviews of the council. A planning session followed in February, and the council considered the draft in April.\n";
        assert_eq!(
            starts(source, DocumentTime::default()),
            [
                (Some(2031), 1, None),
                (Some(2031), 2, None),
                (Some(2031), 4, None)
            ]
        );
        let source = "The board adopted the review in December 2030 for the members. It discussed it again in March with the cities.\n";
        assert_eq!(
            starts(source, DocumentTime::default()),
            [(Some(2030), 12, None)]
        );
        // A sentence opening on its month tells a state, not an event.
        let source = "The network grew all year. In December, the programme had delivered 41 homes to the cities.\n";
        assert_eq!(starts(source, report), []);
        // Months a conjunction or a comma joins to the first span one
        // happening, from the first to the last (`in February and March`,
        // `en enero, febrero y marzo`); a month name after a plain space is
        // not joined (`in May June Lee spoke`).
        let spans = |source: &str| {
            extract_calendar(&Text::from_plain(source), report, &[], &Lexicons::all())
                .events
                .iter()
                .map(|e| (e.start.month, e.end.map(|end| end.month)))
                .collect::<Vec<_>>()
        };
        let source = "The working groups met in February and March to prepare the assembly of the network.\n";
        assert_eq!(starts(source, report), [(Some(2031), 2, None)]);
        assert_eq!(spans(source), [(2, Some(3))]);
        let source =
            "Los talleres se celebraron en enero, febrero y marzo con los técnicos municipales.\n";
        assert_eq!(spans(source), [(1, Some(3))]);
        let source = "The mayors spoke in May June Lee chaired the session of the network.\n";
        assert_eq!(starts(source, report), [(Some(2031), 5, None)]);
        let source = "The network grew all year. In December and January, the programme had delivered homes to the cities.\n";
        assert_eq!(starts(source, report), []);
        // An abbreviation is no month alone, nor a month that opens a date.
        let source =
            "The members may decide in Mar whether the board meets in May 12 or later this year.\n";
        assert!(starts(source, report).iter().all(|d| d.2.is_some()));
        // A short line is no running text (a schedule's row reads its own months).
        assert_eq!(starts("Launch in May\n", report), []);
    }

    /// The day of the meeting a page's head names, under a label or on a
    /// line of its own, dates the page; an earlier meeting being approved,
    /// or a news item's day, does not.
    #[test]
    fn the_head_names_the_meeting_day() {
        let day = |source: &str| {
            extract_calendar(
                &Text::from_plain(source),
                DocumentTime::default(),
                &[],
                &Lexicons::all(),
            )
            .meeting_day
            .map(|e| (e.start.year, e.start.month, e.start.day))
        };
        assert_eq!(
            day("Pleno Ordinario\n\nComienza\n\n01/04/2031 a las 13:00\n\nDescripción\n\nSe ha convocado sesión ordinaria del Pleno de la Corporación, que tendrá lugar en la casa consistorial.\n"),
            Some((Some(2031), 4, Some(1)))
        );
        assert_eq!(
            day("AYUNTAMIENTO DE VILLANUEVA\nBORRADOR DEL ACTA DE LA SESIÓN ORDINARIA CELEBRADA EL DÍA\n28 DE ABRIL DE 2.031 POR EL PLENO DE ESTA CORPORACIÓN:\nEn Villanueva, siendo las veinte horas, se reúnen en el Salón de Sesiones los concejales.\n"),
            Some((Some(2031), 4, Some(28)))
        );
        assert_eq!(
            day("Issue - meetings\nMeeting: 05/04/2031 - Council (Item 9)\nApologies for absence were received from Councillors Lee and Moss.\n"),
            Some((Some(2031), 4, Some(5)))
        );
        assert_eq!(
            day("Business to be transacted\n1) To approve the minutes of the meeting held on 15 March 2031.\n2) Public participation\n"),
            None
        );
        assert_eq!(
            day("To approve as a correct record the minutes of:\n(a) The Special Council meeting held on the 25 July 2031;\n"),
            None
        );
        assert_eq!(
            day("Acta de la sesión\nEl pasado 17 de junio se celebró la sesión ordinaria, la última del periodo que acabó el 28 de junio de 2031.\n"),
            None
        );
        // A meeting's day under a label is the meeting's only where the
        // page's head names the meeting; an event page's table is not dated so.
        assert_eq!(
            day(
                "The 39th Executive Committee Meeting\nDate | October 15, 2031 |\nTime | 12:00 |\n"
            ),
            None
        );
        assert_eq!(
            day("Noticias\n\nEl 3 de marzo de 2031 la red presentó su memoria ante los alcaldes de la provincia, que la recibieron con interés.\n"),
            None
        );
        let period = meeting_period(&CalendarEvent {
            start: EventDate {
                year: Some(2031),
                month: 4,
                day: Some(1),
            },
            end: None,
            text: "01/04/2031 a las 13:00".to_owned(),
            to_be_confirmed: false,
            page: 1,
            line: 5,
        });
        assert_eq!(period.map(|p| (p.start, p.end)), Some((2031, 2031)));
    }

    /// A numeric day whose two first numbers could each be the month is read
    /// as the document's evidence says: its other numeric dates, its dates
    /// in words, its region's spellings; in an English text with none, it
    /// is left out with a note naming both readings. Spanish and French
    /// write the day first.
    #[test]
    fn the_order_of_a_numeric_day_follows_the_document() {
        let english = Lexicons::for_codes(["en", "es"]);
        let read = |source: &str, lex: &Lexicons| {
            let calendar =
                extract_calendar(&Text::from_plain(source), DocumentTime::default(), &[], lex);
            let days: Vec<(Option<u16>, u8, Option<u8>)> = calendar
                .events
                .iter()
                .map(|e| (e.start.year, e.start.month, e.start.day))
                .collect();
            let notes: Vec<String> = calendar
                .diagnostics
                .iter()
                .filter(|d| d.code == crate::catalogue::Code::CalendarDateOrderAmbiguous.as_str())
                .map(|d| d.message.clone())
                .collect();
            (days, notes)
        };
        let meeting = "Meeting: 05/04/2031 - Council (Item 92)\n";
        let (days, notes) = read(meeting, &english);
        assert_eq!(days, []);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("2031-04-05") && notes[0].contains("2031-05-04"),
            "{notes:?}"
        );
        for (evidence, want) in [
            (
                "Apologies were received from Councillors Lee and Hart.",
                (4, 5),
            ),
            ("The Councilmembers thanked the organization.", (5, 4)),
            ("The next meeting is on 25/06/2031.", (4, 5)),
            ("The next meeting is on 6/25/2031.", (5, 4)),
            ("The next meeting is on 3 June 2031.", (4, 5)),
            ("The next meeting is on June 3, 2031.", (5, 4)),
        ] {
            let (days, notes) = read(&format!("{meeting}{evidence}\n"), &english);
            assert_eq!(
                days.first(),
                Some(&(Some(2031), want.0, Some(want.1))),
                "{evidence}"
            );
            assert!(notes.is_empty(), "{evidence}: {notes:?}");
        }
        let (days, notes) = read(
            "Sesión: 05/04/2031 - Pleno\n",
            &Lexicons::for_codes(["es", "en"]),
        );
        assert_eq!(days, [(Some(2031), 4, Some(5))]);
        assert!(notes.is_empty());
    }

    fn starts(source: &str, time: DocumentTime) -> Vec<(Option<u16>, u8, Option<u8>)> {
        extract_calendar(&Text::from_plain(source), time, &[], &Lexicons::all())
            .events
            .iter()
            .map(|e| (e.start.year, e.start.month, e.start.day))
            .collect()
    }

    /// Year, month, day and end day of an event.
    type Dated = (Option<u16>, u8, Option<u8>, Option<u8>);

    /// The events of a text of no known year.
    fn dated(source: &str) -> Vec<Dated> {
        dated_with(source, DocumentTime::default())
    }

    /// The events of a text read with `time`.
    fn dated_with(source: &str, time: DocumentTime) -> Vec<Dated> {
        extract_calendar(&Text::from_plain(source), time, &[], &Lexicons::all())
            .events
            .iter()
            .map(|e| {
                (
                    e.start.year,
                    e.start.month,
                    e.start.day,
                    e.end.and_then(|d| d.day),
                )
            })
            .collect()
    }

    #[test]
    fn a_meeting_noun_right_before_a_day_names_that_days_event() {
        assert_eq!(
            dated("Delegates also met at the Regional Growers Summit June 3-5, 2031 in Dover, a gathering of farm boards.\n"),
            [(Some(2031), 6, Some(3), Some(5))]
        );
        assert_eq!(
            dated("2.1. Expediente 31-PLE. Sesión de 9 de mayo de 2031.\n"),
            [(Some(2031), 5, Some(9), None)]
        );
        assert_eq!(
            dated("Le bureau réuni le 4 avril 2031 a validé le budget, comme la séance du 2 mars 2031.\n"),
            [(Some(2031), 4, Some(4), None), (Some(2031), 3, Some(2), None)]
        );
        // A range opened by its own word is placed; a single day after that
        // word is a reference, and a meeting noun needs a year to date by.
        assert_eq!(
            dated(
                "Les maires se sont retrouvés à Lille, du 6 au 8 juin 2031, pour leur congrès.\n"
            ),
            [(Some(2031), 6, Some(6), Some(8))]
        );
        assert_eq!(
            dated("En vertu de la loi du 17 mai 2031, le conseil décide.\n"),
            []
        );
        // A cue may meet the day's weekday without its preposition.
        assert_eq!(
            dated("La rencontre des élus se tiendra lundi 6 octobre 2031 à la mairie.\n"),
            [(Some(2031), 10, Some(6), None)]
        );
        assert_eq!(
            dated("A review follows the council elections on 19 March when it meets.\n\nThe council was founded in 1990.\n"),
            []
        );
    }

    #[test]
    fn words_qualifying_or_numbering_a_meeting_may_stand_before_its_day() {
        assert_eq!(
            dated("Se aprueba el borrador de la sesión extraordinaria de 14 de enero de 2031 sin enmiendas.\n"),
            [(Some(2031), 1, Some(14), None)]
        );
        assert_eq!(
            dated("3.- Lectura del Acta de la Sesión Ordinaria Nº 7 del 2 de marzo de 2031.\n"),
            [(Some(2031), 3, Some(2), None)]
        );
        assert_eq!(
            dated("Quedan aprobadas las actas de las sesiones anteriores de fecha 12/05/2031 y 20/06/2031.\n"),
            [(Some(2031), 5, Some(12), None), (Some(2031), 6, Some(20), None)]
        );
        assert_eq!(
            dated("The minutes of the Special meeting held on the 9th May 2031 were signed.\n"),
            [(Some(2031), 5, Some(9), None)]
        );
        // A word that qualifies no meeting still parts the noun from the day.
        assert_eq!(
            dated("El consejo aprobó ayer una moción de 4 de mayo de 2031 sin debate.\n"),
            []
        );
    }

    #[test]
    fn a_legal_window_longer_than_a_month_is_no_event() {
        assert_eq!(
            dated("The annual parish assembly must be held between 1st March 2031 and 1st June 2031 by law.\n"),
            []
        );
        assert_eq!(
            dated("The annual parish assembly will be held on 4th March 2031 in the hall.\n"),
            [(Some(2031), 3, Some(4), None)]
        );
    }

    #[test]
    fn a_meeting_day_written_in_words_is_read_and_a_convocation_is_no_event() {
        assert_eq!(
            dated("En la villa, siendo las diez horas del día tres de febrero de dos mil treinta y uno, se reúne el Pleno.\n"),
            [(Some(2031), 2, Some(3), None)]
        );
        assert_eq!(
            dated("Le douze mars deux mille trente et un, le conseil, régulièrement convoqué le cinq mars deux mille trente et un, s'est réuni.\n"),
            [(Some(2031), 3, Some(12), None)]
        );
        assert_eq!(
            dated("Date de convocation : 02.03.2031 Date d'affichage : 02.03.2031\n"),
            []
        );
    }

    #[test]
    fn an_opened_range_in_a_text_of_no_year_keeps_no_year() {
        assert_eq!(
            dated("Del 4 al 6 de octubre la ciudad de Rocha será sede del encuentro de la red.\n"),
            [(None, 10, Some(4), Some(6))]
        );
        assert_eq!(
            dated("Le forum des villes, qui s'est déroulé du 2 au 5 mai à Tarbes, a élu son bureau.\n"),
            [(None, 5, Some(2), Some(5))]
        );
        // A single day with no year anywhere stays a mention.
        assert_eq!(
            dated("El 7 de octubre, más de cien alcaldes firmaron.\n"),
            []
        );
    }

    #[test]
    fn a_day_told_without_its_year_and_again_with_it_is_one_event() {
        for source in [
            "Assises de l'association - les maires se donnent rendez-vous à Lyon du 12 au 13 mai\n\nLYON, le 5 mai 2031 /CNW/ - Les assises se tiendront du 12 au 13 mai 2031 au palais des congrès de la ville.\n",
            "Del 12 al 13 de mayo la red se reunirá en Rosario.\n\nLa asamblea se celebrará del 12 al 13 de mayo de 2031 en el palacio municipal de la ciudad.\n",
        ] {
            assert_eq!(dated(source), [(Some(2031), 5, Some(12), Some(13))], "{source}");
        }
    }

    #[test]
    fn a_reporting_span_under_a_title_is_no_event() {
        for source in [
            "Annual Report to Member Councils\n\nApril 2030 – March 2031\n\nThe council met often.\n",
            "Rapport d'activité\n\nJanvier 2030 - Décembre 2030\n\nLe conseil s'est réuni.\n",
            "Informe anual\n\nAbril de 2030 – marzo de 2031\n\nEl consejo se reunió.\n",
        ] {
            assert_eq!(dated(source), [], "{source}");
        }
    }

    #[test]
    fn days_following_one_another_after_a_date_preposition_are_a_range_where_a_sentence_opens() {
        let cases = [
            (
                "Los días 18 y 19 de septiembre la federación renovará sus cargos en Madrid.\n",
                (9, Some(18), Some(19)),
            ),
            (
                "Les 12 et 13 mai, le congrès réunira les maires à Lyon.\n",
                (5, Some(12), Some(13)),
            ),
            (
                "On 12-13 May the congress gathers the mayors in Leeds.\n",
                (5, Some(12), Some(13)),
            ),
        ];
        for (source, (month, day, end)) in cases {
            // No year anywhere: the year is left unknown.
            assert_eq!(dated(source), [(None, month, day, end)], "{source}");
            // The document's year is the range's.
            assert_eq!(
                dated_with(source, time(2031)),
                [(Some(2031), month, day, end)],
                "{source}"
            );
        }
        // A single day opening the sentence stays a mention.
        assert_eq!(
            dated("El 18 de septiembre la federación renovará sus cargos.\n"),
            []
        );
        // A text that prints a year the range does not take leaves it a
        // mention: which year it is would be a guess.
        assert_eq!(
            dated("El programa cultural de 2031 crece.\n\nEl 27 y 28 de abril se realizará un festival de música.\n"),
            []
        );
    }

    #[test]
    fn a_range_running_into_the_next_year_is_a_fiscal_year_unless_short() {
        assert_eq!(
            starts(
                "The league's fiscal year goes from October 1 to September 30.\n",
                time(2031)
            ),
            []
        );
        assert_eq!(
            starts(
                "The winter school runs from December 28 to January 3 in Tromsø.\n",
                time(2031)
            ),
            [(Some(2031), 12, Some(28))]
        );
    }

    #[test]
    fn a_sentence_opening_on_a_full_day_tells_that_days_event() {
        assert_eq!(
            dated("Jueves, 14 de marzo de 2030, el auditorio recibió a 210 alcaldes de la provincia.\n"),
            [(Some(2030), 3, Some(14), None)]
        );
        assert_eq!(
            dated("Samstag, 9. März 2030, trafen sich die Bürgermeister im Rathaus.\n"),
            [(Some(2030), 3, Some(9), None)]
        );
        // The day alone on its line, ending in a comma, is a posting date.
        assert_eq!(
            dated("Le 23 février 2030,\nUne réunion des élus du bassin.\n"),
            []
        );
    }

    #[test]
    fn a_wire_dateline_is_no_event() {
        assert_eq!(
            dated("QUEBEC, QC, le 3 avril 2030 /CNW/ - Les élus sont invités au forum annuel.\n"),
            []
        );
        assert_eq!(
            dated("DENVER, March 2, 2030 /Newswire/ -- The league opens registration.\n\nWhen: May 5-7, 2030\n"),
            [(Some(2030), 5, Some(5), Some(7))]
        );
    }

    #[test]
    fn a_day_without_its_year_takes_the_year_of_its_sentence() {
        assert_eq!(
            starts(
                "Le comité, lors de sa séance du 30 août 2030, a arrêté un avis qui a été transmis le 15 octobre aux communes.\n",
                time(2031)
            ),
            [(Some(2030), 8, Some(30)), (Some(2030), 10, Some(15))]
        );
    }

    #[test]
    fn the_posting_day_of_a_page_dates_its_days_and_is_no_event() {
        // A date alone under the headline, over the article's running text.
        let article = "Town Networks Open Their Autumn Season\n\nOctober 2, 2031\n\nThe association will be present at the Coastal Towns Forum October 14-15 and at the Rivers Assembly November 20-21, with staff meeting mayors from the whole region to talk about shared services and grants.\n";
        assert_eq!(
            dated(article),
            [
                (Some(2031), 10, Some(14), Some(15)),
                (Some(2031), 11, Some(20), Some(21))
            ]
        );
        // A byline, a press dateline and a feed repeating its posting day.
        assert_eq!(
            dated("Spring notes\n\nBy Ana Ruiz, Editor | May 4, 2031 | NEWS\n"),
            []
        );
        assert_eq!(
            dated("Villaverde, Norte. 12/05/2031\n\nLos alcaldes se reunirán del 20 al 22 de junio en la capital para revisar juntos los fondos de cooperación de todos los municipios asociados.\n"),
            [(Some(2031), 6, Some(20), Some(22))]
        );
        let feed = "Fil des villes\n\nven, 14/03/2031 - 09:15\n\nLe groupe des finances locales a tenu sa dernière réunion le 11 mars dans les locaux de l'association, avec les services de toutes les villes membres du réseau.\n\nven, 14/03/2031 - 09:10\n";
        assert_eq!(dated(feed), [(Some(2031), 3, Some(11), None)]);
        // Under a head naming a meeting, or after a word cueing one, the day
        // alone is the meeting's.
        assert_eq!(
            dated("ASSEMBLÉE GÉNÉRALE\nDE L'UNION DES MAIRES\n\nSamedi 4 octobre 2031\n"),
            [(Some(2031), 10, Some(4), None)]
        );
        assert_eq!(
            dated("Adopted September 22, 2031\n"),
            [(Some(2031), 9, Some(22), None)]
        );
        // In a meeting's record, a place before the day dates the meeting.
        assert_eq!(
            dated("ACTA DE LA REUNIÓN DEL COMITÉ\nVillaverde, 4 de marzo de 2031\n"),
            [(Some(2031), 3, Some(4), None)]
        );
    }

    #[test]
    fn a_month_alone_on_its_line_dates_the_list_under_it() {
        let events = |source: &str| -> Vec<(u8, String)> {
            let text = Text::from_plain(source);
            extract_calendar(&text, time(2022), &[], &Lexicons::all())
                .events
                .iter()
                .map(|e| (e.start.month, e.text.clone()))
                .collect()
        };
        assert_eq!(
            events(
                "Calendrier\n\nMars\n\n• Forum urbain mondial\n• Atelier sur la mobilité\n\n\
                 Octobre :\n- Journée des villes\n\nLe reste du programme suit.\n"
            ),
            [
                (3, "Forum urbain mondial".to_owned()),
                (3, "Atelier sur la mobilité".to_owned()),
                (10, "Journée des villes".to_owned()),
            ]
        );
        // The next month ends the list above it, with or without a blank
        // line between them.
        assert_eq!(
            events("Marzo\n• Foro regional\nAbril 2023\n• Congreso anual\n"),
            [
                (3, "Foro regional".to_owned()),
                (4, "Congreso anual".to_owned()),
            ]
        );
        // A month over prose, or inside a sentence, heads no list.
        assert_eq!(events("Mayo\nEl equipo preparó el informe.\n"), []);
        assert_eq!(events("In May\n- a list of tasks\n"), []);
    }

    #[test]
    fn a_day_without_its_year_takes_it_from_the_day_of_writing() {
        // Told as coming, as past, or as neither, a day printed without its
        // year is placed from the first full day read before it.
        let source = "Lors d'une conférence tenue le mardi 4 novembre 2031, le président a parlé.\n\nDu 24 au 26 novembre prochain, la ville accueillera le congrès.\n\nLa rencontre, le 18 octobre dernier, avait réuni cent élus.\n\nL'assemblée du 3 au 5 décembre, à Valbonne, clora l'année.\n\nFondée le 3 mars 1987, l'association compte cent communes.\n";
        let found = dated(source);
        for want in [
            (Some(2031), 11, Some(24), Some(26)),
            (Some(2031), 10, Some(18), None),
            (Some(2031), 12, Some(3), Some(5)),
        ] {
            assert!(found.contains(&want), "{want:?} in {found:?}");
        }
        assert!(found.iter().all(|event| event.0.is_some()), "{found:?}");
        // Told before any, it is placed from the last full day the text
        // prints, not from an earlier founding day.
        let first = dated("Du 26 au 28 novembre prochain, la ville accueillera l'assemblée.\n\nLe maire l'a annoncé le lundi 19 novembre 2031 à la presse.\n\nL'association a été créée le 6 juillet 1983.\n");
        assert!(
            first.contains(&(Some(2031), 11, Some(26), Some(28))),
            "{first:?}"
        );
        // Farther than a season from the day of writing, and told neither
        // as past nor as coming, the day keeps no year.
        let far = dated("Du 3 au 5 mai, la ville accueillera le congrès.\n\nLe maire l'a annoncé le 4 novembre 2031 à la presse.\n");
        assert!(far.contains(&(None, 5, Some(3), Some(5))), "{far:?}");
    }

    #[test]
    fn a_weekday_chooses_the_year_among_the_few_the_text_prints() {
        // The page prints 2030 alone: Monday 17 November is in 2031 only
        // of 2029-2031.
        let source = "Reporté en 2030 pour cause de travaux, le congrès retrouve sa place.\n\nLes travaux s'ouvriront le lundi 17 novembre, puis l'assemblée se tiendra le mardi 18 novembre au matin.\n";
        assert_eq!(
            dated(source),
            [
                (Some(2031), 11, Some(17), None),
                (Some(2031), 11, Some(18), None)
            ]
        );
        // Monday 24 November 2025 and 2031 both: over 2024-2032 (a page
        // printing 2025 and 2031) the weekday leaves the day undated.
        let wide = "Le congrès de 2025 et celui de 2031 ont lieu au même endroit.\n\nLes travaux s'ouvriront le lundi 24 novembre au matin.\n";
        assert!(
            dated(wide).iter().all(|event| event.2 != Some(24)),
            "{:?}",
            dated(wide)
        );
    }

    #[test]
    fn a_meetings_day_given_by_a_dating_phrase_is_its_event() {
        assert_eq!(
            dated("Après lecture du procès-verbal du dernier Conseil municipal en date du 5 mai 2031, il est adopté.\n"),
            [(Some(2031), 5, Some(5), None)]
        );
        // A convocation is no meeting: its date is not one.
        assert_eq!(
            dated("Le Conseil municipal, sur convocation régulière en date du 19 mars 2031, s'est réuni.\n"),
            []
        );
    }
}
