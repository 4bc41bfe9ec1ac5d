"""Sends a burst of public-form submissions to a server on loopback and measures it
(see scripts/bench-web).

Usage: bench_web.py BASE_URL SLUG BODIES.txt COUNT CONCURRENCY [SESSION_COOKIE]

Each of CONCURRENCY connections opens the form once (for its token cookie), then posts
opinions over one kept-alive connection until COUNT have been sent in all. With a session
cookie, one more connection reads the organizer's list of opinions throughout. Prints one
JSON object: accepted, errors, seconds, requests per second, p50/p99 latency in ms, and the
organizer's reads with their p50/p99.
"""
import asyncio
import json
import re
import sys
import time
import urllib.parse


async def request(reader, writer, head, body=b""):
    """Sends one HTTP/1.1 request on a kept-alive connection; returns status, headers, body."""
    writer.write(head + body)
    await writer.drain()
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    length = int(headers.get("content-length", ["0"])[0])
    payload = await reader.readexactly(length) if length else b""
    return status, headers, payload


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


async def citizen(host, port, slug, bodies, queue, latencies, outcome):
    reader, writer = await asyncio.open_connection(host, port)
    base = f"Host: {host}:{port}\r\n".encode()
    status, headers, page = await request(reader, writer, f"GET /h/{slug} HTTP/1.1\r\n".encode() + base + b"\r\n")
    cookie = next((c.split(";")[0] for c in headers.get("set-cookie", []) if c.startswith("madang_form=")), "")
    token = re.search(rb'name="_csrf" value="([0-9a-f]+)"', page)
    token = token.group(1).decode() if token else ""
    while True:
        try:
            n = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        body = urllib.parse.urlencode({"_csrf": token, "text": bodies[n % len(bodies)], "name": f"시민 {n}"}).encode()
        head = (f"POST /h/{slug} HTTP/1.1\r\n".encode() + base + f"Cookie: {cookie}\r\n".encode()
                + b"Content-Type: application/x-www-form-urlencoded\r\n" + f"Content-Length: {len(body)}\r\n\r\n".encode())
        start = time.perf_counter()
        try:
            status, headers, _ = await request(reader, writer, head, body)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            outcome["errors"] += 1
            writer.close()
            reader, writer = await asyncio.open_connection(host, port)
            continue
        latencies.append(time.perf_counter() - start)
        location = headers.get("location", [""])[0]
        if status in (302, 303) and "/receipt/" in location:
            outcome["accepted"] += 1
        else:
            outcome["errors"] += 1
    writer.close()


async def organizer(host, port, slug, cookie, done, reads):
    reader, writer = await asyncio.open_connection(host, port)
    head = f"GET /console/h/{slug}/opinions HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n\r\n".encode()
    while not done.is_set():
        start = time.perf_counter()
        status, _, _ = await request(reader, writer, head)
        if status == 200:
            reads.append(time.perf_counter() - start)
        await asyncio.sleep(0.2)
    writer.close()


async def main():
    base, slug, bodies_file, count, concurrency = sys.argv[1:6]
    cookie = sys.argv[6] if len(sys.argv) > 6 else ""
    url = urllib.parse.urlsplit(base)
    bodies = [line.rstrip("\n") for line in open(bodies_file, encoding="utf-8") if line.strip()]
    queue = asyncio.Queue()
    for n in range(int(count)):
        queue.put_nowait(n)
    latencies, reads, outcome = [], [], {"accepted": 0, "errors": 0}
    done = asyncio.Event()
    reading = asyncio.create_task(organizer(url.hostname, url.port, slug, cookie, done, reads)) if cookie else None
    start = time.perf_counter()
    await asyncio.gather(*[citizen(url.hostname, url.port, slug, bodies, queue, latencies, outcome)
                           for _ in range(int(concurrency))])
    seconds = time.perf_counter() - start
    done.set()
    if reading:
        await reading
    print(json.dumps({
        "accepted": outcome["accepted"], "errors": outcome["errors"], "seconds": round(seconds, 3),
        "per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(latencies, 0.50), 2), "p99_ms": round(percentile(latencies, 0.99), 2),
        "organizer_reads": len(reads), "organizer_p50_ms": round(percentile(reads, 0.50), 2),
        "organizer_p99_ms": round(percentile(reads, 0.99), 2),
    }))


asyncio.run(main())
