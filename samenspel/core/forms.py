"""Forms that render as NL Design System form fields (see templates/core/_field.html)."""

from __future__ import annotations

from typing import Any

from django import forms

WIDGET_CLASSES = {
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
            described = []
            field_id = self[name].auto_id
            if field.help_text:
                described.append(f"{field_id}_help")
            if self.is_bound and name in self.errors:
                described.append(f"{field_id}_error")
                widget.attrs["aria-invalid"] = "true"
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)
