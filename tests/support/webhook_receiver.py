#!/usr/bin/python3
"""A webhook receiver for redline's tests, on 127.0.0.1 only.

Prints its port on the first line of stdout, then appends every request it receives as one JSON
line ({"method", "path", "headers", "body"}) to --log. Replies --status (default 204) after
--delay seconds. --fail-first N replies --fail-status (default 500) to the first N requests, then
--status. The replies can be changed while it runs: POST /_control with a JSON object of any of
"status", "delay", "fail_first", "fail_status" (control requests are not logged).
"""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE_LOCK = threading.Lock()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True, help="JSON Lines file of received requests")
    parser.add_argument("--status", type=int, default=204)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--fail-status", type=int, default=500)
    args = parser.parse_args()
    state = {"status": args.status, "delay": args.delay, "fail_first": args.fail_first,
             "fail_status": args.fail_status}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):  # quiet: stdout is for the port, stderr for errors
            pass

        def read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def reply(self, status, text=b""):
            self.send_response(status)
            self.send_header("Content-Length", str(len(text)))
            if text:
                self.send_header("Content-Type", "text/plain")
            self.end_headers()
            if text:
                self.wfile.write(text)

        def do_POST(self):
            body = self.read_body()
            if self.path == "/_control":
                with STATE_LOCK:
                    state.update(json.loads(body or b"{}"))
                self.reply(200, b"ok")
                return
            record = {"method": "POST", "path": self.path,
                      "headers": {k.lower(): v for k, v in self.headers.items()},
                      "body": body.decode("utf-8", "replace")}
            with STATE_LOCK:
                if state["fail_first"] > 0:
                    state["fail_first"] -= 1
                    status = state["fail_status"]
                else:
                    status = state["status"]
                delay = state["delay"]
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps(record) + "\n")
            if delay > 0:
                time.sleep(delay)
            self.reply(status, b"" if status == 204 else ("status %d\n" % status).encode())

        do_PUT = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
