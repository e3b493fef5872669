"""The RDF contract (../shared/VOCABULARY.md): namespaces, classes, the closed predicate set."""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "RG", "RGID", "SCHEMA", "NIF", "PROV", "RDF", "RDFS", "SKOS", "XSD",
    "PREFIXES", "PREDICATES", "SYMMETRIC", "STANCES", "STATUSES", "KIND_PATHS",
    "slugify", "entity_iri",
]

class RG(DefinedNamespace):
    """The project's terms; a misspelt term raises AttributeError instead of minting a new IRI."""

    _NS = Namespace("https://w3id.org/rightsgraph/ns#")
    _fail = True

    # classes
    Statement: URIRef
    Fact: URIRef
    Case: URIRef
    Issue: URIRef
    Dialogue: URIRef
    DialogueRound: URIRef  # one round of the dialogue (a schema:Event, schema:superEvent the dialogue)
    Sentence: URIRef
    Text: URIRef  # rg:knownFrom rg:Text: a round known only from what an article says
    StatusClaim: URIRef  # what one article says of a case person's status (rg:statusOf, rg:status, its sentence)
    # statement kinds, stances, case statuses
    Direct: URIRef
    Indirect: URIRef
    Critical: URIRef
    Supportive: URIRef
    Neutral: URIRef
    Detained: URIRef
    Missing: URIRef
    Released: URIRef
    Exiled: URIRef
    Unknown: URIRef
    # the closed relation set
    raised: URIRef
    criticizes: URIRef
    defends: URIRef
    metWith: URIRef
    memberOf: URIRef
    relativeOf: URIRef
    urges: URIRef
    detainedBy: URIRef
    leads: URIRef
    # statement, fact and entity properties
    speaker: URIRef
    text: URIRef
    kind: URIRef
    stance: URIRef
    about: URIRef
    confidence: URIRef
    rule: URIRef
    status: URIRef
    caseConfidence: URIRef
    # rounds: article/statement/fact -> the round it is about; the round's ordinal; where the
    # article says which round it reports; a round not in the rounds file
    round: URIRef
    ordinal: URIRef
    roundEvidence: URIRef
    knownFrom: URIRef
    statusOf: URIRef
    currentStatus: URIRef  # a case person's status in the latest-dated claim (status.py)
    currentStatusClaim: URIRef  # that claim (its sentence: prov:wasDerivedFrom)
    mentionedIn: URIRef
    sourceId: URIRef
RGID = Namespace("https://w3id.org/rightsgraph/id/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

PREFIXES: dict[str, Namespace] = {
    "rg": Namespace(str(RG)),
    "rgid": RGID,
    "schema": SCHEMA,
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "nif": NIF,
    "xsd": Namespace(str(XSD)),
}

#: The closed relation set, gold spelling.
PREDICATES: tuple[str, ...] = (
    "raised", "criticizes", "defends", "metWith", "memberOf",
    "relativeOf", "urges", "detainedBy", "leads",
)
SYMMETRIC = frozenset({"metWith", "relativeOf"})

#: stance word used in the model -> rg: term local name
STANCES: dict[str, str] = {"criticizes": "Critical", "defends": "Supportive", "neutral": "Neutral"}

#: case status word -> rg: term local name
STATUSES: dict[str, str] = {
    "detained": "Detained", "missing": "Missing", "released": "Released",
    "exiled": "Exiled", "unknown": "Unknown",
}

#: entity kind -> IRI path segment under rgid:
KIND_PATHS: dict[str, str] = {
    "Person": "person", "Organization": "org", "Event": "event", "Issue": "issue",
}


def slugify(text: str) -> str:
    """Deterministic ASCII slug: 'Michael Posner' -> 'michael-posner'."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_ = norm.encode("ascii", "ignore").decode("ascii").lower()
    ascii_ = ascii_.replace("u.s.", "us").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if not slug:  # names written only in CJK characters etc.
        slug = "u" + "-".join(f"{ord(c):x}" for c in text.strip())[:60]
    return slug


def entity_iri(kind: str, name: str):  # -> URIRef
    """The one IRI for an entity of `kind` with canonical `name`."""
    return RGID[f"{KIND_PATHS[kind]}/{slugify(name)}"]
