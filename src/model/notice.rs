//! The covering notice (通知) and the 发文字号.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::base::diag::Location;

/// The covering notice: who issues it, its number and title, to whom, and what it says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// The issuing agency, e.g. 上海市嘉定区发展和改革委员会.
    pub issuer: Option<String>,
    /// The line the issuer was read from, when it says more than the name (上海市某委(通知),
    /// 某区人民政府文件): kept, not dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_written: Option<String>,
    /// The source has no 版头: the issuer is the agency that signs it (said by `check`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub issuer_from_signer: bool,
    /// The 发文字号 normalised to 六角括号: 嘉发改〔2025〕14号.
    pub doc_number: Option<String>,
    /// The 发文字号 as written in the source, e.g. 嘉发改(2025)14号.
    pub doc_number_written: Option<String>,
    /// 签发人: the leaders who approved a document sent up (报告, 请示) for issue, named right
    /// of its 文号 (GB/T 9704 7.2.6), in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approved_by: Vec<String>,
    /// The notice's title: 关于印发《…》的通知.
    pub title: Option<String>,
    /// 主送机关, split at 、 and ，: 各相关单位, 各街镇.
    pub recipients: Vec<String>,
    /// Body paragraphs, 为全面深入推进… and 特此通知。
    pub body: Vec<Paragraph>,
    /// Attachment names from the 附件说明, without 《》.
    pub attachments: Vec<String>,
    /// 版记 lines as written (抄送：…, …印发), kept so nothing of the notice is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imprint: Vec<Paragraph>,
    /// 版记 抄送 (without 抄送： and the closing 。), from the config or the source's 版记.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_to: Option<String>,
    /// 版记 印发机关 and 印发日期, from the config or the source's 版记.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<(String, String)>,
    /// 署名 (the signing agency), from the source or the config; a notice issued jointly
    /// has one agency a line, the leading one first.
    pub signer: Option<String>,
    /// 成文日期 as written in the document, e.g. 2025年3月5日.
    pub date: Option<String>,
    /// The 成文日期 as the source writes it, when that is not how it is printed: a head's
    /// `二OO八年…` typed with the letter O.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_written: Option<String>,
    /// Where the 成文日期 was read, or the line that lost it, when not at the notice's end
    /// (a gazette's head, a 2018年210 over the 附注).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_origin: Option<Location>,
    /// A 成文日期 line that lost its 年月日 and reads as more than one day (`2019116`), as
    /// written: the date is unknown, and `check` says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_unreadable: Option<String>,
    /// 附注 (GB/T 9704 7.3.6), in its parentheses: （此件公开发布）; several a line each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    /// Whether the 署名 and the 成文日期 came from the config (the source has none), for the
    /// check's notes: a config that repeats the source's own values is not a source.
    #[serde(default, skip_serializing_if = "NoticeProvenance::is_source")]
    pub from_config: NoticeProvenance,
    /// Where the notice starts.
    pub origin: Option<Location>,
    /// The notice's last line (附件说明 or the last paragraph): where 署名 and 成文日期 go.
    pub end_origin: Option<Location>,
    /// The lines `[from, to)` of the tasks a notice's body hands out itself, when its 署名
    /// and 成文日期 stand after them at the end: where the plan is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_out: Option<(u32, u32)>,
}

/// Which of the notice's fields the config supplied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeProvenance {
    /// The title.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub title: bool,
    /// The 署名.
    pub signer: bool,
    /// The 成文日期.
    pub date: bool,
}

impl NoticeProvenance {
    fn is_source(&self) -> bool {
        !self.title && !self.signer && !self.date
    }
}

impl Notice {
    /// Whether the source has a notice, so 通知.* is published (never an empty 红头).
    pub fn is_made(&self) -> bool {
        self.origin.is_some()
    }

    /// The title printed for a notice whose source gives none: 关于印发《plan》的通知 — or,
    /// issuing two plans or more (附件：1.甲方案 2.乙方案, none a table), each of them.
    pub fn title_made_up(&self, plan_title: &str) -> String {
        use crate::base::cjk::in_title_marks;
        let plans = &self.attachments;
        let several = plans.len() >= 2
            && plans.iter().any(|a| a == plan_title)
            && !plans.iter().any(|a| names_a_table(a));
        let named = match plans.split_last() {
            Some((last, first)) if several => {
                let first: Vec<String> = first.iter().map(|a| in_title_marks(a)).collect();
                format!("{}和{}", first.join("、"), in_title_marks(last))
            }
            _ => in_title_marks(plan_title),
        };
        format!("关于印发{named}的通知")
    }

