//! Document kind, period and title from the kind phrases of the lexicon.
//!
//! Only the title area (the first page, or the first lines of a text without
//! pages) states what a document is; the body mentions other documents
//! ("the Action Plan 2018-2020") all the time. So when the title area names a
//! kind, body mentions only add evidence; otherwise they decide, at half
//! weight. Each kind scores its best match (not the sum, which would reward
//! repetition), in a line naming two kinds only the first counts ("first
//! year of implementation of the Action Plan" is an annual report), and two
//! kinds scoring alike give a diagnostic naming both.
//!
//! The period, likewise, comes first from the title area: the year after the
//! kind phrase, a month range with its year (`Janvier-Décembre 2012`), a
//! lone year on the cover; then from body lines. A span of years beside a
//! role (`Secretary General between 2001 and 2009`) is a tenure, not a
//! period. Every line is [`fold`]ed before any lookup.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::language::LanguageBlock;
use crate::diagnostic::{Code, Diagnostic};
use crate::extract::{agenda_openers, bullet, opens_agenda_item, spell_out_dates};
use crate::lexicon::{fold, unaccented, KindPhrase, Lexicons};
use crate::markup;
use crate::model::{DocumentKind, Evidence, KindDetection, Period};
use crate::normalize::{Line, Text};

/// Non-empty lines of the first page that form the title area of a text input.
const TITLE_AREA_LINES: usize = 15;
/// A title is a heading, not a sentence.
const MAX_TITLE_WORDS: usize = 12;

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:19[5-9][0-9]|20[0-9][0-9])\b").expect("YEAR is a valid literal pattern")
});
/// A span of years (`2016-2020`, `2009-10`, `2015-6`, a fiscal year
/// printed with the last digit alone and no space).
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) \b (?P<start>(?:19[5-9]|20[0-9])[0-9])
            (?: \s? [-–—/] \s? (?P<end>(?:19[5-9]|20[0-9])[0-9] | [0-9]{2}) | [-–/] (?P<digit>[0-9]) ) \b",
    )
    .expect("SPAN is a valid literal pattern")
});

/// A day written the ISO way (`2014-10-01`): the stamp a repository or a
/// site puts beside a title when it posts it, not a year the title names.
static ISO_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]\b")
        .expect("ISO_DAY is a valid literal pattern")
});

/// A name printed between straight double quotes, as [`fold`] leaves any
/// quotes (`"Rendición de cuentas 2031"`).
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""[^"]*""#).expect("QUOTED is a valid literal pattern"));

/// A clock time (`7:30pm`, `19h00`, `13:00`, `6 pm`): its numbers are no
/// days.
/// The number of a part opening a line (`5. Work plan 2032`, `1.2
/// Action plan`, `IV. Plan de acción`, `III.1.1 Elaborar el plan
/// operativo`): an entry of an index, a numbered chapter or a plan item,
/// which names a part of the document rather than the document.
static PART_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[0-9]{1,2}\.(?:[0-9]{1,2}\.?)*|[IVX]{1,5}\.(?:[0-9]{1,2}\.?)*)\s+\S")
        .expect("PART_NUMBER is a valid literal pattern")
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[0-9]{1,2}(?:[:h][0-9]{2}(?:\s*[ap]\.?m\b\.?)?|(?:\.[0-9]{2})?\s*[ap]\.?m\b\.?)",
    )
    .expect("CLOCK is a valid literal pattern")
});

pub(super) struct KindResult {
    pub kind: KindDetection,
    pub period: Option<Period>,
    pub title: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One line with its folded lower-case form (for lookups), and whether it
/// is in the title area. Its forms are made on demand, when the line is
/// tested, and dropped with the candidate: a long document has one
/// candidate per line, and holding every line's lowered copy at once set
/// the peak memory of long reports.
struct Candidate<'a> {
    index: usize,
    line: Line<'a>,
    lower: OnceCell<String>,
    in_title_area: bool,
}

impl Candidate<'_> {
    /// The line folded and lowered ([`lower_same_length`]), for lookups;
    /// empty for a blank line.
    fn lower(&self) -> &str {
        self.lower.get_or_init(|| lowered(&self.line))
    }

    /// The line without markup.
    fn plain(&self) -> String {
        markup::plain(self.line.text)
    }

    /// The plain line folded, so that byte offsets in `lower` index it.
    fn folded(&self) -> String {
        fold(&self.plain()).into_owned()
    }
}

/// A kind phrase found on a line.
struct Hit<'a> {
    candidate: usize,
    phrase: &'a KindPhrase,
    /// The kind the line names: the phrase's, or [`DocumentKind::Other`]
    /// when the line names a report on a plan's progress.
    kind: DocumentKind,
    score: f64,
    /// Whether the line names the document itself: a heading, or a sentence
    /// that points at the document (`this report`). A sentence that names a
    /// kind otherwise speaks of another document (`its annual report`, `a
    /// new business plan`).
    names_document: bool,
    /// The title of a cover run into one long line ([`opens_run_in_cover`]):
    /// from the kind phrase to its year, as printed.
    cover_title: Option<String>,
    /// Whether the phrase names the document only as the opening of a
    /// run-in cover: the line is then no title, but for [`Hit::cover_title`].
    run_in_only: bool,
    /// Byte offset in the line of a report's phrase that follows a plan's
    /// name and years ([`report_after_plan`]): the report's title starts
    /// there, and a year before it is the plan's.
    report_at: Option<usize>,
}

pub(super) fn detect_kind(
    text: &Text,
    blocks: &[LanguageBlock],
    language: &str,
    lexicons: &Lexicons,
) -> KindResult {
    let candidates = Candidates::new(text);
    let hits = kind_hits(&candidates, lexicons);
    let mut diagnostics = Vec::new();
    let (kind, kind_confidence) = best_kind(&hits, &candidates, lexicons, &mut diagnostics);
    // The title is read off the lines naming the kind, even when the
    // document turns out to be about that kind rather than of it.
    let mut hit_kind = kind;
    // A post signed and dated in its head (`By Ann Lee, Director | Nov 4,
    // 2031 | BLOG POST`) is an article: the kind its headline names is
    // what it writes about (`2031 Annual Report Highlights`).
    // A page opening on its posting day alone (`January 30, 2031   cib`)
    // is a post as well.
    let (kind, kind_confidence) = match candidates
        .iter()
        .take_while(|candidate| candidate.in_title_area)
        .enumerate()
        .find(|(position, candidate)| {
            is_dated_byline(candidate, lexicons)
                || (*position == 0 && is_posting_day(candidate, lexicons))
        }) {
        Some((position, byline)) if kind != DocumentKind::Other => {
            // A headline names the kind above a byline; below a posting
            // day, a line naming it is a heading of the post's body.
            if position == 0 {
                hit_kind = DocumentKind::Other;
            }
            diagnostics.push(Diagnostic::info(
                Code::DetectKindUnknown,
                format!(
                    "{} names what a signed post writes about (`{}`), not the post",
                    kind_name(kind),
                    byline.plain().trim()
                ),
            ));
            (DocumentKind::Other, 0.0)
        }
        _ => (kind, kind_confidence),
    };
    let mut kind_hits: Vec<&Hit<'_>> = hits.iter().filter(|hit| hit.kind == kind).collect();
    kind_hits.sort_by_key(|hit| !candidates.at(hit.candidate).in_title_area);
    let evidence: Vec<Evidence> = kind_hits
        .iter()
        .take(3)
        .map(|hit| evidence(&candidates.at(hit.candidate), hit.phrase.phrase))
        .collect();
    let period = detect_period(&candidates, &hits, kind, lexicons, &mut diagnostics);
    // An activity report of one year (or one fiscal year) is a yearly
    // report: `activity_report` is for reports not tied to a year, or on
    // part of one (a quarter of a fiscal year).
    let yearly = period.as_ref().is_some_and(|p| p.end <= p.start + 1);
    let part_of_year = kind_hits.first().is_some_and(|hit| hit.phrase.part_of_year);
    let kind = if kind == DocumentKind::ActivityReport && yearly && !part_of_year {
        DocumentKind::AnnualReport
    } else {
        kind
    };
    let title = detect_title(&candidates, &hits, hit_kind, blocks, language, lexicons)
        .or_else(|| opening_heading(&candidates, lexicons, &mut diagnostics))
        .or_else(|| {
            // Two headings opening the document: neither is the title, even
            // when one is a record's heading in capitals. A word alone is a
            // label (`ASISTENTES`), no heading.
            let mut headings: Vec<String> = candidates
                .iter()
                .take_while(|candidate| candidate.in_title_area)
                .take(3)
                .filter_map(|candidate| heading_line(&candidate, lexicons))
                .filter(|heading| heading.split_whitespace().nth(1).is_some())
                .collect();
            headings.dedup();
            (headings.len() < 2)
                .then(|| capitals_heading(&candidates, lexicons))
                .flatten()
        });
    if kind == DocumentKind::Other {
        diagnostics.push(Diagnostic::info(
            Code::DetectKindUnknown,
            "no phrase names the kind of document",
        ));
    }
    if period.is_none() {
        diagnostics.push(Diagnostic::info(
            Code::DetectPeriodUnknown,
            "no year or period found",
        ));
    }
    KindResult {
        kind: KindDetection {
            value: kind,
            confidence: round(kind_confidence),
            evidence,
        },
        period,
        title,
        diagnostics,
    }
}

/// A line's plain text folded and lowered ([`lower_same_length`]); empty
/// for a blank line.
fn lowered(line: &Line<'_>) -> String {
    if line.text.trim().is_empty() {
        String::new()
    } else {
        lower_same_length(&fold(line.plain))
    }
}

/// The non-blank lines as candidates. Only each candidate's line index is kept (4 bytes a
/// line, not a [`Candidate`]'s 56): a long document has one per line, and
/// the rest is read back from the text when a candidate is looked at.
struct Candidates<'a> {
    text: &'a Text,
    indices: Vec<u32>,
    first_page: u32,
    paged: bool,
}

impl<'a> Candidates<'a> {
    fn new(text: &'a Text) -> Self {
        let indices = text
            .lines
            .iter()
            .enumerate()
            .filter(|(_, line)| !line.text.trim().is_empty())
            .filter_map(|(index, _)| u32::try_from(index).ok())
            .collect();
        Self {
            text,
            indices,
            first_page: text.lines.first().map_or(1, |line| line.page),
            paged: text.page_count() > 1,
        }
    }

    fn len(&self) -> usize {
        self.indices.len()
    }

    /// Candidate `position`: the title area is the first page of a paged
    /// text, else its first [`TITLE_AREA_LINES`] non-blank lines.
    fn get(&self, position: usize) -> Option<Candidate<'a>> {
        let index = *self.indices.get(position)? as usize;
        let line = self.text.lines.get(index)?;
        let in_title_area = if self.paged {
            line.page == self.first_page
        } else {
            position < TITLE_AREA_LINES
        };
        Some(Candidate {
            index,
            line,
            lower: OnceCell::new(),
            in_title_area,
        })
    }

    /// Candidate `position`, which the caller got from this list.
    fn at(&self, position: usize) -> Candidate<'a> {
        self.get(position).unwrap_or(Candidate {
            index: 0,
            line: Line {
                page: self.first_page,
                number: 0,
                text: "",
                plain: "",
            },
            lower: OnceCell::new(),
            in_title_area: false,
        })
    }

    fn iter(&self) -> impl Iterator<Item = Candidate<'a>> + '_ {
        (0..self.len()).map(|position| self.at(position))
    }
}

/// Lower case, keeping each character's byte length (a character whose lower
/// case is longer, such as `İ`, stays as it is), so that offsets found in the
/// lower-case text index the original.
fn lower_same_length(text: &str) -> String {
    // Runs of ASCII are copied whole and lowered in place at the end (no
    // other character lowers to ASCII at its own length), not char by char.
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
        out.push_str(text.get(run..at).unwrap_or_default());
        let mut lower = c.to_lowercase();
        out.push(match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        });
        run = at + c.len_utf8();
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out.make_ascii_lowercase();
    out
}

/// The kind phrases of a set of lexicons and their automata.
struct KindAutomata {
    phrases: Vec<&'static KindPhrase>,
    /// One automaton for every phrase: each line is read once, not once per phrase.
    automaton: AhoCorasick,
    /// The phrases without accents: title lines in capitals often drop
    /// theirs (`RAPPORT D'ACTIVITE`), and are read again without accents
    /// on either side.
    bare_phrases: Vec<String>,
    bare_automaton: AhoCorasick,
}

impl KindAutomata {
    fn of(lexicons: &Lexicons) -> Self {
        let phrases: Vec<&'static KindPhrase> = lexicons.each(|l| l.kind_phrases).collect();
        let automaton = AhoCorasick::new(phrases.iter().map(|phrase| phrase.phrase))
            .expect("kind phrases are a few short literals");
        let bare_phrases: Vec<String> = phrases.iter().map(|p| unaccented(p.phrase)).collect();
        let bare_automaton =
            AhoCorasick::new(&bare_phrases).expect("kind phrases are a few short literals");
        Self {
            phrases,
            automaton,
            bare_phrases,
            bare_automaton,
        }
    }
}

/// The first kind phrase of each line (longest when several start together).
fn kind_hits(candidates: &Candidates<'_>, lexicons: &Lexicons) -> Vec<Hit<'static>> {
    let automata = lexicons.cached("kind_phrases", KindAutomata::of);
    let KindAutomata {
        phrases,
        automaton,
        bare_phrases,
        bare_automaton,
    } = &*automata;
    let mut resume = vec![0usize; phrases.len()];
    let mut hits = Vec::new();
    for (position, candidate) in candidates.iter().enumerate() {
        let candidate = &candidate;
        let mut lower: std::borrow::Cow<'_, str> = std::borrow::Cow::Borrowed(candidate.lower());
        let mut first = first_phrase(automaton, phrases, &lower, &mut resume)
            .map(|(at, phrase)| (at, phrase, phrase.phrase.len()));
        if first.is_none() && candidate.in_title_area {
            let bare = unaccented(candidate.lower());
            first = first_phrase(bare_automaton, phrases, &bare, &mut resume)
                .map(|(at, phrase)| (at, phrase, unaccented(phrase.phrase).len()))
                .or_else(|| misspelt_phrase(&bare, phrases, bare_phrases));
            lower = std::borrow::Cow::Owned(bare);
        }
        // A sentence opening on the report itself and the year it covers
        // (`This report documents the network's work programme for the
        // calendar year 2018`) names a yearly report, whatever other
        // document it names further on: in a line, the first kind counts.
        let covered = covered_year_sentence(candidate, lexicons);
        if covered.is_some() {
            first = None;
        }
        if first.is_none() {
            // A phrase a cover breaks over two lines names the document as
            // a line of its own would.
            let yearly = covered
                .or_else(|| phrase_over_cover_lines(candidates, position, &lower, lexicons))
                .or_else(|| yearly_title_phrase(candidate, lexicons))
                .or_else(|| yearly_cover_noun(candidates, position, lexicons));
            if let Some(phrase) = yearly {
                hits.push(Hit {
                    candidate: position,
                    phrase,
                    kind: phrase.kind,
                    score: phrase.weight,
                    names_document: true,
                    cover_title: None,
                    run_in_only: false,
                    report_at: None,
                });
            }
        }
        if let Some((at, phrase, len)) = first {
            let score = if candidate.in_title_area {
                phrase.weight
            } else {
                phrase.weight / 2.0
            };
            let after = &lower[at + len..];
            let before_words = words(&lower[..at]);
            let just_before =
                before_words[before_words.len().saturating_sub(UPDATE_LEAD_WORDS)..].join(" ");
            let plan_update = is_plan(phrase.kind)
                && (names_plan_update(after, lexicons)
                    || names_plan_update(&just_before, lexicons));
            // A plan's name closed by its years and followed by a report's
            // own title (`Medium Term Development Plan (2014-2017) ANNUAL
            // PROGRESS REPORT 2017`): the line titles that report, which
            // is the document.
            let report = plan_update
                .then(|| {
                    report_after_plan(automaton, phrases, &lower, at + len, lexicons, &mut resume)
                })
                .flatten();
            let report_at = report.map(|(report_at, _)| report_at);
            let phrase = report.map_or(phrase, |(_, report)| report);
            let kind = if report.is_some() {
                phrase.kind
            } else if plan_update {
                DocumentKind::Other
            } else if is_report(phrase.kind) && follows_plan_name(&before_words, lexicons) {
                // `General Plan Annual Report`, `Blueprint Progress Report`:
                // a report on a plan's progress, not the body's yearly report.
                DocumentKind::Other
            } else {
                phrase.kind
            };
            // `the first year of implementation of the plan` says which
            // year the document reports on, in whatever sentence.
            let names_reported_year = words(phrase.phrase)
                .iter()
                .any(|word| lexicons.has(|l| l.year_words, word));
            let before = &lower[..at];
            let run_in_cover = is_sentence(candidate)
                && opens_run_in_cover(candidate, at, after)
                && !subject_of(after, lexicons);
            let names_otherwise = names_reported_year
                || !is_sentence(candidate)
                || (opens_line(before) && !subject_of(after, lexicons))
                || points_at_itself(before, lexicons)
                || (candidate.in_title_area && presents_itself(&before_words, lexicons));
            let names_document = !PART_NUMBER.is_match(&candidate.plain())
                && !opens_on_item_label(&lower, lexicons)
                && (names_otherwise || run_in_cover)
                && !sent_elsewhere_by_determiner(&before_words, lexicons);
            // A title the cover opens before the phrase (`NOTE DE
            // PRÉSENTATION … Du Compte Administratif 2031`, the link word
            // right before it) has no certain start: none is given. Nor
            // has a phrase read as a plan's update.
            let continues_title = before_words
                .last()
                .is_some_and(|word| lexicons.has(|l| l.function_words, word));
            // A report's title after a plan's name starts at the report.
            let title_at = report_at.unwrap_or(at);
            let cover_title =
                (run_in_cover && kind == phrase.kind && (report_at.is_some() || !continues_title))
                    .then(|| {
                        let skipped = lower
                            .get(..title_at)
                            .unwrap_or_default()
                            .split_whitespace()
                            .count();
                        run_in_cover_title(candidate, skipped, phrase)
                    })
                    .flatten();
            hits.push(Hit {
                candidate: position,
                phrase,
                kind,
                score,
                names_document,
                cover_title,
                run_in_only: run_in_cover && !names_otherwise,
                report_at,
            });
        }
    }
    hits
}

/// A kind phrase a cover breaks over two of its lines (`Plan communal de`
/// / `Développement DE DJOUM`): the title area's line `position` ends on an
/// open word of the lexicon (an article, preposition or conjunction, so
/// the line goes on), and a phrase starting on it ends on the next line of
/// the title area. `lower` is the line as [`kind_hits`] reads it.
fn phrase_over_cover_lines(
    candidates: &Candidates<'_>,
    position: usize,
    lower: &str,
    lexicons: &Lexicons,
) -> Option<&'static KindPhrase> {
    let candidate = candidates.get(position)?;
    let last = lower.split_whitespace().next_back()?;
    if !candidate.in_title_area || !lexicons.has(|l| l.open_words, last) {
        return None;
    }
    let next = candidates
        .get(position + 1)
        .filter(|next| next.in_title_area)?;
    let joined = format!("{} {}", lower.trim_end(), unaccented(next.lower()));
    let automata = lexicons.cached("kind_phrases", KindAutomata::of);
    let mut resume = vec![0usize; automata.phrases.len()];
    let bare = unaccented(&joined);
    let (at, phrase) = first_phrase(
        &automata.bare_automaton,
        &automata.phrases,
        &bare,
        &mut resume,
    )?;
    let line_end = unaccented(lower.trim_end()).len();
    let ends = at + unaccented(phrase.phrase).len();
    (at < line_end && ends > line_end).then_some(phrase)
}

/// The report phrase that follows a plan's name in a line (from byte
/// `from` of `lower`), with its byte offset, when a year closes that name
/// right before the report phrase (`Strategic Plan Progress Report` is a report on the plan,
/// told by [`names_plan_update`]), the report prints a year of its own,
/// and the phrase is not itself an update word of the plan (`Development
/// Plan 2031 progress report`).
fn report_after_plan(
    automaton: &AhoCorasick,
    phrases: &[&'static KindPhrase],
    lower: &str,
    from: usize,
    lexicons: &Lexicons,
    resume: &mut [usize],
) -> Option<(usize, &'static KindPhrase)> {
    let rest = lower.get(from..)?;
    let (at, report) = first_phrase(automaton, phrases, rest, resume)?;
    let head = rest.get(..at)?;
    let before = words(head);
    let update_word = lexicons
        .each(|l| l.plan_update_words)
        .any(|word| *word == report.phrase);
    // The report's own year, right before it (`(2014-2017) 2016 ANNUAL
    // PROGRESS REPORT`) or right after it: without one, the report is the
    // plan's (`Plan 2023-2027: informe anual de avance`).
    let own_year = head
        .split_whitespace()
        .last()
        .and_then(year_word)
        .is_some_and(|(start, end)| start == end)
        || rest
            .get(at + report.phrase.len()..)
            .and_then(|after| attached_year(after, lexicons))
            .is_some();
    (is_report(report.kind)
        && !update_word
        && own_year
        && before.last().is_some_and(|word| YEAR.is_match(word)))
    .then_some((from + at, report))
}

/// Fewest letters of a phrase's word that a cover may print with one letter
/// dropped: a shorter word so cut is another word (`plan` / `pan`).
const MISSPELT_WORD_LETTERS: usize = 5;

/// A kind phrase printed on a cover with one letter dropped from one of
/// its words (`ANNUAL PROGRSS REPORT`), as covers typed in a hurry print
/// them: its offset in `bare`, the phrase, and the length of its words as
/// printed. Asked only of lines of the title area where no phrase was found
/// as spelt: in the body, a word so cut is more often another word than a
/// typing slip. Only phrases of two words or more, every other word spelt
/// as in the lexicon, and the cut word long enough
/// ([`MISSPELT_WORD_LETTERS`]) that dropping a letter does not make another
/// word of it.
fn misspelt_phrase(
    bare: &str,
    phrases: &[&'static KindPhrase],
    bare_phrases: &[String],
) -> Option<(usize, &'static KindPhrase, usize)> {
    let tokens = letter_runs(bare);
    // (start, longest first, list order), as [`first_phrase`] ranks.
    let mut best: Option<(usize, std::cmp::Reverse<usize>, usize, usize)> = None;
    for (index, phrase) in bare_phrases.iter().enumerate() {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        for window in tokens.windows(words.len()) {
            let cut = window
                .iter()
                .zip(&words)
                .filter(|((_, token), word)| token != *word)
                .collect::<Vec<_>>();
            let slip =
                matches!(cut.as_slice(), [((_, token), word)] if one_letter_dropped(word, token));
            if let (true, Some((at, _)), Some((last_at, last))) =
                (slip, window.first(), window.last())
            {
                let key = (
                    *at,
                    std::cmp::Reverse(words.len()),
                    index,
                    last_at + last.len(),
                );
                if best.is_none_or(|found| key < found) {
                    best = Some(key);
                }
            }
        }
    }
    best.map(|(at, _, index, end)| (at, phrases[index], end - at))
}

/// The runs of letters, digits and apostrophes of `text`, with their byte offsets.
fn letter_runs(text: &str) -> Vec<(usize, &str)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'';
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                runs.push((from, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        runs.push((from, &text[from..]));
    }
    runs
}

/// Whether `printed` is `word` with one of its letters dropped, `word`
/// having at least [`MISSPELT_WORD_LETTERS`] letters.
fn one_letter_dropped(word: &str, printed: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    letters.len() >= MISSPELT_WORD_LETTERS
        && printed.chars().count() + 1 == letters.len()
        && (0..letters.len()).any(|cut| {
            letters
                .iter()
                .enumerate()
                .filter(|(at, _)| *at != cut)
                .map(|(_, c)| *c)
                .eq(printed.chars())
        })
}

/// A year or a span of years printed alone as a word of a cover (`2018`,
/// `2016/17`, `2018/2019`), maybe closed by a comma.
static COVER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19[5-9][0-9]|20[0-9][0-9])(?:[-/–](?:[0-9]{1,2}|[0-9]{4}))?,?$")
        .expect("COVER_YEAR is a valid literal pattern")
});

/// Most words after a kind phrase within which a run-in cover prints the
/// year (`Annual Report of the Executive Committee 2018`).
const COVER_YEAR_REACH: usize = 6;

/// Longest word in lower case that a cover's name may hold (`of`, `and`,
/// `de`, `des`): any longer one is prose.
const COVER_LINK_LETTERS: usize = 3;

/// Whether a kind phrase opens the document on a cover whose lines a text
/// layer ran into one long line (`Leicestershire & Rutland Association of
/// Local Councils Annual Report of the Executive Committee 2018
/// (incorporating…`, `COUNTY GOVERNMENT OF KIAMBU … ANNUAL DEVELOPMENT PLAN
/// 2016/17 AUGUST 2015 …`): in the title area, only a body's name before
/// the phrase (at most [`MAX_TITLE_WORDS`] words, each capitalised but for
/// short links, no punctuation ending a clause), and a year within
/// [`COVER_YEAR_REACH`] words after it. A sentence speaking of a report
/// (`The council adopted its annual report 2018…`) has lower-case words
/// before the phrase.
fn opens_run_in_cover(candidate: &Candidate<'_>, at: usize, after: &str) -> bool {
    if !candidate.in_title_area {
        return false;
    }
    let folded = candidate.folded();
    let Some(head) = folded.get(..at) else {
        return false;
    };
    let head_words: Vec<&str> = head.split_whitespace().collect();
    let cover_name = head_words.len() <= MAX_TITLE_WORDS
        && !head.contains(['.', '!', '?', ';', ':'])
        && head_words.iter().all(|word| {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            !word.starts_with(char::is_lowercase) || letters <= COVER_LINK_LETTERS
        });
    cover_name
        && after
            .split_whitespace()
            .take(COVER_YEAR_REACH)
            .any(|word| YEAR.is_match(word))
}

/// The title of a run-in cover: its words from the kind phrase (after
/// `skipped` words) to the year, when only words stand between them
/// (`Annual Report of the Executive Committee 2018`, `ANNUAL DEVELOPMENT
/// PLAN 2016/17`); a dash or a stray mark between them leaves the title
/// unsaid.
fn run_in_cover_title(
    candidate: &Candidate<'_>,
    skipped: usize,
    phrase: &KindPhrase,
) -> Option<String> {
    let plain = candidate.plain();
    let words: Vec<&str> = plain.split_whitespace().skip(skipped).collect();
    let phrase_words = phrase.phrase.split_whitespace().count();
    let year = words
        .iter()
        .skip(phrase_words)
        .take(COVER_YEAR_REACH)
        .position(|word| COVER_YEAR.is_match(word))?;
    let between = words.get(phrase_words..phrase_words + year)?;
    if !between
        .iter()
        .all(|word| word.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let title = words.get(..phrase_words + year + 1)?.join(" ");
    let capitalised = title.starts_with(char::is_uppercase);
    capitalised.then(|| title.trim_end_matches([',', ';', ':']).to_owned())
}

/// The yearly-review phrase of a title line (`A year in the LGA 2020-21`):
/// only on the first page, on a line that is no sentence and prints a year
/// or a span, since the phrase alone is common prose (`twice a year in`).
fn yearly_title_phrase(
    candidate: &Candidate<'_>,
    lexicons: &Lexicons,
) -> Option<&'static KindPhrase> {
    if !candidate.in_title_area || is_sentence(candidate) {
        return None;
    }
    let lower = candidate.lower();
    if span_in(lower).is_none() && single_year_in(lower).is_none() {
        return None;
    }
    lexicons
        .each(|l| l.yearly_title_phrases)
        .find(|phrase| find_words(lower, phrase.phrase).is_some())
}

