//! One message per event and channel, in the shape each service documents (docs/notify.md).
//! Every text from content is escaped for its target; links are the site's own absolute URLs.

use super::events::{Event, Item, Kind};
use serde_json::{json, Value};

/// What every channel says about one event, before formatting.
pub struct Message<'a> {
    pub event: &'a Event,
    pub item: &'a Item,
    pub site_title: &'a str,
    pub site_url: &'a str,
}

impl Message<'_> {
    /// "Resolved: Delayed webhook deliveries".
    pub fn headline(&self) -> String {
        let what = match self.event.kind {
            Kind::Created => "New incident",
            Kind::Updated => "Incident update",
            Kind::Resolved => "Resolved",
            Kind::Postmortem => "Postmortem published",
            Kind::Announced => "Maintenance scheduled",
            Kind::Started => "Maintenance started",
            Kind::Completed => "Maintenance completed",
        };
        format!("{what}: {}", self.item.title)
    }

    /// Label and value pairs shown under the message.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let i = self.item;
        let mut f = vec![("Status", self.event.status.replace('_', " "))];
        if !i.maintenance && !i.severity_name.is_empty() {
            f.push(("Severity", i.severity_name.clone()));
        }
        if !i.component_names.is_empty() {
            f.push(("Components", i.component_names.join(", ")));
        }
        if let Some((s, e)) = i.scheduled {
            f.push((
                "Window",
                format!(
                    "{} – {} UTC",
                    s.format("%Y-%m-%d %H:%M"),
                    e.format("%Y-%m-%d %H:%M")
                ),
            ));
        }
        f.push(("At", self.event.at.format("%Y-%m-%d %H:%M UTC").to_string()));
        f
    }

    /// The link: the item's page, only if it is an http(s) URL under the site.
    pub fn link(&self) -> Option<&str> {
        let u = self.item.url.as_str();
        (crate::util::escape::is_safe_url(u)
            && (u.starts_with("https://") || u.starts_with("http://"))
            && !u.chars().any(|c| c.is_whitespace() || c.is_control()))
        .then_some(u)
    }

    /// The timeline message (Markdown as written), or a line saying what happened.
    pub fn text(&self) -> String {
        match &self.event.message {
            Some(m) => m.clone(),
            None => match self.event.kind {
                Kind::Postmortem => "The postmortem has been published.".to_string(),
                Kind::Started => "The maintenance window has started.".to_string(),
                Kind::Completed => "The maintenance window has ended.".to_string(),
                Kind::Resolved => "This incident has been resolved.".to_string(),
                _ => String::new(),
            },
        }
    }
}

/// At most `max` characters of `s` (counted as `count` counts them), cut on a character
/// boundary, with `…` when cut.
fn cut_by(s: &str, max: usize, count: impl Fn(char) -> usize) -> String {
    let total: usize = s.chars().map(&count).sum();
    if total <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let budget = max.saturating_sub(count('…'));
    for c in s.chars() {
        if used + count(c) > budget {
            break;
        }
        used += count(c);
        out.push(c);
    }
    out.push('…');
    out
}

/// At most `max` Unicode scalar values.
pub fn cut(s: &str, max: usize) -> String {
    cut_by(s, max, |_| 1)
}

/// At most `max` UTF-16 code units (JavaScript string length, as Discord and Slack count).
pub fn cut_utf16(s: &str, max: usize) -> String {
    cut_by(s, max, char::len_utf16)
}

/// Slack mrkdwn: `&`, `<` and `>` are the characters Slack asks to escape.
pub fn slack_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Discord markdown: every character markdown or a mention could start with, backslashed.
pub fn discord_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '~'
                | '`'
                | '|'
                | '>'
                | '#'
                | '-'
                | '['
                | ']'
                | '('
                | ')'
                | '@'
                | '<'
                | ':'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Adaptive Cards' Markdown subset (emphasis, links, lists): its markers backslashed, nothing
