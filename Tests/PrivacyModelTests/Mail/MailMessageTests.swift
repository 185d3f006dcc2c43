import Foundation
import Testing

@testable import PrivacyModel

@Suite("mail messages: MIME, quoted-printable, encoded subjects, addresses")
struct MailMessageTests {
    static let date = Date(epochSeconds: 1_796_383_248)  // 2026-12-04 11:20:48 UTC

    @Test("quoted-printable round-trips UTF-8 text and keeps every line at 76 characters or fewer")
    func quotedPrintableRoundTrip() {
        let text =
            "Grüße aus Köln — façade = test\nTrailing space \n"
            + String(repeating: "Datenschutzerklärung ", count: 20) + "\n" + String(repeating: "x", count: 200)
        let encoded = QuotedPrintable.encode(text)
        #expect(QuotedPrintable.decode(encoded) == text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.count <= 76, "line too long: \(line.count)")
            #expect(line.utf8.allSatisfy { $0 < 128 })
            #expect(!line.hasSuffix(" "))
        }
        #expect(encoded.contains("Gr=C3=BC=C3=9Fe"))
        #expect(encoded.contains("=3D"))
    }

    @Test("a non-ASCII subject becomes RFC 2047 encoded-words that decode back; ASCII stays as is")
    func encodedSubject() throws {
        #expect(MailMessage.encodedSubject("Plain subject") == "Plain subject")
        let subject = "Unsere Datenschutzerklärung ändert sich: Version 2027-01 — bitte lesen Sie die Änderungen"
        let encoded = MailMessage.encodedSubject(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(("Subject: " + word).count <= 76)
            let payload = String(word.dropFirst(10).dropLast(2))
            decoded.append(try #require(Data(base64Encoded: payload)))
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    @Test("the rendered message carries Date, Message-ID, MIME and charset headers and a QP body")
    func headers() throws {
        let message = try MailMessage(
            from: MailAddress("privacy@example.com"), to: MailAddress("ada@example.com"), subject: "Hello",
            body: "Größe", date: Self.date)
        let rendered = message.rendered
        #expect(rendered.contains("Date: Fri, 04 Dec 2026 11:20:48 +0000\r\n"))
        #expect(rendered.contains("Message-ID: <\(message.messageId)>\r\n"))
        #expect(message.messageId.hasSuffix("@example.com"))
        #expect(rendered.contains("MIME-Version: 1.0\r\n"))
        #expect(rendered.contains("Content-Type: text/plain; charset=UTF-8\r\n"))
        #expect(rendered.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        #expect(rendered.hasSuffix("\r\n\r\nGr=C3=B6=C3=9Fe\r\n"))
        let other = try MailMessage(
            from: message.from, to: message.to, subject: "Hello", body: "x", date: Self.date)
        #expect(other.messageId != message.messageId)
    }

    @Test("addresses and subjects that could add a header or an option are refused")
    func injectionRefused() throws {
        for bad in [
            "ada@example.com\r\nBcc: eve@example.com", "ada@example.com\nBcc: x@y", "-oQ/tmp@x", "a b@c", "ada",
            "@example.com", "ada@", "Ada <ada@example.com>", "a,b@c", "ä@example.com",
        ] {
            #expect(throws: MailError.invalidAddress) { try MailAddress(bad) }
        }
        #expect(MailAddress.isValid("webmaster@localhost"))
        let from = try MailAddress("privacy@example.com")
        #expect(throws: MailError.headerInjection) {
            try MailMessage(from: from, to: from, subject: "Hi\r\nBcc: eve@example.com", body: "", date: Self.date)
        }
        #expect(throws: MailError.headerInjection) {
            try MailMessage(from: from, to: from, subject: "Hi\nX-Evil: 1", body: "", date: Self.date)
        }
    }

    @Test("a German request receipt is composed in German with the reference; a breach notice has five headings")
    func composer() throws {
        let from = try MailAddress("privacy@example.com")
        let receipt = try MailComposer().message(
            from: from, to: from, language: "de", kind: "request-received",
            paramsJSON: #"{"reference":"R-7K2Q","filed":"2026-12-04","due":"2027-01-04"}"#, date: Self.date)
        #expect(receipt.subject == "Wir haben Ihre Anfrage R-7K2Q erhalten")
        #expect(receipt.body.contains("R-7K2Q") && receipt.body.contains("2027-01-04"))
        #expect(!receipt.body.contains("⟦"))
        let notice = try MailComposer().message(
            from: from, to: from, language: "en", kind: "breach-notice",
            paramsJSON:
                #"{"reference":"B-1","kind":"malware","discovered":"2026-12-01","involved":"payment","notInvolved":"profile","measures":"investigation","advice":"change-password","contact":"privacy@example.com"}"#,
            date: Self.date)
        for heading in [
            "What happened", "What information was involved", "What we are doing", "What you can do",
            "For more information",
        ] {
            #expect(notice.body.contains(heading))
        }
        #expect(!notice.body.contains("⟦"))
        #expect(notice.body.contains("Your data involved: Payment"))
        let german = try MailComposer().message(
            from: from, to: from, language: "de", kind: "breach-notice",
            paramsJSON:
                #"{"reference":"B-1","kind":"malware","discovered":"2026-12-01","involved":"payment","notInvolved":"viewing,profile","advice":"change-password","contact":"privacy@example.com"}"#,
            date: Self.date)
        #expect(german.body.contains("Was ist passiert"))
        #expect(german.body.contains("Zahlungen") && german.body.contains("Sehverlauf"))
        #expect(!german.body.contains("payment") && !german.body.contains("viewing"))
        let policy = try MailComposer().message(
            from: from, to: from, language: "fr", kind: "policy-change",
            paramsJSON:
                #"{"version":"2027-01","effectiveDate":"2027-01-05","material":"true","summary.en":"Longer logs.","summary.fr":"Journaux plus longs."}"#,
            date: Self.date)
        #expect(policy.body.contains("Journaux plus longs.") && !policy.body.contains("Longer logs."))
        #expect(policy.body.contains("2027-01-05") && policy.body.contains("supprimer votre compte"))
        #expect(throws: MailError.badParameters) {
            try MailComposer().message(
                from: from, to: from, language: "en", kind: "no-such-kind", paramsJSON: "{}", date: Self.date)
        }
    }
}
