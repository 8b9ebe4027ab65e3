"""Where the numbers come from: the sources, the evidence table and its rendering to docs."""
