import Foundation

/// Files of this repository that tests use as they ship, such as the rule set in `Rules/`.
public enum RepositoryFiles {
    public static var root: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // OgiwatchFixtures
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    public static var rulesDirectory: String { root.appendingPathComponent("Rules").path }

    /// A path inside the repository, such as `Packaging/build-deb.sh`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
