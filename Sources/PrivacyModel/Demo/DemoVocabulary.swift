/// A programme a channel shows, with its genre.
struct DemoProgramme {
    /// Title as the programme guide shows it.
    let title: String
    /// Genre.
    let genre: String
}

/// The words the demo data is made of: channels, programmes, screens, features and log lines, kept as data.
enum DemoVocabulary {
    /// Programmes by channel name; every channel a persona watches is listed here.
    static let programmes: [String: [DemoProgramme]] = [
        "Das Erste": [
            .init(title: "Tagesschau", genre: "News"), .init(title: "Tatort", genre: "Crime"),
            .init(title: "Sportschau", genre: "Sport"), .init(title: "Polizeiruf 110", genre: "Crime"),
            .init(title: "Hart aber fair", genre: "Talk"), .init(title: "Brisant", genre: "Magazine"),
        ],
        "ZDF": [
            .init(title: "heute journal", genre: "News"), .init(title: "Der Bergdoktor", genre: "Drama"),
            .init(title: "Terra X", genre: "Documentary"), .init(title: "Aktenzeichen XY … ungelöst", genre: "Crime"),
            .init(title: "ZDF-Fernsehgarten", genre: "Entertainment"),
            .init(title: "Die Rosenheim-Cops", genre: "Crime"),
        ],
        "arte": [
            .init(title: "ARTE Journal", genre: "News"), .init(title: "Karambolage", genre: "Magazine"),
            .init(title: "Xenius", genre: "Science"), .init(title: "Le Dessous des cartes", genre: "Documentary"),
            .init(title: "Der Himmel über Berlin", genre: "Film"),
            .init(title: "Le Fabuleux Destin d'Amélie Poulain", genre: "Film"),
        ],
        "ProSieben": [
            .init(title: "Galileo", genre: "Science"), .init(title: "Die Simpsons", genre: "Comedy"),
            .init(title: "Germany's Next Topmodel", genre: "Reality"), .init(title: "TV total", genre: "Entertainment"),
        ],
        "Sky Sport Bundesliga": [
            .init(title: "Bundesliga: Konferenz", genre: "Sport"),
            .init(title: "Bundesliga: Topspiel der Woche", genre: "Sport"), .init(title: "Sky 90", genre: "Talk"),
        ],
        "KiKA": [
            .init(title: "Die Sendung mit der Maus", genre: "Kids"), .init(title: "logo!", genre: "News"),
            .init(title: "Checker Tobi", genre: "Kids"),
        ],
        "Eurosport 1": [
            .init(title: "Tour de France – Live", genre: "Sport"),
            .init(title: "Australian Open – Live", genre: "Sport"),
            .init(title: "Ski Alpin: Weltcup", genre: "Sport"),
            .init(title: "Snooker: UK Championship", genre: "Sport"),
        ],
        "TF1": [
            .init(title: "Le 20H", genre: "News"), .init(title: "Koh-Lanta", genre: "Reality"),
            .init(title: "Ninja Warrior", genre: "Entertainment"), .init(title: "Les Feux de l'amour", genre: "Soap"),
            .init(title: "HPI", genre: "Crime"),
        ],
        "France 2": [
            .init(title: "Journal de 20 heures", genre: "News"), .init(title: "Fort Boyard", genre: "Entertainment"),
            .init(title: "Un si grand soleil", genre: "Soap"), .init(title: "Envoyé spécial", genre: "Documentary"),
            .init(title: "N'oubliez pas les paroles !", genre: "Entertainment"),
        ],
        "France 5": [
            .init(title: "C dans l'air", genre: "Talk"), .init(title: "La Maison France 5", genre: "Magazine"),
            .init(title: "Échappées belles", genre: "Travel"),
        ],
        "Canal+": [
            .init(title: "Top 14 : le multiplex", genre: "Sport"),
            .init(title: "Le Bureau des légendes", genre: "Drama"),
            .init(title: "Canal Football Club", genre: "Sport"),
        ],
        "TV5Monde": [
            .init(title: "Le Journal", genre: "News"), .init(title: "Destination Francophonie", genre: "Travel"),
        ],
        "BBC One": [
            .init(title: "BBC News at Six", genre: "News"), .init(title: "EastEnders", genre: "Soap"),
            .init(title: "Doctor Who", genre: "Sci-fi"), .init(title: "Match of the Day", genre: "Sport"),
            .init(title: "Strictly Come Dancing", genre: "Entertainment"),
        ],
        "RTÉ One": [
            .init(title: "RTÉ News: Six One", genre: "News"), .init(title: "Fair City", genre: "Soap"),
            .init(title: "The Late Late Show", genre: "Talk"),
            .init(title: "Ireland's Fittest Family", genre: "Reality"),
        ],
        "Sky Sports Premier League": [
            .init(title: "Premier League: Live", genre: "Sport"), .init(title: "Monday Night Football", genre: "Sport"),
        ],
        "NHK World-Japan": [
            .init(title: "NHK Newsline", genre: "News"), .init(title: "Japanology Plus", genre: "Documentary"),
            .init(title: "Dining with the Chef", genre: "Cooking"), .init(title: "Journeys in Japan", genre: "Travel"),
        ],
        "NHK World Premium": [
            .init(title: "ニュース7", genre: "News"), .init(title: "大相撲中継", genre: "Sport"),
            .init(title: "ダーウィンが来た！", genre: "Documentary"), .init(title: "鶴瓶の家族に乾杯", genre: "Entertainment"),
            .init(title: "連続テレビ小説", genre: "Drama"), .init(title: "きょうの料理", genre: "Cooking"),
        ],
    ]

