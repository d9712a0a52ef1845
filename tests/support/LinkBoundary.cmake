# A link boundary (cmake/HiveMindLinkCheck.cmake) refuses what it must: a
# configuration of this source tree that links FROM to LIBRARY on purpose
# (HIVEMIND_LINK_PROBE=FROM:LIBRARY) must stop, naming both and the path.
# The real configuration, which passed to build this test, is the other
# half. APP=ON configures the console too (its folders' boundaries).
#
#   cmake -DSOURCE_DIR=<root> -DWORK_DIR=<dir> -DFROM=hivemind-agent
#         -DLIBRARY=hivemind_server [-DAPP=ON] -P LinkBoundary.cmake
foreach(var SOURCE_DIR WORK_DIR FROM LIBRARY)
    if(NOT ${var})
        message(FATAL_ERROR "LinkBoundary: pass -D${var}=…")
    endif()
endforeach()
if(NOT APP)
    set(APP OFF)
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}" -G Ninja
            -DHIVEMIND_BUILD_APP=${APP} -DHIVEMIND_BUILD_TESTS=OFF -DHIVEMIND_BUILD_BENCHMARKS=OFF
            -DHIVEMIND_LINK_PROBE=${FROM}:${LIBRARY}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
file(REMOVE_RECURSE "${WORK_DIR}")
if(result EQUAL 0)
    message(FATAL_ERROR "${FROM} linked ${LIBRARY} and the configuration passed")
endif()
string(REGEX REPLACE "[ \t\r\n]+" " " flat "${output}")
if(NOT flat MATCHES "Link boundary: ${FROM} must not link ${LIBRARY}, but does: ${FROM} -> ")
    message(FATAL_ERROR "the configuration failed, but not at the link boundary:\n${output}")
endif()
message(STATUS "refused as it should be: ${FROM} -> ${LIBRARY}")
