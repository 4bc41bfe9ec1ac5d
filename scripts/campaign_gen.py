#!/usr/bin/env python3
"""A hearing's public comments with known campaigns, for measuring how well they are grouped.

usage: campaign_gen.py ROWS OUT.csv TRUTH.tsv [--seed N] [--campaign-share 0.45] [--shared DIR]

OUT.csv has the columns id, body (what `madang import --kind comment` reads); TRUTH.tsv has
`id<TAB>label`, where rows with the same label are one campaign and an opinion of its own has
a label of its own.

Campaigns (about --campaign-share of the rows, in sizes from 2 to thousands):
- form letters copied exactly, re-cased and re-spaced, signed ("Sincerely, NAME", "홍길동 드림");
- near-copies: typos, Korean words run together or split, a paragraph left out;
- form letters with a personal sentence added before or after;
- "mad-libs" letters whose every phrase is chosen from three synonyms (each campaign its own
  three of six);
- a letter and its translation, as two campaigns.
Organic opinions are made of real sentences: bill titles, newspaper headlines and Korean
petition titles from ../shared/testdata/policy-topics, so they share vocabulary; some also
quote one sentence of a campaign's letter, and must still stay apart from it.
"""
import csv
import random
import sys
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Our own letter sentences: what a citizens' group writes in a form letter.

KO_OPENERS = [
    "{site} 계획에 대해 주민으로서 의견을 드립니다.", "저는 {site} 인근에 사는 주민입니다.",
    "{site} 사업에 반대하는 의견을 제출합니다.", "{site} 추진 과정에 대해 말씀드리고자 합니다.",
    "{site} 관련 공청회 자료를 읽고 의견을 남깁니다.", "우리 동네 {site} 문제로 글을 올립니다.",
]
KO_CLAIMS = [
    "주민 설명회가 한 번도 열리지 않았습니다.", "환경영향평가 결과를 먼저 공개해 주십시오.",
    "대기오염 측정소를 학교 앞에 설치해 주십시오.", "사업 부지 선정 기준이 공개되지 않았습니다.",
    "교통량 증가에 대한 대책이 전혀 없습니다.", "아이들의 통학로 안전이 가장 걱정됩니다.",
    "소음과 분진 피해를 보상할 방안을 마련해 주십시오.", "주민 투표로 사업 여부를 결정해 주십시오.",
    "다른 후보지와 비교한 자료를 공개해 주십시오.", "사업비 산정 근거가 불분명합니다.",
    "야간 공사는 반드시 금지되어야 합니다.", "녹지 축소에 대한 대체 녹지를 확보해 주십시오.",
    "지하수 오염 가능성을 조사해 주십시오.", "주민 감시단 참여를 보장해 주십시오.",
    "버스 노선 조정 계획을 함께 발표해 주십시오.", "공청회를 평일 저녁이나 주말에 다시 열어 주십시오.",
    "사업 규모를 절반으로 줄이는 대안을 검토해 주십시오.", "인근 상인들의 영업 피해를 고려해 주십시오.",
    "보행자 전용 도로를 유지해 주십시오.", "노인과 장애인의 이동권을 보장해 주십시오.",
]
KO_CLOSERS = [
    "주민의 목소리를 반영해 주시기 바랍니다.", "계획을 전면 재검토해 주십시오.",
    "성실한 답변을 부탁드립니다.", "조속한 조치를 요청합니다.", "주민과 다시 협의해 주십시오.",
]
EN_OPENERS = [
    "I am writing as a resident about the {site} plan.", "I live near the proposed {site}.",
    "I oppose the {site} project as it stands.", "I have read the hearing materials on the {site}.",
    "Please accept my comment on the {site}.", "As a parent in this district I write about the {site}.",
]
EN_CLAIMS = [
    "No public meeting was held before the site was chosen.", "Publish the environmental impact assessment first.",
    "Install an air quality monitor in front of the school.", "The criteria for choosing the site were never published.",
    "There is no plan for the additional traffic.", "The safety of children walking to school worries me most.",
    "Compensate residents for noise and dust.", "Let residents decide the project by a local vote.",
    "Publish the comparison with the other candidate sites.", "The cost estimate is not explained.",
    "Construction at night must be prohibited.", "Replace every square metre of green space that is lost.",
    "Investigate the risk to groundwater.", "Guarantee residents a seat on the monitoring committee.",
    "Announce the changes to bus routes together with the plan.", "Hold the hearing again on a weekday evening or a weekend.",
    "Consider an alternative at half the size.", "Take the losses of nearby shop owners into account.",
    "Keep the pedestrian-only street.", "Protect the mobility of older and disabled residents.",
]
EN_CLOSERS = [
    "Please listen to the residents.", "Reconsider the plan from the start.", "I look forward to a sincere answer.",
    "Please act without delay.", "Consult the residents again.",
]
KO_SITES = ["소각장", "광역 자원회수시설", "신축 역사", "물류센터", "공영주차장", "하수처리장", "복합문화센터", "광역버스 차고지"]
EN_SITES = ["incinerator", "waste-to-energy plant", "new station", "logistics centre", "public car park",
            "sewage plant", "culture complex", "bus depot"]

