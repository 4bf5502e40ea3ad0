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

/// `ogiwatch status` refuses a status file it cannot trust, naming it, instead of hanging on it
/// or loading it whole.
@Suite struct StatusFileReadTests {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "ogiwatch-status-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func readError(_ file: StatusFile) -> String? {
        do {
            _ = try file.read()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func noStatusFileMeansTheServiceNeverRan() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        #expect(try StatusFile(stateDirectory: state).read() == nil)
    }

    @Test func aTruncatedStatusFileIsDamaged() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let file = StatusFile(stateDirectory: state)
        try "{\"state\": \"run".write(toFile: file.path, atomically: true, encoding: .utf8)
        #expect(Self.readError(file) == "状态文件 \(file.path) 已损坏：重启服务（systemctl restart ogiwatch）会重新写入")
    }

    @Test func aFifoInPlaceOfTheStatusFileIsRefusedWithoutWaiting() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let file = StatusFile(stateDirectory: state)
        #expect(mkfifo(file.path, 0o600) == 0)
        #expect(Self.readError(file) == "无法读取状态文件 \(file.path)：不是普通文件（符号链接、FIFO、设备或目录）"
                + "（请以 root 或 ogiwatch 用户运行，并确认它是服务写入的普通文件）")
    }

    @Test func aHugeStatusFileIsNotLoaded() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let file = StatusFile(stateDirectory: state)
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        #expect(truncate(file.path, off_t(StatusFile.maxBytes + 1)) == 0)
        #expect(Self.readError(file) == "无法读取状态文件 \(file.path)：文件过大（\(StatusFile.maxBytes + 1) 字节，上限 \(StatusFile.maxBytes) 字节）"
                + "（请以 root 或 ogiwatch 用户运行，并确认它是服务写入的普通文件）")
    }
}
