//! The command line, as data: clap derive only, no logic.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// fengong（分工）：把区政府工作方案变成落实它所需的全部文件。
#[derive(Debug, Parser)]
#[command(name = "fengong", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 读取并检查输入，把全部文件发布到输出目录（默认 output/）。
    Publish {
        /// 输入：目录（默认 input/）或单个文件。
        #[arg(default_value = "input")]
        input: PathBuf,
        /// 输出目录。
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// 同一单位同一期报送多份反馈表时，采用填报日期最晚的一份（否则均暂不采用）。
        #[arg(long)]
        prefer_latest: bool,
        /// 全部重新生成，不沿用上次输出中未变的 PDF 和 Excel 文件。
        #[arg(long)]
        fresh: bool,
        /// 输出目录不为空且不是 fengong 生成的，仍然替换（其中的文件会被删除）。
        #[arg(long)]
        force: bool,
    },
    /// 评估一期反馈表（一个目录，可含子目录），写出评估报告；年度评估另写考核材料。
    Evaluate {
        /// 反馈表目录，如 input/returns/2025-半年度。
        dir: PathBuf,
        /// 评估期：半年度或年度（默认从目录名判断）。
        #[arg(long, value_parser = ["半年度", "年度"])]
        period: Option<String>,
        /// 同一单位同一期报送多份反馈表时，采用填报日期最晚的一份（否则均暂不采用）。
        #[arg(long)]
        prefer_latest: bool,
        /// 方案输入：目录（默认 input/）或单个文件。
        #[arg(long, default_value = "input")]
        input: PathBuf,
        /// 输出目录（默认 output/评估/目录名）。
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// 全部重新生成，不沿用上次输出中未变的 PDF 和 Excel 文件。
        #[arg(long)]
        fresh: bool,
        /// 输出目录不为空且不是 fengong 生成的，仍然替换（其中的文件会被删除）。
        #[arg(long)]
        force: bool,
    },
    /// 检查输入，逐条列出问题；有错误时退出码为 1。
    Check {
        /// 输入：目录（默认 input/）或单个文件。
        #[arg(default_value = "input")]
        input: PathBuf,
        /// 输出格式。
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// 根据方案生成初始配置 fengong.toml（年度、署名、日期、单位名录），供核对修改。
    Init {
        /// 输入：目录（默认 input/）或单个文件；配置写在其所在目录。
        #[arg(default_value = "input")]
        input: PathBuf,
        /// 已有 fengong.toml 时仍重新生成（原文件另存为 fengong.toml.bak）。
        #[arg(long)]
        force: bool,
    },
    /// 在本机打开网页：上传材料、查看读取和校对结果、发布并下载文件。
    Serve {
        /// 项目目录（含 input/，发布到其中的 output/），默认当前目录。
        #[arg(default_value = ".")]
        project: PathBuf,
        /// 端口（0 表示任选一个空闲端口）。
        #[arg(long, default_value_t = 8470)]
        port: u16,
        /// 在局域网地址上提供服务（如 0.0.0.0），此时须用启动时显示的含 token 的链接访问。
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// 导出内置模板（可修改后放入项目的 templates/ 目录覆盖内置模板）。
    Templates {
        /// 把内置模板写入此目录（已有的同名文件不覆盖）。
        #[arg(long, value_name = "DIR")]
        eject: std::path::PathBuf,
    },
    /// 输出读入后的方案模型。
    Dump {
        /// 输入：目录（默认 input/）或单个文件。
        #[arg(default_value = "input")]
        input: PathBuf,
        /// 以 JSON 输出（供脚本使用）。
        #[arg(long)]
        json: bool,
    },
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One finding per line, for people.
    Text,
    /// A JSON array, for scripts.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
