#include "server/ws/WsUpgrade.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace hm::server::ws {

WsTarget wsTargetOf(const QString &path)
{
    static const QRegularExpression executionPath(
        QStringLiteral("^/ws/executions/([A-Za-z0-9_-]{1,64})/?$"));
    if (path == QLatin1String("/ws/events") || path == QLatin1String("/ws/events/") ||
        path == QLatin1String("/ws/connect"))
        return {WsTarget::Feed::Events, {}, {}};
    if (path == QLatin1String("/ws/agent") || path == QLatin1String("/ws/agent/"))
        return {WsTarget::Feed::Agent, {}, {}};
    const auto execution = executionPath.match(path);
    if (execution.hasMatch())
        return {WsTarget::Feed::Execution, execution.captured(1), {}};
    static const QRegularExpression nodePath(
        QStringLiteral("^/ws/(?:nodes|servers)/([A-Za-z0-9_-]{1,64})/?$"));
    const auto node = nodePath.match(path);
    if (node.hasMatch())
        return {WsTarget::Feed::Node, {}, node.captured(1)};
    static const QRegularExpression terminalPath(
        QStringLiteral("^/ws/(?:nodes|servers)/([A-Za-z0-9_-]{1,64})/terminal/?$"));
    const auto terminal = terminalPath.match(path);
    if (terminal.hasMatch())
        return {WsTarget::Feed::Terminal, {}, terminal.captured(1)};
    static const QRegularExpression publicNodePath(
        QStringLiteral("^/public/ws/(?:nodes|servers)/([A-Za-z0-9_-]{1,64})/?$"));
    const auto publicNode = publicNodePath.match(path);
    if (publicNode.hasMatch())
        return {WsTarget::Feed::PublicNode, {}, publicNode.captured(1)};
    return {};
}

QString wsCredentialOf(const QUrl &requestUrl, const QByteArray &authorization,
                       const QByteArray &apiKey)
{
    const QString query =
        QUrlQuery(requestUrl).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (!query.isEmpty())
        return query;
    const QByteArray bearer = authorization.trimmed();
    if (bearer.size() > 7 && bearer.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(bearer.mid(7)).trimmed();
    return QString::fromLatin1(apiKey).trimmed();
}

} // namespace hm::server::ws
