//! The words of each supported language, kept as data apart from the code that uses them.
//!
//! One [`Lexicon`] per [`Language`], one file per language (`es.rs`, `en.rs`,
//! `fr.rs`, `de.rs`), every field required, so that a new language is one new
//! file and one line in [`Language`]. Extractors ask for the tables of the
//! languages detected in a document through [`Lexicons`]; the few places that
//! read text before detection (line joining, table anchors) or have not been
//! given the document's languages yet (plan tables) use the union of all
//! languages ([`month_number`], [`TABLE_HEADINGS`]…).
//!
//! Phrases are written in lower case, without markup, with the plain
//! apostrophe `'` and hyphen `-`: text is passed through [`fold`] (typographic
//! quotes, apostrophes, dashes and unusual spaces become plain ones) before
//! any lookup, so `Rapport d’activités` finds `rapport d'activités`.

mod de;
mod en;
mod es;
mod fr;
mod narrowed;
mod probed;

pub use narrowed::Narrowed;
pub use probed::Probed;

use std::any::Any;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use crate::model::{DocumentKind, Qualifier, Status};

/// A language planex has a lexicon for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// Spanish.
    Es,
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
}

impl Language {
    /// Every supported language, in the order their tables are searched.
    pub const ALL: [Language; 4] = [Language::Es, Language::En, Language::Fr, Language::De];

    /// The language's tables.
    pub fn lexicon(self) -> &'static Lexicon {
        match self {
            Language::Es => &es::LEXICON,
            Language::En => &en::LEXICON,
            Language::Fr => &fr::LEXICON,
            Language::De => &de::LEXICON,
        }
    }

    /// ISO 639-1 code (`es`, `en`, `fr`, `de`).
    pub fn code(self) -> &'static str {
        self.lexicon().code
    }

    /// The language with ISO 639-1 code `code`, if supported.
    ///
    /// ```
    /// use planex::lexicon::Language;
    /// assert_eq!(Language::from_code("fr"), Some(Language::Fr));
    /// assert_eq!(Language::from_code("und"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language with ISO 639-3 code `code` (as whatlang names them).
    pub fn from_iso639_3(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.lexicon().iso639_3 == code)
    }
}

/// A phrase that names a kind of document, with how strongly it does.
#[derive(Debug, Clone, Copy)]
pub struct KindPhrase {
    /// Lower-case phrase, matched on word boundaries.
    pub phrase: &'static str,
    /// The kind it names.
    pub kind: DocumentKind,
    /// Weight when it appears in the title area; halved in the body.
    pub weight: f64,
    /// Whether the phrase names a report on part of a year (`quarterly
    /// report`): its year makes no yearly report of it.
    pub part_of_year: bool,
}

/// Shorthand for lexicon files.
pub(crate) const fn phrase(phrase: &'static str, kind: DocumentKind, weight: f64) -> KindPhrase {
    KindPhrase {
        phrase,
        kind,
        weight,
        part_of_year: false,
    }
}

/// Shorthand for lexicon files: a report on part of a year
/// ([`KindPhrase::part_of_year`]).
pub(crate) const fn part_of_year(
    phrase: &'static str,
    kind: DocumentKind,
    weight: f64,
) -> KindPhrase {
    KindPhrase {
        phrase,
        kind,
        weight,
        part_of_year: true,
    }
}

/// A printed label of a status, as legends and totals write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusLabel {
    /// Lower-case label (`alcanzado`, `in progress`, `non réalisé`).
    pub label: &'static str,
    /// What it means.
    pub status: Status,
}

/// Shorthand for lexicon files.
pub(crate) const fn label(label: &'static str, status: Status) -> StatusLabel {
    StatusLabel { label, status }
}

/// What a status word means: one of the three classes, or a state outside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusMeaning {
    /// One of the normalized statuses.
    Class(Status),
    /// A state outside the three classes, by its normalized name
    /// (`cancelled`, `postponed`, `merged`, `delayed`, `on_hold`).
    Outside(&'static str),
}

/// A word or phrase that states an item's status (`completed`, `en cours`,
/// `no iniciado`, `cancelled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusPhrase {
    /// Lower-case phrase, singular masculine: matching folds plural and
    /// feminine endings (`réalisé` matches `réalisées`).
    pub phrase: &'static str,
    /// What it means.
    pub meaning: StatusMeaning,
}

/// Shorthand for lexicon files: a phrase of one of the three classes.
pub(crate) const fn class(phrase: &'static str, status: Status) -> StatusPhrase {
    StatusPhrase {
        phrase,
        meaning: StatusMeaning::Class(status),
    }
}

/// Shorthand for lexicon files: a phrase of a state outside the classes.
pub(crate) const fn outside(phrase: &'static str, name: &'static str) -> StatusPhrase {
    StatusPhrase {
        phrase,
        meaning: StatusMeaning::Outside(name),
    }
}

/// How a language writes numbers: `3.500,5` (es), `3,500.5` (en), `3 500,5` (fr).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    /// Characters that group thousands.
    pub thousands: &'static [char],
    /// The decimal mark.
    pub decimal: char,
}

