#pragma once

// Small helpers shared by the store tests.

#include "common/Result.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace hm::store::test {

// QVERIFY2 evaluates its message even on success, so never call error() there.
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

inline crypto::SecureBytes randomKey()
{
    return crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
}

inline crypto::SecureBytes copyOf(const crypto::SecureBytes &key)
{
    return crypto::SecureBytes::fromRaw(key.view());
}

// The database, or nullptr after logging why it did not open.
inline std::unique_ptr<Database> openOrFail(const QString &path, const crypto::SecureBytes &key)
{
    Result<std::unique_ptr<Database>> db = Database::open(path, key);
    if (!db.ok()) {
        qWarning("%s", why(db).constData());
        return nullptr;
    }
    return std::move(db.value());
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<missing>");
    return file.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

inline QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace hm::store::test
