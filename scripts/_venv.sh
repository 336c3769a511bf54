# Shared by run.sh and test.sh: create/refresh a virtual environment for the project.
# usage: ensure_venv DIR "pip install arguments"
# The environment is (re)installed when pyproject.toml changed since the last install.
ensure_venv() {
    local dir="$1"; shift
    local stamp="$dir/.bonemet-installed"
    local want
    want="$(cat pyproject.toml | sha256sum | cut -c1-16) $*"
    if [ ! -x "$dir/bin/python" ]; then
        python3 -m venv "$dir" || {
            echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv" >&2
            return 1
        }
    fi
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        "$dir/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
        "$dir/bin/python" -m pip install -q --disable-pip-version-check "$@" || return 1
        echo "$want" > "$stamp"
    fi
}

check_qt_libs() {
    # Qt's xcb/offscreen plugins need these system libraries on Linux (see README).
    [ "$(uname -s)" = "Linux" ] || return 0
    command -v ldconfig >/dev/null 2>&1 || return 0
    local missing=() cache
    # read the cache once: `ldconfig -p | grep -q` under `set -o pipefail` fails at random
    # (grep exits at the first match and ldconfig dies of SIGPIPE)
    cache="$(ldconfig -p 2>/dev/null)"
    for lib in libGL.so.1 libEGL.so.1 libfontconfig.so.1 libfreetype.so.6 libglib-2.0.so.0 \
               libxkbcommon.so.0 libdbus-1.so.3 libX11.so.6; do
        grep -qF "$lib" <<<"$cache" || missing+=("$lib")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Missing system libraries for Qt: ${missing[*]}" >&2
        echo "Install them with: sudo apt-get install -y --no-install-recommends $QT_DEBIAN_PACKAGES" >&2
        return 1
    fi
}

QT_DEBIAN_PACKAGES="libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libdbus-1-3 libx11-6"
