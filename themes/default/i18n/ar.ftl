# afterword's default theme: Arabic (العربية). Every key of en.ftl, in the same order; see
# en.ftl for what each message is and which variables it has, and docs/i18n.md.
# Plural categories (CLDR): zero (0), one (1), two (2), few (3–10), many (11–99), other (100…).

## Meta

-lang-name = العربية

## Times, dates and durations

time-about = نحو { $time }
time-unknown = الوقت غير معروف
date-time-unknown = { $date } (الوقت غير معروف)
quarter = الربع { $quarter } { $year }
duration-days = { $n ->
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
duration-hours = { $n ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $n } ساعات
   *[other] { $n } ساعة
}
duration-minutes = { $n ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $n } دقائق
   *[other] { $n } دقيقة
}
duration-seconds = { $n ->
    [one] ثانية واحدة
    [two] ثانيتان
    [few] { $n } ثوانٍ
   *[other] { $n } ثانية
}
duration-two-units = { $first } و{ $second }
offset-after = +{ $duration }
offset-before = −{ $duration }

## Every page

skip-link = انتقل إلى المحتوى
nav-label = الموقع
nav-status = الحالة
nav-history = السجل
nav-components = المكوّنات
nav-stats = الإحصاءات
site-search-label = البحث في الموقع
site-search-field = ابحث في الحوادث
search-button = بحث
feed-link-atom = { $site }: كل التحديثات (Atom)
feed-link-rss = { $site }: كل التحديثات (RSS)
footer-built-html = تُعرض الأوقات بتوقيت { $zone }. أُنشئت الصفحة في <time datetime="{ $iso }">{ $built }</time>.
footer-across-html = عبر تقارير ما بعد الحوادث: <a href="{ $factors }">العوامل المساهمة</a> · <a href="{ $actions }">بنود المتابعة</a> · <a href="{ $severities }">درجات الخطورة</a>
footer-follow-html = تابع التحديثات: <a href="{ $atom }">موجز Atom</a> · <a href="{ $rss }">موجز RSS</a> · <a href="{ $calendar }">تقويم الصيانة</a> · <a href="{ $api }">واجهة JSON البرمجية</a>
footer-generator = أُنشئ باستخدام { $generator }

## 404.html

not-found-title = الصفحة غير موجودة
not-found-lede = لا توجد صفحة على هذا العنوان. ربما نُقلت، أو ربما كُتب الرابط خطأً.
not-found-links-html = <a href="{ $home }">اذهب إلى الحالة الحالية</a> أو تصفّح <a href="{ $history }">سجل الحوادث</a>.

## Numbers

number = { $n }

## Default severities, contributing factors and detection methods

severity-minor = طفيفة
    .description = بعض الطلبات بطيئة أو تفشل؛ ويستطيع معظم الناس العمل.
severity-major = كبيرة
    .description = ميزة أو منطقة متوقفة لدى بعض العملاء.
severity-critical = حرجة
    .description = الخدمة متوقفة، أو البيانات في خطر، لدى كثير من العملاء.
factor-change = تغيير أو نشر
    .description = نشر شيفرة، أو ترحيل، أو علم ميزة، أو أي تغيير آخر طُرح في بيئة الإنتاج.
factor-configuration = الإعدادات
    .description = إعداد أو حدّ أو شهادة أو قاعدة كانت خاطئة أو ناقصة أو قديمة.
factor-capacity = السعة
    .description = حمل يتجاوز ما جُهّز له النظام أو اختُبر عليه: حركة المرور، التخزين، الاتصالات، الحصص.
factor-dependency = اعتمادية
    .description = مورّد أو مزوّد سحابي أو مكتبة أو خدمة داخلية نعتمد عليها تعطّلت أو تغيّر سلوكها.
factor-hardware = العتاد
    .description = الأقراص أو الخوادم أو معدّات الشبكة أو الكهرباء أو التبريد.
factor-human-process = إجراء بشري
    .description = دليل تشغيل أو تسليم أو مراجعة أو خطوة يدوية سمحت بمرور المشكلة أو أبطأت الاستجابة.
