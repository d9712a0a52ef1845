#include "credentials/CredentialText.h"

namespace hm::app {

QStringList CredentialText::types()
{
    return {QStringLiteral("http_basic"), QStringLiteral("http_bearer"), QStringLiteral("api_key"),
            QStringLiteral("oauth2"),     QStringLiteral("database"),    QStringLiteral("ssh")};
}

QString CredentialText::type(const QString &type)
{
    if (type == QLatin1String("http_basic"))
        return tr("HTTP Basic");
    if (type == QLatin1String("http_bearer"))
        return tr("HTTP Bearer token");
    if (type == QLatin1String("api_key"))
        return tr("API key");
    if (type == QLatin1String("oauth2"))
        return tr("OAuth 2.0 client");
    if (type == QLatin1String("database"))
        return tr("Database");
    if (type == QLatin1String("ssh"))
        return tr("SSH key");
    return type;
}

QString CredentialText::visibility(const QString &visibility)
{
    if (visibility == QLatin1String("private"))
        return tr("Private");
    if (visibility == QLatin1String("shared"))
        return tr("Shared");
    // One server is one workspace: everyone on it (docs/vault.md).
    if (visibility == QLatin1String("workspace"))
        return tr("Workspace (everyone on this server)");
    return visibility;
}

QString CredentialText::keyStatus(const QString &status)
{
    if (status == QLatin1String("ACTIVE"))
        return tr("Active");
    if (status == QLatin1String("DECRYPT_ONLY"))
        return tr("Decrypt only");
    if (status == QLatin1String("RETIRED"))
        return tr("Retired");
    return status;
}

QString CredentialText::rotationState(const QString &state)
{
    if (state == QLatin1String("idle"))
        return tr("Idle");
    if (state == QLatin1String("running"))
        return tr("Re-encrypting");
    if (state == QLatin1String("unfinished"))
        return tr("Unfinished");
    return state;
}

QString CredentialText::usageKind(const QString &kind)
{
    if (kind == QLatin1String("service"))
        return tr("service");
    if (kind == QLatin1String("flow"))
        return tr("flow");
    if (kind == QLatin1String("node"))
        return tr("node");
    return kind;
}

} // namespace hm::app
