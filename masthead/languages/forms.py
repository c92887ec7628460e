"""The newsroom's form for a section's or tag's names in the paper's other languages."""

from __future__ import annotations

from django import forms
from django.utils.text import slugify

from .codes import catalogue_languages, default_language


class TranslatedNamesForm(forms.ModelForm):
    """A name and a slug field for each language besides the default ("Name in Español",
    "Slug in Español"), stored in the row's ``translations``; left blank, that language's
    pages show the default name and address."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code in self.other_languages():
            name = catalogue_languages()[code]
            self.fields[f"name_{code}"] = forms.CharField(
                label=f"Name in {name}",
                max_length=80,
                required=False,
                initial=stored.get(code, {}).get("name", ""),
            )
            self.fields[f"slug_{code}"] = forms.SlugField(
                label=f"Slug in {name}",
                max_length=80,
                required=False,
                initial=stored.get(code, {}).get("slug", ""),
                help_text=f"The address under /{code}/; made from the name when left blank.",
            )

    @staticmethod
    def other_languages() -> list[str]:
        return [code for code in catalogue_languages() if code != default_language()]

    def clean(self) -> dict:
        cleaned = super().clean()
        translations = {}
        for code in self.other_languages():
            name = (cleaned.get(f"name_{code}") or "").strip()
            slug = cleaned.get(f"slug_{code}") or (slugify(name) if name else "")
            if name or slug:
                translations[code] = {"name": name, "slug": slug}
        # The model's clean() (run next by the ModelForm) refuses a slug another row uses.
        self.instance.translations = translations
        return cleaned
