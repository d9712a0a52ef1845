#include "vpn/bird/BirdSyntax.h"

#include <QRegularExpression>
#include <QSet>

namespace hm::bird {

namespace {

// Keywords of BIRD 2's configuration grammar that could be taken for a
// symbol name HiveMind writes (protocol, filter names). configure check is
// the backstop for anything missing here.
const QSet<QString> &birdSyntaxKeywords()
{
    static const QSet<QString> words = {
        QStringLiteral("all"),         QStringLiteral("as"),       QStringLiteral("bgp"),
        QStringLiteral("blackhole"),   QStringLiteral("channel"),  QStringLiteral("define"),
        QStringLiteral("device"),      QStringLiteral("direct"),   QStringLiteral("disabled"),
        QStringLiteral("else"),        QStringLiteral("export"),   QStringLiteral("false"),
        QStringLiteral("filter"),      QStringLiteral("function"), QStringLiteral("if"),
        QStringLiteral("import"),      QStringLiteral("include"),  QStringLiteral("ipv4"),
        QStringLiteral("ipv6"),        QStringLiteral("kernel"),   QStringLiteral("local"),
        QStringLiteral("neighbor"),    QStringLiteral("none"),     QStringLiteral("off"),
        QStringLiteral("on"),          QStringLiteral("ospf"),     QStringLiteral("password"),
        QStringLiteral("prohibit"),    QStringLiteral("protocol"), QStringLiteral("reject"),
        QStringLiteral("accept"),      QStringLiteral("return"),   QStringLiteral("route"),
        QStringLiteral("router"),      QStringLiteral("static"),   QStringLiteral("table"),
        QStringLiteral("template"),    QStringLiteral("then"),     QStringLiteral("true"),
        QStringLiteral("unreachable"), QStringLiteral("via"),      QStringLiteral("where"),
        QStringLiteral("yes"),         QStringLiteral("no"),       QStringLiteral("rip"),
        QStringLiteral("babel"),       QStringLiteral("bfd"),      QStringLiteral("pipe"),
        QStringLiteral("debug"),       QStringLiteral("log"),      QStringLiteral("timeformat"),
        QStringLiteral("multihop"),    QStringLiteral("proto"),    QStringLiteral("net"),
        QStringLiteral("description"), QStringLiteral("id"),       QStringLiteral("enable"),
        QStringLiteral("disable"),     QStringLiteral("show"),     QStringLiteral("configure"),
    };
    return words;
}

bool birdSyntaxHasForbidden(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == u'"' || u == u'\\' ||
            u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

} // namespace

bool isValidBirdName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,31}$"));
    return re.match(name).hasMatch() && !birdSyntaxKeywords().contains(name.toLower());
}

Status checkBirdName(const QString &name, const QString &what)
{
    if (isValidBirdName(name))
        return {};
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("%1 must be 1-32 letters, digits or '_', not starting with a "
                                "digit, and not a BIRD keyword")
                     .arg(what)};
}

Result<QString> quoteBirdString(const QString &text, const QString &what, qsizetype maxBytes)
{
    if (birdSyntaxHasForbidden(text))
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("%1 must not contain '\"', '\\' or control characters").arg(what)};
    if (text.toUtf8().size() > maxBytes)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 is longer than %2 bytes").arg(what).arg(maxBytes)};
    return QStringLiteral("\"%1\"").arg(text);
}

Result<QString> quoteBirdPath(const QString &path)
{
    if (path.isEmpty() || !path.startsWith(QLatin1Char('/')))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the BIRD configuration path must be absolute")};
    return quoteBirdString(path, QStringLiteral("the BIRD configuration path"), 4096);
}

Status checkBirdPassword(const QString &password, const QString &session)
{
    const QString what = QStringLiteral("the password of BGP session %1").arg(session);
    if (password.isEmpty())
        return Error{ErrorCode::ValidationError, QStringLiteral("%1 is empty").arg(what)};
    auto quoted = quoteBirdString(password, what, 80);
    if (!quoted)
        return quoted.error();
    return {};
}

QString BirdPrefix::toString() const
{
    return QStringLiteral("%1/%2").arg(address.toString()).arg(length);
}

Result<BirdPrefix> BirdPrefix::parse(const QString &text)
{
    const auto bad = [&text](const QString &why) {
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("'%1' is not a prefix: %2").arg(text.left(64), why)};
    };
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return bad(QStringLiteral("no /length"));
    QHostAddress address;
    const QString addressText = text.left(slash);
    if (addressText.contains(QLatin1Char('%')) || !address.setAddress(addressText))
        return bad(QStringLiteral("not an IP address"));
    bool ok = false;
    const QString lengthText = text.mid(slash + 1);
    const int length = lengthText.toInt(&ok);
    const int maxLength = address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    if (!ok || lengthText.isEmpty() || !lengthText.front().isDigit() || length < 0 ||
        length > maxLength)
        return bad(QStringLiteral("length out of range"));
    const auto subnet = QHostAddress::parseSubnet(text);
    if (subnet.first != address)
        return bad(QStringLiteral("host bits set"));
    return BirdPrefix{address, length};
}

Status checkBirdAddress(const QHostAddress &address, const QString &what)
{
    const auto p = address.protocol();
    if (address.isNull() ||
        (p != QAbstractSocket::IPv4Protocol && p != QAbstractSocket::IPv6Protocol))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 is not an IP address").arg(what)};
    if (address.isMulticast() || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6 || address.isBroadcast())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 is not a unicast address").arg(what)};
    if (!address.scopeId().isEmpty())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 must not have a scope id").arg(what)};
    return {};
}

} // namespace hm::bird
