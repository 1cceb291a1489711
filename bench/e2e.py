#!/usr/bin/python3
"""End-to-end benchmark of redline against the tools users would pick instead.

Generates N feeds (gen_feeds.py) served by nginx on 127.0.0.1, then per run:
  - redline poll --once, cold (empty database) and warm (second run: every feed 304);
  - newsboat -x reload on the same URLs, cold (empty cache) and warm;
  - feedparser on the micro benchmark's large feeds (MB/s, for the parse ratio);
  - latency: a 1 s feed that gains an action headline -> webhook arrival (redline run);
  - idle: CPU seconds of redline run with N feeds over an idle window after the first cycle,
    and its peak RSS.
Wall, user+sys CPU and peak RSS of the pollers come from /usr/bin/time. Results: one JSON file.
"""
import argparse
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import servers  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WATCHLIST = os.path.join(ROOT, "config", "watchlists", "us-mexico.toml")
ACTION_TITLE = "US drone strike hits cartel lab in Sinaloa, killing three"


def timed(cmd, env=None, cwd=None):
    """Runs cmd under /usr/bin/time; returns wall s, cpu s (user+sys), peak RSS MB, rc."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + cmd,
                           env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall, user, sys_, rss_kb = t.read().split()[-4:]
    return {"wall_s": float(wall), "cpu_s": float(user) + float(sys_),
            "rss_mb": int(rss_kb) / 1024.0, "rc": p.returncode,
            "stderr_tail": p.stderr.decode(errors="replace")[-400:]}


def redline_config(path, db, feeds, limits=True, webhook=None):
    lines = [f'[storage]\ndatabase = "{db}"\n', f'[watchlist]\nfile = "{WATCHLIST}"\n']
    if limits:
        lines.append("[limits]\nmax_concurrent = 32\nmax_per_host = 32\n")
    if webhook:
        lines.append(f'[[alerts.webhook]]\nurl = "{webhook}"\nsecret = "bench-secret"\n'
                     "allow_private = true\n")
    for name, url, interval in feeds:
        lines.append(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval = "{interval}"\n'
                     "allow_private = true\n")
    with open(path, "w") as f:
        f.write("\n".join(lines))


def count(db, sql):
    """sql's one value, or None when the database is missing or not as expected."""
    if not os.path.exists(db):
        return None
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        con.close()


def bench_redline_poll(redline, tmp, urls):
    db = os.path.join(tmp, "poll.db")
    cfg = os.path.join(tmp, "poll.toml")
    redline_config(cfg, db, [(f"feed-{i:04d}", u, "10m") for i, u in enumerate(urls)])
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    cold = timed([redline, "poll", "--once", "--config", cfg])
    cold["items"] = count(db, "SELECT count(*) FROM items")
    # poll --once leaves the search index to the next search: the first one pays for it.
    cold["first_search"] = timed([redline, "history", "--db", db, "--search", "cartel",
                                  "--limit", "1"])
    cold["first_search"]["indexed"] = count(db, "SELECT count(*) FROM items_fts")
    warm = timed([redline, "poll", "--once", "--config", cfg])
    warm["items"] = count(db, "SELECT count(*) FROM items")
    return cold, warm


def bench_newsboat(tmp, urls):
    home = os.path.join(tmp, "nbhome")
    os.makedirs(home, exist_ok=True)
    url_file = os.path.join(tmp, "newsboat-urls")
    with open(url_file, "w") as f:
        f.write("\n".join(urls) + "\n")
    conf = os.path.join(tmp, "newsboat-config")
    with open(conf, "w") as f:
        f.write("reload-threads 32\nshow-read-feeds yes\n")
    cache = os.path.join(tmp, "newsboat-cache.db")
    for suffix in ("", ".lock"):
        if os.path.exists(cache + suffix):
            os.remove(cache + suffix)
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
    cmd = ["newsboat", "-u", url_file, "-c", cache, "-C", conf, "-x", "reload"]
    cold = timed(cmd, env=env)
    cold["items"] = count(cache, "SELECT count(*) FROM rss_item")
    warm = timed(cmd, env=env)
    warm["items"] = count(cache, "SELECT count(*) FROM rss_item")
    return cold, warm


