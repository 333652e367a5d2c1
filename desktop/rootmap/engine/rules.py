"""The ``when`` language: small predicates that say when a feature or a trigger applies.

A clinician reads and writes these in ``conditions.toml`` and ``red_flags.toml``.

Grammar::

    expr    := term ("or" term)*
    term    := factor ("and" factor)*
    factor  := "not" factor | "(" expr ")" | atom
    atom    := ref [op value]
    op      := == | != | < | <= | > | >= | in
    value   := word | number | true | false | "[" word ("," word)* "]"

References:

``history.<flag>``                a history flag, e.g. ``history.neurogenic_claudication``
``history.age``, ``history.onset`` e.g. ``history.age >= 60``, ``history.onset == acute``
``sign.<sign>``                   e.g. ``sign.straight_leg_raise == positive``,
                                  ``sign.ankle_inversion == 5``, ``sign.achilles_reflex in
                                  [reduced, absent]``; a bare ``sign.foot_drop`` means
                                  *abnormal* (MRC < 5, reflex not normal, impaired, present,
                                  positive)
``finding``, ``finding.region``,  marked regions: ``finding.region in [heel_plantar]``,
``finding.group``                 ``finding.group in [thigh, leg]``; write ``pain``,
                                  ``numbness``, ``tingling``, ``burning`` or ``sensory``
                                  (numbness, tingling or burning) instead of ``finding`` to
                                  look at one kind only: ``sensory.region in [saddle]``
``root.<ROOT>``                   that root is implicated (on the side in question)
``root.score``                    the score of the root a spinal level hypothesis is about
``level.id``, ``level.affects``,  the disc level hypothesis of a spinal condition:
``level.zone``, ``level.typical`` ``level.affects == traversing``, ``level.zone in
                                  [foraminal, far_lateral]``, ``level.id == L5-S1``
``nerve.sensory``                 (peripheral nerve conditions) sensory symptoms in the
                                  nerve's cutaneous territory
``nerve.confined``                ... and none outside it
``nerve.weak``                    a muscle the nerve supplies is weak
``nerve.weak_outside``            a muscle or reflex it does NOT supply is abnormal
``pattern.stocking``              symmetric sensory symptoms in both feet
``pattern.bilateral_legs``        symptoms marked in both legs
``pattern.bilateral_weakness``    weakness in both legs
``pattern.severe_weakness``       a muscle graded 3/5 or less
``pattern.foot_only``             every mark is on the foot or ankle
``pattern.upper_motor_neuron``    a Babinski sign or a brisk knee or ankle reflex
``pattern.babinski``              a Babinski sign on either side
``pattern.bilateral_radicular_pain`` leg pain with pain marked above the ankle in both legs
``pattern.bilateral_nerve_tension`` straight leg raise or femoral stretch positive both sides
``pattern.severe_bilateral_weakness`` a muscle graded 3/5 or less on each side
``pattern.spinal_presentation``   (red flags only) back pain, radicular or cauda equina
                                  symptoms, or a deficit a root explains (see presentation)
``pattern.spinal_leads``          (red flags only) the best-scoring condition is spinal

Logic is three-valued: a history key left out is *unknown*, not false, so both
``history.leg_pain`` and ``not history.leg_pain`` stay unknown until it is
answered. A feature applies only when its predicate is definitely true.
Findings are what was marked, so a region left unmarked is false, not unknown.

``compile_rule(text, vocabulary)`` checks a predicate against the knowledge
(unknown keys, regions, roots, values) and raises ``RuleError`` naming the problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rootmap.encounter import (
    FINDING_KINDS,
    HISTORY_FLAGS,
    MRC_SIGNS,
    ONSETS,
    SIGN_VALUES,
    Finding,
    History,
    Sign,
)

Truth = bool | None  # None: unknown
Value = str | float | bool | tuple[str, ...]

SENSORY_KINDS = ("numbness", "tingling", "burning")
FINDING_PREFIXES: dict[str, tuple[str, ...]] = {
    "finding": FINDING_KINDS,
    "sensory": SENSORY_KINDS,
    **{kind: (kind,) for kind in FINDING_KINDS},
}
LEVEL_ATTRS = ("id", "affects", "zone", "typical")
AFFECTS = ("traversing", "exiting", "multiple")
ZONES = ("central", "paracentral", "lateral_recess", "foraminal", "far_lateral")
NERVE_ATTRS = ("sensory", "confined", "weak", "weak_outside")
PATTERNS = (
    "stocking",
    "bilateral_legs",
    "bilateral_weakness",
    "severe_weakness",
    "foot_only",
    "upper_motor_neuron",
    "babinski",
    "bilateral_radicular_pain",
    "bilateral_nerve_tension",
    "severe_bilateral_weakness",
    "spinal_presentation",
    "spinal_leads",
)
COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")
SIDE_NAMESPACES = frozenset({"sign", "finding", "root", "nerve", "level"})

_TOKEN = re.compile(r"\s*(?:(==|!=|<=|>=|<|>)|([()\[\],])|([A-Za-z0-9_.\-]+))")


class RuleError(ValueError):
    """A predicate that cannot be used; the message says what is wrong and where."""


@dataclass(frozen=True)
class Vocabulary:
    """What a predicate may name, taken from the knowledge."""

    regions: Collection[str]
    groups: Collection[str]
    roots: Collection[str]
    levels: Collection[str]
    spinal: bool = False  # level.* and root.score are allowed (a condition with a lesion)
    nerve: bool = False  # nerve.* is allowed (a condition with a peripheral nerve)


# -- the syntax tree ----------------------------------------------------------------------


@dataclass(frozen=True)
class Atom:
    namespace: str  # history, sign, finding, root, level, nerve, pattern
    name: str  # history key, sign id, kind prefix, root id, attribute …
    attr: str | None  # finding.region -> "region"
    op: str | None
    value: Value | None
    text: str

    @property
    def sided(self) -> bool:
        return self.namespace in SIDE_NAMESPACES


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    items: tuple[Node, ...]


Node = Atom | Not | All | Any_


@dataclass(frozen=True)
class Rule:
    """A compiled predicate."""

    text: str
    tree: Node
    sided: bool  # names a side-dependent fact (a sign, a finding, a root, a nerve, a level)


# -- the facts a predicate is evaluated against ----------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A spinal level hypothesis: this root, compressed at this disc level, in these zones."""

    root: str
    score: float
    level: str
    affects: str
    zones: tuple[str, ...]
    typical: bool


