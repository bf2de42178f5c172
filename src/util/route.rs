//! Where every page lives: the one place output paths are spelled. A [`Route`] gives the
//! page's folder relative to the site root (`incidents/db-outage/`), the file it is written to
//! (`incidents/db-outage/index.html`) and the files beside it (`index.json`, feeds). Paths
//! with the base path or the base URL are made from these by `render::Paths`.
//!
//! A leaf: it knows slugs and ids, not incidents.

use std::fmt;

/// A page of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/`
    Home,
    /// `/incidents/<slug>/`
    Incident(&'a str),
    /// `/maintenance/<slug>/`
    Maintenance(&'a str),
    /// `/history/`
    History,
    /// `/history/<year>/`, and `/history/<year>/<page>/` from page 2 on.
    HistoryYear { year: i32, page: usize },
    /// `/components/`
    Components,
    /// `/components/<id>/`
    Component(&'a str),
    /// `/stats/`
    Stats,
    /// `/factors/`
    Factors,
    /// `/factors/<id>/`, and `/factors/<id>/<page>/` from page 2 on.
    Factor { id: &'a str, page: usize },
    /// `/actions/`
    Actions,
    /// `/severities/`
    Severities,
    /// `/severities/<id>/`, and `/severities/<id>/<page>/` from page 2 on.
    Severity { id: &'a str, page: usize },
    /// `/search/`
    Search,
    /// `/embed/`: the site's status card, a page for an `<iframe>` on other sites.
    Embed,
    /// `/components/<id>/embed/`: a component's status card.
    ComponentEmbed(&'a str),
    /// `/404.html`, a file rather than a folder.
    NotFound,
}

/// The status badge beside the home page and each component page (`badge.svg`).
pub const BADGE: &str = "badge.svg";
/// A component's 90-day uptime badge, beside its page (`uptime.svg`).
pub const UPTIME_BADGE: &str = "uptime.svg";
/// The shields.io endpoint JSON beside the home page and each component page.
pub const SHIELDS_JSON: &str = "shields.json";

impl Route<'_> {
    /// The page's folder relative to the site root, ending in `/` (empty for the home page),
    /// or its file name for a page that is a file (`404.html`).
    pub fn rel(&self) -> String {
        self.to_string()
    }

    /// The file the page is written to: `incidents/x/index.html`, `404.html`.
    pub fn file(&self) -> String {
        match self {
            Route::NotFound => self.to_string(),
            _ => format!("{self}index.html"),
        }
    }

    /// The page kind templates see as `page.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Route::Home => "index",
            Route::Incident(_) => "incident",
            Route::Maintenance(_) => "maintenance",
            Route::History => "history",
            Route::HistoryYear { .. } => "history_year",
            Route::Components => "components",
            Route::Component(_) => "component",
            Route::Stats => "stats",
            Route::Factors => "factors",
            Route::Factor { .. } => "factor",
            Route::Actions => "actions",
            Route::Severities => "severities",
            Route::Severity { .. } => "severity",
            Route::Search => "search",
            Route::Embed | Route::ComponentEmbed(_) => "embed",
            Route::NotFound => "404",
        }
    }

    /// A file in the page's folder: `beside("index.json")` → `incidents/x/index.json`.
    pub fn beside(&self, name: &str) -> String {
        format!("{self}{name}")
    }
}

impl fmt::Display for Route<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::Home => Ok(()),
            Route::Incident(slug) => write!(f, "incidents/{slug}/"),
            Route::Maintenance(slug) => write!(f, "maintenance/{slug}/"),
            Route::History => f.write_str("history/"),
            Route::HistoryYear { year, page: 1 } => write!(f, "history/{year}/"),
            Route::HistoryYear { year, page } => write!(f, "history/{year}/{page}/"),
            Route::Components => f.write_str("components/"),
            Route::Component(id) => write!(f, "components/{id}/"),
            Route::Stats => f.write_str("stats/"),
            Route::Factors => f.write_str("factors/"),
            Route::Factor { id, page: 1 } => write!(f, "factors/{id}/"),
            Route::Factor { id, page } => write!(f, "factors/{id}/{page}/"),
            Route::Actions => f.write_str("actions/"),
            Route::Severities => f.write_str("severities/"),
            Route::Severity { id, page: 1 } => write!(f, "severities/{id}/"),
            Route::Severity { id, page } => write!(f, "severities/{id}/{page}/"),
            Route::Search => f.write_str("search/"),
            Route::Embed => f.write_str("embed/"),
            Route::ComponentEmbed(id) => write!(f, "components/{id}/embed/"),
            Route::NotFound => f.write_str("404.html"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_files_and_neighbours() {
        let cases = [
            (Route::Home, "", "index.html"),
            (
                Route::Incident("db"),
                "incidents/db/",
                "incidents/db/index.html",
            ),
            (
                Route::Maintenance("m"),
                "maintenance/m/",
                "maintenance/m/index.html",
            ),
            (Route::History, "history/", "history/index.html"),
            (
                Route::HistoryYear {
                    year: 2024,
                    page: 1,
                },
                "history/2024/",
                "history/2024/index.html",
            ),
            (
                Route::HistoryYear {
                    year: 2024,
                    page: 3,
                },
                "history/2024/3/",
                "history/2024/3/index.html",
            ),
            (Route::Components, "components/", "components/index.html"),
            (
                Route::Component("api"),
                "components/api/",
                "components/api/index.html",
            ),
            (Route::Stats, "stats/", "stats/index.html"),
            (Route::Factors, "factors/", "factors/index.html"),
            (
                Route::Factor {
                    id: "capacity",
                    page: 1,
                },
                "factors/capacity/",
                "factors/capacity/index.html",
            ),
            (
                Route::Factor {
                    id: "capacity",
                    page: 2,
                },
                "factors/capacity/2/",
                "factors/capacity/2/index.html",
            ),
            (Route::Actions, "actions/", "actions/index.html"),
            (Route::Severities, "severities/", "severities/index.html"),
            (
                Route::Severity {
                    id: "major",
                    page: 1,
                },
                "severities/major/",
                "severities/major/index.html",
            ),
            (
                Route::Severity {
                    id: "major",
                    page: 3,
                },
                "severities/major/3/",
                "severities/major/3/index.html",
            ),
            (Route::Embed, "embed/", "embed/index.html"),
            (
                Route::ComponentEmbed("api"),
                "components/api/embed/",
                "components/api/embed/index.html",
            ),
            (Route::NotFound, "404.html", "404.html"),
        ];
        for (route, rel, file) in cases {
            assert_eq!(route.rel(), rel, "{route:?}");
            assert_eq!(route.file(), file, "{route:?}");
        }
        assert_eq!(
            Route::Component("api").beside("feed.xml"),
            "components/api/feed.xml"
        );
        assert_eq!(Route::Home.beside("rss.xml"), "rss.xml");
        assert_eq!(Route::Home.beside(BADGE), "badge.svg");
        assert_eq!(
            Route::Component("api").beside(UPTIME_BADGE),
            "components/api/uptime.svg"
        );
    }
}
