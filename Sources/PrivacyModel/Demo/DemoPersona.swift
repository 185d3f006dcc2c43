/// A device a demo subscriber watches on, as the device table records it.
struct DemoDevice {
    /// Device type ("Smart TV", "iPhone", ...).
    let type: String
    /// Operating system with its version.
    let operatingSystem: String
    /// App or browser with its version.
    let client: String
    /// True for a device no longer used (last seen months ago).
    let retired: Bool
}

/// An approximate place an IP address points to.
struct DemoPlace {
    /// ISO 3166-1 alpha-2 country.
    let country: String
    /// Region or state.
    let region: String
    /// City.
    let city: String
}

/// A card on file: brand and how long ago it was added (the newest card has the smallest age).
struct DemoCard {
    /// Card brand.
    let brand: String
    /// Months before now the card was added.
    let addedMonthsAgo: Int
    /// Months after now the card expires (negative: already expired).
    let expiresInMonths: Int
}

/// Everything that shapes one demo subscriber's data besides their identity: places, devices, habits.
struct DemoPersona {
    /// The public identity.
    let subscriber: DemoSubscriber
    /// Region of the home city.
    let region: String
    /// Phone for WhatsApp support (fictional ranges), or nil when none is on file.
    let phone: String?
    /// The local time zone's offset from UTC in seconds (standard time; daylight saving is ignored).
    let utcOffsetSeconds: Int64
    /// How support staff address them.
    let salutation: String
    /// Home IPv4 addresses the provider hands out over time (documentation ranges).
    let homeIPv4: [String]
    /// The first three octets (with the dot) of the mobile network's addresses.
    let mobileIPv4Prefix: String
    /// The home IPv6 /64 prefix (2001:db8::/32), ending in "::".
    let homeIPv6Prefix: String
    /// Places away from home their connections sometimes come from.
    let travel: [DemoPlace]
    /// Devices, the first one in use since the account opened.
    let devices: [DemoDevice]
    /// Channel names with how often they are watched.
    let channels: [(String, Int)]
    /// Cards on file, oldest first.
    let cards: [DemoCard]
    /// The share of the default viewing history compared with the first subscriber.
    let viewingShare: Double
    /// Hours after the two-year mark the account was opened (under 4 days, before the viewing history starts).
    let openingOffsetHours: Int

    /// The home place.
    var home: DemoPlace { DemoPlace(country: subscriber.country, region: region, city: subscriber.city) }