@dataclass
class Facts:
    """What is known, seen from one side (or both): the input of ``evaluate``."""

    history: History
    sides: tuple[str, ...]
    findings: Sequence[Finding]  # on these sides, and midline
    signs: Sequence[Sign]  # on these sides
    implicated: Mapping[str, frozenset[str]]  # root -> sides where it is implicated
    region_group: Mapping[str, str]
    patterns: Mapping[str, tuple[str, ...]]  # pattern -> what shows it (empty: absent)
    candidate: Candidate | None = None
    nerve_cutaneous: frozenset[str] = frozenset()
    nerve_motor: frozenset[str] = frozenset()
    sign_kind: Mapping[str, str] = field(default_factory=dict)  # sign id -> mrc, reflex, …


# -- parsing --------------------------------------------------------------------------------


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if not match or match.end() == position:
            raise RuleError(f"unexpected character {stripped[position:].strip()[:1]!r}")
        tokens.append(match.group(match.lastindex or 0))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.position = 0
        self.vocabulary = vocabulary

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None, *, what: str | None = None) -> str:
        """The next token; ``expected`` is the exact token wanted, ``what`` describes any."""
        token = self.peek()
        if token is None:
            wanted = what or (repr(expected) if expected else "more")
            raise RuleError(f"ends early (expected {wanted})")
        if expected is not None and token != expected:
            raise RuleError(f"expected {expected!r}, found {token!r}")
        self.position += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise RuleError("is empty")
        node = self.expr()
        if self.peek() is not None:
            raise RuleError(f"unexpected {self.peek()!r}")
        return node

    def expr(self) -> Node:
        items = [self.term()]
        while self.peek() == "or":
            self.take()
            items.append(self.term())
        return items[0] if len(items) == 1 else Any_(tuple(items))

    def term(self) -> Node:
        items = [self.factor()]
        while self.peek() == "and":
            self.take()
            items.append(self.factor())
        return items[0] if len(items) == 1 else All(tuple(items))

    def factor(self) -> Node:
        token = self.peek()
        if token == "not":
            self.take()
            return Not(self.factor())
        if token == "(":
            self.take()
            node = self.expr()
            self.take(")")
            return node
        return self.atom()

    def atom(self) -> Atom:
        start = self.position
        ref = self.take(what="a reference like history.age")
        if ref in ("and", "or", "in", "true", "false") or not re.match(r"^[a-z]", ref):
            raise RuleError(f"expected a reference, found {ref!r}")
        op: str | None = None
        value: Value | None = None
        token = self.peek()
        if token in COMPARISONS or token == "in":
            op = self.take()
            value = self.list_value() if op == "in" else self.scalar_value()
        text = " ".join(self.tokens[start : self.position])
        return _check_atom(ref, op, value, text, self.vocabulary)

    def scalar_value(self) -> Value:
        token = self.take(what="a value")
        if token in "()[],":
            raise RuleError(f"expected a value, found {token!r}")
        if token == "true":
            return True
        if token == "false":
            return False
        try:
            return float(token)
        except ValueError:
            return token

    def list_value(self) -> tuple[str, ...]:
        self.take("[")
        items = [self.take(what="a value")]
        while self.peek() == ",":
            self.take()
            items.append(self.take(what="a value"))
        self.take("]")
        for item in items:
            if item in "()[],":
                raise RuleError(f"expected a value in the list, found {item!r}")
        return tuple(items)


