#!/bin/sh
# Makes the AppCDS archive of Lectern's classes where the app is installed (postinst runs it; so does
# InstalledDebIT). Why here and not at build time: JDK 17 checks an archive against the jars' absolute paths, so
# one made in target/ is refused in /opt/lectern (decision 0018). A failure only costs start-up time.
set -e
home=$(cd "$(dirname "$0")/.." && pwd)   # /opt/lectern
app=$home/lib/app
tmp=$(mktemp -d)
# The JVM will not read and write an archive at once: the dump goes through a copy of the launcher whose config
# (found by the launcher's name) lacks the archive option.
cp "$home/bin/Lectern" "$home/bin/lectern-appcds"
grep -v SharedArchiveFile "$app/Lectern.cfg" > "$app/lectern-appcds.cfg"
rm -f "$app/lectern.jsa"
if [ -f "$app/lectern.classlist" ]; then
  # The list the build's training run of the window wrote (packaging/linux/classlist.sh): a static archive of the
  # JDK's, JavaFX's and the app's classes the window loads, so its first frame comes sooner, not only the CLI's.
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/lectern.classlist -XX:SharedArchiveFile=$app/lectern.jsa" \
    "$home/bin/lectern-appcds" >/dev/null 2>&1 || echo "lectern: no AppCDS archive made; the app starts, only slower" >&2
else
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/lectern.jsa" LECTERN_CONFIG_DIR="$tmp" LECTERN_CACHE_DIR="$tmp" \
    "$home/bin/lectern-appcds" new "$tmp/training.lectern" --sample >/dev/null 2>&1 \
    || echo "lectern: no AppCDS archive made; the app starts, only slower" >&2
fi
rm -rf "$tmp" "$home/bin/lectern-appcds" "$app/lectern-appcds.cfg"
