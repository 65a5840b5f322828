# The Debian package: `cmake --build build/release --target package` writes
# kiosk_<version>-<release>_<arch>.deb (arch from dpkg, so the same lines build it on arm64).
# What it installs is an appliance: the program, the bundled slides, a commented settings file
# that upgrades never overwrite, the systemd units that boot into the kiosk, and its system user.
set(KIOSK_PACKAGE_RELEASE "1" CACHE STRING "Debian revision of the kiosk package (bump it to test an upgrade)")
set(KIOSK_PACKAGE_MAINTAINER "Clinic kiosk maintainers <kiosk@clinic.invalid>" CACHE STRING
    "Maintainer field of the kiosk package")

# /etc and the units' folders are fixed by Debian, not by the install prefix; a plain
# `cmake --install` to another prefix still puts the program and slides under that prefix.
install(FILES ${PROJECT_SOURCE_DIR}/deploy/kiosk.toml DESTINATION /etc/kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/slides/ DESTINATION share/kiosk/slides)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/kiosk.service ${PROJECT_SOURCE_DIR}/deploy/systemd/kiosk-kmsdrm.service
              ${PROJECT_SOURCE_DIR}/deploy/systemd/kiosk-web.service
        DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/kiosk.sysusers DESTINATION lib/sysusers.d RENAME kiosk.conf)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/kiosk)
# Debian policy: the copyright file, and the changelog gzipped with no timestamp (gzip -9n), whose
# top entry carries this package's version.
install(FILES ${PROJECT_SOURCE_DIR}/deploy/debian/copyright DESTINATION share/doc/kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/debian/lintian-overrides DESTINATION share/lintian/overrides RENAME kiosk)
set(KIOSK_DEB_VERSION "${PROJECT_VERSION}-${KIOSK_PACKAGE_RELEASE}")
configure_file(${PROJECT_SOURCE_DIR}/deploy/debian/changelog.in ${PROJECT_BINARY_DIR}/debian/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
                   COMMAND gzip -9nf -k ${PROJECT_BINARY_DIR}/debian/changelog.Debian
                   DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian)
add_custom_target(kiosk_deb_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz)
install(FILES ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz DESTINATION share/doc/kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Waiting-room slide kiosk for a physical-medicine clinic")
set(CPACK_PACKAGE_DESCRIPTION
    "Loops illustrated slides on a touchscreen and prints callback slips on a\nreceipt printer. Boots into the kiosk under the cage compositor on tty1.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${KIOSK_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${KIOSK_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Libraries come from dpkg-shlibdeps; these are what the kiosk runs or reads without linking it:
# the compositor (and its Xwayland, where SDL's x11 driver runs), the logind session PAM module
# that gives cage the screen without root, and DejaVu, the font every theme falls back to.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, xwayland, libpam-systemd, fonts-dejavu-core, procps")
# The theme's default family; without it the kiosk uses DejaVu Sans and says so.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/deploy/debian/conffiles
    ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
    ${PROJECT_SOURCE_DIR}/deploy/debian/prerm
    ${PROJECT_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
