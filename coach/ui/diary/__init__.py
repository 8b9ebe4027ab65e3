"""The Pain diary screen: the entry form, the list by day, editing, export and import."""
