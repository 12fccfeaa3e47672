//! fengong (分工) turns a district government's work plan into the documents that run it.
//!
//! # Steps
//!
//! 1. **Ingest** ([`ingest::load`]): the sources of a [`Project`] (Markdown-like text, often
//!    OCR'd; spreadsheets) are decoded and read into one typed [`model::Plan`]: the notice, the
//!    plan's prose, and the tasks of the 任务分工表 with their units and roles. The plan is
//!    never changed after this.
//! 2. **Check** ([`checks::run`]): small functions over the plan report every defect of the
//!    source as a [`base::diag::Diagnostic`] with its place (`file:line` or `file#Sheet!C7`).
//! 3. **Compose** ([`compose::compose_into`]): the plan and the findings become the output
//!    [`output::document::Document`]s; a PDF or workbook whose sources did not change since the last
//!    publish is taken from it ([`output::reuse`]).
//! 4. **Output** ([`output::Staging`]): the only writer; documents go into a folder beside the
//!    target as they are made, which is swapped in whole, with a manifest of hashes.
//!
//! 5. **Evaluate** ([`evaluate::evaluate`]): the forms units returned for a period
//!    ([`ingest::returns`]) are matched through their hidden key, validated, and scored into an
//!    [`evaluate::Evaluation`]; [`compose::evaluation`] turns it into the period's report and,
//!    at year-end, the assessment packets.
//!
//! The CLI (`src/main.rs`) is a thin layer over [`publish`], [`evaluate()`], [`dump`] and [`check`].

#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod base;
pub mod checks;
pub mod compose;
pub mod config;
pub mod evaluate;
pub mod form;
pub mod ingest;
pub mod model;
pub mod output;
pub mod project;
pub mod render;
pub mod samples;
pub mod starter;
pub mod templates;
pub mod view;

use std::path::Path;

pub use base::diag::{Diagnostic, Error, Location, Result, Severity};
pub use project::{Project, RETURNS_DIR};

/// A plan read and checked.
#[derive(Debug)]
pub struct Checked {
    /// The project it came from.
    pub project: Project,
    /// The plan.
    pub plan: model::Plan,
    /// What ingest and the checks found.
    pub report: checks::Report,
}

/// Reads and checks the project at `input` (a folder or a file).
pub fn check(input: &Path) -> Result<Checked> {
    let project = Project::open(input)?;
    let ingested = ingest::load(&project)?;
    let mut report = checks::run(
        &ingested.plan,
        &project.config,
        &ingested.registry,
        &ingested.texts,
        &ingested.diagnostics,
    );
    // Characters the fonts cannot print are found here, so `check` lists them too. Fonts
    // that do not load are the publish's error to report, not the check's.
    if let Ok(fonts) = render::pdf::fonts::FontSet::load(&font_search(&project)) {
        let texts = ingested.plan.texts();
        let texts = texts.iter().map(|(place, text)| (place, *text));
        report.add(base::glyphs::findings(texts, |c| fonts.has_glyph(c)));
    }
    report.add(periods_unnamed(&project, ingested.plan.year));
    Ok(Checked {
        project,
        plan: ingested.plan,
        report,
    })
}

/// The folders of returns whose names say no period (收到的/): what stops a publish, found by
/// `check` too, so a clean check means the publish runs.
fn periods_unnamed(project: &Project, year: Option<i32>) -> Vec<Diagnostic> {
    let returns = project.input_dir.join(RETURNS_DIR);
    let folders = ingest::returns::period_folders(&returns).unwrap_or_default();
    (folders.iter())
        .filter_map(
            |folder| match ingest::returns::period_of(folder, None, year) {
                Err(Error::Input(said)) => Some(said),
                _ => None,
            },
        )
        .flatten()
        .collect()
}

/// The plan as pretty JSON, what `fengong dump --json` prints.
pub fn dump(input: &Path) -> Result<String> {
    let project = Project::open(input)?;
    let ingested = ingest::load(&project)?;
    let bytes = compose::plan_json(&ingested.plan)?;
    String::from_utf8(bytes).map_err(|e| Error::Render(e.to_string()))
}

/// Choices of a publish or an evaluation run beyond the config file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Take a unit's latest return when it sent several (`--prefer-latest`), whatever the
    /// config says.
    pub prefer_latest: bool,
    /// Make every document afresh instead of reusing unchanged ones from the previous
    /// output (`--fresh`).
    pub fresh: bool,
    /// Replace an output folder that is not empty and was not made by fengong (`--force`).
    /// A folder holding the input or the project is refused whatever this says.
    pub force: bool,
    /// Counts the documents as they are written, for a progress display (the web page).
    pub progress: Option<std::sync::Arc<std::sync::atomic::AtomicUsize>>,
}

impl Options {
    /// The scoring rules of the config, with the command line's choices on top.
    fn rules(&self, config: &config::Config) -> config::EvaluationConfig {
        let mut rules = config.evaluation.clone();
        rules.prefer_latest |= self.prefer_latest;
        rules
    }

