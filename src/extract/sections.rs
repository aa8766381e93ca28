//! Sections: the heading tree and the list items under each heading.
//!
//! Headings come in five shapes, strongest first: Markdown `#` lines (level =
//! number of `#`), numbered headings (`LÍNEA DE ACCIÓN 2`, prefixes from
//! the lexicon's numbered heading prefixes), upper-case lines, lines wholly in
//! bold (`**…**`, possibly wrapped over a few lines), and short standalone
//! lines in sentence case. The last shape is the weakest, so such a line is a
//! heading only when what follows it is body text (a paragraph, a list, a
//! table, a line ending in `:`), another such heading leading to body text
//! (possibly across a lone number, as in `6` / `Seminario…`), or, in the
//! title area before any body text, directly a stronger heading (a cover
//! title over `ÍNDICE`; after the body begins, such a line is a signature
//! like `Secretario General de Metropolis`). A short line right after a lone number
//! (`5` / `Colaboradoras`) is an infographic label unless body text follows.
//!
//! Without Markdown the depth is not printed, so non-Markdown headings get
//! level 1 (upper case, numbered, bold) or 2 (sentence case). Lines that other
//! extractors claimed (people's names, member names) are never headings.

use crate::lexicon::Narrowed;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::dates;
use super::shape::{
    self, bullet, is_all_caps, is_blank, is_number_only, is_table_row, reads_as_capitals,
    word_count,
};
use crate::detect::{is_name_over_dateline, Profile};
use crate::grammar::roman_value;
use crate::lexicon::{first_unaccented, fold, fold_char, unaccented, Lexicons, Probed};
use crate::markup::plain;
use crate::model::{ListItem, Section, SourceFormat};
use crate::normalize::{PackedLines, Text};

/// Longest chain of sentence-case headings looked through to find body text.
const MAX_CHAIN: usize = 3;
/// A sentence at least this long (in characters) is body text, not a heading.
const BODY_CHARS: usize = 60;
/// Most words of a label heading ending in a colon (`Background Information:`).
const LABEL_WORDS: usize = 4;
/// Letters from which a word of a label is capitalised (`of`, `and` are not).
const LABEL_WORD_CHARS: usize = 4;
/// Fewest written lines, and most blank lines per written line (one in
/// this many), of a text set one paragraph a line.
const TIGHT_MIN_LINES: usize = 6;
const TIGHT_BLANK_RATIO: usize = 3;
/// Most words of one link of a breadcrumb trail.
const BREADCRUMB_PART_WORDS: usize = 4;

/// A numbered heading: a prefix of the lexicons, then a number or roman numeral.
fn numbered(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("numbered_heading", |lex| {
        format!(
            r"(?x) ^ (?:{}) \s+ (?: [0-9]{{1,2}} | [ivxlc]{{1,6}} ) (?: \s* [:.\-–—(^] .* | \s+ \p{{L}} .* )? $",
            lex.alternation(lex.each(|l| l.numbered_heading_prefixes).copied())
        )
    })
}
static NUMBERED_TITLE: Narrowed = Narrowed::literal(r"^[0-9]{1,2}\s+\p{Lu}");
/// A section numbered with dots (`1. Introduction`, `2.1 Context`, `3.2.
/// Budget`), or closed by a hyphen or a dash as Spanish and French
/// documents print it (`1- PRESENTACIÓN`, `1.- Acta`, `3.1 – Budget`),
/// which also looks like an item of a numbered list.
static NUMBERED_SECTION: Narrowed = Narrowed::literal(
    r"^(?:[0-9]{1,2}(?:\.[0-9]{1,2})+(?:\.-|-\.|\.|\s?[-–])?|[0-9]{1,2}(?:\.-|-\.|\.|\s?[-–]))\s+\p{Lu}",
);

/// A time of day as programmes print it (`9:00`, `10h00`, `19 h 30`,
/// `2:15pm`), or a slot between two (`9:00-9:10`, `10h00 à 12h30`), opening
/// a line; `rest` is what the slot holds.
fn time_slot(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("time_slot", |lex| {
        let time = r"[0-9]{1,2}(?::[0-9]{2}|\s?h(?:\s?[0-9]{2})?)(?:\s?(?i:[ap]\.?m\.?))?";
        format!(
            r"^\s*{time}(?:\s*(?:[-–—]|(?i:{})\s)\s*{time})?(?:\s+(?P<rest>\S.*))?$",
            lex.alternation(lex.each(|l| l.range_joiners).copied())
        )
    })
}

/// A part of an agenda numbered with a roman numeral (`I. Opening of the
/// Session`, `III - Submission of Reports`).
static ROMAN_TITLE: Narrowed =
    Narrowed::literal(r"^(?:X{0,3}(?:IX|IV|V?I{1,3})|X{1,3}|V)\s?[.\-–)]\s+\p{Lu}");

/// A heading found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Index in [`Text::lines`] of the heading's first line.
    pub index: usize,
    /// Index of its last line (bold headings may wrap).
    pub last: usize,
    /// Depth, 1 for top level.
    pub level: u8,
    /// Title without markup.
    pub title: String,
    /// The page a table of contents gives for it, as printed.
    pub printed_page: Option<u32>,
}

impl Heading {
    /// A heading on one line, with no printed page.
    fn one_line(index: usize, level: u8, title: &str) -> Self {
        Self {
            index,
            last: index,
            level,
            title: title.to_owned(),
            printed_page: None,
        }
    }
}

/// The headings read at a line (an entry of a table of contents, or a
/// heading of a strong shape), by line index: the few lines that have any,
/// so that a long document keeps no slot for each of its lines.
type Strong = BTreeMap<usize, Vec<Heading>>;

/// Adds `headings` to the strong headings of line `index`, the vector sized
/// to fit: a long document has thousands of them, most alone on their line,
/// and a vector grown from empty holds room for four.
fn add_strong(strong: &mut Strong, index: usize, headings: impl IntoIterator<Item = Heading>) {
    let found = strong.entry(index).or_default();
    found.extend(headings);
    found.shrink_to_fit();
}

/// Finds every heading, in document order, ignoring the lines in `claimed`.
pub fn find_headings(text: &Text, claimed: &BTreeSet<usize>, lex: &Lexicons) -> Vec<Heading> {
    // Both borrow the lines: a long document's text is not copied per line.
    let raws = PackedLines::of_text(text);
    let plains = PackedLines::of_lines(text, |line| line.plain);
    // A roll call's labels and names are no headings, whoever reads them.
    let rolls = roll_lines(&plains, lex);
    let claimed: BTreeSet<usize> = claimed.union(&rolls).copied().collect();
    let claimed = &claimed;
    let mut strong = Strong::new();
    let mut covered = vec![false; raws.len()];
    let runs = listed_contents(&plains, lex);
    let items = numbered_items(&raws, &plains);
    let agenda = agenda_items(&raws, &plains, lex);
    let unnamed = unnamed_agenda_items(&raws, &plains, lex);
    let in_page = in_page_contents(&plains);
    let lost = lost_contents(&plains);
    let index_entries = numbered_index(&plains, lex);
    let mut index = 0;
    // Whether the lines just read are a table of contents.
    let mut in_contents = false;
    // Whether a contents heading opened them: only then is a roman numeral
    // after leaders a front-matter page, not a table's mark (`…… v`).
    let mut contents_headed = false;
    // Lines that hold entries of a table of contents.
    let mut entry_lines = BTreeSet::new();
    // The numbered run read in the paragraph before, if any.
    let mut numbered: Option<NumberedRun> = None;
    while index < raws.len() {
        // An agenda run into a line that also names who attended (a line
        // other extractors claim) heads the business all the same.
        if let Some(items) = run_in_agenda(index, plains.line(index), lex) {
            covered[index] = true;
            add_strong(&mut strong, index, items);
            index += 1;
            continue;
        }
        // So does a numbered agenda or table of contents run into one
        // paragraph, whatever else the paragraph holds.
        if !is_blank(raws.line(index)) && !index_entries.contains_key(&index) {
            match run_in_numbered(index, plains.line(index), numbered.as_ref(), lex) {
                Some((entries, run)) => {
                    covered[index] = true;
                    in_contents = true;
                    contents_headed |= contents_word(lex).is_match(plains.line(index));
                    entry_lines.insert(index);
                    add_strong(&mut strong, index, entries);
                    numbered = Some(run);
                    index += 1;
                    continue;
                }
                None => numbered = None,
            }
        }
        if claimed.contains(&index) {
            index += 1;
            continue;
        }
        let line = plains.line(index);
        // A page's counter under a table of contents (`Page 2`) is the
        // page's furniture, no entry with its page.
        if in_contents && is_page_counter(line.trim(), lex) {
            index += 1;
            continue;
        }
        // Titles each followed by its page right after a contents heading
        // (`CONTENTS TOWN MAP 3 OUR MEMBERS 4`) are not read page first.
        let bare = bare_page_entries(index, line, in_contents, lex);
        // Titles and pages read apart from each other (two columns read
        // across) are read before any reading that pairs them in turn.
        let grouped = grouped_entries(index, line, lex);
        let mut entries = match runs.get(&index) {
            _ if grouped.is_some() => grouped.unwrap_or_default(),
            None if bare.is_some() => bare.unwrap_or_default(),
            Some((title, page)) => vec![Heading {
                index,
                last: index,
                level: 2,
                title: title.clone(),
                printed_page: Some(*page),
            }],
            None if in_page.contains_key(&index) => in_page
                .get(&index)
                .map(|title| entry(index, title.clone(), None))
                .into_iter()
                .collect(),
            None if index_entries.contains_key(&index) => {
                index_entries.get(&index).cloned().unwrap_or_default()
            }
            None if lost.contains_key(&index) => lost
                .get(&index)
                .into_iter()
                .flatten()
                .map(|(title, page)| entry(index, title.clone(), Some(*page)))
                .collect(),
            None => contents_entries(
                index,
                raws.line(index),
                line,
                ContentsState {
                    within: in_contents,
                    headed: contents_headed,
                    // `bare` above read none.
                    bare_read: true,
                },
                lex,
            ),
        };
        let mut spread_to = None;
        if entries.is_empty() && in_contents {
            if let Some((found, page_line)) = spread_entry(&raws, &plains, index) {
                entries.push(found);
                spread_to = Some(page_line);
            } else {
                entries = part_entry(&raws, &plains, index, contents_headed, lex)
                    .into_iter()
                    .collect();
            }
        }
        if let Some(first) = entries.first_mut() {
            in_contents = true;
            contents_headed |= contents_word(lex).is_match(line);
            entry_lines.insert(index);
            if let Some(previous) = wrapped_title_start(&plains, &strong, &covered, first, lex) {
                strong.remove(&previous);
                first.index = previous;
            }
            for flag in covered.iter_mut().take(index + 1).skip(first.index) {
                *flag = true;
            }
            if index < raws.len() {
                add_strong(&mut strong, index, entries);
            }
            if let Some(page_line) = spread_to {
                for flag in covered.iter_mut().take(page_line + 1).skip(index) {
                    *flag = true;
                }
                index = page_line;
            }
            index += 1;
            continue;
        }
        // A line of a table of contents that is no entry (a chapter title
        // too long for a part heading, its wrapped end) does not end the
        // table when an entry follows it.
        let bridged = in_contents && entry_follows(&raws, &plains, index, contents_headed, lex);
        if !is_blank(raws.line(index)) && !bridged {
            in_contents = false;
            contents_headed = false;
        }
        // A cover's title line run into the contents heading of the page
        // after it heads the entries below as the heading alone would.
        let closes = plains
            .get(index)
            .is_some_and(|p| shape::closes_on_contents_heading(lex, p));
        if let Some(heading) = strong_heading(&raws, &plains, index, lex) {
            let heads = shape::heads_contents(lex, &heading.title) || closes;
            contents_headed = heads || (bridged && contents_headed);
            in_contents = bridged || heads;
            for flag in covered.iter_mut().take(heading.last + 1).skip(index) {
                *flag = true;
            }
            index = heading.last + 1;
            if heading.index < raws.len() {
                add_strong(&mut strong, heading.index, [heading]);
            }
        } else {
            if closes {
                contents_headed = true;
                in_contents = true;
            }
            index += 1;
        }
    }
    // A PDF's lines are lines of print, its paragraphs wrapped over them.
    let tight = text.format != SourceFormat::Pdf && one_paragraph_a_line(&raws);
    // What follows a label is its content (`Financial Impact:` / `Not
    // applicable`), not a heading.
    let mut after_label = false;
    let candidate: Vec<bool> = (0..raws.len())
        .map(|i| {
            let raw = raws.line(i);
            if is_blank(raw) {
                return false;
            }
            let content = after_label;
            after_label = plains.get(i).is_some_and(is_label);
            !content
                && !covered[i]
                && !claimed.contains(&i)
                && plain_candidate(&raws, &plains, i, tight, lex)
                && !over_dateline(&raws, &plains, i, lex)
        })
        .collect();
    // Which lines hold strong headings: the loop below moves them out of
    // `strong` as it reaches them, while the chains it follows look ahead.
    let strong_lines: Vec<bool> = (0..raws.len())
        .map(|i| strong.get(&i).is_some_and(|found| !found.is_empty()))
        .collect();
    let mut shapes = Shapes {
        raws: &raws,
        plains: &plains,
        strong: &strong_lines,
        candidate: &candidate,
        first_body: raws.len(),
    };
    shapes.first_body = (0..raws.len())
        .find(|&i| shapes.is_body(i))
        .unwrap_or(raws.len());
    let mut headings = Vec::new();
    for i in 0..raws.len() {
        if let Some(found) = strong.remove(&i).filter(|found| !found.is_empty()) {
            headings.extend(found);
        } else if agenda.contains(&i) && !covered[i] && !claimed.contains(&i) {
            // An agenda's item is kept as printed, its colon too.
            headings.push(Heading {
                index: i,
                last: i,
                level: 2,
                title: plains[i].trim().to_owned(),
                printed_page: None,
            });
        } else if let Some(title) = unnamed
            .get(&i)
            .filter(|_| !covered[i] && !claimed.contains(&i))
        {
            headings.push(Heading::one_line(i, 2, title));
        } else if (candidate[i] && shapes.leads_to_body(i, 0))
            || (items.contains(&i) && !covered[i] && !claimed.contains(&i))
        {
            headings.push(Heading {
                index: i,
                last: i,
                level: 2,
                title: plains[i].trim_end_matches(':').trim_end().to_owned(),
                printed_page: None,
            });
        }
    }
    drop_stacked_words(&mut headings, &plains, &entry_lines);
    number_from_line_above(&mut headings, &plains, claimed);
    without_link_notes(&mut headings, lex);
    join_open_ends(&mut headings, &raws, &plains, claimed, lex);
    without_running_lines(&mut headings, &raws, &plains, lex);
    // A heading over nothing ends the text (a signature, a closing line);
    // an entry of a table of contents cut off at the end of an excerpt is
    // still an entry.
    let governs_nothing = headings.last().is_some_and(|last| {
        !entry_lines.contains(&last.index)
            && !agenda.contains(&last.index)
            && !unnamed.contains_key(&last.index)
            && (last.last + 1..raws.len()).all(|i| is_blank(raws.line(i)))
    });
    if governs_nothing {
        headings.pop();
    }
    headings
}

/// Most name words after an honorific on a line of a roll call.
const ROLL_NAME_WORDS: usize = 5;

/// What a line of a roll call set one name a line is.
#[derive(Clone, Copy, PartialEq)]
enum RollLine {
    /// An honorific and a name (`D. JOSE LUIS MORA`, `Mme Claire Roux`).
    Person,
    /// Role or attendance words alone (`CONCEJALES:`, `ALCALDE-PRESIDENTE`).
    Label,
    /// One or two capitalised words: a piece of a name its line breaks cut.
    Piece,
}

/// The kind of roll-call line `line` is, if any.
fn roll_line(line: &str, lex: &Lexicons) -> Option<RollLine> {
    let bare = |word: &str| {
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let first = words.first()?;
    let capitalised = |word: &&str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && !word.chars().any(|c| c.is_ascii_digit())
            && !lex.has(|l| l.function_words, &bare(word))
    };
    let named = |word: &&str| capitalised(word) || lex.has(|l| l.name_particles, &bare(word));
    if lex.has(|l| l.honorifics, &bare(first))
        && words.len() <= ROLL_NAME_WORDS + 1
        && words.iter().skip(1).all(named)
    {
        return Some(RollLine::Person);
    }
    let lower = fold(line).to_lowercase();
    let label = lower.trim().trim_end_matches(':').trim();
    let role = |word: &str| {
        lex.has(|l| l.role_words, word)
            || lex.has(|l| l.attendance_words, word)
            || ["s", "es"].iter().any(|plural| {
                word.strip_suffix(plural)
                    .is_some_and(|singular| lex.has(|l| l.role_words, singular))
            })
    };
    // A board member's line: a name, its city in parentheses or not, a dash
    // and a role (`Rocio Molina (Cochabamba) – Presidenta`).
    let dashed = [" – ", " — ", " - "]
        .iter()
        .find_map(|dash| line.trim().split_once(dash));
    if let Some((head, role_text)) = dashed {
        let name: Vec<&str> = head
            .split('(')
            .next()
            .unwrap_or(head)
            .split_whitespace()
            .collect();
        let role_words: Vec<String> = fold(role_text)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        if (2..=ROLL_NAME_WORDS).contains(&name.len())
            && name.iter().all(named)
            && (1..=ROLL_NAME_WORDS).contains(&role_words.len())
            && role_words.iter().any(|w| lex.has(|l| l.role_words, w))
        {
            return Some(RollLine::Person);
        }
    }
    let parts: Vec<&str> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let labelled = lex
        .each(|l| l.plural_titles)
        .any(|(title, _)| *title == label)
        || (!parts.is_empty() && parts.iter().all(|w| role(w)));
    if labelled {
        return Some(RollLine::Label);
    }
    (words.len() <= 2 && words.iter().all(capitalised)).then_some(RollLine::Piece)
}

/// Lines of roll calls set one name a line under their labels (`CONCEJALES:`
/// / `D. JOSE LUIS MORA` / `Dª ANA RUIZ GIL.` / …): runs of roll-call lines
/// with at least two honorific names, less the pieces of names that end them
/// (a one-word heading after the roll).
fn roll_lines(plains: &PackedLines, lex: &Lexicons) -> BTreeSet<usize> {
    let mut found = BTreeSet::new();
    let mut run: Vec<(usize, RollLine)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, RollLine)>| {
        while run.last().is_some_and(|&(_, kind)| kind == RollLine::Piece) {
            run.pop();
        }
        let people = run
            .iter()
            .filter(|&&(_, kind)| kind == RollLine::Person)
            .count();
        if people >= 2 {
            found.extend(run.iter().map(|&(index, _)| index));
        }
        run.clear();
    };
    for (index, line) in plains.iter().enumerate() {
        if is_blank(line) {
            continue;
        }
        match roll_line(line, lex) {
            Some(kind) => run.push((index, kind)),
            None => flush(&mut run),
        }
    }
    flush(&mut run);
    found
}

/// Whether line `index` is a writer's name over a wire's dateline
/// (`Inmaculada López` / `Madrid, 20 jun (EFE).- …`): a byline, no heading.
fn over_dateline(raws: &PackedLines, plains: &PackedLines, index: usize, lex: &Lexicons) -> bool {
    let next = (index + 1..raws.len()).find(|&next| !is_blank(raws.line(next)));
    next.and_then(|next| plains.get(next))
        .is_some_and(|next| is_name_over_dateline(&plains[index], next, lex))
}

/// Whether a line is a short label in title case ending in a colon
/// (`Background Information:`, `Statement of Issue:`), which heads what
/// follows, rather than a sentence leading into a list (`The calendar for
/// 2022:`).
fn is_label(title: &str) -> bool {
    let Some(words) = title.trim_end().strip_suffix(':') else {
        return false;
    };
    word_count(words) <= LABEL_WORDS
        && words
            .split_whitespace()
            // An elided article goes with its word (`l’Association`).
            .map(|word| word.rsplit(['’', '\'']).next().unwrap_or(word))
            .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= LABEL_WORD_CHARS)
            .all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a line of a web page is a trail of links (`Actualité / Maroc`,
/// `Image / illustration`): short parts joined by slashes.
fn is_breadcrumb(title: &str) -> bool {
    let parts: Vec<&str> = title.split(" / ").collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|part| word_count(part) <= BREADCRUMB_PART_WORDS)
}

/// Whether a text sets its paragraphs one a line with (almost) no blank
/// line between them, as text taken from web pages does: there, a heading
/// has no blank line around it. (Not asked of PDFs, whose paragraphs wrap.)
fn one_paragraph_a_line(raws: &PackedLines) -> bool {
    let blank = raws.iter().filter(|raw| is_blank(raw)).count();
    let written = raws.len() - blank;
    written >= TIGHT_MIN_LINES && blank * TIGHT_BLANK_RATIO < written
}

/// One-word lines in capitals stacked with no blank line between are a
/// list (acronyms, logos), not headings. (A heading printed many times is
/// kept: the seeds repeat their action lines' headings, and so is an entry
/// of a table of contents under its heading: `ÍNDICE` / `Presentación`.)
fn drop_stacked_words(
    headings: &mut Vec<Heading>,
    plains: &PackedLines,
    entries: &BTreeSet<usize>,
) {
    let one_capital_word = |i: Option<usize>| {
        i.and_then(|i| plains.get(i)).is_some_and(|p| {
            let p = p.trim();
            word_count(p) == 1 && is_all_caps(p, 2)
        })
    };
    headings.retain(|h| {
        h.printed_page.is_some()
            || entries.contains(&h.index)
            || word_count(&h.title) != 1
            || !(one_capital_word(h.index.checked_sub(1)) || one_capital_word(Some(h.last + 1)))
    });
}

/// An item's number set on a line of its own above its heading (`21.` /
/// `DECLARATIONS OF INTEREST`, as meeting pages print their business) is
/// the heading's number: `21. DECLARATIONS OF INTEREST`. Only a number
/// closed by a dot or a dash, or a code of two levels (`3.0-`, `5.0`), is
/// an item's: a bare number there is a page's or a figure's. A number under
/// another such number is one of a column of numbers read apart from their
/// titles (`7.0-` / `8.0-` / `9.0-` / `HYGIÈNE DU MILIEU`): which title is
/// whose is lost, and the heading keeps none.
fn number_from_line_above(
    headings: &mut [Heading],
    plains: &PackedLines,
    claimed: &BTreeSet<usize>,
) {
    let heads: BTreeSet<usize> = headings.iter().map(|h| h.index).collect();
    for heading in headings.iter_mut() {
        if heading.printed_page.is_some() || heading.title.starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let non_blank_above = |index: usize| {
            (0..index)
                .rev()
                .find(|&i| plains.get(i).is_some_and(|line| !is_blank(line)))
        };
        let is_number_line = |i: usize| {
            plains
                .get(i)
                .is_some_and(|line| ITEM_NUMBER_LINE.is_match(line.trim()))
        };
        let above = non_blank_above(heading.index);
        let in_column = above.and_then(non_blank_above).is_some_and(is_number_line);
        let number = above
            .filter(|i| !heads.contains(i) && !claimed.contains(i) && !in_column)
            .and_then(|i| plains.get(i))
            .map(str::trim)
            .filter(|line| ITEM_NUMBER_LINE.is_match(line));
        if let Some(number) = number {
            heading.title = format!("{number} {}", heading.title);
        }
    }
}