factor-monitoring-gap = ثغرة في المراقبة
    .description = تنبيهات أو لوحات متابعة فاتتها المشكلة أو لاحظتها متأخرة أو أشارت إلى الاتجاه الخطأ.
factor-security = الأمن
    .description = هجوم أو إساءة استخدام أو ثغرة أمنية، أو الاستجابة لأيّ منها.
factor-unknown = غير معروف
    .description = تعذّر تحديد عامل مساهم.
detection-monitoring-alert = تنبيه من المراقبة
    .description = نبّه تنبيهٌ من مراقبتنا أحدَ المناوبين.
detection-synthetic-check = فحص اصطناعي
    .description = فشل فحص آلي من الخارج (فحص توفّر أو فحص شامل).
detection-customer-report = بلاغ من عميل
    .description = أخبرنا عميل، عبر الدعم أو وسائل التواصل الاجتماعي.
detection-internal-report = بلاغ داخلي
    .description = لاحظه أحد أعضاء الفريق أثناء عمله.
detection-provider-notice = إشعار من مزوّد
    .description = أخبرنا مورّد أو مزوّد خدمة.

## Labels from ids

status-investigating = قيد التحقيق
status-identified = حُدّد السبب
status-monitoring = قيد المراقبة
status-update = تحديث
status-resolved = حُلّت
status-postmortem = تقرير ما بعد الحادثة
status-scheduled = مجدولة
status-in-progress = جارية
status-verifying = قيد التحقق
status-completed = اكتملت
level-degraded-performance = أداء متراجع
level-partial-outage = انقطاع جزئي
level-major-outage = انقطاع كبير
state-operational = يعمل
state-under-maintenance = قيد الصيانة
state-no-data = لا بيانات
action-status-open = مفتوح
action-status-in-progress = قيد التنفيذ
action-status-done = مُنجز
action-status-wont-do = لن يُنفَّذ
review-draft = مسودة
review-in-review = قيد المراجعة
review-published = منشور
kind-incident = حادثة
kind-maintenance = صيانة

## Page titles

search-title = البحث
history-title = السجل
history-year-title = { $page ->
    [1] { $year }
   *[other] { $year }، الصفحة { $page }
}
percent = { $n }٪
components-title = المكوّنات
stats-title = الإحصاءات
home-all-operational = كل الأنظمة تعمل

## Lists

list-separator = {"، "}
list-separator-strong = {"؛ "}

## The 90-day bars

bars-day-no-data = { $date }: لا بيانات.
bars-day-no-downtime = { $date }: بلا توقف.
bars-day-downtime = { $date }: { $levels }.
bars-level-minutes = { $level } لمدة { $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
}
bars-day-incidents = الحوادث: { $incidents }.
factors-title = العوامل المساهمة
severities-title = درجات الخطورة
actions-title = بنود المتابعة
actions-no-owner = بلا مسؤول
factor-page-title = { $page ->
    [1] { $name }
   *[other] { $name }، الصفحة { $page }
}
severity-page-title = { $page ->
    [1] حوادث { $name }
   *[other] حوادث { $name }، الصفحة { $page }
}

## Search

search-facet-component = المكوّن
search-facet-severity = الخطورة
search-facet-year = السنة
search-facet-factor = العامل المساهم
search-facet-status = الحالة
search-state-ongoing = جارية
search-state-resolved = حُلّت

## Feeds and the maintenance calendar

