#!/usr/bin/env bash
# Install the Debian packages Deload needs, if they are missing.
#   scripts/system-deps.sh venv    -> python3-venv, if the distribution's Python lacks venv
#   scripts/system-deps.sh build   -> what `deload build` needs (Pango for WeasyPrint, fonts)
#   scripts/system-deps.sh test    -> plus what the tests need (Chromium, Java, poppler)
# Installs with apt-get when run as root (or with sudo); otherwise says what to install.
set -euo pipefail
what=${1:-build}
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
if [ "$what" = venv ]; then
  packages=(python3-venv)  # the distribution's Python needs it to make a virtual environment
  # Not needed where another Python is chosen, or the distribution's already has venv.
  if [ -n "${PYTHON:-}" ] || [ ! -x /usr/bin/python3 ] || /usr/bin/python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    exit 0
  fi
fi
if [ "$what" = test ]; then
  packages+=(chromium poppler-utils default-jre-headless)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# A Java from another package (e.g. openjdk-17) serves as well as default-jre-headless.
if [[ " ${missing[*]-} " == *" default-jre-headless "* ]] && command -v java >/dev/null 2>&1; then
  missing=("${missing[@]/default-jre-headless}")
fi
missing=($(printf '%s\n' "${missing[@]-}" | grep -v '^$' || true))
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "deload: please install these system packages: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deload: run as root or install: ${missing[*]}" >&2; exit 1
  fi
fi
echo "deload: installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
