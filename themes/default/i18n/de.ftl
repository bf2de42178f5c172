# afterword's default theme: German (Deutsch). Every key of en.ftl, in the same order; see
# en.ftl for what each message is and which variables it has, and docs/i18n.md.
# Plural categories (CLDR): one (1), other (0, 2, 3, …).
# Terms: Vorfall (incident), Nachbetrachtung (postmortem), Maßnahme (action item),
# mitwirkender Faktor (contributing factor), Schweregrad (severity), Verfügbarkeit (uptime).

## Meta

# The language's own name.
-lang-name = Deutsch

## Times, dates and durations (src/util/timefmt.rs)

time-about = ca. { $time }
time-unknown = Uhrzeit unbekannt
date-time-unknown = { $date } (Uhrzeit unbekannt)
quarter = Q{ $quarter } { $year }
# Durations: the two largest units ("2 Tg. 3 Std.", "4 Min. 30 Sek.").
duration-days = { $n } Tg.
duration-hours = { $n } Std.
duration-minutes = { $n } Min.
duration-seconds = { $n } Sek.
duration-two-units = { $first } { $second }
offset-after = +{ $duration }
offset-before = -{ $duration }

## Every page (base.html)

skip-link = Zum Inhalt springen
nav-label = Website
nav-status = Status
nav-history = Verlauf
nav-components = Komponenten
nav-stats = Statistiken
site-search-label = Website-Suche
site-search-field = Vorfälle durchsuchen
search-button = Suchen
feed-link-atom = { $site }: alle Aktualisierungen (Atom)
feed-link-rss = { $site }: alle Aktualisierungen (RSS)
footer-built-html = Alle Zeiten in der Zeitzone { $zone }. Seite erstellt am <time datetime="{ $iso }">{ $built }</time>.
footer-across-html = Über alle Nachbetrachtungen: <a href="{ $factors }">Mitwirkende Faktoren</a> · <a href="{ $actions }">Maßnahmen</a> · <a href="{ $severities }">Schweregrade</a>
footer-follow-html = Aktualisierungen abonnieren: <a href="{ $atom }">Atom-Feed</a> · <a href="{ $rss }">RSS-Feed</a> · <a href="{ $calendar }">Wartungskalender</a> · <a href="{ $api }">JSON-API</a>
footer-generator = Erstellt mit { $generator }

## 404.html

not-found-title = Seite nicht gefunden
not-found-lede = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder der Link enthält einen Tippfehler.
not-found-links-html = <a href="{ $home }">Zum aktuellen Status</a> oder im <a href="{ $history }">Vorfallverlauf</a> stöbern.

## Numbers

number = { $n }

## Default severities, contributing factors and detection methods (used when site.toml lists
## none). The description is Markdown.

severity-minor = Gering
    .description = Einige Anfragen sind langsam oder schlagen fehl; die meisten Nutzer können weiterarbeiten.
severity-major = Schwerwiegend
    .description = Eine Funktion oder eine Region ist für einige Kunden ausgefallen.
severity-critical = Kritisch
    .description = Der Dienst ist für viele Kunden ausgefallen, oder Daten sind gefährdet.
factor-change = Änderung oder Bereitstellung
    .description = Eine Code-Bereitstellung, eine Migration, ein Feature-Flag oder eine andere Änderung, die in die Produktion ausgerollt wurde.
factor-configuration = Konfiguration
    .description = Eine Einstellung, ein Limit, ein Zertifikat oder eine Regel, die falsch war, fehlte oder veraltet war.
factor-capacity = Kapazität
    .description = Last über das hinaus, wofür ein System ausgelegt oder getestet war: Datenverkehr, Speicher, Verbindungen, Kontingente.
factor-dependency = Abhängigkeit
    .description = Ein Anbieter, Cloud-Provider, eine Bibliothek oder ein interner Dienst, auf den wir angewiesen sind, ist ausgefallen oder hat sein Verhalten geändert.
factor-hardware = Hardware
    .description = Festplatten, Server, Netzwerkgeräte, Stromversorgung oder Kühlung.
