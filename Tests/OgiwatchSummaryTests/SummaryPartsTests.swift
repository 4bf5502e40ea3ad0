import Testing
@testable import OgiwatchSummary

/// The pieces that keep server paths, junk organ names and internals out of the mail.
@Suite struct SummaryPartsTests {
    static let roots = [Array("/srv/drop".utf8), Array("/srv/drop/县直/".utf8)]

    @Test(arguments: [
        ("/srv/drop/甲县/2025年报.docx", "甲县", "2025年报.docx"),
        ("/srv/drop/甲县/补充/说明.pdf", "甲县", "补充/说明.pdf"),
        ("/srv/drop/直接.txt", "drop", "直接.txt"),
        // The deepest watched folder a path lies under wins.
        ("/srv/drop/县直/财政局/年报.docx", "财政局", "年报.docx"),
        // Not under any watched folder (a folder since removed from the configuration).
        ("/home/old/乙县/年报.docx", "乙县", "年报.docx"),
        ("/srv/dropped/丙县/年报.docx", "丙县", "年报.docx"),
    ])
    func placesAreRelativeToTheDropFolder(_ path: String, _ folder: String, _ file: String) {
        let place = DropPlace(path: Array(path.utf8), roots: Self.roots)
        #expect(place.folder == folder)
        #expect(place.file == file)
    }

    @Test func placesEscapeWhatTheyShow() {
        let place = DropPlace(path: Array("/srv/drop/a\nb/".utf8) + [0xff] + Array(".txt".utf8), roots: Self.roots)
        #expect(place.folder == "a\\nb")
        #expect(place.file == "\\xff.txt")
    }

    @Test(arguments: [
        ("中共某县委办公室（县政府办公室）", "中共某县委办公室（县政府办公室）"), ("牡丹江市西安区牡丹街道", "牡丹江市西安区牡丹街道"),
        ("  淮安市人民政府 ", "淮安市人民政府"), ("首页>信息公开>年度报告", nil), ("首页 » 政务公开", nil),
        ("某县2025年政府信息公开工作年度报告", nil), ("/srv/drop", nil), ("县", nil), ("Example Org", nil),
        (String(repeating: "某", count: 41), nil),
    ] as [(String, String?)])
    func organNamesMustReadLikeOne(_ text: String, _ shown: String?) {
        #expect(OrganName.plausible(text) == shown)
    }

    @Test(arguments: [
        ("第五部分未写明改进或将(切实或进一步)", true), ("表三「商业企业」栏0", true), ("匹配 \\d+ 个", true), ("a|b", true),
        ("表三「其他」列勾稽关系不成立：（七）总计 + 四（结转下年度）= 0", false),
        ("标签写作「(六)其他处理1.申请人」，与模板不符", false), ("正文称共 10，但列举的各项（5+6）相加为 11", false),
        ("表三「1.信访举报投诉类申请」行「科研机构」栏写作「-」，不是数字", false),
    ])
    func internalsAreRecognised(_ message: String, _ leaks: Bool) {
        #expect(InternalText.leaks(message) == leaks)
    }
}
