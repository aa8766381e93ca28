//! Members and people listed by a document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A member (city, region, organisation) named in a members list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Member {
    /// Name as printed (`Santiago de Cali`).
    pub name: String,
    /// The heading of the list it comes from (`10 nuevos miembros`).
    pub list: Option<String>,
    /// Page of the name.
    pub page: u32,
    /// Line of the name within its page.
    pub line: u32,
}

/// A person named in a board, staff or similar list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// Name as printed (`CLAUDIA LÓPEZ HERNÁNDEZ`).
    pub name: String,
    /// Role (`Presidenta`), when stated.
    pub role: Option<String>,
    /// Place or organisation (`alcaldesa de Bogotá`), when stated.
    pub place: Option<String>,
    /// The list it comes from (`JUNTA DIRECTIVA`).
    pub group: Option<String>,
    /// Page of the name.
    pub page: u32,
    /// Line of the name within its page.
    pub line: u32,
}
