//! People named in running text, attendance lists and signature blocks.
//!
//! Five shapes, with role words, honorifics and attendance words from the
//! document's [`Lexicons`]:
//! - a role in apposition before a name: `El Presidente, Jorge Ibarra, da la
//!   bienvenida…`, `The Mayor of X and President of the association, Helen
//!   Okafor, thanks…` (the last role is the role, the rest the organisation);
//! - a name then its role: `Carolina Vélez Ortiz, Presidenta (Santa Marta)`,
//!   `Firmado: Andrés Peña, Secretario General`;
//! - a role label: `Chair: Anna Lind, City of Norrvik`;
//! - an attendance list: `Étaient présents : Mme Odile Garnier (présidente),
//!   M. Hervé Lambert (vice-président)…`, `Excusés : M. Thierry Roux`;
//! - a signature block: a name line next to a role line (`Daniel Reyes` /
//!   `Secretary General`, `La Présidente,` / `Odile Garnier`), no blank line between.
//!
//! A name is two to four capitalised words, none of them a role, month,
//! weekday or function word: a wrong person is worse than none.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use super::shape::{bullet, is_blank};
use crate::lexicon::{first_unaccented, fold, unaccented, Lexicons};
use crate::model::Person;
use crate::normalize::{PackedLines, Text};

/// Most words of a role phrase.
const ROLE_PHRASE_WORDS: usize = 16;

/// People named in running text, skipping the lines in `claimed` (lists
/// that [`extract_people`](super::people::extract_people) read).
pub fn extract_mentions(text: &Text, claimed: &BTreeSet<usize>, lex: &Lexicons) -> Vec<Person> {
    let lines = PackedLines::of_lines(text, |line| fold(line.plain).trim().to_owned());
    let double_spaced = is_double_spaced(&lines);
    let mut people: Vec<Person> = Vec::new();
    // Lines read as the continuation of an attendance list above them.
    let mut consumed: BTreeSet<usize> = BTreeSet::new();
    // Inside a roll call opened by a cue line (`Sont présents les membres :`).
    let mut roll: Option<Roll> = None;
    // Speaker lines without a role (`Ana Ruiz, Harbour College`), kept
    // when the document writes its speakers so, some with a role.
    let mut unroled_speakers: Vec<(Found, u32, u32)> = Vec::new();
    let mut roled_speakers = 0;
    for (index, line) in text.lines.iter().enumerate() {
        if claimed.contains(&index) || consumed.contains(&index) || is_blank(lines.line(index)) {
            continue;
        }
        // A roll opened on its cue's line ends at the next line with a cue
        // of its own (`Absents excusés : …`), which the in-line readers read.
        if roll.as_ref().is_some_and(|cue| cue.in_line)
            && opens_roll_in_line(lines.line(index), lex).is_some()
        {
            roll = None;
        }
        if let Some(cue) = roll.as_mut() {
            let mut logical = lines.line(index).to_owned();
            let mut at = index + 1;
            while let Some(next) = lines
                .get(at)
                .filter(|next| !is_blank(next) && !claimed.contains(&at))
            {
                if !cut_by_line_end(&logical, next, lex) {
                    break;
                }
                logical.push(' ');
                logical.push_str(next);
                consumed.insert(at);
                at += 1;
            }
            let mut carried = None;
            let entries = roll_entries(&logical, cue, &mut carried, lex);
            if !entries.is_empty() {
                take_roll_line(&mut people, cue, entries, carried, (line.page, line.number));
                // A role label heads the one name under it.
                if cue.single {
                    roll = None;
                }
                continue;
            }
            roll = None;
        }
        // A cue with its first entries on its line (`Présents : A, B,`) opens a
        // roll for the lines below. The line itself is the in-line readers';
        // the roll's reading of it only gives the people they found the
        // roles printed after the names (`BELTRAN Fabien, Bourgmestre,
        // Président`), which those readers leave out: read as a roll, a
        // line of places under a cue would be a line of names.
        let mut cue_line_entries = Vec::new();
        let opened_in_line = opens_roll_in_line(lines.line(index), lex).and_then(|(cue, rest)| {
            let mut carried = None;
            let mut cue = cue;
            let entries = roll_entries(rest, &cue, &mut carried, lex);
            let unclosed = entries
                .iter()
                .rev()
                .take_while(|(_, role, _)| role.is_none())
                .map(|(name, _, _)| name.clone());
            cue.open = unclosed.collect();
            let opened = (!entries.is_empty()).then_some(cue);
            cue_line_entries = entries;
            opened
        });
        if let Some(mut cue) = opens_roll(lines.line(index), lex) {
            cue.affiliations = roll_affiliations(&lines, index);
            roll = Some(cue);
            continue;
        }
        let (logical, continued) = attendance_continued(&lines, index, claimed, lex);
        consumed.extend(continued);
        let mut found = semicolon_roll(lines.line(index), lex);
        found.extend(dashed_role(lines.line(index), lex));
        found.extend(in_line(&logical, lex));
        // Lowered once for the two readers that look titles up.
        let lower = lines.line(index).to_lowercase();
        found.extend(titled(lines.line(index), &lower, lex));
        found.extend(bulleted(lines.line(index), lex));
        found.extend(signature(&lines, index, double_spaced, lex));
        found.extend(bracketed(lines.line(index), lex));
        found.extend(plural_titled(lines.line(index), &lower, lex));
        found.extend(labels_inside(lines.line(index), lex));
        found.extend(honorific_run(lines.line(index), lex));
        // A flattened roll alternates names and roles: read otherwise, each
        // role is taken as the title of the name after it (`Presidenta Luis
        // Soto`), and the name before as its place.
        let flat = flat_roll(lines.line(index), lex);
        if !flat.is_empty() {
            let in_roll = |text: Option<&String>| {
                text.is_some_and(|text| flat.iter().any(|(name, _, _)| name == text))
            };
            found.retain(|(name, _, place)| !in_roll(Some(name)) && !in_roll(place.as_ref()));
            found.splice(0..0, flat);
        }
        if let Some((name, affiliation)) = speaker_line(lines.line(index), lex) {
            match found.iter().find(|(n, _, _)| *n == name) {
                Some((_, Some(_), _)) => roled_speakers += 1,
                Some(_) => {}
                None => {
                    unroled_speakers.push(((name, None, Some(affiliation)), line.page, line.number))
                }
            }
        }
        // A role in brackets is the in-line readers' own (`Hervé LAMBERT
        // (trésorier)`); read as a roll, it would be every name's before it.
        if lines.line(index).contains(['(', '[']) {
            cue_line_entries.clear();
        }
        for (name, role, _) in cue_line_entries {
            let unroled = found
                .iter_mut()
                .find(|(known, known_role, _)| *known == name && known_role.is_none());
            if let (Some(person), Some(role)) = (unroled, role) {
                person.1 = Some(role);
            }
        }
        for found in found {
            add(&mut people, person_at(found, line.page, line.number));
        }
        if opened_in_line.is_some() {
            roll = opened_in_line;
        }
    }
    if roled_speakers >= SPEAKER_LINES_WITH_ROLES {
        for (found, page, line) in unroled_speakers {
            add(&mut people, person_at(found, page, line));
        }
    }
    people
}

/// Speaker lines with a role a document needs before its speaker lines
/// without one are read as people: alone, `Grace Hill, Oak County` may be
/// a place or a title.
const SPEAKER_LINES_WITH_ROLES: usize = 2;

/// A speaker line standing alone, `Name, Affiliation[, Place]`: a name,
/// then one to three short pieces whose words are all capitalised
/// (`Luke Bronin, Mayor, Hartford, CT`, `Laura Jay, C40 Cities`). Returns
/// the name and the rest.
fn speaker_line(line: &str, lex: &Lexicons) -> Option<(String, String)> {
    let pieces: Vec<&str> = line.split(',').map(str::trim).collect();
    let (first, rest) = pieces.split_first()?;
    let capitalised = |piece: &&str| {
        let words: Vec<&str> = piece.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
            })
    };
    if !(1..=3).contains(&rest.len()) || !rest.iter().all(capitalised) {
        return None;
    }
    let name = as_name(first, lex)?;
    Some((name, rest.join(", ")))
}

/// Adds a person, or completes the one already found under that name or
/// under a name with the same words and more (`Elizabeth Tapia` and
/// `Elizabeth Tapia Venegas`, read before and after a line break).
/// A person found on page `page`, line `line`, in no group.
fn person_at(
    (name, role, place): (String, Option<String>, Option<String>),
    page: u32,
    line: u32,
) -> Person {
    Person {
        name,
        role,
        place,
        group: None,
        page,
        line,
    }
}

/// A given name printed as its initial is the same name (`W. Tudor Owen`
/// and `William Tudor Owen`, a roll and a heading of one report).
fn add(people: &mut Vec<Person>, person: Person) {
    let words =
        |name: &str| -> BTreeSet<String> { name.split_whitespace().map(unaccented).collect() };
    let new = words(&person.name);
    let same = people.iter_mut().find(|p| {
        let old = words(&p.name);
        within(&old, &new) || within(&new, &old)
    });
    match same {
        Some(known) => {
            if new.len() > words(&known.name).len() {
                known.name = person.name;
            }
            if known.role.is_none() {
                known.role = person.role;
            }
            if known.place.is_none() {
                known.place = person.place;
            }
        }
        None => people.push(person),
    }
}

/// Whether every word of `part` is a word of `whole`, or the initial of
/// one (`w.` of `william`) that `part` does not print whole.
fn within(part: &BTreeSet<String>, whole: &BTreeSet<String>) -> bool {
    part.iter().all(|word| {
        whole.contains(word)
            || word.strip_suffix('.').is_some_and(|core| {
                core.chars().count() == 1
                    && whole.iter().any(|other| {
                        other.chars().count() > 2
                            && other.starts_with(core)
                            && !part.contains(other)
                    })
            })
    })
}

type Found = (String, Option<String>, Option<String>);

/// Fewest name-and-role pairs, one right after the other, that make a
/// line a flattened roll: a single `Name Role` may as well be a heading.
const FLAT_ROLL_PAIRS: usize = 2;

/// What a word of a flattened roll is.
#[derive(Clone, Copy, PartialEq)]
enum FlatWord {
    /// A word of a name, or an honorific opening one.
    Name,
    /// A role word.
    Role,
    /// Anything else: it bounds the names and roles around it.
    Other,
}

/// A run of words of one kind in a flattened roll, and whether its last
/// word closes on punctuation.
struct FlatRun<'a> {
    kind: FlatWord,
    words: Vec<&'a str>,
    closed: bool,
}

/// A board or staff list flattened onto one line, each name followed by
/// its role with no comma between (`Ana Ruiz Presidenta Luis Soto
/// Secretario General Eva Gil Tesorera`, a table read row after row): the
/// role words bound the names. Read only where at least
/// [`FLAT_ROLL_PAIRS`] pairs follow each other with nothing between, each
/// name two to four words and each role capitalised, as a table's cells
/// are. Punctuation inside the pairs is another list's (`Ana Ruiz,
/// presidenta;`), brackets a role the in-line readers read. A role right
/// before the first name, or a name right after the last role, would read
/// the line as well the other way round, each role the title of the name
/// after it (`Presidenta Ana Ruiz Tesorero Luis Soto`): that line is left.
fn flat_roll(line: &str, lex: &Lexicons) -> Vec<Found> {
    // Each pair holds a capitalised role and a name of at least two words
    // that open in capitals ([`read_name`]): a line with fewer such words
    // holds no roll, told before any word is lowered and looked up.
    let capitalised = line
        .split_whitespace()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    if capitalised < 3 * FLAT_ROLL_PAIRS {
        return Vec::new();
    }
    let mut runs: Vec<FlatRun> = Vec::new();
    for word in line.split_whitespace() {
        let core = word.trim_end_matches([',', ';', ':', '.', '|']);
        let honorific = lex.has(|l| l.honorifics, &core.to_lowercase());
        let kind = if core.contains(['(', ')', '[', ']']) {
            FlatWord::Other
        } else if is_role_word(core, lex) {
            FlatWord::Role
        } else if honorific || is_name_word(core, lex) {
            FlatWord::Name
        } else {
            FlatWord::Other
        };
        let closed = core.len() < word.len();
        // An honorific opens a name; it never continues one.
        match runs.last_mut() {
            Some(run)
                if !run.closed && !honorific && run.kind == kind && kind != FlatWord::Other =>
            {
                run.words.push(core);
                run.closed = closed;
            }
            _ => runs.push(FlatRun {
                kind,
                words: vec![core],
                closed,
            }),
        }
    }
    let pair = |at: usize| -> Option<Found> {
        let (name, role) = (runs.get(at)?, runs.get(at + 1)?);
        let capitalised = role
            .words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        if name.kind != FlatWord::Name || role.kind != FlatWord::Role || name.closed || !capitalised
        {
            return None;
        }
        let person = as_name(&name.words.join(" "), lex)?;
        let (role_text, place) = as_role(&role.words.join(" "), lex)?;
        place.is_none().then_some((person, Some(role_text), None))
    };
    let mut found = Vec::new();
    let mut at = 0;
    while at < runs.len() {
        let first = at;
        let mut chain: Vec<Found> = Vec::new();
        while let Some(person) = pair(at) {
            chain.push(person);
            at += 2;
            if runs.get(at - 1).is_some_and(|role| role.closed) {
                break;
            }
        }
        if chain.is_empty() {
            at += 1;
            continue;
        }
        let role_before = first
            .checked_sub(1)
            .and_then(|before| runs.get(before))
            .is_some_and(|run| run.kind == FlatWord::Role);
        // The name after may run on with particles (`Gerardo del Mazo`).
        let name_after = runs
            .get(at)
            .filter(|run| run.kind == FlatWord::Name)
            .and_then(|run| run.words.first())
            .and_then(|word| line.get(word.as_ptr() as usize - line.as_ptr() as usize..))
            .is_some_and(|rest| name_from(&words_at(rest), 0, true, lex).0.is_some());
        if chain.len() >= FLAT_ROLL_PAIRS && !role_before && !name_after {
            found.append(&mut chain);
        }
    }
    found
}

/// Most words of a role after a dash on a line of a board list.
const DASHED_ROLE_WORDS: usize = 6;

/// A line of a board list, a name, its city or body in parentheses or not,
/// a dash and its role (`Rocio Molina (Cochabamba) – Presidenta`, `Ana Paz –
/// Primera Vicepresidenta`): the whole line, the role as printed.
fn dashed_role(line: &str, lex: &Lexicons) -> Vec<Found> {
    let line = line.trim();
    let Some((at, dash)) = [" – ", " — ", " - "]
        .iter()
        .filter_map(|dash| line.find(dash).map(|at| (at, dash.len())))
        .min()
    else {
        return Vec::new();
    };
    let (head, role) = (&line[..at], line[at + dash..].trim());
    let (name, place) = match head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((name, place)) => (name.trim(), Some(place.trim().to_owned())),
        None => (head.trim(), None),
    };
    let role = role.trim_end_matches(['.', ';', ',']).trim();
    let role_fits = role.split_whitespace().count() <= DASHED_ROLE_WORDS
        && role
            .split_whitespace()
            .all(|w| w.chars().all(char::is_alphabetic))
        && as_role(role, lex).is_some();
    match as_name(name, lex) {
        Some(name) if role_fits => vec![(name, Some(role.to_owned()), place)],
        _ => Vec::new(),
    }
}

/// Fewest entries of a roll set `Name, Role;` one after the other.
const SEMICOLON_ROLL: usize = 3;
/// Most words of a role in such a roll (`SEGUNDO REGIDOR SUPLENTE`).
const SEMICOLON_ROLE_WORDS: usize = 4;
/// Most words of a name in such a roll, particles included.
const SEMICOLON_NAME_WORDS: usize = 6;

/// A roll run into a sentence, its entries parted by semicolons, each a
/// name, a comma and its role (`señores: MARIO PÉREZ LUNA, ALCALDE; ANA
/// RÍOS DE PAZ, PRIMER REGIDOR; …`), the names in capitals as such records
/// print them. At least [`SEMICOLON_ROLL`] entries in a row, each role
/// holding a role word: then a name in capitals is no heading. The roll
/// ends at the first piece that is no such entry; the last entry's role
/// ends its sentence.
fn semicolon_roll(line: &str, lex: &Lexicons) -> Vec<Found> {
    if line.matches(';').count() + 1 < SEMICOLON_ROLL {
        return Vec::new();
    }
    let role_word = |word: &str| {
        let word = unaccented(&bare(word));
        lex.each(|l| l.role_words)
            .any(|role| unaccented(role) == word)
    };
    let particle = |word: &str| lex.has(|l| l.name_particles, &word.to_lowercase());
    let entry = |piece: &str| -> Option<Found> {
        let (name, role) = piece.rsplit_once(',')?;
        // A cue before the first entry (`…, señores: MARIO …`).
        let name = name.rsplit(':').next().unwrap_or(name).trim();
        let role = role.split(". ").next().unwrap_or(role);
        let role = role.trim().trim_end_matches(['.', ';']).trim();
        let role_words: Vec<&str> = role.split_whitespace().collect();
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let named = name_words.iter().filter(|w| !particle(w)).count();
        let name_shaped = (2..=SEMICOLON_NAME_WORDS).contains(&name_words.len())
            && named >= 2
            && name_words.iter().all(|w| {
                particle(w)
                    || (w.starts_with(char::is_uppercase)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\''))
            })
            && !name_words.iter().any(|w| role_word(w));
        let role_shaped = (1..=SEMICOLON_ROLE_WORDS).contains(&role_words.len())
            && role_words.iter().any(|w| role_word(w))
            && role_words
                .iter()
                .all(|w| w.chars().all(char::is_alphabetic));
        (name_shaped && role_shaped).then(|| (name_words.join(" "), Some(role.to_owned()), None))
    };
    let mut best: Vec<Found> = Vec::new();
    let mut run: Vec<Found> = Vec::new();
    for piece in line.split(';') {
        match entry(piece) {
            Some(found) => run.push(found),
            None => {
                if run.len() > best.len() {
                    best = std::mem::take(&mut run);
                }
                run.clear();
            }
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() >= SEMICOLON_ROLL {
        best
    } else {
        Vec::new()
    }
}

/// Words of `text`, trimmed of punctuation, lower case, inclusive endings
/// in brackets dropped (`Echevin(e)s` → `echevins`, `Conseillers(ères)` →
/// `conseillers`), so that they are looked up as the lexicon writes them.
fn bare(word: &str) -> String {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != ')');
    // Most words have no bracket: lowered as they are, without a copy first.
    if !trimmed.contains('(') {
        return trimmed
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
    }
    let mut plain = String::with_capacity(trimmed.len());
    let mut rest = trimmed;
    while let Some(open) = rest
        .find('(')
        .filter(|&open| is_inclusive_ending(rest, open))
    {
        plain.push_str(&rest[..open]);
        let close = rest[open..]
            .find(')')
            .map_or(rest.len(), |close| open + close + 1);
        rest = &rest[close..];
    }
    plain.push_str(rest);
    plain
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

/// Whether the bracket at byte `open` of `text` opens an inclusive ending
/// (`Echevin(e)s`, `Conseillers(ères)`): right after a letter, a few
/// lower-case letters, closed.
fn is_inclusive_ending(text: &str, open: usize) -> bool {
    let after_letter = text[..open]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    let inside = text[open + 1..].split_once(')').map(|(inside, _)| inside);
    after_letter
        && inside.is_some_and(|inside| {
            (1..=INCLUSIVE_ENDING_LETTERS).contains(&inside.chars().count())
                && inside.chars().all(char::is_lowercase)
        })
}

/// Most letters of an inclusive ending in brackets (`(e)`, `(ères)`).
const INCLUSIVE_ENDING_LETTERS: usize = 4;

fn is_role_word(word: &str, lex: &Lexicons) -> bool {
    let word = bare(word);
    !word.is_empty()
        && (lex.role_word(&word)
            || word
                .split('-')
                .all(|part| !part.is_empty() && lex.role_word(part)))
}

/// Whether `word` names a role or a body of people holding one (`Alcalde`,
/// `CONCEJALES`, `Maires`) rather than a part of a name.
fn names_a_role(word: &str, lex: &Lexicons) -> bool {
    let lower = bare(word);
    let plural_role = lower
        .strip_suffix('s')
        .is_some_and(|singular| lex.role_word(singular));
    is_role_word(word, lex)
        || plural_role
        || lex
            .each(|l| l.plural_titles)
            .any(|(title, _)| *title == lower)
}

/// A capitalised word of a name: `Vélez`, `Castaño`, `O'Neil`, `Jean-Luc`,
/// or a surname in capitals (`Benoist APPARU`, see [`as_name`]).
fn is_name_word(word: &str, lex: &Lexicons) -> bool {
    let mut chars = word.chars();
    let starts = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = chars
        .clone()
        .all(|c| c.is_lowercase() || c.is_uppercase() || c == '-' || c == '\'');
    // Asked of every word of every line: the shape is read before the word
    // is lowered and looked up.
    if !(starts && rest_lower && chars.next().is_some()) {
        return false;
    }
    let lower = word.to_lowercase();
    // The plural of a role word names a body, not a person (`Maires de
    // Lot-et-Garonne`, `Alcaldes`).
    let plural_role = lower
        .strip_suffix('s')
        .is_some_and(|singular| lex.role_word(singular));
    !is_role_word(word, lex)
        && !plural_role
        && lex.month(&lower).is_none()
        && lex.weekday(&lower).is_none()
        && !lex.has(|l| l.function_words, &lower)
        && !lex.has(|l| l.honorifics, &lower)
        && !lex
            .each(|l| l.plural_titles)
            .any(|(title, _)| *title == lower)
}

/// Whether list piece `piece` is a role rather than a name: it opens with a
/// role word (`Presidenta`, `trésorier (AMF)`), or reads as a role phrase
/// after a word or two (`Primera Vicepresidenta`) and holds no name.
fn is_role_piece(piece: &str, lex: &Lexicons) -> bool {
    let opens = piece
        .split_whitespace()
        .next()
        .is_some_and(|w| is_role_word(w, lex));
    let words = words_at(piece);
    opens || (as_role(piece, lex).is_some() && name_from(&words, 0, true, lex).0.is_none())
}

/// `text` as a name: two to four name words, an honorific allowed before.
fn as_name(text: &str, lex: &Lexicons) -> Option<String> {
    // Asked of whole lines and of every piece of them: a name is two to
    // four words after at most one honorific, so a text of six words or
    // more is none, told without reading its words.
    if text
        .split_whitespace()
        .nth(NAME_WORDS_AT_MOST + 1)
        .is_some()
    {
        return None;
    }
    read_name(text, lex)
}

/// [`as_name`] without its count of words.
fn read_name(text: &str, lex: &Lexicons) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| lex.has(|l| l.honorifics, &w.trim_end_matches('.').to_lowercase()))
    {
        words.remove(0);
    }
    let title_case = |w: &&str| w.chars().skip(1).any(char::is_lowercase);
    let capitals = |w: &&str| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    // Words in title case, or capitals for the surname after a first name
    // in title case; never a name wholly in capitals (that is a heading).
    let shaped = words.iter().all(|w| title_case(w) || capitals(w))
        && words.first().is_some_and(title_case)
        && words.iter().skip(1).all(|w| title_case(w) || capitals(w));
    // A particle inside the name, capitalised as the name is (`Jacques LE
    // NAY`); in lower case it joins words of a phrase (`Éditorial de X`).
    let last = words.len().saturating_sub(1);
    let particle = |(i, w): (usize, &&str)| {
        i > 0
            && i < last
            && w.chars().next().is_some_and(char::is_uppercase)
            && lex.has(|l| l.name_particles, &w.to_lowercase())
    };
    ((2..=NAME_WORDS_AT_MOST).contains(&words.len())
        && shaped
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| particle((i, w)) || is_name_word(w, lex)))
    .then(|| words.join(" "))
}