/// Headings without the notes a web page sets after a link (`MINUTES pdf
/// icon PDF 90 KB`, `… BODIES Opens in a new window - To receive…`): the
/// note goes, with the type and size of the file a file's icon announces.
/// A heading that was nothing but such a note goes too.
fn without_link_notes(headings: &mut Vec<Heading>, lex: &Lexicons) {
    let notes = lex.pattern("link_notes", |lex| {
        format!(
            r"(?i)\s*\b(?:{})(?:\s+[a-z]{{3,4}}\s+[0-9]+(?:[.,][0-9]+)?\s*[kmg]b\b)?",
            lex.alternation(lex.each(|l| l.link_notes).copied())
        )
    });
    for heading in headings.iter_mut() {
        if notes.is_match(&heading.title) {
            let bare = notes.replace_all(&heading.title, " ");
            heading.title = bare.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
    headings.retain(|heading| !heading.title.is_empty());
}

/// Fewest times a line is printed to be a running header or footer.
const RUNNING_REPEATS: usize = 3;

/// Headings without the lines a document prints again and again (a running
/// title on each page, `INFORME EJECUTIVO DE GESTIÓN`, a table's column
/// heading on each of its pages): page furniture, no section. An entry of a
/// table of contents repeats the heading it lists, and a numbered item its
/// number (`1. Appel nominatif` in the agenda, the minutes and the vote), so
/// both stay; so does a Markdown heading (`#`, bold), which its writer
/// marked, and the name of a numbered part under its number's line
/// (`LÍNEA DE ACCIÓN 1` / `Diplomacia…`), printed again where the part goes on.
/// Only a line in capitals is taken for a running one: a report may print a
/// heading in sentence case again under each of its parts (the seeds'
/// `Diplomacia y defensas metropolitanas` under each year's highlights), and
/// running titles and column headings are set in capitals.
fn without_running_lines(
    headings: &mut Vec<Heading>,
    raws: &PackedLines,
    plains: &PackedLines,
    lex: &Lexicons,
) {
    let mut printed: HashMap<&str, usize> = HashMap::new();
    for line in plains.iter() {
        let line = line.trim();
        if !line.is_empty() {
            *printed.entry(line).or_default() += 1;
        }
    }
    headings.retain(|heading| {
        let line = plains.get(heading.index).map(str::trim).unwrap_or_default();
        heading.printed_page.is_some()
            || heading.index != heading.last
            || raws
                .line(heading.index)
                .trim_start()
                .starts_with(['#', '*'])
            || line.starts_with(|c: char| c.is_ascii_digit())
            || line.chars().any(char::is_lowercase)
            || printed.get(line).copied().unwrap_or(0) < RUNNING_REPEATS
            || previous_non_blank(raws, heading.index)
                .and_then(|above| plains.get(above))
                .is_some_and(|above| numbered(lex).is_match(&shape::folded(above.trim())))
    });
}

/// Most lines a heading left open by its last word is followed over.
const OPEN_END_LINES: usize = 3;

/// Whether a heading's title ends on a word that leaves it open (`… EN
/// MATIERE DE`, `REPORT ON INSTITUTIONAL AND`): an article, preposition or
/// conjunction of the lexicon.
fn ends_open(title: &str, lex: &Lexicons) -> bool {
    title
        .split_whitespace()
        .next_back()
        .map(|word| word.trim_end_matches(',').to_lowercase())
        .is_some_and(|word| !word.is_empty() && lex.has(|l| l.open_words, &word))
}

/// Headings whose line ends on an open word (see [`ends_open`]) go on
/// to the line right under them, which a table of contents wraps (`C – LES
/// ORIENTATIONS EN MATIERE DE      Page 9` / `FONCTIONNEMENT`): that line
/// joins the title, and is no heading of its own. Without such a line (a
/// blank line under it, a list item, a line of its own entry or a long
/// one), the line is a piece of running text or of a cover's lines set
/// apart (`CON EL SELLO DE LA SECRETARÍA, SE` / blank / `AUTORIZA…`), and
/// heads nothing. A line read as several headings (a table of contents
/// run into one line) is left as it is: its last title is no line's end.
fn join_open_ends(
    headings: &mut Vec<Heading>,
    raws: &PackedLines,
    plains: &PackedLines,
    claimed: &BTreeSet<usize>,
    lex: &Lexicons,
) {
    let mut per_line: HashMap<usize, usize> = HashMap::new();
    for heading in headings.iter() {
        *per_line.entry(heading.index).or_default() += 1;
    }
    // Entries of a table of contents are kept apart: a line holding one is
    // no continuation.
    let entries: BTreeSet<usize> = headings
        .iter()
        .filter(|h| h.printed_page.is_some())
        .map(|h| h.index)
        .collect();
    let mut absorbed = BTreeSet::new();
    let mut dropped = BTreeSet::new();
    for (position, heading) in headings.iter_mut().enumerate() {
        let alone =
            per_line.get(&heading.index).copied() == Some(1) && heading.last == heading.index;
        let markdown = raws.line(heading.index).trim_start().starts_with('#');
        if !alone || markdown || absorbed.contains(&heading.index) {
            continue;
        }
        let mut joined = 0;
        while ends_open(&heading.title, lex) && joined < OPEN_END_LINES {
            let next = heading.last + 1;
            let continues = raws.get(next).is_some_and(|raw| {
                !is_blank(raw) && bullet(raw).is_none() && !is_table_row(raw) && !raw.contains('|')
            }) && !claimed.contains(&next)
                && !entries.contains(&next)
                && plains
                    .get(next)
                    .is_some_and(|p| word_count(p) <= HEADLINE_WORDS);
            if !continues {
                break;
            }
            heading.title = format!("{} {}", heading.title, plains.line(next).trim());
            heading.last = next;
            absorbed.insert(next);
            joined += 1;
        }
        if ends_open(&heading.title, lex) {
            dropped.insert(position);
        }
    }
    let mut position = 0;
    headings.retain(|heading| {
        // A line joined to the heading above it is no heading of its own.
        let joined_above =
            absorbed.contains(&heading.index) && per_line.get(&heading.index).copied() == Some(1);
        let keep = !(dropped.contains(&position) || joined_above);
        position += 1;
        keep
    });
}

/// A line holding an item's number alone, closed by a dot (`21.`, `197.`).
static ITEM_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{1,3}(?:\.[0-9]{1,2})?[.-]$|^[0-9]{1,3}\.[0-9]{1,2}$")
        .expect("ITEM_NUMBER_LINE is a valid literal pattern")
});

/// Builds sections (span, language, list items) from headings.
pub fn sections(text: &Text, profile: &Profile, headings: &[Heading]) -> Vec<Section> {
    let mut out = Vec::with_capacity(headings.len());
    for (position, heading) in headings.iter().enumerate() {
        let next_any = headings
            .get(position + 1)
            .map_or(text.lines.len(), |next| next.index);
        let next_same = headings
            .iter()
            .skip(position + 1)
            .find(|next| next.level <= heading.level)
            .map_or(text.lines.len(), |next| next.index);
        let end = last_non_blank(text, heading.last, next_same);
        let (Some(first), Some(last)) = (text.lines.get(heading.index), text.lines.get(end)) else {
            continue;
        };
        out.push(Section {
            level: heading.level,
            title: heading.title.clone(),
            page: first.page,
            line: first.number,
            printed_page: heading.printed_page,
            end_page: last.page,
            end_line: last.number,
            language: profile.language_of_line(heading.index).to_owned(),
            items: list_items(text, heading.last + 1, next_any),
        });
    }
    out
}

/// Index of the last non-blank line in `from..to`, or `from` if all are blank.
fn last_non_blank(text: &Text, from: usize, to: usize) -> usize {
    (from..to.min(text.lines.len()))
        .rev()
        .find(|&i| text.lines.get(i).is_some_and(|line| !is_blank(line.text)))
        .unwrap_or(from)
}

/// List items in `from..to`, `o` sub-bullets nested under the item before them.
fn list_items(text: &Text, from: usize, to: usize) -> Vec<ListItem> {
    let mut items: Vec<ListItem> = Vec::new();
    let mut open_row = false;
    for line in text.lines.iter().take(to).skip(from) {
        let trimmed = line.text.trim();
        if open_row || trimmed.starts_with('|') {
            open_row = !(trimmed.ends_with('|') || trimmed.is_empty());
            continue;
        }
        let Some(found) = bullet(line.text) else {
            continue;
        };
        let item = ListItem {
            text: plain(found.text),
            children: Vec::new(),
            page: line.page,
            line: line.number,
        };
        match items.last_mut() {
            Some(parent) if found.nested => parent.children.push(item),
            _ => items.push(item),
        }
    }
    items
}

/// A Markdown, numbered, upper-case or bold heading starting at `index`.
fn strong_heading(
    raws: &PackedLines,
    plains: &PackedLines,
    index: usize,
    lex: &Lexicons,
) -> Option<Heading> {
    let raw = raws.get(index)?;
    let title = plains.get(index)?;
    if is_blank(raw) || raw.contains('|') || is_table_row(raw) {
        return None;
    }
    let numbered_length = word_count(title) <= 20 && title.chars().count() <= 160;
    // A numbered line in capitals is a heading, though its number makes it
    // look like a list item (`2. BUDGET PRIMITIF`); a run of them, one after
    // the other, is a list (`3. SALUD Y BIENESTAR` / `5. IGUALDAD DE GÉNERO`).
    let numbered_neighbour = |found: Option<usize>| {
        found
            .and_then(|i| plains.get(i))
            .is_some_and(numbers_a_title_in_capitals)
    };
    let previous = previous_non_blank(raws, index);
    let next = next_non_blank(raws, index);
    if numbered_length
        && numbers_a_title_in_capitals(title)
        && !numbered_neighbour(previous)
        && !numbered_neighbour(next)
    {
        return Some(Heading::one_line(index, 1, title));
    }
    if bullet(raw).is_some() {
        return None;
    }
    let trimmed = raw.trim_start();
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') && !title.is_empty() {
        return Some(Heading::one_line(
            index,
            u8::try_from(hashes).unwrap_or(6),
            title,
        ));
    }
    if trimmed.starts_with("**") && !trimmed.starts_with("***") {
        return bold_heading(raws, index);
    }
    if let Some(heading) = programme_heading(raws, plains, index, lex) {
        return Some(heading);
    }
    // Furniture is never a heading; it is asked last, of a line that would
    // be one, because it looks for dates.
    titled_heading(index, title, numbered_length, lex).filter(|_| !is_furniture(title, lex))
}

/// A heading told by its words alone (contents, agenda, a numbered or
/// capitalised title), furniture or not.
fn titled_heading(
    index: usize,
    title: &str,
    numbered_length: bool,
    lex: &Lexicons,
) -> Option<Heading> {
    if shape::heads_contents(lex, title) {
        return Some(Heading::one_line(index, 1, title));
    }
    // A meeting's agenda heads its items as contents head their entries,
    // whatever follows (a list, an item run into its paragraph).
    let bare = title.trim_end().trim_end_matches(':').trim_end();
    if shape::is_entry(lex, |l| l.agenda_headings, bare) {
        return Some(Heading::one_line(index, 1, bare));
    }
    let first = title.chars().next()?;
    let short = word_count(title) <= 12 && title.chars().count() <= 90;
    if numbered_length && numbered(lex).is_match(&shape::folded(title)) {
        return Some(Heading::one_line(index, 1, title));
    }
    let opens_like_text = first.is_alphabetic() || first == '¿' || first == '¡';
    if short && opens_like_text && reads_as_capitals(title, 4) && !title.ends_with(',') {
        return Some(Heading::one_line(index, 1, title));
    }
    None
}

/// Most non-blank lines from a programme's day to its first time slot (a
/// venue may stand between them).
const DAY_REACH: usize = 2;

/// A heading of a programme: a part of its agenda after its time slot
/// (`9:00-9:10 I. Opening of the Session`, the slot left out), or a day
/// named by its weekday and date (`Lundi 23 novembre 2020 - Journée des
/// Outre-Mer`) over the time slots of that day. Without slots under it,
/// such a dated line is a posting date, which heads nothing.
fn programme_heading(
    raws: &PackedLines,
    plains: &PackedLines,
    index: usize,
    lex: &Lexicons,
) -> Option<Heading> {
    let title = plains.get(index)?.trim();
    let slot = time_slot(lex);
    if let Some(caps) = slot.captures(title) {
        let rest = caps.name("rest")?.as_str().trim();
        return (ROMAN_TITLE.is_match(rest) && word_count(rest) <= ENTRY_WORDS)
            .then(|| Heading::one_line(index, 1, rest));
    }
    let first = title.split_whitespace().next()?.trim_end_matches(',');
    lex.weekday(first)?;
    let dated = dates::find_dates(title, lex)
        .iter()
        .any(|date| date.start.day.is_some());
    if !dated || word_count(title) > ENTRY_WORDS {
        return None;
    }
    let slots_follow = (index + 1..raws.len())
        .filter(|&i| raws.get(i).is_some_and(|raw| !is_blank(raw)))
        .take(DAY_REACH)
        .any(|i| plains.get(i).is_some_and(|p| slot.is_match(p)));
    slots_follow.then(|| Heading::one_line(index, 1, title))
}

/// Most words of a headline of a text set one paragraph a line (`Fonds de
/// solidarité pour Gaza : avancée des activités…`).
const HEADLINE_WORDS: usize = 16;

/// Fewest letters of the title of a numbered heading in capitals.
const CAPITAL_TITLE_LETTERS: usize = 8;

/// Whether a line is a numbered heading in capitals without a prefix word:
/// a roman numeral (`I ADOPTION DU PROCÈS-VERBAL`, `VI. WE RESEARCH`) or a
/// number with its dot or dash (`2. BUDGET`, `3.1 - ACCOUNTS`), then a
/// title whose letters are (almost) all capitals (an ordinal's `1er` may
/// be in lower case). A bare number before capitals (`30 ALIANZAS
/// ACTIVAS`) is a figure over its label, not a heading.
fn numbers_a_title_in_capitals(title: &str) -> bool {
    static NUMBERED_CAPITALS: Narrowed = Narrowed::literal(
        r"^(?:(?:X{0,3}(?:IX|IV|V?I{1,3})|X{1,3}|V)\.?|[0-9]{1,2}(?:\.[0-9]{1,2})*\s?[.\-–)]{1,2})\s+(?P<title>\p{Lu}.*)$",
    );
    let Some(rest) = NUMBERED_CAPITALS
        .captures(title.trim())
        .and_then(|caps| caps.name("title"))
    else {
        return false;
    };
    let letters: Vec<char> = rest
        .as_str()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let lower = letters.iter().filter(|c| c.is_lowercase()).count();
    letters.len() >= CAPITAL_TITLE_LETTERS && lower * 10 <= letters.len()
}

/// A heading wholly in bold, possibly wrapped over up to four lines.
fn bold_heading(raws: &PackedLines, index: usize) -> Option<Heading> {
    let mut joined = String::new();
    for (last, raw) in (index..raws.len()).take(4).map(|i| (i, raws.line(i))) {
        if is_blank(raw) {
            return None;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(raw.trim());
        if joined.matches("**").count() > 2 {
            return None;
        }
        if joined.len() > 4 && joined.ends_with("**") {
            let title = plain(&joined);
            let first = title.chars().next()?;
            if !first.is_alphabetic() || word_count(&title) > 20 {
                return None;
            }
            return Some(Heading {
                index,
                last,
                level: 1,
                title,
                printed_page: None,
            });
        }
    }
    None
}

/// A short standalone line in sentence case, which may be a heading.
fn plain_candidate(
    raws: &PackedLines,
    plains: &PackedLines,
    index: usize,
    tight: bool,
    lex: &Lexicons,
) -> bool {
    let (Some(raw), Some(title)) = (raws.get(index), plains.get(index)) else {
        return false;
    };
    let blank_at = |i: Option<usize>| i.and_then(|i| raws.get(i)).is_none_or(is_blank);
    let standalone = blank_at(index.checked_sub(1)) && blank_at(Some(index + 1));
    let Some(first) = title.chars().next() else {
        return false;
    };
    let section_number = NUMBERED_SECTION.is_match(raw);
    let opens = first.is_uppercase() || NUMBERED_TITLE.is_match(title) || section_number;
    let last = title.chars().next_back().unwrap_or('.');
    let colons = title.matches(':').count();
    // `Summary Statement:` over its paragraph is a label heading; in a text
    // of one paragraph a line, `Fonds pour Haïti : les avancées` a headline.
    let label = colons == 1 && last == ':' && is_label(title);
    let headline = tight && colons == 1 && title.contains(" : ");
    // Words, not the marks set apart by spaces (`:`, `«`, `–`).
    let words = title
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count();
    let ends_well = !".,;:?!…".contains(last)
        || title.ends_with("...")
        || title.ends_with('…')
        || label
        || (tight && last == '!');
    (standalone || tight || label)
        && !(tight && is_breadcrumb(title))
        && opens
        && !raw.contains('|')
        && !is_table_row(raw)
        && (bullet(raw).is_none() || section_number)
        && (colons == 0 || label || headline)
        && ends_well
        && words <= if headline { HEADLINE_WORDS } else { 12 }
        && title.chars().count() <= 100
        && !is_mark_list(title, lex)
        && !is_byline(title, lex)
        // Last: it looks for dates, and most lines fail a cheaper test.
        && !is_furniture(title, lex)
}

/// Most words of the name a byline gives.
const BYLINE_NAME_WORDS: usize = 4;

/// Whether a line is a byline: a byline word of the lexicon, then a
/// name of two to [`BYLINE_NAME_WORDS`] capitalised words, maybe followed
/// by the author's post after a comma (`By Ann Lee`, `Par Jean Roy,
/// rédacteur`). It signs the page; it heads nothing.
fn is_byline(title: &str, lex: &Lexicons) -> bool {
    let Some((first, rest)) = title.trim().split_once(char::is_whitespace) else {
        return false;
    };
    if !lex.has(|l| l.byline_words, &first.to_lowercase()) {
        return false;
    }
    let name = rest.split(',').next().unwrap_or(rest);
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=BYLINE_NAME_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// Most words of a table-of-contents title.
const ENTRY_WORDS: usize = 20;
/// Fewest entries in a row that make a table of contents without dot leaders.
const MIN_RUN: usize = 3;

/// A page reference of a table of contents: an optional page word (`P.`,
/// `page`, `pág.`) and a number or range (`8-15`), whose first number is
/// kept, or the roman numeral of a front-matter page (`ABBREVIATIONS ……
/// III`, `Acknowledgement ……vii`), which names no page of the body. A
/// roman numeral followed by a stop numbers the next entry (`I.`), and is
/// left to it.
fn page_reference(lex: &Lexicons) -> String {
    format!(
        r"(?:(?:(?i:{})\s?\.?\s?)?(?P<page>[0-9]{{1,4}})(?:\s?[-–]\s?[0-9]{{1,4}})?|(?P<roman>(?:[ivx]{{1,5}}|[IVX]{{1,5}}))(?:\s|$))",
        lex.alternation(lex.each(|l| l.page_words).copied())
    )
}

/// Leaders then a page reference: `Territoires ...... P. 8-15`, several
/// to a line when a table of contents was read as one line. Leaders are
/// dots, ellipses or middle dots, runs that mix ellipses and dots
/// (`Background………...…….1`), or runs of dashes or underscores
/// (`INTRODUCTION ------5`).
fn leaders(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("contents_leaders", |lex| {
        format!(
            r"(?P<title>\S.*?)\s*(?:(?:\.\s?)*…(?:[.…]\s?)*|(?:\.\s?){{3,}}|·{{3,}}|-{{3,}}|_{{3,}})\s*{}",
            page_reference(lex)
        )
    })
}

/// A title without the start of leaders that mix ellipses and dots
/// (`THE CITY IN FIGURES ……..` before `…12`): a run of two marks or more,
/// or an ellipsis. A title's own closing stop stays.
fn without_leader_tail(title: &str) -> &str {
    let kept = title.trim_end_matches(['.', '…', '·', ' ']);
    let tail = &title[kept.len()..];
    let marks = tail.chars().filter(|c| !c.is_whitespace()).count();
    if marks >= 2 || tail.contains('…') {
        kept
    } else {
        title
    }
}

/// An entry that is a whole line, whose leaders mix ellipses and dots as a
/// text layer mixes them (`FOREWORD BY THE MAYOR ……….………..9`). Only a
/// whole line: inside running text such a run closes a form's label and
/// its count (`PRESENTS……………. 10`).
fn mixed_leaders_entry(index: usize, line: &str) -> Option<Heading> {
    static MIXED: Narrowed = Narrowed::literal(
        r"^\s*(?P<title>\p{L}.*?\S)\s*(?:…{2,}|\.{2,}…)[.…]*\s*(?P<page>[0-9]{1,3})\s*$",
    );
    let caps = MIXED.captures(line)?;
    let title = entry_title(caps.name("title")?.as_str())?;
    let page = caps.name("page")?.as_str().parse().ok()?;
    Some(entry(index, title, Some(page)))
}

/// A page word and number before a title (`P. 4 L'UVCW en chiffres`).
fn page_first(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("contents_page_first", |lex| {
        format!(
            r"\b(?i:{})\.?\s?(?P<page>[0-9]{{1,3}})\b",
            lex.alternation(lex.each(|l| l.page_words).copied())
        )
    })
}

/// The heading of a table of contents inside a line.
fn contents_word(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("contents_word", |lex| {
        format!(
            r"(?i)\b(?:{})\b",
            lex.alternation(lex.each(|l| l.contents_headings).copied())
        )
    })
}

/// The heading of a table of contents or of an agenda inside a line
/// (`ORDRE DU JOUR ~~~ 1- … P.5 2- …`).
fn list_word(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("contents_or_agenda_word", |lex| {
        format!(
            r"(?i)\b(?:{})\b",
            lex.alternation(
                lex.each(|l| l.contents_headings)
                    .chain(lex.each(|l| l.agenda_headings))
                    .copied()
            )
        )
    })
}

/// A section's code standing alone: numbers parted by stops (`1.2`, `2.0`,
/// `3.`) or a roman numeral and its stop (`IV.`); a bare number may be the
/// page of the entry before.
static SECTION_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{1,2}(?:\.[0-9]{1,2})+\.?|[0-9]{1,2}\.|[IVX]{1,5}\.)$")
        .expect("SECTION_CODE is a valid literal pattern")
});

/// Whether a line holds a run of leaders (dots or ellipses), the sign of a
/// contents entry whose page may be no number.
fn has_leader_run(raw: &str) -> bool {
    raw.contains("....") || raw.contains("……")
}

/// Where a line stands against the table of contents read before it.
#[derive(Debug, Clone, Copy)]
struct ContentsState {
    /// The lines just read are entries of a table of contents.
    within: bool,
    /// A contents heading (`Contents`, `Índice`) opened those entries.
    headed: bool,
    /// [`bare_page_entries`] was asked of the line, in this state, and
    /// read none: the line is not read so again.
    bare_read: bool,
}

/// A title fit for a table-of-contents entry: some letters, not a sentence.
fn entry_title(title: &str) -> Option<String> {
    entry_title_within(title, ENTRY_WORDS)
}

/// [`entry_title`] with another bound on its words (an agenda's items are
/// longer than a table of contents' titles).
fn entry_title_within(title: &str, most_words: usize) -> Option<String> {
    static SINGLE_GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\S \S").expect("SINGLE_GAP is a valid literal pattern"));
    let trimmed = title.trim();
    // A text layer that doubles every space (`ADMINISTRATION  GENERALE`)
    // sets nothing apart: all its words are the title's. Otherwise a run-on
    // line keeps other text before a wide gap: the entry is after it.
    let spread = trimmed.contains("  ") && !SINGLE_GAP.is_match(trimmed);
    let joined;
    let title = if spread {
        joined = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.as_str()
    } else {
        let mut parts = title.rsplitn(2, "  ");
        let last = parts.next().unwrap_or(title);
        // A section's code set apart from its title by a wide gap (`1.2
        // REPORTING PERIOD`) is the entry's own.
        let code = parts
            .next()
            .and_then(|head| head.trim_end().rsplit("  ").next())
            .map(str::trim)
            .filter(|code| SECTION_CODE.is_match(code));
        match code {
            Some(code) => {
                joined = format!("{code} {}", last.trim());
                joined.as_str()
            }
            None => last,
        }
    };
    let title = title.trim().trim_end_matches([',', ';', ':']).trim();
    let words = word_count(title);
    (title.chars().any(char::is_alphabetic) && (1..=most_words).contains(&words))
        .then(|| title.to_owned())
}

fn entry(index: usize, title: String, page: Option<u32>) -> Heading {
    Heading {
        index,
        last: index,
        level: if page.is_some() { 2 } else { 1 },
        title,
        printed_page: page,
    }
}

