#!/usr/bin/env bash
# The .deb on this machine, for real: build it (Release, its own build folder), install it with
# dpkg -i (+ apt-get -f install), check files, conffile, user and units, then upgrade it with an
# edited kiosk.toml and edited slides, remove it, reinstall it, and purge it. Needs root.
# Safe to re-run: the package is purged on the way out, whatever happened.
#   tests/deploy/package_test.sh [BUILD_DIR]      (default build/package-test)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$here/build/package-test}"
export DEBIAN_FRONTEND=noninteractive

failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
check() {  # check "what it means" command...
    local what="$1"; shift
    if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
step() { echo "==> $*"; }

if [[ $(id -u) -ne 0 ]]; then
    echo "package_test: needs root (it installs and purges the kiosk package): sudo $0" >&2
    exit 2
fi
if dpkg-query -W -f='${Status}' kiosk 2>/dev/null | grep -q "ok installed\|config-files"; then
    echo "package_test: a kiosk package is already on this machine; this test installs and PURGES it." >&2
    echo "  If that is fine (not a clinic's box): apt-get purge -y kiosk, then run the test again." >&2
    exit 2
fi

cleanup() {
    if dpkg-query -W kiosk >/dev/null 2>&1; then
        apt-get purge -y -qq kiosk >/dev/null 2>&1 || dpkg --purge kiosk >/dev/null 2>&1 || true
    fi
    rm -rf "$debs"
}
debs="$(mktemp -d /tmp/kiosk-debs.XXXXXX)"
trap cleanup EXIT

step "building the package (Release, $build)"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
build_deb() {  # build_deb RELEASE -> copies kiosk_*-RELEASE_*.deb into $debs
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_TESTS=OFF -DKIOSK_BENCH=OFF \
        -DKIOSK_PACKAGE_RELEASE="$1" "${launcher[@]}" >/dev/null
    cmake --build "$build" -j"$(nproc)" --target package >/dev/null
    cp "$build"/kiosk_*-"$1"_*.deb "$debs"/
}
build_deb 1
build_deb 2  # the same program one Debian revision later: an upgrade, with only cpack re-run
arch="$(dpkg --print-architecture)"
version="$(sed -n 's/^project(clinic_kiosk VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")"
deb1="$debs/kiosk_${version}-1_${arch}.deb"
deb2="$debs/kiosk_${version}-2_${arch}.deb"
check "CPack named it kiosk_<version>-<release>_<arch>.deb ($(basename "$deb1"))" test -f "$deb1"
check "kiosk_${version}-2 built for the upgrade" test -f "$deb2"
check "Depends has cage" sh -c "dpkg-deb -f '$deb1' Depends | grep -qw cage"
check "Depends has libsdl2 (from dpkg-shlibdeps)" sh -c "dpkg-deb -f '$deb1' Depends | grep -q libsdl2-2.0-0"
check "lintian: no error or warning (copyright, changelog, scripts; overrides say why)" \
    lintian --fail-on error,warning "$deb1"

install_deb() {  # dpkg -i, then whatever dependencies are missing from apt, as an admin would
    dpkg -i "$1" </dev/null >/dev/null 2>&1 || apt-get -f install -y -qq </dev/null >/dev/null
    dpkg-query -W -f='${Status} ${Version}' kiosk
}

step "dpkg -i $(basename "$deb1")"
status="$(install_deb "$deb1")"
check "installed: $status" test "$status" = "install ok installed ${version}-1"
for f in /usr/bin/kiosk /etc/kiosk/kiosk.toml /usr/lib/systemd/system/kiosk.service \
         /usr/lib/systemd/system/kiosk-kmsdrm.service /usr/lib/systemd/system/kiosk-web.service \
         /usr/lib/sysusers.d/kiosk.conf \
         /usr/share/kiosk/slides/art; do
    check "file $f" test -e "$f"
done
check "/usr/bin/kiosk runs (--help)" /usr/bin/kiosk --help
check "the bundled deck in /usr/share/kiosk/slides equals the source's slides/" \
    diff -r "$here/slides" /usr/share/kiosk/slides
check "/etc/kiosk/kiosk.toml is a conffile" \
    sh -c "dpkg-query -W -f='\${Conffiles}' kiosk | grep -q '^ /etc/kiosk/kiosk.toml '"
