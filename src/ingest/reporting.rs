//! The office a plan tells its units to report their progress to (各牵头单位每季度末将工作进展
//! 报县营商环境建设领导小组办公室): where their returns go, when it is not the issuer.

use std::sync::LazyLock;

use regex::Regex;

/// The office a sentence on reporting progress names: 报/报送/报至 X, 向 X 报送 — X a body's
/// name ending as offices do (办公室, 办, 局, 委, 中心 …); a sentence about progress
/// (进展, 进度, 情况, 总结), not one that sends a plan for approval.
pub fn office_named(paragraph: &str) -> Option<String> {
    static SENT_TO: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(concat!(
            r"(?:报送|上报|报|送|交)(?:至|到|给)?",
            r"(\p{Han}{2,30}?(?:领导小组办公室|办公室|工作专班|指挥部|办|局|委|中心))",
            r"(?:[（(，,。；;、]|汇总|备案|审核|$)"
        ))
        .unwrap()
    });
    static TOWARDS: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // literal pattern
        Regex::new(r"向(\p{Han}{2,30}?(?:领导小组办公室|办公室|工作专班|指挥部|办|局|委|中心))(?:报送|报告|反馈|书面报告)").unwrap()
    });
    paragraph
        .split(['。', '；', ';'])
        .filter(|sentence| {
            ["进展", "进度", "情况", "总结", "反馈"]
                .iter()
                .any(|w| sentence.contains(w))
        })
        .find_map(|sentence| {
            let found = (SENT_TO.captures(sentence)).or_else(|| TOWARDS.captures(sentence))?;
            let office = found.get(1)?.as_str();
            // 各有关单位, 相关部门: no one office.
            let named = !office.starts_with(['各', '相', '有', '本', '所'])
                && !office.contains("有关")
                && !office.contains("单位");
            named.then(|| office.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_progress_is_reported_to() {
        for (text, office) in [
            (
                "各牵头单位每季度末将工作进展报县营商环境建设领导小组办公室（设在县发改局）。",
                "县营商环境建设领导小组办公室",
            ),
            ("请于每月5日前向市数据局报送工作进展情况。", "市数据局"),
            ("每月20日前将工作进展报社区管理办。", "社区管理办"),
            ("年底前将全年工作总结报送区发展改革委汇总。", "区发展改革委"),
        ] {
            assert_eq!(office_named(text).as_deref(), Some(office), "{text}");
        }
        for text in [
            "方案报县政府审定后实施。",
            "各单位要及时将进展情况报送各有关单位。",
            "加强组织领导，明确工作责任。",
        ] {
            assert_eq!(office_named(text), None, "{text}");
        }
    }
}
