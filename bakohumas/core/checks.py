"""Bakohumas's own deployment checks, run by `bakohumas check-deploy` (and `check --deploy`) beside
Django's. Errors stop a production install; warnings name a choice that is fine for one office."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.translation import gettext as _

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@register(Tags.security, deploy=True)
def check_secret_key(app_configs=None, **kwargs) -> list:
    # Without SECRET_KEY in the environment, settings.py generated one into the data directory:
    # fine for a demo, but it lives beside the data it protects and goes into every copy of it.
    if not os.environ.get("SECRET_KEY"):
        return [Error(_("SECRET_KEY tidak diatur dari lingkungan (environment)."),
                      hint=_("Atur SECRET_KEY berisi string acak panjang (minimal 50 karakter) di lingkungan "
                             "proses server, bukan kunci yang dibuat otomatis di folder data."),
                      id="bakohumas.E001")]
    return []


@register(Tags.security, deploy=True)
def check_debug(app_configs=None, **kwargs) -> list:
    if settings.DEBUG:
        return [Error(_("Mode DEBUG menyala."),
                      hint=_("Hapus BAKOHUMAS_DEBUG atau atur BAKOHUMAS_DEBUG=false; DEBUG membocorkan isi "
                             "pengaturan dan data di halaman galat."),
                      id="bakohumas.E002")]
    return []


@register(Tags.security, deploy=True)
def check_allowed_hosts(app_configs=None, **kwargs) -> list:
    hosts = set(settings.ALLOWED_HOSTS)
    if not hosts - LOCAL_HOSTS or "*" in hosts:
        return [Error(_("ALLOWED_HOSTS belum berisi nama situs yang sebenarnya."),
                      hint=_("Atur ALLOWED_HOSTS dengan nama host situs, misalnya ALLOWED_HOSTS=bakohumas.kpu.go.id "
                             "(tanpa '*')."),
                      id="bakohumas.E003")]
    return []


@register(Tags.security, deploy=True)
def check_https(app_configs=None, **kwargs) -> list:
    if not getattr(settings, "HTTPS", False):
        return [Error(_("HTTPS tidak diaktifkan."),
                      hint=_("Pasang HTTPS di reverse proxy lalu atur BAKOHUMAS_HTTPS=true: cookie aman, HSTS "
                             "dan pengalihan ke https."),
                      id="bakohumas.E004")]
    return []


@register(Tags.security, deploy=True)
def check_database(app_configs=None, **kwargs) -> list:
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return [Warning(_("Basis data memakai SQLite."),
                        hint=_("SQLite cukup untuk satu kantor; untuk provinsi atau nasional gunakan PostgreSQL "
                               "(DATABASE_URL=postgres://...)."),
                        id="bakohumas.W001")]
    return []


@register(Tags.caches, deploy=True)
def check_redis(app_configs=None, **kwargs) -> list:
    if not getattr(settings, "REDIS_URL", ""):
        return [Warning(_("REDIS_URL tidak diatur."),
                        hint=_("Dengan lebih dari satu worker gunicorn, batas laju dan antrean tugas butuh Redis "
                               "bersama (REDIS_URL=redis://...); tanpa itu setiap worker menghitung sendiri."),
                        id="bakohumas.W002")]
    return []


@register(Tags.security, deploy=True)
def check_email(app_configs=None, **kwargs) -> list:
    if settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend":
        return [Warning(_("Surel hanya dicetak ke log (EMAIL_BACKEND console)."),
                        hint=_("Atur EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend dan EMAIL_HOST "
                               "agar pengingat benar-benar terkirim."),
                        id="bakohumas.W003")]
    return []


@register(Tags.files, deploy=True)
def check_media_root(app_configs=None, **kwargs) -> list:
    root = Path(settings.MEDIA_ROOT)
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError as exc:
        return [Error(_("Folder berkas unggahan %(folder)s tidak dapat ditulisi (%(error)s).")
                      % {"folder": root, "error": exc.strerror},
                      hint=_("Pastikan pengguna proses server boleh menulis ke folder ini (BAKOHUMAS_DATA_DIR)."),
                      id="bakohumas.E005")]
    return []
