#include "crypto/DekStorage.h"

#include <QMutexLocker>

namespace hm::crypto {

QString purposeName(DekPurpose purpose)
{
    switch (purpose) {
    case DekPurpose::Credential:
        return QStringLiteral("CREDENTIAL");
    case DekPurpose::Backup:
        return QStringLiteral("BACKUP");
    case DekPurpose::General:
        return QStringLiteral("GENERAL");
    }
    return QStringLiteral("GENERAL");
}

QString statusName(DekStatus status)
{
    switch (status) {
    case DekStatus::Active:
        return QStringLiteral("ACTIVE");
    case DekStatus::DecryptOnly:
        return QStringLiteral("DECRYPT_ONLY");
    case DekStatus::Retired:
        return QStringLiteral("RETIRED");
    }
    return QStringLiteral("RETIRED");
}

std::optional<DekStatus> statusFromName(QStringView name)
{
    for (DekStatus status : {DekStatus::Active, DekStatus::DecryptOnly, DekStatus::Retired}) {
        if (name == statusName(status))
            return status;
    }
    return std::nullopt;
}

Result<QList<DekRecord>> InMemoryDekStorage::loadAll()
{
    QMutexLocker locker(&m_mutex);
    return m_records;
}

Status InMemoryDekStorage::insert(const DekRecord &record)
{
    QMutexLocker locker(&m_mutex);
    for (const DekRecord &existing : std::as_const(m_records)) {
        if (existing.purpose == record.purpose && existing.version == record.version)
            return Status(ErrorCode::ResourceAlreadyExists,
                          QStringLiteral("data key %1 version %2 already exists")
                              .arg(record.purpose)
                              .arg(record.version));
    }
    m_records.append(record);
    return {};
}

Status InMemoryDekStorage::updateStatus(const QString &purpose, int version, DekStatus status,
                                        qint64 whenMs)
{
    QMutexLocker locker(&m_mutex);
    for (DekRecord &record : m_records) {
        if (record.purpose == purpose && record.version == version) {
            record.status = status;
            if (status == DekStatus::Retired)
                record.retiredAtMs = whenMs;
            return {};
        }
    }
    return Status(ErrorCode::KeyNotFound,
                  QStringLiteral("no data key %1 version %2").arg(purpose).arg(version));
}

} // namespace hm::crypto
