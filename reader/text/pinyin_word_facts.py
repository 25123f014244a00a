"""Word-level facts about everyday readings that the two word lists (pypinyin's phrase table,
CC-CEDICT) miss or leave to a model that gets them wrong, for `reader.text.pinyin_words`
and `reader.text.pinyin.PinyinResolver`. Pure data and lookups; Qt-free.

- **A reading the phrase table marks** (`marks_reading`). pypinyin's phrase table exists to
  record the words whose reading is not their characters' commonest one (一宿 yīxiǔ, 屏住
  bǐngzhù, 着眼于 zhuóyǎnyú, 趟水 tāngshuǐ). Where it gives a whole token one such reading,
  no neutral tone, and CC-CEDICT does not know the token, the reading is kept: g2pM, trained
  on encyclopaedia text, is near-certain of the commonest reading in exactly these words.
  Measured on the polyphone corpus's dev split the phrase table's marked reading was right
  41 times in 50 (a proper noun, 呵叻, made five of the nine misses: proper nouns, numerals
  with a measure word and reduplications are left to the model), on the hand-written
  everyday sets 33 times in 34, where the resolver had kept only 19. Readings of words found
  inside a longer token are not kept this way (the inner word may be cut wrongly: 那间空房子).
- **Everyday words both lists get wrong** (`EVERYDAY_WORDS`): a short list of common words,
  each with the 现代汉语词典's reading and why the lists miss it. They hold inside a token
  (理发店 lǐfàdiàn) and also where jieba cuts one into several tokens (和/面 huómiàn).
- **Characters with one reading when they stand alone** (`ALONE_READINGS`): the 现代汉语词典
  gives 血, 嚼, 壳 and 倔 a reading for compounds (血液 xuèyè, 咀嚼 jǔjué, 地壳 dìqiào, 倔强
  juéjiàng) and a colloquial one for the character used on its own (流了点儿血 xiě, 嚼口香糖
  jiáo, 鸡蛋的壳 ké, 脾气很倔 juè); 刨, 粘, 哄 and 撇 as a one-character verb are, in everyday
  text, digging páo, sticking zhān, coaxing hǒng and tossing or curling piě (their other
  readings are in words: 刨子 bào, 哄堂 hōng, 起哄 hòng, 撇开 piē; adjectival nián is written
  黏). Single-character tokens of these four in the dev split and the tune sets: 12 of 12
  read so, where the resolver had 8 wrong. (剥, 削, 薄, 塞, and 劲, 攒, 卡 follow the same
  pattern but are left to the model: in the dev split they stand alone in classical
  sentences, terms and cut names read the other way: 削亲王品级 xuē, 攒尖顶 cuán.)
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.text.pinyin_word_readings import audited_reading

# Word → its reading, one syllable per character (tone numbers, 5 neutral, v for ü).
EVERYDAY_WORDS: dict[str, str] = {
    # 色 of colour fading is shǎi (现汉 掉色 diào//shǎi); CC-CEDICT has sè.
    "掉色": "diao4 shai3",
    # 卡 of being stuck is qiǎ (现汉 卡 qiǎ ①: 鱼刺～在嗓子里); CC-CEDICT's 卡住 has kǎ.
    "卡住": "qia3 zhu4",
    # (Not 发卡: a hairpin is fàqiǎ, but 发卡银行 "card-issuing bank" is fākǎ.)
    # A flower bud is gūduo (现汉 骨朵 gū·duo); CC-CEDICT has gǔduǒ.
    "骨朵": "gu1 duo5",
    "花骨朵": "hua1 gu1 duo5",
    # 着实 "really" is zhuóshí (现汉); only CC-CEDICT knows it, and g2pM reads zhe.
    "着实": "zhuo2 shi2",
    # 混蛋 "bastard" is húndàn (现汉, = 浑蛋); only CC-CEDICT knows it, g2pM reads hùn.
    "混蛋": "hun2 dan4",
    # 发 of hair is fà (现汉 理发 lǐfà); inside 理发店/理发师 g2pM reads fā.
    "理发": "li3 fa4",
    # 蒙 covering something is méng (现汉 蒙 méng ①遮盖: ～住眼睛); tokens unknown to both.
    "蒙住": "meng2 zhu4",
    "蒙着": "meng2 zhe5",
    # 塞 of stopping up is sāi (现汉 塞 sāi ①: 鼻子～住了); sè is for compounds (堵塞).
    "塞住": "sai1 zhu4",
    # 拧 wringing (a towel) is níng (现汉 拧 níng ①: ～手巾), twisting a lid nǐng.
    "拧干": "ning2 gan1",
    # 逮 catching is dǎi (现汉 逮 dǎi: ～老鼠); dài is for 逮捕.
    "逮住": "dai3 zhu4",
    # 和 of kneading dough is huó (现汉 和面 huó//miàn); jieba cuts 和/面, read as "and".
    "和面": "huo2 mian4",
    # 打的 "take a taxi" is dǎdī (现汉 打的 dǎ//dī); jieba cuts 打/的, read as the particle.
    "打的": "da3 di1",
    # 当天 "the same day" is dàngtiān (现汉); CC-CEDICT also lists dāngtiān, which won.
    "当天": "dang4 tian1",
    # A copybook is zìtiè (现汉 字帖 zìtiè); CC-CEDICT also lists zìtiě (a note), which won.
    "字帖": "zi4 tie4",
    # 差事 "errand" is chāishi (现汉 chāi·shi); CC-CEDICT's other entry chàshì won.
    "差事": "chai1 shi5",
    # 扎 tying (a plait) is zā (现汉 扎 zā: ～辫子); zhā is pricking.
    "扎辫子": "za1 bian4 zi5",
    # 倔 "gruff" is juè (现汉 倔 juè, 倔脾气 juèpí·qi); jué is for 倔强.
    "倔脾气": "jue4 pi2 qi5",
    # 弹 playing an instrument is tán; jieba cuts 弹/吉他, and g2pM reads dàn.
    "弹吉他": "tan2 ji2 ta1",
    # 口角 is kǒujué, a quarrel (发生口角), in everyday text (现汉 lists it beside kǒujiǎo, the
    # corner of the mouth, which everyday text calls 嘴角); the phrase table has jiǎo only.
    "口角": "kou3 jue2",
    # The upper eyelid is yǎnpāo (现汉 眼泡 yǎnpāo: 泡 pāo, something puffy); neither list has it.
    "眼泡": "yan3 pao1",
    # 着落 "whereabouts, assurance" is zhuóluò (现汉); in 有着落 the word 有着 (zhe) won.
    "着落": "zhuo2 luo4",
    # 绿林 "greenwood (outlaws)" is lùlín (现汉); CC-CEDICT has lǜ.
    "绿林": "lu4 lin2",
    # 温和 "mild, gentle" is wēnhé, far commoner than wēn·huo "lukewarm" (both 现汉), but the
    # neutral-tone entry wins in `pinyin_colloquial` (made for 便宜 piányi).
    "温和": "wen1 he2",
    # Round 6: everyday words whose 现汉 reading has a neutral tone or a less common reading
    # of one character, which both lists miss or leave to the model.
    # 扁担 biǎn·dan, 利落 lì·luo, 懒得 lǎn·de (all 现汉). (Not 妥当 tuǒ·dang: the dev split
    # reads tuǒdàng, which 现汉 also allows.)
    **{"扁担": "bian3 dan5", "利落": "li4 luo5"},
    # Neighbours are jiē·fang (现汉); a block of a city (第43街坊) is jiēfāng.
    **{"老街坊": "lao3 jie1 fang5", "街坊邻居": "jie1 fang5 lin2 ju1", "街坊们": "jie1 fang5 men5"},
    "懒得": "lan3 de5",
    # 买卖 "business" is mǎi·mai (现汉; mǎimài is buying and selling, 买卖公平).
    **{"做买卖": "zuo4 mai3 mai5", "小买卖": "xiao3 mai3 mai5"},
    # 垛 a stack (草垛, 麦垛) is duò (现汉 垛 duò ②); duǒ is a battlement (城垛).
    **{"草垛": "cao3 duo4", "麦垛": "mai4 duo4", "柴垛": "chai2 duo4"},
    # 坊 a workshop is fáng (现汉 坊 fáng: 磨坊, 染坊, 油坊, 粉坊); fāng is a lane (牌坊).
    **{"豆腐坊": "dou4 fu5 fang2", "染坊": "ran3 fang2", "油坊": "you2 fang2"},
    # 喝 shouting is hè (现汉 喝 hè: 大喝一声); 嗑 cracking seeds kè, chatting 唠嗑 làokē.
    **{"大喝一声": "da4 he4 yi1 sheng1", "嗑瓜子": "ke4 gua1 zi3", "唠嗑": "lao4 ke1"},
    # Frogs' and ducks' 呱呱 is guāguā; a newborn's 呱呱坠地 gūgū (现汉, both).
    **{"呱呱": "gua1 gua1", "呱呱叫": "gua1 gua1 jiao4", "呱呱坠地": "gu1 gu1 zhui4 di4"},
    # 空地 an empty plot is kòngdì (现汉 ①); kōngdì (空地导弹) is air-to-ground.
    "空地": "kong4 di4",
    # Sweat covering one is hàn (一身汗); alone, 汗 is also a khan (札萨克图汗 hán).
    **{"一身汗": "yi1 shen1 han4", "一头汗": "yi1 tou2 han4", "满身汗": "man3 shen1 han4"},
    # 胳膊 gē·bo; 琢磨 "to ponder" zuó·mo (zhuómó is polishing jade, 精心雕琢); 臊 a smell sāo.
    **{"胳膊": "ge1 bo5", "琢磨": "zuo2 mo5", "臊味": "sao1 wei4"},
    # 商量 shāng·liang, 打量 dǎ·liang, 掂量 diān·liang, 思量 sī·liang (现汉: neutral tones).
    **{"商量": "shang1 liang5", "打量": "da3 liang5", "掂量": "dian1 liang5"},
    "思量": "si1 liang5",
    # 好面子 hào (现汉 好 hào: 好面子), 一时兴起 xìng (a whim, not 兴起 xīngqǐ "to rise"),
    # 朝九晚五 zhāo (morning), 藏不住 cáng (hiding).
    **{"好面子": "hao4 mian4 zi5", "一时兴起": "yi1 shi2 xing4 qi3"},
    **{"朝九晚五": "zhao1 jiu3 wan3 wu3", "藏不住": "cang2 bu4 zhu4"},
    # 劲 strength is jìn (浑身是劲); a row of beds 通铺 tōngpù (铺 pù, a bunk).
    **{"浑身是劲": "hun2 shen1 shi4 jin4", "通铺": "tong1 pu4"},
    # 好 given to is hào (好哭 across jieba's 好/哭, 好动 hàodòng). (Not 唠叨 láo·dao: the
    # dev split reads láodāo.)
    **{"好哭": "hao4 ku1", "好动": "hao4 dong4"},
    # 仆倒 "to fall forward" pūdǎo (仆人 pú); 分量 "weight" fèn (分 fēn a part).
    **{"仆倒": "pu1 dao3", "分量": "fen4 liang4"},
    # 了却 "to settle (a wish)" is liǎoquè (现汉).
    "了却": "liao3 que4",
    # 干 doing is gàn (干完活).
    "干完活": "gan4 wan2 huo2",
    # Fainting is yūn (现汉 晕 yūn ②: 晕过去了); yùn is dizziness (晕车).
    "晕过去": "yun1 guo4 qu4",
    # 背 carrying in a potential complement (背得动, 背不动) is bēi.
    **{"背得动": "bei1 de5 dong4", "背不动": "bei1 bu4 dong4"},
    # Round 7 (all 现汉). A weather report's 间 "with spells of" is jiàn (晴间多云).
    **{"晴间多云": "qing2 jian4 duo1 yun2", "多云间晴": "duo1 yun2 jian4 qing2"},
    "多云间阴": "duo1 yun2 jian4 yin1",
    # 作揖 zuō//yī; fried food is zhá (炸鸡 zhájī, 炸酱面, 油炸; 炸弹 zhà); 划算 huásuàn.
    **{"作揖": "zuo1 yi1", "炸鸡": "zha2 ji1", "炸酱面": "zha2 jiang4 mian4", "油炸": "you2 zha2"},
    **{"炸薯条": "zha2 shu3 tiao2", "炸鸡腿": "zha2 ji1 tui3", "划算": "hua2 suan4"},
    # Swollen by soaking is zhàng (泡涨, 涨 zhàng ①); 不着边际 bùzhuóbiānjì (着 zhuó: touching).
    **{"泡涨": "pao4 zhang4", "不着边际": "bu4 zhuo2 bian1 ji4"},
    # Given to winning or to guests is hào (好强 hàoqiáng, 好胜, 好客).
    **{"好强": "hao4 qiang2", "好胜": "hao4 sheng4", "好客": "hao4 ke4"},
    # 没过多久 "before long" is méi (没 mò is sinking: 没过膝盖); 一方有难 nàn, a calamity.
    **{"没过多久": "mei2 guo4 duo1 jiu3", "一方有难": "yi1 fang1 you3 nan4"},
    "一觉醒来": "yi1 jiao4 xing3 lai2",
    # 累不累 asks whether one is tired (lèi); 强打精神 qiǎng (forcing oneself).
    **{"累不累": "lei4 bu4 lei4", "强打精神": "qiang3 da3 jing1 shen5"},
    # 一哄而散, 一哄而上 yīhòng'ér… (现汉 哄 hòng: 起哄, 一哄而散; CC-CEDICT has hōng).
    **{"一哄而散": "yi1 hong4 er2 san4", "一哄而上": "yi1 hong4 er2 shang4"},
    # Getting along is chǔ (现汉 处得来 chǔ·de lái, 处不来).
    **{"处得来": "chu3 de5 lai2", "处不来": "chu3 bu4 lai2"},
    # Heavier and heavier is zhòng (jieba's idiom token reads chóng).
    "越来越重": "yue4 lai2 yue4 zhong4",
    # 在行 zàiháng "expert at"; 行头 xíng·tou "costume"; 教坏 jiāo, teaching bad ways.
    **{"在行": "zai4 hang2", "行头": "xing2 tou5", "教坏": "jiao1 huai4"},
    # Hitting a mark is zhòng (射中, 打中, 猜中; 现汉 中 zhòng ①).
    **{"射中": "she4 zhong4", "打中": "da3 zhong4", "猜中": "cai1 zhong4", "击中": "ji1 zhong4"},
    # Times of day and age the 现代汉语词典 writes with a neutral tone (晚上 wǎn·shang, 早上
    # zǎo·shang, 岁数 suì·shu); CC-CEDICT agrees, but the phrase table's full tone wins in
    # `pinyin_words.combine`, which keeps full tones where the dev split writes them (认识,
    # 衣服, 知识 there are full). The dev split judges none of these three.
    **{"晚上": "wan3 shang5", "早上": "zao3 shang5", "岁数": "sui4 shu5"},
    # The vegetable 芥蓝 is gàilán (现汉); both lists have jiè.
    "芥蓝": "gai4 lan2",
}

# Characters standing alone as a token, and their reading there (see the module docstring;
# `pinyin_verbs` reads them so also where they stand alone inside a token jieba glued).
ALONE_READINGS: dict[str, str] = {
    **{"血": "xie3", "嚼": "jiao2", "壳": "ke2", "倔": "jue4"},  # colloquial readings
    **{"刨": "pao2", "粘": "zhan1", "哄": "hong3", "撇": "pie3"},  # everyday verbs
    # …and 逮 dǎi (逮捕 dài), 称 chēng (对称 chèn), 挣 zhèng (挣扎 zhēng): no dev sentence
    # reads them otherwise standing alone.
    **{"逮": "dai3", "称": "cheng1", "挣": "zheng4"},
    # 喽 is the particle lou (喽啰 lóuluo is a word). (Not 汗 hàn nor 镐 gǎo: standing alone
    # in the dev split they are khans' titles, 札萨克图汗 hán, and names, 李姬镐 Hào.)
    "喽": "lou5",
    # Round 8: verbs whose other reading lives only in words (现汉): 降 jiàng (投降 xiáng),
    # 尽 jìn (尽管, 尽快 jǐn), 擂 léi beating (擂台 lèi), 馏 liù reheating by steam (蒸馏 liú),
    # 磨 mó grinding, rubbing (石磨, 磨坊 mò). Standing alone in the dev split: 降 1, 尽 5, all
    # so read; the others never.
    **{"降": "jiang4", "尽": "jin4", "擂": "lei2", "馏": "liu4", "磨": "mo2"},
    # 都 alone is the adverb dōu (首都, 都市 dū are words; the surname Dū before a title is
    # `pinyin_surnames`'): alone in the dev split 16 times, 15 dōu (the other in a name).
    "都": "dou1",
}

# jieba's tags of words whose reading the phrase table cannot settle alone: proper nouns
# (people, places, organisations, other names), and numeral-measure words, whose measure reads
# by what it counts (一场大雨 cháng, 一场比赛 chǎng; 骂了一通 tòng, 一通电话 tōng).
_CONTEXT_TAGS = ("nr", "ns", "nt", "nz", "m")

_LONGEST = max(len(word) for word in EVERYDAY_WORDS)


def marks_reading(word: str, reading: str, first_reading: str | None, tag: str | None) -> bool:
    """Whether the phrase table's one reading of a character of `word`, a whole token that
    CC-CEDICT does not know, is kept from the model: it is not the character's commonest
    reading (`first_reading`), not a neutral tone, the token (jieba's `tag`) is not a proper
    noun or a numeral with a measure word, and not one character said twice (咳咳 hāi as an
    interjection, ké as a cough). See the module docstring."""
    if reading.endswith("5") or first_reading is None or reading == first_reading:
        return False
    if len(set(word)) == 1:
        return False
    return not (tag or "").startswith(_CONTEXT_TAGS)


def everyday_readings_in(token: str) -> list[str | None]:
    """Per character of `token`: the reading of an `EVERYDAY_WORDS` word covering it (the
    longest found first, scanning left to right), else None."""
    found: list[str | None] = [None] * len(token)
    start = 0
    while start < len(token) - 1:
        for end in range(min(len(token), start + _LONGEST), start + 1, -1):
            reading = EVERYDAY_WORDS.get(token[start:end])
            if reading is not None:
                found[start:end] = reading.split()
                start = end
                break
        else:
            start += 1
    return found


def apply_word_facts(words: Sequence[str], results: list[list[str | None]]) -> None:
    """Readings of `EVERYDAY_WORDS` in place: inside a token (as the word lists already read
    them, `pinyin_words.WordReadings`, again after `pinyin_colloquial`, which could choose
    another entry) and where jieba cut one into whole tokens (和/面); of `ALONE_READINGS`
    characters standing alone; and the hand-audited readings of whole tokens
    (`reader.text.pinyin_word_readings`), which colloquial could also have overridden."""
    for index, word in enumerate(words):
        audited = audited_reading(word)  # again, after `pinyin_colloquial`
        if audited is not None:
            results[index][:] = audited
        if len(word) == 1 and word in ALONE_READINGS:
            results[index][0] = ALONE_READINGS[word]
        for offset, reading in enumerate(everyday_readings_in(word)):
            if reading is not None:
                results[index][offset] = reading
        text = word
        for end in range(index + 1, len(words)):
            text += words[end]
            if len(text) > _LONGEST:
                break
            reading = EVERYDAY_WORDS.get(text)
            if reading is None:
                continue
            syllables = reading.split()
            for token in range(index, end + 1):
                results[token][:] = syllables[: len(words[token])]
                syllables = syllables[len(words[token]) :]
            break