/// Most words of a name read by [`as_name`], its honorific aside.
const NAME_WORDS_AT_MOST: usize = 4;

/// Most words between a role's qualifier and the role word it qualifies
/// (`Acting City Manager`).
const MODIFIER_REACH: usize = 2;

/// A role phrase: it starts (after at most two leading words such as an
/// article or `former`) with a role word. Returns the role and the
/// organisation: in `Mayor of X and President of the association` the last
/// role is the role, the rest the organisation.
fn as_role(text: &str, lex: &Lexicons) -> Option<(String, Option<String>)> {
    // Dot leaders end the phrase (`Présidente ...... P. 2`, a contents entry).
    let text = text.split(['…']).next().unwrap_or(text);
    let text = text.split("...").next().unwrap_or(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > ROLE_PHRASE_WORDS {
        return None;
    }
    let start = words.iter().take(3).position(|w| is_role_word(w, lex))?;
    // Title-case words right before the role word name the office itself
    // (`County Manager`, `Heritage Officer`); an article or a lower-case
    // word there (`the`, `former`) stays out, as before.
    let opens_plain = words[start].chars().next().is_some_and(char::is_alphabetic);
    let lead = words[..start]
        .iter()
        .rev()
        .take_while(|w| opens_plain && qualifies_office(w, lex))
        .count();
    let lead = words[start - lead..start].join(" ");
    let words = &words[start..];
    // Split into chunks at conjunctions: each chunk is `ROLE (of ORG)`.
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    for word in words {
        if lex.has(|l| l.conjunctions, &bare(word)) {
            chunks.push(Vec::new());
        } else if let Some(chunk) = chunks.last_mut() {
            chunk.push(word);
        }
    }
    let last = chunks.pop()?;
    let mut role_len = last.iter().take_while(|w| is_role_word(w, lex)).count();
    let modifier = |w: &&str| lex.has(|l| l.role_modifiers, &bare(w));
    if last
        .get(..role_len)
        .is_some_and(|role| role.iter().all(modifier))
    {
        // A qualifier reaches the role word it qualifies (`Acting City
        // Manager`), a word or two on; alone, or before a clause that ends
        // on a role, it is no role (`…, cette assemblée générale`,
        // `régionale d'Halifax succède à la mairesse`).
        role_len = last
            .iter()
            .take(role_len + MODIFIER_REACH + 1)
            .position(|w| is_role_word(w, lex) && !modifier(w))?
            + 1;
    }
    if role_len == 0 {
        return None;
    }
    // A role the lexicon names in several words (`conseiller municipal`,
    // `conseillère régionale`) is one role: its last words are no place.
    let phrase = |len: usize| {
        last.get(..len).is_some_and(|words| {
            let words: Vec<String> = words.iter().map(|w| bare(w)).collect();
            lex.has(|l| l.title_roles, &words.join(" "))
        })
    };
    if let Some(longer) = (role_len + 1..=last.len()).rev().find(|&len| phrase(len)) {
        role_len = longer;
    }
    role_len += office_complement(&last[role_len..], lex);
    let role = last[..role_len].join(" ");
    // The leading words qualify the role only when no conjunction split
    // them off into an organisation of their own.
    let role = if lead.is_empty() || !chunks.is_empty() {
        role
    } else {
        format!("{lead} {role}")
    };
    let mut places: Vec<String> = Vec::new();
    let own = last[role_len..].join(" ");
    let own = strip_link(&own, lex);
    if !own.is_empty() {
        places.push(own);
    }
    places.extend(
        chunks
            .iter()
            .map(|chunk| chunk.join(" "))
            .filter(|c| !c.is_empty()),
    );
    Some((role, (!places.is_empty()).then(|| places.join("; "))))
}

/// Whether `word`, right before a role word, qualifies the office it
/// names (`County` in `County Manager`): a word in title case, letters and
/// hyphens only, that is no function word, link, conjunction or honorific.
/// Acronyms in capitals name an organisation and are left out.
fn qualifies_office(word: &str, lex: &Lexicons) -> bool {
    let mut chars = word.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_lowercase() || c == '-');
    let lower = word.to_lowercase();
    title_case
        && !lex.has(|l| l.function_words, &lower)
        && !lex.has(|l| l.role_links, &lower)
        && !lex.has(|l| l.conjunctions, &lower)
        && !lex.has(|l| l.honorifics, &lower)
}

/// How many words opening `rest` complete the role before it rather than
/// name its place: a role link without an article straight before common
/// nouns (`de séance`, `of learning`). A place or an organisation is
/// capitalised or follows an article (`de Osorno`, `de la comuna`, `del
/// distrito`), so it stays the place. 0 when `rest` opens otherwise.
fn office_complement(rest: &[&str], lex: &Lexicons) -> usize {
    let Some((link, after)) = rest.split_first() else {
        return 0;
    };
    // The link without an article is the one the lexicon also lists with
    // an article after it (`de` beside `de la`, `of` beside `of the`);
    // a contraction (`del`, `du`) carries its article.
    let articled = |l: &&str| {
        l.strip_prefix(*link)
            .is_some_and(|after| after.starts_with(' '))
    };
    if !lex.has(|l| l.role_links, link) || !lex.each(|l| l.role_links).any(articled) {
        return 0;
    }
    // Letters in lower case only: an elided article (`l'association`)
    // makes a place, and a comma or a stop ends the role there.
    let common = |word: &&&str| {
        let lower = bare(word);
        word.chars().any(char::is_alphabetic)
            && word.chars().all(|c| c.is_lowercase() || c == '-')
            && !lex.has(|l| l.function_words, &lower)
            && !lex.has(|l| l.role_links, &lower)
    };
    match after.iter().take_while(common).count() {
        0 => 0,
        nouns => 1 + nouns,
    }
}

/// `of the association` → `the association`.
fn strip_link(text: &str, lex: &Lexicons) -> String {
    let mut links: Vec<&str> = lex.each(|l| l.role_links).copied().collect();
    links.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let lower = text.to_lowercase();
    for link in links {
        if let Some(rest) = lower.strip_prefix(link) {
            if rest.starts_with(' ') {
                return text.get(link.len()..).unwrap_or("").trim().to_owned();
            }
        }
    }
    text.trim().to_owned()
}

/// The text of a parenthesis right at the start of `text`: `(Tolú) …` → `Tolú`.
fn parenthesis(text: &str) -> Option<&str> {
    let inner = text.trim_start().strip_prefix('(')?;
    inner.split_once(')').map(|(inside, _)| inside.trim())
}

/// People named in one line.
fn in_line(line: &str, lex: &Lexicons) -> Vec<Found> {
    if let Some(found) = attendance_run(line, lex) {
        return found;
    }
    let mut found = Vec::new();
    let (label, body) = match line.split_once(':') {
        Some((label, body)) if label.split_whitespace().count() <= 4 => (Some(label.trim()), body),
        _ => (None, line),
    };
    let attendance = label.is_some_and(|l| is_attendance_cue(l, lex));
    // `Chair: Anna Lind, City of Norrvik` / `Secrétaire de séance : M. Karim Belkacem`
    // (an attendance cue too, that opens with a role).
    let opens_with_role = label
        .and_then(|l| l.split_whitespace().next())
        .is_some_and(|w| is_role_word(w, lex));
    if let (Some(label), false) = (label, attendance && !opens_with_role) {
        if let Some((role, place)) = as_role(label, lex) {
            let mut parts = body.split(',');
            if let Some(name) = parts.next().and_then(|p| as_name(p.trim(), lex)) {
                let org = parts
                    .next()
                    .map(|p| p.trim().trim_end_matches('.').to_owned());
                found.push((name, Some(role), org.filter(|o| !o.is_empty()).or(place)));
                return found;
            }
        }
    }
    let bullet_free = body.trim_start_matches(['-', '•', '*', ' ']);
    let pieces: Vec<&str> = if attendance {
        roll_pieces(bullet_free, lex)
    } else {
        bullet_free.split(',').collect()
    };
    let mut after_honorific = false;
    // A roll written with initials (`JP. CULOS, A. SECULA, M. ORRIT`): its
    // `M.` is an initial like the others, not `Monsieur`. Two names
    // initialed by letters that are no honorific make the roll one.
    let honorific_led = |piece: &str| {
        piece.split_whitespace().next().is_some_and(|word| {
            lex.has(|l| l.honorifics, &word.trim_end_matches('.').to_lowercase())
        })
    };
    let initialed = attendance
        && pieces
            .iter()
            .map(|piece| piece.trim().trim_end_matches('.'))
            .filter(|piece| !honorific_led(piece))
            .filter(|piece| initialed_surname(piece, lex).is_some())
            .nth(1)
            .is_some();
    // The piece read as the role after the name before it (`Ana Ruiz,
    // Presidenta, Luis Soto, Vicepresidente`): no role in apposition to
    // the name after it.
    let mut role_taken: Option<usize> = None;
    for (position, piece) in pieces.iter().enumerate() {
        let piece = piece.trim();
        if let Some(name) = initialed
            .then(|| initialed_surname(piece.trim_end_matches('.'), lex))
            .flatten()
        {
            found.push((name, None, None));
            continue;
        }
        if attendance && as_name(piece.trim_end_matches('.'), lex).is_none() {
            if let Some(name) = surname_first(piece.split('(').next().unwrap_or(piece), lex) {
                found.push((name, None, None));
                continue;
            }
            if let Some((name, led)) =
                listed_surname(piece.trim_end_matches('.'), after_honorific, lex)
            {
                after_honorific = after_honorific || led;
                let role = pieces
                    .get(position + 1)
                    .and_then(|next| as_role(next.trim().trim_end_matches('.'), lex));
                let (role, place) = role.map_or((None, None), |(r, p)| (Some(r), p));
                found.push((name, role, place));
                continue;
            }
        }
        // `Mme Odile Garnier (présidente)` / `Martín Duque Salas (Tolú)`.
        let (head, paren) = match piece.split_once('(') {
            Some((head, rest)) => (
                head.trim(),
                parenthesis(&format!("({rest}")).map(str::to_owned),
            ),
            // A speaker's name closes with a colon (`Le président, Alain LE BRIS :`).
            None => (piece.trim_end_matches(['.', ':']).trim_end(), None),
        };
        // A whole piece that is a name, or a name ending a clause
        // (`…con el legislador Mario Delgado`), kept only with a role after it.
        // Or a name opening a piece that runs on (`Le Maire, Paul MARCHAND
        // Conseil municipal…`), kept only with a role before it.
        let mut leading = false;
        let (name, whole) = match as_name(head, lex) {
            Some(name) => (name, true),
            None => match trailing_name(head, lex) {
                Some(name) => (name, false),
                None => match leading_capitals_name(head, lex) {
                    Some(name) => {
                        leading = true;
                        (name, false)
                    }
                    None => continue,
                },
            },
        };
        let next = pieces.get(position + 1).map(|p| p.trim());
        let previous = position
            .checked_sub(1)
            .and_then(|p| pieces.get(p))
            .map(|p| p.trim());
        // A name then its role: `Carolina Vélez Ortiz, Presidenta (Santa Marta)`.
        let after = next
            .filter(|next| !names_after_role(next, lex))
            .and_then(|next| {
                let (role_text, place) = match next.split_once('(') {
                    Some((role, rest)) => (
                        role.trim(),
                        parenthesis(&format!("({rest}")).map(str::to_owned),
                    ),
                    None => (next.trim_end_matches('.'), None),
                };
                as_role(role_text, lex).map(|(role, own)| (role, place.or(own)))
            });
        // A role in apposition: `El Presidente, Jorge Ibarra Solís, da…`,
        // or with the place it holds before the name (`El presidente
        // municipal de Villaverde, Costa Norte, Ana Ruiz Soto,`).
        // A role in parentheses after a name is that name's (`Cllr Ada
        // Wren (Chair), Cllr Tom Hale`), not the next one's.
        let owned_by_a_name = |piece: &&str| {
            piece.split_once('(').is_some_and(|(head, _)| {
                head.split_whitespace()
                    .next_back()
                    .is_some_and(|w| is_name_word(w, lex) && !is_role_word(w, lex))
            })
        };
        let role_before = |at: usize| {
            pieces
                .get(at)
                .filter(|_| role_taken != Some(at))
                .filter(|piece| !owned_by_a_name(piece))
                .and_then(|piece| {
                    let tail = piece.rsplit(['.', ';']).next().unwrap_or(piece).trim();
                    trailing_role(tail, lex)
                })
        };
        let before = position.checked_sub(1).and_then(|at| {
            role_before(at).or_else(|| {
                let place = previous.filter(|p| is_region(p, lex))?;
                let (role, own) = role_before(at.checked_sub(1)?)?;
                let place = match own {
                    Some(own) => format!("{own}, {place}"),
                    None => place.to_owned(),
                };
                Some((role, Some(place)))
            })
        });
        let in_paren = paren.as_deref().and_then(|p| as_role(p, lex));
        if !whole {
            // A name ending a clause takes the role after it, which then
            // names no one after (`…la presencia de Ana Ruiz, directora
            // general, Luis Soto, coordinador`); a role led by an article
            // stands in apposition to the name after it (`…del Paseo de la
            // Reforma, el gobernador de X, Ana Ruiz`).
            let article_led = next
                .and_then(|n| n.split_whitespace().next())
                .is_some_and(|w| lex.has(|l| l.function_words, &w.to_lowercase()));
            if !leading && after.is_some() && !article_led {
                role_taken = Some(position + 1);
            }
            let names_next = article_led
                && pieces
                    .get(position + 2)
                    .is_some_and(|p| as_name(p.trim().trim_end_matches('.'), lex).is_some());
            let role = if leading {
                before
            } else {
                after.filter(|_| !names_next)
            };
            if let Some((role, place)) = role {
                found.push((name, Some(role), place));
            }
            continue;
        }
        if after.is_some() {
            role_taken = Some(position + 1);
        }
        if let Some((role, place)) = in_paren {
            found.push((name, Some(role), place));
        } else if let Some((role, place)) = before {
            let place = place.or_else(|| {
                after.as_ref().map(|(r, p)| match p {
                    Some(p) => format!("{r} {p}"),
                    None => r.clone(),
                })
            });
            found.push((name, Some(role), place));
        } else if let Some((role, place)) = after {
            found.push((name, Some(role), place));
        } else if attendance {
            found.push((name, None, paren));
        }
    }
    // A role label over one name that only a roll's readers could read
    // (`Secrétaire de séance : DELMAS C.`, `… : M. MARTIN Henri.`) names
    // that person's role.
    if let ([(_, role @ None, place)], [_], true) =
        (found.as_mut_slice(), &pieces[..], opens_with_role)
    {
        if let Some((label_role, label_place)) = label.and_then(|l| as_role(l, lex)) {
            *role = Some(label_role);
            if place.is_none() {
                *place = label_place;
            }
        }
    }
    found
}

/// The cue line of a roll call, and what it says of the names under it.
#[derive(Debug, Clone, Default, PartialEq)]
struct Roll {
    /// The cue is a signature's (`Signed:`): a bare name under it is left
    /// to the signature reader.
    signing: bool,
    /// The role a plural title in the cue gives every name under it
    /// (`Asistentes: Honorables Concejales:` → `concejal`).
    role: Option<String>,
    /// The cue is a role label (`Secretario:`): it heads one line of names.
    single: bool,
    /// Words that close most items of the roll under the cue (`1. ROY Ana
    /// Verts`, `2. LEROY Paul PLR`, `3. ROUX Eva Verts`): a party or a
    /// group, no part of a name.
    affiliations: Vec<String>,
    /// Names read on the roll's lines so far that no role closed yet: a
    /// plural role on a later line is theirs too (`MM. Paul ROY, Eva ROUX,`
    /// / `Luc BLANC, Echevins`).
    open: Vec<String>,
    /// The cue opened the roll on its own line, before its first entries.
    in_line: bool,
}

/// Most lines looked at below a roll's cue for its affiliations.
const ROLL_LINES: usize = 120;

/// The words that close the items of the roll under the cue at `index`,
/// when they recur: a list of items (numbered or bulleted), each read up
/// to its first bracket, whose last words repeat (each at least twice) on
/// at least half of the items. Given names recur too, but seldom on half a
/// roll.
fn roll_affiliations(lines: &PackedLines, index: usize) -> Vec<String> {
    let mut last_words: Vec<&str> = Vec::new();
    for at in (index + 1)..(index + 1 + ROLL_LINES) {
        let Some(line) = lines.get(at) else {
            break;
        };
        if is_blank(line) {
            continue;
        }
        let Some(item) = bullet(line) else {
            break;
        };
        let words = item.text.split(['(', '[']).next().unwrap_or_default();
        if let Some(last) = words
            .split_whitespace()
            .next_back()
            .filter(|_| word_total(words) > 2)
        {
            last_words.push(last);
        }
    }
    let count = |word: &str| last_words.iter().filter(|w| **w == word).count();
    let recurring: Vec<&str> = last_words
        .iter()
        .copied()
        .filter(|w| count(w) >= 2)
        .collect();
    if recurring.len() < ROLL_AFFILIATED_ITEMS || recurring.len() * 2 < last_words.len() {
        return Vec::new();
    }
    let mut words: Vec<String> = recurring.into_iter().map(str::to_owned).collect();
    words.sort();
    words.dedup();
    words
}

/// Fewest items of a roll that close on a recurring word before it is
/// read as their affiliation.
const ROLL_AFFILIATED_ITEMS: usize = 4;

/// The roll call that `line` opens when it is an attendance cue standing
/// alone (`Sont présents les Villes-Santé membres de l'association (53) :`):
/// a label with an attendance word, ending on its colon, the roll call on
/// the lines below.
fn opens_roll(line: &str, lex: &Lexicons) -> Option<Roll> {
    if let Some(roll) = heads_roll(line, lex) {
        return Some(roll);
    }
    let label = match line.trim_end().strip_suffix(':') {
        Some(label) => label,
        // Without its colon, a cue standing alone as a heading (`PRESENTS`,
        // `Absents excusés`), accents dropped as capitals often drop them.
        None => {
            let bare = unaccented(line.trim());
            // Asked of every line: a phrase is unaccented only when its
            // first letter is the line's.
            let opening = bare.chars().next();
            let alone = lex
                .each(|l| l.attendance_words)
                .filter(|phrase| first_unaccented(phrase.chars()) == opening)
                .any(|phrase| unaccented(phrase) == bare);
            return alone.then_some(Roll {
                signing: false,
                role: None,
                single: false,
                affiliations: Vec::new(),
                open: Vec::new(),
                in_line: false,
            });
        }
    };
    let lower = label.to_lowercase();
    // Capitals often drop their accents (`ETAIENT PRESENTS :`): words are
    // compared without them.
    let bare_label = unaccented(&lower);
    let words: Vec<&str> = bare_label
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |phrase: &str| {
        let phrase = unaccented(phrase);
        let cue: Vec<&str> = phrase.split_whitespace().collect();
        words
            .windows(cue.len())
            .take(3)
            .any(|window| window == cue.as_slice())
    };
    let cued = words.len() <= ROLE_PHRASE_WORDS && lex.each(|l| l.attendance_words).any(|p| has(p));
    cued.then(|| Roll {
        signing: lex.each(|l| l.signing_words).any(|p| has(p)),
        role: plural_title_in(&lower, lex).map(|(_, _, role)| role.to_owned()),
        single: false,
        affiliations: Vec::new(),
        open: Vec::new(),
        in_line: false,
    })
}

