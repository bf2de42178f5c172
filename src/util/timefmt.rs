//! Time: reading TOML datetimes in a zone, and showing instants and durations: for machines
//! (ISO 8601, RFC 2822/3339) as free functions, for readers in the site's language through a
//! [`Locale`] (ICU4X dates, Fluent durations). The only place date strings are made.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::util::i18n::{Arg, Catalogue};

/// The supported range of instants, in UTC seconds since the Unix epoch: 1970-01-01T00:00:00Z
/// to 9999-12-30T23:59:59Z, both included. Every instant in it can be written in every output
/// format (RFC 3339, RFC 2822, iCalendar, the Statuspage API) and shown as a local date in any
/// time zone without leaving years 1–9999.
pub const EARLIEST_SECS: i64 = 0;
/// See [`EARLIEST_SECS`]: 9999-12-30T23:59:59Z.
pub const LATEST_SECS: i64 = 253_402_214_399;
/// The range as people read it, for messages and docs.
pub const RANGE_TEXT: &str = "1970-01-01T00:00:00Z to 9999-12-30T23:59:59Z";

/// `t` when it lies in the supported range, else a message saying so.
pub fn check_range(t: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let s = t.timestamp();
    if (EARLIEST_SECS..=LATEST_SECS).contains(&s) {
        Ok(t)
    } else {
        Err(format!(
            "{} (UTC) is outside the supported range, {RANGE_TEXT}",
            t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        ))
    }
}

/// Why a TOML date or time was refused: the message, a hint (may be empty), and whether the
/// value is a real date and time that lies outside the supported range (`E0023
/// time-out-of-range`) rather than a value that is not a valid time at all (`E0009 bad-time`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeError {
    pub message: String,
    pub help: String,
    pub out_of_range: bool,
}

impl TimeError {
    fn bad(message: String, help: impl Into<String>) -> Self {
        TimeError {
            message,
            help: help.into(),
            out_of_range: false,
        }
    }

    /// `utc`: the instant `dt` names, when chrono can hold it.
    fn range(dt: &toml::value::Datetime, utc: Option<DateTime<Utc>>) -> Self {
        let message = match utc {
            Some(u) => format!(
                "`{dt}` is {} in UTC, outside the supported time range",
                u.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
            ),
            None => format!("`{dt}` is outside the supported time range"),
        };
        TimeError {
            message,
            help: format!("write a time from {RANGE_TEXT}"),
            out_of_range: true,
        }
    }
}

/// Turn a TOML datetime into a UTC instant in the supported range ([`check_range`]).
/// Offset-less times are read in `tz`. Never panics, whatever the year or offset.
pub fn resolve(dt: &toml::value::Datetime, tz: Tz) -> Result<DateTime<Utc>, TimeError> {
    let (Some(d), Some(t)) = (dt.date, dt.time) else {
        return Err(TimeError::bad(
            format!("`{dt}` is not a date and time"),
            "write a full date and time, e.g. `2024-10-02T12:02:00Z`",
        ));
    };
    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        .ok_or_else(|| TimeError::bad(format!("`{dt}` is not a valid date"), ""))?;
    let time = NaiveTime::from_hms_nano_opt(
        t.hour.into(),
        t.minute.into(),
        t.second.into(),
        t.nanosecond,
    )
    .ok_or_else(|| TimeError::bad(format!("`{dt}` is not a valid time"), ""))?;
    let naive = date.and_time(time);
    let utc = match dt.offset {
        Some(toml::value::Offset::Z) => Utc.from_utc_datetime(&naive),
        Some(toml::value::Offset::Custom { minutes }) => {
            // Checked: chrono's own range ends at year 262143, so this cannot fail for a
            // four-digit TOML year, but nothing here may panic on input.
            let shifted = chrono::Duration::try_minutes(minutes.into())
                .and_then(|m| naive.checked_sub_signed(m))
                .ok_or_else(|| TimeError::range(dt, None))?;
            Utc.from_utc_datetime(&shifted)
        }
        None => match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            LocalResult::None => return Err(TimeError::bad(
                format!("local time `{dt}` does not exist in {} (the clocks skip it for daylight saving time)", tz.name()),
                "write the time with an explicit offset, e.g. `2024-03-10T03:30:00-04:00`",
            )),
            LocalResult::Ambiguous(a, b) => return Err(TimeError::bad(
                format!(
                    "local time `{dt}` happens twice in {} (daylight saving time ends): at {} and at {}",
                    tz.name(),
                    a.format("%H:%M %Z (%:z)"),
                    b.format("%H:%M %Z (%:z)")
                ),
                format!("add the offset you mean, e.g. `{dt}{}`", a.format("%:z")),
            )),
        },
    };
    check_range(utc).map_err(|_| TimeError::range(dt, Some(utc)))
}

/// How exactly a time of a content file is known: to the second as written, approximately
/// (the file lists it under `approximate`), or only its day (written as a date,
/// `started = 2015-07-22`, read as the start of that day in the file's zone).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Precision {
    #[default]
    Exact,
    Approximate,
    Day,
}

impl Precision {
    pub fn id(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Approximate => "approximate",
            Precision::Day => "day",
        }
    }

    pub fn is_exact(self) -> bool {
        self == Precision::Exact
    }
}

/// A TOML value that may be a local date alone: the start of that day in `tz` and
/// [`Precision::Day`]; else [`resolve`]'s instant and [`Precision::Exact`].
pub fn resolve_or_day(
    dt: &toml::value::Datetime,
    tz: Tz,
) -> Result<(DateTime<Utc>, Precision), TimeError> {
    if dt.time.is_some() || dt.offset.is_some() {
        return resolve(dt, tz).map(|t| (t, Precision::Exact));
    }
    let date = date_only(dt)?;
    start_of_day(date, tz)
        .map(|t| (t, Precision::Day))
        .map_err(|_| TimeError::range(dt, None))
}

