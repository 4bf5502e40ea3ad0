import Foundation
@testable import OgiwatchCore
import OgiwatchFixtures
import Testing

/// What a rule author mistypes is refused at load, naming the file, the rule, the field and
/// the line, each rule at its first fault.
@Suite struct RuleProblemTests {
    static let misspelt = """
        rules:
          - id: LOCAL.SCOPE
            severity: warning
            title: t
            message: m
            check: {kind: text, scope: sectoin, require_any: [a]}
          - id: LOCAL.REQUIRE
            severity: warning
            title: t
            message: 缺少{missing}
            check: {kind: metadata, require: [titel]}
          - id: LOCAL.ROWS
            severity: warning
            title: t
            message: 表{table}
            check: {kind: blank_cells, table: T3, rows: [new]}
          - id: LOCAL.PLACEHOLDER
            severity: warning
            title: t
            message: 缺少{misspelt}
            check: {kind: text, scope: document, require_any: [a]}
          - id: LOCAL.SEVERITY
            severity: critical
            title: t
            message: m
            check: {kind: text, scope: document, require_any: [a]}
          - id: LOCAL.REGEX
            severity: info
            title: t
            message: m
            check: {kind: text, scope: document, require_any: ['(未']}
          - id: LOCAL.FIELD
            severity: info
            title: t
            message: m
            check: {kind: blank_cells, tabel: T3}
        """

    static func problems(_ yaml: String) throws -> [RuleProblem] {
        let sources = try RuleSetTests.shipped() + [RuleSource(name: "local.yaml", text: yaml, isLocal: true)]
        do {
            _ = try RuleSet(sources: sources)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func eachMisspellingIsRefusedWithFileRuleFieldAndLine() throws {
        let problems = try Self.problems(Self.misspelt)
        let place = problems.map { [$0.file, String($0.line ?? 0), $0.rule ?? "", $0.field ?? ""] }
        #expect(place == [
            ["local.yaml", "6", "LOCAL.SCOPE", "scope"],
            ["local.yaml", "11", "LOCAL.REQUIRE", "require"],
            ["local.yaml", "16", "LOCAL.ROWS", "rows"],
            ["local.yaml", "20", "LOCAL.PLACEHOLDER", "message"],
            ["local.yaml", "23", "LOCAL.SEVERITY", "severity"],
            ["local.yaml", "31", "LOCAL.REGEX", "require_any"],
            ["local.yaml", "36", "LOCAL.FIELD", "tabel"],
        ])
        #expect(problems.map(\.text) == [
            "未知的取值「sectoin」，可用的取值：title、document、section",
            "未知的取值「titel」，可用的取值：title、title_organ、title_year、organ、year",
            "blank_cells 检查不使用 rows；blank_cells 检查可用的字段：kind、severity、when、note、table、whole_table_severity",
            "占位符 {misspelt} 不是 text 检查提供的；可用的占位符：{excerpt}、{title}",
            "未知的严重程度「critical」，可用的取值：error（错误）、warning（警告）、info（提示）",
            "正则表达式无法编译：「(未」（检查括号是否成对、转义是否正确）",
            "未知字段 tabel（拼写错误？）；blank_cells 检查可用的字段：kind、severity、when、note、table、whole_table_severity",
        ])
        #expect(problems[0].description == "local.yaml 第 6 行，规则 LOCAL.SCOPE，字段 scope：未知的取值「sectoin」，可用的取值：title、document、section")
    }

    /// A placeholder a check fills only on some of its hits would print empty on the others.
    @Test(arguments: [
        ("{kind: text, scope: document, require_any: [a], forbid_any: [b]}", "{match}", "message"),
        ("{kind: text, scope: document, require_all: ['a(b|c)']}", "{missing}", "require_all"),
        ("{kind: equation, table: T3, for_each: column, left: ['@leaf'], right: [total]}", "{row}", "message"),
        ("{kind: text, scope: document, require_any: [a], note: '见{excerpt}'}", "{note}{section}", "message"),
    ])
    func placeholdersAChecksDoesNotAlwaysFillAreRefused(check: String, message: String, field: String) throws {
        let yaml = "rules: [{id: LOCAL.X, severity: info, title: t, message: '\(message)', check: \(check)}]"
        let problems = try Self.problems(yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.rule == "LOCAL.X")
        #expect(problems.first?.field == field)
    }

    /// Fields that only make sense together are refused apart.
    @Test(arguments: [
        ("{kind: text, scope: document, section: 6, require_any: [a]}", "section", "只有 scope: section 才用 section"),
        ("{kind: text, scope: section, section: 9, require_any: [a]}", "section", "没有第 9 部分（已定义的部分：1、2、3、4、5、6）"),
        ("{kind: text, scope: document, if_missing: fire, require_any: [a]}", "if_missing", "只有 scope: section 才用 if_missing"),
        ("{kind: equation, table: T3, for_each: row, columns: [total], left: [total], right: [natural]}", "columns",
         "for_each: row 时用 rows 选择要核算的行，不用 columns"),
        ("{kind: equation, table: T3, for_each: row, left: [total], right: [natural], op: '=<'}", "op", "未知的取值「=<」，可用的取值：=、<=、>="),
        ("{kind: equation, table: T5, for_each: row, left: [total], right: [natural]}", "table", "未知的取值「T5」，可用的取值：T2、T3、T4"),
        ("{kind: equation, table: T3, for_each: rows, left: [total], right: [natural]}", "for_each", "未知的取值「rows」，可用的取值：row、column"),
        ("{kind: narrative_number, scope: document, claims: [{what: w, pattern: '(\\\\d+)件', compare: ['T3.@nosuch.total']}]}", "compare",
         "表三中没有带标签 nosuch 的行"),
    ])
    func fieldsOutOfPlaceAreRefused(check: String, field: String, text: String) throws {
        let problems = try Self.problems("rules: [{id: LOCAL.X, severity: info, title: t, message: m, check: \(check)}]")
        #expect(problems.map(\.field) == [field])
        #expect(problems.map(\.text) == [text])
        #expect(problems.first?.line == 1)
    }
}

