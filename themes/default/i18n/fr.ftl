# afterword's default theme: French (Français). Every key of en.ftl, in the same order; see
# en.ftl for what each message is and which variables it has, and docs/i18n.md.
# Plural categories (CLDR): one (0 and 1), other (2, 3, …); an exact [0] comes first.
# Terms: incident, analyse post-incident (postmortem), action corrective (action item),
# facteur contributif (contributing factor), gravité (severity), disponibilité (uptime).
# Typography: a narrow no-break space (U+202F) before ; : ! ? and %, a no-break space
# (U+00A0) inside « » and between a number and its unit.

## Meta

# The language's own name.
-lang-name = Français

## Times, dates and durations (src/util/timefmt.rs)

time-about = { $time } environ
time-unknown = heure inconnue
date-time-unknown = { $date } (heure inconnue)
quarter = T{ $quarter } { $year }
# Durations: the two largest units ("2 j 3 h", "4 min 30 s").
duration-days = { $n } j
duration-hours = { $n } h
duration-minutes = { $n } min
duration-seconds = { $n } s
duration-two-units = { $first } { $second }
offset-after = +{ $duration }
offset-before = -{ $duration }

## Every page (base.html)

skip-link = Aller au contenu
nav-label = Site
nav-status = État
nav-history = Historique
nav-components = Composants
nav-stats = Statistiques
site-search-label = Recherche sur le site
site-search-field = Rechercher des incidents
search-button = Rechercher
feed-link-atom = { $site } : toutes les mises à jour (Atom)
feed-link-rss = { $site } : toutes les mises à jour (RSS)
footer-built-html = Les heures sont indiquées dans le fuseau horaire { $zone }. Page générée le <time datetime="{ $iso }">{ $built }</time>.
footer-across-html = Dans toutes les analyses post-incident : <a href="{ $factors }">facteurs contributifs</a> · <a href="{ $actions }">actions correctives</a> · <a href="{ $severities }">niveaux de gravité</a>
footer-follow-html = Suivre les mises à jour : <a href="{ $atom }">flux Atom</a> · <a href="{ $rss }">flux RSS</a> · <a href="{ $calendar }">calendrier des maintenances</a> · <a href="{ $api }">API JSON</a>
footer-generator = Généré par { $generator }

## 404.html

not-found-title = Page introuvable
not-found-lede = Il n’y a aucune page à cette adresse. Elle a peut-être été déplacée, ou le lien contient une faute de frappe.
not-found-links-html = <a href="{ $home }">Voir l’état actuel</a> ou parcourir l’<a href="{ $history }">historique des incidents</a>.

## Numbers

number = { $n }

## Default severities, contributing factors and detection methods (used when site.toml lists
## none). The description is Markdown.

severity-minor = Mineure
    .description = Certaines requêtes sont lentes ou échouent ; la plupart des utilisateurs peuvent travailler.
severity-major = Majeure
    .description = Une fonctionnalité ou une région est indisponible pour une partie des clients.
severity-critical = Critique
    .description = Le service est indisponible, ou des données sont menacées, pour de nombreux clients.
factor-change = Changement ou déploiement
    .description = Un déploiement de code, une migration, un indicateur de fonctionnalité ou tout autre changement mis en production.
factor-configuration = Configuration
    .description = Un paramètre, une limite, un certificat ou une règle erroné, manquant ou obsolète.
factor-capacity = Capacité
    .description = Une charge supérieure à ce pour quoi un système était dimensionné ou testé : trafic, stockage, connexions, quotas.
factor-dependency = Dépendance
    .description = Un fournisseur, un hébergeur cloud, une bibliothèque ou un service interne dont nous dépendons est tombé en panne ou a changé de comportement.
factor-hardware = Matériel
    .description = Disques, serveurs, équipements réseau, alimentation électrique ou refroidissement.
factor-human-process = Processus humain
    .description = Une procédure d’exploitation, une passation, une revue ou une étape manuelle qui a laissé passer le problème ou ralenti la réponse.
factor-monitoring-gap = Lacune de supervision
    .description = Des alertes ou des tableaux de bord qui n’ont pas détecté le problème, l’ont remarqué tard ou ont orienté vers une mauvaise piste.
