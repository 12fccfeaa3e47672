//! The 任务分工表 as rows, before any meaning is given to them. Text and spreadsheet readers
//! both produce a [`RawTable`]; `units`, `deadline` and `assemble` turn it into tasks.

use std::sync::LazyLock;

use regex::Regex;

use crate::base::diag::{Diagnostic, Location};
use crate::model::{Paragraph, TableColumn};

/// The columns a 分工表 may have, recognised by what their header says (see
/// [`Column::from_header`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The group label: 主要事项, 类别, 领域, 板块 (or, beside a content column, a broader
    /// 主要任务 / 重点工作).
    Group,
    /// 序号 / 编号.
    No,
    /// The task's content: …任务, …工作, 事项, 内容, 举措, 措施.
    Content,
    /// 责任单位 / 责任部门: lead first, then support.
    Units,
    /// 牵头单位 / 主责单位 / 主要责任单位.
    Lead,
    /// 配合 / 协同 / 协办 / 参与单位.
    Support,
    /// 完成时限 / 时间节点 / 进度安排 / 完成时间.
    Deadline,
    /// 责任领导 / 责任人: kept with the task and shown in the sheets.
    Person,
}

/// Words that say what a header is, in the order they are tried: the first class a header
/// matches is its column. Narrow classes come first (配合 before 单位, 领导 before 责任).
const HEADER_WORDS: &[(Column, &[&str])] = &[
    (Column::No, &["序号", "编号", "序", "项次"]),
    (Column::Person, &["领导", "责任人", "联系人", "负责人"]),
    (
        Column::Support,
        &["配合", "协同", "协作", "协办", "参与", "参加", "协助"],
    ),
    (Column::Lead, &["牵头", "主责", "主要责任", "主办"]),
    (
        Column::Units,
        &[
            "责任单位",
            "责任部门",
            "责任主体",
            "实施单位",
            "承办",
            // An office of whatever kind: 科室, 处室, 委室, 部室, 股室.
            "室",
            "司局",
            // A township's stations and offices (责任站所, 责任股室（站所）).
            "站所",
            // The places that carry the work out (责任社区, 落实村居, 责任乡镇).
            "社区",
            "村居",
            "乡镇",
            "街道",
            "镇街",
            "街镇",
            "单位",
            "部门",
            // Who does which part of the work (细化分工 is the work itself: content).
            "责任分工",
            "职责分工",
        ],
    ),
    (
        Column::Deadline,
        &["时限", "时间", "节点", "进度", "期限", "日期"],
    ),
    (
        Column::Group,
        &["主要事项", "类别", "分类", "领域", "板块", "方面"],
    ),
    (
        Column::Content,
        &[
            "任务", "工作", "事项", "内容", "举措", "措施", "目标", "要求", "实事", "项目",
            // 细化分工, 任务分解: the work as cut finer.
            "分工", "分解",
        ],
    ),
];

/// A table's header copied as running text, its cells run together (序号项目名称主要内容
/// 牵头单位配合单位1增加…, a Word table pasted without its grid): 序号, then before the first
/// row's number names of a unit column and of at least one other kind, with nothing between
/// them. Returns that run of names.
pub fn header_run_together(line: &str) -> Option<String> {
    let start = line.find("序号")?;
    // The names end at the first row's number: digits not followed by 年 or 月 (a name may
    // say 2009年计划投资).
    let chars: Vec<char> = line[start..].chars().take(60).collect();
    let mut len = 0;
    while len < chars.len() {
        let c = chars[len];
        if c.is_whitespace() || matches!(c, '|' | '｜') {
            break;
        }
        if c.is_ascii_digit() {
            let digits = chars[len..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if !matches!(chars.get(len + digits), Some('年' | '月')) {
                break;
            }
            len += digits;
            continue;
        }
        len += 1;
    }
    let run: String = chars[..len].iter().collect();
    let mut kinds: Vec<Column> = Vec::new();
    let mut end = 0;
    for (column, words) in HEADER_WORDS.iter().filter(|(c, _)| *c != Column::No) {
        for word in *words {
            if let Some(at) = run.rfind(word) {
                kinds.push(*column);
                end = end.max(at + word.len());
            }
        }
    }
    let units = kinds
        .iter()
        .any(|k| matches!(k, Column::Units | Column::Lead | Column::Support));
    let other = kinds
        .iter()
        .any(|k| !matches!(k, Column::Units | Column::Lead | Column::Support));
    (units && other).then(|| run[..end].to_string())
}

/// A row of cells that names some of a 分工表's columns (two or more) but not all it needs:
/// the names read, and the columns missing (序号, 任务内容, 责任单位).
pub fn columns_missing(cells: &[String]) -> Option<(Vec<String>, Vec<&'static str>)> {
    // 成文日期: | 2024-03-01: a label before its value (a web page's information box),
    // no column's name.
    let indicators = cells.iter().any(|c| c.contains("指标"));
    let named: Vec<(Column, &String)> = cells
        .iter()
        .filter(|c| !c.trim().ends_with(['：', ':']))
        // A bare 单位 beside indicators is their unit of measure.
        .filter(|c| !(indicators && is_bare_units(c)))
        .filter_map(|c| Column::from_header(c).map(|k| (k, c)))
        .collect();
    if named.len() < 2 {
        return None;
    }
    let has = |k: Column| named.iter().any(|(c, _)| *c == k);
    // A table's header names the work or who does it; dates alone head no 分工表.
    if ![Column::Content, Column::Group, Column::Units, Column::Lead]
        .into_iter()
        .any(has)
    {
        return None;
    }
    let mut missing = Vec::new();
    if !has(Column::No) {
        missing.push("序号");
    }
    if !has(Column::Content) && !has(Column::Group) {
        missing.push("任务内容");
    }
    if !has(Column::Units) && !has(Column::Lead) {
        missing.push("责任单位");
    }
    let names = named.iter().map(|(_, c)| c.trim().to_string()).collect();
    (!missing.is_empty()).then_some((names, missing))
}

/// What to add for each column [`columns_missing`] finds missing.
pub fn missing_columns_hint(missing: &[&str]) -> String {
    let what: Vec<&str> = missing
        .iter()
        .map(|m| match *m {
            "序号" => "在第一列加“序号”并逐行编号",
            "任务内容" => "加一列“任务内容”，写明每项任务做什么",
            _ => "加一列“责任单位”，写明每项任务由哪些单位负责（第一个为牵头单位，或分列“牵头单位”“配合单位”）",
        })
        .collect();
    format!("请在表中{}后重试", what.join("；"))
}

/// Words of a header over what has been done so far, not the plan's own columns.
const REPORT_WORDS: &[&str] = &[
    "进展", "情况", "当前",
    "目前", // What the work has come to, judged (工作评价, 考核评分).
    "评价", "评分", "得分",
];

impl Column {
    /// True for a header that is a column of its own though fengong does not read it: a
    /// report of what has been done (完成情况, 工作进展) or a remark (备注, 说明).
    pub fn is_report_or_remark(cell: &str) -> bool {
        let name = crate::base::cjk::simplified_text(&header_name(cell));
        REPORT_WORDS
            .iter()
            .chain(&["备注", "说明"])
            .any(|w| name.contains(w))
    }

    /// The column a header cell names, by the words it contains (spaces and markup
    /// ignored): `工作措施`, `主要任务`, `重点事项` are content; `主责单位` a lead; `协办单位` a
    /// support; `进度安排` a deadline; `责任领导` a person. `None` for anything else.
    pub fn from_header(cell: &str) -> Option<Column> {
        Column::classes(cell).first().copied()
    }

    /// Every class a header's words fit, in [`HEADER_WORDS`] order.
    fn classes(cell: &str) -> Vec<Column> {
        // 責任單位 reads as 责任单位.
        let name = crate::base::cjk::simplified_text(&header_name(cell));
        if name.is_empty() || name.chars().count() > 16 {
            return Vec::new();
        }
        // What has been done so far (工作进展, 完成情况, 当前进度) is a report, none of the
        // plan's columns: kept as an extra column.
        if REPORT_WORDS.iter().any(|w| name.contains(w)) {
            return Vec::new();
        }
        // A measure's unit (计量单位) names no one; a count (区本级任务数, 项目个数, 数量)
        // is a figure, no task's words.
        if name.contains("计量")
            || name.ends_with('数')
            || name.ends_with("数量")
            || counts_in_a_measure(&name)
        {
            return Vec::new();
        }
        // Who published a page, and where (发布部门, 来源, 发文机关): a page's information
        // box, no column of a 分工表.
        if ["发布", "来源", "发文", "公开"]
            .iter()
            .any(|w| name.contains(w))
        {
            return Vec::new();
        }
        // A document's name (责任分工方案, 工作要点) is a title, no column's.
        if ["方案", "要点", "意见", "通知", "办法"]
            .iter()
            .any(|k| name.ends_with(k))
        {
            return Vec::new();
        }
        HEADER_WORDS
            .iter()
            .filter(|(column, words)| match column {
                // A number column says only that: 序号, 任务编号 — not 程序 or 序时进度.
                Column::No => words.iter().any(|w| {
                    name == *w
                        || name.ends_with(&format!("{w}号"))
                        || name.ends_with(w) && name.chars().count() <= 4
                }),
                // 室 names a header only as its last word, short (责任委室, 承办股室): an
                // office's name (金乡县人民政府办公室, 党政办公室) is no header.
                _ => words.iter().any(|w| match *w {
                    "室" => name.ends_with('室') && name.chars().count() <= 4,
                    // Named last, short: a column of places (责任社区), not a task about
                    // them (社区治理工作, 街道).
                    "社区" | "村居" | "乡镇" | "街道" | "镇街" | "街镇" => {
                        name.ends_with(w) && name.chars().count() <= 6 && name.chars().count() > 2
                    }
                    w => name.contains(w),
                }),
            })
            .map(|(column, _)| *column)
            .collect()
    }

    /// Whether a time column's header says when the work ends (完成时间, 最终时限, 截止日期),
    /// not when it starts or a stage of it (启动时间, 阶段节点).
    fn names_the_end(header: &str) -> bool {
        let name = crate::base::cjk::simplified_text(header);
        ["完成", "截止", "最终", "办结", "完结", "到期"]
            .iter()
            .any(|w| name.contains(w))
            && !["启动", "开始", "开工", "阶段"]
                .iter()
                .any(|w| name.contains(w))
    }

    /// Whether a time column's header says when the work starts (启动时间, 开工日期): kept as
    /// a column of its own, its day the one the 序时进度 counts from.
    pub fn names_the_start(header: &str) -> bool {
        let name = crate::base::cjk::simplified_text(header);
        ["启动", "开始", "开工"].iter().any(|w| name.contains(w))
            && ["时间", "日期", "时限", "节点"]
                .iter()
                .any(|w| name.contains(w))
    }

    /// True when a header's words give two different readings of who does the work or by
    /// when (`牵头/配合单位`, `责任单位及完成时限`): a reader cannot tell which it is.
    fn ambiguous(cell: &str) -> bool {
        let classes = Column::classes(cell);
        let has = |c| classes.contains(&c);
        (has(Column::Lead) && has(Column::Support))
            || ((has(Column::Lead) || has(Column::Support)) && has(Column::Deadline))
            || (has(Column::Units) && has(Column::Deadline) && !has(Column::Lead))
    }
}

/// True for a header whose only word of content is a target or a requirement (全年目标,
/// 工作要求), not a task (年度目标任务) or a way of doing it.
fn names_a_target(cell: &str) -> bool {
    let name = crate::base::cjk::simplified_text(&header_name(cell));
    let content_words = HEADER_WORDS
        .iter()
        .find(|(column, _)| *column == Column::Content)
        .map_or(&[][..], |(_, words)| *words);
    let said: Vec<&&str> = content_words
        .iter()
        .filter(|w| name.contains(**w))
        .collect();
    !said.is_empty() && said.iter().all(|w| matches!(**w, "目标" | "要求"))
}

/// True for a header whose bracket gives a unit of measure (任务(万亩), 投资（亿元）,
/// 目标(%)): its cells are figures, no one's task and no one's name.
fn counts_in_a_measure(name: &str) -> bool {
    // A measure is a magnitude (万, 亿…) before a thing counted or measured; 县(区) and
    // 单位(部门) name no measure.
    const MEASURES: &[&str] = &[
        "%",
        "％",
        "‰",
        "元",
        "亩",
        "公顷",
        "吨",
        "公里",
        "千米",
        "米",
        "平方米",
        "立方米",
        "千瓦",
        "千瓦时",
        "个",
        "人",
        "人次",
        "户",
        "家",
        "所",
        "座",
        "项",
        "件",
        "次",
        "辆",
        "台",
        "套",
        "张",
        "株",
        "头",
        "只",
        "标箱",
        "床",
        "张床",
    ];
    let Some(open) = name.find(['(', '（']) else {
        return false;
    };
    let inner = name[open..]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let inner = inner.strip_prefix("单位").unwrap_or(inner);
    let inner = inner.trim_start_matches(['：', ':']);
    let measure = inner.trim_start_matches(['十', '百', '千', '万', '亿']);
    MEASURES.contains(&measure) || (measure.is_empty() && !inner.is_empty())
}

/// A units header that says only 单位 or 部门, not whose: beside 年度目标 it may be a
/// measure's unit (万元, %), beside 责任部门 it is not the one that answers.
fn is_bare_units(cell: &str) -> bool {
    matches!(header_name(cell).as_str(), "单位" | "部门")
}

/// A header cell's words: spaces, markup and a closing colon removed.
fn header_name(cell: &str) -> String {
    let name: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '<' | '>' | '/'))
        .collect();
    name.trim_end_matches(['：', ':']).to_string()
}