    /// The documents the body hands out by name (现将《…》印发给你们; 《甲》《乙》和《丙》已经
    /// 市政府同意，现印发给你们), in order, with the paragraph saying so: what is attached when
    /// no 附件说明 lists it. A name the sentence cites as its grounds (根据《…》, 贯彻落实《…》)
    /// is not one of them.
    pub fn documents_handed_out(&self) -> Option<(Vec<String>, &Paragraph)> {
        const GROUNDS: &[&str] = &["根据", "按照", "依据", "贯彻", "落实", "参照", "对照"];
        const HANDS_OUT: &[&str] = &["印发给", "予以印发", "现印发", "印发你们", "转发给"];
        self.body.iter().find_map(|p| {
            let sentence =
                (p.text.split(['。', '；'])).find(|s| HANDS_OUT.iter().any(|w| s.contains(w)))?;
            // The clause around a name cites it when it opens with its grounds (为认真贯彻落实
            // 某厅《…》) or closes on them (…《…》文件精神).
            let cited = |at: usize| {
                let after_mark =
                    |c: usize| c + sentence[c..].chars().next().map_or(0, char::len_utf8);
                let start = sentence[..at].rfind(['，', ',']).map_or(0, after_mark);
                let end = sentence[at..]
                    .find(['，', ','])
                    .map_or(sentence.len(), |c| at + c);
                let clause = sentence[start..end].trim();
                let opening = clause.trim_start_matches('为').trim_start_matches("认真");
                GROUNDS.iter().any(|w| opening.starts_with(w))
                    || ["精神", "要求", "部署", "规定"]
                        .iter()
                        .any(|w| clause.ends_with(w))
            };
            // A short name for the one handed out ((以下简称《方案》)), or a document cited by
            // its 文号 (《…的通知》(鲁政办字〔2022〕128号)): no document of its own.
            let named_again = |at: usize| {
                let before: String = sentence[..at].chars().rev().take(4).collect();
                before.contains("称简")
            };
            let numbered = |at: usize, name: &str| {
                let Some(inside) = sentence[at..].find(name) else {
                    return false;
                };
                let after = sentence[at + inside + name.len()..].trim_start();
                let after = after.trim_start_matches('》').trim_start();
                let bracket: String = after.chars().take(24).collect();
                bracket.starts_with(['(', '（'])
                    && bracket.contains(['〔', '[', '［'])
                    && bracket.contains('号')
            };
            let names: Vec<String> = titles_in(sentence)
                .into_iter()
                .filter(|(at, name)| {
                    let before: String = sentence[..*at].chars().rev().take(6).collect();
                    let before: String = before.chars().rev().collect();
                    !GROUNDS.iter().any(|w| before.contains(w))
                        && !cited(*at)
                        && !named_again(*at)
                        && !numbered(*at, name)
                })
                .map(|(_, name)| name)
                .collect();
            (!names.is_empty()).then_some((names, p))
        })
    }

    /// What the source's 版记 lines say: the 抄送 and the (印发机关, 印发日期) of a line
    /// ending in 印发 (`上海市嘉定区发展和改革委员会办公室　2025年3月6日印发`).
    pub fn imprint_fields(&self) -> (Option<String>, Option<(String, String)>) {
        let mut copy_to = None;
        let mut printed = None;
        for p in &self.imprint {
            let text = p.text.trim();
            if let Some(rest) = text.strip_prefix("抄送") {
                let names = rest
                    .trim_start_matches(['：', ':'])
                    .trim()
                    .trim_end_matches('。');
                copy_to = Some(names.to_string()).filter(|n| !n.is_empty());
            } else if let Some(head) = text.strip_suffix("印发") {
                // The date is the last thing before 印发; the agency all before it.
                if let Some(date) = IMPRINT_DATE.find(head.trim_end()) {
                    let agency = head[..date.start()].trim().to_string();
                    if !agency.is_empty() {
                        printed = Some((agency, date.as_str().to_string()));
                    }
                }
            }
        }
        (copy_to, printed)
    }
}

/// A document's 署名 and 成文日期 as its end writes them: the agencies, one a line (the
/// leading one first), over the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    /// The agencies that sign, as written.
    pub signers: Vec<String>,
    /// The date, as written (2018年5月28日).
    pub date: String,
    /// Where the first line stands.
    pub origin: Location,
}

