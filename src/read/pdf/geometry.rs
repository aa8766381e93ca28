//! Pure geometry for the PDF collector: glyph directions, quarter turns of
//! the page frame, rulings and fills from paths, fake-bold duplicates, and
//! font faces from their names.

use pdf_extract::{FastMap, FontInfo, Path, PathOp, Transform};

use crate::read::glyphs::{Direction, Font, Glyph, GlyphPage, Rule, RuleKind};

/// A glyph whose baseline deviates from the nearest axis by more than this
/// tangent is diagonal (poppler's `diagonalThreshold`).
const DIAGONAL: f64 = 0.1;
/// A rectangle at most this thick (points) is a ruling, not a fill.
const RULING_THICKNESS: f64 = 2.0;
/// A straight segment shorter than this (points) is no ruling.
const SHORTEST_RULING: f64 = 0.5;
/// A segment is horizontal or vertical when its other extent is at most this
/// fraction of its length.
const AXIS_TOLERANCE: f64 = 0.02;
/// At most this many rules are kept per page (a vector drawing can hold
/// hundreds of thousands of segments; a table needs a few hundred).
pub(super) const MAX_RULES: usize = 20_000;
/// Two copies of a glyph are one glyph drawn bold when their origins are at
/// most this far apart along the baseline, in em…
const OVERPRINT_ALONG: f32 = 0.15;
/// …and at most this fraction of the glyph's advance (so that narrow glyphs
/// set close together, such as `...` in a condensed face, stay apart)…
const OVERPRINT_ADVANCE: f32 = 0.5;
/// …and at most this far apart across it, in em.
const OVERPRINT_ACROSS: f32 = 0.2;
/// Copies of a glyph have sizes within this factor.
const SAME_SIZE: f32 = 1.05;

/// The direction of a vector in page coordinates with `y` growing
/// downwards, in quarter turns clockwise from "rightwards"; `None` when it
/// is diagonal or degenerate.
pub(super) fn quarter_turns(dx: f64, dy: f64) -> Option<u8> {
    let (major, minor) = if dx.abs() >= dy.abs() {
        (dx, dy)
    } else {
        (dy, dx)
    };
    if !(major.is_finite() && minor.is_finite()) || major == 0.0 {
        return None;
    }
    if (minor / major).abs() > DIAGONAL {
        return None;
    }
    Some(match (dx.abs() >= dy.abs(), major > 0.0) {
        (true, true) => 0,
        (false, true) => 1,
        (true, false) => 2,
        (false, false) => 3,
    })
}

/// The direction of a glyph whose own direction is `glyph` quarter turns, on
/// a page turned by `frame` quarter turns.
pub(super) fn direction(glyph: Option<u8>, frame: u8) -> Direction {
    match glyph.map(|turns| (turns + frame) % 4) {
        Some(0) => Direction::Upright,
        Some(1) => Direction::Rotated90,
        Some(2) => Direction::Rotated180,
        Some(3) => Direction::Rotated270,
        _ => Direction::Diagonal,
    }
}

/// The quarter turns that bring a page's most common glyph direction
/// upright; `fallback` (the page's `/Rotate`) when no glyph is straight.
pub(super) fn frame_turns(directions: &[Option<u8>], fallback: u8) -> u8 {
    let mut counts = [0usize; 4];
    for turns in directions.iter().flatten() {
        counts[usize::from(*turns % 4)] += 1;
    }
    let mut best: Option<(usize, u8)> = None;
    for (turns, &count) in (0u8..).zip(counts.iter()) {
        if count > 0 && best.is_none_or(|(most, _)| count > most) {
            best = Some((count, turns));
        }
    }
    match best {
        Some((_, dominant)) => (4 - dominant) % 4,
        None => fallback % 4,
    }
}

/// A point of a `width` × `height` page (top-left origin, `y` down) once the
/// page is turned clockwise by `turns` quarter turns.
pub(super) fn turn_point(x: f32, y: f32, width: f32, height: f32, turns: u8) -> (f32, f32) {
    match turns % 4 {
        1 => (height - y, x),
        2 => (width - x, height - y),
        3 => (y, width - x),
        _ => (x, y),
    }
}