/// Which column of a row holds what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderMap {
    /// (column, index in the row) pairs.
    pub columns: Vec<(Column, usize)>,
    /// Columns whose header names nothing fengong reads, (header, index): kept as they are
    /// and carried into the table outputs.
    pub extra: Vec<(String, usize)>,
    /// Header cells that read two ways, (header, index): an error naming the cell.
    pub ambiguous: Vec<(String, usize)>,
    /// The group column is a content column read as the group because a second one stands
    /// beside it (主要任务 | 工作措施, 任务名称 | 指标要求): see [`RawTable::names_not_groups`].
    pub group_from_content: bool,
    /// The content column's header when it names no content (专项整治行业名称 beside
    /// 时间安排 and 责任单位): read as the content because it is the one column left.
    pub content_by_elimination: Option<(String, usize)>,
    /// A column of headings over the groups (领域 | 重要项目 | 目标任务和工作要求: 领域, where
    /// the two content columns take the group and the task): each new value heads the rows
    /// under it as a part of the table.
    pub headings: Option<usize>,
}

impl RawTable {
    /// A heading a task row's 序号 cell holds (its part's, merged down over the rows of its
    /// tasks): a row of its own, once.
    pub fn push_cell_heading(&mut self, text: &str, origin: Location) {
        let text = text.trim();
        let kind = match crate::ingest::text::section_heading(&crate::base::cjk::tidy_spacing(text))
        {
            Some((numeral, title)) => RowKind::Section { numeral, title },
            None => RowKind::Label(text.to_string()),
        };
        self.push_heading_once(kind, origin);
    }

    /// A task row's cell in the column of headings ([`HeaderMap::headings`]): a part of the
    /// table (一、经济发展, or 经济发展 with no numeral), once for the rows it heads.
    pub fn push_heading_cell(&mut self, text: &str, origin: Location) {
        let tidy = crate::base::cjk::tidy_spacing(text.trim());
        let (numeral, title) = crate::ingest::text::section_heading(&tidy)
            .unwrap_or_else(|| (String::new(), tidy.to_string()));
        self.push_heading_once(RowKind::Section { numeral, title }, origin);
    }

    /// A heading row, unless it is the heading the rows above stand under already.
    fn push_heading_once(&mut self, kind: RowKind, origin: Location) {
        let empty = match &kind {
            RowKind::Label(text) => text.trim().is_empty(),
            RowKind::Section { numeral, title } => numeral.is_empty() && title.trim().is_empty(),
            RowKind::Task(_) => true,
        };
        let last = self
            .rows
            .iter()
            .rev()
            .find(|r| !matches!(r.kind, RowKind::Task(_)));
        if empty || last.is_some_and(|r| r.kind == kind) {
            return;
        }
        self.rows.push(RawRow { kind, origin });
    }

    /// Cells written `同上` or `〃` (units, deadline, person): the value of the task above,
    /// as the table means, each said with what it was read as.
    pub fn fill_ditto_marks(&mut self) -> Vec<crate::base::diag::Diagnostic> {
        let mut said = Vec::new();
        let mut above: Option<RawTask> = None;
        for row in &mut self.rows {
            let RowKind::Task(task) = &mut row.kind else {
                continue;
            };
            if let Some(before) = &above {
                let mut filled = Vec::new();
                if let Some(value) = ditto_value(&task.units, Some(&before.units)) {
                    filled.push(format!("责任单位「{}」读作「{value}」", task.units.trim()));
                    task.units = value;
                }
                let cells = [
                    (&mut task.lead, &before.lead, "牵头单位"),
                    (&mut task.support, &before.support, "配合单位"),
                    (&mut task.deadline, &before.deadline, "完成时限"),
                    (&mut task.person, &before.person, "责任人"),
                ];
                for (cell, value_above, name) in cells {
                    let Some(written) = cell.as_deref() else {
                        continue;
                    };
                    if let Some(value) = ditto_value(written, value_above.as_ref()) {
                        filled.push(format!("{name}「{}」读作「{value}」", written.trim()));
                        *cell = Some(value);
                    }
                }
                if !filled.is_empty() {
                    said.push(crate::base::diag::Diagnostic::note(
                        "table/ditto",
                        row.origin.clone(),
                        format!(
                            "序号 {} 这一行的{}（同上一项）",
                            task.no.trim(),
                            filled.join("，")
                        ),
                    ));
                }
            }
            above = Some((**task).clone());
        }
        said
    }

    /// The tasks, in row order.
    pub fn tasks(&self) -> impl Iterator<Item = &RawTask> {
        self.rows.iter().filter_map(|r| match &r.kind {
            RowKind::Task(t) => Some(&**t),
            _ => None,
        })
    }

    /// Numbers the tasks on through the table when each part (the tasks under a section or
    /// group row) numbers its own from 1 again (一、… 1 2 / 二、… 1 2 3), as Word and Excel
    /// tables often do: the task numbers must be one run. Only where every part runs 1, 2 …
    /// without a gap; any other repeat stays for `check` to say. Returns the numbers as
    /// written, in row order.
    pub fn renumber_restarting_parts(&mut self) -> Option<Vec<String>> {
        let mut runs: Vec<Vec<u32>> = vec![Vec::new()];
        for row in &self.rows {
            match &row.kind {
                RowKind::Task(task) => {
                    (runs.last_mut()?).push(crate::ingest::text::parse_task_number(&task.no)?)
                }
                _ if runs.last().is_some_and(|run| !run.is_empty()) => runs.push(Vec::new()),
                _ => {}
            }
        }
        runs.retain(|run| !run.is_empty());
        let from_one = |run: &Vec<u32>| run.iter().copied().eq(1..=run.len() as u32);
        if runs.len() < 2 || !runs.iter().all(from_one) || runs.iter().all(|run| run.len() < 2) {
            return None;
        }
        let mut written = Vec::new();
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind {
                let no = (written.len() + 1).to_string();
                written.push(std::mem::replace(&mut task.no, no));
            }
        }
        Some(written)
    }

    /// Numbers the tasks 1, 2, 3 … in row order when any is numbered （一） or ① rather than
    /// in figures (a table numbering its first tasks （一）…（九）, those of the next part 1,
    /// 2): the task numbers must be one run. Returns the numbers as written, in row order.
    pub fn renumber_marked(&mut self) -> Option<Vec<String>> {
        let marked = self
            .tasks()
            .any(|t| t.numbered_in_text || crate::ingest::text::parse_task_number(&t.no).is_none());
        if !marked {
            return None;
        }
        let mut written = Vec::new();
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind {
                let no = std::mem::replace(&mut task.no, (written.len() + 1).to_string());
                written.push(task.no_written.clone().unwrap_or(no));
            }
        }
        Some(written)
    }
}

impl HeaderMap {
    /// Reads a header row; it must name a content column and some way of giving units, and a
    /// number column or a third column (tasks are then numbered in row order). A second
    /// content column beside no group column makes the first the group (主要任务 | 工作措施);
    /// any other repeated kind is kept as an extra column (a narrower content column right
    /// of the task's may yet take its place: see [`RawTable::settle_layout`]).
    pub fn detect<S: AsRef<str>>(cells: &[S]) -> Option<HeaderMap> {
        // A row opening with its number (3 | 实事项目 | … | 市直各有关部门) is a task's, whatever
        // its words say: no header starts so.
        let first = cells
            .iter()
            .map(|c| c.as_ref().trim())
            .find(|c| !c.is_empty());
        if first.is_some_and(|c| c.chars().all(|ch| ch.is_ascii_digit())) {
            return None;
        }
        let mut map = HeaderMap::default();
        for (index, cell) in cells.iter().enumerate() {
            let text = cell.as_ref().trim();
            if text.is_empty() {
                continue;
            }
            if Column::ambiguous(text) {
                map.ambiguous.push((header_name(text), index));
                continue;
            }
            match Column::from_header(text) {
                Some(Column::Units) if map.whose_over_bare_units(cells, index) => {}
                Some(column) if map.index(column).is_none() => map.columns.push((column, index)),
                Some(Column::Support) if map.index(Column::Units).is_none() => {
                    map.second_support(text, index)
                }
                Some(Column::Units) if map.second_units_support(text) => {
                    map.columns.push((Column::Support, index))
                }
                Some(Column::Content) => map.another_content(cells, index),
                Some(Column::Deadline) => map.second_deadline(cells, index),
                _ => map.extra.push((header_name(text), index)),
            }
        }
        map.extra.sort_by_key(|(_, index)| *index);
        let names: Vec<String> = cells
            .iter()
            .map(|c| header_name(c.as_ref().trim()))
            .collect();
        map.indicator_left_of_target(&names);
        map.target_right_of_units(&names);
        map.content_left_over(&names);
        map.measure_beside_indicators(&names);
        let has = |c| map.index(c).is_some();
        let has_units = has(Column::Units) || has(Column::Lead) || !map.ambiguous.is_empty();
        // Without a 序号 column the tasks are numbered in row order: a header then names at
        // least one more column than content and units, so a two-word line is not taken for one.
        let numbered = has(Column::No) || map.columns.len() >= 3;
        (numbered && has(Column::Content) && has_units).then_some(map)
    }

    /// A second column of times (完成时限 merged over 启动时间 | 完成时间, 阶段节点 | 最终时限):
    /// the one saying when the work ends is the deadline; the other a column of its own.
    fn second_deadline<S: AsRef<str>>(&mut self, cells: &[S], index: usize) {
        let text = cells[index].as_ref().trim();
        let slot = self
            .columns
            .iter_mut()
            .find(|(c, _)| *c == Column::Deadline);
        match slot {
            Some(slot)
                if Column::names_the_end(text)
                    && !Column::names_the_end(cells[slot.1].as_ref().trim()) =>
            {
                let first = std::mem::replace(&mut slot.1, index);
                self.extra
                    .push((header_name(cells[first].as_ref().trim()), first));
            }
            _ => self.extra.push((header_name(text), index)),
        }
    }

    /// A second column of helpers, no 责任单位 column read yet (牵头单位 | 协作单位 | 配合单位):
    /// 配合 supports; the other is a third kind, named on the sheets as the source names it.
    fn second_support(&mut self, text: &str, index: usize) {
        let supports = crate::base::cjk::simplified_text(text).contains("配合");
        match self.columns.iter_mut().find(|(c, _)| *c == Column::Support) {
            Some(slot) if supports => {
                slot.0 = Column::Units;
                self.columns.push((Column::Support, index));
            }
            _ => self.columns.push((Column::Units, index)),
        }
    }

    /// A content header at `index` when a content column is read already: a target beside
    /// it, a finer task, or the group's heading over the narrower one — or a column of its
    /// own.
    fn another_content<S: AsRef<str>>(&mut self, cells: &[S], index: usize) {
        let text = cells[index].as_ref().trim();
        let target = names_a_target(text);
        // A target right of who does the task (重点任务 | 牵头单位 | 一季度 | 全年目标) says
        // more of that task: a column of its own, not a narrower task.
        if self.names_who_after_content() && target {
            self.extra.push((header_name(text), index));
        } else if self.group_from_content && !self.names_who_yet() && !target {
            self.finest_of_three(cells, index);
        } else if !target && self.content_names_a_target(cells) {
            // 整改目标 | 整改措施: the measure is the work; the target, what it reaches, is a
            // column of its own.
            if let Some(slot) = self.columns.iter_mut().find(|(c, _)| *c == Column::Content) {
                let target = slot.1;
                slot.1 = index;
                let name = header_name(cells[target].as_ref().trim());
                self.extra.push((name, target));
            }
        } else if self.index(Column::Group).is_some()
            && !self.group_from_content
            && self.headings.is_none()
            && !self.names_who_yet()
            && !target
            && self.content_names_the_tasks(cells)
        {
            // 领域 | 重要项目 | 目标任务和工作要求: the group column heads parts, the column
            // naming each task its name (printed before its text), the narrower the task.
            // (类别 | 主要任务 | 细化措施 waits for the rows: see `settle_layout`.)
            if let Some(slot) = self.columns.iter().position(|(c, _)| *c == Column::Group) {
                self.headings = Some(self.columns.remove(slot).1);
            }
            self.content_beside_content(index);
        } else if self.index(Column::Group).is_none() {
            self.content_beside_content(index);
        } else {
            self.extra.push((header_name(text), index));
        }
    }

