public import Foundation
public import PrivacyModel

/// The facts every test shares, written once: the instant tests start at and scrypt cheap enough to run often.
public enum TestDefaults {
    /// 2026-11-29 09:00:00 UTC, the instant tests start at.
    public static let start = Date(timeIntervalSince1970: 1_795_942_800)
    /// scrypt cheap enough for tests (the product uses ln=14, r=8, p=5).
    public static let cheapScrypt = ScryptParameters(ln: 4, r: 8, p: 1)
    /// The seed the demo data is drawn from, as `privacy-dashboard demo seed` uses by default.
    public static let demoSeed: UInt64 = 2026
}