# A letter and its translation: the same campaign message in both languages, kept apart.
BILINGUAL = (
    "광역 소각장 입지 선정 과정에 주민 참여가 없었습니다.\n소각장 예정지 반경 2킬로미터 안에 초등학교가 세 곳 있습니다.\n"
    "대기질 측정 결과를 매달 공개하고 주민 감시단을 구성해 주십시오.\n입지 결정을 보류하고 공개 토론회를 열어 주십시오.",
    "Residents had no part in choosing the site of the regional incinerator.\nThree primary schools lie within two "
    "kilometres of the planned site.\nPublish the air quality measurements every month and set up a residents' "
    "monitoring group.\nPostpone the decision and hold an open debate.",
)

# Mad-libs: each phrase of the letter is one of a few synonyms. Each campaign writes its own
# template, choosing three of the six ways of saying each phrase below.
MADLIBS_EN = [
    ["Dear Commissioners,", "To the planning committee,", "To whom it may concern,", "Dear Council members,",
     "To the city planning office,", "Dear Sir or Madam,"],
    ["I am deeply concerned about", "I am seriously worried about", "I strongly object to", "I am alarmed by",
     "I cannot support", "I write in opposition to"],
    ["the plan to build the {site}", "the proposal to construct the {site}", "the decision to locate the {site}",
     "the scheme to put the {site}", "the project to open the {site}", "the idea of placing the {site}"],
    ["so close to our homes.", "right next to where we live.", "in the middle of our neighbourhood.",
     "a few streets from our school.", "beside our houses.", "at the edge of our residential area."],
    ["The agency has not explained", "Nobody has told us", "The city has failed to show", "We still do not know",
     "No one in charge has said", "The documents do not explain"],
    ["how the air will be protected.", "how our air will stay clean.", "what will keep the air safe to breathe.",
     "how emissions will be controlled.", "who will check the pollution.", "how the smoke and dust will be handled."],
    ["I urge you to", "I ask you to", "Please", "We call on you to", "I request that you", "I appeal to you to"],
    ["withdraw the plan", "drop this proposal", "abandon the project", "halt the project", "cancel the plan",
     "put the project on hold"],
    ["and to start over with the residents.", "and begin again together with the community.",
     "and consult the people who live here.", "and talk to the neighbourhood first.",
     "and hold a real consultation.", "and listen to those affected."],
]
MADLIBS_KO = [
    ["존경하는 위원님들께,", "도시계획위원회 귀중,", "담당자님께,", "시장님께,", "관계 공무원 여러분께,", "구청장님께,"],
    ["저는 우리 마을에 들어설", "저는 주거지 바로 옆에 추진되는", "저는 동네 한가운데 계획된", "저는 아파트 단지 앞에 예정된",
     "저는 초등학교 근처에 지어질", "저는 주택가 한복판에 들어설"],
    ["{site} 건설 계획이 매우 걱정됩니다.", "{site} 설치 계획에 강하게 반대합니다.", "{site} 조성 사업이 몹시 우려됩니다.",
     "{site} 추진에 동의할 수 없습니다.", "{site} 사업을 받아들일 수 없습니다.", "{site} 계획이 불안하기만 합니다."],
    ["관계 기관은 아직", "시는 지금까지", "담당 부서는 여태", "사업자는 여전히", "구청은 이제껏", "누구도 아직"],
    ["대기 오염을 어떻게 막을지 설명하지 않았습니다.", "공기 질을 어떻게 지킬지 밝히지 않았습니다.",
     "오염 물질 관리 방안을 내놓지 않았습니다.", "배출가스 감시 계획을 보여 주지 않았습니다.",
     "악취와 분진 대책을 알려 주지 않았습니다.", "주민 건강 영향 조사를 하지 않았습니다."],
    ["계획을 철회하고", "사업을 취소하고", "추진을 중단하고", "결정을 보류하고", "사업을 원점으로 돌리고", "공사를 멈추고"],
    ["주민과 처음부터 다시 논의해 주십시오.", "지역 주민과 함께 다시 시작해 주십시오.", "이곳에 사는 사람들과 협의해 주십시오.",
     "주민 의견부터 들어 주십시오.", "제대로 된 공청회를 열어 주십시오.", "피해를 입을 주민과 대화해 주십시오."],
]

