//! Members and people: member lists under headings such as `10 nuevos
//! miembros`, and board or secretariat lists of people.
//!
//! A people list starts at a heading from the lexicon's people list headings
//! (`JUNTA DIRECTIVA`, `Secretariat General`) and holds one person per block:
//! a name in capitals, then role and place lines, roles possibly wrapped
//! (`Vicepresidenta` / `Regional`, `Regional Vice-` / `president`). Lines made
//! only of role words of the lexicon are the role; what follows is the place
//! (`alcaldesa de Bogotá`). A person with a single line after the name gets it
//! as place when it names one (a capitalised word: `alcalde de Madrid`,
//! `Buenos Aires`) and as role otherwise (`jefa de programas`); a line such
//! as `presidente, Gran París` is split at the comma into role and place. When blank
//! lines are missing (PDF), a new person starts at a capitals line that
//! follows a non-capitals line.
//!
//! A member list starts at a heading from the lexicon's member list headings,
//! optionally with a count (`10 nuevos miembros`), and holds short names, one
//! per line or bullet, until a line that is not a name. A nearby line such as
//! `154 ciudades miembro en total` gives the total membership.

use std::collections::BTreeSet;

use super::shape::{bullet, folded, is_all_caps, is_blank, word_count};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexicon::{fold, Lexicons};
use crate::markup::plain;
use crate::model::{Member, MemberList, Person};
use crate::normalize::Text;

/// Longest role or place line, in words.
const ROLE_WORDS_MAX: usize = 10;
/// Longest member name, in words.
const MEMBER_WORDS_MAX: usize = 6;

/// People found, and the lines they use (names, roles, places).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeopleFound {
    /// People in document order.
    pub people: Vec<Person>,
    /// Indices of the lines they were read from.
    pub lines: BTreeSet<usize>,
}

/// Members found, their lists, the lines of names, and doubts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MembersFound {
    /// Members in document order.
    pub members: Vec<Member>,
    /// The lists, with counts.
    pub lists: Vec<MemberList>,
    /// Indices of the name lines.
    pub lines: BTreeSet<usize>,
    /// Count mismatches.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether `text` is a person's name in capitals (`CLAUDIA LÓPEZ HERNÁNDEZ`).
fn is_name(text: &str, lex: &Lexicons) -> bool {
    let words = word_count(text);
    (2..=6).contains(&words)
        && text.chars().count() <= 50
        && is_all_caps(text, 4)
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || ":|&".contains(c))
        && !is_people_heading(text, lex)
}

/// Whether `text` heads a list of people, with or without the years it
/// covers (`GABINETE MUNICIPAL 2016 - 2019`, `Board 2019-2022`).
fn is_people_heading(text: &str, lex: &Lexicons) -> bool {
    // Asked of every line: a heading of the lexicon opens with the line's
    // first word (less a year or dash it may end on, as a heading is read
    // undated), so the others are let go before the line is folded.
    let first = text.split_whitespace().next().unwrap_or_default();
    let first = folded(&fold(first));
    let first = first
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "-–/".contains(c));
    if !lex
        .each(|l| l.people_list_headings)
        .any(|heading| heading.starts_with(first))
    {
        return false;
    }
    let heading = folded(&fold(text));
    let undated = heading
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "-–/".contains(c));
    lex.has(|l| l.people_list_headings, &heading)
        || (undated.len() < heading.len() && lex.has(|l| l.people_list_headings, undated))
}

