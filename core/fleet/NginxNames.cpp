#include "fleet/NginxNames.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace hm::fleet {

namespace {

Error nginxFieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

} // namespace

Status checkNginxSiteName(const QString &name, const QString &field)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    if (!pattern.match(name).hasMatch() || name.contains(QStringLiteral("..")))
        return nginxFieldError(field, QStringLiteral("%1: 1 to 64 letters, digits, '.', '_' or "
                                                     "'-', starting with a letter or digit, no "
                                                     "\"..\"")
                                          .arg(field));
    return {};
}

Status checkNginxDomain(const QString &domain, const QString &field)
{
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    const auto refuse = [&] {
        return nginxFieldError(field, QStringLiteral("%1: a host name such as example.com "
                                                     "(letters, digits, '-' and dots)")
                                          .arg(field));
    };
    QString host = domain;
    if (host.startsWith(QStringLiteral("*.")))
        host = host.mid(2);
    if (host.isEmpty() || domain.size() > 253)
        return refuse();
    for (const QString &part : host.split(u'.'))
        if (!label.match(part).hasMatch())
            return refuse();
    return {};
}

Status checkNginxConfigText(const QString &text, const QString &field)
{
    if (text.toUtf8().size() > kMaxNginxConfigBytes)
        return Error{
            ErrorCode::PayloadTooLarge,
            QStringLiteral("%1 is larger than %2 KiB").arg(field).arg(kMaxNginxConfigBytes / 1024),
            QJsonObject{{QStringLiteral("field"), field}}};
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7f || u == 0xfffd ||
            c.isNonCharacter())
            return nginxFieldError(field, QStringLiteral("%1 must be plain text (no NUL or "
                                                         "control characters)")
                                              .arg(field));
    }
    return {};
}

} // namespace hm::fleet