factor-human-process = Menschliche Abläufe
    .description = Ein Betriebshandbuch, eine Übergabe, eine Prüfung oder ein manueller Schritt, der das Problem durchgelassen oder die Reaktion verlangsamt hat.
factor-monitoring-gap = Überwachungslücke
    .description = Alarme oder Dashboards, die das Problem übersehen, es spät bemerkt oder in die falsche Richtung gewiesen haben.
factor-security = Sicherheit
    .description = Ein Angriff, ein Missbrauch oder eine Sicherheitslücke, oder die Reaktion darauf.
factor-unknown = Unbekannt
    .description = Es konnte kein mitwirkender Faktor ermittelt werden.
detection-monitoring-alert = Überwachungsalarm
    .description = Ein Alarm unserer eigenen Überwachung hat die Rufbereitschaft benachrichtigt.
detection-synthetic-check = Synthetische Prüfung
    .description = Eine automatisierte Prüfung von außen (eine Verfügbarkeits- oder End-to-End-Prüfung) ist fehlgeschlagen.
detection-customer-report = Kundenmeldung
    .description = Ein Kunde hat uns informiert, über den Support oder soziale Medien.
detection-internal-report = Interne Meldung
    .description = Jemand aus dem Team hat es bei der Arbeit bemerkt.
detection-provider-notice = Hinweis eines Anbieters
    .description = Ein Anbieter oder vorgelagerter Dienstleister hat uns informiert.

## Labels from ids: statuses, levels, states, action items, reviews

status-investigating = Wird untersucht
status-identified = Identifiziert
status-monitoring = Wird beobachtet
status-update = Aktualisierung
status-resolved = Behoben
status-postmortem = Nachbetrachtung
status-scheduled = Geplant
status-in-progress = Wird durchgeführt
status-verifying = Wird überprüft
status-completed = Abgeschlossen
level-degraded-performance = Eingeschränkte Leistung
level-partial-outage = Teilweiser Ausfall
level-major-outage = Schwerer Ausfall
state-operational = Betriebsbereit
state-under-maintenance = In Wartung
state-no-data = Keine Daten
action-status-open = Offen
action-status-in-progress = In Bearbeitung
action-status-done = Erledigt
action-status-wont-do = Wird nicht umgesetzt
review-draft = Entwurf
review-in-review = In Prüfung
review-published = Veröffentlicht
kind-incident = Vorfall
kind-maintenance = Wartung

## Page titles made in Rust (the <title> and page.title)

search-title = Suche
history-title = Verlauf
history-year-title = { $page ->
    [1] { $year }
   *[other] { $year }, Seite { $page }
}
percent = { $n } %
components-title = Komponenten
stats-title = Statistiken
home-all-operational = Alle Systeme betriebsbereit

## Lists

list-separator = {", "}
list-separator-strong = {"; "}

## The 90-day bars: each day's text for screen readers (src/render/status_pages.rs)

bars-day-no-data = { $date }: keine Daten.
bars-day-no-downtime = { $date }: kein Ausfall.
bars-day-downtime = { $date }: { $levels }.
bars-level-minutes = { $level } für { $minutes } Min.
bars-day-incidents = Vorfälle: { $incidents }.
factors-title = Mitwirkende Faktoren
severities-title = Schweregrade
actions-title = Maßnahmen
actions-no-owner = Nicht zugewiesen
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }, Seite { $page }
}
severity-page-title = { $page ->
    [1] Vorfälle mit Schweregrad { $name }
   *[other] Vorfälle mit Schweregrad { $name }, Seite { $page }
}

## Search (search.html, static/search.js, the search index's labels)

search-facet-component = Komponente
search-facet-severity = Schweregrad
search-facet-year = Jahr
search-facet-factor = Mitwirkender Faktor
search-facet-status = Status
search-state-ongoing = Andauernd
search-state-resolved = Behoben

## Feeds and the maintenance calendar (src/render/feeds.rs)

