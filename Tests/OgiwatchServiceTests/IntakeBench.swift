import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchWatch
@testable import OgiwatchService

/// A real ledger in a temporary state directory, the real journald, and files written to a
/// temporary drop folder and handed to the intake as the watcher would hand them.
final class IntakeBench {
    let root: String
    var drop: String { root + "/drop" }
    var state: String { root + "/state" }
    let ledger: Ledger
    let journal = JournalWriter()

    init() throws {
        try JournalRecords.ensureJournald()
        var template = Array("/tmp/ogiwatch-intake-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let root = String(cString: made)
        for dir in [root + "/drop", root + "/state"] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        self.root = root
        ledger = try Ledger(directory: root + "/state")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func intake(_ checker: Checker) -> FileIntake {
        FileIntake(checker: checker, ledger: ledger, journal: journal)
    }

    /// Writes `bytes` as `name` in the drop folder; `keep: false` hands it over as the watcher
    /// does a file over the size limit, hashed but not kept.
    func ready(_ name: String, _ bytes: [UInt8], keep: Bool = true) throws -> ReadyFile {
        let path = drop + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard let stat = FileStat.lstat(Array(path.utf8)) else { throw CocoaError(.fileReadUnknown) }
        return ReadyFile(path: Array(path.utf8), stat: stat, sha256: SHA256.hex(bytes), content: keep ? bytes : nil)
    }

    /// This bench's journal entries about `name`, once `predicate` holds.
    func entries(_ name: String, until predicate: ([JournalRecords.Entry]) -> Bool) throws -> [JournalRecords.Entry] {
        try JournalRecords.wait(matching: ["OGIWATCH_FILE=\(drop)/\(name)"], until: predicate)
    }

    static func shippedRules(local: String? = nil) throws -> RuleSet {
        var sources = try RuleLoader.read(RepositoryFiles.rulesDirectory, isLocal: false)
        if let local { sources.append(RuleSource(name: "local.yaml", text: local, isLocal: true)) }
        return try RuleSet(sources: sources)
    }
}
