#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hm::app {

// Words of the Credentials section: the six types, visibility, the data
// key's states and the rotation's.
class CredentialText
{
    Q_DECLARE_TR_FUNCTIONS(CredentialText)

public:
    // The types in the order the console offers them.
    static QStringList types();
    // "http_basic" ... in words ("HTTP Basic").
    static QString type(const QString &type);
    static QString visibility(const QString &visibility);
    // ACTIVE / DECRYPT_ONLY / RETIRED in words.
    static QString keyStatus(const QString &status);
    // idle / running / unfinished in words.
    static QString rotationState(const QString &state);
    // What uses a credential ("service", "flow", "node") in words.
    static QString usageKind(const QString &kind);
};

} // namespace hm::app
