#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Walking Coach needs when they are missing.
# Usage: scripts/ensure-system-packages.sh run|test|deb
# "run" is what the app needs (PortAudio, espeak-ng for the voice, Qt's X11/Wayland libraries);
# "test" adds the PulseAudio server the audio tests play into; "deb" the tools of `make deb`.
set -euo pipefail

want=(
  libportaudio2           # sounddevice's PortAudio library
  espeak-ng               # the offline voice of spoken coaching (docs/audio.md, "Speech")
  libxcb-cursor0          # Qt 6's xcb platform plugin refuses to start without it
  libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libwayland-client0 libwayland-cursor0
  libwayland-egl1 fonts-dejavu-core
)
case "${1:-run}" in
  # make deb (packaging/build_deb.py): dpkg-architecture and dpkg -S, readelf and strip, chrpath;
  # the tests also check the package with lintian.
  test) want+=(dpkg-dev binutils chrpath lintian) ;;
  deb) want+=(dpkg-dev binutils chrpath) ;;
esac
if [ "${1:-run}" = "test" ]; then
  want+=(pulseaudio pulseaudio-utils libasound2-plugins)
  want+=(desktop-file-utils appstream)  # validators for packaging/linux (tests/packaging)
  want+=(binutils)  # PyInstaller needs objdump/objcopy to build the bundle the tests run
  want+=(poppler-utils)  # pdftotext: tests/ui/test_change_story.py reads the report PDF's words
  # tests/e2e: a real X server, a private D-Bus session and the AT-SPI accessibility bus, and
  # Debian's python3 bindings the driver uses to work the app as a screen reader does.
  want+=(xvfb dbus at-spi2-core python3-pyatspi python3-xlib)
  # PyInstaller bundles libpython; Debian's own python3 ships it in a separate package.
  libpython=$("${PYTHON:-python3}" -c 'import sys; print("libpython%d.%d" % sys.version_info[:2] if sys.prefix == "/usr" else "")' 2>/dev/null || true)
  [ -n "$libpython" ] && want+=("$libpython")
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: please install PortAudio and PulseAudio with your package manager." >&2
  exit 0
fi

missing=()
# A fresh Debian/Ubuntu python3 cannot make the .venv without python3-venv.
if ! "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
for pkg in "${want[@]}"; do
  case "$pkg" in \#*) continue ;; esac
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "These system packages are missing: ${missing[*]}" >&2
  echo "Install them as root (apt-get install ${missing[*]}) and run the command again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
