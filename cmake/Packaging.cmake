# Install rules and CPack packaging (docs/packaging.md).
#
# Three components, one package each: `console` (hivemind), `server`
# (hivemind-server) and `agent` (hivemind-agent). On Linux CPack makes
# .deb packages (Debian 12), on Windows an NSIS installer, on macOS a
# DragNDrop disk image; only the .deb packages can be built and tested
# here (tests/packaging, TestPackages).
#
#   cmake --build --preset ci --target hivemind hivemind-server hivemind-agent
#   cpack --config build/ci/CPackConfig.cmake -B build/packages
#
# The binaries carry their translations as Qt resources (:/i18n), so no
# .qm file is installed; Qt's own catalogues come from Debian's
# qt6-translations-l10n (a Recommends of the console).

include(GNUInstallDirs)

# cpack installs what is built and builds nothing itself: without this the
# `preinstall` step would first build every target (all the tests), which
# takes an hour on two cores. Build the three programs first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(HM_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/installer)
set(HM_PACKAGING_BUILD_DIR ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${HM_PACKAGING_BUILD_DIR})

# --- the programs, on every platform
install(TARGETS hivemind-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(TARGETS hivemind-agent RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT agent)
set(HM_PACKAGE_COMPONENTS server agent)
if(HIVEMIND_BUILD_APP)
    list(PREPEND HM_PACKAGE_COMPONENTS console)
    install(TARGETS hivemind
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT console
            BUNDLE DESTINATION . COMPONENT console)
endif()

# --- Linux: services, configuration, desktop integration, completions,
# and the Debian documents. Only here: NSIS and DragNDrop refuse absolute
# destinations such as /etc/hivemind.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    # Debian changelog and copyright, one per package (lintian wants both
    # in /usr/share/doc/PACKAGE; the changelog gzip -9n, no time stamp).
    find_program(HM_GZIP gzip REQUIRED)
    string(TIMESTAMP HM_PACKAGE_DATE "%a, %d %b %Y 00:00:00 +0000" UTC)
    function(hm_package_docs package component)
        set(HM_PACKAGE ${package})
        configure_file(${HM_PACKAGING_DIR}/debian/changelog.in
                       ${HM_PACKAGING_BUILD_DIR}/${package}/changelog @ONLY)
        execute_process(COMMAND ${HM_GZIP} -9nf ${HM_PACKAGING_BUILD_DIR}/${package}/changelog
                        COMMAND_ERROR_IS_FATAL ANY)
        install(FILES ${HM_PACKAGING_BUILD_DIR}/${package}/changelog.gz
                      ${HM_PACKAGING_DIR}/debian/copyright
                DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
    endfunction()
    # bash and zsh completions of one program (installer/completions)
    function(hm_completions program component)
        install(FILES ${HM_PACKAGING_DIR}/completions/${program}.bash
                DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
                RENAME ${program} COMPONENT ${component})
        install(FILES ${HM_PACKAGING_DIR}/completions/_${program}
                DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT ${component})
    endfunction()

    # hivemind-server
    install(FILES ${HM_PACKAGING_DIR}/systemd/hivemind-server.service
            DESTINATION lib/systemd/system COMPONENT server)
    # The options file is a conffile: dpkg keeps the operator's edits.
    install(FILES ${HM_PACKAGING_DIR}/server.env DESTINATION /etc/hivemind COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/packaging.md ${PROJECT_SOURCE_DIR}/docs/backup.md
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hivemind-server COMPONENT server)
    hm_completions(hivemind-server server)
    hm_package_docs(hivemind-server server)

    # hivemind-agent
    install(FILES ${HM_PACKAGING_DIR}/systemd/hivemind-agent.service
            DESTINATION lib/systemd/system COMPONENT agent)
    # The template the postinst copies to /etc/hivemind/agent.conf when
    # there is none; not a conffile, because it holds the enrolment secret
    # and must be root:hivemind-agent 0640 from its first byte
    # (installer/debian/hivemind-agent/postinst).
    install(FILES ${HM_PACKAGING_DIR}/agent.conf.example
            DESTINATION ${CMAKE_INSTALL_DATADIR}/hivemind-agent RENAME agent.conf COMPONENT agent)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/agent.md
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/hivemind-agent COMPONENT agent)
    hm_completions(hivemind-agent agent)
    hm_package_docs(hivemind-agent agent)

    # hivemind (the console)
    if(HIVEMIND_BUILD_APP)
        set(HM_APP_ID org.hivemind.HiveMind)
        install(FILES ${HM_PACKAGING_DIR}/desktop/${HM_APP_ID}.desktop
                DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT console)
        install(FILES ${HM_PACKAGING_DIR}/desktop/${HM_APP_ID}.metainfo.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT console)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hivemind.svg
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
                RENAME ${HM_APP_ID}.svg COMPONENT console)
        # Rendered from resources/icons/hivemind.svg (docs/packaging.md
        # "Icons" has the command).
        foreach(size 16 32 48 64 128 256)
            install(FILES ${HM_PACKAGING_DIR}/desktop/icons/${HM_APP_ID}-${size}.png
                    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                    RENAME ${HM_APP_ID}.png COMPONENT console)
        endforeach()
        hm_completions(hivemind console)
        hm_package_docs(hivemind console)
    endif()
endif()

