#include "FuzzCheck.h"

#include <QCoreApplication>

namespace hm::fuzz {

void ensureCoreApplication()
{
    if (QCoreApplication::instance())
        return;
    // QCoreApplication keeps references to argc and argv: both must outlive it.
    static int argc = 1;
    static char name[] = "hivemind-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

} // namespace hm::fuzz
