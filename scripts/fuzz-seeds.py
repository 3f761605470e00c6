#!/usr/bin/env python3
"""Seeds each fuzz target's corpus from the project's own fixtures (never from
outside the repository): the date phrases of the duckling corpus inside
quick-add lines, every vCard and CSV fixture, and typical field values."""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus")


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


cases = json.loads((FIXTURES / "dates" / "duckling_en_cases.json").read_text())
for n, case in enumerate(cases):
    line = f"Jane Doe 555-0142 wants the lavender set, call {case['phrase']}"
    write("parse_line", f"duckling-{n:03}", bytes([n % 256]) + line.encode())

files = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".vcf", ".csv", ".tsv"})
for n, path in enumerate(files):
    knob = 0 if path.suffix == ".vcf" else 1
    write("read_file", f"{n:03}-{path.name}", bytes([knob]) + path.read_bytes())

VALUES = ["US", "08:30", "on", "off", "14", "Ctrl+Alt+T", "Super+Shift+Q", "A",
          "Jane Doe", "María de la Cruz", "jane@example.com", "+1 555 0142"]
for n, value in enumerate(VALUES):
    for knob in range(12):
        write("typed_values", f"{n:02}-{knob:02}", bytes([knob]) + value.encode())
print(f"seeded {len(cases)} lines, {len(files)} files, {len(VALUES) * 12} values in {CORPUS}")
