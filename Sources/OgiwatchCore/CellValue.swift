import Foundation

/// The numeric cell grammar of domain §3.2: every table cell is a number, a blank, a
/// "not applicable" mark or free text, and each is reported differently.
public enum CellValue: Sendable, Equatable, Hashable {
    case number(Decimal, unit: String?)
    case blank
    case notApplicable(String)
    case text(String)

    public init(parsing raw: String) {
        let trimmed = Normalize.trimCell(raw)
        if trimmed.isEmpty {
            self = .blank
            return
        }
        let n = trimmed.precomposedStringWithCompatibilityMapping
        if CellValue.naMarks.contains(n) || CellValue.naMarks.contains(trimmed) {
            self = .notApplicable(trimmed)
            return
        }
        if let parsed = CellValue.parseNumber(n) {
            self = parsed
            return
        }
        self = .text(trimmed)
    }

    /// Blank and NA count as 0 in arithmetic (domain §3.3); the blank rules report them.
    public var arithmeticValue: Decimal {
        if case .number(let d, _) = self { return d }
        return 0
    }

    public var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    public var isBlankOrNA: Bool {
        switch self {
        case .blank, .notApplicable: return true
        default: return false
        }
    }

    /// The number as a clerk would write it: no trailing `.0`, unit kept.
    public var display: String {
        switch self {
        case .number(let d, let unit): return CellValue.format(d) + (unit ?? "")
        case .blank: return "空"
        case .notApplicable(let s), .text(let s): return s
        }
    }

    public static func format(_ d: Decimal) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    static let naMarks: Set<String> = ["/", "-", "—", "－", "无", "／", "--", "——"]
    static let units = ["万元", "元", "件", "条", "个"]

    /// `^[+-]?\d+(\.\d+)?(万元|元|件|条|个)?$`, written by hand: this runs on every cell.
    static func parseNumber(_ s: String) -> CellValue? {
        var body = Substring(s)
        var unit: String?
        for u in units where body.hasSuffix(u) {
            unit = u
            body = body.dropLast(u.count)
            break
        }
        var digits = body
        if let f = digits.first, f == "+" || f == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var seenDot = false
        var lastWasDot = false
        for (i, ch) in digits.enumerated() {
            if ch == "." {
                if seenDot || i == 0 { return nil }
                seenDot = true
                lastWasDot = true
                continue
            }
            guard ch.isASCII, ch.isNumber else { return nil }
            lastWasDot = false
        }
        if lastWasDot { return nil }
        let signed = body.first == "+" ? body.dropFirst() : body
        guard let d = Decimal(string: String(signed), locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return .number(d, unit: unit)
    }
}
