#!/usr/bin/env python3
"""What a journalist would write instead of foi-analyser: a straightforward regex script that
splits an FOI reply into numbered questions and answers, with a status and the figures of each.

    python3 scripts/naive_foi.py FILE...

Prints one JSON object per file (one line each). It is the yardstick of `scripts/bench-cli.sh`
(issue 13: the engine should run at least 10x faster than this on a batch of small replies),
not a reference for accuracy.
"""

import json
import re
import sys

# "1.", "Q1", "Question 1:", "(1)", "1)" at the start of a line, then the text.
NUMBERED = re.compile(
    r"^[ \t]*(?:Q(?:uestion)?[ \t]*)?\(?(\d{1,2}[a-z]?)[.):]?[ \t]+(\S.*)$",
    re.IGNORECASE | re.MULTILINE,
)
ANSWER_LABEL = re.compile(
    r"^[ \t]*(?:A(?:nswer)?|Response|Reply|Our response)[ \t]*\d*[.:)-]*[ \t]*",
    re.IGNORECASE,
)
QUESTION_LABEL = re.compile(r"^[ \t]*(?:Q(?:uestion)?|Request)[ \t]*\d*[.:)-]*[ \t]*", re.IGNORECASE)
NOT_HELD = re.compile(r"\b(?:not|n't)\s+hold\b|\bnot\s+held\b|\bno\s+(?:recorded\s+)?information\b", re.I)
SECTION = re.compile(
    r"\b(?:section|s\.?|regulation|reg\.?)\s?(\d{1,2}(?:\(\d\))?(?:\([a-z]\))?)", re.IGNORECASE
)
REFUSED = re.compile(r"\b(?:exempt|withh[oe]ld|refus|exceed the (?:appropriate|cost) limit)", re.I)
NCND = re.compile(r"neither\s+confirm\s+nor\s+deny", re.IGNORECASE)
REFERRED = re.compile(r"\b(?:published|available)\s+(?:on|at|online)\b|https?://", re.IGNORECASE)
MONEY = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(m|k|million|bn|billion)?\b", re.I)
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)", re.IGNORECASE)
NUMBER = re.compile(r"(?<![\w£.,/])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%/]|\.\d)")
YES_NO = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+(\d{4})\b",
    re.IGNORECASE,
)
SCALES = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def status(answer):
    if not answer.strip():
        return "unanswered"
    if NCND.search(answer):
        return "ncnd"
    if NOT_HELD.search(answer):
        return "not_held"
    if REFUSED.search(answer) or SECTION.search(answer):
        return "refused"
    if REFERRED.search(answer):
        return "referred"
    return "answered"


def values(answer):
    out = []
    for m in MONEY.finditer(answer):
        amount = float(m.group(1).replace(",", "") + "." + (m.group(2) or "0"))
        out.append({"kind": "money", "value": amount * SCALES.get((m.group(3) or "").lower(), 1)})
    for m in PERCENT.finditer(answer):
        out.append({"kind": "percent", "value": float(m.group(1))})
    for m in DATE.finditer(answer):
        out.append({"kind": "date", "text": m.group(0)})
    if not out:
        for m in NUMBER.finditer(answer):
            out.append({"kind": "count", "value": int(m.group(1).replace(",", ""))})
    yn = YES_NO.match(answer)
    if yn:
        out.append({"kind": "boolean", "value": yn.group(1).lower() == "yes"})
    return out


def analyse(text):
    """Numbered lines start questions; a numbered line whose number was already seen, or an
    "Answer:"/"Response:" line, starts that question's answer; text runs on to the next one."""
    marks = list(NUMBERED.finditer(text))
    questions = {}
    order = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        key, body = m.group(1).lower(), text[m.start(2) : end].strip()
        lines = body.split("\n")
        cells = re.split(r"\t+|\s+\|\s+", lines[0], maxsplit=1)
        if key not in questions:
            split = next((j for j, l in enumerate(lines) if ANSWER_LABEL.match(l)), None)
            if split is None and len(cells) == 2:  # a table row: question, then answer
                questions[key] = {"id": key, "text": cells[0], "answer": cells[1].strip(" |")}
            elif split is None:
                questions[key] = {"id": key, "text": lines[0], "answer": "\n".join(lines[1:]).strip()}
            else:
                ask = " ".join(QUESTION_LABEL.sub("", l) for l in lines[:split])
                answer = "\n".join(lines[split:])
                questions[key] = {"id": key, "text": ask.strip(), "answer": ANSWER_LABEL.sub("", answer).strip()}
            order.append(key)
        elif questions[key]["answer"]:
            continue  # answered already: this is the request quoted below the reply
        elif len(cells) == 2:
            questions[key]["answer"] = cells[1].strip(" |")
        else:
            questions[key]["answer"] = ANSWER_LABEL.sub("", body).strip()
    out = []
    for key in order:
        q = questions[key]
        q["status"] = status(q["answer"])
        q["exemptions"] = sorted(set(SECTION.findall(q["answer"]))) if q["status"] == "refused" else []
        q["values"] = values(q["answer"])
        out.append(q)
    return out


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read().replace("\r\n", "\n")
        print(json.dumps({"source": path, "questions": analyse(text)}))


if __name__ == "__main__":
    main(sys.argv[1:])
