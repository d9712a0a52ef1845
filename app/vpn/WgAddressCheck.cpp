#include "vpn/WgAddressCheck.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace hm::app::wgcheck {

bool isInterfaceName(const QString &text)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9_=+.-]{1,15}$"));
    return rule.match(text).hasMatch();
}

bool isAddressWithPrefix(const QString &text, int protocol)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash <= 0)
        return false;
    bool ok = false;
    const int prefix = text.mid(slash + 1).toInt(&ok);
    const int bits = protocol == 4 ? 32 : 128;
    QHostAddress address;
    if (!ok || prefix < 1 || prefix > bits || !address.setAddress(text.left(slash)))
        return false;
    return protocol == 4 ? address.protocol() == QAbstractSocket::IPv4Protocol
                         : address.protocol() == QAbstractSocket::IPv6Protocol;
}

bool isHostAddress(const QString &text, int protocol)
{
    const qsizetype slash = text.indexOf(u'/');
    const QString host = slash < 0 ? text : text.left(slash);
    if (slash >= 0 &&
        text.mid(slash + 1) != (protocol == 4 ? QLatin1String("32") : QLatin1String("128")))
        return false;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return protocol == 4 ? address.protocol() == QAbstractSocket::IPv4Protocol
                         : address.protocol() == QAbstractSocket::IPv6Protocol;
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

bool areAddresses(const QStringList &items)
{
    for (const QString &item : items) {
        if (QHostAddress(item).isNull())
            return false;
    }
    return true;
}

} // namespace hm::app::wgcheck
