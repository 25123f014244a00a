"""Round 9: the classes of spent sets 7 and 8's misses (`reader.text.pinyin_chores`: 凉, 剥,
划, 卷, 圈, 扇, 曾, 长 and 得 by their neighbours; 过 after a modal verb; the neutral tones of
晚上, 早上, 岁数 and 地道 "authentic"; 脏, 塞, 转, 闷, 熬, 抹, 穿着, 地 after a
reduplication). Own sentences, neither the sets' nor tune set 9's; gold readings per the
现代汉语词典 by hand. Each class keeps sentences where the other reading must stay."""

from __future__ import annotations

import pytest

from reader.text.pinyin import PinyinResolver
from tests.shared_data import needs_shared
from tests.test_pinyin_everyday import misread, tune_set_table
from tests.test_pinyin_everyday import resolver as resolver  # noqa: F401 - the fixture

CASES = {
    "凉 letting something cool is liàng; cool stays liáng": [
        ("豆浆刚煮开，先▁凉▁一下。", ["liang4"]),
        ("把饺子汤▁凉▁一凉再给他。", ["liang4"]),
        ("秋天到了，早晚有点▁凉▁。", ["liang2"]),
        ("他喜欢喝▁凉▁茶。", ["liang2"]),
    ],
    "剥 peeling is bāo; 剥削 stays bō": [
        ("她把橙子▁剥▁开分给大家。", ["bao1"]),
        ("我▁剥▁了一个鸡蛋。", ["bao1"]),
        ("奶奶在厨房▁剥▁豆子。", ["bao1"]),
        ("工人们反对▁剥▁削。", ["bo1"]),
    ],
    "划 scratching and rowing is huá; planning stays huà": [
        ("他的脸被树枝▁划▁破了。", ["hua2"]),
        ("周末我们去公园▁划▁船。", ["hua2"]),
        ("我的腿被铁丝▁划▁了。", ["hua2"]),
        ("他们在湖里▁划▁着小船。", ["hua2"]),
        ("这个▁划▁分不太合理。", ["hua4"]),
        ("我们的计▁划▁变了。", ["hua4"]),
    ],
    "卷 a roll or curly is juǎn; a test paper stays juàn": [
        ("妈妈做了一盘鸡蛋▁卷▁。", ["juan3"]),
        ("我妹妹的头发是▁卷▁的。", ["juan3"]),
        ("这张▁卷▁子很难。", ["juan4"]),
    ],
    "圈 a pen for animals is juàn; a circle stays quān": [
        ("羊在▁圈▁里吃草。", ["juan4"]),
        ("他把猪赶回了猪▁圈▁。", ["juan4"]),
        ("我们绕着湖走了一▁圈▁。", ["quan1"]),
    ],
    "扇 fanning is shān; a door's measure stays shàn": [
        ("他拿着帽子不停地▁扇▁着。", ["shan1"]),
        ("天太热，他用书▁扇▁着脸。", ["shan1"]),
        ("这▁扇▁窗户关不上。", ["shan4"]),
    ],
    "曾 before kin is zēng; once stays céng": [
        ("我的▁曾▁爷爷是木匠。", ["zeng1"]),
        ("我们▁曾▁经一起上学。", ["ceng2"]),
    ],
    "家长 in a longer token is zhǎng": [
        ("下周开家▁长▁会。", ["zhang3"]),
        ("这根绳子很▁长▁。", ["chang2"]),
    ],
    "得 by its neighbours: dé after a modal, děi before an amount or 先": [
        ("只要努力就能▁得▁奖。", ["de2"]),
        ("坐飞机去▁得▁三个小时。", ["dei3"]),
        ("办护照▁得▁先拍照片。", ["dei3"]),
        ("他跑▁得▁很快。", ["de5"]),
        ("他累▁得▁半死。", ["de5"]),
        ("这个箱子装▁得▁下两床被子。", ["de5"]),
        ("他吓▁得▁两腿发软。", ["de5"]),
        ("这个柜子▁得▁三个人才抬得动。", ["dei3"]),
    ],
    "过 after a modal verb is guò": [
        ("前面堵车了，车不能▁过▁。", ["guo4"]),
        ("这个菜我吃▁过▁。", ["guo5"]),
    ],
    "neutral tones the dictionary writes: 晚上, 早上, 岁数, 地道": [
        ("星期六晚▁上▁我在家。", ["shang5"]),
        ("他早▁上▁七点起床。", ["shang5"]),
        ("您今年多大岁▁数▁了？", ["shu5"]),
        ("这家的饺子很地▁道▁。", ["dao5"]),
        ("他们在山下挖了一条地▁道▁。", ["dao4"]),
    ],
    "everyday adjectives and verbs by their neighbours": [
        ("别穿▁脏▁袜子睡觉。", ["zang1"]),
        ("他的心▁脏▁不太好。", ["zang4"]),
        ("我的耳朵有点▁塞▁。", ["sai1"]),
        ("风扇▁转▁不动了。", ["zhuan4"]),
        ("这几天又▁闷▁又热。", ["men1"]),
        ("奶奶最会做▁熬▁豆腐。", ["ao1"]),
        ("他每天都▁熬▁夜。", ["ao2"]),
        ("师傅用石灰把墙▁抹▁平了。", ["mo4"]),
        ("这件衬衫穿▁着▁挺凉快。", ["zhe5"]),
        ("他的穿▁着▁很讲究。", ["zhuo2"]),
        ("小雨淅淅沥沥▁地▁下着。", ["de5"]),
        ("他在地▁下▁室找东西。", ["xia4"]),
        ("洗衣机突然不▁转▁了。", ["zhuan4"]),
        ("操场边有两▁行▁松树。", ["hang2"]),
        ("我们一▁行▁三人去了北京。", ["xing2"]),
        ("▁曲▁老师今天请假了。", ["qu1"]),
        ("这首▁曲▁子很好听。", ["qu3"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_round9_readings(resolver: PinyinResolver, kind: str) -> None:  # noqa: F811
    wrong = misread(resolver, CASES[kind])
    assert not wrong, wrong


@needs_shared
def test_everyday_tune9_accuracy(resolver: PinyinResolver) -> None:  # noqa: F811
    """Round 9's tuning set (written before these rules: 226/312, 72.4 % before them;
    296/312 after) stays above a floor."""
    right, judged = tune_set_table(resolver, "pinyin_everyday_tune9.tsv")["all"]
    assert judged >= 310 and right / judged >= 0.92
