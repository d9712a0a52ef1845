#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace hm {
struct Error;
}

namespace hm::app {

// The Services section's shared words: statuses, parameter places, and the
// server's errors about services (the reasons of SERVICE_UNAVAILABLE and
// SCHEMA_PARSE_ERROR in details.reason).
class ServiceText
{
    Q_DECLARE_TR_FUNCTIONS(ServiceText)

public:
    static QString status(const QString &status);
    static QString place(const QString &in); // path, query, header, cookie
    static QString error(const hm::Error &error, const QString &role = {});
    // What to say under a form field the server refused (VALIDATION_ERROR
    // with details.field, details.max_length): in the UI language; other
    // codes as error().
    static QString fieldError(const hm::Error &error, const QString &role = {});
    // A JSON Schema's type as shown ("string", "array of integer" ...).
    static QString schemaType(const QJsonObject &schema);
};

} // namespace hm::app
