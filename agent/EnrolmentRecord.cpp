#include "agent/EnrolmentRecord.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace hm::agent {

QString EnrolmentRecord::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("node.json"));
}

Result<std::optional<EnrolmentRecord>> EnrolmentRecord::load(const QString &dataDir)
{
    const QString path = filePath(dataDir);
    QFile file(path);
    if (!file.exists())
        return std::optional<EnrolmentRecord>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    const QJsonObject object = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    EnrolmentRecord record{object.value(QStringLiteral("node_id")).toString(),
                           object.value(QStringLiteral("server")).toString(),
                           object.value(QStringLiteral("fingerprint")).toString()};
    record.releaseKey =
        QByteArray::fromBase64(object.value(QStringLiteral("release_key")).toString().toLatin1());
    if (record.releaseKey.size() != 32)
        record.releaseKey.clear();
    if (record.nodeId.isEmpty() || record.server.isEmpty())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 is damaged (it needs node_id and server); remove it to "
                                    "enrol again")
                         .arg(path)};
    return std::optional<EnrolmentRecord>(record);
}

Status EnrolmentRecord::save(const QString &dataDir) const
{
    const QString path = filePath(dataDir);
    QSaveFile file(path);
    QJsonObject object{{QStringLiteral("node_id"), nodeId},
                       {QStringLiteral("server"), server},
                       {QStringLiteral("fingerprint"), fingerprint}};
    if (!releaseKey.isEmpty())
        object.insert(QStringLiteral("release_key"), QString::fromLatin1(releaseKey.toBase64()));
    const QByteArray json = QJsonDocument(object).toJson();
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(json) != json.size() || !file.commit())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace hm::agent
