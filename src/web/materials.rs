//! 材料: upload the sources, see what fengong read.

use axum::extract::{Multipart, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use fengong::Severity;

use super::pages::{self, esc, page};
use super::upload::{SOURCE_EXTENSIONS, receive};
use super::{Shared, blocking};

/// What the upload the page follows says: how many files it put into `input/`.
#[derive(Debug, serde::Deserialize)]
pub struct AfterUpload {
    uploaded: Option<usize>,
}

/// 材料: the upload form and what fengong read.
pub async fn materials(
    State(app): State<Shared>,
    Query(after): Query<AfterUpload>,
) -> Html<String> {
    let input = app.input.clone();
    let checked = blocking(move || fengong::check(&input)).await;
    let mut body = match after.uploaded {
        Some(count) => pages::notice(
            "ok",
            &format!("已上传 {count} 个文件到 input/，读取结果见下"),
        ),
        None => String::new(),
    };
    body.push_str(&upload_form(&app.csrf));
    let unlisted: Vec<String> = match &checked {
        Some(Ok(checked)) => (checked.project.unlisted.iter())
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string())
            .collect(),
        _ => Vec::new(),
    };
    body.push_str(&input_files(&app.input, &unlisted));
    match checked {
        Some(Ok(checked)) => {
            if super::review::registry_wanted(&checked) {
                body.push_str(&super::review::init_offer(&app.csrf, &checked));
            }
            body.push_str(&plan_view(&checked.plan, &checked.report))
        }
        Some(Err(fengong::Error::Input(found)))
            if found.iter().any(|d| d.code == "input/no-sources") =>
        {
            body.push_str(&pages::notice(
                "warn",
                "还没有材料：选择通知、实施方案或任务分工表文件（Word、Excel、Markdown 或文本），点“上传到 input/”。可一次选多个文件。",
            ))
        }
        Some(Err(e)) => body.push_str(&pages::notice("err", &e.to_string())),
        None => body.push_str(&pages::notice("err", "读取失败")),
    }
    Html(page("材料", "/", &body))
}

/// The files in `input/` (the folder the CLI reads too), so a user sees what is there; those
/// `[plan] sources` leaves out are marked (校对 offers to read them).
fn input_files(input: &std::path::Path, unlisted: &[String]) -> String {
    let Ok(entries) = std::fs::read_dir(input) else {
        return String::new();
    };
    let mut files: Vec<(String, u64)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            let size = e.metadata().map(|m| m.len()).unwrap_or(0);
            (e.file_name().to_string_lossy().to_string(), size)
        })
        .collect();
    // Where the folder is on this computer: to move a file, or open what was published.
    let shown = std::path::absolute(input).unwrap_or_else(|_| input.to_path_buf());
    let folder = format!("<code>{}</code>", esc(&shown.display().to_string()));
    if files.is_empty() {
        return format!("<p class=\"files\">材料文件夹：{folder}（现在是空的）。</p>");
    }
    files.sort();
    let list: Vec<String> = files
        .iter()
        .map(|(name, size)| {
            let unread = if unlisted.contains(name) {
                "，<a href=\"/check\">未读取</a>"
            } else {
                ""
            };
            format!("{}（{} KB{unread}）", esc(name), size.div_ceil(1024))
        })
        .collect();
    format!(
        "<p class=\"files\">材料文件夹 {folder} 中的文件：{}。要换掉一个文件，请在这个文件夹中移走它再上传。</p>",
        list.join("、")
    )
}

fn upload_form(csrf: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\" class=\"drop\"><span class=\"drop-hint\">把文件拖到此框内，或：</span><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"file\" name=\"files\" multiple accept=\".docx,.doc,.wps,.odt,.rtf,.xlsx,.xls,.ods,.md,.txt\"> <button>上传到 input/</button></form>",
        esc(csrf)
    )
}

/// The notice's fields and every task with its units and deadline.
fn plan_view(plan: &fengong::model::Plan, report: &fengong::checks::Report) -> String {
    let n = &plan.notice;
    let field = |v: Option<&str>| esc(v.unwrap_or("（未读到）"));
    let mut out = format!(
        "<dl><dt>发文机关</dt><dd>{}</dd><dt>文号</dt><dd>{}</dd><dt>标题</dt><dd>{}</dd><dt>方案</dt><dd>{}</dd><dt>结构</dt><dd>{} 个部分、{} 个主要事项</dd><dt>任务</dt><dd>{} 项，{} 个责任单位；<a href=\"/check\">校对发现 {} 条错误、{} 条警告</a></dd></dl>",
        field(n.issuer.as_deref()),
        field(n.doc_number.as_deref()),
        field(n.title.as_deref()),
        field(plan.title.as_deref()),
        plan.sections.len(),
        plan.groups().count(),
        plan.tasks.len(),
        plan.units.len(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    out.push_str("<table><tr><th>序号</th><th>主要事项</th><th>任务内容</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>");
    let mut section = None;
    for task in &plan.tasks {
        let names = |role: fengong::model::Role| {
            task.units
                .iter()
                .filter(|a| a.role == role)
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        };
        if Some(task.section) != section {
            section = Some(task.section);
            if let Some(s) = plan.section(task.section).filter(|s| !s.title.is_empty()) {
                let _ = std::fmt::Write::write_fmt(
                    &mut out,
                    format_args!(
                        "<tr class=\"section\"><td colspan=\"6\">{}、{}</td></tr>",
                        esc(&s.numeral),
                        esc(&s.title)
                    ),
                );
            }
        }
        let group = plan
            .group(task.group)
            .map(|g| g.title.as_str())
            .unwrap_or("");
        let _ = std::fmt::Write::write_fmt(
            &mut out,
            format_args!(
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                task.no,
                esc(group),
                esc(&task.content),
                esc(&names(fengong::model::Role::Lead)),
                // Units of a 责任单位 column beside the 配合 one, after the supports, said so.
                esc(&[
                    names(fengong::model::Role::Support),
                    Some(names(fengong::model::Role::Responsible))
                        .filter(|n| !n.is_empty())
                        .map(|n| format!("责任单位：{n}"))
                        .unwrap_or_default(),
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("；")),
                esc(&task
                    .deadline_text
                    .clone()
                    .or_else(|| task.deadline.map(fengong::base::date::chinese))
                    .unwrap_or_default()),
            ),
        );
    }
    out.push_str("</table>");
    out
}

/// Uploads into `input/`: sources only, each written whole or not at all, never over a
/// file that is there.
pub async fn upload(State(app): State<Shared>, form: Multipart) -> Response {
    let input = app.input.clone();
    match receive(&app, form, SOURCE_EXTENSIONS, move |_| Ok(input.clone())).await {
        // To the materials page, so a reload shows it again rather than sending the files twice.
        Ok((_, saved)) => Redirect::to(&format!("/?uploaded={}", saved.len())).into_response(),
        Err(response) => response,
    }
}