/// A cover that sets a report's bare noun and its year on lines of their
/// own (`2019` / `Informe`, `Rapport` / `2031`), or on one line with the
/// body's name between them (`Bilan AIMF 2011`, `Memoria FEMP 2019`): a
/// yearly report. Only in the title area: the noun alone on its line and a
/// year alone on the line next to it, or a line of the noun, at most
/// [`COVER_NAME_WORDS`] capitalised words and a year.
fn yearly_cover_noun(
    candidates: &Candidates<'_>,
    position: usize,
    lexicons: &Lexicons,
) -> Option<&'static KindPhrase> {
    let candidate = candidates.get(position)?;
    if !candidate.in_title_area {
        return None;
    }
    let lower = candidate.lower().trim();
    if let Some(noun) = noun_name_and_year(&candidate, lower, lexicons) {
        return Some(noun);
    }
    let noun = lexicons
        .each(|l| l.yearly_cover_nouns)
        .find(|phrase| lower == phrase.phrase || unaccented(lower) == unaccented(phrase.phrase))?;
    let year_alone = |at: Option<usize>| {
        at.and_then(|at| candidates.get(at)).is_some_and(|next| {
            next.in_title_area && {
                let words = words(next.lower());
                words.len() == 1 && YEAR.is_match(next.lower())
            }
        })
    };
    (year_alone(position.checked_sub(1)) || year_alone(position.checked_add(1))).then_some(noun)
}

/// Most words of a body's name between a report's bare noun and its year
/// on one cover line (`Bilan AIMF 2011`, `Memoria FEMP Andalucía 2031`).
const COVER_NAME_WORDS: usize = 3;

/// The bare noun of a cover line set as the noun, the body's name and the
/// year (`Bilan AIMF 2011`): the noun opens the line capitalised, the year
/// (or span) closes it, and every word between is capitalised, of two
/// letters or more, neither a function word (`RAPPORT D ACTIVITES 2022` is
/// a kind phrase that lost its apostrophe, `Bilan des actions 2031` a
/// heading) nor an event's noun (`REPORT UCLG RETREAT 2020` reports on a
/// meeting). A complement joined by its elided article reads as such a
/// word (`RAPPORT D'EXÉCUTION 2019`): a report on one year's execution of
/// a plan is a yearly report too.
fn noun_name_and_year(
    candidate: &Candidate<'_>,
    lower: &str,
    lexicons: &Lexicons,
) -> Option<&'static KindPhrase> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let plain = candidate.plain();
    let printed: Vec<&str> = plain.split_whitespace().collect();
    let [first, name @ .., year] = words.as_slice() else {
        return None;
    };
    let name_word = |(word, printed): (&&str, &&str)| {
        printed.starts_with(char::is_uppercase)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !lexicons.has(|l| l.function_words, word)
            && !lexicons.has(|l| l.event_nouns, word)
    };
    let named = (1..=COVER_NAME_WORDS).contains(&name.len())
        && COVER_YEAR.is_match(year)
        && printed.len() == words.len()
        && printed
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && name.iter().zip(printed.iter().skip(1)).all(name_word);
    if !named {
        return None;
    }
    lexicons
        .each(|l| l.yearly_cover_nouns)
        .find(|phrase| *first == phrase.phrase || unaccented(first) == unaccented(phrase.phrase))
}

/// The opening sentence of a report that points at itself and says which
/// year it covers (`This report documents the network's work for the
/// calendar year 2018`, `La presente memoria recoge la gestión
/// correspondiente al año 2021`): a yearly report. The sentence opens on a
/// self-reference and a report's bare noun, and a covering phrase is
/// followed right away by one year.
fn covered_year_sentence(
    candidate: &Candidate<'_>,
    lexicons: &Lexicons,
) -> Option<&'static KindPhrase> {
    if !candidate.in_title_area {
        return None;
    }
    let lower = candidate.lower();
    let opening = words(lower);
    let points_at_report = lexicons.each(|l| l.self_reference_words).any(|determiner| {
        let determiner = words(determiner);
        opening.get(..determiner.len()) == Some(determiner.as_slice())
            && opening.get(determiner.len()).is_some_and(|noun| {
                lexicons
                    .each(|l| l.yearly_cover_nouns)
                    .any(|phrase| phrase.phrase == *noun)
            })
    });
    if !points_at_report {
        return None;
    }
    lexicons.each(|l| l.covered_year_phrases).find(|phrase| {
        find_words(lower, phrase.phrase).is_some_and(|at| {
            let next = words(&lower[at + phrase.phrase.len()..]);
            next.first()
                .is_some_and(|word| word.len() == 4 && YEAR.is_match(word))
        })
    })
}

fn is_plan(kind: DocumentKind) -> bool {
    matches!(kind, DocumentKind::ActionPlan | DocumentKind::WorkPlan)
}

fn is_report(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::AnnualReport | DocumentKind::ActivityReport | DocumentKind::TriennialReport
    )
}

/// Whether the word right before a report phrase ends a plan's name
/// (`General Plan Annual Report`, `City Blueprint Progress Report`).
fn follows_plan_name(before: &[&str], lexicons: &Lexicons) -> bool {
    before
        .last()
        .is_some_and(|word| lexicons.has(|l| l.plan_nouns, word))
}

/// Most words before a plan's name that can make it a report on the plan
/// (`INFORME AVANCE PLAN DE DESARROLLO`, `Seguimiento al Plan de Acción`).
const UPDATE_LEAD_WORDS: usize = 3;

/// Whether the words after (or just before) a plan's name make the line a
/// progress report on the plan (`Strategic Plan - Biannual Progress Update
/// #3`, `Informe avance Plan de Desarrollo`).
fn names_plan_update(after: &str, lexicons: &Lexicons) -> bool {
    // Words alone, without accents: titles in capitals often drop theirs
    // (`EVALUACION DEL PLAN`), and the words before a phrase come joined by
    // spaces (`à mi parcours du`).
    let bare = words(&unaccented(after)).join(" ");
    // The words of the lexicon, read alike once for every line asked.
    let update_words = lexicons.cached("plan_update_words", |lexicons| {
        lexicons
            .each(|l| l.plan_update_words)
            .map(|word| words(&unaccented(word)).join(" "))
            .collect::<Vec<String>>()
    });
    update_words
        .iter()
        .any(|word| find_words(&bare, word).is_some())
}

/// Whether a kind phrase opens its line, after at most two words (an
/// organisation's name): a title run into the text, as a page whose layout
/// was lost reads (`EUROCITIES annual report 2018 Forewords 4 …`).
fn opens_line(before: &str) -> bool {
    words(before).len() <= 2
}

/// Most words between a kind phrase and the auxiliary that makes it a
/// sentence's subject (`rapport moral d'activité vous sera présenté`).
const SUBJECT_GAP_WORDS: usize = 2;

/// Whether a kind phrase opening a sentence is its subject (`Le rapport
/// moral d'activité vous sera présenté par…`, `le rapport moral lu par le
/// président`): an auxiliary follows within a few words, or a participle
/// and the preposition of its agent, so the line speaks of a document
/// rather than titling one.
fn subject_of(after: &str, lexicons: &Lexicons) -> bool {
    let after = words(after);
    let agent = (1..=SUBJECT_GAP_WORDS + 1).any(|at| {
        after
            .get(at)
            .is_some_and(|word| lexicons.has(|l| l.agent_words, word))
    });
    agent
        || lexicons.each(|l| l.auxiliaries).any(|auxiliary| {
            let auxiliary: Vec<&str> = auxiliary.split_whitespace().collect();
            (0..=SUBJECT_GAP_WORDS).any(|gap| {
                after
                    .get(gap..gap + auxiliary.len())
                    .is_some_and(|window| window == auxiliary.as_slice())
            })
        })
}

/// A line that is prose, not a long title (`Update on Progress Toward
/// Meeting Council Goals and Priorities for Fiscal Year 2031-32`): ended by
/// a sentence's or a clause's stop, holding the end of a sentence before
/// the next (`… the financial report 2030-2031. Operating account 2031`),
/// or longer than two titles.
fn is_prose(candidate: &Candidate<'_>) -> bool {
    let plain = candidate.plain();
    let plain = plain.trim();
    let chars: Vec<char> = plain.chars().collect();
    let sentence_ends = chars.windows(5).any(|window| {
        matches!(window, [a, b, '.', ' ', capital]
            if a.is_alphanumeric() && b.is_alphanumeric() && capital.is_uppercase())
    });
    sentence_ends
        || plain.ends_with(['.', ',', ';'])
        || plain.split_whitespace().count() > 2 * MAX_TITLE_WORDS
}

/// A line that reads as a sentence rather than a heading: long, or ended by
/// a full stop.
fn is_sentence(candidate: &Candidate<'_>) -> bool {
    let plain = candidate.plain();
    let plain = plain.trim();
    plain.split_whitespace().count() > MAX_TITLE_WORDS || plain.ends_with('.')
}

/// Whether the words before a kind phrase point at the document itself
/// (`this`, `ce`, `el presente`), right before it or one word earlier (`our
/// first annual report`).
fn points_at_itself(before: &str, lexicons: &Lexicons) -> bool {
    let words = words(before);
    (0..=1.min(words.len())).any(|gap| {
        let end = words.len() - gap;
        lexicons.each(|l| l.self_reference_words).any(|determiner| {
            let determiner: Vec<&str> = determiner.split_whitespace().collect();
            let start = end.wrapping_sub(determiner.len());
            end >= determiner.len()
                && words[start..end] == determiner[..]
                && !sent_elsewhere(&words[..start], lexicons)
        })
    })
}

/// Most words between a presenting verb and the kind phrase it presents
/// (`present` `the 2018` `Annual Report`, `vous présenter` `le` `rapport`).
const PRESENTED_REACH: usize = 3;

/// Whether the words before a kind phrase end on a verb presenting the
/// document and at most [`PRESENTED_REACH`] words (an article, a year, a
/// pronoun): the opening of a foreword (`It is with pleasure to present
/// the 2018 Annual Report`), which names the document itself.
fn presents_itself(before: &[&str], lexicons: &Lexicons) -> bool {
    (0..=PRESENTED_REACH.min(before.len())).any(|gap| {
        let end = before.len() - gap;
        lexicons.each(|l| l.presenting_verbs).any(|verb| {
            let verb: Vec<&str> = verb.split_whitespace().collect();
            end.checked_sub(verb.len())
                .is_some_and(|start| before[start..end] == verb[..])
        })
    })
}

/// Whether the words before a determiner end on a verb that sends the reader
/// to another document (`Read our Annual Report to learn more`).
fn sent_elsewhere(before: &[&str], lexicons: &Lexicons) -> bool {
    lexicons.each(|l| l.link_verbs).any(|verb| {
        let verb: Vec<&str> = verb.split_whitespace().collect();
        before.len() >= verb.len() && before[before.len() - verb.len()..] == verb[..]
    })
}

/// Whether the words before a kind phrase end on a link verb and a
/// determiner (`Read our`, `Téléchargez notre`): another document, even at
/// the head of a line.
fn sent_elsewhere_by_determiner(before: &[&str], lexicons: &Lexicons) -> bool {
    lexicons.each(|l| l.self_reference_words).any(|determiner| {
        let determiner: Vec<&str> = determiner.split_whitespace().collect();
        before.len() >= determiner.len()
            && before[before.len() - determiner.len()..] == determiner[..]
            && sent_elsewhere(&before[..before.len() - determiner.len()], lexicons)
    })
}

/// The phrase found first in `lower` (with its byte offset) on word boundaries, the longest of those
/// starting together, the first listed of equals: what [`find_words`] run for
/// each phrase in turn would find. `resume` is scratch space, one slot per phrase.
fn first_phrase(
    automaton: &AhoCorasick,
    phrases: &[&'static KindPhrase],
    lower: &str,
    resume: &mut [usize],
) -> Option<(usize, &'static KindPhrase)> {
    resume.fill(0);
    // (start, longest first, list order) of each phrase's first match on word boundaries.
    let mut first: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
    for found in automaton.find_overlapping_iter(lower) {
        let index = found.pattern().as_usize();
        // Like `str::match_indices`, a phrase's matches do not overlap each other.
        if found.start() < resume[index] {
            continue;
        }
        resume[index] = found.end();
        if on_word_boundaries(lower, found.start(), found.end()) {
            let key = (found.start(), std::cmp::Reverse(found.len()), index);
            if first.is_none_or(|best| key < best) {
                first = Some(key);
            }
            // Later matches of this phrase are never its first.
            resume[index] = usize::MAX;
        }
    }
    first.map(|(at, _, index)| (at, phrases[index]))
}

/// Byte offset of `needle` in `haystack` on word boundaries.
fn find_words(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| on_word_boundaries(haystack, at, at + needle.len()))
}

