import ArgumentParser
import Foundation

@main
struct Ogiwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ogiwatch",
        abstract: "检查政府信息公开工作年度报告：缺少的部分、不平衡的统计表、信息处理费说明。",
        version: "0.1.0",
        subcommands: [CheckCommand.self, RulesCommand.self, RunCommand.self, StatusCommand.self, HistoryCommand.self, SummaryCommand.self]
    )

    /// Exit status 2 for anything that kept the command from running (bad arguments,
    /// invalid rules); 1 is reserved for findings at or above `--fail-on`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
