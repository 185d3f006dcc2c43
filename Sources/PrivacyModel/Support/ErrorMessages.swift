// The translatable form of every model error: a key in Resources/strings/<language>/errors.json and the
// values for its placeholders. Each error's `description` is its English entry (see ErrorDescription.swift).
import Foundation

/// Every error type the model raises with a keyed message, so tests can walk all of their cases.
public enum ModelErrors {
    /// One value of every case of every model error.
    public static var examples: [any KeyedUserFacingError] {
        var errors: [any KeyedUserFacingError] = []
        errors += AccountError.examples.map { $0 as any KeyedUserFacingError }
        errors += ProfileCorrectionError.examples.map { $0 as any KeyedUserFacingError }
        errors += PasswordChangeError.examples.map { $0 as any KeyedUserFacingError }
        errors += PasswordHashError.examples.map { $0 as any KeyedUserFacingError }
        errors += PolicyAcknowledgementError.examples.map { $0 as any KeyedUserFacingError }
        errors += PreferenceError.examples.map { $0 as any KeyedUserFacingError }
        errors += StoreError.examples.map { $0 as any KeyedUserFacingError }
        errors += RecordCorrectionError.examples.map { $0 as any KeyedUserFacingError }
        errors += AccountDeletionError.examples.map { $0 as any KeyedUserFacingError }
        errors += ErasureError.examples.map { $0 as any KeyedUserFacingError }
        errors += RestrictionError.examples.map { $0 as any KeyedUserFacingError }
        errors += ExportError.examples.map { $0 as any KeyedUserFacingError }
        errors += SharedBoxError.examples.map { $0 as any KeyedUserFacingError }
        errors += DownloadError.examples.map { $0 as any KeyedUserFacingError }
        errors += DemoSeederError.examples.map { $0 as any KeyedUserFacingError }
        errors += RequestError.examples.map { $0 as any KeyedUserFacingError }
        errors += StaffError.examples.map { $0 as any KeyedUserFacingError }
        errors += BreachError.examples.map { $0 as any KeyedUserFacingError }
        errors += PolicyVersionError.examples.map { $0 as any KeyedUserFacingError }
        return errors
    }
}

extension AccountError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .invalidEmail(let email): return UserFacingMessage("error.account.invalidEmail", ["email": .text(email)])
        case .invalidUsername(let name):
            return UserFacingMessage("error.account.invalidUsername", ["name": .text(name)])
        case .invalidName(.empty): return UserFacingMessage("error.account.nameEmpty")
        case .invalidName(.tooLong(let limit)):
            return UserFacingMessage("error.account.nameTooLong", ["limit": .number(limit)])
        case .invalidName(.controlCharacters): return UserFacingMessage("error.account.nameControls")
        case .invalidBirthdate(let text):
            return UserFacingMessage("error.account.invalidBirthdate", ["text": .text(text)])
        case .birthdateInFuture(let text):
            return UserFacingMessage("error.account.birthdateInFuture", ["text": .text(text)])
        case .birthdateTooEarly(let text, let year):
            return UserFacingMessage(
                "error.account.birthdateTooEarly", ["text": .text(text), "year": .text(String(year))])
        case .underage(let age): return UserFacingMessage("error.account.underage", ["age": .number(age)])
        case .emailTaken(let email): return UserFacingMessage("error.account.emailTaken", ["email": .text(email)])
        case .emailUnavailable: return UserFacingMessage("error.account.emailUnavailable")
        case .usernameTaken(let name): return UserFacingMessage("error.account.usernameTaken", ["name": .text(name)])
        case .weakPassword(let length):
            return UserFacingMessage("error.account.weakPassword", ["length": .number(length)])
        case .passwordIsUsername: return UserFacingMessage("error.account.passwordIsUsername")
        case .passwordIsEmail: return UserFacingMessage("error.account.passwordIsEmail")
        case .notFound(let who): return UserFacingMessage("error.account.notFound", ["who": .text(who)])
        case .notActive(let who): return UserFacingMessage("error.account.notActive", ["who": .text(who)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .invalidEmail("x"), .invalidUsername("x"), .invalidName(.empty), .invalidName(.tooLong(limit: 200)),
            .invalidName(.controlCharacters), .invalidBirthdate("x"), .birthdateInFuture("x"),
            .birthdateTooEarly("x", earliestYear: 1900), .underage(minimumAge: 18), .emailTaken("x"), .emailUnavailable,
            .usernameTaken("x"), .weakPassword(minimumLength: 12), .passwordIsUsername, .passwordIsEmail,
            .notFound("x"), .notActive("x"),
        ]
    }
}