/// Finds board, secretariat and team lists.
pub fn extract_people(text: &Text, lex: &Lexicons) -> PeopleFound {
    let mut found = PeopleFound::default();
    let mut group: Option<String> = None;
    let mut last_lines: Vec<usize> = Vec::new();
    let mut index = 0;
    while index < text.lines.len() {
        let line = line_plain(text, index);
        if is_blank(&line) {
            index += 1;
            continue;
        }
        if is_people_heading(&line, lex) {
            group = Some(line);
            last_lines.clear();
            index += 1;
            continue;
        }
        if group.is_none() {
            index += 1;
            continue;
        }
        if is_name(&line, lex) {
            let person_lines = person_lines(text, index, lex);
            index = person_lines.last().map_or(index + 1, |last| last + 1);
            if let Some(person) = person_from(text, &person_lines, group.as_deref(), lex) {
                found.lines.extend(&person_lines);
                found.people.push(person);
                last_lines = person_lines;
            }
            continue;
        }
        let after_person = last_lines.last().is_some_and(|&last| {
            (last + 1..index).all(|i| text.lines.get(i).is_some_and(|l| is_blank(l.text)))
                && index <= last + 2
        });
        if after_person && continues_person(&line) {
            last_lines.push(index);
            if let (Some(person), Some(last)) = (
                person_from(text, &last_lines, group.as_deref(), lex),
                found.people.last_mut(),
            ) {
                *last = person;
            }
            found.lines.insert(index);
        } else {
            group = None;
            last_lines.clear();
        }
        index += 1;
    }
    offices_of_lists_without_roles(&mut found.people, lex);
    found
}

/// In a list that gives none of its people a role line (a cabinet, one
/// office a member: `MANUEL VILLA MEJÍA` / `Secretario de Hacienda`), a
/// person's one detail line opening on a role word is their office, the
/// role, not a place. A board that gives roles keeps such lines as places
/// (`Copresidente` / `alcalde de Teherán` beside `alcalde de Madrid` alone),
/// and so does a list of one person, which shows nothing of its kind.
fn offices_of_lists_without_roles(people: &mut [Person], lex: &Lexicons) {
    for list in people.chunk_by_mut(|a, b| a.group == b.group) {
        if list.len() < 2 || list.iter().any(|person| person.role.is_some()) {
            continue;
        }
        for person in list {
            if person
                .place
                .as_deref()
                .is_some_and(|place| opens_on_role(place, lex))
            {
                person.role = person.place.take();
            }
        }
    }
}

/// Whether a detail line's first word is a role word (`Secretaria de
/// Salud`, `Director de Gestión del Riesgo`).
fn opens_on_role(text: &str, lex: &Lexicons) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|word| lex.has(|l| l.role_words, &fold(word).to_lowercase()))
}

/// The lines of the person whose name is at `index`: the name, then role
/// and place lines up to a blank line, a list heading, or the next name (a
/// capitals line after a line that is not in capitals, or after the
/// person's first detail line: `MÓNICA OLIVERA` / `BECARIA DE COMUNICACIÓN`
/// / `JÚLIA PALMAROLA`).
fn person_lines(text: &Text, index: usize, lex: &Lexicons) -> Vec<usize> {
    let mut lines = vec![index];
    let mut previous_caps = true;
    for next in index + 1..text.lines.len() {
        let line = line_plain(text, next);
        // Pages set one line a paragraph (web transcripts) put a blank line
        // between a name and its role, and inside a wrapped role
        // (`Directora Departamento Administrativo de` / `Planeación`): a
        // blank is crossed when the person still lacks a detail line, or
        // when the last detail line breaks off on a function word.
        if is_blank(&line) {
            let last = lines
                .last()
                .map(|&i| line_plain(text, i))
                .unwrap_or_default();
            let broken = last
                .split_whitespace()
                .next_back()
                .is_some_and(|w| lex.has(|l| l.function_words, &w.to_lowercase()));
            let following = (next + 1..text.lines.len())
                .find(|&i| !is_blank(&line_plain(text, i)))
                .map(|i| line_plain(text, i));
            let detail_below = following.as_deref().is_some_and(|below| {
                !is_name(below, lex)
                    && !is_people_heading(below, lex)
                    && !is_all_caps(below, 4)
                    && word_count(below) <= ROLE_WORDS_MAX
                    && !below.chars().any(|c| c.is_ascii_digit() || c == ':')
            });
            if detail_below && (lines.len() == 1 || broken) {
                continue;
            }
            break;
        }
        let caps = is_all_caps(&line, 4);
        let ends = is_blank(&line)
            || is_people_heading(&line, lex)
            || (is_name(&line, lex) && (lines.len() >= 2 || !previous_caps))
            || word_count(&line) > ROLE_WORDS_MAX
            || line.chars().any(|c| c.is_ascii_digit());
        if ends {
            break;
        }
        lines.push(next);
        previous_caps = caps;
    }
    lines
}

