//! `cargo bench`: how long each stage takes on the shipped input, and how publish grows with
//! synthetic plans of 1,000 and 10,000 tasks. Prints figures; asserts nothing (targets are
//! judged from the figures, not in timed tests). `cargo bench -- --quick` stops after the
//! shipped input and the Typst comparison.

mod synth;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// Runs `fengong publish` in `dir` and returns (wall time, peak resident memory in MiB, read
/// from /proc while it runs).
fn publish_process(dir: &Path) -> (Duration, f64) {
    publish_process_with(dir, &["--fresh"])
}

/// [`publish_process`] with other options: without `--fresh`, unchanged PDF and XLSX files
/// are taken from the previous output.
fn publish_process_with(dir: &Path, options: &[&str]) -> (Duration, f64) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(["publish", "input", "-o", "output"])
        .args(options)
        .current_dir(dir)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn fengong");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            for line in status.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kib: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak_kib = peak_kib.max(kib);
                }
            }
        }
        if let Ok(Some(status)) = child.try_wait() {
            assert!(status.success(), "publish failed in {}", dir.display());
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (start.elapsed(), peak_kib as f64 / 1024.0)
}

fn dir_bytes(dir: &Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            files += 1;
            bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    (files, bytes)
}

fn main() {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!("fengong benchmark — {cores} cores, release build");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("input");

    // Warm the font cache and the page cache once, as a second publish in a session would be.
    let _ = fengong::check(&input);

    let (checked, t_check) = time(|| fengong::check(&input).expect("seed"));
    println!(
        "seed: ingest + check           {:>8.1} ms  ({} tasks, {} findings)",
        ms(t_check),
        checked.plan.tasks.len(),
        checked.report.diagnostics.len()
    );
    let project = fengong::Project::open(&input).expect("project");
    let templates = fengong::templates::Templates::load(None).expect("templates");
    let fonts = fengong::render::pdf::fonts::FontSet::load(
        &fengong::render::pdf::fonts::FontSearch::for_project(
            &project.root,
            &project.input_dir,
            &project.config.fonts,
        ),
    )
    .expect("fonts");
    let previous = fengong::output::reuse::PreviousOutput::none();
    let word_fonts = fengong::render::docx::WordFonts::standard();
    let assets = fengong::compose::Assets {
        templates: &templates,
        fonts: &fonts,
        word_fonts: &word_fonts,
        previous: &previous,
    };
    let (docs, t_compose) = time(|| {
        let docs = std::sync::Mutex::new(Vec::new());
        fengong::compose::compose_into(&checked.plan, &checked.report, &assets, &|d| {
            docs.lock().expect("lock").push(d);
            Ok(())
        })
        .expect("compose");
        let mut docs = docs.into_inner().expect("lock");
        docs.sort_by(|a, b| a.path.cmp(&b.path));
        docs
    });
    println!(
        "seed: compose all documents     {:>8.1} ms  ({} files)",
        ms(t_compose),
        docs.len()
    );
    let mut by_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for d in &docs {
        let key = format!("{:?}/{}", d.kind, d.format.extension());
        let e = by_kind.entry(key).or_default();
        e.0 += 1;
        e.1 += d.bytes.len();
    }
    for (kind, (n, bytes)) in &by_kind {
        println!(
            "      {kind:<22} {n:>4} files {:>10.1} KB",
            *bytes as f64 / 1024.0
        );
    }
    // Shaping alone: every character of the seed looked up in its font.
    let seed_text = std::fs::read_to_string(input.join("嘉发改〔2025〕14号.md")).expect("seed");
    let style =
        fengong::render::pdf::text::Style::new(fengong::render::pdf::fonts::Role::Body, 16.0);
    let (_, t) =
        time(|| fengong::render::pdf::text::shape(&fonts, style, &seed_text).expect("shape"));
    println!(
        "seed: shape {} characters     {:>8.1} ms",
        seed_text.chars().count(),
        ms(t)
    );
    let sheets = fengong::view::TaskSheet::all(&checked.plan);
    let sheet_md = templates
        .render("unit_sheet.md.tera", &sheets[0])
        .expect("md");
    let (_, t) = time(|| {
        fengong::render::pdf::flow::document(
            &fengong::render::pdf::flow::blocks(&sheet_md).expect("blocks"),
            &fonts,
            &info_for_bench(),
            fengong::render::pdf::layout::Geometry::landscape(),
            10.5,
            &fengong::render::pdf::flow::Charts::new(),
        )
        .expect("pdf")
    });
    println!(
        "seed: one unit sheet PDF        {:>8.1} ms  ({})",
        ms(t),
        sheets[0].unit
    );
    // Single renders, for the per-format figures.
    let view = fengong::view::TaskTableView::new(&checked.plan);
    let md = templates.render("table.md.tera", &view).expect("md");
    let info = fengong::render::pdf::DocInfo {
        title: "t".into(),
        author: "a".into(),
        subject: None,
        date: jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0),
        id: "bench".into(),
    };
    let (_, t) = time(|| {
        fengong::render::pdf::task_table(
            &fengong::render::pdf::flow::blocks(&md).expect("blocks"),
            &fonts,
            &info,
        )
        .expect("pdf")
    });
    println!("seed: 任务分工表.pdf              {:>8.1} ms", ms(t));
    let props =
        fengong::render::xlsx::properties("t", "a", jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0))
            .expect("props");
    let (_, t) = time(|| fengong::render::xlsx::task_table(&view, &props).expect("xlsx"));
    println!("seed: 任务分工表.xlsx             {:>8.1} ms", ms(t));
    let (_, t) = time(|| templates.render("table.md.tera", &view).expect("md"));
    println!("seed: 任务分工表.md               {:>8.1} ms", ms(t));
    let (_, t) = time(|| {
        fengong::render::docx::document(
            &fengong::render::blocks::blocks(&md).expect("blocks"),
            &word_fonts,
            &info,
            fengong::render::docx::PageSetup::landscape(12.0),
            &fengong::render::docx::Charts::new(),
        )
        .expect("docx")
    });
    println!("seed: 任务分工表.docx             {:>8.1} ms", ms(t));

    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("input")).expect("mkdir");
    for entry in std::fs::read_dir(&input).expect("input").flatten() {
        if entry.path().is_file() {
            std::fs::copy(
                entry.path(),
                dir.path().join("input").join(entry.file_name()),
            )
            .expect("copy");
        }
    }
    let mut best = Duration::MAX;
    let mut peak = 0.0f64;
    for _ in 0..5 {
        let (t, p) = publish_process(dir.path());
        best = best.min(t);
        peak = peak.max(p);
    }
    let (files, bytes) = dir_bytes(&dir.path().join("output"));
    println!(
        "seed: whole publish (process)   {:>8.1} ms best of 5, peak {:.0} MiB, {files} files, {:.1} MB (--fresh: everything laid out)",
        ms(best),
        peak,
        bytes as f64 / 1e6
    );
    // What the 发改委 does all day: publish again, unchanged or after editing one task.
    let mut best = Duration::MAX;
    for _ in 0..5 {
        best = best.min(publish_process_with(dir.path(), &[]).0);
    }
    println!(
        "seed: republish, nothing changed {:>7.1} ms best of 5 (every PDF/XLSX reused)",
        ms(best)
    );
    let seed_file = dir.path().join("input/嘉发改〔2025〕14号.md");
    let original = std::fs::read_to_string(&seed_file).expect("seed");
    let edited = original.replacen(
        "完善青少年心理服务链条。\t",
        "完善全区青少年心理服务链条。\t",
        1,
    );
    assert_ne!(original, edited, "task 33's text not found");
    let mut best = Duration::MAX;
    for round in 0..6 {
        let text = if round % 2 == 0 { &edited } else { &original };
        std::fs::write(&seed_file, text).expect("write");
        best = best.min(publish_process_with(dir.path(), &[]).0);
    }
    std::fs::write(&seed_file, &original).expect("write");
    println!(
        "seed: republish after editing one task {:>5.1} ms best of 6 (notice, table, 2 unit sheets laid out again)",
        ms(best)
    );

    // The seed with its 示例 returns: the two evaluations on top of the publish above.
    copy_tree(&input.join("returns"), &dir.path().join("input/returns"));
    let mut best = Duration::MAX;
    for _ in 0..3 {
        best = best.min(publish_process(dir.path()).0);
    }
    let (files, bytes) = dir_bytes(&dir.path().join("output"));
    println!(
        "seed + 示例 returns: publish    {:>8.1} ms best of 3, {files} files, {:.1} MB (2 evaluations, 41 packets + index; --fresh)",
        ms(best),
        bytes as f64 / 1e6
    );
    let mut best = Duration::MAX;
    for _ in 0..3 {
        best = best.min(publish_process_with(dir.path(), &[]).0);
    }
    println!(
        "seed + 示例 returns: republish  {:>8.1} ms best of 3 (nothing changed)",
        ms(best)
    );

    typst_comparison(&checked.plan, &fonts, &templates);
    // `cargo bench -- --quick`: the shipped input and Typst only.
    if std::env::args().any(|a| a == "--quick") {
        return;
    }
    returns_benchmark();

    let mut previous: Option<(usize, Duration)> = None;
    for (tasks, units) in [(1_000usize, 100usize), (10_000, 1_000)] {
        let (document, config) = synth::plan(tasks, units);
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("input")).expect("mkdir");
        std::fs::write(dir.path().join("input/plan.md"), document).expect("write");
        std::fs::write(dir.path().join("input/fengong.toml"), config).expect("write");
        let (t, peak) = publish_process(dir.path());
        let (files, bytes) = dir_bytes(&dir.path().join("output"));
        print!(
            "synthetic {tasks:>6} tasks × {units:>5} units: publish {:>7.2} s, peak {peak:.0} MiB, {files} files, {:.0} MB",
            t.as_secs_f64(),
            bytes as f64 / 1e6
        );
        if let Some((n, t0)) = previous {
            print!(
                "  ({:.1}× the time for {:.0}× the tasks)",
                t.as_secs_f64() / t0.as_secs_f64(),
                tasks as f64 / n as f64
            );
        }
        println!();
        previous = Some((tasks, t));
    }
}

