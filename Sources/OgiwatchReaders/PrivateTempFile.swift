#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OgiwatchCore

/// A file only this user can read, holding bytes a converter needs as a path.
///
/// `mkstemp` creates it with mode 0600 under a name nobody can predict, so another local
/// user cannot read a report in transit or swap the file under the converter.
enum PrivateTempFile {
    /// Writes `bytes` to a fresh private file, runs `body` with its path, and deletes the file
    /// whatever `body` does.
    static func with<T>(bytes: [UInt8], _ body: (String) throws(DocumentProblem) -> T) throws(DocumentProblem) -> T {
        let path = try create(bytes: bytes)
        defer { unlink(path) }
        return try body(path)
    }

    /// A fresh directory only this user can enter (`mkdtemp`, mode 0700), for a converter that
    /// needs room of its own; the caller removes it.
    static func makeDirectory() throws(DocumentProblem) -> String {
        var template = Array((base + "/ogiwatch-office-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw DocumentProblem(.unreadable, "无法创建临时目录（错误码 \(errno)），请检查临时目录 \(base) 是否可写")
        }
        return String(cString: made)
    }

    /// `$TMPDIR`, or `/tmp` when it is unset or empty.
    private static var base: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    private static func create(bytes: [UInt8]) throws(DocumentProblem) -> String {
        let directory = base
        var template = Array((directory + "/ogiwatch-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else {
            throw DocumentProblem(.unreadable, "无法创建临时文件（错误码 \(errno)），请检查临时目录 \(directory) 是否可写")
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let count = write(fd, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        close(fd)
        if failure != 0 {
            unlink(path)
            throw DocumentProblem(.unreadable, "无法写入临时文件（错误码 \(failure)），请检查临时目录 \(directory) 的空间")
        }
        return path
    }
}
