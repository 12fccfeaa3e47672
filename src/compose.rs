//! Compose: (plan, report) → the documents of the output, each with its path and bytes.

use crate::base::date::DateTime;
use crate::base::diag::{Error, Result};
use crate::checks::Report;
use crate::evaluate::Evaluation;
use crate::model::PeriodKind;
use crate::model::Plan;
use crate::output::document::{Document, Format, Kind, safe_file_name, unit_file_names};
use crate::output::reuse::PreviousOutput;
use crate::render::{self, docx, pdf};
use crate::templates::Templates;
use crate::view::{AuditView, EvaluationView, NoticeView, PacketView, TaskSheet, TaskTableView};

/// What composing needs besides the plan: templates and fonts, loaded once per run, and the
/// previous output to reuse unchanged documents from.
pub struct Assets<'a> {
    /// The templates.
    pub templates: &'a Templates,
    /// The fonts.
    pub fonts: &'a pdf::fonts::FontSet,
    /// The font names the Word files ask for.
    pub word_fonts: &'a docx::WordFonts,
    /// The previous publish into the same folder ([`PreviousOutput::none`] to make all).
    pub previous: &'a PreviousOutput,
}

impl Assets<'_> {
    /// A PDF or XLSX made by `make` from `sources`, or the previous output's file at `path`
    /// when it was made from the same sources (and, for a PDF, the same fonts).
    fn costly(
        &self,
        path: String,
        kind: Kind,
        format: Format,
        unit: Option<String>,
        sources: &[&[u8]],
        make: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<Document> {
        let word_fonts = format!("{:?}", self.word_fonts);
        let mut parts: Vec<&[u8]> = vec![path.as_bytes(), format.extension().as_bytes()];
        // A Word file names its fonts, and the notice's follows the PDF's fit of its pages.
        if matches!(format, Format::Pdf | Format::Docx) {
            parts.push(self.fonts.identity().as_bytes());
        }
        if format == Format::Docx {
            parts.push(word_fonts.as_bytes());
        }
        parts.extend_from_slice(sources);
        let key = PreviousOutput::key(&parts);
        let bytes = self.previous.get_or_make(&path, &key, make)?;
        Ok(Document {
            path,
            kind,
            format,
            unit,
            bytes,
            source: Some(key),
        })
    }
}

/// The blocks of the Markdown `template` produced; a construct the PDF layout cannot set is
/// an error naming the template and the line.
fn laid_out(template: &str, markdown: &str) -> Result<Vec<render::blocks::Block>> {
    render::blocks::blocks(markdown).map_err(|u| u.in_template(template))
}

/// A layout's error, said to come from what `template` produced.
fn in_template(template: &str, error: Error) -> Error {
    match error {
        Error::Render(message) => Error::Render(format!("模板 {template}：{message}")),
        other => other,
    }
}

/// A view or metadata as the bytes of a source key.
fn json(value: &impl serde::Serialize) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::Render(e.to_string()))
}

/// The README written into the output folder (also committed as `output/README.md`).
pub use crate::output::OUTPUT_README;

/// Every document of a publish, each handed to `emit` as soon as it is made (from any core,
/// in no particular order): a publish writes them straight into its staging folder, so the
/// unit sheets of a large plan are never all in memory at once.
pub fn compose_into(
    plan: &Plan,
    report: &Report,
    assets: &Assets<'_>,
    emit: &(dyn Fn(Document) -> Result<()> + Sync),
) -> Result<()> {
    let date = render::document_date(plan);
    // The notice, the table and the unit sheets are independent: lay them all out at once on
    // every core. Results keep their order, so the output does not depend on scheduling.
    use rayon::prelude::*;
    let sheets = TaskSheet::all(plan);
    let names = unit_file_names(plan);
    let ((notice, table), rendered) = rayon::join(
        || {
            rayon::join(
                // A source without a notice gets none: never an empty 红头 (the checks say so).
                || notice_documents(plan, assets, date),
                || table_documents(plan, assets, date),
            )
        },
        || {
            sheets.par_iter().try_for_each(|sheet| {
                let name = names.get(sheet.unit.as_str()).cloned();
                let name = name.unwrap_or_else(|| safe_file_name(&sheet.unit));
                unit_sheet(sheet, &name, plan, assets, date)?
                    .into_iter()
                    .try_for_each(emit)
            })
        },
    );
    let (notice, table) = (notice?, table?);
    rendered?;
    let audit = assets
        .templates
        .render("audit.md.tera", &AuditView::new(plan, report))?;
    let others = [
        plain(
            "校对报告.md",
            Kind::Audit,
            Format::Markdown,
            audit.into_bytes(),
        ),
        plain("plan.json", Kind::Model, Format::Json, plan_json(plan)?),
        plain(
            "README.md",
            Kind::Readme,
            Format::Markdown,
            OUTPUT_README.as_bytes().to_vec(),
        ),
    ];
    notice
        .into_iter()
        .chain(table)
        .chain(others)
        .try_for_each(emit)
}

