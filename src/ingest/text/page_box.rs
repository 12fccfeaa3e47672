//! The information box a government web page sets above a document (索引号, 发文字号,
//! 成文日期, 标题 …), read as labels and values however the copy laid it out: a label and
//! its value on one line (`发文字号：东政发〔2023〕5号`), several pairs on a line, a table row
//! (`| 发文字号 | 东政发〔2023〕5号 | 成文日期 | 2023-03-02 |`), or a label on a line of its
//! own with its value on the next. The notice falls back on it for what its own text lacks.

use std::sync::LazyLock;

use regex::Regex;

use super::{Block, PAGE_METADATA_LABELS};

/// Labels a box gives a document's own fields under, beside [`PAGE_METADATA_LABELS`].
pub(super) const FIELD_LABELS: &[&str] = &["标题", "文号", "名称"];

/// A box label where it opens a cell, its characters perhaps spaced (`索 引 号`, `标　　题`),
/// then its colon, if any.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<&str> = PAGE_METADATA_LABELS
        .iter()
        .chain(FIELD_LABELS)
        .copied()
        .collect();
    // Longest first: 发文字号 before 文号, 发布时间 before 发布.
    labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    let spaced: Vec<String> = labels
        .iter()
        .map(|l| {
            let chars: Vec<String> = l.chars().map(|c| c.to_string()).collect();
            chars.join(r"[ \u{3000}]*")
        })
        .collect();
    #[allow(clippy::unwrap_used)] // built from literal labels
    Regex::new(&format!(
        // Or in a bracket of its own: 【颁布日期】2007-02-15.
        r"(?:^|[|｜\t \u{{3000}}【])({})[ \u{{3000}}]*(?:[:：]|】|[|｜\t \u{{3000}}]|$)",
        spaced.join("|")
    ))
    .unwrap()
});

/// What a web page's information box says, and which blocks it took.
#[derive(Debug, Default)]
pub(super) struct PageBox {
    /// Label (its spacing removed, simplified) and value, in the order written.
    fields: Vec<(String, String)>,
    /// Indices of the blocks that are the box's.
    pub blocks: Vec<usize>,
}

impl PageBox {
    /// The value given under the first of `labels` the box has.
    pub fn field(&self, labels: &[&str]) -> Option<&str> {
        labels.iter().find_map(|label| {
            (self.fields.iter())
                .find(|(l, v)| l == label && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }
}

/// Labels of a page's buttons, not of its fields.
const BUTTONS: &[&str] = &["分享到", "分享", "字体"];

/// How far from the top a box may stand: below a headline and a breadcrumb.
const BOX_BLOCKS: usize = 30;

/// Reads the information box among the first blocks: each line that opens with a box label,
/// and the line under a label left without its value.
pub(super) fn page_box(blocks: &[Block]) -> PageBox {
    let mut found = PageBox::default();
    let mut waiting: Option<String> = None;
    for (i, block) in blocks.iter().enumerate().take(BOX_BLOCKS) {
        let simple = crate::base::cjk::simplified_text(&block.text);
        let pairs = labelled_pairs(&simple, &block.text);
        if pairs.is_empty() {
            // The value of a label standing alone on the line above — not a notice's title
            // under a label of something else (【点击量: over 关于印发…的通知).
            if let Some(label) = waiting.take()
                && (label.contains("标题")
                    || label.contains("题目")
                    || label.contains("名称")
                    || !super::notice::is_notice_title(&block.text))
            {
                found.fields.push((label, block.text.trim().to_string()));
                found.blocks.push(i);
            }
            continue;
        }
        waiting = None;
        for (label, value) in pairs {
            // A button's label (分享到：, 【字体：) has its icons after it, never a value on
            // the line below: that line is the document's (its title, perhaps).
            if value.is_empty() && !BUTTONS.contains(&label.as_str()) {
                waiting = Some(label);
            } else {
                found.fields.push((label, value));
            }
        }
        found.blocks.push(i);
    }
    found
}

/// The label-value pairs of a line that opens with a box label (on its simplified text
/// `simple`; values cut from the line as written), else none. A value longer than a title
/// is no box's: the line is text that happens to open with a label's word.
fn labelled_pairs(simple: &str, written: &str) -> Vec<(String, String)> {
    let trimmed = simple.trim_start_matches(['|', '｜', ' ', '\u{3000}', '\t', '【']);
    let offset = simple.len() - trimmed.len();
    let starts: Vec<(usize, usize, String)> = LABEL
        .captures_iter(trimmed)
        .filter_map(|c| {
            let label = c.get(1)?;
            let name: String = label
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            Some((label.start() + offset, c.get(0)?.end() + offset, name))
        })
        .collect();
    if starts.first().is_none_or(|(start, _, _)| *start != offset) {
        return Vec::new();
    }
    // Simplifying keeps every character's length in UTF-8 (one CJK character for one), so
    // the offsets found on `simple` cut `written` at the same places.
    let same_cuts = simple.len() == written.len();
    let source = if same_cuts { written } else { simple };
    let mut pairs = Vec::new();
    for (k, (_, value_start, label)) in starts.iter().enumerate() {
        let value_end = starts.get(k + 1).map_or(source.len(), |next| next.0);
        let value = source
            .get(*value_start..value_end)
            .unwrap_or_default()
            .trim_matches(['|', '｜', ' ', '\u{3000}', '\t', ':', '：']);
        if value.chars().count() > 100 {
            return Vec::new();
        }
        pairs.push((label.clone(), value.to_string()));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> PageBox {
        let lines: Vec<&str> = text.lines().collect();
        page_box(&super::super::blocks(&lines))
    }

    #[test]
    fn reads_a_box_one_cell_a_line() {
        let found = read(
            "索引号：\n0110/2023-00012\n发文字号：\n东政发〔2023〕5号\n标　　题：\n东溪县人民政府关于印发某方案的通知\n\n东溪县人民政府关于印发某方案的通知",
        );
        assert_eq!(
            found.field(&["发文字号", "文号"]),
            Some("东政发〔2023〕5号")
        );
        assert_eq!(
            found.field(&["标题"]),
            Some("东溪县人民政府关于印发某方案的通知")
        );
        assert_eq!(found.blocks, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn reads_pairs_on_a_line_and_table_rows() {
        let found = read(
            "索 引 号：0110/2023-00012　　　　主题分类：综合政务\n发文字号：东政办发〔2023〕7号　　成文日期：2023年03月02日",
        );
        assert_eq!(found.field(&["发文字号"]), Some("东政办发〔2023〕7号"));
        assert_eq!(found.field(&["成文日期"]), Some("2023年03月02日"));
        assert_eq!(found.field(&["主题分类"]), Some("综合政务"));
        let found = read(
            "| 索引号 | 0110/2023-00012 | 发布机构 | 东溪县人民政府办公室 |\n| 标题 | 关于印发某方案的通知 | | |",
        );
        assert_eq!(found.field(&["发布机构"]), Some("东溪县人民政府办公室"));
        assert_eq!(found.field(&["标题"]), Some("关于印发某方案的通知"));
        let found = read("發文字號：東政發〔2023〕5號");
        assert_eq!(found.field(&["发文字号"]), Some("東政發〔2023〕5號"));
    }

    #[test]
    fn text_opening_with_a_labels_word_is_no_box() {
        let found = read("名称对应的项目要在年底前完成，各单位要抓紧。\n标题党现象要整治");
        assert!(found.blocks.is_empty(), "{found:?}");
        assert_eq!(found.field(&["名称"]), None);
    }
}
