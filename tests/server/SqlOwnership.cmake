# Repositories own every SQL string (docs/architecture.md, "Where SQL
# lives"): fails, naming the file and the line, when a string literal of
# server/ or core/ starts with an SQL keyword outside the store layer
# (core/store, core/engine_store) and the server's repositories
# (server/repositories).
#
#   cmake -DSOURCE_DIR=<repository root> -P tests/server/SqlOwnership.cmake
#
# The SqlOwnershipCatches_* tests run it on tests/server/fixtures/sql_ownership,
# a tree with one planted fragment of each kind, to show each kind is caught.
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "SqlOwnership: pass -DSOURCE_DIR=<repository root>")
endif()

set(allowed "^(server/repositories|core/store|core/engine_store)/")
# An uppercase keyword and a blank right after the opening quote: SQL, not
# prose such as "Create a user" in route descriptions. Blanks may come
# first, and the clauses a fragment glued onto another statement starts
# with count too (" IN (SELECT ...", "UNION SELECT ...", " WHERE ...",
# "FROM ..."): a service that builds a condition for a repository's query
# holds SQL as much as one that writes the whole statement.
set(sql_start "\"[ ]*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH|CREATE|DROP|ALTER|PRAGMA|UNION|FROM|WHERE) ")
set(sql_in "\"[ ]*IN \\(")
# Continuations read as SQL only after a blank: "AND ", "OR " alone may be
# prose.
set(sql_continued "\"[ ]+(AND|OR|JOIN|LEFT JOIN|ORDER BY|GROUP BY|LIMIT) ")
set(sql "${sql_start}|${sql_in}|${sql_continued}")

file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/server/*.cpp" "${SOURCE_DIR}/server/*.h"
     "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h")
list(SORT sources)
if(NOT sources)
    message(FATAL_ERROR "SqlOwnership: no sources under ${SOURCE_DIR}/server or /core")
endif()

set(offenders "")
foreach(source IN LISTS sources)
    if(source MATCHES "${allowed}")
        continue()
    endif()
    file(STRINGS "${SOURCE_DIR}/${source}" lines REGEX "${sql}")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        string(APPEND offenders "\n  ${source}: ${line}")
    endforeach()
endforeach()

if(offenders)
    message(FATAL_ERROR
            "SQL outside server/repositories, core/store and core/engine_store; "
            "move it into a repository:${offenders}")
endif()
list(LENGTH sources count)
message(STATUS "SqlOwnership: ${count} files checked, SQL only in repositories and the store")
