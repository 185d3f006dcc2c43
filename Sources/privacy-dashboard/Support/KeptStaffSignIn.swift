import Foundation
import PrivacyModel

/// The token of a kept staff sign-in, like sudo's timestamp: one file only this user can read (0600) in a folder
/// only they can enter (0700), under $XDG_RUNTIME_DIR or else ~/.cache; a file or folder someone else owns, or
/// others may read, is refused rather than used.
enum KeptStaffSignIn {
    /// The folder the token lives in.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return (runtime as NSString).appendingPathComponent("privacy-dashboard")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/privacy-dashboard")
    }

    /// The token file.
    static var path: String { (folder() as NSString).appendingPathComponent("staff-sign-in") }

    /// The staff member a command acts as: the kept sign-in's, whose expiry this use moves on; without one, a
    /// refusal that says how to sign in.
    static func identity(_ context: PrivacyContext) throws -> StaffIdentity {
        guard let token = try load() else {
            throw CommandFailure(
                message:
                    "no staff sign-in is kept: sign in first with `privacy-dashboard staff sign-in --username NAME`",
                code: ExitStatus.permission)
        }
        return try StaffSessionService(context: context).resume(token: token)
    }

    /// Writes a new token, replacing the file (never following a link planted in its place).
    static func save(_ token: String) throws {
        let folder = folder()
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try checkPrivate(folder, directory: true)
        let path = path
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array((token + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            unlink(path)
            throw failure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The kept token, or nil when there is none; a file or folder that is not private is refused.
    static func load() throws -> String? {
        let path = path
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        try checkPrivate(folder(), directory: true)
        try checkPrivate(path, directory: false)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// Removes the token file (sign-out); absent is fine.
    static func remove() {
        unlink(path)
    }

    /// Refuses a path that is a link, of the wrong kind, owned by someone else, or open to group or others.
    private static func checkPrivate(_ path: String, directory: Bool) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw failure("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let kind = status.st_mode & S_IFMT
        guard kind == (directory ? S_IFDIR : S_IFREG) else {
            throw failure("\(path) is not a \(directory ? "folder" : "regular file"); remove it and sign in again")
        }
        guard status.st_uid == geteuid() else {
            throw failure("\(path) belongs to another user; remove it and sign in again")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw failure(
                "\(path) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "remove it and sign in again")
        }
    }

    private static func failure(_ message: String) -> CommandFailure {
        CommandFailure(message: message, code: ExitStatus.permission)
    }
}
