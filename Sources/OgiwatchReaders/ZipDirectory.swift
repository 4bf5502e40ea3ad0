import OgiwatchCore

/// One central-directory record whose byte ranges were checked against the file.
struct ZipEntry: Sendable, Equatable {
    /// The raw name bytes; parts are looked up by exact UTF-8 name, never by a decoded guess.
    var name: [UInt8]
    var flags: UInt16
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var headerOffset: Int
    /// Where the entry's stored (possibly deflated) bytes lie in the file.
    var dataRange: Range<Int>
}

/// The central directory of a ZIP file, walked with every offset checked before it is used.
///
/// `ZIPFoundation.Archive(data:)` trusts these offsets: its in-memory file traps when one points
/// past the end of the data. Checking them here is what keeps a hostile `.docx` a finding
/// instead of a crash, and gives entry counts and overlaps for free.
struct ZipDirectory: Sendable {
    let entries: [ZipEntry]

    private static let endRecordSize = 22
    private static let maxCommentLength = 0xFFFF

    init(bytes: [UInt8], maxEntries: Int) throws(DocumentProblem) {
        guard let end = Self.findEndRecord(bytes) else {
            // A copy in progress still starts with a local file header; anything else is
            // simply not a Word document, and retrying it would only delay the finding.
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
                throw DocumentProblem(.unreadable, "不是有效的 Word 文档（.docx 应为 ZIP 格式）")
            }
            throw DocumentProblem(.unreadable, "文件不完整：ZIP 结构被截断，可能仍在复制中", looksIncomplete: true)
        }
        let reader = LittleEndianBytes(bytes: bytes)
        let entryCount = reader.u16(end + 10)
        let directorySize = reader.u32(end + 12)
        let directoryOffset = reader.u32(end + 16)
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
            || (end >= 20 && reader.u32(end - 20) == 0x0706_4B50) {
            throw DocumentProblem(.unreadable, "不支持 ZIP64 格式的 .docx：请用 Word 或 WPS 重新保存后再提交")
        }
        guard reader.u16(end + 4) == 0, reader.u16(end + 6) == 0, reader.u16(end + 8) == entryCount else {
            throw DocumentProblem(.unreadable, "不支持分卷压缩的 .docx：请用 Word 或 WPS 重新保存后再提交")
        }
        guard entryCount <= maxEntries else {
            throw DocumentProblem(.unreadable, "ZIP 条目数超过上限（\(maxEntries) 个）：疑似恶意文件，已拒绝")
        }
        guard directoryOffset + directorySize <= end else {
            throw Self.damaged("目录位置超出文件范围")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(entryCount)
        var position = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<entryCount {
            let entry = try Self.readRecord(reader, at: &position, directoryEnd: directoryEnd, dataLimit: directoryOffset)
            entries.append(entry)
        }
        try Self.rejectOverlaps(entries)
        self.entries = entries
    }

    /// The end record nearest the end of the file, searched only where a ZIP comment could put it.
    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= endRecordSize else { return nil }
        let lowest = max(0, bytes.count - endRecordSize - maxCommentLength)
        var index = bytes.count - endRecordSize
        while index >= lowest {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 {
                return index
            }
            index -= 1
        }
        return nil
    }

    private static func readRecord(
        _ reader: LittleEndianBytes, at position: inout Int, directoryEnd: Int, dataLimit: Int
    ) throws(DocumentProblem) -> ZipEntry {
        let start = position
        guard start + 46 <= directoryEnd, reader.u32(start) == 0x0201_4B50 else {
            throw damaged("目录记录不完整")
        }
        let nameLength = reader.u16(start + 28)
        let recordEnd = start + 46 + nameLength + reader.u16(start + 30) + reader.u16(start + 32)
        guard recordEnd <= directoryEnd else { throw damaged("目录记录超出目录范围") }
        let compressedSize = reader.u32(start + 20)
        let uncompressedSize = reader.u32(start + 24)
        let headerOffset = reader.u32(start + 42)
        if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || headerOffset == 0xFFFF_FFFF {
            throw DocumentProblem(.unreadable, "不支持 ZIP64 格式的 .docx：请用 Word 或 WPS 重新保存后再提交")
        }
        guard headerOffset + 30 <= dataLimit, reader.u32(headerOffset) == 0x0403_4B50 else {
            throw damaged("条目头位置无效")
        }
        let dataStart = headerOffset + 30 + reader.u16(headerOffset + 26) + reader.u16(headerOffset + 28)
        guard dataStart + compressedSize <= dataLimit else { throw damaged("条目数据超出文件范围") }
        position = recordEnd
        return ZipEntry(
            name: Array(reader.bytes[(start + 46)..<(start + 46 + nameLength)]),
            flags: UInt16(reader.u16(start + 8)),
            method: UInt16(reader.u16(start + 10)),
            crc32: UInt32(reader.u32(start + 16)),
            compressedSize: compressedSize,
            uncompressedSize: uncompressedSize,
            headerOffset: headerOffset,
            dataRange: dataStart..<(dataStart + compressedSize)
        )
    }

    /// Overlapping entries let a few kilobytes of deflate data be counted many times over.
    private static func rejectOverlaps(_ entries: [ZipEntry]) throws(DocumentProblem) {
        let ordered = entries.sorted { $0.headerOffset < $1.headerOffset }
        if zip(ordered, ordered.dropFirst()).contains(where: { $1.headerOffset < $0.dataRange.upperBound }) {
            throw DocumentProblem(.unreadable, "ZIP 条目相互重叠：疑似压缩炸弹，已拒绝")
        }
    }

    static func damaged(_ detail: String) -> DocumentProblem {
        DocumentProblem(.unreadable, "Word 文档的 ZIP 结构损坏（\(detail)）：请重新保存后再提交")
    }
}

/// Little-endian fields of a byte array; callers check ranges first, reads past the end give 0.
private struct LittleEndianBytes {
    let bytes: [UInt8]

    func u16(_ offset: Int) -> Int {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> Int {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return u16(offset) | u16(offset + 2) << 16
    }
}
