//! Grammar files (`--grammar plan.toml`): what code detection misses, said
//! by the user.
//!
//! ```toml
//! [codes]
//! # Literal text, and one {name} per level; a code may stop after any level.
//! patterns = ["Axe {axe}", "Objectif {axe}.{objectif}", "Action {axe}.{objectif}.{action}"]
//!
//! [statuses]
//! # Word or mark as printed = achieved | in_progress | not_developed,
//! # or a state outside them: cancelled | postponed | merged | delayed | on_hold.
//! "R" = "achieved"
//! "P" = "in_progress"
//! "N" = "not_developed"
//! "Annulée" = "cancelled"
//! ```
//!
//! Every error names the line of the file and the problem.

use serde::Deserialize;
use toml::Spanned;

use super::{CodePattern, Grammar, PatternLevel, StatusEntry};
use crate::model::Status;

/// States outside the three classes a grammar file may name.
pub const OUTSIDE_STATES: &[&str] = &["cancelled", "postponed", "merged", "delayed", "on_hold"];

/// Why a grammar file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GrammarFileError {
    /// The file is not valid TOML, or has keys planex does not know.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A code pattern cannot be used.
    #[error("line {line}: code pattern `{pattern}`: {problem}")]
    Pattern {
        /// 1-based line of the pattern.
        line: usize,
        /// The pattern as written.
        pattern: String,
        /// What is wrong.
        problem: String,
    },
    /// A status value is not a status planex knows.
    #[error("line {line}: `{mark}` = `{value}`: {value} is not a status; use achieved, in_progress or not_developed, or one of {}", OUTSIDE_STATES.join(", "))]
    Status {
        /// 1-based line of the entry.
        line: usize,
        /// The word or mark.
        mark: String,
        /// The value given.
        value: String,
    },
    /// The file cannot be read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// The file says nothing planex can use.
    #[error("line 1: the grammar file has neither [codes] patterns nor [statuses]")]
    Empty,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    codes: Option<RawCodes>,
    statuses: Option<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCodes {
    patterns: Vec<Spanned<String>>,
}

