"""The project's own scorer: a graph against gold JSON annotations (../shared/eval/GOLD_FORMAT.md).

Entities match by normalised name: the extracted label or any alias against the gold name or
its aliases (an alias shared by two gold entities matches neither). Statements match when the
gold quote is inside the extracted text (or the extracted text, five words or more, inside the
quote) and the speaker is the gold speaker; stance accuracy is over matched statements.
Relations match as (subject, predicate, object) of matched entities, symmetric ones either way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from .errors import InputError
from .vocab import PREDICATES, RDF, RDFS, RG, SKOS, SYMMETRIC

__all__ = ["Score", "Report", "evaluate_graph", "format_report", "load_gold"]

_STANCE = {"Critical": "criticizes", "Supportive": "defends", "Neutral": "neutral"}


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    s = re.sub(r"\bu\.?s\.?(?=\W|$)", "us", s)
    s = re.sub(r"^(the|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", "", s.strip())
    return " ".join(re.findall(r"[\w']+", s))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold().replace("’", "'")))


@dataclass
class Score:
    """`correct` of `predicted` extracted items are right; `found` of `gold` items were extracted."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    categories: dict[str, Score]
    predicates: dict[str, Score]
    stance_accuracy: float

    def as_dict(self) -> dict[str, Any]:
        def one(s: Score) -> dict[str, Any]:
            return {**asdict(s), "precision": round(s.precision, 3), "recall": round(s.recall, 3),
                    "f1": round(s.f1, 3)}
        return {"categories": {k: one(v) for k, v in self.categories.items()},
                "predicates": {k: one(v) for k, v in self.predicates.items()},
                "stance_accuracy": round(self.stance_accuracy, 3)}


@dataclass
class _Gold:
    names: dict[str, str]  # normalised name/alias -> canonical
    kinds: dict[str, set[str]]  # canonical -> {Person, Organization, Event, Case}
    statements: list[dict[str, Any]]
    relations: set[tuple[str, str, str]]


def load_gold(gold_dir: Path) -> _Gold:
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"no gold files (*.json) in {gold_dir}; see ../shared/eval/GOLD_FORMAT.md")
    owners: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    statements, relations = [], set()
    same: dict[str, str] = {}  # one entity per normalised canonical name across files ("US"/"U.S. delegation")

    def one(name: str) -> str:
        return same.setdefault(_key(name), name)

    for f in files:
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(f"cannot read gold file {f}: {e}") from e
        entries = [(a["name"], a["type"], a.get("aliases") or []) for a in d.get("actors", [])]
        entries += [(c["name"], "Case", c.get("aliases") or []) for c in d.get("cases", [])]
        for name, kind, aliases in entries:
            name = one(name)
            kinds.setdefault(name, set()).add(kind)
            for n in (name, *aliases):
                owners.setdefault(_key(n), set()).add(name)
        statements += [{**st, "speaker": one(st["speaker"])} if st.get("speaker") else st
                       for st in d.get("statements", [])]
        for r in d.get("relations", []):
            relations.add(_rel(one(r["s"]), r["p"], one(r["o"])))
    names = {n: next(iter(o)) for n, o in owners.items() if len(o) == 1}
    for canonical in kinds:
        names[_key(canonical)] = canonical
    return _Gold(names, kinds, statements, relations)


