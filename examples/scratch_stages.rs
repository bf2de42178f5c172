use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap().with_timezone(&chrono::Utc);
    let t = Instant::now();
    let (raws, _d) = afterword::load::load(&root.join("content"));
    eprintln!("load {:?}", t.elapsed());
    drop(raws);
    let t = Instant::now();
    let (site, _d) = afterword::build::analyze(&root, None, false, now).unwrap();
    eprintln!("analyze {:?}", t.elapsed());
    let site = site.unwrap();
    let t = Instant::now();
    let sink = afterword::output::MemorySink::default();
    afterword::build::render_site(&site, now, false, &sink).unwrap();
    eprintln!("render {:?}", t.elapsed());
}