/// A page's width and height once turned by `turns` quarter turns.
pub(super) fn turned_size(width: f32, height: f32, turns: u8) -> (f32, f32) {
    if turns % 2 == 1 {
        (height, width)
    } else {
        (width, height)
    }
}

/// A rule once its page is turned by `turns` quarter turns.
pub(super) fn turn_rule(rule: &Rule, width: f32, height: f32, turns: u8) -> Rule {
    let (ax, ay) = turn_point(rule.x0, rule.y0, width, height, turns);
    let (bx, by) = turn_point(rule.x1, rule.y1, width, height, turns);
    Rule {
        x0: ax.min(bx),
        y0: ay.min(by),
        x1: ax.max(bx),
        y1: ay.max(by),
        kind: rule.kind,
    }
}

/// A painted path's horizontal and vertical lines and rectangles, in page
/// coordinates: `to_page` maps a point of default user space to the page.
/// A filled path gives its axis-aligned rectangles (thin ones as rulings,
/// others as fills); a stroked path gives a ruling for each straight
/// horizontal or vertical segment, `line_width` thick (in user space).
pub(super) fn path_rules(
    path: &Path,
    ctm: &Transform,
    line_width: Option<f64>,
    to_page: impl Fn(f64, f64) -> (f64, f64),
) -> Vec<Rule> {
    let point = |x: f64, y: f64| {
        to_page(
            x * ctm.m11 + y * ctm.m21 + ctm.m31,
            x * ctm.m12 + y * ctm.m22 + ctm.m32,
        )
    };
    let mut rules = Vec::new();
    for subpath in subpaths(&path.ops) {
        let points: Vec<(f64, f64)> = subpath.points.iter().map(|&(x, y)| point(x, y)).collect();
        let straight = |index: usize| !subpath.curves_to.contains(&index);
        match line_width {
            None => {
                if !subpath.curves_to.is_empty() {
                    continue;
                }
                if let Some(rule) = filled_rectangle(&points) {
                    rules.push(rule);
                }
            }
            Some(width) => {
                let thickness = (width * ctm_scale(ctm)).abs().max(0.0);
                // Segment i runs from point i - 1 to point i; the closing
                // one from the last point back to the first.
                let closing = subpath.closed.then(|| (points.last(), points.first()));
                let segments = (1..points.len())
                    .filter(|&index| straight(index))
                    .map(|index| (points.get(index - 1), points.get(index)))
                    .chain(closing);
                for (from, to) in segments {
                    if let (Some(&from), Some(&to)) = (from, to) {
                        rules.extend(stroked_segment(from, to, thickness));
                    }
                }
            }
        }
    }
    rules
}

/// One subpath's points (a curve contributes its end point), which of them
/// a curve reaches, and whether the subpath is closed.
struct Subpath {
    points: Vec<(f64, f64)>,
    curves_to: Vec<usize>,
    closed: bool,
}

impl Subpath {
    fn starting_at(point: (f64, f64)) -> Self {
        Self {
            points: vec![point],
            curves_to: Vec::new(),
            closed: false,
        }
    }
}

fn subpaths(ops: &[PathOp]) -> Vec<Subpath> {
    let mut all: Vec<Subpath> = Vec::new();
    let mut current: Option<Subpath> = None;
    for op in ops {
        match *op {
            PathOp::MoveTo(x, y) => {
                all.extend(current.take());
                current = Some(Subpath::starting_at((x, y)));
            }
            PathOp::LineTo(x, y) => {
                if let Some(subpath) = current.as_mut() {
                    subpath.points.push((x, y));
                }
            }
            PathOp::CurveTo(_, _, _, _, x, y) => {
                if let Some(subpath) = current.as_mut() {
                    subpath.curves_to.push(subpath.points.len());
                    subpath.points.push((x, y));
                }
            }
            PathOp::Rect(x, y, w, h) => {
                all.extend(current.take());
                all.push(Subpath {
                    points: vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
                    curves_to: Vec::new(),
                    closed: true,
                });
            }
            PathOp::Close => {
                if let Some(mut subpath) = current.take() {
                    subpath.closed = true;
                    let start = subpath.points.first().copied();
                    all.push(subpath);
                    // Drawing goes on from the start of the closed subpath.
                    current = start.map(Subpath::starting_at);
                }
            }
        }
    }
    all.extend(current);
    all
}

