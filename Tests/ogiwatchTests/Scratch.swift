import Foundation
import Glibc

/// A temporary drop folder and state folder for one test, removed afterwards.
final class Scratch {
    let root: String
    var drop: String { root + "/drop" }
    var state: String { root + "/state" }
    var outside: String { root + "/outside" }

    init() throws {
        var template = Array("/tmp/ogiwatch-it-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        root = String(cString: made)
        for dir in [drop, state, outside] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `content` under a raw byte name inside `directory`.
    func write(_ directory: String, name: [UInt8], _ content: [UInt8]) {
        let full = Array(directory.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = full.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
        precondition(fd >= 0, "cannot create test file")
        _ = content.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Runs a tool (cp, mv, rsync, tar) with arguments, no shell.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