def _rel(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC else (s, p, o)


def _kinds_of(g: Graph, node: URIRef) -> set[str]:
    types = {str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in g.objects(node, RDF.type)}
    out: set[str] = {k for k in ("Person", "Organization", "Event") if k in types}
    if types & {"Case", "Issue"}:
        out.add("Case")
    return out


def evaluate_graph(graph_file: Path, gold_dir: Path) -> Report:
    gold = load_gold(gold_dir)
    g = Graph()
    try:
        g.parse(graph_file, format="trig" if graph_file.suffix == ".trig" else "turtle")
    except (OSError, UnicodeDecodeError, SyntaxError) as e:
        raise InputError(f"cannot read graph {graph_file}: {e}") from e
    match: dict[URIRef, str | None] = {}
    labels: dict[URIRef, str] = {}
    for node in set(g.subjects(RDF.type, None)):
        if not isinstance(node, URIRef) or not _kinds_of(g, node):
            continue
        label = next((str(o) for o in g.objects(node, RDFS.label) if isinstance(o, Literal)), str(node))
        labels[node] = label
        hit = gold.names.get(_key(label))
        if hit is None:
            alts = {gold.names.get(_key(str(a))) for a in g.objects(node, SKOS.altLabel)} - {None}
            hit = alts.pop() if len(alts) == 1 else None
        match[node] = hit

    cats = {}
    for cat, want in (("actors", {"Person", "Organization"}), ("cases", {"Case"})):
        gold_set = {n for n, k in gold.kinds.items() if k & want}
        pred = [n for n in match if _kinds_of(g, n) & want]
        found = {match[n] for n in pred if match[n] is not None}
        cats[cat] = Score(correct=len(found), predicted=len(pred), found=len(found & gold_set), gold=len(gold_set),
                          missed=sorted(gold_set - found),
                          spurious=sorted(labels[n] for n in pred if match[n] is None))

    st_score, stance_ok = _statements(g, gold, match)
    cats["statements"] = st_score
    rel_pred: set[tuple[str, str, str]] = set()
    unmatched = []
    for p in PREDICATES:
        for s, o in g.subject_objects(RG[p]):
            gs = match.get(s) if isinstance(s, URIRef) else None
            go = match.get(o) if isinstance(o, URIRef) else None
            if gs and go:
                rel_pred.add(_rel(gs, p, go))
            else:
                unmatched.append(f"{labels.get(s, str(s))} {p} {labels.get(o, str(o))}")  # type: ignore[call-overload]
    per_pred = {}
    for p in PREDICATES:
        gp = {r for r in gold.relations if r[1] == p}
        pp = {r for r in rel_pred if r[1] == p}
        per_pred[p] = Score(len(gp & pp), len(pp) + sum(1 for u in unmatched if f" {p} " in u), len(gp & pp), len(gp),
                            sorted(" ".join(r) for r in gp - pp), sorted(" ".join(r) for r in pp - gp))
    tp = len(gold.relations & rel_pred)
    cats["relations"] = Score(tp, len(rel_pred) + len(unmatched), tp, len(gold.relations),
                              sorted(" ".join(r) for r in gold.relations - rel_pred),
                              sorted([" ".join(r) for r in rel_pred - gold.relations] + unmatched))
    return Report(cats, per_pred, stance_ok)


def _statements(g: Graph, gold: _Gold, match: dict[URIRef, str | None]) -> tuple[Score, float]:
    extracted = []
    for st in g.subjects(RDF.type, RG.Statement):
        text = _words(" ".join(str(t) for t in g.objects(st, RG.text)))
        speaker = next(iter(g.objects(st, RG.speaker)), None)
        stance = next(iter(g.objects(st, RG.stance)), None)
        extracted.append((text, match.get(speaker) if isinstance(speaker, URIRef) else None,
                          _STANCE.get(str(stance).rsplit("#", 1)[-1], "") if stance else ""))
    used: set[int] = set()
    right_used: set[int] = set()
    tp = stance_hits = found = 0
    missed = []
    for s in gold.statements:
        q = _words(s["quote"])
        gold_speaker = gold.names.get(_key(s["speaker"]))
        cands = [i for i, (t, _sp, _st) in enumerate(extracted)
                 if t and (q in t or (len(t.split()) >= 5 and t in q))]
        right = [i for i in cands if extracted[i][1] == gold_speaker]
        if not cands:
            missed.append(f'{s["speaker"]}: {s["quote"][:70]}')
            continue
        i = (right or cands)[0]
        used.add(i)
        found += 1
        if right:
            tp += 1
            right_used.add(i)
        else:
            missed.append(f'wrong speaker {extracted[i][1]} for {s["speaker"]}: {s["quote"][:50]}')
        stance_hits += extracted[i][2] == s.get("stance")
    spurious = [t[:70] for i, (t, _sp, _st) in enumerate(extracted) if i not in used]
    score = Score(len(right_used), len(extracted), tp, len(gold.statements), missed, spurious)
    return score, (stance_hits / found if found else 0.0)


def format_report(report: Report, *, details: bool = True) -> str:
    lines = [f"{'':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'right':>6s} {'pred':>5s} {'found':>6s} {'gold':>5s}"]
    for name, s in [*report.categories.items(), *((f"  {p}", s) for p, s in report.predicates.items())]:
        lines.append(f"{name:12s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.correct:6d} {s.predicted:5d} "
                     f"{s.found:6d} {s.gold:5d}")
    lines.append(f"stance accuracy (matched statements) {report.stance_accuracy:.3f}")
    if details:
        for name, s in report.categories.items():
            if s.missed:
                lines.append(f"\n{name} missed ({len(s.missed)}):\n  " + "\n  ".join(s.missed))
            if s.spurious:
                lines.append(f"\n{name} spurious ({len(s.spurious)}):\n  " + "\n  ".join(s.spurious))
    return "\n".join(lines)
