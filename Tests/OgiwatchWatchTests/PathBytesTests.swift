import Testing
@testable import OgiwatchWatch

@Suite struct PathBytesTests {
    @Test func displayEscapesControlAndInvalidBytes() {
        let name: [UInt8] = Array("a\nb".utf8) + [0x1b] + Array("[2J".utf8) + [0xff, 0xfe] + Array("报告\\.txt".utf8)
        #expect(PathBytes.display(name) == "a\\nb\\x1b[2J\\xff\\xfe报告\\\\.txt")
    }

    @Test func joinAndWithin() {
        let dir = Array("/srv/drop".utf8)
        #expect(PathBytes.join(dir, Array("a".utf8)) == Array("/srv/drop/a".utf8))
        #expect(PathBytes.isWithin(Array("/srv/drop/a/b".utf8), dir))
        #expect(!PathBytes.isWithin(Array("/srv/dropbox/a".utf8), dir))
        #expect(PathBytes.baseName(Array("/srv/drop/x\n.txt".utf8)) == Array("x\n.txt".utf8))
    }

    @Test func parsesPackedInotifyRecords() {
        func le(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24)] }
        let record1 = le(3) + le(Inotify.closeWrite) + le(0) + le(8) + Array("a.txt".utf8) + [0, 0, 0]
        let record2 = le(4) + le(Inotify.queueOverflow) + le(0) + le(0)
        let events = Inotify.parse((record1 + record2)[...])
        #expect(events == [InotifyEvent(descriptor: 3, mask: Inotify.closeWrite, cookie: 0, name: Array("a.txt".utf8)),
                           InotifyEvent(descriptor: 4, mask: Inotify.queueOverflow, cookie: 0, name: [])])
    }
}
