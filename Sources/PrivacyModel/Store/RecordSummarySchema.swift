import GRDB

/// Migration v9: per-account summaries of every record set and a weekly rollup of viewing, kept by triggers.
///
/// Overview and My data read counts, oldest and newest times, and the charts from these tables instead of
/// counting a subscriber's rows on every screen switch. SQLite triggers keep them exact whichever code
/// writes (the services, the retention run, the demo seeder, or sqlite3 by hand), in the writer's transaction.
extension StoreSchema {
    /// Creates the summary and rollup tables, their triggers, and fills them from the rows already stored.
    static func addRecordSummaries(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE record_summary (
                  accountId INTEGER NOT NULL,
                  recordSet TEXT NOT NULL,
                  count INTEGER NOT NULL DEFAULT 0,
                  oldest INTEGER,
                  newest INTEGER,
                  heldCount INTEGER NOT NULL DEFAULT 0,
                  oldestUnheld INTEGER,
                  PRIMARY KEY (accountId, recordSet)
                ) WITHOUT ROWID;
                CREATE TABLE viewing_week (
                  accountId INTEGER NOT NULL,
                  week INTEGER NOT NULL,
                  channel TEXT NOT NULL,
                  events INTEGER NOT NULL,
                  seconds INTEGER NOT NULL,
                  PRIMARY KEY (accountId, week, channel)
                ) WITHOUT ROWID;
                """)
        for table in RecordSetTable.all {
            try db.execute(sql: RecordSummarySQL(table: table).triggers)
            try db.execute(sql: RecordSummarySQL(table: table).backfill)
        }
        try db.execute(sql: ViewingRollupSQL.triggers)
        try db.execute(sql: ViewingRollupSQL.backfill)
    }
}

/// The SQL that keeps one record set's row of `record_summary` exact.
///
/// Inserts add to the count and widen oldest/newest; deletes subtract and, only when the row removed was
/// the oldest or newest, look the new one up on the per-account time index (one index seek). An update of
/// the owner, time or hold column is a delete of the old row followed by an insert of the new one.
struct RecordSummarySQL {
    /// The record set kept.
    let table: RecordSetTable

    private var name: String { table.table }
    private var owner: String { table.ownerColumn.quotedDatabaseIdentifier }
    private var time: String { table.timeColumn.quotedDatabaseIdentifier }
    private var set: String { "'\(table.id)'" }

    /// Whether the row (`NEW` or `OLD`) is under a hold, as 0 or 1.
    private func held(_ row: String) -> String {
        table.heldColumn.map { "(\(row).\($0.quotedDatabaseIdentifier) = 1)" } ?? "0"
    }

    /// The unheld rows of the owner, for looking up the oldest of them.
    private var unheldFilter: String {
        table.heldColumn.map { " AND \($0.quotedDatabaseIdentifier) = 0" } ?? ""
    }

    /// Adds the `NEW` row to its owner's summary.
    private var addNew: String {
        let unheld = table.heldColumn == nil ? "NULL" : "CASE WHEN \(held("NEW")) THEN NULL ELSE NEW.\(time) END"
        return """
            INSERT INTO record_summary (accountId, recordSet, count, oldest, newest, heldCount, oldestUnheld)
            VALUES (NEW.\(owner), \(set), 1, NEW.\(time), NEW.\(time), \(held("NEW")), \(unheld))
            ON CONFLICT (accountId, recordSet) DO UPDATE SET
              count = count + 1,
              oldest = min(coalesce(oldest, excluded.oldest), excluded.oldest),
              newest = max(coalesce(newest, excluded.newest), excluded.newest),
              heldCount = heldCount + excluded.heldCount,
              oldestUnheld = CASE WHEN excluded.oldestUnheld IS NULL THEN oldestUnheld
                                  ELSE min(coalesce(oldestUnheld, excluded.oldestUnheld), excluded.oldestUnheld) END;
            """
    }

    /// Takes the `OLD` row out of its owner's summary (the row is already gone from the table).
    private var removeOld: String {
        let rows = "FROM \(name) WHERE \(owner) = OLD.\(owner)"
        let heldPart =
            table.heldColumn == nil
            ? ""
            : """
            ,
              heldCount = heldCount - \(held("OLD")),
              oldestUnheld = CASE WHEN NOT \(held("OLD")) AND OLD.\(time) <= oldestUnheld
                                  THEN (SELECT min(\(time)) \(rows)\(unheldFilter)) ELSE oldestUnheld END
            """
        return """
            UPDATE record_summary SET
              count = count - 1,
              oldest = CASE WHEN OLD.\(time) <= oldest THEN (SELECT min(\(time)) \(rows)) ELSE oldest END,
              newest = CASE WHEN OLD.\(time) >= newest THEN (SELECT max(\(time)) \(rows)) ELSE newest END\(heldPart)
            WHERE accountId = OLD.\(owner) AND recordSet = \(set);
            """
    }

    /// The insert, delete and update triggers of the set's table.
    var triggers: String {
        var watched = [owner, time]
        var changed = ["OLD.\(owner) IS NOT NEW.\(owner)", "OLD.\(time) IS NOT NEW.\(time)"]
        if let column = table.heldColumn?.quotedDatabaseIdentifier {
            watched.append(column)
            changed.append("OLD.\(column) IS NOT NEW.\(column)")
        }
        return """
            CREATE TRIGGER \(name)_summary_insert AFTER INSERT ON \(name) BEGIN
            \(addNew)
            END;
            CREATE TRIGGER \(name)_summary_delete AFTER DELETE ON \(name) BEGIN
            \(removeOld)
            END;
            CREATE TRIGGER \(name)_summary_update AFTER UPDATE OF \(watched.joined(separator: ", ")) ON \(name)
            WHEN \(changed.joined(separator: " OR ")) BEGIN
            \(removeOld)
            \(addNew)
            END;
            """
    }

    /// The set's summaries computed from its rows: owner, count, oldest, newest, held count, oldest unheld.
    var computed: String {
        let heldCount = table.heldColumn.map { "sum(\($0.quotedDatabaseIdentifier) = 1)" } ?? "0"
        let oldestUnheld =
            table.heldColumn.map { "min(CASE WHEN \($0.quotedDatabaseIdentifier) = 1 THEN NULL ELSE \(time) END)" }
            ?? "NULL"
        return """
            SELECT \(owner) AS accountId, \(set) AS recordSet, count(*) AS count, min(\(time)) AS oldest,
                   max(\(time)) AS newest, \(heldCount) AS heldCount, \(oldestUnheld) AS oldestUnheld
            FROM \(name) GROUP BY \(owner)
            """
    }

    /// Fills the set's summaries from the rows already stored (the migration's backfill).
    var backfill: String {
        """
        INSERT INTO record_summary (accountId, recordSet, count, oldest, newest, heldCount, oldestUnheld)
        \(computed);
        """
    }
}

/// The SQL that keeps `viewing_week` (events and seconds per account, week and channel) exact.
enum ViewingRollupSQL {
    /// Monday 00:00 UTC of the week holding a time: 1970-01-05 (345,600 s) was a Monday.
    static func week(_ time: String) -> String {
        "(\(time) - (((\(time) - 345600) % 604800) + 604800) % 604800)"
    }

    private static let addNew = """
        INSERT INTO viewing_week (accountId, week, channel, events, seconds)
        VALUES (NEW.accountId, \(week("NEW.startedAt")), NEW.channel, 1, NEW.durationSeconds)
        ON CONFLICT (accountId, week, channel) DO UPDATE SET
          events = events + 1, seconds = seconds + excluded.seconds;
        """

    private static let removeOld = """
        UPDATE viewing_week SET events = events - 1, seconds = seconds - OLD.durationSeconds
        WHERE accountId = OLD.accountId AND week = \(week("OLD.startedAt")) AND channel = OLD.channel;
        DELETE FROM viewing_week
        WHERE accountId = OLD.accountId AND week = \(week("OLD.startedAt")) AND channel = OLD.channel AND events <= 0;
        """

    /// The insert, delete and update triggers of `viewing_event`.
    static let triggers = """
        CREATE TRIGGER viewing_event_week_insert AFTER INSERT ON viewing_event BEGIN
        \(addNew)
        END;
        CREATE TRIGGER viewing_event_week_delete AFTER DELETE ON viewing_event BEGIN
        \(removeOld)
        END;
        CREATE TRIGGER viewing_event_week_update
        AFTER UPDATE OF accountId, startedAt, channel, durationSeconds ON viewing_event
        WHEN OLD.accountId IS NOT NEW.accountId OR OLD.startedAt IS NOT NEW.startedAt
          OR OLD.channel IS NOT NEW.channel OR OLD.durationSeconds IS NOT NEW.durationSeconds BEGIN
        \(removeOld)
        \(addNew)
        END;
        """

    /// The rollup computed from the viewing rows: account, week, channel, events, seconds.
    static let computed = """
        SELECT accountId, \(week("startedAt")) AS week, channel, count(*) AS events, sum(durationSeconds) AS seconds
        FROM viewing_event GROUP BY accountId, week, channel
        """

    /// Fills the rollup from the viewing rows already stored (the migration's backfill).
    static let backfill = """
        INSERT INTO viewing_week (accountId, week, channel, events, seconds)
        \(computed);
        """
}
