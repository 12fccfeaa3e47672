//! What a reposting site adds to a plan's text: pinyin after characters (工(gōng)作, 一(yī)、),
//! put there for its readers, marks a scraper strews, the page's footer (links, 网站标识码,
//! 版权所有) — none of the issuer's words. Taken out before the text is read — they break
//! headings (一(yī)、), 附注 and unit names, or run into the last task — and said, with where.

use std::sync::LazyLock;

use regex::Regex;

use crate::base::diag::{Diagnostic, Location};
use crate::ingest::docx::{Block, Paragraph, WordDocument};

/// Syllables in brackets right after a character, the first with a tone mark: `(gōng)`,
/// `(chǔ lǐ)`.
static PINYIN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"(\p{Han})(?:[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*",
        r"(?: [a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]?[a-zü]*)*)[)）])+"
    ))
    .unwrap()
});

/// Syllables without tone marks in brackets after a character (`人(ren)`, `監(jian)`): an
/// initial, then a final, as pinyin spells them. Only a page full of them is a site's (see
/// [`pinyin_in`]); a few may be a writer's ((a), (i)).
static PLAIN_PINYIN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"(\p{Han})(?:[(（]((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?",
        r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|üe|ve|a|o|e|i|u|ü|v))[)）])+"
    ))
    .unwrap()
});

/// How many plain syllables, and how many different ones, make a page's pinyin.
const FEWEST_PLAIN_SYLLABLES: (usize, usize) = (8, 5);

/// The pinyin a reposting site put after characters in `text`: with tone marks, or — a page
/// full of them — without.
fn pinyin_in(text: &str) -> Option<&'static Regex> {
    if PINYIN.is_match(text) {
        return Some(&PINYIN);
    }
    let mut syllables: Vec<&str> = PLAIN_PINYIN
        .captures_iter(text)
        .filter_map(|c| c.get(2).map(|m| m.as_str()))
        .collect();
    let count = syllables.len();
    syllables.sort_unstable();
    syllables.dedup();
    let (fewest, different) = FEWEST_PLAIN_SYLLABLES;
    (count >= fewest && syllables.len() >= different).then_some(&PLAIN_PINYIN)
}

/// Where the first pinyin a reposting site put after a character stands in `text`.
pub fn find_pinyin(text: &str) -> Option<usize> {
    PINYIN.find(text).map(|m| m.start())
}

/// `text` without the pinyin a reposting site put after its characters, line for line (no
/// line is added or removed, so places stay right), and what is said of it.
pub fn without_pinyin(text: &str, display: &str) -> (String, Option<Diagnostic>) {
    let Some(pinyin) = pinyin_in(text) else {
        return (text.to_string(), None);
    };
    let mut lines: Vec<u32> = Vec::new();
    let mut count = 0;
    let mut example: Option<String> = None;
    let out: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let found = pinyin.find_iter(line).count();
            if found == 0 {
                return line.to_string();
            }
            count += found;
            lines.push(i as u32 + 1);
            if example.is_none() {
                example = pinyin.find(line).map(|m| m.as_str().to_string());
            }
            pinyin.replace_all(line, "$1").into_owned()
        })
        .collect();
    let said = Diagnostic::warning(
        "text/pinyin-removed",
        Location::Line {
            path: display.to_string(),
            line: lines.first().copied().unwrap_or(1),
        },
        format!(
            "转载网站在字后插入的拼音（如「{}」）共 {count} 处，在第 {}行，不是原文的字：已去掉后读取，发布的文件也不印",
            example.unwrap_or_default(),
            lines_named(&lines)
        ),
    )
    .with_hint("如原文确实写有这些拼音，请从原发布机关的网站重新复制");
    (out.join("\n"), Some(said))
}

/// The lines something was taken out of, as a finding names them: every one, so each piece
/// has its place (a long page: the first 40, then 等) — `1、3、5 `.
fn lines_named(lines: &[u32]) -> String {
    let shown: Vec<String> = lines.iter().take(40).map(u32::to_string).collect();
    let more = if lines.len() > 40 { " 等" } else { " " };
    format!("{}{more}", shown.join("、"))
}

