public import Foundation

/// The receipt of a lifted restriction: the category is used again as the policy describes, and the
/// restriction request's timeline records when.
public struct RestrictionLift: Sendable, Equatable {
    /// The reference of the restriction request the lift is recorded on, if the restriction had one.
    public let reference: String?
    /// The account concerned.
    public let accountId: Int64
    /// The category's catalogue id.
    public let categoryId: String
    /// When the restriction was lifted.
    public let liftedAt: Date
}
