//! Turns plain people files of the development set into digested ones.
//!
//! ```text
//! cargo run --example devset_people_digests -- <plain-dir> <out-dir>
//! ```
//!
//! Reads every `<id>.json` of `<plain-dir>`, a JSON list of people in the
//! gold's format (`{"name", "role", "organisation"}`), and writes
//! `<out-dir>/<id>.json`: the same list with each `name` replaced by
//! `name_sha256` and `name_token_sha256`. Roles and organisations are kept
//! as written (offices and bodies are not personal data). The digests are
//! those of `tests/integration/devset/names.rs`, compiled into this program
//! so that the tool and the scorer digest alike. Prints each id with its
//! number of people, the gold file's `people_digested`.

#[path = "../tests/integration/devset/names.rs"]
mod names;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

fn digest_person(person: &Value) -> Result<Value, String> {
    let name = person["name"]
        .as_str()
        .ok_or_else(|| format!("a person without a name: {person}"))?;
    let tokens: Vec<String> = names::name_tokens(name)
        .iter()
        .map(|token| names::token_digest(token))
        .collect();
    if tokens.is_empty() {
        return Err(format!("a name without a letter or digit: {name:?}"));
    }
    Ok(json!({
        "name_sha256": names::name_digest(name),
        "name_token_sha256": tokens,
        "role": person["role"],
        "organisation": person["organisation"],
    }))
}

fn digest_file(plain: &Path, out: &Path) -> Result<usize, String> {
    let text =
        std::fs::read_to_string(plain).map_err(|err| format!("{}: {err}", plain.display()))?;
    let people: Vec<Value> =
        serde_json::from_str(&text).map_err(|err| format!("{}: {err}", plain.display()))?;
    let digested = people
        .iter()
        .map(digest_person)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| format!("{}: {err}", plain.display()))?;
    let mut written = serde_json::to_string_pretty(&digested).map_err(|err| err.to_string())?;
    written.push('\n');
    std::fs::write(out, written).map_err(|err| format!("{}: {err}", out.display()))?;
    Ok(digested.len())
}

fn main() -> Result<(), String> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [plain_dir, out_dir] = args.as_slice() else {
        return Err("usage: devset_people_digests <plain-dir> <out-dir>".to_owned());
    };
    std::fs::create_dir_all(out_dir).map_err(|err| format!("{}: {err}", out_dir.display()))?;
    let mut plain_files: Vec<PathBuf> = std::fs::read_dir(plain_dir)
        .map_err(|err| format!("{}: {err}", plain_dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    plain_files.sort();
    for plain in &plain_files {
        let Some(file_name) = plain.file_name() else {
            continue;
        };
        let count = digest_file(plain, &out_dir.join(file_name))?;
        println!("{}\t{count}", Path::new(file_name).display());
    }
    Ok(())
}