feed-title = { $site }: الحوادث والصيانة
feed-description = تقارير الحوادث والصيانة المجدولة لـ { $site }
feed-component-title = { $site }: { $component }
feed-component-description = تقارير الحوادث والصيانة المجدولة لـ { $component } على { $site }
feed-entry-open-title = [{ $status }] { $title }
feed-fact-status = الحالة:
feed-fact-severity = الخطورة:
feed-fact-window = النافذة:
feed-fact-started = البداية:
feed-fact-resolved = الحل:
feed-fact-duration = المدة:
feed-fact-components = المكوّنات:
feed-fact-trigger = المُسبِّب:
feed-fact-detection = اكتُشفت عبر:
feed-fact-factors = العوامل المساهمة:
feed-fact-impact = الأثر على العملاء:
feed-window = من { $start } إلى { $end }
feed-duration-unknown = غير معروفة
feed-impact-users = { $count ->
    [one] مستخدم واحد
    [two] مستخدمان
    [few] { $count } مستخدمين
   *[other] { $count } مستخدم
}
feed-impact-customers = { $count ->
    [one] عميل واحد
    [two] عميلان
    [few] { $count } عملاء
   *[other] { $count } عميل
}
feed-impact-requests = { $count ->
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
   *[other] { $count } طلب
}
feed-impact-error-rate = ذروة معدل الأخطاء { $rate }٪
feed-updates = التحديثات
feed-notes = ملاحظات
feed-postmortem = تقرير ما بعد الحادثة
feed-latest-update = آخر تحديث
feed-read-incident = اقرأ تقرير الحادثة الكامل
feed-read-maintenance = اقرأ إشعار الصيانة الكامل
calendar-name = { $site }: الصيانة المجدولة
calendar-components = المكوّنات: { $components }
calendar-status = الحالة: { $status }

## The incident's course

phase-before-first-update = قبل التحديث الأول
    .short = قبل التحديثات
phase-investigating = قيد التحقيق
    .short = تحقيق
phase-identified = حُدّد السبب
    .short = حُدّد
phase-monitoring = قيد المراقبة
    .short = مراقبة
chart-title = المخطط الزمني لـ { $title }
chart-now-ongoing = الآن، جارية ({ $time })
chart-ended = انتهت { $time }
chart-detected = اكتُشفت { $time }
chart-lane-unaffected = لم يتأثر في هذه المدة
chart-lane-then = {"، ثم "}
chart-times-in = الأوقات بتوقيت { $zone }
chart-desc-span = { $what } { $from }–{ $to }
chart-desc-phases = المراحل: { $phases }؛
chart-desc-ongoing = جارية عند { $time }.
chart-desc-ended = انتهت عند { $time }.
chart-desc-lane = { $component }: { $windows }.
chart-desc-detected = اكتُشفت عند { $time }.
chart-alt-span-html = الأوقات بتوقيت { $zone }. من { $start } إلى { $end }.
chart-alt-span-ongoing-html = الأوقات بتوقيت { $zone }. من { $start } إلى { $end } (الآن؛ جارية).
chart-alt-detected-html = اكتُشفت { $time }.
chart-phases = المراحل
chart-phase = المرحلة
chart-from = من
chart-to = إلى
chart-duration = المدة
chart-impact-by-component = الأثر على كل مكوّن
chart-component = المكوّن
chart-level = المستوى
chart-window-ongoing = (جارية)

## Home page

home-title = الحالة الحالية
home-caused-by = السبب:
as-of-html = حتى <time datetime="{ $iso }">{ $time }</time>
components-other = مكوّنات أخرى
home-all-components = كل المكوّنات ونسب توفّرها
home-maintenance-active = صيانة جارية
home-maintenance-upcoming = صيانة قادمة
home-ongoing = { $count ->
    [one] حادثة جارية
    [two] حادثتان جاريتان
    [few] حوادث جارية
   *[other] حوادث جارية
}
home-ongoing-none-heading = الحوادث الجارية
home-all-quiet-html = <strong>كل شيء هادئ:</strong> لا حوادث جارية حتى <time datetime="{ $iso }">{ $time }</time>.
home-recent = الحوادث الأخيرة
home-no-resolved = لا حوادث محلولة بعد.
home-full-history-html = <a href="{ $path }">سجل الحوادث الكامل</a> ({ $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
})

## Parts shared by several pages

