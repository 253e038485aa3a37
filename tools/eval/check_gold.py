#!/usr/bin/env python3
"""Scores `vanban parse` on the development gold and fails below the floors: the figure CI keeps.

Usage: check_gold.py VANBAN GOLD_DIR --min-recall R --min-precision P [--shared SHARED_TOOLS_DIR]
  GOLD_DIR       corpus/gold: the 30 portal documents and assignments.jsonl (copied from
                 ../shared/corpus, see its README)
  --shared DIR   ../shared/tools: when it holds score_assignments.py, its copy here must be the same,
                 so the figure is the one ../shared's scorer gives; and when DIR/../corpus holds the
                 gold, GOLD_DIR's assignments.jsonl and documents must be byte-equal to it (gold/ and
                 portal/ there), so the copy is never edited or stale.
Prints the scorer's line and every miss; exit 0, 1 below a floor or on a stale copy, 2 usage error."""
import argparse, filecmp, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score_assignments  # noqa: E402  (tools/eval/score_assignments.py, a copy of ../shared/tools')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vanban")
    ap.add_argument("gold_dir")
    ap.add_argument("--min-recall", type=float, required=True)
    ap.add_argument("--min-precision", type=float, required=True)
    ap.add_argument("--shared")
    a = ap.parse_args()
    if a.shared:
        theirs = os.path.join(a.shared, "score_assignments.py")
        if os.path.exists(theirs) and not filecmp.cmp(theirs, os.path.join(HERE, "score_assignments.py"), shallow=False):
            print(f"tools/eval/score_assignments.py differs from {theirs}: copy it again", file=sys.stderr)
            return 1
    gold = os.path.join(a.gold_dir, "assignments.jsonl")
    if not os.path.exists(gold):
        print(f"{gold} not found", file=sys.stderr)
        return 2
    if a.shared:
        corpus = os.path.join(a.shared, "..", "corpus")
        pairs = [(gold, os.path.join(corpus, "gold", "assignments.jsonl"))]
        pairs += [(os.path.join(a.gold_dir, n), os.path.join(corpus, "portal", n))
                  for n in sorted(os.listdir(a.gold_dir)) if n.endswith(".md")]
        if os.path.exists(pairs[0][1]):
            for ours, theirs in pairs:
                if not os.path.exists(theirs) or not filecmp.cmp(ours, theirs, shallow=False):
                    print(f"{ours} differs from {theirs}: copy it again (never edit the gold)", file=sys.stderr)
                    return 1
    hit_r, tot_r, hit_p, tot_p = score_assignments.score(a.vanban, [(a.gold_dir, gold)], misses=True)
    recall, precision = 100.0 * hit_r / max(tot_r, 1), 100.0 * hit_p / max(tot_p, 1)
    print(f"assignments: recall {hit_r}/{tot_r} = {recall:.1f}%, precision {hit_p}/{tot_p} = {precision:.1f}%")
    ok = recall >= a.min_recall and precision >= a.min_precision
    if not ok:
        print(f"below the floors: recall {a.min_recall}%, precision {a.min_precision}%", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
