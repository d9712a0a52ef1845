#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace hm::flow {

// Checks node configs against a component's configSchema (JSON Schema draft
// 7) with valijson, whose Qt adapter works with Qt 6. Parse the schema once
// per component and validate every node of that component with it.
// valijson reports errors with exceptions; none leave this class.
class ConfigSchemaValidator
{
public:
    struct Violation
    {
        QString path; // "config.timeout", "config.items[1]"
        QString message;
    };

    // Fails with VALIDATION_ERROR if the schema itself cannot be used (bad
    // keyword values, remote $ref).
    static Result<std::shared_ptr<const ConfigSchemaValidator>> create(const QJsonObject &schema);
    // The same, from a process-wide cache keyed by the schema's content: a
    // flow version is compiled on every save, load and publish, and the
    // catalogue's schemas rarely change. Failures are cached too. Safe to
    // call from any thread; validate() only reads the parsed schema.
    static Result<std::shared_ptr<const ConfigSchemaValidator>> cached(const QJsonObject &schema);
    ~ConfigSchemaValidator();

    // Empty when the config conforms.
    QList<Violation> validate(const QJsonObject &config) const;

private:
    struct Impl;
    explicit ConfigSchemaValidator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hm::flow
