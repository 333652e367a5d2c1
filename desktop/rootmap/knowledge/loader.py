"""Load and validate the knowledge data in ``assets/knowledge/`` into a ``Knowledge`` value.

Everything is checked at load time: every fact names a source from
``sources.toml``; roots, regions, signs and nerves refer to ids that exist; each
atlas covers every region; unknown keys are typos and are refused. A problem is
one ``KnowledgeError`` whose message names the file and the key path.

Parsing the TOML is most of a load's time, so the app's own knowledge directory keeps
the parsed tables in a cache file (``ParseCache``) next to the map geometry cache. An
entry is used only when the file's bytes are exactly the ones it was parsed from, and
every check above still runs on it: the cache saves the parsing, never the validation.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from rootmap.digests import fingerprint
from rootmap.encounter import FINDING_KINDS, HISTORY_FLAGS, MRC_SIGNS, SIGNS
from rootmap.knowledge.coding import load_coding, read_code, read_coded
from rootmap.knowledge.model import (
    Atlas,
    Condition,
    DermatomeEntry,
    DiscLevel,
    Feature,
    Icd10Code,
    Knowledge,
    LevelRule,
    Nerve,
    RedFlag,
    RedFlagTier,
    RedFlagVariant,
    Region,
    Root,
    SignRule,
    Source,
)
from rootmap.knowledge.scoring import PARAMETERS, SETS, NamedSet, Scoring, Weight, build_scoring
from rootmap.knowledge.tables import KnowledgeError, Table

__all__ = ["KnowledgeError", "load_knowledge"]

SEGMENTS = {"C": "cervical", "T": "thoracic", "L": "lumbar", "S": "sacral"}
ROOT_IDS = (
    *(f"C{n}" for n in range(2, 9)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    *(f"S{n}" for n in range(1, 6)),
)
REGION_GROUPS = (
    "head_neck",
    "upper_limb",
    "trunk",
    "lower_back_pelvis",
    "thigh",
    "knee",
    "leg",
    "ankle",
    "foot",
)
SIGN_KINDS = ("mrc", "reflex", "walk", "presence", "tension")
CATEGORIES = ("spinal", "peripheral_nerve", "local_foot", "systemic", "central")
URGENCIES = ("emergency", "urgent")
LATERALITIES = ("left", "right", "bilateral", "unspecified")
CODE_REGIONS = ("lumbar", "lumbosacral")
LESIONS = (
    "disc_herniation",
    "stenosis",
    "spondylolisthesis_degenerative",
    "spondylolisthesis_isthmic",
)
ZONES = ("central", "paracentral", "lateral_recess", "foraminal", "far_lateral")
AFFECTS = ("traversing", "exiting", "multiple")
ICD10_PATTERN = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
ATLAS_INDEX = "atlases/index.toml"

T = TypeVar("T")


def load_knowledge(directory: Path | None = None) -> Knowledge:
    """The knowledge in ``directory`` (default: the app's ``assets/knowledge``), cached."""
    if directory is None:
        from rootmap.resources import asset_path

        try:
            directory = asset_path("knowledge")
        except (FileNotFoundError, ValueError) as error:
            raise KnowledgeError(str(error)) from None
    return _load(Path(directory).resolve())


@cache
def _load(directory: Path) -> Knowledge:
    parsed = ParseCache.for_app() if _is_app_directory(directory) else None
    knowledge = _Loader(directory, parsed).load()
    if parsed is not None:
        parsed.save()
    return knowledge


def _hint(key: str, known: Mapping[str, object]) -> str:
    import difflib  # only for a message (a start-up never needs it)

    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _is_app_directory(directory: Path) -> bool:
    from rootmap.resources import asset_path

    try:
        return asset_path("knowledge").resolve() == directory
    except (FileNotFoundError, ValueError):
        return False


class ParseCache:
    """Parsed TOML by file name, each kept with the digest of the bytes it was parsed from.

    One ``marshal`` file (the format of Python's own ``.pyc`` caches) in the user's
    cache folder, never trusted: it starts with the fingerprint (``rootmap.digests``) of
    the rest of its bytes, and each entry is used only for a source file whose
    fingerprint it records. A cache that is
    missing, stale, from another Python, damaged, unreadable or unwritable is ignored
    (and rebuilt on the next save); it can never change an answer or fail a load.
    """

    FORMAT = 3
    MAGIC = b"rootmap-knowledge-cache "

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, bytes] = self._read()
        self._changed = False

    @classmethod
    def for_app(cls) -> ParseCache:
        """``$ROOTMAP_CACHE_DIR/knowledge.marshal``, else ``<user cache>/rootmap/...``."""
        override = os.environ.get("ROOTMAP_CACHE_DIR")
        if override:
            return cls(Path(override) / "knowledge.marshal")
        if sys.platform == "win32":
            base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
            return cls(base / "rootmap" / "cache" / "knowledge.marshal")
        if sys.platform == "darwin":
            return cls(Path.home() / "Library" / "Caches" / "rootmap" / "knowledge.marshal")
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return cls(base / "rootmap" / "knowledge.marshal")

    def _stamp(self) -> tuple[int, str, int]:
        return (self.FORMAT, sys.implementation.cache_tag or "", marshal.version)

    def _read(self) -> dict[str, bytes]:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return {}
        head, _, body = raw.partition(b"\n")
        if head != self.MAGIC + fingerprint(body).encode("ascii"):
            return {}  # damaged, truncated or not ours: ignored, rebuilt on save
        try:
            stamp, entries = marshal.loads(body)
            if tuple(stamp) != self._stamp() or not isinstance(entries, dict):
                return {}
        except (ValueError, EOFError, TypeError):
            return {}
        return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}

    def get(self, name: str, raw: bytes) -> dict[str, Any] | None:
        """The parsed ``name`` if it was parsed from exactly ``raw`` (by fingerprint), else
        None."""
        entry = self._entries.get(name)
        if entry is None:
            return None
        try:
            digest, data = marshal.loads(entry)
        except (ValueError, EOFError, TypeError):
            return None
        if digest != fingerprint(raw) or not isinstance(data, dict):
            return None
        return data

    def put(self, name: str, raw: bytes, data: dict[str, Any]) -> None:
        try:
            self._entries[name] = marshal.dumps((fingerprint(raw), data))
        except ValueError:  # a value marshal cannot store (e.g. a TOML date): parse each time
            return
        self._changed = True

    def save(self) -> None:
        """Write the cache if anything new was parsed (atomically, 0600; errors ignored)."""
        from rootmap.safe_files import make_folder, write_atomic

        if not self._changed:
            return
        body = marshal.dumps((self._stamp(), self._entries))
        try:
            make_folder(self.path.parent)
            header = self.MAGIC + fingerprint(body).encode("ascii") + b"\n"
            write_atomic(self.path, header + body)
        except OSError:
            pass  # a read-only home or a full disk: parse again next time
        self._changed = False


