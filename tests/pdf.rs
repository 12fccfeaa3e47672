//! The PDFs as a user and a proof-reader see them: every character comes back from pdftotext,
//! every font is embedded and subset, qpdf finds nothing wrong, and the notice's geometry is the
//! GB/T 9704 one (measured with pdfplumber). Needs poppler-utils, qpdf and the Python package
//! pdfplumber; `.ci/run` installs them.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

/// One publish of the seed shared by the tests of this file.
fn published() -> &'static Path {
    published_seed()
}

fn output(name: &str) -> PathBuf {
    published().join("output").join(name)
}

/// Text without any whitespace, OCR spaces and line breaks alike, and without the page
/// numbers ("— 7 —") that stand between the last line of a page and the first of the next.
fn flat(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let t = l.trim();
            !(t.starts_with('—')
                && t.ends_with('—')
                && t.trim_matches(['—', ' '])
                    .chars()
                    .all(|c| c.is_ascii_digit()))
        })
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn seed_model() -> Value {
    serde_json::from_slice(&std::fs::read(output("plan.json")).unwrap()).unwrap()
}

#[test]
fn every_task_comes_back_from_pdftotext() {
    let model = seed_model();
    for file in ["任务分工表.pdf", "通知.pdf"] {
        let path = output(file);
        let text = flat(&run("pdftotext", &["-raw", path.to_str().unwrap(), "-"]));
        for task in model["tasks"].as_array().unwrap() {
            let content = flat(task["content"].as_str().unwrap());
            assert!(
                text.contains(&content),
                "{file}: task {} lost: {content}",
                task["no"]
            );
            let units = flat(task["units_display"].as_str().unwrap());
            assert!(
                text.contains(&units),
                "{file}: units of task {} lost: {units}",
                task["no"]
            );
        }
    }
}

#[test]
fn the_notice_carries_every_word_of_the_source() {
    let model = seed_model();
    let path = output("通知.pdf");
    let text = flat(&run("pdftotext", &["-raw", path.to_str().unwrap(), "-"]));
    let notice = &model["notice"];
    for key in ["issuer", "doc_number", "title"] {
        let want = flat(notice[key].as_str().unwrap());
        assert!(text.contains(&want), "{key}: {want}");
    }
    assert!(text.contains("各相关单位，各街镇："));
    for paragraph in notice["body"].as_array().unwrap() {
        assert!(text.contains(&flat(paragraph["text"].as_str().unwrap())));
    }
    for section in model["sections"].as_array().unwrap() {
        assert!(text.contains(&flat(section["title"].as_str().unwrap())));
        for group in section["groups"].as_array().unwrap() {
            // The prose, 疁 included (FandolFang lacks it: it comes from the fallback face).
            let body = flat(group["text"].as_str().unwrap());
            assert!(text.contains(&body), "group {} lost", group["title"]);
        }
    }
    assert!(text.contains("心疁在线"));
}

#[test]
fn fonts_are_embedded_and_subset() {
    for file in ["任务分工表.pdf", "通知.pdf"] {
        let path = output(file);
        let listing = run("pdffonts", &[path.to_str().unwrap()]);
        let rows: Vec<&str> = listing.lines().skip(2).collect();
        assert!(rows.len() >= 3, "{listing}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            // … emb sub uni object ID
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{file}: {row}");
            assert!(cols[0].contains('+'), "{file}: not a subset name: {row}");
        }
    }
}

#[test]
fn qpdf_finds_nothing_wrong() {
    for file in ["任务分工表.pdf", "通知.pdf"] {
        let path = output(file);
        let out = run("qpdf", &["--check", path.to_str().unwrap()]);
        assert!(
            out.contains("No syntax or stream encoding errors"),
            "{file}: {out}"
        );
    }
}

#[test]
fn pdfa_metadata_and_bookmarks() {
    let path = output("通知.pdf");
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("关于印发《嘉定区推进儿童友好城区建设2025年重点工作安排》的通知"));
    assert!(info.contains("上海市嘉定区发展和改革委员会"));
    let bytes = std::fs::read(&path).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("pdfaid:part"), "no PDF/A identification");
    assert!(raw.contains("/Outlines"), "no bookmarks");
    let table = output("任务分工表.pdf");
    let info = run("pdfinfo", &[table.to_str().unwrap()]);
    assert!(
        info.contains("841.89 x 595.276"),
        "table is not A4 landscape: {info}"
    );
}