extension ProfileCorrectionError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .notSelfCorrectable(let field):
            return UserFacingMessage("error.profile.notSelfCorrectable", ["field": .text(field)])
        case .unchanged: return UserFacingMessage("error.profile.unchanged")
        case .emptyValue: return UserFacingMessage("error.profile.emptyValue")
        case .tooLong(let limit): return UserFacingMessage("error.profile.tooLong", ["limit": .number(limit)])
        case .invalidPhone(let text): return UserFacingMessage("error.profile.invalidPhone", ["text": .text(text)])
        case .invalidCountry(let text):
            return UserFacingMessage("error.profile.invalidCountry", ["text": .text(text)])
        case .changedMeanwhile: return UserFacingMessage("error.profile.changedMeanwhile")
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .notSelfCorrectable("birthdate"), .unchanged, .emptyValue, .tooLong(limit: 32), .invalidPhone("x"),
            .invalidCountry("x"), .changedMeanwhile,
        ]
    }
}

extension PasswordChangeError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .wrongCurrentPassword: return UserFacingMessage("error.password.wrongCurrent")
        case .mismatch: return UserFacingMessage("error.password.mismatch")
        case .sameAsCurrent: return UserFacingMessage("error.password.sameAsCurrent")
        case .locked(let until): return UserFacingMessage("error.password.locked", ["until": .instant(until)])
        case .changedMeanwhile: return UserFacingMessage("error.password.changedMeanwhile")
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        let day = Date(timeIntervalSince1970: 1_795_942_800)
        return [.wrongCurrentPassword, .mismatch, .sameAsCurrent, .locked(until: day), .changedMeanwhile]
    }
}

extension PasswordHashError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .malformed: return UserFacingMessage("error.passwordHash.malformed")
        case .unsupportedParameters(let text):
            return UserFacingMessage("error.passwordHash.unsupportedParameters", ["parameters": .text(text)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [.malformed, .unsupportedParameters("ln=99")]
    }
}

extension PolicyAcknowledgementError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .notCurrent(let version, let current):
            return UserFacingMessage(
                "error.policy.notCurrent", ["version": .text(version), "current": .text(current)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [.notCurrent(version: "1", current: "2")]
    }
}

extension PreferenceError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .unknownPreference(let id): return UserFacingMessage("error.preference.unknown", ["id": .text(id)])
        case .locked(_, let name, let reason):
            return UserFacingMessage("error.preference.locked", ["name": .text(name), "reason": .text(reason)])
        case .objectionStands(let id, let purpose):
            return UserFacingMessage(
                "error.preference.objectionStands",
                [
                    "preference": .catalogue(["preference.\(id).name"]),
                    "purpose": .catalogue(["purpose.\(purpose).name"]),
                ])
        case .accountNotFound(let id): return UserFacingMessage("error.accountId.notFound", ["id": .number(Int(id))])
        case .accountNotActive(let id):
            return UserFacingMessage("error.preference.accountNotActive", ["id": .number(Int(id))])
        case .invalidChannel(let channel):
            return UserFacingMessage("error.preference.invalidChannel", ["channel": .text(channel)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .unknownPreference("x"), .locked(id: "a", name: "A", reason: "r"),
            .objectionStands(id: "cookies.analytics", purpose: "service-improvement"), .accountNotFound(1),
            .accountNotActive(1), .invalidChannel("x"),
        ]
    }
}

