from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Redirect, normalize_path

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 10_000
HEADER_WORDS = {"old", "old_path", "old address", "from", "source", "path"}


class RedirectForm(forms.ModelForm):
    """A redirect made by hand; also what every row of an imported CSV file must pass."""

    class Meta:
        model = Redirect
        fields = ["old_path", "new_path", "article"]

    def clean_old_path(self) -> str:
        return normalize_path(self.cleaned_data["old_path"])


class RedirectImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Two columns: the old address, then the new one (a path such as "
        "/city/2024/05/02/ferry/ or a full address). An empty second column means “gone” "
        "(410). A first row of headings (old_path,new_path) is skipped. UTF-8.",
    )


@dataclass
class RowError:
    row: int
    message: str


def _decode(upload) -> str:
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(f"The file is larger than {MAX_IMPORT_BYTES // 1024 // 1024} MB.")
    raw = upload.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "The file isn’t UTF-8 text. Save it as “CSV UTF-8” and import it again."
        ) from None


def parse_redirect_csv(upload) -> tuple[list[RedirectForm], list[RowError]]:
    """Every row of the file validated by :class:`RedirectForm`, with the errors by row."""
    content = _decode(upload)
    try:
        rows = list(csv.reader(io.StringIO(content, newline="")))
    except csv.Error as exc:
        raise ValidationError(f"The file isn’t valid CSV: {exc}.") from None
    if len(rows) > MAX_IMPORT_ROWS + 1:
        raise ValidationError(f"A file can hold at most {MAX_IMPORT_ROWS:,} redirects.")
    forms_by_row: list[RedirectForm] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in HEADER_WORDS:
            continue
        if len(cells) > 2 and any(cells[2:]):
            errors.append(RowError(number, "Expected two columns: old address, new address."))
            continue
        old, new = cells[0], (cells[1] if len(cells) > 1 else "")
        form = RedirectForm(data={"old_path": old, "new_path": new})
        if not form.is_valid():
            for field, messages in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for message in messages:
                    errors.append(RowError(number, f"{label}: {message}" if label else message))
            continue
        path = form.cleaned_data["old_path"]
        if path in seen:
            errors.append(RowError(number, f"{path} is already on row {seen[path]}."))
            continue
        seen[path] = number
        forms_by_row.append(form)
    if not forms_by_row and not errors:
        raise ValidationError("The file has no redirects in it.")
    return forms_by_row, errors


def import_redirects(upload) -> tuple[int, list[RowError]]:
    """Import all the rows, or none of them when any row is wrong."""
    valid, errors = parse_redirect_csv(upload)
    if errors:
        return 0, errors
    with transaction.atomic():
        for form in valid:
            form.save()
    return len(valid), []
