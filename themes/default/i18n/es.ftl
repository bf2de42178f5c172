# afterword's default theme: Spanish (Español). Every key of en.ftl, in the same order; see
# en.ftl for what each message is and which variables it has, and docs/i18n.md.
# Plural categories (CLDR): one (1), other (0, 2, 3, …).
# Terms: incidente, análisis posincidente (postmortem), acción (action item),
# factor contribuyente (contributing factor), gravedad (severity), disponibilidad (uptime).

## Meta

# The language's own name.
-lang-name = Español

## Times, dates and durations (src/util/timefmt.rs)

time-about = { $time } (aprox.)
time-unknown = hora desconocida
date-time-unknown = { $date } (hora desconocida)
quarter = T{ $quarter } { $year }
# Durations: the two largest units ("2 d 3 h", "4 min 30 s").
duration-days = { $n } d
duration-hours = { $n } h
duration-minutes = { $n } min
duration-seconds = { $n } s
duration-two-units = { $first } { $second }
offset-after = +{ $duration }
offset-before = -{ $duration }

## Every page (base.html)

skip-link = Saltar al contenido
nav-label = Sitio
nav-status = Estado
nav-history = Historial
nav-components = Componentes
nav-stats = Estadísticas
site-search-label = Búsqueda en el sitio
site-search-field = Buscar incidentes
search-button = Buscar
feed-link-atom = { $site }: todas las actualizaciones (Atom)
feed-link-rss = { $site }: todas las actualizaciones (RSS)
footer-built-html = Las horas se muestran en la zona horaria { $zone }. Página generada el <time datetime="{ $iso }">{ $built }</time>.
footer-across-html = En todos los análisis posincidente: <a href="{ $factors }">factores contribuyentes</a> · <a href="{ $actions }">acciones</a> · <a href="{ $severities }">niveles de gravedad</a>
footer-follow-html = Seguir las actualizaciones: <a href="{ $atom }">fuente Atom</a> · <a href="{ $rss }">fuente RSS</a> · <a href="{ $calendar }">calendario de mantenimiento</a> · <a href="{ $api }">API JSON</a>
footer-generator = Generado con { $generator }

## 404.html

not-found-title = Página no encontrada
not-found-lede = No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace contenga un error.
not-found-links-html = <a href="{ $home }">Ver el estado actual</a> o consultar el <a href="{ $history }">historial de incidentes</a>.

## Numbers

number = { $n }

## Default severities, contributing factors and detection methods (used when site.toml lists
## none). The description is Markdown.

severity-minor = Menor
    .description = Algunas solicitudes son lentas o fallan; la mayoría de los usuarios puede trabajar.
severity-major = Mayor
    .description = Una función o una región no está disponible para algunos clientes.
severity-critical = Crítica
    .description = El servicio no está disponible, o hay datos en riesgo, para muchos clientes.
factor-change = Cambio o despliegue
    .description = Un despliegue de código, una migración, un indicador de funcionalidad o cualquier otro cambio aplicado en producción.
factor-configuration = Configuración
    .description = Un ajuste, límite, certificado o regla incorrecto, ausente o desactualizado.
factor-capacity = Capacidad
    .description = Una carga superior a aquella para la que un sistema estaba dimensionado o probado: tráfico, almacenamiento, conexiones, cuotas.
factor-dependency = Dependencia
    .description = Un proveedor, un proveedor de nube, una biblioteca o un servicio interno del que dependemos falló o cambió su comportamiento.
factor-hardware = Infraestructura física
    .description = Discos, servidores, equipos de red, alimentación eléctrica o refrigeración.
factor-human-process = Proceso humano
    .description = Un procedimiento operativo, un traspaso, una revisión o un paso manual que dejó pasar el problema o ralentizó la respuesta.
factor-monitoring-gap = Deficiencia de supervisión
    .description = Alertas o paneles que no detectaron el problema, lo detectaron tarde o apuntaron en la dirección equivocada.
factor-security = Seguridad
    .description = Un ataque, un abuso o una vulnerabilidad, o la respuesta a alguno de ellos.
factor-unknown = Desconocido
    .description = No se pudo determinar ningún factor contribuyente.
