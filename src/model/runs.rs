//! Runs of identical timeline updates: a long incident often posts the same message for hours
//! ("We are continuing to work on a fix for this issue."), and the incident page collapses each
//! such run into one entry with a count and a time span. The rule lives here, once; the page
//! only formats it. Feeds and the API never group: they carry every entry as written.
//!
//! The rule:
//! - Two entries are **identical** when they have the same written status (`update` is not
//!   `monitoring`, even where the effective status is the same) and the same message once
//!   surrounding whitespace is trimmed (the Markdown source is compared, so the rendered HTML
//!   is the same too). Times do not matter.
//! - A **run** is a maximal stretch of consecutive identical entries. A run of at least
//!   [`MIN_RUN`] entries collapses; a shorter one stays as it is, entry by entry.
//! - [`runs`] partitions the timeline in order: every entry is in exactly one range, so a page
//!   walking the ranges shows every entry (collapsed ones inside the run's list).

use super::Entry;
use std::ops::Range;

/// The shortest run that collapses: 3. Two identical updates side by side read fine, and a
/// collapsed pair ("2 updates" plus a list of both times) would take as much room as the pair.
pub const MIN_RUN: usize = 3;

/// The timeline as ranges of indices into `entries`, in order, covering every entry once: a
/// range of [`MIN_RUN`] or more entries is a run to collapse; every other entry is a range of
/// one.
pub fn runs(entries: &[Entry]) -> Vec<Range<usize>> {
    let same = |a: &Entry, b: &Entry| a.status == b.status && a.message.trim() == b.message.trim();
    let mut out = Vec::with_capacity(entries.len());
    let mut start = 0;
    while start < entries.len() {
        let mut end = start + 1;
        while end < entries.len() && same(&entries[start], &entries[end]) {
            end += 1;
        }
        if end - start >= MIN_RUN {
            out.push(start..end);
        } else {
            out.extend((start..end).map(|k| k..k + 1));
        }
        start = end;
    }
    out
}

/// Whether a range from [`runs`] is a collapsed run.
pub fn is_run(r: &Range<usize>) -> bool {
    r.len() >= MIN_RUN
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use chrono::{TimeZone, Utc};

    fn entries(spec: &[(Status, &str)]) -> Vec<Entry> {
        spec.iter()
            .enumerate()
            .map(|(k, (status, message))| Entry {
                at: Utc
                    .with_ymd_and_hms(2024, 1, 1, 0, k as u32, 0)
                    .single()
                    .expect("a valid time"),
                precision: crate::model::Precision::Exact,
                status: *status,
                message: (*message).to_string(),
            })
            .collect()
    }

    #[test]
    fn empty_and_single() {
        assert!(runs(&[]).is_empty());
        assert_eq!(runs(&entries(&[(Status::Update, "x")])), vec![0..1]);
    }

    #[test]
    fn pairs_stay_and_three_collapse() {
        use Status::*;
        let e = entries(&[
            (Investigating, "Looking."),
            (Update, "Working."),
            (Update, "Working."),
            (Identified, "Found."),
            (Update, "Fixing."),
            (Update, " Fixing.\n"),
            (Update, "Fixing."),
            (Update, "Fixing."),
            (Resolved, "Fixed."),
        ]);
        // 0 alone; 1–2 a pair (not collapsed); 3 alone; 4–7 four identical (trimmed) updates;
        // 8 alone.
        assert_eq!(
            runs(&e),
            vec![0..1, 1..2, 2..3, 3..4, 4..8, 8..9],
            "a pair stays, four collapse"
        );
        let collapsed: Vec<_> = runs(&e).into_iter().filter(is_run).collect();
        assert_eq!(collapsed, vec![4..8]);
    }

    #[test]
    fn status_and_message_both_count() {
        use Status::*;
        // Same message, different written status: no run.
        let e = entries(&[(Update, "Same."), (Monitoring, "Same."), (Update, "Same.")]);
        assert_eq!(runs(&e), vec![0..1, 1..2, 2..3]);
        // Same status, another message in between: never three identical in a row.
        let e = entries(&[(Update, "A"), (Update, "A"), (Update, "B"), (Update, "A")]);
        assert_eq!(runs(&e), vec![0..1, 1..2, 2..3, 3..4]);
        // Empty messages compare like any other.
        let e = entries(&[(Update, ""), (Update, " "), (Update, "")]);
        assert_eq!(runs(&e), vec![0..3]);
    }

    #[test]
    fn every_entry_once_in_order() {
        use Status::*;
        let e = entries(&[
            (Update, "a"),
            (Update, "a"),
            (Update, "a"),
            (Update, "a"),
            (Update, "b"),
            (Update, "b"),
            (Update, "b"),
        ]);
        let r = runs(&e);
        assert_eq!(r, vec![0..4, 4..7]);
        let flat: Vec<usize> = r.into_iter().flatten().collect();
        assert_eq!(flat, (0..e.len()).collect::<Vec<_>>());
    }
}