/// A lower-case line right after a person: the rest of their place, cut off
/// by a line emptied when a hyphenated word was joined.
fn continues_person(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase) && word_count(line) <= 6
}

fn line_plain(text: &Text, index: usize) -> String {
    text.lines
        .get(index)
        .map(|l| l.plain.to_owned())
        .unwrap_or_default()
}

/// Name, role and place from a person's lines.
fn person_from(
    text: &Text,
    lines: &[usize],
    group: Option<&str>,
    lex: &Lexicons,
) -> Option<Person> {
    let (&first, rest) = lines.split_first()?;
    let line = text.lines.get(first)?;
    let mut details: Vec<String> = Vec::new();
    for &i in rest {
        let part = line_plain(text, i);
        if part.is_empty() {
            continue;
        }
        match details.last_mut() {
            Some(previous) if previous.ends_with('-') => previous.push_str(&part),
            _ => details.push(part),
        }
    }
    let role_lines = details.iter().take_while(|d| is_role(d, lex)).count();
    let role = (role_lines > 0).then(|| details[..role_lines].join(" "));
    let remainder = details[role_lines..].join(" ");
    let (role, place) = match (role, remainder.is_empty()) {
        (Some(role), true) => (Some(role), None),
        (Some(role), false) => (Some(role), Some(remainder)),
        (None, true) => (None, None),
        (None, false) => match remainder.split_once(", ") {
            Some((role, place)) if is_role(role, lex) => {
                (Some(role.to_owned()), Some(place.to_owned()))
            }
            _ if names_place(&remainder) => (None, Some(remainder)),
            _ => (Some(remainder), None),
        },
    };
    Some(Person {
        name: line_plain(text, first),
        role,
        place,
        group: group.map(str::to_owned),
        page: line.page,
        line: line.number,
    })
}

/// A line made only of role words (`Vicepresidente Regional`).
fn is_role(text: &str, lex: &Lexicons) -> bool {
    let lower = fold(text).to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.'))
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            lex.has(|l| l.role_words, w)
                || w.ends_with('-') && lex.has(|l| l.role_words, w.trim_end_matches('-'))
        })
}