detection-monitoring-alert = Alerta de supervisión
    .description = Una alerta de nuestra propia supervisión avisó a alguien de guardia.
detection-synthetic-check = Comprobación sintética
    .description = Falló una sonda automatizada externa (una comprobación de disponibilidad o de extremo a extremo).
detection-customer-report = Aviso de un cliente
    .description = Un cliente nos avisó, a través del soporte o de las redes sociales.
detection-internal-report = Aviso interno
    .description = Alguien del equipo lo detectó mientras trabajaba.
detection-provider-notice = Aviso de un proveedor
    .description = Un proveedor o un servicio del que dependemos nos avisó.

## Labels from ids: statuses, levels, states, action items, reviews

status-investigating = Investigando
status-identified = Identificado
status-monitoring = Supervisando
status-update = Actualización
status-resolved = Resuelto
status-postmortem = Análisis posincidente
status-scheduled = Programado
status-in-progress = En curso
status-verifying = Verificando
status-completed = Completado
level-degraded-performance = Rendimiento degradado
level-partial-outage = Interrupción parcial
level-major-outage = Interrupción grave
state-operational = Operativo
state-under-maintenance = En mantenimiento
state-no-data = Sin datos
action-status-open = Abierta
action-status-in-progress = En curso
action-status-done = Completada
action-status-wont-do = Descartada
review-draft = Borrador
review-in-review = En revisión
review-published = Publicado
kind-incident = Incidente
kind-maintenance = Mantenimiento

## Page titles made in Rust (the <title> and page.title)

search-title = Búsqueda
history-title = Historial
history-year-title = { $page ->
    [1] { $year }
   *[other] { $year }, página { $page }
}
percent = { $n } %
components-title = Componentes
stats-title = Estadísticas
home-all-operational = Todos los sistemas están operativos

## Lists

list-separator = {", "}
list-separator-strong = {"; "}

## The 90-day bars: each day's text for screen readers (src/render/status_pages.rs)

bars-day-no-data = { $date }: sin datos.
bars-day-no-downtime = { $date }: sin interrupciones.
bars-day-downtime = { $date }: { $levels }.
bars-level-minutes = { $level } durante { $minutes } min
bars-day-incidents = Incidentes: { $incidents }.
factors-title = Factores contribuyentes
severities-title = Niveles de gravedad
actions-title = Acciones
actions-no-owner = Sin responsable
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }, página { $page }
}
severity-page-title = { $page ->
    [1] Incidentes de gravedad { $name }
   *[other] Incidentes de gravedad { $name }, página { $page }
}

## Search (search.html, static/search.js, the search index's labels)

search-facet-component = Componente
search-facet-severity = Gravedad
search-facet-year = Año
search-facet-factor = Factor contribuyente
search-facet-status = Estado
search-state-ongoing = En curso
search-state-resolved = Resuelto

## Feeds and the maintenance calendar (src/render/feeds.rs)

feed-title = { $site }: incidentes y mantenimientos
feed-description = Informes de incidentes y mantenimientos programados de { $site }
feed-component-title = { $site }: { $component }
feed-component-description = Informes de incidentes y mantenimientos programados de { $component } en { $site }
feed-entry-open-title = [{ $status }] { $title }
feed-fact-status = Estado:
feed-fact-severity = Gravedad:
feed-fact-window = Ventana:
feed-fact-started = Inicio:
feed-fact-resolved = Resuelto:
feed-fact-duration = Duración:
feed-fact-components = Componentes:
feed-fact-trigger = Desencadenante:
feed-fact-detection = Detectado mediante:
feed-fact-factors = Factores contribuyentes:
feed-fact-impact = Impacto en los clientes:
feed-window = del { $start } al { $end }
feed-duration-unknown = desconocida
feed-impact-users = { $count ->
    [one] { $count } usuario
   *[other] { $count } usuarios
}
feed-impact-customers = { $count ->
    [one] { $count } cliente
   *[other] { $count } clientes
}
feed-impact-requests = { $count ->
    [one] { $count } solicitud
   *[other] { $count } solicitudes
}
feed-impact-error-rate = tasa de error máxima del { $rate } %
feed-updates = Actualizaciones
feed-notes = Notas
feed-postmortem = Análisis posincidente
feed-latest-update = Última actualización
feed-read-incident = Leer el informe completo del incidente
feed-read-maintenance = Leer el aviso de mantenimiento completo
calendar-name = { $site }: mantenimientos programados
calendar-components = Componentes: { $components }
calendar-status = Estado: { $status }

