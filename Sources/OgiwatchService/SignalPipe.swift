import Glibc

nonisolated(unsafe) private var signalWriteDescriptor: Int32 = -1

/// Turns SIGHUP, SIGTERM and SIGINT into bytes on a pipe that the event loop polls next to
/// inotify, so signals are handled on the loop's thread between files, never inside one.
enum SignalPipe {
    /// Installs the handlers and returns the read end.
    static func install(_ signals: [Int32] = [SIGHUP, SIGTERM, SIGINT]) -> Int32 {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        signalWriteDescriptor = fds[1]
        Glibc.signal(SIGPIPE, SIG_IGN)
        // A parent may have spawned us with these blocked (the mask is inherited): unblock them.
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in signals { sigaddset(&mask, number) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for number in signals {
            Glibc.signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalWriteDescriptor, &byte, 1)
            }
        }
        return fds[0]
    }

    /// The signals received since the last call.
    static func drain(_ descriptor: Int32) -> [Int32] {
        var buffer = [UInt8](repeating: 0, count: 64)
        var received: [Int32] = []
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return received }
            received += buffer[0..<count].map { Int32($0) }
        }
    }
}