feed-title = { $site }: Vorfälle und Wartungen
feed-description = Vorfallberichte und geplante Wartungen für { $site }
feed-component-title = { $site }: { $component }
feed-component-description = Vorfallberichte und geplante Wartungen für { $component } auf { $site }
feed-entry-open-title = [{ $status }] { $title }
feed-fact-status = Status:
feed-fact-severity = Schweregrad:
feed-fact-window = Zeitfenster:
feed-fact-started = Beginn:
feed-fact-resolved = Behoben:
feed-fact-duration = Dauer:
feed-fact-components = Komponenten:
feed-fact-trigger = Auslöser:
feed-fact-detection = Erkannt durch:
feed-fact-factors = Mitwirkende Faktoren:
feed-fact-impact = Auswirkungen auf Kunden:
feed-window = { $start } bis { $end }
feed-duration-unknown = unbekannt
feed-impact-users = { $count ->
    [one] { $count } Nutzer
   *[other] { $count } Nutzer
}
feed-impact-customers = { $count ->
    [one] { $count } Kunde
   *[other] { $count } Kunden
}
feed-impact-requests = { $count ->
    [one] { $count } Anfrage
   *[other] { $count } Anfragen
}
feed-impact-error-rate = höchste Fehlerrate { $rate } %
feed-updates = Aktualisierungen
feed-notes = Anmerkungen
feed-postmortem = Nachbetrachtung
feed-latest-update = Letzte Aktualisierung
feed-read-incident = Vollständigen Vorfallbericht lesen
feed-read-maintenance = Vollständige Wartungsankündigung lesen
calendar-name = { $site }: geplante Wartungen
calendar-components = Komponenten: { $components }
calendar-status = Status: { $status }

## The incident's course: the timeline chart, its description and text alternative
## (src/render/timeline_svg.rs). `.short` is used where the full label does not fit.

phase-before-first-update = Vor der ersten Aktualisierung
    .short = Vorlauf
phase-investigating = Wird untersucht
    .short = Untersuchung
phase-identified = Identifiziert
    .short = Identifiziert
phase-monitoring = Wird beobachtet
    .short = Beobachtung
chart-title = Zeitleiste: { $title }
chart-now-ongoing = Jetzt, dauert an ({ $time })
chart-ended = Ende { $time }
chart-detected = Erkannt { $time }
chart-lane-unaffected = in diesem Zeitraum nicht betroffen
chart-lane-then = {", dann "}
chart-times-in = Zeitzone: { $zone }
chart-desc-span = { $what } { $from }–{ $to }
chart-desc-phases = Phasen: { $phases };
chart-desc-ongoing = dauert an ({ $time }).
chart-desc-ended = Ende: { $time }.
chart-desc-lane = { $component }: { $windows }.
chart-desc-detected = Erkannt: { $time }.
chart-alt-span-html = Zeitzone: { $zone }. Von { $start } bis { $end }.
chart-alt-span-ongoing-html = Zeitzone: { $zone }. Von { $start } bis { $end } (jetzt; dauert an).
chart-alt-detected-html = Erkannt: { $time }.
chart-phases = Phasen
chart-phase = Phase
chart-from = Von
chart-to = Bis
chart-duration = Dauer
chart-impact-by-component = Auswirkungen je Komponente
chart-component = Komponente
chart-level = Stufe
chart-window-ongoing = (dauert an)

## Home page (index.html)

home-title = Aktueller Status
home-caused-by = Verursacht durch:
as-of-html = Stand: <time datetime="{ $iso }">{ $time }</time>
components-other = Weitere Komponenten
home-all-components = Alle Komponenten und ihre Verfügbarkeit
home-maintenance-active = Wartung läuft
home-maintenance-upcoming = Anstehende Wartungen
home-ongoing = { $count ->
    [one] Laufender Vorfall
   *[other] Laufende Vorfälle
}
home-ongoing-none-heading = Laufende Vorfälle
home-all-quiet-html = <strong>Alles ruhig:</strong> keine laufenden Vorfälle (Stand: <time datetime="{ $iso }">{ $time }</time>).
home-recent = Letzte Vorfälle
home-no-resolved = Noch keine behobenen Vorfälle.
home-full-history-html = <a href="{ $path }">Vollständiger Vorfallverlauf</a> ({ $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
})

