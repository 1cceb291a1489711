#!/usr/bin/python3
"""A loopback HTTP(S) server for redline's tests: real sockets, real HTTP, hostile on request.

Binds 127.0.0.1 on a free port and prints the port as the first line of stdout. Serves files
from --root with ETag / Last-Modified and honours If-None-Match / If-Modified-Since (304);
gzip-encodes files when the client accepts it. Scripted paths cover the hostile cases:

  /redirect/N[?code=301&to=/path]   chain of N redirects, then `to` (or a 200 text body)
  /redirect-to?url=U[&code=302]     one redirect to any URL (file://, http://127.0.0.1, ...)
  /loop                             redirects to itself forever
  /moved-permanently[?to=/path]     301 to /feed.xml (or `to`)
  /status/CODE[?retry_after=V&cache_control=V&body=TEXT]  that status with those headers
  /gzip-bomb                        gzip stream that inflates to over 1 GiB, streamed
  /trickle[?interval=1.0]           Content-Length 1000, one byte per interval seconds
  /endless[?chunk=16384&delay=0]    200 with a body that never ends (close-delimited)
  /truncated                        Content-Length 1000, 100 bytes sent, then close
  /slow?ms=N                        answers after N ms (counts concurrent requests)
  /headers                          the request headers as JSON
  /stats                            {"requests": n, "active": n, "max_active": n}

POST and PUT to any path are logged with their body length and answered 200 (or /status/CODE).
Every request is logged as one tab-separated line to --log (or nowhere):
  METHOD  PATH(with query)  If-None-Match  If-Modified-Since  (a "-" when absent)
--tls-cert/--tls-key serve HTTPS instead. Exits at once on SIGTERM.
"""