/// The table-of-contents entries of line `index`: titles with dot leaders
/// and page references (several to a line when the table was read as one
/// line, then a chapter heading left after the last), entries led by their
/// page reference after a contents heading in the same line (`SOMMAIRE P. 3
/// L'année… P. 4 L'UVCW…`, the heading kept too), or, inside a table of
/// contents, a title and page parted by a tab or a wide gap, or a title
/// with leaders whose page was cut off.
fn contents_entries(
    index: usize,
    raw: &str,
    line: &str,
    contents: ContentsState,
    lex: &Lexicons,
) -> Vec<Heading> {
    let in_contents = contents.within;
    static GAP: Narrowed = Narrowed::literal(
        r"^\s*(?P<title>(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?\p{L}.*?\p{L}\)?)(?:\t|\s{3,})\s*(?P<page>[0-9]{1,4})\s*$",
    );
    // A title and leaders whose page was cut off, maybe after its code
    // (`2.2      WATER SUPPLY ......`).
    static CUT: Narrowed = Narrowed::literal(
        r"^\s*(?P<title>(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?\p{L}.*?)\s*(?:\.\s?){3,}$",
    );
    // Inside a table of contents, a title and its page parted by a single
    // space (`Introducción 8`, `1.1. Antecedentes. 30`): the page has at
    // most three digits, so that a year closing a line is no page.
    static TIGHT: Narrowed = Narrowed::literal(
        r"^\s*(?P<title>(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s*)?\p{L}.*?[\p{L}).])\s(?P<page>[0-9]{1,3})\s*$",
    );
    let mut found = Vec::new();
    let mut end = 0;
    // Read on the raw line, whose wide gaps part run-on entries. Every
    // entry has a page number: most lines have no digit.
    let leaders = (has_digit(raw) || has_leader_run(raw)).then(|| leaders(lex));
    for caps in leaders
        .iter()
        .flat_map(|leaders| leaders.captures_iter(raw))
    {
        let Some(title) = caps.name("title") else {
            continue;
        };
        // A front-matter page in roman numerals is no page of the body. It
        // is read only inside a table of contents that a contents heading
        // opened (on the lines before, or earlier in this line): elsewhere,
        // even after rows read as entries (`…… 0`), a lone `x` or `v` after
        // leaders is a mark of a table's cell.
        let page = caps.name("page").map(|page| page.as_str().parse().ok());
        let headed = || {
            contents.headed
                || !found.is_empty()
                || raw
                    .get(..title.end())
                    .is_some_and(|head| contents_word(lex).is_match(head))
        };
        if page.is_none() && (caps.name("roman").is_none() || !headed()) {
            continue;
        }
        // So are leaders that mix ellipses and dots, which inside running
        // text close a form's label and its count (`EN EXERCICE……….. 15`).
        let leader = raw.get(title.end()..caps.get(0).map_or(0, |m| m.end()));
        let mixed = leader.is_some_and(|leader| leader.contains('…') && leader.contains('.'));
        if mixed && !headed() {
            continue;
        }
        let mut title = title.as_str();
        // The contents heading run into the first entry (`Sommaire I.
        // Obligations légales ..... 3`) is an entry of its own.
        if found.is_empty() {
            if let Some(word) = contents_word(lex).find(title) {
                found.push(entry(index, word.as_str().to_owned(), None));
                title = title.get(word.end()..).unwrap_or("");
            }
        }
        // A title too long for one entry may hold the entry before it,
        // printed without leaders (`… Increased 21 Sub-Result 2.2: Social
        // … Improved ...... 23`): its page stands between the two titles.
        let title = without_leader_tail(title);
        let last_page = found.iter().rev().find_map(|h| h.printed_page);
        let (title, before) = match (entry_title(title), page, last_page) {
            (None, Some(Some(page)), Some(last)) => match inner_entry(title, last, page) {
                Some((head, inner, tail)) => (tail, Some((head, inner))),
                None => (title, None),
            },
            _ => (title, None),
        };
        if let Some((head, inner)) = before {
            found.push(entry(index, plain(head), Some(inner)));
        }
        let title = entry_title(title).map(|t| plain(&t));
        match (title, page) {
            (Some(title), Some(Some(page))) => found.push(entry(index, title, Some(page))),
            (Some(title), None) => found.push(entry(index, title, None)),
            _ => {}
        }
        end = caps.get(0).map_or(end, |m| m.end());
    }
    if !found.is_empty() {
        let rest = plain(raw.get(end..).unwrap_or(""));
        let rest = rest.trim();
        // Entries whose pages were not printed go on after the last page
        // (`II.4 Normativa... 8 III. OBJETIVOS IV. OPINIÓN IV.1. …`).
        let last = found.last().and_then(|last| leading_number(&last.title));
        let (unpaged, _) =
            last.map_or_else(Default::default, |last| numbered_entries(rest, Some(last)));
        if !unpaged.is_empty() {
            found.extend(
                unpaged
                    .into_iter()
                    .map(|(title, _)| entry(index, title, None)),
            );
            return found;
        }
        if numbered(lex).is_match(&shape::folded(rest)) && word_count(rest) <= ENTRY_WORDS {
            found.push(entry(index, rest.to_owned(), None));
        }
        return found;
    }
    if let Some(found) = mixed_leaders_entry(index, line) {
        return vec![found];
    }
    if let Some(found) = page_first_entries(index, line, in_contents, lex) {
        return found;
    }
    if let Some(found) = page_after_entries(index, line, in_contents, lex) {
        return found;
    }
    if let Some(found) = (!contents.bare_read)
        .then(|| bare_page_entries(index, line, in_contents, lex))
        .flatten()
    {
        return found;
    }
    if let Some(found) = slash_page_entries(index, line) {
        return found;
    }
    if !in_contents {
        return found;
    }
    // With a single space before the page, a title with a number of its
    // own past its numbering (`Page 1 of 4`, a folio) is no entry.
    let tight = || {
        TIGHT.captures(line).filter(|caps| {
            caps.name("title").is_some_and(|title| {
                let title = title.as_str().trim_start();
                let unnumbered = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
                !has_digit(unnumbered)
            })
        })
    };
    if let Some(caps) = GAP.captures(line).or_else(tight) {
        let title = caps.name("title").and_then(|t| entry_title(t.as_str()));
        let page = caps.name("page").and_then(|p| p.as_str().parse().ok());
        if let (Some(title), Some(page)) = (title, page) {
            found.push(entry(index, title, Some(page)));
        }
    } else if let Some(title) = CUT
        .captures(line)
        .and_then(|caps| entry_title(caps.name("title")?.as_str()))
    {
        found.push(entry(index, title, None));
    }
    found
}

/// The entry run into the start of a title too long for one (`Sub-Result
/// 2.1: … Increased 21 Sub-Result 2.2: …`): a bare page of one to three
/// digits between `last` (the page of the entry before) and `page` (the
/// page the leaders give), a capital after it; both titles fit an entry.
/// Returns the first title, its page and the second title.
fn inner_entry(title: &str, last: u32, page: u32) -> Option<(&str, u32, &str)> {
    static INNER: Narrowed = Narrowed::literal(r"\s(?P<page>[0-9]{1,3})\s+\p{Lu}");
    INNER.captures_iter(title).find_map(|caps| {
        let number = caps.name("page")?;
        let inner: u32 = number.as_str().parse().ok()?;
        let head = title.get(..number.start())?.trim();
        let tail = title.get(number.end()..)?.trim();
        ((last..=page).contains(&inner)
            && entry_title(head).is_some()
            && entry_title(tail).is_some())
        .then_some((head, inner, tail))
    })
}

/// A title's last word that is a year or a span of years (`2031`,
/// `2030-2032`, `2030/31`), after a word of the title.
static YEAR_CLOSE: Narrowed =
    Narrowed::literal(r"\p{L}\s+(?:19|20)[0-9]{2}(?:\s?[-–/]\s?(?:19|20)?[0-9]{2})?$");

/// An entry of a table of contents spread over two lines: its title, then
/// its page alone on the next line, with or without leaders (`Le mot du
/// président` / `4`, `3. Finances` / `........ 9`, `Presidency 2030-2032` /
/// `8`). Returns the entry and the index of its page's line.
fn spread_entry(
    raws: &PackedLines,
    plains: &PackedLines,
    index: usize,
) -> Option<(Heading, usize)> {
    static PAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:(?:\.\s?){3,}|…+)?\s*(?P<page>[0-9]{1,3})\s*$")
            .expect("PAGE_LINE is a valid literal pattern")
    });
    let title = plains.get(index)?.trim();
    let opens = title.chars().next().is_some_and(char::is_alphanumeric);
    // A title may close on the years it covers (`Presidency 2030-2032`).
    let closes = title
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == ')')
        || YEAR_CLOSE.is_match(title);
    if !opens || !closes || word_count(title) > ENTRY_WORDS || PAGE_LINE.is_match(title) {
        return None;
    }
    let next = next_non_blank(raws, index)?;
    let page = PAGE_LINE
        .captures(plains.get(next)?)?
        .name("page")?
        .as_str()
        .parse()
        .ok()?;
    Some((entry(index, title.to_owned(), Some(page)), next))
}

/// How many lines on a table of contents may go without an entry.
const CONTENTS_BRIDGE: usize = 2;

/// Whether one of the next [`CONTENTS_BRIDGE`] non-blank lines after
/// `index` is an entry of a table of contents.
fn entry_follows(
    raws: &PackedLines,
    plains: &PackedLines,
    index: usize,
    headed: bool,
    lex: &Lexicons,
) -> bool {
    let mut at = index;
    for _ in 0..CONTENTS_BRIDGE {
        let Some(next) = next_non_blank(raws, at) else {
            return false;
        };
        let (Some(raw), Some(line)) = (raws.get(next), plains.get(next)) else {
            return false;
        };
        let contents = ContentsState {
            within: true,
            headed,
            bare_read: false,
        };
        if !contents_entries(next, raw, line, contents, lex).is_empty() {
            return true;
        }
        at = next;
    }
    false
}

/// Most words of a part heading inside a table of contents.
const PART_WORDS: usize = 8;

/// A part heading inside a table of contents, printed without a page
/// (`ÍNDICE` / `Presentación` / `Palabras del secretario … ...... 08`): a
/// short line opening in capitals, without a stop, right over an entry.
fn part_entry(
    raws: &PackedLines,
    plains: &PackedLines,
    index: usize,
    headed: bool,
    lex: &Lexicons,
) -> Option<Heading> {
    let title = plains.get(index)?.trim();
    let opens = title.chars().next().is_some_and(char::is_uppercase);
    // A chapter's title may close on a stop (`Capítulo II: Historia.`).
    let closes = title
        .trim_end_matches('.')
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    // Leaders lead to a page or a mark: a part heading has neither.
    let raw = raws.get(index)?;
    if !opens
        || !closes
        || word_count(title) > PART_WORDS
        || bullet(raw).is_some()
        || has_leader_run(raw)
    {
        return None;
    }
    let next = next_non_blank(raws, index)?;
    let contents = ContentsState {
        within: true,
        headed,
        bare_read: false,
    };
    let over_entry =
        !contents_entries(next, raws.get(next)?, plains.get(next)?, contents, lex).is_empty();
    over_entry.then(|| entry(index, title.to_owned(), None))
}

/// Entries led by their page reference, after a contents heading in the
/// same line (or anywhere inside a table of contents); at least [`MIN_RUN`].
/// A reference with no title after it (a page number of the layout) is skipped.
fn page_first_entries(
    index: usize,
    line: &str,
    in_contents: bool,
    lex: &Lexicons,
) -> Option<Vec<Heading>> {
    static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s[0-9]{1,3}(?:\s|$)").expect("COUNTER is a valid literal pattern")
    });
    // No entry without its page number.
    if !has_digit(line) {
        return None;
    }
    let (heading, from) = match contents_word(lex).find(line) {
        Some(word) => (Some(word.as_str()), word.end()),
        None if in_contents => (None, 0),
        None => return None,
    };
    let tail = line.get(from..)?;
    let marks = page_marks(&page_first(lex), tail);
    // The entries must start right after the heading.
    if marks
        .first()
        .is_none_or(|&(start, _, _)| !tail[..start].trim().is_empty())
    {
        return None;
    }
    let mut found: Vec<Heading> = heading
        .map(|word| entry(index, word.to_owned(), None))
        .into_iter()
        .collect();
    for (position, &(_, end, page)) in marks.iter().enumerate() {
        let next = marks
            .get(position + 1)
            .map_or(tail.len(), |&(start, _, _)| start);
        let mut title = tail.get(end..next).unwrap_or("").trim();
        if position + 1 == marks.len() {
            // After the last entry the page's own furniture may follow (`2 • RAPPORT…`).
            title = COUNTER.find(title).map_or(title, |m| &title[..m.start()]);
        }
        let opens = title.chars().next().is_some_and(char::is_uppercase);
        if let Some(title) = entry_title(title).filter(|_| opens) {
            found.push(entry(index, title, Some(page)));
        }
    }
    let entries = found.iter().filter(|h| h.printed_page.is_some()).count();
    (entries >= MIN_RUN).then_some(found)
}

/// A page word and number closing an entry, after a dash or a space
/// (`An Equality Driven Movement - p. 10`): the page word is followed by its
/// dot or a space, never glued to a word.
fn page_after(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("contents_page_after", |lex| {
        format!(r"{}\b", page_after_unbounded(lex))
    })
}

/// [`page_after`] without its closing word boundary: it matches wherever
/// that pattern does: it runs on the fast automaton on any text, where a
/// Unicode word boundary sends the pattern to a slow engine on non-ASCII
/// text, so it tells cheaply the many lines with no page reference.
fn page_after_probe(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("contents_page_after_probe", page_after_unbounded)
}

fn page_after_unbounded(lex: &Lexicons) -> String {
    format!(
        r"(?:\s[-–—])?\s(?i:{})(?:\.\s?|\s)(?P<page>[0-9]{{1,3}})",
        lex.alternation(lex.each(|l| l.page_words).copied())
    )
}

/// Whether `text` has an ASCII digit, which every page reference holds:
/// the patterns that read them are not run on the many lines without one.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|byte| byte.is_ascii_digit())
}

/// Each match of a page-reference pattern in `text`: its start, its end and
/// the page number it gives (the `page` group).
fn page_marks(pattern: &Probed, text: &str) -> Vec<(usize, usize, u32)> {
    pattern
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            Some((
                whole.start(),
                whole.end(),
                caps.name("page")?.as_str().parse().ok()?,
            ))
        })
        .collect()
}

/// Entries followed by their page reference, run into one line (`II. UCLG
/// CARES FOR PEOPLE An Equality Driven Movement - p. 10 A Feminist way… -
/// p. 10`): at least two to a line, or one inside a table of contents. A
/// part heading in capitals opening a title (a chapter's line run into its
/// first entry) is a heading of its own, without a page.
fn page_after_entries(
    index: usize,
    line: &str,
    in_contents: bool,
    lex: &Lexicons,
) -> Option<Vec<Heading>> {
    // No entry without its page reference.
    if !has_digit(line) || !page_after_probe(lex).is_match(line) {
        return None;
    }
    let marks = page_marks(&page_after(lex), line);
    // Outside a table of contents, the run must set its references apart
    // with dashes (`- p. 10`), which running text and page-first tables
    // (`P. 3 A word P. 5`) do not.
    let dashed = marks
        .iter()
        .filter(|&&(start, _, _)| {
            line.get(start..)
                .is_some_and(|m| m.trim_start().starts_with(['-', '–', '—']))
        })
        .count();
    // A contents or agenda heading before a run of references leads it
    // (`ORDRE DU JOUR 1- … P.5 2- … P.6 3- … P.20`).
    let led = list_word(lex)
        .find(line)
        .filter(|word| marks.len() >= MIN_RUN && marks[0].0 >= word.end());
    if !(dashed >= 2 || (in_contents && !marks.is_empty()) || led.is_some()) {
        return None;
    }
    let mut found: Vec<Heading> = led
        .map(|word| entry(index, word.as_str().to_owned(), None))
        .into_iter()
        .collect();
    let most_words = if led.is_some() {
        AGENDA_WORDS
    } else {
        ENTRY_WORDS
    };
    let mut from = led.map_or(0, |word| word.end());
    for &(start, end, page) in &marks {
        let segment = line
            .get(from..start)
            .unwrap_or("")
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim();
        from = end;
        let (part, title) = split_part_heading(segment, 3);
        if let Some(part) = part.and_then(entry_title) {
            found.push(entry(index, part, None));
        }
        let opens = title.chars().next().is_some_and(char::is_alphanumeric);
        if let Some(title) = entry_title_within(title, most_words).filter(|_| opens) {
            found.push(entry(index, title, Some(page)));
        }
    }
    let entries = found.iter().filter(|h| h.printed_page.is_some()).count();
    (entries == marks.len()).then_some(found)
}

/// Entries each closed by a slash and its page, run into one line
/// (`Congrès internationaux /12 Formation /13 Expositions /14`), as
/// designed contents pages print them: at least [`MIN_RUN`] to a line. A
/// title holding a number of its own is the run of another reading (pages
/// printed without a slash before it), which is not guessed at: it is
/// left out, as is a title opening in lower case (the end of a title
/// wrapped in a column read across).
fn slash_page_entries(index: usize, line: &str) -> Option<Vec<Heading>> {
    static SLASH_PAGE: LazyLock<Probed> =
        LazyLock::new(|| Probed::new(r"(?:^|\s)/\s?(?P<page>[0-9]{1,3})\b"));
    if !line.contains('/') {
        return None;
    }
    let marks = page_marks(&SLASH_PAGE, line);
    if marks.len() < MIN_RUN {
        return None;
    }
    let mut from = 0;
    let mut found = Vec::new();
    for &(start, end, page) in &marks {
        let title = line.get(from..start).unwrap_or("").trim();
        from = end;
        let opens = title.chars().next().is_some_and(char::is_uppercase);
        if !opens || has_digit(title) {
            continue;
        }
        if let Some(title) = entry_title(title) {
            found.push(entry(index, title, Some(page)));
        }
    }
    (found.len() >= MIN_RUN).then_some(found)
}

/// Entries of a contents page set in two columns, titles then pages, read
/// across so that several titles come before their pages (`Sommaire
/// Editorial Page 3 Members Board Staff Page 6 Page 7 Page 9`): a page
/// reference right after another one marks the layout. Each run of titles
/// is split where a capitalised word opens a title; a run takes the pages
/// that follow it when they are as many as its titles, and none otherwise
/// (which page goes with which is then not printed). `None` when no page
/// reference follows another, or fewer than [`MIN_RUN`] titles are read,
/// or no contents heading leads the line (the heading is kept too).
fn grouped_entries(index: usize, line: &str, lex: &Lexicons) -> Option<Vec<Heading>> {
    if !has_digit(line) || !page_after_probe(lex).is_match(line) {
        return None;
    }
    let marks = page_marks(&page_after(lex), line);
    let word = contents_word(lex)
        .find(line)
        .filter(|word| marks.len() >= MIN_RUN && marks[0].0 >= word.end())?;
    let mut groups: Vec<(Vec<String>, Vec<u32>)> = Vec::new();
    let mut adjacent = false;
    let mut from = word.end();
    for &(start, end, page) in &marks {
        let segment = line
            .get(from..start)
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        from = end;
        if segment.is_empty() {
            adjacent = true;
            if let Some((_, pages)) = groups.last_mut() {
                pages.push(page);
            }
            continue;
        }
        let titles: Vec<String> = capitalised_titles(segment)
            .into_iter()
            .filter_map(entry_title)
            .collect();
        groups.push((titles, vec![page]));
    }
    let titles: usize = groups.iter().map(|(titles, _)| titles.len()).sum();
    if !adjacent || titles < MIN_RUN {
        return None;
    }
    let found = std::iter::once(entry(index, word.as_str().to_owned(), None))
        .chain(groups.into_iter().flat_map(|(titles, pages)| {
            let paired = titles.len() == pages.len();
            titles.into_iter().enumerate().map(move |(at, title)| {
                let page = pages.get(at).copied().filter(|_| paired);
                entry(index, title, page)
            })
        }))
        .collect();
    Some(found)
}

/// Splits a run of titles before each capitalised word but the first
/// (`Members Board Staff`, `Le territoire Les élus`).
fn capitalised_titles(run: &str) -> Vec<&str> {
    let mut titles = Vec::new();
    let mut start = 0;
    for word in run.split_whitespace() {
        let at = word.as_ptr() as usize - run.as_ptr() as usize;
        if at > start && word.starts_with(char::is_uppercase) {
            titles.push(run[start..at].trim());
            start = at;
        }
    }
    titles.push(run[start..].trim());
    titles
}

/// Lines that number the items of minutes, each over its own text (`1
/// Compte rendu du conseil…` / `Le compte rendu…` / `2 Fixation du
/// montant…`, `59. To receive apologies` / `• Cllr X sent apologies`): a
/// number, its dot or dash, a capitalised title without a sentence's stop
/// inside, and no numbered line right before or after it (a numbered list
/// sets its items one under the other). Only items whose numbers follow on
/// from one another (`59`, `60`, `61`) are kept: a lone numbered line is a
/// figure over its label as often as an item.
fn numbered_items(raws: &PackedLines, plains: &PackedLines) -> BTreeSet<usize> {
    static ITEM: Narrowed =
        Narrowed::literal(r"^(?P<number>[0-9]{1,3})(?:\s?[.\-–)]{1,2})?\s+\p{Lu}");
    let number = |i: usize| -> Option<u32> {
        let title = plains.get(i)?.trim();
        let caps = ITEM.captures(title)?;
        let body = title
            .get(caps.get(0)?.end()..)
            .unwrap_or("")
            .trim_end_matches('.');
        let fits =
            word_count(title) <= AGENDA_WORDS && !body.contains(". ") && !title.contains('|');
        fits.then(|| caps.name("number")?.as_str().parse().ok())
            .flatten()
    };
    let numbered_at = |i: Option<usize>| i.and_then(number).is_some();
    let candidates: Vec<(usize, u32)> = (0..raws.len())
        .filter(|&i| {
            let opening = raws[i].trim_start().chars().next();
            opening.is_some_and(|c| c.is_ascii_digit())
        })
        .filter_map(|i| Some((i, number(i)?)))
        .filter(|&(i, _)| {
            // A line wrapped onto the next one (`1. Conocer el estado… a
            // través de un` / `diagnóstico que…`) is an item of a list.
            let next = next_non_blank(raws, i);
            let wrapped = next
                .and_then(|n| plains.get(n))
                .and_then(|p| p.trim_start().chars().next())
                .is_some_and(char::is_lowercase);
            !wrapped && !numbered_at(previous_non_blank(raws, i)) && !numbered_at(next)
        })
        .collect();
    let mut kept = BTreeSet::new();
    for pair in candidates.windows(2) {
        if let [(first, a), (second, b)] = pair {
            if *b == a + 1 {
                kept.insert(*first);
                kept.insert(*second);
            }
        }
    }
    kept
}

/// Most lines between two items of an agenda (the first one's description,
/// a sub-heading of the agenda).
const AGENDA_ITEM_LINES: usize = 8;
/// Most non-blank lines between an agenda's cue and its first item.
const AGENDA_CUE_REACH: usize = 3;
/// Fewest items that make an agenda's list.
const AGENDA_MIN_ITEMS: usize = 3;

/// The name of an agenda inside a line (`AGENDA`, `… les points de l'ordre
/// du jour`, `CA November Agenda`).
fn agenda_word(lex: &Lexicons) -> Arc<Probed> {
    lex.pattern("agenda_word", |lex| {
        format!(
            r"(?i)\b(?:{})\b",
            lex.alternation(lex.each(|l| l.agenda_headings).copied())
        )
    })
}

/// Items of an agenda set one under the other, with no blank line between
/// them (`1. Apologies` / `2. Declarations of interest`, `1.- Acta…` /
/// `2.- Correspondencia recibida:`): under a line that names an agenda, at
/// least [`AGENDA_MIN_ITEMS`] lines opening with numbers that count on by
/// one, lines of description or a sub-heading allowed between them. A
/// numbered list in prose follows no agenda's name and stays a list; an
/// agenda's items are the headings of the business that follows.
fn agenda_items(raws: &PackedLines, plains: &PackedLines, lex: &Lexicons) -> BTreeSet<usize> {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<number>[0-9]{1,2})(?:\.-|\.|\)|-|–)\s+\S")
            .expect("ITEM is a valid literal pattern")
    });
    let number = |i: usize| -> Option<u32> {
        let line = plains.get(i)?.trim();
        ITEM.captures(line)?.name("number")?.as_str().parse().ok()
    };
    let cue = agenda_word(lex);
    let mut kept = BTreeSet::new();
    let mut index = 0;
    while index < raws.len() {
        let names_agenda =
            number(index).is_none() && plains.get(index).is_some_and(|line| cue.is_match(line));
        if !names_agenda {
            index += 1;
            continue;
        }
        let mut first = None;
        let mut at = index;
        for _ in 0..AGENDA_CUE_REACH {
            let Some(next) = next_non_blank(raws, at) else {
                break;
            };
            if number(next).is_some() {
                first = Some(next);
                break;
            }
            at = next;
        }
        let Some((first, opening)) = first.and_then(|first| Some((first, number(first)?))) else {
            index += 1;
            continue;
        };
        let mut run = vec![first];
        let (mut expected, mut last) = (opening + 1, first);
        let mut next = first + 1;
        while next < raws.len() && next - last <= AGENDA_ITEM_LINES {
            match number(next) {
                Some(found) if found == expected => {
                    run.push(next);
                    expected += 1;
                    last = next;
                }
                Some(_) => break,
                None => {}
            }
            next += 1;
        }
        if run.len() >= AGENDA_MIN_ITEMS {
            kept.extend(run);
        }
        index = last + 1;
    }
    kept
}

/// The words that open an agenda's items in the lexicons (`to receive`,
/// `approbation`, `lectura`), unaccented: made once by a caller that tries
/// them on many lines.
pub(crate) fn agenda_openers(lex: &Lexicons) -> Vec<String> {
    lex.each(|l| l.agenda_item_openers)
        .map(|opener| unaccented(opener))
        .collect()
}