fn measure() -> Value {
    let script = root().join("tests/tools/measure_pdf.py");
    let path = output("通知.pdf");
    let json = run(
        "python3",
        &[script.to_str().unwrap(), path.to_str().unwrap()],
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_notice_sits_on_the_gbt9704_grid() {
    let m = measure();
    let pages = m["pages"].as_array().unwrap();
    let f = |v: &Value| v.as_f64().unwrap();
    let mut full_pages = 0;
    let mut full_lines = 0;
    // The lines of the prose pages in reading order, across page breaks.
    let mut prose_lines: Vec<&Value> = Vec::new();
    for page in pages {
        assert!((f(&page["width_mm"]) - 210.0).abs() < 0.1);
        let lines = page["body_lines"].as_array().unwrap();
        let prose = lines
            .iter()
            .all(|l| l["sizes"] == serde_json::json!([16.0]));
        if !prose || lines.is_empty() {
            continue; // table pages are 小四
        }
        // Never more than 22 lines; full pages have exactly 22.
        let count = page["text_lines"].as_u64().unwrap();
        assert!(count <= 22, "page {} has {count} lines", page["number"]);
        if count == 22 {
            full_pages += 1;
        }
        prose_lines.extend(lines);
    }
    let source = seed_text();
    for (i, line) in prose_lines.iter().enumerate() {
        let text = line["text"].as_str().unwrap();
        let wide_only = text.chars().all(|c| !c.is_ascii());
        let chars = line["chars"].as_u64().unwrap();
        // Left edge of text at 28 mm (or indented from it), never past the right edge.
        assert!(f(&line["x0_mm"]) > 27.9, "{text}");
        assert!(f(&line["x1_mm"]) < 184.1, "{text} runs past the 版心");
        if !wide_only {
            continue;
        }
        assert!(chars <= 28, "{chars} characters: {text}");
        let starts_at_edge = (f(&line["x0_mm"]) - 28.0).abs() < 0.1;
        let ends_at_edge = (f(&line["x1_mm"]) - 184.0).abs() < 0.2;
        // A full line holds 28 characters, or fewer when what came next could not be split:
        // a character with the punctuation after it (no line starts with ，。、…: 禁则), or a
        // number or Latin word (0-6, 2025) wider than the space left, or an opening bracket
        // (no line ends with （《“…), or a space the source writes there (a slogan's halves:
        // “红色小象 星光灿烂”), where the line breaks.
        let tail: String = (text
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev())
        .collect();
        let at_a_space = source.contains(&format!("{tail} "));
        let next = prose_lines
            .get(i + 1)
            .and_then(|l| l["text"].as_str())
            .unwrap_or("");
        let pushed = next
            .chars()
            .nth(1)
            .is_some_and(|c| "，。、；：？！）》」』”’".contains(c))
            || next
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || "（《「『“‘〔【".contains(c));
        if starts_at_edge && ends_at_edge {
            assert!(
                chars == 28 || (chars >= 26 && (pushed || at_a_space)),
                "a full line of {chars}: {text}"
            );
            full_lines += usize::from(chars == 28);
        }
    }
    assert!(full_pages >= 5, "only {full_pages} pages with 22 lines");
    assert!(full_lines >= 50, "only {full_lines} full lines");

    // Page numbers: 4号 宋体 "— N —", 7 mm below the 版心; odd pages right, even left, one 字
    // (14 pt = 4.94 mm) in from the edge.
    for page in pages {
        let number = page["number"].as_u64().unwrap();
        let pn = &page["page_number"];
        assert_eq!(pn["text"].as_str().unwrap(), format!("—{number}—"));
        assert_eq!(f(&pn["size"]), 14.0);
        assert!(pn["font"].as_str().unwrap().contains("NotoSerifSC-Regular"));
        let baseline = f(&pn["baseline_mm"]);
        assert!(
            (269.0..=272.5).contains(&baseline),
            "page {number} number at {baseline} mm"
        );
        if number % 2 == 1 {
            assert!(
                (f(&pn["x1_mm"]) - (184.0 - 4.939)).abs() < 0.2,
                "odd page {number}"
            );
        } else {
            assert!(
                (f(&pn["x0_mm"]) - (28.0 + 4.939)).abs() < 0.2,
                "even page {number}"
            );
        }
    }
}

#[test]
fn source_date_epoch_sets_the_date_and_bytes_repeat() {
    let dir = project(&[("嘉发改〔2025〕14号.md", seed_text().as_bytes())]);
    let publish = |out: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_fengong"))
            .args(["publish", "input", "-o", out])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", "1741132800") // 2025-03-05
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read(dir.path().join(out).join("通知.pdf")).unwrap()
    };
    let (a, b) = (publish("a"), publish("b"));
    assert_eq!(a, b);
    let info = run(
        "pdfinfo",
        &[dir.path().join("a/通知.pdf").to_str().unwrap()],
    );
    assert!(info.contains("Mar  5 00:00:00 2025"), "{info}");
}

