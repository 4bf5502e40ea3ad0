import Foundation

/// What a table cell holds: a number, nothing, or anything else.
///
/// A cell empty after trimming is blank; a dash, `/`, `无`, `×` or a Latin `O` is not a
/// number and not a blank either: the author wrote something where a count belongs
/// (README, "How a report is read"). Each is reported by its own rule, and no sum is computed
/// over a cell that is not a number.
public enum CellValue: Sendable, Equatable, Hashable {
    case number(Decimal, unit: String?)
    case blank
    case text(String)

    public init(parsing raw: String) {
        let trimmed = Normalize.trimCell(raw)
        if trimmed.isEmpty {
            self = .blank
            return
        }
        let n = Normalize.nfkc(trimmed)
        if let parsed = CellValue.parseNumber(n) {
            self = parsed
            return
        }
        self = .text(trimmed)
    }

    var number: Decimal? {
        if case .number(let d, _) = self { return d }
        return nil
    }

    public var isNumber: Bool { number != nil }

    var isBlank: Bool { self == .blank }

    /// The number as a clerk would write it: no trailing `.0`, unit kept.
    var display: String {
        switch self {
        case .number(let d, let unit): return CellValue.format(d) + (unit ?? "")
        case .blank: return "空"
        case .text(let s): return s
        }
    }

    static func format(_ d: Decimal) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    static let units = ["万元", "元", "件", "条", "个"]

    /// `^[+-]?\d+(\.\d+)?(万元|元|件|条|个)?$`, written by hand on UTF-8: this runs on every cell,
    /// and Foundation's locale-aware parser would cost more than the rest of the check.
    static func parseNumber(_ s: String) -> CellValue? {
        var unit: String?
        var body = Substring(s)
        if let last = s.unicodeScalars.last, last.value >= 0x80 {
            guard let u = units.first(where: { s.hasSuffix($0) }) else { return nil }
            unit = u
            body = body.dropLast(u.count)
        }
        var bytes = Array(body.utf8)[...]
        var negative = false
        if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".") else {
            return nil
        }
        var mantissa: UInt64 = 0
        var scale = 0
        var dots = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                dots += 1
                continue
            }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let (shifted, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(b - UInt8(ascii: "0")))
            guard !o1, !o2 else { return .text(s) }
            mantissa = sum
            if dots == 1 { scale += 1 }
        }
        guard dots <= 1 else { return nil }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: -scale, significand: Decimal(mantissa))
        return .number(value, unit: unit)
    }
}
