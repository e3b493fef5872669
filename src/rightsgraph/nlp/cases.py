"""Cases: persons whose rights are at stake (with status) and thematic issues (thesaurus)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Case
from ..model import Span as Evidence
from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .stance import find_cues
from .textspans import doc_text, sent_of

__all__ = ["find_cases", "status_of", "status_label", "line_before", "listed_line", "possessor", "holds_office",
           "describes_person", "STATUS_ORDER"]

#: when cues of several kinds surround a name, the later state wins ("escaped detention" -> exiled)
STATUS_ORDER = ("exiled", "released", "missing", "detained")
CONTEXT_DEPS = {"aux", "auxpass", "neg", "prep", "acomp", "attr", "advmod", "xcomp", "agent", "oprd", "prt"}
CLIMB_DEPS = {"appos", "conj", "pobj", "prep", "compound"}
#: verbs whose active subject does the holding or freeing, and is not held or freed by it
AGENT_VERBS = {"hold", "detain", "arrest", "jail", "imprison", "sentence", "release", "free", "convict", "charge"}
RELEASE_WORDS = {"release", "released", "freed", "free", "reappear", "reappeared", "paroled"}


def _subject_verb(tok: Token) -> tuple[Token, Token | None]:
    """Climb out of lists and appositions ('some, including lawyers A and B, have …') to the clause."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ in ("VERB", "AUX"):
            return t, t.head
        if t.dep_ in CLIMB_DEPS and t.head.i != t.i:
            t = t.head
        else:
            break
    return t, None


def _noun_phrase(tok: Token) -> Token:
    """The head of the noun phrase a name token sits in ('Wen' -> 'lawyer' in 'the jailed lawyer Li Wen')."""
    t = tok
    while t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    return t