    /// What may be reused from the output folder's previous contents.
    fn previous_output(&self, out_dir: &Path) -> output::reuse::PreviousOutput {
        if self.fresh {
            output::reuse::PreviousOutput::none()
        } else {
            output::reuse::PreviousOutput::open(out_dir)
        }
    }
}

/// What a publish did.
#[derive(Debug)]
pub struct Published {
    /// The findings (warnings only: a publish with errors writes nothing).
    pub report: checks::Report,
    /// The manifest written.
    pub manifest: output::Manifest,
    /// The evaluations of the period folders under `input/returns/`.
    pub evaluations: Vec<evaluate::Evaluation>,
    /// Files in `input/returns/` outside any period folder: not read, said so.
    pub stray_returns: Vec<std::path::PathBuf>,
    /// PDF and XLSX files taken unchanged from the previous output.
    pub reused: usize,
    /// PDF and XLSX files made afresh.
    pub made: usize,
}

/// Reads, checks and writes everything into `out_dir`. When the checks find errors nothing
/// is written and the errors come back as `Err(Error::Rejected)`.
pub fn publish(input: &Path, out_dir: &Path) -> Result<Published> {
    publish_with(input, out_dir, &Options::default())
}

/// [`publish`] with options.
pub fn publish_with(input: &Path, out_dir: &Path, options: &Options) -> Result<Published> {
    render::source_date_epoch()?;
    // Reading 55 MB of fonts does not depend on the plan: do it while the plan is checked.
    let (checked, assets) = rayon::join(
        || check(input),
        || Project::open(input).and_then(|project| load_assets(&project)),
    );
    let checked = checked?;
    if checked.report.has_errors() {
        return Err(Error::Rejected(
            checked
                .report
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect(),
        ));
    }
    let loaded = assets?.with_previous(options.previous_output(out_dir));
    let fonts = &loaded.fonts;
    let assets = loaded.assets();
    let rules = options.rules(&checked.project.config);
    let returns = checked.project.input_dir.join(RETURNS_DIR);
    let folders = ingest::returns::period_folders(&returns)?;
    // The plan's documents and each period's evaluation are independent and made on every
    // core; each goes into the staging folder as soon as it is made (the manifest is sorted
    // at the end, so scheduling changes nothing), which replaces `out_dir` only when
    // everything succeeded.
    let project = &checked.project;
    output::check_target(out_dir, &[&project.input_dir, &project.root], options.force)?;
    let staging = output::Staging::new(out_dir)?;
    let emit = |document: output::document::Document| {
        staging.put(&document)?;
        if let Some(made) = &options.progress {
            made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    };
    use rayon::prelude::*;
    let (composed, evaluations) = rayon::join(
        || compose::compose_into(&checked.plan, &checked.report, &assets, &emit),
        || {
            folders
                .par_iter()
                .map(|folder| {
                    let period = ingest::returns::period_of(folder, None, checked.plan.year)?;
                    let read = ingest::returns::read_folder(folder)?;
                    let mut evaluation = evaluate::evaluate(&checked.plan, &rules, period, read);
                    evaluation.note_glyphs(|c| fonts.has_glyph(c));
                    compose::evaluation(
                        &checked.plan,
                        &evaluation,
                        &assets,
                        &compose::evaluation_folder(&evaluation),
                    )?
                    .into_iter()
                    .try_for_each(emit)?;
                    Ok(evaluation)
                })
                .collect::<Result<Vec<_>>>()
        },
    );
    composed?;
    let evaluations = evaluations?;
    let plan = output::ManifestPlan {
        title: checked.plan.title.clone(),
        doc_number: checked.plan.notice.doc_number.clone(),
        tasks: checked.plan.tasks.len(),
    };
    let manifest = staging.finish(plan, out_dir)?;
    Ok(Published {
        report: checked.report,
        manifest,
        evaluations,
        stray_returns: ingest::returns::stray_files(&returns),
        reused: loaded.previous.reused(),
        made: loaded.previous.made(),
    })
}

/// What a run loads besides the plan: the templates (embedded, overridden from
/// `templates/`), the fonts, and the previous output that unchanged documents are taken from.
struct Loaded {
    templates: templates::Templates,
    fonts: std::sync::Arc<render::pdf::fonts::FontSet>,
    word_fonts: render::docx::WordFonts,
    previous: output::reuse::PreviousOutput,
}

impl Loaded {
    fn with_previous(mut self, previous: output::reuse::PreviousOutput) -> Loaded {
        self.previous = previous;
        self
    }

    fn assets(&self) -> compose::Assets<'_> {
        compose::Assets {
            templates: &self.templates,
            fonts: &self.fonts,
            word_fonts: &self.word_fonts,
            previous: &self.previous,
        }
    }
}

fn font_search(project: &Project) -> render::pdf::fonts::FontSearch {
    render::pdf::fonts::FontSearch::for_project(
        &project.root,
        &project.input_dir,
        &project.config.fonts,
    )
}

