import CDeflate
import Dispatch
import Foundation
import Glibc

/// What deflating one file gave: its CRC-32 and both sizes, for the archive's headers.
struct DeflatedEntry: Sendable, Equatable {
    /// CRC-32 of the uncompressed bytes.
    let crc32: UInt32
    /// Bytes of deflate data written.
    let compressedSize: Int64
    /// Bytes read from the file.
    let uncompressedSize: Int64
}

/// Deflates a file into one raw deflate stream, its blocks compressed on every core at once.
///
/// The file is cut into `blockSize` blocks; each is deflated on a worker thread with the 32 KiB before it as
/// its dictionary (so the ratio is close to one pass), ending on a byte boundary (a sync flush) except the
/// last, which ends the stream. The blocks' streams joined in order are one valid deflate stream (as pigz
/// writes). At most `window` blocks are in memory at once, so memory stays flat whatever the file's size.
struct ParallelDeflater {
    /// The zlib level, 0 (stored) to 9 (smallest).
    let level: Int32
    /// Bytes per block.
    var blockSize = 1 << 20
    /// Blocks read ahead and being compressed at most.
    var window = max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)

    /// How much a block may refer back to (deflate's window).
    static let dictionarySize = 32 * 1024

    /// Deflates the `size` bytes of the file at `path`, handing each compressed block in order to `emit`.
    func deflate(
        path: String, size: Int64, emit: ([UInt8]) throws -> Void, progress: (Int64) -> Void,
        isCancelled: () -> Bool
    ) throws -> DeflatedEntry {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ExportError.writeFailed(path, reason: "the staged file cannot be read") }
        defer { close(fd) }
        let blocks = max(1, (size + Int64(blockSize) - 1) / Int64(blockSize))
        let workers = DispatchQueue.global(qos: .userInitiated)
        var pending: [DeflateBlock] = []
        var dictionary: [UInt8] = []
        var read: Int64 = 0
        var crc: uLong = 0
        var compressed: Int64 = 0
        func collect(_ block: DeflateBlock) throws {
            block.done.wait()
            guard block.succeeded else {
                throw ExportError.writeFailed(path, reason: "the data could not be compressed")
            }
            try emit(block.output)
            crc = crc32_combine(crc, block.crc, .init(block.input.count))
            compressed += Int64(block.output.count)
        }
        for index in 0..<blocks {
            if isCancelled() { throw ExportError.cancelled }
            let length = Int(min(Int64(blockSize), size - read))
            let input = try Self.readExactly(fd, length, path: path)
            read += Int64(length)
            let block = DeflateBlock(input: input, dictionary: dictionary, isLast: index == blocks - 1, level: level)
            dictionary = input.count >= Self.dictionarySize ? Array(input.suffix(Self.dictionarySize)) : []
            workers.async { block.run() }
            pending.append(block)
            if pending.count >= window { try collect(pending.removeFirst()) }
            progress(read)
        }
        while !pending.isEmpty { try collect(pending.removeFirst()) }
        return DeflatedEntry(crc32: UInt32(truncatingIfNeeded: crc), compressedSize: compressed, uncompressedSize: read)
    }

    /// Reads exactly `count` bytes, failing if the file is shorter.
    private static func readExactly(_ fd: Int32, _ count: Int, path: String) throws -> [UInt8] {
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < count {
                let got = Glibc.read(fd, base + initialized, count - initialized)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failure = got < 0 ? errno : EIO
                    return
                }
                initialized += got
            }
        }
        if let failure { throw ExportError.write(failure, path: path) }
        return bytes
    }
}

/// One block being deflated on a worker thread.
///
/// `@unchecked Sendable`: the worker writes `output`, `crc` and `succeeded` before it signals `done`, and the
/// caller reads them only after waiting on `done`.
private final class DeflateBlock: @unchecked Sendable {
    let input: [UInt8]
    let dictionary: [UInt8]
    let isLast: Bool
    let level: Int32
    let done = DispatchSemaphore(value: 0)
    var output: [UInt8] = []
    var crc: uLong = 0
    var succeeded = false

    init(input: [UInt8], dictionary: [UInt8], isLast: Bool, level: Int32) {
        self.input = input
        self.dictionary = dictionary
        self.isLast = isLast
        self.level = level
    }

    /// Deflates the block and takes its CRC-32.
    func run() {
        defer { done.signal() }
        var stream = z_stream()
        guard cdeflate_init_raw(&stream, level) == Z_OK else { return }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            let set = dictionary.withUnsafeBufferPointer { dictionary in
                deflateSetDictionary(&stream, dictionary.baseAddress, uInt(dictionary.count))
            }
            guard set == Z_OK else { return }
        }
        // A sync flush adds at most a few bytes beyond deflateBound's figure for a finished stream.
        let capacity = Int(deflateBound(&stream, uLong(input.count))) + 64
        var ok = false
        output = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            written = 0
            input.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(capacity)
                let result = deflate(&stream, isLast ? Z_FINISH : Z_SYNC_FLUSH)
                ok = (isLast ? result == Z_STREAM_END : result == Z_OK) && stream.avail_in == 0 && stream.avail_out > 0
                written = capacity - Int(stream.avail_out)
            }
        }
        crc = input.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        succeeded = ok
    }
}
