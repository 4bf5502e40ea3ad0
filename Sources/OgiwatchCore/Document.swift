/// What a reader makes of a file: the text in reading order, with tables kept as tables.
///
/// Readers differ in how much they know about a table. A `.docx` or HTML table, the
/// cell-per-line text that Word exports and a PDF table rebuilt from word positions are
/// *grids*: every cell keeps its position, so a blank cell is a real blank. Text that another
/// tool extracted from a PDF gives rows whose cells cannot be placed reliably (`.loose`):
/// only the trailing values of a row can be trusted.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]
    /// Leftovers the reader removed from the text but that the report must be told about,
    /// such as Word's `[bookmark: _GoBack]`.
    public var artifacts: [Artifact]
    /// The title the format marks as the article's (a web page's `<h1>`); it outranks the
    /// first lines of the text.
    public var statedTitle: String?
    /// A title the file carries besides its text (a web page's `<title>`), for when the text
    /// has no title lines of its own.
    public var fallbackTitle: String?

    public init(blocks: [Block] = [], artifacts: [Artifact] = [], statedTitle: String? = nil, fallbackTitle: String? = nil) {
        self.blocks = blocks
        self.artifacts = artifacts
        self.statedTitle = statedTitle
        self.fallbackTitle = fallbackTitle
    }

    public enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table(Table)
    }

    /// All paragraphs in order, tables skipped.
    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }

    /// All tables in order.
    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }
}

/// One line of running text. `line` is the 1-based line (or paragraph) number in the source,
/// so a finding can point a clerk at it.
public struct Paragraph: Sendable, Equatable {
    public var text: String
    public var line: Int

    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

public struct Table: Sendable, Equatable {
    public enum Layout: Sendable, Equatable {
        /// Cell positions are exact; blank cells are present as blank cells.
        case grid
        /// Cells were split on tabs in extracted text; blanks cannot be located.
        case loose
        /// One cell holding a whole table whose labels and digits run together
        /// (「规章000行政规范性文件693665」): only the table's own arithmetic can split it.
        case runTogether
    }

    public var rows: [Row]
    public var layout: Layout
    public var line: Int

    public init(rows: [Row], layout: Layout, line: Int) {
        self.rows = rows
        self.layout = layout
        self.line = line
    }
}

public struct Row: Sendable, Equatable {
    public var cells: [Cell]
    public var line: Int

    public init(cells: [Cell], line: Int) {
        self.cells = cells
        self.line = line
    }

    public init(_ texts: [String], line: Int) {
        self.init(cells: texts.map { Cell($0) }, line: line)
    }
}

public struct Cell: Sendable, Equatable {
    public var text: String
    /// True for the grid positions covered by a horizontal span (`gridSpan`, `colspan`) or
    /// continued by a vertical merge (`vMerge`, `rowspan`); their text is empty by construction
    /// and must not be reported as a blank the author left.
    public var isMergedContinuation: Bool

    public init(_ text: String, isMergedContinuation: Bool = false) {
        self.text = text
        self.isMergedContinuation = isMergedContinuation
    }
}

/// Something the reader stripped from the text because it is an authoring leftover.
public struct Artifact: Sendable, Equatable {
    var text: String
    var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