factor-security = Sécurité
    .description = Une attaque, un abus ou une vulnérabilité, ou la réponse à l’un d’eux.
factor-unknown = Inconnu
    .description = Aucun facteur contributif n’a pu être établi.
detection-monitoring-alert = Alerte de supervision
    .description = Une alerte de notre propre supervision a prévenu une personne d’astreinte.
detection-synthetic-check = Test synthétique
    .description = Une sonde automatisée externe (un test de disponibilité ou de bout en bout) a échoué.
detection-customer-report = Signalement client
    .description = Un client nous a prévenus, via le support ou les réseaux sociaux.
detection-internal-report = Signalement interne
    .description = Une personne de l’équipe l’a remarqué en travaillant.
detection-provider-notice = Avis d’un fournisseur
    .description = Un fournisseur ou un prestataire en amont nous a prévenus.

## Labels from ids: statuses, levels, states, action items, reviews

status-investigating = Enquête en cours
status-identified = Identifié
status-monitoring = Surveillance
status-update = Mise à jour
status-resolved = Résolu
status-postmortem = Analyse post-incident
status-scheduled = Planifiée
status-in-progress = En cours
status-verifying = Vérification en cours
status-completed = Terminée
level-degraded-performance = Performances dégradées
level-partial-outage = Panne partielle
level-major-outage = Panne majeure
state-operational = Opérationnel
state-under-maintenance = En maintenance
state-no-data = Aucune donnée
action-status-open = Ouverte
action-status-in-progress = En cours
action-status-done = Terminée
action-status-wont-do = Abandonnée
review-draft = Brouillon
review-in-review = En relecture
review-published = Publié
kind-incident = Incident
kind-maintenance = Maintenance

## Page titles made in Rust (the <title> and page.title)

search-title = Recherche
history-title = Historique
history-year-title = { $page ->
    [1] { $year }
   *[other] { $year }, page { $page }
}
percent = { $n } %
components-title = Composants
stats-title = Statistiques
home-all-operational = Tous les systèmes sont opérationnels

## Lists

list-separator = {", "}
list-separator-strong = {" ; "}

## The 90-day bars: each day's text for screen readers (src/render/status_pages.rs)

bars-day-no-data = { $date } : aucune donnée.
bars-day-no-downtime = { $date } : aucune interruption.
bars-day-downtime = { $date } : { $levels }.
bars-level-minutes = { $level } pendant { $minutes } min
bars-day-incidents = Incidents : { $incidents }.
factors-title = Facteurs contributifs
severities-title = Niveaux de gravité
actions-title = Actions correctives
actions-no-owner = Sans responsable
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }, page { $page }
}
severity-page-title = { $page ->
    [1] Incidents de gravité { $name }
   *[other] Incidents de gravité { $name }, page { $page }
}

## Search (search.html, static/search.js, the search index's labels)

search-facet-component = Composant
search-facet-severity = Gravité
search-facet-year = Année
search-facet-factor = Facteur contributif
search-facet-status = Statut
search-state-ongoing = En cours
search-state-resolved = Résolu

## Feeds and the maintenance calendar (src/render/feeds.rs)

feed-title = { $site } : incidents et maintenances
feed-description = Rapports d’incident et maintenances planifiées de { $site }
feed-component-title = { $site } : { $component }
feed-component-description = Rapports d’incident et maintenances planifiées de { $component } sur { $site }
feed-entry-open-title = [{ $status }] { $title }
feed-fact-status = Statut :
feed-fact-severity = Gravité :
feed-fact-window = Fenêtre :
feed-fact-started = Début :
feed-fact-resolved = Résolu :
feed-fact-duration = Durée :
feed-fact-components = Composants :
feed-fact-trigger = Déclencheur :
feed-fact-detection = Détecté par :
feed-fact-factors = Facteurs contributifs :
feed-fact-impact = Impact client :
feed-window = du { $start } au { $end }
feed-duration-unknown = inconnue
feed-impact-users = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
feed-impact-customers = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}
feed-impact-requests = { $count ->
    [one] { $count } requête
   *[other] { $count } requêtes
}
feed-impact-error-rate = taux d’erreur maximal de { $rate } %
feed-updates = Mises à jour
feed-notes = Notes
feed-postmortem = Analyse post-incident
feed-latest-update = Dernière mise à jour
feed-read-incident = Lire le rapport d’incident complet
feed-read-maintenance = Lire l’avis de maintenance complet
calendar-name = { $site } : maintenances planifiées
calendar-components = Composants : { $components }
calendar-status = Statut : { $status }

