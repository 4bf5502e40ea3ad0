import Foundation
import OgiwatchCore
import ZIPFoundation

/// The ZIP side of a `.docx`: finds one part by exact name and inflates it in memory under
/// `ReadLimits`, counting the bytes zlib actually produces rather than the sizes the archive claims.
///
/// Inflation goes through ZIPFoundation's zlib binding with our own provider, which hands out only
/// the entry's checked bytes and stops when they run out; `Archive.extract` would keep reading at
/// end of data and spin forever on a deflate stream that never ends.
struct DocxArchive: Sendable {
    private let bytes: [UInt8]
    private let directory: ZipDirectory

    /// Chunk handed to zlib. Small chunks let the ratio limit trip after a few megabytes.
    private static let chunkSize = 16 * 1024
    /// Start of an OLE compound file: an encrypted Word document or a legacy `.doc`.
    private static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(bytes: [UInt8], limits: ReadLimits) throws(DocumentProblem) {
        if bytes.starts(with: Self.compoundFileMagic) {
            throw DocumentProblem(.unreadable, "文件是加密的 Word 文档或旧版 .doc 格式：请另存为未加密的 .docx 后再提交")
        }
        self.bytes = bytes
        self.directory = try ZipDirectory(bytes: bytes, maxEntries: limits.maxEntries)
    }

    /// The inflated bytes of the part named exactly `name`.
    func inflate(_ name: String, limits: ReadLimits) throws(DocumentProblem) -> [UInt8] {
        guard let part = try inflateIfPresent(name, limits: limits) else {
            throw DocumentProblem(.unreadable, "不是有效的 Word 文档：缺少 \(name)")
        }
        return part
    }

    /// The inflated bytes of an optional part; nil when the archive has no such part.
    func inflateIfPresent(_ name: String, limits: ReadLimits) throws(DocumentProblem) -> [UInt8]? {
        let wanted = Array(name.utf8)
        let matches = directory.entries.filter { $0.name == wanted }
        guard let entry = matches.first else { return nil }
        guard matches.count == 1 else {
            throw DocumentProblem(.unreadable, "不是有效的 Word 文档：\(name) 出现了 \(matches.count) 次，已拒绝")
        }
        guard entry.flags & 1 == 0 else {
            throw DocumentProblem(.unreadable, "Word 文档的内容已加密：请另存为未加密的 .docx 后再提交")
        }
        var budget = InflateBudget(limits: limits, declaredSize: entry.uncompressedSize)
        try budget.checkDeclared()
        let output: [UInt8]
        let checksum: UInt32
        switch entry.method {
        case 0:
            try budget.account(inflated: entry.compressedSize, compressedRead: entry.compressedSize)
            output = Array(bytes[entry.dataRange])
            checksum = Data(output).crc32(checksum: 0)
        case 8:
            (output, checksum) = try inflateDeflated(entry, budget: &budget)
        default:
            throw DocumentProblem(.unreadable, "Word 文档使用了不支持的压缩方式（\(entry.method)）：请用 Word 或 WPS 重新保存")
        }
        guard output.count == entry.uncompressedSize, checksum == entry.crc32 else {
            throw ZipDirectory.damaged("\(name) 的校验和或大小与目录不符")
        }
        return output
    }

    private func inflateDeflated(
        _ entry: ZipEntry, budget: inout InflateBudget
    ) throws(DocumentProblem) -> (bytes: [UInt8], crc32: UInt32) {
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, budget.reservableBytes))
        var position = entry.dataRange.lowerBound
        let end = entry.dataRange.upperBound
        let checksum: UInt32
        do {
            checksum = try Data.decompress(
                size: Int64(entry.compressedSize), bufferSize: Self.chunkSize, skipCRC32: false,
                provider: { _, size in
                    guard position < end else { throw ZipDirectory.damaged("压缩数据提前结束") }
                    let count = min(size, end - position)
                    var chunk = Data(bytes[position..<(position + count)])
                    // zlib is told the chunk is `size` long whatever its count, so pad it.
                    if count < size { chunk.append(Data(count: size - count)) }
                    position += count
                    return chunk
                },
                consumer: { data in
                    try budget.account(inflated: data.count, compressedRead: position - entry.dataRange.lowerBound)
                    output.append(contentsOf: data)
                }
            )
        } catch let problem as DocumentProblem {
            throw problem
        } catch {
            throw ZipDirectory.damaged("解压失败")
        }
        return (output, checksum)
    }
}
