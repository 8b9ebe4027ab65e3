"""The Settings screen: every preference, grouped, checked at the field and saved at once.

Each valid change goes straight to `services.preferences.set`; a refused value shows why beside
its field and leaves the store untouched. Changes made elsewhere (onboarding, another screen)
arrive through `preferences_changed` and are shown here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from coach.audio.programs.speech import sample_program
from coach.audio.status import NO_PORTAUDIO, AudioStatus
from coach.domain.preferences import CHOICES, RANGES, PreferenceError, Preferences
from coach.ui.settings import texts
from coach.ui.settings.fields import FieldRow, RangeSpinBox, section_card
from coach.ui.settings.height_input import HeightInput
from coach.ui.widgets.notice_bar import NoticeBar

if TYPE_CHECKING:
    from coach.ui.services import AppServices

OnboardingRunner = Callable[["AppServices", QWidget | None], bool]


def _open_onboarding(services: AppServices, parent: QWidget | None) -> bool:
    from coach.ui.settings.onboarding import run_onboarding

    return run_onboarding(services, parent)


class SettingsScreen(QWidget):
    """Edits every preference; `rows[name]` is the field row of each preference name."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_screen")
        self._services = services
        self.onboarding_runner: OnboardingRunner = _open_onboarding
        """Called by "Show the introduction again"; tests replace it to avoid a modal dialog."""
        self.rows: dict[str, FieldRow] = {}
        self._scroll_target = ""
        self._build()
        self._show(services.preferences.current)
        self._lock_if_read_only()
        services.preferences.preferences_changed.connect(self._show)

    # ----- building -------------------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        content.setMaximumWidth(980)
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 20, 28, 28)
        column.setSpacing(16)
        column.addLayout(self._header())
        self.read_only_notice = NoticeBar(texts.READ_ONLY_NAME)
        column.addWidget(self.read_only_notice)
        self._cards = [
            section_card(texts.SECTION_ME, self._me_rows()),
            section_card(texts.SECTION_SOUND, self._sound_rows()),
            section_card(texts.SECTION_VOICE, self._voice_rows()),
            section_card(texts.SECTION_SCREEN, self._screen_rows()),
            section_card(texts.SECTION_REMINDERS, self._reminder_rows()),
        ]
        for card in self._cards:
            column.addWidget(card)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(texts.SCROLL_NAME)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own: fields scroll themselves into view when focused.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setWidget(content)
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def _header(self) -> QHBoxLayout:
        title = QLabel(texts.TITLE)
        title.setProperty("role", "heading")
        intro = QLabel(texts.INTRO)
        intro.setProperty("role", "muted")
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(intro)
        self.introduction_button = QPushButton(texts.SHOW_INTRODUCTION)
        self.introduction_button.setAccessibleName(texts.SHOW_INTRODUCTION)
        self.introduction_button.setAccessibleDescription(texts.SHOW_INTRODUCTION_HELP)
        self.introduction_button.setToolTip(texts.SHOW_INTRODUCTION_HELP)
        self.introduction_button.clicked.connect(self._on_introduction_clicked)
        header = QHBoxLayout()
        header.addLayout(words, 1)
        header.addWidget(self.introduction_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _me_rows(self) -> list[QWidget]:
        units = self._combo("units", texts.UNITS, texts.UNITS_CHOICES)
        self.height_input = HeightInput()
        self.height_input.height_entered.connect(lambda cm: self._save("height_cm", cm))
        self.height_input.height_refused.connect(lambda m: self.rows["height_cm"].show_error(m))
        self.height_input.typing_in_range.connect(lambda: self._clear_error("height_cm"))
        height = self._row("height_cm", texts.HEIGHT, self.height_input)
        return [
            units,
            height,
            self._spin("usual_walk_minutes_per_week", texts.USUAL_WALKING, " min a week"),
            self._spin("default_cadence_spm", texts.CADENCE, " steps/min"),
        ]

    def _sound_rows(self) -> list[QWidget]:
        sounds = {name: texts.SOUND_LABELS.get(name, name) for name in CHOICES["left_sound"]}
        return [
            self._combo("left_sound", texts.LEFT_SOUND, sounds),
            self._combo("right_sound", texts.RIGHT_SOUND, sounds),
            self._check("pan_feet", texts.PAN, texts.PAN_CHECK),
            self._check("accent_first_beat", texts.ACCENT, texts.ACCENT_CHECK),
            self._volume_row(),
            self._spin("count_in_beats", texts.COUNT_IN, " beats"),
            self._device_row(),
            self._spin("av_offset_ms", texts.AV_OFFSET, " ms"),
        ]

    def _voice_rows(self) -> list[QWidget]:
        voice = self._services.voice
        rows: list[QWidget] = [
            self._check("voice_on", texts.VOICE_ON, texts.VOICE_ON_CHECK),
            self._voice_name_row(),
            self._spin("speech_rate_wpm", texts.SPEECH_RATE, " words a minute"),
            self._spin("voice_volume_percent", texts.VOICE_VOLUME, " %"),
            self._check("duck_steps", texts.DUCK, texts.DUCK_CHECK),
        ]
        reason = voice.unavailable_reason()
        if reason is not None:
            self.rows["voice_on"].show_note(texts.VOICE_UNAVAILABLE.format(reason=reason))
            for row in rows:
                if isinstance(row, FieldRow):
                    row.editor.setEnabled(False)
            self.sample_button.setEnabled(False)
        return rows

    def _voice_name_row(self) -> FieldRow:
        """The voice list, and beside it the button that says a sample."""
        current = self._services.preferences.current.voice_name
        labels = {name: f"{name} \u2013 {words}" for name, words in self._services.voice.voices()}
        labels.setdefault(current, current)
        combo = QComboBox()
        for value, text in labels.items():
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self._save("voice_name", combo.currentData()))
        self.sample_button = QPushButton(texts.SAY_SAMPLE)
        self.sample_button.setAccessibleName(texts.SAY_SAMPLE)
        self.sample_button.setAccessibleDescription(texts.SAY_SAMPLE_HELP)
        self.sample_button.setToolTip(texts.SAY_SAMPLE_HELP)
        self.sample_button.clicked.connect(self._on_sample_clicked)
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(combo)
        line.addWidget(self.sample_button)
        return self._row("voice_name", texts.VOICE_NAME, box, combo)

    def _on_sample_clicked(self) -> None:
        """Say the sample phrase through the metronome, unless a walk is playing."""
        row = self.rows["voice_name"]
        metronome = self._services.audio.metronome
        if metronome.running:
            row.show_note(texts.SAMPLE_BUSY)
            return
        speaker = self._services.voice.speaker(self._services.preferences.current, even_if_off=True)
        if speaker is None:
            return
        frames = speaker.phrase(texts.SAMPLE_TEXT, metronome.sample_rate)
        if frames is None:
            row.show_error(texts.SAMPLE_FAILED.format(reason=speaker.problems[-1]))
            return
        row.clear_message()
        program = sample_program(texts.SAMPLE_TEXT, frames, metronome.sample_rate)
        metronome.start(program, owner="voice sample")

    def _screen_rows(self) -> list[QWidget]:
        return [
            self._combo("theme", texts.THEME, texts.THEME_CHOICES),
            self._spin("cue_interval_s", texts.CUE_INTERVAL, " s"),
        ]

    def _reminder_rows(self) -> list[QWidget]:
        self.reminder_edit = QLineEdit()
        self.reminder_edit.setPlaceholderText(texts.REMINDER_PLACEHOLDER)
        self.reminder_edit.setMaxLength(5)
        self.reminder_edit.setFixedWidth(160)
        self.reminder_edit.editingFinished.connect(self._on_reminder_finished)
        return [
            self._row("reminder_time", texts.REMINDER, self.reminder_edit),
            self._combo("checkin_weekday", texts.CHECKIN_DAY, texts.CHECKIN_DAY_CHOICES),
        ]

    def _row(
        self,
        name: str,
        label_help: tuple[str, str],
        control: QWidget,
        editor: QWidget | None = None,
    ) -> FieldRow:
        label, help_text = label_help
        editor = editor or control
        editor.setAccessibleName(editor.accessibleName() or label)
        editor.setAccessibleDescription(help_text)
        row = FieldRow(label, help_text, control, editor)
        self.rows[name] = row
        return row

    def _spin(self, name: str, label_help: tuple[str, str], suffix: str) -> FieldRow:
        bounds = RANGES[name]
        box = RangeSpinBox(int(bounds.low), int(bounds.high), suffix)
        box.valueChanged.connect(lambda value: self._save(name, value))
        unit = suffix.replace(" a week", "")
        box.out_of_range_typed.connect(
            lambda typed: self.rows[name].show_error(
                texts.OUT_OF_RANGE.format(typed=typed, low=box.low, high=box.high, unit=unit)
            )
        )
        box.typed_in_range.connect(lambda: self._clear_error(name))
        return self._row(name, label_help, box)

    def _combo(self, name: str, label_help: tuple[str, str], labels: dict[str, str]) -> FieldRow:
        combo = QComboBox()
        for value, text in labels.items():
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self._save(name, combo.currentData()))
        return self._row(name, label_help, combo)

    def _check(self, name: str, label_help: tuple[str, str], text: str) -> FieldRow:
        box = QCheckBox(text)
        box.toggled.connect(lambda checked: self._save(name, checked))
        return self._row(name, label_help, box)

    def _volume_row(self) -> FieldRow:
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setSingleStep(1)
        self.volume_slider.setPageStep(10)
        self.volume_slider.setTracking(False)  # a mouse drag saves once, on release
        self.volume_slider.setMinimumWidth(280)
        self.volume_label = QLabel()
        self.volume_label.setMinimumWidth(56)
        self.volume_slider.valueChanged.connect(self._on_volume_changed)
        self.volume_slider.sliderMoved.connect(lambda v: self.volume_label.setText(f"{v} %"))
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.volume_slider)
        line.addWidget(self.volume_label)
        return self._row("volume", texts.VOLUME, box, self.volume_slider)

    def _device_row(self) -> FieldRow:
        self.device_combo = QComboBox()
        self.device_combo.setMinimumWidth(320)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.device_combo.currentIndexChanged.connect(
            lambda _i: self._save("output_device", self.device_combo.currentData())
        )
        return self._row("output_device", texts.OUTPUT_DEVICE, self.device_combo)

    def _lock_if_read_only(self) -> None:
        """With a read-only diary nothing can be saved: say so once and lock every field."""
        locked = not self._services.can_save()
        self.read_only_notice.show_message(texts.READ_ONLY if locked else "")
        for widget in (*self._cards, self.introduction_button):
            widget.setEnabled(not locked)

    # ----- showing --------------------------------------------------------------------------

    def _show(self, prefs: Preferences) -> None:
        """Show these preferences in every control without saving anything back."""
        widgets = [row.editor for row in self.rows.values()]
        widgets += [self.height_input.cm, self.height_input.feet, self.height_input.inches]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._fill(prefs)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _fill(self, prefs: Preferences) -> None:
        for name, row in self.rows.items():
            value = getattr(prefs, name)
            control = row.editor
            if isinstance(control, RangeSpinBox):
                control.setValue(int(value))
            elif isinstance(control, QCheckBox):
                control.setChecked(bool(value))
            elif isinstance(control, QComboBox) and name != "output_device":
                control.setCurrentIndex(max(0, control.findData(value)))
        self.height_input.set_units(prefs.units)
        self.height_input.set_height_cm(prefs.height_cm)
        self.volume_slider.setValue(round(prefs.volume * 100))
        self.volume_label.setText(f"{round(prefs.volume * 100)} %")
        if not self.reminder_edit.hasFocus():
            self.reminder_edit.setText(prefs.reminder_time)
        self._fill_devices(prefs.output_device)

    def _fill_devices(self, chosen: str) -> None:
        status = self._services.audio_status
        combo = self.device_combo
        combo.clear()
        combo.addItem(texts.SYSTEM_DEFAULT, "")
        for name in status.devices:
            combo.addItem(name, name)
        if chosen and chosen not in status.devices:
            combo.addItem(texts.DEVICE_MISSING.format(name=chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.setEnabled(status.available)
        if not status.available:
            self.rows["output_device"].show_note(status.reason)
            combo.setAccessibleDescription(status.reason)

    # ----- saving ---------------------------------------------------------------------------

    def _save(self, name: str, value: Any) -> bool:
        """Save one preference; show "Saved." or the refusal beside its field."""
        row = self.rows[name]
        if getattr(self._services.preferences.current, name) == value:
            return True
        try:
            self._services.preferences.set(name, value)
        except PreferenceError as error:
            self._show(self._services.preferences.current)  # back to what is stored
            row.show_error(str(error))
            return False
        row.show_saved()
        return True

    def _clear_error(self, name: str) -> None:
        row = self.rows[name]
        if row.message_kind() == "error":
            row.clear_message()

    def _on_volume_changed(self, value: int) -> None:
        self.volume_label.setText(f"{value} %")
        self._save("volume", value / 100)

    def _on_reminder_finished(self) -> None:
        text = self.reminder_edit.text().strip()
        if text == self._services.preferences.current.reminder_time:
            return
        try:
            self._services.preferences.set("reminder_time", text)
        except PreferenceError as error:
            refusal = texts.REMINDER_BAD if self._services.can_save() else str(error)
            self.rows["reminder_time"].show_error(refusal)
            return
        self.rows["reminder_time"].show_saved()

    def _on_introduction_clicked(self) -> None:
        self.onboarding_runner(self._services, self.window())

    def scroll_to(self, name: str) -> None:
        """Scroll so the section holding this preference's field is at the top."""
        self._scroll_target = name
        self._apply_scroll()

    def showEvent(self, event: QShowEvent) -> None:
        """Recolour messages after polishing; apply a pending scroll_to once sizes are known."""
        super().showEvent(event)
        self._retheme()
        QTimer.singleShot(0, self, self._apply_scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep a pending scroll_to target at the top when the size changes."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._apply_scroll)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a theme change: the inline message colours come from it."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            # After the style sheet has re-polished the children, which resets their palettes.
            QTimer.singleShot(0, self, self._retheme)

    def _retheme(self) -> None:
        for row in self.rows.values():
            row.restyle()

    def _apply_scroll(self) -> None:
        if not self._scroll_target:
            return
        card = self.rows[self._scroll_target].parentWidget()
        layout = self._content.layout()
        if layout is not None:
            layout.activate()
        top = card.mapTo(self._content, QPoint(0, 0)).y() if card is not None else 0
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(max(0, top - 12))
        if self.isVisible() and bar.maximum() > 0:
            self._scroll_target = ""  # done; from now on the person scrolls


def settings_screenshot_states() -> list[tuple[str, Callable[[AppServices], QWidget]]]:
    """(file stem, builder) pairs for screenshots: Settings at the top, at Sound, sound off."""

    def top(services: AppServices) -> QWidget:
        return SettingsScreen(services)

    def sound(services: AppServices) -> QWidget:
        screen = SettingsScreen(services)
        screen.scroll_to("left_sound")
        return screen

    def sound_off(services: AppServices) -> QWidget:
        off = AudioStatus(False, NO_PORTAUDIO)
        screen = SettingsScreen(dataclasses.replace(services, audio=services.audio.showing(off)))
        screen.scroll_to("volume")
        return screen

    return [("settings", top), ("settings-sound", sound), ("settings-sound-off", sound_off)]
