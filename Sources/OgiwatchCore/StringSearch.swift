import Glibc

extension String {
    /// Byte-wise substring test on the UTF-8 storage. Equivalent to `contains` for the
    /// normalised text this module compares, and much cheaper: label matching runs it for
    /// every table row against every template row.
    func includes(_ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in Self.search(h, n) }
        }
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard h.count >= n.count, let hBase = h.baseAddress, let nBase = n.baseAddress else { return false }
        let first = Int32(n[0])
        var offset = 0
        let last = h.count - n.count
        while offset <= last {
            guard let hit = memchr(hBase + offset, first, last - offset + 1) else { return false }
            let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - hBase
            if memcmp(hBase + position, nBase, n.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
