import OgiwatchEvents
import OgiwatchJournal
import OgiwatchWatch

/// How a watcher health event is told to the operator: a journal entry of its event kind
/// with the server's paths, and the same kind with a short detail for the ledger's health
/// table, which the daily summary quotes to clerks: there a folder is named by its drop
/// folder, never by its place on the server.
struct HealthEntry {
    let kind: ServiceEvent
    let journalEntry: JournalEntry
    let detail: String

    /// `roots` are the watched folders, which the detail names paths relative to.
    init(_ event: WatchHealth, roots: [[UInt8]]) {
        let short = { (path: [UInt8]) in Self.dropName(path, roots: roots) }
        switch event {
        case .rescan(let reason, let root):
            let why = switch reason {
            case .overflow: "inotify 事件队列溢出，可能丢失事件"
            case .rootRecovered: "监视目录已恢复"
            case .inotifyRestored: "inotify 已恢复"
            }
            kind = .rescan
            detail = root.map { short($0) + "：" + why } ?? why
            journalEntry = .event(kind, priority: .warning, message: "\(why)，重新扫描 \(root.map(PathBytes.display) ?? "全部监视目录")",
                                  fields: [.init("OGIWATCH_REASON", reason.rawValue)] + (root.map { [.init("OGIWATCH_ROOT", $0)] } ?? []))
        case .rootLost(let root, let reason):
            kind = .rootLost
            detail = "\(short(root))：\(reason.chinese)"
            journalEntry = .event(kind, priority: .error,
                                  message: "监视目录 \(PathBytes.display(root)) 丢失（\(reason.chinese)），将定时重试（间隔最长 60 秒）",
                                  fields: [.init("OGIWATCH_ROOT", root), .init("OGIWATCH_REASON", reason.chinese)])
        case .rootRecovered(let root):
            kind = .rootRecovered
            detail = short(root)
            journalEntry = .event(kind, priority: .notice, message: "监视目录 \(PathBytes.display(root)) 已恢复",
                                  fields: [.init("OGIWATCH_ROOT", root)])
        case .watchLimit(let error, let directory):
            kind = .watchLimit
            detail = error.describe(naming: short)
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
            detail = error.describe(naming: short)
            journalEntry = .event(kind, priority: .warning, message: "无法监视：\(error.description)",
                                  fields: [.init("OGIWATCH_REASON", error.description)])
        }
    }

    /// 「甲县」 for a watched folder `/srv/drop/甲县`, 「甲县/2025/旧稿」 beneath it: the
    /// innermost watched folder's own name, then the path beneath it. A path under no
    /// watched folder keeps only its last name.
    static func dropName(_ path: [UInt8], roots: [[UInt8]]) -> String {
        let slash = UInt8(ascii: "/")
        let root = roots.filter { PathBytes.isWithin(path, $0) }.max { $0.count < $1.count }
        let base = root.map { Array($0.split(separator: slash).dropLast()) } ?? Array(path.split(separator: slash).dropLast())
        let names = path.split(separator: slash).dropFirst(base.count)
        return names.map { PathBytes.display(Array($0)) }.joined(separator: "/")
    }
}