/// A document that is cheap to make and never reused (Markdown, JSON).
fn plain(path: &str, kind: Kind, format: Format, bytes: Vec<u8>) -> Document {
    Document {
        source: None,
        path: path.into(),
        kind,
        format,
        unit: None,
        bytes,
    }
}

/// The PDF's metadata of a plan-wide document.
fn plan_info(plan: &Plan, title: &str, kind: &str, date: DateTime) -> pdf::DocInfo {
    pdf::DocInfo {
        title: title.to_string(),
        author: plan.notice.issuer.clone().unwrap_or_default(),
        subject: plan.notice.doc_number.clone(),
        date,
        id: format!("{}/{kind}", plan.notice.doc_number.as_deref().unwrap_or("")),
    }
}

/// 通知.md, .pdf and .docx: the notice with its attachment — or, for a source without a
/// notice whose plan has words of its own beyond its table, 方案.md, .pdf and .docx: the
/// plan as itself, so its text is printed somewhere (never an empty 红头 around it).
fn notice_documents(plan: &Plan, assets: &Assets<'_>, date: DateTime) -> Result<Vec<Document>> {
    let (view, stem, kind, id) = if plan.notice.is_made() {
        (NoticeView::new(plan), "通知", Kind::Notice, "notice")
    } else {
        let view = NoticeView::plan_only(plan);
        if !view.plan.has_text && view.plan.after_table.is_empty() {
            return Ok(Vec::new());
        }
        (view, "方案", Kind::Plan, "plan")
    };
    let info = plan_info(plan, &view.title, id, date);
    let markdown = assets.templates.render("notice.md.tera", &view)?;
    let pdf = assets.costly(
        format!("{stem}.pdf"),
        kind,
        Format::Pdf,
        None,
        &[&json(&view)?, &json(&info)?, markdown.as_bytes()],
        || {
            let blocks = laid_out("notice.md.tera", &markdown)?;
            pdf::notice(&view, &blocks, assets.fonts, &info)
        },
    )?;
    let word = assets.costly(
        format!("{stem}.docx"),
        kind,
        Format::Docx,
        None,
        &[&json(&view)?, &json(&info)?, markdown.as_bytes()],
        || {
            let blocks = laid_out("notice.md.tera", &markdown)?;
            let extra = pdf::notice_extra_lines(&view, &blocks, assets.fonts)?;
            docx::notice(&view, &blocks, assets.word_fonts, &info, extra)
        },
    )?;
    let md = plain(
        &format!("{stem}.md"),
        kind,
        Format::Markdown,
        render::markdown::for_word(&markdown).into_bytes(),
    );
    Ok(vec![md, pdf, word])
}

/// 任务分工表.md, .pdf, .xlsx and .docx: the table on its own.
fn table_documents(plan: &Plan, assets: &Assets<'_>, date: DateTime) -> Result<[Document; 4]> {
    let view = TaskTableView::new(plan);
    let info = plan_info(plan, &view.title, "table", date);
    let markdown = assets.templates.render("table.md.tera", &view)?;
    let pdf = assets.costly(
        "任务分工表.pdf".into(),
        Kind::Table,
        Format::Pdf,
        None,
        &[&json(&info)?, markdown.as_bytes()],
        || {
            let blocks = laid_out("table.md.tera", &markdown)?;
            pdf::task_table(&blocks, assets.fonts, &info)
                .map_err(|e| in_template("table.md.tera", e))
        },
    )?;
    let properties = render::xlsx::properties(&view.title, &info.author, date)?;
    let xlsx = assets.costly(
        "任务分工表.xlsx".into(),
        Kind::Table,
        Format::Xlsx,
        None,
        &[&json(&view)?, &json(&(&view.title, &info.author, date))?],
        || render::xlsx::task_table(&view, &properties),
    )?;
    let word = assets.costly(
        "任务分工表.docx".into(),
        Kind::Table,
        Format::Docx,
        None,
        &[&json(&info)?, markdown.as_bytes()],
        || {
            docx::document(
                &laid_out("table.md.tera", &markdown)?,
                assets.word_fonts,
                &info,
                docx::PageSetup::landscape(12.0),
                &docx::Charts::new(),
            )
        },
    )?;
    let md = plain(
        "任务分工表.md",
        Kind::Table,
        Format::Markdown,
        render::markdown::for_word(&markdown).into_bytes(),
    );
    Ok([md, pdf, xlsx, word])
}