/// Whether an item's text, its list marker taken off, opens on one of
/// [`agenda_openers`] (`To receive apologies`, `Approbation du procès-verbal`,
/// `Lectura y aprobación del acta`), whole words, accents and case aside.
pub(crate) fn opens_agenda_item(openers: &[String], text: &str) -> bool {
    let text = unaccented(text);
    openers.iter().any(|opener| {
        text.strip_prefix(opener.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', ':']))
    })
}

/// Items of an agenda that no line names (the page opens on them, or on a
/// note about attending the meeting): a run of at least
/// [`AGENDA_MIN_ITEMS`] list items, bulleted or numbered (a Markdown
/// renderer prints every item `1.`), one under the other, at least as many
/// of which open with the words that open an agenda's items (`To receive…`,
/// `Approbation du…`, `Lectura y aprobación…`) and at least half of them.
/// A numbered item keeps its number, as printed; a bulleted one its text.
fn unnamed_agenda_items(
    raws: &PackedLines,
    plains: &PackedLines,
    lex: &Lexicons,
) -> BTreeMap<usize, String> {
    let item = |i: usize| -> Option<String> {
        let line = plains.get(i)?;
        let found = bullet(line)?;
        let numbered = line.trim_start().starts_with(|c: char| c.is_ascii_digit());
        let title = if numbered {
            line.trim()
        } else {
            found.text.trim()
        };
        (!title.contains('|') && word_count(title) <= AGENDA_WORDS).then(|| title.to_owned())
    };
    let openers = agenda_openers(lex);
    let opens_item =
        |title: &str| opens_agenda_item(&openers, bullet(title).map_or(title, |b| b.text));
    let mut kept = BTreeMap::new();
    let mut run: Vec<(usize, String)> = Vec::new();
    let mut close = |run: &mut Vec<(usize, String)>| {
        let opened = run.iter().filter(|(_, title)| opens_item(title)).count();
        if opened >= AGENDA_MIN_ITEMS && 2 * opened >= run.len() {
            kept.extend(run.drain(..));
        }
        run.clear();
    };
    for i in 0..raws.len() {
        if is_blank(raws.line(i)) {
            continue;
        }
        match item(i) {
            Some(title) => run.push((i, title)),
            None => close(&mut run),
        }
    }
    close(&mut run);
    kept
}

/// Marks that set the items of a list apart inside one line.
const RUN_IN_MARKS: &[char] = &['✓', '✔', '•', '▪', '►', '➢', '➤', '◦', '●', '■', '❖'];

/// The items of an agenda run into one line after its name and a colon
/// (`L'ordre du jour était le suivant : ✓ Présentation… ✓ Débat…`): at
/// least [`AGENDA_MIN_ITEMS`] items, each opened by the same mark, the
/// first right after the colon; each item is kept as printed.
fn run_in_agenda(index: usize, line: &str, lex: &Lexicons) -> Option<Vec<Heading>> {
    if !line.contains(RUN_IN_MARKS) {
        return None;
    }
    let named = agenda_word(lex).find(line)?;
    let after = line.get(named.end()..)?;
    let colon = after.find(':')?;
    let list = after.get(colon + 1..)?.trim_start();
    let mark = list.chars().next().filter(|c| RUN_IN_MARKS.contains(c))?;
    let items: Vec<&str> = list
        .split(mark)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    let fits = items.len() >= AGENDA_MIN_ITEMS
        && items.iter().all(|item| word_count(item) <= AGENDA_WORDS);
    fits.then(|| {
        items
            .into_iter()
            .map(|item| Heading::one_line(index, 2, item))
            .collect()
    })
}

/// Most words of an agenda's item led by its heading in the same line.
const AGENDA_WORDS: usize = 32;

/// Where a numbered run read in a paragraph stopped: the last number, and
/// whether its titles end on printed pages.
#[derive(Clone, Default)]
struct NumberedRun {
    last: Vec<u32>,
    paged: bool,
}

/// An agenda or a table of contents numbered and run into one paragraph
/// (`1. Open & Welcome 2. Apologies 3. Minutes 3.1 Minutes of the last
/// meeting 4 3.2 …`, `… ORDRE DU JOUR 1. OUVERTURE 1.1 Ouverture de la
/// séance 1.2 …`): the run opens on the number 1 at the start of the line
/// or right after the name of an agenda or of a table of contents, and is
/// split at each number that goes on from the last ([`numbered_entries`]),
/// so that a lone number, a year or a by-law's number stays in its title.
/// At least [`INDEX_MIN_ENTRIES`] entries, none a sentence; each keeps its
/// number as printed, and ends before a bullet opening a list under it. A
/// bare number ending at least [`INDEX_MIN_ENTRIES`] titles, never going
/// back, is their printed page. Given the run of the paragraph before
/// (`before`), a paragraph opening on the number that goes on from it
/// goes on with it.
fn run_in_numbered(
    index: usize,
    line: &str,
    before: Option<&NumberedRun>,
    lex: &Lexicons,
) -> Option<(Vec<Heading>, NumberedRun)> {
    let opens_on_one = |text: &str| {
        let tokens = numbered_tokens(text);
        let mut tokens = tokens.iter().map(|&(_, token)| token);
        tokens
            .next()
            .filter(|token| token.contains('.'))
            .and_then(section_number)
            .is_some_and(|number| number.iter().all(|&part| part == 1))
            && tokens
                .next()
                .is_some_and(|title| title.starts_with(char::is_uppercase))
    };
    let line = line.trim();
    let run = match before {
        // A page's folio may open the paragraph that goes on (`2 5. …`).
        Some(_) => match line.split_once(' ') {
            Some((folio, rest))
                if folio.len() <= 3 && folio.chars().all(|c| c.is_ascii_digit()) =>
            {
                rest.trim_start()
            }
            _ => line,
        },
        None if !line.contains("1.") => return None,
        None if opens_on_one(line) => line,
        None => list_word(lex).find_iter(line).find_map(|name| {
            let rest = line
                .get(name.end()..)?
                .trim_start_matches([' ', ':', '-', '–', '—']);
            opens_on_one(rest).then_some(rest)
        })?,
    };
    let (entries, _) = numbered_entries(run, before.map(|run| run.last.clone()));
    let last = entries.last().map(|(_, number)| number.clone())?;
    let titles: Vec<&str> = entries
        .iter()
        .map(|(title, _)| {
            let end = title.find(RUN_IN_MARKS).unwrap_or(title.len());
            title.get(..end).unwrap_or(title).trim()
        })
        .collect();
    let fewest = if before.is_some() {
        1
    } else {
        INDEX_MIN_ENTRIES
    };
    if titles.len() < fewest || titles.iter().any(|title| title.ends_with('.')) {
        return None;
    }
    let split_page = |title: &str| -> Option<(String, u32)> {
        let (head, page) = title.rsplit_once(' ')?;
        let numbered_only = head.split_whitespace().nth(1).is_none();
        let page = page
            .parse()
            .ok()
            .filter(|_| page.len() <= 3 && !numbered_only)?;
        Some((head.trim_end().to_owned(), page))
    };
    let pages: Vec<u32> = titles
        .iter()
        .filter_map(|title| split_page(title))
        .map(|(_, page)| page)
        .collect();
    let paged = before.map_or(pages.len() >= INDEX_MIN_ENTRIES, |run| run.paged)
        && pages.windows(2).all(|pair| pair[0] <= pair[1]);
    let headings = titles
        .into_iter()
        .map(|title| match split_page(title).filter(|_| paged) {
            Some((title, page)) => entry(index, title, Some(page)),
            None => entry(index, title.to_owned(), None),
        })
        .collect();
    Some((headings, NumberedRun { last, paged }))
}

/// Entries of a table of contents read as one line after its heading,
/// each title followed by its bare page number, with or without a space
/// (`TABLE OF CONTENTS MEMBER MAP 4 AMM MEMBERS 5`, `Map of
/// Municipalities2 AMM Members3`, `Accounts 4Members 6`): at least
/// [`BARE_RUN`] entries whose pages never go back. The run ends where a page
/// goes back or a title is missing (the first page's own folio and
/// furniture). A part heading in capitals opening a title (`ABOUT US Our
/// board 4`) is a heading of its own. Without a contents heading in the
/// line, only a run of [`HEADLESS_RUN`] entries, half of whose pages run
/// into the next title (`4Publications`, a contents page whose layout was
/// lost), is one. Inside a table of contents (the line before was one of
/// its entries), a line of [`CONTINUED_RUN`] such entries, one of whose pages
/// runs into the next title, or of [`BARE_RUN`] entries, goes on with it,
/// and its first title may open in lower case (a part heading in small
/// capitals read as mixed case).
fn bare_page_entries(
    index: usize,
    line: &str,
    in_contents: bool,
    lex: &Lexicons,
) -> Option<Vec<Heading>> {
    // A page or a range of pages (`5-6`, `15–16`): an entry's page is the
    // first of its range.
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<page>[0-9]+)(?:[-–](?P<last>[0-9]{1,3}))?")
            .expect("NUMBER is a valid literal pattern")
    });
    static GLUED: Narrowed = Narrowed::literal(r"\p{L}\s?[0-9]{1,3}\p{Lu}");
    static YEAR_LEAD: Narrowed =
        Narrowed::literal(r"^(?:19|20)[0-9]{2}(?:[/-][0-9]{2,4})?\s+\p{Lu}");
    // A section's number before a capitalised title (`1 Administration`,
    // `1.5.2 Voirie`).
    static SECTION_LEAD: Narrowed =
        Narrowed::literal(r"^[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}\.?\s+\p{Lu}");
    let word = contents_word(lex).find(line);
    // Most lines have neither a contents heading nor a page run into a
    // title, nor go on with a table of contents.
    if word.is_none() && !in_contents && !(has_digit(line) && GLUED.is_match(line)) {
        return None;
    }
    let tail = line.get(word.map_or(0, |w| w.end())..)?;
    let tail = match word {
        Some(_) => without_column_labels(tail, lex),
        None => tail,
    };
    let mut found: Vec<Heading> = word
        .map(|word| entry(index, word.as_str().to_owned(), None))
        .into_iter()
        .collect();
    let mut from = 0;
    let mut last_page = 0;
    let mut glued = 0;
    for caps in NUMBER.captures_iter(tail) {
        let (Some(number), Some(first)) = (caps.get(0), caps.name("page")) else {
            continue;
        };
        let after = tail[number.end()..].chars().next();
        let before = tail[..number.start()].chars().next_back();
        let runs_into_title = after.is_some_and(char::is_uppercase);
        let stands = (after.is_none_or(char::is_whitespace) || runs_into_title)
            && before
                .is_some_and(|c| c.is_alphabetic() || c.is_whitespace() || c == '’' || c == ')');
        let Ok(page) = first.as_str().parse::<u32>() else {
            break;
        };
        // A range runs forward (`37-38`); `3-1` is no range of pages.
        let range_runs_on = caps
            .name("last")
            .is_none_or(|last| last.as_str().parse::<u32>().is_ok_and(|last| last > page));
        if !stands || !range_runs_on || first.as_str().len() > 3 {
            continue;
        }
        // A number with no title before it, right after the heading or a
        // page, is no page: it numbers the next title (`… 3 1 Administration
        // générale 4 1.1 Conseil communal 4`), which keeps it.
        let segment = tail[from..number.start()].trim();
        if segment.is_empty() && SECTION_LEAD.is_match(&tail[number.start()..]) {
            continue;
        }
        let (part, title) = split_part_heading(segment, 2);
        let line_start = in_contents && word.is_none() && from == 0;
        // A title may open on the year it is about (`2019/20 Estimated
        // Income 7-8`).
        let opens = title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (line_start && c.is_alphabetic()))
            || YEAR_LEAD.is_match(title)
            || SECTION_LEAD.is_match(title);
        let Some(title) = entry_title(title).filter(|_| opens && page >= last_page) else {
            break;
        };
        if let Some(part) = part.and_then(entry_title) {
            found.push(entry(index, part, None));
        }
        found.push(entry(index, title, Some(page)));
        glued += usize::from(runs_into_title);
        last_page = page;
        from = number.end();
    }
    // Leaders or page words (`…… 3`, `P. 3`) set the pages apart otherwise;
    // after the run they are the page's own furniture (`PAGE 3`).
    let run = tail.get(..from).unwrap_or("");
    if leaders(lex).is_match(run) || page_first(lex).is_match(run) {
        return None;
    }
    let entries = found.iter().filter(|h| h.printed_page.is_some()).count();
    let enough = match word {
        Some(_) => entries >= BARE_RUN,
        None if in_contents && entries >= CONTINUED_RUN && glued >= 1 => true,
        // A table of contents whose entries went one a line, then ran into
        // one line (`Key Facts 12` / `Part One: Financial Performance 14
        // Key Messages 14 Income and expenditure 14 …`): a run as long as
        // a headed one goes on with it.
        None if in_contents && entries >= BARE_RUN => true,
        None => entries >= HEADLESS_RUN && 2 * glued >= entries,
    };
    enough.then_some(found)
}

/// The entries after a contents heading, less the labels of its columns
/// printed before the first (`CONTENTS Title Page No. Introduction 3`): a
/// run of such labels holding a page word, before a capitalised title.
fn without_column_labels<'a>(tail: &'a str, lex: &Lexicons) -> &'a str {
    let mut rest = tail.trim_start();
    let mut names_page = false;
    let mut labels = 0;
    while let Some((token, after)) = rest.split_once(char::is_whitespace) {
        let label = token.trim_end_matches('.').to_lowercase();
        if !lex.has(|l| l.contents_column_words, &label) {
            break;
        }
        names_page |= lex.has(|l| l.page_words, &label);
        labels += 1;
        rest = after.trim_start();
    }
    if labels > 0 && names_page && rest.starts_with(char::is_uppercase) {
        rest
    } else {
        tail
    }
}

/// Fewest entries of a table of contents read as one line with bare pages.
const BARE_RUN: usize = 4;
/// Fewest entries of such a line without a contents heading.
const HEADLESS_RUN: usize = 6;
/// Fewest entries of such a line that goes on with a table of contents.
const CONTINUED_RUN: usize = 2;

/// Splits a part heading in capitals (`fewest` words or more) off the title
/// that follows it in the same segment: the heading ends before the first
/// word with a lower-case letter, less that word's capitalised lead-in.
fn split_part_heading(segment: &str, fewest: usize) -> (Option<&str>, &str) {
    let words: Vec<(usize, &str)> = segment
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - segment.as_ptr() as usize, w))
        .collect();
    let has_lower = |w: &str| w.chars().any(char::is_lowercase);
    let Some(first_lower) = words.iter().position(|(_, w)| has_lower(w)) else {
        return (None, segment);
    };
    // The title starts at that word when it is capitalised (`Peer learning`),
    // else with the capitalised word before it (`An` in `… FUTURE An equality`).
    let capitalised = words
        .get(first_lower)
        .is_some_and(|(_, w)| w.starts_with(char::is_uppercase));
    let title_start = if capitalised {
        first_lower
    } else {
        first_lower.saturating_sub(1).max(1)
    };
    let caps_words = words
        .iter()
        .take(title_start)
        .filter(|(_, w)| w.chars().any(char::is_alphabetic))
        .count();
    match words.get(title_start) {
        Some(&(at, _)) if caps_words >= fewest => {
            (Some(segment[..at].trim()), segment[at..].trim())
        }
        _ => (None, segment),
    }
}

/// Lines that are entries of a table of contents printed without leaders,
/// a title and its page parted by one space (`President's Report 3`, `The
/// Network in 2020 4`, whose title ends on a year): a run
/// of at least [`MIN_RUN`] such lines with pages that never go back, next to
/// a contents heading (before or after the run, which layouts also do).
/// A run of [`HEADLESS_RUN`] entries whose pages rise at every entry is one
/// without a heading (a designed contents page whose heading was an image,
/// or was lost). After a run's first entry, a title may open in lower case
/// (`profil des membres 6`: small capitals read as mixed case).
fn listed_contents(plains: &PackedLines, lex: &Lexicons) -> BTreeMap<usize, (String, u32)> {
    static LISTED: Narrowed = Narrowed::literal(
        r"^(?P<title>\p{L}[^.!?:;]*?(?:[\p{L})’']|\b[0-9]{4}))\s+(?P<page>[0-9]{1,3})$",
    );
    let is_contents = |i: usize| plains.get(i).is_some_and(|p| shape::heads_contents(lex, p));
    let non_blank: Vec<usize> = (0..plains.len())
        .filter(|&i| !is_blank(&plains[i]))
        .collect();
    let listed = |i: usize, first: bool| -> Option<(String, u32)> {
        let line = plains.get(i)?.trim();
        // The pattern ends on the page number: most lines end otherwise.
        if !line.ends_with(|c: char| c.is_ascii_digit())
            || (first && !line.starts_with(char::is_uppercase))
        {
            return None;
        }
        let caps = LISTED.captures(line)?;
        let title = without_page_word(caps.name("title")?.as_str(), lex);
        let page = caps.name("page")?.as_str().parse().ok()?;
        (word_count(title) <= 8).then(|| (title.to_owned(), page))
    };
    let mut found = page_first_listed(plains, &non_blank, lex);
    found.extend(page_over_title_listed(plains, &non_blank, lex));
    let mut at = 0;
    while at < non_blank.len() {
        let mut run: Vec<(usize, String, u32)> = Vec::new();
        let mut next = at;
        while let Some((title, page)) = non_blank.get(next).and_then(|&i| listed(i, run.is_empty()))
        {
            if run.last().is_some_and(|&(_, _, last)| page < last) {
                break;
            }
            run.push((non_blank[next], title, page));
            next += 1;
        }
        let beside = |i: Option<&usize>| i.is_some_and(|&i| is_contents(i));
        // The heading may end the paragraph above the run (a page whose
        // layout was lost ran it into the text before it).
        let ends_above = |i: Option<&usize>| {
            i.and_then(|&i| plains.get(i))
                .is_some_and(|p| shape::ends_on_contents_heading(lex, p))
        };
        let headed = || {
            let above = at.checked_sub(1).and_then(|b| non_blank.get(b));
            beside(above) || ends_above(above) || beside(non_blank.get(next))
        };
        let rising =
            || run.len() >= HEADLESS_RUN && run.windows(2).all(|pair| pair[0].2 < pair[1].2);
        if run.len() >= MIN_RUN && (headed() || rising()) {
            for (i, title, page) in run {
                found.insert(i, (title, page));
            }
        }
        at = next.max(at + 1);
    }
    found
}

/// A title less the page word that stands between it and its page
/// (`Habitat Page 12`): the word is the page's, not the
/// title's. A title that is nothing but the word keeps it.
fn without_page_word<'a>(title: &'a str, lex: &Lexicons) -> &'a str {
    let trimmed = title.trim_end();
    let Some((head, last)) = trimmed.rsplit_once(char::is_whitespace) else {
        return title;
    };
    let word = last.trim_end_matches('.').to_lowercase();
    if !head.trim().is_empty() && lex.has(|l| l.page_words, &word) {
        head.trim_end()
    } else {
        title
    }
}

/// The entry of a contents line set page first (`4 A word from the chair`,
/// `12Accounts` when the layout lost the space): one to three digits, then
/// a title in capitals of at most [`IN_PAGE_WORDS`] words without a stop.
/// A title running without a space into a number after a lower-case
/// letter (`Services2017 Highlights`, a subtitle of the next line of print)
/// ends there.
fn page_first_line(line: &str) -> Option<(String, u32)> {
    static PAGE_FIRST_LINE: Narrowed =
        Narrowed::literal(r"^(?P<page>[0-9]{1,3})\s*(?P<title>\p{Lu}[^.!?:;]*?[\p{L})’'0-9])$");
    let caps = PAGE_FIRST_LINE.captures(line.trim())?;
    let title = caps.name("title")?.as_str();
    let glued = title
        .char_indices()
        .zip(title.chars().skip(1))
        .find(|&((_, letter), next)| letter.is_lowercase() && next.is_ascii_digit())
        .map(|((at, letter), _)| at + letter.len_utf8());
    let title = title.get(..glued.unwrap_or(title.len()))?.trim();
    // A title may end on a year (`The network in 2030`).
    let year = title
        .rsplit(' ')
        .next()
        .is_some_and(|word| word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()));
    let closes = year
        || title
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == ')' || c == '’' || c == '\'');
    let page = caps.name("page")?.as_str().parse().ok()?;
    (closes && word_count(title) <= IN_PAGE_WORDS).then(|| (title.to_owned(), page))
}

/// What follows a contents heading opening `line` (`Table of Contents`, or
/// run into what the next line of print held: `Contents4 A word…`), or
/// `None` when the line opens otherwise.
fn after_contents_heading<'a>(line: &'a str, lex: &Lexicons) -> Option<&'a str> {
    let line = line.trim();
    // Asked of every line: one whose first letter opens no heading is let
    // go before it is folded once per heading. A first character that
    // folds to a space, or to nothing, gets the whole comparison.
    let opening = first_unaccented(line.chars().map(fold_char)).filter(|c| !c.is_whitespace());
    lex.each(|l| l.contents_headings).find_map(|heading| {
        if opening.is_some_and(|c| first_unaccented(heading.chars()) != Some(c)) {
            return None;
        }
        let length = heading.chars().count();
        let cut = line
            .char_indices()
            .nth(length)
            .map_or(line.len(), |(at, _)| at);
        let (head, rest) = line.split_at_checked(cut)?;
        let same = shape::folded(&unaccented(&fold(head))) == unaccented(heading);
        let ends = !rest.starts_with(char::is_alphabetic);
        (same && ends).then_some(rest)
    })
}

/// Entries of a table of contents set one a line page first, under its
/// heading (`Contents` / `4 A word from the chair` / `6 Our members` / …):
/// a run of at least [`MIN_RUN`] such lines whose pages never go back,
/// right after a line opening with a contents heading. That line may hold
/// the first entry, run into it (`Contents04 A word…`).
fn page_first_listed(
    plains: &PackedLines,
    non_blank: &[usize],
    lex: &Lexicons,
) -> BTreeMap<usize, (String, u32)> {
    let mut found = BTreeMap::new();
    for (at, &index) in non_blank.iter().enumerate() {
        let Some(rest) = plains
            .get(index)
            .and_then(|line| after_contents_heading(line, lex))
        else {
            continue;
        };
        let mut run: Vec<(usize, (String, u32))> = page_first_line(rest)
            .map(|found| (index, found))
            .into_iter()
            .collect();
        for &next in non_blank.iter().skip(at + 1) {
            let Some((title, page)) = plains.get(next).and_then(page_first_line) else {
                break;
            };
            if run.last().is_some_and(|(_, (_, last))| page < *last) {
                break;
            }
            run.push((next, (title, page)));
        }
        if run.len() >= MIN_RUN {
            found.extend(run);
        }
    }
    found
}

/// Entries of a table of contents set one page and one title a line, each
/// page over its title (`3` / `Foreword` / `4` / `Who we are`), as a
/// designed contents page read column by column gives them, right under a
/// contents heading; the page of the contents page itself may stand first
/// (`2` / `3` / `Foreword`). The same lines read title first (`Editorial` /
/// `3`, see [`spread_entry`]) open on a title, or end on a page: a run
/// opening on a page is read page first only when it ends on a title, or
/// when two pages open it. At least [`MIN_RUN`] entries, pages never going
/// back. A number printed with a leading zero (`03` / `Nota del Secretario
/// General` / `04` / …) numbers a designed page's chapters as often as it
/// gives their pages, and which it does is not printed: a run holding one
/// gives no entry.
fn page_over_title_listed(
    plains: &PackedLines,
    non_blank: &[usize],
    lex: &Lexicons,
) -> BTreeMap<usize, (String, u32)> {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<page>[0-9]{1,3})\s*$").expect("PAGE is a valid literal pattern")
    });
    let page_at = |at: usize| -> Option<u32> {
        let line = plains.get(*non_blank.get(at)?)?;
        PAGE.captures(line)?.name("page")?.as_str().parse().ok()
    };
    let title_at = |at: usize| -> Option<String> {
        let line = plains.get(*non_blank.get(at)?)?.trim();
        let closes = line
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ')');
        (closes && page_at(at).is_none() && word_count(line) <= IN_PAGE_WORDS)
            .then(|| entry_title(line))
            .flatten()
    };
    let mut found = BTreeMap::new();
    for (heading, &index) in non_blank.iter().enumerate() {
        if !plains
            .get(index)
            .is_some_and(|line| shape::heads_contents(lex, line))
        {
            continue;
        }
        let mut at = heading + 1;
        let folio = page_at(at).is_some() && page_at(at + 1).is_some();
        if folio {
            at += 1;
        }
        let padded = |at: usize| {
            non_blank
                .get(at)
                .and_then(|&i| plains.get(i))
                .is_some_and(|line| line.trim().starts_with('0'))
        };
        let mut zero_padded = folio && padded(at - 1);
        let mut run: Vec<(usize, (String, u32))> = Vec::new();
        while let (Some(page), Some(title)) = (page_at(at), title_at(at + 1)) {
            // The body's first heading after the contents (`ÉDITORIAL` after
            // `Éditorial` / `3`) repeats an entry, or changes the entries'
            // case: no entry.
            let repeated = run.iter().any(|(_, (seen, _))| fold(seen) == fold(&title));
            let recased = run
                .first()
                .is_some_and(|(_, (first, _))| is_all_caps(first, 2) != is_all_caps(&title, 2));
            if repeated || recased || run.last().is_some_and(|(_, (_, last))| page < *last) {
                break;
            }
            zero_padded |= padded(at);
            run.push((non_blank[at + 1], (title, page)));
            at += 2;
        }
        // A page left after the last title is that title's: the run was
        // set title first.
        let ends_on_page = page_at(at).is_some();
        if run.len() >= MIN_RUN && (folio || !ends_on_page) && !zero_padded {
            found.extend(run);
        }
    }
    found
}

/// The number of an entry of a numbered index (`1.`, `1.1`, `IV.`, `IV.1.`)
/// as its parts, top level first: a number or a roman numeral, then numbers
/// after dots.
fn section_number(token: &str) -> Option<Vec<u32>> {
    let token = without_number_stop(token);
    let mut parts = token.split('.');
    let head = parts.next()?;
    let first = if head.chars().all(|c| c.is_ascii_digit()) {
        head.parse().ok()?
    } else {
        u32::from(roman_value(head)?)
    };
    let mut number = vec![first];
    for part in parts {
        if part.is_empty() || part.len() > 2 || !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        number.push(part.parse().ok()?);
    }
    // `2.0 Activities` is chapter 2 itself, as `2.` would be: its `2.1`
    // comes next, and it goes on from the `1.3` before it.
    while number.len() > 1 && number.last() == Some(&0) {
        number.pop();
    }
    Some(number)
}

/// How an entry's number may close before its title: a dot (`1.`), a
/// hyphen or a dash (`1-`, `3.1–`), or both (`1.-`, `1-.`), as Spanish
/// and French documents print it.
const NUMBER_STOPS: &[&str] = &[".-", "-.", ".", "-", "–"];

/// The number without the stop that closes it ([`NUMBER_STOPS`]).
fn without_number_stop(token: &str) -> &str {
    NUMBER_STOPS
        .iter()
        .find_map(|stop| token.strip_suffix(stop))
        .unwrap_or(token)
}

/// Whether a token is a number closed or parted by a stop (`1.`, `1.1`,
/// `2-`, `1.-`), not a bare one (a year, a count).
fn has_number_stop(token: &str) -> bool {
    token.contains('.') || without_number_stop(token).len() < token.len()
}

/// Whether `next` goes on from `last` in a numbered index: the first part
/// under it (`1.` → `1.1`), or the next number at its level or above
/// (`1.2` → `1.3`, `1.2` → `2.`).
fn continues(last: &[u32], next: &[u32]) -> bool {
    let first_part = next.len() == last.len() + 1
        && next.starts_with(last)
        && next.last().is_some_and(|&n| n <= 1);
    let following = (1..=last.len()).any(|depth| {
        next.len() == depth
            && next[..depth - 1] == last[..depth - 1]
            && last
                .get(depth - 1)
                .is_some_and(|&n| next[depth - 1] == n + 1)
    });
    first_part || following
}

