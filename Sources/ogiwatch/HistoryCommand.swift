import ArgumentParser
import Foundation
import OgiwatchLedger
import OgiwatchService

/// `ogiwatch history FILE|ORGAN`: the versions the ledger holds for one report file, or for
/// the reports of an organ.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "显示台账中某个报告文件或某个机关的各版本：检查时间、结论和各级问题数量。",
        discussion: "参数是存在的文件或含 / 的路径时按文件查找，否则按机关名称（可以是名称的一部分）查找。退出状态：0 有记录（不是年度报告的文件也有一条记录）；1 没有记录；2 台账无法读取。"
    )

    @Argument(help: "报告文件路径，或机关名称（的一部分）")
    var subject: String

    @OptionGroup var service: ServiceOptions

    /// An empty name would match every organ's reports: a typo, not a question.
    func validate() throws {
        if subject.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("请给出报告文件路径或机关名称（不能为空）")
        }
    }

    func run() throws {
        let ledger = try Ledger(directory: try service.settings().resolvedStateDirectory(), readOnly: true)
        let versions = isPath ? try ledger.versions(path: Array(absolutePath.utf8)) : try ledger.versions(organ: subject)
        let history = HistoryReport(subject: subject, versions: versions, noted: isPath ? try ledger.noted(path: Array(absolutePath.utf8)) : nil)
        print(history.text, terminator: "")
        if history.isEmpty { throw ExitCode(1) }
    }

    private var isPath: Bool { subject.contains("/") || FileManager.default.fileExists(atPath: subject) }

    /// Paths are recorded absolute, as the service watches them.
    private var absolutePath: String {
        let path = subject.hasPrefix("/") ? subject : FileManager.default.currentDirectoryPath + "/" + subject
        return (path as NSString).standardizingPath
    }
}
