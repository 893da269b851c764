#!/usr/bin/env python3
"""Checks a build against a corpus manifest: every department-year's project count and
exact total must equal the manifest's. A fast wrong build does not count.

    python3 Benchmarks/verify_totals.py CORPUS/manifest.json PUBLIC/data/department-years.json

Departments are compared by the same normalisation gongkai applies (人社局 = 人力资源和社会保障局).
Exit status 0 when everything matches, 1 otherwise (the differences are printed).
"""
import json
import sys
from decimal import Decimal


def key(name: str) -> str:
    name = name.strip()
    if name.endswith("人社局"):
        name = name[: -len("人社局")] + "人力资源和社会保障局"
    return name


def main() -> int:
    manifest = json.load(open(sys.argv[1], encoding="utf-8"))
    built = json.load(open(sys.argv[2], encoding="utf-8"))
    expected = {(key(d["department"]), d["year"]): (d["projects"], Decimal(d["total"])) for d in manifest["departmentYears"]}
    actual = {(key(d["department"]), d["year"]): (d["projects"], Decimal(d["total"])) for d in built}
    problems = []
    for k, (n, total) in sorted(expected.items()):
        got = actual.get(k)
        if got is None:
            problems.append(f"missing {k[0]} {k[1]}: expected {n} projects, {total}")
        elif got != (n, total):
            problems.append(f"{k[0]} {k[1]}: expected {n} projects, {total}; built {got[0]} projects, {got[1]}")
    for k in sorted(set(actual) - set(expected)):
        problems.append(f"unexpected {k[0]} {k[1]}: {actual[k][0]} projects, {actual[k][1]}")
    matched = len(expected) - sum(1 for p in problems if not p.startswith("unexpected"))
    print(f"department-years: {matched}/{len(expected)} match the manifest"
          + (f", {len(problems)} problem(s)" if problems else ""))
    for p in problems[:50]:
        print("  " + p)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