/// else (Teams clients do not all drop a backslash before other characters).
pub fn teams_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`cut_utf16`] of escaped mrkdwn, never leaving half an entity (`&am…`).
fn slack_cut(escaped: &str, max: usize) -> String {
    let mut out = cut_utf16(escaped, max);
    if out.ends_with('…') {
        let body = &out[..out.len() - '…'.len_utf8()];
        if let Some(amp) = body.rfind('&') {
            if !body[amp..].contains(';') {
                out = format!("{}…", &body[..amp]);
            }
        }
    }
    out
}

/// Slack's limits (Block Kit reference): header text 150, section text 3000, context element
/// text 3000; `text` (the notification fallback) is cut at 4000 here.
pub const SLACK_HEADER: usize = 150;
pub const SLACK_SECTION: usize = 3000;
pub const SLACK_TEXT: usize = 4000;

/// A Slack incoming-webhook body: `text` (the notification) and `blocks`.
pub fn slack(m: &Message) -> Value {
    let headline = m.headline();
    let link = m
        .link()
        .map(|l| format!("\n<{}|View on the status page>", slack_escape(l)))
        .unwrap_or_default();
    // The message cut to leave room for the link, never inside an entity it was escaped to.
    let room = SLACK_SECTION.saturating_sub(link.encode_utf16().count());
    let body = format!("{}{link}", slack_cut(&slack_escape(&m.text()), room));
    let facts: Vec<String> = m
        .facts()
        .into_iter()
        .map(|(k, v)| format!("*{k}:* {}", slack_escape(&v)))
        .collect();
    json!({
        "text": slack_cut(&slack_escape(&headline), SLACK_TEXT),
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": cut_utf16(&headline, SLACK_HEADER), "emoji": false}},
            {"type": "section", "text": {"type": "mrkdwn", "text": body}},
            {"type": "context", "elements": [
                {"type": "mrkdwn", "text": slack_cut(&format!("{} · {}", facts.join(" · "), slack_escape(m.site_title)), SLACK_SECTION)}
            ]}
        ]
    })
}

/// Discord's embed limits (developer docs, "Embed Limits"): title 256, description 4096, field
/// name 256, field value 1024, footer text 2048, author name 256, 25 fields, 6000 in all.
pub const DISCORD_TITLE: usize = 256;
pub const DISCORD_DESCRIPTION: usize = 4096;
pub const DISCORD_FIELD_NAME: usize = 256;
pub const DISCORD_FIELD_VALUE: usize = 1024;
pub const DISCORD_FOOTER: usize = 2048;
pub const DISCORD_TOTAL: usize = 6000;

/// A Discord webhook body: one embed; no mention is ever parsed (`allowed_mentions`).
pub fn discord(m: &Message) -> Value {
    let color = match m.event.kind {
        Kind::Created => 0xd9_3f_0b,
        Kind::Updated => 0xe8_a3_17,
        Kind::Resolved | Kind::Completed => 0x2f_a8_4f,
        Kind::Postmortem => 0x3b_6e_c8,
        Kind::Announced | Kind::Started => 0x5b_5f_c7,
    };
    let title = cut_utf16(&m.headline(), DISCORD_TITLE);
    let footer = cut_utf16(m.site_title, DISCORD_FOOTER);
    let fields: Vec<(String, String)> = m
        .facts()
        .into_iter()
        .map(|(k, v)| {
            (
                cut_utf16(k, DISCORD_FIELD_NAME),
                cut_utf16(&discord_escape(&v), DISCORD_FIELD_VALUE),
            )
        })
        .collect();
    let used: usize = title.encode_utf16().count()
        + footer.encode_utf16().count()
        + fields
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum::<usize>();
    let description = cut_utf16(
        &discord_escape(&m.text()),
        DISCORD_DESCRIPTION.min(DISCORD_TOTAL.saturating_sub(used)),
    );
    let mut embed = json!({
        "title": title,
        "description": description,
        "color": color,
        "timestamp": m.event.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "fields": fields.iter().map(|(k, v)| json!({"name": k, "value": v, "inline": true})).collect::<Vec<_>>(),
        "footer": {"text": footer},
    });
    if let Some(link) = m.link() {
        embed["url"] = json!(link);
    }
    json!({
        "embeds": [embed],
        "allowed_mentions": {"parse": []},
    })
}

