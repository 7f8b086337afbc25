"""Find a service from what a visitor types: Chinese, full pinyin, initials (ylbx), a mix
(yl保险), colloquial words (老年卡), homophones from pinyin keyboards and small typos.

    searcher = Searcher(catalogue)          # reads the index built with the catalogue
    searcher.search("ylbx", limit=10)       # -> [Hit(service, score, matched, reason), ...]

Importing this package is cheap: pypinyin is needed only when the catalogue is built
(`kiosk.search.index.build_index`).
"""

from kiosk.search.searcher import REASONS, Hit, Searcher

__all__ = ["REASONS", "Hit", "Searcher"]