check "user kiosk exists, home /var/lib/kiosk" sh -c "getent passwd kiosk | cut -d: -f6 | grep -qx /var/lib/kiosk"
check "user kiosk has no login shell" sh -c "getent passwd kiosk | cut -d: -f7 | grep -q nologin"
check "user kiosk is a system user (uid < 1000)" sh -c "test \$(id -u kiosk) -lt 1000"
for g in video render input audio lp; do
    check "user kiosk is in group $g" sh -c "id -nG kiosk | tr ' ' '\n' | grep -qx $g"
done
check "/var/lib/kiosk belongs to kiosk" sh -c "test \$(stat -c %U /var/lib/kiosk) = kiosk"
check "/var/lib/kiosk/slides seeded from the bundled deck" diff -r /usr/share/kiosk/slides /var/lib/kiosk/slides
check "the seeded slides belong to kiosk" sh -c "test \$(stat -c %U /var/lib/kiosk/slides/010-back-pain.md) = kiosk"
check "kiosk.service enabled for boot (graphical.target.wants)" \
    test -L /etc/systemd/system/graphical.target.wants/kiosk.service
check "kiosk-kmsdrm.service not enabled" test ! -e /etc/systemd/system/graphical.target.wants/kiosk-kmsdrm.service
check "kiosk-web.service not enabled (it waits for a password)" \
    test ! -e /etc/systemd/system/multi-user.target.wants/kiosk-web.service
check "kiosk check (as user kiosk) accepts the installed slides and settings" \
    runuser -u kiosk -- /usr/bin/kiosk check /var/lib/kiosk/slides --config /etc/kiosk/kiosk.toml
# systemd-analyze verify works without systemd as PID 1; it checks syntax, ExecStart binaries and
# the units named in dependencies. Any line it prints about our units is a finding.
verify="$(systemd-analyze verify /usr/lib/systemd/system/kiosk.service /usr/lib/systemd/system/kiosk-kmsdrm.service \
    /usr/lib/systemd/system/kiosk-web.service 2>&1)" \
    && verify_rc=0 || verify_rc=$?
if [[ $verify_rc -eq 0 ]] && ! grep -q "kiosk" <<<"$verify"; then
    pass "systemd-analyze verify kiosk.service kiosk-kmsdrm.service kiosk-web.service: clean"
else
    fail "systemd-analyze verify (exit $verify_rc): $verify"
fi
echo "  systemd-analyze security (exposure; lower is better, figures not pass/fail):"
for u in kiosk.service kiosk-kmsdrm.service kiosk-web.service; do
    echo "    $u: $(systemd-analyze security --offline=yes "/usr/lib/systemd/system/$u" 2>/dev/null | tail -1)"
done

step "the unit's ExecStart as user kiosk, on cage's headless backend (no screen, no systemd here)"
# What kiosk.service runs at boot, with the installed files and permissions: it must load the
# seeded slides, use the settings and write its state folder without a warning.
exec_start="$(sed -n 's/^ExecStart=//p' /usr/lib/systemd/system/kiosk.service)"
runtime="$(mktemp -d /tmp/kiosk-runtime.XXXXXX)"
chown kiosk:kiosk "$runtime" && chmod 0700 "$runtime"
smoke_log="$debs/smoke.log"
# shellcheck disable=SC2086  # ExecStart is split into words as systemd does (no quotes in it)
setpriv --reuid=kiosk --regid=kiosk --init-groups env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$runtime" \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 $exec_start >"$smoke_log" 2>&1 &
smoke_pid=$!
seeded="$(ls /usr/share/kiosk/slides/*.md | grep -Evc '\.[a-z]{2,3}\.md$')"
# The whole seeded deck is loaded: at once ("7 slides from ..."), or the first slide first and the
# rest once their pictures are decoded, after the first frame ("the other pictures decoded: 7 slides").
whole_deck_loaded() {
    grep -q "^kiosk: $seeded slides from /var/lib/kiosk/slides" "$smoke_log" ||
        { grep -q "slides from /var/lib/kiosk/slides (more once their pictures are decoded)" "$smoke_log" &&
            grep -q "the other pictures decoded: $seeded slides" "$smoke_log"; }
}
for _ in $(seq 1 120); do
    whole_deck_loaded && break
    kill -0 "$smoke_pid" 2>/dev/null || break
    sleep 0.5
