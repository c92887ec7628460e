"""The ``masthead`` command: Django's management commands under the product's name.

masthead demo          set up the database and load the demo newsroom
masthead serve         serve the site (gunicorn, and the background worker beside it)
masthead worker        background work: wire polls, photo renditions, spam purge, ...
masthead backup        one archive of the database and media; masthead restore ARCHIVE
masthead check         Django's system checks (add --deploy for production)
masthead --version     Masthead's version (with Django's and Python's)
masthead createsuperuser, migrate, ...  every other management command

A setting missing or wrong in the environment stops the start with one line on stderr,
``masthead: error: ...``, and exit code 2, not a traceback.
"""

from __future__ import annotations

import os
import platform
import sys

from masthead import __version__

# The exit code of a start refused for its configuration (as argparse uses for bad usage).
EXIT_CONFIGURATION = 2


def version_line() -> str:
    import django

    python = platform.python_version()
    return f"masthead {__version__} (Django {django.get_version()}, Python {python})"


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["version"]):
        # Needs no settings: an operator checks the version before configuring anything.
        print(version_line())
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        _load_settings()
        execute_from_command_line(["masthead", *args])
    except ImproperlyConfigured as exc:
        print(f"masthead: error: {_one_line(exc)}", file=sys.stderr)
        sys.exit(EXIT_CONFIGURATION)


def _load_settings() -> None:
    """Import the settings now, so that their errors surface here rather than as Django's
    'Unknown command' (it swallows a settings error while it lists the commands)."""
    from django.conf import settings

    settings.INSTALLED_APPS  # noqa: B018 - the attribute access imports the module


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


if __name__ == "__main__":
    main()
