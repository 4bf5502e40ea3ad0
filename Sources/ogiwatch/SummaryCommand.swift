import ArgumentParser
import Foundation
import OgiwatchCheck
import OgiwatchLedger
import OgiwatchService
import OgiwatchSummary

/// `ogiwatch summary`: the daily mail, built from the ledger and left as a file for the
/// unsandboxed mail unit to hand to `sendmail -t -i`.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "根据台账生成某一天的检查摘要邮件（RFC 5322/MIME），供 sendmail -t -i 发送。",
        discussion: "默认汇总配置时区中的昨天，写入 <状态目录>/summaries/<日期>.eml 并输出路径。"
            + "policy 为 only-on-findings 且当天没有需要关注的内容时不写文件。退出状态：0 成功；2 配置、台账或写入出错。"
    )

    @Option(help: "汇总的日期（YYYY-MM-DD，配置的时区），默认昨天")
    var date: String?

    @Option(help: "输出文件，- 表示标准输出；默认 <状态目录>/summaries/<日期>.eml")
    var output: String?

    @OptionGroup var service: ServiceOptions

    func run() throws {
        do {
            try summarise()
        } catch {
            // LedgerError says what to do in `description` without declaring CustomStringConvertible.
            let text = (error as? LedgerError)?.description ?? String(describing: error)
            FileHandle.standardError.write(Data("ogiwatch summary: \(text)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func summarise() throws {
        let settings = try service.settings()
        let mail = settings.summary
        let timeZone = TimeZone(identifier: mail.timeZone) ?? .current
        let day = try date.map { text throws(SummaryError) in try SummaryDay(text, timeZone: timeZone) }
            ?? SummaryDay.yesterday(timeZone: timeZone)

        let stateDirectory = settings.resolvedStateDirectory()
        let ledgerPath = (stateDirectory as NSString).appendingPathComponent("ledger.sqlite")
        guard FileManager.default.fileExists(atPath: ledgerPath) else {
            throw ValidationError("no ledger at \(ledgerPath): give the state directory ogiwatch run uses (--state or state: in --config)")
        }
        let ledger = try Ledger(path: ledgerPath, readOnly: true)
        let summary = try DailySummary.load(from: ledger, day: day, ruleTitles: ruleTitles(settings), host: SummaryMessage.hostName())

        guard mail.policy == .always || summary.needsAttention else {
            let note = "\(day.name)：没有需要关注的报告，按 policy: only-on-findings 不生成摘要\n"
            (output == "-" ? FileHandle.standardError : FileHandle.standardOutput).write(Data(note.utf8))
            return
        }
        let message = try SummaryMessage(from: mail.from, to: mail.to, subjectPrefix: mail.subjectPrefix)
            .message(for: summary)
        if output == "-" {
            FileHandle.standardOutput.write(Data(message.bytes))
            return
        }
        let path = output ?? SummaryFile.defaultPath(stateDirectory: stateDirectory, day: day)
        try SummaryFile.write(message.bytes, to: path)
        print(path)
    }

    /// Titles make the per-rule table readable; a summary is still worth sending without them.
    private func ruleTitles(_ settings: ServiceConfig) -> [String: String] {
        do {
            let ruleSet = try RuleLoader.load(rulesDirectory: settings.rulesDirectory, localDirectory: settings.localRulesDirectory)
            return Dictionary(ruleSet.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        } catch {
            FileHandle.standardError.write(Data("ogiwatch summary: rule titles unavailable, showing rule ids only: \(error)\n".utf8))
            return [:]
        }
    }
}
