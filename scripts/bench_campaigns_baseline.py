#!/usr/bin/env python3
"""The baseline of scripts/bench-campaigns: MinHash LSH from datasketch on a sample of a
hearing's comments, timed in this process.

usage: bench_campaigns_baseline.py DB SAMPLE.csv ROWS [--threshold 0.7]

Takes every k-th comment of the hearing `bench` in DB so that ROWS are taken, writes them to
SAMPLE.csv (title, body: for Madang to group the very same texts) and groups them with
128-permutation MinHashes of 5-character shingles and an LSH index at the threshold, joining
every comment with those the index returns for it. Prints seconds, peak memory and groups.
"""
import csv
import re
import resource
import sqlite3
import sys
import time


def main():
    db, sample, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    threshold = float(sys.argv[sys.argv.index("--threshold") + 1]) if "--threshold" in sys.argv else 0.7
    con = sqlite3.connect(db)
    total = con.execute("SELECT count(*) FROM item WHERE hearingId = (SELECT id FROM hearing WHERE slug = 'bench')").fetchone()[0]
    step = max(1, total // rows)
    texts = con.execute(
        "SELECT title, body FROM item WHERE hearingId = (SELECT id FROM hearing WHERE slug = 'bench') AND id % ? = 0 "
        "ORDER BY id LIMIT ?", (step, rows)).fetchall()
    with open(sample, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["title", "body"])
        w.writerows((title or "", body) for title, body in texts)

    from datasketch import MinHash, MinHashLSH
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    hashes = []
    for number, (title, body) in enumerate(texts):
        flat = re.sub(r"\s+", " ", (f"{title}\n{body}" if title else body).lower()).strip()
        m = MinHash(num_perm=128)
        m.update_batch([flat[i:i + 5].encode("utf-8") for i in range(max(1, len(flat) - 4))])
        lsh.insert(number, m)
        hashes.append(m)
    parent = list(range(len(texts)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for number, m in enumerate(hashes):
        for other in lsh.query(m):
            a, b = root(number), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    sizes = {}
    for number in range(len(texts)):
        sizes[root(number)] = sizes.get(root(number), 0) + 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    groups = sum(1 for size in sizes.values() if size > 1)
    print(f"{seconds:.1f} {peak} {groups} {len(texts)}")


if __name__ == "__main__":
    main()
