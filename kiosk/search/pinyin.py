"""Pinyin without pypinyin: the syllable inventory, splitting typed letters into syllables,
and the sound confusions of south-western Mandarin speakers (z/zh, an/ang, n/l ...).

pypinyin is needed only to build the index (`kiosk.search.index`); at the kiosk, readings of
characters come from the catalogue's `search_chars` table.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

# Toneless Mandarin syllables as pinyin keyboards take them (ü written v); from the readings
# of the 6,763 GB2312 characters, without the interjections hng, m, n, ng.
_SYLLABLE_LIST = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng di dia
dian diao die ding diu dong dou du duan dui dun duo e ei en er fa fan fang fei fen feng fo fou
fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han
hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie
jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai
kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling
liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min
ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong
nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou
pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri
rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei
shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo
ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan
wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan
yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha
zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun
zhuo zi zong zou zu zuan zui zun zuo
"""
SYLLABLES = frozenset(_SYLLABLE_LIST.split())

# Spellings keyboards also accept for the same syllable.
_ALIASES = {"lue": "lve", "nue": "nve"}
_LONGEST = 6
# What a syllable may begin with: every non-empty prefix of one.
PREFIXES = frozenset(s[:i] for s in SYLLABLES for i in range(1, len(s) + 1)) | frozenset(_ALIASES)
_INITIALS = frozenset(s[0] for s in SYLLABLES) | {"zh", "ch", "sh"}


class Token(NamedTuple):
    """One unit of a query, compared with one syllable of a catalogue text.

    kind: "syl" a whole syllable typed in letters, "pre" the start of a syllable (an initial,
    or the last syllable still being typed), "char" a Chinese character (any of `sounds`),
    "lit" a digit or a letter that is no pinyin (compared as itself).
    """

    kind: str
    text: str
    sounds: tuple[str, ...] = ()


def _syllable(text: str) -> str | None:
    text = _ALIASES.get(text, text)
    return text if text in SYLLABLES else None


@lru_cache(maxsize=2048)
def segmentations(letters: str, final: bool, keep: int = 3) -> tuple[tuple[Token, ...], ...]:
    """Ways to read a run of typed letters as pinyin, the likeliest first (fewest pieces, then
    fewest bare initials): "yanglao" → yang·lao; "ylbx" → y·l·b·x; "xian" → xian, xi·an.

    A piece is a whole syllable or an initial (one letter, or zh/ch/sh); when the run ends the
    query (`final`), its last piece may be any syllable start, as the visitor is still typing.
    """
    n = len(letters)
    # best[i]: up to `keep` readings of letters[i:], each (pieces, initials, tokens)
    best: list[list[tuple[int, int, tuple[Token, ...]]]] = [[] for _ in range(n + 1)]
    best[n] = [(0, 0, ())]
    for i in range(n - 1, -1, -1):
        options: list[tuple[int, int, tuple[Token, ...]]] = []
        for j in range(i + 1, min(n, i + _LONGEST) + 1):
            if not best[j]:
                continue
            piece = letters[i:j]
            last = final and j == n
            whole = _syllable(piece)
            if last and (whole or piece in PREFIXES):
                token, bare = Token("pre", whole or piece), 0 if whole or j - i > 1 else 1
            elif whole and j - i == 1:  # a, e, o: a syllable, or the initial of ai, ao ...
                token, bare = Token("pre", piece), 0
            elif whole:
                token, bare = Token("syl", whole), 0
            elif piece in _INITIALS:
                token, bare = Token("pre", piece), 1
            else:
                continue
            for pieces, initials, rest in best[j]:
                options.append((pieces + 1, initials + bare, (token, *rest)))
        options.sort(key=lambda o: (o[0] + o[1], o[1]))
        best[i] = options[:keep]
    return tuple(tokens for _, _, tokens in best[0])


def fuzzy(syllable: str) -> str:
    """A syllable with the distinctions many older Sichuan speakers do not make removed:
    zh/ch/sh as z/c/s, n as l, and -ang/-eng/-ing as -an/-en/-in ("yanlao" finds 养老)."""
    if syllable[:2] in ("zh", "ch", "sh"):
        syllable = syllable[0] + syllable[2:]
    elif syllable[:1] == "n":
        syllable = "l" + syllable[1:]
    if syllable.endswith("ng") and len(syllable) > 2 and syllable[-3] in "aei":
        syllable = syllable[:-1]
    return syllable


# Every syllable a catalogue text may contain, including the interjections and what `fuzzy`
# makes of syllables, is written as one private-use character in the in-memory index: then a
# syllable haystack is as short as the Chinese text and lines up with it character for
# character. The codes live only in memory, never in catalogue.db.
_CODED = sorted(SYLLABLES | {"hm", "hng", "m", "n", "ng"} | {fuzzy(s) for s in SYLLABLES})
CODES = {syllable: chr(0xE000 + i) for i, syllable in enumerate(_CODED)}
UNKNOWN = "\uefff"


def encode(token: str) -> str:
    """One catalogue token as one character: its syllable code, or itself (a letter, a digit,
    a character without a reading)."""
    code = CODES.get(token)
    if code is not None:
        return code
    return token if len(token) == 1 else UNKNOWN


@lru_cache(maxsize=512)
def codes_starting(prefix: str, dialect: bool = False) -> frozenset[str]:
    """Codes of the syllables a typed syllable start may go on to (l → la, lai, ... lv)."""
    if dialect:
        prefix = fuzzy(prefix)
        return frozenset(CODES[fuzzy(s)] for s in _CODED if fuzzy(s).startswith(prefix))
    return frozenset(CODES[s] for s in _CODED if s.startswith(prefix))