    /// Whether the content column read so far names the tasks (重要项目, 项目名称) rather
    /// than being broader work over them.
    fn content_names_the_tasks<S: AsRef<str>>(&self, cells: &[S]) -> bool {
        self.index(Column::Content).is_some_and(|at| {
            let name = header_name(cells[at].as_ref().trim());
            name.contains("项目") || name.contains("名称")
        })
    }

    /// The broader heading is the group, the narrower at `index` the content.
    fn content_beside_content(&mut self, index: usize) {
        if let Some(slot) = self.columns.iter_mut().find(|(c, _)| *c == Column::Content) {
            slot.0 = Column::Group;
            self.group_from_content = true;
        }
        self.columns.push((Column::Content, index));
    }

    /// 重点工作 | 主要任务 | 工作措施 | 责任单位: the finest of three is the task, the one over
    /// it its group, the broadest a column of its own (kept, said). 项目名称 | 建设内容及规模 |
    /// 2025年主要建设内容: the name stays each task's name; the column between is one of its own.
    fn finest_of_three<S: AsRef<str>>(&mut self, cells: &[S], index: usize) {
        let (mut group, mut content) = (None, None);
        for slot in &mut self.columns {
            match slot.0 {
                Column::Group => group = Some(slot),
                Column::Content => content = Some(slot),
                _ => {}
            }
        }
        if let (Some(group), Some(content)) = (group, content) {
            let named = header_name(cells[group.1].as_ref().trim()).contains("名称");
            let own = if named { content.1 } else { group.1 };
            if !named {
                group.1 = content.1;
            }
            content.1 = index;
            self.extra
                .push((header_name(cells[own].as_ref().trim()), own));
        }
    }

    /// A bare 单位 beside a column of indicators (指标名称 | 单位 | 苏州市 | 张家港市): the
    /// indicators' unit of measure (%, 亿元), no one's name — a column of its own.
    fn measure_beside_indicators(&mut self, names: &[String]) {
        let Some(at) = self.index(Column::Units) else {
            return;
        };
        if names[at] == "单位" && names.iter().any(|n| n.contains("指标")) {
            self.columns.retain(|(c, _)| *c != Column::Units);
            self.extra.push((names[at].clone(), at));
            self.extra.sort_by_key(|(_, index)| *index);
        }
    }

    /// A bare 单位 or 部门 read as the units column, then one that says whose (责任部门) at
    /// `index`: that one names who answers, the bare one is a column of its own (a
    /// measure's 单位). Whether it was so.
    fn whose_over_bare_units<S: AsRef<str>>(&mut self, cells: &[S], index: usize) -> bool {
        let Some(slot) = self.columns.iter_mut().find(|(c, _)| *c == Column::Units) else {
            return false;
        };
        let bare = slot.1;
        if !is_bare_units(cells[bare].as_ref()) || is_bare_units(cells[index].as_ref()) {
            return false;
        }
        slot.1 = index;
        self.extra
            .push((header_name(cells[bare].as_ref().trim()), bare));
        true
    }

    /// 责任科室 | 责任学校(单位): a second column of who does the work, beside no 牵头 or 配合
    /// column, names those who carry it out with the first's — read as their 配合 column.
    fn second_units_support(&self, text: &str) -> bool {
        !is_bare_units(text)
            && self.index(Column::Lead).is_none()
            && self.index(Column::Support).is_none()
    }

    /// Whether a column naming who does the work (责任单位, 牵头, 配合) is read already.
    fn names_who_yet(&self) -> bool {
        self.columns
            .iter()
            .any(|(c, _)| matches!(c, Column::Units | Column::Lead | Column::Support))
    }

    /// The columns in the order the header sets them, the extra ones numbered as
    /// [`RawTable::extra_columns`] keeps them. A units column beside a 牵头 one lists the
    /// supports (see [`ColumnNames::of_header`]).
    pub fn order(&self) -> Vec<TableColumn> {
        self.placed()
            .into_iter()
            .map(|(_, column)| column)
            .collect()
    }

    /// What the column at `index` of the row holds, if it is read.
    pub fn column_at(&self, index: usize) -> Option<TableColumn> {
        (self.placed().into_iter()).find_map(|(at, column)| (at == index).then_some(column))
    }

    /// Each column read with its index in the row, left to right.
    fn placed(&self) -> Vec<(usize, TableColumn)> {
        let beside_lead = self.index(Column::Lead).is_some();
        let beside_both = beside_lead && self.index(Column::Support).is_some();
        let mut placed: Vec<(usize, TableColumn)> = self
            .columns
            .iter()
            .map(|&(column, index)| {
                let column = match column {
                    Column::Group => TableColumn::Group,
                    Column::No => TableColumn::No,
                    Column::Content => TableColumn::Content,
                    Column::Units if beside_both => TableColumn::Responsible,
                    Column::Units if beside_lead => TableColumn::Support,
                    Column::Units => TableColumn::Units,
                    Column::Lead => TableColumn::Lead,
                    Column::Support => TableColumn::Support,
                    Column::Deadline => TableColumn::Deadline,
                    Column::Person => TableColumn::Person,
                };
                (index, column)
            })
            .chain(
                self.extra
                    .iter()
                    .enumerate()
                    .map(|(n, &(_, index))| (index, TableColumn::Extra(n))),
            )
            .collect();
        placed.sort_by_key(|(index, _)| *index);
        placed
    }

    /// True when `other`, read from a row under the table, names its columns where this
    /// header has them: the header repeated over a page break (maybe cut short, its last
    /// name lost). A row of a task whose cells happen to hold header words (各部门, …工作)
    /// names them elsewhere.
    pub fn repeats(&self, other: &HeaderMap) -> bool {
        other
            .columns
            .iter()
            .all(|column| self.columns.contains(column))
    }

    /// A header naming who does the work and by when but no content column, with one column
    /// it does not read left of the units: that column says what is done (专项整治行业名称,
    /// 项目): it is the content.
    fn content_left_over(&mut self, names: &[String]) {
        let units = [Column::Units, Column::Lead]
            .iter()
            .filter_map(|c| self.index(*c))
            .min();
        let named = self
            .columns
            .iter()
            .filter(|(c, _)| *c != Column::No)
            .count();
        // Beside a 序号 column a units column is enough; without one, a third column too.
        let enough = named >= 2 || (named >= 1 && self.index(Column::No).is_some());
        let Some(units) = units else { return };
        if self.index(Column::Content).is_some() || !enough {
            return;
        }
        let mut left_of_units: Vec<usize> = (0..self.extra.len())
            .filter(|&n| self.extra[n].1 < units)
            .collect();
        // A column of figures (任务(万亩)) beside one of words (县(区)) is not what is done.
        if left_of_units.len() > 1 {
            left_of_units.retain(|&n| !counts_in_a_measure(&self.extra[n].0));
        }
        if let [only] = left_of_units[..] {
            let (name, index) = self.extra.remove(only);
            self.columns.push((Column::Content, index));
            self.columns.sort_by_key(|(_, i)| *i);
            self.content_by_elimination = Some((name, index));
        } else if let Some(index) = self
            .index(Column::Group)
            .filter(|&g| g < units && g < names.len())
            && self.extra.is_empty()
        {
            // 检查领域 | 检查时间 | 责任单位: a group's word, but no other column says what is
            // done — it is the content, each row its own task.
            if let Some(slot) = self.columns.iter_mut().find(|(c, _)| *c == Column::Group) {
                slot.0 = Column::Content;
            }
            self.content_by_elimination = Some((names[index].clone(), index));
        }
    }

    /// An indicator's name left of its target (指标名称 | 2022年目标, 主要指标 | 预期目标): the
    /// name says what the target is of — the task's name, as 任务名称 is beside 指标要求,
    /// printed before its value — not a column of its own beside a task that reads "6.5%".
    fn indicator_left_of_target(&mut self, names: &[String]) {
        let Some(content) = self.index(Column::Content) else {
            return;
        };
        // A target right of who does it is another layout (see `target_right_of_units`).
        let units = [Column::Units, Column::Lead]
            .iter()
            .filter_map(|c| self.index(*c))
            .min();
        if self.index(Column::Group).is_some()
            || !names_a_target(&names[content])
            || units.is_some_and(|units| units < content)
        {
            return;
        }
        let left: Vec<usize> = (self.extra.iter())
            .filter(|(_, i)| *i < content)
            .map(|(_, i)| *i)
            .collect();
        let [at] = left[..] else {
            return;
        };
        if !names[at].contains("指标") {
            return;
        }
        self.extra.retain(|(_, i)| *i != at);
        self.columns.push((Column::Group, at));
        self.group_from_content = true;
    }

    /// A target right of who does the work is the content only when nothing else can be: beside
    /// one column the header does not read left of the units (序号 | 指标名称 | 责任单位 |
    /// 全年目标), that column names the task and the target is a column of its own.
    fn target_right_of_units(&mut self, names: &[String]) {
        let units = [Column::Units, Column::Lead]
            .iter()
            .filter_map(|c| self.index(*c))
            .min();
        let (Some(content), Some(units)) = (self.index(Column::Content), units) else {
            return;
        };
        let unread_left = self.extra.iter().filter(|(_, i)| *i < units).count();
        if content < units
            || unread_left != 1
            || !names.get(content).is_some_and(|n| names_a_target(n))
        {
            return;
        }
        self.columns.retain(|(c, _)| *c != Column::Content);
        self.extra.push((names[content].clone(), content));
        self.extra.sort_by_key(|(_, index)| *index);
    }

    /// Whether the content column read so far names a target (整改目标).
    /// (目标名称 names the goals each row is under: a group's, not a target's.)
    fn content_names_a_target<S: AsRef<str>>(&self, cells: &[S]) -> bool {
        (self.index(Column::Content)).is_some_and(|at| {
            let header = cells[at].as_ref();
            names_a_target(header) && !header_name(header).contains("名称")
        })
    }

    /// True when a column of who does the work (牵头, 配合, 责任单位) stands right of the
    /// content column read so far.
    fn names_who_after_content(&self) -> bool {
        let Some(content) = self.index(Column::Content) else {
            return false;
        };
        self.columns.iter().any(|&(column, index)| {
            matches!(column, Column::Units | Column::Lead | Column::Support) && index > content
        })
    }

    /// Where `column` is.
    pub fn index(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }

    /// Whether the header names column `index` (read or kept as an extra column).
    pub fn covers(&self, index: usize) -> bool {
        self.columns.iter().any(|(_, i)| *i == index)
            || self.extra.iter().any(|(_, i)| *i == index)
            || self.headings == Some(index)
    }

    /// The values of the extra columns in `cells`, in header order.
    pub fn extras<S: AsRef<str>>(&self, cells: &[S]) -> Vec<String> {
        self.extra
            .iter()
            .map(|(_, i)| {
                cells
                    .get(*i)
                    .map(|s| s.as_ref().trim().to_string())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// What the header row says that a reader must hear: each extra column (kept) and each
    /// header that reads two ways (an error), at the place `place` gives a column index.
    pub fn findings(&self, place: impl Fn(usize) -> Location) -> Vec<Diagnostic> {
        let extra = self.extra.iter().map(|(name, i)| {
            Diagnostic::note(
                "table/extra-column",
                place(*i),
                format!(
                    "「{name}」列不是分工表的标准列，已原样保留在任务分工表中，并列入各单位任务单"
                ),
            )
        });
        let ambiguous = self.ambiguous.iter().map(|(name, i)| {
            Diagnostic::error(
                "table/ambiguous-header",
                place(*i),
                format!("表头「{name}」既像责任单位又像配合单位或完成时限，无法确定该列的含义"),
            )
            .with_hint("请把该列拆成两列（如“牵头单位”“配合单位”），或改用明确的列名")
        });
        let content = self.content_by_elimination.iter().map(|(name, i)| {
            Diagnostic::note(
                "table/content-column",
                place(*i),
                format!(
                    "表头没有“任务内容”一类的列，「{name}」列是责任单位左边唯一的其他列，按任务内容读"
                ),
            )
        });
        extra.chain(ambiguous).chain(content).collect()
    }

    /// A row whose 序号 cell holds no task number while its text opens with one and a cell
    /// of its names who does the work: a table numbering its measures in their own cells
    /// (`（1）梳理…`), its 序号 column holding the heading they come under (`（一）推行…`,
    /// merged down) or nothing. Returns that heading (may be empty), the number as written
    /// and the text after it.
    pub fn numbered_in_text<S: AsRef<str>>(&self, cells: &[S]) -> Option<(String, String, String)> {
        self.index(Column::No)?;
        let no = self.get(cells, Column::No);
        if crate::ingest::text::parse_task_number(no).is_some()
            || crate::ingest::text::is_written_task_number(no)
        {
            return None;
        }
        let (number, text) = opening_number(self.get(cells, Column::Content))?;
        let assigned = [Column::Lead, Column::Units]
            .iter()
            .any(|c| crate::ingest::units::is_units_text(self.get(cells, *c)));
        assigned.then(|| (no.to_string(), number.to_string(), text.to_string()))
    }

    /// The cell of `column` in `cells`, trimmed; empty when absent.
    pub fn get<'a, S: AsRef<str>>(&self, cells: &'a [S], column: Column) -> &'a str {
        self.index(column)
            .and_then(|i| cells.get(i))
            .map(|s| s.as_ref().trim())
            .unwrap_or("")
    }
}

/// A table read from a source, row by row, with every row's place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTable {
    /// The title above the table.
    pub title: Option<String>,
    /// Where the header is.
    pub origin: Option<Location>,
    /// How many times the header was repeated (page breaks).
    pub repeated_headers: u32,
    /// Headers of the columns fengong does not read, kept as they are (备注 …).
    pub extra_columns: Vec<String>,
    /// The header row as written, one text a column.
    pub header: Vec<String>,
    /// The columns read, in the header's order.
    pub column_order: Vec<TableColumn>,
    /// Names a two-row header merges over several columns (阶段目标 over 6月底前 | 12月底前).
    pub header_bands: Vec<crate::model::HeaderBand>,
    /// Text read among the tasks that is none of them, with its place: reported as unused.
    pub left_out: Vec<(String, Location)>,
    /// What the source calls its leading and supporting units (主责单位, 责任单位,
    /// 配合科室（单位）…), from its header or its labelled lines.
    pub column_names: ColumnNames,
    /// The rows, in order.
    pub rows: Vec<RawRow>,
    /// The plan's text right under the table (二、工作要求 and its paragraphs), up to the
    /// first line that is not (a page's own line, a 版记): the lines after that are said.
    pub after: Vec<Paragraph>,
    /// What reading it found to say where the reader has no findings of its own to add to
    /// (the inline reader's): passed on to the findings.
    pub said: Vec<Diagnostic>,
    /// The further tables read into this one under titles over sections of their own
    /// (附件2 2022年…重点任务分解表 / 一、扩大有效投资 …): each title with the index of the
    /// part's first row.
    pub parts: Vec<(String, usize)>,
    /// The further tables read into this one, as said (`table/another-table`): kept so the
    /// saying follows their numbers when tasks are put before them (the plan's text's).
    pub appended: Vec<AppendedTable>,
    /// Notes under the table that say something of the plan (注：各单位每季度末报送进展。),
    /// with their places: printed under the published table as the source has them.
    pub notes: Vec<(String, Location)>,
}

