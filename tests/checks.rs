//! The checks on the seed: every real defect with its line, and the audit report saying the
//! same. The expected list was made by reading the seed against its prose by hand.

use crate::common;

use common::*;
use serde_json::Value;

/// (code, line) of every finding on the seed.
const SEED_FINDINGS: &[(&str, u32)] = &[
    ("notice/doc-number", 5),       // 嘉发改(2025)14号 → 〔〕
    ("notice/no-date", 15),         // no 成文日期
    ("notice/no-signer", 15),       // no 署名
    ("plan/returns-to", 87),        // a note: the materials go to 区发展改革委
    ("unit/alias", 93),             // task 1: 区文化和旅游局
    ("unit/lead-first", 93),        // a note: the 责任单位 column's first unit leads
    ("text/differs", 99),           // task 5: 建设先行实践区 / 儿童友好先行实践区
    ("text/differs", 100),          // task 6: 融合服务区 / 融合服务实践区
    ("text/traditional", 106),      // task 8: 部門
    ("unit/lead-unspecified", 106), // task 8: 协调机制成员单位 first
    ("unit/alias", 108),            // task 10: 区文化和旅游局
    ("group/section-title", 114),   // 能力 / 能级
    ("group/number-skipped", 115),  // （五）→（七）
    ("group/label-misplaced", 121), // （八） on task 18, group starts at 15
    ("group/label-misplaced", 126), // （九） on task 19, group is 21–23
    ("group/label-title", 126),     // 课后关爱 / 课外关心关爱
    ("text/differs", 130),          // task 23: 管理改善 / 管理和改善
    ("group/label-misplaced", 132), // （十） on task 25, group is 24–26
    ("text/differs", 133),          // task 26: 儿科医生的 / 儿保医生
    ("text/differs", 140),          // task 29: 副校长（园）长 / 副校（园）长
    ("text/differs", 142),          // task 31: 学生关爱 / 学生关心关爱
    ("group/label-misplaced", 144), // （十二） on task 33, group is 31–34
    ("text/differs", 151),          // task 35: 管理水平 / 管理服务水平
    ("text/traditional", 151),      // task 35: 母嬰室
    ("unit/alias", 152),            // task 36: 区妇儿工委办
    ("text/differs", 154),          // task 38: 标志线 / 标志标线
    ("text/differs", 156),          // task 40: 赤河源 / 苏河源
    ("group/label-misplaced", 157), // （十四） on task 41, group is 40–43
    ("group/label-misplaced", 163), // （十五） on task 43, group is 44–50
    ("text/differs", 170),          // task 50: 中小学生 / 小学生
    ("group/label-missing", 180),   // 营造健康向上的发展环境
    ("text/differs", 180),          // task 56: 传播 / 传承
    ("text/differs", 182),          // task 58: 社会化发展格局 / 社会化工作格局
    ("group/number-skipped", 190),  // （十六）→（十八）
    ("group/label-missing", 195),   // 构建儿童参与长效机制
    ("unit/alias", 202),            // task 69: 区妇儿工委办
    ("text/differs", 203),          // task 70: ‘嘉’ / 嘉
    ("group/label-misplaced", 204), // （二十） on task 71, group is 70–75
    ("group/number-skipped", 204),  // （十八）→（二十）
    ("text/differs", 204),          // task 71: truncated mid-sentence
    ("text/differs", 207),          // task 74: 上学 / 上学放学
    ("text/differs", 208),          // task 75: 推进 / 推进落实
    ("text/differs", 214),          // task 77: 文体科普 / 文体会科普
];