/// One unit's task sheet in four formats: Markdown from the template, the PDF and the Word
/// file laid out from that same Markdown, and the XLSX return form.
fn unit_sheet(
    sheet: &TaskSheet,
    file_name: &str,
    plan: &Plan,
    assets: &Assets<'_>,
    date: DateTime,
) -> Result<Vec<Document>> {
    let markdown = assets.templates.render("unit_sheet.md.tera", sheet)?;
    let title = format!("{}任务清单", sheet.unit);
    let author = plan.notice.issuer.clone().unwrap_or_default();
    let info = pdf::DocInfo {
        title: title.clone(),
        author: author.clone(),
        subject: Some(sheet.plan_title.clone()),
        date,
        id: format!("{}/unit-sheet/{}", sheet.plan_id, sheet.unit),
    };
    let stem = format!("任务单/{file_name}");
    let unit = Some(sheet.unit.clone());
    let pdf = assets.costly(
        format!("{stem}.pdf"),
        Kind::UnitSheet,
        Format::Pdf,
        unit.clone(),
        &[&json(&info)?, markdown.as_bytes()],
        || {
            pdf::flow::document(
                &laid_out("unit_sheet.md.tera", &markdown)?,
                assets.fonts,
                &info,
                pdf::layout::Geometry::landscape(),
                10.5,
                &pdf::flow::Charts::new(),
            )
        },
    )?;
    let properties = render::xlsx::properties(&title, &author, date)?;
    let xlsx = assets.costly(
        format!("{stem}.xlsx"),
        Kind::UnitSheet,
        Format::Xlsx,
        unit.clone(),
        &[&json(sheet)?, &json(&(&title, &author, date))?],
        || render::xlsx::unit_sheet(sheet, &properties),
    )?;
    let word = assets.costly(
        format!("{stem}.docx"),
        Kind::UnitSheet,
        Format::Docx,
        unit.clone(),
        &[&json(&info)?, markdown.as_bytes()],
        || {
            docx::document(
                &laid_out("unit_sheet.md.tera", &markdown)?,
                assets.word_fonts,
                &info,
                docx::PageSetup::landscape(10.5),
                &docx::Charts::new(),
            )
        },
    )?;
    let md = Document {
        source: None,
        path: format!("{stem}.md"),
        kind: Kind::UnitSheet,
        format: Format::Markdown,
        unit,
        bytes: render::markdown::for_word(&markdown).into_bytes(),
    };
    Ok(vec![md, pdf, xlsx, word])
}

/// The folder of a period's documents in the output: `评估/<period>`.
pub fn evaluation_folder(e: &Evaluation) -> String {
    format!("评估/{}", safe_file_name(&e.period.label))
}

/// The documents of one period's evaluation, under `folder` (`""` for the top): the report as Markdown,
/// PDF (with charts), Word and XLSX (with native charts); at year-end also one assessment
/// packet per unit and the committee's index packet with every unit's packet bookmarked, each
/// as PDF and Word.
pub fn evaluation(
    plan: &Plan,
    e: &Evaluation,
    assets: &Assets<'_>,
    folder: &str,
) -> Result<Vec<Document>> {
    let view = EvaluationView::new(plan, e);
    let markdown = assets.templates.render("evaluation.md.tera", &view)?;
    let period = PeriodFiles {
        plan,
        folder,
        author: plan.notice.issuer.clone().unwrap_or_default(),
        date: render::document_date(plan),
    };
    let pdfs = period.laid_out(e, &view, &markdown, assets)?;
    // Each of them as PDF and as Word, laid out from the same Markdown, in parallel.
    use rayon::prelude::*;
    let laid_out_documents: Vec<[Document; 2]> = pdfs
        .into_par_iter()
        .map(|laid_out| pdf_and_word(laid_out, &view, assets))
        .collect::<Result<_>>()?;
    let (author, date) = (&period.author, period.date);
    let properties = render::xlsx::properties(&view.title, author, date)?;
    let report_xlsx = assets.costly(
        period.at("评估报告.xlsx"),
        Kind::Evaluation,
        Format::Xlsx,
        None,
        &[&json(&view)?, &json(&(&view.title, author, date))?],
        || render::xlsx::evaluation(&view, &properties),
    )?;
    let mut documents = vec![
        Document {
            source: None,
            path: period.at("评估报告.md"),
            kind: Kind::Evaluation,
            format: Format::Markdown,
            unit: None,
            bytes: render::markdown::for_word(&markdown).into_bytes(),
        },
        report_xlsx,
    ];
    documents.extend(laid_out_documents.into_iter().flatten());
    Ok(documents)
}

