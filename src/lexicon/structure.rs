//! Words that name structures inside a document: figure qualifiers and units,
//! member and people list headings, board roles, numbered section prefixes
//! and tables of contents.

use crate::model::Qualifier;

/// Words before a number that qualify it, lower case, longest first within a
/// language so that `menos del` wins over `menos de`.
pub const QUALIFIER_WORDS: &[(&str, Qualifier)] = &[
    ("más de", Qualifier::AtLeast),
    ("mas de", Qualifier::AtLeast),
    ("al menos", Qualifier::AtLeast),
    ("un mínimo de", Qualifier::AtLeast),
    ("more than", Qualifier::AtLeast),
    ("over", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("plus de", Qualifier::AtLeast),
    ("au moins", Qualifier::AtLeast),
    ("menos del", Qualifier::AtMost),
    ("menos de", Qualifier::AtMost),
    ("less than", Qualifier::AtMost),
    ("fewer than", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("moins de", Qualifier::AtMost),
    ("aproximadamente", Qualifier::Approximately),
    ("alrededor de", Qualifier::Approximately),
    ("cerca de", Qualifier::Approximately),
    ("unos", Qualifier::Approximately),
    ("approximately", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("nearly", Qualifier::Approximately),
    ("environ", Qualifier::Approximately),
    ("près de", Qualifier::Approximately),
    ("presque", Qualifier::Approximately),
];

/// Units written after (or before) a number, lower case, with the unit they stand for.
pub const UNIT_WORDS: &[(&str, &str)] = &[
    ("%", "%"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("$ usd", "USD"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("$", "USD"),
    ("dólares", "USD"),
    ("dollars", "USD"),
    ("km²", "km²"),
    ("km2", "km²"),
    ("km", "km"),
    ("ha", "ha"),
];

/// Headings of member lists (`10 nuevos miembros`, `New members`), lower
/// case, matched against the whole line after an optional count.
pub const MEMBER_LIST_HEADINGS: &[&str] = &[
    "miembros",
    "nuevos miembros",
    "miembros nuevos",
    "nuevas ciudades miembro",
    "ciudades miembro",
    "members",
    "new members",
    "member cities",
    "new member cities",
    "membres",
    "nouveaux membres",
    "villes membres",
    "nouvelles villes membres",
];

/// Words that name members, for lines such as `154 ciudades miembro en total`.
pub const MEMBER_WORDS: &[&str] = &[
    "miembro", "miembros", "member", "members", "membre", "membres",
];

/// Words that mark a count as a total.
pub const TOTAL_WORDS: &[&str] = &["total", "en total", "in total", "au total", "overall"];

/// Headings of people lists (board, secretariat, team), lower case, matched
/// against the whole line.
pub const PEOPLE_LIST_HEADINGS: &[&str] = &[
    "junta directiva",
    "consejo de administración",
    "mesa ejecutiva",
    "secretaría general",
    "secretaria general",
    "equipo",
    "equipo de la secretaría general",
    "board of directors",
    "board",
    "executive bureau",
    "secretariat general",
    "general secretariat",
    "team",
    "staff",
    "conseil d'administration",
    "bureau exécutif",
    "secrétariat général",
    "équipe",
    "équipe du secrétariat général",
];

/// Words that make up board and office roles (`Vicepresidenta Regional`,
/// `Secretario General`), lower case.
pub const ROLE_WORDS: &[&str] = &[
    "presidente",
    "presidenta",
    "copresidente",
    "copresidenta",
    "co-presidente",
    "co-presidenta",
    "vicepresidente",
    "vicepresidenta",
    "tesorero",
    "tesorera",
    "secretario",
    "secretaria",
    "general",
    "regional",
    "adjunto",
    "adjunta",
    "president",
    "co-president",
    "copresident",
    "vice-president",
    "vicepresident",
    "vice",
    "treasurer",
    "secretary",
    "chair",
    "co-chair",
    "deputy",
    "président",
    "présidente",
    "coprésident",
    "coprésidente",
    "vice-président",
    "vice-présidente",
    "trésorier",
    "trésorière",
    "secrétaire",
    "générale",
    "général",
    "régional",
    "régionale",
];

/// Prefixes of numbered headings (`LÍNEA DE ACCIÓN 2`, `Axe 1`), lower case;
/// a heading is the prefix followed by a number or roman numeral.
pub const NUMBERED_HEADING_PREFIXES: &[&str] = &[
    "línea de acción",
    "linea de accion",
    "línea estratégica",
    "eje",
    "capítulo",
    "anexo",
    "action line",
    "line of action",
    "strategic line",
    "chapter",
    "annex",
    "ligne d'action",
    "axe",
    "chapitre",
    "annexe",
];

/// Headings of tables of contents, whose numbers are page numbers.
pub const CONTENTS_HEADINGS: &[&str] = &[
    "índice",
    "indice",
    "contenido",
    "contenidos",
    "sumario",
    "contents",
    "table of contents",
    "sommaire",
    "table des matières",
];

/// One-letter words of es, en and fr (`y`, `o`, `a`, `à`), lower case: the
/// other one-character tokens of a line are marks or symbols.
pub const ONE_LETTER_WORDS: &[&str] = &["y", "o", "a", "e", "u", "à", "i", "&"];
