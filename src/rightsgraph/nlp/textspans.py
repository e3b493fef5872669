"""Where the words are: paragraphs, quotation marks, transcript turns, and character-offset lookups.

Pure functions over text (and a Doc for token lookups); no speaker or stance logic here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

__all__ = ["BULLETS", "doc_text", "tokens_of", "in_question", "sentence_of", "paragraphs", "quote_spans", "Turn",
           "transcript_turns", "token_at", "span_of", "quoted_tokens", "sent_of"]

BULLETS = ("-", "*", "•", "\u2013", "\u2014")  # what opens a list's line

OPEN = {"“": "”", '"': '"'}
_FULL_STOP = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!][\"”’']?\s+[\"“]?[A-Z]")
TURN_RE = re.compile(r"^([A-Z][A-Z.'\- ]{0,60}[A-Z.]|[AQ]):\s+")
#: a label printed as a name, two to four capitalised words ('Zhu Bangzao:', 'Mr. Kirby:')
NAMED_TURN_RE = re.compile(r"^((?:[A-Z][a-z]+\.? ){1,3}[A-Z][a-z]+):\s+")
FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|us|my|My|I'm|I’m|we're|we’re|We’re|We're)\b")


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy rebuilds the string from every token on each
    access, which the rules do thousands of times per article."""
    text = doc.user_data.get("rg_text")
    if text is None:  # a Doc's text never changes (retokenizing keeps it)
        text = doc.user_data["rg_text"] = doc.text
    return text


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens, made once per Doc: iterating a Doc builds a new Token object for every
    token each time, and the rules walk every article's tokens in several passes."""
    tokens = doc.user_data.get("rg_tokens")
    if tokens is None:
        tokens = doc.user_data["rg_tokens"] = list(doc)
    return tokens


def sentence_of(tok: Token) -> tuple[int, int, bool]:
    """(start char, end char, is a question) of the token's sentence, from one pass over the Doc's
    sentences: `tok.sent` finds the sentence's bounds again on every call."""
    sents, of, _bounds = _sentence_table(tok.doc)
    return sents[of[tok.i]]


def sent_of(tok: Token) -> Span:
    """`tok.sent` (the token's sentence as a Span) from the same one-pass table."""
    _sents, of, bounds = _sentence_table(tok.doc)
    start, end = bounds[of[tok.i]]
    return tok.doc[start:end]


def _sentence_table(doc: Doc) -> tuple[list[tuple[int, int, bool]], list[int], list[tuple[int, int]]]:
    table = doc.user_data.get("rg_sents")
    if table is None:
        sents, of, bounds = [], [0] * len(doc), []
        text = doc_text(doc)
        for n, sent in enumerate(doc.sents):
            body = text[sent.start_char:sent.end_char].rstrip().rstrip('"”’\'')
            sents.append((sent.start_char, sent.end_char, body.endswith("?")))
            bounds.append((sent.start, sent.end))
            of[sent.start:sent.end] = [n] * (sent.end - sent.start)
        table = doc.user_data["rg_sents"] = (sents, of, bounds)
    return table  # type: ignore[no-any-return]


def in_question(tok: Token) -> bool:
    """The token stands in a question ('Will the delegation raise X?'): asked, not asserted. A
    sentence the parse ran on past its full stop ('… said the talks "died quietly." How do you
    respond?') asks only after that stop."""
    _start, end, question = sentence_of(tok)
    return question and not _FULL_STOP.search(doc_text(tok.doc), tok.idx, end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"\n\s*\n|\Z", text):
        if text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    return spans


def quote_spans(text: str) -> list[list[tuple[int, int]]]:
    """Quoted passages as lists of (start, end) content segments (one per paragraph).

    Curly or straight marks; a quote that runs on over a paragraph break continues when the next
    paragraph opens with a quotation mark (news style: an opening mark on each paragraph).
    """
    paras = paragraphs(text)
    quotes: list[list[tuple[int, int]]] = []
    carry: list[tuple[int, int]] | None = None
    for p_start, p_end in paras:
        i = p_start
        if carry is not None:
            if text[p_start] in OPEN:
                i = p_start + 1
            else:
                quotes.append(carry)
                carry = None
        while i < p_end:
            if carry is None:
                ch = text[i]
                if ch in OPEN and (ch == "“" or i == p_start or not text[i - 1].isalnum()):
                    carry = []
                    seg_start = i + 1
                    close = OPEN[ch]
                    j = text.find(close, seg_start, p_end)
                    if j == -1 and ch == '"':
                        j = text.find("”", seg_start, p_end)
                    if j == -1:
                        carry.append((seg_start, p_end))
                        i = p_end
                        continue
                    carry.append((seg_start, j))
                    quotes.append(carry)
                    carry = None
                    i = j + 1
                    continue
                i += 1
            else:
                j = min((k for k in (text.find("”", i, p_end), text.find('"', i, p_end)) if k != -1), default=-1)
                if j == -1:
                    carry.append((i, p_end))
                    i = p_end
                else:
                    carry.append((i, j))
                    quotes.append(carry)
                    carry = None
                    i = j + 1
    if carry:
        quotes.append(carry)
    return quotes


