"""Walk files from watches and phones (FIT, GPX, TCX): read, checked and turned into walks."""
