#!/usr/bin/env python3
"""Attacks a built madang binary the way the hardening issue's attack did, bounded in count
and time, and fails when an attack finds a fault.

  kill      kill -9 an import, a goals load and a categorize run at random moments:
            every time the database must pass integrity_check and hold all of a run or none
  csv       mutated CSV files (flipped bytes, stray quotes, NULs, CRs, cut ends, huge fields):
            import --dry-run must end by itself, in time and memory, with 0, 1 or 3
  yaml      mutated taxonomies, alias bombs, huge terms: goals load ends with 0 or 1, in time
  template  deep, unclosed and self-including templates: digest ends with 0 or 1, in time
  text      hostile text (terminal escapes, bidi overrides, NULs, formulas) through every
            output: no escape reaches the terminal, no raw tag the HTML

Usage: scripts/attack [--short] [--seed N]   (the binary: $MADANG, else .build/debug/madang)
"""
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

SHORT = "--short" in sys.argv
SEED = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20241124
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MADANG = os.environ.get("MADANG") or os.path.join(ROOT, ".build", "debug", "madang")
TIMEOUT = 60           # seconds any one command may take
ADDRESS_SPACE = 4 << 30  # bytes of address space any one command may reserve (Swift reserves ~1 GiB)
rng = random.Random(SEED)
failures = []
counts = {}