## The incident's course: the timeline chart, its description and text alternative
## (src/render/timeline_svg.rs). `.short` is used where the full label does not fit.

phase-before-first-update = Antes de la primera actualización
    .short = Sin actualizaciones
phase-investigating = Investigando
    .short = Investigando
phase-identified = Identificado
    .short = Identificado
phase-monitoring = Supervisando
    .short = Supervisando
chart-title = Cronología: { $title }
chart-now-ongoing = Ahora, en curso ({ $time })
chart-ended = Fin { $time }
chart-detected = Detección { $time }
chart-lane-unaffected = sin afectación en este intervalo
chart-lane-then = {", luego "}
chart-times-in = Zona horaria: { $zone }
chart-desc-span = { $what } { $from }–{ $to }
chart-desc-phases = Fases: { $phases };
chart-desc-ongoing = aún en curso ({ $time }).
chart-desc-ended = fin: { $time }.
chart-desc-lane = { $component }: { $windows }.
chart-desc-detected = Detección: { $time }.
chart-alt-span-html = Zona horaria: { $zone }. De { $start } a { $end }.
chart-alt-span-ongoing-html = Zona horaria: { $zone }. De { $start } a { $end } (ahora; en curso).
chart-alt-detected-html = Detección: { $time }.
chart-phases = Fases
chart-phase = Fase
chart-from = Desde
chart-to = Hasta
chart-duration = Duración
chart-impact-by-component = Impacto por componente
chart-component = Componente
chart-level = Nivel
chart-window-ongoing = (en curso)

## Home page (index.html)

home-title = Estado actual
home-caused-by = Causa:
as-of-html = Actualizado el <time datetime="{ $iso }">{ $time }</time>
components-other = Otros componentes
home-all-components = Todos los componentes y su disponibilidad
home-maintenance-active = Mantenimiento en curso
home-maintenance-upcoming = Próximos mantenimientos
home-ongoing = { $count ->
    [one] Incidente en curso
   *[other] Incidentes en curso
}
home-ongoing-none-heading = Incidentes en curso
home-all-quiet-html = <strong>Todo en calma:</strong> ningún incidente en curso a <time datetime="{ $iso }">{ $time }</time>.
home-recent = Incidentes recientes
home-no-resolved = Aún no hay incidentes resueltos.
home-full-history-html = <a href="{ $path }">Historial completo de incidentes</a> ({ $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
})

## Parts shared by several pages (templates/partials/)

archive-nav-label = En todos los análisis posincidente
bars-legend-label = Leyenda de las barras diarias
incident-affected-components = Componentes afectados
current-status-prefix = Estado actual:
current-status = Estado actual
status-prefix = Estado:
severity-prefix = Gravedad:
bars-label = { $component }: los últimos 90 días, un elemento por día
bars-90-days-ago = Hace 90 días
bars-today = Hoy
bars-uptime-html = { $uptime } de disponibilidad<span class="vh"> en 90 días</span>
bars-uptime-no-data-html = Disponibilidad<span class="vh"> en 90 días</span>: sin datos
bars-days-with-incidents-html = { $count ->
    [one] { $count } día con incidentes
   *[other] { $count } días con incidentes
}<span class="vh"> en <bdi>{ $component }</bdi></span>
bars-incidents-on = Incidentes del { $date }
row-started-html = Inicio: <time datetime="{ $iso }">{ $time }</time>
row-lasted = Duración: { $duration }
row-ongoing-for = En curso desde hace { $duration }
row-duration-unknown = Duración desconocida
maintenance-components-prefix = Componentes:
window-to = hasta
pagination-newer-html = Más recientes<span class="vh"> (incidentes)</span>
pagination-older-html = Anteriores<span class="vh"> (incidentes)</span>
pagination-page-html = <span class="vh">Página </span>{ $page }
timeline-title = Cronología
timeline-run-updates = { $count ->
    [one] { $count } actualización,
   *[other] { $count } actualizaciones,
}
timeline-run-each = { $count ->
    [one] La actualización, con su hora
   *[other] Las { $count } actualizaciones, cada una con su hora
}
uptime-days-html = { $days } días<span class="vh"> de disponibilidad</span>
years-nav-label = Años
incident-actions-caption = Acciones derivadas de este análisis posincidente: responsable, estado y fecha límite
actions-col-action = Acción
actions-col-owner = Responsable
actions-col-status = Estado
actions-col-due = Fecha límite
actions-col-closed = Cierre
actions-col-incident = Incidente
actions-no-due = Sin fecha límite
actions-closed-on-html = cerrada el <time datetime="{ $iso }">{ $date }</time>

