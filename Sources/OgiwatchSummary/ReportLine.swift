import OgiwatchCore
import OgiwatchLedger

/// One report of the day as the mail lists it: where it was dropped, whose it is, its
/// counts, its distinct problems in words and how it compares with its previous version.
public struct ReportLine: Sendable, Equatable {
    public var place: DropPlace
    /// The organ when its name reads like one (see `OrganName`), else nil.
    public var organ: String?
    public var year: Int?
    public var status: VersionStatus
    public var counts: FindingCounts
    /// Errors and warnings, worst first, in the order the checker found them.
    public var findings: [Finding]
    /// Each rule once, worst first, in the words of its title.
    public var problems: [String]
    /// The version recorded before this one under the same name, as the ledger defines it
    /// for the journal's verdict too.
    public var previous: PreviousVersion?

    init(_ version: RecordedVersion, roots: [[UInt8]], titles: [String: String]) {
        place = DropPlace(path: version.facts.path, roots: roots)
        organ = OrganName.plausible(version.organ)
        year = version.year
        status = version.status
        counts = version.counts
        findings = version.findings.enumerated().filter { $0.element.severity != .info }
            .sorted { $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset }
            .map(\.element)
        var seen: Set<String> = []
        problems = findings.filter { seen.insert($0.rule).inserted }.map { titles[$0.rule] ?? $0.rule }
        previous = version.previous
    }

    /// Errors and warnings as distinct rules, for the comparison with the previous version.
    var rules: Set<String> { Set(findings.map(\.rule)) }

    var hasErrors: Bool { status == .unreadable || counts.errors > 0 }

    /// The organ and year, or the file's name when the organ is unknown.
    var heading: String {
        let who = organ.map(DisplayText.escaped) ?? place.file
        return year.map { "\(who) · \($0) 年度" } ?? who
    }

    /// Most errors first, then most warnings; ties by name so the order is stable day to day.
    static func worstFirst(_ lhs: ReportLine, _ rhs: ReportLine) -> Bool {
        if lhs.counts.errors != rhs.counts.errors { return lhs.counts.errors > rhs.counts.errors }
        if lhs.counts.warnings != rhs.counts.warnings { return lhs.counts.warnings > rhs.counts.warnings }
        return (lhs.place.folder, lhs.place.file) < (rhs.place.folder, rhs.place.file)
    }
}