## The incident's course: the timeline chart, its description and text alternative
## (src/render/timeline_svg.rs). `.short` is used where the full label does not fit.

phase-before-first-update = Avant la première mise à jour
    .short = Avant mise à jour
phase-investigating = Enquête en cours
    .short = Enquête
phase-identified = Identifié
    .short = Identifié
phase-monitoring = Surveillance
    .short = Surveillance
chart-title = Chronologie : { $title }
chart-now-ongoing = Maintenant, en cours ({ $time })
chart-ended = Fin { $time }
chart-detected = Détection { $time }
chart-lane-unaffected = non affecté sur cette période
chart-lane-then = {", puis "}
chart-times-in = Fuseau horaire : { $zone }
chart-desc-span = { $what } { $from }–{ $to }
chart-desc-phases = Phases : { $phases } ;
chart-desc-ongoing = toujours en cours ({ $time }).
chart-desc-ended = fin : { $time }.
chart-desc-lane = { $component } : { $windows }.
chart-desc-detected = Détection : { $time }.
chart-alt-span-html = Fuseau horaire : { $zone }. De { $start } à { $end }.
chart-alt-span-ongoing-html = Fuseau horaire : { $zone }. De { $start } à { $end } (maintenant ; en cours).
chart-alt-detected-html = Détection : { $time }.
chart-phases = Phases
chart-phase = Phase
chart-from = De
chart-to = À
chart-duration = Durée
chart-impact-by-component = Impact par composant
chart-component = Composant
chart-level = Niveau
chart-window-ongoing = (en cours)

## Home page (index.html)

home-title = État actuel
home-caused-by = Cause :
as-of-html = Mis à jour le <time datetime="{ $iso }">{ $time }</time>
components-other = Autres composants
home-all-components = Tous les composants et leur disponibilité
home-maintenance-active = Maintenance en cours
home-maintenance-upcoming = Maintenances à venir
home-ongoing = { $count ->
    [one] Incident en cours
   *[other] Incidents en cours
}
home-ongoing-none-heading = Incidents en cours
home-all-quiet-html = <strong>Tout est calme :</strong> aucun incident en cours au <time datetime="{ $iso }">{ $time }</time>.
home-recent = Incidents récents
home-no-resolved = Aucun incident résolu pour le moment.
home-full-history-html = <a href="{ $path }">Historique complet des incidents</a> ({ $count ->
    [one] { $count } incident
   *[other] { $count } incidents
})

## Parts shared by several pages (templates/partials/)

