//! Badges and embeds (docs/badges.md): status badges in the shields.io "flat" style
//! (`badge.svg` for the site and each component, `uptime.svg` for each component), the
//! shields.io endpoint JSON beside each (`shields.json`), the status cards for an `<iframe>`
//! (`embed/`), and the snippets pages show to embed them.
//!
//! Formatting only: a component's state, its causes and its 90-day uptime are what
//! `model::status` derived for its page (`status_pages` hands them over), and the site's state
//! is the home page's `overall`.

use super::*;
use crate::model::status::State;
use crate::model::uptime;
use crate::util::escape::markup;
use crate::util::i18n::Catalogue;
use crate::util::route::{BADGE, SHIELDS_JSON, UPTIME_BADGE};
use crate::util::textwidth;

/// Every string badges, their endpoint JSON and the snippets show, from the message
/// catalogue (`badge-*` in `themes/default/i18n/en.ftl`; the status card's own words are in
/// `embed.html`). Status words have their own messages, lower-case in English as shields.io
/// badges are: lower-casing a translated label would be wrong in German, say.
pub(crate) mod text {
    use crate::model::status::State;
    use crate::util::i18n::{Arg, Catalogue};

    /// The left side of a status badge.
    pub fn status_label(t: &Catalogue) -> String {
        t.get("badge-status")
    }

    /// The left side of an uptime badge.
    pub fn uptime_label(t: &Catalogue) -> String {
        t.get("badge-uptime")
    }

    /// An uptime badge's message when the component has no data over the window.
    pub fn no_data(t: &Catalogue) -> String {
        t.get("badge-no-data")
    }

    /// A status badge's message.
    pub fn state_message(t: &Catalogue, s: State) -> String {
        t.label("badge-state", s.id())
    }

    /// A status badge's text alternative (`<title>`, `aria-label`): what, then its state.
    pub fn status_title(t: &Catalogue, subject: &str, message: &str) -> String {
        t.format(
            "badge-status-title",
            &[
                ("subject", Arg::Str(subject)),
                ("message", Arg::Str(message)),
            ],
        )
    }

    /// An uptime badge's text alternative.
    pub fn uptime_title(t: &Catalogue, component: &str, message: &str) -> String {
        t.format(
            "badge-uptime-title",
            &[
                ("component", Arg::Str(component)),
                ("message", Arg::Str(message)),
            ],
        )
    }

    /// The alt text of a status badge in a snippet, and the title of a card's `<iframe>`.
    pub fn status_alt(t: &Catalogue, subject: &str) -> String {
        t.format("badge-status-alt", &[("subject", Arg::Str(subject))])
    }

    /// The alt text of an uptime badge in a snippet.
    pub fn uptime_alt(t: &Catalogue, component: &str) -> String {
        t.format("badge-uptime-alt", &[("component", Arg::Str(component))])
    }
}

/// The left side of every badge: 7.46:1 against white text.
pub(crate) const LABEL_COLOR: &str = "#555555";

/// A status badge's colour: darker than shields.io's so that white text on it passes WCAG AA
/// (≥ 4.5:1; the test below computes each ratio). Operational and major outage are the
/// theme's `--bar-ok` and `--bar-major`.
pub(crate) fn state_color(s: State) -> &'static str {
    match s {
        State::Operational => "#1a7f37",
        State::UnderMaintenance => "#0969da",
        State::Down(Level::DegradedPerformance) => "#9a6700",
        State::Down(Level::PartialOutage) => "#bc4c00",
        State::Down(Level::MajorOutage) => "#cf222e",
    }
}

/// The colour of an uptime badge with no data.
pub(crate) const NO_DATA_COLOR: &str = "#636c76";

/// An uptime badge's colour by the uptime shown (`scaled`: in 10^-`decimals` percent, as
/// `model::status` gives it, rounded down): at least 99.9 % the operational green, at least
/// 99 % the degraded colour, at least 95 % the partial outage colour, below that the major
/// outage red.
pub(crate) fn uptime_color(scaled: i64, decimals: u32) -> &'static str {
    // scaled / 10^d >= t / 10  ⇔  10 * scaled >= t * 10^d, in integers.
    let at_least = |tenths: i64| 10 * scaled >= tenths * 10i64.pow(decimals);
    if at_least(999) {
        state_color(State::Operational)
    } else if at_least(990) {
        state_color(State::Down(Level::DegradedPerformance))
    } else if at_least(950) {
        state_color(State::Down(Level::PartialOutage))
    } else {
        state_color(State::Down(Level::MajorOutage))
    }
}

