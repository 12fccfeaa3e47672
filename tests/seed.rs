//! The seed (嘉发改〔2025〕14号) end to end: the model `dump` gives, checked against what a
//! careful reader of the source finds by hand.

use crate::common;

use common::*;
use fengong::model::{GroupingSource, Plan, Role};
use serde_json::Value;

fn seed_plan() -> Plan {
    fengong::check(&input_dir()).expect("seed reads").plan
}

#[test]
fn notice_fields() {
    let plan = seed_plan();
    let n = &plan.notice;
    assert_eq!(n.issuer.as_deref(), Some("上海市嘉定区发展和改革委员会"));
    assert_eq!(n.doc_number.as_deref(), Some("嘉发改〔2025〕14号"));
    assert_eq!(n.doc_number_written.as_deref(), Some("嘉发改(2025)14号"));
    assert_eq!(
        n.title.as_deref(),
        Some("关于印发《嘉定区推进儿童友好城区建设2025年重点工作安排》的通知")
    );
    assert_eq!(n.recipients, ["各相关单位", "各街镇"]);
    assert_eq!(n.body.len(), 2);
    assert!(n.body[0].text.starts_with("为全面深入推进儿童友好城区建设"));
    assert_eq!(n.body[1].text, "特此通知。");
    assert_eq!(
        n.attachments,
        ["嘉定区推进儿童友好城区建设2025年重点工作安排"]
    );
    // The seed has neither; the shipped config leaves them blank.
    assert_eq!(n.signer, None);
    assert_eq!(n.date, None);
}

#[test]
fn plan_prose() {
    let plan = seed_plan();
    assert_eq!(
        plan.title.as_deref(),
        Some("嘉定区推进儿童友好城区建设2025年重点工作安排")
    );
    assert_eq!(plan.year, Some(2025));
    assert_eq!(plan.preamble.len(), 1);
    assert!(plan.preamble[0].text.starts_with("为深入践行人民城市理念"));
    assert_eq!(plan.closing.len(), 1);
    assert!(
        plan.closing[0]
            .text
            .starts_with("各街镇、各部门对照任务分工")
    );
    let titles: Vec<(&str, &str)> = plan
        .sections
        .iter()
        .map(|s| (s.numeral.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("一", "进一步完善儿童友好城区建设顶层设计"),
            ("二", "进一步提升托幼教育和健康服务能级"),
            ("三", "进一步优化儿童成长空间和社会环境"),
            ("四", "进一步加强儿童福利和权益保障"),
        ]
    );
    // The table's section row says 能力 where the prose says 能级; both are kept.
    assert_eq!(
        plan.sections[1].table_title.as_deref(),
        Some("进一步提升托幼教育和健康服务能力")
    );
    // A paragraph split by a page break is joined again.
    let brand = plan.group(3).unwrap();
    assert!(
        brand.text.contains("在儿童友好空间设施品质"),
        "{}",
        brand.text
    );
}

/// The groups and their tasks, read off the prose by hand: each task's text is found in
/// exactly one bold-headed paragraph.
const GROUPS: &[(&str, std::ops::RangeInclusive<u32>)] = &[
    ("推动友好理念融入规划体系", 1..=2),
    ("推动人口生育政策落地实施", 3..=4),
    ("加强儿童友好城区品牌建设", 5..=7),
    ("凝聚儿童友好城区建设工作合力", 8..=9),
    ("广泛开展儿童友好宣传交流", 10..=11),
    ("不断完善教学基础设施", 12..=14),
    ("推动幼有善育、学有优教", 15..=20),
    ("持续做好课外关心关爱", 21..=23),
    ("全面保障母婴健康安全", 24..=26),
    ("提高儿童保健服务水平", 27..=30),
    ("完善心理健康服务体系", 31..=34),
    ("系统推进儿童友好空间建设", 35..=39),
    ("构建儿童友好蓝绿生态空间", 40..=43),
    ("丰富校外儿童实践资源供给", 44..=50),
    ("加强家庭家教家风建设", 51..=55),
    ("营造健康向上的发展环境", 56..=60),
    ("加大特殊儿童关爱力度", 61..=65),
    ("构建儿童参与长效机制", 66..=69),
    ("强化儿童安全教育防护", 70..=75),
    ("积极探索数字赋能场景", 76..=78),
];