/// Whether `haystack[start..end]` has no letter or digit right before or after it.
fn on_word_boundaries(haystack: &str, start: usize, end: usize) -> bool {
    let before = haystack[..start].chars().next_back();
    let after = haystack[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The kind named in the title area, else the one named in the body; each
/// kind scores its best hit, and the first-named kind wins a tie, with a
/// diagnostic.
fn best_kind(
    hits: &[Hit<'_>],
    candidates: &Candidates<'_>,
    lexicons: &Lexicons,
    diagnostics: &mut Vec<Diagnostic>,
) -> (DocumentKind, f64) {
    let in_title = |hit: &&Hit<'_>| candidates.at(hit.candidate).in_title_area;
    let naming: Vec<&Hit<'_>> = hits.iter().filter(|hit| hit.names_document).collect();
    let titled: Vec<&Hit<'_>> = naming.iter().copied().filter(in_title).collect();
    // Minutes or an agenda item named above the first kind of the title
    // area, or in a title area naming no kind: the document records a
    // meeting, and the documents its body names are items of its business
    // (`Item 4 Annual Report for the year 2031`).
    let first_titled = titled.first().map(|hit| hit.candidate);
    let meeting_first = candidates
        .iter()
        .take_while(|candidate| candidate.in_title_area)
        .position(|candidate| names_minutes(&candidate, lexicons))
        .is_some_and(|at| first_titled.is_none_or(|first| at < first));
    if meeting_first {
        if titled.is_empty() && !naming.is_empty() {
            diagnostics.push(Diagnostic::info(
                Code::DetectKindUnknown,
                "the title area names a meeting's record: kinds its body names are items of business",
            ));
        }
        return (DocumentKind::Other, 0.0);
    }
    let deciding: Vec<&Hit<'_>> = if titled.is_empty() { naming } else { titled };
    // (kind, best score), in order of first mention.
    let mut best: Vec<(DocumentKind, f64)> = Vec::new();
    for hit in &deciding {
        match best.iter_mut().find(|(kind, _)| *kind == hit.kind) {
            Some((_, score)) => *score = score.max(hit.score),
            None => best.push((hit.kind, hit.score)),
        }
    }
    best.sort_by(|a, b| b.1.total_cmp(&a.1));
    match best.as_slice() {
        [] => (DocumentKind::Other, 0.0),
        [(kind, score)] => (*kind, *score),
        [(kind, score), (other, second), ..] => {
            if (score - second).abs() < f64::EPSILON {
                diagnostics.push(Diagnostic::warning(
                    Code::DetectKindTie,
                    format!(
                        "{} and {} are named alike; the first named is kept",
                        kind_name(*kind),
                        kind_name(*other)
                    ),
                ));
            }
            (*kind, score * score / (score + second))
        }
    }
}

fn kind_name(kind: DocumentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn detect_period(
    candidates: &Candidates<'_>,
    hits: &[Hit<'_>],
    kind: DocumentKind,
    lexicons: &Lexicons,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Period> {
    let mut found: Vec<Period> = Vec::new();
    for hit in hits
        .iter()
        .filter(|hit| hit.kind == kind && hit.names_document)
    {
        let candidate = &candidates.at(hit.candidate);
        if let Some(period) = ordinal_year(
            candidate,
            candidates.get(hit.candidate + 1).as_ref(),
            lexicons,
        ) {
            found.push(period);
            continue;
        }
        let found_at = find_words(candidate.lower(), hit.phrase.phrase);
        let at = found_at.unwrap_or(0);
        let after = &candidate.lower()[at..];
        // A title may print its year first (`2020 Activity Report`,
        // `2019-20 Annual Report`).
        // Before a report's title that follows a plan's name, the span is
        // the plan's: only a single year there is the report's own
        // (`Development Plan 2014-2017 2016 Annual Progress Report`).
        let year_first = year_ending(&candidate.lower()[..at], lexicons)
            .filter(|&(start, end)| hit.report_at.is_none() || start == end);
        // The year printed right after the phrase, past link words only
        // (`Annual Report for 2019`, `Informe anual de 2019`), is the
        // document's own; a year further on dates what the title goes on
        // to name (`2019 Annual Report of the Strategic Plan 2016-2020`:
        // the plan's span).
        let year_next = found_at
            .and_then(|at| candidate.lower().get(at + hit.phrase.phrase.len()..))
            .and_then(|rest| attached_year(rest, lexicons));
        if let (Some(first), Some(next)) = (year_first, year_next) {
            if first != next {
                diagnostics.push(Diagnostic::warning(
                    Code::DetectPeriodTie,
                    format!(
                        "the title `{}` prints {} before and {} after its kind; neither is kept",
                        candidate.plain().trim(),
                        label_of(first),
                        label_of(next)
                    ),
                ));
                continue;
            }
        }
        // A span the line goes on to give a term of office (`Plan de
        // Desarrollo Municipal … Administración 2031-2033`) is the term's,
        // not the plan's: that line dates nothing.
        let beyond = found_at
            .and_then(|at| candidate.lower().get(at + hit.phrase.phrase.len()..))
            .unwrap_or_default();
        if year_next.or(year_first).is_none() && names_term(beyond, lexicons) {
            continue;
        }
        // A year inside a name the title quotes after its kind is that
        // name's (`Plan de trabajo "Rendición de cuentas 2031"`: the year
        // accounted for, not the plan's).
        let unquoted = QUOTED.replace_all(after, " ");
        // The dates a period's noun opens after the phrase are the span
        // the report covers, before any plan's years it names.
        if let Some(period) = year_next
            .or(year_first)
            .or_else(|| named_period_range(&unquoted, lexicons))
            .or_else(|| span_in(&unquoted))
            .or_else(|| named_month_range(&unquoted, lexicons))
            .or_else(|| single_year_in(&ISO_DAY.replace_all(&unquoted, " ")))
        {
            let confidence = if candidate.in_title_area { 0.9 } else { 0.6 };
            found.push(make_period(period, confidence, candidate));
        }
    }
    // A document that names no kind and records no meeting dates its cover
    // only to say when it was posted (`7 JANUARY 2013`, `Édition du 13
    // juin`): a dateline, not a period.
    let minutes = candidates
        .iter()
        .take_while(|candidate| candidate.in_title_area)
        .any(|candidate| {
            names_minutes(&candidate, lexicons)
                || names_meeting_day(candidate.lower(), lexicons)
                || names_agenda(&candidate, lexicons)
        });
    let datelines_are_periods = kind != DocumentKind::Other || minutes;
    // A plan of several years dated on its cover by a month (`JUILLET
    // 2011`, `Mars 2015`) prints when it was issued, not the years it covers.
    let issued_on_cover = matches!(
        kind,
        DocumentKind::TriennialReport | DocumentKind::ActionPlan
    );
    for (position, candidate) in candidates.iter().enumerate() {
        let candidate = &candidate;
        // A span between years anywhere on a line with a role word may be
        // a tenure; the dates a period's noun opens are one only beside it.
        let between = between_span(candidate.lower(), lexicons)
            .filter(|_| !is_tenure(candidate.lower(), lexicons, usize::MAX))
            .or_else(|| {
                candidate
                    .in_title_area
                    .then(|| named_period_range(candidate.lower(), lexicons))
                    .flatten()
                    .filter(|_| !is_tenure(candidate.lower(), lexicons, TENURE_REACH))
            });
        if let Some(span) = between {
            found.push(make_period(span, 0.7, candidate));
        } else if candidate.in_title_area && !is_posting_line(candidate.lower(), lexicons) {
            // A document's noun dated by its month (`Chief Executive's
            // Report – January 2031`) titles a monthly paper, no dateline.
            // A day (`Daily report for 11 November 2031`) dates an issue
            // of a bulletin, as a dateline does.
            let titled = || {
                !names_day(candidate.lower(), lexicons)
                    && lexicons
                        .each(|l| l.document_nouns)
                        .any(|noun| find_words(candidate.lower(), noun).is_some())
            };
            let title_year = title_year(candidate, lexicons)
                .filter(|_| {
                    datelines_are_periods
                        || !names_dateline(candidate.lower(), lexicons)
                        || titled()
                        || (continues_above(candidates, position, lexicons)
                            && !names_day(candidate.lower(), lexicons))
                })
                .filter(|_| !(issued_on_cover && is_month_and_year(candidate, lexicons)));
            // In a sentence, a span longer than a (fiscal) year is the span
            // of something mentioned (a term, a plan); `In 2015-16, we…`
            // dates what the text covers.
            // In the sentence of a document of no kind, a span beside a role
            // word is a term of office (`officers for the 2031-2032 year.
            // Mayor X was elected…`).
            // A numbered part's span is that part's (`5. Review of 2020-2021
            // Work Plan` in an agenda, `10. 2012-2013 Audit Report`).
            // So is a span of several years beside a term's word in a
            // heading (`AChM elegirá a sus nuevas autoridades periodo
            // 2031-2034`, `nuevo período de gestión 2031-2035`).
            let part = PART_NUMBER.is_match(&candidate.plain());
            let term = || kind == DocumentKind::Other && is_term(candidate.lower(), lexicons);
            // Two fiscal years in a row are one span of both
            // ([`fiscal_pairs`]), not the first of them.
            let span = fiscal_pairs(candidate.lower(), lexicons)
                .first()
                .map(|&(_, _, span)| span)
                .or_else(|| span_in(candidate.lower()))
                .filter(|&(start, end)| {
                    !part
                        && !heads_officers(candidate.lower(), lexicons)
                        && if is_sentence(candidate) {
                            end == start + 1 && !term()
                        } else {
                            end == start + 1
                                || kind != DocumentKind::Other
                                || !names_term(candidate.lower(), lexicons)
                        }
                });
            let named_kind = hits.iter().any(|hit| hit.candidate == position);
            if let Some(reported) = reported_after_plan_span(
                candidate,
                candidates.get(position + 1).as_ref(),
                kind,
                lexicons,
            ) {
                found.push(make_period(reported, 0.9, candidate));
            } else if let Some(span) = span {
                // A sentence's span dates what the sentence tells (`dues
                // were cut in the 2005-06 budget year`, `the 2018/19
                // business plan`): a heading or a dated line of the cover
                // says more of the document than a sentence under it.
                let confidence = if is_prose(candidate) {
                    SENTENCE_SPAN_CONFIDENCE
                } else {
                    0.6
                };
                found.push(make_period(span, confidence, candidate));
            } else if let Some(year) = title_year
                .or_else(|| {
                    meeting_year(candidate, candidates.get(position + 1).as_ref(), lexicons)
                })
                .or_else(|| {
                    (!named_kind && !part)
                        .then(|| document_year(candidate, lexicons))
                        .flatten()
                })
            {
                found.push(make_period(year, 0.5, candidate));
            }
        }
    }
    let wants_span = matches!(
        kind,
        DocumentKind::TriennialReport | DocumentKind::ActionPlan
    );
    // Looked up once per comparison of the sort: a set, not a scan of every line.
    let title_lines: HashSet<(u32, u32)> = candidates
        .iter()
        .filter(|c| c.in_title_area)
        .map(|c| (c.line.page, c.line.number))
        .collect();
    let in_title = |p: &Period| {
        p.evidence
            .first()
            .is_some_and(|e| title_lines.contains(&(e.page, e.line)))
    };
    // A yearly document covers one year, or one fiscal year across two.
    let fits = |p: &Period| {
        if wants_span {
            p.end > p.start + 1
        } else {
            p.end <= p.start + 1
        }
    };
    let rank = |p: &Period| (fits(p), in_title(p));
    found.sort_by(|a, b| {
        rank(b)
            .cmp(&rank(a))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    // Dates the cover prints for what the document covers say more exactly
    // what a title's single year covers (a fiscal year, a quarter), and
    // date a document whose title prints no year.
    let covered = covered_span(candidates, hits, lexicons);
    if found.is_empty() {
        if covered.is_some() {
            return covered;
        }
        if kind == DocumentKind::AnnualReport {
            return prose_year(candidates, diagnostics);
        }
        if kind == DocumentKind::Other {
            return agenda_year(candidates, lexicons, diagnostics);
        }
    }
    let mut periods = found.into_iter();
    let mut best = periods.next()?;
    let mut rivals: Vec<String> = Vec::new();
    for other in periods {
        if other.start == best.start && other.end == best.end {
            // One line read two ways is one piece of evidence.
            for evidence in other.evidence {
                if !best.evidence.contains(&evidence) {
                    best.evidence.push(evidence);
                }
            }
            best.confidence = best.confidence.max(other.confidence);
        } else if rank(&other) == rank(&best)
            && (other.confidence - best.confidence).abs() < f64::EPSILON
            && !rivals.contains(&other.label)
        {
            rivals.push(other.label);
        }
    }
    if !rivals.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Code::DetectPeriodTie,
            format!(
                "period {} kept; {} stated alike",
                best.label,
                rivals.join(", ")
            ),
        ));
    }
    if let Some(mut covered) = covered.filter(|covered| refines(&best, covered)) {
        covered.confidence = best.confidence;
        covered.evidence.extend(best.evidence);
        best = covered;
    }
    best.evidence.truncate(3);
    Some(best)
}

/// The year a report on a plan is dated by, when its title names the plan
/// with the plan's years and goes on, past a separator, to date the report
/// (`Plan de Movilidad 2024-2027: calendario de ejecución a 30 de septiembre
/// de 2025`, `Housing Strategy 2022-2027: implementation statement, March
/// 2025`, `Projet éducatif 2023-2026 : pointage, année scolaire 2024-2025`):
/// the years after the name are the plan's, the later date is the
/// document's. Only a year within the plan's years (or the year after them,
/// a final report) counts; a year equal to the plan's first needs a month,
/// a second year (a fiscal or school year) or an update word beside it, as an edition's year (`Plan 2024-2027 –
/// 2024`) says nothing of a report. A title printing the plan's approval
/// (`Plan 2024-2027: aprobado en marzo de 2024`) is the plan's own, as is a
/// plan's title that names no update of it.
///
/// A title wrapped over two lines of the cover (`Plan … 2022-2026: memoria
/// de` / `seguimiento 2025`) reads on into the next line of the title area
/// when its own part after the separator prints no year.
fn reported_after_plan_span(
    candidate: &Candidate<'_>,
    next: Option<&Candidate<'_>>,
    kind: DocumentKind,
    lexicons: &Lexicons,
) -> Option<(u16, u16)> {
    let lower = candidate.lower();
    // A title, if a long one; not a sentence that mentions a plan.
    let plain = candidate.plain();
    if plain.trim().ends_with('.') || words(lower).len() > 2 * MAX_TITLE_WORDS {
        return None;
    }
    let printed = SPAN.find(lower)?;
    let (start, end) = span_in(printed.as_str())?;
    // One fiscal or school year across two is a year, not a plan's years.
    if end < start + 2 {
        return None;
    }
    let own_part = lower[printed.end()..]
        .trim_start()
        .strip_prefix([':', '–', '—', '-', ','])?;
    let wrapped;
    let rest = match next.filter(|next| next.in_title_area && !is_sentence(next)) {
        Some(next) if !YEAR.is_match(own_part) => {
            wrapped = format!("{own_part} {}", next.lower());
            wrapped.as_str()
        }
        _ => own_part,
    };
    let approved = lexicons
        .each(|l| l.approval_words)
        .any(|word| find_words(rest, word).is_some());
    let update = names_plan_update(rest, lexicons);
    if approved || (is_plan(kind) && !update) {
        return None;
    }
    let own = match span_in(rest) {
        Some((first, last)) => (last == first + 1).then_some((first, last))?,
        None => {
            let mut years = YEAR
                .find_iter(rest)
                .filter_map(|year| year.as_str().parse::<u16>().ok());
            let year = years.next()?;
            years.all(|other| other == year).then_some((year, year))?
        }
    };
    let dated = words(rest)
        .iter()
        .any(|word| lexicons.month(word).is_some());
    let within = own.0 >= start && own.1 <= end + 1;
    let fiscal = own.1 > own.0;
    (within && (own.0 > start || fiscal || dated || update)).then_some(own)
}

/// Whether the line at `position` goes on with the title-area line above,
/// which breaks off on a comma, a colon, a dash or a link word (`Tablero de
/// metas del Plan de Gobierno,` / `junio de 2031`): a month there is the
/// title's, not a dateline of the cover. A day under a headline is still
/// the day a page was posted (`… annonce le report du Congrès -` / `15
/// novembre 2031`).
fn continues_above(candidates: &Candidates<'_>, position: usize, lexicons: &Lexicons) -> bool {
    position
        .checked_sub(1)
        .and_then(|above| candidates.get(above))
        .is_some_and(|above| {
            let plain = above.plain();
            above.in_title_area
                && (plain.trim_end().ends_with([',', ':', '-', '–', '—'])
                    || words(above.lower())
                        .last()
                        .is_some_and(|word| lexicons.has(|l| l.function_words, word)))
        })
}

/// The confidence of a span of years told by prose of the title area
/// ([`is_prose`]):
/// below the 0.5 of a cover's dated line ([`title_year`], [`meeting_year`],
/// [`document_year`]), which it yields to.
const SENTENCE_SPAN_CONFIDENCE: f64 = 0.4;

/// Months a covered span of dates may run (`October 2017 to December 2017`,
/// `September 1, 2006 to August 31, 2007`): more than the few days of a
/// meeting, at most a year and a half (a report over the longer first or
/// last period of a changed fiscal year: `Période du 1er janvier 2012 au 31
/// mars 2013`). Two years and more are a plan's or a term's.
const COVERED_MONTHS: std::ops::RangeInclusive<i32> = 2..=18;

/// Words a date's day may be after the year-end phrase that opens it
/// (`year ended on 30 June 2017`).
const YEAR_END_REACH: usize = 2;

/// A date of a line's words: the words it takes (`start..end`), its month
/// and its year when printed.
struct DateAtom {
    start: usize,
    end: usize,
    month: u8,
    year: Option<u16>,
}

/// Whether a word is a day of the month (`1`, `31`, `1er`, `3rd`).
fn is_day_word(word: &str, lexicons: &Lexicons) -> bool {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, suffix) = word.split_at(digits);
    (1..=2).contains(&digits)
        && number
            .parse::<u8>()
            .is_ok_and(|day| (1..=31).contains(&day))
        && (suffix.is_empty() || lexicons.has(|l| l.ordinal_suffixes, suffix))
}

/// Whether a word is one of a language's date links (`de`, `of`, `del`).
fn is_date_link(word: &str, lexicons: &Lexicons) -> bool {
    lexicons
        .each(|l| l.date_links)
        .any(|link| words(link).contains(&word))
}

/// The dates of a line's words: a month, with the day before or after it
/// and the year after it, past date links (`1 de enero de 2006`,
/// `September 1, 2006`, `31 March 2020`, `Janvier`).
fn date_atoms(tokens: &[&str], lexicons: &Lexicons) -> Vec<DateAtom> {
    let mut atoms = Vec::new();
    for (at, word) in tokens.iter().enumerate() {
        let Some(month) = lexicons.month(word) else {
            continue;
        };
        let mut start = at;
        let mut back = at;
        if back > 0 && is_date_link(tokens[back - 1], lexicons) {
            back -= 1;
        }
        if back > 0 && is_day_word(tokens[back - 1], lexicons) {
            start = back - 1;
        }
        let mut end = at + 1;
        if tokens.get(end).is_some_and(|w| is_day_word(w, lexicons)) {
            end += 1;
        }
        while tokens.get(end).is_some_and(|w| is_date_link(w, lexicons)) {
            end += 1;
        }
        let year = tokens
            .get(end)
            .filter(|w| w.len() == 4 && YEAR.is_match(w))
            .and_then(|w| w.parse::<u16>().ok());
        let end = if year.is_some() { end + 1 } else { at + 1 };
        atoms.push(DateAtom {
            start,
            end,
            month,
            year,
        });
    }
    atoms
}

/// The span of years a line says the document covers by its dates: a
/// range from one month to another of at most a year, the first year
/// taken from the second where it is left out (`October 2017 to December
/// 2017`, `(July 2020 – February 2021)`, `Janvier–Décembre 2012`, `du 1er
/// avril 2019 au 31 mars 2020`), or the last day of a (fiscal) year (`In
/// the year to 31 March 2020`: 2019-2020; `exercice clos le 31 décembre
/// 2019`: 2019). Days of a meeting (`3 to 5 June 2019`) cover no span, nor
/// dates joined by a conjunction (`June 30, 2017 and June 30, 2016`).
fn dated_span(lower: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let tokens = words(lower);
    let atoms = date_atoms(&tokens, lexicons);
    for phrase in lexicons.each(|l| l.year_end_phrases) {
        let wanted = words(phrase);
        let Some(at) = tokens
            .windows(wanted.len())
            .position(|run| run == wanted.as_slice())
        else {
            continue;
        };
        let after = at + wanted.len();
        let day = atoms
            .iter()
            .find(|atom| (after..=after + YEAR_END_REACH).contains(&atom.start));
        if let Some((month, year)) = day.and_then(|atom| Some((atom.month, atom.year?))) {
            return Some(if month == 12 {
                (year, year)
            } else {
                (year - 1, year)
            });
        }
    }
    month_range(&tokens, &atoms, lexicons)
        .filter(|(_, months)| COVERED_MONTHS.contains(months))
        .map(|(span, _)| span)
}

/// The first range of two dated months among `tokens` (`September 2011 –
/// March 2016`, `janvier à décembre 2012`): its years, and the months it
/// runs.
fn month_range(
    tokens: &[&str],
    atoms: &[DateAtom],
    lexicons: &Lexicons,
) -> Option<((u16, u16), i32)> {
    // A range's joiner that is also a conjunction (`and`, `et`, `y`) joins
    // two dates apart; `to`, `au`, `al`, `–` join the ends of a span.
    let joiner = |word: &&str| {
        !lexicons.has(|l| l.conjunctions, word)
            && lexicons
                .each(|l| l.range_joiners)
                .any(|joiner| words(joiner).contains(word))
    };
    atoms.windows(2).find_map(|pair| {
        let (first, second) = (&pair[0], &pair[1]);
        let between = tokens.get(first.end..second.start)?;
        if !between.iter().all(joiner) {
            return None;
        }
        let end_year = second.year?;
        let start_year = match first.year {
            Some(year) => year,
            None if first.month <= second.month => end_year,
            None => end_year - 1,
        };
        let months = (i32::from(end_year) * 12 + i32::from(second.month))
            - (i32::from(start_year) * 12 + i32::from(first.month));
        Some(((start_year, end_year), months))
    })
}

/// Most months of a range of dates that a kind phrase names as its own
/// period (`Organisational Report for the period September 2026 – March
/// 2031`): a term of office at most, as [`span_in`] allows ten years.
const NAMED_RANGE_MONTHS: i32 = 120;

/// The range of dated months right after a kind phrase: the period the
/// report names for itself, longer than [`COVERED_MONTHS`] allows a cover's
/// dates (a term's report runs for years).
fn named_month_range(after: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let tokens = words(after);
    let atoms = date_atoms(&tokens, lexicons);
    month_range(&tokens, &atoms, lexicons)
        .filter(|(_, months)| (*COVERED_MONTHS.start()..=NAMED_RANGE_MONTHS).contains(months))
        .map(|(span, _)| span)
}

/// Most words between a covered period's noun and the first of its dates
/// (`período comprendido entre el 1 de enero`).
const PERIOD_NOUN_REACH: usize = 3;

/// The range of dates a period's noun opens ([`Lexicon::covered_period_nouns`]:
/// `en el período comprendido entre 1 de enero de 2031 hasta 31 de
/// diciembre de 2032`, `for the period from 1 July 2030 to 30 June 2031`):
/// the span the document says it covers, in a sentence or a heading, for
/// as many months as [`named_month_range`] allows.
///
/// [`Lexicon::covered_period_nouns`]: crate::lexicon::Lexicon::covered_period_nouns
fn named_period_range(lower: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let tokens = words(lower);
    tokens.iter().enumerate().find_map(|(at, word)| {
        if !lexicons.has(|l| l.covered_period_nouns, word) {
            return None;
        }
        let rest = tokens.get(at + 1..)?;
        let atoms = date_atoms(rest, lexicons);
        let opening = atoms
            .get(..2)
            .filter(|pair| pair[0].start <= PERIOD_NOUN_REACH)?;
        month_range(rest, opening, lexicons)
            .filter(|(_, months)| (*COVERED_MONTHS.start()..=NAMED_RANGE_MONTHS).contains(months))
            .map(|(span, _)| span)
    })
}

/// The span of the title area's first line that dates what the document
/// covers ([`dated_span`]): a line naming the kind, or a line of the cover
/// that is no sentence, and no tenure.
fn covered_span(
    candidates: &Candidates<'_>,
    hits: &[Hit<'_>],
    lexicons: &Lexicons,
) -> Option<Period> {
    candidates
        .iter()
        .enumerate()
        .take_while(|(_, candidate)| candidate.in_title_area)
        .filter(|(position, candidate)| {
            (hits.iter().any(|hit| hit.candidate == *position) || !is_sentence(candidate))
                && !is_tenure(candidate.lower(), lexicons, TENURE_REACH)
        })
        .find_map(|(_, candidate)| {
            dated_span(candidate.lower(), lexicons).map(|span| make_period(span, 0.6, &candidate))
        })
}

/// Whether a span of dates the title area prints ([`covered_span`]) says
/// more exactly what the single year of `best` covers: the span starts or
/// ends in that year (`Annual Report 2017` / `September 1, 2016 to August
/// 31, 2017`: 2016-2017).
fn refines(best: &Period, covered: &Period) -> bool {
    best.start == best.end
        && (covered.start == best.start || covered.end == best.start)
        && (covered.start, covered.end) != (best.start, best.end)
}

/// Lines at the head of a yearly report whose years [`prose_year`] counts.
const PROSE_YEAR_LINES: usize = 60;
/// Fewest lines that must tell a year for [`prose_year`] to take it.
const PROSE_YEAR_MENTIONS: usize = 2;

/// The year a yearly report tells in its opening prose when no heading
/// dates it (`Annual Report` / `… rose to new heights in 2031 … Cal Cities
/// delivered again in 2031 …`): the year most lines at its head name,
/// when at least [`PROSE_YEAR_MENTIONS`] lines do and no other year is
/// named in half as many. Spans of years are a plan's or a term's and
/// are not counted. Two years told alike give no period and a diagnostic
/// naming them.
fn prose_year(candidates: &Candidates<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<Period> {
    let mut counts: Vec<(u16, usize, usize)> = Vec::new();
    for (position, candidate) in candidates.iter().take(PROSE_YEAR_LINES).enumerate() {
        let unspanned = SPAN.replace_all(candidate.lower(), " ");
        let mut years: Vec<u16> = YEAR
            .find_iter(&unspanned)
            .filter_map(|m| m.as_str().parse().ok())
            .collect();
        years.sort_unstable();
        years.dedup();
        for year in years {
            match counts.iter_mut().find(|(told, _, _)| *told == year) {
                Some(entry) => entry.1 += 1,
                None => counts.push((year, 1, position)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let &(year, mentions, position) = counts.first()?;
    if mentions < PROSE_YEAR_MENTIONS {
        return None;
    }
    let rivals: Vec<String> = counts
        .iter()
        .skip(1)
        .filter(|&&(_, other, _)| other * 2 > mentions)
        .map(|(other, _, _)| other.to_string())
        .collect();
    if !rivals.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Code::DetectPeriodTie,
            format!(
                "no heading dates the report; its opening lines tell {year} and {} alike",
                rivals.join(", ")
            ),
        ));
        return None;
    }
    Some(make_period((year, year), 0.3, &candidates.at(position)))
}

/// Fewest items of business that make the head of a document an agenda.
const AGENDA_MIN_ITEMS: usize = 3;

/// The year of an agenda that no heading dates (`1. To receive apologies
/// for absence` … `4. To approve the minutes of the meeting held on 15th
/// March 2031` … `6. To agree the date of the next meeting: 14th July
/// 2031`): a head of at least [`AGENDA_MIN_ITEMS`] list items opening on
/// the words of an agenda's items is the business of one meeting, and the
/// meetings its lines name (the last, the next) fall in that meeting's
/// year when every day they print names the same year. Days of two years
/// (a December meeting approving November's minutes and setting
/// January's) give none, and a diagnostic naming them.
fn agenda_year(
    candidates: &Candidates<'_>,
    lexicons: &Lexicons,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Period> {
    let openers = agenda_openers(lexicons);
    let opens_item = |text: &str| opens_agenda_item(&openers, &markup::plain(text));
    let mut items = 0;
    let mut years: Vec<(u16, usize)> = Vec::new();
    for (position, candidate) in candidates.iter().take(PROSE_YEAR_LINES).enumerate() {
        if bullet(candidate.line.text).is_some_and(|item| opens_item(item.text)) {
            items += 1;
        }
        let tokens = words(candidate.lower());
        for atom in date_atoms(&tokens, lexicons) {
            let dated_day = tokens
                .get(atom.start..atom.end)
                .is_some_and(|date| date.iter().any(|word| is_day_word(word, lexicons)));
            if let Some(year) = atom.year.filter(|_| dated_day) {
                years.push((year, position));
            }
        }
    }
    if items < AGENDA_MIN_ITEMS {
        return None;
    }
    let &(year, position) = years.first()?;
    let mut others: Vec<String> = years
        .iter()
        .filter(|(other, _)| *other != year)
        .map(|(other, _)| other.to_string())
        .collect();
    if !others.is_empty() {
        others.sort_unstable();
        others.dedup();
        diagnostics.push(Diagnostic::warning(
            Code::DetectPeriodTie,
            format!(
                "the agenda names meetings of {year} and {}; no year is kept",
                others.join(", ")
            ),
        ));
        return None;
    }
    Some(make_period((year, year), 0.3, &candidates.at(position)))
}

/// Whether a line is a dated byline: a byline word, a capitalised name
/// and a day (`By Ann Lee | Nov 4, 2031`, `Por Luis Mora, 3 de mayo de
/// 2031`).
fn is_dated_byline(candidate: &Candidate<'_>, lexicons: &Lexicons) -> bool {
    let plain = candidate.plain();
    let mut tokens = plain.split_whitespace();
    let opens = tokens
        .next()
        .is_some_and(|word| lexicons.has(|l| l.byline_words, &word.to_lowercase()));
    let named = tokens
        .next()
        .and_then(|name| name.chars().next())
        .is_some_and(char::is_uppercase);
    let dated = YEAR.is_match(candidate.lower())
        && words(candidate.lower())
            .iter()
            .any(|word| lexicons.month(word).is_some());
    opens && named && dated
}

/// Whether a line is a posting day alone: one day with its month and year,
/// and at most one other word (the site's name: `January 30, 2031   cib`,
/// `Le 23 février 2031,`), naming no meeting.
fn is_posting_day(candidate: &Candidate<'_>, lexicons: &Lexicons) -> bool {
    let lower = candidate.lower();
    let other_words = words(lower)
        .iter()
        .filter(|word| {
            lexicons.month(word).is_none()
                && lexicons.weekday(word).is_none()
                && !word.starts_with(|c: char| c.is_ascii_digit())
        })
        .count();
    YEAR.is_match(lower)
        && names_day(lower, lexicons)
        && other_words <= 1
        && !names_meeting_day(lower, lexicons)
}

/// Most words between a date's year and the role word that makes the
/// dates around it a tenure.
const TENURE_REACH: usize = 6;

/// A span of years beside a role word is a person's tenure (`Secretary
/// General between 2001 and 2009`), not the document's period. Beside: a
/// role word within `reach` words of a year. A cover run into one long
/// line (`2031 ANNUAL REPORT … September 1, 2030 to August 31, 2031 MISSION
/// … PRESIDENT'S MESSAGE 6`) names roles far from its dates; a bare span of
/// years (`de 1977 à 1983`) is a tenure with a role anywhere on its line.
fn is_tenure(lower: &str, lexicons: &Lexicons, reach: usize) -> bool {
    let line = words(lower);
    line.iter().enumerate().any(|(at, word)| {
        word.len() == 4
            && YEAR.is_match(word)
            && line[at.saturating_sub(reach)
                ..line.len().min(at.saturating_add(reach).saturating_add(1))]
                .iter()
                .any(|near| lexicons.has(|l| l.role_words, near))
    })
}

/// Most words between a span of years and the role word that makes it a
/// term of office.
const TERM_REACH: usize = 4;

/// Whether the span of years of a sentence is a term of office: a role
/// word, or its plural, within [`TERM_REACH`] words of it (`officers for
/// the 2031-2032 year`).
fn is_term(lower: &str, lexicons: &Lexicons) -> bool {
    let Some(span) = SPAN
        .find_iter(lower)
        .find(|found| span_in(found.as_str()).is_some())
    else {
        return false;
    };
    let before = words(&lower[..span.start()]);
    let after = words(&lower[span.end()..]);
    let role = |word: &&str| lexicons.has(|l| l.role_words, word) || is_role_plural(word, lexicons);
    before.iter().rev().take(TERM_REACH).any(role) || after.iter().take(TERM_REACH).any(role)
}

/// Whether a role word's plural follows the first span of years of a line
/// within [`TERM_REACH`] words (`Our 2031-2032 Table Officers 6`, `Our
/// 2031-2032 Board of Directors 7`): the span is the term of the officers
/// it names, in a heading as in a sentence. A role word alone after a
/// span may head a report (`2031-2032 Executive Report`).
fn heads_officers(lower: &str, lexicons: &Lexicons) -> bool {
    SPAN.find_iter(lower)
        .find(|found| span_in(found.as_str()).is_some())
        .is_some_and(|span| {
            words(&lower[span.end()..])
                .iter()
                .take(TERM_REACH)
                .any(|word| is_role_plural(word, lexicons))
        })
}

/// Whether a word is the plural of a role word (`directors`).
fn is_role_plural(word: &str, lexicons: &Lexicons) -> bool {
    word.strip_suffix('s')
        .is_some_and(|one| lexicons.has(|l| l.role_words, one))
}

/// Whether a word names a term of office ([`Lexicon::term_words`]) within
/// [`TERM_REACH`] words before the first span of years of a line.
///
/// [`Lexicon::term_words`]: crate::lexicon::Lexicon::term_words
fn names_term(lower: &str, lexicons: &Lexicons) -> bool {
    SPAN.find_iter(lower)
        .find(|found| span_in(found.as_str()).is_some())
        .is_some_and(|span| {
            words(&lower[..span.start()])
                .iter()
                .rev()
                .take(TERM_REACH)
                .any(|word| lexicons.has(|l| l.term_words, word))
        })
}

/// The year of a title-area line that is a date heading: a lone year, or a
/// month (range) with its year (`Janvier-Décembre 2012`, `Octubre 2019`).
fn title_year(candidate: &Candidate<'_>, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let words = words(candidate.lower());
    let year = single_year_in(candidate.lower())?;
    let months = words.iter().filter(|w| lexicons.month(w).is_some()).count();
    let lone = words.len() == 1;
    // A cover line in capitals that ends on its year (`LINEAMIENTOS
    // OPERATIVOS 2015`).
    let plain = candidate.plain();
    let plain = plain.trim();
    let capitals_ending_on_year = plain.chars().any(char::is_alphabetic)
        && !plain.chars().any(char::is_lowercase)
        && plain.ends_with(|c: char| c.is_ascii_digit())
        && YEAR.find_iter(candidate.lower()).count() == 1;
    // A cover line naming a meeting by its day may take more words
    // (`CONSEIL D'ADMINISTRATION DU 9 MARS 2031`, `Agenda for Extraordinary
    // Town Council Meeting – 27 November 2031`).
    let short = words.len() <= 6
        || ((capitals_ending_on_year
            || (words.len() <= MAX_TITLE_WORDS && !plain.ends_with(['.', ';', ':'])))
            && names_meeting_day(candidate.lower(), lexicons));
    (lone || ((months >= 1 || capitals_ending_on_year) && short)).then_some(year)
}

/// Most words of a line that is a month and its year (`JUILLET 2011`,
/// `February, 2018`).
const MONTH_DATE_WORDS: usize = 3;

/// Whether a line is a month and a year alone: the date a cover was issued.
fn is_month_and_year(candidate: &Candidate<'_>, lexicons: &Lexicons) -> bool {
    let words = words(candidate.lower());
    words.len() <= MONTH_DATE_WORDS
        && words.iter().any(|word| lexicons.month(word).is_some())
        && words
            .iter()
            .all(|word| lexicons.month(word).is_some() || YEAR.is_match(word))
}

/// The year of a cover heading that names a document by its noun and
/// prints one year, not inside a date (`UCLG Retreat Report 2031`,
/// `Rapport d'orientation budgétaire 2031 Commune de X`, `SOMMET … EN
/// 2031 TERMES DE RÉFÉRENCE`): what the document covers. A heading naming
/// no document (`World Council 2031 - Lyon`, an event) dates nothing, nor
/// a year that names a plan (`Strategy 2040: implementation report`).
fn document_year(candidate: &Candidate<'_>, lexicons: &Lexicons) -> Option<(u16, u16)> {
    // A list item (`- Budget primitif du port 2031`) is an item of an
    // agenda or a contents list, not the cover's heading.
    let item = candidate
        .plain()
        .trim_start()
        .starts_with(['-', '•', '*', '–', '·']);
    if item || is_sentence(candidate) || YEAR.find_iter(candidate.lower()).count() != 1 {
        return None;
    }
    let year = single_year_in(candidate.lower())?;
    let words = words(candidate.lower());
    let dated = words.iter().any(|word| lexicons.month(word).is_some());
    // A year right after a plan's noun names the plan (`University
    // strategy 2030: annual implementation report`, `Agenda 2030`).
    let plan_year = words
        .windows(2)
        .any(|pair| lexicons.has(|l| l.plan_nouns, pair[0]) && YEAR.is_match(pair[1]));
    if plan_year {
        return None;
    }
    let named = lexicons
        .each(|l| l.document_nouns)
        .any(|noun| find_words(candidate.lower(), noun).is_some());
    (named && !dated).then_some(year)
}

/// The year of a meeting whose minutes open the document: a title-area
/// line that names minutes (`ACTA SESIÓN ORDINARIA N° 1 DE FECHA 2 DE MARZO
/// 2021`, `Compte rendu du conseil du 17 octobre 2020`) and holds one year.
///
/// A line run into the minutes' text (a lost layout) dates the meeting by
/// the first year within [`MEETING_DATE_WORDS`] words after the minutes'
/// name (`COMPTE RENDU … DU 6 DECEMBRE 2012 Le Conseil … l'exercice 2013`);
/// a title with no year takes it from the line below when that line is a
/// short date with its day (`Procès-verbal de l'assemblée générale` / `du
/// 31 mars 2021`; not `Agenda item` / `Business Plan 2019-22`).
fn meeting_year(
    candidate: &Candidate<'_>,
    next: Option<&Candidate<'_>>,
    lexicons: &Lexicons,
) -> Option<(u16, u16)> {
    let Some((named_start, named_at)) = lexicons
        .each(|l| l.minutes_words)
        .filter_map(|phrase| {
            find_words(candidate.lower(), phrase).map(|at| (at, at + phrase.len()))
        })
        .min()
    else {
        // A meeting's name over its day (`Town Council Meeting` / `Tuesday,
        // October 9, 2031 - 7:00pm`): the page of that meeting.
        let title = words(candidate.lower());
        let names_meeting = title.len() <= MEETING_TITLE_WORDS
            && !YEAR.is_match(candidate.lower())
            && title
                .last()
                .is_some_and(|word| lexicons.has(|l| l.event_nouns, word));
        return names_meeting.then(|| year_below(next, lexicons)).flatten();
    };
    if approves_earlier_minutes(candidate.lower(), named_start, named_at, lexicons) {
        return head_meeting_year(&candidate.lower()[..named_start], lexicons);
    }
    // Minutes may write their meeting's year in words (`el día veintisiete
    // de enero de dos mil veinte`): read in digits. The part after the
    // minutes' name is spelled out on its own, so that its start stays
    // where the name ends.
    let spelled = spell_out_dates(candidate.lower(), lexicons);
    let years: Vec<(u16, u16)> = YEAR
        .find_iter(&spelled)
        .filter(|m| !numbers_an_act(&spelled, m.start()))
        .filter_map(|m| m.as_str().parse().ok())
        .map(|year| (year, year))
        .collect();
    if let Some(&first) = years.first() {
        if years.iter().all(|&year| year == first) {
            return Some(first);
        }
        let after = spell_out_dates(&candidate.lower()[named_at..], lexicons);
        let after: Vec<&str> = words(&after).into_iter().take(MEETING_DATE_WORDS).collect();
        return after
            .iter()
            .find_map(|word| YEAR.is_match(word).then(|| word.parse().ok()).flatten())
            .map(|year| (year, year));
    }
    year_below(next, lexicons)
}

/// The year of the meeting a record's head names before the record
/// approves an earlier one (`ACUERDOS ADOPTADOS … EN SU REUNIÓN DE 15 DE
/// DICIEMBRE DE 2031 1.- Aprobación del Acta de 24 de noviembre de 2031`):
/// the head names a meeting and prints a single year.
fn head_meeting_year(head: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let names_meeting = words(head)
        .iter()
        .any(|word| lexicons.has(|l| l.event_nouns, word));
    let mut years = YEAR
        .find_iter(head)
        .filter(|m| !numbers_an_act(head, m.start()))
        .filter_map(|m| m.as_str().parse::<u16>().ok());
    let year = years.next()?;
    (names_meeting && years.all(|other| other == year)).then_some((year, year))
}

/// Most words of a line naming a meeting over its day.
const MEETING_TITLE_WORDS: usize = 6;

/// The year of the line under a title when that line is a short date with
/// its day and one year (`du 31 mars 2031`, `Tuesday, October 9, 2031 -
/// 7:00pm to 9:00pm`).
fn year_below(next: Option<&Candidate<'_>>, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let next = next.filter(|next| {
        words(&CLOCK.replace_all(next.lower(), " ")).len() <= MEETING_DATE_WORDS
            && names_day(next.lower(), lexicons)
    })?;
    let next_years: Vec<u16> = YEAR
        .find_iter(next.lower())
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    match next_years.as_slice() {
        [year] => Some((*year, *year)),
        _ => None,
    }
}

/// Whether the year at `start` closes the number of an act (`Real Decreto
/// 2568/1986`, `Ley 7/1985`): the year the act was numbered in, not a
/// meeting's.
fn numbers_an_act(lower: &str, start: usize) -> bool {
    lower
        .get(..start)
        .and_then(|before| before.strip_suffix('/'))
        .is_some_and(|number| number.ends_with(|c: char| c.is_ascii_digit()))
}

/// Most words between a minutes' name and the year of the meeting's date.
const MEETING_DATE_WORDS: usize = 10;

/// Most words before a minutes' name that can approve them (`To confirm
/// the minutes`, `Approbation du compte rendu`).
const APPROVAL_LEAD_WORDS: usize = 3;

/// Whether the minutes named at `start..end` are an earlier meeting's,
/// approved or confirmed by this one: an approval word just before their
/// name or within their date's reach after it (`The minutes of the meeting
/// held on 25 July 2019 were approved`). A run-on page that approves other
/// minutes far after its own title keeps its title's date.
fn approves_earlier_minutes(lower: &str, start: usize, end: usize, lexicons: &Lexicons) -> bool {
    let before = words(&lower[..start]);
    let lead = &before[before.len().saturating_sub(APPROVAL_LEAD_WORDS)..];
    let after: Vec<&str> = words(&lower[end..])
        .into_iter()
        .take(MEETING_DATE_WORDS + APPROVAL_LEAD_WORDS)
        .collect();
    lead.iter()
        .chain(after.iter())
        .any(|word| lexicons.has(|l| l.approval_words, word))
}

/// Whether a line dates a posting or an issue: one date with its day
/// (`7 JANUARY 2013`) or one month and its year, with no day (`Nº 369 |
/// JUNIO 2023`, the issue of a magazine). A range of months or days
/// (`JANUARY - SEPTEMBER 2013`, `du 23 au 26 novembre 2020`) spans what the
/// document covers.
fn names_dateline(lower: &str, lexicons: &Lexicons) -> bool {
    let words = words(lower);
    let months = words
        .iter()
        .filter(|word| lexicons.month(word).is_some())
        .count();
    let has_day = words
        .iter()
        .any(|word| word.parse::<u8>().is_ok_and(|day| (1..=31).contains(&day)));
    // A date link may stand between them (`Diciembre de 2031`).
    let year_at = |at: usize| {
        words
            .get(at)
            .is_some_and(|word| word.len() == 4 && YEAR.is_match(word))
    };
    let month_of_year = months == 1
        && !has_day
        && words.iter().enumerate().any(|(at, word)| {
            lexicons.month(word).is_some()
                && (year_at(at + 1)
                    || (words
                        .get(at + 1)
                        .is_some_and(|link| is_date_link(link, lexicons))
                        && year_at(at + 2)))
        });
    month_of_year || names_day(lower, lexicons)
}

/// Whether a line opens on a posting label (`Posted on 17-Jun-2020`,
/// `Publié le 3 mars 2019`, `Last updated: May 2021`): the day a page was
/// put online or revised, which dates no content, however near the title.
fn is_posting_line(lower: &str, lexicons: &Lexicons) -> bool {
    let head = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    lexicons
        .each(|l| l.posting_labels)
        .any(|label| head.starts_with(label) && on_word_boundaries(head, 0, label.len()))
}

/// Whether a line holds one date with its day (`7 JANUARY 2013`, `jueves,
/// 28 marzo`, `1er juin`): a day number beside a month name, and no other.
fn names_day(lower: &str, lexicons: &Lexicons) -> bool {
    // The time of a meeting beside its day (`3rd November 2021 at 7:30pm`)
    // is no second day.
    let untimed = CLOCK.replace_all(lower, " ");
    let words = words(&untimed);
    let is_day = |word: &str| {
        let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
        digits
            .parse::<u8>()
            .is_ok_and(|day| (1..=31).contains(&day))
    };
    // A range of days (`du 23 au 26 novembre`) dates the event the document
    // is about, not its posting; one day printed twice (a title repeated in
    // capitals on its line) is still one.
    let mut days: Vec<&str> = words
        .iter()
        .filter(|word| is_day(word))
        .map(|word| {
            word.trim_end_matches(|c: char| c.is_alphabetic())
                .trim_start_matches('0')
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    if days.len() != 1 {
        return false;
    }
    words.iter().enumerate().any(|(at, word)| {
        lexicons.month(word).is_some()
            && (at
                .checked_sub(1)
                .is_some_and(|before| is_day(words[before]))
                || at
                    .checked_sub(2)
                    .is_some_and(|before| is_day(words[before]))
                || words.get(at + 1).is_some_and(|after| is_day(after)))
    })
}

/// Whether a line names a meeting by its day (`CONSEIL COMMUNAUTAIRE DU 11
/// DECEMBRE 2012`, `Séance du 3 mars`): the record of that meeting, whose
/// date is its period rather than a posting date.
fn names_meeting_day(lower: &str, lexicons: &Lexicons) -> bool {
    let line = words(lower);
    let opens_day = |first: &&str| {
        first
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u8>()
            .is_ok()
            || lexicons.weekday(first).is_some()
    };
    let cued = lexicons.each(|l| l.event_cues).any(|cue| {
        let cue = words(cue);
        (0..line.len()).any(|at| {
            line.get(at..at + cue.len()) == Some(cue.as_slice())
                && line.get(at + cue.len()).is_some_and(opens_day)
        })
    });
    // A meeting's noun before its day, a date link between them allowed
    // (`Town Council Meeting – 27 November 2018`, `séance du 3 mars`), and
    // the word naming the body after its noun (`CONSEIL COMMUNAL DU LUNDI
    // 2 MARS`).
    let named = line.iter().enumerate().any(|(at, word)| {
        let link =
            |w: &&str| lexicons.has(|l| l.date_links, w) || lexicons.has(|l| l.range_openers, w);
        let day_at = |at: usize| {
            line.get(at).is_some_and(opens_day)
                || (line.get(at).is_some_and(link) && line.get(at + 1).is_some_and(opens_day))
        };
        lexicons.has(|l| l.event_nouns, word) && (day_at(at + 1) || day_at(at + 2))
    });
    names_day(lower, lexicons) && (cued || named)
}

/// Whether a heading names a meeting's agenda (`CA November 2031 Agenda`,
/// `Business to be transacted`): the page of that meeting, whose month and
/// year date it as minutes would.
fn names_agenda(candidate: &Candidate<'_>, lexicons: &Lexicons) -> bool {
    // A link's sentence names papers of an agenda (`Click here to access
    // Agenda Papers. (members only)`), not the page's meeting.
    !is_sentence(candidate)
        && !candidate.plain().contains(". ")
        && lexicons
            .each(|l| l.agenda_headings)
            .any(|heading| find_words(candidate.lower(), heading).is_some())
}

/// Whether a line names the minutes of a meeting or an item of its agenda.
fn names_minutes(candidate: &Candidate<'_>, lexicons: &Lexicons) -> bool {
    lexicons
        .each(|l| l.minutes_words)
        .any(|phrase| find_words(candidate.lower(), phrase).is_some())
}

fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// "primer año de implementación del Plan … 2021-2023" → 2021; the span may
/// be wrapped onto the next line (`… de Metròpolis` / `2021-2023`, in a PDF).
fn ordinal_year(
    candidate: &Candidate<'_>,
    next: Option<&Candidate<'_>>,
    lexicons: &Lexicons,
) -> Option<Period> {
    let joined;
    let lower = match (span_in(candidate.lower()), next) {
        (None, Some(next)) => {
            joined = format!("{} {}", candidate.lower(), next.lower());
            joined.as_str()
        }
        _ => candidate.lower(),
    };
    let (start, end) = span_in(lower)?;
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let nth = words.windows(2).find_map(|pair| {
        let is_year_word = lexicons.has(|l| l.year_words, pair[1]);
        lexicons
            .each(|l| l.year_ordinals)
            .find(|(word, _)| *word == pair[0] && is_year_word)
            .map(|(_, n)| *n)
    })?;
    let year = if nth == 0 { end } else { start + nth - 1 };
    (year <= end).then(|| make_period((year, year), 0.8, candidate))
}

/// The year or span a word is (`2019`, `2019-20,`), if it is one.
fn year_word(word: &str) -> Option<(u16, u16)> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    YEAR_WORD
        .is_match(word)
        .then(|| span_in(word).or_else(|| single_year_in(word)))
        .flatten()
}

/// The year or span that opens `rest` past its link words (`for 2019`,
/// `de 2019`, `: 2019-2020`): the year the phrase before `rest` is dated by.
fn attached_year(rest: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let word = rest.split_whitespace().find(|word| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        !(core.is_empty() || lexicons.has(|l| l.function_words, core))
    })?;
    let year = year_word(word)?;
    // A span may be printed with spaces around its dash (`2022 - 2023`).
    let from = rest.find(word)?;
    let spaced = SPAN
        .find(&rest[from..])
        .filter(|found| found.start() == 0)
        .and_then(|found| span_in(found.as_str()));
    let fiscal = || fiscal_after(year, &rest[from + word.len()..], lexicons);
    let pair = fiscal_pairs(&rest[from..], lexicons)
        .into_iter()
        .find(|&(at, _, _)| at == 0)
        .map(|(_, _, span)| span);
    Some(pair.or(spaced).or_else(fiscal).unwrap_or(year))
}

/// Two fiscal years in a row, joined as the ends of a span (`2021-22 and
/// 2022-23`, `2021-22 y 2022-23`: the second words of
/// [`Lexicon::period_between`]): the two years they cover together. Each
/// pair with where it starts and ends in `text`.
///
/// [`Lexicon::period_between`]: crate::lexicon::Lexicon::period_between
fn fiscal_pairs(text: &str, lexicons: &Lexicons) -> Vec<(usize, usize, (u16, u16))> {
    let spans: Vec<(usize, usize, (u16, u16))> = SPAN
        .find_iter(text)
        .filter_map(|found| {
            span_in(found.as_str())
                .filter(|&(start, end)| end == start + 1)
                .map(|span| (found.start(), found.end(), span))
        })
        .collect();
    spans
        .windows(2)
        .filter_map(|pair| {
            let ((from, first_end, first), (second_start, to, second)) = (pair[0], pair[1]);
            let joined = match words(&text[first_end..second_start]).as_slice() {
                [joiner] => lexicons
                    .each(|l| l.period_between)
                    .any(|(_, second)| second == joiner),
                _ => false,
            };
            (joined && second.0 == first.1).then_some((from, to, (first.0, second.1)))
        })
        .collect()
}

/// The fiscal year a single year opens when the next word is the next
/// year's last two digits, printed after a space (`Annual Report 2018 19`):
/// a span whose dash was lost. Not when a month follows, which makes the
/// two digits a day (`2018 19 March`).
fn fiscal_after((start, end): (u16, u16), after: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let mut next = after
        .split_whitespace()
        .map(|word| word.trim_end_matches(|c: char| !c.is_alphanumeric()));
    let digits = next.next()?;
    let dated = next
        .next()
        .is_some_and(|word| lexicons.month(word).is_some());
    (start == end && closes_fiscal(start, digits) && !dated).then_some((start, start + 1))
}

/// Whether `digits` are the last two of the year after `start` (`2018`
/// and `19`).
fn closes_fiscal(start: u16, digits: &str) -> bool {
    digits.len() == 2
        && digits
            .parse::<u16>()
            .is_ok_and(|last| last == (start + 1) % 100)
}

/// The year or span that ends `head` (`2020 `, `2013 - 2014 `), as a title
/// prints it before its kind phrase.
fn year_ending(head: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let head = head.trim_end();
    if let Some((_, _, span)) = fiscal_pairs(head, lexicons)
        .into_iter()
        .find(|&(_, to, _)| to == head.len())
    {
        return Some(span);
    }
    // A fiscal year whose dash was lost (`2018 19 Annual Report`).
    let mut last_two = head.split_whitespace().rev();
    if let (Some(digits), Some(year)) = (last_two.next(), last_two.next().and_then(year_word)) {
        let (start, end) = year;
        if start == end && closes_fiscal(start, digits) {
            return Some((start, start + 1));
        }
    }
    let year = head.split_whitespace().last().and_then(year_word)?;
    let spaced = SPAN
        .find_iter(head)
        .last()
        .filter(|found| found.end() == head.len())
        .and_then(|found| span_in(found.as_str()));
    Some(spaced.unwrap_or(year))
}

/// How a period of `(start, end)` is labelled (`2019`, `2016-2020`).
fn label_of((start, end): (u16, u16)) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    }
}

fn span_in(text: &str) -> Option<(u16, u16)> {
    SPAN.captures_iter(text).find_map(|caps| {
        let start: u16 = caps.name("start")?.as_str().parse().ok()?;
        let end_text = caps.name("end").or_else(|| caps.name("digit"))?.as_str();
        let printed: u16 = end_text.parse().ok()?;
        // A fiscal year printed short: `2009-10`, `2002/03`, `2015-6`.
        let end = match end_text.len() {
            1 => (printed == (start + 1) % 10).then_some(start + 1)?,
            2 => (printed == (start + 1) % 100).then_some(start + 1)?,
            _ => printed,
        };
        (start < end && end - start <= 10).then_some((start, end))
    })
}

fn single_year_in(text: &str) -> Option<(u16, u16)> {
    let year: u16 = YEAR.find(text)?.as_str().parse().ok()?;
    Some((year, year))
}

/// "entre 2018 y 2020", "between 2018 and 2020".
fn between_span(lower: &str, lexicons: &Lexicons) -> Option<(u16, u16)> {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(4).find_map(|w| {
        let joined = lexicons
            .each(|l| l.period_between)
            .any(|(first, second)| w[0] == *first && w[2] == *second);
        let start: u16 = w[1].parse().ok()?;
        let end: u16 = w[3].parse().ok()?;
        (joined && YEAR.is_match(w[1]) && YEAR.is_match(w[3]) && start < end && end - start <= 10)
            .then_some((start, end))
    })
}

fn make_period((start, end): (u16, u16), confidence: f64, candidate: &Candidate<'_>) -> Period {
    let label = if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    };
    Period {
        start,
        end,
        label,
        confidence,
        evidence: vec![evidence(candidate, &candidate.folded())],
    }
}

fn evidence(candidate: &Candidate<'_>, text: &str) -> Evidence {
    let folded = candidate.folded();
    let text = find_words(candidate.lower(), text)
        .and_then(|at| folded.get(at..at + text.len()))
        .unwrap_or(&folded)
        .to_owned();
    Evidence {
        text,
        page: candidate.line.page,
        line: candidate.line.number,
    }
}

/// The shortest heading-like line of the title area that names the kind,
/// preferring lines in the document's language; a bold block that wraps over
/// several lines is joined.
fn detect_title(
    candidates: &Candidates<'_>,
    hits: &[Hit<'_>],
    kind: DocumentKind,
    blocks: &[LanguageBlock],
    language: &str,
    lexicons: &Lexicons,
) -> Option<String> {
    let block_language = |index: usize| {
        blocks
            .iter()
            .find(|block| (block.first_line..=block.last_line).contains(&index))
            .and_then(|block| block.language)
    };
    let mut titles: Vec<((bool, bool, bool), String)> = Vec::new();
    for hit in hits
        .iter()
        .filter(|hit| hit.kind == kind && candidates.at(hit.candidate).in_title_area)
    {
        let candidate = &candidates.at(hit.candidate);
        // A line that names the document only as a run-in cover gives the
        // cover's title (from the phrase to its year) as the last resort: a
        // title line of its own, wherever it stands, is the printed title.
        // The rest of such a line (an address, a foreword) is no title:
        // when the cover's own title cannot be told apart, none is given.
        if hit.run_in_only {
            if let Some(title) = &hit.cover_title {
                titles.push(((false, false, false), title.clone()));
            }
            continue;
        }
        let mut title = match hit.report_at {
            Some(report_at) => candidate
                .folded()
                .get(report_at..)
                .map(|report| without_date_stamp(report).to_owned())
                .unwrap_or_default(),
            None => without_date_stamp(&candidate.plain()).to_owned(),
        };
        let mut raw_end = candidate.line.text.trim_end().to_owned();
        let opens_bold = candidate.line.text.trim_start().starts_with("**");
        let mut next = hit.candidate + 1;
        while opens_bold
            && !raw_end.ends_with("**")
            && next < candidates.len()
            && next - hit.candidate < 4
        {
            title.push(' ');
            title.push_str(&candidates.at(next).plain());
            raw_end = candidates.at(next).line.text.trim_end().to_owned();
            next += 1;
        }
        // A title set over two lines breaks after a link word (`FORMULARIO
        // DE INFORME DE RENDICIÓN DE CUENTAS PARA` / `GOBIERNOS
        // MUNICIPALES`): the line right below ends it.
        // So does a kind phrase broken over two lines of a cover set apart
        // (`Plan communal de` / blank / `Développement de Belrive`): the
        // phrase is not whole on the line.
        let lowered_title = lower_same_length(&fold(&title));
        let phrase_runs_on =
            find_words(&unaccented(&lowered_title), &unaccented(hit.phrase.phrase)).is_none();
        if !opens_bold && ends_dangling(&words(&lowered_title), lexicons) {
            if let Some(below) = candidates.get(hit.candidate + 1).filter(|below| {
                below.in_title_area && (below.index == candidate.index + 1 || phrase_runs_on)
            }) {
                title = format!("{} {}", title.trim_end(), below.plain().trim());
            }
        }
        let repeated = |head: &str| {
            let wanted = title_key(head);
            candidates
                .iter()
                .skip(hit.candidate + 1)
                .take_while(|later| later.in_title_area)
                .any(|later| {
                    title_key(&later.plain())
                        .strip_prefix(wanted.as_str())
                        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
                })
        };
        if let Some(cut) = cut_after_year(&title, hit.phrase.phrase, repeated) {
            title = cut;
        }
        if let Some(cut) = cut_name_before(&title, hit.phrase.phrase) {
            title = cut;
        }
        if title.split_whitespace().count() > MAX_TITLE_WORDS
            || title.ends_with('.')
            || is_file_name(&title)
            || opens_on_link_verb(&title, lexicons)
        {
            continue;
        }
        let line_language = block_language(candidate.index);
        // A line opening in small letters is a host's slug, a file name or
        // a sentence's end (`2020 plan operativo - portal de transparencia`,
        // `fiscal years 2031-32 work plan`): a printed title below it wins.
        let capitalised = title
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        // A cover's title names the year it covers; a line naming the kind
        // alone is more often a link or a caption (`Download the Annual
        // Report`, `cover of the Annual Report`).
        let dated = YEAR.is_match(&title);
        let rank = (capitalised, dated, line_language == Some(language));
        titles.push((rank, title));
    }
    titles.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
    titles
        .into_iter()
        .next()
        .map(|(_, title)| title)
        .or_else(|| {
            // Minutes name no kind: their title is the line that names them.
            // A line that is the label alone (`ORDRE DU JOUR`, `AGENDA`)
            // heads the list of items, and a numbered line is one of them
            // (`1. APPROBATION DU COMPTE-RENDU…`): neither titles the record.
            let label_alone = |c: &Candidate<'_>| {
                let bare = unaccented(&words(c.lower()).join(" "));
                lexicons
                    .each(|l| l.minutes_words)
                    .any(|phrase| unaccented(&words(phrase).join(" ")) == bare)
            };
            let numbered = |c: &Candidate<'_>| {
                c.lower()
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_digit())
                    || opens_on_meeting_item(c.lower(), lexicons)
            };
            candidates
                .iter()
                .filter(|c| c.in_title_area && !label_alone(c) && !numbered(c))
                .find(|c| {
                    let bare = unaccented(c.lower());
                    lexicons
                        .each(|l| l.minutes_words)
                        .any(|phrase| find_words(&bare, &unaccented(phrase)).is_some())
                })
                .filter(|c| !ends_dangling(&words(c.lower()), lexicons))
                .map(|c| c.plain().trim().to_owned())
                .filter(|title| {
                    title.split_whitespace().count() <= MAX_TITLE_WORDS && !title.ends_with('.')
                })
        })
}

/// Whether a line opens on an agenda item's label and its number (`Item
/// 04 Annual Report for the year 2031`, `Punto 3. Memoria anual`): an item
/// of a meeting, whose paper is not the document.
fn opens_on_item_label(lower: &str, lexicons: &Lexicons) -> bool {
    let line = words(lower);
    lexicons.each(|l| l.agenda_item_labels).any(|label| {
        let label = words(label);
        line.get(..label.len()) == Some(label.as_slice())
            && line.get(label.len()).is_some_and(|number| {
                (1..=3).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit())
            })
    })
}

