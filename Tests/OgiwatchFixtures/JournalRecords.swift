import Foundation

/// Reads journal entries back with `journalctl -o json`, for tests that check what really
/// reached journald. Binary field values (journalctl prints them as byte arrays) stay bytes.
public enum JournalRecords {
    public typealias Entry = [String: [UInt8]]

    /// Starts a standalone journald when none is listening (`.ci/journald.sh`).
    public static func ensureJournald() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".ci/journald.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    }

    /// Entries matching `matches` (journalctl `FIELD=value` terms), from the machine's
    /// journal or from the journal files in `directory`.
    public static func read(matching matches: [String], directory: String? = nil) throws -> [Entry] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/journalctl")
        let scope = directory.map { ["--directory", $0] } ?? processStart.map { ["--since", $0] } ?? []
        process.arguments = ["-o", "json", "--no-pager", "--all"] + scope + matches
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
            var entry: Entry = [:]
            for (key, value) in object {
                if let text = value as? String {
                    entry[key] = Array(text.utf8)
                } else if let bytes = value as? [Int] {
                    entry[key] = bytes.map { UInt8(truncatingIfNeeded: $0) }
                }
            }
            return entry
        }
    }

    /// When this test process started, as journalctl's `@seconds`. Entries in the machine's
    /// journal from before then belong to earlier runs, even when their `_PID` matches a
    /// daemon of this run: PIDs are reused, and `pid_max` is 32768 on many machines.
    static let processStart: String? = {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let afterName = stat.range(of: ")", options: .backwards)?.upperBound,
              let boot = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        // Fields after the command name start at field 3; the start time is field 22, in ticks since boot.
        let fields = stat[afterName...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]),
              let btime = boot.split(separator: "\n").first(where: { $0.hasPrefix("btime ") })
                  .flatMap({ Double($0.dropFirst("btime ".count)) }) else { return nil }
        let started = btime + ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
        return "@\(Int(started) - 1)"
    }()

    /// Polls until `predicate` holds for the entries or `seconds` pass; journald stores
    /// asynchronously.
    public static func wait(matching matches: [String], directory: String? = nil, seconds: Double = 10,
                            until predicate: ([Entry]) -> Bool) throws -> [Entry] {
        let stop = Date().addingTimeInterval(seconds)
        var entries = try read(matching: matches, directory: directory)
        while !predicate(entries), Date() < stop {
            Thread.sleep(forTimeInterval: 0.1)
            entries = try read(matching: matches, directory: directory)
        }
        return entries
    }
}

extension Dictionary where Key == String, Value == [UInt8] {
    /// A field as text (lossy for binary values; compare bytes for names).
    public func text(_ key: String) -> String? { self[key].map { String(decoding: $0, as: UTF8.self) } }
}
