"""The phone page: a visitor scans the kiosk's QR code and finishes the same draft on a phone.

Server-rendered and usable with JavaScript off; `kiosk.web.server` starts it.
"""
