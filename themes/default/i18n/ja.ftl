# afterword のデフォルトテーマ：日本語（基準は en.ftl。docs/i18n.md を参照）。
#
# 日本語の複数形カテゴリは `other` のみ。件数が 0 のときだけ文を変える箇所には `[0]` を使う。

## メタ

# その言語自身による言語名。
-lang-name = 日本語

## 時刻・日付・期間

# $time：おおよそしか分からない時刻、または日時。
time-about = { $time }ごろ
time-unknown = 時刻不明
# $date：時刻が分からない日付。
date-time-unknown = { $date }（時刻不明）
# $quarter：1～4、$year：年。
quarter = { $year }年第{ $quarter }四半期
# 期間：大きい方から 2 つの単位（「2日3時間」「4分30秒」）。
duration-days = { $n }日
duration-hours = { $n }時間
duration-minutes = { $n }分
duration-seconds = { $n }秒
duration-two-units = { $first }{ $second }
# インシデント開始からのオフセット：「+2分」「-1分」。
offset-after = +{ $duration }
offset-before = -{ $duration }

## 全ページ共通

skip-link = 本文へスキップ
nav-label = サイト
nav-status = ステータス
nav-history = 履歴
nav-components = コンポーネント
nav-stats = 統計
site-search-label = サイト内検索
site-search-field = インシデントを検索
search-button = 検索
feed-link-atom = { $site }：すべての更新（Atom）
feed-link-rss = { $site }：すべての更新（RSS）
footer-built-html = 時刻は{ $zone }で表示しています。ページ生成日時：<time datetime="{ $iso }">{ $built }</time>
footer-across-html = ポストモーテム横断：<a href="{ $factors }">寄与要因</a> · <a href="{ $actions }">対応項目</a> · <a href="{ $severities }">重大度</a>
footer-follow-html = 更新をフォロー：<a href="{ $atom }">Atomフィード</a> · <a href="{ $rss }">RSSフィード</a> · <a href="{ $calendar }">メンテナンスカレンダー</a> · <a href="{ $api }">JSON API</a>
footer-generator = { $generator }で生成

## 404.html

not-found-title = ページが見つかりません
not-found-lede = このアドレスにはページがありません。ページが移動したか、リンクが間違っている可能性があります。
not-found-links-html = <a href="{ $home }">現在のステータスを見る</a>か、<a href="{ $history }">インシデント履歴</a>をご覧ください。

## 数値

number = { $n }

## site.toml に定義がない場合に使う、既定の重大度・寄与要因・検知方法。説明は Markdown。

severity-minor = 軽微
    .description = 一部のリクエストが遅延または失敗していますが、ほとんどの人は作業を続けられます。
severity-major = 重大
    .description = 一部のお客様に対して、機能または地域が利用できなくなっています。
severity-critical = 致命的
    .description = 多くのお客様に対してサービスが停止している、またはデータが危険にさらされています。
factor-change = 変更・デプロイ
    .description = コードのデプロイ、マイグレーション、フィーチャーフラグなど、本番環境に適用されたあらゆる変更。
factor-configuration = 設定
    .description = 誤っていた、欠けていた、または古くなっていた設定、上限、証明書、ルール。
factor-capacity = キャパシティ
    .description = システムのプロビジョニングやテストの想定を超えた負荷：トラフィック、ストレージ、接続数、クォータ。
factor-dependency = 依存先
    .description = 当社が依存しているベンダー、クラウドプロバイダー、ライブラリ、社内サービスの障害や動作の変化。
factor-hardware = ハードウェア
    .description = ディスク、ホスト、ネットワーク機器、電源、冷却。
factor-human-process = 人的プロセス
    .description = 問題を見逃した、または対応を遅らせた手順書、引き継ぎ、レビュー、手作業の工程。
factor-monitoring-gap = 監視の不備
    .description = 問題を検知できなかった、検知が遅れた、または誤った方向を示したアラートやダッシュボード。