## Parts shared by several pages (templates/partials/)

archive-nav-label = Über alle Nachbetrachtungen
bars-legend-label = Legende der Tagesbalken
incident-affected-components = Betroffene Komponenten
current-status-prefix = Aktueller Status:
current-status = Aktueller Status
status-prefix = Status:
severity-prefix = Schweregrad:
bars-label = { $component }: die letzten 90 Tage, ein Eintrag pro Tag
bars-90-days-ago = Vor 90 Tagen
bars-today = Heute
bars-uptime-html = { $uptime } Verfügbarkeit<span class="vh"> in 90 Tagen</span>
bars-uptime-no-data-html = Verfügbarkeit<span class="vh"> in 90 Tagen</span>: keine Daten
bars-days-with-incidents-html = { $count ->
    [one] { $count } Tag mit Vorfällen
   *[other] { $count } Tage mit Vorfällen
}<span class="vh"> für <bdi>{ $component }</bdi></span>
bars-incidents-on = Vorfälle am { $date }
row-started-html = Beginn: <time datetime="{ $iso }">{ $time }</time>
row-lasted = Dauer: { $duration }
row-ongoing-for = Dauert seit { $duration } an
row-duration-unknown = Dauer unbekannt
maintenance-components-prefix = Komponenten:
window-to = bis
pagination-newer-html = Neuere<span class="vh"> Vorfälle</span>
pagination-older-html = Ältere<span class="vh"> Vorfälle</span>
pagination-page-html = <span class="vh">Seite </span>{ $page }
timeline-title = Zeitleiste
timeline-run-updates = { $count ->
    [one] { $count } Aktualisierung,
   *[other] { $count } Aktualisierungen,
}
timeline-run-each = { $count ->
    [one] Die Aktualisierung mit ihrer Uhrzeit
   *[other] Die { $count } Aktualisierungen, jeweils mit Uhrzeit
}
uptime-days-html = { $days } Tage<span class="vh"> Verfügbarkeit</span>
years-nav-label = Jahre
incident-actions-caption = Maßnahmen aus dieser Nachbetrachtung: Verantwortlich, Status und Fälligkeit
actions-col-action = Maßnahme
actions-col-owner = Verantwortlich
actions-col-status = Status
actions-col-due = Fällig
actions-col-closed = Abgeschlossen
actions-col-incident = Vorfall
actions-no-due = Ohne Fälligkeit
actions-closed-on-html = abgeschlossen am <time datetime="{ $iso }">{ $date }</time>

## Incident page (incident.html)

page-as-json = Diese Seite als JSON
draft-banner-html = <strong>{ $state } – nicht veröffentlicht.</strong> { $kind ->
    [maintenance] Diese Seite
   *[incident] Diese Nachbetrachtung
} wird nur mit Entwürfen erstellt (<code>--drafts</code>, <code>serve</code>); die veröffentlichte Website enthält sie nicht.
incident-started = Beginn
incident-resolved = Behoben
incident-unknown-html = Unbekannt <span class="muted">(eine Zeitangabe ist nicht genau)</span>
incident-not-yet-html = Noch nicht: dauert seit <time datetime="{ $iso }">{ $time }</time> an
incident-ongoing-for = Andauernd seit
incident-trigger = Auslöser
incident-detection = Erkennung
incident-detected-by = Erkannt durch
incident-detected = Erkannt
time-to-detect = Zeit bis zur Erkennung
time-to-resolve = Zeit bis zur Behebung
incident-times-as-posted = Zeiten wie gemeldet
incident-posted-zone = { $zone }, in Klammern
components-affected = Betroffene Komponenten
incident-course = Verlauf des Vorfalls
incident-course-chart-label = Diagramm: der Verlauf des Vorfalls
incident-chart-as-text = Das Diagramm als Text
toc-title = Inhalt
incident-customer-impact = Auswirkungen auf Kunden
incident-lessons = Erkenntnisse
incident-went-well = Was gut lief
incident-went-wrong = Was schiefging
incident-lucky = Wo wir Glück hatten
incident-related = Verwandte Vorfälle
timeline-after-start = nach dem Beginn
timeline-after-window-start = relativ zum Beginn des Zeitfensters
impact-people = Betroffene Personen
impact-customers = Betroffene Kunden
impact-requests = Fehlgeschlagene oder beeinträchtigte Anfragen
impact-error-rate = Höchste Fehlerrate
related-maintenance-html = Wartung, <time datetime="{ $iso }">{ $date }</time>
incident-review = Prüfung
incident-reviewed-by = ; geprüft von
written-by = Verfasst von
tags = Schlagwörter
pager-label = Ältere und neuere Vorfälle
pager-older = Älterer Vorfall
pager-newer = Neuerer Vorfall