extension StoreError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .directoryMissing(let dir): return UserFacingMessage("error.store.directoryMissing", ["path": .text(dir)])
        case .notFound(let path): return UserFacingMessage("error.store.notFound", ["path": .text(path)])
        case .notAStore(let path): return UserFacingMessage("error.store.notAStore", ["path": .text(path)])
        case .corrupt(let path, let detail):
            return UserFacingMessage("error.store.corrupt", ["path": .text(path), "detail": .text(detail)])
        case .newerSchema(let path, let found, let supported):
            return UserFacingMessage(
                "error.store.newerSchema",
                ["path": .text(path), "found": .number(found), "supported": .number(supported)])
        case .readOnly(let path): return UserFacingMessage("error.store.readOnly", ["path": .text(path)])
        case .cannotCreate(let path, let reason):
            return UserFacingMessage("error.store.cannotCreate", ["path": .text(path), "reason": .text(reason)])
        case .busy(let path): return UserFacingMessage("error.store.busy", ["path": .text(path)])
        case .io(let path, let detail):
            return UserFacingMessage("error.store.io", ["path": .text(path), "detail": .text(detail)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .directoryMissing("/d"), .notFound("/s"), .notAStore("/s"), .corrupt("/s", detail: "d"),
            .newerSchema("/s", found: 9, supported: 1), .readOnly("/s"), .cannotCreate("/s", reason: "r"), .busy("/s"),
            .io("/s", detail: "d"),
        ]
    }
}

extension RecordCorrectionError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .unknownRecordSet(let id):
            let known = RecordSetTable.all.filter { !$0.correctable.isEmpty }.map(\.id)
            return UserFacingMessage("error.record.unknownRecordSet", ["id": .text(id), "known": .list(known)])
        case .notCorrectable(let set, let field, let allowed):
            if allowed.isEmpty {
                return set == "account" || set == "profile"
                    ? UserFacingMessage("error.record.profileData", ["set": .text(set)])
                    : UserFacingMessage("error.record.notCorrectable", ["set": .text(set)])
            }
            return UserFacingMessage(
                "error.record.fieldNotCorrectable",
                ["field": .text(field), "set": .text(set), "allowed": .list(allowed)])
        case .recordNotFound(let set, let key):
            return UserFacingMessage("error.record.notFound", ["set": .text(set), "key": .text(String(key))])
        case .emptyValue: return UserFacingMessage("error.record.emptyValue")
        case .invalidValue(let field, let expected):
            return UserFacingMessage("error.record.invalidValue", ["field": .text(field), "expected": .text(expected)])
        case .valueControls(let field): return UserFacingMessage("error.record.valueControls", ["field": .text(field)])
        case .unchanged: return UserFacingMessage("error.record.unchanged")
        case .recordChanged(let reference, let field, let expected, let found):
            return UserFacingMessage(
                "error.record.changed",
                [
                    "reference": .text(reference), "field": .text(field), "expected": .text(expected ?? "–"),
                    "found": .text(found ?? "–"),
                ])
        case .recordGone(let reference, let set, let key):
            return UserFacingMessage(
                "error.record.gone", ["reference": .text(reference), "set": .text(set), "key": .text(String(key))])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .unknownRecordSet("x"), .notCorrectable(recordSet: "profile", field: "f", allowed: []),
            .notCorrectable(recordSet: "devices", field: "f", allowed: []),
            .notCorrectable(recordSet: "devices", field: "f", allowed: ["name"]),
            .recordNotFound(recordSet: "devices", key: 3), .emptyValue, .invalidValue(field: "f", expected: "e"),
            .valueControls(field: "f"),
            .unchanged, .recordChanged(reference: "PD-1", field: "f", expected: "a", found: nil),
            .recordGone(reference: "PD-1", recordSet: "devices", key: 3),
        ]
    }
}

extension AccountDeletionError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .accountNotFound(let id): return UserFacingMessage("error.accountId.notFound", ["id": .number(Int(id))])
        case .wrongPassword: return UserFacingMessage("error.deletion.wrongPassword")
        case .locked(let until): return UserFacingMessage("error.deletion.locked", ["until": .instant(until)])
        case .alreadyRequested(let purgeOn):
            return UserFacingMessage("error.deletion.alreadyRequested", ["date": .day(purgeOn)])
        case .alreadyPurged(let id): return UserFacingMessage("error.deletion.alreadyPurged", ["id": .number(Int(id))])
        case .purgeNotDue(let purgeOn):
            return UserFacingMessage("error.deletion.purgeNotDue", ["date": .instant(purgeOn)])
        case .notPendingDeletion(let id):
            return UserFacingMessage("error.deletion.notPending", ["id": .number(Int(id))])
        case .notAnAccountDeletion(let reference):
            return UserFacingMessage("error.deletion.notAnAccountDeletion", ["reference": .text(reference)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        let day = Date(timeIntervalSince1970: 1_795_942_800)
        return [
            .accountNotFound(1), .wrongPassword, .locked(until: day), .alreadyRequested(purgeOn: day),
            .alreadyPurged(1), .purgeNotDue(purgeOn: day), .notPendingDeletion(1),
            .notAnAccountDeletion(reference: "PD-1"),
        ]
    }
}

