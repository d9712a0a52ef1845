#include "server/services/mail/MailMessage.h"

#include <QLocale>
#include <QRegularExpression>

namespace hm::server::mail {

namespace {

QByteArray encodedHeaderText(const QString &text)
{
    QString flat = text;
    flat.replace(QRegularExpression(QStringLiteral("[\\r\\n\\t]+")), QStringLiteral(" "));
    bool ascii = true;
    for (const QChar c : flat) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return flat.toLatin1();
    // RFC 2047 encoded words of at most 75 characters each, split on whole
    // characters so that no UTF-8 sequence is cut.
    QByteArray out;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < flat.size(); ++i) {
        QString one(flat.at(i));
        if (flat.at(i).isHighSurrogate() && i + 1 < flat.size())
            one += flat.at(++i);
        const QByteArray bytes = one.toUtf8();
        if ((chunk.size() + bytes.size() + 2) / 3 * 4 > 60)
            flush();
        chunk += bytes;
    }
    flush();
    return out;
}

} // namespace

bool isMailAddress(const QString &address)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    return address.size() <= 254 && pattern.match(address).hasMatch();
}

QStringList splitAddresses(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;]")))) {
        const QString address = part.trimmed();
        if (!address.isEmpty())
            out.append(address);
    }
    return out;
}

Status checkMessage(const MailMessage &message)
{
    const auto fault = [](const char *field, const QString &why) {
        return Error{ErrorCode::ValidationError,
                     QLatin1String(field) + QStringLiteral(": ") + why,
                     {{QStringLiteral("field"), QLatin1String(field)}}};
    };
    if (!isMailAddress(message.from))
        return fault("from", QStringLiteral("one e-mail address"));
    if (message.to.isEmpty() || message.to.size() > 20)
        return fault("to", QStringLiteral("1 to 20 e-mail addresses"));
    for (const QString &to : message.to) {
        if (!isMailAddress(to))
            return fault("to", QStringLiteral("not an e-mail address: %1").arg(to.left(64)));
    }
    return {};
}

QByteArray renderMessage(const MailMessage &message, const QDateTime &date,
                         const QString &messageId)
{
    QByteArray out;
    const auto header = [&out](const char *name, const QByteArray &value) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    };
    // RFC 5322 date, in English whatever the server's locale.
    header("Date", QLocale::c()
                           .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                           .toLatin1() +
                       " +0000");
    header("From", message.from.toLatin1());
    header("To", message.to.join(QStringLiteral(", ")).toLatin1());
    header("Subject", encodedHeaderText(message.subject));
    header("Message-ID", "<" + messageId.toLatin1() + ">");
    header("MIME-Version", "1.0");
    header("Content-Type", "text/plain; charset=UTF-8");
    header("Content-Transfer-Encoding", "base64");
    out += "\r\n";
    QString text = message.text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray body = text.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76) {
        out += body.mid(i, 76);
        out += "\r\n";
    }
    return out;
}

} // namespace hm::server::mail
