"""The NER model's linear-chain CRF read from its own file and run over a whole document at once (issue 16).

python-crfsuite's tagger is given each sentence as ~29 attribute strings a token, which it copies into C++
strings and looks up one by one (`Tagger.set`: most of the tagger's time, ~6% of an article). Here the
model's weights (`models/ner.crfsuite`, the crfsuite binary format: a header, the features as
(type, source, destination, weight) records, and two CQDB string tables for labels and attributes) are read
once into a matrix, one row per attribute; a word's features at each of its five positions (rel -2 .. 2) are
then one state-score vector each, computed once per word form and cached with its features, and a sentence's
state scores are the sum of its words' vectors at the right shifts plus the few features of word pairs.

Decoding is crfsuite's: Viterbi over label scores in the log domain (first best predecessor on ties, as its
strict comparison), and marginals by its scaled forward-backward pass; all sentences of a document are
advanced together, one step per token position. The weights are the file's own doubles; only the order in
which a token's feature weights are added differs from crfsuite's, so scores agree to ~1e-15 (a test
compares labels and marginals with python-crfsuite on real sentences).
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_FEATURE = struct.Struct("<IIId")
_STATE, _TRANSITION = 0, 1


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB table in id order, read through its id -> record array."""
    chunk, _size, _flag, _order, count, back = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ValueError(f"no CQDB table at offset {offset}")
    out = []
    for i, record in enumerate(struct.unpack_from(f"<{count}I", data, offset + back)):
        rid, size = struct.unpack_from("<II", data, offset + record)
        if rid != i:
            raise ValueError(f"CQDB record {i} holds id {rid}")
        out.append(data[offset + record + 8:offset + record + 8 + size - 1].decode("utf-8"))
    return out