/// The first instant of `date` in `tz` (where the clocks skip midnight, the first local time
/// that exists that day), in the supported range.
pub fn start_of_day(date: NaiveDate, tz: Tz) -> Result<DateTime<Utc>, String> {
    // A daylight-saving gap is at most a few hours; look minute by minute past it.
    let midnight = date.and_time(NaiveTime::MIN);
    let first = (0..=24 * 60).find_map(|m| {
        tz.from_local_datetime(&(midnight + chrono::Duration::minutes(m)))
            .earliest()
    });
    match first {
        Some(t) => check_range(t.with_timezone(&Utc)),
        None => Err(format!("{date} has no start in {}", tz.name())),
    }
}

/// The first and last calendar dates a date-only value may hold: years 1970 to 9999.
pub const DATE_RANGE_TEXT: &str = "1970-01-01 to 9999-12-31";

/// A calendar date from a TOML value that must hold only a date, in years 1970 to 9999.
pub fn date_only(dt: &toml::value::Datetime) -> Result<NaiveDate, TimeError> {
    use chrono::Datelike;
    match (dt.date, dt.time) {
        (Some(d), None) => {
            let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                .ok_or_else(|| TimeError::bad(format!("`{dt}` is not a valid date"), ""))?;
            if (1970..=9999).contains(&date.year()) {
                Ok(date)
            } else {
                Err(TimeError {
                    message: format!("`{dt}` is outside the supported date range"),
                    help: format!("write a date from {DATE_RANGE_TEXT}"),
                    out_of_range: true,
                })
            }
        }
        _ => Err(TimeError::bad(
            format!("`{dt}` should be a date like `2024-10-16`"),
            "",
        )),
    }
}

/// `Mon, 8 Apr 2024 19:18:00 +0000` (RFC 2822, for RSS), or an error for an instant outside
/// the supported range (RFC 2822 has four-digit years only).
pub fn rfc2822(t: DateTime<Utc>) -> Result<String, String> {
    // In the range the year has four digits, so chrono's formatter cannot fail.
    check_range(t).map(|t| t.to_rfc2822())
}

/// An instant as templates see it, in the site's language (docs/i18n.md): `iso` and `date`
/// are for machines (`datetime=`), every other field is text for readers, made by ICU4X.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TimeView {
    pub iso: String,
    /// Date, time and zone: `Nov 3, 2025, 9:18 PM GMT+1` (en).
    pub display: String,
    pub date: String,
    /// `Nov 3, 2025` (en).
    pub date_display: String,
    /// Date and time, without the zone: `Nov 3, 2025, 9:18 PM` (en).
    pub date_time: String,
    /// `9:18 PM` (en).
    pub time: String,
    /// Time and zone: `9:18 PM GMT+1` (en).
    pub time_zone: String,
    /// `GMT+1`, `PST`, `UTC` (en): the zone's name at that instant as the language writes it.
    pub zone: String,
    /// The same instant as posted, in the zone its file was written in, where that reads
    /// differently from the site's zone ([`Locale::view_as_posted`]); else None.
    pub posted: Option<PostedView>,
    /// `exact`, `approximate` (the text fields say "about") or `day` (only the date is
    /// known: `iso` is the date, `time` is "time unknown", `display` the date and "(time
    /// unknown)"): see [`Locale::view_with_precision`].
    pub precision: &'static str,
}

/// An instant in the zone its file was written in (the file's `timezone`), shown beside the
/// site's: `Nov 3, 2025, 9:18 PM GMT+1 (12:18 PM PST)`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PostedView {
    /// `12:18 PM PST`; with the day, `Nov 3, 4:18 PM PST`, where it is not the site's day.
    pub short: String,
    /// `Nov 3, 2025, 12:18 PM PST`.
    pub display: String,
    /// `12:18 PM`.
    pub time: String,
    /// `PST`, `PDT`, … (the zone's name at that instant as the language writes it).
    pub zone: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DurationView {
    pub seconds: i64,
    pub display: String,
}

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{self, zone::SpecificShort, Combo};
use icu_datetime::{FixedCalendarDateTimeFormatter as Fixed, NoCalendarFormatter};
use std::sync::Arc;

type Zoned =
    icu_time::ZonedDateTime<Gregorian, icu_time::TimeZoneInfo<icu_time::zone::models::AtTime>>;

/// ICU4X's formatters for one language, made once per build. The Gregorian calendar always, so
/// that a date's year is the year the site's pages group it under.
struct Dates {
    full: Fixed<Gregorian, Combo<fieldsets::YMDT, SpecificShort>>,
    date_time: Fixed<Gregorian, fieldsets::YMDT>,
    date: Fixed<Gregorian, fieldsets::YMD>,
    day_time_zone: Fixed<Gregorian, Combo<fieldsets::MDT, SpecificShort>>,
    /// None where ICU4X cannot make it ([`LONG_MONTH_YEAR_BROKEN`]).
    month_year: Option<Fixed<Gregorian, fieldsets::YM>>,
    month_year_short: Fixed<Gregorian, fieldsets::YM>,
    month_short: Fixed<Gregorian, fieldsets::M>,
    month_long: Fixed<Gregorian, fieldsets::M>,
    time: NoCalendarFormatter<fieldsets::T>,
    time_zone: Fixed<Gregorian, Combo<fieldsets::T, SpecificShort>>,
    zone: NoCalendarFormatter<SpecificShort>,
}

/// Languages whose long month-and-year format ICU4X 2.4 cannot make (see
/// [`Locale::month_label`]).
const LONG_MONTH_YEAR_BROKEN: &[&str] = &["pt"];

