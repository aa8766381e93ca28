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

/// A list of members as the document presents it: heading, the count it
/// declares, and the total membership it states nearby.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MemberList {
    /// The heading as printed (`10 nuevos miembros`).
    pub title: String,
    /// The count the heading declares (`10`), when it declares one.
    pub declared_count: Option<u32>,
    /// How many names planex found under the heading.
    pub listed_count: u32,
    /// Total membership stated beside the list (`154 ciudades miembro en total`).
    pub total_members: Option<u32>,
    /// Page of the heading.
    pub page: u32,
    /// Line of the heading within its page.
    pub line: u32,
}