#[test]
fn tasks_and_groups_match_the_prose() {
    let plan = seed_plan();
    assert_eq!(plan.table.grouping, GroupingSource::Prose);
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, (1..=78).collect::<Vec<_>>());
    let groups: Vec<_> = plan.groups().collect();
    assert_eq!(groups.len(), 20);
    for (group, (title, range)) in groups.iter().zip(GROUPS) {
        assert_eq!(group.title, *title);
        assert_eq!(group.tasks, range.clone().collect::<Vec<_>>(), "{title}");
        for no in range.clone() {
            assert_eq!(plan.task(no).unwrap().group, group.no);
        }
    }
    let per_section: Vec<usize> = plan.sections.iter().map(|s| s.groups.len()).collect();
    assert_eq!(per_section, [5, 6, 5, 4]);
    // Every task found its sentence(s) in the prose.
    for task in &plan.tasks {
        assert!(task.prose.is_some(), "task {} has no prose", task.no);
        let group = plan.group(task.group).unwrap();
        assert!(group.text.contains(task.prose.as_deref().unwrap()));
    }
}

#[test]
fn misplaced_labels_are_recorded_not_obeyed() {
    let plan = seed_plan();
    let label = |n: u32| {
        plan.table
            .labels
            .iter()
            .find(|l| l.number == Some(n))
            .unwrap()
    };
    // （八）推动幼有善育、学有优教 sits on task 18's row; its group starts at 15.
    let eight = label(8);
    assert_eq!(eight.row_task, Some(18));
    assert_eq!(eight.group, Some(7));
    assert_eq!(plan.group(7).unwrap().tasks[0], 15);
    // （九） on task 19's row names 持续做好课外关心关爱 (tasks 21–23).
    assert_eq!(label(9).row_task, Some(19));
    assert_eq!(label(9).group, Some(8));
    // The table skips （六）, （十七）, （十九）; two groups have no label.
    let numbers: Vec<u32> = plan.table.labels.iter().filter_map(|l| l.number).collect();
    for skipped in [6, 17, 19] {
        assert!(!numbers.contains(&skipped));
    }
    let unlabelled: Vec<&str> = plan
        .groups()
        .filter(|g| g.label.is_none())
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(
        unlabelled,
        ["营造健康向上的发展环境", "构建儿童参与长效机制"]
    );
    assert_eq!(plan.table.repeated_headers, 10);
}

#[test]
fn units_are_canonical_with_the_right_leads() {
    let plan = seed_plan();
    let lead = |no: u32| leads(&plan, no);
    assert_eq!(lead(1), ["区发展改革委"]);
    assert_eq!(lead(10), ["区委宣传部"]);
    assert_eq!(lead(38), ["区交通委"]);
    assert_eq!(lead(74), ["公安嘉定分局"]);
    // 区妇儿工委办 is an alias of 区妇工委办; 区文化和旅游局 of 区文化旅游局.
    assert_eq!(lead(36), ["区妇工委办"]);
    assert_eq!(
        plan.task(36).unwrap().units[0].written.as_deref(),
        Some("区妇儿工委办")
    );
    assert!(plan.task(1).unwrap().assignment("区文化旅游局").is_some());
    assert!(
        plan.units
            .iter()
            .all(|u| u.name != "区妇儿工委办" && u.name != "区文化和旅游局")
    );
    assert!(plan.units.iter().all(|u| u.known));
    // 41 units: 29 departments and the 12 街镇.
    assert_eq!(plan.units.len(), 41);

    // 各街镇 expands to all 12, supporting.
    let t1 = plan.task(1).unwrap();
    let towns: Vec<_> = t1
        .units
        .iter()
        .filter(|a| a.via.as_deref() == Some("各街镇"))
        .collect();
    assert_eq!(towns.len(), 12);
    assert!(
        towns
            .iter()
            .all(|a| a.role == Role::Support && !a.conditional)
    );
    // 相关街镇: the same 12, marked conditional.
    let t41 = plan.task(41).unwrap();
    assert_eq!(t41.units.iter().filter(|a| a.conditional).count(), 12);
    // Phrases that name no unit are kept as written, and never lead.
    assert_eq!(plan.task(10).unwrap().unspecified, ["相关职能部门"]);
    assert_eq!(plan.task(5).unwrap().unspecified, ["相关部门"]);
    assert_eq!(plan.task(73).unwrap().unspecified, ["各有关部门"]);
    let t8 = plan.task(8).unwrap();
    assert_eq!(t8.unspecified, ["协调机制成员单位"]);
    assert!(t8.leads().all(|a| a.via.as_deref() == Some("各街镇")));
    assert_eq!(t8.units_text, "协调机制成员单位，各街镇");
    for task in &plan.tasks {
        assert!(task.leads().count() >= 1, "task {} has no lead", task.no);
        assert!(task.leads().all(|a| a.known));
    }
}

#[test]
fn origins_point_at_the_source_lines() {
    let plan = seed_plan();
    let text = seed_text();
    let lines: Vec<&str> = text.lines().collect();
    for task in &plan.tasks {
        let line = task.origin.line_no().unwrap() as usize;
        assert!(lines[line - 1].contains(&task.content), "task {}", task.no);
        let prose_line = task.prose_origin.as_ref().unwrap().line_no().unwrap() as usize;
        let first: String = task.prose.as_deref().unwrap().chars().take(6).collect();
        assert!(
            lines[prose_line - 1].contains(&first),
            "task {} prose at {prose_line}",
            task.no
        );
    }
}

