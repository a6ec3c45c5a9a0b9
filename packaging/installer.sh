#!/usr/bin/env bash
# Builds this OS's installer into target/installer (Linux: .deb, and .rpm when rpmbuild exists; macOS: .dmg;
# Windows: .msi, needs WiX 3 on the PATH). Run by `mvn -Pinstaller package` after the jar. Why: decision 0018.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: packaging/installer.sh VERSION}
out=target/installer
rm -rf "$out" && mkdir -p "$out/input" "$out/resources"

case "$(uname -s)" in
  Linux) os=linux; types=deb; command -v rpmbuild >/dev/null && types="deb rpm" || echo "no rpmbuild: no .rpm" ;;
  Darwin) os=mac; types=dmg ;;
  *) os=win; types=msi ;;
esac
# LECTERN_INSTALLER_TYPES=none stops after the app image (the bench profile's start-installed needs only that).
types=${LECTERN_INSTALLER_TYPES:-$types}
[ "$types" = none ] && types=

# The app's jars only: JavaFX is linked into the runtime as modules, so its jars would be a second copy.
cp target/lectern.jar "$out/input/"
find target/lib -name '*.jar' ! -name 'javafx-*' -exec cp {} "$out/input/" \;

# The icon is drawn from the SVG at build time (no binary in git), at each size it is wanted: jpackage takes a PNG
# on Linux, an ICNS on macOS, an ICO on Windows. rsvg-convert, else ImageMagick.
draw() { # draw SIZE DEST
  if command -v rsvg-convert >/dev/null; then rsvg-convert -w "$1" -h "$1" assets/lectern-icon.svg -o "$2"
  elif command -v magick >/dev/null; then magick -background none -density 384 assets/lectern-icon.svg -resize "$1x$1" "$2"
  elif command -v convert >/dev/null; then convert -background none -density 384 assets/lectern-icon.svg -resize "$1x$1" "$2"
  else echo "no SVG converter: install librsvg2-bin (rsvg-convert) or ImageMagick" >&2; exit 2; fi
}
case $os in
  linux) icon=$out/lectern.png; draw 256 "$icon" ;;
  mac) # an icon set of the sizes Finder and the Dock ask for, packed by iconutil (part of macOS)
    set_dir=$out/lectern.iconset; mkdir -p "$set_dir"
    for size in 16 32 128 256 512; do
      draw $size "$set_dir/icon_${size}x${size}.png"; draw $((size * 2)) "$set_dir/icon_${size}x${size}@2x.png"
    done
    icon=$out/lectern.icns; iconutil -c icns "$set_dir" -o "$icon" ;;
  win) icon=$out/lectern.ico; draw 256 "$out/lectern.png" # the ICO needs ImageMagick (the workflow installs it)
    if command -v magick >/dev/null; then magick "$out/lectern.png" -define icon:auto-resize=256,128,64,48,32,16 "$icon"
    else convert "$out/lectern.png" -define icon:auto-resize=256,128,64,48,32,16 "$icon"; fi ;;
esac

# The window's JVM options (packaging/jvm.options, comments dropped) go into the runtime image, where the
# ThreadPriorityPolicy one raises no warning (decision 0011); the priority numbers are Linux nice levels.
priority_filter='^$'
[ $os = linux ] || priority_filter='^-XX:JavaPriority'
jvm_options=$(grep -v '^#' packaging/jvm.options | grep . | grep -v "$priority_filter" | tr '\n' ' ' | sed 's/ $//')
# What jdeps reports for the app and its jars, plus jdk.crypto.ec (TLS to image servers; jdeps cannot see it),
# plus javafx.media (the Video tab). jdk.localedata and the rest of the JDK are left out.
modules=java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.crypto.ec,jdk.unsupported,javafx.controls,javafx.fxml,javafx.media
fxlib=$(find target/lib -name "javafx-*-$os*.jar" | tr '\n' "$( [ $os = win ] && echo ';' || echo ':' )")

# 1. An app image (one launcher: Lectern opens the window with no arguments and runs the command line with them;
# on Windows a second one, lectern-cli.exe, runs in a console so that the command line's output shows; not
# lectern.exe, which Windows would take for Lectern.exe).
launchers=()
[ $os = win ] && launchers=(--add-launcher lectern-cli=packaging/windows/lectern-cli.properties)
jpackage --type app-image --name Lectern --app-version "$version" --dest "$out/image" ${launchers[@]+"${launchers[@]}"} \
  --input "$out/input" --main-jar lectern.jar --main-class dev.lectern.Lectern --icon "$icon" \
  --module-path "$fxlib" --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive --add-options=\"$jvm_options\""
case $os in linux) app=$out/image/Lectern; cfg=$app/lib/app/Lectern.cfg ;;
  mac) app=$out/image/Lectern.app; cfg=$app/Contents/app/Lectern.cfg ;;
  win) app=$out/image/Lectern; cfg=$app/app/Lectern.cfg ;; esac

# The JDK's CDS archive for heaps over 32 GB (no compressed oops): 10 MB no author's laptop uses.
find "$app" -name classes_nocoops.jsa -delete

# 2. AppCDS for the app's own classes (jlink's archive covers the JDK's only): the launcher reads
# lib/app/lectern.jsa when it is there, silently otherwise; on Linux postinst makes it (packaging/linux/appcds.sh).
awk '{ print } /^\[JavaOptions\]$/ { print "java-options=-XX:SharedArchiveFile=$APPDIR/lectern.jsa"
  print "java-options=-Xlog:cds=off"; print "java-options=-Xlog:cds+dynamic=off" }' "$cfg" > "$cfg.new" && mv "$cfg.new" "$cfg"
[ $os = linux ] && cp packaging/linux/appcds.sh "$app/lib/appcds.sh"
# ...from the classes a training run of the window loads (lib/app/lectern.classlist), written here because an
# install has no display to open the window on; without Xvfb, postinst trains on a command-line run alone.
if [ $os = linux ]; then
  bash packaging/linux/classlist.sh "$app" || echo "no class list: the installed window will start without its classes archived" >&2
fi

# 3. The installers from that image.
for type in $types; do
  extra=()
  if [ $os = linux ]; then
    # Package-manager scripts from packaging/linux (jpackage's templates plus the /usr/bin/lectern link).
    cp packaging/linux/postinst packaging/linux/prerm "$out/resources/"
    extra=(--linux-package-name lectern --linux-shortcut --linux-menu-group "Education;Graphics"
      --linux-app-category graphics --resource-dir "$out/resources" --icon "$icon")
  fi
  [ $os = win ] && extra=(--win-menu --win-shortcut --win-dir-chooser)
  jpackage --type "$type" --name Lectern --app-version "$version" --dest "$out" --app-image "$app" \
    --file-associations packaging/lectern-file.properties --description "Lecture image editor" \
    --vendor Lectern --license-file LICENSE ${extra[@]+"${extra[@]}"}
done
if [ -n "$types" ]; then ls -l "$out"/*.* | grep -v '\.\(png\|ico\|icns\)$'; else du -sh "$app"; fi
