//! The ledger: which events each channel has had (sent, or decided against), kept in the state
//! file between runs (docs/notify.md#the-ledger). Written whole to a temporary file and renamed
//! over the old one, after every message sent.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const VERSION: u32 = 1;
/// The most a state file may hold.
const MAX_SIZE: u64 = 64 << 20;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    pub version: u32,
    /// Every event the site had at the last run: where a channel added since starts from.
    pub seen: BTreeSet<String>,
    /// Per channel name: the events it has had (delivered, filtered out or too old).
    pub channels: BTreeMap<String, BTreeSet<String>>,
}

impl Ledger {
    /// The ledger at `path`, `None` when there is no file.
    pub fn load(path: &Path) -> Result<Option<Ledger>, String> {
        let shown = crate::util::fsutil::display_path(path)
            .display()
            .to_string();
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{shown}: {e}")),
        };
        if meta.len() > MAX_SIZE {
            return Err(format!("{shown}: larger than {MAX_SIZE} bytes"));
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let l: Ledger = serde_json::from_str(&text)
            .map_err(|e| format!("{shown}: not a notify state file: {e}"))?;
        if l.version != VERSION {
            return Err(format!(
                "{shown}: state file version {} (this afterword reads version {VERSION})",
                l.version
            ));
        }
        Ok(Some(l))
    }

    /// Write the ledger to `path` atomically: a temporary file beside it, renamed over it.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let shown = crate::util::fsutil::display_path(path)
            .display()
            .to_string();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(|e| format!("{shown}: {e}"))?;
        let mut text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        text.push('\n');
        let mut tmp = tempfile::Builder::new()
            .prefix(".notify-state.")
            .tempfile_in(dir)
            .map_err(|e| format!("{shown}: {e}"))?;
        use std::io::Write;
        tmp.write_all(text.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| format!("{shown}: {e}"))?;
        tmp.persist(path)
            .map_err(|e| format!("{shown}: {}", e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_versions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/state.json");
        assert_eq!(Ledger::load(&p).unwrap(), None);
        let mut l = Ledger {
            version: VERSION,
            ..Ledger::default()
        };
        l.seen.insert("incident/a/created".into());
        l.channels
            .entry("ops".into())
            .or_default()
            .insert("incident/a/created".into());
        l.save(&p).unwrap();
        assert_eq!(Ledger::load(&p).unwrap(), Some(l));
        std::fs::write(&p, r#"{"version": 2, "seen": [], "channels": {}}"#).unwrap();
        assert!(Ledger::load(&p).unwrap_err().contains("version 2"));
        std::fs::write(&p, "[]").unwrap();
        assert!(Ledger::load(&p).is_err());
    }
}