## Maintenance page (maintenance.html)

maintenance-scheduled = Geplant
maintenance-planned-duration = Geplante Dauer
maintenance-ended = Beendet
maintenance-expected-end = Voraussichtliches Ende
maintenance-expected-duration = Voraussichtliche Dauer
maintenance-components-label = Komponenten in Wartung
maintenance-from = In Wartung ab { $time }

## Component pages (component.html, components.html)

component-description = { $component }: aktueller Status, Verfügbarkeit und Vorfälle.
component-feed-atom = { $component }: Aktualisierungen (Atom)
component-feed-rss = { $component }: Aktualisierungen (RSS)
component-group-html = Gruppe: <a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = <bdi>{ $component }</bdi> abonnieren: <a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = Verfügbarkeit, { $days } Tage
last-days = Letzte { $days } Tage
component-resolve-lede-html = Vorfälle, die <bdi>{ $component }</bdi> betrafen und im Zeitraum begannen; die Zeiten beziehen sich auf die behobenen.
component-resolve-caption = Vorfälle und Zeit bis zur Behebung in den letzten 90 und 365 Tagen
component-col-window = Zeitraum
col-incidents = Vorfälle
component-col-median = Median der Zeit bis zur Behebung
component-col-longest = Längste
no-resolved-incidents = Keine behobenen Vorfälle
component-maintenance-upcoming = Anstehend
component-maintenance-recent = Kürzlich abgeschlossen
component-no-maintenance-html = Für <bdi>{ $component }</bdi> ist keine Wartung geplant oder erfasst.
component-no-incidents-html = <bdi>{ $component }</bdi> war von keinem Vorfall betroffen.
components-lede = Der aktuelle Status jeder Komponente und ihre Verfügbarkeit in den letzten 30, 90 und 365 Tagen. Geplante Wartungen zählen nicht als Ausfallzeit.
components-group-caption = Status und Verfügbarkeit der Komponenten der Gruppe { $group }
components-all = Alle Komponenten
components-other-caption = Status und Verfügbarkeit der weiteren Komponenten
components-none = Es sind keine Komponenten aufgeführt.

## History pages (history.html, history_year.html)

history-total = { $count ->
    [one] { $count } Vorfall insgesamt.
   *[other] { $count } Vorfälle insgesamt.
}
history-by-year = Nach Jahr
incidents-count = { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
}
history-year-by-month = { $year } nach Monat
history-month-count-html = <a href="{ $path }">{ $month }</a>: { $count }
history-latest = Neueste Vorfälle
history-more = Jeder Vorfall ist auf der Seite seines Jahres aufgeführt.
history-none = Es wurden keine Vorfälle erfasst.
history-year-heading = { $page ->
    [1] Vorfälle im Jahr { $year }
   *[other] Vorfälle im Jahr { $year }, Seite { $page } von { $pages }
}
history-year-lede-html = { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
} im Jahr { $year }. <a href="{ $path }">Alle Jahre</a>
pages-of = Seiten zu { $what }
pages-of-severity = Seiten zu Vorfällen mit Schweregrad { $name }

## Contributing factors (factor.html, factors.html)

