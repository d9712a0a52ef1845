#include "vpn/bird/BirdParsers.h"

#include <QRegularExpression>

namespace hm::bird {

namespace {

QDateTime birdParsersTime(const QString &text)
{
    // "iso long" is "%F %T" and "iso long ms" adds ".sss".
    QDateTime t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (!t.isValid())
        t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return t;
}

// "1 imported, 2 filtered, 0 exported, 1 preferred"
BirdRouteStats birdParsersStats(const QString &text)
{
    BirdRouteStats s;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList words = part.simplified().split(QLatin1Char(' '));
        if (words.size() != 2)
            continue;
        // Counts above 2^40 are not real: 0, so sums cannot overflow.
        qint64 n = words[0].toLongLong();
        if (n < 0 || n > (qint64(1) << 40))
            n = 0;
        if (words[1] == QLatin1String("imported"))
            s.imported = n;
        else if (words[1] == QLatin1String("filtered"))
            s.filtered = n;
        else if (words[1] == QLatin1String("exported"))
            s.exported = n;
        else if (words[1] == QLatin1String("preferred"))
            s.preferred = n;
    }
    return s;
}

// "   1          0          0        ---          1": the first and the last
// column ("---" and nonsense count 0).
QPair<qint64, qint64> birdParsersFirstLast(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    auto count = [](const QString &w) {
        const qint64 n = w.toLongLong();
        return n < 0 || n > (qint64(1) << 40) ? 0 : n;
    };
    if (words.size() < 2)
        return {0, 0};
    return {count(words.first()), count(words.last())};
}

bool birdParsersKeyValue(const QString &line, QString *key, QString *value)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    *key = line.left(colon).trimmed();
    *value = line.mid(colon + 1).trimmed();
    return true;
}

quint32 birdParsersU32(const QString &text, bool *ok)
{
    bool good = false;
    const qulonglong v = text.toULongLong(&good);
    *ok = good && v <= 0xffffffffULL;
    return *ok ? quint32(v) : 0;
}

// The text after the first n space-separated words, trimmed.
QString birdParsersAfterWords(const QString &text, qsizetype n)
{
    qsizetype pos = 0;
    for (qsizetype i = 0; i < n; ++i) {
        while (pos < text.size() && text[pos] == QLatin1Char(' '))
            ++pos;
        while (pos < text.size() && text[pos] != QLatin1Char(' '))
            ++pos;
    }
    return text.mid(pos).trimmed();
}

} // namespace

Error birdReplyError(const BirdReply &reply, const QString &what)
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("BIRD refused %1: %2 (code %3)")
                     .arg(what, reply.finalText().trimmed())
                     .arg(reply.code(), 4, 10, QLatin1Char('0')),
                 QJsonObject{{QStringLiteral("birdCode"), reply.code()}}};
}

