//! Status vocabulary of plan-monitoring reports in es/en/fr: the words and
//! phrases that state an item's status, the words of totals sentences, the
//! colour names and symbols a legend may define, and status column headings.
//!
//! Phrases are lower case. Matching folds both sides with
//! [`fold_word`](crate::grammar::fold_word) (plural `s`, feminine `a`/`e`),
//! so `réalisé` also matches `réalisées` and `cumplido` matches `cumplidas`.
//! Longer phrases win (`not achieved` over `achieved`).

use crate::model::Status;

/// What a status word means: one of the three classes, or a state outside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusMeaning {
    /// One of the normalized statuses.
    Class(Status),
    /// A state outside the three classes, by its normalized name
    /// (`cancelled`, `postponed`, `merged`, `delayed`, `on_hold`).
    Outside(&'static str),
}

/// One status phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusPhrase {
    /// Lower-case phrase.
    pub phrase: &'static str,
    /// What it means.
    pub meaning: StatusMeaning,
}

const fn class(phrase: &'static str, status: Status) -> StatusPhrase {
    StatusPhrase {
        phrase,
        meaning: StatusMeaning::Class(status),
    }
}

const fn outside(phrase: &'static str, name: &'static str) -> StatusPhrase {
    StatusPhrase {
        phrase,
        meaning: StatusMeaning::Outside(name),
    }
}

use Status::{Achieved, InProgress, NotDeveloped};

/// Words and phrases that state a status, in any of the three languages.
pub const STATUS_PHRASES: &[StatusPhrase] = &[
    // Not developed (negations first in each language; longest match wins anyway).
    class("not started", NotDeveloped),
    class("not yet started", NotDeveloped),
    class("not begun", NotDeveloped),
    class("not yet begun", NotDeveloped),
    class("not achieved", NotDeveloped),
    class("not met", NotDeveloped),
    class("not done", NotDeveloped),
    class("not developed", NotDeveloped),
    class("not completed", NotDeveloped),
    class("yet to start", NotDeveloped),
    class("pending", NotDeveloped),
    class("non démarré", NotDeveloped),
    class("non commencé", NotDeveloped),
    class("pas commencé", NotDeveloped),
    class("non engagé", NotDeveloped),
    class("non réalisé", NotDeveloped),
    class("non atteint", NotDeveloped),
    class("non développé", NotDeveloped),
    class("non lancé", NotDeveloped),
    class("en attente", NotDeveloped),
    class("sin iniciar", NotDeveloped),
    class("no iniciado", NotDeveloped),
    class("no se han iniciado", NotDeveloped),
    class("no se ha iniciado", NotDeveloped),
    class("no realizado", NotDeveloped),
    class("no cumplido", NotDeveloped),
    class("no logrado", NotDeveloped),
    class("no alcanzado", NotDeveloped),
    class("no desarrollado", NotDeveloped),
    class("pendiente", NotDeveloped),
    // In progress.
    class("in progress", InProgress),
    class("ongoing", InProgress),
    class("under way", InProgress),
    class("underway", InProgress),
    class("in process", InProgress),
    class("en cours", InProgress),
    class("en ejecución", InProgress),
    class("en proceso", InProgress),
    class("en curso", InProgress),
    class("en marcha", InProgress),
    class("en progreso", InProgress),
    // Achieved.
    class("completed", Achieved),
    class("complete", Achieved),
    class("done", Achieved),
    class("achieved", Achieved),
    class("met", Achieved),
    class("finished", Achieved),
    class("réalisé", Achieved),
    class("atteint", Achieved),
    class("achevé", Achieved),
    class("terminé", Achieved),
    class("cumplido", Achieved),
    class("logrado", Achieved),
    class("realizado", Achieved),
    class("alcanzado", Achieved),
    class("completado", Achieved),
    class("terminado", Achieved),
    class("finalizado", Achieved),
    class("ejecutado", Achieved),
    class("concluido", Achieved),
    class("accompli", Achieved),
];

/// States outside the three classes. Checked before [`STATUS_PHRASES`].
pub const OUTSIDE_PHRASES: &[StatusPhrase] = &[
    outside("cancelled", "cancelled"),
    outside("canceled", "cancelled"),
    outside("annulé", "cancelled"),
    outside("cancelado", "cancelled"),
    outside("abandoned", "cancelled"),
    outside("discontinued", "cancelled"),
    outside("abandonné", "cancelled"),
    outside("abandonado", "cancelled"),
    outside("postponed", "postponed"),
    outside("reporté", "postponed"),
    outside("aplazado", "postponed"),
    outside("pospuesto", "postponed"),
    outside("merged", "merged"),
    outside("fusionné", "merged"),
    outside("fusionado", "merged"),
    outside("delayed", "delayed"),
    outside("en retard", "delayed"),
    outside("retrasado", "delayed"),
    outside("on hold", "on_hold"),
    outside("suspendu", "on_hold"),
    outside("suspendido", "on_hold"),
];

/// Colour names a legend may define as marks (`Green = achieved`).
pub const COLOUR_WORDS: &[&str] = &[
    "green", "yellow", "amber", "orange", "red", "vert", "jaune", "rouge", "verde", "amarillo",
    "naranja", "rojo",
];

/// Headings of a status column (`| Code | Activity | Status |`).
pub const STATUS_HEADINGS: &[&str] = &[
    "status",
    "state",
    "progress",
    "estado",
    "situación",
    "avance",
    "statut",
    "état",
    "avancement",
];

/// Nouns a totals sentence counts (`Of the 24 projects`, `Sur 17 actions`).
/// Any noun is accepted after `of the N`; these also open `N <noun>:` forms.
pub const ITEM_NOUNS: &[&str] = &[
    "projects",
    "actions",
    "activities",
    "objectives",
    "targets",
    "outputs",
    "proyectos",
    "acciones",
    "actividades",
    "objetivos",
    "metas",
    "projets",
    "activités",
    "objectifs",
    "cibles",
];

/// Words that open a totals sentence before the total (`Of the 24`, `Sur 17`, `De las 20`).
pub const TOTALS_OPENERS: &[&str] = &["of", "out of", "sur", "de", "del", "sobre"];

/// Articles between an opener and the total (`Of the 24`, `De las 20`).
pub const TOTALS_ARTICLES: &[&str] = &["the", "les", "las", "los", "el", "la"];
