"""The less common reading of a character in an everyday word or phrase (round 6): word
facts (扁担 dan, 嗑瓜子 kè, 呱呱 guā), free verbs read by what they take (撒了一地 sǎ, 吁了一口气
xū), 系 tying after 把. Own sentences, gold readings per the 现代汉语词典 by hand; each class
also keeps a sentence where the common reading must stay."""

from __future__ import annotations

import pytest

from reader.text.pinyin import PinyinResolver
from tests.shared_data import needs_shared
from tests.test_pinyin_everyday import misread, tune_set_table
from tests.test_pinyin_everyday import resolver as resolver  # noqa: F401 - the fixture

CASES = {
    "everyday words with a neutral tone or a less common reading": [
        ("爷爷肩上放着一根▁扁▁▁担▁。", ["bian3", "dan5"]),
        ("他们几个是一起长大的老街▁坊▁。", ["fang5"]),
        ("这孩子做事很利▁落▁。", ["luo5"]),
        ("天太热，我懒▁得▁做饭。", ["de5"]),
        ("他舅舅在镇上做▁买▁▁卖▁。", ["mai3", "mai5"]),
        ("田边堆着一个高高的麦▁垛▁。", ["duo4"]),
        ("这条街上有一家老染▁坊▁。", ["fang2"]),
        ("门口的空▁地▁上停着两辆车。", ["di4"]),
        ("门口有一块▁空▁地。", ["kong4"]),
        ("老人坐在门口▁嗑▁瓜子。", ["ke4"]),
        ("几个邻居在树下唠▁嗑▁。", ["ke1"]),
        ("一群鸭子▁呱▁▁呱▁地叫着。", ["gua1", "gua1"]),
        ("他干了一上午活，出了一身▁汗▁。", ["han4"]),
        ("这么大的箱子你▁背▁得动吗？", ["bei1"]),
        ("走吧，开会▁喽▁！", ["lou5"]),
    ],
    "the common reading stays where the word is another": [
        ("他给我▁担▁心了一晚上。", ["dan1"]),
        ("今天的天▁空▁很蓝。", ["kong1"]),
        ("她把课文▁背▁得很熟。", ["bei4"]),
        ("他▁喝▁了一口茶。", ["he1"]),
    ],
    "free verbs read by what they take": [
        ("妈妈往汤里▁撒▁了一点盐。", ["sa3"]),
        ("他手一抖，把豆子▁撒▁了一地。", ["sa3"]),
        ("他从不▁撒▁谎。", ["sa1"]),
        ("蜡烛▁燎▁了他的头发。", ["liao3"]),
        ("他放下电话，▁吁▁了一口气。", ["xu1"]),
        ("大家都呼▁吁▁保护环境。", ["yu4"]),
        ("她把钱▁掖▁在枕头底下。", ["ye1"]),
    ],
    "系 tying after 把, xì for a department": [
        ("她把丝巾▁系▁在脖子上。", ["ji4"]),
        ("他们▁系▁在三楼办公。", ["xi4"]),
    ],
    "种 planting after a modal 得 in a run jieba glued": [
        ("这些花得▁种▁在阳台上。", ["zhong4"]),
    ],
    "measure words after a number": [
        ("奶奶往面里加了一▁撮▁糖。", ["cuo1"]),
        ("他下巴上留着一▁撮▁胡子。", ["zuo3"]),
        ("过去一▁斗▁粮食能换一只鸡。", ["dou3"]),
        ("他们之间的▁斗▁争很激烈。", ["dou4"]),
        ("妈妈递给我一▁沓▁钱。", ["da2"]),
        ("小狗在草地上拉了一▁泡▁屎。", ["pao1"]),
        ("水面上冒出了几个▁泡▁泡。", ["pao4"]),
    ],
    "着 zháo: a result of finding or harm, catching a chill; zhe while it lasts": [
        ("我终于买▁着▁了那本书。", ["zhao2"]),
        ("他下楼时摔▁着▁了。", ["zhao2"]),
        ("这么大的声音，当心吓▁着▁老人。", ["zhao2"]),
        ("晚上别开窗，会▁着▁了凉的。", ["zhao2"]),
        ("她笑▁着▁对我说话。", ["zhe5"]),
        ("他抓▁着▁我的手不放。", ["zhe5"]),
    ],
    "得 děi after 可, 咳 hāi opening a sentence, V不得 bude": [
        ("明天考试，你可▁得▁早点睡。", ["dei3"]),
        ("这种机会不可▁得▁。", ["de2"]),
        ("▁咳▁！我又把钥匙忘在家里了。", ["hai1"]),
        ("他感冒了，一直在▁咳▁嗽。", ["ke2"]),
        ("这只狗脾气大，惹▁不▁▁得▁。", ["bu5", "de5"]),
        ("他▁不▁▁得▁不走了。", ["bu4", "de2"]),
    ],
    "two-tone words: the adjective after a degree word, the noun after 的": [
        ("穿上新衣服，他显得很精▁神▁。", ["shen5"]),
        ("老人的精▁神▁很好。", ["shen2"]),
        ("你做事太大▁意▁了。", ["yi5"]),
        ("请说说这段话的大▁意▁。", ["yi4"]),
        ("这家的川菜做得挺地▁道▁。", ["dao5"]),
        ("她对朋友一向很大▁方▁。", ["fang5"]),
        ("山脚下住着三户人▁家▁。", ["jia1"]),
        ("这附近吃饭挺便▁当▁的。", ["dang5"]),
    ],
    "多少 asking, 地方 local, 陆 six among capital numerals": [
        ("这个西瓜多▁少▁钱一斤？", ["shao5"]),
        ("你们班有多▁少▁个学生？", ["shao5"]),
        ("他多▁少▁有点失望。", ["shao3"]),
        ("这件事由地▁方▁政府负责。", ["fang1"]),
        ("这个地▁方▁我来过。", ["fang5"]),
        ("发票上写着人民币▁陆▁仟元整。", ["liu4"]),
        ("他们终于看到了▁陆▁地。", ["lu4"]),
    ],
    "a verb by what it takes past a number and its measure, 奔着 bèn, 叉着腿 chǎ": [
        ("妹妹▁扎▁了两根小辫。", ["za1"]),
        ("医生给他▁扎▁了一针。", ["zha1"]),
        ("大家都▁奔▁着同一个方向去了。", ["ben4"]),
        ("孩子们在操场上▁奔▁跑。", ["ben1"]),
        ("他▁叉▁着腿站在门口。", ["cha3"]),
        ("外面雪不停地▁下▁。", ["xia4"]),
        ("外面雪不停▁地▁下。", ["de5"]),
    ],
    "tired lèi, shut in mēn, flushed zhàng, strong chòng; 胳膊 bo, 琢磨 zuó": [
        ("爬了一天山，大家都▁累▁坏了。", ["lei4"]),
        ("他这几年▁积▁累了很多经验。", ["ji1"]),
        ("这几年他积▁累▁了很多经验。", ["lei3"]),
        ("放假了他也整天▁闷▁在家里。", ["men1"]),
        ("她被问得脸▁涨▁得通红。", ["zhang4"]),
        ("这几天菜价又▁涨▁了。", ["zhang3"]),
        ("这酒的味道有点▁冲▁。", ["chong4"]),
        ("他伸出胳▁膊▁让医生看。", ["bo5"]),
        ("我▁琢▁磨着明天去看看他。", ["zuo2"]),
    ],
    "调 to a number tiáo, 倒 upside down dào, 长了一脸 zhǎng": [
        ("他把音量▁调▁到十五。", ["tiao2"]),
        ("他明年要被▁调▁到上海。", ["diao4"]),
        ("这张画你▁倒▁着挂了。", ["dao4"]),
        ("他把沙漏▁倒▁过来又看了一遍。", ["dao4"]),
        ("他一不小心摔▁倒▁了。", ["dao3"]),
        ("才几天没刮，他就▁长▁了一脸胡子。", ["zhang3"]),
        ("这条裤子太▁长▁了。", ["chang2"]),
    ],
    "弄 the verb, 和 winning at mahjong, 拧 a towel, 系 a tie, 晕过去, 打蒙": [
        ("我的手机被弟弟▁弄▁坏了。", ["nong4"]),
        ("他家住在淮海路25▁弄▁。", ["long4"]),
        ("昨晚打麻将，我▁和▁了三把。", ["hu2"]),
        ("我▁和▁他是同学。", ["he2"]),
        ("洗完脸她▁拧▁了一把毛巾。", ["ning2"]),
        ("他今天▁系▁了一根蓝色的领带。", ["ji4"]),
        ("天太热，一个老人▁晕▁过去了。", ["yun1"]),
        ("他被这个问题问▁蒙▁了。", ["meng1"]),
        ("他一拳把小偷打▁蒙▁了。", ["meng1"]),
        ("他们一口气▁干▁完活才吃饭。", ["gan4"]),
    ],
    "这一行 háng, 量一量 liáng, 商量 liang, 供 offering gòng": [
        ("我爸爸干这一▁行▁已经二十年了。", ["hang2"]),
        ("裁缝给我▁量▁一▁量▁尺寸。", ["liang2", "liang2"]),
        ("这件事我们再商▁量▁一下。", ["liang5"]),
        ("老人上下打▁量▁着这个年轻人。", ["liang5"]),
        ("奶奶家里▁供▁着祖先的牌位。", ["gong4"]),
        ("这家工厂▁供▁电给整个小区。", ["gong1"]),
    ],
    "喝 shouting hè; 好面子 hào, 一时兴起 xìng, 朝九晚五 zhāo, 藏不住 cáng": [
        ("门卫大▁喝▁了一声，那人就跑了。", ["he4"]),
        ("他这个人特别▁好▁面子。", ["hao4"]),
        ("她一时▁兴▁起，买了一把吉他。", ["xing4"]),
        ("上班族每天▁朝▁九晚五。", ["zhao1"]),
        ("这孩子心里▁藏▁不住事。", ["cang2"]),
    ],
    "露一下 lòu, 轧断 yà, 很粘 nián": [
        ("他只在会上▁露▁了一下面就走了。", ["lou4"]),
        ("他笑着▁露▁出了白牙。", ["lu4"]),
        ("小狗的腿被自行车▁轧▁伤了。", ["ya4"]),
        ("这种糯米做的糕特别▁粘▁。", ["nian2"]),
        ("口香糖▁粘▁在鞋底上了。", ["zhan1"]),
        ("他▁重▁▁重▁地拍了一下桌子。", ["zhong4", "zhong4"]),
        ("这次任务困难▁重▁重。", ["chong2"]),
    ],
    "择菜 zhái, 冲得很 chòng, 劲 strength jìn, 通铺 pù": [
        ("奶奶坐在门口▁择▁芹菜。", ["zhai2"]),
        ("我们要▁择▁一个好日子。", ["ze2"]),
        ("这种烟的味道▁冲▁得很。", ["chong4"]),
        ("他干活有一股▁劲▁。", ["jin4"]),
        ("学生们睡在一个通▁铺▁上。", ["pu4"]),
    ],
    "得上 děi, 还上了 huán, 着什么急 zháo, 了却 liǎo": [
        ("我明天▁得▁上班。", ["dei3"]),
        ("借朋友的钱，他上个月终于▁还▁上了。", ["huan2"]),
        ("他▁还▁上了电视。", ["hai2"]),
        ("时间还早，你▁着▁什么急？", ["zhao2"]),
        ("他终于▁了▁却了多年的心愿。", ["liao3"]),
    ],
    "空着手 kōng, 正当的 dàng, 折跟头 zhē, 折了本 shé, 很拧 nìng, 好哭 hào": [
        ("他第一次上门就▁空▁着手。", ["kong1"]),
        ("我们要保护自己的正▁当▁权益。", ["dang4"]),
        ("这是他正▁当▁的收入。", ["dang4"]),
        ("小猴子在树上▁折▁了几个跟头。", ["zhe1"]),
        ("这笔买卖他▁折▁了本。", ["she2"]),
        ("他把纸▁折▁成了一只小船。", ["zhe2"]),
        ("他的脾气特别▁拧▁。", ["ning4"]),
        ("我妹妹小时候特别▁好▁哭。", ["hao4"]),
        ("这本书很▁好▁看。", ["hao3"]),
    ],
    "散了 sàn, 盛到 chéng, 泊在 bó, 仆倒 pū, 分量 fèn, 转了好几圈 zhuàn, 干了这杯 gān": [
        ("晚会▁散▁了，大家各自回家。", ["san4"]),
        ("她的辫子▁散▁了。", ["san3"]),
        ("妈妈把粥▁盛▁到碗里。", ["cheng2"]),
        ("几条渔船▁泊▁在岸边。", ["bo2"]),
        ("他一下子▁仆▁倒在雪地里。", ["pu1"]),
        ("这个箱子的▁分▁量不轻。", ["fen4"]),
        ("小狗绕着桌子▁转▁了好几圈。", ["zhuan4"]),
        ("来，我们▁干▁了这杯酒！", ["gan1"]),
        ("他▁干▁了一天活，累坏了。", ["gan4"]),
        ("人▁家▁都走了，你还不走？", ["jia5"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_less_common_readings(resolver: PinyinResolver, kind: str) -> None:  # noqa: F811
    wrong = misread(resolver, CASES[kind])
    assert not wrong, wrong


@needs_shared
def test_everyday_tune6_accuracy(resolver: PinyinResolver) -> None:  # noqa: F811
    """Round 6's tuning set (written before these rules: 88.5 % before them, 96.8 % after)
    stays above a floor."""
    right, judged = tune_set_table(resolver, "pinyin_everyday_tune6.tsv")["all"]
    assert judged >= 550 and right / judged >= 0.95
