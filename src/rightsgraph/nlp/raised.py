"""Relations 'raised': who brought up which case or issue.

- the subject of a raise-type verb raised every person and issue on its object side ('raised the
  cases of A, B and C'), as does what an urger asks for ('urged China to release A') and what a
  speaker is concerned about ('expressed concern over B');
- a list after a colon ('Among those X is calling on … to raise are:') names the cases X raised;
- the speaker of an advocacy statement raised the issues (and, in derived.py, the case persons)
  its words name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Relation, Statement
from .cases import describes_person, holds_office, line_before, listed_line, possessor, status_label, status_of
from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .phrases import evidence_of, listed_people, root_of
from .speakers import SpeakerResolver
from .stance import find_cues
from .textspans import BULLETS, doc_text, in_question, paragraphs, sent_of, span_of, token_at, tokens_of

__all__ = ["raised_relations", "raised_objects", "named_in_statements", "text_range"]

_NOT_OBJECT = ("nsubj", "nsubjpass", "agent", "aux", "auxpass", "neg", "punct", "cc", "conj")


def raised_relations(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
                     speakers: SpeakerResolver, statements: list[Statement]) -> list[Relation]:
    out: list[Relation] = []
    verbs = k.words("raise_verbs")
    particles = k.lexicon["raise_particles"]
    for t in tokens_of(doc):
        if t.lemma_.lower() not in verbs or t.pos_ != "VERB" or in_question(t):
            continue
        needs = particles.get(t.lemma_.lower())
        if needs and not any(c.lower_ in needs for c in t.children):
            continue  # "brought up", "put on the agenda", "asked about", "called for the release of", "talked about"
        agent = [c for c in t.children if c.dep_ == "agent"]
        subj = agent[0] if agent else speakers.subject_of(t)
        if subj is None and t.dep_ == "xcomp" and t.head.pos_ == "VERB":
            # "X urged Washington to raise the case of Y": X raised Y; "the delegation intends / plans to
            # raise …": the delegation
            subj = speakers.subject_of(t.head)
        if subj is None:
            continue
        for speaker, conf in speakers.resolve_all(subj if not agent else next(iter(agent[0].children), None)):
            for m in raised_objects(t, index, k):
                if m.canonical and m.canonical != speaker:
                    out.append(Relation(speaker, "raised", m.canonical, evidence_of(t, article_id),
                                        round(0.85 * conf, 2), "raise-verb"))
    out += _urged_for(doc, index, k, article_id, speakers)
    out += _concerns(doc, index, k, article_id, speakers)
    out += _listed(doc, index, k, article_id, speakers)
    out += _among_them(doc, index, k, article_id, speakers)
    out += _case_list(doc, index, k, article_id, speakers)
    out += _agenda(doc, index, k, article_id, speakers)
    out += _on_the_list(doc, index, k, article_id)
    out += named_in_statements(doc, index, k, statements, kinds=("Issue",))
    return out


def _on_the_list(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str) -> list[Relation]:
    """'Also on the American list was X', 'X is on Washington's list': whose list it is raised X."""
    out: list[Relation] = []
    demonyms = {d: e.name for e in k.actors if e.government for d in e.demonyms}
    for t in tokens_of(doc):
        if t.lemma_.lower() not in k.words("list_nouns") or t.dep_ != "pobj" or t.head.lower_ != "on":
            continue
        owners = [m.canonical if (m := index.at(c.i)) is not None and m.kind == "Government" else demonyms.get(c.text)
                  for c in t.children if c.dep_ in ("amod", "poss", "compound")]
        owner = next((o for o in owners if o), None)
        verb = t.head.head
        if owner is None or verb.pos_ not in ("AUX", "VERB"):
            continue
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "attr"):
                named = [m for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ("Person",)) if m.canonical]
                if named:
                    out.append(Relation(owner, "raised", named[0].canonical or "",
                                        evidence_of(t, article_id), 0.6, "on-the-list"))
    return out


def raised_objects(verb: Token, index: MentionIndex, knowledge: Knowledge) -> list[Mention]:
    """Persons and issues in the object side of a raise-type verb (lists included), not possessors
    and not officials."""
    out = []
    for c in verb.children:
        if c.dep_ in _NOT_OBJECT:
            continue
        for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ("Person", "Issue")):
            root = verb.doc[m.start:m.end].root
            # "raised it with X", "spoke to X": a partner; but "pointed to X": the verb's own particle
            partner = root.dep_ == "pobj" and root.head.lower_ in ("with", "to", "by") \
                and root.head.lower_ not in knowledge.lexicon["raise_particles"].get(verb.lemma_.lower(), ())
            if _not_raisable(m, verb.doc, index, knowledge) or (m.kind == "Person" and partner):
                continue
            out.append(m)
    if not out:
        return out
    end = max(c.right_edge.i for c in verb.children if c.dep_ not in _NOT_OBJECT)
    return out + _comma_items(verb.doc, end, sent_of(verb).end, index, knowledge) \
        + _semicolon_items(verb, out, index, knowledge)


