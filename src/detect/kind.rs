//! Document kind, period and title from the kind phrases of the lexicon.
//!
//! Only the title area (the first page, or the first lines of a text without
//! pages) states what a document is; the body mentions other documents
//! ("the Action Plan 2018-2020") all the time. So matches in the title area
//! weigh twice as much, each kind scores its best match (not the sum, which
//! would reward repetition), and in a line naming two kinds only the first
//! counts: "first year of implementation of the Action Plan" is an annual report.

use std::sync::LazyLock;

use regex::Regex;

use super::language::LanguageBlock;
use crate::diagnostic::{Code, Diagnostic};
use crate::lexicon::{KindPhrase, KIND_PHRASES, PERIOD_BETWEEN, YEAR_ORDINALS};
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
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) \b (?P<start>(?:19[5-9]|20[0-9])[0-9]) \s? [-–—/] \s? (?P<end>(?:19[5-9]|20[0-9])[0-9]) \b",
    )
    .expect("SPAN is a valid literal pattern")
});

/// Any kind phrase anywhere: one pass that rules out the many lines naming
/// no kind before each phrase is looked for on its own.
static ANY_KIND_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let phrases: Vec<String> = KIND_PHRASES
        .iter()
        .map(|phrase| regex::escape(phrase.phrase))
        .collect();
    Regex::new(&phrases.join("|")).expect("escaped phrases form a valid pattern")
});

pub(super) struct KindResult {
    pub kind: KindDetection,
    pub period: Option<Period>,
    pub title: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One line with its plain lower-case form, and whether it is in the title area.
struct Candidate<'a> {
    index: usize,
    line: &'a Line,
    plain: String,
    lower: String,
    in_title_area: bool,
}

/// A kind phrase found on a line.
struct Hit<'a> {
    candidate: usize,
    phrase: &'a KindPhrase,
    score: f64,
}

pub(super) fn detect_kind(text: &Text, blocks: &[LanguageBlock], language: &str) -> KindResult {
    let candidates = candidates(text);
    let hits = kind_hits(&candidates);
    let (kind, kind_confidence) = best_kind(&hits);
    let evidence: Vec<Evidence> = hits
        .iter()
        .filter(|hit| hit.phrase.kind == kind)
        .take(3)
        .map(|hit| evidence(&candidates[hit.candidate], hit.phrase.phrase))
        .collect();
    let period = detect_period(&candidates, &hits, kind);
    let title = detect_title(&candidates, &hits, kind, blocks, language);
    let mut diagnostics = Vec::new();
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

fn candidates(text: &Text) -> Vec<Candidate<'_>> {
    let mut seen_in_title = 0usize;
    let first_page = text.lines.first().map_or(1, |line| line.page);
    let paged = text.page_count() > 1;
    text.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.text.trim().is_empty())
        .map(|(index, line)| {
            let in_title_area = if paged {
                line.page == first_page
            } else {
                seen_in_title < TITLE_AREA_LINES
            };
            seen_in_title += 1;
            let plain = markup::plain(&line.text);
            let lower = plain.to_lowercase();
            Candidate {
                index,
                line,
                plain,
                lower,
                in_title_area,
            }
        })
        .collect()
}

/// The first kind phrase of each line (longest when several start together).
fn kind_hits<'a>(candidates: &[Candidate<'_>]) -> Vec<Hit<'a>> {
    let mut hits = Vec::new();
    for (position, candidate) in candidates.iter().enumerate() {
        if !ANY_KIND_PHRASE.is_match(&candidate.lower) {
            continue;
        }
        let first = KIND_PHRASES
            .iter()
            .filter_map(|phrase| find_words(&candidate.lower, phrase.phrase).map(|at| (at, phrase)))
            .min_by(|(at_a, a), (at_b, b)| {
                at_a.cmp(at_b).then(b.phrase.len().cmp(&a.phrase.len()))
            });
        if let Some((_, phrase)) = first {
            let score = if candidate.in_title_area {
                phrase.weight
            } else {
                phrase.weight / 2.0
            };
            hits.push(Hit {
                candidate: position,
                phrase,
                score,
            });
        }
    }
    hits
}

