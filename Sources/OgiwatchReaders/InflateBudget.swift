import OgiwatchCore

/// Running totals checked after every chunk zlib produces, so a zip bomb is stopped a few
/// megabytes in, whatever sizes its directory declares.
struct InflateBudget: Sendable {
    let limits: ReadLimits
    /// The size the directory claims; producing more than that is a lie worth refusing at once.
    let declaredSize: Int
    private(set) var inflated = 0

    /// Below this, the ratio is not judged: small parts compress unevenly and cannot hurt.
    static let ratioFloor = 1 << 20

    init(limits: ReadLimits, declaredSize: Int) {
        self.limits = limits
        self.declaredSize = declaredSize
    }

    /// What may safely be reserved up front.
    var reservableBytes: Int { min(limits.maxPartBytes, limits.maxInflatedBytes) }

    /// Refuse before inflating anything when even the declared size is over a limit.
    func checkDeclared() throws(DocumentProblem) {
        try checkSize(declaredSize)
    }

    mutating func account(inflated chunk: Int, compressedRead: Int) throws(DocumentProblem) {
        inflated += chunk
        try checkSize(inflated)
        let (allowed, overflow) = limits.maxCompressionRatio.multipliedReportingOverflow(by: max(compressedRead, 1))
        if inflated > Self.ratioFloor, !overflow, inflated > allowed {
            throw Self.refusal("压缩比 \(limits.maxCompressionRatio):1")
        }
        if inflated > declaredSize {
            throw Self.refusal("目录声明的 \(Self.size(declaredSize))")
        }
    }

    private func checkSize(_ inflated: Int) throws(DocumentProblem) {
        if inflated > limits.maxPartBytes {
            throw Self.refusal("单个部件 \(Self.size(limits.maxPartBytes))")
        }
        if inflated > limits.maxInflatedBytes {
            throw Self.refusal("总计 \(Self.size(limits.maxInflatedBytes))")
        }
    }

    private static func refusal(_ limit: String) -> DocumentProblem {
        DocumentProblem(.unreadable, "解压后大小超过上限（\(limit)）：疑似压缩炸弹，已拒绝")
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) 字节"
    }
}