def _not_raisable(m: Mention, doc: Doc, index: MentionIndex, knowledge: Knowledge) -> bool:
    """Named but not what is raised: an owner ("Li Ming's lawyer"), an official with an office, an
    issue word describing a person ("the Uighur scholar X")."""
    return possessor(m, doc, knowledge) or holds_office(m, knowledge) or describes_person(m, doc, index)


def _comma_items(doc: Doc, end: int, sent_end: int, index: MentionIndex, knowledge: Knowledge) -> list[Mention]:
    """'raised A's detention, B's imprisonment and the treatment of C': where the parse cut the list
    short, the comma and 'and' items after the verb's object still name cases: each item without a
    verb that names a person or issue; descriptions ('a lawyer', 'who …') are passed over; the
    first other item ends the list."""
    def separator(t: Token) -> bool:
        return t.text in (",", ";") or t.lower_ in ("and", "or")

    out: list[Mention] = []
    i = end + 1
    while i < sent_end and separator(doc[i]):
        start = next((t.i for t in doc[i:sent_end] if not separator(t)), sent_end)
        stop = next((t.i for t in doc[start:sent_end] if separator(t)), sent_end)
        if start >= sent_end:
            break
        i = stop
        if doc[start].lower_ in knowledge.words("description_openers"):
            continue
        named = [m for m in index.in_range(start, stop, ("Person", "Issue"))
                 if not _not_raisable(m, doc, index, knowledge)]
        if not named or any(t.pos_ in ("VERB", "AUX") for t in doc[start:stop]):
            break
        out.append(next((m for m in named if m.kind == "Person"), named[0]))
    return out


def _semicolon_items(verb: Token, found: list[Mention], index: MentionIndex, knowledge: Knowledge) -> list[Mention]:
    """'raised the cases of the lawyer A, who …; the journalist B, who …; and the scholar C': a list
    whose items carry their own clauses is cut at semicolons, and the parse rarely keeps B and C under
    the verb. Each semicolon item that opens with a person or issue (after at most a short descriptor,
    before any verb) continues the list."""
    sent = sent_of(verb)
    last = max(m.end for m in found)
    out: list[Mention] = []
    for semi in (t for t in sent if t.text == ";" and t.i >= last):
        start = semi.i + 1 + (semi.i + 1 < sent.end and verb.doc[semi.i + 1].dep_ == "cc")
        stop = next((t.i for t in verb.doc[start:sent.end] if t.text == ";" or t.pos_ in ("VERB", "AUX")), sent.end)
        opening = [m for m in index.in_range(start, min(stop, start + 6) + 3, ("Person", "Issue"))
                   if m.start < min(stop, start + 6)]  # "the Uighur scholar C": the person, not the modifier
        first = next((m for m in opening if m.kind == "Person"), opening[0] if opening else None)
        if first is None or possessor(first, verb.doc, knowledge) or holds_office(first, knowledge):
            break
        out.append(first)
    return out


def _listed(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
            speakers: SpeakerResolver) -> list[Relation]:
    """'Among those Amnesty International is calling on the US delegation to raise are:' and the
    list paragraphs after it, each opening with a person: the speaker raised each of them."""
    out: list[Relation] = []
    verbs, modals = k.words("raise_verbs") | k.words("urge_verbs"), k.words("urge_modals")
    paras = paragraphs(doc_text(doc))
    for n, (a, b) in enumerate(paras):
        if not doc_text(doc)[a:b].rstrip().endswith(":") or (span := span_of(doc, a, b)) is None:
            continue
        sent = sent_of(span[-1])
        # not what someone should do ("Cases the US delegation should raise include:"): the one urged
        intro = [t for t in sent if t.lemma_.lower() in verbs and t.pos_ == "VERB" and not in_question(t)
                 and not any(c.dep_ == "aux" and c.lower_ in modals for c in t.children)]
        if not intro:
            continue
        who = next((found for t in intro if (found := speakers.resolve_all(speakers.subject_of(t)))), [])
        if not who:  # "Among those Amnesty International is calling on …": the actor named before the verb
            named = [m for m in index.in_range(sent.start, intro[0].i, ("Person", "Organization", "Government"))]
            who = [(named[0].canonical, 0.6)] if named and named[0].canonical else []
        for first in listed_people(doc, index, paras[n + 1:]):
            out += [Relation(speaker, "raised", first.canonical or "", evidence_of(doc[first.start], article_id),
                             round(0.6 * conf, 2), "list-raised") for speaker, conf in who
                    if speaker != first.canonical]
    return out


