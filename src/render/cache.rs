//! Incremental reuse (`afterword serve`): what one render keeps for the next ([`Memo`]), and
//! the keys that say whether a kept thing is still good ([`CacheKey`]).
//!
//! A key is one [`CacheKey`] variant per kind of cached thing, holding exactly the inputs that
//! thing is made from. Its digest hashes the variant's discriminant and every field with
//! `#[derive(Hash)]` (lengths before lists and strings), so two different keys differ in what
//! is hashed: different kinds, or the same kind with different inputs, never share a digest
//! but by a 64-bit hash collision. Inputs too large to carry in every key (the site's
//! settings, its templates, lists of fingerprints) are carried as a [`Digest`] of their own,
//! made the same way.
//!
//! In `serve`, keys live in memory for the life of the process. `build` keeps them on disk
//! between runs (`build::cache`), in a file stamped with afterword's version: a key is only
//! ever compared with one made by the same version of afterword, but on any platform (xxh3
//! and `Hash` of integers and strings are the same everywhere for the same version).

use super::search::SearchDoc;
use super::status_pages::ComputedData;
use super::{Linker, PreparedData, RenderInput};
use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};
use tera::Tera;

/// A hash of some inputs, made by [`Digest::of`] or [`Digest::list`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Digest(u64);

/// The hasher behind every digest and key: xxh3 over what `Hash` feeds it.
fn hasher() -> xxhash_rust::xxh3::Xxh3Default {
    xxhash_rust::xxh3::Xxh3Default::new()
}

impl Digest {
    /// The digest of anything hashable (with `Hash`'s length prefixes).
    pub(crate) fn of<T: Hash + ?Sized>(x: &T) -> Digest {
        let mut h = hasher();
        x.hash(&mut h);
        Digest(h.finish())
    }

    /// The digest of a list of fingerprints, without collecting it.
    pub(crate) fn list(items: impl IntoIterator<Item = u64>) -> Digest {
        let mut h = hasher();
        let mut n = 0usize;
        for i in items {
            h.write_u64(i);
            n += 1;
        }
        h.write_usize(n);
        Digest(h.finish())
    }
}

/// The digests most keys are made from, computed once per render that can reuse anything.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Inputs {
    /// Everything the site's settings decide: site.toml (with `--base-url`), `now`, drafts, and
    /// the site's language with its message catalogues (docs/i18n.md).
    pub site: Digest,
    /// Every template's name, source and origin.
    pub templates: Digest,
    /// Every incident's and maintenance's front matter (fingerprints), newest first.
    pub fronts: Digest,
}

impl Inputs {
    pub(crate) fn new(input: &RenderInput) -> Inputs {
        Inputs {
            // The language and every catalogue file are inputs of every page.
            site: Digest::of(&(
                input.config,
                input.now,
                input.drafts,
                input.locale.text.digest(),
            )),
            templates: Digest::of(&input.theme.templates),
            fronts: Digest::list(
                input
                    .incidents
                    .iter()
                    .chain(input.maintenances)
                    .map(|i| i.front_fingerprint),
            ),
        }
    }
}

