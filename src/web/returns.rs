//! 反馈与评估: returned forms into a period, each file's outcome, the evaluation's documents.

use std::path::Path;

use axum::extract::{Multipart, State};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::pages::{self, esc, page};
use super::upload::{FORM_EXTENSIONS, receive};
use super::{Shared, blocking};

/// Returned forms into `input/returns/<period>/`, the period named as the CLI names it.
pub async fn upload_returns(State(app): State<Shared>, form: Multipart) -> Response {
    let returns = app.input.join("returns");
    let folder = move |period: Option<&str>| {
        let period = period.unwrap_or("").trim();
        let valid = period.len() >= 7
            && period[..4].bytes().all(|b| b.is_ascii_digit())
            && matches!(&period[4..], "-半年度" | "-年度");
        if valid {
            Ok(returns.join(period))
        } else {
            Err(format!(
                "评估期「{period}」无效：应如 2025-半年度 或 2025-年度"
            ))
        }
    };
    match receive(&app, form, FORM_EXTENSIONS, folder).await {
        // To the list, naming what came, so a reload shows it again rather than sending the
        // files twice.
        Ok((period, saved)) => {
            let query = [
                ("period", period.unwrap_or_default()),
                ("files", saved.join("|")),
            ];
            let query = serde_urlencoded::to_string(query).unwrap_or_default();
            Redirect::to(&format!("/returns?{query}")).into_response()
        }
        Err(response) => response,
    }
}

/// What the upload the page follows put where.
#[derive(Debug, Default, serde::Deserialize)]
pub struct AfterUpload {
    period: Option<String>,
    files: Option<String>,
}

/// What became of each file just uploaded: accepted, or why not (returned, superseded, a
/// duplicate that made both of a unit's forms wait) — said at the top, not left to the list.
fn upload_outcomes(after: &AfterUpload, periods: &[fengong::evaluate::Evaluation]) -> String {
    let (Some(label), Some(files)) = (&after.period, &after.files) else {
        return String::new();
    };
    let Some(e) = periods.iter().find(|e| &e.period.label == label) else {
        return String::new();
    };
    let mut out = String::new();
    for name in files.split('|').filter(|n| !n.is_empty()) {
        let Some(file) = e.files.iter().find(|f| f.file == name) else {
            continue;
        };
        let (kind, said) = match file.outcome {
            fengong::evaluate::Outcome::Accepted => ("ok", String::new()),
            fengong::evaluate::Outcome::AcceptedWithWarnings => ("warn", "：有问题，见下表".into()),
            _ => (
                "err",
                (file.findings.first())
                    .map(|f| format!("：{}", f.message))
                    .unwrap_or_default(),
            ),
        };
        out.push_str(&pages::notice(
            kind,
            &format!(
                "已收到「{name}」（{label}）：{}{said}",
                file.outcome.label()
            ),
        ));
    }
    out
}