Result<QList<BirdProtocol>> parseBirdProtocols(const BirdReply &reply)
{
    if (reply.isError())
        return birdReplyError(reply, QStringLiteral("show protocols"));
    if (reply.code() != code::Ok)
        return Error{
            ErrorCode::NetworkError,
            QStringLiteral("unexpected BIRD reply code %1 to show protocols").arg(reply.code())};
    QList<BirdProtocol> out;
    BirdChannel *channel = nullptr;
    for (const BirdLine &line : reply.lines) {
        if (line.code == code::ProtocolList) {
            const QStringList f = line.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (f.size() < 4)
                return Error{ErrorCode::NetworkError,
                             QStringLiteral("BIRD protocol line with %1 fields").arg(f.size())};
            BirdProtocol p;
            p.name = f[0];
            p.proto = f[1];
            p.table = f[2];
            p.state = f[3];
            qsizetype infoFrom = 4;
            if (f.size() >= 6)
                p.since = birdParsersTime(f[4] + QLatin1Char(' ') + f[5]);
            if (p.since.isValid())
                infoFrom = 6;
            else if (f.size() >= 5)
                infoFrom = 5; // another time format, one word
            // The info keeps BIRD's spacing between its words.
            p.info = birdParsersAfterWords(line.text, infoFrom);
            out.append(std::move(p));
            channel = nullptr;
            continue;
        }
        if (line.code != code::ProtocolDetails || out.isEmpty())
            continue;
        BirdProtocol &p = out.last();
        const QString trimmed = line.text.trimmed();
        if (trimmed.startsWith(QLatin1String("Channel "))) {
            p.channels.append(BirdChannel{trimmed.mid(8).trimmed(), {}, {}, {}, {}, {}});
            channel = &p.channels.last();
            continue;
        }
        QString key, value;
        if (!birdParsersKeyValue(trimmed, &key, &value))
            continue;
        bool ok = false;
        if (channel) {
            if (key == QLatin1String("State"))
                channel->state = value;
            else if (key == QLatin1String("Table"))
                channel->table = value;
            else if (key == QLatin1String("Routes"))
                channel->routes = birdParsersStats(value);
            else if (key == QLatin1String("Import updates"))
                channel->updates.updatesReceived = birdParsersFirstLast(value).first;
            else if (key == QLatin1String("Import withdraws"))
                channel->updates.withdrawsReceived = birdParsersFirstLast(value).first;
            else if (key == QLatin1String("Export updates"))
                channel->updates.updatesSent = birdParsersFirstLast(value).second;
            else if (key == QLatin1String("Export withdraws"))
                channel->updates.withdrawsSent = birdParsersFirstLast(value).second;
            else if (key == QLatin1String("BGP Next hop"))
                channel->nextHop = value.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
            continue;
        }
        if (key == QLatin1String("BGP state"))
            p.bgpState = value;
        else if (key == QLatin1String("Neighbor address"))
            p.neighborAddress = value;
        else if (key == QLatin1String("Neighbor AS"))
            p.neighborAs = birdParsersU32(value, &ok);
        else if (key == QLatin1String("Local AS"))
            p.localAs = birdParsersU32(value, &ok);
        else if (key == QLatin1String("Neighbor ID"))
            p.neighborId = value;
        else if (key == QLatin1String("Last error"))
            p.lastError = value;
    }
    for (BirdProtocol &p : out) {
        for (const BirdChannel &c : std::as_const(p.channels)) {
            p.routes.imported += c.routes.imported;
            p.routes.filtered += c.routes.filtered;
            p.routes.exported += c.routes.exported;
            p.routes.preferred += c.routes.preferred;
        }
    }
    return out;
}

