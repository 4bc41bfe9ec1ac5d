"""Drives `madang serve` in Chromium as an organizer and as citizens (see scripts/test-web).

Usage: test_web.py MADANG CHROMIUM SCREENSHOT_DIR

Every check prints one line; the run closes with 'N passed, N failed' and exits non-zero when
any check failed.
"""
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError, sync_playwright

MADANG, CHROMIUM, SHOTS = sys.argv[1:4]
WORK = tempfile.mkdtemp(prefix="madang-web-")
DB = os.path.join(WORK, "web.sqlite")
SLUG = "rail-plan-5"
PASSWORD = "correct horse battery"
HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">\"'&amp;"

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + (f" ({detail})" if detail and not ok else ""), flush=True)


def madang(*args, stdin=None):
    run = subprocess.run([MADANG, *args, "--db", DB], input=stdin, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"madang {' '.join(args)} failed: {run.stderr}")
    return run.stdout


def statements():
    return [i for i in json.loads(madang("items", SLUG, "--json", "--withdrawn")) if i["kind"] == "statement"]


def comments():
    return [i for i in json.loads(madang("items", SLUG, "--json")) if i["kind"] == "comment"]


def accessible(page, name):
    """Runs axe-core's rules on the page: no serious or critical violation may remain."""
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    check(f"{name} passes axe-core's accessibility rules", not violations,
          [(v["id"], [n["target"] for n in v["nodes"]][:2]) for v in violations])


