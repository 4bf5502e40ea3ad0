import Glibc
import OgiwatchCore

/// Reads a whole file from a drop folder that anyone may write to. A symlink could point at
/// `/etc/shadow`, a FIFO would block the reader forever, a device or a huge file would eat
/// memory: each is refused with a reason instead of being followed, waited on or loaded.
public enum FileBytes {
    /// Reads the file at `path`, refusing anything but a regular file of at most `maxBytes`.
    public static func read(path: String, maxBytes: Int) throws(DocumentProblem) -> [UInt8] {
        try read(path: Array(path.utf8), maxBytes: maxBytes)
    }

    /// Same as `read(path:maxBytes:)` for a path given as raw bytes, because Linux file names
    /// need not be valid UTF-8 (`\xff\xfe.txt`). `directory` is a descriptor the path is
    /// relative to (`openat`), so a watcher can stay inside the tree it opened.
    public static func read(path: [UInt8], relativeTo directory: Int32 = AT_FDCWD, maxBytes: Int) throws(DocumentProblem) -> [UInt8] {
        guard !path.isEmpty, !path.contains(0) else {
            throw DocumentProblem(.unreadable, "文件名为空或含有空字节，无法打开")
        }
        let name = path.map { CChar(bitPattern: $0) } + [0]
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw openProblem(errno) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw systemProblem(errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw notRegular }
        guard status.st_size <= maxBytes else { throw tooBig(Int(status.st_size), maxBytes: maxBytes) }
        return try readAll(descriptor, expected: Int(status.st_size), maxBytes: maxBytes)
    }

    /// One buffer sized from `st_size`; it grows only if the file grows while being read, and
    /// never past `maxBytes + 1`, the byte that proves the file is too big.
    private static func readAll(_ descriptor: Int32, expected: Int, maxBytes: Int) throws(DocumentProblem) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: min(expected, maxBytes) + 1)
        var count = 0
        while true {
            if count == buffer.count {
                guard count <= maxBytes else { throw tooBig(count, maxBytes: maxBytes) }
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, maxBytes + 1 - buffer.count)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + count, raw.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw systemProblem(errno)
            }
            count += got
        }
        buffer.removeSubrange(count...)
        return buffer
    }

    static func openProblem(_ code: Int32) -> DocumentProblem {
        switch code {
        case ELOOP: DocumentProblem(.unreadable, "是符号链接，出于安全考虑不跟随读取；请直接放入报告文件本身")
        case ENOENT: DocumentProblem(.unreadable, "文件不存在（可能已被移走或删除）")
        case EACCES, EPERM: DocumentProblem(.unreadable, "没有读取权限；请让服务账户可以读取该文件")
        case ENXIO: notRegular
        default: systemProblem(code)
        }
    }

    private static func systemProblem(_ code: Int32) -> DocumentProblem {
        DocumentProblem(.unreadable, "无法读取文件：\(String(cString: strerror(code)))（errno \(code)）")
    }

    /// The refusal of a file over the size limit; the daemon, which hashes files itself, says the same.
    public static func tooBig(_ size: Int, maxBytes: Int) -> DocumentProblem {
        DocumentProblem(.unreadable, "文件过大（\(size) 字节，上限 \(maxBytes) 字节），不是正常的年度报告")
    }

    private static let notRegular = DocumentProblem(.unreadable, "不是普通文件（FIFO、设备或目录），已跳过")
}
