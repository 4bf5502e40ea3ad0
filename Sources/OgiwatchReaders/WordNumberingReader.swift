import OgiwatchCore

/// Reads the list definitions of `word/numbering.xml` and the numbering that paragraph styles
/// of `word/styles.xml` carry, through the same scanner as the body.
final class WordNumberingReader: WordXMLHandler {
    /// More definitions than any document has; beyond this a part is built to exhaust memory.
    static let maxDefinitions = 100_000

    private(set) var numbering = WordNumbering()
    private(set) var problem: DocumentProblem?
    let wantsText = false

    private var abstract: String?
    private var level: Int?
    private var instance: String?
    private var overrideLevel: Int?
    private var style: String?
    private var definitions = 0

    /// Reads the parts that are present; an absent part simply adds nothing.
    static func read(numbering: [UInt8]?, styles: [UInt8]?) throws(DocumentProblem) -> WordNumbering {
        let reader = WordNumberingReader()
        if let numbering { try WordXMLScanner.scan(numbering, part: DocxReader.numberingPart, into: reader) }
        if let styles { try WordXMLScanner.scan(styles, part: DocxReader.stylesPart, into: reader) }
        if let problem = reader.problem { throw problem }
        return reader.numbering
    }

    func start(_ tag: WordTag?, value: String?, key: String?) {
        guard let tag else { return }
        switch tag {
        case .abstractNumbering:
            abstract = key
            count()
        case .levelDefinition:
            level = key.flatMap(Int.init).flatMap { WordNumbering.levels.contains($0) ? $0 : nil }
            if let abstract, let level, instance == nil { numbering.abstracts[abstract, default: [:]][level] = WordNumbering.Level() }
        case .start: updateLevel { $0.start = Int(value ?? "") ?? 1 }
        case .numberFormat: updateLevel { $0.format = value ?? "decimal" }
        case .levelText: updateLevel { $0.text = value.map { String($0.prefix(WordNumbering.maxLevelText)) } }
        case .levelSuffix: updateLevel { $0.suffix = value }
        case .numberingInstance:
            instance = key
            if let key { numbering.instances[key] = WordNumbering.Instance() }
            count()
        case .abstractNumberingID:
            if let instance { numbering.instances[instance]?.abstract = value }
        case .levelOverride:
            overrideLevel = key.flatMap(Int.init)
        case .startOverride:
            if let instance, let overrideLevel, let start = value.flatMap(Int.init) {
                numbering.instances[instance]?.startOverrides[overrideLevel] = start
            }
        case .style:
            style = key
            if let key { numbering.styles[key] = WordNumbering.StyleNumbering() }
            count()
        case .basedOn:
            if let style { numbering.styles[style]?.basedOn = value }
        case .level:
            if let style { numbering.styles[style]?.level = value.flatMap(Int.init) }
        case .numberingID:
            if let style { numbering.styles[style]?.numberingID = value }
        default:
            break
        }
    }

    func end(_ tag: WordTag?) {
        switch tag {
        case .abstractNumbering: abstract = nil
        case .levelDefinition: level = nil
        case .numberingInstance: instance = nil
        case .levelOverride: overrideLevel = nil
        case .style: style = nil
        default: break
        }
    }

    func characters(_ string: String) {}

    /// Only the abstract definitions' own levels: a `w:lvl` inside an instance's override
    /// redefines formatting this reader does not need.
    private func updateLevel(_ change: (inout WordNumbering.Level) -> Void) {
        guard let abstract, let level, instance == nil, var definition = numbering.abstracts[abstract]?[level] else { return }
        change(&definition)
        numbering.abstracts[abstract]?[level] = definition
    }

    private func count() {
        definitions += 1
        if definitions > Self.maxDefinitions, problem == nil {
            problem = DocumentProblem(.unreadable, "Word 文档的编号或样式定义超过 \(Self.maxDefinitions) 个：疑似恶意文件，已拒绝")
        }
    }
}