factor-security = セキュリティ
    .description = 攻撃、不正利用、脆弱性、またはそれらへの対応。
factor-unknown = 不明
    .description = 寄与要因を特定できませんでした。
detection-monitoring-alert = 監視アラート
    .description = 自社の監視システムのアラートで担当者が呼び出されました。
detection-synthetic-check = 外形監視
    .description = 外部からのスクリプトによるチェック（死活監視やエンドツーエンドのチェック）が失敗しました。
detection-customer-report = お客様からの報告
    .description = お客様からサポートやソーシャルメディアを通じて連絡がありました。
detection-internal-report = 社内からの報告
    .description = チームのメンバーが作業中に気づきました。
detection-provider-notice = プロバイダーからの通知
    .description = ベンダーまたは上流のプロバイダーから連絡がありました。

## ID から作るラベル：ステータス、レベル、状態、対応項目、レビュー

status-investigating = 調査中
status-identified = 特定済み
status-monitoring = 監視中
status-update = 更新
status-resolved = 解決済み
status-postmortem = ポストモーテム
status-scheduled = 予定
status-in-progress = 進行中
status-verifying = 検証中
status-completed = 完了
level-degraded-performance = パフォーマンス低下
level-partial-outage = 一部停止
level-major-outage = 重大な停止
state-operational = 正常稼働
state-under-maintenance = メンテナンス中
state-no-data = データなし
action-status-open = 未着手
action-status-in-progress = 進行中
action-status-done = 完了
action-status-wont-do = 対応しない
review-draft = 下書き
review-in-review = レビュー中
review-published = 公開済み
kind-incident = インシデント
kind-maintenance = メンテナンス

## Rust で作るページタイトル

search-title = 検索
history-title = 履歴
# $year：年、$page：ページ番号（最初のページは 1）。
history-year-title = { $page ->
    [1] { $year }年
   *[other] { $year }年（{ $page }ページ目）
}
# パーセント：$n は 2.5 などの数値。
percent = { $n }%
components-title = コンポーネント
stats-title = 統計
home-all-operational = すべてのシステムが正常に稼働しています

## リスト

list-separator = {"、"}
list-separator-strong = {"／"}

## 90日間のバー：スクリーンリーダー向けの各日のテキスト

bars-day-no-data = { $date }：データなし。
bars-day-no-downtime = { $date }：停止なし。
bars-day-downtime = { $date }：{ $levels }。
bars-level-minutes = { $level }（{ $minutes }分）
bars-day-incidents = インシデント：{ $incidents }。
factors-title = 寄与要因
severities-title = 重大度
actions-title = 対応項目
actions-no-owner = 担当者なし
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }（{ $page }ページ目）
}
severity-page-title = { $page ->
    [1] 重大度「{ $name }」のインシデント
   *[other] 重大度「{ $name }」のインシデント（{ $page }ページ目）
}

## 検索

search-facet-component = コンポーネント
search-facet-severity = 重大度
search-facet-year = 年
search-facet-factor = 寄与要因
search-facet-status = ステータス
search-state-ongoing = 継続中
search-state-resolved = 解決済み

## フィードとメンテナンスカレンダー

feed-title = { $site }：インシデントとメンテナンス
feed-description = { $site }のインシデント報告と計画メンテナンス
feed-component-title = { $site }：{ $component }
feed-component-description = { $site }の{ $component }に関するインシデント報告と計画メンテナンス
feed-entry-open-title = 【{ $status }】{ $title }
feed-fact-status = ステータス：
feed-fact-severity = 重大度：
feed-fact-window = 期間：
feed-fact-started = 開始：
feed-fact-resolved = 解決：
feed-fact-duration = 継続時間：
feed-fact-components = コンポーネント：
feed-fact-trigger = トリガー：
feed-fact-detection = 検知方法：
feed-fact-factors = 寄与要因：
feed-fact-impact = お客様への影響：
feed-window = { $start }～{ $end }
feed-duration-unknown = 不明
feed-impact-users = ユーザー{ $count }人
feed-impact-customers = 顧客{ $count }件
feed-impact-requests = リクエスト{ $count }件
feed-impact-error-rate = ピーク時エラー率{ $rate }%
feed-updates = 更新情報
feed-notes = 備考
feed-postmortem = ポストモーテム
feed-latest-update = 最新の更新
feed-read-incident = インシデントの詳細レポートを読む
feed-read-maintenance = メンテナンスのお知らせ全文を読む
calendar-name = { $site }：計画メンテナンス
calendar-components = コンポーネント：{ $components }
calendar-status = ステータス：{ $status }

