import OgiwatchLedger

/// The seven days ending with the summary's day, in numbers: reports received, with
/// errors, and clean, counted the same way as the day itself.
public struct WeekTrend: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        /// `11-20`.
        public var label: String
        public var figures: DayFigures
    }

    public static let length = 7
    public var days: [Day]

    /// `versions` must cover the week; each day counts the versions checked within it.
    init(ending day: SummaryDay, versions: [RecordedVersion]) {
        var calendarDays = [day]
        while calendarDays.count < Self.length, let first = calendarDays.first { calendarDays.insert(first.previous, at: 0) }
        days = calendarDays.map { calendarDay in
            let inDay = versions.filter { $0.checkedAt >= calendarDay.start && $0.checkedAt < calendarDay.end }
            return Day(label: String(calendarDay.name.suffix(5)), figures: DayFigures(inDay))
        }
    }
}
