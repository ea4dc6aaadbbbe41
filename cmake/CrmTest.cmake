# crm_add_test(NAME <name> SOURCES <files...> LIBS <targets...> LABELS <labels...> [GUI] [STORAGE])
# One Qt Test executable per test class, registered with CTest under the part's labels.
# STORAGE tests are registered twice: <name>_sqlite (on a SQLite file) and <name>_pg (label "pg", on the
# PostgreSQL server that scripts/test starts and names in CRM_TEST_PG_URL).
# GUI tests run on the offscreen platform; non-GUI tests use QTEST_GUILESS_MAIN and link no Widgets.
function(crm_add_test)
    cmake_parse_arguments(T "GUI;STORAGE" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES} ${PROJECT_SOURCE_DIR}/tests/TestDatabase.h)
    target_link_libraries(${T_NAME} PRIVATE crm_settings Qt6::Test ${T_LIBS})
    set(env "CRM_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data")
    if(T_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    # Each registered test gets a home of its own: Qt's test mode keeps settings under ~/.qttest, and
    # two tests running at once (ctest -j, e.g. a test's _sqlite and _pg runs) overwrote each other's
    # desktop settings there.
    set(homes "${CMAKE_BINARY_DIR}/test-homes")
    if(T_STORAGE)
        file(MAKE_DIRECTORY "${homes}/${T_NAME}_sqlite" "${homes}/${T_NAME}_pg")
        add_test(NAME ${T_NAME}_sqlite COMMAND ${T_NAME})
        set_tests_properties(${T_NAME}_sqlite PROPERTIES LABELS "${T_LABELS}" TIMEOUT 300
                             ENVIRONMENT "${env};CRM_TEST_BACKEND=sqlite;HOME=${homes}/${T_NAME}_sqlite")
        add_test(NAME ${T_NAME}_pg COMMAND ${T_NAME})
        set_tests_properties(${T_NAME}_pg PROPERTIES LABELS "pg" TIMEOUT 300
                             ENVIRONMENT "${env};CRM_TEST_BACKEND=postgres;HOME=${homes}/${T_NAME}_pg")
    else()
        file(MAKE_DIRECTORY "${homes}/${T_NAME}")
        add_test(NAME ${T_NAME} COMMAND ${T_NAME})
        set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" ENVIRONMENT "${env};HOME=${homes}/${T_NAME}" TIMEOUT 300)
    endif()
endfunction()
