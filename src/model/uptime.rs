//! Uptime math: merge a component's level intervals (the worst level wins where they overlap, no
//! second counts twice), weigh the downtime, and turn it into a percentage rounded down.
//!
//! Times are UNIX seconds. Weights are integers in thousandths so every figure is exact.

use crate::model::Level;
/// Weights live with the model (site.toml sets them; config must not import this module).
pub use crate::model::Weights;

/// `[start, end)` at one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: i64,
    pub end: i64,
    pub level: Level,
}

fn rank(l: Level) -> usize {
    match l {
        Level::DegradedPerformance => 0,
        Level::PartialOutage => 1,
        Level::MajorOutage => 2,
    }
}

const LEVELS: [Level; 3] = [
    Level::DegradedPerformance,
    Level::PartialOutage,
    Level::MajorOutage,
];

/// Merge possibly overlapping intervals into sorted, disjoint ones where each instant has the
/// worst level of the intervals covering it. Adjacent pieces of one level are joined.
/// O(n log n): a sweep over the sorted start and end points.
pub fn merge(intervals: &[Interval]) -> Vec<Interval> {
    let mut points: Vec<(i64, usize, i32)> = Vec::with_capacity(intervals.len() * 2);
    for i in intervals.iter().filter(|i| i.end > i.start) {
        points.push((i.start, rank(i.level), 1));
        points.push((i.end, rank(i.level), -1));
    }
    points.sort_unstable();
    let mut open = [0i32; 3];
    let mut out: Vec<Interval> = Vec::new();
    let mut k = 0;
    while k < points.len() {
        let t = points[k].0;
        while k < points.len() && points[k].0 == t {
            open[points[k].1] += points[k].2;
            k += 1;
        }
        let Some(next) = points.get(k).map(|p| p.0) else {
            break;
        };
        if let Some(r) = (0..3).rev().find(|&r| open[r] > 0) {
            let level = LEVELS[r];
            match out.last_mut() {
                Some(last) if last.end == t && last.level == level => last.end = next,
                _ => out.push(Interval {
                    start: t,
                    end: next,
                    level,
                }),
            }
        }
    }
    out
}

/// Seconds at each level within `[from, to)`, from merged intervals: `[degraded, partial, major]`.
pub fn seconds_by_level(merged: &[Interval], from: i64, to: i64) -> [i64; 3] {
    let mut out = [0i64; 3];
    // Merged intervals are sorted and disjoint: skip those ending before the window.
    let first = merged.partition_point(|i| i.end <= from);
    for i in &merged[first..] {
        if i.start >= to {
            break;
        }
        let s = i.start.max(from);
        let e = i.end.min(to);
        if e > s {
            out[rank(i.level)] += e - s;
        }
    }
    out
}

/// Weighted downtime in thousandths of a second.
pub fn weighted_downtime_milli(by_level: [i64; 3], w: &Weights) -> i64 {
    LEVELS.iter().zip(by_level).map(|(&l, s)| s * w.of(l)).sum()
}

/// Uptime as an integer count of 10^-decimals percent, rounded down:
/// `floor(100 × 10^d × (1 − downtime / window))`. None for an empty window.
pub fn uptime_scaled(downtime_milli: i64, window_seconds: i64, decimals: u32) -> Option<i64> {
    if window_seconds <= 0 {
        return None;
    }
    let window_milli = window_seconds as i128 * 1000;
    let up = (window_milli - downtime_milli as i128).max(0);
    let scale = 100i128 * 10i128.pow(decimals);
    Some((up * scale / window_milli) as i64)
}

/// "99.99%" from a scaled uptime.
pub fn format_percent(scaled: i64, decimals: u32) -> String {
    if decimals == 0 {
        return format!("{scaled}%");
    }
    let div = 10i64.pow(decimals);
    format!(
        "{}.{:0width$}%",
        scaled / div,
        scaled % div,
        width = decimals as usize
    )
}

/// Uptime over `[from, to)` for merged intervals, as [`uptime_scaled`] gives it; None when the
/// window is empty.
pub fn uptime_scaled_over(
    merged: &[Interval],
    from: i64,
    to: i64,
    w: &Weights,
    decimals: u32,
) -> Option<i64> {
    let down = weighted_downtime_milli(seconds_by_level(merged, from, to), w);
    uptime_scaled(down, to - from, decimals)
}

