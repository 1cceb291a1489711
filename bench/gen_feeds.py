#!/usr/bin/python3
"""Writes redline's benchmark inputs: realistic news feeds (RSS 2.0 and Atom 1.0, HTML in
descriptions, entities, CDATA), about a third of the headlines about the watched question.

  gen_feeds.py --data DIR              large_rss.xml, large_atom.xml (5,000 items each) and
                                       headlines.jsonl (for the micro benchmarks)
  gen_feeds.py --feeds DIR --count N   N feeds of 50 items each (feed-0000.xml ...), RSS and
                                       Atom alternating, for the end-to-end run
  ... --varied                         the same feeds with the titles and summaries of the
                                       labelled development sets (tests/data/topics/dev*.jsonl):
                                       varied text, as real news is, instead of a few templates

Deterministic (seeded): the same command writes the same bytes, so ETags stay valid across runs.
"""
import argparse
import html
import json
import os
import random
import re
import time

PLACES = ["Sinaloa", "Culiacán", "Tamaulipas", "Michoacán", "Jalisco", "Sonora", "Chihuahua",
          "Ciudad Juárez", "Reynosa", "Tijuana", "Nuevo Laredo", "Guanajuato"]
CARTELS = ["the Sinaloa cartel", "CJNG", "the Gulf cartel", "Cártel del Noreste",
           "La Nueva Familia Michoacana", "Cárteles Unidos"]
ACTION = [
    "US drone strike hits cartel lab in {place}, killing {n}",
    "US special forces raid {cartel} compound near {place}",
    "American jets strike fentanyl labs in {place}, officials confirm",
    "State Department designates {cartel} a foreign terrorist organization",
    "Pentagon deploys {k} more troops to the southern border",
    "{k} US troops arrive at the border as deployment grows",
]
RHETORIC = [
    "Trump says he won't rule out strikes on cartels in Mexico",
    "Pentagon weighs options for military action against {cartel}",
    "Senators propose bill to authorize force against Mexican cartels",
    "Officials warn US could strike cartel targets in {place}",
    "White House plans to send up to {k} troops to the border",
]
DENIAL = [
    "Mexico denies US forces carried out raid in {place}",
    "Sheinbaum rejects reports of US drone strike in {place}",
    "Pentagon denies troops crossed into Mexico near {place}",
]
OTHER = [
    "Stocks close higher as tech earnings beat forecasts",
    "Heat wave grips {place} as power demand hits record",
    "Local team clinches title after dramatic overtime win",
    "New smartphone launch draws long lines in {place}",
    "Central bank holds interest rates steady for third month",
    "Wildfire forces evacuations in northern California",
    "Museum reopens after two-year renovation in {place}",
    "Airline adds direct flights between Mexico City and Madrid",
    "Scientists report progress on malaria vaccine trial",
    "Film festival opens with record number of entries",
    "Peso gains against the dollar on trade optimism",
    "City council approves new budget for public transit",
]
FILLER = ["Officials said the operation followed months of planning.",
          "Residents described hearing explosions before dawn.",
          "The ministry did not immediately respond to a request for comment.",
          "Analysts said the move could strain relations between the two countries.",
          "The report could not be independently verified.",
          "Markets reacted calmly to the news on Tuesday."]


# Share of items on the watchlist's question. 0.32 (the default) makes every run a heavy test of
# the classifier; a general news wire carries a few per cent.
ON_TOPIC = 0.32


def headline(rng, on_topic=ON_TOPIC):
    r = rng.random()
    k = on_topic / 0.32
    pool = (ACTION if r < 0.12 * k else RHETORIC if r < 0.24 * k else DENIAL if r < 0.32 * k
            else OTHER)
    return rng.choice(pool).format(place=rng.choice(PLACES), cartel=rng.choice(CARTELS),
                                   n=rng.randint(2, 12), k=rng.choice([500, 1500, 2200, 3000]))


def summary_html(rng, title, link):
    parts = [f"<p><b>{html.escape(title)}</b> &mdash; {rng.choice(FILLER)}&nbsp;"
             f"{rng.choice(FILLER)}</p>",
             f'<p>{rng.choice(FILLER)} <a href="{link}?utm_source=rss">Read more</a></p>',
             f'<img src="/img/{rng.randint(1, 9999)}.jpg" alt="photo" width="640"/>',
             f"<ul><li>{rng.choice(FILLER)}</li><li>{rng.choice(FILLER)}</li></ul>"]
    return "".join(parts[:rng.randint(2, 4)])


