import OgiwatchEvents
import OgiwatchJournal
import OgiwatchWatch

/// How a watcher health event is told to the operator: a journal entry of its event kind,
/// and the same kind with a short detail for the ledger's health table (the summary counts them).
struct HealthEntry {
    let kind: ServiceEvent
    let journalEntry: JournalEntry
    let detail: String

    init(_ event: WatchHealth) {
        switch event {
        case .rescan(let reason, let root):
            let scope = root.map { PathBytes.display($0) } ?? "全部监视目录"
            let why = switch reason {
            case .overflow: "inotify 事件队列溢出，可能丢失事件"
            case .rootRecovered: "监视目录已恢复"
            case .inotifyRestored: "inotify 已恢复"
            }
            kind = .rescan
            detail = reason.rawValue
            journalEntry = .event(kind, priority: .warning, message: "\(why)，重新扫描 \(scope)",
                                  fields: [.init("OGIWATCH_REASON", reason.rawValue)] + (root.map { [.init("OGIWATCH_ROOT", $0)] } ?? []))
        case .rootLost(let root, let reason):
            kind = .rootLost
            detail = PathBytes.display(root) + " " + reason
            journalEntry = .event(kind, priority: .error,
                                  message: "监视目录 \(PathBytes.display(root)) 丢失（\(reason)），将定时重试（间隔最长 60 秒）",
                                  fields: [.init("OGIWATCH_ROOT", root), .init("OGIWATCH_REASON", reason)])
        case .rootRecovered(let root):
            kind = .rootRecovered
            detail = PathBytes.display(root)
            journalEntry = .event(kind, priority: .notice, message: "监视目录 \(PathBytes.display(root)) 已恢复",
                                  fields: [.init("OGIWATCH_ROOT", root)])
        case .watchLimit(let error, let directory):
            kind = .watchLimit
            detail = error.description
            var fields: [JournalEntry.Field] = []
            if !directory.isEmpty { fields.append(.init("OGIWATCH_ROOT", directory)) }
            let suggestion: String = switch error {
            case .watchLimit(_, let line), .instanceLimit(_, let line): line
            case .system: ""
            }
            fields.append(.init("OGIWATCH_SYSCTL", suggestion))
            journalEntry = .event(kind, priority: .error,
                                  message: "inotify 达到上限，部分目录改为定时轮询：\(error.description)", fields: fields)
        case .watchFailed(let error):
            kind = .watchFailed
            detail = error.description
            journalEntry = .event(kind, priority: .warning, message: "无法监视：\(error.description)",
                                  fields: [.init("OGIWATCH_REASON", error.description)])
        }
    }
}
