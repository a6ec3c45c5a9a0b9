#!/bin/sh
# Makes the AppCDS archive of Lectern's own classes where the app is installed (postinst runs it; so does
# InstalledDebIT). Why here and not at build time: JDK 17 checks a dynamic archive against the jars' absolute
# paths, so one made in target/ is refused in /opt/lectern (decision 0018). A failure only costs start-up time.
set -e
home=$(cd "$(dirname "$0")/.." && pwd)   # /opt/lectern
app=$home/lib/app
tmp=$(mktemp -d)
# The JVM will not read and write a dynamic archive at once: the training run goes through a copy of the
# launcher whose config (found by the launcher's name) lacks the archive option.
cp "$home/bin/Lectern" "$home/bin/lectern-appcds"
grep -v SharedArchiveFile "$app/Lectern.cfg" > "$app/lectern-appcds.cfg"
rm -f "$app/lectern.jsa"
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/lectern.jsa" LECTERN_CONFIG_DIR="$tmp" LECTERN_CACHE_DIR="$tmp" \
  "$home/bin/lectern-appcds" new "$tmp/training.lectern" --sample >/dev/null 2>&1 \
  || echo "lectern: no AppCDS archive made; the app starts, only slower" >&2
rm -rf "$tmp" "$home/bin/lectern-appcds" "$app/lectern-appcds.cfg"
