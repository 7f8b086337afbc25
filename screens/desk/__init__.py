"""The hall staff's console (`kiosk desk`): help requests, drafts, the windows, the day.

One screen a file; styles in desk.tcss. Like the kiosk, it reads and writes only through
the core in kiosk/.
"""
