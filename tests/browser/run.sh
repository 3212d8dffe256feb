#!/usr/bin/env bash
# The site (`roster site`) and the timeline page (`roster timeline --format html`) of the
# shipped records and of examples/eu-council, opened from file:// in a real browser: Debian's
# chromium, driven by playwright-core (pinned in package.json and package-lock.json). See
# test.mjs for what is checked and against what.
#
# Installs what is missing, and only that: chromium with apt-get (as root), the npm packages
# into ~/.cache/roster-ci/browser (again only when the lock file changed). $CHROMIUM names
# another Chromium-based browser to use instead (GitHub's runners have Google Chrome, and
# Ubuntu's chromium package is only a way to install a snap). roster is $ROSTER
# when set, else a debug build. Screenshots go to $SCREENSHOTS (default
# target/browser-screenshots), for CI to keep as artefacts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."

if [ -z "${CHROMIUM:-}" ]; then
    if ! command -v chromium >/dev/null 2>&1; then
        echo "installing chromium (Debian's package)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || {
            apt-get update -qq
            apt-get install -y --no-install-recommends chromium
        }
    fi
    CHROMIUM="$(command -v chromium)"
fi
"$CHROMIUM" --version 2>/dev/null

modules="${HOME}/.cache/roster-ci/browser"
if ! cmp -s "$here/package-lock.json" "$modules/package-lock.json" || [ ! -d "$modules/node_modules/playwright-core" ]; then
    rm -rf "$modules"
    mkdir -p "$modules"
    cp "$here/package.json" "$here/package-lock.json" "$modules/"
    npm ci --no-audit --no-fund --prefix "$modules"
else
    echo "playwright-core and yaml already installed in $modules"
fi

if [ -z "${ROSTER:-}" ]; then
    cargo build --quiet --bin roster
    ROSTER="${CARGO_TARGET_DIR:-target}/debug/roster"
fi
ROSTER="$(cd "$(dirname "$ROSTER")" && pwd)/$(basename "$ROSTER")"

screenshots="${SCREENSHOTS:-target/browser-screenshots}"
mkdir -p "$screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ROSTER="$ROSTER" BROWSER_MODULES="$modules" SCREENSHOTS="$(cd "$screenshots" && pwd)" WORK="$work" \
    CHROMIUM="$CHROMIUM" \
    node "$here/test.mjs" gmg=. eu-council=examples/eu-council
echo "screenshots in $screenshots"
