# afterword 默认主题：简体中文（以 en.ftl 为准；参见 docs/i18n.md）。
#
# 中文的复数类别只有 `other`；只有数量为 0 时措辞不同的地方才使用 `[0]`。

## 元信息

# 该语言自身的名称。
-lang-name = 简体中文

## 时间、日期与时长

# $time：只知道大概的时间，或日期和时间。
time-about = 约{ $time }
time-unknown = 时间未知
# $date：不知道具体时间的日期。
date-time-unknown = { $date }（时间未知）
# $quarter：1 到 4；$year：年份。
quarter = { $year }年第{ $quarter }季度
# 时长：最大的两个单位（“2天3小时”“4分钟30秒”）。
duration-days = { $n }天
duration-hours = { $n }小时
duration-minutes = { $n }分钟
duration-seconds = { $n }秒
duration-two-units = { $first }{ $second }
# 相对于事件开始的偏移：“+2分钟”“-1分钟”。
offset-after = +{ $duration }
offset-before = -{ $duration }

## 所有页面

skip-link = 跳到主要内容
nav-label = 网站
nav-status = 状态
nav-history = 历史记录
nav-components = 组件
nav-stats = 统计
site-search-label = 站内搜索
site-search-field = 搜索事件
search-button = 搜索
feed-link-atom = { $site }：所有更新（Atom）
feed-link-rss = { $site }：所有更新（RSS）
footer-built-html = 时间以{ $zone }时区显示。页面生成于<time datetime="{ $iso }">{ $built }</time>。
footer-across-html = 复盘汇总：<a href="{ $factors }">促成因素</a> · <a href="{ $actions }">行动项</a> · <a href="{ $severities }">严重程度</a>
footer-follow-html = 关注更新：<a href="{ $atom }">Atom 订阅源</a> · <a href="{ $rss }">RSS 订阅源</a> · <a href="{ $calendar }">维护日历</a> · <a href="{ $api }">JSON API</a>
footer-generator = 由 { $generator } 生成

## 404.html

not-found-title = 找不到页面
not-found-lede = 此地址没有页面。页面可能已被移动，或链接可能有误。
not-found-links-html = <a href="{ $home }">查看当前状态</a>，或浏览<a href="{ $history }">事件历史记录</a>。

## 数字

number = { $n }

## site.toml 未列出时使用的默认严重程度、促成因素和发现方式。描述为 Markdown。

severity-minor = 轻微
    .description = 部分请求缓慢或失败；大多数人仍可正常工作。
severity-major = 严重
    .description = 部分客户的某项功能或某个区域不可用。
severity-critical = 致命
    .description = 大量客户无法使用服务，或数据面临风险。
factor-change = 变更或部署
    .description = 代码部署、迁移、功能开关，或任何其他发布到生产环境的变更。
factor-configuration = 配置
    .description = 错误、缺失或过时的设置、限制、证书或规则。
factor-capacity = 容量
    .description = 超出系统配置或测试承载能力的负载：流量、存储、连接数、配额。
factor-dependency = 依赖
    .description = 我们所依赖的供应商、云服务商、库或内部服务发生故障或行为变化。
factor-hardware = 硬件
    .description = 磁盘、主机、网络设备、电源或散热。
factor-human-process = 人员流程
    .description = 放过了问题或拖慢了响应的运维手册、交接、评审或人工步骤。
factor-monitoring-gap = 监控盲区
    .description = 未能发现问题、发现太晚或指向错误方向的告警或仪表板。
factor-security = 安全
    .description = 攻击、滥用或漏洞，或对其的响应。
factor-unknown = 未知
    .description = 无法确定任何促成因素。
detection-monitoring-alert = 监控告警
    .description = 我们自己的监控发出告警，通知了值班人员。
detection-synthetic-check = 拨测
    .description = 来自外部的脚本化探测（可用性检查或端到端检查）失败。
detection-customer-report = 客户报告
    .description = 客户通过客服支持或社交媒体告知了我们。
detection-internal-report = 内部报告
    .description = 团队成员在工作中发现了问题。
detection-provider-notice = 供应商通知
    .description = 供应商或上游服务商通知了我们。

## 由 ID 生成的标签：状态、级别、状况、行动项、评审

