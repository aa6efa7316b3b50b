//! The file store: uploaded files on disk, named by the SHA-256 of their
//! content (`files/ab/abcdef…`). A file is written to a temporary name and
//! renamed into place, so a crash never leaves half a file under a real
//! name; a name never comes from the user.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::domain::upload::{CONTENT_HEAD, CONTENT_TAIL};

/// Files kept under one directory.
#[derive(Clone, Debug)]
pub struct FileStore {
    root: PathBuf,
}

/// The SHA-256 of bytes, in hex.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl FileStore {
    /// A store under `root` (created when first written to).
    pub fn new(root: impl Into<PathBuf>) -> FileStore {
        FileStore { root: root.into() }
    }

    /// Where the file with this hash lives; `None` for anything that is not
    /// a hash (so no path can be smuggled in).
    pub fn path(&self, hash: &str) -> Option<PathBuf> {
        is_hash(hash).then(|| self.root.join(&hash[..2]).join(hash))
    }

    /// Stores bytes and returns their hash. Storing the same bytes twice
    /// keeps one file.
    pub async fn put(&self, bytes: Vec<u8>) -> std::io::Result<String> {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || put_blocking(&root, &bytes))
            .await
            .map_err(std::io::Error::other)?
    }

    /// A new scratch file in the store's temporary folder, open for
    /// reading and writing. Its name is removed at once, so it leaves
    /// nothing behind: the data goes when the handle is dropped.
    pub fn scratch(&self) -> std::io::Result<std::fs::File> {
        let dir = self.root.join("tmp");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{}.scratch", uuid::Uuid::new_v4().simple()));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        std::fs::remove_file(&path)?;
        Ok(file)
    }

    /// Stores a spooled upload (streamed from its scratch file, never read
    /// into memory whole) and returns its hash.
    pub async fn put_spooled(&self, spooled: Spooled) -> std::io::Result<String> {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || put_file_blocking(&root, spooled.file))
            .await
            .map_err(std::io::Error::other)?
    }

    /// Removes the stored files whose hash is not in `referenced` and that
    /// were last written before `before` (a file just stored may not have
    /// its row yet). Returns how many files and bytes went. Left-over
    /// temporary files older than `before` go too.
    pub async fn sweep(
        &self,
        referenced: std::collections::HashSet<String>,
        before: std::time::SystemTime,
    ) -> std::io::Result<(u64, u64)> {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || sweep_blocking(&root, &referenced, before))
            .await
            .map_err(std::io::Error::other)?
    }

    /// Reads a stored file.
    pub async fn read(&self, hash: &str) -> std::io::Result<Vec<u8>> {
        let path = self
            .path(hash)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "not a content hash"))?;
        tokio::fs::read(path).await
    }
}

fn put_blocking(root: &Path, bytes: &[u8]) -> std::io::Result<String> {
    let hash = content_hash(bytes);
    place(root, &hash, |out| out.write_all(bytes))?;
    Ok(hash)
}

fn put_file_blocking(root: &Path, mut file: std::fs::File) -> std::io::Result<String> {
    file.rewind()?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    let hash = hex(&hasher.finalize());
    place(root, &hash, |out| {
        file.rewind()?;
        std::io::copy(&mut file, out).map(drop)
    })?;
    Ok(hash)
}