archive-nav-label = Dans toutes les analyses post-incident
bars-legend-label = Légende des barres journalières
incident-affected-components = Composants affectés
current-status-prefix = État actuel :
current-status = État actuel
status-prefix = Statut :
severity-prefix = Gravité :
bars-label = { $component } : les 90 derniers jours, un élément par jour
bars-90-days-ago = Il y a 90 jours
bars-today = Aujourd’hui
bars-uptime-html = { $uptime } de disponibilité<span class="vh"> sur 90 jours</span>
bars-uptime-no-data-html = Disponibilité<span class="vh"> sur 90 jours</span> : aucune donnée
bars-days-with-incidents-html = { $count ->
    [one] { $count } jour avec incidents
   *[other] { $count } jours avec incidents
}<span class="vh"> pour <bdi>{ $component }</bdi></span>
bars-incidents-on = Incidents du { $date }
row-started-html = Début : <time datetime="{ $iso }">{ $time }</time>
row-lasted = Durée : { $duration }
row-ongoing-for = En cours depuis { $duration }
row-duration-unknown = Durée inconnue
maintenance-components-prefix = Composants :
window-to = jusqu’à
pagination-newer-html = Plus récents<span class="vh"> (incidents)</span>
pagination-older-html = Plus anciens<span class="vh"> (incidents)</span>
pagination-page-html = <span class="vh">Page </span>{ $page }
timeline-title = Chronologie
timeline-run-updates = { $count ->
    [one] { $count } mise à jour,
   *[other] { $count } mises à jour,
}
timeline-run-each = { $count ->
    [one] La mise à jour, avec son heure
   *[other] Les { $count } mises à jour, chacune avec son heure
}
uptime-days-html = { $days } jours<span class="vh"> de disponibilité</span>
years-nav-label = Années
incident-actions-caption = Actions correctives issues de cette analyse post-incident : responsable, statut et échéance
actions-col-action = Action
actions-col-owner = Responsable
actions-col-status = Statut
actions-col-due = Échéance
actions-col-closed = Clôture
actions-col-incident = Incident
actions-no-due = Sans échéance
actions-closed-on-html = clôturée le <time datetime="{ $iso }">{ $date }</time>

## Incident page (incident.html)

page-as-json = Cette page au format JSON
draft-banner-html = <strong>{ $state } — non publié.</strong> { $kind ->
    [maintenance] Cette page
   *[incident] Cette analyse post-incident
} n’est générée qu’avec les brouillons (<code>--drafts</code>, <code>serve</code>) ; le site publié ne l’inclut pas.
incident-started = Début
incident-resolved = Résolu
incident-unknown-html = Inconnu <span class="muted">(l’une des heures n’est pas exacte)</span>
incident-not-yet-html = Pas encore : en cours depuis le <time datetime="{ $iso }">{ $time }</time>
incident-ongoing-for = En cours depuis
incident-trigger = Déclencheur
incident-detection = Détection
incident-detected-by = Détecté par
incident-detected = Détecté
time-to-detect = Délai de détection
time-to-resolve = Délai de résolution
incident-times-as-posted = Heures telles que publiées
incident-posted-zone = { $zone }, entre parenthèses
components-affected = Composants affectés
incident-course = Déroulement de l’incident
incident-course-chart-label = Graphique : le déroulement de l’incident
incident-chart-as-text = Le graphique sous forme de texte
toc-title = Sommaire
incident-customer-impact = Impact sur les clients
incident-lessons = Enseignements
incident-went-well = Ce qui a bien fonctionné
incident-went-wrong = Ce qui n’a pas fonctionné
incident-lucky = Là où nous avons eu de la chance
incident-related = Incidents liés
timeline-after-start = après le début
timeline-after-window-start = par rapport au début de la fenêtre
impact-people = Personnes affectées
impact-customers = Clients affectés
impact-requests = Requêtes en échec ou dégradées
impact-error-rate = Taux d’erreur maximal
related-maintenance-html = maintenance, <time datetime="{ $iso }">{ $date }</time>
incident-review = Relecture
incident-reviewed-by = {" ; relu par"}
written-by = Rédigé par
tags = Étiquettes
pager-label = Incidents plus anciens et plus récents
pager-older = Incident plus ancien
pager-newer = Incident plus récent

## Maintenance page (maintenance.html)

maintenance-scheduled = Planifiée
maintenance-planned-duration = Durée prévue
maintenance-ended = Terminée
maintenance-expected-end = Fin prévue
maintenance-expected-duration = Durée estimée
maintenance-components-label = Composants en maintenance
maintenance-from = En maintenance à partir du { $time }

## Component pages (component.html, components.html)