impl Dates {
    fn new(tag: &str) -> Result<Dates, String> {
        let loc: icu_locale_core::Locale = tag
            .parse()
            .map_err(|_| format!("`{tag}` is not a BCP 47 language tag"))?;
        let p: icu_datetime::DateTimeFormatterPreferences = (&loc).into();
        let e = |e: icu_datetime::DateTimeFormatterLoadError| {
            format!("no date formats for `{tag}`: {e}")
        };
        let hm = || fieldsets::YMD::medium().with_time_hm();
        Ok(Dates {
            full: Fixed::try_new(p, hm().with_zone(SpecificShort)).map_err(e)?,
            date_time: Fixed::try_new(p, hm()).map_err(e)?,
            date: Fixed::try_new(p, fieldsets::YMD::medium()).map_err(e)?,
            day_time_zone: Fixed::try_new(
                p,
                fieldsets::MD::medium()
                    .with_time_hm()
                    .with_zone(SpecificShort),
            )
            .map_err(e)?,
            month_year: if LONG_MONTH_YEAR_BROKEN.contains(&loc.id.language.as_str()) {
                None
            } else {
                Some(Fixed::try_new(p, fieldsets::YM::long()).map_err(e)?)
            },
            month_year_short: Fixed::try_new(p, fieldsets::YM::medium()).map_err(e)?,
            month_short: Fixed::try_new(p, fieldsets::M::medium()).map_err(e)?,
            month_long: Fixed::try_new(p, fieldsets::M::long()).map_err(e)?,
            time: NoCalendarFormatter::try_new(p, fieldsets::T::hm()).map_err(e)?,
            time_zone: Fixed::try_new(p, fieldsets::T::hm().with_zone(SpecificShort)).map_err(e)?,
            zone: NoCalendarFormatter::try_new(p, SpecificShort).map_err(e)?,
        })
    }
}

/// A Gregorian date for ICU4X; every date of the supported range is one.
fn icu_date(d: NaiveDate) -> Option<Date<Gregorian>> {
    use chrono::Datelike;
    Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8).ok()
}

/// The time of day of `local` for ICU4X; every time of the supported range is one.
fn icu_clock(local: &DateTime<Tz>) -> Option<icu_time::Time> {
    use chrono::Timelike;
    icu_time::Time::try_new(
        local.hour() as u8,
        local.minute() as u8,
        local.second() as u8,
        0,
    )
    .ok()
}

/// `t` in `tz` for ICU4X: the local date and time and the zone with its offset at `t`.
fn zoned(t: DateTime<Utc>, tz: Tz) -> Option<Zoned> {
    use chrono::Offset;
    let local = t.with_timezone(&tz);
    let date = icu_date(local.date_naive())?;
    let time = icu_clock(&local)?;
    // Local mean time has offsets in seconds, which ICU4X rounds to its own steps.
    let secs = local.offset().fix().local_minus_utc();
    let offset = icu_time::zone::UtcOffset::try_from_seconds(secs)
        .or_else(|_| icu_time::zone::UtcOffset::try_from_seconds(secs / 900 * 900))
        .ok();
    let zone = icu_time::zone::IanaParser::new()
        .parse(tz.name())
        .with_offset(offset)
        .at_date_time(icu_time::DateTime { date, time });
    Some(icu_time::ZonedDateTime { date, time, zone })
}

/// Everything that writes times, dates, durations and messages in the site's language:
/// made once per build ([`Locale::new`]) and shared by every page.
pub struct Locale {
    /// The site's messages.
    pub text: Arc<Catalogue>,
    dates: Dates,
    /// This locale's number in [`MEMO`] (unique in the process: a dropped locale's number is
    /// never given again, so a memo can't serve one language's text for another).
    id: u64,
}

/// Each thread's last formatted times and durations, of one [`Locale`] at a time. A page
/// names the same instants several times (the timeline, its chart, the summary) and the same
/// durations across pages; formatting one through ICU4X costs ~25,000 instructions, a lookup
/// a few dozen. Cleared when full, so it holds one page's working set, not a whole site.
struct Memo {
    locale: u64,
    views: rustc_hash::FxHashMap<(DateTime<Utc>, Tz), TimeView>,
    /// By seconds, and whether as an offset from the start ([`Locale::offset`]).
    durations: rustc_hash::FxHashMap<(i64, bool), String>,
}

/// How many entries each of a thread's memo maps holds before it is cleared.
const MEMO_CAP: usize = 4096;

static NEXT_LOCALE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo {
        locale: 0,
        views: Default::default(),
        durations: Default::default(),
    });
}

impl Locale {
    /// `make()`, or what it gave before for `key` in this locale on this thread.
    fn memo<K: std::hash::Hash + Eq, V: Clone>(
        &self,
        map: fn(&mut Memo) -> &mut rustc_hash::FxHashMap<K, V>,
        key: K,
        make: impl FnOnce() -> V,
    ) -> V {
        let hit = MEMO.with_borrow_mut(|m| {
            if m.locale != self.id {
                m.views.clear();
                m.durations.clear();
                m.locale = self.id;
            }
            map(m).get(&key).cloned()
        });
        if let Some(v) = hit {
            return v;
        }
        // Made outside the borrow: `make` may format through the memo itself.
        let v = make();
        MEMO.with_borrow_mut(|m| {
            if m.locale == self.id {
                let map = map(m);
                if map.len() >= MEMO_CAP {
                    map.clear();
                }
                map.insert(key, v.clone());
            }
        });
        v
    }
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("tag", &self.text.tag())
            .finish()
    }
}

