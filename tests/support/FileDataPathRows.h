#pragma once

// Tests that run every function both ways a download's bytes can cross
// the sockets (fleet/FileDataPath.h), whichever this kernel would pick:
// initTestCase_data() calls addFileDataPathRows(), the functions ask
// rowFileDataPath() for their row's way.

#include "fleet/FileDataPath.h"

#include <QTest>

namespace hm::test {

inline void addFileDataPathRows()
{
    QTest::addColumn<int>("path");
    QTest::newRow("zero copy") << int(hm::fleet::FileDataPath::ZeroCopy);
    QTest::newRow("copies") << int(hm::fleet::FileDataPath::Copies);
}

inline hm::fleet::FileDataPath rowFileDataPath()
{
    QFETCH_GLOBAL(int, path);
    return hm::fleet::FileDataPath(path);
}

} // namespace hm::test
