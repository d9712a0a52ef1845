#include "agent/NginxConfigText.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <utility>

namespace hm::agent {

namespace {

// Splits one directive's arguments ("a b 'c d'") the way nginx does for
// the simple cases these values take (no variables are evaluated).
QStringList nginxArguments(const QString &text)
{
    QStringList out;
    QString current;
    QChar quote;
    bool inToken = false;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                current.append(c);
            continue;
        }
        if (c == u'"' || c == u'\'') {
            quote = c;
            inToken = true;
            continue;
        }
        if (c.isSpace()) {
            if (inToken)
                out.append(std::exchange(current, QString()));
            inToken = false;
            continue;
        }
        current.append(c);
        inToken = true;
    }
    if (inToken)
        out.append(current);
    return out;
}

// The directives `name value;` at the top level of `body` (nested blocks
// skipped): each one's argument text.
QStringList topLevelDirectives(const QString &body, const QString &name)
{
    QStringList values;
    int depth = 0;
    qsizetype statementStart = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c == u'{') {
            ++depth;
            statementStart = i + 1;
        } else if (c == u'}') {
            depth = std::max(0, depth - 1);
            statementStart = i + 1;
        } else if (c == u';') {
            if (depth == 0) {
                const QString statement = body.mid(statementStart, i - statementStart).trimmed();
                if (statement.startsWith(name) &&
                    (statement.size() == name.size() || statement.at(name.size()).isSpace()))
                    values.append(statement.mid(name.size()).trimmed());
            }
            statementStart = i + 1;
        }
    }
    return values;
}

} // namespace

QString stripNginxComments(const QString &text)
{
    QString out;
    out.reserve(text.size());
    QChar quote;
    bool comment = false;
    for (const QChar c : text) {
        if (comment) {
            if (c == u'\n') {
                comment = false;
                out.append(c);
            }
            continue;
        }
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'#') {
            comment = true;
            continue;
        }
        out.append(c);
    }
    return out;
}

QList<NginxServerBlock> nginxServerBlocks(const QString &text)
{
    const QString clean = stripNginxComments(text);
    static const QRegularExpression serverStart(QStringLiteral("(^|[\\s;{}])server\\s*\\{"));
    QList<NginxServerBlock> blocks;
    qsizetype from = 0;
    while (true) {
        const QRegularExpressionMatch match = serverStart.match(clean, from);
        if (!match.hasMatch())
            break;
        const qsizetype open = match.capturedEnd() - 1;
        int depth = 0;
        qsizetype close = open;
        for (; close < clean.size(); ++close) {
            if (clean.at(close) == u'{')
                ++depth;
            else if (clean.at(close) == u'}' && --depth == 0)
                break;
        }
        const QString body = clean.mid(open + 1, close - open - 1);
        NginxServerBlock block;
        for (const QString &value : topLevelDirectives(body, QStringLiteral("server_name")))
            block.serverNames += nginxArguments(value);
        for (const QString &value : topLevelDirectives(body, QStringLiteral("listen")))
            block.listen.append(nginxArguments(value).join(u' '));
        for (const QString &value : topLevelDirectives(body, QStringLiteral("ssl_certificate")))
            block.sslCertificates += nginxArguments(value).mid(0, 1);
        blocks.append(block);
        from = close + 1;
    }
    return blocks;
}

QString nginxPidDirective(const QString &text)
{
    const QStringList values = topLevelDirectives(stripNginxComments(text), QStringLiteral("pid"));
    if (values.isEmpty())
        return {};
    const QStringList arguments = nginxArguments(values.constFirst());
    return arguments.isEmpty() ? QString() : arguments.constFirst();
}

QStringList nginxErrorLogDirectives(const QString &text)
{
    QStringList paths;
    for (const QString &value :
         topLevelDirectives(stripNginxComments(text), QStringLiteral("error_log"))) {
        const QStringList arguments = nginxArguments(value);
        if (!arguments.isEmpty())
            paths << arguments.constFirst();
    }
    return paths;
}

QJsonObject parseOpensslCertificateText(const QString &output, const QDateTime &now)
{
    QJsonObject info;
    QJsonArray sans;
    bool inSans = false;
    const auto dateOf = [](const QString &value) {
        // "Nov  7 14:33:01 2026 GMT"
        QString text = value.simplified();
        if (text.endsWith(QStringLiteral(" GMT")))
            text.chop(4);
        QDateTime date = QLocale::c().toDateTime(text, QStringLiteral("MMM d HH:mm:ss yyyy"));
        date.setTimeSpec(Qt::UTC);
        return date;
    };
    QDateTime notBefore, notAfter;
    for (const QString &rawLine : output.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (inSans && rawLine.startsWith(u' ')) {
            for (const QString &entry : line.split(u',')) {
                const QString name = entry.trimmed();
                if (!name.isEmpty())
                    sans.append(name);
            }
            continue;
        }
        inSans = false;
        if (line.startsWith(QStringLiteral("subject=")))
            info.insert(QStringLiteral("subject"), line.mid(8).trimmed());
        else if (line.startsWith(QStringLiteral("issuer=")))
            info.insert(QStringLiteral("issuer"), line.mid(7).trimmed());
        else if (line.startsWith(QStringLiteral("notBefore=")))
            notBefore = dateOf(line.mid(10));
        else if (line.startsWith(QStringLiteral("notAfter=")))
            notAfter = dateOf(line.mid(9));
        else if (line.startsWith(QStringLiteral("X509v3 Subject Alternative Name")))
            inSans = true;
        else if (line.contains(QStringLiteral("Fingerprint=")))
            info.insert(QStringLiteral("fingerprint_sha256"),
                        line.mid(line.indexOf(u'=') + 1).remove(u':').toLower());
    }
    if (!notBefore.isValid() || !notAfter.isValid())
        return {};
    info.insert(QStringLiteral("not_before"), notBefore.toString(Qt::ISODate));
    info.insert(QStringLiteral("not_after"), notAfter.toString(Qt::ISODate));
    info.insert(QStringLiteral("days_left"),
                qint64(std::floor(double(now.msecsTo(notAfter)) / 86400000.0)));
    info.insert(QStringLiteral("expired"), now > notAfter);
    info.insert(QStringLiteral("sans"), sans);
    info.insert(QStringLiteral("self_signed"),
                !info.value(QStringLiteral("subject")).toString().isEmpty() &&
                    info.value(QStringLiteral("subject")) == info.value(QStringLiteral("issuer")));
    return info;
}

} // namespace hm::agent
