#!/usr/bin/env python3
"""Turn an afterword corpus (examples/gen-corpus.rs output) into a comparable Zola site.

    python3 aw2zola.py [--search] [--paginate-terms] AFTERWORD_SITE ZOLA_SITE

- one page per item in content/incidents/<slug>.md: the same Markdown body, TOML front
  matter with title, date, description (the summary) and taxonomies (components, severity,
  factors); everything else of the afterword front matter (timeline, impact, action items,
  lessons, review, ...) goes into [extra], and the page template renders it;
- items whose review is "in_review" become drafts (afterword leaves them out without --drafts);
- taxonomies components / severity / factors, each with a list page and a page per term;
  every term page lists all its items; component pages have an Atom and an RSS feed each
  (afterword: /components/<id>/ with feed.xml and rss.xml, /severities/<id>/ and
  /factors/<id>/ paginated by 100). With --paginate-terms severity and factor pages are
  paginated by 100 as afterword's are; Zola then puts the whole term, every page with its
  content, into each pager's context (content/src/pagination.rs, render_pager), which is
  quadratic: 114 s at 10,000 items in one loaded run, so it is not the default;
- the incidents section lists every item, paginated by 100 (afterword: /history/<year>/,
  100 a page); the home page lists the 20 newest (afterword: RECENT = 20);
- site feeds (Atom and RSS), 50 entries per feed (afterword's [feeds] limit default);
- sitemap on, no highlighting, no Sass; Zola's search index only with --search
  (afterword builds its own search index unless [search] enabled = false).
"""
import datetime as dt
import json
import os
import shutil
import sys
import tomllib


def tq(s):
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(s, ensure_ascii=False)


