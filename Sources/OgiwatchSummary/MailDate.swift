import Foundation

/// Dates as mail headers and Chinese readers expect them, computed by hand so no locale or
/// formatter default can put a month name in another language into the `Date:` header.
enum MailDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Fri, 21 Nov 2026 00:30:05 +0800` (RFC 5322 §3.3).
    static func header(_ date: Date, timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        let weekday = weekdays[((parts.weekday ?? 1) + 6) % 7]
        let month = months[((parts.month ?? 1) + 11) % 12]
        return "\(weekday), \(pad(parts.day, 2)) \(month) \(pad(parts.year, 4)) \(clock(parts)) \(offset(date, timeZone))"
    }

    /// `2026-11-21 00:30:05 +0800`, for the body.
    static func local(_ date: Date, timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2)) \(clock(parts)) \(offset(date, timeZone))"
    }

    static func offset(_ date: Date, _ timeZone: TimeZone) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60, 2) + pad(minutes % 60, 2)
    }

    private static func clock(_ parts: DateComponents) -> String {
        "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
    }

    private static func pad(_ value: Int?, _ width: Int) -> String {
        let digits = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        SummaryDay.calendar(timeZone).dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
    }
}