/// Every table of one language. Lower case; longer phrases before shorter
/// ones they contain, where a left-to-right scan takes the first match.
#[derive(Debug)]
pub struct Lexicon {
    /// Which language this is.
    pub language: Language,
    /// ISO 639-1 code.
    pub code: &'static str,
    /// ISO 639-3 code, as the language detector names it.
    pub iso639_3: &'static str,
    /// Function words, to classify text too short for the detector.
    pub function_words: &'static [&'static str],
    /// Short words a label taken from running text must not end with
    /// (`Inversión con`, `Partners and`).
    pub dangling_words: &'static [&'static str],
    /// Articles, prepositions and conjunctions a heading's line never ends
    /// with (`REPORT ON INSTITUTIONAL AND`, `celebrada por el`): a line
    /// ending in one runs on to the next. Not the words a heading may end
    /// with (`Who we are`, `À la une`), nor single letters (`Annex A`).
    pub open_words: &'static [&'static str],
    /// Month names and abbreviations with their number (1-12), with and
    /// without accents (PDF converters drop them).
    pub months: &'static [(&'static str, u8)],
    /// Weekday names and abbreviations, Monday = 1.
    pub weekdays: &'static [(&'static str, u8)],
    /// Ordinal endings of a number (`st`, `º`, `er`), as in `3rd` or `1er`.
    pub ordinal_suffixes: &'static [&'static str],
    /// Words that link the parts of a date (`de` in `14 de marzo de 2019`).
    pub date_links: &'static [&'static str],
    /// Words that open a range of dates (`del`, `from`, `du`).
    pub range_openers: &'static [&'static str],
    /// Words that join the ends of a range of dates (`al`, `to`, `au`).
    pub range_joiners: &'static [&'static str],
    /// Those of [`Lexicon::range_openers`] after which a conjunction joins
    /// the ends of a range (`between 3 and 17 June`); without one, days
    /// joined by a conjunction are a list of days apart (`3 and 17 June`).
    pub pair_openers: &'static [&'static str],
    /// Phrases right before a date in a sentence that make it an event's date
    /// (`held on`, `se celebrará el`, `aura lieu du`).
    pub event_cues: &'static [&'static str],
    /// Words that place an event on a date (`on`, `le`, `el`, `am`).
    pub date_prepositions: &'static [&'static str],
    /// Words that join a record's opening place to the day it sits (`En
    /// Osorno, a 28 de febrero de 2017, siendo las…`, `À Lyon, le 3 mars…`).
    pub place_date_links: &'static [&'static str],
    /// Words that place an event in a month (`in`, `en`, `im`).
    pub month_prepositions: &'static [&'static str],
    /// Words that anchor a date to the time of writing (`last`, `dernier`, `próximo`).
    pub relative_date_words: &'static [&'static str],
    /// Those of [`Lexicon::relative_date_words`] that place a day before
    /// the time of writing (`dernier`, `pasado`, `last`): a day printed
    /// without its year is then the last such day before the text's own.
    pub past_date_words: &'static [&'static str],
    /// Demonstratives that point a weekday at the time of writing (`ce` in
    /// `ce vendredi, 27 janvier`, `this` in `this Friday, May 3`): the day
    /// after such a weekday is the day something happens, not a mention.
    pub weekday_demonstratives: &'static [&'static str],
    /// Whether the language writes numeric dates day first whatever the
    /// region (`03/04/2019` is the 3rd of April). `false` where regions
    /// differ (English: day first in Britain, month first in the United
    /// States): the document's own evidence then decides.
    pub numeric_day_first: bool,
    /// Spellings of a region that writes numeric dates day first
    /// (`organisation`, `programme`, `councillor`); empty where the language
    /// writes them day first everywhere.
    pub day_first_spellings: &'static [&'static str],
    /// Spellings of a region that writes numeric dates month first
    /// (`organization`, `program`, `councilor`).
    pub month_first_spellings: &'static [&'static str],
    /// Labels set on a line of their own over a meeting's day (`Fecha:`,
    /// `Comienza`, `Date:`), lower case, without their colon.
    pub date_labels: &'static [&'static str],
    /// Labels of the day a page was posted or revised (`Published:`,
    /// `Actualizado:`, `Mis à jour :`), lower case: the page's day, no
    /// event's.
    pub posting_labels: &'static [&'static str],
    /// Labels of a span of time that is no event (`Reporting period:`,
    /// `Ejercicio:`, `Exercice :`), lower case.
    pub period_labels: &'static [&'static str],
    /// Nouns by which a cover names the period a report covers, its dates
    /// right after them (`period from 1 January 2031 to 31 December 2032`,
    /// `período comprendido entre el 1 de enero de 2031 hasta …`, `période
    /// du … au …`), lower case: a range of dates they open is the
    /// document's period, however many months it runs.
    pub covered_period_nouns: &'static [&'static str],
    /// Phrases saying a date or an event is not fixed yet.
    pub to_be_confirmed: &'static [&'static str],
    /// Phrases that name a kind of document.
    pub kind_phrases: &'static [KindPhrase],
    /// Words that join the two years of a span (`entre … y …`).
    pub period_between: &'static [(&'static str, &'static str)],
    /// The word "year".
    pub year_words: &'static [&'static str],
    /// Phrases before the last day of a (fiscal) year a report covers (`year
    /// ended`, `exercice clos le`, `ejercicio terminado el`), lower case.
    pub year_end_phrases: &'static [&'static str],
    /// Ordinal words for "the Nth year of a plan", with N (0 = the last year).
    pub year_ordinals: &'static [(&'static str, u16)],
    /// Status labels of legends and totals, longest negative forms first.
    pub legend_labels: &'static [StatusLabel],
    /// Words naming the whole of a plan's deliverables in a totals sentence.
    pub total_nouns: &'static [&'static str],
    /// Verbs of obligation that declare the plan's whole before a count and
    /// its unit noun (`debía realizar 12 productos`, `had to deliver 18
    /// outputs`): lower case.
    pub obligation_words: &'static [&'static str],
    /// Words that introduce an explicit grand total.
    pub total_labels: &'static [&'static str],
    /// Words and phrases that state an item's status in a cell, after a
    /// title or in a totals sentence (`completed`, `en cours`, `no iniciado`);
    /// the longest match wins.
    pub status_phrases: &'static [StatusPhrase],
    /// Words and phrases of states outside the three classes (`cancelled`,
    /// `reporté`, `fusionado`), checked before [`Lexicon::status_phrases`].
    pub outside_phrases: &'static [StatusPhrase],
    /// Answers to a question heading a status column (`Done?`, `Réalisé ?`:
    /// `Yes`, `Partly`, `No`): a status only when a whole cell, a legend's
    /// label or a totals table's heading is nothing else, never inside
    /// prose, where these words say nothing about a status.
    pub status_answers: &'static [StatusPhrase],
    /// Words that make a status partial (`partly`, `Completed (partially)`,
    /// `parcialmente logrado`, `1 was partly done`): achieved or in
    /// progress, the report does not say which, so the status stays unknown
    /// and a count of them counts no class.
    pub partial_words: &'static [&'static str],
    /// Words of a legend that count a mark as one of the classes
    /// (`Achieved (partially), counted as ongoing`, `«En curso – retrasada»
    /// se cuenta como en curso`): a mark of several words, often a status
    /// with a qualifier, that has no class of its own unless the legend says
    /// which.
    pub counted_as_words: &'static [&'static str],
    /// Words that open a status's definition in a key written as prose
    /// (`Se considera cerrada una actuación cuando …`, `au vert quand …`,
    /// `ouverte lorsqu'elle …`): lower case; one ending in an apostrophe is
    /// elided onto the next word (`lorsqu'elle`).
    pub definition_cues: &'static [&'static str],
    /// Words between a defined mark and what comes before it in such a
    /// key (`Une action est au vert`, `et en attente`): verbs and
    /// conjunctions, lower case; the mark is the words after the last one.
    pub definition_links: &'static [&'static str],
    /// Item nouns and their articles a prose key puts between the mark and
    /// its cue (`cerrada una actuación cuando`): lower case, skipped.
    pub definition_fillers: &'static [&'static str],
    /// Words saying work has begun (`iniciado`, `commencé`, `started`),
    /// which no status phrase is alone: in a key's definition, begun and
    /// not finished (`iniciado y aún no ha terminado`) is in progress, not
    /// begun is not started.
    pub started_words: &'static [&'static str],
    /// Colour names a legend may define as marks (`Green = achieved`).
    pub status_colours: &'static [&'static str],
    /// Headings of a status column (`| Code | Activity | Status |`).
    pub status_headings: &'static [&'static str],
    /// Words that open a table's or a figure's caption before its number
    /// (`Table 2 – Objective B: …`, `Cuadro 3.`, `Tableau 1 :`): lower
    /// case. A caption is never a plan's code, though the code of a level
    /// it names may follow it.
    pub caption_words: &'static [&'static str],
    /// Words that make a status heading name an earlier state (`Estado
    /// anterior`, `Previous status`): that column is history, the row's
    /// status is in another one.
    pub former_state_words: &'static [&'static str],
    /// Words that make a status heading name what was planned (`Previsto
    /// 2025`, `Situation prévue`, `Planned status`): that column is the
    /// plan, the row's status is in the observed one beside it.
    pub planned_state_words: &'static [&'static str],
    /// Words that make a heading name what was observed (`Real 2025`,
    /// `Situation constatée`, `Actual status`): beside a planned column,
    /// that column holds the row's status.
    pub observed_state_words: &'static [&'static str],
    /// Words that open a legend line (`Leyenda:`, `Key:`): after one, the
    /// line's labels may be any status phrase (`● realizado`), not only the
    /// legend labels that totals sentences also count with.
    pub legend_cues: &'static [&'static str],
    /// Headings of a column of completion shares (`% complete`, `Avance`,
    /// `Taux de réalisation`): its `100 %`, `45 %`, `0 %` are statuses.
    pub progress_headings: &'static [&'static str],
    /// Words heading one column per period of a tracker (`Q1 | Q2 | Q3`,
    /// `T1 | T2`, `Trimestre 1`): the word, a number after it.
    pub period_headings: &'static [&'static str],
    /// Phrases of a key saying a tracker's status is the one of its latest
    /// period filled in (`the latest quarter filled in`, `el último trimestre
    /// cumplimentado`); without them, statuses of several periods on a row
    /// leave it unknown.
    pub latest_period_phrases: &'static [&'static str],
    /// Words after or before a share in a completion key that make it a
    /// lower bound (`80 % et plus`, `at least 80 %`): lower case.
    pub share_at_least_words: &'static [&'static str],
    /// Words before a share in a completion key that make it an upper
    /// bound, the share itself excluded (`moins de 20 %`, `under 20 %`).
    pub share_below_words: &'static [&'static str],
    /// Words that open a totals sentence before the total (`Of the 24`, `Sur 17`).
    pub totals_openers: &'static [&'static str],
    /// Articles between an opener and the total (`Of the 24`, `De las 20`).
    pub totals_articles: &'static [&'static str],
    /// Words after a counted noun and a comma that open its parts (`12
    /// actions, dont 6 achevées`, `11 acciones, de ellas 5 hechas`).
    pub totals_partitives: &'static [&'static str],
    /// Words that give the whole after its parts, before its count and noun
    /// (`5 réalisées, 3 en cours…, soit 10 mesures`, `…, in all 10
    /// actions`).
    pub totals_sums: &'static [&'static str],
    /// Phrases that count half of a totals sentence's whole (`De las doce
    /// acciones, la mitad están cumplidas`), lower case.
    pub half_phrases: &'static [&'static str],
    /// Words that negate a status phrase after them (`1 has not been
    /// completed`, `1 n'est pas réalisée`): a count with one between it and
    /// a positive phrase is not read.
    pub negation_words: &'static [&'static str],
    /// Words before an action's code named in running text (`La acción
    /// 1.1 (…) se completó y la 1.2 …`, `l'action 2.3`, `actions 1.3 et
    /// 1.4`): item nouns and the articles that stand for them.
    pub mention_words: &'static [&'static str],
    /// Words joining two codes named in running text (`1.3 et 1.4`).
    pub mention_joins: &'static [&'static str],
    /// Words that head a totals table's column of the whole before one noun
    /// (`All actions`, `Todas las acciones`, `Toutes les actions`).
    pub whole_words: &'static [&'static str],
    /// Words that open an action line heading, before its number.
    pub action_line_words: &'static [&'static str],
    /// Column headings of plan tables.
    pub table_headings: &'static [&'static str],
    /// Words before a number that qualify it, longest first.
    pub qualifier_words: &'static [(&'static str, Qualifier)],
    /// Unit words after a number, with the unit they stand for (symbols and
    /// codes such as `%`, `€`, `USD` are in [`UNIT_SYMBOLS`]).
    pub unit_words: &'static [(&'static str, &'static str)],
    /// Words after a number that scale it (`3,2 millions`, `$200 million`).
    pub scale_words: &'static [(&'static str, f64)],
    /// How numbers are written.
    pub number_format: NumberFormat,
    /// Words of a page counter (`Page 1`, `Página 3 de 10`).
    pub page_words: &'static [&'static str],
    /// Words between a page number and the page count (`of` in `Page 2 of 4`).
    pub page_links: &'static [&'static str],
    /// Labels of the columns of a table of contents, printed between its
    /// heading and its first entry (`CONTENTS Title Page No. Introduction 3`).
    pub contents_column_words: &'static [&'static str],
    /// Headings of member lists.
    pub member_list_headings: &'static [&'static str],
    /// Words that name members.
    pub member_words: &'static [&'static str],
    /// Words that mark a count as a total.
    pub total_words: &'static [&'static str],
    /// Headings of people lists (board, secretariat, team, attendance).
    pub people_list_headings: &'static [&'static str],
    /// Words that make up roles (`vicepresidenta`, `general`, `mayor`).
    pub role_words: &'static [&'static str],
    /// Words naming a term of office (`autoridades`, `gestión`, `mandat`):
    /// a span of years beside one (`nuevo período de gestión 2031-2035`)
    /// is a term, not what the document covers.
    pub term_words: &'static [&'static str],
    /// Role words that only qualify a role (`general` in `Secretary
    /// General`, `régionale`): alone after a name they are no role
    /// (`…, cette assemblée générale`).
    pub role_modifiers: &'static [&'static str],
    /// Auxiliary verbs that make the noun before them a sentence's subject
    /// (`Le rapport moral vous sera présenté`, `the report will be
    /// presented`): a kind phrase so followed names a document spoken of.
    pub auxiliaries: &'static [&'static str],
    /// Prepositions that name the agent after a past participle (`lu par`,
    /// `presented by`, `leído por`): a kind phrase so followed names a
    /// document someone presented, spoken of in a sentence.
    pub agent_words: &'static [&'static str],
    /// Titles before a name (`Mme`, `Mr`, `Sra`), without their dot.
    pub honorifics: &'static [&'static str],
    /// Words that open a list of people in a sentence or a label
    /// (`Asistentes:`, `Étaient présents :`, `Apologies:`, `Signed:`).
    pub attendance_words: &'static [&'static str],
    /// Attendance words for people who sent their apologies.
    pub excused_words: &'static [&'static str],
    /// Attendance words of a signature (`Signed:`, `Firmado:`): the names
    /// under them sign, and a bare name there is left to the signature reader.
    pub signing_words: &'static [&'static str],
    /// Plural titles before a list of names, with the role each name takes
    /// (`Councillors Hanton, Bird and Lawn`, `Regidores Propietarios: …`),
    /// longer titles before shorter ones they end with.
    pub plural_titles: &'static [(&'static str, &'static str)],
    /// Words between a plural title and the names it announces, no part of
    /// a name (`Concejales siguientes: D. …`, `the following Councillors`).
    pub list_announcers: &'static [&'static str],
    /// Roles printed abbreviated, in lower case without their dot, with the
    /// role written out (`Cllr` is a `Councillor`).
    pub role_abbreviations: &'static [(&'static str, &'static str)],
    /// Words joining a role to its organisation or city (`de`, `of`).
    pub role_links: &'static [&'static str],
    /// Prefixes of numbered headings (`línea de acción 2`, `chapter 3`).
    pub numbered_heading_prefixes: &'static [&'static str],
    /// Notes a web page sets after a link, lower case (`pdf icon`, `opens
    /// in a new window`): no words of the heading they follow.
    pub link_notes: &'static [&'static str],
    /// Headings of tables of contents.
    pub contents_headings: &'static [&'static str],
    /// Headings of a meeting's agenda (`ordre du jour`, `provisional agenda`).
    pub agenda_headings: &'static [&'static str],
    /// Words that open the items of a meeting's agenda (`to receive`,
    /// `approbation`, `lectura y aprobación`): a list of such items is an
    /// agenda even where no line names it.
    pub agenda_item_openers: &'static [&'static str],
    /// Labels numbering the items of an agenda (`Item 04`, `Punto 3`,
    /// `Point 2`), lower case: a line opening on one and its number is an
    /// item, and the document it names is a paper of the meeting.
    pub agenda_item_labels: &'static [&'static str],
    /// One-letter words.
    pub one_letter_words: &'static [&'static str],
    /// Words that end a noun phrase counted by a number.
    pub label_stop_words: &'static [&'static str],
    /// Phrases after a number that make it a part of the count before it.
    pub partitive_words: &'static [&'static str],
    /// Nouns a number counts though they do not look plural (`2,100
    /// people`, `40 Kinder`), in lower case.
    pub count_nouns: &'static [&'static str],
    /// Nouns of the units a network or association counts (members,
    /// municipalities, councils, cities, mayors, countries), in lower case,
    /// whose count a number written in words states in a sentence
    /// (`thirty-five local government authorities`, `seis municipios`).
    /// Before other nouns a number in words is seldom a figure the document
    /// reports (`two sessions`, `trois réseaux`).
    pub worded_count_nouns: &'static [&'static str],
    /// Words that join a noun to a bare noun in a compound (`actividades de aprendizaje`).
    pub noun_links: &'static [&'static str],
    /// Conjunctions that join two nouns.
    pub conjunctions: &'static [&'static str],
    /// Words between the first and the last code of a range (`1.1 a 1.3`,
    /// `2.1 to 2.4`), lower case.
    pub range_words: &'static [&'static str],
    /// Latin adverbs numbering an item inserted after another, written
    /// after its code (`1.2 bis`, `2.1 ter`: added after 1.2, after 2.1
    /// bis), lower case. Empty where a letter does it (`§ 5a`).
    pub insertion_words: &'static [&'static str],
    /// Roles written as a title right before a name (`Mayor Jenny Hill`,
    /// `Councillor John Rich`, `presidente Ana Ruiz`).
    pub title_roles: &'static [&'static str],
    /// Lower-case words inside a name (`Margaret de Wit`, `Wes ten Hove`).
    pub name_particles: &'static [&'static str],
    /// Nouns of the part of a territory an elected member stands for
    /// (`Distrito Primero`, `Ward 3`), written after a name as its place.
    pub constituency_words: &'static [&'static str],
    /// Units of time after a number that make it a duration, not a figure
    /// (`12 months`, `20 años`).
    pub duration_words: &'static [&'static str],
    /// Kinds of street a house number stands right before (`18 avenue des
    /// écoles`, `5 calle Mayor`): that number is an address, not a figure.
    pub street_words: &'static [&'static str],
    /// Units of a file's size after a number (`770 Ko`, `2.3 MB`): the
    /// size of a download offered on a web page, never a figure reported.
    pub file_size_units: &'static [&'static str],
    /// Words for a place's inhabitants after a number (`20 000 habitants`,
    /// `5.000 habitantes`): joined to a noun by a [`size_class_links`]
    /// word, the count classes that noun by size (`communes de plus de 20
    /// 000 habitants`) and is no figure.
    ///
    /// [`size_class_links`]: Lexicon::size_class_links
    pub inhabitant_words: &'static [&'static str],
    /// Prepositions joining a noun to a count of inhabitants that classes it
    /// (`de`, `of`).
    pub size_class_links: &'static [&'static str],
    /// Nouns naming a place's population, before which a count of
    /// inhabitants states it (`une population de 4 156 habitants`): a figure.
    pub population_words: &'static [&'static str],
    /// Comparative words that make a number near them a threshold of a
    /// scale or legend (`menor a 20%`, `greater than 75%`, `75% ou
    /// supérieur`), not a quantity reported. Quantity qualifiers (`more
    /// than`, `más de`) are not among them: they belong to `qualifier_words`.
    pub threshold_words: &'static [&'static str],
    /// Words before a number that make it a reference to a text's part
    /// (`l'article 1609`, `Ley 152`, `section 4`), never a quantity; in the
    /// plural too, before a list of references (`articles 22 et 25`).
    pub reference_words: &'static [&'static str],
    /// Words, abbreviated or not, that introduce a plan's own code in
    /// brackets after a title (`(ref. 2.4)`, `(réf. 2.4)`, `(cód. 2.4)`),
    /// lower case, without their dot.
    pub code_labels: &'static [&'static str],
    /// Words that name the minutes of a meeting (`acta`, `compte rendu`):
    /// their meeting's year is the document's period.
    pub minutes_words: &'static [&'static str],
    /// Words after a plan's name that make the line name a report on the
    /// plan's progress, not the plan (`Strategic Plan Update`, `Plan de
    /// acción: informe de avance`).
    pub plan_update_words: &'static [&'static str],
    /// Nouns that end a plan's name (`General Plan`, `City Blueprint`): a
    /// report phrase right after one names a report on that plan's
    /// progress (`General Plan Annual Report`), which is no yearly report
    /// of the body that writes it.
    pub plan_nouns: &'static [&'static str],
    /// Nouns that name a document on a cover line (`Report`, `Termes de
    /// référence`, `Rapport d'orientation budgétaire`): a cover heading
    /// holding one of them and a single year dates the document by it.
    pub document_nouns: &'static [&'static str],
    /// Words by which minutes approve or confirm the minutes of an earlier
    /// meeting (`the minutes of the meeting held on 25 July were approved`,
    /// `le compte rendu du 2 novembre est approuvé`): that meeting's date is
    /// not the document's.
    pub approval_words: &'static [&'static str],
    /// Determiners by which a sentence names the document itself (`this
    /// report`, `ce rapport`, `el presente informe`); a kind named in a
    /// sentence without one is another document (`its annual report`).
    pub self_reference_words: &'static [&'static str],
    /// Verbs that send the reader to another document (`read our annual
    /// report`, `téléchargez notre rapport`): right before a determiner of
    /// [`Lexicon::self_reference_words`], the phrase names that other document.
    pub link_verbs: &'static [&'static str],
    /// Verbs by which the opening of a foreword presents the document
    /// (`to present the 2018 Annual Report`, `presentar la Memoria 2018`,
    /// `vous présenter le rapport annuel`): a few words before a kind
    /// phrase of the title area, the phrase names the document itself.
    pub presenting_verbs: &'static [&'static str],
    /// Phrases by which a title names a yearly review without a kind phrase
    /// (`A year in the LGA 2020-21`, `2021 Year in Review`): a kind only on a
    /// title line of the first page that is no sentence and prints a year.
    pub yearly_title_phrases: &'static [KindPhrase],
    /// A report's bare noun (`Informe`, `Report`, `Rapport`, `Memoria`):
    /// alone on a cover line beside a line that is a year alone (`2019` /
    /// `Informe`), it names a yearly report; opening a first sentence that
    /// points at the document (`This report documents … for the calendar
    /// year 2018`), it does so with a [`Lexicon::covered_year_phrases`] phrase.
    pub yearly_cover_nouns: &'static [KindPhrase],
    /// Phrases by which a report's opening sentence says which year it
    /// covers (`for the calendar year`, `correspondiente al año`, `pour
    /// l'année`), a year right after them.
    pub covered_year_phrases: &'static [KindPhrase],
    /// Lower-case links, labels and counters of web pages (`read more`,
    /// `en savoir plus`, `imprimer`, `views`): a line that is one of them
    /// (and a word or so more) is page furniture, never a heading, and a
    /// number they label is a counter, never a key figure.
    pub navigation_words: &'static [&'static str],
    /// Words that make a date a posting date (`Édition du 7 novembre`,
    /// `Posted on 3 March`): when a page was written, not an event.
    pub dateline_words: &'static [&'static str],
    /// Words after a date that make it recur (`le 15 février de chaque
    /// année`, `every year on 1 May`): a rule or deadline, not an event.
    pub recurrence_words: &'static [&'static str],
    /// Words before a date that make it the end of a reporting period
    /// (`Year ended 31 March 2017`, `exercice clos le 31 décembre 2018`,
    /// `ejercicio terminado el 31 de diciembre`) or the day a list stands at
    /// (`as at 31st March 2017`): when accounts stop, not an event.
    pub period_end_words: &'static [&'static str],
    /// Nouns naming a meeting or a gathering (`conference`, `sesión`,
    /// `séance`) and the record of one (`minutes`, `acta`): one right before
    /// a day, a date link or preposition between them allowed, names what
    /// happened that day (`Annual Conference August 11-13`, `Sesión de 13 de
    /// octubre de 2022`).
    pub event_nouns: &'static [&'static str],
    /// Words opening a byline (`By`, `Por`, `Par`, `Von`) when a capitalised
    /// name follows: a date on that line is when the page was written.
    pub byline_words: &'static [&'static str],
    /// Words that may stand between a meeting's noun and its day, after
    /// the noun (`sesión extraordinaria de 19 de diciembre`, `séance
    /// ordinaire du 3 mars`, `sesiones anteriores de fecha 30/07/2016`):
    /// the day is still that meeting's.
    pub meeting_qualifiers: &'static [&'static str],
    /// Phrases that give a record or an act its date (`en date du`, `de
    /// fecha`, `dated`): between a meeting's noun and its day they link
    /// them as a date link does (`le dernier Conseil en date du 6 mai`).
    pub dating_links: &'static [&'static str],
    /// Numbers written in words, unaccented and lower case, with their
    /// value (`veintiocho`, `quatre`, `twenty`, `mil`): minutes write the
    /// day and year of their meeting in words (`el día veintiocho de abril
    /// de dos mil dieciséis`).
    pub number_words: &'static [(&'static str, u16)],
}

