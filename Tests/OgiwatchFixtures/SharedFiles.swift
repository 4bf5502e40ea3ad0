import Foundation

/// Locates the reference reports that live beside the repository (`../shared`), so tests use
/// the real seeds and PDFs rather than copies.
public enum SharedFiles {
    /// `…/shared`, found from this source file's location; `OGIWATCH_SHARED` overrides it.
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["OGIWATCH_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // OgiwatchFixtures
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The seed report whose file name starts with `prefix` (`"000"` … `"004"`).
    public static func seed(_ prefix: String) throws -> URL {
        let dir = directory.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: dir.appendingPathComponent(prefix).path])
        }
        return dir.appendingPathComponent(name)
    }

    /// The text of a seed report.
    public static func seedText(_ prefix: String) throws -> String {
        try String(contentsOf: seed(prefix), encoding: .utf8)
    }

    /// A file under `shared/real-reports`.
    public static func realReport(_ name: String) -> URL {
        directory.appendingPathComponent("real-reports").appendingPathComponent(name)
    }
}