/// The roll that a heading of a council's roll opens, standing alone on
/// its line: a plural title (`CONCEJALES`, `Councillors:`) heads names
/// that each take its singular role, a role label (`Secretario:`,
/// `ALCALDE-PRESIDENTE`) the one line of names under it. A role label
/// needs its colon or capitals throughout, as rolls set their labels; a
/// label naming a place or body as well (`Alcalde de X:`) is no heading.
fn heads_roll(line: &str, lex: &Lexicons) -> Option<Roll> {
    let trimmed = line.trim();
    let (label, colon) = match trimmed.strip_suffix(':') {
        Some(label) => (label.trim_end(), true),
        None => (trimmed, false),
    };
    let words: Vec<String> = label.split_whitespace().map(bare).collect();
    if words.is_empty() || words.len() > 3 {
        return None;
    }
    let joined = words.join(" ");
    if let Some((_, role)) = lex
        .each(|l| l.plural_titles)
        .find(|(title, _)| *title == joined)
    {
        return Some(Roll {
            signing: false,
            role: Some((*role).to_owned()),
            single: false,
            affiliations: Vec::new(),
            open: Vec::new(),
            in_line: false,
        });
    }
    let capitals = label
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let all_role = label.split_whitespace().all(|w| is_role_word(w, lex));
    if !(colon || capitals) || !all_role {
        return None;
    }
    match as_role(label, lex) {
        Some((role, None)) => Some(Roll {
            signing: false,
            role: Some(role),
            single: true,
            affiliations: Vec::new(),
            open: Vec::new(),
            in_line: false,
        }),
        _ => None,
    }
}

/// The first plural title of `lower` (lower case) standing as words: its
/// byte span and the role it gives each name.
fn plural_title_in<'l>(lower: &str, lex: &'l Lexicons) -> Option<(usize, usize, &'l str)> {
    // Asked of every line: one pass of an automaton of every title tells
    // the lines with none, before each title is searched on its own.
    let any_title = lex.pattern("plural-titles", |lex| {
        lex.each(|l| l.plural_titles)
            .map(|(title, _)| regex::escape(title))
            .collect::<Vec<_>>()
            .join("|")
    });
    if !any_title.is_match(lower) {
        return None;
    }
    let mut titles: Vec<&(&str, &str)> = lex.each(|l| l.plural_titles).collect();
    titles.sort_by_key(|(title, _)| std::cmp::Reverse(title.len()));
    titles
        .iter()
        .flat_map(|(title, role)| {
            lower
                .match_indices(title)
                .map(move |(at, _)| (at, at + title.len(), *role))
        })
        .filter(|&(from, to, _)| {
            lower[..from]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && lower[to..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .min_by_key(|&(from, to, _)| (from, std::cmp::Reverse(to)))
}

/// The entries of one line of a roll call: `Bordeaux : Sylvie Justome
/// [élu.e.s] ; Noémie Bossard [technicien.ne.s]`. Entries part at
/// semicolons; an entry may open with its place and a colon, and holds
/// names parted by commas, the last one followed by its role in brackets.
/// A line with no name, or whose names have neither place nor role (a
/// signature: `Signed:` / `Daniel Reyes`, left to the other readers), ends
/// the roll call. A roll set as a list (`1. ROY Ana Verts`, `• ROY Ana, -
/// LEROY Paul`) is read without its markers, its names parted by commas
/// or by dashes set apart, less the affiliation closing each
/// ([`Roll::affiliations`]); a plural honorific opens a group of names
/// (`Mesdames Ana ROY, Eva ROUX`, `Messieurs : Paul LEROY`).
///
/// A plural role closing the names before it (`Ana ROY, Luc BLANC,
/// Echevins`) is each one's; when those names open the line, it is put in
/// `carried` too, for the names of the lines above that no role closed.
fn roll_entries(
    line: &str,
    cue: &Roll,
    carried: &mut Option<String>,
    lex: &Lexicons,
) -> Vec<Found> {
    let grouped = place_groups(line, lex);
    if !grouped.is_empty() {
        return grouped;
    }
    // Items of other shapes (`• Mr F. Lane, Meetings Administrator`) are
    // left to the list reader ([`bulleted`]).
    let line = bullet(line)
        .filter(|item| {
            let first = item.text.split([',', '(', '[']).next().unwrap_or_default();
            let first = first.split(" - ").next().unwrap_or_default();
            let first = match first.trim().rsplit_once(' ') {
                Some((rest, last)) if cue.affiliations.iter().any(|a| a == last) => rest,
                _ => first,
            };
            surname_first(first.trim(), lex).is_some()
        })
        .map_or(line, |item| item.text);
    // A name after its honorific, singular or plural (`Monsieur Paul ROY`,
    // `Mesdames Ana ROY`), as rolls print their groups; a line with
    // brackets is read as before, its names before the first bracket only.
    let groups = !line.contains(['(', '[']);
    let mut found: Vec<Found> = Vec::new();
    let mut place: Option<String> = None;
    // A role label inside the roll (`Secrétaire de séance : Ana Ruiz`).
    let mut labelled: Option<String> = None;
    // An office printed before the name it is followed by (`Alcalde, Juan
    // Pérez`): the next name's role.
    let mut office: Option<String> = None;
    // The first name of the group a plural role closes (`Ana ROY, Luc
    // BLANC, Echevins`): the names since the last role printed after one.
    let mut group_start = 0;
    // The piece before was a role given to the name before it, which a
    // second role joins (`BELTRAN Fabien, Bourgmestre, Président`).
    let mut roled_last = false;
    for entry in line.split(';') {
        let entry = entry.trim();
        let body = match entry.split_once(':') {
            Some((label, body))
                if word_total(label) <= 6 && !label.chars().any(|c| c.is_ascii_digit()) =>
            {
                let lower = label.trim().to_lowercase();
                let role = label_role(label.trim(), lex);
                match role {
                    Some(role) => labelled = Some(role),
                    None if lex.has(|l| l.attendance_words, &lower)
                        || ends_on(label, &attendance_cues(lex))
                        || lex.has(|l| l.honorifics, &lower) => {}
                    None => place = Some(label.trim().to_owned()),
                }
                body
            }
            _ => entry,
        };
        // Initials in brackets after each name (`ROY Ana (AR), …`) are dropped.
        let body = without_initials_marks(body);
        let body = body.as_str();
        // The role is the last bracket (`Bruno Bienaimé (a rejoint à 14h15)
        // [élu.e.s]`): an earlier one is a remark.
        let brackets: Vec<usize> = body
            .match_indices(['[', '('])
            .map(|(at, _)| at)
            .filter(|&at| !is_inclusive_ending(body, at))
            .collect();
        let names = brackets.first().map_or(body, |&at| &body[..at]);
        let role = brackets
            .last()
            .and_then(|&at| body[at + 1..].split([']', ')']).next())
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        if cue.signing {
            for name in names.split(',') {
                if let Some(name) = as_name(name.trim(), lex) {
                    found.push((name, role.clone(), place.clone()));
                }
            }
            continue;
        }
        // Under an attendance cue, bare names too (`Ana Ruiz, Luc Blanc`),
        // names opening a clause (`Ana Ruiz a donné procuration à…`) and
        // names followed by their role (`Mario Montoya, Presidente`).
        // A dash after a comma parts two names as well (`ROY Ana, - LEROY Paul`).
        let pieces: Vec<&str> = names
            .split(',')
            .enumerate()
            .map(|(at, piece)| match at {
                0 => piece,
                _ => piece.trim_start().trim_start_matches(['-', '–']),
            })
            .flat_map(|piece| piece.split(" - ").flat_map(|part| part.split(" – ")))
            .flat_map(|piece| split_at_conjunctions(piece, lex))
            .map(|piece| {
                let piece = piece.trim().trim_end_matches('-').trim();
                // A surname's initials keep their dot (`CAUQUIL R.`, `PUECH J.F.`).
                let piece = match piece.rsplit(' ').next() {
                    Some(last) if is_initials(last) => piece,
                    _ => piece.trim_end_matches(['.', '-']).trim(),
                };
                match piece.rsplit_once(' ') {
                    Some((rest, last))
                        if word_total(rest) >= 2 && cue.affiliations.iter().any(|a| a == last) =>
                    {
                        rest
                    }
                    _ => piece,
                }
            })
            .filter(|piece| !piece.is_empty())
            .collect();
        // A roll written with initials (`P. ARNAL, J-M. LE ROUX`): a line of
        // it may open on the surname of a name its line break cut (`… C.` /
        // `DUVAL, A. MOREAU`), a surname alone then being a name too.
        let initialed = pieces
            .iter()
            .any(|piece| initialed_surname(piece, lex).is_some());
        // Under a role's heading, a name led by its honorific (`D. Ana Ruiz
        // Gil.`, `Dª MARÍA PÉREZ`), as councils' rolls print one a line: its
        // honorific is no initial (`D. LUIS MORA` is no `D.` of the Moras).
        let headed = cue.role.is_some() && role.is_none();
        let honorific_led = |piece: &str| {
            let led = piece
                .split_whitespace()
                .next()
                .is_some_and(|w| lex.has(|l| l.honorifics, &bare(w)));
            led.then(|| titled(piece, &piece.to_lowercase(), lex).into_iter().next())
                .flatten()
                .map(|(name, _, _)| name)
        };
        for piece in pieces {
            if let Some(name) = headed.then(|| honorific_led(piece)).flatten() {
                found.push((
                    name,
                    labelled.clone().or_else(|| cue.role.clone()),
                    place.clone(),
                ));
                continue;
            }
            if let Some(name) = initialed_surname(piece, lex)
                .or_else(|| surname_first(piece, lex))
                .or_else(|| {
                    initialed
                        .then(|| listed_surname(piece, true, lex))
                        .flatten()
                        .map(|(name, _)| name)
                })
            {
                let role = labelled.clone().or_else(|| cue.role.clone());
                found.push((name, role, place.clone()));
                continue;
            }
            let names_before =
                found.len() > group_start || (group_start == 0 && !cue.open.is_empty());
            if let Some(plural) = plural_role_piece(piece, lex).filter(|_| names_before) {
                if group_start == 0 {
                    *carried = Some(plural.clone());
                }
                for (_, role, _) in &mut found[group_start..] {
                    if *role == cue.role || role.is_none() {
                        *role = Some(plural.clone());
                    }
                }
                group_start = found.len();
                roled_last = false;
                continue;
            }
            if let Some(last) = found.last_mut().filter(|_| is_role_piece(piece, lex)) {
                if as_role(piece, lex).is_some() {
                    // A roll prints the office whole (`Présidente du CPAS`,
                    // `Secrétaire communal`).
                    let own = piece.trim().trim_end_matches('.').to_owned();
                    match &mut last.1 {
                        Some(role) if roled_last => {
                            role.push_str(", ");
                            role.push_str(&own);
                        }
                        role if *role == cue.role || role.is_none() => *role = Some(own),
                        _ => {}
                    }
                    group_start = found.len();
                    roled_last = true;
                    continue;
                }
            }
            roled_last = false;
            if found.is_empty() && office.is_none() && is_role_piece(piece, lex) {
                if let Some(own) = label_role(piece, lex) {
                    office = Some(own);
                    continue;
                }
            }
            let words = words_at(piece);
            let (name, _) = name_from(&words, 0, false, lex);
            let grouped = groups.then(|| honorific_led(piece)).flatten();
            if let Some(name) = grouped.or(name) {
                let role = office
                    .take()
                    .or_else(|| labelled.clone())
                    .or_else(|| role.clone())
                    .or_else(|| cue.role.clone());
                found.push((name, role, place.clone()));
            } else if word_total(piece) >= 3
                && piece
                    .split_whitespace()
                    .take(2)
                    .any(|w| lex.has(|l| l.honorifics, &bare(w)))
            {
                // A titled name this reader cannot read (`• Mr F. Lane,
                // Administrator`): the line is left to the others. An
                // initial cut from its surname by the line's end (`M.`)
                // is no such name.
                return Vec::new();
            }
        }
    }
    if cue.signing
        && found
            .iter()
            .all(|(_, role, place)| role.is_none() && place.is_none())
    {
        found.clear();
    }
    found
}

/// Adds the people of one line of a roll, at `(page, line)`: a plural
/// role `carried` from the line's first names goes to the names of the
/// lines above that no role closed; the names the line leaves open are
/// kept for a later one.
fn take_roll_line(
    people: &mut Vec<Person>,
    cue: &mut Roll,
    entries: Vec<Found>,
    carried: Option<String>,
    (page, number): (u32, u32),
) {
    if let Some(plural) = carried {
        for person in people.iter_mut().filter(|p| cue.open.contains(&p.name)) {
            if person.role == cue.role || person.role.is_none() {
                person.role = Some(plural.clone());
            }
        }
        cue.open.clear();
    }
    let unclosed = entries
        .iter()
        .rev()
        .take_while(|(_, role, _)| *role == cue.role || role.is_none())
        .count();
    if unclosed < entries.len() {
        cue.open.clear();
    }
    cue.open.extend(
        entries[entries.len() - unclosed..]
            .iter()
            .map(|(name, _, _)| name.clone()),
    );
    for found in entries {
        add(people, person_at(found, page, number));
    }
}

/// The roll call a line opens before its first entries (`Présents :
/// BELTRAN Fabien, Bourgmestre`), the cue ending the words before the
/// colon (a heading run into it stays before: `CONSEIL COMMUNAL DU 2
/// MARS 2020 Présents : …`), and the rest of the line.
fn opens_roll_in_line<'l>(line: &'l str, lex: &Lexicons) -> Option<(Roll, &'l str)> {
    let (label, rest) = line.split_once(':')?;
    let cued = ends_on(label, &attendance_cues(lex)) && !ends_on(label, &signing_cues(lex));
    let roll = Roll {
        in_line: true,
        ..Roll::default()
    };
    (cued && !rest.trim().is_empty()).then_some((roll, rest))
}

/// Whether the words of `label` end on one of `phrases` (unaccented, lower
/// case), compared without case or accents (`Etait EXCUSEE`, `… 2020
/// Présents`).
fn ends_on(label: &str, phrases: &HashSet<String>) -> bool {
    let bare_label = unaccented(&label.to_lowercase());
    let words: Vec<&str> = bare_label
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    (1..=words.len().min(CUE_WORDS))
        .any(|count| phrases.contains(&words[words.len() - count..].join(" ")))
}

/// Most words of an attendance or signing cue of the lexicons (a test
/// holds every phrase to it).
const CUE_WORDS: usize = 4;

/// The signing words of `lex` without their accents, once per set of
/// languages (see [`attendance_cues`]).
fn signing_cues(lex: &Lexicons) -> Arc<HashSet<String>> {
    lex.cached("signing-cues-unaccented", |lex| {
        lex.each(|l| l.signing_words)
            .copied()
            .map(unaccented)
            .collect()
    })
}

/// Whether the roll line `line` ends on a name that its line break cut, its
/// rest opening `next` (`…, M. André` / `DELMARCELLE, Mme …`, `…, Chantal
/// de` / `CARTIER d'YVES, …`), or on an honorific whose name opens `next`
/// (`…, M.` / `Etienne DUBUISSON, …`, `… et M.` / `Paul ROY`). Only a list
/// of names (with a comma) goes on so: a roll of one name a line never does.
fn cut_by_line_end(line: &str, next: &str, lex: &Lexicons) -> bool {
    let line = line.trim_end();
    if !line.contains(',') || line.ends_with([',', ';', ':']) {
        return false;
    }
    let last = line.rsplit(',').next().unwrap_or_default();
    let tail = split_at_conjunctions(last.trim(), lex)
        .pop()
        .unwrap_or_default()
        .trim();
    let head = next.split([',', ';']).next().unwrap_or_default().trim();
    let reads = |piece: &str| as_name(piece, lex).or_else(|| surname_first(piece, lex));
    let honorific_alone = !tail.contains(' ')
        && lex.has(|l| l.honorifics, &tail.trim_end_matches('.').to_lowercase());
    if honorific_alone {
        return reads(head).is_some();
    }
    reads(head).is_none() && reads(&format!("{tail} {head}")).is_some()
}

/// Whether `word` is initials with their dots (`R.`, `J.P.`, `JL.`): one
/// or two capitals before each dot.
fn is_initials(word: &str) -> bool {
    word.ends_with('.')
        && word.split_terminator('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_uppercase)
        })
}

/// Whether a bracket's text is a name's initials or a party's letters
/// (`(DH)`, `(PS)`): a few capitals, no role.
fn is_initials_mark(text: &str) -> bool {
    (2..=4).contains(&text.chars().count()) && text.chars().all(char::is_uppercase)
}

/// `text` less its brackets holding initials or a party's letters (`(DH)`).
fn without_initials_marks(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let mark = rest[open + 1..]
            .split_once(')')
            .map(|(inside, _)| inside)
            .filter(|inside| is_initials_mark(inside));
        match mark {
            Some(inside) => {
                kept.push_str(rest[..open].trim_end());
                rest = &rest[open + inside.len() + 2..];
            }
            None => {
                kept.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    kept.push_str(rest);
    kept
}

/// Most words of a plural role closing a group of names.
const PLURAL_ROLE_WORDS: usize = 3;

/// `piece` as the plural role of the names before it in a roll (`Echevins`,
/// `Conseillers(ères)`, `Conseillers communaux`, `Concejales`): its first
/// word names a role in the plural, no role word alone, and the piece is
/// short and no name. The role is the piece as printed.
fn plural_role_piece(piece: &str, lex: &Lexicons) -> Option<String> {
    let piece = piece.trim().trim_end_matches('.');
    let words: Vec<&str> = piece.split_whitespace().collect();
    let first = words.first()?;
    let plural = names_a_role(first, lex) && !is_role_word(first, lex);
    let short = words.len() <= PLURAL_ROLE_WORDS
        && words
            .iter()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(char::is_lowercase));
    (plural && short).then(|| piece.to_owned())
}

/// Most words before its role word that an office label may open on
/// (`Première adjointe`, `First Deputy Mayor`).
const LABEL_LEAD_WORDS: usize = 2;

/// The office a label names, whole (`Secrétaire de séance`, `Première
/// adjointe`): a role phrase opening on a role word, or on at most
/// [`LABEL_LEAD_WORDS`] words before one (an ordinal, a qualifier), and
/// naming no place; `None` otherwise (a place, a group).
fn label_role(label: &str, lex: &Lexicons) -> Option<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let first_role = words.iter().position(|w| is_role_word(w, lex))?;
    if first_role == 0 {
        return as_role(label, lex).map(|(role, _)| role);
    }
    if first_role > LABEL_LEAD_WORDS {
        return None;
    }
    let (_, place) = as_role(label, lex)?;
    place.is_none().then(|| words.join(" "))
}

/// Most words of a place heading a group of names in brackets (`Saint
/// Pierre de la Réunion`).
const GROUP_PLACE_WORDS: usize = 6;

/// Fewest groups of a roll grouped by place.
const PLACE_GROUPS: usize = 2;

/// A roll grouped by place, each place followed by its people in brackets
/// (`Aix les Bains (Ana Roy, Luc Blanc), Amiens (Eva Roux) Brest (…)`), as
/// networks of cities print who came from each member: the names, each
/// with its place as organisation. At least [`PLACE_GROUPS`] groups, each
/// place capitalised, short and without digits, and at least half of the
/// pieces in brackets names; otherwise nothing, the brackets then holding
/// roles (`Ana Roy (présidente), Luc Blanc (trésorier)`). A last bracket
/// the line's end cut before it closed is left out.
fn place_groups(line: &str, lex: &Lexicons) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut pieces = 0;
    let mut groups = 0;
    let mut rest = line;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|at| open + at) else {
            break;
        };
        let place = rest[..open].trim().trim_start_matches([',', ';']).trim();
        let placed = word_total(place) <= GROUP_PLACE_WORDS
            && place.starts_with(char::is_uppercase)
            && !place
                .chars()
                .any(|c| c.is_ascii_digit() || ".:;".contains(c));
        if !placed {
            return Vec::new();
        }
        for piece in rest[open + 1..close].split(',').map(str::trim) {
            if piece.is_empty() {
                continue;
            }
            pieces += 1;
            let words = words_at(piece);
            let name = as_name(piece, lex).or_else(|| match name_from(&words, 0, false, lex) {
                (Some(name), end) if end == words.len() => Some(name),
                _ => None,
            });
            if let Some(name) = name {
                found.push((name, None, Some(place.to_owned())));
            }
        }
        groups += 1;
        rest = &rest[close + 1..];
    }
    if groups < PLACE_GROUPS || found.len() * 2 < pieces {
        return Vec::new();
    }
    found
}

