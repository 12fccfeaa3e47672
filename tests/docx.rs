//! The Word reader on .docx files made by independent tools (python-docx, LibreOffice; see
//! `tests/fixtures/docx/make_fixtures.py` and `EXPECTED.md`): what it reads before ingest
//! assembles a plan from it.

use std::path::PathBuf;

use fengong::ingest::docx::{Block, DocxError, Paragraph, Table, VMerge, read};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docx")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect()
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
        .collect()
}

/// The text of the cell that covers grid `column` in `row`.
fn cell(table: &Table, row: usize, column: usize) -> &str {
    table.rows[row]
        .cells
        .iter()
        .find(|c| c.column <= column && column < c.column + c.span)
        .map(|c| c.text.as_str())
        .unwrap_or("")
}

#[test]
fn the_seed_as_a_word_gongwen() {
    let doc = read(&fixture("seed_gongwen.docx")).unwrap();
    let paras = paragraphs(&doc.blocks);
    let by_index = |i: usize| paras.iter().find(|p| p.index == i).unwrap();
    let head = by_index(1);
    assert!(
        head.red && head.text.contains("上海市嘉定区发展和改革委员会"),
        "{head:?}"
    );
    assert!(by_index(3).bottom_border, "the 文号 sits on the red rule");
    assert!(by_index(3).text.contains("14号"));
    assert!(by_index(5).text.starts_with("关于印发《"));
    assert_eq!(
        by_index(16).bold_lead.as_deref(),
        Some("推动友好理念融入规划体系。")
    );
    let groups = paras.iter().filter(|p| p.bold_lead.is_some()).count();
    assert_eq!(groups, 20, "one bold lead per prose group");

    let tables = tables(&doc.blocks);
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    assert_eq!(table.rows.len(), 83);
    assert!(table.rows[0].header);
    assert_eq!(cell(table, 0, 2), "具体内容");
    // Section rows span the whole grid.
    for row in [1, 13, 37, 64] {
        assert_eq!(table.rows[row].cells.len(), 1, "row {}", row + 1);
        assert_eq!(table.rows[row].cells[0].span, 4);
        assert!(cell(table, row, 0).contains("进一步"));
    }
    // 主要事项 merged down over a group's rows: task 1 starts a region, task 2 continues it.
    let task_row = |no: &str| {
        table
            .rows
            .iter()
            .position(|r| r.cells.iter().any(|c| c.column == 1 && c.text == no))
            .unwrap()
    };
    let first = &table.rows[task_row("1")].cells[0];
    let second = &table.rows[task_row("2")].cells[0];
    assert_eq!(first.merge, VMerge::Restart);
    assert!(first.text.contains("推动友好理念融入规划体系"));
    assert_eq!(second.merge, VMerge::Continue);
    let tasks = table
        .rows
        .iter()
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| c.column == 1 && c.text.parse::<u32>().is_ok())
        })
        .count();
    assert_eq!(tasks, 78);
    assert!(cell(table, task_row("38"), 3).starts_with("区交通委"));
}

#[test]
fn automatic_numbers_are_rebuilt_with_their_restarts() {
    let doc = read(&fixture("auto_numbered.docx")).unwrap();
    let paras = paragraphs(&doc.blocks);
    let numbers: Vec<&str> = paras
        .iter()
        .map(|p| p.number.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(&numbers[..4], ["一、", "（一）", "1.", "2."]);
    let sections: Vec<&str> = numbers
        .iter()
        .copied()
        .filter(|n| n.ends_with('、'))
        .collect();
    assert_eq!(sections, ["一、", "二、", "三、", "四、"]);
    // （一） restarts under each section; 1. under each group.
    assert_eq!(numbers.iter().filter(|n| **n == "（一）").count(), 3);
    assert_eq!(numbers.iter().filter(|n| **n == "1.").count(), 6);
    assert!(
        paras
            .iter()
            .all(|p| !p.text.starts_with('一') || p.number.is_empty()),
        "no number is typed in the text"
    );
    let task = paras
        .iter()
        .find(|p| p.text.starts_with("推进高频政务服务事项"))
        .unwrap();
    assert_eq!(task.number, "1.");
    assert!(task.text.contains("牵头单位：县政务服务中心"));
}

#[test]
fn separate_columns_and_merged_section_rows() {
    let doc = read(&fixture("separate_columns.docx")).unwrap();
    let tables = tables(&doc.blocks);
    let table = tables[0];
    assert_eq!(table.rows.len(), 19);
    let header: Vec<&str> = (0..5).map(|c| cell(table, 0, c)).collect();
    assert_eq!(
        header,
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    );
    assert_eq!(table.rows[1].cells[0].span, 5);
    assert_eq!(cell(table, 1, 0), "一、完善养老服务设施网络");
    assert_eq!(cell(table, 2, 2), "区民政局");
    assert_eq!(cell(table, 2, 4), "2025年12月");
}

#[test]
fn a_table_continued_in_a_second_table_and_cells_of_two_lines() {
    let doc = read(&fixture("continued_table.docx")).unwrap();
    let tables = tables(&doc.blocks);
    assert_eq!(tables.len(), 2);
    assert_eq!((tables[0].rows.len(), tables[1].rows.len()), (26, 16));
    assert!(tables[0].rows[0].header);
    assert!(
        !tables[1].rows[0].header,
        "the repeated header is an ordinary row"
    );
    assert_eq!(cell(tables[1], 0, 0), "序号");
    let cells: Vec<&str> = tables
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.text.as_str()))
        })
        .collect();
    assert!(
        cells.contains(&"市教育局\n市发展改革委"),
        "a line break in one paragraph"
    );
    assert!(
        cells.contains(&"市卫生健康委\n市妇联"),
        "two paragraphs in one cell"
    );
}

#[test]
fn old_formats_are_refused_by_name_not_misread() {
    assert!(matches!(
        read(&fixture("converted.doc")),
        Err(DocxError::NotZip(_))
    ));
    assert!(matches!(
        read(&fixture("converted.odt")),
        Err(DocxError::MissingPart(_))
    ));
}
