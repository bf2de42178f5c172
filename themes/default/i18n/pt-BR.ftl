# Tema padrão do afterword: português do Brasil (referência: en.ftl; ver docs/i18n.md).
#
# Plurais: pt-BR usa `one` para 0 e 1 e `other` para o resto; onde a contagem pode ser 0,
# uma variante exata `[0]` dá "0 incidentes" em vez de "0 incidente".

## Meta

# O nome do idioma no próprio idioma.
-lang-name = Português (Brasil)

## Horários, datas e durações

# $time: um horário, ou data e horário, conhecido só aproximadamente.
time-about = por volta de { $time }
time-unknown = horário desconhecido
# $date: uma data cujo horário não é conhecido.
date-time-unknown = { $date } (horário desconhecido)
# $quarter: 1 a 4; $year: o ano.
quarter = { $quarter }º tri. { $year }
# Durações: as duas maiores unidades ("2 d 3 h", "4 min 30 s").
duration-days = { $n } d
duration-hours = { $n } h
duration-minutes = { $n } min
duration-seconds = { $n } s
duration-two-units = { $first } { $second }
# Deslocamento em relação ao início de um incidente: "+2 min", "-1 min".
offset-after = +{ $duration }
offset-before = -{ $duration }

## Todas as páginas

skip-link = Pular para o conteúdo
nav-label = Site
nav-status = Status
nav-history = Histórico
nav-components = Componentes
nav-stats = Estatísticas
site-search-label = Busca no site
site-search-field = Buscar incidentes
search-button = Buscar
feed-link-atom = { $site }: todas as atualizações (Atom)
feed-link-rss = { $site }: todas as atualizações (RSS)
footer-built-html = Horários exibidos no fuso { $zone }. Página gerada em <time datetime="{ $iso }">{ $built }</time>.
footer-across-html = Em todas as análises pós-incidente: <a href="{ $factors }">fatores contribuintes</a> · <a href="{ $actions }">itens de ação</a> · <a href="{ $severities }">severidades</a>
footer-follow-html = Acompanhe as atualizações: <a href="{ $atom }">feed Atom</a> · <a href="{ $rss }">feed RSS</a> · <a href="{ $calendar }">calendário de manutenções</a> · <a href="{ $api }">API JSON</a>
footer-generator = Gerado por { $generator }

## 404.html

not-found-title = Página não encontrada
not-found-lede = Não há nenhuma página neste endereço. Ela pode ter sido movida, ou o link pode ter sido digitado errado.
not-found-links-html = <a href="{ $home }">Ver o status atual</a> ou navegar pelo <a href="{ $history }">histórico de incidentes</a>.

## Números

number = { $n }

## Severidades, fatores contribuintes e métodos de detecção padrão (quando o site.toml não
## lista nenhum). A descrição é Markdown.

severity-minor = Leve
    .description = Algumas solicitações estão lentas ou falham; a maioria das pessoas consegue trabalhar.
severity-major = Grave
    .description = Um recurso ou uma região está fora do ar para alguns clientes.
severity-critical = Crítica
    .description = O serviço está fora do ar, ou há dados em risco, para muitos clientes.
factor-change = Mudança ou implantação
    .description = Uma implantação de código, uma migração, um sinalizador de funcionalidade ou qualquer outra mudança aplicada em produção.
factor-configuration = Configuração
    .description = Uma configuração, um limite, um certificado ou uma regra que estava errado, ausente ou desatualizado.
factor-capacity = Capacidade
    .description = Carga além daquela para a qual um sistema foi provisionado ou testado: tráfego, armazenamento, conexões, cotas.
factor-dependency = Dependência
    .description = Um fornecedor, provedor de nuvem, biblioteca ou serviço interno do qual dependemos falhou ou mudou de comportamento.
factor-hardware = Hardware
    .description = Discos, servidores, equipamentos de rede, energia ou refrigeração.
factor-human-process = Processo humano
    .description = Um procedimento operacional, passagem de turno, revisão ou etapa manual que deixou o problema passar ou atrasou a resposta.
factor-monitoring-gap = Lacuna de monitoramento
    .description = Alertas ou painéis que não detectaram o problema, o perceberam tarde ou apontaram na direção errada.
