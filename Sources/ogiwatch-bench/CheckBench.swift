import Dispatch
import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchReaders

/// Check throughput per format on one core and on all cores, and the peak memory: the
/// figures behind "a user should never wait for a check".
struct CheckBench {
    let seconds: Double
    /// Only these formats (txt, docx, html, pdf); all when empty.
    var formats: Set<String> = []

    func run() throws {
        let ruleSet = try RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil)
        let checker = Checker(ruleSet: ruleSet)
        let texts = try demoReports()
        let txt = texts.map { (Array($0.utf8), DocumentFormat.txt) }
        let docx = try texts.map { text -> ([UInt8], DocumentFormat) in
            let document = PlainTextReader.parse(text)
            return (try DocxWriter.docx(document), .docx)
        }
        print("ogiwatch-bench check: \(texts.count) demo reports, \(String(format: "%.0f", seconds)) s per figure, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let html = try texts.map { (try HtmlWriter.bytes(PlainTextReader.parse($0), encoding: .utf8), DocumentFormat.html) }
        let pdf = ["huaian-city-2024.pdf", "hongze-district-2023.pdf", "hongze-district-2024.pdf"]
            .compactMap { FileManager.default.contents(atPath: ReferenceReports.realReport($0).path) }
            .map { ([UInt8]($0), DocumentFormat.pdf) }
        for (name, inputs) in [("txt", txt), ("docx", docx), ("html", html), ("pdf", pdf)] where !inputs.isEmpty && (formats.isEmpty || formats.contains(name)) {
            let bytes = inputs.reduce(0) { $0 + $1.0.count } / inputs.count
            let one = measure(inputs, checker: checker, threads: 1)
            let all = measure(inputs, checker: checker, threads: ProcessInfo.processInfo.activeProcessorCount)
            print(String(format: "%-5@ %7.0f reports/s on one core (%.2f ms each, avg %d KB)   %7.0f reports/s on all cores",
                         name as NSString, one, 1000 / one, bytes / 1024, all))
        }
        phases(txt, ruleSet: ruleSet)
        print("peak memory (max RSS): \(peakRSSKilobytes() / 1024) MB")
    }

    func demoReports() throws -> [String] {
        let dir = RepositoryFiles.root.appendingPathComponent("Tests/Reports/seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Reports per second over `seconds`, each thread checking the inputs round-robin.
    func measure(_ inputs: [([UInt8], DocumentFormat)], checker: Checker, threads: Int) -> Double {
        let counter = Counter()
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let start = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var n = 0
            while DispatchTime.now().uptimeNanoseconds < deadline {
                let (bytes, format) = inputs[n % inputs.count]
                _ = checker.check(bytes: bytes, format: format, name: "bench")
                n += 1
            }
            counter.add(n)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Double(counter.value) / elapsed
    }

    /// Where the time of a .txt check goes: reading, building the report, evaluating rules.
    func phases(_ inputs: [([UInt8], DocumentFormat)], ruleSet: RuleSet) {
        let documents = inputs.compactMap { try? DocumentReader.read(bytes: $0.0, format: .txt).get() }
        let builder = ReportBuilder(sections: ruleSet.sections, templates: ruleSet.templates)
        let read = rate { n in _ = DocumentReader.read(bytes: inputs[n % inputs.count].0, format: .txt) }
        let build = rate { n in _ = builder.build(documents[n % documents.count]) }
        let reports = documents.map(builder.build)
        let evaluate = rate { n in _ = ruleSet.findings(for: reports[n % reports.count]) }
        let ms = { (r: Double) in 1000 / r }
        print(String(format: "txt phases on one core: read %.2f ms, build report %.2f ms, evaluate rules %.2f ms",
                     ms(read), ms(build), ms(evaluate)))
        let cost = { (set: RuleSet) in ms(rate(seconds: seconds / 16) { n in _ = set.findings(for: reports[n % reports.count]) }) }
        // Preparing the prose for the text rules is paid once per report, whatever the rules.
        guard let shipped = try? RuleLoader.read(RepositoryFiles.rulesDirectory, isLocal: false),
              let none = try? only(nil, of: ruleSet, shipped: shipped) else { return }
        let setup = cost(none)
        let costs = ruleSet.rules.map { rule -> (String, Double) in
            guard let alone = try? only(rule.id, of: ruleSet, shipped: shipped) else { return (rule.id, 0) }
            return (rule.id, cost(alone) - setup)
        }
        let slowest = costs.sorted { $0.1 > $1.1 }.prefix(6).map { String(format: "%@ %.2f", $0.0 as NSString, $0.1) }
        print(String(format: "rules: %.2f ms to prepare a report's prose, then slowest (ms): ", setup) + slowest.joined(separator: ", "))
    }

    /// The shipped rule set with every rule but `id` (or every rule) switched off, as a local
    /// file would.
    func only(_ id: String?, of ruleSet: RuleSet, shipped: [RuleSource]) throws -> RuleSet {
        let off = ruleSet.rules.filter { $0.id != id }.map { "  \($0.id): {enabled: false}" }.joined(separator: "\n")
        return try RuleSet(sources: shipped + [RuleSource(name: "bench.yaml", text: "overrides:\n" + off, isLocal: true)])
    }

    /// Calls per second of `body` over a quarter of the figure time, or over `seconds`.
    func rate(seconds: Double? = nil, _ body: (Int) -> Void) -> Double {
        let span = seconds ?? self.seconds / 4
        let start = DispatchTime.now().uptimeNanoseconds
        var n = 0
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < span {
            body(n)
            n += 1
        }
        return Double(n) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    func peakRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// A total shared by the benchmark threads.
final class Counter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLock()

    func add(_ n: Int) {
        lock.lock()
        total += n
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