archive-nav-label = عبر تقارير ما بعد الحوادث
bars-legend-label = مفتاح الأشرطة اليومية
incident-affected-components = المكوّنات المتأثرة
current-status-prefix = الحالة الحالية:
current-status = الحالة الحالية
status-prefix = الحالة:
severity-prefix = الخطورة:
bars-label = { $component }: آخر 90 يومًا، يوم لكل عنصر
bars-90-days-ago = قبل 90 يومًا
bars-today = اليوم
bars-uptime-html = { $uptime } نسبة التوفّر<span class="vh"> خلال 90 يومًا</span>
bars-uptime-no-data-html = نسبة التوفّر<span class="vh"> خلال 90 يومًا</span>: لا بيانات
bars-days-with-incidents-html = { $count ->
    [zero] لا أيام فيها حوادث
    [one] يوم واحد فيه حوادث
    [two] يومان فيهما حوادث
    [few] { $count } أيام فيها حوادث
    [many] { $count } يومًا فيها حوادث
   *[other] { $count } يوم فيها حوادث
}<span class="vh"> لـ<bdi>{ $component }</bdi></span>
bars-incidents-on = الحوادث في { $date }
row-started-html = بدأت <time datetime="{ $iso }">{ $time }</time>
row-lasted = استمرت { $duration }
row-ongoing-for = جارية منذ { $duration }
row-duration-unknown = المدة غير معروفة
maintenance-components-prefix = المكوّنات:
window-to = إلى
pagination-newer-html = الأحدث<span class="vh"> من الحوادث</span>
pagination-older-html = الأقدم<span class="vh"> من الحوادث</span>
pagination-page-html = <span class="vh">الصفحة </span>{ $page }
timeline-title = المخطط الزمني
timeline-run-updates = { $count ->
    [one] تحديث واحد،
    [two] تحديثان،
    [few] { $count } تحديثات،
   *[other] { $count } تحديثًا،
}
timeline-run-each = { $count ->
    [one] التحديث، بوقته
    [two] التحديثان، كلٌّ بوقته
    [few] التحديثات الـ{ $count }، كلٌّ بوقته
   *[other] التحديثات الـ{ $count }، كلٌّ بوقته
}
uptime-days-html = { $days } يومًا<span class="vh"> نسبة التوفّر</span>
years-nav-label = السنوات
incident-actions-caption = بنود المتابعة من هذا التقرير: المسؤول والحالة وتاريخ الاستحقاق
actions-col-action = البند
actions-col-owner = المسؤول
actions-col-status = الحالة
actions-col-due = الاستحقاق
actions-col-closed = الإغلاق
actions-col-incident = الحادثة
actions-no-due = بلا تاريخ استحقاق
actions-closed-on-html = أُغلق في <time datetime="{ $iso }">{ $date }</time>

## Incident page

page-as-json = هذه الصفحة بصيغة JSON
draft-banner-html = <strong>{ $state } — غير منشور.</strong> { $kind ->
    [maintenance] لا تُنشأ هذه الصفحة
   *[incident] لا يُنشأ هذا التقرير
} إلا مع المسودات (<code>--drafts</code>، <code>serve</code>)؛ والموقع المنشور يستبعده.
incident-started = البداية
incident-resolved = الحل
incident-unknown-html = غير معروفة <span class="muted">(أحد الوقتين غير دقيق)</span>
incident-not-yet-html = ليس بعد: جارية منذ <time datetime="{ $iso }">{ $time }</time>
incident-ongoing-for = جارية منذ
incident-trigger = المُسبِّب
incident-detection = الاكتشاف
incident-detected-by = اكتشفها
incident-detected = وقت الاكتشاف
time-to-detect = زمن الاكتشاف
time-to-resolve = زمن الحل
incident-times-as-posted = الأوقات كما نُشرت
incident-posted-zone = { $zone }، بين قوسين
components-affected = المكوّنات المتأثرة
incident-course = مسار الحادثة
incident-course-chart-label = مخطط: مسار الحادثة
incident-chart-as-text = المخطط نصًّا
toc-title = المحتويات
incident-customer-impact = الأثر على العملاء
incident-lessons = الدروس
incident-went-well = ما سار على ما يرام
incident-went-wrong = ما سار على نحو خاطئ
incident-lucky = أين حالفنا الحظ
incident-related = حوادث ذات صلة
timeline-after-start = بعد البداية
timeline-after-window-start = نسبةً إلى بداية النافذة
impact-people = الأشخاص المتأثرون
impact-customers = العملاء المتأثرون
impact-requests = الطلبات الفاشلة أو المتراجعة
impact-error-rate = ذروة معدل الأخطاء
related-maintenance-html = صيانة، <time datetime="{ $iso }">{ $date }</time>
incident-review = المراجعة
incident-reviewed-by = ؛ راجعه
written-by = كتبه
tags = الوسوم
pager-label = حوادث أقدم وأحدث
pager-older = حادثة أقدم
pager-newer = حادثة أحدث