status-investigating = 调查中
status-identified = 已确定原因
status-monitoring = 监控中
status-update = 更新
status-resolved = 已解决
status-postmortem = 事后复盘
status-scheduled = 已计划
status-in-progress = 进行中
status-verifying = 验证中
status-completed = 已完成
level-degraded-performance = 性能下降
level-partial-outage = 部分中断
level-major-outage = 严重中断
state-operational = 运行正常
state-under-maintenance = 维护中
state-no-data = 无数据
action-status-open = 待处理
action-status-in-progress = 进行中
action-status-done = 已完成
action-status-wont-do = 不予处理
review-draft = 草稿
review-in-review = 评审中
review-published = 已发布
kind-incident = 事件
kind-maintenance = 维护

## 由 Rust 生成的页面标题

search-title = 搜索
history-title = 历史记录
# $year：年份；$page：页码（第一页为 1）。
history-year-title = { $page ->
    [1] { $year }年
   *[other] { $year }年（第{ $page }页）
}
# 百分比：$n 是 2.5 之类的数字。
percent = { $n }%
components-title = 组件
stats-title = 统计
home-all-operational = 所有系统运行正常

## 列表

list-separator = {"、"}
list-separator-strong = {"；"}

## 90 天状态条：供屏幕阅读器使用的每日文字

bars-day-no-data = { $date }：无数据。
bars-day-no-downtime = { $date }：无停机。
bars-day-downtime = { $date }：{ $levels }。
bars-level-minutes = { $level }（{ $minutes }分钟）
bars-day-incidents = 事件：{ $incidents }。
factors-title = 促成因素
severities-title = 严重程度
actions-title = 行动项
actions-no-owner = 无负责人
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }（第{ $page }页）
}
severity-page-title = { $page ->
    [1] 严重程度为“{ $name }”的事件
   *[other] 严重程度为“{ $name }”的事件（第{ $page }页）
}

## 搜索

search-facet-component = 组件
search-facet-severity = 严重程度
search-facet-year = 年份
search-facet-factor = 促成因素
search-facet-status = 状态
search-state-ongoing = 进行中
search-state-resolved = 已解决

## 订阅源与维护日历

feed-title = { $site }：事件与维护
feed-description = { $site }的事件报告与计划维护
feed-component-title = { $site }：{ $component }
feed-component-description = { $site }上{ $component }的事件报告与计划维护
feed-entry-open-title = 【{ $status }】{ $title }
feed-fact-status = 状态：
feed-fact-severity = 严重程度：
feed-fact-window = 时间窗口：
feed-fact-started = 开始：
feed-fact-resolved = 解决：
feed-fact-duration = 持续时间：
feed-fact-components = 组件：
feed-fact-trigger = 触发因素：
feed-fact-detection = 发现方式：
feed-fact-factors = 促成因素：
feed-fact-impact = 客户影响：
feed-window = { $start }至{ $end }
feed-duration-unknown = 未知
feed-impact-users = { $count }名用户
feed-impact-customers = { $count }位客户
feed-impact-requests = { $count }个请求
feed-impact-error-rate = 峰值错误率{ $rate }%
feed-updates = 更新
feed-notes = 备注
feed-postmortem = 事后复盘
feed-latest-update = 最新更新
feed-read-incident = 阅读完整的事件报告
feed-read-maintenance = 阅读完整的维护通知
calendar-name = { $site }：计划维护
calendar-components = 组件：{ $components }
calendar-status = 状态：{ $status }

## 事件经过：时间线图表、其描述和替代文字。
## `.short` 用于放不下完整标签的地方。

phase-before-first-update = 首次更新之前
    .short = 更新前
phase-investigating = 调查中
    .short = 调查中
phase-identified = 已确定原因
    .short = 已确定
phase-monitoring = 监控中
    .short = 监控中
