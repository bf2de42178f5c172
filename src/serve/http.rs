//! The preview's HTTP side: GET and HEAD of the in-memory build, the site's 404 page for
//! anything else, and `/__afterword/events`, the Server-Sent Events stream that tells pages to
//! reload. Only paths of the built site can be answered: the build is a map in memory, and a
//! request path is decoded segment by segment, refusing `..`, `.`, encoded slashes,
//! backslashes and NUL before it is looked up.

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

/// Serve until Ctrl-C, then close every connection (event streams included) and return.
pub fn run(listener: std::net::TcpListener, state: Arc<State>) -> Result<(), String> {
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
