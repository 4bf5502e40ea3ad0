/// The WordprocessingML elements the reader reacts to; everything else is passed over.
enum WordTag: Sendable, Equatable {
    case paragraph, run, text, tab, lineBreak, skipped
    case table, row, cell, gridSpan, verticalMerge, gridBefore, gridAfter
    /// A paragraph's list numbering (`w:numPr` with `w:ilvl` and `w:numId`) and style
    /// (`w:pStyle`), which may carry numbering of its own.
    case numbering, level, numberingID, paragraphStyle
    /// `word/numbering.xml`: abstract definitions with their levels, and the instances
    /// paragraphs refer to.
    case abstractNumbering, abstractNumberingID, levelDefinition, start, numberFormat, levelText, levelSuffix
    case numberingInstance, levelOverride, startOverride
    /// `word/styles.xml`: a style and the style it is based on.
    case style, basedOn

    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Local name first, namespace second: most elements are dismissed by one short comparison
    /// and never have their namespace looked up.
    init?(_ localName: String, namespace lookup: () -> String?) {
        let tag: WordTag
        switch localName {
        case "p": tag = .paragraph
        case "r": tag = .run
        case "t": tag = .text
        case "tab", "ptab": tag = .tab
        case "br", "cr": tag = .lineBreak
        case "tbl": tag = .table
        case "tr": tag = .row
        case "tc": tag = .cell
        case "gridSpan": tag = .gridSpan
        case "vMerge": tag = .verticalMerge
        case "gridBefore": tag = .gridBefore
        case "gridAfter": tag = .gridAfter
        case "numPr": tag = .numbering
        case "ilvl": tag = .level
        case "numId": tag = .numberingID
        case "pStyle": tag = .paragraphStyle
        case "abstractNum": tag = .abstractNumbering
        case "abstractNumId": tag = .abstractNumberingID
        case "lvl": tag = .levelDefinition
        case "start": tag = .start
        case "numFmt": tag = .numberFormat
        case "lvlText": tag = .levelText
        case "suff": tag = .levelSuffix
        case "num": tag = .numberingInstance
        case "lvlOverride": tag = .levelOverride
        case "startOverride": tag = .startOverride
        case "style": tag = .style
        case "basedOn": tag = .basedOn
        // Deleted or moved-away text, and the previous state of tracked property changes.
        case "del", "moveFrom", "tcPrChange", "trPrChange", "tblPrChange", "pPrChange", "rPrChange": tag = .skipped
        case "Fallback":
            // The fallback repeats the chosen alternative's text for older readers.
            guard lookup() == Self.markupCompatibility else { return nil }
            self = .skipped
            return
        default: return nil
        }
        let namespace = lookup()
        guard namespace == Self.transitional || namespace == Self.strict else { return nil }
        self = tag
    }
}
