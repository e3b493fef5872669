"""Indirect speech: what a sentence reports someone said, outside quotation marks.

- `indirect_pass`: a reporting verb's clause ("X said that …"), an urge ("called on X to …"), a
  characterization ("called the dialogue worthless") or a speech act with its object ("expressed
  concern over …");
- `according_pass`: "According to X, …" / "In X's view, …";
- `attitude_pass`: "X is skeptical that …", an attitude reported as speech.

Each pass adds to the statement builder of quotes.py, which keeps the article's state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .textspans import in_question, sent_of, tokens_of

if TYPE_CHECKING:
    from .quotes import _Builder

__all__ = ["indirect_pass", "according_pass", "attitude_pass"]

def _that_clause(tok: Token) -> bool:
    """A second clause said, coordinated with the first: '…, and that it had pressed Beijing …'."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def indirect_pass(b: _Builder) -> None:
    reporting = b.k.words("reporting_verbs") | b.k.words("clause_taking_verbs")
    urges = b.k.words("urge_verbs")
    acts = b.k.words("speech_act_verbs")
    objects = b.k.words("speech_act_objects")
    characterize = b.k.words("characterize_verbs")
    talks = b.k.words("dialogue_terms") - {"it", "this"}
    any_object = b.k.words("object_free_acts")
    for t in tokens_of(b.doc):
        if t.i in b.quoted or t.pos_ != "VERB" or in_question(t):
            continue  # a reporter's question may relay what others said
        lemma = t.lemma_.lower()
        if t.i in b.spoken and (lemma not in reporting or not _relayed(b, t)):
            continue  # a speaker's turn is theirs, but for what it says someone named told them
        # the clause said, after the verb where there are two ('X, who has co-chaired …, said Y')
        clauses = [c for c in t.children if c.dep_ == "ccomp"]
        clause = next((c for c in clauses if c.i > t.i), clauses[0] if clauses else None)
        if t.dep_ == "parataxis" and lemma in reporting and clause is None and t.head.i != t.i:
            # "During the meetings, he said, the State Department addressed …": the host clause
            head, tag = t.head, list(t.subtree)
            before, after = (head.left_edge.i, tag[0].i), (tag[-1].i + 1, head.right_edge.i + 1)
            lo, hi = max((before, after), key=lambda r: r[1] - r[0])
            while lo < hi and (b.doc[lo].is_punct or b.doc[lo].is_space):
                lo += 1
        elif lemma in reporting and clause is not None:
            lo, hi = clause.left_edge.i, clause.right_edge.i + 1
            while lo < hi and b.doc[lo].lower_ in ("that", ",", "“", '"'):
                lo += 1
            if lemma in acts and t.i == lo - 1:
                lo = t.i  # "demanded the talks produce results": the act is part of what was said
            hi = _extend_clause(b, t, hi)
        elif lemma in urges and (target := _urge_target(b, t)) is not None:
            lo, hi = target.left_edge.i, t.right_edge.i + 1  # "called on the administration to …"
        elif lemma in urges and t.i + 2 < len(b.doc) and b.doc[t.i + 1].lower_ == "that":
            lo, hi = t.i + 2, sent_of(t).end  # "asked that officials press for …" (however it parsed)
        elif lemma in characterize and (judged := _characterized(t, talks)) is not None:
            lo, hi = judged.left_edge.i, t.right_edge.i + 1  # "called the dialogue worthless"
        elif lemma in acts:
            objs = [c for c in t.children if c.dep_ in ("dobj", "xcomp", "prep")]
            if not objs or not (lemma in any_object or any(o.lemma_.lower() in objects for o in objs)):
                continue
            lo = min([t.i] + [c.i for c in t.children if c.dep_ == "advmod" and c.i < t.i])
            hi = t.right_edge.i + 1
        else:
            continue
        _said(b, t, lo, hi)


def _said(b: _Builder, t: Token, lo: int, hi: int) -> None:
    """What the subject of `t` said, tokens lo..hi, as an indirect statement."""
    colons = [x.i for x in b.doc[lo:hi] if x.text == ":"]
    if colons:
        lo, hi = (colons[-1] + 1, hi) if t.i > colons[-1] else (lo, colons[0])
    while hi > lo and b.doc[hi - 1].is_punct and b.doc[hi - 1].text not in ("”", '"', ")", "]"):
        hi -= 1
    span = b.doc[lo:hi]
    if not span.text.strip():
        return
    inside = sum(1 for x in span if x.i in b.quoted and x.is_alpha)
    outside = sum(1 for x in span if x.i not in b.quoted and x.is_alpha)
    if inside and outside < 3:
        return  # a direct quote with a speech tag: the quotes pass has it
    for speaker, conf in b.speakers.teller(t):
        b.add(speaker, span.text, "indirect", span.start_char, span.end_char, conf * 0.9)
        if t.i in b.spoken:
            b.relayed.add((span.start_char, span.end_char))


