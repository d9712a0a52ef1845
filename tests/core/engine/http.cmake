# HTTP side of the engine: component protocol, http-request, and the
# reference component (run as a child process by these tests). QHttpServer
# plays the component services here; the server itself does not use it.
find_package(Qt6 6.4 REQUIRED COMPONENTS HttpServer)
foreach(test TestHttpComponentExecutor TestHttpRequestExecutor TestReferenceComponent
             TestEngineHttpComponents)
    if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp)
        hm_add_qtest(NAME ${test}
                     SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
                             ${CMAKE_CURRENT_LIST_DIR}/TestHttpSupport.h
                     LABELS "core;engine" LIBS hivemind_engine Qt6::HttpServer)
        # The tests start it; make sure it is built first.
        add_dependencies(${test} hivemind-reference-component)
    endif()
endforeach()

# The "service" node against an in-process HTTP peer (tests/support).
foreach(test TestServiceNode)
    hm_add_qtest(NAME ${test}
                 SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
                         ${CMAKE_CURRENT_LIST_DIR}/TestHttpSupport.h
                         ${PROJECT_SOURCE_DIR}/tests/support/ServicePeer.h
                         ${PROJECT_SOURCE_DIR}/tests/support/FixedServiceResolver.h
                 LABELS "core;engine" LIBS hivemind_engine)
endforeach()
