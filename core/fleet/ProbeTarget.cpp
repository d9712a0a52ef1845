#include "fleet/ProbeTarget.h"

#include <QJsonObject>
#include <QUrl>

namespace hm::fleet {

namespace {

Error probeFieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

bool hasControlCharacter(QStringView text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

// A DNS name (letters, digits, '-', '.'), an IPv4 address or, in brackets
// when bracketed is true, an IPv6 address. Nothing else reaches a resolver.
bool isValidProbeHost(QStringView host, bool bracketed)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    if (host.startsWith(u'[')) {
        if (!bracketed || !host.endsWith(u']') || host.size() < 4)
            return false;
        for (const QChar c : host.mid(1, host.size() - 2))
            if (!(c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') ||
                  c == u':' || c == u'.'))
                return false;
        return true;
    }
    for (const QStringView label : host.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (const QChar c : label)
            if (!(c.isDigit() || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-'))
                return false;
    }
    return true;
}

Result<void> validateHttpTarget(const QString &target)
{
    const QUrl url(target, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https")))
        return probeFieldError(QStringLiteral("target"),
                               QStringLiteral("The URL must start with http:// or https://."));
    if (!url.userInfo().isEmpty())
        return probeFieldError(QStringLiteral("target"),
                               QStringLiteral("The URL must not contain credentials."));
    const QString host = url.host(QUrl::FullyEncoded);
    const bool ipv6 = host.contains(u':');
    if (!isValidProbeHost(ipv6 ? u'[' + host + u']' : host, true))
        return probeFieldError(
            QStringLiteral("target"),
            QStringLiteral("The URL's host is not a valid host name or address."));
    return {};
}

Result<void> validateTcpTarget(const QString &target)
{
    const qsizetype colon = target.lastIndexOf(u':');
    if (colon <= 0)
        return probeFieldError(QStringLiteral("target"),
                               QStringLiteral("A TCP target is host:port."));
    bool portOk = false;
    const int port = target.mid(colon + 1).toInt(&portOk);
    if (!portOk || port < 1 || port > 65535)
        return probeFieldError(QStringLiteral("target"),
                               QStringLiteral("The port must be between 1 and 65535."));
    if (!isValidProbeHost(QStringView(target).left(colon), true))
        return probeFieldError(
            QStringLiteral("target"),
            QStringLiteral("The host is not a valid host name or address (IPv6 in brackets)."));
    return {};
}

} // namespace

QString probeKindName(ProbeKind kind)
{
    switch (kind) {
    case ProbeKind::Http:
        return QStringLiteral("http");
    case ProbeKind::Tcp:
        return QStringLiteral("tcp");
    case ProbeKind::Icmp:
        return QStringLiteral("icmp");
    }
    return {};
}

std::optional<ProbeKind> probeKindFromName(QStringView name)
{
    for (const ProbeKind kind : {ProbeKind::Http, ProbeKind::Tcp, ProbeKind::Icmp})
        if (name == probeKindName(kind))
            return kind;
    return std::nullopt;
}

bool isValidProbeId(QStringView id)
{
    if (id.isEmpty() || id.size() > kMaxProbeIdLength)
        return false;
    for (const QChar c : id)
        if (!((c >= u'a' && c <= u'z') || c.isDigit() || c == u'_' || c == u'-'))
            return false;
    return true;
}

QString probeMetricName(QStringView probeId, QStringView value)
{
    return QStringLiteral("probe.") + probeId + u'.' + value;
}

Result<void> validateProbeTarget(const ProbeTarget &probe)
{
    if (!isValidProbeId(probe.id))
        return probeFieldError(
            QStringLiteral("id"),
            QStringLiteral("A probe id is 1–%1 characters of a–z, 0–9, '_' and '-'.")
                .arg(kMaxProbeIdLength));
    if (probe.name.trimmed().isEmpty() || probe.name.size() > kMaxProbeNameLength ||
        hasControlCharacter(probe.name))
        return probeFieldError(
            QStringLiteral("name"),
            QStringLiteral("The name is 1–%1 characters without control characters.")
                .arg(kMaxProbeNameLength));
    if (probe.target.isEmpty() || probe.target.size() > kMaxProbeTargetLength ||
        hasControlCharacter(probe.target) || probe.target.contains(u' '))
        return probeFieldError(
            QStringLiteral("target"),
            QStringLiteral("The target is 1–%1 characters without spaces or control characters.")
                .arg(kMaxProbeTargetLength));
    switch (probe.kind) {
    case ProbeKind::Http:
        if (const auto checked = validateHttpTarget(probe.target); !checked)
            return checked;
        break;
    case ProbeKind::Tcp:
        if (const auto checked = validateTcpTarget(probe.target); !checked)
            return checked;
        break;
    case ProbeKind::Icmp:
        if (!isValidProbeHost(probe.target, false))
            return probeFieldError(QStringLiteral("target"),
                                   QStringLiteral("The host is not a valid host name or address."));
        break;
    }
    if (probe.kind != ProbeKind::Http && (!probe.keyword.isEmpty() || probe.expectedStatus != 0))
        return probeFieldError(
            probe.keyword.isEmpty() ? QStringLiteral("expected_status") : QStringLiteral("keyword"),
            QStringLiteral("Only HTTP probes have a keyword or an expected status."));
    if (probe.keyword.size() > kMaxProbeKeywordLength || hasControlCharacter(probe.keyword))
        return probeFieldError(
            QStringLiteral("keyword"),
            QStringLiteral("The keyword is at most %1 characters without control characters.")
                .arg(kMaxProbeKeywordLength));
    if (probe.expectedStatus != 0 && (probe.expectedStatus < 100 || probe.expectedStatus > 599))
        return probeFieldError(QStringLiteral("expected_status"),
                               QStringLiteral("The expected status is 100–599."));
    if (probe.intervalSeconds < kMinProbeIntervalSeconds ||
        probe.intervalSeconds > kMaxProbeIntervalSeconds)
        return probeFieldError(QStringLiteral("interval_seconds"),
                               QStringLiteral("The interval is %1–%2 seconds.")
                                   .arg(kMinProbeIntervalSeconds)
                                   .arg(kMaxProbeIntervalSeconds));
    if (probe.timeoutSeconds < kMinProbeTimeoutSeconds ||
        probe.timeoutSeconds > kMaxProbeTimeoutSeconds ||
        probe.timeoutSeconds >= probe.intervalSeconds)
        return probeFieldError(
            QStringLiteral("timeout_seconds"),
            QStringLiteral("The timeout is %1–%2 seconds and shorter than the interval.")
                .arg(kMinProbeTimeoutSeconds)
                .arg(kMaxProbeTimeoutSeconds));
    return {};
}

} // namespace hm::fleet
