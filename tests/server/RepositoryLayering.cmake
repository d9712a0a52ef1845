# Repositories never include services (docs/architecture.md, "Where SQL
# lives"): services call repositories, never the other way round. Fails,
# naming the file and the line, when a file of server/repositories includes
# a header of server/services or server/routes.
#
#   cmake -DSOURCE_DIR=<repository root> -P tests/server/RepositoryLayering.cmake
#
# RepositoryLayeringCatches runs it on fixtures/repository_layering, which
# plants such an include.
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "RepositoryLayering: pass -DSOURCE_DIR=<repository root>")
endif()

file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/server/repositories/*.cpp" "${SOURCE_DIR}/server/repositories/*.h")
list(SORT sources)
if(NOT sources)
    message(FATAL_ERROR "RepositoryLayering: no sources under ${SOURCE_DIR}/server/repositories")
endif()

set(offenders "")
foreach(source IN LISTS sources)
    file(STRINGS "${SOURCE_DIR}/${source}" lines
         REGEX "^[ ]*#[ ]*include[ ]*[\"<]server/(services|routes)/")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        string(APPEND offenders "\n  ${source}: ${line}")
    endforeach()
endforeach()

if(offenders)
    message(FATAL_ERROR "A repository includes a service or a route; move what it needs into "
                        "the repository layer or let the service act after the write:${offenders}")
endif()
list(LENGTH sources count)
message(STATUS "RepositoryLayering: ${count} repository files include no service")
