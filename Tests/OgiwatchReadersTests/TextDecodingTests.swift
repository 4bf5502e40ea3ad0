import OgiwatchCore
import OgiwatchFixtures
@testable import OgiwatchReaders
import Testing

@Suite struct TextDecodingTests {
    static let seeds = ["000", "001", "002", "003", "004"]

    /// A traditional-Chinese sentence: valid GBK, but mostly outside the GB2312 area.
    static let traditional = "政府資訊公開工作年度報告：本機關依據條例處理申請，體現開放與透明。"

    private func problem(_ bytes: [UInt8], declaredCharset: String? = nil) -> DocumentProblem? {
        do throws(DocumentProblem) {
            _ = try TextDecoding.decode(bytes, declaredCharset: declaredCharset)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Encodings that must decode exactly

    @Test(arguments: seeds)
    func utf8SeedDecodesUnchanged(seed: String) throws {
        let original = try ReferenceReports.seedText(seed)
        #expect(try TextDecoding.decode(Array(original.utf8)) == original)
    }

    @Test(arguments: seeds)
    func gb18030CopyDecodesToTheUTF8Original(seed: String) throws {
        let original = try ReferenceReports.seedText(seed)
        let bytes = try Transcode.iconv(original, to: "GB18030")
        #expect(bytes != Array(original.utf8))
        #expect(try TextDecoding.decode(bytes) == original)
    }

    @Test(arguments: ["001", "002"])
    func gbkCopyDecodesToTheUTF8Original(seed: String) throws {
        let original = try ReferenceReports.seedText(seed)
        #expect(try TextDecoding.decode(Transcode.iconv(original, to: "GBK")) == original)
    }

    @Test(arguments: [
        ("UTF-8", [0xEF, 0xBB, 0xBF]),
        ("UTF-16LE", [0xFF, 0xFE]),
        ("UTF-16BE", [0xFE, 0xFF]),
        ("UTF-32LE", [0xFF, 0xFE, 0x00, 0x00]),
        ("UTF-32BE", [0x00, 0x00, 0xFE, 0xFF]),
    ] as [(String, [UInt8])])
    func copyWithByteOrderMarkDecodesToTheUTF8Original(encoding: String, mark: [UInt8]) throws {
        let original = try ReferenceReports.seedText("000")
        let decoded = try TextDecoding.decode(mark + Transcode.iconv(original, to: encoding))
        #expect(decoded == original)
    }

    @Test func fewControlCharactersAreStillText() throws {
        let text = "报告\u{07}正文\u{0B}第二行\u{0C}第二页\u{1B}完" + String(repeating: "政府信息公开", count: 20)
        #expect(try TextDecoding.decode(Array(text.utf8)) == text)
    }

    // MARK: Declared charset

    @Test func declaredGBDecodesGBBytes() throws {
        let original = try ReferenceReports.seedText("001")
        let bytes = try Transcode.iconv(original, to: "GB18030")
        #expect(try TextDecoding.decode(bytes, declaredCharset: " GB2312 ") == original)
    }

    @Test func staleGBLabelOnUTF8PageStillDecodesAsUTF8() throws {
        let original = try ReferenceReports.seedText("001")
        #expect(try TextDecoding.decode(Array(original.utf8), declaredCharset: "gbk") == original)
    }

    @Test func wrongUTF8LabelFallsBackToDetection() throws {
        let original = try ReferenceReports.seedText("002")
        let bytes = try Transcode.iconv(original, to: "GB18030")
        #expect(try TextDecoding.decode(bytes, declaredCharset: "utf-8") == original)
    }

    @Test func byteOrderMarkWinsOverDeclaredCharset() throws {
        let original = try ReferenceReports.seedText("003")
        let bytes = try [0xFF, 0xFE] + Transcode.iconv(original, to: "UTF-16LE")
        #expect(try TextDecoding.decode(bytes, declaredCharset: "gb2312") == original)
    }

    @Test func declaredGBKAdmitsTextThatDetectionRefuses() throws {
        let bytes = try Transcode.iconv(Self.traditional, to: "GBK")
        #expect(problem(bytes) == TextDecoding.unknownEncoding)
        #expect(try TextDecoding.decode(bytes, declaredCharset: "GBK") == Self.traditional)
    }

    // MARK: Hostile input

    @Test func emptyInputLooksIncomplete() {
        let found = problem([])
        #expect(found?.kind == .unreadable)
        #expect(found?.reason.contains("文件为空") == true)
        #expect(found?.looksIncomplete == true)
    }

    @Test(arguments: [
        Array(" \n\t\r\n　\u{00A0}\u{200B}\u{FEFF}  \r".utf8),
        [0xEF, 0xBB, 0xBF],
        [0xFF, 0xFE, 0x20, 0x00, 0x00, 0x30, 0x0A, 0x00],
    ] as [[UInt8]])
    func whitespaceOnlyHasNoText(bytes: [UInt8]) {
        let found = problem(bytes)
        #expect(found?.kind == .unreadable)
        #expect(found?.reason.contains("没有文字内容") == true)
        #expect(found?.looksIncomplete == false)
    }

    @Test func nulLadenDataIsBinary() {
        var bytes = Array("PK\u{03}\u{04}word/document.xml".utf8)
        bytes += [0x00, 0x00, 0x14, 0x00, 0x06, 0x00] + Array("政府信息公开".utf8)
        let found = problem(bytes)
        #expect(found?.reason.contains("二进制") == true)
        #expect(found?.looksIncomplete == false)
    }

    @Test func controlCharactersWithoutNULAreBinary() {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 % 3 == 0 ? 0x01 + $0 % 7 : 0x41) }
        #expect(problem(bytes)?.reason.contains("二进制") == true)
    }