/// A paragraph of prose with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text, joined across page breaks.
    pub text: String,
    /// Where it starts.
    pub origin: Location,
}

/// The outermost 《…》 titles in `text`, with the byte offset of each opening 《 (a title
/// within a title stays in it: 《关于印发《…》的通知》). A 》 whose 《 was lost (a web
/// page's copy: `2021年重点工作方案》和《…》已经…`) closes a title opening where its clause
/// does.
fn titles_in(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut clause) = (0usize, 0usize, 0usize);
    for (at, c) in text.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    start = at;
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let name = text[start + '《'.len_utf8()..at].trim();
                    if !name.is_empty() {
                        out.push((start, name.to_string()));
                    }
                    clause = at + c.len_utf8();
                }
            }
            '》' => {
                let name = text[clause..at].trim();
                if !name.is_empty() && !name.contains(['《', '〈']) {
                    out.push((clause, name.to_string()));
                }
                clause = at + c.len_utf8();
            }
            '，' | ',' | '：' | ':' | '、' if depth == 0 => clause = at + c.len_utf8(),
            _ => {}
        }
    }
    out
}

static IMPRINT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$").unwrap()
});

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // agency code, a bracketed 4-digit year in any of the brackets OCR and typists produce,
    // an optional 第, the serial number, 号.
    #[allow(clippy::unwrap_used)] // a literal pattern, checked by the unit tests
    Regex::new(r"^\s*([^\s\(\)（）〔〕\[\]【】〈〉<>]+?)\s*[\(（〔\[【〈<]\s*(\d{4})\s*[\)）〕\]】〉>]\s*第?\s*0*(\d+)\s*([号號])\s*$")
        .unwrap()
});

/// Words ending the name of a plan's table rather than of the plan (任务分工表, 重点任务清单).
const TABLE_NAMES: &[&str] = &["分工表", "任务表", "分解表", "一览表", "清单", "台账"];

/// Whether an attachment's name names a table of tasks, not a plan.
pub fn names_a_table(name: &str) -> bool {
    let name = crate::base::cjk::simplified_text(name.trim());
    TABLE_NAMES.iter().any(|t| name.ends_with(t))
}

/// Whether an attachment listed as `listed` is the table titled `title`: by the same name,
/// or by the name of its kind alone (附件：2.任务分工表 for 青禾区…建设任务分工表, 2．重点工作任务
/// 分工表 for 石门县…重点工作任务分工表).
pub fn lists_the_table(listed: &str, title: &str) -> bool {
    let bare = |name: &str| -> String {
        (crate::base::cjk::simplified_text(name).chars())
            .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '〈' | '〉'))
            .collect()
    };
    let (listed, title) = (bare(listed), bare(title));
    let kind_alone = names_a_table(&listed) && plan_of_table(&listed).is_none();
    listed == title || (kind_alone && listed.chars().count() <= 12 && title.ends_with(&listed))
}

/// The plan a table's name is of: 某区2024年工作方案任务分工表 → 某区2024年工作方案 (工作計劃
/// reads as 工作计划).
pub fn plan_of_table(name: &str) -> Option<&str> {
    const PLANS: &[&str] = &[
        "方案", "计划", "要点", "意见", "措施", "安排", "规划", "纲要",
    ];
    let name = name.trim();
    let simple = crate::base::cjk::simplified_text(name);
    let chars = PLANS
        .iter()
        .filter_map(|p| {
            simple
                .rfind(p)
                .map(|at| simple[..at + p.len()].chars().count())
        })
        .max()?;
    let mut end = name.char_indices().nth(chars).map(|(at, _)| at)?;
    // …三年行动方案（2021—2023年）重点任务分工表: the bracket after the plan's word is its.
    let rest = &name[end..];
    if let Some(inside) = rest.strip_prefix(['（', '('])
        && let Some(close) = inside.find(['）', ')'])
    {
        let bracket =
            rest.len() - inside.len() + close + inside[close..].chars().next()?.len_utf8();
        end += bracket;
    }
    names_a_table(&name[end..]).then(|| &name[..end])
}

