import Foundation

/// What the running service publishes about itself for `ogiwatch status`: the part only the
/// process knows (its folders, queue and health). What the ledger knows (counts, the last
/// file, files waiting for a complete copy) is read from the ledger by the status command.
public struct ServiceStatus: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case starting, running, stopped
    }

    public struct Root: Codable, Sendable, Equatable {
        public var path: String
        public var lost: Bool
    }

    public var state: State
    public var pid: Int32
    public var startedAt: Date
    public var roots: [Root]
    /// Files seen and waiting to settle, or to be offered again.
    public var queued: Int
    public var recordedSinceStart: Int
    public var ruleSetVersion: String
    public var ruleFiles: [String]
    public var ledgerUnwritable: Bool
    public var journalBacklog: Bool

    /// Problems an operator must act on, in words; empty when the service is healthy.
    public var troubles: [String] {
        var troubles = roots.filter(\.lost).map { "监视目录 \($0.path) 丢失，正在定时重试" }
        if ledgerUnwritable { troubles.append("台账无法写入（常见为磁盘已满），新文件留在投放目录中等待") }
        if journalBacklog { troubles.append("有检查记录尚未写入 systemd 日志，journald 恢复后补发") }
        return troubles
    }
}
