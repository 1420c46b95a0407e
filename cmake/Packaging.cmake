# What the Debian package ships: the install rules of the `deb` component below. debian/rules
# (debhelper, `scripts/package-deb.sh`) installs only this component, under /usr, plus the
# systemd units (/lib/systemd/system) and the configuration (/etc/pve-backup-report/env):
#   /usr/bin/pve-backup-report
#   /usr/share/pve-backup-report/scenarios/demo/...
#   /usr/share/man/man1/pve-backup-report.1.gz
#   /lib/systemd/system/pve-backup-report.{service,timer}
#   /etc/pve-backup-report/env                       conffile, 0600 root (debian/rules)
# The rules of other components (e.g. pve-api-emulator, a test tool) stay out of the package.
# Package metadata, dependencies and maintainer scripts: debian/. `scripts/test-deb.sh` tests it.

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
