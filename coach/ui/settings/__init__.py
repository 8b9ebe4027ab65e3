"""The Settings screen: every preference, with its fields and the height input onboarding shares."""