def _words_of(np: Token) -> set[int]:
    """The noun phrase's own words ('the jailed lawyer Li Wen'), not a relative clause hung on it:
    which noun 'who is being held' belongs to is the parser's guess, so it stays shared."""
    clauses = {t.i for c in np.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return {t.i for t in np.subtree} - clauses


def _whose_subject(clause: Token) -> bool:
    """A relative clause whose subject is 'whose NOUN' ('whose son was jailed')."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "whose" for g in c.children)
               for c in clause.children)


def _context_text(m: Mention, doc: Doc, others: frozenset[int] = frozenset()) -> str:
    root = doc[m.start:m.end].root
    parts: list[tuple[int, str]] = []
    # another person's noun phrase inside this name's ("X, the wife of the jailed lawyer Y") is Y's
    # (names in one list share what is said of the list: "lawyers A and B, who have been held")
    together = {root.i, *(c.i for c in root.conjuncts)}
    theirs = {j for i in others if root.left_edge.i <= i <= root.right_edge.i
              and _noun_phrase(doc[i]).i not in together and doc[i].head.i not in together
              for j in _words_of(_noun_phrase(doc[i])) if not (m.start <= j < m.end)}
    # "X, whose husband was detained in March, …": that clause is about the husband, not X
    theirs |= {t.i for c in root.children if c.dep_ == "relcl" and _whose_subject(c) for t in c.subtree}
    for t in root.subtree:
        if not (m.start <= t.i < m.end) and t.i not in theirs:
            parts.append((t.i, t.text_with_ws))
    # the nouns and prepositions above the name: "the release of X", "the whereabouts of X"
    t = root
    while t.dep_ in ("pobj", "prep", "appos", "compound", "conj") and t.head.i != t.i:
        if t.dep_ == "prep" and t.head.pos_ == "VERB" and t.head.dep_ == "acl" and t.head.head.pos_ == "NOUN":
            # "the life sentence imposed on X", "the charges brought against X": the noun is X's
            parts.extend((x.i, x.text_with_ws) for x in (t.head, t.head.head))
            parts.extend((c.i, c.text_with_ws) for c in t.head.head.children if c.dep_ in ("compound", "amod"))
            break
        if t.dep_ == "prep" and t.head.pos_ == "VERB" and t.lower_ not in ("from", "in", "under"):
            break  # "held talks with X", "met by X": X is not what the verb is about
        sibling = t.dep_ == "conj" and t.head.pos_ == "NOUN" and _names_another(t.head, others)
        t = t.head
        if sibling:  # "the release of A and an end to the confinement of B": the first noun is A's
            continue
        parts.append((t.i, t.text_with_ws))
        if t.pos_ == "VERB":  # "have not heard from X": the verb with its auxiliaries and negation
            parts.extend((c.i, c.text_with_ws) for c in t.children if c.dep_ in ("aux", "neg", "auxpass"))
            break
        # the head noun's determiner and adjectives: "the jailed lawyer X" (X in apposition)
        parts.extend((c.i, c.text_with_ws) for c in t.children if c.dep_ in ("det", "amod") and c.i not in theirs)
    top, verb = _subject_verb(root)
    # "held talks with X": the verb's object is the talks, and X only their partner
    partner = top.dep_ == "dobj" and top.i != root.i and any(
        t.dep_ == "pobj" for t in (root, *root.ancestors) if t.i != top.i and top.is_ancestor(t))
    if verb is not None and not partner:
        transitive = top.dep_ == "nsubj" and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
        if not (transitive and verb.lemma_.lower() in AGENT_VERBS):  # "X held talks", "X freed Y": X is the doer
            parts.append((verb.i, verb.text_with_ws))
        if not transitive:  # "X remains in custody", "X was detained": not "X raised detained lawyers"
            for c in verb.children:
                if c.dep_ in CONTEXT_DEPS and not any(t.i in others for t in c.subtree):
                    # "X asked about the whereabouts of Y": Y's state, not X's
                    parts.extend((t.i, t.text_with_ws) for t in c.subtree)
    return "".join(text for _i, text in sorted(set(parts)))


def _names_another(noun: Token, others: frozenset[int]) -> bool:
    """A noun whose own phrase names another person ('the release of A'): what it says is A's."""
    return any(t.i in others for t in noun.subtree)


def status_of(m: Mention, doc: Doc, knowledge: Knowledge, index: MentionIndex | None = None) -> str | None:
    """detained | missing | released | exiled from cue words in the name's own clause, else None.
    With `index`, a phrase of the clause that names another person is that person's, not m's."""
    others = frozenset(i for o in (index.mentions if index is not None else ()) if o.kind == "Person"
                       and o.canonical != m.canonical for i in range(o.start, o.end))
    text = _context_text(m, doc, others) + " " + status_label(m, doc) + " " + listed_line(m, doc, index)
    # "urged that China release X", "would free X": a release verb in its base form is asked for or
    # supposed, not done (the done one is "released", "freed", "releases")
    _top, verb = _subject_verb(doc[m.start:m.end].root)
    unreal = verb is not None and verb.lower_ in RELEASE_WORDS and verb.tag_ == "VB"
    found, asked = set(), False
    own = {w.lower() for w in m.text.split()}
    low = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    for status in STATUS_ORDER:
        for off, phrase in find_cues(text, knowledge.status_phrases[status]):
            if _anothers(low, off, own):
                continue  # "after his uncle's escape": the uncle's
            if status == "released" and phrase in RELEASE_WORDS and (unreal or _demanded(text, phrase, knowledge)):
                # a release asked for: held, unless it is another's ("appealed for the release of her
                # husband", "for his release") or the text says where they live
                asked = asked or not _someone_elses(text, phrase, knowledge.words("possessive_pronouns"))
                continue
            found.add(status)
    if asked and not find_cues(_own_clauses(m, doc), knowledge.phrases("residence_cues")):
        found.add("detained")  # "X, who lives in California, appealed for his release": not X's
    for status in STATUS_ORDER:
        if status in found:
            return status
    return _described_status(m, doc, knowledge, index)


def _described_status(m: Mention, doc: Doc, knowledge: Knowledge, index: MentionIndex | None) -> str | None:
    """The name's own description as printed, where the parse lost it ('…; the lawyer X, who has been
    in detention since May; …'): the words after the name up to the next semicolon, sentence end or
    person, when they open with a relative clause about the person ('X, who …', 'X, a lawyer who …')."""
    sent_end = sent_of(doc[m.start]).end
    stop = next((t.i for t in doc[m.end:sent_end] if t.text == ";"), sent_end)
    if index is not None:
        stop = min([o.start for o in index.mentions if o.kind == "Person" and m.end <= o.start < stop], default=stop)
    start = m.end
    if start < stop and doc[start].lower_ == "of":  # "Pastor X of Zhejiang, detained in May"
        start = next((t.i for t in doc[start:stop] if t.text == ","), stop)
    # the description ends at the comma that closes it ('X, who led the delegation, held talks …')
    stop = next((t.i for t in doc[start + 1:stop] if t.text == "," and t.i + 1 < len(doc)
                 and doc[t.i + 1].lower_ not in ("and", "who", "but", "or")), stop)
    words = [t.lower_ for t in doc[start:stop]]
    participle = len(words) > 1 and doc[start + 1].tag_ == "VBN"  # "X, sentenced to eight years; …"
    if len(words) < 3 or words[0] != "," or not ("who" in words[1:6] or participle) or "whose" in words[1:6]:
        return None  # "X, whose husband was detained": that clause is the husband's
    text = doc[start:stop].text
    return next((status for status in STATUS_ORDER if status != "released"
                 and find_cues(text, knowledge.status_phrases[status])), None)


def _anothers(low: str, offset: int, own: set[str]) -> bool:
    """A cue after a noun's possessive that is not the person's name ('his uncle's escape', not
    'Chen Kegui's release'). `low` is the text lower-cased with its spaces collapsed; `offset` is
    find_cues' (into the normalised text, one space ahead)."""
    owner = re.search(r"([\w-]+)'s\s*$", low[:max(0, offset - 1)])
    return owner is not None and owner.group(1) not in own


def _someone_elses(text: str, word: str, pronouns: frozenset[str]) -> bool:
    """'his release', 'the release of her husband': a pronoun names whose release it is."""
    low = text.lower()
    i = low.find(word)
    before = re.findall(r"[\w']+", low[:i])[-1:]
    after = re.findall(r"[\w']+", low[i + len(word):])[:2]
    return bool(set(before) & pronouns) or (len(after) == 2 and after[0] == "of" and after[1] in pronouns)


def status_label(m: Mention, doc: Doc) -> str:
    """'Chen Kegui — DETAINED.', 'Li Ming – RELEASED ON BAIL': a case list's capitalised status label
    (not the 'I' of a turn: 'Hua Chunying: I have answered that')."""
    i = m.end
    if i + 1 >= len(doc) or doc[i].text not in ("—", "–", "-", ":"):
        return ""
    words = []
    for t in doc[i + 1:i + 6]:
        if not (t.is_alpha and t.is_upper and len(t.text) > 1):
            break
        words.append(t.text)
    return " ".join(words)


def line_before(m: Mention, doc: Doc) -> str:
    """What its line prints before the name: nothing, a bullet or a number, or words."""
    text, start = doc_text(doc), doc[m.start].idx
    return text[text.rfind("\n", 0, start) + 1:start]


def listed_line(m: Mention, doc: Doc, index: MentionIndex | None = None) -> str:
    """The rest of a bulleted line that opens with the name ('- Wang Yu, a lawyer, taken from her home
    on 9 July; her whereabouts are unknown.'): the name's own description, up to the next person."""
    text = doc_text(doc)
    start = doc[m.start].idx
    prefix = line_before(m, doc)
    if not prefix.strip() or re.sub(r"[\s\-*•\u2013\u2014\d.)]", "", prefix):
        return ""  # no bullet before the name, or words
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if index is not None:
        end = min([doc[o.start].idx for o in index.mentions if o.kind == "Person" and o.canonical != m.canonical
                   and doc[m.end - 1].idx < doc[o.start].idx < end], default=end)
    return text[doc[m.end - 1].idx + len(doc[m.end - 1].text):end]


def _own_clauses(m: Mention, doc: Doc) -> str:
    """The relative clauses hung on the name itself ('Li Ming, who lives in California, …')."""
    root = doc[m.start:m.end].root
    return " ".join(doc[c.left_edge.i:c.right_edge.i + 1].text for c in root.children if c.dep_ in ("relcl", "acl"))


def _demanded(text: str, word: str, knowledge: Knowledge) -> bool:
    """'urged China to free X', 'called for the release of X': the person is still held (not 'X
    was released on bail')."""
    low = text.lower()
    before = re.findall(r"[\w']+", low[:max(0, low.find(word))])[-4:]
    return bool(set(before) & knowledge.words("demand_words"))


def _listed_as_case(m: Mention, doc: Doc, knowledge: Knowledge) -> bool:
    """'the cases of A, B and C', 'prisoners including A', 'the release of A': A is a case."""
    sent = sent_of(doc[m.start])
    window = doc[max(sent.start, m.start - 8):m.start].text.lower()
    return bool(find_cues(window, knowledge.phrases("case_cues")))


def holds_office(m: Mention, knowledge: Knowledge) -> bool:
    """A person named with an office ('Premier Wen Jiabao', 'Treasury Secretary X') is an official the
    talks are held with or about, not a case."""
    role = (m.role or "").lower()
    return m.kind == "Person" and any(role == t or role.endswith(" " + t) for t in knowledge.words("office_titles"))


def possessor(m: Mention, doc: Doc, knowledge: Knowledge) -> bool:
    """A person named as the owner of something ("Li Ming's lawyer", "his wife's letter"): not the one
    raised. The owner of a plight is ("Li Ming's detention", "X's case", "Y's whereabouts")."""
    root = doc[m.start:m.end].root
    owns = root.dep_ == "poss" or (m.end < len(doc) and doc[m.end].text in ("'s", "’s"))
    return m.kind == "Person" and owns and root.head.lemma_.lower() not in knowledge.words("plight_nouns")


def describes_person(m: Mention, doc: Doc, index: MentionIndex) -> bool:
    """An issue word used to describe a person ('the Uighur scholar X', 'X, a Tibetan monk'): the
    person is the case, not the issue."""
    if m.kind != "Issue":
        return False
    root = doc[m.start:m.end].root
    if root.dep_ not in ("compound", "amod", "nmod") or m.start <= root.head.i < m.end:
        return False
    head = root.head

    def person(t: Token) -> bool:
        return (found := index.at(t.i)) is not None and found.kind == "Person"

    return person(head) or (head.dep_ == "appos" and person(head.head)) \
        or any(c.dep_ == "appos" and person(c) for c in head.children) \
        or any(person(c) for c in head.children if c.dep_ == "compound")


def find_cases(doc: Doc, index: MentionIndex, knowledge: Knowledge, article_id: str,
               raised: set[str] | None = None) -> list[Case]:
    """Issues from the thesaurus; persons with a status cue or raised as cases (status unknown)."""
    raised = raised or set()
    issues: dict[str, set[str]] = {}
    persons: dict[str, tuple[str | None, Mention]] = {}
    for m in index.mentions:
        if m.kind == "Issue" and m.canonical:
            if not describes_person(m, doc, index):  # "the Uighur scholar X": X is the case
                issues.setdefault(m.canonical, set()).add(m.text)
        elif m.kind == "Person" and m.canonical:
            entry = knowledge.by_name.get(m.canonical)
            if (entry is not None and entry.role) or holds_office(m, knowledge):
                continue  # a known official is an actor, not a case
            status = status_of(m, doc, knowledge, index)
            prev = persons.get(m.canonical)
            if status is not None and (prev is None or prev[0] is None
                                       or STATUS_ORDER.index(status) < STATUS_ORDER.index(prev[0])):
                persons[m.canonical] = (status, m)
            elif prev is None and (m.canonical in raised or _listed_as_case(m, doc, knowledge)):
                persons[m.canonical] = (None, m)
    cases = [Case(name=n, kind="Issue", aliases=tuple(sorted(a - {n}))) for n, a in sorted(issues.items())]
    for name, (status, m) in sorted(persons.items()):
        sent = sent_of(doc[m.start])
        cases.append(Case(name=name, kind="Person", status=status or "unknown",  # type: ignore[arg-type]
                          sentence=Evidence(article_id, sent.start_char, sent.end_char, sent.text),
                          confidence=0.7 if status else 0.6))
    return cases
