//! Calendar tables read from their geometry: months as rows, bulleted
//! events beside them, each event given the month whose row it sits in.
//!
//! The page model cuts a table into rows at its anchors (a month opens a
//! row), which is right when each month is printed beside the first line
//! of its events. Producers also centre the month in its row, or set it at
//! the row's bottom; a wrapped event then straddles two anchors and the
//! rows cut it apart. So a calendar table with bullets is read again from
//! its words: the month labels of its first column, and the events of the
//! other columns, left of the months when the table's columns run right to
//! left (a bullet opens one, a line without one goes on with it;
//! bullets inside a line, where a producer flowed the cell's list into one
//! paragraph, cut it into several events once its month is known).
//!
//! Which events a month holds follows from how the month sits in its row:
//! beside its first event's top, its last event's bottom, or the middle of
//! its events. Each alignment is tried on the whole table: the events are
//! cut, in order, into one group per label, and a cut misfits by the
//! farthest any label sits from where the alignment puts it. The best cut
//! of the best alignment must misfit by at most [`FIT`] font sizes
//! (producers pad cells unevenly). When none fits (a producer that centres
//! a month by whole lines sets it on the first line of a two-line row but
//! the second of a four-line one), a month need only stand beside its
//! group, and the rows' spacing (below) tells the cut. An event takes a month only when every
//! cut giving it another month, under any alignment, misfits by [`MARGIN`]
//! more than the best cut giving it this one. Otherwise it is left out, with
//! a diagnostic naming the months it could have: no wrong month is better
//! than a guess. When no alignment fits, an event's candidates are the
//! labels beside it, the last label whose top is above its top and the
//! first whose bottom is below its bottom; it takes a month when they are
//! one.
//!
//! Where the rows' own spacing tells their bounds, it is heeded too: a
//! group whose events stand further apart inside it than at either of its
//! bounds misfits by the difference (rows are padded, a cell's lines are
//! not). Months at the top of rows whose cells hold two one-line events
//! each fit the bottoms of the rows cut one event later as well; only the
//! gaps tell the cut apart.
//!
//! A table continued from the one right before it (the next page, or the
//! next page column, with nothing but blank lines between them) may open on
//! events of the previous table's last month, before its first label.

use crate::catalogue::Code;
use crate::diagnostic::Diagnostic;
use crate::page::{Block, BoundingBox, Cell, WordRef};

/// Characters that open a list item in a cell.
const BULLETS: &[char] = &['•', '●', '▪', '■', '◦', '‣', '·'];

/// Dashes that open a list item when they stand alone at the start of a
/// cell line (`- Summit`), as plain-text lists are typed; inside a line
/// they are hyphens and ranges, never item starts.
const DASHES: &[&str] = &["-", "–"];

/// How far, at most, a month label may sit from where the alignment that
/// fits best puts it, in font sizes (producers pad cells unevenly).
const FIT: f32 = 0.6;
/// White space, in font sizes, above which a line without a bullet no
/// longer continues the event above it: more than a wrapped cell's lines
/// leave between them, less than a paragraph's space.
const CONTINUED: f32 = 1.0;

/// Two months are both candidates for an event when the best cuts giving
/// it either misfit by amounts this close, in font sizes: well under half
/// a line, the least by which two alignments differ.
const MARGIN: f32 = 0.3;

/// The most a month broken over two lines has between their tops, in font
/// sizes: a line pitch, not a gap between rows.
const LABEL_BREAK_PITCH: f32 = 1.6;

/// A month label of a calendar table's first column.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The month as printed.
    pub name: String,
    /// Month number, 1 to 12.
    pub month: u8,
    /// The year printed beside the month, if any.
    pub year: Option<u16>,
    /// Where the label is drawn.
    pub bbox: BoundingBox,
    /// The document line of the row holding it.
    pub line: usize,
}

/// One event of a calendar table: its lines' text and extent.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The lines' text, the bullet dropped.
    pub text: String,
    /// Top of the first line.
    pub top: f32,
    /// Bottom of the last line.
    pub bottom: f32,
    /// The document line of the row holding its first line.
    pub line: usize,
    /// Its first line opens on no bullet: the rest of the table before's
    /// last event, cut by the page (or page column) break.
    pub continues: bool,
}

/// A calendar table read from its words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableCalendar {
    /// The month labels, top to bottom.
    pub labels: Vec<Label>,
    /// Events before the first label's group that no label can claim;
    /// they go on with the month of the table before, when there is one.
    pub events: Vec<Item>,
    /// For each event, the index into `labels` of its month, `None` for
    /// the month of the table before, or the candidates when ambiguous.
    pub months: Vec<Assigned>,
    /// Font size of the table's words.
    pub size: f32,
}

/// The month an event gets.
#[derive(Debug, Clone, PartialEq)]
pub enum Assigned {
    /// The label at this index.
    Label(usize),
    /// The last month of the table before (the table goes on from it).
    Carried,
    /// No alignment settles it: the candidates (label indices; `None` for
    /// the month carried from the table before).
    Ambiguous(Vec<Option<usize>>),
    /// Above every label of a table that continues none.
    Unplaced,
}