/// 反馈与评估: the upload form, and every returned file's outcome per period, as
/// `fengong evaluate` prints it (read afresh: nothing needs publishing first).
pub async fn returns(
    State(app): State<Shared>,
    axum::extract::Query(after): axum::extract::Query<AfterUpload>,
) -> Html<String> {
    let input = app.input.clone();
    let outcomes = blocking(move || evaluations(&input)).await;
    let year = outcomes
        .as_ref()
        .and_then(|o| o.as_ref().ok())
        .and_then(|(year, _)| *year)
        .unwrap_or(2025);
    let mut body = super::review::take_flash(&app);
    if let Some(Ok((_, periods))) = &outcomes {
        body += &upload_outcomes(&after, periods);
    }
    body += &format!(
        "<form method=\"post\" action=\"/returns/upload\" enctype=\"multipart/form-data\" class=\"drop\"><span class=\"drop-hint\">把文件拖到此框内，或：</span><input type=\"hidden\" name=\"csrf\" value=\"{}\"><select name=\"period\"><option>{year}-半年度</option><option>{year}-年度</option></select> <input type=\"file\" name=\"files\" multiple accept=\".xlsx,.xls,.ods\"> <button>上传反馈表</button></form>",
        esc(&app.csrf)
    );
    match outcomes {
        Some(Ok((_, periods))) if periods.is_empty() => body.push_str(&pages::notice(
            "warn",
            "还没有反馈表：选择评估期，上传各单位报回的 Excel 反馈表。",
        )),
        Some(Ok((_, periods))) => {
            let conflicts = periods.iter().any(|e| {
                e.files
                    .iter()
                    .any(|f| f.outcome == fengong::evaluate::Outcome::Conflict)
            });
            if conflicts {
                // The one decision the config can record about duplicates.
                body.push_str(&format!(
                    "<div class=\"msg warn\">有单位报送了不止一份反馈表，均暂不采用。可在 input/returns 的评估期文件夹中移走多余的一份，或：<form method=\"post\" action=\"/decide\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"action\" value=\"prefer_latest\"><button>采用填报日期最晚的一份</button></form></div>",
                    esc(&app.csrf)
                ));
            }
            for e in &periods {
                body.push_str(&evaluation_view(e));
                body.push_str(&published_documents(&app, e));
            }
        }
        Some(Err(message)) => body.push_str(&pages::notice("err", &message)),
        None => body.push_str(&pages::notice("err", "读取失败")),
    }
    Html(page("反馈与评估", "/returns", &body))
}

type Evaluations = (Option<i32>, Vec<fengong::evaluate::Evaluation>);

/// Every period folder under `input/returns/`, evaluated.
fn evaluations(input: &Path) -> Result<Evaluations, String> {
    let checked = fengong::check(input).map_err(|e| e.to_string())?;
    let dir = input.join("returns");
    if !dir.is_dir() {
        return Ok((checked.plan.year, Vec::new()));
    }
    let folders = fengong::ingest::returns::period_folders(&dir).map_err(|e| e.to_string())?;
    let rules = checked.project.config.evaluation.clone();
    let mut out = Vec::new();
    for folder in folders {
        let period = fengong::ingest::returns::period_of(&folder, None, checked.plan.year)
            .map_err(|e| e.to_string())?;
        let read = fengong::ingest::returns::read_folder(&folder).map_err(|e| e.to_string())?;
        out.push(fengong::evaluate::evaluate(
            &checked.plan,
            &rules,
            period,
            read,
        ));
    }
    Ok((checked.plan.year, out))
}

/// The period's report and packets as last published, or how to get them.
fn published_documents(app: &super::App, e: &fengong::evaluate::Evaluation) -> String {
    let folder = fengong::compose::evaluation_folder(e);
    let links = super::publish::links_under(&app.output, &folder);
    let publish = pages::button("/publish", &app.csrf, "发布（生成评估报告）");
    if links.is_empty() {
        return format!(
            "{}{publish}",
            pages::notice(
                "warn",
                "评估报告和考核材料在发布后生成：点“发布”，完成后在此预览、下载。"
            )
        );
    }
    format!("<p>上次发布的评估报告与考核材料如下；上传新的反馈表后请重新发布。{publish}</p>{links}")
}

fn evaluation_view(e: &fengong::evaluate::Evaluation) -> String {
    let mut out = format!(
        "<h2>{}</h2><p>{} 份文件；采用 {} 个单位的反馈，未报送或未采用 {} 个{}。</p><table><tr><th>结果</th><th>单位</th><th>文件</th><th>说明</th></tr>",
        esc(&e.period.label),
        e.files.len(),
        e.units.iter().filter(|u| u.file.is_some()).count(),
        e.missing_units.len(),
        if e.missing_units.is_empty() {
            String::new()
        } else {
            format!("（{}）", esc(&e.missing_units.join("、")))
        }
    );
    for file in &e.files {
        let notes: Vec<String> = file.findings.iter().map(|f| esc(&f.message)).collect();
        let _ = std::fmt::Write::write_fmt(
            &mut out,
            format_args!(
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(file.outcome.label()),
                esc(file.unit.as_deref().unwrap_or("—")),
                esc(&file.file),
                notes.join("<br>")
            ),
        );
    }
    out.push_str("</table>");
    out
}