/// Fewest entries of a numbered index.
const INDEX_MIN_ENTRIES: usize = 3;

/// The entries of a line of a numbered index (`1. Opening 1.1 Draft agenda
/// 1.2 Report of the meeting`, `III. OBJETIVOS IV. OPINIÓN IV.1.
/// Mancomunidad`), each with its number: the line opens with a number that
/// goes on from `last` (any number when there is none) and is split at each
/// number inside it that goes on in turn; a number that does not (a year, a
/// law's article) stays in its title. A lettered list run into an entry
/// (`Break-out sessions A. Gender B. …`) ends that entry's title; its letters
/// are no entries. The entries stop before the first title too long for
/// one; the flag says whether every one was kept.
fn numbered_entries(line: &str, mut last: Option<Vec<u32>>) -> (Vec<(String, Vec<u32>)>, bool) {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[0-9]{1,2}|[IVX]{1,5})(?:\.[0-9]{1,2})*(?:\.-|-\.|[.\-–])?$")
            .expect("NUMBER is a valid literal pattern")
    });
    static LETTERED: Narrowed = Narrowed::literal(r"\sA[.)]\s+\p{Lu}");
    let line = line.trim();
    let tokens = numbered_tokens(line);
    let mut starts: Vec<(usize, Vec<u32>)> = Vec::new();
    for pair in tokens.windows(2) {
        let [(start, token), (_, title)] = *pair else {
            continue;
        };
        // A title opens with a capital, or, once the numbering is known,
        // with a figure (`4. 2-1-1 Services`): the number must go on. The
        // first entry of an index may open with a year (`I. 2031 Schedule`).
        if !NUMBER.is_match(token) {
            continue;
        }
        let Some(number) = section_number(token).filter(|_| has_number_stop(token)) else {
            continue;
        };
        let first = number.iter().all(|&part| part <= 1);
        let opens_title = title.starts_with(|c: char| {
            c.is_uppercase() || ((last.is_some() || first) && c.is_ascii_digit())
        });
        if !opens_title {
            continue;
        }
        let goes_on = last
            .as_ref()
            .is_none_or(|previous| continues(previous, &number));
        if start != 0 && starts.is_empty() {
            break;
        }
        if goes_on {
            last = Some(number.clone());
            starts.push((start, number));
        } else if starts.is_empty() {
            break;
        }
    }
    let mut entries = Vec::new();
    for (at, (start, number)) in starts.iter().enumerate() {
        let end = starts.get(at + 1).map_or(line.len(), |(next, _)| *next);
        let text = line.get(*start..end).unwrap_or("");
        let text = LETTERED.find(text).map_or(text, |m| &text[..m.start()]);
        let title = text.trim();
        // Dot leaders belong to a table of contents with pages, read elsewhere.
        if word_count(title) > ENTRY_WORDS || title.contains("...") || title.contains('…') {
            return (entries, false);
        }
        entries.push((title.to_owned(), number.clone()));
    }
    (entries, true)
}

/// The words of a line with their offsets, a number run into its title
/// parted from it (`1.INTRODUCTION`, `2.1.Objetivos`: the space after the
/// number's stop was lost), so that the number is a word of its own while
/// the title, read from the line at the number's offset, stays as printed.
/// Only arabic numbers closed by a dot and followed by a capital are
/// parted: `U.S.` or `v.2` are no numbered titles.
fn numbered_tokens(line: &str) -> Vec<(usize, &str)> {
    static GLUED: Narrowed = Narrowed::literal(r"^[0-9]{1,2}(?:\.[0-9]{1,2})*\.\p{Lu}");
    let mut tokens = Vec::new();
    for word in line.split_whitespace() {
        let start = word.as_ptr() as usize - line.as_ptr() as usize;
        let glued = GLUED
            .find(word)
            .and_then(|found| word[..found.end()].char_indices().next_back())
            .map(|(at, _)| at);
        match glued {
            Some(at) => {
                tokens.push((start, &word[..at]));
                tokens.push((start + at, &word[at..]));
            }
            None => tokens.push((start, word)),
        }
    }
    tokens
}

/// The number opening an entry's title (`II.4 Normativa` → 2.4), when it
/// has a dot.
fn leading_number(title: &str) -> Option<Vec<u32>> {
    let &(_, token) = numbered_tokens(title).first()?;
    token.contains('.').then(|| section_number(token)).flatten()
}

/// Entries of a numbered index printed without pages under a contents
/// heading (`Index` / `0. Participants list` / `1. Opening 1.1 Draft
/// agenda 1.2 Report of the meeting` / `2. …`): lines whose entries
/// ([`numbered_entries`]) go on from the last entry's number. The index
/// ends at the first line whose number does not go on (the body's first
/// heading repeating an entry) or that opens with none, but for a line
/// naming a part (`CHAPTER 2`, [`is_part_line`]), an entry that numbers
/// nothing.
fn numbered_index(plains: &PackedLines, lex: &Lexicons) -> BTreeMap<usize, Vec<Heading>> {
    let mut found = BTreeMap::new();
    let lines: Vec<usize> = (0..plains.len())
        .filter(|&i| plains.get(i).is_some_and(|line| !is_blank(line)))
        .collect();
    for (at, &index) in lines.iter().enumerate() {
        let Some(head) = plains.get(index).map(str::trim) else {
            continue;
        };
        let named = !shape::heads_contents(lex, head);
        if named && !names_its_contents(head, lex) {
            continue;
        }
        let mut last: Option<Vec<u32>> = None;
        let mut run: Vec<(usize, Vec<Heading>)> = Vec::new();
        let mut parts: Vec<(usize, Vec<Heading>)> = Vec::new();
        if named {
            // The heading names what it lists (`Board Packet Table of
            // Contents`): no other shape reads it as a heading.
            parts.push((index, vec![entry(index, head.to_owned(), None)]));
        }
        for &next in lines.iter().skip(at + 1) {
            let line = plains.get(next).unwrap_or("");
            let (entries, whole) = numbered_entries(line, last.clone());
            let under_roman = run
                .last()
                .and_then(|(_, headings)| headings.first())
                .is_some_and(|heading| roman_led(&heading.title));
            if entries.is_empty() && under_roman {
                // The items lettered under the last entry, set on a line of
                // their own (`IV. Action required` / `A. Budget B. Audit`).
                if let Some(lettered) = lettered_entries(line.trim()) {
                    let headings = lettered.into_iter().map(|title| entry(next, title, None));
                    run.push((next, headings.collect()));
                    continue;
                }
            }
            let entries = with_lettered_items(line, entries);
            let Some((_, number)) = entries.last() else {
                // `CHAPTER 2` between `1.1 …` and `2.0 …` parts the index
                // without numbering an entry of it; kept out of the run,
                // whose closing numbers may be pages, as its number is not.
                if is_part_line(line, lex) {
                    parts.push((next, vec![entry(next, line.trim().to_owned(), None)]));
                    continue;
                }
                break;
            };
            last = Some(number.clone());
            run.push((
                next,
                entries
                    .into_iter()
                    .map(|(title, _)| entry(next, title, None))
                    .collect(),
            ));
            if !whole {
                break;
            }
        }
        if run.iter().map(|(_, entries)| entries.len()).sum::<usize>() >= INDEX_MIN_ENTRIES {
            with_trailing_pages(&mut run);
            found.extend(run);
            found.extend(parts);
        }
    }
    found
}

/// Most words before the contents heading closing a line that names what
/// the table lists (`Board of Directors Agenda Packet Table of Contents`).
const NAMED_CONTENTS_WORDS: usize = 8;

/// Whether a line closes on a contents heading after a few words naming
/// what the table lists (`Board Meeting Packet Table of Contents`): at most
/// [`NAMED_CONTENTS_WORDS`] words before it, none closing a sentence.
fn names_its_contents(line: &str, lex: &Lexicons) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let sentence = words.iter().any(|word| word.ends_with(['.', ',', ';']));
    if words.len() < 2 || sentence || shape::heads_contents(lex, line) {
        return false;
    }
    (1..words.len()).any(|cut| {
        cut <= NAMED_CONTENTS_WORDS && shape::heads_contents(lex, &words[cut..].join(" "))
    })
}

/// The items of a lettered list (`A. Minutes of the last meeting B. Audit
/// report C. Budget`), when `text` opens on `A.` or `A)` and the letters
/// go on in order, each before a capital or a figure; a letter out of
/// order (`U.S. Policy`) stays in its title. None when an item is too long
/// for an entry of an index or holds leaders.
fn lettered_entries(text: &str) -> Option<Vec<String>> {
    static LETTER: Narrowed = Narrowed::literal(r"(?:^|\s)(?P<letter>[A-Z])[.)]\s+[\p{Lu}0-9]");
    let mut expected = 'A';
    let mut starts = Vec::new();
    for found in LETTER.captures_iter(text) {
        let Some(letter) = found.name("letter") else {
            continue;
        };
        if letter.as_str().starts_with(expected) {
            if starts.is_empty() && letter.start() != 0 {
                return None;
            }
            starts.push(letter.start());
            expected = char::from_u32(u32::from(expected) + 1)?;
        }
    }
    if starts.first() != Some(&0) {
        return None;
    }
    let mut items = Vec::new();
    for (at, &start) in starts.iter().enumerate() {
        let end = starts.get(at + 1).copied().unwrap_or(text.len());
        let item = text.get(start..end)?.trim();
        if word_count(item) > ENTRY_WORDS || item.contains("...") || item.contains('…') {
            return None;
        }
        items.push(item.to_owned());
    }
    Some(items)
}

/// Whether an entry's title opens on a roman number (`III. Reports`).
fn roman_led(title: &str) -> bool {
    title
        .split_whitespace()
        .next()
        .is_some_and(|token| token.starts_with(['I', 'V', 'X']) && section_number(token).is_some())
}

/// The entries of a line of a numbered index with the lettered items run
/// into each roman-numbered entry after its title (`III. Reports A.
/// Membership B. Finance`, [`lettered_entries`]) set after it as entries
/// of their own, numbered as it is: letters are the level under roman
/// parts in an outline. Under an arabic number they are a list inside the
/// entry (`5. Break-out sessions A. Housing B. Transport`), and
/// [`numbered_entries`] ends the title where its letters begin.
fn with_lettered_items(line: &str, entries: Vec<(String, Vec<u32>)>) -> Vec<(String, Vec<u32>)> {
    let mut out = Vec::new();
    let mut from = 0;
    let starts: Vec<usize> = entries
        .iter()
        .map(|(title, _)| {
            let at = line
                .get(from..)
                .and_then(|rest| rest.find(title.as_str()))
                .map_or(line.len(), |at| from + at);
            from = at;
            at
        })
        .collect();
    for (at, (title, number)) in entries.into_iter().enumerate() {
        let end = starts.get(at + 1).copied().unwrap_or(line.len());
        let tail = starts
            .get(at)
            .and_then(|&start| line.get(start + title.len()..end))
            .map_or("", str::trim);
        let lettered = if roman_led(&title) {
            lettered_entries(tail).unwrap_or_default()
        } else {
            Vec::new()
        };
        out.push((title, number.clone()));
        out.extend(lettered.into_iter().map(|item| (item, number.clone())));
    }
    out
}

/// Whether a line names a part of a document and its number, alone: a
/// numbered heading of the lexicons (`Chapter 2`, `Capítulo IV`) or one
/// word in capitals and a number (`PART 3`, `TITRE II`, a misspelt
/// `CHARTPER 1`).
fn is_part_line(line: &str, lex: &Lexicons) -> bool {
    static CAPITALS_AND_NUMBER: Narrowed =
        Narrowed::literal(r"^\p{Lu}{3,}\s+(?:[0-9]{1,2}|[IVXLC]{1,6})$");
    let line = line.trim();
    word_count(line) <= 3
        && (CAPITALS_AND_NUMBER.is_match(line) || numbered(lex).is_match(&shape::folded(line)))
}

/// The pages of a numbered index whose entries each close on their page
/// without leaders (`1. INTRODUCTION 4` / `2.1 Deepening Local Democracy
/// 4` / `2.2 Service provision 7`), set apart from their titles: every
/// entry but one (the last, cut off) closes on a number of one to three
/// digits, at least [`MIN_RUN`] of them, never going back. Otherwise the
/// numbers are the titles' own.
fn with_trailing_pages(run: &mut [(usize, Vec<Heading>)]) {
    let trailing = |title: &str| -> Option<(String, u32)> {
        let (head, last) = title.trim_end().rsplit_once(' ')?;
        let digits = (1..=3).contains(&last.len()) && last.chars().all(|c| c.is_ascii_digit());
        let page = last.parse().ok().filter(|_| digits)?;
        head.chars()
            .any(char::is_alphabetic)
            .then(|| (head.trim_end().to_owned(), page))
    };
    let entries = run.iter().map(|(_, entries)| entries.len()).sum::<usize>();
    let pages: Vec<u32> = run
        .iter()
        .flat_map(|(_, entries)| entries)
        .filter_map(|heading| trailing(&heading.title).map(|(_, page)| page))
        .collect();
    if pages.len() < MIN_RUN
        || pages.len() + 1 < entries
        || pages.windows(2).any(|pair| pair[1] < pair[0])
    {
        return;
    }
    for heading in run.iter_mut().flat_map(|(_, entries)| entries.iter_mut()) {
        if let Some((title, page)) = trailing(&heading.title) {
            heading.title = title;
            heading.printed_page = Some(page);
        }
    }
}

/// Most words of an entry of an in-page table of contents.
const IN_PAGE_WORDS: usize = 8;

/// The entries of a table of contents set as a numbered list of titles at
/// the head of a web page or report (`1. Progress Reporting Overview` /
/// `2. Enhancing Identity…` / …): at least [`MIN_RUN`] items numbered from
/// 1 in order, each a short title without a stop, one of which heads a
/// part of the text below (a line of its own that repeats it). A list of
/// steps or goals repeats none of its items as a line.
fn in_page_contents(plains: &PackedLines) -> BTreeMap<usize, String> {
    static NUMBERED_ITEM: Narrowed = Narrowed::literal(
        r"^\s*(?P<number>[0-9]{1,2})[.)]\s+(?P<title>\p{Lu}[^.!?:;]*[\p{L})])\s*$",
    );
    let item = |i: usize| -> Option<(u32, String)> {
        let caps = NUMBERED_ITEM.captures(plains.get(i)?)?;
        let title = caps.name("title")?.as_str().trim();
        (word_count(title) <= IN_PAGE_WORDS)
            .then(|| {
                Some((
                    caps.name("number")?.as_str().parse().ok()?,
                    title.to_owned(),
                ))
            })
            .flatten()
    };
    // Each long enough run, with the line after it.
    let mut runs: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
    let mut at = 0;
    while at < plains.len() {
        let mut run: Vec<(usize, String)> = Vec::new();
        let mut next = at;
        while let Some((number, title)) = item(next) {
            if usize::try_from(number).ok() != Some(run.len() + 1) {
                break;
            }
            run.push((next, title));
            next += 1;
        }
        if run.len() >= MIN_RUN {
            runs.push((next, run));
        }
        at = next.max(at + 1);
    }
    // The last line that repeats each title: one pass over the text for
    // every run, not one per run.
    let mut last_repeat: HashMap<&str, usize> = runs
        .iter()
        .flat_map(|(_, run)| run.iter().map(|(_, title)| (title.as_str(), 0)))
        .collect();
    if !last_repeat.is_empty() {
        for (index, line) in plains.iter().enumerate() {
            if let Some(last) = last_repeat.get_mut(line.trim()) {
                *last = index;
            }
        }
    }
    let mut found = BTreeMap::new();
    for (next, run) in &runs {
        let repeated = run.iter().any(|(_, title)| {
            last_repeat
                .get(title.as_str())
                .is_some_and(|last| last >= next)
        });
        if repeated {
            found.extend(run.iter().cloned());
        }
    }
    found
}

/// Largest step between the pages of two neighbouring entries of a
/// contents page whose layout was lost.
const LOST_PAGE_STEP: u32 = 20;

/// The entries that can be read with certainty in a contents page whose
/// layout was lost, its titles and page numbers run into one line
/// ([`shape::is_scattered_folios`]: `… 14 cities Green, free-flowing and
/// healthy cities 16 Circular cities 18 Smarter cities 23 Looking
/// forward`): runs of at least two pieces `page Title`, each title opening
/// in capitals, closing on a letter, with at most [`IN_PAGE_WORDS`] words
/// and no number, their pages never going back nor leaping more than
/// [`LOST_PAGE_STEP`]. A piece the layout broke (`14 commitments
/// Breathable`, a title of a dozen words from two columns) ends a run.
fn lost_contents(plains: &PackedLines) -> BTreeMap<usize, Vec<(String, u32)>> {
    fn flush(run: &mut Vec<(String, u32)>, entries: &mut Vec<(String, u32)>) {
        if run.len() >= 2 {
            entries.append(run);
        }
        run.clear();
    }
    let mut found = BTreeMap::new();
    for (index, line) in plains.iter().enumerate() {
        if !shape::is_scattered_folios(line) {
            continue;
        }
        // Each bare number of one to three digits and the words up to the next.
        let mut pieces: Vec<(u32, Vec<&str>)> = Vec::new();
        for token in line.split_whitespace() {
            let folio = (1..=3).contains(&token.len()) && token.chars().all(|c| c.is_ascii_digit());
            match token.parse::<u32>() {
                Ok(page) if folio => pieces.push((page, Vec::new())),
                _ => {
                    if let Some((_, words)) = pieces.last_mut() {
                        words.push(token);
                    }
                }
            }
        }
        let mut run: Vec<(String, u32)> = Vec::new();
        let mut entries: Vec<(String, u32)> = Vec::new();
        for (page, words) in pieces {
            let title = words.join(" ");
            let readable = title.chars().next().is_some_and(char::is_uppercase)
                && title.chars().next_back().is_some_and(char::is_alphabetic)
                && !title.chars().any(|c| c.is_ascii_digit())
                && word_count(&title) <= IN_PAGE_WORDS;
            if !readable {
                flush(&mut run, &mut entries);
                continue;
            }
            let follows = run
                .last()
                .is_some_and(|&(_, last)| page >= last && page - last <= LOST_PAGE_STEP);
            if !follows {
                flush(&mut run, &mut entries);
            }
            run.push((title, page));
        }
        flush(&mut run, &mut entries);
        if !entries.is_empty() {
            found.insert(index, entries);
        }
    }
    found
}

/// Where the title of a table-of-contents entry starts when it was wrapped:
/// an entry opening in lower case (`et des présidents… ...... P. 28`), or
/// one after a line ending on a word that ends no title (`IX. ANÁLISIS
/// DEL PRESUPUESTO DE` / `INGRESOS Y GASTOS ...... 84`), continues the
/// short line before it, which is then no heading of its own.
fn wrapped_title_start(
    plains: &PackedLines,
    strong: &Strong,
    covered: &[bool],
    first: &mut Heading,
    lex: &Lexicons,
) -> Option<usize> {
    let previous = (0..first.index)
        .rev()
        .find(|&i| plains.get(i).is_some_and(|p| !is_blank(p)))?;
    let text = plains.get(previous)?;
    let dangling = text
        .split_whitespace()
        .next_back()
        .is_some_and(|w| lex.has(|l| l.function_words, &w.to_lowercase()));
    if !first.title.chars().next().is_some_and(char::is_lowercase) && !dangling {
        return None;
    }
    let free = strong
        .get(&previous)
        .is_none_or(|found| found.iter().all(|h| h.printed_page.is_none()))
        && (!covered.get(previous).copied().unwrap_or(true)
            || strong.get(&previous).is_some_and(|found| !found.is_empty()));
    if !free || word_count(text) > 12 || text.trim_end().ends_with(['.', ':']) {
        return None;
    }
    first.title = format!("{} {}", text.trim(), first.title);
    Some(previous)
}

/// Page furniture that is never a heading: a page counter (`Page 1`,
/// `Page 2 of 4`, `Página 3 de 10`), a line that is a day and little more
/// (a posting date: `Posted on 3 March 2013`, `Édition du 7 novembre 2017`),
/// or a month and its year alone (a cover's date: `JULY 2010`).
fn is_furniture(title: &str, lex: &Lexicons) -> bool {
    if is_page_counter(title, lex) {
        return true;
    }
    let folded_title = fold(title);
    let found = dates::find_dates(&folded_title, lex);
    let rest_of = |days: bool| {
        let mut rest = String::new();
        let mut at = 0;
        for date in found.iter().filter(|date| date.start.day.is_some() == days) {
            rest.push_str(folded_title.get(at..date.from).unwrap_or(""));
            rest.push(' ');
            at = date.to;
        }
        rest.push_str(folded_title.get(at..).unwrap_or(""));
        (at > 0).then_some(rest)
    };
    // A day with a few words about it is a posting date; a month and its
    // year alone (`JULY 2010`, `Enero de 2013`, `April 2015 – March 2016`)
    // date a cover or a page.
    let words = |rest: &str| {
        rest.split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .count()
    };
    rest_of(true).is_some_and(|rest| word_count(&rest) <= 3)
        || rest_of(false).is_some_and(|rest| words(&rest) == 0)
}

/// A page counter (`Page 1`, `Page 2 of 4`, `Página 3 de 10`) or a
/// navigation line: furniture even inside a table of contents, where a
/// dated line may be an entry (`Vendredi 30 septembre, journée …`).
fn is_page_counter(title: &str, lex: &Lexicons) -> bool {
    let lower = fold(title).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let counter = match words.as_slice() {
        [page, number, rest @ ..] => {
            lex.has(|l| l.page_words, page)
                && number.chars().all(|c| c.is_ascii_digit())
                && rest.len() <= 2
                && rest
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_digit()) || lex.has(|l| l.page_links, w))
        }
        _ => false,
    };
    counter || lex.navigation(&words)
}

/// A line of one-character marks and words, such as a status legend
/// (`V alcanzado 0 en proceso x no desarrollado`): not a heading.
fn is_mark_list(title: &str, lex: &Lexicons) -> bool {
    title
        .split_whitespace()
        .filter(|token| token.chars().count() == 1)
        // Punctuation set apart by spaces (`Nouveau : Les « Vagues » !`) is no mark.
        .filter(|token| !token.chars().all(|c| ":;,.!?«»–—-\"'“”".contains(c)))
        .filter(|token| !lex.has(|l| l.one_letter_words, &token.to_lowercase()))
        .count()
        >= 2
}

/// Index of the first non-blank line after `index`.
fn next_non_blank(raws: &PackedLines, index: usize) -> Option<usize> {
    (index + 1..raws.len()).find(|&i| raws.get(i).is_some_and(|r| !is_blank(r)))
}

/// Index of the last non-blank line before `index`.
fn previous_non_blank(raws: &PackedLines, index: usize) -> Option<usize> {
    (0..index)
        .rev()
        .find(|&i| raws.get(i).is_some_and(|r| !is_blank(r)))
}

/// Line shapes of a whole text, for following chains of headings.
struct Shapes<'a> {
    raws: &'a PackedLines<'a>,
    plains: &'a PackedLines<'a>,
    /// Whether each line holds a strong heading.
    strong: &'a [bool],
    candidate: &'a [bool],
    /// Index of the first body line (the end of the title area).
    first_body: usize,
}

