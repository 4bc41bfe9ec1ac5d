import MadangCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a file's bytes, chunk by chunk, into checked UTF-8 for ``CSVReader``.
///
/// UTF-8 is checked and passed through; UTF-16 and CP949 are converted with the C
/// library's iconv, which reports where a bad byte is (Foundation's CP949 decoding
/// drops such bytes without a word). A bad byte throws ``CSVError/invalidByte(line:byteOffset:encoding:)``.
final class InputDecoder {
    let encoding: TextEncoding
    private var converter: iconv_t?
    /// Bytes of an unfinished character carried to the next chunk.
    private var carry: [UInt8] = []
    /// Input bytes consumed before the current chunk, counted from the start of the file.
    private var consumed: Int
    /// Line breaks (LF) produced so far, for error messages.
    private var lineFeeds = 0

    /// - Parameter startOffset: where decoding starts in the file (after a byte-order mark).
    init(encoding: TextEncoding, startOffset: Int) throws {
        self.encoding = encoding
        consumed = startOffset
        if encoding != .utf8 {
            let handle = iconv_open("UTF-8", encoding.iconvName)
            guard let handle, handle != iconv_t(bitPattern: -1) else {
                throw CSVError.unreadable(path: "text in \(encoding.rawValue)", reason: "this system's iconv cannot convert it")
            }
            converter = handle
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// Decodes `chunk` and appends the UTF-8 text to `output`. Pass `isFinal` with the last chunk.
    func decode(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, into output: inout [UInt8]) throws {
        let start = output.count
        if converter == nil {
            try passUTF8(chunk, isFinal: isFinal, into: &output)
        } else {
            try convert(chunk, isFinal: isFinal, into: &output, from: start)
        }
        lineFeeds += countLineFeeds(output[start...])
    }

    private func passUTF8(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, into output: inout [UInt8]) throws {
        var input = carry
        input.append(contentsOf: chunk)
        let keep = isFinal ? 0 : input.withUnsafeBufferPointer(UTF8Walk.incompleteTailLength)
        let body = input[..<(input.count - keep)]
        if String(validating: body, as: UTF8.self) == nil {
            let bad = UTF8Walk.firstInvalidByte(in: body) ?? 0
            throw CSVError.invalidByte(
                line: lineFeeds + countLineFeeds(body[..<bad]) + 1,
                byteOffset: consumed - carry.count + bad, encoding: encoding.rawValue)
        }
        output.append(contentsOf: body)
        consumed += chunk.count
        carry = Array(input[(input.count - keep)...])
    }

    private func convert(
        _ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, into output: inout [UInt8], from start: Int
    ) throws {
        var input = carry
        input.append(contentsOf: chunk)
        let inputStart = consumed - carry.count
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: max(4096, input.count * 2))
        while offset < input.count {
            var inLeft = input.count - offset
            var outLeft = buffer.count
            let result = input.withUnsafeMutableBufferPointer { inBuffer in
                buffer.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + offset)
                        .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
            }
            let failure = result == -1 ? errno : 0
            let produced = buffer.count - outLeft
            output.append(contentsOf: buffer[..<produced])
            offset = input.count - inLeft
            switch failure {
            case 0: break
            case E2BIG: continue
            case EINVAL where !isFinal:
                // An unfinished character at the end of the chunk: keep it for the next one.
                carry = Array(input[offset...])
                consumed += chunk.count
                return
            default:
                throw CSVError.invalidByte(
                    line: lineFeeds + countLineFeeds(output[start...]) + 1,
                    byteOffset: inputStart + offset, encoding: encoding.rawValue)
            }
        }
        carry = []
        consumed += chunk.count
    }

    private func countLineFeeds(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
