//! The binary as users run it: publish, check, exit codes, and what lands in the output.

use crate::common;

use common::*;
use serde_json::Value;

#[test]
fn publish_writes_manifest_model_and_readme() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("已发布"));
    let output = dir.path().join("output");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(output.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"plan.json"));
    for file in files {
        let path = output.join(file["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(file["bytes"].as_u64().unwrap(), bytes.len() as u64);
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(file["sha256"].as_str().unwrap(), hash);
        for key in ["kind", "format", "unit"] {
            assert!(file.get(key).is_some(), "{key}");
        }
    }
    let model: Value =
        serde_json::from_slice(&std::fs::read(output.join("plan.json")).unwrap()).unwrap();
    assert_eq!(model["tasks"].as_array().unwrap().len(), 78);
    // The README the publish writes is the one committed in output/.
    assert_eq!(
        std::fs::read_to_string(output.join("README.md")).unwrap(),
        std::fs::read_to_string(root().join("output/README.md")).unwrap()
    );
    // Nothing but output/ and input/ next to each other: no staging folder left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["input", "output"]);
}

#[test]
fn publish_twice_gives_identical_bytes() {
    let dir = project(&[("plan.md", seed_text().as_bytes())]);
    let read_all = common::read_tree;
    assert!(fengong(dir.path(), &["publish"]).status.success());
    let first = read_all(&dir.path().join("output"));
    assert!(
        fengong(dir.path(), &["publish", "input", "-o", "again"])
            .status
            .success()
    );
    let second = read_all(&dir.path().join("again"));
    assert_eq!(first, second);
}

#[test]
fn check_on_the_shipped_input_exits_zero() {
    let out = fengong(&root(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(said(&out).contains("检查完成：78 项任务"));
    let out = fengong(&root(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(list.is_array());
}

#[test]
fn dump_summary_is_readable() {
    let out = fengong(&root(), &["dump"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("发文字号：嘉发改〔2025〕14号"));
    assert!(text.contains("任务 78 项，部分 4 个，事项 20 个"));
}

#[test]
fn a_missing_input_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let out = fengong(dir.path(), &["check", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nowhere"));
}

/// A mistake on the command line is said in Chinese, with exit code 2; help is Chinese too.
#[test]
fn command_line_mistakes_and_help_are_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = fengong(dir.path(), &["pubish"]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.contains("没有「pubish」这个命令"), "{said}");
    assert!(said.contains("publish"), "{said}");
    assert!(
        !said.contains("error:") && !said.contains("Usage"),
        "{said}"
    );
    let out = fengong(dir.path(), &["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("「xml」无效"), "{}", stderr(&out));
    let out = fengong(dir.path(), &["publish", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("用法：fengong publish [输入] [输出目录] [选项]"),
        "{help}"
    );
    for english in ["Usage", "Print help", "Arguments", "Options", "[default"] {
        assert!(!help.contains(english), "{english} in {help}");
    }
}

#[test]
fn a_bad_config_names_its_line() {
    let dir = project(&[
        ("plan.md", seed_text().as_bytes()),
        ("fengong.toml", b"[plan]\nyear = 2025\ncolour = \"red\"\n"),
    ]);
    let out = fengong(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("input/fengong.toml:3"),
        "{}",
        stderr(&out)
    );
}

/// `fengong init` on a plan that has no config yet: a starter config from the document, after
/// which `check` reports real findings, not a wall of unknown units; never overwritten without
/// --force, and then kept as a backup.
#[test]
fn init_writes_a_starter_config_from_the_document() {
    let docx = std::fs::read(root().join("tests/fixtures/docx/separate_columns.docx")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("plan.docx"), &docx).unwrap();

    let before = fengong(dir.path(), &["check"]);
    let unknown = |out: &std::process::Output| said(out).matches("unit/unknown").count();
    assert!(unknown(&before) >= 10, "{}", said(&before));

    let out = fengong(dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = std::fs::read_to_string(input.join("fengong.toml")).unwrap();
    assert!(config.contains("year = 2025"), "{config}");
    assert!(
        !config.contains("请核对\nyear"),
        "a year the document gives: {config}"
    );
    // Every task has its 完成时限: no default deadline is proposed.
    assert!(!config.contains("default_deadline"), "{config}");
    assert!(config.contains("name = \"区民政局\""), "{config}");
    assert!(
        config.contains("name = \"区残联\"\nkind = \"mass_organisation\""),
        "{config}"
    );
    assert!(
        config.contains("# name = \"各街道办事处\""),
        "a group to fill: {config}"
    );

    let after = fengong(dir.path(), &["check"]);
    assert!(after.status.success(), "{}", stderr(&after));
    let after_text = said(&after);
    assert!(!after_text.contains("unit/unknown"), "{after_text}");
    // The one name left is the group to fill, said as such (not "add it as a unit").
    let unfilled: Vec<&str> = after_text
        .lines()
        .filter(|l| l.contains("unit/group-unfilled"))
        .collect();
    assert!(!unfilled.is_empty(), "{after_text}");
    assert!(
        unfilled
            .iter()
            .all(|l| l.contains("「各街道办事处」代表多个单位")),
        "{unfilled:#?}"
    );

    // A second init leaves the (possibly edited) config alone.
    std::fs::write(input.join("fengong.toml"), format!("{config}\n# 已核对\n")).unwrap();
    let again = fengong(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("已有 fengong.toml"),
        "{}",
        stderr(&again)
    );
    assert!(
        std::fs::read_to_string(input.join("fengong.toml"))
            .unwrap()
            .contains("# 已核对")
    );
    let forced = fengong(dir.path(), &["init", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let backup = std::fs::read_to_string(input.join("fengong.toml.bak")).unwrap();
    assert!(backup.contains("# 已核对"));
    // A config an edit broke is regenerated too, kept beside; what init writes is the
    // user's to edit, readable as any file they make.
    std::fs::write(input.join("fengong.toml"), "[plan\nyear = 2026\n").unwrap();
    let broken = fengong(dir.path(), &["check"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("TOML 写法有误"),
        "{}",
        stderr(&broken)
    );
    let repaired = fengong(dir.path(), &["init", "--force"]);
    assert!(repaired.status.success(), "{}", stderr(&repaired));
    let backup = std::fs::read_to_string(input.join("fengong.toml.bak")).unwrap();
    assert!(backup.starts_with("[plan\n"));
    assert!(fengong(dir.path(), &["check"]).status.code() != Some(2));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(input.join("fengong.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o044, 0o044, "{mode:o}");
    }
}

/// fengong replaces only what it made: a folder that is not empty and not fengong output is
/// refused (exit 2, nothing deleted) unless --force; a target holding the input or the
/// project is refused even with --force; its own output, and a period folder inside it, are
/// replaced as before — unless the user put files there or edited one since.
#[test]
fn publish_never_deletes_what_it_did_not_make() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let root = dir.path();
    std::fs::create_dir_all(root.join("d")).unwrap();
    std::fs::write(root.join("d/mine.txt"), "用户自己的文件").unwrap();

    let out = fengong(root, &["publish", "input", "-o", "d"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("不是 fengong 生成的"),
        "{}",
        stderr(&out)
    );
    assert!(root.join("d/mine.txt").exists());

    for target in ["input", ".", "input/.."] {
        for force in [false, true] {
            let mut args = vec!["publish", "input", "-o", target];
            if force {
                args.push("--force");
            }
            let out = fengong(root, &args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            assert!(
                root.join("input/嘉发改〔2025〕14号.md").exists(),
                "{args:?}"
            );
            assert!(root.join("d/mine.txt").exists(), "{args:?}");
        }
    }

    // An existing file as the output: refused up front, the file untouched, nothing beside.
    std::fs::write(root.join("report.pdf"), "a file").unwrap();
    let before: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    for force in [false, true] {
        let mut args = vec!["publish", "input", "-o", "report.pdf"];
        if force {
            args.push("--force");
        }
        let out = fengong(root, &args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("是一个文件"), "{}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(root.join("report.pdf")).unwrap(),
            "a file"
        );
        let after: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(before, after, "nothing made beside it");
    }

    let out = fengong(root, &["publish", "input", "-o", "output"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = fengong(root, &["publish", "input", "-o", "output"]);
    assert!(again.status.success(), "its own output: {}", stderr(&again));

    // What the user put into fengong's own output, or edited there, is not replaced: the
    // publish is refused naming it. What the system leaves there does not count.
    std::fs::create_dir_all(root.join("output/已盖章")).unwrap();
    std::fs::write(root.join("output/已盖章/通知.pdf"), "盖章扫描件").unwrap();
    std::fs::write(root.join("output/Thumbs.db"), "system").unwrap();
    let kept = fengong(root, &["publish", "input", "-o", "output"]);
    assert_eq!(kept.status.code(), Some(2), "{}", stderr(&kept));
    assert!(stderr(&kept).contains("「已盖章/」"), "{}", stderr(&kept));
    assert!(!stderr(&kept).contains("Thumbs"), "{}", stderr(&kept));
    assert!(root.join("output/已盖章/通知.pdf").exists());
    std::fs::remove_dir_all(root.join("output/已盖章")).unwrap();
    let table = root.join("output/任务分工表.md");
    let edited = format!("{}\n（已核）\n", std::fs::read_to_string(&table).unwrap());
    std::fs::write(&table, &edited).unwrap();
    let kept = fengong(root, &["publish", "input", "-o", "output"]);
    assert_eq!(kept.status.code(), Some(2), "{}", stderr(&kept));
    assert!(
        stderr(&kept).contains("「任务分工表.md」"),
        "{}",
        stderr(&kept)
    );
    assert_eq!(std::fs::read_to_string(&table).unwrap(), edited);
    let forced = fengong(root, &["publish", "input", "-o", "output", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    // An evaluation written into the output, twice, and the output published over it.
    let returns = input_dir().join("returns/2025-半年度");
    for _ in 0..2 {
        let evaluated = fengong(
            root,
            &[
                "evaluate",
                returns.to_str().unwrap(),
                "--input",
                "input",
                "-o",
                "output/评估/2025-半年度",
            ],
        );
        assert!(evaluated.status.success(), "{}", stderr(&evaluated));
    }
    let again = fengong(root, &["publish", "input", "-o", "output"]);
    assert!(again.status.success(), "{}", stderr(&again));

    let forced = fengong(root, &["publish", "input", "-o", "d", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        !root.join("d/mine.txt").exists(),
        "--force replaces, as asked"
    );
}

/// Documents name sources relative to the project (`input/…`), whatever path the input was
/// given as: an absolute home path must not travel in documents sent out.
#[test]
fn an_absolute_input_path_does_not_leak_into_the_documents() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let input = dir.path().join("input").canonicalize().unwrap();
    let out = dir.path().join("output");
    let run = fengong(
        std::path::Path::new("/"),
        &[
            "publish",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let absolute = input.parent().unwrap().to_string_lossy().into_owned();
    for (path, bytes) in read_tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&absolute), "{path} names {absolute}");
    }
    let audit = std::fs::read_to_string(out.join("校对报告.md")).unwrap();
    assert!(audit.contains("input/嘉发改〔2025〕14号.md"));
}

#[test]
fn an_invalid_source_date_epoch_is_an_error() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    for value in ["abc", "1.5e9", "99999999999999999999"] {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_fengong"))
            .arg("publish")
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", value)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{value}");
        assert!(
            stderr(&run).contains("SOURCE_DATE_EPOCH"),
            "{}",
            stderr(&run)
        );
        assert!(!dir.path().join("output").exists());
    }
}

/// The README's first command on a fresh clone: `output/` holds only the committed README,
/// which is fengong's own, so `fengong publish` replaces it (it was refused as a folder
/// fengong did not make). A README someone edited makes it a folder of theirs again.
#[test]
fn a_fresh_clones_output_folder_is_published_into() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let output = dir.path().join("output");
    std::fs::create_dir_all(&output).unwrap();
    let shipped = std::fs::read(root().join("output/README.md")).unwrap();
    std::fs::write(output.join("README.md"), &shipped).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(output.join("manifest.json").exists());

    let project_dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let output = project_dir.path().join("output");
    std::fs::create_dir_all(&output).unwrap();
    let mut edited = shipped.clone();
    edited.extend_from_slice("\n我的笔记\n".as_bytes());
    std::fs::write(output.join("README.md"), &edited).unwrap();
    let out = fengong(project_dir.path(), &["publish"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(output.join("README.md")).unwrap(), edited);
}

/// A plan with a task whose 完成时限 is not written: `init` proposes the year's end only as a
/// comment, so `check` still says which task has none — fengong sets no deadline the source
/// did not.
#[test]
fn init_proposes_no_deadline_the_source_does_not_set() {
    let plan = std::fs::read(root().join("tests/fixtures/notices/years_in_tasks.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("plan.md"), &plan).unwrap();
    let out = fengong(dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = std::fs::read_to_string(input.join("fengong.toml")).unwrap();
    // The year is read from the tasks' texts, and the config says so.
    assert!(
        config.contains("取自任务内容或网页的发布日期，请核对\nyear = 2024"),
        "{config}"
    );
    assert!(
        config.contains("\n# default_deadline = \"2024-12-31\""),
        "{config}"
    );
    let check = said(&fengong(dir.path(), &["check"]));
    let no_deadline: Vec<&str> = check
        .lines()
        .filter(|l| l.contains("plan/no-deadline"))
        .collect();
    assert_eq!(no_deadline.len(), 1, "{check}");
    assert!(no_deadline[0].contains("第 2 项"), "{check}");
}

/// A reader that closes the pipe early (`fengong check | head -1`) ends the output quietly:
/// no panic, no backtrace, the run's own exit code.
#[test]
fn a_closed_pipe_ends_the_output_without_a_panic() {
    for args in [&["check"][..], &["dump"][..]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fengong"))
            .args(args)
            .current_dir(root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run fengong");
        // Closed before the run has read its input, so every line meets a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {said}");
        assert!(!said.contains("panicked"), "{args:?}: {said}");
    }
}

/// A returns folder whose name says no period (收到的/) stops the publish: `check` says so
/// first, so a clean check means the publish runs; the hint names what publish can act on.
#[test]
fn check_finds_the_returns_folder_publish_would_refuse() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let folder = dir.path().join("input/returns/收到的");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        input_dir()
            .join("returns/2025-半年度")
            .read_dir()
            .unwrap()
            .flatten()
            .next()
            .unwrap()
            .path(),
        folder.join("区教育局.xlsx"),
    )
    .unwrap();
    let check = fengong(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1), "{}", said(&check));
    assert!(said(&check).contains("「收到的」"), "{}", said(&check));
    // The publish stops on it as on any error check finds, nothing written.
    let publish = fengong(dir.path(), &["publish"]);
    assert_eq!(publish.status.code(), Some(1), "{}", stderr(&publish));
    assert!(
        stderr(&publish).contains("2025-半年度"),
        "{}",
        stderr(&publish)
    );
    assert!(!dir.path().join("output/任务分工表.pdf").exists());
}

/// Two versions of the plan in one folder stop `init` as they stop `check`; the way out the
/// message gives — `[plan] sources` in fengong.toml — is one `init --force` follows, and it
/// keeps the list in the config it writes.
#[test]
fn init_follows_the_sources_the_config_lists() {
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        (
            "嘉发改〔2025〕14号（征求意见稿）.md",
            seed_text().as_bytes(),
        ),
    ]);
    let input = dir.path().join("input");
    std::fs::remove_file(input.join("fengong.toml")).unwrap();
    let refused = fengong(dir.path(), &["init"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("sources"), "{}", stderr(&refused));
    std::fs::write(
        input.join("fengong.toml"),
        "[plan]\nsources = [\"嘉发改〔2025〕14号.md\"]\n",
    )
    .unwrap();
    let init = fengong(dir.path(), &["init", "--force"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let config = std::fs::read_to_string(input.join("fengong.toml")).unwrap();
    assert!(
        config.contains("sources = [\"嘉发改〔2025〕14号.md\"]"),
        "{config}"
    );
    assert!(config.contains("name = \"区教育局\""), "{config}");
    let check = fengong(dir.path(), &["check"]);
    assert_ne!(check.status.code(), Some(2), "{}", said(&check));
}
