import Foundation
import OgiwatchFixtures
@testable import OgiwatchReaders
import Testing

/// The fuzz seeds in `Tests/Fuzz/Corpus` go through their readers in every test run: the real
/// reports among them must read, and any input a fuzz run found (kept beside them once fixed)
/// must neither crash nor hang the reader again.
@Suite struct FuzzCorpusTests {
    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = RepositoryFiles.root.appendingPathComponent("Tests/Fuzz/Corpus/\(target)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    /// Seeds are whole reports or fragments of one; found inputs are named by libFuzzer.
    static func isSeed(_ name: String) -> Bool {
        !["crash-", "leak-", "timeout-", "oom-", "slow-unit-"].contains { name.hasPrefix($0) }
    }

    @Test func textSeedsRead() throws {
        let inputs = try Self.inputs("text")
        #expect(inputs.count >= 4)
        for (name, bytes) in inputs {
            let document = try? PlainTextReader.read(bytes: bytes)
            if Self.isSeed(name) { #expect(document?.blocks.isEmpty == false, "\(name)") }
        }
    }

    @Test func htmlSeedsRead() throws {
        let inputs = try Self.inputs("html")
        #expect(inputs.count >= 2)
        for (name, bytes) in inputs {
            let document = try? HtmlReader.read(bytes: bytes)
            if Self.isSeed(name) { #expect(document?.blocks.isEmpty == false, "\(name)") }
        }
    }

    @Test func docxSeedsRead() throws {
        for (name, bytes) in try Self.inputs("docx") {
            let document = try? DocxReader.read(bytes: bytes, limits: ReadLimits())
            if Self.isSeed(name) { #expect(document?.blocks.isEmpty == false, "\(name)") }
        }
    }

    @Test func wordXMLSeedsRead() throws {
        for (name, bytes) in try Self.inputs("word-xml") {
            let document = try? WordDocumentBuilder.build(bytes)
            if Self.isSeed(name) { #expect(document?.blocks.count ?? 0 >= 3, "\(name)") }
        }
    }
}