/// A badge's two texts, colour and text alternative.
pub(crate) struct Badge {
    pub label: String,
    pub message: String,
    /// The right side's colour, `#rrggbb`.
    pub color: &'static str,
    pub title: String,
}

/// Font size of badge text, in pixels (shields.io's 11 px Verdana; here DejaVu Sans).
const FONT_PX: f64 = 11.0;
/// Space left and right of each text.
const PADDING: u32 = 5;

/// How wide a badge draws `s`: its measured width rounded down, then up to an odd number of
/// pixels (so that the text's centre falls on a half pixel, as shields.io does).
pub(crate) fn text_width(s: &str) -> u32 {
    let w = textwidth::width(s, FONT_PX).floor() as u32;
    w | 1
}

impl Badge {
    /// The badge as SVG, in shields.io's "flat" geometry: each side is its text's width
    /// ([`text_width`]) plus [`PADDING`] on both sides; texts are drawn at ten times the size
    /// and scaled down, with `textLength` fitting them to the measured width whatever font the
    /// reader has.
    pub fn svg(&self) -> String {
        let (lt, mt) = (text_width(&self.label), text_width(&self.message));
        let (lw, mw) = (lt + 2 * PADDING, mt + 2 * PADDING);
        let total = lw + mw;
        // Text centres, in tenths of a pixel: the label's 1 px right of its side's centre,
        // the message's 1 px left of its own (shields.io's margins).
        let lx = 10 * (1 + PADDING) + 5 * lt;
        let mx = 10 * (lw - 1 + PADDING) + 5 * mt;
        let (label, message, title) = (
            markup(&self.label),
            markup(&self.message),
            markup(&self.title),
        );
        let color = self.color;
        let text = |x: u32, len: u32, s: &str| {
            format!(
                "<text aria-hidden=\"true\" x=\"{x}\" y=\"150\" fill=\"#010101\" fill-opacity=\".3\" transform=\"scale(.1)\" textLength=\"{l}\">{s}</text>\
                 <text x=\"{x}\" y=\"140\" transform=\"scale(.1)\" fill=\"#fff\" textLength=\"{l}\">{s}</text>",
                l = 10 * len
            )
        };
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total}\" height=\"20\" role=\"img\" aria-label=\"{title}\">\
             <title>{title}</title>\
             <linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\
             <clipPath id=\"r\"><rect width=\"{total}\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\
             <g clip-path=\"url(#r)\"><rect width=\"{lw}\" height=\"20\" fill=\"{LABEL_COLOR}\"/><rect x=\"{lw}\" width=\"{mw}\" height=\"20\" fill=\"{color}\"/><rect width=\"{total}\" height=\"20\" fill=\"url(#s)\"/></g>\
             <g fill=\"#fff\" text-anchor=\"middle\" font-family=\"DejaVu Sans,Verdana,Geneva,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\">{}{}</g>\
             </svg>\n",
            text(lx, lt, &label),
            text(mx, mt, &message),
        )
    }

    /// The shields.io endpoint JSON (schemaVersion 1) for the same badge: shields.io draws it
    /// in any of its styles. Colours without `#`, as shields.io's query strings take them.
    pub fn shields_json(&self) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Endpoint<'a> {
            schema_version: u8,
            label: &'a str,
            message: &'a str,
            color: &'a str,
            label_color: &'a str,
            /// shields.io's minimum: a status should not be cached long.
            cache_seconds: u32,
        }
        let mut json = serde_json::to_string_pretty(&Endpoint {
            schema_version: 1,
            label: &self.label,
            message: &self.message,
            color: self.color.trim_start_matches('#'),
            label_color: LABEL_COLOR.trim_start_matches('#'),
            cache_seconds: 300,
        })
        .expect("strings serialize");
        json.push('\n');
        json
    }
}

