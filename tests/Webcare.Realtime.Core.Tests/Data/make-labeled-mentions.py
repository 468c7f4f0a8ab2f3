#!/usr/bin/env python3
"""Builds labeled-mentions.jsonl from labeled-mentions.src.txt (see README.md here).

Source lines are `codes | text`. Codes: w waitingTime, r reachability, a staffAttitude, q qualityOfCare,
p privacy, c costs, f facilities, i information, t compliment; `-` for none.
Personal data is marked inline: [[phone:06-12345678]], [[email:..]], [[address:..]], [[dob:..]] keep the
written value; [[bsn]] / [[bsn_dots]] become a generated BSN that passes the 11-test, [[iban]] /
[[iban_sp]] a generated Dutch IBAN that passes mod-97 (compact / in groups of four), and [[bad9]] a
9-digit number that FAILS the 11-test (a hard negative, not personal data). [[example:..]] keeps a
value that looks like personal data but is not a person's (the textbook IBAN printed on a form).
The script checks that no unmarked 9-digit number passes the 11-test and no unmarked IBAN-like string
passes mod-97, so the labels stay true. Deterministic (seeded): run it again and the file is the same.
"""
import json, random, re, sys, pathlib

here = pathlib.Path(__file__).parent
CODES = {"w": "waitingTime", "r": "reachability", "a": "staffAttitude", "q": "qualityOfCare", "p": "privacy",
         "c": "costs", "f": "facilities", "i": "information", "t": "compliment"}
rng = random.Random(2026)

def eleven(d):
    return len(d) == 9 and (sum((9 - k) * int(d[k]) for k in range(8)) - int(d[8])) % 11 == 0 and d != "0" * 9

def bsn():
    while True:
        d = str(rng.randint(100000000, 999999999))
        if eleven(d): return d

def bad9():
    while True:
        d = str(rng.randint(100000000, 999999999))
        if not eleven(d): return d

def iban_ok(s):
    s = s.replace(" ", "").upper()
    n = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(n) % 97 == 1

def iban(spaced):
    bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB"])
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    n = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(n) % 97
    value = f"NL{check:02d}{bank}{account}"
    assert iban_ok(value)
    return " ".join(value[k:k + 4] for k in range(0, 18, 4)) if spaced else value

def fnv(s):
    h = 0x811C9DC5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h

def split_of(text):
    # Near-variants of one text share their first words, so they land in the same half.
    words = re.findall(r"\w+", text.lower())[:4]
    return "dev" if fnv(" ".join(words)) % 2 == 0 else "heldout"

MARK = re.compile(r"\[\[(\w+)(?::([^\]]+))?\]\]")
rows, errors = [], []
for number, line in enumerate((here / "labeled-mentions.src.txt").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip() or line.startswith("#"): continue
    codes, text = line.split(" | ", 1)
    cats = [] if codes.strip() == "-" else [CODES[c] for c in codes.strip().split(",")]
    out, pii, at, examples = "", [], 0, []
    for m in MARK.finditer(text):
        out += text[at:m.start()]
        kind, value = m.group(1), m.group(2)
        if kind == "bsn": value, kind = bsn(), "bsn"
        elif kind == "bsn_dots": b = bsn(); value, kind = f"{b[:4]}.{b[4:6]}.{b[6:]}", "bsn"
        elif kind in ("iban", "iban_sp"): value, kind = iban(kind == "iban_sp"), "iban"
        elif kind == "bad9": out += bad9(); at = m.end(); continue
        elif kind == "example": examples.append((len(out), len(value))); out += value; at = m.end(); continue
        elif kind == "dob": kind = "dateOfBirth"
        elif kind not in ("phone", "email", "address"): errors.append(f"line {number}: unknown mark {kind}")
        pii.append({"type": kind, "start": len(out), "text": value})
        out += value
        at = m.end()
    out += text[at:]
    masked = out
    for start, length in [(p["start"], len(p["text"])) for p in pii] + examples:
        masked = masked[:start] + "#" * length + masked[start + length:]
    for n in re.findall(r"(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d.]?\d)", masked):
        if eleven(re.sub(r"\D", "", n)): errors.append(f"line {number}: unmarked {n} passes the 11-test")
    for n in re.findall(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", masked):
        if iban_ok(n): errors.append(f"line {number}: unmarked {n} is a valid IBAN")
    rows.append({"id": f"m{len(rows) + 1:03d}", "split": split_of(text), "text": out, "categories": cats,
                 "pii": [{"type": p["type"], "text": p["text"]} for p in pii]})
if errors:
    sys.exit("\n".join(errors))
with open(here / "labeled-mentions.jsonl", "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
dev = sum(r["split"] == "dev" for r in rows)
print(f"{len(rows)} rows: {dev} dev, {len(rows) - dev} held-out", file=sys.stderr)
