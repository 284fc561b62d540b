"""Throughput of `detente ingest` against bare spaCy on the same corpus, in the same run.

    python bench/throughput.py [--articles 1000] [--workers 1] [--corpus FILE.jsonl] [--repeat 2]

Each phase runs in its own process (so each has its own peak memory) and the phases alternate,
`--repeat` times each; the best time of each is kept, because this machine is noisy. The figure
every change is held to is the ratio detente / bare spaCy in articles per second.

With one worker, detente parses in a process of its own while the main process codes and stores
the batch before, so its wall time hides part of its CPU time; the breakdown by stage, measured
in one process, shows all of it. Start-up (a process to start, dictionaries to load) is paid once
per run, so short corpora show a lower ratio than long ones.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CODING_STAGES = ("actors", "events", "motives")


def _texts(corpus: Path) -> list[str]:
    with corpus.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def phase_bare(corpus: Path, workers: int) -> dict[str, float]:
    from detente.nlp import load_pipeline

    nlp = load_pipeline()
    texts = _texts(corpus)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=workers, batch_size=32))
    return {"seconds": time.perf_counter() - started, "articles": len(texts), "tokens": tokens}


def phase_detente(corpus: Path, workers: int) -> dict[str, float]:
    from detente.nlp import load_pipeline
    from detente.pipeline import IngestOptions, ingest
    from detente.store import Store

    load_pipeline()  # both phases start timing with the pipeline loaded
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        started = time.perf_counter()
        summary = ingest([str(corpus)], store=store, options=IngestOptions(workers=workers))
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": summary.new, "events": summary.events}


def phase_stages(corpus: Path, workers: int) -> dict[str, float]:
    """Each coding stage's time over the corpus, against the parse (one process, for the breakdown)."""
    from detente.coding import Coder
    from detente.ingest import make_article
    from detente.nlp import load_pipeline, parse_articles

    nlp = load_pipeline()
    started = time.perf_counter()
    coder = Coder(nlp=nlp)
    startup = time.perf_counter() - started
    articles = [make_article(text) for text in _texts(corpus)]
    started = time.perf_counter()
    parsed = list(parse_articles(nlp, articles))
    timings = {"parse": time.perf_counter() - started, "startup": startup}
    started = time.perf_counter()
    mentions = [coder.resolver.resolve(p) for p in parsed]
    timings["actors"] = time.perf_counter() - started
    started = time.perf_counter()
    for p, m in zip(parsed, mentions, strict=True):
        coder.event_coder.code(p, m)
    timings["events"] = time.perf_counter() - started
    started = time.perf_counter()
    for p, m in zip(parsed, mentions, strict=True):
        coder.motive_extractor.extract(p, m)
    timings["motives"] = time.perf_counter() - started
    timings["mentions"] = sum(len(m) for m in mentions)
    return timings


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _run_phase(name: str, corpus: Path, workers: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--phase", name, "--corpus", str(corpus), "--workers", str(workers)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="synthetic reports to generate")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus (field `text`) instead of a generated one")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--phase", choices=["bare", "detente", "stages"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase:
        phases = {"bare": phase_bare, "detente": phase_detente, "stages": phase_stages}
        result = phases[args.phase](args.corpus, args.workers)
        print(json.dumps({**result, "peak_rss_mb": _peak_rss_mb()}))
        return

    with tempfile.TemporaryDirectory() as folder:
        corpus = args.corpus
        if corpus is None:
            from detente.synthetic import wire_reports

            corpus = Path(folder) / "corpus.jsonl"
            corpus.write_text("".join(json.dumps(r) + "\n" for r in wire_reports(args.articles)), encoding="utf-8")
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeat):
            for name in ("bare", "detente"):
                result = _run_phase(name, corpus, args.workers)
                if name not in best or result["seconds"] < best[name]["seconds"]:
                    best[name] = result
        stages = _run_phase("stages", corpus, 1)
    bare, det = best["bare"], best["detente"]
    tokens = bare["tokens"]
    print(
        f"corpus: {int(bare['articles'])} articles, {int(tokens)} tokens; workers: {args.workers}; "
        f"best of {args.repeat}"
    )
    print(f"{'':10} {'articles/s':>12} {'tokens/s':>12} {'peak RSS MB':>12}")
    for name, result in (("spaCy", bare), ("detente", det)):
        rate = result["articles"] / result["seconds"] if name == "spaCy" else bare["articles"] / result["seconds"]
        print(f"{name:10} {rate:12.1f} {tokens / result['seconds']:12.0f} {result['peak_rss_mb']:12.0f}")
    print(f"ratio detente/spaCy (articles/s): {bare['seconds'] / det['seconds']:.3f}")
    print(f"events coded: {int(det.get('events', 0))}")
    parse = stages["parse"]
    print(f"stages, one process: parse {parse:.2f} s; start-up (dictionaries, matchers) {stages['startup']:.2f} s once")
    for stage in _CODING_STAGES:
        print(f"  {stage:8} {stages[stage]:6.2f} s = +{100 * stages[stage] / parse:.1f}% of the parse time")
    print(f"  mentions found: {int(stages['mentions'])}")
    work = parse + stages["startup"] + sum(stages[stage] for stage in _CODING_STAGES)
    print(f"parse / (parse + start-up + stages), all in one process: {parse / work:.3f}")


if __name__ == "__main__":
    main()
