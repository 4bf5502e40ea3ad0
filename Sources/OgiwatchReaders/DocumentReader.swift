import Glibc
import OgiwatchCore

/// Turns a file or its bytes into a `Document`, whatever the format.
///
/// Every failure comes back as a `DocumentProblem` naming the reason, so the caller can
/// record it as a finding for that file and go on with the next one.
public enum DocumentReader {
    /// Read a file from disk without following symlinks or blocking on FIFOs.
    public static func read(path: String, limits: ReadLimits = .standard,
                            converter: OfficeConverter = .installed) -> Result<Document, DocumentProblem> {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let format = DocumentFormat(fileName: name) else {
            // A mistyped folder has no extension: a path that is not there is missing, whatever its name.
            var info = stat()
            if lstat(path, &info) != 0, errno == ENOENT { return .failure(FileBytes.openProblem(ENOENT)) }
            return .failure(unsupportedFormat)
        }
        do throws(DocumentProblem) {
            let bytes = try FileBytes.read(path: path, maxBytes: limits.maxFileBytes)
            return read(bytes: bytes, format: format, limits: limits, converter: converter)
        } catch {
            return .failure(error)
        }
    }

    /// Read bytes already in memory.
    public static func read(bytes: [UInt8], format: DocumentFormat, limits: ReadLimits = .standard,
                            converter: OfficeConverter = .installed) -> Result<Document, DocumentProblem> {
        do throws(DocumentProblem) {
            switch format {
            case .txt:
                return .success(try PlainTextReader.read(bytes: bytes))
            case .docx:
                return .success(try DocxReader.read(bytes: bytes, limits: limits))
            case .pdf:
                return .success(try PdfReader.read(bytes: bytes, limits: limits))
            case .html:
                return .success(try HtmlReader.read(bytes: bytes))
            case .doc:
                return .success(try WordBinaryReader.read(bytes: bytes, limits: limits, converter: converter))
            }
        } catch {
            return .failure(error)
        }
    }

    /// A file whose name is of no report format.
    public static let unsupportedFormat = DocumentProblem(
        .unsupported, "不支持的文件类型：仅检查 .txt、.docx、.doc、.wps、.pdf、.html 格式的年度报告")
}