/// The rectangle a filled polygon covers, when it is one: four corners (a
/// fifth repeating the first is allowed) on two x and two y values.
fn filled_rectangle(points: &[(f64, f64)]) -> Option<Rule> {
    let mut corners = points.to_vec();
    if corners.len() == 5 && same_point(corners[0], corners[4]) {
        corners.pop();
    }
    if corners.len() != 4 {
        return None;
    }
    let (x0, x1, y0, y1) = bounds(&corners)?;
    let tolerance = 0.01 + AXIS_TOLERANCE * (x1 - x0).min(y1 - y0);
    let on_edge = |v: f64, a: f64, b: f64| (v - a).abs() <= tolerance || (v - b).abs() <= tolerance;
    // Consecutive corners share x or y: an axis-aligned rectangle, not a
    // rotated one or a bow tie.
    let axis_aligned = (0..4).all(|i| {
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        (a.0 - b.0).abs() <= tolerance || (a.1 - b.1).abs() <= tolerance
    });
    let on_box = corners
        .iter()
        .all(|&(x, y)| on_edge(x, x0, x1) && on_edge(y, y0, y1));
    if !(axis_aligned && on_box) || x1 - x0 <= 0.0 || y1 - y0 <= 0.0 {
        return None;
    }
    let thin = (x1 - x0).min(y1 - y0) <= RULING_THICKNESS;
    if thin && (x1 - x0).max(y1 - y0) < SHORTEST_RULING {
        return None;
    }
    Some(rule(
        x0,
        y0,
        x1,
        y1,
        if thin {
            RuleKind::Ruling
        } else {
            RuleKind::Fill
        },
    ))
}

/// A ruling for a stroked segment that is horizontal or vertical.
fn stroked_segment(from: (f64, f64), to: (f64, f64), thickness: f64) -> Option<Rule> {
    let (dx, dy) = ((to.0 - from.0).abs(), (to.1 - from.1).abs());
    let length = dx.max(dy);
    if !length.is_finite() || length < SHORTEST_RULING || dx.min(dy) > AXIS_TOLERANCE * length {
        return None;
    }
    let half = thickness / 2.0;
    let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
    let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
    Some(if dx >= dy {
        let y = (y0 + y1) / 2.0;
        rule(x0, y - half, x1, y + half, RuleKind::Ruling)
    } else {
        let x = (x0 + x1) / 2.0;
        rule(x - half, y0, x + half, y1, RuleKind::Ruling)
    })
}

fn rule(x0: f64, y0: f64, x1: f64, y1: f64, kind: RuleKind) -> Rule {
    Rule {
        x0: x0 as f32,
        y0: y0 as f32,
        x1: x1 as f32,
        y1: y1 as f32,
        kind,
    }
}

fn bounds(points: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    let finite = points.iter().all(|(x, y)| x.is_finite() && y.is_finite());
    if !finite || points.is_empty() {
        return None;
    }
    let fold = |pick: fn(&(f64, f64)) -> f64, min: bool| {
        points.iter().map(pick).fold(
            if min {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            },
            |acc, v| if min { acc.min(v) } else { acc.max(v) },
        )
    };
    Some((
        fold(|p| p.0, true),
        fold(|p| p.0, false),
        fold(|p| p.1, true),
        fold(|p| p.1, false),
    ))
}

fn same_point(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() <= 0.01 && (a.1 - b.1).abs() <= 0.01
}

/// How much a transform scales lengths (the square root of its area scale).
pub(super) fn ctm_scale(ctm: &Transform) -> f64 {
    (ctm.m11 * ctm.m22 - ctm.m12 * ctm.m21).abs().sqrt()
}

