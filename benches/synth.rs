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

/// The seed's own characters: synthetic text draws its words from them, so bigram statistics
/// look like a real plan's (common pairs such as 儿童 shared by many tasks, most pairs rare).
const SEED: &str = include_str!("../input/嘉发改〔2025〕14号.md");

/// A vocabulary of 1,500 two- to four-character words built from the seed's characters.
fn vocabulary(rng: &mut Lcg) -> Vec<String> {
    let mut pool: Vec<char> = SEED
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    pool.sort_unstable();
    pool.dedup();
    (0..1_500)
        .map(|_| {
            (0..2 + rng.next(3))
                .map(|_| pool[rng.next(pool.len())])
                .collect()
        })
        .collect()
}

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
    let words = vocabulary(&mut rng);
    let mut contents = Vec::with_capacity(tasks);
    for _ in 0..tasks {
        // 40–120 characters: three to six clauses of two to five words.
        let clauses: Vec<String> = (0..3 + rng.next(4))
            .map(|_| {
                (0..2 + rng.next(4))
                    .map(|_| words[rng.next(words.len())].as_str())
                    .collect()
            })
            .collect();
        let mut content = clauses.join("，");
        if rng.next(5) == 0 {
            content.push_str(&format!("，新增{}个服务点", 2 + rng.next(50)));
        }
        content.push('。');
        contents.push(content);
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
    fengong::base::cjk::chinese_numeral(n as u32)
}
