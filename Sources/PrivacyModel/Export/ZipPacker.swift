import Foundation
import Glibc
import ZIPFoundation

/// Packs finished files into a zip archive (deflate), each file's blocks compressed on every core at once.
///
/// Sizes are known because every file was written in full first; the archive itself is created with
/// mode 0600 before anything goes into it. Memory stays flat: a file is read a block at a time.
enum ZipPacker {
    /// Adds `files` (name in the archive, path on disk) to a new archive at `archivePath`, deflated at `level`
    /// (0–9; outside taken as the nearest) in blocks of `blockSize` bytes; `forceZip64` writes ZIP64 records
    /// even for small archives (tests).
    static func pack(
        _ files: [(name: String, path: String)], into archivePath: String, modified: Date,
        level: Int = ExportOptions.defaultCompressionLevel, blockSize: Int = 1 << 20, forceZip64: Bool = false,
        progress: (_ packed: Int64, _ total: Int64) -> Void, isCancelled: () -> Bool
    ) throws {
        let sizes = try files.map { file -> Int64 in
            var info = stat()
            guard stat(file.path, &info) == 0 else {
                throw ExportError.writeFailed(file.path, reason: "the staged file disappeared")
            }
            return Int64(info.st_size)
        }
        let total = sizes.reduce(0, +)
        var packed: Int64 = 0
        let archive = try ZipArchiveWriter(creating: archivePath, modified: modified, forceZip64: forceZip64)
        let levels = ExportOptions.compressionLevels
        var deflater = ParallelDeflater(level: Int32(min(levels.upperBound, max(levels.lowerBound, level))))
        deflater.blockSize = max(ParallelDeflater.dictionarySize, blockSize)
        for (file, size) in zip(files, sizes) {
            try archive.addEntry(name: file.name, uncompressedSize: size) { writeData in
                let before = packed
                return try deflater.deflate(
                    path: file.path, size: size, emit: writeData,
                    progress: { read in
                        packed = before + read
                        progress(packed, total)
                    }, isCancelled: isCancelled)
            }
        }
        try archive.finish()
        try verify(archivePath, names: files.map(\.name))
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
