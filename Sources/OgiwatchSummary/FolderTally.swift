/// One drop folder's day: how many reports came, how many need action, and those reports
/// worst first. The mail leads with these, one block per folder.
public struct FolderTally: Sendable, Equatable {
    public var folder: String
    public var received = 0
    public var withErrors = 0
    public var warningsOnly = 0
    public var unreadable = 0
    /// Reports with errors, worst first, then the files that could not be read.
    public var needingAction: [ReportLine] = []

    /// Folders with something to act on first (most such reports first), then the rest by name.
    static func tallies(_ lines: [ReportLine]) -> [FolderTally] {
        var byFolder: [String: FolderTally] = [:]
        for line in lines {
            var tally = byFolder[line.place.folder] ?? FolderTally(folder: line.place.folder)
            tally.received += 1
            switch line.status {
            case .unreadable:
                tally.unreadable += 1
            case .checked where line.counts.errors > 0:
                tally.withErrors += 1
            case .checked where line.counts.warnings > 0:
                tally.warningsOnly += 1
            default:
                break
            }
            if line.hasErrors { tally.needingAction.append(line) }
            byFolder[line.place.folder] = tally
        }
        return byFolder.values.map { tally in
            var sorted = tally
            sorted.needingAction = tally.needingAction.filter { $0.status != .unreadable }.sorted(by: ReportLine.worstFirst)
                + tally.needingAction.filter { $0.status == .unreadable }.sorted { $0.place.file < $1.place.file }
            return sorted
        }.sorted { lhs, rhs in
            lhs.needingAction.count != rhs.needingAction.count ? lhs.needingAction.count > rhs.needingAction.count : lhs.folder < rhs.folder
        }
    }
}
