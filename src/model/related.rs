//! Related incidents, both ways: a relation written in one file shows on both pages. Computed
//! once per render over the incidents and maintenances being built, so an unpublished
//! incident's relations appear only where it is shown (`--drafts`, `serve`).

use crate::model::Incident;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// For every slug, the incidents related to it, newest first.
#[derive(Debug, Default)]
pub struct Related {
    by_slug: HashMap<String, Vec<Arc<Incident>>>,
}

impl Related {
    /// Over every incident and maintenance being built. A `related` slug that is not among
    /// them (an unpublished one, in a build without drafts) is left out.
    pub fn new<'a>(items: impl IntoIterator<Item = &'a Arc<Incident>>) -> Related {
        let items: Vec<&Arc<Incident>> = items.into_iter().collect();
        if items.iter().all(|i| i.related.is_empty()) {
            return Related::default();
        }
        let by: HashMap<&str, &Arc<Incident>> =
            items.iter().map(|i| (i.slug.as_str(), *i)).collect();
        let mut by_slug: HashMap<String, Vec<Arc<Incident>>> = HashMap::default();
        for i in &items {
            for r in &i.related {
                let Some(other) = by.get(r.as_str()) else {
                    continue;
                };
                by_slug
                    .entry(i.slug.clone())
                    .or_default()
                    .push(Arc::clone(other));
                by_slug
                    .entry(other.slug.clone())
                    .or_default()
                    .push(Arc::clone(i));
            }
        }
        for list in by_slug.values_mut() {
            list.sort_by(|a, b| b.started.cmp(&a.started).then_with(|| a.slug.cmp(&b.slug)));
            list.dedup_by(|a, b| a.slug == b.slug);
        }
        Related { by_slug }
    }

    /// The incidents related to `slug`, newest first (none: empty).
    pub fn of(&self, slug: &str) -> &[Arc<Incident>] {
        self.by_slug.get(slug).map_or(&[], |v| v.as_slice())
    }

    /// Whether any incident has a relation.
    pub fn is_empty(&self) -> bool {
        self.by_slug.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests_support::incident;

    #[test]
    fn relations_go_both_ways_newest_first_without_missing_ones() {
        // a (oldest) names b and a slug not built; c names a; b names a back (no duplicate).
        let a = Arc::new(incident("a", "2024-01-01T00:00:00Z", &["b", "not-built"]));
        let b = Arc::new(incident("b", "2024-02-01T00:00:00Z", &["a"]));
        let c = Arc::new(incident("c", "2024-03-01T00:00:00Z", &["a"]));
        let r = Related::new([&a, &b, &c]);
        let slugs = |s: &str| r.of(s).iter().map(|i| i.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs("a"), ["c", "b"]);
        assert_eq!(slugs("b"), ["a"]);
        assert_eq!(slugs("c"), ["a"]);
        assert!(r.of("not-built").is_empty());
        assert!(Related::new([&a][..0].iter().copied()).is_empty());
    }
}
