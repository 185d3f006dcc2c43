import Foundation
import Testing

/// Compares a whole rendered frame with its golden file, so any layout drift fails with a line diff.
///
/// The files live in `Tests/DashboardUITests/Golden/<name>.txt`; `UPDATE_GOLDEN=1 swift test` rewrites them.
enum GoldenFrame {
    /// The folder of the golden files, found from this source file so no bundle is needed to rewrite them.
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    /// Whether this run rewrites the golden files instead of comparing with them.
    private static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Expects `frame` (the frame's rows joined by newlines) to equal the golden file `name`.
    static func expect(_ frame: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let file = folder.appendingPathComponent("\(name).txt")
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (frame + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(name).txt: run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
        guard expected != frame else { return }
        Issue.record(
            "frame differs from \(name).txt (UPDATE_GOLDEN=1 rewrites it):\n\(diff(expected: expected, actual: frame))",
            sourceLocation: sourceLocation)
    }

    /// The differing rows, each as its golden (-) and rendered (+) text with its row number.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for row in 0..<max(old.count, new.count) {
            let before = row < old.count ? old[row] : nil
            let after = row < new.count ? new[row] : nil
            guard before != after else { continue }
            out.append("row \(row + 1) - |\(before ?? "(no row)")|")
            out.append("row \(row + 1) + |\(after ?? "(no row)")|")
        }
        return out.joined(separator: "\n")
    }
}
