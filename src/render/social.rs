//! Link previews (docs/link-previews.md): what a page's OpenGraph and Twitter tags say
//! ([`MetaView`]: description, type, times, image), `robots.txt`, and the social cards — one
//! PNG of 1200×630 per incident and one for the site, drawn at build time from an SVG made here
//! with `resvg` and the bundled DejaVu Sans (compiled in; no system font is ever read, so the
//! bytes are the same on every machine).
//!
//! usvg cannot wrap text, so titles are measured here (advance widths from the font's `hmtx`,
//! through `skrifa`, the font reader usvg itself uses) and broken into lines by width; what
//! does not fit in the lines a card has ends with `…`. A character the font has no glyph for
//! (DejaVu has no CJK) is left out of the card (never drawn as a box, never a panic); a title
//! left with nothing to draw shows the incident's slug. The page's tags carry the full text.

use super::context::{ImageView, MetaView};
use crate::input::config::Config;
use crate::model::Incident;
use crate::util::escape::markup;
use crate::util::timefmt::{iso_utc, Locale};
use chrono::{DateTime, Utc};
use resvg::{tiny_skia, usvg};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::{Arc, OnceLock};

/// A card's size in pixels (the size OpenGraph and Twitter's large cards show at 1:1).
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
/// The card's file name: `og.png` at the root (the site's) and beside each incident's page.
pub const CARD_FILE: &str = "og.png";
/// The longest description a tag carries, in characters (longer ones are cut at a word).
pub const DESCRIPTION_MAX: usize = 200;

/// Every string of link previews, from the message catalogue (`card-*` in
/// `themes/default/i18n/en.ftl`).
pub mod text {
    use crate::util::i18n::{Arg, Catalogue};

    /// The card's fact labels.
    pub fn severity(t: &Catalogue) -> String {
        t.get("card-severity")
    }
    pub fn status(t: &Catalogue) -> String {
        t.get("card-status")
    }
    pub fn duration(t: &Catalogue) -> String {
        t.get("card-duration")
    }
    /// The duration label of an incident still going on.
    pub fn ongoing_for(t: &Catalogue) -> String {
        t.get("card-ongoing-for")
    }
    /// A duration not known.
    pub fn unknown(t: &Catalogue) -> String {
        t.get("card-duration-unknown")
    }

    /// The description of a page when neither it nor site.toml gives one.
    pub fn site_description(t: &Catalogue, site: &str) -> String {
        t.format("card-site-description", &[("site", Arg::Str(site))])
    }

    /// The text alternative of an incident's card.
    pub fn incident_card_alt(
        t: &Catalogue,
        title: &str,
        severity: &str,
        status: &str,
        duration_label: &str,
        duration: &str,
        site: &str,
    ) -> String {
        t.format(
            "card-incident-alt",
            &[
                ("title", Arg::Str(title)),
                ("severity", Arg::Str(severity)),
                ("status", Arg::Str(status)),
                ("label", Arg::Str(duration_label)),
                ("duration", Arg::Str(duration)),
                ("site", Arg::Str(site)),
            ],
        )
    }

    /// The text alternative of the site's card.
    pub fn site_card_alt(t: &Catalogue, site: &str, description: &str) -> String {
        if description.is_empty() {
            site.to_string()
        } else {
            t.format(
                "card-site-alt",
                &[
                    ("site", Arg::Str(site)),
                    ("description", Arg::Str(description)),
                ],
            )
        }
    }
}

/// The bundled fonts (one copy in the binary, shared with the badges' measurements).
use crate::util::textwidth::{DEJAVU_SANS as REGULAR, DEJAVU_SANS_BOLD as BOLD};
/// The family both files declare.
const FAMILY: &str = "DejaVu Sans";

