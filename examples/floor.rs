//! The floor a build is measured against: read every file of `content/`, parse its front matter
//! and render its Markdown to memory, in parallel, with no validation, templates or writes.
//!
//! ```sh
//! cargo run --release --example floor -- /tmp/corpus-10k
//! ```

use rayon::prelude::*;

fn main() {
    let root = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: floor SITE_DIR (a folder with content/)"),
    );
    let t = std::time::Instant::now();
    let (raws, diags) = afterword::input::load::load(&root.join("content"));
    let html: usize = raws
        .par_iter()
        .map(|r| afterword::util::markdown::render_body(r.body()).html.len())
        .sum();
    println!(
        "floor: {} files ({} problems), {} bytes of HTML in {:.3} s",
        raws.len(),
        diags.0.len(),
        html,
        t.elapsed().as_secs_f64()
    );
}
