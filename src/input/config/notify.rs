//! `[[notify]]` in site.toml: the channels `afterword notify` sends to (docs/notify.md).
//! Secrets are never written here: only the names of the environment variables holding them.

use crate::diag::{codes, suggestion, Diagnostic, SourceMap};
use crate::input::tomlx::Spanned;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotify {
    name: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    #[serde(default)]
    components: Vec<Spanned<String>>,
    #[serde(default)]
    severities: Vec<Spanned<String>>,
    #[serde(default)]
    events: Vec<Spanned<String>>,
    url_env: Option<Spanned<String>>,
    secret_env: Option<Spanned<String>>,
    smtp_host: Option<Spanned<String>>,
    smtp_port: Option<Spanned<i64>>,
    tls: Option<Spanned<String>>,
    username: Option<Spanned<String>>,
    password_env: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    #[serde(default)]
    to: Vec<Spanned<String>>,
    unsubscribe_url: Option<Spanned<String>>,
}

/// A channel's service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    Slack,
    Discord,
    Teams,
    Webhook,
    Email,
}

impl ChannelKind {
    pub const IDS: &'static [&'static str] = &["slack", "discord", "teams", "webhook", "email"];

    pub fn parse(s: &str) -> Option<ChannelKind> {
        Some(match s {
            "slack" => ChannelKind::Slack,
            "discord" => ChannelKind::Discord,
            "teams" => ChannelKind::Teams,
            "webhook" => ChannelKind::Webhook,
            "email" => ChannelKind::Email,
            _ => return None,
        })
    }

    pub fn id(self) -> &'static str {
        Self::IDS[self as usize]
    }
}

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (required, never skipped); port 587 by default.
    Starttls,
    /// TLS from the first byte ("SMTPS"); port 465 by default.
    Implicit,
    /// No encryption: allowed only for a loopback host (a local relay); port 25 by default.
    None,
}

impl SmtpTls {
    pub const IDS: &'static [&'static str] = &["starttls", "implicit", "none"];
}

/// What an email channel needs besides the common fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailSettings {
    pub smtp_host: String,
    pub smtp_port: u16,
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password_env: Option<String>,
    pub from: String,
    pub to: Vec<String>,
    pub unsubscribe_url: String,
}

/// One `[[notify]]` channel.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NotifyChannel {
    /// An id: the ledger's key for this channel (renaming it starts it afresh).
    pub name: String,
    pub kind: ChannelKind,
    /// Only events of items naming one of these components (empty: all).
    pub components: Vec<String>,
    /// Only incidents of these severities (empty: all; maintenance always passes).
    pub severities: Vec<String>,
    /// Only these event kinds (empty: all), ids from [`EVENT_KINDS`].
    pub events: Vec<String>,
    /// The environment variable holding the webhook URL (all but email).
    pub url_env: Option<String>,
    /// The environment variable holding the signing key (webhook).
    pub secret_env: Option<String>,
    pub email: Option<EmailSettings>,
}

/// Event kinds a channel can choose (`events = [...]`), as docs/notify.md lists them.
pub const EVENT_KINDS: &[&str] = &[
    "incident.created",
    "incident.updated",
    "incident.resolved",
    "incident.postmortem",
    "maintenance.announced",
    "maintenance.started",
    "maintenance.completed",
];

/// An environment variable name as shells and CI systems accept it.
fn is_env_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c == '_')
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A host that is this machine: the only kind `tls = "none"` may talk to.
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A plain address `local@domain`: nothing a header could be split or confused with.
fn is_plain_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && s.chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | ',' | ';' | '\\'))
}

