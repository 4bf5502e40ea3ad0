import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

@Suite struct DocxHostileTests {
    private func refusal(_ bytes: [UInt8], limits: ReadLimits = .standard) -> DocumentProblem? {
        do {
            _ = try DocxReader.read(bytes: bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFileThroughDocumentReaderLooksIncomplete() {
        guard case .failure(let problem) = DocumentReader.read(bytes: [], format: .docx) else {
            Issue.record("an empty .docx was accepted")
            return
        }
        #expect(problem.kind == .unreadable)
        #expect(problem.reason == "文件为空")
        #expect(problem.looksIncomplete)
    }

    @Test func truncatedDocxLooksIncomplete() throws {
        let problem = try #require(refusal(try HostileDocx.truncated()))
        #expect(problem.reason == "文件不完整：ZIP 结构被截断，可能仍在复制中")
        #expect(problem.looksIncomplete)
    }

    @Test func randomBytesAreNotAZip() {
        let problem = refusal(HostileDocx.randomBytes())
        #expect(problem?.kind == .unreadable)
        #expect(problem?.reason.contains("ZIP") == true)
        // Not a copy in progress: a watcher must report it at once, not retry it.
        #expect(problem?.looksIncomplete == false)
    }

    @Test func encryptedOrLegacyWordFileIsNamed() {
        let bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)
        #expect(refusal(bytes)?.reason.contains("加密") == true)
        #expect(refusal(bytes)?.looksIncomplete == false)
    }

    @Test func missingDocumentPart() throws {
        #expect(refusal(try HostileDocx.withoutDocumentPart())?.reason == "不是有效的 Word 文档：缺少 word/document.xml")
    }

    @Test func billionLaughsIsRefusedBeforeParsing() throws {
        #expect(refusal(try HostileDocx.billionLaughs())?.reason == "文档包含 DOCTYPE/实体声明，出于安全考虑拒绝解析")
    }

    @Test func malformedXMLNamesTheLine() throws {
        let reason = try #require(refusal(try HostileDocx.malformedXML())?.reason)
        #expect(reason.hasPrefix("Word 文档 XML 损坏："))
        #expect(reason.contains("第 3 行"))
    }

    @Test func overlappingEntriesAreRefused() throws {
        #expect(refusal(try HostileDocx.overlappingEntries())?.reason == "ZIP 条目相互重叠：疑似压缩炸弹，已拒绝")
    }

    @Test func smallZeroArchiveIsAValidZipWhoseContentIsNotXML() {
        let reason = refusal(HostileDocx.zipBomb(inflatedBytes: 100_000))?.reason
        #expect(reason == "Word 文档 XML 损坏：word/document.xml 不是 UTF-8 编码")
    }

    @Test func bombDeclaringItsSizeIsRefusedBeforeInflating() {
        let reason = refusal(HostileDocx.zipBomb())?.reason
        #expect(reason == "解压后大小超过上限（单个部件 64 MB）：疑似压缩炸弹，已拒绝")
    }

    @Test func bombLyingAboutItsSizeStopsOnTheRatioWithBoundedMemory() {
        let bomb = HostileDocx.zipBomb(declaredSize: 50 << 20)
        let before = peakResidentBytes()
        let reason = refusal(bomb)?.reason
        let growth = peakResidentBytes() - before

        #expect(reason == "解压后大小超过上限（压缩比 200:1）：疑似压缩炸弹，已拒绝")
        #expect(growth < 100 << 20, "peak memory grew by \(growth >> 20) MB")
    }

    @Test func bombIsStoppedByThePartLimitWhenTheRatioIsNotChecked() {
        let limits = ReadLimits(maxPartBytes: 2 << 20, maxCompressionRatio: .max)
        let reason = refusal(HostileDocx.zipBomb(inflatedBytes: 20 << 20, declaredSize: 1 << 20), limits: limits)?.reason
        #expect(reason == "解压后大小超过上限（目录声明的 1 MB）：疑似压缩炸弹，已拒绝")
        let honest = refusal(HostileDocx.zipBomb(inflatedBytes: 20 << 20, declaredSize: 1 << 30), limits: limits)?.reason
        #expect(honest == "解压后大小超过上限（单个部件 2 MB）：疑似压缩炸弹，已拒绝")
    }

    @Test func everyCutAndFlippedByteGivesADocumentOrAProblem() throws {
        let docx = try DocxWriter.docx(Document(blocks: [
            .paragraph(Paragraph("一、总体情况", line: 1)),
            .table(Table(rows: [Row(["信息内容", "本年制发件数"], line: 0), Row(["规章", "3"], line: 0)], layout: .grid, line: 0)),
        ]))
        var random = HostileDocx.randomBytes(count: 4000, seed: 7).makeIterator()
        var outcomes = (documents: 0, problems: 0)
        for cut in stride(from: 0, to: docx.count, by: 11) {
            refusal(Array(docx.prefix(cut))) == nil ? (outcomes.documents += 1) : (outcomes.problems += 1)
        }
        for _ in 0..<300 {
            var mutated = docx
            let position = (Int(random.next() ?? 0) << 8 | Int(random.next() ?? 0)) % docx.count
            mutated[position] ^= random.next() ?? 1 | 1
            refusal(mutated) == nil ? (outcomes.documents += 1) : (outcomes.problems += 1)
        }
        #expect(outcomes.problems > 0)
        #expect(refusal(docx) == nil)
    }

    private func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
