#include "fleet/DockerNames.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace hm::fleet {

namespace {

bool matchesWhole(const QRegularExpression &pattern, const QString &text)
{
    return pattern.match(text).hasMatch();
}

} // namespace

bool isDockerContainerId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("\\A[a-f0-9]{12,64}\\z"));
    return matchesWhole(pattern, text);
}

bool isDockerContainerName(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\A[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}\\z"));
    return matchesWhole(pattern, text);
}

bool isComposeProjectName(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("\\A[a-z0-9][a-z0-9_-]{0,62}\\z"));
    return matchesWhole(pattern, text);
}

Result<QString> dockerContainerRef(const QString &text, const QString &field)
{
    if (isDockerContainerId(text) || isDockerContainerName(text))
        return text;
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("%1 must be a container id (12 to 64 hex digits) or name "
                                "(letters, digits, '_', '.', '-'; at most 128, not starting "
                                "with '.', '_' or '-')")
                     .arg(field),
                 QJsonObject{{QStringLiteral("field"), field}}};
}

Result<QString> composeProjectName(const QString &text, const QString &field)
{
    if (isComposeProjectName(text))
        return text;
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("%1 must be a compose project name (lower-case letters, digits, "
                                "'_', '-'; at most 63, starting with a letter or digit)")
                     .arg(field),
                 QJsonObject{{QStringLiteral("field"), field}}};
}

QByteArray dockerPathSegment(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

} // namespace hm::fleet