@dataclass(frozen=True)
class Turn:
    label: str
    start: int  # the spoken text (after "LABEL: ")
    end: int


#: a transcript proper has its first turn within its first paragraphs (else: a story quoting one)
TRANSCRIPT_WITHIN = 3


def _prose(paragraph: str) -> bool:
    """A paragraph of running speech: sentences, not a topic line ('CHINA'), a stage note
    ('(The briefing was concluded at 1:34 p.m.)') or a rule ('# # #')."""
    stripped = paragraph.strip()
    return (len(stripped.split()) >= 6 and stripped[:1] not in "([#*" and not stripped.isupper()
            and stripped[-1:] in '.?!"”’')


def _named_labels(text: str, paras: list[tuple[int, int]]) -> set[str]:
    """Labels printed as names ('Zhu Bangzao: …', 'Spokesperson Hua Chunying: …'): turns when the
    text is a transcript (it has capitalised or Q/A labels too) or the same label opens two paragraphs."""
    found = [m.group(1) for a, b in paras if (m := NAMED_TURN_RE.match(text[a:b]))]
    if any(TURN_RE.match(text[a:b]) for a, b in paras):
        return set(found)
    return {f for f in found if found.count(f) >= 2}


@lru_cache(maxsize=8)
def transcript_turns(text: str) -> tuple[Turn, ...]:
    """Speaker turns of a briefing transcript. An unlabelled paragraph after a turn continues it: in a
    transcript proper, any paragraph of running speech; in a story quoting one, only one in the first
    person (the story's own narration is not the speaker's). Cached: the statements, the speaker
    resolver and the topic filter each ask for the same article's turns."""
    paras = paragraphs(text)
    named = _named_labels(text, paras)

    def label(para: str) -> re.Match[str] | None:
        m = TURN_RE.match(para) or NAMED_TURN_RE.match(para)
        if m is None or not re.search(r"[^\W\d_]", para[m.end():]):
            return None  # a field, not a turn: 'PRN: 2013/0934'
        return m if m.re is TURN_RE or m.group(1) in named else None

    first = next((n for n, (a, b) in enumerate(paras) if label(text[a:b])), None)
    proper = first is not None and first < TRANSCRIPT_WITHIN
    turns: list[Turn] = []
    current: str | None = None
    for p_start, p_end in paras:
        para = text[p_start:p_end]
        m = label(para)
        if m:
            current = m.group(1).strip()
            turns.append(Turn(current, p_start + m.end(), p_end))
        elif current is not None and "“" not in para and (FIRST_PERSON.search(para) or (proper and _prose(para))):
            turns.append(Turn(current, p_start, p_end))
        else:
            current = None
    return tuple(turns)


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token covering character `offset`, else the next one (whitespace between tokens)."""
    starts = doc.user_data.get("rg_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["rg_token_starts"] = [t.idx for t in doc]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < doc[i].idx + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else (doc[i] if i >= 0 else None)


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """Tokens overlapping [start, end), or None when there are none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def quoted_tokens(doc: Doc, quotes: list[list[tuple[int, int]]] | None = None) -> set[int]:
    """Indexes of tokens inside quotation marks."""
    if quotes is None and (cached := doc.user_data.get("rg_quoted")) is not None:
        return set(cached)
    out: set[int] = set()
    for q in quotes if quotes is not None else quote_spans(doc_text(doc)):
        for s, e in q:
            span = span_of(doc, s, e)
            if span is not None:
                out.update(range(span.start, span.end))
    if quotes is None:
        doc.user_data["rg_quoted"] = frozenset(out)
    return out
