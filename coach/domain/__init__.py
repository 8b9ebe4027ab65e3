"""Pure domain logic: maths, plans, diary entries and rules. No Qt, audio or SQL here."""
