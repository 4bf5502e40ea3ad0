import Foundation

/// One calendar day in the configured time zone. The ledger stores instants; the mail is
/// about a local day, whose length changes with daylight saving.
public struct SummaryDay: Sendable, Equatable {
    /// `2026-11-20`, as given on the command line and used for the file name.
    public let name: String
    public let timeZone: TimeZone
    public let start: Date
    public let end: Date

    /// The day called `name` (`YYYY-MM-DD`) in `timeZone`.
    public init(_ name: String, timeZone: TimeZone) throws(SummaryError) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw .badDate(name)
        }
        let calendar = Self.calendar(timeZone)
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components) else {
            throw .badDate(name)
        }
        self.init(start: calendar.startOfDay(for: start), timeZone: timeZone)
    }

    private init(start: Date, timeZone: TimeZone) {
        let calendar = Self.calendar(timeZone)
        name = String(MailDate.local(start, timeZone: timeZone).prefix(10))
        self.timeZone = timeZone
        self.start = start
        end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }

    /// The day before the one containing `now`: a run shortly after midnight reports on the
    /// day that has just ended.
    public static func yesterday(now: Date = Date(), timeZone: TimeZone) -> SummaryDay {
        SummaryDay(start: calendar(timeZone).startOfDay(for: now), timeZone: timeZone).previous
    }

    public var previous: SummaryDay {
        SummaryDay(start: Self.calendar(timeZone).startOfDay(for: start.addingTimeInterval(-1)), timeZone: timeZone)
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