def _check_atom(ref: str, op: str | None, value: Value | None, text: str, v: Vocabulary) -> Atom:
    parts = ref.split(".")
    namespace, rest = parts[0], parts[1:]

    def atom(name: str, attr: str | None = None) -> Atom:
        return Atom(namespace, name, attr, op, value, text)

    def only(ops: Collection[str | None], what: str) -> None:
        if op not in ops:
            shown = f"operator {op!r}" if op else "a bare reference"
            raise RuleError(f"{what} does not take {shown}")

    def values_in(allowed: Collection[str], what: str) -> None:
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if not isinstance(item, str) or item not in allowed:
                raise RuleError(f"unknown {what} {_show(item)} in {text!r}")

    if namespace == "history":
        if len(rest) != 1:
            raise RuleError(f"expected history.<key>, found {ref!r}")
        key = rest[0]
        if key == "age":
            only(COMPARISONS, "history.age")
            if not isinstance(value, float) or isinstance(value, bool):
                raise RuleError(f"history.age compares with a number, not {_show(value)}")
        elif key == "onset":
            only(("==", "!=", "in"), "history.onset")
            values_in(ONSETS, "onset")
        elif key in HISTORY_FLAGS:
            only((None, "==", "!="), f"history.{key}")
            if op is not None and not isinstance(value, bool):
                raise RuleError(f"history.{key} compares with true or false")
        else:
            raise RuleError(f"unknown history key {key!r}")
        return atom(key)

    if namespace == "sign":
        if len(rest) != 1 or rest[0] not in SIGN_VALUES:
            raise RuleError(f"unknown sign {'.'.join(rest)!r}")
        sign = rest[0]
        allowed = SIGN_VALUES[sign]
        if allowed is None:
            only((None, *COMPARISONS, "in"), f"sign.{sign}")
            items = value if isinstance(value, tuple) else (value,)
            if op is not None:
                for item in items:
                    number = (
                        float(item) if isinstance(item, str) and item.isdigit() else _number(item)
                    )
                    if number is None or not 0 <= number <= 5 or number != int(number):
                        raise RuleError(f"sign.{sign} is an MRC grade 0-5, not {_show(item)}")
        else:
            only((None, "==", "!=", "in"), f"sign.{sign}")
            if op is not None:
                values_in(allowed, f"value for {sign}")
        return atom(sign)

    if namespace in FINDING_PREFIXES:
        if not rest:
            only((None,), namespace)
            return Atom("finding", namespace, None, op, value, text)
        if len(rest) != 1 or rest[0] not in ("region", "group"):
            raise RuleError(f"expected {namespace}.region or {namespace}.group, found {ref!r}")
        attr = rest[0]
        only(("==", "!=", "in"), ref)
        values_in(v.regions if attr == "region" else v.groups, attr)
        return Atom("finding", namespace, attr, op, value, text)

    if namespace == "root":
        if rest == ["score"]:
            if not v.spinal:
                raise RuleError("root.score is only for spinal conditions with a lesion")
            only(COMPARISONS, "root.score")
            if _number(value) is None:
                raise RuleError(f"root.score compares with a number, not {_show(value)}")
            return atom("score")
        if len(rest) != 1 or rest[0] not in v.roots:
            raise RuleError(f"unknown root {'.'.join(rest)!r}")
        only((None,), ref)
        return atom(rest[0])

    if namespace == "level":
        if not v.spinal:
            raise RuleError("level.* is only for spinal conditions with a lesion")
        if len(rest) != 1 or rest[0] not in LEVEL_ATTRS:
            raise RuleError(f"expected one of level.{', level.'.join(LEVEL_ATTRS)}")
        attr = rest[0]
        if attr == "typical":
            only((None,), ref)
        else:
            only(("==", "!=", "in"), ref)
            choices: Collection[str] = {"id": v.levels, "affects": AFFECTS, "zone": ZONES}[attr]
            values_in(choices, f"level {attr}")
        return atom(attr)

    if namespace == "nerve":
        if not v.nerve:
            raise RuleError("nerve.* is only for conditions that name a nerve")
        if len(rest) != 1 or rest[0] not in NERVE_ATTRS:
            raise RuleError(f"expected one of nerve.{', nerve.'.join(NERVE_ATTRS)}")
        only((None,), ref)
        return atom(rest[0])

    if namespace == "pattern":
        if len(rest) != 1 or rest[0] not in PATTERNS:
            raise RuleError(f"expected one of pattern.{', pattern.'.join(PATTERNS)}")
        only((None,), ref)
        return atom(rest[0])

    raise RuleError(f"unknown reference {ref!r}")


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float | int):
        return float(value)
    return None


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def compile_rule(text: str, vocabulary: Vocabulary) -> Rule:
    """Parse and check one predicate; raises ``RuleError``."""
    tree = _Parser(text, vocabulary).parse()
    return Rule(text=text, tree=tree, sided=_sided(tree))


