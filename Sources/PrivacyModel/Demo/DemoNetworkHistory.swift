import GRDB

/// Writes a subscriber's devices, connection records and the approximate locations derived from them.
enum DemoNetworkHistory {
    /// How many days back connections reach (inside their 6-month retention).
    static let connectionDays = 175

    /// Inserts the persona's devices with first and last seen times; retired ones were last seen months ago.
    static func writeDevices(
        _ db: Database, accountId: Int64, persona: DemoPersona, timeline: DemoTimeline, dice: DemoDice
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO device (accountId, deviceType, operatingSystem, client, firstSeenAt, lastSeenAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        let day = DemoTimeline.day
        for (index, device) in persona.devices.enumerated() {
            let lastSeen = timeline.time(
                daysAgo: device.retired ? dice.int(150...300) : dice.int(0...4),
                hourWeights: DemoVocabulary.weekdayHourWeights, dice: dice)
            let firstSeen: Int64
            if index == 0 {
                firstSeen = timeline.openedAt + Int64(dice.int(600...7_200))
            } else {
                let latest = max(timeline.openedAt + day, lastSeen - 30 * day)
                firstSeen = timeline.openedAt + Int64(dice.int(0...Int(latest - timeline.openedAt)))
            }
            try statement.execute(arguments: [
                accountId, device.type, device.operatingSystem, device.client, firstSeen, max(firstSeen, lastSeen),
            ])
        }
    }

    /// Inserts connection records for most evenings of the last months, and a location whenever the address changes or a week has passed.
    ///
    /// `connections` and `locations` say which of the two may be recorded (the same dice run either way).
    static func writeConnections(
        _ db: Database, accountId: Int64, persona: DemoPersona, timeline: DemoTimeline, dice: DemoDice,
        connections: Bool, locations: Bool
    ) throws {
        let connection = try db.cachedStatement(
            sql: """
                INSERT INTO connection_record (accountId, recordedAt, ipAddress, downloadMbps, streamQuality, stabilityPercent)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        let location = try db.cachedStatement(
            sql: """
                INSERT INTO location_record (accountId, recordedAt, country, region, city, ipAddress)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        var trip: (place: DemoPlace, address: String, daysLeft: Int)?
        let ipv6Base = dice.int(1...0xfff)
        var lastLocation: (address: String, at: Int64)?
        for daysAgo in stride(from: connectionDays, through: 1, by: -1) {
            if trip == nil, dice.chance(0.03) {
                trip = (
                    dice.pick(persona.travel), persona.mobileIPv4Prefix + String(dice.int(2...254)), dice.int(2...5)
                )
            }
            guard trip != nil || dice.chance(0.75) else { continue }
            let times = (0..<dice.int(1...3)).map { _ in
                timeline.time(daysAgo: daysAgo, hourWeights: DemoVocabulary.weekdayHourWeights, dice: dice)
            }.sorted()
            for time in times {
                let place: DemoPlace
                let address: String
                let mobile: Bool
                if let current = trip {
                    (place, address, mobile) = (current.place, current.address, true)
                } else if dice.chance(0.15) {
                    (place, address, mobile) = (
                        persona.home, persona.mobileIPv4Prefix + String(dice.int(2...254)), true
                    )
                } else if dice.chance(0.35) {
                    // The home router keeps its IPv6 interface address for about a month.
                    let host = String((ipv6Base + daysAgo / 30 * 0x2b7) % 0xfff + 1, radix: 16)
                    (place, address, mobile) = (persona.home, persona.homeIPv6Prefix + host, false)
                } else {
                    let pool = persona.homeIPv4
                    (place, address, mobile) = (persona.home, pool[(daysAgo / 60) % pool.count], false)
                }
                let mbps: Double =
                    mobile
                    ? dice.tenths(50...600) : (dice.chance(0.08) ? dice.tenths(30...150) : dice.tenths(350...2_500))
                let stability = mobile ? dice.int(58...97) : dice.int(86...100)
                if connections {
                    try connection.execute(arguments: [
                        accountId, time, address, mbps, DemoVocabulary.streamQuality(mbps: mbps), stability,
                    ])
                }
                if lastLocation?.address != address || time - (lastLocation?.at ?? 0) >= 7 * DemoTimeline.day {
                    if locations {
                        try location.execute(arguments: [
                            accountId, time, place.country, place.region, place.city, address,
                        ])
                    }
                    lastLocation = (address, time)
                }
            }
            if let current = trip {
                trip = current.daysLeft > 1 ? (current.place, current.address, current.daysLeft - 1) : nil
            }
        }
    }
}
