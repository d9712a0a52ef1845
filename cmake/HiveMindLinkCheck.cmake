# Link boundaries checked when the build is configured (docs/architecture.md,
# "Targets and the direction of dependencies").
#
#   hm_forbid_links(TARGET FORBIDDEN...)
#
# Walks everything TARGET links, directly or through other targets (their
# LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES, $<LINK_ONLY:…> included), and
# stops the configuration naming the path when one of FORBIDDEN is reached.
# Call it after every target exists (the end of the top-level CMakeLists.txt).

function(hm_forbid_links target)
    if(NOT TARGET ${target})
        return()
    endif()
    set(forbidden ${ARGN})
    set(seen "")
    # Each queue entry is "target|path from the checked target".
    set(queue "${target}|${target}")
    while(queue)
        list(POP_FRONT queue entry)
        string(REPLACE "|" ";" parts "${entry}")
        list(GET parts 0 current)
        list(GET parts 1 path)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(current IN_LIST forbidden)
            message(FATAL_ERROR
                "Link boundary: ${target} must not link ${current}, but does: ${path}")
        endif()
        get_target_property(direct ${current} LINK_LIBRARIES)
        get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
        foreach(library IN LISTS direct interface)
            if(NOT library)
                continue()
            endif()
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" library "${library}")
            if(TARGET ${library})
                list(APPEND queue "${library}|${path} -> ${library}")
            endif()
        endforeach()
    endwhile()
endfunction()
