"""Collocation rules for everyday polyphones (reader.text.pinyin_senses) and readings inside
tokens jieba glued (reader.text.pinyin_glued). Sentences and gold readings written by hand."""

from __future__ import annotations

import pytest

from reader.text.pinyin import PinyinResolver
from reader.text.pinyin_glued import apply_glued
from reader.text.pinyin_senses import SENSE_RULES, first_answer
from reader.text.pinyin_takes import TAKES_RULES
from tests.test_pinyin_everyday import misread


@pytest.fixture(scope="module")
def resolver() -> PinyinResolver:
    from reader.text.dictionary import ensure_dictionary

    built = PinyinResolver(ensure_dictionary())
    built.warm_up()
    return built


SENSES = {
    "地 glued to an adverbial or to 下/上 is the particle": [
        ("雨不停▁地▁下了一整天。", ["de5"]),
        ("小猫悄悄▁地▁下了楼梯。", ["de5"]),
        ("老人慢吞吞▁地▁下了车。", ["de5"]),
        ("他们静静▁地▁上了楼。", ["de5"]),
        ("他坐在▁地▁上哭。", ["di4"]),
        ("突然，▁地▁上出现了一个洞。", ["di4"]),
        ("这个▁地▁下室很潮湿。", ["di4"]),
        ("孩子们兴奋▁地▁上了车。", ["de5"]),
        ("他飞快▁地▁道了歉。", ["de5"]),
        ("他一遍又一遍▁地▁点着头。", ["de5"]),
        ("他摔倒▁地▁上了。", ["di4"]),
        ("书掉▁地▁上了。", ["di4"]),
        ("这条▁地▁道很长。", ["di4"]),
    ],
    "重 after a degree adverb is heavy (zhòng)": [
        ("这只行李箱太▁重▁了，我拿不动。", ["zhong4"]),
        ("他的病真▁重▁啊。", ["zhong4"]),
        ("这袋米好▁重▁！", ["zhong4"]),
        ("请你把这句话▁重▁说一遍。", ["chong2"]),
        ("他有多▁重▁身份。", ["chong2"]),
    ],
    "得 in a verb's potential form (V得下, V得了) is the particle, and that 了 liǎo": [
        ("这个小盒子装▁得▁下三本书吗？", ["de5"]),
        ("书包太小，我放▁得▁下吗？", ["de5"]),
        ("这么重的桌子你抬▁得▁动吗？", ["de5"]),
        ("这件事你办得▁了▁吗？", ["liao3"]),
        ("明天的会你去得▁了▁吗？", ["liao3"]),
        ("他去年▁得▁了一场大病。", ["de2"]),
        ("弟弟得▁了▁一等奖。", ["le5"]),
    ],
    "重 alone after 很/挺/特别 is heavy": [
        ("这只箱子很▁重▁。", ["zhong4"]),
        ("他的口音挺▁重▁的。", ["zhong4"]),
        ("这台电脑特别▁重▁。", ["zhong4"]),
        ("老师让我们▁重▁写一遍。", ["chong2"]),
    ],
    "着 after 吓/冻 with 了 is zháo": [
        ("那只大狗把小妹妹吓▁着▁了。", ["zhao2"]),
        ("天冷，小心别冻▁着▁了。", ["zhao2"]),
        ("他一直饿▁着▁肚子干活。", ["zhe5"]),
    ],
    "地下 after a doubled adverb at a clause end is 地 de": [
        ("外面的雪静静▁地▁下。", ["de5"]),
        ("那场雨哗哗▁地▁下。", ["de5"]),
        ("宝藏就埋在▁地▁下。", ["di4"]),
    ],
    "种 after a modal in an unknown run jieba glued is the verb": [
        ("这些花苗明天要▁种▁在院子里。", ["zhong4"]),
        ("春天我想▁种▁点儿向日葵。", ["zhong4"]),
    ],
    "场 counts a happening as cháng, a show or match as chǎng": [
        ("昨晚下了一▁场▁暴雨。", ["chang2"]),
        ("去年冬天他生了一▁场▁病。", ["chang2"]),
        ("原来是一▁场▁误会。", ["chang2"]),
        ("周末我们去看了一▁场▁足球赛。", ["chang3"]),
        ("这▁场▁演出很精彩。", ["chang3"]),
    ],
    "得 before 到处 is the particle": [
        ("他把水洒▁得▁到处都是。", ["de5"]),
        ("她终于▁得▁到了那份工作。", ["de2"]),
        ("妈妈还没回来，我▁得▁自己做饭。", ["dei3"]),
    ],
    "着 zháo after 不/得 and after a verb of finding": [
        ("这么吵，我怎么睡得▁着▁？", ["zhao2"]),
        ("手机找不▁着▁了。", ["zhao2"]),
        ("这种小事犯不▁着▁生气。", ["zhao2"]),
        ("他拿▁着▁一本书。", ["zhe5"]),
        ("他戴▁着▁一顶帽子。", ["zhe5"]),
        ("你猜▁着▁了吗？", ["zhao2"]),
        ("她看▁着▁我不说话。", ["zhe5"]),
    ],
    "还 in a comparison is hái, before a loan huán": [
        ("她比她姐姐▁还▁高。", ["hai2"]),
        ("这里比那里▁还▁安静。", ["hai2"]),
        ("他每个月都要▁还▁贷款。", ["huan2"]),
        ("银行催他▁还▁款。", ["huan2"]),
        ("他比我▁还▁钱还得快。", ["huan2"]),  # 比 here is no comparison of 还
    ],
    "当 before a pronoun that starts a clause is dàng": [
        ("我▁当▁你是朋友。", ["dang4"]),
        ("你▁当▁时在哪儿？", ["dang1"]),
    ],
    "差 before an amount is chà": [
        ("这个月我还▁差▁两百块钱。", ["cha4"]),
        ("他▁差▁一点就赢了。", ["cha4"]),
        ("我的记性越来越▁差▁了。", ["cha4"]),
    ],
    "应 before a verb is yīng, answering yìng": [
        ("学生▁应▁遵守纪律。", ["ying1"]),
        ("门铃响了，没人▁应▁。", ["ying4"]),
        ("这件事▁应▁由他负责。", ["ying1"]),
    ],
    "难, 少 outside words": [
        ("这道题真▁难▁。", ["nan2"]),
        ("这件事太▁难▁办了。", ["nan2"]),
        ("他们经历了很多苦▁难▁。", ["nan4"]),
        ("你▁少▁管闲事。", ["shao3"]),
        ("这个▁少▁年跑得很快。", ["shao4"]),
    ],
    "觉 as the measure of sleep, 处 as a verb, 结 bearing fruit": [
        ("昨天我睡了一▁觉▁就好了。", ["jiao4"]),
        ("他昨晚没睡好▁觉▁。", ["jiao4"]),
        ("我▁觉▁得有点饿。", ["jue2"]),
        ("他俩▁处▁得不错。", ["chu3"]),
        ("我们正▁处▁于关键时期。", ["chu3"]),
        ("这里是学校的医务▁处▁。", ["chu4"]),
        ("今年的桃树▁结▁了不少桃子。", ["jie1"]),
        ("葡萄藤上▁结▁满了葡萄。", ["jie1"]),
        ("湖面▁结▁了一层冰。", ["jie2"]),
    ],
    "中 winning, 假 leave, 散 coming loose": [
        ("她买彩票▁中▁了大奖。", ["zhong4"]),
        ("我想请三天▁假▁。", ["jia4"]),
        ("请了▁假▁我就回老家。", ["jia4"]),
        ("你说的是真的还是▁假▁的？", ["jia3"]),
        ("他的鞋带▁散▁了。", ["san3"]),
        ("人都▁散▁了，我们也走吧。", ["san4"]),
    ],
    "背, 倒, 看, 干, 空, 调, 和 by what they take": [
        ("他▁背▁了一个大书包去学校。", ["bei1"]),
        ("她▁背▁了一首古诗。", ["bei4"]),
        ("他累得▁倒▁在了沙发上。", ["dao3"]),
        ("他把汤▁倒▁在了锅里。", ["dao4"]),
        ("你帮我▁看▁着这个包。", ["kan1"]),
        ("你▁看▁着我的眼睛。", ["kan4"]),
        ("头发还没▁干▁，别出门。", ["gan1"]),
        ("他今天▁干▁了很多活。", ["gan4"]),
        ("把衣服晒▁干▁了再▁干▁别的。", ["gan1", "gan4"]),
        ("衣服很快就会▁干▁的。", ["gan1"]),
        ("这个座位▁空▁着，你坐吧。", ["kong4"]),
        ("瓶子里的水▁空▁了。", ["kong1"]),
        ("他把音量▁调▁了一下。", ["tiao2"]),
        ("奶奶用水▁和▁了一团面。", ["huo2"]),
        ("我▁和▁你不一样。", ["he2"]),
    ],
    "没, 当 as if, 转 starting to spin, 倒 falling down, 看 minding for a while": [
        ("他今天▁没▁来上班。", ["mei2"]),
        ("大水淹▁没▁了那条路。", ["mo4"]),
        ("这次我就▁当▁没看见。", ["dang4"]),
        ("风车慢慢▁地▁▁转▁了起来。", ["de5", "zhuan4"]),
        ("他在门口▁倒▁了下去。", ["dao3"]),
        ("我帮你▁看▁一会儿孩子。", ["kan1"]),
        ("你▁得▁小心一点。", ["dei3"]),
    ],
    "a verb said twice, 头发 in a longer token, V不得, 一觉醒来": [
        ("老师，你能▁教▁▁教▁我吗？", ["jiao1", "jiao1"]),
        ("他的白头▁发▁越来越多。", ["fa4"]),
        ("这事怪不▁得▁他。", ["de5"]),
        ("这件事你办▁得▁▁了▁吗？", ["de5", "liao3"]),
        ("这么多饭我吃▁得▁▁了▁。", ["de5", "liao3"]),
        ("他获▁得▁▁了▁第一名。", ["de2", "le5"]),
        ("听到这个好消息，她▁乐▁了。", ["le4"]),
        ("他▁好▁打篮球。", ["hao4"]),
        ("她▁好▁吃零食。", ["hao4"]),
        ("这个菜很▁好▁吃。", ["hao3"]),
        ("他▁好▁喜欢你。", ["hao3"]),
        ("我们去▁种▁棵树吧。", ["zhong4"]),
        ("这个▁重▁不▁重▁？", ["zhong4", "zhong4"]),
        ("请你▁重▁说一遍。", ["chong2"]),
        ("快把衣服▁背▁上。", ["bei1"]),
        ("把那杯水▁倒▁了。", ["dao4"]),
        ("他把我推▁倒▁了。", ["dao3"]),
        ("这▁行▁吗？", ["xing2"]),
        ("这个菜咸▁得▁没法吃。", ["de5"]),
        ("孩子们一▁数▁，发现少了一个人。", ["shu3"]),
        ("他睡了一个好▁觉▁。", ["jiao4"]),
        ("你帮我▁看▁着点儿门。", ["kan1"]),
        ("他▁为▁朋友做了一件好事。", ["wei4"]),
        ("大家称他▁为▁英雄。", ["wei2"]),
        ("他一▁觉▁醒来，天已经亮了。", ["jiao4"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(SENSES))
def test_sense_class(resolver: PinyinResolver, kind: str) -> None:
    wrong = misread(resolver, SENSES[kind])
    assert not wrong, wrong


def test_first_answer_falls_back_to_the_older_rule() -> None:
    older = {"还": lambda around: "huan2", "种": lambda around: "zhong4"}
    merged = first_answer({"还": lambda around: None, "着": lambda around: "zhao2"}, older)
    assert merged["还"](None) == "huan2"  # the new rule has no answer: the older one's
    assert merged["种"](None) == "zhong4"
    assert merged["着"](None) == "zhao2"
    assert set(SENSE_RULES) >= {"着", "差", "应", "难", "少", "觉", "处", "假"}
    assert set(TAKES_RULES) >= {"结", "散", "背", "倒", "看", "干"}


def test_glued_particle_and_reduplicated_verb_tokens() -> None:
    words = ["她", "悄悄地", "下", "了", "床", "，", "不停", "地下", "着", "，", "教教", "我"]
    tags = ["r", "z", "f", "ul", "n", None, "d", "s", "uz", None, "n", "r"]
    results: list[list[str | None]] = [
        ["ta1"], ["qiao1", "qiao1", "di4"], ["xia4"], ["le5"], ["chuang2"], [None],
        ["bu4", "ting2"], ["di4", "xia4"], ["zhe5"], [None], ["jiao4", "jiao4"], ["wo3"],
    ]  # fmt: skip
    apply_glued(words, tags, results, lambda word: "d" if word == "悄悄" else None)
    assert results[1] == ["qiao1", "qiao1", "de5"]
    assert results[7] == ["de5", "xia4"]
    assert results[10] == ["jiao1", "jiao1"]


def test_glued_leaves_nouns_and_places_alone() -> None:
    words = "目的地 在 地下 ， 她 的 穿着 很 朴素 ， 他 穿着 一件".split()
    tags = ["n", "p", "s", None, "r", "uj", "v", "d", "a", None, "r", "v", "m"]
    results: list[list[str | None]] = [
        ["mu4", "di4", "di4"], ["zai4"], ["di4", "xia4"], [None], ["ta1"], ["de5"],
        ["chuan1", "zhuo2"], ["hen3"], ["pu3", "su4"], [None], ["ta1"], ["chuan1", "zhuo2"],
        ["yi1", "jian4"],
    ]  # fmt: skip
    apply_glued(words, tags, results, lambda word: None)
    assert results[0] == ["mu4", "di4", "di4"]
    assert results[2] == ["di4", "xia4"]
    assert results[6] == ["chuan1", "zhuo2"]  # her attire
    assert results[11] == ["chuan1", "zhe5"]  # wearing a dress
