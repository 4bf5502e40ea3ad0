import Glibc

/// Reads a file for checking in a way that cannot be fooled: no symlink is followed, a FIFO
/// cannot block, the hash covers exactly the bytes read, and a file that changed while it was
/// read is refused instead of being checked half-written.
public enum StableRead: Sendable {
    case ready(stat: FileStat, sha256: String, content: [UInt8]?)
    /// Written to while being read, or since the event that armed it: wait and try again.
    case changed
    /// Removed or renamed before it could be read.
    case gone
    /// A symlink, FIFO, device, socket or directory.
    case notRegular(FileStat.Kind)
    /// Below a mount point inside the drop folder.
    case otherMount
    case failed(errno: Int32)

    /// Opens `path` with O_NOFOLLOW|O_NONBLOCK on every component below `root`, hashes it while
    /// reading, keeps the content when it is at most `maxBytes` long, and re-checks `fstat`
    /// afterwards. `expected` is the stat taken when the file was last seen; any difference
    /// counts as a change.
    public static func read(_ path: [UInt8], beneath root: [UInt8]?, expected: FileStat?, maxBytes: Int) -> StableRead {
        let fd: Int32
        switch BeneathRoot.open(path, root: root, flags: O_RDONLY | O_NONBLOCK) {
        case .opened(let opened): fd = opened
        case .symlink: return .notRegular(.symlink)
        case .otherMount: return .otherMount
        case .failed(let code):
            switch code {
            case ENOENT, ENOTDIR: return .gone
            case ENXIO: return .notRegular(.socket)
            default: return .failed(errno: code)
            }
        }
        defer { close(fd) }
        var raw = stat()
        guard fstat(fd, &raw) == 0 else { return .failed(errno: errno) }
        let before = FileStat(raw)
        guard before.kind == .regular else { return .notRegular(before.kind) }
        if let expected, !before.isUnchanged(comparedTo: expected) { return .changed }

        var hasher = SHA256()
        var content: [UInt8]? = []
        content?.reserveCapacity(Int(min(before.size, Int64(maxBytes))))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(errno: errno)
            }
            if count == 0 { break }
            hasher.update(chunk[0..<count])
            if let sofar = content?.count, sofar + count <= maxBytes {
                content?.append(contentsOf: chunk[0..<count])
            } else {
                content = nil
            }
        }
        guard fstat(fd, &raw) == 0 else { return .failed(errno: errno) }
        let after = FileStat(raw)
        guard after.isUnchanged(comparedTo: before) else { return .changed }
        return .ready(stat: after, sha256: hasher.finalizeHex(), content: content)
    }
}
