// HF's BPE trainer (the Rust library through its Node binding, npm package "tokenizers"), timed in-process:
// node train-bpe.js OUTPUT.json FILE... prints {"train_ms": ..., "vocab": ...} and writes the trained tokenizer.
// The settings are the BPE model's default trainer (vocab_size 30000, min_frequency 0, no special tokens) with
// the Whitespace pre-tokenizer: what Tokenizer.train(files) uses when no trainer is given.
const { Tokenizer, BPE, whitespacePreTokenizer } = require('tokenizers');

const [output, ...files] = process.argv.slice(2);
const tokenizer = new Tokenizer(BPE.empty());
tokenizer.setPreTokenizer(whitespacePreTokenizer());
const start = process.hrtime.bigint();
tokenizer.train(files);
const trainMs = Number(process.hrtime.bigint() - start) / 1e6;
tokenizer.save(output);
console.log(JSON.stringify({ train_ms: trainMs, vocab: tokenizer.getVocabSize() }));
