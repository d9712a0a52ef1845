# Engine persistence: journal, recovery and a real crash. Included from
# tests/core/engine/CMakeLists.txt.
hm_add_qtest(NAME TestJournal
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestJournal.cpp
                     ${CMAKE_CURRENT_LIST_DIR}/PersistenceTestSupport.h
             LABELS "core;engine" LIBS hivemind_engine_store)
hm_add_qtest(NAME TestPackedNodeStates
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestPackedNodeStates.cpp
             LABELS "core;engine" LIBS hivemind_engine_store)
hm_add_qtest(NAME TestRecoveryPersistence
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRecoveryPersistence.cpp
                     ${CMAKE_CURRENT_LIST_DIR}/PersistenceTestSupport.h
             LABELS "core;engine" LIBS hivemind_engine_store)

# Child process of TestCrashRecovery; lands in the common bin dir.
add_executable(hm_engine_crash_host ${CMAKE_CURRENT_LIST_DIR}/CrashHost.cpp)
target_link_libraries(hm_engine_crash_host PRIVATE hivemind_engine_store hivemind_warnings)
hm_add_qtest(NAME TestCrashRecovery
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCrashRecovery.cpp
                     ${CMAKE_CURRENT_LIST_DIR}/PersistenceTestSupport.h
             LABELS "core;engine" LIBS hivemind_engine_store)
add_dependencies(TestCrashRecovery hm_engine_crash_host)
hm_add_qtest(NAME TestJournalFlowRepository
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestJournalFlowRepository.cpp
                     ${CMAKE_CURRENT_LIST_DIR}/PersistenceTestSupport.h
             LABELS "core;engine" LIBS hivemind_engine_store)
# The "service" node through the real Engine into the store (http.cmake has
# its unit test).
hm_add_qtest(NAME TestServiceNodeEngine
             SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestServiceNodeEngine.cpp
                     ${CMAKE_CURRENT_LIST_DIR}/EngineFixtures.h
                     ${CMAKE_CURRENT_LIST_DIR}/PersistenceTestSupport.h
             LABELS "core;engine" LIBS hivemind_engine_store)
