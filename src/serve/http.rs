//! The preview's HTTP side: GET and HEAD of the in-memory build, the site's 404 page for
//! anything else, and `/__afterword/events`, the Server-Sent Events stream that tells pages to
//! reload. Only paths of the built site can be answered: the build is a map in memory, and a
//! request path is decoded segment by segment, refusing `..`, `.`, encoded slashes,
//! backslashes and NUL before it is looked up.
//!
//! Every request, the event stream included, must name the server in its `Host` header (see
//! [`Hosts`]): a page on another origin that rebinds its own domain name to 127.0.0.1 (DNS
//! rebinding) gets 421 Misdirected Request, not the drafts.

use super::State;
use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// The event stream's path.
pub const EVENTS: &str = "/__afterword/events";

/// The `Host` values the preview answers: `localhost`, the loopback addresses (`127.0.0.1`,
/// `[::1]`) and the address it is bound to (with `--bind 0.0.0.0` or `::`, any IP address,
/// since each of the machine's is then the bound address), each with the serve port. Browsers
/// leave the port out only for port 80, so a `Host` without a port is accepted only then.
/// A domain name other than `localhost` is refused, whatever it resolves to: DNS rebinding
/// needs one, while an IP address cannot be rebound.
#[derive(Debug, Clone)]
pub struct Hosts {
    pub bound: std::net::IpAddr,
    pub port: u16,
}

impl Hosts {
    pub fn allows(&self, host: &str) -> bool {
        let (name, port) = match host.strip_prefix('[') {
            // `[::1]:1111`: brackets around an IPv6 address.
            Some(rest) => match rest.split_once(']') {
                Some((ip, after)) => match after {
                    "" => (ip, None),
                    _ => match after.strip_prefix(':') {
                        Some(p) => (ip, Some(p)),
                        None => return false,
                    },
                },
                None => return false,
            },
            None => match host.split_once(':') {
                Some((n, p)) => (n, Some(p)),
                None => (host, None),
            },
        };
        let port_ok = match port {
            None => self.port == 80,
            Some(p) => p.parse::<u16>().ok() == Some(self.port) && !p.starts_with('+'),
        };
        let name_ok = if host.starts_with('[') {
            name.parse::<std::net::Ipv6Addr>()
                .is_ok_and(|ip| self.ip_ok(ip.into()))
        } else {
            name.eq_ignore_ascii_case("localhost")
                || name
                    .parse::<std::net::Ipv4Addr>()
                    .is_ok_and(|ip| self.ip_ok(ip.into()))
        };
        port_ok && name_ok
    }

    fn ip_ok(&self, ip: std::net::IpAddr) -> bool {
        ip.is_loopback() || ip == self.bound || self.bound.is_unspecified()
    }
}

/// 421 unless the request is for this server ([`Hosts`]): the `Host` header, and the
/// authority of an absolute request URI when there is one.
async fn check_host(
    AxState(hosts): AxState<Arc<Hosts>>,
    req: Request,
    next: axum::middleware::Next,
) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("(not text)"));
    let authority = req.uri().authority().map(|a| a.as_str());
    let ok = match (host, authority) {
        (Some(h), a) => hosts.allows(h) && a.is_none_or(|a| hosts.allows(a)),
        (None, Some(a)) => hosts.allows(a),
        (None, None) => false,
    };
    if ok {
        return next.run(req).await;
    }
    let mut r = (
        StatusCode::MISDIRECTED_REQUEST,
        format!(
            "misdirected request: afterword serve answers only requests for localhost:{0}, 127.0.0.1:{0} or [::1]:{0} (its own address); this one was for `{1}`\n",
            hosts.port,
            host.or(authority).unwrap_or("no host").escape_debug()
        ),
    )
        .into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// Serve until Ctrl-C, then close every connection (event streams included) and return.
pub fn run(listener: std::net::TcpListener, state: Arc<State>, hosts: Hosts) -> Result<(), String> {
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let app = Router::new()
            .route(EVENTS, axum::routing::get(events))
            .fallback(file)
            .layer(axum::middleware::from_fn_with_state(
                Arc::new(hosts),
                check_host,
            ))
            .with_state((state, stop_rx));
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
                eprintln!("\nStopping.");
                let _ = stop_tx.send(true);
            })
            .await
            .map_err(|e| e.to_string())
    })
}

type Shared = (Arc<State>, tokio::sync::watch::Receiver<bool>);