def bench_feedparser(data_dir, reps):
    import feedparser
    out = {}
    for name in ("large_rss.xml", "large_atom.xml"):
        with open(os.path.join(data_dir, name), "rb") as f:
            data = f.read()
        rates = []
        for _ in range(reps):
            t0 = time.perf_counter()
            parsed = feedparser.parse(data)
            rates.append(len(data) / (time.perf_counter() - t0) / 1e6)
        out[name] = {"mb_per_s": sorted(rates)[len(rates) // 2], "mb_per_s_runs": rates,
                     "items": len(parsed.entries)}
    return out


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        m = re.search(r"VmHWM:\s+(\d+) kB", f.read())
    return int(m.group(1)) / 1024.0


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def bench_latency(redline, tmp, timeout=60.0):
    # A database of its own per run: a later run must not find the action item already stored.
    tmp = tempfile.mkdtemp(prefix="latency-", dir=tmp)
    feed = servers.ChangingFeed(ACTION_TITLE)
    hook = servers.WebhookClock()
    db = os.path.join(tmp, "latency.db")
    cfg = os.path.join(tmp, "latency.toml")
    redline_config(cfg, db, [("latency-wire", f"http://127.0.0.1:{feed.port}/feed.xml", "1s")],
                   webhook=f"http://127.0.0.1:{hook.port}/hook")
    log = open(os.path.join(tmp, "latency.log"), "w")
    proc = subprocess.Popen([redline, "run", "--config", cfg], stdout=log, stderr=log)
    try:
        deadline = time.time() + timeout
        while feed.requests < 2 and time.time() < deadline:  # past the first poll: not backlog
            time.sleep(0.05)
        feed.arm()
        while hook.first_arrival() is None and time.time() < deadline:
            time.sleep(0.005)
        arrival = hook.first_arrival()
        if arrival is None or feed.sent_at is None:
            return {"error": "no webhook within %.0f s (see %s)" % (timeout, log.name)}
        return {"ms": (arrival[0] - feed.sent_at) * 1000.0,
                "alert_has_action": b'"action"' in arrival[1]}
    finally:
        stop(proc)
        log.close()
        feed.stop()
        hook.stop()


def bench_idle(redline, tmp, urls, idle_s):
    db = os.path.join(tmp, "idle.db")
    cfg = os.path.join(tmp, "idle.toml")
    redline_config(cfg, db, [(f"feed-{i:04d}", u, "10m") for i, u in enumerate(urls)])
    log_path = os.path.join(tmp, "idle.log")
    log = open(log_path, "w")
    proc = subprocess.Popen([redline, "run", "--config", cfg], stdout=log, stderr=log)
    try:
        t0 = time.time()
        # The first cycle is over when the CPU time stops growing for 2 s.
        last, still_since = -1.0, None
        while time.time() - t0 < 300:
            time.sleep(0.25)
            c = cpu_seconds(proc.pid)
            if c != last:
                last, still_since = c, time.time()
            elif time.time() - still_since >= 2.0 and c > 0.05:
                break
        first_cycle_s = still_since - t0
        before = cpu_seconds(proc.pid)
        time.sleep(idle_s)
        after = cpu_seconds(proc.pid)
        return {"idle_window_s": idle_s, "idle_cpu_s": after - before,
                "idle_cpu_percent": (after - before) / idle_s * 100.0,
                "first_cycle_s": first_cycle_s, "first_cycle_cpu_s": before,
                "peak_rss_mb": peak_rss_mb(proc.pid),
                "items": count(db, "SELECT count(*) FROM items")}
    finally:
        stop(proc)
        log.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--redline", required=True)
    p.add_argument("--data", required=True, help="micro benchmark inputs (large feeds)")
    p.add_argument("--feeds", type=int, default=1000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--idle", type=float, default=30.0, help="idle window, seconds")
    p.add_argument("--out", required=True, help="JSON results")
    p.add_argument("--on-topic", type=float, default=None,
                   help="share of items about the question (gen_feeds.py's default: 0.32)")
    p.add_argument("--varied", action="store_true",
                   help="feeds with the labelled development sets' text (gen_feeds.py --varied)")
    a = p.parse_args()
    results = {"feeds": a.feeds, "runs": []}
    gen_extra = []
    if a.varied:
        results["varied"] = True
        gen_extra = ["--varied"]
    elif a.on_topic is not None:
        results["on_topic"] = a.on_topic
        gen_extra = ["--on-topic", str(a.on_topic)]
    with tempfile.TemporaryDirectory(prefix="redline-e2e-") as tmp:
        feed_dir = os.path.join(tmp, "feeds")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_feeds.py"), "--feeds", feed_dir,
                        "--count", str(a.feeds)] + gen_extra, check=True)
        nginx = servers.Nginx(feed_dir, tmp)
        try:
            urls = [nginx.url(f"feed-{i:04d}.xml") for i in range(a.feeds)]
            for run in range(a.runs):
                print(f"e2e run {run + 1}/{a.runs}", file=sys.stderr, flush=True)
                r = {}
                r["redline_cold"], r["redline_warm"] = bench_redline_poll(a.redline, tmp, urls)
                r["newsboat_cold"], r["newsboat_warm"] = bench_newsboat(tmp, urls)
                r["latency"] = bench_latency(a.redline, tmp)
                results["runs"].append(r)
                save(a.out, results)  # partial results survive an interrupted run
            results["feedparser"] = bench_feedparser(a.data, min(a.runs, 3))  # ~30 s each
            results["idle"] = bench_idle(a.redline, tmp, urls, a.idle)
        finally:
            nginx.stop()
    save(a.out, results)


def save(path, results):
    with open(path, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