/// The placeholders of each check kind are documented where rule authors look: README's rules
/// section and the head of `Rules/common.yaml`.
@Suite struct PlaceholderDocumentationTests {
    @Test func everyKindIsDocumentedWithItsPlaceholders() throws {
        let readme = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("README.md"), encoding: .utf8)
        let common = try String(contentsOfFile: RepositoryFiles.rulesDirectory + "/common.yaml", encoding: .utf8)
        let samples: [CheckTest] = [.sectionsPresent, .sectionOrder, .sectionTitle, .headingFormat, .extraSection,
                                    .sectionEmpty(sections: [1], minChars: 1), .artifacts(forbidAny: []), .metadata(require: []),
                                    .templateDetected, .templateYear, .rowsPresent(table: .three, rows: []), .labels(tables: []),
                                    .tableFound(tables: [], unparseable: nil), .blankCells(table: .three, wholeTable: nil),
                                    .valueDomain(table: .three, outOfDomain: nil),
                                    .enumerationSum(EnumerationSumCheck(units: [], approximateBefore: [])),
                                    .narrativeNumber(scope: .document, claims: []), .yearConsistent, .reader]
        for test in samples {
            let kind = test.kind.rawValue
            let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| `\(kind)` |") }, "\(kind) in README")
            let line = try #require(common.split(separator: "\n").first { $0.hasPrefix("#   \(kind) ") }, "\(kind) in common.yaml")
            for name in test.placeholders {
                #expect(row.contains("`{\(name)}`"), "README: \(kind) {\(name)}")
                #expect(line.contains("{\(name)}"), "common.yaml: \(kind) {\(name)}")
            }
        }
        for kind in ["equation", "text"] {
            #expect(readme.contains("| `\(kind)` |") && common.contains("#   \(kind) "))
        }
    }
    /// A file with nothing in it is refused by name rather than loaded as no rules.
    @Test func anEmptyFileIsRefused() throws {
        for text in ["", "\n# 只有注释\n"] {
            #expect(try RuleProblemTests.problems(text) == [RuleProblem(file: "local.yaml", text: "规则文件是空的：写入 template、tables、sections、patterns、rules 或 overrides，或删除这个文件")])
        }
    }

    /// Nesting the YAML library would compose recursively until the stack overflows is
    /// refused at the line where it passes the limit, in flow and in block style.
    @Test(arguments: [String(repeating: "[", count: 100_000), "rules:\n  - " + String(repeating: "- ", count: 100_000) + "x"])
    func nestingTooDeepIsRefusedAtItsLine(text: String) throws {
        let problems = try RuleProblemTests.problems(text)
        #expect(problems.map(\.description) == ["local.yaml 第 \(text.hasPrefix("rules") ? 2 : 1) 行：YAML 嵌套超过 100 层：规则文件用不到这么深的结构，检查是否有未闭合的括号"])
    }

    /// Aliases that would expand a billion-fold are refused as the wrong shape without being expanded.
    @Test func expandingAliasesAreRefusedAsTheWrongShape() throws {
        var lines = ["rules:", "  - &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 { lines.append("  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let problems = try RuleProblemTests.problems(lines.joined(separator: "\n"))
        #expect(problems.count == 10)
        #expect(problems.first?.description == "local.yaml 第 2 行，字段 rules：应为映射（`键: 值` 的形式），实际为列表")
    }
}
