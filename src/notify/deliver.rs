//! Sending: HTTP POSTs with retries, SMTP, and fetching the previous state. Nothing here
//! prints a secret: errors name what failed, never the URL or key (a Slack or Discord webhook
//! URL is itself the credential).

use std::time::Duration;

/// The retry policy (docs/notify.md#delivery).
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// What one second of backoff or `Retry-After` lasts (1000 ms; tests make it shorter with
    /// the hidden `AFTERWORD_NOTIFY_SECOND_MS`).
    pub second: Duration,
    /// The first backoff, in seconds; doubled after each attempt.
    pub base: u64,
    /// The longest wait, in seconds, whatever `Retry-After` asks.
    pub cap: u64,
}

impl Default for Retry {
    fn default() -> Self {
        let ms = std::env::var("AFTERWORD_NOTIFY_SECOND_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(1000);
        Retry {
            attempts: 5,
            second: Duration::from_millis(ms),
            base: 1,
            cap: 60,
        }
    }
}

impl Retry {
    /// The wait before attempt `n + 1` (n ≥ 1): `Retry-After` when the server sent one (capped),
    /// else `base · 2^(n-1)` (capped).
    pub fn wait(&self, n: u32, retry_after: Option<u64>) -> Duration {
        let secs = retry_after
            .unwrap_or_else(|| self.base.saturating_mul(1u64 << (n - 1).min(20)))
            .min(self.cap);
        self.second.saturating_mul(secs as u32)
    }
}

/// How long one request may take, connect included.
const TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The most a response body is read (the previous state's API files; webhook answers).
pub const MAX_BODY: u64 = 32 << 20;

pub fn agent(redirects: u32) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(redirects)
        .max_redirects_will_error(false)
        .user_agent(concat!(
            "afterword/",
            env!("CARGO_PKG_VERSION"),
            " (notify)"
        ))
        .build()
        .into()
}

/// A transport error in words that cannot hold the URL.
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Io(io) => format!("connection error ({:?})", io.kind()),
        ureq::Error::BodyExceedsLimit(n) => format!("response larger than {n} bytes"),
        ureq::Error::BadUri(_) => "not a valid URL".into(),
        ureq::Error::Tls(_) => "TLS error".into(),
        ureq::Error::Rustls(r) => format!("TLS error ({r})"),
        _ => "request failed".into(),
    }
}

/// A URL is acceptable: https, or http to this machine (a local relay, the tests).
pub fn check_url(url: &str) -> Result<(), String> {
    let Ok(u) = url::Url::parse(url) else {
        return Err("is not a URL".into());
    };
    let host = u.host_str().unwrap_or("");
    match u.scheme() {
        "https" if !host.is_empty() => Ok(()),
        "http" if crate::input::config::notify::is_loopback_host(host) => Ok(()),
        _ => Err("must be an https:// URL".into()),
    }
}

/// What came of a POST.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Sent { attempts: u32 },
    Failed { attempts: u32, reason: String },
}

/// POST `body` with `headers`, retrying 429, 5xx and transport errors with backoff (honouring
/// `Retry-After` in seconds), not retrying any other status. `headers` is made per attempt (a
/// signature carries its time).
pub fn post(
    agent: &ureq::Agent,
    url: &str,
    body: &[u8],
    headers: &dyn Fn() -> Vec<(&'static str, String)>,
    retry: &Retry,
) -> Outcome {
    let mut n = 0;
    loop {
        n += 1;
        let mut req = agent.post(url).header("Content-Type", "application/json");
        for (k, v) in headers() {
            req = req.header(k, &v);
        }
        let (retryable, reason, after) = match req.send(body) {
            Ok(resp) => {
                let status = resp.status().as_u16();
                if (200..300).contains(&status) {
                    return Outcome::Sent { attempts: n };
                }
                let after = resp
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok());
                let retryable = status == 429 || (500..600).contains(&status);
                (retryable, format!("HTTP {status}"), after)
            }
            Err(e) => (true, describe(&e), None),
        };
        if !retryable || n >= retry.attempts {
            return Outcome::Failed {
                attempts: n,
                reason,
            };
        }
        std::thread::sleep(retry.wait(n, after));
    }
}

/// GET a file of the previous site: `Ok(None)` when it is not there (404), an error for any
/// other failure.
pub fn get(agent: &ureq::Agent, url: &str) -> Result<Option<String>, String> {
    let mut resp = agent.get(url).call().map_err(|e| describe(&e))?;
    match resp.status().as_u16() {
        200 => resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
            .map(Some)
            .map_err(|e| describe(&e)),
        404 | 410 => Ok(None),
        s => Err(format!("HTTP {s}")),
    }
}

/// HMAC-SHA256 of `t.body` with `key`, hex: the `v1` of `X-Afterword-Signature`.
pub fn signature(key: &[u8], t: i64, body: &[u8]) -> String {
    let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key);
    let mut ctx = ring::hmac::Context::with_key(&k);
    ctx.update(t.to_string().as_bytes());
    ctx.update(b".");
    ctx.update(body);
    ctx.sign()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One email to send.
