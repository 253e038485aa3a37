import sys, re, datetime, collections, unicodedata
path = sys.argv[1]
KINDS = {"national","ministry","party","agency","province","local","collective"}
rows, errs = [], []
raw = open(path, "rb").read()
text = raw.decode("utf-8")                      # must be UTF-8
if "\r" in text: errs.append("CR characters present")
for n, line in enumerate(text.split("\n"), 1):
    if line == "" or line.startswith("#"): continue
    f = line.split("\t")
    if len(f) != 7: errs.append(f"{n}: {len(f)} columns"); continue
    if any(x != x.strip() for x in f): errs.append(f"{n}: stray whitespace in a field")
    if unicodedata.normalize("NFC", line) != line: errs.append(f"{n}: not NFC")
    rows.append((n, f))
ids = collections.Counter(f[0] for _, f in rows)
for i, c in ids.items():
    if c > 1: errs.append(f"duplicate id {i}")
idset = set(ids)
for n, (id_, kind, name, al, scope, valid, succ) in rows:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", id_): errs.append(f"{n}: bad id {id_}")
    if kind not in KINDS: errs.append(f"{n}: bad kind {kind}")
    if not name: errs.append(f"{n}: empty name")
    if al and any(a == "" for a in al.split("|")): errs.append(f"{n}: empty alias")
    if al and name in al.split("|"): errs.append(f"{n}: alias equals name")
    if kind == "province" and scope not in ("tỉnh", "thành phố"): errs.append(f"{n}: province scope {scope}")
    if kind == "local" and scope not in ("province", "district", "commune"): errs.append(f"{n}: local scope {scope}")
    if kind not in ("province", "local") and scope not in ("", "national"): errs.append(f"{n}: scope {scope}")
    if valid:
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?", valid)
        if not m or valid == "..": errs.append(f"{n}: bad valid {valid}")
        else:
            d = [datetime.date.fromisoformat(x) if x else None for x in m.groups()]
            if d[0] and d[1] and d[0] > d[1]: errs.append(f"{n}: from > to")
    if succ:
        if succ not in idset: errs.append(f"{n}: successor {succ} missing")
        if succ == id_: errs.append(f"{n}: self successor")
        if not valid or valid.endswith(".."): errs.append(f"{n}: successor but no end date")
# successor chains end in a current body, no cycles
byid = {f[0]: f for _, f in rows}
for i in idset:
    seen, cur = set(), i
    while byid[cur][6]:
        if cur in seen: errs.append(f"cycle at {i}"); break
        seen.add(cur); cur = byid[cur][6]
# ambiguous aliases: an alias (or name) of one entry used as an alias of another
owner = collections.defaultdict(set)
for _, f in rows:
    for a in (f[3].split("|") if f[3] else []): owner[a].add(f[0])
amb = {a: o for a, o in owner.items() if len(o) > 1}
for _, f in rows:
    if f[2] in owner and f[0] not in owner[f[2]] : amb.setdefault(f[2], set()).update(owner[f[2]] | {f[0]})
print("errors:", len(errs)); [print("  ", e) for e in errs]
print("aliases shared by several entries:", len(amb))
for a, o in sorted(amb.items()): print("  ", a, sorted(o))
cnt = collections.Counter(f[1] for _, f in rows)
print("entries:", len(rows)); [print(f"  {k:11s}{cnt[k]}") for k in ["national","ministry","party","agency","province","local","collective"]]
prov = [f for _, f in rows if f[1] == "province"]
cur = [f for f in prov if not f[5] or f[5].endswith("..")]
before = [f for f in prov if not f[5] or f[5].startswith("..")]
print("provinces current:", len(cur), " provinces on 2025-06-30:", sum(1 for f in prov if (not f[5]) or f[5] in ("..2025-06-30","2025-01-01..")), " on 2024-12-31:", sum(1 for f in prov if not f[5] or f[5].startswith("..")))
mins = [f for _, f in rows if f[1] == "ministry"]
def alive(f, d):
    if not f[5]: return True
    a, b = f[5].split("..")
    return (not a or a <= d) and (not b or d <= b)
print("ministries alive 2025-02-28:", sum(alive(f,"2025-02-28") for f in mins), " 2025-03-01:", sum(alive(f,"2025-03-01") for f in mins))
