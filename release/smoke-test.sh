#!/usr/bin/env bash
# Starts the linux-x64 release the way a service manager does (from /, no dotnet on PATH, no DOTNET_ variables,
# ASPNETCORE_URLS on a free loopback port) and checks /healthz, the sign-in page and its CSS and font.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
zip="artifacts/release/PhoChau-$version-linux-x64.zip"
[ -f "$zip" ] || { echo "smoke: $zip missing (bash release/build.sh linux-x64)"; exit 1; }
tmp=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$zip" "$tmp"
mv "$tmp/PhoChau-$version-linux-x64" "$tmp/app"
chmod +x "$tmp/app/PhoChau.Portal"  # zipfile does not restore modes
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
url="http://127.0.0.1:$port"
(cd / && exec env -i PATH=/nonexistent HOME="$tmp" ASPNETCORE_URLS="$url" Data__Root="$tmp/data" \
   Seed__AdminPassword=SmokeTest2026 Seed__Demo=true Seed__DemoPassword=SmokeDemo2026 Backup__Daily=false "$tmp/app/PhoChau.Portal") >"$tmp/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -fs "$url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "smoke: the portal exited"; cat "$tmp/out.log"; exit 1; fi
  sleep 0.5
done
curl -fs "$url/healthz" >/dev/null || { echo "smoke: /healthz never answered 200"; cat "$tmp/out.log"; exit 1; }
page=$(curl -fs "$url/account/login")
grep -q 'id="userName"' <<<"$page" || { echo "smoke: no sign-in form"; exit 1; }
fail=0
for css in $(grep -o '<link rel="stylesheet" href="[^"]*"' <<<"$page" | sed 's/.*href="\([^"]*\)"/\1/'); do
  type=$(curl -fs -o /dev/null -w '%{content_type}' "$url/$css") || { echo "smoke: $css not served"; fail=1; continue; }
  [[ "$type" == text/css* ]] || { echo "smoke: $css is $type"; fail=1; }
done
curl -fs -o /dev/null "$url/fonts/roboto/roboto-vietnamese-400-normal.woff2" || { echo "smoke: Vietnamese font not served"; fail=1; }
# The citizens' lookup opens without signing in; a staff page still asks for it.
lookup=$(curl -fs "$url/tra-cuu") || { echo "smoke: /tra-cuu not served"; fail=1; }
grep -q 'data-testid="lookup-form"' <<<"$lookup" || { echo "smoke: /tra-cuu has no lookup form"; fail=1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/petitions")" = 302 ] || { echo "smoke: /petitions open without signing in"; fail=1; }
# The public check of a document's code: an unknown code gets its plain page, not an error.
check=$(curl -fs "$url/xac-minh/ZZZZZZZZZZ") || { echo "smoke: /xac-minh not served"; fail=1; }
grep -q 'data-testid="verify-unknown"' <<<"$check" || { echo "smoke: /xac-minh does not say the code is unknown"; fail=1; }
# A PDF written by the release itself, signed in as the secretary: its font comes from pdf-fonts/ beside the program.
jar="$tmp/cookies"
token=$(curl -fs -c "$jar" "$url/account/login" | tr '<' '\n' | grep '__RequestVerificationToken' | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "userName=thuky" \
  --data-urlencode "password=SmokeDemo2026" --data-urlencode "returnUrl=/" "$url/account/signin" || { echo "smoke: signing in failed"; fail=1; }
if curl -fs -b "$jar" -o "$tmp/notice.pdf" "$url/documents/1/Notice.pdf" && [ "$(head -c 5 "$tmp/notice.pdf")" = "%PDF-" ]; then
  if command -v pdftotext >/dev/null; then
    # Read whole before grep: with pipefail, grep -q leaving early would fail the reader's pipe (SIGPIPE).
    text=$(pdftotext -enc UTF-8 "$tmp/notice.pdf" -)
    grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" <<<"$text" || { echo "smoke: the notice PDF has no national title"; fail=1; }
    embedded=$(pdffonts "$tmp/notice.pdf" | tail -n +3 | awk '{print $(NF-4)}')
    [ -n "$embedded" ] && ! grep -qv '^yes$' <<<"$embedded" || { echo "smoke: a font of the notice PDF is not embedded"; fail=1; }
  fi
else
  echo "smoke: /documents/1/Notice.pdf not served as a PDF"; fail=1
fi
[ -f "$tmp/data/phochau.db" ] || { echo "smoke: no database in Data__Root"; fail=1; }
[ ! -e "$tmp/app/App_Data" ] || { echo "smoke: data written into the program folder"; fail=1; }
for _ in $(seq 1 20); do grep -q "CHƯA ĐẶT MẬT KHẨU SAO LƯU" "$tmp/out.log" && break; sleep 0.25; done
grep -q "CHƯA ĐẶT MẬT KHẨU SAO LƯU" "$tmp/out.log" || { echo "smoke: the start-up lines do not say the backup passphrase is missing"; fail=1; }
# The backup commands from the release folder, beside the running portal: no passphrase, no backup; then an encrypted one.
run() { (cd / && env -i PATH=/nonexistent HOME="$tmp" Data__Root="$tmp/data" "$tmp/app/PhoChau.Portal" "$@"); }
# Asked for help, the release lists its commands (and does not start a second portal).
run --help >"$tmp/cmd.log" 2>&1 || { echo "smoke: --help failed"; cat "$tmp/cmd.log"; fail=1; }
grep -q "set-backup-passphrase" "$tmp/cmd.log" || { echo "smoke: --help does not list the commands"; cat "$tmp/cmd.log"; fail=1; }
if run backup --out "$tmp/usb" >"$tmp/cmd.log" 2>&1; then echo "smoke: a backup was written without a passphrase"; fail=1; fi
grep -q "Chưa đặt mật khẩu sao lưu" "$tmp/cmd.log" || { echo "smoke: no reason given for the refused backup"; cat "$tmp/cmd.log"; fail=1; }
echo "mat-khau-sao-luu-thu" | run set-backup-passphrase >"$tmp/cmd.log" 2>&1 || { echo "smoke: set-backup-passphrase failed"; cat "$tmp/cmd.log"; fail=1; }
run backup --out "$tmp/usb" >"$tmp/cmd.log" 2>&1 || { echo "smoke: backup failed"; cat "$tmp/cmd.log"; fail=1; }
backup=$(ls "$tmp"/usb/phochau-*.zip 2>/dev/null | head -n 1)
if [ -z "$backup" ]; then echo "smoke: no backup file"; fail=1
else
  python3 - "$backup" <<'PY' || fail=1
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = sorted(z.namelist())
blob = b"".join(z.read(n) for n in names)
if names != ["DOC-TRUOC-README.txt", "payload.bin", "phochau-backup.json"] or b"SQLite format 3" in blob:
    print("smoke: the backup is not encrypted:", names); sys.exit(1)
PY
fi
[ "$fail" -eq 0 ] || { cat "$tmp/out.log"; exit 1; }
echo "smoke: release $version (linux-x64) healthy at $url without dotnet: /healthz 200, sign-in page, CSS and font served, /tra-cuu and /xac-minh public, a notice PDF with its fonts, encrypted backup from the command line"
