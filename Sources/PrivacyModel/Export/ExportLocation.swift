public import Foundation

/// Where exports go when the subscriber names no path, and what they are called.
public enum ExportLocation {
    /// The default folder: `$XDG_DOWNLOAD_DIR/privacy-dashboard`, else `~/Downloads/privacy-dashboard` when
    /// `~/Downloads` exists, else `~/privacy-dashboard-exports`. It is not created here.
    public static func defaultFolder(
        environment: [String: String] = ProcessInfo.processInfo.environment, home: String? = nil
    ) -> String {
        // $HOME first, as a shell does (Foundation's home directory on Linux reads the password file).
        let home = home ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        if let downloads = environment["XDG_DOWNLOAD_DIR"], !downloads.isEmpty, isDirectory(downloads) {
            return (downloads as NSString).appendingPathComponent("privacy-dashboard")
        }
        let downloads = (home as NSString).appendingPathComponent("Downloads")
        if isDirectory(downloads) { return (downloads as NSString).appendingPathComponent("privacy-dashboard") }
        return (home as NSString).appendingPathComponent("privacy-dashboard-exports")
    }

    /// The folder a fulfilment writes into, as an absolute path: the one given, or the default (created when missing).
    public static func resolve(_ folder: String?) throws -> String {
        guard let folder else {
            let folder = defaultFolder()
            try prepare(folder)
            return folder
        }
        let trimmed = folder.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ExportError.invalidOutput(folder) }
        return URL(fileURLWithPath: trimmed).standardizedFileURL.path
    }

    /// Creates `folder` (mode 0700) if it is missing, so the first export has somewhere to go.
    public static func prepare(_ folder: String) throws(ExportError) {
        if isDirectory(folder) { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExportError.folderNotWritable((folder as NSString).deletingLastPathComponent)
        }
    }

    /// Staging folders of exports that were killed before they finished (partial personal data), in `folder`
    /// (default: `defaultFolder()`); `check` reports them.
    public static func staleStaging(in folder: String? = nil) -> [String] {
        StagingArea.stale(in: folder ?? defaultFolder())
    }

    /// Removes the staging folders killed exports left in `folder` (default: `defaultFolder()`); returns their
    /// paths. Every export does this in its own folder before it starts; the retention run calls it too.
    @discardableResult
    public static func removeStaleStaging(in folder: String? = nil) -> [String] {
        StagingArea.removeStale(in: folder ?? defaultFolder())
    }

    /// A file name that says whose data it is and when it was taken ("privacy-export-ada-20261129T090000Z.zip");
    /// a request's outputs also carry its reference ("privacy-export-ada-PD-7K3M-9QXD-20261129T090000Z.zip"), so a
    /// fulfilment run again finds what an interrupted run wrote (`EarlierOutput`).
    public static func suggestedName(
        username: String, format: PortabilityFormat?, at instant: Date, reference: String? = nil
    ) -> String {
        let stamp = instant.iso8601UTC.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        return namePrefix(username: username, format: format, reference: reference) + stamp
            + (format?.fileExtension ?? ".txt")
    }

    /// The part of `suggestedName` before the time stamp.
    static func namePrefix(username: String, format: PortabilityFormat?, reference: String?) -> String {
        let safe = String(
            username.unicodeScalars.filter {
                $0.isASCII && ($0 == "-" || $0 == "_" || $0 == "." || CharacterSet.alphanumerics.contains($0))
            }.map(Character.init))
        let kind = format == nil ? "privacy-report" : "privacy-export"
        return "\(kind)-\(safe.isEmpty ? "account" : safe)-" + (reference.map { "\($0)-" } ?? "")
    }

    /// Whether `text` is a time stamp as `suggestedName` writes it ("20261129T090000Z").
    static func isStamp(_ text: Substring) -> Bool {
        text.count == 16
            && text.enumerated().allSatisfy { index, character in
                switch index {
                case 8: character == "T"
                case 15: character == "Z"
                default: character.isASCII && character.isNumber
                }
            }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
