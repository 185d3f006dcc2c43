public import Foundation

/// The settings of a shared support box, where the dashboard runs as the SSH account's `ForceCommand` for
/// every subscriber: exports go to a folder of their own under the box's exports folder, and the subscriber
/// fetches each file with a one-time download command instead of reading a path on a box they cannot enter.
public struct SharedBox: Sendable, Equatable {
    /// What subscribers type after `ssh` to reach the box ("privacy@support.example.net").
    public let destination: String
    /// The absolute folder every subscriber's export folder lives under.
    public let exportsFolder: String
    /// How long a download code works (and the file waits) after the export.
    public let downloadLifetime: TimeInterval

    /// The variable the SSH wrapper sets to say the program runs on a shared box, holding `destination`.
    public static let destinationVariable = "PRIVACY_DASHBOARD_SHARED_BOX"
    /// The variable naming the exports folder.
    public static let exportsVariable = "PRIVACY_DASHBOARD_EXPORTS"
    /// The variable naming how many hours a download code works.
    public static let hoursVariable = "PRIVACY_DASHBOARD_DOWNLOAD_HOURS"
    /// The exports folder when the box names none.
    public static let defaultExportsFolder = "/var/lib/privacy-dashboard/exports"
    /// How many hours a download code works when the box names no other figure.
    public static let defaultHours = 24
    /// The longest a download code may work: a week.
    public static let maximumHours = 168

    /// Checks and keeps a box's settings; a destination is pasted into a shell command, so it may hold only
    /// letters, digits and `@ . _ - : [ ]`.
    public init(destination: String, exportsFolder: String, downloadHours: Int) throws(SharedBoxError) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "@._-:[]"))
        guard !destination.isEmpty, destination.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else { throw .invalidDestination(destination) }
        guard exportsFolder.hasPrefix("/") else { throw .relativeExportsFolder(exportsFolder) }
        guard (1...Self.maximumHours).contains(downloadHours) else {
            throw .invalidHours(String(downloadHours), maximum: Self.maximumHours)
        }
        self.destination = destination
        self.exportsFolder = URL(fileURLWithPath: exportsFolder).standardizedFileURL.path
        downloadLifetime = TimeInterval(downloadHours * 3600)
    }

    /// The box's settings from the environment the wrapper passes, or nil when the program does not run on one.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(SharedBoxError) -> SharedBox?
    {
        guard let destination = environment[destinationVariable], !destination.isEmpty else { return nil }
        let folder = environment[exportsVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultExportsFolder
        var hours = defaultHours
        if let text = environment[hoursVariable], !text.isEmpty {
            guard let parsed = Int(text) else { throw .invalidHours(text, maximum: maximumHours) }
            hours = parsed
        }
        return try SharedBox(destination: destination, exportsFolder: folder, downloadHours: hours)
    }

    /// The subscriber's own folder under the exports folder (one per account, never a name they choose).
    public func folder(accountId: Int64) -> String {
        (exportsFolder as NSString).appendingPathComponent("subscriber-\(accountId)")
    }

    /// Creates the subscriber's folder (and the exports folder) when missing and makes both mode 0700.
    func prepareFolder(accountId: Int64) throws(ExportError) -> String {
        let folder = folder(accountId: accountId)
        for path in [exportsFolder, folder] {
            try ExportLocation.prepare(path)
            guard chmod(path, 0o700) == 0 else { throw .folderNotWritable(path) }
        }
        return folder
    }
}

/// A shared box's setting that cannot be used; the wrapper's environment names it.
public enum SharedBoxError: Error, Equatable, Sendable {
    /// The destination is empty or holds characters a shell would read.
    case invalidDestination(String)
    /// The exports folder is not an absolute path.
    case relativeExportsFolder(String)
    /// The hours are not a whole number from 1 to the maximum.
    case invalidHours(String, maximum: Int)
}