extension ErasureError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .unknownCategory(let id): return UserFacingMessage("error.category.unknown", ["id": .text(id)])
        case .notErasable(let category):
            return UserFacingMessage("error.erasure.notErasable", ["category": .text(category)])
        case .useAccountDeletion: return UserFacingMessage("error.erasure.useAccountDeletion")
        case .accountNotFound(let id): return UserFacingMessage("error.accountId.notFound", ["id": .number(Int(id))])
        case .accountNotActive(let id):
            return UserFacingMessage("error.erasure.accountNotActive", ["id": .number(Int(id))])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .unknownCategory("x"), .notErasable(category: "x"), .useAccountDeletion, .accountNotFound(1),
            .accountNotActive(1),
        ]
    }
}

extension RestrictionError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .unknownCategory(let id): return UserFacingMessage("error.category.unknown", ["id": .text(id)])
        case .notRestrictable(let category):
            return UserFacingMessage("error.restriction.notRestrictable", ["category": .text(category)])
        case .alreadyRestricted(let category):
            return UserFacingMessage("error.restriction.alreadyRestricted", ["category": .text(category)])
        case .notRestricted(let category):
            return UserFacingMessage("error.restriction.notRestricted", ["category": .text(category)])
        case .unknownPurpose(let id): return UserFacingMessage("error.purpose.unknown", ["id": .text(id)])
        case .notObjectable(let purpose):
            return UserFacingMessage("error.purpose.notObjectable", ["id": .text(purpose)])
        case .notObjecting(let purpose):
            return UserFacingMessage(
                "error.objection.notObjecting", ["purpose": .catalogue(["purpose.\(purpose).name"])])
        case .accountNotFound(let id): return UserFacingMessage("error.accountId.notFound", ["id": .number(Int(id))])
        case .accountNotActive(let id):
            return UserFacingMessage("error.restriction.accountNotActive", ["id": .number(Int(id))])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .unknownCategory("x"), .notRestrictable(category: "x"), .alreadyRestricted(category: "x"),
            .notRestricted(category: "x"), .unknownPurpose("x"), .notObjectable(purpose: "x"),
            .notObjecting(purpose: "marketing"), .accountNotFound(1), .accountNotActive(1),
        ]
    }
}

extension ExportError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .outputExists(let path): return UserFacingMessage("error.export.outputExists", ["path": .text(path)])
        case .earlierOutputAltered(let path):
            return UserFacingMessage("error.export.earlierOutputAltered", ["path": .text(path)])
        case .folderMissing(let path): return UserFacingMessage("error.export.folderMissing", ["path": .text(path)])
        case .folderNotWritable(let path):
            return UserFacingMessage("error.export.folderNotWritable", ["path": .text(path)])
        case .unknownCategory(let id, let known):
            if id.isEmpty { return UserFacingMessage("error.export.noCategory", ["known": .list(known)]) }
            return UserFacingMessage("error.export.unknownCategory", ["id": .text(id), "known": .list(known)])
        case .emptyRange: return UserFacingMessage("error.export.emptyRange")
        case .invalidOutput(let path): return UserFacingMessage("error.export.invalidOutput", ["path": .text(path)])
        case .writeFailed(let path, let reason):
            return UserFacingMessage("error.export.writeFailed", ["path": .text(path), "reason": .text(reason)])
        case .cancelled: return UserFacingMessage("error.export.cancelled")
        case .notFulfillable(let reference, let reason):
            return UserFacingMessage(
                "error.export.notFulfillable", ["reference": .text(reference), "reason": .text(reason)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .outputExists("/o"), .folderMissing("/o"), .folderNotWritable("/o"), .unknownCategory("", known: ["a"]),
            .unknownCategory("x", known: ["a"]), .emptyRange, .invalidOutput("/o"), .writeFailed("/o", reason: "r"),
            .cancelled, .notFulfillable(reference: "PD-1", reason: "r"), .earlierOutputAltered("/o"),
        ]
    }
}

