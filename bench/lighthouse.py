"""Lighthouse 12.2.3 (mobile, Debian's Chromium) on the home page, the symptoms page and an
English page: the four category scores. The site is served gzip-compressed on 127.0.0.1.

usage: python bench/lighthouse.py   (installs lighthouse@12.2.3 into bench/.lighthouse with npm
on first use; needs Node.js 20 and Chromium)
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from common import copy_project, serve, timed_build

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
    binary = lighthouse()
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "site")
        server, base = serve(project / "site")
        os.environ["SITE_URL"] = base
        timed_build(project)
        print("page | " + " | ".join(CATEGORIES))
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
            subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium})
            data = json.loads(report.read_text(encoding="utf-8"))
            scores = [round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES]
            print(f"{name} | " + " | ".join(map(str, scores)))
            for category in CATEGORIES:
                for ref in data["categories"][category]["auditRefs"]:
                    audit = data["audits"][ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                        print(f"    {category}: {audit['id']} ({audit['score']}): {audit['title']}")
        server.shutdown()


if __name__ == "__main__":
    main()
