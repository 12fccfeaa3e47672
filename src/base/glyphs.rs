//! Characters a printed page cannot show as they are: zero-width and byte-order marks (left
//! out, they draw nothing), symbol-font characters that Word stores in the private-use area
//! (mapped to their standard equivalents: Wingdings U+F0FC is ✓), and characters no font has
//! (drawn as the 缺字 mark 〓). Real returns are full of these; none may stop a publish, and
//! each is reported with its place.

use std::collections::BTreeSet;

use super::diag::{Diagnostic, Location};

/// What is drawn for a character no font has: the geta mark, the CJK typesetter's sign for
/// a missing character.
pub const MISSING_MARK: char = '〓';

/// How a character is set on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// As it is.
    Keep,
    /// Left out: it has no visible form.
    Drop,
    /// Replaced by a standard character.
    Map(char),
}

/// `text` without control characters other than line breaks and tabs: what may go to a
/// terminal (an ESC from a returned form would drive it) or into a report.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if text.chars().any(unsafe_char) {
        text.chars()
            .filter(|c| !unsafe_char(*c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The fate of `c`, independent of fonts.
pub fn fate(c: char) -> Fate {
    match c {
        // Control characters (ESC, BEL …) other than line breaks and tabs.
        c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => Fate::Drop,
        // Zero-width spaces and joiners, direction marks, word joiner and invisible
        // operators, the BOM, soft hyphen, Mongolian vowel separator, variation selectors.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}'
        | '\u{FE00}'..='\u{FE0F}' => Fate::Drop,
        c => symbol_font(c).map_or(Fate::Keep, Fate::Map),
    }
}

/// Word stores a symbol from Wingdings or Symbol as U+F000 + its code in that font. The
/// ones offices use in forms and lists have a standard equivalent.
fn symbol_font(c: char) -> Option<char> {
    Some(match c {
        '\u{F0FC}' => '✓', // Wingdings check mark
        '\u{F0FB}' => '✗', // Wingdings ballot x
        '\u{F0FE}' => '☑', // Wingdings box with check
        '\u{F0FD}' => '☒', // Wingdings box with x
        '\u{F0A8}' => '□', // Wingdings empty box
        '\u{F06F}' => '□', // Wingdings empty box (lower case o)
        '\u{F06C}' => '●', // Wingdings black circle
        '\u{F06E}' => '■', // Wingdings black square
        '\u{F0A7}' => '▪', // Wingdings small square (Word's bullet)
        '\u{F0D8}' => '➢', // Wingdings arrow bullet
        '\u{F0B7}' => '•', // Symbol bullet
        '\u{F0D6}' => '√', // Symbol radical, used as a tick
        _ => return None,
    })
}

/// Findings for the characters of `texts` (each with its place) that print other than they
/// are: a note for those left out or mapped, a warning for those no font has (`has_glyph`
/// says). One finding per place and character.
pub fn findings<'a>(
    texts: impl IntoIterator<Item = (&'a Location, &'a str)>,
    has_glyph: impl Fn(char) -> bool,
) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (location, text) in texts {
        for c in text.chars() {
            if (c.is_ascii() && !c.is_ascii_control()) || !seen.insert((location, c)) {
                continue;
            }
            let code = c as u32;
            let finding = match fate(c) {
                Fate::Drop => Diagnostic::note(
                    "text/invisible",
                    location.clone(),
                    format!(
                        "不可见字符 U+{code:04X}（零宽字符、软连字符、控制字符或字节顺序标记）在 PDF 中略去，单位名称中一律略去（不另算一个单位）；其余 Markdown、Word 和 Excel 文件中照原文保留"
                    ),
                ),
                Fate::Map(to) => Diagnostic::note(
                    "text/symbol-font",
                    location.clone(),
                    format!("符号字体字符 U+{code:04X} 在 PDF 中按「{to}」排印"),
                ),
                Fate::Keep if c.is_control() || has_glyph(c) => continue,
                Fate::Keep => Diagnostic::warning(
                    "text/no-glyph",
                    location.clone(),
                    format!(
                        "字符「{c}」(U+{code:04X}) 所有字体都没有，PDF 中以「{MISSING_MARK}」标出"
                    ),
                )
                .with_hint(
                    "可改用常用字符（如 ✓ 、√），或在 fengong.toml 的 [fonts] 中指定含此字的字体",
                ),
            };
            out.push(finding);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_symbol_characters() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{FE0F}', '\u{1B}', '\u{7}',
        ] {
            assert_eq!(fate(c), Fate::Drop, "U+{:04X}", c as u32);
        }
        assert_eq!(fate('\u{F0FC}'), Fate::Map('✓'));
        assert_eq!(fate('\u{E000}'), Fate::Keep);
        assert_eq!(fate('字'), Fate::Keep);
        assert_eq!(fate('\n'), Fate::Keep);
        assert_eq!(printable("甲\u{1B}[31m乙\u{7}\n丙"), "甲[31m乙\n丙");
    }

    #[test]
    fn each_place_and_character_is_reported_once() {
        let a = Location::cell("r.xlsx", "任务清单", 4, 5);
        let b = Location::line("p.md", 9);
        let texts = [
            (&a, "进展顺利👍👍\u{200B}"),
            (&a, "👍"),
            (&b, "完成\u{F0FC}"),
        ];
        let found = findings(texts, |c| c != '👍');
        let codes: Vec<(&str, String)> = found
            .iter()
            .map(|d| (d.code.as_str(), d.location.to_string()))
            .collect();
        assert_eq!(
            codes,
            [
                ("text/no-glyph", "r.xlsx#任务清单!F5".to_string()),
                ("text/invisible", "r.xlsx#任务清单!F5".to_string()),
                ("text/symbol-font", "p.md:9".to_string()),
            ]
        );
        assert!(found[0].message.contains("👍") && found[0].message.contains("〓"));
    }
}
