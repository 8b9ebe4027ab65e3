from __future__ import annotations

from dataclasses import replace

import pytest

from coach.domain.preferences import PreferenceError, Preferences
from coach.storage.database import Store, open_store
from coach.storage.preferences_repo import PreferencesRepository


def stored(store: Store) -> dict[str, str]:
    return {r["name"]: r["value"] for r in store.query("SELECT name, value FROM preferences")}


def test_a_new_store_gives_the_defaults(store: Store) -> None:
    assert PreferencesRepository(store).load() == (Preferences(), [])


def test_save_and_load_round_trip(store: Store) -> None:
    repo = PreferencesRepository(store)
    prefs = replace(
        Preferences(),
        units="imperial",
        height_cm=172.5,
        default_cadence_spm=112,
        left_sound="click",
        pan_feet=True,
        volume=0.35,
        theme="dark",
        reminder_time="08:30",
        onboarding_done=True,
    )
    repo.save(prefs)
    assert repo.load() == (prefs, [])
    assert stored(store)["height_cm"] == "172.5"
    assert stored(store)["units"] == '"imperial"'
    repo.save(replace(prefs, height_cm=None))
    assert repo.load()[0].height_cm is None


def test_set_checks_and_stores_one_value(store: Store) -> None:
    repo = PreferencesRepository(store)
    updated = repo.set("volume", 0.5)
    assert updated == replace(Preferences(), volume=0.5)
    assert stored(store) == {"volume": "0.5"}
    with pytest.raises(PreferenceError, match="volume must be between 0 and 1"):
        repo.set("volume", 3)
    with pytest.raises(PreferenceError, match="Unknown preference 'colour'"):
        repo.set("colour", "red")
    assert repo.load()[0].volume == 0.5


def test_bad_stored_values_fall_back_and_are_reported(store: Store) -> None:
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO preferences VALUES (?, ?)",
            [
                ("volume", "7"),  # out of range
                ("theme", "{not json"),  # unreadable
                ("pan_feet", '"yes"'),  # wrong type
                ("retired_setting", "1"),  # unknown name
                ("cue_interval_s", "120"),  # fine
            ],
        )
    prefs, problems = PreferencesRepository(store).load()
    assert prefs == replace(Preferences(), cue_interval_s=120)
    assert len(problems) == 4
    joined = "\n".join(problems)
    for fragment in ("volume", "theme", "pan_feet", "retired_setting"):
        assert fragment in joined
    assert all(str(store.path) in problem for problem in problems)
    # Reporting is not repairing: the stored values stay until the person saves.
    assert stored(store)["volume"] == "7"


def test_preferences_survive_reopening(store: Store) -> None:
    PreferencesRepository(store).set("theme", "light")
    store.close()
    with open_store(store.path) as reopened:
        assert PreferencesRepository(reopened).load()[0].theme == "light"
