import Foundation
import Glibc

/// Writes a zip archive's bytes: each entry's local header, its deflate data, then the central directory.
///
/// Sizes and CRC-32 are known only after an entry is compressed, so its local header is written with zeros
/// first and filled in afterwards (the file is ours and seekable). Entries of 4 GiB or more, and archives past
/// the 32-bit limits, get ZIP64 fields.
final class ZipArchiveWriter {
    /// The archive's path, for messages.
    let path: String
    private var descriptor: Int32
    private var offset: Int64 = 0
    private var central: [UInt8] = []
    private var entries = 0
    private let modifiedTime: UInt16
    private let modifiedDate: UInt16
    private let forceZip64: Bool

    /// Entries at least this large (uncompressed) get ZIP64 sizes in their local header: the compressed size
    /// may then exceed 32 bits too.
    static let zip64Entry: Int64 = 0xFFFF_FFFF - (1 << 24)
    private static let max32: Int64 = 0xFFFF_FFFF

    /// Creates the archive file (mode 0600, never replacing anything).
    init(creating path: String, modified: Date, forceZip64: Bool = false) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ExportError.system(errno, path: path, folder: (path as NSString).deletingLastPathComponent)
        }
        _ = fchmod(fd, 0o600)
        self.path = path
        descriptor = fd
        self.forceZip64 = forceZip64
        (modifiedTime, modifiedDate) = Self.dosTime(modified)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Adds one deflated entry: writes its local header, lets `body` write the data through `writeData`, then
    /// fills in the header and records the entry for the central directory.
    func addEntry(
        name: String, uncompressedSize: Int64, body: (_ writeData: ([UInt8]) throws -> Void) throws -> DeflatedEntry
    ) throws {
        let nameBytes = Array(name.utf8)
        let zip64 = forceZip64 || uncompressedSize >= Self.zip64Entry
        let headerOffset = offset
        var header: [UInt8] = []
        Self.put32(0x0403_4B50, &header)
        Self.put16(zip64 ? 45 : 20, &header)  // version needed to extract
        Self.put16(0, &header)  // flags
        Self.put16(8, &header)  // deflate
        Self.put16(modifiedTime, &header)
        Self.put16(modifiedDate, &header)
        header += [UInt8](repeating: 0, count: 12)  // CRC-32 and both sizes, filled in below
        Self.put16(UInt16(nameBytes.count), &header)
        Self.put16(zip64 ? 20 : 0, &header)
        header += nameBytes
        if zip64 {
            Self.put16(0x0001, &header)
            Self.put16(16, &header)
            header += [UInt8](repeating: 0, count: 16)
        }
        try write(header)
        let entry = try body { try self.write($0) }

        var patch: [UInt8] = []
        Self.put32(entry.crc32, &patch)
        if zip64 {
            Self.put32(0xFFFF_FFFF, &patch)
            Self.put32(0xFFFF_FFFF, &patch)
        } else {
            guard entry.compressedSize < Self.max32 else {
                throw ExportError.writeFailed(path, reason: "an entry grew past 4 GiB when compressed")
            }
            Self.put32(UInt32(entry.compressedSize), &patch)
            Self.put32(UInt32(entry.uncompressedSize), &patch)
        }
        try write(patch, at: headerOffset + 14)
        if zip64 {
            var sizes: [UInt8] = []
            Self.put64(UInt64(entry.uncompressedSize), &sizes)
            Self.put64(UInt64(entry.compressedSize), &sizes)
            try write(sizes, at: headerOffset + 30 + Int64(nameBytes.count) + 4)
        }
        appendCentral(name: nameBytes, entry: entry, headerOffset: headerOffset, zip64: zip64)
    }

    /// The entry's central directory record (Unix, mode 0600). A size or offset past 32 bits is 0xFFFFFFFF there
    /// and given in a ZIP64 extra field, which holds only those fields, in the order the format sets.
    private func appendCentral(name: [UInt8], entry: DeflatedEntry, headerOffset: Int64, zip64: Bool) {
        // Forced (tests): every non-zero field goes to the extra field, so readers' ZIP64 paths are exercised.
        func wide(_ value: Int64) -> Bool { forceZip64 ? value > 0 : value >= Self.max32 }
        let fields = [entry.uncompressedSize, entry.compressedSize, headerOffset]
        let extra = fields.filter(wide)
        let version: UInt16 = zip64 || !extra.isEmpty ? 45 : 20
        func field(_ value: Int64) -> UInt32 { wide(value) ? 0xFFFF_FFFF : UInt32(value) }
        Self.put32(0x0201_4B50, &central)
        Self.put16(0x0300 | version, &central)  // made by: Unix
        Self.put16(version, &central)
        Self.put16(0, &central)
        Self.put16(8, &central)
        Self.put16(modifiedTime, &central)
        Self.put16(modifiedDate, &central)
        Self.put32(entry.crc32, &central)
        Self.put32(field(entry.compressedSize), &central)
        Self.put32(field(entry.uncompressedSize), &central)
        Self.put16(UInt16(name.count), &central)
        Self.put16(extra.isEmpty ? 0 : UInt16(4 + 8 * extra.count), &central)
        Self.put16(0, &central)  // comment
        Self.put16(0, &central)  // disk
        Self.put16(0, &central)  // internal attributes
        Self.put32(UInt32(S_IFREG | 0o600) << 16, &central)
        Self.put32(field(headerOffset), &central)
        central += name
        if !extra.isEmpty {
            Self.put16(0x0001, &central)
            Self.put16(UInt16(8 * extra.count), &central)
            for value in extra { Self.put64(UInt64(value), &central) }
        }
        entries += 1
    }

    /// Writes the central directory and its end records, forces the archive to disk and closes it.
    func finish() throws {
        let start = offset
        try write(central)
        let size = Int64(central.count)
        if forceZip64 || start >= Self.max32 || size >= Self.max32 || entries >= 0xFFFF {
            let record = offset
            var end: [UInt8] = []
            Self.put32(0x0606_4B50, &end)
            Self.put64(44, &end)
            Self.put16(0x0300 | 45, &end)
            Self.put16(45, &end)
            Self.put32(0, &end)
            Self.put32(0, &end)
            Self.put64(UInt64(entries), &end)
            Self.put64(UInt64(entries), &end)
            Self.put64(UInt64(size), &end)
            Self.put64(UInt64(start), &end)
            Self.put32(0x0706_4B50, &end)  // the locator
            Self.put32(0, &end)
            Self.put64(UInt64(record), &end)
            Self.put32(1, &end)
            try write(end)
        }
        var end: [UInt8] = []
        Self.put32(0x0605_4B50, &end)
        Self.put16(0, &end)
        Self.put16(0, &end)
        Self.put16(UInt16(min(entries, 0xFFFF)), &end)
        Self.put16(UInt16(min(entries, 0xFFFF)), &end)
        Self.put32(UInt32(min(size, Self.max32)), &end)
        Self.put32(UInt32(min(start, Self.max32)), &end)
        Self.put16(0, &end)
        try write(end)
        let fd = descriptor
        descriptor = -1
        if fsync(fd) != 0, errno != EINVAL {
            let code = errno
            close(fd)
            throw ExportError.write(code, path: path)
        }
        if close(fd) != 0 { throw ExportError.write(errno, path: path) }
    }

    private func write(_ bytes: [UInt8]) throws(ExportError) {
        let fd = descriptor
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var done = 0
            while done < raw.count {
                let written = Glibc.write(fd, base + done, raw.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += written
            }
            return nil
        }
        if let failure { throw ExportError.write(failure, path: path) }
        offset += Int64(bytes.count)
    }

    private func write(_ bytes: [UInt8], at position: Int64) throws(ExportError) {
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(position)) }
        if written != bytes.count { throw ExportError.write(written < 0 ? errno : EIO, path: path) }
    }

    /// MS-DOS time and date of `date` in local time, as zip tools show it.
    private static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return (0, 0x21) }
        let year = max(0, min(127, Int(parts.tm_year) + 1900 - 1980))
        let time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
        let day = UInt16(year) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
        return (time, day)
    }

    private static func put16(_ value: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func put32(_ value: UInt32, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func put64(_ value: UInt64, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