## インシデントの経過：タイムライングラフ、その説明と代替テキスト。
## `.short` は完全なラベルが収まらない場所で使う。

phase-before-first-update = 最初の更新より前
    .short = 更新前
phase-investigating = 調査中
    .short = 調査中
phase-identified = 特定済み
    .short = 特定済み
phase-monitoring = 監視中
    .short = 監視中
chart-title = { $title }のタイムライン
chart-now-ongoing = 現在も継続中（{ $time }）
chart-ended = { $time }に終了
chart-detected = { $time }に検知
chart-lane-unaffected = この期間は影響なし
chart-lane-then = {"、その後"}
chart-times-in = タイムゾーン：{ $zone }
chart-desc-span = { $what }（{ $from }–{ $to }）
chart-desc-phases = フェーズ：{ $phases }。
chart-desc-ongoing = { $time }時点で継続中。
chart-desc-ended = { $time }に終了。
chart-desc-lane = { $component }：{ $windows }。
chart-desc-detected = { $time }に検知。
chart-alt-span-html = タイムゾーン：{ $zone }。{ $start }から{ $end }まで。
chart-alt-span-ongoing-html = タイムゾーン：{ $zone }。{ $start }から{ $end }まで（現在も継続中）。
chart-alt-detected-html = { $time }に検知。
chart-phases = フェーズ
chart-phase = フェーズ
chart-from = 開始
chart-to = 終了
chart-duration = 継続時間
chart-impact-by-component = コンポーネント別の影響
chart-component = コンポーネント
chart-level = レベル
chart-window-ongoing = （継続中）

## ホームページ

home-title = 現在のステータス
home-caused-by = 原因：
as-of-html = <time datetime="{ $iso }">{ $time }</time>時点
components-other = その他のコンポーネント
home-all-components = すべてのコンポーネントと稼働率
home-maintenance-active = メンテナンス実施中
home-maintenance-upcoming = 今後のメンテナンス
home-ongoing = { $count ->
   *[other] 継続中のインシデント
}
home-ongoing-none-heading = 継続中のインシデント
home-all-quiet-html = <strong>異常なし：</strong><time datetime="{ $iso }">{ $time }</time>時点で継続中のインシデントはありません。
home-recent = 最近のインシデント
home-no-resolved = 解決済みのインシデントはまだありません。
home-full-history-html = <a href="{ $path }">すべてのインシデント履歴</a>（{ $count }件）

## 複数のページで共有する部品

