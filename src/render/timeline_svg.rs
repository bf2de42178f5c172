//! The incident page's visual timeline: [`crate::model::phases::Course`] scaled onto a time
//! axis and drawn as one small inline SVG (no script, no per-minute elements), with the same
//! facts as data for the page's text alternative.
//!
//! Layout, in SVG user units (the `viewBox`; CSS scales it to the page's width):
//!
//! ```text
//! y  0..16   marker labels ("Detected 12:01", "Resolved 12:07")
//! y 18..44   the phase band: one rect per phase, labelled when the label fits
//! y 56..     one lane per component, LANE high: its label, then a bar of its windows
//! axis       the time axis with ticks, then a legend of the levels drawn
//! ```
//!
//! Time `t` is at `x = LEFT + WIDTH * (t - start) / (end - start)`: the span fills the plot
//! from `LEFT` to `LEFT + WIDTH`.

use super::context::TimelineChartView;
use crate::input::config::Config;
use crate::model::phases::Course;
use crate::model::Level;
use crate::util::escape::markup;
use crate::util::i18n::{Arg, Catalogue};
use crate::util::timefmt::{Locale, TimeView};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt::Write;

/// The viewBox's width.
pub const VIEW_WIDTH: f64 = 720.0;
/// Where the plot starts, and its width: time runs from x = 40 to x = 680.
pub const LEFT: f64 = 40.0;
pub const WIDTH: f64 = 640.0;
const BAND_Y: f64 = 18.0;
const BAND_H: f64 = 26.0;
const LANES_Y: f64 = 56.0;
const LANE: f64 = 38.0;
const BAR_Y: f64 = 17.0;
const BAR_H: f64 = 14.0;

/// Tick steps, in seconds: 1, 5, 10, 15, 30 minutes; 1, 2, 3, 6, 12 hours; 1, 2, 7 days.
const STEPS: [i64; 13] = [
    60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800,
];
/// At most this many ticks on the axis.
const MAX_TICKS: i64 = 8;

/// A number as SVG attributes carry it: at most two decimals, no trailing zeros.
fn num(x: f64) -> String {
    // In hundredths, as an integer: `format!("{:.2}")` of a float takes the slow exact path,
    // and this runs for every coordinate of every incident page.
    let h = (x * 100.0).round() as i64;
    let (int, frac) = (h.abs() / 100, h.abs() % 100);
    let mut s = String::with_capacity(12);
    if h < 0 {
        s.push('-');
    }
    s.push_str(&int.to_string());
    if frac != 0 {
        s.push('.');
        s.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            s.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    s
}

/// The tick step for a span of `seconds`: the smallest of [`STEPS`] giving at most
/// [`MAX_TICKS`] ticks, else whole weeks.
pub fn tick_step(seconds: i64) -> i64 {
    STEPS
        .iter()
        .copied()
        .find(|s| seconds / s <= MAX_TICKS)
        .unwrap_or_else(|| {
            let weeks = (seconds + MAX_TICKS * 604_800 - 1) / (MAX_TICKS * 604_800);
            weeks.max(1) * 604_800
        })
}

/// The ticks in `[start, end]` for `step` seconds, on round local times in `tz`: minutes and
/// hours on multiples of the step since local midnight, days on local midnights.
fn ticks(start: DateTime<Utc>, end: DateTime<Utc>, step: i64, tz: Tz) -> Vec<DateTime<Utc>> {
    let local = start.with_timezone(&tz).naive_local();
    let mut out = Vec::new();
    if step < 86_400 {
        let midnight = local.date().and_time(chrono::NaiveTime::MIN);
        let since = (local - midnight).num_seconds();
        let first = (since + step - 1) / step;
        // A DST change can skip or repeat a tick; the bound only guards against a loop.
        for k in first..first + 64 {
            let naive = midnight + Duration::seconds(k * step);
            let Some(t) = tz.from_local_datetime(&naive).earliest() else {
                continue;
            };
            let t = t.with_timezone(&Utc);
            if t > end {
                break;
            }
            if t >= start && out.last() != Some(&t) {
                out.push(t);
            }
        }
    } else {
        let days = step / 86_400;
        let mut d: NaiveDate = local.date();
        if crate::model::status::day_start(d, tz) < start {
            d += Duration::days(1);
        }
        for _ in 0..64 {
            let t = crate::model::status::day_start(d, tz);
            if t > end {
                break;
            }
            out.push(t);
            d += Duration::days(days);
        }
    }
    out
}

/// The fill of a level's windows: a pattern, so levels differ by more than colour.
fn pattern_id(level: Level) -> &'static str {
    match level {
        Level::DegradedPerformance => "tl-p-degraded",
        Level::PartialOutage => "tl-p-partial",
        Level::MajorOutage => "tl-p-major",
    }
}

