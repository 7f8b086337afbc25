"""`make bench`: the kiosk's speed as ratios to what the platform itself costs, side by side."""
