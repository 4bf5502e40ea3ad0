import Foundation
import Glibc
import OgiwatchFixtures
import OgiwatchWatch
import Testing

/// Names are bytes from the drop folder to the journal; symlinks and FIFOs are not read.
@Suite(.serialized) struct HostileNameTests {
    @Test func oddNamesArriveExactlyAndEscaped() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try daemon.waitUntilWatching()
        let names: [[UInt8]] = [
            Array("a\nPRIORITY=0.txt".utf8),
            [0x1b] + Array("[2J.txt".utf8),
            [0xff, 0xfe] + Array(".txt".utf8),
            [0xc3, 0xa9] + Array(".txt".utf8),               // NFC é
            [UInt8(ascii: "e"), 0xcc, 0x81] + Array(".txt".utf8),  // NFD e + U+0301
            Array("-rf.txt".utf8),
        ]
        for (i, name) in names.enumerated() { scratch.write(scratch.drop, name: name, Array("一、总体情况\n第\(i)份\n".utf8)) }
        #expect(symlink("/etc/passwd", scratch.drop + "/link.txt") == 0)
        #expect(mkfifo(scratch.drop + "/pipe.txt", 0o644) == 0)

        let pid = "_PID=\(daemon.pid)"
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 30) { $0.count >= names.count }
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=skipped"], seconds: 10) { $0.count >= 2 }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(daemon.terminate() == 0)
        let entries = try JournalRecords.read(matching: [pid])
        let dropBytes = Array(scratch.drop.utf8) + [UInt8(ascii: "/")]
        for name in names {
            let path = dropBytes + name
            let mine = checked.filter { $0["OGIWATCH_FILE"] == path }
            #expect(mine.count == 1, "one verdict for \(PathBytes.display(name))")
            let message = mine.first?["MESSAGE"] ?? []
            #expect(!message.contains(0x0a) && !message.contains(0x1b) && !message.contains(0xff))
            #expect(message.starts(with: Array(PathBytes.display(path).utf8)))
        }
        #expect(entries.contains { $0.text("MESSAGE")?.contains("a\\nPRIORITY=0.txt") == true })
        #expect(!entries.contains { $0.text("PRIORITY") == "0" }, "a name cannot forge a field")
        let skipped = entries.filter { $0.text("OGIWATCH_EVENT") == "skipped" }.compactMap { $0["OGIWATCH_FILE"] }
        #expect(Set(skipped) == [dropBytes + Array("link.txt".utf8), dropBytes + Array("pipe.txt".utf8)])
        #expect(!entries.contains { $0.text("OGIWATCH_EVENT") == "checked" && $0["OGIWATCH_FILE"] == dropBytes + Array("link.txt".utf8) })
    }
}
