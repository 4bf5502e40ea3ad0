import Foundation
import Glibc
import OgiwatchReaders

/// `status.json` in the state directory: written by the service whenever its status changes,
/// read by `ogiwatch status`, which thus needs no more rights than reading the ledger. The
/// file is replaced by a rename, so a reader never sees half of it.
public struct StatusFile: Sendable {
    public let path: String

    public init(stateDirectory: String) {
        path = (stateDirectory as NSString).appendingPathComponent("status.json")
    }

    func write(_ status: ServiceStatus) throws(StatusError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        do {
            try encoder.encode(status).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path, reason: SystemReason.of(error) ?? "写入失败")
        }
    }

    /// Far above what the service writes (a line per root, rule file and trouble): a bigger
    /// file is not the service's, and is not loaded.
    static let maxBytes = 16 << 20

    /// The status last written, or nil when the service never ran with this state directory.
    /// Read as a drop folder's file is, so a FIFO, a symlink or a huge file put in its place
    /// is refused with a reason instead of hanging or filling the memory of `ogiwatch status`.
    public func read() throws(StatusError) -> ServiceStatus? {
        var info = stat()
        if lstat(path, &info) == 0 {
            // Told in this file's terms first; the read below refuses the same again without a race.
            guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path, reason: "不是普通文件（符号链接、FIFO、设备或目录）") }
            guard info.st_size <= Self.maxBytes else {
                throw .unreadable(path, reason: "文件过大（\(info.st_size) 字节，上限 \(Self.maxBytes) 字节）")
            }
        } else if errno == ENOENT {
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, maxBytes: Self.maxBytes)
        } catch {
            throw .unreadable(path, reason: error.reason)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(ServiceStatus.self, from: Data(bytes))
        } catch {
            throw .damaged(path)
        }
    }
}

/// The status file exists but cannot be used.
public enum StatusError: Error, Sendable, CustomStringConvertible {
    case unreadable(String, reason: String)
    case damaged(String)
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason):
            "状态文件 \(path) 无法写入（\(reason)），ogiwatch status 将显示旧状态：请检查状态目录的权限和磁盘空间"
        case .unreadable(let path, let reason):
            "无法读取状态文件 \(path)：\(reason)（请以 root 或 ogiwatch 用户运行，并确认它是服务写入的普通文件）"
        case .damaged(let path): "状态文件 \(path) 已损坏：重启服务（systemctl restart ogiwatch）会重新写入"
        }
    }
}
