import MadangCore
import MadangService

/// The pages a member of the public sees at `/h/SLUG`: the opinion form, its receipt, and
/// the notice that the form is not open. None shows anyone's personal data.
struct PublicFormPage {
    /// What the sender typed, kept when the form comes back with errors.
    struct Values {
        var text = "", name = "", email = "", phone = ""
        var consent = false
    }

    let hearing: Hearing
    let wording: Wording

    private var slug: String { hearing.slug }

    /// The form, with `errors` (by field name) next to their fields.
    func form(values: Values = Values(), errors: [String: String] = [:], csrf: String, period: CommentPeriod) -> String {
        let w = wording
        func error(_ field: String) -> String {
            errors[field].map { "<p class=\"error\" id=\"\(field)-error\">\(HTML.escape($0))</p>" } ?? ""
        }
        func described(_ field: String) -> String {
            errors[field] == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(field)-error\""
        }
        let summary = errors.isEmpty ? "" : """
            <div class="error-summary" role="alert"><p>\(w("입력한 내용을 확인해 주세요.", "Please check what you entered."))</p></div>
            """
        let closes = if case .open(let closes?) = period {
            "<p class=\"period\">\(w("의견 접수 마감", "Opinions are taken until")): \(PublicFormPage.date(closes, w))</p>"
        } else { "" }
        let body = """
            \(header)
            <main id="main">
            <h1>\(HTML.escape(hearing.title))</h1>
            \(closes)
            <p>\(w("이 계획에 대한 의견을 보내 주세요. 이름과 연락처는 적지 않아도 됩니다.",
                   "Send your opinion on this plan. Your name and contact details are optional."))</p>
            \(summary)
            <form method="post" action="/h/\(slug)?lang=\(w.code)" novalidate>
            <input type="hidden" name="_csrf" value="\(HTML.escape(csrf))">
            <div class="field">
            <label for="text">\(w("의견", "Your opinion")) <span class="required">(\(w("필수", "required")))</span></label>
            \(error("text"))
            <textarea id="text" name="text" rows="10" required maxlength="20000"\(described("text"))>\(HTML.escape(values.text))</textarea>
            </div>
            <div class="field">
            <label for="name">\(w("이름", "Name")) (\(w("선택", "optional")))</label>
            <input id="name" name="name" autocomplete="name" maxlength="100" value="\(HTML.escape(values.name))">
            </div>
            <fieldset>
            <legend>\(w("연락처", "Contact details")) (\(w("선택", "optional")))</legend>
            <p class="hint" id="contact-hint">\(w("검토 결과를 알려 드릴 곳입니다. 적으시려면 아래 개인정보 수집·이용에 동의해 주세요.",
                                              "Where we send the outcome. To give them, agree to their collection and use below."))</p>
            <div class="field">
            <label for="email">\(w("이메일", "E-mail"))</label>
            \(error("email"))
            <input id="email" name="email" type="email" autocomplete="email" maxlength="200" aria-describedby="contact-hint"\(described("email")) value="\(HTML.escape(values.email))">
            </div>
            <div class="field">
            <label for="phone">\(w("전화번호", "Phone"))</label>
            <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="40" value="\(HTML.escape(values.phone))">
            </div>
            <div class="consent">
            <h2>\(w("개인정보 수집·이용 동의", "Consent to the collection and use of personal data"))</h2>
            <ul>
            <li>\(w("수집 항목: 이메일, 전화번호", "What: e-mail address, phone number"))</li>
            <li>\(w("목적: 의견 검토 결과 안내", "Why: to tell you what became of your opinion"))</li>
            <li>\(w("보유·이용 기간: 검토 결과를 안내한 뒤 1년", "How long: one year after the outcome is sent"))</li>
            <li>\(w("동의하지 않으셔도 됩니다. 그때는 연락처 없이 의견만 접수됩니다.",
                    "You may refuse; your opinion is then taken without contact details."))</li>
            </ul>
            \(error("consent"))
            <label class="check"><input type="checkbox" id="consent" name="consent" value="yes"\(values.consent ? " checked" : "")\(described("consent"))>
            \(w("위 내용에 동의합니다.", "I agree to the above."))</label>
            </div>
            </fieldset>
            <div class="trap" aria-hidden="true"><label for="website">Website</label>
            <input id="website" name="website" tabindex="-1" autocomplete="off"></div>
            <button type="submit">\(w("의견 보내기", "Send opinion"))</button>
            </form>
            </main>
            """
        return HTML.page(language: w.code, title: hearing.title, body: body)
    }

    /// The page that tells the sender their opinion arrived, and its receipt number.
    func receipt(_ number: String?) -> String {
        let w = wording
        let receipt = number.map { number in
            """
            <p>\(w("접수번호", "Receipt number")): <strong class="receipt">\(HTML.escape(number))</strong></p>
            <p>\(w("문의하실 때 이 번호를 알려 주세요.", "Quote this number if you ask about it."))</p>
            """
        } ?? ""
        let body = """
            \(header)
            <main id="main">
            <h1>\(w("의견이 접수되었습니다", "Your opinion has been received"))</h1>
            \(receipt)
            <p><a href="/h/\(slug)?lang=\(w.code)">\(w("의견 더 보내기", "Send another opinion"))</a></p>
            </main>
            """
        return HTML.page(language: w.code, title: hearing.title, body: body)
    }

    /// The page shown outside the comment period.
    func closed(_ period: CommentPeriod) -> String {
        let w = wording
        let message = switch period {
        case .notYet(let opens): w("의견 접수는 \(PublicFormPage.date(opens, w))에 시작합니다.", "Opinions are taken from \(PublicFormPage.date(opens, w)).")
        case .over(let closed): w("의견 접수가 \(PublicFormPage.date(closed, w))에 마감되었습니다.", "Opinions were taken until \(PublicFormPage.date(closed, w)).")
        case .open: ""
        }
        let body = "\(header)<main id=\"main\"><h1>\(HTML.escape(hearing.title))</h1><p>\(HTML.escape(message))</p></main>"
        return HTML.page(language: w.code, title: hearing.title, body: body)
    }

    /// The line above every public page: the organizers, and the other language.
    private var header: String {
        let w = wording
        let other = w.language == .ko ? ("en", "English") : ("ko", "한국어")
        let organizers = HTML.escape(hearing.organizers.joined(separator: " · "))
        return """
            <a class="skip" href="#main">\(w("본문으로 건너뛰기", "Skip to the form"))</a>
            <header class="public"><span>\(organizers)</span>
            <a href="/h/\(slug)?lang=\(other.0)" lang="\(other.0)" hreflang="\(other.0)">\(other.1)</a></header>
            """
    }

    /// A date as people of the page's language write it: `2026년 12월 1일 18:00`, `1 December 2026, 18:00`.
    static func date(_ time: LocalDateTime, _ w: Wording) -> String {
        let clock = time.hour.map { String(format: " %02d:%02d", $0, time.minute ?? 0) } ?? ""
        if w.language == .ko { return "\(time.year)년 \(time.month)월 \(time.day)일\(clock)" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(time.day) \(months[time.month - 1]) \(time.year)" + (clock.isEmpty ? "" : ",\(clock)")
    }
}