fn seed_findings() -> Vec<Value> {
    let out = fengong(&root(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

#[test]
fn every_real_defect_of_the_seed_with_its_line() {
    let found: Vec<(String, u32)> = seed_findings()
        .iter()
        .map(|d| {
            assert_eq!(d["location"]["path"], "input/嘉发改〔2025〕14号.md");
            (
                d["code"].as_str().unwrap().to_string(),
                d["location"]["line"].as_u64().unwrap() as u32,
            )
        })
        .collect();
    let want: Vec<(String, u32)> = SEED_FINDINGS
        .iter()
        .map(|(c, l)| (c.to_string(), *l))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn text_diffs_show_both_versions() {
    let findings = seed_findings();
    let hints_of = |line: u64| -> Vec<String> {
        findings
            .iter()
            .filter(|d| d["code"] == "text/differs" && d["location"]["line"] == line)
            .flat_map(|d| d["hints"].as_array().unwrap().iter())
            .map(|h| h.as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        hints_of(156)
            .iter()
            .any(|h| h.contains("【赤】") && h.contains("【苏】"))
    );
    // Task 71 lost half a sentence: the prose side shows what is missing.
    assert!(
        hints_of(204)
            .iter()
            .any(|h| h.contains("全面推进检察官兼任未保站法治副站长工作"))
    );
    let messages: Vec<&str> = findings
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages.iter().any(|m| m.contains("「門」是繁体字")));
    assert!(messages.iter().any(|m| m.contains("「嬰」是繁体字")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("课后关爱") && m.contains("课外关心关爱"))
    );
}

#[test]
fn the_audit_report_says_the_same() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/manifest.json")).unwrap())
            .unwrap();
    let audit = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "audit")
        .expect("an audit in the manifest");
    assert_eq!(audit["format"], "markdown");
    let text = std::fs::read_to_string(
        dir.path()
            .join("output")
            .join(audit["path"].as_str().unwrap()),
    )
    .unwrap();
    // Every seed finding is a warning but the notes that the first unit leads and where the
    // returns go.
    let notes = SEED_FINDINGS
        .iter()
        .filter(|(code, _)| matches!(*code, "unit/lead-first" | "plan/returns-to"))
        .count();
    let counts = format!("警告 {} 条，提示 {notes} 条", SEED_FINDINGS.len() - notes);
    assert!(text.contains(&counts), "{counts}");
    let check = fengong(dir.path(), &["check", "--format", "json"]);
    let findings: Vec<Value> = serde_json::from_slice(&check.stdout).unwrap();
    for d in &findings {
        // The report is Markdown: what it quotes is escaped, as all data is.
        let message = fengong::templates::markdown_escape(d["message"].as_str().unwrap());
        assert!(text.contains(&message), "audit lacks: {message}");
        let line = d["location"]["line"].as_u64().unwrap();
        assert!(text.contains(&format!("第 {line} 行")));
        for hint in d["hints"].as_array().unwrap() {
            let hint = fengong::templates::markdown_escape(hint.as_str().unwrap());
            assert!(text.contains(&hint), "audit lacks: {hint}");
        }
    }
}

#[test]
fn corrections_apply_and_are_listed() {
    let config = format!(
        "{}\n[[corrections]]\ntask = 40\nuse_prose = true\nreason = \"OCR 误识\"\n\n[[corrections]]\ntask = 71\ncontent = \"做深做实法治副校长履职工作。\"\nunits = \"区教育局、区检察院\"\n\n[[corrections]]\ntask = 12\ndeadline = \"2025年9月底前\"\nreason = \"区政府会议调整\"\n",
        seed_config()
    );
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let check = fengong(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", said(&check));
    let findings: Vec<Value> = serde_json::from_slice(&check.stdout).unwrap();
    let diff_lines: Vec<u64> = findings
        .iter()
        .filter(|d| d["code"] == "text/differs")
        .map(|d| d["location"]["line"].as_u64().unwrap())
        .collect();
    assert!(!diff_lines.contains(&156) && !diff_lines.contains(&204));

    let dump: Value =
        serde_json::from_slice(&fengong(dir.path(), &["dump", "--json"]).stdout).unwrap();
    let t40 = &dump["tasks"][39];
    assert!(t40["content"].as_str().unwrap().contains("苏河源"));
    assert!(
        t40["correction"]["content_was"]
            .as_str()
            .unwrap()
            .contains("赤河源")
    );
    let t71 = &dump["tasks"][70];
    assert_eq!(t71["units"].as_array().unwrap().len(), 2);
    // A deadline corrected: read with the plan's year, the one it replaces kept.
    let t12 = &dump["tasks"][11];
    assert_eq!(t12["deadline"], "2025-09-30");
    assert_eq!(t12["deadline_text"], "2025年9月底前");
    assert!(t12["correction"]["deadline_was"].is_string(), "{t12}");

    assert!(fengong(dir.path(), &["publish"]).status.success());
    let audit = std::fs::read_to_string(dir.path().join("output/校对报告.md")).unwrap();
    assert!(audit.contains("已按配置更正的内容（3 项）"));
    assert!(audit.contains("更正为：2025年9月底前"), "{audit}");
    assert!(audit.contains("OCR 误识"));
    assert!(audit.contains("推进赤河源综合公园竣工"));

    // A correction of a task that does not exist is an error: check exits 1, publish
    // writes nothing.
    let bad = format!(
        "{}\n[[corrections]]\ntask = 99\ncontent = \"x\"\n",
        seed_config()
    );
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("fengong.toml", bad.as_bytes()),
    ]);
    let check = fengong(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        said(&check).contains("input/fengong.toml:"),
        "{}",
        said(&check)
    );
    let publish = fengong(dir.path(), &["publish"]);
    assert_eq!(publish.status.code(), Some(1));
    assert!(!dir.path().join("output").exists());

    // So is a corrected deadline that reads as no date.
    let vague = format!(
        "{}\n[[corrections]]\ntask = 12\ndeadline = \"尽快\"\n",
        seed_config()
    );
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("fengong.toml", vague.as_bytes()),
    ]);
    let check = fengong(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        said(&check).contains("第 12 项任务更正的完成时限「尽快」无法识别为日期"),
        "{}",
        said(&check)
    );
}
