# llhttp, the HTTP/1.x parser of Node.js, as the static library
# hivemind_llhttp. Debian ships it as C sources only (package node-llhttp,
# installer/packages.txt), so it is compiled here from the installed files.
# It is used strict: built in its strict mode, and no lenient flag is ever set
# (server/http/HttpParser.cpp).

find_path(LLHTTP_INCLUDE_DIR llhttp.h
    PATHS /usr/share/include/llhttp /usr/include/llhttp /usr/include
    DOC "directory of llhttp.h (Debian: /usr/share/include/llhttp)")
set(llhttp_sources)
foreach(file api.c http.c llhttp.c)
    string(MAKE_C_IDENTIFIER "LLHTTP_${file}" variable)
    find_file(${variable} ${file}
        PATHS /usr/share/llhttp
        NO_DEFAULT_PATH
        DOC "llhttp source file ${file} (Debian: /usr/share/llhttp)")
    list(APPEND llhttp_sources ${${variable}})
    if(NOT ${variable})
        set(llhttp_missing TRUE)
    endif()
endforeach()
if(NOT LLHTTP_INCLUDE_DIR OR llhttp_missing)
    message(FATAL_ERROR
        "llhttp's C sources were not found (llhttp.h, api.c, http.c, llhttp.c). "
        "Install the Debian package node-llhttp (installer/setup-deps.sh does), "
        "or point LLHTTP_INCLUDE_DIR and LLHTTP_api_c / LLHTTP_http_c / "
        "LLHTTP_llhttp_c at another copy.")
endif()

add_library(hivemind_llhttp ${llhttp_sources})
# One C file that includes its own generated parts: never in a unity batch.
set_target_properties(hivemind_llhttp PROPERTIES UNITY_BUILD OFF)
set_target_properties(hivemind_llhttp PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
target_include_directories(hivemind_llhttp SYSTEM PUBLIC ${LLHTTP_INCLUDE_DIR})
# llhttp.c holds two parsers; the strict one refuses what the other lets
# through for old clients' sake: spaces in header names, a CR not followed
# by LF after the head, bytes above 0x7f in the request target.
target_compile_definitions(hivemind_llhttp PUBLIC LLHTTP_STRICT_MODE=1)
# The sanitizer and fuzzer flags of hivemind_warnings (so that the fuzzer
# sees llhttp's branches), but not its warnings: generated code, not ours.
target_link_libraries(hivemind_llhttp PRIVATE hivemind_warnings)
target_compile_options(hivemind_llhttp PRIVATE -w)