/// Reads and parses the grammar file at `path`.
///
/// # Errors
/// [`GrammarFileError::Io`] when it cannot be read, else as [`parse_grammar_file`].
pub fn read_grammar_file(path: &std::path::Path) -> Result<Grammar, GrammarFileError> {
    let text = std::fs::read_to_string(path).map_err(|err| GrammarFileError::Io {
        path: path.display().to_string(),
        message: err.to_string(),
    })?;
    parse_grammar_file(&text)
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// Reads a grammar file's text.
///
/// # Errors
/// A [`GrammarFileError`] naming the line and the problem.
pub fn parse_grammar_file(text: &str) -> Result<Grammar, GrammarFileError> {
    let raw: RawFile = toml::from_str(text).map_err(|err| GrammarFileError::Syntax {
        line: err.span().map_or(1, |span| line_of(text, span.start)),
        message: err.message().trim().to_owned(),
    })?;
    let mut grammar = Grammar::default();
    for pattern in raw.codes.map(|codes| codes.patterns).unwrap_or_default() {
        let line = line_of(text, pattern.span().start);
        let source = pattern.into_inner();
        grammar
            .patterns
            .push(
                parse_pattern(&source).map_err(|problem| GrammarFileError::Pattern {
                    line,
                    pattern: source.clone(),
                    problem,
                })?,
            );
    }
    let statuses: toml::Table = raw.statuses.unwrap_or_default();
    for (mark, value) in statuses {
        let line = key_line(text, &mark);
        if mark.trim().is_empty() {
            return Err(GrammarFileError::Syntax {
                line,
                message: "a status entry has an empty word or mark before `=`".to_owned(),
            });
        }
        let value = match value {
            toml::Value::String(value) => value,
            other => {
                return Err(GrammarFileError::Status {
                    line,
                    mark,
                    value: other.to_string(),
                })
            }
        };
        let (status, label) = match value.as_str() {
            "achieved" => (Some(Status::Achieved), None),
            "in_progress" => (Some(Status::InProgress), None),
            "not_developed" => (Some(Status::NotDeveloped), None),
            outside if OUTSIDE_STATES.contains(&outside) => (None, Some(outside.to_owned())),
            _ => return Err(GrammarFileError::Status { line, mark, value }),
        };
        grammar.statuses.push(StatusEntry {
            mark,
            status,
            label,
        });
    }
    if grammar.patterns.is_empty() && grammar.statuses.is_empty() {
        return Err(GrammarFileError::Empty);
    }
    Ok(grammar)
}

/// The line where `key` is defined (tables lose key spans once read).
fn key_line(text: &str, key: &str) -> usize {
    let quoted = [format!("\"{key}\""), format!("'{key}'"), key.to_owned()];
    text.lines()
        .position(|line| {
            let trimmed = line.trim_start();
            quoted.iter().any(|q| {
                trimmed
                    .strip_prefix(q.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
        })
        .map_or(1, |index| index + 1)
}

/// Parses `Action {axis}.{objective}.{action}`.
///
/// # Errors
/// A sentence saying what is wrong with the pattern.
pub fn parse_pattern(source: &str) -> Result<CodePattern, String> {
    let mut levels = Vec::new();
    let mut rest = source;
    let mut before = String::new();
    while let Some(open) = rest.find(['{', '}']) {
        if rest.get(open..open + 1) == Some("}") {
            return Err("a `}` closes no `{`".to_owned());
        }
        before.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let close = after
            .find('}')
            .ok_or_else(|| "a `{` is never closed".to_owned())?;
        let name = after.get(..close).unwrap_or_default().trim();
        if name.is_empty() || name.contains('{') {
            return Err("each level needs a name between `{` and `}`".to_owned());
        }
        if levels.iter().any(|level: &PatternLevel| level.name == name) {
            return Err(format!(
                "level `{{{name}}}` is named twice; give each level its own name"
            ));
        }
        if !levels.is_empty() && before.is_empty() {
            return Err(format!(
                "level `{{{name}}}` follows another level with nothing between them, so their numbers cannot be told apart"
            ));
        }
        if before.chars().any(|c| c.is_ascii_digit()) {
            return Err("literal text between levels may not contain digits".to_owned());
        }
        levels.push(PatternLevel {
            before: std::mem::take(&mut before),
            name: name.to_owned(),
        });
        rest = after.get(close + 1..).unwrap_or_default();
    }
    if rest.contains('}') {
        return Err("a `}` closes no `{`".to_owned());
    }
    if levels.is_empty() {
        return Err("it has no level: write one `{name}` where each number goes".to_owned());
    }
    if !rest.trim().is_empty() {
        return Err(format!(
            "text after the last level (`{rest}`) is not supported; end the pattern with a level"
        ));
    }
    Ok(CodePattern {
        source: source.to_owned(),
        levels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_file() {
        let grammar = parse_grammar_file(
            "[codes]\npatterns = [\"Axe {axe}\", \"Action {axe}.{objectif}.{action}\"]\n\n[statuses]\n\"R\" = \"achieved\"\n\"Annulée\" = \"cancelled\"\n",
        )
        .expect("valid");
        assert_eq!(grammar.patterns.len(), 2);
        assert_eq!(grammar.patterns[1].levels[2].before, ".");
        assert_eq!(grammar.statuses.len(), 2);
        let cancelled = grammar
            .statuses
            .iter()
            .find(|entry| entry.mark == "Annulée")
            .expect("entry");
        assert_eq!(cancelled.status, None);
        assert_eq!(cancelled.label.as_deref(), Some("cancelled"));
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let cases: &[(&str, &str)] = &[
            (
                "[codes]\npatterns = [\"Action {a\"]\n",
                "line 2: code pattern `Action {a`: a `{` is never closed",
            ),
            (
                "[codes]\npatterns = [\n  \"A\",\n]\n",
                "line 3: code pattern `A`: it has no level",
            ),
            (
                "[codes]\npatterns = [\"{a}{b}\"]\n",
                "line 2: code pattern `{a}{b}`: level `{b}` follows another level",
            ),
            (
                "[statuses]\nR = \"achieved\"\nP = \"finished\"\n",
                "line 3: `P` = `finished`: finished is not a status",
            ),
            ("[statuses]\nR = 3\n", "line 2: `R` = `3`"),
            (
                "[statuses]\nR = \"achieved\"\n\"\" = \"achieved\"\n",
                "line 3: a status entry has an empty word or mark",
            ),
            (
                "[codes]\npatterns = [\"Axe {a}\", \"Action {a}.{a}\"]\n",
                "line 2: code pattern `Action {a}.{a}`: level `{a}` is named twice",
            ),
            (
                "[statuses]\nR = \"achieved\"\nR = \"in_progress\"\n",
                "line 3: ",
            ),
            ("[codes]\npatterns = \"Axe {a}\"\n", "line 2: "),
            (
                "[codes]\npattern = [\"A{a}\"]\n",
                "line 2: unknown field `pattern`",
            ),
            ("[codes\n", "line 1: "),
            ("", "line 1: the grammar file has neither"),
        ];
        for (text, want) in cases {
            let err = parse_grammar_file(text).expect_err(text).to_string();
            assert!(err.starts_with(want), "{text:?}: {err}");
        }
    }
}
