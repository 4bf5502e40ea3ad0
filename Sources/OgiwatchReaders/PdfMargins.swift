/// Where each page's text starts on the left and ends on the right. Office documents set both
/// margins alike, so the right one is taken as the mirror of the left: the leftmost line start
/// of the page.
struct PdfMargins: Sendable {
    var left: [Int: Double]
    var right: [Int: Double]

    init(lines: [PdfLine], pageWidths: [Double]) {
        var left: [Int: Double] = [:]
        for line in lines { left[line.page] = min(left[line.page] ?? line.box.xMin, line.box.xMin) }
        self.left = left
        self.right = left.reduce(into: [:]) { result, entry in
            let width = entry.key < pageWidths.count ? pageWidths[entry.key] : 2 * entry.value
            result[entry.key] = width - entry.value
        }
    }

    /// The width of the page's text column.
    func width(of page: Int) -> Double? {
        guard let left = left[page], let right = right[page], right > left else { return nil }
        return right - left
    }
}