chart-title = { $title }的时间线
chart-now-ongoing = 当前仍在进行（{ $time }）
chart-ended = 结束于{ $time }
chart-detected = 发现于{ $time }
chart-lane-unaffected = 此时段未受影响
chart-lane-then = {"，随后"}
chart-times-in = 时区：{ $zone }
chart-desc-span = { $what }（{ $from }–{ $to }）
chart-desc-phases = 阶段：{ $phases }；
chart-desc-ongoing = 截至{ $time }仍在进行。
chart-desc-ended = 于{ $time }结束。
chart-desc-lane = { $component }：{ $windows }。
chart-desc-detected = 于{ $time }发现。
chart-alt-span-html = 时区：{ $zone }。从{ $start }到{ $end }。
chart-alt-span-ongoing-html = 时区：{ $zone }。从{ $start }到{ $end }（至今，仍在进行）。
chart-alt-detected-html = 于{ $time }发现。
chart-phases = 阶段
chart-phase = 阶段
chart-from = 开始
chart-to = 结束
chart-duration = 持续时间
chart-impact-by-component = 各组件受影响情况
chart-component = 组件
chart-level = 级别
chart-window-ongoing = （进行中）

## 首页

home-title = 当前状态
home-caused-by = 原因：
as-of-html = 截至<time datetime="{ $iso }">{ $time }</time>
components-other = 其他组件
home-all-components = 所有组件及其可用率
home-maintenance-active = 维护进行中
home-maintenance-upcoming = 即将进行的维护
home-ongoing = { $count ->
   *[other] 进行中的事件
}
home-ongoing-none-heading = 进行中的事件
home-all-quiet-html = <strong>一切正常：</strong>截至<time datetime="{ $iso }">{ $time }</time>，没有进行中的事件。
home-recent = 近期事件
home-no-resolved = 暂无已解决的事件。
home-full-history-html = <a href="{ $path }">完整事件历史</a>（{ $count }起事件）

## 多个页面共用的部分

archive-nav-label = 复盘汇总
bars-legend-label = 每日状态条图例
incident-affected-components = 受影响的组件
current-status-prefix = 当前状态：
current-status = 当前状态
status-prefix = 状态：
severity-prefix = 严重程度：
bars-label = { $component }：过去90天，每项代表一天
bars-90-days-ago = 90天前
bars-today = 今天
bars-uptime-html = 可用率{ $uptime }<span class="vh">（过去90天）</span>
bars-uptime-no-data-html = 可用率<span class="vh">（过去90天）</span>：无数据
bars-days-with-incidents-html = { $count }天有事件<span class="vh">（<bdi>{ $component }</bdi>）</span>
bars-incidents-on = { $date }的事件
row-started-html = 开始于<time datetime="{ $iso }">{ $time }</time>
row-lasted = 持续{ $duration }
row-ongoing-for = 已持续{ $duration }
row-duration-unknown = 持续时间未知
maintenance-components-prefix = 组件：
window-to = 至
pagination-newer-html = 较新<span class="vh">的事件</span>
pagination-older-html = 较早<span class="vh">的事件</span>
pagination-page-html = <span class="vh">页码 </span>{ $page }
timeline-title = 时间线
timeline-run-updates = { $count }条更新，
timeline-run-each = { $count ->
    [1] 该更新及其时间
   *[other] 这{ $count }条更新及各自的时间
}
uptime-days-html = { $days }天<span class="vh">可用率</span>
years-nav-label = 年份
incident-actions-caption = 本次复盘的后续行动：负责人、状态和截止日期
actions-col-action = 行动
actions-col-owner = 负责人
actions-col-status = 状态
actions-col-due = 截止日期
actions-col-closed = 关闭日期
actions-col-incident = 事件
actions-no-due = 无截止日期
actions-closed-on-html = 于<time datetime="{ $iso }">{ $date }</time>关闭

## 事件页面

