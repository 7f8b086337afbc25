#!/bin/sh
# Started by cage (see cage-kiosk@.service): the kiosk app in foot, full screen.
# Install as /etc/kiosk/start-kiosk.sh, executable. Settings come from /etc/kiosk/kiosk.env
# (loaded by the systemd unit).
set -eu

KIOSK_HOME="${KIOSK_HOME:-/opt/service-hall-kiosk}"

# The phone page (started by `kiosk` beside the screen) must be reachable from the hall's
# Wi-Fi: KIOSK_PUBLIC_URL in kiosk.env is the address the QR carries.
exec foot --config=/etc/kiosk/foot.ini --title=kiosk \
    "$KIOSK_HOME/.venv/bin/kiosk"