## Incident page (incident.html)

page-as-json = Esta página en JSON
draft-banner-html = <strong>{ $state } — no publicado.</strong> { $kind ->
    [maintenance] Esta página
   *[incident] Este análisis posincidente
} solo se genera con los borradores (<code>--drafts</code>, <code>serve</code>); no aparece en el sitio publicado.
incident-started = Inicio
incident-resolved = Resuelto
incident-unknown-html = Desconocido <span class="muted">(una de las horas no es exacta)</span>
incident-not-yet-html = Todavía no: en curso desde el <time datetime="{ $iso }">{ $time }</time>
incident-ongoing-for = En curso desde hace
incident-trigger = Desencadenante
incident-detection = Detección
incident-detected-by = Detectado mediante
incident-detected = Detectado
time-to-detect = Tiempo de detección
time-to-resolve = Tiempo de resolución
incident-times-as-posted = Horas tal como se publicaron
incident-posted-zone = { $zone }, entre paréntesis
components-affected = Componentes afectados
incident-course = Evolución del incidente
incident-course-chart-label = Gráfico: la evolución del incidente
incident-chart-as-text = El gráfico en forma de texto
toc-title = Contenido
incident-customer-impact = Impacto en los clientes
incident-lessons = Lecciones aprendidas
incident-went-well = Qué salió bien
incident-went-wrong = Qué salió mal
incident-lucky = Dónde tuvimos suerte
incident-related = Incidentes relacionados
timeline-after-start = después del inicio
timeline-after-window-start = respecto al inicio de la ventana
impact-people = Personas afectadas
impact-customers = Clientes afectados
impact-requests = Solicitudes fallidas o degradadas
impact-error-rate = Tasa de error máxima
related-maintenance-html = mantenimiento, <time datetime="{ $iso }">{ $date }</time>
incident-review = Revisión
incident-reviewed-by = ; revisado por
written-by = Escrito por
tags = Etiquetas
pager-label = Incidentes anteriores y más recientes
pager-older = Incidente anterior
pager-newer = Incidente más reciente

## Maintenance page (maintenance.html)

maintenance-scheduled = Programado
maintenance-planned-duration = Duración prevista
maintenance-ended = Finalizado
maintenance-expected-end = Fin previsto
maintenance-expected-duration = Duración estimada
maintenance-components-label = Componentes en mantenimiento
maintenance-from = En mantenimiento a partir del { $time }

## Component pages (component.html, components.html)