page-as-json = 本页的 JSON 版本
draft-banner-html = <strong>{ $state } — 未发布。</strong>{ $kind ->
    [maintenance] 此页面
   *[incident] 此复盘
}仅在包含草稿时生成（<code>--drafts</code>、<code>serve</code>）；正式发布的网站不包含它。
incident-started = 开始时间
incident-resolved = 解决时间
incident-unknown-html = 未知 <span class="muted">（有时间不精确）</span>
incident-not-yet-html = 尚未解决：自<time datetime="{ $iso }">{ $time }</time>起持续进行中
incident-ongoing-for = 已持续
incident-trigger = 触发因素
incident-detection = 发现
incident-detected-by = 发现方式
incident-detected = 发现时间
time-to-detect = 发现耗时
time-to-resolve = 解决耗时
incident-times-as-posted = 发布时的原始时间
incident-posted-zone = { $zone }，显示在方括号中
components-affected = 受影响的组件
incident-course = 事件经过
incident-course-chart-label = 图表：事件经过
incident-chart-as-text = 图表的文字版本
toc-title = 目录
incident-customer-impact = 客户影响
incident-lessons = 经验教训
incident-went-well = 做得好的地方
incident-went-wrong = 出问题的地方
incident-lucky = 侥幸之处
incident-related = 相关事件
timeline-after-start = 开始后
timeline-after-window-start = 相对于时间窗口开始
impact-people = 受影响人数
impact-customers = 受影响客户数
impact-requests = 失败或降级的请求
impact-error-rate = 峰值错误率
related-maintenance-html = 维护，<time datetime="{ $iso }">{ $date }</time>
incident-review = 评审
incident-reviewed-by = ；评审人
written-by = 撰写人
tags = 标签
pager-label = 更早和更新的事件
pager-older = 较早的事件
pager-newer = 较新的事件

## 维护页面

maintenance-scheduled = 计划时间
maintenance-planned-duration = 计划时长
maintenance-ended = 结束时间
maintenance-expected-end = 预计结束
maintenance-expected-duration = 预计时长
maintenance-components-label = 维护中的组件
maintenance-from = 自{ $time }起维护

## 组件页面

component-description = { $component }：当前状态、可用率和事件。
component-feed-atom = { $component }：更新（Atom）
component-feed-rss = { $component }：更新（RSS）
component-group-html = 分组：<a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = 关注<bdi>{ $component }</bdi>：<a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = 可用率（{ $days }天）
last-days = 过去{ $days }天
component-resolve-lede-html = 影响<bdi>{ $component }</bdi>且在该时段内开始的事件；耗时仅统计已解决的事件。
component-resolve-caption = 过去90天和365天的事件数及解决耗时
component-col-window = 时段
col-incidents = 事件数
component-col-median = 解决耗时中位数
component-col-longest = 最长
no-resolved-incidents = 无已解决的事件
component-maintenance-upcoming = 即将进行
component-maintenance-recent = 最近完成
component-no-maintenance-html = <bdi>{ $component }</bdi>没有已计划或已记录的维护。
component-no-incidents-html = 没有事件影响过<bdi>{ $component }</bdi>。
components-lede = 各组件的当前状态及其过去30天、90天和365天的可用率。计划维护不计入停机时间。
components-group-caption = { $group }组件的状态和可用率
components-all = 所有组件
components-other-caption = 其他组件的状态和可用率
components-none = 未列出任何组件。

## 历史记录页面

history-total = 共{ $count }起事件。
history-by-year = 按年份
incidents-count = { $count }起事件
history-year-by-month = { $year }年（按月）
history-month-count-html = <a href="{ $path }">{ $month }</a>：{ $count }
history-latest = 最新事件
history-more = 所有事件均列在其所属年份的页面上。
history-none = 尚未记录任何事件。
history-year-heading = { $page ->
    [1] { $year }年的事件
   *[other] { $year }年的事件（第{ $page }页，共{ $pages }页）
}
history-year-lede-html = { $year }年共{ $count }起事件。<a href="{ $path }">所有年份</a>
pages-of = { $what }的页面
pages-of-severity = 严重程度为“{ $name }”的事件的页面

## 促成因素

factor-heading = { $page ->
    [1] 促成因素：{ $name }
   *[other] 促成因素：{ $name }（第{ $page }页，共{ $pages }页）
}
factor-lede-html = 促成了{ $count }起事件。<a href="{ $path }">所有促成因素</a>
factor-per-year = 每年事件数
factor-per-year-caption = 按年份统计的事件数
factor-incidents-caption = 涉及此因素的事件：开始时间、严重程度和具体情况
factor-col-note = 此处的具体情况
factor-no-note = 无备注
factor-none = 没有事件涉及此因素。
factors-lede = 在所有复盘中统计的、使事件得以发生、更加严重或持续更久的因素。一起事件通常有多个因素，因此各项计数之和会超过事件总数。
factors-per-year = 按因素和年份统计的事件数
factors-per-year-caption = 各因素每年的事件数
col-factor = 因素
col-total = 合计
no-incidents-yet = 暂无事件。
factors-meanings = 各因素的含义
no-description = 无描述。