fn word_total(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether `label` is an attendance cue (`Étaient présents`), its accents
/// dropped as capitals often drop them (`Etaient présents`).
fn is_attendance_cue(label: &str, lex: &Lexicons) -> bool {
    attendance_cues(lex).contains(&unaccented(label.trim()))
}

/// The attendance words of `lex` without their accents: asked of many
/// labels, they are unaccented once per set of languages, not once a label.
fn attendance_cues(lex: &Lexicons) -> Arc<HashSet<String>> {
    lex.cached("attendance-cues-unaccented", |lex| {
        lex.each(|l| l.attendance_words)
            .copied()
            .map(unaccented)
            .collect()
    })
}

/// The pieces of an attendance list: parted by commas and semicolons, or,
/// in a list that prints none, by dashes set apart from a word on at least
/// one side (`CAUQUIL R. – LANET M. - FRAISSE Y.`; `Jean-Luc` keeps its
/// hyphen); conjunctions part the last names (`THIERY Patricia et VEYLAND
/// Samuel`).
fn roll_pieces<'a>(body: &'a str, lex: &Lexicons) -> Vec<&'a str> {
    let spaced_dash = |(at, _): &(usize, &str)| {
        let before = body[..*at].chars().next_back();
        let after = body[at + 1..].chars().next();
        before.is_some_and(char::is_whitespace) || after.is_some_and(char::is_whitespace)
    };
    let pieces: Vec<&str> = if body.contains([',', ';']) {
        body.split([',', ';']).collect()
    } else {
        let mut pieces = Vec::new();
        let mut start = 0;
        for (at, dash) in body.match_indices('-').filter(spaced_dash) {
            pieces.push(&body[start..at]);
            start = at + dash.len();
        }
        pieces.push(&body[start..]);
        pieces
    };
    pieces
        .into_iter()
        .flat_map(|piece| split_at_conjunctions(piece, lex))
        .filter(|piece| !piece.trim().is_empty())
        .collect()
}

/// A name printed surname first, as councils' rolls print them: the surname
/// in capitals (one to three words, `VAN DE WALLE`), then the given names
/// in title case (`Philippe`, `Jean-Claude`, `Jean Noël`) or as initials
/// (`R.`, `J.P.`, `B`). An honorific may open it; a role word is no part
/// of it. A stop closing a given name ends the sentence, not the name.
fn surname_first(piece: &str, lex: &Lexicons) -> Option<String> {
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| lex.has(|l| l.honorifics, &w.trim_end_matches('.').to_lowercase()))
    {
        words.remove(0);
    }
    let capitals = |word: &&str| {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && word.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
    };
    let initials = |word: &str| {
        let parts: Vec<&str> = word.split('.').filter(|p| !p.is_empty()).collect();
        !parts.is_empty()
            && parts
                .iter()
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    let given_name = |word: &&str| {
        let word = word.trim_end_matches('.');
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase)
            && word.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
            && !is_role_word(word, lex)
            && !lex.has(|l| l.function_words, &word.to_lowercase())
    };
    let particle = |word: &&str| lex.has(|l| l.name_particles, &word.to_lowercase());
    let family = words.iter().take_while(|w| capitals(w)).count();
    let (surname, given) = words.split_at(family);
    let by_initials = matches!(given, [one] if initials(one));
    let shaped = (1..=3).contains(&surname.len())
        && surname.last().is_some_and(|w| !particle(w))
        && surname.iter().all(|w| {
            !is_role_word(w, lex)
                && !names_a_role(w, lex)
                && !lex.has(|l| l.honorifics, &w.to_lowercase())
        })
        && (by_initials || ((1..=3).contains(&given.len()) && given.iter().all(given_name)));
    shaped.then(|| {
        let name = words.join(" ");
        if by_initials {
            name
        } else {
            name.trim_end_matches('.').to_owned()
        }
    })
}

/// An attendance list wrapped over several lines (`Présents : A, B,` / `C,
/// D`): the list read as one line, and the indices of the lines it took
/// after `index`. A line of the list ends on a comma when the list goes on.
fn attendance_continued(
    lines: &PackedLines,
    index: usize,
    claimed: &BTreeSet<usize>,
    lex: &Lexicons,
) -> (String, Vec<usize>) {
    let Some(first) = lines.get(index) else {
        return (String::new(), Vec::new());
    };
    let cued = first
        .split_once(':')
        .is_some_and(|(label, _)| word_total(label) <= 4 && is_attendance_cue(label, lex));
    let mut logical = first.to_owned();
    let mut taken = Vec::new();
    if !cued {
        return (logical, taken);
    }
    let mut next = index + 1;
    while let Some(line) = lines.get(next) {
        // A list parted by commas ends a line on one when it goes on; a
        // roll parted by dashes (`A R. - B M. -` / `C J.`) leaves the dash
        // at the end of one line or the start of the next.
        let dash_roll = !logical.contains(',') && logical.contains(" - ");
        let open = logical.trim_end().ends_with(',')
            || (dash_roll
                && (logical.trim_end().ends_with('-') || line.trim_start().starts_with('-')));
        if !open {
            break;
        }
        if claimed.contains(&next) || is_blank(line) || line.contains(':') {
            break;
        }
        logical.push(' ');
        logical.push_str(line.trim());
        taken.push(next);
        next += 1;
    }
    (logical, taken)
}

/// A name in an attendance list that [`as_name`] does not take: a surname
/// in capitals after an honorific (`Mme GAUTIER`, `MM. CHEMINEAU`), or
/// alone after a plural honorific has opened the run (`Mrs BORDIER,
/// BOULAY`). One to three words, none a role or an honorific.
fn listed_surname(piece: &str, after_honorific: bool, lex: &Lexicons) -> Option<(String, bool)> {
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    let led = words
        .first()
        .is_some_and(|w| lex.has(|l| l.honorifics, &w.trim_end_matches('.').to_lowercase()));
    if led {
        words.remove(0);
    }
    let capitals = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
    };
    // A particle may open a surname of several words (`LE ROUX`), never be one.
    let particle = |w: &&str| lex.has(|l| l.function_words, &w.to_lowercase());
    let surname = (1..=3).contains(&words.len())
        && words.iter().all(capitals)
        && !words.iter().all(particle)
        && words.last().is_some_and(|w| !particle(w))
        && words
            .iter()
            .all(|w| !is_role_word(w, lex) && !lex.has(|l| l.honorifics, &w.to_lowercase()));
    (surname && (led || after_honorific)).then(|| (words.join(" "), led))
}

/// Attendance lists run into one line, each opened by its cue (`Étaient
/// présents : A, B Étaient excusés : C, D`): the names of every list, or
/// `None` when the line holds fewer than two cues (then [`in_line`] reads
/// it as one label and its body).
fn attendance_run(line: &str, lex: &Lexicons) -> Option<Vec<Found>> {
    // Two cues need a colon each: most lines have fewer, and the search
    // below costs a lower-case copy and a scan per cue word.
    if line.bytes().filter(|&b| b == b':').count() < 2 {
        return None;
    }
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    // (start of the cue, end of its colon), longest cue first at a place.
    let mut cues: Vec<(usize, usize)> = Vec::new();
    for phrase in lex.each(|l| l.attendance_words) {
        for (at, _) in lower.match_indices(phrase) {
            let starts_word = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = &lower[at + phrase.len()..];
            let colon = rest.len() - rest.trim_start().len();
            if starts_word && rest[colon..].starts_with(':') {
                cues.push((at, at + phrase.len() + colon + 1));
            }
        }
    }
    cues.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    cues.dedup_by(|later, earlier| later.0 < earlier.1);
    // One cue at the line's start is a label, read by [`in_line`].
    if cues.is_empty() || (cues.len() == 1 && cues[0].0 == 0) {
        return None;
    }
    let mut found: Vec<Found> = Vec::new();
    for (position, &(_, body_start)) in cues.iter().enumerate() {
        let body_end = cues.get(position + 1).map_or(line.len(), |next| next.0);
        let body = line.get(body_start..body_end).unwrap_or("");
        let body = first_sentence(body, lex);
        let mut after_honorific = false;
        let listed = found.len();
        for piece in body
            .split([',', ';'])
            .flat_map(|piece| split_at_conjunctions(piece, lex))
        {
            let piece = piece.trim().trim_end_matches('.');
            // A role after a name of this list is that name's (`M. Jean
            // BRARD, Maire, Mmes Claire HUGUES…`).
            if found.len() > listed && is_role_piece(piece, lex) && as_name(piece, lex).is_none() {
                if let Some((role, place)) = as_role(piece, lex) {
                    if let Some(last) = found.last_mut() {
                        let (_, last_role, last_place): &mut Found = last;
                        if last_role.is_none() {
                            *last_role = Some(role);
                            *last_place = last_place.take().or(place);
                        }
                    }
                    continue;
                }
            }
            if as_name(piece, lex).is_none() {
                if let Some((name, led)) = listed_surname(piece, after_honorific, lex) {
                    after_honorific = after_honorific || led;
                    found.push((name, None, None));
                    continue;
                }
                if let Some(name) = surname_first(piece.split('(').next().unwrap_or(piece), lex) {
                    found.push((name, None, None));
                    continue;
                }
            }
            let (head, paren) = match piece.split_once('(') {
                Some((head, rest)) => (
                    head.trim(),
                    rest.split_once(')').map(|(inside, _)| inside.trim()),
                ),
                None => (piece, None),
            };
            // A whole piece that is a name, particles in capitals included (`Lucie LE GOFF`).
            let whole = || {
                let words = words_at(head);
                let (name, end) = name_from(&words, 0, false, lex);
                name.filter(|_| end == words.len())
            };
            if let Some(name) = as_name(head, lex).or_else(whole) {
                let (role, place) = match paren.and_then(|p| as_role(p, lex)) {
                    Some((role, place)) => (Some(role), place),
                    None => (None, paren.map(str::to_owned)),
                };
                found.push((name, role, place));
            }
        }
    }
    Some(found)
}

/// A name written as initials and a surname in capitals (`P. ARNAL`,
/// `J-M. LE ROUX`, `M-T. DUVAL`, `JP. CULOS`), as rolls of councils print
/// them: one or two initials, each a capital (or two, joined by a hyphen or
/// not, that are no honorific such as `MM.`) and a dot, then one to three
/// words in capitals, none a role word, the last no particle.
fn initialed_surname(piece: &str, lex: &Lexicons) -> Option<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let is_initial = |word: &&str| {
        word.strip_suffix('.').is_some_and(|core| {
            let joined = core.chars().count() == 2
                && core.chars().all(char::is_uppercase)
                && !lex.has(|l| l.honorifics, &core.to_lowercase());
            !core.is_empty()
                && (joined
                    || core.split('-').all(|part| {
                        part.chars().count() == 1 && part.chars().all(char::is_uppercase)
                    }))
        })
    };
    let initials = words.iter().take_while(|w| is_initial(w)).count();
    let surname = words.get(initials..).unwrap_or_default();
    let capitals = |word: &&str| {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && word.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
    };
    let particle = |word: &&str| lex.has(|l| l.name_particles, &word.to_lowercase());
    ((1..=2).contains(&initials)
        && (1..=3).contains(&surname.len())
        && surname.iter().all(capitals)
        && surname.last().is_some_and(|w| !particle(w))
        && surname.iter().all(|w| !is_role_word(w, lex)))
    .then(|| words.join(" "))
}

/// `text` up to the end of its first sentence: a full stop followed by a
/// space, a dash or the end, after a word that is no abbreviation (an
/// honorific such as `M.` or `Mmes.`, an initial such as `M.` in
/// `Jacqueline M. Córdoba`).
fn first_sentence<'t>(text: &'t str, lex: &Lexicons) -> &'t str {
    for (at, _) in text.match_indices('.') {
        let after = text[at + 1..].chars().next();
        if after.is_some_and(|c| !c.is_whitespace() && c != '-') {
            continue;
        }
        let word = text[..at]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let abbreviation = word.chars().count() == 1
            || lex.has(|l| l.honorifics, &word.to_lowercase())
            || lex.has(|l| l.title_roles, &word.to_lowercase());
        if !abbreviation {
            return &text[..at];
        }
    }
    text
}

/// People listed after a plural title (`Councillors Hanton, Bird and
/// Lawn`, `Regidores Propietarios: Ana Ruiz Gil, Luis Soto Paz.`): each
/// name of the list takes the title's role, unless its own role follows it
/// (`REGIDORES: Ana Ruiz, Presidenta, Luis Soto, …`). After such a title a
/// surname alone is a name. A bracket closing a name's piece is its group
/// (`Councillors Ana Hughes (Independent), Ben Owen (Labour)`); the list
/// ends at the sentence's end, at a semicolon or at another bracket, or at
/// a piece that is neither name nor role. A title abbreviated with a stop
/// (`Cllrs. N. Bourke, M. Buckley`) lists at least two names. `lower` is
/// `line` in lower case.
fn plural_titled(line: &str, lower: &str, lex: &Lexicons) -> Vec<Found> {
    if lower.len() != line.len() {
        return Vec::new();
    }
    let mut found: Vec<Found> = Vec::new();
    let mut from = 0;
    while let Some((_, end, role)) = lower
        .get(from..)
        .and_then(|rest| plural_title_in(rest, lex))
    {
        let end = from + end;
        from = end;
        // An inclusive ending after the title is part of it (`Concejales/as`,
        // `Concejales (as)`).
        let rest = without_inclusive_ending(&line[end..]).trim_start();
        // The list follows the title itself (`Councillors Hanton, …`,
        // `Regidores: …`), never a comma (`los señores Regidores, Síndicos y…`)
        // unless the names after it open on their honorifics (`Concejales
        // (as), Sra. Ana Ruiz, Sr. Luis Soto`).
        let after_comma = rest.strip_prefix(',');
        let rest = match after_comma {
            Some(after) if opens_on_honorific(after, lex) => after,
            Some(_) => continue,
            None => rest,
        };
        // The stop of an abbreviated title (`Cllrs.`) ends no sentence; as
        // it may be a full stop all the same, such a list needs two names.
        let abbreviated = rest.starts_with('.');
        let rest = rest.strip_prefix(['.', ':']).unwrap_or(rest);
        // A label that runs on to its colon (`SÍNDICOS Y DISTRITO: …`).
        let rest = match rest.split_once(':') {
            Some((head, tail)) if labels_a_roll(head, lex) => tail,
            _ => rest,
        };
        if opens_on_honorific(rest, lex) {
            let listed = honorific_led_names(rest, role, lex);
            if listed.len() >= 2 {
                found.extend(listed);
                continue;
            }
        }
        if after_comma.is_some() {
            continue;
        }
        let rest = first_sentence(rest, lex);
        let rest = rest.split(';').next().unwrap_or(rest);
        let mut listed: Vec<Found> = Vec::new();
        for piece in rest
            .split(',')
            .flat_map(|piece| split_at_conjunctions(piece, lex))
            .flat_map(|piece| initialed_run(piece, lex))
        {
            // A bracket that closes the piece is the name's group; any
            // other ends the list after the name before it.
            let (piece, last) = match piece.split_once('(') {
                Some((name, bracket)) => {
                    let closed = bracket
                        .trim_end()
                        .strip_suffix(')')
                        .is_some_and(|inside| !inside.contains(['(', ')']));
                    (name, !closed)
                }
                None => (piece, false),
            };
            let piece = piece.trim().trim_end_matches(['.', '-']).trim();
            if piece.is_empty() {
                if last {
                    break;
                }
                continue;
            }
            // The constituency after names (`Ana Ruiz y Luis Soto, Distrito
            // Primero`) is the place of those that have none yet.
            if constituency(piece, lex) && !listed.is_empty() {
                for last in listed.iter_mut().rev().take_while(|last| last.2.is_none()) {
                    last.2 = Some(piece.to_owned());
                }
                continue;
            }
            let words = words_at(piece);
            let (name, end) = name_from(&words, 0, true, lex);
            let surname = (words.len() == 1)
                .then_some(piece)
                .filter(|w| is_name_word(w, lex) && w.chars().skip(1).any(char::is_lowercase));
            match (name.filter(|_| end == words.len()), surname) {
                (Some(name), _) => listed.push((name, Some(role.to_owned()), None)),
                (None, Some(surname)) => {
                    listed.push((surname.to_owned(), Some(role.to_owned()), None));
                }
                (None, None) => match (listed.last_mut(), as_role(piece, lex)) {
                    (Some(last), Some((own, place))) => {
                        last.1 = Some(own);
                        last.2 = place;
                    }
                    _ => break,
                },
            }
            if last {
                break;
            }
        }
        // A surname alone is a name only in a list of several (`les
        // Conseillers Régionaux,` names no one).
        let surnames_only = listed.iter().all(|(name, _, _)| !name.contains(' '));
        if listed.len() >= 2 || (!surnames_only && !abbreviated) {
            found.extend(listed);
        }
    }
    found
}

/// `text` less an inclusive ending at its start (`/as` of `Concejales/as`,
/// ` (as)` of `Concejales (as)`): a slash or a bracket, then a few
/// lower-case letters.
fn without_inclusive_ending(text: &str) -> &str {
    let letters = |inside: &str| {
        (1..=INCLUSIVE_ENDING_LETTERS).contains(&inside.chars().count())
            && inside.chars().all(char::is_lowercase)
    };
    if let Some(after) = text.strip_prefix('/') {
        let end = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        if letters(&after[..end]) {
            return &after[end..];
        }
    }
    let bracketed = text
        .trim_start()
        .strip_prefix('(')
        .and_then(|after| after.split_once(')'));
    match bracketed {
        Some((inside, after)) if letters(inside) => after,
        _ => text,
    }
}

/// The letters of a word in lower case, its stops and signs left out
/// (`D.ª` → `dª`, `Sres.` → `sres`): an honorific as the lexicon writes it.
fn honorific_letters(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` opens on an honorific followed by a capitalised word
/// (`D. Rafael`, `Doña Sofía`, `Sra. Ana`).
fn opens_on_honorific(text: &str, lex: &Lexicons) -> bool {
    let mut words = text.split_whitespace();
    let honorific = words
        .next()
        .is_some_and(|word| lex.has(|l| l.honorifics, &honorific_letters(word)));
    honorific
        && words
            .next()
            .is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// The names listed after a plural title when each opens on its honorific,
/// commas or stops between them or none (`D. Ana Ruiz Gil. Doña Eva Mora D.
/// Luis Soto y Dña. Rosa Vidal. Actúa como…`): every name takes `role`. The
/// list ends at a word after a name that is neither an honorific nor a
/// conjunction before one.
fn honorific_led_names(text: &str, role: &str, lex: &Lexicons) -> Vec<Found> {
    let words = words_at(text);
    let honorific = |at: usize| {
        words
            .get(at)
            .is_some_and(|(_, word)| lex.has(|l| l.honorifics, &honorific_letters(word)))
    };
    let mut found = Vec::new();
    let mut at = 0;
    while honorific(at) {
        let (Some(name), next) = name_from(&words, at + 1, true, lex) else {
            break;
        };
        found.push((name, Some(role.to_owned()), None));
        let conjunction = words
            .get(next)
            .is_some_and(|(_, word)| lex.has(|l| l.conjunctions, &word.to_lowercase()));
        at = if conjunction { next + 1 } else { next };
    }
    found
}

/// The names of a piece of a list, parted where a name opening on its
/// initials meets the next one's (`S. Dooley E. Fitzpatrick`, a comma lost):
/// a name that opens on an initial takes none after its surname. Other
/// pieces are returned whole (`Jason W. Parry`, `J. W. Smith`).
fn initialed_run<'a>(piece: &'a str, lex: &Lexicons) -> Vec<&'a str> {
    let initial = |word: &str| {
        word.strip_suffix('.').is_some_and(|core| {
            core.chars().count() == 1
                && core.chars().all(char::is_uppercase)
                && !lex.has(|l| l.honorifics, &core.to_lowercase())
        })
    };
    let words = words_at(piece);
    if !words.first().is_some_and(|&(_, word)| initial(word)) {
        return vec![piece];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for pair in words.windows(2) {
        if let [(_, before), (at, word)] = pair {
            if initial(word) && !initial(before) && !before.ends_with([',', ';', '.', ')']) {
                parts.push(&piece[start..*at]);
                start = *at;
            }
        }
    }
    parts.push(&piece[start..]);
    parts
}

/// Whether `piece` names a constituency (`Distrito Quinto`, `Ward 4`): a
/// constituency word of the lexicons and one or two words more.
fn constituency(piece: &str, lex: &Lexicons) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words
            .first()
            .is_some_and(|first| lex.has(|l| l.constituency_words, &unaccented(first)))
}

/// Whether `head` (the words between a plural title and a colon) only
/// completes the label: conjunctions, roles and constituency words (`Y
/// DISTRITO`, `and Wards`), no name.
fn labels_a_roll(head: &str, lex: &Lexicons) -> bool {
    let words: Vec<String> = head.split_whitespace().map(unaccented).collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|word| {
            let singular = word.strip_suffix('s').unwrap_or(word);
            lex.has(|l| l.conjunctions, word)
                || lex.has(|l| l.list_announcers, word)
                || is_role_word(word, lex)
                || lex.has(|l| l.constituency_words, word)
                || lex.has(|l| l.constituency_words, singular)
        })
}

/// A person on a line of their own with the role in brackets after the
/// name: `James Hill [Chairman]`, `Ana Ruiz OBE [Deputy-chair] - Appointed
/// 6 July 2021`, `Luc Blanc (trésorier)`.
fn bracketed(line: &str, lex: &Lexicons) -> Vec<Found> {
    let line = line.trim_start_matches(['-', '•', '*', ' ']);
    let Some(open) = line.find(['[', '(']) else {
        return Vec::new();
    };
    let words = words_at(line[..open].trim_end());
    let (name, end) = name_from(&words, 0, false, lex);
    let Some(name) = name.filter(|_| end == words.len()) else {
        return Vec::new();
    };
    let inside = line[open + 1..].split([']', ')']).next().unwrap_or("");
    match as_role(inside.trim(), lex) {
        Some((role, place)) => vec![(name, Some(role), place)],
        None => Vec::new(),
    }
}

