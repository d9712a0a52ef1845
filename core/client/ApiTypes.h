#pragma once

#include <QString>
#include <QStringList>

namespace hm::client {

struct HealthInfo
{
    QString status;   // "healthy" / "unhealthy"
    QString database; // "connected" / "error"
    QString version;
    qint64 uptimeSeconds = 0;
};

struct VersionInfo
{
    QString version;
    QString apiVersion;
    QString buildDate;
    QStringList features;
};

} // namespace hm::client