    /// The personas in the order of `DemoSubscriber.all`.
    static let all: [DemoPersona] = [
        DemoPersona(
            subscriber: .lena, region: "Nordrhein-Westfalen", phone: "+49 30 23125 417", utcOffsetSeconds: 3600,
            salutation: "Frau Müller",
            homeIPv4: ["198.51.100.23", "198.51.100.87", "198.51.100.154"], mobileIPv4Prefix: "203.0.113.",
            homeIPv6Prefix: "2001:db8:4c1a:10::",
            travel: [
                DemoPlace(country: "DE", region: "Bayern", city: "München"),
                DemoPlace(country: "DE", region: "Hamburg", city: "Hamburg"),
            ],
            devices: [
                DemoDevice(
                    type: "Smart TV", operatingSystem: "Samsung Tizen 7.0", client: "Smarters Pro TV 4.3.2",
                    retired: false),
                DemoDevice(type: "iPhone", operatingSystem: "iOS 18.2", client: "Smarters Pro 5.1.4", retired: false),
                DemoDevice(type: "Web browser", operatingSystem: "Windows 11", client: "Firefox 133.0", retired: false),
                DemoDevice(
                    type: "Fire TV Stick", operatingSystem: "Fire OS 7.6.6.8", client: "Smarters Pro TV 3.9.0",
                    retired: true),
            ],
            channels: [
                ("Das Erste", 6), ("ZDF", 6), ("arte", 3), ("Sky Sport Bundesliga", 4), ("ProSieben", 2),
                ("Eurosport 1", 2), ("KiKA", 1), ("BBC One", 1),
            ],
            cards: [
                DemoCard(brand: "Visa", addedMonthsAgo: 25, expiresInMonths: -10),
                DemoCard(brand: "Mastercard", addedMonthsAgo: 11, expiresInMonths: 37),
            ],
            viewingShare: 1.0, openingOffsetHours: 26),
        DemoPersona(
            subscriber: .elodie, region: "Auvergne-Rhône-Alpes", phone: "+33 6 39 98 42 17", utcOffsetSeconds: 3600,
            salutation: "Madame Fournier",
            homeIPv4: ["192.0.2.41", "192.0.2.112"], mobileIPv4Prefix: "203.0.113.",
            homeIPv6Prefix: "2001:db8:7f02:3::",
            travel: [
                DemoPlace(country: "FR", region: "Île-de-France", city: "Paris"),
                DemoPlace(country: "FR", region: "Provence-Alpes-Côte d'Azur", city: "Marseille"),
            ],
            devices: [
                DemoDevice(
                    type: "Android TV", operatingSystem: "Android TV 12 (Sony Bravia)", client: "Smarters Pro TV 4.3.2",
                    retired: false),
                DemoDevice(
                    type: "Android phone", operatingSystem: "Android 14 (Pixel 8)", client: "Smarters Pro 5.1.4",
                    retired: false),
                DemoDevice(type: "Web browser", operatingSystem: "macOS 14.6", client: "Safari 17.6", retired: false),
            ],
            channels: [
                ("TF1", 5), ("France 2", 6), ("France 5", 3), ("arte", 4), ("Canal+", 3), ("TV5Monde", 1),
                ("Eurosport 1", 2),
            ],
            cards: [DemoCard(brand: "Carte Bancaire", addedMonthsAgo: 24, expiresInMonths: 20)],
            viewingShare: 0.5, openingOffsetHours: 43),
        DemoPersona(
            subscriber: .haruto, region: "Nordrhein-Westfalen", phone: "+49 30 23125 982", utcOffsetSeconds: 3600,
            salutation: "佐藤様",
            homeIPv4: ["198.51.100.142", "198.51.100.201"], mobileIPv4Prefix: "203.0.113.",
            homeIPv6Prefix: "2001:db8:be11:7::",
            travel: [
                DemoPlace(country: "DE", region: "Nordrhein-Westfalen", city: "Köln"),
                DemoPlace(country: "DE", region: "Berlin", city: "Berlin"),
            ],
            devices: [
                DemoDevice(
                    type: "Fire TV Stick", operatingSystem: "Fire OS 8.1.0.3", client: "Smarters Pro TV 4.3.1",
                    retired: false),
                DemoDevice(type: "iPhone", operatingSystem: "iOS 17.6", client: "Smarters Pro 5.0.9", retired: false),
                DemoDevice(type: "iPad", operatingSystem: "iPadOS 18.1", client: "Smarters Pro 5.1.4", retired: false),
                DemoDevice(type: "Web browser", operatingSystem: "Ubuntu 24.04", client: "Chrome 131.0", retired: true),
            ],
            channels: [
                ("NHK World Premium", 7), ("NHK World-Japan", 4), ("Das Erste", 2), ("Eurosport 1", 2),
                ("Sky Sport Bundesliga", 2), ("arte", 1),
            ],
            cards: [
                DemoCard(brand: "JCB", addedMonthsAgo: 24, expiresInMonths: 14),
                DemoCard(brand: "Visa", addedMonthsAgo: 6, expiresInMonths: 42),
            ],
            viewingShare: 0.3, openingOffsetHours: 58),
        DemoPersona(
            subscriber: .siobhan, region: "Leinster", phone: nil, utcOffsetSeconds: 0,
            salutation: "Siobhán",
            homeIPv4: ["192.0.2.188", "192.0.2.9"], mobileIPv4Prefix: "198.51.100.",
            homeIPv6Prefix: "2001:db8:1e0c:42::",
            travel: [
                DemoPlace(country: "IE", region: "Munster", city: "Cork"),
                DemoPlace(country: "IE", region: "Connacht", city: "Galway"),
            ],
            devices: [
                DemoDevice(
                    type: "Smart TV", operatingSystem: "LG webOS 23", client: "Smarters Pro TV 4.2.8", retired: false),
                DemoDevice(
                    type: "Android phone", operatingSystem: "Android 13 (Galaxy S22)", client: "Smarters Pro 5.1.2",
                    retired: false),
                DemoDevice(type: "Web browser", operatingSystem: "Windows 10", client: "Edge 131.0", retired: false),
            ],
            channels: [
                ("RTÉ One", 6), ("BBC One", 5), ("Sky Sports Premier League", 3), ("Eurosport 1", 2),
                ("TV5Monde", 1),
            ],
            cards: [DemoCard(brand: "Mastercard", addedMonthsAgo: 24, expiresInMonths: 28)],
            viewingShare: 0.16, openingOffsetHours: 81),
    ]
}
