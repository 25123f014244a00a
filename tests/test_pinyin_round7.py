"""Round 7: everyday polyphones of plain spoken sentences (`reader.text.pinyin_spoken`, word
facts, 过 after 没 and a verb). Own sentences, not those of tune set 7; gold readings per the
现代汉语词典 by hand. Each class keeps sentences where the other reading must stay."""

from __future__ import annotations

import sys

import pytest

from reader.text.pinyin import PinyinResolver
from tests.shared_data import REPO_ROOT, needs_shared
from tests.test_pinyin_everyday import misread
from tests.test_pinyin_everyday import resolver as resolver  # noqa: F401 - the fixture

CASES = {
    "当 dàng: fooled (上了当), treated as (拿…当, 当…用); dāng stays": [
        ("我又上了他的▁当▁。", ["dang4"]),
        ("她一直拿我▁当▁亲妹妹。", ["dang4"]),
        ("他一个人▁当▁三个人用。", ["dang4"]),
        ("他想▁当▁医生。", ["dang1"]),
        ("他在部队▁当▁了三年兵。", ["dang1"]),
    ],
    "数 shǔ ranking first, 转 zhuàn going round, 钻 zuān going in": [
        ("全班▁数▁她唱得最好。", ["shu3"]),
        ("这个▁数▁最大。", ["shu4"]),
        ("陀螺在地上▁转▁个不停。", ["zhuan4"]),
        ("我们去街上▁转▁一▁转▁吧。", ["zhuan4", "zhuan4"]),
        ("他▁转▁身走了。", ["zhuan3"]),
        ("老鼠▁钻▁进了洞里。", ["zuan1"]),
        ("她手上戴着一枚▁钻▁戒。", ["zuan4"]),
    ],
    "nouns after a measure, measures by what they count": [
        ("窗户上有一道▁缝▁。", ["feng4"]),
        ("她在给孩子▁缝▁衣服。", ["feng2"]),
        ("我去买两▁卷▁胶带。", ["juan3"]),
        ("这套书一共有十▁卷▁。", ["juan4"]),
        ("大夫给他开了两▁服▁药。", ["fu4"]),
        ("本子上写满了一▁行▁一▁行▁的字。", ["hang2", "hang2"]),
        ("他下棋时走了一▁着▁好棋。", ["zhao1"]),
        ("他一▁着▁急就脸红。", ["zhao2"]),
    ],
    "verbs by what they take: 弹 tán, 曲 qū, 舍 shě, 盛 chéng, 挑 tiāo, 奔 bèn": [
        ("皮球▁弹▁起来老高。", ["tan2"]),
        ("他身上中了一颗子▁弹▁。", ["dan4"]),
        ("她▁曲▁着膝盖坐在地上。", ["qu1"]),
        ("那个士兵为了救孩子▁舍▁了命。", ["she3"]),
        ("我们的宿▁舍▁很干净。", ["she4"]),
        ("你帮我▁盛▁一碗汤。", ["cheng2"]),
        ("这里的桃花开得正▁盛▁。", ["sheng4"]),
        ("老汉▁挑▁着一担柴下山。", ["tiao1"]),
        ("我妈都▁奔▁六十了。", ["ben4"]),
        ("我们下了车就▁奔▁饭馆去了。", ["ben4"]),
    ],
    "倒 dào upside down or reversing, dǎo falling or changing buses": [
        ("他把照片贴▁倒▁了。", ["dao4"]),
        ("司机把车往后▁倒▁了一点。", ["dao4"]),
        ("门口那棵大树▁倒▁了。", ["dao3"]),
        ("我们▁倒▁了三次车才到。", ["dao3"]),
        ("他把剩菜▁倒▁了。", ["dao4"]),
        ("小孩被绊▁倒▁了。", ["dao3"]),
    ],
    "横 hèng, 禁 jīn, 闷 mēn after a degree word": [
        ("那个司机太▁横▁了。", ["heng4"]),
        ("这种布很▁禁▁洗。", ["jin1"]),
        ("这里▁禁▁止停车。", ["jin4"]),
        ("屋里太▁闷▁了，开开窗吧。", ["men1"]),
    ],
    "中 zhòng struck, 眯 mí dust in the eye, 落 là left behind, 难 nàn a calamity": [
        ("他上个月▁中▁了彩票。", ["zhong4"]),
        ("他一枪正▁中▁红心。", ["zhong4"]),
        ("桌子放在屋子正▁中▁。", ["zhong1"]),
        ("一阵风吹来，灰▁眯▁了眼。", ["mi2"]),
        ("他▁眯▁着眼睛笑。", ["mi1"]),
        ("你▁落▁了一把伞在我家。", ["la4"]),
        ("树叶▁落▁了一地。", ["luo4"]),
        ("一方有▁难▁，大家都去帮。", ["nan4"]),
        ("这事有点▁难▁。", ["nan2"]),
    ],
    "着 zháo after 没 and a verb of reaching, 没 méi, 过 guo after 没 and a verb": [
        ("我找了半天也没找▁着▁。", ["zhao2"]),
        ("炉子里的煤还没▁着▁。", ["zhao2"]),
        ("他手里拿▁着▁一本书。", ["zhe5"]),
        ("我们▁没▁见过这种鸟。", ["mei2"]),
        ("他从来没喝▁过▁酒。", ["guo5"]),
        ("他没▁过▁多久就回来了。", ["guo4"]),
    ],
    "背 bēi at a clause's end after a thing carried, bèi after a text": [
        ("这个包我自己▁背▁。", ["bei1"]),
        ("这首诗我不▁背▁了。", ["bei4"]),
    ],
    "word facts and tokens: 发卡 fàqiǎ, 片子 piān, 晴间多云, 油炸, 划算, 作揖, 不着边际": [
        ("她头发上夹着一个▁发▁▁卡▁。", ["fa4", "qia3"]),
        ("她给我▁发▁了一个消息。", ["fa1"]),
        ("这部▁片▁子很好看。", ["pian1"]),
        ("广播说明天晴▁间▁多云。", ["jian4"]),
        ("油▁炸▁的东西要少吃。", ["zha2"]),
        ("这么买很▁划▁算。", ["hua2"]),
        ("他对大家连连▁作▁揖。", ["zuo1"]),
        ("他写的文章不▁着▁边际。", ["zhuo2"]),
        ("他一个劲儿▁地▁往前跑。", ["de5"]),
    ],
    "空着肚子 kōng, 吐血 tù, 差得 chà, 这担水 dàn, 好喝酒 hào, 把头发扎起来 zā": [
        ("你别空▁着▁肚子去上班。", ["zhe5"]),
        ("他早上▁空▁着肚子就出门了。", ["kong1"]),
        ("那个座位一直▁空▁着。", ["kong4"]),
        ("他咳得厉害，▁吐▁了一口血。", ["tu4"]),
        ("他往地上▁吐▁了一口痰。", ["tu3"]),
        ("你的字比他▁差▁得远。", ["cha4"]),
        ("他一口气挑了两▁担▁水。", ["dan4"]),
        ("我舅舅▁好▁抽烟。", ["hao4"]),
        ("这种茶很▁好▁喝。", ["hao3"]),
        ("她把头发▁扎▁成了两个小辫。", ["za1"]),
        ("护士给他▁扎▁了一针。", ["zha1"]),
    ],
    "一副…相 xiàng, 和泥 huó, 没过膝盖 mò, 把纸卷成 juǎn, 先量 liáng, 好强 hào": [
        ("他总是一副可怜▁相▁。", ["xiang4"]),
        ("孩子们在院子里▁和▁泥。", ["huo2"]),
        ("我▁和▁妹妹去公园。", ["he2"]),
        ("雪▁没▁过了脚面。", ["mo4"]),
        ("他▁没▁过多久就睡着了。", ["mei2"]),
        ("他把报纸▁卷▁成一个筒。", ["juan3"]),
        ("你先▁量▁一下腰围。", ["liang2"]),
        ("她从小就很▁好▁强。", ["hao4"]),
    ],
    "长个子 zhǎng, 转了三圈 zhuàn, 多少行 háng, 结果 jiē, 过 guo after a verb": [
        ("这孩子今年▁长▁了不少个子。", ["zhang3"]),
        ("孩子又▁长▁牙了。", ["zhang3"]),
        ("小狗围着我▁转▁了两圈。", ["zhuan4"]),
        ("这首诗一共有多少▁行▁？", ["hang2"]),
        ("院子里的苹果树▁结▁果了。", ["jie1"]),
        ("比赛的▁结▁果出来了。", ["jie2"]),
        ("他年轻时当▁过▁兵。", ["guo5"]),
        ("我们见▁过▁面了。", ["guo5"]),
        ("我们明天要抓紧时▁间▁。", ["jian1"]),
        ("我▁得▁抓紧时间写完。", ["dei3"]),
        ("她以前做▁过▁护士，当▁过▁老师。", ["guo5", "guo5"]),
        ("▁过▁老师今天不在。", ["guo1"]),
    ],
    "长着一双 zhǎng, 挑眉 tiǎo, a sleep 觉 jiào": [
        ("小姑娘▁长▁着一头黄头发。", ["zhang3"]),
        ("他听了，▁挑▁起眉毛看着我。", ["tiao3"]),
        ("这一▁觉▁睡得真香。", ["jiao4"]),
        ("他昨晚一▁觉▁醒来就不困了。", ["jiao4"]),
        ("我▁觉▁得他今天睡得太晚了。", ["jue2"]),
    ],
    "又…又长 cháng, 长到 zhǎng, 为谁 wèi, 看了一夜的门 kān, 强忍着 qiǎng, 一个接一个地 de": [
        ("这根竹竿又细又▁长▁。", ["chang2"]),
        ("孩子又▁长▁高了。", ["zhang3"]),
        ("草已经▁长▁到膝盖了。", ["zhang3"]),
        ("你这么拼命是▁为▁谁啊？", ["wei4"]),
        ("老张▁看▁了一晚上的仓库。", ["kan1"]),
        ("他▁看▁了一晚上的书。", ["kan4"]),
        ("她▁强▁忍着没哭出来。", ["qiang3"]),
        ("学生们一个接一个▁地▁站起来。", ["de5"]),
        ("奶奶在▁和▁面包包子。", ["huo2"]),
        ("今天走了这么远，你累不▁累▁？", ["lei4"]),
    ],
    "less common everyday words: 宁 nìng, 落 là, 扒 pá, 抹 mā, 蒙 mēng, 翘 qiáo, 色儿 shǎi": [
        ("我▁宁▁饿着也不吃他的东西。", ["ning4"]),
        ("这里的夜晚很安▁宁▁。", ["ning2"]),
        ("我的手机▁落▁在出租车上了。", ["la4"]),
        ("一只鸟▁落▁在了树枝上。", ["luo4"]),
        ("他生病▁落▁下了三天的课。", ["la4"]),
        ("小偷▁扒▁了他的钱包。", ["pa2"]),
        ("她每天饭后都▁抹▁桌子。", ["ma1"]),
        ("医生给他▁抹▁了点药膏。", ["mo3"]),
        ("你可别▁蒙▁人。", ["meng1"]),
        ("她用围巾▁蒙▁着脸。", ["meng2"]),
        ("这本书的封面晒▁翘▁了。", ["qiao2"]),
        ("他▁翘▁着二郎腿看报纸。", ["qiao4"]),
        ("这块布的▁色▁儿真好看。", ["shai3"]),
        ("炉子里的火▁着▁得正旺。", ["zhao2"]),
        ("他▁闷▁着头往前走。", ["men1"]),
        ("我们在车站等了一▁宿▁。", ["xiu3"]),
        ("学校给新生安排住▁宿▁。", ["su4"]),
        ("警察一来，人群一▁哄▁而散。", ["hong1"]),
    ],
    "调 swapping diào or mixing tiáo, 背着 someone bèi, 差 owing chà, 量好 liáng, 在行 háng": [
        ("我想跟你▁调▁一下座位。", ["diao4"]),
        ("他给客人▁调▁了一杯酒。", ["tiao2"]),
        ("把音量▁调▁大一点。", ["tiao2"]),
        ("他▁背▁着老师偷偷玩手机。", ["bei4"]),
        ("她▁背▁着奶奶上了楼。", ["bei1"]),
        ("你还▁差▁他十块钱。", ["cha4"]),
        ("这次他跑得▁差▁远了。", ["cha4"]),
        ("尺寸▁量▁好了，可以做了。", ["liang2"]),
        ("修车这件事他很在▁行▁。", ["hang2"]),
        ("唱戏的▁行▁头很贵。", ["xing2"]),
        ("你别▁教▁坏了他。", ["jiao1"]),
        ("你们以后要好好▁处▁。", ["chu3"]),
        ("这个人▁好▁面子。", ["hao4"]),
        ("这▁着▁棋走得妙。", ["zhao1"]),
    ],
    "得 de/děi where jieba mis-tags, 别冻着 zháo, 没听着 zháo, 把钱还上 huán, 挑点 tiāo": [
        ("她跳舞跳▁得▁非常好看。", ["de5"]),
        ("这件事▁得▁特别小心。", ["dei3"]),
        ("天黑了，我▁得▁回家了。", ["dei3"]),
        ("他▁得▁了第一名。", ["de2"]),
        ("外面冷，小心别冻▁着▁。", ["zhao2"]),
        ("我叫了他两声，他没听▁着▁。", ["zhao2"]),
        ("门还开▁着▁呢。", ["zhe5"]),
        ("你月底前把钱▁还▁上。", ["huan2"]),
        ("他▁还▁上学呢。", ["hai2"]),
        ("我们去超市▁挑▁点水果吧。", ["tiao1"]),
        ("他把这个字念▁倒▁了。", ["dao4"]),
    ],
    "当这是 dàng, 调得 tiáo, 好酒 hào, 病好了 hǎo, 供…上学 gōng, 射中 zhòng, 人数 shù": [
        ("你▁当▁这里是饭店吗？", ["dang4"]),
        ("这个菜的味道▁调▁得真好。", ["tiao2"]),
        ("他被▁调▁得很远。", ["diao4"]),
        ("我爷爷▁好▁酒，一顿要喝二两。", ["hao4"]),
        ("这可是▁好▁酒。", ["hao3"]),
        ("他▁好▁酒，一顿要喝二两。", ["hao4"]),
        ("他▁供▁着两个孩子读书。", ["gong1"]),
        ("桌上▁供▁着一尊佛像。", ["gong4"]),
        ("她的感冒▁好▁了。", ["hao3"]),
        ("他一枪就打▁中▁了。", ["zhong4"]),
        ("今天来的人▁数▁不多。", ["shu4"]),
        ("你帮我▁看▁一下背包。", ["kan1"]),
        ("这么沉的东西你▁背▁得动吗？", ["bei1"]),
    ],
    "急不得 de, 没数 shù, 冲谁 chòng, 长长了 zhǎng, 好吃 hào, 太差 chà, 出差 chāi, 累吗 lèi": [
        ("这种事急不▁得▁。", ["de5"]),
        ("他不▁得▁不走了。", ["de2"]),
        ("这件事他心里有▁数▁。", ["shu4"]),
        ("你这是▁冲▁谁发脾气？", ["chong4"]),
        ("她的指甲▁长▁长了。", ["zhang3"]),
        ("我弟弟▁好▁吃辣的。", ["hao4"]),
        ("这家的菜很▁好▁吃。", ["hao3"]),
        ("我好吃▁惊▁。", ["jing1"]),
        ("这次考试考得很▁差▁。", ["cha4"]),
        ("他这周要出三趟▁差▁。", ["chai1"]),
        ("爬了一天山，你▁累▁吗？", ["lei4"]),
        ("树上果实▁累▁▁累▁。", ["lei2", "lei2"]),
    ],
    "气得说不出 de, 冲人 chòng, 长两岁 zhǎng, 把电视调到 tiáo, 处得来 chǔ": [
        ("她急▁得▁说不出话来。", ["de5"]),
        ("他一喝酒就▁冲▁人嚷嚷。", ["chong4"]),
        ("姐姐比我▁长▁三岁。", ["zhang3"]),
        ("这根绳子比那根▁长▁三米。", ["chang2"]),
        ("你把收音机▁调▁到音乐台。", ["tiao2"]),
        ("他被▁调▁到了电视台工作。", ["diao4"]),
        ("我跟他▁处▁不来。", ["chu3"]),
    ],
    "碰着你 zháo, 来得了 liǎo, 越来越重 zhòng, 看着两个孩子 kān": [
        ("没想到在超市碰▁着▁你。", ["zhao2"]),
        ("下这么大的雨，他去得▁了▁吗？", ["liao3"]),
        ("他来▁了▁吗？", ["le5"]),
        ("她的担子越来越▁重▁了。", ["zhong4"]),
        ("奶奶在家▁看▁着三个孩子。", ["kan1"]),
        ("他▁看▁着我说不出话。", ["kan4"]),
    ],
    "场 cháng of a spell (哭了一场, 一场架), chǎng of a show; 卷 of film juǎn": [
        ("她伤心地大哭了一▁场▁。", ["chang2"]),
        ("两个孩子打了一▁场▁架。", ["chang2"]),
        ("这出戏一天演两▁场▁。", ["chang3"]),
        ("我去照相馆买了两▁卷▁胶卷。", ["juan3"]),
    ],
    "得先 děi, 在数 shǔ, 长这么快 zhǎng, 比…长 cháng, 好吹牛 hào, 我倒觉得 dào": [
        ("我▁得▁先把作业写完。", ["dei3"]),
        ("孩子们正在▁数▁地上的蚂蚁。", ["shu3"]),
        ("小狗怎么▁长▁这么大了？", ["zhang3"]),
        ("这根绳子比那根▁长▁。", ["chang2"]),
        ("那个人▁好▁吹牛。", ["hao4"]),
        ("那个人▁好▁打交道。", ["hao3"]),
        ("你说不行，我▁倒▁觉得可以。", ["dao4"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_round7_readings(resolver: PinyinResolver, kind: str) -> None:  # noqa: F811
    wrong = misread(resolver, [case for case in CASES[kind] if case[1]])
    assert not wrong, wrong


@needs_shared
def test_everyday_tune7_accuracy(resolver: PinyinResolver) -> None:  # noqa: F811
    """Round 7's tuning set (written before these rules: 707/758, 93.3 % before them, with
    the one gold corrected after: 分寸 fēn; 755/758 after) stays above a floor."""
    sys.path.insert(0, str(REPO_ROOT / "bench"))
    try:
        import pinyin_accuracy
    finally:
        sys.path.remove(str(REPO_ROOT / "bench"))
    rows = pinyin_accuracy.load_everyday(REPO_ROOT / "tests" / "data" / "pinyin_everyday_tune7.tsv")
    predict = pinyin_accuracy.everyday_predictors(resolver)["ours"]
    right, judged = pinyin_accuracy.everyday_table(rows, predict)["all"]
    assert judged >= 750 and right / judged >= 0.98