def _sided(node: Node) -> bool:
    if isinstance(node, Atom):
        return node.sided
    if isinstance(node, Not):
        return _sided(node.item)
    return any(_sided(item) for item in node.items)


# -- evaluation -----------------------------------------------------------------------------


def evaluate(rule: Rule, facts: Facts) -> tuple[Truth, tuple[str, ...]]:
    """True, False or None (unknown), and the facts that made it true (for *why*)."""
    truth, witnesses = _eval(rule.tree, facts)
    return truth, tuple(dict.fromkeys(witnesses)) if truth else ()


def _eval(node: Node, facts: Facts) -> tuple[Truth, list[str]]:
    if isinstance(node, Atom):
        return _eval_atom(node, facts)
    if isinstance(node, Not):
        truth, _ = _eval(node.item, facts)
        return (None if truth is None else not truth), []
    results = [_eval(item, facts) for item in node.items]
    truths = [truth for truth, _ in results]
    if isinstance(node, All):
        if False in truths:
            return False, []
        if None in truths:
            return None, []
        return True, [w for _, ws in results for w in ws]
    if True in truths:
        return True, [w for truth, ws in results if truth for w in ws]
    return (None if None in truths else False), []


def _compare(left: Any, op: str, right: Value | None) -> bool:
    if op == "in":
        assert isinstance(right, tuple)
        return str(left) in right
    if isinstance(right, float) and not isinstance(right, bool):
        if isinstance(left, bool) or not isinstance(left, int | float):
            return False
        number = float(left)
        return {
            "==": number == right,
            "!=": number != right,
            "<": number < right,
            "<=": number <= right,
            ">": number > right,
            ">=": number >= right,
        }[op]
    if op == "==":
        return bool(left == right)
    if op == "!=":
        return bool(left != right)
    return False


