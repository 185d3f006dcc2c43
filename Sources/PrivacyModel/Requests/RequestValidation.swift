import Foundation

/// Checks a new request against the policy catalogue, so only requests the policy offers can be filed.
enum RequestValidation {
    /// Returns the scope and details as they will be stored, or throws the first rule broken.
    static func validate(
        type: RightKind, scope: RequestScope, details: RequestDetails, catalogue: PolicyCatalogue
    ) throws(RequestError) -> RequestDetails {
        guard let right = catalogue.right(type.rawValue) else { throw .rightNotOffered(type) }
        let scopes = RightScopes(catalogue: catalogue)
        guard scopes.kinds(for: type).contains(scope.kind) else {
            throw .scopeNotAllowed(type, scope.kind, allowed: right.scopes)
        }
        switch scope.kind {
        case .all, .account:
            guard scope.value.isEmpty else { throw .unexpectedScopeValue(scope.kind, scope.value) }
        case .category:
            guard !scope.value.isEmpty else { throw .missingScopeValue(.category) }
            guard let category = catalogue.category(scope.value) else { throw .unknownCategory(scope.value) }
            if type == .deletion && RightScopes.holdsAccount(category) { throw .useAccountDeletion }
            guard scopes.categories(for: type).contains(where: { $0.id == category.id }) else {
                throw .rightNotApplicable(type, category: category.id)
            }
        case .purpose:
            guard !scope.value.isEmpty else { throw .missingScopeValue(.purpose) }
            guard let purpose = catalogue.purpose(scope.value) else { throw .unknownPurpose(scope.value) }
            guard scopes.purposes(for: type).contains(where: { $0.id == purpose.id }) else {
                throw .purposeNotObjectable(purpose.id)
            }
        case .format:
            guard !scope.value.isEmpty else { throw .missingScopeValue(.format) }
            guard catalogue.exportFormats.contains(where: { $0.id == scope.value }) else {
                throw .unknownFormat(scope.value)
            }
        case .field:
            guard !scope.value.isEmpty else { throw .missingScopeValue(.field) }
            if let reference = RecordFieldReference(scopeValue: scope.value) {
                try validateRecordField(reference, type: type, scopes: scopes)
                break
            }
            guard scopes.fields.contains(scope.value) else {
                throw .unknownField(scope.value, allowed: scopes.fields)
            }
        }
        return try validateDetails(details.normalised(), type: type, scope: scope)
    }

    /// Checks that a record's field may be corrected: its set is stored, its category takes corrections and
    /// the column is one the set lets a correction change.
    private static func validateRecordField(
        _ reference: RecordFieldReference, type: RightKind, scopes: RightScopes
    ) throws(RequestError) {
        guard let table = RecordSetTable.named(reference.recordSet),
            let category = scopes.catalogue.categories.first(where: { $0.recordSets.contains { $0.id == table.id } })
        else {
            throw .unknownField(reference.scopeValue, allowed: scopes.correctableFields)
        }
        guard scopes.categories(for: type).contains(where: { $0.id == category.id }) else {
            throw .rightNotApplicable(type, category: category.id)
        }
        guard reference.column != nil else {
            throw .unknownField(reference.field, allowed: table.correctable.map(\.name))
        }
    }

    private static func validateDetails(
        _ details: RequestDetails, type: RightKind, scope: RequestScope
    ) throws(RequestError) -> RequestDetails {
        try details.checkTexts()
        guard type == .correction else {
            guard details.field == nil, details.currentValue == nil, details.requestedValue == nil,
                details.recordSet == nil, details.recordKey == nil
            else {
                throw .detailsNotApplicable(type)
            }
            return details
        }
        var details = details
        if let reference = RecordFieldReference(scopeValue: scope.value) {
            let named = RecordFieldReference(
                recordSet: details.recordSet ?? "", key: details.recordKey ?? 0, field: details.field ?? reference.field
            )
            guard named == reference else { throw .fieldMismatch(scope: scope.value, details: named.scopeValue) }
            details.field = reference.field
            guard details.requestedValue != nil else { throw .correctionValueMissing(field: reference.field) }
            return details
        }
        guard details.recordSet == nil, details.recordKey == nil else {
            throw .fieldMismatch(scope: scope.value, details: details.recordSet ?? "a record")
        }
        if let field = details.field, field != scope.value {
            throw .fieldMismatch(scope: scope.value, details: field)
        }
        details.field = scope.value
        if scope.value == RequestScope.otherField {
            guard details.note != nil else { throw .correctionValueMissing(field: scope.value) }
        } else {
            guard details.requestedValue != nil else { throw .correctionValueMissing(field: scope.value) }
        }
        return details
    }

    /// Trims a reason, note or value and checks it by `TextRules` (length, control characters); blank is empty.
    static func text(_ text: String, name: String, allowsLineBreaks: Bool = true) throws(RequestError) -> String {
        do {
            return try TextRules.note(text, limit: RequestDetails.maximumLength, allowsLineBreaks: allowsLineBreaks)
        } catch {
            switch error {
            case .tooLong(let limit): throw .textTooLong(name, limit: limit)
            case .controlCharacters: throw .textControls(name)
            case .empty: return ""
            }
        }
    }

    /// Trims the typed parts of a reason or note (dropping blank ones) and checks their length.
    static func text(_ text: StoredText, name: String) throws(RequestError) -> StoredText {
        var messages: [UserFacingMessage] = []
        for message in text.messages {
            guard message.key == StoredText.typedKey, case .text(let typed)? = message.values["text"] else {
                messages.append(message)
                continue
            }
            messages += try StoredText.typed(self.text(typed, name: name)).messages
        }
        return StoredText(messages)
    }

    /// A channel is a short lower-case name: letters, digits and dashes.
    static func channel(_ text: String) throws(RequestError) -> String {
        let channel = text.trimmingCharacters(in: .whitespaces)
        let valid =
            (1...32).contains(channel.count)
            && channel.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else { throw .invalidChannel(text) }
        return channel
    }
}
