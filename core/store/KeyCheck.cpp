#include "common/Logging.h"
#include "crypto/Random.h"
#include "store/KeyCheck_p.h"

#include <QFile>
#include <QSaveFile>
#include <cstring>

namespace hm::store::detail {

namespace {

// Part of the on-disk format: changing it invalidates every sidecar.
constexpr char kLabel[] = "HiveMind database key check v1";
constexpr char kHeader[] = "hivemind-keycheck 1 sha256 ";
// Header + 64 hex digits + newline; anything much longer is not ours.
constexpr qint64 kMaxFileSize = 256;

QByteArray tagFor(const crypto::SecureBytes &key)
{
    const qsizetype labelSize = qsizetype(sizeof(kLabel)) - 1;
    // Label and key in a wiped buffer, never in a plain QByteArray.
    crypto::SecureBytes input(labelSize + key.size());
    std::memcpy(input.data(), kLabel, size_t(labelSize));
    std::memcpy(input.data() + labelSize, key.data(), size_t(key.size()));
    return crypto::sha256Hex(input.view()).toLatin1();
}

bool sameTag(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QString keyCheckPath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".keycheck");
}

KeyCheck verifyKeyCheck(const QString &databasePath, const crypto::SecureBytes &key)
{
    QFile file(keyCheckPath(databasePath));
    if (!file.exists())
        return KeyCheck::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcStore) << "cannot read" << file.fileName() << "-" << file.errorString();
        return KeyCheck::Missing;
    }
    const QByteArray content = file.read(kMaxFileSize).trimmed();
    const QByteArray header(kHeader);
    if (!content.startsWith(header) || content.size() != header.size() + 64) {
        qCWarning(lcStore) << "ignoring malformed key-check file" << file.fileName();
        return KeyCheck::Missing;
    }
    return sameTag(content.mid(header.size()), tagFor(key)) ? KeyCheck::Matches
                                                            : KeyCheck::Mismatch;
}

Status writeKeyCheck(const QString &databasePath, const crypto::SecureBytes &key)
{
    QSaveFile file(keyCheckPath(databasePath));
    if (!file.open(QIODevice::WriteOnly))
        return Status(
            ErrorCode::IoError,
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QByteArray(kHeader) + tagFor(key) + '\n');
    if (!file.commit())
        return Status(
            ErrorCode::IoError,
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

} // namespace hm::store::detail