/// A visible component as its page shows it: what its badges and card are made from.
pub(super) struct Subject<'a> {
    pub component: &'a crate::input::config::Component,
    pub state: State,
    pub causes: &'a [&'a Incident],
    /// Uptime over 90 days, as `model::status` gives it ([`uptime::format_percent`] shows it).
    pub uptime90: Option<i64>,
}

/// The site's badge.
pub(super) fn overall_badge(c: &Config, t: &Catalogue, state: State) -> Badge {
    let message = text::state_message(t, state);
    Badge {
        label: text::status_label(t),
        title: text::status_title(t, &c.title, &message),
        message,
        color: state_color(state),
    }
}

/// A component's status badge.
pub(super) fn status_badge(t: &Catalogue, s: &Subject) -> Badge {
    let message = text::state_message(t, s.state);
    Badge {
        label: text::status_label(t),
        title: text::status_title(t, &s.component.display_name, &message),
        message,
        color: state_color(s.state),
    }
}

/// A component's uptime badge: the same percentage its page shows for 90 days.
pub(super) fn uptime_badge(c: &Config, t: &Catalogue, s: &Subject) -> Badge {
    let (message, color) = match s.uptime90 {
        Some(u) => (
            uptime::format_percent(u, c.uptime.decimals),
            uptime_color(u, c.uptime.decimals),
        ),
        None => (text::no_data(t), NO_DATA_COLOR),
    };
    Badge {
        label: text::uptime_label(t),
        title: text::uptime_title(t, &s.component.display_name, &message),
        message,
        color,
    }
}

/// Write `bytes` to `rel` unless the sink kept it under `key`.
fn write(w: &Writer, rel: &str, key: Option<u64>, bytes: &str) -> Result<(), RenderError> {
    match key {
        Some(k) if w.sink.reuse(rel, k) => Ok(()),
        Some(k) => w.sink.write_keyed(rel, k, bytes.as_bytes()),
        None => w.sink.write(rel, bytes.as_bytes()),
    }
    .map_err(|e| RenderError::write(rel, e))
}

/// Write a badge as `badge` (SVG) and, if given, its endpoint JSON beside `route`.
fn write_badge(
    w: &Writer,
    route: Route,
    name: &str,
    json: bool,
    key: Option<u64>,
    badge: &Badge,
) -> Result<usize, RenderError> {
    write(w, &route.beside(name), key, &badge.svg())?;
    if json {
        write(w, &route.beside(SHIELDS_JSON), key, &badge.shields_json())?;
    }
    Ok(1 + usize::from(json))
}

/// A card's incidents and maintenance, linked absolutely.
fn card_links<'a>(w: &Writer, causes: &[&'a Incident]) -> Vec<CardLinkView<'a>> {
    causes
        .iter()
        .map(|i| CardLinkView {
            title: &i.title,
            permalink: w.paths.permalink(&route_of(i).rel()),
            maintenance: i.is_maintenance(),
        })
        .collect()
}