/// A Teams workflow-webhook body ("Post to a channel when a webhook request is received"): a
/// message whose one attachment is an Adaptive Card 1.4.
pub fn teams(m: &Message) -> Value {
    let plain = teams_escape;
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {"type": "TextBlock", "text": plain(&m.headline()), "weight": "Bolder", "size": "Medium", "wrap": true},
            {"type": "TextBlock", "text": plain(&cut(&m.text(), 10_000)), "wrap": true},
            {"type": "FactSet", "facts": m.facts().into_iter().map(|(k, v)| json!({"title": k, "value": plain(&v)})).collect::<Vec<_>>()}
        ],
    });
    if let Some(link) = m.link() {
        card["actions"] =
            json!([{"type": "Action.OpenUrl", "title": "View on the status page", "url": link}]);
    }
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }]
    })
}

/// The generic webhook's body, version 1 (docs/notify.md#webhook-body).
pub fn webhook(m: &Message) -> Value {
    let i = m.item;
    let time =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    json!({
        "version": 1,
        "event": {
            "id": m.event.id,
            "kind": m.event.kind.id(),
            "at": time(m.event.at),
            "status": m.event.status,
        },
        "site": {"title": m.site_title, "url": m.site_url},
        "item": {
            "type": if i.maintenance { "maintenance" } else { "incident" },
            "id": i.slug,
            "title": i.title,
            "url": m.link(),
            "status": i.status,
            "severity": if i.maintenance || i.severity.is_empty() { Value::Null } else { json!(i.severity) },
            "components": i.components,
            "created_at": time(i.created_at),
            "started_at": time(i.started_at),
            "resolved_at": i.resolved_at.map(time),
            "scheduled_for": i.scheduled.map(|s| time(s.0)),
            "scheduled_until": i.scheduled.map(|s| time(s.1)),
        },
        "message": m.event.message,
    })
}

