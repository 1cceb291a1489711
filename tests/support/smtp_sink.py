#!/usr/bin/python3
"""An SMTP server for redline's tests (aiosmtpd), on 127.0.0.1 only.

Prints its port on the first line of stdout, then appends every accepted message as one JSON line
({"mail_from", "rcpt_tos", "data"}) to --log. --fail-rcpt CODE or --fail-data CODE (451 or 550)
makes it answer that code to RCPT TO or to the end of DATA; --fail-times N limits the failure to
the first N attempts (0 = always). Rejected attempts are appended to --log too, with
"rejected": CODE, so tests can count attempts.
"""
import argparse
import asyncio
import json
import signal
import sys
import threading

from aiosmtpd.smtp import SMTP

REPLIES = {451: "451 4.3.0 Try again later", 550: "550 5.1.1 Mailbox unavailable"}


class Handler:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.failures = 0

    def should_fail(self):
        with self.lock:
            if self.args.fail_times and self.failures >= self.args.fail_times:
                return False
            self.failures += 1
            return True

    def log(self, record):
        with self.lock, open(self.args.log, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.fail_rcpt and self.should_fail():
            self.log({"mail_from": envelope.mail_from, "rcpt_tos": [address],
                      "rejected": self.args.fail_rcpt, "stage": "rcpt"})
            return REPLIES[self.args.fail_rcpt]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content or envelope.content
        record = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                  "data": data.decode("utf-8", "replace")}
        if self.args.fail_data and self.should_fail():
            record.update({"rejected": self.args.fail_data, "stage": "data"})
            self.log(record)
            return REPLIES[self.args.fail_data]
        self.log(record)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True, help="JSON Lines file of received messages")
    parser.add_argument("--fail-rcpt", type=int, choices=[451, 550], default=0)
    parser.add_argument("--fail-data", type=int, choices=[451, 550], default=0)
    parser.add_argument("--fail-times", type=int, default=0)
    args = parser.parse_args()
    asyncio.run(serve(Handler(args)))
    return 0


async def serve(handler):
    # aiosmtpd's Controller cannot bind port 0 (it probes the port it was given), so the server
    # is made directly on the loop.
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="redline-test-sink"),
                                      host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with server:
        await stop.wait()

if __name__ == "__main__":
    sys.exit(main())
