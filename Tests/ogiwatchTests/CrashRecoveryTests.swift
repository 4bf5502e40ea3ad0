import Foundation
import OgiwatchFixtures
import Testing

/// kill -9 in the middle of a burst loses nothing and records nothing twice.
@Suite(.serialized) struct CrashRecoveryTests {
    @Test func killDuringBurstThenRestartChecksEveryFileOnce() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let count = 1000
        let first = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try first.waitUntilWatching()
        var killed = false
        for i in 0..<count {
            scratch.write(scratch.drop, name: Array("r\(i).txt".utf8), Array("一、总体情况\n第 \(i) 份\n".utf8))
            if i == count / 3 {
                Thread.sleep(forTimeInterval: 0.5)  // let some get recorded, then die mid-stream
                first.killHard()
                killed = true
            }
        }
        #expect(killed)
        let before = try LedgerProbe.versionsPerPath(state: scratch.state)
        #expect(before.count < count)

        let second = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        let seen = try LedgerProbe.wait(state: scratch.state, paths: count, seconds: 90)
        #expect(second.terminate() == 0)
        #expect(seen.count == count)
        #expect(seen.values.allSatisfy { $0 == 1 }, "no file recorded twice")

        let third = try DaemonProcess(watch: scratch.drop, state: scratch.state, settle: "100ms")
        try third.waitUntilWatching()
        Thread.sleep(forTimeInterval: 1)
        #expect(third.terminate() == 0)
        #expect(try LedgerProbe.versionsPerPath(state: scratch.state) == seen, "a clean restart re-checks nothing")
    }
}
