#!/usr/bin/python3
"""Reference values of GLUE's metrics from scikit-learn and SciPy, for io.bertlab.glue.metrics' tests.

Writes metrics.json beside this script (or to the path given as the first argument): deterministic input vectors
(NumPy's legacy RandomState with fixed seeds) and what scikit-learn / SciPy compute on them. A value the library
returns as NaN is written as the string "NaN"; where the library raises ValueError, the metric is listed under
"errors" with the library's message instead of under "expected".

Run with Debian's own interpreter, which sees the apt packages (apt-get install python3-sklearn python3-scipy):
    /usr/bin/python3 make_metric_references.py
"""

import json
import math
import os
import platform
import sys
import warnings

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn import metrics

CLASSIFICATION = {
    "accuracy": lambda gold, predicted: metrics.accuracy_score(gold, predicted),
    "f1": lambda gold, predicted: metrics.f1_score(gold, predicted),  # average='binary', pos_label=1
    "f1_macro": lambda gold, predicted: metrics.f1_score(gold, predicted, average="macro"),
    "matthews_correlation": lambda gold, predicted: metrics.matthews_corrcoef(gold, predicted),
}

REGRESSION = {
    "pearson": lambda gold, predicted: stats.pearsonr(gold, predicted)[0],
    "spearman": lambda gold, predicted: stats.spearmanr(gold, predicted)[0],
    "mse": lambda gold, predicted: metrics.mean_squared_error(gold, predicted),
}


def evaluate(functions, gold, predicted):
    expected, errors = {}, {}
    for name, function in functions.items():
        try:
            with warnings.catch_warnings():
                # UndefinedMetricWarning (zero_division), ConstantInputWarning (NaN correlations): the values are
                # what we record; the warnings say nothing more.
                warnings.simplefilter("ignore")
                value = float(function(np.asarray(gold), np.asarray(predicted)))
            expected[name] = "NaN" if math.isnan(value) else value
        except ValueError as e:
            errors[name] = str(e)
    return expected, errors


def case(cases, kind, name, gold, predicted):
    if kind == "classification":
        gold = [int(v) for v in gold]
        predicted = [int(v) for v in predicted]
        functions = CLASSIFICATION
    else:
        gold = [float(v) for v in gold]
        predicted = [float(v) for v in predicted]
        functions = REGRESSION
    assert len(gold) == len(predicted), name
    expected, errors = evaluate(functions, gold, predicted)
    entry = {"name": name, "kind": kind, "gold": gold, "predicted": predicted, "expected": expected}
    if errors:
        entry["errors"] = errors
    cases.append(entry)


def noisy_labels(rng, gold, classes, error_rate):
    """Predictions that copy gold except on a random fraction, where they are a random label (possibly gold's)."""
    wrong = rng.random_sample(len(gold)) < error_rate
    return np.where(wrong, rng.randint(0, classes, len(gold)), gold)


def classification_cases(cases):
    rng = np.random.RandomState(20240611)
    for classes in (2, 3):
        for n in (1, 2, 3, 5, 10, 37, 100, 1000, 5000):
            for error_rate in (0.3, 0.8):
                gold = rng.randint(0, classes, n)
                predicted = noisy_labels(rng, gold, classes, error_rate)
                case(cases, "classification", f"random_{classes}class_n{n}_err{error_rate}", gold, predicted)
        # Imbalanced gold (CoLA is ~70% acceptable, QQP ~63% not duplicate).
        gold = (rng.random_sample(800) < 0.7).astype(int) if classes == 2 else rng.choice(3, 800, p=[0.6, 0.3, 0.1])
        case(cases, "classification", f"imbalanced_{classes}class_n800", gold,
             noisy_labels(rng, gold, classes, 0.4))

    gold2 = rng.randint(0, 2, 50)
    gold3 = rng.randint(0, 3, 60)
    degenerate = {
        "constant_prediction_0": (gold2, np.zeros(50, int)),
        "constant_prediction_1": (gold2, np.ones(50, int)),
        "gold_one_class_0": (np.zeros(50, int), gold2),
        "gold_one_class_1": (np.ones(50, int), gold2),
        "both_all_0": (np.zeros(20, int), np.zeros(20, int)),
        "both_all_1": (np.ones(20, int), np.ones(20, int)),
        "all_right_binary": (gold2, gold2),
        "all_wrong_binary": (gold2, 1 - gold2),
        "all_right_3class": (gold3, gold3),
        "all_wrong_3class": (gold3, (gold3 + 1) % 3),
        "constant_prediction_3class": (gold3, np.full(60, 2)),
        "3class_never_predicting_2": (gold3, np.minimum(gold3, 1)),
        "prediction_class_absent_from_gold": (np.minimum(gold3, 1), gold3),
        "n1_right_0": ([0], [0]),
        "n1_right_1": ([1], [1]),
        "n1_wrong": ([0], [1]),
        "n2_right": ([0, 1], [0, 1]),
        "n2_swapped": ([0, 1], [1, 0]),
        "labels_1_and_5": ([1, 5, 5, 1, 1], [1, 1, 5, 5, 1]),
        "labels_0_and_2": ([0, 2, 2, 0], [0, 2, 0, 0]),
        "labels_3_only": ([3, 3, 3], [3, 3, 3]),
        "4class_sparse_labels": ([0, 4, 7, 7, 4, 0, 2], [0, 4, 7, 4, 4, 2, 2]),
    }
    for name, (gold, predicted) in degenerate.items():
        case(cases, "classification", name, gold, predicted)


