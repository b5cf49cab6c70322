#!/usr/bin/env python3
"""Turn the shared books (and WikiText-2) into `bertlab pretraining-data` input.

Usage:
    prepare-text.py [--every 20] [--doc-sentences 24] [--wiki FILE] --train OUT --held-out OUT BOOK...

Output: one sentence per line, a blank line between documents, in two files: every
`--every`-th document (the 20th, 40th, ... counted over all inputs in order) goes to the
held-out file, the rest to the training file. Python 3 standard library only. A summary
(documents, sentences, words per file) goes to standard error.

What it does with a book (Project Gutenberg text, hard-wrapped at ~70 columns):

- Reads UTF-8 (a BOM and CRLF line endings are dropped), keeps only the text between
  Gutenberg's "*** START OF ..." and "*** END OF ..." markers where they are present (the
  Portuguese files have lost their header, so only the END marker and the licence after it are
  cut).
- Paragraphs: a blank line ends a paragraph (the Portuguese books). botchan_en.txt has no blank
  line at all; there a wrapped line that is short (under 60 characters, the text is wrapped at
  about 72) ends a paragraph, as does a chapter heading.
- Chapters: a line that is only a chapter heading ("CHAPTER IV.", "CAPITULO XII", or a bare
  roman numeral "XII." as in Dom Casmurro) starts a chapter and is dropped; a chapter title on
  the next line (such as "Do titulo.") stays as a one-line paragraph.
- Sentences: the paragraph's lines are joined with spaces and split after `.`, `!`, `?` or `…`
  (with any closing quotes/brackets) when followed by a space and then an upper-case letter, a
  digit, a quote, or a dash (the Portuguese books open dialogue with "--"). Common abbreviations
  (Mr., Mrs., Dr., St., Sr., Sra., D., Snr., V., etc.) and single-letter initials ("J. R.") do not
  end a sentence.
- Document unit: a run of consecutive paragraphs of one chapter, closed at the first paragraph
  end once it holds at least `--doc-sentences` sentences (default 24), and always at a chapter
  end. Why not whole chapters: botchan has 11 chapters and the two Portuguese books ~150 each, too
  few and too uneven to hold out every 20th, and Google's generator draws a random B "from another
  document" -- with ~24-sentence documents there are hundreds of them, NSP negatives come from
  elsewhere in the books (or the other language), and every chunk of up to 128 tokens has
  several sentences to split into A and B (a one-sentence chunk always gets a random B). Why not
  single paragraphs: the Portuguese dialogue paragraphs are often one short sentence, which would
  again make most chunks single-sentence.

WikiText-2 (`--wiki`, the tokenized .tokens file): an article starts at a " = Title = " line;
section headings (" = = ... = = ") are dropped; each paragraph line is split into sentences after
" . " (and " ! ", " ? "); "@-@", "@,@", "@.@" are joined back ("-", ",", "."), and sentences
containing "<unk>" are dropped (the token is WikiText's own replacement for rare words and would
teach the tokenizer and model a token that the books never have). Each article is one document
(then held out every `--every`-th like the books' documents).
"""

import argparse
import re
import sys

HEADING = re.compile(r"^(?:CHAPTER|CAPITULO|CAPÍTULO)\s+[IVXLC]+\.?$|^[IVXLC]+\.?$")
ABBREV = {
    "mr", "mrs", "dr", "st", "sr", "sra", "srs", "d", "snr", "sn", "v", "exc", "exa", "etc",
    "ill", "illm", "illmo", "dna", "p", "pag", "cap", "no", "n", "s", "a", "o", "mme", "mlle",
}
END = re.compile(r"""([.!?…]+["'»”’)\]]*)\s+(?=["'«“‘(\[]|--|—|[0-9]|[^\W\d_])""")


