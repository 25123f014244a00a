"""A multi-character word's one reading from the word lists is kept against the learned
arbiter (晃眼 huǎng, 瞎蒙 mēng, 翘首 qiáo), and 过 as the aspect particle
reads guo (见过, 学过, 年轻过) while the verb and lexical words stay guò (过马路, 通过,
跳过了), and 切, 钉, 划, 露 as free verbs (切肉 qiē, 钉在 dìng, 划船 huá,
露了一手 lòu), and 着 after a noun, catching fire (灯着了 zháo). Own sentences, gold readings by hand (现代汉语词典)."""

from __future__ import annotations

import pytest

from reader.text.pinyin import PinyinResolver
from reader.text.pinyin_arbiter import Slot, keeps_word_reading
from tests.test_pinyin_everyday import misread
from tests.test_pinyin_everyday import resolver as resolver  # noqa: F401 - the fixture

CASES = {
    "a word's one listed reading is kept unless the model is near certain": [
        ("屋里的灯太▁晃▁眼了。", ["huang3"]),
        ("这道题我是瞎▁蒙▁的。", ["meng1"]),
        ("孩子们都在▁翘▁首盼望着。", ["qiao2"]),
    ],
    "过 after a verb or adjective is the aspect particle guo": [
        ("我以前▁见▁▁过▁她。", ["jian4", "guo5"]),
        ("你学▁过▁游泳吗？", ["guo5"]),
        ("这个问题我们讨论▁过▁。", ["guo5"]),
        ("谁都年轻▁过▁。", ["guo5"]),
        ("他看▁过▁那部电影。", ["guo5"]),
    ],
    "the verb 过, and 过 ending a word or before a complement, stay guò": [
        ("我们小心地▁过▁马路。", ["guo4"]),
        ("他通▁过▁了考试。", ["guo4"]),
        ("我不想错▁过▁这次机会。", ["guo4"]),
        ("请你▁过▁来一下。", ["guo4"]),
        ("再▁过▁两天就放假了。", ["guo4"]),
        ("他跳▁过▁了第三题。", ["guo4"]),
    ],
    "切, 钉, 划, 露 standing free before what the verb takes read as the verb": [
        ("爸爸在厨房▁切▁肉。", ["qie1"]),
        ("他不喜欢▁切▁菜。", ["qie1"]),  # jieba glues 切菜 into one token
        ("我把西瓜▁切▁开了。", ["qie1"]),
        ("她对人很亲▁切▁。", ["qie4"]),
        ("他把画▁钉▁在墙上。", ["ding4"]),
        ("桌上有一盒▁钉▁子。", ["ding1"]),
        ("我们▁划▁船去对岸。", ["hua2"]),
        ("他的衣服▁划▁破了。", ["hua2"]),
        ("这是我们的计▁划▁。", ["hua4"]),
        ("他今天▁露▁了一手。", ["lou4"]),
        ("草叶上有▁露▁水。", ["lu4"]),
    ],
    "着 after a noun, before 了 or 起来, is catching fire, zháo": [
        ("屋里的灯▁着▁了。", ["zhao2"]),
        ("炉子里的火▁着▁了。", ["zhao2"]),
        ("墙上挂▁着▁一幅画。", ["zhe5"]),
        ("他说▁着▁说着就笑了。", ["zhe5"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_word_readings_and_aspect(resolver: PinyinResolver, kind: str) -> None:  # noqa: F811
    wrong = misread(resolver, CASES[kind])
    assert not wrong, wrong


def test_which_word_readings_are_kept() -> None:
    assert keeps_word_reading(Slot(prior="huang3", choices=("huang3",)))
    # several readings, none, or a neutral tone: the arbiter still decides
    assert not keeps_word_reading(Slot(prior="zhao1", choices=("zhao1", "chao2")))
    assert not keeps_word_reading(Slot())
    assert not keeps_word_reading(Slot(prior="pa5", choices=("pa5",)))
