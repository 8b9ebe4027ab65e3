"""Every text the Settings screen shows, in one place: short, calm and concrete."""

from __future__ import annotations

TITLE = "Settings"
INTRO = "Changes are saved as soon as you make them."
SAVED = "Saved."
SHOW_INTRODUCTION = "Show the introduction again"
SHOW_INTRODUCTION_HELP = "Walk through the short welcome, the safety check and your basics again."

SCROLL_NAME = "All settings"
READ_ONLY_NAME = "Settings are locked"
READ_ONLY = (
    "Your diary is open read-only because it was damaged, so settings cannot be changed "
    "now. Restart Walking Coach to restore a backup or start a new diary."
)

SECTION_ME = "Me"
SECTION_SOUND = "Sound"
SECTION_SCREEN = "Screen"
SECTION_REMINDERS = "Reminders"

# Each field: (label, help). Help says what the value does and, for numbers, the range.
UNITS = ("Units", "Metric shows cm and km/h; imperial shows feet, inches and mph.")
UNITS_CHOICES = {"metric": "Metric (cm, km/h)", "imperial": "Imperial (ft and in, mph)"}
HEIGHT = (
    "Height",
    "Used to estimate your step length (about 0.41 times your height). "
    "From 100 to 230 cm (3\u00a0ft\u00a04\u00a0in to 7\u00a0ft\u00a06\u00a0in). "
    "Leave it as Not set if you prefer.",
)
HEIGHT_NOT_SET = "Not set"
HEIGHT_FEET = "Height, feet"
HEIGHT_INCHES = "Height, inches"
HEIGHT_RANGE_METRIC = "Choose a height from 100 to 230 cm."
HEIGHT_RANGE_IMPERIAL = "Choose a height from 3 ft 4 in to 7 ft 6 in."
INCHES_RANGE = "Inches go from 0 to 11; add a foot instead."
USUAL_WALKING = (
    "Usual walking",
    "Roughly how many minutes you walk in a normal week now. From 0 to 2000.",
)
CADENCE = (
    "Default pace",
    "Steps per minute the metronome starts at. Everyday walking is usually 100 to 120; "
    "from 40 to 220.",
)

LEFT_SOUND = ("Left foot sound", "The click you hear for each left step.")
RIGHT_SOUND = ("Right foot sound", "The click you hear for each right step.")
SOUND_LABELS = {
    "woodblock": "Wood block",
    "click": "Click",
    "soft_tick": "Soft tick",
    "beep": "Beep",
}
PAN = (
    "Left and right ears",
    "Play the left foot in the left ear and the right foot in the right ear (best with "
    "headphones).",
)
PAN_CHECK = "Put each foot in its own ear"
ACCENT = ("Accent", "Make the first beat of each pair of steps a little louder.")
ACCENT_CHECK = "Accent the first beat"
VOLUME = ("Volume", "How loud the clicks are. Arrow keys move 1 %, Page Up and Down 10 %.")
COUNT_IN = (
    "Count-in",
    "Clicks before a walk starts, so you can find the rhythm. 0 starts at once; up to 8.",
)
OUTPUT_DEVICE = (
    "Sound output",
    "Where the clicks play. If the chosen output is missing, the system default is used.",
)
SYSTEM_DEFAULT = "System default"
DEVICE_MISSING = "{name} (not connected now)"
AV_OFFSET = (
    "Screen delay",
    "If the beat on screen runs ahead of the click you hear, delay the screen here. "
    "Bluetooth headphones often lag 100 to 300 ms; try 200. From -500 to 500 ms.",
)

THEME = ("Colours", "Follow your computer's light or dark setting, or choose one.")
THEME_CHOICES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
CUE_INTERVAL = (
    "Tip interval",
    "How often a new posture or stride tip appears during a walk. From 15 to 600 seconds.",
)

SECTION_VOICE = "Voice"
VOICE_ON = (
    "Spoken coaching",
    "A calm voice says each part of the walk and its pace, the tip on screen, the time left, "
    "and during stretches the exercise, when to switch sides and the last seconds.",
)
VOICE_ON_CHECK = "Speak during walks and stretches"
VOICE_NAME = ("Voice", "Which voice speaks. The list comes from espeak-ng on this computer.")
SPEECH_RATE = (
    "Speaking speed",
    "Words per minute. 150 is calm; from 80 to 260.",
)
VOICE_VOLUME = ("Voice volume", "How loud the voice is, from 0 to 100 %, before the main volume.")
DUCK = ("Softer steps under speech", "Lower the step clicks a little while the voice speaks.")
DUCK_CHECK = "Lower the steps while the voice speaks"
SAY_SAMPLE = "Say a sample"
SAY_SAMPLE_HELP = "Hear the voice with these settings."
SAMPLE_TEXT = "Main walk. One hundred and ten steps a minute."
SAMPLE_BUSY = "A walk is playing; the sample waits until it ends."
SAMPLE_FAILED = "The voice could not say the sample: {reason}"
VOICE_UNAVAILABLE = "No voice on this computer, so walks use chimes only. {reason}"

REMINDER = (
    "Daily reminder",
    "A gentle question about your back once a day, at about the same time, while the app is "
    "open, like 08:30 or 18:00. Leave it empty for none.",
)
CHECKIN_DAY = (
    "Weekly check-in",
    "The day Today starts asking three short questions about your past week. "
    "You can answer or skip it.",
)
CHECKIN_DAY_CHOICES = {
    "monday": "Monday",
    "tuesday": "Tuesday",
    "wednesday": "Wednesday",
    "thursday": "Thursday",
    "friday": "Friday",
    "saturday": "Saturday",
    "sunday": "Sunday",
}
REMINDER_PLACEHOLDER = "No reminder"
REMINDER_BAD = "Type a time like 08:30 (24-hour clock), or leave it empty. Nothing was saved."

OUT_OF_RANGE = "{typed} is outside {low} to {high}{unit}, so it is not saved."
