import Foundation
import Glibc
import OgiwatchCheck
import OgiwatchFixtures
import OgiwatchWatch

/// Drop-to-journal latency, burst throughput and the idle daemon's memory, measured on the
/// real `ogiwatch run` binary writing to the real journald. Latency is journald's receive
/// time of the `checked` entry minus the moment the drop finished, with no settle period, so
/// it shows the pipeline's own cost; a deployment adds its configured settle time.
struct DaemonBench {
    let seconds: Double

    func run() throws {
        try JournalRecords.ensureJournald()
        let root = NSTemporaryDirectory() + "ogiwatch-bench-" + UUID().uuidString
        let drop = root + "/drop", state = root + "/state"
        for dir in [drop, state] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: root) }
        guard let rules = RuleLoader.defaultDirectory() else { throw RuleLoadError("no Rules directory found") }
        let seeds = try ["000", "001", "002", "003", "004"].map { try ReferenceReports.seedText($0) }

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ogiwatch")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            FileHandle.standardError.write(Data("ogiwatch-bench daemon: build the ogiwatch product first (\(binary.path) is missing)\n".utf8))
            exit(2)
        }
        let daemon = Process()
        daemon.executableURL = binary
        daemon.arguments = ["run", "--watch", drop, "--state", state, "--settle", "0",
                            "--rules", rules]
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { kill(daemon.processIdentifier, SIGTERM); daemon.waitUntilExit() }
        let pid = "_PID=\(daemon.processIdentifier)"
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=started"]) { !$0.isEmpty }
        Thread.sleep(forTimeInterval: 0.5)
        let idleBefore = Self.rssKilobytes(daemon.processIdentifier)

        // Latency: one report at a time, each unique so none is a duplicate.
        var dropped: [String: Int64] = [:]
        let samples = max(20, Int(seconds * 10))
        for i in 0..<samples {
            let path = drop + "/latency-\(i).txt"
            try Data((seeds[i % seeds.count] + "\n（样本 \(i)）\n").utf8).write(to: URL(fileURLWithPath: path))
            dropped[path] = Self.nowMicroseconds()
            _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked", "OGIWATCH_FILE=\(path)"], seconds: 30) { !$0.isEmpty }
        }
        let checked = try JournalRecords.read(matching: [pid, "OGIWATCH_EVENT=checked"])
        let latencies = checked.compactMap { entry -> Double? in
            guard let file = entry.text("OGIWATCH_FILE"), let start = dropped[file],
                  let stamp = entry.text("__REALTIME_TIMESTAMP").flatMap(Int64.init) else { return nil }
            return Double(stamp - start) / 1000
        }.sorted()

        // Burst: many unique reports at once, timed until the last verdict reached journald.
        let burst = 500
        let burstStart = Self.nowMicroseconds()
        for i in 0..<burst {
            try Data((seeds[i % seeds.count] + "\n（批量 \(i)）\n").utf8).write(to: URL(fileURLWithPath: drop + "/burst-\(i).txt"))
        }
        let all = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 300) { $0.count >= samples + burst }
        let last = all.compactMap { $0.text("__REALTIME_TIMESTAMP").flatMap(Int64.init) }.max() ?? burstStart
        let burstSeconds = Double(last - burstStart) / 1e6
        Thread.sleep(forTimeInterval: 2)
        let idleAfter = Self.rssKilobytes(daemon.processIdentifier)

        print("ogiwatch-bench daemon: settle 0, \(latencies.count) sequential drops, \(burst)-file burst (seed-sized .txt reports)")
        print(String(format: "drop-to-journal latency   p50 %.1f ms   p99 %.1f ms   max %.1f ms",
                     Self.percentile(latencies, 0.50), Self.percentile(latencies, 0.99), latencies.last ?? 0))
        print(String(format: "burst throughput          %.0f reports/s (%d in %.2f s, %d recorded)",
                     Double(burst) / max(burstSeconds, 0.001), burst, burstSeconds, all.count - latencies.count))
        print("idle VmRSS                \(idleBefore) kB at start, \(idleAfter) kB after \(samples + burst) reports")
        print(String(format: "sha256 (watcher hashing)  %.0f MB/s", Self.hashThroughput()))
    }

    /// Every ready file is hashed on the event-loop thread, so this bounds large drops.
    static func hashThroughput() -> Double {
        let block = [UInt8](repeating: 0x5a, count: 64 * 1024)
        var hasher = SHA256()
        let start = Self.nowMicroseconds()
        for _ in 0..<256 { hasher.update(block) }
        _ = hasher.finalizeHex()
        return 16 / (Double(Self.nowMicroseconds() - start) / 1e6)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func nowMicroseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
    }

    static func rssKilobytes(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.filter(\.isNumber)) ?? 0
    }
}
