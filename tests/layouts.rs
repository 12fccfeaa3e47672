//! The other layouts of 分工 in plan documents: inline after each task, labelled lines under a
//! numbered task, and both in one document. Fixtures in `tests/fixtures/` are other districts'
//! and other years' plans, with other numbering.

mod common;

use std::path::PathBuf;

use fengong::model::{Plan, Role};

fn fixture(name: &str) -> Plan {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fengong::check(&dir).expect("reads").plan
}

fn leads(plan: &Plan, no: u32) -> Vec<String> {
    plan.task(no)
        .unwrap()
        .leads()
        .map(|a| a.name.clone())
        .collect()
}

fn supports(plan: &Plan, no: u32) -> Vec<String> {
    plan.task(no)
        .unwrap()
        .supports()
        .map(|a| a.name.clone())
        .collect()
}

fn groups(plan: &Plan) -> Vec<(String, Vec<u32>)> {
    plan.groups()
        .map(|g| (g.title.clone(), g.tasks.clone()))
        .collect()
}

#[test]
fn inline_assignments() {
    let plan = fixture("inline");
    assert_eq!(plan.notice.doc_number.as_deref(), Some("青发改〔2026〕8号"));
    assert_eq!(plan.year, Some(2026));
    assert_eq!(plan.tasks.len(), 4);
    let t1 = plan.task(1).unwrap();
    assert_eq!(t1.content, "新建一批社区托育“宝宝屋”，新增普惠托位300个。");
    assert_eq!(leads(&plan, 1), ["区卫生健康委"]);
    assert_eq!(supports(&plan, 1), ["区财政局", "区发展改革委"]);
    assert_eq!(
        t1.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
    assert_eq!(t1.deadline_text.as_deref(), Some("2026年12月底前完成"));
    assert_eq!(
        (t1.targets[0].value, t1.targets[0].subject.as_str()),
        (300.0, "普惠托位")
    );
    // Two tasks in one paragraph; 各街镇 expands.
    assert_eq!(
        plan.task(2).unwrap().content,
        "推进托幼一体化，新增托班15个。"
    );
    assert_eq!(supports(&plan, 2), ["朱家角镇", "练塘镇"]);
    assert_eq!(
        plan.task(2)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-09-30")
    );
    // 共同牵头 and 按职责分工负责; a line break inside the sentence.
    let t3 = plan.task(3).unwrap();
    assert!(
        t3.content
            .starts_with("鼓励有条件的园区、企业为职工提供托育服务，培育不少于5家")
    );
    assert_eq!(leads(&plan, 3), ["区总工会", "区卫生健康委"]);
    assert_eq!(t3.unspecified, ["区各有关部门"]);
    assert_eq!(
        t3.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
    // 责任单位： inside the parenthesis: the first leads.
    assert_eq!(leads(&plan, 4), ["区人力资源社会保障局"]);
    assert_eq!(supports(&plan, 4), ["区卫生健康委"]);
    assert_eq!(
        plan.task(4)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-09-30")
    );
    assert_eq!(
        groups(&plan),
        [
            ("增加托位供给".to_string(), vec![1, 2]),
            ("支持用人单位办托".to_string(), vec![3]),
            ("加强队伍建设".to_string(), vec![4]),
        ]
    );
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["扩大普惠托育服务供给", "提升托育服务质量"]);
    assert!(t1.origin.to_string().ends_with(".md:19"), "{}", t1.origin);
    // The attachment keeps the plan's own text and its closing paragraph.
    assert!(
        plan.group(1)
            .unwrap()
            .text
            .contains("新增普惠托位300个。（区卫生健康委牵头")
    );
    assert_eq!(plan.closing.len(), 1);
    assert!(
        plan.closing[0]
            .text
            .starts_with("各街镇、各部门要加强组织领导")
    );
}

#[test]
fn labelled_lines() {
    let plan = fixture("labelled");
    assert_eq!(plan.year, Some(2024));
    assert_eq!(plan.tasks.len(), 3);
    let t1 = plan.task(1).unwrap();
    assert_eq!(t1.content, "完成3所中小学校舍改造，新增学位不少于600个。");
    assert_eq!(leads(&plan, 1), ["区教育局"]);
    assert_eq!(supports(&plan, 1), ["区财政局", "区住房城乡建设局"]);
    assert_eq!(
        t1.deadline.map(|d| d.to_string()).as_deref(),
        Some("2024-08-31")
    );
    let units: Vec<(&str, f64)> = t1
        .targets
        .iter()
        .map(|t| (t.unit.as_str(), t.value))
        .collect();
    assert_eq!(units, [("所", 3.0), ("个", 600.0)]);
    // 责任单位 without 牵头单位: the first leads; 各街道办事处 expands.
    assert_eq!(leads(&plan, 2), ["区教育局"]);
    assert_eq!(supports(&plan, 2), ["友好街道", "曙光街道"]);
    assert_eq!(
        plan.task(2)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-12-31")
    );
    // 长期坚持 is no date; 65岁 is an age, not a target.
    let t3 = plan.task(3).unwrap();
    assert_eq!(t3.deadline, None);
    assert_eq!(t3.targets.len(), 1);
    assert_eq!(t3.targets[0].unit, "%");
    assert_eq!(
        groups(&plan),
        [
            ("改善办学条件".to_string(), vec![1, 2]),
            ("提升基层医疗服务".to_string(), vec![3]),
        ]
    );
}

#[test]
fn both_layouts_in_one_document() {
    let plan = fixture("mixed");
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(
        plan.task(1).unwrap().content,
        "全面清理证明事项，年内再取消证明材料不少于20项。"
    );
    assert_eq!(leads(&plan, 1), ["县司法局"]);
    assert_eq!(plan.task(1).unwrap().unspecified, ["县直各有关部门"]);
    assert_eq!(plan.task(2).unwrap().content, "推行企业开办“一日办结”。");
    assert_eq!(leads(&plan, 2), ["县市场监管局"]);
    assert_eq!(supports(&plan, 2), ["县税务局", "县公安局"]);
    assert_eq!(
        plan.task(2)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-06-30")
    );
    assert_eq!(
        plan.task(3)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-12-31")
    );
    assert_eq!(
        plan.task(3)
            .unwrap()
            .units
            .iter()
            .map(|a| a.role)
            .collect::<Vec<_>>(),
        [Role::Lead, Role::Support]
    );
    assert_eq!(
        groups(&plan),
        [
            ("精简审批事项".to_string(), vec![1, 2]),
            ("创新监管方式".to_string(), vec![3]),
        ]
    );
}

#[test]
fn fixtures_publish_end_to_end() {
    for name in ["inline", "labelled", "mixed"] {
        let dir = tempfile::tempdir().unwrap();
        let input = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let out = common::fengong(
            dir.path(),
            &["publish", input.to_str().unwrap(), "-o", "out"],
        );
        assert!(out.status.success(), "{name}: {}", common::stderr(&out));
        for file in [
            "通知.pdf",
            "任务分工表.pdf",
            "任务分工表.xlsx",
            "校对报告.md",
        ] {
            assert!(dir.path().join("out").join(file).exists(), "{name}: {file}");
        }
    }
}
