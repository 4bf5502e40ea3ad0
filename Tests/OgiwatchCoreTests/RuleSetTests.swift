import Foundation
@testable import OgiwatchCore
import OgiwatchFixtures
import Testing

/// The rule set is data: these tests load the shipped files as text and change them.
@Suite struct RuleSetTests {
    static func shipped() throws -> [RuleSource] {
        let dir = RepositoryFiles.rulesDirectory
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted().map {
            RuleSource(name: $0, text: try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
    }

    @Test func shippedRulesLoadWithStableMessageIDs() throws {
        let set = try RuleSet(sources: Self.shipped())
        #expect(Set(set.templates.map(\.id)) == ["2019", "2021"])
        #expect(set.sections.count == 6)
        let ids = set.rules.map { set.messageID(forRule: $0.id) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
        #expect(set.rule("TPL.T3_OTHER_SUBROWS")?.templates == ["2021"])
    }

    @Test func catalogCoversEveryRequiredRule() throws {
        let set = try RuleSet(sources: Self.shipped())
        let required = ["STRUCT.SECTIONS_PRESENT", "STRUCT.SECTION_ORDER", "STRUCT.HEADING_FORMAT", "META.TITLE_ORGAN_YEAR",
                        "META.TITLE_WORDING", "META.ARTIFACTS", "META.STAT_PERIOD", "TPL.DETECT", "TPL.YEAR_MISMATCH",
                        "TPL.T3_OTHER_SUBROWS", "TPL.LABELS", "TABLE.MISSING_OR_UNPARSEABLE", "T3.ROW_TOTAL",
                        "T3.OUTCOME_TOTAL", "T3.BALANCE", "T3.BLANK_CELLS", "T3.VALUE_DOMAIN", "T4.GROUP_TOTAL",
                        "T4.VALUE_DOMAIN", "T4.BLANK_CELLS", "STRUCT.SECTION_TITLE", "T2.VALUE_FORMAT", "T2.BLANK_CELLS", "NARR.ENUM_SUM",
                        "NARR.REQUESTS_VS_T3", "FEE.STATEMENT", "FEE.WORDING", "GOV.ASSESSMENT_RESULTS",
                        "SEC5.PROBLEMS_AND_MEASURES", "META.YEAR_CONSISTENT", "T2.PLAUSIBILITY", "NARR.OUTCOMES_VS_T3",
                        "FEE.CONSISTENCY", "NARR.REVIEW_LITIGATION_VS_T4", "NARR.NORMATIVE_DOCS_VS_T2", "STRUCT.EXTRA_SECTION",
                        "STRUCT.SECTION_EMPTY"]
        #expect(required.filter { set.rule($0) == nil } == [])
    }

    /// Tables 三 and 四 are written once in common.yaml; each template gets its own rows.
    @Test func sharedTablesGiveEachTemplateItsRows() throws {
        let set = try RuleSet(sources: Self.shipped())
        let old = try #require(set.templates.first { $0.id == "2019" }).tables
        let new = try #require(set.templates.first { $0.id == "2021" }).tables
        #expect(old.T4 == new.T4)
        #expect(old.T3.columns == new.T3.columns)
        #expect(new.T3.allRows.count == old.T3.allRows.count + 3)
        #expect(!old.T3.allRows.contains { $0.key == "fee_unpaid" })
        #expect(old.T3.allRows.first { $0.key == "otherwise" }?.standsFor == nil, "2019 has no sub-rows to stand in for")
        #expect(new.T3.allRows.first { $0.key == "otherwise" }?.standsFor == ["no_correction", "fee_unpaid", "other_reason"])
        #expect(new.T3.allRows.filter { $0.hasTag("withheld") }.count == 8)
    }

    @Test func localFilesOverrideSeverityAndSwitchRulesOff() throws {
        let local = RuleSource(name: "local.yaml", text: """
            overrides:
              T3.BLANK_CELLS: {severity: error}
              META.ARTIFACTS: {enabled: false}
            """, isLocal: true)
        let set = try RuleSet(sources: Self.shipped() + [local])
        #expect(set.rule("T3.BLANK_CELLS")?.severity == .error)
        #expect(set.rule("META.ARTIFACTS")?.isEnabled == false)
    }

    /// Two checks of one rule that find the same thing report it once; a check's own `when:`
    /// and `note:` apply to it alone.
    @Test func checksOfOneRuleShareFindingsAndKeepTheirConditions() throws {
        let local = RuleSource(name: "extra.yaml", text: """
            rules:
              - id: LOCAL.TWICE
                severity: info
                title: t
                message: "缺少网站{note}"
                checks:
                  - {kind: text, scope: document, require_any: ['gov\\.cn'], note: ''}
                  - {kind: text, scope: document, require_any: ['gov\\.cn'], note: ''}
                  - {kind: text, scope: document, require_any: ['gov\\.cn'], note: （提到申请）, when: {text_matches: 申请}}
            """, isLocal: true)
        let set = try RuleSet(sources: Self.shipped() + [local])
        let plain = set.evaluate(Document(blocks: [.paragraph(Paragraph("一、总体情况", line: 1))])).1
        #expect(plain.filter { $0.rule == "LOCAL.TWICE" }.map(\.message) == ["缺少网站"])
        let asked = set.evaluate(Document(blocks: [.paragraph(Paragraph("一、总体情况：收到申请。", line: 1))])).1
        #expect(asked.filter { $0.rule == "LOCAL.TWICE" }.map(\.message) == ["缺少网站", "缺少网站（提到申请）"])
    }

    @Test func localFilesAddRulesWrittenInTheSameLanguage() throws {
        let local = RuleSource(name: "extra.yaml", text: """
            rules:
              - id: LOCAL.NO_WEBSITE
                severity: warning
                title: 写明网站
                message: 正文未写明政府网站地址
                check: {kind: text, scope: document, require_any: ['gov\\\\.cn']}
            """, isLocal: true)
        let set = try RuleSet(sources: Self.shipped() + [local])
        let (_, findings) = set.evaluate(Document(blocks: [.paragraph(Paragraph("一、总体情况", line: 1))]))
        #expect(findings.contains { $0.rule == "LOCAL.NO_WEBSITE" && $0.severity == .warning })
    }

    @Test(arguments: [
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: equation, table: T3, for_each: column, left: [nope], right: [total]}}]", "nope"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: text, scope: document, require_any: ['(']}}]", "正则表达式无法编译"),
        ("rules: [{id: X.BAD, severity: fatal, title: t, message: m, check: {kind: text}}]", "local.yaml"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: no_such_kind}}]", "local.yaml"),
        ("overrides: {NO.SUCH.RULE: {severity: info}}", "NO.SUCH.RULE"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: text, scope: document, require_any: ['$undefined']}}]", "$undefined"),
        ("overrides: {T3.BLANK_CELLS: {severty: error}}", "severty"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: year_consistent, when: {cell_postive: T3.new.total}}}]", "cell_postive"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: year_consistent, when: {cell_positive: T3.nope.total}}}]", "nope"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: year_consistent, when: {text_matches: '('}}}]", "正则表达式无法编译"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: narrative_number, scope: document, claims: [{what: w, pattern: '(\\d+)件', compare: [T3.new]}]}}]", "T3.new"),
        ("rules: [{id: X.BAD, severity: error, title: t, message: m, check: {kind: text, scope: document, requier_all: [a]}}]", "requier_all"),
    ])
    func invalidRulesAreRejectedWithAReason(yaml: String, mentions: String) throws {
        let local = RuleSource(name: "local.yaml", text: yaml, isLocal: true)
        #expect {
            try RuleSet(sources: Self.shipped() + [local])
        } throws: { error in
            String(describing: error).contains(mentions)
        }
    }

    @Test func shippedRulesMayNotClash() throws {
        let sources = try Self.shipped()
        let duplicate = RuleSource(name: "dup.yaml", text: "rules: [{id: T3.BALANCE, severity: error, title: t, message: m, check: {kind: template_detected}}]")
        #expect(throws: RuleSetError.self) { try RuleSet(sources: sources + [duplicate]) }
    }

    /// One bad value in a shipped rule is reported alone: not the rules, overrides or
    /// sections that depend on it.
    @Test func aRuleThatCannotBeReadIsItsOnlyProblem() throws {
        let sources = try Self.shipped().map { source in
            var source = source
            if source.name == "common.yaml", let range = source.text.range(of: "\n    severity: warning\n") {
                source.text.replaceSubrange(range, with: "\n    severity: fatal\n")
            }
            return source
        }
        let override = RuleSource(name: "local.yaml", text: "overrides: {STRUCT.SECTION_TITLE: {severity: info}}", isLocal: true)
        #expect {
            try RuleSet(sources: sources + [override])
        } throws: { error in
            guard let error = error as? RuleSetError else { return false }
            return error.problems.count == 1 && error.problems[0].file == "common.yaml"
                && error.problems[0].rule == "STRUCT.SECTION_TITLE" && error.problems[0].text.contains("fatal")
                && !error.description.contains("没有定义任何部分")
        }
    }

    /// A YAML syntax error names its file and line.
    @Test func aFileThatIsNotYAMLNamesItsLine() throws {
        let broken = RuleSource(name: "local.yaml", text: "rules:\n  - id: X\n   severity: [error\n", isLocal: true)
        #expect {
            try RuleSet(sources: Self.shipped() + [broken])
        } throws: { error in
            guard let problem = (error as? RuleSetError)?.problems.first else { return false }
            return problem.file == "local.yaml" && problem.line != nil && problem.text.hasPrefix("YAML 语法错误")
        }
    }

    /// The version names the content, not where it was read from.
    @Test func versionDependsOnContentOnly() throws {
        let shipped = try Self.shipped()
        let elsewhere = shipped.map { RuleSource(name: "/copy/of/rules//" + $0.name, text: $0.text) }
        #expect(try RuleSet(sources: shipped).version == RuleSet(sources: elsewhere).version)
        var changed = shipped
        changed[0].text += "\n# 注释\n"
        #expect(try RuleSet(sources: shipped).version != RuleSet(sources: changed).version)
        let asLocal = shipped.map { RuleSource(name: $0.name, text: $0.text, isLocal: $0.name != "common.yaml") }
        #expect(try RuleSet(sources: shipped).version != RuleSet(sources: asLocal).version)
    }
}
