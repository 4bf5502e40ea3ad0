import Glibc

/// One raw inotify event. `name` is the entry name as bytes (empty for events on the watched
/// directory itself); names are never turned into `String`, so odd bytes survive intact.
public struct InotifyEvent: Sendable, Equatable {
    public var descriptor: Int32
    public var mask: UInt32
    public var cookie: UInt32
    public var name: [UInt8]

    public func has(_ flag: UInt32) -> Bool { mask & flag != 0 }
}

/// A thin owner of one inotify descriptor, kept apart from the recursive logic so that the
/// system-call layer can be tested on its own.
public final class Inotify {
    public static let closeWrite: UInt32 = 0x0000_0008
    public static let closeNoWrite: UInt32 = 0x0000_0010
    public static let open: UInt32 = 0x0000_0020
    public static let movedFrom: UInt32 = 0x0000_0040
    public static let movedTo: UInt32 = 0x0000_0080
    public static let create: UInt32 = 0x0000_0100
    public static let delete: UInt32 = 0x0000_0200
    public static let deleteSelf: UInt32 = 0x0000_0400
    public static let moveSelf: UInt32 = 0x0000_0800
    public static let unmount: UInt32 = 0x0000_2000
    public static let queueOverflow: UInt32 = 0x0000_4000
    public static let ignored: UInt32 = 0x0000_8000
    public static let onlyDirectory: UInt32 = 0x0100_0000
    public static let dontFollow: UInt32 = 0x0200_0000
    public static let exclUnlink: UInt32 = 0x0400_0000
    public static let isDirectory: UInt32 = 0x4000_0000

    /// What a drop directory is watched for. IN_OPEN and IN_CLOSE_NOWRITE count who holds a
    /// file open (`OpenCounts`): a pausing upload is not read half-written. Each read of the
    /// service's own adds one of each; that costs queue room, and an overflow is rescanned.
    /// No IN_ACCESS, and no IN_MODIFY (a long copy would flood the queue; closes and the
    /// stability check cover slow writers).
    public static let dropMask: UInt32 = closeWrite | closeNoWrite | open | movedTo | movedFrom | create | delete
        | deleteSelf | moveSelf | dontFollow | onlyDirectory | exclUnlink

    public let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    public init() throws(WatchError) {
        let fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else {
            let code = errno
            if code == EMFILE { throw WatchError.instanceLimit() }
            throw WatchError.system(call: "inotify_init1", errno: code, path: [])
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Adds or updates a watch; returns the watch descriptor.
    public func addWatch(_ path: [UInt8], mask: UInt32 = Inotify.dropMask) throws(WatchError) -> Int32 {
        let wd = PathBytes.withCString(path) { inotify_add_watch(descriptor, $0, mask) }
        guard wd >= 0 else {
            let code = errno
            if code == ENOSPC { throw WatchError.watchLimit() }
            throw WatchError.system(call: "inotify_add_watch", errno: code, path: path)
        }
        return wd
    }

    public func removeWatch(_ wd: Int32) {
        _ = inotify_rm_watch(descriptor, wd)
    }

    /// Waits up to `timeout` seconds for events on this descriptor or for `wakeDescriptor` to
    /// become readable; returns whether the wake descriptor is readable.
    public func wait(timeout: Double, wakeDescriptor: Int32?) -> (events: Bool, wake: Bool) {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if let wakeDescriptor { fds.append(pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)) }
        let millis = Int32(max(0, min(timeout, 3600)) * 1000)
        let ready = poll(&fds, nfds_t(fds.count), millis)
        guard ready > 0 else { return (false, false) }
        return (fds[0].revents != 0, fds.count > 1 && fds[1].revents != 0)
    }

    /// Reads every queued event without blocking.
    public func read() -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            events.append(contentsOf: Self.parse(buffer[0..<count]))
        }
        return events
    }

    /// Parses the kernel's packed `struct inotify_event` records.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = bytes.startIndex
        func word(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        while offset + 16 <= bytes.endIndex {
            let length = Int(word(offset + 12))
            guard offset + 16 + length <= bytes.endIndex else { break }
            let nameBytes = bytes[(offset + 16)..<(offset + 16 + length)]
            events.append(InotifyEvent(descriptor: Int32(bitPattern: word(offset)), mask: word(offset + 4),
                                       cookie: word(offset + 8), name: Array(nameBytes.prefix { $0 != 0 })))
            offset += 16 + length
        }
        return events
    }
}
