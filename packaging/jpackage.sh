#!/usr/bin/env bash
# Builds a self-contained Lectern app image (a runtime included) into target/dist with the JDK's jpackage.
# Usage: packaging/jpackage.sh   (after `mvn -DskipTests package`)
# JavaFX jars go on the module path and the modules are listed by hand (STACK.md pitfall 5).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/lectern.jar ] || { echo "run 'mvn -DskipTests package' first" >&2; exit 2; }
rm -rf target/dist target/jpackage-input
mkdir -p target/jpackage-input
cp target/lectern.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib
# The window's JVM options (packaging/jvm.options, comments dropped) are built into the runtime image: options
# from there raise no "may require system level permission" warning for ThreadPriorityPolicy (decision 0011).
# Priority numbers differ between systems (19 is a Linux nice level): elsewhere the priority mapping is left out.
priority_filter='^$'
[ "$(uname -s)" = Linux ] || priority_filter='^-XX:JavaPriority'
jvm_options=$(grep -v '^#' packaging/jvm.options | grep . | grep -v "$priority_filter" | tr '\n' ' ' | sed 's/ $//')
modules=java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.crypto.ec,jdk.unsupported,javafx.controls,javafx.fxml
jpackage --type app-image --name Lectern --dest target/dist \
  --input target/jpackage-input --main-jar lectern.jar --main-class dev.lectern.Lectern \
  --module-path target/lib --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive --add-options=\"$jvm_options\""
echo "built target/dist/Lectern"