component-description = { $component } : état actuel, disponibilité et incidents.
component-feed-atom = { $component } : mises à jour (Atom)
component-feed-rss = { $component } : mises à jour (RSS)
component-group-html = Groupe : <a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = Suivre <bdi>{ $component }</bdi> : <a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = Disponibilité, { $days } jours
last-days = { $days } derniers jours
component-resolve-lede-html = Incidents ayant affecté <bdi>{ $component }</bdi> et commencé dans la période ; les délais portent sur les incidents résolus.
component-resolve-caption = Incidents et délai de résolution sur les 90 et 365 derniers jours
component-col-window = Période
col-incidents = Incidents
component-col-median = Délai médian de résolution
component-col-longest = Le plus long
no-resolved-incidents = Aucun incident résolu
component-maintenance-upcoming = À venir
component-maintenance-recent = Récemment terminées
component-no-maintenance-html = Aucune maintenance n’est planifiée ni enregistrée pour <bdi>{ $component }</bdi>.
component-no-incidents-html = Aucun incident n’a affecté <bdi>{ $component }</bdi>.
components-lede = L’état actuel de chaque composant et sa disponibilité sur les 30, 90 et 365 derniers jours. Les maintenances planifiées ne comptent pas comme des interruptions.
components-group-caption = État et disponibilité des composants du groupe { $group }
components-all = Tous les composants
components-other-caption = État et disponibilité des autres composants
components-none = Aucun composant n’est répertorié.

## History pages (history.html, history_year.html)

history-total = { $count ->
    [one] { $count } incident au total.
   *[other] { $count } incidents au total.
}
history-by-year = Par année
incidents-count = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
history-year-by-month = { $year } par mois
history-month-count-html = <a href="{ $path }">{ $month }</a> : { $count }
history-latest = Derniers incidents
history-more = Chaque incident figure sur la page de son année.
history-none = Aucun incident n’a été enregistré.
history-year-heading = { $page ->
    [1] Incidents en { $year }
   *[other] Incidents en { $year }, page { $page } sur { $pages }
}
history-year-lede-html = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
} en { $year }. <a href="{ $path }">Toutes les années</a>
pages-of = Pages : { $what }
pages-of-severity = Pages des incidents de gravité { $name }

## Contributing factors (factor.html, factors.html)

factor-heading = { $page ->
    [1] Facteur contributif : { $name }
   *[other] Facteur contributif : { $name }, page { $page } sur { $pages }
}
factor-lede-html = A contribué à { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}. <a href="{ $path }">Tous les facteurs contributifs</a>
factor-per-year = Incidents par année
factor-per-year-caption = Nombre d’incidents par année
factor-incidents-caption = Incidents avec ce facteur : début, gravité et ce qu’il a été
factor-col-note = En l’occurrence
factor-no-note = Aucune note
factor-none = Aucun incident ne mentionne ce facteur.
factors-lede = Ce qui a rendu les incidents possibles, plus graves ou plus longs, compté sur l’ensemble des analyses post-incident. Un incident a généralement plusieurs facteurs : le total des comptes dépasse donc le nombre d’incidents.
factors-per-year = Incidents par facteur et par année
factors-per-year-caption = Nombre d’incidents par facteur et par année
col-factor = Facteur
col-total = Total
no-incidents-yet = Aucun incident pour le moment.
factors-meanings = Signification de chaque facteur
no-description = Aucune description.

## Severities (severities.html, severity.html)

severities-lede = La gravité d’un incident telle que l’équipe l’a évaluée, avec le temps qu’il a fallu pour résoudre les incidents de chaque niveau (du début à la résolution ; médianes et centiles, jamais de moyennes, que quelques longs incidents suffiraient à fausser).
severity-component-level = Niveau des composants
severity-incidents-link-html = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}<span class="vh"> de gravité <bdi>{ $name }</bdi></span>
severity-percentiles-html = médiane { $median }, 75e centile { $p75 }, 90e centile { $p90 } <span class="muted">(n = { $count } résolus)</span>
severity-no-resolved = Aucun incident résolu (n = 0)
severity-heading = { $page ->
    [1] Gravité : { $name }
   *[other] Gravité : { $name }, page { $page } sur { $pages }
}
severity-lede = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
} ; niveau des composants : { $level }.
severity-lede-resolve = Délai de résolution : médiane { $median }, 75e centile { $p75 }, 90e centile { $p90 } (n = { $count } résolus).
severity-lede-no-resolved = Délai de résolution : aucun incident résolu (n = 0).
severity-all = Tous les niveaux de gravité
severity-none = Aucun incident de cette gravité.