/// `text` as a description: whitespace collapsed, at most [`DESCRIPTION_MAX`] characters, cut
/// at the last space that keeps it under (or mid-word when one word is longer), with `…`.
pub fn describe(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() <= DESCRIPTION_MAX {
        return joined;
    }
    // Room for the ellipsis: the kept text is at most MAX - 1 characters.
    let cut = joined
        .char_indices()
        .nth(DESCRIPTION_MAX - 1)
        .map_or(joined.len(), |(i, _)| i);
    let head = &joined[..cut];
    let head = match head.rfind(' ') {
        // A word boundary well inside: cut there (a space right after `head` is one too).
        _ if joined[cut..].starts_with(' ') => head,
        Some(i) if i >= DESCRIPTION_MAX / 2 => &head[..i],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{head}…")
}

/// The metadata of a page with nothing of its own to say: the site's description (or
/// [`text::site_description`]) and the site's card.
pub fn site_meta(config: &Config, loc: &Locale) -> MetaView {
    let t = &*loc.text;
    let description = match config.description.trim() {
        "" => text::site_description(t, &config.title),
        d => describe(d),
    };
    MetaView {
        og_type: "website",
        published: None,
        modified: None,
        image: config.social_cards.then(|| ImageView {
            url: format!("{}{CARD_FILE}", config.base_url),
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            alt: text::site_card_alt(t, &config.title, &describe(&config.description)),
        }),
        description,
    }
}

/// An incident page's metadata (its description empty when the incident has no summary: the
/// caller puts the site's in) and its card's SVG (`None` with `[social] cards = false`).
/// `dir` is the page's absolute URL.
pub fn incident(
    config: &Config,
    loc: &Locale,
    i: &Incident,
    now: DateTime<Utc>,
    dir: &str,
) -> (MetaView, Option<String>) {
    let t = &*loc.text;
    let (published, modified) = i.published_updated(now);
    let severity = config.severity(&i.severity);
    let severity_name = severity.map_or(i.severity.as_str(), |s| s.name.as_str());
    let (duration_label, duration) = match (i.duration_seconds(), i.ongoing_for(now)) {
        (Some(s), _) => (text::duration(t), loc.duration(s)),
        (None, Some(s)) => (text::ongoing_for(t), loc.duration(s)),
        (None, None) => (text::duration(t), text::unknown(t)),
    };
    let status = t.label("status", i.status.id());
    let (severity_label, status_label) = (text::severity(t), text::status(t));
    let card = config.social_cards.then(|| {
        let (bg, fg) = severity.map_or(("#495057", "#ffffff"), |s| {
            (s.color.as_str(), super::text_color_for(&s.color))
        });
        let footer = host_and_path(&config.base_url);
        svg(&Card {
            site: &config.title,
            title: &i.title,
            fallback_title: &i.slug,
            subtitle: "",
            accent: bg,
            facts: vec![
                Fact {
                    label: &severity_label,
                    value: severity_name,
                    pill: Some((bg, fg)),
                },
                Fact {
                    label: &status_label,
                    value: &status,
                    pill: None,
                },
                Fact {
                    label: &duration_label,
                    value: &duration,
                    pill: None,
                },
            ],
            footer,
        })
    });
    let meta = MetaView {
        description: describe(&i.summary),
        og_type: "article",
        published: Some(iso_utc(published)),
        modified: Some(iso_utc(modified)),
        image: card.is_some().then(|| ImageView {
            url: format!("{dir}{CARD_FILE}"),
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            alt: text::incident_card_alt(
                t,
                &i.title,
                severity_name,
                &status,
                &duration_label,
                &duration,
                &config.title,
            ),
        }),
    };
    (meta, card)
}

/// The site's card: its title, description and address.
pub fn site_card_svg(config: &Config) -> String {
    svg(&Card {
        site: host_and_path(&config.base_url),
        title: &config.title,
        fallback_title: host_and_path(&config.base_url),
        subtitle: config.description.trim(),
        accent: "#343a40",
        facts: Vec::new(),
        footer: "",
    })
}

/// `status.example.com/sub/` from `https://status.example.com/sub/`.
fn host_and_path(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.strip_suffix('/').unwrap_or(rest)
}

/// What a card shows.
pub struct Card<'a> {
    /// The line at the top (the site's name on an incident card; its host on the site's).
    pub site: &'a str,
    pub title: &'a str,
    /// Shown instead of a title that has nothing the font can draw.
    pub fallback_title: &'a str,
    /// Text under the title (the site's description on its card).
    pub subtitle: &'a str,
    /// `#rrggbb`: the band down the left side.
    pub accent: &'a str,
    /// Facts along the bottom: label, value, and for a value shown on a coloured pill, its
    /// background and text colours.
    pub facts: Vec<Fact<'a>>,
    /// The line at the bottom (the site's address).
    pub footer: &'a str,
}

