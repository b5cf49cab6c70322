#!/usr/bin/env python3
"""Frequency baselines of held-out masked-LM accuracy, from `pretraining-data` instance files.

Usage:
    mlm-baseline.py TRAIN.jsonl HELD_OUT.jsonl [--top 10] [--json]

Python 3 standard library only. Reads the JSON-lines instances written by
`bertlab pretraining-data` (fields input_ids, masked_lm_positions, masked_lm_ids, tokens,
masked_lm_labels) and prints:

- p_train: the training corpus's token frequencies, counted over the *original* tokens of the
  training instances (input_ids with the masked positions put back to their labels), [CLS], [SEP]
  and [PAD] left out. (Counting only the training instances' masked labels instead gives nearly the
  same distribution, since the positions are drawn uniformly; it is printed too.)
- q_heldout: the distribution of the held-out instances' masked labels (the targets that the
  held-out MLM accuracy of `bertlab pretrain` is measured on).
- "proportional" baseline: the expected accuracy of guessing each masked token by drawing from
  p_train, sum_t p_train(t) * q_heldout(t).
- "most frequent" baseline: the accuracy of always predicting the single most frequent training
  token, q_heldout(argmax_t p_train(t)).
- the same two with the held-out labels' own distribution (an oracle: sum_t q(t)^2 and max_t q(t)),
  for reference.
"""

import argparse
import collections
import json
import sys

SPECIAL = {"[CLS]", "[SEP]", "[PAD]"}


def read(path):
    corpus, labels, names, n = collections.Counter(), collections.Counter(), {}, 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            inst = json.loads(line)
            n += 1
            ids = list(inst["input_ids"])
            toks = list(inst["tokens"])
            for pos, i, lab in zip(inst["masked_lm_positions"], inst["masked_lm_ids"],
                                   inst["masked_lm_labels"]):
                ids[pos], toks[pos] = i, lab
                labels[i] += 1
            for i, t in zip(ids, toks):
                names[i] = t
                if t not in SPECIAL:
                    corpus[i] += 1
    return n, corpus, labels, names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train")
    ap.add_argument("held_out")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    n_tr, corpus, tr_labels, names = read(a.train)
    n_ho, _, ho_labels, ho_names = read(a.held_out)
    names.update({k: v for k, v in ho_names.items() if k not in names})
    c_total, l_total, q_total = sum(corpus.values()), sum(tr_labels.values()), sum(ho_labels.values())
    p = {t: c / c_total for t, c in corpus.items()}
    p_lab = {t: c / l_total for t, c in tr_labels.items()}
    q = {t: c / q_total for t, c in ho_labels.items()}
    top_id = max(p, key=lambda t: (p[t], -t))
    res = {
        "train_instances": n_tr, "train_tokens": c_total, "train_masked": l_total,
        "held_out_instances": n_ho, "held_out_masked": q_total,
        "proportional": sum(p.get(t, 0.0) * qt for t, qt in q.items()),
        "proportional_from_train_labels": sum(p_lab.get(t, 0.0) * qt for t, qt in q.items()),
        "most_frequent_token": names.get(top_id, str(top_id)), "most_frequent_p_train": p[top_id],
        "most_frequent": q.get(top_id, 0.0),
        "oracle_proportional_sum_q2": sum(qt * qt for qt in q.values()),
        "oracle_most_frequent_max_q": max(q.values()),
    }
    if a.json:
        print(json.dumps(res))
        return
    print(f"training instances {n_tr}: {c_total} tokens ([CLS]/[SEP] excluded), {l_total} masked")
    print(f"held-out instances {n_ho}: {q_total} masked positions")
    print(f"most frequent training tokens: " + ", ".join(
        f"{names.get(t, t)!s} {p[t]:.4f}" for t in sorted(p, key=lambda t: -p[t])[:a.top]))
    print(f"baseline 'in proportion' sum p_train(t) q_heldout(t): {res['proportional']:.4f}"
          f" (p from the training labels only: {res['proportional_from_train_labels']:.4f})")
    print(f"baseline 'always the most frequent' ({res['most_frequent_token']!s}): "
          f"{res['most_frequent']:.4f}")
    print(f"oracle with the held-out labels' own distribution: sum q^2 "
          f"{res['oracle_proportional_sum_q2']:.4f}, max q {res['oracle_most_frequent_max_q']:.4f}")


if __name__ == "__main__":
    sys.exit(main())
