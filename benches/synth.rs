//! Synthetic plans for the benchmark: the seed's layout (notice, prose, tab table) at any size,
//! with realistic text lengths and unit mixes. Deterministic: the same size gives the same plan.

/// A small deterministic generator (64-bit LCG); the benchmark needs variety, not randomness.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

const PHRASES: &[&str] = &[
    "推进儿童友好空间建设",
    "完善社区服务设施",
    "加强部门协同联动",
    "落实经费保障",
    "开展专项培训",
    "提升服务质量和水平",
    "健全工作机制",
    "扩大优质资源供给",
    "强化安全监管",
    "深化医教结合",
    "打造特色服务品牌",
    "优化公共文化服务",
    "加大宣传引导力度",
    "推动数字化转型",
    "完善监测评估体系",
    "拓展家庭教育阵地",
    "新增普惠托位200个",
    "覆盖率达到95%以上",
    "建成示范点不少于10个",
    "开展活动不少于30场",
];

/// A plan of `tasks` tasks and `units` departments (plus the 12 towns), in the seed's text
/// layout, and the `fengong.toml` with its registry.
pub fn plan(tasks: usize, units: usize) -> (String, String) {
    let mut rng = Lcg::new(tasks as u64 * 31 + units as u64);
    let towns = [
        "新成路街道",
        "真新街道",
        "嘉定镇街道",
        "南翔镇",
        "江桥镇",
        "安亭镇",
        "马陆镇",
        "徐行镇",
        "华亭镇",
        "外冈镇",
        "菊园新区管委会",
        "嘉定工业区管委会",
    ];
    let dept = |k: usize| format!("区单位{k:04}局");
    let mut contents = Vec::with_capacity(tasks);
    for i in 0..tasks {
        let n = 2 + rng.next(4);
        let mut parts: Vec<&str> = (0..n).map(|_| PHRASES[rng.next(PHRASES.len())]).collect();
        parts.dedup();
        contents.push(format!("第{}项{}。", i + 1, parts.join("，")));
    }
    let group_size = 5;
    let groups_per_section = 6;
    let mut prose = String::new();
    let mut table =
        String::from("## 某区重点工作任务分工表\n\n主要事项\t序号\t具体内容\t责任单位\n");
    let groups = tasks.div_ceil(group_size);
    for g in 0..groups {
        if g % groups_per_section == 0 {
            let s = g / groups_per_section + 1;
            prose.push_str(&format!("\n## {}、第{s}部分工作\n\n", numeral(s)));
            table.push_str(&format!("<b>{}、第{s}部分工作</b>\t\t\t\n", numeral(s)));
        }
        let first = g * group_size;
        let last = ((g + 1) * group_size).min(tasks);
        prose.push_str(&format!("**第{}组工作事项。**", g + 1));
        for content in &contents[first..last] {
            prose.push_str(content);
        }
        prose.push_str("\n\n");
        for (i, content) in contents[first..last].iter().enumerate() {
            let label = if i == 0 {
                format!("({}) 第{}组工作事项", numeral(g + 1), g + 1)
            } else {
                String::new()
            };
            let mut cell: Vec<String> = Vec::new();
            for _ in 0..1 + rng.next(4) {
                let d = dept(rng.next(units));
                if !cell.contains(&d) {
                    cell.push(d);
                }
            }
            let mut text = cell.join("、");
            match rng.next(20) {
                0..=3 => text.push_str("，各街镇"),
                4 => text.push_str("，相关街镇"),
                5 => text.push_str("、相关部门"),
                _ => {}
            }
            table.push_str(&format!("{label}\t{}\t{content}\t{text}\n", first + i + 1));
        }
    }
    let document = format!(
        "# 某区发展和改革委员会文件\n\n某发改(2026)1号\n\n## 关于印发《某区2026年重点工作安排》的通知\n\n各相关单位，各街镇：\n\n现印发给你们，请认真贯彻落实。\n\n特此通知。\n\n附件：某区2026年重点工作安排\n\n# 某区2026年重点工作安排\n\n为做好2026年各项工作，制定本安排。\n{prose}\n各单位要抓好落实。\n\n{table}"
    );
    let mut config = String::from("[plan]\ndefault_deadline = \"2026-12-31\"\n\n");
    for k in 0..units {
        config.push_str(&format!("[[units]]\nname = \"{}\"\n", dept(k)));
    }
    for t in towns {
        config.push_str(&format!("[[units]]\nname = \"{t}\"\nkind = \"town\"\n"));
    }
    let members = towns
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ");
    config.push_str(&format!(
        "[[groups]]\nname = \"各街镇\"\nmembers = [{members}]\n"
    ));
    config.push_str(&format!(
        "[[groups]]\nname = \"相关街镇\"\npartial = true\nmembers = [{members}]\n"
    ));
    (document, config)
}

fn numeral(n: usize) -> String {
    fengong::cjk::chinese_numeral(n as u32)
}
