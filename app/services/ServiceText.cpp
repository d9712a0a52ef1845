#include "services/ServiceText.h"

#include "common/Error.h"
#include "widgets/AdminText.h"
#include "widgets/ServerErrorText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace hm::app {

QString ServiceText::status(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("inactive"))
        return tr("Inactive");
    if (status == QLatin1String("error"))
        return tr("Error");
    return status;
}

QString ServiceText::place(const QString &in)
{
    if (in == QLatin1String("path"))
        return tr("path");
    if (in == QLatin1String("query"))
        return tr("query");
    if (in == QLatin1String("header"))
        return tr("header");
    if (in == QLatin1String("cookie"))
        return tr("cookie");
    return in;
}

QString ServiceText::schemaType(const QJsonObject &schema)
{
    QString type = schema.value(QStringLiteral("type")).toString();
    if (type.isEmpty() && schema.value(QStringLiteral("type")).isArray()) {
        QStringList types;
        for (const QJsonValue &t : schema.value(QStringLiteral("type")).toArray())
            types << t.toString();
        type = types.join(u'|');
    }
    if (type == QLatin1String("array")) {
        const QString items = schemaType(schema.value(QStringLiteral("items")).toObject());
        return items.isEmpty() ? type : tr("array of %1").arg(items);
    }
    if (type.isEmpty() && schema.contains(QStringLiteral("properties")))
        type = QStringLiteral("object");
    const QString format = schema.value(QStringLiteral("format")).toString();
    if (!format.isEmpty() && !type.isEmpty())
        return tr("%1 (%2)").arg(type, format);
    return type;
}

QString ServiceText::fieldError(const hm::Error &error, const QString &role)
{
    if (error.code != ErrorCode::ValidationError)
        return ServiceText::error(error, role);
    const QString field = error.details.value(QStringLiteral("field")).toString();
    const qint64 max = error.details.value(QStringLiteral("max_length")).toInteger();
    if (max > 0)
        return tr("Use at most %1 characters.").arg(QLocale().toString(max));
    if (field == QLatin1String("display_name"))
        return tr("Enter a name.");
    if (field == QLatin1String("base_url"))
        return tr("Enter an absolute http or https address without query, fragment or user "
                  "name.");
    if (field == QLatin1String("schema_url"))
        return tr("Enter a path under the base URL (starting with \"/\") or an absolute http or "
                  "https address. For a document on this computer, use Import from file... in "
                  "the new-service wizard.");
    if (field == QLatin1String("credential_id"))
        return tr("Choose a credential you may use, or none.");
    if (field == QLatin1String("description"))
        return tr("The server refused this description.");
    return tr("The server refused this value.");
}

QString ServiceText::error(const hm::Error &error, const QString &role)
{
    const QString reason = error.details.value(QStringLiteral("reason")).toString();
    const QString url = error.details.value(QStringLiteral("url")).toString();
    if (error.code == ErrorCode::ValidationError && reason == QLatin1String("SCHEME"))
        return fieldError(error, role);
    if (reason == QLatin1String("PRIVATE_ADDRESS"))
        return describeApiError(error);
    if (error.code == ErrorCode::ServiceUnavailable) {
        if (reason == QLatin1String("REDIRECT"))
            return tr("%1 redirected somewhere the server does not follow (not http or https, "
                      "or from https to http).")
                .arg(url);
        if (reason == QLatin1String("HTTP_STATUS"))
            return tr("%1 answered HTTP %2 instead of a document.")
                .arg(url,
                     QString::number(error.details.value(QStringLiteral("http_status")).toInt()));
        if (!url.isEmpty())
            return tr("The service cannot be reached at %1: %2").arg(url, error.message);
        return tr("The service cannot be reached: %1").arg(error.message);
    }
    if (error.code == ErrorCode::SchemaParseError) {
        if (reason == QLatin1String("NO_DOCUMENT")) {
            QStringList tried;
            for (const QJsonValue &t : error.details.value(QStringLiteral("tried")).toArray())
                tried << t.toString();
            return tr("No OpenAPI document was found at the usual paths (%n tried). Give the "
                      "schema URL, or add the endpoints by hand.",
                      "", int(tried.size()));
        }
        if (reason == QLatin1String("TOO_LARGE"))
            return tr("The document is larger than the server reads (16 MiB).");
        const int line = error.details.value(QStringLiteral("line")).toInt();
        if (line > 0 && url.isEmpty())
            return tr("The document could not be read (line %1): %2")
                .arg(QString::number(line), error.message);
        if (line > 0)
            return tr("The document at %1 could not be read (line %2): %3")
                .arg(url, QString::number(line), error.message);
        return tr("The document could not be read: %1").arg(error.message);
    }
    return AdminText::error(error, role);
}

} // namespace hm::app