/// Puts the content named `hash` in place, written by `write` into a
/// temporary file renamed once complete; a file already there is touched
/// instead, so the sweep of unreferenced files (which spares recent ones)
/// cannot take it before the row that refers to it is in.
fn place(
    root: &Path,
    hash: &str,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = root.join(&hash[..2]);
    let target = dir.join(hash);
    if target.exists() {
        return std::fs::File::options()
            .write(true)
            .open(&target)?
            .set_modified(std::time::SystemTime::now());
    }
    std::fs::create_dir_all(&dir)?;
    let temp_dir = root.join("tmp");
    std::fs::create_dir_all(&temp_dir)?;
    let temp = temp_dir.join(format!("{}.part", uuid::Uuid::new_v4().simple()));
    let written = (|| {
        let mut out = std::fs::File::create(&temp)?;
        write(&mut out)?;
        out.sync_all()?;
        std::fs::rename(&temp, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// An upload being received: its bytes go to an unlinked scratch file as
/// they arrive, so a request that waits for its turn holds only its first
/// and last bytes in memory (what the content check reads), however large
/// the file and however many wait.
pub struct Spool {
    file: tokio::fs::File,
    size: u64,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Spool {
    /// A spool on a new scratch file of `store`.
    pub fn new(store: &FileStore) -> std::io::Result<Spool> {
        Ok(Spool {
            file: tokio::fs::File::from_std(store.scratch()?),
            size: 0,
            head: Vec::new(),
            tail: Vec::new(),
        })
    }

    /// Appends bytes.
    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.file.write_all(chunk).await?;
        self.size += chunk.len() as u64;
        if self.head.len() < CONTENT_HEAD {
            let wanted = (CONTENT_HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..wanted]);
        }
        self.tail.extend_from_slice(chunk);
        if self.tail.len() > 2 * CONTENT_TAIL {
            self.tail.drain(..self.tail.len() - CONTENT_TAIL);
        }
        Ok(())
    }

    /// Bytes written.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Done writing.
    pub async fn finish(mut self) -> std::io::Result<Spooled> {
        self.file.flush().await?;
        let file = self.file.into_std().await;
        let keep = self.tail.len().min(CONTENT_TAIL);
        self.tail.drain(..self.tail.len() - keep);
        Ok(Spooled {
            file,
            size: self.size,
            head: self.head,
            tail: self.tail,
        })
    }
}

/// A received upload on disk.
pub struct Spooled {
    file: std::fs::File,
    /// Its size in bytes.
    pub size: u64,
    /// Its first bytes (up to [`CONTENT_HEAD`]).
    pub head: Vec<u8>,
    /// Its last bytes (up to [`CONTENT_TAIL`]).
    pub tail: Vec<u8>,
}

impl Spooled {
    /// Reads the whole file into memory (blocking: for the work queue's
    /// jobs, which decode it there).
    pub fn read_all(mut self) -> std::io::Result<Vec<u8>> {
        self.file.rewind()?;
        let mut bytes = Vec::with_capacity(usize::try_from(self.size).unwrap_or(0));
        self.file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

fn sweep_blocking(
    root: &Path,
    referenced: &std::collections::HashSet<String>,
    before: std::time::SystemTime,
) -> std::io::Result<(u64, u64)> {
    let (mut files, mut bytes) = (0, 0);
    let Ok(dirs) = std::fs::read_dir(root) else {
        return Ok((0, 0));
    };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        let temporary = name == "tmp";
        if !(temporary || (name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit()))) {
            continue;
        }
        for file in std::fs::read_dir(dir.path())?.flatten() {
            let file_name = file.file_name().to_string_lossy().into_owned();
            let keep = if temporary {
                // Scratch files are unlinked at once; `.part` files are
                // renamed within the second they are written.
                false
            } else {
                !is_hash(&file_name) || referenced.contains(&file_name)
            };
            if keep {
                continue;
            }
            let Ok(meta) = file.metadata() else { continue };
            if meta.modified().map_or(true, |m| m >= before) {
                continue;
            }
            if std::fs::remove_file(file.path()).is_ok() {
                files += 1;
                bytes += meta.len();
            }
        }
    }
    Ok((files, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn unreferenced_files_go_once_they_are_old_enough() {
        let dir = std::env::temp_dir().join(format!("tb-sweep-{}", uuid::Uuid::new_v4().simple()));
        let store = FileStore::new(&dir);
        let kept = store.put(b"giu lai".to_vec()).await.unwrap();
        let orphan = store.put(b"bo di".to_vec()).await.unwrap();
        let referenced: std::collections::HashSet<String> = [kept.clone()].into();
        let now = std::time::SystemTime::now();
        let past = now - std::time::Duration::from_secs(3600);
        assert_eq!(store.sweep(referenced.clone(), past).await.unwrap().0, 0, "too recent");
        let later = now + std::time::Duration::from_secs(5);
        assert_eq!(store.sweep(referenced.clone(), later).await.unwrap(), (1, 5));
        assert!(store.read(&orphan).await.is_err());
        assert_eq!(store.read(&kept).await.unwrap(), b"giu lai");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_spooled_upload_is_stored_whole_from_its_scratch_file() {
        let dir = std::env::temp_dir().join(format!("tb-spool-{}", uuid::Uuid::new_v4().simple()));
        let store = FileStore::new(&dir);
        let content: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let mut spool = Spool::new(&store).unwrap();
        for chunk in content.chunks(7_000) {
            spool.write(chunk).await.unwrap();
        }
        assert_eq!(spool.size(), 300_000);
        let spooled = spool.finish().await.unwrap();
        assert_eq!(spooled.head, content[..CONTENT_HEAD]);
        assert_eq!(spooled.tail, content[content.len() - CONTENT_TAIL..]);
        let hash = store.put_spooled(spooled).await.unwrap();
        assert_eq!(hash, content_hash(&content));
        assert_eq!(store.read(&hash).await.unwrap(), content);
        // A short one, read back whole.
        let mut spool = Spool::new(&store).unwrap();
        spool.write(b"xin").await.unwrap();
        spool.write(b" chao").await.unwrap();
        let spooled = spool.finish().await.unwrap();
        assert_eq!(
            (spooled.head.as_slice(), spooled.tail.as_slice()),
            (&b"xin chao"[..], &b"xin chao"[..])
        );
        assert_eq!(spooled.read_all().unwrap(), b"xin chao");
        let leftovers = std::fs::read_dir(dir.join("tmp")).unwrap().count();
        assert_eq!(leftovers, 0, "scratch files leave nothing behind");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn files_are_stored_once_under_their_hash() {
        let dir = std::env::temp_dir().join(format!("tb-files-{}", uuid::Uuid::new_v4().simple()));
        let store = FileStore::new(&dir);
        let hash = store.put(b"xin chao".to_vec()).await.unwrap();
        assert_eq!(hash, content_hash(b"xin chao"));
        assert_eq!(store.put(b"xin chao".to_vec()).await.unwrap(), hash);
        assert_eq!(store.read(&hash).await.unwrap(), b"xin chao");
        assert!(store.path("../../etc/passwd").is_none());
        assert!(store.path(&hash.to_uppercase()).is_none());
        let leftovers = std::fs::read_dir(dir.join("tmp")).unwrap().count();
        assert_eq!(leftovers, 0, "no temporary file is left behind");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