factor-security = Segurança
    .description = Um ataque, abuso ou vulnerabilidade, ou a resposta a um deles.
factor-unknown = Desconhecido
    .description = Não foi possível identificar nenhum fator contribuinte.
detection-monitoring-alert = Alerta de monitoramento
    .description = Um alerta do nosso próprio monitoramento acionou alguém.
detection-synthetic-check = Verificação sintética
    .description = Uma sonda automatizada externa (uma verificação de disponibilidade ou de ponta a ponta) falhou.
detection-customer-report = Relato de cliente
    .description = Um cliente nos avisou, pelo suporte ou pelas redes sociais.
detection-internal-report = Relato interno
    .description = Alguém da equipe percebeu o problema enquanto trabalhava.
detection-provider-notice = Aviso de fornecedor
    .description = Um fornecedor ou provedor do qual dependemos nos avisou.

## Rótulos a partir de ids: status, níveis, estados, itens de ação, revisões

status-investigating = Investigando
status-identified = Identificado
status-monitoring = Monitorando
status-update = Atualização
status-resolved = Resolvido
status-postmortem = Análise pós-incidente
status-scheduled = Programado
status-in-progress = Em andamento
status-verifying = Verificando
status-completed = Concluído
level-degraded-performance = Desempenho degradado
level-partial-outage = Interrupção parcial
level-major-outage = Interrupção grave
state-operational = Operacional
state-under-maintenance = Em manutenção
state-no-data = Sem dados
action-status-open = Aberto
action-status-in-progress = Em andamento
action-status-done = Concluído
action-status-wont-do = Não será feito
review-draft = Rascunho
review-in-review = Em revisão
review-published = Publicado
kind-incident = Incidente
kind-maintenance = Manutenção

## Títulos de página gerados em Rust

search-title = Busca
history-title = Histórico
# $year: o ano; $page: o número da página (1 para a primeira).
history-year-title = { $page ->
    [1] { $year }
   *[other] { $year }, página { $page }
}
# Uma porcentagem: $n é um número como 2,5.
percent = { $n }%
components-title = Componentes
stats-title = Estatísticas
home-all-operational = Todos os sistemas operacionais

## Listas

list-separator = {", "}
list-separator-strong = {"; "}

## As barras de 90 dias: o texto de cada dia para leitores de tela

bars-day-no-data = { $date }: sem dados.
bars-day-no-downtime = { $date }: sem indisponibilidade.
bars-day-downtime = { $date }: { $levels }.
bars-level-minutes = { $level } por { $minutes } min
bars-day-incidents = Incidentes: { $incidents }.
factors-title = Fatores contribuintes
severities-title = Severidades
actions-title = Itens de ação
actions-no-owner = Sem responsável
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }, página { $page }
}
severity-page-title = { $page ->
    [1] Incidentes de severidade { $name }
   *[other] Incidentes de severidade { $name }, página { $page }
}

## Busca

search-facet-component = Componente
search-facet-severity = Severidade
search-facet-year = Ano
search-facet-factor = Fator contribuinte
search-facet-status = Status
search-state-ongoing = Em andamento
search-state-resolved = Resolvido

## Feeds e calendário de manutenções

feed-title = { $site }: incidentes e manutenções
feed-description = Relatórios de incidentes e manutenções programadas de { $site }
feed-component-title = { $site }: { $component }
feed-component-description = Relatórios de incidentes e manutenções programadas de { $component } em { $site }
feed-entry-open-title = [{ $status }] { $title }
feed-fact-status = Status:
feed-fact-severity = Severidade:
feed-fact-window = Janela:
feed-fact-started = Início:
feed-fact-resolved = Resolução:
feed-fact-duration = Duração:
feed-fact-components = Componentes:
feed-fact-trigger = Gatilho:
feed-fact-detection = Detectado por meio de:
feed-fact-factors = Fatores contribuintes:
feed-fact-impact = Impacto nos clientes:
feed-window = { $start } até { $end }
feed-duration-unknown = desconhecida
feed-impact-users = { $count ->
    [0] { $count } usuários
    [one] { $count } usuário
   *[other] { $count } usuários
}
feed-impact-customers = { $count ->
    [0] { $count } clientes
    [one] { $count } cliente
   *[other] { $count } clientes
}
feed-impact-requests = { $count ->
    [0] { $count } solicitações
    [one] { $count } solicitação
   *[other] { $count } solicitações
}
feed-impact-error-rate = pico da taxa de erros de { $rate }%
feed-updates = Atualizações
feed-notes = Notas
feed-postmortem = Análise pós-incidente
feed-latest-update = Última atualização
feed-read-incident = Ler o relatório completo do incidente
feed-read-maintenance = Ler o aviso de manutenção completo
calendar-name = { $site }: manutenções programadas
calendar-components = Componentes: { $components }
calendar-status = Status: { $status }