/// Uptime over `[from, to)` for merged intervals, formatted; None when the window is empty.
pub fn uptime(
    merged: &[Interval],
    from: i64,
    to: i64,
    w: &Weights,
    decimals: u32,
) -> Option<String> {
    uptime_scaled_over(merged, from, to, w, decimals).map(|s| format_percent(s, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    fn iv(start: i64, end: i64, level: Level) -> Interval {
        Interval { start, end, level }
    }

    const H: i64 = 3600;

    #[test]
    fn two_overlapping_incidents_count_once() {
        let m = merge(&[iv(0, 2 * H, MajorOutage), iv(H, 3 * H, MajorOutage)]);
        assert_eq!(m, vec![iv(0, 3 * H, MajorOutage)]);
        assert_eq!(seconds_by_level(&m, 0, 10 * H), [0, 0, 3 * H]);
    }

    #[test]
    fn major_then_overlapping_partial_weighs_4680_seconds() {
        // Major 10:00–11:00 and partial 10:30–12:00.
        let m = merge(&[
            iv(10 * H, 11 * H, MajorOutage),
            iv(10 * H + 1800, 12 * H, PartialOutage),
        ]);
        assert_eq!(
            m,
            vec![
                iv(10 * H, 11 * H, MajorOutage),
                iv(11 * H, 12 * H, PartialOutage)
            ]
        );
        let by = seconds_by_level(&m, 0, 24 * H);
        assert_eq!(by, [0, 3600, 3600]);
        assert_eq!(weighted_downtime_milli(by, &Weights::default()), 4_680_000);
        // Over 30 days: 100 × (1 − 4680 / 2 592 000) = 99.8194…
        assert_eq!(
            uptime(&m, 0, 30 * 24 * H, &Weights::default(), 2).as_deref(),
            Some("99.81%")
        );
    }

    #[test]
    fn a_minute_of_major_outage_in_90_days_is_not_100_percent() {
        let m = merge(&[iv(100, 160, MajorOutage)]);
        assert_eq!(
            uptime(&m, 0, 90 * 24 * H, &Weights::default(), 2).as_deref(),
            Some("99.99%")
        );
        assert_eq!(
            uptime(&[], 0, 90 * 24 * H, &Weights::default(), 2).as_deref(),
            Some("100.00%")
        );
        assert_eq!(
            uptime(&m, 0, 90 * 24 * H, &Weights::default(), 4).as_deref(),
            Some("99.9992%")
        );
        assert_eq!(uptime(&m, 0, 0, &Weights::default(), 2), None);
    }

    #[test]
    fn degraded_is_free_by_default_and_window_clips() {
        let m = merge(&[iv(0, 10 * H, DegradedPerformance)]);
        assert_eq!(
            uptime(&m, 0, 24 * H, &Weights::default(), 2).as_deref(),
            Some("100.00%")
        );
        let m = merge(&[iv(-5 * H, 5 * H, MajorOutage)]);
        // Only the part inside [0, 10h) counts: 5h of 10h.
        assert_eq!(
            uptime(&m, 0, 10 * H, &Weights::default(), 2).as_deref(),
            Some("50.00%")
        );
    }

    /// A deterministic xorshift generator, so the property test is reproducible.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> i64 {
            (self.next() % n) as i64
        }
    }

    #[test]
    fn merge_matches_brute_force_per_second() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for case in 0..500 {
            let span = 200 + rng.below(2000);
            let n = rng.below(12) as usize;
            let intervals: Vec<Interval> = (0..n)
                .map(|_| {
                    let a = rng.below(span as u64) - 50;
                    let len = rng.below(400);
                    iv(a, a + len, LEVELS[rng.below(3) as usize])
                })
                .collect();
            let m = merge(&intervals);
            // Disjoint, sorted, non-empty, and adjacent pieces differ in level.
            for w in m.windows(2) {
                assert!(w[0].end <= w[1].start, "case {case}: overlap {m:?}");
                assert!(
                    !(w[0].end == w[1].start && w[0].level == w[1].level),
                    "case {case}: not joined"
                );
            }
            assert!(m.iter().all(|i| i.end > i.start));
            // Every second: the worst level covering it, by brute force.
            let (from, to) = (rng.below(300) - 100, span + 100);
            let mut brute = [0i64; 3];
            for t in from..to {
                if let Some(l) = intervals
                    .iter()
                    .filter(|i| i.start <= t && t < i.end)
                    .map(|i| i.level)
                    .max()
                {
                    brute[rank(l)] += 1;
                }
            }
            assert_eq!(
                seconds_by_level(&m, from, to),
                brute,
                "case {case}: {intervals:?}"
            );
            let w = Weights::default();
            let expected = (0..3).map(|r| brute[r] * w.of(LEVELS[r])).sum::<i64>();
            assert_eq!(
                weighted_downtime_milli(seconds_by_level(&m, from, to), &w),
                expected
            );
        }
    }
}