#[test]
fn the_notice_head_is_where_the_standard_puts_it() {
    let m = measure();
    let first = &m["pages"][0];
    let f = |v: &Value| v.as_f64().unwrap();
    const MM: f64 = 72.0 / 25.4;
    // 发文机关标志: red, centred, its top edge 35 mm below the 版心 top (72 mm from the page top),
    // within the 版心's 156 mm.
    let mark = &first["largest_text"];
    assert_eq!(mark["text"], "上海市嘉定区发展和改革委员会");
    assert_eq!(mark["color"], serde_json::json!([1.0, 0.0, 0.0]));
    let em_top = f(&mark["baseline_mm"]) - 0.88 * f(&mark["size"]) / MM;
    assert!((em_top - 72.0).abs() < 0.2, "mark top at {em_top} mm");
    assert!(f(&mark["x0_mm"]) >= 27.9 && f(&mark["x1_mm"]) <= 184.1);
    // 发文字号 in 六角括号, centred on the 版心.
    let lines = first["body_lines"].as_array().unwrap();
    let number = lines
        .iter()
        .find(|l| l["text"] == "嘉发改〔2025〕14号")
        .expect("文号");
    let centre = (f(&number["x0_mm"]) + f(&number["x1_mm"])) / 2.0;
    assert!((centre - 106.0).abs() < 0.3, "文号 centred at {centre}");
    // The red rule: the 版心's width, 4 mm below the 文号's em box.
    let rules = first["rules"].as_array().unwrap();
    let red = rules
        .iter()
        .find(|r| r["color"] == serde_json::json!([1.0, 0.0, 0.0]))
        .expect("red rule");
    assert!((f(&red["x0_mm"]) - 28.0).abs() < 0.1 && (f(&red["x1_mm"]) - 184.0).abs() < 0.1);
    let number_bottom = f(&number["baseline_mm"]) + 0.12 * 16.0 / MM;
    assert!(
        (f(&red["y_mm"]) - number_bottom - 4.0).abs() < 0.2,
        "rule at {}",
        red["y_mm"]
    );
}

/// A Markdown list item's text as the PDF prints it: the marker gone, escapes and emphasis
/// marks removed, no whitespace.
fn list_item(line: &str) -> Option<String> {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = if digits > 0 && t[digits..].starts_with(". ") {
        &t[digits + 2..]
    } else {
        t.strip_prefix("- ").or_else(|| t.strip_prefix("* "))?
    };
    let mut out = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '*' => {}
            c => out.push(c),
        }
    }
    Some(flat(&out))
}

/// The layout used to drop lists: 评估报告 "七、评估口径" printed its heading and nothing, the
/// packets' "五、存在问题" were empty. Every list item of every Markdown output is now in its
/// PDF, and every packet says something under 五、存在问题.
#[test]
fn every_list_item_reaches_the_pdf() {
    // The shipped input with its sample returns: the evaluations are what have lists.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let run_it = fengong(&root(), &["publish", "input", "-o", out.to_str().unwrap()]);
    assert!(run_it.status.success(), "{}", stderr(&run_it));
    let mut items = 0;
    for entry in walkdir::WalkDir::new(&out).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") || !path.with_extension("pdf").exists() {
            continue;
        }
        let md = std::fs::read_to_string(path).unwrap();
        let pdf = path.with_extension("pdf");
        let text = flat(&run("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]));
        for item in md.lines().filter_map(list_item) {
            assert!(text.contains(&item), "{}: «{item}» missing", pdf.display());
            items += 1;
        }
    }
    assert!(items >= 16, "only {items} list items looked at");
    let packets = out.join("评估/2025-年度/考核材料");
    let mut with_problems = 0;
    for entry in std::fs::read_dir(&packets).unwrap().flatten() {
        // The packets' Word twins are tests/word.rs's business.
        if entry.path().extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let text = run("pdftotext", &["-raw", entry.path().to_str().unwrap(), "-"]);
        let section = text
            .split("五、存在问题")
            .nth(1)
            .and_then(|rest| rest.split("六、").next())
            .unwrap_or_default();
        let said: String = section
            .lines()
            .filter(|l| !l.trim().starts_with('—'))
            .collect();
        assert!(
            !flat(&said).is_empty(),
            "{}: 五、存在问题 is empty",
            entry.path().display()
        );
        with_problems += usize::from(said.contains("第"));
    }
    assert!(
        with_problems >= 4,
        "only {with_problems} packets list problems"
    );
}

