import MadangCore

/// The sample hearings of `madang demo`, retold from the seed press releases:
/// the public hearing on the 4th Smart City Comprehensive Plan (seed 001), the
/// Gwangju citizen participation group's proposals (seed 002), and the Smart City
/// Convergence Alliance's corporate seminar (seed 004).
enum DemoData {
    static let hearings: [DemoHearing] = [smartCityPlan, gwangjuProposals, allianceSeminar]

    /// The slug of the hearing whose digest the demo writes.
    static let featuredSlug = "smart-city-plan-4"

    /// The agency's answers to the featured hearing's comments, by their order (from 0):
    /// some accepted, some not, with reasons, as an official would write them.
    static let featuredAnswers: [(comment: Int, change: ResponseChange)] = [
        (0, ResponseChange(state: "반영", text: "스마트시티 전문 인력 양성 과정을 종합계획의 인재 양성 과제에 포함하겠습니다.",
                           action: "2024년 교육 과정 설계, 2025년 시범 운영", department: "도시경제과")),
        (1, ResponseChange(state: "부분반영", text: "지자체 협의체를 신설해 계획 수립 단계부터 참여하도록 하겠습니다.",
                           reason: "지자체 재원 배분은 지방재정 제도 개편과 함께 논의해야 하므로 이번 계획에 담지 않았습니다.",
                           department: "도시경제과")),
        (2, ResponseChange(state: "반영", text: "지자체 스마트도시계획 수립 지침을 2024년 상반기에 배포하겠습니다.", department: "도시정책과")),
        (3, ResponseChange(state: "기반영", text: "데이터허브 시민 개방은 초안의 '데이터허브 활성화' 전략에 이미 담겨 있습니다.")),
        (5, ResponseChange(state: "미반영", text: "규제 특례 절차는 관계 부처와 계속 협의하겠습니다.",
                           reason: "규제 특례는 「스마트도시법」의 규제 샌드박스 제도로 운영되므로 종합계획에서 따로 정할 사항이 아닙니다.",
                           department: "스마트도시과")),
    ]

    static var smartCityPlan: DemoHearing {
        var demo = DemoHearing(hearing: Hearing(
            slug: featuredSlug,
            title: "Public hearing on the 4th Smart City Comprehensive Plan (draft)",
            kind: .publicHearing,
            startsAt: try? LocalDateTime(parsing: "2024-01-05 14:00"),
            venue: "Main auditorium, Korea Research Institute for Human Settlements, Sejong",
            organizers: ["Ministry of Land, Infrastructure and Transport", "Korea Research Institute for Human Settlements"],
            plan: "4th Smart City Comprehensive Plan (draft). Vision: smart cities that connect the city and its people, "
                + "growing together and leaping ahead. Goals: (1) a cutting-edge digital space that anyone can enjoy anywhere, "
                + "at any time; (2) an innovative space led by the private sector with public support; "
                + "(3) a smart space that serves as a model for the world.",
            attendanceInPerson: 400))
        demo.panel = [
            .init(name: "Lee Sang-joo", affiliation: "Urban Policy Director, Ministry of Land, Infrastructure and Transport", role: .official),
            .init(name: "Kim Gap-seong", affiliation: "Professor, Yonsei University", role: .chair),
            .init(name: "Nam Gwang-woo", affiliation: "Professor, Kyungsung University", role: .panelist),
            .init(name: "Kim Tae-hyung", affiliation: "Director, Transportation Research Institute", role: .panelist),
            .init(name: "Park Seong-nam", affiliation: "Research Fellow, AURI", role: .panelist),
            .init(name: "Jang Won-seok", affiliation: "Manager, LG CNS", role: .panelist),
            .init(name: "Kwak Jeong-min", affiliation: "Attorney, Class Law Firm", role: .panelist),
        ]
        demo.remarks = [
            .init(speaker: 0, text: "This plan is our chance to take the smart city demonstration programs that worked at home to "
                + "markets abroad, and to grow the industry around private companies rather than around government projects."),
            .init(speaker: 1, text: "Now that the draft has been presented, the panel will discuss its implementation strategies and tasks. "
                + "I will call on each panelist in turn."),
            .init(speaker: 2, text: "Linking data and supporting common standards is what will bring smart city data hubs to life. "
                + "Many private companies find data hard to process, so the plan should also consider offering them processing services. "
                + "Pilot projects can then uncover uses that keep the data and solutions they produce connected and growing."),
            .init(speaker: 3, text: "Korean smart cities have moved past the early stage into expansion and maturity. "
                + "We need a performance evaluation system with regular monitoring, governance that lets smart city services converge, "
                + "and preparation for the city that comes after the smart city."),
            .init(speaker: 4, text: "A metropolis, a city and a county cannot follow the same plan. "
                + "Strategies should differ by the size of the region, and the plan should start from the people who will use the services."),
            .init(speaker: 5, text: "The plan will only work if companies can sell what they build. Register proven smart city solutions "
                + "as excellent products with the Public Procurement Service, and back overseas contracts and their delivery with detailed support."),
            .init(speaker: 6, text: "Many regulations still block innovation by private companies. Central ministries and local governments "
                + "need a joint way to deal with them, and I welcome that the draft already includes one."),
            .init(speaker: 1, text: "Thank you. We will now take opinions from the floor."),
        ]
        demo.comments = [
            .init(text: "스마트시티 전문 인력을 키울 수 있도록 교육 과정과 자격 제도를 마련해 주세요.", channel: .inRoom),
            .init(text: "종합계획에서 지자체의 역할을 더 강화해야 합니다. 현장을 가장 잘 아는 것은 지자체입니다.", channel: .inRoom),
            .init(text: "Please publish practical guidelines on data, platforms and infrastructure for cities drafting their own smart city plans.", channel: .online),
            .init(text: "데이터허브를 기업만이 아니라 시민도 쓸 수 있게 개방해 주세요. 대중교통 정보부터 시작하면 좋겠습니다.", channel: .online),
            .init(text: "Smaller counties need money and staff, not only guidance, to take part in the platform city program (county office: 031-555-0142).", channel: .mail),
            .init(text: "민간 기업이 규제 특례를 더 쉽게 받을 수 있게 해 주세요(문의 010-2345-6789, startup.kim@example.kr).", channel: .online),
            .init(text: "Korean smart city solutions could do well abroad if export support covered small companies too.", channel: .inRoom),
        ] + smallTownCampaign
        demo.goals = smartCityGoals
        return demo
    }

