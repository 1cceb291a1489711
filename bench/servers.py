"""Loopback servers for the end-to-end benchmark (all on 127.0.0.1):

- Nginx: Debian's nginx with a generated configuration in a temp dir (not the system service):
  etag on, gzip for XML feeds, no access log.
- ChangingFeed: a feed that gains an action headline at a chosen moment; it records when the
  first response carrying that headline was fully written (time.time()).
- WebhookClock: a webhook receiver recording each request's arrival time (time.time()).
Both Python servers run in this process, so their clocks are the same clock.
"""
import os
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NGINX_CONF = """worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  types {{ application/xml xml; }}
  default_type application/octet-stream;
  etag on;
  gzip on;
  gzip_types application/xml application/rss+xml application/atom+xml text/xml;
  gzip_min_length 256;
  keepalive_requests 10000;
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class Nginx:
    def __init__(self, root, tmp):
        self.tmp = os.path.join(tmp, "nginx")
        os.makedirs(self.tmp, exist_ok=True)
        self.port = free_port()
        user = "user root;" if os.geteuid() == 0 else ""
        conf = os.path.join(self.tmp, "nginx.conf")
        with open(conf, "w") as f:
            f.write(NGINX_CONF.format(tmp=self.tmp, port=self.port, root=root, user=user))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.proc = subprocess.Popen([nginx, "-p", self.tmp, "-c", conf, "-e",
                                      os.path.join(self.tmp, "error.log")])
        wait_port(self.port)

    def url(self, name):
        return f"http://127.0.0.1:{self.port}/{name}"

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def _serve(handler_class):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rss_doc(items):
    parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
             "<title>Latency wire</title><link>http://127.0.0.1/</link>"]
    for guid, title in items:
        parts.append(f"<item><title>{title}</title><guid>{guid}</guid>"
                     f"<link>http://127.0.0.1/latency/{guid}</link>"
                     f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}"
                     f"</pubDate><description>Reported on the wire.</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class ChangingFeed:
    """Serves /feed.xml; after arm(), the feed carries the action headline."""

    def __init__(self, action_title):
        self.lock = threading.Lock()
        self.armed = False
        self.sent_at = None  # first fully written response with the action item
        self.requests = 0
        outer = self
        calm = rss_doc([("calm-1", "Weather service forecasts rain for the weekend")])
        hot = rss_doc([("calm-1", "Weather service forecasts rain for the weekend"),
                       ("action-1", action_title)])

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with outer.lock:
                    armed = outer.armed
                    outer.requests += 1
                body = hot if armed else calm
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                done = time.time()
                if armed:
                    with outer.lock:
                        if outer.sent_at is None:
                            outer.sent_at = done

            def log_message(self, *args):
                pass

        self.server = _serve(Handler)
        self.port = self.server.server_address[1]

    def arm(self):
        with self.lock:
            self.armed = True

    def stop(self):
        self.server.shutdown()


class WebhookClock:
    """Records the arrival time of every POST (after its body was read)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.arrivals = []  # (time, body bytes)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                at = time.time()
                with outer.lock:
                    outer.arrivals.append((at, body))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = _serve(Handler)
        self.port = self.server.server_address[1]

    def first_arrival(self):
        with self.lock:
            return self.arrivals[0] if self.arrivals else None

    def stop(self):
        self.server.shutdown()
