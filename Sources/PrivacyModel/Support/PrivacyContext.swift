public import Foundation

/// The settings every service shares: time, randomness, hashing cost and the channel changes are recorded under.
public struct ModelSettings: Sendable {
    /// Where the current time comes from.
    public var clock: any Clock
    /// Where salts, references and tokens come from.
    public var random: any RandomSource
    /// The scrypt cost new password hashes get.
    public var scrypt: ScryptParameters
    /// How changes reach the model ("dashboard", "cli", "ssh"), recorded on receipts and requests.
    public var channel: String
    /// The shared support box the program runs on, if any: exports then go to the subscriber's folder there
    /// and are fetched with one-time download commands.
    public var sharedBox: SharedBox?
    /// Records one step of a filter's scan reads (a screen draws and reads a key between steps).
    public var searchSliceSize = RecordSearch.defaultSliceSize

    /// The product's settings: wall clock, system randomness, full scrypt cost, no shared box.
    public init(
        clock: any Clock = SystemClock(), random: any RandomSource = SystemRandomSource(),
        scrypt: ScryptParameters = .standard, channel: String = "cli", sharedBox: SharedBox? = nil
    ) {
        self.clock = clock
        self.random = random
        self.scrypt = scrypt
        self.channel = channel
        self.sharedBox = sharedBox
    }
}

/// An open store with the catalogue and settings: the one handle screens and subcommands get services from.
public final class PrivacyContext: Sendable {
    /// The open store.
    public let store: PrivacyStore
    /// The policy catalogue in force.
    public let catalogue: PolicyCatalogue
    /// Shared settings.
    public let settings: ModelSettings

    /// Binds a store, a catalogue and settings together, checking the catalogue's record sets match the store's tables.
    public init(store: PrivacyStore, catalogue: PolicyCatalogue, settings: ModelSettings = ModelSettings())
        throws(CatalogueError)
    {
        let catalogueSets = Set(catalogue.categories.flatMap { $0.recordSets.map(\.id) })
        let storeSets = Set(RecordSetTable.all.map(\.id))
        if let missing = catalogueSets.subtracting(storeSets).sorted().first {
            throw .invalid("record set \"\(missing)\" has no table in the store")
        }
        if let missing = storeSets.subtracting(catalogueSets).sorted().first {
            throw .invalid("the store's table for \"\(missing)\" is not described in the catalogue")
        }
        self.store = store
        self.catalogue = catalogue
        self.settings = settings
    }

    /// Opens the store at `path` with the policy version in force on the clock's day: the newest published
    /// version whose effective date has come, else the bundled catalogue (the first version).
    public static func open(
        path: String, mode: PrivacyStore.OpenMode = .existing, settings: ModelSettings = ModelSettings()
    ) throws -> PrivacyContext {
        let builtIn = try CatalogueLoader.bundled()
        let store = try PrivacyStore.open(at: path, mode: mode)
        let catalogue = try PolicyVersionService.catalogue(store: store, builtIn: builtIn, day: settings.clock.now())
        return try PrivacyContext(store: store, catalogue: catalogue, settings: settings)
    }

    /// The current instant from the injected clock.
    public var now: Date { settings.clock.now() }
}
