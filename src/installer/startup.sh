#!/bin/sh
# Start-up of a built app image: launch to first window, N runs, in milliseconds.
#   src/installer/startup.sh [target/installer/KernelLab/bin/KernelLab] [runs]
# Needs a display (DISPLAY, or run it under xvfb-run -a). The app prints when its window is shown
# (-Dkernellab.timing=exit, passed through JAVA_TOOL_OPTIONS, which any Java launcher honours) and quits.
launcher=${1:-target/installer/KernelLab/bin/KernelLab}
runs=${2:-5}
i=1
while [ "$i" -le "$runs" ]; do
    start=$(date +%s%3N)
    shown=$(JAVA_TOOL_OPTIONS="-Dkernellab.timing=exit" "$launcher" 2>&1 | sed -n 's/.*first window shown .* at \([0-9]*\) ms since the epoch.*/\1/p')
    if [ -z "$shown" ]; then echo "run $i: no window (is there a display?)"; exit 1; fi
    echo "run $i: first window $((shown - start)) ms after launch"
    i=$((i + 1))
done
