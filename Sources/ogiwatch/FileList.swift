import Foundation

/// The command line's paths as files to check: files stay as given (so a missing or odd
/// file still gets its own finding), directories are walked without following symlinks.
/// A directory with no file in it is kept apart, so that it is reported, not passed over.
struct FileList {
    var files: [String] = []
    var emptyDirectories: [String] = []

    init(_ paths: [String]) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil else {
                files.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles])
            var found: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(url.path) }
            }
            if found.isEmpty { emptyDirectories.append(path) }
            files += found.sorted()
        }
    }
}