/// The pattern of each level, for the chart's `<defs>` (only the levels it draws).
fn pattern(level: Level) -> &'static str {
    match level {
        Level::MajorOutage => "<pattern id=\"tl-p-major\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"tl-fill-major_outage\" width=\"6\" height=\"6\"/></pattern>",
        Level::PartialOutage => "<pattern id=\"tl-p-partial\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"tl-fill-partial_outage\" width=\"6\" height=\"6\"/><line class=\"tl-hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>",
        Level::DegradedPerformance => "<pattern id=\"tl-p-degraded\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect class=\"tl-fill-degraded_performance\" width=\"5\" height=\"5\"/><circle class=\"tl-dot\" cx=\"2.5\" cy=\"2.5\" r=\"1.1\"/></pattern>",
    }
}

/// Roughly how wide `text` is at the 11-unit font (for deciding whether a label fits).
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 6.2
}

/// The chart of `course` for the incident titled `title`.
pub(crate) fn chart(c: &Config, loc: &Locale, course: &Course, title: &str) -> TimelineChartView {
    let tz = c.timezone;
    let text = &*loc.text;
    let (start, end) = (course.start, course.end);
    let span = (end - start).num_seconds().max(1);
    let x = |t: DateTime<Utc>| LEFT + WIDTH * (t - start).num_seconds() as f64 / span as f64;
    let name = |id: &str| {
        c.component(id)
            .map_or(id, |x| x.display_name.as_str())
            .to_string()
    };
    // Short times for a chart within one local day, full ones otherwise.
    let one_day = start.with_timezone(&tz).date_naive() == end.with_timezone(&tz).date_naive();
    // Every instant the chart names (start, end, phase and window bounds, detection), formatted
    // once: most are shared, and formatting a local time is the costly part of a chart.
    let mut instants: Vec<DateTime<Utc>> = vec![start, end];
    instants.extend(course.phases.iter().flat_map(|p| [p.start, p.end]));
    instants.extend(
        course
            .lanes
            .iter()
            .flat_map(|l| l.windows.iter().flat_map(|w| [w.start, w.end])),
    );
    instants.extend(course.detected);
    instants.sort_unstable();
    instants.dedup();
    let views: Vec<TimeView> = instants.iter().map(|t| loc.view(*t, tz)).collect();
    let v = |t: DateTime<Utc>| -> std::borrow::Cow<'_, TimeView> {
        match instants.binary_search(&t) {
            Ok(k) => std::borrow::Cow::Borrowed(&views[k]),
            Err(_) => std::borrow::Cow::Owned(loc.view(t, tz)),
        }
    };
    let short = |t: DateTime<Utc>| {
        let v = v(t);
        if one_day {
            v.time.clone()
        } else {
            v.date_time.clone()
        }
    };

    let axis_y = LANES_Y + LANE * course.lanes.len() as f64 + 4.0;
    let height = axis_y + 62.0;
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        "<svg class=\"timeline-svg\" role=\"img\" aria-labelledby=\"tl-title\" aria-describedby=\"tl-desc\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        num(VIEW_WIDTH),
        num(height),
        num(VIEW_WIDTH),
        num(height)
    );
    let _ = write!(
        s,
        "<title id=\"tl-title\">{}</title>",
        markup(&text.format("chart-title", &[("title", Arg::Str(title))]))
    );
    s.push_str("<desc id=\"tl-desc\">");
    s.push_str(&markup(&describe(c, text, course, &short)));
    s.push_str("</desc>");
    // The levels drawn, worst first: their patterns, and later the legend.
    let mut drawn_levels: Vec<Level> = course
        .lanes
        .iter()
        .flat_map(|l| l.windows.iter().map(|w| w.level))
        .collect();
    drawn_levels.sort_unstable_by(|a, b| b.cmp(a));
    drawn_levels.dedup();
    if !drawn_levels.is_empty() {
        s.push_str("<defs>");
        for l in &drawn_levels {
            s.push_str(pattern(*l));
        }
        s.push_str("</defs>");
    }

    // Drawn in three layers: shapes (phases, lanes), then the lines across them (phase
    // boundaries, detection), then the labels, which a halo keeps readable over the lines.
    let (mut lines, mut labels) = (String::new(), String::new());
    // Every phase boundary is one subpath of a single `<path>`.
    let mut boundaries = String::new();
    // Phases, with their boundaries across the lanes.
    for p in &course.phases {
        let (x0, x1) = (x(p.start), x(p.end));
        let _ = write!(
            s,
            "<rect class=\"tl-phase tl-phase-{id}\" data-phase=\"{id}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            num(x0),
            num(BAND_Y),
            num(x1 - x0),
            num(BAND_H),
            id = p.kind.id()
        );
        let fits = |l: &str| text_width(l) + 8.0 <= x1 - x0;
        let key = format!("phase-{}", p.kind.id().replace('_', "-"));
        let label = [text.get(&key), text.get(&format!("{key}.short"))]
            .into_iter()
            .find(|l| fits(l))
            .map(|l| markup(&l));
        if let Some(label) = label {
            let _ = write!(
                labels,
                "<text class=\"tl-phase-label tl-phase-{}\" x=\"{}\" y=\"{}\">{}</text>",
                p.kind.id(),
                num(x0 + 4.0),
                num(BAND_Y + 17.0),
                label
            );
        }
        if p.start > start {
            let _ = write!(boundaries, "M{} {}V{}", num(x0), num(BAND_Y), num(axis_y));
        }
    }
    if !boundaries.is_empty() {
        let _ = write!(lines, "<path class=\"tl-boundary\" d=\"{boundaries}\"/>");
    }

    // Lanes: the label, the track, the windows (lower levels first, so worse ones show on top).
    for (n, lane) in course.lanes.iter().enumerate() {
        let y = LANES_Y + LANE * n as f64;
        let mut levels: Vec<String> = Vec::new();
        for w in &lane.windows {
            let l = text.label("level", w.level.id());
            if !levels.contains(&l) {
                levels.push(l);
            }
        }
        let _ = write!(
            labels,
            "<text class=\"tl-lane-label\" x=\"{}\" y=\"{}\"><tspan class=\"tl-lane-name\">{}</tspan>: {}</text>",
            num(LEFT),
            num(y + 12.0),
            markup(&name(lane.component)),
            markup(&if levels.is_empty() {
                text.get("chart-lane-unaffected")
            } else {
                levels.join(&text.get("chart-lane-then"))
            })
        );
        let _ = write!(
            s,
            "<rect class=\"tl-track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            num(LEFT),
            num(y + BAR_Y),
            num(WIDTH),
            num(BAR_H)
        );
        let mut drawn: Vec<_> = lane.windows.iter().collect();
        drawn.sort_by_key(|w| (w.level, w.start));
        for w in drawn {
            let (x0, x1) = (x(w.start), x(w.end));
            let _ = write!(
                s,
                "<rect class=\"tl-win tl-level-{lvl}\" data-component=\"{}\" data-level=\"{lvl}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{})\"/>",
                markup(lane.component),
                num(x0),
                num(y + BAR_Y),
                num(x1 - x0),
                num(BAR_H),
                pattern_id(w.level),
                lvl = w.level.id()
            );
        }
    }

    // Markers: detection, and the end (resolved, or now).
    let end_label = text.format(
        if course.ongoing {
            "chart-now-ongoing"
        } else {
            "chart-ended"
        },
        &[("time", Arg::Str(&short(end)))],
    );
    let end_w = text_width(&end_label);
    let _ = write!(
        s,
        "<text class=\"tl-marker-label\" x=\"{}\" y=\"12\" text-anchor=\"end\">{}</text>",
        num(LEFT + WIDTH),
        markup(&end_label)
    );
    if let Some(d) = course.detected {
        let dx = x(d);
        let label = text.format("chart-detected", &[("time", Arg::Str(&short(d)))]);
        let w = text_width(&label);
        // Left of the line when it would run into the end label.
        let (lx, anchor) = if dx + 4.0 + w + 8.0 > LEFT + WIDTH - end_w {
            (dx - 4.0, "end")
        } else {
            (dx + 4.0, "start")
        };
        let _ = write!(
            lines,
            "<line class=\"tl-detect\" data-detected=\"\" x1=\"{x}\" x2=\"{x}\" y1=\"4\" y2=\"{}\"/>\
             <path class=\"tl-detect-mark\" d=\"M{x} 4 l4 6 l-4 6 l-4 -6 z\"/>",
            num(axis_y),
            x = num(dx)
        );
        let _ = write!(
            s,
            "<text class=\"tl-marker-label\" x=\"{}\" y=\"12\" text-anchor=\"{anchor}\">{}</text>",
            num(lx),
            markup(&label),
        );
    }

    s.push_str(&lines);
    s.push_str(&labels);
    // The axis.
    let _ = write!(
        s,
        "<line class=\"tl-axis\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
        num(LEFT),
        num(LEFT + WIDTH),
        y = num(axis_y)
    );
    // The ticks: one `<path>` of short strokes, and their labels in one group.
    let step = tick_step(span);
    let mut last_date = None;
    let (mut strokes, mut tick_labels) = (String::new(), String::new());
    for t in ticks(start, end, step, tz) {
        let tx = num(x(t));
        // Only the parts a label shows: a tick's time is not shown anywhere else on the page.
        let (date, time) = loc.time_of_day(t, tz);
        let _ = write!(strokes, "M{tx} {}v5", num(axis_y));
        let (first, second) = if step >= 86_400 {
            (loc.date_display(date), None)
        } else if last_date != Some(date) {
            (time, Some(loc.date_display(date)))
        } else {
            (time, None)
        };
        last_date = Some(date);
        let _ = write!(
            tick_labels,
            "<text x=\"{tx}\" y=\"{}\">{}</text>",
            num(axis_y + 17.0),
            first
        );
        if let Some(d) = second {
            let _ = write!(
                tick_labels,
                "<text x=\"{tx}\" y=\"{}\">{}</text>",
                num(axis_y + 30.0),
                d
            );
        }
    }
    if !strokes.is_empty() {
        let _ = write!(
            s,
            "<path class=\"tl-tick\" d=\"{strokes}\"/><g class=\"tl-tick-label\" text-anchor=\"middle\">{tick_labels}</g>"
        );
    }

    // The legend: the levels drawn, and the zone.
    let mut lx = LEFT;
    let ly = axis_y + 46.0;
    for l in drawn_levels {
        let label = text.label("level", l.id());
        let _ = write!(
            s,
            "<rect class=\"tl-win\" x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"url(#{})\"/>\
             <text class=\"tl-legend\" x=\"{}\" y=\"{}\">{}</text>",
            num(lx),
            num(ly - 9.0),
            pattern_id(l),
            num(lx + 18.0),
            num(ly),
            markup(&label)
        );
        lx += 18.0 + text_width(&label) + 14.0;
    }
    let _ = write!(
        s,
        "<text class=\"tl-legend\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        num(LEFT + WIDTH),
        num(ly),
        markup(&text.format("chart-times-in", &[("zone", Arg::Str(tz.name()))]))
    );
    s.push_str("</svg>");

    let (alt_html, windows_html) = text_alternative(c, loc, course, &v);
    TimelineChartView {
        svg_html: s,
        alt_html,
        windows_html,
    }
}