/// A further table read after the first, as it is said: its name, its header where its
/// own, how many tasks stood before it, whether its numbers were kept, the numbers it wrote
/// and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct AppendedTable {
    title: Option<String>,
    header: Option<Vec<String>>,
    /// The table's header before it, where its own differs.
    header_before: Vec<String>,
    before: usize,
    kept: bool,
    written: Vec<String>,
    place: Location,
    /// Tasks a text hands out in its paragraphs (an attachment after the table), no table.
    pub(crate) in_text: bool,
}

impl AppendedTable {
    /// Its header, where it differs from the first table's.
    pub fn own_header(&self) -> Option<&[String]> {
        self.header.as_deref()
    }

    /// What is said of it.
    pub fn said(&self) -> Diagnostic {
        if self.in_text {
            let name = (self.title.as_ref())
                .map(|t| format!("「{t}」"))
                .unwrap_or_default();
            let count = self.written.len();
            return Diagnostic::note(
                "table/tasks-beside-table",
                self.place.clone(),
                format!(
                    "分工表之后的附件{name}在正文中写明了 {count} 项任务的责任单位：接在分工表之后编为第 {}—{} 项，一并出任务单",
                    self.before + 1,
                    self.before + count
                ),
            );
        }
        appended_said(
            self.title.as_deref(),
            self.header
                .as_deref()
                .map(|h| (self.header_before.as_slice(), h)),
            (self.before, self.kept),
            &self.written,
            self.place.clone(),
        )
    }
}

/// Whether a table's title says it goes on from the one before (…任务分工表（续）, 续表).
pub(crate) fn is_continuation(title: &str) -> bool {
    let title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    [
        "（续）",
        "(续)",
        "（续表）",
        "(续表)",
        "续表",
        "（续上表）",
        "续上表",
    ]
    .iter()
    .any(|mark| title.ends_with(mark))
}

/// What is said of a further table read after the first: its name, and how its tasks
/// (numbered `written` in it) are numbered on after the `before` tasks before them.
fn appended_said(
    title: Option<&str>,
    headers: Option<(&[String], &[String])>,
    (before, kept): (usize, bool),
    written: &[String],
    place: Location,
) -> Diagnostic {
    // Named by its title, or — with none — by its header when that is its own; the header
    // before it said too, whose names the published table may not print.
    let before_was = |first: &[String]| match first.is_empty() {
        true => String::new(),
        false => format!("；前一张的表头：{}", first.join(" | ")),
    };
    let name = match (title, headers) {
        (Some(title), _) => format!("「{title}」"),
        (None, Some((first, header))) => {
            format!("（表头：{}{}）", header.join(" | "), before_was(first))
        }
        (None, None) => String::new(),
    };
    let own_header = match (title, headers) {
        (Some(_), Some((first, header))) => format!(
            "，其表头与前一张不同：{}{}",
            header.join(" | "),
            before_was(first)
        ),
        _ => String::new(),
    };
    let count = written.len();
    let message = match (written.first(), written.last()) {
        (Some(_), _) if kept => format!(
            "来源中还有一张分工表{name}：其 {count} 项任务一并读入，序号和前面的不重复，照原文不改{own_header}"
        ),
        (Some(first), Some(last)) if count > 1 => format!(
            "来源中还有一张分工表{name}：其 {count} 项任务一并读入，接在前一张之后编为第 {}—{} 项（原序号 {first}—{last}）{own_header}",
            before + 1,
            before + count
        ),
        (Some(only), _) => format!(
            "来源中还有一张分工表{name}：其 1 项任务一并读入，接在前一张之后编为第 {} 项（原序号 {only}）{own_header}",
            before + 1
        ),
        _ => format!("来源中还有一张分工表{name}，但其中没有任务{own_header}"),
    };
    Diagnostic::note("table/another-table", place, message)
}

/// A row's extra cells, written under `names`, set under `columns` (each name among them).
fn by_name(
    columns: &[String],
    names: &[String],
    values: impl Iterator<Item = String>,
) -> Vec<String> {
    let mut extra = vec![String::new(); columns.len()];
    for (name, value) in names.iter().zip(values) {
        if let Some(at) = columns.iter().position(|c| c == name) {
            extra[at] = value;
        }
    }
    extra
}

/// Whether a further table's tasks keep their numbers after `table`'s: each a number, none
/// written twice, none already taken — one plan's tasks kept on several sheets (by quarter,
/// by department: 7 | 8, 9 | 1–6, 10), not a second list numbered from 1 again.
fn numbers_go_on(table: &RawTable, other: &RawTable) -> bool {
    let numbers = |t: &RawTable| -> Option<Vec<u32>> {
        t.tasks()
            .map(|task| crate::ingest::text::parse_task_number(&task.no))
            .collect()
    };
    let (Some(have), Some(more)) = (numbers(table), numbers(other)) else {
        return false;
    };
    let mut seen: std::collections::HashSet<u32> = have.into_iter().collect();
    !more.is_empty() && more.into_iter().all(|n| seen.insert(n))
}

/// What a source calls its columns, as written: the published 任务分工表 heads its columns
/// with the plan's own words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnNames {
    /// 牵头单位, 主责单位, 牵头科室（单位）….
    pub lead: Option<String>,
    /// 配合单位, 协同单位, or a 责任单位 column beside the lead's.
    pub support: Option<String>,
    /// A 责任单位 column beside both the lead's and the 配合 one.
    pub responsible: Option<String>,
    /// 具体内容, 工作任务, 专项整治行业名称 ….
    pub content: Option<String>,
    /// 责任单位 (leads and supports in one column), 责任部门 ….
    pub units: Option<String>,
    /// 完成时限, 时间节点, 时间安排 ….
    pub deadline: Option<String>,
    /// 责任领导, 分管领导 ….
    pub person: Option<String>,
    /// 主要事项, 类别, 领域 ….
    pub group: Option<String>,
}

impl ColumnNames {
    /// The names a header gives its columns (a units column beside the lead's lists
    /// supports).
    pub fn of_header<S: AsRef<str>>(header: &HeaderMap, cells: &[S]) -> ColumnNames {
        let name = |c: Column| {
            header
                .index(c)
                .and_then(|i| cells.get(i))
                .map(|s| crate::base::cjk::tidy_spacing(&s.as_ref().replace('\n', "")))
                .filter(|s| !s.is_empty())
        };
        let beside_lead = name(Column::Lead).and(name(Column::Units));
        let beside_both = name(Column::Support).and(beside_lead.clone());
        ColumnNames {
            lead: name(Column::Lead),
            support: name(Column::Support).or_else(|| beside_lead.clone()),
            responsible: beside_both,
            content: name(Column::Content),
            units: name(Column::Units).filter(|_| beside_lead.is_none()),
            deadline: name(Column::Deadline),
            person: name(Column::Person),
            group: name(Column::Group),
        }
    }
}

impl ColumnNames {
    /// Every name the source gives.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [
            &self.lead,
            &self.support,
            &self.responsible,
            &self.content,
            &self.units,
            &self.deadline,
            &self.person,
            &self.group,
        ]
        .into_iter()
        .filter_map(|name| name.as_deref())
    }

    /// Takes from `other` the names this one lacks (a further table naming a column the
    /// first has not).
    pub fn fill_from(&mut self, other: ColumnNames) {
        self.each_with(other, |have, more| {
            if have.is_none() {
                *have = more;
            }
        });
    }

    /// The names two tables read as one share: each column keeps a name both give it, or
    /// the one only one gives; where they name it differently (2024年预期目标 | 工作任务),
    /// neither's name heads the other's rows, so the column takes its plain name.
    pub fn shared_with(&mut self, other: ColumnNames) {
        self.each_with(other, |have, more| match (&*have, more) {
            (None, more) => *have = more,
            (Some(a), Some(b)) if *a != b => *have = None,
            _ => {}
        });
    }

    /// The names once a further table's tasks go on after these ([`ColumnNames::shared_with`]);
    /// after tasks read from text (`after_text`) the table's name the columns but for the
    /// content — the text's tasks are not its 目标 (沁县's 附件2 of indicators after 附件1's
    /// plan headed every task 目标).
    pub fn joined(&mut self, mut other: ColumnNames, after_text: bool) {
        if after_text && self.content.is_none() {
            other.content = None;
        }
        self.shared_with(other);
    }

    /// `settle` applied to each column's name here and in `other`.
    fn each_with(
        &mut self,
        other: ColumnNames,
        settle: impl Fn(&mut Option<String>, Option<String>),
    ) {
        settle(&mut self.lead, other.lead);
        settle(&mut self.support, other.support);
        settle(&mut self.responsible, other.responsible);
        settle(&mut self.content, other.content);
        settle(&mut self.units, other.units);
        settle(&mut self.deadline, other.deadline);
        settle(&mut self.person, other.person);
        settle(&mut self.group, other.group);
    }
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// What the row is.
    pub kind: RowKind,
    /// Where it is.
    pub origin: Location,
}

/// What a row holds.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// A section row spanning the table: 一、….
    Section {
        /// The numeral: 一.
        numeral: String,
        /// The title after 、.
        title: String,
    },
    /// A 主要事项 label on a row of its own.
    Label(String),
    /// A task.
    Task(Box<RawTask>),
}

/// The value a cell written as a ditto mark (同上, 〃) takes from the cell above, when it is
/// one and the cell above holds something.
fn ditto_value(cell: &str, above: Option<&String>) -> Option<String> {
    let ditto = matches!(
        cell.trim().trim_end_matches('。'),
        "同上" | "〃" | "”" | "\"" | "同前"
    );
    above
        .filter(|value| ditto && !value.trim().is_empty())
        .cloned()
}

/// The cells of a task row, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTask {
    /// The 主要事项 cell on this row (a label, or the merged group cell), if any.
    pub label: Option<String>,
    /// 序号 as written.
    pub no: String,
    /// 序号 as the source wrote it, where a later table's was numbered on after the first's.
    pub no_written: Option<String>,
    /// 具体内容.
    pub content: String,
    /// 责任单位 (lead first).
    pub units: String,
    /// 牵头单位, when the table has that column.
    pub lead: Option<String>,
    /// 配合单位, when the table has that column.
    pub support: Option<String>,
    /// 完成时限.
    pub deadline: Option<String>,
    /// 责任领导 / 责任人, when the table has that column.
    pub person: Option<String>,
    /// The values of the table's extra columns, in their order.
    pub extra: Vec<String>,
    /// Where the content cell is (for spreadsheets: a finer place than the row).
    pub content_origin: Option<Location>,
    /// Where the units cell is.
    pub units_origin: Option<Location>,
    /// Where the deadline cell is (a spreadsheet's: findings on it point there).
    pub deadline_origin: Option<Location>,
    /// Where the supporting units' cell is, when they have their own column.
    pub support_origin: Option<Location>,
    /// Where the 责任单位 cell is, when it stands beside the 牵头 and 配合 columns (its
    /// units are then [`crate::model::Role::Responsible`]).
    pub responsible_origin: Option<Location>,
    /// The number was read from the start of the task's text, its 序号 cell holding none
    /// (see [`HeaderMap::numbered_in_text`]).
    pub numbered_in_text: bool,
    /// The number prose wrote before the task (`12.` → 12), when it wrote one: the inline
    /// reader numbers tasks in order, and keeps these when they run on through the document.
    pub written_no: Option<u32>,
    /// That number's mark as written (`12.`, `（2）`): items of one list share its kind.
    pub written_mark: Option<String>,
    /// The marks put between the lines of the content cell, each with the text before it
    /// (建设数字产业园 over its words: `：`; two measures: `；`): said with the tasks.
    pub joints: Vec<(String, &'static str)>,
}

