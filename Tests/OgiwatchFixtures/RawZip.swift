/// A ZIP writer that stores whatever it is given, so tests can build archives no honest tool
/// would write: pre-deflated bombs, lying sizes, entries that share their bytes.
public struct RawZip: Sendable {
    public struct Entry: Sendable {
        public var name: String
        /// 0 stored, 8 deflated.
        public var method: UInt16
        /// The bytes exactly as they go into the file.
        public var payload: [UInt8]
        public var crc32: UInt32
        /// The size the headers claim the entry inflates to.
        public var declaredSize: Int

        public init(name: String, method: UInt16, payload: [UInt8], crc32: UInt32, declaredSize: Int) {
            self.name = name
            self.method = method
            self.payload = payload
            self.crc32 = crc32
            self.declaredSize = declaredSize
        }
    }

    public var entries: [Entry]
    /// Extra central-directory records that point at the local header of an existing entry.
    public var aliases: [(name: String, entryIndex: Int)] = []

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        for entry in entries {
            offsets.append(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(Int(entry.method)) + le16(0) + le16(0x21)
            out += le32(Int(entry.crc32)) + le32(entry.payload.count) + le32(entry.declaredSize)
            out += le16(entry.name.utf8.count) + le16(0) + Array(entry.name.utf8) + entry.payload
        }
        let directoryStart = out.count
        let records = entries.indices.map { (entries[$0].name, $0) } + aliases.map { ($0.name, $0.entryIndex) }
        for (name, index) in records {
            let entry = entries[index]
            out += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(Int(entry.method))
            out += le16(0) + le16(0x21) + le32(Int(entry.crc32)) + le32(entry.payload.count) + le32(entry.declaredSize)
            out += le16(name.utf8.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offsets[index])
            out += Array(name.utf8)
        }
        let directorySize = out.count - directoryStart
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(records.count) + le16(records.count)
        out += le32(directorySize) + le32(directoryStart) + le16(0)
        return out
    }

    private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
    private func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16((value >> 16) & 0xFFFF) }
}
