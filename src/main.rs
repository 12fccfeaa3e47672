//! The `fengong` binary: parse the command line, call the library, print findings in Chinese,
//! choose the exit code (0 done, 1 `check` found errors, 2 could not run).

mod cli;
mod web;

use std::io::Write;
use std::process::ExitCode;

use fengong::{Diagnostic, Error, Severity};

use std::path::PathBuf;

use cli::{CheckFormat, Cli, Command};
use fengong::model::PeriodKind;

// glibc's malloc hands the subsetter's large, growing buffers to fresh mmap'd pages each
// time (a fifth of publish was page faults); mimalloc reuses them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Console output without control characters: data from returned forms and plans is printed,
/// and an ESC in it must not drive the terminal.
/// A reader that stops early (`fengong check … | head -1`) closes the pipe: the rest is
/// not wanted, and no panic reports it.
macro_rules! say {
    ($($arg:tt)*) => {
        write_or_ignore_pipe(
            &mut std::io::stderr().lock(),
            format!("{}\n", fengong::base::glyphs::printable(&format!($($arg)*))).as_bytes(),
        )
    };
}

/// [`say!`] on standard output.
macro_rules! say_out {
    ($($arg:tt)*) => {
        write_or_ignore_pipe(
            &mut std::io::stdout().lock(),
            format!("{}\n", fengong::base::glyphs::printable(&format!($($arg)*))).as_bytes(),
        )
    };
}