## Maintenance page

maintenance-scheduled = الموعد المجدول
maintenance-planned-duration = المدة المخطط لها
maintenance-ended = الانتهاء
maintenance-expected-end = الانتهاء المتوقع
maintenance-expected-duration = المدة المتوقعة
maintenance-components-label = المكوّنات قيد الصيانة
maintenance-from = قيد الصيانة ابتداءً من { $time }

## Component pages

component-description = { $component }: الحالة الحالية ونسبة التوفّر والحوادث.
component-feed-atom = { $component }: التحديثات (Atom)
component-feed-rss = { $component }: التحديثات (RSS)
component-group-html = المجموعة: <a href="{ $path }"><bdi>{ $group }</bdi></a>
component-follow-html = تابع <bdi>{ $component }</bdi>: <a href="{ $atom }">Atom</a> · <a href="{ $rss }">RSS</a>
component-uptime-days = نسبة التوفّر، { $days } يومًا
last-days = آخر { $days } يومًا
component-resolve-lede-html = الحوادث التي أثّرت على <bdi>{ $component }</bdi> وبدأت في النافذة؛ والأزمنة للمحلولة منها.
component-resolve-caption = الحوادث وزمن الحل خلال آخر 90 و365 يومًا
component-col-window = النافذة
col-incidents = الحوادث
component-col-median = وسيط زمن الحل
component-col-longest = الأطول
no-resolved-incidents = لا حوادث محلولة
component-maintenance-upcoming = قادمة
component-maintenance-recent = اكتملت مؤخرًا
component-no-maintenance-html = لا صيانة مجدولة أو مسجلة لـ<bdi>{ $component }</bdi>.
component-no-incidents-html = لم تؤثّر أي حوادث على <bdi>{ $component }</bdi>.
components-lede = الحالة الحالية لكل مكوّن ونسبة توفّره خلال آخر 30 و90 و365 يومًا. لا تُحتسب الصيانة المجدولة وقتَ توقف.
components-group-caption = حالة مكوّنات { $group } ونسبة توفّرها
components-all = كل المكوّنات
components-other-caption = حالة المكوّنات الأخرى ونسبة توفّرها
components-none = لا مكوّنات مدرجة.

## History pages

history-total = { $count ->
    [zero] لا حوادث إطلاقًا.
    [one] حادثة واحدة إجمالًا.
    [two] حادثتان إجمالًا.
    [few] { $count } حوادث إجمالًا.
   *[other] { $count } حادثة إجمالًا.
}
history-by-year = حسب السنة
incidents-count = { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
}
history-year-by-month = { $year } حسب الشهر
history-month-count-html = <a href="{ $path }">{ $month }</a>: { $count }
history-latest = أحدث الحوادث
history-more = كل حادثة مدرجة في صفحة سنتها.
history-none = لم تُسجَّل أي حوادث.
history-year-heading = { $page ->
    [1] الحوادث في { $year }
   *[other] الحوادث في { $year }، الصفحة { $page } من { $pages }
}
history-year-lede-html = { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
} في { $year }. <a href="{ $path }">كل السنوات</a>
pages-of = صفحات { $what }
pages-of-severity = صفحات حوادث { $name }

## Contributing factors