/// Whether a line opens on an item of a meeting's business rather than
/// naming the meeting: on an item's code (`A23/018 CONFIRMATION OF
/// PREVIOUS MINUTES`, `CM-21/04 …`), or on a minutes word of the lexicons
/// and an item's number (`Agenda Item #1 Review and Adoption of Minutes`).
fn opens_on_meeting_item(lower: &str, lexicons: &Lexicons) -> bool {
    static ITEM_CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[a-z]{1,3}-?[0-9]{1,4}[/.\-][0-9]{1,4}$")
            .expect("ITEM_CODE is a valid literal pattern")
    });
    let line: Vec<&str> = lower.split_whitespace().collect();
    let item_number = |word: &str| {
        let digits = word
            .trim_start_matches('#')
            .trim_end_matches(['.', ':', ')']);
        (1..=3).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
    };
    line.first().is_some_and(|first| ITEM_CODE.is_match(first))
        || lexicons.each(|l| l.minutes_words).any(|phrase| {
            let phrase: Vec<&str> = phrase.split_whitespace().collect();
            line.len() > phrase.len()
                && line[..phrase.len()] == phrase[..]
                && item_number(line[phrase.len()])
        })
}

/// Whether a line opens on a verb of the lexicons that sends the reader to
/// a document (`Download 2019 Annual Report`, `Télécharger le rapport`):
/// a link's caption, not the title printed on the document.
fn opens_on_link_verb(title: &str, lexicons: &Lexicons) -> bool {
    let lower = title.to_lowercase();
    let line: Vec<&str> = words(&lower);
    lexicons.each(|l| l.link_verbs).any(|verb| {
        let verb: Vec<&str> = verb.split_whitespace().collect();
        line.len() > verb.len() && line[..verb.len()] == verb[..]
    })
}

/// Endings of the file names that publishing tools print as a document's
/// title (`Corporate Report Draft.indd`).
const FILE_EXTENSIONS: &[&str] = &[
    "indd", "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ppt", "pptx", "qxd", "qxp",
];

/// Whether a title is a file's name: it ends on a dot and a file extension.
fn is_file_name(title: &str) -> bool {
    title
        .trim_end()
        .rsplit_once('.')
        .is_some_and(|(name, extension)| {
            !name.ends_with(char::is_whitespace)
                && FILE_EXTENSIONS
                    .iter()
                    .any(|known| extension.eq_ignore_ascii_case(known))
        })
}

/// A title without the date stamp a file name opens with (`20170310 ICLEI
/// Corporate Report 2016-2017`): eight figures reading as a year, a month
/// and a day, then the title.
fn without_date_stamp(title: &str) -> &str {
    let trimmed = title.trim_start();
    let Some((stamp, rest)) = trimmed.split_once(char::is_whitespace) else {
        return title;
    };
    let figures = |range: std::ops::Range<usize>| {
        stamp
            .get(range)
            .and_then(|part| part.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let dated = stamp.len() == 8
        && stamp.chars().all(|c| c.is_ascii_digit())
        && (1900..=2099).contains(&figures(0..4))
        && (1..=12).contains(&figures(4..6))
        && (1..=31).contains(&figures(6..8));
    if dated && rest.chars().any(char::is_alphabetic) {
        rest.trim_start()
    } else {
        title
    }
}

/// Most capitalised words between a kind phrase and the year that dates it
/// in a title (`Informes de Gestión Secretaría Ejecutiva 2000/2001`).
const YEAR_REACH_WORDS: usize = 3;

/// A year or a span of years as one word of a title (`2019`, `2012/2013`,
/// `2011-12`), maybe with a comma or a stop after it.
static YEAR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19[5-9][0-9]|20[0-9][0-9])(?:[-–/](?:(?:19|20)?[0-9]{2}|[0-9]))?[,;.]?$")
        .expect("YEAR_WORD is a valid literal pattern")
});
/// A word of a line, with its offset.
static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+").expect("TOKEN is a valid literal pattern"));

