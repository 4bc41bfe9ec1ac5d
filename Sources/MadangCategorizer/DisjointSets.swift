/// Elements `0..<count` in sets that are joined, never split: each set is named by its
/// smallest element, found through parents with the path halved on the way.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    /// The name of the set that holds `element`.
    mutating func root(_ element: Int) -> Int {
        var i = element
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    /// Joins the sets whose names are `a` and `b` (both roots); the smaller name stays.
    mutating func join(roots a: Int, _ b: Int) {
        if a != b { parent[max(a, b)] = min(a, b) }
    }
}
