"""`masthead migrate` must be safe on a running site (docs/upgrading.md): a release adds columns
and tables; it removes or renames them only a release after the code stopped using them, in a
migration that says so with ``destructive = True`` (read by this test), so its release notes
can tell operators to stop the site or upgrade in two steps."""

from __future__ import annotations

from django.db import migrations
from django.db.migrations.loader import MigrationLoader

# Operations that break the code still running during a rolling upgrade (old workers select a
# column that is gone) or that lock a big table for a long time.
DESTRUCTIVE = (
    migrations.RemoveField,
    migrations.DeleteModel,
    migrations.RenameField,
    migrations.RenameModel,
    migrations.RemoveIndex,
    migrations.RemoveConstraint,
    migrations.AlterModelTable,
)


def masthead_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        if type(migration).__module__.startswith("masthead."):
            yield f"{app}.{name}", migration


def _destructive_operations(operations):
    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            yield from _destructive_operations(operation.database_operations)
        elif isinstance(operation, DESTRUCTIVE):
            yield operation


def test_the_walk_sees_every_masthead_app():
    apps = {label.split(".")[0] for label, _ in masthead_migrations()}
    assert {"newsroom", "photos", "comments", "ops"} <= apps


def test_no_migration_removes_or_renames_without_saying_so():
    unmarked = [
        f"{label}: {operation.describe()}"
        for label, migration in masthead_migrations()
        if not getattr(migration, "destructive", False)
        for operation in _destructive_operations(migration.operations)
    ]
    assert unmarked == [], (
        "These migrations remove or rename what running code may still use. Ship the code "
        "change first and the removal a release later, and mark the migration with "
        "`destructive = True`:\n" + "\n".join(unmarked)
    )
