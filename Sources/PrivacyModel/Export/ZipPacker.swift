import Foundation
import Glibc
import ZIPFoundation

/// Packs finished files into a zip archive (deflate), reading each in chunks so memory stays flat.
///
/// Sizes are known because every file was written in full first; the archive itself is created with
/// mode 0600 before anything goes into it.
enum ZipPacker {
    /// The 22 bytes of an empty archive's end-of-central-directory record.
    private static let emptyArchive: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)

    /// Adds `files` (name in the archive, path on disk) to a new archive at `archivePath`.
    static func pack(
        _ files: [(name: String, path: String)], into archivePath: String, modified: Date,
        progress: (_ packed: Int64, _ total: Int64) -> Void, isCancelled: () -> Bool
    ) throws {
        let empty = try HashingFileWriter(creating: archivePath)
        empty.append(emptyArchive)
        _ = try empty.finish()
        let sizes = try files.map { file -> Int64 in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            guard let size = (attributes?[.size] as? NSNumber)?.int64Value else {
                throw ExportError.writeFailed(file.path, reason: "the staged file disappeared")
            }
            return size
        }
        let total = sizes.reduce(0, +)
        var packed: Int64 = 0
        do {
            let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .update)
            for (file, size) in zip(files, sizes) {
                guard let handle = FileHandle(forReadingAtPath: file.path) else {
                    throw ExportError.writeFailed(file.path, reason: "the staged file cannot be read")
                }
                defer { try? handle.close() }
                try archive.addEntry(
                    with: file.name, type: .file, uncompressedSize: size, modificationDate: modified,
                    permissions: 0o600, compressionMethod: .deflate
                ) { _, chunk in
                    if isCancelled() { throw ExportError.cancelled }
                    let data = try handle.read(upToCount: chunk) ?? Data()
                    packed += Int64(data.count)
                    progress(packed, total)
                    return data
                }
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.writeFailed(archivePath, reason: reason(error))
        }
        try verify(archivePath, names: files.map(\.name))
        let fd = open(archivePath, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            if fsync(fd) != 0 { throw ExportError.write(errno, path: archivePath) }
        }
    }

    /// Reopens the archive and checks it lists exactly the files added (a write error that slipped past shows here).
    private static func verify(_ archivePath: String, names: [String]) throws(ExportError) {
        do {
            let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
            let listed = archive.map(\.path)
            guard listed == names else {
                throw ExportError.writeFailed(archivePath, reason: "the archive did not come out complete")
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.writeFailed(archivePath, reason: reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return ExportError.reason(posix.code.rawValue) }
        return String(describing: error)
    }
}
