public import Foundation

/// The receipt of a withdrawn objection: the objection request it ends (whose timeline records it) and the
/// consent receipt of the preference switched back on.
public struct ObjectionWithdrawal: Sendable, Equatable {
    /// The reference of the objection request that was withdrawn.
    public let reference: String
    /// The account concerned.
    public let accountId: Int64
    /// The purpose no longer objected to.
    public let purposeId: String
    /// When the objection was withdrawn.
    public let withdrawnAt: Date
    /// The consent receipt of the preference switched on, or nil when it already was on.
    public let receipt: ConsentReceipt?
}
