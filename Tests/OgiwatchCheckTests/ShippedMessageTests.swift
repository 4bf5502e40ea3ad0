import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import Testing

/// Every shipped rule fires once here and its message is compared in full: each placeholder
/// filled, no braces, no regular expression and no raw cell dump reaching the clerk.
@Suite struct ShippedMessageTests {
    static let t3Row = RuleTriggerTests.t3Row002
    static let zeroRow = "(一) 予以公开\t0\t0\t0\t0\t0\t0\t0"

    /// A report (a seed changed in code) on which the rule fires, and its first message.
    static func scenarios() throws -> [(rule: String, text: String, message: String)] {
        let s000 = try SeedReport.text("000"), s001 = try SeedReport.text("001"), s002 = try SeedReport.text("002")
        let s003 = try SeedReport.text("003"), s004 = try SeedReport.text("004")
        let five = try #require(s002.range(of: "五、存在的主要问题及改进情况\n"))
        let six = try #require(s002.range(of: "六、其他需要报告的事项"))
        let fifth = s002[five.upperBound..<six.lowerBound]
        let unpaid = "\t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"
        let legacy = s002.components(separatedBy: "\n").filter { !$0.contains("逾期") && !$0.hasPrefix("\t\t3. 其他") }
            .map { $0.hasPrefix("\t(七)") ? "其他处理\t(六)\t\t0\t0\t0\t0\t0\t0\t0\n" + $0 : $0 }.joined(separator: "\n")
        return [
            ("STRUCT.SECTIONS_PRESENT", s002.replacingOnce("五、存在的主要问题及改进情况\n", with: ""), "缺少第五部分「存在的主要问题及改进情况」"),
            ("STRUCT.SECTION_TITLE", s002.replacingOnce("二、主动公开政府信息情况", with: "二、信息主动发布情况"),
             "第二部分的标题写作「二、信息主动发布情况」，应为「主动公开政府信息情况」"),
            ("STRUCT.SECTION_ORDER", String(s002[..<five.lowerBound]) + String(s002[six.lowerBound...]) + "\n" + String(s002[five.lowerBound..<six.lowerBound]),
             "各部分顺序颠倒：出现顺序为一、二、三、四、六、五，应为一至六"),
            ("STRUCT.HEADING_FORMAT", s000, "第一部分标题写作「1、 总体情况」，规范写法为「一、总体情况」"),
            ("STRUCT.EXTRA_SECTION", s002 + "\n\n七、附件\n\n附件一份。", "出现格式以外的部分「七、附件」"),
            ("STRUCT.SECTION_EMPTY", s002.replacingOnce(String(fifth), with: "\n无\n\n"), "第五部分内容为空或过短（1 个字）"),
            ("META.TITLE_ORGAN_YEAR", s003, "标题「政府信息公开工作年度报告」未写明机关名称、年度"),
            ("META.TITLE_WORDING", s000, "标题「杭州市拱墅区东新街道人民政府办事处二〇二一年度信息公开工作年度报告」未以「政府信息公开工作年度报告」结尾"),
            ("META.YEAR_CONSISTENT", s000.replacingOnce("二〇二一年度", with: "二〇二〇年度"), "报告年度前后不一致：标题为 2020 年，统计期限为 2021 年，第一部分正文为 2021 年"),
            ("META.ARTIFACTS", s002.replacingOnce("牡丹江市西安区牡丹街道", with: "XXXX年××街道"), "报告中有编辑残留「XXXX年」"),
            ("META.STAT_PERIOD", s002, "未说明数据统计期限（1月1日至12月31日）"),
            ("TPL.DETECT", s002.components(separatedBy: "\n").filter { !$0.contains("\t") }.joined(separator: "\n"), "无法识别报告格式：统计表既不符合 2019 年格式，也不符合 2021 年格式"),
            ("TPL.YEAR_MISMATCH", s001.replacingOnce("湛郎街道2020年", with: "湛郎街道2021年"), "2021 年度报告使用了2019 年格式的表头：本年新制作数量、本年新公开数量、对外公开总数量、上一年项目数量、本年增/减、其他对外管理服务事项、第二十条第（九）项、政府集中采购"),
            ("TPL.T3_OTHER_SUBROWS", legacy, "表三「（六）其他处理」应分为三个子行（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请、3.其他），本报告只有一行「（六）其他处理」（2019 年格式）"),
            ("TPL.LABELS", s002.replacingOnce("其他法律行政法规禁止公开", with: "其他法律行政止公开"), "表三「2.其他法律行政法规禁止公开」行的标签写作「2.其他法律行政止公开」，与模板不符"),
            ("TABLE.MISSING_OR_UNPARSEABLE", s002.replacingOnce(t3Row, with: "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t"), "表三：「一、本年新收政府信息公开申请数量」行只识别出 5 个数值（应为 7 个），空白单元格无法定位（第39行）"),
            ("T3.ROW_TOTAL", s002.replacingOnce(t3Row, with: "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t0\t"), "表三「一、本年新收政府信息公开申请数量」行：六类申请人之和为 2，总计栏为 0"),
            ("T3.OUTCOME_TOTAL", s002.replacingOnce(zeroRow, with: "(一) 予以公开\t1\t0\t0\t0\t0\t0\t1"), "表三（七）总计·总计：各项办理结果之和 1，总计栏为 0"),
            ("T3.BALANCE", s002.replacingOnce(t3Row, with: "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t"), "表三「总计」列勾稽关系不成立：（七）总计 + 四（结转下年度）= 0，一（本年新收）+ 二（上年结转）= 1"),
            ("T3.BLANK_CELLS", s001, "表三「（七）总计」行有 1 个空白单元格：其他"),
            ("T3.VALUE_DOMAIN", s000.replacingOnce("\t（一）予以公开\n\t0", with: "\t（一）予以公开\n\t—"), "表三「（一）予以公开」行「自然人」栏写作「—」，不是数字"),
            ("T4.GROUP_TOTAL", s002.replacingOnce(RuleTriggerTests.t4Row002, with: "1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"), "表四「行政复议」：维持、纠正、其他、尚未审结之和为 1，总计栏为 0"),
            ("T4.VALUE_DOMAIN", s000.replacingOnce(RuleTriggerTests.t4Group000, with: "\t0\u{A0}\n\t/\n\t0\u{A0}\n\t\u{A0}0"), "表四「行政复议」行「尚未审结」栏写作「/」，不是数字"),
            ("T4.BLANK_CELLS", s000.replacingOnce(RuleTriggerTests.t4Group000, with: "\t0\u{A0}\n\t\n\t0\u{A0}\n\t\u{A0}0"), "表四「行政复议」行有 1 个空白单元格：尚未审结"),
            ("T2.VALUE_FORMAT", s004, "表二「政府集中采购」行「采购总金额」栏写作「378.0169万元」，单元格中写有单位「万元」，单位应写在表头"),
            ("T2.BLANK_CELLS", s000.replacingOnce("\t规章\n\t0", with: "\t规章\n\t"), "表二「规章」行有 1 个空白单元格：本年制发件数"),
            ("T2.PLAUSIBILITY", s002.replacingOnce("规章\t0\t0\t0", with: "规章\t1\t0\t1"), "表二「规章」行：本机关不能制定规章，本行却填有数字：本年制发件数 1、本年废止件数 0、现行有效件数 1"),
            ("NARR.ENUM_SUM", s003.replacingOnce("政府信824条", with: "政府信825条"), "正文称共 825，但列举的各项（480+207+137）相加为 824：「2021年度,我街道对主动公开政府信息的情况进行了梳理和登记,全年共制作政府信825条,其中政府网站主动公开的政务公开信息480条,街道微信公众号公开信息207…」"),
            ("NARR.REQUESTS_VS_T3", s000.replacingOnce("办理依申请公开0件", with: "办理依申请公开3件"), "正文称收到申请 3 件，表三为 0 件：「办理依申请公开3件」"),
            ("NARR.OUTCOMES_VS_T3", s003.replacingOnce("收到政府信息公开申请1件，", with: "收到政府信息公开申请1件，不予公开1件，"), "正文称不予公开 1 件，表三为 0 件：「不予公开1件」"),
            ("NARR.REVIEW_LITIGATION_VS_T4", s002.replacingOnce("\n无", with: "\n本年度发生行政复议2件。"), "正文称行政复议 2 件，表四为 0 件：「行政复议2件」"),
            ("NARR.NORMATIVE_DOCS_VS_T2", s001, "正文称「规范性文件3条」，表二「规范性文件」行为 0"),
            ("FEE.STATEMENT", s002.replacingOnce("\n无", with: "\n本机关认真办理人大代表建议和政协提案。"), "第六部分未说明信息处理费收取情况（该部分内容：「本机关认真办理人大代表建议和政协提案。」）"),
            ("FEE.WORDING", s000, "第六部分的收费说明较笼统，未明确提到「信息处理费」：「未收取政府信息公开相关费用」"),
            ("FEE.CONSISTENCY", s002.replacingOnce("\n无", with: "\n本年度不涉及收费。")
                .replacingOnce(unpaid, with: unpaid.replacingOnce("\t0\t0\t0\t0\t0\t0\t0", with: "\t1\t0\t0\t0\t0\t0\t1")), "表三有申请人逾期未按收费通知缴费的申请，但第六部分称「不涉及收费」"),
            ("GOV.ASSESSMENT_RESULTS", s002.replacingOnce("牡丹江市西安区牡丹街道 2021", with: "牡丹江市西安区人民政府 2021"), "未报告社会评议、责任追究结果情况"),
            ("SEC5.PROBLEMS_AND_MEASURES", s002.replacingOnce(String(fifth), with: "\n本年度政务公开工作总体平稳有序，成效明显。\n\n"), "第五部分未写明存在的问题、改进措施"),
        ]
    }

