import Glibc

/// Opens a file below a drop folder one component at a time, each relative to its parent
/// and with O_NOFOLLOW. A full-path open with O_NOFOLLOW only refuses a symlink in the last
/// component: a directory swapped for a symlink after it was listed would lead the read out
/// of the drop folder. Here no component below the root can be a symlink, and none can be
/// on another mount than the root (a bind mount of /etc inside it is not entered).
enum BeneathRoot {
    enum Outcome {
        case opened(Int32)
        /// A component below the root is a symlink.
        case symlink
        /// A component below the root is on another mount (a mount point inside the root).
        case otherMount
        case failed(errno: Int32)
    }

    /// `root` itself is opened as configured (it may be a symlink an administrator made);
    /// `path` must lie below it. Without a root, the last component alone is guarded.
    static func open(_ path: [UInt8], root: [UInt8]?, flags: Int32) -> Outcome {
        guard let root, PathBytes.isWithin(path, root), path.count > root.count else {
            return finish(PathBytes.withCString(path) { Glibc.open($0, flags | O_NOFOLLOW | O_CLOEXEC) })
        }
        let relative = path[root.count...].split(separator: UInt8(ascii: "/"))
        guard !relative.isEmpty, !relative.contains(where: { $0.elementsEqual([0x2E]) || $0.elementsEqual([0x2E, 0x2E]) }) else {
            return .failed(errno: EINVAL)
        }
        var directory = PathBytes.withCString(root) { Glibc.open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard directory >= 0 else { return .failed(errno: errno) }
        let mount = MountBoundary.key(fd: directory)
        for (index, component) in relative.enumerated() {
            let last = index == relative.count - 1
            let next = PathBytes.withCString(Array(component)) { name in
                openat(directory, name, (last ? flags : O_RDONLY | O_DIRECTORY) | O_NOFOLLOW | O_CLOEXEC)
            }
            let code = errno
            if next < 0, code == ENOTDIR || code == ELOOP, isSymlink(Array(component), in: directory) {
                close(directory)
                return .symlink
            }
            close(directory)
            guard next >= 0 else { return .failed(errno: code) }
            directory = next
            if MountBoundary.key(fd: next) != mount {
                close(next)
                return .otherMount
            }
        }
        return .opened(directory)
    }

    private static func finish(_ fd: Int32) -> Outcome {
        fd >= 0 ? .opened(fd) : errno == ELOOP ? .symlink : .failed(errno: errno)
    }

    private static func isSymlink(_ name: [UInt8], in directory: Int32) -> Bool {
        var raw = stat()
        return PathBytes.withCString(name) { fstatat(directory, $0, &raw, AT_SYMLINK_NOFOLLOW) } == 0 && raw.st_mode & S_IFMT == S_IFLNK
    }
}