/// The lexicons of a set of languages: those detected in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexicons(Vec<Language>);

impl Lexicons {
    /// Every supported language.
    pub fn all() -> Self {
        Self(Language::ALL.to_vec())
    }

    /// The languages named by `codes` (ISO 639-1); every language when none
    /// is supported (an undetermined document is read with all tables).
    pub fn for_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> Self {
        let mut languages: Vec<Language> = Vec::new();
        for language in codes.into_iter().filter_map(Language::from_code) {
            if !languages.contains(&language) {
                languages.push(language);
            }
        }
        if languages.is_empty() {
            Self::all()
        } else {
            Self(languages)
        }
    }

    /// The languages, in order.
    pub fn languages(&self) -> &[Language] {
        &self.0
    }

    /// The entries of one table, over every language of the set.
    pub fn each<'a, T: 'static>(
        &'a self,
        table: impl Fn(&'static Lexicon) -> &'static [T] + 'a,
    ) -> impl Iterator<Item = &'static T> + 'a {
        self.0.iter().flat_map(move |l| table(l.lexicon()).iter())
    }

    /// Whether `word` (already folded and lower case) is in a word table.
    pub fn has(
        &self,
        table: impl Fn(&'static Lexicon) -> &'static [&'static str],
        word: &str,
    ) -> bool {
        self.each(table).any(|w| *w == word)
    }

    /// Whether a line's lower-case words are a web page's link or label
    /// (`EN SAVOIR PLUS`, `Imprimer PDF`, `Click here for full text`, `Skip
    /// to content`): one of the navigation phrases, and at most one word
    /// more after a one-word phrase (`Print media campaign` is a heading),
    /// three after a longer one.
    pub fn navigation(&self, words: &[&str]) -> bool {
        // Asked of every candidate heading: the phrases are read in place,
        // not split into vectors each time.
        self.each(|l| l.navigation_words).any(|phrase| {
            // Most phrases part from the words on the first: compared
            // before the phrase's words are counted.
            if phrase
                .split_whitespace()
                .next()
                .is_some_and(|first| words.first() != Some(&first))
            {
                return false;
            }
            let length = phrase.split_whitespace().count();
            let more = if length == 1 { 1 } else { 3 };
            (length..=length + more).contains(&words.len())
                && phrase
                    .split_whitespace()
                    .zip(words)
                    .all(|(expected, word)| expected == *word)
        })
    }

    /// Whether `line` (already folded and lower case) heads a table of
    /// contents: a contents heading alone, or over the column of its page
    /// numbers (`índice página`, `contents page`).
    pub fn contents_heading(&self, line: &str) -> bool {
        self.has(|l| l.contents_headings, line)
            || self.each(|l| l.contents_headings).any(|heading| {
                line.strip_prefix(heading)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| self.has(|l| l.page_words, rest.trim_end_matches('.')))
            })
    }

    /// A pattern built from these lexicons by `build`, compiled once per
    /// `name` and set of languages. `build` must give a valid pattern for any
    /// set (it escapes the words it takes): a pattern that does not compile
    /// matches nothing.
    pub fn pattern(&self, name: &'static str, build: impl Fn(&Lexicons) -> String) -> Arc<Probed> {
        // A few dozen entries at most (patterns times language sets), looked
        // up on every line by some extractors: a scan that compares without
        // building a key (cloning the languages was most of the cost).
        type Cache = Mutex<Vec<(&'static str, Vec<Language>, Arc<Probed>)>>;
        static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(Vec::new()));
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        let found = cache
            .iter()
            .find(|(named, languages, _)| *named == name && *languages == self.0);
        if let Some((_, _, found)) = found {
            return Arc::clone(found);
        }
        let compiled = Arc::new(Probed::new(&build(self)));
        cache.push((name, self.0.clone(), Arc::clone(&compiled)));
        compiled
    }

    /// A value built from these lexicons by `build` (an automaton over some
    /// of their words), built once per `name` and set of languages and
    /// shared by every document read with that set, as [`Self::pattern`]
    /// shares patterns: a batch of short documents would otherwise spend
    /// more on building automata than on reading.
    pub fn cached<T: Send + Sync + 'static>(
        &self,
        name: &'static str,
        build: impl FnOnce(&Lexicons) -> T,
    ) -> Arc<T> {
        type Shared = Arc<dyn Any + Send + Sync>;
        type Cache = Mutex<Vec<(&'static str, Vec<Language>, Shared)>>;
        static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(Vec::new()));
        let find = |cache: &[(&'static str, Vec<Language>, Shared)]| {
            cache
                .iter()
                .find(|(named, languages, _)| *named == name && *languages == self.0)
                .and_then(|(_, _, found)| Arc::clone(found).downcast::<T>().ok())
        };
        if let Some(found) = find(&CACHE.lock().unwrap_or_else(PoisonError::into_inner)) {
            return found;
        }
        // Built without the lock, so that `build` may ask for other values;
        // of two threads that built the same value, the first one kept wins.
        let built = Arc::new(build(self));
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = find(&cache) {
            return found;
        }
        cache.push((name, self.0.clone(), Arc::clone(&built) as Shared));
        built
    }

    /// The words of a table as a regex alternation, longest first, escaped,
    /// with `'` and `-` also matching their typographic forms and spaces
    /// matching any run of spaces.
    pub fn alternation(&self, words: impl Iterator<Item = &'static str>) -> String {
        let mut words: Vec<&str> = words.collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words.dedup();
        words
            .iter()
            .map(|w| {
                regex::escape(w)
                    .replace('\'', "['’‘ʼ]")
                    .replace("\\-", "[-‐‑–—]")
                    .replace(' ', r"\s+")
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    /// The value of a number word (unaccented and lower case) in the first
    /// language of the set that has it.
    pub fn number_value(&self, word: &str) -> Option<u16> {
        // Asked of every word of many lines: most are no number word of
        // any language, which a set tells before the tables are scanned.
        static ANY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
            Language::ALL
                .iter()
                .flat_map(|language| language.lexicon().number_words.iter())
                .map(|(name, _)| *name)
                .collect()
        });
        if !ANY.contains(word) {
            return None;
        }
        self.each(|l| l.number_words)
            .find(|(name, _)| *name == word)
            .map(|(_, value)| *value)
    }

    /// Whether `word` (unaccented and lower case) is a role word of a
    /// language of the set.
    pub fn role_word(&self, word: &str) -> bool {
        // Asked of every capitalised word of many lines: most are no role
        // word of any language, which a set tells before the tables are
        // scanned.
        static ANY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
            Language::ALL
                .iter()
                .flat_map(|language| language.lexicon().role_words.iter())
                .copied()
                .collect()
        });
        ANY.contains(word) && self.has(|l| l.role_words, word)
    }

    /// The month number of `word` (any case, a trailing dot allowed).
    pub fn month(&self, word: &str) -> Option<u8> {
        static MONTHS: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::of(|l| l.months));
        MONTHS.number(&self.0, word)
    }