/// Byte offset of `needle` in `haystack` on word boundaries.
fn find_words(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| {
            let before = haystack[..at].chars().next_back();
            let after = haystack[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

fn best_kind(hits: &[Hit<'_>]) -> (DocumentKind, f64) {
    let mut best: Vec<(DocumentKind, f64)> = Vec::new();
    for hit in hits {
        match best.iter_mut().find(|(kind, _)| *kind == hit.phrase.kind) {
            Some((_, score)) => *score = score.max(hit.score),
            None => best.push((hit.phrase.kind, hit.score)),
        }
    }
    best.sort_by(|a, b| b.1.total_cmp(&a.1));
    match best.as_slice() {
        [] => (DocumentKind::Other, 0.0),
        [(kind, score)] => (*kind, *score),
        [(kind, score), (_, second), ..] => (*kind, score * score / (score + second)),
    }
}

fn detect_period(
    candidates: &[Candidate<'_>],
    hits: &[Hit<'_>],
    kind: DocumentKind,
) -> Option<Period> {
    let mut found: Vec<Period> = Vec::new();
    for hit in hits.iter().filter(|hit| hit.phrase.kind == kind) {
        let candidate = &candidates[hit.candidate];
        if let Some(period) = ordinal_year(candidate, candidates.get(hit.candidate + 1)) {
            found.push(period);
            continue;
        }
        let after =
            &candidate.lower[find_words(&candidate.lower, hit.phrase.phrase).unwrap_or(0)..];
        if let Some(period) = span_in(after).or_else(|| single_year_in(after)) {
            let confidence = if candidate.in_title_area { 0.9 } else { 0.6 };
            found.push(make_period(period, confidence, candidate));
        }
    }
    for candidate in candidates {
        if let Some(span) = between_span(&candidate.lower) {
            found.push(make_period(span, 0.7, candidate));
        } else if candidate.in_title_area {
            if let Some(span) = span_in(&candidate.lower) {
                found.push(make_period(span, 0.6, candidate));
            }
        }
    }
    let wants_span = matches!(
        kind,
        DocumentKind::TriennialReport | DocumentKind::ActionPlan
    );
    found.sort_by(|a, b| {
        let fits = |p: &Period| (p.start != p.end) == wants_span;
        fits(b)
            .cmp(&fits(a))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let mut periods = found.into_iter();
    let mut best = periods.next()?;
    for other in periods.filter(|p| p.start == best.start && p.end == best.end) {
        best.evidence.extend(other.evidence);
        best.confidence = best.confidence.max(other.confidence);
    }
    best.evidence.truncate(3);
    Some(best)
}

/// "primer año de implementación del Plan … 2021-2023" → 2021; the span may
/// be wrapped onto the next line (`… de Metròpolis` / `2021-2023`, in a PDF).
fn ordinal_year(candidate: &Candidate<'_>, next: Option<&Candidate<'_>>) -> Option<Period> {
    let joined;
    let lower = match (span_in(&candidate.lower), next) {
        (None, Some(next)) => {
            joined = format!("{} {}", candidate.lower, next.lower);
            &joined
        }
        _ => &candidate.lower,
    };
    let (start, end) = span_in(lower)?;
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let nth = words.windows(2).find_map(|pair| {
        let is_year_word = matches!(pair[1], "año" | "year" | "année");
        YEAR_ORDINALS
            .iter()
            .find(|(word, _)| *word == pair[0] && is_year_word)
            .map(|(_, n)| *n)
    })?;
    let year = if nth == 0 { end } else { start + nth - 1 };
    (year <= end).then(|| make_period((year, year), 0.8, candidate))
}

fn span_in(text: &str) -> Option<(u16, u16)> {
    SPAN.captures_iter(text).find_map(|caps| {
        let start: u16 = caps["start"].parse().ok()?;
        let end: u16 = caps["end"].parse().ok()?;
        (start < end && end - start <= 10).then_some((start, end))
    })
}

fn single_year_in(text: &str) -> Option<(u16, u16)> {
    let year: u16 = YEAR.find(text)?.as_str().parse().ok()?;
    Some((year, year))
}

/// "entre 2018 y 2020", "between 2018 and 2020".
fn between_span(lower: &str) -> Option<(u16, u16)> {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(4).find_map(|w| {
        let joined = PERIOD_BETWEEN
            .iter()
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
        evidence: vec![evidence(candidate, &candidate.plain)],
    }
}

fn evidence(candidate: &Candidate<'_>, text: &str) -> Evidence {
    let text = find_words(&candidate.lower, text)
        .and_then(|at| candidate.plain.get(at..at + text.len()))
        .unwrap_or(&candidate.plain)
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
    candidates: &[Candidate<'_>],
    hits: &[Hit<'_>],
    kind: DocumentKind,
    blocks: &[LanguageBlock],
    language: &str,
) -> Option<String> {
    let block_language = |index: usize| {
        blocks
            .iter()
            .find(|block| (block.first_line..=block.last_line).contains(&index))
            .and_then(|block| block.language)
    };
    let mut titles: Vec<(bool, String)> = Vec::new();
    for hit in hits
        .iter()
        .filter(|hit| hit.phrase.kind == kind && candidates[hit.candidate].in_title_area)
    {
        let candidate = &candidates[hit.candidate];
        let mut title = candidate.plain.clone();
        let mut raw_end = candidate.line.text.trim_end().to_owned();
        let opens_bold = candidate.line.text.trim_start().starts_with("**");
        let mut next = hit.candidate + 1;
        while opens_bold
            && !raw_end.ends_with("**")
            && next < candidates.len()
            && next - hit.candidate < 4
        {
            title.push(' ');
            title.push_str(&candidates[next].plain);
            raw_end = candidates[next].line.text.trim_end().to_owned();
            next += 1;
        }
        if title.split_whitespace().count() > MAX_TITLE_WORDS || title.ends_with('.') {
            continue;
        }
        let same_language = block_language(candidate.index) == Some(language);
        titles.push((same_language, title));
    }
    titles.sort_by_key(|(same_language, _)| std::cmp::Reverse(*same_language));
    titles.into_iter().next().map(|(_, title)| title)
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::detect;

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
            between_span("entre 2018 y 2020, metropolis tenía"),
            Some((2018, 2020))
        );
        assert_eq!(between_span("between 2018 and 2020"), Some((2018, 2020)));
        assert_eq!(between_span("entre 2018 et 2020"), Some((2018, 2020)));
        assert_eq!(between_span("entre 12 y 15 asistentes"), None);
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
                DocumentKind::ActivityReport,
                "2020",
            ),
            (
                "Plan d'action 2021-2023",
                DocumentKind::ActionPlan,
                "2021-2023",
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
    fn no_phrase_means_other() {
        let profile = detect(&Text::from_plain("Lista de la compra\nmanzanas"));
        assert_eq!(profile.kind.value, DocumentKind::Other);
        assert!(profile
            .diagnostics
            .iter()
            .any(|d| d.code == "detect.kind_unknown"));
    }
}
