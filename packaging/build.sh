#!/usr/bin/env bash
# Build the desktop bundle (PyInstaller onedir) and pack it as a dated tar.gz in dist/.
#
#   packaging/build.sh            # -> dist/bonemet/ and dist/bonemet-<version>-<date>-linux-x86_64.tar.gz
#
# Uses the project's .venv (scripts/run.sh or scripts/test.sh create it) and installs
# PyInstaller into it when missing. The bundle includes the .desktop file, the AppStream
# metainfo and the icons under share/ for a desktop install (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
"$BIN/python" -m PyInstaller --version >/dev/null 2>&1 \
    || "$BIN/python" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10"
"$BIN/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/bonemet.spec
share=dist/bonemet/share
mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
cp packaging/linux/org.bonemet.Workstation.desktop "$share/applications/"
cp packaging/linux/org.bonemet.Workstation.metainfo.xml "$share/metainfo/"
cp app/resources/icons/bonemet.svg "$share/icons/hicolor/scalable/apps/org.bonemet.Workstation.svg"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "app/resources/icons/bonemet-$size.png" \
        "$share/icons/hicolor/${size}x${size}/apps/org.bonemet.Workstation.png"
done
version="$("$BIN/python" -c 'from importlib.metadata import version; print(version("bonemet-workstation"))')"
archive="dist/bonemet-${version}-$(date +%Y%m%d)-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" bonemet
echo "$archive"