/// Reads a calendar table from its words: month labels in the first
/// column that holds any (a month, perhaps with its year, alone on its
/// line) and events opened by bullets in the columns right of it. `None`
/// when the block is not such a table (no geometry, no label, no bullet).
pub fn read(
    block: &Block,
    month_of: impl Fn(&str) -> Option<u8>,
    carried: bool,
) -> Option<TableCalendar> {
    let table = block.table()?;
    let words_of = |wanted: &dyn Fn(usize) -> bool| -> Vec<(WordRef, usize)> {
        table
            .rows
            .iter()
            .flat_map(|row| {
                row.cells
                    .iter()
                    .filter(|cell| wanted(cell.column))
                    .flat_map(move |cell| cell.words().iter().map(move |word| (word, row.line)))
            })
            .collect()
    };
    // The months stand in the first column that holds any: a heading above
    // the table that the page's column edges cut into cells (a monospaced
    // page puts every word on the columns' grid) or a column of week
    // numbers can come before them. Columns left of the months are no
    // events, unless nothing stands right of them: a table whose columns
    // run right to left ends on its months.
    let (label_column, labels) = (0..table.columns).find_map(|column| {
        let found = labels(&visual_lines(words_of(&|c| c == column)), &month_of);
        (!found.is_empty()).then_some((column, found))
    })?;
    let mut event_words = words_of(&|c| c > label_column);
    if event_words.is_empty() {
        event_words = words_of(&|c| c < label_column);
    }
    let lines = visual_lines(event_words);
    let opens = |line: &VisualLine| match line.words.as_slice() {
        [first, _, ..] if DASHES.contains(&first.text) => true,
        [first, ..] => first.text.starts_with(BULLETS),
        [] => false,
    };
    if !lines.iter().any(opens) {
        return None;
    }
    let size = median(
        lines
            .iter()
            .flat_map(|line| line.words.iter().map(|w| w.size)),
    );
    // (texts, extent, line, whether its first line opens on no bullet)
    let mut events: Vec<(Vec<String>, BoundingBox, usize, bool)> = Vec::new();
    for line in &lines {
        let words: Vec<&str> = line.words.iter().map(|w| w.text).collect();
        let text = words.join(" ");
        match events.last_mut() {
            // A line set a paragraph's space below the event goes on with
            // no event: prose under a table whose events column is the
            // page's margin, as when the columns run right to left.
            Some((_, bbox, _, _)) if !opens(line) && line.bbox.y0 - bbox.y1 > CONTINUED * size => {}
            Some((texts, bbox, _, _)) if !opens(line) => {
                texts.push(text);
                *bbox = bbox.union(line.bbox);
            }
            // Lines above the first bullet go on with an event of the table before.
            None if !opens(line) && !carried => {}
            _ => events.push((vec![text], line.bbox, line.line, !opens(line))),
        }
    }
    let events: Vec<Item> = events
        .into_iter()
        .map(|(texts, bbox, line, continues)| Item {
            text: without_marker(&crate::page::join_cell(&texts)).to_owned(),
            top: bbox.y0,
            bottom: bbox.y1,
            line,
            continues,
        })
        .collect();
    let months = assign(&labels, &events, size, carried);
    // Events flowed into one paragraph are told apart once their month is
    // known: where the rows place them is the paragraph's place.
    let (events, months) = events
        .into_iter()
        .zip(months)
        .flat_map(|(item, month)| {
            bulleted_parts(&item.text)
                .into_iter()
                .enumerate()
                .map(move |(at, text)| {
                    (
                        Item {
                            text,
                            continues: item.continues && at == 0,
                            ..item.clone()
                        },
                        month.clone(),
                    )
                })
        })
        .unzip();
    Some(TableCalendar {
        labels,
        events,
        months,
        size,
    })
}

/// The paragraphs of a table cell: its visual lines, cut where one stands
/// more than [`CONTINUED`] font sizes of white space below the one above
/// (a cell of events broken onto lines of their own, which the producer
/// sets a paragraph's space apart, where a wrapped event's lines follow one
/// another at the line pitch). Each paragraph's lines joined as a cell's
/// are; one paragraph, or none, for a cell without such a gap or geometry.
pub(super) fn paragraphs(cell: &Cell) -> Vec<String> {
    let lines = visual_lines(cell.words().iter().map(|word| (word, 0)).collect());
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut above: Option<BoundingBox> = None;
    for line in &lines {
        let size = median(line.words.iter().map(|word| word.size));
        let text = line
            .words
            .iter()
            .map(|word| word.text)
            .collect::<Vec<_>>()
            .join(" ");
        match paragraphs.last_mut() {
            Some(last) if above.is_some_and(|a| line.bbox.y0 - a.y1 <= CONTINUED * size) => {
                last.push(text);
            }
            _ => paragraphs.push(vec![text]),
        }
        above = Some(line.bbox);
    }
    paragraphs
        .iter()
        .map(|lines| crate::page::join_cell(lines))
        .collect()
}

/// An event's text without the bullet or dash that opens it.
fn without_marker(text: &str) -> &str {
    let text = text.trim_start();
    let dashed = DASHES
        .iter()
        .find_map(|dash| text.strip_prefix(dash)?.strip_prefix(' '));
    dashed.unwrap_or(text).trim_start_matches(BULLETS).trim()
}

/// An event's text cut before every bullet inside it, bullets dropped: a
/// producer that flows a cell's bulleted lines into one paragraph (`•
/// Metropolitan Day • World Forum`) leaves the bullets as the only sign of
/// where its events start. A middle dot is no such sign inside a line, where
/// it separates the parts of one title (`Paris · Lyon`).
fn bulleted_parts(text: &str) -> Vec<String> {
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for (index, word) in text.split(' ').enumerate() {
        if index > 0 && word.starts_with(BULLETS) && !word.starts_with('·') {
            parts.push(Vec::new());
        }
        if let Some(part) = parts.last_mut() {
            part.push(word);
        }
    }
    parts
        .into_iter()
        .map(|words| {
            words
                .join(" ")
                .trim_start_matches(BULLETS)
                .trim()
                .to_owned()
        })
        .filter(|part| !part.is_empty())
        .collect()
}