    /// A residents' association's letter, sent 24 times: copies as written, signed, typed
    /// without spaces, with a typo, with a sentence left out, and with a sentence of the
    /// sender's own. The demo groups them into one campaign.
    static var smallTownCampaign: [DemoHearing.Comment] {
        let sentences = [
            "우리 군처럼 작은 지역도 스마트시티 서비스를 누릴 수 있게 해 주십시오.",
            "어르신이 많은 농촌 마을에는 스마트폰 없이도 쓸 수 있는 버스 안내와 돌봄 서비스가 필요합니다.",
            "종합계획에 인구 10만 명 미만 지역을 위한 예산과 인력 지원을 따로 담아 주시기 바랍니다.",
        ]
        let letter = sentences.joined(separator: " ")
        let names = ["김영수", "이정희", "박상철", "최미경", "정동훈", "윤서영"]
        let own = [
            "저는 보건지소에서 일하는 간호사입니다.",
            "면 소재지까지 버스가 하루 네 번뿐입니다.",
            "마을 이장으로서 주민 120명의 뜻을 전합니다.",
        ]
        var texts = Array(repeating: letter, count: 9)
        texts += names.map { "\(letter)\n\n\($0) 드림" }
        texts += [letter.replacingOccurrences(of: " ", with: ""), letter.replacingOccurrences(of: "스마트시티 서비스", with: "스마트시티서비스"),
                  letter.replacingOccurrences(of: "작은 지역도", with: "작은지역도").replacingOccurrences(of: "버스 안내", with: "버스안내")]
        texts += [letter.replacingOccurrences(of: "필요합니다", with: "필요함니다"), letter.replacingOccurrences(of: "누릴", with: "누를")]
        texts += [sentences[0] + " " + sentences[2]]
        texts += own.map { "\($0) \(letter)" }
        return texts.enumerated().map { .init(text: $0.element, channel: $0.offset % 3 == 0 ? .mail : .online) }
    }

