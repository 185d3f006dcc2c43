import Foundation

/// Writes the access report: one plain-text file telling a subscriber, category by category, what is held and why.
///
/// The facts are read in one place (`AccessReportFacts`) and put into words by `AccessReportText`.
public struct AccessReportWriter: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Record sets holding more records than this are not listed in a report written beside a zip export:
    /// the report names the export's file that holds them instead, so it stays readable for a long history.
    public static let listLimit = 1_000

    /// Binds the writer to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Writes the report for `accountId` to `path` (which must not exist yet), mode 0600, all or nothing.
    ///
    /// `archive` names the zip export written beside the report (its file name), if any; see `render`.
    @discardableResult
    public func write(
        accountId: Int64, to path: String, categories: [String]? = nil, language: String = "en",
        archive: String? = nil, listLimit: Int = AccessReportWriter.listLimit, isCancelled: () -> Bool = { false }
    ) throws -> ExportResult {
        let (text, facts) = try prepare(
            accountId: accountId, categories: categories, language: language, archive: archive, listLimit: listLimit)
        let staging = try StagingArea.prepare(output: path)
        defer { staging.discard() }
        let file = try HashingFileWriter(creating: staging.path("report.txt"))
        try text.write(facts) { line in
            file.append(line)
            try file.flushIfNeeded()
            if isCancelled() { throw ExportError.cancelled }
        }
        let written = try file.finish()
        if isCancelled() { throw ExportError.cancelled }
        try staging.publishFile("report.txt")
        let name = (staging.output as NSString).lastPathComponent
        return ExportResult(
            path: staging.output, format: "report", rows: 0,
            files: [ExportedFile(path: name, category: nil, rows: 0, bytes: written.bytes, sha256: written.sha256)],
            generatedAt: Date(epochSeconds: context.now.epochSeconds))
    }

    /// The report's text for `accountId` (all categories, or only those listed) in `language` ("en", "de",
    /// "fr"): its words from `report.json`, the catalogue's texts from `PolicyTexts` (the in-force version's published translation, else the shipped one), English for
    /// anything a language lacks. Times stay ISO 8601 in every language.
    ///
    /// Every record is listed in full. When the zip export `archive` is written beside the report, a record
    /// set of more than `listLimit` records is not listed: the report says at its top that the set's complete
    /// copy is its category's CSV file inside that archive.
    public func render(
        accountId: Int64, categories: [String]? = nil, language: String = "en", archive: String? = nil,
        listLimit: Int = AccessReportWriter.listLimit
    ) throws -> String {
        let (text, facts) = try prepare(
            accountId: accountId, categories: categories, language: language, archive: archive, listLimit: listLimit)
        return try text.text(facts)
    }

    /// The report's words and facts in `language`.
    private func prepare(
        accountId: Int64, categories: [String]?, language: String, archive: String?, listLimit: Int
    ) throws -> (AccessReportText, AccessReportFacts) {
        let words = Strings.reportWords(language: language)
        let texts =
            (try? PolicyTexts.texts(store: context.store, day: context.now, language: words.language))
            ?? PolicyTexts.shipped(language: words.language)
        let localized =
            texts.isEmpty
            ? context
            : (try? PrivacyContext(
                store: context.store, catalogue: context.catalogue.localized(texts), settings: context.settings))
                ?? context
        let facts = try AccessReportFacts.gather(
            accountId: accountId, categories: categories, archive: archive, listLimit: listLimit, context: localized)
        let text = AccessReportText(
            catalogue: localized.catalogue, words: words, data: CollectedDataService(context: localized))
        return (text, facts)
    }
}
