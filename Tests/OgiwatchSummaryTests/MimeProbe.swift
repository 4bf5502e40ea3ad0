import Foundation

/// A mail as Python's `email` package (policy `default`, the strict modern parser) reads it,
/// in a child process that prints JSON.
struct MimeProbe: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var encoding: String?
        var content: String
    }

    var headers: [String: String]
    var headerNames: [String]
    var headerIsASCII: Bool
    var longestLine: Int
    var hasCR: Bool
    var contentType: String
    var defects: [String]
    var subject: String
    var encodedWords: [String]
    var rawSubjectLines: [String]
    var parts: [Part]
    /// End tags that close nothing open, and elements never closed, in the HTML part.
    var htmlProblems: [String]

    var text: String { parts.first { $0.type == "text/plain" }?.content ?? "" }
    var html: String { parts.first { $0.type == "text/html" }?.content ?? "" }

    private static let script = #"""
        import email, email.policy, html.parser, json, mailbox, re, sys

        class Balance(html.parser.HTMLParser):
            VOID = {"meta", "br", "img", "hr", "link", "input"}
            def __init__(self):
                super().__init__()
                self.open, self.problems = [], []
            def handle_starttag(self, tag, attrs):
                if tag not in self.VOID:
                    self.open.append(tag)
            def handle_endtag(self, tag):
                if self.open and self.open[-1] == tag:
                    self.open.pop()
                else:
                    self.problems.append("stray </%s>" % tag)

        def load():
            if sys.argv[1] == "file":
                return open(sys.argv[2], "rb").read()
            box = mailbox.mbox(sys.argv[2], create=False)
            for key in box.keys():
                data = box.get_bytes(key)
                message = email.message_from_bytes(data, policy=email.policy.default)
                if message.get("Message-ID") == sys.argv[3]:
                    return data
            sys.exit("message %s not in %s" % (sys.argv[3], sys.argv[2]))

        raw = load()
        head = raw.split(b"\n\n", 1)[0]
        message = email.message_from_bytes(raw, policy=email.policy.default)
        defects = [repr(d) for d in message.defects]
        parts = []
        for part in message.iter_parts():
            defects += [repr(d) for d in part.defects]
            parts.append({"type": part.get_content_type(), "charset": part.get_content_charset(),
                          "encoding": part.get("Content-Transfer-Encoding"), "content": part.get_content()})
        balance = Balance()
        balance.feed("".join(p["content"] for p in parts if p["type"] == "text/html"))
        text = head.decode("ascii", "replace")
        subject_lines = re.search(r"^Subject:.*(?:\n[ \t].*)*", text, re.M).group(0).split("\n")
        print(json.dumps({
            "headers": {k: str(v) for k, v in message.items()},
            "headerNames": list(message.keys()),
            "headerIsASCII": all(b < 128 for b in head),
            "longestLine": max(len(line) for line in raw.split(b"\n")),
            "hasCR": b"\r" in raw,
            "contentType": message.get_content_type(),
            "defects": defects,
            "subject": str(message["Subject"]),
            "encodedWords": re.findall(r"=\?[^?]+\?[BbQq]\?[^?]*\?=", "\n".join(subject_lines)),
            "rawSubjectLines": subject_lines,
            "parts": parts,
            "htmlProblems": balance.problems + ["unclosed <%s>" % t for t in balance.open],
        }))
        """#

    /// Parses a mail file.
    init(file path: String) throws {
        self = try Self.run(["file", path])
    }

    /// Finds the message with `messageID` in an mbox and parses it as delivered.
    init(mbox path: String, messageID: String) throws {
        self = try Self.run(["mbox", path, messageID])
    }

    private static func run(_ arguments: [String]) throws -> MimeProbe {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProbeError(String(decoding: problem, as: UTF8.self))
        }
        return try JSONDecoder().decode(MimeProbe.self, from: data)
    }
}

struct ProbeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