/// Normalises a 发文字号 to the GB/T 9704 form `机关代字〔年份〕序号号`, or `None` when `text`
/// is not one: `嘉发改(2025)14号` → `嘉发改〔2025〕14号`, `沪府办发[2024]第007号` → `沪府办发〔2024〕7号`.
pub fn normalize_doc_number(text: &str) -> Option<String> {
    let caps = DOC_NUMBER.captures(text)?;
    let serial = &caps[3];
    if serial.chars().all(|c| c == '0') {
        return None;
    }
    // 號 in a source set in traditional characters stays 號, as its 机关代字 stays (洋政發).
    Some(format!(
        "{}〔{}〕{}{}",
        &caps[1], &caps[2], serial, &caps[4]
    ))
}

/// The year inside a 发文字号, e.g. 2025.
pub fn doc_number_year(text: &str) -> Option<i32> {
    DOC_NUMBER.captures(text)?[2].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_whose_opening_mark_was_lost_is_a_title() {
        let names = |text: &str| -> Vec<String> {
            titles_in(text).into_iter().map(|(_, name)| name).collect()
        };
        assert_eq!(
            names("2021年重点工作方案》和《2021年民生实事方案》已经市政府同意，现印发给你们"),
            ["2021年重点工作方案", "2021年民生实事方案"]
        );
        assert_eq!(
            names("现将《关于印发《甲方案》的通知》转发给你们"),
            ["关于印发《甲方案》的通知"]
        );
    }

    #[test]
    fn the_plan_a_tables_name_is_of_keeps_its_bracket() {
        assert_eq!(
            plan_of_table("加快建设“海上宁德”三年行动方案（2021—2023年）重点任务分工表"),
            Some("加快建设“海上宁德”三年行动方案（2021—2023年）")
        );
        assert_eq!(
            plan_of_table("某区2024年工作方案任务分工表"),
            Some("某区2024年工作方案")
        );
    }

    #[test]
    fn a_number_in_traditional_characters_keeps_its_script() {
        assert_eq!(
            normalize_doc_number("洋政發〔2024〕8號").as_deref(),
            Some("洋政發〔2024〕8號")
        );
        assert_eq!(
            normalize_doc_number("洋政發(2024)8號").as_deref(),
            Some("洋政發〔2024〕8號")
        );
        assert_eq!(
            normalize_doc_number("嘉发改(2025)14号").as_deref(),
            Some("嘉发改〔2025〕14号")
        );
    }

    #[test]
    fn the_sources_imprint_lines_are_read() {
        let at = Location::line("n.md", 30);
        let line = |text: &str| Paragraph {
            text: text.into(),
            origin: at.clone(),
        };
        let notice = Notice {
            imprint: vec![
                line("抄送：区委办公室，区政府办公室。"),
                line("上海市嘉定区发展和改革委员会办公室　　2025年3月6日印发"),
            ],
            ..Notice::default()
        };
        let (copy_to, printed) = notice.imprint_fields();
        assert_eq!(copy_to.as_deref(), Some("区委办公室，区政府办公室"));
        assert_eq!(
            printed,
            Some((
                "上海市嘉定区发展和改革委员会办公室".into(),
                "2025年3月6日".into()
            ))
        );
    }

    #[test]
    fn doc_numbers_take_hexagonal_brackets() {
        for (written, want) in [
            ("嘉发改(2025)14号", "嘉发改〔2025〕14号"),
            ("嘉发改（2025）14号", "嘉发改〔2025〕14号"),
            ("嘉发改〔2025〕14号", "嘉发改〔2025〕14号"),
            ("嘉发改[2025]14号", "嘉发改〔2025〕14号"),
            ("嘉发改【2025】14号", "嘉发改〔2025〕14号"),
            ("沪府办发 ( 2024 ) 第007号", "沪府办发〔2024〕7号"),
            ("  嘉发改(2025)14号  ", "嘉发改〔2025〕14号"),
        ] {
            assert_eq!(
                normalize_doc_number(written).as_deref(),
                Some(want),
                "{written}"
            );
        }
    }

    #[test]
    fn non_doc_numbers_are_refused() {
        for text in [
            "嘉发改14号",
            "(2025)14号",
            "嘉发改(25)14号",
            "嘉发改(2025)号",
            "嘉发改(2025)0号",
            "关于印发《…》的通知",
            "",
        ] {
            assert_eq!(normalize_doc_number(text), None, "{text}");
        }
    }

    #[test]
    fn year_comes_from_the_number() {
        assert_eq!(doc_number_year("嘉发改(2025)14号"), Some(2025));
        assert_eq!(doc_number_year("no"), None);
    }
}
