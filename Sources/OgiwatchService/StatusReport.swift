import Foundation
import OgiwatchLedger
import OgiwatchWatch

/// `ogiwatch status` as text, in the tree shape of `fail2ban-client status`: whether the
/// service runs and is healthy, what it watches, what waits, what it checked last and today,
/// and which rules are in force. The service's own view comes from its status file, the rest
/// from the ledger, so the report also says what it knows when the service is down.
public struct StatusReport: Sendable {
    public var status: ServiceStatus?
    /// Whether the process named in the status file still runs.
    public var isRunning: Bool
    public var latest: RecordedVersion?
    public var today: [RecordedVersion]
    public var pending: [PendingFile]
    public var timeZone: TimeZone

    public init(status: ServiceStatus?, isRunning: Bool, latest: RecordedVersion?, today: [RecordedVersion],
                pending: [PendingFile], timeZone: TimeZone = .current) {
        self.status = status
        self.isRunning = isRunning
        self.latest = latest
        self.today = today
        self.pending = pending
        self.timeZone = timeZone
    }

    /// Reads the status file and the ledger of `stateDirectory`; `now` fixes what "today" is.
    public static func load(stateDirectory: String, ledger: Ledger, now: Date = Date(),
                            timeZone: TimeZone = .current) throws -> StatusReport {
        let status = try StatusFile(stateDirectory: stateDirectory).read()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.startOfDay(for: now)
        return StatusReport(status: status, isRunning: status.map(Self.runs) ?? false, latest: try ledger.latestVersion(),
                            today: try ledger.versions(checkedFrom: start, to: now.addingTimeInterval(1)),
                            pending: try ledger.pending(), timeZone: timeZone)
    }

    /// A status file not marked stopped whose process is gone means the service died.
    private static func runs(_ status: ServiceStatus) -> Bool {
        guard status.state != .stopped else { return false }
        return kill(status.pid, 0) == 0 || errno == EPERM
    }

    /// 0 running and healthy, 1 running with something to fix, 3 not running (as `systemctl status`).
    public var exitStatus: Int32 {
        guard isRunning, let status else { return 3 }
        return status.troubles.isEmpty ? 0 : 1
    }

    public var text: String {
        var lines = [headline]
        if let status {
            lines.append("|- 监视目录：\(status.roots.count) 个")
            lines += Self.branch(status.roots.map { $0.path + ($0.lost ? "（丢失，正在定时重试）" : "") })
            lines.append("|- 队列：等待稳定或重试 \(status.queued) 份，本次启动以来已记录 \(status.recordedSinceStart) 份")
        }
        lines.append("|- 未写完、等待完整副本：\(pending.count) 份")
        lines += Self.branch(pending.map { "\(PathBytes.display($0.path))（已尝试 \($0.attempts) 次：\($0.reason)）" })
        lines.append("|- 最近检查：" + (latest.map(describe) ?? "无"))
        lines.append("|- 今日：\(todayLine)")
        if let status {
            lines.append("|- 规则集：\(status.ruleSetVersion)（\(status.ruleFiles.count) 个文件）")
            lines += Self.branch(status.ruleFiles)
        }
        let troubles = status?.troubles ?? []
        lines.append("`- 健康：" + (!isRunning ? "服务未运行" : troubles.isEmpty ? "正常" : "\(troubles.count) 个问题"))
        lines += Self.branch(isRunning ? troubles : [], last: true)
        return lines.joined(separator: "\n") + "\n"
    }

    private var headline: String {
        guard let status else { return "ogiwatch：未运行过（状态目录中没有 status.json）" }
        let since = "PID \(status.pid)，自 \(format(status.startedAt)) 起"
        if isRunning { return "ogiwatch：运行中（\(since)）" }
        return status.state == .stopped ? "ogiwatch：已停止（上次运行 \(since)）" : "ogiwatch：未运行，进程已意外结束（\(since)）"
    }

    /// The figures the daily summary will give for today: each file as it now is.
    private var todayLine: String {
        let day = DayFigures(today)
        return "收到 \(day.received) 份，有错误 \(day.withErrors) 份，仅有警告 \(day.withWarningsOnly) 份，无法读取 \(day.unreadable) 份，"
            + "重复文件 \(day.duplicates) 份"
    }

    private func describe(_ version: RecordedVersion) -> String {
        "\(PathBytes.display(version.facts.path))（\(format(version.checkedAt))，\(version.verdict)：\(version.counts.chinese)）"
    }

    private func format(_ date: Date) -> String { LocalTime.text(date, timeZone: timeZone) }

    /// Items under a line of the tree; `last` draws them under the closing line.
    private static func branch(_ items: [String], last: Bool = false) -> [String] {
        let stem = last ? "   " : "|  "
        return items.enumerated().map { index, item in stem + (index == items.count - 1 ? "`- " : "|- ") + item }
    }
}
