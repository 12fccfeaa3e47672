//! Excel ledgers (台账) as offices keep them: a sheet per department or per quarter, a
//! period row or a placeholder row under the header, cell comments, a 类别 that opens with a
//! year. What the workbook says is read as written, what it says beside the cells is said.

use crate::common;

use common::*;
use rust_xlsxwriter::{Note, Workbook, Worksheet};

const HEADER: [&str; 4] = ["序号", "工作任务", "牵头单位", "完成时限"];

/// A sheet `name` titled `title`, the header, then `rows` (each a row's cells).
fn sheet<'b>(
    book: &'b mut Workbook,
    name: &str,
    title: &str,
    rows: &[&[&str]],
) -> &'b mut Worksheet {
    let sheet = book.add_worksheet().set_name(name).unwrap();
    sheet.write_string(0, 0, title).unwrap();
    for (c, cell) in HEADER.iter().enumerate() {
        sheet.write_string(1, c as u16, *cell).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 2, c as u16, *cell).unwrap();
        }
    }
    sheet
}

fn read_book(book: &mut Workbook) -> (tempfile::TempDir, fengong::Checked) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账.xlsx");
    book.save(&path).unwrap();
    let checked = fengong::check(&path).unwrap();
    (dir, checked)
}

fn said<'a>(checked: &'a fengong::Checked, code: &str) -> Vec<&'a str> {
    (checked.report.diagnostics.iter())
        .filter(|d| d.code == code)
        .map(|d| d.message.as_str())
        .collect()
}

/// One plan kept a sheet per leading department (1, 3 | 2): the tasks keep the plan's
/// numbers, each sheet a part; nothing is said twice-numbered and the plan publishes.
#[test]
fn sheets_of_one_plans_tasks_keep_their_numbers() {
    let mut book = Workbook::new();
    sheet(
        &mut book,
        "发展和改革局",
        "县发展和改革局牵头任务台账",
        &[
            &[
                "1",
                "地区生产总值增长6%。",
                "县发展和改革局",
                "2025年12月底",
            ],
            &[
                "3",
                "固定资产投资增长7%。",
                "县发展和改革局",
                "2025年12月底",
            ],
        ],
    );
    sheet(
        &mut book,
        "财政局",
        "县财政局牵头任务台账",
        &[&["2", "一般公共预算收入增长5%。", "县财政局", "2025年12月底"]],
    );
    let (_dir, checked) = read_book(&mut book);
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 3, 2]);
    assert_eq!(plan.task(2).unwrap().content, "一般公共预算收入增长5%。");
    assert_eq!(plan.sections[1].groups[0].tasks, [2]);
    assert!(!codes(&checked).contains(&"structure/duplicate-number"));
    assert!(said(&checked, "table/another-table")[0].contains("照原文不改"));
    // A second list numbered from 1 again is numbered on, as before.
    let mut book = Workbook::new();
    sheet(
        &mut book,
        "附件1",
        "主要目标任务",
        &[&["1", "新建学校2所。", "县教育局", "2025年9月底"]],
    );
    sheet(
        &mut book,
        "附件2",
        "民生实事",
        &[&["1", "新增养老床位100张。", "县民政局", "2025年12月底"]],
    );
    let (_dir, checked) = read_book(&mut book);
    let numbers: Vec<u32> = checked.plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [1, 2]);
}

/// A row under the header holding one cell — a period (二季度) or a placeholder (（本季度无
/// 到期任务）) — is a row, never more of the header: the period heads the tasks under it,
/// the placeholder is said, the plan's numbers stay.
#[test]
fn a_row_of_one_cell_under_the_header_is_no_header() {
    let mut book = Workbook::new();
    sheet(
        &mut book,
        "台账",
        "2025年重点工作台账",
        &[
            &["二季度"],
            &["7", "完成园区规划修编。", "县发展和改革局", "2025年6月底"],
            &["三季度"],
            &[
                "9",
                "新建标准化厂房10万平方米。",
                "县住房和城乡建设局",
                "2025年9月底",
            ],
        ],
    );
    let (_dir, checked) = read_book(&mut book);
    let plan = &checked.plan;
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.no).collect();
    assert_eq!(numbers, [7, 9]);
    assert_eq!(plan.table.header, HEADER);
    let groups: Vec<&str> = plan.groups().map(|g| g.title.as_str()).collect();
    assert_eq!(groups, ["二季度", "三季度"]);
    let mut book = Workbook::new();
    sheet(
        &mut book,
        "台账",
        "2025年重点工作台账",
        &[
            &["", "（本季度无到期任务）"],
            &["1", "完成园区规划修编。", "县发展和改革局", "2025年6月底"],
        ],
    );
    let (_dir, checked) = read_book(&mut book);
    assert_eq!(checked.plan.table.header, HEADER);
    let unread = said(&checked, "table/unnumbered-row");
    assert!(
        unread.iter().any(|m| m.contains("（本季度无到期任务）")),
        "{unread:?}"
    );
}

/// A cell's comment is said with its cell, as a Word file's is; never printed as the plan's.
#[test]
fn a_cells_comment_is_said_with_its_cell() {
    let mut book = Workbook::new();
    let ledger = sheet(
        &mut book,
        "台账",
        "2025年重点工作台账",
        &[&["1", "完成园区规划修编。", "县发展和改革局", "2025年6月底"]],
    );
    let note = Note::new("牵头单位待县政府常务会确认").set_author("督查室");
    ledger.insert_note(2, 2, &note).unwrap();
    let (_dir, checked) = read_book(&mut book);
    let comment = (checked.report.diagnostics.iter())
        .find(|d| d.code == "xlsx/comment")
        .expect("the comment said");
    assert!(
        comment.message.contains("牵头单位待县政府常务会确认」"),
        "{}",
        comment.message
    );
    assert!(
        comment.location.to_string().contains("台账!C3"),
        "{}",
        comment.location
    );
}

/// A 类别 that opens with a year (2025年主要预期目标) is printed as written: no （一）
/// put before it as if it were numbered.
#[test]
fn a_group_opening_with_a_year_is_printed_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账.xlsx");
    let mut book = Workbook::new();
    let ledger = book.add_worksheet();
    for (c, cell) in ["类别", "序号", "工作任务", "牵头单位"].iter().enumerate() {
        ledger.write_string(0, c as u16, *cell).unwrap();
    }
    for (r, row) in [
        [
            "2025年主要预期目标",
            "1",
            "地区生产总值增长6%。",
            "县发展和改革局",
        ],
        ["聚力扩内需", "2", "社会消费品零售总额增长7%。", "县商务局"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            ledger.write_string(r as u32 + 1, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let out = dir.path().join("out");
    fengong::publish(&path, &out).unwrap();
    let table = std::fs::read_to_string(out.join("任务分工表.md")).unwrap();
    assert!(table.contains("| 2025年主要预期目标 |"), "{table}");
    assert!(!table.contains("（一）2025年"), "{table}");
}
