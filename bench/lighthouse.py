"""Lighthouse 12.2.3 (mobile, Debian's Chromium) on the home page, the symptoms page and an
English page: the four category scores. The site is served gzip-compressed on 127.0.0.1.

usage: python bench/lighthouse.py [--runs N]   (N runs a page, default 3: scores move with the
load on the machine, so each is printed with the median; installs lighthouse@12.2.3 into bench/.lighthouse with npm
on first use; needs Node.js 20 and Chromium)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from common import copy_project, precompress, serve, timed_build

VERSION = "12.2.3"
HERE = Path(__file__).resolve().parent
PREFIX = HERE / ".lighthouse"
PAGES = {"home": "", "symptoms": "symptomen/", "English page": "en/oorzaken/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse() -> Path:
    binary = PREFIX / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"], check=True)
    return binary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    binary = lighthouse()
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "site")
        server, base = serve(project / "site")
        os.environ["SITE_URL"] = base
        timed_build(project)
        precompress(project / "site")
        print(f"page | {' | '.join(CATEGORIES)} | TBT ms | LCP ms   (median of {runs} runs; each run in brackets)")
        for name, path in PAGES.items():
            report = Path(tmp) / "report.json"
            command = [
                str(binary),
                base + path,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--form-factor=mobile",
            ]
            print("$ " + " ".join(command).replace(str(binary), "lighthouse").replace(base, "http://127.0.0.1:PORT/"))
            results, misses = [], set()
            for _ in range(runs):
                subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium})
                data = json.loads(report.read_text(encoding="utf-8"))
                audits = data["audits"]
                scores = [round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES]
                timings = [round(audits[a]["numericValue"]) for a in ("total-blocking-time", "largest-contentful-paint")]
                results.append(scores + timings)
                for category in CATEGORIES:
                    for ref in data["categories"][category]["auditRefs"]:
                        audit = audits[ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            misses.add(f"{category}: {audit['id']} ({audit['score']}): {audit['title']}")
            columns = zip(*results, strict=True)
            print(f"{name} | " + " | ".join(f"{statistics.median(c):g} {list(c)}" for c in columns))
            for miss in sorted(misses):
                print(f"    below 1 in some run: {miss}")
        server.shutdown()


if __name__ == "__main__":
    main()