## A evolução do incidente: o gráfico, sua descrição e sua alternativa em texto.
## `.short` é usado onde o rótulo completo não cabe.

phase-before-first-update = Antes da primeira atualização
    .short = Antes das atualizações
phase-investigating = Investigando
    .short = Investigando
phase-identified = Identificado
    .short = Identificado
phase-monitoring = Monitorando
    .short = Monitorando
chart-title = Linha do tempo de { $title }
chart-now-ongoing = Agora, em andamento ({ $time })
chart-ended = Encerrado: { $time }
chart-detected = Detectado: { $time }
chart-lane-unaffected = sem impacto neste período
chart-lane-then = {", depois "}
chart-times-in = Horários no fuso { $zone }
chart-desc-span = { $what } { $from }–{ $to }
chart-desc-phases = Fases: { $phases };
chart-desc-ongoing = ainda em andamento em { $time }.
chart-desc-ended = encerrado em { $time }.
chart-desc-lane = { $component }: { $windows }.
chart-desc-detected = Detectado em { $time }.
chart-alt-span-html = Horários no fuso { $zone }. De { $start } até { $end }.
chart-alt-span-ongoing-html = Horários no fuso { $zone }. De { $start } até { $end } (agora; em andamento).
chart-alt-detected-html = Detectado em { $time }.
chart-phases = Fases
chart-phase = Fase
chart-from = De
chart-to = Até
chart-duration = Duração
chart-impact-by-component = Impacto por componente
chart-component = Componente
chart-level = Nível
chart-window-ongoing = (em andamento)

## Página inicial

home-title = Status atual
home-caused-by = Causado por:
as-of-html = Situação em <time datetime="{ $iso }">{ $time }</time>
components-other = Outros componentes
home-all-components = Todos os componentes e sua disponibilidade
home-maintenance-active = Manutenção em andamento
home-maintenance-upcoming = Próximas manutenções
home-ongoing = { $count ->
    [one] Incidente em andamento
   *[other] Incidentes em andamento
}
home-ongoing-none-heading = Incidentes em andamento
home-all-quiet-html = <strong>Tudo tranquilo:</strong> nenhum incidente em andamento em <time datetime="{ $iso }">{ $time }</time>.
home-recent = Incidentes recentes
home-no-resolved = Nenhum incidente resolvido ainda.
home-full-history-html = <a href="{ $path }">Histórico completo de incidentes</a> ({ $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
})

## Partes comuns a várias páginas

