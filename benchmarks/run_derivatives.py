"""Photo derivatives benchmark: the project's pipeline against a bare Pillow loop.

Generates `--count` typical 12-megapixel JPEGs (4000×3000, photo-like: gradients, shapes with
edges, sensor-like noise; quality 90), cached in the system temporary directory, then runs each
variant in its own child process (so peak memory is that variant's alone):

- **bare**: for each file, one Pillow decode, upright, then every preset size (centre crop for the
  fixed sizes, longest side 2048 for the press release, the original pixels for the archive),
  same resampling (Lanczos, reducing_gap 3) and JPEG qualities, written to files. No smart crop,
  no metadata, no database.
- **render**: `bakohumas.media.derivatives.render_all` (smart crop: face detection where OpenCV has
  it, else centre of detail; EXIF + XMP metadata), the JPEGs kept in memory only.
- **pipeline**: `bakohumas.media.services.derivatives_generate` for each photo: render_all, then the
  storage writes and one `Derivative` row per preset in a fresh SQLite database (what the
  background job runs).

Reports wall time, per-photo time, overhead against the bare loop (goal: under 25 %) and the
peak resident memory of each child (VmHWM), with the resident memory after start-up so the
cost of importing Django is visible separately.

    .venv/bin/python benchmarks/run_derivatives.py [--count 100]

The table is printed and written to `benchmarks/results/derivatives-latest.md`.
"""

from __future__ import annotations

import argparse

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "derivatives-latest.md"
CACHE = Path(tempfile.gettempdir()) / "bakohumas-bench-photos"
SIZE = (4000, 3000)
GOAL_OVERHEAD = 25.0


def _status_mb(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _rss_mb() -> float:
    """Peak resident memory of this process: VmHWM (reset by exec, unlike ru_maxrss, which a child
    inherits from its parent's size at fork), else ru_maxrss."""
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    current = _status_mb("VmRSS")
    return current if current is not None else _rss_mb()


def make_photos(count: int) -> list[Path]:
    """Photo-like 12 MP JPEGs, made once and kept (about 2–3 MB each)."""
    import numpy as np
    from PIL import Image

    CACHE.mkdir(parents=True, exist_ok=True)
    paths = []
    width, height = SIZE
    for index in range(count):
        path = CACHE / f"foto-{index:03d}.jpg"
        paths.append(path)
        if path.exists():
            continue
        rng = np.random.default_rng(index)
        # Built at a quarter size and enlarged (smooth like a lens), then detail and noise at full size.
        small_w, small_h = width // 4, height // 4
        y, x = np.mgrid[0:small_h, 0:small_w].astype(np.float32)
        angle = rng.uniform(0, 6.28)
        base = 120 + 70 * np.sin(x / small_w * 3 + angle)[..., None] * np.array([1.0, 0.8, 0.6], dtype=np.float32)
        base = base + 40 * (y / small_h)[..., None]
        for _ in range(12):  # objects: bright or dark blocks with hard edges
            cx, cy = rng.integers(0, small_w), rng.integers(0, small_h)
            w, h = rng.integers(30, 250), rng.integers(30, 250)
            base[cy:cy + h, cx:cx + w] += rng.uniform(-80, 80, 3).astype(np.float32)
        image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8), "RGB").resize(SIZE, Image.Resampling.BICUBIC)
        pixels = np.asarray(image, dtype=np.int16)
        pixels = pixels + rng.normal(0, 5, pixels.shape).astype(np.int16)
        Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB").save(path, "JPEG", quality=90)
    return paths


# --- the child processes -----------------------------------------------------------------------

def bare(paths: list[Path], out: Path) -> dict:
    """The same sizes with nothing but Pillow (the comparison point)."""
    from PIL import Image, ImageOps

    from bakohumas.media.derivatives import PRESETS, RESAMPLE, REDUCING_GAP

    out.mkdir(parents=True, exist_ok=True)
    started_rss = _current_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
        for spec in PRESETS.values():
            if spec.is_crop:
                ratio = spec.width / spec.height
                w, h = image.size
                cw, ch = (w, w / ratio) if w / h <= ratio else (h * ratio, h)
                box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
                result = image.resize((spec.width, spec.height), RESAMPLE, box=box, reducing_gap=REDUCING_GAP)
            elif spec.longest and max(image.size) > spec.longest:
                factor = spec.longest / max(image.size)
                result = image.resize((round(image.width * factor), round(image.height * factor)), RESAMPLE,
                                      reducing_gap=REDUCING_GAP)
            else:
                result = image
            result.save(out / f"{path.stem}-{spec.code}.jpg", "JPEG", quality=spec.quality,
                        progressive=spec.code != "arsip", subsampling=0 if spec.quality >= 95 else 2)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "rss_start_mb": started_rss, "peak_mb": _rss_mb()}


def render(paths: list[Path]) -> dict:
    from bakohumas.media.derivatives import PRESETS, Metadata, render_all

    meta = Metadata(caption="Sosialisasi pemilih pemula di SMAN 1", credit="Tim Humas", office="KPU Kota Kediri",
                    activity="Sosialisasi Pemilih Pemula")
    started_rss = _current_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    total = 0
    for path in paths:
        for rendered in render_all(str(path), tuple(PRESETS), meta):
            total += len(rendered.content)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "rss_start_mb": started_rss, "peak_mb": _rss_mb(), "bytes": total}