/// A title line naming the kind and its year, cut after them where the
/// line runs on into other text: a sentence or the cover's other lines
/// (`ANNUAL REPORT 2015 Association of Manitoba Municipalities 1910 …`), a
/// page title's site (`2015-2016 Annual Report - League of …`), a page
/// counter (`EUROCITIES annual report 2019 2`), or a name in capitals after
/// a title in small letters (`Annual Report 2011-12 LOCAL GOVERNMENT …`).
/// The year follows the phrase within [`YEAR_REACH_WORDS`] capitalised
/// words, or comes right before it (`2007 ANNUAL REPORT ASSOCIATION OF
/// …`), as a span too (`2013 – 2014`). A subtitle after a colon or in
/// brackets is the title's own, and nothing is cut without a year.
fn cut_after_year(title: &str, phrase: &str, repeated: impl Fn(&str) -> bool) -> Option<String> {
    let tokens: Vec<regex::Match<'_>> = TOKEN.find_iter(title).collect();
    let is_year = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| YEAR_WORD.is_match(t.as_str()))
    };
    let is_dash = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| matches!(t.as_str(), "-" | "–" | "—" | "/"))
    };
    // The phrase's words, each with the token holding it.
    let mut flat: Vec<(String, usize)> = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        let key = unaccented(&lower_same_length(&fold(token.as_str())));
        flat.extend(words(&key).into_iter().map(|word| (word.to_owned(), at)));
    }
    let wanted: Vec<String> = words(&unaccented(phrase))
        .into_iter()
        .map(str::to_owned)
        .collect();
    let start = (0..flat.len()).find(|&at| {
        !wanted.is_empty()
            && flat
                .get(at..at + wanted.len())
                .is_some_and(|run| run.iter().map(|(word, _)| word).eq(wanted.iter()))
    })?;
    let (first, last) = (flat.get(start)?.1, flat.get(start + wanted.len() - 1)?.1);
    // Before the phrase, only a year or a name in capitals (`EUROCITIES`,
    // `LGNSW`): a sentence naming the kind is no title to cut.
    let named = tokens.get(..first)?.iter().all(|token| {
        let word = token.as_str();
        YEAR_WORD.is_match(word)
            || (word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase))
    });
    if !named {
        return None;
    }
    let mut year = None;
    for at in last + 1..=last + 1 + YEAR_REACH_WORDS {
        if is_year(at) {
            year = Some(at);
            break;
        }
        if !tokens
            .get(at)
            .is_some_and(|t| t.as_str().starts_with(char::is_uppercase))
        {
            break;
        }
    }
    let end = match year {
        Some(at) if is_dash(at + 1) && is_year(at + 2) => at + 2,
        Some(at) => at,
        None if first > 0 && is_year(first - 1) => last,
        None => return None,
    };
    let cut = tokens.get(end)?.end();
    let head = title.get(..cut)?.trim_end();
    let rest = title.get(cut..)?.trim();
    let first_rest = rest.chars().next()?;
    // Small letters after the year go on with the title's own words (`Work
    // Programme 2031-2033 of the Coastal Towns …`), not with another line's.
    if first_rest.is_lowercase()
        || matches!(first_rest, ':' | '(' | '[' | '«' | '"' | '“' | '‘' | '\'')
    {
        return None;
    }
    let runs_on = title.split_whitespace().count() > MAX_TITLE_WORDS || title.ends_with('.');
    // A subtitle follows a dash as well (`Strategic Plan 2031 - Progress
    // Update #3`): a site's name is told by the page's heading repeating
    // the title without it.
    let site = matches!(first_rest, '-' | '–' | '—' | '|' | '·' | '•') && repeated(head);
    let counter = rest.len() <= 3 && rest.chars().all(|c| c.is_ascii_digit());
    let capitals = rest.chars().any(char::is_alphabetic)
        && !rest.chars().any(char::is_lowercase)
        && head.chars().any(char::is_lowercase);
    (runs_on || site || counter || capitals).then(|| head.to_owned())
}

/// Fewest words of a body's name in capitals that a cover sets before its
/// title on one line (`COASTAL TOWNS LEAGUE Annual Report 2031`); one or
/// two words are the body's acronyms, part of the title (`ICLEI Corporate
/// Report`, `UCLG ASPAC Annual report`).
const COVER_NAME_BEFORE_WORDS: usize = 3;

/// A title line that opens on the name of the body in capitals before the
/// kind phrase in title case (`COASTAL TOWNS LEAGUE Annual Report 2031`,
/// the name set above the title on the cover): the title starts at the
/// phrase. Nothing is cut when a year or a word in small letters comes
/// before the phrase, or the phrase is in capitals too.
fn cut_name_before(title: &str, phrase: &str) -> Option<String> {
    let tokens: Vec<regex::Match<'_>> = TOKEN.find_iter(title).collect();
    let wanted = words(&unaccented(phrase))
        .first()
        .map(|w| (*w).to_owned())?;
    let first = tokens.iter().position(|token| {
        words(&unaccented(&lower_same_length(&fold(token.as_str()))))
            .first()
            .is_some_and(|word| *word == wanted)
    })?;
    let opening = tokens.get(first)?.as_str();
    let title_case =
        opening.starts_with(char::is_uppercase) && opening.chars().skip(1).any(char::is_lowercase);
    let name = tokens.get(..first)?.iter().all(|token| {
        let word = token.as_str();
        word.chars().any(char::is_alphabetic)
            && !word.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
    });
    (title_case && name && first >= COVER_NAME_BEFORE_WORDS)
        .then(|| title.get(tokens.get(first)?.start()..).map(str::to_owned))
        .flatten()
}

/// Most words of a headline that opens a document and names no kind
/// (news, notices, records): longer than a heading of a report's cover,
/// shorter than a sentence run into the body.
const MAX_HEADLINE_WORDS: usize = 20;
/// Most words of a page's section label above its headline (`News, Post`,
/// `Agenda item`, `Frente Municipal`).
const MAX_LABEL_WORDS: usize = 3;

/// The title of a document whose title area names no kind: the heading line
/// that opens it, when the line under it is body (a sentence, a date, a
/// list) rather than another heading. A short section label of the page
/// above a longer headline gives the headline. Two heading lines otherwise
/// are a tie: no title, and a diagnostic naming both.
fn opening_heading(
    candidates: &Candidates<'_>,
    lexicons: &Lexicons,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(title) = page_title(candidates, lexicons) {
        return Some(title);
    }
    // A heading printed twice in a row (a page's title over its article's)
    // is one line.
    let mut opening: Vec<Option<String>> = Vec::new();
    let mut previous = String::new();
    let mut furniture = 0;
    for (position, candidate) in candidates
        .iter()
        .enumerate()
        .take_while(|(_, candidate)| candidate.in_title_area)
    {
        let plain = candidate.plain().trim().to_owned();
        if plain == previous {
            continue;
        }
        // The writer's name over the dateline is no heading of the page.
        let next = candidates.get(position + 1).map(|next| next.plain());
        if next.is_some_and(|next| is_name_over_dateline(&plain, &next, lexicons)) {
            continue;
        }
        let heading = heading_line(&candidate, lexicons);
        // A page's furniture above its headline (a posting day, a file
        // name, `Loading…`, `top of page`) opens no body: the headline
        // under it still opens the page.
        if opening.is_empty()
            && heading.is_none()
            && furniture < MAX_FURNITURE_LINES
            && is_furniture_line(&plain, lexicons)
        {
            furniture += 1;
            continue;
        }
        // A word alone under the headline is the page's section label
        // (`Política`, `Résumé`), and a byline its writer's: neither is a
        // second heading.
        let headline_above = opening
            .last()
            .and_then(Option::as_ref)
            .is_some_and(|above| word_count(above) > MAX_LABEL_WORDS);
        let label = heading
            .as_deref()
            .is_some_and(|line| word_count(line) == 1 && headline_above);
        if label {
            continue;
        }
        let heading = heading.filter(|line| !is_byline(line, lexicons));
        opening.push(heading);
        previous = plain;
        if opening.len() == 3 {
            break;
        }
    }
    let heading = |at: usize| opening.get(at).cloned().flatten();
    // One word opens a page as its label (`Contents`, `Header`), not its
    // title.
    // A site's link (`Skip to content`) is a heading of the page's
    // furniture: it ties with a heading under it, and titles nothing.
    // A link's caption, a meeting's item or a file's name titles nothing
    // either.
    let titled = |title: String| {
        (word_count(&title) > 1
            && !lexicons.navigation(&words(&title.to_lowercase()))
            && !opens_on_link_verb(&title, lexicons)
            && !opens_on_meeting_item(&title.to_lowercase(), lexicons)
            && !is_file_name(&title))
        .then_some(title)
    };
    match (heading(0), heading(1), heading(2)) {
        (Some(first), None, _) => titled(first),
        (Some(label), Some(headline), None)
            if word_count(&label) <= MAX_LABEL_WORDS
                && word_count(&headline) > word_count(&label) =>
        {
            titled(headline)
        }
        (Some(first), Some(second), _) => {
            diagnostics.push(Diagnostic::info(
                Code::DetectTitleTie,
                format!("`{first}` and `{second}` both open the document as headings"),
            ));
            None
        }
        _ => None,
    }
}

/// Most lines of a page's furniture skipped above its headline: under
/// more, the page is a host's listing, whose headings are its own.
const MAX_FURNITURE_LINES: usize = 1;
/// Most words of a line of a page's furniture (`date 2031-06-19 Wire
/// news`, `Town Hall 003.JPG`); a longer line is the page's text.
const MAX_FURNITURE_WORDS: usize = 10;

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Whether a line that is no heading is short furniture of a page rather
/// than its text: a few words with letters (a number alone is a page's,
/// over a cover's first line), no sentence's stop (an ellipsis is a cut
/// link's), no label or clause opening what follows (`Present:`, `Le 3
/// mai 2031,`), no word left dangling (a title's first line) and no list
/// item.
fn is_furniture_line(line: &str, lexicons: &Lexicons) -> bool {
    let stop = line.ends_with('.') && !line.ends_with("...");
    let lower = lower_same_length(&fold(line));
    word_count(line) <= MAX_FURNITURE_WORDS
        && line.chars().any(char::is_alphabetic)
        && !stop
        && !line.ends_with([':', ','])
        && !ends_dangling(&words(&lower), lexicons)
        && !LIST_ITEM.is_match(line)
}

/// Whether a line is a byline: a byline word (`By`, `Par`, `Por:`) and a
/// capitalised name after it, in a few words (`Par Lucile Bonnin`).
fn is_byline(line: &str, lexicons: &Lexicons) -> bool {
    let mut tokens = line.split_whitespace();
    let opens = tokens.next().is_some_and(|word| {
        lexicons.has(
            |l| l.byline_words,
            &word.trim_end_matches(':').to_lowercase(),
        )
    });
    let named = tokens
        .next()
        .and_then(|name| name.chars().next())
        .is_some_and(char::is_uppercase);
    opens && named && word_count(line) <= MAX_FURNITURE_WORDS
}

/// Most words of a name alone on its line (`María del Carmen López`).
const MAX_NAME_WORDS: usize = 5;

/// Whether `line` is a byline over the dateline `next` opens on: a name
/// alone (capitalised words, name particles between them, no digit) over
/// a place, a comma and a day with its month (`Inmaculada López` /
/// `Madrid, 20 jun (EFE).- Los ayuntamientos…`, `Lyon, le 3 mai 2031 -`).
pub(crate) fn is_name_over_dateline(line: &str, next: &str, lexicons: &Lexicons) -> bool {
    let name: Vec<&str> = line.split_whitespace().collect();
    let capitalised = |word: &str| {
        let mut letters = word.chars().filter(|c| *c != '-' && *c != '.');
        letters.next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
    };
    let named = (2..=MAX_NAME_WORDS).contains(&name.len())
        && name.first().is_some_and(|word| capitalised(word))
        && name.last().is_some_and(|word| capitalised(word))
        && name.iter().all(|word| {
            capitalised(word) || lexicons.has(|l| l.name_particles, &word.to_lowercase())
        });
    let Some((place, rest)) = next.split_once(',') else {
        return false;
    };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let placed =
        (1..=3).contains(&place_words.len()) && place_words.iter().all(|word| capitalised(word));
    // The day and its month open what follows the comma, a date
    // preposition maybe before them (`le 3 mai`).
    let lower = rest.to_lowercase();
    let head: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(3)
        .collect();
    let dated = head
        .iter()
        .any(|word| word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit()))
        && head.iter().any(|word| {
            // Wires cut a month to its first letters (`20 jun`).
            lexicons.month(word).is_some()
                || (word.chars().count() >= 3
                    && lexicons
                        .each(|l| l.months)
                        .any(|(month, _)| month.starts_with(word)))
        });
    named && placed && dated
}

/// Most words of a record's heading set in capitals (`ACTA DE LA SESIÓN
/// ORDINARIA CELEBRADA POR EL PLENO DE LA CORPORACIÓN … EL DÍA 30 DE
/// SEPTIEMBRE DE 2016.`).
const MAX_CAPITALS_HEADING_WORDS: usize = 30;

/// The heading of a meeting's record set in capitals, when no line names
/// the document's kind and no heading opens it, alone or tied with
/// another: a run of words in
/// capitals opening on a minutes word (`ACTA DE LA SESIÓN ORDINARIA …`,
/// `COMPTE RENDU DE LA RÉUNION …`), or on a meeting's noun when the run
/// names a month and a year (`CONSEIL MUNICIPAL DU 30 JANVIER 2017`), up
/// to the first word in small letters or made of marks only; a record's
/// run names its meeting's day or number. Such a
/// heading is often run into the cover's other lines or into the record's
/// first sentence (`Principado de Asturias ACTA DE LA SESIÓN … DE 2012 En
/// la Casa Consistorial…`), and long: it is cut at its own ends. A minutes
/// word inside a heading in capitals (`APROBACIÓN DEL ACTA …`) opens
/// nothing, nor a run that is a label (`ORDRE DU JOUR :`).
fn capitals_heading(candidates: &Candidates<'_>, lexicons: &Lexicons) -> Option<String> {
    // A word of the run: no small letter, no mark alone (a dash parts a
    // heading from the meeting's hour or place), no host's furniture.
    let capitals = |word: &str| {
        // Ordinal indicators (`Nº`, `1ª`) are set small in capitals too.
        !word
            .chars()
            .any(|c| c.is_lowercase() && !matches!(c, 'ª' | 'º'))
            && !word.contains(['…', '|'])
            && !word.contains("...")
            && word.chars().any(char::is_alphanumeric)
    };
    let lettered = |word: &str| word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let key = |word: &str| {
        unaccented(&lower_same_length(&fold(word.trim_matches(|c: char| {
            !c.is_alphanumeric() && c != '-' && c != '\''
        }))))
    };
    let phrases: Vec<(Vec<String>, bool)> = lexicons
        .each(|l| l.minutes_words)
        .map(|phrase| (phrase, true))
        .chain(lexicons.each(|l| l.event_nouns).map(|noun| (noun, false)))
        .map(|(phrase, minutes)| (phrase.split_whitespace().map(key).collect(), minutes))
        .collect();
    for candidate in candidates
        .iter()
        .take_while(|candidate| candidate.in_title_area)
    {
        let plain = candidate.plain();
        let tokens: Vec<&str> = plain.split_whitespace().collect();
        let keys: Vec<String> = tokens.iter().map(|token| key(token)).collect();
        for start in 0..tokens.len() {
            let opens = tokens
                .get(start)
                .is_some_and(|token| lettered(token) && capitals(token))
                && start
                    .checked_sub(1)
                    .and_then(|before| tokens.get(before))
                    .is_none_or(|before| !(lettered(before) && capitals(before)));
            if !opens {
                continue;
            }
            // An agenda's name heads its items, not the record.
            let agenda = lexicons.each(|l| l.agenda_headings).any(|heading| {
                let heading: Vec<String> = heading.split_whitespace().map(key).collect();
                keys.get(start..start + heading.len()) == Some(heading.as_slice())
            });
            if agenda {
                continue;
            }
            let Some((length, minutes)) = phrases
                .iter()
                .filter(|(phrase, _)| {
                    keys.get(start..start + phrase.len()) == Some(phrase.as_slice())
                })
                .map(|(phrase, minutes)| (phrase.len(), *minutes))
                .max()
            else {
                continue;
            };
            let end = start
                + tokens[start..]
                    .iter()
                    .take_while(|token| capitals(token))
                    .count();
            // A run cut by a host's furniture (`PLENO DE … 30-07-2031.pdf`)
            // is no whole heading; one closed on a word left dangling
            // (`… DU`) goes on elsewhere.
            let cut = tokens
                .get(end)
                .is_some_and(|next| next.contains(['…', '|']) || next.contains("..."));
            let dangling = end
                .checked_sub(1)
                .and_then(|last| keys.get(last))
                .is_some_and(|last| ends_dangling(&[last.as_str()], lexicons));
            let run = &tokens[start..end];
            let label = run.last().is_some_and(|last| last.ends_with(':'));
            let month = run
                .iter()
                .any(|word| lexicons.month(&key(word)).is_some() || lexicons.month(word).is_some());
            let dated = month && run.iter().any(|word| YEAR.is_match(word));
            // A record names its meeting by its day or its number (`SESIÓN
            // ORDINARIA Nº 113`); a label of the kind alone (`PROCÈS-VERBAL
            // DE SÉANCE`, `MINUTES OF PREVIOUS MEETING`) names none.
            let numbered = month
                || run
                    .iter()
                    .skip(length)
                    .any(|word| word.chars().any(|c| c.is_ascii_digit()));
            if run.len() > length
                && run.len() <= MAX_CAPITALS_HEADING_WORDS
                && !label
                && !cut
                && !dangling
                && (if minutes { numbered } else { dated })
            {
                return Some(run.join(" "));
            }
        }
    }
    None
}

/// A line's words folded and lowered, one space between them, for
/// comparing lines as printed twice.
fn title_key(text: &str) -> String {
    lower_same_length(&fold(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Marks parting a page's title from its site's name or a path.
const TITLE_SEPARATORS: &[&str] = &["-", "–", "—", "|", "·", "›", "»"];

/// The title of a web page printed over its text with its site's name
/// (`Council minutes - Town of X`, `Annual plan | Y`): as many of its
/// words as a later line of the title area opens with (the page's own
/// heading), the separators aside, and at least those before the first
/// separator. A line repeating the page's title whole proves nothing: a
/// name after a dash is as likely the title's own (`World Council 2031 -
/// Harbourtown`).
fn page_title(candidates: &Candidates<'_>, lexicons: &Lexicons) -> Option<String> {
    let first = candidates.get(0).filter(|first| first.in_title_area)?;
    let plain = first.plain();
    let line = plain.trim();
    let separator = |token: &regex::Match<'_>| TITLE_SEPARATORS.contains(&token.as_str());
    let tokens: Vec<regex::Match<'_>> = TOKEN.find_iter(line).collect();
    let head = tokens.iter().position(separator)?;
    let keys: Vec<String> = tokens
        .iter()
        .filter(|token| !separator(token))
        .map(|token| title_key(token.as_str()))
        .collect();
    let whole = title_key(line);
    // The later line sharing most words with the page's title, and how many.
    let (shared, heading) = candidates
        .iter()
        .skip(1)
        .take_while(|candidate| candidate.in_title_area)
        .filter_map(|candidate| {
            let plain = candidate.plain();
            let later: Vec<regex::Match<'_>> = TOKEN
                .find_iter(plain.trim())
                .filter(|token| !separator(token))
                .collect();
            let shared = keys
                .iter()
                .zip(&later)
                .take_while(|(word, other)| **word == title_key(other.as_str()))
                .count();
            let end = later.get(shared.checked_sub(1)?)?.end();
            let heading = plain.trim().get(..end)?.to_owned();
            (title_key(&plain) != whole).then_some((shared, heading))
        })
        .max_by_key(|(shared, _)| *shared)?;
    // A heading holding the whole page title and more is the cover's
    // line run on (`TOWN OF X - REGION Annual plan …`), no page title.
    let fits = shared >= head.max(2) && shared < keys.len() && shared <= MAX_HEADLINE_WORDS;
    // Pages printed one after another share their counter (`Page 1 - red`
    // over `Page 1 - blue`): a counter is no title.
    let counter = counts_pages(&heading, &words(&title_key(&heading)), lexicons);
    (fits && !counter && heading.chars().any(char::is_uppercase)).then_some(heading)
}

/// Whether a line holds a page counter: a page word among its lowered
/// words and a digit (`Page 1`, `Página 3 de 10`).
fn counts_pages(line: &str, lowered_words: &[&str], lexicons: &Lexicons) -> bool {
    line.chars().any(|c| c.is_ascii_digit())
        && lowered_words
            .iter()
            .any(|word| lexicons.has(|l| l.page_words, word))
}

/// Text of a document's own furniture, never of a title: links, page
/// paths and file names (`Home > Council`, `www.`, `report_v2.pdf`).
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[|›»>·@_]|\.\.\.|…|www\.|https?:|\.(?:com|org|pdf|jpe?g|png)\b| [-–] | / ")
        .expect("FURNITURE is a valid literal pattern")
});
/// A full numeric date (`2031-09-06`): a stamp of the page, not its heading.
static DATE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b").expect("DATE_STAMP is a valid literal pattern")
});
/// A list item or a numbered part opening a line (`1.`, `2)`, `- `, `• `).
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]+[.)]|[-•*▪■]\s|[IVXivx]{1,5}\.\s)")
        .expect("LIST_ITEM is a valid literal pattern")
});
/// Whether `line` holds two sentences (`Association of X. Financial
/// Statements.`): two letters, a full stop, a space and a capital. A scan
/// rather than a pattern, whose Unicode letter classes would cost each
/// thread a large automaton for a test made on a few lines.
fn breaks_sentences(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(5).any(|window| {
        matches!(window, [a, b, '.', ' ', capital]
            if a.is_alphabetic() && b.is_alphabetic() && capital.is_uppercase())
    })
}

/// The plain text of a line that reads as a heading of the document's
/// opening: words with capitals, no sentence, no label, list item, date,
/// page counter or page furniture, and no word left dangling at its end.
fn heading_line(candidate: &Candidate<'_>, lexicons: &Lexicons) -> Option<String> {
    let plain = candidate.plain();
    let line = plain.trim();
    let lower = candidate.lower();
    let all_words = words(lower);
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let label = line
        .char_indices()
        .find(|&(_, c)| c == ':')
        .is_some_and(|(at, _)| at < 25 && !CLOCK.is_match(line));
    let page_counter = counts_pages(line, &all_words, lexicons);
    let dangling = ends_dangling(&all_words, lexicons);
    let slug = !line.contains(' ') && line.contains('-');
    // A small number after the words is a page's or item's counter (`Salad 10`);
    // commas between several clauses, prose.
    // A day in figures (`11.05.31`) ends no counter.
    let counted = line
        .split_whitespace()
        .last()
        .is_some_and(|last| last.len() <= 3 && last.chars().all(|c| c.is_ascii_digit()));
    let heading = letters >= 4
        && !counted
        && line.matches(',').count() < 2
        && !line.contains(['\t', '：'])
        && !lexicons.contents_heading(candidate.folded().trim())
        && line.chars().any(char::is_uppercase)
        && !line.ends_with(['.', ':', ',', ';'])
        && line.split_whitespace().count() <= MAX_HEADLINE_WORDS
        && !FURNITURE.is_match(&without_dated_dashes(line, lexicons))
        && !LIST_ITEM.is_match(line)
        && !breaks_sentences(line)
        && !label
        && !page_counter
        && !dangling
        && !slug
        && !opens_on_date(&all_words, lexicons)
        && !DATE_STAMP.is_match(line);
    // A rule of marks after the words (`TITLE =====`) underlines them.
    let rule = |token: &str| {
        token
            .chars()
            .all(|c| matches!(c, '=' | '-' | '_' | '*' | '~' | '#'))
    };
    let mut kept: Vec<&str> = line.split_whitespace().collect();
    while kept.len() > 1 && kept.last().is_some_and(|last| rule(last)) {
        kept.pop();
    }
    heading.then(|| {
        if kept.len() == line.split_whitespace().count() {
            line.to_owned()
        } else {
            kept.join(" ")
        }
    })
}

/// A day in figures (`11.05.20`, `27/11/2031`), or a year alone.
static FIGURES_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{1,2}[./-][0-9]{1,2}[./-](?:[0-9]{2}|[0-9]{4})|(?:19|20)[0-9]{2})\b")
        .expect("FIGURES_DAY is a valid literal pattern")
});