factor-heading = { $page ->
    [1] Mitwirkender Faktor: { $name }
   *[other] Mitwirkender Faktor: { $name }, Seite { $page } von { $pages }
}
factor-lede-html = Trug zu { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfällen
} bei. <a href="{ $path }">Alle mitwirkenden Faktoren</a>
factor-per-year = Vorfälle pro Jahr
factor-per-year-caption = Anzahl der Vorfälle nach Jahr
factor-incidents-caption = Vorfälle mit diesem Faktor: Beginn, Schweregrad und wie er sich zeigte
factor-col-note = In diesem Fall
factor-no-note = Keine Anmerkung
factor-none = Kein Vorfall nennt diesen Faktor.
factors-lede = Was Vorfälle ermöglicht, verschlimmert oder verlängert hat, gezählt über alle Nachbetrachtungen. Ein Vorfall hat meist mehr als einen Faktor, daher ist die Summe der Zahlen größer als die Anzahl der Vorfälle.
factors-per-year = Vorfälle nach Faktor und Jahr
factors-per-year-caption = Anzahl der Vorfälle nach Faktor und Jahr
col-factor = Faktor
col-total = Gesamt
no-incidents-yet = Noch keine Vorfälle.
factors-meanings = Was die einzelnen Faktoren bedeuten
no-description = Keine Beschreibung.

## Severities (severities.html, severity.html)

severities-lede = Wie schwer ein Vorfall nach Einschätzung des Teams war, und wie lange die Behebung von Vorfällen jedes Schweregrads dauerte (vom Beginn bis zur Behebung; Median und Perzentile, nie Durchschnittswerte, da einige wenige lange Vorfälle diese verzerren würden).
severity-component-level = Komponentenstufe
severity-incidents-link-html = { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
}<span class="vh"> mit Schweregrad <bdi>{ $name }</bdi></span>
severity-percentiles-html = Median { $median }, 75. Perzentil { $p75 }, 90. Perzentil { $p90 } <span class="muted">(n = { $count } behoben)</span>
severity-no-resolved = Keine behobenen Vorfälle (n = 0)
severity-heading = { $page ->
    [1] Schweregrad: { $name }
   *[other] Schweregrad: { $name }, Seite { $page } von { $pages }
}
severity-lede = { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
}; Komponentenstufe: { $level }.
severity-lede-resolve = Zeit bis zur Behebung: Median { $median }, 75. Perzentil { $p75 }, 90. Perzentil { $p90 } (n = { $count } behoben).
severity-lede-no-resolved = Zeit bis zur Behebung: keine behobenen Vorfälle (n = 0).
severity-all = Alle Schweregrade
severity-none = Keine Vorfälle mit diesem Schweregrad.

## Statistics (stats.html)

