# The agent's link boundary (issue 33, item 8) refuses what it must: a
# configuration of this source tree that links the agent to LIBRARY on
# purpose (HIVEMIND_AGENT_LINK_PROBE) must stop, naming the library and the
# path. The real configuration, which passed to build this test, is the
# other half.
#
#   cmake -DSOURCE_DIR=<root> -DWORK_DIR=<dir> -DLIBRARY=hivemind_server -P AgentLinkBoundary.cmake
foreach(var SOURCE_DIR WORK_DIR LIBRARY)
    if(NOT ${var})
        message(FATAL_ERROR "AgentLinkBoundary: pass -D${var}=…")
    endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}" -G Ninja
            -DHIVEMIND_BUILD_APP=OFF -DHIVEMIND_BUILD_TESTS=OFF -DHIVEMIND_BUILD_BENCHMARKS=OFF
            -DHIVEMIND_AGENT_LINK_PROBE=${LIBRARY}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
file(REMOVE_RECURSE "${WORK_DIR}")
if(result EQUAL 0)
    message(FATAL_ERROR "the agent linked ${LIBRARY} and the configuration passed")
endif()
string(REGEX REPLACE "[ \t\r\n]+" " " flat "${output}")
if(NOT flat MATCHES "Link boundary: hivemind-agent must not link ${LIBRARY}, but does: hivemind-agent -> ")
    message(FATAL_ERROR "the configuration failed, but not at the link boundary:\n${output}")
endif()
message(STATUS "refused as it should be: hivemind-agent -> ${LIBRARY}")
