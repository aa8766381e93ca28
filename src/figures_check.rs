//! Stage 5 rule: parts and wholes of key figures must add up.
//!
//! The figures extractor marks which figures a document states as a whole
//! and its parts (`30 ALIANZAS ACTIVAS`: 5 + 3 + 8 + 5 + 2) or as shares of an
//! implicit 100 % (59 % + 6 % + 33 % + 2 %). This rule sums each group and
//! reports the result: `figures.parts_consistent` (info) when the parts add
//! up, `figures.parts_mismatch` (warning) naming both numbers when they do
//! not. It never changes a figure.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{FigureRole, KeyFigure};

/// Sums below this difference are equal (shares are often rounded).
const TOLERANCE: f64 = 0.5;

/// One diagnostic per parts-and-whole group of `figures`.
pub fn check_parts(figures: &[KeyFigure]) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<u32, Vec<&KeyFigure>> = BTreeMap::new();
    for figure in figures {
        if let Some(group) = figure.group {
            groups.entry(group).or_default().push(figure);
        }
    }
    let mut diagnostics = Vec::new();
    for members in groups.values() {
        let whole = members.iter().find(|f| f.role == FigureRole::Whole);
        let parts: Vec<&&KeyFigure> = members
            .iter()
            .filter(|f| f.role == FigureRole::Part)
            .collect();
        let Some(first) = whole.copied().or_else(|| parts.first().map(|f| **f)) else {
            continue;
        };
        let sum: f64 = parts.iter().map(|f| f.value).sum();
        let (expected, stated) = match whole {
            Some(whole) => (whole.value, format!("`{} {}`", whole.text, whole.label)),
            None => (100.0, "100 %".to_owned()),
        };
        let terms: Vec<String> = parts.iter().map(|f| f.text.clone()).collect();
        let location = Location::new(first.page, first.line);
        let diagnostic = if (sum - expected).abs() <= TOLERANCE {
            Diagnostic::info(
                Code::FiguresPartsConsistent,
                format!(
                    "{} = {} adds up to {stated}",
                    terms.join(" + "),
                    number(sum)
                ),
            )
        } else {
            Diagnostic::warning(
                Code::FiguresPartsMismatch,
                format!(
                    "{stated} states {} but its parts {} add up to {}",
                    number(expected),
                    terms.join(" + "),
                    number(sum)
                ),
            )
        };
        diagnostics.push(diagnostic.at(location));
    }
    diagnostics
}

/// `23` rather than `23.0`, `16.8` as is.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Qualifier;

    fn figure(value: f64, unit: Option<&str>, role: FigureRole, group: Option<u32>) -> KeyFigure {
        KeyFigure {
            value,
            unit: unit.map(str::to_owned),
            qualifier: Qualifier::Exact,
            text: format!("{value}{}", unit.unwrap_or("")),
            label: "ALIANZAS ACTIVAS".to_owned(),
            page: 1,
            line: 1,
            role,
            group,
        }
    }

    #[test]
    fn sums_are_checked_per_group() {
        let shares =
            [59.0, 6.0, 33.0, 2.0].map(|v| figure(v, Some("%"), FigureRole::Part, Some(1)));
        let mut alliances = vec![figure(30.0, None, FigureRole::Whole, Some(2))];
        alliances
            .extend([5.0, 3.0, 8.0, 5.0, 2.0].map(|v| figure(v, None, FigureRole::Part, Some(2))));
        let mut all = shares.to_vec();
        all.extend(alliances);
        all.push(figure(17.0, None, FigureRole::Standalone, None));
        let diagnostics = check_parts(&all);
        let codes: Vec<&str> = diagnostics.iter().map(|d| &*d.code).collect();
        assert_eq!(
            codes,
            ["figures.parts_consistent", "figures.parts_mismatch"]
        );
        assert!(diagnostics[1].message.contains("30") && diagnostics[1].message.contains("23"));
    }
}