/// The project's templates and fonts, loaded once; nothing reused until
/// [`Loaded::with_previous`].
fn load_assets(project: &Project) -> Result<Loaded> {
    let templates = templates::Templates::load(Some(&project.root.join("templates")))?;
    let fonts = render::pdf::fonts::FontSet::load(&font_search(project))?;
    Ok(Loaded {
        templates,
        fonts,
        word_fonts: word_fonts(project),
        previous: output::reuse::PreviousOutput::none(),
    })
}

/// The font names the Word files ask for: a role's configured font file is named by its
/// family (so Word and WPS find it once installed), the others by the 公文 names.
fn word_fonts(project: &Project) -> render::docx::WordFonts {
    let f = &project.config.fonts;
    let family = |file: &Option<String>| {
        let path = project.input_dir.join(file.as_ref()?);
        render::docx::family_name(&std::fs::read(path).ok()?)
    };
    render::docx::WordFonts::new([
        family(&f.title),
        family(&f.body),
        family(&f.hei),
        family(&f.kai),
        family(&f.song),
    ])
}

/// The `[plan] sources` of the config at `path`, when it reads (a config broken by an edit
/// lists none).
fn kept_sources(path: &Path) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let text = base::decode::decode(&bytes).unwrap_or_default();
    config::Config::parse(&text, &path.display().to_string())
        .map(|c| c.plan.sources)
        .unwrap_or_default()
}

/// Writes a starter `fengong.toml` into the input folder of `input`, read from the plan
/// without any config but the files its `[plan] sources` lists (see [`starter`]); returns
/// its path. An existing config is left alone
/// unless `force`, and then kept beside as `fengong.toml.bak`.
pub fn init(input: &Path, force: bool) -> Result<std::path::PathBuf> {
    // The plan is read as if there were no config: the one there is replaced.
    let mut project = Project::open_without_config(input)?;
    let target = project.input_dir.join(project::CONFIG_FILE);
    if target.exists() && !force {
        return Err(Error::Input(vec![
            Diagnostic::error(
                "init/exists",
                Location::file(target.display().to_string()),
                "已有 fengong.toml，未改动",
            )
            .with_hint("确需按方案重新生成，请加 --force（原文件另存为 fengong.toml.bak）"),
        ]));
    }
    // The files the config there lists are the ones to read (a draft beside the final one):
    // kept, and written into the new config.
    let listed = kept_sources(&target);
    if !listed.is_empty() {
        project.sources = listed.iter().map(|s| project.input_dir.join(s)).collect();
        project.unlisted.clear();
    }
    project.config = config::Config::default();
    project.config_path = None;
    let ingested = ingest::load(&project)?;
    // A year read from the tasks' texts or the web page, not the document's own: said.
    let year_guessed = ingested.diagnostics.iter().any(|d| {
        matches!(
            d.code.as_str(),
            "plan/year-from-tasks" | "plan/year-from-page"
        )
    });
    let mut text = starter::config_for(&ingested.plan, year_guessed);
    if !listed.is_empty() {
        let names: Vec<String> = (listed.iter())
            .map(|s| toml::Value::String(s.clone()).to_string())
            .collect();
        let sources = format!("[plan]\nsources = [{}]\n", names.join(", "));
        text = text.replacen("[plan]\n", &sources, 1);
    }
    // What init writes must read back: a name that broke the TOML would strand the user.
    config::Config::parse(&text, &target.display().to_string())?;
    output::write_config(&target, text.as_bytes())?;
    Ok(target)
}

/// Evaluates one period folder of returned forms against the plan at `input` and writes the
/// period's documents into `out_dir` (replaced whole, like a publish).
pub fn evaluate(
    input: &Path,
    folder: &Path,
    kind: Option<model::PeriodKind>,
    out_dir: &Path,
    options: &Options,
) -> Result<(evaluate::Evaluation, output::Manifest)> {
    render::source_date_epoch()?;
    let checked = check(input)?;
    if !folder.is_dir() {
        return Err(Error::Input(vec![Diagnostic::error(
            "return/no-folder",
            Location::file(folder.display().to_string()),
            "找不到反馈表目录",
        )]));
    }
    let loaded = load_assets(&checked.project)?.with_previous(options.previous_output(out_dir));
    let assets = loaded.assets();
    let rules = options.rules(&checked.project.config);
    let period = ingest::returns::period_of(folder, kind, checked.plan.year)?;
    let read = ingest::returns::read_folder(folder)?;
    let mut evaluation = evaluate::evaluate(&checked.plan, &rules, period, read);
    evaluation.note_glyphs(|c| loaded.fonts.has_glyph(c));
    let documents = compose::evaluation(&checked.plan, &evaluation, &assets, "")?;
    let plan = output::ManifestPlan {
        title: checked.plan.title.clone(),
        doc_number: checked.plan.notice.doc_number.clone(),
        tasks: checked.plan.tasks.len(),
    };
    let project = &checked.project;
    output::check_target(
        out_dir,
        &[&project.input_dir, &project.root, folder],
        options.force,
    )?;
    let manifest = output::publish(&documents, plan, out_dir)?;
    Ok((evaluation, manifest))
}
