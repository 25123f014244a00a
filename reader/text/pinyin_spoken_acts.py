"""Everyday one-character verbs of handling things and of mishaps, read by what is around
them, for `reader.text.pinyin_spoken` (rounds 7 and 8). Qt-free. All readings are the
现代汉语词典's; each rule answers only where the words around it make the sense clear.

- 落 là, leaving behind or falling behind: belongings left (钱包落在车上), lessons missed
  (落下了课), left behind (被大家落在后面, 落在了最后), a word left out (落了两个字); 落在地上
  stays luò.
- 扒 pá of a thief (扒走钱包); bā holding on or digging with the hands (扒着窗户, 扒开土).
- 抹 mā wiping (抹桌子, 拿布抹一下, 抹干净); mǒ smearing (抹黄油, 抹眼泪) is left as read.
- 蒙 mēng fooling someone (别蒙我, 被人蒙了) or guessing (蒙对了, 是我蒙的); méng covering
  (蒙住) is `pinyin_verbs`'.
- 呛 qiāng choking on food or drink (喝呛了, 别呛着); qiàng of smoke or a smell (烟呛人).
- 镐 gǎo, a pick, as a tool one holds (用镐刨地, 拿着镐); Hào of names is left as read.
- 车 jū, the chariot of Chinese chess, alone in a sentence about 象棋.
"""

from __future__ import annotations

from reader.text.pinyin_senses import Around, Rule, clause_after, ends_clause
from reader.text.pinyin_sentences import is_clause_end
from reader.text.pinyin_verbs import PRONOUNS

# Things one leaves behind (钱包落在车上 là), and lessons one falls behind in (落下课 là).
_BELONGINGS = tuple("钱包 手机 钥匙 伞 书包 包 眼镜 帽子 外套 衣服 东西 作业 本子 钱".split())
_LESSONS = ("课", "功课", "作业", "进度")
# Where one is left behind (落在后面, 落在了最后).
_BEHIND = ("后面", "后头", "后边", "最后")


def _la(around: Around) -> str | None:  # 落
    clause = around.clause_before()
    after = around.word(1) or ""
    if "被" in clause and after.startswith("在") and "后" in clause_after(around):
        return "la4"  # 被大家落在后面
    before = around.word(-1) or ""
    if before in PRONOUNS and after == "了" and "在" in clause_after(around, 6):
        return "la4"  # 我落了一本书在你家
    if after.startswith("在") and any(t in clause for t in _BELONGINGS):
        return "la4"  # 钱包落在车上了: left behind (树叶落在地上 stays luò)
    if after.startswith("下") and clause_after(around, 5).endswith(_LESSONS):
        return "la4"  # 落下了好几节课: fell behind in
    ahead = clause_after(around, 4)
    if ahead.removeprefix("在").removeprefix("了") in _BEHIND:
        return "la4"  # 别落在后面, 落在了最后: fell behind
    if after == "了" and ahead.endswith(("字", "字儿")) and ahead[1:2] in "一两几三四五个":
        return "la4"  # 落了一个字: left out
    return None


def _pa_or_ba(around: Around) -> str | None:  # 扒
    thief = any(t in around.clause_before() for t in ("小偷", "贼", "扒手"))
    after = around.word(1) or ""
    if thief or after.startswith(("钱包", "口袋")):
        return "pa2"  # 小偷扒走了钱包: picking a pocket
    if around.alone and after.startswith(("着", "开", "住", "在")):
        return "ba1"  # 扒着窗户, 扒开土: holding on, digging with the hands
    return None


def _ma(around: Around) -> str | None:  # 抹
    after = around.word(1) or ""
    if after.startswith(("桌", "台", "灶台", "窗台", "柜台", "干净")):
        return "ma1"  # 抹桌子, 抹干净: wiping (抹眼泪 mǒ, 抹药 mǒ)
    if "布" in around.clause_before() and not is_clause_end(after):
        return "ma1"  # 拿布抹一下: wiping with a cloth
    return None


def _meng(around: Around) -> str | None:  # 蒙
    after = around.word(1) or ""
    if after in PRONOUNS or after in ("人", "人家"):
        return "meng1"  # 别蒙我: deceiving (蒙着头 méng)
    if "被" in around.clause_before() and after in ("了", "过"):
        return "meng1"  # 被人蒙了: was fooled
    if after.startswith(("对", "错")) or (around.word(-1) in PRONOUNS and after == "的"):
        return "meng1"  # 蒙对了, 是我蒙的: guessed
    return None


def _qiang(around: Around) -> str | None:  # 呛
    before, after = around.word(-1) or "", around.word(1) or ""
    if any(s in around.clause_before() for s in ("烟", "味", "辣")):
        return None  # 被烟呛得: a smell, qiàng
    if before.endswith(("喝", "吃")) or (after == "着" and ends_clause(around, 2)):
        return "qiang1"  # 喝呛了, 别呛着: choking
    return None


def _gao(around: Around) -> str | None:  # 镐
    if (around.word(-1) or "").endswith(("用", "着", "把", "扛", "拿")):
        return "gao3"  # 用镐刨地, 拿着镐: a pick
    return None


def _ju(around: Around) -> str | None:  # 车
    if around.alone and "象棋" in "".join(getattr(around, "words", ())):
        return "ju1"  # 走了一步车: the chariot
    return None


SPOKEN_ACT_RULES: dict[str, Rule] = {
    "落": _la,
    "扒": _pa_or_ba,
    "抹": _ma,
    "蒙": _meng,
    "呛": _qiang,
    "镐": _gao,
    "车": _ju,
}
