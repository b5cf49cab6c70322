"""Writes the reference instances of Google's create_pretraining_data.py for bertlab's --compat google test.

Runs the original script (google-research/bert, create_pretraining_data.py and tokenization.py, unmodified) under
CPython without TensorFlow: shim/ provides the few tensorflow names the two files touch. Instead of main() (which
writes TFRecords), this driver sets FLAGS, builds tokenization.FullTokenizer and calls
create_pretraining_data.create_training_instances, then dumps each instance as one JSON line.

Usage: python3 make_pretraining_references.py BERT_DIR VOCAB OUTPUT SEED DUPE_FACTOR WHOLE_WORD_MASK INPUT...
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    bert_dir, vocab, output, seed, dupe_factor, whole_word_mask = argv[1:7]
    inputs = argv[7:]
    sys.path.insert(0, os.path.join(HERE, "shim"))
    sys.path.insert(0, bert_dir)
    import create_pretraining_data as cpd
    import tokenization

    flags = cpd.FLAGS
    flags.do_lower_case = True
    flags.do_whole_word_mask = whole_word_mask == "true"
    flags.max_seq_length = 128
    flags.max_predictions_per_seq = 20
    flags.random_seed = int(seed)
    flags.dupe_factor = int(dupe_factor)
    flags.masked_lm_prob = 0.15
    flags.short_seq_prob = 0.1

    tokenizer = tokenization.FullTokenizer(vocab_file=vocab, do_lower_case=flags.do_lower_case)
    rng = random.Random(flags.random_seed)  # as main() does
    instances = cpd.create_training_instances(
        inputs, tokenizer, flags.max_seq_length, flags.dupe_factor, flags.short_seq_prob,
        flags.masked_lm_prob, flags.max_predictions_per_seq, rng)
    with open(output, "w", encoding="utf-8") as out:
        for instance in instances:
            out.write(json.dumps({
                "tokens": instance.tokens,
                "segment_ids": instance.segment_ids,
                "is_random_next": instance.is_random_next,
                "masked_lm_positions": instance.masked_lm_positions,
                "masked_lm_labels": instance.masked_lm_labels,
            }, ensure_ascii=False) + "\n")
    print("%s: %d instances" % (output, len(instances)), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