def pipeline(paths: list[Path]) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    import django

    django.setup()
    import datetime as dt
    import hashlib

    from django.core.files import File
    from django.core.management import call_command

    from bakohumas.media.models import MediaFile
    from bakohumas.media.services import derivatives_generate
    from bakohumas.offices.models import Office
    from bakohumas.records.models import Activity

    call_command("migrate", verbosity=0)
    office = Office.objects.get(code="3571")  # Kota Kediri (offices are loaded by the migrations)
    activity = Activity.objects.create(office=office, held_on=dt.date(2025, 5, 1), kind="sosialisasi",
                                       title="Sosialisasi Pemilih Pemula")
    photos = []
    for path in paths:  # the uploads themselves are not timed
        media = MediaFile(activity=activity, office=office, kind="photo", original_name=path.name, mime="image/jpeg",
                          size=path.stat().st_size, sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                          grade="baik", score=0.9, width=SIZE[0], height=SIZE[1], caption="Sosialisasi pemilih pemula",
                          credit="Tim Humas")
        with open(path, "rb") as handle:
            media.file.save(path.name, File(handle), save=True)
        photos.append(media)
    photos = list(MediaFile.objects.select_related("activity", "office").order_by("original_name"))
    started_rss = _current_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    for media in photos:
        derivatives_generate(media=media)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "rss_start_mb": started_rss, "peak_mb": _rss_mb()}


def run_child(variant: str, count: int, result: Path) -> None:
    paths = make_photos(count)
    with tempfile.TemporaryDirectory(prefix="bakohumas-bench-") as tmp:
        if variant == "bare":
            data = bare(paths, Path(tmp) / "out")
        elif variant == "render":
            data = render(paths)
        else:
            data = pipeline(paths)
    result.write_text(json.dumps(data))


def _child(variant: str, count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bakohumas-bench-data-") as data_dir:
        result = Path(data_dir) / "result.json"
        env = {**os.environ, "BAKOHUMAS_DATA_DIR": data_dir, "PYTHONPATH": str(ROOT)}
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, __file__, "--child", variant, "--count", str(count), "--out", str(result)],
                       check=True, env=env, cwd=data_dir)
        return json.loads(result.read_text())


def report(count: int, results: dict[str, dict], rounds: int) -> str:
    base = results["bare"]["cpu"]
    lines = [
        "## Photo derivatives (issue 5)",
        "",
        f"{count} photos of {SIZE[0]}×{SIZE[1]} (12 MP, JPEG q90), 7 presets each (1080×1080, 1080×1350, "
        "1080×1920, 1200×675, 400×225, press 2048, archive); one child process per variant; "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPU, "
        f"Pillow {__import__('PIL').__version__}; best of {rounds} round(s). The overhead compares CPU time "
        "(all threads of the child), which other work on the machine disturbs less than wall time.",
        "",
        "| variant | CPU (s) | wall (s) | CPU per photo (ms) | overhead vs bare (CPU) | RSS after start-up (MB) "
        "| peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    names = {"bare": "bare Pillow loop", "render": "render_all (smart crop + metadata)",
             "pipeline": "derivatives_generate (+ storage + rows)"}
    for key in ("bare", "render", "pipeline"):
        r = results[key]
        overhead = "—" if key == "bare" else f"{100 * (r['cpu'] - base) / base:+.1f} %"
        lines.append(f"| {names[key]} | {r['cpu']:.1f} | {r['seconds']:.1f} | {1000 * r['cpu'] / count:.0f} | "
                     f"{overhead} | {r['rss_start_mb']:.0f} | {r['peak_mb']:.0f} |")
    overhead = 100 * (results["pipeline"]["cpu"] - base) / base
    verdict = "met" if overhead < GOAL_OVERHEAD else "NOT met"
    lines += ["", f"Goal: pipeline overhead under {GOAL_OVERHEAD:.0f} % — {verdict} ({overhead:+.1f} %). "
              "One decoded copy of the original is held at a time (a 12 MP RGB image is 36 MB), "
              "plus one derivative."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Photo derivatives benchmark.")
    parser.add_argument("--count", type=int, default=100, help="number of 12 MP photos (default 100)")
    parser.add_argument("--rounds", type=int, default=1, help="run each variant this many times, keep the best")
    parser.add_argument("--child", choices=["bare", "render", "pipeline"], help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.count, args.out)
        return 0
    print(f"Making {args.count} photos in {CACHE} (kept for the next run)…", file=sys.stderr)
    subprocess.run([sys.executable, "-c", f"import sys; sys.path[:0] = [{str(HERE)!r}, {str(ROOT)!r}]; "
                    f"import run_derivatives as r; r.make_photos({args.count})"], check=True)
    results: dict[str, dict] = {}
    for round_ in range(args.rounds):
        for variant in ("bare", "render", "pipeline"):  # interleaved, so a busy moment hits all of them
            print(f"Round {round_ + 1}: {variant}…", file=sys.stderr)
            result = _child(variant, args.count)
            if variant not in results or result["cpu"] < results[variant]["cpu"]:
                results[variant] = result
    text = report(args.count, results, args.rounds)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
