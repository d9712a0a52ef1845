# Compile settings shared by every HiveMind target: warnings, sanitizers.
add_library(hivemind_warnings INTERFACE)
# Aggregates rely on default member initialisers, so omitted trailing fields
# are intended: -Wmissing-field-initializers would only add noise.
target_compile_options(hivemind_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
# In a unity batch every .cpp but the first is an included file to gcc, which
# then warns about a class of that file holding a type of its own anonymous
# namespace (-Wsubobject-linkage), as it would in a header. Each .cpp is its
# own translation unit in the design, so this says nothing there.
if(CMAKE_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(hivemind_warnings INTERFACE -Wno-subobject-linkage)
endif()
if(HIVEMIND_WARNINGS_AS_ERRORS)
    target_compile_options(hivemind_warnings INTERFACE -Werror)
endif()
if(HIVEMIND_SANITIZE)
    target_compile_options(hivemind_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(hivemind_warnings INTERFACE -fsanitize=address,undefined)
endif()
if(HIVEMIND_FUZZ)
    # Coverage feedback for libFuzzer in all code (the fuzzer runtime itself
    # is linked into the fuzz-* binaries only), and UB stops the run like a
    # crash, so that it is saved as a reproducer.
    target_compile_options(hivemind_warnings INTERFACE -fsanitize=fuzzer-no-link
                                                       -fno-sanitize-recover=all)
    target_link_options(hivemind_warnings INTERFACE -fno-sanitize-recover=all)
endif()

# Product code also gets Qt's strict string rules (no implicit ASCII casts),
# so every user-visible literal is a deliberate tr() or QStringLiteral. Tests
# only get the warnings: QTest data tables are clearer with plain literals.
add_library(hivemind_options INTERFACE)
target_link_libraries(hivemind_options INTERFACE hivemind_warnings)
target_compile_definitions(hivemind_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER QT_NO_FOREACH)

# hm_add_qtest(NAME <TestXxx> SOURCES <files> LABELS <labels> LIBS <targets>
#              [ALLOW_SKIP])
# One executable per TestXxx.cpp, as KeePassXC does. A QSKIP passes in
# ctest, so a test whose output has a "SKIP   :" line fails: what it skipped
# was not tested. ALLOW_SKIP is for a test that skips only what its
# platform cannot do (say so in the QSKIP message).
function(hm_add_qtest)
    cmake_parse_arguments(T "ALLOW_SKIP" "NAME" "SOURCES;LABELS;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test hivemind_warnings ${T_LIBS})
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
    target_compile_definitions(${T_NAME} PRIVATE
        HIVEMIND_BIN_DIR="${CMAKE_RUNTIME_OUTPUT_DIRECTORY}"
        HIVEMIND_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}")
    if(NOT T_ALLOW_SKIP)
        set_tests_properties(${T_NAME} PROPERTIES FAIL_REGULAR_EXPRESSION "SKIP   : ")
    endif()
endfunction()
