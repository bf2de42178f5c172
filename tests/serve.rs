//! `afterword serve` end to end: the real binary on a fixture site, a raw HTTP client and a
//! Server-Sent Events reader. Every wait is bounded and ends as soon as its condition holds.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Bounds every wait, so a hung server fails the test instead of stalling it; never a speed
/// limit (each wait ends as soon as its condition holds).
const WAIT: Duration = common::HANG;

/// A running `afterword serve`, stopped with SIGINT (or killed) when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// Lines the server printed on stdout after the URL.
    lines: mpsc::Receiver<String>,
}

impl Server {
    fn start(root: &Path, extra: &[&str]) -> Server {
        Self::start_env(root, extra, &[])
    }

    fn start_env(root: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_afterword"))
            .args([
                "serve",
                "--port",
                "0",
                "--now",
                "2024-06-01T00:00:00Z",
                "--root",
            ])
            .arg(root)
            .args(extra)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start afterword serve");
        let out = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + WAIT;
        let url = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx.recv_timeout(left).expect("serve printed its URL");
            if let Some(rest) = line.split(" at http://").nth(1) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        Server {
            child,
            addr: url.parse().expect("host:port"),
            lines: rx,
        }
    }

    fn get(&self, path: &str) -> Response {
        request(self.addr, "GET", path)
    }

    /// SIGINT, as Ctrl-C sends; the exit status.
    fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill");
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// HTTP/1.1 with `Connection: close`; `path` is sent exactly as given.
fn request(addr: SocketAddr, method: &str, path: &str) -> Response {
    request_raw(
        addr,
        &format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// `head` (request line and headers, ending with an empty line) sent as it is.
fn request_raw(addr: SocketAddr, head: &str) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(WAIT)).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a full response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

/// The event stream, read on a thread: (event, data) pairs.
fn events(addr: SocketAddr) -> mpsc::Receiver<(String, String)> {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET /__afterword/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut event = String::new();
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            // Chunked framing lines (sizes) carry no `:`; event lines do.
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if tx.send((event.clone(), data.to_string())).is_err() {
                    break;
                }
            }
        }
    });
    rx
}

/// Wait for the first `reload` after generation `after`; its generation.
fn reload_after(rx: &mpsc::Receiver<(String, String)>, after: u64) -> u64 {
    let deadline = Instant::now() + WAIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let (event, data) = rx.recv_timeout(left).expect("a reload event in time");
        let g: u64 = data.parse().unwrap();
        if event == "reload" && g > after {
            return g;
        }
    }
}

fn hello(rx: &mpsc::Receiver<(String, String)>) -> u64 {
    let (event, data) = rx.recv_timeout(WAIT).expect("hello");
    assert_eq!(event, "hello");
    data.parse().unwrap()
}

fn site() -> tempfile::TempDir {
    common::fixture_site()
}

