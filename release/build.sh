#!/usr/bin/env bash
# Builds the self-contained release: a folder and a zip per platform, started without the .NET SDK or runtime.
#   bash release/build.sh               # win-x64 and linux-x64
#   bash release/build.sh linux-x64     # one platform
# Output: artifacts/release/PhoChau-<version>-<rid>/ and artifacts/release/PhoChau-<version>-<rid>.zip
# The portal and the .NET runtime are compiled into one composite image (a start in under 2 s; about 5 minutes a
# platform). PhoChauQuickRelease=true in the environment compiles them separately in about 1 minute (CI's smoke test).
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -eq 0 ] && rids=(win-x64 linux-x64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
out=artifacts/release
mkdir -p "$out"
for rid in "${rids[@]}"; do
  name="PhoChau-$version-$rid"
  dir="$out/$name"
  rm -rf "$dir" "$dir.zip"
  echo "== $name"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish PhoChau.Portal -c Release -r "$rid" --self-contained true \
    -p:DebugType=None -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false -o "$dir" -v quiet -nologo
  cp README.md "$dir/README.md"
  case "$rid" in
    win-*) cp release/install-service.cmd "$dir/" ;;
    *) cp release/phochau.service "$dir/"; chmod +x "$dir/PhoChau.Portal" ;;
  esac
  mkdir -p "$dir/province" && cp release/province/* "$dir/province/" # load balancer examples for several nodes
  (cd "$out" && python3 -c "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', '.', sys.argv[1])" "$name")
  echo "   $dir.zip ($(du -h "$dir.zip" | cut -f1))"
done