#[test]
fn dump_json_has_the_documented_fields() {
    let root = root();
    let out = fengong(&root, &["dump", "input", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["issuer", "doc_number", "title", "recipients"] {
        assert!(json["notice"].get(key).is_some(), "notice.{key}");
    }
    assert_eq!(json["notice"]["doc_number"], "嘉发改〔2025〕14号");
    assert_eq!(json["sections"].as_array().unwrap().len(), 4);
    assert_eq!(
        json["sections"][0]["groups"][0]["tasks"],
        serde_json::json!([1, 2])
    );
    let task = &json["tasks"][0];
    assert_eq!(task["no"], 1);
    assert!(
        task["content"]
            .as_str()
            .unwrap()
            .starts_with("坚持儿童优先原则")
    );
    assert_eq!(task["units"][0]["name"], "区发展改革委");
    assert_eq!(task["units"][0]["role"], "lead");
    assert_eq!(task["units"][1]["role"], "support");
    assert!(task["targets"].is_array());
    assert_eq!(task["deadline"], "2025-12-31");
}

fn dump_of(dir: &std::path::Path, file: &str) -> String {
    let out = fengong(dir, &["dump", &format!("input/{file}"), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn gbk_crlf_and_bom_copies_give_the_identical_model() {
    let text = seed_text();
    let crlf = text.replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
    assert!(!unmappable);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let name = "嘉发改〔2025〕14号.md";
    let want = dump_of(&root(), name);
    for bytes in [text.as_bytes().to_vec(), gbk.into_owned(), bom] {
        let dir = project(&[(name, &bytes)]);
        assert_eq!(dump_of(dir.path(), name), want);
    }
}

/// The whole model, reviewed by hand once; any change to ingest shows up here as a diff
/// (`cargo insta review` to accept an intended one).
#[test]
fn model_snapshot() {
    let out = fengong(&root(), &["dump", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!("seed_model", stdout(&out));
}

/// Every quantified target of the seed, found by reading each task: and nothing else (no
/// hotline 12355, age 0-6 岁, brand “15分钟幸福圈” or “我嘉健康 1 小时”, “十五五”, year 2025).
#[test]
fn seed_targets_all_found_and_no_decoys() {
    let plan = seed_plan();
    let found: Vec<(u32, f64, String, String)> = plan
        .tasks
        .iter()
        .flat_map(|t| {
            t.targets
                .iter()
                .map(move |g| (t.no, g.value, g.unit.clone(), format!("{:?}", g.comparator)))
        })
        .collect();
    let want = [
        (15, 6.0, "个", "Eq"),
        (16, 4.0, "个", "Eq"),
        (16, 80.0, "个", "Eq"),
        (16, 100.0, "%", "AtLeast"),
        (21, 2.0, "小时", "AtLeast"),
        (50, 30.0, "个", "AtLeast"),
        (50, 12.0, "个", "AtLeast"),
        (54, 15.0, "个", "Eq"),
        (62, 20.0, "户", "Eq"),
    ];
    let want: Vec<(u32, f64, String, String)> = want
        .iter()
        .map(|(n, v, u, c)| (*n, *v, u.to_string(), c.to_string()))
        .collect();
    assert_eq!(found, want);
    let subjects: Vec<&str> = plan
        .task(16)
        .unwrap()
        .targets
        .iter()
        .map(|t| t.subject.as_str())
        .collect();
    assert_eq!(
        subjects,
        ["公办托幼一体园", "托额", "公办园托幼一体化覆盖率"]
    );
}

/// Every Markdown document of the shipped input (notice, table, audit, unit sheets, the
/// evaluation reports of the 示例 returns), so a change to any document shows up in review
/// as a diff (`cargo insta review` to accept an intended one).
#[test]
fn markdown_snapshots() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = fengong(
        &root(),
        &["publish", "input", "-o", out_dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown: Vec<(String, Vec<u8>)> = read_tree(out_dir.path())
        .into_iter()
        .filter(|(path, _)| path.ends_with(".md"))
        .collect();
    assert!(markdown.len() > 40, "{} Markdown files", markdown.len());
    insta::with_settings!({
        snapshot_path => "snapshots/markdown",
        prepend_module_to_snapshot => false,
    }, {
        for (path, bytes) in markdown {
            let name = path.trim_end_matches(".md").replace('/', "__");
            insta::assert_snapshot!(name, String::from_utf8(bytes).unwrap());
        }
    });
}