pub struct Mail<'a> {
    pub settings: &'a crate::input::config::notify::EmailSettings,
    pub password: Option<String>,
    pub subject: &'a str,
    pub text: String,
    pub html: String,
    /// The event id: the Message-ID's local part is made from it.
    pub event_id: &'a str,
}

/// Build the message (headers, multipart plain and HTML, List-Unsubscribe).
pub fn message(m: &Mail) -> Result<lettre::Message, String> {
    use lettre::message::header::{HeaderName, HeaderValue};
    use lettre::message::{Mailbox, MultiPart};
    let s = m.settings;
    let mailbox = |a: &str| -> Result<Mailbox, String> {
        a.parse::<Mailbox>()
            .map_err(|e| format!("address `{}`: {e}", crate::diag::printable(a)))
    };
    let domain = s.from.rsplit('@').next().unwrap_or("localhost");
    let local: String = m
        .event_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '.'
            }
        })
        .collect();
    let mut b = lettre::Message::builder()
        .from(mailbox(&s.from)?)
        .subject(m.subject)
        .message_id(Some(format!("<{local}@{domain}>")))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{}>", s.unsubscribe_url),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".into(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ));
    for t in &s.to {
        b = b.to(mailbox(t)?);
    }
    b.multipart(MultiPart::alternative_plain_html(
        m.text.clone(),
        m.html.clone(),
    ))
    .map_err(|e| format!("message: {e}"))
}

/// Send one email, retrying transient SMTP failures (4xx replies, connection errors) with the
/// same backoff as HTTP; permanent ones (5xx replies) are not retried.
pub fn send_mail(m: &Mail, retry: &Retry) -> Outcome {
    use crate::input::config::notify::SmtpTls;
    use lettre::transport::smtp::client::{Tls, TlsParameters};
    use lettre::Transport;
    let s = m.settings;
    let msg = match message(m) {
        Ok(msg) => msg,
        Err(reason) => {
            return Outcome::Failed {
                attempts: 0,
                reason,
            }
        }
    };
    let tls = match s.tls {
        SmtpTls::None => Tls::None,
        t => match TlsParameters::new(s.smtp_host.clone()) {
            Ok(p) if t == SmtpTls::Implicit => Tls::Wrapper(p),
            Ok(p) => Tls::Required(p),
            Err(_) => {
                return Outcome::Failed {
                    attempts: 0,
                    reason: "TLS set-up failed".into(),
                }
            }
        },
    };
    let mut builder = lettre::SmtpTransport::builder_dangerous(s.smtp_host.as_str())
        .port(s.smtp_port)
        .tls(tls)
        .timeout(Some(TIMEOUT));
    if let (Some(user), Some(pass)) = (&s.username, &m.password) {
        builder = builder.credentials(lettre::transport::smtp::authentication::Credentials::new(
            user.clone(),
            pass.clone(),
        ));
    }
    let transport = builder.build();
    let mut n = 0;
    loop {
        n += 1;
        match transport.send(&msg) {
            Ok(_) => return Outcome::Sent { attempts: n },
            Err(e) => {
                // lettre's messages hold the server's reply, never the password.
                let reason = format!("SMTP: {}", crate::diag::printable(&e.to_string()));
                if e.is_permanent() || n >= retry.attempts {
                    return Outcome::Failed {
                        attempts: n,
                        reason,
                    };
                }
                std::thread::sleep(retry.wait(n, None));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let r = Retry {
            attempts: 5,
            second: Duration::from_millis(1000),
            base: 1,
            cap: 60,
        };
        assert_eq!(r.wait(1, None), Duration::from_secs(1));
        assert_eq!(r.wait(2, None), Duration::from_secs(2));
        assert_eq!(r.wait(4, None), Duration::from_secs(8));
        assert_eq!(r.wait(30, None), Duration::from_secs(60));
        assert_eq!(r.wait(1, Some(7)), Duration::from_secs(7));
        assert_eq!(r.wait(1, Some(100_000)), Duration::from_secs(60));
    }

    #[test]
    fn signature_matches_a_known_value() {
        // Python: hmac.new(b"whsec-unit", b'1700000000.{"version":1}', hashlib.sha256).hexdigest()
        assert_eq!(
            signature(b"whsec-unit", 1_700_000_000, br#"{"version":1}"#),
            "709c292d6fdc91f551eba8487d290a7d69ab48a1450df9d0c9e03e390d1ac2c5"
        );
    }

    #[test]
    fn urls() {
        assert!(check_url("https://hooks.slack.com/services/x").is_ok());
        assert!(check_url("http://127.0.0.1:9/x").is_ok());
        assert!(check_url("http://hooks.example.com/x").is_err());
        assert!(check_url("ftp://x/").is_err());
        assert!(check_url("SLACK_URL").is_err());
    }
}
