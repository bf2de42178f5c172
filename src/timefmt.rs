//! Time: reading TOML datetimes in a zone, and showing instants and durations.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// Turn a TOML datetime into a UTC instant. Offset-less times are read in `tz`.
pub fn resolve(dt: &toml::value::Datetime, tz: Tz) -> Result<DateTime<Utc>, (String, String)> {
    let (Some(d), Some(t)) = (dt.date, dt.time) else {
        return Err((
            format!("`{dt}` is not a date and time"),
            "write a full date and time, e.g. `2024-10-02T12:02:00Z`".into(),
        ));
    };
    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        .ok_or_else(|| (format!("`{dt}` is not a valid date"), String::new()))?;
    let time = NaiveTime::from_hms_nano_opt(
        t.hour.into(),
        t.minute.into(),
        t.second.into(),
        t.nanosecond,
    )
    .ok_or_else(|| (format!("`{dt}` is not a valid time"), String::new()))?;
    let naive = date.and_time(time);
    match dt.offset {
        Some(toml::value::Offset::Z) => Ok(Utc.from_utc_datetime(&naive)),
        Some(toml::value::Offset::Custom { minutes }) => {
            Ok(Utc.from_utc_datetime(&(naive - chrono::Duration::minutes(minutes.into()))))
        }
        None => match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
            LocalResult::None => Err((
                format!("local time `{dt}` does not exist in {} (the clocks skip it for daylight saving time)", tz.name()),
                "write the time with an explicit offset, e.g. `2024-03-10T03:30:00-04:00`".into(),
            )),
            LocalResult::Ambiguous(a, b) => Err((
                format!(
                    "local time `{dt}` happens twice in {} (daylight saving time ends): at {} and at {}",
                    tz.name(),
                    a.format("%H:%M %Z (%:z)"),
                    b.format("%H:%M %Z (%:z)")
                ),
                format!("add the offset you mean, e.g. `{dt}{}`", a.format("%:z")),
            )),
        },
    }
}

/// A calendar date from a TOML value that must hold only a date.
pub fn date_only(dt: &toml::value::Datetime) -> Result<NaiveDate, String> {
    match (dt.date, dt.time) {
        (Some(d), None) => NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
            .ok_or_else(|| format!("`{dt}` is not a valid date")),
        _ => Err(format!("`{dt}` should be a date like `2024-10-16`")),
    }
}

/// "4m", "4m 30s", "12h 26m", "2d 3h": the two largest units, truncated, zero units left out.
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

/// "+2m", "-1m", "+0s": an offset from the incident start.
pub fn format_offset(seconds: i64) -> String {
    if seconds < 0 {
        format_duration(seconds)
    } else {
        format!("+{}", format_duration(seconds))
    }
}

/// An instant as templates see it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TimeView {
    pub iso: String,
    pub display: String,
    pub date: String,
    pub date_display: String,
    pub time: String,
    pub zone: String,
}