    /// The plan's three goals, as `examples/smart-city-plan-4.goals.yaml` writes them
    /// (a test keeps the two the same).
    static let smartCityGoals: [PolicyGoal] = [
        PolicyGoal(
            code: "G1", name: "A cutting-edge digital space anyone can enjoy, anytime and anywhere",
            description: "Digital services and data that reach every citizen and every region.",
            terms: terms("data hub", "data", "platform", "platform city", "digital", "standard", "citizen", "user", "accessibility",
                         "데이터", "데이터허브", "플랫폼", "디지털", "표준", "시민", "이용자", "접근성", "교통")),
        PolicyGoal(
            code: "G1.1", name: "Data hub activation", parentCode: "G1",
            terms: terms("data hub", "data linkage", "processing services", "open data", "데이터허브", "데이터 연계", "공공데이터")),
        PolicyGoal(
            code: "G1.2", name: "Smart services by region and city size", parentCode: "G1",
            terms: terms("region", "regional", "county", "city size", "metropolitan", "지역", "지자체", "광역")),
        PolicyGoal(
            code: "G2", name: "An innovative space led by the private sector and supported by the public",
            description: "Private companies lead; government removes barriers and buys what works.",
            terms: terms("private sector", "private companies", "companies", "industry", "regulation", "procurement",
                         "startup", "innovation", "business", "민간", "민간 기업", "기업", "산업", "규제", "조달", "혁신", "스타트업")
                + [GoalTerm("regulatory sandbox", weight: 2), GoalTerm("규제 특례", weight: 2)]),
        PolicyGoal(
            code: "G3", name: "A smart space that serves as a model for the world",
            description: "Korean smart cities and solutions exported and emulated abroad.",
            terms: terms("overseas", "abroad", "export", "global", "international", "world", "해외", "수출", "세계", "국제", "글로벌")
                + [GoalTerm("overseas expansion", weight: 2), GoalTerm("해외 진출", weight: 2)]),
    ]

    private static func terms(_ words: String...) -> [GoalTerm] { words.map { GoalTerm($0) } }

    static var gwangjuProposals: DemoHearing {
        var demo = DemoHearing(hearing: Hearing(
            slug: "gwangju-citizen-group",
            title: "Gwangju smart city citizen participation group: proposals",
            kind: .participationRound,
            organizers: ["Gwangju Metropolitan City"],
            plan: "Smart City Creation Action Plan: a citizen-led promotion system, smart city tasks chosen for citizens, "
                + "and a big data integration platform built around citizens' convenience."))
        let group = "Gwangju Smart City Citizen Participation Group"
        demo.proposals = [
            .init(group: group, title: "One portal for child care, jobs, culture and the arts",
                  text: "The city runs many separate portals. Join them into one platform so a citizen signs in once and finds every service.",
                  supporters: 214),
            .init(group: group, title: "교통과 기후 데이터부터 쌓기",
                  text: "빅데이터 분석을 교통 인프라와 기후 분야부터 단계적으로 축적하고, 분석 결과를 시정에 반영한 내용을 시민에게 공개해 주세요.",
                  supporters: 187),
            .init(group: group, title: "Citizens on the Smart City Creation Committee",
                  text: "Give civil society groups a fixed share of the committee's seats, so citizens help set, carry out and evaluate the policy.",
                  supporters: 133),
            .init(group: "Gwangju university and techno park network", title: "Prepare a joint bid for the Smart City Challenge",
                  text: "Universities, autonomous districts and the techno park should prepare the national Smart City Challenge application together, "
                      + "with the city's administrative and financial support settled in advance.",
                  supporters: 58),
        ]
        return demo
    }

    static var allianceSeminar: DemoHearing {
        var demo = DemoHearing(hearing: Hearing(
            slug: "smart-city-alliance-seminar",
            title: "Smart City Convergence Alliance corporate seminar",
            kind: .seminar,
            startsAt: try? LocalDateTime(parsing: "2019-01-09 10:30"),
            venue: "Job Committee briefing room, 12th floor, Gwanghwamun KT Building (West), Seoul",
            organizers: ["Ministry of Land, Infrastructure and Transport"],
            plan: "The alliance's composition plan and company participation in the national pilot cities (Sejong 5-1 neighborhood, Busan Eco Delta City)."))
        demo.panel = [
            .init(name: "Lee Jung-hee", affiliation: "Urban Economy Division Manager, MOLIT", role: .official),
        ]
        demo.remarks = [
            .init(speaker: 0, text: "With many companies taking part, the alliance can lead a sustainable smart city built by the private sector. "
                + "The national pilot city subcommittee starts first, and we hope companies that want to help build a world-leading smart city will join it."),
        ]
        demo.proposals = [
            .init(group: "National pilot city subcommittee", title: "Open the pilot city infrastructure to IoT, big data and AI",
                  text: "Define the interfaces early so companies can plug their IoT, big data and AI technology into the pilot cities' infrastructure.",
                  supporters: 41),
            .init(group: "Regulation and systems subcommittee", title: "A standing list of regulations to reform",
                  text: "Collect the rules that stop services in the pilot cities in one list, and report on each one's progress at every general assembly.",
                  supporters: 36),
            .init(group: "Business model subcommittee", title: "Shared business models for mobility and energy",
                  text: "Companies from different sectors should design revenue models together, starting with mobility and energy services.",
                  supporters: 22),
            .init(group: "Distribution and expansion subcommittee", title: "Take pilot city services abroad",
                  text: "Package the pilot cities' services so member companies can offer them together in overseas markets.",
                  supporters: 17),
        ]
        return demo
    }
}