impl RawTask {
    /// Whether anyone is given the task: a lead, a support, or units listed.
    pub fn is_assigned(&self) -> bool {
        self.lead.is_some() || self.support.is_some() || !self.units.trim().is_empty()
    }
}

impl RawTable {
    /// Adds the tasks of a further 分工表 of the same source (附件2 after 附件1): each table
    /// a section under its own title, the further table's tasks numbered on after these,
    /// its extra columns kept by name. Returns what is said of it.
    pub fn append(&mut self, mut other: RawTable) -> Diagnostic {
        // …分工表（续） on a second sheet is this table going on: no part of its own.
        if other.title.as_deref().is_some_and(is_continuation) {
            other.title = None;
        }
        // A table without a title goes on in the section it stands in.
        let title_row = |table: &RawTable| {
            let title = table.title.clone().filter(|t| !t.trim().is_empty())?;
            let origin = table.origin.clone()?;
            Some(RawRow {
                kind: RowKind::Section {
                    numeral: String::new(),
                    title,
                },
                origin,
            })
        };
        let sectioned = |t: &RawTable| {
            t.rows
                .iter()
                .any(|r| matches!(r.kind, RowKind::Section { .. }))
        };
        if !sectioned(self)
            && let Some(row) = title_row(self)
        {
            self.rows.insert(0, row);
            self.parts.iter_mut().for_each(|(_, first)| *first += 1);
        }
        // A later table's title over sections of its own names the part they make up.
        if !sectioned(&other)
            && let Some(row) = title_row(&other)
        {
            self.rows.push(row);
        } else if let Some(title) = other.title.as_ref().filter(|t| !t.trim().is_empty()) {
            self.parts.push((title.clone(), self.rows.len()));
        }
        // The tables together are named by the plan, each by its section row.
        self.title = None;
        let mut columns = self.extra_columns.clone();
        for name in &other.extra_columns {
            if !columns.contains(name) {
                columns.push(name.clone());
            }
        }
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind {
                task.extra.resize(columns.len(), String::new());
            }
        }
        let before = self.task_count();
        let keep_numbers = numbers_go_on(self, &other);
        let mut written = Vec::new();
        let base = self.rows.len();
        (self.parts).extend(
            other
                .parts
                .into_iter()
                .map(|(title, first)| (title, base + first)),
        );
        for mut row in other.rows {
            if let RowKind::Task(task) = &mut row.kind {
                task.extra = by_name(&columns, &other.extra_columns, task.extra.drain(..));
                written.push(crate::base::cjk::tidy_spacing(&task.no));
                if !keep_numbers {
                    let numbered_on = (before + written.len()).to_string();
                    task.no_written = Some(std::mem::replace(&mut task.no, numbered_on));
                }
            }
            self.rows.push(row);
        }
        self.extra_columns = columns;
        // The text between the two tables is none of the plan's going on: said, not printed.
        let between = std::mem::replace(&mut self.after, other.after);
        self.left_out
            .extend(between.into_iter().map(|p| (p.text, p.origin)));
        self.left_out.extend(other.left_out);
        self.notes.extend(other.notes);
        self.repeated_headers += other.repeated_headers;
        (self.column_names).joined(other.column_names, self.header.is_empty() && before > 0);
        // Tasks read from the text before it have no header: the table's names the columns.
        if self.column_order.is_empty() {
            self.column_order = other.column_order;
        }
        let own_header =
            (!self.header.is_empty() && other.header != self.header).then(|| other.header.clone());
        let header_before = match own_header {
            Some(_) => self.header.clone(),
            None => Vec::new(),
        };
        let place = other
            .origin
            .or_else(|| self.origin.clone())
            .unwrap_or(Location::file(""));
        if self.header.is_empty() {
            self.header = other.header;
            self.header_bands = other.header_bands;
        } else {
            self.further_bands_said(other.header_bands, &place);
        }
        let appended = AppendedTable {
            title: other.title,
            header: own_header,
            header_before,
            before,
            kept: keep_numbers,
            written,
            place,
            in_text: false,
        };
        self.keep_appended(other.appended, appended)
    }

    /// The first table's header is the one printed: the names a further one's header merges
    /// over its columns, where the first's does not, are said at the further one (`place`).
    fn further_bands_said(&mut self, bands: Vec<crate::model::HeaderBand>, place: &Location) {
        for band in bands {
            if !self.header_bands.contains(&band) {
                self.said.push(Diagnostic::note(
                    "table/merged-header",
                    place.clone(),
                    format!(
                        "后一张表的表头「{}」合并在其下几列之上：发布的任务分工表按第一张表的表头印，这几列只印各自的列名",
                        band.name
                    ),
                ));
            }
        }
    }

    /// Keeps what is said of a further table read into this one (`appended`) and of those
    /// read into it before (`earlier`, numbered on after these tasks now); returns the
    /// first's saying.
    fn keep_appended(
        &mut self,
        earlier: Vec<AppendedTable>,
        appended: AppendedTable,
    ) -> Diagnostic {
        let before = appended.before;
        self.appended.extend(earlier.into_iter().map(|mut a| {
            a.before += if a.kept { 0 } else { before };
            a
        }));
        self.appended.push(appended.clone());
        appended.said()
    }

    /// This table after `tasks` (the plan's text's, above it), numbered on after them: what
    /// was said of the tables read into it is said again, in `diagnostics`, with their
    /// numbers now.
    pub fn after_tasks(self, mut tasks: RawTable, diagnostics: &mut Vec<Diagnostic>) -> RawTable {
        let said: Vec<Diagnostic> = self.appended.iter().map(AppendedTable::said).collect();
        diagnostics.retain(|d| !said.contains(d));
        let from = tasks.appended.len();
        let _ = tasks.append(self);
        let renumbered = &tasks.appended[from..from + said.len()];
        diagnostics.extend(renumbered.iter().map(AppendedTable::said));
        tasks
    }

    /// Sentences a units cell adds after its units that say how the list is meant, no
    /// body's name (市交通局、市商务局按职责分工负责。具体任务均涉及各区政府，不再做分工，下
    /// 同。): out of the cell, each said where it stands — a sentence is no unit to give a
    /// sheet to.
    pub fn remarks_out_of_units(&mut self) -> Vec<Diagnostic> {
        let mut said = Vec::new();
        for row in &mut self.rows {
            let RowKind::Task(task) = &mut row.kind else {
                continue;
            };
            let place = task.units_origin.clone().unwrap_or(row.origin.clone());
            for cell in [
                Some(&mut task.units),
                task.lead.as_mut(),
                task.support.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                let Some((kept, remark)) = remark_after_units(cell) else {
                    continue;
                };
                said.push(Diagnostic::note(
                    "unit/remark",
                    place.clone(),
                    format!("责任单位格中「{remark}」是说明，不是单位名单，未读作单位"),
                ));
                *cell = kept;
            }
        }
        said
    }

    /// How many task rows the table has.
    pub(crate) fn task_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Task(_)))
            .count()
    }

    /// When the group column is a content column beside another (任务名称 | 指标要求) and
    /// every task has its own value there, none shared and no group row among them, that
    /// column names each task rather than grouping them: its text goes before the task's
    /// content (`地区生产总值：增长6%左右`), and there are no groups. Returns what was done,
    /// in words, to be said: the ： is fengong's.
    pub fn names_not_groups(&mut self, header: &HeaderMap) -> Option<String> {
        if !header.group_from_content
            || self
                .rows
                .iter()
                .any(|r| matches!(r.kind, RowKind::Label(_)))
        {
            return None;
        }
        let labels: Vec<&str> = self
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t.label.as_deref().unwrap_or("")),
                _ => None,
            })
            .collect();
        let distinct: std::collections::HashSet<&&str> = labels.iter().collect();
        if labels.iter().any(|l| l.trim().is_empty()) || distinct.len() != labels.len() {
            return None;
        }
        let column = |c: Column| {
            (header.index(c))
                .and_then(|i| self.header.get(i))
                .map(|h| crate::base::cjk::tidy_spacing(h))
                .unwrap_or_default()
        };
        let (named, content) = (column(Column::Group), column(Column::Content));
        // Full sentences there (新建成公办中小学7所。) are the tasks themselves; the column
        // beside them (工作举措及实施计划) how each is done, kept whole as a column of its own.
        if labels
            .iter()
            .all(|l| l.trim_end().ends_with(['。', '！', '；']))
        {
            let name = header
                .index(Column::Content)
                .and_then(|i| self.header.get(i))
                .cloned()
                .unwrap_or_default();
            self.extra_columns.insert(0, name);
            for row in &mut self.rows {
                if let RowKind::Task(task) = &mut row.kind
                    && let Some(sentence) = task.label.take()
                {
                    let how = std::mem::replace(&mut task.content, sentence);
                    task.extra.insert(0, how);
                }
            }
            self.sentences_named_as_tasks();
            return Some(format!(
                "「{named}」列每行写的是一句完整的任务：按它作为任务内容，「{content}」列原样保留在任务分工表中"
            ));
        }
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind
                && let Some(name) = task.label.take()
            {
                task.content = if task.content.trim().is_empty() {
                    name
                } else {
                    format!("{}：{}", name.trim(), task.content)
                };
            }
        }
        // The names are printed in the tasks' text: no column of their own is left.
        use crate::model::TableColumn;
        self.column_order.retain(|c| *c != TableColumn::Group);
        self.column_names.group = None;
        Some(format!(
            "「{named}」列每行各不相同，是各项任务的名称，不是分组：印出时写在「{content}」之前，以「：」隔开（如「{}：…」）",
            labels_first(self)
        ))
    }
}

/// `text` without the number it opens with when that is `no`, the row's own 序号 (1.做好
/// 规划解读 in a table numbered by its rows): printed in the 序号 column, not twice. A
/// figure (2.5万亩) is no number of the row's.
pub(crate) fn without_own_number(text: &str, no: u32) -> &str {
    static OWN_NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        regex::Regex::new(r"^\s*(\d{1,3})\s*[.．、]\s*").unwrap()
    });
    match OWN_NUMBER.captures(text) {
        Some(caps)
            if caps[1].parse() == Ok(no)
                && !text[caps[0].len()..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            &text[caps[0].len()..]
        }
        _ => text,
    }
}