def _eval_atom(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    handler = _HANDLERS[atom.namespace]
    return handler(atom, facts)


def _history(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    history = facts.history
    current: Any = {"age": history.age, "onset": history.onset}.get(
        atom.name, history.flag(atom.name)
    )
    if current is None:
        return None, []
    if atom.op is None:
        return bool(current), []
    truth = _compare(current, atom.op, atom.value)
    if truth and atom.name == "age":
        return True, [f"age {current}"]
    return truth, []


def abnormal(sign: Sign) -> bool:
    """Is this sign abnormal? MRC < 5, a reflex not normal, impaired, present, positive."""
    if sign.sign in MRC_SIGNS:
        return isinstance(sign.value, int) and sign.value < 5
    if SIGN_VALUES[sign.sign] == ("present", "absent"):
        return sign.value == "present"  # babinski, foot drop: "absent" is normal
    return sign.value in ("absent", "reduced", "brisk", "impaired", "positive")


def finding_key(finding: Finding) -> tuple[str, str, str, int]:
    """A total order of findings (``intensity`` may be missing)."""
    intensity = -1 if finding.intensity is None else finding.intensity
    return (finding.region, finding.side, finding.kind, intensity)


def sign_key(sign: Sign) -> tuple[str, str, str]:
    return (sign.sign, sign.side, str(sign.value))


def describe_sign(sign: Sign) -> str:
    """``great toe extension 3/5``, ``achilles reflex absent``."""
    name = sign.sign.replace("_", " ")
    value = f"{sign.value}/5" if sign.sign in MRC_SIGNS else str(sign.value)
    return f"{name} {value}"


def describe_finding(finding: Finding, with_side: bool) -> str:
    side = f", {finding.side}" if with_side and finding.side != "midline" else ""
    return f"{finding.kind} over {finding.region}{side}"


def _sign(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    recorded = [s for s in facts.signs if s.sign == atom.name]
    if not recorded:
        return None, []
    if atom.op is None:
        matching = [s for s in recorded if abnormal(s)]
    elif atom.op == "!=":
        matching = [s for s in recorded if not _compare(s.value, "==", atom.value)]
    elif atom.op == "in":
        assert isinstance(atom.value, tuple)
        wanted = {float(v) if v.isdigit() else v for v in atom.value}
        matching = [s for s in recorded if s.value in wanted]
    else:
        matching = [s for s in recorded if _compare(s.value, atom.op, atom.value)]
    with_side = len(facts.sides) > 1
    return bool(matching), [
        describe_sign(s) + (f", {s.side}" if with_side else "")
        for s in sorted(matching, key=sign_key)
    ]


def _finding(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    kinds = FINDING_PREFIXES[atom.name]
    found = [f for f in facts.findings if f.kind in kinds]
    if atom.attr is not None:
        assert atom.op is not None
        if atom.attr == "region":
            found = [f for f in found if _compare(f.region, atom.op, atom.value)]
        else:
            found = [
                f
                for f in found
                if _compare(facts.region_group.get(f.region, ""), atom.op, atom.value)
            ]
    with_side = len(facts.sides) > 1
    return bool(found), [describe_finding(f, with_side) for f in sorted(found, key=finding_key)]


def _root(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    if atom.name == "score":
        if facts.candidate is None:
            return None, []
        return _compare(facts.candidate.score, atom.op or "==", atom.value), []
    sides = facts.implicated.get(atom.name, frozenset())
    hit = bool(sides & set(facts.sides))
    return hit, [f"{atom.name} implicated"] if hit else []


def _level(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    candidate = facts.candidate
    if candidate is None:
        return None, []
    if atom.name == "typical":
        return candidate.typical, []
    if atom.name == "zone":
        assert atom.op is not None
        test = "==" if atom.op == "!=" else atom.op
        hits = [zone for zone in candidate.zones if _compare(zone, test, atom.value)]
        return (not hits) if atom.op == "!=" else bool(hits), []
    current = candidate.level if atom.name == "id" else candidate.affects
    return _compare(current, atom.op or "==", atom.value), []


def _nerve(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    with_side = len(facts.sides) > 1
    sensory = [f for f in facts.findings if f.kind in SENSORY_KINDS]
    inside = [f for f in sensory if f.region in facts.nerve_cutaneous]
    if atom.name == "sensory":
        return bool(inside), [
            describe_finding(f, with_side) for f in sorted(inside, key=finding_key)
        ]
    if atom.name == "confined":
        ok = bool(inside) and len(inside) == len(sensory)
        return ok, [
            describe_finding(f, with_side) for f in sorted(inside, key=finding_key)
        ] if ok else []
    if atom.name == "weak":
        weak = [s for s in facts.signs if s.sign in facts.nerve_motor and abnormal(s)]
        return bool(weak), [describe_sign(s) for s in sorted(weak, key=sign_key)]
    outside = [
        s
        for s in facts.signs
        if s.sign not in facts.nerve_motor
        and facts.sign_kind.get(s.sign) in ("mrc", "reflex")
        and abnormal(s)
        and s.value != "brisk"
    ]
    return bool(outside), [describe_sign(s) for s in sorted(outside, key=sign_key)]


def _pattern(atom: Atom, facts: Facts) -> tuple[Truth, list[str]]:
    shown = facts.patterns.get(atom.name, ())
    return bool(shown), list(shown)


_HANDLERS: dict[str, Callable[[Atom, Facts], tuple[Truth, list[str]]]] = {
    "history": _history,
    "sign": _sign,
    "finding": _finding,
    "root": _root,
    "level": _level,
    "nerve": _nerve,
    "pattern": _pattern,
}


def names_in(rule: Rule) -> Iterable[Atom]:
    """Every atom of a rule (for tests and documentation)."""
    stack: list[Node] = [rule.tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Atom):
            yield node
        elif isinstance(node, Not):
            stack.append(node.item)
        else:
            stack.extend(node.items)
