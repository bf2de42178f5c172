//! Benchmark: the time from saving one incident file to the reload event that `afterword serve`
//! sends open pages, on a generated site.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example gen-corpus -- --incidents 10000 --out /tmp/corpus-10k
//! cargo run --release --example serve-latency -- --site /tmp/corpus-10k --runs 21
//! ```
//!
//! Each run rewrites one incident (a different one each time, always with new text), then waits
//! for the `reload` event on the event stream. Prints every run and the median, 90th percentile,
//! minimum and maximum. The debounce (quiet time that ends a burst of events) is included.
//!
//! `--edit body` (the default) appends to the postmortem, as when writing one; `--edit front`
//! changes the summary in the front matter, which every list showing the incident displays.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let mut site: Option<PathBuf> = None;
    let mut runs = 21usize;
    let mut bin = PathBuf::from("target/release/afterword");
    let mut front = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().expect("a value");
        match a.as_str() {
            "--site" => site = Some(v.into()),
            "--runs" => runs = v.parse().expect("--runs N"),
            "--bin" => bin = v.into(),
            "--edit" => front = v == "front",
            _ => panic!("unknown argument {a}; usage: --site DIR [--runs N] [--bin PATH]"),
        }
    }
    let site = site.expect("--site DIR (a site from gen-corpus)");
    let mut files: Vec<PathBuf> = std::fs::read_dir(site.join("content"))
        .expect("content/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();

    let t = Instant::now();
    let mut child = Command::new(&bin)
        .args([
            "serve",
            "--port",
            "0",
            "--now",
            "2026-11-21T12:00:00Z",
            "--root",
        ])
        .arg(&site)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (cargo build --release first)", bin.display()));
    let (tx, lines) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    let addr = loop {
        let l = lines
            .recv_timeout(Duration::from_secs(120))
            .expect("serve started");
        if let Some(rest) = l.split(" at http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
        println!("{l}");
    };
    println!(
        "serve ready after {:.2} s at {addr}",
        t.elapsed().as_secs_f64()
    );

    let mut s = TcpStream::connect(&addr).unwrap();
    write!(
        s,
        "GET /__afterword/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let (etx, events) = mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(s).lines().map_while(Result::ok) {
            if l.starts_with("event: reload") && etx.send(Instant::now()).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));

    let mut ms = Vec::new();
    for k in 0..runs {
        let f = &files[(files.len() / 2 + k * 97) % files.len()];
        let text = std::fs::read_to_string(f).unwrap();
        let edited = if front {
            text.replacen(
                "summary = \"",
                &format!("summary = \"Edited in run {k}. "),
                1,
            )
        } else {
            format!("{text}\nEdited in benchmark run {k}.\n")
        };
        assert_ne!(edited, text, "{} has no summary to edit", f.display());
        let t0 = Instant::now();
        std::fs::write(f, edited).unwrap();
        let t1 = events
            .recv_timeout(Duration::from_secs(30))
            .expect("a reload event");
        let d = (t1 - t0).as_secs_f64() * 1000.0;
        ms.push(d);
        std::fs::write(f, text).unwrap();
        // The restore is a change too: let its rebuild pass before the next run.
        events
            .recv_timeout(Duration::from_secs(30))
            .expect("reload");
        std::thread::sleep(Duration::from_millis(150));
        // serve prints its line after the event: the edit's is the first of the two.
        let rebuilt = lines.try_iter().next().unwrap_or_default();
        let _ = lines.try_iter().count();
        println!("run {k:>2}: {d:7.1} ms   {rebuilt}");
    }
    let _ = child.kill();
    let _ = child.wait();
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    println!(
        "\nsave ({} edit) → reload over {} runs on {} files: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
        if front { "front matter" } else { "body" },
        ms.len(),
        files.len(),
        pct(0.5),
        pct(0.9),
        ms[0],
        ms[ms.len() - 1]
    );
}
