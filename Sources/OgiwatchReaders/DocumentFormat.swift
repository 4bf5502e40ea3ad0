/// The report formats ogiwatch knows, chosen by file extension.
public enum DocumentFormat: String, Sendable, Equatable, CaseIterable {
    case txt, docx, pdf, html
    /// Word 97–2003 binary, also what Kingsoft WPS saves as `.wps`; read through LibreOffice.
    case doc

    /// The format for a file name, or nil when the extension is not a report format.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt", "text": self = .txt
        case "docx": self = .docx
        case "doc", "wps": self = .doc
        case "pdf": self = .pdf
        case "html", "htm", "shtml", "xhtml": self = .html
        default: return nil
        }
    }
}