/// The site's and each visible component's badges, endpoint JSON and cards; how many badge
/// and JSON files. `overall` is the home page's state and its causes; `items` digests a
/// component's incidents' and maintenances' front matter (what its state and uptime are made
/// from).
pub(super) fn render(
    w: &Writer,
    input: &RenderInput,
    subjects: &[Subject],
    overall: (State, &[&Incident]),
    items: &(dyn Fn(&str) -> Digest + Sync),
) -> Result<usize, RenderError> {
    let c = input.config;
    let t = &*input.locale.text;
    let (state, causes) = overall;
    // The site's: its state is every visible component's (their items: every front matter).
    let key = w.key(|k| CacheKey::Badges {
        site: k.site,
        id: None,
        items: k.fronts,
    });
    let mut files = write_badge(
        w,
        Route::Home,
        BADGE,
        true,
        key,
        &overall_badge(c, t, state),
    )?;
    let key = w.key(|k| CacheKey::Card {
        site: k.site,
        templates: k.templates,
        id: None,
        items: k.fronts,
    });
    w.emit_keyed("embed.html", &c.title, Route::Embed, key, None, || {
        EmbedPage {
            card: CardView {
                component: None,
                state: state.id(),
                label: super::status_pages::overall_label(input.locale, state),
                incidents: card_links(w, causes),
                status_url: w.paths.permalink(&Route::Home.rel()),
                site_url: w.paths.permalink(&Route::Home.rel()),
            },
        }
    })?;
    let per_component = subjects
        .par_iter()
        .map(|s| -> Result<usize, RenderError> {
            let id = s.component.id.as_str();
            let route = Route::Component(id);
            let items = items(id);
            let key = w.key(|k| CacheKey::Badges {
                site: k.site,
                id: Some(id),
                items,
            });
            let n = write_badge(w, route, BADGE, true, key, &status_badge(t, s))?
                + write_badge(w, route, UPTIME_BADGE, false, key, &uptime_badge(c, t, s))?;
            let key = w.key(|k| CacheKey::Card {
                site: k.site,
                templates: k.templates,
                id: Some(id),
                items,
            });
            w.emit_keyed(
                "embed.html",
                &s.component.display_name,
                Route::ComponentEmbed(id),
                key,
                None,
                || EmbedPage {
                    card: CardView {
                        component: Some(&s.component.display_name),
                        state: s.state.id(),
                        label: super::status_pages::state_label(w.input.locale, s.state),
                        incidents: card_links(w, s.causes),
                        status_url: w.paths.permalink(&route.rel()),
                        site_url: w.paths.permalink(&Route::Home.rel()),
                    },
                },
            )?;
            Ok(n)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    files += per_component;
    Ok(files)
}

/// A URL as a Markdown link destination: parentheses percent-encoded (the rest of a base URL
/// is plain, `input::config::normalize_base_url`).
fn md_url(url: &str) -> String {
    url.replace('(', "%28").replace(')', "%29")
}

/// Text as a Markdown image's alt text: backslash, brackets and other punctuation Markdown
/// reads escaped.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '!') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// What a query value percent-encodes: everything but RFC 3986's unreserved characters.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `![alt](img)` linked to `page`.
fn md_badge(alt: &str, img: &str, page: &str) -> String {
    format!("[![{}]({})]({})", md_text(alt), md_url(img), md_url(page))
}

/// `<a href><img></a>`: the same in HTML.
fn html_badge(alt: &str, img: &str, page: &str) -> String {
    format!(
        "<a href=\"{}\"><img src=\"{}\" alt=\"{}\" height=\"20\"></a>",
        markup(page),
        markup(img),
        markup(alt)
    )
}

/// The snippets to embed the badges and card of `component`, or the site's (no uptime badge):
/// absolute URLs from the base URL.
pub(super) fn snippets(
    c: &Config,
    t: &Catalogue,
    paths: &Paths,
    component: Option<&crate::input::config::Component>,
) -> EmbedSnippets {
    let (page_route, card_route, name) = match component {
        Some(x) => (
            Route::Component(&x.id),
            Route::ComponentEmbed(&x.id),
            x.display_name.as_str(),
        ),
        None => (Route::Home, Route::Embed, c.title.as_str()),
    };
    let page = paths.permalink(&page_route.rel());
    let badge = paths.permalink(&page_route.beside(BADGE));
    let shields = paths.permalink(&page_route.beside(SHIELDS_JSON));
    let card = paths.permalink(&card_route.rel());
    let status_alt = text::status_alt(t, name);
    let uptime = component.map(|_| paths.permalink(&page_route.beside(UPTIME_BADGE)));
    let shields_img = format!(
        "https://img.shields.io/endpoint?url={}",
        percent_encoding::utf8_percent_encode(&shields, QUERY_VALUE)
    );
    EmbedSnippets {
        badge_markdown: md_badge(&status_alt, &badge, &page),
        badge_html: html_badge(&status_alt, &badge, &page),
        uptime_markdown: uptime
            .as_ref()
            .map(|u| md_badge(&text::uptime_alt(t, name), u, &page)),
        uptime_html: uptime
            .as_ref()
            .map(|u| html_badge(&text::uptime_alt(t, name), u, &page)),
        uptime,
        shields_markdown: format!("[![{}]({shields_img})]({})", md_text(&status_alt), md_url(&page)),
        shields,
        card_html: format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"320\" height=\"180\" style=\"border:0\" loading=\"lazy\"></iframe>",
            markup(&card),
            markup(&status_alt)
        ),
        card,
        badge,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast ratio between two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let lum = |hex: &str| {
            let ch = |i: usize| {
                let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
                if c <= 0.04045 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn white_text_passes_aa_on_every_badge_colour() {
        // By hand: #cf222e is (207, 34, 46): linear 0.6239, 0.0160, 0.0273; luminance
        // 0.2126·0.6239 + 0.7152·0.0160 + 0.0722·0.0273 = 0.1460; (1.05) / (0.196) = 5.36.
        assert!((contrast("#ffffff", "#cf222e") - 5.36).abs() < 0.01);
        // shields.io's brightgreen (#44cc11) fails: 2.12.
        assert!(contrast("#ffffff", "#44cc11") < 3.0);
        let states = [
            State::Operational,
            State::UnderMaintenance,
            State::Down(Level::DegradedPerformance),
            State::Down(Level::PartialOutage),
            State::Down(Level::MajorOutage),
        ];
        let colours = states
            .iter()
            .map(|s| state_color(*s))
            .chain([LABEL_COLOR, NO_DATA_COLOR]);
        for c in colours {
            let r = contrast("#ffffff", c);
            assert!(r >= 4.5, "white on {c}: {r:.2}");
        }
    }

    #[test]
    fn uptime_thresholds() {
        let green = state_color(State::Operational);
        let red = state_color(State::Down(Level::MajorOutage));
        // decimals 2: 99.90 % is 9990.
        assert_eq!(uptime_color(9990, 2), green);
        assert_eq!(
            uptime_color(9989, 2),
            state_color(State::Down(Level::DegradedPerformance))
        );
        assert_eq!(
            uptime_color(9900, 2),
            state_color(State::Down(Level::DegradedPerformance))
        );
        assert_eq!(
            uptime_color(9899, 2),
            state_color(State::Down(Level::PartialOutage))
        );
        assert_eq!(
            uptime_color(9500, 2),
            state_color(State::Down(Level::PartialOutage))
        );
        assert_eq!(uptime_color(9499, 2), red);
        // decimals 0: 100 % and 99 % (99.9 cannot be shown: 99 is below it).
        assert_eq!(uptime_color(100, 0), green);
        assert_eq!(
            uptime_color(99, 0),
            state_color(State::Down(Level::DegradedPerformance))
        );
        // decimals 3: 99.900 %.
        assert_eq!(uptime_color(99_900, 3), green);
    }

    #[test]
    fn widths_are_odd_and_measured() {
        // "status" in DejaVu Sans at 11 px: s 1067 + t 803 + a 1255 + t 803 + u 1298 + s 1067
        // = 6293 units · 11 / 2048 = 33.80 → 33 (odd).
        assert_eq!(text_width("status"), 33);
        // "build" 27.05 → 27, shields.io's width for it.
        assert_eq!(text_width("build"), 27);
        for s in [
            "operational",
            "major outage",
            "99.95%",
            "انقطاع كبير",
            "稼働中",
        ] {
            assert_eq!(text_width(s) % 2, 1, "{s}");
        }
    }

    #[test]
    fn svg_geometry() {
        let b = Badge {
            label: "status".into(),
            message: "major outage".into(),
            color: "#cf222e",
            title: "API status: major outage".into(),
        };
        let svg = b.svg();
        let (l, m) = (text_width("status"), text_width("major outage"));
        let total = l + 10 + m + 10;
        assert!(
            svg.contains(&format!("width=\"{total}\" height=\"20\"")),
            "{svg}"
        );
        assert!(svg.contains(&format!("textLength=\"{}\"", 10 * l)));
        assert!(svg.contains(&format!("textLength=\"{}\"", 10 * m)));
        assert!(svg.contains("<title>API status: major outage</title>"));
        assert!(svg.contains("aria-label=\"API status: major outage\""));
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(md_text("A [b] *c*"), "A \\[b\\] \\*c\\*");
        assert_eq!(md_url("https://x/a(b)/"), "https://x/a%28b%29/");
    }
}
