import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command


def test_masthead_command_lists_the_product_commands():
    result = subprocess.run(
        [sys.executable, "-m", "masthead.cli", "help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    for command in ("demo", "serve", "check", "createsuperuser", "migrate"):
        assert command in result.stdout


def test_serve_refuses_several_workers_without_a_shared_cache():
    with pytest.raises(CommandError, match="shared cache"):
        call_command("serve", "--workers", "2")


def test_serve_rejects_a_port_out_of_range():
    with pytest.raises(CommandError, match="--port"):
        call_command("serve", "--port", "70000")
