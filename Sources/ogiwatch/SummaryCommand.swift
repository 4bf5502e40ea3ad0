import ArgumentParser
import Foundation
import OgiwatchCheck
import OgiwatchLedger
import OgiwatchService
import OgiwatchSummary

/// `ogiwatch summary`: the daily mail, built from the ledger and left as a file; with
/// `--send-pending`, the unsandboxed mail unit's half, which hands every unsent file to
/// `sendmail -t -i`.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "根据台账生成某一天的检查摘要邮件（RFC 5322/MIME），或把未发送的摘要交给 sendmail。",
        discussion: "默认汇总配置时区中的昨天，写入 <状态目录>/summaries/<日期>.eml 并输出路径。"
            + "policy 为 only-on-findings 且当天没有需要关注的内容时不写文件。"
            + "--send-pending 按日期从早到晚把每个未发送的摘要交给 sendmail -t -i，发出后改名为 <日期>.eml.sent；"
            + "发送失败时停止，余下的摘要留待下次。退出状态：0 成功；2 配置、台账、写入或发送出错。"
    )

    @Option(help: "汇总的日期（YYYY-MM-DD，配置的时区），默认昨天")
    var date: String?

    @Option(help: "输出文件，- 表示标准输出；默认 <状态目录>/summaries/<日期>.eml")
    var output: String?

    @Flag(name: .customLong("send-pending"), help: "不生成摘要，而是按日期顺序发送所有尚未发送的摘要")
    var sendPending = false

    @Option(help: "发送用的 sendmail 程序")
    var sendmail: String = "/usr/sbin/sendmail"

    @OptionGroup var service: ServiceOptions

    func run() throws {
        if sendPending {
            try send()
        } else {
            try summarise()
        }
    }

    private func send() throws {
        let outbox = SummaryOutbox(stateDirectory: try service.settings().resolvedStateDirectory())
        for name in try outbox.strays() {
            let note = "警告：摘要目录 \(outbox.directory) 中的 \(DisplayText.escaped(name)) 不是 ogiwatch 生成的摘要（<日期>.eml），不发送；请把它移出该目录\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
        let sent = try outbox.sendAll(sendmail: sendmail)
        for name in sent { print("已发送 \(name)") }
        if sent.isEmpty { print("没有待发送的摘要") }
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
            throw ValidationError("找不到台账 \(ledgerPath)：请给出 ogiwatch run 所用的状态目录（--state，或 --config 中的 state:）")
        }
        let ledger = try Ledger(path: ledgerPath, readOnly: true)
        let summary = try DailySummary.load(from: ledger, day: day, ruleTitles: ruleTitles(settings), dropRoots: settings.rootPaths,
                                            host: SummaryMessage.hostName())

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

    /// Titles put each problem in words; a summary is still worth sending without them.
    private func ruleTitles(_ settings: ServiceConfig) -> [String: String] {
        do {
            let ruleSet = try RuleLoader.load(rulesDirectory: settings.rulesDirectory, localDirectory: settings.localRulesDirectory)
            return Dictionary(ruleSet.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        } catch {
            FileHandle.standardError.write(Data("警告：无法读取规则标题，摘要中的问题以规则编号列出：\(error)\n".utf8))
            return [:]
        }
    }
}
