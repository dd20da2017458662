#!/usr/bin/env python3
"""How heavy report.html is for a reader: size, elements after load, page height, and how long
it takes to open in headless Chromium above a blank page (median of --runs).

usage: measure_report.py REPORT.html [--runs 3]

"Open" is navigationStart to the end of the load event, after the page's script ran, measured
in a fresh tab; the same for an empty page is subtracted. Prints one JSON object.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_report import Page  # noqa: E402

OPEN_MS = ('(() => { const t = performance.getEntriesByType("navigation")[0];'
           ' return t.loadEventEnd - t.startTime; })()')


def open_ms(path):
    page = Page(path)
    try:
        return page.js(OPEN_MS), page
    except Exception:
        page.close()
        raise


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('report')
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args()
    blank = os.path.join(tempfile.mkdtemp(), 'blank.html')
    with open(blank, 'w') as f:
        f.write('<!DOCTYPE html><title>blank</title>')
    report, baseline, figures = [], [], {}
    for _ in range(args.runs):
        ms, page = open_ms(blank)
        page.close()
        baseline.append(ms)
        ms, page = open_ms(args.report)
        report.append(ms)
        figures = {
            'elements': page.js('document.getElementsByTagName("*").length'),
            'height_px': page.js('document.documentElement.scrollHeight'),
            'plan_overview_marks': page.js(
                '(() => { const s = document.getElementById("plan-overview");'
                ' return s ? s.querySelectorAll("[data-family]").length : -1; })()'),
        }
        page.close()
    figures.update({
        'bytes': os.path.getsize(args.report),
        'open_ms_median': round(statistics.median(report) - statistics.median(baseline)),
        'open_ms_runs': [round(x) for x in report],
        'blank_ms_runs': [round(x) for x in baseline],
    })
    print(json.dumps(figures))


if __name__ == '__main__':
    main()
