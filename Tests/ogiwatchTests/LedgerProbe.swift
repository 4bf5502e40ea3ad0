import Foundation
import OgiwatchLedger

/// Reads the daemon's real ledger while (or after) it runs.
enum LedgerProbe {
    /// How many versions each path has, by path bytes.
    static func versionsPerPath(state: String) throws -> [[UInt8]: Int] {
        guard FileManager.default.fileExists(atPath: state + "/ledger.sqlite") else { return [:] }
        let ledger = try Ledger(directory: state, readOnly: true)
        let all = try ledger.versions(checkedFrom: .distantPast, to: .distantFuture)
        return Dictionary(all.map { ($0.facts.path, 1) }, uniquingKeysWith: +)
    }

    /// Polls until `count` paths are recorded or `seconds` pass.
    static func wait(state: String, paths count: Int, seconds: Double) throws -> [[UInt8]: Int] {
        let stop = Date().addingTimeInterval(seconds)
        var seen = try versionsPerPath(state: state)
        while seen.count < count, Date() < stop {
            Thread.sleep(forTimeInterval: 0.2)
            seen = try versionsPerPath(state: state)
        }
        return seen
    }
}
