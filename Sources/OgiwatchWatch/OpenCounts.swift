/// How many times each candidate file is open, counted from inotify's IN_OPEN against its
/// IN_CLOSE_WRITE and IN_CLOSE_NOWRITE. A file still open when its settle time ends is most
/// likely still being written by a slow upload (Samba, sftp) that paused: it is not read yet.
///
/// This is what the kernel tells an unprivileged daemon. A read lease (`F_SETLEASE`), which
/// the kernel refuses while a writer has the file open, needs the file's owner or
/// CAP_LEASE; other processes' descriptors in /proc need ptrace rights; /proc/locks shows
/// locks, not opens. inotify does not say whether an open is for writing, so a reader
/// holding a file open delays it too, at most `WatchConfiguration.maxOpenWaitSeconds`.
/// Opens made before the watch existed are unseen (a count below zero stays at zero), and
/// a queue overflow loses the counts, which then start again from zero.
struct OpenCounts {
    private var counts: [[UInt8]: Int] = [:]

    func isOpen(_ path: [UInt8]) -> Bool { counts[path] != nil }

    mutating func opened(_ path: [UInt8]) { counts[path, default: 0] += 1 }

    mutating func closed(_ path: [UInt8]) {
        guard let count = counts[path] else { return }
        counts[path] = count > 1 ? count - 1 : nil
    }

    mutating func forget(_ path: [UInt8]) { counts[path] = nil }

    mutating func forget(within directory: [UInt8]) {
        for path in counts.keys where PathBytes.isWithin(path, directory) { counts[path] = nil }
    }

    mutating func forgetAll() { counts.removeAll() }
}