    @Test func everyShippedRuleFiresWithItsMessageFilled() throws {
        let set = SeedReport.checker.ruleSet
        let scenarios = try Self.scenarios()
        for (rule, text, expected) in scenarios {
            let messages = SeedReport.check(text).findings.filter { $0.rule == rule }.map(\.message).sorted()
            #expect(messages.first == expected, "\(rule)")
            let template = try #require(set.rule(rule)?.message)
            for message in messages { #expect(Self.fills(template, message), "\(rule): \(message)") }
        }
        let reader = try Self.readerFindings()
        #expect(reader.map(\.rule) == ["DOC.UNREADABLE", "DOC.UNSUPPORTED", "DOC.NO_TEXT_LAYER"])
        for finding in reader {
            let template = try #require(set.rule(finding.rule)?.message)
            #expect(Self.fills(template, finding.message), "\(finding.rule): \(finding.message)")
        }
        let covered = Set(scenarios.map(\.rule) + reader.map(\.rule))
        #expect(set.rules.map(\.id).filter { !covered.contains($0) } == [])
    }

    /// The reader's rules: an empty file, an unknown format, a scanned PDF.
    static func readerFindings() throws -> [Finding] {
        let empty = SeedReport.checker.check(bytes: [], format: .txt, name: "empty.txt").findings
        let scratch = try TemporaryDirectory("ogiwatch-rtf")
        let rtf = scratch.path + "/report.rtf"
        try Data("{\\rtf1 本机关2024年度报告}".utf8).write(to: URL(fileURLWithPath: rtf))
        let unsupported = SeedReport.checker.check(path: rtf).findings
        let scanned = SeedReport.checker.check(bytes: PdfBuilder.imageOnly(pages: 2), format: .pdf, name: "scan.pdf").findings
        return empty + unsupported + scanned
    }

    /// The message is the template with every placeholder replaced by text that is not
    /// empty, holds no brace and no regular-expression syntax.
    static func fills(_ template: String, _ message: String) -> Bool {
        var pattern = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+)"
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) != nil else { return false }
        let leaks = ["{", "}", "「」", "(?", "\\d", "[^", "|", ".{", "或将("]
        return !leaks.contains { message.contains($0) }
    }
}