Result<QList<BirdRoute>> parseBirdRoutes(const BirdReply &reply)
{
    if (reply.code() == code::RouteNotFound)
        return QList<BirdRoute>();
    if (reply.isError())
        return birdReplyError(reply, QStringLiteral("show route"));
    if (reply.code() != code::Ok)
        return Error{
            ErrorCode::NetworkError,
            QStringLiteral("unexpected BIRD reply code %1 to show route").arg(reply.code())};
    // "<net> <type> [<proto> <since>] * (<pref>[/<metric>]) [AS…]"; the net is
    // blank for a further route of the same net.
    static const QRegularExpression head(QStringLiteral(
        R"(^(\S*)\s+(\S+)\s+\[(\S+)(?:\s+([^\]]*?))?\](?:\s+(\*))?\s+\((\d+)(?:/[^)]*)?\))"));
    static const QRegularExpression viaRe(
        QStringLiteral(R"(^via\s+(\S+)\s+on\s+(\S+)(?:\s+weight\s+(\d+))?)"));
    static const QRegularExpression devRe(QStringLiteral(R"(^dev\s+(\S+))"));
    static const QRegularExpression community(QStringLiteral(R"(\((\d+),\s*(\d+)\))"));
    static const QRegularExpression large(QStringLiteral(R"(\((\d+),\s*(\d+),\s*(\d+)\))"));
    QList<BirdRoute> out;
    QString table;
    QString lastNet;
    for (const BirdLine &line : reply.lines) {
        if (line.code != code::RouteList && line.code != code::RouteDetails &&
            line.code != code::RouteAttributes)
            continue;
        const QString &text = line.text;
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (!text.startsWith(QLatin1Char('\t'))) {
            if (trimmed.startsWith(QLatin1String("Table ")) && trimmed.endsWith(QLatin1Char(':'))) {
                table = trimmed.mid(6).chopped(1);
                lastNet.clear();
                continue;
            }
            const auto m = head.match(text);
            if (!m.hasMatch())
                return Error{
                    ErrorCode::NetworkError,
                    QStringLiteral("BIRD route line not understood: %1").arg(text.left(120))};
            BirdRoute r;
            r.table = table;
            r.prefix = m.captured(1).isEmpty() ? lastNet : m.captured(1);
            if (r.prefix.isEmpty())
                return Error{ErrorCode::NetworkError, QStringLiteral("BIRD route without a net")};
            lastNet = r.prefix;
            r.type = m.captured(2);
            r.protocol = m.captured(3);
            // "<since>", or "<since> from <peer address>" (a route learnt
            // over BGP from another address than the session's own).
            r.since =
                birdParsersTime(m.captured(4).section(QStringLiteral(" from "), 0, 0).trimmed());
            r.primary = !m.captured(5).isEmpty();
            r.preference = m.captured(6).toInt();
            out.append(std::move(r));
            continue;
        }
        if (out.isEmpty())
            continue;
        BirdRoute &r = out.last();
        if (const auto v = viaRe.match(trimmed); v.hasMatch()) {
            r.nextHops.append(BirdNextHop{v.captured(1), v.captured(2), v.captured(3).toInt()});
            continue;
        }
        if (const auto d = devRe.match(trimmed); d.hasMatch()) {
            r.nextHops.append(BirdNextHop{QString(), d.captured(1), 0});
            continue;
        }
        QString key, value;
        if (!birdParsersKeyValue(trimmed, &key, &value))
            continue;
        bool ok = false;
        if (key == QLatin1String("Type")) {
            r.sourceType = value;
        } else if (key == QLatin1String("BGP.origin")) {
            r.origin = value;
        } else if (key == QLatin1String("BGP.as_path")) {
            r.asPathText = value;
            QString flat = value;
            flat.replace(QLatin1Char('{'), QLatin1Char(' '))
                .replace(QLatin1Char('}'), QLatin1Char(' '));
            flat.replace(QLatin1Char(','), QLatin1Char(' '));
            for (const QString &as : flat.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const quint32 n = birdParsersU32(as, &ok);
                if (ok)
                    r.asPath.append(n);
            }
        } else if (key == QLatin1String("BGP.next_hop")) {
            r.bgpNextHop = value;
        } else if (key == QLatin1String("BGP.local_pref")) {
            const quint32 n = birdParsersU32(value, &ok);
            if (ok)
                r.localPref = n;
        } else if (key == QLatin1String("BGP.med")) {
            const quint32 n = birdParsersU32(value, &ok);
            if (ok)
                r.med = n;
        } else if (key == QLatin1String("BGP.community")) {
            auto it = community.globalMatch(value);
            while (it.hasNext()) {
                const auto c = it.next();
                bool a = false, b = false;
                const quint32 x = birdParsersU32(c.captured(1), &a);
                const quint32 y = birdParsersU32(c.captured(2), &b);
                if (a && b && x <= 0xffff && y <= 0xffff)
                    r.communities.append({x, y});
            }
        } else if (key == QLatin1String("BGP.large_community")) {
            auto it = large.globalMatch(value);
            while (it.hasNext()) {
                const auto c = it.next();
                bool a = false, b = false, d = false;
                BirdRoute::Large l{birdParsersU32(c.captured(1), &a),
                                   birdParsersU32(c.captured(2), &b),
                                   birdParsersU32(c.captured(3), &d)};
                if (a && b && d)
                    r.largeCommunities.append(l);
            }
        }
    }
    return out;
}

} // namespace hm::bird
