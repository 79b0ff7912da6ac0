"""readability-lxml (Debian python3-readability) on the pages listed in PAGES_TSV.

Writes OUT_DIR/<index>.txt and OUT_DIR/timing.json. Timed per page (wall clock and process CPU time): Document(bytes) (it detects the charset),
summary(), and turning its HTML into text with a newline after each block.
"""
import gzip
import json
import logging
import os
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "section", "article",
          "figure", "figcaption", "table", "ul", "ol", "dd", "dt", "br"}


def text_of(summary_html):
    tree = lxml.html.fromstring(summary_html)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def main(tsv, out_dir):
    logging.disable(logging.CRITICAL)  # readability logs every candidate it scores
    os.makedirs(out_dir, exist_ok=True)
    seconds, cpu_seconds, pages, failures = 0.0, 0.0, 0, 0
    with open(tsv, encoding="utf-8") as lines:
        for line in lines:
            index, _id, path = line.rstrip("\n").split("\t")
            with gzip.open(path, "rb") as f:
                data = f.read()
            start, cpu_start = time.perf_counter(), time.process_time()
            try:
                text = text_of(Document(data).summary(html_partial=True))
            except Exception:  # noqa: BLE001 - a page the tool cannot handle scores as empty
                text, failures = "", failures + 1
            seconds += time.perf_counter() - start
            cpu_seconds += time.process_time() - cpu_start
            with open(os.path.join(out_dir, index + ".txt"), "w", encoding="utf-8") as out:
                out.write(text)
            pages += 1
    with open(os.path.join(out_dir, "timing.json"), "w", encoding="utf-8") as out:
        json.dump({"pages": pages, "seconds": seconds, "cpuSeconds": cpu_seconds, "failures": failures}, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