## Statistics (stats.html)

stats-lede = À quelle fréquence les choses tombent en panne, à quelle vitesse nous le remarquons et corrigeons, et ce qu’il reste à faire.
stats-per-period = { $period ->
    [quarter] Incidents par trimestre
    [year] Incidents par année
   *[month] Incidents par mois
}
stats-chart-desc = De { $from } à { $to }, { $period ->
    [quarter] une barre par trimestre
    [year] une barre par année
   *[month] une barre par mois
}, empilées par gravité{ $max ->
    [0] {""}
    [one] {" ; "}la barre la plus haute compte { $max } incident
   *[other] {" ; "}la barre la plus haute compte { $max } incidents
}.
stats-chart-table-note = Le tableau sous le graphique contient les mêmes chiffres.
stats-bar-title = { $period } : { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
stats-bar-segment = { $severity } : { $count }
stats-table-heading = { $period ->
    [quarter] Incidents par trimestre, par gravité
    [year] Incidents par année, par gravité
   *[month] Incidents par mois, par gravité
}
stats-period-name = { $period ->
    [quarter] Trimestre
    [year] Année
   *[month] Mois
}
stats-timings = Délais de résolution et de détection
stats-timings-lede = Le délai de résolution va du début d’un incident à sa résolution (incidents résolus uniquement) ; le délai de détection, de son début au moment où il a été détecté (incidents qui indiquent une heure de détection). Seuls les incidents dont les deux heures sont exactes sont mesurés : une date sans heure, ou une heure approximative, exclut un incident. Médianes et centiles plutôt que moyennes : quelques incidents très longs éloigneraient fortement une moyenne de l’incident typique.
stats-timings-caption = Médianes et centiles des délais de résolution et de détection
stats-col-measure = Mesure
col-median = Médiane
col-p75 = 75e centile
col-p90 = 90e centile
stats-col-measured = Incidents mesurés
col-n = n
stats-by-severity = Délai de résolution par gravité
stats-by-severity-lede = Sur les incidents résolus de chaque niveau de gravité ; n est le nombre d’incidents mesurés.
stats-by-severity-caption = Délai de résolution par gravité : médianes et centiles
stats-per-factor = Incidents par facteur contributif et par année
stats-per-factor-lede-html = Le nombre d’incidents auxquels chaque facteur a contribué, par année de début. <a href="{ $path }">Signification de chaque facteur</a>
stats-per-component = Incidents par composant
stats-per-component-lede = Chaque incident enregistré ayant affecté le composant.
stats-per-component-caption = Nombre d’incidents par composant
stats-open-actions = Actions correctives ouvertes
stats-open-actions-lede-html = Les actions issues des analyses post-incident qui sont ouvertes ou en cours, par échéance la plus proche. <a href="{ $path }">Toutes les actions correctives, par responsable</a>
stats-open-actions-caption = Actions correctives ouvertes, par échéance la plus proche
actions-overdue = En retard
stats-no-open-actions = Aucune action corrective ouverte.

## Action items (actions.html)

actions-lede = Chaque action promise dans une analyse post-incident : d’abord les ouvertes (en retard, puis par échéance la plus proche), puis les clôturées, les plus récentes d’abord.
actions-summary = Résumé
actions-closure-rate = Taux de clôture
actions-closure-html = { $closed } sur { $total } ({ $percent } %)<span class="muted"> terminées ou abandonnées</span>
actions-no-items = Aucune action (n = 0)
actions-median-close = Délai médian de clôture
actions-median-days-html = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} <span class="muted">(n = { $count })</span>
actions-no-closed = Aucune date de clôture (n = 0)
actions-close-note = Le délai de clôture va du jour où l’incident a été résolu à la date de clôture de l’action (0 pour une action clôturée avant) ; les actions sans date de clôture, et celles d’incidents non résolus, n’y sont pas comptées.
actions-by-owner = Par responsable
actions-owners-caption = Actions correctives par responsable : ouvertes, en retard, clôturées et total
actions-all = Toutes les actions correctives
actions-register-caption = Chaque action corrective avec son incident, son responsable, son statut, son échéance et sa date de clôture
actions-per-owner = Actions ouvertes par responsable
actions-owner-counts = { $open ->
    [one] { $open } ouverte
   *[other] { $open } ouvertes
}{ $overdue ->
    [0] {""}
   *[other] , { $overdue } en retard
}, { $closed ->
    [one] { $closed } clôturée
   *[other] { $closed } clôturées
}
actions-due-html = , échéance le <time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = Aucune action ouverte.
actions-none = Aucune action corrective.
search-lede = Rechercher dans tous les incidents publiés : titres, résumés, mises à jour, analyses post-incident, enseignements et actions correctives.
search-lede-drafts = Rechercher dans tous les incidents et brouillons : titres, résumés, mises à jour, analyses post-incident, enseignements et actions correctives.
search-nojs-html = La recherche s’exécute dans votre navigateur et nécessite JavaScript. Sans JavaScript, <a href="{ $history }">l’historique</a> liste chaque incident par mois, et les pages <a href="{ $factors }">facteurs contributifs</a>, <a href="{ $severities }">niveaux de gravité</a> et <a href="{ $components }">composants</a> les regroupent.
search-form-label = Rechercher dans les archives
search-field = Mots à rechercher
search-filter-by = Filtrer par
search-filter-or = {" ou "}
search-results = Résultats
search-more = Afficher plus de résultats
search-searching = Recherche en cours…
search-failed = La recherche n’a pas pu charger son index ({ $error }).
search-in = Dans { $heading }
search-found = { $count ->
    [0] Aucun incident trouvé.
    [one] { $count } incident trouvé.
   *[other] { $count } incidents trouvés.
}
search-found-for = { $count ->
    [0] Aucun incident trouvé pour « { $query } ».
    [one] { $count } incident trouvé pour « { $query } ».
   *[other] { $count } incidents trouvés pour « { $query } ».
}

