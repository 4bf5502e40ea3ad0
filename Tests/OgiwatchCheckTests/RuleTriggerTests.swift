import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing

/// Every rule has a report that triggers it and one that must not. Defective reports are
/// copies of the seeds changed in code; expected totals are never written by hand.
@Suite struct RuleTriggerTests {
    /// 002 is tab-separated (one table row per line), which makes single-cell edits easy.
    static func seed002() throws -> String { try SeedReport.text("002") }

    static let t3Row002 = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
    static let t4Row002 = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"

    func expectFires(_ rule: String, _ text: String, severity: Severity? = nil, _ comment: Comment? = nil) {
        let result = SeedReport.check(text)
        let hits = result.findings.filter { $0.rule == rule }
        #expect(!hits.isEmpty, "\(rule) should fire; got \(SeedReport.rules(result))")
        if let severity { #expect(hits.allSatisfy { $0.severity == severity }, "\(rule) severity") }
    }

    /// The rule fires exactly with these messages (sorted), so every placeholder is seen filled.
    func expectMessages(_ rule: String, _ text: String, _ messages: [String]) {
        let result = SeedReport.check(text)
        #expect(result.findings.filter { $0.rule == rule }.map(\.message).sorted() == messages.sorted())
    }

    func expectSilent(_ rule: String, _ text: String) {
        let result = SeedReport.check(text)
        #expect(!SeedReport.fired(result, rule), "\(rule) should not fire; got \(SeedReport.rules(result))")
    }

    @Test func sectionsPresent() throws {
        let text = try Self.seed002()
        expectSilent("STRUCT.SECTIONS_PRESENT", text)
        expectFires("STRUCT.SECTIONS_PRESENT", text.replacingOnce("五、存在的主要问题及改进情况\n", with: ""), severity: .error)
    }

    @Test func sectionOrder() throws {
        let text = try Self.seed002()
        expectSilent("STRUCT.SECTION_ORDER", text)
        let five = try #require(text.range(of: "五、存在的主要问题及改进情况"))
        let six = try #require(text.range(of: "六、其他需要报告的事项"))
        let swapped = String(text[..<five.lowerBound]) + String(text[six.lowerBound...]) + "\n"
            + String(text[five.lowerBound..<six.lowerBound])
        expectMessages("STRUCT.SECTION_ORDER", swapped, ["各部分顺序颠倒：出现顺序为一、二、三、四、六、五，应为一至六"])
        let result = SeedReport.check(swapped)
        #expect(!SeedReport.fired(result, "STRUCT.SECTIONS_PRESENT"), "a swapped section is not missing")
    }

    @Test func sectionTitle() throws {
        let text = try Self.seed002()
        expectSilent("STRUCT.SECTION_TITLE", text)
        let misnamed = text.replacingOnce("二、主动公开政府信息情况", with: "二、信息主动发布情况")
        expectMessages("STRUCT.SECTION_TITLE", misnamed, ["第二部分的标题写作「二、信息主动发布情况」，应为「主动公开政府信息情况」"])
        let result = SeedReport.check(misnamed)
        #expect(result.findings.first { $0.rule == "STRUCT.SECTION_TITLE" }?.severity == .warning)
        #expect(!SeedReport.fired(result, "STRUCT.SECTIONS_PRESENT"), "a misnamed section is not missing")
        // A heading whose title is another section's is that section, out of place.
        expectSilent("STRUCT.SECTION_TITLE", text.replacingOnce("二、主动公开政府信息情况", with: "二、总体情况"))
    }

    @Test func headingFormat() throws {
        expectSilent("STRUCT.HEADING_FORMAT", try Self.seed002())
        expectFires("STRUCT.HEADING_FORMAT", try SeedReport.text("000"), severity: .info)
    }

    @Test func extraSection() throws {
        let text = try Self.seed002()
        expectSilent("STRUCT.EXTRA_SECTION", text)
        expectFires("STRUCT.EXTRA_SECTION", text + "\n\n七、附件\n\n附件一份。", severity: .warning)
    }

    @Test func sectionEmpty() throws {
        let text = try Self.seed002()
        expectSilent("STRUCT.SECTION_EMPTY", text)
        let start = try #require(text.range(of: "五、存在的主要问题及改进情况\n"))
        let end = try #require(text.range(of: "六、其他需要报告的事项"))
        let emptied = text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: "\n无\n\n")
        expectFires("STRUCT.SECTION_EMPTY", emptied, severity: .error)
    }