pub struct Fact<'a> {
    pub label: &'a str,
    pub value: &'a str,
    pub pill: Option<(&'a str, &'a str)>,
}

/// A face's advance widths, from its own bytes.
struct Face {
    font: FontRef<'static>,
    units_per_em: f32,
}

impl Face {
    fn get(bold: bool) -> Option<&'static Face> {
        static FACES: OnceLock<[Option<Face>; 2]> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            let make = |bytes: &'static [u8]| {
                let font = FontRef::new(bytes).ok()?;
                let units_per_em = font
                    .metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em as f32;
                Some(Face { font, units_per_em })
            };
            [make(REGULAR), make(BOLD)]
        });
        faces[bold as usize].as_ref()
    }

    /// Whether the face draws `c` (whitespace always counts as drawable).
    fn has(&self, c: char) -> bool {
        c.is_whitespace() || self.font.charmap().map(c).is_some()
    }

    /// The width of `s` at `size` pixels, without kerning (which only narrows Latin text: a
    /// measured line never overflows).
    fn width(&self, s: &str, size: f32) -> f32 {
        let charmap = self.font.charmap();
        let metrics = self
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        let units: f32 = s
            .chars()
            .map(|c| {
                let g = charmap.map(c).unwrap_or_default();
                metrics.advance_width(g).unwrap_or(0.0)
            })
            .sum();
        units * size / self.units_per_em
    }
}

/// A text set in one face and size, in at most `max_lines` lines of at most `width` pixels.
struct Block {
    bold: bool,
    size: f32,
    width: f32,
    max_lines: usize,
}

impl Block {
    /// `text`'s lines: greedy by words, a word wider than a line broken by characters, the
    /// last line ending in `…` when text is left over. Characters the face lacks are dropped.
    fn wrap(&self, text: &str) -> Vec<String> {
        let Some(face) = Face::get(self.bold) else {
            return Vec::new();
        };
        let fits = |s: &str| face.width(s, self.size) <= self.width;
        let drawable: String = text.chars().filter(|c| face.has(*c)).collect();
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in drawable.split_whitespace() {
            let joined = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fits(&joined) {
                line = joined;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word too wide for a line of its own: as many characters as fit, line by line.
            for c in word.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
            if lines.len() > self.max_lines {
                break;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if lines.len() > self.max_lines {
            lines.truncate(self.max_lines);
            if let Some(last) = lines.last_mut() {
                *last = ellipsize(face, last, self.size, self.width, true);
            }
        }
        lines
    }

    /// One line of `text`, ending in `…` if it had to be cut.
    fn line(&self, text: &str) -> String {
        let one = Block {
            max_lines: 1,
            ..*self
        };
        one.wrap(text).into_iter().next().unwrap_or_default()
    }
}

/// `s` shortened until `s…` fits `width` (with `…` always when `always`).
fn ellipsize(face: &Face, s: &str, size: f32, width: f32, always: bool) -> String {
    if !always && face.width(s, size) <= width {
        return s.to_string();
    }
    let mut out: String = s.trim_end().to_string();
    while !out.is_empty() && face.width(&format!("{out}…"), size) > width {
        out.pop();
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
    }
    format!("{out}…")
}

const LEFT: f32 = 80.0;
const TEXT_WIDTH: f32 = CARD_WIDTH as f32 - 2.0 * LEFT;
const INK: &str = "#212529";
const MUTED: &str = "#495057";

/// The card's SVG: every text from content escaped, every line measured.
pub fn svg(card: &Card) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" \
         viewBox=\"0 0 {CARD_WIDTH} {CARD_HEIGHT}\" font-family=\"{FAMILY}\">\n\
         <rect width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" fill=\"#ffffff\"/>\n\
         <rect width=\"24\" height=\"{CARD_HEIGHT}\" fill=\"{}\"/>\n",
        markup(card.accent)
    );
    let text = |out: &mut String, x: f32, y: f32, size: f32, bold: bool, fill: &str, s: &str| {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>\n",
            markup(s)
        ));
    };
    let site = Block {
        bold: false,
        size: 32.0,
        width: TEXT_WIDTH,
        max_lines: 1,
    };
    text(
        &mut out,
        LEFT,
        96.0,
        32.0,
        false,
        MUTED,
        &site.line(card.site),
    );
    // The title: three lines with facts under it, two with a subtitle.
    let (size, step, max_lines) = match card.subtitle.is_empty() {
        true => (60.0, 76.0, 3),
        false => (72.0, 88.0, 2),
    };
    let title = Block {
        bold: true,
        size,
        width: TEXT_WIDTH,
        max_lines,
    };
    let mut lines = title.wrap(card.title);
    if lines.is_empty() {
        lines = title.wrap(card.fallback_title);
    }
    let mut y = 110.0;
    for l in &lines {
        y += step;
        text(&mut out, LEFT, y, size, true, INK, l);
    }
    if !card.subtitle.is_empty() {
        let sub = Block {
            bold: false,
            size: 36.0,
            width: TEXT_WIDTH,
            max_lines: 3,
        };
        y += 30.0;
        for l in sub.wrap(card.subtitle) {
            y += 48.0;
            text(&mut out, LEFT, y, 36.0, false, MUTED, &l);
        }
    }
    facts(&mut out, &card.facts);
    let footer = Block {
        bold: false,
        size: 26.0,
        width: TEXT_WIDTH,
        max_lines: 1,
    };
    text(
        &mut out,
        LEFT,
        598.0,
        26.0,
        false,
        MUTED,
        &footer.line(card.footer),
    );
    out.push_str("</svg>\n");
    out
}