archive-nav-label = ポストモーテム横断
bars-legend-label = 日別バーの凡例
incident-affected-components = 影響を受けたコンポーネント
current-status-prefix = 現在のステータス：
current-status = 現在のステータス
status-prefix = ステータス：
severity-prefix = 重大度：
bars-label = { $component }：過去90日間（1項目につき1日）
bars-90-days-ago = 90日前
bars-today = 今日
bars-uptime-html = 稼働率{ $uptime }<span class="vh">（過去90日間）</span>
bars-uptime-no-data-html = 稼働率<span class="vh">（過去90日間）</span>：データなし
bars-days-with-incidents-html = インシデント発生{ $count }日<span class="vh">（<bdi>{ $component }</bdi>）</span>
bars-incidents-on = { $date }のインシデント
row-started-html = 開始：<time datetime="{ $iso }">{ $time }</time>
row-lasted = 継続時間：{ $duration }
row-ongoing-for = { $duration }継続中
row-duration-unknown = 継続時間不明
maintenance-components-prefix = コンポーネント：
window-to = から
pagination-newer-html = より新しい<span class="vh">インシデント</span>
pagination-older-html = より古い<span class="vh">インシデント</span>
pagination-page-html = { $page }<span class="vh">ページ目</span>
timeline-title = タイムライン
timeline-run-updates = { $count }件の更新、
timeline-run-each = { $count ->
    [1] 更新とその時刻
   *[other] { $count }件の更新とそれぞれの時刻
}
uptime-days-html = { $days }日間<span class="vh">の稼働率</span>
years-nav-label = 年
incident-actions-caption = このポストモーテムのフォローアップ：担当者、ステータス、期日
actions-col-action = 対応
actions-col-owner = 担当者
actions-col-status = ステータス
actions-col-due = 期日
actions-col-closed = 完了日
actions-col-incident = インシデント
actions-no-due = 期日なし
actions-closed-on-html = <time datetime="{ $iso }">{ $date }</time>に完了

## インシデントページ

page-as-json = このページのJSON
draft-banner-html = <strong>{ $state } — 未公開。</strong>{ $kind ->
    [maintenance] このページ
   *[incident] このポストモーテム
}は下書きを含めるとき（<code>--drafts</code>、<code>serve</code>）にのみ生成され、公開サイトには含まれません。
incident-started = 開始
incident-resolved = 解決
incident-unknown-html = 不明 <span class="muted">（正確でない時刻があります）</span>
incident-not-yet-html = 未解決：<time datetime="{ $iso }">{ $time }</time>から継続中
incident-ongoing-for = 継続時間
incident-trigger = トリガー
incident-detection = 検知
incident-detected-by = 検知方法
incident-detected = 検知日時
time-to-detect = 検知までの時間
time-to-resolve = 解決までの時間
incident-times-as-posted = 投稿時の時刻
incident-posted-zone = { $zone }（角かっこ内）
components-affected = 影響を受けたコンポーネント
incident-course = インシデントの経過
incident-course-chart-label = グラフ：インシデントの経過
incident-chart-as-text = グラフのテキスト版
toc-title = 目次
incident-customer-impact = お客様への影響
incident-lessons = 教訓
incident-went-well = うまくいったこと
incident-went-wrong = うまくいかなかったこと
incident-lucky = 運が良かった点
incident-related = 関連インシデント
timeline-after-start = 開始後
timeline-after-window-start = 期間の開始からの相対時間
impact-people = 影響を受けた人数
impact-customers = 影響を受けた顧客数
impact-requests = 失敗または低下したリクエスト
impact-error-rate = ピーク時エラー率
related-maintenance-html = メンテナンス、<time datetime="{ $iso }">{ $date }</time>
incident-review = レビュー
incident-reviewed-by = 、レビュー担当
written-by = 執筆者
tags = タグ
pager-label = 前後のインシデント
pager-older = 前のインシデント
pager-newer = 次のインシデント

## メンテナンスページ

maintenance-scheduled = 予定日時
maintenance-planned-duration = 予定時間
maintenance-ended = 終了
maintenance-expected-end = 終了予定
maintenance-expected-duration = 想定時間
maintenance-components-label = メンテナンス対象のコンポーネント
maintenance-from = { $time }からメンテナンス中

## コンポーネントページ

