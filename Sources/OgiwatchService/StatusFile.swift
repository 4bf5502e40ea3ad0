import Foundation

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

    /// The status last written, or nil when the service never ran with this state directory.
    public func read() throws(StatusError) -> ServiceStatus? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw .unreadable(path) }
            return nil
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(ServiceStatus.self, from: data)
        } catch {
            throw .damaged(path)
        }
    }
}

/// The status file exists but cannot be used.
public enum StatusError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case damaged(String)
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason):
            "状态文件 \(path) 无法写入（\(reason)），ogiwatch status 将显示旧状态：请检查状态目录的权限和磁盘空间"
        case .unreadable(let path): "无法读取状态文件 \(path)：请以 root 或 ogiwatch 用户运行"
        case .damaged(let path): "状态文件 \(path) 已损坏：重启服务（systemctl restart ogiwatch）会重新写入"
        }
    }
}
