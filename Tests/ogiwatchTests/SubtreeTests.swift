import Foundation
import OgiwatchFixtures
import Testing

/// Directories that arrive already filled are listed after their watch is added.
@Suite(.serialized) struct SubtreeTests {
    @Test func mkdirThenCopyAndTarExtractAreFound() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        // A tarball of a nested tree, built outside the drop folder.
        let tree = scratch.outside + "/t"
        try FileManager.default.createDirectory(atPath: tree + "/x/y/z", withIntermediateDirectories: true)
        for i in 0..<30 { scratch.write(tree + "/x/y/z", name: Array("t\(i).txt".utf8), Array("tar \(i)".utf8)) }
        scratch.write(tree + "/x", name: Array("top.txt".utf8), Array("tar top".utf8))
        #expect(try Scratch.run("/usr/bin/tar", ["cf", scratch.outside + "/t.tar", "-C", tree, "x"]) == 0)

        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()
        #expect(try Scratch.run("/usr/bin/mkdir", ["-p", scratch.drop + "/a/b/c"]) == 0)
        let seed = try ReferenceReports.seed("001").path
        #expect(try Scratch.run("/usr/bin/cp", [seed, scratch.drop + "/a/b/c/"]) == 0)
        #expect(try Scratch.run("/usr/bin/tar", ["xf", scratch.outside + "/t.tar", "-C", scratch.drop]) == 0)

        let seen = try LedgerProbe.wait(state: scratch.state, paths: 32, seconds: 30)
        #expect(daemon.terminate() == 0)
        let name = URL(fileURLWithPath: seed).lastPathComponent
        #expect(seen[Array((scratch.drop + "/a/b/c/" + name).utf8)] == 1)
        #expect(seen[Array((scratch.drop + "/x/top.txt").utf8)] == 1)
        #expect((0..<30).allSatisfy { seen[Array((scratch.drop + "/x/y/z/t\($0).txt").utf8)] == 1 })
        #expect(seen.count == 32)
    }
}