def split_sentences(text):
    """Split a paragraph (one line of text) into sentences."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    out, start = [], 0
    for m in END.finditer(text):
        nxt = text[m.end():m.end() + 1]
        # a lower-case letter after the stop does not start a sentence
        if nxt.isalpha() and not nxt.isupper():
            continue
        before = text[start:m.start()].split(" ")[-1].lower().strip("\"'«“‘(")
        if m.group(1) == "." and (before in ABBREV or (len(before) == 1 and before.isalpha())):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def read_book(path):
    with open(path, encoding="utf-8-sig", newline=None) as f:
        lines = [l.rstrip("\r\n").replace("\ufeff", "") for l in f]
    start = next((i + 1 for i, l in enumerate(lines) if l.startswith("*** START OF")), 0)
    end = next((i for i, l in enumerate(lines) if l.startswith("*** END OF")), len(lines))
    # botchan: "End of Project Gutenberg's ..." just before the END marker
    lines = [l for l in lines[start:end] if not l.startswith("End of Project Gutenberg")]
    has_blank = any(not l.strip() for l in lines)
    chapters, paragraphs, para = [], [], []

    def close_para():
        if para:
            paragraphs.append(" ".join(para))
            para.clear()

    def close_chapter():
        close_para()
        if paragraphs:
            chapters.append(list(paragraphs))
            paragraphs.clear()

    for line in lines:
        s = line.strip()
        if HEADING.match(s):
            close_chapter()
            continue
        if not s:
            close_para()
            continue
        para.append(s)
        if not has_blank and len(line.rstrip()) < 60:
            close_para()
    close_chapter()
    return chapters


def documents_from_book(path, doc_sentences):
    docs = []
    for chapter in read_book(path):
        doc = []
        for para in chapter:
            doc.extend(split_sentences(para))
            if len(doc) >= doc_sentences:
                docs.append(doc)
                doc = []
        if doc:
            if docs and len(doc) < doc_sentences // 4 and docs[-1] is not None:
                docs[-1].extend(doc)  # a chapter's short tail joins the previous document
            else:
                docs.append(doc)
    return docs


def documents_from_wiki(path):
    docs, doc = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s:
                continue
            if s.startswith("= ") and s.endswith(" =") and not s.startswith("= ="):
                if doc:
                    docs.append(doc)
                doc = []
                continue
            if s.startswith("= =") or doc is None:
                continue
            s = s.replace(" @-@ ", "-").replace(" @,@ ", ",").replace(" @.@ ", ".")
            for sent in re.split(r"(?<= [.!?]) (?=\S)", s):
                sent = sent.strip()
                if sent and "<unk>" not in sent and len(sent.split()) >= 3:
                    doc.append(sent)
    if doc:
        docs.append(doc)
    return [d for d in docs if d]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("books", nargs="*")
    ap.add_argument("--wiki", action="append", default=[])
    ap.add_argument("--train", required=True)
    ap.add_argument("--held-out", required=True)
    ap.add_argument("--every", type=int, default=20)
    ap.add_argument("--doc-sentences", type=int, default=24)
    a = ap.parse_args()
    docs = []
    for b in a.books:
        d = documents_from_book(b, a.doc_sentences)
        print(f"{b}: {len(d)} documents, {sum(map(len, d))} sentences", file=sys.stderr)
        docs.extend(d)
    for w in a.wiki:
        d = documents_from_wiki(w)
        print(f"{w}: {len(d)} documents, {sum(map(len, d))} sentences", file=sys.stderr)
        docs.extend(d)
    held = [d for i, d in enumerate(docs) if (i + 1) % a.every == 0]
    train = [d for i, d in enumerate(docs) if (i + 1) % a.every != 0]
    for name, part in ((a.train, train), (a.held_out, held)):
        with open(name, "w", encoding="utf-8") as f:
            f.write("\n\n".join("\n".join(d) for d in part) + "\n")
        words = sum(len(s.split()) for d in part for s in d)
        print(f"{name}: {len(part)} documents, {sum(map(len, part))} sentences, {words} words",
              file=sys.stderr)


if __name__ == "__main__":
    main()
