//! 校对: every finding with its place and excerpt, and the decisions a user takes on them,
//! recorded in `input/fengong.toml` (comments and order kept).

use std::fmt::Write as _;

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use fengong::Severity;
use fengong::base::diag::{Diagnostic, Remedy};
use fengong::config::edit::Decision;

use super::pages::{self, esc, page};
use super::{App, Shared, blocking, refused};

/// The findings page.
pub async fn findings(State(app): State<Shared>) -> Html<String> {
    let input = app.input.clone();
    let checked = blocking(move || fengong::check(&input)).await;
    let mut body = take_flash(&app);
    match checked {
        Some(Ok(checked)) => {
            let registry = Registry {
                units: checked
                    .project
                    .config
                    .units
                    .iter()
                    .map(|u| u.name.as_str())
                    .collect(),
                towns: checked
                    .project
                    .config
                    .units
                    .iter()
                    .filter(|u| u.kind == fengong::model::UnitKind::Town)
                    .map(|u| u.name.as_str())
                    .collect(),
            };
            if registry_wanted(&checked) {
                body.push_str(&init_offer(&app.csrf, &checked));
            }
            let project = format!("{}/", app.input.parent().unwrap_or(&app.input).display());
            let issuer = checked.plan.notice.issuer.as_deref().unwrap_or("");
            let _ = write!(
                body,
                "<p>共 {} 条错误、{} 条警告、{} 条提示。错误须先处理才能发布；在“处理”一栏作出的决定写入 input/fengong.toml，发布时采用。{}</p><table class=\"findings\"><tr><th>级别</th><th>位置</th><th>说明</th><th>处理</th></tr>",
                checked.report.count(Severity::Error),
                checked.report.count(Severity::Warning),
                checked.report.count(Severity::Note),
                pages::button("/publish", &app.csrf, "发布")
            );
            for (i, d) in checked.report.diagnostics.iter().enumerate() {
                body.push_str(&finding_row(i, d, &app.csrf, &registry, issuer, &project));
            }
            body.push_str("</table>");
        }
        // Findings that stop the reading: listed the same way, with their decisions.
        Some(Err(fengong::Error::Input(found))) => {
            body.push_str(&pages::notice("err", "这些问题使方案无法读入，须先处理："));
            body.push_str("<table class=\"findings\"><tr><th>级别</th><th>位置</th><th>说明</th><th>处理</th></tr>");
            let registry = Registry {
                units: Vec::new(),
                towns: Vec::new(),
            };
            let project = format!("{}/", app.input.parent().unwrap_or(&app.input).display());
            for (i, d) in found.iter().enumerate() {
                body.push_str(&finding_row(i, d, &app.csrf, &registry, "", &project));
            }
            body.push_str("</table>");
        }
        Some(Err(e)) => body.push_str(&pages::notice("err", &e.to_string())),
        None => body.push_str(&pages::notice("err", "读取失败")),
    }
    Html(page("校对", "/check", &body))
}

/// The message left by the last decision, shown once.
pub fn take_flash(app: &App) -> String {
    app.flash
        .lock()
        .ok()
        .and_then(|mut f| f.take())
        .map(|(ok, text)| pages::notice(if ok { "ok" } else { "err" }, &text))
        .unwrap_or_default()
}

/// The registry's units, and which of them are 街镇 (the usual members of 各街镇).
struct Registry<'a> {
    units: Vec<&'a str>,
    towns: Vec<&'a str>,
}

/// Without a fengong.toml every unit is unknown: offer the starter `fengong init` writes.
/// Whether to offer the registry made from the plan: no `fengong.toml` yet, or one that
/// decisions made with fewer units in it than the plan names unknown ones.
pub fn registry_wanted(checked: &fengong::Checked) -> bool {
    let unknown = (checked.report.diagnostics.iter())
        .filter(|d| {
            matches!(
                d.remedy,
                Some(fengong::base::diag::Remedy::UnknownUnit { .. })
            )
        })
        .count();
    checked.project.config_path.is_none() || unknown > checked.project.config.units.len()
}

/// The offer of a registry from the plan: a new one, or — where decisions made the file
/// already — the plan's units added to it.
pub fn init_offer(csrf: &str, checked: &fengong::Checked) -> String {
    if checked.project.config_path.is_some() {
        return format!(
            "<div class=\"msg warn\">单位名录（fengong.toml）里还没有文件中的大多数单位，所以它们都报“不在单位名录中”。可把文件中出现的单位都加入名录（已作的决定保留），再在下面逐条核对别称和街镇分组。{}</div>",
            pages::button("/init", csrf, "把文件中的单位加入名录")
        );
    }
    format!(
        "<div class=\"msg warn\">还没有单位名录（fengong.toml），所以每个单位都报“不在单位名录中”。可按文件中出现的单位生成一份，再在下面逐条核对别称和街镇分组。{}</div>",
        pages::button("/init", csrf, "生成单位名录")
    )
}

