"""Round 8: the classes of set 6's misses (`reader.text.pinyin_separable`, surnames after 姓,
interjections, 核儿, verbs standing alone, 过 before 了, verbs read by what they take, the
particles CC-CEDICT writes neutral, `reader.text.pinyin_spoken_acts`). Own sentences, neither
set 6's nor tune set 8's; gold readings per the 现代汉语词典 by hand. Each class keeps
sentences where the other reading must stay."""

from __future__ import annotations

import pytest

from reader.text.pinyin import PinyinResolver
from tests.shared_data import needs_shared
from tests.test_pinyin_everyday import misread, tune_set_table
from tests.test_pinyin_everyday import resolver as resolver  # noqa: F401 - the fixture

CASES = {
    "a separable word parted by 了, 个 or a number is read as the word": [
        ("我们在长城上照了一张▁相▁。", ["xiang4"]),
        ("他昨天请了两天▁假▁。", ["jia4"]),
        ("我们都上过一回▁当▁。", ["dang4"]),
        ("她刚理了个▁发▁。", ["fa4"]),
        ("昨晚我睡了一个好▁觉▁。", ["jiao4"]),
        ("他▁发▁了一封邮件。", ["fa1"]),
        ("我们▁相▁信你。", ["xiang1"]),
    ],
    "a surname glued to 姓": [
        ("那个新同学姓▁单▁。", ["shan4"]),
        ("我的牙医姓▁区▁。", ["ou1"]),
        ("请把菜▁单▁拿来。", ["dan1"]),
    ],
    "呀 opening a clause is yā; 核儿 hú": [
        ("▁呀▁，我的手机不见了！", ["ya1"]),
        ("你快说▁呀▁！", ["ya5"]),
        ("他把杏▁核▁儿吐了出来。", ["hu2"]),
        ("这是整件事的▁核▁心。", ["he2"]),
    ],
    "verbs whose other reading lives only in words, standing alone": [
        ("河里的水位▁降▁了两米。", ["jiang4"]),
        ("他▁尽▁了自己的责任。", ["jin4"]),
        ("他用鼓槌使劲▁擂▁鼓。", ["lei2"]),
        ("把剩饭▁馏▁一下再吃。", ["liu4"]),
        ("我们▁都▁是学生。", ["dou1"]),
        ("他们最后投▁降▁了。", ["xiang2"]),
    ],
    "过 before a clause-final 了 is the particle, after a verb of passing guò": [
        ("这道菜我吃▁过▁了。", ["guo5"]),
        ("这个电影我们都看▁过▁了。", ["guo5"]),
        ("你▁过▁来一下。", ["guo4"]),
    ],
    "空 before a number kòng, 倒 before a count of rides dǎo, 铺 with a result pū": [
        ("信的开头要▁空▁两格。", ["kong4"]),
        ("这个箱子是▁空▁的。", ["kong1"]),
        ("去机场要▁倒▁两趟公交车。", ["dao3"]),
        ("他给我▁倒▁了一杯水。", ["dao4"]),
        ("大雪▁铺▁满了整个院子。", ["pu1"]),
        ("晚上睡觉前把床▁铺▁好。", ["pu1"]),
        ("这张床▁铺▁太窄了。", ["pu4"]),
    ],
    "着 zháo after a verb of finding, with an object": [
        ("他终于找▁着▁工作了。", ["zhao2"]),
        ("我在车站见▁着▁她了。", ["zhao2"]),
        ("她看▁着▁我笑。", ["zhe5"]),
    ],
    "系 at the end of a word is a department; 干 of a dry throat gān": [
        ("她是外语▁系▁的老师。", ["xi4"]),
        ("他在物理▁系▁上课。", ["xi4"]),
        ("快把鞋带▁系▁上。", ["ji4"]),
        ("说了一上午话，喉咙都▁干▁了。", ["gan1"]),
        ("这些活儿▁干▁完了吗？", ["gan4"]),
    ],
    "肚 after an animal is tripe, dǔ; 眼泡 pāo; 露了馅 lòu": [
        ("火锅里的牛▁肚▁很好吃。", ["du3"]),
        ("我▁肚▁子饿了。", ["du4"]),
        ("天边露出了鱼▁肚▁白。", ["du4"]),
        ("她早上起来眼▁泡▁浮肿。", ["pao1"]),
        ("他一开口就▁露▁了馅儿。", ["lou4"]),
    ],
    "a particle CC-CEDICT writes neutral in a word": [
        ("他的理由也说▁得▁过去。", ["de5"]),
    ],
    "verbs of handling and mishaps (pinyin_spoken_acts)": [
        ("快跟上，别▁落▁在后面。", ["la4"]),
        ("这句话你▁落▁了一个字。", ["la4"]),
        ("树叶▁落▁在了地上。", ["luo4"]),
        ("孩子▁扒▁着门缝往外看。", ["ba1"]),
        ("他用湿布把桌子▁抹▁了一遍。", ["ma1"]),
        ("她往脸上▁抹▁了点油。", ["mo3"]),
        ("我被那个卖家▁蒙▁了。", ["meng1"]),
        ("这道选择题是我▁蒙▁对的。", ["meng1"]),
        ("她用纱巾▁蒙▁住了脸。", ["meng2"]),
        ("慢点吃，小心▁呛▁着。", ["qiang1"]),
        ("这股烟▁呛▁得人直流眼泪。", ["qiang4"]),
        ("他扛着▁镐▁上山了。", ["gao3"]),
        ("下象棋的时候，▁车▁可以走很远。", ["ju1"]),
        ("他每天开▁车▁上班。", ["che1"]),
        ("她的头发天生有点▁卷▁。", ["juan3"]),
        ("绳子把手▁勒▁得通红。", ["lei1"]),
        ("你从一▁数▁到十再睁眼。", ["shu3"]),
        ("晚上店里得有人▁看▁着。", ["kan1"]),
        ("有人▁看▁着你呢。", ["kan4"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_round8_readings(resolver: PinyinResolver, kind: str) -> None:  # noqa: F811
    wrong = misread(resolver, CASES[kind])
    assert not wrong, wrong


@needs_shared
def test_everyday_tune8_accuracy(resolver: PinyinResolver) -> None:  # noqa: F811
    """Round 8's tuning set (written before these rules: 398/463, 86.0 % before them, with
    the one gold corrected after: 唉 ài of regret; 452/463 after) stays above a floor."""
    right, judged = tune_set_table(resolver, "pinyin_everyday_tune8.tsv")["all"]
    assert judged >= 460 and right / judged >= 0.96