/// Where a period's files go and what their properties say.
struct PeriodFiles<'a> {
    plan: &'a Plan,
    folder: &'a str,
    author: String,
    date: DateTime,
}

/// A document of a period laid out from Markdown: its PDF's path, its unit, its template and
/// Markdown, its properties.
struct LaidOut {
    path: String,
    unit: Option<String>,
    template: &'static str,
    kind: Kind,
    markdown: String,
    info: pdf::DocInfo,
}

impl PeriodFiles<'_> {
    fn at(&self, name: &str) -> String {
        if self.folder.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", self.folder)
        }
    }

    fn info(&self, title: String, id: String) -> pdf::DocInfo {
        let plan_id = self.plan.notice.doc_number.clone().unwrap_or_default();
        pdf::DocInfo {
            title,
            author: self.author.clone(),
            subject: self.plan.title.clone(),
            date: self.date,
            id: format!("{plan_id}/{id}"),
        }
    }

    /// The report, and at year-end each unit's packet and the index of them all.
    fn laid_out(
        &self,
        e: &Evaluation,
        view: &EvaluationView,
        markdown: &str,
        assets: &Assets<'_>,
    ) -> Result<Vec<LaidOut>> {
        let mut out = vec![LaidOut {
            path: self.at("评估报告.pdf"),
            unit: None,
            template: "evaluation.md.tera",
            kind: Kind::Evaluation,
            markdown: markdown.to_string(),
            info: self.info(view.title.clone(), format!("evaluation/{}", e.period.label)),
        }];
        if e.period.kind != PeriodKind::YearEnd {
            return Ok(out);
        }
        let mut index = assets.templates.render("packet_index.md.tera", view)?;
        let names = unit_file_names(self.plan);
        for packet in PacketView::all(self.plan, e, view) {
            let packet_md = assets.templates.render("packet.md.tera", &packet)?;
            index.push_str("\n\\newpage\n\n");
            index.push_str(&packet_md);
            let title = format!("{}{}考核材料", packet.unit, packet.period_title);
            let id = format!("packet/{}/{}", e.period.label, packet.unit);
            let file = names
                .get(packet.unit.as_str())
                .cloned()
                .unwrap_or_else(|| safe_file_name(&packet.unit));
            out.push(LaidOut {
                path: self.at(&format!("考核材料/{file}.pdf")),
                unit: Some(packet.unit),
                template: "packet.md.tera",
                kind: Kind::Packet,
                markdown: packet_md,
                info: self.info(title, id),
            });
        }
        let id = format!("packet-index/{}", e.period.label);
        out.push(LaidOut {
            path: self.at("考核汇总.pdf"),
            unit: None,
            template: "packet_index.md.tera",
            kind: Kind::Packet,
            markdown: index,
            info: self.info(view.index_title.clone(), id),
        });
        Ok(out)
    }
}

/// A period's document as PDF and as Word.
fn pdf_and_word(doc: LaidOut, view: &EvaluationView, assets: &Assets<'_>) -> Result<[Document; 2]> {
    let LaidOut {
        path,
        unit,
        template,
        kind,
        markdown: md,
        info,
    } = doc;
    let word_path = format!("{}.docx", path.trim_end_matches(".pdf"));
    let pdf = assets.costly(
        path,
        kind,
        Format::Pdf,
        unit.clone(),
        &[&json(&info)?, md.as_bytes()],
        || {
            pdf::flow::document(
                &laid_out(template, &md)?,
                assets.fonts,
                &info,
                pdf::layout::Geometry::portrait(),
                10.5,
                &view.charts,
            )
        },
    )?;
    let word = assets.costly(
        word_path,
        kind,
        Format::Docx,
        unit,
        &[&json(&info)?, md.as_bytes(), &json(&view.charts)?],
        || {
            docx::document(
                &laid_out(template, &md)?,
                assets.word_fonts,
                &info,
                docx::PageSetup::portrait(10.5),
                &view.charts,
            )
        },
    )?;
    Ok([pdf, word])
}

/// The plan as pretty JSON with a final newline: what `dump --json` prints.
pub fn plan_json(plan: &Plan) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(plan).map_err(|e| Error::Render(format!("plan.json：{e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}
