//! Document structure: sections, list items and calendar events.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A heading and the text span it governs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// Depth in the heading tree, 1 for top level.
    pub level: u8,
    /// The heading text, cleaned of markup.
    pub title: String,
    /// Page of the heading.
    pub page: u32,
    /// Line of the heading within its page.
    pub line: u32,
    /// The page number a table of contents prints for it (`null` for
    /// headings of the text itself).
    pub printed_page: Option<u32>,
    /// Page of the last line of the section's span.
    pub end_page: u32,
    /// Last line of the section's span within `end_page`.
    pub end_line: u32,
    /// Language of the section's text, or `und`.
    pub language: String,
    /// Bullet and numbered list items directly under this section.
    pub items: Vec<ListItem>,
}

/// One bullet or numbered list item, with nested sub-items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListItem {
    /// The item text, cleaned of markup.
    pub text: String,
    /// Nested items (`o` sub-bullets).
    pub children: Vec<ListItem>,
    /// Page of the item.
    pub page: u32,
    /// Line of the item within its page.
    pub line: u32,
}

/// When an event happens, as precisely as the document says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct EventDate {
    /// Year, when the document states or implies one.
    pub year: Option<u16>,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, when stated.
    pub day: Option<u8>,
}

/// An event from a calendar table or a dated line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CalendarEvent {
    /// Start date.
    pub start: EventDate,
    /// End date, for a range (`12—15 junio`).
    pub end: Option<EventDate>,
    /// The event's text, cleaned of link markup.
    pub text: String,
    /// True when the document says "to be confirmed" / "por confirmar" / "à confirmer".
    pub to_be_confirmed: bool,
    /// Page of the event.
    pub page: u32,
    /// Line of the event within its page.
    pub line: u32,
}