/// Unit names are never broken across lines where a break between names fits (区妇工委/办,
/// 区规划/资源局 were split): every name is counted as often in the text with its line breaks
/// as without them. Unit sheets are landscape, so 2025年12月31日 sits on one line.
#[test]
fn unit_names_stay_whole_and_unit_sheets_are_landscape() {
    let plan = seed_model();
    let names: Vec<String> = plan["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect();
    for pdf in ["任务分工表.pdf", "任务单/南翔镇.pdf", "任务单/区教育局.pdf"] {
        let path = output(pdf);
        let raw = run("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
        let lines: Vec<&str> = raw.lines().collect();
        let joined = flat(&raw);
        for name in &names {
            let whole = lines
                .iter()
                .map(|l| flat(l).matches(name.as_str()).count())
                .sum::<usize>();
            let all = joined.matches(name.as_str()).count();
            assert_eq!(whole, all, "{pdf}: {name} broken across lines");
        }
    }
    let info = run("pdfinfo", &[output("任务单/南翔镇.pdf").to_str().unwrap()]);
    assert!(info.contains("841.89 x 595.276"), "{info}");
    let layout = run(
        "pdftotext",
        &[
            "-layout",
            output("任务单/南翔镇.pdf").to_str().unwrap(),
            "-",
        ],
    );
    assert!(layout.contains("2025年12月31日"), "the deadline is broken");
}

/// A column name that wraps in a narrow header cell does so between its words and in even
/// halves (责任/类型, not 责任类/型 with one character left on a line of its own; 其他责任/单位,
/// not 其他责/任单位).
#[test]
fn wrapped_column_names_break_evenly() {
    let path = output("任务单/华亭镇.pdf");
    let raw = run("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
    let lines: Vec<String> = raw.lines().map(flat).collect();
    let mut wrapped = 0;
    for name in [
        "责任类型",
        "其他责任单位",
        "完成时限",
        "量化目标",
        "主要事项",
        "任务内容",
    ] {
        for pair in lines.windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            let Some(rest) = name.strip_prefix(first.as_str()) else {
                continue;
            };
            if first.is_empty() || rest.is_empty() || !second.starts_with(rest) {
                continue;
            }
            wrapped += 1;
            let (a, b) = (first.chars().count(), rest.chars().count());
            // The names are two-character words: a break after an odd count is inside one.
            assert!(a % 2 == 0, "{name} wrapped inside a word as {first}/{rest}");
            assert!(a.abs_diff(b) <= 2, "{name} wrapped as {first}/{rest}");
        }
    }
    assert!(
        wrapped > 0,
        "no column name wraps on this sheet: the test sees nothing"
    );
}

/// The seed's notice has no 成文日期: the PDF prints the placeholder to write it in by hand
/// (it printed nothing), below the 署名, as the Markdown does.
#[test]
fn a_notice_without_a_date_prints_the_placeholder() {
    let text = run(
        "pdftotext",
        &["-layout", output("通知.pdf").to_str().unwrap(), "-"],
    );
    let lines: Vec<&str> = text.lines().collect();
    let signer = lines
        .iter()
        .rposition(|l| l.trim() == "上海市嘉定区发展和改革委员会")
        .expect("the 署名");
    let next = lines[signer + 1].trim();
    let bare: String = next.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(bare, "年月日", "«{next}»");
}

/// A 版记 configured in `[notice]` is printed at the foot of an even page after the
/// attachment, its last rule on the 版心's bottom edge (262 mm), the page not numbered.
#[test]
fn the_imprint_sits_on_the_foot_of_an_even_page() {
    let config = seed_config().replacen(
        "[notice]\n",
        "[notice]\ncopy_to = \"区委办公室，区政府办公室\"\nprinted_by = \"上海市嘉定区发展和改革委员会办公室\"\nprinted_on = \"2025年3月6日\"\n",
        1,
    );
    assert!(
        config.contains("copy_to"),
        "the seed config has a [notice] table"
    );
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", seed_text().as_bytes()),
        ("fengong.toml", config.as_bytes()),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("output/通知.pdf");
    let script = r#"
import pdfplumber, sys
with pdfplumber.open(sys.argv[1]) as pdf:
    last = pdf.pages[-1]
    mm = 72 / 25.4
    rules = sorted(round(l["top"] / mm, 1) for l in last.lines + last.edges
                   if abs(l["top"] - l["bottom"]) < 0.5)
    print(len(pdf.pages), rules[-1] if rules else 0)
    print(last.extract_text() or "")
"#;
    let run = Command::new("python3")
        .args(["-c", script, pdf.to_str().unwrap()])
        .output()
        .expect("python3 with pdfplumber");
    let said = String::from_utf8_lossy(&run.stdout);
    let mut lines = said.lines();
    let first: Vec<f32> = lines
        .next()
        .unwrap()
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(first[0] as usize % 2, 0, "the 版记 page is even");
    assert!(
        (first[1] - 262.0).abs() < 0.5,
        "last rule at {} mm",
        first[1]
    );
    let text: String = lines.collect::<Vec<_>>().join("\n");
    assert!(text.contains("抄送：区委办公室，区政府办公室。"), "{text}");
    assert!(text.contains("2025年3月6日印发"), "{text}");
    // Alone on its page it has no page number; sharing the page with the table it keeps it.
    let alone = !text.contains("序号");
    assert_eq!(
        text.contains('—'),
        !alone,
        "page number on the 版记 page: {text}"
    );
}

/// The seed notice's closing block (特此通知, 附件说明, 署名, 日期) did not fit in the four lines
/// left on page 1 and moved to page 2; the notice's lines are now set closer (7.3.5.5), so
/// page 1 holds it and page 2 is the attachment.
#[test]
fn the_closing_block_stays_with_the_notice() {
    let first = run(
        "pdftotext",
        &[
            "-f",
            "1",
            "-l",
            "1",
            "-raw",
            output("通知.pdf").to_str().unwrap(),
            "-",
        ],
    );
    let first = flat(&first);
    for part in ["特此通知", "附件：", "上海市嘉定区发展和改革委员会年月日"]
    {
        assert!(first.contains(part), "page 1 lacks {part}: {first}");
    }
    let second = run(
        "pdftotext",
        &[
            "-f",
            "2",
            "-l",
            "2",
            "-raw",
            output("通知.pdf").to_str().unwrap(),
            "-",
        ],
    );
    assert!(
        flat(&second).starts_with("附件"),
        "page 2 starts the attachment: {second}"
    );
}

/// 沁县's notice lists three attachments: the 附件说明 and the 署名 did not fit under the
/// body, so the list was split over two pages and page 2 held its last line, the 署名 and
/// the date with no body text (7.3.5.5 forbids it). The body's last lines go over with
/// them: the list is whole, on the page of the signature, with body text; the Word file
/// keeps the body's last paragraph with them too.
#[test]
fn the_attachment_list_and_signature_share_a_page_with_body_text() {
    let dir = published_fixture("notices/three_attachments.md");
    let pdf = dir.path().join("output/通知.pdf");
    let (_, first) = page_words(&pdf, 1);
    let (text, second) = page_words(&pdf, 2);
    assert!(
        !first.contains("附件：") && second.contains("附件：.沁县年政府工作报告"),
        "the list is split or not with the signature: {first} / {second}"
    );
    // (Page words are without digits.)
    for part in [
        ".沁县年主要经济指标",
        ".沁县年民生实事",
        "沁县人民政府办公室年月日",
    ] {
        assert!(second.contains(part), "page 2 lacks {part}: {text}");
    }
    assert!(
        second.contains("请认真贯彻落实"),
        "no body text on the signature's page: {text}"
    );
    // Word: the body's last paragraph (four lines) is kept with the list.
    let bytes = std::fs::read(dir.path().join("output/通知.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let body = xml.find("经县人民政府同意").unwrap();
    let opening = xml[..body].rfind("<w:p>").unwrap();
    assert!(
        xml[opening..body].contains("<w:keepNext/>"),
        "the body's last paragraph is not kept with the list"
    );
}

/// A joint 版头 and a title of three lines leave room under the 主送 for less than the body's
/// one paragraph (two lines), the 附件说明 and two 署名: the paragraph went over whole and
/// page 1 held no body text. Its first line stays under the 主送, its last goes over with
/// the closing block; in the Word file the paragraph may leave one line on each page.
#[test]
fn a_one_paragraph_body_under_a_tall_head_starts_on_the_first_page() {
    let dir = published_fixture("printed/joint_notice_note_under_table.txt");
    let pdf = dir.path().join("output/通知.pdf");
    let (text, first) = page_words(&pdf, 1);
    assert!(first.contains("已经区委"), "no body text on page 1: {text}");
    let (text, second) = page_words(&pdf, 2);
    for part in [
        "请结合实际认真抓好落实",
        "附件：",
        "厦门市湖里区人民政府办公室",
    ] {
        assert!(second.contains(part), "page 2 lacks {part}: {text}");
    }
    let bytes = std::fs::read(dir.path().join("output/通知.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let body = xml.find("已经区委").unwrap();
    let opening = xml[..body].rfind("<w:p>").unwrap();
    assert!(
        xml[opening..body].contains(r#"<w:keepNext/><w:widowControl w:val="0"/>"#),
        "the body's one paragraph may not split: {}",
        &xml[opening..body]
    );
    assert_eq!(xml.matches("<w:widowControl").count(), 1);
}

/// A notice whose text fills its last page gets its 版记 on a page of its own, even and
/// unnumbered, a blank page before it unnumbered too (the inline fixture: two pages of
/// text, the 版记 on the fourth).
#[test]
fn an_imprint_alone_on_its_page_is_not_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    let fixture = root().join("tests/fixtures/inline");
    for entry in std::fs::read_dir(&fixture).unwrap().flatten() {
        std::fs::copy(entry.path(), input.join(entry.file_name())).unwrap();
    }
    let config = std::fs::read_to_string(input.join("fengong.toml")).unwrap();
    let imprint = "copy_to = \"区委办公室\"\nprinted_by = \"青浦区发展和改革委员会办公室\"\nprinted_on = \"2026年2月1日\"\n";
    let config = if config.contains("[notice]\n") {
        config.replacen("[notice]\n", &format!("[notice]\n{imprint}"), 1)
    } else {
        format!("{config}\n[notice]\n{imprint}")
    };
    std::fs::write(input.join("fengong.toml"), config).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("output/通知.pdf");
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert_eq!(pages % 2, 0, "{info}");
    let last = pages.to_string();
    let text = run(
        "pdftotext",
        &[
            "-f",
            &last,
            "-l",
            &last,
            "-layout",
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert!(text.contains("抄送：区委办公室。"), "{text}");
    assert!(!text.contains('—'), "numbered: {text}");
    // Every page of text before it keeps its number; a page left blank to bring the 版记
    // to an even page (GB/T 9704 7.5) has none.
    for page in 1..pages {
        let (text, words) = page_words(&pdf, page);
        assert_eq!(text.contains('—'), !words.is_empty(), "page {page}: {text}");
    }
}

/// Page `page` of `pdf` as pdftotext reads it, and its words without the page number.
fn page_words(pdf: &Path, page: usize) -> (String, String) {
    let n = page.to_string();
    let text = run(
        "pdftotext",
        &["-f", &n, "-l", &n, "-layout", pdf.to_str().unwrap(), "-"],
    );
    let words = text.replace(
        |c: char| c.is_whitespace() || c == '—' || c.is_ascii_digit(),
        "",
    );
    (text, words)
}

/// A 郧阳区 notice whose attached table's last row fills its page: the page opened for what
/// would come under the table was printed empty and numbered (—4—), where its Word file has
/// 3 pages. No page of a notice carries nothing but its number.
#[test]
fn a_table_filling_its_last_page_leaves_no_empty_page() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("tests/fixtures/notices/table_fills_last_page.md");
    let out = dir.path().join("out");
    let done = fengong(
        dir.path(),
        &[
            "publish",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let pdf = out.join("通知.pdf");
    let pages = pdf_pages(&pdf);
    assert!(pages >= 3, "{pages}");
    for page in 1..=pages {
        let (text, words) = page_words(&pdf, page);
        assert!(!words.is_empty(), "page {page} of {pages} is empty: {text}");
    }
}

/// A unit with one task gets one page: its table started on page 2 below a page of white,
/// and the page after the table was printed empty. No PDF ends on an empty page.
#[test]
fn short_sheets_fit_their_first_page_and_no_page_is_empty() {
    let plan = seed_model();
    let mut one_task = 0;
    for unit in plan["units"].as_array().unwrap() {
        let name = unit["name"].as_str().unwrap();
        let tasks =
            unit["lead"].as_array().unwrap().len() + unit["support"].as_array().unwrap().len();
        let path = output(&format!("任务单/{name}.pdf"));
        let pages = pdf_pages(&path);
        if tasks == 1 {
            one_task += 1;
            assert_eq!(pages, 1, "{name}: one task on {pages} pages");
        }
        let last = run(
            "pdftotext",
            &[
                "-f",
                &pages.to_string(),
                "-l",
                &pages.to_string(),
                path.to_str().unwrap(),
                "-",
            ],
        );
        assert!(!flat(&last).is_empty(), "{name}: page {pages} is empty");
    }
    assert!(one_task >= 3, "the seed has units with a single task");
}

/// A notice without a 文号 keeps the 文号's line: its red rule and title sit where they sit
/// under a 文号 (and where the Word version, whose rule is the 文号 line's border, has them).
#[test]
fn the_red_rule_stays_in_place_without_a_doc_number() {
    let seed = seed_text();
    let without: String = seed
        .lines()
        .filter(|l| !l.trim().starts_with("嘉发改(2025)"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(without.len() < seed.len(), "the seed's 文号 line");
    let dir = project(&[
        ("嘉发改〔2025〕14号.md", without.as_bytes()),
        ("fengong.toml", seed_config().as_bytes()),
    ]);
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let script = root().join("tests/tools/measure_pdf.py");
    let pdf = dir.path().join("output/通知.pdf");
    let measured: Value = serde_json::from_str(&run(
        "python3",
        &[script.to_str().unwrap(), pdf.to_str().unwrap()],
    ))
    .unwrap();
    let red_rule = |m: &Value| {
        m["pages"][0]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["color"] == serde_json::json!([1.0, 0.0, 0.0]))
            .expect("red rule")["y_mm"]
            .as_f64()
            .unwrap()
    };
    let (with, without) = (red_rule(&measure()), red_rule(&measured));
    assert!(
        (with - without).abs() < 0.1,
        "{with} mm with a 文号, {without} mm without"
    );
}

/// A notice whose issuer nobody knows (no 版头 in the source, no 署名) prints no 版头 built
/// from nothing — no empty mark, no red rule — in the PDF, the Word file and the Markdown:
/// its title stands at the top of the 版心 instead of under an empty head.
#[test]
fn a_notice_without_an_issuer_prints_no_empty_red_head() {
    let input = root().join("tests/fixtures/notices/no_signer.md");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(&input, &out, &fengong::Options::default()).unwrap();
    let script = root().join("tests/tools/measure_pdf.py");
    let pdf = out.join("通知.pdf");
    let measured: Value = serde_json::from_str(&run(
        "python3",
        &[script.to_str().unwrap(), pdf.to_str().unwrap()],
    ))
    .unwrap();
    let first = &measured["pages"][0];
    let red = serde_json::json!([1.0, 0.0, 0.0]);
    let rules = first["rules"].as_array().unwrap();
    assert!(!rules.iter().any(|r| r["color"] == red), "{rules:?}");
    // The title is the largest text, black, its lines within the 版心's first 30 mm (under
    // a 版头 it starts some 80 mm down).
    let title = &first["largest_text"];
    assert_eq!(title["color"], serde_json::json!([0.0, 0.0, 0.0]));
    assert!(
        title["baseline_mm"].as_f64().unwrap() < 37.0 + 30.0,
        "{title}"
    );
    let markdown = std::fs::read_to_string(out.join("通知.md")).unwrap();
    assert!(!markdown.contains("发文机关标志"), "{markdown}");
    let docx = std::fs::read(out.join("通知.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        !xml.contains("FF0000"),
        "a red mark or rule in the Word notice"
    );
    // No 署名 either: the date stands one blank line below the body, as in the PDF.
    let date = &xml[xml
        .find(r#"<w:pStyle w:val="SignDate"/>"#)
        .expect("the date")..];
    let spacing = &date[date.find("<w:spacing").unwrap()..];
    let attr = |name: &str| {
        let at = spacing.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        spacing[at..at + spacing[at..].find('"').unwrap()].to_string()
    };
    assert_eq!(attr("w:before"), attr("w:line"), "{}", &spacing[..80]);
}

/// A ledger of ten columns, its 年度工作措施 long: every column keeps its header on the first
/// page (none squeezed out, none drawn over its neighbour), and the first task starts under
/// the header instead of leaving the first page empty.
#[test]
fn a_ledger_of_many_columns_starts_on_its_first_page_with_every_column() {
    let input = root().join("tests/fixtures/xlsx/one_row_per_measure.xlsx");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(&input, &out, &fengong::Options::default()).unwrap();
    let pdf = out.join("任务分工表.pdf");
    let first = content_chars(&run(
        "pdftotext",
        &["-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"],
    ));
    for header in [
        "序号",
        "重点工作",
        "主要目标任务",
        "牵头领导",
        "牵头部门",
        "配合部门",
        "完成时间",
        "年度工作措施",
        "责任人",
        "本月工作内容",
    ] {
        let chars: String = header.chars().collect();
        assert!(
            chars.chars().all(|c| first.contains(c)),
            "{header} not on page 1: {first}"
        );
    }
    assert!(first.contains("全年营业收入"), "{first}");
    assert!(first.contains("分解下达年度经营目标"), "{first}");
}

/// A 主要事项 label taller than a page in its narrow merged column (a whole paragraph
/// written as the group's heading), beside one short row: the label goes on over the next
/// pages beside empty cells, every character of it printed — none set below the page's
/// foot or left out — and the next group starts after it.
#[test]
fn a_group_label_taller_than_a_page_goes_on_over_pages() {
    let sentence = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，";
    let label = format!(
        "（一）总体要求。{}以优异成绩完成全年目标。",
        sentence.repeat(14)
    );
    let plan = format!(
        "柳川县2025年重点工作任务分解表\n\n| 主要事项 | 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n| {label} | 1 | 地区生产总值增长6%。 | 县发改局 | 2025年12月底前 |\n| 二、扩大投资 | 2 | 完成固定资产投资100亿元。 | 县发改局 | 2025年12月底前 |\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.md"), plan).unwrap();
    let out = dir.path().join("out");
    fengong::publish_with(dir.path(), &out, &fengong::Options::default()).unwrap();
    let pdf = out.join("任务分工表.pdf");
    let text = flat(&run("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]));
    // Every character of the label, in order, between the headers repeated on each page.
    let mut rest = text.as_str();
    for c in label.chars().filter(|c| !c.is_whitespace()) {
        let at = rest
            .find(c)
            .unwrap_or_else(|| panic!("{c} of the label lost: {text}"));
        rest = &rest[at + c.len_utf8()..];
    }
    assert!(text.contains("以优异成绩完成全年目标。"), "{text}");
    assert!(
        text.find("以优异成绩完成全年目标") < text.find("二、扩大投资"),
        "{text}"
    );
    // Nothing drawn below the page's foot: pdftotext's bounding boxes stay on the page.
    let boxes = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    for line in boxes.lines().filter(|l| l.contains("<word ")) {
        let y_max: f32 = line
            .split("yMax=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(y_max <= 595.5, "drawn off the page: {line}");
    }
}

/// A plan whose text hands out its tasks (each numbered, its 责任单位 line under it), long
/// enough to cross pages: no page of the notice opens on a 责任单位 line parted from its task
/// (the task goes over with it), and the attachment prints the text as written — not the
/// same tasks again as a table made from it; the table is 任务分工表.* of its own.
#[test]
fn a_tasks_units_line_never_opens_a_page_and_the_text_is_not_printed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let units = [
        "区发改局",
        "区财政局",
        "区住建局",
        "区商务局",
        "区教育局",
        "区卫健局",
    ];
    let mut plan = String::from(
        "东坪区人民政府办公室文件\n\n东政办发〔2026〕5号\n\n关于印发《东坪区2026年重点工作责任分解》的通知\n\n区政府各部门，各街道办事处：\n\n现将《东坪区2026年重点工作责任分解》印发给你们，请认真抓好落实。\n\n附件：东坪区2026年重点工作责任分解\n\n东坪区人民政府办公室\n2026年3月1日\n\n附件\n\n东坪区2026年重点工作责任分解\n\n",
    );
    let mut n = 0;
    for title in ["一、稳定经济增长", "二、推进城市更新", "三、增进民生福祉"]
    {
        plan.push_str(&format!("{title}\n\n"));
        for k in 1..=9 {
            n += 1;
            let text = "加快项目建设进度，确保按期完成年度目标任务".repeat(1 + (n * 7) % 4);
            plan.push_str(&format!("{k}.推进第{n}项重点工作，{text}。\n\n"));
            plan.push_str(&format!(
                "责任单位：{}、{}\n\n",
                units[n % 6],
                units[(n + 3) % 6]
            ));
        }
    }
    std::fs::create_dir_all(dir.path().join("input")).unwrap();
    std::fs::write(dir.path().join("input/plan.md"), plan).unwrap();
    let out = fengong(dir.path(), &["publish"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("output/通知.pdf");
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            !first.starts_with("责任单位"),
            "page {} opens on {first}",
            i + 1
        );
    }
    let notice = std::fs::read_to_string(dir.path().join("output/通知.md")).unwrap();
    assert_eq!(notice.matches("推进第27项重点工作").count(), 1);
    assert!(!notice.contains("| 序号 |"), "{notice}");
    let table = std::fs::read_to_string(dir.path().join("output/任务分工表.md")).unwrap();
    assert!(table.contains("推进第27项重点工作"));
}