factor-heading = { $page ->
    [1] العامل المساهم: { $name }
   *[other] العامل المساهم: { $name }، الصفحة { $page } من { $pages }
}
factor-lede-html = ساهم في { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتين
    [few] { $count } حوادث
   *[other] { $count } حادثة
}. <a href="{ $path }">كل العوامل المساهمة</a>
factor-per-year = الحوادث في كل سنة
factor-per-year-caption = عدد الحوادث حسب السنة
factor-incidents-caption = الحوادث التي ساهم فيها هذا العامل: البداية والخطورة وما كان عليه
factor-col-note = ما كان عليه هنا
factor-no-note = بلا ملاحظة
factor-none = لا حادثة تذكر هذا العامل.
factors-lede = ما جعل الحوادث ممكنة أو أسوأ أو أطول، معدودًا عبر كل التقارير. للحادثة عادةً أكثر من عامل، لذا يتجاوز مجموع الأعداد عدد الحوادث.
factors-per-year = الحوادث حسب العامل والسنة
factors-per-year-caption = عدد الحوادث حسب العامل والسنة
col-factor = العامل
col-total = المجموع
no-incidents-yet = لا حوادث بعد.
factors-meanings = معنى كل عامل
no-description = بلا وصف.

## Severities

severities-lede = مدى سوء الحادثة كما قدّره الفريق، مع المدة التي استغرقها حل حوادث كل درجة (من البداية حتى الحل؛ بالوسيط والمئينات لا بالمتوسطات، لأن قلة من الحوادث الطويلة قد تحرفها).
severity-component-level = مستوى المكوّن
severity-incidents-link-html = { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
}<span class="vh"> بخطورة <bdi>{ $name }</bdi></span>
severity-percentiles-html = الوسيط { $median }، المئين 75 { $p75 }، المئين 90 { $p90 } <span class="muted">(ن = { $count } محلولة)</span>
severity-no-resolved = لا حوادث محلولة (ن = 0)
severity-heading = { $page ->
    [1] الخطورة: { $name }
   *[other] الخطورة: { $name }، الصفحة { $page } من { $pages }
}
severity-lede = { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
}؛ مستوى المكوّن { $level }.
severity-lede-resolve = زمن الحل: الوسيط { $median }، المئين 75 { $p75 }، المئين 90 { $p90 } (ن = { $count } محلولة).
severity-lede-no-resolved = زمن الحل: لا حوادث محلولة (ن = 0).
severity-all = كل درجات الخطورة
severity-none = لا حوادث بهذه الخطورة.

## Statistics