/// Marks a scraping site strews through a page's words (办@@公厅@@, 2017年@@7月): a run of
/// one symbol written twice or more, standing against Chinese characters, at least
/// [`FEWEST_MARKS`] times. A symbol Markdown or a document uses (`**`, `--`, `##`, `||`,
/// `……`) is none of them.
static SCRAPE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(r"@{2,}|\${2,}|\^{2,}|&{2,}|¤{2,}|§{2,}|¦{2,}|\?{3,}").unwrap()
});

/// How often a mark must stand in a text to be a site's, not a writer's.
const FEWEST_MARKS: usize = 3;

/// `text` without the marks a scraping site strewed through it (a run of @@ and the like), line for
/// line, and what is said of it.
pub fn without_scrape_marks(text: &str, display: &str) -> (String, Option<Diagnostic>) {
    let by_han = |line: &str, m: regex::Match<'_>| {
        let before = line[..m.start()].chars().next_back();
        let after = line[m.end()..].chars().next();
        [before, after].iter().flatten().any(|c| {
            crate::base::cjk::is_han(*c) || c.is_ascii_digit() || "。，；：、）)".contains(*c)
        })
    };
    let found: Vec<(usize, regex::Match<'_>, bool)> = (text.split('\n').enumerate())
        .flat_map(|(i, line)| {
            SCRAPE_MARK
                .find_iter(line)
                .map(move |m| (i, m, by_han(line, m)))
        })
        .collect();
    let strewn = found.iter().filter(|(_, _, by_han)| *by_han).count();
    // Fewer, a mark is the site's only where no writer would set it: after a name, closing
    // its bracket (执法局&&)).
    let tucked = |line: &str, m: regex::Match<'_>| {
        let before = line[..m.start()].chars().next_back();
        let after = line[m.end()..].chars().next();
        before.is_some_and(crate::base::cjk::is_han) && matches!(after, Some(')' | '）'))
    };
    let lines_of: Vec<&str> = text.split('\n').collect();
    let found: Vec<(usize, regex::Match<'_>, bool)> = if strewn < FEWEST_MARKS {
        found
            .into_iter()
            .filter(|(i, m, _)| tucked(lines_of[*i], *m))
            .collect()
    } else {
        found
    };
    if found.is_empty() {
        return (text.to_string(), None);
    }
    let example = found[0].1.as_str().to_string();
    let mut lines: Vec<u32> = found.iter().map(|(i, _, _)| *i as u32 + 1).collect();
    lines.dedup();
    let out: Vec<String> = (lines_of.iter().enumerate())
        .map(|(i, line)| {
            let mut out = line.to_string();
            // Right to left, so earlier places stay where they were.
            for (_, m, _) in found.iter().rev().filter(|(at, _, _)| *at == i) {
                out.replace_range(m.range(), "");
            }
            out
        })
        .collect();
    let said = Diagnostic::warning(
        "text/marks-removed",
        Location::Line {
            path: display.to_string(),
            line: lines[0],
        },
        format!(
            "原文夹有网站抓取留下的杂字「{example}」，共 {} 处，在第 {}行，不是原文的字：已去掉后读取，发布的文件也不印",
            found.len(),
            lines_named(&lines)
        ),
    )
    .with_hint("请从原发布机关的网站重新复制原文，或核对去掉杂字后的文字");
    (out.join("\n"), Some(said))
}

/// Takes the pinyin a reposting site put after characters out of every paragraph, text box
/// and table cell of a Word document, as [`without_pinyin`] does for a text, and says where.
pub fn strip_from_word(word: &mut WordDocument, display: &str) -> Option<Diagnostic> {
    let mut found = Found::default();
    for block in &mut word.blocks {
        match block {
            Block::Paragraph(p) => found.paragraph(p),
            Block::Table(table) => {
                for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                    let before = found.count;
                    found.strip(&mut cell.text);
                    strip_quietly(&mut cell.items);
                    if found.count > before && !found.tables.contains(&table.index) {
                        found.tables.push(table.index);
                    }
                }
            }
        }
    }
    for p in &mut word.text_boxes {
        found.paragraph(p);
    }
    found.said(display)
}