component-description = { $component }: estado actual, disponibilidad e incidentes.
component-feed-atom = { $component }: actualizaciones (Atom)
component-feed-rss = { $component }: actualizaciones (RSS)
component-group-html = Grupo: <a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = Seguir <bdi>{ $component }</bdi>: <a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = Disponibilidad, { $days } días
last-days = Últimos { $days } días
component-resolve-lede-html = Incidentes que afectaron a <bdi>{ $component }</bdi> y comenzaron en el periodo; los tiempos corresponden a los resueltos.
component-resolve-caption = Incidentes y tiempo de resolución en los últimos 90 y 365 días
component-col-window = Periodo
col-incidents = Incidentes
component-col-median = Mediana del tiempo de resolución
component-col-longest = Máximo
no-resolved-incidents = Ningún incidente resuelto
component-maintenance-upcoming = Próximos
component-maintenance-recent = Completados recientemente
component-no-maintenance-html = No hay mantenimientos programados ni registrados para <bdi>{ $component }</bdi>.
component-no-incidents-html = Ningún incidente ha afectado a <bdi>{ $component }</bdi>.
components-lede = El estado actual de cada componente y su disponibilidad en los últimos 30, 90 y 365 días. El mantenimiento programado no cuenta como tiempo de inactividad.
components-group-caption = Estado y disponibilidad de los componentes del grupo { $group }
components-all = Todos los componentes
components-other-caption = Estado y disponibilidad de los demás componentes
components-none = No hay componentes en la lista.

## History pages (history.html, history_year.html)

history-total = { $count ->
    [one] { $count } incidente en total.
   *[other] { $count } incidentes en total.
}
history-by-year = Por año
incidents-count = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
history-year-by-month = { $year } por mes
history-month-count-html = <a href="{ $path }">{ $month }</a>: { $count }
history-latest = Últimos incidentes
history-more = Todos los incidentes figuran en la página de su año.
history-none = No se ha registrado ningún incidente.
history-year-heading = { $page ->
    [1] Incidentes de { $year }
   *[other] Incidentes de { $year }, página { $page } de { $pages }
}
history-year-lede-html = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
} en { $year }. <a href="{ $path }">Todos los años</a>
pages-of = Páginas de { $what }
pages-of-severity = Páginas de incidentes de gravedad { $name }

## Contributing factors (factor.html, factors.html)

factor-heading = { $page ->
    [1] Factor contribuyente: { $name }
   *[other] Factor contribuyente: { $name }, página { $page } de { $pages }
}
factor-lede-html = Contribuyó a { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}. <a href="{ $path }">Todos los factores contribuyentes</a>
factor-per-year = Incidentes por año
factor-per-year-caption = Número de incidentes por año
factor-incidents-caption = Incidentes con este factor: inicio, gravedad y en qué consistió
factor-col-note = En este caso
factor-no-note = Sin nota
factor-none = Ningún incidente menciona este factor.
factors-lede = Lo que hizo posibles los incidentes, o los agravó o prolongó, contado en todos los análisis posincidente. Un incidente suele tener más de un factor, por lo que la suma supera el número de incidentes.
factors-per-year = Incidentes por factor y año
factors-per-year-caption = Número de incidentes por factor y año
col-factor = Factor
col-total = Total
no-incidents-yet = Aún no hay incidentes.
factors-meanings = Qué significa cada factor
no-description = Sin descripción.

## Severities (severities.html, severity.html)

severities-lede = La gravedad de un incidente según la valoró el equipo, con el tiempo que tardaron en resolverse los incidentes de cada nivel (desde el inicio hasta la resolución; medianas y percentiles, nunca promedios, porque unos pocos incidentes largos los distorsionarían).
severity-component-level = Nivel de los componentes
severity-incidents-link-html = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}<span class="vh"> de gravedad <bdi>{ $name }</bdi></span>
severity-percentiles-html = mediana { $median }, percentil 75 { $p75 }, percentil 90 { $p90 } <span class="muted">(n = { $count } resueltos)</span>
severity-no-resolved = Ningún incidente resuelto (n = 0)
severity-heading = { $page ->
    [1] Gravedad: { $name }
   *[other] Gravedad: { $name }, página { $page } de { $pages }
}
severity-lede = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}; nivel de los componentes: { $level }.
severity-lede-resolve = Tiempo de resolución: mediana { $median }, percentil 75 { $p75 }, percentil 90 { $p90 } (n = { $count } resueltos).
severity-lede-no-resolved = Tiempo de resolución: ningún incidente resuelto (n = 0).
severity-all = Todos los niveles de gravedad
severity-none = Ningún incidente de esta gravedad.

## Statistics (stats.html)

