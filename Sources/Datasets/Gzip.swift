import CZlib
import Foundation

/// gzip (and zlib) decompression through the system zlib.
enum Gzip {
    /// Whether `bytes` start with the gzip magic bytes 1F 8B.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Inflates a complete gzip or zlib stream; `path` only names the file in errors.
    static func inflate(_ input: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: largest window, and let zlib detect a gzip or zlib header.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptGzip(path: path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        // The gzip trailer stores the size modulo 2^32: a good first guess for the output buffer.
        var capacity = max(input.count * 4, 1 << 16)
        if isGzip(input), input.count >= 18 {
            let n = input.count
            let hint = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            if hint > 0 { capacity = hint + 1 }
        }
        var output = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        var status: Int32 = Z_OK
        var input = input
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress! + produced
                    let room = min(target.count - produced, Int(UInt32.max))
                    stream.avail_out = uInt(room)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced += room - Int(stream.avail_out)
                }
                if status == Z_STREAM_END || (status != Z_OK && status != Z_BUF_ERROR) { break }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
        }
        guard status == Z_STREAM_END else {
            let reason = status == Z_BUF_ERROR || status == Z_OK ? "the compressed data ends early" : "zlib error \(status)"
            throw .corruptGzip(path: path, reason: reason)
        }
        output.removeSubrange(produced...)
        return output
    }
}
