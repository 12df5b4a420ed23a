"""Login benchmark (issue 18): the login POST (`/masuk/`, the whole middleware stack, django-axes,
the session and the redirect) with the password hashed by PBKDF2 (Django's default, 1,000,000
rounds in Django 5.2) and by Argon2 (the project's hasher since 0.5.0), and the one login that
upgrades an old PBKDF2 hash to Argon2.

    .venv/bin/python benchmarks/run_login.py [--repeat 15]

Each hasher runs in a child process on a fresh SQLite file (the database is not what is measured:
a login reads one user row and writes one session). Prints a markdown table and writes it to
`benchmarks/results/login-latest.md`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from child import run_child  # noqa: E402  (a sibling module: benchmarks/ is first on sys.path)

PASSWORD = "Sandi-Benchmark-2026"
HASHERS = {
    "pbkdf2": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
    "argon2": ["django.contrib.auth.hashers.Argon2PasswordHasher",
               "django.contrib.auth.hashers.PBKDF2PasswordHasher"],
}


def child(hasher: str, repeat: int) -> dict[str, float | str]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client, override_settings

    from bakohumas.offices.models import Office, User

    call_command("migrate", verbosity=0, interactive=False)
    office = Office.objects.regencies().first()
    out: dict[str, float | str] = {}

    def login_once(username: str) -> float:
        client = Client(HTTP_HOST="127.0.0.1")
        started = time.perf_counter()
        response = client.post("/masuk/", {"username": username, "password": PASSWORD})
        elapsed = time.perf_counter() - started
        assert response.status_code == 302, response.status_code
        return elapsed

    with override_settings(PASSWORD_HASHERS=HASHERS[hasher]):
        User.objects.create_user(username="bench.login", password=PASSWORD, office=office)
        login_once("bench.login")  # warm-up: imports, template and URL caches
        times = [login_once("bench.login") for _ in range(repeat)]
    out["median"], out["min"] = statistics.median(times), min(times)
    out["hash"] = User.objects.get(username="bench.login").password.split("$", 1)[0]
    if hasher == "argon2":
        # An account made before 0.5.0: its PBKDF2 hash verifies once and is rewritten as Argon2.
        with override_settings(PASSWORD_HASHERS=HASHERS["pbkdf2"]):
            User.objects.create_user(username="bench.old", password=PASSWORD, office=office)
        with override_settings(PASSWORD_HASHERS=HASHERS["argon2"]):
            out["upgrade"] = login_once("bench.old")
        out["upgraded_to"] = User.objects.get(username="bench.old").password.split("$", 1)[0]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--hasher", choices=tuple(HASHERS), help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.hasher, args.repeat)))
        return
    lines = ["## Login", "",
             f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, SQLite, "
             f"load before {os.getloadavg()[0]:.2f}; {args.repeat} logins after one warm-up.", "",
             "| hasher | stored hash | login POST median | min |", "|---|---|---:|---:|"]
    results = {}
    for hasher in HASHERS:
        result = run_child(__file__, "sqlite", ["--hasher", hasher, "--repeat", str(args.repeat)],
                           drop=("REDIS_URL",))
        if isinstance(result, str):
            sys.exit(f"{hasher}: {result}")
        results[hasher] = result
        lines.append(f"| {hasher} | `{result['hash']}` | {result['median'] * 1000:.0f} ms | "
                     f"{result['min'] * 1000:.0f} ms |")
    upgrade = results["argon2"]
    lines += ["", f"The first login of an account hashed with PBKDF2, once Argon2 is the first hasher: "
              f"{upgrade['upgrade'] * 1000:.0f} ms (verify PBKDF2, then store `{upgrade['upgraded_to']}`); "
              "every later login costs the Argon2 figure."]
    text = "\n".join(lines) + "\n"
    print(text)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "login-latest.md").write_text(text)


if __name__ == "__main__":
    main()