stats-lede = Wie oft etwas ausfällt, wie schnell wir es bemerken und beheben, und was noch zu tun ist.
stats-per-period = { $period ->
    [quarter] Vorfälle pro Quartal
    [year] Vorfälle pro Jahr
   *[month] Vorfälle pro Monat
}
stats-chart-desc = Von { $from } bis { $to }, { $period ->
    [quarter] ein Balken pro Quartal
    [year] ein Balken pro Jahr
   *[month] ein Balken pro Monat
}, gestapelt nach Schweregrad{ $max ->
    [0] {""}
    [one] ; der höchste Balken umfasst { $max } Vorfall
   *[other] ; der höchste Balken umfasst { $max } Vorfälle
}.
stats-chart-table-note = Die Tabelle unter dem Diagramm enthält dieselben Zahlen.
stats-bar-title = { $period }: { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
}
stats-bar-segment = { $severity }: { $count }
stats-table-heading = { $period ->
    [quarter] Vorfälle pro Quartal, nach Schweregrad
    [year] Vorfälle pro Jahr, nach Schweregrad
   *[month] Vorfälle pro Monat, nach Schweregrad
}
stats-period-name = { $period ->
    [quarter] Quartal
    [year] Jahr
   *[month] Monat
}
stats-timings = Zeit bis zur Behebung und Erkennung
stats-timings-lede = Die Zeit bis zur Behebung reicht vom Beginn eines Vorfalls bis zu seiner Behebung (nur behobene Vorfälle), die Zeit bis zur Erkennung von seinem Beginn bis zu dem Zeitpunkt, an dem er erkannt wurde (Vorfälle mit erfasstem Erkennungszeitpunkt). Gemessen werden nur Vorfälle, deren beide Zeitangaben genau sind: Ein Datum ohne Uhrzeit oder eine ungefähre Uhrzeit schließt einen Vorfall aus. Median und Perzentile statt Durchschnittswerten: Einige wenige sehr lange Vorfälle würden einen Durchschnitt weit vom typischen Vorfall wegziehen.
stats-timings-caption = Median und Perzentile der Zeit bis zur Behebung und Erkennung
stats-col-measure = Kennzahl
col-median = Median
col-p75 = 75. Perzentil
col-p90 = 90. Perzentil
stats-col-measured = Gemessene Vorfälle
col-n = n
stats-by-severity = Zeit bis zur Behebung nach Schweregrad
stats-by-severity-lede = Über die behobenen Vorfälle jedes Schweregrads; n ist die Anzahl der gemessenen Vorfälle.
stats-by-severity-caption = Zeit bis zur Behebung je Schweregrad: Median und Perzentile
stats-per-factor = Vorfälle pro mitwirkendem Faktor und Jahr
stats-per-factor-lede-html = Zu wie vielen Vorfällen jeder Faktor beigetragen hat, nach dem Jahr ihres Beginns. <a href="{ $path }">Was die einzelnen Faktoren bedeuten</a>
stats-per-component = Vorfälle pro Komponente
stats-per-component-lede = Jeder erfasste Vorfall, der die Komponente betraf.
stats-per-component-caption = Anzahl der Vorfälle nach Komponente
stats-open-actions = Offene Maßnahmen
stats-open-actions-lede-html = Maßnahmen aus Nachbetrachtungen, die offen oder in Bearbeitung sind, die am frühesten fälligen zuerst. <a href="{ $path }">Alle Maßnahmen, nach Verantwortlichen</a>
stats-open-actions-caption = Offene Maßnahmen, die am frühesten fälligen zuerst
actions-overdue = Überfällig
stats-no-open-actions = Keine offenen Maßnahmen.

## Action items (actions.html)

actions-lede = Jede in einer Nachbetrachtung zugesagte Maßnahme: zuerst die offenen (überfällige, dann die am frühesten fälligen), dann die abgeschlossenen, die neuesten zuerst.
actions-summary = Übersicht
actions-closure-rate = Abschlussquote
actions-closure-html = { $closed } von { $total } ({ $percent } %)<span class="muted"> erledigt oder nicht umgesetzt</span>
actions-no-items = Keine Maßnahmen (n = 0)
actions-median-close = Median der Zeit bis zum Abschluss
actions-median-days-html = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} <span class="muted">(n = { $count })</span>
actions-no-closed = Keine Abschlussdaten (n = 0)
actions-close-note = Die Zeit bis zum Abschluss reicht vom Tag, an dem der Vorfall behoben wurde, bis zum Abschlussdatum der Maßnahme (0 für eine, die davor abgeschlossen wurde); Maßnahmen ohne Abschlussdatum und Maßnahmen zu nicht behobenen Vorfällen werden dabei nicht berücksichtigt.
actions-by-owner = Nach Verantwortlichen
actions-owners-caption = Maßnahmen je Verantwortlichem: offen, überfällig, abgeschlossen und gesamt
actions-all = Alle Maßnahmen
actions-register-caption = Alle Maßnahmen mit Vorfall, Verantwortlichem, Status, Fälligkeits- und Abschlussdatum
actions-per-owner = Offene Maßnahmen je Verantwortlichem
actions-owner-counts = { $open } offen{ $overdue ->
    [0] {""}
   *[other] , { $overdue } überfällig
}, { $closed } abgeschlossen
actions-due-html = , fällig am <time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = Nichts offen.
actions-none = Keine Maßnahmen.
search-lede = Alle veröffentlichten Vorfälle durchsuchen: Titel, Zusammenfassungen, Aktualisierungen, Nachbetrachtungen, Erkenntnisse und Maßnahmen.
search-lede-drafts = Alle Vorfälle und Entwürfe durchsuchen: Titel, Zusammenfassungen, Aktualisierungen, Nachbetrachtungen, Erkenntnisse und Maßnahmen.
search-nojs-html = Die Suche läuft in Ihrem Browser und benötigt JavaScript. Ohne JavaScript listet <a href="{ $history }">der Verlauf</a> alle Vorfälle nach Monat auf, und <a href="{ $factors }">mitwirkende Faktoren</a>, <a href="{ $severities }">Schweregrade</a> und <a href="{ $components }">Komponenten</a> gruppieren sie.
search-form-label = Archiv durchsuchen
search-field = Suchbegriffe
search-filter-by = Filtern nach
search-filter-or = {" oder "}
search-results = Ergebnisse
search-more = Weitere Ergebnisse anzeigen
search-searching = Suche läuft…
search-failed = Die Suche konnte ihren Index nicht laden ({ $error }).
search-in = In { $heading }
search-found = { $count ->
    [0] Keine Vorfälle gefunden.
    [one] { $count } Vorfall gefunden.
   *[other] { $count } Vorfälle gefunden.
}
search-found-for = { $count ->
    [0] Keine Vorfälle gefunden für „{ $query }“.
    [one] { $count } Vorfall gefunden für „{ $query }“.
   *[other] { $count } Vorfälle gefunden für „{ $query }“.
}

