#!/usr/bin/env bash
# Smoke-run a built bundle headless: the CLI subcommands and the window (offscreen).
#   packaging/smoke_bundle.sh dist/rootmap
set -euo pipefail
bundle="$(cd "${1:?usage: smoke_bundle.sh BUNDLE_DIR}" && pwd)"
checkout="$(cd "$(dirname "$0")/.." && pwd)"
exe="$bundle/rootmap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"   # away from the checkout, so the bundle must find its own assets

# No QtNetwork: the app never uses the network (the VNC and TUIO plugins are left out).
if found="$(find "$bundle" -name 'libQt6Network*' | grep .)"; then
  echo "bundle carries QtNetwork: $found" >&2; exit 1
fi
# On Linux the launcher's glibc floor is the one the bundle's libraries need.
if [[ -f "$bundle/rootmap-bin" ]]; then
  floor="$(python3 "$checkout/packaging/bundle_tools.py" glibc-floor "$bundle")"
  grep -qx "floor=$floor" "$exe" || { echo "launcher floor is not glibc $floor" >&2; exit 1; }
  echo "glibc floor: $floor"
fi

export QT_QPA_PLATFORM=offscreen
"$exe" --version
"$exe" atlases >/dev/null
"$exe" analyze "$checkout/examples/classic_l5.json" > analysis.json
python3 -c "import json,sys; a=json.load(open('analysis.json')); assert a['roots'][0]['root']=='L5', a['roots'][:1]; print('analyze: top root', a['roots'][0]['root'])"
"$exe" snapshot "$checkout/examples/classic_l5.json" --view foot_dorsal --png snap.png
test -s snap.png && echo "snapshot: $(stat -c %s snap.png) bytes"
"$exe" check-assets >/dev/null && echo "check-assets: clean"

# FHIR (fhir.resources and pydantic, imported only by these two commands): export the
# two-visit example document, one Bundle per visit, each with one Observation per finding,
# sign and history item of its visit.
ms() { python3 -c "import time; print(f'{(time.time()-$1)*1000:.0f} ms')"; }
start=$(date +%s.%N)
"$exe" export "$checkout/examples/follow_up_l5.rootmap" --fhir visit.json >/dev/null
took="$(ms "$start")"
python3 - "$checkout/examples/follow_up_l5.rootmap" "$took" <<'PY'
import collections, json, pathlib, sys
visits = json.load(open(sys.argv[1]))["visits"]
written = sorted(p.name for p in pathlib.Path().glob("visit*.json"))
assert written == [f"visit-{n}.json" for n in range(1, len(visits) + 1)], written
for number, visit in enumerate(visits, 1):
    bundle = json.load(open(f"visit-{number}.json"))
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection"), bundle["type"]
    kinds = collections.Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    observations = len(visit["findings"]) + len(visit["signs"]) + len(visit["history"])
    want = {"Patient": 1, "Encounter": 1, "ClinicalImpression": 1, "Observation": observations}
    assert kinds == want, (number, dict(kinds), want)
print(f"export: {len(visits)} Bundles, {[len(json.load(open(n))['entry']) for n in written]}"
      f" entries, in {sys.argv[2]}")
PY
# Import the last visit's Bundle back, with a Condition and a Practitioner added as a Bundle
# from elsewhere would have them: their models are loaded by name at run time. The encounter
# must have exactly that visit's findings and signs.
python3 - "$checkout/examples/follow_up_l5.rootmap" <<'PY'
import json, sys
bundle = json.load(open(f"visit-{len(json.load(open(sys.argv[1]))['visits'])}.json"))
bundle["entry"] += [
    {"fullUrl": "urn:uuid:7d0c1a52-4c1e-4b8e-9a43-1f0e2d3c4b5a", "resource": {
        "resourceType": "Condition", "code": {"text": "low back pain"},
        "subject": {"reference": bundle["entry"][0]["fullUrl"]}}},
    {"fullUrl": "urn:uuid:0f6e5d4c-3b2a-4190-8e7d-6c5b4a392817", "resource": {
        "resourceType": "Practitioner", "name": [{"family": "Example"}]}},
]
json.dump(bundle, open("foreign.json", "w"))
PY
start=$(date +%s.%N)
"$exe" import --fhir foreign.json --out back.json
took="$(ms "$start")"
python3 - "$checkout/examples/follow_up_l5.rootmap" "$took" <<'PY'
import collections, json, sys
visit = json.load(open(sys.argv[1]))["visits"][-1]
back = json.load(open("back.json"))
def findings(e):
    return collections.Counter(tuple(f.get(k) for k in ("region", "side", "kind", "intensity"))
                               for f in e["findings"])
assert findings(back) == findings(visit), (findings(back), findings(visit))
assert len(back["signs"]) == len(visit["signs"]), (back["signs"], visit["signs"])
print(f"import: {len(back['findings'])} findings and {len(back['signs'])} signs back, "
      f"as in the visit, in {sys.argv[2]}")
PY

# Cohort with 2 worker processes: in the bundle they are this executable started again
# (multiprocessing.freeze_support in launcher.py). The run only uses a pool above one chunk
# of 200 files, so: 250 files, the five example encounters each written 50 ways (different
# indentation: different bytes, so different pseudonymous ids; the same findings).
mkdir cohort
python3 - "$checkout/examples" <<'PY'
import json, pathlib, sys
for source in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    encounter = json.load(open(source))
    for indent in range(1, 51):
        json.dump(encounter, open(f"cohort/{source.stem}_{indent}.json", "w"), indent=indent)
PY
start=$(date +%s.%N)
"$exe" cohort cohort --jobs 2 --csv cohort2.csv > cohort2.txt
took="$(ms "$start")"
"$exe" cohort cohort --jobs 1 --csv cohort1.csv >/dev/null
python3 - "$took" <<'PY'
import csv, json, pathlib, sys
inputs = sorted(pathlib.Path("cohort").glob("*.json"))
findings = sum(len(json.load(open(p))["findings"]) for p in inputs)
rows = list(csv.DictReader(open("cohort2.csv")))
summary = open("cohort2.txt").read()
assert summary.startswith(f"{len(inputs)} files: {len(inputs)} analysed, 0 skipped"), summary
assert "on 2 processes" in summary, summary  # the workers really ran
assert len(rows) == findings, (len(rows), findings)
assert len({r["encounter"] for r in rows}) == len(inputs), len({r["encounter"] for r in rows})
assert open("cohort2.csv").read() == open("cohort1.csv").read(), "2 workers differ from 1"
print(f"cohort: {len(inputs)} files on 2 processes in {sys.argv[1]}: {len(rows)} CSV rows"
      f" (one per finding), {len(inputs)} encounters, the same CSV as on 1 process")
PY

# The window: start it and time until it has painted (ROOTMAP_EXIT_AFTER_PAINT makes it quit).
start=$(date +%s.%N)
ROOTMAP_EXIT_AFTER_PAINT=1 "$exe"
end=$(date +%s.%N)
python3 -c "print(f'window start-up to first paint and exit: {($end-$start)*1000:.0f} ms')"
echo "bundle smoke test: passed"
