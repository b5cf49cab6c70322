"""Writes FullTokenizer's tokens of every input line (as create_training_instances reads it) as JSON lines.

Usage: python3 make_tokenized_reference.py BERT_DIR VOCAB OUTPUT INPUT...
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    bert_dir, vocab, output = argv[1:4]
    sys.path.insert(0, os.path.join(HERE, "shim"))
    sys.path.insert(0, bert_dir)
    import tensorflow as tf
    import tokenization

    tokenizer = tokenization.FullTokenizer(vocab_file=vocab, do_lower_case=True)
    with open(output, "w", encoding="utf-8") as out:
        for input_file in argv[4:]:
            with tf.gfile.GFile(input_file, "r") as reader:
                while True:
                    line = tokenization.convert_to_unicode(reader.readline())
                    if not line:
                        break
                    line = line.strip()
                    out.write(json.dumps({"line": line, "tokens": tokenizer.tokenize(line)},
                                         ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