archive-nav-label = Em todas as análises pós-incidente
bars-legend-label = Legenda das barras diárias
incident-affected-components = Componentes afetados
current-status-prefix = Status atual:
current-status = Status atual
status-prefix = Status:
severity-prefix = Severidade:
bars-label = { $component }: os últimos 90 dias, um dia por item
bars-90-days-ago = 90 dias atrás
bars-today = Hoje
bars-uptime-html = { $uptime } de disponibilidade<span class="vh"> em 90 dias</span>
bars-uptime-no-data-html = Disponibilidade<span class="vh"> em 90 dias</span>: sem dados
bars-days-with-incidents-html = { $count ->
    [0] { $count } dias com incidentes
    [one] { $count } dia com incidentes
   *[other] { $count } dias com incidentes
}<span class="vh"> em <bdi>{ $component }</bdi></span>
bars-incidents-on = Incidentes em { $date }
row-started-html = Iniciado em <time datetime="{ $iso }">{ $time }</time>
row-lasted = Durou { $duration }
row-ongoing-for = Em andamento há { $duration }
row-duration-unknown = Duração desconhecida
maintenance-components-prefix = Componentes:
window-to = até
pagination-newer-html = Mais recentes<span class="vh"> (incidentes)</span>
pagination-older-html = Mais antigos<span class="vh"> (incidentes)</span>
pagination-page-html = <span class="vh">Página </span>{ $page }
timeline-title = Linha do tempo
timeline-run-updates = { $count ->
    [one] { $count } atualização,
   *[other] { $count } atualizações,
}
timeline-run-each = { $count ->
    [one] A atualização, com seu horário
   *[other] As { $count } atualizações, cada uma com seu horário
}
uptime-days-html = { $days } dias<span class="vh"> de disponibilidade</span>
years-nav-label = Anos
incident-actions-caption = Ações de acompanhamento desta análise pós-incidente: responsável, status e prazo
actions-col-action = Ação
actions-col-owner = Responsável
actions-col-status = Status
actions-col-due = Prazo
actions-col-closed = Encerrado em
actions-col-incident = Incidente
actions-no-due = Sem prazo
actions-closed-on-html = encerrado em <time datetime="{ $iso }">{ $date }</time>

## Página do incidente

page-as-json = Esta página em JSON
draft-banner-html = <strong>{ $state } — não publicado.</strong> { $kind ->
    [maintenance] Esta página
   *[incident] Esta análise pós-incidente
} só é gerada com rascunhos (<code>--drafts</code>, <code>serve</code>); o site publicado não a inclui.
incident-started = Início
incident-resolved = Resolução
incident-unknown-html = Desconhecido <span class="muted">(um dos horários não é exato)</span>
incident-not-yet-html = Ainda não: em andamento desde <time datetime="{ $iso }">{ $time }</time>
incident-ongoing-for = Em andamento há
incident-trigger = Gatilho
incident-detection = Detecção
incident-detected-by = Detectado por
incident-detected = Detectado em
time-to-detect = Tempo até a detecção
time-to-resolve = Tempo até a resolução
incident-times-as-posted = Horários como publicados
incident-posted-zone = { $zone }, entre colchetes
components-affected = Componentes afetados
incident-course = Evolução do incidente
incident-course-chart-label = Gráfico: a evolução do incidente
incident-chart-as-text = O gráfico em texto
toc-title = Sumário
incident-customer-impact = Impacto nos clientes
incident-lessons = Lições
incident-went-well = O que deu certo
incident-went-wrong = O que deu errado
incident-lucky = Onde tivemos sorte
incident-related = Incidentes relacionados
timeline-after-start = após o início
timeline-after-window-start = em relação ao início da janela
impact-people = Pessoas afetadas
impact-customers = Clientes afetados
impact-requests = Solicitações com falha ou degradadas
impact-error-rate = Pico da taxa de erros
related-maintenance-html = manutenção, <time datetime="{ $iso }">{ $date }</time>
incident-review = Revisão
incident-reviewed-by = ; revisado por
written-by = Escrito por
tags = Etiquetas
pager-label = Incidentes anteriores e posteriores
pager-older = Incidente anterior
pager-newer = Incidente seguinte

## Página de manutenção

maintenance-scheduled = Programada
maintenance-planned-duration = Duração planejada
maintenance-ended = Encerrada
maintenance-expected-end = Término previsto
maintenance-expected-duration = Duração prevista
maintenance-components-label = Componentes em manutenção
maintenance-from = Em manutenção a partir de { $time }

## Páginas de componentes