class CrfScores:
    """A crfsuite CRF1d model's labels, attribute index, state weights (one row per attribute, plus a zero
    row last) and transition weights."""

    def __init__(self, path: Path):
        data = path.read_bytes()
        magic, _size, kind, _version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs, _lr, _ar = \
            _HEADER.unpack_from(data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path}: not a crfsuite CRF1d model")
        self.labels: list[str] = _cqdb_strings(data, off_labels)
        attrs = _cqdb_strings(data, off_attrs)
        if len(self.labels) != n_labels or len(attrs) != n_attrs:
            raise ValueError(f"{path}: label or attribute table does not match the header")
        self.index: dict[str, int] = {a: i for i, a in enumerate(attrs)}
        self.zero = n_attrs                       # the id of a row of zeros (an absent attribute)
        weights = np.zeros((n_attrs + 1, n_labels))
        trans = np.zeros((n_labels, n_labels))
        chunk, _csize, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: no feature chunk")
        for ftype, src, dst, weight in _FEATURE.iter_unpack(data[off_features + 12:off_features + 12 + 20 * count]):
            if ftype == _STATE:
                weights[src, dst] += weight
            elif ftype == _TRANSITION:
                trans[src, dst] += weight
        self.weights = weights
        self.trans = trans
        self.exp_trans = np.exp(trans)

    def ids(self, features) -> list[int]:
        """The attribute ids of the features the model knows, in order."""
        get = self.index.get
        return [i for i in map(get, features) if i is not None]

    def position_scores(self, positions) -> np.ndarray:
        """One state-score vector per list of features: an array (len(positions), labels)."""
        zero, get = self.zero, self.index.get
        ids: list[int] = []
        starts: list[int] = []
        for feats in positions:
            starts.append(len(ids))
            ids.append(zero)                      # (every segment non-empty: reduceat of an empty one is wrong)
            ids.extend(i for i in map(get, feats) if i is not None)
        return np.add.reduceat(self.weights[ids], starts, axis=0)

    def viterbi(self, padded: np.ndarray, lengths: list[int]) -> list[list[int]]:
        """The best label ids of each sentence, decoded as crfsuite does, all sentences one token position at
        a time. `padded`: state scores (sentences, positions, labels); `lengths`: each sentence's tokens."""
        n_sent, n_steps, n_labels = padded.shape
        trans = self.trans[None, :, :]
        # (ufuncs' reduce called directly: `ndarray.max` and `.sum` go through numpy's Python wrappers, one call
        # each per step of every document, ~1% of an article; issue 16. The same reductions)
        maximum = np.maximum.reduce
        ends = _sentences_ending(lengths)
        # (memory, issue 16: the back-pointers kept as bytes, each sentence's best last label taken at its last
        # position rather than every position's scores kept, and the paths read back for all sentences at once
        # rather than from nested lists: an 80,000-word article's decoding took 45 MB, now ~1. The same labels)
        pointer = np.int8 if n_labels <= 127 else np.intp
        best_last = np.zeros(n_sent, dtype=np.intp)
        alpha = padded[:, 0]
        back = []
        for t in range(n_steps):
            if t:
                scores = alpha[:, :, None] + trans          # [sentence, previous label, label]
                back.append(scores.argmax(axis=1).astype(pointer))   # the best label before
                alpha = maximum(scores, axis=1) + padded[:, t]
            ending = ends.get(t)
            if ending is not None:
                best_last[ending] = alpha[ending].argmax(axis=1)
        paths = np.empty((n_sent, n_steps), dtype=np.intp)
        every = np.arange(n_sent)
        y = best_last.copy()
        for t in range(n_steps - 1, -1, -1):
            ending = ends.get(t)
            if ending is not None:
                y[ending] = best_last[ending]
            paths[:, t] = y
            if t:
                y = back[t - 1][every, y].astype(np.intp)
        return [paths[s, :n].tolist() for s, n in enumerate(lengths)]

    def marginals(self, padded: np.ndarray, lengths: list[int]) -> np.ndarray:
        """p(label at token) (sentences, positions, labels), by crfsuite's scaled forward-backward pass, for
        state scores as `viterbi` takes them."""
        n_sent, n_steps, n_labels = padded.shape
        exp_state = np.exp(padded)
        exp_trans = self.exp_trans
        alpha = np.empty_like(padded)
        scale = np.empty((n_sent, n_steps))
        cur = exp_state[:, 0]
        add = np.add.reduce      # (as `maximum` in `viterbi`)
        for t in range(n_steps):
            if t:
                cur = (cur @ exp_trans) * exp_state[:, t]
            total = add(cur, axis=1)
            factor = 1.0 / np.where(total != 0.0, total, 1.0)     # (crfsuite: 1 for a sum of 0)
            scale[:, t] = factor
            cur = cur * factor[:, None]
            alpha[:, t] = cur
        ends = _sentences_ending(lengths)
        # (memory, issue 16: each position's beta multiplied into alpha as it is found, rather than kept in an
        # array as large as `padded` and multiplied at the end: the same products, alpha * beta * 1 / scale)
        inverse_scale = 1.0 / scale
        exp_trans_t = exp_trans.T
        nxt = np.empty((n_sent, n_labels))
        for t in range(n_steps - 1, -1, -1):
            if t < n_steps - 1:
                nxt = ((nxt * exp_state[:, t + 1]) @ exp_trans_t) * scale[:, t, None]
            ending = ends.get(t)
            if ending is not None:           # a sentence's last token: beta is its scale factor
                nxt[ending] = scale[ending, t, None]
            at_t = alpha[:, t]
            at_t *= nxt
            at_t *= inverse_scale[:, t, None]
        return alpha


def _sentences_ending(lengths: list[int]) -> dict[int, list[int]]:
    """The sentences (indices) whose last token is at each position."""
    ends: dict[int, list[int]] = {}
    for s, n in enumerate(lengths):
        ends.setdefault(n - 1, []).append(s)
    return ends


def by_sentence(states: np.ndarray, starts: list[int], lengths: list[int]) -> np.ndarray:
    """A document's state scores (tokens, labels) as (sentences, positions, labels), zeros after each end."""
    # (the tokens' rows poured into the positions in use, in order: `starts` are the sentences' first tokens
    # one after the other. No copy of `states` with a zero row added and no index as large as the result:
    # memory, issue 16)
    n_tokens, n_labels = states.shape
    one_after_another = bool(starts) and starts[0] == 0 and sum(lengths) == n_tokens \
        and all(a + n == b for a, n, b in zip(starts, lengths, starts[1:]))
    if not one_after_another:
        steps = np.arange(max(lengths))
        index = np.asarray(starts)[:, None] + steps[None, :]
        index = np.where(steps[None, :] < np.asarray(lengths)[:, None], index, n_tokens)
        return np.concatenate([states, np.zeros((1, n_labels))])[index]
    padded = np.zeros((len(lengths), max(lengths), n_labels))
    padded[np.arange(max(lengths))[None, :] < np.asarray(lengths)[:, None]] = states
    return padded
