//! Bytes → text: BOMs, UTF-8, GBK/GB18030 and line endings, so every reader sees the same
//! `\n`-separated Unicode whatever the file was saved as.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Why bytes are not a text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but whitespace.
    Empty,
    /// NUL bytes or control characters: an image, a zip, a Word file …
    Binary,
    /// Neither UTF-8 nor GB18030 decodes it; the byte offset of the first bad sequence.
    Malformed {
        /// 1-based line of the first undecodable byte.
        line: u32,
    },
}

impl DecodeError {
    /// The message users read.
    pub fn message(&self) -> String {
        match self {
            DecodeError::Empty => "文件为空".into(),
            DecodeError::Binary => {
                "不是文本文件（含有二进制内容）；请提供 Markdown/文本文件或 Excel 表格".into()
            }
            DecodeError::Malformed { .. } => {
                "无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030；请另存为 UTF-8 后重试".into()
            }
        }
    }
}

/// Decodes `bytes` and normalises line endings to `\n`.
///
/// Order: a BOM decides; else strict UTF-8; else GB18030 (a superset of GBK and GB2312), which
/// must decode without a single replacement.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_gb(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, had_errors) = UTF_16LE.decode_without_bom_handling(rest);
        if had_errors {
            return Err(DecodeError::Malformed { line: 1 });
        }
        text.into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, had_errors) = UTF_16BE.decode_without_bom_handling(rest);
        if had_errors {
            return Err(DecodeError::Malformed { line: 1 });
        }
        text.into_owned()
    } else {
        if looks_binary(bytes) {
            return Err(DecodeError::Binary);
        }
        utf8_or_gb(bytes)?
    };
    if looks_binary(text.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    let text = normalize_newlines(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

fn utf8_or_gb(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(utf8_err) => {
            let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                let at = utf8_err.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                Err(DecodeError::Malformed { line })
            } else {
                Ok(text.into_owned())
            }
        }
    }
}

/// NUL bytes, or many C0 controls other than tab/newline/CR/form feed, mean "not text".
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 100 > sample.len().max(1)
}

fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("任务\n".as_bytes()).unwrap(), "任务\n");
        assert_eq!(decode("\u{FEFF}任务\n".as_bytes()).unwrap(), "任务\n");
    }

    #[test]
    fn gbk_and_crlf_read_the_same() {
        let (gbk, _, _) = GB18030.encode("区妇儿工委办\r\n疁\r\n");
        assert_eq!(decode(&gbk).unwrap(), "区妇儿工委办\n疁\n");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "分工\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "分工\n");
    }

    #[test]
    fn refuses_empty_binary_and_garbage() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00binary"),
            Err(DecodeError::Binary)
        );
        // 0x80 alone is a valid GB18030 lead byte only with a trail byte; 0xFF never is.
        assert!(matches!(
            decode(b"ok\nok\n\xFF\xFF\xFF"),
            Err(DecodeError::Malformed { line: 3 })
        ));
    }
}
