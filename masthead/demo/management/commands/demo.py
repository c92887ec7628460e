from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from masthead.demo.content import STORIES
from masthead.demo.loader import (
    add_demo_notes,
    ensure_demo_contributor,
    ensure_demo_editor,
    load_demo_newsroom,
)


class Command(BaseCommand):
    help = "Migrate the database and load the demo newsroom (safe to run again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even in production mode (it adds an editor account).",
        )

    def handle(self, *args, force: bool, **options) -> None:
        if settings.PRODUCTION and not force:
            raise CommandError(
                "Refusing to load the demo newsroom in production mode. "
                "Run with MASTHEAD_ENV=demo, or pass --force."
            )
        call_command("migrate", interactive=False, verbosity=0)
        with tqdm(total=len(STORIES), desc="Demo stories", unit="story", leave=False) as bar:
            result = load_demo_newsroom(lambda headline: bar.update(1))
        login = ensure_demo_editor()
        reporter = ensure_demo_contributor()
        add_demo_notes(get_user_model().objects.get(username=login.username))
        self.stdout.write(
            f"Demo newsroom ready: {result['total']} stories ({result['stories']} new)."
        )
        self.stdout.write(
            "Its photos' smaller copies are cut by the worker, which `masthead serve` starts; "
            "pages show the originals until then."
        )
        self.stdout.write("")
        self.stdout.write("Newsroom login (the Django admin for editors):")
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"  address:  http://127.0.0.1:{port}/newsroom/")
        self.stdout.write(f"  username: {login.username}")
        self.stdout.write(f"  password: {login.password}")
        self.stdout.write(f"  (kept in {settings.DATA_DIR / 'demo-login.txt'})")
        self.stdout.write("A reporter (contributor) login, to try the review workflow:")
        self.stdout.write(f"  username: {reporter.username}")
        self.stdout.write(f"  password: {reporter.password}")
        self.stdout.write(f"  (kept in {settings.DATA_DIR / 'demo-reporter-login.txt'})")
