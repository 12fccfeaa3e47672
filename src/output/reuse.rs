//! Reusing the previous publish. The 发改委 republishes after every edit, and laying out 40-odd
//! PDFs with their fonts is most of a publish; yet an edit to one task changes only the notice,
//! the table and the sheets of that task's units. So every PDF and XLSX carries a *source key*
//! in `manifest.json`: a hash of everything it is made from (its Markdown or view, its
//! metadata, the font files, and this build of fengong). A publish into a folder whose
//! manifest lists a file with the same path and key takes that file's bytes instead of laying
//! it out again — after checking them against the manifest's SHA-256, so a file edited,
//! stamped or truncated since is made afresh. The output is byte for byte what a fresh
//! publish writes; `--fresh` ignores the previous output altogether.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::base::diag::Result;
use crate::base::hash::{BUILD_ID, hex};

/// The files of the previous publish that may be reused, and counts of what was.
#[derive(Debug, Default)]
pub struct PreviousOutput {
    dir: PathBuf,
    /// path → (source key, sha256 of the bytes).
    files: HashMap<String, (String, String)>,
    reused: AtomicUsize,
    made: AtomicUsize,
}

#[derive(Deserialize)]
struct ManifestEntries {
    files: Vec<ManifestEntry>,
}

#[derive(Deserialize)]
struct ManifestEntry {
    path: String,
    sha256: String,
    #[serde(default)]
    source: Option<String>,
}

impl PreviousOutput {
    /// Nothing to reuse: every document is made afresh.
    pub fn none() -> PreviousOutput {
        PreviousOutput::default()
    }

    /// The previous publish in `out_dir`, if its manifest can be read; anything else (no
    /// folder, no manifest, a manifest of an older fengong) means nothing to reuse.
    pub fn open(out_dir: &Path) -> PreviousOutput {
        let Ok(text) = std::fs::read(out_dir.join("manifest.json")) else {
            return PreviousOutput::none();
        };
        let Ok(manifest) = serde_json::from_slice::<ManifestEntries>(&text) else {
            return PreviousOutput::none();
        };
        PreviousOutput {
            dir: out_dir.to_path_buf(),
            files: manifest
                .files
                .into_iter()
                .filter_map(|f| Some((f.path, (f.source?, f.sha256))))
                .collect(),
            ..PreviousOutput::default()
        }
    }

    /// The source key of a document made from `parts` (in order).
    pub fn key(parts: &[&[u8]]) -> String {
        let mut hash = Sha256::new();
        hash.update(BUILD_ID.as_bytes());
        for part in parts {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        hex(&hash.finalize())
    }

    /// The bytes of the document at `path` with source key `key`: the previous file's when it
    /// has the same key and its bytes still match the manifest, else what `make` returns.
    pub fn get_or_make(
        &self,
        path: &str,
        key: &str,
        make: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<Vec<u8>> {
        if let Some(bytes) = self.previous(path, key) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Ok(bytes);
        }
        self.made.fetch_add(1, Ordering::Relaxed);
        make()
    }

    fn previous(&self, path: &str, key: &str) -> Option<Vec<u8>> {
        let (source, sha256) = self.files.get(path)?;
        if source != key {
            return None;
        }
        let file = crate::output::contained(&self.dir, path).ok()?;
        let bytes = std::fs::read(file).ok()?;
        (hex(&Sha256::digest(&bytes)) == *sha256).then_some(bytes)
    }

    /// How many documents were taken from the previous output.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// How many reusable documents had to be made afresh.
    pub fn made(&self) -> usize {
        self.made.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn previous_with(dir: &Path, path: &str, bytes: &[u8], key: &str) -> PreviousOutput {
        std::fs::write(dir.join(path), bytes).unwrap();
        let manifest = serde_json::json!({
            "files": [{ "path": path, "sha256": hex(&Sha256::digest(bytes)), "source": key }]
        });
        std::fs::write(dir.join("manifest.json"), manifest.to_string()).unwrap();
        PreviousOutput::open(dir)
    }

    #[test]
    fn an_unchanged_document_is_taken_from_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let key = PreviousOutput::key(&[b"markdown", b"info"]);
        let previous = previous_with(dir.path(), "a.pdf", b"old bytes", &key);
        let bytes = previous
            .get_or_make("a.pdf", &key, || panic!("must not lay out"))
            .unwrap();
        assert_eq!(bytes, b"old bytes");
        assert_eq!((previous.reused(), previous.made()), (1, 0));
    }

    #[test]
    fn a_changed_source_or_a_tampered_file_is_made_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let key = PreviousOutput::key(&[b"markdown"]);
        let previous = previous_with(dir.path(), "a.pdf", b"old bytes", &key);
        let other = PreviousOutput::key(&[b"markdown, edited"]);
        let bytes = previous
            .get_or_make("a.pdf", &other, || Ok(b"new".to_vec()))
            .unwrap();
        assert_eq!(bytes, b"new");
        // Same key, but the file was stamped after publishing: its hash no longer matches.
        std::fs::write(dir.path().join("a.pdf"), b"stamped bytes").unwrap();
        let bytes = previous
            .get_or_make("a.pdf", &key, || Ok(b"fresh".to_vec()))
            .unwrap();
        assert_eq!(bytes, b"fresh");
        assert_eq!((previous.reused(), previous.made()), (0, 2));
    }

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(
            PreviousOutput::key(&[b"ab", b"c"]),
            PreviousOutput::key(&[b"a", b"bc"])
        );
    }
}
