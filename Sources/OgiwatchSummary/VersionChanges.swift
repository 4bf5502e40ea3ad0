/// What changed against each report's previous version: problems fixed, problems new today
/// (every problem of a first version is new) and problems still open, counted as distinct
/// rules per report.
public struct VersionChanges: Sendable, Equatable {
    public var fixed = 0
    public var new = 0
    public var stillOpen = 0
    /// Reports dropped again today that had a version before.
    public var resubmitted = 0
    /// Resubmitted reports whose previous version had errors and this one has none.
    public var nowWithoutErrors: [ReportLine] = []

    init(_ lines: [ReportLine]) {
        for line in lines where line.status != .duplicate {
            let now = line.rules
            let before = line.previous?.rules ?? []
            fixed += before.subtracting(now).count
            new += now.subtracting(before).count
            stillOpen += now.intersection(before).count
            guard let previous = line.previous else { continue }
            resubmitted += 1
            if previous.counts.errors > 0, !line.hasErrors { nowWithoutErrors.append(line) }
        }
        nowWithoutErrors.sort { ($0.place.folder, $0.place.file) < ($1.place.folder, $1.place.file) }
    }
}