/// An email: subject, plain text and HTML.
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn email(m: &Message, unsubscribe_url: &str) -> Email {
    use crate::util::escape::markup;
    let headline = m.headline();
    let body = m.text();
    let facts = m.facts();
    let mut text = format!("{headline}\n\n{body}\n\n");
    for (k, v) in &facts {
        text.push_str(&format!("{k}: {v}\n"));
    }
    if let Some(link) = m.link() {
        text.push_str(&format!("\n{link}\n"));
    }
    text.push_str(&format!(
        "\n--\n{}\nUnsubscribe: {unsubscribe_url}\n",
        m.site_title
    ));
    let mut html = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title></head><body>\n<h1>{}</h1>\n",
        markup(&headline),
        markup(&headline)
    );
    for para in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        html.push_str(&format!(
            "<p>{}</p>\n",
            markup(para.trim()).replace('\n', "<br>\n")
        ));
    }
    html.push_str("<table>\n");
    for (k, v) in &facts {
        html.push_str(&format!(
            "<tr><th align=\"left\">{}</th><td>{}</td></tr>\n",
            markup(k),
            markup(v)
        ));
    }
    html.push_str("</table>\n");
    if let Some(link) = m.link() {
        html.push_str(&format!(
            "<p><a href=\"{}\">View on the status page</a></p>\n",
            markup(link)
        ));
    }
    html.push_str(&format!(
        "<hr>\n<p>{} · <a href=\"{}\">Unsubscribe</a></p>\n</body></html>\n",
        markup(m.site_title),
        markup(unsubscribe_url)
    ));
    Email {
        subject: cut(&headline.replace(['\r', '\n'], " "), 200),
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_on_char_boundaries() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
        assert_eq!(cut("ééé", 2), "é…");
        // 😀 is two UTF-16 units: a 3-unit budget holds one and the ellipsis.
        assert_eq!(cut_utf16("😀😀😀", 3), "😀…");
        assert_eq!(cut_utf16("😀😀😀", 6), "😀😀😀");
    }

    /// A message far over every limit, in characters of two UTF-16 units and of two and three
    /// UTF-8 bytes: each service's payload stays within its documented limits.
    #[test]
    fn long_text_is_cut_to_each_services_limits() {
        use super::super::events::{Event, Item, Kind};
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-21T08:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let long = "é😀漢-*".repeat(3000);
        let item = Item {
            maintenance: false,
            slug: "a".into(),
            title: long.clone(),
            severity: "major".into(),
            severity_name: long.clone(),
            components: vec!["api".into()],
            component_names: vec![long.clone()],
            status: "investigating".into(),
            url: "https://status.example.com/incidents/a/".into(),
            created_at: t,
            started_at: t,
            resolved_at: None,
            postmortem_at: None,
            scheduled: None,
            updates: vec![],
        };
        let event = Event {
            id: "incident/a/created".into(),
            kind: Kind::Created,
            at: t,
            message: Some(long.clone()),
            status: "investigating".into(),
            item: 0,
        };
        let m = Message {
            event: &event,
            item: &item,
            site_title: &long,
            site_url: "https://status.example.com/",
        };
        let n = |v: &Value| v.as_str().unwrap().encode_utf16().count();
        let d = discord(&m);
        let e = &d["embeds"][0];
        let mut total = n(&e["title"]) + n(&e["description"]) + n(&e["footer"]["text"]);
        assert!(n(&e["title"]) <= DISCORD_TITLE);
        assert!(n(&e["description"]) <= DISCORD_DESCRIPTION);
        assert!(n(&e["footer"]["text"]) <= DISCORD_FOOTER);
        for f in e["fields"].as_array().unwrap() {
            assert!(n(&f["name"]) <= DISCORD_FIELD_NAME && n(&f["value"]) <= DISCORD_FIELD_VALUE);
            total += n(&f["name"]) + n(&f["value"]);
        }
        assert!(total <= DISCORD_TOTAL, "{total}");
        assert!(e["title"].as_str().unwrap().ends_with('…'));
        let s = slack(&m);
        assert!(n(&s["text"]) <= SLACK_TEXT);
        assert!(n(&s["blocks"][0]["text"]["text"]) <= SLACK_HEADER);
        assert!(n(&s["blocks"][1]["text"]["text"]) <= SLACK_SECTION);
        assert!(n(&s["blocks"][2]["elements"][0]["text"]) <= SLACK_SECTION);
        let mail = email(&m, "https://x/unsub");
        assert!(mail.subject.chars().count() <= 200);
    }

    #[test]
    fn slack_cuts_keep_entities_whole() {
        let e = slack_escape("ab<<<<");
        assert_eq!(e, "ab&lt;&lt;&lt;&lt;");
        // "ab&lt;" is 6 units, "…" one more: 7 or 8 fit it, never a part of the next entity.
        assert_eq!(slack_cut(&e, 8), "ab&lt;…");
        assert_eq!(slack_cut(&e, 7), "ab&lt;…");
        assert_eq!(slack_cut(&e, 6), "ab…");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            slack_escape("<!channel> & <x|y>"),
            "&lt;!channel&gt; &amp; &lt;x|y&gt;"
        );
        assert_eq!(discord_escape("@everyone *x*"), "\\@everyone \\*x\\*");
        assert_eq!(
            teams_escape("[a](b) *c* 10:00 - d"),
            "\\[a\\](b) \\*c\\* 10:00 - d"
        );
    }
}
