import Foundation
import Glibc
import Testing
@testable import OgiwatchWatch

/// Real inotify on real temporary folders.
@Suite(.serialized) struct DropWatcherTests {
    let temp: TempDirectory
    let consumer = RecordingConsumer()

    init() throws { temp = try TempDirectory() }

    func makeWatcher(settle: Double = 0.1, retries: Int = 3) -> DropWatcher {
        let config = WatchConfiguration(roots: [temp.bytes], settleSeconds: settle,
                                        ignore: IgnorePatterns(IgnorePatterns.defaults + ["*.bin"]),
                                        incompleteRetries: retries, incompleteRetrySeconds: 0.1)
        let watcher = DropWatcher(configuration: config, consumer: consumer)
        watcher.start()
        return watcher
    }

    func path(_ name: String) -> [UInt8] { temp.bytes + Array("/\(name)".utf8) }

    @Test func closedFileIsReadOnceAfterSettling() throws {
        let watcher = makeWatcher()
        try Data("第一版".utf8).write(to: temp.url("a.txt"))
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 1 })
        consumer.pump(watcher, seconds: 0.4) { false }
        #expect(consumer.readyPaths() == [path("a.txt")])
        #expect(consumer.readyFiles.first?.sha256 == SHA256.hex(Array("第一版".utf8)))
        #expect(consumer.readyFiles.first?.content == Array("第一版".utf8))
    }

    @Test func rewriteDuringSettleYieldsOnlyFinalContent() throws {
        let watcher = makeWatcher(settle: 0.4)
        try Data("partial".utf8).write(to: temp.url("b.txt"))
        watcher.pump(maxWait: 0.1)
        try Data("complete content".utf8).write(to: temp.url("b.txt"))
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 1 })
        consumer.pump(watcher, seconds: 0.6) { false }
        #expect(consumer.readyFiles.map(\.sha256) == [SHA256.hex(Array("complete content".utf8))])
    }

    @Test func rsyncTemporaryIsIgnoredAndRenameIsTaken() throws {
        let watcher = makeWatcher()
        try Data("rsync".utf8).write(to: temp.url(".c.txt.Xy12Ab"))
        watcher.pump(maxWait: 0.2)
        #expect(rename(temp.path + "/.c.txt.Xy12Ab", temp.path + "/c.txt") == 0)
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 1 })
        consumer.pump(watcher, seconds: 0.3) { false }
        #expect(consumer.readyPaths() == [path("c.txt")])
    }

    @Test func winscpHardLinkIsTaken() throws {
        let watcher = makeWatcher()
        try Data("winscp".utf8).write(to: temp.url("d.txt.filepart"))
        #expect(link(temp.path + "/d.txt.filepart", temp.path + "/d.txt") == 0)
        #expect(unlink(temp.path + "/d.txt.filepart") == 0)
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 1 })
        #expect(consumer.readyPaths() == [path("d.txt")])
    }

    @Test func subtreeFilledBeforeItsWatchIsFound() throws {
        let watcher = makeWatcher()
        let deep = temp.url("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        for i in 0..<20 { try Data("n\(i)".utf8).write(to: deep.appendingPathComponent("r\(i).txt")) }
        try Data("x".utf8).write(to: temp.url("a/top.txt"))
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 21 })
        consumer.pump(watcher, seconds: 0.3) { false }
        #expect(Set(consumer.readyPaths()).count == 21)
        #expect(consumer.readyFiles.count == 21)
    }

    @Test func symlinksAndFifosAreSkippedWithANotice() throws {
        try Data("secret".utf8).write(to: temp.url("target.bin"))
        let watcher = makeWatcher()
        #expect(symlink(temp.path + "/target.bin", temp.path + "/link.txt") == 0)
        #expect(mkfifo(temp.path + "/pipe.txt", 0o644) == 0)
        #expect(consumer.pump(watcher) { consumer.skips.count == 2 })
        consumer.pump(watcher, seconds: 0.3) { false }
        #expect(consumer.readyFiles.isEmpty)
        #expect(Set(consumer.skips.map(\.0)) == [path("link.txt"), path("pipe.txt")])
        #expect(consumer.skips.contains { $0.1 == .notRegular(.symlink) })
        #expect(consumer.skips.contains { $0.1 == .notRegular(.fifo) })
    }

    /// A symlink to a directory has no report's name, yet it is noted once, whether it was
    /// there at start-up, made later, or put in the place of a watched directory.
    @Test func symlinkedDirectoriesAreNotedOnce() throws {
        let outside = try TempDirectory()
        try Data("secret".utf8).write(to: outside.url("secret.txt"))
        #expect(symlink(outside.path, temp.path + "/early") == 0)
        #expect(mkdir(temp.path + "/sub", 0o755) == 0)
        let watcher = makeWatcher()
        #expect(consumer.pump(watcher) { consumer.skips.count == 1 })
        #expect(symlink(outside.path, temp.path + "/late") == 0)
        #expect(consumer.pump(watcher) { consumer.skips.count == 2 })
        #expect(rename(temp.path + "/sub", temp.path + "/sub.old") == 0)
        #expect(symlink(outside.path, temp.path + "/sub") == 0)
        #expect(consumer.pump(watcher) { consumer.skips.count == 3 })
        consumer.pump(watcher, seconds: 0.4) { false }
        #expect(consumer.skips.map(\.0) == [path("early"), path("late"), path("sub")])
        #expect(consumer.skips.allSatisfy { $0.1 == .notRegular(.symlink) })
        #expect(consumer.readyFiles.isEmpty, "nothing behind a symlink is read")
    }

    @Test func hostileNamesStayDistinctBytes() throws {
        let watcher = makeWatcher()
        let nfc: [UInt8] = [0xc3, 0xa9] + Array(".txt".utf8)
        let nfd: [UInt8] = [UInt8(ascii: "e"), 0xcc, 0x81] + Array(".txt".utf8)
        let newline = Array("a\nPRIORITY=0.txt".utf8)
        let invalid: [UInt8] = [0xff, 0xfe, 0x1b] + Array(".txt".utf8)
        for (i, name) in [nfc, nfd, newline, invalid].enumerated() { temp.write(name: name, Array("v\(i)".utf8)) }
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 4 })
        consumer.pump(watcher, seconds: 0.3) { false }
        let byPath = Dictionary(consumer.readyFiles.map { ($0.path, $0.content ?? []) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath.count == 4)
        #expect(byPath[temp.bytes + [UInt8(ascii: "/")] + nfc] == Array("v0".utf8))
        #expect(byPath[temp.bytes + [UInt8(ascii: "/")] + nfd] == Array("v1".utf8))
        #expect(byPath[temp.bytes + [UInt8(ascii: "/")] + newline] == Array("v2".utf8))
        #expect(byPath[temp.bytes + [UInt8(ascii: "/")] + invalid] == Array("v3".utf8))
    }

    @Test func startupScanSkipsHandledAndIgnoredFiles() throws {
        try Data("old".utf8).write(to: temp.url("old.txt"))
        try Data("known".utf8).write(to: temp.url("known.txt"))
        try Data("lock".utf8).write(to: temp.url("~$old.txt"))
        try Data("bin".utf8).write(to: temp.url("data.bin"))
        consumer.handled = [path("known.txt")]
        usleep(400_000)  // older than the settle time: due at once
        let config = WatchConfiguration(roots: [temp.bytes], settleSeconds: 0.3,
                                        ignore: IgnorePatterns(IgnorePatterns.defaults + ["*.bin"]))
        let watcher = DropWatcher(configuration: config, consumer: consumer)
        watcher.start()
        #expect(watcher.hasDueWork)
        #expect(consumer.pump(watcher, seconds: 2) { !watcher.hasDueWork })
        #expect(consumer.readyPaths() == [path("old.txt")])
        #expect(watcher.pendingCount == 0)
    }

    @Test func cutShortFileIsOfferedAgainThenFinally() throws {
        let watcher = makeWatcher(retries: 2)
        consumer.retryWhile = { _ in true }
        try Data("half".utf8).write(to: temp.url("e.txt"))
        #expect(consumer.pump(watcher) { consumer.readyFiles.count == 3 })
        consumer.pump(watcher, seconds: 0.5) { false }
        #expect(consumer.readyFiles.map(\.attempt) == [0, 1, 2])
        #expect(consumer.readyFiles.map(\.isFinalAttempt) == [false, false, true])
    }

    @Test func lostRootIsReportedAndReattached() throws {
        let watcher = makeWatcher()
        #expect(rename(temp.path, temp.path + ".moved") == 0)
        defer { try? FileManager.default.removeItem(atPath: temp.path + ".moved") }
        #expect(consumer.pump(watcher) { consumer.healthEvents.contains(.rootLost(temp.bytes, reason: .movedAway)) })
        try FileManager.default.createDirectory(atPath: temp.path, withIntermediateDirectories: false)
        try Data("back".utf8).write(to: temp.url("f.txt"))
        #expect(consumer.pump(watcher, seconds: 8) { consumer.readyFiles.count == 1 })
        #expect(consumer.healthEvents.contains(.rootRecovered(temp.bytes)))
        #expect(consumer.readyPaths() == [path("f.txt")])
    }
}
