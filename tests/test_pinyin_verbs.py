"""Everyday words CC-CEDICT reads two ways (便宜 piányi, 大夫 dàifu, 东西 dōngxi) and
everyday verbs read by what they take (背着 bēi, 倒茶 dào, 看孩子 kān, 吐了 tù, 藏起来
cáng, 教 jiāo, 调高 tiáo, 晒干 gān). Own sentences, gold readings by hand."""

from __future__ import annotations

import pytest

from reader.text.pinyin import PinyinResolver
from reader.text.pinyin_colloquial import colloquial_entry
from tests.test_pinyin_everyday import misread
from tests.test_pinyin_everyday import resolver as resolver  # noqa: F401 - the fixture

CASES = {
    "two-entry words take the everyday entry": [
        ("超市里的苹果很▁便▁▁宜▁。", ["pian2", "yi5"]),
        ("我买了很多▁东▁▁西▁。", ["dong1", "xi5"]),
        ("妈妈带我去看▁大▁▁夫▁。", ["dai4", "fu5"]),
    ],
    "unless the context names the other sense, or only a polyphone's tone differs": [
        ("这条街是▁东▁▁西▁方向的。", ["dong1", "xi1"]),
        ("农民很爱惜▁土▁▁地▁。", ["tu3", "di4"]),
    ],
    "背 carrying is bēi, reciting bèi": [
        ("她▁背▁着孩子去买菜。", ["bei1"]),
        ("他▁背▁起行李上了车。", ["bei1"]),
        ("我每天早上▁背▁单词。", ["bei4"]),
    ],
    "倒 pouring and the adverb are dào, falling dǎo": [
        ("你帮我▁倒▁杯水吧。", ["dao4"]),
        ("他给客人▁倒▁了一杯茶。", ["dao4"]),
        ("这个办法▁倒▁不错。", ["dao4"]),
        ("大树被风吹▁倒▁了。", ["dao3"]),
    ],
    "看 minding a child is kān": [
        ("奶奶在家▁看▁孩子。", ["kan1"]),
        ("我明天去医院▁看▁病人。", ["kan4"]),
    ],
    "铺 spreading is pū, a shop or bunk pù; 削 peeling xiāo, in 削减 xuē": [
        ("妈妈在床上▁铺▁了一条新床单。", ["pu1"]),
        ("他家开了一间杂货▁铺▁。", ["pu4"]),
        ("你帮我▁削▁个梨吧。", ["xiao1"]),
        ("公司决定▁削▁减预算。", ["xue1"]),
    ],
    "露 showing oneself is lòu, dew lù; 为 for people is wèi": [
        ("老板只来▁露▁了个脸就走了。", ["lou4"]),
        ("清晨的▁露▁水很凉。", ["lu4"]),
        ("医生一直在▁为▁病人着想。", ["wei4"]),
        ("他们都▁为▁人民办实事。", ["wei4"]),
    ],
    "colloquial verbs standing free read as verbs; their other readings live in words": [
        ("门锁▁卡▁住了，钥匙拔不出来。", ["qia3"]),
        ("他去银行办了一张▁卡▁。", ["ka3"]),
        ("她把照片▁粘▁在本子上。", ["zhan1"]),
        ("大家都▁屏▁住了呼吸。", ["bing3"]),
        ("这台电脑的▁屏▁幕坏了。", ["ping2"]),
        ("小偷用黑布▁蒙▁住了脸。", ["meng2"]),
        ("她在水果摊上▁挑▁了几个橘子。", ["tiao1"]),
        ("小狗把骨头▁嚼▁得咯咯响。", ["jiao2"]),
        ("他把药片▁咽▁了下去。", ["yan4"]),
        ("感冒了，我的▁咽▁喉很疼。", ["yan1"]),
        ("猫终于▁逮▁住了那只老鼠。", ["dai3"]),
        ("搬箱子的时候要使点▁劲▁。", ["jin4"]),
        ("这支球队是我们的▁劲▁敌。", ["jing4"]),
        ("系上鞋带，再▁系▁一下领带。", ["ji4"]),
        ("他的膝盖摔破了，流了点▁血▁。", ["xie3"]),
        ("医院的▁血▁液中心在二楼。", ["xue4"]),
        ("妹妹哭个不停，谁也▁哄▁不好。", ["hong3"]),
        ("你去▁称▁一下这袋苹果。", ["cheng1"]),
        ("他每个月能▁挣▁五千块。", ["zheng4"]),
        ("奶奶在灯下▁缝▁衣服。", ["feng2"]),
        ("小狗在院子里▁刨▁坑。", ["pao2"]),
        ("这张纸太▁薄▁。", ["bao2"]),
        ("他的基础很▁薄▁弱。", ["bo2"]),
    ],
    "verbs read by what they take or by 把 before them": [
        ("哥哥每天晚上都▁弹▁钢琴。", ["tan2"]),
        ("她想▁攒▁钱买一辆自行车。", ["zan3"]),
        ("爷爷坐在门口▁剥▁花生。", ["bao1"]),
        ("妈妈给妹妹▁扎▁小辫。", ["za1"]),
        ("护士给他▁扎▁针。", ["zha1"]),
        ("我又把雨伞▁落▁在教室里了。", ["la4"]),
        ("树叶▁落▁在水面上。", ["luo4"]),
        ("她把鸭子▁圈▁在河边。", ["juan1"]),
        ("那根树枝一踩就▁折▁了。", ["she2"]),
        ("她把信纸▁折▁了。", ["zhe2"]),
        ("这口锅的▁把▁儿坏了。", ["ba4"]),
        ("他喝醉了，▁吐▁了一地。", ["tu4"]),
        ("他不停地▁扇▁，还是觉得热。", ["shan1"]),
    ],
    "服 counting medicine is fù, 通 a bout tòng": [
        ("大夫给他开了两▁服▁汤药。", ["fu4"]),
        ("他被爸爸说了一▁通▁。", ["tong4"]),
        ("我给她打了一▁通▁电话。", ["tong1"]),
    ],
    "吐 vomiting is tù, spitting out tǔ": [
        ("他喝多了，一直想▁吐▁。", ["tu4"]),
        ("小孩把葡萄皮▁吐▁出来。", ["tu3"]),
    ],
    "藏 hiding is cáng, Tibet zàng": [
        ("小猫▁藏▁在床底下。", ["cang2"]),
        ("他把钱▁藏▁起来了。", ["cang2"]),
        ("西▁藏▁的天很蓝。", ["zang4"]),
    ],
    "教 as a verb is jiāo, in words jiào": [
        ("张老师▁教▁数学。", ["jiao1"]),
        ("学生们在▁教▁室里看书。", ["jiao4"]),
    ],
    "调 adjusting is tiáo, transferring diào": [
        ("把电视的声音▁调▁低一点。", ["tiao2"]),
        ("他被▁调▁到北京工作了。", ["diao4"]),
    ],
    "干 dry is gān, doing gàn": [
        ("衣服已经晒▁干▁了。", ["gan1"]),
        ("你在▁干▁什么？", ["gan4"]),
    ],
    "free verbs and particles in runs jieba glues": [
        ("这件事▁得▁商量商量。", ["dei3"]),
        ("这种菜很好▁种▁。", ["zhong4"]),
        ("她把衣服▁塞▁进箱子里。", ["sai1"]),
        ("厨房太▁脏▁了。", ["zang1"]),
        ("轮子一直在▁转▁动。", ["zhuan4"]),
        ("风扇▁转▁了很久。", ["zhuan4"]),
        ("医生给他▁量▁体温。", ["liang2"]),
        ("我们▁为▁他们加油。", ["wei4"]),
        ("他被选▁为▁班长。", ["wei2"]),
        ("这▁扇▁门坏了。", ["shan4"]),
        ("你▁数▁一下有几个人。", ["shu3"]),
        ("这里有▁数▁百个人。", ["shu4"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_everyday_verbs_and_words(resolver: PinyinResolver, kind: str) -> None:  # noqa: F811
    wrong = misread(resolver, CASES[kind])
    assert not wrong, wrong


class _Entries:
    def __init__(self, table: dict[str, list[tuple[str, ...]]]) -> None:
        self.table = table

    def readings(self, word: str) -> list[tuple[str, ...]]:
        return self.table.get(word, [])


def test_colloquial_entry_is_the_neutral_one_of_two() -> None:
    entries = _Entries(
        {
            "便宜": [("bian4", "yi2"), ("pian2", "yi5")],
            "土地": [("tu3", "di4"), ("tu3", "di5")],
            "三个": [("san1", "ge4"), ("san1", "ge5"), ("san1", "ge3")],
            "长安": [("Chang2", "an1"), ("chang2", "an1")],
        }
    )
    assert colloquial_entry("便宜", entries) == ("pian2", "yi5")
    # Only the tone of a polyphonic character differs: the model keeps the choice.
    assert colloquial_entry("土地", entries, lambda char: char == "地") is None
    assert colloquial_entry("土地", entries) == ("tu3", "di5")
    assert colloquial_entry("三个", entries) is None  # three entries
    assert colloquial_entry("长安", entries) is None  # a proper noun's entry left aside
    assert colloquial_entry("没有", entries) is None
    assert colloquial_entry("便宜", None) is None
