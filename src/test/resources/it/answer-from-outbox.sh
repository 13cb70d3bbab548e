#!/bin/sh
# An answer command as a CI job would write one: it picks the email code factor, then reads the
# code the pool "sent" from the local pool's outbox ($OUTBOX), the newest message to the user.
set -eu
question=$(cat)
case "$COGAUTH_CHALLENGE" in
  SELECT_CHALLENGE)
    echo EMAIL_OTP ;;
  EMAIL_OTP | SMS_OTP)
    user=$(printf '%s' "$question" | sed -n 's/.*"username":"\([^"]*\)".*/\1/p')
    message=$(grep -l "\"username\":\"$user\"" "$OUTBOX"/*.json | sort | tail -n 1)
    sed -n 's/.*"code":"\([0-9]*\)".*/\1/p' "$message" ;;
  *)
    echo "answer-from-outbox.sh: no answer for $COGAUTH_CHALLENGE" >&2
    exit 9 ;;
esac