def _among_them(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
                speakers: SpeakerResolver) -> list[Relation]:
    """'Among them, he said, is X', 'Among the names, he said, were A and B': the one who says so
    raised the people and issues the sentence lists (not those inside their own descriptions)."""
    out: list[Relation] = []
    reporting = k.words("reporting_verbs")
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is None or first.lower_ != "among" or first.i in speakers.quoted:
            continue
        tags = [t for t in sent if t.lemma_.lower() in reporting and t.pos_ == "VERB" and t.i not in speakers.quoted]
        who = _first_speakers(tags, speakers)
        if not who:  # "Among the prisoners whose cases U.S. officials raised were A, B and C": who raised them
            raising = [t for t in first.subtree if t.lemma_.lower() in k.words("raise_verbs") and t.dep_ == "relcl"]
            who = _first_speakers(raising, speakers)
            tags = raising
        if not who and sent.start > 0 and any(t.lower_ in ("them", "these", "those") for t in first.children):
            # "He raised the cases of several activists. Among them were A, B and C": who raised them
            who = _first_speakers([t for t in doc[sent.start - 1].sent if t.lemma_.lower() in k.words("raise_verbs")
                                   and t.pos_ == "VERB"], speakers)
        if not who:
            continue
        tag_words = {x.i for t in tags for x in t.subtree}
        for m in index.in_range(sent.start, sent.end, ("Person", "Issue")):
            root = root_of(m, doc)
            if m.start in tag_words or not m.canonical or _described(root, sent.root):
                continue
            out += [Relation(speaker, "raised", m.canonical, evidence_of(doc[m.start], article_id),
                             round(0.7 * conf, 2), "among-them") for speaker, conf in who if speaker != m.canonical]
    return out


def _first_speakers(verbs: list[Token], speakers: SpeakerResolver) -> list[tuple[str, float]]:
    """The speakers of the first of `verbs` whose subject resolves to anyone."""
    return next((found for t in verbs if (found := speakers.resolve_all(speakers.subject_of(t)))), [])


def _described(tok: Token, top: Token) -> bool:
    """Whether `tok` is inside another name's description ('X, the wife of Y', 'X, who represented Z')."""
    while tok.i != top.i and tok.head.i != tok.i:
        listed = tok.dep_ == "appos" and any(t.text == ";" for t in tok.doc[tok.head.i:tok.i])
        if not listed and (tok.dep_ in ("relcl", "acl", "appos") or (tok.dep_ == "pobj" and tok.head.lower_ == "of")):
            return True  # (an 'apposition' after a semicolon is the list's next item: 'A, a monk; B, a lawyer')
        tok = tok.head
    return False


def _agenda(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
            speakers: SpeakerResolver) -> list[Relation]:
    """'She said the talks also covered Tibet, Xinjiang and labor rights': what a speaker reports
    the talks covered, the speaker raised. The talks covering something in the narrator's own
    words names nobody."""
    out: list[Relation] = []
    for t in tokens_of(doc):
        if t.lemma_.lower() not in k.words("agenda_verbs") or t.pos_ != "VERB" or in_question(t) \
                or t.dep_ != "ccomp" or t.head.lemma_.lower() not in k.words("reporting_verbs"):
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        named = index.at(subj[0].i) if subj else None
        if not subj or (named.kind != "Event" if named is not None
                        else subj[0].lemma_.lower() not in k.words("dialogue_terms")):
            continue  # the talks (a dialogue word or the dialogue's name) covered …
        out += _raised_by(t.head, raised_objects(t, index, k), speakers, article_id, 0.6, "talks-covered")
    return out


def _case_list(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
               speakers: SpeakerResolver) -> list[Relation]:
    """A release's case list ('Chen Kegui — DETAINED. The nephew of …', '- Wang Yu, a lawyer taken from
    her home on 9 July'): the issuer raised every person its lines open with a status label for, or a
    bullet and a description that gives a status."""
    out: list[Relation] = []
    for m in index.mentions:
        if m.kind != "Person" or not m.canonical \
                or not (status_label(m, doc) or (listed_line(m, doc, index) and status_of(m, doc, k, index))) \
                or line_before(m, doc).strip(" -*•\t0123456789.)"):
            continue
        # who lists them: the subject of the line that opens the list ('The letter lists …, among
        # them:' -> the letter's senders), else the issuer
        issuers = _list_openers(doc, m, speakers) or ([(speakers.voice, 1.0)] if speakers.voice else [])
        out += [Relation(name, "raised", m.canonical, evidence_of(doc[m.start], article_id), 0.55, "case-list")
                for name, _conf in issuers if name != m.canonical]
    return out