def items(rng, feed_no, count, now, on_topic=ON_TOPIC):
    for i in range(count):
        title = headline(rng, on_topic)
        link = f"http://127.0.0.1/news/{feed_no}/{i}-{rng.randint(0, 1 << 30):x}"
        published = now - (count - i) * 600 - rng.randint(0, 300)
        yield {"id": f"urn:bench:{feed_no}:{i}", "title": title, "link": link,
               "html": summary_html(rng, title, link), "published": published}


def development_items():
    """(title, summary) of every item of the labelled development sets, in file order. The
    held-out sets are never read."""
    root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "tests", "data", "topics")
    pool = []
    for name in sorted(os.listdir(root)):
        if name.startswith("dev") and name.endswith(".jsonl"):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        j = json.loads(line)
                        pool.append((j["title"], j["summary"]))
    return pool


def varied_items(rng, feed_no, count, now, pool):
    """Items whose text is drawn from `pool` (development_items), each with its own id and link."""
    for i in range(count):
        title, summary = rng.choice(pool)
        link = f"http://127.0.0.1/news/{feed_no}/{i}-{rng.randint(0, 1 << 30):x}"
        published = now - (count - i) * 600 - rng.randint(0, 300)
        yield {"id": f"urn:bench:{feed_no}:{i}", "title": title, "link": link,
               "html": f"<p>{html.escape(summary)}</p>", "published": published}


def rfc822(t):
    return time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t))


def rfc3339(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def rss(feed_no, entries, now):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>',
           f"<title>Bench wire {feed_no}</title><link>http://127.0.0.1/</link>"
           f"<description>Generated feed {feed_no}</description>"
           f"<lastBuildDate>{rfc822(now)}</lastBuildDate>"]
    for n, e in enumerate(entries):
        # Half the descriptions entity-escaped, half in CDATA, as real feeds do both.
        desc = (f"<![CDATA[{e['html']}]]>" if n % 2 else html.escape(e["html"], quote=False))
        out.append(f"<item><title>{html.escape(e['title'], quote=False)}</title>"
                   f"<link>{e['link']}</link><guid isPermaLink=\"false\">{e['id']}</guid>"
                   f"<pubDate>{rfc822(e['published'])}</pubDate>"
                   f"<dc:creator>Staff Reporter</dc:creator><category>World</category>"
                   f"<description>{desc}</description></item>")
    out.append("</channel></rss>\n")
    return "".join(out)


def atom(feed_no, entries, now):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>Bench wire {feed_no}</title><id>urn:bench:{feed_no}</id>"
           f'<link href="http://127.0.0.1/"/><updated>{rfc3339(now)}</updated>']
    for e in entries:
        out.append(f"<entry><title type=\"html\">{html.escape(e['title'], quote=False)}</title>"
                   f'<link rel="alternate" href="{e["link"]}"/><id>{e["id"]}</id>'
                   f"<published>{rfc3339(e['published'])}</published>"
                   f"<updated>{rfc3339(e['published'])}</updated>"
                   f"<author><name>Staff Reporter</name></author>"
                   f"<summary type=\"html\">{html.escape(e['html'], quote=False)}</summary>"
                   f"</entry>")
    out.append("</feed>\n")
    return "".join(out)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", help="folder for the micro benchmark inputs")
    p.add_argument("--feeds", help="folder for the end-to-end feeds")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--large-items", type=int, default=5000)
    p.add_argument("--now", type=int, default=None, help="fixed 'now' (epoch seconds)")
    p.add_argument("--on-topic", type=float, default=ON_TOPIC,
                   help="share of items about the question (default 0.32)")
    p.add_argument("--varied", action="store_true",
                   help="end-to-end feeds with the development sets' text (--on-topic unused)")
    a = p.parse_args()
    now = a.now or int(time.time())
    if a.data:
        os.makedirs(a.data, exist_ok=True)
        rng = random.Random(1)
        entries = list(items(rng, 0, a.large_items, now))
        write(os.path.join(a.data, "large_rss.xml"), rss(0, entries, now))
        write(os.path.join(a.data, "large_atom.xml"), atom(0, entries, now))
        with open(os.path.join(a.data, "headlines.jsonl"), "w", encoding="utf-8") as f:
            for e in entries[:2000]:
                summary = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", e["html"])).split())
                f.write(json.dumps({"id": e["id"], "title": e["title"],
                                    "summary": summary}) + "\n")
    if a.feeds:
        os.makedirs(a.feeds, exist_ok=True)
        pool = development_items() if a.varied else None
        for n in range(a.count):
            rng = random.Random(1000 + n)
            entries = list(varied_items(rng, n, a.items, now, pool) if pool else
                           items(rng, n, a.items, now, a.on_topic))
            text = rss(n, entries, now) if n % 2 == 0 else atom(n, entries, now)
            write(os.path.join(a.feeds, f"feed-{n:04d}.xml"), text)


if __name__ == "__main__":
    main()
