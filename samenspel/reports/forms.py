"""The download form (a language, then a button per format) and the import form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import NLDesignForm
from samenspel.reports.restore import MAX_BYTES

LANGUAGE_CHOICES = [("nl", "Nederlands"), ("en", "English")]


class DownloadForm(NLDesignForm):
    language = forms.ChoiceField(
        label=_("Language of the file"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = (get_language() or "nl").split("-")[0]
        self.fields["language"].initial = current if current in dict(LANGUAGE_CHOICES) else "nl"


class ImportForm(NLDesignForm):
    file = forms.FileField(
        label=_("Workshop file (JSON)"),
        help_text=_("A file that Samenspel made with \"Complete workshop (JSON)\", here or on "
                    "another installation. At most %(megabytes)d MB.")
        % {"megabytes": MAX_BYTES // (1024 * 1024)},
    )
