from __future__ import annotations

import pytest

from coach.domain.cues import CueCard, CueCatalogue, CueError, CueKind, CueSchedule
from coach.domain.plan_files.loading import load_default_cues

P = CueKind.POSTURE
S = CueKind.STRIDE
CATALOGUE = CueCatalogue(
    (
        CueCard("p1", P, "P1", "t", "cue-p1.svg"),
        CueCard("p2", P, "P2", "t", "cue-p2.svg"),
        CueCard("p3", P, "P3", "t", "cue-p3.svg"),
        CueCard("s1", S, "S1", "t", "cue-s1.svg"),
        CueCard("s2", S, "S2", "t", "cue-s2.svg"),
    )
)


def ids(schedule: CueSchedule, times: range) -> list[str | None]:
    return [c.id if (c := schedule.card_at(t)) else None for t in times]


def test_posture_and_stride_alternate_on_the_interval() -> None:
    schedule = CueSchedule(CATALOGUE, interval_s=30)
    assert [c.id for c in schedule.rotation()] == ["p1", "s1", "p2", "s2", "p3", "s1"]
    assert ids(schedule, range(0, 210, 30)) == ["p1", "s1", "p2", "s2", "p3", "s1", "p1"]
    assert schedule.card_at(29.9).id == "p1"  # type: ignore[union-attr]
    assert schedule.card_at(-5).id == "p1"  # type: ignore[union-attr]
    assert schedule.changed_between(29, 30)
    assert not schedule.changed_between(30, 59)


def test_pin_keeps_one_card_up() -> None:
    schedule = CueSchedule(CATALOGUE, interval_s=30).pin("s2")
    assert set(ids(schedule, range(0, 300, 17))) == {"s2"}
    assert not schedule.changed_between(0, 1000)
    assert schedule.unpin().card_at(0).id == "p1"  # type: ignore[union-attr]


def test_turning_cues_off() -> None:
    schedule = CueSchedule(CATALOGUE, interval_s=10).turn_off("p1").turn_off("s1")
    assert [c.id for c in schedule.rotation()] == ["p2", "s2", "p3", "s2"]
    assert [c.id for c in schedule.turn_on("p1").rotation()][:2] == ["p1", "s2"]
    only_posture = schedule.turn_off("s2")
    assert [c.id for c in only_posture.rotation()] == ["p2", "p3"]
    nothing = only_posture.turn_off("p2").turn_off("p3")
    assert nothing.card_at(100) is None


def test_pin_and_off_interact() -> None:
    schedule = CueSchedule(CATALOGUE).pin("p2").turn_off("p2")
    assert schedule.pinned_id is None and "p2" in schedule.off_ids
    schedule = schedule.pin("p2")
    assert schedule.pinned_id == "p2" and "p2" not in schedule.off_ids


def test_unknown_cue_and_bad_interval() -> None:
    with pytest.raises(CueError, match="nope"):
        CueSchedule(CATALOGUE).pin("nope")
    with pytest.raises(CueError):
        CueSchedule(CATALOGUE).turn_off("nope")
    with pytest.raises(CueError):
        CueSchedule(CATALOGUE, interval_s=0)


def test_default_cards_cover_posture_and_stride_in_single_calm_sentences() -> None:
    catalogue = load_default_cues()
    # 7 posture, 6 stride: "feet under you" merged into "slightly shorter steps" (issue 21).
    assert len(catalogue.of_kind(P)) == 7 and len(catalogue.of_kind(S)) == 6
    for card in catalogue.cards:
        assert card.illustration == f"cue-{card.id}.svg"
        assert card.text.endswith(".") and card.text.count(".") == 1 and "!" not in card.text
        assert len(card.text) <= 100 and len(card.title) <= 30
    texts = " ".join(c.text.lower() for c in catalogue.cards)
    # The line PRODUCT.md follows: shorter, quicker steps; foot strike left to comfort.
    assert "shorter" in texts and "quicker" in texts and "comfortable" in texts
    assert "wider" not in texts and "ball of" not in texts and "heel" not in texts