component-description = { $component }: status atual, disponibilidade e incidentes.
component-feed-atom = { $component }: atualizações (Atom)
component-feed-rss = { $component }: atualizações (RSS)
component-group-html = Grupo: <a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = Acompanhar <bdi>{ $component }</bdi>: <a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = Disponibilidade, { $days } dias
last-days = Últimos { $days } dias
component-resolve-lede-html = Incidentes que afetaram <bdi>{ $component }</bdi> e começaram no período; os tempos se referem aos resolvidos.
component-resolve-caption = Incidentes e tempo até a resolução nos últimos 90 e 365 dias
component-col-window = Período
col-incidents = Incidentes
component-col-median = Mediana do tempo até a resolução
component-col-longest = Mais longo
no-resolved-incidents = Nenhum incidente resolvido
component-maintenance-upcoming = Próximas
component-maintenance-recent = Concluídas recentemente
component-no-maintenance-html = Nenhuma manutenção programada ou registrada para <bdi>{ $component }</bdi>.
component-no-incidents-html = Nenhum incidente afetou <bdi>{ $component }</bdi>.
components-lede = O status atual de cada componente e sua disponibilidade nos últimos 30, 90 e 365 dias. Manutenções programadas não contam como indisponibilidade.
components-group-caption = Status e disponibilidade dos componentes de { $group }
components-all = Todos os componentes
components-other-caption = Status e disponibilidade dos outros componentes
components-none = Nenhum componente listado.

## Páginas de histórico

history-total = { $count ->
    [0] { $count } incidentes no total.
    [one] { $count } incidente no total.
   *[other] { $count } incidentes no total.
}
history-by-year = Por ano
incidents-count = { $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
}
history-year-by-month = { $year } por mês
history-month-count-html = <a href="{ $path }">{ $month }</a>: { $count }
history-latest = Incidentes mais recentes
history-more = Todos os incidentes estão listados na página do respectivo ano.
history-none = Nenhum incidente foi registrado.
history-year-heading = { $page ->
    [1] Incidentes em { $year }
   *[other] Incidentes em { $year }, página { $page } de { $pages }
}
history-year-lede-html = { $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
} em { $year }. <a href="{ $path }">Todos os anos</a>
pages-of = Páginas de { $what }
pages-of-severity = Páginas de incidentes de severidade { $name }

## Fatores contribuintes

factor-heading = { $page ->
    [1] Fator contribuinte: { $name }
   *[other] Fator contribuinte: { $name }, página { $page } de { $pages }
}
factor-lede-html = Contribuiu para { $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
}. <a href="{ $path }">Todos os fatores contribuintes</a>
factor-per-year = Incidentes por ano
factor-per-year-caption = Número de incidentes por ano
factor-incidents-caption = Incidentes com este fator: início, severidade e o que foi
factor-col-note = O que foi aqui
factor-no-note = Sem observação
factor-none = Nenhum incidente cita este fator.
factors-lede = O que tornou os incidentes possíveis, piores ou mais longos, contado em todas as análises pós-incidente. Um incidente costuma ter mais de um fator, por isso a soma das contagens é maior que o número de incidentes.
factors-per-year = Incidentes por fator e ano
factors-per-year-caption = Número de incidentes por fator e ano
col-factor = Fator
col-total = Total
no-incidents-yet = Nenhum incidente ainda.
factors-meanings = O que cada fator significa
no-description = Sem descrição.

## Severidades

severities-lede = A gravidade de um incidente, conforme avaliada pela equipe, com o tempo que os incidentes de cada severidade levaram para ser resolvidos (do início à resolução; medianas e percentis, nunca médias, porque alguns incidentes longos as distorceriam).
severity-component-level = Nível do componente
severity-incidents-link-html = { $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
}<span class="vh"> de severidade <bdi>{ $name }</bdi></span>
severity-percentiles-html = mediana { $median }, percentil 75 { $p75 }, percentil 90 { $p90 } <span class="muted">(n = { $count } resolvidos)</span>
severity-no-resolved = Nenhum incidente resolvido (n = 0)
severity-heading = { $page ->
    [1] Severidade: { $name }
   *[other] Severidade: { $name }, página { $page } de { $pages }
}
severity-lede = { $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
}; nível do componente: { $level }.
severity-lede-resolve = Tempo até a resolução: mediana { $median }, percentil 75 { $p75 }, percentil 90 { $p90 } (n = { $count } resolvidos).
severity-lede-no-resolved = Tempo até a resolução: nenhum incidente resolvido (n = 0).
severity-all = Todas as severidades
severity-none = Nenhum incidente com esta severidade.

## Estatísticas