/// The month labels among the lines of a calendar's first column: a month
/// alone on its line, perhaps with its year. A month broken over two lines
/// of a narrow column (`Septemb` + `er`, `Septem-` + `ber`) is one label.
fn labels(lines: &[VisualLine<'_>], month_of: &impl Fn(&str) -> Option<u8>) -> Vec<Label> {
    let label = |words: &[String], bbox: BoundingBox, line: usize| -> Option<Label> {
        let (first, rest) = words.split_first()?;
        let month = month_of(first)?;
        let year = match rest {
            [] => None,
            [year] => Some(
                year.parse::<u16>()
                    .ok()
                    .filter(|y| (1900..2100).contains(y))?,
            ),
            _ => return None,
        };
        Some(Label {
            name: first.clone(),
            month,
            year,
            bbox,
            line,
        })
    };
    let numbered = numbered_rows(lines);
    let texts = |line: &VisualLine<'_>| -> Vec<String> {
        let skip = usize::from(
            numbered
                && line.words.len() > 1
                && line
                    .words
                    .first()
                    .is_some_and(|w| row_number(w.text).is_some()),
        );
        line.words
            .iter()
            .skip(skip)
            .map(|word| word.text.to_owned())
            .collect()
    };
    let mut labels = Vec::new();
    let mut index = 0;
    while let Some(line) = lines.get(index) {
        if let Some(found) = label(&texts(line), line.bbox, line.line) {
            labels.push(found);
            index += 1;
            continue;
        }
        let broken = lines.get(index + 1).and_then(|next| {
            let [head] = texts(line).try_into().ok()?;
            let mut rest = texts(next);
            let first = rest.first_mut()?;
            let pitch = next.bbox.y0 - line.bbox.y0;
            let size = line.words.first()?.size;
            if pitch > LABEL_BREAK_PITCH * size {
                return None;
            }
            *first = format!("{}{first}", head.strip_suffix('-').unwrap_or(&head));
            label(&rest, line.bbox.union(next.bbox), line.line)
        });
        match broken {
            Some(found) => {
                labels.push(found);
                index += 2;
            }
            None => index += 1,
        }
    }
    labels
}

