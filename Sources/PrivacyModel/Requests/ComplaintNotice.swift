/// The reminder every refusal carries: the subscriber may complain to a data-protection authority.
///
/// `RequestService.deny` adds it after the reason, so whoever refuses (support, the program) cannot forget it.
enum ComplaintNotice {
    /// The strings key of the reminder.
    static let key = "stored.request.complaint"

    /// The reminder as stored text, put into the reader's words when shown.
    static let text = StoredText.message(key)
}