done
sleep 1
check "the kiosk started under cage as user kiosk and loaded the $seeded seeded slides" whole_deck_loaded
check "it is still running" kill -0 "$smoke_pid"
check "it read /etc/kiosk/kiosk.toml (and warns that the phone is still the placeholder)" \
    grep -q "^/etc/kiosk/kiosk.toml: warning: the clinic's phone number is the fictional placeholder" "$smoke_log"
check "no other warning or error from the kiosk (state folder writable, fonts found)" \
    sh -c "grep -v 'fictional placeholder' '$smoke_log' | grep -v '^[0-9:.]* \[' | grep -Eiq 'warning|error|cannot|denied' && exit 1 || exit 0"
kill "$smoke_pid" 2>/dev/null || true
wait "$smoke_pid" 2>/dev/null || true
for _ in $(seq 1 20); do pgrep -u kiosk >/dev/null || break; sleep 0.5; done
check "nothing left running as kiosk after cage stopped" sh -c "! pgrep -u kiosk"
rm -rf "$runtime"
[[ $failures -eq 0 ]] || { echo "--- its log:"; cat "$smoke_log"; }

step "staff edit the settings and the slides"
sed -i 's/^phone *=.*/phone = "+1 555 010 0177"   # edited by the package test/' /etc/kiosk/kiosk.toml
echo "Edited by staff." >>/var/lib/kiosk/slides/020-massage.md
rm /var/lib/kiosk/slides/070-call-us.md
printf '+++\nlayout = "text-only"\n+++\n# Staff slide\n' >/var/lib/kiosk/slides/099-staff.md
edited_toml="$(md5sum </etc/kiosk/kiosk.toml)"
edited_slides="$(cd /var/lib/kiosk/slides && find . -type f -exec md5sum {} + | sort)"
kept() {  # kept "when": settings and slides exactly as staff left them
    check "$1: kiosk.toml keeps the edited phone" test "$(md5sum </etc/kiosk/kiosk.toml)" = "$edited_toml"
    check "$1: slides as staff left them (edited kept, deleted not restored, added kept)" \
        test "$(cd /var/lib/kiosk/slides && find . -type f -exec md5sum {} + | sort)" = "$edited_slides"
}

step "upgrade: dpkg -i $(basename "$deb2")"
status="$(install_deb "$deb2")"
check "upgraded: $status" test "$status" = "install ok installed ${version}-2"
kept "after the upgrade"
check "kiosk.service still enabled" test -L /etc/systemd/system/graphical.target.wants/kiosk.service

step "the same version again: dpkg -i $(basename "$deb2")"
status="$(install_deb "$deb2")"
check "reinstalled: $status" test "$status" = "install ok installed ${version}-2"
kept "after reinstalling"

step "apt-get remove kiosk"
apt-get remove -y -qq kiosk </dev/null >/dev/null
check "removed, settings left: $(dpkg-query -W -f='${Status}' kiosk)" \
    test "$(dpkg-query -W -f='${Status}' kiosk)" = "deinstall ok config-files"
check "/usr/bin/kiosk gone" test ! -e /usr/bin/kiosk
kept "after remove"

step "install again after remove"
status="$(install_deb "$deb2")"
check "installed again: $status" test "$status" = "install ok installed ${version}-2"
kept "after install over a removed package"
check "kiosk.service enabled again" test -L /etc/systemd/system/graphical.target.wants/kiosk.service

step "apt-get purge kiosk"
apt-get purge -y -qq kiosk </dev/null >/dev/null
check "purged: nothing left in dpkg" sh -c "! dpkg-query -W -f='\${Status}' kiosk 2>/dev/null | grep -q ."
check "/etc/kiosk removed" test ! -e /etc/kiosk
check "/var/lib/kiosk removed" test ! -e /var/lib/kiosk
check "no enable link left" test ! -e /etc/systemd/system/graphical.target.wants/kiosk.service

if ((failures)); then
    echo "package_test: $failures check(s) FAILED"
    exit 1
fi
echo "package_test: all checks passed"
