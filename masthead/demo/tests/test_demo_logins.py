"""The demo's logins have roles: an Editor and a Contributor, neither a superuser."""

import importlib
import sys
import types

import pytest

from masthead.newsroom.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def loader(monkeypatch):
    # The demo's content modules may live on another branch; the logins do not need them.
    for name in ("content", "images"):
        module = f"masthead.demo.{name}"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            monkeypatch.setitem(sys.modules, module, types.ModuleType(module))
    return importlib.import_module("masthead.demo.loader")


def test_the_demo_editor_is_an_editor_not_a_superuser(loader, tmp_path):
    login = loader.ensure_demo_editor(tmp_path / "login.txt")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=login.username)
    assert (user.is_staff, user.is_superuser) == (True, False)
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]
    assert user.has_perm("newsroom.publish_article")
    assert user.check_password((tmp_path / "login.txt").read_text().strip())
    again = loader.ensure_demo_editor(tmp_path / "login.txt")
    assert (again.created, again.password) == (False, login.password)


def test_an_old_superuser_demo_editor_becomes_an_editor(loader, tmp_path):
    from django.contrib.auth import get_user_model

    login = loader.ensure_demo_editor(tmp_path / "login.txt")
    get_user_model().objects.filter(username=login.username).update(is_superuser=True)
    loader.ensure_demo_editor(tmp_path / "login.txt")
    assert not get_user_model().objects.get(username=login.username).is_superuser


def test_the_demo_reporter_is_a_contributor(loader, tmp_path):
    login = loader.ensure_demo_contributor(tmp_path / "reporter.txt")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=login.username)
    assert list(user.groups.values_list("name", flat=True)) == [CONTRIBUTOR]
    assert not user.has_perm("newsroom.publish_article")
    assert user.has_perm("newsroom.add_article")
