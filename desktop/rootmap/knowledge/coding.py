"""Clinical codes for the knowledge data: SNOMED CT and LOINC, with their form checked.

A region, a finding kind, a laterality and an examination sign each carry a ``Code``
(or say why they have none: ``Uncoded``). Only the *form* of a code can be checked
offline: a SNOMED CT identifier's Verhoeff check digit and partition identifier, and a
LOINC code's mod-10 check digit. Whether a code means what the data says was checked by
hand against the source the data names (see ``sources.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rootmap.knowledge.tables import Table

SNOMED = "snomed"
LOINC = "loinc"
SYSTEM_URIS = {SNOMED: "http://snomed.info/sct", LOINC: "http://loinc.org"}
FITS = ("exact", "parent")
# SCTID partition identifiers (the two digits before the check digit) of a *concept*:
# 00 in the International Release's short format, 10 in an extension's long format.
CONCEPT_PARTITIONS = ("00", "10")

_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_SCTID = re.compile(r"^[1-9][0-9]{5,17}$")
_LOINC = re.compile(r"^([0-9]{1,7})-([0-9])$")


def verhoeff_valid(digits: str) -> bool:
    """True if the last digit of ``digits`` is its Verhoeff check digit."""
    check = 0
    for position, char in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[position % 8][int(char)]]
    return check == 0


def sctid_problem(code: str) -> str | None:
    """Why ``code`` is not a well-formed SNOMED CT concept id, or None if it is."""
    if not _SCTID.match(code):
        return f'"{code}" is not an SCTID (6 to 18 digits, no leading zero)'
    if code[-3:-1] not in CONCEPT_PARTITIONS:
        return f'"{code}" has partition "{code[-3:-1]}", not a concept\'s (00 or 10)'
    if not verhoeff_valid(code):
        return f'"{code}" fails the SCTID check digit (Verhoeff)'
    return None


def loinc_problem(code: str) -> str | None:
    """Why ``code`` is not a well-formed LOINC code, or None if it is."""
    match = _LOINC.match(code)
    if not match:
        return f'"{code}" is not a LOINC code (digits, a hyphen, a check digit)'
    if _loinc_check_digit(match.group(1)) != int(match.group(2)):
        return f'"{code}" fails the LOINC check digit (mod 10)'
    return None


def _loinc_check_digit(body: str) -> int:
    """LOINC's mod-10 check digit (the Luhn algorithm over the code's digits)."""
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return (10 - total % 10) % 10


def code_problem(system: str, code: str) -> str | None:
    return sctid_problem(code) if system == SNOMED else loinc_problem(code)


@dataclass(frozen=True)
class Code:
    """One concept of a code system, with the term it was checked under."""

    system: str  # snomed or loinc
    code: str
    term: str  # the preferred term (SNOMED: without the semantic tag)
    source: str  # where it was checked: an id of sources.toml
    fit: str = "exact"  # exact, or parent: the nearest broader concept
    note: str = ""  # why a parent, or anything a reader should know

    @property
    def system_uri(self) -> str:
        return SYSTEM_URIS[self.system]


@dataclass(frozen=True)
class Uncoded:
    """No code: the reason says why (for the reader, and for the FHIR ``text``)."""

    reason: str


Coded = Code | Uncoded


@dataclass(frozen=True)
class Coding:
    """The codes that are not attached to a region or a sign: laterality, finding kinds."""

    laterality: Mapping[str, Code] = field(default_factory=lambda: MappingProxyType({}))
    kinds: Mapping[str, Coded] = field(default_factory=lambda: MappingProxyType({}))
    sign_site: Code | None = None  # the body site of an examination sign (the lower limb)


def read_code(table: Table, sources: Mapping[str, object]) -> Code | None:
    """The ``snomed*`` or ``loinc*`` keys of a knowledge table as a checked ``Code``.

    ``snomed = "56459004"``, ``snomed_term``, ``snomed_source``, optional ``snomed_fit``
    (``exact`` or ``parent``; a parent needs ``snomed_note`` saying what it stands for).
    """
    systems = [system for system in (SNOMED, LOINC) if table.has(system)]
    if not systems:
        return None
    if len(systems) > 1:
        raise table.error("give one code: snomed or loinc, not both", LOINC)
    system = systems[0]
    code = table.text(system)
    problem = code_problem(system, code)
    if problem is not None:
        raise table.error(problem, system)
    source = table.text(f"{system}_source")
    if source not in sources:
        raise table.error(f'unknown source "{source}" (not in sources.toml)', f"{system}_source")
    fit = table.text(f"{system}_fit", "exact")
    if fit not in FITS:
        raise table.error(
            f'unknown value "{fit}" (expected one of: exact, parent)', f"{system}_fit"
        )
    note = table.text(f"{system}_note", "")
    if fit == "parent" and not note:
        raise table.error(
            "a parent concept needs a note saying what it stands for", f"{system}_note"
        )
    return Code(system, code, table.text(f"{system}_term"), source, fit, note)


def read_coded(table: Table, sources: Mapping[str, object]) -> Coded:
    """A code (see ``read_code``), or ``uncoded = "the reason"``; one of the two is required."""
    code = read_code(table, sources)
    reason = table.opt_text("uncoded")
    if code is not None and reason is not None:
        raise table.error("coded and uncoded at once", "uncoded")
    if code is not None:
        return code
    if reason is None:
        raise table.error("missing (a snomed or loinc code, or uncoded = the reason)", SNOMED)
    return Uncoded(reason)


def load_coding(top: Table, sources: Mapping[str, object], kinds: tuple[str, ...]) -> Coding:
    """``coding.toml``: the laterality qualifiers and the finding kinds' codes."""
    laterality: dict[str, Code] = {}
    sides = top.table("laterality")
    for side in ("left", "right"):
        item = sides.table(side)
        code = read_code(item, sources)
        if code is None:
            raise item.error("missing (a snomed code)", SNOMED)
        laterality[side] = code
        item.close()
    sides.close()
    coded: dict[str, Coded] = {}
    for item in top.tables("kind"):
        kind = item.text("id")
        if kind not in kinds or kind in coded:
            raise item.error(f'unknown or repeated kind "{kind}"', "id")
        coded[kind] = read_coded(item, sources)
        item.close()
    site = top.table("sign_site")
    sign_site = read_code(site, sources)
    if sign_site is None:
        raise site.error("missing (a snomed code)", SNOMED)
    site.close()
    top.close()
    missing = [kind for kind in kinds if kind not in coded]
    if missing:
        raise top.error(f'no [[kind]] for "{missing[0]}"', "kind")
    return Coding(MappingProxyType(laterality), MappingProxyType(coded), sign_site)
