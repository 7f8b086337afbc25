"""The kiosk's core: catalogue, search, forms, drafts, handoff. Never imports Textual."""
