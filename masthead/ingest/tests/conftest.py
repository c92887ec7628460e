from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# The shared real-world samples live next to the repository, never inside it.
SAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "samples"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"shared samples not found at {SAMPLES}")
    return SAMPLES


def sample_files(*parts: str, pattern: str = "*") -> list[Path]:
    """Sample files for parametrize; empty when the samples folder is absent."""
    folder = SAMPLES.joinpath(*parts)
    return sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.is_dir() else []


def sample_id(path: Path) -> str:
    return path.name