    @Test func titleOrganYear() throws {
        expectSilent("META.TITLE_ORGAN_YEAR", try Self.seed002())
        expectFires("META.TITLE_ORGAN_YEAR", try SeedReport.text("003"), severity: .warning)
    }

    @Test func titleWording() throws {
        expectSilent("META.TITLE_WORDING", try Self.seed002())
        expectFires("META.TITLE_WORDING", try SeedReport.text("000"), severity: .info)
    }

    @Test func yearConsistent() throws {
        for seed in ["000", "001", "002", "003", "004"] { expectSilent("META.YEAR_CONSISTENT", try SeedReport.text(seed)) }
        // 〇-numeral title against a body that speaks of 2021.
        expectFires("META.YEAR_CONSISTENT", try SeedReport.text("000").replacingOnce("二〇二一年度", with: "二〇二〇年度"), severity: .warning)
        let period = try SeedReport.text("001")
        expectFires("META.YEAR_CONSISTENT", period.replacingOnce("从2020年1月1日至2020年12月31日", with: "从2019年1月1日至2019年12月31日"))
        // A date that is not the statistics period does not count.
        let start = try #require(period.range(of: "从2020年1月1日至2020年12月31日"))
        expectSilent("META.YEAR_CONSISTENT", period.replacingCharacters(in: start, with: "从2020年1月1日至2020年12月31日，自2019年1月1日起施行的办法继续执行"))
    }

    @Test func artifacts() throws {
        let text = try Self.seed002()
        expectSilent("META.ARTIFACTS", text)
        expectFires("META.ARTIFACTS", try SeedReport.text("000"), severity: .info)
        expectFires("META.ARTIFACTS", text.replacingOnce("\n无", with: "\n（文字描述，收取信息处理费情况在此处报告。）"))
        expectFires("META.ARTIFACTS", text.replacingOnce("牡丹江市西安区牡丹街道", with: "XXXX年××街道"))
    }

    @Test func statisticsPeriod() throws {
        expectSilent("META.STAT_PERIOD", try SeedReport.text("000"))
        expectFires("META.STAT_PERIOD", try Self.seed002(), severity: .info)
    }

    @Test func templateDetect() throws {
        let text = try Self.seed002()
        expectSilent("TPL.DETECT", text)
        let noTables = text.components(separatedBy: "\n").filter { !$0.contains("\t") }.joined(separator: "\n")
        expectFires("TPL.DETECT", noTables, severity: .error)
    }

    @Test func templateYearMismatch() throws {
        let text = try SeedReport.text("001")
        expectSilent("TPL.YEAR_MISMATCH", text)
        // A 2021 report still using the 2019 tables.
        let relabelled = text.replacingOnce("湛郎街道2020年", with: "湛郎街道2021年")
        expectFires("TPL.YEAR_MISMATCH", relabelled, severity: .error)
    }

    @Test func otherProcessingSubRows() throws {
        let text = try Self.seed002()
        expectSilent("TPL.T3_OTHER_SUBROWS", text)
        let lines = text.components(separatedBy: "\n")
        let merged = lines.filter { !$0.contains("逾期") && !$0.hasPrefix("\t\t3. 其他") }
        let legacy = merged.map { $0.hasPrefix("\t(七)") ? "其他处理\t(六)\t\t0\t0\t0\t0\t0\t0\t0\n" + $0 : $0 }
        let result = SeedReport.check(legacy.joined(separator: "\n"))
        #expect(SeedReport.fired(result, "TPL.T3_OTHER_SUBROWS"))
        // The 2019-style row stands in for the three sub-rows: the table still counts as read.
        #expect(!SeedReport.fired(result, "TABLE.MISSING_OR_UNPARSEABLE"), "\(SeedReport.rules(result))")
    }

