"""Relation rules: Doc + mentions -> model.Relation for the closed predicate set."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Case, Relation, Statement
from .knowledge import Knowledge
from .mentions import MentionIndex

__all__ = ["find_relations"]


def find_relations(doc: Doc, index: MentionIndex, knowledge: Knowledge, article_id: str,
                   statements: list[Statement], cases: list[Case]) -> list[Relation]:
    return []
