import Foundation
import Testing
@testable import OgiwatchService

/// The service says in Chinese why `ogiwatch status` will show an old state.
@Suite struct StatusFileTests {
    @Test func aStatusFileThatCannotBeWrittenSaysWhyAndWhatToCheck() {
        let file = StatusFile(stateDirectory: "/nonexistent/ogiwatch-state")
        let status = ServiceStatus(state: .running, pid: 1, startedAt: Date(), roots: [], queued: 0, recordedSinceStart: 0,
                                   ruleSetVersion: "r", ruleFiles: [], ledgerUnwritable: false, journalBacklog: false)
        #expect(throws: StatusError.self) { try file.write(status) }
        do {
            try file.write(status)
        } catch {
            #expect(error.description == "状态文件 /nonexistent/ogiwatch-state/status.json 无法写入（No such file or directory），"
                    + "ogiwatch status 将显示旧状态：请检查状态目录的权限和磁盘空间")
        }
    }
}
