//! Text normalisation of the scorer, and the digests that let the gold of
//! real documents hold people without naming them.
//!
//! A gold person may be given by digests of their name instead of the name
//! (`devset/gold/people/<id>.json`): the repository names no real person, and
//! the scorer still compares planex's names with them. A digest is the
//! SHA-256 of a fixed prefix followed by the text, in lower-case hexadecimal:
//!
//! - [`NAME_PREFIX`] + the name with whitespace [`collapse`]d, compared at the
//!   exact level;
//! - [`TOKEN_PREFIX`] + each token of the [`fold`]ed name, one digest per
//!   token, compared at the relaxed level (Dice overlap of the tokens).
//!
//! This file is also compiled into `examples/devset_people_digests.rs`, the
//! tool that turns plain people files into digested ones, so that both sides
//! digest alike.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Prefix of the digest of a whole name (whitespace collapsed).
pub const NAME_PREFIX: &str = "planex-devset-name:";

/// Prefix of the digest of one folded token of a name.
pub const TOKEN_PREFIX: &str = "planex-devset-name-token:";

/// Lower case, accents removed, typographic quotes, apostrophes and dashes
/// made plain, punctuation dropped and whitespace collapsed.
///
/// `L’Été — 2012` and `l'ete 2012` fold to the same text.
pub fn fold(text: &str) -> String {
    let plain: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    collapse(&plain)
}

/// Whitespace runs become one space; ends are trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded tokens of a name, in order.
pub fn name_tokens(name: &str) -> Vec<String> {
    fold(name)
        .split(' ')
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
        .collect()
}

fn sha256_hex(prefix: &str, text: &str) -> String {
    let digest = Sha256::new()
        .chain_update(prefix.as_bytes())
        .chain_update(text.as_bytes())
        .finalize();
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Digest of a whole name as printed (whitespace collapsed first).
pub fn name_digest(name: &str) -> String {
    sha256_hex(NAME_PREFIX, &collapse(name))
}

/// Digest of one folded token (as [`name_tokens`] gives it).
pub fn token_digest(token: &str) -> String {
    sha256_hex(TOKEN_PREFIX, token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_accents_typographic_marks_and_spacing() {
        assert_eq!(
            fold("  Rapport d’activités  2011 "),
            "rapport d activites 2011"
        );
        assert_eq!(fold("Rapport d'Activités 2011"), "rapport d activites 2011");
        assert_eq!(fold("Janvier–Décembre"), fold("janvier - decembre"));
    }

    #[test]
    fn digests_are_prefixed_sha256_of_the_collapsed_name_and_of_folded_tokens() {
        // The digests committed under devset/gold/people/ depend on these values.
        assert_eq!(
            name_digest("  Ana   María Pérez "),
            "c0699e0e7fe691ed3a93e5ee58c9d8b3f258a506fd656b892a82310c49f915da"
        );
        assert_ne!(
            name_digest("Ana María Pérez"),
            name_digest("ANA MARÍA PÉREZ")
        );
        assert_eq!(name_tokens("ANA MARÍA  Pérez"), ["ana", "maria", "perez"]);
        assert_eq!(
            token_digest("perez"),
            "7793275546228d14ee6f97b73769c65b2ba010294045d454c1361b68535c4ef8"
        );
    }
}
