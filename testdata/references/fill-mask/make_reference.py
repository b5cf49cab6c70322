#!/usr/bin/env python3
"""HuggingFace transformers' BertForMaskedLM on the small random checkpoint of FillMaskHuggingFaceTest.

How reference.json was made (README.md beside this file says the same, with the versions):

  1. mvn -B -o -pl bundles/io.bertlab.pretrain test -Dtest=FillMaskHuggingFaceTest   (from the project root)
     The test writes the checkpoint first (bundles/io.bertlab.pretrain/target/fill-mask-huggingface: config.json,
     model.safetensors with bert.* and cls.predictions.*, the tokenizer.json of bert-base-uncased from
     ../shared/data/tokenizers), whether or not a reference exists yet; it then fails until there is one.
  2. PYTHONPATH=/tmp/hf/transformers/src:/tmp/hf/hub/src /usr/bin/python3 \\
         testdata/references/fill-mask/make_reference.py \\
         bundles/io.bertlab.pretrain/target/fill-mask-huggingface testdata/references/fill-mask/reference.json
     with Debian bookworm's python3 (3.11.2) and python3-torch 1.13.1+dfsg-4 (torch.__version__ "1.13.0a0"),
     python3-numpy, python3-regex, python3-requests, python3-packaging, python3-filelock, python3-tqdm,
     python3-yaml; transformers 4.9.0.dev0 at commit 9519f0cd63b1b5d895f9f993e3198ec55d1e57fa and
     huggingface_hub v0.0.12 (31e8d5e84fc0c48db82afc97c2cd64a2229c9a31), their src/ folders extracted with
     `git archive` (no pip). No tokenizers or safetensors package: the slow BertTokenizer, and the safetensors
     file read below with the standard library and numpy.

The model is HF's: BertConfig.from_json_file(config.json) (hidden_act "gelu", i.e. exact erf GELU; layer_norm_eps
1e-12), BertForMaskedLM.from_pretrained on a pytorch_model.bin holding the same tensors, decoder tied to the word
embeddings and its bias to cls.predictions.bias (from_pretrained logs "newly initialized:
['cls.predictions.decoder.weight']" before tying it; the script asserts that it is the word embedding matrix and
that every stored tensor was loaded unchanged), eval mode, no grad. For each text and each [MASK]: the logits row
at the mask (float32), its top 10 by the float32 softmax as the fill-mask pipeline takes it (ids, token strings
tokenizer.decode([id]) as later pipelines' token_str, logits, probabilities), every 31st logit (ids 0, 31, 62,
...), the maximum, the sum and the log-sum-exp (float64) of the whole row. Single-mask texts are also run through
transformers' own FillMaskPipeline, whose ids and scores must be the ones written (4.9's pipeline takes one mask a
text).
"""

import hashlib
import importlib.metadata
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import types

import numpy as np

# sacremoses (the XLM/FSMT tokenizers' Moses rules) is checked by transformers 4.9 at import, and imported by the
# pipelines module through the XLM tokenizer, but Debian does not package it: answer that one version look-up and
# give the import an empty module. Nothing here calls it (an XLM tokenizer would fail on first use).
_version = importlib.metadata.version
importlib.metadata.version = lambda name: "absent" if name == "sacremoses" else _version(name)
sys.modules.setdefault("sacremoses", types.ModuleType("sacremoses"))

import torch  # noqa: E402
import transformers  # noqa: E402
from transformers import BertConfig, BertForMaskedLM, BertTokenizer, FillMaskPipeline  # noqa: E402

TEXTS = [
    ("The capital of France is [MASK].", None),
    ("The [MASK] sat on the [MASK].", None),
    # a literal [SEP] inside one text: token types stay 0, as the command and HF's pipeline encode it
    ("The man went to the store. [SEP] He bought a gallon of [MASK].", None),
    # accents (stripped by the uncased tokenizer) and Portuguese words split into pieces
    ("A capital de Portugal é [MASK], não o Porto; já a do Brasil é Brasília.", None),
    # the mask first, word pieces, an apostrophe
    ("[MASK] unbelievably, the tokenizer's résumé wasn't lost!", None),
    # a pair: token types 1 in the second segment (FillMask.predict; the command takes single texts)
    ("The man went to the [MASK].", "He bought a gallon of [MASK] milk."),
]
TOP_K = 10
STRIDE = 31

DTYPES = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "I32": np.int32}