/// Takes the pinyin a reposting site put after characters out of a sheet's cells (`rows`,
/// `place` naming a cell), and says how many and where the first was.
pub fn strip_from_cells(
    rows: &mut [Vec<String>],
    place: impl Fn(usize, usize) -> Location,
) -> Option<Diagnostic> {
    let mut found = Found::default();
    let mut cells = 0;
    let mut first = None;
    for (r, row) in rows.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            let before = found.count;
            found.strip(cell);
            if found.count > before {
                cells += 1;
                first.get_or_insert((r, c));
            }
        }
    }
    let (example, (r, c)) = (found.example?, first?);
    Some(
        Diagnostic::warning(
            "text/pinyin-removed",
            place(r, c),
            format!(
                "转载网站在字后插入的拼音（如「{example}」）共 {} 处，在 {cells} 个单元格中（第一处在此），不是原文的字：已去掉后读取，发布的文件也不印",
                found.count
            ),
        )
        .with_hint("如原文确实写有这些拼音，请从原发布机关的网站重新复制"),
    )
}

/// What [`strip_from_word`] took out: how many, an example, and from where.
#[derive(Default)]
struct Found {
    count: usize,
    example: Option<String>,
    paragraphs: Vec<usize>,
    tables: Vec<usize>,
}

impl Found {
    fn paragraph(&mut self, p: &mut Paragraph) {
        let before = self.count;
        self.strip(&mut p.text);
        if let Some(lead) = p.bold_lead.as_mut() {
            strip_quietly(lead);
        }
        if self.count > before {
            self.paragraphs.push(p.index);
        }
    }

    fn strip(&mut self, text: &mut String) {
        let found = PINYIN.find_iter(text).count();
        if found == 0 {
            return;
        }
        self.count += found;
        if self.example.is_none() {
            self.example = PINYIN.find(text).map(|m| m.as_str().to_string());
        }
        strip_quietly(text);
    }

    fn said(self, display: &str) -> Option<Diagnostic> {
        let example = self.example?;
        let mut places: Vec<String> = Vec::new();
        if !self.paragraphs.is_empty() {
            let shown: Vec<String> = self
                .paragraphs
                .iter()
                .take(40)
                .map(usize::to_string)
                .collect();
            let more = if self.paragraphs.len() > 40 {
                " 等"
            } else {
                " "
            };
            places.push(format!("第 {}{more}段", shown.join("、")));
        }
        if !self.tables.is_empty() {
            let shown: Vec<String> = self.tables.iter().map(|t| format!("表{t}")).collect();
            places.push(shown.join("、"));
        }
        let place = match self.paragraphs.first() {
            Some(first) => Location::paragraph(display, *first as u32),
            None => Location::file(display),
        };
        Some(
            Diagnostic::warning(
                "text/pinyin-removed",
                place,
                format!(
                    "转载网站在字后插入的拼音（如「{example}」）共 {} 处，在{}，不是原文的字：已去掉后读取，发布的文件也不印",
                    self.count,
                    places.join("和")
                ),
            )
            .with_hint("如原文确实写有这些拼音，请从原发布机关的网站重新复制"),
        )
    }
}

fn strip_quietly(text: &mut String) {
    if PINYIN.is_match(text) {
        *text = PINYIN.replace_all(text, "$1").into_owned();
    }
}

/// What marks a web site's own footer: its registrations (网站标识码, ICP备, 公网安备), its
/// copyright, who runs it (主办：…承办：…), the browser it asks for.
static SITE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // literal pattern
    Regex::new(concat!(
        r"网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|©|技术支持[:：]|",
        r"主办[:：].{0,30}承办[:：]|建议使用.{0,40}浏览器|网站地图"
    ))
    .unwrap()
});

/// The most lines a site's footer runs to: more after a footer's mark is the document's.
const MOST_FOOTER_LINES: usize = 12;

