//! The other layouts of 分工 in plan documents: inline after each task, labelled lines under a
//! numbered task, and both in one document. Fixtures in `tests/fixtures/` are other districts'
//! and other years' plans, with other numbering.

use crate::common;

use common::{
    clauses, codes, content_chars, contents, groups, leads, model_strings, published_text, supports,
};

use std::path::PathBuf;

use fengong::model::{Plan, Role};

/// Every name task `no` lists, units (lead first) then phrases naming no unit.
fn everyone_named(plan: &Plan, no: u32) -> Vec<String> {
    let task = plan.task(no).unwrap();
    task.units
        .iter()
        .map(|u| u.name.clone())
        .chain(task.unspecified.iter().cloned())
        .collect()
}

/// A source file of `text` named `name` in a folder of its own (kept while the folder is).
fn text_source(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn fixture(name: &str) -> Plan {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fengong::check(&dir).expect("reads").plan
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

/// What a unit's sheet says of the others on a task: a group's member reads its fellow
/// members by name (the group 各街道办事处 holds the sheet's own 友好街道), and a list the
/// source ends with 等 on the sheet's own unit stays open (区财政局、区规划局等 on
/// 区规划局's sheet: 区财政局等).
#[test]
fn a_sheet_names_the_other_units_as_the_source_leaves_them() {
    let others = |plan: &Plan, unit: &str, no: u32| {
        let sheets = fengong::view::TaskSheet::all(plan);
        let sheet = sheets.iter().find(|s| s.unit == unit).unwrap();
        sheet
            .tasks
            .iter()
            .find(|t| t.no == no)
            .unwrap()
            .others
            .clone()
    };
    let plan = fixture("labelled");
    assert_eq!(
        others(&plan, "友好街道", 2),
        "牵头：区教育局；配合：曙光街道"
    );
    assert_eq!(others(&plan, "区教育局", 2), "配合：各街道办事处");
    let plan = fixture("columns/lead_support_etc.md");
    assert_eq!(
        others(&plan, "区规划局", 1),
        "牵头：区住建委；配合：区财政局等"
    );
    assert_eq!(
        others(&plan, "区财政局", 1),
        "牵头：区住建委；配合：区规划局等"
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
        for file in ["任务分工表.pdf", "任务分工表.xlsx", "校对报告.md"] {
            assert!(dir.path().join("out").join(file).exists(), "{name}: {file}");
        }
        // The mixed plan has no notice: it gets none, never an empty 红头.
        let notice = dir.path().join("out/通知.pdf").exists();
        assert_eq!(notice, name != "mixed", "{name}: 通知.pdf");
    }
}

/// A plan file of `tests/fixtures/columns/` read on its own.
fn columns_fixture(name: &str) -> fengong::Checked {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/columns")
        .join(name);
    fengong::check(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn deadline(plan: &Plan, no: u32) -> Option<String> {
    plan.task(no).unwrap().deadline.map(|d| d.to_string())
}

/// Columns recognised by what their headers say, in wordings the seed never uses: 重点工作
/// beside 工作措施 (the broader one is the group), 责任领导 kept with each task.
#[test]
fn headers_are_read_by_what_they_say_leaders_and_measures() {
    let plan = columns_fixture("leaders.md").plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(
        groups(&plan),
        [
            ("政务服务提质".to_string(), vec![1, 2]),
            ("要素保障".to_string(), vec![3, 4])
        ]
    );
    assert!(
        plan.task(1)
            .unwrap()
            .content
            .starts_with("推行“高效办成一件事”")
    );
    assert_eq!(leads(&plan, 1), ["区政务服务中心"]);
    assert_eq!(supports(&plan, 1), ["区数据局", "区司法局"]);
    assert_eq!(deadline(&plan, 2).as_deref(), Some("2025-09-30"));
    assert_eq!(deadline(&plan, 4).as_deref(), Some("2025-12-31"), "全年");
    assert_eq!(plan.task(3).unwrap().person.as_deref(), Some("李副区长"));
    assert_eq!(
        plan.title.as_deref(),
        Some("南湖区2025年优化营商环境重点工作任务清单"),
        "a table alone is named by its title"
    );
}

#[test]
fn a_column_fengong_does_not_read_is_kept_and_reported() {
    let checked = columns_fixture("remarks.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.table.extra_columns, ["备注"]);
    assert_eq!(plan.task(1).unwrap().extra, ["省考核指标"]);
    assert_eq!(plan.task(3).unwrap().extra, ["纳入月度通报"]);
    assert_eq!(leads(plan, 1), ["县农业农村局"]);
    assert_eq!(supports(plan, 1), ["各乡镇"]);
    assert_eq!(deadline(plan, 1).as_deref(), Some("2025-11-30"));
    let extra = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "table/extra-column")
        .expect("the 备注 column is reported");
    assert!(extra.message.contains("备注"), "{}", extra.message);
}

#[test]
fn blocks_measures_main_and_assisting_units_and_schedules() {
    let plan = columns_fixture("blocks.md").plan;
    assert_eq!(
        groups(&plan),
        [
            ("公共文化".to_string(), vec![1, 2]),
            ("文化产业".to_string(), vec![3])
        ]
    );
    assert_eq!(leads(&plan, 3), ["区发改委"]);
    assert_eq!(supports(&plan, 3), ["区商务局", "区文旅局"]);
    assert_eq!(deadline(&plan, 1).as_deref(), Some("2025-09-30"));
}

#[test]
fn a_header_that_reads_two_ways_is_an_error_naming_it() {
    let dir = common::project(&[(
        "plan.md",
        "序号\t工作任务\t牵头/配合单位\t完成时限\n1\t建设公园。\t区绿化市容局\t2025年12月\n"
            .as_bytes(),
    )]);
    let err = fengong::check(&dir.path().join("input"))
        .err()
        .map(|e| e.to_string());
    let report = fengong::check(&dir.path().join("input")).map(|c| c.report);
    let found = match (&err, &report) {
        (_, Ok(report)) => report
            .diagnostics
            .iter()
            .any(|d| d.code == "table/ambiguous-header" && d.message.contains("牵头配合单位")),
        (Some(e), _) => e.contains("牵头配合单位"),
        _ => false,
    };
    assert!(found, "{err:?}");
}

/// Nothing built from missing data reaches a document: no notice means no 通知.*, and no
/// empty 《》, **** or 【】 anywhere.
#[test]
fn a_table_alone_publishes_without_an_empty_red_head_or_empty_brackets() {
    for name in ["leaders.md", "remarks.md", "blocks.md"] {
        let source = std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/columns")
                .join(name),
        )
        .unwrap();
        let dir = common::project(&[(name, &source)]);
        let out = common::fengong(dir.path(), &["publish"]);
        assert!(out.status.success(), "{name}: {}", common::stderr(&out));
        let files = common::read_tree(&dir.path().join("output"));
        assert!(
            !files.keys().any(|k| k.starts_with("通知")),
            "{name}: no notice, no 通知.*"
        );
        assert!(files.contains_key("任务分工表.pdf"), "{name}");
        for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".md")) {
            let text = String::from_utf8_lossy(bytes);
            for empty in ["《》", "****", "【】"] {
                assert!(!text.contains(empty), "{name}: {path} contains {empty}");
            }
        }
        let table = String::from_utf8_lossy(&files["任务分工表.md"]).to_string();
        if name == "remarks.md" {
            assert!(
                table.contains("| 备注 |") && table.contains("省考核指标"),
                "{table}"
            );
        }
        if name == "leaders.md" {
            assert!(
                table.contains("| 责任领导 |") && table.contains("王副区长"),
                "{table}"
            );
        }
    }
}

/// `[plan] lead = "all"`: every unit of a plain 责任单位 cell leads, unless the cell marks its
/// lead; units written with their role (共同牵头, 配合, 按职责分工负责) and `X等部门` read right
/// under either rule.
#[test]
fn who_leads_a_plain_units_cell_is_the_users_choice() {
    let table = "序号\t工作任务\t责任单位\t完成时限\n\
        1\t建设口袋公园10个。\t区绿化市容局、区建设管理委\t2025年12月\n\
        2\t开展全民健身活动。\t区体育局牵头，区教育局配合\t全年\n\
        3\t推进适老化改造。\t区民政局、区残联共同牵头，各街镇按职责分工负责\t2025年10月\n\
        4\t加强安全宣传。\t区应急局等部门\t全年\n";
    let plan_with = |config: &str| {
        let dir = common::project(&[
            ("plan.md", table.as_bytes()),
            ("fengong.toml", config.as_bytes()),
        ]);
        fengong::check(&dir.path().join("input")).unwrap().plan
    };
    let first = plan_with("# 默认：首位牵头\n");
    assert_eq!(leads(&first, 1), ["区绿化市容局"]);
    assert_eq!(supports(&first, 1), ["区建设管理委"]);
    let all = plan_with("[plan]\nlead = \"all\"\n");
    assert_eq!(leads(&all, 1), ["区绿化市容局", "区建设管理委"]);
    for plan in [&first, &all] {
        assert_eq!(leads(plan, 2), ["区体育局"]);
        assert_eq!(supports(plan, 2), ["区教育局"]);
        assert_eq!(leads(plan, 3), ["区民政局", "区残联"]);
        assert_eq!(supports(plan, 3), ["各街镇"]);
        assert_eq!(leads(plan, 4), ["区应急局"]);
        assert_eq!(plan.task(4).unwrap().unspecified, ["部门"]);
    }
}

/// Tables copied from web pages: tab-separated with quoted cells holding line breaks (CSV
/// rules), columns aligned with runs of spaces, cells separated by ` | `.
#[test]
fn tables_copied_from_web_pages() {
    let quoted = columns_fixture("web_quoted.md").plan;
    assert_eq!(quoted.tasks.len(), 3);
    assert_eq!(
        quoted.task(1).unwrap().content,
        "推进老旧小区改造，全年完成改造小区30个。"
    );
    assert_eq!(
        supports(&quoted, 1),
        ["区财政局", "区规划资源局"],
        "a line break separates units"
    );
    assert_eq!(
        quoted.task(2).unwrap().content,
        "打造\"15分钟社区生活圈\"示范社区5个。"
    );
    assert_eq!(deadline(&quoted, 3).as_deref(), Some("2025-10-31"));

    let spaces = columns_fixture("web_spaces.md").plan;
    assert_eq!(spaces.tasks.len(), 3);
    assert_eq!(leads(&spaces, 1), ["县教育局"]);
    assert_eq!(supports(&spaces, 1), ["县住建局"]);
    assert_eq!(
        spaces.task(3).unwrap().content,
        "开展中小学生视力筛查全覆盖。"
    );

    let bars = columns_fixture("web_bars.md").plan;
    assert_eq!(bars.tasks.len(), 2);
    assert_eq!(supports(&bars, 2), ["新区自然资源局", "新区政务服务局"]);
    assert_eq!(deadline(&bars, 1).as_deref(), Some("2025-06-30"));
}

/// A table whose 主要事项 labels start again at （一） under each part prints them as
/// written — in the table and on every unit's sheet — never numbered on through the plan
/// (（三）做强主导产业).
#[test]
fn group_labels_numbered_afresh_in_each_part_print_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/columns/groups_numbered_per_part.md");
    let out = common::fengong(
        dir.path(),
        &["publish", input.to_str().unwrap(), "-o", "out"],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let table = std::fs::read_to_string(dir.path().join("out/任务分工表.md")).unwrap();
    let sheet = std::fs::read_to_string(dir.path().join("out/任务单/县工业和信息化局.md")).unwrap();
    for printed in [&table, &sheet] {
        assert!(printed.contains("（一）做强主导产业"), "{printed}");
        assert!(printed.contains("（二）培育新兴产业"), "{printed}");
        assert!(
            !printed.contains("（三）") && !printed.contains("（四）"),
            "{printed}"
        );
    }
    assert!(table.contains("（一）扩大有效投资") && table.contains("（二）提振消费需求"));
}

/// Tables `pdftotext -layout` made of real PDFs (a Word table printed through LibreOffice):
/// its columns counted a column a character, not by display width — the wrapped lines go
/// under their own columns (县数据 / 资源管理局, 县公安 / 局、县行政审批服务局, 2025 年 6
/// 月底 / 前) — and a header whose names wrap under it (责任 / 领导) is read whole, the
/// leaders' names with it (李卫 / 东); a 主要事项 label merged over rows is one label.
#[test]
fn tables_pdftotext_set_by_characters_read_into_their_rows() {
    let checked = columns_fixture("pdftotext_by_characters.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(plan, 1), ["县行政审批服务局"]);
    assert_eq!(supports(plan, 1), ["县数据资源管理局"]);
    assert!(
        plan.task(1)
            .unwrap()
            .content
            .ends_with("群众满意度达到95%以上。")
    );
    assert_eq!(
        plan.task(2).unwrap().content,
        "完善“好差评”制度，差评整改回访率达到100%。"
    );
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("2025年6月底前")
    );
    assert_eq!(deadline(plan, 2).as_deref(), Some("2025-06-30"));
    assert_eq!(supports(plan, 3), ["县公安局", "县行政审批服务局"]);
    let codes = common::codes(&checked);
    for never in [
        "table/after-table",
        "table/cells-moved-left",
        "unit/fragment",
    ] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }

    // A 主要事项 label merged over two rows, set over their lines, and one wrapped under
    // its own row: each one label, as written.
    let merged = columns_fixture("pdftotext_label_merged.md").plan;
    let labels: Vec<(Option<String>, Vec<u32>)> = (merged.groups())
        .map(|g| (g.label.clone(), g.tasks.clone()))
        .collect();
    assert_eq!(
        labels,
        [
            (Some("（一）深化“一网通办”改革".to_string()), vec![1, 2]),
            (Some("（二）优化工程建设项目审批".to_string()), vec![3]),
        ]
    );

    let wrapped = columns_fixture("pdftotext_header_wrapped.md").plan;
    let persons: Vec<Option<&str>> = (wrapped.tasks.iter())
        .map(|t| t.person.as_deref())
        .collect();
    assert_eq!(persons, [Some("李卫东"), Some("李卫东"), Some("张建国")]);
    assert_eq!(wrapped.table.extra_columns, Vec::<String>::new());
}

/// A real `pdftotext -layout` copy of a portrait page's narrow table: columns one space
/// apart (`序 主要事项`, `1 （一）深`), a header wrapped under itself (序 / 号, 责任 / 领导,
/// 完成时 / 限), names broken over three lines (县自 / 然资源和规划 / 局, 国家税务总局 /
/// 青禾县税务 / 局), a second page whose columns stand elsewhere: every task as written.
#[test]
fn a_narrow_pdf_table_copied_by_pdftotext_reads_as_written() {
    let checked = columns_fixture("pdftotext_portrait_narrow.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 24);
    let parts: Vec<(String, Vec<Option<String>>)> = (plan.sections.iter())
        .map(|s| {
            (
                s.title.clone(),
                s.groups.iter().map(|g| g.label.clone()).collect(),
            )
        })
        .collect();
    let label = |l: &str| Some(l.to_string());
    assert_eq!(
        parts,
        [
            (
                "提升政务服务效能".to_string(),
                vec![
                    label("（一）深化“一网通办”改革"),
                    label("（二）优化工程建设项目审批")
                ]
            ),
            (
                "优化市场环境".to_string(),
                vec![
                    label("（一）降低企业经营成本"),
                    label("（二）强化要素保障"),
                    label("（三）促进公平竞争")
                ]
            ),
            (
                "加强法治保障".to_string(),
                vec![label("（一）规范涉企执法"), label("（二）完善诉求解决机制")]
            ),
        ]
    );
    assert!(plan.tasks.iter().all(|t| t.person.is_some()));
    assert_eq!(plan.task(19).unwrap().person.as_deref(), Some("李卫东"));
    assert_eq!(
        supports(plan, 5),
        ["县自然资源和规划局", "县行政审批服务局"]
    );
    assert_eq!(leads(plan, 9), ["国家税务总局青禾县税务局"]);
    assert_eq!(leads(plan, 11), ["县人力资源和社会保障局"]);
    assert_eq!(
        plan.task(6).unwrap().deadline_text.as_deref(),
        Some("2025年4月底前完成汇编，全年持续推进")
    );
    assert_eq!(deadline(plan, 6).as_deref(), Some("2025-12-31"));
    // Lines the column's width broke run on; items keep their lines.
    assert_eq!(
        plan.task(8).unwrap().content,
        "每季度对工程建设项目审批情况开展一次评估通报。"
    );
    assert_eq!(
        plan.task(2).unwrap().content,
        "围绕企业和群众办事高频事项，推行“高效办成一件事”：\n\
         （1）上线企业开办、工程建设项目审批等12个“一件事”场景；\n\
         （2）推动“一件事”线上线下同步办理；\n\
         （3）建立“一件事”运行评估机制。"
    );
    let codes = common::codes(&checked);
    for never in [
        "unit/fragment",
        "table/no-number-column",
        "table/extra-column",
    ] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }

    // `序号 主要事项` one space apart over rows whose number is one space from its label.
    let apart = columns_fixture("pdftotext_one_space_apart.md").plan;
    let rows: Vec<(u32, String, Vec<String>)> = (apart.tasks.iter())
        .map(|t| (t.no, t.content.clone(), leads(&apart, t.no)))
        .collect();
    assert_eq!(
        rows,
        [
            (
                9,
                "全面推行“综合查一次”。".to_string(),
                vec!["县司法局".to_string()]
            ),
            (
                10,
                "依法保护企业家合法权益。".to_string(),
                vec!["县公安局".to_string()]
            ),
            (
                11,
                "健全政企沟通机制。".to_string(),
                vec!["县发展和改革局".to_string()]
            ),
        ]
    );
    let labels: Vec<Option<String>> = apart.groups().map(|g| g.label.clone()).collect();
    assert_eq!(labels, [label("（一）规范执法"), label("（二）完善诉求")]);
}

/// A web page's table copied with its cells set apart by ` | `, a cell of several lines in
/// quotes (CSV rules, as with tabs): one cell, its items on their lines, no task of its own.
#[test]
fn a_quoted_cell_of_several_lines_in_a_pipe_row_is_one_cell() {
    let checked = columns_fixture("pipe_quoted_cells.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(
        plan.task(2).unwrap().content,
        "规范涉企收费行为：\n（1）开展涉企违规收费专项整治；\n（2）公布涉企收费目录清单。"
    );
    assert_eq!(leads(plan, 2), ["县市场监督管理局"]);
    assert_eq!(supports(plan, 2), ["县财政局"]);
    assert_eq!(deadline(plan, 2).as_deref(), Some("2025-10-31"));
    let codes = common::codes(&checked);
    for never in [
        "table/stray-line",
        "table/renumbered",
        "structure/empty-units",
    ] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }
}

/// A Markdown plan with a part's heading over its first group's, each over a table of its
/// own (## 一、… / ### （一）… / table): the first part heads its tasks as the later ones do,
/// none of it read as the plan's preamble.
#[test]
fn a_part_heading_over_a_group_heading_over_the_first_table_heads_it() {
    let checked = columns_fixture("md_part_and_group_headings.md");
    let plan = &checked.plan;
    type Groups = Vec<(Option<String>, Vec<u32>)>;
    let parts: Vec<(String, Groups)> = (plan.sections.iter())
        .map(|s| {
            let groups = (s.groups.iter())
                .map(|g| (g.label.clone(), g.tasks.clone()))
                .collect();
            (s.title.clone(), groups)
        })
        .collect();
    let label = |l: &str| Some(l.to_string());
    assert_eq!(
        parts,
        [
            (
                "提升政务服务效能".to_string(),
                vec![
                    (label("（一）深化“一网通办”改革"), vec![1]),
                    (label("（二）推进证照电子化"), vec![2])
                ]
            ),
            (
                "优化市场环境".to_string(),
                vec![(label("（一）降低企业经营成本"), vec![3])]
            ),
        ]
    );
    let preamble: Vec<&str> = (plan.preamble.iter()).map(|p| p.text.as_str()).collect();
    assert_eq!(preamble, ["为持续优化营商环境，制定本清单。"]);
}

/// A Markdown plan whose parts are headings (`## 一、…`, `### 二、…`) each over a table of
/// its own, the header repeated: each heading starts its part, and the text under the last
/// table (`## 四、保障措施` and its paragraphs) is the plan's, printed — never a stray line.
#[test]
fn markdown_headings_between_tables_start_their_parts() {
    let checked = columns_fixture("md_sections_each_a_table.md");
    let plan = &checked.plan;
    let parts: Vec<(String, Vec<u32>)> = (plan.sections.iter())
        .map(|s| {
            (
                s.title.clone(),
                s.groups.iter().flat_map(|g| g.tasks.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("粮食生产".to_string(), vec![1, 2]),
            ("农村人居环境".to_string(), vec![3]),
            ("农民增收".to_string(), vec![4]),
        ]
    );
    let codes: Vec<&str> = (checked.report.diagnostics.iter())
        .map(|d| d.code.as_str())
        .collect();
    for never in ["table/stray-line", "table/after-table"] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/columns/md_sections_each_a_table.md");
    let out = common::fengong(
        dir.path(),
        &["publish", input.to_str().unwrap(), "-o", "out"],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let printed = std::fs::read_to_string(dir.path().join("out/方案.md")).unwrap();
    for words in [
        "四、保障措施",
        "每季度末向县委农办报送进展情况",
        "结果纳入年度综合考核",
    ] {
        assert!(printed.contains(words), "{words}: {printed}");
    }
    assert!(!printed.contains("##"), "{printed}");
}

/// A table as a PDF's text sets it (`pdftotext -layout`): columns by position, each cell
/// wrapped over indented lines under its column — content, a unit's name (县工业和信息化 /
/// 局, 县 / 住房和城乡建设局, 县住房和城乡 / 建设局) and a time (2025年6月 / 底前, 长期 /
/// 坚持) — read back into its row, the section rows between; the last row's tail is no
/// text cut short.
#[test]
fn a_pdf_tables_cells_wrapped_under_their_columns_are_read_into_their_rows() {
    let checked = columns_fixture("pdf_layout_wrapped.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5);
    assert_eq!(
        plan.task(1).unwrap().content,
        "推进工业园区标准化厂房建设，新增标准化厂房8万平方米，引进规上工业企业5家。"
    );
    assert_eq!(leads(plan, 1), ["县工业和信息化局"]);
    assert_eq!(
        supports(plan, 1),
        ["县发展和改革局", "县自然资源局", "县住房和城乡建设局"]
    );
    assert_eq!(deadline(plan, 1).as_deref(), Some("2025-06-30"));
    assert_eq!(
        plan.task(1).unwrap().deadline_text.as_deref(),
        Some("2025年6月底前")
    );
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("长期坚持")
    );
    assert_eq!(supports(plan, 2), ["县科技局", "县财政局"]);
    assert_eq!(supports(plan, 3), ["县卫生健康局", "县医疗保障局"]);
    assert_eq!(deadline(plan, 4).as_deref(), Some("2025-11-30"));
    assert_eq!(supports(plan, 5), ["县住房和城乡建设局", "各乡镇"]);
    assert_eq!(deadline(plan, 5).as_deref(), Some("2025-12-31"));
    let sections: Vec<&str> = (plan.sections.iter()).map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["产业发展", "民生保障"]);
    let codes: Vec<&str> = (checked.report.diagnostics.iter())
        .map(|d| d.code.as_str())
        .collect();
    for never in [
        "source/cut-off",
        "table/bad-number",
        "table/after-table",
        "unit/fragment",
    ] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }
}

/// A plan file of `tests/fixtures/numbering/` read on its own.
fn numbering_fixture(name: &str) -> Plan {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/numbering")
        .join(name);
    fengong::check(&path)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .plan
}

/// Labels inside a task's brackets set apart by a space, a full-width space or nothing
/// (牵头单位：甲 责任单位：乙, 牵头单位:甲责任单位:乙) are each a label, never a unit named
/// 责任单位:乙; levels sharing a government (各县、市、区政府) are one phrase as written; a last
/// line closed by its brackets is whole, its last unit kept.
#[test]
fn labels_side_by_side_and_a_last_line_closed_by_its_brackets() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/numbering/labels_side_by_side.md");
    let checked = fengong::check(&path).expect("reads");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(leads(plan, 1), ["市城管局"]);
    assert_eq!(supports(plan, 1), ["市住建局", "市市场监管局"]);
    assert_eq!(leads(plan, 2), ["市城管局"]);
    assert_eq!(supports(plan, 2), ["市公安局", "各县、市、区政府"]);
    assert_eq!(leads(plan, 3), ["市住建局"]);
    assert_eq!(supports(plan, 3), ["市生态环境局", "市交通运输局"]);
    assert_eq!(leads(plan, 4), ["市住建局"]);
    assert_eq!(supports(plan, 4), ["市财政局", "各镇（街道）"]);
    let codes = codes(&checked);
    for wrong in ["source/cut-off", "unit/fragment"] {
        assert!(!codes.contains(&wrong), "{codes:?}");
    }
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("单位") && !n.contains([':', '：'])),
        "{names:?}"
    );
}

/// A plan in traditional characters reads its role words and lists as a simplified one
/// does (牽頭, 按職責分工負責, a 及 between two phrases); names stay as written.
#[test]
fn a_plan_in_traditional_characters_splits_its_units_as_written() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/numbering/traditional_duty.md");
    let checked = fengong::check(&path).expect("reads");
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["市政府辦公室", "市行政審批服務局"]);
    assert_eq!(supports(plan, 1), ["各縣市區政府"]);
    assert_eq!(plan.task(1).unwrap().unspecified, ["市級各有關部門"]);
    assert_eq!(leads(plan, 2), ["市住建局"]);
    assert_eq!(supports(plan, 2), ["市自然資源局", "市生態環境局"]);
    // Said once for the plan, not character by character.
    let traditional = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "text/traditional")
        .count();
    assert_eq!(traditional, 1);
    // No notice: the plan is printed as written, its tasks in its text; the table apart.
    let not_made = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "notice/not-made")
        .expect("said");
    assert!(
        !not_made.message.contains("连同任务分工表"),
        "{}",
        not_made.message
    );
}

/// Items that name no one, closed by a sentence that gives them all to one unit (上述项目由
/// 区住建委牵头负责，各街道配合。): each item a task of that unit's; a heading with its summary
/// on the same line is the section, not an item; a category in 【】 is said.
#[test]
fn a_sentence_after_items_gives_them_to_its_unit() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/numbering/items_above.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "完成老旧小区综合改造12个，惠及居民4000户。",
            "新增既有住宅加装电梯50台。",
            "新建社区长者食堂10家。",
        ]
    );
    assert_eq!(leads(plan, 2), ["区住建委"]);
    assert_eq!(supports(plan, 2), ["各街道"]);
    assert_eq!(leads(plan, 3), ["区民政局"]);
    assert_eq!(plan.sections.len(), 2);
    assert_eq!(plan.sections[0].title, "改善居住条件");
    assert_eq!(unused_lines(&checked), [8]);
}

/// Numbered tasks naming no one, closed by a sentence giving them out (以上工作由X牵头，Y配合。),
/// the plan's first tasks among them: each is a task of those units, its own deadline kept;
/// a task naming its own units ends what the sentence speaks of. A sentence after tasks that
/// all name their units gives nothing and says so.
#[test]
fn a_sentence_after_numbered_tasks_gives_out_those_naming_no_one() {
    let text = "柳川县2026年城乡环境整治工作方案\n\n一、工作任务\n\
        1.开展城区道路清扫保洁，做到日产日清\n\
        2.整治背街小巷环境卫生。（完成时限：2026年9月底前）\n\
        以上工作由县城管局牵头，县财政局配合。\n\
        3.整治农村生活垃圾，建立收运体系。（牵头单位：县住建局）\n\
        4.治理河道沿岸乱堆乱放。\n\
        以上工作由县水利局牵头负责。\n\
        5.清理城区违规广告牌。（牵头单位：县市场监管局）\n\
        以上工作由县政府办牵头负责。\n\n\
        二、工作要求\n各单位要高度重视，于2026年6月底前报送进展。\n";
    let (_dir, path) = text_source("方案.txt", text);
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5, "{:?}", contents(plan));
    for no in [1, 2] {
        assert_eq!(leads(plan, no), ["县城管局"], "task {no}");
        assert_eq!(supports(plan, no), ["县财政局"], "task {no}");
    }
    assert_eq!(
        plan.task(2).unwrap().deadline.map(|d| d.to_string()),
        Some("2026-09-30".to_string())
    );
    assert_eq!(leads(plan, 3), ["县住建局"]);
    assert_eq!(leads(plan, 4), ["县水利局"]);
    assert_eq!(leads(plan, 5), ["县市场监管局"]);
    let said: Vec<&str> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "plan/items-above")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[0].contains("第 1、2 项"), "{}", said[0]);
    assert!(said[1].contains("第 4 项"), "{}", said[1]);
    assert!(said[2].contains("没有分给任何任务"), "{}", said[2]);
    assert!(
        !checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "plan/numbers-as-written")
    );
}

/// A plan written a paragraph per unit right under its title line, with no blank line
/// and no stop after the title (县防汛抗旱指挥部成员单位职责 / 县住建局：负责…): the title stays
/// the title and every unit's paragraph is a task of its own — none run into the title
/// (a unit 「…职责县住建局」) and none lost.
#[test]
fn a_title_line_right_over_paragraphs_per_unit_stays_a_title() {
    for (title, colon) in [
        ("桐江县防汛抗旱指挥部成员单位职责", "："),
        ("桐江县防汛抗旱指挥部成员单位职责（2026年）", ":"),
        ("桐江县防汛抗旱指挥部成员单位职责", ""),
    ] {
        let text = format!(
            "{title}\n县住建局{colon}负责城区排水防涝设施建设和维护。\n\
             县自然资源局{colon}负责地质灾害隐患排查和监测预警。\n\
             县农业农村局{colon}负责农业生产救灾和灾后恢复。\n"
        );
        let (_dir, path) = text_source("职责.txt", &text);
        let checked = fengong::check(&path).unwrap();
        let plan = &checked.plan;
        assert_eq!(plan.title.as_deref(), Some(title));
        let all: Vec<Vec<String>> = (1..=3).map(|no| leads(plan, no)).collect();
        assert_eq!(
            all,
            [["县住建局"], ["县自然资源局"], ["县农业农村局"]],
            "{title} {colon}"
        );
        assert_eq!(plan.tasks.len(), 3);
    }
}

/// A line after a 责任单位 line that is a label of its own (人：…主要负责同志, a 责任人 line
/// the page shortened) is no more of the list: no unit 「…部门人：…」.
#[test]
fn a_labelled_line_after_the_units_is_no_more_of_their_list() {
    let text = "桐江县2026年重点工作任务清单\n\n一、重点工作\n1. 编制县域国土空间规划。\n\
        责任单位:县自然资源局、县住建局\n人:县自然资源局主要负责同志\n\
        2. 推进城区管网改造。\n责任单位:县住建局\n";
    let (_dir, path) = text_source("清单.txt", text);
    let plan = fengong::check(&path).unwrap().plan;
    assert_eq!(everyone_named(&plan, 1), ["县自然资源局", "县住建局"]);
    assert_eq!(everyone_named(&plan, 2), ["县住建局"]);
}

/// A list of units ending the source with whole names by field (临夏州发展改革部门) is no
/// cut: every name is a unit, no `source/cut-off`, no fragment. A name cut inside is still
/// one (县农业农).
#[test]
fn names_by_field_ending_the_source_are_whole() {
    let head = "桐江县2026年重点工作任务清单\n\n一、重点工作\n1. 编制县域国土空间规划。\n责任单位:";
    let (_dir, path) = text_source(
        "清单.txt",
        &format!("{head}东城区住建部门、西城区住建部门、南城区住建部门\n"),
    );
    let checked = fengong::check(&path).unwrap();
    assert_eq!(
        everyone_named(&checked.plan, 1),
        ["东城区住建部门", "西城区住建部门", "南城区住建部门"]
    );
    let codes: Vec<&str> = (checked.report.diagnostics.iter())
        .map(|d| d.code.as_str())
        .collect();
    assert!(!codes.contains(&"source/cut-off"), "{codes:?}");
    assert!(!codes.contains(&"unit/fragment"), "{codes:?}");
    let (_dir, path) = text_source("清单.txt", &format!("{head}县水利局、县农业农\n"));
    let checked = fengong::check(&path).unwrap();
    assert_eq!(everyone_named(&checked.plan, 1), ["县水利局", "县农业农"]);
    assert!(
        checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "unit/fragment")
    );
}

/// Two tasks numbered （一） and （二） on one line, each with its assignment: the second's
/// number is no part of its text.
#[test]
fn a_second_task_on_the_same_line_loses_its_number() {
    let text = "桐江县2026年重点工作任务清单\n\n一、主要目标\n\
        (一)地区生产总值增长7%左右。(县发改局负责)(二)一般公共预算收入增长6%左右。(县财政局主办,县税务局协办)\n";
    let (_dir, path) = text_source("清单.txt", text);
    let plan = fengong::check(&path).unwrap().plan;
    assert_eq!(
        contents(&plan),
        ["地区生产总值增长7%左右。", "一般公共预算收入增长6%左右。"]
    );
    assert_eq!(supports(&plan, 2), ["县税务局"]);
}

/// 以上任务均需各乡镇人民政府落实 after the only tasks of a plan with no sections, none of them
/// naming anyone: they are the towns', and the remark is said as used, not also as unread.
#[test]
fn a_remark_after_the_tasks_of_a_plan_without_sections_gives_them_out() {
    let text = "柳川县2026年秸秆禁烧工作方案\n\n1.开展秸秆禁烧巡查。\n2.推进秸秆综合利用。\n\
        以上任务均需各乡镇人民政府落实，不再一一列出。\n";
    let (_dir, path) = text_source("方案.txt", text);
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(everyone_named(plan, 1), ["各乡镇人民政府"]);
    assert_eq!(everyone_named(plan, 2), ["各乡镇人民政府"]);
    let on_line_5: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.location.line_no() == Some(5))
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(on_line_5, ["unit/remark"]);
}

/// A document that is a 督查通报 itself, its title closed by the number of its issue
/// (（2026年·第3期）) or not: the title is the notice's, the plan's title is what it reports
/// on, and no warning says the notice has no title or no issuer.
#[test]
fn a_report_titled_with_its_issue_number_is_read_as_its_own_notice() {
    let body = "\n\n各乡镇人民政府，县直各单位：\n\n\
        现将2026年3月城乡环境督查情况通报如下：\n\n一、存在问题\n\n\
        1.城南农贸市场周边占道经营。（责任单位：城关镇）\n\n\
        2.滨河路沿线垃圾桶破损。（责任单位：县城管局）\n";
    for (title, plan_title) in [
        (
            "桐江县城乡环境整治办公室关于城乡环境整治工作督查情况的通报（2026年·第3期）",
            "城乡环境整治工作督查情况",
        ),
        (
            "桐江县城乡环境整治办公室关于城乡环境整治工作督查情况的通知(第3期)",
            "城乡环境整治工作督查情况",
        ),
        (
            "桐江县城乡环境整治办公室关于城乡环境整治工作督查通报",
            "城乡环境整治工作督查通报",
        ),
    ] {
        let (_dir, path) = text_source("通报.txt", &format!("{title}{body}"));
        let checked = fengong::check(&path).unwrap();
        let plan = &checked.plan;
        assert_eq!(plan.notice.title.as_deref(), Some(title));
        assert_eq!(plan.title.as_deref(), Some(plan_title), "{title}");
        assert_eq!(
            plan.notice.issuer.as_deref(),
            Some("桐江县城乡环境整治办公室")
        );
        assert_eq!(plan.tasks.len(), 2);
        let codes: Vec<&str> = (checked.report.diagnostics.iter())
            .map(|d| d.code.as_str())
            .collect();
        for wrong in ["notice/no-title", "notice/no-issuer", "plan/no-title"] {
            assert!(!codes.contains(&wrong), "{title}: {codes:?}");
        }
    }
}

/// A 督查通报 listing problems under whoever is to mend them ((一)城关镇(3个) / 1.… / 2.…):
/// the problems under a heading naming a body and their count are that body's, said once;
/// a problem naming its own unit keeps it; a heading naming no body (（三）其他问题) gives
/// nothing.
#[test]
fn problems_listed_under_the_body_to_mend_them_are_its_tasks() {
    let text = "桐江县创建文明城市工作督查通报\n\n一、存在问题\n\
        (一)城关镇(2个)\n1.南门菜市场周边占道经营。\n2.滨河小区垃圾桶满溢。\n\
        (二)县城管局（2处）\n1.人民路人行道破损。\n2.东街路灯损坏。（责任单位：县住建局）\n\
        (三)其他问题\n1.部分公益广告褪色。\n";
    let (_dir, path) = text_source("通报.txt", text);
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["城关镇"]);
    assert_eq!(leads(plan, 2), ["城关镇"]);
    assert_eq!(leads(plan, 3), ["县城管局"]);
    assert_eq!(leads(plan, 4), ["县住建局"]);
    assert!(plan.task(5).is_none_or(|t| t.units.is_empty()));
    let said = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/lead-from-heading")
        .count();
    assert_eq!(said, 2);
}

/// Parts each given out by a sentence of their own under the heading (一、治理畜牧业产品污染 /
/// 由县农业农村局承办，县市场监管局配合。 / 治理工作目标：…): each part is a task named by its
/// heading, its words kept as the plan's text.
#[test]
fn a_part_given_out_by_a_sentence_under_its_heading_is_a_task() {
    let text = "柳川县2026年食品放心工程工作方案\n\n一、治理畜牧业产品污染\n\
        由县农业农村局承办，县市场监管局、县公安局配合。\n\
        治理工作目标：全县生猪定点屠宰率达100%。\n\n二、治理蔬菜农药残留\n\
        由县市场监管局负责，各乡镇配合。\n治理工作目标：蔬菜农药残留抽检合格率达到98%以上。\n";
    let (_dir, path) = text_source("方案.txt", text);
    let plan = fengong::check(&path).unwrap().plan;
    assert_eq!(contents(&plan), ["治理畜牧业产品污染", "治理蔬菜农药残留"]);
    assert_eq!(leads(&plan, 1), ["县农业农村局"]);
    assert_eq!(supports(&plan, 1), ["县市场监管局", "县公安局"]);
    assert_eq!(leads(&plan, 2), ["县市场监管局"]);
    let words: Vec<&str> = plan.sections[0]
        .intro
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        words.contains(&"治理工作目标：全县生猪定点屠宰率达100%。"),
        "{words:?}"
    );
}

/// A 督查通报's 整改时限 counted from the day it is dated (5天, 1个月内): each task's deadline
/// is that day, said with where it came from; working days are not counted, and said. With
/// no date on the notice, the limit is said as unreadable for that reason.
#[test]
fn limits_counted_from_the_notices_date_are_deadlines() {
    let head = "桐江县城乡环境整治办公室关于城乡环境整治工作督查情况的通报\n\n\
        各乡镇人民政府，县直各单位：\n\n现将2026年3月城乡环境督查情况通报如下：\n\n\
        1.城南农贸市场周边占道经营。（责任单位：城关镇；整改时限：5天）\n\
        2.滨河路沿线垃圾桶破损。（责任单位：县城管局；整改时限：1个月内）\n\
        3.人民路人行道破损。（责任单位：县住建局；整改时限：7个工作日）\n\n\
        桐江县城乡环境整治办公室\n";
    let (_dir, path) = text_source("通报.txt", &format!("{head}2026年3月20日\n"));
    let checked = fengong::check(&path).unwrap();
    let deadlines: Vec<Option<String>> = (checked.plan.tasks.iter())
        .map(|t| t.deadline.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        deadlines,
        [
            Some("2026-03-25".to_string()),
            Some("2026-04-20".to_string()),
            None
        ]
    );
    let said = |code: &str| -> Vec<String> {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect()
    };
    assert_eq!(said("table/deadline-counted").len(), 2);
    let unread = said("table/deadline");
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert!(unread[0].contains("工作日"), "{}", unread[0]);
    // No date: nothing to count from.
    let (_dir, path) = text_source("通报.txt", head);
    let checked = fengong::check(&path).unwrap();
    assert!(checked.plan.tasks.iter().all(|t| t.deadline.is_none()));
    assert!(
        (checked.report.diagnostics.iter())
            .any(|d| d.code == "table/deadline" && d.message.contains("没有成文日期"))
    );
}

/// What a recheck of round 36's rules found them doing where they should not, each in the
/// plan's own words: every task read, no junk unit, no word lost.
#[test]
fn round_36_rules_keep_to_their_cases() {
    let read = |text: &str| {
        let (_dir, path) = text_source("方案.txt", text);
        fengong::check(&path).map(|checked| checked.plan)
    };
    // 以上工作由X牵头负责 after items under group headings: all of them X's.
    let plan = read(
        "澄溪县2026年城区公厕建设工作方案\n\n一、建设点位\n（一）城东片区\n\
        1.东湖公园公厕新建。\n2.东门市场公厕改造。\n（二）滨江公园\n3.滨江公园北门公厕新建。\n\
        以上工作由县城管局牵头负责。\n",
    )
    .unwrap();
    assert_eq!(plan.tasks.len(), 3);
    assert!((1..=3).all(|no| leads(&plan, no) == ["县城管局"]));
    // The same in a plan of no parts, a preamble over the items: the items, not the title
    // or the preamble, are the tasks.
    let plan = read("澄溪县2026年优化营商环境工作方案\n\n为进一步优化营商环境，制定本方案。\n\
        1.推行企业开办一网通办。\n2.推进工程建设项目审批改革。\n3.开展涉企违规收费专项整治。\n\
        以上工作由县发改局牵头负责。\n4.落实减税降费政策。\n以上工作由县财政局牵头，县税务局配合。\n")
    .unwrap();
    assert_eq!(
        contents(&plan),
        [
            "推行企业开办一网通办。",
            "推进工程建设项目审批改革。",
            "开展涉企违规收费专项整治。",
            "落实减税降费政策。"
        ]
    );
    assert_eq!(leads(&plan, 3), ["县发改局"]);
    assert_eq!(supports(&plan, 4), ["县税务局"]);
    // A place with a count is no one to lead; nothing given, nothing read.
    assert!(
        read(
            "澄溪县2026年城区公厕建设工作方案\n\n一、建设点位\n（一）城东片区（2处）\n\
            1.东湖公园公厕新建。\n2.东门市场公厕改造。\n"
        )
        .is_err()
    );
    // Who supervises, or a date, is no one the tasks are given to.
    assert!(
        read(
            "澄溪县2026年营商环境工作方案\n\n一、工作任务\n1.推行企业开办一网通办。\n\
            2.推进工程建设项目审批改革。\n以上工作由县政府督查室负责跟踪督办，每季度通报一次。\n"
        )
        .is_err()
    );
    let plan = read(
        "澄溪县2026年营商环境工作方案\n\n一、工作任务\n1.推行企业开办一网通办。\n\
        2.推进工程建设项目审批改革。\n以上工作均由县市场监管局牵头落实。\n",
    )
    .unwrap();
    assert_eq!(leads(&plan, 2), ["县市场监管局"]);
    // A wrapped list of units with a colon inside a bracket, and a contact's line between
    // the labelled lines: every unit, every deadline.
    let plan = read(
        "澄溪县2026年交通运输重点工作分工方案\n\n一、工作任务\n\
        1.推进农村公路提档升级。\n责任单位：县交通运输局（牵头）、县财政局、\n\
        各乡镇人民政府（其中：青石乡为重点乡镇）\n完成时限：2026年11月底前\n\
        2.推进农村乱占耕地建房整治。\n责任单位：县自然资源局\n联系人：王明\n\
        完成时限：2026年10月底前\n",
    )
    .unwrap();
    assert_eq!(
        everyone_named(&plan, 1).len(),
        3,
        "{:?}",
        everyone_named(&plan, 1)
    );
    let deadlines: Vec<Option<String>> = (plan.tasks.iter())
        .map(|t| t.deadline.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        deadlines,
        [
            Some("2026-11-30".to_string()),
            Some("2026-10-31".to_string())
        ]
    );
    // A duty wrapped over two lines (…并督促 / 县交通运输局负责的国省道路段…) is one task.
    let plan = read(
        "云岙县2026年安全生产专项整治工作方案\n\n一、工作任务\n\
        县公安局交警大队负责开展道路交通安全隐患排查整治全面排查并督促\n\
        县交通运输局负责的国省道路段落实整改，2026年6月底前完成。\n\
        县城管局负责开展燃气安全隐患排查整治，2026年9月底前完成。\n",
    )
    .unwrap();
    assert_eq!(plan.tasks.len(), 2, "{:?}", contents(&plan));
    assert_eq!(leads(&plan, 1), ["县公安局交警大队"]);
    // Sub-headings each given out by the sentence under them: each a task by its heading.
    let plan = read(
        "澄溪县2026年生态环境问题整改方案\n\n一、整改任务\n（一）治理农村黑臭水体\n\
        由县生态环境分局承办，县水利局配合。\n（二）整治露天焚烧垃圾\n\
        由县城管局承办，各乡镇人民政府配合。\n",
    )
    .unwrap();
    assert_eq!(contents(&plan), ["治理农村黑臭水体", "整治露天焚烧垃圾"]);
    // 分别负责 after a lead named: they support it.
    let plan = read(
        "澄溪县2026年消防工作方案\n\n一、工作任务\n\
        1.开展电动自行车安全隐患整治。（县消防救援大队牵头，县市场监管局、县公安局分别负责）\n\
        2.开展重点场所消防安全检查。（县教育局、县卫健局按职责分别负责）\n",
    )
    .unwrap();
    assert_eq!(leads(&plan, 1), ["县消防救援大队"]);
    assert_eq!(supports(&plan, 1), ["县市场监管局", "县公安局"]);
    assert_eq!(leads(&plan, 2), ["县教育局", "县卫健局"]);
    // Items referred to at a task's start keep their numbers; a deadline in a parenthesis
    // of its own after the units' is the deadline.
    let plan = read(
        "澄溪县2026年城区环境整治工作方案\n\n一、工作任务\n\
        1.整治背街小巷环境卫生。（牵头单位：县城管局）（完成时限：2026年9月底前）\n\
        2.（二）至（四）项所需经费纳入预算。（牵头单位：县财政局）\n",
    )
    .unwrap();
    assert_eq!(
        plan.task(1).unwrap().deadline.map(|d| d.to_string()),
        Some("2026-09-30".to_string())
    );
    assert_eq!(
        plan.task(2).unwrap().content,
        "（二）至（四）项所需经费纳入预算。"
    );
}

/// A plan copied with its site's menu, view counter and footer around it: the menu item
/// (• 信息公开) and the counter are no title, the title under them is, its year the plan's;
/// the tasks are not kept a second time as a preamble, and the footer is said.
#[test]
fn a_sites_menu_and_footer_are_no_part_of_the_plan() {
    let checked = notice_fixture("site_chrome.md");
    let plan = &checked.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("县教育局2026年重点工作任务分解")
    );
    assert_eq!(plan.year, Some(2026));
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(supports(plan, 1), ["县住建局", "城关镇人民政府"]);
    assert!(plan.preamble.is_empty(), "{:?}", plan.preamble);
    assert_eq!(unused_lines(&checked), [1, 2, 3, 7, 19, 20]);
}

/// A plan reposted by a site that puts pinyin after characters (工(gōng)作, 一(yī)、,
/// (此件公开(kāi)发布)): the pinyin is taken out before reading and said with its lines, so
/// the 附注 is no title, 一(yī)、 a section, and no unit or task carries it.
#[test]
fn pinyin_a_reposting_site_inserted_is_taken_out_and_said() {
    let checked = notice_fixture("pinyin.md");
    let plan = &checked.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("某市2026年数字经济重点工作任务")
    );
    assert_eq!(plan.sections.len(), 1);
    assert_eq!(plan.sections[0].title, "夯实数字基础设施");
    assert_eq!(leads(plan, 1), ["市通信管理局"]);
    assert!(plan.tasks.iter().all(|t| !t.content.contains('(')));
    let said: Vec<&fengong::Diagnostic> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "text/pinyin-removed")
        .collect();
    assert_eq!(said.len(), 1);
    assert!(said[0].message.contains("共 6 处"), "{}", said[0].message);
    assert!(!common::codes(&checked).contains(&"text/garbled"));
}

/// A plan pasted from a web page's two-column tables, one per task: each label (具体任务,
/// 责任单位, 配合单位, 完成时限) on a line of its own, its value on the next. Each record is a
/// task; 配合单位 lists supports beside the units 责任单位 lists (its others stay 责任单位);
/// the last value, a cell
/// without a full stop, is no cut-off text; no label is the plan's title.
#[test]
fn records_of_labels_over_values_are_tasks() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/numbering/records.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "建成城东污水处理厂二期工程，新增日处理能力2万吨。",
            "完成县城老旧小区改造12个，惠及居民3000户；同步加装电梯20部",
        ]
    );
    assert_eq!(leads(plan, 1), ["县住建局"]);
    assert_eq!(supports(plan, 1), ["城关镇"]);
    assert_eq!(
        plan.task(1).unwrap().assignment("县水务局").map(|a| a.role),
        Some(fengong::model::Role::Responsible)
    );
    assert_eq!(supports(plan, 2), ["县财政局", "各社区"]);
    assert_eq!(
        plan.task(1).unwrap().deadline_text.as_deref(),
        Some("2026年10月底前")
    );
    assert_ne!(plan.title.as_deref(), Some("具体任务"));
    assert_eq!(plan.table.content_column.as_deref(), Some("具体任务"));
    let codes = codes(&checked);
    assert!(!codes.contains(&"source/cut-off"), "{codes:?}");
    // Its labels and values are the tasks' own: no line of it is said to be left out.
    assert!(!codes.contains(&"source/unused"), "{codes:?}");
}

/// Items numbered on through the document (1. … 5., never starting again), the first of
/// them the plan's aims with no unit: the tasks keep the numbers the plan gives them (2—5,
/// not 1—4), said once; the aims stand under their part in the published table, not an
/// empty band; （一） starting again under 三、 is no repeat; 各区、县级市 is each of both.
#[test]
fn tasks_numbered_on_through_the_plan_keep_their_numbers() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/numbering/numbered_on.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [2, 3, 4, 5]);
    assert_eq!(leads(plan, 4), ["市科技局"]);
    assert_eq!(supports(plan, 2), ["市财政局", "各区", "各县级市"]);
    let codes = codes(&checked);
    assert!(codes.contains(&"plan/numbers-as-written"), "{codes:?}");
    assert!(!codes.contains(&"structure/missing-number"), "{codes:?}");
    assert!(!codes.contains(&"group/number-repeated"), "{codes:?}");
    let table = published_text(&path, "任务分工表.md");
    assert!(table.contains("| 2 | 紧缺人才引进项目。"), "{table}");
    assert!(
        table.contains("到2030年，全市人才总量达到300万人"),
        "{table}"
    );
}

/// A part with no task whose aims are two numbered items, in a plan without a notice: the
/// table prints each item as a row of its own under the part, in the Markdown and the
/// workbook, never the two run together in one cell.
#[test]
fn aims_of_two_items_print_as_two_rows() {
    use calamine::{Reader, open_workbook_auto};
    let input = common::root().join("tests/fixtures/numbering/aims_in_two_items.md");
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 2);
    let table = published_text(&input, "任务分工表.md");
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| l.contains("指导思想") || l.contains("工作目标"))
        .collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        rows[0].contains("1.指导思想。") && !rows[0].contains("2.工作目标"),
        "{table}"
    );
    assert!(rows[1].contains("2.工作目标。"), "{table}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(&input, &out, &fengong::Options::default()).unwrap();
    let mut book = open_workbook_auto(out.join("任务分工表.xlsx")).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let cells: Vec<String> = range
        .rows()
        .filter_map(|r| r.first().map(|c| c.to_string()))
        .filter(|c| c.contains("指导思想") || c.contains("工作目标"))
        .collect();
    assert_eq!(cells.len(), 2, "{cells:?}");
    assert!(!cells[0].contains("工作目标"), "{cells:?}");
}

/// The level that carries the work is the task level, whatever its numbering: （一） with an
/// assignment after its sentence, or with labelled lines under it (half-width `(一)` and `:`
/// too), ① under （一）, and 一是…二是… inside a section's own line.
#[test]
fn numbering_decides_the_task_level_by_what_carries_the_work() {
    let paren = numbering_fixture("paren.md");
    assert_eq!(paren.tasks.len(), 4);
    let sections: Vec<&str> = paren.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["强化责任落实", "深化隐患治理"]);
    assert!(
        paren.groups().all(|g| g.title.is_empty()),
        "tasks are not groups"
    );
    assert_eq!(
        contents(&paren)[0],
        "压实企业主体责任，开展主要负责人安全培训全覆盖。"
    );
    assert_eq!(leads(&paren, 4), ["区消防救援支队"]);
    assert_eq!(supports(&paren, 4), ["区公安分局"]);
    assert_eq!(deadline(&paren, 4).as_deref(), Some("2025-09-30"));

    let labelled = numbering_fixture("paren_labelled.md");
    assert_eq!(
        contents(&labelled),
        ["推进企业开办便利化。", "推行证照联办。"]
    );
    assert_eq!(supports(&labelled, 1), ["区税务局", "区人社局"]);
    assert_eq!(deadline(&labelled, 2).as_deref(), Some("2025-09-30"));

    let circled = numbering_fixture("circled.md");
    assert_eq!(
        groups(&circled),
        [
            ("提升养老服务".to_string(), vec![1, 2]),
            ("改善出行条件".to_string(), vec![3])
        ]
    );
    assert_eq!(contents(&circled)[0], "新建村级幸福院10个。");

    let yishi = numbering_fixture("yishi.md");
    assert_eq!(yishi.title.as_deref(), Some("某街道2025年基层治理工作要点"));
    let sections: Vec<&str> = yishi.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["夯实基层基础", "提升服务水平"]);
    // As written: the first ends at its parenthesis and a ；, so it gets no stop of fengong's.
    assert_eq!(
        contents(&yishi),
        [
            "完善网格化管理，划分网格120个",
            "推进社区工作者队伍建设。",
            "建设党群服务中心2个。"
        ]
    );
    assert_eq!(leads(&yishi, 2), ["街道组织办"]);
}

/// A notice whose own body is numbered 一、二、 (its requirements) and which has a 署名 but no
/// 附件说明: the requirements stay the notice's, the 署名 is the 署名 (not a body paragraph,
/// not printed twice), and the plan is the attached table.
#[test]
fn a_notice_with_numbered_requirements_and_no_attachment_line() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices/requirements.md");
    let plan = fengong::check(&path).unwrap().plan;
    let notice = &plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("青政办发〔2025〕7号"));
    assert_eq!(notice.signer.as_deref(), Some("青山县人民政府办公室"));
    assert_eq!(notice.date.as_deref(), Some("2025年2月20日"));
    assert_eq!(notice.body.len(), 3, "{:?}", notice.body);
    assert!(notice.body.iter().all(|p| p.text != "青山县人民政府办公室"));
    assert!(notice.body[1].text.starts_with("一、提高思想认识"));
    assert_eq!(
        plan.title.as_deref(),
        Some("青山县2025年重点民生实事任务分工")
    );
    assert_eq!(plan.tasks.len(), 2);
    assert!(plan.sections.iter().all(|s| s.title != "提高思想认识"));
}

/// No title anywhere: an error naming the file, not documents that print 《》; `[plan] title`,
/// or a file named as a plan, gives one.
#[test]
fn a_plan_without_a_title_is_refused_until_the_config_or_its_file_names_it() {
    let table = "序号\t工作任务\t责任单位\n1\t建设口袋公园10个。\t区绿化市容局\n";
    let dir = common::project(&[("plan.md", table.as_bytes()), ("fengong.toml", b"# none\n")]);
    let out = common::fengong(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", common::said(&out));
    let err = common::said(&out);
    assert!(
        err.contains("plan/no-title") && err.contains("plan.md"),
        "{err}"
    );
    let dir = common::project(&[
        ("plan.md", table.as_bytes()),
        (
            "fengong.toml",
            "[plan]\ntitle = \"某区口袋公园建设任务\"\n".as_bytes(),
        ),
    ]);
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    assert_eq!(plan.title.as_deref(), Some("某区口袋公园建设任务"));
    // A file named as a plan names it, said.
    let dir = common::project(&[
        ("某区2026年口袋公园建设工作方案.md", table.as_bytes()),
        ("fengong.toml", b"# none\n"),
    ]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("某区2026年口袋公园建设工作方案")
    );
    assert!(common::codes(&checked).contains(&"plan/title-from-file"));
    assert!(!common::codes(&checked).contains(&"plan/no-title"));
    // So does one in traditional script, kept as written.
    let dir = common::project(&[
        ("某區2026年口袋公園建設工作要點.md", table.as_bytes()),
        ("fengong.toml", b"# none\n"),
    ]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("某區2026年口袋公園建設工作要點")
    );

    // A notice with neither its own title nor a plan named anywhere: the findings say so
    // without building a title from nothing (关于印发《》的通知).
    let notice = "各街道办事处，区政府各部门：\n现将任务分工印发给你们。\n特此通知\n序号\t工作任务\t责任单位\n1\t建设口袋公园10个。\t区绿化市容局\n";
    let dir = common::project(&[
        ("plan.md", notice.as_bytes()),
        ("fengong.toml", b"# none\n"),
    ]);
    let err = common::said(&common::fengong(dir.path(), &["check"]));
    assert!(err.contains("notice/no-title"), "{err}");
    assert!(!err.contains("《》"), "{err}");
}

/// What a section says before its first group (its aims, its principles) is kept with the
/// section, not dropped between the heading and the work.
#[test]
fn a_sections_own_paragraphs_are_kept() {
    let plan = numbering_fixture("intro.md");
    let intro: Vec<&str> = plan.sections[0]
        .intro
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(intro, ["坚持以人民为中心，全面提升城市文明程度。"]);
    assert!(plan.sections[1].intro.is_empty());
    assert_eq!(groups(&plan)[0], ("加强组织领导".to_string(), vec![1]));
}

/// Prose with no groups beside a table (a heading and a paragraph) is the plan's own text:
/// kept in order as its preamble, the heading a heading, nothing said as unused; its title
/// names the plan. A notice's 版记 (抄送, 印发) is kept with the notice.
#[test]
fn text_around_a_table_is_the_plans_and_the_imprint_kept() {
    let text = "某区2025年公园建设工作要点\n\n一、总体要求\n\n全面提升公园服务水平。\n\n序号\t工作任务\t责任单位\n1\t建设口袋公园10个。\t区绿化市容局\n";
    let dir = common::project(&[("plan.md", text.as_bytes())]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("某区2025年公园建设工作要点")
    );
    assert_eq!(
        texts(&checked.plan.preamble),
        ["一、总体要求", "全面提升公园服务水平。"]
    );
    assert_eq!(checked.plan.preamble[0].origin.line_no(), Some(3));
    assert!(codes_at(&checked, "source/unused").is_empty());

    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices/requirements.md");
    let mut source = std::fs::read_to_string(path).unwrap();
    source = source.replacen(
        "2025年2月20日\n",
        "2025年2月20日\n\n抄送：县委办公室。\n\n青山县人民政府办公室　　2025年2月20日印发\n",
        1,
    );
    let dir = common::project(&[("notice.md", source.as_bytes())]);
    let plan = fengong::check(&dir.path().join("input")).unwrap().plan;
    let imprint: Vec<&str> = plan
        .notice
        .imprint
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        imprint,
        [
            "抄送：县委办公室。",
            "青山县人民政府办公室　　2025年2月20日印发"
        ]
    );
    assert_eq!(plan.notice.date.as_deref(), Some("2025年2月20日"));
}

/// Pinyin after a character, as a reposting site puts it: `工(gōng)`.
static PINYIN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(\p{Han})[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)[)）]").unwrap()
});

/// The lines of `name` whose pinyin the findings say was taken out (在第 2、5 行).
fn pinyin_lines(checked: &fengong::Checked, name: &str) -> Vec<u32> {
    checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "text/pinyin-removed" && d.location.path().ends_with(name))
        .filter_map(|d| {
            let after = d.message.split_once("在第 ")?.1;
            let list = after
                .split_once('行')?
                .0
                .trim()
                .trim_end_matches('等')
                .trim();
            Some(
                list.split('、')
                    .filter_map(|n| n.parse().ok())
                    .collect::<Vec<u32>>(),
            )
        })
        .flatten()
        .collect()
}

/// Nothing of a source is dropped without a word, character by character: every clause of
/// every line of every text fixture (its Han characters, letters and digits, in order) is
/// in one string of the model (the table's header row too: the model keeps it), or its line
/// is one a finding names, or a finding about the file says it (a paragraph left out is
/// quoted whole). Numbering and labels are structure.
#[test]
fn every_character_of_every_fixture_is_used_or_reported() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (mut used, mut reported_chars, mut structure, mut lost_chars, mut total) = (0, 0, 0, 0, 0);
    let mut lost = Vec::new();
    let sources = walkdir::WalkDir::new(root.join("tests/fixtures"))
        .sort_by_file_name()
        .into_iter()
        .chain(walkdir::WalkDir::new(root.join("input")).max_depth(1))
        .flatten();
    for entry in sources {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") || path.ends_with("EXPECTED.md") {
            continue;
        }
        let input = match path.parent() {
            Some(dir) if dir.join("fengong.toml").exists() => dir.to_path_buf(),
            _ => path.to_path_buf(),
        };
        let Ok(checked) = fengong::check(&input) else {
            continue;
        };
        let mut model = Vec::new();
        model_strings(&serde_json::to_value(&checked.plan).unwrap(), &mut model);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let reported: std::collections::BTreeSet<u32> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.location.path().ends_with(&name))
            .filter_map(|d| d.location.line_no())
            .collect();
        // What the findings about this file say, as content characters.
        let said: Vec<String> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.location.path().ends_with(&name))
            .map(|d| content_chars(&d.message))
            .collect();
        let repost = pinyin_lines(&checked, &name);
        let text = std::fs::read_to_string(path).unwrap();
        for (i, line) in text.lines().enumerate() {
            let chars = content_chars(line).chars().count();
            total += chars;
            if reported.contains(&(i as u32 + 1)) {
                reported_chars += chars;
                continue;
            }
            // Pinyin a reposting site put after characters, taken out on the lines its
            // finding names: reported; the rest of the line is checked.
            let stripped;
            let line = if repost.contains(&(i as u32 + 1)) {
                stripped = PINYIN.replace_all(line, "$1").into_owned();
                reported_chars += chars - content_chars(&stripped).chars().count();
                stripped.as_str()
            } else {
                line
            };
            let chars = content_chars(line).chars().count();
            let (mut in_model, mut in_findings, mut missing) = (0, 0, 0);
            // A line of fields a space apart (a gazette's `文号 成文日期`), each read whole
            // into a field of its own.
            let fields: Vec<String> = line.split_whitespace().map(content_chars).collect();
            let each_a_field = fields.len() >= 2
                && fields
                    .iter()
                    .all(|f| !f.is_empty() && model.iter().any(|m| m == f));
            // Words one space apart, each a cell of its own (a PDF's text sets narrow
            // columns a space apart: `序号 主要事项`).
            let fields_whole = |clause: &str| {
                (0..fields.len()).any(|a| {
                    (a + 2..=fields.len()).any(|b| {
                        fields[a..b].concat() == clause
                            && fields[a..b].iter().all(|f| model.iter().any(|m| m == f))
                    })
                })
            };
            for clause in clauses(line) {
                let n = clause.chars().count();
                if model.iter().any(|m| m.contains(&clause))
                    || (each_a_field && fields.concat() == clause)
                    || fields_whole(&clause)
                {
                    in_model += n;
                } else if said.iter().any(|m| m.contains(&clause)) {
                    // A paragraph left out is said whole in its finding, placed at its
                    // first line.
                    in_findings += n;
                } else {
                    missing += n;
                    lost.push(format!("{name}:{}: «{clause}» in «{line}»", i + 1));
                }
            }
            used += in_model;
            reported_chars += in_findings;
            lost_chars += missing;
            structure += chars - in_model - in_findings - missing;
        }
    }
    assert!(used > 8_000, "only {used} characters checked");
    assert_eq!(used + reported_chars + structure + lost_chars, total);
    assert!(
        lost.is_empty(),
        "{} clauses dropped without a word (of {total} characters: {used} used, \
         {reported_chars} on reported lines, {structure} numbering and labels):\n{}",
        lost.len(),
        lost.join("\n")
    );
}

/// A notice printed as a 文件 with its 附注, a plan title broken over two lines, tasks with
/// labelled lines and a last numbered item with no unit: the plan is named by the notice's
/// 《》 (and by its title's two lines, joined), the item stays a task (the check says it has
/// no unit), the 附注 is the notice's, the preamble is said with its place, and after
/// `fengong init` copies the source's 署名 and date into the config the check does not claim
/// they came from the config.
#[test]
fn a_filed_notice_names_its_plan_and_keeps_every_item() {
    let source = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/filed/某政发〔2025〕3号.md"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("某政发〔2025〕3号.md"), &source).unwrap();
    let init = common::fengong(dir.path(), &["init", "input"]);
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let config = std::fs::read_to_string(input.join("fengong.toml")).unwrap();
    assert!(config.contains("signer = \"某县人民政府\""), "{config}");

    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("某县2025年为民办实事项目责任分工方案")
    );
    assert_eq!(plan.notice.issuer.as_deref(), Some("某县人民政府"));
    assert_eq!(
        plan.notice.issuer_written.as_deref(),
        Some("某县人民政府文件")
    );
    assert_eq!(plan.notice.signer.as_deref(), Some("某县人民政府"));
    assert_eq!(plan.notice.date.as_deref(), Some("2025年2月10日"));
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(leads(plan, 3), ["县交通运输局"]);
    assert!(plan.task(4).unwrap().units.is_empty());
    let found: Vec<(String, Option<u32>)> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.location.line_no()))
        .collect();
    assert_eq!(plan.notice.annotation.as_deref(), Some("（此件公开发布）"));
    assert!(found.contains(&("structure/empty-units".to_string(), Some(45))));
    // The plan's preamble is the plan's own text, printed with it: not reported as unused.
    assert_eq!(
        plan.preamble.first().map(|p| p.text.as_str()),
        Some("为切实办好群众身边的实事，现将今年项目分工如下。")
    );
    assert!(
        !found.contains(&("source/unused".to_string(), Some(21))),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| c.ends_with("-from-config")),
        "{found:?}"
    );
    assert!(
        !found.contains(&("source/unused".to_string(), Some(17))),
        "{found:?}"
    );

    // Once task 4 has a unit, the notice is published as the source has it: the 版头 with
    // 文件, the 附注 on the line under the date, in the PDF and in the Word file.
    let mut config = config.replace(
        "# [[groups]]\n# name = \"各乡镇\"\n# members = [\"\", \"\"]",
        "[[groups]]\nname = \"各乡镇\"\nmembers = [\"甲乡\"]",
    );
    config.push_str(
        "\n[[units]]\nname = \"甲乡\"\n\n[[corrections]]\ntask = 4\nunits = \"县交通运输局\"\n",
    );
    std::fs::write(input.join("fengong.toml"), config).unwrap();
    let out = common::fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let pdf = common::pdf_text(&dir.path().join("output/通知.pdf"));
    let lines: Vec<&str> = pdf
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines[0], "某县人民政府文件", "{pdf}");
    let date = lines
        .iter()
        .position(|l| *l == "2025年2月10日")
        .expect("the date");
    assert_eq!(lines[date + 1], "（此件公开发布）", "{pdf}");
    let table = std::fs::read_to_string(dir.path().join("output/任务分工表.md")).unwrap();
    assert!(
        table.contains("某县2025年为民办实事项目责任分工方案"),
        "{table}"
    );
    assert!(
        !table.contains("某县人民政府文件"),
        "the 版头 is not the table's title"
    );
    let docx = std::process::Command::new("python3")
        .arg(common::root().join("tests/tools/read_docx.py"))
        .arg(dir.path().join("output/通知.docx"))
        .output()
        .unwrap();
    let docx: serde_json::Value = serde_json::from_slice(&docx.stdout).unwrap();
    let paragraphs: Vec<&str> = docx["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.trim().is_empty())
        .collect();
    let date = paragraphs
        .iter()
        .position(|p| *p == "2025年2月10日")
        .expect("the date");
    assert_eq!(paragraphs[date + 1], "（此件公开发布）");
}

/// 主要责任单位 beside 其他责任单位 (and 牵头单位 beside 责任单位): the second column's units
/// support, none of them lost; a unit written in both columns leads once.
#[test]
fn a_units_column_beside_the_leads_supports() {
    let plan = columns_fixture("main_other.md").plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(&plan, 1), ["县发改局"]);
    assert_eq!(supports(&plan, 1), ["县统计局", "各乡镇"]);
    assert_eq!(supports(&plan, 2), ["县财政局", "各乡镇"]);
    assert_eq!(leads(&plan, 3), ["县人社局", "县就业服务中心"]);
    assert!(
        supports(&plan, 3).is_empty(),
        "a lead is not its own support"
    );
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("吴副县长"));
    assert_eq!(
        plan.table.header,
        [
            "序号",
            "工作任务",
            "责任领导",
            "主要责任单位",
            "其他责任单位",
            "完成时限"
        ]
    );
}

/// Every text, Word and Excel fixture, as a project input: its folder when it has a config, else
/// the file.
fn fixture_inputs() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("tests/fixtures"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        // Returned forms are no plans: tests/evaluation.rs reads them.
        let a_return = path.components().any(|c| c.as_os_str() == "returns");
        if !matches!(ext, "md" | "docx" | "xlsx") || path.ends_with("EXPECTED.md") || a_return {
            continue;
        }
        let input = match path.parent() {
            Some(dir) if dir.join("fengong.toml").exists() => dir.to_path_buf(),
            _ => path.to_path_buf(),
        };
        if !inputs.contains(&input) {
            inputs.push(input);
        }
    }
    inputs
}

/// The published 任务分工表 prints the columns its source has, and no others: 主要事项 only
/// when groups have titles (never a column of bare （一）), 完成时限 as the source wrote it,
/// 责任领导 and every extra column; each unit's sheet shows the deadline as written.
#[test]
fn published_tables_print_the_columns_the_source_has() {
    let mut looked_at = 0;
    for input in fixture_inputs() {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("output");
        if fengong::publish_with(&input, &target, &fengong::Options::default()).is_err() {
            continue;
        }
        looked_at += 1;
        let checked = fengong::check(&input).unwrap();
        let further = common::codes(&checked);
        let tables = 1 + further
            .iter()
            .filter(|c| **c == "table/another-table")
            .count();
        let plan = checked.plan;
        let name = input.display().to_string();
        let table = std::fs::read_to_string(target.join("任务分工表.md")).unwrap();
        let header = table.lines().find(|l| l.contains("| 序号 |")).unwrap();
        // Each column under the name the source gives it, else the usual one.
        let t = &plan.table;
        let named = |name: &Option<String>, usual: &'static str| {
            let name = name.clone().unwrap_or(usual.to_string());
            format!("| {name} |")
        };
        let titled = plan.groups().any(|g| !g.title.trim().is_empty());
        let group_heading = named(&t.group_column, "主要事项");
        assert_eq!(header.contains(&group_heading), titled, "{name}: {header}");
        let content = named(&t.content_column, "具体内容");
        assert!(header.contains(&content), "{name}: {header}");
        if !titled {
            assert!(!table.contains("| （一） |"), "{name}: an invented group");
        }
        let deadlines: Vec<&str> = plan
            .tasks
            .iter()
            .filter_map(|t| t.deadline_text.as_deref())
            .collect();
        assert_eq!(
            header.contains(&named(&t.deadline_column, "完成时限")),
            !deadlines.is_empty(),
            "{name}: {header}"
        );
        for written in &deadlines {
            // Two deadlines on two lines print as two (10月底；12月底), never run together.
            let shown = written
                .lines()
                .map(|l| {
                    fengong::base::cjk::tidy_spacing(l)
                        .trim_end_matches('；')
                        .to_string()
                })
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("；");
            assert!(
                table.contains(&shown),
                "{name}: deadline 「{written}」 not printed"
            );
        }
        let person = plan.tasks.iter().any(|t| t.person.is_some());
        assert_eq!(
            header.contains(&named(&t.person_column, "责任领导")),
            person,
            "{name}: {header}"
        );
        // Leads and supports apart when the source gives them apart, under the names it
        // gives them (主责单位 | 协办单位), else one 责任单位.
        // In the source's order: 责任单位 | 牵头单位 stays so.
        // A 责任单位 column names the leads' only beside a 配合 one; alone it listed them
        // all, and the leads read out of it print under 牵头单位.
        let beside_supports =
            (plan.table.column_order).contains(&fengong::model::TableColumn::Support);
        let lead = (plan.table.lead_column.as_deref())
            .or(plan
                .table
                .units_column
                .as_deref()
                .filter(|_| beside_supports))
            .unwrap_or("牵头单位");
        let support = plan.table.support_column.as_deref().unwrap_or("配合单位");
        // Each a column of its own (where the source has them, maybe with others between).
        let apart = header.contains(&format!("| {lead} |"))
            && header.contains(&format!("| {support} |"))
            && lead != support;
        assert_eq!(apart, plan.table.roles_apart, "{name}: {header}");
        if !plan.table.roles_apart {
            let units = named(
                &t.units_column.clone().or(t.lead_column.clone()),
                "责任单位",
            );
            assert!(header.contains(&units), "{name}: {header}");
        }
        // Every name it uses is one the source's header writes (a further table's header
        // is not the one the model keeps) — or, with no header (labelled lines), one of its
        // labels (牵头负责领导：).
        let plain = |s: &str| {
            let usual = fengong::base::cjk::in_standard_forms(s);
            usual
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        };
        // A Word file's labels are in its runs' text; a folder's in its sources'.
        let file_text = |path: &std::path::Path| match path.extension().and_then(|e| e.to_str()) {
            Some("docx") => Some(common::docx_text(path)),
            Some("md" | "txt") => std::fs::read_to_string(path).ok(),
            _ => None,
        };
        let source_text = |path: &PathBuf| {
            if path.is_dir() {
                let texts: Vec<String> = std::fs::read_dir(path)
                    .ok()?
                    .filter_map(|e| file_text(&e.ok()?.path()))
                    .collect();
                Some(texts.concat())
            } else {
                file_text(path)
            }
        };
        let labels = (t.header.is_empty())
            .then(|| source_text(&input))
            .flatten()
            .map(|text| plain(&text))
            .unwrap_or_default();
        // A label closed by a colon, or set in brackets (【完成时间】).
        let labelled = |column: &str| {
            [':', '：']
                .iter()
                .any(|colon| labels.contains(&format!("{}{colon}", plain(column))))
                || labels.contains(&format!("【{}】", plain(column)))
        };
        let (group, content, units) = (&t.group_column, &t.content_column, &t.units_column);
        let more = [&t.deadline_column, &t.person_column];
        for column in [group, content, units].into_iter().chain(more).flatten() {
            assert!(
                tables > 1
                    || t.header.iter().any(|h| plain(h).contains(&plain(column)))
                    || labelled(column),
                "{name}: {column} is not in {:?}",
                t.header
            );
        }
        for column in &plan.table.extra_columns {
            assert!(
                header.contains(column.as_str()),
                "{name}: column {column} lost"
            );
        }
        // A unit the source wrote with 等 after it (区规划局等) keeps its 等: the list is open.
        for task in &plan.tasks {
            for unit in task.units.iter().filter(|u| u.via.is_none()) {
                let form = unit.written.as_deref().unwrap_or(&unit.name);
                if task.units_text.contains(&format!("{form}等")) {
                    assert!(
                        table.contains(&format!("{}等", unit.name)),
                        "{name}: task {}: 「{form}等」 printed without its 等",
                        task.no
                    );
                }
            }
        }
        for task in plan.tasks.iter().filter(|t| t.deadline_text.is_some()) {
            // Deadlines written on two lines read as two, joined by ；.
            let written = task
                .deadline_text
                .as_deref()
                .unwrap()
                .lines()
                .map(|l| {
                    fengong::base::cjk::tidy_spacing(l)
                        .trim_end_matches('；')
                        .to_string()
                })
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("；");
            let Some(unit) = task.units.first() else {
                continue;
            };
            let sheet = target.join("任务单").join(format!("{}.md", unit.name));
            let Ok(sheet) = std::fs::read_to_string(&sheet) else {
                continue; // a unit reached only through a group has no sheet of its own name
            };
            let row = sheet
                .lines()
                .find(|l| l.starts_with(&format!("| {} |", task.no)))
                .unwrap_or_else(|| panic!("{name}: task {} not on {}'s sheet", task.no, unit.name));
            assert!(
                row.contains(&written),
                "{name}: task {} deadline 「{written}」 not on the sheet: {row}",
                task.no
            );
        }
    }
    assert!(looked_at >= 15, "only {looked_at} fixtures published");
}

/// No published file of any fixture holds text built from missing data: no empty 《》, ****
/// or 【】 in any Markdown twin (the PDF and Word files are set from it).
#[test]
fn nothing_published_is_built_from_missing_data() {
    let inputs = fixture_inputs();
    let mut published = 0;
    for input in &inputs {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("output");
        // Fixtures with errors are refused before anything is written: nothing to look at.
        if fengong::publish_with(input, &target, &fengong::Options::default()).is_err() {
            continue;
        }
        published += 1;
        for entry in walkdir::WalkDir::new(&target).into_iter().flatten() {
            if entry.path().extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            // …and no 《 inside 《》: a title within a title takes 〈〉.
            let mut depth = 0i32;
            for c in text.chars() {
                depth += match c {
                    '《' => 1,
                    '》' => -1,
                    _ => 0,
                };
                assert!(
                    depth <= 1,
                    "{}: {} nests 《 inside 《》",
                    input.display(),
                    entry.path().strip_prefix(&target).unwrap().display()
                );
            }
            for empty in ["《》", "****", "【】"] {
                assert!(
                    !text.contains(empty),
                    "{}: {} contains {empty}",
                    input.display(),
                    entry.path().strip_prefix(&target).unwrap().display()
                );
            }
        }
    }
    assert!(
        published >= 15,
        "only {published} of {} fixtures published",
        inputs.len()
    );
}

/// A notice copied from a web page: its title above the 文号 (no 版头), a body numbered
/// 一、二、三、 with its own requirements, then the plan with （一） items and labelled units.
/// The body's numbers are not the plan's sections; the notice is issued by whoever signs it.
#[test]
fn a_web_page_notice_with_numbered_requirements() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices/web_order.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let notice = &plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("县人民政府办公室关于印发2024年县《政府工作报告》重点任务责任分解方案的通知")
    );
    assert_eq!(notice.issuer.as_deref(), Some("青山县人民政府办公室"));
    assert_eq!(notice.doc_number.as_deref(), Some("青政办〔2024〕5号"));
    assert_eq!(
        notice.body.len(),
        4,
        "the 一、二、三、 requirements are the notice's"
    );
    assert_eq!(notice.date.as_deref(), Some("2024年2月1日"));
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["主要预期目标", "重点工作"]);
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(plan, 2), ["县统计局"]);
    assert_eq!(supports(plan, 2), ["县人社局"]);
    assert_eq!(leads(plan, 3), ["县交通运输局"]);
    assert_eq!(supports(plan, 3), ["各乡镇"]);
    assert_eq!(
        plan.title.as_deref(),
        Some("2024年县《政府工作报告》重点任务责任分解方案")
    );
}

fn notice_fixture(name: &str) -> fengong::Checked {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/notices")
        .join(name);
    fengong::check(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn unused_lines(checked: &fengong::Checked) -> Vec<u32> {
    checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "source/unused")
        .filter_map(|d| d.location.line_no())
        .collect()
}

/// A notice copied from a web page without a 文号 line: the page's metadata and headline
/// above it (reported, not lost), the 文号 inside a metadata line, the title broken over two
/// lines (关于印发…的 / 通 知), the issuer on the line above, the date repeated; tasks with
/// their duties in square brackets, 协办单位 among the labels, a unit with its own parentheses.
#[test]
fn a_notice_found_by_its_recipients_under_a_web_pages_metadata() {
    let checked = notice_fixture("web_meta.md");
    let plan = &checked.plan;
    let notice = &plan.notice;
    // The issuer's line over the title is the title's first words, as the page's 名称 says.
    assert_eq!(
        notice.title.as_deref(),
        Some("东湖区人民政府办公室关于印发2024年区政府重点工作责任分解的通知")
    );
    assert_eq!(notice.issuer.as_deref(), Some("东湖区人民政府办公室"));
    assert_eq!(notice.doc_number.as_deref(), Some("东政办〔2024〕5号"));
    // 、 binds one list, printed as written.
    assert_eq!(
        notice.recipients,
        ["各街道办事处、区政府各部门、各直属单位"]
    );
    // The page repeats the date on the next line: read once, and no title of the plan.
    assert_eq!(notice.date.as_deref(), Some("2024年3月8日"));
    assert_eq!(plan.title.as_deref(), Some("2024年区政府重点工作责任分解"));
    assert_eq!(unused_lines(&checked), [1, 2, 3, 4]);
    // The metadata line the 文号 was taken from says so.
    let line_3 = (checked.report.diagnostics.iter())
        .find(|d| d.code == "source/unused" && d.location.line_no() == Some(3))
        .unwrap();
    assert!(
        line_3
            .message
            .ends_with("其中的发文字号「东政办〔2024〕5号」已读入通知"),
        "{}",
        line_3.message
    );
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(leads(plan, 1), ["区发改局"]);
    assert_eq!(supports(plan, 1), ["区住建局", "各街道办事处（园区）"]);
    assert_eq!(leads(plan, 2), ["区财政局", "区发改局"]);
    assert_eq!(supports(plan, 3), ["区文旅局", "区市场监管局"]);
    assert_eq!(
        groups(plan),
        [
            ("扩大有效投资".to_string(), vec![1, 2]),
            ("提振消费需求".to_string(), vec![3]),
            (String::new(), vec![4]),
        ]
    );
}

/// A notice that starts at its 主送 (the page's title not copied), with a 附件说明 of two
/// lines, 署名, date and 附注; then the table's note line and a table whose 任务名称 column
/// names each task beside 指标要求 — not a group column of one task each.
#[test]
fn a_notice_that_starts_at_its_recipients_and_a_table_of_named_targets() {
    let checked = notice_fixture("recipients_first.md");
    let plan = &checked.plan;
    let notice = &plan.notice;
    assert!(notice.origin.is_some(), "the notice is read");
    assert_eq!(notice.title, None);
    assert_eq!(notice.signer.as_deref(), Some("南河县人民政府办公室"));
    assert_eq!(notice.issuer.as_deref(), Some("南河县人民政府办公室"));
    assert_eq!(notice.annotation.as_deref(), Some("（此件公开发布）"));
    assert_eq!(notice.attachments.len(), 2);
    assert_eq!(
        plan.title.as_deref(),
        Some("2024年县《政府工作报告》目标任务分解表")
    );
    assert_eq!(plan.table.title, None, "the note is no title");
    assert_eq!(unused_lines(&checked), [9], "the note is said");
    assert_eq!(
        contents(plan),
        [
            "地区生产总值：增长6%左右",
            "一般公共预算收入：增长5%",
            "城镇新增就业：3500人以上"
        ]
    );
    assert!(groups(plan).iter().all(|(title, _)| title.is_empty()));
    assert_eq!(supports(plan, 1), ["县统计局"], "协办单位 supports");
}

/// Headings over a table with none of the tasks written under them (（一）共性工作任务 right
/// above the header): the heading heads the table's tasks; nothing is matched against prose
/// that does not hold the tasks, so no "not found in the prose" warnings.
#[test]
fn a_heading_right_above_a_table_heads_its_tasks() {
    let checked = notice_fixture("headings_over_table.md");
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.title.as_deref(),
        Some("北川市卫生健康委员会关于印发《北川市卫生健康系统2024年爱国卫生工作任务》的通知")
    );
    assert_eq!(plan.notice.issuer.as_deref(), Some("北川市卫生健康委员会"));
    assert_eq!(groups(plan), [("共性工作任务".to_string(), vec![1, 2, 3])]);
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"prose/task-not-found"), "{codes:?}");
    assert_eq!(plan.task(2).unwrap().extra, ["各科室配合".to_string()]);
}

/// A plan that names a 责任领导 for its tasks shows it on each unit's return form too (a
/// locked column after the form's own), and the form still reads back as a return.
#[test]
fn the_return_form_shows_the_responsible_leader() {
    use calamine::{Reader, open_workbook_auto};
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columns/leaders.md");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    fengong::publish_with(&input, &target, &fengong::Options::default()).unwrap();
    let form = target.join("任务单/区数据局.xlsx");
    let mut book = open_workbook_auto(&form).unwrap();
    let range = book.worksheet_range(fengong::form::FORM_SHEET).unwrap();
    let header = fengong::form::HEADER_ROW;
    let column = fengong::form::Column::Person.index() as u32;
    let text = |r: u32, c: u32| {
        range
            .get_value((r, c))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    assert_eq!(text(header, column), "责任领导");
    // 区数据局 leads task 2 and supports task 1: both under 王副区长.
    let rows: Vec<(String, String)> = (header + 1..header + 3)
        .map(|r| (text(r, 0), text(r, column)))
        .collect();
    assert_eq!(
        rows,
        [
            ("1".to_string(), "王副区长".to_string()),
            ("2".to_string(), "王副区长".to_string())
        ]
    );
    let read = fengong::ingest::returns::read(&form, "区数据局.xlsx").expect("reads as a return");
    assert_eq!(read.form.rows.len(), 2);
}

/// A notice with no sign-off and no attachment whose body goes on into the plan itself
/// (关于…重点工作及责任分解的通知, then 一、 sections and numbered tasks): the body ends where the
/// sections start, the tasks are read, the plan is named from the notice's title, and 各县、
/// 市、区政府 is one phrase for the governments of those levels, as written — never a unit
/// named 市, nor 各市政府 that no one writes.
#[test]
fn a_notice_whose_body_is_the_plan() {
    let checked = notice_fixture("body_is_plan.md");
    let plan = &checked.plan;
    assert_eq!(plan.notice.issuer.as_deref(), Some("西川市人民政府"));
    assert_eq!(plan.notice.body.len(), 1);
    assert_eq!(
        plan.title.as_deref(),
        Some("2024年市政府重点工作及责任分解")
    );
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("张明"));
    assert_eq!(
        supports(plan, 1),
        ["市统计局", "各县（市、区）人民政府"],
        "a 、 inside parentheses splits nothing; a name's brackets are full-width"
    );
    assert_eq!(supports(plan, 3), ["各县、市、区政府"]);
    let codes = common::codes(&checked);
    assert!(codes.contains(&"notice/no-signer"), "{codes:?}");
}

/// 特此通知 ends a notice's body even with no 署名 or date under it, and the plan's title on
/// the next line starts the plan; a notice titled 某区人民政府办公室关于… is issued by that office.
#[test]
fn a_notice_that_ends_at_te_ci_tong_zhi() {
    let checked = notice_fixture("closing_line.md");
    let plan = &checked.plan;
    assert_eq!(plan.notice.issuer.as_deref(), Some("南山区人民政府办公室"));
    assert_eq!(plan.notice.body.last().unwrap().text, "特此通知");
    assert_eq!(plan.title.as_deref(), Some("2024年政府工作目标任务分解"));
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 1), ["区发改委", "区统计局"]);
    assert_eq!(supports(plan, 2), ["各镇", "各街道"]);
}

/// A notice with neither 版头 nor 署名: both are said (no-issuer, no-signer); its 成文日期 and
/// 附注 are still printed, in the PDF and the Word file (they went with the missing 署名).
/// The attachment prints the plan as written — its preamble, the tasks under their section —
/// and the table gives each task's 责任单位 as the source lists them (the first leads, said).
#[test]
fn a_notice_without_a_signer_keeps_its_date_and_annotation() {
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices/no_signer.md");
    let checked = fengong::check(&input).unwrap();
    let codes = common::codes(&checked);
    assert!(codes.contains(&"notice/no-issuer"), "{codes:?}");
    assert!(codes.contains(&"notice/no-signer"), "{codes:?}");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    fengong::publish_with(&input, &target, &fengong::Options::default()).unwrap();
    let pdf = common::pdf_text(&target.join("通知.pdf"));
    let flat: String = pdf.chars().filter(|c| !c.is_whitespace()).collect();
    for expected in [
        "2025年3月20日",
        // The source's half-width marks print full-width (text/half-width).
        "（此件主动公开）",
        "总体要求是：坚持立德树人",
        "1.深入开展党纪学习教育",
        "责任单位：组干科、办公室、人事科。",
    ] {
        assert!(flat.contains(expected), "通知.pdf lacks {expected}: {flat}");
    }
    let table = std::fs::read_to_string(target.join("任务分工表.md")).unwrap();
    assert!(table.contains("| 序号 | 具体内容 | 责任单位 |"), "{table}");
    assert!(
        table
            .contains("| 1 | 深入开展党纪学习教育,落实“第一议题”制度。 | 组干科、办公室、人事科 |"),
        "{table}"
    );
    let docx = std::process::Command::new("python3")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tools/read_docx.py"))
        .arg(target.join("通知.docx"))
        .output()
        .unwrap();
    let docx = String::from_utf8_lossy(&docx.stdout);
    assert!(
        docx.contains("2025年3月20日"),
        "通知.docx lacks the date: {docx}"
    );
    assert!(
        docx.contains("（此件主动公开）"),
        "通知.docx lacks the 附注: {docx}"
    );
}

/// Tasks listed under a section heading that names who leads them (一、县经济开发区牵头工作
/// （3项）): each task that names no one is theirs; one that names its own duties keeps them.
#[test]
fn a_section_heading_names_the_lead_of_its_tasks() {
    let plan = numbering_fixture("heading_lead.md");
    assert_eq!(plan.tasks.len(), 5);
    for no in 1..=3 {
        assert_eq!(leads(&plan, no), ["县经济开发区"], "task {no}");
    }
    assert_eq!(leads(&plan, 4), ["县农业农村局"]);
    assert_eq!(leads(&plan, 5), ["县农业农村局"]);
    assert_eq!(supports(&plan, 5), ["县财政局"]);
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        ["县经济开发区牵头工作（3项）", "县农业农村局牵头工作（2项）"]
    );
}

/// A 责任单位 label's list marking its lead in brackets (区水务局（牵头）、各街镇) or saying
/// how the towns take part (各街镇按属地负责): the lead is the marked one, the towns the
/// group 各街镇 — the label read, its words out of the task's.
#[test]
fn a_lead_marked_in_a_labelled_list_and_towns_by_their_areas() {
    let (_dir, path) = text_source(
        "方案.md",
        "青禾区2025年生态环境保护工作方案\n\n一、重点任务\n\n\
         1、深化大气污染防治。开展治理20家。责任单位：区生态环境局、区经信委。完成时限：2025年10月底前。\n\n\
         2、加强扬尘污染管控。严格落实六个百分之百。责任单位：区住建委、区城管局，各街镇按属地负责。完成时限：长期坚持。\n\n\
         3、推进河湖长制。落实河湖长巡河制度。责任单位：区发改委、区水务局（牵头）、各街镇。完成时限：2025年12月底前。\n",
    );
    let plan = fengong::check(&path).unwrap().plan;
    assert_eq!(contents(&plan)[2], "推进河湖长制。落实河湖长巡河制度。");
    assert_eq!(leads(&plan, 3), ["区水务局"]);
    assert_eq!(supports(&plan, 3), ["区发改委", "各街镇"]);
    assert_eq!(supports(&plan, 2), ["区城管局", "各街镇"]);
    assert_eq!(
        plan.task(3).unwrap().deadline_text.as_deref(),
        Some("2025年12月底前")
    );
}

/// The office a plan tells its units to report progress to (每月20日前将工作进展报社区管理办)
/// is where the task sheets send the returns, said; `[plan] returns_to` sets another.
#[test]
fn task_sheets_send_returns_where_the_plan_says() {
    let plan = "清河街道2025年老旧小区改造工作方案\n\n一、重点任务\n\n\
        1.完成3个小区雨污分流改造。（牵头单位：城建办；配合单位：东门社区；完成时限：2025年10月底前）\n\n\
        二、工作要求\n\n各科室、各社区每月20日前将工作进展报社区管理办。\n";
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("方案.md"), plan).unwrap();
    let sheet = common::published_text(&input, "任务单/城建办.md");
    assert!(sheet.contains("Excel 反馈表，报送社区管理办。"), "{sheet}");
    let checked = fengong::check(&input).unwrap();
    assert!(common::codes(&checked).contains(&"plan/returns-to"));
    std::fs::write(
        input.join("fengong.toml"),
        "[plan]\nreturns_to = \"街道党政办\"\n",
    )
    .unwrap();
    let sheet = common::published_text(&input, "任务单/城建办.md");
    assert!(sheet.contains("Excel 反馈表，报送街道党政办。"), "{sheet}");
}

/// Sub-items each naming who does them, a 完成时限 closing the paragraph after the last
/// (①…（…）；②…（…）。完成时限：…): the time is each item's.
#[test]
fn a_time_closing_the_sub_items_is_each_ones() {
    let plan = numbering_fixture("sub_items_closing_time.md");
    let deadlines: Vec<Option<&str>> = (plan.tasks.iter())
        .map(|t| t.deadline_text.as_deref())
        .collect();
    assert_eq!(
        deadlines,
        [
            Some("2025年12月底前"),
            Some("2025年12月底前"),
            Some("2025年12月底前"),
            Some("2025年8月底前"),
            Some("2025年8月底前"),
            Some("2025年11月底前"),
        ]
    );
    assert_eq!(supports(&plan, 1), ["县住建局"]);
    assert_eq!(leads(&plan, 5), ["县教育局"]);
}

/// Labels set in brackets instead of closed by a colon (【牵头单位】市商务局【配合单位】…
/// 【完成时间】…), on the line under the task or run on after its words, read as the labels
/// they are; a bracket holding no label (【工作要求】) stays the plan's words.
#[test]
fn labels_in_brackets_read_as_labels() {
    let plan = numbering_fixture("bracketed_labels.md");
    assert_eq!(
        contents(&plan),
        [
            "培育消费新场景。打造一批夜间消费集聚区。",
            "促进汽车消费。开展新能源汽车下乡活动。",
            "扩大文旅消费。举办文旅消费季活动。",
        ]
    );
    assert_eq!(leads(&plan, 1), ["市商务局"]);
    assert_eq!(supports(&plan, 1), ["市文化旅游局", "各区县人民政府"]);
    assert_eq!(supports(&plan, 2), ["市工业和信息化局"]);
    assert_eq!(leads(&plan, 3), ["市文化旅游局"]);
    let deadlines: Vec<Option<&str>> = (plan.tasks.iter())
        .map(|t| t.deadline_text.as_deref())
        .collect();
    assert_eq!(
        deadlines,
        [
            Some("2025年12月底前"),
            Some("2025年6月底前"),
            Some("2025年9月底前")
        ]
    );
}

/// A （一） heading naming its lead, its helpers and a time (（一）老旧小区改造（牵头单位：
/// 区住建委；配合单位：各街镇）) over items: a group, each item naming no one the heading's
/// — an item naming only a helper (配合单位：区城管局) keeps the heading's lead, never takes
/// the helper for it — and an item's own 完成时限 closing its sentence its deadline.
#[test]
fn a_heading_gives_its_lead_helpers_and_time_to_its_items() {
    let plan = numbering_fixture("heading_assigns_its_items.md");
    // Group, content, leads, supports, deadline as written.
    type Row = (u32, String, Vec<String>, Vec<String>, Option<String>);
    let got: Vec<Row> = plan
        .tasks
        .iter()
        .map(|t| {
            (
                t.group,
                t.content.clone(),
                leads(&plan, t.no),
                supports(&plan, t.no),
                t.deadline_text.clone(),
            )
        })
        .collect();
    let want = |g: u32, c: &str, l: &[&str], s: &[&str], d: &str| {
        (
            g,
            c.to_string(),
            l.iter().map(|x| x.to_string()).collect(),
            s.iter().map(|x| x.to_string()).collect(),
            Some(d.to_string()),
        )
    };
    assert_eq!(
        got,
        [
            want(
                1,
                "完成2000年前建成的老旧小区改造12个。",
                &["区住建委"],
                &["各街镇"],
                "2025年12月底前"
            ),
            want(
                1,
                "同步推进既有住宅加装电梯50部。",
                &["区住建委"],
                &["各街镇"],
                "2026年6月底前"
            ),
            want(
                1,
                "建立改造后小区长效管理机制。",
                &["区住建委"],
                &["各街镇", "区城管局"],
                "长期坚持"
            ),
            want(
                2,
                "编制重点片区更新规划。",
                &["区发改委"],
                &["区规划资源局"],
                "2025—2026年"
            ),
            want(
                2,
                "推进3个更新片区项目开工建设。",
                &["区发改委"],
                &["区规划资源局"],
                "2025—2026年"
            ),
            want(
                3,
                "开展历史建筑普查，建立保护名录。",
                &["区文旅局"],
                &["区住建委"],
                "2025年9月底前"
            ),
        ]
    );
    assert_eq!(
        plan.task(4)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-12-31")
    );
}

/// A （二） naming its units itself, between （一） and （三） over items of their own, is
/// a group of one task: not the task of the group before it, and no （二） said missing.
#[test]
fn a_group_doing_its_own_work_between_groups_of_items_is_a_group() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/numbering/group_between_groups.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let groups: Vec<(String, Vec<u32>)> = (plan.groups())
        .map(|g| (g.label.clone().unwrap_or_default(), g.tasks.clone()))
        .collect();
    let want = |label: &str, tasks: &[u32]| (label.to_string(), tasks.to_vec());
    assert_eq!(
        groups,
        [
            want("（一）扩大就业岗位供给", &[1, 2]),
            want("（二）支持高校毕业生留区就业", &[3]),
            want("（三）加强职业技能培训", &[4, 5]),
            want("（一）强化资金保障", &[6]),
            want("（二）强化宣传引导", &[7, 8]),
        ]
    );
    let who = |no: u32| (leads(plan, no), supports(plan, no));
    let names = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        who(3),
        (names(&["区人社局"]), names(&["区财政局", "区教育局"]))
    );
    assert_eq!(who(6), (names(&["区财政局"]), names(&["区人社局"])));
    let deadline = |no: u32| plan.task(no).unwrap().deadline.map(|d| d.to_string());
    assert_eq!(deadline(3).as_deref(), Some("2025-12-31"));
    assert_eq!(deadline(6).as_deref(), Some("2025-12-31"));
    let codes: Vec<&str> = (checked.report.diagnostics.iter())
        .map(|d| d.code.as_str())
        .collect();
    assert!(!codes.contains(&"group/number-skipped"), "{codes:?}");
    assert!(!codes.contains(&"structure/empty-units"), "{codes:?}");
}

/// A ledger without a 序号 column (工作任务 | 具体要求 | 责任科室 | 时限要求): its tasks are
/// numbered in row order, and the check says so.
#[test]
fn a_table_without_a_number_column_is_numbered_in_row_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("要点.txt");
    std::fs::write(
        &path,
        "某局2025年工作要点分解表\n工作任务\t具体要求\t责任科室\t时限要求\n\
         规范公开\t做好公开。\t法规科\t全年\n强化监督\t开展检查。\t监督科、法规科\t2025年6月底\n",
    )
    .unwrap();
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(plan.task(2).unwrap().content, "强化监督：开展检查。");
    assert_eq!(leads(plan, 2), ["监督科"]);
    assert!(common::codes(&checked).contains(&"table/no-number-column"));
}

fn stacked_fixture(name: &str) -> fengong::Checked {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stacked")
        .join(name);
    fengong::check(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn codes_at(checked: &fengong::Checked, code: &str) -> Vec<u32> {
    checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .filter_map(|d| d.location.line_no())
        .collect()
}

/// A web table pasted one cell per line, rows numbered: each row's lines go to the columns
/// they fit by what they say — a cell's units one per line, a time, a second sentence and
/// time under one merged 序号 — and the page's own line under the table is said.
#[test]
fn a_numbered_table_pasted_one_cell_per_line_is_put_back_together() {
    let checked = stacked_fixture("numbered.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5);
    assert_eq!(leads(plan, 1), ["县水务局"]);
    assert_eq!(supports(plan, 1), ["县住建局", "县城投公司"]);
    assert_eq!(
        plan.task(1).unwrap().deadline_text.as_deref(),
        Some("2026年11月底前")
    );
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("9月底前建成")
    );
    let third = plan.task(3).unwrap();
    assert_eq!(third.content, "建成县妇幼保健院门诊楼。投入使用。");
    assert_eq!(
        third.deadline_text.as_deref(),
        Some("6月底前主体完工\n12月底前")
    );
    assert_eq!(leads(plan, 3), ["县卫生健康局"]);
    assert_eq!(plan.task(4).unwrap().deadline_text.as_deref(), Some("全年"));
    assert_eq!(supports(plan, 5), ["县财政局"]);
    assert_eq!(
        plan.task(5).unwrap().deadline_text.as_deref(),
        Some("秋季学期开学前")
    );
    assert_eq!(codes_at(&checked, "table/cells-per-line"), [3]);
    assert_eq!(codes_at(&checked, "table/continued-row"), [39]);
    // The page's own line under the last row: after the table, not among its rows.
    assert_eq!(codes_at(&checked, "table/after-table"), [61]);
    assert!(codes_at(&checked, "table/stray-line").is_empty());
}

/// The same without numbers, 序号 left empty: a row begins where the columns begin again,
/// headings (一、 / (1)) stand between rows, a cell broken over two lines is one cell, an
/// empty 配合单位 cell leaves the next row alone.
#[test]
fn an_unnumbered_table_pasted_one_cell_per_line_reads_in_row_order() {
    let checked = stacked_fixture("sections.md");
    let plan = &checked.plan;
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["关于扩大有效投资", "关于提升城市品质"]);
    assert_eq!(
        groups(plan),
        [
            ("推进重大项目建设。".to_string(), vec![1, 2, 3]),
            ("改善人居环境。".to_string(), vec![4, 5]),
        ]
    );
    assert_eq!(leads(plan, 1), ["区发改委"]);
    assert_eq!(supports(plan, 1), ["区财政局", "区住建委"]);
    assert_eq!(
        plan.task(2).unwrap().content,
        "推进东部片区道路网建设，年内建成主干道3条，次干道5条。"
    );
    assert!(supports(plan, 2).is_empty());
    assert_eq!(leads(plan, 3), ["区卫健委"]);
    assert_eq!(supports(plan, 3), ["区住建委"]);
    assert_eq!(leads(plan, 5), ["区绿化市容局"]);
    assert_eq!(codes_at(&checked, "table/no-number-column"), [3]);
}

/// Cells between border lines (|), a 配合 column left empty in some rows.
#[test]
fn a_table_pasted_between_border_lines() {
    let checked = stacked_fixture("borders.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(plan, 1), ["办公室"]);
    assert_eq!(supports(plan, 1), ["法规科"]);
    assert_eq!(
        plan.task(1).unwrap().deadline_text.as_deref(),
        Some("每季度末")
    );
    assert!(supports(plan, 2).is_empty());
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("长期坚持")
    );
    assert_eq!(
        plan.task(3).unwrap().deadline_text.as_deref(),
        Some("次年1月31日前")
    );
}

/// 责任单位 | 配合单位 without a 牵头 column: the 配合 cell's units support, the units cell's
/// first leads and its others stay 责任单位; both columns are printed apart.
#[test]
fn a_units_column_with_a_support_column_keeps_both() {
    let checked = columns_fixture("units_and_support.md");
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["区住建委"]);
    assert_eq!(supports(plan, 1), ["区财政局", "各街道办事处"]);
    assert_eq!(leads(plan, 3), ["区民政局"]);
    assert_eq!(supports(plan, 3), ["区住建委"]);
    let responsible: Vec<&str> = (plan.task(3).unwrap().units.iter())
        .filter(|a| a.role == fengong::model::Role::Responsible)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(responsible, ["区卫健委"]);
    assert!(plan.table.roles_apart);
}

/// Cells between border lines under a header that names no 序号 (merged into 工作任务 over
/// the group and the number): rows begin at their numbers, a group's merged cell copied
/// before its first row's number heads that row and those after it.
#[test]
fn a_group_left_of_an_unnamed_number_column_heads_the_rows_after_it() {
    let checked = stacked_fixture("group_left.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(
        groups(plan),
        [
            ("深化行政执法监督".to_string(), vec![1, 2]),
            ("加强普法宣传".to_string(), vec![3, 4]),
        ]
    );
    assert_eq!(
        plan.task(1).unwrap().content,
        "开展行政执法案卷评查，全年评查案卷不少于60卷。"
    );
    assert_eq!(leads(plan, 3), ["普法宣传科"]);
    assert_eq!(supports(plan, 3), ["社区矫正科"]);
    assert_eq!(
        plan.task(4).unwrap().deadline_text.as_deref(),
        Some("10月底前")
    );
    assert_eq!(codes_at(&checked, "table/unnamed-number-column"), [3]);
    assert!(codes_at(&checked, "table/stray-line").is_empty());
}

/// A category column left of 序号, pasted one cell per line: its merged value stands before
/// the first number of its rows (after the header's last name, so it looks like a sixth
/// name). It heads those rows, not the header; a row cut off before its 牵头单位 is said.
#[test]
fn a_category_left_of_the_number_heads_its_rows_and_a_row_without_lead_is_said() {
    let checked = stacked_fixture("category_left.md");
    let plan = &checked.plan;
    assert_eq!(
        plan.table.header,
        ["类别", "序号", "指标", "责任单位", "牵头单位"]
    );
    assert_eq!(
        groups(plan),
        [
            ("预期目标".to_string(), vec![1, 2, 3]),
            ("改革攻坚".to_string(), vec![4, 5]),
        ]
    );
    assert!(plan.tasks.iter().all(|t| t.extra.is_empty()));
    assert_eq!(leads(plan, 1), ["县发改局"]);
    assert_eq!(supports(plan, 1), ["县统计局", "县经信局"]);
    assert_eq!(leads(plan, 4), ["县国资中心"]);
    assert!(leads(plan, 5).is_empty());
    assert_eq!(supports(plan, 5), ["县行政服务中心", "县数据局"]);
    assert_eq!(codes_at(&checked, "structure/no-lead").len(), 1);
}

/// Sub-items under a numbered task: a duty after the last of them, none before, is the
/// task's (its sub-items are its text); sub-items that each say who does them are the tasks,
/// the task over them their heading. Labelled lines and inline duties alike.
#[test]
fn sub_items_share_their_tasks_duty_or_carry_their_own() {
    let plan = numbering_fixture("sub_items.md");
    assert_eq!(
        contents(&plan),
        [
            "推进一体化平台建设。（1）建成区级政务云平台。（2）完成20个业务系统迁移上云。（3）推进数据共享交换。",
            "推行高频事项“一件事一次办”。",
            "建设24小时自助服务区。",
            "开展攻防演练。",
            "完成等级保护测评。",
            "健全运维机制。①制定运维管理办法；②建立运维考核制度。",
            // A heading with no stop introduces its items with a colon.
            "完善应急预案体系：（1）加强应急预案管理，规范预案编制和备案。（2）推进部门应急预案精编化。",
        ]
    );
    assert_eq!(leads(&plan, 7), ["区应急局"]);
    assert_eq!(leads(&plan, 1), ["区数据局"]);
    assert_eq!(supports(&plan, 1), ["区财政局"]);
    assert_eq!(leads(&plan, 2), ["区政务服务中心"]);
    assert_eq!(leads(&plan, 3), ["区行政服务中心"]);
    assert_eq!(leads(&plan, 5), ["区公安分局"]);
    assert_eq!(supports(&plan, 5), ["区数据局"]);
    assert_eq!(leads(&plan, 6), ["区数据局"]);
    let titles: Vec<String> = groups(&plan).into_iter().map(|(t, _)| t).collect();
    assert!(
        titles.iter().any(|t| t.starts_with("提升政务服务水平")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("加强网络安全防护")),
        "{titles:?}"
    );
}

/// Rows whose merged cells on the left (序号, 责任单位) were lost when a web table was
/// copied: their cells stand left, their tail empty. Moved right to where the header has
/// them, they continue the task above (its sub-items, their progress) and are said.
#[test]
fn rows_whose_left_cells_were_merged_continue_the_task_above() {
    let checked = columns_fixture("merged_left.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    let first = plan.task(1).unwrap();
    assert_eq!(
        first.content,
        "1.推进重大项目开工。2.修改完善政府投资计划。3.争取专项债券项目。"
    );
    assert_eq!(
        first.extra,
        ["已开工3个。\n正在按审查意见修订。\n已申报5个。"]
    );
    assert_eq!(leads(plan, 1), ["区发改委"]);
    assert_eq!(leads(plan, 2), ["区财政局"]);
    let moved: Vec<u32> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "table/cells-moved-left")
        .filter_map(|d| d.location.line_no())
        .collect();
    assert_eq!(moved, [5, 6]);
}

/// A stacked table with columns fengong does not read (当前进度 between the text and the
/// units, 备注 last): each kept as an extra column, its lines there and not in the task's
/// text; the page's furniture above it is no title.
#[test]
fn a_stacked_tables_report_columns_are_kept_apart() {
    let checked = stacked_fixture("progress.md");
    let plan = &checked.plan;
    assert_eq!(plan.table.extra_columns, ["当前进度", "备注"]);
    let first = plan.task(1).unwrap();
    assert_eq!(first.content, "新增公办幼儿园学位800个。");
    assert_eq!(first.extra, ["60%(城东幼儿园进度偏慢)", "市民生实事"]);
    assert_eq!(leads(plan, 2), ["县交通运输局"]);
    assert_eq!(plan.task(2).unwrap().extra, ["90%", "县民生实事"]);
    assert!(!plan.table.roles_apart);
    assert!(
        plan.table
            .title
            .as_deref()
            .is_none_or(|t| !t.contains("字体")),
        "{:?}",
        plan.table.title
    );
}

/// A stacked header whose narrow columns broke their names over two lines (责任 / 领导,
/// 牵头 / 科室, 第三季度 / 完成情况) and one name the rows alone can tell is one cell
/// (年度目标 / 任务): the header has the columns the rows fill, and each row's cells stand
/// under the right names.
#[test]
fn a_stacked_header_broken_over_lines_has_the_columns_its_rows_fill() {
    let checked = stacked_fixture("broken_header.md");
    let plan = &checked.plan;
    assert_eq!(
        plan.table.header,
        [
            "序号",
            "重点工作",
            "责任领导",
            "牵头科室",
            "年度目标任务",
            "推进措施",
            "第三季度完成情况"
        ]
    );
    assert_eq!(plan.tasks.len(), 3);
    let first = plan.task(1).unwrap();
    assert_eq!(first.person.as_deref(), Some("陈立新"));
    assert_eq!(leads(plan, 1), ["城建办"]);
    assert!(
        first.content.contains("完成3个老旧小区改造"),
        "{}",
        first.content
    );
    assert_eq!(
        first.extra,
        ["9月底前完成管网改造。", "已完成2个小区管网改造。"]
    );
    assert_eq!(leads(plan, 2), ["农业农村办"]);
    assert_eq!(plan.task(3).unwrap().person.as_deref(), Some("林国强"));
    assert_eq!(plan.task(3).unwrap().extra[1], "化解积案11件。");
}

/// A news page's lead lines above the plan (metrics, a reporter's paragraph, 下面一起来看看):
/// the plan's title is the line naming a plan above its first section, the lines above it are
/// said as left out, and neither titles the plan or its table.
#[test]
fn a_news_pages_lead_lines_are_not_the_plans_title() {
    let checked = notice_fixture("news_lead.md");
    let plan = &checked.plan;
    assert_eq!(plan.title.as_deref(), Some("某区2026年重点工作任务分解"));
    assert_eq!(
        plan.table.title.as_deref(),
        Some("某区2026年重点工作任务分解")
    );
    assert!(plan.preamble.is_empty(), "{:?}", plan.preamble);
    assert_eq!(unused_lines(&checked), [1, 2, 3, 4, 5]);
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 2), ["区商务委"]);
}

/// A plan issued as what it is (关于…的实施意见 under its 文号, no 印发 notice around it):
/// the notice's title is read, and the plan is the document itself — no "no title" refusal.
#[test]
fn a_plan_issued_as_itself_is_named_by_its_own_title() {
    let checked = notice_fixture("direct_opinion.md");
    let plan = &checked.plan;
    let title = "某市人民政府关于进一步促进就业的实施意见";
    assert_eq!(plan.notice.title.as_deref(), Some(title));
    assert_eq!(plan.title.as_deref(), Some(title));
    assert_eq!(plan.notice.issuer.as_deref(), Some("某市人民政府"));
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(plan, 2), ["市人力资源社会保障局"]);
    assert_eq!(supports(plan, 2), ["市财政局"]);
}

/// A pipe table's header wrapped over four lines by a narrow page: read as one header row.
#[test]
fn a_pipe_header_wrapped_over_lines_is_one_header() {
    let checked = columns_fixture("wrapped_header.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 1), ["区住建委"]);
    assert_eq!(supports(plan, 1), ["区财政局"]);
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("王明"));
    assert_eq!(deadline(plan, 2).as_deref(), Some("2026-12-31"));
    assert_eq!(
        plan.table.origin.as_ref().and_then(|o| o.line_no()),
        Some(2)
    );
}

/// Who does the work said in other words: X主办，Y协办 (lead and supports); X、Y、Z分别负责
/// (each answers for its part: all lead); X、Y、Z负责 (the first listed leads, as in a
/// 责任单位 cell, and the source's own 列第一位的为牵头部门，下同 says so); a remark after the units' full stop (以下均需…，不再
/// 列出) is said whole, never a unit with a sheet of its own.
#[test]
fn role_words_and_remarks_in_an_assignment_are_read_as_what_they_say() {
    let plan = numbering_fixture("role_words.md");
    assert_eq!(plan.tasks.len(), 5);
    assert_eq!(leads(&plan, 1), ["省发展改革委"]);
    assert_eq!(leads(&plan, 2), ["省财政厅"]);
    assert_eq!(supports(&plan, 2), ["省税务局", "省统计局"]);
    assert_eq!(
        leads(&plan, 3),
        ["省人力资源社会保障厅", "省农业农村厅", "省统计局"]
    );
    assert!(supports(&plan, 3).is_empty());
    assert_eq!(leads(&plan, 4), ["省发展改革委"]);
    assert_eq!(supports(&plan, 4), ["省自然资源厅", "省财政厅"]);
    assert_eq!(leads(&plan, 5), ["省住房城乡建设厅"]);
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    for bad in [
        "下同",
        "不再列出",
        "列第一位的为牵头部门",
        "省财政厅主办",
        "省统计局分别",
    ] {
        assert!(!names.contains(&bad), "{bad} read as a unit: {names:?}");
    }
    // The remark after the list's full stop is said whole, with its place.
    let checked =
        fengong::check(&common::root().join("tests/fixtures/numbering/role_words.md")).unwrap();
    let remark = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "unit/remark" && d.message.contains("不再列出"))
        .expect("the remark said");
    assert!(
        remark
            .message
            .contains("「以下均需各市政府落实，市政府无相关职能的，由省直责任部门负责，不再列出」"),
        "{}",
        remark.message
    );
    assert_eq!(remark.location.line_no(), Some(19));
}

/// A plan issued as itself whose first section numbers its tasks （一）…（三） right under it
/// and whose second has a group （一） over 1. 2.: the attachment prints every task as written,
/// and the table labels the group （一） as the source does.
#[test]
fn tasks_numbered_right_under_a_section_are_printed_in_the_attachment() {
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/numbering/role_words.md");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    fengong::publish_with(&input, &target, &fengong::Options::default()).unwrap();
    let notice = std::fs::read_to_string(target.join("通知.md")).unwrap();
    for task in [
        "地区生产总值增长6%左右",
        "一般公共预算收入增长5%",
        "城乡居民收入与经济增长同步",
        "推进200个省级重点项目",
    ] {
        assert!(notice.contains(task), "「{task}」 not in the attachment");
    }
    let table = std::fs::read_to_string(target.join("任务分工表.md")).unwrap();
    assert!(table.contains("（一）抓好重大项目建设"), "{table}");
    assert!(!table.contains("（二）抓好重大项目建设"), "{table}");
}

/// A stacked table whose every line ends in a border (`12 |`): not a wrapped pipe header,
/// but one cell per line; a leader's name with a space in it stays one cell.
#[test]
fn a_stacked_table_with_a_border_after_each_cell_reads() {
    let checked = stacked_fixture("trailing_borders.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.task(12).unwrap().person.as_deref(), Some("王 强"));
    assert_eq!(leads(plan, 12), ["县教育局"]);
    assert_eq!(supports(plan, 13), ["县人社局", "县财政局"]);
    assert_eq!(
        plan.title.as_deref(),
        Some("某县2026年重点工作目标任务分解表")
    );
}

/// A stacked table whose header names the period a column reports on first (`1-3月进展`),
/// or breaks the leader's column over two lines under the body it leads (区政府 / 分管领导):
/// every column is the header's, every row read.
#[test]
fn a_stacked_header_with_a_period_or_a_leaders_body_reads_every_column() {
    let (_dir, input) = text_source(
        "进展.md",
        "2026年社区服务提升任务推进情况\n序号 |\n工作内容 |\n牵头单位 |\n配合单位 |\n1-6月进展 |\n\
         1 |\n新建长者食堂3家。 |\n县民政局 |\n各镇 |\n已完成2家。 |\n\
         2 |\n改造口袋公园5个。 |\n县城管局 |\n县住建局 |\n已开工。 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 2), ["县城管局"]);
    assert_eq!(supports(plan, 2), ["县住建局"]);
    assert_eq!(plan.table.extra_columns, ["1-6月进展"]);
    assert_eq!(plan.task(1).unwrap().extra, ["已完成2家。"]);
    let (_dir, input) = text_source(
        "分解.txt",
        "2026年社区服务提升任务分解表\n序号\n工作内容\n县政府\n分管领导\n牵头单位\n配合单位\n\
         1\n新建长者食堂3家。\n张明\n县民政局\n各镇\n\
         2\n改造口袋公园5个。\n李强\n县城管局\n县住建局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("李强"));
    assert_eq!(leads(plan, 2), ["县城管局"]);
    assert_eq!(
        common::contents(plan),
        ["新建长者食堂3家。", "改造口袋公园5个。"]
    );
}

/// A table pasted one cell per line whose 序号 stands over items numbered in their own cells,
/// each with its leader and units ((1)…, 王明, 县发改局; (2)…, 县财政局), under a label in
/// a column of its own: each item is a task, numbered as written, under its label — and a
/// title above that opens with a year is the table's title, not a column.
#[test]
fn items_numbered_under_a_stacked_rows_number_are_tasks_of_their_own() {
    let (_dir, input) = text_source(
        "分解.txt",
        "2026年一季度主要目标任务责任分解表\n序号\n目标名称\n工 作 标 准\n县政府\n分管领导\n牵头单位\n配合单位\n\
         1\n全县经济社会发展的主要预期目标\n(1)地区生产总值增长6%左右。\n王明\n县发改局\n县统计局\n\
         (2)一般公共预算收入增长3%以上。\n赵亮\n县财政局\n县税务局\n\
         2\n聚焦产业强县\n(3)新建标准厂房10万平方米。\n孙华\n县工信局\n各乡镇\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "地区生产总值增长6%左右。",
            "一般公共预算收入增长3%以上。",
            "新建标准厂房10万平方米。"
        ]
    );
    assert_eq!(leads(plan, 2), ["县财政局"]);
    assert_eq!(supports(plan, 2), ["县税务局"]);
    assert_eq!(plan.task(3).unwrap().person.as_deref(), Some("孙华"));
    assert_eq!(
        common::groups(plan),
        [
            ("全县经济社会发展的主要预期目标".to_string(), vec![1, 2]),
            ("聚焦产业强县".to_string(), vec![3])
        ]
    );
    assert_eq!(
        plan.table.title.as_deref(),
        Some("2026年一季度主要目标任务责任分解表")
    );
    let said = common::codes(&checked);
    assert!(
        said.contains(&"table/numbered-under-merged-number"),
        "{said:?}"
    );
}

/// A stacked table cut right after its last row's text: the text is that task's (said cut
/// off), never text after the table, and the task's missing units are the one error.
#[test]
fn a_stacked_table_cut_after_a_rows_text_keeps_it_in_the_row() {
    let (_dir, input) = text_source(
        "进展.md",
        "2026年社区服务提升任务推进情况\n序号 |\n工作内容 |\n分管领导 |\n牵头单位 |\n配合单位 |\n推进情况 |\n\
         1 |\n新建长者食堂3家。 |\n张明 |\n县民政局 |\n各镇 |\n已完成2家。 |\n\
         2 |\n改造口袋公园5个。 |\n李强 |\n县城管局 |\n县住建局 |\n已开工。 |\n\
         3 |\n增设便民服务点 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.task(3).unwrap().content, "增设便民服务点");
    let codes = common::codes(&checked);
    assert!(codes.contains(&"source/cut-off"), "{codes:?}");
    assert!(!codes.contains(&"table/after-table"), "{codes:?}");
    assert!(!codes.contains(&"structure/empty-content"), "{codes:?}");
}

/// A web page's 成文日期 repeated on the line under it (its own date line) is said as left
/// out, never dropped without a word.
#[test]
fn a_repeated_date_under_the_notice_is_said() {
    let (_dir, input) = text_source(
        "通知.md",
        "某区人民政府办公室关于印发社区服务提升任务分工的通知\n各街道办事处，区政府各部门：\n\
         现将社区服务提升任务分工印发给你们，请认真落实。\n某区人民政府办公室\n2026年3月1日\n2026年3月1日\n\
         社区服务提升任务分工\n1.新建社区食堂3家。（责任单位：区民政局）\n2.改造口袋公园5个。（责任单位：区城管局）\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.notice.date.as_deref(), Some("2026年3月1日"));
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "source/unused" && d.location.line_no() == Some(6))
        .unwrap();
    assert!(said.message.contains("重复"), "{}", said.message);
}

/// A task whose only unit is the piece the source was cut in (责任单位:区) names nobody: an
/// error with its place, not a task published for no one.
#[test]
fn a_task_left_with_only_a_cut_off_piece_is_an_error() {
    let text = "柳川县2026年重点工作任务分解\n\n(一)地区生产总值增长6%。\n\n责任单位:县发改局\n\n(二)工业投资增长12%以上。\n\n责任单位:县";
    let dir = common::project(&[("plan.md", text.as_bytes())]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    let found: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "unit/only-cut")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", checked.report.diagnostics);
    assert_eq!(found[0].location.line_no(), Some(9));
    assert!(found[0].message.contains("第 2 项"), "{}", found[0].message);
    assert!(!codes(&checked).contains(&"unit/no-real-unit"));
}

/// A web table copied with a bar opening each cell and a bar alone ending each row: a cell
/// over lines (a lead set vertically, 市 / 发 / 改 / 委) is one cell, a row short of cells
/// takes the cells merged down over it from the row above, and a body and a phrase naming
/// nobody joined by 和 are apart.
#[test]
fn a_table_whose_bars_open_its_cells_reads_row_by_row() {
    let checked = stacked_fixture("bars_open_cells.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 7, "{:#?}", contents(plan));
    assert_eq!(leads(plan, 1), ["市政府办公厅"]);
    assert_eq!(supports(plan, 1), ["各区县市"]);
    assert_eq!(plan.task(1).unwrap().unspecified, ["市直各单位"]);
    // Lead merged down: taken from the row above.
    assert_eq!(plan.task(2).unwrap().content, "推进法治政府建设");
    assert_eq!(leads(plan, 2), ["市政府办公厅"]);
    assert_eq!(supports(plan, 2), ["市司法局", "各区县市"]);
    assert_eq!(leads(plan, 3), ["市发改委"]);
    assert_eq!(supports(plan, 3), ["市统计局", "各区县市"]);
    assert_eq!(plan.task(3).unwrap().unspecified, ["市直相关单位"]);
    // Lead and units both merged down.
    assert_eq!(plan.task(4).unwrap().content, "固定资产投资增长8%");
    assert_eq!(leads(plan, 4), ["市发改委"]);
    assert_eq!(supports(plan, 4), supports(plan, 3));
    // A content cell over two lines is one text.
    assert_eq!(
        plan.task(5).unwrap().content,
        "推进滨江商务区配套建设,加快滨江综合交通枢纽建设"
    );
    assert_eq!(leads(plan, 5), ["滨江新区管委会"]);
    // The row the source stops in, right under a bar.
    assert_eq!(leads(plan, 6), ["市统计局"]);
    assert_eq!(plan.task(7).unwrap().content, "单位能耗下降3%");
    assert_eq!(leads(plan, 7), ["市统计局"]);
    assert_eq!(supports(plan, 7), ["市工信局", "各区县市"]);
    assert_eq!(
        codes_at(&checked, "table/merged-cell-restored"),
        [13, 23, 39]
    );
    assert!(codes(&checked).contains(&"unit/wrapped"));
    assert!(!codes(&checked).contains(&"table/cells-per-line"));
}

/// A row of such a table whose cells fit its columns no one way is refused with its place
/// and its text, not guessed.
#[test]
fn a_short_row_that_fits_no_one_way_is_refused() {
    let (_dir, path) = text_source(
        "plan.md",
        "某县2026年重点工作任务分解\n\n牵头单位\n| 工作任务\n| 配合单位\n|\n县发改局\n| 推进项目建设\n| 县财政局\n|\n优化营商环境\n| 落实减税降费政策\n|\n\n抄送：县委办公室。\n",
    );
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 1);
    let refused: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "table/short-row")
        .collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].location.line_no(), Some(11));
    assert!(
        refused[0]
            .message
            .contains("优化营商环境 / 落实减税降费政策")
    );
    // Text under the table, apart from its last bar, is no row: a 版记's line with no
    // notice to hold it is said left out.
    assert_eq!(codes_at(&checked, "source/unused"), [15]);
    assert!(codes_at(&checked, "table/after-table").is_empty());
}

/// Small punctuation marks some sites emit (`1﹒`, `﹑`, `牵头责任单位﹕`, `﹙含续建﹚`) read
/// as the usual ones: tasks, sections and labels as in any plan, and said once.
#[test]
fn small_form_punctuation_reads_as_the_usual_marks() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/numbering/small_forms.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3, "{:#?}", contents(plan));
    assert_eq!(leads(plan, 1), ["省发展改革委"]);
    assert_eq!(supports(plan, 1), ["省财政厅", "省统计局"]);
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("分管副省长"));
    assert_eq!(
        plan.task(2).unwrap().content,
        "新开工重大项目200个以上（含续建）。"
    );
    assert_eq!(leads(plan, 3), ["省人力资源社会保障厅"]);
    assert_eq!(plan.sections.len(), 2);
    assert_eq!(codes_at(&checked, "text/small-forms"), [3]);
}

/// A page's furniture above the plan and the tail of its notice (署名, a date with spaces):
/// the plan's title is the line naming a plan above its first section, broken over two lines
/// at a 《; the furniture is said, not the title.
#[test]
fn a_title_broken_at_its_mark_under_page_furniture_is_the_title() {
    let checked = notice_fixture("title_under_chrome.md");
    let plan = &checked.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("某区贯彻落实《关于加强新时代街道工作的意见》的任务分解方案")
    );
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(supports(plan, 2), ["区民政局", "各街道党工委"]);
    let unused = unused_lines(&checked);
    assert!(unused.contains(&1) && unused.contains(&2), "{unused:?}");
}

/// A heading that names the table right above it (一、8件民生实事任务分解表) is the plan's
/// title when nothing else is; units a cell sets apart by a space print as two.
#[test]
fn a_heading_naming_the_table_titles_the_plan() {
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/columns/heading_is_title.md");
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.title.as_deref(), Some("8件民生实事任务分解表"));
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    fengong::publish_with(&input, &target, &fengong::Options::default()).unwrap();
    let table = std::fs::read_to_string(target.join("任务分工表.md")).unwrap();
    assert!(table.contains("县教体局、各相关乡镇政府"), "{table}");
}

/// A web page that sets the issuer on a line of its own under the 文号 and breaks the title
/// over lines with spaces, its metadata line above the 文号: the issuer and title are read,
/// the 主送 is the 主送, and the metadata is said — never printed as the 版头.
#[test]
fn an_issuer_under_the_doc_number_and_a_title_over_lines_are_read() {
    let checked = notice_fixture("issuer_under_number.md");
    let notice = &checked.plan.notice;
    assert_eq!(notice.issuer.as_deref(), Some("某市人民政府办公室"));
    assert_eq!(
        notice.title.as_deref(),
        Some("关于印发某市2026年度大气污染防治重点工作实施方案的通知")
    );
    assert_eq!(
        notice.recipients,
        ["各县(市)区人民政府", "市政府各直属单位"]
    );
    assert!(
        notice.body[0].text.starts_with("经市政府同意"),
        "{:?}",
        notice.body
    );
    assert!(unused_lines(&checked).contains(&3));
    assert_eq!(checked.plan.tasks.len(), 2);
    // The page's half-width commas print full-width in the notice, and that is said once.
    let input = common::root().join("tests/fixtures/notices/issuer_under_number.md");
    let printed = published_text(&input, "通知.md");
    assert!(
        printed.contains("经市政府同意，现将《某市2026年度大气污染防治重点工作实施方案》印发给你们，请认真贯彻执行。"),
        "{printed}"
    );
    assert!(printed.contains("各县（市）区人民政府"), "{printed}");
    assert_eq!(
        common::codes(&checked)
            .iter()
            .filter(|c| **c == "text/half-width")
            .count(),
        1
    );
}

/// A notice body whose title marks do not pair (the page lost the 《 before the plan's name)
/// is printed as written and said at its paragraph.
#[test]
fn a_notice_body_with_an_unpaired_title_mark_is_said() {
    let (_dir, path) = text_source(
        "东坪县重点工作责任分解.md",
        "东坪县人民政府办公室关于印发2026年政府工作报告重点工作责任分解的通知\n\n各乡镇人民政府，县政府各部门：\n\n2026年政府工作报告重点工作责任分解》已经县政府同意，现印发给你们，请认真抓好落实。\n\n东坪县人民政府办公室\n\n2026年3月2日\n\n2026年政府工作报告重点工作责任分解\n\n一、经济发展\n\n1.地区生产总值增长6%。（县发改局牵头，县统计局配合）\n",
    );
    let checked = fengong::check(&path).unwrap();
    let said: Vec<_> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "notice/title-marks")
        .collect();
    assert_eq!(said.len(), 1, "{:?}", common::codes(&checked));
    assert_eq!(said[0].location.line_no(), Some(5));
    assert!(
        said[0].message.contains("《 0 个，》 1 个"),
        "{}",
        said[0].message
    );
}

/// A plan whose only year is in its opening words (决定从2026年4 月9日起…) takes that year
/// for its deadlines, and says so.
#[test]
fn a_plan_dated_only_in_its_opening_words_takes_that_year() {
    let (_dir, path) = text_source(
        "某镇镇区管理攻坚行动方案.md",
        "某镇镇区管理攻坚行动方案\n\n根据县里的工作要求，决定从2026年4 月9日起，在全镇开展镇区管理攻坚行动。\n\n一、工作任务\n\n1.整治车辆乱停乱放，6月底前完成。（派出所牵头，综合执法队配合）\n",
    );
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.year, Some(2026));
    assert!(
        common::codes(&checked).contains(&"plan/year-from-preamble"),
        "{:?}",
        common::codes(&checked)
    );
}

/// A document signed at its end with no date under the agency's name (the source lost the
/// date): the name is its 署名, printed once, never a paragraph of the plan; the date is
/// said to be missing, the signer not.
#[test]
fn a_signer_without_a_date_at_the_end_is_the_signer() {
    let (_dir, path) = text_source(
        "东坪县关于促进经济平稳发展的意见.md",
        "东坪县人民政府关于促进经济平稳发展的意见\n\n各乡镇人民政府，县政府各部门：\n\n为促进全县经济平稳发展，提出如下意见。\n\n一、扩大有效投资\n\n1.加快重大项目建设，全年完成投资50亿元。（县发改局牵头，县财政局配合）\n\n2.推进老旧小区改造。（县住建局牵头）\n\n东坪县人民政府\n",
    );
    let checked = fengong::check(&path).unwrap();
    assert_eq!(
        checked.plan.notice.signer.as_deref(),
        Some("东坪县人民政府")
    );
    let codes = common::codes(&checked);
    assert!(codes.contains(&"notice/no-date"), "{codes:?}");
    assert!(!codes.contains(&"notice/no-signer"), "{codes:?}");
    let printed = published_text(&path, "通知.md");
    // Once as the 署名, never as a paragraph of its own (the 版头 names the issuer too).
    assert!(
        printed.contains("{custom-style=\"署名\"}\n东坪县人民政府\n"),
        "{printed}"
    );
    assert!(!printed.contains("\n\n东坪县人民政府\n\n"), "{printed}");
}

/// A numbered task with a labelled line of its content's kind under it (工作成果：,
/// 具体措施：) before who does it: the line is more of that task, under its label — never a
/// task of its own taking the numbered sentence's place.
#[test]
fn a_labelled_result_under_a_numbered_task_is_more_of_it() {
    let (_dir, path) = text_source(
        "东原市城市群建设重点任务清单.md",
        "东原市城市群建设2026年重点任务清单\n\n一、规划引领\n\n1.做好重大规划的有效衔接。\n\n工作成果：以规划引领区域协同发展。\n\n责任单位：市发展改革委、市自然资源局\n\n2.推进高铁达速改造。\n\n具体措施：完成前期工作\n\n责任单位：市交通运输局\n",
    );
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "做好重大规划的有效衔接。工作成果：以规划引领区域协同发展。",
            "推进高铁达速改造。具体措施：完成前期工作",
        ]
    );
    assert_eq!(leads(plan, 1), ["市发展改革委"]);
    assert_eq!(leads(plan, 2), ["市交通运输局"]);
}

/// A plan issued as itself prints as one document: its sections follow the body, before the
/// 署名 (not after it as an attachment with its title again), and what it attaches is the
/// 任务分工表, named in an 附件说明 (PDF, Word and Markdown share the template).
#[test]
fn a_plan_issued_as_itself_prints_its_text_before_the_signature() {
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices/direct_opinion.md");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    fengong::publish_with(&input, &target, &fengong::Options::default()).unwrap();
    let notice = std::fs::read_to_string(target.join("通知.md")).unwrap();
    let at = |needle: &str| {
        notice
            .find(needle)
            .unwrap_or_else(|| panic!("「{needle}」 not in 通知.md"))
    };
    assert!(at("# 一、稳定就业岗位") < at("custom-style=\"署名\""));
    assert!(at("开发基层就业岗位") < at("custom-style=\"署名\""));
    let note = at("custom-style=\"附件说明\"");
    assert!(note < at("custom-style=\"署名\""));
    let named = notice[note..].lines().nth(1).unwrap();
    assert!(
        named.starts_with("附件：") && named.ends_with("任务分工表"),
        "{named}"
    );
    // The document's title once, as the notice's: not again over an attachment.
    assert_eq!(
        notice
            .matches("某市人民政府关于进一步促进就业的实施意见\n:::")
            .count(),
        1,
        "{notice}"
    );
    let text = common::pdf_text(&target.join("通知.pdf"));
    let signer = text.rfind("某市人民政府").unwrap();
    assert!(text.find("开发基层就业岗位").unwrap() < signer, "{text}");
}

/// A city's plan carrying out a province's, copied from a web page: 序号 holds the
/// province's headings （一）…, the province's task stands beside the city's measures, each
/// measure numbered (1), (2) in its own cell with its units and deadline; the cells merged
/// down on the left are lost on the rows under them. Every measure is a task, numbered
/// through; the headings are its groups; the province's tasks a column kept whole, each row
/// with the one it carries out. Two units run together in a cell are read apart and said.
#[test]
fn measures_numbered_in_their_cells_under_headings_in_the_number_column() {
    let checked = columns_fixture("measures_under_tasks.md");
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "梳理市级“一件事”目录，6月底前向社会公布。",
            "在市、县两级政务服务中心设立“一件事”综合窗口。",
            "在不动产登记、社保医保等高频事项中推广电子证照调用。",
            "推行电子税务局“一键申报”，年内覆盖主要税种。",
            "制定市级“综合查一次”场景清单，每季度至少开展一次联合检查。",
        ]
    );
    assert_eq!(leads(plan, 2), ["市政务服务局"]);
    assert_eq!(supports(plan, 3), ["市自然资源局", "市人社局", "市医保局"]);
    assert_eq!(deadline(plan, 2).as_deref(), Some("2026-09-30"));
    assert_eq!(
        groups(plan),
        [
            ("推行“高效办成一件事”。".to_string(), vec![1, 2, 3]),
            ("优化纳税缴费服务。".to_string(), vec![4]),
            ("推进“综合查一次”。".to_string(), vec![5]),
        ]
    );
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["提升政务服务效能", "加强公正监管"]);
    assert_eq!(
        plan.table.extra_columns,
        ["全省《工作要点》部署任务", "备注"]
    );
    let upper: Vec<&str> = plan.tasks.iter().map(|t| t.extra[0].as_str()).collect();
    assert_eq!(
        upper,
        [
            "1.围绕企业和群众全生命周期，新增一批“一件事”集成办理事项。",
            "1.围绕企业和群众全生命周期，新增一批“一件事”集成办理事项。",
            "2.推动电子证照在更多场景互通互认。",
            "3.拓展非接触式办税缴费范围。",
            "4.整合同一企业的多项检查。",
        ]
    );
    assert_eq!(plan.task(4).unwrap().extra[1], "长期坚持");
    let lines = |code: &str| codes_at(&checked, code);
    // Two names a web copy ran together, read apart and said.
    assert_eq!(leads(plan, 5), ["市市场监管局", "市司法局"]);
    assert_eq!(lines("unit/run-together"), [18]);
    assert_eq!(lines("table/cells-moved-left"), [14, 15]);
    assert_eq!(lines("table/measures-under-headings"), [11]);
    assert_eq!(lines("table/renumbered"), [11]);
    assert!(lines("table/bad-number").is_empty());
}

/// A web page's information box (索引号, 发文日期 …) over a table: none of the plan, never
/// its title; said whole.
#[test]
fn a_web_pages_information_box_is_no_title() {
    let checked = notice_fixture("info_box.md");
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("东溪县2025年为民办实事项目任务分解表")
    );
    assert_eq!(checked.plan.tasks.len(), 2);
    // The box is said line by line, each at its own line, whole.
    assert_eq!(unused_lines(&checked), [1, 2, 3]);
    let said: String = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "source/unused")
        .map(|d| d.message.as_str())
        .collect();
    for label in ["索引号", "发布机构", "2025-03-18", "有效性"] {
        assert!(said.contains(label), "{label}: {said}");
    }
}

/// A web page's information box, one cell a line: the notice's 文号 is taken from it when the
/// notice's own text gives none; its `标题：` and `发布机构：` lines are no title and no 主送;
/// the plan keeps the name the table's title gives in full. The box is said line by line.
#[test]
fn the_notice_takes_what_it_lacks_from_the_pages_box_one_cell_a_line() {
    let checked = notice_fixture("info_box_lines.md");
    let notice = &checked.plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("柳政办〔2024〕9号"));
    assert_eq!(
        notice.title.as_deref(),
        Some("柳川县人民政府办公室关于印发柳川县2024年重点民生工程任务分工的通知")
    );
    assert_eq!(notice.recipients, ["各乡镇人民政府", "县直各单位"]);
    assert_eq!(notice.body.len(), 1);
    assert_eq!(notice.signer.as_deref(), Some("柳川县人民政府办公室"));
    assert_eq!(notice.date.as_deref(), Some("2024年4月8日"));
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("柳川县2024年重点民生工程任务分工")
    );
    assert_eq!(checked.plan.tasks.len(), 2);
    assert_eq!(unused_lines(&checked), (1..=11).collect::<Vec<u32>>());
}

/// The box as table rows, the notice copied without its own title, 文号 and date: each comes
/// from the box, the date printed as GB/T 9704 writes one.
#[test]
fn the_notice_takes_what_it_lacks_from_the_pages_box_in_rows() {
    let checked = notice_fixture("info_box_rows.md");
    let notice = &checked.plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("柳政办发〔2024〕12号"));
    assert_eq!(
        notice.title.as_deref(),
        Some("柳川县人民政府办公室关于印发城区老旧小区改造工作分工的通知")
    );
    assert_eq!(notice.date.as_deref(), Some("2024年5月20日"));
    assert_eq!(notice.recipients, ["各乡镇人民政府", "县直各单位"]);
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("城区老旧小区改造工作分工")
    );
    assert_eq!(checked.plan.tasks.len(), 2);
    assert_eq!(unused_lines(&checked), [1, 2, 3]);
}

/// A plan whose title, number and date name no year: the year its tasks name most dates
/// their 10月底前, and that is said; a task with a date only inside its text has no
/// deadline, and the finding does not claim the text names none.
#[test]
fn the_year_the_tasks_name_dates_their_deadlines_when_nothing_else_does() {
    let checked = notice_fixture("years_in_tasks.md");
    let plan = &checked.plan;
    assert_eq!(plan.year, Some(2024));
    assert_eq!(deadline(plan, 1).as_deref(), Some("2024-10-31"));
    assert_eq!(deadline(plan, 2), None);
    let said = |code: &str| {
        checked
            .report
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.message.clone())
            .unwrap_or_default()
    };
    assert!(said("plan/year-from-tasks").contains("2024 年"));
    let no_deadline = said("plan/no-deadline");
    assert!(no_deadline.contains("第 2 项"), "{no_deadline}");
    assert!(no_deadline.contains("没有单列完成时限"), "{no_deadline}");
}

/// A table pasted one cell per line with bars, its header naming a year and an amount with
/// its unit in brackets (年度投资 （万元）): the bare numbers under them (2025, 850, and a
/// 2 that follows row 1) are those cells' values, not rows; rows begin at numbers that
/// follow one another.
#[test]
fn bare_numbers_out_of_the_row_run_are_values_not_rows() {
    let checked = stacked_fixture("projects_and_amounts.md");
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(plan.table.extra_columns, ["年度投资（万元）"]);
    let amounts: Vec<&str> = plan.tasks.iter().map(|t| t.extra[0].as_str()).collect();
    assert_eq!(amounts, ["2", "850", "1200"]);
    let years: Vec<Option<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.deadline_text.as_deref())
        .collect();
    assert_eq!(years, [Some("2025"); 3]);
    assert_eq!(supports(plan, 2), ["城东街道"]);
    assert!(plan.task(1).unwrap().content.ends_with("新建加压泵站1座。"));
}

/// An indicator table pasted one cell per line with no 序号, its 分值 column holding small
/// numbers (4, 3, 3, 2): the first is no row number (no 2 follows it), so the rows are read
/// in order — four indicators, each named beside its target, not one task eating the table.
#[test]
fn a_score_column_is_not_taken_for_row_numbers() {
    let checked = stacked_fixture("scores.md");
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "县域生产总值增速：高于全市平均水平",
            "一般公共预算收入增长：完成市下达目标",
            "城镇新增就业人数：3200人以上",
            "农村生活污水治理率：达到85%",
        ]
    );
    assert_eq!(leads(plan, 4), ["县生态环境局"]);
    assert_eq!(plan.table.extra_columns, ["分值"]);
    let scores: Vec<&str> = plan.tasks.iter().map(|t| t.extra[0].as_str()).collect();
    assert_eq!(scores, ["4", "3", "3", "2"]);
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"table/unnamed-number-column"), "{codes:?}");
    assert!(!codes.contains(&"table/continued-row"), "{codes:?}");
}

/// Two content columns whose first holds whole sentences (实事项目) and the second how each
/// is done (工作举措及实施计划, steps numbered 1.5月底前 …): the sentence is the task, the
/// steps a column kept as written — never run into it as `。：1.5月`.
#[test]
fn items_in_sentences_keep_their_measures_in_a_column_of_their_own() {
    let plan = columns_fixture("items_and_measures.md").plan;
    assert_eq!(plan.task(1).unwrap().content, "新建城市公园3个。");
    assert_eq!(plan.table.extra_columns, ["工作举措及实施计划"]);
    assert_eq!(
        plan.task(2).unwrap().extra,
        ["1.3月底前确定点位。 2.9月底前投入使用。"]
    );
    assert_eq!(leads(&plan, 2), ["县卫健局"]);
    assert!(plan.groups().all(|g| g.title.is_empty()));
}

/// A department's notice that hands out its tasks itself, under a web page's 文章属性 box: a
/// title over two lines above its 文号, numbered tasks straight after the body, each with
/// 牵头科室（单位）： and 配合科室（单位）： lines. The body ends where the first task starts;
/// the labels read as lead and support; the plan is named from the notice; the 【字号】 line
/// of the page is no 文号.
#[test]
fn a_notice_that_hands_out_its_tasks_in_its_body() {
    let checked = notice_fixture("tasks_in_body.md");
    let plan = &checked.plan;
    let notice = &plan.notice;
    assert_eq!(notice.issuer.as_deref(), Some("北川市农业农村局"));
    assert_eq!(
        notice.title.as_deref(),
        Some("北川市农业农村局关于分解落实全市农业农村工作会议2025年重点任务的通知")
    );
    assert_eq!(notice.doc_number.as_deref(), Some("北农发〔2025〕9号"));
    assert_eq!(notice.body.len(), 2);
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 1), ["农田建设科", "市耕地质量保护站"]);
    assert_eq!(leads(plan, 2), ["产业发展科"]);
    assert_eq!(supports(plan, 2), ["计划财务科"]);
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("钱进"));
    assert_eq!(deadline(plan, 1).as_deref(), Some("2025-11-30"));
    assert_eq!(
        plan.title.as_deref(),
        Some("分解落实全市农业农村工作会议2025年重点任务")
    );
    assert!(unused_lines(&checked).contains(&2));
}

/// Tasks with 牵头单位： and 责任单位： lines: the 责任单位 are the supports, and the published
/// table heads their column 责任单位 as the plan does, not 配合单位.
#[test]
fn the_table_heads_unit_columns_with_the_plans_own_words() {
    let plan = numbering_fixture("lead_and_responsible.md");
    assert_eq!(supports(&plan, 1), ["东港经济开发区", "区统计局"]);
    assert_eq!(plan.table.lead_column.as_deref(), Some("牵头单位"));
    assert_eq!(plan.table.support_column.as_deref(), Some("责任单位"));
    let out = tempfile::tempdir().unwrap();
    fengong::publish(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/numbering/lead_and_responsible.md"),
        &out.path().join("output"),
    )
    .unwrap();
    let table = std::fs::read_to_string(out.path().join("output/任务分工表.md")).unwrap();
    assert!(
        table.contains("| 序号 | 具体内容 | 牵头单位 | 责任单位 |"),
        "{table}"
    );
}

/// A document copied without its title line (its 主送 first) whose title the config gives
/// as a document's own (关于…的若干意见): it is issued under that title with its text, not
/// inside a 关于印发《关于…的意见》的通知 it never had.
#[test]
fn a_document_named_by_the_config_as_itself_is_issued_as_itself() {
    let text = "各区县人民政府，市政府各部门：\n\
                为稳住经济基本盘，现提出以下意见：\n\
                一、抓好重大项目\n\
                加快重点项目前期工作，年内新开工项目30个（市发展改革委牵头，市自然资源局配合）。\n";
    let dir = common::project(&[
        ("opinion.md", text.as_bytes()),
        (
            "fengong.toml",
            "[plan]\ntitle = \"关于稳住经济基本盘的若干意见\"\n".as_bytes(),
        ),
    ]);
    let input = dir.path().join("input");
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.notice.title.as_deref(),
        Some("关于稳住经济基本盘的若干意见")
    );
    let target = dir.path().join("output");
    fengong::publish_with(&input, &target, &fengong::Options::default()).unwrap();
    let notice = std::fs::read_to_string(target.join("通知.md")).unwrap();
    assert!(!notice.contains("关于印发"), "{notice}");
    assert!(notice.contains("# 一、抓好重大项目"), "{notice}");
}

/// A notice copied from a web page: its title on the first line, the page's own lines
/// (来源, 发布日期, 点击数) between it and the 文号, and a 成文日期 that lost its 年月日 and
/// reads two ways (2024115: 1月15日 or 11月5日). The title is the notice's, the page's lines
/// are said, the 署名 is read above the date, and the date is said unreadable — never run
/// into the body.
#[test]
fn a_notice_title_over_the_pages_own_lines_and_a_date_that_lost_its_marks() {
    let checked = notice_fixture("title_over_page_lines.md");
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("青川县人民政府办公室关于做好2024年民生实事督办工作的通知")
    );
    assert_eq!(notice.doc_number.as_deref(), Some("青府办〔2024〕7号"));
    assert_eq!(notice.signer.as_deref(), Some("青川县人民政府办公室"));
    assert_eq!(notice.date, None);
    assert_eq!(notice.date_unreadable.as_deref(), Some("2024115"));
    assert_eq!(notice.body.len(), 1, "{:?}", notice.body);
    assert!(!notice.body[0].text.contains("2024115"));
    assert_eq!(unused_lines(&checked), [2, 3, 4]);
    let no_date = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "notice/no-date")
        .unwrap();
    assert!(
        no_date.message.contains("「2024115」"),
        "{}",
        no_date.message
    );
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// A plan copied from a web page with its breadcrumb (当前位置：首页 / >> …) and its
/// 时间/浏览次数 line around the title, the tasks followed by 责任单位 lines, one of them
/// `X、Y分别牵头`. The breadcrumb is said, never the title; the page's date gives the year
/// (said); both units of 分别牵头 lead, neither named with 分别.
#[test]
fn a_pages_breadcrumb_is_no_title_and_each_of_separately_leading_units_leads() {
    let checked = notice_fixture("breadcrumb.md");
    let plan = &checked.plan;
    assert_eq!(plan.title.as_deref(), Some("北塘区重点工作责任分解"));
    assert_eq!(unused_lines(&checked), [1, 2, 4]);
    assert_eq!(plan.year, Some(2024));
    let codes = common::codes(&checked);
    assert!(codes.contains(&"plan/year-from-page"), "{codes:?}");
    assert_eq!(leads(plan, 2), ["区人社局", "区农业农村局"]);
    assert!(plan.units.iter().all(|u| !u.name.contains("分别")));
}

/// A plan cut off in the middle of its last assignment (`(牵头单位:…;责任单位:区政`, the
/// bracket never closed): the leads are read, and the piece 区政 is said as no whole name —
/// never a unit with a sheet of its own.
#[test]
fn an_assignment_cut_off_mid_name_reads_its_leads_and_says_the_piece() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/numbering/cut_off.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(plan, 3), ["区行政审批局", "区发改局"]);
    assert_eq!(supports(plan, 2), ["区税务局", "区人社局"]);
    assert!(plan.units.iter().all(|u| u.name != "区政"));
    let fragment = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "unit/fragment")
        .unwrap();
    assert_eq!(fragment.location.line_no(), Some(7));
    assert!(
        fragment.message.contains("「区政」"),
        "{}",
        fragment.message
    );
}

/// A plan cut off inside a task's list of units before any 牵头 could follow it
/// (`(县林业局、县`): the whole name before the cut is the task's unit, the piece is said,
/// and the open bracket is no part of the task's text.
#[test]
fn a_list_of_units_cut_open_keeps_the_whole_names() {
    let (_dir, input) = text_source(
        "要点.md",
        "青禾县2026年森林防火工作要点\n\n一、压实防火责任\n\n\
         1.开展防火巡查。每月巡查重点林区一次。(县林业局牵头,各乡镇配合)\n\n\
         2.建设防火隔离带。年底前新建隔离带30公里。(县林业局、县\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 2), ["县林业局"]);
    assert_eq!(
        plan.task(2).unwrap().content,
        "建设防火隔离带。年底前新建隔离带30公里。"
    );
    let codes = common::codes(&checked);
    assert!(codes.contains(&"source/cut-off"), "{codes:?}");
    assert!(codes.contains(&"unit/fragment"), "{codes:?}");
    assert!(!codes.contains(&"structure/empty-units"), "{codes:?}");
    assert!(plan.units.iter().all(|u| u.name != "县"));
}

/// Several leads after one 牵头单位 label, set apart by commas as often as by 、: all lead,
/// none printed as 配合. A list cut inside a bracket (`县(市、区、特`) leaves a piece said
/// as such, never a unit with a sheet of its own.
#[test]
fn leads_after_one_label_all_lead_and_a_name_cut_in_its_bracket_is_a_piece() {
    for list in [
        "县政府办公室,县委编办,县行政审批局",
        "县政府办公室，县委编办，县行政审批局",
    ] {
        let (_dir, input) = text_source(
            "要点.md",
            &format!(
                "柳川县2026年政务公开工作要点\n\n一、推进权力配置公开\n\n\
                 (一)公开权责清单。全面梳理行政权力,实行清单管理。(牵头单位:{list};责任单位:县政府各部门)\n\n\
                 (二)公开机构职能。及时更新机构信息。(县委编办牵头,各乡镇配合)\n"
            ),
        );
        let checked = fengong::check(&input).unwrap();
        let plan = &checked.plan;
        assert_eq!(
            leads(plan, 1),
            ["县政府办公室", "县委编办", "县行政审批局"],
            "{list}"
        );
        assert_eq!(
            plan.task(1).unwrap().unspecified,
            ["县政府各部门"],
            "{list}"
        );
    }
    let (_dir, input) = text_source(
        "方案.md",
        "石湾区稳经济工作方案\n\n一、帮扶企业复工\n\n\
         1.成立服务专班。对重点企业逐户走访。(责任单位:区发改局,各镇(街道)、县(市、区、特\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["区发改局"]);
    assert!(
        plan.units.iter().all(|u| !u.name.contains("特")),
        "{:?}",
        plan.units.iter().map(|u| &u.name).collect::<Vec<_>>()
    );
    let codes = common::codes(&checked);
    assert!(codes.contains(&"unit/fragment"), "{codes:?}");
    assert!(codes.contains(&"source/cut-off"), "{codes:?}");
}

/// A plan copied from a reposting site: its 原标题 line is the site's, not the plan's
/// title; a title in traditional characters (…清單) is whole on its line; and a list's title
/// over 具体问题如下： is the title without that line.
#[test]
fn a_reposts_own_lines_and_a_traditional_title_are_read_for_what_they_are() {
    let body = "一、城建类\n1.改造城东道路2公里。\n责任单位:县住建局。\n\
        2.新建城西公园1座。\n责任单位:县园林局。\n";
    let text = format!("原标题:3件实事、投资1亿元——\n青禾县2024年民生实事清单\n{body}");
    let (_dir, input) = text_source("清单.txt", &text);
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("青禾县2024年民生实事清单")
    );
    assert!(common::codes(&checked).contains(&"source/unused"));
    let text =
        format!("青禾縣民生實事清單\n青禾縣今年民生實事清單\n民生實事事關千家萬戶。\n{body}");
    let (_dir, input) = text_source("清单.txt", &text);
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.title.as_deref(), Some("青禾縣民生實事清單"));
    let text = format!("督查发现问题清单\n具体问题如下:\n{body}");
    let (_dir, input) = text_source("清单.txt", &text);
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.title.as_deref(), Some("督查发现问题清单"));
    assert_eq!(checked.plan.tasks.len(), 2);
    let table = published_text(&input, "任务分工表.md");
    assert!(!table.contains("清单具体问题"), "{table}");
}

/// An item's title on a line of its own over its words (1.城东道路改造项目 / 改造城东道路2公里。)
/// is not run into them: a colon between, with or without a blank line, as a Word paragraph
/// too; a title with its own stop keeps it.
#[test]
fn an_items_title_over_its_words_is_set_apart_from_them() {
    let contents_of = |text: &str| {
        let (_dir, input) = text_source("清单.txt", text);
        let checked = fengong::check(&input).unwrap();
        let contents: Vec<String> = checked
            .plan
            .tasks
            .iter()
            .map(|t| t.content.clone())
            .collect();
        contents
    };
    let text = "青禾县2024年民生实事清单\n一、城建类\n1.城东道路改造项目\n改造城东道路2公里。\n\
        责任单位:县住建局。\n2.城西公园建设项目(票决项目)\n新建城西公园1座。\n责任单位:县园林局。\n";
    let expected = [
        "城东道路改造项目：改造城东道路2公里。",
        "城西公园建设项目(票决项目)：新建城西公园1座。",
    ];
    assert_eq!(contents_of(text), expected);
    assert_eq!(contents_of(&text.replace('\n', "\n\n")), expected);
    assert_eq!(
        contents_of(&text.replace("改造项目\n", "改造项目。\n"))[0],
        "城东道路改造项目。改造城东道路2公里。"
    );
    // A numbered line wrapped at the page's width still runs on.
    let text = "青禾县2024年重点工作方案\n一、重点任务\n1.全面推进城乡环境卫生整治提升行动持续改善群众\n\
        生活环境质量。\n责任单位:县住建局。\n";
    assert_eq!(
        contents_of(text),
        ["全面推进城乡环境卫生整治提升行动持续改善群众生活环境质量。"]
    );
}

/// Two bodies joined by 和/与/及, each named from its place (县交通局和县公路局), are two units;
/// a 和 inside a name or starting one (县住房和城乡建设局, 市公安局和平分局), joining a kind that
/// shares the place before it (各乡镇党委和人民政府) or 及其 (县教育局及其直属学校) joins nothing.
/// Names a label lists after a comma stay names though they end as no body does (县邮政配合,
/// 中国移动); words about the work do not (确保按期完成).
#[test]
fn names_joined_by_words_and_names_ending_unusually_are_read_for_what_they_are() {
    let text = "青禾县2025年重点工作方案\n\n一、重点任务\n\n\
        （一）修复国道路面。（牵头单位：县交通局和县公路局；配合单位：县财政局与县审计局）\n\n\
        （二）加强和平片区治安。（牵头单位：市公安局和平分局；配合单位：县住房和城乡建设局）\n\n\
        （三）开展校园安全整治。（县教育局及其直属学校负责）\n\n\
        （四）推进基层治理。（牵头单位：各乡镇党委和人民政府）\n\n\
        （五）推进快递进村。（县商务局牵头，县邮政配合）\n\n\
        （六）推进信息网络建设。（牵头单位：县工信局，中国移动，确保按期完成）\n";
    let (_dir, input) = text_source("方案.txt", text);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 6);
    assert_eq!(leads(plan, 1), ["县交通局", "县公路局"]);
    assert_eq!(supports(plan, 1), ["县财政局", "县审计局"]);
    assert_eq!(leads(plan, 2), ["市公安局和平分局"]);
    assert_eq!(supports(plan, 2), ["县住房和城乡建设局"]);
    assert_eq!(leads(plan, 3), ["县教育局及其直属学校"]);
    assert_eq!(everyone_named(plan, 4), ["各乡镇党委和人民政府"]);
    assert_eq!(supports(plan, 5), ["县邮政"]);
    assert_eq!(leads(plan, 6), ["县工信局", "中国移动"]);
    assert!(plan.units.iter().all(|u| !u.name.contains("确保")));
}

/// A title's own second line — its years in brackets, a draft's mark, a 暨 joining a second
/// name — is the title's, in the plan and the table; a Markdown title is its words alone.
#[test]
fn a_titles_own_second_line_is_the_titles_and_markup_is_none_of_it() {
    let body = "一、重点任务\n\n1.推进农房改造。（牵头单位：县住建局）\n\n2.推进乡村旅游。（牵头单位：县文旅局）\n";
    for (second, whole) in [
        (
            "（2025—2027年）",
            "青禾县乡村振兴三年行动方案（2025—2027年）",
        ),
        ("（征求意见稿）", "青禾县乡村振兴三年行动方案（征求意见稿）"),
        (
            "暨重点工作任务分解",
            "青禾县乡村振兴三年行动方案暨重点工作任务分解",
        ),
    ] {
        let text = format!("青禾县乡村振兴三年行动方案\n\n{second}\n\n{body}");
        let (_dir, input) = text_source("方案.txt", &text);
        let checked = fengong::check(&input).unwrap();
        assert_eq!(checked.plan.title.as_deref(), Some(whole), "{second}");
    }
    let text = format!("# 桐江区2026年城市更新工作安排\n\n{body}");
    let (_dir, input) = text_source("安排.md", &text);
    let table = published_text(&input, "任务分工表.md");
    assert!(!table.contains('#'), "{table}");
    assert!(table.contains("桐江区2026年城市更新工作安排"), "{table}");
}

/// Measures whose title sentence is followed by who does them (（一）校园内部安全整治。主要由
/// 县教育局牵头，…配合，…) are tasks read unit first; requirements after a title sentence
/// (（一）加强组织领导。各乡镇要高度重视…) are not, and their section's heading is printed
/// with them, not dropped.
#[test]
fn measures_after_a_title_sentence_are_tasks_and_requirements_keep_their_heading() {
    let text = "青禾县2025年校园安全整治方案\n一、整治内容\n\
        （一）校园内部安全整治。主要由县教育局牵头，县公安局、县消防大队配合，对全县学校开展排查。\n\
        （二）校园周边环境整治。由县市场监管局负责，县城管局配合，整治校园周边流动摊贩。\n\
        二、工作要求\n\
        （一）加强组织领导。各乡镇要高度重视，成立专班，确保整治取得实效。\n\
        （二）强化督导检查。县教育局要会同有关部门开展督查。\n";
    let (_dir, input) = text_source("方案.txt", text);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 1), ["县教育局"]);
    assert_eq!(supports(plan, 1), ["县公安局", "县消防大队"]);
    assert_eq!(leads(plan, 2), ["县市场监管局"]);
    let printed = published_text(&input, "方案.md");
    assert!(printed.contains("二、工作要求"), "{printed}");
    assert!(printed.contains("各乡镇要高度重视"), "{printed}");
}

/// A piece of a name the source stops inside, beside whole names (牵头单位:县水利局、县农业农),
/// is printed as what it is wherever the tables and sheets list it: never as a unit.
#[test]
fn a_piece_of_a_name_cut_by_the_source_prints_as_cut() {
    let text = "青禾县2024年重点工作方案\n\n一、重点任务\n\n\
        1.推进城区道路改造。(牵头单位:县住建局;责任单位:县交通局)\n\n\
        2.推进城乡供水一体化。(牵头单位:县水利局、县农业农\n";
    let (_dir, input) = text_source("方案.md", text);
    let table = published_text(&input, "任务分工表.md");
    let row = table
        .lines()
        .find(|l| l.contains("推进城乡供水一体化"))
        .unwrap();
    assert!(row.contains("县水利局、县农业农（原文截断）"), "{row}");
    let sheet = published_text(&input, "任务单/县水利局.md");
    assert!(sheet.contains("县农业农（原文截断）"), "{sheet}");
    // Cut in the supports.
    let text = text.replace("县水利局、县农业农", "县水利局;责任单位:县财");
    let (_dir, input) = text_source("方案.md", &text);
    let table = published_text(&input, "任务分工表.md");
    assert!(table.contains("| 县财（原文截断） |"), "{table}");
}

/// A short line with no stop over a longer paragraph (`壹、工作目标`, a numeral the reader
/// does not count) is a line of its own, with or without a blank line after it: never run
/// into the paragraph as if a page had run out there.
#[test]
fn a_short_line_over_a_longer_paragraph_is_not_run_into_it() {
    for gap in ["\n", "\n\n"] {
        let text = format!(
            "石湾区复工复产行动方案\n\n为推进复工复产,特制定本方案。\n\n壹、工作目标{gap}\
             有序推进复工复产复市,全力冲刺四季度。\n\n二、重点任务\n\n\
             1.成立帮扶工作组,协调解决重大问题。(责任单位:区发改局)\n"
        );
        let (_dir, input) = text_source("方案.txt", &text);
        let checked = fengong::check(&input).unwrap();
        let preamble: Vec<&str> = checked
            .plan
            .preamble
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            preamble,
            [
                "为推进复工复产,特制定本方案。",
                "壹、工作目标",
                "有序推进复工复产复市,全力冲刺四季度。"
            ],
            "{gap:?}"
        );
        assert_eq!(
            contents(&checked.plan),
            ["成立帮扶工作组,协调解决重大问题。"]
        );
    }
    // A sentence's short first line with no mark runs on into the line it was wrapped onto.
    let text = "石湾区环境卫生专项行动方案\n\n为推进环境整治,特制定本方案。\n\n\
        通过开展专项行动全面提升城乡\n环境卫生质量和群众满意度,着力解决突出问题。\n\n\
        二、重点任务\n\n1.整治城乡结合部环境。(责任单位:区城管局)\n";
    let (_dir, input) = text_source("方案.txt", text);
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.preamble[1].text,
        "通过开展专项行动全面提升城乡环境卫生质量和群众满意度,着力解决突出问题。"
    );
}

/// Projects written as numbered fields (（一）道路项目 / 1、任务 / its text / 2、领导小组 /
/// 组长：… / 副组长：… / 成员单位 or 成员：…): each project is one task — its name and
/// work as the content, its members as the units, its 组长 and 副组长 as the 责任领导 —
/// never the group's line-up as a task with the work lost. A numbered 1、 among the
/// requirements after them names no one at a level that carries no work: the plan's text,
/// not a task missing its units.
#[test]
fn projects_written_as_numbered_fields_are_one_task_each() {
    let text = "柳川县2026年项目攻坚工作意见\n\
        一、重点项目和责任分工\n\
        (一)城东道路项目\n1、任务\n完成征地拆迁，开工建设城东道路。\n\
        2、项目攻坚领导小组\n组长:副县长\n副组长:县长助理\n成员单位:县交通局、县财政局\n\
        (二)一中教学楼项目\n1、任务\n完成主体结构。\n\
        2、项目攻坚领导小组\n组长:副县长\n成员:县教育局、县住建局\n\
        二、工作要求\n\
        1、加强领导。各项目领导小组要靠前指挥，现场解决问题。\n\
        2、严格督查。县督查室每月通报一次进度。\n";
    let (_dir, input) = text_source("意见.txt", text);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "城东道路项目。任务：完成征地拆迁，开工建设城东道路。",
            "一中教学楼项目。任务：完成主体结构。"
        ]
    );
    assert_eq!(leads(plan, 1), ["县交通局"]);
    assert_eq!(supports(plan, 1), ["县财政局"]);
    assert_eq!(leads(plan, 2), ["县教育局"]);
    assert_eq!(supports(plan, 2), ["县住建局"]);
    assert_eq!(
        plan.task(1).unwrap().person.as_deref(),
        Some("副县长、县长助理")
    );
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"structure/empty-units"), "{codes:?}");
    // The requirements stay the plan's text, printed with it.
    let printed = common::published_text(&input, "方案.md");
    assert!(printed.contains("各项目领导小组要靠前指挥"), "{printed}");
}

/// A remark in a task's bracket handing every later task to some units (以下任务均需各乡镇
/// 政府落实,不再一一列出): a later numbered task naming no one of its own is theirs, as the
/// remark — and the note saying so — have it; never a task without units.
#[test]
fn a_standing_remark_gives_a_later_task_without_its_own_bracket_its_units() {
    // Three tasks, no empty units, and tasks 2 and 3 given `units` by the remark.
    let read_with_remark = |name: &str, text: &str, units: &str| {
        let (_dir, input) = text_source(name, text);
        let checked = fengong::check(&input).unwrap();
        let plan = &checked.plan;
        assert_eq!(plan.tasks.len(), 3, "{name}");
        let codes = common::codes(&checked);
        assert!(
            !codes.contains(&"structure/empty-units"),
            "{name}: {codes:?}"
        );
        for no in [2, 3] {
            let task = plan.task(no).unwrap();
            assert!(
                task.unspecified.iter().any(|u| u == units)
                    || task.units.iter().any(|u| u.name == units),
                "{name} {no}: {task:?}"
            );
        }
        checked
    };
    let text = "青禾县2026年数字政府建设工作要点\n\n一、提升政务服务\n\n\
        1.推进一网通办。年内事项网办率达到90%。(牵头单位:县行政审批局;责任单位:县直有关部门。以下任务均需各乡镇政府落实,不再一一列出)\n\n\
        2.建设数据共享平台。年底前上线运行。\n\n\
        3.推行掌上办事。(牵头单位:县大数据局)\n";
    let checked = read_with_remark("要点.md", text, "各乡镇政府");
    assert_eq!(leads(&checked.plan, 3), ["县大数据局"]);
    // The remark on a line of its own before the tasks gives them its units as well.
    let text = "青禾县秋冬季大气污染防治方案\n\n一、重点任务\n\n\
        以下任务均需各乡镇人民政府落实,不再一一列出。\n\n\
        （一）开展秸秆禁烧巡查。（责任单位：县生态环境分局）\n\n\
        （二）推进秸秆综合利用。\n\n（三）加强农村消防安全。\n\n二、工作要求\n\n各单位要加强配合。\n";
    read_with_remark("方案.txt", text, "各乡镇人民政府");
}

/// A remark after the tasks (以上任务均需各乡镇人民政府落实) gives them its units, those of its
/// own part of the plan only; a task after it is not covered, and the remark is no task's text.
#[test]
fn a_standing_remark_after_the_tasks_gives_those_above_it_its_units() {
    let text = "清河县秸秆综合治理方案\n\n一、重点任务\n\n\
        （一）开展秸秆禁烧巡查。（责任单位：县生态环境分局）\n\n\
        （二）推进秸秆综合利用。\n\n\
        以上任务均需各乡镇人民政府认真落实，不再一一列出。\n\n\
        二、保障措施\n\n\
        （三）加强农村消防安全。（责任单位：县消防救援大队）\n\n\
        （四）开展宣传引导。\n";
    let (_dir, input) = text_source("方案.txt", text);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    let has = |no: u32| {
        let task = plan.task(no).unwrap();
        task.unspecified.iter().any(|u| u == "各乡镇人民政府")
            || task.units.iter().any(|u| u.name == "各乡镇人民政府")
    };
    assert!(has(1) && has(2));
    assert!(!has(3) && !has(4));
    assert_eq!(leads(plan, 1), ["县生态环境分局"]);
    assert!(!plan.task(2).unwrap().content.contains("以上任务"));
    // Task 4 names no one and no remark covers it: still said.
    let empty: Vec<String> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "structure/empty-units")
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(empty.len(), 1, "{empty:?}");
    assert!(empty[0].contains("第 4 项"), "{empty:?}");
    // The remark is said, and printed with the plan's text.
    assert!(common::codes(&checked).contains(&"unit/remark"));
}

/// Words after the units in a parenthesis that say how the work is to be done (确保按期完成,
/// 全力做好保障) or how a unit takes its part (各乡镇要积极配合) are no unit names.
#[test]
fn words_about_the_work_beside_the_units_are_no_units() {
    let text = "青禾县农村人居环境整治提升工作方案\n\n一、重点任务\n\n\
        （一）推进厕所改造。完成户厕改造500户。（牵头单位：县农业农村局，确保按期完成）\n\n\
        （二）治理生活垃圾。建立收运体系。（牵头单位：县住建局，各乡镇要积极配合）\n\n\
        （三）治理生活污水。建设污水管网。（牵头单位：县生态环境局；配合单位：县水利局，全力做好保障）\n\n\
        （四）提升村容村貌。开展清洁行动。（县农业农村局牵头，县文旅局、各乡镇主动配合）\n";
    let (_dir, input) = text_source("方案.txt", text);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(everyone_named(plan, 1), ["县农业农村局"]);
    assert_eq!(everyone_named(plan, 2), ["县住建局", "各乡镇"]);
    assert_eq!(everyone_named(plan, 3), ["县生态环境局", "县水利局"]);
    assert_eq!(
        everyone_named(plan, 4),
        ["县农业农村局", "县文旅局", "各乡镇"]
    );
    assert_eq!(supports(plan, 4), ["县文旅局", "各乡镇"]);
    let remarks = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "unit/remark")
        .count();
    assert_eq!(remarks, 2);
}

/// A plan addressed straight to its recipients under its own title, no notice around it
/// (镇村项目攻坚月活动工作意见 / 各乡镇人民政府，…： / its text): the line over the 主送 is
/// the plan's title, whatever the file is called — not a line left out, and no missing title.
#[test]
fn a_title_over_the_recipients_names_the_plan_addressed_to_them() {
    let text = "柳川县项目攻坚月活动工作意见\n\
        各乡镇人民政府,县政府各有关工作部门:\n\
        为加快项目建设进度,县政府决定开展项目攻坚月活动。具体安排如下:\n\
        一、重点项目\n\
        (一)城东道路项目。完成拆迁和设计。(责任单位:县交通局、县财政局)\n\
        (二)一中教学楼项目。完成主体结构。(责任单位:县教育局)\n";
    let (_dir, input) = text_source("附件1.txt", text);
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("柳川县项目攻坚月活动工作意见")
    );
    let codes = common::codes(&checked);
    for wrong in ["source/unused", "plan/no-title", "plan/title-from-file"] {
        assert!(!codes.contains(&wrong), "{wrong}: {codes:?}");
    }
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// Work handed out unit first — a paragraph per unit (县住建局负责…, 县委农办要…), or measures
/// opening with who does them (（一）由县农业局负责，县环保局、县水利局配合，…): each such
/// paragraph is a task led by the units it opens with, its words whole, and said so. In a
/// plan that hands out its work the usual way, a sentence such as 县财政局负责资金保障 stays
/// the plan's text.
#[test]
fn work_handed_out_unit_first_is_read_paragraph_by_paragraph() {
    let per_unit = "为按时完成村庄环境整治任务，现将各单位的任务明确如下：\n\
        县住建局负责全县村庄环境整治总协调工作，指导督查农村生活污水处理设施建设。\n\
        县委农办要结合新农村建设任务，负责指导督查新社区建设。\n\
        县财政局负责村庄环境整治专项经费的落实，监督资金的使用情况。\n";
    let (_dir, input) = text_source("分工.txt", per_unit);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(
        contents(plan)[0],
        "县住建局负责全县村庄环境整治总协调工作，指导督查农村生活污水处理设施建设。"
    );
    assert_eq!(leads(plan, 2), ["县委农办"]);
    assert!(common::codes(&checked).contains(&"structure/unit-first"));

    let measures = "柳川县食品放心工程实施方案\n\n一、治理畜产品污染\n\n\
        （一）由县农业局负责，县环保局、县水利局配合，加快无公害畜禽基地建设。\n\n\
        （二）由县市场监管局负责，县公安局配合，严厉打击违法添加行为。\n";
    let (_dir, input) = text_source("方案.txt", measures);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 1), ["县农业局"]);
    assert_eq!(supports(plan, 1), ["县环保局", "县水利局"]);
    assert_eq!(supports(plan, 2), ["县公安局"]);
    assert_eq!(plan.sections[0].title, "治理畜产品污染");

    let usual = "柳川县2026年重点工作方案\n\n一、重点任务\n\n\
        1.新建城东道路。（县交通局牵头）\n\n2.新建一中教学楼。（县教育局牵头）\n\n\
        二、保障措施\n\n县财政局负责资金保障，确保项目按期推进。\n\n县督查室负责跟踪督办。\n";
    let (_dir, input) = text_source("方案.txt", usual);
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    assert!(!common::codes(&checked).contains(&"structure/unit-first"));
}

/// A plan's text whose 保障措施 open with who does them (县财政局负责资金保障…) beside a
/// 分工表 in a file of its own: the table hands out the work, the sentences stay the plan's.
#[test]
fn sentences_opening_with_a_unit_beside_a_table_file_are_no_tasks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("方案.txt"),
        "柳川县2026年重点工作方案\n\n一、保障措施\n\n\
         县财政局负责资金保障，确保项目按期推进。\n\n县督查室负责跟踪督办，每月通报。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("分工表.md"),
        "柳川县2026年重点工作任务分工表\n\n| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n\
         | 1 | 新建城东道路 | 县交通局 |\n| 2 | 新建一中教学楼 | 县教育局 |\n",
    )
    .unwrap();
    let checked = fengong::check(dir.path()).unwrap();
    assert_eq!(contents(&checked.plan), ["新建城东道路", "新建一中教学楼"]);
    assert!(!common::codes(&checked).contains(&"structure/unit-first"));
}

/// A web page's information box copied as table rows (`| 发文日期 | 2026-01-04 |`) over a
/// notice whose 署名 stands with no date under it, right above the plan's title: the box's
/// 发文日期 is the notice's date (said where the box's line is listed), the 署名 signs —
/// never a paragraph of the body printed over the 署名 again.
#[test]
fn a_boxed_issue_date_dates_a_notice_signed_without_one() {
    let (_dir, input) = text_source(
        "通知.md",
        "| 索 引 号 | 11520300/2026-00042 | 发文日期 | 2026-01-04 |\n\
         |---|---|---|---|\n\
         | 发布机构 | 石湾区人民政府办公室 | 文 号 | 石政办〔2026〕2号 |\n\n\
         石湾区人民政府办公室关于印发2026年河道保洁工作方案的通知\n\n\
         各镇人民政府，区直有关单位：\n\n\
         现将《2026年河道保洁工作方案》印发给你们，请认真贯彻执行。\n\n\
         石湾区人民政府办公室\n\n\
         2026年河道保洁工作方案\n\n\
         | 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n\
         | 1 | 清理河道漂浮物 | 区水务局 | 2026年6月底前 |\n\
         | 2 | 整治入河排污口 | 区生态环境分局、各镇人民政府 | 2026年9月底前 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.date.as_deref(), Some("2026年1月4日"));
    assert_eq!(notice.signer.as_deref(), Some("石湾区人民政府办公室"));
    assert_eq!(notice.body.len(), 1, "{:?}", notice.body);
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"notice/no-date"), "{codes:?}");
    assert!(!codes.contains(&"notice/no-signer"), "{codes:?}");
    let boxed = (checked.report.diagnostics.iter())
        .find(|d| d.code == "source/unused" && d.location.line_no() == Some(1))
        .unwrap();
    assert!(
        boxed.message.contains("成文日期「2026年1月4日」已读入通知"),
        "{}",
        boxed.message
    );
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// Spaces a web page's line breaks left inside words (`雨污管 网`, `隐患排 查`) are closed in
/// the model as every output prints them, and said with each place; a slogan's two halves
/// in quotation marks (“清水绿岸 美丽乡村”) keep theirs.
#[test]
fn spaces_inside_words_are_closed_and_said_a_slogans_kept() {
    let (_dir, input) = text_source(
        "清单.md",
        "2026年园区重点工作清单\n\n\
         | 序号 | 重点工作 | 责任单位 | 完成时限 |\n|---|---|---|---|\n\
         | 1 | 推进园区雨污管 网改造，完成标准厂房建 设。 | 建设办 | 2026年12月底前 |\n\
         | 2 | 开展“清水绿岸 美丽乡村”创建，全面开展隐患排 查。 | 安监办 | 2026年9月底前 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "推进园区雨污管网改造，完成标准厂房建设。",
            "开展“清水绿岸 美丽乡村”创建，全面开展隐患排查。"
        ]
    );
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "text/space-closed")
        .unwrap();
    for place in [
        "第 1 项「雨污管 网改造」→「雨污管网改造」",
        "第 2 项「隐患排 查。」",
    ] {
        assert!(said.message.contains(place), "{}", said.message);
    }
    assert!(!said.message.contains("美丽乡村"), "{}", said.message);
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("雨污管网改造"), "{table}");
    assert!(table.contains("“清水绿岸 美丽乡村”"), "{table}");
}

/// A notice whose requirements say what its role words cover (`各责任单位（包括牵头单位、责任
/// 单位，下同）`) over a plan whose tasks name their units: the definitions name no one, the
/// tasks are the plan's.
#[test]
fn a_role_word_defined_in_the_notice_is_no_task() {
    let (_dir, input) = text_source(
        "通知.md",
        "云岭市人民政府办公室关于印发2026年重点工作分工方案的通知\n\n\
         各县（市、区）人民政府，市政府各部门：\n\n\
         现将《2026年重点工作分工方案》印发给你们，并提出如下要求。\n\n\
         一、各责任单位（包括牵头单位、责任单位，下同）要细化措施。各牵头单位（无牵头单位的，第一个责任单位即为牵头单位）于2月底前报送计划。\n\n\
         云岭市人民政府办公室\n2026年1月20日\n\n\
         2026年重点工作分工方案\n\n一、扩大有效投资\n\n\
         1.推进重大项目建设。（市发展改革委牵头，市财政局配合）\n\n\
         2.盘活存量资产。（市国资委牵头）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2, "{:?}", common::contents(plan));
    assert_eq!(leads(plan, 1), ["市发展改革委"]);
    assert_eq!(leads(plan, 2), ["市国资委"]);
    assert!(
        plan.units.iter().all(|u| !u.name.contains("牵头单位")),
        "{:?}",
        plan.units
    );
}

/// Two 分工表 in one text, each under its attachment label and title (附件1 its targets with
/// a 责任单位 column, 附件2 its key tasks with 牵头/配合单位 and 完成时限): both are read, each a
/// section under its title, the second's tasks numbered on (said), its columns its own — the
/// second never glued onto the first's last task.
#[test]
fn a_second_table_below_the_first_is_read_as_its_own_part() {
    let checked = columns_fixture("two_tables.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5);
    assert_eq!(plan.task(2).unwrap().content, "一般公共预算收入增长4%");
    assert_eq!(leads(plan, 4), ["区教育局"]);
    assert_eq!(supports(plan, 4), ["区住房城乡建设局"]);
    assert_eq!(plan.task(1).unwrap().deadline_text, None);
    assert_eq!(
        plan.task(5).unwrap().deadline_text.as_deref(),
        Some("2026年11月底")
    );
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["2026年主要目标分解表", "2026年重点工作分解表"]);
    // The tables together are the plan's: named by it, not by the first of them.
    assert_eq!(
        plan.title.as_deref(),
        Some("北塘区2026年政府工作报告目标任务分解")
    );
    assert_eq!(plan.table.title, None);
    assert_eq!(unused_lines(&checked), [3, 12]);
    assert_eq!(codes_at(&checked, "table/another-table"), [16]);
}

/// A source that kept only a 印发 notice's headline (临江市关于印发…行动方案的通知) over the
/// plan itself: the plan is named by what the notice issues, and the line is said — the task
/// sheets never read 根据《…的通知》.
#[test]
fn a_bare_notice_headline_names_the_plan_it_issues() {
    let checked = notice_fixture("bare_notice_title.md");
    let plan = &checked.plan;
    assert_eq!(plan.title.as_deref(), Some("优化营商环境三年行动方案"));
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(codes_at(&checked, "plan/title-from-notice-title"), [1]);
    assert!(plan.notice.title.is_none());
}

/// A notice issued jointly by two offices (两办): both sign, one a line above the date, the
/// leading one first — neither printed as a body paragraph — the 版头 names both, one a
/// line, and the title keeps the space between them (never the two run together).
#[test]
fn a_notice_issued_jointly_is_signed_by_both_offices() {
    let checked = notice_fixture("joint_signers.md");
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.signer.as_deref(),
        Some("中共东湖区委办公室\n东湖区人民政府办公室")
    );
    assert_eq!(
        notice.issuer.as_deref(),
        Some("中共东湖区委办公室\n东湖区人民政府办公室")
    );
    assert!(
        (notice.title.as_deref().unwrap_or_default())
            .starts_with("中共东湖区委办公室　东湖区人民政府办公室关于印发《"),
        "{:?}",
        notice.title
    );
    assert_eq!(notice.date.as_deref(), Some("2026年3月12日"));
    assert_eq!(notice.body.len(), 1, "{:?}", notice.body);
    let input = common::root().join("tests/fixtures/notices/joint_signers.md");
    let text = common::published_text(&input, "通知.md");
    let signed: Vec<&str> = text
        .split("::: {custom-style=\"署名\"}\n")
        .skip(1)
        .filter_map(|part| part.lines().next())
        .collect();
    assert_eq!(signed, ["中共东湖区委办公室", "东湖区人民政府办公室"]);
    let marks: Vec<&str> = text
        .split("::: {custom-style=\"发文机关标志\"}\n")
        .skip(1)
        .filter_map(|part| part.lines().next())
        .collect();
    assert_eq!(marks, ["中共东湖区委办公室", "东湖区人民政府办公室"]);
}

/// A notice issued jointly that hands out its tasks itself and ends with both offices, one a
/// line, and no date: both sign — the first never printed as a line of the body.
#[test]
fn a_joint_notice_handing_out_tasks_is_signed_by_both_with_no_date() {
    let (_dir, input) = text_source(
        "通知.md",
        "中共柳川县委办公室 柳川县人民政府办公室关于做好2026年春耕生产工作的通知\n\n\
         各乡镇党委、政府，县直各单位：\n\n为做好今年春耕生产工作，现将有关事项通知如下。\n\n\
         一、重点任务\n\n1.抓好种子供应。确保良种供应充足。（县农业农村局牵头，县市场监管局配合）\n\n\
         2.做好农资保供。（县供销社牵头）\n\n二、工作要求\n\n\
         各单位要高度重视，确保各项任务落到实处。\n\n中共柳川县委办公室\n柳川县人民政府办公室\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.notice.signer.as_deref(),
        Some("中共柳川县委办公室\n柳川县人民政府办公室")
    );
    assert_eq!(checked.plan.tasks.len(), 2);
    let text = common::published_text(&input, "通知.md");
    let signed: Vec<&str> = text
        .split("::: {custom-style=\"署名\"}\n")
        .skip(1)
        .filter_map(|part| part.lines().next())
        .collect();
    assert_eq!(signed, ["中共柳川县委办公室", "柳川县人民政府办公室"]);
    assert_eq!(text.matches("中共柳川县委办公室\n").count(), 2, "{text}");
    // A sentence names them one after the other.
    let sheet = common::published_text(&input, "任务单/县供销社.md");
    assert!(
        sheet.contains("报送中共柳川县委办公室、柳川县人民政府办公室。"),
        "{sheet}"
    );
}

/// Two offices signing side by side on one line (中共某县委办公室　　某县人民政府办公室): each
/// signs on a line of its own, never one 署名 of both names.
#[test]
fn agencies_signing_side_by_side_sign_one_a_line() {
    let (_dir, input) = text_source(
        "side_by_side_signers.txt",
        "中共柳川县委办公室 柳川县人民政府办公室关于印发《柳川县2026年重点工作任务分工方案》的通知\n\n\
         各乡镇党委、政府，县直各单位：\n\
         《柳川县2026年重点工作任务分工方案》已经县委、县政府同意，现印发给你们，请认真抓好落实。\n\n\
         中共柳川县委办公室　　柳川县人民政府办公室\n2026年3月5日\n\n\
         柳川县2026年重点工作任务分工方案\n\n一、重点任务\n\
         1.扩大有效投资。（牵头单位：县发展改革局；配合单位：县财政局）\n\
         2.促进消费回升。（牵头单位：县商务局）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.signer.as_deref(),
        Some("中共柳川县委办公室\n柳川县人民政府办公室")
    );
    assert_eq!(
        notice.issuer.as_deref(),
        Some("中共柳川县委办公室\n柳川县人民政府办公室")
    );
    assert_eq!(notice.date.as_deref(), Some("2026年3月5日"));
    assert_eq!(notice.body.len(), 1, "{:?}", notice.body);
}

/// Items under a notice, each followed by its own 责任单位： line: the published notice
/// prints the line apart, as the source has it, never run into the item above it.
#[test]
fn a_units_line_under_an_item_prints_apart_from_it() {
    let input = common::root().join("tests/fixtures/notices/labelled_under_items.md");
    let text = common::published_text(&input, "通知.md");
    let lines: Vec<&str> = text.lines().collect();
    // Printed with full-width marks (the source's are half-width: text/half-width).
    assert!(lines.contains(&"（一）地区生产总值增长7%以上"), "{text}");
    assert!(lines.contains(&"责任单位：区发展和改革局"), "{text}");
}

/// Items numbered 1、2、 under （一） headings that stand on lines of their own, each with
/// its duty in brackets: the notice's attachment prints every item — the last group's too —
/// under its heading as numbered, then the closing words; the table's second column keeps
/// the plan's own word for it (责任单位, not 配合单位).
#[test]
fn the_attachment_prints_every_item_under_its_numbered_heading() {
    let checked = notice_fixture("items_under_headings.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(leads(plan, 2), ["区自然资源局", "区财政局"]);
    assert!(unused_lines(&checked).is_empty(), "{:?}", checked.report);
    // A name the registry lacks, in two tasks, is one finding naming both, at its first line.
    let unknown: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "unit/unknown" && d.message.contains("「区发改局」"))
        .collect();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(
        unknown[0].message.starts_with("第 1、2 项："),
        "{}",
        unknown[0].message
    );
    assert_eq!(unknown[0].location.line_no(), Some(14));
    let input = common::root().join("tests/fixtures/notices/items_under_headings.md");
    let text = common::published_text(&input, "通知.md");
    let attachment = &text[text.find("附件\n:::").expect("attachment")..];
    let lines: Vec<&str> = attachment.lines().collect();
    for expected in [
        "**（一）扩大有效投资**",
        "**（二）提振消费需求**",
        "各责任单位要细化措施、压实责任，每季度末向区政府办公室报送进展情况。",
    ] {
        assert!(lines.contains(&expected), "{expected}: {attachment}");
    }
    for task in &plan.tasks {
        let words: String = task.content.chars().take(12).collect();
        // As printed: the source's half-width marks full-width.
        let words = fengong::base::cjk::in_full_width(&words);
        assert!(
            attachment.contains(words.as_ref()),
            "task {}: {attachment}",
            task.no
        );
    }
    // The text hands out its tasks: the attachment prints it as written, not the same
    // tasks again as a table; the table is 任务分工表 of its own.
    assert!(!attachment.contains("| 主要事项"), "{attachment}");
    let table = common::published_text(&input, "任务分工表.md");
    let table = &table[table.find("| 主要事项").expect("a grouped table")..];
    assert!(
        table.starts_with("| 主要事项 | 序号 | 具体内容 | 牵头单位 | 责任单位 |"),
        "{table}"
    );
}

/// A bureau's work plan names offices, not units: （责任科室：…）, （牵头科室：…；配合科室：…）
/// close its tasks as （责任单位：…） would.
#[test]
fn a_bureaus_office_labels_assign_its_tasks() {
    let plan = numbering_fixture("office_labels.md");
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(&plan, 1), ["机关党委"]);
    assert_eq!(supports(&plan, 1), ["组织人事科"]);
    assert_eq!(leads(&plan, 2), ["组织人事科"]);
    assert_eq!(supports(&plan, 2), ["办公室"]);
    assert_eq!(leads(&plan, 3), ["发展规划科"]);
    assert_eq!(
        plan.tasks[2].deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-09-30")
    );
}

/// A text that stops inside a quote (a page copied in part) is said with its last line, so
/// the cut heading is not taken for a finished one; a whole text is not.
#[test]
fn a_text_cut_off_mid_sentence_is_said() {
    let path = common::root().join("tests/fixtures/numbering/cut_in_a_quote.md");
    let checked = fengong::check(&path).unwrap();
    let cut: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "source/cut-off")
        .collect();
    assert_eq!(cut.len(), 1);
    assert_eq!(cut[0].location.line_no(), Some(5));
    assert!(
        cut[0].message.contains("大力推行“首席服务"),
        "{}",
        cut[0].message
    );
    let whole = numbering_fixture("office_labels.md");
    assert_eq!(whole.tasks.len(), 3);
    let checked =
        fengong::check(&common::root().join("tests/fixtures/numbering/office_labels.md")).unwrap();
    assert!(!common::codes(&checked).contains(&"source/cut-off"));
    // Labelled lines that stop inside the next label's word (完成时) are cut as well.
    let checked =
        fengong::check(&common::root().join("tests/fixtures/numbering/cut_in_a_label.md")).unwrap();
    assert_eq!(codes_at(&checked, "source/cut-off"), [11]);
}

/// A table whose header names who and when but no content (整治行业 | 时间安排 | 责任单位),
/// with no 序号: the one column left of the units is the content (said), rows are numbered
/// in order, and the plan's words before and after the table are its text, not stray table
/// lines.
#[test]
fn the_one_column_left_is_the_content() {
    let checked = columns_fixture("no_content_header.md");
    let plan = &checked.plan;
    assert_eq!(contents(plan), ["燃气经营", "出租房屋", "水上交通"]);
    assert_eq!(leads(plan, 1), ["安监站"]);
    assert_eq!(supports(plan, 1), ["市场监管所"]);
    assert_eq!(deadline(plan, 3).as_deref(), Some("2026-07-31"));
    assert_eq!(codes_at(&checked, "table/content-column"), [6]);
    // The plan's words around its table are its own, kept to be printed where they stand.
    assert_eq!(
        texts(&plan.preamble),
        ["按照镇政府2026年安全生产工作的总体要求,结合本镇实际,制定本计划。"]
    );
    assert_eq!(
        texts(&plan.after_table),
        [
            "二、工作要求",
            "各责任单位要于每月25日前向镇安委会报送整治情况。"
        ]
    );
    assert_eq!(plan.after_table[0].origin.line_no(), Some(10));
    // No notice prints them: the plan is printed as itself (方案.*), title, words and table,
    // and the user hears so.
    let not_made = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "notice/not-made")
        .unwrap();
    assert!(
        not_made
            .message
            .contains("方案正文 3 段连同任务分工表另印为方案.md、方案.pdf 和方案.docx"),
        "{}",
        not_made.message
    );
    let path = common::root().join("tests/fixtures/columns/no_content_header.md");
    let printed = published_text(&path, "方案.md");
    let at = |s: &str| printed.find(s).unwrap_or_else(|| panic!("{s}: {printed}"));
    assert!(at("按照镇政府2026年安全生产工作的总体要求") < at("| 燃气经营 |"));
    assert!(at("| 水上交通 |") < at("各责任单位要于每月25日前向镇安委会报送整治情况。"));
    assert!(
        !printed.contains("附件") && !printed.contains("成文日期"),
        "{printed}"
    );
    assert!(codes_at(&checked, "table/after-table").is_empty());
    assert!(codes_at(&checked, "source/unused").is_empty());
    assert!(codes_at(&checked, "table/stray-line").is_empty());
}

fn texts(paragraphs: &[fengong::model::Paragraph]) -> Vec<&str> {
    paragraphs.iter().map(|p| p.text.as_str()).collect()
}

/// A list that writes its 市 once (市财政局、规划局) lends it to the bare name, said; a
/// bare name alone in its list (配合单位:规划局) and a task that writes it (市规划局): the two
/// spellings are said as likely one unit, at the bare one's first cell, with the tasks of
/// each — not left to become two task sheets without a word.
#[test]
fn names_that_differ_by_a_shared_prefix_are_said() {
    let path = common::root().join("tests/fixtures/numbering/shared_prefix.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert!(plan.task(1).unwrap().assignment("市规划局").is_some());
    let lent = codes_at(&checked, "unit/level-shared");
    assert_eq!(lent, [3]);
    let found: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "unit/maybe-same")
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].location.line_no(), Some(5));
    assert!(
        found[0]
            .message
            .contains("「规划局」（第 3 项）与「市规划局」（第 1、2 项）"),
        "{}",
        found[0].message
    );
    // The same characters in another order: the name fewer tasks use is the slip.
    assert_eq!(found[1].location.line_no(), Some(8));
    assert!(
        found[1]
            .message
            .contains("「市农村农业局」（第 6 项）与「市农业农村局」（第 4、5 项）用字相同"),
        "{}",
        found[1].message
    );
}

/// A table drawn with box lines, as old documents and legal databases give it: cells wrapped
/// over lines are put back together (units and dates cut mid-word too), section rows span
/// it, a cell merged down beside two tasks belongs to both, the table continued under a
/// repeated header is one table, and the plan's sentence under it is kept.
#[test]
fn a_table_drawn_with_box_lines_reads_as_a_grid() {
    let path = common::root().join("tests/fixtures/boxed/城南区2026年为民办实事项目分解表.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "新建改扩建公办幼儿园3所，新增学位900个。",
            "为65岁以上老年人免费开展健康体检，体检率达到70%以上。",
            "改造老旧小区12个，加装电梯20部。",
            "新增公共停车泊位1500个。",
            "建成口袋公园6个。",
        ]
    );
    assert_eq!(leads(plan, 1), ["区教育局"]);
    assert_eq!(supports(plan, 1), ["区住建局", "区财政局"]);
    assert_eq!(deadline(plan, 1).as_deref(), Some("2026-08-31"));
    assert_eq!(deadline(plan, 2).as_deref(), Some("2026-11-30"));
    // The 配合单位 and 完成时限 cells run down beside tasks 3 and 4.
    assert_eq!(leads(plan, 4), ["区城管局"]);
    assert_eq!(deadline(plan, 4).as_deref(), Some("2026-12-31"));
    assert_eq!(deadline(plan, 5).as_deref(), Some("2026-10-31"));
    let sections: Vec<&str> = plan
        .table
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(sections, ["教育医疗", "城市管理"]);
    assert_eq!(plan.table.repeated_headers, 1);
    // The sentence under the table is the plan's, printed after it.
    assert_eq!(
        texts(&plan.after_table),
        ["各牵头单位每季度末向区政府办报送项目进展。"]
    );
    assert_eq!(plan.after_table[0].origin.line_no(), Some(29));
    assert!(codes_at(&checked, "table/after-table").is_empty());
    assert!(!common::codes(&checked).contains(&"source/cut-off"));
    // The same text copied only to the middle of a row: its last line lacks its border.
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = &text[..text.find("泊位1500个").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("城南区2026年为民办实事项目分解表.md");
    std::fs::write(&short, cut).unwrap();
    let checked = fengong::check(&short).unwrap();
    assert_eq!(codes_at(&checked, "source/cut-off"), [20]);
}

/// A 政府工作 breakdown drawn with box lines: no 序号, themes over △ measures, a 分管领导 and
/// units merged down beside several rows, two measures in one cell. The themes head their
/// measures, each △ is a task with the units beside it, and nothing is lost.
#[test]
fn bulleted_measures_under_themes_are_the_tasks() {
    let path = common::root().join("tests/fixtures/boxed/某县2025年政府工作任务分解表.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "新建高标准农田2万亩,稳定粮食播种面积",
            "扶持茶叶、油茶等特色产业,培育龙头企业3家",
            "完成造林绿化1.5万亩,森林覆盖率稳定在68%以上",
        ]
    );
    assert_eq!(
        groups(plan),
        [
            ("做强特色农业,促进农民增收".to_string(), vec![1, 2]),
            ("抓好生态环境保护,守住绿水青山".to_string(), vec![3]),
        ]
    );
    // The units cell beside the second measure's wrapped line starts inside the cell of
    // both: its units join theirs, said, and none twice.
    let all = ["县农业农村局", "县乡村振兴局", "县林业局", "县市场监管局"];
    assert_eq!(leads(plan, 1), all);
    assert_eq!(leads(plan, 2), all);
    assert_eq!(codes_at(&checked, "table/merged-content"), [11]);
    assert_eq!(leads(plan, 3), ["县林业局"]);
    assert_eq!(plan.task(3).unwrap().person.as_deref(), Some("李红梅"));
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("王建国"));
    assert!(common::codes(&checked).contains(&"table/bulleted-items"));
    assert!(!common::codes(&checked).contains(&"unit/duplicate"));
}

/// A web table pasted with `|` between cells, some cells holding a line break: the line
/// lacking its closing `|` goes on in the next one — a second unit on a line of its own,
/// a sentence wrapped — and the row is one task, not a task and a stray half.
#[test]
fn a_row_broken_inside_a_cell_is_one_row() {
    let checked = columns_fixture("web_broken_cell.md");
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "整治背街小巷环境卫生,清理乱堆乱放。",
            "规范农贸市场经营秩序,划行归市,做到干净整洁。",
            "开展文明交通劝导活动。",
        ]
    );
    assert_eq!(supports(plan, 1), ["各区政府", "市住建局"]);
    assert_eq!(deadline(plan, 1).as_deref(), Some("2026-06-30"));
    assert_eq!(leads(plan, 2), ["市市场监管局"]);
    assert_eq!(deadline(plan, 2).as_deref(), Some("2026-09-30"));
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"table/stray-line"), "{codes:?}");
    assert!(!codes.contains(&"structure/empty-units"), "{codes:?}");
}

/// A plan whose table stands inside its text (a preamble, 一、检查安排 over the table, then
/// 二、工作要求 and 三、督查考核 under it), as a 镇's 工作计划 is written: the words before the
/// table are the plan's preamble, the words under it are printed under the table in the
/// notice's attachment, their headings set as headings — and the page's own line after them
/// is said, never printed.
#[test]
fn the_plans_text_under_its_table_is_printed_under_it() {
    let checked = notice_fixture("table_inside_plan.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(
        texts(&plan.preamble),
        [
            "为落实镇党委、镇政府关于消防安全工作的部署，按照“一季度一重点”的思路，结合全镇实际，制定本计划。"
        ]
    );
    assert_eq!(
        texts(&plan.after_table),
        [
            "二、工作要求",
            "（一）各责任单位要在检查开始前制定检查方案，明确检查内容和人员。",
            "（二）发现的隐患要建立台账，限期整改，整改情况每月25日前报镇应急办。",
            "三、督查考核",
            "镇应急办对各单位检查情况进行督查，结果纳入年度综合考核。",
        ]
    );
    assert!(codes_at(&checked, "source/unused").is_empty());
    let last_line = 37;
    assert_eq!(codes_at(&checked, "table/after-table"), [last_line]);

    let input = common::root().join("tests/fixtures/notices/table_inside_plan.md");
    let text = common::published_text(&input, "通知.md");
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in:\n{text}"))
    };
    assert!(at("为落实镇党委") < at("| 1 | 沿街商铺"));
    assert!(at("| 4 | 农贸市场") < at("# 二、工作要求"));
    assert!(at("# 二、工作要求") < at("（一）各责任单位要在检查开始前"));
    assert!(at("（二）发现的隐患") < at("# 三、督查考核"));
    assert!(at("# 三、督查考核") < at("镇应急办对各单位检查情况"));
    assert!(!text.contains("打印本页"), "{text}");
    // The table's own band is not printed a second time as a bare heading above it.
    assert_eq!(text.matches("一、专项检查安排").count(), 1, "{text}");
}

/// A notice that hands out its measures in its own body (一、…。（X负责）, the 一、 level the
/// finest that carries work), signed under them, copied from a web page with its information
/// box one cell a line: the head is the notice's, not the box's 发文字号; each measure is a
/// task with its text (no empty content); the words after the last measure are the notice's,
/// printed before its 署名; the sign-off at the end is read; a 会同 list leads with the first.
#[test]
fn a_notice_that_hands_out_measures_is_signed_under_them() {
    let checked = notice_fixture("measures_in_body.md");
    let plan = &checked.plan;
    let notice = &plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("东湖区人民政府办公室关于对工作成效明显的街镇加大激励支持力度的通知")
    );
    assert_eq!(notice.doc_number.as_deref(), Some("东政办发〔2026〕9号"));
    assert_eq!(notice.signer.as_deref(), Some("东湖区人民政府办公室"));
    // The 署名's date, not the page's 成文日期 or 发布日期.
    assert_eq!(notice.date.as_deref(), Some("2026年1月20日"));
    assert_eq!(notice.annotation.as_deref(), Some("（此件公开发布）"));
    assert_eq!(notice.body.len(), 3, "{:?}", notice.body);
    assert!(notice.body[2].text.starts_with("各有关部门制定的激励办法"));
    assert_eq!(
        contents(plan),
        [
            "对营商环境优化成效显著、市场主体满意度高的街镇，在年度专项资金分配中予以倾斜。",
            "对老旧小区改造进度快、居民评价好的街镇，优先安排下一年度改造计划。",
            "对垃圾分类工作成效明显的街镇，在环卫设施建设资金上给予支持。",
            "对就业创业工作力度大的街镇，优先推荐申报市级创业示范项目。",
        ]
    );
    assert_eq!(leads(plan, 3), ["区城管局"]);
    assert_eq!(supports(plan, 3), ["区财政局"]);
    assert_eq!(leads(plan, 4), ["区人力资源社会保障局"]);
    assert_eq!(plan.task(4).unwrap().unspecified, ["有关部门"]);
    let codes = common::codes(&checked);
    for wrong in [
        "structure/empty-content",
        "unit/no-real-unit",
        "notice/no-signer",
        "notice/no-title",
        "plan/no-title",
    ] {
        assert!(!codes.contains(&wrong), "{wrong}: {codes:?}");
    }
    // The box's cells and the page's last line are said, each at its line.
    assert_eq!(
        unused_lines(&checked),
        [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 48]
    );

    let input = common::root().join("tests/fixtures/notices/measures_in_body.md");
    let text = common::published_text(&input, "通知.md");
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in:\n{text}"))
    };
    assert!(at("现就对有关工作成效明显的街镇") < at("是改进督查工作的重要举措"));
    assert!(at("于2026年3月31日前报送") < at("附件："));
    assert!(at("附件：") < at("custom-style=\"署名\""));
    assert!(at("custom-style=\"成文日期\"}\n2026年1月20日") > 0);
    assert!(!text.contains("扫一扫"), "{text}");
}

/// An 意见 that numbers its groups afresh under each part (（一）（二） of its aims under
/// 一、, （一）（二） of its tasks under 二、): no repeated number is said, and the table labels
/// the groups as the document numbers them; a 会同 list and a phrase naming nobody listed
/// first leave the lead with the first body; a part with no task is not printed in the table
/// (neither its words nor an empty band) when the notice prints it.
#[test]
fn groups_numbered_afresh_under_each_part_keep_their_numbers() {
    let checked =
        fengong::check(&common::root().join("tests/fixtures/numbering/parts_number_afresh.md"))
            .unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert!(codes_at(&checked, "group/number-repeated").is_empty());
    assert_eq!(leads(plan, 3), ["区交通运输局"]);
    assert_eq!(supports(plan, 3), ["区商务局"]);
    assert_eq!(leads(plan, 4), ["区邮政分公司"]);
    assert_eq!(plan.task(4).unwrap().unspecified, ["各有关部门和单位"]);
    assert!(codes_at(&checked, "structure/no-lead").is_empty());
    let input = common::root().join("tests/fixtures/numbering/parts_number_afresh.md");
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("| （一）完善农村商业网点 | 1 |"), "{table}");
    assert!(table.contains("| （二）畅通农村物流配送 | 3 |"), "{table}");
    // A part with no task says its words in the notice, which prints the 意见's text; the
    // table is the work's.
    let notice = common::published_text(&input, "通知.md");
    assert!(notice.contains("有效期至2028年12月31日"), "{notice}");
    assert!(!table.contains("有效期至2028年12月31日"), "{table}");
    // Nor does it print the part's heading as an empty band.
    assert!(notice.contains("四、实施期限"), "{notice}");
    assert!(!table.contains("四、实施期限"), "{table}");
}

/// The published table keeps the source's column order: 临江's 责任领导 stands between the
/// content and the units, and stays there in the Markdown, the workbook, the Word file and
/// the PDF.
/// A 主要任务 column whose cells are whole sentences beside a 全年目标任务 column: the
/// sentences are the tasks, and the published table heads each column with its own name in
/// the source's order (not 全年目标任务 twice).
#[test]
fn sentences_read_as_the_tasks_keep_their_columns_name_and_place() {
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columns");
    let dir = common::project(&[(
        "tasks_as_sentences.md",
        &std::fs::read(input.join("tasks_as_sentences.md")).unwrap(),
    )]);
    let out = common::fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let table = std::fs::read_to_string(dir.path().join("output/任务分工表.md")).unwrap();
    assert!(
        table.contains(
            "| 序号 | 主要任务 | 全年目标任务 | 分管领导 | 牵头单位 | 责任主体与协同单位 | 1-10月推进情况 |"
        ),
        "{table}"
    );
    assert!(
        table.contains("| 1 | 改造提升老旧小区12个。 | 完成12个小区改造 | 陈县长 | 县住建局 |"),
        "{table}"
    );
}

#[test]
fn the_published_table_keeps_the_sources_column_order() {
    use calamine::{Reader, open_workbook_auto};
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columns");
    let dir = common::project(&[(
        "main_other.md",
        &std::fs::read(input.join("main_other.md")).unwrap(),
    )]);
    let out = common::fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let output = dir.path().join("output");
    let source_order = [
        "工作任务",
        "责任领导",
        "主要责任单位",
        "其他责任单位",
        "完成时限",
    ];
    let table = std::fs::read_to_string(output.join("任务分工表.md")).unwrap();
    assert!(
        table.contains("| 序号 | 工作任务 | 责任领导 | 主要责任单位 | 其他责任单位 | 完成时限 |"),
        "{table}"
    );
    assert!(
        table.contains(
            "| 1 | 全县生产总值增长6%左右。 | 周副县长 | 县发改局 | 县统计局、各乡镇 | 2025年底 |"
        ),
        "{table}"
    );
    let mut book = open_workbook_auto(output.join("任务分工表.xlsx")).unwrap();
    let range = book.worksheet_range("任务分工表").unwrap();
    let row = |r: u32| -> Vec<String> {
        (0..6)
            .map(|c| {
                range
                    .get_value((r, c))
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(row(1)[1..], source_order.map(String::from));
    assert_eq!(
        row(2),
        [
            "1",
            "全县生产总值增长6%左右。",
            "周副县长",
            "县发改局",
            "县统计局、各乡镇",
            "2025年底"
        ]
    );
    // Word and PDF: the headers come in the source's order along the page.
    let docx = std::fs::read(output.join("任务分工表.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut docx = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut docx)
        .unwrap();
    let pdf = common::pdf_text(&output.join("任务分工表.pdf"));
    for (name, text) in [("docx", &docx), ("pdf", &pdf)] {
        let at: Vec<usize> = source_order
            .iter()
            .map(|h| text.find(h).unwrap_or_else(|| panic!("{name}: no {h}")))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{name}: {at:?}");
    }
}

/// A plan whose text hands out its main tasks itself (（一）…（X、Y负责）) and then lists its
/// projects in a table: both are read, the text's first, so no task and no unit's sheet is
/// lost; a category written without a number prints as written, with no （一） before it.
#[test]
fn tasks_the_text_hands_out_are_read_beside_the_table() {
    let input = common::root().join("tests/fixtures/beside/tasks_and_projects.md");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "完成老旧小区改造12个。",
            "改造雨污管网15公里。",
            "整治背街小巷20条。",
            "滨江步道建设工程",
            "城北停车场建设工程",
            "城南污水泵站扩建工程",
        ]
    );
    assert_eq!(leads(plan, 2), ["县水务局"]);
    assert_eq!(supports(plan, 2), ["县住房城乡建设局"]);
    assert_eq!(leads(plan, 4), ["县城市管理局"]);
    assert_eq!(supports(plan, 4), ["县水务局"]);
    assert!(codes_at(&checked, "table/tasks-beside-table").len() == 1);
    assert!(codes_at(&checked, "source/unused").is_empty());
    let sections: Vec<(&str, usize)> = plan
        .sections
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                s.groups.iter().map(|g| g.tasks.len()).sum(),
            )
        })
        .collect();
    assert_eq!(sections[..2], [("主要任务", 3), ("重点项目清单", 3)]);
    let table = common::published_text(&input, "任务分工表.md");
    assert!(
        table.contains("| 4 | 滨江步道建设工程 | 公共空间 |"),
        "{table}"
    );
    assert!(!table.contains("）公共空间"), "{table}");
    // The last part, with no task, prints no empty band in the table.
    assert!(!table.contains("三、工作要求"), "{table}");
}

/// A text handing out its tasks over a short table of projects, one task sharing words with
/// a project (建设乡镇区域养老服务中心 / 乡镇区域养老服务中心): the text's tasks are still
/// read — never set aside for the table's two rows — and the likeness is said.
#[test]
fn one_task_like_a_project_does_not_set_the_texts_tasks_aside() {
    let input = common::root().join("tests/fixtures/beside/tasks_and_a_project_alike.md");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 6, "{:?}", contents(plan));
    assert_eq!(leads(plan, 3), ["县人力资源社会保障局"]);
    assert_eq!(contents(plan)[5], "乡镇区域养老服务中心");
    let said: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "table/tasks-beside-table")
        .collect();
    assert_eq!(said.len(), 1);
    assert!(
        said[0]
            .message
            .contains("第 1 项「建设乡镇区域养老服务中心"),
        "{}",
        said[0].message
    );
}

/// A plan text that writes out the table's own tasks (with who does them, its own words
/// around the row's) is the table's description: its items are not read a second time.
#[test]
fn a_text_repeating_the_tables_tasks_adds_none() {
    let source = "# 青川县2026年县城更新工作方案\n\n一、主要任务\n\n\
        1.推进老旧小区改造，完成老旧小区改造12个（县住房城乡建设局负责）。\n\n\
        二、任务分工\n\n\
        序号\t工作任务\t责任单位\t完成时限\n\
        1\t完成老旧小区改造12个。\t县住房城乡建设局\t2026年10月底前\n\
        2\t整治背街小巷20条。\t县城市管理局\t2026年11月底前\n";
    let dir = common::project(&[("plan.md", source.as_bytes())]);
    let checked = fengong::check(&dir.path().join("input")).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    assert!(codes_at(&checked, "table/tasks-beside-table").is_empty());
}

/// A plan that says itself that the first listed unit leads: the note on the first taking
/// the lead quotes its words instead of offering `lead = "all"`; a plan that does not say
/// keeps the offer.
#[test]
fn the_note_on_who_leads_quotes_the_plans_own_rule() {
    let table = "序号\t工作任务\t责任单位\t完成时限\n\
        1\t建设口袋公园10个。\t区绿化市容局、区建设管理委\t2025年12月\n\
        2\t开展全民健身活动。\t区体育局、区教育局\t全年\n";
    let note = |source: String| {
        let dir = common::project(&[("plan.md", source.as_bytes())]);
        let checked = fengong::check(&dir.path().join("input")).unwrap();
        let found = checked
            .report
            .diagnostics
            .iter()
            .find(|d| d.code == "unit/lead-first")
            .cloned()
            .expect("a lead-first note");
        (found.message, found.hints)
    };
    let stated =
        format!("# 东湖区2025年重点工作任务分工\n\n注：责任单位排在首位的为牵头单位。\n\n{table}");
    let (message, hints) = note(stated);
    assert!(
        message.starts_with("原文写明「责任单位排在首位的为牵头单位」："),
        "{message}"
    );
    assert!(hints.is_empty(), "{hints:?}");
    let (message, hints) = note(format!("# 东湖区2025年重点工作任务分工\n\n{table}"));
    assert!(
        message.starts_with("责任单位没有分出牵头和配合"),
        "{message}"
    );
    assert!(
        hints.iter().any(|h| h.contains("lead = \"all\"")),
        "{hints:?}"
    );
}

/// A notice attaching the plan (附件1, handing out tasks in its text) and a project list
/// (附件2, a table): the issued notice labels them 附件1 and 附件2 as its 附件说明 lists
/// them, and 附件2 prints the list under its own title with its own rows, numbered as the
/// source numbers them — not the tasks of 附件1, which its text already prints.
#[test]
fn a_plan_and_a_table_listed_apart_print_as_two_attachments() {
    let input = common::root().join("tests/fixtures/notices/two_attachments.md");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(&input, &out, &fengong::Options::default()).unwrap();
    let md = std::fs::read_to_string(out.join("通知.md")).unwrap();
    let first = md.find("\n附件1\n").expect("附件1 label");
    let second = md.find("\n附件2\n").expect("附件2 label");
    let plan_title = md.rfind("柳塘县2026年农村人居环境整治工作方案\n").unwrap();
    let list_title = md.rfind("柳塘县2026年农村人居环境整治项目清单\n").unwrap();
    assert!(
        first < plan_title && plan_title < second && second < list_title,
        "{md}"
    );
    let list = &md[list_title..];
    assert!(list.contains("| 1 | 沿河村污水管网工程"), "{list}");
    assert!(list.contains("| 3 | 田坝村公厕改造"), "{list}");
    assert!(
        !list.contains("厕所改造") && !list.contains("| 4 |"),
        "{list}"
    );
    // The printed documents carry the labels the template wrote.
    for (name, text) in [
        ("通知.pdf", common::pdf_text(&out.join("通知.pdf"))),
        ("通知.docx", common::docx_text(&out.join("通知.docx"))),
    ] {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            compact.contains("附件1柳塘县2026年农村人居环境整治工作方案"),
            "{name}: {compact}"
        );
        assert!(
            compact.contains("附件2柳塘县2026年农村人居环境整治项目清单"),
            "{name}: {compact}"
        );
    }
    // The 任务分工表 still holds every task, the text's first.
    let table = std::fs::read_to_string(out.join("任务分工表.md")).unwrap();
    assert!(
        table.contains("新改建户厕1200户") && table.contains("田坝村公厕改造"),
        "{table}"
    );
}

/// Four levels typed out (一、/（一）/1./（1）), the 1. items heading the （1） tasks under
/// them and one 2. item carrying work itself: four tasks, and the notice prints each
/// heading once, where the source has it — no bold copy of a 1. heading after its items.
#[test]
fn headings_over_their_items_print_once_in_the_notice() {
    let input = common::root().join("tests/fixtures/numbering/four_levels_headings.md");
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "推广绿色种植技术：推广测土配方施肥120万亩。",
            "推广绿色种植技术：推广有机肥替代化肥5万亩。",
            "推进秸秆综合利用。秸秆综合利用率稳定在95%以上。",
            "加强农田水利建设：新建和改造灌排渠道60公里。",
        ]
    );
    // The 1. headings are finer than the （一） groups: the tasks stay in those.
    assert_eq!(
        common::groups(&plan),
        [
            ("推进耕地保护".to_string(), vec![1, 2, 3]),
            ("完善农田设施".to_string(), vec![4]),
            ("加强组织领导".to_string(), vec![]),
        ]
    );
    let md = published_text(&input, "通知.md");
    let notice = &md[..md.find("任务分工表\n").unwrap_or(md.len())];
    for heading in ["推广绿色种植技术", "加强农田水利建设"] {
        assert_eq!(notice.matches(heading).count(), 1, "{heading}:\n{notice}");
    }
    assert!(!notice.contains("**推广绿色种植技术**"), "{notice}");
}

/// A table set as text with single spaces between its cells (a scan read back to text),
/// every row with as many words as the header has columns: its rows are tasks, after the
/// ones the plan's text hands out itself.
#[test]
fn a_table_set_with_single_spaces_is_read_row_by_row() {
    let input = common::root().join("tests/fixtures/unread/table_set_as_text.txt");
    let checked = fengong::check(&input).unwrap();
    let tasks = tasks_read(&checked.plan);
    use fengong::model::Role::{Lead, Support};
    assert_eq!(tasks.len(), 4, "{tasks:#?}");
    assert_eq!(
        tasks[2],
        (
            "整治城区背街小巷20条",
            vec![("县住建局", Lead), ("县城管局", Support)],
            Some("2026-09-30".to_string())
        )
    );
    assert_eq!(
        tasks[3],
        (
            "新建公厕15座",
            vec![("县城管局", Lead)],
            Some("2026-10-31".to_string())
        )
    );
    assert!(
        !checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "text/assignment-not-read"),
        "{:#?}",
        checked.report.diagnostics
    );
}

/// A table set as text with single spaces between its cells whose cells hold spaces too:
/// which words make which cell cannot be told, so its rows are not read as tasks — and
/// the plan's text that holds them is said as handing out work that was not read, never
/// passed over as a paragraph like any other.
#[test]
fn work_handed_out_in_text_that_is_not_read_as_tasks_is_said() {
    let input = common::root().join("tests/fixtures/unread/table_with_spaces_in_its_cells.txt");
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    let said: Vec<&fengong::Diagnostic> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "text/assignment-not-read")
        .collect();
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].message.contains("新建 规模化供水工程 3处"),
        "{}",
        said[0].message
    );
    assert!(
        said[0].message.contains("建立供水工程 运行管护台账"),
        "{}",
        said[0].message
    );
    assert_eq!(said[0].location.line_no(), Some(14));
}

/// Parts (第一部分…第三部分) that number their sections afresh (一、 under each): every
/// section keeps its own heading and words, in the source's order — the second 一、 is not
/// the first one's, so no words move to another part and no heading is lost.
#[test]
fn sections_numbered_afresh_under_each_part_keep_their_own_words() {
    let input = common::root().join("tests/fixtures/numbering/parts_number_sections_afresh.md");
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 3);
    let md = published_text(&input, "通知.md");
    let order = [
        "第一部分",
        "一、工作目标",
        "护理型床位占比达到60%",
        "第二部分",
        "一、完善居家养老服务",
        "新建社区养老服务站12个",
        "二、提升机构养老能力",
        "改造提升乡镇敬老院5所",
        "第三部分",
        "一、加强组织领导",
        "联席会议制度",
        "二、强化资金保障",
        "统筹安排养老服务体系建设资金",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|w| md.find(w).unwrap_or_else(|| panic!("no {w}:\n{md}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}\n{md}");
    assert!(md.contains("# 第二部分"), "{md}");
}

/// A notice read back from a scan: page numbers and the 文号 repeated at the top of a page
/// are left out and said; lines broken at the page's width are joined back; the notice's
/// title over three lines (its issuer's name on the first) is one title; a table set with
/// single spaces and broken over lines reads row by row; 县 生 态 环 境 局 and 2O26 are
/// mended and said. Every task keeps its words, units and deadline.
#[test]
fn a_scanned_notice_reads_as_the_document_it_was() {
    let input = common::root().join("tests/fixtures/printed/scanned_notice.txt");
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("松溪县人民政府办公室关于印发松溪县２０２６年农村人居环境整治提升工作方案的通知")
    );
    assert_eq!(notice.doc_number.as_deref(), Some("松政办〔2026〕11号"));
    assert_eq!(notice.date.as_deref(), Some("2026年2月16日"));
    assert_eq!(notice.signer.as_deref(), Some("松溪县人民政府办公室"));
    assert_eq!(notice.body.len(), 1, "{:#?}", notice.body);
    assert_eq!(
        notice.body[0].text,
        "现将《松溪县２０２６年农村人居环境整治提升工作方案》印发给你们，请认真组织实施。"
    );
    use fengong::model::Role::{Lead, Support};
    let tasks = tasks_read(&checked.plan);
    let want: Vec<TaskRead> = vec![
        (
            "新改建农村户用卫生厕所1200户，同步建立管护机制。",
            vec![
                ("县农业农村局", Lead),
                ("县卫生健康局", Support),
                ("各乡镇人民政府", Support),
            ],
            Some("2026-10-31".into()),
        ),
        (
            "建成农村生活污水处理设施15座，完善配套收集管网。",
            vec![("县生态环境局", Lead), ("县住建局", Support)],
            Some("2026-11-30".into()),
        ),
        (
            "开展村庄清洁行动，每季度组织1次集中整治",
            vec![("县农业农村局", Lead), ("各乡镇人民政府", Support)],
            Some("2026-12-31".into()),
        ),
        (
            "建设乡镇垃圾转运站3座",
            vec![("县城管局", Lead)],
            Some("2026-08-31".into()),
        ),
    ];
    assert_eq!(tasks, want);
    let codes: Vec<&str> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    for code in [
        "source/page-furniture",
        "source/rewrapped",
        "source/ocr-mended",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    for code in [
        "notice/no-title",
        "notice/no-date",
        "unit/fragment",
        "text/assignment-not-read",
    ] {
        assert!(!codes.contains(&code), "{code}: {codes:?}");
    }
    let furniture = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "source/page-furniture")
        .unwrap();
    assert!(
        furniture
            .message
            .contains("「－ 2 －」「松政办〔2026〕11号」「－ 3 －」"),
        "{}",
        furniture.message
    );
    // The table's rows stand in the section the text opens over it, not the last task's.
    let table = published_text(&input, "任务分工表.md");
    let section = table.find("**二、任务分工**").expect("the table's section");
    assert!(section < table.find("开展村庄清洁行动").unwrap(), "{table}");
    assert!(section > table.find("治理农村生活污水").unwrap(), "{table}");
    // Nothing of the page is printed in the notice.
    let md = published_text(&input, "通知.md");
    assert!(
        !md.contains("－ 2 －") && md.matches("松政办〔2026〕11号").count() == 1,
        "{md}"
    );
}

/// Units only listed in a task's brackets, no role written (责任单位:…): the plan's rule
/// decides who leads, as for a table's 责任单位 cell, and says so. A sentence after the
/// list's full stop (…参照落实,不再单独列出) is no unit.
#[test]
fn units_only_listed_in_brackets_lead_by_the_plans_rule_and_a_remark_is_no_unit() {
    let input = common::root().join("tests/fixtures/numbering/remark_after_the_units.md");
    let checked = fengong::check(&input).unwrap();
    use fengong::model::Role::{Lead, Support};
    let units: Vec<Vec<(&str, fengong::model::Role)>> = checked
        .plan
        .tasks
        .iter()
        .map(|t| t.units.iter().map(|a| (a.name.as_str(), a.role)).collect())
        .collect();
    assert_eq!(
        units,
        [
            vec![("市行政审批服务局", Lead), ("市大数据中心", Support)],
            vec![("各县区人民政府", Lead), ("临江高新区管委会", Support)],
            vec![("市大数据中心", Lead), ("市财政局", Support)],
        ]
    );
    let said = |code: &str| {
        checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let first = said("unit/lead-first");
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(first[0].contains("第 2 项"), "{first:?}");
    // The remark is said with its place and printed with the plan's text, never a unit.
    let remark = said("unit/remark");
    assert_eq!(remark.len(), 1, "{remark:?}");
    assert!(
        remark[0].contains("「各县区政府、临江高新区管委会参照落实,不再单独列出」"),
        "{remark:?}"
    );
    assert!(
        checked
            .plan
            .units
            .iter()
            .all(|u| !u.name.contains("落实") && !u.name.contains("列出"))
    );
    let md = published_text(&input, "任务分工表.md");
    assert!(!md.contains("不再单独列出"), "{md}");
}

/// A table set with single spaces whose cells hold spaces and whose merged cells left
/// none: its columns cannot be told apart, and nothing else of the text hands out work —
/// refused with the header's place and words, and the way to give it instead.
#[test]
fn a_space_set_table_that_cannot_be_split_is_refused_with_its_place() {
    let input = common::root().join("tests/fixtures/unread/space_set_table_with_merged_cells.txt");
    let Err(fengong::Error::Input(errors)) = fengong::check(&input) else {
        panic!("refused");
    };
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, "input/space-set-table");
    assert_eq!(errors[0].location.line_no(), Some(3));
    let header = "序号 / 类别 / 主要任务 / 具体措施 / 牵头单位 / 配合单位";
    assert!(errors[0].message.contains(header), "{}", errors[0].message);
    assert!(errors[0].hints.iter().any(|h| h.contains(".xlsx")));
}

/// A task as read: its words, its units with their roles, its deadline.
/// A notice, its plan and its 分工表 as `pdftotext -layout` takes them out of the PDF
/// (tests/fixtures/printed/make_layout.py): the table's names centred over wider columns,
/// every cell wrapped under its column — names broken anywhere (县住房城乡建 / 设局, 团县 /
/// 委, 县人力资源社 / 会保障局, 县各 / 相关部门) — page numbers centred with no dashes, the
/// signer and date set far in. Read as the document it was; the page numbers said.
#[test]
fn a_pdfs_text_set_to_columns_reads_as_its_table() {
    let input = common::root().join("tests/fixtures/printed/layout_wrapped_cells.txt");
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.signer.as_deref(), Some("柳川县水利局"));
    assert_eq!(notice.date.as_deref(), Some("2025年3月18日"));
    assert_eq!(notice.annotation.as_deref(), Some("（此件公开发布）"));
    use fengong::model::Role::{Lead, Support};
    let tasks = tasks_read(&checked.plan);
    let want: Vec<TaskRead> = vec![
        (
            "新建规模化供水工程2处，改造提升小型供水工程15处，新增受益人口1.2万人。",
            vec![
                ("县水利局", Lead),
                ("县发展改革局", Support),
                ("县财政局", Support),
                ("县自然资源局", Support),
                ("各乡镇", Support),
            ],
            Some("2025-10-31".into()),
        ),
        (
            "实施老旧供水管网更新改造，全年更新管网60公里。",
            vec![
                ("县住房城乡建设局", Lead),
                ("县水利局", Support),
                ("县人力资源社会保障局", Support),
                ("团县委", Support),
            ],
            Some("2025-11-30".into()),
        ),
        (
            "完成农村水源地规范化建设，划定保护范围并设立标志。",
            vec![
                ("县生态环境局", Lead),
                ("县水利局", Support),
                ("县卫生健康局", Support),
                ("各乡镇", Support),
            ],
            Some("2025-09-30".into()),
        ),
        (
            "推行县级统管，建立农村供水工程运行维护经费保障机制。",
            vec![
                ("县人力资源社会保障局", Lead),
                ("县财政局", Support),
                ("县水利局", Support),
            ],
            Some("2025-12-31".into()),
        ),
        (
            "开展水质检测全覆盖，每季度抽检不少于30个点位。",
            vec![
                ("县卫生健康局", Lead),
                ("县疾病预防控制中心", Support),
                ("县水利局", Support),
            ],
            Some("2025-12-31".into()),
        ),
    ];
    assert_eq!(tasks, want);
    // 2025 年 9 月 / 30 日: one date, as written.
    assert_eq!(
        checked.plan.task(3).unwrap().deadline_text.as_deref(),
        Some("2025年9月30日")
    );
    assert_eq!(checked.plan.task(4).unwrap().unspecified, ["县各相关部门"]);
    let sections: Vec<&str> = (checked.plan.sections.iter())
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(sections, ["工程建设", "运行管护"]);
    let said = |code: &str| {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let furniture = said("source/page-furniture").concat();
    assert!(furniture.contains("「1」「2」「3」"), "{furniture}");
    for never in [
        "table/stray-line",
        "table/bad-number",
        "table/cells-moved-left",
        "unit/fragment",
        "source/cut-off",
        "notice/no-date",
        "notice/no-signer",
    ] {
        assert!(said(never).is_empty(), "{never}: {:?}", said(never));
    }
}

/// A table laid out as offices often do (tests/fixtures/printed/make_layout.py): every cell
/// centred vertically, so `pdftotext -layout` sets a row's number on its middle line and its
/// longer cells' first lines above it; units and dates centred across their columns; 责任单位
/// merged over 牵头单位 | 配合单位 on a header line of its own (printed over them again), the
/// header repeated on the next page; a row cut by that page. Every row reads as the task it
/// was; what was done is said.
#[test]
fn a_pdfs_table_with_cells_centred_every_way_reads_row_by_row() {
    let input = common::root().join("tests/fixtures/printed/layout_centred_cells.txt");
    let checked = fengong::check(&input).unwrap();
    use fengong::model::Role::{Lead, Support};
    // 责任单位 is printed over the two columns it stands over, as the source has it.
    let table = &checked.plan.table;
    use fengong::model::TableColumn;
    assert_eq!(table.band_over(TableColumn::Lead), Some("责任单位"));
    assert_eq!(table.band_over(TableColumn::Support), Some("责任单位"));
    assert_eq!(table.header_bands.len(), 1, "{:?}", table.header_bands);
    let tasks = tasks_read(&checked.plan);
    let want: Vec<TaskRead> = vec![
        (
            "开展城乡生活垃圾分类收运体系建设，新建乡镇垃圾转运站3座，配齐村级保洁员。",
            vec![
                ("县城管局", Lead),
                ("县财政局", Support),
                ("各镇人民政府", Support),
            ],
            Some("2025-10-31".into()),
        ),
        (
            "推进乡镇污水处理设施提标改造，完成4座污水处理厂改造。",
            vec![("县住房城乡建设局", Lead), ("县生态环境局", Support)],
            Some("2025-11-30".into()),
        ),
        (
            "整治国省道沿线环境卫生。",
            vec![
                ("县交通运输局", Lead),
                ("县公安局交警大队", Support),
                ("沿线各镇人民政府", Support),
            ],
            None,
        ),
        (
            "实施村庄清洁行动，每季度开展一次集中评比，评比结果在全县通报。",
            vec![
                ("县农业农村局", Lead),
                ("县委宣传部", Support),
                ("县乡村振兴局", Support),
            ],
            Some("2025-12-31".into()),
        ),
        (
            "加强农村改厕后续管护，建立问题厕所整改台账，整改率达到100%。",
            vec![
                ("县农业农村局", Lead),
                ("县卫生健康局", Support),
                ("各镇人民政府", Support),
            ],
            Some("2025-09-30".into()),
        ),
        (
            "开展河道清淤疏浚，清理河道垃圾和漂浮物。",
            vec![("县水利局", Lead), ("县河长制办公室", Support)],
            Some("2025-08-31".into()),
        ),
        (
            "推进建筑垃圾资源化利用，建成处置场所1处，资源化利用率达到50%以上。",
            vec![
                ("县住房城乡建设局", Lead),
                ("县发展和改革局", Support),
                ("县自然资源局", Support),
            ],
            Some("2025-12-31".into()),
        ),
        (
            "整治城区占道经营和乱贴乱画。",
            vec![
                ("县城管局", Lead),
                ("县市场监督管理局", Support),
                ("街道办事处", Support),
            ],
            None,
        ),
        (
            "开展农贸市场环境提升，改造提升农贸市场5个，实现市场内外环境整洁有序。",
            vec![
                ("县商务局", Lead),
                ("县市场监督管理局", Support),
                ("县城管局", Support),
                ("各镇人民政府", Support),
            ],
            Some("2025-11-30".into()),
        ),
        (
            "加强秸秆禁烧和综合利用，综合利用率稳定在90%以上。",
            vec![("县农业农村局", Lead), ("县生态环境局", Support)],
            Some("2025-12-31".into()),
        ),
        (
            "开展城乡环境综合整治宣传，在县级媒体开设专栏。",
            vec![("县委宣传部", Lead), ("县融媒体中心", Support)],
            Some("2025-12-31".into()),
        ),
        (
            "建立城乡环境综合整治月调度、季通报机制，将整治情况纳入年度绩效考核。",
            vec![
                ("县政府督查室", Lead),
                ("县城管局", Support),
                ("县农业农村局", Support),
            ],
            Some("2025-12-31".into()),
        ),
    ];
    assert_eq!(tasks, want);
    let deadline_text = |no: u32| checked.plan.task(no).unwrap().deadline_text.clone();
    assert_eq!(deadline_text(3).as_deref(), Some("长期坚持"));
    let said = |code: &str| {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let header = said("table/header-stacked").concat();
    assert!(
        header.contains("「序号」「工作内容」「牵头单位」「配合单位」「完成时限」"),
        "{header}"
    );
    assert!(
        header.contains("「责任单位」跨在「牵头单位」「配合单位」之上"),
        "{header}"
    );
    assert_eq!(said("table/cells-centred").len(), 1);
    for never in [
        "table/stray-line",
        "table/bad-number",
        "table/unnumbered-row",
        "table/continued-row",
        "structure/missing-number",
        "unit/fragment",
        "source/cut-off",
    ] {
        assert!(said(never).is_empty(), "{never}: {:?}", said(never));
    }
}

/// A plan parted 一、二、三 whose table repeats its paragraphs a row each with no part rows
/// of its own (tests/fixtures/printed/make_layout.py): each task belongs to the part that
/// writes it out. Its cells centred, a row cut by the page (the rest on the next page
/// centred in its own height), unit names broken by narrow columns (区委组 / 织部, 区 / 行政
/// 服务中 / 心管委会); under the table the line saying how it is made public and the 版记
/// with a 抄送 wrapped over two lines — none of them the last task's.
#[test]
fn a_table_without_part_rows_takes_its_parts_from_the_plans_text() {
    let input = common::root().join("tests/fixtures/printed/layout_parted_plan.txt");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    use fengong::model::Role::{Lead, Support};
    let parts: Vec<(&str, &str, Vec<u32>)> = (plan.sections.iter())
        .map(|s| {
            let tasks = s
                .groups
                .iter()
                .flat_map(|g| g.tasks.iter().copied())
                .collect();
            (s.numeral.as_str(), s.title.as_str(), tasks)
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("一", "压实安全责任", vec![1, 2, 3]),
            ("二", "整治重大隐患", vec![4, 5, 6, 7]),
            ("三", "夯实基层基础", vec![8, 9, 10]),
        ]
    );
    for task in &plan.tasks {
        let part = plan.sections.iter().find(|s| s.no == task.section).unwrap();
        assert!(part.groups.iter().any(|g| g.tasks.contains(&task.no)));
    }
    let tasks = tasks_read(plan);
    let want: Vec<TaskRead> = vec![
        (
            "严格落实党政领导干部安全生产责任制，区领导每季度带队开展督导检查不少于1次。",
            vec![("区应急管理局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "将安全生产工作纳入街道和部门年度绩效考核，考核结果作为干部评价的重要参考。",
            vec![
                ("区委组织部", Lead),
                ("区应急管理局", Support),
                ("区绩效办", Support),
            ],
            Some("2025-12-31".into()),
        ),
        (
            "督促企业主要负责人履行第一责任人职责，全员安全生产责任制建立率达到100%。",
            vec![
                ("区应急管理局", Lead),
                ("区市场监督管理局", Support),
                ("区行政服务中心管委会", Support),
            ],
            Some("2025-06-30".into()),
        ),
        (
            "聚焦燃气、自建房、电动自行车等重点领域，建立重大事故隐患排查整治台账，实行销号管理。",
            vec![
                ("区住房和城乡建设局", Lead),
                ("区消防救援大队", Support),
                ("区市场监督管理局", Support),
                ("各街道办事处", Support),
            ],
            Some("2025-09-30".into()),
        ),
        (
            "全面排查城镇燃气管道老化问题，年内完成老旧燃气管道更新改造40公里。",
            vec![
                ("区住房和城乡建设局", Lead),
                ("区发展和改革局", Support),
                ("区财政局", Support),
            ],
            Some("2025-11-30".into()),
        ),
        (
            "推进电动自行车集中充电设施建设，新增充电端口8000个，严查违规停放充电行为。",
            vec![
                ("区消防救援大队", Lead),
                ("区住房和城乡建设局", Support),
                ("各街道办事处", Support),
            ],
            Some("2025-10-31".into()),
        ),
        (
            "开展危险化学品企业精准执法检查，重点企业检查覆盖率达到100%。",
            vec![
                ("区应急管理局", Lead),
                ("区生态环境分局", Support),
                ("区工业和信息化局", Support),
            ],
            Some("2025-08-31".into()),
        ),
        (
            "充实街道安全生产监管力量，每个街道专职安全监管人员不少于4名。",
            vec![
                ("区委编办", Lead),
                ("区应急管理局", Support),
                ("区人力资源和社会保障局", Support),
            ],
            Some("2025-07-31".into()),
        ),
        (
            "深入开展“安全生产月”“安全宣传五进”活动，组织应急演练不少于150场次，覆盖全区重点行业领域企业、学校、医院和人员密集场所，提升群众应急避险和自救互救能力。",
            vec![
                ("区应急管理局", Lead),
                ("区委宣传部", Support),
                ("区教育局", Support),
                ("各街道办事处", Support),
            ],
            Some("2025-06-30".into()),
        ),
        (
            "加强安全生产社会化服务，引导高危行业企业投保安全生产责任保险，覆盖率达到100%。",
            vec![("区应急管理局", Lead), ("区金融工作局", Support)],
            Some("2025-12-31".into()),
        ),
    ];
    assert_eq!(tasks, want);
    let notice = &plan.notice;
    assert_eq!(notice.annotation.as_deref(), Some("公开方式：主动公开"));
    let imprint: Vec<&str> = notice.imprint.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        imprint,
        [
            "抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院，区人武部，临江警备区滨湖分区。",
            "临江市滨湖区人民政府办公室2025年3月20日印发"
        ]
    );
    let said = |code: &str| {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let parted = said("table/parts-from-text").concat();
    assert!(
        parted.contains("「一、压实安全责任」第 1、2、3 项；「二、整治重大隐患」第 4、5、6、7 项"),
        "{parted}"
    );
    // A unit's sheet says which part each of its tasks stands in.
    let sheet = common::published_text(&input, "任务单/区委编办.md");
    assert!(sheet.contains("| 主要事项 |"), "{sheet}");
    assert!(sheet.contains("| 8 | 三、夯实基层基础 |"), "{sheet}");
    for never in [
        "table/part-by-order",
        "table/stray-line",
        "table/unnumbered-row",
        "structure/missing-number",
        "unit/fragment",
        "source/cut-off",
        "source/unused",
    ] {
        assert!(said(never).is_empty(), "{never}: {:?}", said(never));
    }
}

/// A real `pdftotext -layout` copy of a PDF printed from Word (`make_layout.py`'s fourth
/// document): a plan whose text has no parts, its table's first column 重点领域 merged
/// down over each field's rows and centred over them, so each label's lines stand on the
/// lines of the rows in its middle (促进 / 消费 / 扩容 / 提质 over tasks 2 and 3 of 1–4), a
/// field of one row, a field the page cuts (its label at the top of its rows on the first
/// page), a row ending on a page's foot before a centred row on the next. Each field names
/// its rows; every task reads as written.
#[test]
fn a_field_merged_down_over_its_rows_names_them_all() {
    let input = common::root().join("tests/fixtures/printed/layout_merged_fields.txt");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    use fengong::model::Role::{Lead, Support};
    let groups: Vec<(Option<&str>, Vec<u32>)> = (plan.groups())
        .map(|g| (g.label.as_deref(), g.tasks.clone()))
        .collect();
    assert_eq!(
        groups,
        [
            (Some("促进消费扩容提质"), vec![1, 2, 3, 4]),
            (Some("扩大有效投资"), vec![5, 6, 7]),
            (Some("稳定外贸"), vec![8]),
            (Some("推动产业升级"), vec![9, 10, 11, 12]),
            (Some("保障重点民生"), vec![13, 14, 15, 16]),
            (Some("生态环境保护"), vec![17, 18]),
        ]
    );
    let tasks = tasks_read(plan);
    let want: Vec<TaskRead> = vec![
        (
            "开展“云溪消费季”系列促销活动，全年发放消费券1000万元，带动消费10亿元以上。",
            vec![("区商务局", Lead), ("区财政局", Support)],
            Some("2025-12-31".into()),
        ),
        (
            "推进汽车、家电以旧换新，新能源汽车销量增长20%。",
            vec![("区商务局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "建设特色商业街区2条，培育夜间经济集聚区1个，完善街区停车、照明和公共卫生设施。",
            vec![("区商务局", Lead), ("区住房和城乡建设局", Support)],
            Some("2025-10-31".into()),
        ),
        (
            "培育文旅消费新场景，接待游客增长10%。",
            vec![("区文化和旅游局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "实施重点项目120个，完成投资150亿元，其中新开工项目40个。",
            vec![("区发展和改革局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "争取超长期特别国债和地方政府专项债券资金15亿元，加快资金拨付和项目实物工作量形成。",
            vec![("区财政局", Lead), ("区发展和改革局", Support)],
            Some("2025-11-30".into()),
        ),
        (
            "开展“拿地即开工”审批服务，工程建设项目审批时限压减至60个工作日以内。",
            vec![("区行政审批服务局", Lead)],
            Some("2025-09-30".into()),
        ),
        (
            "组织企业参加境内外展会30场次以上，外贸进出口总额增长5%。",
            vec![("区商务局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "实施工业技改项目50个，技改投资增长10%，推动规模以上工业企业数字化改造全覆盖。",
            vec![("区工业和信息化局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "新增国家高新技术企业20家、专精特新企业10家。",
            vec![("区科学技术局", Lead), ("区工业和信息化局", Support)],
            Some("2025-11-30".into()),
        ),
        (
            "建设标准厂房20万平方米，盘活闲置低效用地500亩。",
            vec![("区自然资源和规划局", Lead)],
            Some("2025-10-31".into()),
        ),
        (
            "培育省级以上工业互联网平台1个，上云企业新增100家。",
            vec![("区工业和信息化局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "新增城镇就业6000人，开发公益性岗位300个，确保零就业家庭动态清零。",
            vec![("区人力资源和社会保障局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "新建改建普惠性幼儿园4所，新增学位1200个，推进义务教育优质均衡发展。",
            vec![("区教育局", Lead)],
            Some("2025-08-31".into()),
        ),
        (
            "改造城镇老旧小区35个，惠及居民8000户，同步加装电梯50部。",
            vec![("区住房和城乡建设局", Lead), ("各镇（街道）", Support)],
            Some("2025-11-30".into()),
        ),
        (
            "建设社区嵌入式养老服务设施10处，新增养老床位300张。",
            vec![("区民政局", Lead)],
            Some("2025-12-31".into()),
        ),
        (
            "完成造林绿化5000亩，森林覆盖率稳定在60%以上。",
            vec![("区林业局", Lead)],
            Some("2025-06-30".into()),
        ),
        (
            "推进城乡生活污水治理，新建污水管网40公里，城市生活污水集中收集率达到75%。",
            vec![("区水务局", Lead), ("区生态环境分局", Support)],
            Some("2025-12-31".into()),
        ),
    ];
    assert_eq!(tasks, want);
    let said = |code: &str| {
        (checked.report.diagnostics.iter())
            .filter(|d| d.code == code)
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let merged = said("table/labels-merged").concat();
    assert!(merged.contains("「保障重点民生」第 13—16 项"), "{merged}");
    for never in [
        "table/stray-line",
        "table/unnumbered-row",
        "table/continued-row",
        "structure/missing-number",
        "unit/fragment",
        "source/unused",
    ] {
        assert!(said(never).is_empty(), "{never}: {:?}", said(never));
    }
}

/// Two more plans whose 类别 / 主要事项 is merged down over its rows and centred over them,
/// laid out by another hand (a helper's round 107, printed by LibreOffice, taken out by
/// `pdftotext -layout`): a field of seven rows whose label stands by its fourth (tasks 1–3
/// above it are the field's too), a field of one row, one the page cuts; and labels of 10–16
/// characters after the 序号, wrapped over three or four lines that stand on several rows'
/// lines, two labels' lines side by side (…集 / 群 / 加快发展 / …), a label taller than its
/// one row.
#[test]
fn fields_merged_down_laid_out_by_another_hand_name_their_rows() {
    let groups_of = |name: &str| -> Vec<(String, Vec<u32>)> {
        let input = common::root().join("tests/fixtures/printed").join(name);
        let checked = fengong::check(&input).unwrap();
        (checked.plan.groups())
            .map(|g| (g.label.clone().unwrap_or_default(), g.tasks.clone()))
            .collect()
    };
    let owned = |groups: &[(&str, Vec<u32>)]| -> Vec<(String, Vec<u32>)> {
        groups
            .iter()
            .map(|(l, t)| (l.to_string(), t.clone()))
            .collect()
    };
    assert_eq!(
        groups_of("layout_fields_cut_by_page.txt"),
        owned(&[
            ("政务服务", vec![1, 2, 3, 4, 5, 6, 7]),
            ("要素保障", vec![8]),
            ("法治环境", vec![9, 10, 11]),
            ("市场环境", vec![12, 13, 14, 15]),
        ])
    );
    assert_eq!(
        groups_of("layout_long_field_labels.txt"),
        owned(&[
            ("推动制造业智能化改造和数字化转型", vec![1, 2, 3]),
            ("培育壮大战略性新兴产业集群", vec![4, 5]),
            ("加快发展生产性服务业", vec![6]),
            ("强化产业发展要素支撑保障", vec![7, 8, 9]),
        ])
    );
}

/// The same PDF taken out by plain `pdftotext`: the 序号 column with its cells, then the
/// others a column at a time. Which unit goes with which task no longer shows: refused,
/// saying so and what to do — nothing published from a table that pairs the wrong cells.
#[test]
fn a_table_taken_out_a_column_at_a_time_is_refused_with_what_to_do() {
    let input = common::root().join("tests/fixtures/printed/columns_taken_apart.txt");
    let err = fengong::check(&input).unwrap_err().to_string();
    assert!(err.contains("input/table-by-columns"), "{err}");
    assert!(
        err.contains("「序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限」"),
        "{err}"
    );
    assert!(err.contains("pdftotext -layout"), "{err}");
}

type TaskRead<'a> = (
    &'a str,
    Vec<(&'a str, fengong::model::Role)>,
    Option<String>,
);

fn tasks_read(plan: &fengong::model::Plan) -> Vec<TaskRead<'_>> {
    plan.tasks
        .iter()
        .map(|t| {
            let units = t.units.iter().map(|a| (a.name.as_str(), a.role)).collect();
            (t.content.as_str(), units, t.deadline.map(|d| d.to_string()))
        })
        .collect()
}

/// 牵头单位 | 协同单位 | 责任单位: the third column's units carry the work out where they
/// answer (各镇人民政府). They are neither the lead nor the supports: the table prints their
/// column as the source has it, a phrase naming no unit in it stays there, and their sheets
/// say in what part they have the task.
#[test]
fn a_units_column_beside_the_lead_and_support_ones_keeps_its_own_role() {
    use fengong::model::Role;
    let checked = columns_fixture("three_units_columns.md");
    let plan = &checked.plan;
    let responsible = |no: u32| -> Vec<String> {
        (plan.task(no).unwrap().units.iter())
            .filter(|a| a.role == Role::Responsible)
            .map(|a| a.name.clone())
            .collect()
    };
    assert_eq!(leads(plan, 1), ["县农业农村局"]);
    assert_eq!(supports(plan, 1), ["县卫健局", "县财政局"]);
    assert_eq!(responsible(1), ["各镇人民政府"]);
    assert_eq!(supports(plan, 2), ["县农业农村局"]);
    assert_eq!(responsible(2), ["各镇人民政府"]);
    assert!(responsible(3).is_empty());
    let table = fengong::view::TaskTableView::new(plan);
    let headings = table_headings(&table);
    assert_eq!(
        headings,
        [
            "序号",
            "重点任务",
            "牵头单位",
            "协同单位",
            "责任单位",
            "完成时限"
        ]
    );
    let rows = table_rows(&table);
    assert_eq!(rows[1][3], "县农业农村局");
    assert_eq!(rows[1][4], "各镇人民政府、其他有关单位");
    assert_eq!(rows[2][4], "");
    let sheets = fengong::view::TaskSheet::all(plan);
    let town = sheets.iter().find(|s| s.unit == "各镇人民政府").unwrap();
    assert_eq!(
        town.role_counts(),
        "牵头 0 项，配合 0 项，作为责任单位 2 项"
    );
    assert_eq!(town.tasks[0].role, "责任");
    let farming = sheets.iter().find(|s| s.unit == "县农业农村局").unwrap();
    assert_eq!(farming.role_counts(), "牵头 1 项，配合 1 项");
    assert_eq!(
        farming.tasks[1].others,
        "牵头：县住建局；责任：各镇人民政府、其他有关单位"
    );
    assert!(codes_at(&checked, "structure/no-lead").is_empty());
    let input = common::root().join("tests/fixtures/columns/three_units_columns.md");
    let sheet = published_text(&input, "任务单/各镇人民政府.md");
    assert!(sheet.contains("作为责任单位的任务请在本地区"), "{sheet}");
    assert!(sheet.contains("作为责任单位 2 项，共 2 项"), "{sheet}");
}

/// `（X、Y指导）` closes a task as the other role words do, its units guiding (they support);
/// `以下均需Z落实，不再列出` after a list hands Z every task after it — leading where
/// only guides are named, supporting where a lead is — and says so; `以…为指导` in the
/// plan's words assigns nothing.
#[test]
fn guiding_units_close_a_task_and_a_standing_remark_reaches_every_task_after_it() {
    let input = common::root().join("tests/fixtures/numbering/guided_and_standing.md");
    let checked = fengong::check(&input).unwrap();
    use fengong::model::Role::{Lead, Support};
    let units: Vec<Vec<(&str, fengong::model::Role)>> = (checked.plan.tasks.iter())
        .map(|t| t.units.iter().map(|a| (a.name.as_str(), a.role)).collect())
        .collect();
    assert_eq!(
        units,
        [
            vec![("试点园区管委会", Lead), ("市生态环境局", Support)],
            vec![
                ("试点园区管委会", Lead),
                ("市工业和信息化局", Support),
                ("市科技局", Support)
            ],
            vec![
                ("市生态环境局", Lead),
                ("市交通运输局", Support),
                ("试点园区管委会", Support)
            ],
            vec![("市发展改革委", Lead), ("试点园区管委会", Support)],
        ]
    );
    assert!(
        checked.plan.tasks[3]
            .content
            .starts_with("坚持以绿色发展理念为指导（以新发展理念为指导）")
    );
    let remark: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/remark")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(remark.len(), 1, "{remark:?}");
    assert!(
        remark[0].contains("「试点园区管委会」已加入此后每项任务的责任单位"),
        "{remark:?}"
    );
}

/// `由X牵头` names X, not `由X`; `其中加装电梯由Y负责` gives Y the part named before 由,
/// which is said, never a unit; a 由 inside a name (自由贸易) is the name's.
#[test]
fn units_written_after_by_and_the_part_of_the_work_before_it() {
    let input = common::root().join("tests/fixtures/numbering/by_whom.md");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["区绿化市容局"]);
    assert_eq!(supports(plan, 1), ["区财政局"]);
    assert_eq!(leads(plan, 2), ["区住建委"]);
    assert_eq!(supports(plan, 2), ["区房管局"]);
    assert_eq!(leads(plan, 3), ["区自由贸易片区管委会"]);
    let scope: Vec<(&str, String)> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/scope")
        .map(|d| (d.message.as_str(), d.location.to_string()))
        .collect();
    assert_eq!(scope.len(), 1, "{scope:?}");
    assert!(scope[0].0.contains("「其中加装电梯」"), "{scope:?}");
    assert!(scope[0].1.ends_with("by_whom.md:7"), "{scope:?}");
}

/// A notice whose title issues two documents at once (关于印发X和Y的通知) and whose body names
/// them apart: the plan is the one its table is titled by or, its table untitled, the first —
/// not the two joined — and which was taken is said.
#[test]
fn a_notice_issuing_two_documents_titles_the_plan_by_its_own() {
    let input = common::root().join("tests/fixtures/notices/two_documents_one_title.md");
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("2026年政府工作报告重点工作责任分解")
    );
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "plan/one-of-several")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("《2026年市政府民生实事项目责任分解》"),
        "{said:?}"
    );
}

/// A notice head as a gazette page sets it: the issuing office on a line, the title over
/// two lines, the 文号 with the 成文日期 after it on one line, a status under it; or the
/// date alone in parentheses above the 文号, its 〇 typed as the letter O. Each part is read
/// (the title whole, the date from where it stands); the status is said; the plan's title
/// over two lines is the plan's, not a paragraph of the notice.
#[test]
fn a_gazette_head_gives_its_title_number_and_date() {
    let input = common::root().join("tests/fixtures/notices/gazette_head.md");
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.issuer.as_deref(), Some("某省人民政府办公厅"));
    assert_eq!(
        notice.title.as_deref(),
        Some("某省人民政府办公厅关于印发实施《县域商业“三年行动”计划》责任分工方案的通知")
    );
    assert_eq!(
        notice.doc_number_written.as_deref(),
        Some("某办函〔2024〕56号")
    );
    assert_eq!(notice.date.as_deref(), Some("2024年5月8日"));
    // The plan's title over two lines, its first line no part of the notice's body.
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("实施《县域商业“三年行动”计划》责任分工方案")
    );
    assert_eq!(notice.body.len(), 1, "{:?}", notice.body);
    assert_eq!(checked.plan.tasks.len(), 2);
    assert_eq!(codes_at(&checked, "source/unused"), [5]);
    let codes = codes(&checked);
    for absent in ["notice/no-title", "notice/no-date", "notice/no-issuer"] {
        assert!(!codes.contains(&absent), "{codes:?}");
    }

    let input = common::root().join("tests/fixtures/notices/date_above_number.md");
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.date.as_deref(), Some("2009年3月10日"));
    assert_eq!(notice.date_written.as_deref(), Some("二OO九年三月十日"));
    assert_eq!(
        notice.doc_number_written.as_deref(),
        Some("某府办〔2009〕12号")
    );
    assert!(
        codes_at(&checked, "source/unused").is_empty(),
        "{:?}",
        common::codes(&checked)
    );
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// A part's heading that names its leaders (一、经济发展目标（牵头领导：张明、李华）): each
/// task under it without a 责任领导 of its own is led by them, said once per heading; a
/// task naming its own keeps it.
#[test]
fn leaders_named_in_a_heading_lead_its_tasks() {
    let input = common::root().join("tests/fixtures/numbering/leaders_in_headings.md");
    let checked = fengong::check(&input).unwrap();
    let person = |no: u32| checked.plan.task(no).unwrap().person.clone();
    assert_eq!(person(1).as_deref(), Some("张明、李华"));
    assert_eq!(person(2).as_deref(), Some("张明、李华"));
    assert_eq!(person(3).as_deref(), Some("赵刚"));
    assert_eq!(person(4).as_deref(), Some("王强"));
    // A heading that opens with its leader and post (三、刘洋副区长牵头重点工作).
    assert_eq!(person(5).as_deref(), Some("刘洋副区长"));
    assert_eq!(person(6).as_deref(), Some("陈静"));
    assert_eq!(person(7).as_deref(), Some("张盈军区政府党组成员"));
    // One leader with two posts (李丹常委、常务副区长).
    assert_eq!(person(8).as_deref(), Some("李丹常委、常务副区长"));
    assert_eq!(leads(&checked.plan, 5), ["区人社局"]);
    assert_eq!(
        codes_at(&checked, "unit/leader-from-heading"),
        [3, 9, 15, 19, 23, 27]
    );
}

/// A source cut inside the table's last row (…整治。建成), every other task ending its
/// sentence: said as cut off at that task, though no last line of prose shows it.
#[test]
fn a_table_cut_inside_its_last_row_is_said() {
    let checked = columns_fixture("last_row_cut.md");
    assert_eq!(checked.plan.tasks.len(), 3);
    assert_eq!(codes_at(&checked, "source/cut-off"), [7]);
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/cut-off")
        .map(|d| d.message.as_str())
        .collect();
    assert!(said[0].contains("第 3 项任务的内容停在「…"), "{said:?}");
    // The same table whole says nothing of the kind.
    let whole = common::root().join("tests/fixtures/columns/units_and_support.md");
    let checked = fengong::check(&whole).unwrap();
    assert!(codes_at(&checked, "source/cut-off").is_empty());
}

/// Lead-ins opened by a dash (——在优化营商环境上持续用力) between a part and its numbered
/// tasks are the level the document groups them by: each heads the tasks under it.
#[test]
fn dash_lead_ins_group_the_tasks_under_them() {
    let plan = numbering_fixture("dash_lead_ins.md");
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(
        groups(&plan),
        [
            ("——在优化营商环境上持续用力".to_string(), vec![1, 2]),
            ("——在扩大有效投资上精准发力".to_string(), vec![3]),
        ]
    );
    assert_eq!(leads(&plan, 3), ["区发改委"]);
}

/// Numbered work points above a table that carries them as its rows: a point no row carries
/// (3.规范依申请公开) is warned with its place — said only as unused text, it would pass for
/// one more line of preamble.
#[test]
fn a_numbered_point_no_row_carries_is_warned() {
    let checked = columns_fixture("points_above_table.md");
    assert_eq!(checked.plan.tasks.len(), 3);
    assert_eq!(codes_at(&checked, "prose/item-not-in-table"), [7]);
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "prose/item-not-in-table")
        .map(|d| d.message.as_str())
        .collect();
    assert!(said[0].contains("3.规范依申请公开"), "{said:?}");
}

/// A table's part row with no task under it and a sub-heading row over the rows of a 类别
/// column are the table's own rows: each prints as a band where the source has it, never
/// dropped (a part the prose alone names and the table does not still prints no empty band).
#[test]
fn heading_rows_with_nothing_under_them_print_as_bands() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columns/empty_bands.md");
    let table = published_text(&path, "任务分工表.md");
    let bands: Vec<&str> = (table.lines())
        .filter(|l| l.starts_with("| **"))
        .map(|l| l.split("**").nth(1).unwrap())
        .collect();
    assert_eq!(
        bands,
        [
            "一、主要预期目标",
            "二、扩大有效投资",
            "三、建设现代产业体系",
            "（一）壮大先进制造业"
        ]
    );
    let at = |s: &str| table.find(s).unwrap();
    assert!(at("（一）壮大先进制造业") < at("| 2 | 工业 |"), "{table}");
}

/// A source cut inside the last task's units (…[牵头单位:县人社局、县农业农): the piece is
/// no unit — no sheet, not proposed by `init` — and said as a piece of a name at that task.
#[test]
fn a_name_the_source_stops_inside_is_no_unit() {
    let path = common::root().join("tests/fixtures/numbering/cut_in_units.md");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    assert_eq!(leads(&checked.plan, 3), ["县人社局"]);
    assert!(!checked.plan.units.iter().any(|u| u.name.contains("农业农")));
    assert_eq!(codes_at(&checked, "unit/fragment"), [7]);
    assert_eq!(codes_at(&checked, "source/cut-off"), [7]);
    // The piece prints where the source wrote it: among the leads, not the supports.
    let table = published_text(&path, "任务分工表.md");
    let row = table.lines().find(|l| l.starts_with("| 3 |")).unwrap();
    assert!(row.contains("| 县人社局、县农业农（原文截断） |"), "{row}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&path, dir.path().join("方案.md")).unwrap();
    let init = common::fengong(dir.path(), &["init", "."]);
    assert!(init.status.success(), "{}", common::stderr(&init));
    let config = std::fs::read_to_string(dir.path().join("fengong.toml")).unwrap();
    assert!(!config.contains("name = \"县农业农\""), "{config}");
}

/// A bureau's extract of a plan's table, one cell a line, keeping the plan's numbers (4, 57,
/// 58, 61) and lists of units closed by a full stop: each number starts its row, each list is
/// the row's units — not task text run into the next row.
#[test]
fn an_extract_keeps_the_plans_numbers_one_cell_a_line() {
    let checked = stacked_fixture("extract_numbers.md");
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [4, 57, 58, 61]);
    // The part's heading right under the header is the first row's, no column's name.
    let parts: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(parts, ["主要预期目标", "增进民生福祉"]);
    assert!(
        plan.table.extra_columns.is_empty(),
        "{:?}",
        plan.table.extra_columns
    );
    assert_eq!(leads(plan, 4), ["区人社局"]);
    assert_eq!(
        supports(plan, 4),
        ["区卫健委", "区教育局", "各镇人民政府", "各街道办事处"]
    );
    assert_eq!(supports(plan, 57), ["区财政局", "区自然资源局"]);
    assert_eq!(leads(plan, 61), ["区卫健委"]);
    assert_eq!(supports(plan, 61), ["区发改委", "区住建局"]);
    assert_eq!(
        plan.task(58).unwrap().content,
        "开展免费健康体检,覆盖65岁以上老年人2万人次。"
    );
}

/// A province's table headed 类别 | 序号 | 工作任务 | 责任分工: 责任分工 is who does it (主办
/// leads, 协办 supports); a 类别 that carries its own number prints as written, not numbered
/// again (（一）一、…); a list that writes its 省 once (省工信委、商务厅) lends it to the
/// bare name, said: one unit with the 省 unit another row names in full.
#[test]
fn a_duty_column_and_categories_numbered_by_the_source() {
    let path = common::root().join("tests/fixtures/columns/duty_split.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(leads(plan, 4), ["省发改委"]);
    assert_eq!(supports(plan, 4), ["省工信委", "省商务厅"]);
    assert_eq!(leads(plan, 3), ["省商务厅"]);
    let lent: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/level-shared")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        lent.iter().any(|m| m.contains("第 4 项：「商务厅」")
            && m.contains("「省工信委」")
            && m.contains("读作「省商务厅」")),
        "{lent:?}"
    );
    assert!(!codes(&checked).contains(&"unit/maybe-same"));
    let table = published_text(&path, "任务分工表.md");
    assert!(table.contains("| 一、主要预期目标 | 1 |"), "{table}");
    assert!(table.contains("| 二、扩大开放合作 | 3 |"), "{table}");
    assert!(
        !table.contains("（一）一、") && !table.contains("（二）二、"),
        "{table}"
    );
}

/// A plan title broken over two lines inside its 《》 (…《关于加强新时代 / 社区工作的意见》的任务
/// 分解方案), its tasks labelled under it: the table is titled with the whole title, as the
/// plan is, not with its first line.
#[test]
fn a_title_broken_inside_its_title_marks_heads_the_table_whole() {
    let path = common::root().join("tests/fixtures/numbering/title_over_lines.md");
    let checked = fengong::check(&path).unwrap();
    let whole = "东坪区贯彻落实《关于加强新时代社区工作的意见》的任务分解方案";
    assert_eq!(checked.plan.title.as_deref(), Some(whole));
    assert_eq!(checked.plan.tasks.len(), 2);
    assert_eq!(supports(&checked.plan, 2), ["区直机关工委", "各街道党工委"]);
    let table = published_text(&path, "任务分工表.md");
    let title = table.lines().nth(1).unwrap();
    assert_eq!(title, whole, "{table}");
}

/// A notice without a 附件说明 whose body hands out three documents by name (《甲》《乙》和
/// 《丙》…现印发给你们), only the first of which is in the source: the other two are said as
/// not attached, the document the sentence cites as its grounds (根据《…》) is not counted.
#[test]
fn documents_the_body_hands_out_beyond_the_plan_are_said() {
    let path = common::root().join("tests/fixtures/notices/documents_in_body.md");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("石湾县2024年重点工作责任分解")
    );
    let said: Vec<&fengong::base::diag::Diagnostic> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "notice/attachments")
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].location.line_no(), Some(5));
    assert!(
        said[0].message.contains(
            "印发 3 个文件，发布的通知只附本方案及其任务分工表；其余文件（《石湾县2024年民生实事项目责任分解》《石湾县2024年重大项目推进计划》）"
        ),
        "{}",
        said[0].message
    );
}

/// A table whose last row stops inside a column of its own (落实情况 …前期工作已完成;县),
/// every other row's cell there a finished sentence: the source was copied in part, and
/// that is said at the row, naming the column — its task text being whole.
#[test]
fn a_last_row_cut_in_a_column_of_its_own_is_said() {
    let path = common::root().join("tests/fixtures/columns/report_cut.md");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    let cut: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/cut-off")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        cut,
        [
            "第 3 项任务的「落实情况」停在「…设计等前期工作已完成;县」，没有写完（其余各项这一栏都以句号结尾）：文字可能没有复制完整"
        ]
    );
    assert_eq!(codes_at(&checked, "source/cut-off"), [6]);
}

/// A source cut inside the label of a task's duty (…中水回用项目。(牵头单): the piece of the
/// label names no unit — no unit 牵头单, no group to fill for it — the task has no unit,
/// and the cut is said.
#[test]
fn a_label_the_source_stops_inside_names_no_unit() {
    let path = common::root().join("tests/fixtures/numbering/cut_in_a_paren_label.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(plan, 2), ["县园区服务中心"]);
    let third = plan.task(3).unwrap();
    assert!(
        third.units.is_empty() && third.unspecified.is_empty(),
        "{third:?}"
    );
    assert!(!plan.units.iter().any(|u| u.name.contains("牵头")));
    assert_eq!(codes_at(&checked, "source/cut-off"), [5]);
    let hints: Vec<&String> = (checked.report.diagnostics.iter())
        .flat_map(|d| &d.hints)
        .collect();
    assert!(!hints.iter().any(|h| h.contains("牵头单")), "{hints:?}");
}

/// A document issued as itself whose only words after its body are its table (关于…责任分工的
/// 意见: 现就…提出责任分工意见如下：, the table under it): the table prints in its body, before
/// the 署名, not as an attachment under the document's own title again; the year its body
/// names is the plan's, and that is said.
#[test]
fn an_opinion_whose_table_follows_its_body_prints_it_there() {
    let path = common::root().join("tests/fixtures/notices/opinion_with_table.md");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    assert_eq!(checked.plan.year, Some(2024));
    assert_eq!(codes_at(&checked, "plan/year-from-notice"), [5]);
    let notice = published_text(&path, "通知.md");
    let at = |s: &str| notice.find(s).unwrap_or_else(|| panic!("{s}: {notice}"));
    assert!(at("提出责任分工意见如下") < at("| 一、主要预期目标 | 1 |"));
    assert!(at("| 2 | 一般公共预算收入增长5%。 |") < at("custom-style=\"成文日期\""));
    assert!(!notice.contains("附件"), "{notice}");
    assert_eq!(
        notice.matches("重点工作责任分工的意见").count(),
        1,
        "{notice}"
    );
}

/// A plan's text from a PDF, hard-wrapped, with page numbers set `— — — 3 —` and no notice:
/// the plan prints as itself (方案.md), a labelled line's list wrapped onto the next line
/// printed whole on its line, the page number left out and said — never run into the text.
#[test]
fn a_wrapped_labelled_line_prints_whole_and_page_numbers_are_left_out() {
    let path = common::root().join("tests/fixtures/numbering/wrapped_label.md");
    let checked = fengong::check(&path).unwrap();
    assert_eq!(
        supports(&checked.plan, 1),
        [
            "区委编办",
            "区民政局（区委社会工委）",
            "园区党工委",
            "各街道党工委"
        ]
    );
    assert_eq!(codes_at(&checked, "source/page-furniture"), [11]);
    let printed = published_text(&path, "方案.md");
    assert!(
        printed
            .contains("\n协办单位：区委编办、区民政局（区委社会工委）、园区党工委、各街道党工委\n"),
        "{printed}"
    );
    assert!(!printed.contains('—'), "{printed}");
}

/// A duty that names leaders' posts beside its units (分管副县长、协管副主任负责，县发改局牵头，
/// …配合): the posts are the task's 责任领导, never units with task sheets; a group heading
/// whose lead-in ends in a colon (（一）总体要求：以…) is titled by the lead-in, its sentence
/// the group's text, not a 主要事项 a paragraph long.
#[test]
fn posts_in_a_duty_are_leaders_and_a_lead_in_titles_its_group() {
    let path = common::root().join("tests/fixtures/numbering/posts_and_lead_in.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(plan, 1), ["县发改局"]);
    assert_eq!(supports(plan, 1), ["县统计局"]);
    let person = |no: u32| plan.task(no).unwrap().person.clone();
    assert_eq!(person(1).as_deref(), Some("分管副县长、协管副主任"));
    assert_eq!(person(2).as_deref(), Some("分管副县长"));
    assert!(
        !plan
            .units
            .iter()
            .any(|u| u.name.ends_with('长') || u.name.ends_with("主任"))
    );
    // The group's text: its sentence after the colon the lead-in closes with (printed so),
    // then the tasks under it as the prose prints them.
    let groups: Vec<(&str, &str)> = (plan.groups())
        .map(|g| (g.title.as_str(), g.text.trim().lines().next().unwrap_or("")))
        .collect();
    assert_eq!(
        groups,
        [(
            "总体要求",
            "：以新发展理念为引领，坚持稳中求进，推动经济社会高质量发展。"
        )]
    );
}

/// A web table pasted with tabs, as a browser copies it: a cell of two units broken over two
/// lines without quotes (its second line carries the rest of the row), section rows of one
/// cell, a 序号 marked ★, units marked * as the lead. Every row is a task with its units, the
/// sections are sections, the marks are read and said — never a row 「序号「县税务局」不是
/// 数字」 dropped, nor a unit named 「*县住建局」 with a sheet of its own.
#[test]
fn a_pasted_web_table_keeps_its_broken_cells_sections_and_marks() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columns/web_tabs_marks.md");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.tasks.iter().map(|t| t.no).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["主要预期目标", "重点工作"]);
    assert_eq!(leads(plan, 2), ["县财政局"]);
    assert_eq!(supports(plan, 2), ["县税务局"]);
    assert_eq!(leads(plan, 4), ["县住建局"]);
    assert_eq!(supports(plan, 4), ["县财政局", "县属国有企业"]);
    assert_eq!(leads(plan, 5), ["县城管局"]);
    assert_eq!(supports(plan, 5), ["县财政局"]);
    assert!(plan.units.iter().all(|u| !u.name.contains('*')));
    assert_eq!(codes_at(&checked, "unit/lead-mark"), [10]);
    assert_eq!(codes_at(&checked, "table/marked-number"), [3]);
    let codes = codes(&checked);
    for absent in ["table/bad-number", "table/stray-line"] {
        assert!(!codes.contains(&absent), "{codes:?}");
    }
}

/// A duty naming places by a bracketed level (各市〔州〕、贵安新区数据管理部门): the task is
/// read (it was dropped, the tasks after it numbered down), the group of places shares the
/// department after the last place (never the cities' governments), and a remark that gives
/// every later task a unit (以下任务均涉及X，不再重复) gives it.
#[test]
fn a_bracketed_level_in_a_duty_and_a_remark_that_gives_later_tasks_a_unit() {
    let (_dir, input) = text_source(
        "要点.txt",
        "某省2026年数据工作要点\n\
         1.发展算力产业。集聚生态企业累计达到150家。(责任单位:省大数据局、省工业和信息化厅,各市〔州〕、贵安新区数据管理部门。除专门列出外,以下任务均涉及省数据集团,不再重复)\n\
         2.发展数据产业。培育壮大数据企业矩阵。(责任单位:省大数据局、省通信管理局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "发展算力产业。集聚生态企业累计达到150家。",
            "发展数据产业。培育壮大数据企业矩阵。"
        ]
    );
    // 各市〔州〕数据管理部门: each city's department, a group to list in [[groups]].
    assert_eq!(
        common::supports(plan, 1),
        [
            "省工业和信息化厅",
            "各市〔州〕数据管理部门",
            "贵安新区数据管理部门"
        ]
    );
    let codes = common::codes(&checked);
    assert!(codes.contains(&"unit/group-unfilled"), "{codes:?}");
    assert!(common::supports(plan, 2).contains(&"省数据集团".to_string()));
}

/// A plain 责任单位 line closed by the plan's rule for it (（第一责任单位为牵头单位，下同）):
/// the rule is quoted where the first is said to lead, never printed as part of the list.
#[test]
fn a_lead_rule_after_a_units_line_is_the_plans_rule_not_a_unit() {
    let (_dir, input) = text_source(
        "措施.txt",
        "某市若干措施\n一、营造公平竞争市场环境\n(一)推进完善PPP健康运行长效机制。\n\
         责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n时限要求:持续推进\n\
         (二)严格落实全省统一的招投标政策。\n责任单位:市建设局、市财政局\n时限要求:持续推进\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(common::leads(plan, 1), ["市发改委"]);
    assert_eq!(plan.task(1).unwrap().units_text, "市发改委、市财政局");
    let note = (checked.report.diagnostics.iter())
        .find(|d| d.code == "unit/lead-first")
        .expect("the lead said");
    assert!(
        note.message
            .starts_with("原文写明「第一责任单位为牵头单位,下同」"),
        "{}",
        note.message
    );
}

/// A numbered line that is a whole sentence naming no one, over a line of several
/// sentences each with its duty (1.主要指标的责任部门。 / 常住人口…（…牵头）万元…（…牵头）):
/// the numbered line heads those tasks, none of their text.
#[test]
fn a_numbered_line_over_a_line_of_assigned_sentences_heads_them() {
    let (_dir, input) = text_source(
        "分工.txt",
        "某市“十一五”主要目标分工\n(一)主要目标。\n1.主要指标的责任部门。\n\
         常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。(市经委牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "常住人口控制在1150万人左右。",
            "万元地区生产总值能源消耗降低20%。"
        ]
    );
    let groups = common::groups(plan);
    assert!(
        groups
            .iter()
            .any(|(title, tasks)| title.ends_with("主要指标的责任部门") && tasks == &[1, 2]),
        "{groups:?}"
    );
}

/// A page copied in part that stops inside a bracketed name (（牵头单位：城管办；责任单位：
/// 各村（社): the task keeps its lead and the piece is said, not a task with no units; two
/// labels side by side keep their space in the printed plan (规建办 责任单位：, never
/// 规建办责任单位：).
#[test]
fn a_source_cut_inside_a_bracketed_name_keeps_the_tasks_lead() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某镇百日攻坚行动方案\n\n为推进镇域环境整治，制定本方案。\n\n一、工作任务\n\
         1.开展违法建设清理整治（牵头单位：规建办 责任单位：派出所、综合执法分局）\n\
         2.推进背街小巷整治（牵头单位：城管办；责任单位：各村（社\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(common::leads(plan, 2), ["城管办"]);
    let codes = common::codes(&checked);
    assert!(codes.contains(&"source/cut-off"), "{codes:?}");
    assert!(!codes.contains(&"structure/empty-units"), "{codes:?}");
    let printed = common::published_text(&input, "方案.md");
    assert!(printed.contains("规建办 责任单位："), "{printed}");
}

/// A remark on a line of its own gives every later task its unit (以下任务均涉及区财政局，
/// 不再重复。), said; a level written in 六角括号 stays in one name (各县〔市、区〕人民政府,
/// never 各县〔市 and 区〕人民政府 with sheets of their own); a source cut inside the last
/// name keeps the units the remark gave (the cut piece is the line's, not the remark's).
#[test]
fn a_remark_line_gives_later_tasks_a_unit_and_a_bracketed_level_stays_whole() {
    let (_dir, input) = text_source(
        "要点.txt",
        "石湾区2026年城市更新工作要点\n一、老旧小区改造\n以下任务均涉及区财政局,不再重复。\n\
         1.完成老旧小区改造20个。(责任单位:区住建局、各县〔市、区〕人民政府)\n\
         2.加装电梯50部。(责任单位:区住建局、区市场监\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::supports(plan, 1),
        ["各县〔市、区〕人民政府", "区财政局"]
    );
    assert_eq!(common::supports(plan, 2), ["区财政局"]);
    assert_eq!(plan.task(2).unwrap().name_fragments, ["区市场监"]);
    let codes = common::codes(&checked);
    assert!(codes.contains(&"unit/remark"), "{codes:?}");
}

/// A 责任单位 cell written as labelled clauses side by side (牵头单位:县水利局 责任单位:县财政局、
/// 各镇人民政府): read by its labels, never units named 牵头单位：县水利局.
#[test]
fn a_units_cell_of_labels_side_by_side_is_read_by_its_labels() {
    let (_dir, input) = text_source(
        "分工表.txt",
        "青禾县2026年水利建设任务分工表\n序号 | 工作任务 | 责任单位 | 完成时限 |\n\
         1 | 完成小型水库除险加固6座 | 牵头单位:县水利局 责任单位:县财政局、各镇人民政府 | 2026年6月底前 |\n\
         2 | 新建农村供水工程12处 | 牵头单位：县水利局　责任单位：县卫健委 | 2026年11月底前 |\n\
         3 | 开展河湖清四乱专项行动 | 县河长办 | 2026年12月底前 |\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(common::leads(&plan, 1), ["县水利局"]);
    assert_eq!(common::supports(&plan, 1), ["县财政局", "各镇人民政府"]);
    assert_eq!(common::supports(&plan, 2), ["县卫健委"]);
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("2026年11月底前")
    );
    assert!(
        !(plan.tasks.iter()).any(|t| t.units.iter().any(|u| u.name.contains("单位"))),
        "{:?}",
        plan.tasks
    );
}

/// A numbered line whose first sentence is a heading before sentences each with its duty
/// (2.教育和卫生。新建幼儿园3所。（…）改造乡镇卫生院5所。（…）): the sentence heads them;
/// the printed plan says each heading once.
#[test]
fn a_numbered_lines_opening_heading_heads_the_assigned_sentences_after_it() {
    let (_dir, input) = text_source(
        "分工.txt",
        "青禾县2026年民生实事分工\n一、主要目标任务分工\n1.就业和社会保障。\n\
         城镇新增就业3000人。(县人社局牵头)新增养老床位200张。(县民政局牵头)\n\
         2.教育和卫生。新建幼儿园3所。(县教育局牵头)改造乡镇卫生院5所。(县卫健委牵头)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        common::contents(&plan),
        [
            "城镇新增就业3000人。",
            "新增养老床位200张。",
            "新建幼儿园3所。",
            "改造乡镇卫生院5所。"
        ]
    );
    let groups = common::groups(&plan);
    assert!(
        groups
            .iter()
            .any(|(t, tasks)| t.contains("教育和卫生") && tasks == &[3, 4]),
        "{groups:?}"
    );
    let printed = common::published_text(&input, "方案.md");
    assert_eq!(printed.matches("就业和社会保障").count(), 1, "{printed}");
    assert_eq!(printed.matches("教育和卫生").count(), 1, "{printed}");
}

/// Tasks numbered (一) (二) with labelled lines under them, and a page that stops inside
/// (三): no 主要事项 over no tasks (it was said as numbered from （三）, the tasks above as
/// having none, and printed bold as a heading); the cut line prints as written, said cut.
#[test]
fn a_cut_last_item_at_the_task_level_heads_no_group() {
    let (_dir, input) = text_source(
        "措施.txt",
        "某市若干措施\n一、营造公平竞争市场环境\n(一)推进完善PPP健康运行长效机制。\n\
         责任单位:市发改委\n时限要求:持续推进\n(二)严格落实全省统一的招投标政策。\n\
         责任单位:市建设局\n时限要求:持续推进\n(三)畅通货币信贷政策传导机制,加强政策效果监测与评估,提高政策精准\n",
    );
    let checked = fengong::check(&input).unwrap();
    let codes = common::codes(&checked);
    assert!(codes.contains(&"source/cut-off"), "{codes:?}");
    for wrong in ["group/number-skipped", "table/label-missing"] {
        assert!(!codes.contains(&wrong), "{codes:?}");
    }
    let groups = common::groups(&checked.plan);
    assert!(
        groups.iter().all(|(t, _)| !t.contains("畅通")),
        "{groups:?}"
    );
    let printed = common::published_text(&input, "方案.md");
    assert!(
        printed.contains("\n（三）畅通货币信贷政策传导机制，"),
        "{printed}"
    );
}

/// A notice whose attachment is the plan's title, its preamble and a table with no title of
/// its own: the attachment prints the title once, over the preamble (the table repeated it
/// under the preamble).
#[test]
fn the_plans_title_prints_once_over_its_text_and_table() {
    let (_dir, input) = text_source(
        "分工.md",
        "柳川县人民政府文件\n\n关于印发柳川县2025年重点工作分工的通知\n\n\
         各乡镇人民政府，县政府各部门：\n\n\
         《柳川县2025年重点工作分工》已经县政府同意，现印发给你们，请认真贯彻落实。\n\n\
         附件：柳川县2025年重点工作分工\n\n柳川县人民政府\n\n2025年2月28日\n\n附件\n\n\
         # **柳川县2025年重点工作分工**\n\n\
         2025年是规划的收官之年。现将2025年县政府重点工作分工如下：\n\n\
         | 序号 | 工作任务 | 牵头单位 |\n|---|---|---|\n\
         | 1 | 地区生产总值增长6%。 | 县发展和改革局 |\n\
         | 2 | 一般公共预算收入增长3.5%左右。 | 县财政局 |\n",
    );
    let text = common::published_text(&input, "通知.md");
    let titles = text
        .lines()
        .filter(|l| l.trim() == "柳川县2025年重点工作分工")
        .count();
    assert_eq!(titles, 1, "{text}");
    assert!(
        text.contains("现将2025年县政府重点工作分工如下："),
        "{text}"
    );
}

/// A part's heading run into the sentence after it with no stop between (二、责任主体及工作
/// 分工按照上述原则，明确…。): the table's band is the title alone; the sentence stays in
/// the printed plan, once.
#[test]
fn a_heading_run_into_its_sentence_names_its_part_by_its_title() {
    let (_dir, input) = text_source(
        "分工.txt",
        "某市主要目标分工\n一、分工原则\n(一)落实责任主体。依据各部门的职责分工,将主要目标分解落实到相关部门。\n\
         二、责任主体及工作分工按照上述原则,明确落实《纲要》中主要目标的责任主体及其工作分工。\n\
         1.常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)\n\
         2.万元地区生产总值能源消耗降低20%。(市经委牵头)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let part = &plan.sections[plan.task(1).unwrap().section as usize - 1];
    assert_eq!(part.title, "责任主体及工作分工");
    let printed = common::published_text(&input, "方案.md");
    assert_eq!(printed.matches("按照上述原则").count(), 1, "{printed}");
}

/// A progress table whose last column is named like a task (全年目标) right of the lead and
/// two quarters, pasted one cell a line and as a bar table: each row is its 重点任务, led
/// by its unit; the quarters and the year's target are columns kept as written.
#[test]
fn a_target_right_of_the_units_is_a_column_not_the_task() {
    let stacked = "青禾县2026年重点工作任务进度表\n序号\n重点任务\n牵头单位\n一季度\n二季度\n全年目标\n\
        1\n推进工业园区扩区。\n县发改局\n完成选址\n完成报批\n扩区到位\n\
        2\n新建社区食堂。\n县民政局\n建成1家\n建成2家\n建成3家\n";
    let bars = "青禾县2026年重点工作任务进度表\n\n\
        | 序号 | 重点任务 | 牵头单位 | 一季度 | 二季度 | 全年目标 |\n\
        |---|---|---|---|---|---|\n\
        | 1 | 推进工业园区扩区。 | 县发改局 | 完成选址 | 完成报批 | 扩区到位 |\n\
        | 2 | 新建社区食堂。 | 县民政局 | 建成1家 | 建成2家 | 建成3家 |\n";
    for (name, text) in [("进度表.txt", stacked), ("进度表.md", bars)] {
        let (_dir, path) = text_source(name, text);
        let checked = fengong::check(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let plan = &checked.plan;
        assert_eq!(
            contents(plan),
            ["推进工业园区扩区。", "新建社区食堂。"],
            "{name}"
        );
        assert_eq!(leads(plan, 2), ["县民政局"], "{name}");
        assert_eq!(
            plan.table.extra_columns,
            ["一季度", "二季度", "全年目标"],
            "{name}"
        );
        assert_eq!(
            plan.task(2).unwrap().extra,
            ["建成1家", "建成2家", "建成3家"]
        );
        assert!(plan.groups().all(|g| g.title.is_empty()), "{name}");
    }
}

/// An indicator table (序号 | 指标名称 | 责任单位 | 全年目标), pasted one cell a line and
/// as a bar table: the indicator is the task, the year's target right of the units a column
/// of its own — not tasks reading `7%`.
#[test]
fn an_indicator_left_of_the_units_is_the_task_beside_a_target_right_of_them() {
    let stacked = "柳川县2026年主要经济指标分解表\n序号\n指标名称\n责任单位\n全年目标\n\
        1\n地区生产总值增速\n县发改局\n7%\n\
        2\n规模以上工业增加值增速\n县工信局\n8.5%\n\
        3\n一般公共预算收入\n县财政局、县税务局\n12亿元\n";
    let bars = "柳川县2026年主要经济指标分解表\n\n\
        | 序号 | 指标名称 | 责任单位 | 全年目标 |\n|---|---|---|---|\n\
        | 1 | 地区生产总值增速 | 县发改局 | 7% |\n\
        | 2 | 规模以上工业增加值增速 | 县工信局 | 8.5% |\n\
        | 3 | 一般公共预算收入 | 县财政局、县税务局 | 12亿元 |\n";
    for (name, text) in [("指标.txt", stacked), ("指标.md", bars)] {
        let (_dir, path) = text_source(name, text);
        let checked = fengong::check(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let plan = &checked.plan;
        assert_eq!(
            contents(plan),
            [
                "地区生产总值增速",
                "规模以上工业增加值增速",
                "一般公共预算收入"
            ],
            "{name}"
        );
        assert_eq!(leads(plan, 3), ["县财政局"], "{name}");
        assert_eq!(supports(plan, 3), ["县税务局"], "{name}");
        assert_eq!(plan.table.extra_columns, ["全年目标"], "{name}");
        assert_eq!(plan.task(1).unwrap().extra, ["7%"], "{name}");
        assert!(
            codes(&checked).contains(&"table/content-column"),
            "{name}: {:?}",
            codes(&checked)
        );
    }
}

/// Measures numbered （一）… each with 责任单位： and 时限要求： lines, one in the middle and
/// the last without them (the page lost them, or the writer forgot): each is a task whose
/// units are missing — an error naming it — never a group over the next measure nor text
/// left in the plan alone. A sentence heading measures numbered under it still heads them;
/// where headings head measures, one with nothing under it is the plan's text (as 保障措施
/// are), not a task.
#[test]
fn a_measure_without_its_labelled_lines_is_a_task_missing_its_units() {
    let text = "石湾区优化营商环境若干措施\n\n一、破除不合理门槛\n\n\
        (一)推进完善长效机制建设,加强存量项目监管。\n\n责任单位:区发改委、区财政局\n\n时限要求:持续推进\n\n\
        (二)严格落实统一的招投标政策,消除不合理限制。\n\n\
        (三)畅通货币信贷政策传导机制,提高政策精准度。\n\n责任单位:区金融办\n\n时限要求:持续推进\n\n\
        二、提升政务服务\n\n\
        (四)推进政务服务标准化建设。\n\n\
        1.优化审批流程,压减申报材料。\n\n责任单位:区行政审批局\n\n\
        2.推行一窗受理。\n\n责任单位:区政务服务中心\n\n\
        (五)加强政策效果监测与评估。\n";
    let (_dir, path) = text_source("措施.md", text);
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5, "{:?}", contents(plan));
    assert_eq!(
        plan.task(2).unwrap().content,
        "严格落实统一的招投标政策,消除不合理限制。"
    );
    assert!(plan.task(2).unwrap().units.is_empty());
    assert_eq!(leads(plan, 3), ["区金融办"]);
    assert_eq!(plan.task(4).unwrap().content, "优化审批流程,压减申报材料。");
    let headed: Vec<(String, Vec<u32>)> = groups(plan)
        .into_iter()
        .filter(|(title, _)| !title.is_empty())
        .collect();
    assert_eq!(
        headed,
        [
            ("推进政务服务标准化建设".to_string(), vec![4, 5]),
            ("加强政策效果监测与评估".to_string(), vec![])
        ]
    );
    assert_eq!(codes_at(&checked, "structure/empty-units"), [11]);
    // The last measure without its lines, where the page ends.
    let text = "石湾区优化营商环境若干措施\n\n(一)推进完善长效机制建设。\n\n责任单位:区发改委\n\n\
        (二)严格落实招投标政策。\n\n责任单位:区住建局\n\n(三)畅通货币信贷政策传导机制,提高政策精准度。\n";
    let (_dir, path) = text_source("措施.md", text);
    let checked = fengong::check(&path).unwrap();
    assert_eq!(
        contents(&checked.plan).last().copied(),
        Some("畅通货币信贷政策传导机制,提高政策精准度。")
    );
    assert_eq!(codes_at(&checked, "structure/empty-units"), [11]);
}

/// A table numbered first and grouped second (序号 | 类别 | …): the published table keeps
/// that order, its 类别 merged down the group's rows in the second column.
#[test]
fn a_group_column_right_of_the_number_stays_there() {
    let text = "柳川县2026年河湖治理任务分解表\n\n\
        | 序号 | 类别 | 工作任务 | 牵头单位 |\n|---|---|---|---|\n\
        | 1 | 水资源保护 | 实施用水总量和强度双控。 | 县水利局 |\n\
        | 2 |  | 推进节水型社会建设。 | 县水利局 |\n\
        | 3 | 水污染防治 | 新建污水管网12公里。 | 县住建局 |\n";
    let (_dir, path) = text_source("分解表.md", text);
    assert_eq!(
        groups(&fengong::check(&path).unwrap().plan),
        [
            ("水资源保护".to_string(), vec![1, 2]),
            ("水污染防治".to_string(), vec![3])
        ]
    );
    let table = published_text(&path, "任务分工表.md");
    let header = table
        .lines()
        .find(|l| l.starts_with("| 序号"))
        .unwrap_or("");
    assert!(header.starts_with("| 序号 | 类别 | 工作任务 |"), "{table}");
    assert!(table.contains("| 2 |  | 推进节水型社会建设。 |"), "{table}");
}

/// Two units typed with nothing between them (交警中队市场监管所), the second listed alone
/// elsewhere: said, as likely two units; an office after a listed body (区政府办公室 beside
/// 区政府) is one name.
#[test]
fn two_units_typed_as_one_are_said() {
    let text = "石湾区2026年安全生产专项整治安排表\n\n\
        | 序号 | 行业 | 时间安排 | 责任单位 |\n|---|---|---|---|\n\
        | 1 | 道路交通 | 1月份 | 交警中队、市场监管所 |\n\
        | 2 | 人员密集场所 | 3月份 | 区政府、区政府办公室 |\n\
        | 3 | 网吧、KTV | 8月份 | 文化站、交警中队市场监管所 |\n";
    let (_dir, path) = text_source("安排表.md", text);
    let checked = fengong::check(&path).unwrap();
    let said: Vec<String> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/maybe-two")
        .map(|d| format!("{} {}", d.location, d.message))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains(":7 "), "{said:?}");
    assert!(
        said[0].contains("「交警中队市场监管所」像是两个单位「交警中队」「市场监管所」连写"),
        "{said:?}"
    );
}

/// A table pasted one cell a line where every cell ends in a bar and an empty cell is a bar
/// alone: the empty cell keeps its column — the year's target stays under 全年目标, not
/// moved into the empty quarter.
#[test]
fn a_bar_alone_is_an_empty_cell_where_every_cell_ends_in_one() {
    let text = "某县2025年重点工作任务进度表\n序号 |\n重点任务 |\n牵头单位 |\n一季度 |\n二季度 |\n全年目标 |\n\
        1 |\n推进工业园区扩区。 |\n县发改局 |\n完成选址 |\n|\n扩区到位 |\n\
        2 |\n新建社区食堂。 |\n县民政局 |\n建成1家 |\n建成2家 |\n建成3家 |\n";
    let (_dir, path) = text_source("进度表.md", text);
    let plan = fengong::check(&path).unwrap().plan;
    assert_eq!(plan.table.extra_columns, ["一季度", "二季度", "全年目标"]);
    assert_eq!(plan.task(1).unwrap().extra, ["完成选址", "", "扩区到位"]);
    assert_eq!(
        plan.task(2).unwrap().extra,
        ["建成1家", "建成2家", "建成3家"]
    );
}

/// Labelled measures whose last two labels stand over a 保障措施 heading (责任单位：区工商联
/// / 时限要求：长期坚持 / （四）保障措施): lines of the measure, no table's header — the
/// measure is a task of 区工商联's, the heading's paragraph the plan's text.
#[test]
fn labelled_lines_over_a_closing_heading_are_no_table_header() {
    let text = "石湾区优化营商环境若干措施\n\n一、提升政务服务\n\n\
        （一）推行企业开办一日办结。\n责任单位：区市场监管局\n时限要求：2025年3月底\n\n\
        （二）全面推行告知承诺制。\n责任单位：区行政审批局\n时限要求：2025年6月底\n\n\
        （三）建立企业诉求“直通车”，企业诉求3个工作日内响应。\n责任单位：区工商联\n时限要求：长期坚持\n\n\
        （四）保障措施\n\n各责任单位要明确分管领导和具体责任人，每月5日前报送上月落实情况。\n";
    let (_dir, path) = text_source("措施.txt", text);
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3, "{:?}", contents(plan));
    assert_eq!(leads(plan, 3), ["区工商联"]);
    let codes = codes(&checked);
    assert!(!codes.contains(&"table/cells-per-line"), "{codes:?}");
    assert!(!codes.contains(&"table/unnumbered-row"), "{codes:?}");
}

/// Labels written on in a task's own paragraph after its sentence ends (1.整治…。责任单位：
/// 县城管局。完成时限：…。) are its labels; a label inside its brackets stays the bracket's.
#[test]
fn labels_after_a_tasks_sentence_in_its_own_paragraph_are_read() {
    let (_dir, input) = text_source(
        "方案.txt",
        "桐江县市容环境整治工作方案\n\n一、主要任务\n\
         1.整治占道经营行为。责任单位：县城管局。完成时限：2026年6月底前。\n\
         2.清理违规户外广告，规范店招店牌。牵头单位：县城管局；配合单位：县市场监管局、县住建局。\n\
         3.规范渣土运输。责任单位：县交通运输局，县公安局配合。\n\
         4.推进老旧小区加装电梯。[牵头单位:县住建局;责任单位:县财政局、各镇(街道)]\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        common::contents(&plan),
        [
            "整治占道经营行为。",
            "清理违规户外广告，规范店招店牌。",
            "规范渣土运输。",
            "推进老旧小区加装电梯。"
        ]
    );
    assert_eq!(common::leads(&plan, 1), ["县城管局"]);
    assert_eq!(
        plan.task(1).unwrap().deadline_text.as_deref(),
        Some("2026年6月底前")
    );
    assert_eq!(common::supports(&plan, 2), ["县市场监管局", "县住建局"]);
    assert_eq!(common::leads(&plan, 3), ["县交通运输局"]);
    assert_eq!(common::supports(&plan, 3), ["县公安局"]);
    assert_eq!(common::supports(&plan, 4), ["县财政局", "各镇（街道）"]);
}

/// A sentence giving items out by their numbers (以上第2、3项工作由…; 上述第1、2项由X负责，第3项
/// 由Y负责) gives each only the items it names; a number with no item above is warned.
#[test]
fn a_sentence_naming_items_by_number_gives_out_only_those() {
    let (_dir, input) = text_source(
        "方案.txt",
        "柳川县背街小巷整治工作方案\n\n一、主要任务\n\
         1.开展背街小巷路面修补。（县住建局负责）\n2.清理背街小巷乱堆乱放。\n\
         3.规范背街小巷停车秩序。\n以上第2、3项工作由县城管局牵头，县公安局配合。\n\
         二、重点工程\n1.推进农村厕所改造。\n2.开展村庄清洁行动。\n3.治理农村生活污水。\n\
         上述第1至2项由县农业农村局牵头负责，第3项由县水利局负责。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 6);
    assert_eq!(common::leads(plan, 1), ["县住建局"]);
    for no in [2, 3] {
        assert_eq!(common::leads(plan, no), ["县城管局"]);
        assert_eq!(common::supports(plan, no), ["县公安局"]);
    }
    assert_eq!(common::leads(plan, 4), ["县农业农村局"]);
    assert_eq!(common::leads(plan, 5), ["县农业农村局"]);
    assert_eq!(common::leads(plan, 6), ["县水利局"]);
    assert!(!common::codes(&checked).contains(&"source/unused"));

    let (_dir, input) = text_source(
        "方案.txt",
        "柳川县背街小巷整治工作方案\n\n一、主要任务\n\
         1.开展背街小巷路面修补。（县住建局负责）\n2.清理背街小巷乱堆乱放。\n\
         以上第2、5项工作由县城管局牵头负责。\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(common::leads(&checked.plan, 2), ["县城管局"]);
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "plan/items-above")
        .expect("said");
    assert!(said.message.contains("第 5 项"), "{}", said.message);
}

/// An empty 责任单位： over a line per unit with its role (县水利局：牵头) names the task's
/// lead and supports — and is no 主送 line of a notice.
#[test]
fn a_unit_per_line_under_an_empty_label_says_its_role() {
    let (_dir, input) = text_source(
        "方案.txt",
        "澄溪县水毁设施修复工作方案\n\n一、修复任务\n1.修复城区防洪堤。\n责任单位：\n\
         县水利局：牵头\n县住建局：配合\n完成时限：2026年5月底前\n2.修复乡村道路。\n\
         责任单位：\n县交通运输局（牵头）\n各乡镇人民政府（配合）\n完成时限：2026年6月底前\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.title.as_deref(), Some("澄溪县水毁设施修复工作方案"));
    assert_eq!(common::leads(plan, 1), ["县水利局"]);
    assert_eq!(common::supports(plan, 1), ["县住建局"]);
    assert_eq!(common::leads(plan, 2), ["县交通运输局"]);
    assert_eq!(common::supports(plan, 2), ["各乡镇人民政府"]);
    assert_eq!(
        plan.task(2).unwrap().deadline_text.as_deref(),
        Some("2026年6月底前")
    );
    assert!(plan.notice.recipients.is_empty());
}

/// A verb after a unit's role word (牵头推进, 牵头组织实施, 配合做好) says how, not who: the
/// unit is the name before the role word, in brackets and in a units cell alike.
#[test]
fn a_verb_after_the_role_word_is_no_part_of_the_units_name() {
    let (_dir, input) = text_source(
        "方案.txt",
        "桐江县优化营商环境工作方案\n一、重点任务\n\
         1.优化审批服务。压缩审批时限。（县行政审批局牵头推进）\n\
         2.强化要素保障。做好用地保障。（县自然资源局牵头组织实施，县住建局配合做好）\n\
         3.加强督查考核。（县政府督查室牵头抓总）\n\
         4.推进项目建设。（县发改局牵头县住建局、县财政局配合）\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(common::leads(&plan, 1), ["县行政审批局"]);
    assert_eq!(common::leads(&plan, 2), ["县自然资源局"]);
    assert_eq!(common::supports(&plan, 2), ["县住建局"]);
    assert_eq!(common::leads(&plan, 3), ["县政府督查室"]);
    let named: Vec<String> = (1..=4).flat_map(|no| everyone_named(&plan, no)).collect();
    assert!(
        named
            .iter()
            .all(|n| !n.contains("推进") && !n.contains("做好")),
        "{named:?}"
    );
    assert!(named.iter().any(|n| n == "县住建局"), "{named:?}");
}

/// A notice whose 主送 line lost its colon, under the notice's title, is still the notice:
/// read, its 主送 printed with the colon, and said.
#[test]
fn a_notice_whose_recipients_lack_their_colon_is_read_and_said() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发云岙县河长制行动计划的通知\n各乡镇人民政府，县直各部门\n\
         现将《云岙县河长制行动计划》印发给你们，请认真贯彻落实。\n\
         云岙县人民政府办公室\n2026年3月2日\n云岙县河长制行动计划\n一、主要任务\n\
         1.建立河长制组织体系。（县水务局牵头）\n2.开展河湖清四乱。（县水务局牵头，各乡镇人民政府配合）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.recipients, ["各乡镇人民政府", "县直各部门"]);
    assert_eq!(notice.signer.as_deref(), Some("云岙县人民政府办公室"));
    let codes = common::codes(&checked);
    assert!(codes.contains(&"notice/recipients-colon"), "{codes:?}");
    assert!(!codes.contains(&"notice/not-made"), "{codes:?}");
}

/// Paragraphs opening with the leader who answers for the work (由李四副县长负责，X牵头，Y配合，
/// …; 分管副县长：王五；X牵头…) under an item's title line: the leader is the task's, the title
/// heads its words, and every line is read.
#[test]
fn a_leader_named_before_the_units_and_titles_over_the_paragraphs() {
    let (_dir, input) = text_source(
        "分工.txt",
        "桐江县争取上级支持事项分工\n1、城市轨道交通项目\n\
         由李四副县长负责，县发改局牵头，县财政局配合，尽快完成项目报批。\n\
         2、污水处理厂项目\n分管副县长：王五；县住建局牵头，县生态环境局、县水利局分别负责管网和排口，加快前期工作。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan)[0],
        "城市轨道交通项目：由李四副县长负责，县发改局牵头，县财政局配合，尽快完成项目报批。"
    );
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("李四副县长"));
    assert_eq!(common::leads(plan, 1), ["县发改局"]);
    assert_eq!(common::supports(plan, 1), ["县财政局"]);
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("王五"));
    assert_eq!(common::leads(plan, 2), ["县住建局"]);
    assert_eq!(common::supports(plan, 2), ["县生态环境局", "县水利局"]);
    assert!(!common::codes(&checked).contains(&"source/unused"));
}

/// A numbered item closed by a sentence that only says who does it (区发展改革局牵头，区财政局
/// 配合。) is given out by it; an item's title a paragraph apart heads its words with ：, a
/// hard-wrapped sentence runs on without one.
#[test]
fn an_items_closing_duty_sentence_and_its_title_line() {
    let (_dir, input) = text_source(
        "方案.txt",
        "青禾县2026年工作方案\n一、重点任务\n\
         1.推进项目建设。加快推进重点项目。县发展改革局牵头，县财政局配合。\n\
         2.加强资金保障。统筹安排资金。县财政局牵头，相关部门配合。\n\
         3、优化营商环境\n压缩审批时限。（县行政审批局牵头）\n\
         4.鼓励有条件的园区、企业为职工提供托育服务，培育\n不少于5家示范点。（县卫健局牵头）\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        common::contents(&plan),
        [
            "推进项目建设。加快推进重点项目。",
            "加强资金保障。统筹安排资金。",
            "优化营商环境：压缩审批时限。",
            "鼓励有条件的园区、企业为职工提供托育服务，培育不少于5家示范点。"
        ]
    );
    assert_eq!(common::leads(&plan, 1), ["县发展改革局"]);
    assert_eq!(common::supports(&plan, 1), ["县财政局"]);
    assert_eq!(common::leads(&plan, 2), ["县财政局"]);
    assert_eq!(plan.task(2).unwrap().unspecified, ["相关部门"]);
}

/// Numbers that point at work set elsewhere (聚焦…规划102项重大工程, 第12条) are no targets of
/// the task; the task's own figures are.
#[test]
fn numbers_that_refer_are_no_targets() {
    let (_dir, input) = text_source(
        "方案.txt",
        "青禾县2026年工作方案\n一、重点任务\n\
         1.聚焦国家“十四五”规划102项重大工程，梳理筛选项目。（县发改局牵头）\n\
         2.对照《优化营商环境条例》第12条，清理规范涉企收费。（县市场监管局牵头）\n\
         3.围绕县委确定的18个重点产业链，开展精准招商。（县商务局牵头）\n\
         4.按照时间节点完成15个老旧小区改造。（县住建局牵头）\n\
         5.全年新增城镇就业3000人以上。（县人社局牵头）\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let targets: Vec<usize> = plan.tasks.iter().map(|t| t.targets.len()).collect();
    assert_eq!(targets, [0, 0, 0, 1, 1]);
}

/// A notice whose plan names its units inline, beside a 分工表 in a workbook: the table is
/// the division of work, the notice is read, and the text's tasks the table lacks are said
/// (it was an error: two tables).
#[test]
fn a_notice_with_inline_duties_beside_a_table_in_a_workbook() {
    let (_dir, checked) = notice_beside_workbook(
        3,
        "（一）压缩企业开办时间，全面推行一网通办。（牵头单位：县市场监管局）\n\
         （二）优化工程建设项目审批流程。（牵头单位：县住建局）\n\
         （三）建立企业诉求快速响应机制。（牵头单位：县工信局）\n",
    );
    let plan = &checked.plan;
    assert_eq!(plan.notice.doc_number.as_deref(), Some("云政办〔2026〕3号"));
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(common::leads(plan, 2), ["县住建局"]);
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "input/tasks-in-text-and-table")
        .expect("said");
    assert!(
        said.message.contains("建立企业诉求快速响应机制"),
        "{}",
        said.message
    );
}

/// A line the copy stops inside after a part's groups (（三）大力推行“首席服务员) prints where it
/// stands, after them; a short line of a few words (工作目标) over a sentence is a paragraph
/// of its own, not run into it.
#[test]
fn words_after_a_parts_groups_and_a_short_line_print_where_they_stand() {
    let (_dir, input) = text_source(
        "方案.txt",
        "关于印发某区工作方案的通知\n各街道办事处，区政府各部门：\n\
         现将《某区2026年工作方案》印发给你们，请认真贯彻落实。\n某区人民政府\n2026年3月1日\n\
         某区2026年工作方案\n工作目标\n到2026年底，全面建立企业服务专员制度。\n一、重点任务\n\
         （一）推进项目建设。加快推进重点项目。（牵头单位：区发展改革局）\n\
         （二）加强资金保障。统筹安排资金。（牵头单位：区财政局）\n（三）大力推行“首席服务员\n",
    );
    let printed = common::published_text(&input, "通知.md");
    let at = |words: &str| {
        printed
            .find(words)
            .unwrap_or_else(|| panic!("{words}: {printed}"))
    };
    assert!(at("（一）推进项目建设") < at("（二）加强资金保障"));
    assert!(at("（二）加强资金保障") < at("（三）大力推行"), "{printed}");
    assert!(!printed.contains("工作目标到2026年底"), "{printed}");
    assert!(at("工作目标") < at("到2026年底"));
}

/// A leader named before who does the work — the post before the name (由副市长李四负责), or
/// the government's head answering for the whole (由市政府主要领导负总责) — is the task's
/// 责任领导; the units after it still lead and support. Half-width commas read the same.
#[test]
fn a_leader_named_before_the_units_is_the_tasks_leader() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某市2026年城市更新工作方案\n为加快推进城市更新，制定本方案。\n一、主要任务\n\
         （一）老旧小区改造。完成老旧小区改造30个。由副市长李四负责，市住建局牵头，市财政局、市自然资源局配合，2026年11月底前完成。\n\
         （二）城中村改造。启动城中村改造项目3个。由市政府主要领导负总责,市住建局牵头,各区政府配合,2026年12月底前完成。\n\
         （三）背街小巷整治。整治背街小巷50条。由王五副市长负责，市城管局牵头，市交通局配合，2026年10月底前完成。\n\
         二、工作要求\n（一）加强统筹。各责任单位要建立工作台账。\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 3, "{:?}", common::contents(&plan));
    let persons: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.person.as_deref()).collect();
    assert_eq!(
        persons,
        [
            Some("副市长李四"),
            Some("市政府主要领导"),
            Some("王五副市长")
        ]
    );
    assert_eq!(common::leads(&plan, 1), ["市住建局"]);
    assert_eq!(common::supports(&plan, 1), ["市财政局", "市自然资源局"]);
    assert_eq!(common::supports(&plan, 2), ["各区政府"]);
    assert_eq!(common::leads(&plan, 3), ["市城管局"]);
}

/// Items numbered 一、 with their labelled lines under them (责任单位：, 完成时限：) are the
/// tasks: the finest level that carries the work is the task level, also 一、.
#[test]
fn items_numbered_at_the_top_level_with_labelled_lines_are_tasks() {
    for (colon, comma) in [("：", "，"), (":", ",")] {
        let (_dir, input) = text_source(
            "方案.txt",
            &format!(
                "某区2026年民生实事项目实施方案\n\
                 一、新建幼儿园3所{comma}新增学位900个。\n责任单位{colon}区教育局\n完成时限{colon}2026年8月底\n\
                 二、改造农贸市场5个。\n责任单位{colon}区商务局、区市场监管局\n完成时限{colon}2026年10月底\n\
                 三、新增公共停车泊位2000个。\n牵头单位{colon}区交通运输局\n配合单位{colon}区城管局\n"
            ),
        );
        let plan = fengong::check(&input).unwrap().plan;
        assert_eq!(
            common::contents(&plan),
            [
                format!("新建幼儿园3所{comma}新增学位900个。").as_str(),
                "改造农贸市场5个。",
                "新增公共停车泊位2000个。"
            ]
        );
        assert_eq!(common::leads(&plan, 2), ["区商务局"]);
        assert_eq!(common::supports(&plan, 2), ["区市场监管局"]);
        assert_eq!(common::supports(&plan, 3), ["区城管局"]);
        let deadline = plan.tasks[0].deadline.map(|d| d.to_string());
        assert_eq!(deadline.as_deref(), Some("2026-08-31"));
    }
}

/// A unit written with its other name in brackets (市委组织部（市人才办）) in a label after
/// the task's sentence: the label is read, not left in the text — the office by its name,
/// its other nameplate said (its sheet was 「市委组织部（市人才办）」, apart from the
/// 市委组织部 of other tasks).
#[test]
fn a_unit_with_its_other_name_in_brackets_in_a_trailing_label() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某市2026年科技创新工作要点\n一、强化人才支撑\n\
         1.引进高层次人才100名。责任单位：市委组织部（市人才办），市人社局。\n\
         2.建设人才公寓500套。责任单位：市住建局，市人才办。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        ["引进高层次人才100名。", "建设人才公寓500套。"]
    );
    assert_eq!(common::leads(plan, 1), ["市委组织部"]);
    assert_eq!(common::supports(plan, 1), ["市人社局"]);
    let said = messages(&checked, "unit/second-name");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("「市人才办」读作同一单位的另一名称"),
        "{}",
        said[0]
    );
}

/// 二、工作要求 with items numbered as the tasks are (1.加强领导。…) but naming no one, after
/// parts whose tasks all name their units: the plan's requirements, printed as its text and
/// said — not tasks without units that stop the publish. The sentence giving out the items
/// above it (以上第1～3项由…) is where their units are read from: findings point at it, and
/// it is not said to be an assignment left unread.
#[test]
fn closing_requirements_numbered_like_tasks_are_the_plans_text() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某县2026年水利建设工作方案\n一、重点工作\n1.实施中小河流治理工程，治理河长20公里。\n\
         2.完成病险水库除险加固3座。\n3.新建农村供水工程10处。\n\
         以上第1～3项由县水利局牵头，县财政局、县自然资源局配合，2026年11月底前完成。\n\
         4.开展河湖“清四乱”专项行动。（县河长办牵头，各乡镇配合，2026年6月底前完成）\n\
         二、工作要求\n1.加强领导。各乡镇要成立工作专班。\n2.强化保障。县财政局要落实配套资金。\n\
         3.严格考核。将工作纳入年度考核。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4, "{:?}", common::contents(plan));
    assert_eq!(common::supports(plan, 2), ["县财政局", "县自然资源局"]);
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"structure/empty-units"), "{codes:?}");
    assert!(!codes.contains(&"text/assignment-not-read"), "{codes:?}");
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "plan/items-not-tasks")
        .expect("said");
    assert!(said.message.contains("工作要求"), "{}", said.message);
    assert_eq!(said.location.line_no(), Some(8));
    let unit = (checked.report.diagnostics.iter())
        .find(|d| d.code == "unit/unknown" && d.message.contains("县水利局"))
        .expect("unknown unit");
    assert_eq!(unit.location.line_no(), Some(6));
    let printed = common::published_text(&input, "方案.md");
    assert!(printed.contains("县财政局要落实配套资金"), "{printed}");
}

/// A closing bracket that gives out the items above it (（以上第1、2项由…）) at the end of
/// the last of them gives every item it names its duty, not only the one it closes.
#[test]
fn a_bracket_naming_the_items_above_gives_each_of_them_its_duty() {
    for bracket in [
        "（以上第1、2项由县教育局牵头，县发改局、县财政局配合，2026年12月底前完成）",
        "（以上两项由县教育局牵头，县发改局、县财政局配合，2026年12月底前完成）",
    ] {
        let (_dir, input) = text_source(
            "方案.txt",
            &format!(
                "某县2026年教育工作要点\n一、基础教育\n1.新建城区小学1所。\n2.改扩建乡镇幼儿园5所。{bracket}\n\
                 二、职业教育\n3.建设县职教中心实训基地。（县教育局牵头，县人社局配合，2026年9月底前完成）\n"
            ),
        );
        let checked = fengong::check(&input).unwrap();
        let plan = &checked.plan;
        assert_eq!(
            common::contents(plan),
            [
                "新建城区小学1所。",
                "改扩建乡镇幼儿园5所。",
                "建设县职教中心实训基地。"
            ],
            "{bracket}"
        );
        for no in [1, 2] {
            assert_eq!(common::leads(plan, no), ["县教育局"], "{bracket}");
            assert_eq!(common::supports(plan, no), ["县发改局", "县财政局"]);
            let deadline = plan.tasks[no as usize - 1].deadline.map(|d| d.to_string());
            assert_eq!(deadline.as_deref(), Some("2026-12-31"));
        }
        assert!(!common::codes(&checked).contains(&"plan/numbers-as-written"));
    }
}

/// A 主送 line with no colon under the 发文字号 and title is the 主送, said; the body after
/// it is the body alone.
#[test]
fn a_recipients_line_without_its_colon_under_the_doc_number() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发某区2026年民生实事项目实施方案的通知\n某府办〔2026〕8号\n各街道办事处，区政府各部门\n\
         现将《某区2026年民生实事项目实施方案》印发给你们，请结合实际认真贯彻执行。\n\
         某区人民政府办公室\n2026年2月20日\n某区2026年民生实事项目实施方案\n\
         一、新建幼儿园3所。\n责任单位：区教育局\n完成时限：2026年8月底\n\
         二、改造农贸市场5个。\n责任单位：区商务局\n完成时限：2026年10月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.recipients, ["各街道办事处", "区政府各部门"]);
    assert!(
        notice.body[0].text.starts_with("现将《"),
        "{:?}",
        notice.body
    );
    assert!(common::codes(&checked).contains(&"notice/recipients-colon"));
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// A part's heading closing with who leads its work in brackets (一、扩大有效投资政策（由县发
/// 改局牵头实施）) heads the items under it, which that body leads; headings of that form with
/// no items under them are tasks numbered 一、 themselves.
#[test]
fn a_parts_heading_naming_its_lead_in_brackets_leads_its_items() {
    let (_dir, input) = text_source(
        "政策.txt",
        "某县关于推动经济高质量发展的若干政策\n为推动经济运行整体好转，制定以下政策。\n\
         一、扩大有效投资政策(由县发改局牵头实施)\n聚焦九大工程，着力推进140个左右支撑性项目。\n\
         1.加大财政支持力度。县财政统筹安排资金37.4亿元，重点支持重大项目建设。\n\
         2.加强资金要素争取。开展专项债项目常态化储备。\n\
         二、支持科技创新政策（县科技局牵头）\n3.培育科技型企业。全年新增高新技术企业20家。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3, "{:?}", common::contents(plan));
    assert_eq!(common::leads(plan, 1), ["县发改局"]);
    assert_eq!(common::leads(plan, 2), ["县发改局"]);
    assert_eq!(common::leads(plan, 3), ["县科技局"]);
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "扩大有效投资政策(由县发改局牵头实施)",
            "支持科技创新政策（县科技局牵头）"
        ]
    );
    assert!(!common::codes(&checked).contains(&"structure/empty-units"));

    let (_dir, input) = text_source(
        "方案.txt",
        "某区2026年民生实事\n一、新建幼儿园3所（区教育局牵头）\n二、改造农贸市场5个（区商务局牵头）\n\
         三、新增公共停车泊位2000个（区交通运输局牵头）\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        common::contents(&plan),
        ["新建幼儿园3所", "改造农贸市场5个", "新增公共停车泊位2000个"]
    );
    assert_eq!(common::leads(&plan, 3), ["区交通运输局"]);
}

/// Paragraphs opening with who does the work (（一）市食安办负责，…配合，…): a paragraph cut
/// inside 《》 at the page's width goes on on the next line; those concerned who support
/// (市食安委有关委员单位配合) are kept unnamed; 参加 says who supports as 配合 does; a later
/// sentence opening with who is responsible adds its bodies as leads, said.
#[test]
fn unit_first_paragraphs_keep_their_wrapped_words_and_every_one_they_name() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某市食品安全工作要点\n一、重点工作\n\
         （一）市食安办负责，市食安委有关委员单位配合，深入宣传贯彻《\n\
         食品安全法》，制定宣传方案，提升全社会的食品安全法律意识。\n\
         （二）市卫生局负责，市农业局、市统计局参加，制定年度食品污染物监测计划。\n\
         （三）由市经贸委负责，市农业厅配合，加快无公害畜禽基地建设。市检验检疫局负责，市农业厅配合，强化对出口备案基地的监管。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3, "{:?}", common::contents(plan));
    assert!(
        plan.tasks[0]
            .content
            .ends_with("提升全社会的食品安全法律意识。"),
        "{}",
        plan.tasks[0].content
    );
    assert_eq!(plan.tasks[0].unspecified, ["市食安委有关委员单位"]);
    assert_eq!(common::supports(plan, 2), ["市农业局", "市统计局"]);
    assert_eq!(common::leads(plan, 3), ["市经贸委", "市检验检疫局"]);
    assert_eq!(common::supports(plan, 3), ["市农业厅"]);
    assert!(common::codes(&checked).contains(&"unit/later-leads"));
}

/// A part's heading opening with the leader who drives its work (一、王纲市长主抓重点工作)
/// gives its tasks their 责任领导.
#[test]
fn a_leader_driving_a_part_is_its_tasks_leader() {
    let (_dir, input) = text_source(
        "分解.txt",
        "2026年政府工作报告重点工作责任分解\n一、王纲市长主抓重点工作\n\
         1.坚定不移支持企业发展。（市经信局牵头，市财政局配合）\n\
         2.开展项目双进双产活动。（市发展改革委牵头）\n二、李明副市长分管工作\n\
         3.推进乡村振兴。（市农业农村局牵头）\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let persons: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.person.as_deref()).collect();
    assert_eq!(
        persons,
        [Some("王纲市长"), Some("王纲市长"), Some("李明副市长")]
    );
}

/// A notice whose text gives a task a lead the workbook's table does not name for that task
/// (text 县行政审批局, table 县市场监管局): the table is published and the difference said
/// with both names; tasks where they agree are not said.
#[test]
fn a_lead_the_text_and_the_table_disagree_on_is_said() {
    let (_dir, checked) = notice_beside_workbook(
        4,
        "（一）压缩企业开办时间，全面推行一网通办。（牵头单位：县行政审批局）\n\
         （二）优化工程建设项目审批流程。（牵头单位：县住建局）\n",
    );
    assert_eq!(common::leads(&checked.plan, 1), ["县市场监管局"]);
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "input/text-and-table-differ")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("县行政审批局") && said[0].contains("县市场监管局"));
    assert!(said[0].contains("1 项"), "{}", said[0]);
}

/// Under a part's heading naming its lead in brackets, measures numbered （一） with their
/// words on the line are its tasks, that body's — not group headings of nothing, the part's
/// heading taken for the task.
#[test]
fn measures_numbered_in_brackets_under_a_heading_naming_its_lead_are_its_tasks() {
    let (_dir, input) = text_source(
        "政策.txt",
        "某区关于推动经济高质量发展的若干政策\n\
         一、强化科技创新(区科技局牵头)\n以统筹深化教育科技人才一体化改革为牵引，加快建设创新高地。\n\
         (一)加强科创平台效能建设。加快建设光电子研究院，推进结对合作。\n\
         (二)支持企业加大研发投入。对研发投入增长的企业给予奖励。\n\
         二、扩大有效投资（区发改局牵头）\n(三)加快重大项目建设。全年完成投资100亿元。\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        common::contents(&plan),
        [
            "加强科创平台效能建设。加快建设光电子研究院，推进结对合作。",
            "支持企业加大研发投入。对研发投入增长的企业给予奖励。",
            "加快重大项目建设。全年完成投资100亿元。"
        ]
    );
    assert_eq!(common::leads(&plan, 2), ["区科技局"]);
    assert_eq!(common::leads(&plan, 3), ["区发改局"]);
}

/// An empty 牵头领导： before the units' label inside the brackets names no leader and takes
/// none of the units; the plan's title named only in the notice's body, with the short name
/// it goes by after (现将《X》（以下简称《方案》）印发), is the plan's title.
#[test]
fn an_empty_leaders_label_and_a_title_named_with_its_short_name() {
    let (_dir, input) = text_source(
        "通知.txt",
        "某市人民政府办公室\n某政办字〔2023〕1号\n各县区人民政府，市政府各部门：\n\
         为深入贯彻落实《国务院关于支持绿色低碳高质量发展的意见》，经市政府同意，现将 《某市绿色低碳高质量发展分工落实方案》(以下简称《方案》)印发给你们，请认真贯彻执行。\n\
         某市人民政府办公室\n2023年1月6日\n\
         1.建设绿色低碳高质量发展先行区。（牵头领导:责任部门:市发展改革委、市工信局）\n\
         2.推进重点行业节能降碳改造。（牵头单位：市工信局；配合单位：市生态环境局）\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("某市绿色低碳高质量发展分工落实方案")
    );
    assert_eq!(common::leads(&plan, 1), ["市发展改革委"]);
    assert_eq!(common::supports(&plan, 1), ["市工信局"]);
    assert_eq!(plan.tasks[0].person, None);
}

/// 云岙县's notice (文号 云政办〔2026〕`no`号) with `tasks` written in its plan's text, beside
/// a 任务分工表.xlsx of two rows (县市场监管局, 县住建局 leading), checked.
fn notice_beside_workbook(no: u32, tasks: &str) -> (tempfile::TempDir, fengong::Checked) {
    let dir = tempfile::tempdir().unwrap();
    let notice = format!(
        "云岙县人民政府办公室\n云政办〔2026〕{no}号\n关于印发云岙县营商环境工作计划的通知\n\
         各乡镇人民政府，县直各部门：\n现将《云岙县营商环境工作计划》印发给你们，请认真贯彻落实。\n\
         附件：任务分工表\n云岙县人民政府办公室\n2026年3月2日\n\
         云岙县营商环境工作计划\n一、重点任务\n{tasks}"
    );
    std::fs::write(dir.path().join("通知.txt"), notice).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        [
            "1",
            "压缩企业开办时间，全面推行一网通办",
            "县市场监管局",
            "2026年6月底前",
        ],
        ["2", "优化工程建设项目审批流程", "县住建局", "2026年9月底前"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(dir.path().join("任务分工表.xlsx")).unwrap();
    let checked = fengong::check(dir.path()).unwrap();
    (dir, checked)
}

/// A remark closing a task's brackets that gives every later measure units (以下政策措施均需
/// 各县区人民政府、园区管委会落实，不再单独列出): the measures after it get them too.
#[test]
fn a_standing_remark_on_later_measures_gives_them_its_units() {
    let (_dir, input) = text_source(
        "政策.txt",
        "某市支持工业经济稳增长若干政策措施\n一、加大企业纾困力度\n\
         1.落实减税降费政策。全面落实国家各项税费优惠政策。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)\n\
         2.加大技改支持。对技术改造项目给予补助。(责任单位:市工信局、市财政局)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(common::leads(&plan, 2), ["市工信局"]);
    assert_eq!(
        common::supports(&plan, 2),
        ["市财政局", "各县区人民政府", "园区管委会"]
    );
}

/// A 责任单位 list beside units named 配合 on their own (a 配合单位 column, a 配合单位： line,
/// 配合单位： in brackets, X、Y负责，Z配合): the first listed leads, said; the others stay
/// 责任单位 — printed in that column, never moved among the 配合 units.
#[test]
fn a_units_list_beside_supports_keeps_its_others_responsible() {
    use fengong::model::Role;
    let sources = [
        (
            "分工表.txt",
            "某县2026年重点工作任务分工表\n序号\t重点任务\t责任单位\t配合单位\t完成时限\n\
             1\t创建全国卫生县。\t县卫健局、县文旅局\t各乡镇\t2026年12月底前\n\
             2\t新增城区停车位1000个。\t县住建局、县交通局\t\t2026年10月底前\n",
        ),
        (
            "方案.txt",
            "某县2026年重点工作任务分工方案\n一、重点任务\n1.创建全国卫生县。\n\
             责任单位：县卫健局、县文旅局\n配合单位：各乡镇\n完成时限：2026年12月底前\n\
             2.新增城区停车位1000个。\n责任单位：县住建局、县交通局\n配合单位：\n\
             完成时限：2026年10月底前\n",
        ),
        (
            "方案.txt",
            "某县2026年重点工作任务分工方案\n一、重点任务\n\
             1.创建全国卫生县。（责任单位：县卫健局、县文旅局；配合单位：各乡镇；完成时限：2026年12月底前）\n\
             2.新增城区停车位1000个。（县住建局、县交通局负责，2026年10月底前完成）\n",
        ),
        (
            "方案.txt",
            "某县2026年重点工作任务分工方案\n一、重点任务\n\
             1.创建全国卫生县。（县卫健局、县文旅局负责，各乡镇配合，2026年12月底前完成）\n\
             2.新增城区停车位1000个。（县住建局牵头，县交通局配合，2026年10月底前完成）\n",
        ),
    ];
    for (name, text) in sources {
        let (_dir, input) = text_source(name, text);
        let checked = fengong::check(&input).unwrap();
        let plan = &checked.plan;
        let of_role = |no: u32, role: Role| -> Vec<String> {
            (plan.task(no).unwrap().units.iter())
                .filter(|a| a.role == role)
                .map(|a| a.name.clone())
                .collect()
        };
        assert_eq!(common::leads(plan, 1), ["县卫健局"], "{text}");
        assert_eq!(of_role(1, Role::Responsible), ["县文旅局"], "{text}");
        assert_eq!(common::supports(plan, 1), ["各乡镇"], "{text}");
        assert_eq!(common::leads(plan, 2), ["县住建局"], "{text}");
        let first = checked
            .report
            .diagnostics
            .iter()
            .find(|d| d.code == "unit/lead-first" && d.message.contains("第 1"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(
            first.message.contains("其余仍为责任单位"),
            "{}",
            first.message
        );
        let table = common::published_text(&input, "任务分工表.md");
        let row = table
            .lines()
            .find(|l| l.contains("创建全国卫生县"))
            .unwrap();
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert!(cells.contains(&"县卫健局、县文旅局"), "{row}");
        assert!(cells.contains(&"各乡镇"), "{row}");
        assert!(table.contains("| 责任单位 |"), "{table}");
    }
}

/// A province's list that writes its 省 once (省财政厅、自然资源厅等相关部门) lends it to the
/// names after it, said once a name: one unit with the 省 unit another task names in full,
/// one task sheet. A body a ministry names by its own place (河南银保监局) keeps it; the
/// published cell keeps the list's 等 and its phrase.
#[test]
fn a_level_written_once_in_a_list_is_each_names() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某省2026年重点工作责任分工\n一、基础设施\n\
         1.加快高速公路建设。(省交通运输厅主办,省财政厅、自然资源厅等相关部门协办)\n\
         2.加强土地要素保障。(省自然资源厅主办,省国税局、地税局、河南银保监局协办)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(common::supports(plan, 1), ["省财政厅", "省自然资源厅"]);
    assert_eq!(common::leads(plan, 2), ["省自然资源厅"]);
    assert_eq!(
        common::supports(plan, 2),
        ["省国税局", "省地税局", "河南银保监局"]
    );
    let lent: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/level-shared")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(lent.len(), 2, "{lent:?}");
    assert!(lent[0].contains("「自然资源厅」") && lent[0].contains("「省自然资源厅」"));
    assert!(!common::codes(&checked).contains(&"unit/maybe-same"));
    let table = common::published_text(&input, "任务分工表.md");
    assert!(
        table.contains("| 省财政厅、省自然资源厅等相关部门 |"),
        "{table}"
    );
}

/// A notice's title with its 文号 after it in brackets on the same line, as web pages print
/// it: the title without the 文号, which is read apart; no finding that the title is missing.
#[test]
fn a_notice_title_with_its_number_after_it_is_the_title() {
    let (_dir, input) = text_source(
        "通知.txt",
        "甲县人民政府关于印发2026年重点任务分工方案的通知 (甲政〔2026〕3号)\n\
         各乡镇人民政府,县直各部门:\n\
         《2026年重点任务分工方案》已经县政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n\
         甲县人民政府\n2026年3月1日\n\
         2026年重点任务分工方案\n\
         1.推进城区道路建设。(县住建局牵头,县交通局配合,2026年12月底前完成)\n\
         2.推进农村公路提质。(县交通局负责,2026年10月底前完成)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("甲县人民政府关于印发2026年重点任务分工方案的通知")
    );
    assert_eq!(notice.doc_number.as_deref(), Some("甲政〔2026〕3号"));
    let codes = common::codes(&checked);
    assert!(!codes.contains(&"notice/no-title"), "{codes:?}");
    assert!(!codes.contains(&"source/unused"), "{codes:?}");
}

/// A source whose last line stops on a list's comma (部门分工:省财政厅牵头,) is said to be
/// cut off there.
#[test]
fn a_last_line_stopping_on_a_comma_is_cut_off() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某省2026年重点任务分工方案\n\
         1.全省地区生产总值增长6%左右。\n部门分工:省发展改革委牵头,省统计局配合。\n\
         2.一般公共预算收入增长5%。\n部门分工:省财政厅牵头,\n",
    );
    let checked = fengong::check(&input).unwrap();
    let cut: Vec<_> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/cut-off")
        .collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert_eq!(cut[0].location.line_no(), Some(5));
}

/// A list of problems, each followed by who is to mend it under a label (整改要求:由县环卫站
/// 负责…, or after a short clause of how: 按照…的要求,由城关镇负责…): each problem and its
/// 整改要求 is a task, led by the body after 由 — without the words describing it (包片单位)
/// —, the text whole.
#[test]
fn problems_each_with_who_mends_them_under_a_label_are_tasks() {
    let (_dir, input) = text_source(
        "清单.txt",
        "甲县创卫巡查问题整改清单\n1、西大桥沿线有垃圾死角。\n\
         整改要求:由县环卫站负责清除上述地段垃圾死角。\n2、迎宾大道围墙上有野广告。\n\
         整改要求:由包片单位县气象局负责清除。\n3、城区商户出店占道经营问题突出。\n\
         整改要求:由县职教中心、县交通局负责劝阻教育,县双创办对上述工作开展实效进行抽查。\n\
         4、南门沿线旱厕外露。\n整改要求:按照先摸底、后整治的要求,由城关镇负责拆除或改建。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "西大桥沿线有垃圾死角。整改要求:由县环卫站负责清除上述地段垃圾死角。",
            "迎宾大道围墙上有野广告。整改要求:由包片单位县气象局负责清除。",
            "城区商户出店占道经营问题突出。整改要求:由县职教中心、县交通局负责劝阻教育,县双创办对上述工作开展实效进行抽查。",
            "南门沿线旱厕外露。整改要求:按照先摸底、后整治的要求,由城关镇负责拆除或改建。",
        ]
    );
    assert_eq!(common::leads(plan, 4), ["城关镇"]);
    assert_eq!(common::leads(plan, 1), ["县环卫站"]);
    assert_eq!(common::leads(plan, 2), ["县气象局"]);
    assert_eq!(common::leads(plan, 3), ["县职教中心", "县交通局"]);
    assert!(!common::codes(&checked).contains(&"source/unused"));
}

/// Items numbered afresh in each part ((一) 1. 2. (二) 1. 2.) are numbered on in order,
/// said once with the numbers the text gave them.
#[test]
fn tasks_numbered_afresh_in_each_part_are_numbered_on_and_said() {
    let (_dir, input) = text_source(
        "方案.txt",
        "甲县2026年十件民生实事分工方案\n(一)教育卫生\n1.新建小学1所。(责任单位:县教育局)\n\
         2.改扩建医院1所。(责任单位:县卫健局)\n(二)城市建设\n1.新建公厕10座。(责任单位:县住建局)\n\
         2.新增停车位100个。(责任单位:县交通局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(common::leads(plan, 3), ["县住建局"]);
    let said: Vec<_> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "plan/renumbered")
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].location.line_no(), Some(6));
    assert!(
        said[0]
            .message
            .contains("第 3 项原为「1.」，第 4 项原为「2.」"),
        "{}",
        said[0].message
    );
}

/// Bulleted targets under a task that names its units (▲增加值可比增长6%左右。) are more of
/// its words: in its content, on its units' sheets.
#[test]
fn bulleted_targets_under_a_task_are_its_words() {
    let (_dir, input) = text_source(
        "方案.txt",
        "2026年政府工作目标任务分解\n一、促进经济发展\n\
         1、加强经济运行分析,确保完成主要指标。(牵头单位:区发改委、区统计局)\n\
         ▲增加值可比增长6%左右。\n▲一般公共预算收入增长5%。\n\
         2、推进招商引资。(牵头单位:区商务委)\n▲引进亿元以上项目10个。\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        [
            "加强经济运行分析,确保完成主要指标。▲增加值可比增长6%左右。▲一般公共预算收入增长5%。",
            "推进招商引资。▲引进亿元以上项目10个。",
        ]
    );
    assert_eq!(common::leads(&checked.plan, 2), ["区商务委"]);
}

/// A bulleted item naming units of its own under a numbered task (a town's plan: ▲新开工…
/// （责任单位：X、Y）) is an item of that task: in its words with its bracket, the units it
/// adds supporting it, said — and the tasks after it keep the source's numbers (they were
/// numbered on from the items, 2 printed as 4, unsaid).
#[test]
fn bulleted_items_with_their_own_units_stay_with_their_task() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某镇2024年重点工作任务分解方案\n一、经济发展\n\
         1.加快项目建设。全年完成固定资产投资5亿元。（责任领导：张明；责任单位：经济发展办）\n\
         ▲新开工亿元以上项目3个。（责任单位：经济发展办、招商服务中心）\n\
         ▲完成工业投资2亿元。（责任单位：经济发展办）\n\
         2.优化营商环境。提升便民服务中心服务水平。（责任领导：李华；责任单位：党政综合办）\n\
         3.抓好农业生产。粮食播种面积稳定在3万亩以上。（责任领导：王强；责任单位：农业农村办）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let numbers: Vec<u32> = checked.plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(
        common::contents(&checked.plan)[0],
        "加快项目建设。全年完成固定资产投资5亿元。\
         ▲新开工亿元以上项目3个。（责任单位：经济发展办、招商服务中心）\
         ▲完成工业投资2亿元。（责任单位：经济发展办）"
    );
    assert_eq!(common::leads(&checked.plan, 1), ["经济发展办"]);
    assert_eq!(common::supports(&checked.plan, 1), ["招商服务中心"]);
    let said = messages(&checked, "plan/item-units");
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].contains("「招商服务中心」作为第 1 项的配合单位"),
        "{}",
        said[0]
    );
    assert!(!said[1].contains("配合单位"), "{}", said[1]);
    // The same item under a line naming no one is a task of its own.
    let (_dir, input) = text_source(
        "方案.txt",
        "某镇2024年重点工作任务分解方案\n一、经济发展\n1.加快项目建设\n\
         ▲新开工亿元以上项目3个。（责任单位：经济发展办、招商服务中心）\n\
         ▲完成工业投资2亿元。（责任单位：经济发展办）\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// A province's 意见 titled without 关于 beside its 文号 (《政府工作报告》重点工作部门分工的
/// 意见 / 湘政发〔2016〕1号): its title — the plan was refused as untitled, the line unused.
#[test]
fn an_opinion_titled_without_guanyu_is_titled() {
    let (_dir, input) = text_source(
        "意见.md",
        "《政府工作报告》重点工作部门分工的意见\n\n湘政发〔2016〕1号\n\n省直和中央在湘有关单位:\n\n\
         为认真做好2016年政府工作,现就《政府工作报告》确定的重点工作提出部门分工意见如下:\n\n\
         一、努力保持经济平稳健康发展\n\n\
         (一)增强创新驱动发展能力。推进长株潭自主创新示范区建设(分管副省长负责,省科技厅牵头)。\n\n\
         (二)扩大有效投资。实施重大项目攻坚行动(分管副省长负责,省发改委牵头)。\n\n\
         湖南省人民政府\n\n2016年1月29日\n",
    );
    let checked = fengong::check(&input).unwrap();
    let title = "《政府工作报告》重点工作部门分工的意见";
    assert_eq!(checked.plan.title.as_deref(), Some(title));
    assert_eq!(checked.plan.notice.title.as_deref(), Some(title));
    assert!(
        unused_lines(&checked).is_empty(),
        "{:?}",
        unused_lines(&checked)
    );
    assert_eq!(checked.plan.tasks.len(), 2);
}

/// A notice handing out three documents by name, each following under its title with
/// items numbered from 1 (衢州): each later title heads its part, and the published notice
/// attaches the three as 附件1—3 — they were run together under the first title, the other
/// titles said unused and the documents said to need attaching separately.
#[test]
fn documents_a_notice_hands_out_one_after_another_are_its_attachments() {
    let (_dir, input) = text_source(
        "通知.md",
        "衢政办发〔2021〕3号\n\n关于印发2021年政府工作报告重点工作责任分解的通知\n\n\
         各县(市、区)人民政府,市政府各部门:\n\n\
         《政府工作报告“十四五”时期重点工作责任分解》《政府工作报告2021年重点工作责任分解》和《2021年市政府民生实事项目责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。\n\n\
         衢州市人民政府办公室\n\n2021年3月24日\n\n\
         政府工作报告“十四五”时期重点工作责任分解\n\n\
         1.实施做大产业扩大税源行动。\n\n牵头市领导:汤飞帆\n\n责任单位:市发改委、市经信局\n\n\
         2.实施居民收入双倍增计划。\n\n牵头市领导:吴江平\n\n责任单位:市人力社保局\n\n\
         政府工作报告2021年重点工作责任分解\n\n\
         1.地区生产总值增长8%以上。\n\n牵头市领导:汤飞帆\n\n责任单位:市发改委、市统计局\n\n\
         2021年市政府民生实事项目责任分解\n\n\
         1.新建改建城乡公办幼儿园20所。\n\n牵头市领导:徐利水\n\n责任单位:市教育局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let parts: Vec<(&str, Vec<u32>)> = (checked.plan.sections.iter())
        .map(|s| {
            (
                s.title.as_str(),
                s.groups.iter().flat_map(|g| g.tasks.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("", vec![1, 2]),
            ("政府工作报告2021年重点工作责任分解", vec![3]),
            ("2021年市政府民生实事项目责任分解", vec![4])
        ]
    );
    assert!(
        unused_lines(&checked).is_empty(),
        "{:?}",
        unused_lines(&checked)
    );
    assert!(codes_at(&checked, "notice/attachments").is_empty());
    let notice = common::published_text(&input, "通知.md");
    for (label, title) in [
        ("附件1", "政府工作报告“十四五”时期重点工作责任分解"),
        ("附件2", "政府工作报告2021年重点工作责任分解"),
        ("附件3", "2021年市政府民生实事项目责任分解"),
    ] {
        let at = notice
            .find(&format!("{label}\n"))
            .unwrap_or_else(|| panic!("{label}: {notice}"));
        assert!(notice[at..].contains(title), "{label}");
    }
    let third = notice.find("附件3\n").unwrap();
    assert!(
        !notice[..third].contains("新建改建城乡公办幼儿园"),
        "{notice}"
    );
}

/// A notice's prose 附件1 followed by its 附件2 table, the label on a line of its own between
/// them (沁县): the label is printed once, as 附件2's mark — it was printed as the last words
/// of 附件1 too.
#[test]
fn an_attachments_label_between_text_and_table_is_printed_once() {
    let (_dir, input) = text_source(
        "通知.md",
        "沁县人民政府办公室文件\n\n沁政办发〔2025〕9号\n\n\
         沁县人民政府办公室关于印发《2025年县政府工作报告任务清单》等文件的通知\n\n\
         县直各有关单位：\n\n经县政府同意，现将有关文件印发给你们，请认真抓好落实。\n\n\
         附件：1.2025年县政府工作报告任务清单\n2.2025年十五件民盼实事任务分解\n\n\
         沁县人民政府办公室\n\n2025年5月18日\n\n附件1\n\n2025年县政府工作报告任务清单\n\n\
         一、县发改局牵头工作(2项)\n\n1.全年谋划储备项目100个以上。\n\n\
         2.推进沁县至沁源高速公路前期工作。\n\n附件2\n\n2025年十五件民盼实事任务分解\n\n\
         | 序号 | 民盼实事 | 责任领导 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n\
         | 1 | 新增城区公共停车位500个。 | 王彦军 | 县公安局、县住建局 | 2025年9月底 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    assert!(
        unused_lines(&checked).is_empty(),
        "{:?}",
        unused_lines(&checked)
    );
    let notice = common::published_text(&input, "通知.md");
    assert_eq!(notice.matches("附件2\n").count(), 1, "{notice}");
    assert!(
        notice.contains("推进沁县至沁源高速公路前期工作。"),
        "{notice}"
    );
}

/// Four departments issuing a plan together, a line each over the title (成都): all four
/// are the 发文机关标志 — the first was said unused, three read.
#[test]
fn four_agencies_issuing_together_are_all_read() {
    let (_dir, input) = text_source(
        "通知.md",
        "成都市发展和改革委员会\n中共成都市委社会工作部\n成都市规划和自然资源局\n成都市住房和城乡建设局\n\n\
         关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知\n\n\
         各区（市）县政府（管委会），市级有关部门：\n\n\
         现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们，请认真贯彻落实。\n\n\
         成都市发展和改革委员会　　中共成都市委社会工作部\n\
         成都市规划和自然资源局　　成都市住房和城乡建设局\n\n2024年7月30日\n\n\
         成都市城市社区嵌入式服务设施建设工程实施方案\n\n一、重点任务\n\n\
         1.开展社区嵌入式服务设施现状摸底。（市发改委牵头，市住建局配合）\n\n\
         2.推进首批示范社区项目建设。（市住建局牵头）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let issuer = checked.plan.notice.issuer.as_deref().unwrap_or_default();
    assert_eq!(issuer.lines().count(), 4, "{issuer}");
    assert!(issuer.starts_with("成都市发展和改革委员会"), "{issuer}");
    assert!(
        unused_lines(&checked).is_empty(),
        "{:?}",
        unused_lines(&checked)
    );
}

/// A web page's links under the text (上一篇:… / 下一篇:…, 附件下载:) are the page's: said,
/// never printed as the plan's closing words nor taken for a line cut off.
#[test]
fn a_pages_links_under_the_text_are_not_the_plans() {
    let (_dir, input) = text_source(
        "方案.md",
        "2023年区《政府工作报告》确定的重点工作任务责任分解方案\n\n\
         一、2023年全区经济社会发展主要预期目标\n\n\
         1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)\n\n\
         2.固定资产投资增长16%以上。(责任领导:杜新国;牵头单位:区发改局)\n\n\
         附件下载:\n\
         上一篇:2023年区政府工作报告全文\n\
         下一篇:关于做好2023年春节期间有关工作的通知\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(unused_lines(&checked), [9, 10, 11]);
    assert!(codes_at(&checked, "source/cut-off").is_empty());
    let plan = common::published_text(&input, "方案.md");
    assert!(
        !plan.contains("下一篇") && !plan.contains("附件下载"),
        "{plan}"
    );
}

/// A （一） heading closing with a colon before its text (（一）总体要求:坚持…) prints with
/// its colon in the plan, never a 。 in its place.
#[test]
fn a_headings_colon_before_its_text_is_printed() {
    let (_dir, input) = text_source(
        "方案.txt",
        "甲县2026年重点工作分工意见\n一、总体要求和主要目标\n\
         (一)总体要求:坚持稳中求进工作总基调,推动高质量发展。\n\
         (二)主要目标。地区生产总值增长6%。\n二、重点任务\n\
         1.推进城区道路建设。(县交通局牵头,县财政局配合)\n2.推进农村公路提质。(县交通局牵头)\n",
    );
    let plan = common::published_text(&input, "方案.md");
    assert!(
        plan.contains("**（一）总体要求**：坚持稳中求进工作总基调，推动高质量发展。"),
        "{plan}"
    );
    assert!(
        plan.contains("**（二）主要目标**。地区生产总值增长6%。"),
        "{plan}"
    );
}

/// Items numbered with a full stop for the dot (1。…) are numbered items: the number is no
/// part of the task's words.
#[test]
fn items_numbered_with_a_full_stop_are_items() {
    let (_dir, input) = text_source(
        "方案.txt",
        "乙镇2026年为民办实事分工\n一、基础设施\n\
         1。硬化村组道路5公里。(镇建设办牵头,镇财政所配合)\n\
         2。新建农村公厕3座。(镇农业服务中心牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        ["硬化村组道路5公里。", "新建农村公厕3座。"]
    );
    assert_eq!(common::supports(&checked.plan, 1), ["镇财政所"]);
}

/// A damaged label (人：…) under a units line ending in 部门 is a paragraph of its own in
/// the printed plan, never run onto the units.
#[test]
fn a_labelled_line_under_units_ending_in_a_kind_stays_apart() {
    let (_dir, input) = text_source(
        "方案.txt",
        "丙市重点任务清单\n一、规划衔接\n1. 完成两规衔接方案编制。\n\n工作成果:形成衔接方案。\n\n\
         责任单位:东县、西县、南县自然资源部门\n\n人:三县自然资源部门主要负责同志\n\n\
         二、交通建设\n2. 推进城区道路建设。\n\n责任单位:市交通局\n",
    );
    let plan = common::published_text(&input, "方案.md");
    assert!(!plan.contains("部门人"), "{plan}");
    assert!(
        plan.contains("\n人：三县自然资源部门主要负责同志"),
        "{plan}"
    );
}

/// A count written after the plan's title (（共计2项）) is no part of its name: the sheets
/// and the table cite the name; the plan's text prints the title as written; said once.
#[test]
fn a_count_after_the_title_is_a_note_not_the_name() {
    let (_dir, input) = text_source(
        "方案.txt",
        "2026年镇政府工作报告重点任务分解方案(共计2项)\n一、经济发展\n\
         1.规模以上工业增加值增长6%。\n牵头领导:镇长\n主要责任单位:镇经济发展办\n\
         2.新增市场主体200户。\n牵头领导:副镇长\n主要责任单位:镇市场监管所\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("2026年镇政府工作报告重点任务分解方案")
    );
    assert_eq!(codes_at(&checked, "plan/title-note"), [1]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(&input, &out, &fengong::Options::default()).unwrap();
    let sheet = std::fs::read_to_string(out.join("任务单/镇经济发展办.md")).unwrap();
    assert!(
        sheet.contains("《2026年镇政府工作报告重点任务分解方案》"),
        "{sheet}"
    );
    assert!(!sheet.contains("共计"), "{sheet}");
    let plan = std::fs::read_to_string(out.join("方案.md")).unwrap();
    assert!(
        plan.contains("2026年镇政府工作报告重点任务分解方案（共计2项）")
            || plan.contains("2026年镇政府工作报告重点任务分解方案(共计2项)"),
        "{plan}"
    );
}

/// A plan's title over two lines (关于落实…《…》 / …的任务分工) under a news page's lead is
/// the two lines joined; the lead alone is said as left out.
#[test]
fn a_two_line_title_under_a_news_lead_is_joined() {
    let (_dir, input) = text_source(
        "方案.txt",
        "近日,丁县人民政府印发通知,部署落实县《政府工作报告》。\n\n\
         关于落实县《政府工作报告》\n\n重点工作的责任分工\n\n\
         为做好今年各项工作,提出如下分工:\n\n\
         1.推进污水管网改造。(县住建局牵头,县水利局配合)\n\n2.新建养老服务中心。(县民政局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("关于落实县《政府工作报告》重点工作的责任分工")
    );
    assert_eq!(codes_at(&checked, "source/unused"), [1]);
}

/// An item's title on its own line over the sentence giving it out (1、…项目 / 由…负责，…):
/// the mark put between them in the task's words is said, as the source has none.
#[test]
fn a_mark_put_between_an_items_title_and_its_sentence_is_said() {
    let (_dir, input) = text_source(
        "方案.txt",
        "戊市近期重点工作分工\n\n1、体育中心改造项目\n由赵六副市长负责,市体育局牵头,市财政局配合,年内完成设计。\n\
         2、老旧小区加装电梯\n由钱七副市长负责,市住建局牵头,各区配合,加快推进试点。\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(common::leads(&checked.plan, 1), ["市体育局"]);
    let said: Vec<_> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "text/joint-added")
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].message.contains("「体育中心改造项目」后加「：」"),
        "{}",
        said[0].message
    );
}

/// A cell pasted one per line that mentions a time (完成年度目标任务) is a task's text, not a
/// time: a small table of such rows is put back together, no cell guessed.
#[test]
fn a_task_mentioning_a_time_in_a_table_pasted_one_cell_per_line_is_text() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "己区2026年预期目标任务分解表\n\n序号\n\n2026年预期目标\n\n责任单位\n\n1\n\n\
         城镇新增就业完成年度目标任务\n\n区人社局\n\n2\n\n耕地保有量完成年度目标任务\n\n\
         区规划资源局\n\n3\n\n居民人均可支配收入增长5%\n\n区统计局\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    assert_eq!(common::leads(&checked.plan, 2), ["区规划资源局"]);
    assert!(codes_at(&checked, "table/cell-guessed").is_empty());
}

/// A report's labelled line under each item (推进情况：…) stays with its group in the last
/// group too, as in the groups before it: none of it is taken for the plan's closing words.
#[test]
fn labelled_lines_under_the_last_groups_items_are_its_own() {
    let (_dir, input) = text_source(
        "方案.txt",
        "庚县2026年民生实事推进情况\n(一)已完成项目\n1.新建幼儿园2所。(责任单位:县教育局)\n\
         推进情况:已投入使用。\n(二)在建项目\n1.改造农贸市场3个。(责任单位:县商务局)\n\
         推进情况:完成主体。\n2.新建口袋公园5个。(责任单位:县城管局)\n推进情况:完成选址。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert!(plan.closing.is_empty(), "{:?}", plan.closing);
    let last = &plan.sections.last().unwrap().groups.last().unwrap().text;
    assert!(last.contains("推进情况:完成主体。"), "{last}");
    assert!(last.contains("推进情况:完成选址。"), "{last}");
}

/// Parts headed by who leads them (（一）县水利局牵头的工作), their work a sentence or
/// numbered items, a 协同单位： line closing each: every sentence and item is a task, led by
/// the heading's unit, supported by the line closing its group — in two wordings.
#[test]
fn groups_headed_by_their_lead_with_a_closing_support_line() {
    for text in [
        "辛县2026年工作责任分解\n一、周强副县长负责的工作\n（一）县水利局牵头的工作\n\
         整修西干渠堤防。\n（二）县教育局牵头的工作\n新建城南幼儿园。\n协同单位：县财政局。\n\
         （三）县民政局牵头的工作\n1.建成城西养老中心。\n2.提高特困供养标准。\n\
         协同单位：县财政局、县人社局。\n",
        "辛县2026年工作责任分解\n\n一、周强副县长负责的工作\n\n(一)县水利局牵头的工作\n\n\
         整修西干渠堤防。\n\n(二)县教育局牵头的工作\n\n新建城南幼儿园。\n\n协同单位:县财政局。\n\n\
         (三)县编办牵头的工作\n\n1.深化乡镇机构改革,理顺职责。\n\n2.提高特困供养标准。\n\n\
         协同单位:县财政局、县人社局。\n",
    ] {
        let (_dir, input) = text_source("方案.txt", text);
        let checked = fengong::check(&input).unwrap();
        let plan = &checked.plan;
        assert_eq!(plan.tasks.len(), 4, "{:?}", common::contents(plan));
        assert_eq!(common::contents(plan)[0], "整修西干渠堤防。");
        assert_eq!(common::leads(plan, 1), ["县水利局"]);
        assert_eq!(common::leads(plan, 2), ["县教育局"]);
        assert_eq!(common::supports(plan, 2), ["县财政局"]);
        for no in [3, 4] {
            assert_eq!(common::supports(plan, no), ["县财政局", "县人社局"], "{no}");
        }
        assert_eq!(common::leads(plan, 3), common::leads(plan, 4));
        assert_eq!(plan.tasks[0].person.as_deref(), Some("周强副县长"));
        assert_eq!(codes_at(&checked, "unit/group-support").len(), 1);
    }
}

/// Items numbered 一、 each closed by its duty in 〔〕 holding a name's own brackets
/// (市(中)直有关单位), the last cut inside its list: every item is a task, none a heading; the
/// cut one keeps its words, and the piece the list stops in is said.
#[test]
fn items_numbered_as_parts_with_bracketed_duties_are_tasks_even_when_cut() {
    let (_dir, input) = text_source(
        "方案.txt",
        "壬市2026年重点工作分工方案\n为抓好落实，现将分工明确如下：\n\
         一、确保完成城镇新增就业3万人等主要预期目标。〔市发展改革委、市人社局等牵头，市(中)直有关单位按职责分工负责〕\n\
         二、改造城中村5个。〔市住建局牵头，各区政府按职责分工负责〕\n\
         三、新建城市公园3个，年底前开放。〔市园林局、市财政局等牵\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "确保完成城镇新增就业3万人等主要预期目标。",
            "改造城中村5个。",
            "新建城市公园3个，年底前开放。",
        ]
    );
    assert_eq!(common::leads(plan, 1), ["市发展改革委", "市人社局"]);
    assert!(!common::codes(&checked).contains(&"structure/empty-content"));
    assert_eq!(codes_at(&checked, "unit/fragment"), [5]);
    assert_eq!(common::leads(plan, 3), ["市园林局"]);
}

/// A list cut inside a name's brackets (各乡(镇)人民) leaves a piece, said, never a unit
/// with a sheet of its own.
#[test]
fn a_cut_name_with_brackets_is_a_piece() {
    let (_dir, input) = text_source(
        "方案.txt",
        "癸县2026年重点工作分工方案\n一、改善农村道路\n\
         （一）硬化村组道路40公里。〔牵头单位：县交通局；配合单位：县财政局，各乡(镇)人民\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(common::supports(&checked.plan, 1), ["县财政局"]);
    assert_eq!(codes_at(&checked, "unit/fragment"), [3]);
}

/// The source cut inside a label the plan uses (牵头责 of 牵头责任单位：): no words of the
/// task, said as cut at that line.
#[test]
fn a_label_cut_at_the_end_is_not_the_tasks_words() {
    let (_dir, input) = text_source(
        "方案.txt",
        "子县2026年重点工作及责任分解\n1.新建雨水管网3公里。\n牵头负责领导:赵明。\n\
         牵头责任单位:县住建局。\n协同责任单位:县财政局。\n2.建成垃圾转运站2座。\n牵头责\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(common::contents(&checked.plan)[1], "建成垃圾转运站2座。");
    assert_eq!(codes_at(&checked, "source/cut-off"), [7]);
}

/// A plan that is itself a list of tasks (…任务清单) names its table: no 任务分工表 after it.
#[test]
fn a_plan_named_as_a_list_titles_its_table_once() {
    let (_dir, input) = text_source(
        "方案.txt",
        "丑县2026年政府工作报告任务清单\n一、县开发区管委会牵头工作(2项)\n\
         1.新引进项目10个。\n2.规上工业增加值增长8%。\n",
    );
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("丑县2026年政府工作报告任务清单"), "{table}");
    assert!(!table.contains("任务清单任务分工表"), "{table}");
}

/// A plan's title right above items numbered 一、 (no preamble between) is its title, and
/// each item a task of its own words — neither runs into the other.
#[test]
fn a_title_right_above_items_numbered_as_parts_stays_apart() {
    let (_dir, input) = text_source(
        "方案.txt",
        "寅市2026年重点工作分工方案\n\
         一、确保完成地区生产总值增长5%左右等主要预期目标。〔市发展改革委、市统计局等牵头，市直有关单位按职责分工负责〕\n\
         二、改造老旧小区30个。〔市住建局牵头，各区政府按职责分工负责〕\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.title.as_deref(), Some("寅市2026年重点工作分工方案"));
    assert_eq!(
        common::contents(plan),
        [
            "确保完成地区生产总值增长5%左右等主要预期目标。",
            "改造老旧小区30个。"
        ]
    );
}

/// A list cut after a level and one character (县科 of 县科技局) leaves a piece, said, with
/// no unit for the task; 县委 is whole.
#[test]
fn a_level_and_one_character_is_a_piece_of_a_name() {
    let (_dir, input) = text_source(
        "分工.txt",
        "2026年县政府重点工作责任分工\n\n序号\n\n重点工作\n\n牵头单位\n\n配合单位\n\n1\n\n\
         新建城北污水处理厂。\n\n县委\n\n县生态环境分局\n\n2\n\n建成县科技馆。\n\n县科\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(common::leads(&checked.plan, 1), ["县委"]);
    assert!(common::leads(&checked.plan, 2).is_empty());
    assert_eq!(codes_at(&checked, "unit/fragment"), [19]);
    assert_eq!(codes_at(&checked, "unit/only-cut"), [19]);
}

/// Places listed before the government they share (东城区、西城区政府): each place's
/// government, so 东城区政府 is one unit with one sheet in both tasks — no bare 东城区 to
/// ask about.
#[test]
fn places_before_a_shared_government_each_get_it() {
    let (_dir, input) = text_source(
        "方案.txt",
        "卯市2026年重点工作分工方案\n1.建设科学城。(市科技局牵头,东城区、西城区政府配合)\n\
         2.筹建实验室。(市科技局牵头,南城区、东城区政府配合)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::supports(&checked.plan, 1),
        ["东城区政府", "西城区政府"]
    );
    assert_eq!(
        common::supports(&checked.plan, 2),
        ["南城区政府", "东城区政府"]
    );
    assert!(codes_at(&checked, "unit/maybe-same").is_empty());
}

/// 整改措施：一是…二是… under each problem its bracket gave out: the work to do, in the
/// problem's task, on its units' sheets.
#[test]
fn measures_under_a_problem_are_its_tasks_words() {
    let (_dir, input) = text_source(
        "方案.txt",
        "辰局巡察反馈问题整改方案\n一、整改内容\n\
         (1)办公用房超标准配置。(牵头单位:办公室;责任单位:后勤科)\n整改措施:一是腾退超标用房。二是建立用房台账。\n\
         (2)差旅报销审核不严。(牵头单位:财务科;责任单位:各科室)\n整改措施:每月抽查报销单据。\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        [
            "办公用房超标准配置。整改措施:一是腾退超标用房。二是建立用房台账。",
            "差旅报销审核不严。整改措施:每月抽查报销单据。",
        ]
    );
    assert_eq!(common::leads(&checked.plan, 2), ["财务科"]);
}

/// Items with their duties in brackets and no heading over them stand in no paragraph of
/// the plan's printed text: the notice's attachment prints them as the table, never a plan
/// of its preamble alone.
#[test]
fn items_under_no_heading_print_in_the_attachment_as_the_table() {
    let (_dir, input) = text_source(
        "方案.txt",
        "巳市人民政府关于印发巳市2026年重点工作分工方案的通知\n巳政发〔2026〕1号\n\
         各区人民政府，市政府各部门：\n现将《巳市2026年重点工作分工方案》印发给你们，请认真贯彻执行。\n\
         巳市人民政府\n2026年2月1日\n巳市2026年重点工作分工方案\n为抓好落实，现将分工明确如下：\n\
         一、确保城镇新增就业2万人。〔市人社局牵头，各区政府按职责分工负责〕\n\
         二、改造城中村4个。〔市住建局牵头，各区政府按职责分工负责〕\n",
    );
    let notice = common::published_text(&input, "通知.md");
    let attachment = notice.split("附件标识").nth(1).unwrap_or_default();
    assert!(attachment.contains("为抓好落实"), "{notice}");
    assert!(attachment.contains("确保城镇新增就业2万人。"), "{notice}");
    assert!(attachment.contains("改造城中村4个。"), "{notice}");
}

/// Three numbered levels under a part (1. over （1） over ①): the finest carries the work;
/// the （2） over ① items is a heading, its words opening each item's, said.
#[test]
fn a_third_numbering_level_heads_its_items_not_a_task() {
    let (_dir, input) = text_source(
        "方案.txt",
        "午镇审计反馈问题整改方案\n一、整改任务\n1.经费管理问题\n\
         (1)食堂账目未按月公示。(牵头单位:镇党政办;责任单位:镇财政所)\n整改措施:每月公示一次。\n\
         (2)项目资金方面。\n\
         ①部分补助资金发放滞后。(牵头单位:镇财政所;责任单位:镇农办)\n\
         ②补助台账不全。(牵头单位:镇农办)\n\
         (3)公务用车登记不全。(牵头单位:镇党政办)\n\
         2.工程管理问题\n(1)村道工程未验收。(牵头单位:镇建设办)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(!common::codes(&checked).contains(&"structure/empty-units"));
    assert_eq!(
        common::contents(&checked.plan),
        [
            "食堂账目未按月公示。整改措施:每月公示一次。",
            "项目资金方面：部分补助资金发放滞后。",
            "项目资金方面：补助台账不全。",
            "公务用车登记不全。",
            "村道工程未验收。",
        ]
    );
    assert_eq!(
        common::groups(&checked.plan),
        [
            ("经费管理问题".to_string(), vec![1, 2, 3, 4]),
            ("工程管理问题".to_string(), vec![5]),
        ]
    );
    assert_eq!(codes_at(&checked, "plan/sub-heading"), [6]);
    assert_eq!(common::leads(&checked.plan, 4), ["镇党政办"]);
}

/// 一、 parts over （一） groups over 1. headings over （1） tasks: the 1. heading is finer
/// than the groups, its words open its items', and a 2. task after it stays in its group.
#[test]
fn a_heading_under_a_group_opens_its_items_words() {
    let (_dir, input) = text_source(
        "方案.txt",
        "未区2026年重点工作任务分工方案\n一、产业发展\n(一)壮大实体经济\n1.园区提质\n\
         (1)完成东园道路改造。(牵头单位:区工信局)\n(2)新增标准厂房5万平方米。(牵头单位:区住建局)\n\
         2.培育专精特新企业3家。(牵头单位:区工信局)\n(二)扩大消费\n1.举办夜市活动4场。(牵头单位:区商务局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        [
            "园区提质：完成东园道路改造。",
            "园区提质：新增标准厂房5万平方米。",
            "培育专精特新企业3家。",
            "举办夜市活动4场。",
        ]
    );
    assert_eq!(
        common::groups(&checked.plan),
        [
            ("壮大实体经济".to_string(), vec![1, 2, 3]),
            ("扩大消费".to_string(), vec![4]),
        ]
    );
}

/// Items numbered 一、 whose text is a name and a sentence (新建社区食堂。全年新建…), their
/// duties on labelled lines under them: tasks, not part headings.
#[test]
fn items_numbered_as_parts_with_labelled_duties_are_tasks() {
    let (_dir, input) = text_source(
        "实事.txt",
        "申县2026年5件民生实事\n一、 建设口袋公园。全年新建口袋公园12个,改造提升5个。\n\
         牵头单位:县住建局\n责任单位:各乡镇人民政府\n完成时限:2026年11月30日前\n\
         二、 新增公办托位300个。\n牵头单位:县卫健局\n完成时限:2026年10月31日前\n\
         三、 改造农贸市场。完成3个农贸市场提升改造。\n牵头单位:县商务局\n责任单位:县市场监管局\n\
         完成时限:2026年9月30日前\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    assert_eq!(
        checked.plan.tasks[0].content,
        "建设口袋公园。全年新建口袋公园12个,改造提升5个。"
    );
    assert_eq!(common::leads(&checked.plan, 3), ["县商务局"]);
    assert_eq!(common::supports(&checked.plan, 3), ["县市场监管局"]);
    let deadline = checked.plan.tasks[2].deadline.map(|d| d.to_string());
    assert_eq!(deadline.as_deref(), Some("2026-09-30"));
    assert_eq!(checked.plan.title.as_deref(), Some("申县2026年5件民生实事"));
}

/// 一、名称 / 主要内容：… / 主办单位：…: the name and its words make the task; the label
/// that only says "content" is no word of it, and that is said.
#[test]
fn a_content_label_under_an_items_name_joins_the_two() {
    let (_dir, input) = text_source(
        "实事.txt",
        "酉市2026年惠民实事\n一、改造老旧小区\n主要内容:改造老旧小区20个,惠及居民8000户。\n\
         主办单位:市住建局、市财政局\n二、建设公共充电桩\n建设内容:新建充电桩600个。\n主办单位:市发改委\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        [
            "改造老旧小区：改造老旧小区20个,惠及居民8000户。",
            "建设公共充电桩：新建充电桩600个。",
        ]
    );
    assert_eq!(codes_at(&checked, "text/content-label"), [3]);
}

/// A news page's lead paragraph, then the list's own title (…N件惠民实事), then its items:
/// the title is found under the lead.
#[test]
fn a_list_of_works_for_the_people_is_titled_under_a_news_lead() {
    let (_dir, input) = text_source(
        "实事.txt",
        "今年,戌市将集中办好3件惠民实事,涉及养老、托育等方面。\n戌市2026年3件惠民实事\n\
         1.新建老年食堂10个。\n牵头单位:市民政局\n2.新增普惠托位500个。\n牵头单位:市卫健委\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.title.as_deref(), Some("戌市2026年3件惠民实事"));
    assert!(!common::codes(&checked).contains(&"plan/no-title"));
}

/// A web table pasted one cell per line with no 序号 and a 备注 column: 备注 is a column,
/// its time stays with its row, and measures numbered in their own cells are the tasks —
/// their numbers the rows' 序号, not printed again in their text.
#[test]
fn a_remarks_column_and_numbered_measures_in_a_table_one_cell_per_line() {
    let (_dir, input) = text_source(
        "表.txt",
        "亥市2026年稳外贸措施责任分工\n主要任务\n工作措施\n责任单位\n备注\n(一)支持企业拓市场\n\
         1.组织企业参加境外展会20场。\n市商务局、市贸促会\n2026年12月\n\
         2.对出口信用保险保费给予补贴。\n市财政局、市商务局\n3.开通通关绿色通道。\n海关办事处\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan),
        [
            "组织企业参加境外展会20场。",
            "对出口信用保险保费给予补贴。",
            "开通通关绿色通道。",
        ]
    );
    assert_eq!(checked.plan.tasks[0].extra, ["2026年12月"]);
    assert_eq!(common::leads(&checked.plan, 3), ["海关办事处"]);
    assert!(codes_at(&checked, "table/stray-line").is_empty());
    assert!(codes_at(&checked, "table/unnumbered-row").is_empty());
}

/// A content cell of a table pasted one cell per line holding a name over its words: the
/// two joined by ：, said — never run together.
#[test]
fn a_cells_name_over_its_words_is_joined_and_said() {
    let (_dir, input) = text_source(
        "表.txt",
        "子区2026年重点工作分解表\n序号\n工作任务\n牵头单位\n配合单位\n1\n打造智能制造园\n\
         完成一期厂房建设,引进企业8家\n区经信局\n区商务局\n2\n开展消费季活动。\n区商务局\n各街道\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        common::contents(&checked.plan)[0],
        "打造智能制造园：完成一期厂房建设,引进企业8家"
    );
    assert_eq!(codes_at(&checked, "text/joint-added").len(), 1);
}

/// A notice attaching two tables, each under its 附件N and title: each prints as its own
/// attachment under its own title; the task table's name does not say 任务 twice.
#[test]
fn two_attached_tables_print_as_two_attachments() {
    let (_dir, input) = text_source(
        "通知.txt",
        "丑县人民政府办公室关于印发2026年县政府工作报告目标任务的通知\n各乡镇人民政府,县政府各部门:\n\
         现将2026年县政府工作报告目标任务印发给你们,请认真落实。\n\
         附件:1. 2026年县政府工作报告主要指标分解表\n2. 2026年县政府工作报告重点工作分解表\n\
         丑县人民政府办公室\n2026年1月8日\n附件1\n2026年县政府工作报告主要指标分解表\n\
         序号\t2026年主要指标\t责任单位\n1\t地区生产总值增长6%\t县发改局\n2\t社会消费品零售总额增长5%\t县商务局\n\
         附件2\n2026年县政府工作报告重点工作分解表\n序号\t工作任务\t牵头单位\t配合单位\n\
         1\t新建文化站2个\t县文旅局\t县财政局\n2\t改造农村公路30公里\t县交通局\t各乡镇人民政府\n",
    );
    let notice = common::published_text(&input, "通知.md");
    let second = notice.split("附件2\n").nth(1).unwrap_or_default();
    let first = notice.split("附件1\n").last().unwrap_or_default();
    let first = first.split("附件2\n").next().unwrap_or_default();
    assert!(first.contains("主要指标分解表"), "{notice}");
    assert!(first.contains("地区生产总值增长6%"), "{notice}");
    assert!(!first.contains("新建文化站2个"), "{notice}");
    assert!(second.contains("重点工作分解表"), "{notice}");
    assert!(second.contains("新建文化站2个"), "{notice}");
    assert!(!second.contains("地区生产总值"), "{notice}");
    // The columns are named as neither table alone names them.
    assert!(!notice.contains("2026年主要指标 |"), "{notice}");
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("目标任务分工表"), "{table}");
    assert!(!table.contains("任务任务"), "{table}");
}

/// 县…领导小组各成员单位 names a body's members the plan does not list: said as a group to
/// fill (no sheet until then), and `init` offers it as one, not as a phrase naming nobody.
#[test]
fn a_bodys_members_are_said_as_a_group_to_fill() {
    let (dir, input) = text_source(
        "方案.txt",
        "寅县2026年工作方案\n一、重点任务\n\
         1.新建养老助餐点10个。(牵头单位:县民政局;责任单位:县养老工作领导小组各成员单位,各乡镇人民政府)\n\
         2.开展消防安全检查。(牵头单位:县应急局;责任单位:各有关成员单位)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(codes_at(&checked, "unit/members-unlisted"), [3]);
    let project = dir.path().join("p");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::copy(&input, project.join("方案.txt")).unwrap();
    fengong::init(&project, false).unwrap();
    let config = std::fs::read_to_string(project.join("fengong.toml")).unwrap();
    assert!(
        config.contains("# name = \"县养老工作领导小组各成员单位\""),
        "{config}"
    );
    assert!(!config.contains("unspecified = [\"县养老"), "{config}");
}

/// A news page's site name on the first line, then the plan's name after a topic and a
/// colon (…扶持政策：关于…的若干措施): the plan's name is the title, the site name said.
#[test]
fn a_plan_named_after_a_topic_is_the_title_under_a_site_name() {
    let (_dir, input) = text_source(
        "方案.txt",
        "某某政务资讯网\n\n午区人才扶持政策:关于加快集聚高层次人才的若干措施\n\n\
         为加快集聚人才,特制定如下措施。\n\n一、引进领军人才\n\n1.给予安家补贴。\n\n牵头单位:区人才办\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("午区人才扶持政策:关于加快集聚高层次人才的若干措施")
    );
    assert_eq!(codes_at(&checked, "source/unused"), [1]);
}

/// A table pasted one cell per line whose part heading lost its number and whose group
/// number stands in the 序号 cell over its title: both headings are read, no line lost.
#[test]
fn headings_of_a_table_pasted_one_cell_per_line_are_read() {
    let (_dir, input) = text_source(
        "表.txt",
        "未县2026年重点工作责任分工\n\n序号\n\n重点工作\n\n牵头单位\n\n配合单位\n\n\
         提升公共服务水平。\n\n(一)\n\n办好人民满意教育。\n\n1\n\n新建幼儿园2所。\n\n县教育局\n\n县财政局\n\n\
         2\n\n改扩建中学1所。\n\n县教育局\n\n县住建局\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(codes_at(&checked, "table/stray-line").is_empty());
    let groups = common::groups(&checked.plan);
    assert_eq!(groups.last().unwrap().1, [1, 2]);
    assert!(
        groups.last().unwrap().0.contains("办好人民满意教育"),
        "{groups:?}"
    );
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("提升公共服务水平"), "{table}");
    // The group prints with its own number, not one counted past the heading above it.
    assert!(table.contains("（一）办好人民满意教育"), "{table}");
    assert!(!table.contains("（二）"), "{table}");
}

/// A table pasted one cell per line whose units cells hold several names, one a line, and
/// a bracketed note under a name (科技园 / (城南镇)): the note stays with its name in the
/// units, never in the task's words; one unit leads, the names after it are the 配合 cell's.
#[test]
fn a_bracketed_note_pasted_under_a_unit_stays_with_it() {
    let (_dir, input) = text_source(
        "表.txt",
        "申区2026年主要目标责任分解表\n序号\n工作标准\n牵头单位\n配合单位\n\
         1\n工业产值增长6%。\n区经信局\n开发区\n科技园\n(城南镇)\n区统计局\n\
         2\n安全生产形势平稳。\n应急局\n(安委办)\n各街道\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        ["工业产值增长6%。", "安全生产形势平稳。"]
    );
    assert_eq!(common::leads(plan, 1), ["区经信局"]);
    assert_eq!(
        common::supports(plan, 1),
        ["开发区", "科技园（城南镇）", "区统计局"]
    );
    assert_eq!(common::leads(plan, 2), ["应急局（安委办）"]);
    assert!(codes_at(&checked, "table/after-table").is_empty());
}

/// 「A和B分别牵头、C」: 分别 says the leads are more than one — A and B each lead, C supports.
#[test]
fn two_units_joined_by_and_that_each_lead_are_two() {
    let (_dir, input) = text_source(
        "方案.txt",
        "酉区2026年重点工作责任分解\n\n一、开放发展\n\n1.建设物流园区，完成投资5亿元。\n\n\
         责任单位：投资促进局和口岸管理局分别牵头、区发改局\n\n2.新增外贸企业20家。\n\n\
         责任单位：区商务局、区税务局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(common::leads(plan, 1), ["投资促进局", "口岸管理局"]);
    assert_eq!(common::supports(plan, 1), ["区发改局"]);
}

/// A joint notice signed by two agencies a line each, dated by its month (2024年3月): the
/// 署名 and 成文日期 are read as such — not a paragraph of the body — and the date's missing
/// day is said.
#[test]
fn a_joint_notice_dated_by_its_month_is_signed_and_dated() {
    let (_dir, input) = text_source(
        "通知.txt",
        "中共戌县委 戌县人民政府关于实施2024年便民工程的通知\n\n各乡镇党委、政府，县直各单位：\n\n\
         现将《2024年便民工程计划》印发给你们，请认真组织实施。\n\n中共戌县委\n\n戌县人民政府\n\n\
         2024年3月\n\n2024年便民工程计划\n\n一、便民设施\n\n（1）新建社区食堂3个。\n\n\
         主办单位：县民政局，协办单位：县商务局。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.signer.as_deref(), Some("中共戌县委\n戌县人民政府"));
    assert_eq!(notice.date.as_deref(), Some("2024年3月"));
    let body: Vec<&str> = notice.body.iter().map(|p| p.text.as_str()).collect();
    assert!(!body.iter().any(|p| p.contains("戌县人民政府")), "{body:?}");
    let codes = codes(&checked);
    assert!(!codes.contains(&"notice/no-date"), "{codes:?}");
    assert!(!codes.contains(&"notice/no-signer"), "{codes:?}");
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "notice/date-format")
        .map(|d| d.message.as_str())
        .collect();
    assert!(said.len() == 1 && said[0].contains("没有写日"), "{said:?}");
}

/// Headings the document left unnumbered (主要预期目标, 扩大有效投资) over numbered items with
/// their duties in brackets: each heads the items under it as their group — not a line of
/// the preamble, nor one said as left out.
#[test]
fn unnumbered_headings_over_numbered_items_are_their_groups() {
    let (_dir, input) = text_source(
        "分工.txt",
        "亥市2026年重点工作任务分工\n\n为做好今年工作，提出如下分工：\n\n主要预期目标\n\n\
         1.地区生产总值增长5%左右。（市发展改革委牵头，市统计局配合）\n\n\
         2.城镇新增就业3万人。（市人社局牵头）\n\n扩大有效投资\n\n\
         3.新开工重大项目40个。（市发展改革委牵头，市住建委配合）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let groups = common::groups(&checked.plan);
    assert_eq!(
        groups,
        [
            ("主要预期目标".to_string(), vec![1, 2]),
            ("扩大有效投资".to_string(), vec![3])
        ]
    );
    assert!(codes_at(&checked, "source/unused").is_empty());
    let table = common::published_text(&input, "任务分工表.md");
    assert!(table.contains("扩大有效投资"), "{table}");
}

/// A table pasted one cell per line whose 序号 and 项目 the page merged over several rows:
/// measures numbered in their own cells (1.…, 2.…), each over its own units and some over
/// their leader, are a task each with its own units — none handed to the task above — and
/// a body named by its trade (海关) is a unit.
#[test]
fn measures_numbered_under_one_merged_number_pasted_one_cell_per_line_are_tasks() {
    let (_dir, input) = text_source(
        "分解.txt",
        "子区2026年重点工作目标任务分解方案\n\n序号\n项目\n重点工作目标任务\n牵头领导\n责任单位\n\
         1\n主要预期目标\n1.地区生产总值增长5%。\n张 强\n★区发改委、统计局\n\
         2.一般公共预算收入增长6%。\n★区财政局、税务局\n\
         3.进出口总额稳中有升。\n王 平\n★区商务局、子区海关\n\
         4.工业投资增长8%。\n★区工信局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::contents(plan),
        [
            "地区生产总值增长5%。",
            "一般公共预算收入增长6%。",
            "进出口总额稳中有升。",
            "工业投资增长8%。"
        ]
    );
    assert_eq!(common::leads(plan, 1), ["区发改委"]);
    assert_eq!(common::leads(plan, 2), ["区财政局"]);
    assert_eq!(common::supports(plan, 3), ["子区海关"]);
    assert_eq!(common::leads(plan, 4), ["区工信局"]);
    let codes = codes(&checked);
    assert!(!codes.contains(&"table/stray-line"), "{codes:?}");
    assert!(!codes.contains(&"table/after-table"), "{codes:?}");
}

/// A notice issuing a plan whose name quotes another document (2026年县《政府工作报告》重点
/// 任务分工方案) over a table with no title of its own: the plan is named in full, not by
/// the document it quotes; the body naming it with 〈〉 inside 《》 and another document
/// says only the other is to be attached; an autonomous region's level is lent whole
/// (自治区发展改革委、交通运输厅).
#[test]
fn a_plan_named_after_the_report_it_carries_out_keeps_its_whole_name() {
    let (_dir, input) = text_source(
        "通知.txt",
        "某县人民政府关于印发2026年县《政府工作报告》重点任务分工方案的通知\n\n\
         各乡镇人民政府，县直各单位：\n\n\
         《2026年县〈政府工作报告〉重点任务分工方案》《安全生产责任分工方案》已经县政府同意，\
         现印发给你们，请认真贯彻执行。\n\n某县人民政府\n\n2026年3月2日\n\n\
         | 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n\
         | 1 | 新改建口岸公路50公里。 | 自治区发展改革委、交通运输厅 |\n\
         | 2 | 建成口岸综合客运站。 | 自治区交通运输厅 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("2026年县《政府工作报告》重点任务分工方案")
    );
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "notice/attachments")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("《安全生产责任分工方案》"), "{said:?}");
    assert!(!said[0].contains("政府工作报告"), "{said:?}");
    assert_eq!(common::supports(&checked.plan, 1), ["自治区交通运输厅"]);
    let codes = codes(&checked);
    assert!(!codes.contains(&"unit/maybe-two"), "{codes:?}");
}

/// A document signed at its end (署名 and 成文日期 right under the last task's units, no
/// blank line between): the signature is no unit, it prints as a signature, and its date
/// gives the year of a plan that is a document itself (…实施意见(文号)).
#[test]
fn a_signature_under_the_last_task_is_no_unit_and_dates_the_plan() {
    let (_dir, input) = text_source(
        "方案.txt",
        "青山县人民政府办公室关于印发春耕备耕工作方案的通知\n青政办发〔2026〕5号\n\
         各乡镇人民政府，县直各单位：\n现将《春耕备耕工作方案》印发给你们，请认真贯彻执行。\n\
         青山县人民政府办公室\n2026年3月1日\n春耕备耕工作方案\n一、主要任务\n\
         1.储备化肥农药，确保供应充足。\n责任单位：县农业农村局（牵头），县供销社\n\
         2.维修农机具，3月底前完成检修。\n责任单位：县农机中心（牵头），县各乡镇\n\
         中共青山县委办公室\n青山县人民政府办公室\n2026年3月1日\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(common::leads(plan, 2), ["县农机中心"]);
    assert_eq!(common::supports(plan, 2), ["县各乡镇"]);
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("办公室")), "{names:?}");

    // A plan that is a document of its own: its 文号 after its title, its signature at its
    // end — the year is the document's, not the web page's.
    let (_dir, input) = text_source(
        "意见.txt",
        "发布时间：2027-01-26\n\n青山县人民政府关于做好春耕备耕工作的实施意见(青政〔2026〕8号)\n\n\
         为做好今年春耕备耕工作，现提出如下意见。\n\n一、保障农资供应\n\n\
         1.组织化肥调运。(县供销社牵头负责，6月底前完成)\n\n\
         2.开展种子检查。(县农业农村局牵头，县市场监管局配合)\n\n\
         青山县人民政府\n2026年2月20日\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.year, Some(2026));
    let codes = codes(&checked);
    assert!(!codes.contains(&"plan/year-from-page"), "{codes:?}");
    let deadline = checked
        .plan
        .task(1)
        .unwrap()
        .deadline
        .map(|d| d.to_string());
    assert_eq!(deadline.as_deref(), Some("2026-06-30"));
    // Its signature prints as one: the 落款 under its text, each line apart.
    let printed = common::published_text(&input, "方案.md");
    assert!(
        printed.contains(
            "::: {custom-style=\"落款\"}\n青山县人民政府\n:::\n\n\
             ::: {custom-style=\"落款日期\"}\n2026年2月20日\n:::"
        ),
        "{printed}"
    );
}

/// Notice titles as joint notices and web pages write them: two offices side by side and
/// no 关于 (甲 乙印发《…》的通知), or the whole title in 《》 with the plan's name in 〈〉.
#[test]
fn a_notice_title_without_its_guanyu_or_inside_book_marks_is_a_title() {
    let body = "\n青委办发〔2026〕3号\n各乡镇党委和人民政府，县直各单位：\n\
        现将《青山县社区服务提升行动方案》印发给你们，请认真贯彻落实。\n\
        青山县人民政府办公室\n2026年3月2日\n青山县社区服务提升行动方案\n一、主要任务\n\
        1.新建社区食堂5个。（县民政局牵头，各乡镇配合）\n\
        2.改造社区服务中心3个。（县住建局牵头）\n";
    for (title, read) in [
        (
            "中共青山县委办公室 青山县人民政府办公室印发《青山县社区服务提升行动方案》的通知",
            "中共青山县委办公室　青山县人民政府办公室印发《青山县社区服务提升行动方案》的通知",
        ),
        (
            "青山县人民政府办公室印发《青山县社区服务提升行动方案》的通知",
            "青山县人民政府办公室印发《青山县社区服务提升行动方案》的通知",
        ),
        (
            "《青山县人民政府办公室关于印发〈青山县社区服务提升行动方案〉的通知》",
            "青山县人民政府办公室关于印发《青山县社区服务提升行动方案》的通知",
        ),
    ] {
        let (_dir, input) = text_source("通知.txt", &format!("{title}{body}"));
        let checked = fengong::check(&input).unwrap();
        let notice = &checked.plan.notice;
        assert_eq!(notice.title.as_deref(), Some(read), "{title}");
        assert_eq!(
            checked.plan.title.as_deref(),
            Some("青山县社区服务提升行动方案")
        );
        let codes = codes(&checked);
        assert!(!codes.contains(&"notice/no-title"), "{title}: {codes:?}");
        assert!(!codes.contains(&"source/unused"), "{title}: {codes:?}");
    }
}

/// A page that kept the notice's title and the plan, not the notice's body: the plan's title
/// set over three lines, the first naming no plan on its own, is read whole from the name
/// the notice's title gives it.
#[test]
fn a_plan_title_over_lines_is_read_whole_from_the_name_its_notice_gives() {
    let (_dir, input) = text_source(
        "计划.txt",
        "中共青山区委办公室 青山区人民政府办公室印发《青山区全面提升“城市颜值”加快建设“美丽街区”三年行动计划(2026—2028年)》的通知\n\
         青山区全面提升“城市颜值”\n加快建设“美丽街区”三年行动计划\n(2026—2028年)\n\
         为改善城区面貌，制定本行动计划。\n一、主要任务\n(一)整治街面秩序\n\
         1.清理占道经营，2026年底前完成。\n责任单位:区城管局(牵头)、各街道\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("青山区全面提升“城市颜值”加快建设“美丽街区”三年行动计划(2026—2028年)")
    );
    // The notice's title alone, no notice under it: said as left out, its line only.
    assert_eq!(codes_at(&checked, "source/unused"), [1]);
}

/// What a web page puts around a document: its own buttons over the title (分享到微信,
/// 打印本页, ×), a scan prompt under the 附注, and a scraping site's @@ strewn through the
/// words — none of it the document's, each said, never part of a title or a unit.
#[test]
fn a_pages_buttons_and_a_scrapers_marks_are_none_of_the_document() {
    let (_dir, input) = text_source(
        "意见.txt",
        "分享到微信\n打印本页\n×\n青山县人民政府关于做好春耕备耕工作的实施意见\n\n\
         为做好今年春耕备耕工作，现提出如下意见。\n\n一、保障农资供应\n\n\
         1.组织化肥调运。(县供销社牵头负责)\n\n2.开展种子检查。(县农业农村局牵头，县市场监管局配合)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("青山县人民政府关于做好春耕备耕工作的实施意见")
    );
    assert_eq!(codes_at(&checked, "source/unused"), [1, 2, 3]);

    let (_dir, input) = text_source(
        "通知.txt",
        "青山镇人民政府办公室关于印发2026年重点工作分工表的通知\n\n各村（社区），镇属各单位：\n\n\
         现将《青山镇2026年重点工作分工表》印发给你们，请认真落实。\n\n\
         附件：青山镇2026年重点工作分工表\n\n青山镇人民政府办公室\n2026年3月1日\n\
         (联系人:王某,联系电话:1234567)(此件公开发布)\n扫一扫在手机上查看当前页面\n\n附件\n\n\
         青山镇2026年重点工作分工表\n\n| 序号 | 任务内容 | 牵头单位 | 完成时限 |\n\
         | --- | --- | --- | --- |\n| 1 | 新建公厕8座 | 镇环卫所 | 2026年10月底 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("青山镇2026年重点工作分工表")
    );
    let annotation = checked.plan.notice.annotation.clone().unwrap_or_default();
    assert!(
        annotation.contains("联系人") && annotation.contains("此件公开发布"),
        "{annotation}"
    );
    assert!(codes_at(&checked, "source/unused").contains(&12));
    let codes = codes(&checked);
    assert!(!codes.contains(&"notice/attachment-title"), "{codes:?}");

    let (_dir, input) = text_source(
        "通知.txt",
        "青山县人民政府办@@公室@@关于印发@@城乡环境整治方案的通知@@\n青政办发〔2026〕7号\n\
         各乡镇人民政府@@，县直各单位：\n现将@@《城乡环境整治方案》印发给你们@@，请认真执行。\n\n\
         青山县人民政府办@@公室@@\n\n2026年@@3月@@1日@@\n\n城乡环境整治方案@@\n\
         1.@@清理河道垃圾@@。(县水利局牵头@@,县住建局@@、县环卫所配合@@)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(common::leads(plan, 1), ["县水利局"]);
    assert_eq!(common::supports(plan, 1), ["县住建局", "县环卫所"]);
    assert_eq!(plan.notice.date.as_deref(), Some("2026年3月1日"));
    assert_eq!(plan.title.as_deref(), Some("城乡环境整治方案"));
    assert_eq!(codes_at(&checked, "text/marks-removed"), [1]);
}

/// Who does the work, as plans write it: 按职责分工负责 after a list is each unit's own part
/// (they all lead) — after a lead it names, the rest do theirs under it; a phrase naming
/// every unit of a kind (市政府各部门) gets no sheet, and says so; a document the notice
/// cites before the one it issues is not issued; the last cell of a table pasted one cell
/// per line, a list of whole names, is no text cut off.
#[test]
fn each_units_part_and_a_phrase_naming_every_unit_are_read_as_plans_mean_them() {
    let (_dir, input) = text_source(
        "通知.txt",
        "青山市人民政府关于印发2026年政府工作报告重点工作分工表的通知\n\n各区人民政府，市政府各部门：\n\n\
         2026年1月5日，市长在市人民代表大会上所作的《政府工作报告》安排部署了今年的主要工作任务。\
         为推动落实，现将《青山市2026年政府工作报告重点工作分工表》印发给你们，请认真抓好落实。\n\n\
         青山市人民政府\n\n2026年2月1日\n\n青山市2026年政府工作报告重点工作分工表\n\n一、优化服务\n\n\
         （一）推行一窗通办。（市政务服务局、市司法局、市财政局按职责分工负责）\n\n\
         （二）开展隐患排查。（市应急局牵头，各区政府、市政府各部门按职责分工负责）\n\n\
         （三）加强执法检查。（市应急局牵头，市直各有关单位配合）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        common::leads(plan, 1),
        ["市政务服务局", "市司法局", "市财政局"]
    );
    assert_eq!(common::leads(plan, 2), ["市应急局"]);
    assert_eq!(common::supports(plan, 2), ["各区政府"]);
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/phrase-no-sheet")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("「市政府各部门」"), "{said:?}");
    let codes = codes(&checked);
    assert!(!codes.contains(&"plan/one-of-several"), "{codes:?}");
    assert!(!codes.contains(&"unit/lead-first"), "{codes:?}");

    let (_dir, input) = text_source(
        "分工.txt",
        "青山区养老服务工作分工\n\n序号\n工作任务\n牵头单位\n配合单位\n\n1\n新增养老床位300张\n区民政局\n\
         区卫生健康委、区医疗保障局、各街道办事处\n",
    );
    let checked = fengong::check(&input).unwrap();
    let said = common::codes(&checked);
    assert!(!said.contains(&"source/cut-off"), "{said:?}");
}

/// Round 49's real notices in our words: places sharing the government written once after
/// the last (各乡、民族乡、镇人民政府) are one phrase; a title quoting a slogan with a comma
/// in it is a title, over one line or two; documents the notice cites as its grounds are not
/// issued with it; a 附注 with no date over it ends the body, and a plan named with its
/// period ((2026—2027年)) starts the plan.
#[test]
fn shared_governments_quoted_slogans_cited_documents_and_a_lone_annotation() {
    let (_dir, input) = text_source(
        "通知.txt",
        "青山州人民政府办公室关于印发在全州开展“收好官，开好局”专项行动实施方案的通知\n\
         青政办〔2026〕9号\n各乡、民族乡、镇人民政府，州直各部门：\n\
         为贯彻落实省农业农村厅《关于印发〈全省秸秆利用行动方案〉的通知》精神，\
         结合实际制定了《关于在全州开展“收好官，开好局”专项行动实施方案》，现印发给你们。\n\
         (此件公开发布)\n\
         关于在全州开展“收好官，开好局”\n专项行动实施方案(2026—2027年)\n\
         为抓好开局工作，制定本方案。\n一、重点任务\n\
         1.建设村级信息服务站。(责任单位:州农业农村局牵头,各乡、民族乡、镇人民政府配合)\n\
         2.推进电商培训。(责任单位:州商务局牵头,各市、特区、区人民政府配合)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.title.as_deref(),
        Some("青山州人民政府办公室关于印发在全州开展“收好官，开好局”专项行动实施方案的通知")
    );
    assert_eq!(
        plan.title.as_deref(),
        Some("关于在全州开展“收好官，开好局”专项行动实施方案(2026—2027年)")
    );
    assert_eq!(common::supports(plan, 1), ["各乡、民族乡、镇人民政府"]);
    assert_eq!(common::supports(plan, 2), ["各市、特区、区人民政府"]);
    let body: Vec<&str> = plan.notice.body.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body.len(), 1, "{body:?}");
    assert!(!body[0].contains("此件公开发布"), "{body:?}");
    let preamble: Vec<&str> = plan.preamble.iter().map(|p| p.text.as_str()).collect();
    assert!(
        preamble.iter().any(|p| p.starts_with("为抓好开局工作")),
        "{preamble:?}"
    );
    let codes = codes(&checked);
    for code in [
        "notice/no-title",
        "notice/attachments",
        "plan/one-of-several",
    ] {
        assert!(!codes.contains(&code), "{code}: {codes:?}");
    }
}

/// A web page's information box copied as a table's rows, each opening with its label
/// (文件名称 | … | ||, 内容概述 | … |): the page's, said line by line, never the plan's title.
#[test]
fn an_information_box_copied_as_rows_of_bars_is_the_pages() {
    let (_dir, input) = text_source(
        "通报.txt",
        "文件名称 | 青山县政府常务会议议定事项督办通报 | ||\n\
         索引号 | qsx/2026-0012 | 公开目录: | 政务督查 |\n\
         文号 | 督办通报第三期 | 成文日期: | 2026年05月06日 |\n\
         内容概述 | 青山县政府常务会议议定事项督办通报 |\n\
         青山县政府常务会议议定事项督办通报\n\
         县政府督查室对常务会议议定事项开展了督办，现通报如下。\n一、督办事项\n\
         1.推进城东片区改造。(县住建局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("青山县政府常务会议议定事项督办通报")
    );
    assert_eq!(codes_at(&checked, "source/unused"), [1, 2, 3, 4]);
}

/// `责任单位:A、B,C按职责分工负责` beside another task's 牵头单位 and 配合单位 labels: A leads
/// by its place, B and C are 责任单位 as their sheets say, and the table prints them in a
/// 责任单位 column of their own, not under 牵头单位 (where they would read as leading).
#[test]
fn units_listed_after_a_lead_by_order_print_apart_from_the_leads() {
    use fengong::model::Role;
    let (_dir, input) = text_source(
        "方案.txt",
        "南坪区草原防火方案\n一、职责分工\n\
         1.开展草原防火巡查。(责任单位:区林草局、区应急局,各乡镇按职责分工负责;完成时限:全年)\n\
         2.储备扑火物资。(牵头单位:区应急局;配合单位:区财政局;完成时限:2024年4月底)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    let responsible: Vec<&str> = (plan.task(1).unwrap().units.iter())
        .filter(|a| a.role == Role::Responsible)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(leads(plan, 1), ["区林草局"]);
    assert_eq!(responsible, ["区应急局", "各乡镇"]);
    assert!(supports(plan, 1).is_empty());
    let table = fengong::view::TaskTableView::new(plan);
    let headings = table_headings(&table);
    assert_eq!(
        headings,
        [
            "序号",
            "具体内容",
            "牵头单位",
            "配合单位",
            "责任单位",
            "完成时限"
        ]
    );
    let rows = table_rows(&table);
    assert_eq!(rows[0][2..5], ["区林草局", "", "区应急局、各乡镇"]);
    assert_eq!(rows[1][2..5], ["区应急局", "区财政局", ""]);
    let sheets = fengong::view::TaskSheet::all(plan);
    let emergency = sheets.iter().find(|s| s.unit == "区应急局").unwrap();
    assert_eq!(emergency.tasks[0].role, "责任");
}

/// A lead marked by a sign after its name (区财政局*、区发改局, the mark some cities use):
/// the marked unit leads and its name carries no mark, in a pipe table and in a cell whose
/// units stand one a line.
#[test]
fn a_lead_mark_after_the_name_marks_the_lead() {
    let (_dir, input) = text_source(
        "分解.md",
        "白沙区2026年重点工作责任分解\n\n\
         | 序号 | 重点工作 | 责任单位 |\n|---|---|---|\n\
         | 1 | 兑现惠企资金5亿元。 | 区经信局*、区财政局 |\n\
         | 2 | 争取专项债额度8亿元。 | 区财政局＊<br>区发改局 |\n\
         | 3 | 新设产业子基金2支。 | ★区财政局、区科技局 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(leads(plan, 1), ["区经信局"]);
    assert_eq!(supports(plan, 1), ["区财政局"]);
    assert_eq!(leads(plan, 2), ["区财政局"]);
    assert_eq!(supports(plan, 2), ["区发改局"]);
    assert_eq!(leads(plan, 3), ["区财政局"]);
    let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        names.iter().all(|n| !n.contains(['*', '＊', '★'])),
        "{names:?}"
    );
    assert_eq!(codes_at(&checked, "unit/lead-mark"), [5]);
}

/// A gazette's head: the 版头 behind a web page's bullet, the title over two lines, the
/// 成文日期 in parentheses between the title and the 文号 — or a page's stamp there (a date
/// and 作者:). The title is read, the date is the notice's, the stamp is said.
#[test]
fn a_date_or_a_page_stamp_between_title_and_number_hides_no_title() {
    let body = "各区人民政府，市政府各部门：\n\
                市政府决定办好以下实事。现将有关事项通知如下：\n\
                一、稳定就业\n\
                （一）新增城镇就业2万人。（责任单位：市人社局）\n";
    let (_dir, input) = text_source(
        "公报.txt",
        &format!(
            "  •   东湖市人民政府\n\n关于2026年重点办好\n\n民生实事的通知\n\n\
             （2026年1月20日）\n\n东政发〔2026〕2号\n\n{body}"
        ),
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("东湖市人民政府关于2026年重点办好民生实事的通知")
    );
    assert_eq!(notice.issuer.as_deref(), Some("东湖市人民政府"));
    assert_eq!(notice.date.as_deref(), Some("2026年1月20日"));
    let codes = codes(&checked);
    for code in ["notice/no-title", "plan/no-title", "source/unused"] {
        assert!(!codes.contains(&code), "{code}: {codes:?}");
    }
    let (_dir, input) = text_source(
        "网页.txt",
        &format!(
            "东湖市人民政府关于2026年重点办好民生实事的通知\n\
             2026-01-22 作者:\n东政发〔2026〕2号\n{body}"
        ),
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.notice.title.as_deref(),
        Some("东湖市人民政府关于2026年重点办好民生实事的通知")
    );
    assert_eq!(codes_at(&checked, "source/unused"), [2]);
}

/// A notice sent to one body (区属各有关单位：) is a notice: its 主送 is no table's label.
#[test]
fn a_notice_to_one_body_is_a_notice() {
    let (_dir, input) = text_source(
        "通知.txt",
        "西岭区人民政府办公室关于印发《西岭区2026年度工作任务》的通知\n\
         区属各有关单位:\n\
         《西岭区2026年度工作任务》已经区人民政府同意,现印发给你们,请认真贯彻落实。\n\
         西岭区人民政府办公室\n2026年3月2日\n\
         西岭区2026年度工作任务\n一、重点工作\n\
         1.提升商圈品质。(责任单位:区商务局、区财政局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert!(notice.is_made());
    assert_eq!(notice.recipients, ["区属各有关单位"]);
    assert_eq!(notice.date.as_deref(), Some("2026年3月2日"));
    let codes = codes(&checked);
    for code in ["notice/not-made", "source/unused", "text/joint-added"] {
        assert!(!codes.contains(&code), "{code}: {codes:?}");
    }
}

/// （一）…（牵头单位：X） over items numbered 1. each with its own units: the （一） line is
/// the group, printed as written with its lead, not a task; an item naming no one is the
/// group lead's. Alone, with no items under it, such a line is still a task.
#[test]
fn a_group_heading_naming_its_lead_heads_its_items() {
    let (_dir, input) = text_source(
        "任务.txt",
        "东岭区2026年度工作任务\n一、重点工作\n\
         (一)加快建设区域消费中心(牵头单位:区商务局)\n\
         1.举办促消费活动10场。(责任单位:区商务局、区文旅局)\n\
         2.新增限上商贸企业30家。\n\
         (二)建设科创走廊(牵头单位:区科技局)\n\
         3.新认定高新技术企业20家。(责任单位:区科技局、区工信局)\n\
         二、民生事项\n\
         (一)新建社区食堂5个(牵头单位:区民政局)\n\
         (二)改造老旧小区12个(牵头单位:区住建局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "举办促消费活动10场。",
            "新增限上商贸企业30家。",
            "新认定高新技术企业20家。",
            "新建社区食堂5个",
            "改造老旧小区12个"
        ]
    );
    assert_eq!(
        common::groups(plan)[..2],
        [
            (
                "加快建设区域消费中心(牵头单位:区商务局)".to_string(),
                vec![1, 2]
            ),
            ("建设科创走廊(牵头单位:区科技局)".to_string(), vec![3])
        ]
    );
    assert_eq!(leads(plan, 2), ["区商务局"]);
    assert_eq!(leads(plan, 4), ["区民政局"]);
    assert_eq!(leads(plan, 5), ["区住建局"]);
    // Only the second part's items, numbered （一）（二） as tasks, are numbered anew.
    assert_eq!(codes_at(&checked, "plan/renumbered"), [9]);
    assert_eq!(codes_at(&checked, "unit/lead-from-heading"), [3]);
}

/// A web table's rows copied with their bars: a merged section row keeps its bars after
/// its words (一、… |||), a piece of the header stands over it (工作要求 |), and the names of
/// the tasks carry their own numbers (1.做好规划解读) where the table has no 序号 column.
/// The bars and the repeated number are the table's, the piece is said.
#[test]
fn bars_and_numbers_a_web_table_leaves_are_not_the_plans_words() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "2026年政务公开重点任务分解表\n\
         工作要求 |\n\
         工作任务 | 工作要求 | 牵头单位 | 责任单位 |\n\
         一、深化政务公开 |||\n\
         1.做好规划解读 | 及时发布解读材料。 | 区发改局 | 区直各部门 |\n\
         二、加强政策公开 |\n\
         2.编制政策清单 | 按季度更新清单。 | 区工信局 | 各镇、街 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["深化政务公开", "加强政策公开"]);
    assert_eq!(
        contents(plan),
        [
            "做好规划解读：及时发布解读材料。",
            "编制政策清单：按季度更新清单。"
        ]
    );
    assert_eq!(supports(plan, 2), ["各镇", "各街"]);
    let table = fengong::view::TaskTableView::new(plan);
    assert_eq!(table.title, "2026年政务公开重点任务分解表");
    assert_eq!(codes_at(&checked, "source/unused"), [2]);
    assert!(!codes(&checked).contains(&"unit/fragment"));
}

/// The headings of the published table's columns.
fn table_headings(table: &fengong::view::TaskTableView) -> Vec<&str> {
    table.columns.iter().map(|c| c.heading.as_str()).collect()
}

/// The published table's task rows, cell by cell.
fn table_rows(table: &fengong::view::TaskTableView) -> Vec<&Vec<String>> {
    (table.sections.iter())
        .flat_map(|s| &s.groups)
        .flat_map(|g| g.tasks.iter().map(|t| &t.cells))
        .collect()
}

/// A plan two offices issue as a document of its own, signed at its end (中共某区委办公室 /
/// 某区人民政府办公室 / the date): its 落款, set as a signature in 方案.*, not as body lines
/// after its last task.
#[test]
fn a_plan_signed_at_its_end_prints_its_signature_as_one() {
    let (dir, input) = text_source(
        "方案.txt",
        "青原区优化营商环境三年行动计划\n为持续优化营商环境，制定本计划。\n一、主要任务\n\
         1.推进“一网通办”，年底前实现90%事项网上可办。\n\
         责任单位：区行政服务中心（牵头）、区各相关部门\n\
         中共青原区委办公室\n青原区人民政府办公室\n2026年5月8日\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    let signed = plan.sign_off.as_ref().expect("a 落款");
    assert_eq!(
        signed.signers,
        ["中共青原区委办公室", "青原区人民政府办公室"]
    );
    assert_eq!(signed.date, "2026年5月8日");
    assert!(plan.closing.is_empty(), "{:?}", plan.closing);
    assert_eq!(leads(plan, 1), ["区行政服务中心"]);
    let out = dir.path().join("out");
    fengong::publish_with(&input, &out, &fengong::Options::default()).unwrap();
    let md = std::fs::read_to_string(out.join("方案.md")).unwrap();
    assert!(
        md.contains("::: {custom-style=\"落款\"}\n中共青原区委办公室\n:::")
            && md.contains("::: {custom-style=\"落款\"}\n青原区人民政府办公室\n:::")
            && md.contains("::: {custom-style=\"落款日期\"}\n2026年5月8日\n:::"),
        "{md}"
    );
    let pdf = common::pdf_text(&out.join("方案.pdf"));
    assert_eq!(pdf.matches("青原区人民政府办公室").count(), 1, "{pdf}");
    assert!(common::docx_text(&out.join("方案.docx")).contains("2026年5月8日"));
}

/// A web page's box over the document, a value a line (its title, 文号, 发布机构, date,
/// 有效), then the document's own head: the notice is read from its own head, its 文号
/// from the box or from under its title, the box's lines are said. A box whose labels
/// carry a bullet (• 发布机构：) heads no notice.
#[test]
fn a_page_box_a_value_a_line_over_the_document_is_the_pages() {
    let head = "西山区人民政府办公室\n关于印发重点工作分工的通知\n";
    let rest = "各街道办事处，区政府各部门：\n现将重点工作分工印发给你们，请认真落实。\n\
                西山区人民政府办公室\n2026年2月25日\n\
                序号\t工作任务\t牵头单位\t完成时限\n1\t新建口袋公园两处\t区住建局\t2026年10月底前\n";
    let box_lines = "西山区人民政府办公室关于印发重点工作分工的通知\n西政办字〔2026〕5号\n\
                     西山区政府\n2026-03-01\n有效\n";
    for own_number in ["", "西政办字〔2026〕5号\n"] {
        let (_dir, input) =
            text_source("网页.txt", &format!("{box_lines}{head}{own_number}{rest}"));
        let checked = fengong::check(&input).unwrap();
        let notice = &checked.plan.notice;
        assert_eq!(
            notice.title.as_deref(),
            Some("西山区人民政府办公室关于印发重点工作分工的通知"),
            "{own_number}"
        );
        assert_eq!(notice.issuer.as_deref(), Some("西山区人民政府办公室"));
        assert_eq!(notice.doc_number.as_deref(), Some("西政办字〔2026〕5号"));
        assert_eq!(notice.recipients, ["各街道办事处", "区政府各部门"]);
        assert_eq!(notice.date.as_deref(), Some("2026年2月25日"));
        assert_eq!(notice.signer.as_deref(), Some("西山区人民政府办公室"));
        assert_eq!(codes_at(&checked, "source/unused"), [1, 2, 3, 4, 5]);
    }
    let (_dir, input) = text_source(
        "网页.txt",
        "  • 发布机构:\n\n    西山县人民政府办公室\n  • 成文日期:\n\n    2026-02-22\n\n\
         2026年重点工作责任分解\n\n一、主要任务\n\n1.新建口袋公园两处。\n\n责任单位:县住建局\n\
         (来源:西山发布)\n编辑:李明 审核:王芳\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(!checked.plan.notice.is_made());
    assert_eq!(leads(&checked.plan, 1), ["县住建局"]);
    let names: Vec<&str> = checked.plan.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["县住建局"]);
    assert_eq!(codes_at(&checked, "source/unused"), [1, 3, 4, 6, 15, 16]);
}

/// A 成文日期 written 2026-02-22 says one date, only not as a 公文 writes it: a note that
/// it prints as 2026年2月22日, no warning that its 年月日 are missing.
#[test]
fn a_date_written_with_dashes_is_printed_as_a_notice_writes_it() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发重点工作分工的通知\n各镇人民政府：\n现将重点工作分工印发给你们，请认真落实。\n\
         东川县人民政府办公室\n2026-02-22\n\
         序号\t工作任务\t牵头单位\n1\t新建口袋公园两处\t县住建局\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.notice.date.as_deref(), Some("2026年2月22日"));
    let said: Vec<_> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "notice/date-read")
        .collect();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].severity, fengong::Severity::Note);
    assert!(!said[0].message.contains("缺"), "{}", said[0].message);
}

/// An item whose line hands out its work as 一是…二是… heads those tasks; the items after it
/// numbered as it is (3. 4.) are not more of them, and their numbers, moved on by the
/// split, are said. An 一是 after a part's heading words is no renumbering.
#[test]
fn items_after_an_item_split_into_yishi_are_its_siblings() {
    let (_dir, input) = text_source(
        "方案.txt",
        "重点工作分解方案\n一、重点工作\n\
         1.新建口袋公园两处。(区住建局牵头,区财政局配合)\n\
         2.发展数字经济。一是建成数字化车间10个(区经信委牵头);二是新建5G基站300个(区经信委牵头,区通信办配合)。\n\
         3.改造老旧小区三个。(区住建局牵头)\n\
         4.整治湖区岸线。(区水利局牵头)\n\
         二、民生事项。一是新建社区食堂5个(区民政局牵头)。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 6);
    let groups = common::groups(plan);
    assert_eq!(groups[1], ("2.发展数字经济".to_string(), vec![2, 3]));
    assert_eq!(groups[2], (String::new(), vec![4, 5]));
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "plan/renumbered")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(said.len(), 1);
    assert!(
        said[0].contains("第 4 项原为「3.」，第 5 项原为「4.」") && !said[0].contains("第 6 项"),
        "{}",
        said[0]
    );
}

/// A notice body whose first 《 a web page lost (`2021年…方案》和《…》已经市政府同意`): both
/// names are read, the plan is the one whose title stands over the table, and the other is
/// said to be attached apart — no title made up from the notice's.
#[test]
fn a_name_whose_opening_mark_was_lost_is_still_a_name() {
    let (_dir, input) = text_source(
        "通知.txt",
        "北川市人民政府办公室\n关于印发2026年市政府重点工作和民生实事项目责任分工方案的通知\n\
         北政办发〔2026〕9号\n各乡镇人民政府，市政府直属各单位：\n\
         2026年市政府重点工作责任分工方案》和《2026年市政府民生实事项目责任分工方案》已经市政府同意，\
         现印发给你们，请认真落实。\n北川市人民政府办公室\n2026年3月12日\n\
         2026年市政府重点工作责任分工方案\n序号\t重点工作\t牵头单位\n1\t新建口袋公园两处\t市住建局\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("2026年市政府重点工作责任分工方案")
    );
    let codes = codes(&checked);
    for code in ["notice/attachments", "notice/title-marks"] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
}

/// A table pasted one cell per line whose leader column the page merged down: a leader
/// with a post (李四副市长) opens the next row, not the row before's last column; a unit
/// line after a row's units is more of them; the rows under a leader's cell take that
/// leader, said; a last item cut off before its units is a task of its own, said cut.
#[test]
fn a_merged_leader_column_pasted_a_cell_a_line_heads_its_rows() {
    let (_dir, input) = text_source(
        "方案.txt",
        "重点工作分工方案\n牵头领导\n重点工作\n牵头单位\n配合单位\n备注\n\
         张三副市长\n1.新建公园两处。\n市住建局\n市财政局\n\
         2.改造老旧小区三个。\n市住建局\n市规划局\n各单位\n\
         李四副市长\n3.建设学校。\n市教育局\n市住建局\n6月底前\n\
         4.推进污水管网改造,开\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 4, "{:?}", contents(plan));
    let person = |no: u32| plan.task(no).unwrap().person.clone().unwrap_or_default();
    assert_eq!(
        [person(1), person(2), person(3), person(4)],
        ["张三副市长", "张三副市长", "李四副市长", "李四副市长"]
    );
    assert_eq!(plan.task(2).unwrap().unspecified, ["各单位"]);
    assert_eq!(plan.task(2).unwrap().extra, [""]);
    assert_eq!(plan.task(3).unwrap().extra, ["6月底前"]);
    assert_eq!(plan.task(4).unwrap().content, "推进污水管网改造,开");
    let codes = codes(&checked);
    for code in [
        "table/merged-down",
        "source/cut-off",
        "structure/empty-units",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    assert!(!codes.contains(&"table/cell-guessed"), "{codes:?}");
}

/// `现将《政府工作报告》…项工作任务予以分解印发` issues the report's work, not the report:
/// the plan is named by the attachment line; a document the body issues whole still is.
#[test]
fn a_report_whose_work_is_issued_is_not_the_plan() {
    let source = |body: &str| {
        format!(
            "青河县人民政府关于分解落实政府工作报告目标任务的通知\n青政〔2024〕2号\n\
             各乡镇人民政府,县政府各部门:\n{body}\n\
             附件:青河县2024年政府工作报告目标任务分解表\n青河县人民政府\n2024年2月1日\n\
             青河县2024年政府工作报告目标任务分解表\n序号\t工作任务\t牵头单位\n\
             1\t新建乡村公路30公里。\t县交通局\n"
        )
    };
    let parts = "现将《政府工作报告》2024年3个方面20项工作任务予以分解印发,请认真抓好落实。";
    let (_dir, input) = text_source("通知.txt", &source(parts));
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("青河县2024年政府工作报告目标任务分解表")
    );
    let whole = "现将《青河县2024年重点工作方案》印发给你们,请认真抓好落实。";
    let (_dir, input) = text_source("通知.txt", &source(whole));
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.title.as_deref(), Some("青河县2024年重点工作方案"));
}

/// A web page sets the issuer on a line of its own over a title opening with 关于, the 文号
/// under both: the issuer is the title's first words (a 版头 stands over the 文号, never
/// over a title).
#[test]
fn an_issuer_over_a_title_the_number_follows_is_the_titles() {
    let (_dir, input) = text_source(
        "意见.txt",
        "青河县人民政府\n关于持续深化“放管服”改革的实施意见\n青政发〔2024〕3号\n\
         各乡镇人民政府,县政府各部门:\n为深化改革,提出如下意见。\n一、主要任务\n\
         1.梳理下放一批县级审批事项。2024年9月底前完成。(牵头单位:县审批局;配合单位:县司法局)\n\
         2.推行“一网通办”。(牵头单位:县数据局;配合单位:县审批局)\n\
         青河县人民政府\n2024年3月1日\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.notice.title.as_deref(),
        Some("青河县人民政府关于持续深化“放管服”改革的实施意见")
    );
    assert_eq!(plan.notice.issuer.as_deref(), Some("青河县人民政府"));
    // The last sentence saying only when is the task's deadline.
    let first = plan.task(1).unwrap();
    assert_eq!(first.deadline_text.as_deref(), Some("2024年9月底前完成"));
    assert_eq!(first.content, "梳理下放一批县级审批事项。");
    assert!(plan.task(2).unwrap().deadline_text.is_none());
}

/// A 协作单位 column beside the 牵头 and 配合 ones: its units' sheets say 协作, as the source
/// does, not 责任.
#[test]
fn a_third_units_column_is_named_on_the_sheets_as_the_source_names_it() {
    let dir = common::project(&[(
        "分解表.txt",
        "青河县2024年重点工作任务分解表\n序号\t目标任务\t牵头单位\t协作单位\t配合单位\t完成时间\n\
         1\t全年完成固定资产投资20亿元。\t县发改局\t县统计局\t县财政局\t2024年12月底\n"
            .as_bytes(),
    )]);
    let out = common::fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let files = common::read_tree(&dir.path().join("output"));
    let sheet = String::from_utf8_lossy(&files["任务单/县统计局.md"]).to_string();
    assert!(sheet.contains("| 协作 |"), "{sheet}");
    let lead = String::from_utf8_lossy(&files["任务单/县发改局.md"]).to_string();
    assert!(lead.contains("协作：县统计局"), "{lead}");
}

/// A text that stops on a heading, or on an item's bare number under one, was cut: said
/// with the finding that no table was found.
#[test]
fn a_text_ending_under_a_heading_is_said_cut() {
    let (_dir, input) = text_source(
        "意见.txt",
        "青河县人民政府关于深化改革的实施意见\n青政发〔2024〕5号\n\
         各乡镇人民政府,县政府各部门:\n为深化改革,提出如下意见。\n一、主要任务\n\
         (一)优化审批事项\n1\n",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("no table: refused");
    };
    assert!(
        said.iter().any(|d| d.message.contains("没有写完")),
        "{said:?}"
    );
}

/// Agencies issuing jointly a line each, under the 文号 or over it: both issue, the title
/// and the 主送 below them are read as such, and no line of the head is said unused.
#[test]
fn agencies_issuing_jointly_a_line_each_around_the_number() {
    let rest = "关于印发《青山新区2024年植树造林实施方案》的通知\n\
                东镇、西镇党委和人民政府,新区各部门:\n\
                现将《青山新区2024年植树造林实施方案》印发给你们,请认真贯彻执行。\n\
                中共青山新区工作委员会\n青山新区管理委员会\n2024年3月1日\n\
                青山新区2024年植树造林实施方案\n一、重点任务\n\
                1.完成植树造林2000亩。(牵头单位:新区林业局;配合单位:东镇、西镇)\n";
    let agencies = "中共青山新区工作委员会\n青山新区管理委员会\n";
    let number = "青山发〔2024〕3号\n";
    for head in [format!("{number}{agencies}"), format!("{agencies}{number}")] {
        let (_dir, input) = text_source("通知.txt", &format!("{head}{rest}"));
        let checked = fengong::check(&input).unwrap();
        let notice = &checked.plan.notice;
        assert_eq!(
            notice.issuer.as_deref(),
            Some("中共青山新区工作委员会\n青山新区管理委员会"),
            "{head}"
        );
        assert_eq!(
            notice.title.as_deref(),
            Some("关于印发《青山新区2024年植树造林实施方案》的通知")
        );
        assert_eq!(
            notice.recipients,
            ["东镇、西镇党委和人民政府", "新区各部门"]
        );
        let codes = codes(&checked);
        for code in [
            "source/unused",
            "notice/no-title",
            "notice/recipients-colon",
        ] {
            assert!(!codes.contains(&code), "{head}: {code}");
        }
    }
}

/// A plan's title broken over three lines, a blank line between each, its 《 opened on the
/// first and closed on the last: one title.
#[test]
fn a_plan_title_over_three_lines_is_one_title() {
    let (_dir, input) = text_source(
        "通知.txt",
        "青山市人民政府办公室\n关于印发《青山市促进消费恢复实施方案》的通知\n\
         各县市区人民政府,市直机关各单位:\n\
         现将《青山市促进消费恢复实施方案》印发给你们,请认真组织实施。\n\
         青山市人民政府办公室\n2023年3月15日\n\n\
         青山市贯彻落实《关于促进消费\n\n恢复升级的若干政策\n\n措施》实施方案\n\n\
         一、促进消费\n1.发放消费券3000万元。(牵头单位:市商务局;配合单位:市财政局)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("青山市贯彻落实《关于促进消费恢复升级的若干政策措施》实施方案")
    );
}

/// A page's buttons around the headline (分享到: / 【字体:) take no line as their value: the
/// headline is the notice's title.
#[test]
fn a_title_between_a_pages_buttons_is_the_title() {
    let (_dir, input) = text_source(
        "网页.txt",
        "分享到:\n区政府办公室关于印发2021年区政府重点工作责任分工的通知\n【字体:\n\n\
         各乡镇人民政府,区直各单位:\n\
         经区政府同意,现将《2021年区政府重点工作责任分工》印发给你们,请认真贯彻落实。\n\
         青山区人民政府办公室\n2021年3月10日\n2021年区政府重点工作责任分工\n\
         一、主要预期目标\n1.地区生产总值增长8.5%。(牵头单位:区发改委;责任单位:区统计局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.notice.title.as_deref(),
        Some("区政府办公室关于印发2021年区政府重点工作责任分工的通知")
    );
    assert!(!codes(&checked).contains(&"notice/no-title"));
    assert_eq!(unused_lines(&checked), [1, 3]);
}

/// A notice's requirement that mentions a role word in brackets ((须综合责任单位情况)) names
/// no one: no task, no unit; with no table the source is refused as having none.
#[test]
fn a_bracket_naming_no_one_assigns_nothing() {
    let (_dir, input) = text_source(
        "通知.txt",
        "各乡镇人民政府,区直各单位:\n\
         经区政府同意,现将《2021年区政府重点工作责任分工》印发给你们,并提出如下要求:\n\
         一、以目标倒逼落实。各牵头单位要会同责任单位制订落实方案。\n\
         二、以督查促进落实。各牵头单位须于6月25日前将半年进展(须综合责任单位情况)报区政府督查室。\n",
    );
    assert!(matches!(
        fengong::check(&input),
        Err(fengong::Error::Input(_))
    ));
}

/// Among （一）…（三） groups each over its task's words, a （四） line whose words are only
/// its title and who leads is a group too, its task under it; a count of places (三县政府)
/// stands for their bodies as 各县政府 does.
#[test]
fn a_last_group_with_only_its_title_is_a_group_as_its_siblings() {
    let (_dir, input) = text_source(
        "方案.txt",
        "青山新区乡村振兴实施方案\n二、重点任务\n\
         (一)稳定粮食生产。全年粮食播种面积稳定在80万亩以上。(新区农业局牵头)\n\
         (二)加强农田建设。年内新建高标准农田5万亩。(新区农业局、新区水利局按职责分工负责)\n\
         (三)整治人居环境。完成农村户厕改造1万户。(牵头单位:新区生态环境局;配合单位:三县政府)\n\
         (四)深化农村集体产权制度改革。(新区农业局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let groups = groups(&checked.plan);
    assert_eq!(groups.len(), 4, "{groups:?}");
    assert_eq!(groups[3].1, [4]);
    assert_eq!(leads(&checked.plan, 4), ["新区农业局"]);
    let unfilled: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/group-unfilled")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        unfilled.iter().any(|m| m.contains("三县政府")),
        "{unfilled:?}"
    );
}

/// A tab table whose 牵头领导 cell was merged down over the rows: copied from a sheet, the
/// cells under the leader are empty; copied from a web page, they are left out and the
/// row is a cell short. Either way each task takes the leader above it, the task's own
/// words stay its content, and a heading row ends the merge.
#[test]
fn a_leader_merged_down_a_tab_table_heads_its_rows() {
    let table = |rows: &[&str]| {
        format!(
            "某县2025年重点工作任务分工表\n序号\t重点任务\t牵头领导\t牵头单位\t配合单位\t完成时限\n{}\n",
            rows.join("\n")
        )
    };
    let empty = table(&[
        "1\t推进工业园区扩区调规\t张三副县长\t县发改局\t县自然资源局\t6月底前",
        "2\t加快标准厂房建设\t\t县工信局\t县住建局\t9月底前",
        "二、民生事业",
        "3\t实施农村公路提质工程\t\t县交通局\t县财政局\t年底前",
    ]);
    let (_dir, input) = text_source("分工表.txt", &empty);
    let checked = fengong::check(&input).unwrap();
    let person = |no: u32| checked.plan.task(no).unwrap().person.clone();
    assert_eq!(person(1).as_deref(), Some("张三副县长"));
    assert_eq!(person(2).as_deref(), Some("张三副县长"));
    assert_eq!(person(3), None, "a heading ends the merge");
    assert_eq!(codes_at(&checked, "table/merged-down"), [3]);

    let short = table(&[
        "1\t推进工业园区扩区调规\t张三副县长\t县发改局\t县自然资源局\t6月底前",
        "2\t加快标准厂房建设\t县工信局\t县住建局\t9月底前",
        "3\t实施农村公路提质工程\t李四副县长\t县交通局\t县财政局\t年底前",
        "4\t推进高标准农田建设\t县农业农村局\t县水利局\t10月底前",
    ]);
    let (_dir, input) = text_source("分工表.txt", &short);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "推进工业园区扩区调规",
            "加快标准厂房建设",
            "实施农村公路提质工程",
            "推进高标准农田建设"
        ]
    );
    let person = |no: u32| plan.task(no).unwrap().person.clone().unwrap_or_default();
    assert_eq!([person(2), person(4)], ["张三副县长", "李四副县长"]);
    assert_eq!(leads(plan, 2), ["县工信局"]);
    assert_eq!(supports(plan, 4), ["县水利局"]);
    assert_eq!(codes_at(&checked, "table/merged-cell-restored"), [4, 6]);

    // No 完成时限 column: the leader's cell holding a body is the sign.
    let no_time = short.replace("\t完成时限", "");
    let no_time: String = (no_time.lines())
        .map(|l| {
            l.rsplit_once('\t')
                .filter(|(_, t)| t.ends_with('前'))
                .map_or(l, |(r, _)| r)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (_dir, input) = text_source("分工表.txt", &no_time);
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("张三副县长"));
    assert_eq!(leads(plan, 2), ["县工信局"]);
    assert_eq!(supports(plan, 2), ["县住建局"]);
}

/// A gazette's head dates the notice in parentheses, its 〇 typed as the letter O: the
/// finding on its form points at that line and quotes it as written.
#[test]
fn a_date_in_the_head_is_said_where_it_is_written() {
    let (_dir, input) = text_source(
        "通知.txt",
        "(二OO八年二月二十六日)\n青府办〔2008〕18号\n各镇人民政府,各街道办事处:\n\
         现将《2008年政府工作目标任务分解》印发给你们,请认真贯彻落实。\n特此通知\n\
         2008年政府工作目标任务分解\n一、促进经济发展。\n\
         1、加强经济运行分析。(牵头单位:区发改委;责任单位:区统计局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    // Printed in Arabic figures (GB/T 9704 7.3.5.1), the source's form kept and said.
    let notice = &checked.plan.notice;
    assert_eq!(notice.date.as_deref(), Some("2008年2月26日"));
    assert_eq!(notice.date_written.as_deref(), Some("二OO八年二月二十六日"));
    assert_eq!(codes_at(&checked, "notice/date-format"), [1]);
    let said = checked
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "notice/date-format")
        .unwrap();
    assert!(
        said.message.contains("「二OO八年二月二十六日」")
            && said.message.contains("「2008年2月26日」"),
        "{}",
        said.message
    );
}

/// A bracket of bodies' names alone closing each task, no role word (the plan says the
/// first listed leads, or says nothing): the list is the task's units, the first leading.
/// 主办 alone names the lead too; a parenthesis saying what to do when a task has no lead
/// is a rule, no one's task; a list of things built is no list of units.
#[test]
fn a_closing_bracket_of_bodies_names_who_does_the_task() {
    let (_dir, input) = text_source(
        "方案.txt",
        "市政府2020年重点工作分解落实方案\n\
         各责任单位要按月报告进展情况(无牵头单位的分别报告)。\n\
         一、经济发展\n\
         1、地区生产总值增长6.5%。(市发展改革委、财政局、税务局)\n\
         2、规模以上工业增加值增长6%。(市工信局)\n\
         3、一般公共预算收入增长5%。(市财政局、市税务局主办)\n\
         4、建成三大服务中心。(市民中心、会展中心、科技中心)\n\
         5、新建5G基站800个。(市工信局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5, "{:?}", contents(plan));
    assert_eq!(plan.task(1).unwrap().content, "地区生产总值增长6.5%。");
    assert_eq!(leads(plan, 1), ["市发展改革委"]);
    assert_eq!(supports(plan, 1), ["市财政局", "市税务局"]);
    assert_eq!(leads(plan, 2), ["市工信局"]);
    assert_eq!(leads(plan, 3), ["市财政局", "市税务局"]);
    // Numbered among the tasks, it stays one, with no units (said as such).
    let built = plan.task(4).unwrap();
    assert_eq!(
        built.content,
        "建成三大服务中心。(市民中心、会展中心、科技中心)"
    );
    assert!(built.units.is_empty(), "{:?}", built.units);
    assert_eq!(leads(plan, 5), ["市工信局"]);
    assert!(codes(&checked).contains(&"unit/lead-first"));
}

/// Labels after a task's sentence on its line, a name holding the kinds of place it covers
/// (各县(市)区政府): read; the line ends whole, not cut. A task of one sentence that opens
/// with its time has that deadline.
#[test]
fn labels_after_a_sentence_read_names_with_kinds_of_place() {
    let (_dir, input) = text_source(
        "方案.txt",
        "2018年主要目标任务分解方案\n\
         1.2018年6月底前完成市区国有企业改革方案。牵头单位:市国资委\n\
         2.新增城镇就业10万人。牵头单位:市人社局;责任单位:各县(市)区政府\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.task(2).unwrap().content, "新增城镇就业10万人。");
    assert_eq!(leads(plan, 2), ["市人社局"]);
    assert_eq!(supports(plan, 2), ["各县（市）区政府"]);
    assert_eq!(
        plan.task(1)
            .unwrap()
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2018-06-30")
    );
    assert!(!codes(&checked).contains(&"source/cut-off"));
}

/// A reposting page's box under the title (发布部门:…, 发布时间:…) names who published the
/// page and when: no task, no column. A bare 单位 beside indicators is their measure.
#[test]
fn a_pages_publisher_and_a_measures_unit_assign_nothing() {
    let (_dir, input) = text_source(
        "页面.txt",
        "绍兴市人民政府办公室关于印发市政府2021年重点工作责任分工的通知\n政策\n\
         发布部门:市政府办公室\n发布时间:2021年02月08日\n",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("no task: refused");
    };
    assert!(said.iter().any(|d| d.code == "input/no-table"), "{said:?}");
    let (_dir, input) = text_source(
        "指标.txt",
        "2018年主要预期指标分解汇总表\n序号\t指标名称\t单位\t甲区\t乙区\n\
         1\t地区生产总值\t增幅(%)\t7\t7.5\n2\t一般公共预算收入\t增幅(%)\t5\t6\n",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("no task: refused");
    };
    assert!(said.iter().any(|d| d.code == "input/no-table"), "{said:?}");
}

/// The notice's year and the plan's: a title naming a span (2013—2015年) dates its
/// 12月底前 by the year the notice was issued, said; a date written in numerals
/// (二○○九年…) gives its year. A title shortened to 市政府 is printed by the 署名's full name.
#[test]
fn years_from_a_span_and_from_numerals_and_a_short_issuer() {
    let source = |title: &str, date: &str| {
        format!(
            "市政府关于印发《{title}》的通知\n深发〔2013〕8号\n各区政府,市直各单位:\n\
             现将《{title}》印发给你们,请认真贯彻执行。\n深圳市人民政府\n{date}\n\
             {title}\n一、主要任务\n1.完成规划编制,12月底前完成。(市发展改革委牵头)\n"
        )
    };
    let (_dir, input) = text_source(
        "通知.txt",
        &source("一体化建设三年实施计划(2013—2015年)", "2013年10月8日"),
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.year, Some(2013));
    assert!(codes(&checked).contains(&"plan/year-span"));
    assert_eq!(
        checked.plan.notice.issuer.as_deref(),
        Some("深圳市人民政府")
    );
    let (_dir, input) = text_source(
        "通知.txt",
        &source("规划纲要解读工作方案", "二○○九年二月二十日").replace("深发〔2013〕8号\n", ""),
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.year, Some(2009));
}

/// A plan's title over two lines, the first ending on the plan's work (…目标任务), the
/// second its kind (责任分解方案): one title. A unit named after the plan's own place
/// (九江铁路建设办) takes no level from the list it stands in.
#[test]
fn a_title_ending_on_its_kind_below_and_a_unit_named_after_the_place() {
    let (_dir, input) = text_source(
        "方案.txt",
        "2019年《政府工作报告》确定的主要目标任务\n责任分解方案\n\
         一、加快基础设施建设\n\
         1.加快铁路项目建设。(责任单位:市发改委、九江铁路建设办)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("2019年《政府工作报告》确定的主要目标任务责任分解方案")
    );
    let (_dir, input) = text_source(
        "方案.txt",
        "九江市支持大南昌都市圈发展行动方案\n一、加快基础设施建设\n\
         1.加快铁路项目建设。(责任单位:市发改委、九江铁路建设办)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(supports(&plan, 1), ["九江铁路建设办"]);
}

/// A heading naming a leader and the work (徐国龙副市长重点工作, 徐仁標市長牽頭重點工作):
/// its tasks are that leader's. A border alone over a table pasted a cell per line is the
/// table's, the heading over it the table's first section.
#[test]
fn leaders_in_headings_and_a_heading_over_a_bordered_table() {
    for (heading, leader) in [
        ("一、徐国龙副市长重点工作", "徐国龙副市长"),
        ("一、徐仁標市長牽頭重點工作", "徐仁標市長"),
    ] {
        let (_dir, input) = text_source(
            "方案.txt",
            &format!(
                "重点工作任务责任分解\n{heading}\n1.一般公共预算收入增长7%。\n责任单位:市财政局\n"
            ),
        );
        let plan = fengong::check(&input).unwrap().plan;
        assert_eq!(plan.task(1).unwrap().person.as_deref(), Some(leader));
    }
    let (_dir, input) = text_source(
        "方案.txt",
        "某市工作要点\n一、不断提高新型工业化水平\n|\n工作要点\n| 工作任务\n| 牵头单位\n| 参与单位\n|\n\
         打造产业旗舰。\n| 推动六大产业集群优化升级。\n| 市发改委\n| 市工信局\n|\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["不断提高新型工业化水平"]);
}

/// A 成文日期 that kept its year but lost 月 and 日 (2018年210) still closes the 署名 over
/// it, said; the title that follows is the attachment's. A notice title that lost its
/// closing 》 is said.
#[test]
fn a_date_that_lost_its_month_still_closes_the_sign_off() {
    let (_dir, input) = text_source(
        "通知.txt",
        "市政府关于下达2018年政府工作任务的通知\n各市、区人民政府,市各委办局:\n\
         市政府将2018年政府工作任务分解为60项目标任务,请认真组织实施。\n\
         附件:2018年苏州市政府工作任务分解表\n苏州市人民政府\n2018年210\n(此件公开发布)\n附件\n\
         2018年苏州市政府工作任务分解表\n序号\t工作任务\t牵头部门\t配合部门\n\
         1\t地区生产总值增长7%左右\t市发改委\t市统计局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.notice.signer.as_deref(), Some("苏州市人民政府"));
    assert_eq!(
        plan.title.as_deref(),
        Some("2018年苏州市政府工作任务分解表")
    );
    assert_eq!(codes_at(&checked, "notice/no-date"), [6]);

    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发《三年实施计划(2013—2015年)的通知\n深发〔2013〕8号\n各区政府:\n\
         现将《三年实施计划》印发给你们。\n深圳市人民政府\n2013年10月8日\n\
         三年实施计划\n一、主要任务\n1.完成规划编制。(市发展改革委牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(codes_at(&checked, "notice/title-marks"), [1]);
}

/// A 文号 that lost its closing bracket and 号 on the page (万州府发〔202312) still heads
/// the notice: read as 万州府发〔2023〕12号, its form said.
#[test]
fn a_doc_number_that_lost_its_bracket_still_heads_the_notice() {
    let (_dir, input) = text_source(
        "通知.txt",
        "重庆市万州区人民政府\n关于印发万州区行动方案的通知\n万州府发〔202312\n\
         各镇乡人民政府,区政府各部门:\n现将《万州区行动方案》印发给你们,请认真贯彻执行。\n\
         重庆市万州区人民政府\n2023年4月6日\n万州区行动方案\n一、主要任务\n\
         1.畅通对外通道。(区交通局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("万州府发〔2023〕12号"));
    assert_eq!(
        notice.title.as_deref(),
        Some("重庆市万州区人民政府关于印发万州区行动方案的通知")
    );
    assert_eq!(codes_at(&checked, "notice/doc-number"), [3]);
}

/// A table pasted a cell per line with no 序号 column, its section headings on lines of
/// their own: each heads the rows under it — neither dropped nor joined to the task above.
#[test]
fn headings_in_a_table_numbered_by_its_rows_head_their_rows() {
    let (_dir, input) = text_source(
        "分工表.txt",
        "分工表\n\n目标任务\n\n责任领导\n\n责任单位\n\n一、主要预期指标\n\n\
         1. 生产总值增长7.5%以上。\n\n董贵波\n\n市发改委\n\n\
         2. 一般公共预算收入增长5%。\n\n郑敏强\n\n市财政局\n\n二、重点工作任务\n\n\
         3. 完成固定资产投资2300亿元以上。\n\n董贵波\n\n市建设局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["主要预期指标", "重点工作任务"]);
    assert_eq!(plan.tasks.len(), 3, "{:?}", contents(plan));
    assert!(!plan.task(2).unwrap().content.contains("重点工作任务"));
    let codes = codes(&checked);
    assert!(!codes.contains(&"table/continued-row"), "{codes:?}");
    assert!(!codes.contains(&"table/unnumbered-row"), "{codes:?}");
}

/// A web page's footer after the last row (its links, 网站标识码, 版权所有) is the page's:
/// said in one note, never run into the last task; a page holding only the notice and its
/// footer still says the table is missing.
#[test]
fn a_web_pages_footer_is_said_not_read_as_tasks() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "2021年全市政务公开工作主要任务分解表\n序号\n工作任务\n牵头单位\n责任单位\n完成时限\n\
         1\n加强预算决算公开。\n市财政局\n市直各部门\n持续推进\n\
         2\n加强惠企政策公开。\n市工信局\n市发改委、市商务局\n2021年9月底前\n\
         各区政府\n市政府部门\n各开发区\n国家部委\n各省区市\n新闻媒体\n其他\n\
         网站标识码 3502000001闽公网安备 35020302032660号\n\
         版权所有:©Xiamen Municipal People's Government.\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(contents(plan), ["加强预算决算公开。", "加强惠企政策公开。"]);
    assert_eq!(leads(plan, 2), ["市工信局"]);
    assert_eq!(supports(plan, 2), ["市发改委", "市商务局"]);
    assert_eq!(codes_at(&checked, "source/unused"), [17]);

    let (_dir, input) = text_source(
        "通知.txt",
        "各区人民政府,市直各委、办、局:\n\
         现将《2021年全市政务公开工作主要任务分解表》印发给你们,请认真组织实施。\n\
         厦门市人民政府办公厅\n2021年6月15日\n(此件主动公开)\n\
         各区政府\n市政府部门\n各开发区\n国家部委\n网站标识码 3502000001闽公网安备 35020302032660号\n",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("a page holding only its notice and footer is refused");
    };
    assert!(said.iter().any(|d| d.code == "input/no-table"), "{said:?}");
}

/// A page's own lines between the 文号 and the 主送 (分享到: / 【字体:大 中 小】 打印本页)
/// are no 主送: the list of bodies under them is, and they are said.
#[test]
fn share_and_font_lines_over_the_recipients_are_the_pages() {
    let (_dir, input) = text_source(
        "通知.txt",
        "厦门市人民政府办公厅关于印发2021年全市政务公开工作主要任务分解表的通知\n\
         厦府办〔2021〕46号\n分享到:\n【字体:大 中 小】 打印本页\n各区人民政府,市直各委、办、局:\n\
         现将《2021年全市政务公开工作主要任务分解表》印发给你们,请认真组织实施。\n\
         厦门市人民政府办公厅\n2021年6月15日\n2021年全市政务公开工作主要任务分解表\n\
         序号\t工作任务\t牵头单位\t完成时限\n1\t加强预算决算公开。\t市财政局\t持续推进\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.recipients, ["各区人民政府", "市直各委、办、局"]);
    assert!(notice.body[0].text.starts_with("现将"), "{:?}", notice.body);
    assert_eq!(codes_at(&checked, "source/unused"), [3, 4]);
}

/// An assignment's bracket inside a sentence closes the task's units, not its words: what
/// follows the comma is the same task's. A bracket right after the role a sentence gives
/// (…由省水利厅具体牵头(日常工作由厅建管处负责)) is an aside, no one's assignment.
#[test]
fn words_after_a_bracket_inside_a_sentence_stay_with_the_task() {
    let (_dir, input) = text_source(
        "方案.txt",
        "烟草水源工程建设协调推进工作方案\n一、建立考核通报制度\n\
         1.将工程建设纳入三市水利工作年度考核内容(省水利厅牵头,省烟草局配合),考核结果每年通报一次。\n\
         2.省级补助资金及时下达(省财政厅牵头,省水利厅配合),各市、县要落实地方配套资金。\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "将工程建设纳入三市水利工作年度考核内容,考核结果每年通报一次。",
            "省级补助资金及时下达,各市、县要落实地方配套资金。"
        ]
    );
    assert_eq!(leads(&plan, 1), ["省水利厅"]);
    assert_eq!(supports(&plan, 2), ["省水利厅"]);

    let (_dir, input) = text_source(
        "方案.txt",
        "烟草水源工程建设协调推进工作方案\n一、建立联席会议制度\n\
         联席会议由省水利厅具体牵头(日常工作由厅建管处负责),省烟草局配合,同时要求三市也相应建立联席会议制度。\n\
         二、建立考核通报制度\n1.将工程建设纳入年度考核内容。(省水利厅牵头,省烟草局配合)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    // The sentence says who does it (由省水利厅具体牵头…省烟草局配合): a task of its own.
    assert_eq!(plan.tasks.len(), 2, "{:?}", contents(&plan));
    assert_eq!(leads(&plan, 1), ["省水利厅"]);
    assert_eq!(supports(&plan, 1), ["省烟草局"]);
    let everyone: Vec<String> = plan.units.iter().map(|u| u.name.clone()).collect();
    assert!(
        !everyone.iter().any(|u| u.contains("日常工作")),
        "{everyone:?}"
    );
}

/// A notice as web pages carry it: `?` where its indents were, a 主送 naming the bodies
/// themselves, a 署名 sealed by another (（代章）), headings of its own body on lines of
/// their own, a 文号 in traditional characters under its page's label.
#[test]
fn notices_as_web_pages_carry_them_read_whole() {
    let (_dir, input) = text_source(
        "通知.txt",
        "各市(区)人民政府,市各委、办、局,市各直属单位:\n\
         《泰州市主要目标任务分解方案》已经市政府同意,现印发给你们,请认真组织实施。\n?\n\
         ?????????????? 泰州市人民政府办公室\n???????????????? 2016年9月13日\n?\n\
         泰州市主要目标任务分解方案\n一、主要指标\n1.劳动年龄人口平均受教育年限12.2年。(市教育局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.signer.as_deref(), Some("泰州市人民政府办公室"));
    assert_eq!(notice.date.as_deref(), Some("2016年9月13日"));
    assert_eq!(notice.body.len(), 1, "{:?}", notice.body);
    assert_eq!(codes_at(&checked, "text/marks-removed"), [3]);

    let (_dir, input) = text_source(
        "通知.txt",
        "三明、南平、龙岩市水利局:\n\
         我厅制定了《福建省烟草水源工程建设协调推进工作方案》,现印发给你们,请遵照执行。\n\
         福建省水利厅\n2015年12月18日\n福建省烟草水源工程建设协调推进工作方案\n\
         一、建立考核通报制度\n1.将工程建设纳入年度考核内容。(省水利厅牵头,省烟草局配合)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert!(plan.notice.is_made());
    assert_eq!(plan.notice.signer.as_deref(), Some("福建省水利厅"));
    assert_eq!(plan.notice.recipients, ["三明、南平、龙岩市水利局"]);
    assert_eq!(plan.year, Some(2015));

    let (_dir, input) = text_source(
        "通知.txt",
        "【發布文號】 泉政文〔2014〕177號\n各区委优化营商环境领导小组办公室:\n\
         《三亚市2025年实施方案》已经审议通过,现印发给你们,请认真贯彻执行。有关要求如下:\n\
         一、规范主动公开工作\n要严格遵守公开处理流程细则。\n\
         中共三亚市委优化营商环境领导小组(代章)\n2025年4月16日\n三亚市2025年实施方案\n\
         一、重点任务\n1.优化开办企业服务。\n牵头单位:市市场监管局\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("泉政文〔2014〕177號"));
    assert_eq!(
        notice.issuer.as_deref(),
        Some("中共三亚市委优化营商环境领导小组")
    );
    assert_eq!(
        notice.signer.as_deref(),
        Some("中共三亚市委优化营商环境领导小组(代章)")
    );
    let body: Vec<&str> = notice.body.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body[1], "一、规范主动公开工作", "{body:?}");
}

/// The plan and its table named as the source names them: the place the body's 《》 gives
/// (《海口市2019年…要点》 under a title without it), the year in numerals, the table's own
/// name (…主要任務分工表) — and a notice whose 附件 is that table is no document itself.
#[test]
fn plans_and_tables_named_and_dated_as_written() {
    let (_dir, input) = text_source(
        "通知.txt",
        "海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n海府办函〔2019〕168号\n\
         各区人民政府,市政府直属各单位:\n\
         经市政府同意,现将《海口市2019年政务公开工作要点》印发给你们,请结合实际认真贯彻落实。\n\
         海口市人民政府办公室\n2019年6月21日\n海口市2019年政务公开工作要点任务分工\n\
         序号\t工作任务\t牵头单位\t完成时限\n1\t推进决策和执行公开。\t市政府办公室\t2019年12月底前\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.title.as_deref(), Some("海口市2019年政务公开工作要点"));

    let (_dir, input) = text_source(
        "方案.txt",
        "加快推进大都市区同城化的工作方案(二○一一年八月)\n一、主要工作\n\
         1.强化综合交通建设。(省直配合单位:省交通运输厅)\n",
    );
    assert_eq!(fengong::check(&input).unwrap().plan.year, Some(2011));

    let (_dir, input) = text_source(
        "通知.txt",
        "張政辦發〔2010〕153號\n各縣(區)人民政府,市政府各部門:\n現將分工表印發給你們,請認真組織落實。\n\n\
         附件:張掖市貫徹落實若干意見主要任務分工表\n\n張掖市人民政府辦公室\n2010年11月8日\n\n\
         張掖市貫徹落實若干意見主要任務分工表\n\n一、建設生態安全屏障\n\
         1.加快黑河流域綜合治理。(市水務局、市林業局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.notice.title, None);
    assert_eq!(
        checked.plan.table.title.as_deref(),
        Some("張掖市貫徹落實若干意見主要任務分工表")
    );
    assert_eq!(codes_at(&checked, "notice/no-title"), [1]);
}

/// Lines of a page that are none of the plan: an 附件 label over a plan read without a
/// notice, a 版记's 印发 line after the last task, a page's 发布部门 under a title that
/// ends at its 通知 — each said, none run into a title or a task.
#[test]
fn labels_and_printed_on_lines_are_said_not_joined() {
    let (_dir, input) = text_source(
        "方案.txt",
        "附件\n福建省烟草水源工程建设协调推进工作方案\n一、建立考核通报制度\n\
         1.将工程建设纳入年度考核内容。(省水利厅牵头,省烟草局配合)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("福建省烟草水源工程建设协调推进工作方案")
    );
    let table_title = checked.plan.table.title.as_deref().unwrap_or_default();
    assert!(!table_title.contains("附件"), "{table_title}");
    assert_eq!(codes_at(&checked, "source/unused"), [1]);

    let (_dir, input) = text_source(
        "方案.txt",
        "市政府2011年重点工作分解落实方案\n1、城镇登记失业率控制在3.5%以内。\n(市人保局)\n\
         2、推进太湖水环境综合治理,完成年度治太工程投资。\n(市水利局、环保局)\n\
         二○一一年二月十五日印发\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 2), ["市水利局"]);
    assert!(!checked.plan.task(2).unwrap().content.contains("印发"));
    assert!(!codes(&checked).contains(&"source/cut-off"));
    assert_eq!(codes_at(&checked, "source/unused"), [6]);

    let (_dir, input) = text_source(
        "方案.txt",
        "市政府办公室关于做好2020年市政府为民办十件实事的通知\n政策\n\
         发布部门:淮安市人民政府办公室\n序号\t项目名称\t主要内容\t责任单位\n\
         1\t实施健康惠民工程\t为全市65岁以上老年人免费健康体检。\t市卫健委\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("市政府办公室关于做好2020年市政府为民办十件实事的通知")
    );
    // The site's column (政策) and its box's line are the page's.
    assert_eq!(codes_at(&checked, "source/unused"), [2, 3]);
}

/// A table pasted a cell per line whose header has a long name fengong does not read
/// between two it does (落实进展情况及问题原因), or a name broken a character apart (主 /
/// 要 内 容), and a schedule column of sentences (进度要求): each cell in its column.
#[test]
fn cells_per_line_under_long_broken_and_schedule_headers() {
    let (_dir, input) = text_source(
        "进度表.txt",
        "附件\n\n2012年《政府工作报告》分解任务落实进度表\n\n工作重点\n\n序号\n\n主要工作任务\n\n\
         落实进展情况及问题原因\n\n牵头责任单位\n\n强化要素和平台支撑,着力扩大有效投资\n\n1\n\n\
         全线铺开甬台温复线温州段高速公路建设。\n\n诸永高速公路延伸线完成投资3.91亿元。\n\n市交通运输局\n\n\
         2\n\n加快温州机场新航站楼建设。\n\n新航站楼主体工程完成投资4.2亿元。\n\n市交通运输局\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan),
        [
            "全线铺开甬台温复线温州段高速公路建设。",
            "加快温州机场新航站楼建设。"
        ]
    );
    assert_eq!(
        plan.task(2).unwrap().extra,
        ["新航站楼主体工程完成投资4.2亿元。"]
    );
    assert_eq!(codes_at(&checked, "table/extra-column"), [7]);

    let (_dir, input) = text_source(
        "项目表.txt",
        "2020年为民办实事项目表\n序号\n项目名称\n主\n要 内 容\n进度要求\n责任单位\n协办单位\n1\n\
         实施健康惠民工程\n为全市65岁以上老年人免费健康体检。\n一季度制定方案;四季度完成年度任务。\n\
         市卫健委\n市财政局\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let task = plan.task(1).unwrap();
    assert_eq!(
        task.content,
        "实施健康惠民工程：为全市65岁以上老年人免费健康体检。"
    );
    assert_eq!(
        task.deadline_text.as_deref(),
        Some("一季度制定方案;四季度完成年度任务。")
    );
    assert_eq!(supports(&plan, 1), ["市财政局"]);
}

/// Towns listed before the government they share (莒口镇、麻沙镇人民政府) are each a
/// government; a 完成時限 of ongoing work in traditional characters (持續推進) is as
/// ongoing as 持续推进.
#[test]
fn town_governments_shared_and_ongoing_time_in_traditional_characters() {
    let (_dir, input) = text_source(
        "方案.txt",
        "闽台乡建乡创合作工作方案\n序号\t建设内容\t责任单位\t完成时限\n\
         1\t开展村庄房前屋后环境整治。\t莒口镇、麻沙镇人民政府\t2026年3月底前\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(leads(&plan, 1), ["莒口镇人民政府"]);
    assert_eq!(supports(&plan, 1), ["麻沙镇人民政府"]);

    let (_dir, input) = text_source(
        "分解表.txt",
        "泉州市食品放心工程重點任務分解表\n序號\t工作任務\t牽頭單位\t完成時限\n\
         1\t推進食品生產企業分類監管。\t市質監局\t持續推進\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(
        !codes(&checked).contains(&"table/deadline"),
        "{:?}",
        codes(&checked)
    );
}

/// A table under the plan's second part, after a first part whose numbered paragraphs of
/// aims share a few words with a task: the tasks are the second part's, and the first
/// part's paragraphs are printed as the plan's text, none lost.
#[test]
fn a_table_under_a_later_part_is_that_parts() {
    let (_dir, input) = text_source(
        "方案.md",
        "新州镇农村人居环境整治提升行动方案\n\n一、总体要求\n\n(一)指导思想\n\n\
         重点围绕农村厕所革命、生活污水治理和村容村貌提升,持续推进“三清两改一建”,全面提升农村人居环境质量。\n\n\
         (二)工作目标\n\n到2025年,全镇农村卫生厕所普及率达到95%以上。\n\n二、重点任务\n\n\
         | 序号 | 工作任务 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n\
         | 1 | 扎实推进农村厕所革命,完成新建户厕300座。 | 镇农业服务中心 | 2025年12月底前 |\n\
         | 2 | 推进农村生活污水治理,新建污水处理设施10处。 | 镇规划建设环保所 | 2025年12月底前 |\n\
         | 3 | 健全生活垃圾收运处置体系,推行垃圾分类。 | 镇环卫站 | 2025年12月底前 |\n\
         | 4 | 整治提升村容村貌,开展“三清两改一建”。 | 镇综合行政执法队 | 每年12月底前 |\n\n\
         三、保障措施\n\n(一)强化组织领导。成立镇工作领导小组。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["重点任务"]);
    assert!(!codes(&checked).contains(&"prose/task-not-found"));
    let printed: String = (plan.preamble.iter())
        .chain(&plan.closing)
        .chain(&plan.after_table)
        .map(|p| p.text.as_str())
        .collect();
    for words in [
        "指导思想",
        "全镇农村卫生厕所普及率",
        "保障措施",
        "强化组织领导",
    ] {
        assert!(printed.contains(words), "{words} in {printed}");
    }
}

/// A cut page whose plan title stands in its text: the refusal says the title is there
/// and where the text stops, not that the file lacks the plan.
#[test]
fn a_cut_page_is_refused_saying_where_it_stops() {
    let (_dir, input) = text_source(
        "通知.txt",
        "各县(市)区人民政府,市政府各部门:\n\
         《2025年市〈政府工作报告〉任务分解和责任分工方案》已经市政府审议通过,现印发给你们。\n\
         锦州市人民政府\n2025年1月25日\n2025年市《政府工作报告》任务分解\n和责任分工方案\n\
         一、主要预期目标\n1.地区生产总值增长6%。\n牵头领导:刘希明\n牵",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("a cut page is refused");
    };
    let message = &said[0].message;
    assert!(message.contains("文中有它的标题"), "{message}");
    assert!(message.contains("停在「…牵」"), "{message}");
}

/// Numbered headings over unnumbered items that each name who does them, under a group's
/// heading already (（一）约束性指标 / 1、约束性指标的责任部门 / …（市经贸委牵头）): each heads
/// all its items — its words open each one's text, said — not the first item alone.
#[test]
fn a_numbered_heading_over_unnumbered_items_opens_each_of_them() {
    let (_dir, input) = text_source(
        "分工.txt",
        "扬州市“十一五”规划纲要主要目标和任务工作分工\n一、责任主体及工作分工\n(一)约束性指标\n\
         1、约束性指标的责任部门\n单位地区生产总值能源消耗下降20%左右。(市经贸委牵头)\n\
         主要污染物排放总量减少10%。(市环保局牵头,市经贸委配合)\n2、重点工程\n\
         润扬大桥北接线改造工程。(市交通局牵头)\n扬州港六圩港区建设。(扬州港务局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        contents(&checked.plan),
        [
            "约束性指标的责任部门：单位地区生产总值能源消耗下降20%左右。",
            "约束性指标的责任部门：主要污染物排放总量减少10%。",
            "重点工程：润扬大桥北接线改造工程。",
            "重点工程：扬州港六圩港区建设。"
        ]
    );
    assert_eq!(codes_at(&checked, "plan/sub-heading"), [4, 7]);
}

/// Tasks whose own sentence says who does them, no bracket or label (…，由省水利厅牵头，省
/// 烟草局配合。): read as the bracket would be, numbered or a paragraph under a part's
/// heading; their words printed as written. Sentences where a body does something else
/// (由区发改委负责解释) are the plan's text.
#[test]
fn a_tasks_own_sentence_says_who_does_it() {
    let (_dir, input) = text_source(
        "方案.txt",
        "烟草水源工程建设协调推进工作方案\n一、建立联席会议制度\n\
         联席会议由省水利厅具体牵头(日常工作由厅建管处负责),省烟草局配合,同时要求三市也相应建立联席会议制度。\n\
         二、加快工程建设\n1.推进水源工程建设，由省水利厅牵头，省烟草局、省财政厅配合，2016年6月底前完成。\n\
         2.落实补助资金，由省财政厅负责。\n三、其他\n本方案由省水利厅负责解释。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3, "{:?}", contents(plan));
    assert_eq!(leads(plan, 1), ["省水利厅"]);
    assert_eq!(supports(plan, 1), ["省烟草局"]);
    assert!(contents(plan)[0].contains("(日常工作由厅建管处负责)"));
    assert_eq!(leads(plan, 2), ["省水利厅"]);
    assert_eq!(supports(plan, 2), ["省烟草局", "省财政厅"]);
    assert!(deadline(plan, 2).is_some());
    assert_eq!(leads(plan, 3), ["省财政厅"]);
    let printed: String = (plan.sections.iter())
        .flat_map(|s| &s.intro)
        .chain(&plan.closing)
        .chain(&plan.after_table)
        .map(|p| p.text.as_str())
        .collect();
    assert!(printed.contains("本方案由省水利厅负责解释"), "{printed}");
}

/// Times that name their own year (2019年底前, 2020年底前完成, 2019年内) or the next
/// (次年底前) are dated so, not in the plan's year; a bracket of bodies' names with a time
/// after them is the task's units and deadline; a one-sentence task closing on its time
/// (…，9月底前完成) has that deadline.
#[test]
fn times_keep_their_own_year_and_a_list_with_a_time_assigns() {
    let (_dir, input) = text_source(
        "分工.txt",
        "阿里地区2018年生态保护分工方案\n一、工作分工\n\
         1.建设地区生态环境监测网络。(地区生态环境局,2019年6月底前)\n\
         2.落实草原生态保护补助奖励政策。(地区财政局牵头;地区农牧局配合;2019年底前)\n\
         3.建成污水处理设施。(地区住房城乡建设局牵头,2020年底前完成)\n\
         4.开展生态监测。(地区生态环境局牵头,2019年内)\n\
         5.编制年度报告。(地区生态环境局牵头,次年底前)\n\
         6.实施背街小巷整治30条,9月底前完成。(地区住房城乡建设局牵头)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(leads(&plan, 1), ["地区生态环境局"]);
    let deadlines: Vec<Option<String>> = (1..=6).map(|no| deadline(&plan, no)).collect();
    let want = [
        "2019-06-30",
        "2019-12-31",
        "2020-12-31",
        "2019-12-31",
        "2019-12-31",
        "2018-09-30",
    ];
    assert_eq!(deadlines, want.map(|d| Some(d.to_string())));
}

/// As the State Council's division notices write it, in either script: 由X会同Y负责落实,
/// 由X牵头，Y参加, 由X、Y会同Z等部门研究提出…: who leads, who supports, whatever the work.
#[test]
fn the_state_councils_sentences_say_who_does_it() {
    let (_dir, input) = text_source(
        "分工.txt",
        "國務院辦公廳關於落實有關政策措施分工的通知\n一、分工\n\
         (一)關於“嚴守耕地保護紅線”的問題,由國土資源部會同農業部等部門負責落實。\n\
         (二)關於“完善價格形成機制”的問題,由發展改革委、財政部會同農業部、糧食局等部門研究提出具體意見,2014年6月底前報國務院。\n\
         (三)關於“加快建立利益補償機制”的問題,由財政部牽頭,發展改革委、農業部參加。\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(leads(&plan, 1), ["國土資源部"]);
    assert_eq!(supports(&plan, 1), ["農業部"]);
    assert_eq!(leads(&plan, 2), ["發展改革委", "財政部"]);
    assert_eq!(supports(&plan, 2), ["農業部", "糧食局"]);
    assert_eq!(deadline(&plan, 2).as_deref(), Some("2014-06-30"));
    assert_eq!(leads(&plan, 3), ["財政部"]);
    assert_eq!(supports(&plan, 3), ["發展改革委", "農業部"]);
}

/// A leader named by post in the assignment (责任秘书长:李振峰) is the task's person, not a
/// unit; places and zones listed before the government or committee they share each get it
/// (蕉城区、福安市人民政府, 市经济技术开发区、市湖滨新区管委会).
#[test]
fn posts_are_people_and_shared_names_are_shared() {
    let (_dir, input) = text_source(
        "分工.txt",
        "沿海开发重点工作推进方案\n一、重点工作\n1.推进区划调整。\n\
         (责任秘书长:丁锐,责任单位:市民政局)\n\
         2.培育临海产业。(责任单位:市工信局、蕉城区、福安市人民政府)\n\
         3.建设开放载体。(牵头单位:市商务局;配合单位:市经济技术开发区、市湖滨新区管委会)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(leads(&plan, 1), ["市民政局"]);
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("丁锐"));
    assert_eq!(
        everyone_named(&plan, 2),
        ["市工信局", "蕉城区人民政府", "福安市人民政府"]
    );
    assert_eq!(
        supports(&plan, 3),
        ["市经济技术开发区管委会", "市湖滨新区管委会"]
    );
}

/// A web page runs a notice's lines together: its title and 文号 on one line, its 主送 and
/// first sentence on another. Each is read where it stands: title, number, 主送, body.
#[test]
fn a_notices_lines_run_together_are_read_apart() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发2023年《政府工作报告》重点任务分解落实方案的通知 常政发〔2023〕1号\n\
         各辖市、区人民政府,市各委办局: 现将2023年《政府工作报告》重点任务分解落实方案印发给你们,请认真贯彻落实。\n\
         附件:2023年《政府工作报告》重点任务分解落实方案\n常州市人民政府\n2023年1月16日\n\
         2023年《政府工作报告》重点任务分解落实方案\n一、主要预期目标\n\
         1.地区生产总值增长6%左右。(牵头单位:市发改委;责任单位:市统计局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("关于印发2023年《政府工作报告》重点任务分解落实方案的通知")
    );
    assert_eq!(notice.doc_number.as_deref(), Some("常政发〔2023〕1号"));
    assert_eq!(notice.recipients, ["各辖市、区人民政府", "市各委办局"]);
    assert!(notice.body[0].text.starts_with("现将"));
    assert!(!codes(&checked).contains(&"notice/no-title"));
    assert!(!codes(&checked).contains(&"source/unused"));
    // As a traditional-character repost carries it, a page's cell border after the 文号.
    let (_dir, input) = text_source(
        "通知.txt",
        "關于印發2023年《政府工作報告》重點任務分解落實方案的通知 常政發〔2023〕1號 |\n\
         各轄市、區人民政府,市各委辦局: 現將2023年《政府工作報告》重點任務分解落實方案印發給你們,請認真貫徹落實。\n\
         附件:2023年《政府工作報告》重點任務分解落實方案\n常州市人民政府\n2023年1月16日\n\
         2023年《政府工作報告》重點任務分解落實方案\n一、主要預期目標\n\
         1.地區生產總值增長6%左右。(牽頭單位:市發改委;責任單位:市統計局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("常政發〔2023〕1號"));
    assert_eq!(notice.recipients, ["各轄市、區人民政府", "市各委辦局"]);
    assert!(
        notice
            .title
            .as_deref()
            .is_some_and(|t| t.ends_with("方案的通知"))
    );
}

/// A plan for several years (（2021—2023年）) read from its table's name keeps the span in
/// its title, and no note says the title names no year.
#[test]
fn a_title_with_a_span_keeps_it_and_is_not_said_to_lack_a_year() {
    let (_dir, input) = text_source(
        "分工.txt",
        "加快建设“海上宁德”三年行动方案（2021—2023年）重点任务分工表\n一、重点任务\n\
         1.做强不锈钢新材料产业。(牵头单位:市工信局;完成时限:2022年6月底前)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("加快建设“海上宁德”三年行动方案（2021—2023年）")
    );
    for said in &checked.report.diagnostics {
        assert!(!said.message.contains("方案标题、"), "{}", said.message);
    }
}

/// A notice to the public (通告) with neither 文号 nor 主送: its title, words, 署名 and date
/// are the notice, the plan after its 附件 label the plan — not rows of the table. Its
/// body's headings stay paragraphs of their own under a line ending no sentence.
#[test]
fn a_notice_with_no_number_or_recipients_is_still_the_notice() {
    let (_dir, input) = text_source(
        "通告.txt",
        "关于征集2023年民生实事项目意见建议的通告\n\
         现向社会各界征集对2023年民生实事项目(见附件)的意见和建议。\n\
         一、征集时间\n即日起至8月5日\n二、联系方式\n联系电话:85800393\n\
         市人大社会建设委员会\n2023年7月24日\n附件:\n2023年连云港市民生实事项目\n\
         一、教育惠民领域\n1. 新建中小学15所。(牵头单位:市教育局;共同责任单位:市财政局)\n\
         2. 新建幼儿园14所。(牵头单位:市教育局;共同责任单位:市财政局)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let notice = &plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("关于征集2023年民生实事项目意见建议的通告")
    );
    assert_eq!(notice.signer.as_deref(), Some("市人大社会建设委员会"));
    let body: Vec<&str> = notice.body.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        body[1..],
        [
            "一、征集时间",
            "即日起至8月5日",
            "二、联系方式",
            "联系电话:85800393"
        ]
    );
    assert_eq!(plan.title.as_deref(), Some("2023年连云港市民生实事项目"));
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["教育惠民领域"]);
    assert_eq!(plan.tasks.len(), 2);
}

/// Counted tasks after words leading into them on the group heading's line (…重点实施以下
/// 工程:一是…): each task its own words; the lead-in stays the group's text.
#[test]
fn words_leading_into_counted_tasks_are_the_groups() {
    let (_dir, input) = text_source(
        "计划.txt",
        "宿迁市2023年中心城市建设重点工程计划\n一、项目安排\n\
         (一)重大基础设施工程。围绕改善对外交通,重点实施以下工程:一是推进综合客运枢纽配套工程建设(牵头单位:市交通运输局)。二是实施宿迁大道快速化改造二期工程(牵头单位:市住房城乡建设局)。\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "推进综合客运枢纽配套工程建设。",
            "实施宿迁大道快速化改造二期工程。"
        ]
    );
    let group_text = &plan.sections[0].groups[0].text;
    assert!(group_text.contains("重点实施以下工程"), "{group_text}");
}

/// A page cut on the first character of a next line, right after the last task's bracket
/// (…环境保护。(地区农牧局)引): the bracket is read; the piece is quoted as the cut.
#[test]
fn a_page_cut_after_the_last_bracket_still_reads_it() {
    let (_dir, input) = text_source(
        "方案.txt",
        "阿里地区2019年生态保护分工方案\n一、工作分工\n\
         1.重点开发区域优先布局重大基础设施项目。(地区发展改革委)\n\
         2.限制开发区域加强生态修复和环境保护。(地区农牧局)引\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 2), ["地区农牧局"]);
    assert_eq!(
        checked.plan.tasks[1].content,
        "限制开发区域加强生态修复和环境保护。"
    );
    let said = &checked.report.diagnostics;
    assert!(!said.iter().any(|d| d.code == "structure/empty-units"));
    let cut = said.iter().find(|d| d.code == "source/cut-off").unwrap();
    assert!(cut.message.contains("(地区农牧局)引"), "{}", cut.message);
}

/// A group heading's own closing stop or colon, on a line of its own, is printed.
#[test]
fn a_group_heading_keeps_its_closing_stop_in_print() {
    let (_dir, input) = text_source(
        "方案.txt",
        "宁德市海洋经济工作方案\n一、重点任务\n（一）做强临海产业。\n\
         1.做强不锈钢新材料产业。(牵头单位:市工信局;完成时限:2022年6月底前)\n\
         （二）总体要求：\n2.做优海洋渔业。(牵头单位:市海洋渔业局)\n",
    );
    let prose = published_text(&input, "方案.md");
    assert!(prose.contains("**（一）做强临海产业**。"), "{prose}");
    assert!(prose.contains("（二）总体要求："), "{prose}");
}

/// A notice that is itself the division (its body hands out the tasks as 由X会同Y…负责落实,
/// nothing attached), its title over three lines, the first ending on the body it is
/// about, under a page's box of a label and its value a line each: the notice is read
/// whole, its tasks are the plan, and the plan is named by the notice.
#[test]
fn a_notice_that_is_the_division_is_read_under_a_pages_box() {
    let mut page = String::new();
    for (label, value) in [
        ("索 引 号:", "000014349/2014-00023"),
        ("主题分类:", "农业、林业、水利"),
        ("发文机关:", "国务院办公厅"),
        ("成文日期:", "2014年02月23日"),
        ("标  题:", "国务院办公厅关于落实有关政策措施分工的通知"),
        ("发文字号:", "国办函〔2014〕31号"),
        ("发布日期:", "2014年03月10日"),
        ("时  效:", "失效"),
    ] {
        page.push_str(&format!("{label}\n\n{value}\n\n"));
    }
    let (_dir, input) = text_source(
        "通知.txt",
        &format!(
            "{page}国务院办公厅关于落实中共中央国务院\n关于全面深化农村改革加快推进农业现代化\n\
             若干意见有关政策措施分工的通知\n\n国办函〔2014〕31号\n\n国务院各部委、各直属机构:\n\
             为贯彻落实有关政策措施,现就有关事项通知如下:\n一、工作分工\n\
             (一)关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。\n\
             (二)关于“加快建立利益补偿机制”的问题,由财政部牵头,发展改革委、农业部参加。\n\
             二、工作要求\n各有关部门要按照分工,抓紧研究提出落实意见。\n\
             国务院办公厅\n2014年2月23日\n"
        ),
    );
    let plan = fengong::check(&input).unwrap().plan;
    let title = "国务院办公厅关于落实中共中央国务院关于全面深化农村改革加快推进农业现代化\
                 若干意见有关政策措施分工的通知";
    assert_eq!(plan.notice.title.as_deref(), Some(title));
    assert_eq!(plan.notice.issuer.as_deref(), Some("国务院办公厅"));
    assert_eq!(
        plan.notice.doc_number.as_deref(),
        Some("国办函〔2014〕31号")
    );
    assert_eq!(plan.notice.recipients, ["国务院各部委、各直属机构"]);
    // The plan is what the notice is about, as its title says it.
    assert_eq!(
        plan.title.as_deref(),
        Some("落实中共中央国务院关于全面深化农村改革加快推进农业现代化若干意见有关政策措施分工")
    );
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(&plan, 1), ["国土资源部"]);
    assert_eq!(leads(&plan, 2), ["财政部"]);
    assert_eq!(supports(&plan, 2), ["发展改革委", "农业部"]);
}

/// A notice's title with a page's words run on after it (a link's text): the title read,
/// those words said as left out, and the issuer kept in the title.
#[test]
fn a_pages_words_after_a_notice_title_are_said_not_taken_for_it() {
    let (_dir, input) = text_source(
        "通知.txt",
        "阿里地区行政公署关于印发《阿里地区生态保护分工方案》的通知美丽西藏建设规划纲要(2014-2030年)>\n\
         各县人民政府,行署各局、委、办、处:\n\
         《阿里地区生态保护分工方案》已经行署研究通过,现印发给你们,请认真抓好贯彻执行。\n\
         阿里地区行政公署\n2018年12月20日\n阿里地区生态保护分工方案\n一、工作分工\n\
         1.建设地区生态环境监测网络。(地区生态环境局牵头)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.notice.title.as_deref(),
        Some("阿里地区行政公署关于印发《阿里地区生态保护分工方案》的通知")
    );
    let unused = (checked.report.diagnostics.iter())
        .find(|d| d.code == "source/unused")
        .unwrap();
    assert!(
        unused
            .message
            .contains("美丽西藏建设规划纲要(2014-2030年)>")
    );
    assert!(!codes(&checked).contains(&"notice/no-title"));
}

/// A numbered item's words after its bracket (…(牵头单位:区水利厅)。由张三副厅长负责,…,2010年
/// 11月底前完成。) are more of its task, their time its deadline; a ministry's 司 named
/// alone in a bracket is a unit.
#[test]
fn words_after_an_items_bracket_are_its_own_and_a_si_is_a_unit() {
    let (_dir, input) = text_source(
        "分工.txt",
        "测试厅2010年工作任务分工\n一、重点任务\n\
         1、做好甲工作(牵头单位:区水利厅)。由张三副厅长负责,污染防治处落实,2010年11月底前完成。\n\
         2、做好乙工作。(法规司负责,2010年9月底前)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "做好甲工作。由张三副厅长负责,污染防治处落实,2010年11月底前完成。",
            "做好乙工作。"
        ]
    );
    assert_eq!(
        plan.tasks[0].deadline_text.as_deref(),
        Some("2010年11月底前完成")
    );
    // The leader answering for it, by post, is its 责任领导.
    assert_eq!(plan.tasks[0].person.as_deref(), Some("张三副厅长"));
    assert_eq!(leads(&plan, 2), ["法规司"]);
}

/// A plan signed off at its end with no notice (江孜县水利局 / 2023年11月20日) is of that
/// year; a labelled deadline that is no date (完成时限:整个冬季) is still the task's, the
/// task whole.
#[test]
fn a_plans_own_sign_off_dates_it_and_a_worded_deadline_stays_the_tasks() {
    let (_dir, input) = text_source(
        "方案.txt",
        "江孜县冬季农牧区饮水工程设施防冻保暖工作方案\n一、农牧区电机井要做到“三查三落实”\n\
         (一)各乡(镇)对辖区内电机井逐眼排查,落实管护责任人。责任单位:县农业农村局;完成时限:11月30日前。\n\
         (二)供电部门保障冬季电机井用电,及时处置线路故障。责任单位:国网江孜县供电公司;配合单位:县水利局。完成时限:整个冬季。\n\
         江孜县水利局\n2023年11月20日\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.year, Some(2023));
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(
        plan.tasks[0].deadline.map(|d| d.to_string()).as_deref(),
        Some("2023-11-30")
    );
    assert_eq!(plan.tasks[1].deadline_text.as_deref(), Some("整个冬季"));
    assert_eq!(leads(plan, 2), ["国网江孜县供电公司"]);
    assert_eq!(supports(plan, 2), ["县水利局"]);
    assert!(!codes(&checked).contains(&"structure/empty-units"));
}

/// A table of contents (headings, dot leaders, page numbers) is none of the tasks: said
/// once with its place; a 版记's line (…办公室 2010年4月19日印发) is none of the plan's words.
#[test]
fn contents_and_a_print_line_are_said_not_read_as_the_plan() {
    let (_dir, input) = text_source(
        "预案.txt",
        "某镇自然灾害救助应急预案\n\n1.完善镇村两级应急预案。(牵头单位:镇应急办,2023年6月30日前)\n\n\
         1总则…………………………………………………………......6\n\n\
         1.1编制目的……………………………………………..…6\n\n\
         1.2编制依据……………………………………………..…6\n\n\
         测试镇党政办公室          2023年4月19日印发\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 1);
    let said = &checked.report.diagnostics;
    assert!(!said.iter().any(|d| d.code == "structure/empty-units"));
    let contents_said = said
        .iter()
        .find(|d| d.message.contains("这是目录"))
        .unwrap();
    assert_eq!(contents_said.location.line_no(), Some(5));
    assert!(
        said.iter()
            .any(|d| d.code == "source/unused" && d.message.contains("2023年4月19日印发"))
    );
    let printed = published_text(&input, "任务分工表.md");
    assert!(
        !printed.contains("印发") && !printed.contains("编制目的"),
        "{printed}"
    );
}

/// An item numbered as its neighbours that names no one, no task under it: said, not
/// passed over in silence.
#[test]
fn an_item_naming_no_one_among_tasks_is_said() {
    let (_dir, input) = text_source(
        "要点.txt",
        "测试厅2022年工作要点\n一、加大公开力度\n(一)做好甲公开。持续做好甲信息公开。\n\
         (二)做好乙公开。推进乙信息公开。(牵头处室:宣传处)\n\
         (三)做好丙公开。推进丙信息公开。(牵头处室:财务处)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "group/no-tasks")
        .unwrap();
    assert!(said.message.contains("做好甲公开"), "{}", said.message);
    assert_eq!(said.location.line_no(), Some(3));
}

/// Agencies issuing jointly over the title, a line each or side by side on one line
/// (a ministry's short name among them): each is an issuer, apart, and each signs.
#[test]
fn joint_issuers_over_the_title_are_each_read_apart() {
    let (_dir, input) = text_source(
        "通知.txt",
        "农业农村部 最高人民法院\n公安部 市场监管总局\n\
         关于印发《2024年农资打假工作要点》的通知\n各省农业农村厅:\n\
         现将《2024年农资打假工作要点》印发给你们,请认真贯彻执行。\n\
         农业农村部 最高人民法院\n公安部 市场监管总局\n2024年3月12日\n\
         2024年农资打假工作要点\n一、重点任务\n\
         (一)加强种子监管。开展执法年活动。(公安部牵头,农业农村部配合)\n\
         (二)加强肥料监管。开展质量抽查。(农业农村部负责)\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    let four = "农业农村部\n最高人民法院\n公安部\n市场监管总局";
    assert_eq!(notice.issuer.as_deref(), Some(four));
    assert_eq!(notice.signer.as_deref(), Some(four));
    let (_dir, input) = text_source(
        "通知.txt",
        "阿里地区行政公署 阿里地区生态环境局关于印发《阿里地区2019年生态保护工作分工方案》的通知\n\
         阿行发〔2019〕12号\n各县人民政府,行署各局、委、办、处:\n\
         现将《阿里地区2019年生态保护工作分工方案》印发给你们,请认真贯彻执行。\n\
         阿里地区行政公署　　　　阿里地区生态环境局\n2019年3月1日\n\
         阿里地区2019年生态保护工作分工方案\n一、重点任务\n\
         1.建设地区生态环境监测网络。(地区生态环境局牵头)\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    let two = "阿里地区行政公署\n阿里地区生态环境局";
    assert_eq!(notice.issuer.as_deref(), Some(two));
    assert_eq!(notice.signer.as_deref(), Some(two));
}

/// A page's line over the title that leaves a label open (【点击量:) takes no title for its
/// value; a body's name repeated under the 文号 is not the 主送 when the marked one follows;
/// who compiled a plan (编制单位：…) does none of its work.
#[test]
fn page_lines_around_a_notices_head_take_none_of_its_parts() {
    let (_dir, input) = text_source(
        "通知.txt",
        "【发布时间:2015-03-13】 【点击量:\n甲省教育厅关于印发2015年工作要点的通知\n各市教育局:\n\
         现将《甲省教育厅2015年工作要点》印发给你们,请认真贯彻落实。\n甲省教育厅\n2015年3月3日\n\
         甲省教育厅2015年工作要点\n一、加强党的建设\n1.加强学习。(责任处室:组织处)\n\
         2.加强作风建设。(责任处室:人事处)\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("甲省教育厅关于印发2015年工作要点的通知")
    );
    let (_dir, input) = text_source(
        "通知.txt",
        "重庆市梁平区曲水镇人民政府关于印发曲水镇自然灾害救助应急预案的通知\n\n曲水府发〔2023〕21号\n\n\
         重庆市梁平区曲水镇人民政府\n\n关于印发曲水镇自然灾害救助应急预案的\n\n\
         各村(社区),办所中心,镇属(驻镇)单位:\n\n现将《曲水镇自然灾害救助应急预案》印发给你们,请遵照执行。\n\n\
         重庆市梁平区曲水镇人民政府\n\n2023年5月6日\n\n曲水镇自然灾害救助应急预案\n\n\
         编制单位:曲水镇安全生产委员会办公室\n\n一、工作任务\n\n1.完善镇村两级应急预案。\n\n\
         牵头单位:镇应急办\n\n完成时限:2023年6月30日前\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.recipients,
        ["各村(社区)", "办所中心", "镇属(驻镇)单位"]
    );
    assert_eq!(plan.tasks.len(), 1);
    assert_eq!(leads(plan, 1), ["镇应急办"]);
    assert!(!plan.units.iter().any(|u| u.name.contains("安全生产委员会")));
    let unused: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/unused")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        unused
            .iter()
            .any(|m| m.contains("关于印发曲水镇自然灾害救助应急预案的」")),
        "{unused:?}"
    );
}

/// A table whose work is cut finer in a column of its own (工作任务 | 细化分工): the finer
/// one is each task's words, the broader its group; 宣传处会办公室 is 宣传处 with 办公室.
#[test]
fn the_finer_of_two_work_columns_is_the_task() {
    let (_dir, input) = text_source(
        "台账.txt",
        "测试委2021年政务公开重点任务台账\n\
         序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 |\n\
         1 | 常规政务公开事项 | 修订完善本部门主动公开目录 | 政法处 | 2021年6月 |\n\
         2 | 常规政务公开事项 | 做好甲信息发布 | 宣传处会办公室 | 长期推进 |\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        ["修订完善本部门主动公开目录", "做好甲信息发布"]
    );
    assert_eq!(groups(&plan)[0].0, "常规政务公开事项");
    assert_eq!(leads(&plan, 2), ["宣传处"]);
    assert_eq!(supports(&plan, 2), ["办公室"]);
}

/// A part whose numbered items are measures for the public, no one's task (一、水井防冻措施 /
/// （一）水井应做到…。), before a part of tasks: printed with the plan's text, never dropped
/// because the table has no band for it.
#[test]
fn a_part_of_items_that_are_no_tasks_is_printed_with_the_plan() {
    let (_dir, input) = text_source(
        "告知书.txt",
        "江孜县水利局关于冬季农牧区饮水工程设施防冻保暖告知书\n一、水井防冻措施\n\
         (一)水井应做到井内设施不漏水,确保井内的干燥。\n(二)对井内水表、阀门等用水设施进行保温。\n\
         二、农牧区电机井要做到“三查三落实”\n\
         (一)各乡(镇)对辖区内电机井逐眼排查。责任单位:县农业农村局;完成时限:2023年11月30日前。\n\
         (二)县水利局组织技术人员巡回检查。责任单位:县水利局。完成时限:2023年12月15日前。\n",
    );
    assert_eq!(fengong::check(&input).unwrap().plan.tasks.len(), 2);
    let printed = published_text(&input, "方案.md");
    assert!(printed.contains("一、水井防冻措施"), "{printed}");
    assert!(
        printed.contains("水井应做到井内设施不漏水，确保井内的干燥"),
        "{printed}"
    );
    assert!(
        printed.contains("对井内水表、阀门等用水设施进行保温"),
        "{printed}"
    );
}

/// A refusal names a document the notice hands out only from the notice's own words (现将
/// 《X》印发给你们) — not from a report of one issued before, in a table's cell.
#[test]
fn a_refusal_cites_only_what_the_notice_hands_out() {
    let (_dir, input) = text_source(
        "目标表.txt",
        "2020年第三季度重点工作推进目标表\n序号  目标任务 三季度 推进情况\n\
         131 加大普惠性幼儿园扶持力度。 督促各地加快项目实施进度。 印发《关于2020年公办幼儿园项目进展情况的通报》。\n",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("no table is refused");
    };
    assert!(
        !said[0].message.contains("通知正文说印发"),
        "{}",
        said[0].message
    );
}

/// A ministry's paragraph of several tasks, each sentence closed by the offices that do it
/// ((监测司、大气司) … (海洋司) … (气候司)): three tasks, not one with the last office.
#[test]
fn several_tasks_in_a_paragraph_each_close_with_their_offices() {
    let (_dir, input) = text_source(
        "实施方案.txt",
        "某部落实2019年政务公开工作要点实施方案\n一、加强重点信息公开\n(一)生态环境质量信息\n\
         实时发布环境空气质量数据。(监测司、大气司) 公开近岸海域水质信息。(海洋司) \
         公布二氧化碳排放信息。(气候司)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "实时发布环境空气质量数据。",
            "公开近岸海域水质信息。",
            "公布二氧化碳排放信息。"
        ]
    );
    assert_eq!(everyone_named(&plan, 1), ["监测司", "大气司"]);
    assert_eq!(everyone_named(&plan, 3), ["气候司"]);
}

/// An item given only to kinds of body ((各有关部门)) is still a task: the table prints it,
/// no sheet is made for it, and the check says so.
#[test]
fn an_item_given_to_kinds_of_body_only_is_a_task_without_a_sheet() {
    let (_dir, input) = text_source(
        "工作安排.txt",
        "某部2020年政务公开工作安排\n一、强化重点信息公开\n\
         1.污染防治攻坚战信息。及时公开目标任务进展。(各有关部门)\n\
         2.生态环境质量信息。公布城市空气质量。(监测司)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    assert_eq!(everyone_named(&checked.plan, 1), ["各有关部门"]);
    assert!(codes(&checked).contains(&"unit/no-real-unit"));
}

/// A reposting site's mark left closing a bracket ((执法局&&)) is taken out and said; the
/// item is read with its office.
#[test]
fn a_scrapers_mark_closing_a_bracket_is_taken_out_and_said() {
    let (_dir, input) = text_source(
        "工作安排.txt",
        "某部2020年政务公开工作安排\n一、强化重点信息公开\n\
         1.污染防治攻坚战信息。加强专项行动信息公开。(执法局&&)\n\
         2.生态环境质量信息。公布城市空气质量。(监测司)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(everyone_named(&checked.plan, 1), ["执法局"]);
    assert!(codes(&checked).contains(&"text/marks-removed"));
}

/// What a reposting page sets around a notice's head: a labelled 文号 (发布文号:), a site's
/// column over the title (政府文件), bare labels over the 主送 (实施日期:), the date under the
/// 文号. The notice prints none of them where its parts go.
#[test]
fn a_pages_words_around_a_notices_head_print_nowhere_in_it() {
    let (_dir, input) = text_source(
        "通知.txt",
        "政府文件\n关于印发《某部落实2019年政务公开工作要点实施方案》的通知\n\
         发布文号:厅函[2019]8号\n2019年6月20日\n实施日期:\n状       态: 现行\n\
         机关各部门,各派出机构、直属单位:\n\
         现将《某部落实2019年政务公开工作要点实施方案》印发给你们,请认真抓好落实工作。\n\
         某部办公厅\n某部落实2019年政务公开工作要点实施方案\n一、加强重点信息公开\n\
         1.实时发布环境空气质量数据。(监测司)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.doc_number.as_deref(), Some("厅函〔2019〕8号"));
    assert_eq!(notice.recipients, ["机关各部门", "各派出机构、直属单位"]);
    assert_eq!(notice.date.as_deref(), Some("2019年6月20日"));
    assert_ne!(notice.issuer.as_deref(), Some("政府"));
    let printed = published_text(&input, "通知.md");
    assert!(!printed.contains("实施日期"), "{printed}");
    assert!(!printed.contains("发布文号"), "{printed}");
}

/// A 主送 line in traditional characters (機關各部門:) addresses the notice as the simplified
/// one does.
#[test]
fn a_recipients_line_in_traditional_characters_is_read() {
    let (_dir, input) = text_source(
        "安排.txt",
        "機關各部門:\n現將《生態環境部2020年政務公開工作安排》印發給你們,請認真抓好落實。\n\
         生態環境部辦公廳\n2020年5月11日\n生態環境部2020年政務公開工作安排\n\
         一、強化重點生態環境資訊公開\n1.生態環境品質資訊。公佈城市空氣品質。(監測司)\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    assert_eq!(notice.recipients, ["機關各部門"]);
    assert_eq!(notice.date.as_deref(), Some("2020年5月11日"));
}

/// 附件1:某某实施方案 on one line: the label is none of the plan's title.
#[test]
fn an_attachments_label_on_its_titles_line_is_none_of_the_title() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发《某市改善医疗服务实施方案》的通知\n各区县卫生计生委,各市级医疗机构:\n\
         现将《某市改善医疗服务实施方案》印发给你们,请遵照执行。\n某市卫生计生委\n2015年4月3日\n\
         附件1:某市改善医疗服务实施方案\n一、主要任务\n\
         1.扩大预约诊疗服务覆盖面。(牵头单位:市卫生计生委医政医管处)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.title.as_deref(), Some("某市改善医疗服务实施方案"));
}

/// A sentence a PDF wrapped at the page's width before its bracket prints as one paragraph.
#[test]
fn a_wrapped_sentence_prints_as_one_paragraph_with_its_bracket() {
    let (_dir, input) = text_source(
        "要点.txt",
        "市教育局2022年工作要点\n一、建设区域教育中心,办好人民满意教育\n\
         1.推进区域教育中心建设。成立市、县两级区域教育中心建设推进专\n\
         班,制定实施方案,确保全面完成年度目标任务,推进区域教育中心建设强势\n\
         开局。(责任单位:区域教育中心建设专班)\n\
         2.深入实施“十四五”教育发展规划。召开规划部署会。(责任单位:发展规划科)\n",
    );
    let printed = published_text(&input, "方案.md");
    assert!(
        printed.contains("推进区域教育中心建设强势开局。（责任单位：区域教育中心建设专班）"),
        "{printed}"
    );
}

/// A 版记's line in traditional characters (…2023年2月28日印發) is whole, not a cut page.
#[test]
fn a_printed_on_line_in_traditional_characters_is_no_cut() {
    let (_dir, input) = text_source(
        "要點.txt",
        "江西省2023年應急管理工作要點\n一、堅持全面從嚴治黨\n\
         (一)深入開展主題教育。(責任單位:機關黨委)\n江西省應急管理廳辦公室 2023年2月28日印發\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(!codes(&checked).contains(&"source/cut-off"));
    assert!(codes(&checked).contains(&"source/unused"));
}

/// A table headed in traditional characters prints its 序號 as written, with the rest.
#[test]
fn a_number_header_in_traditional_characters_prints_as_written() {
    let (_dir, input) = text_source(
        "任務.txt",
        "交通運輸部2021年政務公開工作要點任務分工表\n序號\t工作任務\t牽頭單位\t完成時限\n\
         1\t加強規劃公開和解讀。\t綜合規劃司\t2021年12月底前\n",
    );
    let printed = published_text(&input, "任务分工表.md");
    assert!(printed.contains("| 序號 | 工作任務 |"), "{printed}");
}

/// An unnumbered paragraph whose units stand in brackets on the line under it: that paragraph
/// is the task's words, the bracket its units.
#[test]
fn a_bracket_on_the_line_under_a_paragraph_closes_that_paragraph() {
    let (_dir, input) = text_source(
        "方案.txt",
        "那曲市2021年“四个着力”重点工作分工方案\n\
         着力维护社会稳定。深入开展反分裂斗争,加快推进“雪亮工程”等重点项目。\n\
         (牵头单位:市委政法委;配合单位:市公安局)\n\
         着力巩固边防。推进边境小康村建设。(牵头单位:市委边境办)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "着力维护社会稳定。深入开展反分裂斗争,加快推进“雪亮工程”等重点项目。",
            "着力巩固边防。推进边境小康村建设。"
        ]
    );
    assert_eq!(leads(&plan, 1), ["市委政法委"]);
    assert_eq!(supports(&plan, 1), ["市公安局"]);
}

/// A congress's or a federation's offices head the units column as any body's do: 责任委室,
/// 责任部室, 责任股室.
#[test]
fn offices_of_any_kind_head_the_units_column() {
    for offices in ["责任委室", "责任部室", "责任股室"] {
        let (_dir, input) = text_source(
            "分工.txt",
            &format!(
                "某县人大常委会2018年工作要点任务分工表\n\
                 | 序号 | 工作任务 | 牵头领导 | {offices} | 完成时限 |\n| --- | --- | --- | --- | --- |\n\
                 | 1 | 开展环境保护法执法检查 | 张三 | 城环委 | 2018年9月底前 |\n"
            ),
        );
        let plan = fengong::check(&input).unwrap().plan;
        assert_eq!(leads(&plan, 1), ["城环委"], "{offices}");
    }
}

/// 印发《某要点》任务分工的通知 with 附件：某要点任务分工表: the table attached is what is
/// issued; the 附件说明 agrees with it, and a sheet cites it once as the division.
#[test]
fn a_notice_issuing_the_division_of_a_quoted_plan_names_the_table_attached() {
    let (_dir, input) = text_source(
        "通知.txt",
        "XX县人大常委会办公室文件\nX人常办发〔2018〕3号\n\
         XX县人大常委会办公室关于印发《XX县人大常委会2018年工作要点》任务分工的通知\n\
         常委会各委室:\n现将任务分工印发给你们,请认真抓好落实。\n\
         附件:XX县人大常委会2018年工作要点任务分工表\nXX县人大常委会办公室\n2018年4月20日\n附件\n\
         XX县人大常委会2018年工作要点任务分工表\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n\
         | --- | --- | --- | --- |\n| 1 | 开展《环境保护法》执法检查 | 城环委 | 2018年9月底前 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("XX县人大常委会2018年工作要点任务分工表")
    );
    assert!(!codes(&checked).contains(&"notice/attachment-title"));
    let sheet = published_text(&input, "任务单/城环委.md");
    assert!(
        sheet.contains("根据《XX县人大常委会2018年工作要点任务分工表》，现将"),
        "{sheet}"
    );
}

/// Headings a plan leaves unnumbered, written as parallel phrases over the tasks under them
/// (强化组织领导,压实工作责任): each the group of the task under it, never run into it.
#[test]
fn unnumbered_phrase_headings_group_the_tasks_under_them() {
    for gap in ["\n", "\n\n"] {
        let text = [
            "桑珠孜区2023年民族团结进步创建工作要点",
            "强化组织领导,压实工作责任",
            "成立领导小组,压紧压实各级党组织主体责任。(责任单位:区委统战部)",
            "丰富活动载体,加强宣传引导",
            "打造民族团结主题广场1个。(责任单位:区委宣传部)",
        ]
        .join(gap);
        let (_dir, input) = text_source("要点.txt", &text);
        let plan = fengong::check(&input).unwrap().plan;
        assert_eq!(
            groups(&plan),
            [
                ("强化组织领导,压实工作责任".to_string(), vec![1]),
                ("丰富活动载体,加强宣传引导".to_string(), vec![2]),
            ],
            "{gap:?}"
        );
        assert_eq!(
            contents(&plan)[0],
            "成立领导小组,压紧压实各级党组织主体责任。"
        );
    }
}

/// A page's count of readers and its stamped date (浏览人数:0, 日期:2023-12-04 10:27) are
/// the page's lines, said, never printed as the plan's words.
#[test]
fn a_pages_counter_and_date_stamp_print_nowhere() {
    let (_dir, input) = text_source(
        "要点.txt",
        "桑珠孜区2023年民族团结进步创建工作要点\n来源:日喀则日报\n浏览人数:0\n\
         日期:2023-12-04 10:27\n全区上下认真落实各项部署。\n一、强化组织领导\n\
         1.成立领导小组。(责任单位:区委统战部)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let unused = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "source/unused")
        .count();
    assert_eq!(unused, 3);
    let printed = published_text(&input, "方案.md");
    assert!(!printed.contains("浏览人数"), "{printed}");
    assert!(printed.contains("全区上下认真落实各项部署"), "{printed}");
}

/// Sentences over a table in the same file, with no notice and no title line: the plan's
/// words, printed in 方案 under the table's title (once), not left out.
#[test]
fn sentences_over_a_table_without_a_title_print_as_the_plan() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "2020年是全面建成小康社会和“十三五”规划收官之年。全市妇联工作要团结引领广大妇女建功立业。\n\
         1、把握妇联工作正确政治方向。始终加强思想政治引领。\n\
         临沧市妇联2020年重点工作任务分解表\n| 序号 | 工作任务 | 责任部门 | 完成时限 |\n\
         | --- | --- | --- | --- |\n| 1 | 加强思想政治引领 | 办公室 | 全年 |\n",
    );
    let printed = published_text(&input, "方案.md");
    assert!(
        printed.contains("全市妇联工作要团结引领广大妇女建功立业"),
        "{printed}"
    );
    assert!(printed.contains("把握妇联工作正确政治方向"), "{printed}");
    assert_eq!(
        printed
            .matches("临沧市妇联2020年重点工作任务分解表")
            .count(),
        1,
        "{printed}"
    );
}

/// A plan's title prints its half-width colon full-width, as the plan's text does.
#[test]
fn a_plan_title_prints_its_colon_full_width() {
    let (_dir, input) = text_source(
        "要点.txt",
        "桑珠孜区:民族团结进步创建工作要点\n一、强化组织领导\n\
         1.成立领导小组。(责任单位:区委统战部)\n2.开展宣讲活动。(责任单位:区委宣传部)\n",
    );
    let printed = published_text(&input, "任务分工表.md");
    assert!(
        printed.contains("桑珠孜区：民族团结进步创建工作要点"),
        "{printed}"
    );
}

/// A column of figures (任务(万亩)) beside a column of words (县(区)) is a column of its own:
/// the words are the task, the figures printed beside them in the table.
#[test]
fn a_column_of_figures_is_kept_beside_the_task() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "2019年度森林抚育工程任务分解表\n序号\t县(区)\t任务(万亩)\t责任单位\t完成时限\n\
         1\t巴宜区\t2\t巴宜区林业和草原局\t2020年11月30日\n\
         2\t朗县\t3.5\t朗县林业和草原局\t2020年11月30日\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(contents(&plan), ["巴宜区", "朗县"]);
    let printed = published_text(&input, "任务分工表.md");
    assert!(printed.contains("任务(万亩)"), "{printed}");
    assert!(printed.contains("| 3.5 |"), "{printed}");
}

/// A news page's headline under the site's name and column (林芝市林业和草原局 / 政府信息公开)
/// is the plan's title alone; the site's lines are said.
#[test]
fn a_pages_headline_is_the_title_without_the_sites_name() {
    let (_dir, input) = text_source(
        "页面.txt",
        "林芝市林业和草原局\n\n政府信息公开\n\n2019年度森林抚育工程项目有序推进\n\n\
         发布时间: 2020-10-23   浏览次数:   【字体:\n\n序号\t工作任务\t责任单位\t完成时限\n\
         1\t完成巴宜区森林抚育2万亩\t巴宜区林业和草原局\t2020年11月30日\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("2019年度森林抚育工程项目有序推进")
    );
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/unused")
        .map(|d| d.message.as_str())
        .collect();
    assert!(said.iter().any(|m| m.contains("政府信息公开")), "{said:?}");
}

/// A joint 署名 cut inside an agency's name (农业农村部 最高人民法院 / 国家市场监) is a cut
/// page, said as one, whatever else is refused.
#[test]
fn a_signature_cut_inside_an_agencys_name_is_said_cut() {
    let (_dir, input) = text_source(
        "要点.txt",
        "关于印发《2024年农资打假工作要点》的通知\n各省农业农村厅:\n\
         现将《2024年农资打假工作要点》印发给你们,请认真贯彻执行。\n农业农村部 最高人民法院\n国家市场监\n",
    );
    let Err(fengong::Error::Input(said)) = fengong::check(&input) else {
        panic!("no table is refused");
    };
    assert!(
        said[0].message.contains("国家市场监」，没有写完"),
        "{}",
        said[0].message
    );
}

/// Two brackets side by side closing one item ((责任科室:基础教育科)(责任单位:芜湖一中、安师大
/// 附中)) are one task's: the schools carry it out too, and get their sheets.
#[test]
fn two_brackets_side_by_side_are_one_tasks() {
    let (_dir, input) = text_source(
        "要点.txt",
        "芜湖市教育局2024年工作要点\n\n一、推进基础教育扩优提质\n\n\
         1.推进学前教育普及普惠。新增公办幼儿园学位3000个以上。(责任科室:基础教育科)\n\n\
         2.推进义务教育优质均衡。深化集团化办学,组建紧密型教育集团10个。(责任科室:基础教育科)(责任单位:芜湖一中、安师大附中)\n\n\
         3.加强学校安全管理。完成校园安防达标复核。(责任科室:安全管理科)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(
        everyone_named(&plan, 2),
        ["基础教育科", "芜湖一中", "安师大附中"]
    );
}

/// 责任科室 | 责任学校(单位): a second column of who does the work, beside no 牵头 or 配合
/// column, lists those who carry it out with the first — not an extra column.
#[test]
fn a_second_units_column_lists_who_carries_the_work_out() {
    let (_dir, input) = text_source(
        "分工表.txt",
        "2024年工作要点任务分工表\n序号\t工作任务\t责任科室\t责任学校(单位)\t完成时限\n\
         1\t推进义务教育优质均衡。\t基础教育科\t芜湖一中、安师大附中\t6月底前\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 1), ["基础教育科"]);
    assert_eq!(supports(&checked.plan, 1), ["芜湖一中", "安师大附中"]);
    assert!(!codes(&checked).contains(&"table/extra-column"));
}

/// A day named without the year (9月1日前) is that day of the plan's year, not the month's end.
#[test]
fn a_day_named_without_the_year_is_that_day() {
    let (_dir, input) = text_source(
        "分解表.txt",
        "2018年主要工作目标任务分解表\n序号\t工作任务\t牵头单位\t完成时限\n\
         1\t新建改扩建幼儿园5所\t区教育局\t9月1日前\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.tasks[0].deadline.map(|d| d.to_string()).as_deref(),
        Some("2018-09-01")
    );
}

/// A page's line inside a notice's head — a byline under the 文号, a 来源/时间 line over the
/// 主送 — is said; the head is read around it, the title and issuer kept.
#[test]
fn a_pages_line_inside_a_notices_head_is_passed_over() {
    let (_dir, input) = text_source(
        "意见.txt",
        "兖煤股铁发〔2021〕5号\n\n作者: 邵冬茹   发布日期: 2021年09月30日   来源: 某公司铁路运输处\n\n\
         某公司铁路运输处\n\n关于全面推行市场化精益化“两化融合”\n\n工作的实施意见\n\n处属各单位:\n\n\
         为全面提升企业管理水平,特制定本意见。\n\n某公司铁路运输处\n2021年9月28日\n\n\
         一、重点任务\n1.修订内部结算价格目录。(牵头部门:经营管理科)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.title.as_deref(),
        Some("关于全面推行市场化精益化“两化融合”工作的实施意见")
    );
    assert_eq!(notice.issuer.as_deref(), Some("某公司铁路运输处"));
    assert_eq!(notice.date.as_deref(), Some("2021年9月28日"));
    let (_dir, input) = text_source(
        "通知.txt",
        "海东市人民政府办公室\n关于印发海东市与兰州市、临夏州\n共同推进兰西城市群建设2020年\n\
         重点任务清单的通知\n来源:    时间:2020年10月16日\n\n\
         各县区人民政府，海东工业园区管委会，市政府有关部门:\n\n\
         《海东市重点任务清单》已经市政府同意，现印发给你们。\n\n海东市人民政府办公室\n2020年10月9日\n\n\
         海东市重点任务清单\n序号\t重点任务\t责任单位\n1\t推进兰西城市群建设。\t市发展改革委\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    assert_eq!(notice.issuer.as_deref(), Some("海东市人民政府办公室"));
    assert!(
        notice
            .title
            .as_deref()
            .unwrap_or("")
            .ends_with("重点任务清单的通知"),
        "{:?}",
        notice.title
    );
}

/// A heading in a notice's body with a comma in it (一、落实责任,确保质量) is a paragraph of its
/// own, never run into the sentence under it.
#[test]
fn a_notices_heading_of_two_phrases_stands_apart_from_its_paragraph() {
    let (_dir, input) = text_source(
        "通知.txt",
        "银川市兴庆区人民政府办公室\n关于做好2018年政府工作报告主要目标任务的通知\n\
         各乡镇人民政府、街道办事处:\n根据2018年《政府工作报告》,将各项工作任务分解(详见附件),现就有关事宜通知如下:\n\
         一、落实责任,确保质量\n各责任单位要制定计划,明确责任,确保按期完成任务。\n\
         附件:2018年主要工作目标任务分解表\n银川市兴庆区人民政府办公室\n2018年8月16日\n\
         2018年主要工作目标任务分解表\n序号\t工作任务\t牵头单位\t完成时限\n\
         1\t新建改扩建幼儿园5所\t区教育局\t9月1日前\n",
    );
    let body: Vec<String> = (fengong::check(&input).unwrap().plan.notice.body.iter())
        .map(|p| p.text.clone())
        .collect();
    assert!(
        body.contains(&"一、落实责任,确保质量".to_string()),
        "{body:?}"
    );
}

/// 一是…。二是…。三是…（X牵头）: the bracket closes the last counted item only; those before
/// it name no one and are said, never given to X.
#[test]
fn a_bracket_after_counted_items_closes_only_the_last() {
    let (_dir, input) = text_source(
        "安排.txt",
        "伊州区2025年近期重点工作安排\n会议对近期重点工作进行了安排部署:一是加快推进工业高质量发展。\
         二是不断激发消费活力。三是从严抓好安全生产。开展春季安全生产大检查(牵头单位:区应急管理局;配合单位:区住建局)。\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        contents(&checked.plan),
        ["从严抓好安全生产。开展春季安全生产大检查。"]
    );
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/unused")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        said.iter().any(|m| m.contains("不断激发消费活力")),
        "{said:?}"
    );
}

/// 一是…。牵头部门：甲；配合部门：乙。二是…。牵头部门：丙。 in one paragraph: a task each, given
/// out by the labels after it — also in a notice whose body hands the work out so. A railway's
/// depots (机务段, 工务段) are bodies.
#[test]
fn labels_after_each_counted_item_give_out_each() {
    let (_dir, input) = text_source(
        "安排.txt",
        "铁路运输处关于印发2024年安全生产重点工作安排的通知\n\n各科室、各站段：\n\n\
         现将《2024年安全生产重点工作安排》印发给你们，请认真贯彻落实。\n\n\
         一、强化安全责任落实。一是完善安全生产责任制，修订各岗位安全责任清单。牵头部门：安全监察科；配合部门：运输科、机务段。\
         二是开展安全生产大检查，全面排查治理事故隐患。牵头部门：运输科；配合部门：车务段、工务段。\
         三是加强安全教育培训，全年培训不少于2次。牵头部门：职教科。\n\n\
         二、推进设备更新改造。一是完成机车检修设备升级改造。牵头部门：机务段；配合部门：物资供应科。\
         二是实施线路大修工程，2024年10月底前完成。牵头部门：工务段。\n\n铁路运输处\n2024年3月5日\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "完善安全生产责任制，修订各岗位安全责任清单。",
            "开展安全生产大检查，全面排查治理事故隐患。",
            "加强安全教育培训，全年培训不少于2次。",
            "完成机车检修设备升级改造。",
            "实施线路大修工程，2024年10月底前完成。",
        ]
    );
    assert_eq!(leads(&plan, 2), ["运输科"]);
    assert_eq!(supports(&plan, 2), ["车务段", "工务段"]);
    assert_eq!(leads(&plan, 5), ["工务段"]);
    assert_eq!(plan.sections.len(), 2);
}

/// 各区委为责任单位，市委组织部协办。: a sentence giving out the item above, as labelled lines
/// would.
#[test]
fn a_sentence_naming_each_bodys_role_gives_the_item_out() {
    let (_dir, input) = text_source(
        "方案.txt",
        "深圳市“基层基础年”工作方案\n\n一、加强党的基层组织建设\n\
         1.调整街道社区党组织设置，选择1~2个街道进行试点。\n各区委为责任单位，市委组织部协办。\n\
         2.对派出机构干部协管情况进行专项检查。\n市委组织部为责任单位，各区委协办。\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(&plan, 1), ["各区委"]);
    assert_eq!(supports(&plan, 1), ["市委组织部"]);
    assert_eq!(leads(&plan, 2), ["市委组织部"]);
}

/// 1、… / 2、… / 责任单位：… / 整改时限：…: the items above the labels, naming no one, share them
/// when no other item of the part names anyone; said.
#[test]
fn labels_under_the_last_of_items_naming_no_one_are_all_theirs() {
    let (_dir, input) = text_source(
        "整改方案.txt",
        "某区督察反馈问题整改方案\n一、整改任务\n1、每月召开整改推进会议。\n\
         2、每月调度预警，强化督查督办。\n责任单位：区河湖管理中心\n整改时限：2019年12月底前\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(checked.plan.tasks.len(), 2);
    for no in [1, 2] {
        assert_eq!(leads(&checked.plan, no), ["区河湖管理中心"]);
    }
    assert!(codes(&checked).contains(&"plan/items-above"));
    // Each item with its own labels keeps them; none is shared.
    let (_dir, input) = text_source(
        "整改方案.txt",
        "某区督察反馈问题整改方案\n一、整改任务\n1、每月召开整改推进会议。\n责任单位：区河长办\n\
         2、每月调度预警，强化督查督办。\n责任单位：区河湖管理中心\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(leads(&plan, 1), ["区河长办"]);
}

/// 牵头单位 | 协作单位 | 责任单位: 协作 is a support's word; the 责任单位 beside both carry the
/// work out, each with a sheet.
#[test]
fn a_units_column_beside_lead_and_cooperating_columns_carries_the_work() {
    let (_dir, input) = text_source(
        "分工表.txt",
        "百色市为民办实事任务分工表\n| 序号 | 实事项目 | 牵头单位 | 协作单位 | 责任单位 | 完成时限 |\n\
         |---|---|---|---|---|---|\n| 1 | 新建乡村公路和屯级道路571条 | 市交通局 | 市财政局 | 右江区人民政府 | 2009年12月底 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        everyone_named(&checked.plan, 1),
        ["市交通局", "市财政局", "右江区人民政府"]
    );
    assert!(!codes(&checked).contains(&"table/extra-column"));
}

/// 玉林市…领导小组 / 办公室关于印发…: the issuer's name broken onto the title's line — the
/// title and the issuer are whole.
#[test]
fn an_issuers_name_broken_onto_the_titles_line_is_whole() {
    let (_dir, input) = text_source(
        "通知.txt",
        "玉林市应对气候变化及节能减排工作领导小组\n办公室关于印发玉林市降碳目标\n工作实施方案的通知\n\
         各县(市、区)人民政府:\n现将《玉林市降碳目标工作实施方案》印发给你们,请认真组织实施。\n\
         玉林市应对气候变化及节能减排工作领导小组办公室\n2024年3月22日\n玉林市降碳目标工作实施方案\n\
         1.加强生态环境准入管理。(市生态环境局牵头,市发展改革委配合)\n",
    );
    let notice = fengong::check(&input).unwrap().plan.notice;
    assert_eq!(
        notice.issuer.as_deref(),
        Some("玉林市应对气候变化及节能减排工作领导小组办公室")
    );
    assert_eq!(
        notice.title.as_deref(),
        Some(
            "玉林市应对气候变化及节能减排工作领导小组办公室关于印发玉林市降碳目标工作实施方案的通知"
        )
    );
}

/// A web page's reading controls over the headline (页面 / 配色 / 辅助线 / 重置, 字体大小:)
/// and its share buttons under it (分享 微信) are the page's: said, none of the title.
#[test]
fn a_pages_controls_around_the_headline_are_the_pages() {
    let (_dir, input) = text_source(
        "公示.txt",
        "页面\n配色\n辅助线\n重置\n当前位置:首页 > 政府工作动态 > 通知公告\n\n\
         玉林市群众意见建议整改情况公示\n\n分享 微信\n微博 空间 qq\n\n字体大小:\n\n一、整改任务\n\
         (一)经济发展方面。一是加快重大项目建设(牵头部门:市发展改革委;责任部门:市自然资源局)。\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("玉林市群众意见建议整改情况公示")
    );
    let said = messages(&checked, "source/unused");
    for line in [
        "页面",
        "配色",
        "辅助线",
        "重置",
        "分享 微信",
        "微博 空间 qq",
        "字体大小:",
    ] {
        assert!(said.iter().any(|s| s.contains(line)), "{line}: {said:?}");
    }
}

/// Headers offices use: 责任站所 (a township's stations), 整改目标 beside 整改措施 (the
/// measure is the task), 项目名称 over 建设内容 and the year's work (the name stays the
/// task's); a row opening with its number is never a header.
#[test]
fn township_rectification_and_project_headers() {
    let (_dir, input) = text_source(
        "清单.txt",
        "儒林镇就业帮扶车间专项行动任务清单\n序号 | 工作任务 | 责任站所 | 完成时限\n\
         1 | 完成全镇就业帮扶车间摸底调查 | 社会事务办 | 2021年9月底\n",
    );
    assert_eq!(
        leads(&fengong::check(&input).unwrap().plan, 1),
        ["社会事务办"]
    );
    let (_dir, input) = text_source(
        "清单.txt",
        "某市督察反馈意见整改任务清单\n| 序号 | 反馈问题 | 整改目标 | 整改措施 | 责任单位 | 整改时限 |\n\
         | 1 | 迹地修复不到位 | 2021年底前完成迹地生态修复 | 制定迹地修复方案 | 市林业局 | 2021年12月底前 |\n",
    );
    assert_eq!(
        contents(&fengong::check(&input).unwrap().plan),
        ["制定迹地修复方案"]
    );
    let (_dir, input) = text_source(
        "计划.txt",
        "某县2025年重点项目计划安排表\n| 序号 | 项目名称 | 建设内容及规模 | 2025年主要建设内容 | 责任单位 |\n\
         | 1 | 城北污水处理厂扩建工程 | 新增污水处理能力2万吨/日 | 完成主体工程80% | 县住建局 |\n",
    );
    assert_eq!(
        contents(&fengong::check(&input).unwrap().plan),
        ["城北污水处理厂扩建工程：完成主体工程80%"]
    );
    let (_dir, input) = text_source(
        "分工.txt",
        "某市民生工程项目目标任务分工\n\n| 序号 | 项目名称 | 目标任务 | 责任单位 | 配合单位 |\n\
         | 1 | 援建项目 | 完成主体工程 | 市建设局 | 市发改委 |\n| 2 | 住房建设 | 新开工住房 | 市国土局 | 市财政局 |\n\
         | 3 | 实事项目 | 完成实事20项 | 市发改委 | 市直各有关部门 |\n",
    );
    assert_eq!(fengong::check(&input).unwrap().plan.tasks.len(), 3);
}

/// 附件2:…安排表.xls: a numbered attachment's note with the download's file name — the note
/// is read (the 署名 and date under it too), the extension said and printed nowhere.
#[test]
fn a_numbered_attachment_note_with_a_file_name() {
    let (_dir, input) = text_source(
        "通知.txt",
        "各乡镇人民政府,县政府直属各单位:\n现将2025年县重点项目计划下达如下,请抓好落实。\n\
         附件2:松阳县2025年重点项目计划安排表.xls\n松阳县人民政府办公室\n2025年4月23日\n\
         | 序号 | 项目名称 | 责任单位 |\n| 1 | 城北污水处理厂扩建 | 县住建局 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    let notice = &checked.plan.notice;
    assert_eq!(notice.attachments, ["松阳县2025年重点项目计划安排表"]);
    assert_eq!(notice.signer.as_deref(), Some("松阳县人民政府办公室"));
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("松阳县2025年重点项目计划安排表")
    );
    assert!(codes(&checked).contains(&"notice/attachment-file"));
}

/// 12.… 13.… with no items 1–11 in the text: said as not copied, not as items naming no one;
/// a heading's own count (（3项）) is held against the tasks under it.
#[test]
fn numbers_the_text_never_writes_and_counts_in_headings() {
    let (_dir, input) = text_source(
        "方案.txt",
        "重点工作任务责任分解方案\n\n二、主要工作安排\n\n12.启动南外环高速公路建设。(牵头单位:区交通运输局)\n\n\
         13.加快推进淦河二期系统治理。(牵头单位:区水利和湖泊局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let said = messages(&checked, "plan/numbers-as-written");
    assert!(
        said.iter().any(|m| m.contains("读入的文字中没有第 1")),
        "{said:?}"
    );
    assert!(
        !said.iter().any(|m| m.contains("没有写明责任单位")),
        "{said:?}"
    );
    let (_dir, input) = text_source(
        "清单.txt",
        "2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(3项)\n1.打造食用菌酵素生产基地。\n\
         2.建设3个劳动密集型产业园。\n二、县发改局牵头工作(1项)\n3.全年谋划储备项目100个以上。\n",
    );
    let checked = fengong::check(&input).unwrap();
    let said = messages(&checked, "plan/count-differs");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("写明 3 项"), "{said:?}");
}

/// The messages of `checked`'s findings with `code`.
fn messages<'a>(checked: &'a fengong::Checked, code: &str) -> Vec<&'a str> {
    (checked.report.diagnostics.iter())
        .filter(|d| d.code == code)
        .map(|d| d.message.as_str())
        .collect()
}

/// Word files as offices make them: two attachments whose tables are headed alike are two
/// tables; numbers restarting in each part are said renumbered; a 版记 after numbered
/// paragraphs is said, not printed as the plan's; a name spelled out with full-width spaces is
/// one unit.
#[test]
fn word_files_as_offices_make_them() {
    let docx = |name: &str| common::root().join("tests/fixtures/docx").join(name);
    let checked = fengong::check(&docx("attachments_headed_alike.docx")).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    assert!(!codes(&checked).contains(&"structure/duplicate-number"));
    assert!(codes(&checked).contains(&"table/another-table"));
    let checked = fengong::check(&docx("restarting_numbers.docx")).unwrap();
    assert_eq!(checked.plan.tasks.len(), 3);
    assert!(codes(&checked).contains(&"plan/renumbered"));
    let said = messages(&checked, "source/unused");
    assert!(said.iter().any(|m| m.contains("抄送")), "{said:?}");
    let plan_text = published_text(&docx("restarting_numbers.docx"), "方案.md");
    assert!(!plan_text.contains("抄送"), "{plan_text}");
    let checked = fengong::check(&docx("spaced_unit.docx")).unwrap();
    assert_eq!(leads(&checked.plan, 1), ["区财政局"]);
    assert!(!codes(&checked).contains(&"unit/fragment"));
}

/// A notice with no 附件说明 line, its table attached: the published notice names the
/// attachment under its body, and `check` says the line was added.
#[test]
fn a_missing_attachment_note_is_added_and_said() {
    let (_dir, input) = text_source(
        "通知.txt",
        "教体职成〔2016〕161号\n关于印发《安庆市中等职业学校管理水平提升行动计划实施细则》的通知\n\
         各县(市)教育局,市区中职学校:\n特制定《安庆市中等职业学校管理水平提升行动计划实施细则》,现印发给你们,请认真贯彻执行。\n\
         安庆市教育体育局\n2016年3月31日\n安庆市中等职业学校管理水平提升行动计划任务分解表\n\
         序号 | 具体任务 | 牵头科室 | 完成时间\n1 | 建立教学工作诊断与改进制度 | 职成科 | 2016年12月\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert!(codes(&checked).contains(&"notice/attachment-note-added"));
    let notice = published_text(&input, "通知.md");
    assert!(
        notice.contains("附件：安庆市中等职业学校管理水平提升行动计划任务分解表"),
        "{notice}"
    );
}

/// A notice's headline over the plan's text with no body of its own names the table as it
/// names the plan; the site's column under it (政策) is the page's, said, in no title.
#[test]
fn a_headline_names_the_table_and_a_sites_column_is_the_pages() {
    let (_dir, input) = text_source(
        "页面.txt",
        "印发《潮州市贯彻落实海西规划实施方案》的通知\n政策\n一、重点任务\n\
         1.推进港口建设。(牵头单位:市交通运输局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.table.title.as_deref(),
        Some("潮州市贯彻落实海西规划实施方案")
    );
    let said = messages(&checked, "source/unused");
    assert!(said.iter().any(|m| m.contains("「政策」")), "{said:?}");
}

/// A title's 远景目标 year is no year of the plan's: its deadlines are dated by the notice.
#[test]
fn a_horizon_in_the_title_is_not_the_plans_year() {
    let (_dir, input) = text_source(
        "通知.txt",
        "海府〔2021〕9号\n关于印发海丰县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工的通知\n\
         各镇人民政府，县直各单位：\n现将任务分工印发给你们，请认真贯彻落实。\n海丰县人民政府\n2021年5月14日\n\
         序号\t工作任务\t牵头单位\t完成时限\n1\t推进重点项目建设。\t县发改局\t12月底前\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.year, Some(2021));
}

/// A bare line naming a part (主要措施) right over `(一)…` heads the groups under it: (一)
/// stays the first group, with its items, in the model and in 方案.md.
#[test]
fn a_part_named_over_the_first_group_keeps_the_group() {
    let (_dir, input) = text_source(
        "方案.txt",
        "宁德市2023年全面推进乡村振兴重点工作实施方案\n主要措施\n(一)切实保障粮食和重要农产品稳定安全供给\n\
         1.全力抓紧抓好粮食生产。(牵头单位:市农业农村局;配合单位:市发改委)\n\
         2.加力扩种大豆油料。(牵头单位:市农业农村局;配合单位:市财政局)\n(二)加强农业基础设施建设\n\
         3.加强耕地保护和用途管控。(牵头单位:市自然资源局;配合单位:市农业农村局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        groups(&checked.plan),
        [
            (
                "切实保障粮食和重要农产品稳定安全供给".to_string(),
                vec![1, 2]
            ),
            ("加强农业基础设施建设".to_string(), vec![3])
        ]
    );
    for code in ["table/label-missing", "group/number-skipped"] {
        assert!(!codes(&checked).contains(&code), "{code}");
    }
    let plan_text = published_text(&input, "方案.md");
    assert!(
        plan_text.contains("切实保障粮食和重要农产品稳定安全供给"),
        "{plan_text}"
    );
    assert!(plan_text.contains("全力抓紧抓好粮食生产"), "{plan_text}");
}

/// `A、B（牵头），C`: the mark after a run the comma sets apart speaks for the run, as the
/// unbracketed `A、B牵头，C` does — said, with how to write the other reading. Before 、
/// it marks its own name only.
#[test]
fn a_lead_mark_after_a_run_of_names_leads_the_run() {
    let table = |cell: &str| {
        format!(
            "任务分工表\n| 序号 | 重点任务 | 责任单位 |\n| --- | --- | --- |\n\
             | 1 | 加强人居环境整治 | {cell} |\n"
        )
    };
    let (_dir, input) = text_source(
        "分工.md",
        &table("市农业农村局、市住房城乡建设局（牵头），各镇人民政府"),
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        leads(&checked.plan, 1),
        ["市农业农村局", "市住房城乡建设局"]
    );
    assert_eq!(supports(&checked.plan, 1), ["各镇人民政府"]);
    let said = messages(&checked, "unit/lead-mark-shared");
    assert_eq!(said.len(), 1, "{said:?}");
    let (_dir, input) = text_source(
        "分工.md",
        &table("市农业农村局、市住房城乡建设局（牵头）、各镇人民政府"),
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 1), ["市住房城乡建设局"]);
    assert!(messages(&checked, "unit/lead-mark-shared").is_empty());
}

/// The same unit under 牵头 and again under 主体责任单位: read once, as lead, and the empty
/// cell the table then prints is said at that cell.
#[test]
fn a_unit_written_in_two_role_columns_is_said() {
    let (_dir, input) = text_source(
        "分工.md",
        "任务分工表\n| 序号 | 工作任务 | 牵头单位 | 主体责任单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|---|\n\
         | 1 | 新增托育机构2所以上。 | 县卫健委 | 县卫健委 | 县教育局 | 2025年12月底前 |\n\
         | 2 | 推进诊疗能力提升。 | 县卫健委 | 县中医院 | 县财政局 | 2025年12月底前 |\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(leads(&checked.plan, 1), ["县卫健委"]);
    let said = messages(&checked, "unit/listed-in-two-columns");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("第 1 项") && said[0].contains("县卫健委"),
        "{said:?}"
    );
}

/// A news page's headline and lead over `《某方案》公布如下：`: the plan is the one announced,
/// the page's lines said.
#[test]
fn a_plan_announced_under_a_news_headline_is_the_title() {
    let (_dir, input) = text_source(
        "页面.txt",
        "宁德发布丨2023年全面推进乡村振兴重点工作，我市这样实施……\n\
         近日，中共宁德市委、宁德市人民政府印发《关于做好2023年全面推进乡村振兴重点工作的实施方案》，并发出通知。\n\
         《关于做好2023年全面推进乡村振兴重点工作的实施方案》公布如下：\n\
         一、主要措施\n1.全力抓紧抓好粮食生产。（牵头单位：市农业农村局；配合单位：市发改委）\n",
    );
    let checked = fengong::check(&input).unwrap();
    let title = "关于做好2023年全面推进乡村振兴重点工作的实施方案";
    assert_eq!(checked.plan.title.as_deref(), Some(title));
    assert_eq!(checked.plan.table.title.as_deref(), Some(title));
    let said = messages(&checked, "source/unused").join("");
    assert!(
        said.contains("宁德发布") && said.contains("公布如下"),
        "{said}"
    );
}

/// A part headed by its lead (二、县发改局牵头工作) leads a task under it that names only
/// who helps, as it leads the tasks that name no one.
#[test]
fn a_headings_lead_leads_tasks_naming_only_their_supports() {
    for support in ["(配合单位:县财政局)", "(县财政局配合)"] {
        let (_dir, input) = text_source(
            "清单.txt",
            &format!(
                "2025年县政府重点工作任务清单\n一、县发改局牵头工作(2项)\n1.推进以工代赈项目建设。\n\
                 2.谋划储备项目100个。{support}\n"
            ),
        );
        let checked = fengong::check(&input).unwrap();
        assert_eq!(leads(&checked.plan, 2), ["县发改局"], "{support}");
        assert_eq!(supports(&checked.plan, 2), ["县财政局"], "{support}");
        assert!(!codes(&checked).contains(&"structure/no-lead"));
    }
}

/// The attachment titled as the body issues it (现将《…分工》印发) while the 附件说明 names
/// another document (…推进情况表, the return form): the plan is the one attached, and the
/// difference is said.
#[test]
fn an_attachment_note_naming_another_document_is_said() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发2022年重点任务责任落实分工的通知\n各部门:\n\
         现将《2022年<政府工作报告>重点任务责任落实分工》印发给你们,请认真贯彻落实。\n\
         附件:2022年《政府工作报告》重点任务落实推进情况表\n某旗人民政府办公室\n2022年2月21日\n附件\n\
         2022年《政府工作报告》重点任务责任落实分工\n序号\t重点任务\t牵头单位\t完成时限\n\
         1\t新建高标准农田2万亩\t旗农牧和科技局\t2022年10月底\n",
    );
    let checked = fengong::check(&input).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("2022年《政府工作报告》重点任务责任落实分工")
    );
    assert!(codes(&checked).contains(&"notice/attachment-title"));
    let sheet = published_text(&input, "任务单/旗农牧和科技局.md");
    assert!(!sheet.contains("推进情况表"), "{sheet}");
}

/// A leader's label the scan ran onto the end of the item's line (…增长10%。牵头县领导:县长)
/// is the item's field, as on a line of its own: out of the content, the leader kept.
#[test]
fn a_leaders_label_run_onto_the_items_line_is_its_field() {
    let (_dir, input) = text_source(
        "方案.txt",
        "重点工作责任分解方案\n一、扩大有效投资\n\
         1.全年实施亿元以上项目120个,完成固定资产投资增长10%。牵头县领导:县长\n\
         责任单位:县发改局\n配合单位:县财政局\n完成时限:2024年12月底\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    let task = plan.task(1).unwrap();
    assert_eq!(
        task.content,
        "全年实施亿元以上项目120个,完成固定资产投资增长10%。"
    );
    assert_eq!(task.person.as_deref(), Some("县长"));
    assert_eq!(leads(&plan, 1), ["县发改局"]);
}

/// Projects numbered 一、 whose first labelled line names the leader (牵头领导：…) before
/// who does the work: each a task, its leader kept.
#[test]
fn a_projects_leader_line_before_its_units_keeps_it_a_task() {
    let (_dir, input) = text_source(
        "实事.txt",
        "南昌县2024年民生实事项目\n一、新建300个公共充电桩项目\n牵头领导:涂超\n牵头单位:县城管执法局\n\
         责任单位:县城投集团\n二、改造老旧小区10个\n牵头领导:李明\n牵头单位:县住建局\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(leads(&plan, 1), ["县城管执法局"]);
    assert_eq!(plan.task(1).unwrap().person.as_deref(), Some("涂超"));
    assert_eq!(plan.task(2).unwrap().person.as_deref(), Some("李明"));
}

/// Two people labelled apart in one bracket (牵头责任人：涂娟，具体责任人：王勇、张伟): both
/// kept, in order.
#[test]
fn every_person_a_bracket_names_is_kept() {
    let (_dir, input) = text_source(
        "方案.txt",
        "华容县文旅广电局2021年重点工作实施方案\n\
         1.完成乡镇文化分馆8家。(责任单位:县图书馆;牵头责任人:涂娟,具体责任人:王勇、张伟)\n",
    );
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        plan.task(1).unwrap().person.as_deref(),
        Some("涂娟、王勇、张伟")
    );
}

/// A notice attaching two plans in one text (附件1 甲方案 … 附件2 乙方案): the second is a
/// part of its own, printed under its own 附件 mark, its tasks numbered on; nothing said
/// missing.
#[test]
fn a_second_plan_attached_in_the_text_is_its_own_part() {
    let (_dir, input) = text_source(
        "通知.txt",
        "关于印发两个责任分解方案的通知\n各镇人民政府:\n现将两个责任分解方案印发给你们,请认真落实。\n\
         附件:1.甲方案\n2.乙方案\n嘉鱼县人民政府办公室\n2021年5月12日\n附件1\n甲方案\n一、重点工作\n\
         (一)新建农村公路100公里。(牵头单位:县交通运输局;责任单位:县财政局)\n附件2\n乙方案\n\
         (一)推进武深高速建设。(牵头单位:县交通运输局;责任单位:县自然资源和规划局)\n",
    );
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.sections[1].title, "乙方案");
    assert_eq!(plan.sections[1].groups[0].tasks, [2]);
    assert!(!plan.tasks[0].content.contains("附件2"));
    assert!(!codes(&checked).contains(&"notice/attachments"));
    let notice = published_text(&input, "通知.md");
    let mark = notice.find("附件2\n").expect("a mark for 附件2");
    let task = notice.find("推进武深高速建设").unwrap();
    assert!(mark < task, "{notice}");
    assert_eq!(notice.matches("推进武深高速建设").count(), 1, "{notice}");
}

/// Two parts both numbered 一、 (a copy's slip): each prints its own items once.
#[test]
fn parts_numbered_alike_print_their_own_items() {
    let (_dir, input) = text_source(
        "方案.txt",
        "甲方案\n一、重点工作\n(一)新建农村公路100公里。(牵头单位:县交通运输局;责任单位:县财政局)\n\
         一、重大项目\n(一)推进武深高速建设。(牵头单位:县交通运输局;责任单位:县自然资源和规划局)\n",
    );
    let text = published_text(&input, "方案.md");
    assert_eq!(text.matches("新建农村公路100公里").count(), 1, "{text}");
    assert_eq!(text.matches("推进武深高速建设").count(), 1, "{text}");
}

/// A notice handing out three attachments whose third — a list of tasks, each with its
/// 责任单位 — stands after the second's table (沁县): its tasks are read, numbered on after
/// the table's and said so, and the notice prints each attachment apart under its label,
/// numbered as the source numbers it, without a 主要事项 column its rows do not fill. Nothing
/// is left as "not read", nothing "to attach separately".
#[test]
fn a_list_of_tasks_attached_after_the_table_is_read_and_printed_apart() {
    let input = common::root().join("tests/fixtures/notices/three_attachments.md");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        contents(plan)[5..],
        [
            "新建改扩建幼儿园2所。",
            "改造农村户厕1000座。",
            "新增城镇公益性岗位200个。"
        ]
    );
    assert_eq!(leads(plan, 7), ["县农业农村局"]);
    let codes = codes(&checked);
    for unwanted in ["table/after-table", "notice/attachments", "source/unused"] {
        assert!(!codes.contains(&unwanted), "{unwanted}: {codes:?}");
    }
    let said: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "table/tasks-beside-table")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        said.iter()
            .any(|m| m.contains("民生实事任务分解") && m.contains("第 6—8 项")),
        "{said:?}"
    );
    let md = published_text(&input, "通知.md");
    let at = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("{needle}:\n{md}"));
    let (second, third) = (at("\n附件2\n"), at("\n附件3\n"));
    let third_title = at("\n沁县2023年民生实事任务分解\n:::");
    assert!(
        at("\n附件1\n") < second && second < third && third < third_title,
        "{md}"
    );
    let (indicators, list) = (&md[second..third], &md[third_title..]);
    assert!(
        indicators.contains("| 1 | 地区生产总值增长：6% |"),
        "{indicators}"
    );
    assert!(!indicators.contains("主要事项"), "{indicators}");
    assert!(
        list.contains("| 1 | 新建改扩建幼儿园2所。 | 县教育局 |"),
        "{list}"
    );
    assert!(list.contains("| 3 | 新增城镇公益性岗位200个。 |"), "{list}");
    assert!(!list.contains("地区生产总值"), "{list}");
}

/// A notice pasted with its table in between, its 署名 and 成文日期 under the table (the
/// page put them there): read as the notice's, in either way of writing the date — not
/// said missing while quoted as "not read".
#[test]
fn a_sign_off_pasted_under_the_table_is_the_notices() {
    for (date, printed) in [
        ("2023年3月28日", "2023年3月28日"),
        ("二〇二四年三月五日", "2024年3月5日"),
    ] {
        let text = format!(
            "各街道办事处，区政府各部门：\n为落实区政府工作报告，现将任务分工通知如下。\n任务分工表\n\
             序号\t工作任务\t责任单位\t完成时限\n\
             1\t努力实现地区生产总值增长6.2%左右\t区发改局\t2023年12月底前\n\
             2\t规模以上工业增加值增长5%左右\t区工信局\t2023年12月底前\n\
             立山区人民政府办公室\n{date}\n"
        );
        let (_dir, input) = text_source("粘贴.txt", &text);
        let checked = fengong::check(&input).unwrap();
        let notice = &checked.plan.notice;
        assert_eq!(
            notice.signer.as_deref(),
            Some("立山区人民政府办公室"),
            "{date}"
        );
        assert_eq!(notice.date.as_deref(), Some(printed));
        let codes = codes(&checked);
        for unwanted in ["notice/no-signer", "notice/no-date", "table/after-table"] {
            assert!(!codes.contains(&unwanted), "{date}: {codes:?}");
        }
    }
}

/// Numbered items whose own sentence closes with who does it, no bracket (…2000户，县农业农村局
/// 牵头，县卫生健康局、县财政局配合，2025年10月底前完成。 …体系，县城市管理局负责。): each a
/// task with its units and deadline; the 工作要求 after the last task none of its words, and
/// the closing 附件：1.… / 2.… list no task and no text cut off.
#[test]
fn a_duty_closing_an_items_sentence_is_read_as_its_assignment() {
    let input = common::root().join("tests/fixtures/numbering/duties_in_the_sentence.md");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 5, "{:#?}", contents(plan));
    assert_eq!(
        plan.task(1).unwrap().content,
        "新建改造农村户用卫生厕所2000户"
    );
    assert_eq!(leads(plan, 1), ["县农业农村局"]);
    assert_eq!(supports(plan, 1), ["县卫生健康局", "县财政局"]);
    assert_eq!(
        plan.task(1).unwrap().deadline.map(|d| d.to_string()),
        Some("2025-10-31".into())
    );
    assert_eq!(leads(plan, 3), ["县城市管理局"]);
    assert_eq!(leads(plan, 4), ["各乡镇（街道）"]);
    assert_eq!(leads(plan, 5), ["县生态环境分局"]);
    assert_eq!(supports(plan, 5), ["县住房和城乡建设局"]);
    assert_eq!(plan.task(5).unwrap().content, "完成15个行政村生活污水治理");
    assert!(
        contents(plan)
            .iter()
            .all(|c| !c.contains("工作要求") && !c.contains("名录"))
    );
    let codes = codes(&checked);
    for never in [
        "source/cut-off",
        "text/assignment-not-read",
        "structure/empty-units",
    ] {
        assert!(!codes.contains(&never), "{never}: {codes:?}");
    }
    let md = published_text(&input, "方案.md");
    for kept in [
        "工作要求：各牵头单位",
        "附件：1.某某县农村厕所改造任务清单",
        "2.某某县重点村庄名录",
    ] {
        assert!(md.contains(kept), "{kept}:\n{md}");
    }
}

/// Items counted in words (第一，… 第二，…), each a paragraph with its duty: tasks whose
/// words do not keep the count.
#[test]
fn items_counted_in_words_are_tasks_without_their_count() {
    let plan = fixture("numbering/items_counted_in_words.md");
    assert_eq!(
        contents(&plan),
        [
            "创建国家4A级旅游景区1家。",
            "推进历史文化街区保护修缮。",
            "举办乡村文化旅游节活动10场次。"
        ]
    );
    assert_eq!(supports(&plan, 3), ["各乡镇人民政府"]);
}

/// A （一） item of sentences whose words go on over a second paragraph before its 责任单位
/// line is one task, not a group heading over a task of the second paragraph; under a
/// heading of bare words (（一）园区建设) two unnumbered tasks each with its line are both
/// read, the second not lost after the first's duty.
#[test]
fn an_item_over_paragraphs_before_its_labelled_line_is_one_task() {
    let input = common::root().join("tests/fixtures/numbering/item_over_paragraphs.md");
    let plan = fengong::check(&input).unwrap().plan;
    assert_eq!(
        contents(&plan),
        [
            "落实粮食播种面积。全县粮食播种面积稳定在52万亩以上。各乡镇要将面积任务分解到村、落实到田块。",
            "建设高标准农田。新建高标准农田3万亩。",
            "新建县级产业园1个。",
            "推进园区道路建设。"
        ]
    );
    assert_eq!(leads(&plan, 4), ["县交通运输局"]);
    assert_eq!(
        common::groups(&plan),
        [
            (String::new(), vec![1, 2]),
            ("园区建设".to_string(), vec![3, 4])
        ]
    );
    let target = &plan.task(1).unwrap().targets[0];
    assert_eq!(target.value, 52.0);
}

/// Names a copy cut at its cell's edge (县数据, 县公安, 县住房和城乡) written beside their
/// whole names (县数据资源管理局 …): pieces, said with the whole name beside, never units
/// with sheets of their own; `init` lists only the whole names. A name that ends as a body's
/// (中国移动青禾分公司) is whole.
#[test]
fn names_cut_beside_their_whole_are_pieces_not_units() {
    let checked = columns_fixture("names_cut_at_the_cell_edge.md");
    let plan = &checked.plan;
    let units_of = |no: u32| -> Vec<String> {
        (plan.task(no).unwrap().units.iter())
            .map(|u| u.name.clone())
            .collect()
    };
    let pieces_of = |no: u32| plan.task(no).unwrap().name_fragments.clone();
    assert_eq!(units_of(1), ["县行政审批服务局"]);
    assert_eq!(pieces_of(1), ["县数据"]);
    assert_eq!(units_of(2), ["县数据资源管理局"]);
    assert_eq!(pieces_of(2), ["县公安"]);
    assert_eq!(leads(plan, 4), ["县自然资源和规划局"]);
    assert_eq!(pieces_of(4), ["县住房和城乡"]);
    assert_eq!(units_of(6), ["中国移动青禾分公司", "县商务局"]);
    let cut: Vec<(String, String)> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/fragment")
        .map(|d| (d.location.to_string(), d.hints.join("")))
        .collect();
    assert_eq!(cut.len(), 3, "{cut:?}");
    for ((place, hint), (line, whole)) in cut.iter().zip([
        (4, "县数据资源管理局"),
        (5, "县公安局"),
        (7, "县住房和城乡建设局"),
    ]) {
        assert!(place.ends_with(&format!(":{line}")), "{place}");
        assert!(hint.contains(&format!("另有「{whole}」")), "{hint}");
    }

    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/columns/names_cut_at_the_cell_edge.md"),
        input.join("分工表.md"),
    )
    .unwrap();
    let init = common::fengong(dir.path(), &["init", "input"]);
    assert!(init.status.success(), "{}", common::stderr(&init));
    let config = std::fs::read_to_string(input.join("fengong.toml")).unwrap();
    for piece in ["县数据", "县公安", "县住房和城乡"] {
        assert!(!config.contains(&format!("name = \"{piece}\"")), "{config}");
    }
    assert!(config.contains("name = \"县数据资源管理局\""), "{config}");
    // Once the config lists a piece as a unit, it is one.
    let listed = config.replace(
        "name = \"县数据资源管理局\"",
        "name = \"县数据资源管理局\"\n\n[[units]]\nname = \"县数据\"",
    );
    std::fs::write(input.join("fengong.toml"), listed).unwrap();
    let checked = fengong::check(&input).unwrap();
    let task = checked.plan.task(1).unwrap();
    let named: Vec<&str> = task.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(named, ["县行政审批服务局", "县数据"]);
    assert!(task.name_fragments.is_empty());
}

/// A folder as offices keep it: the notice, its two attachments in files of their own, and a
/// 起草说明 about the plan. The memo quotes the plan's title but is not what the notice
/// issues: said with its title, none of it printed; the plan's text is printed as 附件1.
/// A draft notice beside the final one (another 文号) stops the reading, naming both.
#[test]
fn a_memo_beside_the_plan_is_said_and_a_draft_notice_stops_the_reading() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/folders");
    let checked = fengong::check(&folder.join("with_a_memo")).unwrap();
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("城关县2025年重点工作任务分工方案")
    );
    let ignored: Vec<&fengong::base::diag::Diagnostic> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "input/ignored")
        .collect();
    assert_eq!(ignored.len(), 1, "{ignored:?}");
    assert!(ignored[0].location.to_string().ends_with("起草说明.md"));
    assert!(
        ignored[0]
            .message
            .contains("关于《城关县2025年重点工作任务分工方案》的起草说明")
    );
    let codes = codes(&checked);
    assert!(!codes.contains(&"notice/attachment-title"), "{codes:?}");
    assert!(!codes.contains(&"source/unused"), "{codes:?}");
    let notice = published_text(&folder.join("with_a_memo"), "通知.md");
    assert!(notice.contains("全年地区生产总值增长6%左右。"), "{notice}");
    assert!(!notice.contains("未采纳"), "{notice}");
    assert!(!notice.contains("起草背景"), "{notice}");

    let Err(fengong::base::diag::Error::Input(refused)) =
        fengong::check(&folder.join("with_a_draft_notice"))
    else {
        panic!("two notices read as one");
    };
    let two = refused.iter().find(|d| d.code == "input/two-notices");
    let two = two.unwrap_or_else(|| panic!("{refused:?}"));
    assert!(two.message.contains("城政办〔2025〕7号"), "{}", two.message);
    assert!(two.message.contains("城政办〔2025〕3号"), "{}", two.message);
}

/// Notices issued jointly, as offices sign them: the 版头 a name a line over 文　件; each
/// agency over its own date, or the names side by side over their dates; a name of the
/// 附件说明 wrapped onto a second line; a 署名 written under its date. Every agency signs, the
/// 成文日期 is the latest (the others said), nothing of the sign-off is lost.
#[test]
fn joint_notices_keep_every_agency_and_the_latest_date() {
    let checked = notice_fixture("joint_head_own_dates.md");
    let notice = &checked.plan.notice;
    let three = "桐溪县农业农村局\n桐溪县财政局\n桐溪县水利局";
    assert_eq!(notice.issuer.as_deref(), Some(three));
    assert!(
        notice
            .issuer_written
            .as_deref()
            .is_some_and(|w| w.ends_with("文件"))
    );
    assert_eq!(notice.signer.as_deref(), Some(three));
    assert_eq!(notice.date.as_deref(), Some("2025年3月6日"));
    assert_eq!(notice.annotation.as_deref(), Some("（此件公开发布）"));
    assert_eq!(notice.attachments, ["桐溪县2025年高标准农田建设实施方案"]);
    assert_eq!(
        checked.plan.title.as_deref(),
        Some("桐溪县2025年高标准农田建设实施方案")
    );
    let dates: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "notice/joint-dates")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert!(dates.iter().any(|m| m.contains("「2025年3月3日」")));
    assert!(dates.iter().any(|m| m.contains("「2025年3月5日」")));
    assert_eq!(unused_lines(&checked), Vec::<u32>::new());

    let checked = notice_fixture("signers_side_by_side_date_first.md");
    let notice = &checked.plan.notice;
    assert_eq!(
        notice.signer.as_deref(),
        Some("梅山区卫生健康委员会\n梅山区医疗保障局")
    );
    assert_eq!(notice.date.as_deref(), Some("2025年4月12日"));
    assert!(!codes(&checked).contains(&"notice/no-date"));

    let checked = notice_fixture("date_above_signer.md");
    let notice = &checked.plan.notice;
    assert_eq!(notice.signer.as_deref(), Some("青禾区防汛防台指挥部办公室"));
    assert_eq!(notice.date.as_deref(), Some("2025年5月6日"));
    assert_eq!(
        notice.annotation.as_deref(),
        Some("（本通知由区防汛防台指挥部办公室负责解释）")
    );
    assert!(codes(&checked).contains(&"notice/signer-under-date"));
    assert!(!codes(&checked).contains(&"notice/no-signer"));
    assert_eq!(unused_lines(&checked), Vec::<u32>::new());
}

/// Documents sent up (报告, 请示) with their 签发人 beside the 文号, under it, or a line of
/// their own: the names read (a two-character one kept padded as written), the 文号 and the
/// title (…的报告, …的请示) read as they are, nothing said as left out.
#[test]
fn documents_sent_up_keep_their_approvers_and_their_titles() {
    let checked = notice_fixture("report_with_approver.md");
    let notice = &checked.plan.notice;
    assert_eq!(notice.approved_by, ["张　明"]);
    assert_eq!(notice.doc_number.as_deref(), Some("青发改〔2025〕21号"));
    assert_eq!(
        notice.title.as_deref(),
        Some("关于报送《青禾区2025年重点项目推进工作方案》的报告")
    );
    assert!(!codes(&checked).contains(&"notice/no-title"));
    assert_eq!(unused_lines(&checked), Vec::<u32>::new());

    let checked = notice_fixture("request_approvers_under_number.md");
    let notice = &checked.plan.notice;
    assert_eq!(notice.approved_by, ["王晓东", "李华"]);
    assert_eq!(notice.doc_number.as_deref(), Some("松府〔2025〕8号"));
    assert!(
        notice
            .title
            .as_deref()
            .is_some_and(|t| t.ends_with("的请示"))
    );
    assert_eq!(unused_lines(&checked), Vec::<u32>::new());
}

/// Every text cell of a published 任务分工表.xlsx, in reading order.
fn workbook_cells(path: &std::path::Path) -> Vec<String> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    range.cells().map(|(_, _, d)| d.to_string()).collect()
}

/// Notes under a table print under the published table in every format, in their order:
/// one on the plan (who reports when) also tells the task sheets where returns go; one on
/// how the source marks its leads too, as the units column prints the marks as written. A
/// 合计 row is said, not printed. A 注 row of a pipe table is no 主要事项. (Where leads and
/// supports print apart the note on marks is not printed: see the Word case below.)
#[test]
fn a_note_on_the_plan_prints_under_the_table_and_totals_are_said() {
    let checked = columns_fixture("notes_under_a_pipe_table.md");
    let plan = &checked.plan;
    assert_eq!(plan.tasks.len(), 3);
    assert!(
        plan.groups().all(|g| g.title.is_empty()),
        "{:?}",
        groups(plan)
    );
    let found = codes(&checked);
    assert!(found.contains(&"table/total-row"), "{found:?}");
    assert!(!found.contains(&"table/label-missing"), "{found:?}");
    assert_eq!(found.iter().filter(|c| **c == "table/note-row").count(), 2);
    assert_eq!(plan.table.notes.len(), 2);
    assert_eq!(plan.returns_to.as_deref(), Some("镇党政办"));
    let dir = common::published_fixture("columns/notes_under_a_pipe_table.md");
    let output = dir.path().join("output");
    let note = "注：各责任单位每月25日前向镇党政办报送工作进展。";
    let marks = "未标注的以第一个单位为牵头单位";
    let md = std::fs::read_to_string(output.join("任务分工表.md")).unwrap();
    let table_at = md.find("{columns=").unwrap();
    let under = &md[table_at + md[table_at..].find("\n:::").unwrap()..];
    let (at_marks, at_note) = (under.find(marks), under.find(note));
    assert!(at_marks.is_some() && at_marks < at_note, "{md}");
    assert!(md.contains("（牵头）") && !md.contains("合计"), "{md}");
    assert!(!md.contains("主要事项"), "{md}");
    let pdf = common::pdf_text(&output.join("任务分工表.pdf"));
    assert!(content_chars(&pdf).contains(&content_chars(note)), "{pdf}");
    let docx = common::docx_text(&output.join("任务分工表.docx"));
    assert!(
        content_chars(&docx).contains(&content_chars(note)),
        "{docx}"
    );
    let cells = workbook_cells(&output.join("任务分工表.xlsx"));
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    assert_eq!(filled.last().map(|c| c.as_str()), Some(note), "{cells:?}");
    assert!(filled.iter().any(|c| c.contains(marks)), "{cells:?}");
}

/// A Word table with 完成时限 merged over 启动时间 | 完成时间: the time the work ends is the
/// deadline, the start a column of its own. A 其中 row without a number goes on with the
/// task above, its unit keeping its work; a 合计 row and the notes under the table as above.
#[test]
fn the_end_under_a_merged_deadline_and_a_row_without_a_number() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docx/times_notes_totals.docx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let due: Vec<Option<String>> = (1..=3).map(|no| deadline(plan, no)).collect();
    assert_eq!(
        due,
        [
            Some("2026-11-30".to_string()),
            Some("2026-10-31".to_string()),
            Some("2026-09-30".to_string())
        ]
    );
    assert_eq!(plan.table.extra_columns, ["启动时间"]);
    assert_eq!(plan.task(1).unwrap().extra, ["2026年2月"]);
    // The start is the work's: the 序时进度 counts from it.
    let start = |no: u32| plan.task(no).unwrap().start.map(|d| d.to_string());
    assert_eq!(start(1).as_deref(), Some("2026-02-01"));
    assert_eq!(start(3).as_deref(), Some("2026-04-01"));
    assert!(
        contents(plan)[0].ends_with("其中：帮助就业困难人员实现就业500人。"),
        "{:?}",
        contents(plan)
    );
    assert_eq!(supports(plan, 1), ["各街道", "区残联"]);
    let found = codes(&checked);
    for code in ["table/continued-row", "table/total-row"] {
        assert!(found.contains(&code), "{code}: {found:?}");
    }
    assert!(!found.contains(&"table/unnumbered-row"), "{found:?}");
    let notes: Vec<&str> = plan.table.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["注：各责任单位于每季度末向区人社局报送工作进展。"]);
    assert_eq!(plan.returns_to.as_deref(), Some("区人社局"));
}

/// A ledger going on on a second sheet titled …分工表（续）, numbered from 1 again: one table,
/// numbered on, with no part called 续.
#[test]
fn a_sheet_continuing_the_table_is_no_part_of_its_own() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx/continued_on_a_second_sheet.xlsx");
    let checked = fengong::check(&path).unwrap();
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    assert!(plan.table.parts.is_empty(), "{:?}", plan.table.parts);
    let sections: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["提升政务服务", "强化数据治理"]);
    let said = (checked.report.diagnostics.iter())
        .find(|d| d.code == "table/another-table")
        .unwrap();
    assert!(said.message.contains("续表"), "{}", said.message);
    let table = published_text(&path, "任务分工表.md");
    assert!(!table.contains("**续**"), "{table}");
}

/// A notice two bodies issue (区委 over 区政府, their names opening the title over three
/// lines), its plan's 分工表 in narrow unit columns that break names anywhere: after a part
/// that reads whole (区直机关 / 工委, 国网成都供电公司 / 武侯分公司), inside a second name's
/// bracket (区发展改革 / 委（区粮食 / 和物资储备 / 局）). Laid out in Word by another
/// hand, printed, taken out by `pdftotext -layout` (round 108's h03).
#[test]
fn a_joint_notice_and_names_its_columns_broke_are_read_whole() {
    let input = common::root().join("tests/fixtures/printed/joint_notice_wrapped_units.txt");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.title.as_deref(),
        Some(
            "中共成都市武侯区委　成都市武侯区人民政府关于印发《武侯区2025年优化营商环境工作方案》的通知"
        )
    );
    assert_eq!(
        plan.notice.issuer.as_deref(),
        Some("中共成都市武侯区委\n成都市武侯区人民政府")
    );
    let expected: [(u32, &[&str], &[&str]); 16] = [
        (1, &["区发展改革委"], &["区委组织部", "区市场监督管理局"]),
        (2, &["区行政审批局"], &["区数据局", "区市场监督管理局"]),
        (3, &["区市场监督管理局"], &["区发展改革委", "区财政局"]),
        (4, &["区委组织部"], &["区直机关工委", "区投资促进局"]),
        (
            5,
            &["区住房和城乡建设局"],
            &["区自然资源和规划局", "区行政审批局"],
        ),
        (
            6,
            &["国网成都供电公司武侯分公司"],
            &["区住房和城乡建设局", "区经济和信息化局"],
        ),
        (7, &["区人力资源和社会保障局"], &["区财政局", "区税务局"]),
        (
            8,
            &["区住房和城乡建设局"],
            &["区人力资源和社会保障局", "区委组织部"],
        ),
        (9, &["区司法局"], &["区市场监督管理局", "区综合行政执法局"]),
        (10, &["成都市公安局武侯区分局"], &["区市场监督管理局"]),
        (11, &["成都市公安局武侯区分局玉林派出所"], &["玉林街道"]),
        (12, &["区教育体育局"], &["成都市公安局武侯区分局", "各街道"]),
        (13, &["区委统战部"], &["区工商联", "区委组织部"]),
        (14, &["区委组织部"], &["区直机关工委", "区发展改革委"]),
        (15, &["区发展改革委"], &["区统计局"]),
        (16, &["区委宣传部"], &["区融媒体中心", "各街道"]),
    ];
    assert_eq!(plan.tasks.len(), expected.len());
    for (no, leads, supports) in expected {
        assert_eq!(common::leads(plan, no), leads, "第 {no} 项");
        assert_eq!(common::supports(plan, no), supports, "第 {no} 项");
    }
    // Each name broken by the width is said, its lines as written.
    let wrapped: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "unit/wrapped")
        .map(|d| d.message.as_str())
        .collect();
    for name in ["区直机关工委", "区发展改革委"] {
        assert!(
            wrapped
                .iter()
                .any(|m| m.contains(&format!("读作一个单位「{name}"))),
            "{wrapped:#?}"
        );
    }
}

/// A joint 版头 with its 文件 centred to the right of the two names (the PDF's text sets it
/// between their lines), and a note set under the table right below the last row's units
/// cell, whose last line stands far right: the 版头 read whole with its 文件, the note printed
/// under the table, the cell's last line its own (round 108's h02).
#[test]
fn a_joint_head_filed_to_the_right_and_a_note_under_the_table() {
    let input = common::root().join("tests/fixtures/printed/joint_notice_note_under_table.txt");
    let checked = fengong::check(&input).unwrap();
    let plan = &checked.plan;
    assert_eq!(
        plan.notice.issuer_written.as_deref(),
        Some("中共厦门市湖里区委办公室\n厦门市湖里区人民政府办公室\n文件")
    );
    let unused: Vec<&str> = (checked.report.diagnostics.iter())
        .filter(|d| d.code == "source/unused")
        .map(|d| d.message.as_str())
        .collect();
    assert!(unused.is_empty(), "{unused:#?}");
    assert_eq!(plan.tasks.len(), 10);
    assert_eq!(
        common::supports(plan, 10),
        ["区消防救援大队"],
        "{:#?}",
        plan.task(10)
    );
    let notes: Vec<&str> = plan.table.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["注：责任单位排在第一位的为牵头单位。"]);
}