stats-lede = كم مرة تتعطل الأشياء، وبأي سرعة نلاحظها ونصلحها، وما الذي بقي علينا فعله.
stats-per-period = { $period ->
    [quarter] الحوادث في كل ربع سنة
    [year] الحوادث في كل سنة
   *[month] الحوادث في كل شهر
}
stats-chart-desc = من { $from } إلى { $to }، { $period ->
    [quarter] شريط لكل ربع سنة
    [year] شريط لكل سنة
   *[month] شريط لكل شهر
}، مكدّسة حسب الخطورة{ $max ->
    [0] {""}
    [one] ؛ وأطول شريط حادثة واحدة
    [two] ؛ وأطول شريط حادثتان
    [few] ؛ وأطول شريط { $max } حوادث
   *[other] ؛ وأطول شريط { $max } حادثة
}.
stats-chart-table-note = يحمل الجدول أسفل المخطط الأرقام نفسها.
stats-bar-title = { $period }: { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
}
stats-bar-segment = { $count } { $severity }
stats-table-heading = { $period ->
    [quarter] الحوادث في كل ربع سنة، حسب الخطورة
    [year] الحوادث في كل سنة، حسب الخطورة
   *[month] الحوادث في كل شهر، حسب الخطورة
}
stats-period-name = { $period ->
    [quarter] الربع
    [year] السنة
   *[month] الشهر
}
stats-timings = زمن الحل وزمن الاكتشاف
stats-timings-lede = يمتد زمن الحل من بداية الحادثة إلى حلّها (الحوادث المحلولة فقط)، وزمن الاكتشاف من بدايتها إلى وقت اكتشافها (الحوادث التي تسجّل وقت اكتشاف). لا تُقاس إلا الحوادث التي وقتاها كلاهما دقيقان: تاريخ بلا وقت، أو وقت تقريبي، يُخرج الحادثة من القياس. الوسيط والمئينات لا المتوسطات: قلة من الحوادث الطويلة جدًا تبعد المتوسط كثيرًا عن الحالة النموذجية.
stats-timings-caption = الوسيط والمئينات لزمن الحل وزمن الاكتشاف
stats-col-measure = المقياس
col-median = الوسيط
col-p75 = المئين 75
col-p90 = المئين 90
stats-col-measured = الحوادث المقيسة
col-n = ن
stats-by-severity = زمن الحل حسب الخطورة
stats-by-severity-lede = على الحوادث المحلولة من كل درجة خطورة؛ ن هو عدد ما قيس منها.
stats-by-severity-caption = زمن الحل لكل درجة خطورة: الوسيط والمئينات
stats-per-factor = الحوادث لكل عامل مساهم في كل سنة
stats-per-factor-lede-html = عدد الحوادث التي ساهم فيها كل عامل، حسب سنة بدايتها. <a href="{ $path }">معنى كل عامل</a>
stats-per-component = الحوادث لكل مكوّن
stats-per-component-lede = كل حادثة مسجلة أثّرت على المكوّن.
stats-per-component-caption = عدد الحوادث حسب المكوّن
stats-open-actions = بنود المتابعة المفتوحة
stats-open-actions-lede-html = متابعات من تقارير ما بعد الحوادث مفتوحة أو قيد التنفيذ، الأقرب استحقاقًا أولًا. <a href="{ $path }">كل بنود المتابعة، حسب المسؤول</a>
stats-open-actions-caption = بنود المتابعة المفتوحة، الأقرب استحقاقًا أولًا
actions-overdue = متأخر
stats-no-open-actions = لا بنود متابعة مفتوحة.

## Action items

actions-lede = كل متابعة وُعد بها في تقرير ما بعد حادثة: المفتوحة أولًا (المتأخرة، ثم الأقرب استحقاقًا)، ثم المغلقة، الأحدث أولًا.
actions-summary = الملخص
actions-closure-rate = معدل الإغلاق
actions-closure-html = { $closed } من { $total } ({ $percent }٪)<span class="muted"> أُنجزت أو لن تُنفَّذ</span>
actions-no-items = لا بنود (ن = 0)
actions-median-close = وسيط زمن الإغلاق
actions-median-days-html = { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} <span class="muted">(ن = { $count })</span>
actions-no-closed = لا تواريخ إغلاق (ن = 0)
actions-close-note = يمتد زمن الإغلاق من يوم حل الحادثة إلى تاريخ إغلاق البند (0 لبند أُغلق قبل ذلك)؛ ولا تُحتسب البنود بلا تاريخ إغلاق ولا بنود الحوادث غير المحلولة.
actions-by-owner = حسب المسؤول
actions-owners-caption = بنود المتابعة لكل مسؤول: المفتوحة والمتأخرة والمغلقة والمجموع
actions-all = كل بنود المتابعة
actions-register-caption = كل بند متابعة مع حادثته ومسؤوله وحالته وتاريخي الاستحقاق والإغلاق
actions-per-owner = البنود المفتوحة لكل مسؤول
actions-owner-counts = { $open } مفتوح{ $overdue ->
    [0] {""}
   *[other] ، { $overdue } متأخر
}، { $closed } مغلق
actions-due-html = ، الاستحقاق <time datetime="{ $iso }">{ $date }</time>
actions-nothing-open = لا شيء مفتوح.
actions-none = لا بنود متابعة.

## Search page and script