## Badges (src/render/badges.rs): lower-case like shields.io badges, but nouns keep their capitals

badge-status = Status
badge-uptime = Verfügbarkeit
badge-no-data = keine Daten
badge-state-operational = betriebsbereit
badge-state-under-maintenance = in Wartung
badge-state-degraded-performance = eingeschränkte Leistung
badge-state-partial-outage = teilweiser Ausfall
badge-state-major-outage = schwerer Ausfall
badge-status-title = Status von { $subject }: { $message }
badge-uptime-title = Verfügbarkeit von { $component } in den letzten 90 Tagen: { $message }
badge-status-alt = Status von { $subject }
badge-uptime-alt = Verfügbarkeit von { $component }, letzte 90 Tage

## Status cards (embed.html)

embed-title = Status von { $component } · { $site }
embed-new-tab = (öffnet sich in einem neuen Tab)
embed-now = Derzeit laufend
embed-maintenance = (Wartung)
embed-component-page = Statusseite von { $component }
embed-full-page = Vollständige Statusseite
embed-as-of-html = Stand: <time datetime="{ $iso }">{ $time }</time>

## Snippets to embed badges and cards (partials/embed_snippets.html)

snippets-title = Badges und Einbettungen
snippets-summary = Den Status von { $name } auf einer anderen Website oder in einer README anzeigen
snippets-status-badge = Status-Badge
snippets-every-build = Wird bei jeder Erstellung der Website aktualisiert. Markdown:
snippets-markdown = Markdown:
snippets-html = HTML:
snippets-uptime-badge = Verfügbarkeits-Badge (letzte 90 Tage)
snippets-card = Statuskarte
snippets-card-text-html = Eine kleine Seite für ein <code>&lt;iframe&gt;</code>, hell und dunkel, ohne Skripte; ihre Links öffnen sich in einem neuen Tab:
snippets-shields = shields.io
snippets-shields-text-html = Dasselbe Badge als <a href="{ $url }">shields.io-Endpunkt-JSON</a>, für die anderen Stile von shields.io:

## Linkvorschauen

card-severity = Schweregrad
card-status = Status
card-duration = Dauer
card-ongoing-for = Andauernd seit
card-duration-unknown = {"—"}
card-site-description = Status, Vorfallhistorie und Nachbetrachtungen von { $site }.
card-incident-alt = { $title } — Schweregrad: { $severity }. Status: { $status }. { $label }: { $duration }. { $site }
card-site-alt = { $site } — { $description }
