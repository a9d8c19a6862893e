#!/usr/bin/env bash
# Create Deload's virtual environment:  scripts/make-venv.sh .venv
# The interpreter is $PYTHON if set; else the distribution's own Python 3.11+ when it has venv
# (Debian builds it with profile-guided optimisation: builds run 10-15% faster on it, pure-Python
# loops 30%, than on an unoptimised source build such as pyenv's default); else python3.
set -euo pipefail
venv=${1:-.venv}
usable() { "$1" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
python=${PYTHON:-}
if [ -z "$python" ]; then
  candidates=(python3)
  # Only a Linux distribution's: on macOS /usr/bin/python3 may be the Xcode installer stub.
  [ "$(uname -s)" = Linux ] && candidates=(/usr/bin/python3 python3)
  for candidate in "${candidates[@]}"; do
    if command -v "$candidate" >/dev/null 2>&1 && usable "$candidate"; then python=$candidate; break; fi
  done
  if [ -z "$python" ]; then
    echo "deload: needs Python 3.11 or newer with its venv module (on Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "deload: no such Python: $python" >&2
  exit 1
fi
echo "deload: creating $venv with $(command -v "$python") ($("$python" -c 'import sys; print(sys.version.split()[0])'))" >&2
if ! "$python" -m venv "$venv"; then
  rm -rf "$venv"  # a half-made venv would make every later `make` fail at pip
  echo "deload: could not create $venv with $python" >&2
  exit 1
fi
