import PrivacyModel

extension RequestWizard {
    /// The steps as numbered on screen; the raw value is the step number shown.
    enum Step: Int, CaseIterable {
        /// Choose the right.
        case right = 1
        /// Choose what it targets.
        case scope
        /// The correction's new value, or a note.
        case details
        /// Re-enter the password.
        case identity
        /// The filed request's reference and deadlines.
        case receipt
    }

    /// Where the wizard stands, with what only that step needs.
    enum Stage {
        /// Choosing the right.
        case right
        /// Choosing the scope, or (with a duplicate) showing the open request found for it.
        case scope(duplicate: OpenDuplicate?)
        /// Typing the details (the form itself is kept by the wizard across steps).
        case details
        /// Re-entering the password; `isChecking` is set by Enter, and the check runs once the frame saying
        /// so is shown.
        case identity(password: TextField, isChecking: Bool)
        /// The identity was confirmed and the right is being carried out in steps (shown as step 4).
        case working(SteppedWork, effect: RequestEffect)
        /// The request filed (or carried out), with what carrying it out did.
        case receipt(RightsRequest, outcome: FulfilmentWork)

        /// The identity step with nothing typed.
        static var emptyIdentity: Stage {
            .identity(
                password: TextField(masked: true, maxLength: AccountService.maximumPasswordBytes), isChecking: false)
        }

        /// The step number and name this stage is shown under.
        var step: Step {
            switch self {
            case .right: .right
            case .scope: .scope
            case .details: .details
            case .identity, .working: .identity
            case .receipt: .receipt
            }
        }
    }

    /// An open request for the chosen right and scope, shown instead of going on.
    struct OpenDuplicate {
        /// The open request.
        let request: RightsRequest
        /// Whether Enter goes on and carries that open request out (rather than showing it).
        let carriesOut: Bool
    }
}
