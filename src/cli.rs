//! The command line, as data: clap derive only, no logic.

use std::path::PathBuf;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// fengong（分工）：把区政府工作方案变成落实它所需的全部文件。
#[derive(Debug, Parser)]
#[command(
    name = "fengong",
    version,
    about = "fengong（分工）：把区政府的工作方案变成落实它所需的全部文件。",
    long_about = None
)]
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
        #[arg(default_value = "input", value_name = "输入")]
        input: PathBuf,
        /// 输出目录（默认 output/；也可用 -o 给出）。
        #[arg(value_name = "输出目录", conflicts_with = "output")]
        output_dir: Option<PathBuf>,
        /// 输出目录（同上，另一种写法）。
        #[arg(short, long, value_name = "输出目录")]
        output: Option<PathBuf>,
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
        #[arg(value_name = "反馈表目录")]
        dir: PathBuf,
        /// 评估期：半年度或年度（默认从目录名判断）。
        #[arg(long, value_parser = ["半年度", "年度"], value_name = "评估期")]
        period: Option<String>,
        /// 同一单位同一期报送多份反馈表时，采用填报日期最晚的一份（否则均暂不采用）。
        #[arg(long)]
        prefer_latest: bool,
        /// 方案输入：目录（默认 input/）或单个文件。
        #[arg(long, default_value = "input", value_name = "输入")]
        input: PathBuf,
        /// 输出目录（默认 output/评估/目录名）。
        #[arg(short, long, value_name = "输出目录")]
        output: Option<PathBuf>,
        /// 全部重新生成，不沿用上次输出中未变的 PDF 和 Excel 文件。
        #[arg(long)]
        fresh: bool,
        /// 输出目录不为空且不是 fengong 生成的，仍然替换（其中的文件会被删除）。
        #[arg(long)]
        force: bool,
    },
    /// 检查输入，逐条列出问题；有错误时退出码为 1，输入根本无法读取（如找不到分工表）时为 2。
    Check {
        /// 输入：目录（默认 input/）或单个文件。
        #[arg(default_value = "input", value_name = "输入")]
        input: PathBuf,
        /// 输出格式：text（默认）逐条列出，供阅读；json 供脚本使用。
        #[arg(long, value_enum, default_value_t = CheckFormat::Text, value_name = "格式")]
        format: CheckFormat,
    },
    /// 根据方案生成初始配置 fengong.toml（年度、署名、日期、单位名录），供核对修改。
    Init {
        /// 输入：目录（默认 input/）或单个文件；配置写在其所在目录。
        #[arg(default_value = "input", value_name = "输入")]
        input: PathBuf,
        /// 已有 fengong.toml 时仍重新生成（原文件另存为 fengong.toml.bak）。
        #[arg(long)]
        force: bool,
    },
    /// 在本机打开网页：上传材料、查看读取和校对结果、发布并下载文件。
    Serve {
        /// 项目目录（含 input/，发布到其中的 output/），默认当前目录。
        #[arg(default_value = ".", value_name = "项目目录")]
        project: PathBuf,
        /// 端口（默认 8470；0 表示任选一个空闲端口）。
        #[arg(long, default_value_t = 8470, value_name = "端口")]
        port: u16,
        /// 在局域网地址上提供服务（如 0.0.0.0），此时须用启动时显示的含 token 的链接访问。
        #[arg(long, value_name = "地址")]
        listen: Option<String>,
    },
    /// 导出内置模板（可修改后放入项目的 templates/ 目录覆盖内置模板）。
    Templates {
        /// 把内置模板写入此目录（已有的同名文件不覆盖）。
        #[arg(long, value_name = "目录")]
        eject: std::path::PathBuf,
    },
    /// 输出读入后的方案模型。
    Dump {
        /// 输入：目录（默认 input/）或单个文件。
        #[arg(default_value = "input", value_name = "输入")]
        input: PathBuf,
        /// 以 JSON 输出（供脚本使用）。
        #[arg(long)]
        json: bool,
    },
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// 逐条列出，供阅读。
    Text,
    /// JSON 数组，供脚本使用。
    Json,
}

/// The help's layout, its words in Chinese.
const HELP: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command line as read, or — for help, a version or a mistake — the process ends here:
/// help and version on stdout (exit 0), a mistake said in Chinese on stderr (exit 2).
pub fn parse() -> Cli {
    let command = localized(Cli::command(), true);
    let matches = command
        .clone()
        .try_get_matches()
        .unwrap_or_else(|e| exit_with(&e, &command));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(&e, &command))
}