/// Whether a line names a place or an organisation: it has a capitalised
/// word (`alcalde de Madrid`, `Buenos Aires`). Lines in capitals are judged
/// in lower case.
fn names_place(text: &str) -> bool {
    if is_all_caps(text, 4) {
        return false;
    }
    text.split_whitespace()
        .any(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// Finds member lists and their members.
pub fn extract_members(text: &Text, lex: &Lexicons) -> MembersFound {
    let mut found = MembersFound::default();
    let mut index = 0;
    let mut area_total: Option<u32> = None;
    let mut area_lists: Vec<usize> = Vec::new();
    while index < text.lines.len() {
        let line_text = line_plain(text, index);
        if let Some(total) = total_line(&line_text, lex) {
            area_total = Some(total);
            for &list in &area_lists {
                if let Some(list) = found.lists.get_mut(list) {
                    list.total_members = Some(total);
                }
            }
            index += 1;
            continue;
        }
        let Some(declared) = member_heading(&line_text, lex) else {
            if !is_blank(&line_text) && area_lists.is_empty() && area_total.is_some() {
                area_total = None;
            }
            index += 1;
            continue;
        };
        let Some(heading) = text.lines.get(index) else {
            break;
        };
        let mut names = Vec::new();
        let mut cursor = index + 1;
        while let Some(line) = text.lines.get(cursor) {
            if is_blank(line.text) {
                cursor += 1;
                continue;
            }
            let name = bullet(line.text).map_or_else(|| line.plain.to_owned(), |b| plain(b.text));
            let heading = line.text.trim_start().starts_with('#') || is_people_heading(&name, lex);
            if heading || !is_member_name(&name) || member_heading(&name, lex).is_some() {
                break;
            }
            names.push((cursor, name));
            cursor += 1;
        }
        if names.is_empty() {
            index += 1;
            continue;
        }
        let listed = u32::try_from(names.len()).unwrap_or(u32::MAX);
        if let Some(declared) = declared.filter(|&d| d != listed) {
            found.diagnostics.push(
                Diagnostic::warning(
                    Code::MembersCountMismatch,
                    format!("the list `{line_text}` announces {declared} members but {listed} names follow"),
                )
                .at(heading.location()),
            );
        }
        for (line_index, name) in names {
            if let Some(line) = text.lines.get(line_index) {
                found.lines.insert(line_index);
                found.members.push(Member {
                    name,
                    list: Some(line_text.clone()),
                    page: line.page,
                    line: line.number,
                });
            }
        }
        area_lists.push(found.lists.len());
        found.lists.push(MemberList {
            title: line_text.clone(),
            declared_count: declared,
            listed_count: listed,
            total_members: area_total,
            page: heading.page,
            line: heading.number,
        });
        index = cursor;
    }
    found
}

/// `Some(count)` for a member-list heading (`10 nuevos miembros` → `Some(Some(10))`).
fn member_heading(text: &str, lex: &Lexicons) -> Option<Option<u32>> {
    // Asked of every line: one with more words than a heading of the
    // lexicon and its count is none, and is not folded.
    let most = lex
        .each(|l| l.member_list_headings)
        .map(|heading| heading.split(' ').count())
        .max()?;
    if text.split_whitespace().count() > most + 1 {
        return None;
    }
    let lower = folded(&fold(text));
    let (count, phrase) = match lower.split_once(' ') {
        Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit()) => {
            (number.parse::<u32>().ok(), rest)
        }
        _ => (None, lower.as_str()),
    };
    lex.has(|l| l.member_list_headings, phrase).then_some(count)
}

/// The total in a line such as `154 ciudades miembro en total`.
fn total_line(text: &str, lex: &Lexicons) -> Option<u32> {
    let typed = fold(text);
    // The line opens with its number (`u32`'s digits, or a `+` before
    // them): asked of every line, most of which open otherwise.
    if !typed
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || c == '+')
    {
        return None;
    }
    let lower = folded(&typed);
    let (number, rest) = lower.split_once(' ')?;
    let total = number.parse::<u32>().ok()?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let has_member = words.iter().any(|w| lex.has(|l| l.member_words, w));
    let has_total = lex
        .each(|l| l.total_words)
        .any(|t| rest.ends_with(t) || rest.starts_with(t) || rest.contains(&format!(" {t} ")));
    (has_member && has_total).then_some(total)
}