    /// The weekday number of `word` (any case, a trailing dot allowed).
    pub fn weekday(&self, word: &str) -> Option<u8> {
        static WEEKDAYS: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::of(|l| l.weekdays));
        WEEKDAYS.number(&self.0, word)
    }
}

/// The numbered names of one table (months, weekdays) of every language,
/// by name. Layout asks for a month of every word that may open a row, so
/// a word is folded and lowered into a buffer on the stack and looked up,
/// instead of being copied and compared with every name of every language.
struct NameIndex(HashMap<&'static str, Vec<(Language, u8)>>);

/// Longest folded, lowered word [`NameIndex`] looks up, in bytes; no name
/// comes near it (a test checks).
const NAME_BYTES: usize = 48;

impl NameIndex {
    fn of(table: impl Fn(&'static Lexicon) -> &'static [(&'static str, u8)]) -> Self {
        let mut index: HashMap<&'static str, Vec<(Language, u8)>> = HashMap::new();
        for language in Language::ALL {
            for &(name, number) in table(language.lexicon()) {
                index.entry(name).or_default().push((language, number));
            }
        }
        Self(index)
    }

    /// The number of `word` in the first of `languages` that names it.
    fn number(&self, languages: &[Language], word: &str) -> Option<u8> {
        let word = word.trim().trim_end_matches('.');
        let mut buffer = [0u8; NAME_BYTES];
        let mut len = 0;
        if word.is_ascii() {
            // ASCII lowers byte by byte, and only its punctuation can fold.
            let bytes = buffer.get_mut(..word.len())?;
            bytes.copy_from_slice(word.as_bytes());
            bytes.make_ascii_lowercase();
            for byte in bytes.iter_mut().filter(|b| !b.is_ascii_alphanumeric()) {
                *byte = u8::try_from(fold_char(char::from(*byte))).unwrap_or(*byte);
            }
            len = word.len();
        } else {
            for c in word.chars().map(fold_char).flat_map(char::to_lowercase) {
                let bytes = buffer.get_mut(len..len + c.len_utf8())?;
                len += c.encode_utf8(bytes).len();
            }
        }
        let lowered = std::str::from_utf8(buffer.get(..len)?).ok()?;
        let entries = self.0.get(lowered)?;
        languages.iter().find_map(|language| {
            entries
                .iter()
                .find(|(named, _)| named == language)
                .map(|&(_, number)| number)
        })
    }
}

/// Typographic characters and their plain forms: quotes, apostrophes,
/// dashes, and spaces that are not U+0020.
const FOLDS: &[(char, char)] = &[
    ('\u{2019}', '\''),
    ('\u{2018}', '\''),
    ('\u{201B}', '\''),
    ('\u{02BC}', '\''),
    ('\u{00B4}', '\''),
    ('`', '\''),
    ('\u{201C}', '"'),
    ('\u{201D}', '"'),
    ('\u{201E}', '"'),
    ('\u{00AB}', '"'),
    ('\u{00BB}', '"'),
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
    ('\u{2012}', '-'),
    ('\u{2013}', '-'),
    ('\u{2014}', '-'),
    ('\u{2015}', '-'),
    ('\u{2212}', '-'),
    ('\u{00A0}', ' '),
    ('\u{202F}', ' '),
    ('\u{2009}', ' '),
    ('\u{2007}', ' '),
];

/// `text` in lower case without its accents: capitals are often printed
/// without them (`RAPPORT D'ACTIVITE`, `BÉRÉHOUC` and `Berehouc` are one
/// surname printed twice).
///
/// ```
/// assert_eq!(planex::lexicon::unaccented("RAPPORT d'ACTIVITÉ"), "rapport d'activite");
/// ```
pub fn unaccented(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    unaccented_into(&mut out, text);
    out
}

/// Appends [`unaccented`] of `text` to `out`: a caller that tries many
/// words reuses one buffer.
pub fn unaccented_into(out: &mut String, text: &str) {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    // Character by character rather than through the NFD stream: NFD only
    // reorders combining marks among themselves, and every one is dropped,
    // so each character's own decomposition gives the same letters, without
    // the stream's buffering; ASCII, most of any text, decomposes to itself.
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_canonical(c, |part| {
            if !is_combining_mark(part) {
                out.extend(part.to_lowercase());
            }
        });
    }
}

/// The first character of [`unaccented`] of these characters, found
/// without building it: a cheap first test before comparing whole phrases.
///
/// ```
/// assert_eq!(planex::lexicon::first_unaccented("Índice".chars()), Some('i'));
/// ```
pub fn first_unaccented(chars: impl IntoIterator<Item = char>) -> Option<char> {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    chars.into_iter().find_map(|c| {
        if c.is_ascii() {
            return Some(c.to_ascii_lowercase());
        }
        let mut first = None;
        decompose_canonical(c, |part| {
            if first.is_none() && !is_combining_mark(part) {
                first = part.to_lowercase().next();
            }
        });
        first
    })
}

/// Folds typographic quotes, apostrophes, dashes and spaces into their plain
/// forms, as lexicon phrases are written. Borrowed when nothing changes.
///
/// ```
/// assert_eq!(planex::lexicon::fold("Rapport d’activités – 2011"), "Rapport d'activités - 2011");
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    // Asked of most lines several times: only a character outside ASCII
    // (the backtick aside, which ASCII text keeps) can fold.
    if text.is_ascii()
        || !text
            .chars()
            .any(|c| (!c.is_ascii() || c == '`') && fold_char(c) != c)
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(fold_char).collect())
}

/// The plain form of one typographic character (see [`fold`]).
pub fn fold_char(c: char) -> char {
    // ASCII, most of any text, folds to itself but for the backtick.
    if c.is_ascii() && c != '`' {
        return c;
    }
    FOLDS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// A mark and the status it conventionally means, used when a document
/// states no legend, and to read OCR variants of a legend's marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConventionalMark {
    /// The mark as printed.
    pub mark: &'static str,
    /// What it conventionally means.
    pub status: Status,
}

const fn mark(mark: &'static str, status: Status) -> ConventionalMark {
    ConventionalMark { mark, status }
}

use Status::{Achieved, InProgress, NotDeveloped};

/// The conventional table (marks, not words: the same in every language).
/// `٧` (Arabic-Indic seven) is what OCR makes of a hand-drawn tick (seed 000
/// has five); `0` and `o` are OCR for `○`.
pub const CONVENTIONAL_MARKS: &[ConventionalMark] = &[
    mark("V", Achieved),
    mark("v", Achieved),
    mark("✓", Achieved),
    mark("✔", Achieved),
    mark("√", Achieved),
    mark("٧", Achieved),
    mark("0", InProgress),
    mark("o", InProgress),
    mark("O", InProgress),
    mark("○", InProgress),
    mark("◯", InProgress),
    mark("◦", InProgress),
    mark("×", NotDeveloped),
    mark("x", NotDeveloped),
    mark("X", NotDeveloped),
    mark("✗", NotDeveloped),
    mark("✘", NotDeveloped),
];

/// Checkboxes of a task list (`- [x] 3.1 Rewire the hall`, `[ ] 3.2 …`), the
/// same in every language: ticked is done, empty is not started. Read as
/// printed, brackets included: the bare `x` inside is not the conventional
/// `x` (not developed). Any other box (`[~]`, `[-]`) needs the document's key.
pub const CHECKBOX_MARKS: &[ConventionalMark] = &[
    mark("[x]", Achieved),
    mark("[X]", Achieved),
    mark("[ ]", NotDeveloped),
];

/// Boxes of a printed form, ticked and empty, the same in every language:
/// a row of them, each before a status (`☒ Réalisée ☐ En cours ☐ Non
/// engagée`), gives the ticked one's status.
pub const TICKED_BOXES: &[&str] = &["☒", "☑", "[x]", "[X]", "■"];

/// See [`TICKED_BOXES`].
pub const EMPTY_BOXES: &[&str] = &["☐", "□", "[ ]"];

/// Currency signs printed before an amount (`$3.2M`, `£14m`, `€ 500`, the
/// Swiss franc's `Fr. 225'000.--`, the Malawian kwacha's `MK1 million`),
/// the same in every language, with their ISO code. A sign that several
/// currencies share (the shilling's `Sh`) is left out: it names none.
pub const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("Fr.", "CHF"),
    ("MK", "MWK"),
];

