import Glibc

/// The parts of `struct stat` that decide whether a file is the same file, unchanged.
public struct FileStat: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case regular, directory, symlink, fifo, socket, characterDevice = "character device",
             blockDevice = "block device", unknown
    }

    public var kind: Kind
    public var size: Int64
    public var mtimeNanoseconds: Int64
    public var ctimeNanoseconds: Int64
    public var device: UInt64
    public var inode: UInt64
    public var links: UInt64

    init(_ raw: stat) {
        switch raw.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .unknown
        }
        size = Int64(raw.st_size)
        mtimeNanoseconds = Int64(raw.st_mtim.tv_sec) * 1_000_000_000 + Int64(raw.st_mtim.tv_nsec)
        ctimeNanoseconds = Int64(raw.st_ctim.tv_sec) * 1_000_000_000 + Int64(raw.st_ctim.tv_nsec)
        device = UInt64(raw.st_dev)
        inode = UInt64(raw.st_ino)
        links = UInt64(raw.st_nlink)
    }

    /// `lstat`: never follows a symlink. Nil when the entry is gone or unreadable.
    public static func lstat(_ path: [UInt8]) -> FileStat? {
        var raw = stat()
        let result = PathBytes.withCString(path) { Glibc.lstat($0, &raw) }
        return result == 0 ? FileStat(raw) : nil
    }

    /// Same size, mtime and ctime: nothing wrote to the file in between.
    public func isUnchanged(comparedTo other: FileStat) -> Bool {
        size == other.size && mtimeNanoseconds == other.mtimeNanoseconds && ctimeNanoseconds == other.ctimeNanoseconds
            && inode == other.inode && device == other.device
    }
}
