"""g2pM, the contextual pinyin model, run with numpy: for each polyphonic character of a
sentence, a probability for each of its readings.

g2pM is a small bi-LSTM over the whole sentence (Park and Lee, 2020); its package ships the
weights and its own character-to-readings table. They are loaded when a `ContextModel` is
made, not on import. Qt-free.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class ContextModel:
    """g2pM's bi-LSTM run with numpy: batched, float32, returning probabilities."""

    def __init__(self) -> None:
        import g2pM
        import numpy as np

        self.np = np
        folder = Path(g2pM.__file__).resolve().parent

        def load(name: str) -> Any:
            with open(folder / name, "rb") as handle:
                return pickle.load(handle)

        self.readings: dict[str, list[str]] = load("digest_cedict.pkl")
        self.char2idx: dict[str, int] = load("char2idx.pkl")
        class2idx: dict[str, int] = load("class2idx.pkl")
        state = load("np_ckpt.pkl")
        f32 = np.float32
        embeddings = state["embedding.weight"].astype(f32)
        self.project_fw = (
            embeddings @ state["lstm.weight_ih_l0"].T
            + state["lstm.bias_ih_l0"]
            + state["lstm.bias_hh_l0"]
        ).astype(f32)
        self.project_bw = (
            embeddings @ state["lstm.weight_ih_l0_reverse"].T
            + state["lstm.bias_ih_l0_reverse"]
            + state["lstm.bias_hh_l0_reverse"]
        ).astype(f32)
        self.recur = np.ascontiguousarray(
            np.stack([state["lstm.weight_hh_l0"].T, state["lstm.weight_hh_l0_reverse"].T]),
            dtype=f32,
        )
        self.hidden_w = np.ascontiguousarray(state["logit_layer.0.weight"].T, dtype=f32)
        self.hidden_b = state["logit_layer.0.bias"].astype(f32)
        self.out_w = np.ascontiguousarray(state["logit_layer.2.weight"].T, dtype=f32)
        self.out_b = state["logit_layer.2.bias"].astype(f32)
        self.class2idx = class2idx
        self.unk = self.char2idx["<UNK>"]
        self.bos = self.char2idx["시"]
        self.eos = self.char2idx["끝"]
        self.polyphones = frozenset(c for c, r in self.readings.items() if len(r) > 1)
        self._candidate_cache: dict[tuple[str, ...], Any] = {}

    def _lstm(self, forward: Any, backward: Any) -> tuple[Any, Any]:
        """Both directions of the LSTM in one loop over time steps (forward ids, and each
        sentence's ids reversed): hidden states [batch, steps, size] for each."""
        np = self.np
        batch, steps = forward.shape
        size = self.recur.shape[1]
        gates_in = np.stack([self.project_fw[forward], self.project_bw[backward]])
        h = np.zeros((2, batch, size), np.float32)
        c = np.zeros((2, batch, size), np.float32)
        out = np.empty((2, batch, steps, size), np.float32)
        for t in range(steps):
            gates = gates_in[:, :, t] + np.matmul(h, self.recur)
            sig = 1.0 / (1.0 + np.exp(-gates))
            c = sig[..., size : 2 * size] * c + sig[..., :size] * np.tanh(
                gates[..., 2 * size : 3 * size]
            )
            h = sig[..., 3 * size :] * np.tanh(c)
            out[:, :, t] = h
        return out[0], out[1]

    def probabilities(
        self, sentences: Sequence[str], positions: Sequence[Sequence[int]]
    ) -> list[list[dict[str, float]]]:
        """For each sentence and each position in it: {reading: probability} over the
        character's readings."""
        np = self.np
        encoded = [
            [self.bos, *(self.char2idx.get(ch, self.unk) for ch in s), self.eos] for s in sentences
        ]
        lengths = [len(e) for e in encoded]
        steps = max(lengths)
        forward = np.zeros((len(encoded), steps), np.int64)
        backward = np.zeros((len(encoded), steps), np.int64)
        for row, ids in enumerate(encoded):
            forward[row, : len(ids)] = ids
            backward[row, : len(ids)] = ids[::-1]
        hidden_fw, hidden_bw = self._lstm(forward, backward)
        rows, fw_steps, bw_steps = [], [], []
        for row, (length, wanted) in enumerate(zip(lengths, positions, strict=True)):
            for position in wanted:
                rows.append(row)
                fw_steps.append(position + 1)
                bw_steps.append(length - 2 - position)
        hidden = np.concatenate([hidden_fw[rows, fw_steps], hidden_bw[rows, bw_steps]], axis=1)
        layer = np.maximum(hidden @ self.hidden_w + self.hidden_b, 0.0)
        logits = layer @ self.out_w + self.out_b
        results: list[list[dict[str, float]]] = []
        index = 0
        for sentence, wanted in zip(sentences, positions, strict=True):
            per_sentence = []
            for position in wanted:
                per_sentence.append(self._distribution(sentence[position], logits[index]))
                index += 1
            results.append(per_sentence)
        return results

    def _distribution(self, char: str, logits: Any) -> dict[str, float]:
        candidates = [r for r in self.readings.get(char, ()) if r in self.class2idx]
        if not candidates:
            return {}
        values = [float(logits[self.class2idx[r]]) for r in candidates]
        top = max(values)
        weights = [math.exp(v - top) for v in values]
        total = sum(weights)
        return {r: w / total for r, w in zip(candidates, weights, strict=True)}
