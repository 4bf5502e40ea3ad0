import Foundation
import OgiwatchFixtures

/// The .deb that `Packaging/build-deb.sh` makes, and a clean Debian 12 root to install it in.
enum DebPackage {
    /// `$OGIWATCH_DEB`, else the newest `.build-deb/ogiwatch_*.deb`, else one built now
    /// (a static release build: several minutes; `.ci/run` builds it before the tests).
    static func path() throws -> String {
        buildLock.lock()
        defer { buildLock.unlock() }
        if let given = ProcessInfo.processInfo.environment["OGIWATCH_DEB"], !given.isEmpty { return given }
        if let found = newest() { return found }
        let built = try Tool.run(RepositoryFiles.path("Packaging/build-deb.sh"), [], directory: RepositoryFiles.root.path, seconds: 1500)
        guard built.status == 0, let found = newest() else {
            throw PackagingError("Packaging/build-deb.sh failed (\(built.status)):\n\(built.stderr.suffix(4000))")
        }
        return found
    }

    /// Suites run in parallel; one build and one debootstrap at a time.
    static let buildLock = NSLock()

    private static func newest() -> String? {
        let dir = RepositoryFiles.path(".build-deb")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix("ogiwatch_") && $0.hasSuffix(".deb") }
            .map { dir + "/" + $0 }
            .max { modified($0) < modified($1) }
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    static func field(_ name: String, of deb: String) throws -> String {
        try Tool.run("dpkg-deb", ["-f", deb, name]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A minimal Debian 12 root made once by `debootstrap --variant=minbase` from the Debian
/// mirror, with apt's package lists, kept under `.build-root/` and copied for each use.
/// Nothing of the package's dependencies is preinstalled: apt resolves them from the
/// package's Depends.
enum CleanRoot {
    static var cache: String { RepositoryFiles.path(".build-root/bookworm") }

    static func prepare() throws -> String {
        DebPackage.buildLock.lock()
        defer { DebPackage.buildLock.unlock() }
        let stamp = cache + "/.ogiwatch-complete"
        if FileManager.default.fileExists(atPath: stamp) { return cache }
        guard let debootstrap = Tool.which("debootstrap") else {
            throw PackagingError("debootstrap is not installed (Packaging/install-deps.sh installs it)")
        }
        try? FileManager.default.removeItem(atPath: cache)
        try FileManager.default.createDirectory(atPath: RepositoryFiles.path(".build-root"), withIntermediateDirectories: true)
        let mirror = ProcessInfo.processInfo.environment["OGIWATCH_DEBIAN_MIRROR"] ?? "http://deb.debian.org/debian"
        let result = try Tool.run(debootstrap, ["--variant=minbase", "bookworm", cache, mirror], seconds: 900)
        guard result.status == 0 else {
            throw PackagingError("debootstrap failed (\(result.status)):\n\(result.output.suffix(4000))")
        }
        let update = try run(cache, "apt-get update -qq", seconds: 300)
        guard update.status == 0 else { throw PackagingError("apt-get update in the root failed:\n\(update.output.suffix(4000))") }
        _ = FileManager.default.createFile(atPath: stamp, contents: Data())
        return cache
    }

    /// A private copy of the cached root, removed with the returned directory.
    static func copy() throws -> (TemporaryDirectory, String) {
        let source = try prepare()
        let dir = try TemporaryDirectory("ogiwatch-root")
        let root = dir.path + "/root"
        let copied = try Tool.run("cp", ["-a", source, root], seconds: 300)
        guard copied.status == 0 else { throw PackagingError("cp -a failed: \(copied.output)") }
        return (dir, root)
    }

    /// `sh -c SCRIPT` inside the root, in private mount and PID namespaces with their own
    /// /proc, so nothing stays mounted and nothing started there outlives the call.
    @discardableResult
    static func run(_ root: String, _ script: String, seconds: Double = 120) throws -> ToolResult {
        try Tool.run("unshare", ["--mount", "--pid", "--fork", "--mount-proc=\(root)/proc", "chroot", root, "/bin/sh", "-c", script],
                     environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive"], seconds: seconds)
    }
}

struct PackagingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
