"""Post classification benchmark: `classify_texts` on 100,000 posts generated from the corpus.

Each post is a corpus row with variation: every number replaced (dates, counts, years), 15 % two
rows joined (e.g. a greeting followed by an announcement), 20 % a word dropped, emoji, hashtags,
mentions or a link added. Most posts are therefore distinct texts, with tokens the stem cache has
not seen before the run (new numbers, hashtags); nothing is deduplicated.

    .venv/bin/python benchmarks/run_classification.py [--posts 100000] [--batch 10000] [--repeat 3]

Prints a markdown section (posts/s per run, the share the rules settle) and writes it to
`benchmarks/results/classification-latest.md`. Needs no database: the model is trained from the
corpus alone (as the command does when no database answers).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
GOAL = 5000.0  # posts/s on the 2-core reference machine

EXTRA = ["📢", "🙏", "🇮🇩", "#KPUMelayani", "#TemanPemilih", "Info lengkap: kpu.go.id", "Salam demokrasi!",
         "Terima kasih.", "Simak selengkapnya.", "cc @kpu_ri", "@bawaslu"]


def generate(count: int, seed: int = 2026) -> list[str]:
    from bakohumas.posts.classification.corpus import load_corpus

    rng = random.Random(seed)
    rows = [example.text for example in load_corpus()]
    posts = []
    for i in range(count):
        words = rng.choice(rows).split()
        roll = rng.random()
        if roll < 0.15:  # two posts in one
            words += rng.choice(rows).split()
        elif roll < 0.35 and len(words) > 8:  # a word dropped
            del words[rng.randrange(len(words))]
        words = [str(rng.randint(1, 99999)) if w.isdigit() else w for w in words]
        if rng.random() < 0.5:
            words.append(rng.choice(EXTRA))
        if rng.random() < 0.3:
            words.append(f"#{rng.choice(['kpu', 'pilkada', 'pemilu', 'info'])}{i % 5000}")
        posts.append(" ".join(words))
    return posts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")

    from bakohumas.posts import classification as c

    posts = generate(args.posts)
    distinct = len(set(posts))
    # Training at first use, as a fresh process does it: stems the corpus vocabulary, fits the model.
    started = time.perf_counter()
    report = c.retrain(include_corrections=False)
    train_seconds = time.perf_counter() - started
    runs, first_share = [], 0.0
    for run in range(args.repeat):  # run 1 stems the posts' unseen tokens; later runs find them cached
        started = time.perf_counter()
        results = []
        for start in range(0, len(posts), args.batch):
            results += c.classify_texts(posts[start:start + args.batch])
        seconds = time.perf_counter() - started
        runs.append(len(posts) / seconds)
        if run == 0:
            first_share = sum(r.source == "aturan" for r in results) / len(results)
            counts = {label: sum(r.category == label for r in results) for label in c.CATEGORIES}
    lines = [
        "## Post classification",
        "",
        f"{args.posts:,} generated posts ({distinct:,} distinct texts), batches of {args.batch:,}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; load average before: "
        f"{os.getloadavg()[0]:.2f}.",
        f"Model trained from the corpus ({report.corpus_rows} rows) in {train_seconds:.2f} s "
        f"(stemming the corpus vocabulary included).",
        "",
        "| run | posts/s | goal |",
        "|---|---:|---:|",
    ]
    for run, rate in enumerate(runs, 1):
        label = f"{run} (cold stem cache)" if run == 1 else str(run)
        lines.append(f"| {label} | {rate:,.0f} | {GOAL:,.0f} |")
    lines += ["", f"Median {statistics.median(runs):,.0f} posts/s. Rules settle {first_share:.0%} of the posts; "
              f"result: {counts['informasi']:,} informasi, {counts['seremonial']:,} seremonial."]
    text = "\n".join(lines)
    print(text)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "classification-latest.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
