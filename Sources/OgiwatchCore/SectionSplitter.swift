/// Finds the six section headings (domain §1.2) and splits the document at them.
///
/// A line is a heading only when its shape is right *and* its title holds the section's
/// keywords: table row labels such as 「四、结转下年度继续办理」 share the numbering but not
/// the keywords.
struct SectionSplitter {
    let specs: [SectionSpec]

    struct Result {
        var sections: [ReportSection]
        var extraHeadings: [Paragraph]
        /// Blocks before the first heading (title, preamble).
        var preamble: [Paragraph]
    }

    static let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    func split(_ document: Document) -> Result {
        var result = Result(sections: [], extraHeadings: [], preamble: [])
        var current: ReportSection?
        var seenSix = false

        func close() {
            if let c = current { result.sections.append(c) }
            current = nil
        }

        for block in document.blocks {
            switch block {
            case .table(let table):
                current?.tables.append(table)
            case .paragraph(let p):
                if let number = headingNumber(p.text) {
                    close()
                    current = ReportSection(number: number, heading: p.text, line: p.line)
                    if number == 6 { seenSix = true }
                } else if isExtraHeading(p.text, afterSix: seenSix) {
                    result.extraHeadings.append(p)
                    current?.body.append(p)
                } else if current != nil {
                    current?.body.append(p)
                } else if let (number, before, heading) = midLineHeading(p.text) {
                    result.preamble.append(Paragraph(before, line: p.line))
                    current = ReportSection(number: number, heading: heading, line: p.line)
                } else {
                    result.preamble.append(p)
                }
            }
        }
        close()
        return recoverMidLine(result)
    }

    /// The section number when `text` is a heading line: optional indentation, a numeral,
    /// `、．.，`, an optional space, then a title holding the section's keywords.
    func headingNumber(_ text: String) -> Int? {
        guard let (_, title) = Self.headingShape(text), title.count <= 40 else { return nil }
        let compactTitle = Normalize.compact(title)
        return specs.first { spec in spec.keywords.contains { group in group.allSatisfy(compactTitle.includes) } }?.number
    }

    /// Splits `一、总体情况` into (1, "总体情况"); nil when the line is not numbered.
    static func headingShape(_ text: String) -> (Int, String)? {
        // Headings are short; most paragraphs are rejected on their first characters.
        guard let first = text.unicodeScalars.first(where: { !Normalize.isPadding($0) }),
              (0x30...0x39).contains(first.value) || (0xFF10...0xFF19).contains(first.value)
                || numerals[Character(first)] != nil else { return nil }
        let n = Normalize.text(String(text.unicodeScalars.prefix(80)))
        var rest = Substring(n).drop(while: { $0.isWhitespace })
        var number: Int?
        if let first = rest.first, let value = numerals[first] {
            number = value
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 2, let value = Int(digits) else { return nil }
            number = value
            rest = rest.dropFirst(digits.count)
        }
        guard let punct = rest.first, "、.,".contains(punct), let number else { return nil }
        let title = Normalize.trimCell(String(rest.dropFirst()))
        guard !title.isEmpty else { return nil }
        return (number, title)
    }

    /// 七、 and beyond after section 六, or a pre-2019 part such as 政府信息公开情况统计表.
    func isExtraHeading(_ text: String, afterSix: Bool) -> Bool {
        guard let (number, title) = Self.headingShape(text), title.count <= 30, !title.hasSuffix("。") else { return false }
        if title.contains("统计表") { return true }
        return afterSix && number >= 7
    }

    /// Flattened web text can run a heading into the previous sentence:
    /// 「…管理办法。二、主动公开政府信息情况 …」. Only the official wording is accepted there.
    func midLineHeading(_ text: String) -> (Int, String, String)? {
        for spec in specs {
            let official = "\(spec.numeral)、\(spec.title)"
            guard let range = text.range(of: official), range.lowerBound != text.startIndex else { continue }
            let before = text[..<range.lowerBound]
            guard let last = before.last(where: { !$0.isWhitespace }), "。；;！!".contains(last) else { continue }
            return (spec.number, String(before), String(text[range.lowerBound...]))
        }
        return nil
    }

    /// A section missing from the line scan may hide mid-line in another section's body.
    private func recoverMidLine(_ result: Result) -> Result {
        var result = result
        let found = Set(result.sections.map(\.number))
        guard found.count < specs.count else { return result }
        var index = 0
        while index < result.sections.count {
            var section = result.sections[index]
            if let split = section.body.firstIndex(where: { p in
                midLineHeading(p.text).map { !found.contains($0.0) } ?? false
            }), let (number, before, heading) = midLineHeading(section.body[split].text) {
                let line = section.body[split].line
                let after = Array(section.body[(split + 1)...])
                section.body = Array(section.body[..<split]) + [Paragraph(before, line: line)]
                result.sections[index] = section
                result.sections.insert(ReportSection(number: number, heading: heading, line: line, body: after), at: index + 1)
            }
            index += 1
        }
        return result
    }
}