/// A line with the dashes before a date taken out (`Full Council – Monday
/// 3 May 2031`, `Annual Meeting – 11.05.31`, `Meeting dates - 2031`): a
/// heading dated after a dash is one heading, where a dash before a name
/// parts a page's title from its site.
fn without_dated_dashes(line: &str, lexicons: &Lexicons) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(' ') {
        let (head, tail) = rest.split_at(at + 1);
        out.push_str(head);
        rest = tail;
        let Some(after) = ["- ", "– "].iter().find_map(|dash| rest.strip_prefix(dash)) else {
            continue;
        };
        let lower = lower_same_length(&fold(after));
        if FIGURES_DAY.is_match(after) || opens_on_date(&words(&lower), lexicons) {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Whether a line stops on a word no title ends with (`Procès-verbal de
/// la séance du`): the rest of the title is on a later line.
fn ends_dangling(words: &[&str], lexicons: &Lexicons) -> bool {
    words.last().is_some_and(|last| {
        lexicons.has(|l| l.dangling_words, last) || lexicons.has(|l| l.function_words, last)
    })
}

/// Whether a line opens on a date (`February 5, 2021`, `viernes, 31 de
/// marzo de 2017`, `21 April 2022 – 22 April 2022`): a posting or meeting
/// day, not a heading.
fn opens_on_date(words: &[&str], lexicons: &Lexicons) -> bool {
    let head = &words[..words.len().min(4)];
    let number = |word: &&str| word.starts_with(|c: char| c.is_ascii_digit());
    head.first().is_some_and(|first| {
        number(first) || lexicons.month(first).is_some() || lexicons.weekday(first).is_some()
    }) && head.iter().any(|word| lexicons.month(word).is_some())
        && head.iter().any(number)
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sentences_on_a_line_break_at_a_full_stop_before_a_capital() {
        assert!(breaks_sentences(
            "Association of Towns. Financial Statements."
        ));
        assert!(breaks_sentences("Réunion du conseil. Ordre du jour"));
        assert!(!breaks_sentences("Annual Report 2031"));
        assert!(
            !breaks_sentences("Report by J. Smith"),
            "an initial is one letter"
        );
        assert!(
            !breaks_sentences("Plan 2. Actions"),
            "a digit before the stop"
        );
        assert!(!breaks_sentences("Fin. año"));
    }
    use crate::detect::detect;

    #[test]
    fn a_candidate_lowers_its_plain_line_on_demand_keeping_offsets() {
        let line = |text| Line {
            page: 1,
            number: 1,
            text,
            plain: text.trim(),
        };
        let candidate = |line| Candidate {
            index: 0,
            line,
            lower: OnceCell::new(),
            in_title_area: true,
        };
        let printed = candidate(line("RAPPORT D\u{2019}ACTIVITÉ 2031"));
        assert_eq!(printed.lower(), "rapport d'activité 2031");
        assert_eq!(printed.lower().len(), printed.line.plain.len() - 2);
        // `İ` lowers to two characters: it stays as printed.
        assert_eq!(candidate(line("İLK Plan")).lower(), "İlk plan");
        assert_eq!(candidate(line("   ")).lower(), "");
    }

    #[test]
    fn a_report_noun_the_body_and_its_year_on_one_cover_line() {
        let detected = |source: &str| detect(&Text::from_plain(source));
        // `Bilan`, the body's acronym and the year: a yearly review.
        let review = detected("Bilan AVM 2031\n\nSOMMAIRE\n\nIntroduction générale ........ 5\n");
        assert_eq!(review.kind.value, DocumentKind::AnnualReport);
        assert_eq!(review.period.map(|p| (p.start, p.end)), Some((2031, 2031)));
        assert_eq!(
            detected("Memoria FEMP Andalucía 2031\n").kind.value,
            DocumentKind::AnnualReport
        );
        // A heading of the body names what is reviewed, a kind phrase that
        // lost its apostrophe holds a link word, and a meeting's report is
        // no yearly report.
        for line in [
            "Bilan des actions 2031\n",
            "RAPPORT D ACTIVITES MORAL 2031\n",
            "REPORT UCLG RETREAT 2031\n",
        ] {
            assert_eq!(detected(line).kind.value, DocumentKind::Other, "{line:?}");
        }
    }

    #[test]
    fn a_foreword_presenting_the_report_names_it() {
        let detected = |source: &str| detect(&Text::from_plain(source));
        let foreword = detected("It is with a great deal of pleasure to present the 2031 Annual Report for the Association of Lakeside Councils. 2031 was a good year for the association.\n");
        assert_eq!(foreword.kind.value, DocumentKind::AnnualReport);
        assert_eq!(
            foreword.period.map(|p| (p.start, p.end)),
            Some((2031, 2031))
        );
        assert_eq!(
            detected("Tenemos el agrado de presentar la Memoria Anual 2031 de la Federación de Municipios del Valle.\n").kind.value,
            DocumentKind::AnnualReport
        );
        // A report presented by someone else is another document.
        assert_eq!(
            detected("The treasurer will present the annual report of the harbour trust at the next meeting of the council, which is in the spring.\n").kind.value,
            DocumentKind::Other
        );
        // News of an assembly where reports were read: a report opening a
        // sentence with its reader after it is one spoken of.
        assert_eq!(
            detected("L’assemblée générale des maires s’est ouverte samedi à Thiès.\nCependant, le rapport moral lu par le président et le rapport financier lu par le trésorier ont été contestés par la plupart des délégués.\n").kind.value,
            DocumentKind::Other
        );
        assert_eq!(
            detected("The assembly of the harbour towns met on Saturday.\nThe annual report presented by the treasurer was approved by most of the delegates after a long debate.\n").kind.value,
            DocumentKind::Other
        );
    }

    #[test]
    fn a_cover_phrase_with_one_letter_dropped_still_names_the_kind() {
        let kind = |source: &str| detect(&Text::from_plain(source)).kind.value;
        // A cover typed in a hurry drops a letter of one word of the phrase.
        assert_eq!(
            kind(
                "RIVERSIDE DISTRICT ASSEMBLY\n\nANNUAL PROGRSS REPORT\n\nJANUARY - DECEMBER 2031\n"
            ),
            DocumentKind::AnnualReport
        );
        assert_eq!(
            kind("COMMUNE DE VALBOIS\n\nRAPPORT D'ACTIVITS 2031\n"),
            DocumentKind::AnnualReport
        );
        // Only on the cover: in the body, such a word is taken as printed.
        let body = format!(
            "{}the annual progrss report was late.\n",
            "Minutes of the meeting of the finance committee held at the town hall.\n".repeat(20)
        );
        assert_eq!(kind(&body), DocumentKind::Other);
        // A short word with a letter dropped is another word (`plan` /
        // `pan`), and two slips make no phrase.
        assert_eq!(kind("ACTION PAN 2031\n"), DocumentKind::Other);
        assert_eq!(kind("RAPORT D'ACTIVITS 2031\n"), DocumentKind::Other);
        assert!(one_letter_dropped("progress", "progrss"));
        assert!(!one_letter_dropped("plan", "pan"));
        assert!(!one_letter_dropped("progress", "progres s"));
    }

    #[test]
    fn a_cover_run_into_one_line_names_the_document_before_its_year() {
        let kind = |source: &str| detect(&Text::from_plain(source)).kind.value;
        // A body's name, the kind phrase and its year, then the rest of the
        // cover and the first page run on in one line.
        assert_eq!(
            kind("Ashdown & Fell Association of Parish Councils Annual Report of the Board 2031 (with the 2030-31 accounts) Old Mill Road, Ashdown Telephone 0100 000 000 Board members from left to right: Cllr Ann Weir (Chair), Cllr Tom Hale, Cllr Ruth Dean and the clerk, who wrote this review of the year for the members."),
            DocumentKind::AnnualReport
        );
        assert_eq!(
            kind("COUNTY GOVERNMENT OF LAKESIDE DEPARTMENT OF FINANCE AND PLANNING ANNUAL DEVELOPMENT PLAN 2031/32 AUGUST 2030 County Government of Lakeside P.O. Box 12 Lakeside Contents List of tables ......v Foreword ......vii CHAPTER 1 COUNTY BACKGROUND ......1"),
            DocumentKind::WorkPlan
        );
        assert_eq!(
            kind("2029 Riverside League Triennial Accomplishment Report - - 2031 League of Riverside Towns, Unit 4, Harbour Building, Riverside Our Vision A partnership of towns that work together for their people and their places and their future."),
            DocumentKind::TriennialReport
        );
        // A communal development plan's cover, in the order of Cameroon
        // and Morocco.
        assert_eq!(
            kind(
                "COMMUNE DE VALBOIS\n\nPLAN COMMUNAL DE DEVELOPPEMENT DE VALBOIS\n\nJUILLET 2031\n"
            ),
            DocumentKind::ActionPlan
        );
        // Its cover's month and year say when it was issued, not the years
        // it covers.
        assert_eq!(
            detect(&Text::from_plain(
                "PLAN COMMUNAL DE DEVELOPPEMENT DE VALBOIS\n\nJUILLET 2031\n"
            ))
            .period,
            None
        );
        // The run-in cover's title runs from the kind phrase to its year.
        assert_eq!(
            detect(&Text::from_plain("Ashdown & Fell Association of Parish Councils Annual Report of the Board 2031 (with the 2030-31 accounts) Old Mill Road, Ashdown Telephone 0100 000 000 Board members from left to right: Cllr Ann Weir (Chair), Cllr Tom Hale and the clerk.")).title.as_deref(),
            Some("Annual Report of the Board 2031")
        );
        // A sentence speaking of a report in the title area names another
        // document: lower-case words stand before the phrase.
        assert_eq!(
            kind("The council met on Tuesday and adopted the draft annual report 2031 of the harbour trust, which the members will read before the next meeting of the full council in the spring."),
            DocumentKind::Other
        );
        // Without a year after it, the phrase is no cover's.
        assert_eq!(
            kind("Ashdown Association of Parish Councils Annual Report of the Board with the accounts of the year, the list of members, the services given and the training offered to the clerks."),
            DocumentKind::Other
        );
        // A mark between the phrase and its year leaves the cover's title
        // unsaid: the kind stands, but the long line is no title.
        let unsaid = detect(&Text::from_plain("Riverside Towns League Annual Report - 2031 Unit 4, Harbour Building, Riverside Our members met often this year and the board thanks the clerks, who wrote this review for the towns."));
        assert_eq!(unsaid.kind.value, DocumentKind::AnnualReport);
        assert_eq!(unsaid.title, None);
    }

    #[test]
    fn one_pass_finds_what_a_search_per_phrase_finds() {
        let lexicons = Lexicons::all();
        let phrases: Vec<&'static KindPhrase> = lexicons.each(|l| l.kind_phrases).collect();
        let automaton =
            AhoCorasick::new(phrases.iter().map(|p| p.phrase)).expect("kind phrases compile");
        let mut resume = vec![0; phrases.len()];
        // Each phrase alone, inside a word, repeated, and next to, inside or
        // overlapping another: phrases that start together, contain each
        // other or share words.
        let mut lines = Vec::new();
        for p in &phrases {
            lines.push(p.phrase.to_owned());
            lines.push(format!("x{} {}s", p.phrase, p.phrase));
            lines.push(format!("the {}s, then the {} 2020", p.phrase, p.phrase));
            for q in &phrases {
                lines.push(format!("{} {}", p.phrase, q.phrase));
                lines.push(format!("{}{}", p.phrase, q.phrase));
                lines.push(format!("({}) {}", q.phrase, p.phrase));
            }
        }
        for line in &lines {
            let naive = phrases
                .iter()
                .copied()
                .filter_map(|phrase| find_words(line, phrase.phrase).map(|at| (at, phrase)))
                .min_by(|(at_a, a), (at_b, b)| {
                    at_a.cmp(at_b).then(b.phrase.len().cmp(&a.phrase.len()))
                });
            let fast = first_phrase(&automaton, &phrases, line, &mut resume);
            assert!(
                match (naive, fast) {
                    (Some((at_a, a)), Some((at_b, b))) => at_a == at_b && std::ptr::eq(a, b),
                    (None, None) => true,
                    _ => false,
                },
                "{line}: {:?} vs {:?}",
                naive.map(|(at, p)| (at, p.phrase)),
                fast.map(|(at, p)| (at, p.phrase))
            );
        }
    }

    #[test]
    fn a_heading_opening_a_document_that_names_no_kind_is_its_title() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        // A notice or a news item: its heading over a sentence or a date.
        assert_eq!(
            title("Spring Gathering of the Valley Mayors\nThe mayors of the valley will meet in the old mill on a Friday to agree on the new bus routes.\n").as_deref(),
            Some("Spring Gathering of the Valley Mayors")
        );
        assert_eq!(
            title("Sesiones del Concejo 2031\nviernes, 4 de abril de 2031\nEl concejo se reúne cada mes.\n").as_deref(),
            Some("Sesiones del Concejo 2031")
        );
        // A heading printed twice is one.
        assert_eq!(
            title("Spring Gathering of the Valley Mayors\nSpring Gathering of the Valley Mayors\nThe mayors of the valley will meet in the old mill.\n").as_deref(),
            Some("Spring Gathering of the Valley Mayors")
        );
        // A page's section label over a longer headline gives the headline.
        assert_eq!(
            title("Town News\nNew Footbridge Opens Over the Mill Stream\nThe footbridge was opened by the parish clerk on a rainy morning, with forty people watching.\n").as_deref(),
            Some("New Footbridge Opens Over the Mill Stream")
        );
    }

    #[test]
    fn a_headline_under_a_page_furniture_or_over_its_byline_is_the_title() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        // Short furniture above the headline: a loading notice, a posting
        // day, a picture's file name.
        for (source, headline) in [
            ("Loading images...\nNew Footbridge Opens Over the Mill Stream\nThe footbridge was opened by the parish clerk on a rainy morning, with forty people watching.\n", "New Footbridge Opens Over the Mill Stream"),
            ("5 octobre 2031\nLes maires de la vallée votent le budget\nLes maires se sont réunis samedi à la salle des fêtes pour voter le budget de l'année.\n", "Les maires de la vallée votent le budget"),
            ("portada_valle_003.jpg\nLa federación renovará sus cargos en septiembre\nLos alcaldes del valle se reunieron el lunes para preparar la asamblea.\n", "La federación renovará sus cargos en septiembre"),
            // A byline or a section's word under the headline is no second heading.
            ("Les maires de la vallée votent le budget\nPar Claire Martin\nLes maires se sont réunis samedi pour voter le budget.\n", "Les maires de la vallée votent le budget"),
            ("La federación renovará sus cargos en septiembre\nPor: Luis Mora\nLos alcaldes del valle se reunieron el lunes.\n", "La federación renovará sus cargos en septiembre"),
            ("La federación renovará sus cargos en septiembre\nPolítica\nLos alcaldes del valle se reunieron el lunes.\n", "La federación renovará sus cargos en septiembre"),
            // A breadcrumb over a heading underlined by a rule of marks.
            ("Accueil › Mairie › Comptes rendus\nCONSEIL MUNICIPAL DU 5 MARS 2031 =====\nLe conseil s'est réuni en séance ordinaire à la mairie.\n", "CONSEIL MUNICIPAL DU 5 MARS 2031"),
        ] {
            assert_eq!(title(source).as_deref(), Some(headline), "{source:?}");
        }
        // A sentence or a label opening the page is its text: a heading
        // under it heads a part. Under a short heading, a word alone is as
        // likely the title: the two tie.
        for source in [
            "The mayors met on Friday to agree on the new bus routes.\nBus Routes\nThe routes change in May.\n",
            "Present:\nCouncillor Ann Lee\nThe meeting opened at seven and closed at nine.\n",
            "Meeting papers\nCouncil\nTuesday, 4 May 2031 7.30 pm\n",
            // A clause opening the page, and a host's listing (more than
            // one line of furniture).
            "Le 23 février 2031,\nFonds de solidarité pour les écoles : bilan de février\nDepuis octobre, le fonds a réuni plus de mille dons des communes.\n",
            "boletín Nº 12 | MAYO 2031\nwww.valle.example\nLo mejor está por venir\nEl alcalde inauguró la plaza del mercado el lunes.\n",
        ] {
            assert_eq!(title(source), None, "{source:?}");
        }
    }

    #[test]
    fn a_heading_dated_after_a_dash_is_one_heading() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        for (source, heading) in [
            ("Full Council – Wednesday 3rd November 2031 at 7:30pm\nYou are hereby summoned to attend a meeting of the Town Council in the Chamber.\n", "Full Council – Wednesday 3rd November 2031 at 7:30pm"),
            ("Annual Meeting of the Council – 11.05.31\nAt the annual meeting the council elected its chair for the year.\n", "Annual Meeting of the Council – 11.05.31"),
            ("Calendrier des séances publiques - 2031\nLes citoyens sont invités aux séances du conseil.\n", "Calendrier des séances publiques - 2031"),
            ("Pleno ordinario – 30 de julio de 2031\nSe convoca sesión ordinaria del Pleno de la Corporación.\n", "Pleno ordinario – 30 de julio de 2031"),
        ] {
            assert_eq!(title(source).as_deref(), Some(heading), "{source:?}");
        }
        // A name after the dash is a site's: no heading, and no title.
        assert_eq!(
            title("Harbour Walk Reopens - Town of Eastby\nThe walk reopened on Saturday after repairs.\n"),
            None
        );
    }

    #[test]
    fn a_cover_line_run_on_is_cut_after_its_kind_and_year() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        // The cover's other lines run into the title, the year after the kind.
        assert_eq!(
            title("ANNUAL REPORT 2031 Valley Towns Association 4 Mill Road Eastby Telephone 555 0199 The towns met often this year and this report tells how.\nThe board met six times.\n").as_deref(),
            Some("ANNUAL REPORT 2031")
        );
        // The year before the kind, the cover's lines in capitals after it.
        assert_eq!(
            title("2031 ANNUAL REPORT VALLEY TOWNS ASSOCIATION 4 MILL ROAD EASTBY TELEPHONE 555 0199\nThe board met six times.\n")
                .as_deref(),
            Some("2031 ANNUAL REPORT")
        );
        // A short line in capitals throughout shows no end of the title
        // (a name after it, or the title's own words): it is kept whole.
        assert_eq!(
            title("2031 ANNUAL REPORT VALLEY TOWNS ASSOCIATION\nThe board met six times.\n")
                .as_deref(),
            Some("2031 ANNUAL REPORT VALLEY TOWNS ASSOCIATION")
        );
        // A page counter after the year.
        assert_eq!(
            title("VALLEY annual report 2031 2\nThe board met six times.\n").as_deref(),
            Some("VALLEY annual report 2031")
        );
        // A subtitle after a colon, or after a dash that no heading below
        // drops, is the title's own.
        assert_eq!(
            title("Annual Report 2031: A Year of Repairs\nThe board met six times.\n").as_deref(),
            Some("Annual Report 2031: A Year of Repairs")
        );
        assert_eq!(
            cut_after_year(
                "Strategic Plan 2031 - Progress Update #3",
                "strategic plan",
                |_| false
            ),
            None
        );
        assert_eq!(
            cut_after_year("Annual Report 2031 - Valley Towns", "annual report", |_| {
                true
            })
            .as_deref(),
            Some("Annual Report 2031")
        );
        // A sentence naming the kind is no title to cut.
        assert_eq!(
            cut_after_year("The Annual Report 2031 was adopted by the board at its meeting in the spring of the year.", "annual report", |_| true),
            None
        );
    }

    #[test]
    fn a_web_page_title_loses_its_site_when_the_page_heading_repeats_it() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        assert_eq!(
            title("Harbour Walk Reopens - Town of Eastby\n←\nHarbour Walk Reopens Posted by the town office. The walk reopened on Saturday after repairs.\n").as_deref(),
            Some("Harbour Walk Reopens")
        );
        // The heading below may keep more of the page's title than its
        // first part, without the separator.
        assert_eq!(
            title("MINUTES OF THE COUNCIL - SESSION OF 3 MARCH 2031 1/9 - Eastby\nMINUTES OF THE COUNCIL SESSION OF 3 MARCH 2031 The council met at the town hall.\n").as_deref(),
            Some("MINUTES OF THE COUNCIL SESSION OF 3 MARCH 2031")
        );
        // Nothing repeats the part before the dash: no title from it.
        assert_eq!(
            title("World Council 2031 - Harbourtown\nThe world council met online this year, hosted by the city.\n").as_deref(),
            None
        );
        // Pages printed one after another share their counter, no title.
        assert_eq!(
            title("Page 1 - red\nPage 1 - blue\nPage 2 - green, 90\n").as_deref(),
            None
        );
        // A line repeating the page's title whole proves nothing.
        assert_eq!(
            page_title(
                &Candidates::new(&Text::from_plain(
                    "Harbour Walk Reopens - Town of Eastby\nHarbour Walk Reopens - Town of Eastby\nThe walk reopened.\n"
                )),
                &Lexicons::all()
            ),
            None
        );
    }

    /// A record's heading in capitals, run into the cover's lines or the
    /// record's first sentence, long, or closed by a stop: the run of
    /// capitals from its minutes word, or from a meeting's noun when a
    /// month and a year date it.
    #[test]
    fn a_record_heading_in_capitals_is_cut_out_of_its_line() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        assert_eq!(
            title("VILLA DE ROBLEDAL Plaza Mayor, 1 Provincia de Teruel ACTA DE LA SESIÓN ORDINARIA DEL PLENO, CELEBRADA EL DÍA 4 DE MAYO DE 2031 En la Casa Consistorial se reúnen los concejales.\n").as_deref(),
            Some("ACTA DE LA SESIÓN ORDINARIA DEL PLENO, CELEBRADA EL DÍA 4 DE MAYO DE 2031")
        );
        assert_eq!(
            title("ACTA DE LA SESIÓN EXTRAORDINARIA CELEBRADA POR EL AYUNTAMIENTO PLENO DE ROBLEDAL EL DÍA 4 DE MAYO DE 2.031.\nASISTENTES\nD. Tomás Arnedo Vial\n").as_deref(),
            Some("ACTA DE LA SESIÓN EXTRAORDINARIA CELEBRADA POR EL AYUNTAMIENTO PLENO DE ROBLEDAL EL DÍA 4 DE MAYO DE 2.031.")
        );
        assert_eq!(
            title("Accueil › Mairie\nCONSEIL MUNICIPAL DU 3 FEVRIER 2031 =====\nLe conseil s'est réuni sous la présidence du maire.\n").as_deref(),
            Some("CONSEIL MUNICIPAL DU 3 FEVRIER 2031")
        );
        assert_eq!(
            title("Municipalidad de Robledal, Sala de Sesiones SESIÓN ORDINARIA Nº14-31 DEL CONCEJO MUNICIPAL En la sala, a las diez horas, se abre la sesión.\n").as_deref(),
            Some("SESIÓN ORDINARIA Nº14-31 DEL CONCEJO MUNICIPAL")
        );
        assert_eq!(
            title("Ayuntamiento de Robledal (Teruel) Plenos. Sesión Ordinaria 04/05/2031 1 ACTA DE LA SESIÓN ORDINARIA DEL PLENO DE LA CORPORACIÓN DE ROBLEDAL (TERUEL), EN PRIMERA CONVOCATORIA, EL DÍA 4 DE MAYO DE 2031. En la villa de Robledal, siendo las veinte horas, se reúne el Pleno.\n").as_deref(),
            Some("ACTA DE LA SESIÓN ORDINARIA DEL PLENO DE LA CORPORACIÓN DE ROBLEDAL (TERUEL), EN PRIMERA CONVOCATORIA, EL DÍA 4 DE MAYO DE 2031.")
        );
        // A minutes word inside a heading, an agenda's name, a label, a
        // record's label naming no meeting, a run cut by a host's
        // furniture, a meeting's noun with no date, a heading tied with
        // another: no title.
        for source in [
            "Se aprueba el orden del día.\n1. APROBACIÓN DEL ACTA DE LA SESIÓN ANTERIOR\nSe aprueba por unanimidad.\n",
            "Le conseil s'est réuni et le maire a présenté les points de la séance du soir.\nORDRE DU JOUR 1. BUDGET 2. TRAVAUX DE LA VOIRIE 3. QUESTIONS DIVERSES 4. PERSONNEL COMMUNAL\nLe budget est adopté.\n",
            "Le conseil s'est réuni et le maire a présenté les points de la séance du soir.\n3. MINUTES OF PREVIOUS MEETING\nThe minutes were approved.\n",
            "Le conseil s'est réuni et le maire a présenté les points de la séance du soir.\nACTA DE LA SESIÓN ORDINARIA CELEBRADA POR EL PLENO DE … 30-07-2031.pdf · Documentos\n",
            "Le conseil s'est réuni.\nCONSEIL MUNICIPAL DE LA COMMUNE\nLe maire ouvre la séance.\n",
            // Tied with another heading of the opening.
            "CONGRÈS DES ÉLUS DE LA VALLÉE\n\nCONSEIL COMMUNAUTAIRE DU 14 OCTOBRE 2031\n\nLe président ouvre la séance et salue les maires présents.\n",
        ] {
            assert_eq!(title(source), None, "{source}");
        }
    }

    #[test]
    fn furniture_and_ties_open_no_title() {
        let profile = |source: &str| detect(&Text::from_plain(source));
        for source in [
            // A sentence, a date, a page counter, a path, a list item, a
            // label, a line cut after a preposition, a page's stamp.
            "The council met on a Friday to agree on the new bus routes for the valley towns and villages.\nMore text.\n",
            "February 5, 2031\nThe council met to agree on the new bus routes of the valley towns.\n",
            "Page 1\nThe council met to agree on the new bus routes of the valley towns.\n",
            "Home > Council > Meetings\nThe council met to agree on the new bus routes of the valley towns.\n",
            "1. Apologies for absence\n2. Minutes of the last meeting\n",
            "Present: Cllr Ann Lee, Cllr Bo Park\nThe council met to agree on the new bus routes.\n",
            "Procès-verbal de la séance du\nLe conseil s'est réuni pour décider des nouvelles lignes de bus.\n",
            "Published 2031-09-06 Valley\nThe council met to agree on the new bus routes of the valley towns.\n",
            "Association of Valley Towns. Financial Statements\nThe statements were audited by the firm the council chose.\n",
            // A page's label, a counter after a word, a table row.
            "Contents\n1. The year in short\n",
            "Salad 10\nThe council met to agree on the new bus routes of the valley towns.\n",
            "Invoice\tNo 12\nThe council met to agree on the new bus routes of the valley towns.\n",
            // A site's link to its page's text, in en, fr and es.
            "Skip to content\nThe council met to agree on the new bus routes of the valley towns.\n",
            "Aller au contenu\nLe conseil s'est réuni pour décider des nouvelles lignes de bus de la vallée.\n",
            "Skip to content\nL'association rassemble les maires des villes de la vallée depuis trente ans.\n",
            "Saltar al contenido\nEl consejo se reunió para decidir las nuevas líneas de autobús del valle.\n",
        ] {
            assert_eq!(profile(source).title, None, "{source}");
        }
        // Two headings of like length: no title, and both are named.
        let tie = profile("Valley Herald Weekly Edition\nNew Footbridge Opens Over the Mill Stream\nWhy the Bus Routes Changed Again\nThe footbridge was opened on a rainy morning.\n");
        assert_eq!(tie.title, None);
        assert!(tie.diagnostics.iter().any(|d| d.code == "detect.title_tie"
            && d.message.contains("Valley Herald Weekly Edition")
            && d.message
                .contains("New Footbridge Opens Over the Mill Stream")));
    }

    #[test]
    fn links_file_names_and_meeting_items_are_no_titles() {
        let profile = |source: &str| detect(&Text::from_plain(source));
        // A link's caption, in en, es and fr, is no title; the title
        // printed under it is.
        for (source, title) in [
            (
                "Download 120719 Valley Annual Report 2030 31\nValley Annual Report 2030-31\nThe council met to agree on the new bus routes of the valley towns.\n",
                Some("Valley Annual Report 2030-31"),
            ),
            (
                "Descargar Informe Anual 2030\nEl consejo se reunió para decidir las nuevas líneas de autobús del valle.\n",
                None,
            ),
            (
                "Télécharger le rapport annuel 2030\nLe conseil s'est réuni pour décider des nouvelles lignes de bus.\n",
                None,
            ),
            // A file's name is none; a date stamp before a title is cut off.
            (
                "Corporate Report Draft.indd\nThe council met to agree on the new bus routes of the valley towns.\n",
                None,
            ),
            (
                "20310310 Valley Corporate Report 2030-2031\nThe council met to agree on the new bus routes of the valley towns.\n",
                Some("Valley Corporate Report 2030-2031"),
            ),
        ] {
            assert_eq!(profile(source).title.as_deref(), title, "{source}");
        }
        // An item of a meeting's business, by its code or its label and
        // number, does not title the minutes.
        for source in [
            "A31/018 CONFIRMATION OF PREVIOUS MINUTES\nIt was resolved to confirm the minutes of the meeting held in June.\n",
            "Agenda Item #1 Review and Adoption of Minutes\nThe committee adopted the minutes of its last meeting.\n",
        ] {
            assert_eq!(profile(source).title, None, "{source}");
        }
        assert_eq!(without_date_stamp("20311301 Report"), "20311301 Report");
        assert_eq!(without_date_stamp("20310310"), "20310310");
        assert!(is_file_name("Plan.PDF") && !is_file_name("Report 2030. pdf"));
    }

    #[test]
    fn a_byline_over_a_dateline_is_no_title() {
        let profile = |source: &str| detect(&Text::from_plain(source));
        for source in [
            "Marta Ruiz Gil\nMadrid, 20 jun (EFE).- Los ayuntamientos del valle eligieron a sus alcaldes y ahora toca renovar la federación.\n",
            "Claire Martin\nLyon, le 3 mai 2031 - Les maires de la vallée se sont réunis pour élire leur bureau et voter le budget.\n",
            "John Smith\nLEEDS, May 3 (Wire) - The mayors of the valley met to elect their board and to vote on the budget.\n",
        ] {
            assert_eq!(profile(source).title, None, "{source}");
        }
        // A headline over the byline is the title.
        assert_eq!(
            profile("La federación renovará sus cargos en septiembre\nMarta Ruiz Gil\nMadrid, 20 jun (EFE).- Los ayuntamientos del valle eligieron a sus alcaldes.\n").title.as_deref(),
            Some("La federación renovará sus cargos en septiembre")
        );
        // A name over a line that is no dateline stays a heading.
        assert!(is_name_over_dateline(
            "Marta Ruiz Gil",
            "Madrid, 20 jun (EFE).-",
            &Lexicons::all()
        ));
        assert!(!is_name_over_dateline(
            "Plan de Acción",
            "El plan, aprobado en mayo, tiene 20 acciones.",
            &Lexicons::all()
        ));
        assert!(!is_name_over_dateline(
            "Annual Report 2031",
            "Leeds, 3 May 2031 -",
            &Lexicons::all()
        ));
    }

    #[test]
    fn a_title_in_capitals_without_accents_names_the_kind() {
        // The year on the line under the title makes it a yearly report.
        let profile = detect(&Text::from_plain(
            "Syndicat intercommunal des Trois Vallées\nRAPPORT D'ACTIVITE\n2029\nSommaire",
        ));
        assert_eq!(profile.kind.value, DocumentKind::AnnualReport);
        let profile = detect(&Text::from_plain(
            "Mancomunidad del Valle Alto\nINFORME DE GESTION 2030\nIndice",
        ));
        assert_ne!(profile.kind.value, DocumentKind::Other);
        // Below the title area, prose keeps its accents: no second reading.
        let mut body = "Syndicat intercommunal\n".to_owned();
        body.push_str(&"Une ligne de texte sans rapport.\n".repeat(40));
        body.push_str("le rapport d'activite sera lu\n");
        assert_eq!(
            detect(&Text::from_plain(&body)).kind.value,
            DocumentKind::Other
        );
    }

    #[test]
    fn a_yearly_operating_plan_is_a_work_plan() {
        let profile = detect(&Text::from_plain(
            "PLAN OPERATIVO VILLA NUEVA 2031\n\nEl Plan Operativo Anual es el instrumento que ordena las metas de la alcaldía para el año 2031.\n",
        ));
        assert_eq!(profile.kind.value, DocumentKind::WorkPlan);
    }

    #[test]
    fn a_government_programme_is_a_plan() {
        let profile = detect(&Text::from_plain(
            "ALCALDÍA RIBERA NORTE PROGRAMA DE GOBIERNO\n\nPRESENTACIÓN\n\nEste Programa de Gobierno reúne las propuestas de los vecinos para los tres años de la administración.\n",
        ));
        assert_eq!(profile.kind.value, DocumentKind::ActionPlan);
    }

    #[test]
    fn a_compliance_report_on_an_operating_plan_is_no_plan() {
        let profile = detect(&Text::from_plain(
            "Plan Operativo Anual 2031 – Informe de cumplimiento\n\nDirección de Planificación. Corte al 30 de junio.\n",
        ));
        assert_eq!(profile.kind.value, DocumentKind::Other);
    }

    #[test]
    fn a_plan_item_under_a_roman_code_does_not_name_the_document() {
        let profile = detect(&Text::from_plain(
            "INFORME DE EJECUCIÓN 2031\n\nIII. GESTIÓN INSTITUCIONAL\n\nIII.1.1\tElaborar el plan operativo\tC\n",
        ));
        assert_ne!(profile.kind.value, DocumentKind::WorkPlan);
    }

    #[test]
    fn a_printed_title_beats_a_lower_case_slug_above_it() {
        let profile = detect(&Text::from_plain(
            "2031 plan operativo - portal municipal\n\nPLAN OPERATIVO VILLA NUEVA 2031\n\nEl Plan Operativo Anual ordena las metas de la alcaldía para el año 2031.\n",
        ));
        assert_eq!(
            profile.title.as_deref(),
            Some("PLAN OPERATIVO VILLA NUEVA 2031")
        );
    }

    #[test]
    fn a_cover_phrase_broken_over_two_lines_names_the_kind() {
        for source in [
            "COMMUNE DE BELRIVE\n\nPlan communal de\n\nDéveloppement de Belrive\n\nAvril 2031\n",
            "COMMUNE DE BELRIVE\nPLAN COMMUNAL DE\nDEVELOPPEMENT\n",
        ] {
            let profile = detect(&Text::from_plain(source));
            assert_eq!(profile.kind.value, DocumentKind::ActionPlan, "{source}");
        }
        // A line that does not end on an open word is no broken phrase.
        let profile = detect(&Text::from_plain(
            "COMMUNE DE BELRIVE\n\nPlan communal\n\nDéveloppement durable\n",
        ));
        assert_eq!(profile.kind.value, DocumentKind::Other);
    }

    #[test]
    fn first_phrase_of_a_line_wins() {
        for source in [
            "Este ha sido el primer año de implementación del Plan de Acción Estratégico 2021-2023",
            // As a PDF wraps it, in bold.
            "Este ha sido el primer año de implementación del **Plan de Acción Estratégico\n2021-2023**",
        ] {
            let profile = detect(&Text::from_plain(source));
            assert_eq!(profile.kind.value, DocumentKind::AnnualReport, "{source}");
            assert_eq!(
                profile.period.as_ref().map(|p| p.label.as_str()),
                Some("2021"),
                "{source}"
            );
        }
    }

    #[test]
    fn title_area_beats_body_mentions() {
        let mut body =
            String::from("INFORME TRIENAL: RESUMEN\nImplementación del Plan de Acción 2018-2020\n");
        for _ in 0..20 {
            body.push_str("texto\n");
        }
        body.push_str("según el plan de acción 2018-2020\n");
        let profile = detect(&Text::from_plain(&body));
        assert_eq!(profile.kind.value, DocumentKind::TriennialReport);
        assert_eq!(
            profile.period.as_ref().map(|p| p.label.as_str()),
            Some("2018-2020")
        );
        assert_eq!(profile.title.as_deref(), Some("INFORME TRIENAL: RESUMEN"));
    }

    #[test]
    fn between_years_is_a_span() {
        assert_eq!(
            between_span("entre 2018 y 2020, metropolis tenía", &Lexicons::all()),
            Some((2018, 2020))
        );
        assert_eq!(
            between_span("between 2018 and 2020", &Lexicons::all()),
            Some((2018, 2020))
        );
        assert_eq!(
            between_span("entre 2018 et 2020", &Lexicons::all()),
            Some((2018, 2020))
        );
        assert_eq!(
            between_span("entre 12 y 15 asistentes", &Lexicons::all()),
            None
        );
    }

    #[test]
    fn minutes_take_the_year_of_their_meeting() {
        for title in [
            "ACTA SESIÓN ORDINARIA N° 4 DE FECHA 9 DE ABRIL 2031",
            "Compte rendu de l'assemblée des maires du 4 octobre 2031",
            "Minutes of the board meeting of 3 May 2031",
        ] {
            let profile = detect(&Text::from_plain(title));
            assert_eq!(
                profile.period.as_ref().map(|p| p.label.as_str()),
                Some("2031"),
                "{title}"
            );
            assert_eq!(
                profile.title.as_deref(),
                Some(title),
                "minutes are titled by the line naming them"
            );
        }
        // A long title line with a year but no minutes word gives none.
        let news = detect(&Text::from_plain(
            "Mayors of the valley gather in Lyon to share their plans for the coming winter 2031",
        ));
        assert!(news.period.is_none());
    }

    #[test]
    fn kind_phrases_in_three_languages() {
        for (title, kind, year) in [
            ("Informe Anual 2023", DocumentKind::AnnualReport, "2023"),
            ("Annual Report 2022", DocumentKind::AnnualReport, "2022"),
            ("Rapport annuel 2021", DocumentKind::AnnualReport, "2021"),
            (
                "Plan de travail 2019 du Secrétariat général",
                DocumentKind::WorkPlan,
                "2019",
            ),
            (
                "Secretariat General Work Plan 2019",
                DocumentKind::WorkPlan,
                "2019",
            ),
            (
                "Rapport d'activités 2020",
                DocumentKind::AnnualReport,
                "2020",
            ),
            (
                "Annual Report 2009-10",
                DocumentKind::AnnualReport,
                "2009-2010",
            ),
            (
                "President's Report 2002/2003",
                DocumentKind::AnnualReport,
                "2002-2003",
            ),
            (
                "Informes de Gestión Secretaría Ejecutiva 2000/2001",
                DocumentKind::AnnualReport,
                "2000-2001",
            ),
            (
                "Plan d'action 2021-2023",
                DocumentKind::ActionPlan,
                "2021-2023",
            ),
            (
                "Town Business Plan 2026-2029",
                DocumentKind::ActionPlan,
                "2026-2029",
            ),
        ] {
            let profile = detect(&Text::from_plain(title));
            assert_eq!(profile.kind.value, kind, "{title}");
            assert_eq!(
                profile.period.as_ref().map(|p| p.label.as_str()),
                Some(year),
                "{title}"
            );
        }
    }

    #[test]
    fn a_kind_named_by_a_numbered_part_is_that_parts() {
        // An index's entry names a part of the papers, not the papers.
        let source = "Meeting Papers\n\nIndex\n\n1. Opening\n\n2. Updates from members\n\n3. Work plan 2032\n";
        assert_eq!(kind_and_period(source).0, DocumentKind::Other);
        let source = "IV. Plan de acción 2031-2033\n\nEl plan fija tres líneas.\n";
        assert_eq!(kind_and_period(source).0, DocumentKind::Other);
        assert_eq!(
            kind_and_period("Work plan 2032\n\nThe plan sets three aims.\n").0,
            DocumentKind::WorkPlan
        );
    }

    #[test]
    fn a_span_named_by_a_numbered_part_is_that_parts() {
        let source = "EXECUTIVE COMMITTEE MEETING Friday, March 7, 2031\n\nAgenda\n\n1. Review of Minutes\n\n2. Review of 2030-2031 Work Plan\n";
        assert_eq!(kind_and_period(source).1.as_deref(), Some("2031"));
    }

    #[test]
    fn the_year_a_title_prints_beside_its_kind_wins_over_a_plans_span() {
        for (source, year) in [
            (
                "2031 Annual Report of the Strategic Plan 2028-2032\n\nThe council reports on its work.\n",
                "2031",
            ),
            (
                "Annual Report 2031 on the Action Plan 2028-2032\n\nThe council reports on its work.\n",
                "2031",
            ),
            (
                "Informe anual de 2031 del Plan Estratégico 2028-2032\n\nEl consejo rinde cuentas.\n",
                "2031",
            ),
            (
                "Rapport annuel 2031 du plan climat 2028-2032\n\nLe conseil rend compte.\n",
                "2031",
            ),
            (
                "2030-31 Annual Report of the Housing Plan 2028-2032\n\nThe council reports.\n",
                "2030-2031",
            ),
            // A span printed with spaces around its dash, before or after.
            (
                "2030 - 2031 Annual Report\n\nThe council reports on its work.\n",
                "2030-2031",
            ),
            (
                "Rapport d'activité 2030 - 2031\n\nLe conseil rend compte.\n",
                "2030-2031",
            ),
        ] {
            let (kind, period) = kind_and_period(source);
            assert_eq!(kind, DocumentKind::AnnualReport, "{source}");
            assert_eq!(period.as_deref(), Some(year), "{source}");
        }
        // Two years beside the kind: no period, and a diagnostic naming both.
        let profile = detect(&Text::from_plain(
            "2030 Annual Report 2031\n\nThe council reports on its work.\n",
        ));
        assert_eq!(profile.period, None);
        assert!(profile
            .diagnostics
            .iter()
            .any(|d| d.code == "detect.period_tie" && d.message.contains("2030")));
    }

    fn kind_and_period(source: &str) -> (DocumentKind, Option<String>) {
        let profile = detect(&Text::from_plain(source));
        (profile.kind.value, profile.period.map(|p| p.label))
    }

    fn with_body(title: &str, body: &str) -> String {
        let filler = "Une ligne de texte ordinaire sans date ni titre.\n".repeat(20);
        format!("{title}\n{filler}{body}\n")
    }

    #[test]
    fn a_kind_phrase_subject_of_a_sentence_names_no_document() {
        // The agenda of a congress announces a report; it is none.
        let congress = "Le rapport d'activité vous sera présenté par la secrétaire générale de l'association des élus du Val lors du congrès de cette année\nCONGRÈS DES ÉLUS DU VAL\n12 OCTOBRE 2031";
        assert_eq!(kind_and_period(congress).0, DocumentKind::Other);
        let annual = "Annual report 2031 will be presented by the secretary general of the association of towns at the assembly this autumn in the hall";
        assert_eq!(kind_and_period(annual).0, DocumentKind::Other);
        // A title run into its text still names the document.
        assert_eq!(
            kind_and_period("Rapport d'activité 2031 Pour des communes solidaires et fortes dans un monde qui change vite et partout").0,
            DocumentKind::AnnualReport
        );
    }

    #[test]
    fn the_day_a_page_was_posted_is_no_period() {
        let meetings = [
            ("Post on 17-Jun-2036\nBOARD OF DIRECTORS MEETING – 5 DECEMBER 2031\nThe board meets.", Some("2031")),
            ("Publicado el 3 de marzo de 2036\nACTA DE LA SESIÓN ORDINARIA DEL 2 DE FEBRERO DE 2031\nSe abre la sesión.", Some("2031")),
            ("Mis à jour le 5 avril 2036\nCompte rendu du conseil municipal du 17 octobre 2031\nLe conseil approuve le projet.", Some("2031")),
            // Alone on the cover, a posting dates nothing.
            ("Annual report\nPosted on 17 June 2036\nThe association grew.", None),
        ];
        for (source, want) in meetings {
            let period = kind_and_period(source).1;
            assert_eq!(period.as_deref(), want, "{source}");
        }
    }

    #[test]
    fn a_meeting_named_by_its_day_dates_the_record() {
        assert_eq!(
            kind_and_period("Communauté de communes du Val\nCONSEIL COMMUNAUTAIRE DU 9 MARS 2031\nLe conseil approuve le projet.").1,
            Some("2031".to_owned())
        );
        assert_eq!(
            kind_and_period("Association des maires du Val\nCONSEIL D'ADMINISTRATION DU 9 MARS 2031\nLe conseil approuve le projet.").1,
            Some("2031".to_owned())
        );
        // A day alone on the cover of a page of no kind still dates a posting.
        assert_eq!(
            kind_and_period("9 MARS 2031\nLes communes du Val se réunissent").1,
            None
        );
    }

    #[test]
    fn typographic_apostrophes_and_dashes_are_folded() {
        assert_eq!(
            kind_and_period("Rapport d’activités 2011"),
            (DocumentKind::AnnualReport, Some("2011".to_owned()))
        );
        assert_eq!(
            kind_and_period("Plan d’action 2021–2023"),
            (DocumentKind::ActionPlan, Some("2021-2023".to_owned()))
        );
    }

    #[test]
    fn a_yearly_activity_report_is_annual() {
        assert_eq!(
            kind_and_period("Annual Activity Report 2012"),
            (DocumentKind::AnnualReport, Some("2012".to_owned()))
        );
    }

    #[test]
    fn the_title_decides_the_kind_and_body_mentions_do_not() {
        let source = with_body(
            "Annual Report\n2014",
            "We worked on the update of the Strategic Action Plan 2016-2019.",
        );
        assert_eq!(
            kind_and_period(&source),
            (DocumentKind::AnnualReport, Some("2014".to_owned()))
        );
    }

    #[test]
    fn the_report_year_beats_the_plan_span_on_the_cover() {
        assert_eq!(
            kind_and_period("Informe anual\n2015\nPlan Estratégico 2013-2016"),
            (DocumentKind::AnnualReport, Some("2015".to_owned()))
        );
    }

    #[test]
    fn a_title_month_range_beats_body_dates_and_tenures_are_not_periods() {
        let source = with_body(
            "Rapport d'activités\nJanvier–Décembre 2012",
            "Secrétaire général entre 2001 et 2009, il a présenté le rapport d'activités 2013 en mars 2013.",
        );
        assert_eq!(
            kind_and_period(&source),
            (DocumentKind::AnnualReport, Some("2012".to_owned()))
        );
        let tenure = with_body(
            "Rapport d'activités",
            "Secrétaire général entre 2001 et 2009.",
        );
        assert_eq!(
            kind_and_period(&tenure),
            (DocumentKind::ActivityReport, None)
        );
    }

    #[test]
    fn dates_a_cover_prints_for_what_it_covers_make_a_titles_year_exact() {
        // Covers of fiscal-year reports, quarters and reporting spans: the
        // months printed with the title's year say which year it covers.
        // Each cover is followed by a body in its own language, whose
        // lexicon reads it.
        let english = "An ordinary line of text with no date and no title.\n";
        let french = "Une ligne de texte ordinaire sans date ni titre.\n";
        let spanish = "Una línea de texto corriente sin fecha ni título.\n";
        let period =
            |title: &str, body: &str| kind_and_period(&format!("{title}\n{}", body.repeat(20))).1;
        for (title, body, want) in [
            (
                "2031 ANNUAL REPORT ASSOCIATION OF COASTAL TOWNS September 1, 2030 to August 31, 2031",
                english,
                "2030-2031",
            ),
            ("Annual Report 2031\nApril 1, 2030 – March 31, 2031", english, "2030-2031"),
            ("ACTIVITY REPORT (July 2030 – February 2031)", english, "2030-2031"),
            ("Auditor's Report – 2031\nIn the year to 31 March 2031", english, "2030-2031"),
            ("Rapport annuel 2031\nExercice clos le 30 juin 2031", french, "2030-2031"),
            ("Rapport annuel 2031\nExercice clos le 31 décembre 2031", french, "2031"),
            (
                "Rapport d'activité 2031\nDu 1er avril 2030 au 31 mars 2031",
                french,
                "2030-2031",
            ),
            (
                "Informe anual 2031\nDel 1 de abril de 2030 al 31 de marzo de 2031",
                spanish,
                "2030-2031",
            ),
            (
                "Informe anual 2031\nEjercicio terminado el 30 de junio de 2031",
                spanish,
                "2030-2031",
            ),
            // A period longer than a year, after a change of fiscal year.
            (
                "Rapport d'activités 2031\nPériode du 1er janvier 2031 au 31 mars 2032",
                french,
                "2031-2032",
            ),
            (
                "Annual Report 2031\nFifteen months: 1 January 2031 to 31 March 2032",
                english,
                "2031-2032",
            ),
            // Two years of dates are a plan's span, not the report's.
            ("Annual Report 2031\n1 January 2031 to 31 December 2032", english, "2031"),
            // A quarter's months date a cover that names no kind.
            (
                "FIRST QUARTERLY REPORT\nOctober 2030 to December 2030\nPrepared by Us",
                english,
                "2030",
            ),
            // Days of a meeting, or two days joined by a conjunction, cover
            // no span: the title's year stays.
            ("Annual Report 2031\nGeneral meeting, 3 to 5 June 2031", english, "2031"),
            ("Annual Report 2031\nfor June 30, 2031 and June 30, 2030", english, "2031"),
            ("Rapport annuel 2031\n30 juin 2031 et 30 juin 2030", french, "2031"),
            ("Informe anual 2031\n30 de junio de 2031 y 30 de junio de 2030", spanish, "2031"),
            // A span that neither starts nor ends in the title's year is
            // something else's.
            ("Annual Report 2031\nMarch 2028 to February 2029", english, "2031"),
        ] {
            assert_eq!(period(title, body).as_deref(), Some(want), "{title}");
        }
        // A tenure spans nothing the document covers.
        assert_eq!(
            period(
                "Secretary General from March 2030 to December 2030",
                english
            ),
            None
        );
    }

    #[test]
    fn two_kinds_named_alike_give_a_diagnostic() {
        let profile = detect(&Text::from_plain("Work Plan 2019\nAnnual Report 2019"));
        assert!(
            profile
                .diagnostics
                .iter()
                .any(|d| d.code == "detect.kind_tie"),
            "{:?}",
            profile.diagnostics
        );
    }

    #[test]
    fn a_link_verb_before_our_sends_to_another_report() {
        for news in [
            "Read our Annual Report to learn more about how the hub positioned itself in 2022 as an actor.",
            "Téléchargez notre rapport annuel pour découvrir ce que le réseau a fait en 2019 avec ses membres.",
            "Descargue nuestro informe anual para conocer lo que hizo la red durante 2018 con sus ciudades.",
        ] {
            assert_eq!(kind_and_period(&with_body(news, "")).0, DocumentKind::Other, "{news}");
        }
        let own = with_body(
            "Ensemble.",
            "Notre rapport annuel présente une année de travail des membres.",
        );
        assert_eq!(kind_and_period(&own).0, DocumentKind::AnnualReport);
    }

    #[test]
    fn a_title_naming_a_year_in_review_is_a_yearly_report() {
        for (title, label) in [
            ("A year in the Association 2020-21", "2020-2021"),
            ("Year in Review 2021", "2021"),
        ] {
            let source = format!(
                "{title}\n{}",
                "An ordinary line of text with no date.\n".repeat(20)
            );
            assert_eq!(
                kind_and_period(&source),
                (DocumentKind::AnnualReport, Some(label.to_owned())),
                "{title}"
            );
        }
        let french = with_body("Une année à l'Association 2019", "");
        assert_eq!(kind_and_period(&french).0, DocumentKind::AnnualReport);
        // No year on the line, or the phrase in a sentence: common prose.
        for other in [
            "A year in the Association",
            "The board meets twice a year in the capital, as it did in 2019 and 2020.",
        ] {
            assert_eq!(
                kind_and_period(&with_body(other, "")).0,
                DocumentKind::Other,
                "{other}"
            );
        }
    }

    #[test]
    fn a_kind_named_in_a_sentence_is_another_document_unless_pointed_at() {
        for news in [
            "The Secretariat is developing a new business plan that will guide the organisation over the next three years.",
            "L'association a rendu public hier son rapport annuel d'activité pour l'année 2017, à quinze jours du congrès.",
            "La red definirá su plan de acción para el año 2006 y elegirá su nueva Secretaría Ejecutiva en la cumbre.",
        ] {
            let (kind, period) = kind_and_period(&with_body(news, ""));
            assert_eq!(kind, DocumentKind::Other, "{news}");
            assert_eq!(period, None, "{news}");
        }
        let report = with_body(
            "Ensemble, nous retraçons l'année écoulée.",
            "Ce rapport d'activité illustre la capacité de propositions et d'analyse de l'association.",
        );
        assert_eq!(kind_and_period(&report).0, DocumentKind::ActivityReport);
        // A quarter's report of a fiscal year reports on part of the year.
        let quarterly = "COASTAL TOWNS PROGRAMME\nSECOND QUARTERLY REPORT FISCAL YEAR 2031\nJanuary 2031 to March 2031\n";
        assert_eq!(kind_and_period(quarterly).0, DocumentKind::ActivityReport);
        let run_into_text = "RAPPORT ANNUEL 2012/2013 Éditoriaux Éditorial du Président 2 Les commissions 4 Les congrès 6 Les publications 8.";
        assert_eq!(
            kind_and_period(run_into_text),
            (DocumentKind::AnnualReport, Some("2012-2013".to_owned()))
        );
    }

    #[test]
    fn a_progress_update_on_a_plan_or_a_meeting_item_is_not_the_plan() {
        for source in [
            "FY 2023-2027 Strategic Plan - Biannual Progress Update #3\nStatement of Issue:",
            "Staff Report\nStrategic Plan Update - Fall 2020 Report",
            "Agenda item\nLGA Business Plan 2019-22\nThe Chair asked the director to introduce the report.",
            "Orden del día\nPlan de Acción 2019-2022",
            "INFORME AVANCE PLAN DE DESARROLLO BIENIO 2020 - 2021\nMetas cumplidas",
            "Strategic Plan Progress Reporting\nProgress Reporting Overview",
            "PLAN DE DESARROLLO 2016 – 2019. Informe de seguimiento con corte a junio\nIntroducción",
        ] {
            assert_eq!(kind_and_period(source).0, DocumentKind::Other, "{source}");
        }
        assert_eq!(
            kind_and_period("Strategic Plan 2023-2027\nGoals and strategies").0,
            DocumentKind::ActionPlan
        );
        // A municipal development plan is a multi-year plan.
        assert_eq!(
            kind_and_period("Plan de Desarrollo 2020-2023\nGabinete municipal"),
            (DocumentKind::ActionPlan, Some("2020-2023".to_owned()))
        );
    }

    #[test]
    fn a_cover_line_in_capitals_ending_on_its_year_dates_the_document() {
        let cover = "PROGRAMA\nAGENDA PARA EL DESARROLLO\nMUNICIPAL\nLINEAMIENTOS OPERATIVOS 2015";
        assert_eq!(kind_and_period(cover).1, Some("2015".to_owned()));
        assert_eq!(
            kind_and_period("FUNDADA EN 1995 POR 12 CIUDADES\nNoticias").1,
            None
        );
    }

    #[test]
    fn a_span_in_an_opening_sentence_is_the_period_only_when_yearly() {
        let foreword = "CEO's Foreword\nIn 2015-16, our 120th year as a peak body, the association continued its mission for its member councils.";
        assert_eq!(kind_and_period(foreword).1, Some("2015-2016".to_owned()));
        let news = "Los alcaldes de las ciudades capitales presentarán ante el Presidente su agenda para el periodo 2014-2018 en la cumbre.";
        assert_eq!(kind_and_period(news).1, None);
    }

    #[test]
    fn approved_minutes_of_an_earlier_meeting_do_not_date_the_document() {
        for earlier in [
            "Council meeting\n33.1 The minutes of the meeting held on the 25th July 2031 were approved and signed by the Mayor as a correct record.",
            "Licensing committee\nTo confirm the minutes of the meeting held on the 28 November 2031.\nMinutes of the meeting held on 28 November 2031 were agreed.",
            "Conseil municipal\nLe compte rendu du Conseil Municipal du 2 novembre 2031 est approuvé à l'unanimité.",
            "Concejo municipal\nAprobación del acta anterior del 4 de julio de 2031.",
        ] {
            assert_eq!(kind_and_period(earlier).1, None, "{earlier}");
        }
        // The page's own minutes, approving others far after its title.
        let own = "COMPTE RENDU DE LA RÉUNION DU CONSEIL MUNICIPAL DU 6 DECEMBRE 2030 Le Conseil s'est réuni à vingt heures à la mairie sous la présidence du maire. APPROBATION DU COMPTE-RENDU DU 22 NOVEMBRE 2030 Le compte-rendu est adopté.";
        assert_eq!(kind_and_period(own).1, Some("2030".to_owned()));
    }

    #[test]
    fn minutes_are_dated_by_their_meeting_even_run_on_or_wrapped() {
        let run_on = "COMPTE RENDU DE LA RÉUNION DU CONSEIL MUNICIPAL DU 6 DECEMBRE 2030 Le Conseil s'est réuni. Sur l'exercice 2031, il y aura un remboursement.";
        assert_eq!(kind_and_period(run_on).1, Some("2030".to_owned()));
        let wrapped = "Procès-verbal de l'assemblée générale ordinaire\ndu 31 mars 2031\nLe réseau s'est réuni en visioconférence.";
        assert_eq!(kind_and_period(wrapped).1, Some("2031".to_owned()));
        let item = "Agenda item\nLGA Business Plan 2031-34\nThe Chair asked the director to introduce the report.";
        assert_eq!(kind_and_period(item).1, None);
        // A year far after the minutes' name is not the meeting's.
        let far = "Compte rendu des échanges avec les partenaires du réseau sur les projets et les moyens de la coopération décentralisée menée depuis 2015 et jusqu'en 2030";
        assert_eq!(kind_and_period(far).1, None);
    }

    #[test]
    fn a_posting_date_is_no_period_but_a_meeting_date_is() {
        for news in [
            "7 JANUARY 2013\nCities meet in Brussels",
            "| Édition du vendredi 13 juin 2025 |\nLes maires se réunissent",
            "jueves, 28 marzo, 2024\nLa asociación presenta su agenda",
            "carta local Nº 327 | SEPTIEMBRE 2031\nLa asociación presenta su agenda",
            "MAGAZINE OF THE NETWORK No. 12 | June 2031\nCities meet in Brussels",
        ] {
            assert_eq!(kind_and_period(news), (DocumentKind::Other, None), "{news}");
        }
        assert_eq!(
            kind_and_period("Acta de la reunión\nLunes 2 de marzo de 2021").1,
            Some("2021".to_owned())
        );
        assert_eq!(
            kind_and_period("PRÉ-PROGRAMME\nCongrès des maires\ndu 23 au 26 novembre 2020").1,
            Some("2020".to_owned())
        );
        assert_eq!(
            kind_and_period("ACTIVITIES OF THE NETWORK\n(JANUARY - SEPTEMBER 2031)").1,
            Some("2031".to_owned())
        );
        assert_eq!(
            kind_and_period("Rapport d'activité\nJUIN 2031").1,
            Some("2031".to_owned())
        );
        assert_eq!(
            kind_and_period("Rapport d'activité\nMauriac - le 30 mai 2015").1,
            Some("2015".to_owned())
        );
    }

    #[test]
    fn no_phrase_means_other() {
        let profile = detect(&Text::from_plain("Lista de la compra\nmanzanas"));
        assert_eq!(profile.kind.value, DocumentKind::Other);
        assert!(profile
            .diagnostics
            .iter()
            .any(|d| d.code == "detect.kind_unknown"));
    }

    #[test]
    fn a_meeting_named_over_its_day_or_with_its_time_dates_the_record() {
        assert_eq!(
            kind_and_period(
                "Harbour Board Meeting\nMonday, March 3, 2031 - 6:30pm to 8:00pm\n1. Call to order"
            )
            .1,
            Some("2031".to_owned())
        );
        assert_eq!(
            kind_and_period("FINANCE COMMITTEE – Thursday 6th February 2031 at 7:00pm\nDear Member\nYou are summoned.").1,
            Some("2031".to_owned())
        );
        // A meeting's name over a day without its year dates nothing.
        assert_eq!(
            kind_and_period(
                "Spring Policy Meeting\nFriday, April 4 - Saturday, April 5\nRegister today."
            )
            .1,
            None
        );
    }

    #[test]
    fn annual_financial_reports_are_yearly_reports() {
        assert_eq!(
            kind_and_period(
                "Comprehensive Annual Financial Report 2031\nPrepared by the finance office."
            ),
            (DocumentKind::AnnualReport, Some("2031".to_owned()))
        );
        assert_eq!(
            kind_and_period(
                "Rapport sur le compte administratif 2031\nLe conseil examine les comptes."
            ),
            (DocumentKind::AnnualReport, Some("2031".to_owned()))
        );
    }

    #[test]
    fn a_meeting_named_by_its_day_in_a_short_title_dates_the_record() {
        assert_eq!(
            kind_and_period("Agenda for Special Parish Council Meeting – 14 March 2031\nAll members are summoned to attend.").1,
            Some("2031".to_owned())
        );
        assert_eq!(
            kind_and_period("Commune de Val-Clair\nSéance du conseil du 3 février 2031\nLe conseil approuve le budget.").1,
            Some("2031".to_owned())
        );
        // An earlier meeting named in a sentence of the record does not date it.
        assert_eq!(
            kind_and_period(
                "Council record\nThe Budget Committee meeting held on 4 May 2030 was noted."
            )
            .1,
            None
        );
    }

    #[test]
    fn the_year_numbering_an_act_is_no_meeting_year() {
        let notice = "Decreto por el que se convoca sesión ordinaria del Pleno, conforme al Real Decreto 2568/1986, de 28 de noviembre.\nDía 14 de marzo 2031\nSalón de Plenos";
        assert_eq!(kind_and_period(notice).1, Some("2031".to_owned()));
    }

    #[test]
    fn a_term_of_office_in_a_news_sentence_is_no_period() {
        let news = "The state league at its annual convention presented its officers for the 2031-2032 year. Mayor Ann Lee of Fairview was elected president.";
        assert_eq!(kind_and_period(news).1, None);
        let foreword = "CEO's Foreword\nIn 2031-32, our 50th year, the association and its President served every member council.";
        assert_eq!(kind_and_period(foreword).1, Some("2031-2032".to_owned()));
    }

    #[test]
    fn activity_reviews_name_activity_reports_in_every_language() {
        for title in [
            "VILLES DU NORD - BILAN D’ACTIVITÉ 2031",
            "Balance de actividades 2031",
            "Activity Review 2031",
            "Tätigkeitsbilanz 2031",
        ] {
            assert_eq!(
                kind_and_period(title),
                (DocumentKind::AnnualReport, Some("2031".to_owned())),
                "{title}"
            );
        }
    }

    #[test]
    fn a_title_may_print_its_year_first() {
        assert_eq!(
            kind_and_period("2031 Activity Report\nOur network in numbers"),
            (DocumentKind::AnnualReport, Some("2031".to_owned()))
        );
        // The end of a span before the phrase is the plan's, not the report's.
        assert_eq!(
            kind_and_period("FY 2029-2033 Strategic Plan\nOur goals").1,
            Some("2029-2033".to_owned())
        );
    }

    #[test]
    fn a_covers_body_name_in_capitals_is_no_part_of_its_title() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        assert_eq!(
            title("COASTAL TOWNS LEAGUE Annual Report 2031\nOur year in numbers"),
            Some("Annual Report 2031".to_owned())
        );
        assert_eq!(
            title("ASSOCIATION DES VILLES CÔTIÈRES Rapport annuel 2031\nNotre année"),
            Some("Rapport annuel 2031".to_owned())
        );
        assert_eq!(
            title("LIGA DE PUEBLOS COSTEROS Informe anual 2031\nNuestro año"),
            Some("Informe anual 2031".to_owned())
        );
        // Acronyms are the title's own; a title in capitals keeps the name.
        assert_eq!(
            title("CTL NORTH Corporate Report 2031\nOur year"),
            Some("CTL NORTH Corporate Report 2031".to_owned())
        );
        assert_eq!(
            title("COASTAL TOWNS LEAGUE ANNUAL REPORT 2031\nOur year"),
            Some("COASTAL TOWNS LEAGUE ANNUAL REPORT 2031".to_owned())
        );
    }

    #[test]
    fn a_signed_and_dated_post_is_no_report() {
        let post = "Message from the Director: 2031 Annual Report Highlights\n\nBy Ann Lee, Network Director | Mar 4, 2031 | BLOG POST\n\nThe annual report shows what our members achieved this year.";
        assert_eq!(kind_and_period(post).0, DocumentKind::Other);
        assert_eq!(
            detect(&Text::from_plain(post)).title.as_deref(),
            Some("Message from the Director: 2031 Annual Report Highlights")
        );
        let report = "Annual Report 2031\nBy the numbers: our members";
        assert_eq!(kind_and_period(report).0, DocumentKind::AnnualReport);
    }

    #[test]
    fn an_agenda_label_alone_or_an_item_is_no_title() {
        let title = |source: &str| detect(&Text::from_plain(source)).title;
        assert_eq!(
            title("SYNDICAT DES EAUX DU VAL\nRÉUNION DU COMITÉ\nORDRE DU JOUR\n1. APPROBATION DU COMPTE-RENDU DE LA SÉANCE DU 3 MARS 2031\n2. BUDGET"),
            None
        );
        assert_eq!(
            title("CONVOCATORIA Y ORDEN DEL DIA\nSe convoca al Pleno.\nORDEN DEL DÍA\n1. Actas."),
            Some("CONVOCATORIA Y ORDEN DEL DIA".to_owned())
        );
    }

    #[test]
    fn a_report_pointing_at_itself_and_its_year_outranks_a_later_kind_phrase() {
        assert_eq!(
            kind_and_period("This report documents the Harbour Alliance's work programme for the calendar year 2031.\nThe results show that the Strategic Plan 2030-2033 is a firm base."),
            (DocumentKind::AnnualReport, Some("2031".to_owned()))
        );
        // A work programme named without a pointing report stays one.
        assert_eq!(
            kind_and_period("Work Programme 2031\nThe activities we plan for the year.").0,
            DocumentKind::WorkPlan
        );
    }

    #[test]
    fn a_report_named_after_a_plan_monitors_the_plan() {
        for title in [
            "Greenvale General Plan Annual Report 2031",
            "Annual General Plan Progress Report",
            "(Inaugural) Blueprint Annual Report",
        ] {
            assert_eq!(
                kind_and_period(&format!("{title}\nThe programs the City completed.")).0,
                DocumentKind::Other,
                "{title}"
            );
        }
        assert_eq!(
            kind_and_period("Greenvale General Plan Annual Report 2031\nText.").1,
            Some("2031".to_owned())
        );
        assert_eq!(
            kind_and_period("Greenvale League Annual Report 2031\nText.").0,
            DocumentKind::AnnualReport
        );
        // Its progress told in the plural before its name (`avances del Plan`).
        assert_eq!(
            kind_and_period("Analizan regidores avances del Plan Municipal de Desarrollo 2031-2034\nLa dirección presentó un informe.").0,
            DocumentKind::Other
        );
    }

    #[test]
    fn a_cover_heading_naming_a_document_and_a_year_dates_it() {
        for (source, period) in [
            ("Rapport d'orientation budgétaire 2031 Commune de Valmont\nLe débat ouvre la préparation du budget.", Some("2031")),
            ("Harbour Retreat & Campus Report 2031\nA week of sessions.", Some("2031")),
            ("SOMMET CULTURE DU RÉSEAU EN 2031 TERMES DE RÉFÉRENCE\nContexte général.", Some("2031")),
            // An event's name, a day's report, an item of a list: no period.
            ("World Council 2031 - Lyon\nThe council met in Lyon.", None),
            ("Daily report for 12 November 2031\nThe summit opened.", None),
            ("Compte rendu sommaire\n- Budget primitif du port 2031\nLe conseil a voté.", None),
            // A year naming a plan is the plan's, not the report's.
            ("University strategy 2040: annual implementation report\nProgress of the year.", None),
        ] {
            assert_eq!(kind_and_period(source).1.as_deref(), period, "{source}");
        }
    }

    #[test]
    fn an_agenda_heading_dated_by_its_month_dates_the_meeting() {
        assert_eq!(
            kind_and_period("FC November 2031 Agenda\n1. Apologies for Absence\n2. To receive declarations of interest.").1,
            Some("2031".to_owned())
        );
        // A link to an agenda's papers names no meeting of the page.
        assert_eq!(
            kind_and_period("Date | October 15, 2031 |\nPlease click here to access Agenda Papers. (members only)").1,
            None
        );
    }

    #[test]
    fn a_yearly_report_without_a_dated_heading_takes_the_year_its_prose_tells() {
        let report = "Annual Report\nMessage from the Director\nOur towns faced a hard winter in 2031.\nThe League delivered for its members in 2031, as it has since 1990.\nThank you.";
        assert_eq!(
            kind_and_period(report),
            (DocumentKind::AnnualReport, Some("2031".to_owned()))
        );
        // Two years told alike: no period, and a diagnostic naming both.
        let tied = "Annual Report\nWe look back on 2030 and on 2031.\nIn 2030 we grew; in 2031 we consolidated.";
        let profile = detect(&Text::from_plain(tied));
        assert_eq!(profile.period, None);
        assert!(profile
            .diagnostics
            .iter()
            .any(|d| d.code == "detect.period_tie"
                && d.message.contains("2030")
                && d.message.contains("2031")));
        // Told once only: not enough to date the report.
        assert_eq!(kind_and_period("Annual Report\nOur towns in 2031.").1, None);
    }

    #[test]
    fn a_page_opening_on_its_posting_day_is_a_post() {
        let post = "March 3, 2031     hwg\nThe Harbour Working Group is happy to share its final work plan for 2031 with its members.\nHighlights from the work plan include:\n- Online seminars";
        assert_eq!(kind_and_period(post), (DocumentKind::Other, None));
        // Its body's heading naming the work plan is no title of the post.
        assert_eq!(detect(&Text::from_plain(post)).title, None);
        // A meeting named by its day on the first line is the meeting's record.
        assert_eq!(
            kind_and_period("Council Meeting 3 March 2031\nMinutes of the meeting.").1,
            Some("2031".to_owned())
        );
    }

    #[test]
    fn a_record_approving_an_earlier_one_is_dated_by_the_meeting_its_head_names() {
        let record = "RESUMEN DE LOS ACUERDOS ADOPTADOS POR LA COMISIÓN PERMANENTE EN SU REUNIÓN DE 12 DE MARZO DE 2031 1.- Aprobación del Acta de 20 de febrero de 2030. 2.- Informe de la Presidencia.";
        assert_eq!(kind_and_period(record).1, Some("2031".to_owned()));
        // An approval with no meeting named before it dates nothing.
        assert_eq!(
            kind_and_period(
                "1.- Aprobación del Acta de 20 de febrero de 2030 y de 3 de marzo de 2031."
            )
            .1,
            None
        );
    }

    #[test]
    fn a_report_titled_after_a_plan_and_its_years_is_that_report() {
        let detected = |source: &str| detect(&Text::from_plain(source));
        let report = detected(
            "Implementation of the District Medium Term Development Plan (2030-2033) ANNUAL PROGRESS REPORT 2031\n",
        );
        assert_eq!(report.kind.value, DocumentKind::AnnualReport);
        assert_eq!(report.period.map(|p| (p.start, p.end)), Some((2031, 2031)));
        assert_eq!(report.title.as_deref(), Some("ANNUAL PROGRESS REPORT 2031"));
        // The report's own year printed before its title, right after the
        // plan's years: the plan's years are not the report's.
        let year_first = detected(
            "DISTRICT MEDIUM TERM DEVELOPMENT PLAN 2030-2033 2031 ANNUAL PROGRESS REPORT ON THE ACTIVITIES\n",
        );
        assert_eq!(year_first.kind.value, DocumentKind::AnnualReport);
        assert_eq!(
            year_first.period.map(|p| (p.start, p.end)),
            Some((2031, 2031))
        );
        // No year closes the plan's name, or the report is the plan's
        // update: a report on the plan, of no kind.
        for line in [
            "Strategic Plan Progress Report 2031\n",
            "Development Plan 2030-2033 progress report\n",
        ] {
            assert_eq!(detected(line).kind.value, DocumentKind::Other, "{line}");
        }
    }

    #[test]
    fn a_report_on_a_plan_is_dated_by_its_own_date_after_the_plan_s_years() {
        let period = |source: &str| {
            detect(&Text::from_plain(source))
                .period
                .map(|p| (p.start, p.end))
        };
        for (title, expected) in [
            (
                "Plan de Vivienda 2030-2034: estado de ejecución a 31 de marzo de 2032\n",
                (2032, 2032),
            ),
            (
                "Parks Strategy 2029-2033: progress statement to the Committee, October 2032\n",
                (2032, 2032),
            ),
            (
                "Projet de territoire 2030-2035 : point d'avancement, année scolaire 2032-2033\n",
                (2032, 2033),
            ),
            // An update word dates the report even in the plan's first year.
            ("Plan Joven 2030-2033 – seguimiento 2030\n", (2030, 2030)),
            // A title wrapped over two cover lines.
            (
                "Schéma de cohésion sociale 2030-2034 : bilan de\nsuivi, juin 2032\n\nLe schéma ordonne ses actions en axes.\n",
                (2032, 2032),
            ),
        ] {
            assert_eq!(period(title), Some(expected), "{title}");
        }
        for (title, expected) in [
            // The plan's approval is the plan's own date.
            (
                "Plan de Turismo 2032-2035: aprobado por el Pleno en febrero de 2032\n",
                Some((2032, 2035)),
            ),
            // A year outside the plan's years names something else.
            (
                "Parks Strategy 2029-2033: a vision for 2040\n",
                Some((2029, 2033)),
            ),
            // A plan's title naming no update of it keeps its years.
            ("Action Plan 2031-2034 – October 2032\n", Some((2031, 2034))),
        ] {
            assert_eq!(period(title), expected, "{title}");
        }
        // In a sentence, the plan is only mentioned.
        assert_ne!(
            period("Our strategy 2029-2033: we did much in 2032 and will do more.\n"),
            Some((2032, 2032))
        );
    }

    #[test]
    fn kinds_named_in_the_body_of_a_meeting_record_are_its_business() {
        let mut minutes = String::from("MINUTES OF THE FINANCE COMMITTEE\n");
        for item in 1..=16 {
            minutes.push_str(&format!("Item {item} was noted by the committee\n"));
        }
        minutes.push_str("Item 17 Annual Report for the year 2030\n");
        let detected = detect(&Text::from_plain(&minutes));
        assert_eq!(detected.kind.value, DocumentKind::Other);
    }

    #[test]
    fn a_meeting_named_by_its_body_and_weekday_dates_its_record() {
        let detected = detect(&Text::from_plain(
            "CONSEIL COMMUNAL DU LUNDI 3 MARS 2031\n\nLe conseil approuve le règlement du marché.\n",
        ));
        assert_eq!(
            detected.period.map(|p| (p.start, p.end)),
            Some((2031, 2031))
        );
    }

    #[test]
    fn a_report_names_its_own_range_of_months_after_its_phrase() {
        let detected = detect(&Text::from_plain(
            "ORGANISATIONAL REPORT FOR THE PERIOD SEPTEMBER 2026 - MARCH 2031\n",
        ));
        assert_eq!(detected.kind.value, DocumentKind::ActivityReport);
        assert_eq!(
            detected.period.map(|p| (p.start, p.end)),
            Some((2026, 2031))
        );
    }

    #[test]
    fn a_posting_day_beside_a_title_is_no_year_it_names() {
        let detected = detect(&Text::from_plain(
            "Rapport de la commission de gestion · 2034-10-01 · Commune de Mont-Clair\n",
        ));
        assert_eq!(detected.kind.value, DocumentKind::AnnualReport);
        assert!(detected.period.is_none());
    }

    #[test]
    fn a_title_broken_after_a_link_word_ends_on_the_line_below() {
        let detected = detect(&Text::from_plain(
            "FORMULARIO DE INFORME DE RENDICIÓN DE CUENTAS PARA\nGOBIERNOS MUNICIPALES\nPERÍODO 2031\n",
        ));
        assert_eq!(
            detected.title.as_deref(),
            Some("FORMULARIO DE INFORME DE RENDICIÓN DE CUENTAS PARA GOBIERNOS MUNICIPALES")
        );
    }

    #[test]
    fn a_plan_evaluated_is_told_without_accents_and_across_a_hyphen() {
        for line in [
            "EVALUACION DEL PLAN OPERATIVO INSTITUCIONAL 2031\n",
            "L'évaluation à mi-parcours du plan d'action\n",
        ] {
            let detected = detect(&Text::from_plain(line));
            assert_eq!(detected.kind.value, DocumentKind::Other, "{line}");
        }
    }

    #[test]
    fn an_undated_agenda_takes_the_year_of_the_meetings_it_names() {
        let period = |source: &str| {
            detect(&Text::from_plain(source))
                .period
                .map(|period| (period.start, period.end))
        };
        let agenda = "Items of business\n\n\
            1) To receive apologies for absence.\n\
            2) To note declarations of interest.\n\
            3) To approve the minutes of the meeting held on 9th June 2031.\n\
            4) To agree the date of the next meeting: 8th September 2031.\n";
        assert_eq!(period(agenda), Some((2031, 2031)));
        let across_years = agenda.replace("8th September 2031", "12th January 2032");
        assert_eq!(period(&across_years), None, "meetings of two years");
        let few_items = "Items of business\n\n\
            1) To approve the minutes of the meeting held on 9th June 2031.\n\
            2) Any other business.\n";
        assert_eq!(period(few_items), None, "two items make no agenda");
    }

    fn period_of(source: &str) -> Option<(u16, u16)> {
        detect(&Text::from_plain(source))
            .period
            .map(|period| (period.start, period.end))
    }

    #[test]
    fn a_fiscal_year_whose_dash_was_lost_is_a_span() {
        assert_eq!(
            period_of(
                "Hollybrook Town Council Annual Report 2031 32\n\nThe Council kept the parks.\n"
            ),
            Some((2031, 2032))
        );
        assert_eq!(period_of("2031 32 Annual Report\n"), Some((2031, 2032)));
        assert!(closes_fiscal(2031, "32"));
        assert!(closes_fiscal(2099, "00"));
        assert!(!closes_fiscal(2031, "33"), "not the next year");
        assert!(!closes_fiscal(2031, "3"), "one digit after a space");
        let lexicons = Lexicons::all();
        assert_eq!(
            fiscal_after((2031, 2031), " 32 march", &lexicons),
            None,
            "a day before its month"
        );
    }

    #[test]
    fn two_fiscal_years_in_a_row_make_one_span() {
        let lexicons = Lexicons::all();
        for (text, span) in [
            ("fiscal years 2031-32 and 2032-33", (2031, 2033)),
            ("ejercicios 2031-32 y 2032-33", (2031, 2033)),
            ("exercices 2031-2032 et 2032-2033", (2031, 2033)),
        ] {
            let pairs = fiscal_pairs(text, &lexicons);
            assert_eq!(pairs.first().map(|pair| pair.2), Some(span), "{text}");
        }
        assert!(
            fiscal_pairs("2031-32 or 2033-34", &lexicons).is_empty(),
            "not in a row, nor joined as a span"
        );
        assert_eq!(
            period_of("Council Work Plan\n\nfiscal years 2031-32 and 2032-33 Work plan\n"),
            Some((2031, 2033))
        );
    }

    #[test]
    fn a_role_far_from_the_dates_of_a_run_in_cover_makes_no_tenure() {
        let lexicons = Lexicons::all();
        assert!(is_tenure(
            "secretary general between 2001 and 2009",
            &lexicons,
            TENURE_REACH
        ));
        assert!(is_tenure(
            "elected a councillor during the second term of the mayor, from 2001 to 2009",
            &lexicons,
            usize::MAX
        ));
        assert!(!is_tenure(
            "2031 annual report association of towns september 1, 2030 to august 31, 2031 mission statement the association speaks for its member councils table of contents map 4 president's message 6",
            &lexicons,
            TENURE_REACH
        ));
        assert_eq!(
            period_of("2031 ANNUAL REPORT ASSOCIATION OF NORTHLAND TOWNS September 1, 2030 to August 31, 2031 MISSION STATEMENT THE ASSOCIATION SPEAKS FOR ITS MEMBER COUNCILS ON THE ISSUES THAT MATTER TABLE OF CONTENTS MAP 4 PRESIDENT'S MESSAGE 6\n"),
            Some((2030, 2031))
        );
    }

    #[test]
    fn a_cover_date_outweighs_a_sentence_span_under_it() {
        assert_eq!(
            period_of("Leadership Board 14 March 2031\n\nCoastal Councils Network Annual Report to the Leadership Board\n\nThe 2031/32 business plan sets out the core work that the network carries out for its member councils.\n"),
            Some((2031, 2031))
        );
        // With nothing else dating it, a sentence's fiscal year still does.
        assert_eq!(
            period_of("Network Report\n\nIn 2031-32 the network carried out its core work for the member councils of the region.\n"),
            Some((2031, 2032))
        );
    }

    #[test]
    fn a_period_noun_opens_the_dates_a_report_covers() {
        let lexicons = Lexicons::all();
        for (line, span) in [
            ("seguimiento al plan vigencia 2031-2034 en el período comprendido entre 1 de enero de 2031 hasta 31 de diciembre de 2032", Some((2031, 2032))),
            ("monitoring of the plan 2031-2034 for the period from 1 january 2031 to 31 december 2032", Some((2031, 2032))),
            ("suivi du plan 2031-2034 pour la période du 1er janvier 2031 au 31 décembre 2032", Some((2031, 2032))),
            // Dates far from the noun, or a single day, are no range it opens.
            ("the period of the plan, which the council adopted on 1 january 2031 to 31 december 2032", None),
            ("for the period 1 january 2031", None),
        ] {
            assert_eq!(named_period_range(line, &lexicons), span, "{line}");
        }
        assert_eq!(
            period_of("SEGUIMIENTO AL PLAN DE DESARROLLO MUNICIPAL VIGENCIA 2031-2034 DE SAN ROQUE EN EL\nPERÍODO COMPRENDIDO ENTRE 1 DE ENERO DE 2031 HASTA 31 DE DICIEMBRE DE 2032\nUNIVERSIDAD DEL VALLE\n2033\n"),
            Some((2031, 2032))
        );
    }

    #[test]
    fn a_span_naming_officers_is_their_term() {
        let lexicons = Lexicons::all();
        assert!(heads_officers(
            "our 2031-2032 board of directors 7",
            &lexicons
        ));
        assert!(heads_officers("our 2031-2032 table officers 6", &lexicons));
        assert!(!heads_officers("2031-2032 executive report", &lexicons));
        assert_eq!(
            period_of("Report from the Federation's 2031 Annual Conference\n\nContents\n\nOur 2031-2032 Table Officers 6\n\nOur 2031-2032 Board of Directors 7\n"),
            Some((2031, 2031))
        );
    }

    #[test]
    fn a_term_after_a_plan_on_its_cover_is_no_period_of_the_plan() {
        assert_eq!(
            period_of("PLAN DE DESARROLLO MUNICIPAL MUNICIPIO DE VALLE ALTO ADMINISTRACIÓN 2030-2033 ING. ROSA MÉNDEZ\n\nPLAN MUNICIPAL DE DESARROLLO 2031-2033\n"),
            Some((2031, 2033))
        );
    }

    #[test]
    fn a_month_going_on_with_the_title_above_dates_it() {
        assert_eq!(
            period_of("Tablero de metas del Plan de Gobierno,\njunio de 2031\nEl color de cada meta resume su situación.\n"),
            Some((2031, 2031))
        );
        assert_eq!(
            period_of("Ayuntamiento de Valle Alto, 2030\nDiciembre de 2031\n"),
            None,
            "an issue's month under a title that ends"
        );
    }

    #[test]
    fn a_month_with_a_date_link_and_its_year_is_a_dateline() {
        let lexicons = Lexicons::all();
        assert!(names_dateline("diciembre de 2032", &lexicons));
        assert!(names_dateline("december 2032", &lexicons));
        assert!(!names_dateline("enero a diciembre de 2032", &lexicons));
    }

    #[test]
    fn a_year_inside_a_quoted_name_after_the_kind_is_the_name_s() {
        assert_eq!(
            period_of("ASUNTO : PLAN DE TRABAJO \u{201c}AUDIENCIA PÚBLICA RENDICIÓN DE CUENTAS 2031\u{201d}\n"),
            None
        );
        assert_eq!(
            period_of("PLAN DE TRABAJO 2032 \u{201c}AUDIENCIA PÚBLICA RENDICIÓN DE CUENTAS 2031\u{201d}\n"),
            Some((2032, 2032))
        );
    }
}
