public import Foundation

/// What a portability export holds: its format, which categories and which stretch of time.
public struct ExportOptions: Sendable {
    /// The output's format.
    public var format: PortabilityFormat
    /// Catalogue category ids to export, in any order; nil exports every category.
    public var categories: [String]?
    /// Only records whose time is at or after this instant (nil: from the beginning).
    public var since: Date?
    /// Only records whose time is strictly before this instant (nil: up to now).
    public var before: Date?
    /// Rows read per keyset-paged batch (each batch in its own read transaction).
    public var batchSize: Int
    /// The zip's deflate level, 0 (stored, fastest) to 9 (smallest); a value outside is taken as the nearest.
    public var compressionLevel: Int

    /// The deflate level unless one is chosen: zlib's and zip(1)'s default.
    public static let defaultCompressionLevel = 6
    /// The deflate levels one may choose.
    public static let compressionLevels = 0...9

    /// The default batch size: large enough to be fast, small enough to keep memory flat.
    public static let defaultBatchSize = 5_000

    /// A simulated full disk after this many bytes per file (tests only).
    var simulatedDiskFullAfterBytes: Int64?

    /// Describes an export; by default everything, in the given format.
    public init(
        format: PortabilityFormat, categories: [String]? = nil, since: Date? = nil, before: Date? = nil,
        batchSize: Int = ExportOptions.defaultBatchSize, compressionLevel: Int = ExportOptions.defaultCompressionLevel
    ) {
        self.format = format
        self.categories = categories
        self.since = since
        self.before = before
        self.batchSize = batchSize
        self.compressionLevel = compressionLevel
    }
}

/// How far an export has come, for a gauge: rows written of rows to write, and the category being written.
public struct ExportProgress: Sendable, Equatable {
    /// Rows written so far.
    public let rowsDone: Int
    /// Rows the export will write in all.
    public let rowsTotal: Int
    /// The catalogue id of the category being written ("" while packing the archive).
    public let category: String
    /// The step under way.
    public let phase: Phase
    /// Bytes compressed so far while packing the archive.
    public let bytesPacked: Int64
    /// Bytes to compress in all while packing the archive.
    public let bytesToPack: Int64

    /// The steps of an export.
    public enum Phase: String, Sendable, Equatable {
        /// Reading records and writing files.
        case writing
        /// Compressing the written files into the zip archive.
        case packing
        /// Done; the output is in place.
        case finished
    }

    /// Records a point of progress.
    public init(
        rowsDone: Int, rowsTotal: Int, category: String, phase: Phase = .writing, bytesPacked: Int64 = 0,
        bytesToPack: Int64 = 0
    ) {
        self.rowsDone = rowsDone
        self.rowsTotal = rowsTotal
        self.category = category
        self.phase = phase
        self.bytesPacked = bytesPacked
        self.bytesToPack = bytesToPack
    }

    /// The share of the current phase done, 0...1 (1 when there is nothing to do).
    public var fraction: Double {
        if phase == .packing {
            return bytesToPack == 0 ? 1 : min(1, Double(bytesPacked) / Double(bytesToPack))
        }
        return rowsTotal == 0 ? 1 : min(1, Double(rowsDone) / Double(rowsTotal))
    }
}