def _relayed(b: _Builder, verb: Token) -> bool:
    """Inside a speaker's turn, what someone else named told them is that one's speech (a government too:
    'the Chinese side told us …'; 'Mr. Chen told us that …'); 'we told him …' stays the speaker's."""
    subject = b.speakers.subject_of(verb)
    m = b.index.at(subject.i) if subject is not None else None
    if m is None:  # "They told us …", "We were told …", "lawyers, including X, who told us …"
        return subject is not None and subject.lower_ in ("who", "that", "they", "we", "i") and any(
            name != b.speakers.turn_speaker(verb) for name, _conf in b.speakers.teller(verb))
    return m.is_actor and m.kind in ("Person", "Organization", "Government") \
        and m.canonical != b.speakers.turn_speaker(verb)


def _characterized(verb: Token, talks: frozenset[str]) -> Token | None:
    """The talks a characterizing verb judges: its object is a dialogue term and it says what
    they are ('called the dialogue worthless', 'described the talks as a sham'), else None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in talks), None)
    if obj is None:
        return None
    says = any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or (c.dep_ == "prep" and c.lower_ == "as")
               for c in verb.children) or any(c.dep_ in ("amod", "prep") and c.i > obj.i and c.lower_ in ("as",)
                                              for c in obj.children)
    return obj if says else None


def _extend_clause(b: _Builder, verb: Token, hi: int) -> int:
    """'X says that A, but without B': trailing modifiers of the saying belong to what was said."""
    if verb.i > hi:
        return hi
    sent_end = sent_of(verb).end
    # "told the panel that A, and that B": the second that-clause is said too
    seconds = [c for c in verb.children if c.i >= hi and _that_clause(c)]
    second = seconds[0].left_edge.i if seconds else sent_end
    end = seconds[-1].right_edge.i + 1 if seconds else hi
    tail = [t for t in b.doc[hi:second] if not t.is_punct and not t.is_space]
    if any(t.i in b.quoted for t in tail):
        return hi
    if not tail:
        return end
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in tail) \
            and all(_attached_to(t, verb, ("prep", "advcl", "cc", "conj", "advmod")) for t in tail):
        return max(second, end)
    # "that the delegation had raised A's detention, B's imprisonment and the case of C, who …": the
    # parse hung the list's later items on the saying verb as objects; they are still what was said
    if _attached_to(tail[0], verb, ("dobj",)) and all(
            _attached_to(t, verb, ("dobj", "cc", "conj", "prep")) for t in tail):
        return max(second, end)
    return hi


def _attached_to(tok: Token, verb: Token, deps: tuple[str, ...]) -> bool:
    t = tok
    while t.head.i != verb.i and t.head.i != t.i:
        t = t.head
    return t.head.i == verb.i and t.dep_ in deps


def _urge_target(b: _Builder, verb: Token) -> Token | None:
    """The addressee of 'call on X to …', 'urge X to …' when an infinitive follows."""
    if not any(c.dep_ in ("xcomp", "ccomp") for c in verb.subtree if c.i > verb.i):
        return None
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def attitude_pass(b: _Builder) -> None:
    """'X is skeptical that CLAUSE', 'X was confident that …': an attitude reported as speech."""
    adjectives = b.k.words("attitude_adjectives")
    for t in tokens_of(b.doc):
        if t.lemma_.lower() not in adjectives or t.dep_ != "acomp" or t.i in b.quoted or t.i in b.spoken:
            continue
        clause = next((c for c in t.children if c.dep_ == "ccomp"), None)
        if clause is None:
            continue
        hi = clause.right_edge.i + 1
        while hi > t.i and (b.doc[hi - 1].is_punct or b.doc[hi - 1].is_space):
            hi -= 1
        span = b.doc[t.i:hi]
        if any(x.i in b.quoted for x in span):
            continue
        for speaker, conf in b.speakers.resolve_all(b.speakers.subject_of(t.head)):
            b.add(speaker, span.text, "indirect", span.start_char, span.end_char, conf * 0.8)


def according_pass(b: _Builder) -> None:
    """'According to X, CLAUSE.' / 'In X's words (view), CLAUSE.' outside quotation marks."""
    for t in tokens_of(b.doc):
        if t.i in b.quoted or t.i in b.in_turn or t.i + 2 >= len(b.doc):
            continue
        nxt = b.doc[t.i + 1]
        if t.lower_ == "according" and nxt.lower_ == "to":
            who = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            end = who.right_edge.i + 1 if who is not None else None
        elif t.lower_ == "in" and (noun := next((c for c in t.children if c.dep_ == "pobj"), None)) is not None \
                and noun.lemma_.lower() in b.k.words("view_nouns"):
            who = next((c for c in noun.children if c.dep_ == "poss"), None)
            end = noun.i + 1
        else:
            continue
        sent = sent_of(t)
        if who is None or end is None or end >= sent.end or b.doc[end].text != ",":
            continue
        lo, hi = end + 1, sent.end
        while hi > lo and (b.doc[hi - 1].is_punct or b.doc[hi - 1].is_space):
            hi -= 1
        span = b.doc[lo:hi]
        if any(x.i in b.quoted for x in span):
            continue
        for speaker, conf in b.speakers.resolve_all(who):
            b.add(speaker, span.text, "indirect", span.start_char, span.end_char, conf * 0.85)
