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
}
