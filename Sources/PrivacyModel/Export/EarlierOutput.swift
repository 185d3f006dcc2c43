import Crypto
import Foundation
import Glibc
import ZIPFoundation

/// A fulfilment's own output from an earlier run that was stopped (a kill -9) after the output was in place but
/// before the request was completed, so running the same fulfilment again finishes the request instead of
/// failing because the file exists.
///
/// An output is recognised by the request's reference in its name (`ExportLocation.suggestedName`). A zip or
/// CSV export is reused only when every file its manifest lists matches the manifest's size and SHA-256; one
/// that does not is refused and left untouched. A JSON export or access report has no manifest to check: when it
/// is a regular file of mode 0600, as every output is written, it is removed and written again; anything else
/// under that name is refused and left untouched.
enum EarlierOutput {
    /// The earlier output of the request for `format` in `folder` as this run's output, or nil when it must be
    /// written (none was found, or one that cannot be reused was removed). `reusable` is false when this run
    /// narrows the export (categories, a first day) in a way the earlier output cannot be checked against: a
    /// verified earlier output is then removed and written again.
    static func reuse(
        in folder: String, username: String, reference: String, format: PortabilityFormat?, reusable: Bool = true
    ) throws -> ExportResult? {
        let prefix = ExportLocation.namePrefix(username: username, format: format, reference: reference)
        let suffix = format?.fileExtension ?? ".txt"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasPrefix(prefix) && $0.hasSuffix(suffix)
                && ExportLocation.isStamp($0.dropFirst(prefix.count).dropLast(suffix.count))
        }
        var reused: ExportResult?
        for name in names.sorted().reversed() {
            let path = (folder as NSString).appendingPathComponent(name)
            switch format {
            case .zip, .csv:
                guard let manifest = format == .zip ? zipManifest(path) : folderManifest(path) else {
                    throw ExportError.earlierOutputAltered(path)
                }
                if reusable, reused == nil {
                    reused = result(path: path, manifest: manifest)
                } else {
                    try? FileManager.default.removeItem(atPath: path)
                }
            case .json, nil:
                guard isOwnFile(path) else { throw ExportError.outputExists(path) }
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return reused
    }

    /// What the reused export holds, as the exporter would have returned it.
    private static func result(path: String, manifest: ExportManifest) -> ExportResult {
        let document = manifest.files.first { $0.category == nil }
        let rows = document?.rows ?? manifest.files.reduce(0) { $0 + $1.rows }
        let generatedAt = ISO8601DateFormatter().date(from: manifest.generatedAt) ?? Date(epochSeconds: 0)
        return ExportResult(
            path: path, format: manifest.format, rows: rows, files: manifest.files, generatedAt: generatedAt)
    }

    /// The manifest of the zip at `path` when the archive holds every file it lists, byte for byte.
    private static func zipManifest(_ path: String) -> ExportManifest? {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read),
            let data = entryData(archive, PortabilityExporter.manifestName),
            let manifest = try? JSONDecoder().decode(ExportManifest.self, from: data), manifest.format == "zip"
        else { return nil }
        let intact = manifest.files.allSatisfy { file in
            entryData(archive, file.path).map { matches($0, file) } ?? false
        }
        return intact ? manifest : nil
    }

    /// The manifest of the CSV folder at `path` when every file it lists is there, byte for byte.
    private static func folderManifest(_ path: String) -> ExportManifest? {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url.appendingPathComponent(PortabilityExporter.manifestName)),
            let manifest = try? JSONDecoder().decode(ExportManifest.self, from: data), manifest.format == "csv"
        else { return nil }
        let intact = manifest.files.allSatisfy { file in
            (try? Data(contentsOf: url.appendingPathComponent(file.path))).map { matches($0, file) } ?? false
        }
        return intact ? manifest : nil
    }

    /// Whether `path` is a regular file of mode 0600, as the exporter and the report writer leave their outputs.
    private static func isOwnFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o777 == 0o600
    }

    private static func entryData(_ archive: Archive, _ name: String) -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        guard (try? archive.extract(entry, consumer: { data.append($0) })) != nil else { return nil }
        return data
    }

    private static func matches(_ data: Data, _ file: ExportedFile) -> Bool {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return Int64(data.count) == file.bytes && digest == file.sha256
    }
}
