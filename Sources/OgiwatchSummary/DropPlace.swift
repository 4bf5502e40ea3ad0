/// Where a report sits, in the terms of the people who drop it: the drop folder (the
/// organ or office that submits there) and the file's name inside it. The mail never
/// shows the server's paths.
public struct DropPlace: Sendable, Hashable {
    /// The first folder beneath a watched root, or the root's own name for files dropped
    /// straight into it.
    public var folder: String
    /// The path beneath `folder`, escaped for display.
    public var file: String

    /// `roots` are the watched folders; a path under none of them (a root since removed
    /// from the configuration) falls back to its parent folder's name.
    public init(path: [UInt8], roots: [[UInt8]]) {
        let slash = UInt8(ascii: "/")
        let root = roots.map { Array($0.reversed().drop { $0 == slash }.reversed()) }
            .filter { !$0.isEmpty && path.count > $0.count && path.starts(with: $0) && path[$0.count] == slash }
            .max { $0.count < $1.count }
        var parts = path.split(separator: slash).map(Array.init)
        if let root {
            parts = path[(root.count + 1)...].split(separator: slash).map(Array.init)
            if parts.count < 2 {
                parts.insert(root.split(separator: slash).last.map(Array.init) ?? root, at: 0)
            }
        } else if parts.count >= 2 {
            parts = Array(parts.suffix(2))
        } else {
            parts.insert(Array("/".utf8), at: 0)
        }
        folder = DisplayText.escaped(parts.first ?? [])
        file = parts.dropFirst().map(DisplayText.escaped).joined(separator: "/")
    }
}