/// The first task's content up to the ： fengong put after its name.
fn labels_first(table: &RawTable) -> String {
    (table.rows.iter())
        .find_map(|r| match &r.kind {
            RowKind::Task(t) => t.content.split_once('：').map(|(name, _)| name.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

impl RawTable {
    /// When a table numbers its measures in their own text under headings in its 序号
    /// column (（一）… merged down), those headings are its groups, and the broader content
    /// column beside the measures (the higher plan's task each carries out) is kept as a
    /// column of its own: each row has its value, a row whose cell was merged down (and lost
    /// in a web copy) the one above it. Returns that column's name when so.
    pub fn headings_group_measures(&mut self, header: &HeaderMap) -> Option<String> {
        let column = header
            .index(Column::Group)
            .filter(|_| header.group_from_content)?;
        let labels = self
            .rows
            .iter()
            .any(|r| matches!(r.kind, RowKind::Label(_)));
        let measures = self
            .rows
            .iter()
            .any(|r| matches!(&r.kind, RowKind::Task(t) if t.numbered_in_text));
        if !labels || !measures {
            return None;
        }
        let name = self.header.get(column).cloned().unwrap_or_default();
        self.extra_columns.insert(0, name.clone());
        let mut above = String::new();
        for row in &mut self.rows {
            match &mut row.kind {
                RowKind::Task(task) => {
                    if let Some(label) = task.label.take() {
                        above = label;
                    }
                    task.extra.insert(0, above.clone());
                }
                RowKind::Section { .. } => above.clear(),
                RowKind::Label(_) => {}
            }
        }
        Some(name)
    }
}

impl RawTable {
    /// A content column whose text several rows share (主要任务, merged down) with a content
    /// column right after it where each row has its own (细化措施): the rows' own text is each
    /// task, the shared one kept beside it as a column of its own — so a unit's sheet shows
    /// the measure it carries out, not the heading it shares. Returns the two columns' names
    /// (the tasks', the shared one's) when so.
    fn measures_under_shared_tasks(&mut self, header: &HeaderMap) -> Option<(String, String)> {
        let content = header.index(Column::Content)?;
        let slot = header.extra.iter().position(|(_, at)| *at == content + 1)?;
        let (narrower, _) = &header.extra[slot];
        if Column::from_header(narrower) != Some(Column::Content) {
            return None;
        }
        let tasks: Vec<&RawTask> = self.tasks().collect();
        let own: Vec<&str> = tasks
            .iter()
            .map(|t| t.extra.get(slot).map_or("", |c| c.trim()))
            .collect();
        let distinct = |values: &[&str]| {
            values
                .iter()
                .collect::<std::collections::HashSet<_>>()
                .len()
        };
        let shared: Vec<&str> = tasks.iter().map(|t| t.content.trim()).collect();
        let each_own = own.iter().all(|c| !c.is_empty()) && distinct(&own) == own.len();
        if tasks.len() < 2 || !each_own || distinct(&shared) == shared.len() {
            return None;
        }
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind
                && let Some(cell) = task.extra.get_mut(slot)
            {
                std::mem::swap(cell, &mut task.content);
            }
        }
        let broader = self.column_names.content.replace(narrower.clone());
        let broader = broader.unwrap_or_default();
        if let Some(name) = self.extra_columns.get_mut(slot) {
            *name = broader.clone();
        }
        // The shared text now stands where the source has it, left of the tasks.
        use crate::model::TableColumn;
        let at = |order: &[TableColumn], column| order.iter().position(|k| *k == column);
        if let (Some(c), Some(e)) = (
            at(&self.column_order, TableColumn::Content),
            at(&self.column_order, TableColumn::Extra(slot)),
        ) {
            self.column_order.swap(c, e);
        }
        Some((narrower.clone(), broader))
    }

    /// The names and order of the columns once a group column's sentences are the tasks and
    /// the content column is kept as the first extra one: the group's place and name are
    /// the tasks', the content's the extra's.
    fn sentences_named_as_tasks(&mut self) {
        use crate::model::TableColumn;
        for column in &mut self.column_order {
            *column = match *column {
                TableColumn::Extra(i) => TableColumn::Extra(i + 1),
                TableColumn::Content => TableColumn::Extra(0),
                TableColumn::Group => TableColumn::Content,
                other => other,
            };
        }
        if let Some(group) = self.column_names.group.take() {
            self.column_names.content = Some(group);
        }
    }

    /// What the rows say about the table's layout once all are read — headings over
    /// measures numbered in their text, a group column that names its tasks, bulleted items
    /// under themes — applied, and said at `place` (the header).
    pub fn settle_layout(
        &mut self,
        header: &HeaderMap,
        place: &Location,
        said: &mut Vec<Diagnostic>,
    ) {
        said.extend(self.rows_repeating_their_task(header));
        if let Some(column) = self.headings_group_measures(header) {
            said.push(crate::ingest::text::upper_task_column(
                &column,
                place.clone(),
            ));
        }
        if let Some(done) = self.names_not_groups(header) {
            said.push(Diagnostic::note(
                "table/names-of-tasks",
                place.clone(),
                done,
            ));
        }
        if let Some((narrower, broader)) = self.measures_under_shared_tasks(header) {
            // The header's note on the narrower column as one kept aside is no longer true;
            // this note says which is kept.
            let stale = format!("「{narrower}」列不是分工表的标准列");
            said.retain(|d| !(d.code == "table/extra-column" && d.message.starts_with(&stale)));
            said.push(Diagnostic::note(
                "table/measures-as-tasks",
                place.clone(),
                format!(
                    "「{broader}」列的文字由几行共用，各行在「{narrower}」列写有各自的内容：每行按「{narrower}」作为任务，「{broader}」列原样保留在任务分工表中"
                ),
            ));
        }
        if header.index(Column::No).is_none() && self.bulleted_items_under_themes() {
            said.push(Diagnostic::note(
                "table/bulleted-items",
                place.clone(),
                "表中任务以「△」「●」等符号分项：不带符号的行作为其下各项的分组标题，一格中的几项各作一项任务，按顺序编号",
            ));
        }
        if header.index(Column::No).is_none() {
            self.own_numbers_taken();
        }
        if let Some(column) = self.deadlines_that_are_plans() {
            said.push(Diagnostic::note(
                "table/not-deadlines",
                place.clone(),
                format!("「{column}」列写的是工作安排，不是时间：没有读作完成时限，原样保留在任务分工表中，并列入各单位任务单"),
            ));
        }
    }

    /// A deadline column whose cells are the work's plans, not times (…1-3月份进度安排 |
    /// 开展新增托位机构摸底、登记等工作): none says only a time or names a date, and they run
    /// as phrases of work. Kept as a column of its own, its name returned.
    fn deadlines_that_are_plans(&mut self) -> Option<String> {
        let written: Vec<&str> = (self.rows.iter())
            .filter_map(|r| match &r.kind {
                RowKind::Task(task) => task.deadline.as_deref(),
                _ => None,
            })
            .filter(|d| !d.trim().is_empty())
            .collect();
        // A schedule of quarters or months (一季度制定方案；四季度完成) is still when.
        let dated = |d: &str| {
            crate::ingest::deadline::parse_deadline(d, None).is_some()
                || ["季度", "月", "年", "日前", "周"]
                    .iter()
                    .any(|w| d.contains(w))
        };
        let work = |d: &&str| {
            (d.chars().filter(|c| crate::base::cjk::is_han(*c))).count() >= 8
                && !crate::ingest::deadline::says_only_a_time(d)
                && !dated(d)
        };
        let plans = !written.is_empty() && written.iter().all(work);
        if !plans {
            return None;
        }
        let column = (self.column_names.deadline.take()).unwrap_or_else(|| "完成时限".to_string());
        self.extra_columns.push(column.clone());
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind {
                task.extra.push(task.deadline.take().unwrap_or_default());
            }
        }
        Some(column)
    }

    /// Tasks of a table without a 序号 column, numbered by their rows, whose every text
    /// opens with that very number (1.做好规划解读 …, 2.…): the numbers are the 序号 the
    /// table prints, not printed twice. Numbers that start again or skip are the source's
    /// own, kept in every row.
    fn own_numbers_taken(&mut self) {
        let mut tasks: Vec<&mut RawTask> = (self.rows.iter_mut())
            .filter_map(|r| match &mut r.kind {
                RowKind::Task(task) => Some(task.as_mut()),
                _ => None,
            })
            .collect();
        let stripped = |t: &RawTask| -> Option<usize> {
            let no = t.no.trim().parse().ok()?;
            let rest = without_own_number(&t.content, no);
            (rest.len() < t.content.len()).then(|| t.content.len() - rest.len())
        };
        let cuts: Vec<Option<usize>> = tasks.iter().map(|t| stripped(t)).collect();
        if tasks.is_empty() || cuts.iter().any(Option::is_none) {
            return;
        }
        for (task, cut) in tasks.iter_mut().zip(cuts) {
            task.content = task.content[cut.unwrap_or(0)..].to_string();
        }
    }

    /// Rows that repeat the task above — its 序号 and its text, cell for cell — to give it
    /// one more measure, step or remark in a column of their own (a ledger written one row
    /// per 年度工作措施): one task, whose differing cells follow one another. Said once, at
    /// the first such row, with how many tasks took several rows.
    fn rows_repeating_their_task(&mut self, header: &HeaderMap) -> Option<Diagnostic> {
        header.index(Column::No)?;
        let rows = std::mem::take(&mut self.rows);
        let mut out: Vec<RawRow> = Vec::with_capacity(rows.len());
        let (mut first, mut joined) = (None, 0);
        // The tasks that took rows after their first, by their place in `out`.
        let mut counted: Vec<usize> = Vec::new();
        for row in rows {
            let RowKind::Task(task) = &row.kind else {
                out.push(row);
                continue;
            };
            let at = out.len();
            let above = match out.last_mut() {
                Some(RawRow {
                    kind: RowKind::Task(above),
                    ..
                }) if above.repeated_by(task) => above,
                _ => {
                    out.push(row);
                    continue;
                }
            };
            joined += 1;
            if counted.last() != Some(&at) {
                counted.push(at);
            }
            first.get_or_insert_with(|| (row.origin.clone(), above.no.clone()));
            let more = (**task).clone();
            above.absorb_repeat(more);
        }
        self.rows = out;
        let (place, no) = first?;
        let tasks = counted.len();
        Some(Diagnostic::note(
            "table/repeated-rows",
            place,
            format!(
                "表中 {tasks} 项任务各占几行（如第 {no} 项）：这些行的序号和内容逐行重复，只是其他格（措施、举措等）各写一条；已合为一项任务，共并入 {joined} 行，各行不同的格依次排列"
            ),
        ))
    }

    /// A table numbered in row order whose contents are bulleted items (△, ●, ■ …) under
    /// unbulleted lines: the bullets mark the task level, so a line without one over them
    /// heads them (a group label, the 政府工作报告's theme), and a cell holding several
    /// bulleted items holds as many tasks, each with the row's units, deadline and leader.
    /// The bullet itself is a mark, not words of the task. Returns whether it did anything.
    pub fn bulleted_items_under_themes(&mut self) -> bool {
        let Some(bullet) = self.item_bullet() else {
            return false;
        };
        let opens = |t: &RawTask| t.content.trim_start().starts_with(bullet);
        let rows = std::mem::take(&mut self.rows);
        let mut out: Vec<RawRow> = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let RowKind::Task(task) = &row.kind else {
                out.push(row.clone());
                continue;
            };
            if opens(task) {
                out.extend(
                    task.content
                        .split(bullet)
                        .filter(|p| !p.trim().is_empty())
                        .map(|item| RawRow {
                            kind: RowKind::Task(Box::new(RawTask {
                                content: item.trim().to_string(),
                                ..(**task).clone()
                            })),
                            origin: row.origin.clone(),
                        }),
                );
                continue;
            }
            let next = rows[i + 1..].iter().find_map(|r| match &r.kind {
                RowKind::Task(t) => Some(t),
                _ => None,
            });
            // A theme line heads the items under it when what else it holds — units, a
            // leader, a deadline merged down beside it — other tasks hold too: nothing is
            // lost by reading it as a heading.
            let others = || {
                rows.iter()
                    .enumerate()
                    .filter(move |(j, _)| *j != i)
                    .filter_map(|(_, r)| match &r.kind {
                        RowKind::Task(t) => Some(&**t),
                        _ => None,
                    })
            };
            let heads = task.label.is_none()
                && next.is_some_and(|next| opens(next))
                && task.duty_held_by(others);
            out.push(match heads {
                true => RawRow {
                    kind: RowKind::Label(task.content.trim().to_string()),
                    origin: row.origin.clone(),
                },
                false => row.clone(),
            });
        }
        self.rows = out;
        let mut no = 0;
        for row in &mut self.rows {
            if let RowKind::Task(task) = &mut row.kind {
                no += 1;
                task.no = no.to_string();
            }
        }
        true
    }

    /// The bullet most tasks open with, when at least two do and a task holds several items
    /// or some task opens without it (a theme over them).
    fn item_bullet(&self) -> Option<char> {
        const BULLETS: &[char] = &['△', '▲', '●', '○', '■', '□', '◆', '◇', '★', '☆', '•'];
        let tasks: Vec<&RawTask> = self.tasks().collect();
        let first = |t: &RawTask| t.content.trim_start().chars().next();
        let bullet = BULLETS
            .iter()
            .copied()
            .max_by_key(|b| tasks.iter().filter(|t| first(t) == Some(*b)).count())?;
        let opening = tasks.iter().filter(|t| first(t) == Some(bullet)).count();
        let several = tasks
            .iter()
            .any(|t| first(t) == Some(bullet) && t.content.matches(bullet).count() > 1);
        (opening >= 2 && (several || opening < tasks.len())).then_some(bullet)
    }
}

impl RawTask {
    /// Whether every unit, leader and deadline this row gives stands in one of `others`
    /// too (a theme row beside cells merged down over the items).
    fn duty_held_by<'a, I: Iterator<Item = &'a RawTask>>(&self, others: impl Fn() -> I) -> bool {
        let units = |t: &RawTask| {
            [Some(&t.units), t.lead.as_ref(), t.support.as_ref()]
                .into_iter()
                .flatten()
                .flat_map(|cell| names_in(cell))
                .collect::<Vec<String>>()
        };
        let held = units(self)
            .iter()
            .all(|name| others().any(|o| units(o).contains(name)));
        let same = |field: fn(&RawTask) -> &Option<String>| {
            field(self).as_deref().is_none_or(|v| {
                v.trim().is_empty() || others().any(|o| field(o).as_deref() == Some(v))
            })
        };
        held && same(|t| &t.person) && same(|t| &t.deadline)
    }
}

impl RawTask {
    /// True when `row` repeats this task's 序号 and text (one more row of the same task).
    fn repeated_by(&self, row: &RawTask) -> bool {
        let no = self.no.trim();
        !no.is_empty()
            && no == row.no.trim()
            && !self.content.trim().is_empty()
            && self.content.trim() == row.content.trim()
    }

    /// Takes in a row that repeats this task: the cells it repeats as they are, the others
    /// (its own measure, step, remark) each on a line after the task's.
    fn absorb_repeat(&mut self, mut row: RawTask) {
        row.content.clear();
        for (have, more) in self.extra.iter().zip(row.extra.iter_mut()) {
            if have.lines().any(|line| line.trim() == more.trim()) {
                more.clear();
            }
        }
        self.absorb(row, "\n");
    }

    /// Takes in the cells of a row that continues this task (a row broken by OCR or a page
    /// break, or rows under one merged 序号), every column: text, units, deadline, person
    /// and remarks. `units_glue` joins the units cells: nothing for a name broken by OCR, a
    /// line break for a cell of its own, ； for a row of its own under a merged cell.
    pub fn absorb(&mut self, more: RawTask, units_glue: &str) {
        self.content.push_str(&more.content);
        // A cell of its own names units afresh: those the task has already are not twice.
        // A broken name's piece is not a name the task has: kept to be joined on. A whole
        // name it already has (a row of its own under a merged cell) is not twice either.
        let units = match units_glue {
            "" if !names_not_in(&self.units, &more.units).is_empty() => more.units,
            _ => names_not_in(&self.units, &more.units),
        };
        if !units.is_empty() {
            if !self.units.is_empty() {
                self.units.push_str(units_glue);
            }
            self.units.push_str(&units);
        }
        let join = |into: &mut Option<String>, more: Option<String>| {
            let more = more.map(|m| names_not_in(into.as_deref().unwrap_or(""), &m));
            if let Some(more) = more.filter(|m| !m.is_empty()) {
                append_line(into.get_or_insert_with(String::new), &more);
            }
        };
        // Units of rows of their own listed on, each row's list apart (；).
        let list = |into: &mut Option<String>, more: Option<String>| match into {
            Some(have) if units_glue == "；" && !have.is_empty() => {
                let more = more.map(|m| names_not_in(have, &m)).unwrap_or_default();
                if !more.is_empty() {
                    have.push('；');
                    have.push_str(&more);
                }
            }
            _ => join(into, more),
        };
        list(&mut self.lead, more.lead);
        list(&mut self.support, more.support);
        join(&mut self.deadline, more.deadline);
        join(&mut self.person, more.person);
        for (have, more) in self.extra.iter_mut().zip(more.extra) {
            append_line(have, &more);
        }
    }
}

/// The names of the units cell `more` that the cell `have` does not list, as written when
/// none is dropped, else joined by 、.
fn names_not_in(have: &str, more: &str) -> String {
    let had = names_in(have);
    let names = names_in(more);
    let fresh: Vec<&String> = names.iter().filter(|n| !had.contains(n)).collect();
    if fresh.len() == names.len() {
        more.to_string()
    } else {
        fresh
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// The names a units cell lists, as written (the parsing proper is `ingest::units`'): what
/// two cells of one table are compared by.
fn names_in(cell: &str) -> Vec<String> {
    cell.split(['、', '，', ',', '；', ';', '\n'])
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// An item's Arabic or circled number as it opens a task's text: `1.`, `1．`, `1、`, `1。`
/// (a full stop typed for the dot), `（1）`, `(1)`, `①`.
pub const ITEM_NUMBER: &str = r"(?:\d{1,3}\s*[.．、。]|[（(]\s*\d{1,3}\s*[）)]|[①-⑳])";

/// The number a task's text opens with — `（1）`, `(1)`, `1.`, `1、`, `1。`, `①` — as written,
/// and the text after it. `1.5万户` opens with a figure, not a number.
pub fn opening_number(text: &str) -> Option<(&str, &str)> {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // pattern built from literals
        Regex::new(&format!(r"^\s*{ITEM_NUMBER}\s*")).unwrap()
    });
    let found = NUMBER.find(text)?;
    let rest = text[found.end()..].trim();
    // 2.2018年… is item 2 about a year; 1.5万户 a figure.
    let year = rest.chars().take(4).all(|c| c.is_ascii_digit())
        && rest[4.min(rest.len())..].starts_with('年');
    let figure = found.as_str().trim_end().ends_with(['.', '．'])
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && !year;
    (!figure && !rest.is_empty()).then(|| (found.as_str().trim(), rest))
}

/// A units cell split at the first sentence after its list that is a remark on it (不再做
/// 分工, 下同, 以下…): the list, and the remark.
fn remark_after_units(cell: &str) -> Option<(String, String)> {
    let stop = cell.find('。')?;
    let (list, rest) = (&cell[..stop], cell[stop + '。'.len_utf8()..].trim());
    let remark = rest.trim_end_matches('。');
    let says_how = remark.contains("不再")
        || remark.contains("下同")
        || remark.starts_with("以上")
        || remark.starts_with("以下");
    (!remark.is_empty() && says_how && !crate::ingest::units::is_units_text(remark))
        .then(|| (list.to_string(), remark.to_string()))
}

/// `more` on a line of its own under `have`.
fn append_line(have: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !have.is_empty() {
        have.push('\n');
    }
    have.push_str(more);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_gives_its_columns_order() {
        use TableColumn::*;
        let header = [
            "序号",
            "重点工作",
            "责任领导",
            "牵头单位",
            "责任单位",
            "完成时限",
            "备注",
        ];
        let map = HeaderMap::detect(&header).unwrap();
        // The 责任单位 beside the 牵头 column lists the supports.
        assert_eq!(
            map.order(),
            [No, Content, Person, Lead, Support, Deadline, Extra(0)]
        );
    }

    #[test]
    fn a_column_of_the_places_that_do_the_work_names_units() {
        use TableColumn::*;
        // 责任社区 beside 牵头科室: the communities that carry it out with the lead.
        let header = ["序号", "工作任务", "牵头科室", "责任社区", "完成时限"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.order(), [No, Content, Lead, Support, Deadline]);
        let header = ["序号", "工作任务", "责任乡镇", "完成时限"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.order(), [No, Content, Units, Deadline]);
        // A task about them says the work, not who does it.
        assert_eq!(Column::from_header("社区治理任务"), Some(Column::Content));
        assert_eq!(Column::from_header("街道"), None);
    }

    #[test]
    fn a_task_like_name_right_of_the_units_is_a_column_of_its_own() {
        use TableColumn::*;
        let header = [
            "序号",
            "重点任务",
            "牵头单位",
            "一季度",
            "二季度",
            "全年目标",
        ];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(
            map.order(),
            [No, Content, Lead, Extra(0), Extra(1), Extra(2)]
        );
        // Left of the units, two task-like names are a group and its tasks.
        // A task right of the units (年度目标任务) still is.
        let header = ["序号", "重点工作", "牵头科室", "年度目标任务", "推进措施"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.order(), [No, Group, Lead, Content, Extra(0)]);
        let header = ["序号", "主要任务", "工作措施", "牵头单位"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.order(), [No, Group, Content, Lead]);
        // Three of them: the finest is the task, the one over it the group, the broadest
        // kept as a column of its own.
        let header = ["重点工作", "主要任务", "工作措施", "责任单位", "备注"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.order(), [Extra(0), Group, Content, Units, Extra(1)]);
    }

    #[test]
    fn a_page_box_of_labels_and_dates_is_no_table_header_missing_columns() {
        let cells = |line: &[&str]| line.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            columns_missing(&cells(&["成文日期:", "", "发布日期:", "2024-03-01"])),
            None
        );
        assert_eq!(columns_missing(&cells(&["完成时限", "完成时间"])), None);
        let (_, missing) = columns_missing(&cells(&["工作任务", "牵头单位"])).unwrap();
        assert_eq!(missing, ["序号"]);
    }

    #[test]
    fn a_remark_after_a_units_list_is_taken_out_of_the_cell() {
        assert_eq!(
            remark_after_units(
                "市交通局、市商务局按职责分工负责。具体任务均涉及各区政府，不再做分工，下同。"
            ),
            Some((
                "市交通局、市商务局按职责分工负责".to_string(),
                "具体任务均涉及各区政府，不再做分工，下同".to_string()
            ))
        );
        // A second list, a list closed by its stop: units, no remark.
        assert_eq!(remark_after_units("市交通局。市商务局"), None);
        assert_eq!(remark_after_units("市交通局、市商务局。"), None);
    }

    fn table_of(rows: &[(&str, &str, &str)]) -> RawTable {
        RawTable {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, (content, units, deadline))| RawRow {
                    kind: RowKind::Task(Box::new(RawTask {
                        no: (i + 1).to_string(),
                        content: content.to_string(),
                        units: units.to_string(),
                        deadline: Some(deadline.to_string()).filter(|d| !d.is_empty()),
                        ..RawTask::default()
                    })),
                    origin: Location::line("t.md", i as u32 + 1),
                })
                .collect(),
            ..RawTable::default()
        }
    }

    #[test]
    fn a_second_table_without_a_title_is_named_by_its_own_header() {
        let mut first = table_of(&[("甲", "区财政局", "")]);
        first.header = vec!["序号".into(), "工作任务".into(), "责任单位".into()];
        let mut second = table_of(&[("乙项目", "区住建局", "")]);
        second.header = vec!["序号".into(), "项目名称".into(), "建设内容及规模".into()];
        let said = first.append(second);
        assert!(
            said.message.contains(
                "（表头：序号 | 项目名称 | 建设内容及规模；前一张的表头：序号 | 工作任务 | 责任单位）"
            ),
            "{}",
            said.message
        );
        assert!(!said.message.contains("另一张分工表"), "{}", said.message);
    }

    #[test]
    fn ditto_marks_take_the_value_of_the_task_above_and_are_said() {
        let mut table = table_of(&[
            ("甲", "区司法局、区法院", "2025年9月底前"),
            ("乙", "同上", "〃"),
            ("丙", "区信访局", "同上。"),
        ]);
        let said = table.fill_ditto_marks();
        let cells: Vec<(String, Option<String>)> = table
            .rows
            .iter()
            .filter_map(|r| match &r.kind {
                RowKind::Task(t) => Some((t.units.clone(), t.deadline.clone())),
                _ => None,
            })
            .collect();
        let september = Some("2025年9月底前".to_string());
        assert_eq!(
            cells[1],
            ("区司法局、区法院".to_string(), september.clone())
        );
        assert_eq!(cells[2], ("区信访局".to_string(), september));
        assert_eq!(said.len(), 2);
        assert!(
            said[0]
                .message
                .contains("责任单位「同上」读作「区司法局、区法院」")
        );
        assert_eq!(said[1].location, Location::line("t.md", 3));
    }

    fn kinds(table: &RawTable) -> Vec<String> {
        table
            .rows
            .iter()
            .map(|r| match &r.kind {
                RowKind::Task(t) => format!("{} {} | {}", t.no, t.content, t.units),
                RowKind::Label(l) => format!("# {l}"),
                RowKind::Section { title, .. } => format!("## {title}"),
            })
            .collect()
    }

    #[test]
    fn a_header_repeats_only_where_it_names_its_columns() {
        let header =
            HeaderMap::detect(&["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]).unwrap();
        // Over a page break, cut short after its last column's first character.
        let cut = HeaderMap::detect(&["序号", "工作任务", "牵头单位", "配合单位", "完"]).unwrap();
        assert!(header.repeats(&cut));
        // A task's row whose cells hold header words in other places.
        // A row opening with its number is no header at all.
        let row = HeaderMap::detect(&["2", "稳定经营工作", "做好保供工作", "各部门", "12月底"]);
        assert!(row.is_none());
    }

    #[test]
    fn a_header_run_together_with_its_rows_is_told_from_running_text() {
        assert_eq!(
            header_run_together(
                "1、2026年实事分解表序号事项名称具体内容分管领导牵头单位配合单位1新建学校…"
            )
            .as_deref(),
            Some("序号事项名称具体内容分管领导牵头单位配合单位")
        );
        assert_eq!(
            header_run_together("序号项目名称2026年计划投资责任单位1城东路…").as_deref(),
            Some("序号项目名称2026年计划投资责任单位")
        );
        // A sentence that names 序号 is not a header; nor are separated cells.
        assert_eq!(header_run_together("请按序号逐项填写完成情况。"), None);
        assert_eq!(header_run_together("序号\t工作任务\t责任单位"), None);
    }

    #[test]
    fn bulleted_items_under_a_theme_are_its_tasks() {
        let mut table = table_of(&[
            ("抓好农业", "县农业局", "年底"),
            ("△建农田△修水渠", "县农业局", "年底"),
            ("△育龙头", "县农业局、县商务局", "年底"),
            // Its own unit, held by no other row: a task, not a heading.
            ("抓好林业", "县林业局", "年底"),
            ("△造林", "县农业局", "年底"),
        ]);
        assert!(table.bulleted_items_under_themes());
        assert_eq!(
            kinds(&table),
            [
                "# 抓好农业",
                "1 建农田 | 县农业局",
                "2 修水渠 | 县农业局",
                "3 育龙头 | 县农业局、县商务局",
                "4 抓好林业 | 县林业局",
                "5 造林 | 县农业局",
            ]
        );
    }

    #[test]
    fn a_table_without_bullets_or_with_one_is_left_as_it_is() {
        let rows = [("做好甲事", "区财政局", ""), ("△做好乙事", "区教育局", "")];
        let mut table = table_of(&rows);
        assert!(!table.bulleted_items_under_themes());
        assert_eq!(
            kinds(&table),
            ["1 做好甲事 | 区财政局", "2 △做好乙事 | 区教育局"]
        );
    }

    #[test]
    fn units_a_continuing_cell_repeats_are_not_taken_twice() {
        let mut task = RawTask {
            units: "区财政局、区税务局".to_string(),
            ..RawTask::default()
        };
        let more = |units: &str| RawTask {
            units: units.to_string(),
            ..RawTask::default()
        };
        task.absorb(more("区税务局,区教育局"), "\n");
        assert_eq!(task.units, "区财政局、区税务局\n区教育局");
        task.absorb(more("区教育局"), "\n");
        assert_eq!(task.units, "区财政局、区税务局\n区教育局");
        // A name broken by OCR joins as it is.
        task.absorb(more("局"), "");
        assert!(task.units.ends_with("区教育局局"));
    }

    #[test]
    fn the_one_column_left_of_the_units_is_the_content() {
        let map = HeaderMap::detect(&["专项整治行业名称", "时间安排", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(0));
        assert!(map.extra.is_empty());
        assert_eq!(
            map.content_by_elimination,
            Some(("专项整治行业名称".to_string(), 0))
        );
        // A content column named as such keeps the other as an extra column.
        let map = HeaderMap::detect(&["项目名称", "建设内容", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        assert_eq!(map.content_by_elimination, None);
        // Right of the units, or one of two unread columns, it is not the content.
        assert!(HeaderMap::detect(&["时间安排", "责任单位", "备注"]).is_none());
        assert!(HeaderMap::detect(&["行业", "地点", "时间安排", "责任单位"]).is_none());
        // A group's word (领域, 类别) with no other column to say what is done says it.
        for name in ["检查领域", "工作类别"] {
            let map = HeaderMap::detect(&[name, "检查时间", "责任单位"]).unwrap();
            assert_eq!(map.index(Column::Content), Some(0), "{name}");
            assert_eq!(map.index(Column::Group), None, "{name}");
            assert_eq!(map.content_by_elimination, Some((name.to_string(), 0)));
        }
        // A target right of the units leaves the content to the one column left of them.
        let map = HeaderMap::detect(&["序号", "指标名称", "责任单位", "全年目标"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        assert_eq!(map.extra, [("全年目标".to_string(), 3)]);
        assert_eq!(
            map.content_by_elimination,
            Some(("指标名称".to_string(), 1))
        );
        // An indicator's name left of its target names the task, as 任务名称 does beside
        // 指标要求: not a column of its own.
        for (name, target) in [("指标名称", "2022年目标"), ("主要指标", "预期目标")]
        {
            let map = HeaderMap::detect(&["序号", name, target, "牵头单位", "配合单位"]).unwrap();
            assert_eq!(map.index(Column::Content), Some(2), "{name}");
            assert_eq!(map.index(Column::Group), Some(1), "{name}");
            assert!(map.group_from_content && map.extra.is_empty(), "{name}");
        }
        // With nothing else to be the content, or a task named as such, the target is read.
        let map = HeaderMap::detect(&["序号", "责任单位", "全年目标"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(2));
        let map = HeaderMap::detect(&["序号", "指标", "地区", "责任单位", "全年目标"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(4));
        let map = HeaderMap::detect(&["序号", "指标名称", "责任单位", "年度目标任务"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(3));
        // One unread column left of the units, another right of them: the left one.
        let map = HeaderMap::detect(&["序号", "工程名称", "责任单位", "备注"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        // Beside a column that says it, the group's word stays the group.
        let map = HeaderMap::detect(&["领域", "工作任务", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Group), Some(0));
        assert_eq!(map.content_by_elimination, None);
    }

    /// 类别 | 主要任务 | 细化措施: the header alone cannot tell which content column is the
    /// task's — the rows decide (`settle_layout`) — so it reads the first, the second kept.
    #[test]
    fn a_second_content_column_beside_a_group_waits_for_the_rows() {
        let header = [
            "序号",
            "类别",
            "主要任务",
            "细化措施",
            "牵头单位",
            "参与单位",
        ];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.index(Column::Group), Some(1));
        assert_eq!(map.index(Column::Content), Some(2));
        assert_eq!(map.extra, [("细化措施".to_string(), 3)]);
    }

    #[test]
    fn of_two_time_columns_the_one_naming_the_end_is_the_deadline() {
        for (cells, deadline, other) in [
            (
                ["序号", "工作任务", "牵头单位", "启动时间", "完成时间"],
                4,
                3,
            ),
            (
                ["序号", "工作任务", "牵头单位", "完成时间", "启动时间"],
                3,
                4,
            ),
            (
                ["序号", "工作任务", "牵头单位", "阶段节点", "最终时限"],
                4,
                3,
            ),
            (
                ["序号", "工作任务", "牵头单位", "完成时限", "时间节点"],
                3,
                4,
            ),
        ] {
            let map = HeaderMap::detect(&cells).unwrap();
            assert_eq!(map.index(Column::Deadline), Some(deadline), "{cells:?}");
            assert!(map.extra.iter().any(|(_, i)| *i == other), "{cells:?}");
        }
    }

    #[test]
    fn detects_the_seed_header_and_synonyms() {
        // The work cut finer under a broader column: that one the group.
        let map =
            HeaderMap::detect(&["序号", "工作任务", "细化分工", "责任处室", "完成时限"]).unwrap();
        assert_eq!(map.index(Column::Group), Some(1));
        assert_eq!(map.index(Column::Content), Some(2));
        assert_eq!(map.index(Column::Units), Some(3));
        let map = HeaderMap::detect(&["主要事项", "序号", "具体内容", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Group), Some(0));
        let map = HeaderMap::detect(&["分类", "序号", "事项", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Group), Some(0));
        assert_eq!(map.index(Column::Units), Some(3));
        let map =
            HeaderMap::detect(&["编号", " 工作任务 ", "牵头单位", "配合单位", "完成时限"]).unwrap();
        assert_eq!(map.index(Column::Lead), Some(2));
        assert_eq!(map.index(Column::Deadline), Some(4));
        assert_eq!(
            map.get(&["1", "x", "区教育局 ", "", ""], Column::Lead),
            "区教育局"
        );
    }

    #[test]
    fn what_a_header_names_is_read_by_its_words() {
        let map = HeaderMap::detect(&["序号", "民生实事", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        let map = HeaderMap::detect(&["序号", "项目名称", "项目单位"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        assert_eq!(map.index(Column::Units), Some(2));
        // Reports of what has been done are no column of the plan: kept as extras.
        for report in ["工作进展", "当前进度", "完成情况", "目前进展情况"] {
            assert_eq!(Column::from_header(report), None, "{report}");
        }
        assert_eq!(Column::from_header("进度安排"), Some(Column::Deadline));
        // A count is a figure, kept as an extra column: the work is the column beside it.
        let map = HeaderMap::detect(&["序号", "重点工作", "区本级任务数", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        assert_eq!(Column::from_header("项目个数"), None);
        // A judgement of the work done is a report, no task's words.
        assert_eq!(Column::from_header("工作评价"), None);
        // An office of any kind answers: 委室 (a congress's), 部室 (a federation's), 股室.
        // A second column of who does it, beside no 牵头 or 配合: they carry it out too.
        let header = ["序号", "工作任务", "责任科室", "责任学校(单位)", "完成时限"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.index(Column::Units), Some(2));
        assert_eq!(map.index(Column::Support), Some(3));
        for offices in ["责任委室", "责任部室", "责任股室", "承办科室", "责任司局"]
        {
            assert_eq!(
                Column::from_header(offices),
                Some(Column::Units),
                "{offices}"
            );
        }
        assert_eq!(Column::from_header("牵头委室"), Some(Column::Lead));
        for office in ["金乡县人民政府办公室", "党政办公室", "区委办公室"] {
            assert_eq!(Column::from_header(office), None, "{office}");
        }
    }

    #[test]
    fn a_header_in_traditional_characters_reads_the_same() {
        let map = HeaderMap::detect(&["序號", "工作任務", "牽頭單位", "配合單位"]).unwrap();
        assert_eq!(map.index(Column::No), Some(0));
        assert_eq!(map.index(Column::Lead), Some(2));
    }

    #[test]
    fn a_bureaus_offices_are_its_units() {
        let map = HeaderMap::detect(&["序号", "重点工作", "责任科室", "完成时限"]).unwrap();
        assert_eq!(map.index(Column::Units), Some(2));
    }

    #[test]
    fn a_header_needs_number_content_and_units() {
        assert!(HeaderMap::detect(&["序号", "具体内容"]).is_none());
        assert!(HeaderMap::detect(&["具体内容", "责任单位"]).is_none());
        let map = HeaderMap::detect(&["工作任务", "具体要求", "责任科室", "时限要求"]).unwrap();
        assert_eq!(map.index(Column::No), None);
        assert!(HeaderMap::detect(&["姓名", "电话"]).is_none());
    }

    #[test]
    fn a_measures_unit_is_no_one_who_answers() {
        // 单位 beside 年度目标 holds 万元, %; 责任部门 names who answers, wherever it stands.
        let header = [
            "考核项目",
            "序号",
            "考核内容",
            "单位",
            "年度目标",
            "责任部门",
            "评分部门",
        ];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.index(Column::Units), Some(5));
        let extra: Vec<&str> = map.extra.iter().map(|(n, _)| n.as_str()).collect();
        assert!(extra.contains(&"单位"), "{extra:?}");
        assert!(
            map.extra.windows(2).all(|w| w[0].1 < w[1].1),
            "extra columns in header order: {:?}",
            map.extra
        );
        let map = HeaderMap::detect(&["序号", "考核内容", "计量单位", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Units), Some(3));
        // Alone, a bare 单位 column is who answers.
        let map = HeaderMap::detect(&["序号", "工作任务", "单位"]).unwrap();
        assert_eq!(map.index(Column::Units), Some(2));
    }

    #[test]
    fn a_column_of_figures_is_not_what_is_done() {
        // 任务(万亩) holds 2, 3.5: beside 县(区) it is a column of its own, 县(区) the task.
        let header = ["序号", "县(区)", "任务(万亩)", "责任单位", "完成时限"];
        let map = HeaderMap::detect(&header).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
        let extra: Vec<&str> = map.extra.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(extra, ["任务(万亩)"]);
        for measure in ["投资（亿元）", "目标(%)", "任务(单位:万元)"] {
            assert!(counts_in_a_measure(measure), "{measure}");
        }
        for words in ["县(区)", "牵头单位(部门)", "完成时限(年月)", "重点任务"] {
            assert!(!counts_in_a_measure(words), "{words}");
        }
        // Alone left of the units, the figures are all there is to read.
        let map = HeaderMap::detect(&["序号", "任务(万亩)", "责任单位"]).unwrap();
        assert_eq!(map.index(Column::Content), Some(1));
    }

    #[test]
    fn a_number_opens_a_text_but_a_figure_does_not() {
        assert_eq!(
            opening_number("（2）编制市级目录。"),
            Some(("（2）", "编制市级目录。"))
        );
        assert_eq!(
            opening_number("3、推广电子证照"),
            Some(("3、", "推广电子证照"))
        );
        assert_eq!(opening_number("① 建成平台"), Some(("①", "建成平台")));
        assert_eq!(opening_number("1.5万户完成改造"), None);
        assert_eq!(
            opening_number("2.2018年民生实事任务分解表"),
            Some(("2.", "2018年民生实事任务分解表"))
        );
        assert_eq!(opening_number("2026年建成"), None);
        assert_eq!(opening_number("(1)"), None);
    }

    #[test]
    fn a_row_is_numbered_in_its_text_only_when_its_number_cell_has_none_and_it_names_units() {
        let map = HeaderMap::detect(&["序号", "省级任务", "我市措施", "牵头单位"]).unwrap();
        let row = |no: &str, measure: &str, lead: &str| {
            map.numbered_in_text(&[no, "1.上级任务。", measure, lead])
        };
        assert_eq!(
            row("（一）统筹建设。", "(1)接入平台。", "市数据局"),
            Some(("（一）统筹建设。".into(), "(1)".into(), "接入平台。".into()))
        );
        assert_eq!(
            row("", "(2)编制目录。", "市数据局").map(|r| r.1),
            Some("(2)".into())
        );
        // A 序号 of its own, or no units: no task numbered in its text.
        assert_eq!(row("3", "(1)接入平台。", "市数据局"), None);
        assert_eq!(row("", "(1)接入平台。", ""), None);
        assert_eq!(row("", "接入平台。", "市数据局"), None);
    }
}