/// True for a fill colour that leaves white paper white.
pub(super) fn is_white(color: &[f64], space: &pdf_extract::ColorSpace) -> bool {
    use pdf_extract::ColorSpace;
    match (space, color) {
        (ColorSpace::DeviceGray, [gray]) => *gray >= 0.999,
        (ColorSpace::DeviceRGB, [r, g, b]) => r.min(*g).min(*b) >= 0.999,
        (ColorSpace::DeviceCMYK, [c, m, y, k]) => c.max(*m).max(*y).max(*k) <= 0.001,
        _ => false,
    }
}

/// Drops the extra copies of glyphs drawn two or more times at nearly the
/// same place (fake bold, shadows) and marks the first copy
/// [`overprinted`](crate::read::Glyph::overprinted). Content order is kept.
///
/// Glyphs of one text are swept from top to bottom; each is compared with
/// the earlier ones of its text within reach across the baseline, found by
/// x in a sorted window, so a page costs O(n log n) comparisons whatever
/// its shape (a long row of dot leaders, a column of identical marks); an
/// insertion moves at most the window's entries, the glyphs of one text
/// on about one line, mostly none (a line is drawn left to right). The
/// texts are grouped by a counting sort and the window is one sorted vector
/// reused by every text: no allocation per text or per glyph, in a pass
/// that sees every glyph of every page.
pub(super) fn merge_overprints(page: &mut GlyphPage) {
    let count = page.glyphs.len();
    // Each glyph's text as a small number, in order of first appearance;
    // most texts are one ASCII character, numbered through a table.
    let mut ascii = [usize::MAX; 128];
    let mut ids: FastMap<&str, usize> = FastMap::default();
    let mut text_of = Vec::with_capacity(count);
    let mut sizes: Vec<usize> = Vec::new();
    for glyph in &page.glyphs {
        let next = sizes.len();
        let id = match page.glyph_text(glyph).as_bytes() {
            &[byte] if byte.is_ascii() => {
                let slot = &mut ascii[usize::from(byte)];
                if *slot == usize::MAX {
                    *slot = next;
                }
                *slot
            }
            _ => *ids.entry(page.glyph_text(glyph)).or_insert(next),
        };
        if id == sizes.len() {
            sizes.push(0);
        }
        sizes[id] += 1;
        text_of.push(id);
    }
    if sizes.len() == count {
        // Every text drawn once: nothing can be a copy.
        return;
    }
    // The glyphs grouped by text (counting sort), each group in content order.
    let mut ends = sizes;
    let mut total = 0;
    for size in &mut ends {
        total += *size;
        *size = total;
    }
    let mut grouped = vec![0; count];
    for (index, &id) in text_of.iter().enumerate().rev() {
        ends[id] -= 1;
        grouped[ends[id]] = index;
    }
    // `ends` now holds each group's start.
    let starts = ends;
    let mut dropped = vec![false; count];
    let mut overprinted = vec![false; count];
    let milli = |v: f32| (f64::from(v) * 1000.0).round() as i64;
    // Each glyph's x in milli-points, worked out once for the glyphs that
    // have others of their text.
    let mut xs = vec![0; count];
    // Glyphs within `across` above the current one, by x (milli-points).
    let mut window: Vec<(i64, usize)> = Vec::new();
    for (id, &start) in starts.iter().enumerate() {
        let end = starts.get(id + 1).copied().unwrap_or(count);
        let group = &mut grouped[start..end];
        if group.len() < 2 {
            continue;
        }
        let glyphs = &page.glyphs;
        group.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
        for &index in group.iter() {
            xs[index] = milli(glyphs[index].x);
        }
        let largest = group
            .iter()
            .map(|&i| glyphs[i].font_size)
            .fold(0.0f32, f32::max);
        let across = OVERPRINT_ACROSS * largest;
        let along = OVERPRINT_ALONG * largest;
        window.clear();
        let mut oldest = 0;
        for (position, &current) in group.iter().enumerate() {
            let glyph = glyphs[current];
            while oldest < position && glyph.y - glyphs[group[oldest]].y > across {
                let leaving = group[oldest];
                if let Ok(at) = window.binary_search(&(xs[leaving], leaving)) {
                    window.remove(at);
                }
                oldest += 1;
            }
            let (low, high) = (milli(glyph.x - along), milli(glyph.x + along));
            let first = window.partition_point(|&(x, _)| x < low);
            let copy_of = window[first..]
                .iter()
                .take_while(|&&(x, _)| x <= high)
                .map(|&(_, earlier)| earlier)
                .find(|&earlier| !dropped[earlier] && copies(&glyphs[earlier], &glyph));
            let key = (xs[current], current);
            if let Some(earlier) = copy_of {
                // Keep whichever copy the content stream drew first.
                let (kept, gone) = if earlier < current {
                    (earlier, current)
                } else {
                    (current, earlier)
                };
                dropped[gone] = true;
                overprinted[kept] = true;
                if gone == earlier {
                    if let Ok(at) = window.binary_search(&(xs[earlier], earlier)) {
                        window.remove(at);
                    }
                    let at = window.partition_point(|entry| *entry < key);
                    window.insert(at, key);
                }
            } else {
                let at = window.partition_point(|entry| *entry < key);
                window.insert(at, key);
            }
        }
    }
    if dropped.contains(&true) {
        keep_undropped(page, &dropped, &overprinted);
    }
}