## 严重程度

severities-lede = 由团队评定的事件严重程度，以及各严重程度的事件从开始到解决所用的时间（采用中位数和百分位数，而非平均值，因为少数长时间事件会使平均值失真）。
severity-component-level = 组件级别
severity-incidents-link-html = { $count }起事件<span class="vh">（严重程度：<bdi>{ $name }</bdi>）</span>
severity-percentiles-html = 中位数 { $median }，第75百分位 { $p75 }，第90百分位 { $p90 } <span class="muted">（n = { $count }，已解决）</span>
severity-no-resolved = 无已解决的事件（n = 0）
severity-heading = { $page ->
    [1] 严重程度：{ $name }
   *[other] 严重程度：{ $name }（第{ $page }页，共{ $pages }页）
}
severity-lede = { $count }起事件；组件级别：{ $level }。
severity-lede-resolve = 解决耗时：中位数 { $median }，第75百分位 { $p75 }，第90百分位 { $p90 }（n = { $count }，已解决）。
severity-lede-no-resolved = 解决耗时：无已解决的事件（n = 0）。
severity-all = 所有严重程度
severity-none = 没有此严重程度的事件。

## 统计

stats-lede = 故障发生的频率、我们发现和修复问题的速度，以及仍有哪些工作待完成。
stats-per-period = { $period ->
    [quarter] 每季度事件数
    [year] 每年事件数
   *[month] 每月事件数
}
stats-chart-desc = 从{ $from }到{ $to }，{ $period ->
    [quarter] 每季度一根柱
    [year] 每年一根柱
   *[month] 每月一根柱
}，按严重程度堆叠{ $max ->
    [0] {""}
   *[other] ；最高的柱为{ $max }起事件
}。
stats-chart-table-note = 图表下方的表格包含相同的数据。
stats-bar-title = { $period }：{ $count }起事件
stats-bar-segment = { $severity }{ $count }起
stats-table-heading = { $period ->
    [quarter] 按季度和严重程度统计的事件数
    [year] 按年份和严重程度统计的事件数
   *[month] 按月份和严重程度统计的事件数
}
stats-period-name = { $period ->
    [quarter] 季度
    [year] 年份
   *[month] 月份
}
stats-timings = 解决耗时与发现耗时
stats-timings-lede = 解决耗时指从事件开始到解决的时间（仅限已解决的事件）；发现耗时指从事件开始到被发现的时间（仅限记录了发现时间的事件）。只统计两个时间都精确的事件：只有日期没有具体时间，或时间为近似值的事件不计入。使用中位数和百分位数而非平均值：少数持续极长的事件会使平均值远离典型情况。
stats-timings-caption = 解决耗时与发现耗时的中位数和百分位数
stats-col-measure = 指标
col-median = 中位数
col-p75 = 第75百分位
col-p90 = 第90百分位
stats-col-measured = 统计的事件数
col-n = n
stats-by-severity = 按严重程度统计的解决耗时
stats-by-severity-lede = 基于各严重程度的已解决事件；n 为统计的事件数。
stats-by-severity-caption = 各严重程度的解决耗时：中位数和百分位数
stats-per-factor = 每年各促成因素的事件数
stats-per-factor-lede-html = 各因素促成的事件数，按事件开始的年份统计。<a href="{ $path }">各因素的含义</a>
stats-per-component = 各组件的事件数
stats-per-component-lede = 影响该组件的所有已记录事件。
stats-per-component-caption = 按组件统计的事件数
stats-open-actions = 未完成的行动项
stats-open-actions-lede-html = 复盘中尚未开始或正在进行的后续行动，截止日期最早的排在前面。<a href="{ $path }">按负责人查看所有行动项</a>
stats-open-actions-caption = 未完成的行动项，截止日期最早的排在前面
actions-overdue = 已逾期
stats-no-open-actions = 没有未完成的行动项。

## 行动项