stats-lede = Com que frequência as coisas quebram, com que rapidez percebemos e corrigimos, e o que ainda falta fazer.
stats-per-period = { $period ->
    [quarter] Incidentes por trimestre
    [year] Incidentes por ano
   *[month] Incidentes por mês
}
stats-chart-desc = De { $from } a { $to }, { $period ->
    [quarter] uma barra por trimestre
    [year] uma barra por ano
   *[month] uma barra por mês
}, empilhadas por severidade{ $max ->
    [0] {""}
    [one] ; a barra mais alta tem { $max } incidente
   *[other] ; a barra mais alta tem { $max } incidentes
}.
stats-chart-table-note = A tabela abaixo do gráfico traz os mesmos números.
stats-bar-title = { $period }: { $count ->
    [0] { $count } incidentes
    [one] { $count } incidente
   *[other] { $count } incidentes
}
stats-bar-segment = { $severity }: { $count }
stats-table-heading = { $period ->
    [quarter] Incidentes por trimestre, por severidade
    [year] Incidentes por ano, por severidade
   *[month] Incidentes por mês, por severidade
}
stats-period-name = { $period ->
    [quarter] Trimestre
    [year] Ano
   *[month] Mês
}
stats-timings = Tempo até a resolução e até a detecção
stats-timings-lede = O tempo até a resolução vai do início de um incidente até sua resolução (apenas incidentes resolvidos); o tempo até a detecção, do início até o momento em que ele foi detectado (incidentes que registram um horário de detecção). Só são medidos os incidentes cujos dois horários são exatos: uma data sem horário, ou um horário aproximado, deixa o incidente de fora. Medianas e percentis, não médias: alguns incidentes muito longos afastariam a média do caso típico.
stats-timings-caption = Medianas e percentis do tempo até a resolução e até a detecção
stats-col-measure = Medida
col-median = Mediana
col-p75 = Percentil 75
col-p90 = Percentil 90
stats-col-measured = Incidentes medidos
col-n = n
stats-by-severity = Tempo até a resolução por severidade
stats-by-severity-lede = Considera os incidentes resolvidos de cada severidade; n é quantos foram medidos.
stats-by-severity-caption = Tempo até a resolução por severidade: medianas e percentis
stats-per-factor = Incidentes por fator contribuinte e por ano
stats-per-factor-lede-html = Para quantos incidentes cada fator contribuiu, pelo ano em que começaram. <a href="{ $path }">O que cada fator significa</a>
stats-per-component = Incidentes por componente
stats-per-component-lede = Todos os incidentes registrados que afetaram o componente.
stats-per-component-caption = Número de incidentes por componente
stats-open-actions = Itens de ação em aberto
stats-open-actions-lede-html = Ações de acompanhamento das análises pós-incidente que estão em aberto ou em andamento, com o prazo mais próximo primeiro. <a href="{ $path }">Todos os itens de ação, por responsável</a>
stats-open-actions-caption = Itens de ação em aberto, com o prazo mais próximo primeiro
actions-overdue = Atrasado
stats-no-open-actions = Nenhum item de ação em aberto.

## Itens de ação