/// Removes the glyphs marked `dropped` and marks the kept copies of
/// overprinted glyphs.
fn keep_undropped(page: &mut GlyphPage, dropped: &[bool], overprinted: &[bool]) {
    let glyphs = std::mem::take(&mut page.glyphs);
    page.glyphs = glyphs
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !dropped[*index])
        .map(|(index, glyph)| Glyph {
            overprinted: glyph.overprinted || overprinted[index],
            ..glyph
        })
        .collect();
}

/// True when two glyphs of the same text are one glyph drawn twice: same
/// direction and size, origins within [`OVERPRINT_ALONG`] em (and
/// [`OVERPRINT_ADVANCE`] of the advance) along the baseline and
/// [`OVERPRINT_ACROSS`] em across it.
fn copies(a: &Glyph, b: &Glyph) -> bool {
    let size = a.font_size.max(f32::EPSILON);
    let mut reach = OVERPRINT_ALONG * size;
    if a.width > 0.0 {
        reach = reach.min(OVERPRINT_ADVANCE * a.width);
    }
    let sizes = a.font_size.max(b.font_size) / a.font_size.min(b.font_size).max(f32::EPSILON);
    a.direction == b.direction
        && (a.x - b.x).abs() <= reach
        && (a.y - b.y).abs() <= OVERPRINT_ACROSS * size
        && sizes <= SAME_SIZE
}

/// The face a font dictionary names.
pub(super) fn font_face(info: &FontInfo) -> Font {
    let name = strip_subset_prefix(&info.base_name).to_owned();
    let lower = name.to_ascii_lowercase();
    let style = lower
        .rsplit(['-', ','])
        .next()
        .filter(|style| style.len() < lower.len())
        .unwrap_or("");
    let flags = info.flags.unwrap_or(0);
    let flag = |bit: u32| flags & (1 << (bit - 1)) != 0;
    let bold_name = [
        "bold", "black", "heavy", "demi", "semibd", "extrab", "ultrab",
    ]
    .iter()
    .any(|word| lower.contains(word));
    let italic_name = ["italic", "oblique", "slanted", "kursiv"]
        .iter()
        .any(|word| lower.contains(word))
        || style == "it"
        || style.ends_with("it") && style.len() <= 8 && !style.ends_with("fit");
    Font {
        bold: bold_name || info.weight.is_some_and(|weight| weight >= 600.0) || flag(19),
        italic: italic_name || flag(7),
        symbolic: ["symbol", "dingbat", "wingding", "webding", "fontawesome"]
            .iter()
            .any(|word| lower.contains(word)),
        monospaced: flag(1)
            || ["courier", "mono", "consol"]
                .iter()
                .any(|word| lower.contains(word)),
        name,
    }
}