class _Loader:
    def __init__(self, directory: Path, parsed: ParseCache | None = None) -> None:
        self.directory = directory
        self.parsed = parsed
        self.sources: dict[str, Source] = {}
        self.regions: dict[str, Region] = {}

    # -- files ---------------------------------------------------------------------------
    def read(self, name: str) -> Table:
        path = self.directory / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KnowledgeError(f"{name}: file not found in {self.directory}") from None
        except OSError as error:
            raise KnowledgeError(f"{name}: cannot read ({error.strerror})") from None
        data = self.parsed.get(name, raw) if self.parsed is not None else None
        if data is None:
            data = self.parse(name, raw)
            if self.parsed is not None:
                self.parsed.put(name, raw, data)
        return Table(data, name)

    @staticmethod
    def parse(name: str, raw: bytes) -> dict[str, Any]:
        import tomllib  # only when the parse cache misses (a start-up reads the cache)

        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise KnowledgeError(f"{name}: not UTF-8 text ({error.reason})") from None
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise KnowledgeError(f"{name}: bad TOML: {error}") from None

    def must_read(self, name: str) -> Table:
        table = self.read(name)
        assert table is not None
        return table

    # -- checks --------------------------------------------------------------------------
    def source(self, table: Table, key: str = "source") -> str:
        source = table.text(key)
        if source not in self.sources:
            raise table.error(f'unknown source "{source}" (not in sources.toml)', key)
        return source

    @staticmethod
    def one_of(table: Table, key: str, allowed: tuple[str, ...] | Mapping[str, object]) -> str:
        value = table.text(key)
        if value not in allowed:
            known = ", ".join(allowed)
            raise table.error(f'unknown value "{value}" (expected one of: {known})', key)
        return value

    @staticmethod
    def all_in(
        table: Table,
        key: str,
        allowed: tuple[str, ...] | Mapping[str, object],
        what: str,
        default: tuple[str, ...] | None = None,
    ) -> tuple[str, ...]:
        values = table.texts(key, default)
        for index, value in enumerate(values):
            if value not in allowed:
                raise table.error(f'unknown {what} "{value}"', f"{key}[{index}]")
        return values

    def roots(
        self, table: Table, key: str, default: tuple[str, ...] | None = None
    ) -> tuple[str, ...]:
        """Root ids, checked, in cranial-to-caudal order whatever order the file gives."""
        roots = self.all_in(table, key, ROOT_IDS, "root", default)
        return tuple(sorted(roots, key=ROOT_IDS.index))

    @staticmethod
    def ident(table: Table, key: str = "id") -> str:
        value = table.text(key)
        if not ID_PATTERN.match(value):
            raise table.error(f'"{value}" is not an id (lower case letters, digits, _)', key)
        return value

    @staticmethod
    def unique(items: dict[str, T], key: str, item: T, table: Table, field: str = "id") -> None:
        if key in items:
            raise table.error(f'duplicate id "{key}"', field)
        items[key] = item

    # -- the files, in dependency order ----------------------------------------------------
    def load(self) -> Knowledge:
        self.sources = self.load_sources()
        self.regions = self.load_regions()
        roots = self.load_roots()
        default_atlas, atlases = self.load_atlases()
        nerves = self.load_nerves()
        signs = self.load_signs(nerves)
        disc_levels, level_rules = self.load_levels()
        conditions = self.load_conditions(nerves, level_rules)
        red_flags = self.load_red_flags()
        scoring = self.load_scoring()
        coding = load_coding(self.must_read("coding.toml"), self.sources, FINDING_KINDS)
        return Knowledge(
            sources=MappingProxyType(self.sources),
            roots=MappingProxyType(roots),
            regions=MappingProxyType(self.regions),
            atlases=MappingProxyType(atlases),
            default_atlas=default_atlas,
            signs=MappingProxyType(signs),
            nerves=MappingProxyType(nerves),
            disc_levels=MappingProxyType(disc_levels),
            level_rules=level_rules,
            conditions=MappingProxyType(conditions),
            red_flags=MappingProxyType(red_flags),
            scoring=scoring,
            coding=coding,
        )

    def load_sources(self) -> dict[str, Source]:
        top = self.must_read("sources.toml")
        table = top.table("source")
        top.close()
        sources: dict[str, Source] = {}
        for source_id in list(table.data):
            item = table.table(source_id)
            if not ID_PATTERN.match(source_id):
                raise item.error(f'"{source_id}" is not an id (lower case letters, digits, _)')
            sources[source_id] = Source(
                id=source_id,
                authors=item.text("authors"),
                year=item.whole("year"),
                title=item.text("title"),
                publication=item.text("publication", ""),
            )
            item.close()
        table.close()
        if not sources:
            raise KnowledgeError("sources.toml: source: no sources defined")
        return sources

    def load_regions(self) -> dict[str, Region]:
        top = self.must_read("regions.toml")
        regions: dict[str, Region] = {}
        for item in top.tables("region"):
            region = Region(
                id=self.ident(item),
                name=item.text("name"),
                description=item.text("description"),
                group=self.one_of(item, "group", REGION_GROUPS),
                midline=item.flag("midline", default=False),
                code=read_code(item, self.sources),
            )
            if region.code is None:
                raise item.error("missing (its SNOMED CT body structure)", "snomed")
            self.unique(regions, region.id, region, item)
            item.close()
        top.close()
        return regions

    def load_roots(self) -> dict[str, Root]:
        top = self.must_read("roots.toml")
        roots: dict[str, Root] = {}
        for order, item in enumerate(top.tables("root")):
            root_id = item.text("id")
            expected = ROOT_IDS[order] if order < len(ROOT_IDS) else None
            if root_id != expected:
                want = f'"{expected}"' if expected else "nothing more"
                raise item.error(f'got "{root_id}", expected {want} (roots run C2..S5)', "id")
            segment = item.text("segment")
            if segment != SEGMENTS[root_id[0]]:
                raise item.error(f'"{segment}" should be "{SEGMENTS[root_id[0]]}"', "segment")
            region = item.opt_text("key_point_region")
            if region is not None and region not in self.regions:
                raise item.error(f'unknown region "{region}"', "key_point_region")
            roots[root_id] = Root(
                id=root_id,
                segment=segment,
                order=order,
                key_sensory_point=item.text("key_sensory_point"),
                key_point_region=region,
                source=self.source(item),
            )
            item.close()
        top.close()
        if len(roots) != len(ROOT_IDS):
            raise KnowledgeError(f'roots.toml: root: missing "{ROOT_IDS[len(roots)]}"')
        return roots

    def load_atlases(self) -> tuple[str, dict[str, Atlas]]:
        index = self.must_read(ATLAS_INDEX)
        names = index.texts("atlases")
        default = index.text("default_atlas")
        index.close()
        if default not in names:
            raise index.error(f'"{default}" is not in atlases', "default_atlas")
        atlases: dict[str, Atlas] = {}
        for position, name in enumerate(names):
            if not ID_PATTERN.match(name):
                raise index.error(f'"{name}" is not an atlas id', f"atlases[{position}]")
            atlases[name] = self.load_atlas(name)
        return default, atlases

    def load_atlas(self, name: str) -> Atlas:
        file = f"atlases/{name}.toml"
        top = self.must_read(file)
        head = top.table("atlas")
        atlas_id = head.text("id")
        if atlas_id != name:
            raise head.error(f'"{atlas_id}" should match the file name "{name}"', "id")
        entries: dict[str, DermatomeEntry] = {}
        for item in top.tables("entry"):
            region = self.one_of_region(item)
            primary = self.roots(item, "primary")
            overlap = self.roots(item, "overlap", ())
            both = sorted(set(primary) & set(overlap))
            if both:
                raise item.error(f'root "{both[0]}" is both primary and overlap', "overlap")
            note = item.text("note", "")
            if not primary and not note:
                raise item.error("no primary root: say why in a note", "primary")
            entry = DermatomeEntry(
                region=region,
                primary=primary,
                overlap=overlap,
                source=self.source(item),
                note=note,
            )
            self.unique(entries, region, entry, item, "region")
            item.close()
        missing = [region for region in self.regions if region not in entries]
        if missing:
            raise top.error(f'no entry for region "{missing[0]}"', "entry")
        atlas = Atlas(
            id=atlas_id,
            name=head.text("name"),
            description=head.text("description"),
            source=self.source(head),
            entries=MappingProxyType(entries),
        )
        head.close()
        top.close()
        return atlas

    def one_of_region(self, item: Table, key: str = "region") -> str:
        region = item.text(key)
        if region not in self.regions:
            raise item.error(f'unknown region "{region}"', key)
        return region

    def load_nerves(self) -> dict[str, Nerve]:
        top = self.must_read("nerves.toml")
        nerves: dict[str, Nerve] = {}
        for item in top.tables("nerve"):
            nerve = Nerve(
                id=self.ident(item),
                name=item.text("name"),
                roots=self.roots(item, "roots"),
                cutaneous=self.all_in(item, "cutaneous", self.regions, "region", ()),
                motor=self.all_in(item, "motor", SIGNS, "sign", ()),
                entrapment_site=item.text("entrapment_site"),
                source=self.source(item),
            )
            self.unique(nerves, nerve.id, nerve, item)
            item.close()
        top.close()
        return nerves

    def load_signs(self, nerves: Mapping[str, Nerve]) -> dict[str, SignRule]:
        top = self.must_read("signs.toml")
        signs: dict[str, SignRule] = {}
        for item in top.tables("sign"):
            sign = self.one_of(item, "id", SIGNS)
            kind = self.one_of(item, "kind", SIGN_KINDS)
            if (kind == "mrc") != (sign in MRC_SIGNS):
                expected = "mrc" if sign in MRC_SIGNS else "not mrc"
                raise item.error(f'"{kind}" does not fit {sign} (expected {expected})', "kind")
            roots = item.weights("roots")
            for root, weight in roots.items():
                if root not in ROOT_IDS:
                    raise item.error(f'unknown root "{root}"', f"roots.{root}")
                if not 0.0 < weight <= 1.0:
                    raise item.error("weight must be in (0, 1]", f"roots.{root}")
            rule = SignRule(
                sign=sign,
                label=item.text("label"),
                kind=kind,
                roots=MappingProxyType(roots),
                nerves=self.all_in(item, "nerves", nerves, "nerve", ()),
                muscles=item.text("muscles"),
                source=self.source(item),
                code=read_coded(item, self.sources),
            )
            self.unique(signs, sign, rule, item)
            item.close()
        top.close()
        missing = [sign for sign in SIGNS if sign not in signs]
        if missing:
            raise KnowledgeError(f'signs.toml: sign: no rule for sign "{missing[0]}"')
        self.check_motor(signs, nerves)
        return {sign: signs[sign] for sign in SIGNS}

    @staticmethod
    def check_motor(signs: Mapping[str, SignRule], nerves: Mapping[str, Nerve]) -> None:
        """A nerve's motor signs and a sign's nerves must tell the same story."""
        for nerve in nerves.values():
            for sign in nerve.motor:
                if nerve.id not in signs[sign].nerves:
                    raise KnowledgeError(
                        f'signs.toml: {sign}.nerves: missing "{nerve.id}" '
                        f"(nerves.toml lists {sign} as motor of {nerve.id})"
                    )
        for rule in signs.values():
            if rule.kind == "tension":
                continue  # a tension sign stretches a nerve; it is not that nerve's motor
            for nerve_id in rule.nerves:
                if rule.sign not in nerves[nerve_id].motor:
                    raise KnowledgeError(
                        f'nerves.toml: {nerve_id}.motor: missing "{rule.sign}" '
                        f"(signs.toml lists {nerve_id} among the nerves of {rule.sign})"
                    )

    def load_levels(self) -> tuple[dict[str, DiscLevel], tuple[LevelRule, ...]]:
        top = self.must_read("levels.toml")
        discs: dict[str, DiscLevel] = {}
        for item in top.tables("disc"):
            level = item.text("level")
            upper = self.one_of(item, "upper", ROOT_IDS)
            lower = self.one_of(item, "lower", ROOT_IDS)
            if level != f"{upper}-{lower}":
                raise item.error(f'"{level}" should be "{upper}-{lower}"', "level")
            disc = DiscLevel(
                level=level,
                upper=upper,
                lower=lower,
                exiting_root=self.one_of(item, "exiting_root", ROOT_IDS),
                traversing_root=self.one_of(item, "traversing_root", ROOT_IDS),
                source=self.source(item),
            )
            self.unique(discs, level, disc, item, "level")
            item.close()
        rules: dict[str, LevelRule] = {}
        for item in top.tables("rule"):
            rule = LevelRule(
                id=self.ident(item),
                lesion=self.one_of(item, "lesion", LESIONS),
                zone=self.one_of(item, "zone", ZONES),
                affects=self.one_of(item, "affects", AFFECTS),
                text=item.text("text"),
                source=self.source(item),
                typical_levels=self.all_in(item, "typical_levels", discs, "disc level", ()),
            )
            self.unique(rules, rule.id, rule, item)
            item.close()
        top.close()
        return discs, tuple(rules.values())

    def load_conditions(
        self, nerves: Mapping[str, Nerve], rules: tuple[LevelRule, ...]
    ) -> dict[str, Condition]:
        top = self.read("conditions.toml")
        conditions: dict[str, Condition] = {}
        lesions = {rule.lesion for rule in rules}
        for item in top.tables("condition"):
            condition_id = self.ident(item)
            lesion = item.opt_text("lesion")
            if lesion is not None and not any(
                known == lesion or known.startswith(lesion + "_") for known in lesions
            ):
                raise item.error(f'unknown lesion "{lesion}" (not in levels.toml)', "lesion")
            nerve = item.opt_text("nerve")
            if nerve is not None and nerve not in nerves:
                raise item.error(f'unknown nerve "{nerve}"', "nerve")
            condition = Condition(
                id=condition_id,
                name=item.text("name"),
                category=self.one_of(item, "category", CATEGORIES),
                description=item.text("description"),
                icd10=self.each(item, "icd10", self.icd10),
                features=self.each(item, "feature", self.feature),
                source=self.source(item),
                nerve=nerve,
                lesion=lesion,
            )
            self.unique(conditions, condition_id, condition, item)
            item.close()
        top.close()
        return conditions

    def load_red_flags(self) -> dict[str, RedFlag]:
        top = self.read("red_flags.toml")
        flags: dict[str, RedFlag] = {}
        for item in top.tables("red_flag"):
            flag = RedFlag(
                id=self.ident(item),
                urgency=self.one_of(item, "urgency", URGENCIES),
                message=item.text("message"),
                triggers=self.each(item, "trigger", self.feature),
                source=self.source(item),
                threshold=item.number("threshold", 1.0),
                requires=item.opt_text("requires"),
                lower=self.tier(item.table("lower")) if item.has("lower") else None,
                variants=self.each(item, "variant", self.variant),
            )
            self.unique(flags, flag.id, flag, item)
            item.close()
        top.close()
        return flags

    def load_scoring(self) -> Scoring:
        """scoring.toml: every weight of ``PARAMETERS`` and set of ``SETS``, each explained."""
        top = self.must_read("scoring.toml")
        table = top.table("weight")
        weights: dict[str, Weight] = {}
        for key in list(table.data):
            if key not in PARAMETERS:
                raise table.error(f'unknown weight "{key}"{_hint(key, PARAMETERS)}', key)
            item = table.table(key)
            low, high, whole = PARAMETERS[key]
            value = float(item.whole("value")) if whole else item.number("value")
            if not low <= value <= high:
                raise item.error(
                    f"{value:g} is out of range (allowed {low:g} to {high:g})", "value"
                )
            weights[key] = Weight(key, value, *self.explained(item))
            item.close()
        table.close()
        missing = [key for key in PARAMETERS if key not in weights]
        if missing:
            raise table.error(f'missing weight "{missing[0]}"')
        if weights["finding.pain_cap"].value <= weights["finding.pain_knee"].value:
            raise table.error("must be above finding.pain_knee", "finding.pain_cap.value")
        sets_table = top.table("set")
        sets: dict[str, NamedSet] = {}
        groups = {region.group for region in self.regions.values()}
        allowed = {"regions": self.regions, "groups": groups, "kinds": FINDING_KINDS}
        for key in list(sets_table.data):
            if key not in SETS:
                raise sets_table.error(f'unknown set "{key}"{_hint(key, SETS)}', key)
            item = sets_table.table(key)
            what = SETS[key]
            values = self.all_in(item, what, tuple(allowed[what]), what[:-1])
            if not values:
                raise item.error("must not be empty", what)
            sets[key] = NamedSet(key, frozenset(values), *self.explained(item))
            item.close()
        sets_table.close()
        top.close()
        missing = [key for key in SETS if key not in sets]
        if missing:
            raise sets_table.error(f'missing set "{missing[0]}"')
        return build_scoring(weights, sets)

    def explained(self, item: Table) -> tuple[str, str | None]:
        """(rationale, source): a rationale always, a source where one supports it."""
        if not item.has("rationale"):
            raise item.error("missing rationale: say why this value (and cite a source if one)")
        rationale = item.text("rationale")
        source = self.source(item) if item.has("source") else None
        return rationale, source

    # -- pieces of conditions and red flags --------------------------------------------------
    @staticmethod
    def each(item: Table, key: str, read: Callable[[Table], T]) -> tuple[T, ...]:
        return tuple(read(sub) for sub in item.tables(key, required=False))

    def icd10(self, item: Table) -> Icd10Code:
        code = item.text("code")
        if not ICD10_PATTERN.match(code):
            raise item.error(f'"{code}" is not an ICD-10 code (like M51.16)', "code")
        result = Icd10Code(
            code=code,
            label=item.text("label"),
            source=self.source(item),
            laterality=self.opt_one_of(item, "laterality", LATERALITIES),
            region=self.opt_one_of(item, "region", CODE_REGIONS),
            requires=self.history_flags(item, "requires"),
            unless=self.history_flags(item, "unless"),
            note=item.opt_text("note"),
        )
        item.close()
        return result

    def opt_one_of(self, item: Table, key: str, allowed: tuple[str, ...]) -> str | None:
        return self.one_of(item, key, allowed) if item.has(key) else None

    @staticmethod
    def history_flags(item: Table, key: str) -> tuple[str, ...]:
        flags = item.texts(key, ())
        for index, flag in enumerate(flags):
            if flag not in HISTORY_FLAGS:
                raise item.error(f'unknown history key "{flag}"', f"{key}[{index}]")
        return flags

    def tier(self, item: Table) -> RedFlagTier:
        result = RedFlagTier(
            threshold=item.number("threshold"),
            urgency=self.one_of(item, "urgency", URGENCIES),
            message=item.text("message"),
            source=self.source(item),
        )
        item.close()
        return result

    def variant(self, item: Table) -> RedFlagVariant:
        leading = item.texts("leading", ())
        for index, category in enumerate(leading):
            if category not in CATEGORIES:
                raise item.error(f'unknown category "{category}"', f"leading[{index}]")
        result = RedFlagVariant(
            message=item.text("message"),
            source=self.source(item),
            when=item.opt_text("when"),
            leading=leading,
        )
        item.close()
        return result

    def feature(self, item: Table) -> Feature:
        result = Feature(
            when=item.text("when"),
            weight=item.number("weight"),
            why=item.text("why"),
            source=self.source(item),
        )
        item.close()
        return result
