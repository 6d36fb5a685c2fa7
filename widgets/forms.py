"""Forms for commands, built from the event-type table, with messages next to each field.

The store is the one validator (``ValidationError.errors`` holds (field label, message) pairs);
the form only collects values and shows what comes back next to the field with that label.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from data.domain import geo
from data.domain import validation as v
from data.domain.enums import label
from data.domain.events import EVENT_TYPES
from data.domain.regions import PARTNER_BY_CODE
from data.i18n import _
from widgets.common import channel_text
from widgets.coord_field import CoordField
from widgets.pickers import RegionsPicker, WhenPicker, make_searchable, region_choices

Choice = tuple[str, str]  # (value, display)


def choice_text(value: str) -> str:
    """An option as shown: the core's label; a channel, which the core does not label, by the
    name the views give it."""
    return channel_text(label(value))


class _Multi(QWidget):
    """A grid of check boxes for a list field (teams, channels)."""

    def __init__(self, choices: Sequence[Choice]) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for i, (val, text) in enumerate(choices):
            cb = QCheckBox(text)
            grid.addWidget(cb, i // 4, i % 4)
            self.boxes.append((val, cb))

    def value(self) -> list[str]:
        return [val for val, cb in self.boxes if cb.isChecked()]

    def set_value(self, values: Sequence[str]) -> None:
        for val, cb in self.boxes:
            cb.setChecked(val in values)


class CommandForm(QWidget):
    """Fields of one command type; ``payload()`` collects, ``show_errors()`` places messages.

    ``fields`` picks and orders payload fields (default: all of the type); ``choices``
    overrides the options of a field (e.g. incidents to link, next legal statuses)."""

    sig_submitted = Signal(str, dict)
    """The user asked to save: (event type, payload)."""

    #: the time field of a creating form (not a payload field: it becomes occurred_at)
    TIME = "tijd"

    def __init__(self, event_type: str, fields: Sequence[str] | None = None,
                 choices: dict[str, Sequence[Choice]] | None = None,
                 initial: dict[str, Any] | None = None, parent: QWidget | None = None,
                 with_time: bool = False) -> None:
        super().__init__(parent)
        self.event_type = event_type
        _kind, spec, _partial = EVENT_TYPES[event_type]
        names = list(fields) if fields is not None else list(spec)
        choices = choices or {}
        initial = initial or {}
        self._spec = {n: spec[n] for n in names}
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._by_label: dict[str, str] = {}
        outer = QVBoxLayout(self)
        self.form_error = QLabel("")
        self.form_error.setObjectName("FormError")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        outer.addWidget(self.form_error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        for name in names:
            f = spec[name]
            w = self._make_input(name, f, choices.get(name))
            w.setObjectName(f"field_{name}")
            if name in initial:
                self._set(w, initial[name])
            err = QLabel("")
            err.setObjectName("FieldError")
            err.setWordWrap(True)
            err.hide()
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(w)
            lay.addWidget(err)
            shown = _(f.label)  # the core's field label, in the language in use
            caption = shown[:1].upper() + shown[1:] + (" *" if f.required else "")
            form.addRow(caption, box)
            self._inputs[name], self._errors[name] = w, err
            self._by_label[f.label] = name
            self._by_label[shown] = name  # the store's messages name the field as shown
            self._by_label[name] = name
        self.time: QLineEdit | None = None
        if with_time:  # re-keying a paper form: the time written on it (empty: now)
            self.time = QLineEdit()
            self.time.setObjectName("field_tijd")
            self.time.setPlaceholderText(self.tr("uu:mm van het papieren formulier; leeg = nu"))
            err = QLabel("")
            err.setObjectName("FieldError")
            err.hide()
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(self.time)
            lay.addWidget(err)
            form.addRow(self.tr("Tijd (van papier)"), box)
            self._inputs[self.TIME], self._errors[self.TIME] = self.time, err
            self._by_label[self.TIME] = self.TIME

    # -- inputs --------------------------------------------------------------------------------

    def _make_input(self, name: str, f: v.Field, opts: Sequence[Choice] | None) -> QWidget:
        chk = f.check
        if opts is not None or chk in (v.choice, v.region, v.region_or_partner,
                                       v.classification, v.identifier):
            cb = QComboBox()
            if opts is None:
                if chk is v.region:
                    opts = region_choices()
                elif chk is v.region_or_partner:
                    opts = [(c, f"{c} — {PARTNER_BY_CODE[c].name}" if c in PARTNER_BY_CODE else c)
                            for c in f.choices] + region_choices()
                elif chk is v.classification:
                    opts = [(c, label(c)) for c in ("intern", "openbaar", "vertrouwelijk")]
                else:
                    opts = [(c, choice_text(c)) for c in f.choices]
                if not f.required and chk is not v.classification and f.default is None:
                    opts = [("", "—")] + list(opts)
                elif f.required and chk in (v.region, v.region_or_partner):
                    # no region chosen for the user: the first in the list is nobody's default
                    opts = [("", self.tr("— kies —"))] + list(opts)
            for val, text in opts:
                cb.addItem(text, val)
            if f.default is not None:
                i = cb.findData(f.default)
                if i >= 0:
                    cb.setCurrentIndex(i)
            make_searchable(cb)
            return cb
        if chk is geo.point:
            return CoordField()
        if chk is v.regions:
            return RegionsPicker()
        if chk is v.timestamp:
            return WhenPicker()
        if chk is v.choices_list:
            return _Multi([(c, choice_text(c)) for c in f.choices])
        if chk is v.boolean:
            return QCheckBox()
        if chk is v.integer:
            sb = QSpinBox()
            sb.setRange(0, 10_000_000)
            sb.setValue(1 if f.min_value else 0)
            return sb
        if chk is v.text and f.max_len > 300:
            te = QPlainTextEdit()
            te.setTabChangesFocus(True)
            te.setMinimumHeight(80)
            te.setMaximumHeight(140)
            return te
        le = QLineEdit()
        if chk is geo.radius:
            le.setPlaceholderText(self.tr("meters, bv. 500 (0: geen effectgebied)"))
        elif chk is geo.polygon:
            le.setPlaceholderText(self.tr("hoekpunten: 51.50, 3.60; 51.51, 3.62; 51.49, 3.63"))
        if chk is v.text_list:
            le.setPlaceholderText(self.tr("gescheiden door komma's"))
        return le

    @staticmethod
    def _set(w: QWidget, value: Any) -> None:
        if isinstance(w, (RegionsPicker, WhenPicker, CoordField)):
            w.set_value(value)
        elif isinstance(w, QComboBox):
            i = w.findData(value)
            if i >= 0:
                w.setCurrentIndex(i)
        elif isinstance(w, _Multi):
            w.set_value(list(value or []))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QLineEdit) and isinstance(value, list) and value and isinstance(
                value[0], list):  # a polygon: 'lat, lon; lat, lon; …'
            w.setText("; ".join(f"{a}, {b}" for a, b in value))
        elif isinstance(w, QLineEdit):
            w.setText(", ".join(value) if isinstance(value, list) else str(value or ""))

    def input(self, name: str) -> QWidget:
        """The input widget of a payload field (for tests and focus)."""
        return self._inputs[name]

    def set_value(self, name: str, value: Any) -> None:
        self._set(self._inputs[name], value)

    def payload(self) -> dict[str, Any]:
        """Values the user gave; empty optional fields are left out."""
        out: dict[str, Any] = {}
        for name, w in self._inputs.items():
            if name == self.TIME:
                continue
            val: Any
            if isinstance(w, (RegionsPicker, WhenPicker)):
                val = w.value()
                if not val and not self._spec[name].required:
                    continue
            elif isinstance(w, CoordField):
                val = w.value()
            elif isinstance(w, QComboBox):
                i = w.findText(w.currentText()) if w.isEditable() else w.currentIndex()
                val = w.itemData(i) if i >= 0 else w.currentText().strip()
            elif isinstance(w, _Multi):
                val = w.value()
                if not val and not self._spec[name].required:
                    continue
            elif isinstance(w, QCheckBox):
                val = w.isChecked()
            elif isinstance(w, QSpinBox):
                val = w.value()
            elif isinstance(w, QPlainTextEdit):
                val = w.toPlainText().strip()
            else:
                assert isinstance(w, QLineEdit)
                val = w.text().strip()
            if val in ("", None):
                if self._spec[name].required:
                    out[name] = ""
                continue
            out[name] = val
        return out

    # -- errors --------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.form_error.hide()
        for e in self._errors.values():
            e.hide()
            e.setText("")

    def show_errors(self, errors: Sequence[tuple[str, str]]) -> None:
        """Put each (field label, message) next to its field; the rest above the form."""
        self.clear_errors()
        general: list[str] = []
        first: QWidget | None = None
        for fld, msg in errors:
            name = self._by_label.get(fld)
            if name is None:
                general.append(f"{fld}: {msg}" if fld else msg)
                continue
            lab = self._errors[name]
            lab.setText((lab.text() + "; " if lab.text() else "") + msg)
            lab.show()
            first = first or self._inputs[name]
        if general:
            self.form_error.setText("\n".join(general))
            self.form_error.show()
        if first is not None:
            first.setFocus()

    def time_text(self) -> str:
        """What the time field holds ('' without one)."""
        return self.time.text().strip() if self.time is not None else ""

    def error_text(self, name: str) -> str:
        """The message shown next to a field ('' when none)."""
        lab = self._errors[name]
        return lab.text() if not lab.isHidden() else ""

    def submit(self) -> None:
        self.sig_submitted.emit(self.event_type, self.payload())

    def mark_clean(self) -> None:
        """What the form holds now counts as untouched (see :meth:`is_dirty`)."""
        self._clean = self.payload()

    def is_dirty(self) -> bool:
        """Whether the user changed anything since the form opened."""
        return self.payload() != getattr(self, "_clean", None)


class FormDialog(QDialog):
    """A :class:`CommandForm` in a dialog. Saving emits the form's ``sig_submitted``; the
    dialog closes only when the caller says the store took it (:meth:`done_ok`)."""

    def __init__(self, title: str, form: CommandForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = form
        lay = QVBoxLayout(self)
        head = QLabel(title)
        head.setObjectName("ViewTitle")
        head.setWordWrap(True)  # a long incident title in the heading wraps, not cut off
        lay.addWidget(head)
        # long forms (a bijstand request) scroll, so the dialog fits a 1366×768 screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        scroll.setMinimumHeight(min(form.sizeHint().height() + 8, 560))
        lay.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(form.submit)
        self.buttons.rejected.connect(self.ask_discard)
        # a changed form is not thrown away by one Esc: a second Esc (or the button) confirms
        self.discard_bar = QWidget()
        dl = QHBoxLayout(self.discard_bar)
        dl.setContentsMargins(0, 0, 0, 0)
        self.discard_note = QLabel(self.tr("Wijzigingen niet opgeslagen. Weggooien? "
                                           "(Esc nogmaals om weg te gooien)"))
        self.discard_note.setObjectName("FieldError")
        self.discard_btn = QPushButton(self.tr("Weggooien"))
        self.discard_btn.clicked.connect(self.reject)
        self.keep_btn = QPushButton(self.tr("Verder invullen"))
        self.keep_btn.clicked.connect(self._keep)
        dl.addWidget(self.discard_note, 1)
        dl.addWidget(self.keep_btn)
        dl.addWidget(self.discard_btn)
        self.discard_bar.hide()
        lay.addWidget(self.discard_bar)
        lay.addWidget(self.buttons)
        form.mark_clean()
        self.setMinimumWidth(560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    def done_ok(self) -> None:
        self.accept()

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802
        if ev.key() == Qt.Key.Key_Escape:
            self.ask_discard()
            return
        super().keyPressEvent(ev)

    def ask_discard(self) -> None:
        """Esc or Annuleren: close an untouched form; ask first when something was changed."""
        if self.discard_bar.isVisible() or not self.form.is_dirty():
            self.reject()
            return
        self.discard_bar.show()
        self.keep_btn.setFocus()

    def _keep(self) -> None:
        self.discard_bar.hide()
        self.form.setFocus()