search-lede = ابحث في كل حادثة منشورة: العناوين والملخصات والتحديثات والتقارير والدروس وبنود المتابعة.
search-lede-drafts = ابحث في كل حادثة ومسودة: العناوين والملخصات والتحديثات والتقارير والدروس وبنود المتابعة.
search-nojs-html = يعمل البحث في متصفحك ويحتاج إلى JavaScript. ومن دونه، يسرد <a href="{ $history }">السجل</a> كل حادثة حسب الشهر، وتجمعها <a href="{ $factors }">العوامل المساهمة</a> و<a href="{ $severities }">درجات الخطورة</a> و<a href="{ $components }">المكوّنات</a>.
search-form-label = البحث في الأرشيف
search-field = كلمات للبحث عنها
search-filter-by = التصفية حسب
search-filter-or = {" أو "}
search-results = النتائج
search-more = اعرض مزيدًا من النتائج
search-searching = جارٍ البحث…
search-failed = تعذّر على البحث تحميل فهرسه ({ $error }).
search-in = في { $heading }
search-found = { $count ->
    [0] لم يُعثر على حوادث.
    [one] عُثر على حادثة واحدة.
    [two] عُثر على حادثتين.
    [few] عُثر على { $count } حوادث.
   *[other] عُثر على { $count } حادثة.
}
search-found-for = { $count ->
    [0] لم يُعثر على حوادث لـ«{ $query }».
    [one] عُثر على حادثة واحدة لـ«{ $query }».
    [two] عُثر على حادثتين لـ«{ $query }».
    [few] عُثر على { $count } حوادث لـ«{ $query }».
   *[other] عُثر على { $count } حادثة لـ«{ $query }».
}

## Badges

badge-status = الحالة
badge-uptime = التوفّر
badge-no-data = لا بيانات
badge-state-operational = يعمل
badge-state-under-maintenance = قيد الصيانة
badge-state-degraded-performance = أداء متراجع
badge-state-partial-outage = انقطاع جزئي
badge-state-major-outage = انقطاع كبير
badge-status-title = حالة { $subject }: { $message }
badge-uptime-title = نسبة توفّر { $component } خلال آخر 90 يومًا: { $message }
badge-status-alt = حالة { $subject }
badge-uptime-alt = نسبة توفّر { $component }، آخر 90 يومًا

## Status cards

embed-title = حالة { $component } · { $site }
embed-new-tab = (يُفتح في علامة تبويب جديدة)
embed-now = جارٍ الآن
embed-maintenance = (صيانة)
embed-component-page = صفحة حالة { $component }
embed-full-page = صفحة الحالة الكاملة
embed-as-of-html = حتى <time datetime="{ $iso }">{ $time }</time>

## Snippets to embed badges and cards

snippets-title = الشارات والتضمين
snippets-summary = اعرض حالة { $name } على موقع آخر أو في ملف README
snippets-status-badge = شارة الحالة
snippets-every-build = تُحدَّث مع كل إنشاء للموقع. Markdown:
snippets-markdown = Markdown:
snippets-html = HTML:
snippets-uptime-badge = شارة نسبة التوفّر (آخر 90 يومًا)
snippets-card = بطاقة الحالة
snippets-card-text-html = صفحة صغيرة لعنصر <code>&lt;iframe&gt;</code>، بمظهرين فاتح وداكن، ومن دون نصوص برمجية؛ تُفتح روابطها في علامة تبويب جديدة:
snippets-shields = shields.io
snippets-shields-text-html = الشارة نفسها بصيغة <a href="{ $url }">JSON لنقطة نهاية shields.io</a>، لأنماط shields.io الأخرى:

## معاينات الروابط

card-severity = الخطورة
card-status = الحالة
card-duration = المدة
card-ongoing-for = مستمر منذ
card-duration-unknown = {"—"}
card-site-description = الحالة وسجل الحوادث وتحليلات ما بعد الحوادث لـ { $site }.
card-incident-alt = { $title } — الخطورة: { $severity }. الحالة: { $status }. { $label }: { $duration }. { $site }
card-site-alt = { $site } — { $description }
