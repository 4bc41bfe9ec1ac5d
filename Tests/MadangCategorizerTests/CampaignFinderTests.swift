import Testing
@testable import MadangCategorizer

@Suite("Campaigns: grouping form letters and their copies")
struct CampaignFinderTests {
    static let letter = "소각장 건립 계획을 전면 재검토해 주십시오. 주거지와 학교가 가까워 주민 건강이 크게 우려됩니다. "
        + "환경영향평가를 다시 하고 주민 공청회를 한 번 더 열어 주시기 바랍니다."
    static let english = "Please reconsider the incinerator plan in full. Homes and schools are close by and residents fear for "
        + "their health. Redo the environmental impact assessment and hold one more public hearing."

    func group(_ texts: [String]) -> [[Int64]] {
        CampaignFinder().groups(texts.enumerated().map { CampaignFinder.Text(id: Int64($0.offset + 1), text: $0.element) })
    }

    @Test("Copies, re-spaced and signed copies, typos, a removed sentence and personal additions are one campaign")
    func oneCampaign() {
        let letter = CampaignFinderTests.letter
        let texts = [
            letter,
            letter.replacingOccurrences(of: " ", with: "  ").replacingOccurrences(of: ".", with: "!"),
            letter.replacingOccurrences(of: "건립 계획", with: "건립계획").replacingOccurrences(of: "주민 건강", with: "주민건강") + "\n홍길동 드림",
            letter.replacingOccurrences(of: "우려됩니다", with: "우려 됩니다").replacingOccurrences(of: "바랍니다", with: "바랍니당"),
            "소각장 건립 계획을 전면 재검토해 주십시오. 환경영향평가를 다시 하고 주민 공청회를 한 번 더 열어 주시기 바랍니다.",
            "저는 초등학생 두 아이를 키우는 엄마입니다. " + letter,
            letter + " 특히 아침마다 통학로에 트럭이 다닐까 걱정입니다.",
        ]
        #expect(group(texts) == [[1, 2, 3, 4, 5, 6, 7]])
    }

    @Test("A letter and its translation, and organic opinions that share words or a sentence, stay apart")
    func apart() {
        let texts = [
            CampaignFinderTests.letter,
            CampaignFinderTests.english,
            "소각장은 필요하지만 위치를 다시 정했으면 합니다. 산업단지 안쪽이 주민 건강에 더 낫습니다.",
            "환경영향평가를 다시 하고 주민 공청회를 한 번 더 열어 주시기 바랍니다. 그리고 버스 노선도 늘려 주세요. "
                + "구도심 상권이 무너지고 있어 대책이 필요합니다. 주차장도 부족합니다. 공원 조성도 서둘러 주세요.",
        ]
        #expect(group(texts).isEmpty)
    }

    /// A deterministic choice of `count` numbers below `bound` (a linear congruential generator).
    static func choices(_ count: Int, below bound: Int, seed: UInt64) -> [Int] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let madLibs = [
        ["구청장님께,", "담당자님께,", "도시계획과 귀중,"],
        ["저는 역 앞 주택가에 사는 주민으로서", "저는 이 동네에서 아이를 키우는 부모로서", "저는 이 지역에서 가게를 하는 상인으로서"],
        ["물류센터 입지 계획에 반대합니다.", "물류센터 건립 계획을 받아들일 수 없습니다.", "물류센터 유치 결정에 동의하지 않습니다."],
        ["대형 화물차가 밤낮으로 다니면", "트럭 수백 대가 매일 오가면", "화물 차량이 골목까지 들어오면"],
        ["아이들의 등굣길이 위험해집니다.", "통학로 안전을 지킬 수 없습니다.", "어린이 보행 사고가 늘어날 것입니다."],
        ["부지 선정을 다시 검토하고", "입지 결정을 미루고", "계획을 처음부터 다시 세우고"],
        ["주민 설명회를 열어 주십시오.", "주민과 먼저 협의해 주십시오.", "주민 의견을 들어 주십시오."],
    ]

