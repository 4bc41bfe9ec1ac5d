"""The baseline of scripts/bench-web: the least a public opinion form must do, in Python's
standard library. A threaded HTTP/1.1 server that serves a form with a token cookie, checks
the token on each post, stores the opinion in SQLite (WAL, one commit per opinion, as a
server must before it says "received") and redirects to a receipt. No categorizing, no
campaigns, no audit log, no HTML escaping of stored text.

Usage: bench_web_baseline.py PORT DB
"""
import secrets
import sqlite3
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, DB = int(sys.argv[1]), sys.argv[2]
local = threading.local()


def database():
    if not hasattr(local, "db"):
        local.db = sqlite3.connect(DB, timeout=60, isolation_level=None)
        local.db.execute("PRAGMA journal_mode=WAL")
        local.db.execute("PRAGMA synchronous=NORMAL")
        local.db.execute("CREATE TABLE IF NOT EXISTS comment (id INTEGER PRIMARY KEY, slug TEXT, name TEXT, body TEXT)")
    return local.db


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def cookie(self):
        for part in (self.headers.get("Cookie") or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "form":
                return value
        return ""

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        token = self.cookie() or secrets.token_hex(32)
        page = f'<form method="post"><input type="hidden" name="_csrf" value="{token}"><textarea name="text"></textarea></form>'
        self.send(200, page.encode(), [("Content-Type", "text/html; charset=utf-8"),
                                       ("Set-Cookie", f"madang_form={token}; HttpOnly; SameSite=Strict")])

    def do_POST(self):
        fields = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        token = (self.headers.get("Cookie") or "").partition("madang_form=")[2].split(";")[0]
        if not token or fields.get("_csrf", [""])[0] != token:
            return self.send(403)
        db = database()
        cursor = db.execute("INSERT INTO comment (slug, name, body) VALUES (?, ?, ?)",
                            (self.path, fields.get("name", [""])[0], fields.get("text", [""])[0]))
        self.send(303, headers=[("Location", f"{self.path}/receipt/{cursor.lastrowid}")])


database()
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