actions-lede = 复盘中承诺的所有后续行动：先列出未完成的（已逾期的在前，其次按截止日期从早到晚），再列出已关闭的（最近关闭的在前）。
actions-summary = 摘要
actions-closure-rate = 关闭率
actions-closure-html = { $closed }/{ $total }（{ $percent }%）<span class="muted">已完成或不予处理</span>
actions-no-items = 无行动项（n = 0）
actions-median-close = 关闭耗时中位数
actions-median-days-html = { $days }天 <span class="muted">（n = { $count }）</span>
actions-no-closed = 无关闭日期（n = 0）
actions-close-note = 关闭耗时指从事件解决当天到行动项关闭日期的时间（在此之前关闭的记为0）；没有关闭日期的行动项以及未解决事件的行动项不计入。
actions-by-owner = 按负责人
actions-owners-caption = 各负责人的行动项：未完成、已逾期、已关闭及合计
actions-all = 所有行动项
actions-register-caption = 所有行动项及其所属事件、负责人、状态、截止日期和关闭日期
actions-per-owner = 各负责人的未完成项
actions-owner-counts = 未完成{ $open }项{ $overdue ->
    [0] {""}
   *[other] ，其中已逾期{ $overdue }项
}，已关闭{ $closed }项
actions-due-html = ，截止日期<time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = 没有未完成的项。
actions-none = 没有行动项。
search-lede = 搜索所有已发布的事件：标题、摘要、更新、复盘、经验教训和行动项。
search-lede-drafts = 搜索所有事件和草稿：标题、摘要、更新、复盘、经验教训和行动项。
search-nojs-html = 搜索在浏览器中运行，需要 JavaScript。没有 JavaScript 时，<a href="{ $history }">历史记录</a>按月列出所有事件，<a href="{ $factors }">促成因素</a>、<a href="{ $severities }">严重程度</a>和<a href="{ $components }">组件</a>页面也对事件进行了分组。
search-form-label = 搜索存档
search-field = 搜索词
search-filter-by = 筛选条件：
search-filter-or = {"或"}
search-results = 搜索结果
search-more = 显示更多结果
search-searching = 正在搜索…
search-failed = 无法加载搜索索引（{ $error }）。
search-in = 出自：{ $heading }
search-found = { $count ->
    [0] 未找到事件。
   *[other] 找到{ $count }起事件。
}
search-found-for = { $count ->
    [0] 未找到与“{ $query }”相关的事件。
   *[other] 找到{ $count }起与“{ $query }”相关的事件。
}

## 徽章（src/render/badges.rs）

badge-status = 状态
badge-uptime = 可用率
badge-no-data = 无数据
badge-state-operational = 运行正常
badge-state-under-maintenance = 维护中
badge-state-degraded-performance = 性能下降
badge-state-partial-outage = 部分中断
badge-state-major-outage = 严重中断
badge-status-title = { $subject }状态：{ $message }
badge-uptime-title = { $component }过去90天的可用率：{ $message }
badge-status-alt = { $subject }状态
badge-uptime-alt = { $component }可用率（过去90天）

## 状态卡片（embed.html）

embed-title = { $component }状态 · { $site }
embed-new-tab = （在新标签页中打开）
embed-now = 正在进行
embed-maintenance = （维护）
embed-component-page = { $component }状态页
embed-full-page = 完整状态页
embed-as-of-html = 截至<time datetime="{ $iso }">{ $time }</time>

## 嵌入徽章和卡片的代码片段（partials/embed_snippets.html）

snippets-title = 徽章与嵌入
snippets-summary = 在其他网站或 README 中显示{ $name }的状态
snippets-status-badge = 状态徽章
snippets-every-build = 每次生成网站时更新。Markdown：
snippets-markdown = Markdown：
snippets-html = HTML：
snippets-uptime-badge = 可用率徽章（过去90天）
snippets-card = 状态卡片
snippets-card-text-html = 供 <code>&lt;iframe&gt;</code> 使用的小页面，支持浅色和深色模式，不含脚本；其中的链接在新标签页中打开：
snippets-shields = shields.io
snippets-shields-text-html = 同一徽章的 <a href="{ $url }">shields.io 端点 JSON</a> 版本，可用于 shields.io 的其他样式：

## 链接预览

card-severity = 严重程度
card-status = 状态
card-duration = 持续时间
card-ongoing-for = 已持续
card-duration-unknown = {"—"}
card-site-description = { $site } 的状态、事件历史和事后复盘。
card-incident-alt = { $title } — 严重程度：{ $severity }。状态：{ $status }。{ $label }：{ $duration }。{ $site }
card-site-alt = { $site } — { $description }
