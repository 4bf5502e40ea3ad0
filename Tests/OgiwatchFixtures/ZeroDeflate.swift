/// A raw deflate stream of `count` zero bytes, written by hand so a 300 MB zip bomb costs a few
/// hundred kilobytes and milliseconds to build instead of seconds of zlib.
///
/// One dynamic-Huffman block whose codes are: length 258 = `0`, distance 1 = `0`, literal 0 = `10`,
/// end of block = `11`. Each 258 zero bytes after the first therefore cost two zero bits, about
/// 1032:1, the best deflate can do.
enum ZeroDeflate {
    static func stream(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // final block
        bits.write(2, count: 2)  // dynamic Huffman
        bits.write(29, count: 5)  // 286 literal/length codes
        bits.write(0, count: 5)  // 1 distance code
        bits.write(14, count: 4)  // 18 code-length codes
        // Code-length code lengths in the fixed order 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1:
        // symbol 18 (run of zeros) = 1 bit `0`, symbols 1 and 2 = 2 bits `10` and `11`.
        for length in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] { bits.write(length, count: 3) }
        bits.code("11")  // literal 0: length 2
        bits.code("0"); bits.write(127, count: 7)  // literals 1…138: unused
        bits.code("0"); bits.write(106, count: 7)  // literals 139…255: unused
        bits.code("11")  // 256 end of block: length 2
        bits.code("0"); bits.write(17, count: 7)  // lengths 257…284: unused
        bits.code("10")  // 285 (length 258): length 1
        bits.code("10")  // distance 1: length 1
        guard count > 0 else {
            bits.code("11")
            return bits.finish()
        }
        bits.code("10")  // the first zero, a literal
        let rest = count - 1
        bits.writeZeros(2 * (rest / 258))  // (258, 1) matches
        for _ in 0..<(rest % 258) { bits.code("10") }
        bits.code("11")
        return bits.finish()
    }
}

/// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
private struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var accumulator = 0
    private var filled = 0

    mutating func write(_ value: Int, count: Int) {
        for bit in 0..<count { push((value >> bit) & 1) }
    }

    mutating func code(_ code: String) {
        for character in code { push(character == "1" ? 1 : 0) }
    }

    mutating func writeZeros(_ count: Int) {
        var remaining = count
        while remaining > 0, filled != 0 {
            push(0)
            remaining -= 1
        }
        bytes.append(contentsOf: repeatElement(0, count: remaining / 8))
        for _ in 0..<(remaining % 8) { push(0) }
    }

    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(accumulator)) }
        accumulator = 0
        filled = 0
        return bytes
    }

    private mutating func push(_ bit: Int) {
        accumulator |= bit << filled
        filled += 1
        if filled == 8 {
            bytes.append(UInt8(accumulator))
            accumulator = 0
            filled = 0
        }
    }
}
