import Foundation
import Glibc

/// The summaries written and not yet mailed, `<state>/summaries/<day>.eml`. Each is handed
/// to `sendmail -t -i` oldest first and renamed to `<day>.eml.sent` once the MTA took it,
/// so a day the mail could not go out is sent the next time, before the newer days.
public struct SummaryOutbox: Sendable {
    public let directory: String

    public init(stateDirectory: String) {
        directory = (stateDirectory as NSString).appendingPathComponent("summaries")
    }

    /// Unsent summaries, oldest day first (the names are dates, so name order is day order).
    public func pending() throws(SummaryError) -> [String] {
        try names().filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }
    }

    /// Names that are no summary, sent or unsent, nor one being written (`.<day>.eml.XXXXXX`):
    /// they are not mailed, and the command says so rather than pass over them in silence.
    public func strays() throws(SummaryError) -> [String] {
        try names().filter { !$0.hasPrefix(".") && !$0.hasSuffix(".eml") && !$0.hasSuffix(".eml.sent") }
    }

    private func names() throws(SummaryError) -> [String] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw .cannotList(directory: directory, reason: error.localizedDescription)
        }
    }

    /// Sends every pending summary through `sendmail` and returns the names sent. Stops at
    /// the first failure, leaving that summary and the newer ones pending.
    public func sendAll(sendmail: String) throws(SummaryError) -> [String] {
        var sent: [String] = []
        for name in try pending() {
            let path = (directory as NSString).appendingPathComponent(name)
            try send(path, sendmail: sendmail)
            guard rename(path, path + ".sent") == 0 else {
                throw .sendFailed(file: name, reason: "已发出，但无法改名为 \(name).sent：" + String(cString: strerror(errno)))
            }
            sent.append(name)
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
        return sent
    }

    /// Opens a summary for sendmail's stdin. Anyone who can write the directory could leave a
    /// FIFO, a device or a symlink under a summary's name: each is refused with its name
    /// instead of blocking the mail unit or mailing what the link points at.
    private static func openMail(_ path: String) throws(SummaryError) -> FileHandle {
        let name = DisplayText.escaped((path as NSString).lastPathComponent)
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .unsendable(file: name, reason: code == ELOOP ? "是符号链接" : String(cString: strerror(code)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .unsendable(file: name, reason: "不是普通文件（FIFO、设备或目录）")
        }
        // sendmail reads it as an ordinary blocking stdin.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private func send(_ path: String, sendmail: String) throws(SummaryError) {
        let name = (path as NSString).lastPathComponent
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sendmail)
        process.arguments = ["-t", "-i"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = try Self.openMail(path)
        do {
            try process.run()
        } catch {
            throw .sendFailed(file: name, reason: "无法运行 \(sendmail)（\(error.localizedDescription)）")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .sendFailed(file: name, reason: "\(sendmail) 退出状态 \(process.terminationStatus)" + (said.isEmpty ? "" : "：\(said)"))
        }
    }
}
