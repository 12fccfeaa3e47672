//! An attachment the notice lists, written after the 分工表 in the same text: 附件1 the plan,
//! 附件2 its table, 附件3 a list of tasks in prose (沁县: 民生实事任务分解, each item with its
//! 责任单位). Its tasks are read as the plan's above a table are, and numbered on after the
//! table's — not left as lines "not read" under the table.

use crate::base::diag::Diagnostic;
use crate::ingest::raw_table::{RawTable, RowKind};
use crate::ingest::{han_only, inline, text};
use crate::model::Notice;

/// Reads into `table` the attachment `notice` lists that `text` writes after the table (its
/// label or title the first line under the table that is not read), when its items name who
/// does them. The lines it reads are taken off `diagnostics`' "not read" notes; what it
/// reads is said. `places` are `text`'s.
pub(crate) fn read_after_table(
    table: &mut RawTable,
    notice: &Notice,
    text: &str,
    places: text::Places<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = attachment_start(notice, &lines, diagnostics, places.path()) else {
        return;
    };
    let rest: String = (lines.iter().enumerate())
        .map(|(at, line)| if at < start { "" } else { line })
        .collect::<Vec<_>>()
        .join("\n");
    let Some(mut tasks) = inline::parse_at(&rest, places) else {
        return;
    };
    if !hands_out_work(&tasks) {
        return;
    }
    tasks.title = tasks.title.take().or_else(|| title_under(&lines, start));
    // Its label's place is the part's: a section of its own under its title.
    tasks.origin = Some(places.at(start as u32 + 1));
    let read: Vec<u32> = (lines_read(&tasks, &lines, start).into_iter())
        .map(|at| at as u32 + 1)
        .collect();
    text::read_after_all(diagnostics, places.path(), &read);
    diagnostics.append(&mut tasks.said);
    let _ = table.append(tasks);
    if let Some(read) = table.appended.last_mut() {
        read.in_text = true;
        diagnostics.push(read.said());
    }
}

/// The index of the line under the table where an attachment the notice lists begins: the
/// first line said as not read that is a listed attachment's label (附件3) or title.
fn attachment_start(
    notice: &Notice,
    lines: &[&str],
    diagnostics: &[Diagnostic],
    path: &str,
) -> Option<usize> {
    let listed = notice.attachments.len();
    // Compared by their characters: a Word title's line is marked as a heading.
    let names: Vec<String> = notice.attachments.iter().map(|a| han_only(a)).collect();
    if listed < 2 {
        return None;
    }
    (text::said_not_read(diagnostics, path).into_iter())
        .map(|line| line as usize - 1)
        .find(|&at| {
            let line = lines.get(at).map_or("", |l| l.trim());
            text::labels_a_listed_attachment(line, listed) || names.contains(&han_only(line))
        })
}

/// Whether most of the items read name who does them: a list of tasks, not the plan's
/// requirements numbered on.
fn hands_out_work(tasks: &RawTable) -> bool {
    let rows: Vec<_> = (tasks.rows.iter())
        .filter_map(|r| match &r.kind {
            RowKind::Task(t) => Some(t),
            _ => None,
        })
        .collect();
    let assigned = rows.iter().filter(|t| t.is_assigned()).count();
    assigned > 0 && assigned * 2 >= rows.len()
}

/// The attachment's title: the first filled line after its label.
fn title_under(lines: &[&str], start: usize) -> Option<String> {
    let first = lines.get(start)?.trim();
    if !text::is_attachment_label(first) {
        return Some(first.to_string());
    }
    (lines[start + 1..].iter())
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

/// The indexes of the lines from `start` the reading used: its label, its title, each row's
/// own line and the lines a task's text goes on over.
fn lines_read(tasks: &RawTable, lines: &[&str], start: usize) -> Vec<usize> {
    let origins: Vec<usize> = (tasks.rows.iter())
        .filter_map(|r| r.origin.line_no())
        .map(|line| line as usize - 1)
        .collect();
    let contents: Vec<String> = (tasks.rows.iter())
        .filter_map(|r| match &r.kind {
            RowKind::Task(t) => Some(han_only(&t.content)),
            _ => None,
        })
        .collect();
    let title = tasks.title.as_deref().map(han_only);
    (start..lines.len())
        .filter(|&at| {
            let line = lines[at].trim();
            let words = han_only(line);
            text::is_attachment_label(line)
                || title.as_ref().is_some_and(|t| *t == words)
                || origins.contains(&at)
                || (!words.is_empty() && contents.iter().any(|c| c.contains(&words)))
        })
        .collect()
}
