#!/usr/bin/env bash
# Draws the tab bar's icons (81x81 PNG: WeChat's tab bar takes no SVG) with ImageMagick; the PNGs
# are committed, this is how to change them. Run from this folder.
set -euo pipefail
draw() { # name colour draw-commands...
    local name=$1 colour=$2; shift 2
    convert -size 81x81 xc:none -fill none -stroke "$colour" -strokewidth 6 "$@" "PNG32:$name.png"
}
for variant in "off #6b7280" "on #1f6feb"; do
    set -- $variant; suffix=$1; c=$2
    draw "customers-$suffix" "$c" -draw "circle 40,26 40,13" -draw "path 'M 14,72 C 14,44 66,44 66,72'"
    draw "pipeline-$suffix" "$c" -draw "path 'M 10,14 L 70,14 L 48,42 L 48,68 L 32,60 L 32,42 Z'"
    draw "tasks-$suffix" "$c" -draw "roundrectangle 12,12 68,68 10,10" -draw "polyline 24,40 36,52 58,28"
    draw "analytics-$suffix" "$c" -draw "line 16,70 16,44" -draw "line 32,70 32,22" -draw "line 48,70 48,36" -draw "line 64,70 64,12"
    draw "me-$suffix" "$c" -draw "circle 40,40 40,10" -draw "circle 40,33 40,24" -draw "path 'M 22,62 C 26,48 54,48 58,62'"
done