/// What a kept thing was made from: one variant per kind of thing a render keeps or lets the
/// sink keep. Incidents and maintenances appear by their fingerprints (`fingerprint`: the
/// whole file; `front_fingerprint`: its front matter).
#[derive(Debug, Hash)]
pub(crate) enum CacheKey<'a> {
    /// The compiled templates, with the site-wide variables (`site`, `build`, severities,
    /// components).
    Templates { site: Digest, templates: Digest },
    /// The file → page map: every item's path and slug (in its front matter).
    Linker { site: Digest, fronts: Digest },
    /// An incident's template values and rendered Markdown; `linker` is the file → page map
    /// when its text may link to other files.
    PreparedIncident {
        site: Digest,
        fingerprint: u64,
        linker: Option<Digest>,
    },
    /// `incidents/<slug>/`: the incident, the front matter of its newer and older neighbours
    /// (their titles and paths), the file → page map when its text may link to other
    /// files, and what it shows of its related items, both ways (kind, slug, title, start,
    /// review state: `render::related_digest`).
    IncidentPage {
        site: Digest,
        templates: Digest,
        fingerprint: u64,
        linker: Option<Digest>,
        newer: Option<u64>,
        older: Option<u64>,
        related: Digest,
    },
    /// `incidents/<slug>/index.json` or `maintenance/<slug>/index.json`.
    ItemJson {
        site: Digest,
        fingerprint: u64,
        linker: Option<Digest>,
        /// What it lists of its related items (see `IncidentPage`).
        related: Digest,
    },
    /// `maintenance/<slug>/`.
    MaintenancePage {
        site: Digest,
        templates: Digest,
        fingerprint: u64,
        linker: Option<Digest>,
    },
    /// `history/<year>/` and its further pages: the months of every incident (each page
    /// lists them all) and the incidents on the page.
    HistoryYearPage {
        site: Digest,
        templates: Digest,
        months: Digest,
        year: i32,
        page: usize,
        items: Digest,
    },
    /// The home page.
    Home {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `history/`.
    History {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `components/`.
    Components {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `stats/`.
    Stats {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `404.html`.
    NotFound { site: Digest, templates: Digest },
    /// `factors/`: every incident's front matter (its factors, year).
    Factors {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `factors/<id>/` and its further pages: every incident's front matter (which ones the
    /// factor names, their summaries and the per-year counts).
    FactorPage {
        site: Digest,
        templates: Digest,
        fronts: Digest,
        id: &'a str,
        page: usize,
    },
    /// `actions/`: every incident's front matter (its action items); `now` is in `site`.
    Actions {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `severities/`.
    Severities {
        site: Digest,
        templates: Digest,
        fronts: Digest,
    },
    /// `severities/<id>/` and its further pages.
    SeverityPage {
        site: Digest,
        templates: Digest,
        fronts: Digest,
        id: &'a str,
        page: usize,
    },
    /// `search/` (the page and each index file): what the index holds, digested (the page
    /// shows its facets; a file, its own bytes).
    Search {
        site: Digest,
        templates: Digest,
        index: Digest,
    },
    /// Every `api/v2/` file: every item's front matter, and the full text of the items whose
    /// updates and postmortems the API shows.
    ApiFiles {
        site: Digest,
        fronts: Digest,
        full: Digest,
    },
    /// `maintenance.ics`: every maintenance's front matter.
    Calendar { site: Digest, maintenances: Digest },
    /// `feed.xml` and `rss.xml` at `rel`: their entries, the site's last update, and the file
    /// → page map the entries' links go through.
    Feed {
        site: Digest,
        linker: Digest,
        rel: &'a str,
        updated: i64,
        entries: Digest,
    },
    /// A component's status, uptime and bars: its incidents' and maintenances' front matter.
    ComponentData {
        site: Digest,
        id: &'a str,
        items: Digest,
    },
    /// `components/<id>/`: the same inputs as its [`CacheKey::ComponentData`].
    ComponentPage {
        site: Digest,
        templates: Digest,
        id: &'a str,
        items: Digest,
    },
    /// A component's `badge.svg`, `uptime.svg` and `shields.json` (`id`: its state and uptime,
    /// from its items' front matter), or the site's `badge.svg` and `shields.json` (`id` none:
    /// the worst state of every component, from every item's front matter).
    Badges {
        site: Digest,
        id: Option<&'a str>,
        items: Digest,
    },
    /// A component's status card (`components/<id>/embed/`) or the site's (`embed/`, `id`
    /// none): the same inputs as its [`CacheKey::Badges`], and the templates.
    Card {
        site: Digest,
        templates: Digest,
        id: Option<&'a str>,
        items: Digest,
    },
    /// A social card (`og.png`, the site's or an incident's): its SVG, which holds everything
    /// the card shows (the fonts are compiled in).
    SocialCard { svg: Digest },
    /// Every file of the search index (`search/…`): every search document's key, in site
    /// order.
    SearchIndex { site: Digest, docs: Digest },
    /// An incident's search document (its words, facets and page path): the incident and the
    /// file → page map when its text may link to other files.
    SearchDoc {
        site: Digest,
        fingerprint: u64,
        linker: Option<Digest>,
    },
}

impl CacheKey<'_> {
    /// The key as the sink and the memo store it.
    pub(crate) fn digest(&self) -> u64 {
        Digest::of(self).0
    }
}

/// Kept from one render to the next: each incident's rendered Markdown and template values,
/// keyed on the incident's fingerprint and everything else they are made from, so an edit
/// re-renders only what it touches and a template change never re-parses Markdown.
#[derive(Default)]
pub struct Memo {
    /// Fingerprint → (whether its text may link to other files, its
    /// [`CacheKey::PreparedIncident`], data).
    #[allow(clippy::type_complexity)]
    pub(super) prepared: Mutex<HashMap<u64, (bool, u64, Arc<PreparedData>)>>,
    /// Markdown renders in the current render.
    pub(super) fresh: AtomicUsize,
    /// The compiled templates, and the file → page map, with their keys.
    pub(super) tera: Slot<Tera>,
    pub(super) linker: Slot<Linker>,
    /// Component id → (its [`CacheKey::ComponentData`], its status, uptime and bars).
    #[allow(clippy::type_complexity)]
    pub(super) components: Mutex<HashMap<String, (u64, Arc<ComputedData>)>>,
    /// Keys only, no prepared incidents (`build` with its on-disk cache): an incident is
    /// prepared only when its page, JSON twin or search document must be made, and dropped
    /// once they are written, so memory holds no page data.
    pub(super) lazy: bool,
    /// Search documents by their [`CacheKey::SearchDoc`]: those the previous render made or
    /// kept, and those this render made or kept (which replace them when it ends).
    search_docs: Mutex<HashMap<u64, Arc<SearchDoc>>>,
    search_next: Mutex<HashMap<u64, Arc<SearchDoc>>>,
}

impl Memo {
    /// The memo of a `build` with an on-disk cache: keys for every file, the search documents
    /// the cache kept, and nothing prepared ahead (see [`Memo::lazy`]).
    pub fn for_build(search_docs: impl IntoIterator<Item = (u64, SearchDoc)>) -> Memo {
        Memo {
            lazy: true,
            search_docs: Mutex::new(
                search_docs
                    .into_iter()
                    .map(|(k, d)| (k, Arc::new(d)))
                    .collect(),
            ),
            ..Memo::default()
        }
    }

    /// The search document kept for `key`, if any.
    pub(super) fn search_doc(&self, key: u64) -> Option<Arc<SearchDoc>> {
        self.search_docs.lock().expect("memo").get(&key).cloned()
    }

    /// Keep `doc` (made or kept by this render) for the next one.
    pub(super) fn keep_search_doc(&self, key: u64, doc: Arc<SearchDoc>) {
        self.search_next.lock().expect("memo").insert(key, doc);
    }

    /// At the end of a render: what it made or kept replaces what the previous one left.
    pub(super) fn rotate_search_docs(&self) {
        let next = std::mem::take(&mut *self.search_next.lock().expect("memo"));
        *self.search_docs.lock().expect("memo") = next;
    }

    /// The search documents of the last render, by key, sorted by key (for the on-disk cache).
    pub fn search_docs(&self) -> Vec<(u64, Arc<SearchDoc>)> {
        let mut v: Vec<_> = self
            .search_docs
            .lock()
            .expect("memo")
            .iter()
            .map(|(k, d)| (*k, d.clone()))
            .collect();
        v.sort_unstable_by_key(|(k, _)| *k);
        v
    }
}

/// One value kept between renders with the key it was made for.
pub(super) type Slot<T> = Mutex<Option<(u64, Arc<T>)>>;

/// The value in `slot` if it was made for `key`, else a new one (kept for next time).
pub(super) fn memoized<T, E>(
    slot: Option<(&Slot<T>, u64)>,
    make: impl FnOnce() -> Result<T, E>,
) -> Result<Arc<T>, E> {
    let Some((slot, key)) = slot else {
        return make().map(Arc::new);
    };
    let mut s = slot.lock().expect("memo");
    match &*s {
        Some((k, v)) if *k == key => Ok(v.clone()),
        _ => {
            let v = Arc::new(make()?);
            *s = Some((key, v.clone()));
            Ok(v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The inputs a test key is made from: numbers (digests, fingerprints, years, pages) and a
    /// string (a feed's folder, a component id).
    #[derive(Clone, Debug)]
    struct Args {
        n: [u64; 7],
        s: String,
    }

    fn d(x: u64) -> Digest {
        Digest(x)
    }
    fn opt(x: u64) -> Option<u64> {
        (x != 0).then_some(x)
    }
    fn opt_d(x: u64) -> Option<Digest> {
        (x != 0).then_some(Digest(x))
    }

    /// Every variant, by its position in [`VARIANTS`]: adding a variant fails to compile here
    /// until it is given a number, and the test below fails until [`VARIANTS`] makes it.
    fn index(k: &CacheKey) -> usize {
        match k {
            CacheKey::Templates { .. } => 0,
            CacheKey::Linker { .. } => 1,
            CacheKey::PreparedIncident { .. } => 2,
            CacheKey::IncidentPage { .. } => 3,
            CacheKey::ItemJson { .. } => 4,
            CacheKey::MaintenancePage { .. } => 5,
            CacheKey::HistoryYearPage { .. } => 6,
            CacheKey::Home { .. } => 7,
            CacheKey::History { .. } => 8,
            CacheKey::Components { .. } => 9,
            CacheKey::Stats { .. } => 10,
            CacheKey::NotFound { .. } => 11,
            CacheKey::ApiFiles { .. } => 12,
            CacheKey::Calendar { .. } => 13,
            CacheKey::Feed { .. } => 14,
            CacheKey::ComponentData { .. } => 15,
            CacheKey::ComponentPage { .. } => 16,
            CacheKey::Factors { .. } => 17,
            CacheKey::FactorPage { .. } => 18,
            CacheKey::Actions { .. } => 19,
            CacheKey::Severities { .. } => 20,
            CacheKey::SeverityPage { .. } => 21,
            CacheKey::Search { .. } => 22,
            CacheKey::Badges { .. } => 23,
            CacheKey::Card { .. } => 24,
            CacheKey::SocialCard { .. } => 25,
            CacheKey::SearchDoc { .. } => 26,
            CacheKey::SearchIndex { .. } => 27,
        }
    }

    /// How many of `Args::n` a variant uses, whether it uses `Args::s`, and how it is made.
    type Make = for<'a> fn(&'a Args) -> CacheKey<'a>;
    const VARIANTS: &[(usize, bool, Make)] = &[
        (2, false, |a| CacheKey::Templates {
            site: d(a.n[0]),
            templates: d(a.n[1]),
        }),
        (2, false, |a| CacheKey::Linker {
            site: d(a.n[0]),
            fronts: d(a.n[1]),
        }),
        (3, false, |a| CacheKey::PreparedIncident {
            site: d(a.n[0]),
            fingerprint: a.n[1],
            linker: opt_d(a.n[2]),
        }),
        (7, false, |a| CacheKey::IncidentPage {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fingerprint: a.n[2],
            linker: opt_d(a.n[3]),
            newer: opt(a.n[4]),
            older: opt(a.n[5]),
            related: d(a.n[6]),
        }),
        (3, false, |a| CacheKey::ItemJson {
            site: d(a.n[0]),
            fingerprint: a.n[1],
            linker: opt_d(a.n[2]),
            related: d(a.n[3]),
        }),
        (4, false, |a| CacheKey::MaintenancePage {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fingerprint: a.n[2],
            linker: opt_d(a.n[3]),
        }),
        (6, false, |a| CacheKey::HistoryYearPage {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            months: d(a.n[2]),
            year: a.n[3] as i32,
            page: a.n[4] as usize,
            items: d(a.n[5]),
        }),
        (3, false, |a| CacheKey::Home {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (3, false, |a| CacheKey::History {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (3, false, |a| CacheKey::Components {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (3, false, |a| CacheKey::Stats {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (2, false, |a| CacheKey::NotFound {
            site: d(a.n[0]),
            templates: d(a.n[1]),
        }),
        (3, false, |a| CacheKey::ApiFiles {
            site: d(a.n[0]),
            fronts: d(a.n[1]),
            full: d(a.n[2]),
        }),
        (2, false, |a| CacheKey::Calendar {
            site: d(a.n[0]),
            maintenances: d(a.n[1]),
        }),
        (4, true, |a| CacheKey::Feed {
            site: d(a.n[0]),
            linker: d(a.n[1]),
            rel: &a.s,
            updated: a.n[2] as i64,
            entries: d(a.n[3]),
        }),
        (2, true, |a| CacheKey::ComponentData {
            site: d(a.n[0]),
            id: &a.s,
            items: d(a.n[1]),
        }),
        (3, true, |a| CacheKey::ComponentPage {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            id: &a.s,
            items: d(a.n[2]),
        }),
        (3, false, |a| CacheKey::Factors {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (4, true, |a| CacheKey::FactorPage {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
            id: &a.s,
            page: a.n[3] as usize,
        }),
        (3, false, |a| CacheKey::Actions {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (3, false, |a| CacheKey::Severities {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
        }),
        (4, true, |a| CacheKey::SeverityPage {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            fronts: d(a.n[2]),
            id: &a.s,
            page: a.n[3] as usize,
        }),
        (3, false, |a| CacheKey::Search {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            index: d(a.n[2]),
        }),
        (2, true, |a| CacheKey::Badges {
            site: d(a.n[0]),
            id: Some(&a.s),
            items: d(a.n[1]),
        }),
        (3, true, |a| CacheKey::Card {
            site: d(a.n[0]),
            templates: d(a.n[1]),
            id: Some(&a.s),
            items: d(a.n[2]),
        }),
        (1, false, |a| CacheKey::SocialCard { svg: d(a.n[0]) }),
        (3, false, |a| CacheKey::SearchDoc {
            site: d(a.n[0]),
            fingerprint: a.n[1],
            linker: opt_d(a.n[2]),
        }),
        (2, false, |a| CacheKey::SearchIndex {
            site: d(a.n[0]),
            docs: d(a.n[1]),
        }),
    ];

    #[test]
    fn every_variant_is_tested() {
        let a = Args {
            n: [1; 7],
            s: String::new(),
        };
        let seen: Vec<usize> = VARIANTS
            .iter()
            .map(|(_, _, make)| index(&make(&a)))
            .collect();
        assert_eq!(seen, (0..VARIANTS.len()).collect::<Vec<_>>());
        assert_eq!(VARIANTS.len(), 28, "a new variant needs a line in VARIANTS");
    }

    /// Two keys with the same inputs (the same numbers, the same string) but of different
    /// kinds never share a digest.
    fn kinds_differ(a: &Args) {
        let mut all: Vec<u64> = VARIANTS.iter().map(|(_, _, m)| m(a).digest()).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), VARIANTS.len(), "{a:?}");
    }

    /// Changing any one input of a key changes its digest.
    fn every_input_counts(a: &Args) {
        for (arity, uses_s, make) in VARIANTS {
            let k = make(a).digest();
            for i in 0..*arity {
                let mut b = a.clone();
                b.n[i] = b.n[i].wrapping_add(1);
                // `year` and `page` are narrower than u64: change the part they keep.
                if b.n[i] as u32 == a.n[i] as u32 {
                    b.n[i] = a.n[i] ^ 1;
                }
                assert_ne!(make(&b).digest(), k, "{:?}: input {i} of {a:?}", make(a));
            }
            if *uses_s {
                let mut b = a.clone();
                b.s.push('x');
                assert_ne!(make(&b).digest(), k, "{:?}: the string of {a:?}", make(a));
            }
        }
    }

    #[test]
    fn same_numbers_different_kinds() {
        for x in [0, 1, 2, u64::MAX] {
            kinds_differ(&Args {
                n: [x; 7],
                s: String::new(),
            });
        }
        kinds_differ(&Args {
            n: [0, 1, 2, 3, 4, 5, 6],
            s: "components/api/".into(),
        });
    }

    #[test]
    fn none_is_not_some() {
        // A key with no neighbour differs from one whose neighbour has any fingerprint.
        let page = |newer| CacheKey::IncidentPage {
            site: Digest(1),
            templates: Digest(2),
            fingerprint: 3,
            linker: None,
            newer,
            older: None,
            related: Digest::default(),
        };
        assert_ne!(page(None).digest(), page(Some(0)).digest());
        // The site's badges differ from a component's, whatever its id.
        let badges = |id| CacheKey::Badges {
            site: Digest(1),
            id,
            items: Digest(2),
        };
        assert_ne!(badges(None).digest(), badges(Some("")).digest());
    }

    #[test]
    fn strings_and_lists_are_delimited() {
        // Moving a character or a number between neighbouring inputs changes the key.
        let feed = |rel, entries| CacheKey::Feed {
            site: Digest(0),
            linker: Digest(0),
            rel,
            updated: 0,
            entries,
        };
        assert_ne!(
            feed("a", Digest::list([1, 2])).digest(),
            feed("a", Digest::list([1, 2, 0])).digest()
        );
        assert_ne!(
            Digest::of(&("ab", "c")),
            Digest::of(&("a", "bc")),
            "strings are delimited"
        );
        assert_ne!(Digest::list([]), Digest::list([0]));
        assert_ne!(Digest::list([1, 2]), Digest::list([2, 1]));
    }

    /// Two site configurations that differ in anything a page can show, or in `now` or
    /// drafts, have different site digests; templates likewise.
    #[test]
    fn site_and_templates_digests() {
        let root = std::path::Path::new("/site");
        let config = |text: &str| {
            crate::input::config::from_str(root, &root.join("site.toml"), text)
                .expect("valid site.toml")
        };
        let base = "title = \"Status\"\nbase_url = \"https://status.example.com/\"\n";
        let a = config(base);
        let now: chrono::DateTime<chrono::Utc> = "2024-06-01T00:00:00Z".parse().unwrap();
        let site = |c: &crate::input::config::Config, now, drafts| Digest::of(&(c, now, drafts));
        let k = site(&a, now, false);
        assert_eq!(
            k,
            site(&config(base), now, false),
            "equal configs, equal digests"
        );
        for other in [
            base.replace("Status", "Statut"),
            base.replace("status.example.com", "status.example.org"),
            format!("{base}timezone = \"Europe/Paris\"\n"),
            format!("{base}description = \"x\"\n"),
        ] {
            assert_ne!(site(&config(&other), now, false), k, "{other}");
        }
        let mut b = a.clone();
        b.base_url = "https://elsewhere.example/".into();
        assert_ne!(site(&b, now, false), k, "--base-url");
        assert_ne!(site(&a, now + chrono::Duration::seconds(1), false), k);
        assert_ne!(site(&a, now, true), k);

        let theme = |name: &str, text: &str| {
            std::collections::BTreeMap::from([(
                name.to_string(),
                (text.to_string(), format!("templates/{name}")),
            )])
        };
        let t = Digest::of(&theme("index.html", "{{ x }}"));
        assert_eq!(t, Digest::of(&theme("index.html", "{{ x }}")));
        assert_ne!(t, Digest::of(&theme("index.html", "{{ y }}")));
        assert_ne!(t, Digest::of(&theme("other.html", "{{ x }}")));
    }

    proptest! {
        #[test]
        fn random_inputs(n in proptest::array::uniform7(any::<u64>()), s in ".{0,12}") {
            let a = Args { n, s };
            kinds_differ(&a);
            every_input_counts(&a);
        }
    }
}
