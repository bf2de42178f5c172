//! How wide a line of text is, from real font metrics: DejaVu Sans (assets/fonts/, compiled in,
//! so every machine measures the same), shaped with `harfrust` (kerning, Arabic joining forms; the shaper usvg draws the social cards with).
//! Badges size their segments with it (`render::badges`).
//!
//! DejaVu has no CJK glyphs: a character the font lacks counts one em, which is what CJK fonts
//! give their ideographs and kana.
//!
//! A leaf: it knows text and fonts, nothing of incidents.

use harfrust::{ShapeOptions, ShaperData, UnicodeBuffer};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// DejaVu Sans 2.37 (Bitstream Vera licence; assets/fonts/LICENSE-DejaVu.txt). The one copy
/// in the binary: the social cards draw with it too.
pub static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold 2.37, for the social cards' titles.
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The font as `skrifa` reads it (`harfrust` shapes with the same reader, as usvg does).
fn font() -> FontRef<'static> {
    FontRef::new(DEJAVU_SANS).expect("the bundled font parses")
}

/// The font's units per em (2048 for DejaVu).
fn units_per_em() -> i64 {
    static UPEM: OnceLock<i64> = OnceLock::new();
    *UPEM.get_or_init(|| {
        font()
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em
            .into()
    })
}

/// The shaping tables harfrust prepares once per font.
fn shaper_data() -> &'static ShaperData {
    static DATA: OnceLock<ShaperData> = OnceLock::new();
    DATA.get_or_init(|| ShaperData::new(&font()))
}

/// The advances of `text` shaped as one run (harfrust guesses its script and direction), in
/// font units, one em for a glyph the font lacks.
fn shaped_units(text: &str) -> i64 {
    let font = font();
    let shaper = shaper_data().shaper(&font).build();
    let mut buf = UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    let shaped = shaper.shape(buf, ShapeOptions::new());
    shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            if info.glyph_id == 0 {
                // .notdef: a character DejaVu lacks (CJK), one em.
                units_per_em()
            } else {
                i64::from(pos.x_advance)
            }
        })
        .sum()
}

/// The advance width of `text` set in one line of DejaVu Sans at `px` pixels; a character the
/// font has no glyph for counts one em. Text in Latin, Greek or Cyrillic without combining
/// marks is the sum of its characters' advances ([`advances`]); any other text is shaped
/// with harfrust (Arabic joining forms, marks, each script run in its own direction), which
/// costs more: in a debug build 0.9 ms for "انقطاع كبير" against 50 µs for "major outage"
/// summed (a release build: about 1 µs summed).
pub fn width(text: &str, px: f64) -> f64 {
    let upem = units_per_em() as f64;
    if text.chars().all(simple) {
        return advances(text) as f64 * px / upem;
    }
    // One shaping run per script run: `guess_segment_properties` takes the first strong
    // script of a buffer, so mixed Latin and Arabic are shaped a run at a time.
    let units: i64 = script_runs(text).into_iter().map(shaped_units).sum();
    units as f64 * px / upem
}

/// Whether `c` needs no shaping: Latin, Greek and Cyrillic letters without combining marks,
/// digits and punctuation (one glyph each, no joining forms).
fn simple(c: char) -> bool {
    let c = c as u32;
    c < 0x0300
        || (0x0370..0x0483).contains(&c)
        || (0x048A..0x0590).contains(&c)
        || (0x2000..0x206F).contains(&c)
}

/// The font's advance widths of `text`'s characters, summed in font units, one em for a
/// character it has no glyph for. This is what shields.io does with its Verdana table: no
/// kerning, which moves these scripts by a fraction of a pixel (and `textLength` fits the
/// drawn text to the measured width anyway).
fn advances(text: &str) -> i64 {
    let font = font();
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            charmap
                .map(c)
                .and_then(|g| metrics.advance_width(g))
                // Unscaled advances are whole font units.
                .map_or(units_per_em(), |w| w as i64)
        })
        .sum()
}

/// `text` cut where the script changes between Latin-like and right-to-left or CJK text, so
/// each piece shapes with one script and direction. Spaces, digits and punctuation stay with
/// the run before them.
fn script_runs(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Neutral,
        Rtl,
        Cjk,
        Other,
    }
    let kind = |c: char| match c as u32 {
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF => Kind::Rtl,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => Kind::Cjk,
        0x20000..=0x3FFFF => Kind::Cjk,
        _ if !c.is_alphabetic() => Kind::Neutral,
        _ => Kind::Other,
    };
    let mut runs = Vec::new();
    let (mut start, mut current) = (0, Kind::Neutral);
    for (i, c) in text.char_indices() {
        let k = kind(c);
        if k == Kind::Neutral || k == current {
            continue;
        }
        if current != Kind::Neutral && i > start {
            runs.push(&text[start..i]);
            start = i;
        }
        current = k;
    }
    if start < text.len() {
        runs.push(&text[start..]);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unshaped(text: &str, px: f64) -> f64 {
        advances(text) as f64 * px / 2048.0
    }

    /// `text` shaped, as any text outside the simple scripts is.
    fn shaped(text: &str, px: f64) -> f64 {
        shaped_units(text) as f64 * px / 2048.0
    }

    #[test]
    fn latin_widths_match_the_advance_table() {
        // DejaVu Sans at 11 px, upem 2048: "build" is b 1300 + u 1298 + i 569 + l 569 + d 1300
        // = 5036 units = 27.05 px (shields' Verdana: 27).
        assert!((unshaped("build", 11.0) - 27.05).abs() < 0.01);
        assert_eq!(units_per_em(), 2048);
        // Latin is not shaped; shaping would add DejaVu's kerning, under a pixel on these.
        for w in [
            "build",
            "status",
            "operational",
            "major outage",
            "99.95%",
            "Betriebsbereit",
        ] {
            assert_eq!(width(w, 11.0), unshaped(w, 11.0));
            let (a, b) = (shaped(w, 11.0), unshaped(w, 11.0));
            assert!((a - b).abs() < 1.0, "{w}: shaped {a}, unshaped {b}");
        }
    }

    #[test]
    fn arabic_is_shaped() {
        // Joined forms are narrower than the isolated letters summed (76.3 px): measured with
        // rustybuzz in the research prototype, the same with harfrust at 52.1 px.
        let w = width("انقطاع كبير", 11.0);
        assert!((w - 52.1).abs() < 0.5, "{w}");
        assert!(unshaped("انقطاع كبير", 11.0) > 70.0);
    }

    #[test]
    fn cjk_counts_one_em_per_character() {
        // DejaVu has no ideographs: 4 characters at 11 px = 44 px.
        assert!((width("重大障害", 11.0) - 44.0).abs() < 0.01);
        // Mixed: the Latin part keeps its own width.
        let mixed = width("API 障害", 11.0);
        assert!(
            (mixed - (width("API ", 11.0) + 22.0)).abs() < 0.01,
            "{mixed}"
        );
    }

    #[test]
    fn runs_split_by_script() {
        assert_eq!(script_runs("major outage"), ["major outage"]);
        assert_eq!(script_runs("API: انقطاع"), ["API: ", "انقطاع"]);
        assert_eq!(script_runs("99% 稼働"), ["99% 稼働"]);
        assert_eq!(script_runs("x稼働y"), ["x", "稼働", "y"]);
        assert!(script_runs("").is_empty());
    }
}