component-description = { $component }：現在のステータス、稼働率、インシデント。
component-feed-atom = { $component }：更新（Atom）
component-feed-rss = { $component }：更新（RSS）
component-group-html = グループ：<a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = <bdi>{ $component }</bdi>をフォロー：<a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = 稼働率（{ $days }日間）
last-days = 過去{ $days }日間
component-resolve-lede-html = <bdi>{ $component }</bdi>に影響し、期間内に始まったインシデント。時間は解決済みのものについて示しています。
component-resolve-caption = 過去90日間と365日間のインシデントと解決までの時間
component-col-window = 期間
col-incidents = インシデント
component-col-median = 解決までの時間（中央値）
component-col-longest = 最長
no-resolved-incidents = 解決済みのインシデントなし
component-maintenance-upcoming = 今後の予定
component-maintenance-recent = 最近完了したもの
component-no-maintenance-html = <bdi>{ $component }</bdi>のメンテナンスは予定も記録もありません。
component-no-incidents-html = <bdi>{ $component }</bdi>に影響したインシデントはありません。
components-lede = 各コンポーネントの現在のステータスと、過去30日間・90日間・365日間の稼働率。計画メンテナンスは停止時間に含めません。
components-group-caption = { $group }のコンポーネントのステータスと稼働率
components-all = すべてのコンポーネント
components-other-caption = その他のコンポーネントのステータスと稼働率
components-none = コンポーネントはありません。

## 履歴ページ

history-total = 合計{ $count }件のインシデント。
history-by-year = 年別
incidents-count = { $count }件のインシデント
history-year-by-month = { $year }年の月別
history-month-count-html = <a href="{ $path }">{ $month }</a>：{ $count }
history-latest = 最新のインシデント
history-more = すべてのインシデントは各年のページに掲載しています。
history-none = 記録されたインシデントはありません。
history-year-heading = { $page ->
    [1] { $year }年のインシデント
   *[other] { $year }年のインシデント（{ $page }/{ $pages }ページ）
}
history-year-lede-html = { $year }年のインシデントは{ $count }件。<a href="{ $path }">すべての年</a>
pages-of = { $what }のページ
pages-of-severity = 重大度「{ $name }」のインシデントのページ

## 寄与要因

factor-heading = { $page ->
    [1] 寄与要因：{ $name }
   *[other] 寄与要因：{ $name }（{ $page }/{ $pages }ページ）
}
factor-lede-html = { $count }件のインシデントに寄与。<a href="{ $path }">すべての寄与要因</a>
factor-per-year = 年別インシデント数
factor-per-year-caption = 年別のインシデント件数
factor-incidents-caption = この要因が関わったインシデント：開始、重大度、内容
factor-col-note = この件での内容
factor-no-note = メモなし
factor-none = この要因が挙げられたインシデントはありません。
factors-lede = インシデントの発生、悪化、長期化につながった要因を、すべてのポストモーテムにわたって集計したもの。1件のインシデントには通常複数の要因があるため、件数の合計はインシデント数を上回ります。
factors-per-year = 要因別・年別のインシデント数
factors-per-year-caption = 要因別・年別のインシデント件数
col-factor = 要因
col-total = 合計
no-incidents-yet = インシデントはまだありません。
factors-meanings = 各要因の意味
no-description = 説明はありません。

## 重大度

severities-lede = チームが評価したインシデントの深刻さと、重大度ごとの解決までの時間（開始から解決まで。少数の長いインシデントで値が歪むため、平均ではなく中央値とパーセンタイルで示します）。
severity-component-level = コンポーネントのレベル
severity-incidents-link-html = インシデント{ $count }件<span class="vh">（重大度：<bdi>{ $name }</bdi>）</span>
severity-percentiles-html = 中央値 { $median }、75パーセンタイル { $p75 }、90パーセンタイル { $p90 } <span class="muted">（n = { $count }、解決済み）</span>
severity-no-resolved = 解決済みのインシデントなし（n = 0）
severity-heading = { $page ->
    [1] 重大度：{ $name }
   *[other] 重大度：{ $name }（{ $page }/{ $pages }ページ）
}
severity-lede = インシデント{ $count }件。コンポーネントのレベル：{ $level }。
severity-lede-resolve = 解決までの時間：中央値 { $median }、75パーセンタイル { $p75 }、90パーセンタイル { $p90 }（n = { $count }、解決済み）。
severity-lede-no-resolved = 解決までの時間：解決済みのインシデントなし（n = 0）。
severity-all = すべての重大度
severity-none = この重大度のインシデントはありません。

## 統計