/// The peer a user might pick instead: Typst compiling the same 任务分工表 (A4 landscape,
/// header repeated, section rows, group cells spanning their rows), once with Noto Serif SC
/// (the reference) and once with FandolFang (the 仿宋 fengong ships), beside fengong's
/// own table PDF. Skipped with a note when `typst` is not installed (`cargo install typst-cli`).
fn typst_comparison(
    plan: &fengong::model::Plan,
    fonts: &fengong::render::pdf::fonts::FontSet,
    templates: &fengong::templates::Templates,
) {
    let Ok(version) = Command::new("typst").arg("--version").output() else {
        println!("typst: not installed (cargo install typst-cli) — comparison skipped");
        return;
    };
    let view = fengong::view::TaskTableView::new(plan);
    let md = templates.render("table.md.tera", &view).expect("md");
    let info = info_for_bench();
    let mut ours = Vec::new();
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let (bytes, t) = time(|| {
            fengong::render::pdf::task_table(
                &fengong::render::pdf::flow::blocks(&md).expect("blocks"),
                fonts,
                &info,
            )
            .expect("pdf")
        });
        best = best.min(t);
        ours = bytes;
    }
    println!(
        "table: fengong 任务分工表.pdf      {:>8.1} ms in process, {:.0} KB",
        ms(best),
        ours.len() as f64 / 1024.0
    );
    let dir = tempfile::tempdir().expect("tmp");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (label, body) in [
        ("Noto Serif SC", "Noto Serif SC"),
        ("FandolFang", "FandolFang"),
    ] {
        let source = dir.path().join("table.typ");
        std::fs::write(&source, typst_source(&view, body)).expect("write");
        let pdf = dir.path().join("table.pdf");
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let started = Instant::now();
            let out = Command::new("typst")
                .args(["compile", "--ignore-system-fonts", "--font-path"])
                .arg(root.join("fonts"))
                .arg(&source)
                .arg(&pdf)
                .output()
                .expect("typst");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            best = best.min(started.elapsed());
        }
        let size = std::fs::metadata(&pdf).expect("pdf").len();
        let pages = Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
            })
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0);
        println!(
            "table: {} ({label:<13})  {:>8.1} ms process, {:.0} KB{}",
            String::from_utf8_lossy(&version.stdout).trim(),
            ms(best),
            size as f64 / 1024.0,
            if pages > 0 {
                format!(", {pages} pages")
            } else {
                String::new()
            }
        );
    }
}

