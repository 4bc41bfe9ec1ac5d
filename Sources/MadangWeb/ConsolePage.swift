import Foundation
import MadangCore
import MadangService

/// The console's pages, for an organizer who signed in. Every text from the record is escaped.
struct ConsolePage {
    let wording: Wording
    let session: OrganizerSession

    /// The sign-in form.
    static func signIn(wording w: Wording, csrf: String, failed: Bool) -> String {
        let error = failed ? "<p class=\"error\" role=\"alert\">\(w("이름이나 비밀번호가 맞지 않습니다.", "The name or the password is wrong."))</p>" : ""
        return HTML.page(language: w.code, title: w("마당 로그인", "Sign in to Madang"), body: """
            <main id="main" class="narrow"><h1>\(w("마당 로그인", "Sign in to Madang"))</h1>\(error)
            <form method="post" action="/signin">
            <input type="hidden" name="_csrf" value="\(HTML.escape(csrf))">
            <div class="field"><label for="name">\(w("계정", "Account"))</label>
            <input id="name" name="name" autocomplete="username" required autofocus></div>
            <div class="field"><label for="password">\(w("비밀번호", "Password"))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></div>
            <button type="submit">\(w("로그인", "Sign in"))</button>
            </form></main>
            """)
    }

    /// The hearings, each with its pages and its public form's address.
    func hearings(_ list: [HearingSummary]) -> String {
        let w = wording
        let rows = list.map { (summary) -> String in
            let h = summary.hearing, slug = HTML.escape(h.slug)
            return """
                <tr><td><a href="/console/h/\(slug)">\(HTML.escape(h.title))</a><br><code>\(slug)</code></td>
                <td>\(HTML.escape(h.startsAt?.description ?? ""))</td><td class="number">\(summary.items)</td>
                <td>\(HTML.escape(period(CommentPeriod(of: h))))</td>
                <td><a href="/console/h/\(slug)">\(w("발언 기록", "Live entry"))</a> ·
                <a href="/console/h/\(slug)/opinions">\(w("의견·답변", "Opinions and answers"))</a> ·
                \(document("digest", w("요약", "Digest"), slug: slug)) ·
                \(document("report", w("결과보고서", "Report"), slug: slug)) ·
                <a href="/console/h/\(slug)/documents/notices">\(w("결과 안내문", "Notices"))</a> ·
                <a href="/h/\(slug)">\(w("의견 양식", "Public form"))</a></td></tr>
                """
        }.joined(separator: "\n")
        return layout(title: w("공청회", "Hearings"), body: """
            <h1>\(w("공청회", "Hearings"))</h1>
            <table><thead><tr><th>\(w("제목", "Title"))</th><th>\(w("일시", "When"))</th><th>\(w("항목", "Items"))</th>
            <th>\(w("의견 접수", "Web form"))</th><th>\(w("바로가기", "Pages"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }

    /// Whether a hearing's web form takes opinions, in a few words.
    private func period(_ period: CommentPeriod) -> String {
        let w = wording
        return switch period {
        case .open(let closes?): w("\(PublicFormPage.date(closes, w))까지", "until \(PublicFormPage.date(closes, w))")
        case .open(nil): w("접수 중", "open")
        case .notYet(let opens): w("\(PublicFormPage.date(opens, w))부터", "from \(PublicFormPage.date(opens, w))")
        case .over: w("마감", "closed")
        }
    }

    /// A link to one of a hearing's documents, in its own language, and links to it in Korean and English.
    private func document(_ kind: String, _ name: String, slug: String) -> String {
        let path = "/console/h/\(slug)/documents/\(kind)"
        return "<a href=\"\(path)\">\(name)</a> (<a href=\"\(path)?lang=ko\" lang=\"ko\">한국어</a>, "
            + "<a href=\"\(path)?lang=en\" lang=\"en\">English</a>)"
    }

    /// Live entry: the panel to pick a speaker from, the box to type in, and the remarks so far.
    func liveEntry(_ details: HearingDetails, statements: [Item]) -> String {
        let w = wording, slug = HTML.escape(details.hearing.slug)
        let roles: [ParticipantRole: String] = [.chair: w("좌장", "chair"), .panelist: w("토론자", "panelist"),
                                                .presenter: w("발표자", "presenter"), .official: w("공무원", "official")]
        let speakers = details.panel.participants.map { (person) -> String in
            let about = [roles[person.role], person.affiliation].compactMap { $0 }.joined(separator: ", ")
            let affiliation = " <small>\(HTML.escape(about))</small>"
            return """
                <button type="button" class="speaker" data-speaker="\(person.position)" aria-pressed="false">\
                <kbd>\(person.position)</kbd> \(HTML.escape(person.name))\(affiliation)</button>
                """
        }.joined()
        let rows = statements.map { ConsolePage.statementRow($0, wording: w) }.joined(separator: "\n")
        return layout(title: details.hearing.title, scripts: ["console.js"], body: """
            <h1>\(HTML.escape(details.hearing.title))</h1>
            <p class="tabs"><strong>\(w("발언 기록", "Live entry"))</strong> ·
            <a href="/console/h/\(slug)/opinions">\(w("의견·답변", "Opinions and answers"))</a></p>
            <section id="live" data-slug="\(slug)" data-csrf="\(HTML.escape(session.csrf))" data-lang="\(w.code)">
            <h2>\(w("발언자", "Speaker"))</h2>
            \(details.panel.participants.isEmpty ? "<p class=\"error\">" + w(
                "토론자가 아직 없습니다. 명령줄에서 madang panel add로 등록하세요.",
                "Nobody is on the panel yet: add them with madang panel add.") + "</p>" : "")
            <div class="speakers" role="group" aria-label="\(w("발언자", "Speaker"))">\(speakers)</div>
            <p class="hint">\(w("Alt+숫자로 발언자를 고르고, Enter로 저장합니다. 줄바꿈은 Shift+Enter.",
                               "Alt+number picks the speaker; Enter saves; Shift+Enter starts a new line."))</p>
            <label for="remark">\(w("발언 내용", "Remark"))</label>
            <textarea id="remark" rows="5"></textarea>
            <p><button type="button" id="save">\(w("저장", "Save"))</button>
            <span id="status" role="status" aria-live="polite"></span></p>
            <h2>\(w("기록된 발언", "Remarks recorded"))</h2>
            <ol id="statements">\(rows)</ol>
            <h2>\(w("새로 들어온 의견", "Opinions arriving"))</h2>
            <ul id="arrivals"></ul>
            </section>
            """)
    }

    /// One recorded remark, with the buttons that correct it.
    static func statementRow(_ item: Item, wording w: Wording) -> String {
        let withdrawn = item.withdrawal != nil
        return """
            <li data-id="\(item.id ?? 0)" data-order="\(item.speakingOrder ?? 0)"\(withdrawn ? " class=\"withdrawn\"" : "")>\
            <span class="who">\(HTML.escape(item.speaker ?? ""))</span>
            <span class="text">\(HTML.escape(item.body))</span>
            <button type="button" class="edit">\(w("고치기", "Edit"))</button>
            <button type="button" class="up" aria-label="\(w("한 칸 위로", "Move up"))">↑</button>
            <button type="button" class="down" aria-label="\(w("한 칸 아래로", "Move down"))">↓</button>
            <button type="button" class="\(withdrawn ? "restore" : "withdraw")">\(withdrawn ? w("되살리기", "Restore") : w("철회", "Withdraw"))</button></li>
            """
    }

    /// The public's opinions with their goals: search, filter by goal, tag and untag, answer.
    func opinions(
        _ details: HearingDetails, listing: OpinionPage, goals: [GoalListing], states: [ResponseState],
        search: String?, goal: String?
    ) -> String {
        let w = wording, slug = HTML.escape(details.hearing.slug), csrf = HTML.escape(session.csrf)
        let answers = listing.responses
        let stateNames = Dictionary(states.map { ($0.code, w.language == .ko ? $0.korean : $0.english) }, uniquingKeysWith: { a, _ in a })
        let goalOptions = goals.map { (entry) -> String in
            "<option value=\"\(HTML.escape(entry.goal.code))\"\(entry.goal.code == goal ? " selected" : "")>"
                + "\(HTML.escape(entry.goal.code)) \(HTML.escape(entry.goal.name)) (\(entry.items))</option>"
        }.joined()
        let goalChoices = goals.map { (entry) -> String in
            "<option value=\"\(HTML.escape(entry.goal.code))\">\(HTML.escape(entry.goal.code)) \(HTML.escape(entry.goal.name))</option>"
        }.joined()
        let rows = listing.items.map { (item) -> String in
            let id = item.id ?? 0
            let tags = (listing.goals[id] ?? []).map { (tag) -> String in
                """
                <form method="post" action="/console/items/\(id)/goal" class="inline">\
                <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="slug" value="\(slug)">\
                <input type="hidden" name="goal" value="\(HTML.escape(tag.goalCode))"><input type="hidden" name="tagged" value="no">\
                <button type="submit" class="tag" title="\(w("이 목표에서 빼기", "Take out of this goal"))">\(HTML.escape(tag.goalCode)) ×</button></form>
                """
            }.joined()
            let adding = goals.isEmpty ? "" : """
                <form method="post" action="/console/items/\(id)/goal" class="inline">\
                <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="slug" value="\(slug)">\
                <input type="hidden" name="tagged" value="yes">\
                <select name="goal" aria-label="\(w("\(id)번 의견을 넣을 목표", "Goal to file opinion \(id) under"))">\(goalChoices)</select>\
                <button type="submit" class="tag">+</button></form>
                """
            let answer = answers[id].map { "<span class=\"state\">\(HTML.escape(stateNames[$0.state] ?? $0.state))</span> \(HTML.escape($0.text ?? ""))" } ?? ""
            return """
                <tr><td><input type="checkbox" name="item" value="\(id)" form="respond" aria-label="\(w("선택", "Select")) \(id)"></td>
                <td class="number">\(id)</td><td>\(HTML.escape(item.author ?? w("익명", "Anonymous")))</td>
                <td class="text">\(HTML.escape(item.text))</td><td>\(tags)\(adding)</td><td>\(answer)</td></tr>
                """
        }.joined(separator: "\n")
        let stateOptions = states.map { (state) -> String in
            "<option value=\"\(HTML.escape(state.code))\">\(HTML.escape(stateNames[state.code] ?? state.code))</option>"
        }.joined()
        let more = listing.next.map { "<p><a href=\"/console/h/\(slug)/opinions?from=\($0.offset)\(goal.map { "&amp;goal=\(HTML.escape($0))" } ?? "")\">\(w("다음", "Next")) →</a></p>" } ?? ""
        return layout(title: details.hearing.title, body: """
            <h1>\(HTML.escape(details.hearing.title))</h1>
            <p class="tabs"><a href="/console/h/\(slug)">\(w("발언 기록", "Live entry"))</a> ·
            <strong>\(w("의견·답변", "Opinions and answers"))</strong></p>
            <form method="get" action="/console/h/\(slug)/opinions" class="filters">
            <label for="q">\(w("검색", "Search"))</label><input id="q" name="q" value="\(HTML.escape(search ?? ""))">
            <label for="goal">\(w("목표", "Goal"))</label><select id="goal" name="goal"><option value="">\(w("전체", "All"))</option>\(goalOptions)</select>
            <button type="submit">\(w("보기", "Show"))</button></form>
            <form method="post" action="/console/h/\(slug)/respond" id="respond" class="respond">
            <input type="hidden" name="_csrf" value="\(csrf)">
            <label for="state">\(w("선택한 의견에 답변", "Answer the selected opinions"))</label>
            <select id="state" name="state">\(stateOptions)</select>
            <label for="answer">\(w("답변", "Answer"))</label><input id="answer" name="text">
            <label for="reason">\(w("사유", "Reason"))</label><input id="reason" name="reason">
            <button type="submit">\(w("답변 저장", "Save answer"))</button></form>
            <table class="opinions"><thead><tr><th></th><th>#</th><th>\(w("작성자", "Author"))</th><th>\(w("의견", "Opinion"))</th>
            <th>\(w("목표", "Goals"))</th><th>\(w("답변", "Answer"))</th></tr></thead><tbody>\(rows)</tbody></table>\(more)
            """)
    }

    /// A console page: the bar with the organizer's name and the sign-out button, then `body`.
    private func layout(title: String, scripts: [String] = [], body: String) -> String {
        let w = wording
        return HTML.page(language: w.code, title: title, body: """
            <header class="console"><a href="/console">마당 Madang</a>
            <span>\(HTML.escape(session.name))</span>
            <form method="post" action="/signout" class="inline"><input type="hidden" name="_csrf" value="\(HTML.escape(session.csrf))">
            <button type="submit">\(w("로그아웃", "Sign out"))</button></form></header>
            <main id="main">\(body)</main>
            """, scripts: scripts)
    }
}