KO_SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
KO_GIVEN = ["민준", "서연", "지호", "하은", "도윤", "수아", "예준", "지우", "시우", "서윤", "주원", "하린"]
EN_FIRST = ["James", "Mary", "John", "Linda", "Michael", "Sarah", "David", "Emily", "Grace", "Kevin"]
EN_LAST = ["Smith", "Johnson", "Lee", "Brown", "Garcia", "Miller", "Park", "Wilson", "Kim", "Taylor"]


def real_sentences(shared):
    """Bill titles, headlines and petition titles: sentences nobody here wrote."""
    base = Path(shared) / "testdata" / "policy-topics"
    english, korean = [], []
    with open(base / "cap_us_congress_bills_sample.csv", encoding="utf-8") as f:
        english += [row["text"].strip() for row in csv.DictReader(f) if row["text"].strip()]
    with open(base / "cap_nytimes_headlines_sample.csv", encoding="utf-8", errors="replace") as f:
        english += [row["headline"].strip().capitalize() + "." for row in csv.DictReader(f) if row["headline"].strip()]
    with open(base / "korean-petitions" / "cheongwadae_petition_titles_sample.csv", encoding="utf-8") as f:
        korean += [row["title"].strip() for row in csv.DictReader(f) if row["title"].strip()]
    return english, korean


def typos(r, text, rate):
    """Drops, doubles, swaps or replaces about `rate` of the letters."""
    out = list(text)
    i = 0
    while i < len(out):
        if out[i].isalpha() and r.random() < rate:
            move = r.randrange(4)
            if move == 0:
                del out[i]
                continue
            if move == 1:
                out.insert(i, out[i])
                i += 1
            elif move == 2 and i + 1 < len(out):
                out[i], out[i + 1] = out[i + 1], out[i]
                i += 1
            elif out[i].isascii():
                out[i] = r.choice("abcdefghijklmnopqrstuvwxyz")
            else:
                out[i] = chr(0xAC00 + r.randrange(11172))
        i += 1
    return "".join(out)


def respace(r, text):
    """Korean as people type it: some spaces left out, some words split."""
    out = []
    for ch in text:
        if ch == " " and r.random() < 0.4:
            continue
        out.append(ch)
        if "\uac00" <= ch <= "\ud7a3" and r.random() < 0.04:
            out.append(" ")
    return "".join(out)


def signature(r, korean):
    if korean:
        name = r.choice(KO_SURNAMES) + r.choice(KO_GIVEN)
        return r.choice([f"\n\n{name} 드림", f"\n{name} 올림", f"\n\n감사합니다.\n{name}", f" {name} 드림"])
    name = f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)}"
    return r.choice([f"\n\nSincerely,\n{name}", f"\n\nRegards,\n{name}", f"\n— {name}", f"\n\nThank you,\n{name}"])