def tv(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return tq(v)
    if isinstance(v, dt.datetime):
        return v.isoformat().replace("+00:00", "Z")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(tv(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {tv(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def emit_table(out, name, d):
    """[name] with scalar/list keys first, then sub-tables and arrays of tables."""
    scal = {k: v for k, v in d.items() if not isinstance(v, dict) and not (
        isinstance(v, list) and v and isinstance(v[0], dict))}
    out.append(f"\n[{name}]")
    for k, v in scal.items():
        out.append(f"{k} = {tv(v)}")
    for k, v in d.items():
        if isinstance(v, dict):
            emit_table(out, f"{name}.{k}", v)
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            for item in v:
                out.append(f"\n[[{name}.{k}]]")
                for ik, iv in item.items():
                    out.append(f"{ik} = {tv(iv)}")


def convert_file(src, dst):
    text = open(src, encoding="utf-8").read()
    assert text.startswith("+++\n")
    end = text.index("\n+++\n", 4)
    fm = tomllib.loads(text[4:end])
    body = text[end + 5:]
    slug = os.path.basename(src)[:-3]
    title = fm.pop("title")
    summary = fm.pop("summary", None)
    if fm.get("kind") == "maintenance":
        date = fm["scheduled_start"]
    else:
        date = fm["timeline"][0]["at"]
    comps = fm.get("components", [])
    sev = [fm["severity"]] if "severity" in fm else []
    factors = [f["id"] for f in fm.get("factors", [])]
    draft = fm.get("review", {}).get("state") == "in_review"
    authors = fm.pop("authors", [])
    out = ["+++", f"title = {tq(title)}"]
    if summary is not None:
        out.append(f"description = {tq(summary)}")
    out.append(f"date = {tv(date)}")
    out.append(f"slug = {tq(slug)}")
    if authors:
        out.append(f"authors = {tv(authors)}")
    if draft:
        out.append("draft = true")
    out.append("\n[taxonomies]")
    if comps:
        out.append(f"components = {tv(comps)}")
    if sev:
        out.append(f"severity = {tv(sev)}")
    if factors:
        out.append(f"factors = {tv(factors)}")
    fm["slug"] = slug
    emit_table(out, "extra", fm)
    out.append("+++")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n" + body)
    return draft


CONFIG = """base_url = "https://status.example.com"
title = {title}
description = {description}
default_language = "en"
compile_sass = false
build_search_index = {search}
generate_feeds = true
feed_filenames = ["atom.xml", "rss.xml"]
feed_limit = 50
generate_sitemap = true

taxonomies = [
  {{ name = "components", feed = true }},
  {{ name = "severity"{pag} }},
  {{ name = "factors"{pag} }},
]

[markdown]
render_emoji = false
external_links_target_blank = false

[extra]
components = {components}
"""

SECTION_INDEX = """+++
title = "Status history"
sort_by = "date"
template = "index.html"
+++
"""

SECTION_INCIDENTS = """+++
title = "All incidents"
sort_by = "date"
paginate_by = 100
template = "section.html"
page_template = "page.html"
+++
"""

TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
{% if config.generate_feeds %}<link rel="alternate" type="application/atom+xml" title="{{ config.title }}" href="{{ get_url(path="atom.xml", trailing_slash=false) }}">{% endif %}
</head>
<body>
<header><nav>
<a href="{{ config.base_url }}/">{{ config.title }}</a>
<a href="{{ get_url(path="@/incidents/_index.md") }}">History</a>
<a href="{{ get_url(path="components") }}">Components</a>
<a href="{{ get_url(path="severity") }}">Severities</a>
<a href="{{ get_url(path="factors") }}">Factors</a>
</nav></header>
<main>
{% block content %}{% endblock content %}
</main>
<footer><p>{{ config.description }}</p></footer>
</body>
</html>
""",
    "row.html": """<li class="incident">
  <a href="{{ page.permalink | safe }}">{{ page.title }}</a>
  <time datetime="{{ page.date }}">{{ page.date | date(format="%Y-%m-%d %H:%M") }}</time>
  {% if page.taxonomies.severity %}<span class="sev sev-{{ page.taxonomies.severity[0] }}">{{ page.taxonomies.severity[0] }}</span>{% endif %}
  {% if page.taxonomies.components %}<span class="comps">{% for c in page.taxonomies.components %}<a href="{{ get_taxonomy_url(kind="components", name=c) }}">{{ c }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</span>{% endif %}
  {% if page.description %}<p>{{ page.description }}</p>{% endif %}
</li>
""",
    "index.html": """{% extends "base.html" %}
{% block content %}
<h1>{{ config.title }}</h1>
<p class="lede">{{ config.description }}</p>
{% set incidents = get_section(path="incidents/_index.md") %}
<h2>Recent incidents</h2>
<ul class="incident-list">
{% for page in incidents.pages %}{% if loop.index > 20 %}{% break %}{% endif %}{% include "row.html" %}{% endfor %}
</ul>
<p><a href="{{ incidents.permalink | safe }}">All {{ incidents.pages | length }} incidents</a></p>
{% endblock content %}
""",
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }} – {{ config.title }}{% endblock title %}
{% block content %}
<h1>{{ section.title }}</h1>
<ul class="incident-list">
{% for page in paginator.pages %}{% include "row.html" %}{% endfor %}
</ul>
<nav class="pagination">
{% if paginator.previous %}<a href="{{ paginator.previous }}">Newer</a>{% endif %}
<span>Page {{ paginator.current_index }} of {{ paginator.number_pagers }}</span>
{% if paginator.next %}<a href="{{ paginator.next }}">Older</a>{% endif %}
</nav>
{% endblock content %}
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }} – {{ config.title }}{% endblock title %}
{% block content %}
<article class="incident">
<h1>{{ page.title }}</h1>
<p class="meta">
  <time datetime="{{ page.date }}">{{ page.date | date(format="%Y-%m-%d %H:%M UTC") }}</time>
  {% if page.taxonomies.severity %}· severity <a href="{{ get_taxonomy_url(kind="severity", name=page.taxonomies.severity[0]) }}">{{ page.taxonomies.severity[0] }}</a>{% endif %}
  {% if page.extra.kind %}· {{ page.extra.kind }}{% endif %}
</p>
{% if page.description %}<p class="summary">{{ page.description }}</p>{% endif %}
{% if page.taxonomies.components %}
<ul class="components">{% for c in page.taxonomies.components %}<li><a href="{{ get_taxonomy_url(kind="components", name=c) }}">{{ c }}</a></li>{% endfor %}</ul>
{% endif %}
<section class="timeline"><h2>Timeline</h2>
<ol>
{% for e in page.extra.timeline %}
  <li class="status-{{ e.status }}"><time datetime="{{ e.at }}">{{ e.at | date(format="%Y-%m-%d %H:%M") }}</time> <strong>{{ e.status | replace(from="_", to=" ") | capitalize }}</strong> <p>{{ e.message }}</p></li>
{% endfor %}
</ol></section>
{% if page.extra.impact %}<section class="impact"><h2>Impact</h2><ul>
{% for w in page.extra.impact %}<li>{{ w.component }}: {{ w.level | replace(from="_", to=" ") }} from {{ w.start | date(format="%Y-%m-%d %H:%M") }} to {{ w.end | date(format="%H:%M") }}</li>{% endfor %}
</ul></section>{% endif %}
<section class="postmortem">{{ page.content | safe }}</section>
{% if page.extra.factors %}<section><h2>Contributing factors</h2><ul>
{% for f in page.extra.factors %}<li><a href="{{ get_taxonomy_url(kind="factors", name=f.id) }}">{{ f.id }}</a>: {{ f.note }}</li>{% endfor %}
</ul></section>{% endif %}
{% if page.extra.lessons %}<section><h2>Lessons</h2>
{% for k, v in page.extra.lessons %}<h3>{{ k | replace(from="_", to=" ") | capitalize }}</h3><ul>{% for l in v %}<li>{{ l }}</li>{% endfor %}</ul>{% endfor %}
</section>{% endif %}
{% if page.extra.action_items %}<section><h2>Action items</h2><table><tr><th>Item</th><th>Owner</th><th>Status</th><th>Date</th></tr>
{% for a in page.extra.action_items %}<tr><td>{{ a.title }}</td><td>{{ a.owner }}</td><td>{{ a.status }}</td><td>{% if a.closed %}{{ a.closed }}{% elif a.due %}due {{ a.due }}{% endif %}</td></tr>{% endfor %}
</table></section>{% endif %}
{% if page.extra.customer_impact %}<p>Users affected: {{ page.extra.customer_impact.users }}, requests: {{ page.extra.customer_impact.requests }}, error rate {{ page.extra.customer_impact.error_rate }}%</p>{% endif %}
{% if page.extra.review %}<p class="review">Review: {{ page.extra.review.state }} on {{ page.extra.review.date }} by {{ page.extra.review.reviewers | join(sep=", ") }}</p>{% endif %}
<nav class="prev-next">
{% if page.lower %}<a href="{{ page.lower.permalink | safe }}">Previous: {{ page.lower.title }}</a>{% endif %}
{% if page.higher %}<a href="{{ page.higher.permalink | safe }}">Next: {{ page.higher.title }}</a>{% endif %}
</nav>
</article>
{% endblock content %}
""",
    "taxonomy_list.html": """{% extends "base.html" %}
{% block title %}{{ taxonomy.name }} – {{ config.title }}{% endblock title %}
{% block content %}
<h1>{{ taxonomy.name | capitalize }}</h1>
<ul>
{% for term in terms %}<li><a href="{{ term.permalink | safe }}">{{ term.name }}</a> ({{ term.page_count }}){% if term.pages %} – latest: <a href="{{ term.pages[0].permalink | safe }}">{{ term.pages[0].title }}</a>{% endif %}</li>{% endfor %}
</ul>
{% endblock content %}
""",
    "taxonomy_single.html": """{% extends "base.html" %}
{% block title %}{{ term.name }} – {{ config.title }}{% endblock title %}
{% block content %}
<h1>{{ taxonomy.name | capitalize }}: {{ term.name }}</h1>
<p>{{ term.page_count }} items.{% if taxonomy.feed %} <a href="{{ term.permalink | safe }}atom.xml">Feed</a>{% endif %}</p>
<ul class="incident-list">
{% if paginator %}{% for page in paginator.pages %}{% include "row.html" %}{% endfor %}
{% else %}{% for page in term.pages %}{% include "row.html" %}{% endfor %}{% endif %}
</ul>
{% if paginator %}<nav class="pagination">
{% if paginator.previous %}<a href="{{ paginator.previous }}">Newer</a>{% endif %}
<span>Page {{ paginator.current_index }} of {{ paginator.number_pagers }}</span>
{% if paginator.next %}<a href="{{ paginator.next }}">Older</a>{% endif %}
</nav>{% endif %}
{% endblock content %}
""",
}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    search = "--search" in sys.argv[1:]
    pag = ", paginate_by = 100" if "--paginate-terms" in sys.argv[1:] else ""
    src, dst = args[0], args[1]
    site = tomllib.load(open(os.path.join(src, "site.toml"), "rb"))
    if os.path.exists(dst):
        shutil.rmtree(dst)
    os.makedirs(os.path.join(dst, "content", "incidents"))
    os.makedirs(os.path.join(dst, "templates"))
    os.makedirs(os.path.join(dst, "static"))
    comps = [{"id": c["id"], "name": c["name"], "group": c.get("group", "")}
             for c in site.get("components", [])]
    with open(os.path.join(dst, "config.toml"), "w") as f:
        f.write(CONFIG.format(title=tq(site["title"]), description=tq(site.get("description", "")),
                              components=tv(comps), search=tv(search), pag=pag))
    open(os.path.join(dst, "content", "_index.md"), "w").write(SECTION_INDEX)
    open(os.path.join(dst, "content", "incidents", "_index.md"), "w").write(SECTION_INCIDENTS)
    for name, text in TEMPLATES.items():
        open(os.path.join(dst, "templates", name), "w").write(text)
    n = drafts = 0
    cdir = os.path.join(src, "content")
    for name in sorted(os.listdir(cdir)):
        if not name.endswith(".md"):
            continue
        drafts += convert_file(os.path.join(cdir, name),
                               os.path.join(dst, "content", "incidents", name))
        n += 1
    print(f"{n} pages ({drafts} drafts) -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
