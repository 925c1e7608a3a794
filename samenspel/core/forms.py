"""Forms that render as NL Design System form fields (see templates/core/_field.html)."""

from __future__ import annotations

from typing import Any

from django import forms

# The first match counts: CheckboxSelectMultiple is a kind of RadioSelect in Django.
WIDGET_CLASSES = {
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
}


class NLDesignForm(forms.Form):
    """Gives each widget the class of its NL Design System component and links its help
    text and errors to it for screen readers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next(
                (css for kind, css in WIDGET_CLASSES.items() if isinstance(widget, kind)),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if field.help_text:
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_help"

    def add_error(self, field: str | None, error: Any) -> None:
        # Every field error passes here, from cleaning and from views alike.
        super().add_error(field, error)
        if field is None or field not in self.fields:
            return
        attrs = self.fields[field].widget.attrs
        error_id = f"{self[field].auto_id}_error"
        described = attrs.get("aria-describedby", "").split()
        if error_id not in described:
            attrs["aria-describedby"] = " ".join([*described, error_id])
        attrs["aria-invalid"] = "true"
