import Foundation

/// Writes the access report: one plain-text file telling a subscriber, category by category, what is held and why.
///
/// The facts are read in one place (`AccessReportFacts`) and put into words by `AccessReportText`.
public struct AccessReportWriter: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// How many of the newest records each record set shows as samples.
    public static let defaultSamples = 5

    /// Binds the writer to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Writes the report for `accountId` to `path` (which must not exist yet), mode 0600, all or nothing.
    @discardableResult
    public func write(
        accountId: Int64, to path: String, categories: [String]? = nil,
        samples: Int = AccessReportWriter.defaultSamples, language: String = "en",
        isCancelled: () -> Bool = { false }
    ) throws -> ExportResult {
        let text = try render(accountId: accountId, categories: categories, samples: samples, language: language)
        if isCancelled() { throw ExportError.cancelled }
        let staging = try StagingArea.prepare(output: path)
        defer { staging.discard() }
        let file = try HashingFileWriter(creating: staging.path("report.txt"))
        file.append(text)
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
    /// "fr"): its words from `report.json`, the catalogue's texts from `texts.<language>.json`, English for
    /// anything a language lacks. Times stay ISO 8601 in every language.
    public func render(
        accountId: Int64, categories: [String]? = nil, samples: Int = AccessReportWriter.defaultSamples,
        language: String = "en"
    ) throws -> String {
        let words = Strings.reportWords(language: language)
        let texts = (try? CatalogueLoader.bundledTexts(language: words.language)) ?? [:]
        let localized =
            texts.isEmpty
            ? context
            : (try? PrivacyContext(
                store: context.store, catalogue: context.catalogue.localized(texts), settings: context.settings))
                ?? context
        let facts = try AccessReportFacts.gather(
            accountId: accountId, categories: categories, samples: samples, context: localized)
        return AccessReportText(catalogue: localized.catalogue, words: words).text(facts)
    }
}