/// Role labels inside a line, after other text (`… donne pouvoir à M. le
/// Maire. Secrétaire de séance : Alexandra NICOLLE Conseillers en
/// exercice : 33`): the role phrase right before a colon, the name right
/// after it. The line's opening label is [`in_line`]'s.
fn labels_inside(line: &str, lex: &Lexicons) -> Vec<Found> {
    let mut found = Vec::new();
    for (colon, _) in line.match_indices(':') {
        if word_total(&line[..colon]) <= 4 {
            continue;
        }
        let before: Vec<&str> = line[..colon]
            .rsplit(['.', ';', ','])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if before.is_empty() || before.len() > 4 {
            continue;
        }
        let Some((role, place)) = as_role(&before.join(" "), lex) else {
            continue;
        };
        if !before.first().is_some_and(|w| is_role_word(w, lex)) {
            continue;
        }
        let words = words_at(&line[colon + 1..]);
        let skip = usize::from(
            words
                .first()
                .is_some_and(|(_, w)| lex.has(|l| l.honorifics, &bare(w.trim_end_matches('.')))),
        );
        if let (Some(name), _) = name_from(&words, skip, true, lex) {
            found.push((name, Some(role), place));
        }
    }
    found
}

/// Fewest people an [`honorific_run`] reads before its line is taken as one.
const HONORIFIC_RUN_PEOPLE: usize = 2;

/// Names and offices run into one line, each name opening on its abbreviated
/// honorific (`Lic. Ana Ruiz Alcaldesa ProvincialIng. Juan Soto RegidorDra.
/// Eva Lima Regidora`), the honorific at times glued to the office before
/// it. Each piece from an honorific to the next is a name, up to its first
/// role word, then its office. A piece whose office opens on no role word
/// of the lexicon, or whose name is not two to four name words, gives no
/// one: where its name ends is not printed. At least
/// [`HONORIFIC_RUN_PEOPLE`] pieces must read so.
fn honorific_run(line: &str, lex: &Lexicons) -> Vec<Found> {
    let abbreviated = |word: &str| {
        word.strip_suffix('.').is_some_and(|core| {
            core.chars().next().is_some_and(char::is_uppercase)
                && lex.has(|l| l.honorifics, &core.to_lowercase())
        })
    };
    // Sets apart an honorific glued to the word before it (`RegidorIng.`,
    // `MUNICIPALLic.`): a word in lower case or in capitals, then a capital
    // opening an abbreviated honorific.
    let mut words: Vec<&str> = Vec::new();
    for word in line.split_whitespace() {
        let glued = word
            .char_indices()
            .zip(word.chars().skip(1))
            .map(|((at, before), after)| (at + before.len_utf8(), before, after))
            .find(|&(at, before, after)| {
                let head = &word[..at];
                before.is_alphabetic()
                    && after.is_uppercase()
                    && (before.is_lowercase() || head.chars().all(char::is_uppercase))
                    && abbreviated(&word[at..])
            })
            .map(|(at, _, _)| at);
        match glued {
            Some(at) => words.extend([&word[..at], &word[at..]]),
            None => words.push(word),
        }
    }
    let opens: Vec<usize> = (0..words.len())
        .filter(|&i| words.get(i).is_some_and(|w| abbreviated(w)))
        .collect();
    if opens.len() < HONORIFIC_RUN_PEOPLE {
        return Vec::new();
    }
    let found: Vec<Found> = opens
        .iter()
        .enumerate()
        .filter_map(|(k, &open)| {
            let end = opens.get(k + 1).copied().unwrap_or(words.len());
            let piece = words.get(open + 1..end)?;
            let role_at = piece.iter().position(|w| is_role_word(w, lex))?;
            let name = as_name(&piece.get(..role_at)?.join(" "), lex)?;
            let (role, place) = as_role(&piece.get(role_at..)?.join(" "), lex)?;
            Some((name, Some(role), place))
        })
        .collect();
    if found.len() < HONORIFIC_RUN_PEOPLE {
        return Vec::new();
    }
    found
}

/// Splits a list piece at the lexicon's conjunctions standing as words
/// (`Ana Ruiz et Luc Blanc` gives both names).
fn split_at_conjunctions<'a>(piece: &'a str, lex: &Lexicons) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut word_start = 0;
    for (at, _) in piece
        .match_indices(' ')
        .chain(std::iter::once((piece.len(), "")))
    {
        let word = &piece[word_start..at];
        if word_start > start && lex.has(|l| l.conjunctions, &word.to_lowercase()) {
            parts.push(&piece[start..word_start.saturating_sub(1)]);
            start = (at + 1).min(piece.len());
        }
        word_start = (at + 1).min(piece.len());
    }
    parts.push(&piece[start..]);
    parts
}

/// Most words of a name, particles and initials included.
const NAME_WORDS: usize = 7;

/// The words of `line` with the byte offset where each starts.
fn words_at(line: &str) -> Vec<(usize, &str)> {
    let base = line.as_ptr() as usize;
    line.split_whitespace()
        .map(|word| (word.as_ptr() as usize - base, word))
        .collect()
}

/// Whether `word` (bare, lower case) is a title before a name: an
/// honorific (`Sra.`, `Mr`, `señor`) or a role written as a title (`Mayor`).
fn title_at(words: &[(usize, &str)], at: usize, lex: &Lexicons) -> Option<(usize, bool)> {
    let bare_at = |i: usize| words.get(i).map(|(_, w)| bare(w.trim_end_matches('.')));
    let one = bare_at(at)?;
    // A title closes no clause (`… M. BRARD, Maire. Présents`).
    let closes = |w: &str| {
        w.ends_with(',') || (w.ends_with(['.', ':', ';']) && !lex.has(|l| l.honorifics, &one))
    };
    if words.get(at).is_some_and(|(_, w)| closes(w)) {
        return None;
    }
    // A title that is a role too (`Cllr`) names the role.
    if lex.has(|l| l.honorifics, &one) && !lex.has(|l| l.title_roles, &one) {
        return Some((1, true));
    }
    if let Some(two) = bare_at(at + 1) {
        // `{one} {two}`, compared in place: this runs on every word.
        let pair = |role: &str| {
            role.len() == one.len() + 1 + two.len()
                && role.as_bytes().get(one.len()) == Some(&b' ')
                && role.starts_with(one.as_str())
                && role.ends_with(two.as_str())
        };
        if lex.each(|l| l.title_roles).any(|role| pair(role)) {
            // Nor does a title of two words (`le secrétaire général, …`).
            let closed = words.get(at + 1).is_some_and(|(_, w)| closes(w));
            return (!closed).then_some((2, false));
        }
    }
    lex.has(|l| l.title_roles, &one).then_some((1, false))
}

/// Names led by an honorific or by a role written as a title: `Sra. Norma
/// Dubó Álvarez;`, `el señor ANA RUIZ PEÑA, Secretaria Municipal`, `Mayor
/// Jenny Hill filled…`, `Councillor John Rich, President of the association`.
/// A role after the name and a comma is the role (its organisation the
/// place); otherwise a title role is the role, with the role words just
/// before it (`vice president Frans Timmermans`). After an honorific the
/// name may be in capitals; after a role, never (`Mayor LGA` is no one).
/// `lower` is `line` in lower case.
fn titled(line: &str, lower: &str, lex: &Lexicons) -> Vec<Found> {
    // Asked of every line: one pass over the line lowered lets go of the
    // lines where no word can be a title (an honorific, or a title role's
    // first word, set apart as [`title_at`] reads it), before each word is
    // lowered and looked up.
    let any_title = lex.pattern("title-words", |lex| {
        let words: Vec<String> = lex
            .each(|l| l.honorifics)
            .copied()
            .chain(
                lex.each(|l| l.title_roles)
                    .filter_map(|role| role.split(' ').next()),
            )
            .map(regex::escape)
            .collect();
        format!(r"(?:^|[^a-z0-9\-])(?:{})(?:$|[^a-z0-9\-])", words.join("|"))
    });
    if !any_title.is_match(lower) {
        return Vec::new();
    }
    let words = words_at(line);
    let mut found = Vec::new();
    // The role a plural title gave the last name, and the word after that
    // name: a roll run into one line (`CONCEJALES D. Ana Ruiz Gil D. Luis
    // Mora Paz`) gives it to each name that follows with nothing between.
    let mut run: Option<(String, usize)> = None;
    // The word after the last name read: the words before a title that
    // qualify it are none of that name's (`Diputado Ana Ruiz Gil Diputado
    // Luis Mora`).
    let mut last_end = 0;
    let mut at = 0;
    while at < words.len() {
        let Some((title_len, honorific)) = title_at(&words, at, lex) else {
            at += 1;
            continue;
        };
        let start = at + title_len;
        let (name, end) = match name_from(&words, start, honorific, lex) {
            (Some(name), end) => (Some(name), end),
            _ => match surname_after_title(&words, start, honorific, lex) {
                Some((name, end)) => (Some(name), end),
                None => (None, start),
            },
        };
        // Words closing on a colon before a name are a label, the office
        // of the name after it (`Director Administrativo Financiero: Ana
        // Ruiz`), not a name.
        let labels_a_name = end
            .checked_sub(1)
            .and_then(|last| words.get(last))
            .is_some_and(|(_, w)| w.ends_with(':'))
            && name_from(&words, end, false, lex).0.is_some();
        let Some(name) = name.filter(|_| !labels_a_name) else {
            at += 1;
            continue;
        };
        let closed_by_comma = end
            .checked_sub(1)
            .and_then(|last| words.get(last))
            .is_some_and(|(_, w)| w.ends_with(','));
        // A role after a dash is the name's too (`M. Paul DURAND - Président
        // du Conseil - Sénateur`, dashes folded).
        let dash_after = words.get(end).is_some_and(|(_, w)| is_dash(w));
        let role_from = if dash_after { end + 1 } else { end };
        let after = (closed_by_comma || dash_after)
            .then(|| {
                words
                    .get(role_from)
                    .map(|&(offset, _)| role_after(&line[offset..], lex))
            })
            .flatten()
            .flatten();
        let open = |i: usize| {
            words
                .get(i)
                .is_some_and(|(_, w)| !w.ends_with([',', '.', ';', ':']))
        };
        let first = (0..at)
            .rev()
            .take_while(|&i| open(i) && words.get(i).is_some_and(|(_, w)| is_role_word(w, lex)))
            .last()
            .unwrap_or(at);
        let clean = |range: &[(usize, &str)]| {
            range
                .iter()
                .map(|(_, w)| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                .collect::<Vec<_>>()
                .join(" ")
        };
        // After an honorific, the role words right before it are the
        // role (`Alcalde D. TOMÁS PEREIRA`, `Interventora Municipal Dª …`).
        let title_role = if honorific {
            (first < at).then(|| clean(&words[first..at]))
        } else {
            Some(clean(&words[first..start]))
        };
        let plural_role = if honorific && title_role.is_none() {
            match &run {
                Some((role, next)) if *next == at => Some(role.clone()),
                _ => plural_title_before(&words, at, lex),
            }
        } else {
            None
        };
        run = plural_role
            .clone()
            .filter(|_| after.is_none())
            .map(|role| (role, end));
        let title_role = title_role.or(plural_role);
        // The organisation or city that qualifies a title (`NLC President
        // Jane Holt, mayor of…`, `Harbourtown Mayor Ellen Marsh`): the
        // title is then the role, complete, and a role after the name is
        // another of theirs.
        let qualifier_start = (last_end..first)
            .rev()
            .take(3)
            .take_while(|&i| {
                open(i)
                    && words.get(i).is_some_and(|(_, w)| {
                        let w = w.trim_end_matches("'s");
                        w.chars().next().is_some_and(char::is_uppercase)
                            && !is_role_word(w, lex)
                            && !lex.has(|l| l.function_words, &bare(w))
                            && !lex.has(|l| l.honorifics, &bare(w))
                            && lex.month(&bare(w)).is_none()
                            && lex.weekday(&bare(w)).is_none()
                    })
            })
            .last();
        let qualifier = qualifier_start
            .filter(|_| !honorific)
            .map(|from| clean(&words[from..first]).trim_end_matches("'s").to_owned());
        match (after, qualifier) {
            (_, Some(qualifier)) => found.push((name, title_role, Some(qualifier))),
            (Some((role, place)), None) => found.push((name, Some(role), place)),
            (None, None) => found.push((name, title_role, None)),
        }
        last_end = end;
        at = end.max(at + 1);
    }
    found
}

/// The singular role of a plural title that ends right before word `at`
/// (`CONCEJALES`, `Concejales:`, `Regidores Propietarios`).
fn plural_title_before(words: &[(usize, &str)], at: usize, lex: &Lexicons) -> Option<String> {
    (1..=3.min(at)).find_map(|count| {
        let before = words.get(at - count..at)?;
        // Only the title's last word may close on its colon.
        let (inner, last) = before.split_at(count - 1);
        if inner.iter().any(|(_, w)| w.ends_with([',', '.', ';', ':']))
            || last.iter().any(|(_, w)| w.ends_with([',', '.', ';']))
        {
            return None;
        }
        let joined = before
            .iter()
            .map(|(_, w)| bare(w))
            .collect::<Vec<_>>()
            .join(" ");
        lex.each(|l| l.plural_titles)
            .find(|(title, _)| *title == joined)
            .map(|(_, role)| (*role).to_owned())
    })
}

/// A surname alone after a title, with its initials (`Councillor
/// Wainwright attended`, `Cllr Borg (substituted…`, `Councillor G
/// Carpenter`, `M. MONTIN, Président`): after a role written as a title, a
/// word in title case; after an honorific, one in capitals too, but only
/// with a role after its comma. The word after it is no part of a name.
fn surname_after_title(
    words: &[(usize, &str)],
    start: usize,
    honorific: bool,
    lex: &Lexicons,
) -> Option<(String, usize)> {
    let core = |i: usize| {
        words
            .get(i)
            .map(|(_, w)| w.trim_end_matches([',', ';', ':', '.', ')']))
    };
    let mut at = start;
    while at < start + 2
        && core(at).is_some_and(|c| c.chars().count() == 1 && c.chars().all(char::is_uppercase))
    {
        at += 1;
    }
    let (_, word) = *words.get(at)?;
    let surname = core(at)?;
    let title_case = surname.chars().skip(1).any(char::is_lowercase) && is_name_word(surname, lex);
    let capitals = surname.chars().count() >= 2
        && surname.chars().all(|c| c.is_uppercase() || c == '-')
        && !lex.has(|l| l.function_words, &surname.to_lowercase());
    let role_follows = word.ends_with(',')
        && words
            .get(at + 1)
            .is_some_and(|&(_, next)| is_role_word(next, lex));
    // After a role, only a council member's title (the role of a plural
    // title: `Councillor`, `regidor`) takes a surname alone: `the President
    // Emeritus` is no one.
    let member_title = start
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|(_, title)| {
            let title = bare(title);
            lex.each(|l| l.plural_titles)
                .any(|(_, role)| role.to_lowercase() == title)
        });
    let shaped =
        (honorific && (title_case || capitals) && role_follows) || (title_case && member_title);
    let next_is_name = words.get(at + 1).is_some_and(|(_, next)| {
        !word.ends_with([',', ';', '.', ')']) && next.chars().next().is_some_and(char::is_uppercase)
    });
    // A title inside a parenthesised name of a thing (`(Borough Councillor
    // Report)`): the parenthesis opens before the title and closes on the
    // word after it.
    let title_at = start.saturating_sub(1);
    let in_thing = word.ends_with(')')
        && (0..title_at)
            .rev()
            .map_while(|i| words.get(i).map(|(_, w)| *w).filter(|w| !w.contains(')')))
            .any(|w| w.starts_with('('));
    (shaped && !next_is_name && !in_thing).then(|| {
        let parts: Vec<&str> = (start..=at).filter_map(core).collect();
        (parts.join(" "), at + 1)
    })
}

/// The name that starts at word `start`, and the index of the word after
/// it: two to four name words, lower-case particles between them
/// (`Margaret de Wit`) and initials (`Ana V. Granados`), ending where a
/// word is no part of a name or closes a clause (`,` `;` `.`).
fn name_from(
    words: &[(usize, &str)],
    start: usize,
    capitals_allowed: bool,
    lex: &Lexicons,
) -> (Option<String>, usize) {
    let mut parts: Vec<&str> = Vec::new();
    let mut proper = 0;
    let mut initials = 0;
    let mut surname_in_capitals = false;
    let mut at = start;
    while let Some(&(_, word)) = words.get(at) {
        if parts.len() >= NAME_WORDS {
            break;
        }
        let core = word.trim_end_matches([',', ';', ':', '.', ')']);
        // An elided article before a first name: `d'André`, `l'Ana`.
        let core = match core.split_once('\'') {
            Some((article, rest)) if parts.is_empty() && article.chars().count() == 1 => rest,
            _ => core,
        };
        let next_is_name = words
            .get(at + 1)
            .is_some_and(|(_, next)| next.chars().next().is_some_and(char::is_uppercase));
        // A short surname closing its name before the next one's honorific
        // (`Ana Ruiz Gil. Doña Eva…`) is no abbreviation inside a name.
        let next_is_honorific = words
            .get(at + 1)
            .is_some_and(|(_, next)| lex.has(|l| l.honorifics, &bare(next)));
        // A particle of two words (`de la Vega`) is followed by a name too.
        let particle_then_name = words.get(at + 1).is_some_and(|(_, next)| {
            lex.has(|l| l.name_particles, next)
                && words
                    .get(at + 2)
                    .is_some_and(|(_, after)| after.chars().next().is_some_and(char::is_uppercase))
        });
        // An initial (`V.`), or an abbreviated name inside a name (`Sofonias
        // de Js. Arboleda`), or after a title a bare initial (`Ms D G. Wilby`).
        let initial = (word.len() == 2 && word.ends_with('.') && core.chars().all(char::is_uppercase))
                || (proper > 0
                    && next_is_name
                    && !next_is_honorific
                    && word.ends_with('.')
                    && (2..=3).contains(&core.chars().count())
                    && core.chars().next().is_some_and(char::is_uppercase)
                    && core.chars().skip(1).all(char::is_lowercase))
                || (capitals_allowed
                    && next_is_name
                    && core.chars().count() == 1
                    && core.chars().all(char::is_uppercase))
                // An abbreviated given name after an honorific (`Dª Mª. Rosa…`).
                || (capitals_allowed
                    && next_is_name
                    && word.ends_with('.')
                    && core.chars().count() == 2
                    && core.chars().next().is_some_and(char::is_uppercase)
                    && core.chars().skip(1).all(|c| "ªº".contains(c)));
        // An honorific after a whole name opens the next one (`D. Ana Ruiz
        // Gil D. Luis Mora`, a roll run into one line without commas).
        if proper >= 2 && next_is_name && lex.has(|l| l.honorifics, &bare(core)) {
            break;
        }
        let closes = !initial && core.len() < word.len();
        // Capitals after an honorific, or for a surname after a first name
        // in title case (`Jacques PÉLISSARD`).
        // A role or a body in capitals ends the name (`Rosa Vidal CONCEJALES
        // D. …`): rolls run into one line set their labels so.
        let capitals = (capitals_allowed || proper > 0)
            && core.chars().count() >= 2
            && core.chars().all(|c| c.is_uppercase() || c == '-')
            && !lex.has(|l| l.function_words, &core.to_lowercase())
            && !names_a_role(core, lex);
        // A word in title case after a surname in capitals opens what
        // follows the name (`Alexandra NICOLLE Conseillers en exercice`).
        let shaped = core.chars().skip(1).any(char::is_lowercase)
            && is_name_word(core, lex)
            && !surname_in_capitals;
        if initial && (proper > 0 || capitals_allowed) && next_is_name {
            parts.push(word);
            initials += 1;
        } else if (shaped || capitals) && !core.is_empty() {
            surname_in_capitals |= capitals && !shaped && proper > 0;
            parts.push(core);
            proper += 1;
        } else if proper > 0
            && !closes
            && (next_is_name || particle_then_name)
            // A particle in lower case, capitals or title case (`Ruiz Del
            // Olmo`, as rolls capitalise every word).
            && lex.has(|l| l.name_particles, &core.to_lowercase())
        {
            parts.push(core);
        } else {
            break;
        }
        at += 1;
        if closes {
            break;
        }
    }
    // A particle or an initial never ends a name.
    while parts.last().is_some_and(|last| {
        last.chars().next().is_some_and(|c| !c.is_uppercase())
            || last.ends_with('.')
            || lex.has(|l| l.name_particles, &last.to_lowercase())
    }) {
        parts.pop();
    }
    // A surname after a title and initials is a name (`Ms D G. Wilby`).
    let titled_initials = capitals_allowed && proper == 1 && initials > 0;
    let name = ((2..=4).contains(&proper) || titled_initials).then(|| parts.join(" "));
    (name, at)
}

/// The role in the clause after a name (`Alcalde de la comuna de X y
/// asisten…` → `Alcalde`, `comuna de X`): up to the next `,` `;` or `.`,
/// or to its first conjunction when the whole clause is no role.
fn role_after(text: &str, lex: &Lexicons) -> Option<(String, Option<String>)> {
    let clause = text.split([',', ';', '.', '(']).next().unwrap_or("");
    let clause = clause.split(" - ").next().unwrap_or(clause).trim();
    if names_after_role(clause, lex) {
        return None;
    }
    as_role(clause, lex).or_else(|| {
        let words: Vec<&str> = clause.split_whitespace().collect();
        let cut = words
            .iter()
            .position(|w| lex.has(|l| l.conjunctions, &bare(w)))?;
        as_role(&words[..cut].join(" "), lex)
    })
}

/// Whether list piece `piece` is a region completing the place before it
/// (`Villaverde, Costa Norte,`): one or two capitalised words, no name and no role.
fn is_region(piece: &str, lex: &Lexicons) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| is_name_word(w, lex))
        && as_name(piece, lex).is_none()
}