/// `[[notify]]`: every channel checked (an id as name, unique; a known type; the keys its type
/// needs and none it does not use; environment variable names; known components, severities
/// and event kinds; email addresses; TLS off only towards loopback).
pub(super) fn channels(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    raw: Vec<RawNotify>,
    components: &[&str],
    severities: &[&str],
) -> Vec<NotifyChannel> {
    let mut out: Vec<NotifyChannel> = Vec::new();
    for r in raw {
        let name = r.name.get_ref().clone();
        if !super::is_valid_id(&name) {
            diags.push(
                map.at_code(
                    codes::BAD_ID,
                    r.name.span(),
                    format!("notify channel name `{name}` is not a valid id"),
                )
                .with_help("use lower-case letters, digits and single dashes, e.g. `ops-slack`"),
            );
        } else if out.iter().any(|c| c.name == name) {
            diags.push(map.at_code(
                codes::DUPLICATE,
                r.name.span(),
                format!("notify channel `{name}` is declared twice"),
            ));
        }
        let Some(kind) = ChannelKind::parse(r.kind.get_ref()) else {
            diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    r.kind.span(),
                    format!("unknown notify channel type `{}`", r.kind.get_ref()),
                )
                .with_help(suggestion(r.kind.get_ref(), ChannelKind::IDS)),
            );
            continue;
        };
        let mut list = |v: &[Spanned<String>], known: &[&str], what: &str, code| {
            let mut ids = Vec::new();
            for x in v {
                if known.contains(&x.get_ref().as_str()) {
                    ids.push(x.get_ref().clone());
                } else {
                    diags.push(
                        map.at_code(
                            code,
                            x.span(),
                            format!("notify channel `{name}`: unknown {what} `{}`", x.get_ref()),
                        )
                        .with_help(suggestion(x.get_ref(), known)),
                    );
                }
            }
            ids
        };
        let comps = list(
            &r.components,
            components,
            "component",
            codes::UNKNOWN_COMPONENT,
        );
        let sevs = list(
            &r.severities,
            severities,
            "severity",
            codes::UNKNOWN_SEVERITY,
        );
        let events = list(&r.events, EVENT_KINDS, "event kind", codes::BAD_VALUE);

        let mut env = |v: &Option<Spanned<String>>, key: &str, needed: bool| -> Option<String> {
            match v {
                Some(e) if is_env_name(e.get_ref()) => Some(e.get_ref().clone()),
                Some(e) => {
                    diags.push(
                        map.at_code(
                            codes::BAD_VALUE,
                            e.span(),
                            format!(
                                "notify channel `{name}`: `{key}` must name an environment variable, not hold a value"
                            ),
                        )
                        .with_help("write the variable's name in capitals, e.g. `SLACK_WEBHOOK_URL`, and set the secret in CI"),
                    );
                    None
                }
                None if needed => {
                    diags.push(
                        map.at_code(
                            codes::EMPTY_VALUE,
                            r.name.span(),
                            format!("notify channel `{name}` ({}) needs `{key}`", kind.id()),
                        )
                        .with_help(format!(
                            "`{key} = \"NAME\"`: the environment variable holding the secret"
                        )),
                    );
                    None
                }
                None => None,
            }
        };
        let is_email = kind == ChannelKind::Email;
        let url_env = env(&r.url_env, "url_env", !is_email);
        let secret_env = env(&r.secret_env, "secret_env", kind == ChannelKind::Webhook);
        let password_env = env(&r.password_env, "password_env", false);

        // Keys another type uses: an error, so a misplaced key is not silently ignored.
        let unused: Vec<(&str, Option<std::ops::Range<usize>>)> = vec![
            (
                "url_env",
                r.url_env.as_ref().map(|s| s.span()).filter(|_| is_email),
            ),
            (
                "secret_env",
                r.secret_env
                    .as_ref()
                    .map(|s| s.span())
                    .filter(|_| kind != ChannelKind::Webhook),
            ),
            (
                "smtp_host",
                r.smtp_host.as_ref().map(|s| s.span()).filter(|_| !is_email),
            ),
            (
                "smtp_port",
                r.smtp_port.as_ref().map(|s| s.span()).filter(|_| !is_email),
            ),
            (
                "tls",
                r.tls.as_ref().map(|s| s.span()).filter(|_| !is_email),
            ),
            (
                "username",
                r.username.as_ref().map(|s| s.span()).filter(|_| !is_email),
            ),
            (
                "password_env",
                r.password_env
                    .as_ref()
                    .map(|s| s.span())
                    .filter(|_| !is_email),
            ),
            (
                "from",
                r.from.as_ref().map(|s| s.span()).filter(|_| !is_email),
            ),
            ("to", r.to.first().map(|s| s.span()).filter(|_| !is_email)),
            (
                "unsubscribe_url",
                r.unsubscribe_url
                    .as_ref()
                    .map(|s| s.span())
                    .filter(|_| !is_email),
            ),
        ];
        for (key, span) in unused {
            if let Some(span) = span {
                diags.push(map.at_code(
                    codes::BAD_VALUE,
                    span,
                    format!(
                        "notify channel `{name}`: `{key}` is not used by type `{}`",
                        kind.id()
                    ),
                ));
            }
        }

        let email = if is_email {
            email(map, diags, &r, &name, password_env.clone())
        } else {
            None
        };
        out.push(NotifyChannel {
            name,
            kind,
            components: comps,
            severities: sevs,
            events,
            url_env,
            secret_env,
            email,
        });
    }
    out
}

