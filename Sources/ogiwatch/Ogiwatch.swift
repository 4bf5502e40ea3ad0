import ArgumentParser
import Foundation

@main
struct Ogiwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ogiwatch",
        abstract: "检查政府信息公开工作年度报告：缺少的部分、不平衡的统计表、信息处理费说明。",
        discussion: "规则目录：--rules 给出的目录；不给出时依次查找 $OGIWATCH_RULES、/etc/ogiwatch/rules、/usr/share/ogiwatch/rules、程序所在目录及其上四级目录中的 Rules/、当前目录下的 Rules/，"
            + "用第一个含规则文件（*.yaml）的目录。--local-rules 的本地规则叠加在其上。",
        version: "0.1.0",
        subcommands: [CheckCommand.self, RulesCommand.self, RunCommand.self, StatusCommand.self, HistoryCommand.self, SummaryCommand.self]
    )

    /// Exit status 2 for anything that kept the command from running (bad arguments,
    /// invalid rules); 1 is reserved for findings at or above `--fail-on`. A command line
    /// that does not parse is answered with its usage; an error of a parsed command says
    /// only what went wrong.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            finish(error, withUsage: true)
        }
        do {
            try command.run()
        } catch {
            finish(error, withUsage: false)
        }
    }

    private static func finish(_ error: Error, withUsage: Bool) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if exitCode(for: error) == .success {
            print(ParserText.help(fullMessage(for: error)))
            Foundation.exit(0)
        }
        let text = withUsage ? ParserText.error(fullMessage(for: error)) : "错误：" + ParserText.message(message(for: error))
        FileHandle.standardError.write(Data((text + "\n").utf8))
        Foundation.exit(2)
    }
}