stats-lede = 障害がどのくらいの頻度で起きているか、どれだけ早く気づいて修正しているか、そして何が残っているか。
stats-per-period = { $period ->
    [quarter] 四半期ごとのインシデント数
    [year] 年ごとのインシデント数
   *[month] 月ごとのインシデント数
}
stats-chart-desc = { $from }から{ $to }まで、{ $period ->
    [quarter] 四半期ごとに1本
    [year] 1年ごとに1本
   *[month] 1か月ごとに1本
}の棒を重大度別に積み上げています{ $max ->
    [0] {""}
   *[other] 。最も高い棒は{ $max }件です
}。
stats-chart-table-note = グラフの下の表に同じ数値を掲載しています。
stats-bar-title = { $period }：{ $count }件
stats-bar-segment = { $severity } { $count }件
stats-table-heading = { $period ->
    [quarter] 四半期ごと・重大度別のインシデント数
    [year] 年ごと・重大度別のインシデント数
   *[month] 月ごと・重大度別のインシデント数
}
stats-period-name = { $period ->
    [quarter] 四半期
    [year] 年
   *[month] 月
}
stats-timings = 解決・検知までの時間
stats-timings-lede = 解決までの時間はインシデントの開始から解決まで（解決済みのインシデントのみ）、検知までの時間は開始から検知まで（検知時刻が記録されたインシデントのみ）です。両方の時刻が正確なインシデントだけを計測し、時刻のない日付や概算の時刻を含むインシデントは除外します。平均ではなく中央値とパーセンタイルを使っています。ごく少数の非常に長いインシデントによって、平均値が典型的な値から大きくずれてしまうためです。
stats-timings-caption = 解決・検知までの時間の中央値とパーセンタイル
stats-col-measure = 指標
col-median = 中央値
col-p75 = 75パーセンタイル
col-p90 = 90パーセンタイル
stats-col-measured = 計測したインシデント数
col-n = n
stats-by-severity = 重大度別の解決までの時間
stats-by-severity-lede = 重大度ごとの解決済みインシデントが対象です。n は計測した件数です。
stats-by-severity-caption = 重大度別の解決までの時間：中央値とパーセンタイル
stats-per-factor = 寄与要因別・年別のインシデント数
stats-per-factor-lede-html = 各要因が寄与したインシデントの数（開始した年別）。<a href="{ $path }">各要因の意味</a>
stats-per-component = コンポーネント別のインシデント数
stats-per-component-lede = そのコンポーネントに影響した、記録済みのすべてのインシデント。
stats-per-component-caption = コンポーネント別のインシデント件数
stats-open-actions = 未完了の対応項目
stats-open-actions-lede-html = ポストモーテムのフォローアップのうち、未着手または進行中のもの（期日の早い順）。<a href="{ $path }">担当者別のすべての対応項目</a>
stats-open-actions-caption = 未完了の対応項目（期日の早い順）
actions-overdue = 期限超過
stats-no-open-actions = 未完了の対応項目はありません。

## 対応項目

