"""Everyday polyphones in short plain sentences (own sentences, gold by hand), the learned
arbiter and the word tables it reads, the tone sandhi of 一 and 不, and a light cold start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.text.pinyin import PinyinResolver
from reader.text.pinyin_arbiter import ArbiterNotUsable, LearnedArbiter
from reader.text.pinyin_features import FEATURES
from reader.text.pinyin_sandhi import spoken_tones
from tests.shared_data import REPO_ROOT, SHARED, needs_shared


def bench_accuracy() -> ModuleType:
    """bench/pinyin_accuracy.py: the one place that loads and scores the everyday sets."""
    sys.path.insert(0, str(REPO_ROOT / "bench"))
    try:
        import pinyin_accuracy
    finally:
        sys.path.remove(str(REPO_ROOT / "bench"))
    return pinyin_accuracy


def tune_set_table(resolver: PinyinResolver, name: str) -> dict[str, tuple[int, int]]:
    """(right, judged) per class of ours on the tune set tests/data/`name`."""
    accuracy = bench_accuracy()
    rows = accuracy.load_everyday(REPO_ROOT / "tests" / "data" / name)
    table: dict[str, tuple[int, int]] = accuracy.everyday_table(
        rows, accuracy.everyday_predictors(resolver)["ours"]
    )
    return table


@pytest.fixture(scope="module")
def resolver() -> PinyinResolver:
    from reader.text.dictionary import ensure_dictionary

    built = PinyinResolver(ensure_dictionary())
    built.warm_up()
    return built


def readings_at(resolver: PinyinResolver, marked: str) -> list[str | None]:
    """The readings of the characters between ▁ marks in `marked`, resolved in context."""
    parts = marked.split("▁")
    text = "".join(parts)
    flat = [r for *_, readings in resolver.resolve_text(text) for r in readings]
    positions, position = [], 0
    for index, part in enumerate(parts):
        if index % 2:
            positions.append(position)
        position += len(part)
    return [flat[p] for p in positions]


def misread(
    resolver: PinyinResolver, cases: list[tuple[str, list[str]]]
) -> list[tuple[str, list[str | None], list[str]]]:
    """(sentence, readings found, gold) of each case the resolver reads otherwise."""
    return [
        (marked, got, gold)
        for marked, gold in cases
        if (got := readings_at(resolver, marked)) != gold
    ]


EVERYDAY = {
    "地 as the particle de after an adverbial": [
        ("他慢慢▁地▁走回家。", ["de5"]),
        ("她认真▁地▁写作业。", ["de5"]),
        ("他热情▁地▁跟我握手。", ["de5"]),
        ("他从▁地▁上捡起一块钱。", ["di4"]),
        ("这块▁地▁种满了玉米。", ["di4"]),
    ],
    "得 as de after a verb or adjective": [
        ("他跑▁得▁很快。", ["de5"]),
        ("你说▁得▁对。", ["de5"]),
        ("今天冷▁得▁要命。", ["de5"]),
        ("孩子们玩▁得▁很开心。", ["de5"]),
    ],
    "得 as děi (must) and dé (get)": [
        ("我▁得▁走了。", ["dei3"]),
        ("他▁得▁去医院看看。", ["dei3"]),
        ("他▁得▁了第一名。", ["de2"]),
        ("三加二▁得▁五。", ["de2"]),
    ],
    "还 hái (still) or huán (give back)": [
        ("我▁还▁没吃饭。", ["hai2"]),
        ("明天我去图书馆▁还▁书。", ["huan2"]),
        ("你什么时候▁还▁我钱？", ["huan2"]),
        ("借东西要按时▁还▁。", ["huan2"]),
    ],
    "verb or noun: 种 数 转 冲 当": [
        ("春天我们去山上▁种▁树。", ["zhong4"]),
        ("我喜欢这▁种▁颜色。", ["zhong3"]),
        ("孩子在▁数▁星星。", ["shu3"]),
        ("这个▁数▁字太大了。", ["shu4"]),
        ("地球绕着太阳▁转▁。", ["zhuan4"]),
        ("他▁转▁身就走了。", ["zhuan3"]),
        ("小狗▁冲▁着我叫。", ["chong4"]),
        ("他▁冲▁进了房间。", ["chong1"]),
        ("他把我▁当▁作朋友。", ["dang4"]),
        ("我▁当▁时不在家。", ["dang1"]),
        # At the very start of a sentence (nothing before them to read).
        ("▁数▁一数这些数字。", ["shu3"]),
        ("▁转▁了一圈。", ["zhuan4"]),
    ],
    "长 cháng (long) or zhǎng (grow)": [
        ("这条河很▁长▁。", ["chang2"]),
        ("这条路有多▁长▁？", ["chang2"]),
        ("小树▁长▁得很快。", ["zhang3"]),
        ("孩子们都▁长▁大了。", ["zhang3"]),
    ],
    "a second occurrence that reads differently": [
        ("曾先生▁还▁没有▁还▁钱。", ["hai2", "huan2"]),
        ("他▁得▁走了，他跑▁得▁比我快。", ["dei3", "de5"]),
        ("▁当▁时他把我▁当▁成了小偷。", ["dang1", "dang4"]),
        ("银▁行▁的人▁行▁动很快。", ["hang2", "xing2"]),
    ],
    "measure words after a number": [
        ("树上有一▁只▁鸟。", ["zhi1"]),
        ("他有两▁只▁手。", ["zhi1"]),
    ],
}


@pytest.mark.parametrize("kind", sorted(EVERYDAY))
def test_everyday_class(resolver: PinyinResolver, kind: str) -> None:
    wrong = misread(resolver, EVERYDAY[kind])
    assert not wrong, wrong


def test_everyday_sets_are_well_formed_and_large() -> None:
    pinyin_accuracy = bench_accuracy()
    for path in (pinyin_accuracy.EVERYDAY_TUNE, pinyin_accuracy.EVERYDAY_FINAL):
        rows = pinyin_accuracy.load_everyday(path)
        assert len(rows) >= 300
        chars = {text[i] for _, text, targets in rows for i, _ in targets}
        assert len(chars) >= 40
    tune = {text for _, text, _ in pinyin_accuracy.load_everyday(pinyin_accuracy.EVERYDAY_TUNE)}
    final = {text for _, text, _ in pinyin_accuracy.load_everyday(pinyin_accuracy.EVERYDAY_FINAL)}
    assert not tune & final
    for path in pinyin_accuracy.EVERYDAY_FINALS:  # every held-out set the bench prints parses
        rows = pinyin_accuracy.load_everyday(path)
        assert len({text[i] for _, text, targets in rows for i, _ in targets}) >= 40, path.name


# -- the learned arbiter --------------------------------------------------------------------


def test_learned_arbiter_loads_from_resources(resolver: PinyinResolver) -> None:
    arbiter = LearnedArbiter.load()
    assert arbiter.features == FEATURES and len(arbiter.weights) == len(FEATURES)
    assert any(w != 0.0 for w in arbiter.weights)
    record = json.loads((REPO_ROOT / "resources" / "pinyin_arbiter.json").read_text("utf-8"))
    assert record["made_by"].startswith("bench/train_pinyin_arbiter.py")
    assert record["cross_validation"]["folds"] >= 2
    assert resolver._arbiter is not None  # the resolver decides with it


def test_arbiter_prefers_a_reading_by_its_features() -> None:
    arbiter = LearnedArbiter(("a", "b"), (2.0, -1.0))
    assert arbiter.choose(("x", "y"), [[0.0, 1.0], [1.0, 0.0]]) == "y"
    assert arbiter.choose(("x", "y"), [[1.0, 0.0], [0.0, 1.0]]) == "x"


@pytest.mark.parametrize(
    "content",
    ["", "not json", '{"features": ["log_p"], "weights": [1.0]}', '{"weights": []}'],
)
def test_a_damaged_arbiter_file_is_refused_clearly(tmp_path: Path, content: str) -> None:
    path = tmp_path / "arbiter.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArbiterNotUsable, match="arbiter"):
        LearnedArbiter.load(path)
    with pytest.raises(ArbiterNotUsable):
        LearnedArbiter.load(tmp_path / "missing.json")


# -- the word tables ------------------------------------------------------------------------

OWN_SENTENCES = [
    "他跑得很快，我们得快点跟上。",
    "曾先生还没有还钱，大家都很着急。",
    "这条河很长，河边种满了柳树。",
    "我去银行取钱的时候遇到了老同学王小明。",
    "孩子们高高兴兴地唱着歌回家了。",
]


def test_the_lexicon_segmenter_cuts_exactly_as_jieba(resolver: PinyinResolver) -> None:
    import jieba

    from reader.text.pinyin_lexicon import Lexicon, segmenter

    light = segmenter(Lexicon.open())
    sentences = list(OWN_SENTENCES)
    if SHARED.is_dir():
        dev = (SHARED / "pinyin" / "dev.sent").read_text(encoding="utf-8").splitlines()
        sentences += [line.replace("▁", "") for line in dev[::40]]
    for sentence in sentences:
        assert list(light.cut(sentence)) == list(jieba.cut(sentence)), sentence


def test_a_damaged_lexicon_file_is_rebuilt(tmp_path: Path) -> None:
    from reader.text.pinyin_lexicon import Lexicon

    path = tmp_path / "lexicon.sqlite3"
    path.write_bytes(b"not a database at all")
    lexicon = Lexicon.open(path)
    assert lexicon.tag("跑") == "v"
    assert lexicon.phrase("银行") == [["yín"], ["háng"]]
    assert lexicon.word("银") is not None  # a prefix of a word
    lexicon.close()


def test_one_sentence_loads_only_what_it_needs() -> None:
    code = (
        "import sys\n"
        "from reader.app import main\n"
        "main(['pinyin', '我得走了。'])\n"
        "import jieba\n"
        "assert not jieba.dt.initialized, 'jieba loaded its whole dictionary'\n"
        "heavy = {'pypinyin', 'jieba.posseg'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.decode().splitlines()[-1])
    assert [t["pinyin"] for t in line["tokens"]][1] == ["děi"]


# -- tone sandhi of 一 and 不 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "readings", "spoken"),
    [
        ("一个", ["yi1", "ge4"], ["yi2", "ge4"]),
        ("一样", ["yi1", "yang4"], ["yi2", "yang4"]),
        ("一天", ["yi1", "tian1"], ["yi4", "tian1"]),
        ("一年", ["yi1", "nian2"], ["yi4", "nian2"]),
        ("一起", ["yi1", "qi3"], ["yi4", "qi3"]),
        ("第一", ["di4", "yi1"], ["di4", "yi1"]),
        ("第一次", ["di4", "yi1", "ci4"], ["di4", "yi1", "ci4"]),
        ("一九九八", ["yi1", "jiu3", "jiu3", "ba1"], ["yi1", "jiu3", "jiu3", "ba1"]),
        ("十一", ["shi2", "yi1"], ["shi2", "yi1"]),
        ("星期一", ["xing1", "qi1", "yi1"], ["xing1", "qi1", "yi1"]),
        ("一月", ["yi1", "yue4"], ["yi1", "yue4"]),
        ("看一看", ["kan4", "yi1", "kan4"], ["kan4", "yi5", "kan4"]),
        ("不是", ["bu4", "shi4"], ["bu2", "shi4"]),
        ("不对", ["bu4", "dui4"], ["bu2", "dui4"]),
        ("不好", ["bu4", "hao3"], ["bu4", "hao3"]),
        ("不来", ["bu4", "lai2"], ["bu4", "lai2"]),
        ("是不是", ["shi4", "bu4", "shi4"], ["shi4", "bu5", "shi4"]),
        ("差不多", ["cha4", "bu5", "duo1"], ["cha4", "bu5", "duo1"]),
        ("一。", ["yi1", None], ["yi1", None]),
    ],
)
def test_spoken_tones_of_yi_and_bu(text: str, readings: list, spoken: list) -> None:
    assert spoken_tones(text, readings) == spoken


def test_yi_at_the_end_of_a_word_keeps_its_tone() -> None:
    text = "统一思想"
    readings = ["tong3", "yi1", "si1", "xiang3"]
    assert spoken_tones(text, readings, [2, 4]) == readings
    assert spoken_tones("统一", ["tong3", "yi1"], [2]) == ["tong3", "yi1"]
    # A one-character 一 before a verb is not a word end.
    assert spoken_tones("我一看", ["wo3", "yi1", "kan4"], [1, 2, 3])[1] == "yi2"


def test_spoken_tones_over_resolved_text(resolver: PinyinResolver) -> None:
    text = "我一天不是看一看书，就是不想去。"
    spans = resolver.resolve_text(text)
    flat = [r for *_, readings in spans for r in readings]
    ends = [end for _, end, _, _ in spans]
    spoken = spoken_tones(text, flat, ends)
    assert spoken[text.index("一天")] == "yi4"
    assert spoken[text.index("不是")] == "bu2"
    assert spoken[text.index("一看")] == "yi5"
    assert spoken[text.index("不想")] == "bu4"
    assert flat[text.index("一天")] == "yi1"  # the resolver itself keeps dictionary tones


def test_spoken_tones_refuses_misaligned_readings() -> None:
    with pytest.raises(ValueError):
        spoken_tones("一个", ["yi1"])


@needs_shared
def test_everyday_tune_set_accuracy(resolver: PinyinResolver) -> None:
    right, judged = tune_set_table(resolver, "pinyin_everyday_tune.tsv")["all"]
    assert right / judged >= 0.88