actions-lede = Todas as ações de acompanhamento prometidas em uma análise pós-incidente: primeiro as em aberto (as atrasadas, depois as de prazo mais próximo), depois as encerradas, das mais recentes às mais antigas.
actions-summary = Resumo
actions-closure-rate = Taxa de encerramento
actions-closure-html = { $closed } de { $total } ({ $percent }%)<span class="muted"> concluídos ou descartados</span>
actions-no-items = Nenhum item (n = 0)
actions-median-close = Mediana do tempo até o encerramento
actions-median-days-html = { $days ->
    [0] { $days } dias
    [one] { $days } dia
   *[other] { $days } dias
} <span class="muted">(n = { $count })</span>
actions-no-closed = Sem datas de encerramento (n = 0)
actions-close-note = O tempo até o encerramento vai do dia em que o incidente foi resolvido até a data de encerramento do item (0 para um item encerrado antes disso); itens sem data de encerramento e itens de incidentes não resolvidos não entram no cálculo.
actions-by-owner = Por responsável
actions-owners-caption = Itens de ação por responsável: em aberto, atrasados, encerrados e total
actions-all = Todos os itens de ação
actions-register-caption = Todos os itens de ação com incidente, responsável, status, prazo e data de encerramento
actions-per-owner = Itens em aberto de cada responsável
actions-owner-counts = { $open } em aberto{ $overdue ->
    [0] {""}
   *[other] , { $overdue } em atraso
}, { $closed ->
    [0] { $closed } encerrados
    [one] { $closed } encerrado
   *[other] { $closed } encerrados
}
actions-due-html = , prazo <time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = Nada em aberto.
actions-none = Nenhum item de ação.
search-lede = Busque em todos os incidentes publicados: títulos, resumos, atualizações, análises pós-incidente, lições e itens de ação.
search-lede-drafts = Busque em todos os incidentes e rascunhos: títulos, resumos, atualizações, análises pós-incidente, lições e itens de ação.
search-nojs-html = A busca é feita no seu navegador e precisa de JavaScript. Sem ele, <a href="{ $history }">o histórico</a> lista todos os incidentes por mês, e as páginas de <a href="{ $factors }">fatores contribuintes</a>, <a href="{ $severities }">severidades</a> e <a href="{ $components }">componentes</a> os agrupam.
search-form-label = Buscar no arquivo
search-field = Palavras a buscar
search-filter-by = Filtrar por
search-filter-or = {" ou "}
search-results = Resultados
search-more = Mostrar mais resultados
search-searching = Buscando…
search-failed = Não foi possível carregar o índice de busca ({ $error }).
search-in = Em { $heading }
search-found = { $count ->
    [0] Nenhum incidente encontrado.
    [one] { $count } incidente encontrado.
   *[other] { $count } incidentes encontrados.
}
search-found-for = { $count ->
    [0] Nenhum incidente encontrado para “{ $query }”.
    [one] { $count } incidente encontrado para “{ $query }”.
   *[other] { $count } incidentes encontrados para “{ $query }”.
}

## Selos (src/render/badges.rs): em minúsculas, como os selos do shields.io

badge-status = status
badge-uptime = disponibilidade
badge-no-data = sem dados
badge-state-operational = operacional
badge-state-under-maintenance = em manutenção
badge-state-degraded-performance = desempenho degradado
badge-state-partial-outage = interrupção parcial
badge-state-major-outage = interrupção grave
badge-status-title = Status de { $subject }: { $message }
badge-uptime-title = Disponibilidade de { $component } nos últimos 90 dias: { $message }
badge-status-alt = Status de { $subject }
badge-uptime-alt = Disponibilidade de { $component }, últimos 90 dias

## Cartões de status (embed.html)

embed-title = Status de { $component } · { $site }
embed-new-tab = (abre em uma nova aba)
embed-now = Acontecendo agora
embed-maintenance = (manutenção)
embed-component-page = Página de status de { $component }
embed-full-page = Página de status completa
embed-as-of-html = situação em <time datetime="{ $iso }">{ $time }</time>

## Trechos para incorporar selos e cartões (partials/embed_snippets.html)

snippets-title = Selos e incorporações
snippets-summary = Mostrar o status de { $name } em outro site ou em um README
snippets-status-badge = Selo de status
snippets-every-build = Atualizado a cada geração do site. Markdown:
snippets-markdown = Markdown:
snippets-html = HTML:
snippets-uptime-badge = Selo de disponibilidade (últimos 90 dias)
snippets-card = Cartão de status
snippets-card-text-html = Uma pequena página para um <code>&lt;iframe&gt;</code>, nos temas claro e escuro, sem scripts; seus links abrem em uma nova aba:
snippets-shields = shields.io
snippets-shields-text-html = O mesmo selo como <a href="{ $url }">JSON de endpoint do shields.io</a>, para os outros estilos do shields.io:

## Pré-visualizações de links

card-severity = Gravidade
card-status = Status
card-duration = Duração
card-ongoing-for = Em andamento há
card-duration-unknown = {"—"}
card-site-description = Status, histórico de incidentes e análises pós-incidente de { $site }.
card-incident-alt = { $title } — Gravidade: { $severity }. Status: { $status }. { $label }: { $duration }. { $site }
card-site-alt = { $site } — { $description }