impl Shapes<'_> {
    fn is_body(&self, index: usize) -> bool {
        let (Some(raw), Some(text)) = (self.raws.get(index), self.plains.get(index)) else {
            return false;
        };
        let sentence = text.contains(':') || text.ends_with(['.', '!', '?', '…', ')', '"', '»']);
        bullet(raw).is_some()
            || is_table_row(raw)
            || (text.ends_with(':') && !is_label(text))
            || (text.chars().count() >= BODY_CHARS && sentence)
    }

    /// Whether line `index` is a paragraph of prose: a long sentence.
    fn is_prose(&self, index: usize) -> bool {
        self.plains.get(index).is_some_and(|text| {
            text.chars().count() >= BODY_CHARS
                && text.ends_with(['.', '!', '?', '…', ')', '"', '»'])
        })
    }

    /// Whether the sentence-case candidate at `index` introduces body text.
    fn leads_to_body(&self, index: usize, depth: usize) -> bool {
        let Some(next) = next_non_blank(self.raws, index) else {
            return false;
        };
        // A label heads a paragraph; over a list or a short line it names
        // them (`Metropolis Urban Innovation:` / `- Webinar…`, `Resultados:`
        // / `V Alcanzados: 49…`).
        // So does a numbered section: an item of a numbered list is followed
        // by the next item or a short line, a section by its paragraph.
        let section_number = self
            .raws
            .get(index)
            .is_some_and(|raw| NUMBERED_SECTION.is_match(raw));
        let label = self.plains.get(index).is_some_and(is_label);
        if section_number || label {
            let raw = self.raws.line(next);
            // A label's paragraph may lead into a list (`… trois missions
            // essentielles :` / `• …`); an item of a numbered list (a roll's
            // `6. Name Surname`) over such a line heads nothing.
            let leads_into_list = label
                && self.plains.get(next).is_some_and(|text| {
                    text.chars().count() >= BODY_CHARS && text.ends_with(':') && !is_label(text)
                });
            return bullet(raw).is_none()
                && !is_table_row(raw)
                && (self.is_prose(next) || leads_into_list);
        }
        if self.is_body(next) {
            return true;
        }
        let after_number = previous_non_blank(self.raws, index)
            .and_then(|i| self.plains.get(i))
            .is_some_and(is_number_only);
        let numbered = self
            .plains
            .get(index)
            .is_some_and(|p| NUMBERED_TITLE.is_match(p));
        if after_number || numbered {
            return false;
        }
        let (next, depth) = match self.plains.get(next) {
            // `Capacidades…` / `6` / `Seminario Internacional…`: a numbered
            // subheading split over two lines sits between a heading and its body.
            Some(p) if is_number_only(p) => match next_non_blank(self.raws, next) {
                Some(after) => (after, depth + 1),
                None => return false,
            },
            _ => (next, depth),
        };
        if depth == 0 && index < self.first_body && self.strong.get(next).copied().unwrap_or(false)
        {
            return true;
        }
        depth < MAX_CHAIN
            && self.candidate.get(next).copied().unwrap_or(false)
            && self.leads_to_body(next, depth + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(source: &str) -> Vec<(u8, String)> {
        let text = Text::from_plain(source);
        find_headings(&text, &BTreeSet::new(), &Lexicons::all())
            .into_iter()
            .map(|h| (h.level, h.title))
            .collect()
    }

    /// The headings' titles alone, in order.
    fn title_texts(source: &str) -> Vec<String> {
        titles(source).into_iter().map(|(_, title)| title).collect()
    }

    /// The lines (index, title) `in_page_contents` reads in `source`.
    fn in_page(source: &str) -> Vec<(usize, String)> {
        let text = Text::from_plain(source);
        let plains = PackedLines::of_lines(&text, |line| line.plain);
        in_page_contents(&plains).into_iter().collect()
    }

    #[test]
    fn an_in_page_contents_needs_one_title_repeated_below_it() {
        // English, one title repeated as a line of its own under the list.
        let english = "1. Overview\n2. Housing Policy\n3. Next Steps\n\nIntro text.\n\nHousing Policy\n\nBody.\n";
        assert_eq!(
            in_page(english),
            [
                (0, "Overview".to_owned()),
                (1, "Housing Policy".to_owned()),
                (2, "Next Steps".to_owned())
            ]
        );
        // Spanish, the title repeated only above the list: a list of steps.
        let above = "Movilidad urbana\n\n1. Diagnóstico\n2. Movilidad urbana\n3. Evaluación final\n\nTexto.\n";
        assert_eq!(in_page(above), []);
        // French, two items only: no contents, however repeated.
        let short = "1. Bilan\n2. Perspectives\n\nBilan\n\nPerspectives\n";
        assert_eq!(in_page(short), []);
        // Two lists: only the one whose title a later line repeats counts,
        // even when that line comes after the other list.
        let two = "1. Alpha\n2. Beta\n3. Gamma\n\n1. Uno\n2. Dos\n3. Tres\n\nBeta\n";
        assert_eq!(
            in_page(two),
            [
                (0, "Alpha".to_owned()),
                (1, "Beta".to_owned()),
                (2, "Gamma".to_owned())
            ]
        );
        let second = "1. Alpha\n2. Beta\n3. Gamma\n\n1. Uno\n2. Dos\n3. Tres\n\nDos\n";
        assert_eq!(
            in_page(second),
            [
                (4, "Uno".to_owned()),
                (5, "Dos".to_owned()),
                (6, "Tres".to_owned())
            ]
        );
    }

    #[test]
    fn a_byline_over_a_wire_dateline_is_no_heading() {
        let source = "Inmaculada López\n\nMadrid, 20 jun (EFE).- Los ayuntamientos aprobaron el plan de movilidad con el voto de todos los grupos.\n\nEl plan\n\nEl documento recoge doce medidas para los próximos cuatro años.\n";
        let found = title_texts(source);
        assert!(
            !found.iter().any(|title| title == "Inmaculada López"),
            "{found:?}"
        );
        let source = "Inmaculada López\n\nLa alcaldesa presentó el plan de movilidad ante el pleno del ayuntamiento.\n";
        let found = title_texts(source);
        assert_eq!(found, ["Inmaculada López"]);
    }

    #[test]
    fn a_web_pages_link_notes_are_no_words_of_its_headings() {
        let source = "PRESENTATIONS\n\nThe chair presented an award to a member of staff.\n\n31.\n\nDECLARATIONS OF INTEREST\n\nThere were no declarations of interest.\n\n32.\n\nMINUTES pdf icon PDF 90 KB\n\nTo authorise the Chairman to sign the minutes of the last meeting.\n";
        let found = title_texts(source);
        assert_eq!(
            found,
            [
                "PRESENTATIONS",
                "31. DECLARATIONS OF INTEREST",
                "32. MINUTES"
            ]
        );
        let source = "Agenda:\n\n1. CHAIRMAN - To elect a Chairman of the Council for the ensuing year.\n\n2. ALLOCATION OF SEATS Opens in a new window - To receive a report of the Chief Executive.\n\n3. QUESTION TIME\n";
        let found = title_texts(source);
        assert_eq!(
            found,
            [
                "Agenda",
                "1. CHAIRMAN - To elect a Chairman of the Council for the ensuing year.",
                "2. ALLOCATION OF SEATS - To receive a report of the Chief Executive.",
                "3. QUESTION TIME"
            ]
        );
    }

    #[test]
    fn an_item_number_on_its_own_line_numbers_the_heading_under_it() {
        // Meeting pages print each item's number on a line of its own.
        let source = "PRESENTATIONS\n\nThe chair presented an award to a member of staff.\n\n31.\n\nDECLARATIONS OF INTEREST\n\nThere were no declarations of interest.\n\n32.\n\nPUBLIC QUESTIONS\n\nTwo questions were received from residents.\n";
        let found = title_texts(source);
        assert_eq!(
            found,
            [
                "PRESENTATIONS",
                "31. DECLARATIONS OF INTEREST",
                "32. PUBLIC QUESTIONS"
            ]
        );
        // Codes of two levels closed by a dash or not (`2.0-`, `3.0`), as
        // Québec councils print their agendas; a column of numbers read
        // apart from their titles numbers none of them.
        let source = "ORDRE DU JOUR\n1.0-\nPRIÈRE\n2.0-\nADMINISTRATION GÉNÉRALE\n2.1-\nAdoption des comptes;\n3.0\nSÉCURITÉ INCENDIE\n4.0-\n5.0-\n6.0-\nHYGIÈNE DU MILIEU\n6.1-\nRésultat de la consultation;\n";
        let found = title_texts(source);
        for title in [
            "1.0- PRIÈRE",
            "2.0- ADMINISTRATION GÉNÉRALE",
            "3.0 SÉCURITÉ INCENDIE",
            "HYGIÈNE DU MILIEU",
        ] {
            assert!(found.iter().any(|t| t == title), "{title}: {found:?}");
        }
        // A bare number above a heading is a page's or a figure's.
        let source = "Our year in numbers\n\n12\n\nNEW MEMBER TOWNS\n\nTwelve towns joined the network this year.\n";
        let found = title_texts(source);
        assert!(found.iter().all(|t| !t.starts_with("12")), "{found:?}");
    }

    #[test]
    fn heading_shapes() {
        let cases: &[(&str, &[(u8, &str)])] = &[
            ("## Hub of knowledge\n\ntext", &[(2, "Hub of knowledge")]),
            ("LÍNEA DE ACCIÓN 2\n\nCapacidades", &[(1, "LÍNEA DE ACCIÓN 2")]),
            ("| Junio | • V Foro\n• Conferencia\n• Foro Chicago |\n\nOtros\n", &[]),
            ("Action line 3\nsome text", &[(1, "Action line 3")]),
            (
                "LÍNEA DE ACCIÓN 1^(L1) Ejercer la diplomacia urbana y la incidencia en cuestiones metropolitanas\ntext",
                &[(1, "LÍNEA DE ACCIÓN 1^(L1) Ejercer la diplomacia urbana y la incidencia en cuestiones metropolitanas")],
            ),
            ("Axe 2 apprentissage entre pairs\ntext", &[(1, "Axe 2 apprentissage entre pairs")]),
            (
                "\nV alcanzado 0 en proceso x no desarrollado\n\nL2M2 Que los resultados de todos los proyectos se estudien activamente como un todo.\n",
                &[],
            ),
            ("**Plan de trabajo 2019 de la Secretaría\nGeneral**\ntext", &[(1, "Plan de trabajo 2019 de la Secretaría General")]),
            ("JUNTA DIRECTIVA\n\ntext", &[(1, "JUNTA DIRECTIVA")]),
            ("text\n\n**Ajuntament de\nBarcelona**\n", &[]),
            (
                "\nCentro de conocimiento\n\nProductos, servicios y acciones relacionadas con Metropolis: Plataforma\n",
                &[(2, "Centro de conocimiento")],
            ),
            (
                "\nSecretaría General\n\nPlan de trabajo 2019\n\nAcciones principales\n\n- item\n",
                &[(2, "Secretaría General"), (2, "Plan de trabajo 2019"), (2, "Acciones principales")],
            ),
            ("5\n\nColaboradoras\n\nMIEMBROS\n\nAntalya", &[(1, "MIEMBROS")]),
            (
                "\nInforme Anual 2023\n\nÍNDICE\n\nUna nota larga que ocupa una línea entera de texto corrido, con punto final.\n\nJordi Vaquer\n\nSecretario General de Metropolis\n\nPRINCIPALES RESULTADOS\n\ntext",
                &[(2, "Informe Anual 2023"), (1, "ÍNDICE"), (1, "PRINCIPALES RESULTADOS")],
            ),
            (
                "\nConocimiento\n\n5\n\nEstratégicas\n\n2\n\nPatrocinadora\n\nREUNIONES\n\n1",
                &[(1, "REUNIONES")],
            ),
            (
                "\nCapacidades\n\n6\n\nSeminario Internacional\n\nEn una visita a Guangzhou, el equipo de Metropolis colaboró con CGLU.\n",
                &[(2, "Capacidades"), (2, "Seminario Internacional")],
            ),
            ("Antalya\n\nKonya\n\nQingdao\n\nTánger\n", &[]),
            ("30 ALIANZAS ACTIVAS\n", &[]),
            (
                "LIST OF ACRONYMS\n\nARDA\nCIVET\nKOLM\n\nThe partners met twice this year in the valley.\n",
                &[(1, "LIST OF ACRONYMS")],
            ),
            ("- Respaldo a declaraciones políticas\n", &[]),
            ("Ordre du jour :\n   - Approbation du budget\n   - Travaux de voirie\n", &[(1, "Ordre du jour")]),
            ("Provisional Agenda\n\nFor the 12th Board Meeting\n", &[(1, "Provisional Agenda")]),
            ("| Junio | • V Foro |\n", &[]),
            ("Otros: Memorando de Entendimiento con UITP y C40\n\n- a\n", &[]),
        ];
        for (source, want) in cases {
            let want: Vec<(u8, String)> = want.iter().map(|(l, t)| (*l, (*t).to_owned())).collect();
            assert_eq!(titles(source), want, "{source:?}");
        }
    }

    #[test]
    fn contents_entries_are_sections_with_their_printed_pages() {
        let text = Text::from_plain(
            "Contents\nForeword ..................... 2\n1 Highlights of the year ....... 3\n5.1 Accounts\t\t8\n\nPage 1 of 4\n\nForeword\n\nThe year was a demanding one for every member of the association.\n",
        );
        let headings = find_headings(&text, &BTreeSet::new(), &Lexicons::all());
        let got: Vec<(&str, Option<u32>)> = headings
            .iter()
            .map(|h| (h.title.as_str(), h.printed_page))
            .collect();
        assert_eq!(
            got,
            [
                ("Contents", None),
                ("Foreword", Some(2)),
                ("1 Highlights of the year", Some(3)),
                ("5.1 Accounts", Some(8)),
                ("Foreword", None),
            ]
        );
    }

    fn entries(source: &str) -> Vec<(String, Option<u32>)> {
        let text = Text::from_plain(source);
        find_headings(&text, &BTreeSet::new(), &Lexicons::all())
            .into_iter()
            .map(|h| (h.title, h.printed_page))
            .collect()
    }

    fn owned(list: &[(&str, Option<u32>)]) -> Vec<(String, Option<u32>)> {
        list.iter().map(|(t, p)| ((*t).to_owned(), *p)).collect()
    }

    #[test]
    fn contents_part_headings_without_pages_and_entries_cut_off() {
        // A part heading printed without a page between the contents
        // heading and its first entry, and an entry whose page an excerpt
        // cut off at the end of the text: both are entries.
        let source = "ÍNDICE\nPresentación\nPalabras del secretario ejecutivo ............ 08\nIntroducción ........................ 10\nCELAC ............................... 15\nUNASUR ...............................\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("ÍNDICE", None),
                ("Presentación", None),
                ("Palabras del secretario ejecutivo", Some(8)),
                ("Introducción", Some(10)),
                ("CELAC", Some(15)),
                ("UNASUR", None),
            ])
        );
    }

    #[test]
    fn contents_listed_without_a_heading_when_every_page_rises() {
        // A designed contents page whose heading was lost: six entries or
        // more, each page past the last, some titles in small capitals read
        // as lower case (en, es, fr).
        for (folio, titles) in [
            (
                "3 THE NETWORK | ANNUAL REPORT 2031",
                [
                    "Mission and values",
                    "Who we are",
                    "our members",
                    "board of directors",
                    "Message from the Chair",
                    "Finances",
                ],
            ),
            (
                "3 LA RED | MEMORIA 2031",
                [
                    "Misión y valores",
                    "Quiénes somos",
                    "nuestros socios",
                    "junta directiva",
                    "Mensaje del Presidente",
                    "Finanzas",
                ],
            ),
            (
                "3 LE RÉSEAU | RAPPORT ANNUEL 2031",
                [
                    "Mission, vision, valeurs",
                    "Qui sommes-nous",
                    "profil des membres",
                    "organigramme",
                    "Message du président",
                    "Finances",
                ],
            ),
        ] {
            let mut source = format!("{folio}\n\n");
            for (at, title) in titles.iter().enumerate() {
                source.push_str(&format!("{title} {}\n\n", 4 + 2 * at));
            }
            source.push_str(
                "The year began with a new board and a long agenda of work for the members.\n",
            );
            let expected: Vec<(String, Option<u32>)> = titles
                .iter()
                .enumerate()
                .map(|(at, title)| ((*title).to_owned(), Some(4 + 2 * at as u32)))
                .collect();
            let found: Vec<_> = entries(&source)
                .into_iter()
                .filter(|(_, page)| page.is_some())
                .collect();
            assert_eq!(found, expected, "{folio}");
        }
        // Counts that rise only now and then, or too few lines, are no
        // contents without a heading.
        for source in [
            "Members 12\n\nCities 40\n\nRegions 9\n\nCountries 31\n\nPartners 55\n\nStaff 14\n\nThe figures are those of December.\n",
            "Mission 4\n\nMembers 6\n\nBoard 8\n\nFinances 10\n\nThe figures are those of December.\n",
        ] {
            assert!(
                entries(source).iter().all(|(_, page)| page.is_none()),
                "{source}"
            );
        }
    }

    #[test]
    fn contents_entries_whose_page_follows_a_single_space() {
        // A contents page without leaders or gaps: each title then its page
        // after one space, chapter titles without pages between them; one
        // closing on a stop is an entry, one too long for a part heading and
        // wrapped is left out but does not end the table.
        let source = "Sommaire\nAvant-propos 5\nPartie A : Le territoire et ses habitants.\n1.1. Démographie. 12\n1.2. Logement 15\nPartie B : Les services rendus aux habitants des communes rurales et des bourgs\nvoisins.\n2.1.Transports scolaires. 21\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Sommaire", None),
                ("Avant-propos", Some(5)),
                ("Partie A : Le territoire et ses habitants.", None),
                ("1.1. Démographie.", Some(12)),
                ("1.2. Logement", Some(15)),
                ("2.1.Transports scolaires.", Some(21)),
            ])
        );
        // Out of a table of contents, a line closing on a number is no entry.
        assert!(entries("Informe del año\n\nSe inscribieron en el programa 45\n").is_empty());
    }

    #[test]
    fn items_of_an_agenda_set_one_under_the_other_are_headings() {
        // Under a line naming the agenda: items that count on, with a
        // description line and a sub-heading (a heading too) between some
        // of them; the last item, at the end of the text, is kept.
        let source = "Tagesordnung der Sitzung:\n1) Begrüßung\n2) Bericht des Bürgermeisters:\nDer Bürgermeister berichtet über das Jahr.\nNichtöffentlicher Teil\n3) Personalangelegenheiten\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("1) Begrüßung", None),
                ("2) Bericht des Bürgermeisters:", None),
                ("Nichtöffentlicher Teil", None),
                ("3) Personalangelegenheiten", None),
            ])
        );
        let source = "Se trataron los temas del orden del día\n1.- Lectura del acta.\n2.- Cartas recibidas:\na) Nota de la escuela.\n3.- Varios.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("1.- Lectura del acta.", None),
                ("2.- Cartas recibidas:", None),
                ("3.- Varios.", None),
            ])
        );
        // A numbered list that follows no agenda's name is no list of headings.
        let source = "Le maire peut, par délégation :\n1. fixer les tarifs des droits de voirie ;\n2. passer les contrats d'assurance ;\n3. créer les régies comptables.\n";
        assert!(entries(source).is_empty(), "{:?}", entries(source));
    }

    #[test]
    fn items_of_an_agenda_no_line_names_are_headings() {
        // Every item printed `1.` (a Markdown renderer's numbering), most
        // opening with an agenda's words: the page of a meeting's agenda.
        let source = "Members of the public may speak for ten minutes before the meeting.\n\n  1. To receive apologies for absence.\n  1. To approve the minutes of the last meeting.\n  1. To consider the hire of the hall.\n  1. Items for the next meeting.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("1. To receive apologies for absence.", None),
                ("1. To approve the minutes of the last meeting.", None),
                ("1. To consider the hire of the hall.", None),
                ("1. Items for the next meeting.", None),
            ])
        );
        let source = "Le conseil s'est réuni en mairie pour examiner les points suivants.\n- Approbation du procès-verbal\n- Désignation du secrétaire de séance\n- Élection des délégués\n- Travaux de voirie\n";
        assert_eq!(entries(source).len(), 4, "{:?}", entries(source));
        // A list whose items mostly open otherwise stays a list.
        let source = "Our aims for the year:\n- To receive more visitors\n- Build a new library\n- Repair the main bridge\n- Open a youth centre\n";
        assert!(entries(source).is_empty(), "{:?}", entries(source));
    }

    #[test]
    fn an_agenda_run_into_one_line_is_split_at_its_marks() {
        let source = "Etaient présents : M. A, Mme B. L'ordre du jour était le suivant : ✓ Présentation du budget ✓ Travaux : - voirie - école ✓ Questions diverses\n\nLe maire ouvre la séance à vingt heures et présente le budget de l'année.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Présentation du budget", None),
                ("Travaux : - voirie - école", None),
                ("Questions diverses", None),
            ])
        );
        // Marks without an agenda's name before them make no agenda.
        let source = "Nos projets : ✓ une école ✓ une piscine ✓ un parc\n";
        assert!(entries(source).is_empty(), "{:?}", entries(source));
    }

    #[test]
    fn a_numbered_index_without_pages_is_split_at_the_numbers_that_go_on() {
        let source = "Index\n\n0. Participants list\n\n1. Opening 1.1 Draft agenda 1.2 Report of the 2030 meeting (Harlow)\n\n2. Workshops A. Housing B. Transport\n\n3. Work plan 2032\n\n0. Participants list\n\nThe list gives each participant with the council they represent.\n";
        assert_eq!(
            entries(source).into_iter().take(7).collect::<Vec<_>>(),
            owned(&[
                ("Index", None),
                ("0. Participants list", None),
                ("1. Opening", None),
                ("1.1 Draft agenda", None),
                ("1.2 Report of the 2030 meeting (Harlow)", None),
                ("2. Workshops", None),
                ("3. Work plan 2032", None),
            ])
        );
        // Entries whose pages were not printed go on after the last page.
        let (found, whole) = numbered_entries(
            "III. OBJETIVOS Y ALCANCE IV. OPINIÓN IV.1. Mancomunidad 2.500 habitantes IV.2. Sociedad",
            Some(vec![2, 4]),
        );
        assert!(whole);
        let titles: Vec<&str> = found.iter().map(|(title, _)| title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "III. OBJETIVOS Y ALCANCE",
                "IV. OPINIÓN",
                "IV.1. Mancomunidad 2.500 habitantes",
                "IV.2. Sociedad"
            ]
        );
        // Entries each closing on their page without leaders, under a
        // heading closed by a colon; the last one cut off.
        let paged = "TABLE OF CONTENTS:\n\n1. INTRODUCTION 4\n\n2. STATE OF THE TOWNS 4\n\n2.1 Roads and Bridges 6\n\n2.2 Water Supply 9\n\n2.3 Sta\n";
        assert_eq!(
            entries(paged),
            owned(&[
                ("TABLE OF CONTENTS:", None),
                ("1. INTRODUCTION", Some(4)),
                ("2. STATE OF THE TOWNS", Some(4)),
                ("2.1 Roads and Bridges", Some(6)),
                ("2.2 Water Supply", Some(9)),
                ("2.3 Sta", None),
            ])
        );
        // A line opening on a number that does not go on is no entry.
        assert!(numbered_entries("5. Anexos", Some(vec![2, 4])).0.is_empty());
        assert!(continues(&[1], &[1, 1]) && continues(&[1, 2], &[2]) && !continues(&[1], &[3]));
    }

    #[test]
    fn a_named_index_with_roman_parts_and_lettered_items() {
        let source = "Harbour Board Meeting Packet Table of Contents\n\nI. 2031 Spring Meeting Schedule\n\nII. Business Meeting Agenda A. Minutes of the Winter Meeting B. Minutes of the Annual Meeting\n\nIII. Reports A. Treasurer Report\n\nIV. Items for Decision\n\nA. Draft Budget for 2032 B. U.S. Policy Update\n\nPacket Page 1\n\nThe board meets at the harbour office in the spring of each year.\n";
        let found = entries(source);
        for title in [
            "Harbour Board Meeting Packet Table of Contents",
            "I. 2031 Spring Meeting Schedule",
            "II. Business Meeting Agenda",
            "A. Minutes of the Winter Meeting",
            "B. Minutes of the Annual Meeting",
            "III. Reports",
            "A. Treasurer Report",
            "IV. Items for Decision",
            "A. Draft Budget for 2032",
            "B. U.S. Policy Update",
        ] {
            assert!(
                found.iter().any(|(t, page)| t == title && page.is_none()),
                "{title}: {found:?}"
            );
        }
        assert!(found.iter().all(|(t, _)| t != "Packet Page 1"), "{found:?}");
        let source = "Contents\n\nI. Overview\n\nII. Reports A. Membership B. Finance\n\nPage 2\n\nThe board met twice in the year at the harbour office.\n";
        assert!(
            entries(source).iter().all(|(t, _)| !t.starts_with("Page")),
            "{:?}",
            entries(source)
        );
        // Letters out of order stay in their title; a sentence naming a
        // table of contents names no index.
        assert_eq!(
            lettered_entries("A. Budget C. Audit B. Staff"),
            Some(vec!["A. Budget C. Audit".to_owned(), "B. Staff".to_owned()])
        );
        assert_eq!(lettered_entries("Budget A. Audit"), None);
        let lex = Lexicons::all();
        assert!(names_its_contents("Board Packet Table of Contents", &lex));
        assert!(!names_its_contents(
            "See the list below. Table of Contents",
            &lex
        ));
        assert!(!names_its_contents("Table of Contents", &lex));
    }

    #[test]
    fn a_numbered_index_with_part_lines_chapters_numbered_zero_and_dashed_numbers() {
        // Chapter lines part the index; `2.0` is chapter 2 and goes on
        // from `1.1`, its `2.1` from it.
        let source = "TABLE OF CONTENTS\n\nCHAPTER 1\n\n1.0 Introduction\n\n1.1 Objectives of the year\n\nCHAPTER 2\n\n2.0 Activities Report\n\n2.1 Status of the projects\n\n2.2 Funding sources\n\nINTRODUCTION\n\nThe district lies in the centre of the region and is growing fast.\n";
        let found = entries(source);
        for title in [
            "CHAPTER 1",
            "1.0 Introduction",
            "1.1 Objectives of the year",
            "CHAPTER 2",
            "2.0 Activities Report",
            "2.1 Status of the projects",
            "2.2 Funding sources",
        ] {
            assert!(
                found.iter().any(|(t, page)| t == title && page.is_none()),
                "{title}: {found:?}"
            );
        }
        // Numbers closed by a hyphen or a dash, in Spanish and French.
        let source = "CONTENIDO\n\n1- PRESENTACIÓN\n\n2- ANTECEDENTES\n\n3- MARCO CONCEPTUAL\n\n3.1- Enfoque territorial\n\n4.- PLAN OPERATIVO 2030\n\nEl plan se elaboró con las organizaciones del distrito durante el año.\n";
        let found = entries(source);
        for title in [
            "1- PRESENTACIÓN",
            "2- ANTECEDENTES",
            "3- MARCO CONCEPTUAL",
            "3.1- Enfoque territorial",
            "4.- PLAN OPERATIVO 2030",
        ] {
            assert!(found.iter().any(|(t, _)| t == title), "{title}: {found:?}");
        }
        let source = "Sommaire\n\nPARTIE I\n\n1 – Le réseau\n\n2 – Les projets\n\nPARTIE II\n\n3 – Les comptes\n\nLe réseau a réuni ses membres trois fois dans l'année.\n";
        let found = entries(source);
        for title in ["PARTIE I", "PARTIE II"] {
            assert!(found.iter().any(|(t, _)| t == title), "{title}: {found:?}");
        }
        // A part line alone makes no index; neither do bare numbers.
        let source = "Contents\n\nCHAPTER 1\n\n2030 Budget\n\n12 Members\n\n3 Towns\n";
        assert!(
            entries(source)
                .iter()
                .all(|(t, _)| t != "2030 Budget" && t != "12 Members"),
            "{:?}",
            entries(source)
        );
        assert_eq!(section_number("2.0"), Some(vec![2]));
        assert_eq!(section_number("0."), Some(vec![0]));
        assert_eq!(section_number("1.-"), Some(vec![1]));
        assert_eq!(section_number("3.1–"), Some(vec![3, 1]));
        assert!(!has_number_stop("12") && has_number_stop("2-") && has_number_stop("1.2"));
    }

    #[test]
    fn a_section_numbered_with_a_hyphen_heads_its_paragraph() {
        for source in [
            "1- PRESENTACIÓN\n\nEl presente plan operativo recoge las acciones acordadas con las organizaciones del distrito para el año.\n",
            "1 – APPROBATION DU COMPTE RENDU\n\nLe conseil municipal approuve à l'unanimité le compte rendu de la séance précédente.\n",
            "2.1 – Budget of the network\n\nThe network closed the year with a small surplus that the board chose to carry forward.\n",
        ] {
            let found = entries(source);
            let first = source.lines().next().unwrap_or_default();
            assert!(found.iter().any(|(t, _)| t == first), "{first}: {found:?}");
        }
    }

    #[test]
    fn a_numbered_agenda_run_into_one_paragraph_is_split_where_numbers_go_on() {
        let source = "Agenda\n\n1. Welcome 2. Apologies 3. Minutes 3.1 Minutes of the 2030 Meeting 4 3.2 Actions Arising 9 4. Budget 4.1 Accounts 12\n\n5 4.2 Fees 15 5. Motions • Lighting • Ferries\n\nThe papers follow.\n";
        assert_eq!(
            entries(source).into_iter().skip(1).collect::<Vec<_>>(),
            owned(&[
                ("1. Welcome", None),
                ("2. Apologies", None),
                ("3. Minutes", None),
                ("3.1 Minutes of the 2030 Meeting", Some(4)),
                ("3.2 Actions Arising", Some(9)),
                ("4. Budget", None),
                ("4.1 Accounts", Some(12)),
                ("4.2 Fees", Some(15)),
                ("5. Motions", None),
            ])
        );
        // After an agenda's name inside a paragraph; a number that does
        // not go on (`no 2104`, `4. 2031`) stays in its title.
        let line = "Le conseil siège. ORDRE DU JOUR 1. OUVERTURE 1.1 Ouverture de la séance 2. TRAVAUX 2.1 Règlement no 2104 sur le chemin 3. VARIA";
        let (found, run) = run_in_numbered(0, line, None, &Lexicons::all()).unwrap_or_default();
        let titles: Vec<&str> = found.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "1. OUVERTURE",
                "1.1 Ouverture de la séance",
                "2. TRAVAUX",
                "2.1 Règlement no 2104 sur le chemin",
                "3. VARIA"
            ]
        );
        assert_eq!(run.last, vec![3]);
        // A lone number, or fewer than three entries, opens no run; nor
        // does a numbered list of sentences.
        for line in [
            "1 PROVINCE OF THE VALLEY Minutes of the meeting held on 3 March.",
            "1. Welcome 2. Apologies",
            "1. The council met. 2. The mayor spoke. 3. The clerk read the minutes.",
        ] {
            assert!(
                run_in_numbered(0, line, None, &Lexicons::all()).is_none(),
                "{line}"
            );
        }
    }

    #[test]
    fn a_number_run_into_its_title_still_numbers_an_entry() {
        // The space after the number's stop was lost in extraction: en, es, fr.
        for (line, titles) in [
            (
                "1.INTRODUCTION 1.1 Legislative Framework 1.2 Process Plan 2.REVIEW PROCESS",
                vec![
                    "1.INTRODUCTION",
                    "1.1 Legislative Framework",
                    "1.2 Process Plan",
                    "2.REVIEW PROCESS",
                ],
            ),
            (
                "1.Antecedentes 1.1.Marco legal 2.Objetivos",
                vec!["1.Antecedentes", "1.1.Marco legal", "2.Objetivos"],
            ),
            (
                "Sommaire 1.PRÉSENTATION 2.BILAN 3.PERSPECTIVES",
                vec!["1.PRÉSENTATION", "2.BILAN", "3.PERSPECTIVES"],
            ),
        ] {
            let (found, _) = run_in_numbered(0, line, None, &Lexicons::all()).unwrap_or_default();
            let found: Vec<&str> = found.iter().map(|h| h.title.as_str()).collect();
            assert_eq!(found, titles, "{line}");
        }
        // A dotted abbreviation or a version is no number run into a title.
        assert_eq!(
            numbered_tokens("U.S.Army v2.Beta 3.x"),
            vec![(0, "U.S.Army"), (9, "v2.Beta"), (17, "3.x")]
        );
        assert_eq!(
            numbered_tokens("2.1.Objetivos"),
            vec![(0, "2.1."), (4, "Objetivos")]
        );
    }

    #[test]
    fn a_numbered_list_of_titles_repeated_below_is_a_table_of_contents() {
        let source = "Progress Reporting\n\n  1. Overview of the Plan\n  2. Enhancing Identity and Community\n  3. Maximizing our Assets\n\nOverview of the Plan\n\nThe council completed a strategic planning process that set a vision for the city.\n\nOur goals for the year:\n\n  1. Build a new library\n  2. Repair the main bridge\n  3. Open a youth centre\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Progress Reporting", None),
                ("Overview of the Plan", None),
                ("Enhancing Identity and Community", None),
                ("Maximizing our Assets", None),
                ("Overview of the Plan", None),
            ])
        );
    }

    #[test]
    fn contents_spread_over_lines_and_sections_numbered_with_dots() {
        // Entries whose page stands on the next line (alone or after
        // leaders); sections numbered `1.` and `1.1` in sentence case over
        // their paragraphs; a numbered list over short items is no heading.
        let source = "SOMMAIRE\n\nLe mot du président\n4\nLa vie du réseau\n8\nLe bureau 2030-2032\n10\n3. Les finances\n........ 12\n\n1. Introduction\n\nThe network grew during the year and welcomed many new cities from every region.\n\n1.1 Context of the plan\n\nThe plan was adopted by the general assembly after a long consultation of members.\n\nOur aims:\n\n1. Build a library\n\n2. Repair the bridge\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("SOMMAIRE", None),
                ("Le mot du président", Some(4)),
                ("La vie du réseau", Some(8)),
                ("Le bureau 2030-2032", Some(10)),
                ("3. Les finances", Some(12)),
                ("1. Introduction", None),
                ("1.1 Context of the plan", None),
            ])
        );
    }

    #[test]
    fn contents_set_one_page_and_one_title_a_line() {
        // A designed contents page read column by column: each page over
        // its title, the contents page's own folio first.
        let page_first = "Table of contents\n\n2\n\n3\n\nOpening words\n\n4\n\nOur members\n\n7\n\nRegional work\n\n12\n\nAccounts\n\nOpening words The network grew during the year and welcomed many new towns from every region of the country.\n";
        assert_eq!(
            entries(page_first),
            owned(&[
                ("Table of contents", None),
                ("Opening words", Some(3)),
                ("Our members", Some(4)),
                ("Regional work", Some(7)),
                ("Accounts", Some(12)),
            ])
        );
        let no_folio = page_first.replace("2\n\n3\n\nOpening", "3\n\nOpening");
        assert_eq!(entries(&no_folio), entries(page_first));
        // The same lines set title first (`Éditorial` / `3`), the run
        // ending on a page: not read page first, no title takes the page
        // printed over it.
        let title_first = "Rapport annuel 2030\n\nCONTENU\n\n2\n\nÉditorial\n\n3\n\nNos membres\n\n4\n\nComptes annuels\n\n9\n\nÉDITORIAL\n\nLe réseau a grandi pendant l’année et accueilli de nombreuses communes de toutes les régions.\n";
        let read = entries(title_first);
        for wrong in [("Éditorial", 2), ("Nos membres", 3), ("Comptes annuels", 4)] {
            assert!(
                !read.contains(&(wrong.0.to_owned(), Some(wrong.1))),
                "{wrong:?}: {read:?}"
            );
        }
        // Numbers with a leading zero over titles may be chapters' numbers
        // as well as pages: no entry is read from them.
        let padded = page_first
            .replace("\n3\n\nOpening", "\n03\n\nOpening")
            .replace("\n4\n\nOur", "\n04\n\nOur");
        assert_eq!(
            entries(&padded)
                .iter()
                .filter(|(_, page)| page.is_some())
                .count(),
            0
        );
    }

    #[test]
    fn labels_with_an_elided_article_or_over_a_lead_into_a_list() {
        let source = "Le But de l’Association:\n\nL’association a pour but de participer à la libre administration des communes du pays.\n\nSes Missions:\n\nLe bureau national réuni en atelier a assigné trois missions essentielles à l’association :\n\n  •   la représentation des communes ;\n  •   la promotion du partenariat.\n\nSes Objectifs:\n\nL’association veut renforcer la décentralisation et la gouvernance locale dans tout le pays.\n";
        let titles: Vec<String> = entries(source)
            .into_iter()
            .map(|(title, _)| title)
            .collect();
        assert_eq!(
            titles,
            ["Le But de l’Association", "Ses Missions", "Ses Objectifs"]
        );
    }

    #[test]
    fn a_byline_heads_nothing() {
        let source = "Towns of the valley meet in spring\n\nBy Ann Lee\n\nThe association of towns will meet in the capital this year, its chair said yesterday.\n\nPar Jean Roy, rédacteur\n\nLe congrès des communes se tiendra au printemps dans la capitale, a annoncé la présidente.\n\nBy Land and Sea\n\nThe towns of the coast share their ferries and their roads with the islands.\n";
        let titles: Vec<String> = entries(source)
            .into_iter()
            .map(|(title, _)| title)
            .collect();
        assert!(
            !titles
                .iter()
                .any(|t| t.starts_with("By Ann") || t.starts_with("Par Jean")),
            "{titles:?}"
        );
        assert!(titles.iter().any(|t| t == "By Land and Sea"), "{titles:?}");
    }

    #[test]
    fn headlines_of_news_listings_may_be_long() {
        let source = "Le 23 février 2030,\nFonds de solidarité pour la ville : avancée des activités d’accès à l’eau potable, février 2030\nDepuis octobre, le fonds de solidarité a mobilisé les dons de nombreuses collectivités du pays pour les habitants.\nEN SAVOIR PLUS\nLe 17 février 2030,\nNouveau en 2030 : Les « Vagues thématiques » du réseau !\nLe réseau anime plusieurs dynamiques thématiques afin d’accompagner l’action internationale des collectivités.\nEN SAVOIR PLUS\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Fonds de solidarité pour la ville : avancée des activités d’accès à l’eau potable, février 2030", None),
                ("Nouveau en 2030 : Les « Vagues thématiques » du réseau !", None),
            ])
        );
    }

    #[test]
    fn numbered_headings_in_capitals_without_a_prefix_word() {
        // Minutes number their items with roman numerals or numbers and a
        // dot, the titles in capitals (an ordinal may keep its lower-case
        // ending); a bare number before capitals is a figure's label.
        // A run of numbered lines in capitals is a list, not headings.
        let source = "I ADOPTION DU PROCÈS-VERBAL DU 1er DÉCEMBRE 2016\n\nLe procès-verbal est adopté.\n\nII ATTRIBUTION DE COMPENSATION – MISE EN PLACE – AUTORISATION – DÉCISION\n\nMadame le Maire expose les motifs de la délibération soumise au conseil.\n\n2. BUDGET PRIMITIF\n\nLe budget est voté.\n\n30 ALIANZAS ACTIVAS\n\n5\n\nNuestros objetivos:\n\n3. SALUD Y BIENESTAR\n\n5. IGUALDAD DE GÉNERO\n\n7. ENERGÍA ASEQUIBLE Y NO CONTAMINANTE\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("I ADOPTION DU PROCÈS-VERBAL DU 1er DÉCEMBRE 2016", None),
                (
                    "II ATTRIBUTION DE COMPENSATION – MISE EN PLACE – AUTORISATION – DÉCISION",
                    None
                ),
                ("2. BUDGET PRIMITIF", None),
            ])
        );
    }

    #[test]
    fn headings_in_capitals_with_some_letters_set_small() {
        // A display font may map some capitals to small letters, and a
        // writer may type accented capitals small: the line is still set in
        // capitals. Ordinary writing with capitals in it is not.
        let source = "RESSoURCES hUmAINES\n\nLe service a recruté douze agents.\n\nLA VIE DU RéSEAU\n\nLes communes se sont réunies.\n\nSDGs and NGOs\n\nThe programme grew.\n";
        assert_eq!(
            title_texts(source),
            ["RESSoURCES hUmAINES", "LA VIE DU RéSEAU"]
        );
    }

    #[test]
    fn contents_entries_with_page_words_ranges_and_wrapped_titles() {
        let source = "Sommaire\n\nHabitat ...... P. 8-15 Logement - Foncier\n\nLes écoles du réseau\n\net leurs maîtres ...... P . 16-21\n\nComptes ...... p. 22 Chapitre 3 Les moyens\n\nLe réseau a tenu ses réunions habituelles.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Sommaire", None),
                ("Habitat", Some(8)),
                ("Les écoles du réseau et leurs maîtres", Some(16)),
                ("Comptes", Some(22)),
                ("Chapitre 3 Les moyens", None),
            ])
        );
    }

    #[test]
    fn contents_heading_closing_the_cover_line_heads_the_entries_below() {
        // The cover's title line runs into the contents heading, in
        // capitals; the entries below mix ellipses and dots in their
        // leaders, which only a contents heading lets be entries.
        let source = "RIVERBEND TOWN CORPORATION\n\nYearly Report 2030-2031 TABLE OF CONTENTS\n\nIntroduction………………………..…. .9 The Town of Riverbend…………….… ..10 Population Trends………………... 11\n";
        let found = entries(source);
        assert!(
            found.contains(&("The Town of Riverbend".to_owned(), Some(10))),
            "{found:?}"
        );
        assert!(
            found.contains(&("Population Trends".to_owned(), Some(11))),
            "{found:?}"
        );
        // Tables of contents headed over their page column, in the plural.
        let source =
            "Table of Contents Pages\n\nCoats of Arms 3\n\nDirectory 4\n\nCorporate Overview 8\n";
        let found = entries(source);
        assert!(
            found.contains(&("Directory".to_owned(), Some(4))),
            "{found:?}"
        );
    }

    #[test]
    fn contents_entries_closed_by_their_page_reference() {
        let source = "Index\n\nI. OUR TOWNS AND THEIR PEOPLE A shared agenda - p. 10 Housing for all - p. 12\n\nThe road network - p. 14\n\nII. WE LEARN TOGETHER Peer learning p. 20\n\nThe year was a busy one for every town of the network.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Index", None),
                ("I. OUR TOWNS AND THEIR PEOPLE", None),
                ("A shared agenda", Some(10)),
                ("Housing for all", Some(12)),
                ("The road network", Some(14)),
                ("II. WE LEARN TOGETHER", None),
                ("Peer learning", Some(20)),
            ])
        );
        // One reference in running text is no entry.
        let prose = entries("BUDGET\n\nThe figures are in the annex - p. 12 for details.\n");
        assert!(prose.iter().all(|(_, page)| page.is_none()), "{prose:?}");
    }

    #[test]
    fn entries_of_a_line_whose_leaders_mix_ellipses_and_dots() {
        let run_on = "TABLE OF CONTENTS Background………...…….1 1.1 Vision…………...1 1.2 Mission Statement……..……2 2.0 Projects…….…….…...12\n\nThe report follows.\n";
        let found = entries(run_on);
        for (title, page) in [
            ("Background", Some(1)),
            ("1.1 Vision", Some(1)),
            ("1.2 Mission Statement", Some(2)),
            ("2.0 Projects", Some(12)),
        ] {
            assert!(
                found.contains(&(title.to_owned(), page)),
                "{title}: {found:?}"
            );
        }
        // An entry printed without leaders runs into the next one's long
        // title: its page between them parts the two.
        let run_in = "CONTENTS\n\nSUMMARY ...... 6 Result Area 2: Stronger Demand for Accountable Councils at the Local Level ...... 21 Sub-Result 2.1: Citizen Participation in Council Planning and Policy Development Increased 21 Sub-Result 2.2: Social Accountability and Transparency of Public Spending Management Improved ...... 23\n\nThe report follows.\n";
        let found = entries(run_in);
        for (title, page) in [
            ("Sub-Result 2.1: Citizen Participation in Council Planning and Policy Development Increased", Some(21)),
            ("Sub-Result 2.2: Social Accountability and Transparency of Public Spending Management Improved", Some(23)),
        ] {
            assert!(
                found.contains(&(title.to_owned(), page)),
                "{title}: {found:?}"
            );
        }
    }

    #[test]
    fn a_mark_after_leaders_outside_a_table_of_contents_is_no_page() {
        // A plan's table whose status column prints a cross after leaders:
        // no table of contents heads it, so the cross is no roman page.
        let table = "Actions of the year\n\nRepair the market roof .............. x\nOpen the new library ................ v\nTrain the ward clerks .................. x\n\nThe council reviews them in June.\n";
        let found = entries(table);
        assert!(
            !found.iter().any(|(title, _)| title.starts_with("Repair")
                || title.starts_with("Open")
                || title.starts_with("Train")),
            "{found:?}"
        );
        // Nor after rows whose marks are digits read as pages (`…… 0`).
        let digits = "Actions of the year\n\nRepair the market roof .............. 0\nOpen the new library ................ v\nTrain the ward clerks .................. 1\n\nThe council reviews them in June.\n";
        let found = entries(digits);
        assert!(
            !found.iter().any(|(title, _)| title.starts_with("Open")),
            "{found:?}"
        );
        // The same lines under a contents heading are its front matter.
        let contents = "TABLE OF CONTENT Foreword .............. v Acronyms ............ vi 1.0 Introduction .......... 1\n\nThe report covers the year.\n";
        let found = entries(contents);
        for (title, page) in [
            ("Foreword", None),
            ("Acronyms", None),
            ("1.0 Introduction", Some(1)),
        ] {
            assert!(
                found.contains(&(title.to_owned(), page)),
                "{title}: {found:?}"
            );
        }
    }

    #[test]
    fn contents_with_roman_front_matter_pages_and_codes_set_apart() {
        // A contents page read as one line: front matter paged in roman
        // numerals, then the body's entries.
        let run_on = "COUNTY GOVERNMENT OF LAKESIDE ANNUAL DEVELOPMENT PLAN 2031/32 Contents List of tables ......................v Acknowledgement ...................vii Vision ....................... viii CHAPTER 1 COUNTY BACKGROUND ..................1 1.1 Introduction ..............1 1.2 County Background Information .............3\n\nThe plan was prepared by the department.\n";
        let found = entries(run_on);
        for (title, page) in [
            ("Contents", None),
            ("List of tables", None),
            ("Acknowledgement", None),
            ("Vision", None),
            ("CHAPTER 1 COUNTY BACKGROUND", Some(1)),
            ("1.1 Introduction", Some(1)),
            ("1.2 County Background Information", Some(3)),
        ] {
            assert!(
                found.contains(&(title.to_owned(), page)),
                "{title}: {found:?}"
            );
        }
        // One entry a line, a code set apart from its title by a wide gap,
        // and a front-matter page in capitals.
        let spaced = "TABLE OF CONTENTS\n\n      ABBREVIATIONS.......................... III\n\n1.0            INTRODUCTION ........................ 4\n      1.1      BACKGROUND ........................... 4\n      1.2      REPORTING PERIOD ..................... 5\n\nThe report covers the year.\n";
        let found = entries(spaced);
        for (title, page) in [
            ("ABBREVIATIONS", None),
            ("1.0 INTRODUCTION", Some(4)),
            ("1.1 BACKGROUND", Some(4)),
            ("1.2 REPORTING PERIOD", Some(5)),
        ] {
            assert!(
                found.contains(&(title.to_owned(), page)),
                "{title}: {found:?}"
            );
        }
        // A roman numeral with its stop numbers the next entry.
        let numbered =
            "SOMMAIRE Avant-propos ........ 3 I. Finances ........ 4\n\nLe texte suit.\n";
        assert!(
            entries(numbered).contains(&("I. Finances".to_owned(), Some(4))),
            "{:?}",
            entries(numbered)
        );
    }

    #[test]
    fn contents_with_dash_leaders_or_mixed_dots_and_ellipses() {
        // A contents page read as one line whose leaders are dashes.
        let dashed = "SUMMARY OF THE YEAR 1 TABLE OF CONTENTS FOREWORD ------3 I. RESULTS OF THE YEAR ------4 1.1. Roads and bridges ------6 CONCLUSION ------9\n\nThe year was a busy one.\n";
        let found = entries(dashed);
        for (title, page) in [
            ("FOREWORD", 3),
            ("I. RESULTS OF THE YEAR", 4),
            ("1.1. Roads and bridges", 6),
            ("CONCLUSION", 9),
        ] {
            assert!(
                found.contains(&(title.to_owned(), Some(page))),
                "{title}: {found:?}"
            );
        }
        // Leaders mixing ellipses and dots, as a text layer mixes them.
        let mixed = "CONTENTS\n\nA WORD FROM THE MAYOR ……….………..9\n\nTHE CITY IN FIGURES ……..…12\n\nThe year was a busy one.\n";
        assert_eq!(
            entries(mixed),
            owned(&[
                ("CONTENTS", None),
                ("A WORD FROM THE MAYOR", Some(9)),
                ("THE CITY IN FIGURES", Some(12)),
            ])
        );
        // Inside running text such a run closes a form's label and its
        // count.
        let form = "Etaient présents : Anne MARTIN, Paul ROUX. EN EXERCICE……….. 15 Louis PETIT PRESENTS……………. 10 Pouvoirs : de Anne MARTIN à Paul ROUX.\n";
        assert!(
            entries(form).iter().all(|(_, page)| page.is_none()),
            "{:?}",
            entries(form)
        );
        // A rule of dashes over a year is no leader.
        assert_eq!(
            entries("The budget\n---------\n2030\n\nThe year was a busy one.\n")
                .iter()
                .filter(|(_, page)| page.is_some())
                .count(),
            0
        );
    }

    #[test]
    fn contents_entries_closed_by_a_slash_and_their_page() {
        let source = "Contents\n\nOur members /3 Training days /5 Study visits /8 Awards of the year /11\n\nThe year was a busy one.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Contents", None),
                ("Our members", Some(3)),
                ("Training days", Some(5)),
                ("Study visits", Some(8)),
                ("Awards of the year", Some(11)),
            ])
        );
        // Titles that hold numbers of their own, or open in lower case,
        // are the runs of another reading: left out.
        let mixed = "Foreword 03 Who we are 04 Mission /04 Board /05 Networks /06 Members 08 the Award /12 Publications /17\n\nThe year was a busy one.\n";
        let found = entries(mixed);
        for title in ["Board", "Networks", "Publications"] {
            assert!(found.iter().any(|(t, _)| t == title), "{title}: {found:?}");
        }
        assert!(
            found
                .iter()
                .all(|(t, _)| !t.contains("Mission") && !t.contains("Award")),
            "{found:?}"
        );
        // Two slashes make no run, nor does a date.
        assert!(entries("Roads /4 Bridges /6\n\nThe year was a busy one.\n")
            .iter()
            .all(|(_, page)| page.is_none()));
        assert!(entries("Posted 12 / 05 / 2030 by the clerk / 3 views\n")
            .iter()
            .all(|(_, page)| page.is_none()));
    }

    #[test]
    fn contents_read_as_one_line_give_every_entry() {
        let run_on = "Our year . . . . . 4Our towns . . . . . . .9\n\nThe year was a busy one.\n";
        assert_eq!(
            entries(run_on),
            owned(&[("Our year", Some(4)), ("Our towns", Some(9))])
        );
        let page_first = "Welcome from the chair. CONTENTS P. 3 A word from the chair P. 5 P. 4 Our towns in figures P. 9 Roads and bridges 2 • REPORT 2030\n\nThe year was a busy one.\n";
        assert_eq!(
            entries(page_first),
            owned(&[
                ("CONTENTS", None),
                ("A word from the chair", Some(3)),
                ("Our towns in figures", Some(4)),
                ("Roads and bridges", Some(9)),
            ])
        );
        // Two page references are no table of contents.
        assert_eq!(
            entries("Contents P. 3 A word P. 5 Roads\n\nThe year was a busy one.\n"),
            owned(&[])
        );
    }

    #[test]
    fn contents_listed_without_leaders_next_to_their_heading() {
        let source = "Board of the year 2\n\nA word from the chair 3\n\nAccounts 9\n\nCONTENTS\n\nOur aim\n\nThe association serves the towns of the valley and their staff.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Board of the year", Some(2)),
                ("A word from the chair", Some(3)),
                ("Accounts", Some(9)),
                ("CONTENTS", None),
                ("Our aim", None),
            ])
        );
        // The same lines with no contents heading beside them are not entries.
        // A title may end on a year before its page.
        let dated = "Contents\nA word from the chair 2\nThe network in 2030 4\nAccounts 9\n\nA word from the chair\n\nThe association serves the towns of the valley and their staff.\n";
        assert_eq!(
            entries(dated),
            owned(&[
                ("Contents", None),
                ("A word from the chair", Some(2)),
                ("The network in 2030", Some(4)),
                ("Accounts", Some(9)),
                ("A word from the chair", None),
            ])
        );
        let bare = "Board of the year 2\n\nA word from the chair 3\n\nAccounts 9\n";
        assert!(entries(bare).iter().all(|(_, page)| page.is_none()));
        // A page word between a title and its page is the page's.
        let worded = "Contenu\nPortrait de l’union Page 3\nÉditorial Page 4\nComptes annuels Page 38\n\nLe réseau a grandi pendant l’année et accueilli de nombreuses communes.\n";
        assert_eq!(
            entries(worded),
            owned(&[
                ("Contenu", None),
                ("Portrait de l’union", Some(3)),
                ("Éditorial", Some(4)),
                ("Comptes annuels", Some(38)),
            ])
        );
    }

    #[test]
    fn contents_listed_page_first_under_their_heading() {
        // One entry a line, the page before the title; the heading may run
        // into the first entry, and a title into a subtitle after a year.
        let source = "Índice03 Carta de la presidenta\n\n05 Quiénes somos\n\n9Cuentas del ejercicio\n\n14Proyectos2029 en cifras\n\nLa asociación reúne a los pueblos del valle y a su personal técnico.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Carta de la presidenta", Some(3)),
                ("Quiénes somos", Some(5)),
                ("Cuentas del ejercicio", Some(9)),
                ("Proyectos", Some(14)),
            ])
        );
        let headed = "SOMMAIRE\n\n2 Le mot du maire\n3 Nos communes\n8 Le budget en 2031\n\nLes communes du canton se sont réunies deux fois cette année.\n";
        assert_eq!(
            entries(headed),
            owned(&[
                ("SOMMAIRE", None),
                ("Le mot du maire", Some(2)),
                ("Nos communes", Some(3)),
                ("Le budget en 2031", Some(8)),
            ])
        );
        // Numbered lines with no contents heading above, or whose numbers
        // go back, are no table of contents.
        let steps = "Steps\n\n1 Call the members\n2 Book the hall\n3 Send the papers\n";
        assert!(entries(steps).iter().all(|(_, page)| page.is_none()));
        let back = "Contents\n\n8 Accounts\n2 Members\n9 Board\n";
        assert!(entries(back).iter().all(|(_, page)| page.is_none()));
    }

    #[test]
    fn programme_days_and_agenda_parts_after_their_time_slots() {
        // A day of a programme over its time slots, with or without a
        // venue between; an agenda's parts numbered in roman numerals after
        // their slot; a slot holding an item without a part number is no
        // heading, nor is a dated line with no slot under it.
        let source = "Jeudi 12 mars 2030 - Journée des territoires\n\n9h30 Accueil des participants\n\n10h00 à 11h30 Table ronde sur l'eau\n\nVendredi 13 mars 2030\nSalle des fêtes de la mairie\n14 h 00 Visite du port\n\n9:00-9:20 I. Welcome by the Chair\n\n9:20 - 10:05am II. Reports of the Secretariat\n\n10:05 Coffee\n\nMonday, 2 June 2030\n\nThe board met to review the accounts of the association for the year.\n";
        assert_eq!(
            titles(source)
                .into_iter()
                .map(|(_, title)| title)
                .collect::<Vec<_>>(),
            [
                "Jeudi 12 mars 2030 - Journée des territoires",
                "Vendredi 13 mars 2030",
                "I. Welcome by the Chair",
                "II. Reports of the Secretariat",
            ]
        );
    }

    #[test]
    fn contents_pages_whose_layout_was_lost_keep_the_entries_read_with_certainty() {
        // Titles and pages of two columns run into one line: only runs of
        // `page Title` whose pages go on steadily are entries; a title the
        // columns broke, a lone piece and a leap of pages are not.
        let source = "TOWNS 2030 annual review 8 2 6 Jobs Our towns as engines of fair and green growth for all 9 growth 4 Housing 4 our future 11 Clean water for every village 11 Culture and heritage 12 Roads and bridges\n\n13 17 Improving Safer streets 14 commitments Rivers 16 Schools 18 Parks and gardens 23 Looking ahead\n\n26 27 28 31 32 Heritage Our work Looking 100 Days, 100 ways\n\nThe year was a busy one for every town of the valley.\n";
        assert_eq!(
            entries(source),
            owned(&[
                ("Clean water for every village", Some(11)),
                ("Culture and heritage", Some(11)),
                ("Roads and bridges", Some(12)),
                ("Schools", Some(16)),
                ("Parks and gardens", Some(18)),
                ("Looking ahead", Some(23)),
            ])
        );
    }

    #[test]
    fn page_counters_and_posting_dates_are_never_headings() {
        for line in [
            "Page 1",
            "PAGE 2 OF 4",
            "Página 3 de 10",
            "Posted on 3 March 2013",
            "Édition du 7 novembre 2017",
        ] {
            let source = format!("\n{line}\n\nThe association met twice this year to review its programme of work.\n");
            assert_eq!(titles(&source), [], "{line}");
        }
    }

    #[test]
    fn headings_of_texts_set_one_paragraph_a_line() {
        let source = "Strategic Plan\n\
            The City adopted a plan with nine long-term goals for the community and its government.\n\
            Goals\n\
            - Create affordable housing for the most vulnerable members of the community\n\
            - Provide well-maintained infrastructure and facilities\n\
            Project Status\n\
            The following chart shows the status of the projects at the end of the fiscal year.\n\
            Click here for full text\n\
            Actualité / Crises et réhabilitation\n\
            Fonds de solidarité pour Haïti : les avancées de mai à octobre 2023\n\
            Depuis octobre, le fonds a mobilisé des dons des collectivités pour l'accès à l'eau.\n\
            EN SAVOIR PLUS\n";
        let found = title_texts(source);
        assert_eq!(
            found,
            [
                "Strategic Plan",
                "Goals",
                "Project Status",
                "Fonds de solidarité pour Haïti : les avancées de mai à octobre 2023"
            ]
        );
    }

    #[test]
    fn labels_of_document_hosts_are_no_headings_on_french_and_spanish_pages() {
        for (code, labels, title) in [
            (
                "fr",
                &[
                    "Citation preview",
                    "TRANSCRIPT",
                    "Transcription",
                    "CONTINUER À LIRE",
                    "La page est créée Jeanne Roy",
                ][..],
                "Bilan de l'année",
            ),
            (
                "es",
                &[
                    "Citation preview",
                    "TRANSCRIPT",
                    "SEGUIR LEYENDO",
                    "Página creada por Ana Gil",
                ][..],
                "Balance del año",
            ),
            (
                "en",
                &["CONTINUE READING", "Page created by Ada Wren"][..],
                "The year in review",
            ),
        ] {
            let source = format!(
                "{}\n\n{title}\n\nEl texto del informe sigue aquí, con sus párrafos.\n",
                labels.join("\n\n")
            );
            let text = Text::from_plain(&source);
            let found: Vec<String> =
                find_headings(&text, &BTreeSet::new(), &Lexicons::for_codes([code]))
                    .into_iter()
                    .map(|h| h.title)
                    .collect();
            assert!(
                found.iter().all(|t| !labels.contains(&t.as_str())),
                "{code}: {found:?}"
            );
        }
    }

    #[test]
    fn contents_listed_under_a_heading_run_into_the_paragraph_above() {
        let source = "Our annual report shares our performance and activities over the year. Table of Contents\n\n\
            President’s Message 4\n\n\
            Highlights 6\n\n\
            Advocacy 9\n\n\
            Member Services 25\n\n\
            Financial Statements 43 Whether it is your council or another local authority, we speak with one voice.\n";
        let found = entries(source);
        assert_eq!(
            found,
            owned(&[
                ("President’s Message", Some(4)),
                ("Highlights", Some(6)),
                ("Advocacy", Some(9)),
                ("Member Services", Some(25)),
            ])
        );
    }

    #[test]
    fn a_short_label_ending_in_a_colon_heads_its_paragraph() {
        let source = "\nFinancial Impact:\n\nNot applicable\nPrepared By:\nA. Lee, Policy Analyst\nSummary Statement:\n\nThe attached report provides the Council with an update on the accomplishments of the staff.\n\n\
            Members noted the report and asked the staff to present the following points to the board:\n\n\
            The next meeting will review the budget and the programme of work for the coming year.\n\n\
            Urban Innovation Programme:\n\n- Webinar on urban innovation, March\n- Global forum, June\n";
        let found = title_texts(source);
        assert_eq!(found, ["Summary Statement"]);
    }

    #[test]
    fn items_nest_o_sub_bullets() {
        let text = Text::from_plain(
            "## Pilot projects\n- Closure of 6 Pilot Projects:\n  - o METROAirports\n  - o Surplus Food Network\n- Ongoing Pilot Projects:\n o Metropolis in movement\n",
        );
        let headings = find_headings(&text, &BTreeSet::new(), &Lexicons::all());
        let found = sections(&text, &Profile::unknown(), &headings);
        assert_eq!(found.len(), 1);
        let items = &found[0].items;
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].children.len(), 2);
        assert_eq!(items[0].children[1].text, "Surplus Food Network");
        assert_eq!(items[1].children[0].text, "Metropolis in movement");
        assert_eq!((found[0].end_page, found[0].end_line), (1, 6));
    }

    #[test]
    fn contents_read_as_one_line_with_bare_pages() {
        let glued = "YEAR BOOK 2031 Harbour Towns Union TABLE OF CONTENTS Our Towns2 Chair’s Letter3 \
                     Board Members5 Water Projects11 Budget Summary14 HTU YEAR BOOK | 1 Our Towns Alder, Town";
        assert_eq!(
            entries(glued),
            vec![
                ("TABLE OF CONTENTS".to_owned(), None),
                ("Our Towns".to_owned(), Some(2)),
                ("Chair’s Letter".to_owned(), Some(3)),
                ("Board Members".to_owned(), Some(5)),
                ("Water Projects".to_owned(), Some(11)),
                ("Budget Summary".to_owned(), Some(14)),
            ]
        );
        let spaced = "REPORT 2031 CONTENTS TOWN MAP 3 OUR MEMBERS 4 CHAIR LETTER 6 FINANCES 9 \
                      GRANTS 12 3 3 TOWN MAP";
        let found = entries(spaced);
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(found[5], ("GRANTS".to_owned(), Some(12)));
        // A text layer that doubles every space keeps each title whole.
        let doubled = "Table  des  matières\n\nCHAPITRE  1  BILAN  2031  ..........  5\n\n\
                       ADMINISTRATION  GENERALE  ..........  5\n\nHEURES  SUPPLEMENTAIRES  ..........  6\n";
        assert_eq!(
            entries(doubled)
                .into_iter()
                .filter(|(_, page)| page.is_some())
                .collect::<Vec<_>>(),
            owned(&[
                ("CHAPITRE 1 BILAN 2031", Some(5)),
                ("ADMINISTRATION GENERALE", Some(5)),
                ("HEURES SUPPLEMENTAIRES", Some(6)),
            ])
        );
        // Pages printed as ranges (`5-6`) and a title opening on its year,
        // after the labels of the columns.
        let ranges =
            "CONTENTS Title Page No. Foreword 3 About the Council 5-6 2031/32 Budget Outline 7-8 \
                      Our Parks 9 Members 10-12 Calendar of meetings 2031/32 13";
        assert_eq!(
            entries(ranges),
            owned(&[
                ("CONTENTS", None),
                ("Foreword", Some(3)),
                ("About the Council", Some(5)),
                ("2031/32 Budget Outline", Some(7)),
                ("Our Parks", Some(9)),
                ("Members", Some(10)),
                ("Calendar of meetings 2031/32", Some(13)),
            ])
        );
        // Titles numbered to three levels keep their numbers; a number right
        // after the heading or a page opens the next title and is no page.
        let numbered = "HARBOUR REPORT 2031 | 3 Sommaire Avant-propos 2 Sommaire 3 1 Conseil 4 \
                        1.1 Bureau du conseil 4 1.2 Commissions 5 1.2.1 Commission des ports 6 \
                        2 Finances 9 2.1 Comptes de 2031 10 Le conseil s'est réuni";
        assert_eq!(
            entries(numbered),
            owned(&[
                ("Sommaire", None),
                ("Avant-propos", Some(2)),
                ("Sommaire", Some(3)),
                ("1 Conseil", Some(4)),
                ("1.1 Bureau du conseil", Some(4)),
                ("1.2 Commissions", Some(5)),
                ("1.2.1 Commission des ports", Some(6)),
                ("2 Finances", Some(9)),
                ("2.1 Comptes de 2031", Some(10)),
            ])
        );
        // A range that runs backwards is no page.
        assert!(entries("CONTENTS Foreword 3 Grants 12 Roads 9-4 Parks 15")
            .iter()
            .all(|(_, page)| *page != Some(9)));
        // Entries one a line, then the rest run into one line without
        // leaders, long titles stating findings among them.
        let continued = "Contents\n\nForeword 3\n\nKey Facts 6\n\nPart One: Finances 8 Key Messages 8 Councils spent more on roads than in any year since the new councils were formed 9 Staff costs 11 Reserves 14\n\nThe towns of the valley met twelve times this year.\n";
        assert_eq!(
            entries(continued),
            owned(&[
                ("Contents", None),
                ("Foreword", Some(3)),
                ("Key Facts", Some(6)),
                ("Part One: Finances", Some(8)),
                ("Key Messages", Some(8)),
                (
                    "Councils spent more on roads than in any year since the new councils were formed",
                    Some(9)
                ),
                ("Staff costs", Some(11)),
                ("Reserves", Some(14)),
            ])
        );
        // Numbers in running text after the word are no run of entries.
        assert!(
            entries("The contents of 3 boxes and 4 crates were 5 times 6 items sold")
                .iter()
                .all(|(_, page)| page.is_none())
        );
    }

    #[test]
    fn contents_read_across_two_columns_give_each_run_of_titles_its_pages() {
        // Titles then their pages: a run as long as its pages takes them in
        // order; a run longer than its pages keeps its titles without pages.
        let across = "Harbour Union 2031 Contents Foreword Page 2 Members Board Staff Page 5 \
                      Page 7 Page 8 Ports Ferries Bridges and tunnels Page 12 Page 14 2 Foreword \
                      The year 2031 was";
        assert_eq!(
            entries(across),
            owned(&[
                ("Contents", None),
                ("Foreword", Some(2)),
                ("Members", Some(5)),
                ("Board", Some(7)),
                ("Staff", Some(8)),
                ("Ports", None),
                ("Ferries", None),
                ("Bridges and tunnels", None),
            ])
        );
        // Pages each after its own title are read as before.
        let paired = "Sommaire Le mot du maire Page 3 Les élus Page 5 Le budget Page 8";
        assert_eq!(
            entries(paired),
            owned(&[
                ("Sommaire", None),
                ("Le mot du maire", Some(3)),
                ("Les élus", Some(5)),
                ("Le budget", Some(8)),
            ])
        );
    }

    #[test]
    fn a_contents_page_goes_on_over_short_lines_whose_pages_run_into_titles() {
        // The first line makes the table (six entries); the next ones hold
        // two or three, their part heading in small capitals read in lower
        // case glued to the first title.
        let pages = "Cover\n\nBudget Overview 4Revenue 7Spending 9Debt 12Staff 14Assets 17\n\n\
                     parks and gArdensTrees 20Playgrounds 22\n\n\
                     culturE Library 25Museum 27Theatre 29\n";
        let found = entries(pages);
        for wanted in [
            ("Assets".to_owned(), Some(17)),
            ("Playgrounds".to_owned(), Some(22)),
            ("Museum".to_owned(), Some(27)),
            ("Theatre".to_owned(), Some(29)),
        ] {
            assert!(found.contains(&wanted), "{wanted:?} not in {found:?}");
        }
        // Alone, such a short line is no table of contents.
        assert!(
            entries("Cover\n\nparks and gArdensTrees 20Playgrounds 22\n")
                .iter()
                .all(|(_, page)| page.is_none())
        );
    }

    #[test]
    fn contents_on_one_line_with_part_headings_page_furniture_or_no_heading() {
        // Part headings in capitals open their first title; the page's
        // own `PAGE 2` after the run does not undo it.
        let parted = "Year Book 2031 SOMMAIRE NOTRE RÉSEAU Carte des villes 4 Le bureau 6 \
                      ACTIONS PUBLIQUES Transports 9 Logement 12 PAGE 2 PAGE 3 Les villes membres";
        assert_eq!(
            entries(parted),
            owned(&[
                ("SOMMAIRE", None),
                ("NOTRE RÉSEAU", None),
                ("Carte des villes", Some(4)),
                ("Le bureau", Some(6)),
                ("ACTIONS PUBLIQUES", None),
                ("Transports", Some(9)),
                ("Logement", Some(12)),
            ])
        );
        // Without a heading: titles whose pages run into the next title.
        let headless = "Palabras 3Agenda 4Movilidad 6Vivienda 9Cultura 12Cuentas 15Socios 18";
        let found = entries(headless);
        assert_eq!(found.len(), 7, "{found:?}");
        assert_eq!(found[3], ("Vivienda".to_owned(), Some(9)));
        // A sentence with a few such numbers is none.
        let prose = "We visited 3Towns and 4Cities in the year of the 5Rivers walk.";
        assert!(entries(prose).iter().all(|(_, page)| page.is_none()));
    }

    #[test]
    fn roll_calls_set_a_name_a_line_are_no_headings() {
        let source = "ACTA DE LA SESIÓN\n\nASISTENTES\n\nALCALDE-PRESIDENTE:\nD. TOMÁS IBÁÑEZ RUIZ\nCONCEJALES:\nDª ROSA VIDAL PRIETO.\nD.\nÁNGEL\nRUIZ\nD. IVÁN SOTO MENA\nSECRETARIA:\nDª LUZ PARDO GIL\n\nACUERDOS\n\nSe aprueba el acta de la sesión anterior por unanimidad de los presentes.\n";
        let found = titles(source);
        let found: Vec<&str> = found.iter().map(|(_, title)| title.as_str()).collect();
        assert_eq!(found, ["ACTA DE LA SESIÓN", "ACUERDOS"]);
        // A board list, a name, its city, a dash and a role a line.
        let board = "PLAN ESTRATÉGICO 2031 - 2035\n\nDirectorio 2031 – 2033\n\nMarta Ruiz (Sucre) – Presidenta\n\nTomás Ibáñez Vera (Oruro) – Primer Vicepresidente\n\nLucía Paz Rivas – Vocal\n\nPRESENTACIÓN\n\nEl plan ordena el trabajo de la asociación durante cinco años.\n";
        let found = titles(board);
        assert!(
            found
                .iter()
                .all(|(_, title)| !title.contains(" – ") || title.starts_with("Directorio")),
            "{found:?}"
        );
        // One honorific line alone makes no roll: lettered items stay.
        let lettered = "C. PUBLIC COMMENT\n\nThe chair opened the floor to the public for ten minutes.\n\nD. ADJOURNMENT\n\nThe meeting closed at nine in the evening after the vote.\n";
        let found = titles(lettered);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn contents_entry_wrapped_after_a_word_that_ends_no_title() {
        let found = entries(
            "ÍNDICE\n\nI. PRESENTACIÓN ........ 3\n\nII. EJECUCIÓN DEL GASTO Y DE\n\n\nLAS INVERSIONES DEL AÑO ........ 9\n\nIII. BALANCE ........ 12\n",
        );
        assert!(
            found.contains(&(
                "II. EJECUCIÓN DEL GASTO Y DE LAS INVERSIONES DEL AÑO".to_owned(),
                Some(9)
            )),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(t, _)| t == "LAS INVERSIONES DEL AÑO"),
            "{found:?}"
        );
    }

    #[test]
    fn contents_heading_run_into_its_first_entry_is_an_entry() {
        let found = entries("Sumario I. Marco legal ........ 3 II. Contexto local ........ 5\n");
        assert_eq!(
            found,
            vec![
                ("Sumario".to_owned(), None),
                ("I. Marco legal".to_owned(), Some(3)),
                ("II. Contexto local".to_owned(), Some(5)),
            ]
        );
    }

    #[test]
    fn agenda_heading_leads_items_with_their_pages() {
        let found = entries(
            "ORDRE DU JOUR ~~~ 1- AG - APPROBATION DU BUDGET ANNEXE DE L'EAU POTABLE P.4 \
             2- RH - CRÉATION DE DEUX POSTES P.9 3- URB - CESSION D'UNE PARCELLE P.12\n",
        );
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0], ("ORDRE DU JOUR".to_owned(), None));
        assert_eq!(
            found[1],
            (
                "1- AG - APPROBATION DU BUDGET ANNEXE DE L'EAU POTABLE".to_owned(),
                Some(4)
            )
        );
        // Without its heading, a line with page words is not an agenda.
        assert!(entries("See p. 4 and p. 9 and p. 12 for the maps.\n").is_empty());
    }

    #[test]
    fn numbered_items_of_minutes_over_their_own_text() {
        let minutes =
            "Present: three members.\n\n14. To agree the accounts\n• The accounts were agreed.\n\
                       15 Election of a treasurer\nMs Vale was elected.\n";
        let found: Vec<String> = entries(minutes).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            found,
            vec!["14. To agree the accounts", "15 Election of a treasurer"]
        );
        // A lone numbered line, a numbered list and wrapped items are no items.
        assert!(
            entries("Intro text here.\n\n7 Towns joined\nThey came from the coast.\n").is_empty()
        );
        assert!(entries("Aims:\n1. Grow the network\n2. Share the tools\n").is_empty());
        assert!(entries("1. Know the state of the town hall through a\n\ndiagnosis of its areas;\n\n2. Strengthen its capacities from the\n\ndesign of plans;\n")
            .is_empty());
    }

    #[test]
    fn a_heading_left_open_takes_the_line_under_it_or_heads_nothing() {
        // A contents entry wrapped after its page: the rest joins the title.
        let contents = "SOMMAIRE\n\nA – LE CADRE DE LA COMMUNE          Page 3\nC – LES DÉPENSES EN MATIÈRE DE          Page 9\nFONCTIONNEMENT\n   1 – Les villages de                     Page 9\n   la vallée\n";
        let found = title_texts(contents);
        assert_eq!(
            found,
            [
                "SOMMAIRE",
                "A – LE CADRE DE LA COMMUNE",
                "C – LES DÉPENSES EN MATIÈRE DE FONCTIONNEMENT",
                "1 – Les villages de la vallée"
            ]
        );
        // Cover lines set apart by blank lines, each cut after an open word.
        let cover = "REPORT ON THE WORK OF THE COUNCIL AND\n\nTHE COMMITTEES OF THE\n\nHARBOUR DISTRICT\n\nINTRODUCTION\n\nThe council met eleven times in the year and approved its budget in March.\n";
        let found = title_texts(cover);
        assert!(
            !found
                .iter()
                .any(|t| t.ends_with(" AND") || t.ends_with(" THE")),
            "{found:?}"
        );
        assert!(found.contains(&"INTRODUCTION".to_owned()), "{found:?}");
        // Words a heading may end with stay: single letters, verbs.
        let kept = "Annex A\n\nThe table below lists the grants paid in the year to each of the towns.\n\nWho we are\n\nWe are a network of eleven towns along the coast, founded in 1998.\n";
        let found = title_texts(kept);
        assert_eq!(found, ["Annex A", "Who we are"]);
    }

    #[test]
    fn a_month_and_its_year_alone_is_furniture() {
        let lex = Lexicons::all();
        for line in [
            "JULY 2010",
            "Enero de 2013",
            "Mars 2014",
            "April 2015 – March 2016",
        ] {
            assert!(is_furniture(line, &lex), "{line}");
        }
        for line in ["CALENDRIER 2022", "Reform Update - November 2012", "Mars"] {
            assert!(!is_furniture(line, &lex), "{line}");
        }
    }

    #[test]
    fn a_line_printed_on_every_page_heads_nothing() {
        let body = "The office opened two new branches and hired four officers in the year.";
        let source = format!(
            "RUNNING TITLE OF THE REPORT\n\nFIRST PART\n\n{body}\n\nRUNNING TITLE OF THE REPORT\n\nSECOND PART\n\n{body}\n\nRUNNING TITLE OF THE REPORT\n\n1. Third part\n\n{body}\n\n1. Third part\n\n{body}\n\n1. Third part\n\n{body}\n"
        );
        let found = title_texts(&source);
        assert!(
            !found.contains(&"RUNNING TITLE OF THE REPORT".to_owned()),
            "{found:?}"
        );
        assert!(found.contains(&"FIRST PART".to_owned()), "{found:?}");
        assert!(found.contains(&"SECOND PART".to_owned()), "{found:?}");
        // A numbered item repeats its number in the agenda and the minutes.
        assert_eq!(
            found.iter().filter(|t| *t == "1. Third part").count(),
            3,
            "{found:?}"
        );
        // A part's name under its number's line, printed again on each of
        // its pages, heads each time.
        let part = "ACTION LINE 2\n\nCities that share their tools\n\nThe network ran four peer-learning visits and two online courses for members.\n\n";
        let found = title_texts(&part.repeat(3));
        assert_eq!(
            found
                .iter()
                .filter(|t| *t == "Cities that share their tools")
                .count(),
            3,
            "{found:?}"
        );
        // A heading in sentence case printed again under each part is the
        // document's own heading each time, not a running title.
        let highlights = format!("Highlights of the year\n\nShared tools for cities\n\n{body}\n\n");
        let found = title_texts(&highlights.repeat(3));
        assert_eq!(
            found
                .iter()
                .filter(|t| *t == "Shared tools for cities")
                .count(),
            3,
            "{found:?}"
        );
    }
}