actions-lede = ポストモーテムで約束されたすべてのフォローアップ。未完了のもの（期限超過、次に期日の早い順）を先に、続いて完了したものを新しい順に並べています。
actions-summary = 概要
actions-closure-rate = 完了率
actions-closure-html = { $total }件中{ $closed }件（{ $percent }%）<span class="muted">完了または対応しない</span>
actions-no-items = 項目なし（n = 0）
actions-median-close = 完了までの時間（中央値）
actions-median-days-html = { $days }日 <span class="muted">（n = { $count }）</span>
actions-no-closed = 完了日なし（n = 0）
actions-close-note = 完了までの時間は、インシデントが解決した日から項目の完了日までです（それより前に完了した項目は0）。完了日のない項目と、未解決のインシデントの項目は計算に含めません。
actions-by-owner = 担当者別
actions-owners-caption = 担当者別の対応項目：未完了、期限超過、完了、合計
actions-all = すべての対応項目
actions-register-caption = すべての対応項目とそのインシデント、担当者、ステータス、期日、完了日
actions-per-owner = 担当者ごとの未完了項目
actions-owner-counts = 未完了{ $open }件{ $overdue ->
    [0] {""}
   *[other] 、うち期限超過{ $overdue }件
}、完了{ $closed }件
actions-due-html = 、期日：<time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = 未完了の項目はありません。
actions-none = 対応項目はありません。
search-lede = 公開済みのすべてのインシデントを検索：タイトル、概要、更新情報、ポストモーテム、教訓、対応項目。
search-lede-drafts = すべてのインシデントと下書きを検索：タイトル、概要、更新情報、ポストモーテム、教訓、対応項目。
search-nojs-html = 検索はブラウザー上で動作し、JavaScriptが必要です。JavaScriptが使えない場合は、<a href="{ $history }">履歴</a>ですべてのインシデントを月別に確認できるほか、<a href="{ $factors }">寄与要因</a>、<a href="{ $severities }">重大度</a>、<a href="{ $components }">コンポーネント</a>ごとにまとめて見ることもできます。
search-form-label = アーカイブを検索
search-field = 検索語
search-filter-by = 絞り込み：
search-filter-or = {"、または"}
search-results = 検索結果
search-more = さらに結果を表示
search-searching = 検索中…
search-failed = 検索インデックスを読み込めませんでした（{ $error }）。
search-in = 該当箇所：{ $heading }
search-found = { $count ->
    [0] インシデントは見つかりませんでした。
   *[other] { $count }件のインシデントが見つかりました。
}
search-found-for = { $count ->
    [0] 「{ $query }」に一致するインシデントは見つかりませんでした。
   *[other] 「{ $query }」に一致するインシデントが{ $count }件見つかりました。
}

## バッジ（src/render/badges.rs）

badge-status = ステータス
badge-uptime = 稼働率
badge-no-data = データなし
badge-state-operational = 正常稼働
badge-state-under-maintenance = メンテナンス中
badge-state-degraded-performance = パフォーマンス低下
badge-state-partial-outage = 一部停止
badge-state-major-outage = 重大な停止
badge-status-title = { $subject }のステータス：{ $message }
badge-uptime-title = { $component }の過去90日間の稼働率：{ $message }
badge-status-alt = { $subject }のステータス
badge-uptime-alt = { $component }の稼働率（過去90日間）

## ステータスカード（embed.html）

embed-title = { $component }のステータス · { $site }
embed-new-tab = （新しいタブで開きます）
embed-now = 現在進行中
embed-maintenance = （メンテナンス）
embed-component-page = { $component }のステータスページ
embed-full-page = ステータスページ全体
embed-as-of-html = <time datetime="{ $iso }">{ $time }</time>時点

## バッジとカードの埋め込み用スニペット（partials/embed_snippets.html）

snippets-title = バッジと埋め込み
snippets-summary = { $name }のステータスを他のサイトやREADMEに表示
snippets-status-badge = ステータスバッジ
snippets-every-build = サイトを生成するたびに更新されます。Markdown：
snippets-markdown = Markdown：
snippets-html = HTML：
snippets-uptime-badge = 稼働率バッジ（過去90日間）
snippets-card = ステータスカード
snippets-card-text-html = <code>&lt;iframe&gt;</code>用の小さなページです。ライトとダークに対応し、スクリプトは使いません。リンクは新しいタブで開きます：
snippets-shields = shields.io
snippets-shields-text-html = shields.ioの他のスタイルで使える、同じバッジの<a href="{ $url }">shields.ioエンドポイントJSON</a>：

## リンクプレビュー

card-severity = 重大度
card-status = ステータス
card-duration = 継続時間
card-ongoing-for = 継続中
card-duration-unknown = {"—"}
card-site-description = { $site } のステータス、インシデント履歴、ポストモーテム。
card-incident-alt = { $title } — 重大度: { $severity }。ステータス: { $status }。{ $label }: { $duration }。{ $site }
card-site-alt = { $site } — { $description }
