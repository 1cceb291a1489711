#!/usr/bin/python3
"""Reads one raw mail on stdin and prints, as JSON, what a real mail parser makes of it: every
header (decoded), the parser's defects, and each text part decoded. Lets the SMTP tests check the
message the way a mail client would, independently of redline's own MIME code."""
import email
import email.policy
import json
import sys

raw = sys.stdin.buffer.read()
message = email.message_from_bytes(raw, policy=email.policy.default)
headers = {}
for name, value in message.items():
    headers.setdefault(name.lower(), []).append(str(value))
parts = []
for part in message.walk():
    if part.get_content_maintype() == "text":
        parts.append({"type": part.get_content_type(), "text": part.get_content()})
defects = [type(d).__name__ for d in message.defects]
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
print(json.dumps({"headers": headers, "parts": parts, "defects": defects,
                  "multipart": message.get_content_type()}))