    @Test func labels() throws {
        let text = try Self.seed002()
        expectSilent("TPL.LABELS", text)
        expectFires("TPL.LABELS", text.replacingOnce("其他法律行政法规禁止公开", with: "其他法律行政止公开"), severity: .warning)
    }

    @Test func tableMissingOrUnparseable() throws {
        let text = try Self.seed002()
        expectSilent("TABLE.MISSING_OR_UNPARSEABLE", text)
        let noT4 = text.replacingOnce(Self.t4Row002, with: "")
        expectFires("TABLE.MISSING_OR_UNPARSEABLE", noT4, severity: .warning)
        let start = try #require(text.range(of: "行政复议\t"))
        let noTableFour = text.replacingCharacters(in: start.lowerBound..<(try #require(text.range(of: Self.t4Row002))).upperBound, with: "")
        expectFires("TABLE.MISSING_OR_UNPARSEABLE", noTableFour, severity: .error)
        let shortRow = text.replacingOnce(Self.t3Row002, with: "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t")
        expectFires("TABLE.MISSING_OR_UNPARSEABLE", shortRow, severity: .warning)
    }

    @Test func rowTotal() throws {
        let text = try Self.seed002()
        expectSilent("T3.ROW_TOTAL", text)
        expectFires("T3.ROW_TOTAL", text.replacingOnce(Self.t3Row002, with: "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t0\t"), severity: .error)
    }

    @Test func outcomeTotal() throws {
        let text = try Self.seed002()
        expectSilent("T3.OUTCOME_TOTAL", text)
        let changed = text.replacingOnce("(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", with: "(一) 予以公开\t1\t0\t0\t0\t0\t0\t1")
        let result = SeedReport.check(changed)
        #expect(SeedReport.fired(result, "T3.OUTCOME_TOTAL"))
        #expect(!SeedReport.fired(result, "T3.ROW_TOTAL"))
    }

    @Test func balance() throws {
        let text = try Self.seed002()
        expectSilent("T3.BALANCE", text)
        // Received and answered agree, but the carry-over does not balance.
        let changed = text.replacingOnce(Self.t3Row002, with: "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t")
            .replacingOnce("(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", with: "(一) 予以公开\t1\t0\t0\t0\t0\t0\t1")
            .replacingOnce("\t(七)\t总计\t0\t0\t0\t0\t0\t0\t0", with: "\t(七)\t总计\t1\t0\t0\t0\t0\t0\t1")
            .replacingOnce("四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0", with: "四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1")
        let result = SeedReport.check(changed)
        #expect(SeedReport.fired(result, "T3.BALANCE"))
        #expect(!SeedReport.fired(result, "T3.OUTCOME_TOTAL"))
        #expect(!SeedReport.fired(result, "T3.ROW_TOTAL"))
    }

    @Test func t3BlankCells() throws {
        expectSilent("T3.BLANK_CELLS", try SeedReport.text("000"))
        expectFires("T3.BLANK_CELLS", try SeedReport.text("001"), severity: .warning)
    }

    @Test func t3ValueDomain() throws {
        let text = try Self.seed002()
        expectSilent("T3.VALUE_DOMAIN", text)
        let negative = text.replacingOnce("(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", with: "(一) 予以公开\t0\t0\t0\t0\t0\t-1\t-1")
        expectMessages("T3.VALUE_DOMAIN", negative, ["表三「（一）予以公开」行「其他」栏写作「-1」，不应为负数",
                                                     "表三「（一）予以公开」行「总计」栏写作「-1」，不应为负数"])
        let grid = try SeedReport.text("000")
        let dash = grid.replacingOnce("\t（一）予以公开\n\t0", with: "\t（一）予以公开\n\t—")
        expectMessages("T3.VALUE_DOMAIN", dash, ["表三「（一）予以公开」行「自然人」栏写作「—」，不是数字"])
        // One defect, one finding: the dash is neither a blank nor an operand of any sum.
        let result = SeedReport.check(dash)
        for rule in ["T3.BLANK_CELLS", "T3.ROW_TOTAL", "T3.OUTCOME_TOTAL", "T3.BALANCE"] {
            #expect(!SeedReport.fired(result, rule), "\(rule) must not fire on a dash")
        }
    }

    @Test func t4GroupTotal() throws {
        let text = try Self.seed002()
        expectSilent("T4.GROUP_TOTAL", text)
        expectMessages("T4.GROUP_TOTAL", text.replacingOnce(Self.t4Row002, with: "1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"),
                       ["表四「行政复议」：维持、纠正、其他、尚未审结之和为 1，总计栏为 0"])
    }

    /// 000's table 四 holds fifteen zeros padded with NBSP; its first group is changed here.
    static let t4Group000 = "\t0\u{A0}\n\t0\u{A0}\n\t0\u{A0}\n\t\u{A0}0"

    @Test func t4BlankCells() throws {
        let text = try SeedReport.text("000")
        expectSilent("T4.BLANK_CELLS", text)
        let blank = text.replacingOnce(Self.t4Group000, with: "\t0\u{A0}\n\t\n\t0\u{A0}\n\t\u{A0}0")
        expectMessages("T4.BLANK_CELLS", blank, ["表四「行政复议」行有 1 个空白单元格：尚未审结"])
        #expect(SeedReport.check(blank).findings.first { $0.rule == "T4.BLANK_CELLS" }?.severity == .warning)
        #expect(!SeedReport.fired(SeedReport.check(blank), "T4.GROUP_TOTAL"), "a group with a blank is not summed")
    }

    @Test func t4ValueDomain() throws {
        let text = try SeedReport.text("000")
        expectSilent("T4.VALUE_DOMAIN", text)
        let word = text.replacingOnce(Self.t4Group000, with: "\t0\u{A0}\n\t/\n\t0\u{A0}\n\t\u{A0}0")
        expectMessages("T4.VALUE_DOMAIN", word, ["表四「行政复议」行「尚未审结」栏写作「/」，不是数字"])
        #expect(!SeedReport.fired(SeedReport.check(word), "T4.BLANK_CELLS"), "a slash is not a blank")
    }

    @Test func t2ValueFormat() throws {
        expectSilent("T2.VALUE_FORMAT", try SeedReport.text("000"))
        expectFires("T2.VALUE_FORMAT", try SeedReport.text("004"), severity: .info)
        let text = try Self.seed002()
        expectFires("T2.VALUE_FORMAT", text.replacingOnce("行政事业性收费\t0", with: "行政事业性收费\t5元"), severity: .warning)
    }

    @Test func t2BlankCells() throws {
        let text = try SeedReport.text("000")
        expectSilent("T2.BLANK_CELLS", text)
        expectFires("T2.BLANK_CELLS", text.replacingOnce("\t规章\n\t0", with: "\t规章\n\t"), severity: .warning)
    }

    @Test func t2Plausibility() throws {
        let text = try Self.seed002()
        expectSilent("T2.PLAUSIBILITY", text)
        let regulations = text.replacingOnce("规章\t0\t0\t0", with: "规章\t1\t0\t1")
        expectFires("T2.PLAUSIBILITY", regulations, severity: .info, "a 街道 cannot issue 规章")
        expectSilent("T2.PLAUSIBILITY", regulations.replacingOnce("牡丹江市西安区牡丹街道 2021", with: "牡丹江市人民政府 2021"))
        expectFires("T2.PLAUSIBILITY", regulations.replacingOnce("牡丹江市西安区牡丹街道 2021", with: "牡丹江市西安区人民政府 2021"))
        // 2019 format: 本年新公开 ≤ 对外公开总数量, whoever the organ.
        let seed001 = try SeedReport.text("001")
        expectSilent("T2.PLAUSIBILITY", seed001)
        expectFires("T2.PLAUSIBILITY", seed001.replacingOnce("\t规范性文件\n\t0\n\t0\n\t0", with: "\t规范性文件\n\t0\n\t5\n\t3"))
    }

    @Test func enumerationSum() throws {
        for seed in ["000", "001", "003", "004"] { expectSilent("NARR.ENUM_SUM", try SeedReport.text(seed)) }
        expectFires("NARR.ENUM_SUM", try SeedReport.text("003").replacingOnce("政府信824条", with: "政府信825条"), severity: .warning)
        let changed = try SeedReport.text("001").replacingOnce("共104条", with: "共105条")
        expectMessages("NARR.ENUM_SUM", changed, [
            "正文称共 105，但列举的各项（95+4+3+1+1）相加为 104：「从2020年1月1日至2020年12月31日,我街道主动公开信息政务动态95条,公告公示4条,其他规范性文件3条,机构概括1条,人事信息1条,共105条,与去年…」",
        ])
        let finding = SeedReport.check(changed).findings.first { $0.rule == "NARR.ENUM_SUM" }
        #expect(finding?.location.section == "一", "the finding names the section of its sentence")
    }

    @Test func requestsVersusTableThree() throws {
        let text = try SeedReport.text("000")
        expectSilent("NARR.REQUESTS_VS_T3", text)
        expectFires("NARR.REQUESTS_VS_T3", text.replacingOnce("办理依申请公开0件", with: "办理依申请公开3件"), severity: .warning)
    }

    @Test func outcomesVersusTableThree() throws {
        // 003's table 三 has one 部分公开 and nothing else.
        let text = try SeedReport.text("003")
        let anchor = "收到政府信息公开申请1件，"
        expectSilent("NARR.OUTCOMES_VS_T3", text)
        for said in ["部分公开1件，", "予以公开及部分公开1件，", "其中不予公开0件、无法提供0件，", "其他处理0件，"] {
            expectSilent("NARR.OUTCOMES_VS_T3", text.replacingOnce(anchor, with: anchor + said))
        }
        for said in ["不予公开1件，", "予以公开及部分公开2件，", "部分公开3件，", "无法提供1件，", "不予处理2件，", "其他处理1件，"] {
            expectFires("NARR.OUTCOMES_VS_T3", text.replacingOnce(anchor, with: anchor + said), severity: .warning, "\(said)")
        }
    }

    @Test func reviewLitigationVersusTableFour() throws {
        let text = try Self.seed002()
        expectSilent("NARR.REVIEW_LITIGATION_VS_T4", text)
        let claim = text.replacingOnce("\n无", with: "\n本年度发生行政复议2件。")
        expectFires("NARR.REVIEW_LITIGATION_VS_T4", claim, severity: .warning)
    }

    @Test func normativeDocumentsVersusTableTwo() throws {
        expectSilent("NARR.NORMATIVE_DOCS_VS_T2", try SeedReport.text("000"))
        expectFires("NARR.NORMATIVE_DOCS_VS_T2", try SeedReport.text("001"), severity: .info)
    }

    @Test func feeStatement() throws {
        let explicit = try SeedReport.text("003")
        expectSilent("FEE.STATEMENT", explicit)
        expectFires("FEE.STATEMENT", try Self.seed002(), severity: .error)
        expectFires("FEE.STATEMENT", try SeedReport.text("001"), severity: .info)
        let text = try Self.seed002()
        for statement in ["全年收取政府信息公开信息处理费 3940 元。", "2021年，无收取信息处理费情况。", "本年度未收取信息处理费。",
                          "2021年，街道未收取政府信息公开相关费用。"] {
            expectSilent("FEE.STATEMENT", text.replacingOnce("\n无", with: "\n" + statement))
        }
        expectMessages("FEE.STATEMENT", text.replacingOnce("\n无", with: "\n本机关认真办理人大代表建议和政协提案。"),
                       ["第六部分未说明信息处理费收取情况（该部分内容：「本机关认真办理人大代表建议和政协提案。」）"])
        // The template's own instruction is not a statement.
        expectFires("FEE.STATEMENT", text.replacingOnce("\n无", with: "\n（文字描述，收取信息处理费情况在此处报告。）"), severity: .error)
        // Without section 六, STRUCT.SECTIONS_PRESENT alone reports the missing section.
        let start = try #require(text.range(of: "六、其他需要报告的事项"))
        expectSilent("FEE.STATEMENT", String(text[..<start.lowerBound]))
    }

    @Test func feeWording() throws {
        expectSilent("FEE.WORDING", try SeedReport.text("003"))
        expectMessages("FEE.WORDING", try SeedReport.text("000"), ["第六部分的收费说明较笼统，未明确提到「信息处理费」：「未收取政府信息公开相关费用」"])
        let text = try Self.seed002()
        expectMessages("FEE.WORDING", text.replacingOnce("\n无", with: "\n本年度收取行政事业性收费0万元。"),
                       ["第六部分只提到「行政事业性收费」（表二第二十条第（八）项，另一种费用），未说明信息处理费"])
    }

    @Test func feeConsistency() throws {
        let text = try Self.seed002()
        let denial = text.replacingOnce("\n无", with: "\n本年度不涉及收费。")
        expectSilent("FEE.CONSISTENCY", text)
        expectSilent("FEE.CONSISTENCY", denial)
        let unpaid = "\t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"
        let counted = unpaid.replacingOnce("\t0\t0\t0\t0\t0\t0\t0", with: "\t1\t0\t0\t0\t0\t0\t1")
        expectFires("FEE.CONSISTENCY", denial.replacingOnce(unpaid, with: counted), severity: .info, "table 三 counts an unpaid fee notice")
        expectSilent("FEE.CONSISTENCY", text.replacingOnce(unpaid, with: counted))
        let mentioned = text.replacingOnce("\n无", with: "\n本年度向1名申请人发出收费通知，申请人未缴费。本机关未发生收费。")
        expectFires("FEE.CONSISTENCY", mentioned, severity: .info, "the prose mentions a fee notice")
        let both = mentioned.replacingOnce(unpaid, with: counted)
        #expect(SeedReport.check(both).findings.filter { $0.rule == "FEE.CONSISTENCY" }.count == 2, "one finding per trigger, each once")
    }

    @Test func assessmentResultsForPeoplesGovernments() throws {
        let text = try Self.seed002()
        expectSilent("GOV.ASSESSMENT_RESULTS", text)
        let government = text.replacingOnce("牡丹江市西安区牡丹街道 2021", with: "牡丹江市西安区人民政府 2021")
        expectFires("GOV.ASSESSMENT_RESULTS", government, severity: .warning)
        let reported = government.replacingOnce("同考核。", with: "同考核。全年开展政府信息公开工作考核、社会评议，未发生责任追究。")
        expectSilent("GOV.ASSESSMENT_RESULTS", reported)
    }

    @Test func problemsAndMeasures() throws {
        let text = try Self.seed002()
        expectSilent("SEC5.PROBLEMS_AND_MEASURES", text)
        let start = try #require(text.range(of: "五、存在的主要问题及改进情况\n"))
        let end = try #require(text.range(of: "六、其他需要报告的事项"))
        let vague = text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: "\n本年度政务公开工作总体平稳有序，成效明显。\n\n")
        expectFires("SEC5.PROBLEMS_AND_MEASURES", vague, severity: .info)
    }

    @Test func unreadableAndUnsupportedFiles() throws {
        let empty = SeedReport.checker.check(bytes: [], format: .txt, name: "empty.txt")
        #expect(empty.findings.map(\.rule) == ["DOC.UNREADABLE"])
        #expect(empty.findings.first?.message.hasPrefix("文件无法读取：") == true)
        let scratch = try TemporaryDirectory("ogiwatch-rtf")
        try Data("{\\rtf1 本机关2024年度报告}".utf8).write(to: URL(fileURLWithPath: scratch.path + "/report.rtf"))
        let unsupported = SeedReport.checker.check(path: scratch.path + "/report.rtf")
        #expect(unsupported.findings.map(\.rule) == ["DOC.UNSUPPORTED"])
        // A path that is not there is missing, whatever its name says.
        let missing = SeedReport.checker.check(path: scratch.path + "/report-gone.rtf")
        #expect(missing.findings.map(\.message) == ["文件无法读取：文件不存在（可能已被移走或删除）"])
    }
}