/// The sizes a fact's value may be drawn at, largest first: a value too wide for its column
/// at one size (a long status or duration in German or Arabic) is drawn at the next, and only
/// cut with `…` at the smallest.
const FACT_SIZES: [f32; 4] = [38.0, 33.0, 29.0, 25.0];

/// The facts along the bottom, in equal columns: a label over a value.
fn facts(out: &mut String, facts: &[Fact]) {
    if facts.is_empty() {
        return;
    }
    let column = TEXT_WIDTH / facts.len() as f32;
    let room = column - 60.0;
    for (k, f) in facts.iter().enumerate() {
        let x = LEFT + column * k as f32;
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"456\" font-size=\"26\" fill=\"{MUTED}\">{}</text>\n",
            markup(f.label)
        ));
        // The largest size the whole value fits at, else the smallest, cut.
        let width = |s: &str, size: f32| Face::get(true).map_or(0.0, |face| face.width(s, size));
        let size = FACT_SIZES
            .into_iter()
            .find(|&size| width(f.value, size) <= room)
            .unwrap_or(FACT_SIZES[FACT_SIZES.len() - 1]);
        let value = Block {
            bold: true,
            size,
            width: room,
            max_lines: 1,
        };
        let shown = value.line(f.value);
        let (fill, tx) = match f.pill {
            Some((bg, fg)) => {
                out.push_str(&format!(
                    "<rect x=\"{x}\" y=\"474\" width=\"{}\" height=\"60\" rx=\"10\" fill=\"{}\"/>\n",
                    (width(&shown, size) + 36.0).round(),
                    markup(bg)
                ));
                (fg, x + 18.0)
            }
            None => (INK, x),
        };
        out.push_str(&format!(
            "<text x=\"{tx}\" y=\"518\" font-size=\"{size}\" font-weight=\"bold\" fill=\"{}\">{}</text>\n",
            markup(fill),
            markup(&shown)
        ));
    }
}

/// The fonts every card is drawn with: the two bundled faces, nothing else.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for bytes in [REGULAR, BOLD] {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(bytes)));
        }
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The card's SVG as a tree: what drawing needs, and all that `check` does (a tree that
/// parses draws).
fn tree(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        font_family: FAMILY.into(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())
}

/// Parse the card's SVG without drawing it (for sinks that keep no bytes).
pub fn validate(svg: &str) -> Result<(), String> {
    tree(svg).map(drop)
}

/// The card as PNG bytes: the SVG drawn at 1:1 onto 1200×630.
pub fn png(svg: &str, stamp: &str) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT)
        .ok_or_else(|| "cannot allocate the card".to_string())?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    encode(&pixmap, stamp)
}

/// The PNG text chunk keyword under which a card says what it was drawn from.
const STAMP_KEYWORD: &str = "afterword-card";

