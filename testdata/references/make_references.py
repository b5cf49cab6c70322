"""Reference outputs from the real libraries (transformers, tokenizers, sentencepiece, torch), written to $OUT.

Run on the device machine; its outputs become test fixtures of bertlab (see their README.md).
"""
import json, os, sys, time, glob, hashlib
t0 = time.time()
OUT = os.environ["OUT"]
# A copy of the parts of ../shared/data it reads (the device machine has no ../shared): see README.md.
DATA = os.environ.get("BERTLAB_REFERENCE_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))

def log(*a):
    print(f"[{time.time()-t0:6.1f}s]", *a, flush=True)

import torch, transformers, tokenizers, sentencepiece as spm
versions = {"torch": torch.__version__, "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__, "sentencepiece": spm.__version__, "python": sys.version.split()[0]}
os.makedirs(OUT, exist_ok=True)
json.dump(versions, open(f"{OUT}/versions.json", "w"), indent=2)
log(versions)

def text_lines(limit_per_file):
    lines = []
    for path in sorted(glob.glob(f"{DATA}/text/*.txt")) + sorted(glob.glob(f"{DATA}/text/udhr/*.txt")):
        rel = os.path.relpath(path, DATA)
        with open(path, encoding="utf-8", errors="strict") as f:
            n = 0
            for i, line in enumerate(f):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                lines.append((rel, i + 1, line))
                n += 1
                if n >= limit_per_file:
                    break
    return lines

# 1. SentencePiece's own encodings, and the albert tokenizer.json twin converted by transformers.
try:
    os.makedirs(f"{OUT}/sentencepiece", exist_ok=True)
    lines = text_lines(60)
    for model in sorted(glob.glob(f"{DATA}/tokenizers/*/*.model")):
        name = os.path.basename(os.path.dirname(model))
        sp = spm.SentencePieceProcessor(model_file=model)
        with open(f"{OUT}/sentencepiece/{name}.jsonl", "w", encoding="utf-8") as f:
            for rel, lineno, line in lines:
                ids = sp.encode(line, out_type=int)
                pieces = sp.encode(line, out_type=str)
                f.write(json.dumps({"file": rel, "line": lineno, "ids": ids, "pieces": pieces,
                                    "decoded": sp.decode(ids)}, ensure_ascii=False) + "\n")
        log("sentencepiece", name, len(lines), "lines")
    import shutil, tempfile
    albert_dir = tempfile.mkdtemp()
    shutil.copy(f"{DATA}/tokenizers/albert-base-v2/spiece.model", albert_dir)
    sp = spm.SentencePieceProcessor(model_file=f"{DATA}/tokenizers/albert-base-v2/spiece.model")
    candidates = []
    try:
        from transformers import AlbertTokenizer
        candidates.append(("AlbertTokenizer.from_pretrained", lambda: AlbertTokenizer.from_pretrained(albert_dir)))
    except Exception as e:
        log("no AlbertTokenizer:", repr(e))
    try:
        from transformers import AlbertTokenizerFast
        candidates.append(("AlbertTokenizerFast.from_pretrained", lambda: AlbertTokenizerFast.from_pretrained(albert_dir)))
    except Exception as e:
        log("no AlbertTokenizerFast:", repr(e))
    os.makedirs(f"{OUT}/tokenizers/albert-base-v2", exist_ok=True)
    for label, make in candidates:
        try:
            tok = make()
            backend = getattr(tok, "backend_tokenizer", None) or getattr(tok, "_tokenizer", None)
            size = backend.get_vocab_size()
            agree = sum(backend.encode(l, add_special_tokens=False).ids == sp.encode(l) for _, _, l in lines[:200])
            log("albert via", label, "vocab", size, "agree with sentencepiece on", agree, "/ 200 lines")
            if size >= 30000:
                backend.save(f"{OUT}/tokenizers/albert-base-v2/tokenizer.json")
                json.dump({"converted_by": label, "vocab": size, "agree_first_200_lines": agree},
                          open(f"{OUT}/tokenizers/albert-base-v2/conversion.json", "w"))
                break
        except Exception as e:
            log("albert via", label, "failed:", repr(e))
except Exception as e:
    log("sentencepiece part failed:", repr(e))

# 2. HF trainers on a real corpus.
try:
    from tokenizers import Tokenizer, models, trainers, pre_tokenizers, normalizers, decoders, processors
    corpus = [f"{DATA}/text/botchan_en.txt", f"{DATA}/text/dom_casmurro_pt.txt"]
    os.makedirs(f"{OUT}/trainers", exist_ok=True)
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    runs = {}
    tk = Tokenizer(models.BPE(unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True)
    tk.pre_tokenizer = pre_tokenizers.Whitespace()
    tk.train(corpus, trainers.BpeTrainer(vocab_size=2000, min_frequency=2, special_tokens=special, show_progress=False))
    runs["bpe"] = tk
    tk = Tokenizer(models.BPE())
    tk.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tk.decoder = decoders.ByteLevel()
    tk.train(corpus, trainers.BpeTrainer(vocab_size=2000, min_frequency=2, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
                                         initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False))
    runs["byte-level-bpe"] = tk
    tk = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=True)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.decoder = decoders.WordPiece()
    tk.train(corpus, trainers.WordPieceTrainer(vocab_size=2000, min_frequency=2, special_tokens=special, show_progress=False))
    runs["wordpiece"] = tk
    tk = Tokenizer(models.Unigram())
    tk.pre_tokenizer = pre_tokenizers.Metaspace()
    tk.decoder = decoders.Metaspace()
    tk.train(corpus, trainers.UnigramTrainer(vocab_size=2000, special_tokens=["<pad>", "<unk>"], unk_token="<unk>", show_progress=False))
    runs["unigram"] = tk
    # the course example: ("mau",10), ("baú",5), ("itaú",7), ("uau",10)
    words = ["mau"] * 10 + ["baú"] * 5 + ["itaú"] * 7 + ["uau"] * 10
    tk = Tokenizer(models.BPE(unk_token="<unk>"))
    tk.pre_tokenizer = pre_tokenizers.Whitespace()
    tk.train_from_iterator(words, trainers.BpeTrainer(vocab_size=20, special_tokens=["<unk>"], show_progress=False))
    runs["course-example-bpe"] = tk
    for name, tk in runs.items():
        tk.save(f"{OUT}/trainers/{name}.json")
    json.dump({"corpus": [os.path.relpath(c, DATA) for c in corpus], "vocab_size": 2000, "min_frequency": 2,
               "course_example": {"words": {"mau": 10, "baú": 5, "itaú": 7, "uau": 10}, "vocab_size": 20},
               "course_example_encodes_aue": runs["course-example-bpe"].encode("auê").tokens},
              open(f"{OUT}/trainers/settings.json", "w"), ensure_ascii=False, indent=2)
    log("trainers done", list(runs))
except Exception as e:
    log("trainer part failed:", repr(e))

# 3. A tiny random BERT: weights, HF outputs, losses, gradients, one AdamW step.
try:
    from transformers import BertConfig, BertModel, BertForSequenceClassification, BertForPreTraining
    from safetensors.torch import save_file
    torch.manual_seed(1234)
    cfg = BertConfig(vocab_size=512, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64,
                     max_position_embeddings=64, type_vocab_size=2, hidden_act="gelu", layer_norm_eps=1e-12,
                     hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1, num_labels=3,
                     attn_implementation="eager")
    pre = BertForPreTraining(cfg).eval()
    d = f"{OUT}/bert-tiny"
    os.makedirs(d, exist_ok=True)
    pre.save_pretrained(d, safe_serialization=True)
    g = torch.Generator().manual_seed(7)
    B, T = 3, 12
    ids = torch.randint(5, 512, (B, T), generator=g)
    ids[:, 0] = 2
    mask = torch.ones(B, T, dtype=torch.long)
    mask[1, 9:] = 0
    mask[2, 5:] = 0
    types = torch.zeros(B, T, dtype=torch.long)
    types[:, 6:] = 1
    ref = {"input_ids": ids.int(), "attention_mask": mask.int(), "token_type_ids": types.int()}
    with torch.no_grad():
        out = pre.bert(input_ids=ids, attention_mask=mask, token_type_ids=types, output_hidden_states=True, output_attentions=True)
    ref["last_hidden_state"] = out.last_hidden_state
    ref["pooler_output"] = out.pooler_output
    for i, h in enumerate(out.hidden_states):
        ref[f"hidden_states.{i}"] = h
    for i, a in enumerate(out.attentions):
        ref[f"attentions.{i}"] = a
    # pre-training heads: MLM + NSP, loss = mean MLM CE + mean NSP CE
    mlm_labels = torch.full((B, T), -100, dtype=torch.long)
    mlm_labels[0, 3] = 17; mlm_labels[0, 7] = 300; mlm_labels[1, 2] = 44; mlm_labels[2, 1] = 499
    nsp = torch.tensor([0, 1, 0])
    for dtype, tag in ((torch.float64, "f64"),):
        m = BertForPreTraining(cfg)
        m.load_state_dict(pre.state_dict())
        m = m.to(dtype).eval()
        o = m(input_ids=ids, attention_mask=mask, token_type_ids=types, labels=mlm_labels, next_sentence_label=nsp)
        o.loss.backward()
        ref[f"pretraining.{tag}.loss"] = o.loss.detach().reshape(1)
        ref[f"pretraining.{tag}.prediction_logits"] = o.prediction_logits.detach()
        ref[f"pretraining.{tag}.seq_relationship_logits"] = o.seq_relationship_logits.detach()
        for n, p in m.named_parameters():
            if p.grad is not None:
                ref[f"pretraining.{tag}.grad.{n}"] = p.grad.detach()
    ref["pretraining.mlm_labels"] = mlm_labels.int()
    ref["pretraining.nsp_labels"] = nsp.int()
    # sequence classification (3 labels) and regression heads, eval mode (no dropout)
    cls = BertForSequenceClassification(cfg)
    cls.bert.load_state_dict(pre.bert.state_dict())
    torch.manual_seed(99)
    torch.nn.init.normal_(cls.classifier.weight, std=0.02); torch.nn.init.zeros_(cls.classifier.bias)
    cls = cls.double().eval()
    labels = torch.tensor([2, 0, 1])
    emb = cls.bert.embeddings.word_embeddings(ids).detach().requires_grad_(True)
    o = cls(inputs_embeds=emb, attention_mask=mask, token_type_ids=types, labels=labels)
    o.loss.backward()
    ref["classification.weight"] = cls.classifier.weight.detach().float()
    ref["classification.bias"] = cls.classifier.bias.detach().float()
    ref["classification.labels"] = labels.int()
    ref["classification.f64.logits"] = o.logits.detach()
    ref["classification.f64.loss"] = o.loss.detach().reshape(1)
    ref["classification.f64.inputs_embeds_grad"] = emb.grad.detach()
    for n, p in cls.named_parameters():
        if p.grad is not None:  # the word embeddings are bypassed by inputs_embeds
            ref[f"classification.f64.grad.{n}"] = p.grad.detach()
    # one AdamW step with linear warmup (HF Trainer style: no decay on bias and LayerNorm weights), clipping at 1.0
    decay = [p for n, p in cls.named_parameters() if not (n.endswith("bias") or "LayerNorm" in n)]
    no_decay = [p for n, p in cls.named_parameters() if (n.endswith("bias") or "LayerNorm" in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    sched = transformers.get_linear_schedule_with_warmup(opt, num_warmup_steps=2, num_training_steps=10)
    norm = torch.nn.utils.clip_grad_norm_(cls.parameters(), 1.0)
    ref["classification.f64.grad_norm"] = norm.detach().reshape(1).double()
    opt.step(); sched.step()  # step 1 runs at lr = 1e-3 * 0/2 = 0 under warmup: take a second step
    opt.zero_grad()
    o2 = cls(input_ids=ids, attention_mask=mask, token_type_ids=types, labels=labels)
    o2.loss.backward()
    torch.nn.utils.clip_grad_norm_(cls.parameters(), 1.0)
    opt.step(); sched.step()
    for n, p in cls.named_parameters():
        ref[f"classification.f64.after_two_steps.{n}"] = p.detach()
    ref["classification.f64.second_step_loss"] = o2.loss.detach().reshape(1)
    save_file({k: v.detach().clone().contiguous() for k, v in ref.items()}, f"{d}/reference.safetensors")
    log("bert-tiny done", len(ref), "tensors")
except Exception as e:
    import traceback; traceback.print_exc()
    log("bert part failed:", repr(e))

import tarfile
with tarfile.open(f"{OUT}/references.tar.gz", "w:gz") as tar:
    for entry in sorted(os.listdir(OUT)):
        if entry != "references.tar.gz":
            tar.add(os.path.join(OUT, entry), arcname=entry)
for root, _, files in os.walk(OUT):
    for f in files:
        p = os.path.join(root, f)
        print(os.path.relpath(p, OUT), os.path.getsize(p))
