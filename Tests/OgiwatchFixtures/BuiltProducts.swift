import Foundation

/// The executables built alongside the test bundle, so tests run the real `ogiwatch`.
public enum BuiltProducts {
    /// `ogiwatch` in the scratch path's build folder, found by walking up from the running
    /// test bundle.
    public static var ogiwatch: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: me).deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("ogiwatch").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("ogiwatch").path
    }
}
