/// One place where a check failed, before the rule turns it into a finding.
struct Hit {
    /// Values for the rule's `{placeholders}`.
    var vars: [String: String]
    var location: Location
    var expected: String?
    var actual: String?
    /// Set when the check itself knows the hit is more or less serious than the rule.
    var severity: Severity?

    init(_ vars: [String: String] = [:], location: Location = Location(), expected: String? = nil,
         actual: String? = nil, severity: Severity? = nil) {
        self.vars = vars
        self.location = location
        self.expected = expected
        self.actual = actual
        self.severity = severity
    }
}
