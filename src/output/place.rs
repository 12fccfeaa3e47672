//! Putting a finished output in place, one publish at a time, and finishing what a killed run
//! left beside it. A run owns its staging folder (`.fengong-staging-<pid>-…`) and, during the
//! swap, the old output's backup (`.<name>.old-<pid>`); the process id says whether the run is
//! still alive, so the next run removes what dead runs left and restores an output a crash
//! between the swap's two steps hid.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::base::diag::{Diagnostic, Error, Location, Result};

/// How staging folders are named: this prefix, the process id, `-`, a random part.
pub(super) const STAGING_PREFIX: &str = ".fengong-staging-";

/// Staging folders of this process not yet in place: a signal handler removes them.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set when the process is about to exit on a signal: nothing more is written.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// True once [`remove_unfinished`] has begun.
pub(super) fn stopping() -> bool {
    STOPPING.load(Ordering::SeqCst)
}

/// Makes a new staging folder beside `out_dir`, noted as unfinished before it exists, so a
/// signal at any moment finds it.
pub(super) fn new_staging(out_dir: &Path) -> Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let parent = parent_of(out_dir);
    loop {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir = parent.join(format!("{STAGING_PREFIX}{}-{n}", std::process::id()));
        register(&dir);
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            // Left by an earlier process that had this id: take the next number.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => unregister(&dir),
            Err(e) => {
                unregister(&dir);
                return Err(Error::io(&parent, "创建临时目录", e));
            }
        }
    }
}

/// Notes `dir` as this process's unfinished staging folder.
pub(super) fn register(dir: &Path) {
    if let Ok(mut list) = UNFINISHED.lock() {
        list.push(dir.to_path_buf());
    }
}

/// `dir` is finished (in place) or already removed.
pub(super) fn unregister(dir: &Path) {
    if let Ok(mut list) = UNFINISHED.lock() {
        list.retain(|d| d != dir);
    }
}

/// Removes every unfinished staging folder of this process: what the CLI does on SIGINT or
/// SIGTERM before it exits. Files still being written into one may make a first attempt fail.
pub fn remove_unfinished() {
    STOPPING.store(true, Ordering::SeqCst);
    let list = UNFINISHED.lock().map(|l| l.clone()).unwrap_or_default();
    for dir in list {
        // A file being written as this starts may make an attempt fail; writing has stopped.
        for _ in 0..20 {
            if fs::remove_dir_all(&dir).is_ok() || !dir.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}

/// The folder `out_dir` is in (`.` for a bare name).
pub(super) fn parent_of(out_dir: &Path) -> PathBuf {
    match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn name_of(out_dir: &Path) -> String {
    out_dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into())
}

/// The backup name of `out_dir` while process `pid` swaps it.
pub(super) fn backup_of(out_dir: &Path, pid: u32) -> PathBuf {
    out_dir.with_file_name(format!(".{}.old-{pid}", name_of(out_dir)))
}

/// An exclusive hold on writing `out_dir`, released when dropped: a second publish into the
/// same folder is told it is busy instead of racing the first, while publishes into other
/// folders beside it go on.
#[derive(Debug)]
pub struct TargetLock {
    /// The claim folder beside `out_dir` that says which process writes it.
    claim: PathBuf,
}

impl Drop for TargetLock {
    fn drop(&mut self) {
        let _ = fs::remove_dir(&self.claim);
        unregister(&self.claim);
    }
}

/// The claim folder process `pid` holds while it writes `out_dir`.
fn claim_of(out_dir: &Path, pid: u32) -> PathBuf {
    out_dir.with_file_name(format!(".{}{CLAIM_INFIX}{pid}", name_of(out_dir)))
}

/// Between an output's name and the process id in its claim folder's name.
const CLAIM_INFIX: &str = ".fengong-busy-";

/// Takes the lock of `out_dir`: a claim folder beside it named for this process, made while
/// the folder it is in is locked for a moment (flock on its own descriptor on Unix; a hidden
/// lock file elsewhere), so two runs never both find it free. A claim of a process no
/// longer running is taken over; the claim goes when the lock is dropped, and with the
/// staging folders on a signal, so nothing is left behind.
pub fn lock(out_dir: &Path) -> Result<TargetLock> {
    let parent = parent_of(out_dir);
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, "创建目录", e))?;
    let (file, path) = lock_handle(&parent, out_dir)?;
    let busy = || {
        Error::Input(vec![
            Diagnostic::error(
                "output/busy",
                Location::file(out_dir.display().to_string()),
                "另一个 fengong 正在写入这个输出目录",
            )
            .with_hint("请等它结束后再运行"),
        ])
    };
    // Held for the moment a claim takes; a folder locked for longer (by another program)
    // is said to be busy, never waited on without end.
    let mut tries = 0;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if tries < 200 => tries += 1,
            Err(fs::TryLockError::WouldBlock) => return Err(busy()),
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, "锁定", e)),
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let prefix = format!(".{}{CLAIM_INFIX}", name_of(out_dir));
    for entry in fs::read_dir(&parent).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        match pid_after(&name, &prefix) {
            Some(pid) if alive(pid) => return Err(busy()),
            Some(_) => {
                fs::remove_dir(entry.path()).map_err(|e| Error::io(&entry.path(), "清理", e))?
            }
            None => {}
        }
    }
    let claim = claim_of(out_dir, std::process::id());
    register(&claim);
    match fs::create_dir(&claim) {
        Ok(()) => Ok(TargetLock { claim }),
        Err(e) => {
            unregister(&claim);
            Err(Error::io(&claim, "创建目录", e))
        }
    }
}

#[cfg(unix)]
fn lock_handle(parent: &Path, _: &Path) -> Result<(fs::File, PathBuf)> {
    let file = fs::File::open(parent).map_err(|e| Error::io(parent, "打开", e))?;
    Ok((file, parent.to_path_buf()))
}