def wait_until(page, expression, timeout=30):
    """Polls `expression` in the page until it is true (the pages' policy forbids the eval
    that Playwright's own waiting uses); false when it never was."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if page.evaluate(expression):
                return True
        except PlaywrightError:
            pass  # the page is navigating: ask the next one
        time.sleep(0.1)
    return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`madang serve` in a process of its own, started and killed as the test says."""

    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [MADANG, "serve", "--db", DB, "--port", str(self.port), "--submissions-per-minute", "1000"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 60
        for line in self.process.stdout:
            if "Organizer's console:" in line:
                return
            if time.time() > deadline:
                break
        raise RuntimeError("madang serve did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


def burst(port, count, workers):
    """Posts `count` opinions from `workers` threads as fast as the server takes them; returns the
    receipt numbers it gave. Stops early, without error, when the server goes away."""
    receipts, lock, numbers = [], threading.Lock(), iter(range(count))

    def work():
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", f"/h/{SLUG}")
            response = connection.getresponse()
            page = response.read().decode()
            cookie = response.getheader("Set-Cookie").split(";")[0]
            token = re.search(r'name="_csrf" value="([0-9a-f]+)"', page).group(1)
            while True:
                with lock:
                    n = next(numbers, None)
                if n is None:
                    return
                body = urllib.parse.urlencode({"_csrf": token, "text": f"폭주 시험 의견 {n}: 역을 하나 더 지어 주세요."})
                connection.request("POST", f"/h/{SLUG}", body, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
                response = connection.getresponse()
                response.read()
                location = response.getheader("Location") or ""
                if response.status == 303 and "/receipt/" in location:
                    with lock:
                        receipts.append(location.split("/receipt/")[1].split("?")[0])
        except (OSError, http.client.HTTPException, AttributeError):
            return

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    return threads, receipts


def setup():
    madang("init")
    madang("hearing", "add", SLUG, "--title", "제5차 국가철도망 구축계획(안) 공청회", "--lang", "ko",
           "--time-zone", "Asia/Seoul", "--organizer", "국토교통부", "--comments-close", "2099-12-31")
    madang("hearing", "add", "closed-hearing", "--title", "지난 공청회", "--comments-close", "2020-01-31")
    for name, role, affiliation in [("김민수", "chair", "한국교통연구원"), ("Jane Park", "panelist", "Seoul Institute"),
                                    ("이영희", "panelist", "시민단체 철도사랑")]:
        madang("panel", "add", SLUG, name, "--role", role, "--affiliation", affiliation)
    madang("users", "add", "kim.jiyoung", stdin=PASSWORD + "\n")
    goals = os.path.join(WORK, "goals.yaml")
    with open(goals, "w", encoding="utf-8") as out:
        out.write("goals:\n  - id: R\n    name: 철도망 확충\n    terms: [철도, 노선, rail, train]\n"
                  "  - id: S\n    name: 역세권과 환승\n    terms: [역, 환승, station]\n")
    madang("goals", "load", SLUG, goals)


def remarks():
    """The 30 remarks to type: Korean and English, one pasted of 6,000 characters, one hostile."""
    korean = ["수도권 광역급행철도 노선을 지방 거점도시까지 연장해야 합니다.", "역세권 개발과 함께 대중교통 환승 체계를 정비해 주십시오.",
              "철도 소음 대책이 계획에 빠져 있습니다.", "고속철도 요금 인하 방안을 검토해 주시기 바랍니다."]
    english = ["The freight line should bypass the city centre.", "We need step-free access at every new station.",
               "Please publish the demand forecasts behind each line.", "Night trains would help shift workers."]
    texts = []
    for n in range(30):
        texts.append((korean if n % 2 == 0 else english)[n % 4] + f" ({n + 1})")
    paste = ("철도망 계획은 지역 균형발전의 핵심입니다. " * 400)[:5990].rstrip()
    paste += "끝" * (6000 - len(paste))
    texts[9] = paste
    texts[12] = HOSTILE + " 발언 13"
    return texts


def main():
    setup()
    port = free_port()
    server = Server(port)
    server.start()
    base = f"http://127.0.0.1:{port}"
    dialogs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        organizer = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
        page = organizer.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.accept("발언자 요청")))

        # Signing in.
        page.goto(base + "/console")
        check("a console page without signing in shows the sign-in form", page.url.endswith("/signin"), page.url)
        page.get_by_label("계정").fill("kim.jiyoung")
        page.get_by_label("비밀번호").fill("wrong password")
        page.get_by_role("button", name="로그인").click()
        check("a wrong password is refused", page.get_by_text("이름이나 비밀번호가 맞지 않습니다").is_visible())
        page.screenshot(path=f"{SHOTS}/signin.png")
        accessible(page, "the sign-in form, with its error")
        page.get_by_label("계정").fill("kim.jiyoung")
        page.get_by_label("비밀번호").fill(PASSWORD)
        page.get_by_role("button", name="로그인").click()
        check("signing in opens the console", page.url.endswith("/console"), page.url)
        cookie = next(c for c in organizer.cookies() if c["name"] == "madang_session")
        check("the session cookie is HTTP-only and same-site", cookie["httpOnly"] and cookie["sameSite"] == "Strict", cookie)
        page.screenshot(path=f"{SHOTS}/console.png", full_page=True)
        accessible(page, "the list of hearings")

        # Live entry: 30 remarks, the speaker picked by key or click, the server killed mid-way.
        page.locator(f'a[href="/console/h/{SLUG}"]').first.click()
        box = page.locator("#remark")
        texts = remarks()
        expected = []
        for n, text in enumerate(texts):
            speaker = n % 3 + 1
            if n % 2:
                page.keyboard.press(f"Alt+{speaker}")
            else:
                page.locator(f'.speaker[data-speaker="{speaker}"]').click()
            box.focus()
            if n == 9:
                page.keyboard.insert_text(text)  # a paste arrives as one insertion
            elif n == 5:
                box.type("abc def")  # then the cursor goes back three places and more is typed there
                for _ in range(3):
                    page.keyboard.press("ArrowLeft")
                box.type("XYZ ")
                text = "abc XYZ def"
            else:
                box.type(text) if len(text) < 200 else page.keyboard.insert_text(text)
            expected.append((speaker, text))
            page.keyboard.press("Enter")
            if n == 14:
                server.kill()  # right as remark 15 is sent: it may or may not have been stored
            if n == 19:
                wait_until(page, "document.getElementById('status').textContent.length > 0")
                check("with the server down, the page says remarks wait in the browser",
                      "연결" in page.locator("#status").inner_text() or "서버" in page.locator("#status").inner_text(),
                      page.locator("#status").inner_text())
                waiting = json.loads(page.evaluate(f"localStorage.getItem('madang.queue.{SLUG}')") or "[]")
                check("remarks typed while the server is down wait in the page", len(waiting) >= 5, len(waiting))
                server.start()
                # Killed again while the page sends what waited, then started for good.
                time.sleep(random.uniform(0.05, 0.4))
                server.kill()
                server.start()
        check("once the server is back, every waiting remark is sent",
              wait_until(page, f"(localStorage.getItem('madang.queue.{SLUG}') || '[]') === '[]'", timeout=60))
        stored = statements()
        check("all 30 remarks are stored once each", len(stored) == 30, f"{len(stored)} stored")
        check("they are stored in speaking order with their speakers and texts",
              [(s["speakingOrder"], s["body"]) for s in stored] == [(n + 1, t.strip()) for n, (_, t) in enumerate(expected)],
              [s["body"][:30] for s in stored][:8])
        panel = {1: "김민수", 2: "Jane Park", 3: "이영희"}
        check("each remark is filed under the speaker picked", [s.get("speaker") for s in stored] == [panel[s] for s, _ in expected],
              [s.get("speaker") for s in stored][:6])
        check("the 6,000-character paste is stored whole", len(stored[9]["body"]) == 6000, len(stored[9]["body"]))
        check("cursor keys edit where the cursor is", stored[5]["body"] == "abc XYZ def", stored[5]["body"])

        # A correction: edit the third remark in place.
        row = page.locator(f'#statements li[data-id="{stored[2]["id"]}"]')
        row.get_by_role("button", name="고치기").click()
        row.locator("textarea.editor").fill("수정된 발언: 철도 소음 대책을 보완합니다.")
        row.get_by_role("button", name="고친 내용 저장").click()
        page.wait_for_selector(f'#statements li[data-id="{stored[2]["id"]}"] .edit')
        check("an edit is stored", statements()[2]["body"] == "수정된 발언: 철도 소음 대책을 보완합니다.", statements()[2]["body"])
        row = page.locator(f'#statements li[data-id="{stored[4]["id"]}"]')
        row.get_by_role("button", name="철회").click()
        page.wait_for_selector(f'#statements li[data-id="{stored[4]["id"]}"].withdrawn')
        check("a withdrawal is stored", statements()[4]["withdrawn"] is True, statements()[4])
        row = page.locator(f'#statements li[data-id="{stored[7]["id"]}"]')
        with page.expect_navigation():  # the page is read again in the new order
            row.get_by_role("button", name="한 칸 위로").click()
        wait_until(page, f"document.querySelector('#statements li[data-id=\"{stored[7]['id']}\"]').dataset.order === '7'")
        moved = statements()
        check("a remark moved up takes the place before it, which moves down",
              moved[6]["id"] == stored[7]["id"] and moved[7]["id"] == stored[6]["id"], [m["id"] for m in moved[5:9]])
        page.reload()
        check("after a reload the page lists the 30 remarks", page.locator("#statements li").count() == 30,
              page.locator("#statements li").count())
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=f"{SHOTS}/live-entry.png", full_page=False)
        accessible(page, "live entry")
        audit = madang("log", SLUG)
        check("the audit log names the signed-in organizer", "kim.jiyoung" in audit, audit[-300:])

        # A citizen on a phone.
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="ko-KR")
        citizen = phone.new_page()
        citizen.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        citizen.goto(f"{base}/h/{SLUG}")
        check("the public form is in Korean", citizen.locator("html").get_attribute("lang") == "ko")
        check("the public form's fields have labels", all(citizen.get_by_label(l).count() == 1 for l in ["이메일", "전화번호"])
              and citizen.locator("#text").count() == 1 and citizen.locator("label[for=text]").count() == 1)
        width = citizen.evaluate("document.documentElement.scrollWidth")
        check("the public form fits a phone's width", width <= 390, width)
        citizen.keyboard.press("Tab")
        order = []
        for _ in range(8):
            citizen.keyboard.press("Tab")
            order.append(citizen.evaluate("document.activeElement.id || document.activeElement.tagName"))
        check("the keyboard reaches the fields in order", order[:6] == ["text", "name", "email", "phone", "consent", "BUTTON"]
              or order[1:7] == ["text", "name", "email", "phone", "consent", "BUTTON"], order)
        citizen.get_by_role("button", name="의견 보내기").click()
        check("an empty opinion is refused with the error next to its field",
              citizen.locator("#text-error").is_visible() and citizen.locator("#text").get_attribute("aria-invalid") == "true")
        citizen.locator("#text").fill("역 주변 자전거 보관소를 늘려 주세요.")
        citizen.locator("#email").fill("citizen@example.kr")
        citizen.get_by_role("button", name="의견 보내기").click()
        check("contact details without consent are refused, next to the consent box",
              citizen.locator("#consent-error").is_visible() and citizen.locator("#text").input_value() == "역 주변 자전거 보관소를 늘려 주세요.")
        citizen.screenshot(path=f"{SHOTS}/public-form-errors.png", full_page=True)
        accessible(citizen, "the public form with its errors")
        before = len(comments())
        check("nothing is stored from a refused form", before == 0, before)
        citizen.locator("#consent").check()
        citizen.get_by_role("button", name="의견 보내기").click()
        receipt = citizen.locator(".receipt").inner_text()
        check("with consent, the opinion is received with a receipt number", re.fullmatch(r"\d+-\d{6}", receipt), receipt)
        citizen.screenshot(path=f"{SHOTS}/public-receipt.png", full_page=True)
        accessible(citizen, "the receipt")
        stored_comments = comments()
        check("the opinion is stored as a web comment with its contact",
              len(stored_comments) == 1 and stored_comments[0]["provenance"] == {"web": {}}
              and stored_comments[0]["contact"].get("email") == "citizen@example.kr", stored_comments)
        check("the receipt page shows no personal data", "citizen@example.kr" not in citizen.content())
        citizen.goto(f"{base}/h/{SLUG}")
        citizen.locator("#text").fill("Without contact: more trains at night, please.")
        citizen.get_by_role("button", name="의견 보내기").click()
        check("without contact details no consent is asked", citizen.locator(".receipt").count() == 1)
        citizen.goto(f"{base}/h/{SLUG}?lang=en")
        check("the form speaks English when asked", citizen.get_by_text("Your opinion").count() >= 1
              and citizen.locator("html").get_attribute("lang") == "en")
        citizen.goto(f"{base}/h/{SLUG}")
        citizen.screenshot(path=f"{SHOTS}/public-form.png", full_page=True)
        citizen.goto(f"{base}/h/closed-hearing")
        check("a hearing whose period is over takes no opinion", citizen.locator("form").count() == 0
              and "마감" in citizen.content())

        # The console learns of the citizen's opinion without a reload.
        check("the console shows arriving opinions without a reload",
              wait_until(page, "document.querySelectorAll('#arrivals li').length >= 2", timeout=15))

        # Forged posts.
        count = len(comments())
        response = citizen.request.post(f"{base}/h/{SLUG}", form={"text": "forged"})
        check("the public form posted without its token is refused", response.status == 403, response.status)
        response = page.request.post(f"{base}/api/h/{SLUG}/statements",
                                     data=json.dumps({"key": "forged-1", "speaker": "1", "text": "forged"}),
                                     headers={"Content-Type": "application/json"})
        check("a remark posted without the organizer's token is refused", response.status == 403, response.status)
        response = page.request.post(f"{base}/console/h/{SLUG}/respond", form={"item": "1", "state": "accepted"})
        check("an answer posted without the organizer's token is refused", response.status == 403, response.status)
        check("nothing forged was stored", len(comments()) == count and len(statements()) == 30)
        response = citizen.request.get(f"{base}/h/{SLUG}")
        check("pages carry a content security policy without inline script",
              "script-src 'self'" in response.headers.get("content-security-policy", "")
              and "unsafe-inline" not in response.headers.get("content-security-policy", ""))
        response = citizen.request.post(f"{base}/h/{SLUG}", data="text=" + "x" * 400_000,
                                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        check("a body over the size limit is refused", response.status in (403, 413), response.status)

        # Hostile text, sent by a citizen as opinion and name, inert on every page.
        dialogs.clear()  # the withdrawal above asked for its reason in one
        citizen.goto(f"{base}/h/{SLUG}")
        citizen.locator("#text").fill(HOSTILE + " 의견")
        citizen.locator("#name").fill(HOSTILE)
        citizen.get_by_role("button", name="의견 보내기").click()
        wait_until(page, "document.querySelectorAll('#arrivals li').length >= 3", timeout=15)
        pages = [page.url, f"{base}/console/h/{SLUG}/opinions", f"{base}/console", f"{base}/console/h/{SLUG}/documents/digest",
                 f"{base}/console/h/{SLUG}/documents/report", f"{base}/console/h/{SLUG}/documents/notices", f"{base}/h/{SLUG}"]
        for url in pages:
            page.goto(url)
            page.wait_for_timeout(300)
            check(f"hostile text is inert on {url.replace(base, '')}",
                  page.evaluate("window.__pwned") is None and not dialogs, (page.evaluate("window.__pwned"), dialogs))
        page.goto(f"{base}/console/h/{SLUG}/opinions")
        check("the hostile opinion shows as text", page.get_by_text("<script>window.__pwned=1</script>", exact=False).count() >= 1)
        page.screenshot(path=f"{SHOTS}/opinions.png", full_page=True)
        accessible(page, "the opinions and answers")

        # A person files an opinion under a goal, and takes it out again.
        first = comments()[0]["id"]
        page.locator(f'tr:has(input[name=item][value="{first}"]) select[name=goal]').select_option("R")
        page.locator(f'tr:has(input[name=item][value="{first}"]) button.tag:has-text("+")').click()
        goals_of = lambda: next(c for c in comments() if c["id"] == first)["goals"]
        check("an opinion filed under a goal from the console keeps it", "R" in [g["id"] for g in goals_of()],
              goals_of())
        page.locator(f'tr:has(input[name=item][value="{first}"]) button.tag:has-text("R ×")').click()
        check("and taken out again, it loses it", "R" not in [g["id"] for g in goals_of()], goals_of())

        # An answer through the register.
        first = comments()[0]["id"]
        page.locator(f'input[name=item][value="{first}"]').check()
        page.locator("#state").select_option(index=0)
        page.locator("#answer").fill("검토하여 반영하겠습니다.")
        page.get_by_role("button", name="답변 저장").click()
        check("an answer saved from the console is in the register", "검토하여 반영하겠습니다" in page.content())
        page.locator(f'input[name=item][value="{first}"]').check()
        page.locator("#state").select_option(value="not-accepted")
        page.get_by_role("button", name="답변 저장").click()
        check("an answer the register refuses (미반영 with no reason) is explained on a page, not stored",
              page.locator("h1").inner_text() == "요청을 처리하지 못했습니다" and "사유가 필요합니다" in page.content()
              and "검토하여 반영하겠습니다" in madang("responses", "list", SLUG))
        page.screenshot(path=f"{SHOTS}/refused-answer.png")
        browser.close()

    # A burst of submissions with the server killed in the middle of it: every opinion the
    # server gave a receipt for is stored.
    before = {c["id"] for c in comments()}
    threads, receipts = burst(port, 2000, 8)
    deadline = time.time() + 30
    while len(receipts) < 100 and time.time() < deadline:
        time.sleep(0.01)
    server.kill()
    for thread in threads:
        thread.join()
    stored = {c["id"] for c in comments()} - before
    given = {int(r.split("-")[1]) for r in receipts}
    check("a burst killed mid-way loses no opinion it gave a receipt for", given and given <= stored,
          f"{len(given)} receipts, {len(stored)} stored, missing {sorted(given - stored)[:5]}")
    server.start()
    code = server.stop()
    check("the server stops cleanly on Ctrl-C", code == 0, code)
    passed, failed = results.count(True), results.count(False)
    print(f"screenshots: {SHOTS}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    random.seed(1)
    main()