/// `retry`, then `hello` with the current generation, then `reload` after every rebuild.
async fn events(
    AxState((state, stop)): AxState<Shared>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let rx = state.events.subscribe();
    let hello = state.generation.load(Ordering::SeqCst);
    let first = Event::default()
        .event("hello")
        .data(hello.to_string())
        .retry(std::time::Duration::from_millis(500));
    let stream = futures_util::stream::unfold((Some(first), rx), move |(first, mut rx)| {
        let mut stop = stop.clone();
        async move {
            if let Some(e) = first {
                return Some((Ok(e), (None, rx)));
            }
            loop {
                tokio::select! {
                    r = rx.recv() => match r {
                        Ok(g) => {
                            let e = Event::default().event("reload").data(g.to_string());
                            return Some((Ok(e), (None, rx)));
                        }
                        // Missed events: one reload covers them all.
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(_) => return None,
                    },
                    _ = stop.wait_for(|s| *s) => return None,
                }
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The build's key for a request path, or `None` when the path is not one a build could have
/// made: `..` or `.` segments, encoded `/` or `\`, NUL, invalid UTF-8, empty segments.
pub fn resolve(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let (dir, is_dir) = match rest.strip_suffix('/') {
        Some(d) => (d, true),
        None => (rest, rest.is_empty()),
    };
    let mut segs = Vec::new();
    if !dir.is_empty() {
        for raw in dir.split('/') {
            let seg = percent_encoding::percent_decode_str(raw)
                .decode_utf8()
                .ok()?;
            if seg.is_empty() || seg == "." || seg == ".." || seg.contains(['/', '\\', '\0']) {
                return None;
            }
            segs.push(seg.into_owned());
        }
    }
    let mut key = segs.join("/");
    if is_dir {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

async fn file(AxState((state, _)): AxState<Shared>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = req.uri().path().to_string();
    let files = super::read(&state.files).clone();
    let found = resolve(&path).and_then(|k| files.get(k.as_str()).map(|f| (k, f.bytes.clone())));
    match found {
        Some((key, bytes)) => respond(&state, StatusCode::OK, &key, &bytes),
        None => {
            // `/incidents/x` → `/incidents/x/`, as static hosts do.
            if let Some(k) = resolve(&format!("{path}/")) {
                if !path.ends_with('/') && files.contains_key(k.as_str()) {
                    let q = req
                        .uri()
                        .query()
                        .map(|q| format!("?{q}"))
                        .unwrap_or_default();
                    let loc = format!("{path}/{q}");
                    let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
                    if let Ok(v) = HeaderValue::from_str(&loc) {
                        r.headers_mut().insert(header::LOCATION, v);
                    }
                    return r;
                }
            }
            match files.get("404.html") {
                Some(f) => respond(&state, StatusCode::NOT_FOUND, "404.html", &f.bytes.clone()),
                None => respond(
                    &state,
                    StatusCode::NOT_FOUND,
                    "404.html",
                    b"<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1></body></html>",
                ),
            }
        }
    }
}

/// A file with its content type; HTML gets the reload script and, after a failed build,
/// the error overlay.
fn respond(state: &State, status: StatusCode, key: &str, bytes: &[u8]) -> Response {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let ctype = match mime.type_() {
        mime_guess::mime::TEXT => format!("{}; charset=utf-8", mime.essence_str()),
        _ if mime.essence_str() == "application/json"
            || mime.essence_str() == "application/xml"
            || mime.essence_str() == "image/svg+xml" =>
        {
            format!("{}; charset=utf-8", mime.essence_str())
        }
        _ => mime.essence_str().to_string(),
    };
    let body = if is_html {
        let generation = state.generation.load(Ordering::SeqCst);
        let problems = super::read(&state.problems).clone();
        inject(bytes, generation, problems.as_deref())
    } else {
        bytes.to_vec()
    };
    let mut r = Response::new(Body::from(body.clone()));
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&ctype) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// Add the overlay and the reload script before `</body>` (or at the end).
pub fn inject(html: &[u8], generation: u64, overlay: Option<&str>) -> Vec<u8> {
    let script = format!(
        "<script>(()=>{{const g=\"{generation}\";const s=new EventSource(\"{EVENTS}\");\
s.addEventListener(\"hello\",e=>{{if(e.data!==g)location.reload()}});\
s.addEventListener(\"reload\",()=>location.reload());}})();</script>"
    );
    let extra = format!("{}{script}", overlay.unwrap_or(""));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_never_escape_the_build() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(
            resolve("/incidents/a-b/").as_deref(),
            Some("incidents/a-b/index.html")
        );
        assert_eq!(resolve("/feed.xml").as_deref(), Some("feed.xml"));
        assert_eq!(resolve("/caf%C3%A9.txt").as_deref(), Some("café.txt"));
        for bad in [
            "/../site.toml",
            "/incidents/../../site.toml",
            "/%2e%2e/site.toml",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/incidents%2F..%2F..%2Fsite.toml",
            "/incidents/%2e%2e%2fsite.toml",
            "/a%5C..%5Csite.toml",
            "/a/./b",
            "/a//b",
            "/a%00b",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_requests_for_this_server_are_answered() {
        let local = Hosts {
            bound: [127, 0, 0, 1].into(),
            port: 1111,
        };
        for good in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(local.allows(good), "{good}");
        }
        for bad in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "localhost:1112",
            "localhost",
            "127.0.0.1",
            "127.0.0.1:+1111",
            "127.0.0.1:01111x",
            "192.168.1.5:1111",
            "[::1]",
            "[::1]x:1111",
            "[evil.example]:1111",
            "::1:1111",
            "",
            ":1111",
        ] {
            assert!(!local.allows(bad), "{bad}");
        }
        // Port 80: browsers send no port.
        let eighty = Hosts {
            bound: [127, 0, 0, 1].into(),
            port: 80,
        };
        assert!(eighty.allows("localhost") && eighty.allows("127.0.0.1:80"));
        assert!(!eighty.allows("evil.example"));
        // Bound to every address: any IP address of the machine, still no other name.
        let all = Hosts {
            bound: [0, 0, 0, 0].into(),
            port: 1111,
        };
        assert!(all.allows("192.168.1.5:1111") && all.allows("[fe80::1]:1111"));
        assert!(!all.allows("evil.example:1111"));
        let lan = Hosts {
            bound: [192, 168, 1, 5].into(),
            port: 1111,
        };
        assert!(lan.allows("192.168.1.5:1111") && !lan.allows("192.168.1.6:1111"));
    }

    #[test]
    fn inject_goes_before_the_last_body_end() {
        let out = inject(
            b"<html><body><p>x</p></body></html>",
            3,
            Some("<div>o</div>"),
        );
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("<html><body><p>x</p><div>o</div><script>"));
        assert!(s.contains("const g=\"3\""));
        assert!(s.ends_with("</script></body></html>"));
    }
}
