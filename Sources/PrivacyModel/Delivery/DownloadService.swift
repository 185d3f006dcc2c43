public import Foundation
import GRDB

/// A file claimed for download with a valid code: where it is, to be streamed to the subscriber and removed.
public struct DownloadClaim: Sendable, Equatable {
    /// The row that records it.
    public let id: Int64
    /// The file on the box.
    public let path: String
}

/// Issues, redeems and expires the one-time download codes of exports on a shared box; every download, every
/// refused attempt and every removal is an audit entry.
public struct DownloadService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Draws a code for each file and records its hash, inside the caller's transaction (the request's completion).
    static func issue(
        _ db: Database, box: SharedBox, accountId: Int64, reference: String, paths: [String], now: Date,
        random: any RandomSource
    ) throws -> [DownloadTicket] {
        let issuedAt = Date(epochSeconds: now.epochSeconds)
        let expiresAt = issuedAt.addingTimeInterval(box.downloadLifetime)
        return try paths.map { path in
            let code = DownloadCode.generate(using: random)
            try db.execute(
                sql: """
                    INSERT INTO export_download (accountId, reference, path, codeHash, issuedAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    accountId, reference, path, DownloadCode.hash(code), issuedAt.epochSeconds, expiresAt.epochSeconds,
                ])
            try AuditLog.append(
                db, at: issuedAt, accountId: accountId, actor: RequestActor.system.rawValue,
                action: "download-issued", detail: "\(reference) \((path as NSString).lastPathComponent)")
            return DownloadTicket(
                reference: reference, code: code, fileName: (path as NSString).lastPathComponent,
                expiresAt: expiresAt, destination: box.destination)
        }
    }

    /// Uses the code: when it matches a waiting file of the request `reference` and has not expired, marks it
    /// used (once, even with two attempts at the same moment) and returns the file; otherwise says why not.
    public func redeem(reference: String, code: String) throws -> DownloadClaim {
        let now = Date(epochSeconds: context.now.epochSeconds)
        guard let canonicalReference = ReferenceNumber.normalise(reference),
            let canonicalCode = DownloadCode.normalise(code)
        else {
            try audit(at: now, accountId: nil, action: "download-refused", detail: "\(reference) malformed")
            throw DownloadError.notValid
        }
        let outcome: Result<DownloadClaim, DownloadError> = try context.store.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM export_download WHERE codeHash = ? AND reference = ?",
                    arguments: [DownloadCode.hash(canonicalCode), canonicalReference])
            else { return .failure(.notValid) }
            let id: Int64 = row["id"]
            let path: String = row["path"]
            let accountId: Int64 = row["accountId"]
            if let used: Int64 = row["downloadedAt"] { return .failure(.alreadyUsed(at: Date(epochSeconds: used))) }
            let expiresAt = Date(epochSeconds: row["expiresAt"])
            let removed: Int64? = row["removedAt"]
            guard removed == nil, expiresAt > now else { return .failure(.expired(at: expiresAt)) }
            guard FileManager.default.isReadableFile(atPath: path) else { return .failure(.fileGone) }
            try db.execute(
                sql: "UPDATE export_download SET downloadedAt = ? WHERE id = ? AND downloadedAt IS NULL",
                arguments: [now.epochSeconds, id])
            guard db.changesCount == 1 else { return .failure(.alreadyUsed(at: now)) }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.subscriber.rawValue, action: "download",
                detail: "\(canonicalReference) \((path as NSString).lastPathComponent)")
            return .success(DownloadClaim(id: id, path: path))
        }
        switch outcome {
        case .success(let claim):
            return claim
        case .failure(let error):
            try audit(at: now, accountId: nil, action: "download-refused", detail: "\(canonicalReference) \(error)")
            throw error
        }
    }

    /// Removes a downloaded file from the box and records that it is gone.
    public func remove(_ claim: DownloadClaim) throws {
        try? FileManager.default.removeItem(atPath: claim.path)
        let now = context.now
        try context.store.write { db in
            try db.execute(
                sql: "UPDATE export_download SET removedAt = ? WHERE id = ? AND removedAt IS NULL",
                arguments: [now.epochSeconds, claim.id])
        }
    }

    /// Removes every waiting file whose code expired at or before `asOf` (the retention run calls this), and
    /// every downloaded file still there; returns how many files went.
    @discardableResult
    public func removeExpired(asOf: Date) throws -> Int {
        let due = try context.store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, accountId, reference, path FROM export_download
                    WHERE removedAt IS NULL AND (expiresAt <= ? OR downloadedAt IS NOT NULL)
                    ORDER BY id
                    """,
                arguments: [asOf.epochSeconds])
        }
        let now = context.now
        for row in due {
            let path: String = row["path"]
            let reference: String = row["reference"]
            let accountId: Int64 = row["accountId"]
            try? FileManager.default.removeItem(atPath: path)
            try context.store.write { db in
                try db.execute(
                    sql: "UPDATE export_download SET removedAt = ? WHERE id = ?",
                    arguments: [now.epochSeconds, row["id"] as Int64])
                try AuditLog.append(
                    db, at: now, accountId: accountId, actor: RequestActor.system.rawValue, action: "download-expired",
                    detail: "\(reference) \((path as NSString).lastPathComponent)")
            }
        }
        return due.count
    }

    private func audit(at: Date, accountId: Int64?, action: String, detail: String) throws {
        try context.store.write { db in
            try AuditLog.append(
                db, at: at, accountId: accountId, actor: RequestActor.subscriber.rawValue, action: action,
                detail: detail)
        }
    }
}