/// Names of the lands whose own money the dollar sign and the word dollar
/// name (the peso's `$` in Chile or Colombia, the Australian or Canadian
/// dollar), in every language, lower case, with the money's ISO code: a text
/// that names places of one such money alone prices its `$` in it. Lands
/// whose money is the
/// US dollar are listed too, so that a text naming both stays undecided. A
/// name another place shares (`New Mexico`, `Victoria`) is left out.
pub const DOLLAR_LANDS: &[(&str, &str)] = &[
    ("australia", "AUD"),
    ("australian", "AUD"),
    ("australie", "AUD"),
    ("queensland", "AUD"),
    ("new south wales", "AUD"),
    ("nsw", "AUD"),
    ("south australia", "AUD"),
    ("tasmania", "AUD"),
    ("canada", "CAD"),
    ("canadá", "CAD"),
    ("canadian", "CAD"),
    ("canadien", "CAD"),
    ("canadienne", "CAD"),
    ("québec", "CAD"),
    ("quebec", "CAD"),
    ("ontario", "CAD"),
    ("alberta", "CAD"),
    ("manitoba", "CAD"),
    ("saskatchewan", "CAD"),
    ("nova scotia", "CAD"),
    ("new brunswick", "CAD"),
    ("nouveau brunswick", "CAD"),
    ("british columbia", "CAD"),
    ("chile", "CLP"),
    ("chilena", "CLP"),
    ("chileno", "CLP"),
    ("chilenas", "CLP"),
    ("chilenos", "CLP"),
    ("colombia", "COP"),
    ("colombie", "COP"),
    ("colombiana", "COP"),
    ("colombiano", "COP"),
    ("argentina", "ARS"),
    ("argentine", "ARS"),
    ("argentino", "ARS"),
    ("méxico", "MXN"),
    ("mexique", "MXN"),
    ("mexicana", "MXN"),
    ("mexicano", "MXN"),
    ("mexicanos", "MXN"),
    ("new zealand", "NZD"),
    ("nouvelle zélande", "NZD"),
    ("nueva zelanda", "NZD"),
    ("united states", "USD"),
    ("estados unidos", "USD"),
    ("états unis", "USD"),
    ("panamá", "USD"),
    ("panama", "USD"),
    ("ecuador", "USD"),
    ("équateur", "USD"),
    ("el salvador", "USD"),
    ("uruguay", "UYU"),
    ("uruguaya", "UYU"),
    ("uruguayo", "UYU"),
];