extension SharedBoxError: KeyedUserFacingError {
    /// A box setting is wrong: the program was started wrongly.
    public var kind: FailureKind { .usage }

    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .invalidDestination(let text):
            return UserFacingMessage(
                "error.box.invalidDestination", ["variable": .text(SharedBox.destinationVariable), "text": .text(text)])
        case .relativeExportsFolder(let path):
            return UserFacingMessage(
                "error.box.relativeExportsFolder", ["variable": .text(SharedBox.exportsVariable), "path": .text(path)])
        case .invalidHours(let text, let maximum):
            return UserFacingMessage(
                "error.box.invalidHours",
                ["variable": .text(SharedBox.hoursVariable), "text": .text(text), "maximum": .number(maximum)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [.invalidDestination("a b"), .relativeExportsFolder("x"), .invalidHours("x", maximum: 168)]
    }
}

extension DownloadError: KeyedUserFacingError {
    /// Refusals of a code are permission failures; a terminal on standard output is a usage error.
    public var kind: FailureKind {
        switch self {
        case .notValid, .alreadyUsed, .expired: return .permission
        case .fileGone: return .noInput
        case .outputIsTerminal: return .usage
        }
    }

    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .notValid: return UserFacingMessage("error.download.notValid")
        case .alreadyUsed(let at): return UserFacingMessage("error.download.alreadyUsed", ["at": .instant(at)])
        case .expired(let at): return UserFacingMessage("error.download.expired", ["at": .instant(at)])
        case .fileGone: return UserFacingMessage("error.download.fileGone")
        case .outputIsTerminal: return UserFacingMessage("error.download.outputIsTerminal")
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .notValid, .alreadyUsed(at: Date(epochSeconds: 0)), .expired(at: Date(epochSeconds: 0)), .fileGone,
            .outputIsTerminal,
        ]
    }
}

extension DemoSeederError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .invalidSize(let size, let maximum):
            return UserFacingMessage("error.demo.invalidSize", ["size": .number(size), "maximum": .number(maximum)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [.invalidSize(-1, maximum: 10)]
    }
}

