"""Every text of the Learn screen: short, calm guidance in our own words (issue 21)."""

from __future__ import annotations

TITLE = "Learn"
INTRO = (
    "A few minutes of reading about back pain and walking. Come back to it whenever you like: "
    "Learn is always in the sidebar."
)
CONTENTS_NAME = "Topics"

TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Hurt does not always mean harm",
        (
            "Back pain can be strong even when nothing in your back is damaged. Pain is your "
            "body's alarm, and with back pain the alarm is often turned up higher than it "
            "needs to be.",
            "Feeling some discomfort while you walk is common and usually safe. It tends to ease "
            "as your back gets used to moving again.",
        ),
    ),
    (
        "Most back pain gets better",
        (
            "Most episodes of low back pain settle a good deal within a few weeks. Some come "
            "back now and then; a new episode usually settles too, and knowing what helps makes "
            "it easier each time.",
        ),
    ),
    (
        "Moving helps more than resting",
        (
            "Staying gently active, with short walks and your usual day as far as you can, "
            "helps most people recover sooner than resting in bed. Rest when you need to, in "
            "short spells, then get moving again.",
        ),
    ),
    (
        "A plan for a bad day",
        (
            "Bad days happen, even when things are going well. On a bad day: keep moving "
            "gently, take shorter walks (two or three short ones can be easier than one long "
            "one), change position often, and use what usually eases your pain, such as "
            "warmth.",
            "Pick up your usual walks again as the pain settles, over a few days rather than "
            "all at once.",
            "If a bad day comes with any of the warning signs the app asked about when you "
            "first started it, follow the advice the app gives for those, not this plan. If "
            "your pain keeps getting worse over a week or two, ask a doctor or "
            "physiotherapist.",
        ),
    ),
    (
        "Pace by time, not by pain",
        (
            "Decide how long to walk before you set off, and stop when the time is up, even on "
            "a good day. Walking until the pain stops you tends to lead to a good day followed "
            "by a bad one.",
            "Your walk may stir up a little pain. That is fine if it has settled by the next "
            "morning. If it has not, make the next walk a bit shorter or easier. The app's "
            "plan builds up in small steps each week for the same reason.",
        ),
    ),
    (
        "What to expect over the weeks",
        (
            "Progress is rarely a straight line. Expect ups and downs from day to day; what "
            "matters is the direction over several weeks. The Trends screen shows that "
            "direction from your diary.",
            "Walking further, or more easily, counts as progress even when the pain number "
            "changes slowly.",
        ),
    ),
    (
        "Shoes, surfaces and clothing",
        (
            "Wear shoes that fit well and have a cushioned sole; you should be able to wiggle "
            "your toes. Break new shoes in with short walks.",
            "Level, firm paths are easiest to start with. Grass, gravel and slopes are fine "
            "once you feel steady; look down briefly when the ground is uneven.",
            "Dress in layers you can take off, so you stay comfortable rather than cold and stiff.",
        ),
    ),
    (
        "Treadmill safety",
        (
            "Start the belt slowly, standing on the side rails, and step on once it moves "
            "steadily. Clip the safety key to your clothing so the belt stops if you slip "
            "back.",
            "Keep one hand on the rail whenever you tap the screen or change the speed, and "
            "slow the belt right down before you step off.",
        ),
    ),
    (
        "Rating your pain from 0 to 10",
        (
            "0 means no pain and 10 the worst pain you can imagine. In between: about 2 or 3 "
            "you notice but it does not stop you; about 5 gets in the way of some things; "
            "about 7 or 8 makes it hard to think of anything else.",
            "Rate once a day, at about the same time (on waking works well), so the days can "
            "be compared. Guided walks also ask before and after each walk. Rate the pain "
            "you have now, not your worst of the day.",
        ),
    ),
)
"""(topic title, its paragraphs), in reading order."""

TODAY_LINK_TITLE = "New to walking with back pain?"
TODAY_LINK_TEXT = (
    "Learn explains what to expect, how to pace your walks and what to do on a bad day."
)
TODAY_LINK_BUTTON = "Open Learn"

ONBOARDING_OFFER = "Open Learn when I finish: a few minutes about back pain, pacing and bad days"
