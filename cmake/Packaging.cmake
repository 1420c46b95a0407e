# The Debian package (CPack DEB): `scripts/package-deb.sh` builds it, `scripts/test-deb.sh` tests it.
#
# Its files are the install rules of the `deb` component below, installed under /usr, plus the
# systemd units (/lib/systemd/system) and the configuration (/etc/pve-backup-report/env):
#   /usr/bin/pve-backup-report
#   /usr/share/pve-backup-report/scenarios/demo/...
#   /usr/share/man/man1/pve-backup-report.1.gz
#   /lib/systemd/system/pve-backup-report.{service,timer}
#   /etc/pve-backup-report/env                       conffile, 0600 root
# The rules of other components (e.g. pve-api-emulator, a test tool) stay out of the package.
# Runtime dependencies: dpkg-shlibdeps on the binary, plus the fonts the PDF embeds, tzdata and
# ca-certificates.

set(PVR_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)

# The man page, written in roff by hand: the version stamped in, gzipped as Debian wants it.
file(READ ${PVR_PACKAGING_DIR}/pve-backup-report.1 _pvr_man)
string(REGEX REPLACE "\"pve-backup-report [0-9][0-9.]*\"" "\"pve-backup-report ${PROJECT_VERSION}\"" _pvr_man
                     "${_pvr_man}")
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/packaging/pve-backup-report.1 CONTENT "${_pvr_man}" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PVR_PACKAGING_DIR}/pve-backup-report.1)
find_program(PVR_GZIP gzip REQUIRED)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/packaging/pve-backup-report.1.gz
  COMMAND ${PVR_GZIP} -9 -n -f -k ${CMAKE_BINARY_DIR}/packaging/pve-backup-report.1
  DEPENDS ${CMAKE_BINARY_DIR}/packaging/pve-backup-report.1
  COMMENT "Compressing the man page")
add_custom_target(pvr_manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/pve-backup-report.1.gz)

install(TARGETS pve-backup-report RUNTIME DESTINATION bin COMPONENT deb)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/demo DESTINATION share/pve-backup-report/scenarios COMPONENT deb)
install(FILES ${CMAKE_BINARY_DIR}/packaging/pve-backup-report.1.gz DESTINATION share/man/man1 COMPONENT deb)
install(FILES ${PVR_PACKAGING_DIR}/pve-backup-report.service ${PVR_PACKAGING_DIR}/pve-backup-report.timer
        DESTINATION /lib/systemd/system COMPONENT deb)
install(FILES ${PVR_PACKAGING_DIR}/env DESTINATION /etc/pve-backup-report PERMISSIONS OWNER_READ OWNER_WRITE
        COMPONENT deb)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pve-backup-report)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "backup coverage report for Proxmox VE clusters")
set(CPACK_PACKAGE_DESCRIPTION
    "Reads a Proxmox VE cluster's API with a read-only token, works out which\n\
virtual machines and containers are covered by backup jobs (with the rules\n\
Proxmox VE uses) and writes a dated PDF report. A systemd timer runs it daily;\n\
the configuration is in /etc/pve-backup-report/env.")
set(CPACK_PACKAGE_CONTACT "pve-backup-report maintainers <root@localhost>" CACHE STRING "Debian Maintainer field")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};deb;/")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGE_FILE_NAME ${CPACK_PACKAGE_NAME}) # replaced by DEB-DEFAULT below

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # pve-backup-report_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Fonts: keep in step with scripts/install-deps.sh and src/render/pdf_fonts.hpp.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-wqy-microhei, fonts-symbola, tzdata, ca-certificates")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "poppler-utils")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PVR_PACKAGING_DIR}/debian/conffiles ${PVR_PACKAGING_DIR}/debian/postinst ${PVR_PACKAGING_DIR}/debian/prerm
    ${PVR_PACKAGING_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

include(CPack)
