import Foundation
import Glibc

/// A hidden folder beside the output where an export is written, moved into place only when complete.
///
/// The output path is checked first (it must not exist; its folder must exist and be writable). Files are
/// written inside a private folder (mode 0700) in the same folder as the output, so the final step is a
/// rename on one file system. Publishing never replaces anything, and `discard` removes whatever is
/// left on every path, so a failure or a cancellation leaves nothing behind.
///
/// A killed process cannot discard: its staging folder stays, holding partial personal data. So each
/// staging folder is locked (`flock`) while its export runs, and one whose lock can be taken belongs to
/// no running export: `removeStale` deletes those (every export does so in its folder before it starts,
/// the retention run in the default folder) and `stale` lists them for `check`.
final class StagingArea {
    /// The path the finished output will have.
    let output: String
    /// The folder that holds the output.
    let folder: String
    /// The private staging folder.
    let directory: String
    private var published = false
    /// The open staging folder, locked while this export runs.
    private let lock: Int32

    private init(output: String, folder: String, directory: String, lock: Int32) {
        self.output = output
        self.folder = folder
        self.directory = directory
        self.lock = lock
    }

    deinit { if lock >= 0 { close(lock) } }

    /// The marker in a staging folder's name, after the output's name: ".NAME.partial-XXXXXX".
    private static let marker = ".partial-"

    /// The staging folders in `folder` that no running export holds (left by a killed process).
    static func stale(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(".") && $0.contains(marker) }.sorted().map { folder + "/" + $0 }.filter {
            path in
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return flock(fd, LOCK_EX | LOCK_NB) == 0
        }
    }

    /// Removes the stale staging folders in `folder`; returns the paths removed.
    @discardableResult
    static func removeStale(in folder: String) -> [String] {
        stale(in: folder).filter { (try? FileManager.default.removeItem(atPath: $0)) != nil }
    }

    /// Checks the output path and creates the staging folder beside it.
    static func prepare(output path: String) throws(ExportError) -> StagingArea {
        var trimmed = path.trimmingCharacters(in: .whitespaces)
        // "out/" names the folder "out" (a CSV export is a folder).
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty, trimmed != "/" else { throw .invalidOutput(path) }
        let output = URL(fileURLWithPath: trimmed).standardizedFileURL.path
        let name = (output as NSString).lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else { throw .invalidOutput(path) }
        let folder = (output as NSString).deletingLastPathComponent
        var info = stat()
        if lstat(output, &info) == 0 { throw .outputExists(output) }
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
            throw .folderMissing(folder)
        }
        guard access(folder, W_OK | X_OK) == 0 else { throw .folderNotWritable(folder) }
        removeStale(in: folder)
        var template = Array((folder + "/." + String(name.prefix(200)) + ".partial-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else { throw ExportError.system(errno, path: output, folder: folder) }
        let directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = chmod(directory, 0o700)
        let lock = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        return StagingArea(output: output, folder: folder, directory: directory, lock: lock)
    }

    /// The staged path of a file called `name`.
    func path(_ name: String) -> String { directory + "/" + name }

    /// Moves the staged file `name` to the output path, failing rather than replacing anything there.
    func publishFile(_ name: String) throws(ExportError) {
        let staged = path(name)
        if link(staged, output) == 0 {
            unlink(staged)
        } else {
            let code = errno
            guard code == EPERM || code == ENOTSUP || code == EXDEV || code == EMLINK else {
                throw ExportError.system(code, path: output, folder: folder)
            }
            // A file system without hard links: check, then rename (rename on one file system is atomic).
            var info = stat()
            if lstat(output, &info) == 0 { throw ExportError.outputExists(output) }
            guard rename(staged, output) == 0 else { throw ExportError.system(errno, path: output, folder: folder) }
        }
        published = true
        syncFolder()
    }

    /// Moves the whole staging folder to the output path (a CSV export), failing rather than replacing anything.
    func publishDirectory() throws(ExportError) {
        // Claiming the name with mkdir fails if anything is there; rename then swaps in the full folder.
        guard mkdir(output, 0o700) == 0 else { throw ExportError.system(errno, path: output, folder: folder) }
        guard rename(directory, output) == 0 else {
            let code = errno
            rmdir(output)
            throw ExportError.system(code, path: output, folder: folder)
        }
        published = true
        _ = chmod(output, 0o700)
        syncFolder()
    }

    /// Removes the staging folder and everything in it (a no-op once the folder itself was published).
    func discard() {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Forces the folder's entry for the output to disk.
    private func syncFolder() {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
