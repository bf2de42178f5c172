//! Re-embed the default theme whenever any of its files changes (`include_dir!` alone does not
//! tell cargo to watch the folder).
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src/scaffold");
}
