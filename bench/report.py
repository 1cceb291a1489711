#!/usr/bin/python3
"""Turns micro.json (Google Benchmark) and e2e.json (e2e.py) into bench/out/report.md: every
figure as median (min-max, n), the ratios the issue asks for, and which targets are met."""
import argparse
import json
import platform
import statistics
import time


def spread(values, fmt="{:.3g}"):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    med = statistics.median(values)
    if len(values) == 1:
        return fmt.format(med) + " (n=1)"
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))}, n={len(values)})"


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def micro_runs(path):
    """name -> list of iteration records (one per repetition)."""
    with open(path) as f:
        data = json.load(f)
    runs = {}
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        runs.setdefault(b["run_name"], []).append(b)
    return data.get("context", {}), runs


def field(records, key, scale=1.0):
    return [r[key] * scale for r in records if key in r]


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--micro", required=True)
    p.add_argument("--e2e", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    context, micro = micro_runs(a.micro)
    with open(a.e2e) as f:
        e2e = json.load(f)
    runs = e2e["runs"]
    out = [f"# redline benchmark report\n",
           f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}, "
           f"{context.get('num_cpus', '?')} CPUs, load average at start "
           f"{context.get('load_avg', ['?'])}. Figures are median (min–max, n runs). The machine "
           "is shared: other processes compete for the CPUs, so spreads are wide and absolute "
           "figures are pessimistic; ratios measured in the same run are the figures to read.\n"]

    out.append("## Micro benchmarks (Google Benchmark, Release)\n")
    out.append("| benchmark | MB/s | items/s | time per op |\n|---|---|---|---|")
    for name, recs in micro.items():
        unit = recs[0].get("time_unit", "ns")
        out.append(f"| {name} | {spread(field(recs, 'bytes_per_second', 1e-6))} | "
                   f"{spread(field(recs, 'items_per_second'))} | "
                   f"{spread(field(recs, 'real_time'))} {unit} |")
    varied = [(name.split("/")[1], recs) for name, recs in micro.items()
              if name.startswith("classify_varied/")]
    if any(recs for _, recs in varied):
        out.append("\n### Classification of varied text (the labelled development sets)\n")
        out.append("The generated headlines above come from a few templates; the development "
                   "sets' titles and summaries are varied like real news, so the RE2 programs still "
                   "run (patterns that are not literal, where they may start) need far more DFA "
                   "states (kept in memory by RE2, per list).\n")
        out.append("| pass | items/s | heap added by DFA states MB | watchlist MB |\n"
                   "|---|---|---|---|")
        for k, recs in varied:
            out.append(f"| {k} | {spread(field(recs, 'items_per_second'))} | "
                       f"{spread(field(recs, 'dfa_mb'))} | {spread(field(recs, 'watchlist_mb'))} |")
    fp = e2e.get("feedparser", {})
    targets = []
    out.append("\n### Parse ratios\n")
    out.append("| format | redline MB/s | pugixml walk MB/s | redline / pugixml | feedparser MB/s "
               "| redline / feedparser |\n|---|---|---|---|---|---|")
    for fmt_name, file in (("rss", "large_rss.xml"), ("atom", "large_atom.xml")):
        r = med(field(micro.get(f"parse_redline/{fmt_name}", []), "bytes_per_second", 1e-6))
        w = med(field(micro.get(f"parse_pugixml_walk/{fmt_name}", []), "bytes_per_second", 1e-6))
        f_mb = med(fp.get(file, {}).get("mb_per_s_runs", []))
        rw = r / w if r and w else None
        rf = r / f_mb if r and f_mb else None
        out.append(f"| {fmt_name} | {r or 0:.1f} | {w or 0:.1f} | {rw or 0:.3f} | {f_mb or 0:.2f} | "
                   f"{rf or 0:.1f} |")
        targets.append((f"parse {fmt_name} ≥ 0.3 × pugixml walk", f"{rw or 0:.3f} ×",
                        verdict(rw and rw >= 0.3)))
        targets.append((f"parse {fmt_name} ≥ 50 × feedparser", f"{rf or 0:.1f} ×",
                        verdict(rf and rf >= 50)))

    share = e2e.get("on_topic", 0.32)
    text = ("the development sets' varied text" if e2e.get("varied")
            else f"{share:.0%} of items on the question")
    out.append(f"\n## End to end: {e2e['feeds']} feeds × 50 items on nginx (127.0.0.1), "
               f"{text}\n")
    out.append("| poller | wall s | CPU s (user+sys) | peak RSS MB | items stored |\n|---|---|---|---|---|")
    for key, label in (("redline_cold", "redline poll --once, cold"),
                       ("redline_warm", "redline poll --once, warm (304)"),
                       ("newsboat_cold", "newsboat -x reload, cold"),
                       ("newsboat_warm", "newsboat -x reload, warm")):
        rs = [r[key] for r in runs]
        out.append(f"| {label} | {spread([x['wall_s'] for x in rs])} | "
                   f"{spread([x['cpu_s'] for x in rs])} | {spread([x['rss_mb'] for x in rs])} | "
                   f"{spread([x.get('items') for x in rs], '{:.0f}')} |")
    searches = [r["redline_cold"].get("first_search") for r in runs]
    searches = [x for x in searches if x]
    if searches:
        out.append(f"\nThe cold poll leaves the search index to later (the daemon indexes while "
                   f"idle); the first `history --search` after it indexes every item first: "
                   f"{spread([x['wall_s'] for x in searches])} s wall, "
                   f"{spread([x['cpu_s'] for x in searches])} CPU s, "
                   f"{spread([x.get('indexed') for x in searches], '{:.0f}')} items indexed.")
    bad = [f"{k}: rc {r[k]['rc']}: {r[k]['stderr_tail'].strip()[-200:]}" for r in runs
           for k in ("redline_cold", "redline_warm", "newsboat_cold", "newsboat_warm")
           if r[k]["rc"] != 0]
    if bad:
        out.append("\nFailures:\n" + "\n".join(f"- `{b}`" for b in bad))
    out.append("\n| ratio redline / newsboat (same run) | wall | CPU |\n|---|---|---|")
    for phase in ("cold", "warm"):
        wall = [r[f"redline_{phase}"]["wall_s"] / r[f"newsboat_{phase}"]["wall_s"] for r in runs]
        cpu = [r[f"redline_{phase}"]["cpu_s"] / max(r[f"newsboat_{phase}"]["cpu_s"], 0.01)
               for r in runs]
        out.append(f"| {phase} | {spread(wall)} | {spread(cpu)} |")
        limit = 0.05 if phase == "cold" else 0.02
        targets.append((f"poll {phase} wall ≤ {limit} × newsboat", f"{med(wall):.3f} ×",
                        verdict(med(wall) <= limit)))
    peak = max(r[k]["rss_mb"] for r in runs for k in ("redline_cold", "redline_warm"))
    idle = e2e.get("idle", {})
    peak = max(peak, idle.get("peak_rss_mb", 0))
    targets.append(("peak memory ≤ 50 MB with 1,000 feeds", f"{peak:.1f} MB", verdict(peak <= 50)))

    out.append("\n## Latency: feed response fully sent → webhook arrival (one action item)\n")
    lat = [r["latency"].get("ms") for r in runs]
    errors = [r["latency"]["error"] for r in runs if "error" in r["latency"]]
    out.append(f"{spread(lat)} ms" + (f"; failures: {errors}" if errors else ""))
    targets.append(("fetch complete → webhook ≤ 50 ms", f"{med(lat) or 0:.1f} ms" if med(lat)
                    else "n/a", verdict(med(lat) is not None and med(lat) <= 50)))

    out.append(f"\n## Idle: redline run with {e2e['feeds']} feeds, interval 10m\n")
    if idle:
        out.append(f"First cycle: {idle['first_cycle_s']:.1f} s wall, "
                   f"{idle['first_cycle_cpu_s']:.2f} CPU s, {idle['items']} items; then "
                   f"{idle['idle_cpu_s']:.3f} CPU s over {idle['idle_window_s']:.0f} s idle "
                   f"({idle['idle_cpu_percent']:.3f} % of a core); peak RSS "
                   f"{idle['peak_rss_mb']:.1f} MB.")
        targets.append(("idle CPU near zero between polls", f"{idle['idle_cpu_percent']:.3f} %",
                        verdict(idle["idle_cpu_percent"] < 0.5)))

    out.append("\n## Targets\n\n| target | measured (median) | |\n|---|---|---|")
    out += [f"| {t} | {m} | {v} |" for t, m, v in targets]
    with open(a.out, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
