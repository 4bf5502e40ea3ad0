import CStatx
import Glibc

/// Tells whether two directories are on the same mount. A drop folder is watched and read
/// only within its own mount: a mount or bind mount inside it (of /etc, say) is not entered.
/// Bind mounts of one filesystem share `st_dev`, so the kernel's mount id decides; kernels
/// without mount ids (before 5.8) fall back to the device, which still stops other
/// filesystems.
enum MountBoundary {
    /// The mount of an open file or directory.
    static func key(fd: Int32) -> UInt64? {
        var id: UInt64 = 0
        if ogiwatch_mount_id(fd, "", &id) == 0 { return id }
        var raw = stat()
        return fstat(fd, &raw) == 0 ? fallback(raw) : nil
    }

    /// The mount of `path`; a final symlink is not followed.
    static func key(path: [UInt8]) -> UInt64? {
        var id: UInt64 = 0
        let found = PathBytes.withCString(path) { ogiwatch_mount_id(AT_FDCWD, $0, &id) }
        if found == 0 { return id }
        return FileStat.lstat(path).map { $0.device | 1 << 63 }
    }

    /// The mount of a drop folder, following the folder itself if an administrator made it
    /// a symlink.
    static func key(root: [UInt8]) -> UInt64? {
        let fd = PathBytes.withCString(root) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return key(fd: fd)
    }

    private static func fallback(_ raw: stat) -> UInt64 { UInt64(raw.st_dev) | 1 << 63 }
}