/// What a card is drawn from, as the text its PNG carries: the SVG (everything the card
/// shows), afterword's version (the fonts and the renderer are compiled in) and the card
/// format. A build keeps a previous card with the same stamp instead of drawing it again.
pub fn stamp(svg: &str) -> String {
    format!(
        "v1 afterword {} {:016x}",
        env!("CARGO_PKG_VERSION"),
        xxhash_rust::xxh3::xxh3_64(svg.as_bytes())
    )
}

/// The stamp a PNG carries, if it is a card afterword drew: read from the chunks before the
/// image data, nothing decoded.
pub fn stamp_of(png_bytes: &[u8]) -> Option<String> {
    let reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
        .read_info()
        .ok()?;
    let info = reader.info();
    (info.width == CARD_WIDTH && info.height == CARD_HEIGHT).then_some(())?;
    info.uncompressed_latin1_text
        .iter()
        .find(|t| t.keyword == STAMP_KEYWORD)
        .map(|t| t.text.clone())
}

/// The pixels as a PNG with the fast deflate: several times quicker than tiny-skia's own
/// encoding at its default compression, for files about as small. The card is opaque (its first
/// shape fills it), so its premultiplied pixels are the straight RGBA a PNG holds.
fn encode(pixmap: &tiny_skia::Pixmap, stamp: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, CARD_WIDTH, CARD_HEIGHT);
    encoder
        .add_text_chunk(STAMP_KEYWORD.to_string(), stamp.to_string())
        .map_err(|e| e.to_string())?;
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(pixmap.data())
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// `robots.txt`: every crawler allowed under the base path and pointed at the sitemap; with
/// `noindex`, every crawler disallowed there (and no sitemap).
pub fn robots_txt(config: &Config) -> String {
    let base = config.base_path();
    if config.noindex {
        format!("User-agent: *\nDisallow: {base}\n")
    } else {
        format!(
            "User-agent: *\nAllow: {base}\n\nSitemap: {}sitemap.xml\n",
            config.base_url
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_carries_its_stamp_and_nothing_else_has_one() {
        let svg = svg(&Card {
            site: "status.example.com",
            title: "Example status",
            fallback_title: "status.example.com",
            subtitle: "",
            accent: "#343a40",
            facts: Vec::new(),
            footer: "",
        });
        let stamp = stamp(&svg);
        assert!(stamp.starts_with("v1 afterword "), "{stamp}");
        let bytes = png(&svg, &stamp).unwrap();
        assert_eq!(stamp_of(&bytes), Some(stamp.clone()));
        // Another SVG, another stamp; not a PNG, or cut short: none.
        assert_ne!(super::stamp(&svg.replace("</svg>", "<g/></svg>")), stamp);
        assert_eq!(stamp_of(b"not a png"), None);
        assert_eq!(stamp_of(&bytes[..20]), None);
    }

    #[test]
    fn descriptions_are_cut_at_a_word_and_char_boundary() {
        assert_eq!(describe("  A  short\n text. "), "A short text.");
        // 60 words of "word" (4 chars) + spaces: 299 characters; the 199 kept characters end
        // inside the 40th word ("word" at 195..199 is whole: 40 × 5 - 1 = 199), so the cut
        // falls at the space after it.
        let long = vec!["word"; 60].join(" ");
        let d = describe(&long);
        assert_eq!(d, format!("{}…", vec!["word"; 40].join(" ")));
        assert!(d.chars().count() <= DESCRIPTION_MAX);
        // Multi-byte characters and no spaces: cut mid-text, on a character boundary.
        let cjk = "障".repeat(300);
        let d = describe(&cjk);
        assert_eq!(d.chars().count(), DESCRIPTION_MAX);
        assert!(d.ends_with('…'));
    }

    #[test]
    fn a_long_fact_value_is_drawn_smaller_before_it_is_cut() {
        // Three columns of (1200 - 160) / 3 - 60 = 286.7 px. "Nachbetrachtung" (German:
        // postmortem, cut to "Nachbetrac…" before) is wider than that at 38 px, so it is drawn
        // smaller, whole; a value too long for the smallest size is cut there.
        let face = Face::get(true).expect("bundled font");
        let long = "Nachbetrachtung";
        assert!(face.width(long, 38.0) > 286.7);
        let card = |value: &'static str| Card {
            site: "Status",
            title: "Title",
            fallback_title: "Title",
            subtitle: "",
            facts: vec![
                Fact {
                    label: "Severity",
                    value: "Major",
                    pill: None,
                },
                Fact {
                    label: "Status",
                    value,
                    pill: Some(("#000000", "#ffffff")),
                },
                Fact {
                    label: "Duration",
                    value: "2h 5m",
                    pill: None,
                },
            ],
            footer: "",
            accent: "#000000",
        };
        let svg = svg(&card(long));
        let drawn = FACT_SIZES
            .into_iter()
            .find(|&size| face.width(long, size) <= 286.7)
            .expect("it fits at a smaller size");
        assert!(drawn < 38.0);
        assert!(
            svg.contains(&format!(
                "font-size=\"{drawn}\" font-weight=\"bold\" fill=\"#ffffff\">{long}</text>"
            )),
            "{svg}"
        );
        // Short values keep the full size.
        assert!(svg.contains("font-size=\"38\" font-weight=\"bold\" fill=\"#212529\">Major</text>"));
        let endless = "Nachbetrachtung ausstehend und noch viel länger als jede Spalte";
        let svg = super::svg(&card(endless));
        assert!(
            svg.contains("font-size=\"25\" font-weight=\"bold\" fill=\"#ffffff\">Nachbetrachtung")
        );
        assert!(svg.contains("…</text>"));
    }

    #[test]
    fn long_titles_wrap_into_three_lines_and_end_with_an_ellipsis() {
        let block = Block {
            bold: true,
            size: 60.0,
            width: TEXT_WIDTH,
            max_lines: 3,
        };
        let face = Face::get(true).expect("bundled font");
        let lines = block.wrap(&"Database failover took longer than expected ".repeat(10));
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        for l in &lines {
            assert!(face.width(l, 60.0) <= TEXT_WIDTH, "{l}");
        }
        // One unbroken word: broken by characters.
        let lines = block.wrap(&"x".repeat(200));
        assert_eq!(lines.len(), 3);
        // CJK: DejaVu has no glyph, nothing is drawn, nothing panics.
        assert!(block.wrap("数据库故障").is_empty());
        assert_eq!(block.wrap("API 数据库 down"), vec!["API down".to_string()]);
    }

    #[test]
    fn content_is_escaped_in_the_svg() {
        let card = Card {
            site: "A & B",
            title: "<script>\"x\"</script>",
            fallback_title: "slug",
            subtitle: "",
            accent: "#c92a2a",
            facts: vec![Fact {
                label: "Status",
                value: "Resolved",
                pill: None,
            }],
            footer: "status.example.com",
        };
        let s = svg(&card);
        assert!(s.contains("A &amp; B"));
        assert!(!s.contains("<script>"));
        validate(&s).expect("parses");
    }
}

/// What one card costs, step by step (`cargo test --lib card_cost -- --ignored --nocapture`):
/// a measurement, not a check (the numbers depend on the machine and the build profile).
#[cfg(test)]
mod cost {
    use super::*;
    use std::time::Instant;

    #[test]
    #[ignore]
    fn card_cost() {
        let card = Card {
            site: "Lumen Cloud Status History",
            title: "Dashboard, API and webhooks unavailable after a cluster upgrade went wrong",
            fallback_title: "slug",
            subtitle: "",
            accent: "#c92a2a",
            facts: vec![
                Fact {
                    label: "Severity",
                    value: "Critical",
                    pill: Some(("#c92a2a", "#ffffff")),
                },
                Fact {
                    label: "Status",
                    value: "Resolved",
                    pill: None,
                },
                Fact {
                    label: "Duration",
                    value: "12h 17m",
                    pill: None,
                },
            ],
            footer: "status.example.com",
        };
        let n = 20;
        let _ = png(&svg(&card), "test");
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(svg(&card));
        }
        let s = svg(&card);
        let t_svg = t.elapsed() / n;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(tree(&s).unwrap());
        }
        let t_tree = t.elapsed() / n;
        let tr = tree(&s).unwrap();
        let mut pixmap = tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT).unwrap();
        let t = Instant::now();
        for _ in 0..n {
            resvg::render(&tr, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        }
        let t_draw = t.elapsed() / n;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(encode(&pixmap, "test").unwrap());
        }
        let t_png = t.elapsed() / n;
        eprintln!(
            "per card: svg {t_svg:?}, parse+shape {t_tree:?}, draw {t_draw:?}, png {t_png:?}"
        );
    }
}
