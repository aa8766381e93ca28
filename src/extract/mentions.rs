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

use std::collections::BTreeSet;

use super::shape::is_blank;
use crate::lexicon::{fold, Lexicons};
use crate::markup::plain;
use crate::model::Person;
use crate::normalize::Text;

/// Most words of a role phrase.
const ROLE_PHRASE_WORDS: usize = 16;

/// People named in running text, skipping the lines in `claimed` (lists
/// that [`extract_people`](super::people::extract_people) read).
pub fn extract_mentions(text: &Text, claimed: &BTreeSet<usize>, lex: &Lexicons) -> Vec<Person> {
    let lines: Vec<String> = text
        .lines
        .iter()
        .map(|line| fold(&plain(&line.text)).trim().to_owned())
        .collect();
    let mut people: Vec<Person> = Vec::new();
    for (index, line) in text.lines.iter().enumerate() {
        if claimed.contains(&index) || is_blank(&lines[index]) {
            continue;
        }
        let mut found = in_line(&lines[index], lex);
        found.extend(signature(&lines, index, lex));
        for (name, role, place) in found {
            add(
                &mut people,
                Person {
                    name,
                    role,
                    place,
                    group: None,
                    page: line.page,
                    line: line.number,
                },
            );
        }
    }
    people
}

/// Adds a person, or completes the one already found under that name.
fn add(people: &mut Vec<Person>, person: Person) {
    match people.iter_mut().find(|p| p.name == person.name) {
        Some(known) => {
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

type Found = (String, Option<String>, Option<String>);

/// Words of `text`, trimmed of punctuation, lower case.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

fn is_role_word(word: &str, lex: &Lexicons) -> bool {
    let word = bare(word);
    !word.is_empty()
        && (lex.has(|l| l.role_words, &word)
            || word
                .split('-')
                .all(|part| !part.is_empty() && lex.has(|l| l.role_words, part)))
}

/// A capitalised word of a name: `Vélez`, `Castaño`, `O'Neil`, `Jean-Luc`,
/// or a surname in capitals (`Benoist APPARU`, see [`as_name`]).
fn is_name_word(word: &str, lex: &Lexicons) -> bool {
    let mut chars = word.chars();
    let starts = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = word
        .chars()
        .skip(1)
        .all(|c| c.is_lowercase() || c.is_uppercase() || c == '-' || c == '\'');
    let lower = word.to_lowercase();
    starts
        && rest_lower
        && word.chars().count() >= 2
        && !is_role_word(word, lex)
        && lex.month(&lower).is_none()
        && lex.weekday(&lower).is_none()
        && !lex.has(|l| l.function_words, &lower)
        && !lex.has(|l| l.honorifics, &lower)
}

/// `text` as a name: two to four name words, an honorific allowed before.
fn as_name(text: &str, lex: &Lexicons) -> Option<String> {
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
    ((2..=4).contains(&words.len()) && shaped && words.iter().all(|w| is_name_word(w, lex)))
        .then(|| words.join(" "))
}

/// A role phrase: it starts (after at most two leading words such as an
/// article or `former`) with a role word. Returns the role and the
/// organisation: in `Mayor of X and President of the association` the last
/// role is the role, the rest the organisation.
fn as_role(text: &str, lex: &Lexicons) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > ROLE_PHRASE_WORDS {
        return None;
    }
    let start = words.iter().take(3).position(|w| is_role_word(w, lex))?;
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
    let role_len = last.iter().take_while(|w| is_role_word(w, lex)).count();
    if role_len == 0 {
        return None;
    }
    let role = last[..role_len].join(" ");
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
    let mut found = Vec::new();
    let (label, body) = match line.split_once(':') {
        Some((label, body)) if label.split_whitespace().count() <= 4 => (Some(label.trim()), body),
        _ => (None, line),
    };
    let label_lower = label.map(str::to_lowercase);
    let attendance = label_lower
        .as_deref()
        .is_some_and(|l| lex.has(|x| x.attendance_words, l));
    // `Chair: Anna Lind, City of Norrvik` / `Secrétaire de séance : M. Karim Belkacem`.
    if let (Some(label), false) = (label, attendance) {
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
    let pieces: Vec<&str> = bullet_free.split(',').collect();
    for (position, piece) in pieces.iter().enumerate() {
        let piece = piece.trim();
        // `Mme Odile Garnier (présidente)` / `Martín Duque Salas (Tolú)`.
        let (head, paren) = match piece.split_once('(') {
            Some((head, rest)) => (
                head.trim(),
                parenthesis(&format!("({rest}")).map(str::to_owned),
            ),
            None => (piece.trim_end_matches('.'), None),
        };
        let Some(name) = as_name(head, lex) else {
            continue;
        };
        let next = pieces.get(position + 1).map(|p| p.trim());
        let previous = position
            .checked_sub(1)
            .and_then(|p| pieces.get(p))
            .map(|p| p.trim());
        // A name then its role: `Carolina Vélez Ortiz, Presidenta (Santa Marta)`.
        let after = next.and_then(|next| {
            let (role_text, place) = match next.split_once('(') {
                Some((role, rest)) => (
                    role.trim(),
                    parenthesis(&format!("({rest}")).map(str::to_owned),
                ),
                None => (next.trim_end_matches('.'), None),
            };
            as_role(role_text, lex).map(|(role, own)| (role, place.or(own)))
        });
        // A role in apposition: `El Presidente, Jorge Ibarra Solís, da…`.
        let before = previous.and_then(|previous| {
            let tail = previous
                .rsplit(['.', ';'])
                .next()
                .unwrap_or(previous)
                .trim();
            as_role(tail, lex)
        });
        let in_paren = paren.as_deref().and_then(|p| as_role(p, lex));
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
    found
}

/// A signature block: the name line at `index` next to a role line, with
/// no blank line between (`Daniel Reyes` / `Secretary General`, `La
/// Présidente,` / `Odile Garnier`).
fn signature(lines: &[String], index: usize, lex: &Lexicons) -> Vec<Found> {
    let Some(name) = lines
        .get(index)
        .and_then(|line| as_name(line.trim_end_matches(','), lex))
    else {
        return Vec::new();
    };
    let role_line = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .filter(|line| !is_blank(line) && !line.contains(':'))
            .and_then(|line| as_role(line.trim_end_matches([',', '.']), lex))
    };
    match role_line(Some(index + 1)).or_else(|| role_line(index.checked_sub(1))) {
        Some((role, place)) => vec![(name, Some(role), place)],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            // A name and a role apart, with a blank line between, are no signature.
            ("Jordi Vaquer\n\nSecretario General de Metropolis", vec![]),
            ("The Board met in Lisbon, Porto and Braga.", vec![]),
        ];
        for (source, want) in cases {
            assert_eq!(people(source), want, "{source:?}");
        }
    }
}
