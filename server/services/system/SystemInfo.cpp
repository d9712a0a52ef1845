#include "server/services/system/SystemInfo.h"

#include "hivemind/Version.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>
#include <QTimeZone>

namespace hm::server {
namespace {

QByteArray readProc(const char *path)
{
    QFile file(QString::fromLatin1(path));
    // /proc files report size 0, so read until EOF rather than by size.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// "MemTotal:  16314516 kB" -> bytes; null when missing.
QJsonValue meminfoBytes(const QByteArray &meminfo, const QByteArray &name)
{
    for (const QByteArray &line : meminfo.split('\n')) {
        if (!line.startsWith(QByteArray(name + ':')))
            continue;
        const QList<QByteArray> parts = line.mid(name.size() + 1).simplified().split(' ');
        return parts.value(0).toLongLong() * 1024;
    }
    return QJsonValue::Null;
}

QJsonValue cpuModel()
{
    for (const QByteArray &line : readProc("/proc/cpuinfo").split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QJsonValue::Null;
}

QJsonValue loadAverage()
{
    const QList<QByteArray> parts = readProc("/proc/loadavg").simplified().split(' ');
    if (parts.size() < 3)
        return QJsonValue::Null;
    return QJsonArray{parts[0].toDouble(), parts[1].toDouble(), parts[2].toDouble()};
}

QJsonValue systemUptime()
{
    const QByteArray text = readProc("/proc/uptime");
    if (text.isEmpty())
        return QJsonValue::Null;
    return static_cast<qint64>(text.split(' ').value(0).toDouble());
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

} // namespace

QJsonObject collectSystemInfo(store::Database &database, const QString &dataDir,
                              qint64 serverUptimeMs)
{
    const QByteArray meminfo = readProc("/proc/meminfo");
    const QJsonObject system{
        {QStringLiteral("hostname"), QSysInfo::machineHostName()},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("kernel"),
         QString(QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion())},
        {QStringLiteral("architecture"), QSysInfo::currentCpuArchitecture()},
        {QStringLiteral("cpu"), QJsonObject{{QStringLiteral("count"), QThread::idealThreadCount()},
                                            {QStringLiteral("model"), cpuModel()}}},
        {QStringLiteral("memory"),
         QJsonObject{{QStringLiteral("total"), meminfoBytes(meminfo, "MemTotal")},
                     {QStringLiteral("available"), meminfoBytes(meminfo, "MemAvailable")}}},
        {QStringLiteral("uptime"), systemUptime()},
        {QStringLiteral("load_average"), loadAverage()},
        {QStringLiteral("timezone"), QString::fromLatin1(QTimeZone::systemTimeZoneId())},
        {QStringLiteral("locale"), QLocale::system().name()}};

    const QJsonObject application{
        {QStringLiteral("name"), QStringLiteral("HiveMind")},
        {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
        {QStringLiteral("build_date"), QString::fromLatin1(version::kBuildDate)},
        {QStringLiteral("api_version"), QString::fromLatin1(version::kApiVersion)},
        {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("uptime"), serverUptimeMs / 1000}};

    const QStorageInfo disk(dataDir);
    const QJsonObject storage{
        {QStringLiteral("total"), disk.isValid() ? QJsonValue(disk.bytesTotal()) : QJsonValue()},
        {QStringLiteral("free"),
         disk.isValid() ? QJsonValue(disk.bytesAvailable()) : QJsonValue()}};

    const Status health = database.checkHealth();
    const auto schema = store::schemaVersion(database);
    const QString path = database.path();
    // The WAL holds recent writes until a checkpoint; it is part of the size.
    const qint64 size = fileSize(path) + fileSize(path + QStringLiteral("-wal"));
    const QJsonObject db{
        {QStringLiteral("type"), QStringLiteral("SQLCipher")},
        {QStringLiteral("status"),
         health.ok() ? QStringLiteral("connected") : QStringLiteral("error")},
        {QStringLiteral("size"), size},
        {QStringLiteral("schema_version"), schema ? QJsonValue(schema.value()) : QJsonValue()}};

    return {{QStringLiteral("system"), system},
            {QStringLiteral("application"), application},
            {QStringLiteral("storage"), storage},
            {QStringLiteral("database"), db}};
}

} // namespace hm::server