def run(args, db, **environment):
    """Runs madang with a time and address-space limit; returns (status, stdout, stderr)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    env = dict(os.environ, MADANG_DB=db, NO_COLOR="1", **environment)
    try:
        done = subprocess.run([MADANG] + args, capture_output=True, timeout=TIMEOUT, env=env, preexec_fn=limit)
        return done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def each_file(folder, attack, cases, args, allowed, **environment):
    """Writes each case (name: text) to a file, runs `args(path)` and checks its status."""
    db = fresh(folder)
    run(["comment", "add", "h", "버스를 늘려 주세요"], db)
    for name, text in cases.items():
        path = os.path.join(folder, name)
        with open(path, "w") as f:
            f.write(text)
        status, _, err = run(args(path), db, **environment)
        check(attack, status in allowed, f"exit {status} on {name}: {err[-300:]!r}")


def check(name, ok, detail):
    counts[name] = counts.get(name, 0) + 1
    if not ok:
        failures.append(f"{name}: {detail}")


def fresh(folder):
    db = os.path.join(folder, f"a{rng.randrange(10**9)}.sqlite")
    run(["init"], db)
    run(["hearing", "add", "h", "--title", "Attack"], db)
    return db


def comments_csv(rows, seed):
    r = random.Random(seed)
    lines = ["id,title,body,author,email"]
    for i in range(rows):
        lines.append(f'{i},제목 {i},"시민 의견 {i}: 대중교통과 데이터허브, ""공원"" 확충 {r.random():.6f}",김민수,m{i}@example.org')
    return ("\n".join(lines) + "\n").encode()


def items_count(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        return con.execute("SELECT count(*) FROM item").fetchone()[0]


def integrity(db):
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA integrity_check").fetchone()[0]


def attack_kill(folder):
    trials = 4 if SHORT else 30
    taxonomy = os.path.join(folder, "goals.yaml")
    with open(taxonomy, "w") as f:
        f.write("goals:\n  - id: T\n    name: Transport\n    terms: [대중교통, bus]\n  - id: D\n    name: Data\n    terms: [데이터허브]\n")
    for trial in range(trials):
        db = fresh(folder)
        path = os.path.join(folder, f"kill{trial}.csv")
        rows = 4000 if SHORT else 20000
        with open(path, "wb") as f:
            f.write(comments_csv(rows, trial))
        run(["comment", "add", "h", "before"], db)
        for command in (["import", "h", path, "--kind", "comment"], ["goals", "load", "h", taxonomy], ["categorize", "h"]):
            before = items_count(db)
            with open(os.devnull, "wb") as null:
                process = subprocess.Popen([MADANG] + command, env=dict(os.environ, MADANG_DB=db), stdout=null, stderr=null)
            time.sleep(rng.uniform(0.05, 0.8))
            process.send_signal(signal.SIGKILL)
            process.wait()
            check("kill", integrity(db) == "ok", f"integrity after kill -9 of {command[0]} (trial {trial})")
            after = items_count(db)
            if command[0] == "import":
                check("kill", after in (before, before + rows), f"{after - before} of {rows} rows after kill -9 of import")
            else:
                check("kill", after == before, f"{command[0]} changed the item count")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            goals = con.execute("SELECT count(*) FROM policyGoal").fetchone()[0]
            tags = con.execute("SELECT count(*) FROM tag").fetchone()[0]
        # goals load is one transaction: new goals never stand without their tags.
        check("kill", goals == 0 or tags > 0 or items_count(db) <= 1, f"{goals} goals but no tags after kill -9")


def mutate(data, r):
    data = bytearray(data)
    for _ in range(r.randrange(1, 12)):
        kind = r.randrange(7)
        at = r.randrange(len(data)) if data else 0
        if kind == 0 and data:
            data[at] = r.randrange(256)
        elif kind == 1:
            data[at:at] = r.choice([b'"', b'""', b"\x00", b"\r", b"\n", b";", b"\t", b"\xef\xbb\xbf", b"\xff\xfe"])
        elif kind == 2:
            del data[at:at + r.randrange(1, 40)]
        elif kind == 3:
            data = data[:at]
        elif kind == 4:
            data[at:at] = b"x" * r.randrange(1, 200_000)
        elif kind == 5:
            data[at:at] = bytes(r.randrange(256) for _ in range(r.randrange(1, 30)))
        else:
            data[at:at] = b'"' + b"y" * r.randrange(1, 50_000)
    return bytes(data)


def attack_csv(folder):
    db = fresh(folder)
    seed = comments_csv(300, 7)
    for trial in range(25 if SHORT else 400):
        path = os.path.join(folder, f"fuzz{trial}.csv")
        with open(path, "wb") as f:
            f.write(mutate(seed, rng))
        status, _, err = run(["import", "h", path, "--kind", "comment", "--dry-run", "--map", "3=body"], db)
        check("csv", status in (0, 1, 3), f"exit {status} on {path}: {err[-300:]!r}")
        os.remove(path)
    for name, data in (("zeros.csv", b"\0" * (20 << 20)), ("bom.csv", b"\xef\xbb\xbf"), ("empty.csv", b""),
                       ("unclosed.csv", b'body\n"' + b"z" * (20 << 20))):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        status, _, err = run(["import", "h", path, "--kind", "comment", "--dry-run"], db)
        check("csv", status in (0, 1, 3), f"exit {status} on {name}: {err[-300:]!r}")


def attack_yaml(folder):
    bomb = "goals:\n  - &g0 {id: G0, name: Zero, terms: [a]}\n" + "".join(
        f"  - &g{i} {{id: G{i}, name: N{i}, terms: [b], strategies: [*g{i - 1}, *g{i - 1}]}}\n" for i in range(1, 31))
    cases = [bomb, "goals:\n  - id: G1\n    name: One\n    terms: [" + "가" * 200_000 + "]\n",
             "goals:\n  - id: G1\n    name: One\n    terms: [" + ", ".join(f"t{i}" for i in range(100_000)) + "]\n"]
    seed = "goals:\n  - id: G1\n    name: One\n    terms: [bus, 버스]\n    strategies:\n      - id: G1.1\n        name: S\n        terms: [data]\n"
    cases += [mutate(seed.encode(), rng).decode("utf-8", "replace") for _ in range(10 if SHORT else 100)]
    each_file(folder, "yaml", {f"t{index}.yaml": text for index, text in enumerate(cases)},
              lambda path: ["goals", "load", "h", path], (0, 1))


def attack_template(folder):
    cases = {"deep.md.mustache": "{{#goals}}" * 20_000, "closed.md.mustache": "{{#goals}}" * 5_000 + "{{/goals}}" * 5_000,
             "repeat.md.mustache": "{{hearing.title}}" * 50_000, "broken.md.mustache": "{{#goals}}{{/nothing}}"}
    each_file(folder, "template", cases, lambda path: ["digest", "h", "--template", path], (0, 1))
    # A templates folder whose partials include each other: refused, not rendered forever.
    library = os.path.join(folder, "templates")
    os.makedirs(os.path.join(library, "partials"))
    for name, text in {"digest.md.mustache": "{{> partials/a}}", "partials/a.mustache": "{{> partials/b}}",
                       "partials/b.mustache": "{{> partials/a}}"}.items():
        with open(os.path.join(library, name), "w") as f:
            f.write(text)
    status, _, err = run(["digest", "h"], fresh(folder), MADANG_TEMPLATES=library)
    check("template", status == 1 and b"includes, in the end, itself" in err, f"exit {status} on cyclic partials: {err[-300:]!r}")


def attack_text(folder):
    db = fresh(folder)
    hostile = ["See \x1b[2J cleared", "title \x1b]0;pwned\x07 x", "link \x1b]8;;https://x.example\x1b\\here\x1b]8;;\x1b\\",
               "bidi \u202eevil\u202c", "nul \x00 inside", "=HYPERLINK(\"http://x\")", "<script>alert(1)</script>"]
    for text in hostile:
        run(["comment", "add", "h", text.replace("\x00", ""), "--author", "홍길동 010-9876-5432"], db)
    path = os.path.join(folder, "hostile.csv")
    with open(path, "wb") as f:
        f.write(b"body\n" + b"\n".join(('"' + t.replace('"', '""') + '"').encode() for t in hostile) + b"\n")
    run(["import", "h", path, "--kind", "comment"], db)
    for args in (["items", "h"], ["search", "h", "cleared"], ["imports", "list"], ["digest", "h", "--format", "txt"],
                 ["digest", "h", "--show-names"]):
        status, out, _ = run(args, db)
        check("text", status == 0 and b"\x1b" not in out and "\u202e".encode() not in out and b"\x07" not in out,
              f"{' '.join(args)} printed a control or bidi override")
        check("text", b"010-9876-5432" not in out or args[0] != "digest", f"{' '.join(args)} printed a phone number")
    status, out, _ = run(["digest", "h", "--format", "html"], db)
    check("text", status == 0 and b"<script>" not in out, "the HTML digest holds a live <script>")


def main():
    if not os.access(MADANG, os.X_OK):
        sys.exit(f"attack: no madang binary at {MADANG}; build it (swift build) or set MADANG.")
    started = time.time()
    folder = tempfile.mkdtemp(prefix="madang-attack-")
    try:
        for attack in (attack_kill, attack_csv, attack_yaml, attack_template, attack_text):
            attack(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.time() - started
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"attack ({'short' if SHORT else 'full'}, seed {SEED}, {seconds:.0f} s): {summary} checks")
    for failure in failures:
        print("FAULT " + failure)
    print(f"attack: {sum(counts.values()) - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