## Badges (src/render/badges.rs): lower-case, as shields.io badges are

badge-status = état
badge-uptime = disponibilité
badge-no-data = aucune donnée
badge-state-operational = opérationnel
badge-state-under-maintenance = en maintenance
badge-state-degraded-performance = performances dégradées
badge-state-partial-outage = panne partielle
badge-state-major-outage = panne majeure
badge-status-title = État de { $subject } : { $message }
badge-uptime-title = Disponibilité de { $component } sur les 90 derniers jours : { $message }
badge-status-alt = État de { $subject }
badge-uptime-alt = Disponibilité de { $component }, 90 derniers jours

## Status cards (embed.html)

embed-title = État de { $component } · { $site }
embed-new-tab = (s’ouvre dans un nouvel onglet)
embed-now = En ce moment
embed-maintenance = (maintenance)
embed-component-page = Page d’état de { $component }
embed-full-page = Page d’état complète
embed-as-of-html = mis à jour le <time datetime="{ $iso }">{ $time }</time>

## Snippets to embed badges and cards (partials/embed_snippets.html)

snippets-title = Badges et intégrations
snippets-summary = Afficher l’état de { $name } sur un autre site ou dans un README
snippets-status-badge = Badge d’état
snippets-every-build = Mis à jour à chaque génération du site. Markdown :
snippets-markdown = Markdown :
snippets-html = HTML :
snippets-uptime-badge = Badge de disponibilité (90 derniers jours)
snippets-card = Carte d’état
snippets-card-text-html = Une petite page pour une <code>&lt;iframe&gt;</code>, en thème clair et sombre, sans scripts ; ses liens s’ouvrent dans un nouvel onglet :
snippets-shields = shields.io
snippets-shields-text-html = Le même badge au format <a href="{ $url }">JSON de point de terminaison shields.io</a>, pour les autres styles de shields.io :

## Aperçus de liens

card-severity = Gravité
card-status = État
card-duration = Durée
card-ongoing-for = En cours depuis
card-duration-unknown = {"—"}
card-site-description = État, historique des incidents et analyses post-incident de { $site }.
card-incident-alt = { $title } — Gravité : { $severity }. État : { $status }. { $label } : { $duration }. { $site }
card-site-alt = { $site } — { $description }