fn finding_row(
    i: usize,
    d: &Diagnostic,
    csrf: &str,
    registry: &Registry,
    issuer: &str,
    project: &str,
) -> String {
    let (class, label) = match d.severity {
        Severity::Error => ("error", "错误"),
        Severity::Warning => ("warning", "警告"),
        Severity::Note => ("", "提示"),
    };
    // With a decision form beside it, a hint on how to edit the file by hand is noise.
    let hints: Vec<String> = d
        .hints
        .iter()
        .filter(|h| d.remedy.is_none() || !h.contains(fengong::project::CONFIG_FILE))
        .map(|h| marked(h))
        .collect();
    let actions = d
        .remedy
        .as_ref()
        .map(|r| remedy_forms(r, csrf, registry, issuer))
        .unwrap_or_default();
    format!(
        "<tr id=\"f{i}\"><td class=\"{class} n\">{label}</td><td class=\"place\">{}</td><td>{}<div class=\"hint\">{}</div><div class=\"code\">{}</div></td><td class=\"act\">{actions}</td></tr>",
        esc(d.location.to_string().trim_start_matches(project)),
        esc(&d.message),
        hints.join("<br>"),
        esc(&d.code)
    )
}

/// A hint with the checks' 【…】 marks shown as highlighted text.
fn marked(hint: &str) -> String {
    let mut out = String::new();
    let mut rest = hint;
    while let Some(open) = rest.find('【') {
        let Some(close) = rest[open..].find('】') else {
            break;
        };
        out.push_str(&esc(&rest[..open]));
        let inner = &rest[open + '【'.len_utf8()..open + close];
        let _ = write!(out, "<mark>{}</mark>", esc(inner));
        rest = &rest[open + close + '】'.len_utf8()..];
    }
    out.push_str(&esc(rest));
    out
}

/// The forms for one finding's decision.
fn remedy_forms(remedy: &Remedy, csrf: &str, registry: &Registry, issuer: &str) -> String {
    let form =
        |action: &str, fields: &str, button: &str| decision_form(csrf, action, fields, button);
    match remedy {
        Remedy::TaskText { task, table, .. } => {
            let task_field = format!("<input type=\"hidden\" name=\"task\" value=\"{task}\">");
            format!(
                "{}<details><summary>自行填写</summary>{}</details>",
                form("use_prose", &task_field, "以正文为准"),
                form(
                    "own_text",
                    &format!(
                        "{task_field}<textarea name=\"content\" rows=\"5\">{}</textarea>",
                        esc(table)
                    ),
                    "保存这段文字"
                )
            )
        }
        Remedy::UnknownUnit { name, closest } => {
            unknown_unit_forms(name, closest.as_deref(), csrf, registry)
        }
        // Either way round: which name is the slip, only the reader knows.
        Remedy::SameUnit { names: [a, b] } => [(a, b), (b, a)]
            .iter()
            .map(|(slip, unit)| {
                form(
                    "alias",
                    &format!(
                        "<input type=\"hidden\" name=\"name\" value=\"{}\"><input type=\"hidden\" name=\"unit\" value=\"{}\">",
                        esc(slip),
                        esc(unit)
                    ),
                    &format!("同一单位，以「{unit}」为准"),
                )
            })
            .collect(),
        Remedy::ReadSource { file } => {
            let field = format!("<input type=\"hidden\" name=\"name\" value=\"{}\">", esc(file));
            format!(
                "{}{}",
                form("read_only", &field, &format!("改读「{file}」")),
                form("read_also", &field, &format!("也读「{file}」"))
            )
        }
        Remedy::LeaveOutSource { files } => files
            .iter()
            .map(|file| {
                form(
                    "leave_out",
                    &format!(
                        "<input type=\"hidden\" name=\"name\" value=\"{}\">",
                        esc(file)
                    ),
                    &format!("不读「{file}」"),
                )
            })
            .collect(),
        Remedy::NoticeSigner => form(
            "signer",
            &format!(
                "<input name=\"value\" size=\"24\" placeholder=\"发文机关署名\" value=\"{}\">",
                esc(issuer)
            ),
            "保存署名",
        ),
        Remedy::PlanTitle => form(
            "title",
            "<input name=\"value\" size=\"40\" placeholder=\"如 某区2025年重点工作任务分工方案\">",
            "保存方案标题",
        ),
        Remedy::NoticeDate => form(
            "date",
            "<input name=\"value\" size=\"14\" placeholder=\"如 2025年3月5日\">",
            "保存成文日期",
        ),
    }
}

