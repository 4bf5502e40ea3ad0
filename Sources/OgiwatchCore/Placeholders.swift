/// The `{placeholders}` each check fills for its rule's message. A message naming one its
/// checks do not fill is a load error: it would print an empty gap. The list is the one
/// README's rules section and the head of `Rules/common.yaml` document.
extension CheckTest {
    /// Every name this check fills on every hit.
    var placeholders: Set<String> {
        switch self {
        case .sectionsPresent: ["section", "title"]
        case .sectionOrder: ["order", "problem"]
        case .sectionTitle: ["section", "heading", "title"]
        case .headingFormat: ["section", "heading", "official"]
        case .extraSection: ["heading"]
        case .sectionEmpty: ["section", "length"]
        case .text(let check): check.placeholders
        case .artifacts: ["artifact"]
        case .metadata: ["missing", "title"]
        case .templateDetected: ["title"]
        case .templateYear: ["year", "template", "markers"]
        case .rowsPresent: ["table", "missing", "found"]
        case .labels: ["table", "row", "found"]
        case .tableFound: ["table", "reason"]
        case .equation(let check): check.placeholders
        case .blankCells: ["table", "row", "columns", "count"]
        case .valueDomain: ["table", "row", "column", "value", "problem"]
        case .enumerationSum: ["total", "parts", "sum", "excerpt"]
        case .narrativeNumber: ["what", "said", "table_value", "excerpt"]
        case .yearConsistent: ["years"]
        case .reader: ["reason"]
        }
    }
}

extension EquationCheck {
    /// `{row}` for each row, `{column}` for each column; the other one too when the left side
    /// is a single cell, which names it. `{left_cells}` when the left side names cells.
    var placeholders: Set<String> {
        var names: Set<String> = ["table", "left", "right", "left_value", "right_value", axis == .row ? "row" : "column"]
        if left.count == 1, case .key = left[0] { names.insert(axis == .row ? "column" : "row") }
        if left.contains(where: { if case .constant = $0 { false } else { true } }) { names.insert("left_cells") }
        return names
    }
}

extension TextCheck {
    /// `{missing}` only when every hit is a missing `require_all` item, `{match}` only when
    /// every hit is a forbidden match; `{section}` only for a section.
    var placeholders: Set<String> {
        var names: Set<String> = ["excerpt", "title"]
        if case .section = scope { names.insert("section") }
        var modes: [Set<String>] = []
        if requireAny != nil { modes.append([]) }
        if requireAll != nil { modes.append(["missing"]) }
        if forbidAny != nil { modes.append(["match"]) }
        if ifMissing == .fire { modes.append([]) }
        if let first = modes.first { names.formUnion(modes.dropFirst().reduce(first) { $0.intersection($1) }) }
        return names
    }
}

/// The `{name}` placeholders of a message.
enum Placeholder {
    /// Names between braces, in order, each once.
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Fills every placeholder; validation at load guarantees each has a value.
    static func render(_ template: String, _ vars: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += vars[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
