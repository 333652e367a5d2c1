"""The quiz: find a root's territory, or name the root of a pattern. Pure and seeded.

Two kinds of question:
- ``LocateQuestion``: "Click the L5 dermatome." A click on a region scores 1 if the
  current atlas gives that region the root as a primary root, 0.5 if only as an
  overlap root (the edges of dermatomes overlap), 0 otherwise.
- ``IdentifyQuestion``: a pattern (a dermatome, or a teaching case's marks) is shown
  and the student picks its root from four choices. A dermatome is shown by the regions
  that only its root holds as primary in the atlas in use, so exactly one choice is
  right; a root that shares every region it holds is not asked this way.

The streak counts full-credit answers in a row; the total adds every credit.
The same seed asks the same questions, so tests and rehearsals are repeatable.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from rootmap.knowledge import Knowledge
from rootmap.teaching.cases import TeachingCase
from rootmap.teaching.explorer import LUMBOSACRAL

QUIZ_ROOTS = (*LUMBOSACRAL, "S2")
CHOICES = 4


@dataclass(frozen=True)
class LocateQuestion:
    root: str
    atlas: str

    @property
    def prompt(self) -> str:
        return f"Click the {self.root} dermatome"


@dataclass(frozen=True)
class IdentifyQuestion:
    answer: str
    choices: tuple[str, ...]
    regions: tuple[str, ...]  # the pattern shown: region ids (both sides)
    atlas: str
    case: str | None = None  # the teaching case whose marks are shown, if any
    case_title: str | None = None  # shown only after the answer: titles name the root
    case_story: str = ""  # the case's vignette, shown with the question

    @property
    def prompt(self) -> str:
        if self.case:
            return "Which root explains this patient's pattern?"
        return "Which root's dermatome is highlighted?"


Question = LocateQuestion | IdentifyQuestion


@dataclass(frozen=True)
class Outcome:
    credit: float  # 1, 0.5 or 0
    feedback: str  # why, naming the atlas

    @property
    def correct(self) -> bool:
        return self.credit >= 1.0


@dataclass
class Score:
    total: float = 0.0
    asked: int = 0
    streak: int = 0
    best_streak: int = 0

    def add(self, credit: float) -> None:
        self.total += credit
        self.asked += 1
        self.streak = self.streak + 1 if credit >= 1.0 else 0
        self.best_streak = max(self.best_streak, self.streak)

    @property
    def text(self) -> str:
        total = f"{self.total:g}"
        return f"Score {total}/{self.asked} · streak {self.streak} (best {self.best_streak})"


@dataclass
class Quiz:
    knowledge: Knowledge
    atlas: str
    seed: int = 0
    roots: Sequence[str] = QUIZ_ROOTS
    kinds: Sequence[str] = ("locate", "identify", "case")
    cases: Sequence[TeachingCase] = ()
    score: Score = field(default_factory=Score)
    question: Question | None = None
    answered: bool = False

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self.roots = tuple(r for r in self.roots if self._dermatome(r))
        if not self.roots:
            raise ValueError(f"no quiz root has a dermatome on the maps in {self.atlas}")

    # -- asking --------------------------------------------------------------------------
    def next_question(self, kind: str | None = None, root: str | None = None) -> Question:
        """A new question of ``kind`` ("locate", "identify", "case") or a seeded choice;
        ``root``: ask about this root (locate, identify) instead of a seeded one.

        "case" questions are drawn only from cases with an expected root and a sensory mark.
        """
        kinds = [k for k in self.kinds if k != "case" or self._case_pool()]
        chosen = kind or self._random.choice(kinds)
        question: Question
        if chosen == "locate":
            question = LocateQuestion(root or self._pick_root(self.roots), self.atlas)
        elif chosen == "identify":
            answer = root or self._pick_root(self.identify_roots())
            shown = self.own_regions(answer)
            if not shown:
                raise ValueError(f"{answer} holds no region of its own in {self.atlas}")
            question = IdentifyQuestion(
                answer=answer,
                choices=self._choices(answer),
                regions=shown,
                atlas=self.atlas,
            )
        elif chosen == "case":
            pool = self._case_pool()
            if not pool:
                raise ValueError("no teaching case has an expected root to ask about")
            case = self._random.choice(pool)
            answer = case.expected.root or ""
            question = IdentifyQuestion(
                answer=answer,
                choices=self._choices(answer),
                regions=tuple(dict.fromkeys(f.region for f in case.encounter.findings)),
                atlas=self.atlas,
                case=case.id,
                case_title=case.title,
                case_story=case.vignette,
            )
        else:
            raise ValueError(f"unknown question kind {chosen!r}")
        self.question = question
        self.answered = False
        return question

    def _pick_root(self, roots: Sequence[str]) -> str:
        previous = (
            self.question.root
            if isinstance(self.question, LocateQuestion)
            else (self.question.answer if self.question else None)
        )
        pool = [r for r in roots if r != previous] or list(roots)
        return self._random.choice(pool)

    def identify_roots(self) -> tuple[str, ...]:
        """The quiz roots an identify question can show: those with a region of their own."""
        return tuple(r for r in self.roots if self.own_regions(r)) or tuple(self.roots)

    def own_regions(self, root: str) -> tuple[str, ...]:
        """The regions whose only primary root is ``root`` in this atlas: a region two
        roots share would make two answers right."""
        atlas = self.knowledge.atlas(self.atlas)
        return tuple(
            region
            for region in self._dermatome(root)
            if (entry := atlas.entry(region)) is not None and entry.primary == (root,)
        )

    def _case_pool(self) -> list[TeachingCase]:
        return [
            c
            for c in self.cases
            if c.expected.root in self.knowledge.roots
            and any(f.kind in ("numbness", "tingling") for f in c.encounter.findings)
        ]

    def _dermatome(self, root: str) -> tuple[str, ...]:
        return self.knowledge.atlas(self.atlas).regions_of_root(root, primary_only=True)

    def _choices(self, answer: str) -> tuple[str, ...]:
        """The answer, its neighbours first, then others; in cranial-to-caudal order."""
        order = [r for r in self.knowledge.roots if self._dermatome(r)]
        index = order.index(answer) if answer in order else 0
        shown = set(self._dermatome(answer))
        near = sorted(order, key=lambda r: (abs(order.index(r) - index), self._random.random()))
        picked = [answer]
        for root in near:
            if len(picked) == CHOICES:
                break
            if root != answer and set(self._dermatome(root)) != shown:
                picked.append(root)
        return tuple(sorted(picked, key=lambda r: self.knowledge.roots[r].order))

    # -- answering -----------------------------------------------------------------------
    def answer_region(self, region: str) -> Outcome:
        """Score a click on ``region`` for the current locate question."""
        question = self._open(LocateQuestion)
        assert isinstance(question, LocateQuestion)
        outcome = self.judge_region(question.root, region)
        self._close(outcome)
        return outcome

    def answer_root(self, root: str) -> Outcome:
        """Score a chosen root for the current identify question."""
        question = self._open(IdentifyQuestion)
        assert isinstance(question, IdentifyQuestion)
        outcome = self.judge_root(question, root)
        self._close(outcome)
        return outcome

    def _open(self, kind: type) -> Question:
        if self.question is None or not isinstance(self.question, kind):
            raise ValueError("no such question is open: ask one with next_question()")
        if self.answered:
            raise ValueError("this question is already answered: ask the next one")
        return self.question

    def _close(self, outcome: Outcome) -> None:
        self.score.add(outcome.credit)
        self.answered = True

    def judge_region(self, root: str, region: str) -> Outcome:
        atlas = self.knowledge.atlas(self.atlas)
        entry = atlas.entry(region)
        name = self._region_name(region)
        weight = entry.weight(root) if entry else 0.0
        owners = self._roots_text(entry.primary if entry else ())
        home = ", ".join(self._region_name(r) for r in self._dermatome(root)[:4])
        if weight >= 1.0:
            return Outcome(
                1.0, f"Correct: in {atlas.authors}, {name} lies in the {root} dermatome."
            )
        if weight > 0:
            return Outcome(
                0.5,
                f"Half marks: in {atlas.authors}, {name} is mainly {owners}; {root} only overlaps "
                f"there. {root}'s own territory: {home}.",
            )
        return Outcome(
            0.0,
            f"Not {root}: in {atlas.authors}, {name} belongs to {owners}. "
            f"{root}'s territory: {home}.",
        )

    def judge_root(self, question: IdentifyQuestion, root: str) -> Outcome:
        atlas = self.knowledge.atlas(question.atlas)
        where = ", ".join(self._region_name(r) for r in question.regions[:4])
        case = f" The case: {question.case_title}." if question.case_title else ""
        if root == question.answer:
            return Outcome(
                1.0, f"Correct: {where} — the {question.answer} dermatome in {atlas.authors}.{case}"
            )
        theirs = ", ".join(self._region_name(r) for r in self._dermatome(root)[:3]) or "none"
        return Outcome(
            0.0,
            f"It is {question.answer}: in {atlas.authors}, {where} is {question.answer} territory; "
            f"{root} covers {theirs}.{case}",
        )

    def _region_name(self, region: str) -> str:
        known = self.knowledge.regions.get(region)
        return known.name.lower() if known else region

    def _roots_text(self, roots: Sequence[str]) -> str:
        return ", ".join(roots) if roots else "no spinal root"
