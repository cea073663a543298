"""What the voices add up to: the dashboard's figures, story search and themes, the analysis annotations of
stories and the corrections people make to them (which become training examples)."""