impl Locale {
    /// The formatters for the catalogue's language. Fails only for a tag ICU4X cannot read
    /// ([`crate::util::i18n::check_tag`] refuses those first).
    pub fn new(text: Arc<Catalogue>) -> Result<Locale, String> {
        let dates = Dates::new(text.tag())?;
        let id = NEXT_LOCALE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Locale { text, dates, id })
    }

    /// English from the theme's own catalogue: for tests and tools that format without a
    /// site.
    pub fn english() -> Locale {
        let src = crate::util::i18n::Source {
            origin: "(built-in default theme)/i18n/en.ftl".into(),
            text: include_str!("../../themes/default/i18n/en.ftl").into(),
            site: false,
        };
        let (cat, _) = Catalogue::new("en", &[src]);
        Locale::new(Arc::new(cat)).expect("English has date formats")
    }

    /// `t` in the site's zone `tz`, as every page shows it.
    pub fn view(&self, t: DateTime<Utc>, tz: Tz) -> TimeView {
        self.memo(|m| &mut m.views, (t, tz), || self.format_view(t, tz))
    }

    /// [`Locale::view`], formatted.
    fn format_view(&self, t: DateTime<Utc>, tz: Tz) -> TimeView {
        let local = t.with_timezone(&tz);
        let mut date = String::with_capacity(10);
        push_ymd(&mut date, local.date_naive());
        let d = &self.dates;
        let (display, date_display, date_time, time, time_zone, zone) = match zoned(t, tz) {
            Some(z) => (
                d.full.format(&z).to_string(),
                d.date.format(&z.date).to_string(),
                d.date_time.format(&z).to_string(),
                d.time.format(&z.time).to_string(),
                d.time_zone.format(&z).to_string(),
                d.zone.format(&z.zone).to_string(),
            ),
            // Outside what ICU4X holds (no instant of the supported range is): ISO text.
            None => {
                let iso = rfc3339(t, tz);
                (
                    iso.clone(),
                    date.clone(),
                    iso.clone(),
                    iso.clone(),
                    iso,
                    String::new(),
                )
            }
        };
        TimeView {
            iso: iso_utc(t),
            display,
            date,
            date_display,
            date_time,
            time,
            time_zone,
            zone,
            posted: None,
            precision: Precision::Exact.id(),
        }
    }

    /// [`Locale::view`] in the site's zone `tz`, with the instant as posted in `posted` (the
    /// file's zone) where its time, zone name or day differs from the site's.
    pub fn view_as_posted(&self, t: DateTime<Utc>, tz: Tz, posted: Option<Tz>) -> TimeView {
        let mut v = self.view(t, tz);
        let Some(p) = posted.filter(|p| *p != tz) else {
            return v;
        };
        let pv = self.view(t, p);
        if (&pv.date, &pv.time, &pv.zone) == (&v.date, &v.time, &v.zone) {
            return v;
        }
        let short = if pv.date == v.date {
            pv.time_zone.clone()
        } else {
            zoned(t, p).map_or_else(
                || pv.display.clone(),
                |z| self.dates.day_time_zone.format(&z).to_string(),
            )
        };
        v.posted = Some(PostedView {
            short,
            display: pv.display,
            time: pv.time,
            zone: pv.zone,
        });
        v
    }

    /// [`Locale::view_as_posted`] for a time known to `precision`. A day-only time shows the
    /// day it was written for (in the file's zone, `posted`, else the site's `tz`) and no
    /// time: "Jul 22, 2015 (time unknown)", `iso` the date alone, nothing as posted. An
    /// approximate time says "about": "about Jul 22, 2015, 10:00 AM UTC".
    pub fn view_with_precision(
        &self,
        t: DateTime<Utc>,
        precision: Precision,
        tz: Tz,
        posted: Option<Tz>,
    ) -> TimeView {
        match precision {
            Precision::Exact => self.view_as_posted(t, tz, posted),
            Precision::Approximate => {
                let mut v = self.view_as_posted(t, tz, posted);
                let about = |s: &str| self.text.format("time-about", &[("time", s.into())]);
                v.time = about(&v.time);
                v.time_zone = about(&v.time_zone);
                v.date_time = about(&v.date_time);
                v.display = about(&v.display);
                v.precision = precision.id();
                v
            }
            Precision::Day => {
                let mut v = self.view(t, posted.unwrap_or(tz));
                v.iso = v.date.clone();
                v.time = self.text.get("time-unknown");
                v.time_zone = v.time.clone();
                v.display = self
                    .text
                    .format("date-time-unknown", &[("date", Arg::Str(&v.date_display))]);
                v.date_time = v.display.clone();
                v.precision = precision.id();
                v
            }
        }
    }

    /// The local date of `t` in `tz` and its time of day as [`TimeView::time`] writes it
    /// (`9:18 PM`, en): what a chart's axis labels need, without formatting the five other
    /// patterns of a view (an axis's ticks are round times no other part of a page shows).
    pub fn time_of_day(&self, t: DateTime<Utc>, tz: Tz) -> (NaiveDate, String) {
        let local = t.with_timezone(&tz);
        // What [`zoned`] needs of the date and time, so the two fall back alike.
        let time = icu_date(local.date_naive()).and_then(|_| icu_clock(&local));
        let text = match time {
            Some(x) => self.dates.time.format(&x).to_string(),
            // As [`Locale::view`] writes an instant outside what ICU4X holds.
            None => rfc3339(t, tz),
        };
        (local.date_naive(), text)
    }

    /// `Apr 8, 2024` (en): a calendar date.
    pub fn date_display(&self, d: NaiveDate) -> String {
        icu_date(d).map_or_else(|| ymd(d), |x| self.dates.date.format(&x).to_string())
    }

    /// `April 2024` (en).
    ///
    /// ICU4X 2.4 cannot format the long month and year in Portuguese: its `YM::long` pattern
    /// for `pt` needs a number formatter the formatter did not load (`DecimalFormatterNotLoaded`:
    /// a debug assertion, and an error-marked fallback in release). For the languages in
    /// [`LONG_MONTH_YEAR_BROKEN`] the medium form (`nov. de 2025`) is used with its abbreviated
    /// month replaced by the long one (`novembro de 2025`): the language's own order and
    /// words, all from ICU. Re-check the list when the pinned ICU4X version changes.
    pub fn month_label(&self, d: NaiveDate) -> String {
        let Some(x) = icu_date(d) else {
            return year_month(d);
        };
        match &self.dates.month_year {
            Some(f) => f.format(&x).to_string(),
            None => {
                let medium = self.dates.month_year_short.format(&x).to_string();
                let short = self.dates.month_short.format(&x).to_string();
                let long = self.dates.month_long.format(&x).to_string();
                if short.is_empty() {
                    medium
                } else {
                    medium.replacen(&short, &long, 1)
                }
            }
        }
    }

    /// `Apr 2024` (en).
    pub fn month_year_short(&self, d: NaiveDate) -> String {
        icu_date(d).map_or_else(
            || year_month(d),
            |x| self.dates.month_year_short.format(&x).to_string(),
        )
    }

    /// `Apr` (en): the month alone.
    pub fn month_short(&self, d: NaiveDate) -> String {
        icu_date(d).map_or_else(
            || year_month(d),
            |x| self.dates.month_short.format(&x).to_string(),
        )
    }

    /// `Q2 2024` (en): the quarter holding `d`.
    pub fn quarter_short(&self, d: NaiveDate) -> String {
        use chrono::Datelike;
        self.text.format(
            "quarter",
            &[
                ("quarter", Arg::Num((d.month0() / 3 + 1).into())),
                ("year", Arg::Str(&year_text(d))),
            ],
        )
    }

    /// "4m", "4m 30s", "12h 26m", "2d 3h" (en): the two largest units, truncated, zero
    /// units left out; each unit a message with plural rules (`duration-days`, …).
    pub fn duration(&self, seconds: i64) -> String {
        self.memo(
            |m| &mut m.durations,
            (seconds, false),
            || self.duration_text(seconds),
        )
    }

    /// [`Locale::duration`], formatted.
    fn duration_text(&self, seconds: i64) -> String {
        let s = seconds.unsigned_abs();
        let units = [
            (s / 86_400, "duration-days"),
            (s / 3600 % 24, "duration-hours"),
            (s / 60 % 60, "duration-minutes"),
            (s % 60, "duration-seconds"),
        ];
        let unit = |(n, key): (u64, &str)| {
            self.text.format(
                key,
                &[("n", Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)))],
            )
        };
        let Some(first) = units.iter().position(|&(n, _)| n > 0) else {
            return unit((0, "duration-seconds"));
        };
        let one = unit(units[first]);
        let text = match units.get(first + 1) {
            Some(&(n, key)) if n > 0 => self.text.format(
                "duration-two-units",
                &[
                    ("first", Arg::Str(&one)),
                    ("second", Arg::Str(&unit((n, key)))),
                ],
            ),
            _ => one,
        };
        if seconds < 0 {
            self.text
                .format("offset-before", &[("duration", Arg::Str(&text))])
        } else {
            text
        }
    }

    /// "+2m", "-1m", "+0s" (en): an offset from the incident start.
    pub fn offset(&self, seconds: i64) -> String {
        if seconds < 0 {
            return self.duration(seconds);
        }
        self.memo(
            |m| &mut m.durations,
            (seconds, true),
            || {
                let d = self.duration(seconds);
                self.text
                    .format("offset-after", &[("duration", Arg::Str(&d))])
            },
        )
    }

    pub fn duration_view(&self, seconds: i64) -> DurationView {
        DurationView {
            seconds,
            display: self.duration(seconds),
        }
    }
}