/// Whether `word` is a dash standing between words (folded to `-`).
fn is_dash(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c == '-')
}

/// Whether `piece` names someone after its role (`Acme CEO Jack
/// Reed`): the role is theirs, not the name's before the comma.
fn names_after_role(piece: &str, lex: &Lexicons) -> bool {
    !titled(piece, &piece.to_lowercase(), lex).is_empty()
}

/// The name that ends `text` after words that are no part of it
/// (`modérée par Soham El Wardini` → `Soham El Wardini`).
fn trailing_name(text: &str, lex: &Lexicons) -> Option<String> {
    let words = words_at(text);
    (2..=4).rev().find_map(|count| {
        let start = words.len().checked_sub(count)?;
        let before_is_lower = start
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_lowercase));
        if !before_is_lower {
            return None;
        }
        let (name, end) = name_from(&words, start, false, lex);
        name.filter(|_| end == words.len())
    })
}

/// The name opening `text` when its surname is in capitals and the text
/// runs on after it in other case (`Paul MARCHAND Conseil municipal de…`):
/// a first name in title case, then one to three words in capitals; the
/// capitals end the name.
fn leading_capitals_name(text: &str, lex: &Lexicons) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitals = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let first = words.first()?;
    let title_case = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).any(char::is_lowercase);
    if !title_case || !is_name_word(first, lex) {
        return None;
    }
    let surname = words
        .iter()
        .skip(1)
        .take_while(|w| capitals(w) && is_name_word(w, lex))
        .count();
    let runs_on = words
        .get(1 + surname)
        .is_some_and(|w| !capitals(w) && w.chars().any(char::is_alphabetic));
    ((1..=3).contains(&surname) && runs_on).then(|| words[..=surname].join(" "))
}

/// The role phrase that ends `text` (`…enviada por el Alcalde de
/// Barcelona` → `Alcalde`, `Barcelona`): the longest one starting with a
/// role word among the last words.
fn trailing_role(text: &str, lex: &Lexicons) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let from = words.len().saturating_sub(ROLE_PHRASE_WORDS / 2);
    (from..words.len())
        .filter(|&start| words.get(start).is_some_and(|w| is_role_word(w, lex)))
        .find_map(|start| as_role(&words[start..].join(" "), lex))
}

/// Whether `text` speaks of a board or of members (`the members of the
/// Executive Committee:`), so that a bulleted list after it lists people.
fn announces_people(text: &str, lex: &Lexicons) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let padded = format!(" {} ", words.join(" "));
    lex.each(|l| l.member_words)
        .chain(lex.each(|l| l.people_list_headings))
        .any(|phrase| padded.contains(&format!(" {phrase} ")))
}

/// A bulleted item `Name (what they represent)`, as a name and the
/// parenthesis's role or organisation.
fn bulleted_person(item: &str, lex: &Lexicons) -> Option<Found> {
    let (head, rest) = item.split_once('(')?;
    let words = words_at(head);
    let (name, end) = name_from(&words, 0, false, lex);
    let name = name.filter(|_| end == words.len())?;
    let inside = rest.split_once(')').map(|(inside, _)| inside.trim())?;
    if !inside.chars().any(char::is_alphabetic) || inside.split_whitespace().count() > 8 {
        return None;
    }
    Some(match as_role(inside, lex) {
        Some((role, place)) => (name, Some(role), place),
        None => (name, None, Some(inside.to_owned())),
    })
}

/// People of bulleted lists run into one line (`…the members of the
/// Executive Committee: • Ana Ruiz (North Branch) • Tom Lee (Treasurer)`):
/// each item `Name (…)` after text that announces people, or after another
/// such item.
fn bulleted(line: &str, lex: &Lexicons) -> Vec<Found> {
    let segments: Vec<&str> = line.split('•').collect();
    let mut found = Vec::new();
    let mut listing = false;
    for (position, item) in segments.iter().enumerate().skip(1) {
        let previous = segments.get(position - 1).copied().unwrap_or("");
        let previous_was_person = position >= 2 && bulleted_person(previous, lex).is_some();
        listing = announces_people(previous, lex) || (listing && previous_was_person);
        if !listing {
            continue;
        }
        if let Some(person) = bulleted_person(item, lex) {
            found.push(person);
        }
    }
    found
}

/// A signature block: the name line at `index` next to a role line, with
/// no blank line between (`Daniel Reyes` / `Secretary General`, `La
/// Présidente,` / `Odile Garnier`). In pairs of a name and its post on
/// consecutive lines (`Ana Ruiz` / `Director General` / `Luis Soto` /
/// `Head of Finance`), the run's first line tells which post is whose: a
/// run opened by a name pairs each with the post under it, one opened by
/// a post each with the post above it.
///
/// In a double-spaced text ([`is_double_spaced`]) the two lines may have a
/// blank line between them, as every other pair of lines has; the role
/// line is then a short one ([`SPACED_ROLE_WORDS`]), not a sentence.
fn signature(lines: &PackedLines, index: usize, double_spaced: bool, lex: &Lexicons) -> Vec<Found> {
    let name_at = |i: usize| {
        lines
            .get(i)
            .and_then(|line| as_name(line.trim_end_matches(','), lex))
    };
    let Some(name) = name_at(index) else {
        return Vec::new();
    };
    let role_line = |i: Option<(usize, bool)>| {
        i.and_then(|(i, spaced)| lines.get(i).map(|line| (line, spaced)))
            .filter(|(line, spaced)| {
                !is_blank(line)
                    && !line.contains(':')
                    && (!spaced || word_total(line) <= SPACED_ROLE_WORDS)
            })
            .and_then(|(line, _)| as_role(line.trim_end_matches([',', '.']), lex))
    };
    let beside = |at: usize, below: bool| neighbour(lines, at, below, double_spaced);
    // Names and posts alternating above the name: the run's first line
    // tells the order of its pairs. Under a post (`Secretaria de
    // Finanzas` / `Lucía Ferrer` / `Jefe de Prensa` / `Tomás Rivera`), the
    // post above a name is its own; under a name, the post below is.
    let mut run_above = 0;
    let mut at = index;
    while run_above < SIGNATURE_RUN_LINES {
        let Some(up) = beside(at, false) else {
            break;
        };
        // A post is told by its first word here: one this reader cannot
        // split into role and place (`Secretaria de Finanzas y Presupuesto`)
        // still takes its place in the run, so that the name under it is
        // given no other post.
        let alternates = if run_above % 2 == 0 {
            lines.get(up.0).is_some_and(|line| {
                !line.contains(':')
                    && line
                        .split_whitespace()
                        .next()
                        .is_some_and(|first| is_role_word(first, lex))
            }) || role_line(Some(up)).is_some()
        } else {
            name_at(up.0).is_some()
        };
        if !alternates {
            break;
        }
        run_above += 1;
        at = up.0;
    }
    let role = if run_above % 2 == 1 {
        role_line(beside(index, false))
    } else {
        role_line(beside(index, true))
    };
    match role {
        Some((role, place)) => vec![(name, Some(role), place)],
        None => Vec::new(),
    }
}

/// Most words of a role line read past a blank line (see [`signature`]).
const SPACED_ROLE_WORDS: usize = 8;

/// Most lines of alternating names and posts [`signature`] walks up to find
/// where their run starts: a longer directory is read in runs of this size.
const SIGNATURE_RUN_LINES: usize = 64;

/// The line beside line `index` (below it or above it), and whether a
/// blank line was passed to reach it: in a double-spaced text, a single
/// blank line parts no more than a line break does.
fn neighbour(
    lines: &PackedLines,
    index: usize,
    below: bool,
    double_spaced: bool,
) -> Option<(usize, bool)> {
    let step = |i: usize| {
        if below {
            i.checked_add(1)
        } else {
            i.checked_sub(1)
        }
    };
    let at = step(index)?;
    if !(double_spaced && lines.get(at).is_some_and(is_blank)) {
        return Some((at, false));
    }
    let past = step(at)?;
    lines
        .get(past)
        .filter(|line| !is_blank(line))
        .map(|_| (past, true))
}

/// Share of the lines with text followed by exactly one blank line, then
/// text, from which a text is double-spaced: pages copied from the web or
/// from some converters put a blank line after every line, so that a
/// blank line no longer parts paragraphs or blocks.
const DOUBLE_SPACED_SHARE: f64 = 0.7;

/// Fewest lines with text a text needs to be told double-spaced.
const DOUBLE_SPACED_LINES: usize = 6;