/// The fewest short lines above a footer that make its row of links (各区政府 / 市政府部门 /
/// 新闻媒体 / 其他): one or two short lines may be a table's last cells.
const FEWEST_LINKS: usize = 3;

/// `text` with the footer a web page ends on left out — its links, registrations and
/// copyright, none of the document's words — line for line (each line is left empty, so
/// places stay right), and what is said of it.
pub fn without_site_footer(text: &str, display: &str) -> (String, Option<Diagnostic>) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    // The footer's first mark, with only a footer's few short lines after it.
    let Some(at) = filled.iter().position(|&i| SITE_FOOTER.is_match(lines[i])) else {
        return (text.to_string(), None);
    };
    let after = &filled[at..];
    let footer_like = |i: &usize| lines[*i].chars().count() <= 120 && !lines[*i].contains('。');
    if after.len() > MOST_FOOTER_LINES || !after.iter().all(footer_like) {
        return (text.to_string(), None);
    }
    let links = filled[..at]
        .iter()
        .rev()
        .take_while(|&&i| is_link(lines[i]))
        .count();
    let from = if links >= FEWEST_LINKS {
        at - links
    } else {
        at
    };
    let left_out: Vec<u32> = filled[from..].iter().map(|&i| i as u32 + 1).collect();
    let first = filled[from];
    let shown = crate::base::cjk::excerpt(lines[filled[at]].trim());
    for &i in &filled[from..] {
        lines[i] = "";
    }
    let said = Diagnostic::note(
        "source/unused",
        Location::Line {
            path: display.to_string(),
            line: first as u32 + 1,
        },
        format!(
            "第 {}行是网页的页脚（栏目链接、「{shown}」等），不是原文：未读入",
            lines_named(&left_out)
        ),
    );
    (lines.join("\n"), Some(said))
}

/// A link of a site's footer: a few characters, no mark, no figure.
fn is_link(line: &str) -> bool {
    let line = line.trim();
    (2..=8).contains(&line.chars().count()) && line.chars().all(crate::base::cjk::is_han)
}

