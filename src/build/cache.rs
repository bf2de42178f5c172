//! `build`'s on-disk cache (`.afterword/build-cache`): what one build leaves for the next, so
//! that a rebuild does work in proportion to what changed (docs/performance.md).
//!
//! It holds, for the output folder it was made for:
//! - the state of every file of the output (`live`) and of the spare tree beside it
//!   (`spare`, the output before last, which the next build brings up to date in place and
//!   swaps in): each file's [`crate::render`] cache key and its size and modification time;
//! - every incident's search document, by its key.
//!
//! A file is reused only when its key is this render's and the file on disk is as recorded,
//! so the cache can make a build faster but never different. The file starts with a magic
//! line and an xxh3 checksum of the rest, and records afterword's version and a schema
//! number: a file that is damaged, or from another version or output folder, is set aside
//! with a one-line note and the build does everything.

use crate::output::{FileState, TreeState};
use crate::render::{SearchDoc, StoredDoc};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the cache lives, under the site root: beside `afterword notify`'s state.
pub const DIR: &str = ".afterword";
pub const FILE: &str = "build-cache";
const MAGIC: &[u8] = b"afterword build cache\n";
/// Bumped whenever what is stored, or how keys are made, changes shape.
const SCHEMA: u32 = 1;

/// What one build left for the next.
#[derive(Default)]
pub struct BuildCache {
    /// The output folder it describes (absolute).
    pub output: PathBuf,
    pub live: Option<TreeState>,
    pub spare: Option<TreeState>,
    pub search_docs: Vec<(u64, SearchDoc)>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    version: String,
    schema: u32,
    output: String,
    live: Option<Vec<(String, FileState)>>,
    spare: Option<Vec<(String, FileState)>>,
    search_docs: Vec<(u64, StoredDoc)>,
}

/// The cache file of the site at `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(DIR).join(FILE)
}

fn sorted(t: &TreeState) -> Vec<(String, FileState)> {
    let mut v: Vec<(String, FileState)> = t.iter().map(|(k, s)| (k.clone(), *s)).collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Read the cache at `file` for the output folder `output`: `Ok(None)` when there is none,
/// `Err(why)` when there is one that cannot be used (then the build does everything).
pub fn load(file: &Path, output: &Path) -> Result<Option<BuildCache>, String> {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot be read ({e})")),
    };
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("is not an afterword build cache")?;
    let (sum, payload) = rest
        .split_first_chunk::<8>()
        .ok_or("is damaged (cut short)")?;
    if u64::from_le_bytes(*sum) != xxhash_rust::xxh3::xxh3_64(payload) {
        return Err("is damaged (its checksum does not match)".into());
    }
    let stored: Stored = postcard::from_bytes(payload).map_err(|e| format!("is damaged ({e})"))?;
    if stored.version != env!("CARGO_PKG_VERSION") || stored.schema != SCHEMA {
        return Err(format!(
            "was written by afterword {} (this is {})",
            stored.version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    if Path::new(&stored.output) != output {
        // Another output folder (`--output`): not an error, just nothing to reuse.
        return Ok(None);
    }
    let docs = stored
        .search_docs
        .into_iter()
        .map(|(k, d)| Some((k, d.into_doc()?)))
        .collect::<Option<Vec<_>>>()
        .ok_or("is damaged (a search document does not read)")?;
    let tree = |v: Option<Vec<(String, FileState)>>| v.map(|v| v.into_iter().collect());
    Ok(Some(BuildCache {
        output: output.to_path_buf(),
        live: tree(stored.live),
        spare: tree(stored.spare),
        search_docs: docs,
    }))
}

/// Write the cache to `file` atomically (a new file renamed over the old one).
pub fn save(
    file: &Path,
    output: &Path,
    live: Option<&TreeState>,
    spare: Option<&TreeState>,
    search_docs: &[(u64, std::sync::Arc<SearchDoc>)],
) -> std::io::Result<()> {
    let stored = Stored {
        version: env!("CARGO_PKG_VERSION").to_string(),
        schema: SCHEMA,
        output: output.to_string_lossy().into_owned(),
        live: live.map(sorted),
        spare: spare.map(sorted),
        search_docs: search_docs
            .iter()
            .map(|(k, d)| (*k, StoredDoc::from(&**d)))
            .collect(),
    };
    let payload = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".build-cache-")
        .tempfile_in(dir)?;
    tmp.write_all(MAGIC)?;
    tmp.write_all(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes())?;
    tmp.write_all(&payload)?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}
