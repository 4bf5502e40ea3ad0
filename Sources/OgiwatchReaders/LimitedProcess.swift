#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs an external converter on untrusted input with a hard budget.
///
/// A hostile file must not be able to hang a watcher or fill its memory through the converter,
/// so the child is spawned directly (no shell, nothing to quote), stdin is `/dev/null`, stdout
/// and stderr are drained together with `poll` (a full stderr pipe cannot block a child that
/// still writes stdout), and the child is killed the moment the clock or the output budget runs
/// out.
struct LimitedProcess: Sendable {
    enum Outcome: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case outputTooLarge
    }

    struct Result: Sendable {
        var outcome: Outcome
        var stdout: [UInt8]
        var stderr: [UInt8]

        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    enum LaunchError: Error, Sendable {
        case spawnFailed(Int32)
    }

    var executable: String
    var arguments: [String]
    var deadline: ContinuousClock.Instant
    var maxOutputBytes: Int
    /// stderr is only read for diagnostics; beyond this it is drained and dropped.
    var maxErrorBytes = 64 << 10

    func run() throws(LaunchError) -> Result {
        let outPipe = try Self.makePipe()
        let errPipe: [Int32]
        do {
            errPipe = try Self.makePipe()
        } catch {
            close(outPipe[0]); close(outPipe[1])
            throw error
        }
        let pid: pid_t
        do {
            pid = try spawn(stdout: outPipe[1], stderr: errPipe[1])
        } catch {
            [outPipe[0], outPipe[1], errPipe[0], errPipe[1]].forEach { _ = close($0) }
            throw error
        }
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        return drain(pid: pid, out: outPipe[0], err: errPipe[0])
    }

    private func spawn(stdout: Int32, stderr: Int32) throws(LaunchError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group, so a kill reaches anything the converter might start.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var argv = Self.cStrings([executable] + arguments)
        defer { argv.forEach { free($0) } }
        // A fixed environment: no proxies, no locale surprises, nothing from the caller.
        var environment = Self.cStrings(["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"])
        defer { environment.forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, &argv, &environment)
        guard status == 0 else { throw .spawnFailed(status) }
        return pid
    }

    /// A NULL-terminated array of C strings for `posix_spawn`; the caller frees it.
    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { (string: String) -> UnsafeMutablePointer<CChar>? in strdup(string) } + [nil]
    }

    /// A pipe whose ends are not inherited by children spawned by other threads.
    private static func makePipe() throws(LaunchError) -> [Int32] {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .spawnFailed(errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return ends
    }

    private func drain(pid: pid_t, out: Int32, err: Int32) -> Result {
        var stdoutBytes: [UInt8] = []
        var stderrBytes: [UInt8] = []
        var open = [out: true, err: true]
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var verdict: Outcome?

        while open.values.contains(true), verdict == nil {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { verdict = .timedOut; break }
            var fds = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Self.milliseconds(remaining))
            if ready < 0, errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    if count == 0 || (errno != EINTR && errno != EAGAIN) { open[entry.fd] = false }
                    continue
                }
                if entry.fd == out {
                    stdoutBytes.append(contentsOf: chunk[0..<count])
                    if stdoutBytes.count > maxOutputBytes { verdict = .outputTooLarge }
                } else if stderrBytes.count < maxErrorBytes {
                    stderrBytes.append(contentsOf: chunk[0..<min(count, maxErrorBytes - stderrBytes.count)])
                }
            }
        }
        let status = reap(pid: pid, killNow: verdict != nil)
        if verdict == nil, status == nil { verdict = .timedOut }
        return Result(outcome: verdict ?? Self.outcome(status ?? 0), stdout: stdoutBytes, stderr: stderrBytes)
    }

    /// Waits for the child; kills its group when asked or when it outlives the deadline after
    /// closing its pipes. Returns nil when the child had to be killed for the deadline.
    private func reap(pid: pid_t, killNow: Bool) -> Int32? {
        var status: Int32 = 0
        if killNow {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return status
        }
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return status }
            if done < 0, errno != EINTR { return status }
            if ContinuousClock.now >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return nil
            }
            usleep(2_000)
        }
    }

    private static func outcome(_ status: Int32) -> Outcome {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1
        return Int32(clamping: total)
    }
}