#[test]
fn edit_break_fix_delete_with_live_reload() {
    let dir = site();
    let root = dir.path();
    let mut server = Server::start(root, &[]);
    let page = server.get("/incidents/long-outage/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.body.contains("Twelve-hour outage"));
    assert!(page.body.contains("/__afterword/events"), "reload script");
    assert!(!page.body.contains("afterword-overlay"));
    // Drafts are shown in serve; links use the local address.
    assert_eq!(server.get("/incidents/draft/").status, 200);
    let addr = server.addr;
    assert!(server
        .get("/feed.xml")
        .body
        .contains(&format!("http://{addr}/incidents/long-outage/")));

    let ev = events(addr);
    let g0 = hello(&ev);
    let file = root.join("content/long-outage.md");
    let original = std::fs::read_to_string(&file).unwrap();

    // An edit: the new title on the page and on the lists that show it.
    std::fs::write(
        &file,
        original.replace("Twelve-hour outage", "Twelve-hour outage (revised)"),
    )
    .unwrap();
    let g1 = reload_after(&ev, g0);
    assert!(server
        .get("/incidents/long-outage/")
        .body
        .contains("Twelve-hour outage (revised)"));
    assert!(server
        .get("/components/dashboard/")
        .body
        .contains("Twelve-hour outage (revised)"));
    assert!(server
        .get("/")
        .body
        .contains("Twelve-hour outage (revised)"));

    // A broken file: the overlay names the file, line and problem on every page; the last
    // good build is still served.
    std::fs::write(
        &file,
        original.replace("severity = \"critical\"", "severity = \"catastrophic\""),
    )
    .unwrap();
    let g2 = reload_after(&ev, g1);
    let broken = server.get("/incidents/long-outage/");
    assert_eq!(broken.status, 200);
    assert!(broken.body.contains("afterword-overlay"), "{}", broken.body);
    assert!(broken.body.contains("long-outage.md:3:12"), "file:line:col");
    assert!(broken.body.contains("unknown severity"), "the message");
    assert!(
        broken.body.contains("Twelve-hour outage (revised)"),
        "last good build"
    );
    let other = server.get("/incidents/multi-day/");
    assert_eq!(other.status, 200);
    assert!(other.body.contains("Multi-day degradation"));
    assert!(other.body.contains("afterword-overlay"));

    // The fix clears it, without a restart.
    std::fs::write(&file, &original).unwrap();
    let g3 = reload_after(&ev, g2);
    let fixed = server.get("/incidents/long-outage/");
    assert!(!fixed.body.contains("afterword-overlay"));
    assert!(fixed.body.contains("Twelve-hour outage<"));

    // A deleted incident's page is gone: the site's own 404 page answers.
    std::fs::remove_file(root.join("content/multi-day.md")).unwrap();
    reload_after(&ev, g3);
    let gone = server.get("/incidents/multi-day/");
    assert_eq!(gone.status, 404);
    assert!(gone.body.contains("Page not found"), "the site's 404 page");
    assert!(!server.get("/").body.contains("Multi-day degradation"));

    // Ctrl-C stops the server (and its open event stream) cleanly.
    let status = server.interrupt();
    assert!(status.success(), "{status:?}");
}

/// A panic in a rebuild (a bug; the debug build's test hook makes one) is shown in the overlay,
/// the last good build stays served, and the next save rebuilds. Release builds have no hook.
#[cfg(debug_assertions)]
#[test]
fn a_panic_in_a_rebuild_is_an_overlay_and_the_next_save_rebuilds() {
    let dir = site();
    let root = dir.path();
    let server = Server::start_env(root, &[], &[("AFTERWORD_TEST_PANIC", "PANIC-HERE")]);
    let ev = events(server.addr);
    let g0 = hello(&ev);
    let file = root.join("content/long-outage.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{original}\nPANIC-HERE\n")).unwrap();
    let g1 = reload_after(&ev, g0);
    let page = server.get("/incidents/long-outage/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("afterword-overlay"), "{}", page.body);
    assert!(
        page.body
            .contains("afterword hit an internal error while rebuilding: test panic for "),
        "{}",
        page.body
    );
    assert!(page.body.contains("please report it"));
    assert!(page.body.contains("Twelve-hour outage<"), "last good build");
    // The rebuild thread is alive: the next save rebuilds and clears the overlay.
    std::fs::write(
        &file,
        original.replace("Twelve-hour outage", "Twelve-hour outage (after the panic)"),
    )
    .unwrap();
    let g2 = reload_after(&ev, g1);
    let page = server.get("/incidents/long-outage/");
    assert!(!page.body.contains("afterword-overlay"), "{}", page.body);
    assert!(page.body.contains("Twelve-hour outage (after the panic)"));
    // And again, in case the caches were left half-updated.
    std::fs::write(&file, &original).unwrap();
    reload_after(&ev, g2);
    assert!(server
        .get("/incidents/long-outage/")
        .body
        .contains("Twelve-hour outage<"));
}

#[test]
fn a_rename_moves_the_page_and_an_atomic_save_is_one_rebuild() {
    let dir = site();
    let root = dir.path();
    let server = Server::start(root, &[]);
    let ev = events(server.addr);
    let g0 = hello(&ev);
    // Renaming the file changes its slug: the old page goes, the new one comes.
    std::fs::rename(
        root.join("content/long-outage.md"),
        root.join("content/twelve-hours.md"),
    )
    .unwrap();
    let g1 = reload_after(&ev, g0);
    assert_eq!(server.get("/incidents/long-outage/").status, 404);
    assert_eq!(server.get("/incidents/twelve-hours/").status, 200);
    // An editor's atomic save: a swap file, a temp file renamed over the original.
    let file = root.join("content/twelve-hours.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(root.join("content/.twelve-hours.md.swp"), "scratch").unwrap();
    let tmp = root.join("content/twelve-hours.md.tmp");
    std::fs::write(&tmp, text.replace("Twelve-hour outage", "Saved atomically")).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    std::fs::remove_file(root.join("content/.twelve-hours.md.swp")).unwrap();
    let g2 = reload_after(&ev, g1);
    assert!(server
        .get("/incidents/twelve-hours/")
        .body
        .contains("Saved atomically"));
    // One rebuild for the burst: nothing else arrives.
    assert!(
        ev.recv_timeout(Duration::from_millis(500)).is_err(),
        "a second rebuild after generation {g2}"
    );
    let rebuilt: Vec<String> = server.lines.try_iter().collect();
    assert_eq!(
        rebuilt.iter().filter(|l| l.starts_with("Rebuilt")).count(),
        2,
        "{rebuilt:?}"
    );
}

#[test]
fn only_the_built_site_is_served() {
    let dir = site();
    let root = dir.path();
    // A secret beside the site, and a link to it from static/.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/hello.txt"), "hello").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        root.join("static/secret.txt"),
    )
    .unwrap();
    let server = Server::start(root, &["--no-drafts"]);
    let site_toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let title_line = site_toml.lines().next().unwrap();
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/incidents/..%2F..%2Fsite.toml",
        "/incidents%2F..%2F..%2Fsite.toml",
        "/..%5Csite.toml",
        "/static/../site.toml",
        "/content/long-outage.md",
        "/site.toml",
        "/secret.txt",
        "/static/secret.txt",
        "//etc/passwd",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains(title_line), "{path} leaked site.toml");
        assert!(!r.body.contains("TOP-SECRET"), "{path} leaked a file");
        assert!(!r.body.contains("root:"), "{path}");
    }
    // Static files are served with their types; HEAD has the headers and no body.
    let hello = server.get("/hello.txt");
    assert_eq!((hello.status, hello.body.as_str()), (200, "hello"));
    assert_eq!(
        hello.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    let get = server.get("/api/v2/summary.json");
    assert_eq!(
        get.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let head = request(server.addr, "HEAD", "/api/v2/summary.json");
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "");
    assert_eq!(
        head.header("content-length").map(str::to_string),
        Some(get.body.len().to_string())
    );
    assert_eq!(request(server.addr, "POST", "/").status, 405);
    // A folder without its slash redirects, as static hosts do; --no-drafts hides drafts.
    let r = server.get("/history");
    assert_eq!((r.status, r.header("location")), (301, Some("/history/")));
    assert_eq!(server.get("/incidents/draft/").status, 404);
}

