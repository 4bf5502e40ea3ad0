import Foundation

/// Expands the command-line paths: files stay as given (so a missing or odd file still gets
/// its own finding), directories are walked without following symlinks.
enum FileList {
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil else { return [path] }
            let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles])
            var files: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url.path) }
            }
            return files.sorted()
        }
    }
}
