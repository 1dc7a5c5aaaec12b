#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium and its WebDriver are installed, for the
# screens' browser tests (Selenium drives chromium through chromedriver). Safe to run again:
# it installs only what is missing.
set -euo pipefail

log() { echo "[ensure-browser] $*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# Devanagari glyphs, for the screens' Hindi labels.
fc-list :lang=hi 2>/dev/null | grep -q . || missing+=(fonts-lohit-deva)

if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
log "$(chromium --version 2>/dev/null || echo 'chromium missing')"
