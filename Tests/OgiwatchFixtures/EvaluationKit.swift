import Foundation

/// The evaluation kit beside the repository (`../shared/eval`, or `OGIWATCH_EVAL_KIT`): reports
/// in the shapes organs produce with their exact expected findings (`corpus/`, `corpus-pdf/`),
/// and the kit's own scorer. Tests that need it are skipped, saying so, where it is absent.
public enum EvaluationKit {
    public static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["OGIWATCH_EVAL_KIT"] { return URL(fileURLWithPath: path) }
        return RepositoryFiles.root.deletingLastPathComponent().appendingPathComponent("shared/eval")
    }

    public static var isPresent: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("score.sh").path)
    }

    /// `truth.jsonl` by file name.
    public static func truth(_ corpus: URL) throws -> [String: [String: Any]] {
        let text = try String(contentsOf: corpus.appendingPathComponent("truth.jsonl"), encoding: .utf8)
        var records: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = record["file"] as? String else { continue }
            records[file] = record
        }
        return records
    }

    /// Runs the kit's `score.sh` on the built binary from the repository root.
    public static func score(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [directory.appendingPathComponent("score.sh").path, "--bin", BuiltProducts.ogiwatch] + arguments
        process.currentDirectoryURL = RepositoryFiles.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