stats-lede = Con qué frecuencia fallan las cosas, con qué rapidez lo detectamos y lo solucionamos, y qué queda por hacer.
stats-per-period = { $period ->
    [quarter] Incidentes por trimestre
    [year] Incidentes por año
   *[month] Incidentes por mes
}
stats-chart-desc = De { $from } a { $to }, { $period ->
    [quarter] una barra por trimestre
    [year] una barra por año
   *[month] una barra por mes
}, apiladas por gravedad{ $max ->
    [0] {""}
    [one] ; la barra más alta suma { $max } incidente
   *[other] ; la barra más alta suma { $max } incidentes
}.
stats-chart-table-note = La tabla bajo el gráfico contiene las mismas cifras.
stats-bar-title = { $period }: { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
stats-bar-segment = { $severity }: { $count }
stats-table-heading = { $period ->
    [quarter] Incidentes por trimestre, por gravedad
    [year] Incidentes por año, por gravedad
   *[month] Incidentes por mes, por gravedad
}
stats-period-name = { $period ->
    [quarter] Trimestre
    [year] Año
   *[month] Mes
}
stats-timings = Tiempos de resolución y detección
stats-timings-lede = El tiempo de resolución va desde el inicio de un incidente hasta su resolución (solo incidentes resueltos); el tiempo de detección, desde su inicio hasta el momento en que se detectó (incidentes que registran una hora de detección). Solo se miden los incidentes cuyas dos horas son exactas: una fecha sin hora, o una hora aproximada, deja fuera al incidente. Medianas y percentiles, no promedios: unos pocos incidentes muy largos alejarían mucho el promedio del caso típico.
stats-timings-caption = Medianas y percentiles de los tiempos de resolución y detección
stats-col-measure = Medida
col-median = Mediana
col-p75 = Percentil 75
col-p90 = Percentil 90
stats-col-measured = Incidentes medidos
col-n = n
stats-by-severity = Tiempo de resolución por gravedad
stats-by-severity-lede = Sobre los incidentes resueltos de cada nivel de gravedad; n es el número de incidentes medidos.
stats-by-severity-caption = Tiempo de resolución por gravedad: medianas y percentiles
stats-per-factor = Incidentes por factor contribuyente y año
stats-per-factor-lede-html = En cuántos incidentes intervino cada factor, según el año en que comenzaron. <a href="{ $path }">Qué significa cada factor</a>
stats-per-component = Incidentes por componente
stats-per-component-lede = Todos los incidentes registrados que afectaron al componente.
stats-per-component-caption = Número de incidentes por componente
stats-open-actions = Acciones abiertas
stats-open-actions-lede-html = Acciones derivadas de los análisis posincidente que están abiertas o en curso, primero las de vencimiento más próximo. <a href="{ $path }">Todas las acciones, por responsable</a>
stats-open-actions-caption = Acciones abiertas, primero las de vencimiento más próximo
actions-overdue = Vencida
stats-no-open-actions = No hay acciones abiertas.

## Action items (actions.html)

actions-lede = Todas las acciones comprometidas en un análisis posincidente: primero las abiertas (las vencidas y después las de vencimiento más próximo) y luego las cerradas, de la más reciente a la más antigua.
actions-summary = Resumen
actions-closure-rate = Tasa de cierre
actions-closure-html = { $closed } de { $total } ({ $percent } %)<span class="muted"> completadas o descartadas</span>
actions-no-items = Ninguna acción (n = 0)
actions-median-close = Mediana del tiempo de cierre
actions-median-days-html = { $days ->
    [one] { $days } día
   *[other] { $days } días
} <span class="muted">(n = { $count })</span>
actions-no-closed = Sin fechas de cierre (n = 0)
actions-close-note = El tiempo de cierre va desde el día en que se resolvió el incidente hasta la fecha de cierre de la acción (0 si se cerró antes); no se tienen en cuenta las acciones sin fecha de cierre ni las de incidentes sin resolver.
actions-by-owner = Por responsable
actions-owners-caption = Acciones por responsable: abiertas, vencidas, cerradas y total
actions-all = Todas las acciones
actions-register-caption = Todas las acciones con su incidente, responsable, estado, fecha límite y fecha de cierre
actions-per-owner = Acciones abiertas de cada responsable
actions-owner-counts = { $open ->
    [one] { $open } abierta
   *[other] { $open } abiertas
}{ $overdue ->
    [0] {""}
    [one] , { $overdue } vencida
   *[other] , { $overdue } vencidas
}, { $closed ->
    [one] { $closed } cerrada
   *[other] { $closed } cerradas
}
actions-due-html = , vence el <time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = Nada abierto.
actions-none = No hay acciones.
search-lede = Buscar en todos los incidentes publicados: títulos, resúmenes, actualizaciones, análisis posincidente, lecciones aprendidas y acciones.
search-lede-drafts = Buscar en todos los incidentes y borradores: títulos, resúmenes, actualizaciones, análisis posincidente, lecciones aprendidas y acciones.
search-nojs-html = La búsqueda se ejecuta en el navegador y necesita JavaScript. Sin él, <a href="{ $history }">el historial</a> muestra todos los incidentes por mes, y <a href="{ $factors }">factores contribuyentes</a>, <a href="{ $severities }">niveles de gravedad</a> y <a href="{ $components }">componentes</a> los agrupan.
search-form-label = Buscar en el archivo
search-field = Palabras que buscar
search-filter-by = Filtrar por
search-filter-or = {" o "}
search-results = Resultados
search-more = Mostrar más resultados
search-searching = Buscando…
search-failed = La búsqueda no pudo cargar su índice ({ $error }).
search-in = En { $heading }
search-found = { $count ->
    [0] No se encontró ningún incidente.
    [one] Se encontró { $count } incidente.
   *[other] Se encontraron { $count } incidentes.
}
search-found-for = { $count ->
    [0] No se encontró ningún incidente para «{ $query }».
    [one] Se encontró { $count } incidente para «{ $query }».
   *[other] Se encontraron { $count } incidentes para «{ $query }».
}

## Badges (src/render/badges.rs): lower-case, as shields.io badges are

badge-status = estado
badge-uptime = disponibilidad
badge-no-data = sin datos
badge-state-operational = operativo
badge-state-under-maintenance = en mantenimiento
badge-state-degraded-performance = rendimiento degradado
badge-state-partial-outage = interrupción parcial
badge-state-major-outage = interrupción grave
badge-status-title = Estado de { $subject }: { $message }
badge-uptime-title = Disponibilidad de { $component } en los últimos 90 días: { $message }
badge-status-alt = Estado de { $subject }
badge-uptime-alt = Disponibilidad de { $component }, últimos 90 días

## Status cards (embed.html)

embed-title = Estado de { $component } · { $site }
embed-new-tab = (se abre en una pestaña nueva)
embed-now = En este momento
embed-maintenance = (mantenimiento)
embed-component-page = Página de estado de { $component }
embed-full-page = Página de estado completa
embed-as-of-html = actualizado el <time datetime="{ $iso }">{ $time }</time>

## Snippets to embed badges and cards (partials/embed_snippets.html)

snippets-title = Insignias e inserciones
snippets-summary = Mostrar el estado de { $name } en otro sitio o en un README
snippets-status-badge = Insignia de estado
snippets-every-build = Se actualiza con cada generación del sitio. Markdown:
snippets-markdown = Markdown:
snippets-html = HTML:
snippets-uptime-badge = Insignia de disponibilidad (últimos 90 días)
snippets-card = Tarjeta de estado
snippets-card-text-html = Una pequeña página para un <code>&lt;iframe&gt;</code>, en modo claro y oscuro, sin scripts; sus enlaces se abren en una pestaña nueva:
snippets-shields = shields.io
snippets-shields-text-html = La misma insignia en formato <a href="{ $url }">JSON de punto de conexión de shields.io</a>, para los demás estilos de shields.io:

## Vistas previas de enlaces

card-severity = Gravedad
card-status = Estado
card-duration = Duración
card-ongoing-for = En curso desde hace
card-duration-unknown = {"—"}
card-site-description = Estado, historial de incidentes y análisis posincidente de { $site }.
card-incident-alt = { $title } — Gravedad: { $severity }. Estado: { $status }. { $label }: { $duration }. { $site }
card-site-alt = { $site } — { $description }
