#!/bin/sh
# Makes the AppCDS archive that starts KernelLab about half a second sooner, for an app image where it now lies:
# CDS checks the jars' absolute paths, so it is made in place (the .deb's postinst runs it; after moving the
# portable folder, run it again). It uses the class list recorded at build time by one start of the app.
#   sh KernelLab/lib/app/appcds.sh            (or: appcds.sh /opt/kernellab/lib/app)
set -e
app=$(cd "${1:-$(dirname "$0")}" && pwd)
[ -f "$app/kernellab.classlist" ] || { echo "no class list in $app: nothing to do"; exit 0; }
cp=$(sed -n 's/^app.classpath=//p' "$app/KernelLab.cfg" | sed "s|\\\$APPDIR|$app|" | paste -sd: -)
rm -f "$app/kernellab.jsa"
"$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/kernellab.classlist" \
    -XX:SharedArchiveFile="$app/kernellab.jsa" -cp "$cp" > /dev/null 2>&1 || echo "AppCDS archive not made: KernelLab starts without it"
