#!/usr/bin/env bash
# Writes APP_IMAGE/lib/app/lectern.classlist: the classes the window loads on its way to a project shown with its
# panes, then those of `lectern new --sample`, from training runs of the app image itself (the window under Xvfb).
# installer.sh runs it at build time because an install has no display to open the window on; postinst's
# appcds.sh turns the list into the AppCDS archive where the jars are installed (decision 0018).
# Exits non-zero, and writes no list, when there is no Xvfb or the window did not come up.
set -euo pipefail
app=${1:?usage: packaging/linux/classlist.sh APP_IMAGE}
command -v Xvfb >/dev/null || { echo "classlist: no Xvfb (apt-get install xvfb)" >&2; exit 2; }
tmp=$(mktemp -d)
xvfb=
window=
cleanup() {
  [ -n "$window" ] && kill "$window" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$tmp" "$app/bin/lectern-classlist" "$app/lib/app/lectern-classlist.cfg"
}
trap cleanup EXIT
# A copy of the launcher whose config (found by the launcher's name) does not name the archive the list is for.
cp "$app/bin/Lectern" "$app/bin/lectern-classlist"
grep -v SharedArchiveFile "$app/lib/app/Lectern.cfg" > "$app/lib/app/lectern-classlist.cfg"
props="-Dlectern.config.dir=$tmp/config -Dlectern.cache.dir=$tmp/cache -Dlectern.data.dir=$tmp/data -Djavafx.cachedir=$tmp/openjfx"

JAVA_TOOL_OPTIONS="$props -XX:DumpLoadedClassList=$tmp/cli.classlist" \
  "$app/bin/lectern-classlist" new "$tmp/training.lectern" --sample >/dev/null 2>"$tmp/cli.err"

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { echo "classlist: Xvfb did not start" >&2; exit 1; }
DISPLAY=:$(cat "$tmp/display") JAVA_TOOL_OPTIONS="$props -Dprism.order=sw -Dlectern.startup.marker=true -XX:DumpLoadedClassList=$tmp/window.classlist" \
  "$app/bin/lectern-classlist" "$tmp/training.lectern" >"$tmp/window.out" 2>"$tmp/window.err" &
window=$!
for _ in $(seq 600); do grep -q '^lectern: ready after' "$tmp/window.out" && break; kill -0 "$window" 2>/dev/null || break; sleep 0.1; done
grep -q '^lectern: ready after' "$tmp/window.out" || { echo "classlist: the window did not come up:" >&2; tail -5 "$tmp/window.err" >&2; exit 1; }
sleep 2 # what the window loads just after its panes show (the work it prepares ahead) belongs in the list too
kill "$window"; wait "$window" 2>/dev/null || true
window=

# One line per class, the window's first: comments dropped, repeats dropped (the format has no ids to keep apart).
cat "$tmp/window.classlist" "$tmp/cli.classlist" | awk '!/^#/ && !seen[$0]++' > "$app/lib/app/lectern.classlist"
echo "classlist: $(wc -l < "$app/lib/app/lectern.classlist") classes for the AppCDS archive"
