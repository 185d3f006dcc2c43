public import Foundation

/// Gives PrivacyModel the bundle that holds the files under `Resources/`.
public enum PrivacyResources {
    /// The bundle with the policy catalogue and other data files.
    public static var bundle: Bundle { Bundle.module }
}
