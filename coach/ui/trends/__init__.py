"""The Trends screen: the pain and walking chart, its read-out and the clinician's report button."""
