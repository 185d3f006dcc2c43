import Crypto
import Foundation
import Glibc

/// What a finished file holds: its size and SHA-256, taken while it was written.
struct WrittenFile: Sendable, Equatable {
    /// Bytes written.
    let bytes: Int64
    /// Lowercase hex SHA-256 of the bytes.
    let sha256: String
}

/// Writes a new file (mode 0600) through a buffer, hashing every byte as it goes, so nothing is read back.
final class HashingFileWriter {
    /// The file's path, for messages.
    let path: String
    /// Bytes not yet handed to the kernel; encoders append here directly.
    var buffer: [UInt8] = []

    private var descriptor: Int32
    private var hasher = SHA256()
    private(set) var bytesWritten: Int64 = 0
    private let flushThreshold: Int
    private let failAfterBytes: Int64?

    /// Creates the file, refusing to replace anything (O_EXCL), with mode 0600 whatever the umask.
    init(creating path: String, flushThreshold: Int = 256 * 1024, failAfterBytes: Int64? = nil) throws(ExportError) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ExportError.system(errno, path: path, folder: folder) }
        _ = fchmod(fd, 0o600)
        self.path = path
        descriptor = fd
        self.flushThreshold = flushThreshold
        self.failAfterBytes = failAfterBytes
        buffer.reserveCapacity(flushThreshold + 64 * 1024)
    }

    /// Opens an existing file for writing (a device such as /dev/full in tests), truncating nothing.
    init(existing path: String, flushThreshold: Int = 256 * 1024) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ExportError.system(errno, path: path, folder: (path as NSString).deletingLastPathComponent)
        }
        self.path = path
        descriptor = fd
        self.flushThreshold = flushThreshold
        failAfterBytes = nil
        buffer.reserveCapacity(flushThreshold + 64 * 1024)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends a string's UTF-8 bytes.
    @inline(__always)
    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Appends bytes.
    @inline(__always)
    func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Hands the buffer to the kernel once it is past the threshold.
    @inline(__always)
    func flushIfNeeded() throws(ExportError) {
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Hashes and writes everything buffered.
    func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        if let failAfterBytes, bytesWritten + Int64(buffer.count) > failAfterBytes {
            throw ExportError.write(ENOSPC, path: path)
        }
        let fd = descriptor
        let failure: Int32? = buffer.withUnsafeBytes { raw -> Int32? in
            hasher.update(bufferPointer: raw)
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = write(fd, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw ExportError.write(failure, path: path) }
        bytesWritten += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, forces it to disk and closes the file; returns its size and hash.
    func finish() throws(ExportError) -> WrittenFile {
        try flush()
        let fd = descriptor
        descriptor = -1
        if fsync(fd) != 0, errno != EINVAL {
            let code = errno
            close(fd)
            throw ExportError.write(code, path: path)
        }
        if close(fd) != 0 { throw ExportError.write(errno, path: path) }
        return WrittenFile(bytes: bytesWritten, sha256: Self.hex(hasher.finalize()))
    }

    /// Lowercase hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