    /// Used when a channel has no programme list (never in the shipped data).
    static let fallbackProgramme = DemoProgramme(title: "Programme", genre: "Entertainment")

    /// How long a programme of a genre is usually watched, in seconds (always within 5 minutes to 3 hours).
    static func durationRange(genre: String) -> ClosedRange<Int> {
        switch genre {
        case "News": return 600...2_700
        case "Film": return 5_400...10_800
        case "Sport": return 3_000...10_800
        case "Kids", "Magazine": return 600...2_400
        case "Soap", "Cooking": return 1_200...2_700
        case "Documentary", "Science", "Travel": return 1_800...3_600
        default: return 1_500...5_400
        }
    }

    /// The shortest and longest viewing event, in seconds.
    static let viewingDurationBounds: ClosedRange<Int> = 300...10_800

    /// How much each local hour of the day is watched (evening peak), weekdays.
    static let weekdayHourWeights = [3, 1, 0, 0, 0, 0, 1, 2, 2, 1, 1, 2, 3, 3, 2, 2, 3, 5, 9, 14, 16, 15, 10, 6]
    /// How much each local hour of the day is watched at weekends (more daytime viewing).
    static let weekendHourWeights = [4, 2, 1, 0, 0, 0, 0, 1, 2, 4, 5, 5, 5, 5, 5, 6, 7, 8, 10, 14, 16, 15, 11, 7]

    /// Screens the navigation events name.
    static let screens = [
        "home", "guide", "channel-list", "search", "catch-up", "recordings", "favourites", "settings",
        "account", "privacy-dashboard",
    ]
    /// Features the feature events name.
    static let features = [
        "catch-up-playback", "start-recording", "add-favourite", "subtitles-on", "audio-language-changed",
        "picture-in-picture", "parental-pin-changed", "restart-programme", "cast-to-tv", "sleep-timer",
    ]
    /// Why a session ended.
    static let signOutReasons = ["signed out", "session expired", "signed out on another device"]
    /// Why a sign-in failed.
    static let signInFailures = ["wrong password", "wrong password", "expired one-time code"]

    /// A technical log line for a level, with numbers from the dice.
    static func logMessage(level: String, channel: String, dice: DemoDice) -> (component: String, message: String) {
        switch level {
        case "metric":
            return dice.pick([
                ("player", "startup time \(dice.tenths(6...48)) s on \(channel)"),
                ("player", "buffering ratio \(dice.tenths(0...25)) % over \(dice.int(12...140)) min"),
                ("cdn", "average bitrate \(dice.tenths(25...160)) Mbit/s from edge fra-\(dice.int(1...4))"),
                ("app", "cold start \(dice.int(700...3200)) ms, memory \(dice.int(90...310)) MB"),
            ])
        case "info":
            return dice.pick([
                ("player", "switched to 1080p after bandwidth probe"),
                ("epg", "programme guide refreshed (\(dice.int(280...340)) channels)"),
                ("app", "resumed from background after \(dice.int(2...90)) min"),
                ("auth", "session refreshed"),
            ])
        case "warning":
            return dice.pick([
                ("player", "rebuffering for \(dice.tenths(12...95)) s on \(channel)"),
                ("player", "hardware decoder unavailable; fell back to software decoding"),
                (
                    "cdn",
                    "edge fra-\(dice.int(1...4)) slow (\(dice.int(800...2600)) ms); retried on ams-\(dice.int(1...3))"
                ),
                ("epg", "guide data for \(channel) arrived \(dice.int(2...40)) min late"),
            ])
        default:
            return dice.pick([
                ("player", "HTTP 403 from edge server: playback token expired"),
                ("player", "stream for \(channel) stopped: decoder error 0x\(dice.hex(4))"),
                ("auth", "refresh token rejected; subscriber asked to sign in again"),
                ("app", "crash in guide view (build \(dice.int(4100...4399)))"),
            ])
        }
    }

    /// Log lines kept past 90 days because a security investigation holds them.
    static func heldLogMessage(case reference: String, dice: DemoDice) -> (
        level: String, component: String, message: String
    ) {
        dice.pick([
            (
                "warning", "auth",
                "\(dice.int(6...14)) failed sign-ins within 10 minutes from 203.0.113.\(dice.int(2...250)); held for investigation \(reference)"
            ),
            (
                "error", "auth",
                "sign-in from an unrecognised device fingerprint blocked; held for investigation \(reference)"
            ),
            (
                "warning", "player",
                "same account streaming from 2 countries at once (198.51.100.\(dice.int(2...250))); held for investigation \(reference)"
            ),
        ])
    }

    /// Stream quality a measured speed allows.
    static func streamQuality(mbps: Double) -> String {
        switch mbps {
        case 40...: return "2160p"
        case 12..<40: return "1080p"
        case 6..<12: return "720p"
        default: return "480p"
        }
    }

    /// What a monthly payment is called on the statement.
    static func subscriptionDescription(month: String) -> String { "Premium plan, monthly fee \(month)" }
    /// The monthly price before the price change, in cents.
    static let formerPriceCents: Int64 = 1_299
    /// The monthly price after the price change, in cents.
    static let currentPriceCents: Int64 = 1_499
    /// How many months ago the price changed.
    static let priceChangeMonthsAgo = 8
}