/// A row number: a whole number of at most four digits.
fn row_number(word: &str) -> Option<u32> {
    (word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// Whether the lines of a column open on row numbers, one more on each line
/// that has one (`1 Month`, `2 January`, `3 March`): a spreadsheet's row
/// headings, printed in the column of the months. Three at least, so that
/// days of a column of dates (`2 January`, `14 March`) are not taken for
/// them; the months then stand after the numbers.
fn numbered_rows(lines: &[VisualLine<'_>]) -> bool {
    let numbers: Vec<u32> = lines
        .iter()
        .filter_map(|line| row_number(line.words.first()?.text))
        .collect();
    numbers.len() >= 3 && numbers.windows(2).all(|pair| pair[1] == pair[0] + 1)
}

/// The diagnostic for an event whose month is ambiguous, naming the
/// candidates (`carried`: the printed month of the table before, if any).
pub fn ambiguity(
    event: &Item,
    candidates: &[Option<usize>],
    labels: &[Label],
    carried: Option<&str>,
) -> Diagnostic {
    let names: Vec<&str> = candidates
        .iter()
        .filter_map(|candidate| match candidate {
            Some(index) => labels.get(*index).map(|label| label.name.as_str()),
            None => carried,
        })
        .collect();
    Diagnostic::warning(
        Code::CalendarMonthAmbiguous,
        format!(
            "calendar event `{}` could be in {}: where the month labels sit in their rows does not tell; left out",
            event.text,
            names.join(" or ")
        ),
    )
}

/// Words on one baseline, left to right.
pub(super) struct VisualLine<'w> {
    pub(super) words: Vec<WordRef<'w>>,
    pub(super) bbox: BoundingBox,
    pub(super) line: usize,
}

/// Groups words into visual lines (their vertical middles within half a
/// font size), top to bottom.
pub(super) fn visual_lines(mut words: Vec<(WordRef<'_>, usize)>) -> Vec<VisualLine<'_>> {
    let middle = |word: &WordRef| (word.bbox.y0 + word.bbox.y1) / 2.0;
    words.sort_by(|a, b| middle(&a.0).total_cmp(&middle(&b.0)));
    let mut lines: Vec<VisualLine<'_>> = Vec::new();
    for (word, line) in words {
        match lines.last_mut() {
            Some(last)
                if (middle(&word) - (last.bbox.y0 + last.bbox.y1) / 2.0).abs()
                    <= 0.5 * word.size.max(1.0) =>
            {
                last.words.push(word);
                last.bbox = last.bbox.union(word.bbox);
            }
            _ => lines.push(VisualLine {
                words: vec![word],
                bbox: word.bbox,
                line,
            }),
        }
    }
    for line in &mut lines {
        line.words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    }
    lines
}

pub(super) fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut values: Vec<f32> = values.filter(|v| v.is_finite() && *v > 0.0).collect();
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(10.0)
}

/// Where a month label sits in its row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Alignment {
    Top,
    Middle,
    Bottom,
    /// Anywhere beside its events: a producer that centres a label by
    /// whole lines sets it on the first line of a two-line row and on the
    /// second of a three- or four-line one, which no single reference
    /// point fits. Tried only when none of the others fits; the rows' own
    /// spacing then tells the cut (see [`misfits`]).
    Within,
}

impl Alignment {
    /// How far a label's box sits from where this alignment puts it
    /// beside a group of events (first to last): the distance between
    /// their reference points, or for [`Alignment::Within`] how far the
    /// label's middle stands outside the group's extent.
    fn distance(self, bbox: &BoundingBox, first: &Item, last: &Item) -> f32 {
        let middle = (bbox.y0 + bbox.y1) / 2.0;
        match self {
            Alignment::Top => (first.top - bbox.y0).abs(),
            Alignment::Middle => ((first.top + last.bottom) / 2.0 - middle).abs(),
            Alignment::Bottom => (last.bottom - bbox.y1).abs(),
            Alignment::Within => (first.top - middle).max(middle - last.bottom).max(0.0),
        }
    }
}

/// The month of each event: see the module documentation. `size` is the
/// table's font size.
fn assign(labels: &[Label], events: &[Item], size: f32, carried: bool) -> Vec<Assigned> {
    // cost[j][m]: the least misfit of a cut giving event j the month m
    // (label index, or `labels.len()` for the month carried).
    let mut cost = vec![vec![f32::INFINITY; labels.len() + 1]; events.len()];
    let mut best = f32::INFINITY;
    for alignment in [Alignment::Top, Alignment::Middle, Alignment::Bottom] {
        best = best.min(misfits(alignment, labels, events, carried, &mut cost));
    }
    if best > FIT * size {
        cost = vec![vec![f32::INFINITY; labels.len() + 1]; events.len()];
        if misfits(Alignment::Within, labels, events, carried, &mut cost) > FIT * size {
            return fallback(labels, events, size * MARGIN, carried);
        }
    }
    cost.iter()
        .map(|months| {
            let least = months.iter().copied().fold(f32::INFINITY, f32::min);
            let near: Vec<Option<usize>> = months
                .iter()
                .enumerate()
                .filter(|(_, c)| **c <= least + MARGIN * size)
                .map(|(m, _)| (m < labels.len()).then_some(m))
                .collect();
            assigned(near)
        })
        .collect()
}

/// What an event's candidate months make of it: one label, the month
/// carried from the table before, none, or several.
fn assigned(near: Vec<Option<usize>>) -> Assigned {
    match near.as_slice() {
        [Some(index)] => Assigned::Label(*index),
        [None] => Assigned::Carried,
        [] => Assigned::Unplaced,
        _ => Assigned::Ambiguous(near),
    }
}

/// When no alignment fits: an event's candidates are the labels beside it,
/// the last label whose top is above its top and the first whose bottom is
/// below its bottom (or the month carried, when no label is above).
fn fallback(labels: &[Label], events: &[Item], tolerance: f32, carried: bool) -> Vec<Assigned> {
    events
        .iter()
        .map(|item| {
            let top = labels
                .iter()
                .rposition(|label| label.bbox.y0 <= item.top + tolerance);
            let bottom = labels
                .iter()
                .position(|label| label.bbox.y1 >= item.bottom - tolerance);
            let beside = labels
                .iter()
                .enumerate()
                .filter(|(_, label)| label.bbox.y0 < item.bottom && label.bbox.y1 > item.top)
                .map(|(index, _)| index);
            let mut near: Vec<Option<usize>> = Vec::new();
            for month in beside.chain(top).chain(bottom) {
                if !near.contains(&Some(month)) {
                    near.push(Some(month));
                }
            }
            if top.is_none() && carried {
                near.push(None);
            }
            assigned(near)
        })
        .collect()
}

/// Cuts the events, in order, into one group per label (a label beside no
/// event may have an empty group; events before the first group only when
/// `carried`, taking the month carried), each group's misfit being how far
/// its label sits from where `alignment` puts it. A cut's misfit is its
/// worst group's. Lowers `cost[j][m]` to the least misfit of a cut giving
/// event j month m, and returns the least misfit of any cut.
fn misfits(
    alignment: Alignment,
    labels: &[Label],
    events: &[Item],
    carried: bool,
    cost: &mut [Vec<f32>],
) -> f32 {
    let (n, k) = (events.len(), labels.len());
    // gaps[j]: the blank between event j's bottom and event j + 1's top.
    let gaps: Vec<f32> = events
        .windows(2)
        .map(|pair| pair[1].top - pair[0].bottom)
        .collect();
    // How much wider the widest gap inside a group of events first..=last
    // is than the narrower of the gaps at its bounds (none at the table's ends).
    let spread = |first: usize, last: usize| {
        let inside = gaps
            .get(first..last)
            .map_or(0.0, |inner| inner.iter().copied().fold(0.0, f32::max));
        let before = first
            .checked_sub(1)
            .and_then(|j| gaps.get(j))
            .copied()
            .unwrap_or(f32::INFINITY);
        let after = gaps.get(last).copied().unwrap_or(f32::INFINITY);
        (inside - before.min(after)).max(0.0)
    };
    let misfit = |label: usize, first: usize, last: usize| match (
        events.get(first),
        events.get(last),
        labels.get(label),
    ) {
        (Some(a), Some(b), Some(l)) => alignment.distance(&l.bbox, a, b).max(spread(first, last)),
        _ => f32::INFINITY,
    };
    // Whether label `label` can hold no event, the events before `at` above
    // it and the rest below.
    let empty = |label: usize, at: usize| {
        let Some(l) = labels.get(label) else {
            return false;
        };
        let above = at
            .checked_sub(1)
            .and_then(|i| events.get(i))
            .is_none_or(|e| e.bottom <= l.bbox.y0);
        let below = events.get(at).is_none_or(|e| e.top >= l.bbox.y1);
        above && below
    };
    let at = |table: &Vec<Vec<f32>>, i: usize, s: usize| {
        table
            .get(i)
            .and_then(|row| row.get(s))
            .copied()
            .unwrap_or(f32::INFINITY)
    };
    // forward[i][s]: least misfit of the groups before label i, ending right before s.
    let mut forward = vec![vec![f32::INFINITY; n + 1]; k + 1];
    for (s, cell) in forward[0].iter_mut().enumerate() {
        if s == 0 || carried {
            *cell = 0.0;
        }
    }
    for i in 0..k {
        for s in 0..=n {
            let before = at(&forward, i, s);
            if !before.is_finite() {
                continue;
            }
            if empty(i, s) && before < forward[i + 1][s] {
                forward[i + 1][s] = before;
            }
            for e in s..n {
                let worst = before.max(misfit(i, s, e));
                if worst < forward[i + 1][e + 1] {
                    forward[i + 1][e + 1] = worst;
                }
            }
        }
    }
    // backward[i][s]: least misfit of labels i.. holding exactly events s..n.
    let mut backward = vec![vec![f32::INFINITY; n + 1]; k + 1];
    backward[k][n] = 0.0;
    for i in (0..k).rev() {
        for s in 0..=n {
            let mut least = if empty(i, s) {
                at(&backward, i + 1, s)
            } else {
                f32::INFINITY
            };
            for e in s..n {
                least = least.min(misfit(i, s, e).max(at(&backward, i + 1, e + 1)));
            }
            backward[i][s] = least;
        }
    }
    for i in 0..k {
        for s in 0..n {
            let before = at(&forward, i, s);
            if !before.is_finite() {
                continue;
            }
            for e in s..n {
                let worst = before.max(misfit(i, s, e)).max(at(&backward, i + 1, e + 1));
                for event in cost.iter_mut().take(e + 1).skip(s) {
                    if let Some(c) = event.get_mut(i) {
                        *c = c.min(worst);
                    }
                }
            }
        }
    }
    if carried {
        for s in 1..=n {
            let worst = at(&backward, 0, s);
            for event in cost.iter_mut().take(s) {
                if let Some(c) = event.get_mut(k) {
                    *c = c.min(worst);
                }
            }
        }
    }
    at(&backward, 0, 0).min(if carried {
        (1..=n)
            .map(|s| at(&backward, 0, s))
            .fold(f32::INFINITY, f32::min)
    } else {
        f32::INFINITY
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;
    const PITCH: f32 = 12.0;

    fn bbox(line: f32) -> BoundingBox {
        BoundingBox {
            x0: 0.0,
            y0: 100.0 + PITCH * line,
            x1: 10.0,
            y1: 100.0 + PITCH * line + SIZE,
        }
    }

    fn label(month: u8, line: f32) -> Label {
        Label {
            name: String::new(),
            month,
            year: None,
            bbox: bbox(line),
            line: 0,
        }
    }

    /// An event of `lines` lines from line `first`.
    fn item(first: f32, lines: f32) -> Item {
        Item {
            text: String::new(),
            top: bbox(first).y0,
            bottom: bbox(first + lines - 1.0).y1,
            line: 0,
            continues: false,
        }
    }

    fn months(labels: &[Label], events: &[Item], carried: bool) -> Vec<Assigned> {
        assign(labels, events, SIZE, carried)
    }

    use Assigned::{Ambiguous, Carried, Label as At};

    /// A laid-out table of `cells`: (row, column, text of one line drawn
    /// at that row's baseline on a monospaced grid of 6 pt a character,
    /// column `c` starting at character `20 * c`). Row `r`'s line is `r`.
    fn grid_table(cells: &[(usize, usize, &str)]) -> Block {
        let rows = cells.iter().map(|&(row, _, _)| row + 1).max().unwrap_or(0);
        let rows: Vec<crate::page::Row> = (0..rows)
            .map(|at| {
                let mut row_cells: Vec<crate::page::Cell> = Vec::new();
                for &(_, column, text) in cells_of(cells, at) {
                    let mut words = crate::page::Words::default();
                    let mut x = 6.0 * 20.0 * column as f32;
                    for word in text.split(' ') {
                        let width = 6.0 * word.chars().count() as f32;
                        let y0 = 100.0 + PITCH * at as f32;
                        words.push(&crate::page::Word {
                            text: word.to_owned(),
                            bbox: BoundingBox {
                                x0: x,
                                y0,
                                x1: x + width,
                                y1: y0 + SIZE,
                            },
                            size: SIZE,
                            bold: None,
                        });
                        x += width + 6.0;
                    }
                    row_cells.push(crate::page::Cell::new(
                        column,
                        vec![text.to_owned()],
                        text.to_owned(),
                        None,
                        words,
                    ));
                }
                crate::page::Row {
                    line: at,
                    cells: row_cells,
                    bbox: None,
                }
            })
            .collect();
        Block {
            lines: 0..rows.len(),
            kind: crate::page::BlockKind::Table(crate::page::table(rows)),
            bbox: None,
        }
    }

    fn cells_of<'c>(
        cells: &'c [(usize, usize, &'c str)],
        row: usize,
    ) -> impl Iterator<Item = &'c (usize, usize, &'c str)> {
        cells.iter().filter(move |&&(at, _, _)| at == row)
    }

    fn french_month(word: &str) -> Option<u8> {
        ["janvier", "février", "mars", "avril", "mai"]
            .iter()
            .position(|month| word.eq_ignore_ascii_case(month))
            .and_then(|index| u8::try_from(index + 1).ok())
    }

    #[test]
    fn months_in_a_later_column_than_a_heading_cut_into_cells_are_read() {
        // A heading above the table, its words cut at the columns' edges
        // (a monospaced page), makes a first column that holds no month.
        let block = grid_table(&[
            (0, 0, "Principaux"),
            (0, 1, "rendez-vous mondiaux"),
            (0, 2, "de l'année :"),
            (1, 1, "Mars"),
            (1, 2, "- Forum des maires de la Baltique"),
            (2, 1, "Avril"),
            (2, 2, "- Semaine des villes durables"),
            (3, 2, "- Sommet régional de Tampere"),
        ]);
        let read = read(&block, french_month, false).expect("a calendar table");
        let names: Vec<&str> = read.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Mars", "Avril"]);
        let events: Vec<(&str, &Assigned)> = read
            .events
            .iter()
            .map(|e| e.text.as_str())
            .zip(&read.months)
            .collect();
        assert_eq!(
            events,
            [
                ("Forum des maires de la Baltique", &At(0)),
                ("Semaine des villes durables", &At(1)),
                ("Sommet régional de Tampere", &At(1)),
            ]
        );
    }

    #[test]
    fn months_in_the_last_column_date_the_events_left_of_them_and_no_prose_below() {
        let block = grid_table(&[
            (0, 0, "Événements"),
            (0, 1, "Mois"),
            (1, 0, "- Forum des maires"),
            (1, 1, "Mars"),
            (2, 0, "- Semaine des villes"),
            (2, 1, "Avril"),
            (3, 0, "- Sommet de Tampere"),
            (4, 0, "à Tampere"),
            // Prose under the table, a paragraph's space below: no event's.
            (6, 0, "Autres : accord avec l'UITP"),
        ]);
        let read = read(&block, french_month, false).expect("a calendar table");
        let events: Vec<(&str, &Assigned)> = read
            .events
            .iter()
            .map(|e| e.text.as_str())
            .zip(&read.months)
            .collect();
        assert_eq!(
            events,
            [
                ("Forum des maires", &At(0)),
                ("Semaine des villes", &At(1)),
                ("Sommet de Tampere à Tampere", &At(1)),
            ]
        );
    }

    #[test]
    fn a_table_without_a_month_in_any_column_is_no_calendar() {
        let block = grid_table(&[
            (0, 0, "Action"),
            (0, 1, "Statut"),
            (1, 0, "- Rapport annuel"),
            (1, 1, "fait"),
        ]);
        assert_eq!(read(&block, french_month, false), None);
    }

    #[test]
    fn months_beside_their_first_event() {
        // Feb: a 2-line event and a 1-line one; Mar: one event.
        let labels = [label(2, 0.0), label(3, 3.0)];
        let events = [item(0.0, 2.0), item(2.0, 1.0), item(3.0, 1.0)];
        assert_eq!(months(&labels, &events, false), [At(0), At(0), At(1)]);
    }

    #[test]
    fn months_centred_in_their_rows() {
        // Feb centred on one event; Mar centred on a 2-line event that
        // starts above the label, so Mar's first line sits beside no label.
        let labels = [label(2, 0.0), label(3, 1.5), label(4, 3.0)];
        let events = [item(0.0, 1.0), item(1.0, 2.0), item(3.0, 1.0)];
        assert_eq!(months(&labels, &events, false), [At(0), At(1), At(2)]);
        // Mar centred on three one-line events, Apr on a two-line one (read
        // as tops of their rows, Feb would hold two events, but Apr would sit
        // half a line below its event's top).
        let labels = [label(2, 0.0), label(3, 2.0), label(4, 4.5)];
        let events = [
            item(0.0, 1.0),
            item(1.0, 1.0),
            item(2.0, 1.0),
            item(3.0, 1.0),
            item(4.0, 2.0),
        ];
        assert_eq!(
            months(&labels, &events, false),
            [At(0), At(1), At(1), At(1), At(2)]
        );
    }

    #[test]
    fn months_centred_by_whole_lines_in_padded_rows() {
        // Lines 1.3 font sizes apart, rows padded by half a line. Each month
        // sits on line (n - 1) / 2 of its n-line row, rounded down: on the
        // first line of a two-line row (half a line above its middle), on
        // the second of a four-line one (half a line above too) and of a
        // three-line one (at its middle), so neither tops nor middles fit.
        const LEAD: f32 = 13.0;
        let at = |line: f32| 100.0 + LEAD * line;
        let label = |month: u8, line: f32| Label {
            bbox: BoundingBox {
                x0: 0.0,
                y0: at(line),
                x1: 10.0,
                y1: at(line) + SIZE,
            },
            ..super::tests::label(month, 0.0)
        };
        let item = |first: f32, lines: f32| Item {
            top: at(first),
            bottom: at(first + lines - 1.0) + SIZE,
            ..super::tests::item(0.0, 1.0)
        };
        // Feb: one line. Mar: one event of two lines. Apr: three events,
        // four lines. May: one event of two lines. Jun: two events.
        let labels = [
            label(2, 0.0),
            label(3, 1.5),
            label(4, 5.0),
            label(5, 8.5),
            label(6, 11.0),
        ];
        let events = [
            item(0.0, 1.0),
            item(1.5, 2.0),
            item(4.0, 1.0),
            item(5.0, 2.0),
            item(7.0, 1.0),
            item(8.5, 2.0),
            item(11.0, 1.0),
            item(12.0, 1.0),
        ];
        assert_eq!(
            months(&labels, &events, false),
            [At(0), At(1), At(2), At(2), At(2), At(3), At(4), At(4)]
        );
    }

    #[test]
    fn months_at_the_bottom_of_their_rows() {
        let labels = [label(2, 1.0), label(3, 2.0)];
        let events = [item(0.0, 2.0), item(2.0, 1.0)];
        assert_eq!(months(&labels, &events, false), [At(0), At(1)]);
    }

    #[test]
    fn a_table_continued_opens_on_the_month_before() {
        // Two one-line events, then November beside a two-line event and
        // centred on it: the first event is above every group.
        let labels = [label(11, 1.5)];
        let events = [item(0.0, 1.0), item(1.0, 2.0)];
        assert_eq!(months(&labels, &events, true), [Carried, At(0)]);
        // Not continued: no alignment fits; the first event is above
        // November's bottom and the second beside it.
        assert_eq!(months(&labels, &events, false), [At(0), At(0)]);
    }

    #[test]
    fn lines_opening_a_continued_table_on_no_bullet_go_on_with_the_event_before() {
        // The page break cut the last event of the table before: its rest
        // opens this table, before the first month, with no bullet.
        let block = grid_table(&[
            (0, 1, "sous l'égide de l'Assemblée"),
            (1, 0, "Mars"),
            (1, 1, "- Forum des maires"),
            (2, 1, "- Semaine des villes"),
        ]);
        let read = read(&block, french_month, true).expect("a calendar table");
        let events: Vec<(&str, bool)> = read
            .events
            .iter()
            .map(|e| (e.text.as_str(), e.continues))
            .collect();
        assert_eq!(
            events,
            [
                ("sous l'égide de l'Assemblée", true),
                ("Forum des maires", false),
                ("Semaine des villes", false),
            ]
        );
    }

    #[test]
    fn the_gaps_between_padded_rows_tell_the_rows_apart() {
        // Months at the tops of their rows; Feb and Apr hold two one-line
        // events, Mar and May one. The bottoms of the rows cut one event
        // later fit as well (Feb's second event would go to Mar, Apr's to
        // May): only the rows' padding tells the cuts apart.
        let table = |padding: f32| {
            let mut first = 0.0;
            let mut labels = Vec::new();
            let mut events = Vec::new();
            for (month, count) in [(2, 2), (3, 1), (4, 2), (5, 1)] {
                labels.push(label(month, first));
                for n in 0..count {
                    events.push(item(first + n as f32, 1.0));
                }
                first += count as f32 + padding;
            }
            months(&labels, &events, false)
        };
        assert_eq!(table(0.6), [At(0), At(0), At(1), At(2), At(2), At(3)]);
        // Unpadded rows at one pitch: the events a cut further would move
        // are ambiguous.
        let got = table(0.0);
        assert_eq!(got[1], Ambiguous(vec![Some(0), Some(1)]));
        assert_eq!(got[4], Ambiguous(vec![Some(2), Some(3)]));
    }

    #[test]
    fn an_event_two_alignments_place_apart_is_ambiguous() {
        // Feb beside the first of four one-line events, Mar beside the
        // third: as tops of their rows, Feb holds two events; as middles,
        // Feb holds the first and Mar the other three. The second event's
        // month is not known.
        let labels = [label(2, 0.0), label(3, 2.0)];
        let events = [
            item(0.0, 1.0),
            item(1.0, 1.0),
            item(2.0, 1.0),
            item(3.0, 1.0),
        ];
        let got = months(&labels, &events, false);
        assert_eq!(got[0], At(0));
        assert_eq!(got[1], Ambiguous(vec![Some(0), Some(1)]));
        assert_eq!(got[2..], [At(1), At(1)]);
    }

    /// A word of `text` on line `line` (of the table's pitch) from `x`.
    fn word(text: &str, x: f32, line: f32) -> crate::page::Word {
        let y = bbox(line);
        crate::page::Word {
            text: text.to_owned(),
            bbox: BoundingBox {
                x0: x,
                x1: x + 5.0 * text.chars().count() as f32,
                ..y
            },
            size: SIZE,
            bold: None,
        }
    }

    /// Each event's text beside the month it was given.
    fn events_and_months(read: &TableCalendar) -> Vec<(&str, &Assigned)> {
        read.events
            .iter()
            .map(|e| e.text.as_str())
            .zip(&read.months)
            .collect()
    }

    /// A table of two cells: the first column's lines and the second's,
    /// each `(line, text)`, all in one row as a page model may cut it.
    fn table(first: &[(f32, &str)], second: &[(f32, &str)]) -> Block {
        let cell = |column: usize, lines: &[(f32, &str)]| {
            let words = lines
                .iter()
                .flat_map(|(line, text)| {
                    let x0 = 50.0 + 100.0 * column as f32;
                    let mut x = x0;
                    text.split(' ')
                        .map(|w| {
                            let made = word(w, x, *line);
                            x = made.bbox.x1 + 3.0;
                            made
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            crate::page::Cell::new(column, Vec::new(), String::new(), None, words)
        };
        let row = crate::page::Row {
            line: 0,
            cells: vec![cell(0, first), cell(1, second)],
            bbox: None,
        };
        Block {
            kind: crate::page::BlockKind::Table(crate::page::table(vec![row])),
            lines: 0..1,
            bbox: None,
        }
    }

    fn month(word: &str) -> Option<u8> {
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
        ]
        .iter()
        .position(|m| *m == word.to_lowercase())
        .and_then(|m| u8::try_from(m + 1).ok())
    }

    #[test]
    fn a_calendar_of_centred_months_is_read_from_its_words() {
        // A heading line above February in the first column; March centred
        // on a wrapped event; September broken over two lines of a narrow
        // column, centred on a three-line event.
        let block = table(
            &[
                (-1.0, "Main events:"),
                (0.0, "February"),
                (1.5, "March"),
                (3.0, "Septemb"),
                (4.0, "er"),
            ],
            &[
                (0.0, "• Women4Climate"),
                (1.0, "• Second Annual Meeting"),
                (2.0, "on finance"),
                (3.0, "• Forum under the"),
                (4.0, "auspices of the"),
                (5.0, "Assembly"),
            ],
        );
        let read = read(&block, month, false).expect("a calendar table");
        let names: Vec<&str> = read.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["February", "March", "September"]);
        let got = events_and_months(&read);
        assert_eq!(
            got,
            [
                ("Women4Climate", &At(0)),
                ("Second Annual Meeting on finance", &At(1)),
                ("Forum under the auspices of the Assembly", &At(2)),
            ]
        );
    }

    #[test]
    fn row_numbers_before_the_months_are_a_sheet_s_row_headings() {
        // A spreadsheet printed with its headings: the column letter above,
        // the row numbers in the months' column, the header row numbered
        // too; avril centred on a wrapped event.
        let block = table(
            &[
                (-1.0, "A"),
                (0.0, "1 Mois"),
                (1.0, "2 janvier"),
                (2.5, "3 avril"),
                (4.0, "4 mai"),
            ],
            &[
                (-1.0, "B"),
                (0.0, "Rendez-vous"),
                (1.0, "• Atelier de Tartu"),
                (2.0, "• Conférence des ports"),
                (3.0, "baltes"),
                (4.0, "• Assemblée"),
            ],
        );
        let read = read(&block, french_month, false).expect("a calendar table");
        let names: Vec<&str> = read.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["janvier", "avril", "mai"]);
        assert_eq!(
            events_and_months(&read),
            [
                ("Atelier de Tartu", &At(0)),
                ("Conférence des ports baltes", &At(1)),
                ("Assemblée", &At(2)),
            ]
        );
    }

    #[test]
    fn days_before_months_are_no_row_numbers() {
        // Dates, not months: their days do not count up one a line.
        let block = table(
            &[(0.0, "2 janvier"), (1.0, "14 mars"), (2.0, "3 mai")],
            &[(0.0, "• Atelier"), (1.0, "• Forum"), (2.0, "• Assemblée")],
        );
        assert_eq!(read(&block, french_month, false), None);
    }

    #[test]
    fn bullets_flowed_into_one_paragraph_still_open_events() {
        // A cell's bulleted lines flowed as running text, the second
        // month's events wrapping with a bullet inside the next line; a
        // middle dot inside a title stays in it.
        let block = table(
            &[(0.0, "February"), (1.0, "March")],
            &[
                (0.0, "• Women4Climate • Urban 20 Summit"),
                (1.0, "• Metropolitan Day · Paris • World Forum of"),
                (2.0, "Local Economic Development • Expo"),
            ],
        );
        let read = read(&block, month, false).expect("a calendar table");
        let got = events_and_months(&read);
        assert_eq!(
            got,
            [
                ("Women4Climate", &At(0)),
                ("Urban 20 Summit", &At(0)),
                ("Metropolitan Day · Paris", &At(1)),
                ("World Forum of Local Economic Development", &At(1)),
                ("Expo", &At(1)),
            ]
        );
    }

    #[test]
    fn dashes_typed_as_bullets_open_events_and_hyphens_do_not() {
        // A plain-text calendar: `- ` opens an event at a line start; a
        // hyphen or a dash inside a line, or a word starting with one, does not.
        let block = table(
            &[(0.0, "February"), (1.0, "March")],
            &[
                (0.0, "- Women4Climate 2019 - 2020"),
                (1.0, "– Metropolitan Day"),
                (2.0, "-based talks"),
            ],
        );
        let read = read(&block, month, false).expect("a calendar table");
        let got = events_and_months(&read);
        assert_eq!(
            got,
            [
                ("Women4Climate 2019 - 2020", &At(0)),
                ("Metropolitan Day -based talks", &At(1)),
            ]
        );
    }

    #[test]
    fn a_table_without_bullets_or_months_is_not_read_here() {
        let no_bullets = table(&[(0.0, "February")], &[(0.0, "Women4Climate")]);
        assert_eq!(read(&no_bullets, month, false), None);
        let no_months = table(&[(0.0, "L1M1D1")], &[(0.0, "• Women4Climate")]);
        assert_eq!(read(&no_months, month, false), None);
    }

    /// A cell of lines at the given tops (in line pitches), each line's
    /// words 20 points apart.
    fn cell(lines: &[(f32, &str)]) -> Cell {
        let words: Vec<crate::page::Word> = lines
            .iter()
            .flat_map(|(top, text)| {
                text.split_whitespace()
                    .enumerate()
                    .map(move |(at, word)| crate::page::Word {
                        text: word.to_owned(),
                        bbox: BoundingBox {
                            x0: 20.0 * at as f32,
                            x1: 20.0 * at as f32 + 15.0,
                            ..bbox(*top)
                        },
                        size: SIZE,
                        bold: None,
                    })
            })
            .collect();
        let texts: Vec<String> = lines.iter().map(|(_, text)| (*text).to_owned()).collect();
        let joined = texts.join(" ");
        Cell::new(1, texts, joined, None, crate::page::Words::from(words))
    }

    #[test]
    fn a_cell_is_cut_into_paragraphs_where_its_lines_stand_a_paragraph_apart() {
        // Two events broken onto lines of their own, a blank line's space
        // between them; the first wrapped at the line pitch.
        let broken = cell(&[
            (0.0, "Regional workshop on flood"),
            (1.0, "early warning, Valpa-"),
            (2.0, "raíso"),
            (4.0, "Steering Committee meeting"),
        ]);
        assert_eq!(
            paragraphs(&broken),
            [
                "Regional workshop on flood early warning, Valparaíso",
                "Steering Committee meeting"
            ]
        );
        // Lines at the pitch are one paragraph, however many.
        let wrapped = cell(&[
            (0.0, "Annual Assembly of the"),
            (1.0, "Network of Coastal Cities"),
        ]);
        assert_eq!(
            paragraphs(&wrapped),
            ["Annual Assembly of the Network of Coastal Cities"]
        );
        // A cell without geometry has no paragraphs to tell.
        assert!(paragraphs(&Cell::of_text(1, "Ocean Cities Day")).is_empty());
    }
}
