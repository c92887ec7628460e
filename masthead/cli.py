"""The ``masthead`` command: Django's management commands under the product's name.

masthead demo          set up the database and load the demo newsroom
masthead serve         serve the site (gunicorn)
masthead worker        background work: wire polls, photo renditions, spam purge, ...
masthead backup        one archive of the database and media; masthead restore ARCHIVE
masthead check         Django's system checks (add --deploy for production)
masthead createsuperuser, migrate, ...  every other management command
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