/// An email channel's SMTP and address settings.
fn email(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    r: &RawNotify,
    name: &str,
    password_env: Option<String>,
) -> Option<EmailSettings> {
    let mut missing = |key: &str| {
        diags.push(map.at_code(
            codes::EMPTY_VALUE,
            r.name.span(),
            format!("notify channel `{name}` (email) needs `{key}`"),
        ));
    };
    let (Some(host), Some(from), Some(unsub)) = (&r.smtp_host, &r.from, &r.unsubscribe_url) else {
        for (key, set) in [
            ("smtp_host", r.smtp_host.is_some()),
            ("from", r.from.is_some()),
            ("unsubscribe_url", r.unsubscribe_url.is_some()),
        ] {
            if !set {
                missing(key);
            }
        }
        return None;
    };
    if r.to.is_empty() {
        missing("to");
    }
    let mut ok = !r.to.is_empty();
    let host_ok = !host.get_ref().is_empty()
        && host
            .get_ref()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        ok = false;
        diags.push(map.at_code(
            codes::BAD_VALUE,
            host.span(),
            format!("notify channel `{name}`: `smtp_host` is not a host name"),
        ));
    }
    let tls = match r.tls.as_ref().map(|t| t.get_ref().as_str()) {
        None | Some("starttls") => SmtpTls::Starttls,
        Some("implicit") => SmtpTls::Implicit,
        Some("none") => SmtpTls::None,
        Some(other) => {
            ok = false;
            let t = r.tls.as_ref().map_or(0..0, |t| t.span());
            diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    t,
                    format!("notify channel `{name}`: unknown tls `{other}`"),
                )
                .with_help(suggestion(other, SmtpTls::IDS)),
            );
            SmtpTls::Starttls
        }
    };
    if tls == SmtpTls::None && host_ok && !is_loopback_host(host.get_ref()) {
        ok = false;
        let t = r.tls.as_ref().map_or(0..0, |t| t.span());
        diags.push(
            map.at_code(
                codes::BAD_VALUE,
                t,
                format!(
                    "notify channel `{name}`: `tls = \"none\"` sends the password and every message in clear; it is allowed only for a loopback host"
                ),
            )
            .with_help("use `tls = \"starttls\"` (port 587) or `tls = \"implicit\"` (port 465)"),
        );
    }
    let port = match &r.smtp_port {
        None => match tls {
            SmtpTls::Starttls => 587,
            SmtpTls::Implicit => 465,
            SmtpTls::None => 25,
        },
        Some(p) => match u16::try_from(*p.get_ref()) {
            Ok(n) if n > 0 => n,
            _ => {
                ok = false;
                diags.push(map.at_code(
                    codes::BAD_VALUE,
                    p.span(),
                    format!(
                        "notify channel `{name}`: smtp_port {} is not a port",
                        p.get_ref()
                    ),
                ));
                0
            }
        },
    };
    let mut address = |a: &Spanned<String>, key: &str| {
        if !is_plain_address(a.get_ref()) {
            ok = false;
            diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    a.span(),
                    format!(
                        "notify channel `{name}`: `{key}` `{}` is not a plain email address",
                        crate::diag::printable(a.get_ref())
                    ),
                )
                .with_help("write `name@example.com`, without a display name or brackets"),
            );
        }
    };
    address(from, "from");
    for t in &r.to {
        address(t, "to");
    }
    let u = unsub.get_ref();
    let unsub_ok = (u.starts_with("https://") || u.starts_with("mailto:"))
        && crate::util::escape::is_safe_url(u)
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ','));
    if !unsub_ok {
        ok = false;
        diags.push(
            map.at_code(
                codes::BAD_VALUE,
                unsub.span(),
                format!("notify channel `{name}`: `unsubscribe_url` must be an https: or mailto: URL"),
            )
            .with_help("the page or address where readers leave the list, e.g. `https://lists.example.com/status/unsubscribe`"),
        );
    }
    if password_env.is_some() != r.username.is_some() {
        ok = false;
        diags.push(map.at_code(
            codes::BAD_VALUE,
            r.name.span(),
            format!("notify channel `{name}`: `username` and `password_env` go together"),
        ));
    }
    ok.then(|| EmailSettings {
        smtp_host: host.get_ref().clone(),
        smtp_port: port,
        tls,
        username: r.username.as_ref().map(|u| u.get_ref().clone()),
        password_env,
        from: from.get_ref().clone(),
        to: r.to.iter().map(|t| t.get_ref().clone()).collect(),
        unsubscribe_url: u.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_names_and_hosts() {
        assert!(is_env_name("SLACK_WEBHOOK_URL"));
        assert!(is_env_name("_X1"));
        assert!(!is_env_name("https://hooks.slack.com/x"));
        assert!(!is_env_name("slack"));
        assert!(!is_env_name(""));
        assert!(is_loopback_host("127.0.0.1"));
        assert!(is_loopback_host("[::1]"));
        assert!(is_loopback_host("localhost"));
        assert!(!is_loopback_host("smtp.example.com"));
        assert!(is_plain_address("status@example.com"));
        assert!(!is_plain_address("Status <status@example.com>"));
        assert!(!is_plain_address("a@b\r\nBcc: x@y"));
    }
}