def regression_cases(cases):
    rng = np.random.RandomState(20240612)
    for n in (2, 3, 5, 10, 100, 1500, 5000):
        gold = rng.uniform(0, 5, n)
        predicted = 0.7 * gold + rng.normal(0, 1.0, n)
        case(cases, "regression", f"random_n{n}", gold, predicted)
        # STS-B's gold is a mean of annotators' integer scores: many ties; rounding the predictions ties them too.
        tied_gold = np.round(gold * 5) / 5
        case(cases, "regression", f"tied_gold_n{n}", tied_gold, predicted)
        case(cases, "regression", f"tied_both_n{n}", tied_gold, np.round(predicted, 1))
    integers = rng.randint(0, 6, 300).astype(float)
    case(cases, "regression", "heavy_ties_integers_n300", integers,
         np.clip(integers + rng.randint(-1, 2, 300), 0, 5))
    gold = rng.uniform(0, 5, 200)
    degenerate = {
        "constant_prediction": (gold, np.full(200, 2.5)),
        "constant_gold": (np.full(200, 3.0), gold),
        "both_constant": (np.full(10, 1.0), np.full(10, 1.0)),
        "perfect": (gold, gold),
        "perfect_affine": (gold, 3.0 * gold - 7.0),
        "perfect_negative": (gold, -gold),
        "monotone_nonlinear": (gold, np.exp(gold)),
        "large_offset": (1e6 + gold, 1e6 + gold + rng.normal(0, 1, 200)),
        "tiny_scale": (gold * 1e-150, (gold + rng.normal(0, 1, 200)) * 1e-150),
        "huge_scale": (gold * 1e150, (gold + rng.normal(0, 1, 200)) * 1e150),
        "n1": ([3.0], [2.0]),
        "n2_increasing": ([1.0, 2.0], [0.5, 4.0]),
        "n2_decreasing": ([1.0, 2.0], [4.0, 0.5]),
        "n2_tied_prediction": ([1.0, 2.0], [3.0, 3.0]),
        "n3_one_tie": ([1.0, 2.0, 2.0], [0.1, 0.3, 0.2]),
    }
    for name, (gold, predicted) in degenerate.items():
        case(cases, "regression", name, gold, predicted)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                              "metrics.json")
    versions = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
    }
    print("versions:", json.dumps(versions))
    cases = []
    classification_cases(cases)
    regression_cases(cases)
    document = {
        "generator": "make_metric_references.py",
        "versions": versions,
        "cases": cases,
    }
    # allow_nan=False: NaN must appear as the string "NaN", never as the NaN literal JSON does not have. One case a
    # line, so that a regenerated file diffs case by case. Floats are written as Python's repr: exact round trips.
    def dumps(value):
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"generator":' + dumps(document["generator"]) + ',\n"versions":' + dumps(versions) + ',\n"cases":[\n')
        f.write(",\n".join(dumps(c) for c in cases))
        f.write("\n]}\n")
    values = sum(len(c["expected"]) + len(c.get("errors", {})) for c in cases)
    print(f"wrote {out}: {len(cases)} cases, {values} values")


if __name__ == "__main__":
    main()
