public import Foundation

/// Why a staff account, sign-in or staff action was refused, in words staff (or the box's administrator) can act on.
public enum StaffError: UserFacingError, Equatable {
    /// The role does not allow the action (see `StaffPermissions`).
    case notPermitted(role: StaffRole, action: StaffAction)
    /// A subscriber's data was asked for without a reason.
    case reasonRequired
    /// The ticket reference typed is not 3 to 40 letters, digits or `-_#/.`.
    case invalidTicket
    /// The request given as the reason is not an open request of this subscriber.
    case requestNotOpenForAccount(reference: String)
    /// `staff bootstrap` on a store that already has staff accounts.
    case alreadyBootstrapped
    /// A staff account already has this username.
    case usernameTaken(String)
    /// A username must be 3 to 32 lower-case letters, digits, `.`, `-` or `_`.
    case invalidUsername(String)
    /// A display name must be 1 to 80 printable characters.
    case invalidDisplayName
    /// No staff account has this username.
    case notFound(String)
    /// The username, password or code is wrong (deliberately not saying which).
    case invalidCredentials
    /// Too many failed sign-ins: no attempt is checked until then.
    case locked(until: Date)
    /// The account has not finished enrolling its authenticator.
    case notEnrolled
    /// The account was disabled by an owner.
    case disabled
    /// The code was already used for a sign-in (a replay).
    case codeReused
    /// The same member of staff filed or started the request and now tries to approve it.
    case sameStaffMember
    /// The last active owner cannot be disabled or given another role.
    case lastOwner
    /// The kept sign-in has expired or was never made; sign in again.
    case sessionExpired
    /// Enrolment was asked for on an account whose authenticator is already set up.
    case alreadyEnrolled
    /// The first password was typed by an owner: a new one must be chosen before enrolling.
    case newPasswordRequired
    /// A request filed on a subscriber's behalf names a channel other than email, chat, phone or post.
    case unknownBehalfChannel(String)
    /// A request filed on a subscriber's behalf names no channel at all.
    case behalfChannelRequired
    /// A subscriber's password is reset only with one of their open requests whose identity check is done.
    case identityNotVerified

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .notPermitted, .sameStaffMember, .lastOwner, .disabled, .locked, .invalidCredentials, .codeReused,
            .sessionExpired, .notEnrolled, .identityNotVerified:
            return .permission
        case .reasonRequired, .invalidTicket, .invalidUsername, .invalidDisplayName, .unknownBehalfChannel,
            .behalfChannelRequired:
            return .usage
        case .notFound: return .noInput
        case .requestNotOpenForAccount, .alreadyBootstrapped, .usernameTaken: return .dataError
        case .alreadyEnrolled: return .dataError
        case .newPasswordRequired: return .usage
        }
    }
}

extension StaffError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .notPermitted(let role, let action):
            return UserFacingMessage(
                "error.staff.notPermitted",
                [
                    "role": .term("error.term.role.\(role.rawValue)"),
                    "action": .term("error.term.staffAction.\(action.rawValue)"),
                ])
        case .reasonRequired: return UserFacingMessage("error.staff.reasonRequired")
        case .invalidTicket: return UserFacingMessage("error.staff.invalidTicket")
        case .requestNotOpenForAccount(let reference):
            return UserFacingMessage("error.staff.requestNotOpen", ["reference": .text(reference)])
        case .alreadyBootstrapped: return UserFacingMessage("error.staff.alreadyBootstrapped")
        case .usernameTaken(let name): return UserFacingMessage("error.staff.usernameTaken", ["name": .text(name)])
        case .invalidUsername(let name):
            return UserFacingMessage("error.staff.invalidUsername", ["name": .text(name)])
        case .invalidDisplayName: return UserFacingMessage("error.staff.invalidDisplayName")
        case .notFound(let name): return UserFacingMessage("error.staff.notFound", ["name": .text(name)])
        case .invalidCredentials: return UserFacingMessage("error.staff.invalidCredentials")
        case .locked(let until): return UserFacingMessage("error.staff.locked", ["until": .instant(until)])
        case .notEnrolled: return UserFacingMessage("error.staff.notEnrolled")
        case .disabled: return UserFacingMessage("error.staff.disabled")
        case .codeReused: return UserFacingMessage("error.staff.codeReused")
        case .sameStaffMember: return UserFacingMessage("error.staff.sameStaffMember")
        case .lastOwner: return UserFacingMessage("error.staff.lastOwner")
        case .sessionExpired: return UserFacingMessage("error.staff.sessionExpired")
        case .alreadyEnrolled: return UserFacingMessage("error.staff.alreadyEnrolled")
        case .newPasswordRequired: return UserFacingMessage("error.staff.newPasswordRequired")
        case .unknownBehalfChannel(let channel):
            return UserFacingMessage("error.staff.unknownBehalfChannel", ["channel": .text(channel)])
        case .behalfChannelRequired: return UserFacingMessage("error.staff.behalfChannelRequired")
        case .identityNotVerified: return UserFacingMessage("error.staff.identityNotVerified")
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        let roles = StaffRole.allCases
        let refusals = StaffAction.allCases.enumerated().map { index, action in
            Self.notPermitted(role: roles[index % roles.count], action: action)
        }
        return refusals + [
            .reasonRequired, .invalidTicket,
            .requestNotOpenForAccount(reference: "PD-0000"), .alreadyBootstrapped, .usernameTaken("x"),
            .invalidUsername("x"), .invalidDisplayName, .notFound("x"), .invalidCredentials,
            .locked(until: Date(timeIntervalSince1970: 0)), .notEnrolled, .disabled, .codeReused, .sameStaffMember,
            .lastOwner, .sessionExpired, .alreadyEnrolled, .newPasswordRequired, .unknownBehalfChannel("fax"),
            .behalfChannelRequired, .identityNotVerified,
        ]
    }
}