fn main() -> ExitCode {
    let cli = cli::parse();
    remove_staging_on_signal();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            report_error(&err);
            match err {
                // The checks found errors: the input is wrong, the run was fine.
                Error::Rejected(_) => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

/// Ctrl-C or a SIGTERM during a publish: its unfinished staging folder is removed before the
/// process exits (a SIGKILL cannot be caught; the next run cleans up after that).
#[cfg(unix)]
fn remove_staging_on_signal() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            fengong::output::place::remove_unfinished();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn remove_staging_on_signal() {}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Dump { input, json } => {
            let checked = fengong::check(&input)?;
            let mut out = std::io::stdout().lock();
            if json {
                let text = fengong::dump(&input)?;
                write_or_ignore_pipe(&mut out, text.as_bytes());
            } else {
                write_or_ignore_pipe(&mut out, summary(&checked.plan).as_bytes());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            project,
            port,
            listen,
        } => {
            web::serve(&project, port, listen)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { input, force } => {
            let path = fengong::init(&input, force)?;
            say!(
                "已生成 {}：请核对单位名录、可能的别称和街镇等分组，然后运行 fengong check",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { eject } => {
            let written = fengong::templates::eject(&eject)?;
            for path in &written {
                say_out!("{}", path.display());
            }
            say!(
                "已导出 {} 个文件到 {}（已有的同名文件未覆盖）；放入项目的 templates/ 目录即可替换内置模板",
                written.len(),
                eject.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { input, format } => check(&input, format),
        Command::Evaluate {
            dir,
            period,
            prefer_latest,
            input,
            output,
            fresh,
            force,
        } => {
            let options = fengong::Options {
                prefer_latest,
                fresh,
                force,
                ..Default::default()
            };
            evaluate(&input, &dir, period.as_deref(), output, &options)
        }
        Command::Publish {
            input,
            output_dir,
            output,
            prefer_latest,
            fresh,
            force,
        } => {
            let options = fengong::Options {
                prefer_latest,
                fresh,
                force,
                ..Default::default()
            };
            let output = output_dir
                .or(output)
                .unwrap_or_else(|| PathBuf::from("output"));
            publish(&input, &output, &options)
        }
    }
}

/// `fengong check`: every finding, then the counts; exit 1 when any is an error.
fn check(input: &std::path::Path, format: CheckFormat) -> Result<ExitCode, Error> {
    let checked = match fengong::check(input) {
        Ok(checked) => checked,
        // A source that cannot be read: scripts get its findings as JSON too (the message
        // still goes to stderr, and the exit code says 2).
        Err(Error::Input(diagnostics)) if matches!(format, CheckFormat::Json) => {
            print_json(&diagnostics)?;
            return Err(Error::Input(diagnostics));
        }
        Err(e) => return Err(e),
    };
    let report = &checked.report;
    match format {
        CheckFormat::Json => print_json(&report.diagnostics)?,
        // The findings are what check makes: on stdout, so `check > 报告.txt` keeps them.
        CheckFormat::Text => {
            for d in &report.diagnostics {
                say_out!("{d}");
            }
            say_out!(
                "检查完成：{} 项任务，错误 {} 条，警告 {} 条，提示 {} 条",
                checked.plan.tasks.len(),
                report.count(Severity::Error),
                report.count(Severity::Warning),
                report.count(Severity::Note)
            );
        }
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Findings as pretty JSON on stdout.
fn print_json(diagnostics: &[fengong::base::diag::Diagnostic]) -> Result<(), Error> {
    let mut text =
        serde_json::to_string_pretty(diagnostics).map_err(|e| Error::Render(e.to_string()))?;
    text.push('\n');
    write_or_ignore_pipe(&mut std::io::stdout().lock(), text.as_bytes());
    Ok(())
}

/// `fengong evaluate DIR`: the period's returns into its report and packets.
fn evaluate(
    input: &std::path::Path,
    dir: &std::path::Path,
    period: Option<&str>,
    output: Option<PathBuf>,
    options: &fengong::Options,
) -> Result<ExitCode, Error> {
    let started = std::time::Instant::now();
    let kind = period.and_then(PeriodKind::detect);
    let label = dir
        .file_name()
        .map(|n| fengong::output::document::safe_file_name(&n.to_string_lossy()))
        .unwrap_or_else(|| "评估".into());
    let output = output.unwrap_or_else(|| PathBuf::from("output").join("评估").join(label));
    let (evaluation, manifest) = fengong::evaluate(input, dir, kind, &output, options)?;
    print_evaluation(&evaluation);
    say!(
        "已写出 {} 个文件到 {}，用时 {:.2} 秒",
        manifest.files.len() + 1,
        output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// `fengong publish`: everything from the input to the output, then what happened to each
/// return, the returns left where they are not read, how the sources were read.
fn publish(
    input: &std::path::Path,
    output: &std::path::Path,
    options: &fengong::Options,
) -> Result<ExitCode, Error> {
    let started = std::time::Instant::now();
    let published = fengong::publish_with(input, output, options)?;
    for evaluation in &published.evaluations {
        print_evaluation(evaluation);
    }
    for stray in &published.stray_returns {
        if stray.is_symlink() {
            say!(
                "{}: 警告: 是快捷方式（符号链接），未读取；请把文件或目录本身放在这里",
                stray.display()
            );
        } else {
            say!(
                "{}: 警告: 不在任何评估期目录中，未读取（请放入如 2025-半年度、2025-年度 的子目录）",
                stray.display()
            );
        }
    }
    let report = &published.report;
    // How the sources were read (converted by LibreOffice, skipped) is said at once.
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("input/"))
    {
        say!("{d}");
    }
    if report.count(Severity::Warning) > 0 {
        say!(
            "警告 {} 条（运行 fengong check 查看详情）",
            report.count(Severity::Warning)
        );
    }
    let reused = if published.reused > 0 {
        format!(
            "（其中 {} 个 PDF/Excel/Word 文件未变，沿用上次输出；--fresh 全部重新生成）",
            published.reused
        )
    } else {
        String::new()
    };
    say!(
        "已发布 {} 个文件到 {}，用时 {:.2} 秒{reused}",
        published.manifest.files.len() + 1,
        output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Every file of a period and what became of it, then the period's summary: nothing read is
/// left unaccounted for.
fn print_evaluation(e: &fengong::evaluate::Evaluation) {
    use fengong::evaluate::Outcome;
    say!("【{}】{} 份文件：", e.period.label, e.files.len());
    for file in &e.files {
        let unit = file.unit.as_deref().unwrap_or("—");
        say!("  {}　{}　{}", file.outcome.label(), unit, file.file);
        if !matches!(file.outcome, Outcome::Accepted) {
            for finding in &file.findings {
                say!("      {}", finding.message);
                for hint in &finding.hints {
                    say!("      提示: {hint}");
                }
            }
        }
    }
    let statuses: Vec<String> = fengong::model::Status::ALL
        .iter()
        .map(|s| format!("{} {}", s.label(), e.count_tasks(*s)))
        .collect();
    say!(
        "【{}】采用 {} 个单位的反馈，未报送或未采用 {} 个{}；任务：{}",
        e.period.label,
        e.units.iter().filter(|u| u.file.is_some()).count(),
        e.missing_units.len(),
        if e.missing_units.is_empty() {
            String::new()
        } else {
            format!("（{}）", e.missing_units.join("、"))
        },
        statuses.join("，")
    );
    if let Some(mismatch) = &e.year_mismatch {
        say!("  注意：{mismatch}");
    }
}

/// A short human summary of the plan, for `dump` without `--json`.
fn summary(plan: &fengong::model::Plan) -> String {
    let mut out = String::new();
    let notice = &plan.notice;
    if let Some(n) = &notice.doc_number {
        out.push_str(&format!("发文字号：{n}\n"));
    }
    if let Some(t) = &notice.title {
        out.push_str(&format!("通知标题：{t}\n"));
    }
    if let Some(t) = &plan.title {
        out.push_str(&format!("方案标题：{t}\n"));
    }
    out.push_str(&format!(
        "任务 {} 项，部分 {} 个，事项 {} 个，责任单位 {} 个\n",
        plan.tasks.len(),
        plan.sections.len(),
        plan.groups().count(),
        plan.units.len()
    ));
    for section in &plan.sections {
        let heading = fengong::view::section_heading(&section.numeral, &section.title);
        // A plan read without parts has one, unnamed.
        out.push_str(if heading.is_empty() {
            "（不分部分）"
        } else {
            &heading
        });
        out.push('\n');
        for group in &section.groups {
            // Numbered as the source numbers it (（一） again under each part), where it does.
            let heading = (group.heading.as_deref().or(group.label.as_deref()))
                .map(|h| h.trim().trim_end_matches(['。', '：', ':']).to_string())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| match group.title.trim() {
                    // No heading in the source: no number made up for it either.
                    "" => "（无小标题）".to_string(),
                    title => format!(
                        "（{}）{title}",
                        fengong::base::cjk::chinese_numeral(group.no)
                    ),
                });
            out.push_str(&format!(
                "  {heading}：{}\n",
                fengong::base::number::task_list(group.tasks.iter().copied())
            ));
        }
    }
    out
}

fn report_error(err: &Error) {
    match err {
        Error::Input(list) | Error::Rejected(list) => {
            for d in list {
                say!("{d}");
            }
            let errors = list
                .iter()
                .filter(|d: &&Diagnostic| d.severity == Severity::Error)
                .count();
            say!("未能完成：错误 {errors} 条，未写出任何文件");
        }
        other => say!("错误: {other}"),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_or_ignore_pipe(out: &mut impl Write, bytes: &[u8]) {
    let _ = out.write_all(bytes).and_then(|_| out.flush());
}