def read_safetensors(path):
    """8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}}, then the data."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[base + start:base + end], dtype=np.dtype(DTYPES[entry["dtype"]]).newbyteorder("<"))
        tensors[name] = torch.from_numpy(array.reshape(entry["shape"]).copy())
    return tensors


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def g9(x):
    """Nine significant digits: a float32 read back exactly."""
    return float(f"{float(x):.9g}")


def debian_version(package):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def main(checkpoint, output):
    config = BertConfig.from_json_file(os.path.join(checkpoint, "config.json"))
    assert config.hidden_act == "gelu" and config.layer_norm_eps == 1e-12, (config.hidden_act, config.layer_norm_eps)
    tensors = read_safetensors(os.path.join(checkpoint, "model.safetensors"))
    with open(os.path.join(checkpoint, "tokenizer.json"), encoding="utf-8") as f:
        tokenizer_json = json.load(f)
    normalizer = tokenizer_json["normalizer"]
    assert normalizer["lowercase"] and normalizer["strip_accents"] is None, normalizer

    with tempfile.TemporaryDirectory() as hf:
        torch.save(tensors, os.path.join(hf, "pytorch_model.bin"))
        config.save_pretrained(hf)
        model, info = BertForMaskedLM.from_pretrained(hf, output_loading_info=True)
        vocab = tokenizer_json["model"]["vocab"]
        tokens = sorted(vocab, key=vocab.get)
        assert [vocab[t] for t in tokens] == list(range(len(tokens)))
        with open(os.path.join(hf, "vocab.txt"), "w", encoding="utf-8") as f:
            f.write("".join(t + "\n" for t in tokens))
        # from_pretrained, not the constructor: it registers the special tokens as never split ([MASK]. stays
        # [MASK] .); the constructor alone splits "[MASK]." into "[", "mask", "]", "."
        tokenizer = BertTokenizer.from_pretrained(hf, do_lower_case=True)
    # only what BertForMaskedLM ties or creates: no weight of the checkpoint is left out, none is missing
    assert not info["unexpected_keys"] and not info["error_msgs"], info
    assert set(info["missing_keys"]) <= {"bert.embeddings.position_ids", "cls.predictions.decoder.weight",
                                         "cls.predictions.decoder.bias"}, info
    model.eval()
    decoder = model.cls.predictions.decoder
    assert decoder.weight.data_ptr() == model.bert.embeddings.word_embeddings.weight.data_ptr()
    assert decoder.bias.data_ptr() == model.cls.predictions.bias.data_ptr()
    for name, value in model.state_dict().items():
        if name in tensors:
            assert torch.equal(value, tensors[name]), name
    pipeline = FillMaskPipeline(model=model, tokenizer=tokenizer, top_k=TOP_K)

    texts = []
    for text, pair in TEXTS:
        encoded = tokenizer(text, pair, return_tensors="pt")
        with torch.no_grad():
            logits = model(**encoded).logits[0]
        ids = encoded["input_ids"][0]
        masks = []
        raw = []
        for position in torch.nonzero(ids == tokenizer.mask_token_id).flatten().tolist():
            row = logits[position]
            assert row.dtype == torch.float32
            probabilities = row.softmax(dim=0)  # as FillMaskPipeline: float32
            values, best = probabilities.topk(TOP_K)
            raw.append((best.tolist(), values.tolist()))
            masks.append({
                "position": position,
                "top": [{"id": i, "token": tokenizer.decode([i]), "logit": g9(row[i]), "probability": g9(p)}
                        for p, i in zip(values.tolist(), best.tolist())],
                "max_logit": g9(row.max()),
                "logsumexp": float(torch.logsumexp(row.double(), dim=0)),
                "logit_sum": float(row.double().sum()),
                "sampled_logits": [g9(x) for x in row[::STRIDE].tolist()],
            })
        if pair is None and len(masks) == 1:
            # the same float32 softmax and topk: identical ids and scores (4.9's token_str decodes a bare int
            # character by character, "# # b o u r"; later versions decode [id], as written here)
            proposals = pipeline(text)
            assert [(p["token"], p["score"]) for p in proposals] == list(zip(*raw[0])), (text, proposals)
        texts.append({
            "text": text,
            "pair": pair,
            "tokens": tokenizer.convert_ids_to_tokens(ids.tolist()),
            "input_ids": ids.tolist(),
            "token_type_ids": encoded["token_type_ids"][0].tolist(),
            "masks": masks,
        })

    reference = {
        "about": "transformers BertForMaskedLM (eval) on FillMaskHuggingFaceTest's checkpoint; made by"
                 " make_reference.py (README.md)",
        "made_by": {
            "python": sys.version.split()[0],
            "torch": torch.__version__,
            "python3-torch (Debian)": debian_version("python3-torch"),
            "numpy": np.__version__,
            "transformers": transformers.__version__,
            "transformers_commit": "9519f0cd63b1b5d895f9f993e3198ec55d1e57fa",
            "huggingface_hub": "v0.0.12 (31e8d5e84fc0c48db82afc97c2cd64a2229c9a31)",
            "torch_threads": torch.get_num_threads(),
        },
        "checkpoint": {name: sha256(os.path.join(checkpoint, name))
                       for name in ("model.safetensors", "config.json", "tokenizer.json")},
        "top_k": TOP_K,
        "logit_stride": STRIDE,
        "texts": texts,
    }
    out = json.dumps(reference, indent=1, ensure_ascii=False)
    # lists of numbers on one line
    out = re.sub(r"\[\s*([-0-9.eE,\s]+?)\s*\]", lambda m: "[" + re.sub(r"\s+", "", m.group(1)) + "]", out)
    with open(output, "w", encoding="utf-8") as f:
        f.write(out + "\n")
    print(f"{output}: {len(texts)} texts, {sum(len(t['masks']) for t in texts)} masks, {len(out)} characters")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_reference.py CHECKPOINT_DIR OUTPUT_JSON")
    main(sys.argv[1], sys.argv[2])
