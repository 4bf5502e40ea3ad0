import Foundation

/// What `ogiwatch check --format json` prints for a file, one object per finding: what the
/// daemon's journal entries are compared with.
enum CheckCommandOutput {
    static func findings(_ file: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["check", "--format", "json", "--fail-on", "never", "--rules", DaemonProcess.rulesDirectory, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        }
    }
}
