from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext, gettext_lazy

from masthead.languages.codes import language_name, publication_languages
from masthead.newsroom.models import Section
from masthead.newsroom.navigation import navigation_sections

from .query import MAX_QUERY_CHARS

# NUL and other control characters can only come from a tampered address; they are dropped
# rather than rejected, so the reader still gets a page of results.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class QueryField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return _CONTROL_RE.sub(" ", value)[:MAX_QUERY_CHARS].strip()


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    """The search page's GET form: words, and optionally a section and a range of days."""

    q = QueryField(
        label=gettext_lazy("Search for"),
        required=False,
        widget=SearchInput(attrs={"autocomplete": "off"}),
    )
    section = forms.ChoiceField(label=gettext_lazy("Section"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The page's language unless the reader picks another or all of the paper's; shown
        # only for a paper in several.
        self.languages = publication_languages()
        if len(self.languages) > 1:
            self.fields["language"].choices = [
                ("", gettext("This page’s language")),
                *((code, language_name(code)) for code in self.languages),
                ("all", gettext("All languages")),
            ]
        else:
            del self.fields["language"]
        self._sections = {section.slug: section for section in navigation_sections()}
        self.fields["section"].choices = [("", gettext("All sections"))] + [
            (section.slug, section.local_name) for section in self._sections.values()
        ]

    def clean_language(self) -> list[str] | None:
        """The languages to search: None for the page's."""
        value = self.cleaned_data.get("language")
        if value == "all":
            return self.languages
        return [value] if value else None

    def clean_section(self) -> Section | None:
        return self._sections.get(self.cleaned_data["section"])

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", gettext("The end date is before the start date."))
        return data