/// A form posting one decision (`action`, with `fields`) to /decide.
fn decision_form(csrf: &str, action: &str, fields: &str, button: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/decide\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"action\" value=\"{action}\">{fields}<button>{button}</button></form>",
        esc(csrf)
    )
}

/// A name the registry does not know: another spelling of a registry unit, a unit of its own,
/// or — for 各街镇, 相关街镇 … — a group.
fn unknown_unit_forms(
    name: &str,
    closest: Option<&str>,
    csrf: &str,
    registry: &Registry,
) -> String {
    let form =
        |action: &str, fields: &str, button: &str| decision_form(csrf, action, fields, button);
    // Only a close name is preselected: a careless click must not make one unit another's
    // alias.
    let mut options = String::from("<option value=\"\">（选择单位）</option>");
    for unit in &registry.units {
        let selected = if closest == Some(*unit) {
            " selected"
        } else {
            ""
        };
        let _ = write!(options, "<option{selected}>{}</option>", esc(unit));
    }
    let name_field = format!(
        "<input type=\"hidden\" name=\"name\" value=\"{}\">",
        esc(name)
    );
    let mut out = String::new();
    if !registry.units.is_empty() {
        out.push_str(&form(
            "alias",
            &format!("{name_field}<select name=\"unit\">{options}</select>"),
            "是该单位的别称",
        ));
    }
    out.push_str(&form("add_unit", &name_field, "加入单位名录"));
    if fengong::model::is_group_phrase(name) {
        // 各街镇 → the registry's 街镇, to edit; 相关… means only some of them.
        let guess = if name.contains(['街', '镇', '乡']) {
            registry.towns.join("、")
        } else {
            String::new()
        };
        let partial = if name.starts_with("相关") {
            "true"
        } else {
            "false"
        };
        out.push_str(&format!(
            "<details><summary>定义为单位组</summary>{}</details>",
            form(
                "group",
                &format!(
                    "{name_field}<input type=\"hidden\" name=\"partial\" value=\"{partial}\"><textarea name=\"members\" rows=\"4\" placeholder=\"成员单位，用顿号分隔\">{}</textarea>",
                    esc(&guess)
                ),
                "保存单位组"
            )
        ));
    }
    out
}

/// What a decision form sends.
#[derive(serde::Deserialize)]
pub struct DecisionForm {
    csrf: String,
    action: String,
    task: Option<u32>,
    content: Option<String>,
    name: Option<String>,
    unit: Option<String>,
    value: Option<String>,
    members: Option<String>,
    partial: Option<String>,
}

impl DecisionForm {
    fn decision(self) -> Option<Decision> {
        let text = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        Some(match self.action.as_str() {
            "use_prose" => Decision::UseProse { task: self.task? },
            "own_text" => Decision::OwnText {
                task: self.task?,
                content: self.content?,
            },
            "alias" => Decision::Alias {
                unit: text(self.unit)?,
                alias: text(self.name)?,
            },
            "add_unit" => Decision::AddUnit {
                name: text(self.name)?,
            },
            "group" => Decision::Group {
                name: text(self.name)?,
                members: self
                    .members?
                    .split(['、', '，', ',', '；', ';', '\n', ' ', '　'])
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .map(str::to_string)
                    .collect(),
                partial: self.partial.as_deref() == Some("true"),
            },
            "signer" => Decision::Signer(self.value?),
            "date" => Decision::Date(self.value?),
            "title" => Decision::PlanTitle(self.value?),
            _ => return None,
        })
    }
}