#[cfg(not(unix))]
fn lock_handle(parent: &Path, out_dir: &Path) -> Result<(fs::File, PathBuf)> {
    let path = parent.join(format!(".{}.fengong-lock", name_of(out_dir)));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, "打开", e))?;
    Ok((file, path))
}

/// True while process `pid` runs. Where that cannot be told (no `/proc`), every process
/// counts as alive, so nothing of a running publish is ever touched.
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || pid == std::process::id() || proc.join(pid.to_string()).exists()
}

/// The process id in `name` after `prefix` (digits up to the next non-digit).
fn pid_after(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Finishes or undoes what dead runs left beside `out_dir` (call with the lock held): their
/// staging folders are removed; a backup of the old output is put back when the output is
/// missing (the run died between the swap's two renames), removed otherwise.
pub fn recover(out_dir: &Path) -> Result<()> {
    let parent = parent_of(out_dir);
    let Ok(entries) = fs::read_dir(&parent) else {
        return Ok(());
    };
    let backup_prefix = format!(".{}.old-", name_of(out_dir));
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let path = entry.path();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let dead = |prefix: &str| pid_after(&name, prefix).is_some_and(|p| !alive(p));
        if dead(STAGING_PREFIX) {
            fs::remove_dir_all(&path).map_err(|e| Error::io(&path, "清理", e))?;
        } else if dead(&backup_prefix) {
            if out_dir.exists() {
                fs::remove_dir_all(&path).map_err(|e| Error::io(&path, "清理", e))?;
            } else {
                fs::rename(&path, out_dir).map_err(|e| Error::io(&path, "恢复", e))?;
            }
        }
    }
    Ok(())
}

/// Puts the finished folder `staged` in place as `out_dir`. On Linux the two are exchanged in
/// one step (renameat2 with RENAME_EXCHANGE), so there is no moment without an output;
/// elsewhere, or on a filesystem without it, the old output is renamed aside first and put
/// back if the second rename fails.
pub(super) fn swap(staged: &Path, out_dir: &Path) -> Result<()> {
    if out_dir.exists() && exchange(staged, out_dir) {
        // `staged` now holds the old output: the signal handler's to remove if one comes
        // now, and the next run's if removing it fails.
        register(staged);
        let _ = fs::remove_dir_all(staged);
        unregister(staged);
        return Ok(());
    }
    let backup = if out_dir.exists() {
        let backup = backup_of(out_dir, std::process::id());
        if backup.exists() {
            fs::remove_dir_all(&backup).map_err(|e| Error::io(&backup, "删除", e))?;
        }
        fs::rename(out_dir, &backup).map_err(|e| Error::io(out_dir, "移动", e))?;
        Some(backup)
    } else {
        None
    };
    if let Err(e) = fs::rename(staged, out_dir) {
        if let Some(backup) = &backup {
            let _ = fs::rename(backup, out_dir);
        }
        let _ = fs::remove_dir_all(staged);
        return Err(Error::io(out_dir, "写入", e));
    }
    if let Some(backup) = backup {
        fs::remove_dir_all(&backup).map_err(|e| Error::io(&backup, "删除", e))?;
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A process id that is not running (pids stay below 2^22 on Linux).
    const DEAD: u32 = 4_194_000;

    #[test]
    fn what_dead_runs_left_is_cleaned_or_restored() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("output");
        // Died between the two renames: no output, its backup beside.
        let backup = backup_of(&out, DEAD);
        fs::create_dir_all(&backup).unwrap();
        fs::write(backup.join("manifest.json"), "{}").unwrap();
        let stale = root.path().join(format!("{STAGING_PREFIX}{DEAD}-abc"));
        fs::create_dir_all(&stale).unwrap();
        let live = root
            .path()
            .join(format!("{STAGING_PREFIX}{}-abc", std::process::id()));
        fs::create_dir_all(&live).unwrap();
        recover(&out).unwrap();
        assert!(out.join("manifest.json").exists(), "the old output is back");
        assert!(!backup.exists() && !stale.exists());
        assert!(live.exists(), "a running process's folder is left alone");
        // Died after the swap: the new output is there, the backup goes.
        fs::create_dir_all(&backup).unwrap();
        recover(&out).unwrap();
        assert!(!backup.exists() && out.join("manifest.json").exists());
    }

    #[test]
    fn a_second_writer_is_told_it_is_busy() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("output");
        let held = lock(&out).unwrap();
        let Err(Error::Input(list)) = lock(&out) else {
            panic!("a second lock was granted");
        };
        assert_eq!(list[0].code, "output/busy");
        drop(held);
        assert!(lock(&out).is_ok());
    }

    #[test]
    fn folders_side_by_side_are_written_at_once_and_claims_go() {
        let root = tempfile::tempdir().unwrap();
        let a = lock(&root.path().join("a")).unwrap();
        let b = lock(&root.path().join("b")).unwrap();
        // A dead run's claim is taken over.
        let dead = claim_of(&root.path().join("c"), DEAD);
        fs::create_dir_all(&dead).unwrap();
        let c = lock(&root.path().join("c")).unwrap();
        drop((a, b, c));
        let left: Vec<_> = fs::read_dir(root.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn the_swap_leaves_no_window_and_nothing_behind() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("old.txt"), "old").unwrap();
        let staged = root.path().join(format!("{STAGING_PREFIX}1-x"));
        fs::create_dir_all(&staged).unwrap();
        fs::write(staged.join("new.txt"), "new").unwrap();
        swap(&staged, &out).unwrap();
        assert!(out.join("new.txt").exists() && !out.join("old.txt").exists());
        let left: Vec<_> = fs::read_dir(root.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }
}
