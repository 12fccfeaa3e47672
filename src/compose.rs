//! Compose: (plan, report) → the documents of the output, each with its path and bytes.

use crate::checks::Report;
use crate::diag::{Error, Result};
use crate::document::{Document, Format, Kind, safe_file_name};
use crate::model::Plan;
use crate::render::{self, pdf};
use crate::templates::Templates;
use crate::view::{AuditView, NoticeView, TaskSheet, TaskTableView};

/// What composing needs besides the plan: templates and fonts, loaded once per run.
pub struct Assets<'a> {
    /// The templates.
    pub templates: &'a Templates,
    /// The fonts.
    pub fonts: &'a pdf::fonts::FontSet,
}

/// The README written into the output folder (also committed as `output/README.md`).
pub const OUTPUT_README: &str = include_str!("../templates/output_readme.md");

/// Every document of a publish.
pub fn compose(plan: &Plan, report: &Report, assets: &Assets<'_>) -> Result<Vec<Document>> {
    let audit = assets
        .templates
        .render("audit.md.tera", &AuditView::new(plan, report))?;
    let date = render::document_date(plan);
    let author = plan.notice.issuer.clone().unwrap_or_default();
    let notice_view = NoticeView::new(plan);
    let table_view = TaskTableView::new(plan);
    let id = |kind: &str| format!("{}/{kind}", plan.notice.doc_number.as_deref().unwrap_or(""));
    let notice_info = pdf::DocInfo {
        title: notice_view.title.clone(),
        author: author.clone(),
        subject: plan.notice.doc_number.clone(),
        date,
        id: id("notice"),
    };
    let table_info = pdf::DocInfo {
        title: table_view.title.clone(),
        author,
        subject: plan.notice.doc_number.clone(),
        date,
        id: id("table"),
    };
    let notice_md = assets.templates.render("notice.md.tera", &notice_view)?;
    let notice_pdf = pdf::notice(
        &notice_view,
        &pdf::markdown::blocks(&notice_md),
        assets.fonts,
        &notice_info,
    )?;
    let table_md = assets.templates.render("table.md.tera", &table_view)?;
    let table_pdf = pdf::task_table(&pdf::markdown::blocks(&table_md), assets.fonts, &table_info)?;
    let mut documents = vec![
        Document {
            path: "通知.md".into(),
            kind: Kind::Notice,
            format: Format::Markdown,
            unit: None,
            bytes: notice_md.into_bytes(),
        },
        Document {
            path: "任务分工表.md".into(),
            kind: Kind::Table,
            format: Format::Markdown,
            unit: None,
            bytes: table_md.into_bytes(),
        },
        Document {
            path: "通知.pdf".into(),
            kind: Kind::Notice,
            format: Format::Pdf,
            unit: None,
            bytes: notice_pdf,
        },
        Document {
            path: "任务分工表.xlsx".into(),
            kind: Kind::Table,
            format: Format::Xlsx,
            unit: None,
            bytes: render::xlsx::task_table(
                &table_view,
                &render::xlsx::properties(&table_view.title, &table_info.author, date)?,
            )?,
        },
        Document {
            path: "任务分工表.pdf".into(),
            kind: Kind::Table,
            format: Format::Pdf,
            unit: None,
            bytes: table_pdf,
        },
        Document {
            path: "校对报告.md".into(),
            kind: Kind::Audit,
            format: Format::Markdown,
            unit: None,
            bytes: audit.into_bytes(),
        },
        Document {
            path: "plan.json".into(),
            kind: Kind::Model,
            format: Format::Json,
            unit: None,
            bytes: plan_json(plan)?,
        },
        Document {
            path: "README.md".into(),
            kind: Kind::Readme,
            format: Format::Markdown,
            unit: None,
            bytes: OUTPUT_README.as_bytes().to_vec(),
        },
    ];
    // The unit sheets are independent: render them on every core. The order of the results
    // follows the sheets, so the output does not depend on scheduling.
    use rayon::prelude::*;
    let sheets = TaskSheet::all(plan);
    let rendered: Vec<Vec<Document>> = sheets
        .par_iter()
        .map(|sheet| unit_sheet(sheet, plan, assets, date))
        .collect::<Result<_>>()?;
    documents.extend(rendered.into_iter().flatten());
    Ok(documents)
}

/// One unit's task sheet in three formats: Markdown from the template, the PDF laid out from
/// that same Markdown, and the XLSX return form.
fn unit_sheet(
    sheet: &TaskSheet,
    plan: &Plan,
    assets: &Assets<'_>,
    date: (u16, u8, u8, u8, u8, u8),
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
    let pdf_bytes =
        pdf::markdown::document(&pdf::markdown::blocks(&markdown), assets.fonts, &info, 10.5)?;
    let xlsx_bytes =
        render::xlsx::unit_sheet(sheet, &render::xlsx::properties(&title, &author, date)?)?;
    let stem = format!("任务单/{}", safe_file_name(&sheet.unit));
    let doc = |ext: &str, format: Format, bytes: Vec<u8>| Document {
        path: format!("{stem}.{ext}"),
        kind: Kind::UnitSheet,
        format,
        unit: Some(sheet.unit.clone()),
        bytes,
    };
    Ok(vec![
        doc("md", Format::Markdown, markdown.into_bytes()),
        doc("pdf", Format::Pdf, pdf_bytes),
        doc("xlsx", Format::Xlsx, xlsx_bytes),
    ])
}

/// The plan as pretty JSON with a final newline: what `dump --json` prints.
pub fn plan_json(plan: &Plan) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(plan).map_err(|e| Error::Render(format!("plan.json：{e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}
