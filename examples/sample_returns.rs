//! Writes the 示例 returns into `input/returns/` from the real forms fengong issues:
//!
//! ```sh
//! cargo run --example sample_returns            # input/ → input/returns/
//! cargo run --example sample_returns -- DIR     # DIR/ → DIR/returns/
//! ```
//!
//! Run it again whenever the forms or the plan change; `tests/evaluation.rs` fails until you do.

use std::path::PathBuf;
use std::process::ExitCode;

use fengong::samples::{Faults, sample_returns, shipped_periods};

fn main() -> ExitCode {
    let input = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "input".into()));
    match run(&input) {
        Ok(count) => {
            eprintln!(
                "已写出 {count} 份示例反馈表到 {}",
                input.join("returns").display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("错误: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(input: &std::path::Path) -> Result<usize, fengong::Error> {
    let checked = fengong::check(input)?;
    let plan = &checked.plan;
    let year = plan.year.unwrap_or(2025);
    let returns = input.join("returns");
    let io = |path: &std::path::Path, e| fengong::Error::io(path, "写入", e);
    let mut count = 0;
    for period in shipped_periods(year) {
        let folder = returns.join(&period.label);
        if folder.exists() {
            std::fs::remove_dir_all(&folder).map_err(|e| io(&folder, e))?;
        }
        for file in sample_returns(plan, &period, &Faults::shipped(period.kind))? {
            let path = folder.join(&file.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
            }
            std::fs::write(&path, &file.bytes).map_err(|e| io(&path, e))?;
            count += 1;
        }
    }
    let readme = returns.join("README.md");
    std::fs::write(&readme, README).map_err(|e| io(&readme, e))?;
    Ok(count)
}

const README: &str = "# 示例反馈表（演示数据，非真实填报）

本目录下的反馈表是 fengong 用 `cargo run --example sample_returns` 根据本方案下发的真实任务单自动填写的**示例**，
用于演示半年度、年度评估。表内的进展、数字、联系人和电话均为虚构。

每期一个子目录（如 `2025-半年度`、`2025-年度`），目录名须含“半年度”或“年度”；子目录可再分层。
真实使用时，删除这些示例文件，把各单位报回的任务单（.xlsx/.xls，WPS 另存亦可）放进对应目录，
再运行 `cargo run --release -- publish`。

示例中特意放入了几类常见问题，评估报告会逐一列出：
- 半年度：区信访办未报送；区体育局改动了任务内容；区卫生健康委完成进度填 120；区文化旅游局完成进度填“八成”；
  区绿化市容局完成状态填“基本完成”；区民政局报送两份（第二份为更正稿）；另有一份非反馈表的汇总草稿。
- 年度：华亭镇未报送；区商务委改动了任务内容；第 54 项任务的量化目标完成值填了文字。
";
