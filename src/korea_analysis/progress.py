"""A progress bar for long annotation runs: articles done, words/second and time left.

Uses tqdm (``tqdm.auto`` picks the notebook widget or the terminal bar). Short runs show
nothing, and ``KOREA_ANALYSIS_PROGRESS=0`` turns it off (``=1`` forces it on).
"""
from __future__ import annotations

import os
import sys
import time

MIN_ARTICLES = 200  # below this a run takes about a second: no bar


class Progress:
    def __init__(self, total: int, label: str = "annotating"):
        self.total, self.label = total, label
        self.done = self.words = 0
        self.t0 = time.perf_counter()
        flag = os.environ.get("KOREA_ANALYSIS_PROGRESS")
        show = flag == "1" or (flag != "0" and total >= MIN_ARTICLES)
        self.bar = None
        if show:
            if "ipykernel" in sys.modules:  # a notebook: tqdm.auto picks the widget
                from tqdm.auto import tqdm
            else:  # a terminal: the plain bar, without tqdm.auto's asyncio import
                from tqdm.std import tqdm

            self.bar = tqdm(total=total, desc=label, unit="article", smoothing=0.1)

    def update(self, articles: int, words: int = 0) -> None:
        """``articles`` more done, holding ``words`` words."""
        self.done += articles
        self.words += words
        if self.bar is not None:
            elapsed = max(time.perf_counter() - self.t0, 1e-9)
            self.bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
            self.bar.update(articles)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
        return False