import argparse
import email.utils
import gzip
import hashlib
import json
import mimetypes
import os
import signal
import socket
import ssl
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONTENT_TYPES = {
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/feed+json",
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
}


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.active = 0
        self.max_active = 0

    def enter(self):
        with self.lock:
            self.requests += 1
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def leave(self):
        with self.lock:
            self.active -= 1

    def snapshot(self):
        with self.lock:
            return {"requests": self.requests, "active": self.active,
                    "max_active": self.max_active}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "redline-test-server"
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # requests go to --log, in our own format

    def log_request_line(self, extra=""):
        log = self.server.log
        if log is None:
            return
        fields = [self.command, self.path,
                  self.headers.get("If-None-Match") or "-",
                  self.headers.get("If-Modified-Since") or "-"]
        line = "\t".join(f.replace("\t", " ") for f in fields) + extra + "\n"
        with self.server.log_lock:
            log.write(line)
            log.flush()

    # -- dispatch ---------------------------------------------------------------------------

    def do_GET(self):
        self.handle_request(head=False)

    def do_HEAD(self):
        self.handle_request(head=True)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        self.log_request_line("\t%d" % len(body))
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/status/"):
            self.send_status(url, head=False)
        else:
            self.send_text(200, "ok\n")

    do_PUT = do_POST

    def handle_request(self, head):
        self.log_request_line()
        stats = self.server.stats
        stats.enter()
        try:
            self.route(urllib.parse.urlsplit(self.path), head)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, socket.timeout):
            self.close_connection = True
        finally:
            stats.leave()

    def route(self, url, head):
        path = url.path
        query = dict(urllib.parse.parse_qsl(url.query))
        scripted = {
            "/redirect-to": self.redirect_to,
            "/loop": lambda q: self.redirect(302, "/loop"),
            "/moved-permanently": lambda q: self.redirect(301, q.get("to", "/feed.xml")),
            "/gzip-bomb": self.gzip_bomb,
            "/trickle": self.trickle,
            "/endless": self.endless,
            "/truncated": self.truncated,
            "/slow": self.slow,
            "/headers": self.echo_headers,
            "/stats": lambda q: self.send_json(self.server.stats.snapshot()),
        }
        if path in scripted:
            scripted[path](query)
        elif path.startswith("/redirect/"):
            self.redirect_chain(path[len("/redirect/"):], query)
        elif path.startswith("/status/"):
            self.send_status(url, head)
        else:
            self.send_file(path, head)

    # -- plain responses --------------------------------------------------------------------

    def send_bytes(self, code, body, content_type="text/plain; charset=utf-8", headers=(),
                   head=False):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_text(self, code, text, headers=()):
        self.send_bytes(code, text.encode(), headers=headers)

    def send_json(self, value):
        self.send_bytes(200, json.dumps(value).encode(), "application/json")

    def send_status(self, url, head):
        query = dict(urllib.parse.parse_qsl(url.query))
        code = int(url.path[len("/status/"):] or 200)
        headers = []
        if "retry_after" in query:
            headers.append(("Retry-After", query["retry_after"]))
        if "cache_control" in query:
            headers.append(("Cache-Control", query["cache_control"]))
        body = query.get("body", "status %d\n" % code)
        if code == 304 or code < 200:
            self.send_response(code)
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            return
        self.send_bytes(code, body.encode(), headers=headers, head=head)

    def redirect(self, code, location):
        self.send_text(code, "see %s\n" % location, headers=[("Location", location)])

    def redirect_chain(self, count, query):
        n = int(count or 0)
        code = int(query.get("code", 302))
        rest = urllib.parse.urlencode({k: v for k, v in query.items()})
        if n > 0:
            self.redirect(code, "/redirect/%d%s" % (n - 1, "?" + rest if rest else ""))
        elif "to" in query:
            self.redirect(code, query["to"])
        else:
            self.send_text(200, "end of redirect chain\n")

    def redirect_to(self, query):
        self.redirect(int(query.get("code", 302)), query.get("url", "/"))

    # -- files with validators ----------------------------------------------------------------

    def send_file(self, path, head):
        root = self.server.root
        if root is None:
            return self.send_text(404, "no root\n")
        rel = urllib.parse.unquote(path).lstrip("/")
        full = os.path.realpath(os.path.join(root, rel))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            return self.send_text(404, "not found\n")
        with open(full, "rb") as f:
            data = f.read()
        mtime = int(os.stat(full).st_mtime)
        etag = '"%s"' % hashlib.sha256(data).hexdigest()[:16]
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        validators = [("ETag", etag), ("Last-Modified", last_modified)]
        if FILE_MAX_AGE > 0:
            validators.append(("Cache-Control", "max-age=%d" % FILE_MAX_AGE))
        if self.not_modified(etag, mtime):
            self.send_response(304)
            for name, value in validators:
                self.send_header(name, value)
            self.end_headers()
            return
        ext = os.path.splitext(full)[1]
        content_type = CONTENT_TYPES.get(ext) or mimetypes.guess_type(full)[0] or \
            "application/octet-stream"
        headers = list(validators) + [("Vary", "Accept-Encoding")]
        if self.accepts_gzip():
            data = gzip.compress(data)
            headers.append(("Content-Encoding", "gzip"))
        self.send_bytes(200, data, content_type, headers, head)

    def not_modified(self, etag, mtime):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return mtime <= since
        return False

    def accepts_gzip(self):
        for part in (self.headers.get("Accept-Encoding") or "").split(","):
            name, _, params = part.strip().partition(";")
            if name.strip().lower() in ("gzip", "x-gzip") and params.replace(" ", "") != "q=0":
                return True
        return False

    # -- hostile responses ------------------------------------------------------------------

    def gzip_bomb(self, query):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = b"\0" * (1 << 20)
        for _ in range(1100):  # 1100 MiB once inflated, about 1 MiB on the wire
            chunk = compressor.compress(zeros)
            if chunk:
                self.wfile.write(chunk)
        self.wfile.write(compressor.flush())

    def trickle(self, query):
        interval = float(query.get("interval", 1.0))
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.flush()
        for _ in range(1000):
            self.wfile.write(b"<")
            self.wfile.flush()
            time.sleep(interval)

    def endless(self, query):
        chunk = b"<item>" + b"x" * max(0, int(query.get("chunk", 16384)) - 6)
        delay = float(query.get("delay", 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        while True:
            self.wfile.write(chunk)
            self.wfile.flush()
            if delay:
                time.sleep(delay)

    def truncated(self, query):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"<rss>" + b"x" * 95)
        self.wfile.flush()
        self.close_connection = True

    def slow(self, query):
        time.sleep(int(query.get("ms", 100)) / 1000.0)
        self.send_text(200, "slow %s\n" % self.path)

    def echo_headers(self, query):
        self.send_json({name.lower(): value for name, value in self.headers.items()})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256
    tls_context = None

    def finish_request(self, request, client_address):
        if self.tls_context is None:
            return super().finish_request(request, client_address)
        # The TLS handshake runs here, on the connection's own thread, so a client that
        # refuses our certificate (or stalls) never blocks the accept loop.
        request.settimeout(30)
        try:
            tls = self.tls_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            tls.close()


FILE_MAX_AGE = 60


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="directory of files to serve")
    parser.add_argument("--log", help="append one line per request to this file")
    parser.add_argument("--tls-cert", help="PEM certificate: serve HTTPS")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")
    parser.add_argument("--file-max-age", type=int, default=60,
                        help="Cache-Control max-age sent with files (0: no Cache-Control)")
    args = parser.parse_args()
    global FILE_MAX_AGE
    FILE_MAX_AGE = args.file_max_age

    server = Server(("127.0.0.1", 0), Handler)
    server.root = os.path.realpath(args.root) if args.root else None
    server.log = open(args.log, "a", encoding="utf-8") if args.log else None
    server.log_lock = threading.Lock()
    server.stats = Stats()
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.tls_context = context

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