/// Records a decision, then back to the findings (a reload does not send it twice).
pub async fn decide(State(app): State<Shared>, Form(form): Form<DecisionForm>) -> Response {
    if form.csrf != app.csrf {
        return refused(StatusCode::FORBIDDEN, "表单已过期，请刷新页面后重试");
    }
    let back = if form.action == "prefer_latest" {
        "/returns"
    } else {
        "/check"
    };
    let decision = if matches!(form.action.as_str(), "leave_out" | "read_also") {
        let input = app.input.clone();
        let name = form.name.clone().unwrap_or_default();
        let also = form.action == "read_also";
        blocking(move || sources_with(&input, &name, also))
            .await
            .flatten()
    } else if form.action == "read_only" {
        (form.name.clone())
            .filter(|n| !n.trim().is_empty())
            .map(|n| Decision::Sources(vec![n]))
    } else if form.action == "prefer_latest" {
        Some(Decision::PreferLatest)
    } else {
        form.decision()
    };
    let Some(decision) = decision else {
        set_flash(
            &app,
            false,
            "未写入：表单不完整，请先选择单位或填写内容".into(),
        );
        return Redirect::to(back).into_response();
    };
    let Ok(lock) = app.writing.clone().try_lock_owned() else {
        return refused(StatusCode::CONFLICT, "正在发布，请稍后再试");
    };
    let path = app.input.join(fengong::project::CONFIG_FILE);
    let recorded = {
        let decision = decision.clone();
        blocking(move || fengong::config::edit::record(&path, &decision)).await
    };
    drop(lock);
    let flash = match recorded {
        Some(Ok(())) => (
            true,
            format!("已写入 fengong.toml：{}", decision.describe()),
        ),
        // The refusal's own words: the config's path and 配置错误 are the command line's.
        Some(Err(fengong::Error::Config { message, .. })) => (false, format!("未写入：{message}")),
        Some(Err(e)) => (false, format!("未写入：{e}")),
        None => (false, "未写入".to_string()),
    };
    set_flash(&app, flash.0, flash.1);
    Redirect::to(back).into_response()
}

/// The project's sources with `file` added (`also`) or left out, as `[plan] sources`
/// lists them.
fn sources_with(input: &std::path::Path, file: &str, also: bool) -> Option<Decision> {
    let project = fengong::project::Project::open(input).ok()?;
    let mut keep: Vec<String> = project
        .sources
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string())
        .filter(|n| n != file)
        .collect();
    if also {
        keep.push(file.to_string());
    }
    (!keep.is_empty()).then_some(Decision::Sources(keep))
}

fn set_flash(app: &App, ok: bool, text: String) {
    if let Ok(mut slot) = app.flash.lock() {
        *slot = Some((ok, text));
    }
}

/// Writes the starter fengong.toml (`fengong init`), never over one that is there.
pub async fn init(State(app): State<Shared>, Form(post): Form<super::Post>) -> Response {
    if post.csrf != app.csrf {
        return refused(StatusCode::FORBIDDEN, "表单已过期，请刷新页面后重试");
    }
    let Ok(lock) = app.writing.clone().try_lock_owned() else {
        return refused(StatusCode::CONFLICT, "正在发布，请稍后再试");
    };
    let input = app.input.clone();
    let made = blocking(move || registry_from_plan(&input)).await;
    drop(lock);
    match made {
        Some(Ok(_)) => set_flash(
            &app,
            true,
            "已生成 input/fengong.toml：请核对下面余下的提示（别称、街镇分组）".into(),
        ),
        Some(Err(e)) => set_flash(&app, false, format!("未生成：{e}")),
        None => set_flash(&app, false, "未生成".into()),
    }
    Redirect::to("/check").into_response()
}

/// The registry from the plan: a starter `fengong.toml` (`fengong init`), or — where
/// decisions made the file already, with fewer units than the plan names unknown ones —
/// every name the plan gives a task that the file does not know added to it as a
/// `[[units]]` entry, the decisions kept.
fn registry_from_plan(input: &std::path::Path) -> Result<std::path::PathBuf, fengong::Error> {
    let project = fengong::project::Project::open(input)?;
    let Some(path) = project.config_path.clone() else {
        return fengong::init(input, false);
    };
    let checked = fengong::check(input)?;
    if !registry_wanted(&checked) {
        // A registry is there (the page no longer offers one): as `fengong init` says.
        return fengong::init(input, false);
    }
    let mut names: Vec<&str> = Vec::new();
    for d in &checked.report.diagnostics {
        // A phrase for several units (相关街镇) is a group to fill, never a unit.
        if let Some(fengong::base::diag::Remedy::UnknownUnit { name, .. }) = &d.remedy
            && !names.contains(&name.as_str())
            && !fengong::model::is_group_phrase(name)
        {
            names.push(name);
        }
    }
    for name in names {
        let decision = fengong::config::edit::Decision::AddUnit { name: name.into() };
        fengong::config::edit::record(&path, &decision)?;
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_highlights_and_the_rest_is_escaped() {
        assert_eq!(
            marked("表：…推进【赤】河源<a>…"),
            "表：…推进<mark>赤</mark>河源&lt;a&gt;…"
        );
        assert_eq!(marked("无标记【"), "无标记【");
    }
}