/// `text` with the question marks a page's copy left where its indents and blank lines were
/// (a full-width space the copy could not encode: `?` alone on a line, `?????? 泰州市人民
/// 政府办公室`) taken out, line for line, and what is said of it. A `?` among words stays.
pub fn without_lost_spaces(text: &str, display: &str) -> (String, Option<Diagnostic>) {
    let mut lines_changed = Vec::new();
    let out: Vec<&str> = (text.split('\n').enumerate())
        .map(|(i, line)| {
            let body = line.trim_start();
            let rest = body.trim_start_matches(['?', '？']);
            let lost = rest.len() < body.len()
                && body.starts_with('?')
                && (rest.is_empty() || rest.starts_with(char::is_whitespace));
            if lost {
                lines_changed.push(i as u32 + 1);
                rest.trim_start()
            } else {
                line
            }
        })
        .collect();
    let Some(&first) = lines_changed.first() else {
        return (text.to_string(), None);
    };
    let said = Diagnostic::note(
        "text/marks-removed",
        Location::Line {
            path: display.to_string(),
            line: first,
        },
        format!(
            "第 {}行行首的「?」是复制网页时缩进和空行变成的问号，不是原文的字：已去掉后读取",
            lines_named(&lines_changed)
        ),
    );
    (out.join("\n"), Some(said))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_footer_and_the_links_over_it_are_left_out_line_for_line() {
        let text = "2\n加强惠企政策公开。\n市工信局\n2021年9月底前\n各区政府\n市政府部门\n\
                    新闻媒体\n其他\n网站标识码 3502000001\n版权所有:©厦门市人民政府";
        let (out, said) = without_site_footer(text, "t.txt");
        assert_eq!(
            out,
            "2\n加强惠企政策公开。\n市工信局\n2021年9月底前\n\n\n\n\n\n"
        );
        let said = said.unwrap();
        assert_eq!(said.location.line_no(), Some(5));
        assert!(
            said.message.contains("第 5、6、7、8、9、10 行"),
            "{}",
            said.message
        );
        // Two short lines over the mark may be a table's last cells: kept.
        let text = "1\n整治河道。\n县水利局\n长期坚持\n网站标识码 3502000001";
        let (out, _) = without_site_footer(text, "t.txt");
        assert_eq!(out, "1\n整治河道。\n县水利局\n长期坚持\n");
        // A mark with the document going on after it is the document's words.
        let text = "版权所有的作品登记。\n一、主要任务\n1.加强版权保护。（县文旅局牵头）";
        assert_eq!(without_site_footer(text, "t.txt").0, text);
    }

    #[test]
    fn question_marks_left_for_indents_are_taken_out_but_not_a_question() {
        let text = "?\n?????? 泰州市人民政府办公室\n为什么要改？\n是否完成?是";
        let (out, said) = without_lost_spaces(text, "t.txt");
        assert_eq!(out, "\n泰州市人民政府办公室\n为什么要改？\n是否完成?是");
        assert!(said.unwrap().message.contains("第 1、2 行"));
    }

    #[test]
    fn a_scrapers_marks_strewn_through_the_words_are_taken_out_line_for_line() {
        let text = "某县人民政府办@@公室@@\n\n2024年@@3月@@1日@@\n邮箱：ab@163.com";
        let (out, said) = without_scrape_marks(text, "t.txt");
        assert_eq!(out, "某县人民政府办公室\n\n2024年3月1日\n邮箱：ab@163.com");
        let said = said.unwrap();
        assert!(
            said.message.contains("共 5 处，在第 1、3 行"),
            "{}",
            said.message
        );
        // Twice is a writer's: left as written.
        let (out, said) = without_scrape_marks("甲@@乙\n丙@@丁", "t.txt");
        assert_eq!(out, "甲@@乙\n丙@@丁");
        assert!(said.is_none());
        // Alone, a mark closing a name's bracket is the site's.
        let (out, said) = without_scrape_marks("加强信息公开。(执法局&&)", "t.txt");
        assert_eq!(out, "加强信息公开。(执法局)");
        assert!(said.is_some());
    }

    #[test]
    fn pinyin_after_characters_is_taken_out_and_said() {
        let text = "(此件公開(kāi)發布)\n一(yī)、實施創新驅動發展戰略\n1.研究與試驗發展(R&D)經費增長(10%)。";
        let (out, said) = without_pinyin(text, "a.txt");
        assert_eq!(
            out,
            "(此件公開發布)\n一、實施創新驅動發展戰略\n1.研究與試驗發展(R&D)經費增長(10%)。"
        );
        let said = said.unwrap();
        assert!(
            said.message.contains("共 2 处，在第 1、2 行"),
            "{}",
            said.message
        );
        assert!(said.message.contains("「開(kāi)」"), "{}", said.message);
        // Two syllables after the second character.
        let (out, _) = without_pinyin("推进污水处理(chǔ lǐ)。", "a.txt");
        assert_eq!(out, "推进污水处理。");
        // No tone mark, no pinyin: (a), (R&D) stay.
        assert!(without_pinyin("措施(a)和(b)", "a.txt").1.is_none());
    }

    #[test]
    fn a_page_full_of_plain_syllables_is_a_sites_pinyin() {
        let text = "農業農村部 最高人(ren)民法院(yuan)\n工業和(he)信息化部 公(gong)安(an)部\n\
                    國家市場(chang)監(jian)督管理總局(ju)(ju)\n";
        let (out, said) = without_pinyin(text, "a.txt");
        assert_eq!(
            out,
            "農業農村部 最高人民法院\n工業和信息化部 公安部\n國家市場監督管理總局\n"
        );
        assert!(said.unwrap().message.contains("共 8 处"));
        // A few letters in brackets are a writer's: (a), (e), (an) stay.
        let text = "措施(a)和(e)、方案(an)。";
        assert!(without_pinyin(text, "a.txt").1.is_none());
    }
}