    @Test func nulCharactersInUTF16AreBinary() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x25, 0x62, 0x00, 0x00, 0x4A, 0x54, 0x00, 0x00, 0x41, 0x00]
        #expect(problem(bytes)?.reason.contains("二进制") == true)
    }

    @Test func trailingNULsLookLikeACopyInProgress() throws {
        let bytes = try Array(ReferenceReports.seedText("000").utf8) + [UInt8](repeating: 0, count: 4096)
        let found = problem(bytes)
        #expect(found?.reason.contains("空字节") == true)
        #expect(found?.looksIncomplete == true)
    }

    @Test func allNULsLookLikeAPreallocatedCopy() {
        #expect(problem([UInt8](repeating: 0, count: 8192))?.looksIncomplete == true)
    }

    @Test func invalidInUTF8AndGB18030IsRefused() {
        let bytes = Array("二〇二一年度报告".utf8) + [0xFF, 0x80, 0xFE] + Array("总体情况".utf8)
        #expect(problem(bytes) == TextDecoding.unknownEncoding)
    }

    @Test func big5IsNotDecodedAsGBNonsense() throws {
        let bytes = try Transcode.iconv(Self.traditional, to: "BIG5")
        let asGB = bytes.withUnsafeBufferPointer { try? Iconv.toUTF8($0, from: "GB18030") }
        #expect(asGB != nil, "the guard matters only if GB18030 would accept these bytes")
        #expect(problem(bytes) == TextDecoding.unknownEncoding)
    }

    @Test(arguments: seeds)
    func damagedUTF8IsNotDecodedAsGBNonsense(seed: String) throws {
        var bytes = try Array(ReferenceReports.seedText(seed).utf8)
        // Replace one continuation byte in the middle with ASCII, breaking one character.
        guard let middle = bytes[(bytes.count / 2)...].firstIndex(where: { $0 & 0xC0 == 0x80 }) else {
            Issue.record("seed \(seed) has no multi-byte characters")
            return
        }
        bytes[middle] = 0x41
        let found = problem(bytes)
        #expect(found == TextDecoding.unknownEncoding)
    }

    @Test(arguments: [1, 2])
    func utf8CutInsideTheLastCharacterLooksIncomplete(kept: Int) throws {
        let bytes = try Array(ReferenceReports.seedText("000").utf8) + Array("报".utf8).prefix(kept)
        let found = problem(bytes)
        #expect(found?.kind == .unreadable)
        #expect(found?.looksIncomplete == true)
    }

    @Test func utf8WithMarkCutInsideTheLastCharacterLooksIncomplete() throws {
        let bytes = try [0xEF, 0xBB, 0xBF] + Array(ReferenceReports.seedText("001").utf8) + Array("报".utf8).prefix(1)
        #expect(problem(bytes)?.looksIncomplete == true)
    }

    /// A copy can stop at any byte: every prefix must decode or look incomplete, never be
    /// called damaged or of unknown encoding.
    @Test(arguments: [("UTF-8", []), ("GB18030", []), ("UTF-16LE", [0xFF, 0xFE])] as [(String, [UInt8])])
    func everyCutOfTheLastCharactersDecodesOrLooksIncomplete(encoding: String, mark: [UInt8]) throws {
        let whole = try mark + Transcode.iconv(ReferenceReports.seedText("001") + "年度报告", to: encoding)
        for cut in (whole.count - 12)...whole.count {
            let found = problem(Array(whole.prefix(cut)))
            #expect(found == nil || found?.looksIncomplete == true, "\(encoding) cut at \(cut): \(String(describing: found))")
        }
    }

    @Test func arbitraryBytesNeverCrashTheDecoder() {
        var generator = SplitMix64(seed: 0x0615_2024)
        for round in 0..<3000 {
            let count = Int(generator.next() % 48)
            // Mostly high bytes, where the multi-byte decoders branch.
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next() | (round % 2 == 0 ? 0x80 : 0)) }
            if let found = problem(bytes) {
                #expect(found.kind == .unreadable && !found.reason.isEmpty)
            }
        }
    }

    @Test func cutTailAfterDamageIsNotMistakenForACopyInProgress() throws {
        var bytes = try Array(ReferenceReports.seedText("000").utf8)
        bytes[bytes.count / 2] = 0xFF
        bytes += Array("报".utf8).prefix(2)
        #expect(problem(bytes)?.looksIncomplete == false)
    }

    @Test func gb18030CutInsideTheLastCharacterLooksIncomplete() throws {
        let bytes = try Transcode.iconv(ReferenceReports.seedText("001"), to: "GB18030") + [0xB1]
        #expect(problem(bytes)?.looksIncomplete == true)
    }

    @Test func utf16CutInsideTheLastUnitLooksIncomplete() throws {
        let bytes = try [0xFF, 0xFE] + Transcode.iconv(ReferenceReports.seedText("001"), to: "UTF-16LE") + [0x41]
        #expect(problem(bytes)?.looksIncomplete == true)
    }

    @Test func unpairedSurrogateIsDamagedUTF16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x25, 0x62, 0x00, 0xD8, 0x41, 0x00, 0x4A, 0x54]
        let found = problem(bytes)
        #expect(found?.reason.contains("UTF-16LE") == true)
        #expect(found?.looksIncomplete == false)
    }

    @Test func invalidBytesAfterUTF8MarkAreDamage() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("年度报告".utf8) + [0xC0, 0x80] + Array("总体".utf8)
        let found = problem(bytes)
        #expect(found?.reason.contains("UTF-8") == true)
        #expect(found?.looksIncomplete == false)
    }
}

/// A small deterministic generator, so a failing input can be reproduced.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
