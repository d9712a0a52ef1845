#pragma once

// The random kill points of the crash tests, replayable: the generator is
// seeded from HIVEMIND_CRASH_SEED when it is set (else from the system's
// random source), and the seed is printed once, so a failing run can be
// repeated exactly.

#include <QRandomGenerator>
#include <QString>
#include <QtGlobal>

namespace hm::test {

inline QRandomGenerator &crashRandom()
{
    static QRandomGenerator generator = [] {
        bool ok = false;
        quint32 seed = qEnvironmentVariable("HIVEMIND_CRASH_SEED").toUInt(&ok);
        if (!ok)
            seed = QRandomGenerator::system()->generate();
        qInfo("crash test seed: %u (replay with HIVEMIND_CRASH_SEED=%u)", seed, seed);
        return QRandomGenerator(seed);
    }();
    return generator;
}

} // namespace hm::test
