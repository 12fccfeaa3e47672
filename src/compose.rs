//! Compose: (plan, report) → the documents of the output, each with its path and bytes.

use crate::checks::Report;
use crate::diag::{Error, Result};
use crate::document::{Document, Format, Kind, safe_file_name};
use crate::evaluate::Evaluation;
use crate::model::PeriodKind;
use crate::model::Plan;
use crate::render::{self, pdf};
use crate::templates::Templates;
use crate::view::{AuditView, EvaluationView, NoticeView, PacketView, TaskSheet, TaskTableView};

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
    let table_md = assets.templates.render("table.md.tera", &table_view)?;
    // The notice, the table and the unit sheets are independent: lay them all out at once on
    // every core. Results keep their order, so the output does not depend on scheduling.
    use rayon::prelude::*;
    let sheets = TaskSheet::all(plan);
    let ((notice_pdf, table_pdf), rendered) = rayon::join(
        || {
            rayon::join(
                || {
                    pdf::notice(
                        &notice_view,
                        &pdf::markdown::blocks(&notice_md),
                        assets.fonts,
                        &notice_info,
                    )
                },
                || pdf::task_table(&pdf::markdown::blocks(&table_md), assets.fonts, &table_info),
            )
        },
        || {
            sheets
                .par_iter()
                .map(|sheet| unit_sheet(sheet, plan, assets, date))
                .collect::<Result<Vec<Vec<Document>>>>()
        },
    );
    let (notice_pdf, table_pdf, rendered) = (notice_pdf?, table_pdf?, rendered?);
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

/// The folder of a period's documents in the output: `评估/<period>`.
pub fn evaluation_folder(e: &Evaluation) -> String {
    format!("评估/{}", safe_file_name(&e.period.label))
}

/// The documents of one period's evaluation, under `folder` (`""` for the top): the report as Markdown,
/// PDF (with charts) and XLSX (with native charts); at year-end also one assessment packet per
/// unit and the committee's index packet with every unit's packet bookmarked.
pub fn evaluation(
    plan: &Plan,
    e: &Evaluation,
    assets: &Assets<'_>,
    folder: &str,
) -> Result<Vec<Document>> {
    let view = EvaluationView::new(plan, e);
    let markdown = assets.templates.render("evaluation.md.tera", &view)?;
    let date = render::document_date(plan);
    let author = plan.notice.issuer.clone().unwrap_or_default();
    let plan_id = plan.notice.doc_number.clone().unwrap_or_default();
    let at = |name: &str| {
        if folder.is_empty() {
            name.to_string()
        } else {
            format!("{folder}/{name}")
        }
    };
    let info = |title: String, id: String| pdf::DocInfo {
        title,
        author: author.clone(),
        subject: plan.title.clone(),
        date,
        id: format!("{plan_id}/{id}"),
    };
    // Every PDF of the period: (path, unit, markdown, info). The Markdown is cheap; the
    // layouts run in parallel below.
    let mut pdfs: Vec<(String, Option<String>, String, pdf::DocInfo)> = vec![(
        at("评估报告.pdf"),
        None,
        markdown.clone(),
        info(view.title.clone(), format!("evaluation/{}", e.period.label)),
    )];
    if e.period.kind == PeriodKind::YearEnd {
        let mut index = assets.templates.render("packet_index.md.tera", &view)?;
        for packet in PacketView::all(plan, e, &view) {
            let packet_md = assets.templates.render("packet.md.tera", &packet)?;
            index.push_str("\n\\newpage\n\n");
            index.push_str(&packet_md);
            let title = format!("{}{}考核材料", packet.unit, packet.period_title);
            let id = format!("packet/{}/{}", e.period.label, packet.unit);
            pdfs.push((
                at(&format!("考核材料/{}.pdf", safe_file_name(&packet.unit))),
                Some(packet.unit),
                packet_md,
                info(title, id),
            ));
        }
        let title = format!("{}{}考核汇总", view.plan_title, view.period_title);
        let id = format!("packet-index/{}", e.period.label);
        pdfs.push((at("考核汇总.pdf"), None, index, info(title, id)));
    }
    use rayon::prelude::*;
    let laid_out: Vec<Vec<u8>> = pdfs
        .par_iter()
        .map(|(_, _, md, info)| {
            pdf::markdown::document(&pdf::markdown::blocks(md), assets.fonts, info, 10.5)
        })
        .collect::<Result<_>>()?;
    let report_xlsx = render::xlsx::evaluation(
        &view,
        &render::xlsx::properties(&view.title, &author, date)?,
    )?;
    let mut documents = vec![
        Document {
            path: at("评估报告.md"),
            kind: Kind::Evaluation,
            format: Format::Markdown,
            unit: None,
            bytes: markdown.into_bytes(),
        },
        Document {
            path: at("评估报告.xlsx"),
            kind: Kind::Evaluation,
            format: Format::Xlsx,
            unit: None,
            bytes: report_xlsx,
        },
    ];
    for (i, ((path, unit, _, _), bytes)) in pdfs.into_iter().zip(laid_out).enumerate() {
        documents.push(Document {
            path,
            kind: if i == 0 {
                Kind::Evaluation
            } else {
                Kind::Packet
            },
            format: Format::Pdf,
            unit,
            bytes,
        });
    }
    Ok(documents)
}

/// The plan as pretty JSON with a final newline: what `dump --json` prints.
pub fn plan_json(plan: &Plan) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(plan).map_err(|e| Error::Render(format!("plan.json：{e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}
