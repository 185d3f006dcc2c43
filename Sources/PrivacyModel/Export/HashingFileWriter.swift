import Crypto
import Dispatch
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
///
/// The caller's thread only fills buffers: each full buffer is handed to a serial queue that hashes and
/// writes it on another core while the next one fills (at most `buffersInFlight` at a time, recycled, so
/// memory stays flat). A write error is reported at the next flush or at `finish()`.
final class HashingFileWriter {
    /// The file's path, for messages.
    let path: String
    /// Bytes not yet handed to the writer queue; encoders append here directly.
    var buffer: [UInt8] = []

    private let sink: FileSink
    private let flushThreshold: Int
    private let failAfterBytes: Int64?
    private var finished = false
    /// Bytes handed to the writer queue so far.
    private(set) var bytesWritten: Int64 = 0

    /// Buffers being hashed and written while the next one fills.
    static let buffersInFlight = 2

    /// Creates the file, refusing to replace anything (O_EXCL), with mode 0600 whatever the umask.
    init(creating path: String, flushThreshold: Int = 256 * 1024, failAfterBytes: Int64? = nil) throws(ExportError) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ExportError.system(errno, path: path, folder: folder) }
        _ = fchmod(fd, 0o600)
        self.path = path
        sink = FileSink(descriptor: fd, capacity: flushThreshold + 64 * 1024)
        self.flushThreshold = flushThreshold
        self.failAfterBytes = failAfterBytes
        buffer = sink.spareBuffer()
    }

    /// Opens an existing file for writing (a device such as /dev/full in tests), truncating nothing.
    init(existing path: String, flushThreshold: Int = 256 * 1024) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ExportError.system(errno, path: path, folder: (path as NSString).deletingLastPathComponent)
        }
        self.path = path
        sink = FileSink(descriptor: fd, capacity: flushThreshold + 64 * 1024)
        self.flushThreshold = flushThreshold
        failAfterBytes = nil
        buffer = sink.spareBuffer()
    }

    deinit {
        if !finished { sink.abandon() }
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

    /// Hands the buffer to the writer queue once it is past the threshold (it is hashed and written there while
    /// the next one fills; a write error shows at a later call or at `finish()`).
    @inline(__always)
    func flushIfNeeded() throws(ExportError) {
        if buffer.count >= flushThreshold { try handOver() }
    }

    /// Hashes and writes everything buffered and waits until it is written, reporting any write error.
    func flush() throws(ExportError) {
        try handOver()
        sink.drain()
        if let code = sink.failure { throw ExportError.write(code, path: path) }
    }

    /// Hands everything buffered to the writer queue (hashed and written there, in order).
    private func handOver() throws(ExportError) {
        if let code = sink.failure { throw ExportError.write(code, path: path) }
        guard !buffer.isEmpty else { return }
        if let failAfterBytes, bytesWritten + Int64(buffer.count) > failAfterBytes {
            throw ExportError.write(ENOSPC, path: path)
        }
        bytesWritten += Int64(buffer.count)
        // Moved, not copied: the queue then owns the only reference and can recycle the storage in place.
        let chunk = FileChunk()
        swap(&chunk.bytes, &buffer)
        sink.submit(chunk)
        buffer = sink.spareBuffer()
    }

    /// Writes what is left, waits for the writer queue, forces the file to disk and closes it; returns its
    /// size and hash.
    func finish() throws(ExportError) -> WrittenFile {
        try handOver()
        finished = true
        let outcome = sink.close()
        if let code = outcome.failure { throw ExportError.write(code, path: path) }
        return WrittenFile(bytes: bytesWritten, sha256: Self.hex(outcome.digest))
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

/// A full buffer on its way to the writer queue, boxed so that it moves there without a copy.
///
/// `@unchecked Sendable`: the caller lets go of it once it is queued; only the queue touches it afterwards.
private final class FileChunk: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// The writing half of a `HashingFileWriter`: a serial queue that hashes and writes full buffers in order.
///
/// `@unchecked Sendable`: `hasher` and `descriptor` are touched only on `queue` (or after `queue.sync`),
/// the failure and the spare buffers only under `lock`.
private final class FileSink: @unchecked Sendable {
    private let queue = DispatchQueue(label: "privacy-dashboard.export.file")
    private let slots = DispatchSemaphore(value: HashingFileWriter.buffersInFlight)
    private let lock = NSLock()
    private let capacity: Int
    private var descriptor: Int32
    private var hasher = SHA256()
    private var spares: [[UInt8]] = []
    private var firstFailure: Int32?

    init(descriptor: Int32, capacity: Int) {
        self.descriptor = descriptor
        self.capacity = capacity
    }

    /// The first write error seen on the queue, if any.
    var failure: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    /// An empty buffer with room for a flush's worth of bytes (a recycled one when there is one).
    func spareBuffer() -> [UInt8] {
        lock.lock()
        var spare = spares.popLast()
        lock.unlock()
        if spare == nil {
            spare = []
            spare?.reserveCapacity(capacity)
        }
        return spare ?? []
    }

    /// Queues `chunk` to be hashed and written; waits while `buffersInFlight` buffers are still queued.
    func submit(_ chunk: FileChunk) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            var bytes: [UInt8] = []
            swap(&bytes, &chunk.bytes)
            if failure == nil, let code = hashAndWrite(bytes) {
                lock.lock()
                if firstFailure == nil { firstFailure = code }
                lock.unlock()
            }
            bytes.removeAll(keepingCapacity: true)
            lock.lock()
            spares.append(bytes)
            lock.unlock()
        }
    }

    /// On the queue: hashes and writes one buffer; returns errno on failure.
    private func hashAndWrite(_ bytes: [UInt8]) -> Int32? {
        let fd = descriptor
        return bytes.withUnsafeBytes { raw -> Int32? in
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
    }

    /// Waits for every queued buffer, forces the file to disk and closes it.
    func close() -> (failure: Int32?, digest: [UInt8]) {
        queue.sync {
            let fd = descriptor
            descriptor = -1
            var failure = self.failure
            if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = errno }
            if Glibc.close(fd) != 0, failure == nil { failure = errno }
            return (failure, Array(hasher.finalize()))
        }
    }

    /// Waits until every queued buffer is written.
    func drain() { queue.sync {} }

    /// Waits for every queued buffer and closes the file without forcing it to disk (a failed export).
    func abandon() {
        queue.sync {
            if descriptor >= 0 { _ = Glibc.close(descriptor) }
            descriptor = -1
        }
    }
}