/// `<time datetime="…">…</time>`.
fn time_html(out: &mut String, v: &TimeView) {
    let _ = write!(
        out,
        "<time datetime=\"{}\">{}</time>",
        markup(&v.iso),
        markup(&v.display)
    );
}

/// The chart as text, every time in full, in two parts: the span and a table of phases (for
/// the `<details>` under the chart), and a table of each component's windows (shown beside the
/// chart: the incident's impact on each component, which readers look for).
fn text_alternative<'v>(
    c: &Config,
    loc: &Locale,
    course: &Course,
    v: &dyn Fn(DateTime<Utc>) -> std::borrow::Cow<'v, TimeView>,
) -> (String, String) {
    let text = &*loc.text;
    let t = |key: &str| markup(&text.get(key));
    let time = |v: &TimeView| {
        let mut out = String::new();
        time_html(&mut out, v);
        out
    };
    let mut h = String::with_capacity(1024);
    // The message's variables are escaped here; the <time> elements are made here too.
    let span = text.format(
        if course.ongoing {
            "chart-alt-span-ongoing-html"
        } else {
            "chart-alt-span-html"
        },
        &[
            ("zone", Arg::Str(&markup(c.timezone.name()))),
            ("start", Arg::Str(&time(&v(course.start)))),
            ("end", Arg::Str(&time(&v(course.end)))),
        ],
    );
    let _ = write!(h, "<p>{span}");
    if let Some(d) = course.detected {
        h.push(' ');
        h.push_str(&text.format(
            "chart-alt-detected-html",
            &[("time", Arg::Str(&time(&v(d))))],
        ));
    }
    h.push_str("</p>\n");
    if !course.phases.is_empty() {
        let _ = write!(h, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"course-phases\" tabindex=\"0\">\n<table class=\"timeline-phases\">\n<caption id=\"course-phases\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            t("chart-phases"), t("chart-phase"), t("chart-from"), t("chart-to"), t("chart-duration"));
        for p in &course.phases {
            let _ = write!(
                h,
                "<tr data-phase=\"{}\"><th scope=\"row\">{}</th><td>",
                p.kind.id(),
                markup(&text.label("phase", p.kind.id()))
            );
            time_html(&mut h, &v(p.start));
            h.push_str("</td><td>");
            time_html(&mut h, &v(p.end));
            let _ = writeln!(
                h,
                "</td><td>{}</td></tr>",
                markup(&loc.duration((p.end - p.start).num_seconds()))
            );
        }
        h.push_str("</tbody>\n</table>\n</div>\n");
    }
    let alt = std::mem::take(&mut h);
    if !course.lanes.is_empty() {
        let _ = write!(h, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"course-lanes\" tabindex=\"0\">\n<table class=\"timeline-lanes\">\n<caption id=\"course-lanes\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            t("chart-impact-by-component"), t("chart-component"), t("chart-level"), t("chart-from"), t("chart-to"), t("chart-duration"));
        for l in &course.lanes {
            let name = c
                .component(l.component)
                .map_or(l.component, |x| x.display_name.as_str());
            for w in &l.windows {
                let _ = write!(
                    h,
                    "<tr data-component=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>",
                    markup(l.component),
                    markup(name),
                    markup(&text.label("level", w.level.id()))
                );
                time_html(&mut h, &v(w.start));
                h.push_str("</td><td>");
                time_html(&mut h, &v(w.end));
                if w.open {
                    h.push(' ');
                    h.push_str(&t("chart-window-ongoing"));
                }
                let _ = writeln!(
                    h,
                    "</td><td>{}</td></tr>",
                    markup(&loc.duration((w.end - w.start).num_seconds()))
                );
            }
        }
        h.push_str("</tbody>\n</table>\n</div>\n");
    }
    (alt, h)
}

/// The `<desc>`: every phase and window in words (not escaped).
fn describe(
    c: &Config,
    text: &Catalogue,
    course: &Course,
    short: &dyn Fn(DateTime<Utc>) -> String,
) -> String {
    let span = |label: &str, from: DateTime<Utc>, to: DateTime<Utc>| {
        text.format(
            "chart-desc-span",
            &[
                ("what", Arg::Str(label)),
                ("from", Arg::Str(&short(from))),
                ("to", Arg::Str(&short(to))),
            ],
        )
    };
    let mut d = String::new();
    let phases: Vec<String> = course
        .phases
        .iter()
        .map(|p| span(&text.label("phase", p.kind.id()), p.start, p.end))
        .collect();
    if !phases.is_empty() {
        let list = phases.join(&text.get("list-separator-strong"));
        d.push_str(&text.format("chart-desc-phases", &[("phases", Arg::Str(&list))]));
        d.push(' ');
    }
    d.push_str(&text.format(
        if course.ongoing {
            "chart-desc-ongoing"
        } else {
            "chart-desc-ended"
        },
        &[("time", Arg::Str(&short(course.end)))],
    ));
    for lane in &course.lanes {
        let name = c
            .component(lane.component)
            .map_or(lane.component, |x| x.display_name.as_str());
        let windows: Vec<String> = lane
            .windows
            .iter()
            .map(|w| span(&text.label("level", w.level.id()), w.start, w.end))
            .collect();
        d.push(' ');
        d.push_str(&text.format(
            "chart-desc-lane",
            &[
                ("component", Arg::Str(name)),
                (
                    "windows",
                    Arg::Str(&windows.join(&text.get("list-separator"))),
                ),
            ],
        ));
    }
    if let Some(t) = course.detected {
        d.push(' ');
        d.push_str(&text.format("chart-desc-detected", &[("time", Arg::Str(&short(t)))]));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_steps() {
        assert_eq!(num(200.0), "200");
        assert_eq!(num(123.456), "123.46");
        assert_eq!(num(40.5), "40.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-1.5), "-1.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(175.28), "175.28");
        assert_eq!(num(3.999), "4");
        // 4 minutes: 1-minute ticks; 45 minutes: 10 (45/5 = 9 > 8); 3 hours: 30 minutes;
        // 3 days: 12 hours; 20 days: 7 days; 100 days: 2 weeks (ceil(100/56)).
        assert_eq!(tick_step(240), 60);
        assert_eq!(tick_step(2700), 600);
        assert_eq!(tick_step(3 * 3600), 1800);
        assert_eq!(tick_step(3 * 86_400), 43_200);
        assert_eq!(tick_step(20 * 86_400), 604_800);
        assert_eq!(tick_step(100 * 86_400), 2 * 604_800);
    }

    #[test]
    fn ticks_fall_on_round_local_times() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let ny: Tz = "America/New_York".parse().unwrap();
        // 12:03 to 12:40 EDT (16:03Z to 16:40Z), 10-minute steps: 12:10, 12:20, 12:30, 12:40.
        let got = ticks(
            t("2024-06-01T16:03:00Z"),
            t("2024-06-01T16:40:00Z"),
            600,
            ny,
        );
        assert_eq!(
            got,
            [
                t("2024-06-01T16:10:00Z"),
                t("2024-06-01T16:20:00Z"),
                t("2024-06-01T16:30:00Z"),
                t("2024-06-01T16:40:00Z")
            ]
        );
        // Days: local midnights (04:00Z in summer).
        let got = ticks(
            t("2024-06-01T16:03:00Z"),
            t("2024-06-03T05:00:00Z"),
            86_400,
            ny,
        );
        assert_eq!(got, [t("2024-06-02T04:00:00Z"), t("2024-06-03T04:00:00Z")]);
    }
}