/// Whether most lines of `lines` are followed by one blank line, then text
/// (see [`DOUBLE_SPACED_SHARE`]).
fn is_double_spaced(lines: &PackedLines) -> bool {
    let texts: Vec<usize> = (0..lines.len())
        .filter(|&i| !is_blank(lines.line(i)))
        .collect();
    let spaced = texts
        .iter()
        .filter(|&&i| {
            lines.get(i + 1).is_some_and(is_blank)
                && lines.get(i + 2).is_some_and(|line| !is_blank(line))
        })
        .count();
    texts.len() >= DOUBLE_SPACED_LINES && spaced as f64 >= DOUBLE_SPACED_SHARE * texts.len() as f64
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::lexicon::Language;

    /// A label is an attendance cue exactly when it is one of the attendance
    /// words without accents, as unaccenting each phrase for each label
    /// finds: every phrase of every language, in capitals, without accents,
    /// with spaces around and with a word more.
    #[test]
    fn attendance_cues_are_the_unaccented_attendance_words() {
        for lex in Language::ALL
            .map(|language| Lexicons::for_codes([language.code()]))
            .into_iter()
            .chain([Lexicons::all()])
        {
            let reference = |label: &str| {
                let bare = unaccented(label.trim());
                lex.each(|l| l.attendance_words)
                    .any(|phrase| unaccented(phrase) == bare)
            };
            for phrase in Lexicons::all().each(|l| l.attendance_words) {
                for label in [
                    (*phrase).to_owned(),
                    phrase.to_uppercase(),
                    unaccented(phrase),
                    format!("  {phrase} "),
                    format!("{phrase} excused"),
                ] {
                    assert_eq!(
                        is_attendance_cue(&label, &lex),
                        reference(&label),
                        "{label}"
                    );
                }
            }
        }
    }

    /// Words a name may be read from: honorifics and particles of every
    /// language, names in title case and in capitals, and words that are
    /// none.
    fn name_words() -> Vec<String> {
        let lex = Lexicons::all();
        let mut words: Vec<String> = lex
            .each(|l| l.honorifics)
            .chain(lex.each(|l| l.name_particles))
            .flat_map(|word| {
                let mut title: Vec<char> = word.chars().collect();
                if let Some(first) = title.first_mut() {
                    *first = first.to_uppercase().next().unwrap_or(*first);
                }
                [
                    (*word).to_owned(),
                    format!("{}.", title.iter().collect::<String>()),
                ]
            })
            .collect();
        for word in [
            "Ana", "Ruiz", "RUIZ", "Jean-Luc", "O'Neil", "LE", "Núñez", "Åsa", "ana", "the",
            "2021", "Report", "Mayor", "J.", "—", ",",
        ] {
            words.push(word.to_owned());
        }
        words
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The count of words lets go of no text the name reader takes.
        #[test]
        fn the_word_count_rejects_no_name(
            picked in proptest::collection::vec(proptest::sample::select(name_words()), 0..9),
        ) {
            let lex = Lexicons::all();
            let text = picked.join(" ");
            prop_assert_eq!(as_name(&text, &lex), read_name(&text, &lex));
        }
    }

    fn people(source: &str) -> Vec<Found> {
        extract_mentions(
            &Text::from_plain(source),
            &BTreeSet::new(),
            &Lexicons::all(),
        )
        .into_iter()
        .map(|p| (p.name, p.role, p.place))
        .collect()
    }

    /// The role a name was found with, if the name was found.
    fn role_found(found: &[Found], name: &str) -> Option<Option<String>> {
        found
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, role, _)| role.clone())
    }

    /// Offices printed before names in a roll, after a colon or a comma,
    /// some led by an ordinal (`Première adjointe : Marie Martin`), in es,
    /// en and fr.
    #[test]
    fn an_office_printed_before_a_name_is_its_role() {
        let found = people(
            "Présents\n\nMaire : Jean Dupont\nPremière adjointe : Marie Martin\nSecrétaire de séance : Paul Durand\n",
        );
        assert_eq!(
            role_found(&found, "Jean Dupont"),
            Some(Some("Maire".to_owned()))
        );
        assert_eq!(
            role_found(&found, "Marie Martin"),
            Some(Some("Première adjointe".to_owned()))
        );
        let found =
            people("Asistentes\n\nAlcalde, Juan Pérez García\nSecretario, Pedro Gómez Díaz\n");
        assert_eq!(
            role_found(&found, "Juan Pérez García"),
            Some(Some("Alcalde".to_owned()))
        );
        assert_eq!(
            role_found(&found, "Pedro Gómez Díaz"),
            Some(Some("Secretario".to_owned()))
        );
        let found = people("Present:\n\nMayor, Jane Doe\nDeputy Mayor, John Smith\n");
        assert_eq!(
            role_found(&found, "Jane Doe"),
            Some(Some("Mayor".to_owned()))
        );
        assert_eq!(
            role_found(&found, "John Smith"),
            Some(Some("Deputy Mayor".to_owned()))
        );
    }

    /// Names and posts on consecutive lines, pair after pair: a post under a
    /// name is that name's, never the next name's.
    #[test]
    fn a_post_under_a_name_is_not_the_next_names() {
        for (source, first, post, second) in [
            (
                "Peter White\nDirector General\nAnne Black\nHead of Finance\n",
                "Peter White",
                "Director General",
                "Anne Black",
            ),
            (
                "Luis Soto Vera\nSecretario General\nAna Ruiz Gil\nJefa de Prensa\n",
                "Luis Soto Vera",
                "Secretario General",
                "Ana Ruiz Gil",
            ),
            (
                "Paul Durand\nDirecteur général\nMarie Roux\nCheffe de projet\n",
                "Paul Durand",
                "Directeur général",
                "Marie Roux",
            ),
        ] {
            let found = people(source);
            assert_eq!(
                role_found(&found, first),
                Some(Some(post.to_owned())),
                "{found:?}"
            );
            assert!(
                role_found(&found, second).is_none_or(|role| role.as_deref() != Some(post)),
                "{found:?}"
            );
        }
    }

    /// A board list set one person a line, `Name (City) – Role`.
    #[test]
    fn a_board_list_of_names_their_cities_a_dash_and_their_roles() {
        let found = people(
            "Comité Ejecutivo 2031 – 2033\n\nMarta Ruiz (Sucre) – Presidenta\n\n\
             Tomás Ibáñez Vera (Oruro) – Primer Vicepresidente\n\nLucía Paz – Vocal\n\n\
             Ad Hoc Committee – Conflict Resolution\n",
        );
        assert_eq!(
            found,
            vec![
                (
                    "Marta Ruiz".to_owned(),
                    Some("Presidenta".to_owned()),
                    Some("Sucre".to_owned())
                ),
                (
                    "Tomás Ibáñez Vera".to_owned(),
                    Some("Primer Vicepresidente".to_owned()),
                    Some("Oruro".to_owned())
                ),
                ("Lucía Paz".to_owned(), Some("Vocal".to_owned()), None),
            ]
        );
    }

    /// A roll run into a sentence, `NAME, ROLE;` after a cue, names and
    /// roles in capitals, some roles led by an ordinal.
    #[test]
    fn a_roll_of_names_and_roles_parted_by_semicolons() {
        let found = people(
            "Reunidos en la sala de sesiones, los miembros del concejo, señores: \
             ROSA ELENA MARTÍ LUNA, ALCALDESA; PEDRO IVÁN SOLÍS, SINDICO; \
             ANA MARÍA PAZ DE RÍOS, PRIMER REGIDOR; LUIS CANO VERA, SEGUNDO SUPLENTE. \
             La señora Alcaldesa abre la sesión.\n",
        );
        for (name, role) in [
            ("ROSA ELENA MARTÍ LUNA", "ALCALDESA"),
            ("PEDRO IVÁN SOLÍS", "SINDICO"),
            ("ANA MARÍA PAZ DE RÍOS", "PRIMER REGIDOR"),
            ("LUIS CANO VERA", "SEGUNDO SUPLENTE"),
        ] {
            assert!(
                found
                    .iter()
                    .any(|(n, r, _)| n == name && r.as_deref() == Some(role)),
                "{name}, {role}: {found:?}"
            );
        }
        // Two entries are no roll: capitals alone stay no name.
        let found = people("ORDEN DEL DÍA: APROBACIÓN DEL ACTA, ALCALDE; LECTURA DE CORRESPONDENCIA, SECRETARIO.\n");
        assert!(found.is_empty(), "{found:?}");
    }

    /// A board flattened onto one line, each name followed by its role: the
    /// role words part the names. A line that reads as well the other way
    /// round (a role before the first name), or whose pairs are parted by
    /// punctuation, is no flattened roll.
    #[test]
    fn a_board_flattened_onto_one_line_name_then_role() {
        let found = flat_roll(
            "Junta: Rosa Mena Presidenta Iván Solís Director Ejecutivo Eva Paz Tesorera Imprime: taller",
            &Lexicons::all(),
        );
        let expected: Vec<Found> = [
            ("Rosa Mena", "Presidenta"),
            ("Iván Solís", "Director Ejecutivo"),
            ("Eva Paz", "Tesorera"),
        ]
        .iter()
        .map(|(name, role)| ((*name).to_owned(), Some((*role).to_owned()), None))
        .collect();
        assert_eq!(found, expected);
        for line in [
            "Junta Presidenta Rosa Mena Tesorera Eva Paz Vocal Iván Solís",
            "Elected: Mara Holt, President; Tom Reed, Treasurer",
            "Rosa Mena Presidenta",
        ] {
            let found = flat_roll(line, &Lexicons::all());
            assert!(found.is_empty(), "{line}: {found:?}");
        }
    }

    /// A council's roll under its headings: a plural title heads names that
    /// each take its singular role, on lines of their own (blank lines
    /// between, honorifics before, names in capitals) or run into one line;
    /// a role label heads the one name under it; a plural title in the
    /// prose before a name that has its own role changes nothing.
    #[test]
    fn rolls_under_plural_titles_and_role_labels() {
        let found = people(
            "ASISTENTES:

Alcalde-Presidente:

D. Tomás Arnedo Vial.

             Concejales:

D. Mario Ferrán Sotillo.

Dª. Elena Pardo Mirón.
             Dª MARTA LOSADA ROMERO.

SECRETARIO:
D. Germán Oliva Ruiz.

             Se abre la sesión a las veinte horas.

             SEÑORES ASISTENTES ALCALDESA-PRESIDENTA Dª. Rosa Gil Mata CONCEJALES D. Pablo              Nieto Sanz Dª. Laura Vidal Roca. D. Luis Mora Paz SECRETARIO ACCTAL. D. Ramón              Ibáñez Cid En la villa, siendo las veinte horas, se reúne el Pleno.
",
        );
        let role = |name: &str| {
            found
                .iter()
                .find(|(n, _, _)| n == name)
                .unwrap_or_else(|| panic!("{name} not found in {found:?}"))
                .1
                .clone()
        };
        for name in [
            "Mario Ferrán Sotillo",
            "Elena Pardo Mirón",
            "MARTA LOSADA ROMERO",
            "Pablo Nieto Sanz",
            "Laura Vidal Roca",
            "Luis Mora Paz",
        ] {
            assert_eq!(role(name).as_deref(), Some("concejal"), "{name}");
        }
        assert_eq!(
            role("Tomás Arnedo Vial").as_deref(),
            Some("Alcalde-Presidente")
        );
        assert_eq!(role("Germán Oliva Ruiz").as_deref(), Some("SECRETARIO"));
        assert_ne!(role("Ramón Ibáñez Cid").as_deref(), Some("concejal"));
        assert_ne!(role("Rosa Gil Mata").as_deref(), Some("concejal"));
    }

    /// A role label heads one line of names only; a plural title's roll
    /// ends at the first line that holds no name.
    #[test]
    fn a_role_label_heads_one_line_and_a_roll_ends_at_prose() {
        let found = people(
            "Presidente:
D. Tomás Arnedo Vial
D. Mario Ferrán Sotillo

             CONCEJALES
D. Elena Pardo Mirón
El acta se aprueba por unanimidad.
             D. Germán Oliva Ruiz
",
        );
        let role = |name: &str| {
            found
                .iter()
                .find(|(n, _, _)| n == name)
                .and_then(|(_, role, _)| role.clone())
        };
        assert_eq!(role("Tomás Arnedo Vial").as_deref(), Some("Presidente"));
        assert_eq!(role("Mario Ferrán Sotillo"), None);
        assert_eq!(role("Elena Pardo Mirón").as_deref(), Some("concejal"));
        assert_eq!(role("Germán Oliva Ruiz"), None);
    }

    /// Rolls printed surname first: the surname in capitals, then the given
    /// names in title case or as initials, parted by commas or by dashes,
    /// the cue written without its accent, a dash-parted roll wrapped over
    /// lines at a dash.
    #[test]
    fn rolls_printed_surname_first() {
        let found = people(
            "Etaient présents : MOREAU Lucie, VAN DER BERG Jean-Pierre, \
             PETIT Anne Sophie et ROCHE Henri.\n\n\
             Etaient présents : DELMAS P. – FABRE J.M. - ORTIZ L. –\n\
             BLANC R. - NOVAK A.\n\
             Etaient excusés : GARNIER T. (remplacé par BLANC R.) – VIDAL S.\n",
        );
        let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        for name in [
            "MOREAU Lucie",
            "VAN DER BERG Jean-Pierre",
            "PETIT Anne Sophie",
            "ROCHE Henri",
            "DELMAS P.",
            "FABRE J.M.",
            "ORTIZ L.",
            "BLANC R.",
            "NOVAK A.",
            "GARNIER T.",
            "VIDAL S.",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        // A role in capitals before a word in title case is no surname.
        let found = people("Présents : MAIRE Paul, ADJOINT Jean.\n");
        assert!(
            found
                .iter()
                .all(|(name, _, _)| !name.contains("MAIRE") && !name.contains("ADJOINT")),
            "{found:?}"
        );
    }

    /// A role after a name ending a clause is that name's, and no role of
    /// the name after it.
    #[test]
    fn a_role_after_a_name_ending_a_clause_is_not_the_next_names() {
        let found = people(
            "En la reunión estuvo presente Marta Gil Soto, directora general de la \
             asociación, Luis Vega Mora, coordinador de enlace de la asociación.\n",
        );
        assert_eq!(
            role_of(&found, "Marta Gil Soto").map(|(role, _)| role),
            Some("directora general")
        );
        assert_ne!(
            role_of(&found, "Luis Vega Mora").map(|(role, _)| role),
            Some("directora general")
        );
    }

    fn role_of<'f>(found: &'f [Found], name: &str) -> Option<(&'f str, Option<&'f str>)> {
        found
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, role, place)| (role.as_deref().unwrap_or(""), place.as_deref()))
    }

    /// A role the lexicon names in two words keeps both, read with the
    /// document's own language only (where no other language's role words
    /// cover the second word): the second word is no place.
    #[test]
    fn a_role_of_two_words_after_a_name_is_one_role() {
        let cases = [
            (
                "fr",
                "Présents : M. Paul DURAND, Maire, Mme Lise ROCHE, Conseillère régionale, \
                 M. Henri PETIT, Conseiller municipal.\n",
                [
                    ("Lise ROCHE", "Conseillère régionale"),
                    ("Henri PETIT", "Conseiller municipal"),
                ],
            ),
            (
                "es",
                "Asistentes: Marta Gil Soto, Alcaldesa, y Rosa Vega Luna, Secretaria municipal.\n",
                [
                    ("Marta Gil Soto", "Alcaldesa"),
                    ("Rosa Vega Luna", "Secretaria municipal"),
                ],
            ),
        ];
        for (language, source, want) in cases {
            let found: Vec<Found> = extract_mentions(
                &Text::from_plain(source),
                &BTreeSet::new(),
                &Lexicons::for_codes([language]),
            )
            .into_iter()
            .map(|p| (p.name, p.role, p.place))
            .collect();
            for (name, role) in want {
                assert_eq!(role_of(&found, name), Some((role, None)), "{found:?}");
            }
        }
    }

    #[test]
    fn names_and_offices_run_into_one_line_part_at_their_honorifics() {
        let lex = Lexicons::all();
        let line = "CONSEJO MUNICIPALLic. Rosa Quispe Llanos Alcaldesa ProvincialIng. Tomás Vera Cano RegidorDra. Elsa Mamani Ríos Regidora Ing. Hugo Pari Desarrollo Urbano";
        let found = honorific_run(line, &lex);
        let names: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(name, role, _)| (name.as_str(), role.as_deref()))
            .collect();
        // The last piece's office opens on no role word: no one.
        assert_eq!(
            names,
            [
                ("Rosa Quispe Llanos", Some("Alcaldesa")),
                ("Tomás Vera Cano", Some("Regidor")),
                ("Elsa Mamani Ríos", Some("Regidora")),
            ]
        );
        // One piece alone is no run; a sentence's names with commas are
        // other readers'.
        assert!(honorific_run("Lic. Rosa Quispe Llanos Alcaldesa Provincial", &lex).is_empty());
        assert!(honorific_run(
            "Asisten el Sr. Tomás Vera, Regidor, y la Sra. Elsa Mamani, Regidora.",
            &lex
        )
        .is_empty());
    }

    /// A roll of initials on the cue's own line, initials of two capitals
    /// (`JP.`) among them: its `M.` is an initial too, not `Monsieur`.
    #[test]
    fn a_roll_of_initials_after_its_cue_on_one_line() {
        let found = people(
            "Etaient présents : JP. VALADE, A. ROUSSEL, M. TERRAL, RM. DA COSTA, \
             C. BRUNEL et I. FAURE\n",
        );
        let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "JP. VALADE",
                "A. ROUSSEL",
                "M. TERRAL",
                "RM. DA COSTA",
                "C. BRUNEL",
                "I. FAURE"
            ]
        );
        // Without other initials, `M.` still stands for `Monsieur`.
        let found = people("Etaient présents : M. TERRAL, Mme BRUNEL\n");
        assert!(found.iter().any(|(n, _, _)| n == "TERRAL"), "{found:?}");
    }

    #[test]
    fn a_roll_of_initials_under_a_cue_heading_without_colon() {
        let found = people(
            "ÉTAT DES PRÉSENCES\n\nPRESENTS\n\nK. ARNAL, J-M. LE ROUX, T. VIDAL, B.\n\
             DUCLOS, M-C. OLLIVIER, R. LE\nFAOU, N. MARTY.\n\nABSENTS EXCUSES\n\n\
             L. PEYRE, I. LE GALL.\nORDRE DU JOUR\n",
        );
        let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        for name in [
            "K. ARNAL",
            "J-M. LE ROUX",
            "T. VIDAL",
            "DUCLOS",
            "M-C. OLLIVIER",
            "FAOU",
            "N. MARTY",
            "L. PEYRE",
            "I. LE GALL",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        // A cut initial (`B.`), a cut particle (`R. LE`) and the heading after
        // the roll are no one.
        assert!(
            names
                .iter()
                .all(|n| !["B", "R. LE", "ORDRE DU JOUR"].contains(n)),
            "{names:?}"
        );
        let english = people("Present\n\nD. WREN, H. COLE, P. ASHBY\n");
        assert_eq!(english.len(), 3, "{english:?}");
    }

    #[test]
    fn a_cue_word_inside_a_line_opens_no_roll_without_its_colon() {
        let found = people("Those present\nA. BLAKE, C. DENT\n");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn honorifics_separate_names_run_together_without_commas() {
        let found = people(
            "SEÑORES ASISTENTES: ALCALDESA Dª. Rosa Vidal Prieto CONCEJALES D. Tomás Ibáñez Ruiz \
             D. Iván Soto Mena Dª. Mª. Luz Pardo Gil D. Ángel Ruiz Del Olmo SECRETARIO D. Saúl \
             Mena Rey 1º.- APROBACIÓN DEL ACTA.\n",
        );
        let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        for name in [
            "Rosa Vidal Prieto",
            "Tomás Ibáñez Ruiz",
            "Iván Soto Mena",
            "Mª. Luz Pardo Gil",
            "Ángel Ruiz Del Olmo",
            "Saúl Mena Rey",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        // An initial inside one name still belongs to it, and a particle
        // never ends a name.
        let found = people("Asiste la Sra. Ana M. Ruiz Gil, concejala.\n");
        assert!(
            found.iter().any(|(n, _, _)| n == "Ana M. Ruiz Gil"),
            "{found:?}"
        );
        let found = people("Présente : Mme Claire Roux De, secrétaire.\n");
        assert!(
            found.iter().all(|(n, _, _)| !n.ends_with("De")),
            "{found:?}"
        );
    }

    #[test]
    fn role_words_before_an_honorific_and_spanish_abbreviated_honorifics() {
        let found = people(
            "Se reúnen bajo la Presidencia del Sr. Alcalde D. RAMIRO CUESTA VIDAL, los Sres. \
             Dª NIEVES ORTA LUQUE, D. BRUNO SALCEDO PONS, y la Interventora Municipal Dª ELENA \
             FAURA MIR, a la hora fijada.\n",
        );
        assert_eq!(
            role_of(&found, "RAMIRO CUESTA VIDAL"),
            Some(("Alcalde", None))
        );
        assert_eq!(
            role_of(&found, "ELENA FAURA MIR"),
            Some(("Interventora Municipal", None))
        );
        assert!(role_of(&found, "NIEVES ORTA LUQUE").is_some(), "{found:?}");
        assert!(role_of(&found, "BRUNO SALCEDO PONS").is_some(), "{found:?}");
    }

    #[test]
    fn a_role_in_parentheses_stays_with_the_name_before_it() {
        let found = people(
            "Present at the yearly meeting: Cllr Ada Wren (Chair), Cllr Tom Hale and Cllr Ben Stowe.\n",
        );
        assert!(role_of(&found, "Tom Hale").is_some(), "{found:?}");
        assert_ne!(
            role_of(&found, "Tom Hale").map(|(role, _)| role),
            Some("(Chair)")
        );
        assert_ne!(
            role_of(&found, "Tom Hale").map(|(role, _)| role),
            Some("Chair")
        );
    }

    #[test]
    fn a_title_inside_the_name_of_a_thing_names_no_one() {
        let found = people(
            "Cllr Dunn Personal interest in item 7 (Borough Councillor Report) as a member.\n",
        );
        assert!(role_of(&found, "Report").is_none(), "{found:?}");
        // A person in parentheses still is one.
        let found = people("Apologies were received (Cllr Pryor) for the meeting.\n");
        assert!(role_of(&found, "Pryor").is_some(), "{found:?}");
    }

    #[test]
    fn a_name_with_its_surname_in_capitals_runs_on_after_its_role() {
        let found =
            people("Fait à Brévigny, le Le Maire, Paul MARCHAND Conseil municipal du 3 mars\n");
        assert_eq!(role_of(&found, "Paul MARCHAND"), Some(("Maire", None)));
        // Without a role before it, such a piece names no one.
        assert!(people("Voir Paul MARCHAND Conseil municipal du 3 mars\n").is_empty());
    }

    #[test]
    fn speaker_lines_without_a_role_follow_those_with_one() {
        let panel = "Opening panel\n\nTomas Berg, Mayor, Lakeview, MN\n\n\
            Priya Natarajan, Northfield Health Institute\n\n\
            Ruth Okoye, Director, Transit Alliance\n\nOwen Pryce, Duluth, MN";
        let found = people(panel);
        assert_eq!(
            role_of(&found, "Priya Natarajan"),
            Some(("", Some("Northfield Health Institute")))
        );
        assert_eq!(
            role_of(&found, "Owen Pryce"),
            Some(("", Some("Duluth, MN")))
        );
        // With a single speaker line holding a role, a `Name, Place` line
        // may be an address: nobody.
        let found = people("Tomas Berg, Mayor, Lakeview\n\nGrace Hill, Oak County, MN");
        assert_eq!(role_of(&found, "Grace Hill"), None);
        // A sentence is no speaker line.
        let found = people(
            "Tomas Berg, Mayor, Lakeview\n\nRuth Okoye, Director, Transit Alliance\n\n\
            Owen Pryce, who chairs the panel, spoke first.",
        );
        assert_eq!(role_of(&found, "Owen Pryce"), None);
    }

    #[test]
    fn a_region_between_role_and_name_completes_the_place() {
        let found = people(
            "Ayer el alcalde de Colima, Jalisco, Rosa Ibáñez Trejo, recibió a los regidores.",
        );
        assert_eq!(
            role_of(&found, "Rosa Ibáñez Trejo"),
            Some(("alcalde", Some("Colima, Jalisco")))
        );
        // A name between them is no region: the role stays with nobody.
        let found = people("La alcaldesa de Colima, Rosa Ibáñez, Pedro Lara Gil, llegaron.");
        assert_eq!(role_of(&found, "Pedro Lara Gil"), None);
    }

    #[test]
    fn roles_after_a_dash_are_the_named_persons() {
        let found = people("Mme Hélène VIDAL – Présidente du Syndicat des Eaux – Maire de Lunel");
        assert_eq!(
            role_of(&found, "Hélène VIDAL"),
            Some(("Présidente", Some("Syndicat des Eaux")))
        );
    }

    #[test]
    fn a_particle_in_capitals_stays_inside_a_name() {
        let found = people("La secrétaire, Anne LE GALL :");
        assert_eq!(role_of(&found, "Anne LE GALL"), Some(("secrétaire", None)));
        // A particle never ends a name, and in lower case joins a phrase.
        assert!(people("La secrétaire, Anne LE :").is_empty());
        assert!(people("La présidente, Lettre de Anne GALL :")
            .iter()
            .all(|(name, _, _)| !name.starts_with("Lettre")));
    }

    #[test]
    fn a_title_qualified_by_its_organisation_is_the_role() {
        let found =
            people("Opening remarks by ICLEI Chair Dana Welsh, mayor of Port Ellis, and others.");
        assert_eq!(
            role_of(&found, "Dana Welsh"),
            Some(("Chair", Some("ICLEI")))
        );
        // Unqualified, the role after the name still wins.
        let found = people("Councillor Dana Welsh, Chair of the network, opened the session.");
        assert_eq!(role_of(&found, "Dana Welsh").map(|(r, _)| r), Some("Chair"));
    }

    #[test]
    fn roles_are_neither_qualifiers_alone_nor_taken_from_the_next_name() {
        // A qualifier alone after the name is no role; the title before it is.
        assert_eq!(
            people("Accueillie par le maire, par ailleurs conseiller régional Luc Maret, cette assemblée générale réunit les communes."),
            [("Luc Maret".to_owned(), Some("conseiller régional".to_owned()), None)]
        );
        // A qualifier reaches the role word it qualifies.
        let found = people("Submitted by: Rosa Field, Acting Town Manager");
        assert_eq!(
            found
                .first()
                .map(|(name, role, _)| (name.as_str(), role.as_deref())),
            Some(("Rosa Field", Some("Acting Town Manager")))
        );
        // The role after a comma belongs to the name it titles.
        let speakers = people(
            "Speakers include the harbour pilot Nora Hale, Tidewell CEO Mara Quist and others.",
        );
        assert!(speakers
            .iter()
            .all(|(name, role, _)| name != "Nora Hale" || role.is_none()));
        assert!(speakers.contains(&(
            "Mara Quist".to_owned(),
            Some("CEO".to_owned()),
            Some("Tidewell".to_owned())
        )));
        // The plural of a role word names a body, not a person.
        assert!(
            people("Président de l'Amicale des\nMaires de Val-et-Rive, Maire de Brane")
                .iter()
                .all(|(name, _, _)| !name.starts_with("Maires"))
        );
    }

    #[test]
    fn list_pieces_split_at_any_language_conjunction() {
        let lex = Lexicons::all();
        assert_eq!(
            split_at_conjunctions("Ana Ruiz y Luis Gómez", &lex),
            ["Ana Ruiz", "Luis Gómez"]
        );
        assert_eq!(
            split_at_conjunctions("Luc Blanc et Marie Roux", &lex),
            ["Luc Blanc", "Marie Roux"]
        );
        assert_eq!(split_at_conjunctions("Jo Hill", &lex), ["Jo Hill"]);
        assert_eq!(split_at_conjunctions("and Jo Hill", &lex), ["and Jo Hill"]);
    }

    #[test]
    fn a_plural_role_closes_its_group_and_roles_join_across_a_roll() {
        // A cue with its first entries on its line; groups closed by a
        // plural role (inclusive spelling, several words, across a cut name
        // and across lines); two offices after one name.
        let belgian = "CONSEIL DU 2 MARS Présents : ROY Ana, Bourgmestre

            BLANC Luc, ROUX Eva, Echevin(e)s

            M. Paul VIDAL, Mme Rose TESSIER, M. Marc
            PERRIN, Mlle Lucie FAURE,
            M. Jean ROCHE, Conseillers communaux.

            DUVAL Anne, Directrice générale, Secrétaire
";
        // The cue's own line is the in-line readers' (not asserted here).
        let found = people(belgian);
        let under_the_cue: Vec<Found> = found
            .into_iter()
            .filter(|(name, _, _)| name != "ROY Ana")
            .collect();
        assert_eq!(
            under_the_cue,
            vec![
                one("BLANC Luc", Some("Echevin(e)s"), None),
                one("ROUX Eva", Some("Echevin(e)s"), None),
                one("Paul VIDAL", Some("Conseillers communaux"), None),
                one("Rose TESSIER", Some("Conseillers communaux"), None),
                one("Marc PERRIN", Some("Conseillers communaux"), None),
                one("Lucie FAURE", Some("Conseillers communaux"), None),
                one("Jean ROCHE", Some("Conseillers communaux"), None),
                one("DUVAL Anne", Some("Directrice générale, Secrétaire"), None),
            ]
        );
        // Under a heading cue, in Spanish: initials in brackets are no role.
        let spanish = "Asistentes:

PÉREZ Juan (JP), GIL Marta (MG), Concejales
";
        assert_eq!(
            people(spanish),
            vec![
                one("PÉREZ Juan", Some("Concejales"), None),
                one("GIL Marta", Some("Concejales"), None),
            ]
        );
        // A line with its own cue ends a roll opened on a cue's line: the
        // plural role under the second cue is none of the first's names.
        let excused = "Présents : Ana ROY, Luc BLANC\nExcusés : Eva ROUX (pouvoir à Ana ROY)\nMarc PERRIN, Conseillers\n";
        let found = people(excused);
        assert_eq!(role_found(&found, "Ana ROY"), Some(None), "{found:?}");
        assert_eq!(role_found(&found, "Luc BLANC"), Some(None), "{found:?}");
        assert_eq!(
            role_found(&found, "Marc PERRIN"),
            Some(Some("Conseillers".to_owned()))
        );
    }

    #[test]
    fn cues_end_labels_whatever_their_case_and_accents() {
        let lex = Lexicons::all();
        for phrase in lex
            .each(|l| l.attendance_words)
            .chain(lex.each(|l| l.signing_words))
        {
            assert!(phrase.split_whitespace().count() <= CUE_WORDS, "{phrase}");
        }
        let cues = attendance_cues(&lex);
        assert!(ends_on("CONSEIL DU 2 MARS 2020 Présents", &cues));
        assert!(ends_on("Etait EXCUSEE", &cues));
        assert!(ends_on("ETAIENT PRESENTS", &cues));
        assert!(!ends_on("Présents au conseil", &cues));
        assert!(ends_on("Signé", &signing_cues(&lex)));
    }

    #[test]
    fn inclusive_endings_are_dropped_before_lookups() {
        assert_eq!(bare("Echevin(e)s,"), "echevins");
        assert_eq!(bare("Conseillers(ères)"), "conseillers");
        assert_eq!(bare("(présidente)"), "présidente");
        assert!(is_initials("J.P."));
        assert!(is_initials("R."));
        assert!(!is_initials("ROY."));
        assert!(is_initials_mark("DH"));
        assert!(!is_initials_mark("élu.e.s"));
        assert_eq!(
            without_initials_marks("ROY Ana (AR), Luc (vice-président)"),
            "ROY Ana, Luc (vice-président)"
        );
    }

    #[test]
    fn roll_calls_wrapped_attendance_lists_and_surnames_after_honorifics() {
        // A roll call under a cue line: place, names, role in brackets.
        let roll = "Sont présents les villes membres de l'association (12) :\n\nNorrvik : Anna Lind (a rejoint à 14h15) [élu.e.s] ; Paul Vidal [technicien.ne.s]\n\nValmont : Rose Tessier [élu.e.s]\n\nLe quorum est atteint.\n";
        assert_eq!(
            people(roll),
            vec![
                one("Anna Lind", Some("élu.e.s"), Some("Norrvik")),
                one("Paul Vidal", Some("technicien.ne.s"), Some("Norrvik")),
                one("Rose Tessier", Some("élu.e.s"), Some("Valmont")),
            ]
        );
        // A list wrapped over lines, each ending on a comma.
        let wrapped = "Présents : Anne DUVAL, Marc PERRIN,\nLucie FAURE, Jean ROCHE\nSecrétaire de séance : Marc PERRIN\n";
        let names: Vec<String> = people(wrapped).into_iter().map(|p| p.0).collect();
        assert_eq!(
            names,
            ["Anne DUVAL", "Marc PERRIN", "Lucie FAURE", "Jean ROCHE"]
        );
        // Surnames alone after (plural) honorifics, a particle opening one.
        let surnames = "Présents : Mr LE ROUX, Maire, Mmes GARNIER, BLANC, MM. ROCHE, LE.\n";
        assert_eq!(
            people(surnames),
            vec![
                one("LE ROUX", Some("Maire"), None),
                one("GARNIER", None, None),
                one("BLANC", None, None),
                one("ROCHE", None, None),
            ]
        );
        // Without an attendance cue, capitals after a comma are no one.
        assert_eq!(people("Budget : TOTAL, SECTION, DEPENSES\n"), vec![]);
        // The cue's own line keeps the roles printed after its names, one
        // or two (joined), as the lines under it do.
        let cue_line = "Présents : ROY Fabien, Bourgmestre, Président ; LEROY Marie, Echevine ;\nBLANC Paul, Conseiller communal\n";
        assert_eq!(
            people(cue_line),
            vec![
                one("ROY Fabien", Some("Bourgmestre, Président"), None),
                one("LEROY Marie", Some("Echevine"), None),
                one("BLANC Paul", Some("Conseiller communal"), None),
            ]
        );
    }

    #[test]
    fn double_spaced_texts_pair_names_and_posts_across_a_blank_line() {
        let directory = "GABINETE\n\nLa dirección de la red\n\nSecretaria de Finanzas\n\nLucía Ferrer Daza\n\nJefe de la Oficina de Prensa\n\nTomás Rivera Gil\n\nEl informe recoge el trabajo del año.\n\nSe presentó en la asamblea de socios.\n";
        let names: Vec<(String, Option<String>)> = people(directory)
            .into_iter()
            .map(|(name, role, _)| (name, role))
            .collect();
        assert_eq!(
            names,
            [
                (
                    "Lucía Ferrer Daza".to_owned(),
                    Some("Secretaria".to_owned())
                ),
                ("Tomás Rivera Gil".to_owned(), Some("Jefe".to_owned())),
            ]
        );
        // A post this reader cannot split still heads its pair: the name
        // under it takes no post from below.
        let unsplit = directory.replace(
            "Secretaria de Finanzas",
            "Secretaria de Finanzas y Presupuesto",
        );
        let names: Vec<(String, Option<String>)> = people(&unsplit)
            .into_iter()
            .map(|(name, role, _)| (name, role))
            .collect();
        assert_eq!(
            names,
            [("Tomás Rivera Gil".to_owned(), Some("Jefe".to_owned()))]
        );
        // Single-spaced, a blank line parts a name from the line after it.
        let single = "Lucía Ferrer Daza\n\nSecretaria de Finanzas\nTexto del informe.\nOtra línea.\nY otra más.\nFin del texto.\n";
        assert_eq!(people(single), vec![]);
        // A sentence past the blank line is no post, double-spaced or not.
        let sentence = "Lucía Ferrer Daza\n\nSecretaria de la red desde 2019, ha dirigido la campaña de socios del año.\n\nTexto del informe.\n\nOtra línea.\n\nY otra más.\n\nFin.\n";
        assert_eq!(people(sentence), vec![]);
    }

    fn one(
        name: &str,
        role: Option<&str>,
        place: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (
            name.to_owned(),
            role.map(str::to_owned),
            place.map(str::to_owned),
        )
    }

    #[test]
    fn attendance_lists_run_into_one_line() {
        let source =
            "Étaient présents : Odile GARNIER, Hervé LAMBERT (trésorier), Karim BELKACEM, \
            Étaient excusés et représentés : Étaient excusés : Denis ROUX, Anne FAURE \
            Étaient absents : Jean-Pierre MARTIN, Luc PETIT.";
        assert_eq!(
            people(source),
            [
                one("Odile GARNIER", None, None),
                one("Hervé LAMBERT", Some("trésorier"), None),
                one("Karim BELKACEM", None, None),
                one("Denis ROUX", None, None),
                one("Anne FAURE", None, None),
                one("Jean-Pierre MARTIN", None, None),
                one("Luc PETIT", None, None),
            ]
        );
    }

    #[test]
    fn people_in_sentences_lists_and_signatures() {
        let cases: Vec<(&str, Vec<Found>)> = vec![
            (
                "El Presidente, Jorge Ibarra Solís, da la bienvenida a los nuevos municipios.",
                vec![one("Jorge Ibarra Solís", Some("Presidente"), None)],
            ),
            (
                "The Mayor of Eastbridge and President of the association, Helen Okafor, thanks the members.",
                vec![one("Helen Okafor", Some("President"), Some("association; Mayor of Eastbridge"))],
            ),
            (
                "- Carolina Vélez Ortiz, Presidenta (Santa Marta)",
                vec![one("Carolina Vélez Ortiz", Some("Presidenta"), Some("Santa Marta"))],
            ),
            (
                "Chair: Anna Lind, City of Norrvik",
                vec![one("Anna Lind", Some("Chair"), Some("City of Norrvik"))],
            ),
            (
                "Étaient présents : Mme Odile Garnier (présidente), M. Hervé Lambert (vice-président)",
                vec![
                    one("Odile Garnier", Some("présidente"), None),
                    one("Hervé Lambert", Some("vice-président"), None),
                ],
            ),
            (
                "Signed:\nDaniel Reyes\nSecretary General",
                vec![one("Daniel Reyes", Some("Secretary General"), None)],
            ),
            (
                "La Présidente,\nOdile Garnier",
                vec![one("Odile Garnier", Some("Présidente"), None)],
            ),
            (
                "Abre la sesión el Sr. Tomás Ibáñez Rojo, Alcalde de la comuna de Lontué y asisten los consejeros; Sra. Inés Mora Ruiz; Sr. Pablo Gil Soto y el señor RAMÓN PRIETO LARA, Secretario Municipal.",
                vec![
                    one("Tomás Ibáñez Rojo", Some("Alcalde"), Some("comuna de Lontué")),
                    one("Inés Mora Ruiz", None, None),
                    one("Pablo Gil Soto", None, None),
                    one("RAMÓN PRIETO LARA", Some("Secretario Municipal"), None),
                ],
            ),
            // Titles of staff and ministers before a name.
            (
                "The day opened with Executive Director Mara Lind and Prime Minister Owen Hale.",
                vec![
                    one("Mara Lind", Some("Executive Director"), None),
                    one("Owen Hale", Some("Prime Minister"), None),
                ],
            ),
            // A title with the name of an office, then a colon and the
            // name of the person who holds it.
            (
                "Director Servicios Generales: Mario Ortiz Vela",
                vec![one("Mario Ortiz Vela", Some("Director"), Some("Servicios Generales"))],
            ),
            // Titles running one name into the next: the words before a
            // title that end a name qualify no one.
            (
                "Diputado Ramiro Soto Vela Diputada Irene Páez Rubio",
                vec![
                    one("Ramiro Soto Vela", Some("Diputado"), None),
                    one("Irene Páez Rubio", Some("Diputada"), None),
                ],
            ),
            // A role led by an article between two names is the second's;
            // closing the sentence, it is the first's.
            (
                "En nombre del Gobierno Regional, el subsecretario de Obras, Raúl Vega Soto, abrió el acto.",
                vec![one("Raúl Vega Soto", Some("subsecretario"), Some("Obras"))],
            ),
            (
                "El acto lo cerró Raúl Vega Soto, el subsecretario de Obras.",
                vec![one("Raúl Vega Soto", Some("subsecretario"), Some("Obras"))],
            ),
            // A qualifier reaches a role word a word or two on, not one at
            // the end of a clause.
            (
                "Le conseiller de la municipalité régionale d'Ormeaux succède à la mairesse de Vaucluse, Anne Roy, qui a quitté la présidence.",
                vec![one("Anne Roy", Some("mairesse"), Some("Vaucluse"))],
            ),
            (
                "Harbourtown Mayor Ellen Marsh chaired until vice president Karl de Vries was elected.",
                vec![
                    one("Ellen Marsh", Some("Mayor"), Some("Harbourtown")),
                    one("Karl de Vries", Some("vice president"), None),
                ],
            ),
            (
                "I thank the members of the Executive Committee: • Amy Lowe (Vice President) • Raj Patel (Coastal Branch) • Nils van Dam (Hill Branch) I also thank our staff.",
                vec![
                    one("Amy Lowe", Some("Vice President"), None),
                    one("Raj Patel", None, Some("Coastal Branch")),
                    one("Nils van Dam", None, Some("Hill Branch")),
                ],
            ),
            (
                "La séance a été ouverte par Odile Garnier, maire de Villebrune, qui a salué les élus.",
                vec![one("Odile Garnier", Some("maire"), Some("Villebrune"))],
            ),
            (
                "Entre las cartas destaca la enviada por el Alcalde de Lugo, Ana Ruiz, que saluda a la red.",
                vec![one("Ana Ruiz", Some("Alcalde"), Some("Lugo"))],
            ),
            // Topics in a bulleted list are no people, nor is a title role before an organisation.
            ("Our themes: • Urban Mobility (Transport) • Social Affairs (Housing)", vec![]),
            ("The Mayor LGA Board met.", vec![]),
            // A name and a role apart, with a blank line between, are no signature.
            ("Jordi Vaquer\n\nSecretario General de Metropolis", vec![]),
            ("The Board met in Lisbon, Porto and Braga.", vec![]),
        ];
        for (source, want) in cases {
            assert_eq!(people(source), want, "{source:?}");
        }
    }

    #[test]
    fn roll_calls_of_bare_names_clauses_and_role_labels() {
        // Names under a cue line, a proxy clause, a role label in the roll.
        let roll = "PRÉSENTS :\nAnne DUVAL, Marc PERRIN, Lucie LE GOFF.\nABSENTS AYANT DONNE PROCURATION :\nPaul ROCHE a donné procuration à Anne DUVAL,\nSECRÉTAIRE DE SÉANCE : Lucie LE GOFF\nLe compte rendu est approuvé.\n";
        assert_eq!(
            people(roll),
            vec![
                one("Anne DUVAL", None, None),
                one("Marc PERRIN", None, None),
                one("Lucie LE GOFF", Some("SECRÉTAIRE"), None),
                one("Paul ROCHE", None, None),
            ]
        );
        // A plural title in the cue gives its role; a role after a name is its own.
        let council = "ASISTENTES: Honorables Concejales:\nLuis Mora Pinto, Presidente\nAna Gil de la Vega\nTomás Ruiz Soto.\n\nORDEN DEL DÍA\n";
        assert_eq!(
            people(council),
            vec![
                one("Luis Mora Pinto", Some("Presidente"), None),
                one("Ana Gil de la Vega", Some("concejal"), None),
                one("Tomás Ruiz Soto", Some("concejal"), None),
            ]
        );
        // Under a signature cue a bare name is left to the signature reader.
        assert_eq!(people("Signed:\nDaniel Reyes\n"), vec![]);
    }

    #[test]
    fn lists_after_plural_titles() {
        let cases: Vec<(&str, Vec<Found>)> = vec![
            (
                "Apologies were received from Councillors Hale, O'Brien and Dunmore.",
                vec![
                    one("Hale", Some("Councillor"), None),
                    one("O'Brien", Some("Councillor"), None),
                    one("Dunmore", Some("Councillor"), None),
                ],
            ),
            (
                "Se abre la sesión. Regidores Propietarios: Ana María Soto de León, Luis Pérez Gil. Regidores Suplentes: Eva Ríos Paz.",
                vec![
                    one("Ana María Soto de León", Some("regidor propietario"), None),
                    one("Luis Pérez Gil", Some("regidor propietario"), None),
                    one("Eva Ríos Paz", Some("regidor suplente"), None),
                ],
            ),
            (
                "REGIDORES: Ana Soto Gil, Presidenta, Luis Paz Ruiz, Vicepresidente, Eva Ríos Mora y Juan Díaz Lara.",
                vec![
                    one("Ana Soto Gil", Some("Presidenta"), None),
                    one("Luis Paz Ruiz", Some("Vicepresidente"), None),
                    one("Eva Ríos Mora", Some("regidor"), None),
                    one("Juan Díaz Lara", Some("regidor"), None),
                ],
            ),
            (
                "SÍNDICOS Y DISTRITO: Ana Soto Gil y Luis Paz Ruiz, Distrito Primero, Eva Ríos Mora, Distrito Segundo y Juan Díaz Lara, Distrito Cuarto.",
                vec![
                    one("Ana Soto Gil", Some("síndico"), Some("Distrito Primero")),
                    one("Luis Paz Ruiz", Some("síndico"), Some("Distrito Primero")),
                    one("Eva Ríos Mora", Some("síndico"), Some("Distrito Segundo")),
                    one("Juan Díaz Lara", Some("síndico"), Some("Distrito Cuarto")),
                ],
            ),
            (
                "Councillors and Wards: Mary Hale, Ward One, Tom Dunmore, Ward Two.",
                vec![
                    one("Mary Hale", Some("Councillor"), Some("Ward One")),
                    one("Tom Dunmore", Some("Councillor"), Some("Ward Two")),
                ],
            ),
            // Each name's group in brackets; a bracket followed by more words ends the list.
            (
                "Northgate Ward: Councillors Mary Hale (Independent), Tom Dunmore (Green Party), Ann Lee (Independent) The ward elects three members.",
                vec![
                    one("Mary Hale", Some("Councillor"), None),
                    one("Tom Dunmore", Some("Councillor"), None),
                    one("Ann Lee", Some("Councillor"), None),
                ],
            ),
            // An abbreviated title, names with initials, a comma lost between two of them.
            (
                "PRESENT: Cllrs. R. Hale, T. Dunmore, , K. Moran Lee P. Quill and L. Wynne",
                vec![
                    one("R. Hale", Some("Cllr"), None),
                    one("T. Dunmore", Some("Cllr"), None),
                    one("K. Moran Lee", Some("Cllr"), None),
                    one("P. Quill", Some("Cllr"), None),
                    one("L. Wynne", Some("Cllr"), None),
                ],
            ),
            // A title's stop may end its sentence: one name after it is no list.
            ("The motion was put to the Cllrs. T. Dunmore then thanked them.", vec![]),
            // A name opening on a given name keeps its middle initial.
            (
                "Councillors Jason W. Parry and R. J. Hale.",
                vec![
                    one("Jason W. Parry", Some("Councillor"), None),
                    one("R. J. Hale", Some("Councillor"), None),
                ],
            ),
            // Names led by their honorifics after a title with an inclusive
            // ending and a word announcing them, parted by commas, stops or
            // nothing; the sentence after the list names no one.
            (
                "Se reúnen los/as Sres./as Concejales/as siguientes: D. Tomás Arroyo Vela, Dña. Lucía Prado Gil. Doña Inés Robles Marín D. Pablo Sierra Ruiz y Dña. Marta Olmo Pardo. Actúa como Secretario el titular.",
                vec![
                    one("Tomás Arroyo Vela", Some("concejal"), None),
                    one("Lucía Prado Gil", Some("concejal"), None),
                    one("Inés Robles Marín", Some("concejal"), None),
                    one("Pablo Sierra Ruiz", Some("concejal"), None),
                    one("Marta Olmo Pardo", Some("concejal"), None),
                ],
            ),
            (
                "Asisten los Sres. Concejales (as), Sra. Nuria Vega Sol, Sr. Andrés Mora Gil y Sr. Raúl Pinto Sanz.",
                vec![
                    one("Nuria Vega Sol", Some("concejal"), None),
                    one("Andrés Mora Gil", Some("concejal"), None),
                    one("Raúl Pinto Sanz", Some("concejal"), None),
                ],
            ),
            // No list follows these titles.
            ("Con la asistencia de los señores Regidores, Síndicos y Funcionarios Municipales.", vec![]),
            ("Se informó a los Concejales, Sr. Alcalde y vecinos del acuerdo.", vec![]),
            ("Madame la Préfète, Mmes et MM les Conseillers Régionaux, chers collègues,", vec![]),
        ];
        for (source, want) in cases {
            assert_eq!(people(source), want, "{source:?}");
        }
    }

    /// A given name printed once whole and once as its initial is one
    /// person; another initial is another person.
    #[test]
    fn initials_of_a_known_given_name_are_that_person() {
        let source = "The Mayor, Councillor Walter Tudor Hale, opened the year.\n\n\
                      Councillors W. Tudor Hale (Independent), R. Tudor Hale (Independent), Ann Lee (Green)\n";
        let names: Vec<String> = people(source)
            .into_iter()
            .map(|(name, _, _)| name)
            .collect();
        assert_eq!(names, vec!["Walter Tudor Hale", "R. Tudor Hale", "Ann Lee"]);
    }

    #[test]
    fn bracketed_roles_labels_inside_lines_and_surnames_after_titles() {
        let board = "The members of the board were:\n\nJane Holt [Chairman]\n\nOmar Reid OBE [Deputy-chair] - Appointed 6 July 2021\n";
        assert_eq!(
            people(board),
            vec![
                one("Jane Holt", Some("Chairman"), None),
                one("Omar Reid OBE", Some("Deputy-chair"), None),
            ]
        );
        let run_on = "La séance est ouverte sous la présidence de M. ROCHE, Maire. Présents : M. Paul ROCHE, Maire, Mmes et MM. Anne DUVAL, Jean-Luc FAURE, Lucie LE GOFF. Pouvoirs : aucun. Secrétaire de séance : Anne DUVAL Conseillers en exercice : 27";
        assert_eq!(
            people(run_on),
            vec![
                one("Paul ROCHE", Some("Maire"), None),
                one("Anne DUVAL", Some("Secrétaire de séance"), None),
                one("Jean-Luc FAURE", None, None),
                one("Lucie LE GOFF", None, None),
            ]
        );
        let minutes = "Councillor Hale attended as a substitute for Cllr Dunmore (absent). Ms D K. Wells (Democratic Services Officer) took notes. The President Emeritus spoke.";
        assert_eq!(
            people(minutes),
            vec![
                one("Hale", Some("Councillor"), None),
                one("Dunmore", Some("Cllr"), None),
                one("D K. Wells", None, None),
            ]
        );
        // A surname printed with and without its accents is one person.
        let twice = "Présents : Marc BÉRÉHOUC, Anne DUVAL\nSecrétaire de séance : Marc BEREHOUC\n";
        assert_eq!(
            people(twice),
            vec![
                one("Marc BÉRÉHOUC", Some("Secrétaire de séance"), None),
                one("Anne DUVAL", None, None),
            ]
        );
    }

    /// Rolls set as lists under an attendance cue: numbered items closing
    /// on a party that recurs, bulleted items two a line parted by a dash,
    /// and groups led by a plural honorific.
    #[test]
    fn rolls_set_as_lists_and_groups_under_plural_honorifics() {
        let numbered = "Présent-e-s :\n\n1. ROY Ana Verts (nouvelle)\n\n2. LEROY Paul Centre\n\n\
                        3. DA COSTA Eva Maria Verts\n\n4. ROUX Luc Centre\n\n5. FAURE Léa Verts\n\n\
                        Le président ouvre la séance.\n";
        assert_eq!(
            people(numbered),
            vec![
                one("ROY Ana", None, None),
                one("LEROY Paul", None, None),
                one("DA COSTA Eva Maria", None, None),
                one("ROUX Luc", None, None),
                one("FAURE Léa", None, None),
            ]
        );
        // Without a recurring last word, the given names stay whole.
        let plain = "Présents :\n\n1. ROY Ana Lucie\n\n2. LEROY Paul\n\n3. ROUX Jean Marc\n";
        assert_eq!(
            people(plain),
            vec![
                one("ROY Ana Lucie", None, None),
                one("LEROY Paul", None, None),
                one("ROUX Jean Marc", None, None),
            ]
        );
        let bulleted = "Etaient présents :\n\n  • PERRIN Odile, - ROUSSEL Marc,\n  • TANGUY Hélène - VIDAL Paul\n\nLa séance est ouverte.\n";
        assert_eq!(
            people(bulleted),
            vec![
                one("PERRIN Odile", None, None),
                one("ROUSSEL Marc", None, None),
                one("TANGUY Hélène", None, None),
                one("VIDAL Paul", None, None),
            ]
        );
        let groups = "ETAIENT PRESENTS :\n\nMonsieur Paul VIDAL, Maire,\n\nMesdames Claire DUVAL, Anne MARCHAND\n\n\
                      Messieurs : Luc BERNARD, Henri FAURE\n\nLe procès-verbal est approuvé.\n";
        assert_eq!(
            people(groups),
            vec![
                one("Paul VIDAL", Some("Maire"), None),
                one("Claire DUVAL", None, None),
                one("Anne MARCHAND", None, None),
                one("Luc BERNARD", None, None),
                one("Henri FAURE", None, None),
            ]
        );
        // Items of other shapes and lines with brackets stay with their readers.
        let names = |source: &str| -> Vec<String> {
            people(source)
                .into_iter()
                .map(|(name, _, _)| name)
                .collect()
        };
        assert_eq!(
            names("Present:\n\n  • Mr F. Lane, Meetings Administrator\n\n  • Ms A. Kerr, Clerk\n"),
            vec!["F. Lane".to_owned(), "A. Kerr".to_owned()]
        );
        assert_eq!(
            names("Also in attendance:\nMs D G. Wells (Services Manager), Mr L Pike (Solicitor) and Miss R Dunn (Officer)\n"),
            vec!["D G. Wells".to_owned(), "L Pike".to_owned(), "R Dunn".to_owned()]
        );
    }

    #[test]
    fn a_role_keeps_its_title_case_qualifier_but_no_article() {
        let lex = Lexicons::all();
        let role = |text: &str| as_role(text, &lex).map(|(role, _)| role);
        assert_eq!(role("County Manager").as_deref(), Some("County Manager"));
        assert_eq!(
            role("Senior Vice-chair").as_deref(),
            Some("Senior Vice-chair")
        );
        assert_eq!(role("the Mayor").as_deref(), Some("Mayor"));
    }

    #[test]
    fn a_link_to_a_common_noun_completes_the_role_and_a_place_stays_one() {
        let lex = Lexicons::all();
        let role = |text: &str| as_role(text, &lex);
        let pair =
            |role: &str, place: Option<&str>| Some((role.to_owned(), place.map(str::to_owned)));
        assert_eq!(
            role("Secrétaire de séance"),
            pair("Secrétaire de séance", None)
        );
        assert_eq!(
            role("coordinador de enlace de la red"),
            pair("coordinador de enlace", Some("red"))
        );
        assert_eq!(role("alcalde de Osorno"), pair("alcalde", Some("Osorno")));
        assert_eq!(
            role("Alcalde de la comuna"),
            pair("Alcalde", Some("comuna"))
        );
        assert_eq!(
            role("vicealcalde del distrito"),
            pair("vicealcalde", Some("distrito"))
        );
        assert_eq!(
            role("président de l'association"),
            pair("président", Some("l'association"))
        );
    }

    #[test]
    fn a_role_label_over_one_name_read_as_a_roll_gives_its_role() {
        let found = people("Secrétaire de séance : M. MARTIN Henri.\n");
        assert_eq!(
            role_found(&found, "MARTIN Henri"),
            Some(Some("Secrétaire de séance".to_owned()))
        );
    }
}