pub fn view(t: DateTime<Utc>, tz: Tz) -> TimeView {
    use chrono::{Datelike, Timelike};
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // Formatted by hand: a build makes tens of thousands of these, and chrono parses its
    // format string on every call. `tests` below compare with chrono's `%b %-d, %Y, %H:%M %Z`.
    let local = t.with_timezone(&tz);
    // What `%Z` prints: the zone's abbreviation, or its offset where it has none.
    let zone = local.offset().to_string();
    let (y, mon, d) = (local.year(), MONTHS[local.month0() as usize], local.day());
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    let date_display = format!("{mon} {d}, {y:04}");
    TimeView {
        iso: t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        display: format!("{date_display}, {time} {zone}"),
        date: format!("{y:04}-{:02}-{d:02}", local.month()),
        date_display,
        time,
        zone,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2024-04-08T12:18:00-07:00`: chrono's `%Y-%m-%dT%H:%M:%S%:z` in `tz`, formatted by hand
/// (each incident's JSON has a dozen of these).
pub fn rfc3339(t: DateTime<Utc>, tz: Tz) -> String {
    use chrono::{Offset, Timelike};
    let local = t.with_timezone(&tz);
    let off = local.offset().fix().local_minus_utc();
    let sign = if off < 0 { '-' } else { '+' };
    // `%:z` shows minutes, rounding an offset with seconds (local mean time) to the nearest.
    let minutes = (off.unsigned_abs() + 30) / 60;
    format!(
        "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        ymd(local.date_naive()),
        local.hour(),
        local.minute(),
        local.second(),
        minutes / 60,
        minutes % 60
    )
}

/// `2024-04-08`: chrono's `%Y-%m-%d`.
pub fn ymd(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2024-04` and `April 2024`: chrono's `%Y-%m` and `%B %Y`.
pub fn month_key_label(d: NaiveDate) -> (String, String) {
    use chrono::Datelike;
    (
        format!("{:04}-{:02}", d.year(), d.month()),
        format!("{} {:04}", MONTH_NAMES[d.month0() as usize], d.year()),
    )
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DurationView {
    pub seconds: i64,
    pub display: String,
}

pub fn duration_view(seconds: i64) -> DurationView {
    DurationView {
        seconds,
        display: format_duration(seconds),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn views_match_chrono_formats() {
        let zones: [Tz; 3] = [
            chrono_tz::UTC,
            chrono_tz::America::Los_Angeles,
            chrono_tz::Asia::Kolkata,
        ];
        for (secs, tz) in [
            (0i64, 0),
            (1_712_604_000, 1),
            (1_730_000_000, 2),
            (4_102_444_799, 1),
        ] {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let local = t.with_timezone(&zones[tz]);
            let v = view(t, zones[tz]);
            assert_eq!(v.display, local.format("%b %-d, %Y, %H:%M %Z").to_string());
            assert_eq!(v.date, local.format("%Y-%m-%d").to_string());
            assert_eq!(v.date_display, local.format("%b %-d, %Y").to_string());
            assert_eq!(v.time, local.format("%H:%M").to_string());
            assert_eq!(v.zone, local.format("%Z").to_string());
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
            let (key, label) = month_key_label(d);
            assert_eq!(key, d.format("%Y-%m").to_string());
            assert_eq!(label, d.format("%B %Y").to_string());
        }
    }

    use super::*;

    fn dt(s: &str) -> toml::value::Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn durations_two_largest_units() {
        assert_eq!(format_duration(0), "0s");
        assert_eq!(format_duration(45), "45s");
        assert_eq!(format_duration(4 * 60), "4m");
        assert_eq!(format_duration(4 * 60 + 30), "4m 30s");
        assert_eq!(format_duration(12 * 3600 + 26 * 60 + 59), "12h 26m");
        assert_eq!(format_duration(2 * 86_400 + 3 * 3600 + 59 * 60), "2d 3h");
        assert_eq!(format_duration(86_400 + 30), "1d");
        assert_eq!(format_offset(120), "+2m");
        assert_eq!(format_offset(-60), "-1m");
    }

    #[test]
    fn offsets_and_zones() {
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        let a = resolve(&dt("2024-04-08T12:18:00"), la).unwrap();
        assert_eq!(a.to_rfc3339(), "2024-04-08T19:18:00+00:00");
        let b = resolve(&dt("2024-04-08T12:18:00-07:00"), Tz::UTC).unwrap();
        assert_eq!(a, b);
        assert_eq!(view(a, la).display, "Apr 8, 2024, 12:18 PDT");
        assert_eq!(view(a, Tz::UTC).iso, "2024-04-08T19:18:00Z");
    }

    #[test]
    fn iso_is_whole_seconds_for_html() {
        let t = DateTime::parse_from_rfc3339("2026-11-21T23:44:28.673981550Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(view(t, Tz::UTC).iso, "2026-11-21T23:44:28Z");
    }

    #[test]
    fn dst_gap_and_overlap_are_errors() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let (msg, _) = resolve(&dt("2024-03-10T02:30:00"), ny).unwrap_err();
        assert!(msg.contains("does not exist"), "{msg}");
        let (msg, help) = resolve(&dt("2024-11-03T01:30:00"), ny).unwrap_err();
        assert!(msg.contains("happens twice"), "{msg}");
        assert!(help.contains("-04:00"), "{help}");
        assert!(resolve(&dt("2024-03-10"), ny).is_err());
    }
}