/// The moneys of [`DOLLAR_LANDS`] that are pesos: the word peso names
/// the one of the land a text names, and no money where it names none.
pub const PESO_MONEYS: &[&str] = &["ARS", "CLP", "COP", "MXN", "UYU"];

/// The unit a peso word reads as (`242 millones de pesos`) until the
/// land the text names tells which peso it is: never left in an output.
pub const LAND_PESO: &str = "peso";

/// Unit symbols and codes, the same in every language, with their unit.
/// A sign run into letters naming its land (`US$5 million`, `NZ$ 40`) is
/// one symbol.
pub const UNIT_SYMBOLS: &[(&str, &str)] = &[
    ("%", "%"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("$ usd", "USD"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("a$", "AUD"),
    ("au$", "AUD"),
    ("c$", "CAD"),
    ("ca$", "CAD"),
    ("nz$", "NZD"),
    ("mx$", "MXN"),
    ("$", "USD"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("chf", "CHF"),
    ("km²", "km²"),
    ("km2", "km²"),
    ("km", "km"),
    ("ha", "ha"),
];

/// The entries of one table over every language, in [`Language::ALL`] order.
fn union<T: Copy + 'static>(table: impl Fn(&'static Lexicon) -> &'static [T]) -> Vec<T> {
    Lexicons::all().each(table).copied().collect()
}

/// Month names of every language (for readers that run before detection).
pub static MONTHS: LazyLock<Vec<(&'static str, u8)>> = LazyLock::new(|| union(|l| l.months));
/// Action line words of every language.
pub static ACTION_LINE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|l| l.action_line_words));
/// Plan table headings of every language.
pub static TABLE_HEADINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|l| l.table_headings));
/// Status column headings of every language (`status`, `estado`, `statut`).
pub static STATUS_HEADINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|l| l.status_headings));
/// Dangling words of every language.
pub static DANGLING_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|l| l.dangling_words));
/// (ISO 639-1 code, function words) of every language.
pub static FUNCTION_WORDS: LazyLock<Vec<(&'static str, &'static [&'static str])>> =
    LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|l| (l.code(), l.lexicon().function_words))
            .collect()
    });

