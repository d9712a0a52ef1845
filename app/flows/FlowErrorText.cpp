#include "flows/FlowErrorText.h"

#include "client/ApiError.h"
#include "widgets/ServerErrorText.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace hm::app {

namespace {

QString field(const hm::Error &error)
{
    return error.details.value(QStringLiteral("field")).toString();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

bool isVersionConflict(const hm::Error &error)
{
    return client::isConflict(error);
}

QString describeFlowError(const hm::Error &error)
{
    if (isVersionConflict(error))
        return QCoreApplication::translate(
            "FlowErrorText", "Someone saved a newer version of this flow since you opened it.");
    using hm::ErrorCode;
    switch (error.code) {
    case ErrorCode::NetworkError:
        return QCoreApplication::translate(
            "FlowErrorText", "The server cannot be reached. Check the connection and try again.");
    case ErrorCode::Timeout:
        return QCoreApplication::translate("FlowErrorText", "The server did not answer in time.");
    case ErrorCode::ServiceUnavailable:
    case ErrorCode::MaintenanceMode:
        return QCoreApplication::translate("FlowErrorText",
                                           "The server is not available right now.");
    case ErrorCode::RateLimitExceeded:
        return QCoreApplication::translate(
            "FlowErrorText",
            "Too many requests: the server asks to wait a moment before trying again.");
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenInvalid:
    case ErrorCode::InvalidToken:
    case ErrorCode::RefreshTokenExpired:
        return QCoreApplication::translate(
            "FlowErrorText", "You are not signed in to the server, or your session has ended.");
    case ErrorCode::InsufficientPermissions:
        return QCoreApplication::translate("FlowErrorText", "Your role does not allow this.");
    case ErrorCode::Forbidden: {
        const QString needed =
            error.details.value(QStringLiteral("required_permission")).toString();
        if (!needed.isEmpty())
            return QCoreApplication::translate("FlowErrorText",
                                               "This needs %1 permission on the flow; you have %2.")
                .arg(permissionText(needed),
                     permissionText(error.details.value(QStringLiteral("permission")).toString()));
        return QCoreApplication::translate("FlowErrorText",
                                           "You do not have permission to do this.");
    }
    case ErrorCode::FlowNotFound:
        return QCoreApplication::translate(
            "FlowErrorText", "The flow no longer exists, or it is not shared with you.");
    case ErrorCode::FlowVersionNotFound:
        return QCoreApplication::translate(
            "FlowErrorText",
            "That version of the flow does not exist. A flow runs its published version: "
            "publish one first.");
    case ErrorCode::ResourceAlreadyExists:
        if (field(error) == QLatin1String("name"))
            return QCoreApplication::translate("FlowErrorText",
                                               "Another flow already has this name.");
        return QCoreApplication::translate("FlowErrorText", "This already exists.");
    case ErrorCode::ValidationError:
        if (field(error) == QLatin1String("name"))
            return QCoreApplication::translate(
                "FlowErrorText",
                "The name must not be empty and must have at most 255 characters.");
        if (field(error) == QLatin1String("email"))
            return QCoreApplication::translate("FlowErrorText", "This is not an e-mail address.");
        if (field(error) == QLatin1String("definition"))
            return QCoreApplication::translate("FlowErrorText",
                                               "The flow definition must be a JSON object.");
        return QCoreApplication::translate("FlowErrorText", "The server refused the request: %1")
            .arg(error.message);
    case ErrorCode::InvalidFlowDefinition: {
        const int count =
            static_cast<int>(error.details.value(QStringLiteral("problems")).toArray().size());
        return count > 0 ? QCoreApplication::translate(
                               "FlowErrorText",
                               "The server refused the flow: it has %n problem(s).", nullptr, count)
                         : QCoreApplication::translate("FlowErrorText",
                                                       "The server refused the flow definition.");
    }
    case ErrorCode::InvalidInputMapping:
        return QCoreApplication::translate("FlowErrorText",
                                           "An input mapping of the flow is not valid.");
    case ErrorCode::ConcurrentDenied:
        return QCoreApplication::translate(
            "FlowErrorText",
            "The flow is already running and its settings allow only one execution at a "
            "time.");
    case ErrorCode::ShareNotFound:
        return QCoreApplication::translate("FlowErrorText", "This share no longer exists.");
    case ErrorCode::ShareAccessDenied:
        return QCoreApplication::translate(
            "FlowErrorText",
            "Only the flow's owner and people it is shared with as admin can manage its "
            "sharing.");
    case ErrorCode::CannotShareToSelf:
        return QCoreApplication::translate("FlowErrorText",
                                           "You cannot share a flow with yourself.");
    case ErrorCode::AlreadyShared:
        return QCoreApplication::translate(
            "FlowErrorText", "The flow is already shared with this person (or they own it).");
    case ErrorCode::InvalidPermission:
        return QCoreApplication::translate("FlowErrorText",
                                           "The permission must be view, edit or admin.");
    case ErrorCode::UserNotFound:
        return QCoreApplication::translate("FlowErrorText",
                                           "The account with this e-mail address was deleted.");
    case ErrorCode::ResourceNotFound:
        return QCoreApplication::translate("FlowErrorText", "It no longer exists.");
    case ErrorCode::PayloadTooLarge:
        return QCoreApplication::translate("FlowErrorText",
                                           "The flow is larger than the server accepts.");
    default:
        break;
    }
    // Codes the flows have no words of their own for: the console's common
    // sentences (the server's message only for a code nobody knows).
    return describeApiError(error);
}

QString describeFlowProblem(const QJsonObject &p)
{
    const QString code = str(p, "code");
    const QString node = str(p, "node");
    const QString edge = str(p, "edge");
    if (code == QLatin1String("UNKNOWN_COMPONENT"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "Node “%1” uses the component “%2”, which the server does not have.")
            .arg(node, str(p, "component"));
    if (code == QLatin1String("UNKNOWN_COMPONENT_VERSION"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "Node “%1” uses version %2 of “%3”, which the server does not have.")
            .arg(node, str(p, "version"), str(p, "component"));
    if (code == QLatin1String("DUPLICATE_NODE_ID"))
        return QCoreApplication::translate("FlowErrorText",
                                           "The node id “%1” is used more than once.")
            .arg(node);
    if (code == QLatin1String("DUPLICATE_EDGE_ID"))
        return QCoreApplication::translate("FlowErrorText",
                                           "The connection id “%1” is used more than once.")
            .arg(edge);
    if (code == QLatin1String("UNKNOWN_EDGE_NODE"))
        return QCoreApplication::translate("FlowErrorText",
                                           "Connection “%1” leads to a node that does not exist.")
            .arg(edge);
    if (code == QLatin1String("UNKNOWN_SOURCE_HANDLE"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "Connection “%1” leaves from an output “%2” its node does not have.")
            .arg(edge, str(p, "handle"));
    if (code == QLatin1String("UNKNOWN_TARGET_HANDLE"))
        return QCoreApplication::translate(
                   "FlowErrorText", "Connection “%1” enters an input “%2” its node does not have.")
            .arg(edge, str(p, "handle"));
    if (code == QLatin1String("CYCLE")) {
        QStringList nodes;
        for (const QJsonValue &id : p.value(QStringLiteral("nodes")).toArray())
            nodes.append(id.toString());
        return QCoreApplication::translate("FlowErrorText", "The connections form a loop: %1.")
            .arg(nodes.join(QStringLiteral(" → ")));
    }
    if (code == QLatin1String("MISSING_REQUIRED_INPUT"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "Node “%1” needs a value for its input “%2”: connect it or map it.")
            .arg(node, str(p, "input"));
    if (code == QLatin1String("UNKNOWN_INPUT"))
        return QCoreApplication::translate(
                   "FlowErrorText", "Node “%1” maps an input “%2” its component does not have.")
            .arg(node, str(p, "input"));
    if (code == QLatin1String("INVALID_MAPPING"))
        return QCoreApplication::translate("FlowErrorText",
                                           "Node “%1”: the mapping of input “%2” cannot be read.")
            .arg(node, str(p, "input"));
    if (code == QLatin1String("MAPPING_UNKNOWN_NODE"))
        return QCoreApplication::translate("FlowErrorText",
                                           "Node “%1” reads from a node “%2” that does not exist.")
            .arg(node, str(p, "ref"));
    if (code == QLatin1String("MAPPING_NOT_ANCESTOR"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "Node “%1” reads from node “%2”, which does not run before it: connect them "
                   "first.")
            .arg(node, str(p, "ref"));
    if (code == QLatin1String("MAPPING_UNKNOWN_OUTPUT"))
        return QCoreApplication::translate(
                   "FlowErrorText", "Node “%1” reads an output “%2” that node “%3” does not have.")
            .arg(node, str(p, "output"), str(p, "ref"));
    if (code == QLatin1String("MAPPING_TYPE_MISMATCH"))
        return QCoreApplication::translate("FlowErrorText",
                                           "Node “%1”: input “%2” expects %3 but gets %4.")
            .arg(node, str(p, "input"), str(p, "expected"), str(p, "actual"));
    if (code == QLatin1String("INVALID_CONFIG"))
        return QCoreApplication::translate("FlowErrorText",
                                           "Node “%1”: its configuration is not valid (%2).")
            .arg(node, str(p, "message"));
    if (code == QLatin1String("INVALID_BUILTIN_EXPRESSION"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "Node “%1”: the expression “%2” at %3 cannot run; it must be a value or "
                   "read the node's inputs with “$.inputs…”.")
            .arg(node, str(p, "expression"), str(p, "path"));
    if (code == QLatin1String("INVALID_CONFIG_SCHEMA"))
        return QCoreApplication::translate(
                   "FlowErrorText",
                   "The component “%1” has a configuration schema the server cannot use.")
            .arg(str(p, "component"));
    if (code == QLatin1String("INVALID_SETTING"))
        return QCoreApplication::translate("FlowErrorText", "The flow setting “%1” is not valid.")
            .arg(str(p, "setting"));
    if (code == QLatin1String("UNSUPPORTED_SCHEMA_VERSION"))
        return QCoreApplication::translate(
            "FlowErrorText",
            "The definition's \"schemaVersion\" is newer than this server understands.");
    if (code == QLatin1String("INVALID_SHAPE")) {
        const QString path = str(p, "path");
        return path.isEmpty()
                   ? QCoreApplication::translate("FlowErrorText",
                                                 "The definition is not shaped as a flow.")
                   : QCoreApplication::translate("FlowErrorText",
                                                 "The definition is not shaped as a flow at “%1”.")
                         .arg(path);
    }
    // A problem this console does not know yet: the server's words.
    return str(p, "message");
}

QStringList describeFlowProblems(const hm::Error &error)
{
    QStringList texts;
    for (const QJsonValue &problem : error.details.value(QStringLiteral("problems")).toArray())
        texts.append(describeFlowProblem(problem.toObject()));
    return texts;
}

QString permissionText(const QString &permission)
{
    if (permission == QLatin1String("view"))
        return QCoreApplication::translate("FlowErrorText", "view");
    if (permission == QLatin1String("edit"))
        return QCoreApplication::translate("FlowErrorText", "edit");
    if (permission == QLatin1String("admin"))
        return QCoreApplication::translate("FlowErrorText", "admin");
    if (permission == QLatin1String("owner"))
        return QCoreApplication::translate("FlowErrorText", "owner");
    return QCoreApplication::translate("FlowErrorText", "no");
}

QString versionStatusText(const QString &status)
{
    if (status == QLatin1String("draft"))
        return QCoreApplication::translate("FlowErrorText", "Draft");
    if (status == QLatin1String("published"))
        return QCoreApplication::translate("FlowErrorText", "Published");
    if (status == QLatin1String("deprecated"))
        return QCoreApplication::translate("FlowErrorText", "Deprecated");
    return status;
}

QString executionStatusText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return QCoreApplication::translate("FlowErrorText", "Pending");
    if (status == QLatin1String("queued"))
        return QCoreApplication::translate("FlowErrorText", "Queued");
    if (status == QLatin1String("running"))
        return QCoreApplication::translate("FlowErrorText", "Running");
    if (status == QLatin1String("completed"))
        return QCoreApplication::translate("FlowErrorText", "Completed");
    if (status == QLatin1String("failed"))
        return QCoreApplication::translate("FlowErrorText", "Failed");
    if (status == QLatin1String("cancelling"))
        return QCoreApplication::translate("FlowErrorText", "Cancelling");
    if (status == QLatin1String("cancelled"))
        return QCoreApplication::translate("FlowErrorText", "Cancelled");
    return status;
}

} // namespace hm::app
