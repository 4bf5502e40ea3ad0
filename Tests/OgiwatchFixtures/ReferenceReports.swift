import Foundation

/// The reference reports the tests and the benchmark read, kept in the repository under
/// `Tests/Reports`: the five seed reports as extracted text (`seeds/`) and real published
/// reports with their hand-labelled findings (`real/`, see `real/EXPECTED.md`).
public enum ReferenceReports {
    /// `Tests/Reports`, found from this source file's location.
    public static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // OgiwatchFixtures
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("Reports")
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

    /// A file under `real/`, such as `huaian-city-2024.pdf` or `web/pingtan_2024.html`.
    public static func realReport(_ name: String) -> URL {
        directory.appendingPathComponent("real").appendingPathComponent(name)
    }
}