/// The month number of `word` (any case) in any language.
///
/// ```
/// assert_eq!(planex::lexicon::month_number("Février"), Some(2));
/// assert_eq!(planex::lexicon::month_number("Junio"), Some(6));
/// assert_eq!(planex::lexicon::month_number("plan"), None);
/// ```
pub fn month_number(word: &str) -> Option<u8> {
    static ALL: LazyLock<Lexicons> = LazyLock::new(Lexicons::all);
    ALL.month(word)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn number_words_are_read_in_the_set_s_languages() {
        let spanish = Lexicons::for_codes(["es"]);
        let french = Lexicons::for_codes(["fr"]);
        assert_eq!(spanish.number_value("veintiocho"), Some(28));
        assert_eq!(french.number_value("veintiocho"), None);
        assert_eq!(french.number_value("quatre"), Some(4));
        assert_eq!(Lexicons::all().number_value("abril"), None);
    }

    #[test]
    fn role_words_are_those_of_the_set_s_tables() {
        for language in Language::ALL {
            let one = Lexicons::for_codes([language.code()]);
            for other in Language::ALL {
                for word in other.lexicon().role_words {
                    assert_eq!(
                        one.role_word(word),
                        one.has(|l| l.role_words, word),
                        "{word} in {}",
                        language.code()
                    );
                }
            }
            assert!(!one.role_word(""));
            assert!(!one.role_word("zzzz"));
        }
    }

    #[test]
    fn a_cached_value_is_built_once_per_name_and_set_of_languages() {
        let spanish = Lexicons::for_codes(["es"]);
        let builds = std::sync::atomic::AtomicUsize::new(0);
        let build = |lex: &Lexicons| {
            builds.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            lex.languages().to_vec()
        };
        let first = spanish.cached("test.cached", build);
        let again = Lexicons::for_codes(["es"]).cached("test.cached", build);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(*first, vec![Language::Es]);
        let english = Lexicons::for_codes(["en"]).cached("test.cached", build);
        assert_eq!(*english, vec![Language::En]);
        let other = spanish.cached("test.cached.other", |_| 7u8);
        assert_eq!(*other, 7);
        assert_eq!(builds.load(std::sync::atomic::Ordering::Relaxed), 2);
    }

    #[test]
    fn unaccented_appends_to_a_buffer_as_it_returns() {
        let mut buffer = String::from("x ");
        unaccented_into(&mut buffer, "DIECISÉIS Ñandú");
        assert_eq!(buffer, format!("x {}", unaccented("DIECISÉIS Ñandú")));
    }

    #[test]
    fn folds_of_ascii_are_the_backtick_alone() {
        // `fold` and `fold_char` pass other ASCII through untested.
        for (from, _) in FOLDS {
            assert!(!from.is_ascii() || *from == '`', "{from:?}");
        }
        assert_eq!(fold("l’été `x`"), "l'été 'x'");
        assert_eq!(fold("a `b`"), "a `b`");
    }

    proptest! {
        /// Decomposing character by character gives what the NFD stream
        /// gives, marks dropped, on any text (accents, Hangul, marks out
        /// of canonical order).
        #[test]
        fn unaccented_is_nfd_without_marks_in_lower_case(text in "\\PC{0,40}|[a-zA-ZÀ-ÿĀ-ž\u{300}-\u{36f}\u{AC00}-\u{AC20} ]{0,40}") {
            use unicode_normalization::UnicodeNormalization;
            let streamed: String = text
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect();
            prop_assert_eq!(unaccented(&text), streamed);
        }
    }

    #[test]
    fn contents_heading_alone_or_over_its_page_column() {
        let lex = Lexicons::all();
        assert!(lex.contents_heading("índice"));
        assert!(lex.contents_heading("índice pagina"));
        assert!(lex.contents_heading("contents page"));
        assert!(lex.contents_heading("sommaire p."));
        assert!(lex.contents_heading("table des matieres pages"));
        assert!(lex.contents_heading("table of contents pages"));
        assert!(lex.contents_heading("indice paginas"));
        assert!(lex.contents_heading("índice de contenidos"));
        assert!(lex.contents_heading("tabla de contenidos"));
        assert!(!lex.contents_heading("índice de precios"));
        assert!(!lex.contents_heading("page"));
    }

    #[test]
    fn unaccented_letters_of_the_lexicons_languages() {
        assert_eq!(
            unaccented("ÉTÉ Señor Ça Ĳ Ångström"),
            "ete senor ca ĳ angstrom"
        );
    }

    #[test]
    fn month_and_weekday_names_fit_the_lookup_buffer() {
        let all = Lexicons::all();
        for (name, _) in all.each(|l| l.months).chain(all.each(|l| l.weekdays)) {
            assert!(name.len() < NAME_BYTES / 2, "{name:?}");
            assert_eq!(
                fold(&name.to_lowercase()),
                *name,
                "{name:?} is not folded lower case"
            );
        }
    }

    #[test]
    fn month_and_weekday_words_with_typographic_marks_and_case() {
        let all = Lexicons::all();
        assert_eq!(all.month(" AVR. "), Some(4));
        assert_eq!(all.month("Août"), Some(8));
        assert_eq!(all.month("1er"), None);
        assert_eq!(all.month("2024"), None);
        assert_eq!(all.month("Ma"), None);
        assert_eq!(all.weekday("MONDAY."), Some(1));
        assert_eq!(all.weekday("Mon-day"), None);
        assert_eq!(all.month("AO\u{00DB}T"), Some(8));
        assert_eq!(all.month("ao\u{00FB}t\u{2019}"), None);
        assert_eq!(all.month(&"e".repeat(NAME_BYTES + 1)), None);
        // The first language of the set that names the word decides.
        assert_eq!(Lexicons::for_codes(["de", "fr"]).month("mai"), Some(5));
        assert_eq!(all.month(&"e".repeat(NAME_BYTES + 1)), None);
        // The first language of the set that names the word decides.
        assert_eq!(Lexicons::for_codes(["de", "fr"]).month("mai"), Some(5));
    }

    #[test]
    fn month_names_in_every_language() {
        for (word, want) in [
            ("enero", Some(1)),
            ("Septiembre", Some(9)),
            ("setiembre", Some(9)),
            ("February", Some(2)),
            ("Sept.", Some(9)),
            ("février", Some(2)),
            ("AOÛT", Some(8)),
            ("décembre", Some(12)),
            ("Mai", Some(5)),
            ("März", Some(3)),
            ("maybe", None),
            ("", None),
        ] {
            assert_eq!(month_number(word), want, "{word:?}");
        }
    }

    #[test]
    fn every_language_fills_every_table() {
        for language in Language::ALL {
            let l = language.lexicon();
            assert_eq!(l.language, language);
            assert_eq!(Language::from_code(l.code), Some(language));
            let words: &[(&str, usize)] = &[
                ("function_words", l.function_words.len()),
                ("months", l.months.len()),
                ("weekdays", l.weekdays.len()),
                ("ordinal_suffixes", l.ordinal_suffixes.len()),
                ("date_links", l.date_links.len()),
                ("range_openers", l.range_openers.len()),
                ("range_joiners", l.range_joiners.len()),
                ("pair_openers", l.pair_openers.len()),
                ("to_be_confirmed", l.to_be_confirmed.len()),
                ("event_cues", l.event_cues.len()),
                ("date_prepositions", l.date_prepositions.len()),
                ("place_date_links", l.place_date_links.len()),
                ("month_prepositions", l.month_prepositions.len()),
                ("relative_date_words", l.relative_date_words.len()),
                ("past_date_words", l.past_date_words.len()),
                ("weekday_demonstratives", l.weekday_demonstratives.len()),
                ("date_labels", l.date_labels.len()),
                ("posting_labels", l.posting_labels.len()),
                ("period_labels", l.period_labels.len()),
                ("covered_period_nouns", l.covered_period_nouns.len()),
                ("kind_phrases", l.kind_phrases.len()),
                ("period_between", l.period_between.len()),
                ("year_words", l.year_words.len()),
                ("year_end_phrases", l.year_end_phrases.len()),
                ("year_ordinals", l.year_ordinals.len()),
                ("legend_labels", l.legend_labels.len()),
                ("total_nouns", l.total_nouns.len()),
                ("obligation_words", l.obligation_words.len()),
                ("total_labels", l.total_labels.len()),
                ("status_phrases", l.status_phrases.len()),
                ("outside_phrases", l.outside_phrases.len()),
                ("status_colours", l.status_colours.len()),
                ("status_answers", l.status_answers.len()),
                ("partial_words", l.partial_words.len()),
                ("counted_as_words", l.counted_as_words.len()),
                ("definition_cues", l.definition_cues.len()),
                ("definition_links", l.definition_links.len()),
                ("definition_fillers", l.definition_fillers.len()),
                ("started_words", l.started_words.len()),
                ("dangling_words", l.dangling_words.len()),
                ("open_words", l.open_words.len()),
                ("status_headings", l.status_headings.len()),
                ("former_state_words", l.former_state_words.len()),
                ("planned_state_words", l.planned_state_words.len()),
                ("observed_state_words", l.observed_state_words.len()),
                ("progress_headings", l.progress_headings.len()),
                ("period_headings", l.period_headings.len()),
                ("latest_period_phrases", l.latest_period_phrases.len()),
                ("share_at_least_words", l.share_at_least_words.len()),
                ("share_below_words", l.share_below_words.len()),
                ("legend_cues", l.legend_cues.len()),
                ("totals_openers", l.totals_openers.len()),
                ("totals_articles", l.totals_articles.len()),
                ("totals_partitives", l.totals_partitives.len()),
                ("totals_sums", l.totals_sums.len()),
                ("half_phrases", l.half_phrases.len()),
                ("negation_words", l.negation_words.len()),
                ("mention_words", l.mention_words.len()),
                ("mention_joins", l.mention_joins.len()),
                ("whole_words", l.whole_words.len()),
                ("action_line_words", l.action_line_words.len()),
                ("table_headings", l.table_headings.len()),
                ("qualifier_words", l.qualifier_words.len()),
                ("unit_words", l.unit_words.len()),
                ("scale_words", l.scale_words.len()),
                ("page_words", l.page_words.len()),
                ("contents_column_words", l.contents_column_words.len()),
                ("member_list_headings", l.member_list_headings.len()),
                ("member_words", l.member_words.len()),
                ("total_words", l.total_words.len()),
                ("people_list_headings", l.people_list_headings.len()),
                ("role_words", l.role_words.len()),
                ("term_words", l.term_words.len()),
                ("role_modifiers", l.role_modifiers.len()),
                ("auxiliaries", l.auxiliaries.len()),
                ("agent_words", l.agent_words.len()),
                ("role_links", l.role_links.len()),
                ("signing_words", l.signing_words.len()),
                ("plural_titles", l.plural_titles.len()),
                ("list_announcers", l.list_announcers.len()),
                ("role_abbreviations", l.role_abbreviations.len()),
                (
                    "numbered_heading_prefixes",
                    l.numbered_heading_prefixes.len(),
                ),
                ("link_notes", l.link_notes.len()),
                ("contents_headings", l.contents_headings.len()),
                ("agenda_headings", l.agenda_headings.len()),
                ("agenda_item_openers", l.agenda_item_openers.len()),
                ("agenda_item_labels", l.agenda_item_labels.len()),
                ("label_stop_words", l.label_stop_words.len()),
                ("title_roles", l.title_roles.len()),
                ("name_particles", l.name_particles.len()),
                ("constituency_words", l.constituency_words.len()),
                ("duration_words", l.duration_words.len()),
                ("street_words", l.street_words.len()),
                ("file_size_units", l.file_size_units.len()),
                ("inhabitant_words", l.inhabitant_words.len()),
                ("size_class_links", l.size_class_links.len()),
                ("population_words", l.population_words.len()),
                ("count_nouns", l.count_nouns.len()),
                ("worded_count_nouns", l.worded_count_nouns.len()),
                ("threshold_words", l.threshold_words.len()),
                ("reference_words", l.reference_words.len()),
                ("code_labels", l.code_labels.len()),
                ("minutes_words", l.minutes_words.len()),
                ("plan_update_words", l.plan_update_words.len()),
                ("plan_nouns", l.plan_nouns.len()),
                ("document_nouns", l.document_nouns.len()),
                ("approval_words", l.approval_words.len()),
                ("self_reference_words", l.self_reference_words.len()),
                ("link_verbs", l.link_verbs.len()),
                ("presenting_verbs", l.presenting_verbs.len()),
                ("yearly_title_phrases", l.yearly_title_phrases.len()),
                ("yearly_cover_nouns", l.yearly_cover_nouns.len()),
                ("covered_year_phrases", l.covered_year_phrases.len()),
                ("navigation_words", l.navigation_words.len()),
                ("dateline_words", l.dateline_words.len()),
                ("recurrence_words", l.recurrence_words.len()),
                ("period_end_words", l.period_end_words.len()),
                ("event_nouns", l.event_nouns.len()),
                ("byline_words", l.byline_words.len()),
                ("meeting_qualifiers", l.meeting_qualifiers.len()),
                ("dating_links", l.dating_links.len()),
                ("number_words", l.number_words.len()),
            ];
            for &(field, count) in words {
                assert!(count > 0, "{}: {field} is empty", l.code);
            }
            assert!(l.months.len() >= 12 && l.weekdays.len() >= 7, "{}", l.code);
            for month in 1..=12 {
                assert!(
                    l.months.iter().any(|(_, n)| *n == month),
                    "{} {month}",
                    l.code
                );
            }
            for day in 1..=7 {
                assert!(
                    l.weekdays.iter().any(|(_, n)| *n == day),
                    "{} {day}",
                    l.code
                );
            }
        }
    }

    #[test]
    fn phrases_are_written_folded_and_lower_case() {
        for language in Language::ALL {
            let l = language.lexicon();
            let mut all: Vec<&str> = l.kind_phrases.iter().map(|p| p.phrase).collect();
            all.extend(l.months.iter().map(|(m, _)| *m));
            all.extend(l.role_words);
            all.extend(l.role_modifiers);
            all.extend(l.contents_headings);
            all.extend(l.agenda_headings);
            all.extend(l.people_list_headings);
            all.extend(l.to_be_confirmed);
            all.extend(l.status_phrases.iter().map(|p| p.phrase));
            all.extend(l.outside_phrases.iter().map(|p| p.phrase));
            all.extend(l.status_answers.iter().map(|p| p.phrase));
            all.extend(l.status_colours);
            all.extend(l.status_headings);
            all.extend(l.progress_headings);
            all.extend(l.legend_cues);
            all.extend(l.legend_labels.iter().map(|p| p.label));
            all.extend(l.title_roles);
            all.extend(l.name_particles);
            for phrase in all {
                assert_eq!(fold(phrase), phrase, "{}: {phrase}", l.code);
                assert_eq!(phrase.to_lowercase(), phrase, "{}: {phrase}", l.code);
            }
        }
    }

    #[test]
    fn a_document_reads_with_its_own_languages() {
        let en = Lexicons::for_codes(["en"]);
        assert_eq!(en.month("mars"), None);
        assert_eq!(en.month("March"), Some(3));
        assert_eq!(Lexicons::for_codes(["und"]), Lexicons::all());
        assert_eq!(Lexicons::for_codes(["fr"]).weekday("Jeudi"), Some(4));
    }

    /// The string literals of Rust source `text` before its first test
    /// module, with their line numbers: comments and tests aside.
    fn code_literals(text: &str) -> Vec<(usize, String)> {
        let literal = regex::Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("a valid pattern");
        text.lines()
            .enumerate()
            .take_while(|(_, line)| !line.trim_start().starts_with("#[cfg(test)]"))
            .filter(|(_, line)| !line.trim_start().starts_with("//"))
            .flat_map(|(at, line)| {
                literal
                    .captures_iter(line)
                    .filter_map(|caps| Some((at + 1, caps.get(1)?.as_str().to_owned())))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The plan readers: code grammars, items, legends and totals.
    const READERS: [&str; 6] = [
        "extract/deliverables.rs",
        "extract/items.rs",
        "extract/legend.rs",
        "extract/totals.rs",
        "extract/totals_shapes.rs",
        "extract/shape.rs",
    ];

    /// No word of a language lives in code outside `src/lexicon/`: no
    /// string literal of the library's code holds a word that only the
    /// Spanish, French or German lexicon uses, and none in the plan readers
    /// ([`READERS`], `src/grammar/`) is an English lexicon phrase.
    /// Messages (four words or more, or formatted, and their parts elsewhere)
    /// are English prose for the user, and the published schema's terms
    /// (`Measure`, `achieved`, `cancelled`) are output vocabulary.
    #[test]
    fn no_language_word_lives_outside_the_lexicon() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read =
            |path: &std::path::Path| std::fs::read_to_string(path).expect("sources are readable");
        let word = regex::Regex::new(r"[^\W\d_]{2,}").expect("a valid pattern");
        let syntax = regex::Regex::new(r"\\[pP]\{\w+\}|\\[a-zA-Z]|\(\?P<\w+>|\{\w*\}|\(\?\w+\)")
            .expect("a valid pattern");
        // The schema's terms: what it quotes in backticks, and its keys.
        let schema_text = read(&root.join("schemas/document.schema.json")).to_lowercase();
        let term = regex::Regex::new(r#"`([^`]+)`|"([a-z_]+)"\s*:"#).expect("a valid pattern");
        let schema: Vec<String> = term
            .captures_iter(&schema_text)
            .filter_map(|caps| caps.get(1).or_else(|| caps.get(2)))
            .map(|found| found.as_str().to_owned())
            .collect();
        let in_schema = |text: &str| {
            schema
                .iter()
                .any(|known| known == text || word.find_iter(known).any(|w| w.as_str() == text))
        };
        let mut foreign: Vec<String> = Vec::new();
        let mut english: Vec<String> = Vec::new();
        for language in Language::ALL {
            let source = read(&root.join(format!("src/lexicon/{}.rs", language.code())));
            for (_, literal) in code_literals(&source) {
                let literal = literal.to_lowercase();
                if language == Language::En {
                    english.push(literal.clone());
                }
                for found in word.find_iter(&literal) {
                    if language != Language::En {
                        foreign.push(found.as_str().to_owned());
                    }
                }
            }
        }
        let english_words: Vec<&str> = english
            .iter()
            .flat_map(|literal| word.find_iter(literal).map(|found| found.as_str()))
            .collect();
        foreign.retain(|w| !english_words.contains(&w.as_str()) && !in_schema(w));
        let mut files = vec![root.join("src")];
        let mut found = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                if path.ends_with("lexicon") {
                    continue;
                }
                for entry in std::fs::read_dir(&path).expect("source folders are readable") {
                    files.push(entry.expect("a directory entry").path());
                }
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            for (line, literal) in code_literals(&read(&path)) {
                // Two letters are too few to tell a word from a name (`im`, a
                // capture group).
                let message = literal.chars().count() <= 2
                    || literal.split_whitespace().count() >= 4
                    || (literal.contains('{') && !literal.starts_with("(?"));
                if message {
                    continue;
                }
                let bare = syntax.replace_all(&literal, " ").to_lowercase();
                let whole = bare.trim();
                let has_foreign = word
                    .find_iter(&bare)
                    .any(|w| foreign.iter().any(|f| f == w.as_str()));
                let reader = READERS.iter().any(|reader| path.ends_with(reader))
                    || path
                        .parent()
                        .is_some_and(|parent| parent.ends_with("grammar"));
                let is_english = reader
                    && word.is_match(whole)
                    && english.iter().any(|phrase| phrase == whole)
                    && !in_schema(whole);
                if has_foreign || is_english {
                    found.push(format!("{}:{line}: {literal:?}", path.display()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "language words outside src/lexicon/:\n{}",
            found.join("\n")
        );
    }
}
