import ArgumentParser
import Dispatch
import Foundation
import OgiwatchCheck
import OgiwatchCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查一个或多个报告文件（.txt、.docx、.doc、.wps、.pdf、.html），目录会递归展开。",
        discussion: "规则目录的查找顺序见 --rules。目录中没有文件（隐藏文件不计）时会说明；一个文件也没有可检查时退出状态为 2。"
            + "退出状态：0 没有达到 --fail-on 的问题；1 有；2 命令无法运行（参数错误、规则无效、没有可检查的文件）。"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @Argument(help: "报告文件或目录")
    var paths: [String]

    @Option(help: "输出格式：text（按文件分组）或 json（每行一个问题）")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "有该级别或更高级别的问题时退出状态为 1")
    var failOn: FailOn = .error

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let checker = Checker(ruleSet: try rules.load())
        let list = FileList(paths)
        for directory in list.emptyDirectories {
            FileHandle.standardError.write(Data("警告：目录 \(directory) 中没有可检查的文件（隐藏文件不计）\n".utf8))
        }
        guard !list.files.isEmpty else {
            FileHandle.standardError.write(Data("错误：没有检查任何文件\n".utf8))
            throw ExitCode(2)
        }
        let files = list.files
        let progress = ProgressBar(total: files.count)
        let results = BatchCheck.run(files, checker: checker) { progress.advance() }
        progress.finish()
        let printer = FindingPrinter(format: format == .json ? .json : .text)
        printer.print(results)
        let threshold: Severity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
        if let threshold, results.contains(where: { ($0.worst ?? .info) >= threshold && $0.worst != nil }) {
            throw ExitCode(1)
        }
    }
}