def _list_openers(doc: Doc, m: Mention, speakers: SpeakerResolver) -> list[tuple[str, float]]:
    """The speakers of the line ending in ':' just above the list that holds `m` (the list's other
    lines may stand between)."""
    text = doc_text(doc)
    at = text.rfind("\n", 0, doc[m.start].idx)
    while at > 0:
        prev = text.rfind("\n", 0, at)
        line = text[prev + 1:at].strip()
        if line and not line.startswith(BULLETS) and not line[:1].isdigit():
            if not line.endswith(":"):
                return []
            verb = token_at(doc, at - 1)
            root = verb.sent.root if verb is not None else None
            subj = speakers.subject_of(root) if root is not None and root.pos_ == "VERB" else None
            if subj is not None and subj.pos_ == "NOUN" and speakers.index.at(subj.i) is None \
                    and subj.lemma_.lower() not in speakers.k.words("document_nouns") | speakers.k.words("group_nouns"):
                return []  # "Cases the US delegation should raise include:" names no one who lists them
            return speakers.resolve_all(subj)
        at = prev
    return []


def _raised_by(verb: Token, objects: list[Mention], speakers: SpeakerResolver, article_id: str, conf: float,
               rule: str) -> list[Relation]:
    return [Relation(speaker, "raised", m.canonical, evidence_of(verb, article_id), round(conf * s_conf, 2), rule)
            for speaker, s_conf in speakers.resolve_all(speakers.subject_of(verb))
            for m in objects if m.canonical and m.canonical != speaker]


def _urged_for(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
               speakers: SpeakerResolver) -> list[Relation]:
    """'X urged China to release A, to lift the house arrest of B and to end …', 'X asked that officials
    press for the release of A': X raised A and B (the cases and issues of what X asks for; the one
    urged is not among them)."""
    out: list[Relation] = []
    for t in tokens_of(doc):
        if t.lemma_.lower() not in k.words("urge_verbs") or t.pos_ != "VERB" or t.i in speakers.quoted \
                or in_question(t):
            continue
        # "to release A" ; "asked that officials press for the release of A" (a demand's bare verb)
        acts = [c for c in t.subtree if c.pos_ in ("VERB", "AUX") and c.i > t.i
                and c.dep_ in ("xcomp", "ccomp", "acl", "conj") and _within(c, t, 4)
                and (any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                     or (c.dep_ == "ccomp" and c.tag_ in ("VB", "VBP") and c.head.i == t.i))]
        objects = [m for a in acts for m in raised_objects(a, index, k)]
        out += _raised_by(t, objects, speakers, article_id, 0.75, "urged-for")
    return out


def _within(tok: Token, ancestor: Token, steps: int) -> bool:
    for _ in range(steps):
        if tok.head.i == ancestor.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _concerns(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
              speakers: SpeakerResolver) -> list[Relation]:
    """'X expressed concern about A', 'X remains deeply concerned by B': X raised A and B."""
    out: list[Relation] = []
    preps = k.words("concern_preps")
    for t in tokens_of(doc):
        if t.lower_ not in k.words("concern_words") and t.lemma_.lower() not in k.words("concern_words"):
            continue
        if t.i in speakers.quoted or in_question(t) or t.dep_ not in ("acomp", "dobj", "attr", "ROOT", "conj", "oprd"):
            continue
        objects = [m for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                   for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ("Person", "Issue"))
                   if not possessor(m, doc, k) and not describes_person(m, doc, index)]
        verb = t.head if t.dep_ != "ROOT" else t
        out += _raised_by(verb, objects, speakers, article_id, 0.75, "concern-about")
    return out


def text_range(doc: Doc, st: Statement) -> tuple[int, int]:
    """Where the statement's words stand in the body (its sentence when they were rejoined)."""
    a = doc_text(doc).find(st.text, st.sentence.begin)
    return (a, a + len(st.text)) if a != -1 else (st.sentence.begin, st.sentence.end)


def named_in_statements(doc: Doc, index: MentionIndex, k: Knowledge, statements: list[Statement], *,
                         kinds: tuple[str, ...], only: set[str] | None = None) -> list[Relation]:
    """The speaker of an advocacy statement (it asks, presses, condemns) raised the issues and case
    persons its words name; an official merely mentioning an issue is not raising it. Telling of a
    person's detention ('X is still locked up', 'Y has not been seen') raises that person."""
    out = []
    cues = set(k.phrases("advocacy_cues")) | (set(k.phrases("repression_cues")) if "Person" in kinds else set())
    ordered = tuple(sorted(cues, key=len, reverse=True))
    for st in statements:
        if not find_cues(st.text, ordered):
            continue
        lo, hi = text_range(doc, st)
        for m in index.mentions:
            if m.kind in kinds and m.canonical and lo <= doc[m.start].idx < hi \
                    and (only is None or m.canonical in only) and m.canonical != st.speaker \
                    and not describes_person(m, doc, index):
                out.append(Relation(st.speaker, "raised", m.canonical, st.sentence, 0.5, "statement-names-case"))
    return out