# --- CPack: common
set(CPACK_PACKAGE_NAME hivemind)
set(CPACK_PACKAGE_VENDOR "HiveMind")
set(CPACK_PACKAGE_CONTACT "HiveMind maintainers <maintainers@hivemind.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "https://hivemind.invalid/")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "HiveMind")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${HM_PACKAGE_COMPONENTS})
set(CPACK_COMPONENT_CONSOLE_DISPLAY_NAME "HiveMind console")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "HiveMind server")
set(CPACK_COMPONENT_AGENT_DISPLAY_NAME "HiveMind agent")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION
    "The desktop console, with its own local server built in.")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "The headless server for a VM or a shared installation.")
set(CPACK_COMPONENT_AGENT_DESCRIPTION
    "The agent for each machine the operator watches.")

# The .deb packages take their synopsis from the first line of their own
# description: CPack would put a common summary above it.
if(WIN32 OR APPLE)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
endif()

if(WIN32)
    # NSIS: one installer with the three components to choose from
    # (docs/packaging.md "Windows"). Needs makensis and windeployqt's
    # output beside the binaries; not buildable on Debian.
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_DISPLAY_NAME "HiveMind")
    set(CPACK_NSIS_PACKAGE_NAME "HiveMind ${PROJECT_VERSION}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\hivemind.exe)
    # A Start-menu shortcut to the console.
    set(CPACK_PACKAGE_EXECUTABLES hivemind HiveMind)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH ON)
elseif(APPLE)
    # DragNDrop: a .dmg with HiveMind.app to drag into /Applications
    # (docs/packaging.md "macOS"); macdeployqt bundles Qt first. The
    # server and the agent ride along in the image's bin/.
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "HiveMind ${PROJECT_VERSION}")
    set(CPACK_DMG_FORMAT UDZO)
    set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
else()
    set(CPACK_GENERATOR DEB)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_RELEASE "")
    set(CPACK_DEBIAN_PACKAGE_SECTION admin)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    # Depends from the binaries' libraries (dpkg-shlibdeps), plus what
    # the maintainer scripts and the programs run.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
        OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

    set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME hivemind)
    set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION net)
    # The xcb / Wayland platform plugins are loaded at run time (no
    # shared-library dependency for dpkg-shlibdeps to see).
    set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "qt6-qpa-plugins")
    set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-cjk, qt6-wayland")
    set(CPACK_DEBIAN_CONSOLE_PACKAGE_SUGGESTS "hivemind-server, gnome-keyring | kwalletmanager")
    set(CPACK_DEBIAN_CONSOLE_DESCRIPTION
        "Self-hosted operations console (desktop)
HiveMind is a self-hosted operations console. Operators design workflows
as graphs and run them on the server's scheduler, watch and command their
machines through agents, manage WireGuard VPNs and keep every secret in an
encrypted vault, in English, Traditional Chinese or Simplified Chinese.

This package holds the Qt desktop console, which starts its own local
server or connects to a remote hivemind-server.")

    set(CPACK_DEBIAN_SERVER_PACKAGE_NAME hivemind-server)
    set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
    set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
    # wg and ip apply the WireGuard servers; wireguard-go stands in
    # where the kernel has no WireGuard; BIRD 2 speaks BGP; the agent is
    # offered to nodes as the built-in release (docs/agent.md "Upgrades").
    set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "wireguard-tools, iproute2")
    set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "bird2, wireguard-go, hivemind-agent")
    set(CPACK_DEBIAN_SERVER_DESCRIPTION
        "Self-hosted operations console (headless server)
HiveMind is a self-hosted operations console. The server holds the
encrypted store, runs the workflow scheduler, serves the REST API and the
WebSockets the consoles and agents use, and applies WireGuard and BGP.

This package installs it as the hardened systemd service hivemind-server,
running as the system user hivemind with its data in /var/lib/hivemind.")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
        ${HM_PACKAGING_DIR}/debian/hivemind-server/postinst
        ${HM_PACKAGING_DIR}/debian/hivemind-server/prerm
        ${HM_PACKAGING_DIR}/debian/hivemind-server/postrm
        ${HM_PACKAGING_DIR}/debian/hivemind-server/conffiles)

    set(CPACK_DEBIAN_AGENT_PACKAGE_NAME hivemind-agent)
    set(CPACK_DEBIAN_AGENT_PACKAGE_SECTION admin)
    set(CPACK_DEBIAN_AGENT_PACKAGE_DEPENDS "adduser")
    # What the agent's optional capabilities run (docs/agent.md).
    set(CPACK_DEBIAN_AGENT_PACKAGE_SUGGESTS "nginx, openssl, docker-compose")
    set(CPACK_DEBIAN_AGENT_DESCRIPTION
        "Self-hosted operations console (agent)
HiveMind is a self-hosted operations console. The agent runs on each
machine the operator watches: it enrols once with a single-use secret,
streams metrics and runs the remote operations its configuration allows.

This package installs it as the hardened systemd service hivemind-agent,
running as the system user hivemind-agent; /etc/hivemind/agent.conf
decides what it may do.")
    set(CPACK_DEBIAN_AGENT_PACKAGE_CONTROL_EXTRA
        ${HM_PACKAGING_DIR}/debian/hivemind-agent/postinst
        ${HM_PACKAGING_DIR}/debian/hivemind-agent/prerm
        ${HM_PACKAGING_DIR}/debian/hivemind-agent/postrm)
endif()

include(CPack)