class Generator:
    def __init__(self, seed, shared):
        self.r = random.Random(seed)
        self.english, self.korean = real_sentences(shared)

    def letter(self, korean):
        """A form letter: an opener, three to five claims, one real sentence, a closer, in paragraphs."""
        r = self.r
        site = r.choice(KO_SITES if korean else EN_SITES)
        claims = r.sample(KO_CLAIMS if korean else EN_CLAIMS, r.randint(3, 5))
        real = r.choice(self.korean if korean else self.english)
        opener = r.choice(KO_OPENERS if korean else EN_OPENERS).format(site=site)
        closer = r.choice(KO_CLOSERS if korean else EN_CLOSERS)
        paragraphs = [opener, " ".join(claims[:2]), " ".join(claims[2:] + [real]), closer]
        return paragraphs

    def madlibs(self, korean):
        """A mad-libs letter: its slots, each with three synonyms; the site is fixed per campaign."""
        r = self.r
        site = r.choice(KO_SITES if korean else EN_SITES)
        slots = [[phrase.format(site=site) for phrase in r.sample(slot, 3)] for slot in (MADLIBS_KO if korean else MADLIBS_EN)]
        # A campaign's own sentence, so that two mad-libs campaigns on one site differ.
        slots.insert(r.randint(1, len(slots) - 1), [r.choice(self.korean if korean else self.english)] * 3)
        return slots

    def copy(self, paragraphs, korean):
        """One person's copy of a form letter, changed as people change them."""
        r = self.r
        paragraphs = list(paragraphs)
        if len(paragraphs) > 3 and r.random() < 0.1:
            del paragraphs[r.randrange(1, len(paragraphs))]
        text = "\n\n".join(paragraphs) if r.random() < 0.7 else " ".join(paragraphs)
        roll = r.random()
        if roll < 0.2:
            text = typos(r, text, 0.02)
        elif roll < 0.3:
            text = text.lower() if not korean else text
        if korean and r.random() < 0.25:
            text = respace(r, text)
        if r.random() < 0.25:
            personal = r.choice(self.korean if korean else self.english)
            text = f"{personal}\n\n{text}" if r.random() < 0.5 else f"{text}\n\n{personal}"
        if r.random() < 0.5:
            text += signature(r, korean)
        return text

    def madlibs_copy(self, slots, korean):
        r = self.r
        text = " ".join(r.choice(slot) for slot in slots)
        if r.random() < 0.3:
            text += signature(r, korean)
        return text

    def organic(self, letters):
        """An opinion of one's own: one to four real sentences, sometimes quoting a letter's sentence."""
        r = self.r
        korean = r.random() < 0.5
        pool = self.korean if korean else self.english
        sentences = r.sample(pool, r.randint(2, 4))
        # Something only this person would say: where they live, for how long.
        if korean:
            sentences.insert(r.randrange(len(sentences) + 1),
                             f"저는 {r.randint(1, 40)}단지 {r.randint(101, 1999)}호에 {r.randint(2, 40)}년째 살고 있습니다.")
        else:
            sentences.insert(r.randrange(len(sentences) + 1),
                             f"I have lived at number {r.randint(1, 999)} for {r.randint(2, 40)} years.")
        if letters and r.random() < 0.1:
            paragraphs, letter_korean = r.choice(letters)
            if letter_korean == korean:
                sentences.insert(r.randrange(len(sentences) + 1), r.choice(paragraphs[1].split(". ")).rstrip(".") + ".")
        return " ".join(sentences)


def sizes(r, total):
    """Campaign sizes summing to about `total`: a few large, many small (a Zipf-like spread)."""
    result, left = [], total
    largest = max(2, int(total * 0.25))
    rank = 1
    while left >= 2:
        size = min(left, max(2, int(largest / rank ** 1.1 * r.uniform(0.7, 1.3))))
        result.append(size)
        left -= size
        rank += 1
    return result


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    rows, out, truth = int(args[0]), args[1], args[2]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 20261124
    share = float(args[args.index("--campaign-share") + 1]) if "--campaign-share" in args else 0.45
    shared = args[args.index("--shared") + 1] if "--shared" in args else str(Path(__file__).resolve().parent.parent.parent / "shared")
    g = Generator(seed, shared)
    r = g.r

    records = []  # (label, text)
    letters = []
    campaign_rows = int(rows * share)
    bilingual = max(2, campaign_rows // 50)
    for language, text in enumerate(BILINGUAL):
        korean = language == 0
        paragraphs = text.split("\n")
        letters.append((paragraphs, korean))
        records += [(f"bilingual-{'ko' if korean else 'en'}", g.copy(paragraphs, korean)) for _ in range(bilingual // 2)]
    for number, size in enumerate(sizes(r, campaign_rows - 2 * (bilingual // 2))):
        korean = r.random() < 0.5
        if number % 5 == 2:
            slots = g.madlibs(korean)
            records += [(f"madlibs-{number}", g.madlibs_copy(slots, korean)) for _ in range(size)]
        else:
            paragraphs = g.letter(korean)
            letters.append((paragraphs, korean))
            records += [(f"letter-{number}", g.copy(paragraphs, korean)) for _ in range(size)]
    while len(records) < rows:
        records.append((f"own-{len(records)}", g.organic(letters)))
    r.shuffle(records)
    with open(out, "w", encoding="utf-8", newline="") as f, open(truth, "w", encoding="utf-8") as t:
        w = csv.writer(f)
        w.writerow(["id", "body"])
        for number, (label, text) in enumerate(records[:rows], start=1):
            w.writerow([f"g{number}", text])
            t.write(f"g{number}\t{label}\n")


if __name__ == "__main__":
    main()
