//! Publishes killed at random moments: after every SIGKILL the output folder is complete —
//! the previous or the new one, every file the manifest lists with its hash, nothing else —
//! and the next run leaves no staging folder or backup behind. After SIGTERM or SIGINT
//! nothing is left even before the next run. Unix only (signals).
#![cfg(unix)]

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use sha2::{Digest, Sha256};

/// A small deterministic generator: the moments are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn start(dir: &Path, fresh: bool) -> Child {
    let mut args = vec!["publish"];
    if fresh {
        args.push("--fresh");
    }
    Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(&args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Runs a publish to its end and returns how long it took.
fn timed_publish(dir: &Path) -> Duration {
    timed(dir, true)
}

fn timed(dir: &Path, fresh: bool) -> Duration {
    let began = Instant::now();
    let status = start(dir, fresh).wait().unwrap();
    assert!(status.success());
    began.elapsed()
}

/// The output is whole: the manifest lists exactly the files there, each with its hash.
fn assert_complete(out: &Path, when: &str) {
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join("manifest.json"))
            .unwrap_or_else(|e| panic!("{when}: no manifest ({e})")),
    )
    .unwrap();
    let mut listed = BTreeSet::new();
    for file in manifest["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap();
        let bytes = std::fs::read(out.join(path))
            .unwrap_or_else(|e| panic!("{when}: {path} listed but missing ({e})"));
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(file["sha256"], hash.as_str(), "{when}: {path} differs");
        listed.insert(path.to_string());
    }
    listed.insert("manifest.json".into());
    let present: BTreeSet<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(present, listed, "{when}: files not in the manifest");
}

/// What runs leave beside the output: staging folders, backups and claims.
fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".fengong-staging-")
                || n.starts_with(".output.old-")
                || n.starts_with(".output.fengong-busy-")
        })
        .collect()
}

/// The shipped input; `returns` with its sample returns (two more periods to evaluate).
fn seed_project(returns: bool) -> tempfile::TempDir {
    let dir = project(&[]);
    let input = dir.path().join("input");
    for entry in walkdir::WalkDir::new(input_dir()).into_iter().flatten() {
        let relative = entry.path().strip_prefix(input_dir()).unwrap();
        if !returns && relative.starts_with("returns") {
            continue;
        }
        let target = input.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

#[test]
fn killed_publishes_never_leave_a_broken_output() {
    let dir = seed_project(false);
    let root = dir.path();
    let out = root.join("output");
    let whole = timed_publish(root);
    assert_complete(&out, "first publish");
    // A republish reuses most files and ends sooner: a kill aims within its own run's time.
    let reused = timed(root, false);
    let mut rng = Rng(17);
    let (mut killed, mut tries) = (0, 0);
    while killed < 50 {
        tries += 1;
        assert!(
            tries < 150,
            "only {killed} of {tries} runs were killed in time"
        );
        let fresh = tries % 2 == 0;
        let mut child = start(root, fresh);
        let span = if fresh { whole } else { reused };
        let delay = rng.below(span.as_millis().max(1) as u64);
        std::thread::sleep(Duration::from_millis(delay));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        assert_complete(&out, &format!("after kill {killed} at {delay} ms"));
    }
    // The next run cleans up what the killed ones left.
    assert!(start(root, false).wait().unwrap().success());
    assert_complete(&out, "the run after the kills");
    assert_eq!(leftovers(root), Vec::<String>::new());
}

/// Waits until a publish in `root` is writing (its staging folder exists); false if `child`
/// ended first.
fn wait_until_writing(root: &Path, child: &mut Child) -> bool {
    let staging =
        |root: &Path| (leftovers(root).iter()).any(|n| n.starts_with(".fengong-staging-"));
    while !staging(root) {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    true
}

#[test]
fn an_interrupted_publish_removes_its_staging_folder() {
    let dir = seed_project(true);
    let root = dir.path();
    let out = root.join("output");
    timed_publish(root);
    let mut rng = Rng(29);
    let mut interrupted = 0;
    for i in 0..12 {
        let mut child = start(root, true);
        // While it writes: that is when there is a staging folder to remove.
        wait_until_writing(root, &mut child);
        std::thread::sleep(Duration::from_millis(rng.below(400)));
        let signal = if i % 2 == 0 { "-TERM" } else { "-INT" };
        let pid = child.id().to_string();
        let _ = Command::new("kill").args([signal, &pid]).status();
        let status = child.wait().unwrap();
        if !status.success() {
            interrupted += 1;
            assert!(
                matches!(status.code(), Some(130 | 143)),
                "{signal}: exit {status:?}"
            );
        }
        assert_eq!(leftovers(root), Vec::<String>::new(), "after {signal}");
        assert_complete(&out, &format!("after {signal}"));
    }
    assert!(interrupted >= 6, "only {interrupted} runs were interrupted");
}

/// The claim a publish by process `pid` holds on `root/output` while it writes.
fn output_claim(root: &Path, pid: u32) -> std::path::PathBuf {
    root.join(format!(".output.fengong-busy-{pid}"))
}

#[test]
fn a_second_publish_into_the_same_folder_is_told_it_is_busy() {
    let dir = seed_project(false);
    let root = dir.path();
    timed_publish(root);
    let manifest = std::fs::read(root.join("output/manifest.json")).unwrap();
    // The test claims the output as a running publish does (this process is alive), for as
    // long as it needs: no race with a first publish that might end before the second
    // starts on a loaded machine.
    let claim = output_claim(root, std::process::id());
    std::fs::create_dir(&claim).unwrap();
    let second = fengong(root, &["publish", "--fresh"]);
    std::fs::remove_dir(&claim).unwrap();
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert!(stderr(&second).contains("正在写入"), "{}", stderr(&second));
    assert_complete(&root.join("output"), "after the busy publish");
    assert_eq!(
        std::fs::read(root.join("output/manifest.json")).unwrap(),
        manifest,
        "the busy publish changed the output"
    );
    // Once the claim is gone, a publish runs.
    assert!(fengong(root, &["publish", "--fresh"]).status.success());
}

#[test]
fn a_running_publish_holds_the_lock() {
    let dir = seed_project(false);
    let root = dir.path();
    // Probed the moment the publish writes: one of a few runs is caught holding its claim
    // however loaded the machine.
    let held_by_a_run = (0..5).any(|_| {
        let mut publish = start(root, true);
        let writing = wait_until_writing(root, &mut publish);
        let busy = output_claim(root, publish.id()).is_dir();
        assert!(publish.wait().unwrap().success());
        writing && busy
    });
    assert!(held_by_a_run, "no running publish held the output's lock");
    assert_complete(&root.join("output"), "after the runs");
}
