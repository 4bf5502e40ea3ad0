/// Bounds on what one file may cost. Exceeding one is a finding, never a silent pass.
public struct ReadLimits: Sendable, Equatable {
    /// Largest file read at all. Real reports are well under 20 MB.
    public var maxFileBytes: Int
    /// Largest total a `.docx` may inflate to (bytes actually inflated, not declared).
    public var maxInflatedBytes: Int
    /// Largest single `.docx` part, such as `word/document.xml`.
    public var maxPartBytes: Int
    /// Largest inflate ratio of a `.docx` entry (zip bombs reach thousands to one).
    public var maxCompressionRatio: Int
    /// Most entries in a `.docx`.
    public var maxEntries: Int
    /// Wall-clock seconds a PDF converter child may run.
    public var pdfSeconds: Double
    /// Largest text a PDF converter may produce.
    public var pdfMaxOutputBytes: Int
    /// Address-space limit of a PDF converter child.
    public var pdfMaxMemoryBytes: Int
    /// Most pages of a PDF that are read.
    public var pdfMaxPages: Int

    public init(
        maxFileBytes: Int = 64 << 20,
        maxInflatedBytes: Int = 200 << 20,
        maxPartBytes: Int = 64 << 20,
        maxCompressionRatio: Int = 200,
        maxEntries: Int = 10_000,
        pdfSeconds: Double = 30,
        pdfMaxOutputBytes: Int = 16 << 20,
        pdfMaxMemoryBytes: Int = 1 << 30,
        pdfMaxPages: Int = 500
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxInflatedBytes = maxInflatedBytes
        self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxEntries = maxEntries
        self.pdfSeconds = pdfSeconds
        self.pdfMaxOutputBytes = pdfMaxOutputBytes
        self.pdfMaxMemoryBytes = pdfMaxMemoryBytes
        self.pdfMaxPages = pdfMaxPages
    }

    public static let standard = ReadLimits()
}