extension RequestError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .rightNotOffered(let right):
            return UserFacingMessage("error.request.rightNotOffered", ["right": .right(right)])
        case .scopeNotAllowed(let right, let scope, let allowed):
            return UserFacingMessage(
                "error.request.scopeNotAllowed",
                ["right": .right(right), "scope": .text(scope.rawValue), "allowed": .list(allowed)])
        case .missingScopeValue(let scope):
            return UserFacingMessage("error.request.missingScopeValue", ["scope": .text(scope.rawValue)])
        case .unexpectedScopeValue(let scope, let value):
            return UserFacingMessage(
                "error.request.unexpectedScopeValue", ["scope": .text(scope.rawValue), "value": .text(value)])
        case .unknownCategory(let id): return UserFacingMessage("error.category.unknown", ["id": .text(id)])
        case .rightNotApplicable(let right, let category):
            return UserFacingMessage(
                "error.request.rightNotApplicable", ["right": .right(right), "category": .text(category)])
        case .useAccountDeletion: return UserFacingMessage("error.erasure.useAccountDeletion")
        case .unknownPurpose(let id): return UserFacingMessage("error.purpose.unknown", ["id": .text(id)])
        case .purposeNotObjectable(let id): return UserFacingMessage("error.purpose.notObjectable", ["id": .text(id)])
        case .unknownFormat(let id): return UserFacingMessage("error.request.unknownFormat", ["id": .text(id)])
        case .unknownField(let field, let allowed):
            return UserFacingMessage("error.request.unknownField", ["field": .text(field), "allowed": .list(allowed)])
        case .fieldMismatch(let scope, let details):
            return UserFacingMessage("error.request.fieldMismatch", ["scope": .text(scope), "details": .text(details)])
        case .correctionValueMissing(let field):
            return field == RequestScope.otherField
                ? UserFacingMessage("error.request.correctionNoteMissing")
                : UserFacingMessage("error.request.correctionValueMissing", ["field": .text(field)])
        case .detailsNotApplicable(let right):
            return UserFacingMessage("error.request.detailsNotApplicable", ["right": .right(right)])
        case .textTooLong(let what, let limit):
            return UserFacingMessage("error.request.textTooLong", ["what": .text(what), "limit": .number(limit)])
        case .textControls(let what): return UserFacingMessage("error.request.textControls", ["what": .text(what)])
        case .invalidChannel(let channel):
            return UserFacingMessage("error.request.invalidChannel", ["channel": .text(channel)])
        case .accountNotFound(let id): return UserFacingMessage("error.accountId.notFound", ["id": .number(Int(id))])
        case .accountNotActive(let id):
            return UserFacingMessage("error.request.accountNotActive", ["id": .number(Int(id))])
        case .duplicate(let reference):
            return UserFacingMessage("error.request.duplicate", ["reference": .text(reference)])
        case .notFound(let reference):
            return UserFacingMessage("error.request.notFound", ["reference": .text(reference)])
        case .notPermitted(let action, let actor):
            return action == .cancel
                ? UserFacingMessage("error.request.onlySubscriberCancels", ["actor": .text(actor.rawValue)])
                : UserFacingMessage(
                    "error.request.notPermitted", ["actor": .text(actor.rawValue), "action": .text(action.rawValue)])
        case .illegalTransition(let reference, let from, let to):
            if from.isClosed {
                return UserFacingMessage(
                    "error.request.closed", ["reference": .text(reference), "from": .status(from), "to": .status(to)])
            }
            let needed = RequestStatus.allCases.filter { status in
                RequestAction.allCases.contains { $0.targetStatus == to && status.allows($0) }
            }
            guard needed.count == 1, let required = needed.first else {
                return UserFacingMessage(
                    "error.request.mustBeOpen",
                    ["reference": .text(reference), "from": .status(from), "to": .status(to)])
            }
            return UserFacingMessage(
                "error.request.illegalTransition",
                [
                    "reference": .text(reference), "from": .status(from), "to": .status(to),
                    "required": .status(required),
                ])
        case .notOpen(let reference, let status):
            return UserFacingMessage(
                "error.request.notOpen", ["reference": .text(reference), "status": .status(status)])
        case .denialReasonRequired: return UserFacingMessage("error.request.denialReasonRequired")
        case .resolutionRequired: return UserFacingMessage("error.request.resolutionRequired")
        case .extensionReasonRequired: return UserFacingMessage("error.request.extensionReasonRequired")
        case .alreadyExtended(let reference, let until):
            return UserFacingMessage(
                "error.request.alreadyExtended", ["reference": .text(reference), "date": .day(until)])
        case .extensionNotLater(let currentDue):
            return UserFacingMessage("error.request.extensionNotLater", ["date": .instant(currentDue)])
        case .extensionTooLong(let latest):
            return UserFacingMessage("error.request.extensionTooLong", ["date": .instant(latest)])
        case .extensionNotAfterToday(let today):
            return UserFacingMessage("error.request.extensionNotAfterToday", ["date": .day(today)])
        case .referenceUnavailable: return UserFacingMessage("error.request.referenceUnavailable")
        case .unreadable(let detail): return UserFacingMessage("error.request.unreadable", ["detail": .text(detail)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        let day = Date(timeIntervalSince1970: 1_795_942_800)
        return [
            .rightNotOffered(.access), .scopeNotAllowed(.access, .field, allowed: ["all"]),
            .missingScopeValue(.category), .unexpectedScopeValue(.all, "x"), .unknownCategory("x"),
            .rightNotApplicable(.deletion, category: "x"), .useAccountDeletion, .unknownPurpose("x"),
            .purposeNotObjectable("x"),
            .unknownFormat("x"), .unknownField("x", allowed: ["a"]), .fieldMismatch(scope: "a", details: "b"),
            .correctionValueMissing(field: RequestScope.otherField), .correctionValueMissing(field: "phone"),
            .detailsNotApplicable(.access), .textTooLong("note", limit: 2000), .textControls("note"),
            .invalidChannel("x"),
            .accountNotFound(1), .accountNotActive(1), .duplicate(existingReference: "PD-1"), .notFound("PD-1"),
            .notPermitted(.cancel, actor: .support), .notPermitted(.complete, actor: .subscriber),
            .illegalTransition(reference: "PD-1", from: .completed, to: .cancelled),
            .illegalTransition(reference: "PD-1", from: .submitted, to: .completed),
            .illegalTransition(reference: "PD-1", from: .submitted, to: .denied),
            .notOpen(reference: "PD-1", status: .denied), .denialReasonRequired, .resolutionRequired,
            .extensionReasonRequired,
            .alreadyExtended(reference: "PD-1", until: day), .extensionNotLater(currentDue: day),
            .extensionTooLong(latest: day), .extensionNotAfterToday(today: day), .referenceUnavailable,
            .unreadable("x"),
        ]
    }
}