/// The 任务分工表 as Typst markup, body text in `body`.
fn typst_source(view: &fengong::view::TaskTableView, body: &str) -> String {
    let quote = |s: &str| format!("[#\"{}\"]", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::new();
    out.push_str(&format!(
        "#set page(paper: \"a4\", flipped: true, margin: (x: 36mm, y: 27mm), footer: context align(center)[— #counter(page).display() —])\n\
         #set text(font: \"{body}\", size: 12pt, lang: \"zh\")\n\
         #align(center, text(font: \"Noto Serif SC\", weight: \"bold\", size: 20pt){})\n\
         #table(columns: (6em, 3em, 1fr, 16em), align: (center + horizon, center + horizon, left, left),\n\
         table.header(..([主要事项], [序号], [具体内容], [责任单位]).map(c => text(font: \"Noto Sans SC\", c))),\n",
        quote(&view.title)
    ));
    for section in &view.sections {
        out.push_str(&format!(
            "table.cell(colspan: 4, text(font: \"Noto Sans SC\", {})),\n",
            quote(&section.heading)
        ));
        for group in &section.groups {
            for (i, task) in group.tasks.iter().enumerate() {
                if i == 0 {
                    out.push_str(&format!(
                        "table.cell(rowspan: {}, {}),\n",
                        group.tasks.len(),
                        quote(&group.label)
                    ));
                }
                out.push_str(&format!(
                    "[{}], {}, {},\n",
                    task.no,
                    quote(&task.content),
                    quote(&task.units)
                ));
            }
        }
    }
    out.push_str(")\n");
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// 1,000 returned forms: a synthetic plan of 2,000 tasks and 1,000 departments (+ 12 towns),
/// every unit's real return form filled by the sample generator, then read and evaluated.
fn returns_benchmark() {
    let (document, config) = synth::plan(2_000, 1_000);
    let dir = tempfile::tempdir().expect("tmp");
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::write(input.join("plan.md"), document).expect("write");
    std::fs::write(input.join("fengong.toml"), config).expect("write");
    let checked = fengong::check(&input).expect("synthetic plan");
    let period =
        fengong::model::Period::new("2025-半年度", fengong::model::PeriodKind::MidYear, 2025);
    let (files, t_make) = time(|| {
        fengong::samples::sample_returns(&checked.plan, &period, &Default::default())
            .expect("forms")
    });
    let folder = input.join("returns").join(&period.label);
    let mut bytes = 0;
    for file in &files {
        let path = folder.join(&file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &file.bytes).expect("write");
        bytes += file.bytes.len();
    }
    let rules = checked.project.config.evaluation.clone();
    let (evaluation, t_eval) = time(|| {
        let read = fengong::ingest::returns::read_folder(&folder).expect("read");
        fengong::evaluate::evaluate(&checked.plan, &rules, period.clone(), read)
    });
    let used = evaluation.files.iter().filter(|f| f.outcome.used()).count();
    println!(
        "returns: {} forms ({:.1} MB) generated in {:.2} s; read + evaluated in {:.2} s ({used} used, {} tasks, {} units)",
        files.len(),
        bytes as f64 / 1e6,
        t_make.as_secs_f64(),
        t_eval.as_secs_f64(),
        evaluation.tasks.len(),
        evaluation.units.len()
    );
    let out = dir.path().join("out");
    let started = Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(["evaluate"])
        .arg(&folder)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("fengong evaluate");
    assert!(status.success());
    println!(
        "returns: `fengong evaluate` of {} forms, report PDF/MD/XLSX included: {:.2} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}

fn info_for_bench() -> fengong::render::pdf::DocInfo {
    fengong::render::pdf::DocInfo {
        title: "t".into(),
        author: "a".into(),
        subject: None,
        date: jiff::civil::date(2025, 1, 1).at(0, 0, 0, 0),
        id: "bench-sheet".into(),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
