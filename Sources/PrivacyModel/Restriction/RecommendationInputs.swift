import Foundation
import GRDB

/// The only door recommendations have to viewing history: it honours restriction, objection and the
/// subscriber's recommendation preferences, so switching them off stops the reading at once.
public struct RecommendationInputs: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The category recommendations read.
    public static let viewingCategory = "viewing"
    /// The preference that switches personalised recommendations.
    public static let personalisedPreference = "recommendations.personalised"
    /// The preference that lets recommendations read viewing history.
    public static let viewingHistoryPreference = "recommendations.viewing-history"

    /// Binds the reader to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The newest `limit` viewing events of the account, or none with the reason they may not be read.
    public func viewingHistory(accountId: Int64, limit: Int = 500) throws -> RecommendationInput {
        let catalogue = context.catalogue
        return try context.store.read { db in
            let status = try String.fetchOne(db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId])
            guard let status else { throw AccountError.notFound("account \(accountId)") }
            if let block = try Self.block(accountId: accountId, status: status, catalogue: catalogue, db) {
                return RecommendationInput(signals: [], blockedBy: block)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT channel, title, genre, startedAt, durationSeconds FROM viewing_event
                    WHERE accountId = ? ORDER BY startedAt DESC, id DESC LIMIT ?
                    """,
                arguments: [accountId, max(0, limit)])
            let signals = rows.map { row in
                ViewingSignal(
                    channel: row[0], title: row[1], genre: row[2], startedAt: Date(epochSeconds: row[3]),
                    durationSeconds: row[4])
            }
            return RecommendationInput(signals: signals, blockedBy: nil)
        }
    }

    private static func block(accountId: Int64, status: String, catalogue: PolicyCatalogue, _ db: Database) throws
        -> RecommendationBlock?
    {
        guard status == AccountStatus.active.rawValue else { return .accountNotActive }
        if try RestrictionService.isRestricted(accountId: accountId, categoryId: viewingCategory, db) {
            return .viewingRestricted
        }
        func value(_ id: String) throws -> Bool {
            try PreferenceService.storedValue(id, accountId: accountId, db) ?? catalogue.preference(id)?.default
                ?? false
        }
        if try !value(personalisedPreference) { return .personalisationOff }
        if try !value(viewingHistoryPreference) { return .viewingHistoryOff }
        return nil
    }
}