/// `command` and its subcommands with their help in Chinese: headings, usage, the help and
/// version flags' own lines.
fn localized(command: clap::Command, top: bool) -> clap::Command {
    let name = command.get_name().to_string();
    let mut command = command
        .help_template(HELP)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        // Defaults and choices are said in each help line, in Chinese.
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let arg = arg.help_heading(heading);
            // A flag has neither (clap asserts it in debug builds).
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true)
            } else {
                arg
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        );
    if top {
        command = command
            .disable_version_flag(true)
            .override_usage("fengong <命令> [选项]")
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("显示版本")
                    .help_heading("选项"),
            );
    } else {
        let positionals: Vec<String> = command
            .get_positionals()
            .map(|a| {
                let value = a
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or(a.get_id().to_string(), |v| v.to_string());
                if a.is_required_set() {
                    format!("<{value}>")
                } else {
                    format!("[{value}]")
                }
            })
            .collect();
        let usage = format!("fengong {name} {} [选项]", positionals.join(" "));
        command = command.override_usage(usage.replace("  ", " "));
    }
    command.mut_subcommands(|sub| localized(sub, false))
}

/// Ends the process for what clap stopped at: help and version printed as asked, a mistake
/// said in Chinese with the usage of the command it was made in.
fn exit_with(error: &clap::Error, command: &clap::Command) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            std::process::exit(0)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            std::process::exit(2)
        }
        _ => {
            let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            let message = mistake(error, &names);
            eprintln!("错误：{message}");
            eprintln!("运行 fengong --help 或 fengong <命令> --help 查看用法");
            std::process::exit(2)
        }
    }
}

/// What was wrong on the command line, in Chinese, with clap's suggestion when it has one.
fn mistake(error: &clap::Error, commands: &[&str]) -> String {
    let get = |kind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let suggested = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .iter()
        .map(|k| get(*k))
        .find(|s| !s.is_empty())
        .map(|s| format!("；是不是要用「{s}」？"))
        .unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    match error.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "没有「{}」这个命令{suggested}；可用的命令：{}",
            get(ContextKind::InvalidSubcommand),
            commands.join("、")
        ),
        ErrorKind::UnknownArgument => format!("不认识的参数「{arg}」{suggested}"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = get(ContextKind::ValidValue);
            let valid = if valid.is_empty() {
                String::new()
            } else {
                format!("；可用的值：{}", valid.replace(", ", "、"))
            };
            format!(
                "{arg} 的值「{}」无效{valid}",
                get(ContextKind::InvalidValue)
            )
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数 {arg}"),
        ErrorKind::MissingSubcommand => {
            format!("请给出要做的事：{}", commands.join("、"))
        }
        ErrorKind::ArgumentConflict => {
            format!("{arg} 与 {} 不能同时给出", get(ContextKind::PriorArg))
        }
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => format!("{arg} 的值个数不对"),
        _ => "命令行有误".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
        localized(Cli::command(), true).debug_assert();
    }

    #[test]
    fn help_and_mistakes_are_in_chinese() {
        let mut command = localized(Cli::command(), true);
        let help = command.render_help().to_string();
        assert!(help.contains("用法：fengong <命令> [选项]"), "{help}");
        assert!(help.contains("命令：") || help.contains("命令:"), "{help}");
        for english in [
            "Usage",
            "Print help",
            "Print version",
            "Options",
            "Commands",
        ] {
            assert!(!help.contains(english), "{english} in {help}");
        }
        let publish = command.find_subcommand_mut("publish").unwrap();
        let help = publish.render_help().to_string();
        assert!(
            help.contains("用法：fengong publish [输入] [输出目录] [选项]"),
            "{help}"
        );
        assert!(
            !help.contains("Arguments") && !help.contains("Print help"),
            "{help}"
        );
        let command = localized(Cli::command(), true);
        let error = command
            .clone()
            .try_get_matches_from(["fengong", "check", "--format", "xml"])
            .unwrap_err();
        let said = mistake(&error, &[]);
        assert!(
            said.contains("「xml」无效") && said.contains("text、json"),
            "{said}"
        );
        let error = command
            .clone()
            .try_get_matches_from(["fengong", "publsh"])
            .unwrap_err();
        let said = mistake(&error, &["publish", "check"]);
        assert!(
            said.contains("没有「publsh」这个命令") && said.contains("publish"),
            "{said}"
        );
    }

    #[test]
    fn publish_takes_its_output_folder_as_written_after_the_input() {
        let cli = Cli::try_parse_from(["fengong", "publish", "材料", "成果"]).unwrap();
        let Command::Publish {
            input, output_dir, ..
        } = cli.command
        else {
            panic!("not publish");
        };
        assert_eq!(input, PathBuf::from("材料"));
        assert_eq!(output_dir, Some(PathBuf::from("成果")));
        assert!(Cli::try_parse_from(["fengong", "publish", "a", "b", "-o", "c"]).is_err());
    }
}