/// A short name: capitalised, no final period, not a sentence or a heading.
fn is_member_name(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_uppercase()
        && word_count(text) <= MEMBER_WORDS_MAX
        && text.chars().count() <= 50
        && !is_all_caps(text, 4)
        && !text.ends_with(['.', ':', ';'])
        && !text.chars().any(|c| c.is_ascii_digit() || c == '|')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(source: &str) -> Vec<(String, Option<String>, Option<String>)> {
        extract_people(&Text::from_plain(source), &Lexicons::all())
            .people
            .into_iter()
            .map(|p| (p.name, p.role, p.place))
            .collect()
    }

    fn owned(
        rows: &[(&str, Option<&str>, Option<&str>)],
    ) -> Vec<(String, Option<String>, Option<String>)> {
        rows.iter()
            .map(|(n, r, p)| ((*n).to_owned(), r.map(str::to_owned), p.map(str::to_owned)))
            .collect()
    }

    #[test]
    fn people_blocks() {
        type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
        let cases: &[(&str, &[Row<'_>])] = &[
            (
                "JUNTA DIRECTIVA\n\nCLAUDIA LÓPEZ HERNÁNDEZ\nPresidenta\nalcaldesa de Bogotá\n\nSUN ZHIYANG\nCopresidente\nalcalde en funciones\nde Guangzhou\n",
                &[
                    ("CLAUDIA LÓPEZ HERNÁNDEZ", Some("Presidenta"), Some("alcaldesa de Bogotá")),
                    ("SUN ZHIYANG", Some("Copresidente"), Some("alcalde en funciones de Guangzhou")),
                ],
            ),
            (
                "Board of Directors\n\nANS PERSOONS\nVicepresidenta\nRegional\nBruselas\n\nOH SE-HOON\nRegional Vice-\npresident\nalcalde de Seoul\n\nEKREM İMAMOĞLU\nalcalde de Estambul\n",
                &[
                    ("ANS PERSOONS", Some("Vicepresidenta Regional"), Some("Bruselas")),
                    ("OH SE-HOON", Some("Regional Vicepresident"), Some("alcalde de Seoul")),
                    ("EKREM İMAMOĞLU", None, Some("alcalde de Estambul")),
                ],
            ),
            (
                "JUNTA DIRECTIVA\nPATRICK OLLIER\npresidente, Gran París\nHORACIO RODRÍGUEZ LARRETA\nBuenos Aires\n",
                &[
                    ("PATRICK OLLIER", Some("presidente"), Some("Gran París")),
                    ("HORACIO RODRÍGUEZ LARRETA", None, Some("Buenos Aires")),
                ],
            ),
            (
                "SECRETARÍA GENERAL\nJORDI VAQUER\nSecretario General\nKEI ARNAU\ntécnico de administración de programas\nMÓNICA OLIVERA\nBECARIA DE COMUNICACIÓN\n",
                &[
                    ("JORDI VAQUER", Some("Secretario General"), None),
                    ("KEI ARNAU", Some("técnico de administración de programas"), None),
                    ("MÓNICA OLIVERA", Some("BECARIA DE COMUNICACIÓN"), None),
                ],
            ),
            (
                "SECRETARÍA GENERAL\nMÓNICA OLIVERA\nBECARIA DE COMUNICACIÓN\nJÚLIA PALMAROLA\ntécnica de formación\nSecretaría General\nAvinyó, 15. 08002 Barcelona\n",
                &[
                    ("MÓNICA OLIVERA", Some("BECARIA DE COMUNICACIÓN"), None),
                    ("JÚLIA PALMAROLA", Some("técnica de formación"), None),
                ],
            ),
            (
                // A web transcript: one line a paragraph, a heading with its
                // years, a role wrapped on a function word.
                "GABINETE MUNICIPAL 2016 - 2019\n\nANA OCHOA YEPES\n\nDirectora Departamento Administrativo de\n\nPlaneación\n\nMANUEL VILLA MEJÍA\n\nSecretario Privado\n\nPage 3\n",
                &[
                    ("ANA OCHOA YEPES", Some("Directora Departamento Administrativo de Planeación"), None),
                    ("MANUEL VILLA MEJÍA", Some("Secretario Privado"), None),
                ],
            ),
            (
                // A list that gives no one a role line: each detail line
                // opening on a role word is the office; one that does not
                // stays a place.
                "EQUIPO\n\nLUCÍA PRADO VEGA\n\nAlcaldesa de Villanueva\n\nTOMÁS IRIARTE SOLA\n\nSecretario de Obras Públicas\n\nINÉS ROBLES MAR\n\nCasa de la Cultura\n",
                &[
                    ("LUCÍA PRADO VEGA", Some("Alcaldesa de Villanueva"), None),
                    ("TOMÁS IRIARTE SOLA", Some("Secretario de Obras Públicas"), None),
                    ("INÉS ROBLES MAR", None, Some("Casa de la Cultura")),
                ],
            ),
            ("CLAUDIA LÓPEZ HERNÁNDEZ\nPresidenta\n", &[]),
            ("Secretaría General\n\nPlan de trabajo 2019\n\nACCIONES\n", &[]),
        ];
        for (source, want) in cases {
            assert_eq!(people(source), owned(want), "{source:?}");
        }
    }

    #[test]
    fn member_lists() {
        let text = Text::from_plain(
            "MIEMBROS\n\n154 ciudades miembro en total\n\n10 nuevos miembros\n\nAntalya\n\nSantiago de Cali\n\nGRANPAL, Porto Alegre\n\nEN NÚMEROS\n",
        );
        let found = extract_members(&text, &Lexicons::all());
        let names: Vec<&str> = found.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            ["Antalya", "Santiago de Cali", "GRANPAL, Porto Alegre"]
        );
        assert_eq!(found.lists.len(), 1);
        assert_eq!(found.lists[0].declared_count, Some(10));
        assert_eq!(found.lists[0].total_members, Some(154));
        assert_eq!(found.diagnostics.len(), 1);
        assert_eq!(found.diagnostics[0].code, "members.count_mismatch");
    }
}
