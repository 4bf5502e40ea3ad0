import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchText

/// Prints check results for people (grouped by file) or for programs (JSON lines).
struct FindingPrinter {
    enum Format { case text, json }
    let format: Format

    func print(_ results: [CheckResult]) {
        var out = ""
        switch format {
        case .json:
            for result in results {
                for finding in result.findings { out += Self.json(finding, result) + "\n" }
            }
        case .text:
            for result in results { out += Self.text(result) }
            if results.count > 1 { out += Self.totals(results) }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func text(_ result: CheckResult) -> String {
        var about: [String] = []
        if let t = result.template { about.append("\(t) 年格式") }
        if let o = result.organ { about.append(o) }
        if let y = result.year { about.append("\(y) 年度") }
        // A name is escaped as the journal spells it: a newline in it must not forge another file's heading.
        var out = SafeText.escaped(Array(result.name.utf8)) + (about.isEmpty ? "" : "（\(about.joined(separator: " · "))）") + "\n"
        if result.findings.isEmpty { return out + "  未发现问题\n\n" }
        for f in result.findings.sorted(by: { $0.severity > $1.severity }) {
            let place = f.location.display
            out += "  \(f.severity.chinese)  \(f.rule)  \(f.message)" + (place.isEmpty ? "" : "  [\(place)]") + "\n"
        }
        out += "  共 \(result.count(.error)) 个错误、\(result.count(.warning)) 个警告、\(result.count(.info)) 个提示\n\n"
        return out
    }

    static func totals(_ results: [CheckResult]) -> String {
        let clean = results.filter { $0.findings.isEmpty }.count
        let withErrors = results.filter { $0.count(.error) > 0 }.count
        return "共检查 \(results.count) 份文件：\(clean) 份未发现问题，\(withErrors) 份有错误\n"
    }

    static func json(_ f: Finding, _ r: CheckResult) -> String {
        var fields: [(String, Any)] = [("file", r.name), ("rule", f.rule), ("severity", f.severity.rawValue), ("message", f.message)]
        let optional: [(String, Any?)] = [
            ("section", f.location.section), ("table", f.location.table), ("row", f.location.row),
            ("column", f.location.column), ("line", f.location.line), ("expected", f.expected), ("actual", f.actual),
            ("template", r.template), ("organ", r.organ), ("year", r.year),
        ]
        for (k, v) in optional { if let v { fields.append((k, v)) } }
        return "{" + fields.map { "\"\($0.0)\":" + encode($0.1) }.joined(separator: ",") + "}"
    }

    static func encode(_ value: Any) -> String {
        if let i = value as? Int { return String(i) }
        let s = "\(value)"
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