/// "4m", "4m 30s", "12h 26m", "2d 3h": the two largest units, truncated, zero units left out.
/// The API's form, the same in every language (pages use [`Locale::duration`]).
pub fn format_duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let units = [
        (s / 86_400, "d"),
        (s / 3600 % 24, "h"),
        (s / 60 % 60, "m"),
        (s % 60, "s"),
    ];
    let Some(first) = units.iter().position(|&(n, _)| n > 0) else {
        return "0s".into();
    };
    let mut out = format!("{sign}{}{}", units[first].0, units[first].1);
    if let Some(&(n, u)) = units.get(first + 1) {
        if n > 0 {
            out.push_str(&format!(" {n}{u}"));
        }
    }
    out
}

/// `n` with at least `width` digits, zero-padded: `format!("{n:0width$}")`.
fn push_num(out: &mut String, n: u32, width: usize) {
    let mut digits = [0u8; 10];
    let (mut i, mut n) = (digits.len(), n);
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in digits.len() - i..width {
        out.push('0');
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

/// A year as `%Y` and `{y:04}` show it.
fn push_year(out: &mut String, y: i32) {
    match u32::try_from(y) {
        Ok(y) if y <= 9999 => push_num(out, y, 4),
        _ => out.push_str(&format!("{y:04}")),
    }
}

fn push_ymd(out: &mut String, d: NaiveDate) {
    use chrono::Datelike;
    push_year(out, d.year());
    out.push('-');
    push_num(out, d.month(), 2);
    out.push('-');
    push_num(out, d.day(), 2);
}

fn push_hms(out: &mut String, t: NaiveTime) {
    use chrono::Timelike;
    push_num(out, t.hour(), 2);
    out.push(':');
    push_num(out, t.minute(), 2);
    out.push(':');
    push_num(out, t.second(), 2);
}

/// `2024-04-08T19:18:00Z`: chrono's `to_rfc3339_opts(SecondsFormat::Secs, true)`.
pub fn iso_utc(t: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(20);
    push_ymd(&mut out, t.date_naive());
    out.push('T');
    push_hms(&mut out, t.time());
    out.push('Z');
    out
}

/// `2024-04-08T12:18:00-07:00`: chrono's `%Y-%m-%dT%H:%M:%S%:z` in `tz`, formatted by hand
/// (each incident's JSON has a dozen of these).
pub fn rfc3339(t: DateTime<Utc>, tz: Tz) -> String {
    use chrono::Offset;
    let local = t.with_timezone(&tz);
    let off = local.offset().fix().local_minus_utc();
    // `%:z` shows minutes, rounding an offset with seconds (local mean time) to the nearest.
    let minutes = (off.unsigned_abs() + 30) / 60;
    let mut out = String::with_capacity(25);
    push_ymd(&mut out, local.date_naive());
    out.push('T');
    push_hms(&mut out, local.time());
    out.push(if off < 0 { '-' } else { '+' });
    push_num(&mut out, minutes / 60, 2);
    out.push(':');
    push_num(&mut out, minutes % 60, 2);
    out
}

/// `2024-04-08`: chrono's `%Y-%m-%d`.
pub fn ymd(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_ymd(&mut out, d);
    out
}

/// `2024-04`: chrono's `%Y-%m`.
pub fn year_month(d: NaiveDate) -> String {
    use chrono::Datelike;
    let mut out = String::with_capacity(7);
    push_year(&mut out, d.year());
    out.push('-');
    push_num(&mut out, d.month(), 2);
    out
}

/// `2024`: chrono's `%Y`.
pub fn year_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    let mut out = String::with_capacity(4);
    push_year(&mut out, d.year());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ICU4X puts a narrow no-break space (U+202F) between an English time and AM/PM.
    fn en(s: &str) -> String {
        s.replace(" AM", "\u{202f}AM").replace(" PM", "\u{202f}PM")
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn time_of_day_is_the_views_time_and_date() {
        let loc = Locale::english();
        let paris: Tz = chrono_tz::Europe::Paris;
        // Across a day boundary in Paris and a DST change (2025-10-26, 03:00 CEST → 02:00 CET).
        for s in [
            "2025-11-03T20:18:00Z",
            "2025-11-03T23:30:00Z",
            "2025-10-26T00:59:59Z",
            "2025-10-26T01:00:00Z",
        ] {
            let t = at(s);
            let v = loc.view(t, paris);
            let (date, time) = loc.time_of_day(t, paris);
            assert_eq!(time, v.time, "{s}");
            assert_eq!(ymd(date), v.date, "{s}");
            assert_eq!(loc.date_display(date), v.date_display, "{s}");
        }
        let (date, time) = loc.time_of_day(at("2025-11-03T23:30:00Z"), paris);
        assert_eq!(
            (ymd(date).as_str(), time.as_str()),
            ("2025-11-04", "12:30\u{202f}AM")
        );
    }

    #[test]
    fn posted_view_shows_the_file_zone_where_it_reads_differently() {
        let loc = Locale::english();
        let paris: Tz = chrono_tz::Europe::Paris;
        let la: Tz = chrono_tz::America::Los_Angeles;
        // 2025-11-03T20:18:00Z: 21:18 in Paris (UTC+1, which CLDR's English calls GMT+1) and
        // 12:18 PST (UTC-8; DST ended Nov 2).
        let t = at("2025-11-03T20:18:00Z");
        let v = loc.view_as_posted(t, paris, Some(la));
        assert_eq!(v.display, en("Nov 3, 2025, 9:18 PM GMT+1"));
        assert_eq!(v.date_time, en("Nov 3, 2025, 9:18 PM"));
        assert_eq!(v.time_zone, en("9:18 PM GMT+1"));
        assert_eq!((v.date.as_str(), v.zone.as_str()), ("2025-11-03", "GMT+1"));
        let p = v.posted.expect("a different zone");
        assert_eq!(p.short, en("12:18 PM PST"));
        assert_eq!(p.display, en("Nov 3, 2025, 12:18 PM PST"));
        // 2025-11-04T00:30:00Z: 01:30 on Nov 4 in Paris, 16:30 PST on Nov 3: the day is shown.
        let t = at("2025-11-04T00:30:00Z");
        let p = loc.view_as_posted(t, paris, Some(la)).posted.unwrap();
        assert_eq!(p.short, en("Nov 3, 4:30 PM PST"));
        // The same zone, no zone, or another zone that reads the same: nothing more.
        assert_eq!(loc.view_as_posted(t, la, Some(la)).posted, None);
        assert_eq!(loc.view_as_posted(t, la, None).posted, None);
        assert_eq!(
            loc.view_as_posted(t, paris, Some(chrono_tz::Europe::Brussels))
                .posted,
            None
        );
    }

    #[test]
    fn machine_fields_match_chrono_formats() {
        let loc = Locale::english();
        let zones: [Tz; 5] = [
            chrono_tz::UTC,
            chrono_tz::America::Los_Angeles,
            chrono_tz::Asia::Kolkata,
            chrono_tz::America::Sao_Paulo,
            chrono_tz::Asia::Dubai,
        ];
        for (secs, tz) in [
            (0i64, 0),
            (1_712_604_000, 1),
            (1_730_000_000, 2),
            (4_102_444_799, 1),
            (1_730_000_000, 3),
            (1_730_000_000, 4),
            (-5_000_000_000, 3),
            (-5_000_000_000, 4),
        ] {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let local = t.with_timezone(&zones[tz]);
            let v = loc.view(t, zones[tz]);
            assert_eq!(v.date, local.format("%Y-%m-%d").to_string());
            assert_eq!(v.iso, t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            assert!(!v.display.is_empty() && !v.zone.is_empty(), "{v:?}");
        }
        // Local mean time before standard zones has offsets with seconds (+05:53:28 in
        // Kolkata), which `%:z` rounds.
        for (secs, tz) in [
            (0i64, chrono_tz::UTC),
            (1_712_604_000, chrono_tz::America::Los_Angeles),
            (1_730_000_000, chrono_tz::Asia::Kolkata),
            (-5_000_000_000, chrono_tz::Asia::Kolkata),
            (-5_000_000_000, chrono_tz::America::New_York),
            (-2_000_000_000, chrono_tz::Europe::Amsterdam),
            (4_102_444_799, chrono_tz::Pacific::Chatham),
        ] {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let local = t.with_timezone(&tz);
            assert_eq!(
                rfc3339(t, tz),
                local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                "{t} in {tz}"
            );
            let d = local.date_naive();
            assert_eq!(ymd(d), d.format("%Y-%m-%d").to_string());
            assert_eq!(year_month(d), d.format("%Y-%m").to_string());
        }
    }

    #[test]
    fn dates_and_months_in_english_and_arabic() {
        let loc = Locale::english();
        let d = NaiveDate::from_ymd_opt(2024, 4, 8).unwrap();
        assert_eq!(loc.date_display(d), "Apr 8, 2024");
        assert_eq!(loc.month_label(d), "April 2024");
        assert_eq!(loc.month_year_short(d), "Apr 2024");
        assert_eq!(loc.month_short(d), "Apr");
        assert_eq!(loc.quarter_short(d), "Q2 2024");
        // 2024-04-08T19:20:00Z is 12:20 PDT (UTC-7) in Los Angeles.
        let t = DateTime::from_timestamp(1_712_604_000, 0).unwrap();
        let v = loc.view(t, chrono_tz::America::Los_Angeles);
        assert_eq!(v.display, en("Apr 8, 2024, 12:20 PM PDT"));
        assert_eq!(
            (v.time.as_str(), v.zone.as_str()),
            (en("12:20 PM").as_str(), "PDT")
        );
        // Arabic: CLDR's month name for April (أبريل), Latin digits; the time with ص/م.
        let (cat, _) = Catalogue::new("ar", &[]);
        let ar = Locale::new(Arc::new(cat)).unwrap();
        assert_eq!(ar.month_label(d), "أبريل 2024");
    }

    fn dt(s: &str) -> toml::value::Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn inexact_times_show_what_is_known() {
        let loc = Locale::english();
        let auckland: Tz = chrono_tz::Pacific::Auckland;
        let berlin: Tz = chrono_tz::Europe::Berlin;
        // The start of 2015-07-22 in Auckland (NZST, UTC+12): 2015-07-21T12:00:00Z.
        let (t, p) = resolve_or_day(&dt("2015-07-22"), auckland).unwrap();
        assert_eq!(
            (iso_utc(t).as_str(), p),
            ("2015-07-21T12:00:00Z", Precision::Day)
        );
        let v = loc.view_with_precision(t, p, berlin, Some(auckland));
        assert_eq!(v.display, "Jul 22, 2015 (time unknown)");
        assert_eq!(
            (v.iso.as_str(), v.date.as_str()),
            ("2015-07-22", "2015-07-22")
        );
        assert_eq!((v.time.as_str(), v.precision), ("time unknown", "day"));
        assert_eq!(v.posted, None);
        let (t, p) = resolve_or_day(&dt("2015-07-22T10:00:00Z"), auckland).unwrap();
        assert_eq!(p, Precision::Exact);
        let v = loc.view_with_precision(t, Precision::Approximate, Tz::UTC, None);
        assert_eq!(v.display, en("about Jul 22, 2015, 10:00 AM UTC"));
        assert_eq!(
            (v.time.as_str(), v.iso.as_str()),
            (en("about 10:00 AM").as_str(), "2015-07-22T10:00:00Z")
        );
        // Where the clocks skip midnight (São Paulo, 2018-11-04), the day starts at 01:00 -02.
        let sp: Tz = chrono_tz::America::Sao_Paulo;
        let d = NaiveDate::from_ymd_opt(2018, 11, 4).unwrap();
        assert_eq!(
            iso_utc(start_of_day(d, sp).unwrap()),
            "2018-11-04T03:00:00Z"
        );
        assert!(
            resolve_or_day(&dt("1969-12-31"), Tz::UTC)
                .unwrap_err()
                .out_of_range
        );
    }

    #[test]
    fn durations_two_largest_units() {
        let loc = Locale::english();
        for (secs, want) in [
            (0, "0s"),
            (45, "45s"),
            (4 * 60, "4m"),
            (4 * 60 + 30, "4m 30s"),
            (12 * 3600 + 26 * 60 + 59, "12h 26m"),
            (2 * 86_400 + 3 * 3600 + 59 * 60, "2d 3h"),
            (86_400 + 30, "1d"),
        ] {
            assert_eq!(format_duration(secs), want);
            assert_eq!(loc.duration(secs), want);
        }
        assert_eq!(loc.offset(120), "+2m");
        assert_eq!(loc.offset(-60), "-1m");
    }

    #[test]
    fn offsets_and_zones() {
        let loc = Locale::english();
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        let a = resolve(&dt("2024-04-08T12:18:00"), la).unwrap();
        assert_eq!(a.to_rfc3339(), "2024-04-08T19:18:00+00:00");
        let b = resolve(&dt("2024-04-08T12:18:00-07:00"), Tz::UTC).unwrap();
        assert_eq!(a, b);
        assert_eq!(loc.view(a, la).display, en("Apr 8, 2024, 12:18 PM PDT"));
        assert_eq!(loc.view(a, Tz::UTC).iso, "2024-04-08T19:18:00Z");
    }

    #[test]
    fn iso_is_whole_seconds_for_html() {
        let t = DateTime::parse_from_rfc3339("2026-11-21T23:44:28.673981550Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            Locale::english().view(t, Tz::UTC).iso,
            "2026-11-21T23:44:28Z"
        );
    }

    /// German from the theme's own catalogue, as [`Locale::english`] makes English.
    fn german() -> Locale {
        let src = crate::util::i18n::Source {
            origin: "(built-in default theme)/i18n/de.ftl".into(),
            text: include_str!("../../themes/default/i18n/de.ftl").into(),
            site: false,
        };
        let (cat, problems) = Catalogue::new("de", &[src]);
        assert!(problems.is_empty(), "{problems:?}");
        Locale::new(Arc::new(cat)).expect("German has date formats")
    }

    /// [`Locale::offset`] of a positive `seconds`, formatted without the memo.
    fn offset_text(loc: &Locale, seconds: i64) -> String {
        let d = loc.duration_text(seconds);
        loc.text
            .format("offset-after", &[("duration", Arg::Str(&d))])
    }

    #[test]
    fn the_memo_keeps_each_locale_to_its_own_language() {
        // One thread, one memo: two languages formatting the same instant and the same
        // durations in turn must each get their own text, never the other's from the memo.
        let (english, de) = (Locale::english(), german());
        let berlin: Tz = chrono_tz::Europe::Berlin;
        // 2024-04-08T19:20:00Z is 21:20 CEST in Berlin.
        let t = at("2024-04-08T19:20:00Z");
        let secs = 2 * 86_400 + 3 * 3600 + 59 * 60;
        for round in 0..3 {
            for loc in [&english, &de, &english, &de] {
                let tag = loc.text.tag();
                let v = loc.view(t, berlin);
                assert_eq!(v, loc.format_view(t, berlin), "{tag}, round {round}");
                assert_eq!(loc.duration(secs), loc.duration_text(secs), "{tag}");
                assert_eq!(loc.offset(120), offset_text(loc, 120), "{tag}");
                assert_eq!(loc.offset(-60), loc.duration_text(-60), "{tag}");
            }
            // What each language writes (so the comparisons above are between two texts; the
            // German catalogue puts a no-break space between number and unit).
            assert_eq!(
                english.view(t, berlin).date_time,
                en("Apr 8, 2024, 9:20 PM")
            );
            assert_eq!(de.view(t, berlin).date_time, "08.04.2024, 21:20");
            assert_eq!(english.duration(secs), "2d 3h");
            assert_eq!(de.duration(secs), "2\u{a0}Tg. 3\u{a0}Std.");
            assert_eq!(
                (english.offset(120), de.offset(120)),
                ("+2m".into(), "+2\u{a0}Min.".into())
            );
            assert_eq!(
                (english.offset(-60), de.offset(-60)),
                ("-1m".into(), "-1\u{a0}Min.".into())
            );
        }
        // A dropped locale's number is not given again: a new locale of another language on
        // this thread does not get the dropped one's text.
        let secs = 45;
        let gone = german();
        assert_eq!(gone.duration(secs), "45\u{a0}Sek.");
        assert_eq!(gone.view(t, Tz::UTC), gone.format_view(t, Tz::UTC));
        drop(gone);
        let again = Locale::english();
        assert_eq!(again.duration(secs), "45s");
        assert_eq!(again.view(t, Tz::UTC), again.format_view(t, Tz::UTC));
    }

    #[test]
    fn a_memo_past_its_cap_still_answers_right() {
        let loc = Locale::english();
        // More distinct instants and durations than a memo map holds: it is cleared on the
        // way (more than once for durations: each offset also memoizes its duration).
        let n = MEMO_CAP + MEMO_CAP / 4;
        let instant =
            |i: usize| DateTime::from_timestamp(1_700_000_000 + 61 * i as i64, 0).unwrap();
        let secs = |i: usize| 7 * i as i64;
        let mut first = Vec::with_capacity(n);
        for i in 0..n {
            let (t, s) = (instant(i), secs(i));
            first.push((loc.view(t, Tz::UTC), loc.duration(s), loc.offset(s)));
            // Neither map grows past the cap.
            MEMO.with_borrow(|m| {
                assert!(
                    m.views.len() <= MEMO_CAP && m.durations.len() <= MEMO_CAP,
                    "{i}"
                );
            });
        }
        // Each answer is the text formatted without the memo...
        for (i, (v, d, o)) in first.iter().enumerate() {
            let (t, s) = (instant(i), secs(i));
            assert_eq!(*v, loc.format_view(t, Tz::UTC), "{i}");
            assert_eq!(
                (d, o),
                (&loc.duration_text(s), &offset_text(&loc, s)),
                "{i}"
            );
        }
        // ...and so is each asked again: the later ones, which the memo holds, and the
        // earlier ones, which it cleared away.
        for (i, (v, d, o)) in first.iter().enumerate().rev() {
            let (t, s) = (instant(i), secs(i));
            assert_eq!(loc.view(t, Tz::UTC), *v, "{i}");
            assert_eq!((&loc.duration(s), &loc.offset(s)), (d, o), "{i}");
        }
    }

    #[test]
    fn dst_gap_and_overlap_are_errors() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let e = resolve(&dt("2024-03-10T02:30:00"), ny).unwrap_err();
        assert!(e.message.contains("does not exist"), "{e:?}");
        assert!(!e.out_of_range);
        let e = resolve(&dt("2024-11-03T01:30:00"), ny).unwrap_err();
        assert!(e.message.contains("happens twice"), "{e:?}");
        assert!(e.help.contains("-04:00"), "{e:?}");
        assert!(resolve(&dt("2024-03-10"), ny).is_err());
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    #[test]
    fn the_supported_range_has_both_ends_included() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert!(check_range(at("1970-01-01T00:00:00Z")).is_ok());
        assert!(check_range(at("9999-12-30T23:59:59Z")).is_ok());
        assert!(check_range(at("1969-12-31T23:59:59Z")).is_err());
        assert!(check_range(at("9999-12-31T00:00:00Z")).is_err());
    }
}

#[cfg(test)]
mod resolve_range_tests {
    use super::*;

    fn dt(s: &str) -> toml::value::Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn times_outside_the_range_are_errors_not_panics() {
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        let kiritimati: Tz = "Pacific/Kiritimati".parse().unwrap();
        for (s, tz) in [
            ("0000-01-01T00:00:00+00:01", Tz::UTC),
            ("0000-01-01T00:00:00-23:59", Tz::UTC),
            ("0000-01-01T00:00:00", kiritimati),
            ("1969-12-31T23:59:59Z", Tz::UTC),
            ("1970-01-01T00:00:00+00:01", Tz::UTC),
            ("9999-12-31T23:00:00-01:00", Tz::UTC),
            ("9999-12-31T23:59:59.999999999-23:59", Tz::UTC),
            ("9999-12-31T23:59:59+23:59", Tz::UTC),
            ("9999-12-31T23:00:00", la),
            ("9999-12-31T00:00:00Z", Tz::UTC),
        ] {
            let e = resolve(&dt(s), tz).unwrap_err();
            assert!(e.out_of_range, "{s}: {e:?}");
            assert!(e.help.contains(RANGE_TEXT), "{s}: {e:?}");
        }
        for (s, tz) in [
            ("1970-01-01T00:00:00Z", Tz::UTC),
            ("1970-01-01T00:00:00-00:01", Tz::UTC),
            ("1969-12-31T16:00:00", la),
            ("9999-12-30T23:59:59Z", Tz::UTC),
            ("9999-12-31T23:58:59+23:59", Tz::UTC),
            ("9999-12-30T15:59:59", la),
        ] {
            let t = resolve(&dt(s), tz).unwrap_or_else(|e| panic!("{s}: {e:?}"));
            // Every instant in the range can be written in every format.
            assert!(rfc2822(t).is_ok(), "{s}");
            let loc = Locale::english();
            let _ = (
                loc.view(t, kiritimati),
                rfc3339(t, la),
                rfc3339(t, kiritimati),
            );
        }
    }

    #[test]
    fn dates_keep_to_years_1970_to_9999() {
        assert!(date_only(&dt("1970-01-01")).is_ok());
        assert!(date_only(&dt("9999-12-31")).is_ok());
        for s in ["1969-12-31", "0000-01-01"] {
            assert!(date_only(&dt(s)).unwrap_err().out_of_range, "{s}");
        }
        assert!(
            !date_only(&dt("2024-01-01T00:00:00Z"))
                .unwrap_err()
                .out_of_range
        );
    }

    #[test]
    fn rfc2822_refuses_what_it_cannot_write() {
        let t = DateTime::from_timestamp(LATEST_SECS + 86_400 * 400, 0).unwrap();
        assert!(rfc2822(t).is_err());
        let t = DateTime::from_timestamp(1_712_604_000, 0).unwrap();
        assert_eq!(rfc2822(t).unwrap(), "Mon, 8 Apr 2024 19:20:00 +0000");
    }
}
