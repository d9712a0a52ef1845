#include "vpn/WgText.h"

#include "common/Error.h"
#include "widgets/AdminText.h"
#include "widgets/ByteSizeText.h"

#include <QLocale>

namespace hm::app {

QString WgText::serverStatus(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("Running");
    if (status == QLatin1String("stopped"))
        return tr("Stopped");
    if (status == QLatin1String("error"))
        return tr("Not up (error)");
    return status;
}

QString WgText::clientStatus(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Enabled");
    if (status == QLatin1String("disabled"))
        return tr("Disabled");
    if (status == QLatin1String("expired"))
        return tr("Expired");
    return status;
}

QString WgText::family(const QString &family)
{
    if (family == QLatin1String("ipv4"))
        return tr("IPv4 only");
    if (family == QLatin1String("ipv6"))
        return tr("IPv6 only");
    return tr("Dual stack (IPv4 and IPv6)");
}

QString WgText::bytes(qint64 bytes)
{
    // The sizes every other panel shows ("512 bytes", "2 MiB"): Qt's
    // formattedDataSize said "2.0 MiB" here and "byte" in zh_TW.
    return ByteSizeText::format(bytes);
}

QString WgText::handshakeAge(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return tr("Never");
    const qint64 seconds = qMax<qint64>(0, at.secsTo(now));
    if (seconds < 60)
        return tr("%n s ago", "", int(seconds));
    if (seconds < 3600)
        return tr("%n min ago", "", int(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", "", int(seconds / 3600));
    return tr("%n day(s) ago", "", int(seconds / 86400));
}

QString WgText::refusalField(const hm::Error &error)
{
    return error.details.value(QStringLiteral("field")).toString();
}

QString WgText::refusalText(const hm::Error &error, const QString &role)
{
    const QString field = refusalField(error);
    // The server's message is "<field>: <why>"; the why names the rule.
    QString why = error.message;
    if (const qsizetype colon = why.indexOf(QStringLiteral(": ")); colon >= 0 && colon < 24)
        why = why.mid(colon + 2);
    if (error.code == ErrorCode::Conflict) {
        if (field == QLatin1String("interface"))
            return tr("Another WireGuard server has this interface, or the server runs: %1")
                .arg(why);
        if (field == QLatin1String("listen_port"))
            return tr("Another WireGuard server listens on this port.");
        if (field == QLatin1String("name"))
            return tr("This name is taken.");
        // A server's subnet meets another server's; a client's address
        // is another client's.
        if (error.details.value(QStringLiteral("reason")).toString() ==
            QLatin1String("overlapping"))
            return tr("Overlaps the subnet of another WireGuard server: %1").arg(why);
        if (field.endsWith(QLatin1String("_address")))
            return tr("Another client has this address.");
    }
    if (error.code == ErrorCode::ValidationError && !field.isEmpty())
        return tr("Refused by the server: %1").arg(why);
    return AdminText::error(error, role);
}

} // namespace hm::app