/// DNS rebinding: a page on `evil.example` whose name now resolves to 127.0.0.1 sends its own
/// name as `Host`. Only requests naming the server are answered, the event stream included.
#[test]
fn requests_for_another_host_are_misdirected() {
    let dir = site();
    let server = Server::start(dir.path(), &[]);
    let addr = server.addr;
    let port = addr.port();
    let get = |path: &str, host: Option<&str>| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        request_raw(
            addr,
            &format!("GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
        )
    };
    for path in [
        "/",
        "/incidents/draft/",
        "/api/v2/summary.json",
        "/nothing-here",
        "/__afterword/events",
    ] {
        for host in [
            Some("evil.example:1111".to_string()),
            Some(format!("evil.example:{port}")),
            Some(format!("localhost.evil.example:{port}")),
            Some("evil.example".to_string()),
            Some(format!("localhost:{}", port.wrapping_add(1))),
            Some("localhost".to_string()),
            None,
        ] {
            let r = get(path, host.as_deref());
            assert_eq!(r.status, 421, "{path} for {host:?}");
            assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
            assert!(r.body.starts_with("misdirected request: "), "{}", r.body);
            assert!(!r.body.contains("<html"), "{}", r.body);
        }
    }
    // An absolute request URI names the host too.
    let r = request_raw(
        addr,
        &format!("GET http://evil.example:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(r.status, 421);
    // The server's own names are answered.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = get("/incidents/draft/", Some(&host));
        assert_eq!(r.status, 200, "{host}");
        assert_eq!(get("/nothing-here", Some(&host)).status, 404, "{host}");
    }
    // The event stream answers its own host (a forged one got 421 above).
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        s,
        "GET /__afterword/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .unwrap();
    let mut first = String::new();
    BufReader::new(s).read_line(&mut first).unwrap();
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");
}

#[test]
fn a_port_in_use_is_named_with_the_fix() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let dir = site();
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(["serve", "--port", &port, "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{err}"
    );
    assert!(err.contains("--port"), "{err}");
}

#[test]
fn serve_needs_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no site.toml in"), "{err}");
}

#[test]
fn an_output_conflict_is_an_overlay_as_build_would_fail() {
    let dir = site();
    let root = dir.path();
    let server = Server::start(root, &[]);
    let ev = events(server.addr);
    let g0 = hello(&ev);
    let feed = server.get("/feed.xml").body;
    assert!(feed.contains("<feed"), "{feed}");
    // A static file over a generated one: `check` and `build` say E0027, and so does serve.
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/feed.xml"), "mine").unwrap();
    let g1 = reload_after(&ev, g0);
    let page = server.get("/");
    assert!(page.body.contains("afterword-overlay"), "{}", page.body);
    assert!(page.body.contains("E0027"), "{}", page.body);
    assert!(
        server.get("/feed.xml").body.contains("<feed"),
        "the last good build is served"
    );
    std::fs::remove_file(root.join("static/feed.xml")).unwrap();
    reload_after(&ev, g1);
    assert!(!server.get("/").body.contains("afterword-overlay"));
}