    @Test("Mad-libs letters, every phrase one of three synonyms, are one campaign; opinions of stock sentences are not")
    func madLibs() {
        let slots = CampaignFinderTests.madLibs
        let letters = (0..<40).map { copy in
            zip(slots, CampaignFinderTests.choices(slots.count, below: 3, seed: UInt64(copy))).map { $0[$1] }.joined(separator: " ")
        }
        // Opinions of their own, each four of the same twelve stock sentences in any order
        // and one sentence nobody else wrote.
        let stock = [
            "버스 배차 간격이 너무 깁니다.", "공원에 가로등을 더 달아 주세요.", "주차 단속을 강화해 주십시오.", "도서관 운영 시간을 늘려 주세요.",
            "횡단보도 신호가 너무 짧습니다.", "쓰레기 수거 요일을 알려 주세요.", "보도블록이 깨져 위험합니다.", "놀이터 시설이 낡았습니다.",
            "민원 답변이 늦습니다.", "자전거 도로가 끊겨 있습니다.", "경로당 난방을 점검해 주세요.", "하천 산책로를 정비해 주세요.",
        ]
        let organic = (0..<40).map { person in
            CampaignFinderTests.choices(12, below: stock.count, seed: UInt64(1000 + person))
                .reduce(into: [Int]()) { picked, choice in if !picked.contains(choice) { picked.append(choice) } }
                .prefix(4).map { stock[$0] }.joined(separator: " ") + " 저는 \(person + 3)단지 \(101 + person * 7)호에 삽니다."
        }
        let groups = group(letters + organic)
        #expect(groups.count == 1)
        #expect(groups.first.map(Set.init) == Set(1...40))
    }

    @Test("A person's decision stands: pairs kept apart are not joined, pairs put together are")
    func decisions() {
        let texts = [CampaignFinderTests.letter, CampaignFinderTests.letter, CampaignFinderTests.english, CampaignFinderTests.english]
            .enumerated().map { CampaignFinder.Text(id: Int64($0.offset + 1), text: $0.element) }
        #expect(CampaignFinder().groups(texts) == [[1, 2], [3, 4]])
        #expect(CampaignFinder().groups(texts, apart: [CampaignFinder.Pair(1, 2)]) == [[3, 4]])
        #expect(CampaignFinder().groups(texts, together: [CampaignFinder.Pair(2, 3)]) == [[1, 2, 3, 4]])
    }

    @Test("What a member adds to the letter is kept, sentence by sentence")
    func additions() {
        let member = "저는 초등학생 두 아이를 키우는 엄마입니다. " + CampaignFinderTests.letter
        #expect(CampaignFinder.addition(of: member, to: CampaignFinderTests.letter) == "저는 초등학생 두 아이를 키우는 엄마입니다.")
        #expect(CampaignFinder.addition(of: CampaignFinderTests.letter + "\n홍길동 드림", to: CampaignFinderTests.letter) == "홍길동 드림")
        #expect(CampaignSketch.normalized(CampaignFinderTests.letter + "\n홍길동 드림") == CampaignSketch.normalized(CampaignFinderTests.letter))
    }

    @Test("A mad-libs member's choice of synonyms is not an addition; its own sentence is")
    func variantAdditions() {
        let slots = CampaignFinderTests.madLibs
        let letters = (0..<12).map { copy in
            zip(slots, CampaignFinderTests.choices(slots.count, below: 3, seed: UInt64(copy))).map { $0[$1] }.joined(separator: " ")
        }
        let member = slots.map { $0[2] }.joined(separator: " ")
        let reader = CampaignAddition(letter: slots.map { $0[0] }.joined(separator: " "), variants: letters)
        #expect(reader.addition(of: member) == nil)
        #expect(reader.addition(of: member + " 저희 집 앞이 바로 물류센터 진입로가 됩니다.") == "저희 집 앞이 바로 물류센터 진입로가 됩니다.")
        // Read against its letter alone, the same member seems to add most of what it says.
        #expect(CampaignAddition(letter: slots.map { $0[0] }.joined(separator: " ")).addition(of: member) != nil)
    }
}