/// `Arial-BoldMT` for `ABCDEF+Arial-BoldMT`: a subset prefix is six capital
/// letters and a plus sign.
fn strip_subset_prefix(name: &str) -> &str {
    match name.split_once('+') {
        Some((prefix, rest))
            if prefix.len() == 6 && prefix.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            rest
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_are_quarter_turns_or_diagonal() {
        assert_eq!(quarter_turns(1.0, 0.0), Some(0));
        assert_eq!(quarter_turns(1.0, 0.05), Some(0));
        assert_eq!(quarter_turns(0.0, 2.0), Some(1));
        assert_eq!(quarter_turns(-3.0, 0.0), Some(2));
        assert_eq!(quarter_turns(0.0, -1.0), Some(3));
        assert_eq!(quarter_turns(1.0, 1.0), None);
        assert_eq!(quarter_turns(0.0, 0.0), None);
        assert_eq!(quarter_turns(f64::NAN, 1.0), None);
    }

    #[test]
    fn the_dominant_direction_is_turned_upright() {
        assert_eq!(frame_turns(&[Some(1), Some(1), Some(0), None], 0), 3);
        assert_eq!(frame_turns(&[Some(2)], 1), 2);
        assert_eq!(frame_turns(&[None, None], 1), 1);
        assert_eq!(frame_turns(&[], 0), 0);
        // A glyph running downwards on a page turned three quarters is upright.
        assert_eq!(direction(Some(1), 3), Direction::Upright);
        assert_eq!(direction(Some(0), 3), Direction::Rotated270);
        assert_eq!(direction(None, 0), Direction::Diagonal);
    }

    #[test]
    fn turning_four_times_is_the_identity() {
        let (w, h) = (600.0, 800.0);
        let mut point = (100.0, 50.0);
        let (mut pw, mut ph) = (w, h);
        for _ in 0..4 {
            point = turn_point(point.0, point.1, pw, ph, 1);
            (pw, ph) = turned_size(pw, ph, 1);
        }
        assert_eq!(point, (100.0, 50.0));
        // A quarter turn takes the top-left corner to the top-right one.
        assert_eq!(turn_point(0.0, 0.0, w, h, 1), (h, 0.0));
    }

    fn path(ops: Vec<PathOp>) -> Path {
        Path { ops }
    }

    fn identity() -> Transform {
        Transform::identity()
    }

    #[test]
    fn filled_rectangles_become_fills_or_rulings() {
        let flip = |x: f64, y: f64| (x, 100.0 - y);
        let wide = path_rules(
            &path(vec![PathOp::Rect(10.0, 10.0, 50.0, 20.0)]),
            &identity(),
            None,
            flip,
        );
        assert_eq!(wide, vec![rule(10.0, 70.0, 60.0, 90.0, RuleKind::Fill)]);
        let thin = path_rules(
            &path(vec![
                PathOp::MoveTo(10.0, 10.0),
                PathOp::LineTo(60.0, 10.0),
                PathOp::LineTo(60.0, 11.0),
                PathOp::LineTo(10.0, 11.0),
                PathOp::Close,
            ]),
            &identity(),
            None,
            flip,
        );
        assert_eq!(thin, vec![rule(10.0, 89.0, 60.0, 90.0, RuleKind::Ruling)]);
        let triangle = path_rules(
            &path(vec![
                PathOp::MoveTo(0.0, 0.0),
                PathOp::LineTo(10.0, 0.0),
                PathOp::LineTo(0.0, 10.0),
                PathOp::Close,
            ]),
            &identity(),
            None,
            flip,
        );
        assert!(triangle.is_empty());
    }

    #[test]
    fn stroked_paths_give_their_straight_segments() {
        let same = |x: f64, y: f64| (x, y);
        let rules = path_rules(
            &path(vec![PathOp::Rect(0.0, 0.0, 100.0, 10.0)]),
            &identity(),
            Some(1.0),
            same,
        );
        assert_eq!(rules.len(), 4);
        assert_eq!(rules[0], rule(0.0, -0.5, 100.0, 0.5, RuleKind::Ruling));
        assert_eq!(rules[1], rule(99.5, 0.0, 100.5, 10.0, RuleKind::Ruling));
        let diagonal = path_rules(
            &path(vec![PathOp::MoveTo(0.0, 0.0), PathOp::LineTo(50.0, 50.0)]),
            &identity(),
            Some(1.0),
            same,
        );
        assert!(diagonal.is_empty());
        let scaled = path_rules(
            &path(vec![PathOp::MoveTo(0.0, 0.0), PathOp::LineTo(50.0, 0.0)]),
            &Transform::create_scale(2.0, 2.0),
            Some(0.5),
            same,
        );
        assert_eq!(scaled, vec![rule(0.0, -0.5, 100.0, 0.5, RuleKind::Ruling)]);
    }

    #[test]
    fn faces_from_names_and_flags() {
        let face = |name: &str, flags: Option<i64>, weight: Option<f64>| {
            font_face(&FontInfo {
                base_name: name.to_owned(),
                flags,
                weight,
                key: 0,
            })
        };
        let bold = face("ABCDEF+Arial-BoldMT", None, None);
        assert_eq!(bold.name, "Arial-BoldMT");
        assert!(bold.bold && !bold.italic && !bold.symbolic);
        assert!(face("Helvetica-Bold", None, None).bold);
        assert!(face("Arial,BoldItalic", None, None).italic);
        assert!(face("MinionPro-It", None, None).italic);
        assert!(!face("Helvetica", None, None).italic);
        assert!(!face("ABCDEF+Calibri", None, None).bold);
        assert!(face("Calibri", None, Some(700.0)).bold);
        assert!(face("Calibri", Some(1 << 18), None).bold);
        assert!(face("Times-Roman", Some(1 << 6), None).italic);
        assert!(face("ZapfDingbats", None, None).symbolic);
        assert!(face("Courier", None, None).monospaced);
        assert_eq!(face("abcdef+Arial", None, None).name, "abcdef+Arial");
    }

    fn glyph_page(glyphs: &[(&str, f32, f32, f32)]) -> GlyphPage {
        let mut page = GlyphPage::default();
        for &(text, x, y, width) in glyphs {
            page.push(text, x, y, width, 10.0);
        }
        page
    }

    #[test]
    fn a_glyph_drawn_twice_is_one_overprinted_glyph() {
        let mut page = glyph_page(&[
            ("B", 10.0, 50.0, 6.7),
            ("o", 16.7, 50.0, 5.6),
            ("B", 10.3, 50.2, 6.7),
            ("o", 17.0, 50.2, 5.6),
            ("l", 30.0, 50.0, 2.2),
            ("l", 32.2, 50.0, 2.2),
        ]);
        merge_overprints(&mut page);
        let kept: Vec<(&str, bool)> = page
            .glyphs
            .iter()
            .map(|g| (page.glyph_text(g), g.overprinted))
            .collect();
        assert_eq!(
            kept,
            vec![("B", true), ("o", true), ("l", false), ("l", false)]
        );
        assert_eq!(page.glyphs[0].x, 10.0, "the first copy drawn is kept");
    }

    #[test]
    fn a_column_of_marks_drawn_twice_keeps_one_of_each() {
        // One mark per row at the same x, every one drawn again 0.3 pt to
        // the right after the whole column: copies are far apart in content
        // order and in x order, near only on the page.
        let rows = 3000;
        let mut page = GlyphPage::default();
        for shift in [0.0, 0.3] {
            for row in 0..rows {
                page.push("V", 500.0 + shift, 20.0 + row as f32 * 12.0, 6.7, 10.0);
            }
        }
        merge_overprints(&mut page);
        assert_eq!(page.glyphs.len(), rows);
        assert!(page.glyphs.iter().all(|g| g.overprinted && g.x == 500.0));
    }

    /// The sweep as first written, with an ordered map for the window and
    /// a vector per text: the oracle of the faster one.
    fn merge_overprints_by_map(page: &mut GlyphPage) {
        use std::collections::BTreeMap;
        let count = page.glyphs.len();
        let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, glyph) in page.glyphs.iter().enumerate() {
            by_text
                .entry(page.glyph_text(glyph))
                .or_default()
                .push(index);
        }
        let mut dropped = vec![false; count];
        let mut overprinted = vec![false; count];
        let milli = |v: f32| (f64::from(v) * 1000.0).round() as i64;
        for mut group in by_text.into_values() {
            let glyphs = &page.glyphs;
            group.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
            let largest = group
                .iter()
                .map(|&i| glyphs[i].font_size)
                .fold(0.0f32, f32::max);
            let across = OVERPRINT_ACROSS * largest;
            let along = OVERPRINT_ALONG * largest;
            let mut window: BTreeMap<(i64, usize), usize> = BTreeMap::new();
            let mut oldest = 0;
            for (position, &current) in group.iter().enumerate() {
                let glyph = glyphs[current];
                while oldest < position && glyph.y - glyphs[group[oldest]].y > across {
                    let leaving = group[oldest];
                    window.remove(&(milli(glyphs[leaving].x), leaving));
                    oldest += 1;
                }
                let range = (milli(glyph.x - along), 0)..=(milli(glyph.x + along), usize::MAX);
                let copy_of = window
                    .range(range)
                    .map(|(_, &earlier)| earlier)
                    .find(|&earlier| !dropped[earlier] && copies(&glyphs[earlier], &glyph));
                if let Some(earlier) = copy_of {
                    let (kept, gone) = if earlier < current {
                        (earlier, current)
                    } else {
                        (current, earlier)
                    };
                    dropped[gone] = true;
                    overprinted[kept] = true;
                    if gone == earlier {
                        window.remove(&(milli(glyphs[earlier].x), earlier));
                        window.insert((milli(glyph.x), current), current);
                    }
                } else {
                    window.insert((milli(glyph.x), current), current);
                }
            }
        }
        keep_undropped(page, &dropped, &overprinted);
    }

    #[test]
    fn the_sorted_window_merges_as_the_ordered_map_did() {
        // Pages of a few texts drawn on a coarse grid with jitter, so that
        // copies, near misses, rows of dots and mixed sizes all occur.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: u32| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            u32::try_from(state >> 33).unwrap_or(0) % bound
        };
        let texts = [".", "V", "a", "e", "1", "fi", "é"];
        let mut merged = 0;
        for _ in 0..300 {
            let mut page = GlyphPage::default();
            let glyphs = 1 + next(400);
            for _ in 0..glyphs {
                let text = texts[next(texts.len() as u32) as usize];
                let x = 10.0 + next(60) as f32 * 2.0 + next(5) as f32 * 0.1;
                let y = 20.0 + next(30) as f32 * 3.0 + next(4) as f32 * 0.5;
                let size = [10.0, 10.2, 12.0][next(3) as usize];
                let width = [0.9, 2.5, 6.0, 0.0][next(4) as usize];
                page.push(text, x, y, width, size);
            }
            let mut expected = page.clone();
            merge_overprints_by_map(&mut expected);
            merge_overprints(&mut page);
            merged += usize::from(page.glyphs.len() < glyphs as usize);
            assert_eq!(page.glyphs, expected.glyphs);
        }
        assert!(merged > 100, "too few pages had copies to merge: {merged}");
    }

    #[test]
    fn narrow_glyphs_set_close_together_stay_apart() {
        // Dots in a face condensed to a third: 0.09 em apart.
        let mut page = glyph_page(&[
            (".", 10.0, 50.0, 0.9),
            (".", 10.9, 50.0, 0.9),
            (".", 11.8, 50.0, 0.9),
        ]);
        merge_overprints(&mut page);
        assert_eq!(page.glyphs.len(), 3);
    }
}
