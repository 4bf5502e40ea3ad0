import Foundation
import Glibc
import Testing
@testable import OgiwatchWatch

/// Reads below a drop folder never pass through a symlink, wherever it sits in the path.
@Suite struct StableReadTests {
    @Test func directorySwappedForASymlinkIsNotFollowed() throws {
        let drop = try TempDirectory()
        let outside = try TempDirectory()
        try FileManager.default.createDirectory(atPath: drop.path + "/街道", withIntermediateDirectories: false)
        try Data("inside".utf8).write(to: drop.url("街道/report.txt"))
        try Data("secret".utf8).write(to: outside.url("report.txt"))
        let path = Array((drop.path + "/街道/report.txt").utf8)
        guard case .ready(_, _, let content) = StableRead.read(path, beneath: drop.bytes, expected: nil, maxBytes: 1 << 20) else {
            Issue.record("a plain nested file must be read")
            return
        }
        #expect(content == Array("inside".utf8))

        // The listed directory is replaced by a symlink to a folder outside the drop root.
        try FileManager.default.removeItem(atPath: drop.path + "/街道")
        #expect(symlink(outside.path, drop.path + "/街道") == 0)
        guard case .notRegular(.symlink) = StableRead.read(path, beneath: drop.bytes, expected: nil, maxBytes: 1 << 20) else {
            Issue.record("the swapped directory must be refused as a symlink")
            return
        }
        // What a full-path O_NOFOLLOW open does: it guards only the last component.
        guard case .ready(_, _, let leaked) = StableRead.read(path, beneath: nil, expected: nil, maxBytes: 1 << 20) else {
            Issue.record("without a root only the last component is guarded")
            return
        }
        #expect(leaked == Array("secret".utf8))
    }

    @Test func rootMayItselfBeASymlink() throws {
        let real = try TempDirectory()
        let links = try TempDirectory()
        try Data("report".utf8).write(to: real.url("a.txt"))
        let root = links.path + "/drop"
        #expect(symlink(real.path, root) == 0)
        let result = StableRead.read(Array((root + "/a.txt").utf8), beneath: Array(root.utf8), expected: nil, maxBytes: 1 << 20)
        guard case .ready(_, _, let content) = result else {
            Issue.record("an administrator's symlinked drop root is read: \(result)")
            return
        }
        #expect(content == Array("report".utf8))
    }

    @Test func dotDotComponentsAreRefused() throws {
        let drop = try TempDirectory()
        let path = Array((drop.path + "/../etc/passwd").utf8)
        guard case .failed(let code) = StableRead.read(path, beneath: drop.bytes, expected: nil, maxBytes: 1 << 20) else {
            Issue.record("a path climbing out of the root must fail")
            return
        }
        #expect(code == EINVAL)
    }
}
